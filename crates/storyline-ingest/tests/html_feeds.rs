//! Tests of RSS/Atom input on feeds written for these tests: items, publication and
//! update times kept apart, full-content items becoming documents, broken feeds
//! giving errors that name the feed.

use storyline_ingest::feeds::{documents_from_feed, read_feed};
use storyline_model::DateBasis;

const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title><link>https://example.com/</link><description>News</description>
<item><title>Pier closes</title><link>https://example.com/pier</link><pubDate>Tue, 19 Nov 2024 10:02:00 GMT</pubDate><author>ann@example.com (Ann Rivers)</author>
<description>&lt;p&gt;The harbour authority said on Tuesday that the northern pier will close for repairs after inspectors found cracks in two of its columns.&lt;/p&gt;&lt;p&gt;Ferries will dock at the southern terminal instead for about six weeks.&lt;/p&gt;</description></item>
<item><title>Short</title><link>https://example.com/short</link><description>Just a teaser.</description></item>
</channel></rss>"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Gazette</title><id>urn:x</id><updated>2024-11-20T08:00:00Z</updated>
<entry><title>Dam report</title><id>urn:x:1</id><link href="https://example.com/dam"/><published>2024-11-18T09:00:00Z</published><updated>2024-11-20T08:00:00Z</updated><author><name>Omar Haddad</name></author>
<content type="html">&lt;p&gt;The regional water board published its annual report on the old dam, saying repairs are on schedule and the spillway will be inspected in spring.&lt;/p&gt;</content></entry></feed>"#;

#[test]
fn rss_items_and_documents() {
    let items = read_feed(RSS.as_bytes(), "gazette.rss").unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].url.as_deref(), Some("https://example.com/pier"));
    assert!(items[0]
        .published
        .as_deref()
        .unwrap()
        .starts_with("2024-11-19T10:02:00"));
    let docs = documents_from_feed(&items, "gazette.rss", 60);
    assert_eq!(docs.len(), 1);
    assert!(
        docs[0].text.starts_with("The harbour authority"),
        "{}",
        docs[0].text
    );
    assert_eq!(docs[0].published.basis, DateBasis::Meta);
    assert!(docs[0].header.iter().any(|h| h.field == "truncated"));
}

#[test]
fn atom_keeps_published_and_updated_apart() {
    let items = read_feed(ATOM.as_bytes(), "gazette.atom").unwrap();
    assert_eq!(items[0].authors, vec!["Omar Haddad".to_string()]);
    assert!(items[0].full_content);
    let docs = documents_from_feed(&items, "gazette.atom", 60);
    assert_eq!(
        docs[0].published.value.earliest.unwrap().to_string(),
        "2024-11-18"
    );
    assert!(docs[0]
        .header
        .iter()
        .any(|h| h.field == "modified" && h.text.contains("2024-11-20")));
}

#[test]
fn broken_feed_is_an_error_naming_it() {
    let err = read_feed(&b"<rss><channel><item><title>x"[..], "cut.rss").unwrap_err();
    assert_eq!(err.path, "cut.rss");
    assert!(read_feed(&b"not xml at all"[..], "junk.xml").is_err());
}
