//! Behaviour of text-article parsing on small articles written for these tests:
//! headers, bylines, datelines, dates and their basis, and conservative cleaning.

use storyline_ingest::document_from_bytes;
use storyline_model::{DateBasis, Document, RemovedKind};

fn parse(name: &str, text: &str) -> Document {
    document_from_bytes(name, text.as_bytes()).expect("article parses")
}

fn removed(doc: &Document, kind: RemovedKind) -> Vec<&str> {
    doc.removed
        .iter()
        .filter(|r| r.kind == kind)
        .map(|r| r.text.as_str())
        .collect()
}

#[test]
fn wire_story_with_byline_dateline_and_credits() {
    let doc = parse(
        "wire.txt",
        "Port authority halts night shipments after crane collapse\n\n\
         By Ines Barra and Kofi Mensah\n\n\
         HALDEN, June 4 (Reuters) - The port authority stopped night loading on Tuesday after a crane collapsed, officials said.\n\n\
         Two workers were hurt, the authority said in a statement. (Reporting by Ines Barra; Additional reporting by Lu Wei in Oslo; Editing by Mark Dent and Sara Kim)\n",
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("Port authority halts night shipments after crane collapse")
    );
    assert_eq!(doc.authors, ["Ines Barra", "Kofi Mensah"]);
    assert_eq!(doc.outlet.as_deref(), Some("Reuters"));
    assert_eq!(doc.dateline.as_deref(), Some("HALDEN"));
    // Only a year-less dateline date: the day is known, the year is not.
    assert_eq!(doc.published.basis, DateBasis::Dateline);
    assert_eq!(doc.published.value.value, "XXXX-06-04");
    let ev = doc.published.evidence.as_ref().expect("dateline evidence");
    assert_eq!(&doc.text[ev.start..ev.end], ev.text);
    assert!(ev.text.starts_with("HALDEN, June 4"));
    assert!(doc.text.ends_with("the authority said in a statement."));
    assert_eq!(removed(&doc, RemovedKind::Credit).len(), 1);
    let roles: Vec<(&str, &str)> = doc
        .contributors
        .iter()
        .map(|c| (c.name.as_str(), c.role.as_str()))
        .collect();
    assert_eq!(
        roles,
        [
            ("Lu Wei", "additional-reporting"),
            ("Mark Dent", "editing"),
            ("Sara Kim", "editing")
        ]
    );
}

#[test]
fn credit_spelling_variant_is_not_a_second_author() {
    let doc = parse(
        "variant.txt",
        "By Yusuf Demirel\n\nANKARA, May 2, 2024 (Reuters) - The ministry said the bridge would reopen next week after repairs.\n\n(Reporting by Yousuf Demirel; Editing by Ann Lowe)\n",
    );
    assert_eq!(doc.authors, ["Yusuf Demirel"]);
    assert_eq!(doc.published.value.value, "2024-05-02");
    assert_eq!(doc.published.basis, DateBasis::Dateline);
}

#[test]
fn header_fields_win_over_dateline() {
    let doc = parse(
        "fields.txt",
        "Title: Council approves flood barrier\nOutlet: Valley Gazette\nAuthor: Rosa Lind, Per Holm\nDate: 2025-01-15\nRetrieved: 2025-07-01\n\n\
         ELMSTAD, Jan. 14 - The council voted 7-2 on Tuesday to build a flood barrier along the lower river.\n",
    );
    assert_eq!(doc.title.as_deref(), Some("Council approves flood barrier"));
    assert_eq!(doc.outlet.as_deref(), Some("Valley Gazette"));
    assert_eq!(doc.authors, ["Rosa Lind", "Per Holm"]);
    assert_eq!(doc.published.value.value, "2025-01-15");
    assert_eq!(doc.published.basis, DateBasis::Header);
    assert_eq!(doc.dateline.as_deref(), Some("ELMSTAD"));
    assert!(doc.header.iter().any(|h| h.field == "scrape-date"));
}

#[test]
fn bare_date_field_followed_by_body_on_the_same_line() {
    let doc = parse(
        "bare.txt",
        " date 2024-02-09 The two governments agreed on Friday to reopen the crossing for aid trucks.\n\nMore talks are planned.\n",
    );
    assert_eq!(doc.published.value.value, "2024-02-09");
    assert_eq!(doc.published.basis, DateBasis::Header);
    assert!(doc.text.starts_with("The two governments agreed"));
}

#[test]
fn published_meta_line_not_updated_line() {
    let doc = parse(
        "meta.md",
        "# Schools reopen in the north\n\n*By Malik Osei, Riverside Herald*\n\nUpdated March 12, 2025\nPublished March 10, 2025 at 9:41 a.m. EST\n\nNORTHFIELD — Pupils returned to class on Monday after two weeks of closures.\n",
    );
    assert_eq!(doc.title.as_deref(), Some("Schools reopen in the north"));
    assert_eq!(doc.authors, ["Malik Osei"]);
    assert_eq!(doc.outlet.as_deref(), Some("Riverside Herald"));
    assert_eq!(doc.published.value.value, "2025-03-10");
    assert_eq!(doc.published.basis, DateBasis::Meta);
    assert_eq!(doc.dateline.as_deref(), Some("NORTHFIELD"));
    assert!(doc.header.iter().any(|h| h.field == "modified"));
}

#[test]
fn byline_with_date() {
    let doc = parse(
        "byline.txt",
        "Dockworkers end strike\n\nBy Ada Brook, Coastal Times | April 2, 2025\n\nThe union said members would return to work on Thursday after a deal on pay.\n",
    );
    assert_eq!(doc.authors, ["Ada Brook"]);
    assert_eq!(doc.outlet.as_deref(), Some("Coastal Times"));
    assert_eq!(doc.published.value.value, "2025-04-02");
    assert_eq!(doc.published.basis, DateBasis::Byline);
}

#[test]
fn scraped_page_chrome_is_removed_and_the_scrape_date_ignored() {
    let doc = parse(
        "scraped.txt",
        "DAILYFEED HUB\nAug 30, 2025 | 12\nHome | News | Sport | Weather\nMenu\nSponsored: Cheap flights to anywhere\nAdvertisement\nThe Lakeside Chronicle\n3 Feb 2025\nFerry service resumes after storm damage repaired\n\n\
         The island ferry sailed again on Monday, a week after a storm damaged the pier, the operator said.\n\n\
         Read more: Storm leaves thousands without power\n\n\
         Passengers wait at the pier on Monday. (Photo: Jo Park/Lakeside Chronicle)\n\n\
         The operator said repairs cost about 2 million crowns.\n\n\
         Sign up for our daily newsletter\n\n\
         Related stories\nStorm leaves thousands without power\nPier repairs begin\n\
         © 2025 Lakeside Chronicle. All rights reserved.\n",
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("Ferry service resumes after storm damage repaired")
    );
    assert_eq!(doc.outlet.as_deref(), Some("The Lakeside Chronicle"));
    assert_eq!(doc.published.value.value, "2025-02-03");
    assert_eq!(doc.published.basis, DateBasis::Header);
    assert!(doc.header.iter().any(|h| h.field == "page-date"));
    assert_eq!(
        doc.text,
        "The island ferry sailed again on Monday, a week after a storm damaged the pier, the operator said.\n\n\
         The operator said repairs cost about 2 million crowns."
    );
    assert_eq!(removed(&doc, RemovedKind::Caption).len(), 1);
    assert_eq!(removed(&doc, RemovedKind::RelatedLink).len(), 4);
    assert!(removed(&doc, RemovedKind::Advertising).len() >= 2);
    assert!(removed(&doc, RemovedKind::Navigation).len() >= 2);
}

#[test]
fn conservative_cleaning_keeps_sentences_that_mention_noise_words() {
    let body = "Officials will share the report with lawmakers on Monday.\n\n\
                The advertisement ran in three newspapers, the company said.\n\n\
                Home owners near the river were told to leave by noon.\n\n\
                Subscribers to the water service were told to boil tap water.\n";
    let doc = parse("keep.txt", body);
    assert!(doc.removed.is_empty(), "{:?}", doc.removed);
    assert_eq!(doc.text.matches("\n\n").count(), 3);
}

#[test]
fn hard_wrapped_paragraphs_stay_together() {
    let doc = parse(
        "wrapped.txt",
        "The regional assembly voted late on Wednesday to extend the emergency\n\
         measures for another month, citing the risk of further flooding along\n\
         the coast and the need to keep shelters open.\n\n\
         Opposition members walked out before the vote.\n",
    );
    let paragraphs: Vec<&str> = doc.text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 2);
    assert!(paragraphs[0].contains("emergency\nmeasures"));
}

#[test]
fn colon_dateline_and_label_words() {
    let doc = parse(
        "colon.txt",
        "KARSTAD: The mayor resigned on Friday, two days after the audit was published.\n",
    );
    assert_eq!(doc.dateline.as_deref(), Some("KARSTAD"));
    assert_eq!(doc.published.basis, DateBasis::Unknown);
    let doc = parse(
        "label.txt",
        "BREAKING: The mayor resigned on Friday, two days after the audit was published.\n",
    );
    assert_eq!(doc.dateline, None);
}

#[test]
fn bad_input_is_an_error_naming_the_file() {
    let err = document_from_bytes("blob.bin", b"\x00\x01\x02binary").unwrap_err();
    assert_eq!(err.path, "blob.bin");
    assert!(err.reason.contains("binary"));
    // HTML pages are read by the HTML extractor; one without an article is refused
    // with the reason, naming the file.
    let err = document_from_bytes("page.html", b"<!DOCTYPE html><html><body>x</body></html>")
        .unwrap_err();
    assert_eq!(err.path, "page.html");
    assert!(err.reason.contains("HTML"), "{}", err.reason);
    let page = b"<!DOCTYPE html><html lang=en><head><title>Bridge opens</title></head><body><nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>Bridge opens</h1><p>The new river bridge opened to traffic on Monday after three years of work, the city said.</p><p>Officials expect about twelve thousand vehicles to cross it every day, easing the old ferry route.</p></article></body></html>";
    let doc = document_from_bytes("page.html", page).unwrap();
    assert!(doc.text.starts_with("The new river bridge"), "{}", doc.text);
    assert!(!doc.text.contains("Home"));
    let err = document_from_bytes("chrome.txt", b"Menu\nHome | News | Sport\n").unwrap_err();
    assert!(err.reason.contains("no article text"), "{}", err.reason);
}

#[test]
fn never_panics_on_odd_text() {
    let samples = [
        "By \n\n",
        "(Reporting by )",
        "A, Jan 99 (X) - y",
        "# \n\n#\n",
        "\u{feff}\r\n\r\nDate: 2025-13-45\r\n\r\nText.",
        "WASHINGTON, Feb. 30, 2024 (Reuters) – Something happened today, officials said.",
        "’’’“”—–…\n\n\u{200b}",
        "Title:\nBy: \nPublished: never\n\nx",
    ];
    for s in samples {
        let _ = document_from_bytes("odd.txt", s.as_bytes());
    }
}

#[test]
fn ingest_reads_containers_record_by_record() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a-article.txt"),
        "Pier reopens\n\nThe harbour pier reopened on Friday after repairs, the port said.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b-records.jsonl"),
        concat!(
            r#"{"url": "https://example.test/1", "text": "Tram line extended\n\nThe city opened two new tram stops on Monday, officials said."}"#,
            "\n",
            r#"{"url": "https://example.test/2", "text": "Library hours change\n\nThe central library will open on Sundays from next month, the council said."}"#,
            "\n",
        ),
    )
    .unwrap();
    let got = storyline_ingest::ingest(&[dir.path()], storyline_ingest::DEFAULT_MAX_BYTES);
    assert!(got.errors.is_empty(), "{:?}", got.errors);
    let ids: Vec<&str> = got.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["d1", "d2", "d3"]);
    assert!(got.documents[2].text.contains("central library"));
}
