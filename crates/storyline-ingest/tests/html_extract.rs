//! Tests of HTML article extraction on small pages written for these tests: main
//! text versus page furniture, dates and their signals, authors, outlet, language,
//! pages that are not articles, truncated articles, and robustness.

use storyline_ingest::document_from_bytes;
use storyline_ingest::html::{document_from_html, extract, page_dates, PageKind};
use storyline_model::{DateBasis, RemovedKind};

const P1: &str = "The harbour authority said on Tuesday that the northern pier will close for repairs, after inspectors found cracks in two of its supporting columns.";
const P2: &str = "Ferries will dock at the southern terminal instead, and the authority expects the work to take about six weeks, depending on the weather.";
const P3: &str = "Local businesses, which rely on visitors arriving by boat, asked for a clear timetable so that they can plan their staffing for the season.";

fn article_page(head: &str, body_extra: &str) -> String {
    format!(
        r##"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pier closes | Harbour Gazette</title>{head}</head>
<body>
<header class="site-header"><a href="/">Harbour Gazette</a>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<div class="ad-slot">Advertisement</div>
<main><article>
<h1>Northern pier to close for repairs</h1>
<div class="byline">By <a rel="author" href="/staff/ann">Ann Rivers</a></div>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<div class="article-body">
<p>{P1}</p>
<figure><img src="pier.jpg"><figcaption>The northern pier seen from the water. Photo: J. Smith</figcaption></figure>
<p>{P2}</p>
<p>{P3}</p>
</div>
{body_extra}
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Harbour fees rise again</a></li><li><a href="/b">New ferry ordered</a></li></ul></aside>
</main>
<footer class="site-footer"><p>Copyright 2019 Harbour Gazette. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"##
    )
}

#[test]
fn main_text_without_furniture() {
    let html = article_page("", "");
    let ex = extract(&html, None);
    assert_eq!(ex.page_kind, PageKind::Article);
    assert_eq!(ex.text, format!("{P1}\n\n{P2}\n\n{P3}"));
    assert_eq!(
        ex.title.as_deref(),
        Some("Northern pier to close for repairs")
    );
    assert_eq!(ex.language, "en");
    let kinds: Vec<RemovedKind> = ex.removed.iter().map(|r| r.kind).collect();
    assert!(kinds.contains(&RemovedKind::Caption), "{:?}", ex.removed);
    for bad in [
        "Advertisement",
        "Related stories",
        "Share on Facebook",
        "Privacy",
        "Sport",
    ] {
        assert!(!ex.text.contains(bad), "{bad} leaked into the text");
    }
}

#[test]
fn json_ld_dates_keep_time_zone_and_signal_and_modified_apart() {
    let head = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Northern pier to close","datePublished":"2024-11-19T10:02:00Z","dateModified":"2024-11-20T08:00:00+01:00","author":[{"@type":"Person","name":"Ann Rivers"},{"@type":"Person","name":"Email the author"}],"publisher":{"@type":"Organization","name":"Harbour Gazette"}}</script>"#;
    let html = article_page(head, "");
    let ex = extract(&html, None);
    let p = ex.published.clone().unwrap();
    assert_eq!(p.timex(), "2024-11-19T10:02:00Z");
    assert_eq!(p.signal, "json-ld datePublished");
    let m = ex.modified.clone().unwrap();
    assert_eq!(m.timex(), "2024-11-20T08:00:00+01:00");
    assert_eq!(ex.authors, vec!["Ann Rivers".to_string()]);
    assert_eq!(ex.outlet.as_deref(), Some("Harbour Gazette"));

    let doc = document_from_html("pier.html", &html).unwrap();
    assert_eq!(doc.published.basis, DateBasis::Meta);
    assert_eq!(
        doc.published.value.earliest.unwrap().to_string(),
        "2024-11-19"
    );
    assert_eq!(
        doc.published.source_text.as_deref(),
        Some("json-ld datePublished: 2024-11-19T10:02:00Z")
    );
    assert!(doc.header.iter().any(|h| h.field == "modified"));
}

#[test]
fn meta_tags_time_elements_and_urls() {
    let og = r#"<meta property="og:site_name" content="Harbour Gazette"><meta property="article:published_time" content="2023-05-04T07:30:00+02:00"><meta property="article:modified_time" content="2023-05-06T09:00:00+02:00">"#;
    let ex = extract(&article_page(og, ""), None);
    assert_eq!(
        ex.published.as_ref().unwrap().signal,
        "meta article:published_time"
    );
    assert_eq!(ex.published.unwrap().date.to_string(), "2023-05-04");
    assert_eq!(ex.modified.unwrap().date.to_string(), "2023-05-06");

    let time = r#"<p>x</p><time datetime="2022-03-01T12:00">1 March 2022</time>"#;
    let d = page_dates(time, None).published.unwrap();
    assert_eq!(d.date.to_string(), "2022-03-01");
    assert!(d.signal.starts_with("time element"), "{}", d.signal);

    let d = page_dates(
        "<p>Nothing here</p>",
        Some("https://example.com/2024/11/19/pier"),
    )
    .published
    .unwrap();
    assert_eq!(
        (d.date.to_string(), d.signal.as_str()),
        ("2024-11-19".into(), "url")
    );

    let german = r#"<div class="post-meta">Veröffentlicht am 5. März 2021</div>"#;
    assert_eq!(
        page_dates(german, None).published.unwrap().date.to_string(),
        "2021-03-05"
    );
}

#[test]
fn copyright_and_update_stamps_are_not_publication_dates() {
    let html = r#"<html><body><p>Last updated: March 3, 2021</p><p>A text without any other date in it at all.</p>
<footer>© 2019-2021 Example</footer></body></html>"#;
    let dates = page_dates(html, None);
    assert!(dates.published.is_none(), "{:?}", dates.published);
    assert_eq!(dates.modified.unwrap().date.to_string(), "2021-03-03");
}

#[test]
fn author_names_are_validated() {
    for (meta, want) in [
        (
            "By Jane Doe and Omar Haddad",
            vec!["Jane Doe", "Omar Haddad"],
        ),
        ("Email the author", vec![]),
        ("2 hours ago", vec![]),
        ("Harbour Gazette", vec![]),
        ("https://example.com/staff/jane", vec![]),
        // lead-ins, credits and link text
        ("Posted by Lena Marsh", vec!["Lena Marsh"]),
        ("Veröffentlicht von Lena Marsh", vec!["Lena Marsh"]),
        ("Developed by Omar Haddad", vec![]),
        ("Photo: Omar Haddad", vec![]),
        ("View my complete profile", vec![]),
        ("Weitere Artikel", vec![]),
        // what trails a name
        ("Lena Marsh For Quayside Online", vec!["Lena Marsh"]),
        ("Lena Marsh. Quayside Online", vec!["Lena Marsh"]),
        (
            "Lena Marsh https://quayside.example/lena",
            vec!["Lena Marsh"],
        ),
        ("Lena Marsh (LM", vec!["Lena Marsh"]),
        ("Ann L. Roe", vec!["Ann L. Roe"]),
        ("ANN L. ROE The Harbour Gazette", vec!["ANN L. ROE"]),
        ("KQYZ By Channel Four News", vec![]),
        ("Lena\u{a0}Marsh", vec!["Lena Marsh"]),
        (
            "Lena Marsh AND Tom Okafor",
            vec!["Lena Marsh", "Tom Okafor"],
        ),
        ("Lena Marsh |\u{a0}Quayside Online", vec!["Lena Marsh"]),
        (
            "Hanna Weber, Quayside Allgemeine Zeitung",
            vec!["Hanna Weber"],
        ),
        ("Quayside Allgemeine Zeitung", vec![]),
        // companies, desks and publications are not people
        ("Quayside Tools GmbH", vec![]),
        ("Quayside Online Redaktion", vec![]),
        ("Die Hafenzeitung", vec![]),
        ("Ostsee Rundschau", vec![]),
        // a noise word inside a name is no noise ("llc" in Allcock, "team" in Steamson)
        ("Beth Allcock", vec!["Beth Allcock"]),
        ("Jon Steamson", vec!["Jon Steamson"]),
        ("Mary Newsome", vec!["Mary Newsome"]),
        ("Davide Autore", vec!["Davide Autore"]),
        ("Staffan Lindqvist", vec!["Staffan Lindqvist"]),
        ("B.V. Rao", vec!["B.V. Rao"]),
        ("El Mostafa Idrissi", vec!["El Mostafa Idrissi"]),
        // titles and suffixes with a full stop are part of the name
        ("Prof. Dr. Hanna Weber", vec!["Prof. Dr. Hanna Weber"]),
        ("Ann St. John Roe", vec!["Ann St. John Roe"]),
        ("Marcus Reed Jr.", vec!["Marcus Reed Jr."]),
    ] {
        let head = format!(
            r#"<meta name="author" content="{meta}"><meta property="og:site_name" content="Harbour Gazette">"#
        );
        let page = article_page(&head, "").replace("<div class=\"byline\">", "<div class=\"x\">");
        let page = page.replace("rel=\"author\"", "");
        let ex = extract(&page, None);
        let got: Vec<&str> = ex.authors.iter().map(|s| s.as_str()).collect();
        assert_eq!(got, want, "author meta {meta:?}");
    }
}

#[test]
fn the_site_name_is_no_author_and_a_later_source_may_name_one() {
    // the site's name, spelt as its domain or in the title, is not an author
    for (site, title, author) in [
        ("quayside-live.de", "Pier closes", "QUAYSIDE LIVE"),
        ("Achtsam | Hafen Blättle", "Pier closes", "Hafen Blättle"),
        ("Quayside", "Pier closes", "Ann Quay"),
    ] {
        let head = format!(
            r#"<meta name="author" content="{author}"><meta property="og:site_name" content="{site}">"#
        );
        let page = article_page(&head, "")
            .replace("<div class=\"byline\">", "<div class=\"x\">")
            .replace("rel=\"author\"", "")
            .replace(
                "<title>Pier closes | Harbour Gazette</title>",
                &format!("<title>{title}</title>"),
            );
        let got = extract(&page, None).authors;
        let want: Vec<String> = if author == "Ann Quay" {
            vec![author.to_string()]
        } else {
            vec![]
        };
        assert_eq!(got, want, "{site} / {title} / {author}");
    }
    // the title's last part is the site's name too, even when it is a blogger's own
    // name: better no byline than a site shown as an author
    let head = r#"<meta name="author" content="Ann Quay">"#;
    let page = article_page(head, "")
        .replace("<div class=\"byline\">", "<div class=\"x\">")
        .replace("rel=\"author\"", "")
        .replace(
            "<title>Pier closes | Harbour Gazette</title>",
            "<title>Why I left the harbour – Ann Quay</title>",
        );
    assert!(extract(&page, None).authors.is_empty());
    // a name that only opens the title is no site name
    let page = page.replace(
        "<title>Why I left the harbour – Ann Quay</title>",
        "<title>Ann Quay | Why I left the harbour</title>",
    );
    assert_eq!(extract(&page, None).authors, ["Ann Quay"]);
    // JSON-LD that names no person gives way to the meta author
    let head = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Pier","author":{"@type":"Person","name":"View my complete profile"}}</script><meta name="author" content="Lena Marsh">"#;
    let page = article_page(head, "")
        .replace("<div class=\"byline\">", "<div class=\"x\">")
        .replace("rel=\"author\"", "");
    assert_eq!(extract(&page, None).authors, ["Lena Marsh"]);
}

#[test]
fn bylines_of_teasers_for_other_stories_are_not_authors() {
    let teasers = r#"<aside class="related"><div class="card"><span class="byline">By Zed Quarry</span></div></aside>
<div class="more"><a href="/story/9"><img src="t.jpg"><h3>Gulls return to the bay</h3><div class="author-name">Von Ida Brenner</div></a></div>"#;
    let page = article_page("", teasers);
    assert_eq!(extract(&page, None).authors, ["Ann Rivers"]);
    // the article's own byline in a linked author box with a picture, or in an
    // aside of the article's meta data, is kept
    for own in [
        r#"<a href="/author/lena"><img src="lena.jpg"><span class="author-name">Lena Marsh</span></a>"#,
        r#"<aside class="article-meta"><span class="byline">Lena Marsh</span></aside>"#,
    ] {
        let page = article_page("", "").replace(
            "<div class=\"byline\">By <a rel=\"author\" href=\"/staff/ann\">Ann Rivers</a></div>",
            own,
        );
        assert_eq!(extract(&page, None).authors, ["Lena Marsh"], "{own}");
    }
    // the article's own byline gone, the teasers give no author either
    let page = page
        .replace("<div class=\"byline\">", "<div class=\"x\">")
        .replace("rel=\"author\"", "");
    assert!(extract(&page, None).authors.is_empty());
}

#[test]
fn a_byline_box_gives_its_names_not_its_dates_categories_or_later_lists() {
    let own = "<div class=\"byline\">By <a rel=\"author\" href=\"/staff/ann\">Ann Rivers</a></div>";
    let with = |byline: &str, extra: &str| {
        let page = article_page("", extra).replace(own, byline);
        extract(&page, None).authors
    };
    // A byline box that also holds the date, the categories and a comment link:
    // the name element inside it is the author.
    let bx = r##"<div class="entry-byline"><span class="entry-author"><a rel="author" href="/a/cruz">Marta Cruz</a></span>
<time datetime="2024-03-02">02/03/2024</time> <a class="comments-link" href="#respond">Comment!</a>
<span class="entry-terms"><a rel="tag" href="/c/1">Harbour Works</a>, <a rel="tag" href="/c/2">Boats and Ferries</a></span></div>"##;
    assert_eq!(with(bx, ""), ["Marta Cruz"]);
    // Without a name element inside, the box's own text minus its date and tags.
    let bx = r##"<div class="byline">Marta Cruz <span class="date">2 March 2024</span> <span class="tags"><a rel="tag" href="/c/2">Boats and Ferries</a></span></div>"##;
    assert_eq!(with(bx, ""), ["Marta Cruz"]);
    // Co-authors in the same box are kept; author lists further down the page
    // (more stories by the desk) and commenters are not authors.
    let bx = r##"<div class="byline"><span class="author-name">Marta Cruz</span> and <span class="author-name">Olu Bankole</span></div>"##;
    let later = r##"<section class="more-stories"><div><div><div class="card"><span class="author-name">Petra Lindqvist</span></div></div></div></section>
<div id="comments"><ol class="comment-list"><li><span class="comment-author-name">Dana Whitlow</span> Great piece.</li></ol></div>"##;
    assert_eq!(with(bx, later), ["Marta Cruz", "Olu Bankole"]);
    // A genre label before the name is not part of it; an editor's credit is no
    // byline.
    let bx = r##"<div class="byline">Analysis by Marta Cruz</div>"##;
    assert_eq!(with(bx, ""), ["Marta Cruz"]);
    let bx = r##"<div class="byline">Reporting by Marta Cruz; Editing by Olu Bankole</div>"##;
    assert_eq!(with(bx, ""), ["Marta Cruz"]);
    // An inner author element without text (a picture link) leaves the box's
    // own text as the byline.
    for bx in [
        r##"<div class="byline"><a rel="author" href="/a/cruz"><img src="c.jpg"></a> By Marta Cruz</div>"##,
        r##"<div class="byline" itemprop="author" itemscope><a rel="author" href="/a/cruz"><img src="c.jpg"></a><span itemprop="name">Marta Cruz</span></div>"##,
    ] {
        assert_eq!(with(bx, ""), ["Marta Cruz"], "{bx}");
    }
    // Co-authors right under the article, or each in the same deep wrapper.
    let bx = r##"<a rel="author" href="/a/cruz">Marta Cruz</a> and <a rel="author" href="/a/bankole">Olu Bankole</a>"##;
    assert_eq!(with(bx, ""), ["Marta Cruz", "Olu Bankole"]);
    let card = |n: &str| {
        format!(
            r##"<div class="card"><div class="info"><div class="meta"><span class="author-name">{n}</span></div></div></div>"##
        )
    };
    let bx = format!(
        r##"<div class="authors">{}{}</div>"##,
        card("Marta Cruz"),
        card("Olu Bankole")
    );
    assert_eq!(with(&bx, ""), ["Marta Cruz", "Olu Bankole"]);
    // Comment blocks by other names, and a comment count in the byline box.
    let later = r##"<div class="wp-block-comments"><div class="wp-block-comment-author-name">Dana Whitlow</div></div>
<section id="article-comments"><span class="author-name">Dana Whitlow</span></section>"##;
    assert_eq!(with(own, later), ["Ann Rivers"]);
    let bx = r##"<div class="byline">By Marta Cruz <span class="post-comments">Leave a comment</span></div>"##;
    assert_eq!(with(bx, ""), ["Marta Cruz"]);
    // A date element named like a byline inside the box leaves the name.
    let bx = r##"<div class="byline">By Marta Cruz <span class="byline-date"><time datetime="2024-03-02">2 March 2024</time></span></div>"##;
    assert_eq!(with(bx, ""), ["Marta Cruz"]);
    // Nested author elements stay fast (and give the innermost name).
    let deep = format!(
        "{}Marta Cruz{}",
        "<span class=\"byline\">".repeat(300),
        "</span>".repeat(300)
    );
    assert_eq!(with(&deep, ""), ["Marta Cruz"]);
    // A wrapper named for commentary, or a post that has comments, is no comment.
    for wrap in [
        r##"<div class="commentary-page">"##,
        r##"<div id="main-content" class="post has-comments">"##,
    ] {
        let page = article_page("", "").replace(own, &format!("{wrap}{own}</div>"));
        assert_eq!(extract(&page, None).authors, ["Ann Rivers"], "{wrap}");
    }
}

#[test]
fn a_page_nested_absurdly_deep_is_reported_not_read_and_does_not_crash() {
    let page = article_page(
        "",
        &format!("{}deep{}", "<div>".repeat(5_000), "</div>".repeat(5_000)),
    );
    let x = extract(&page, None);
    match x.page_kind {
        PageKind::NotArticle { reason } => assert!(reason.contains("nested"), "{reason}"),
        k => panic!("{k:?}"),
    }
    // Nested too deep to read, though not so deep that it is refused unparsed.
    let parsed = article_page(
        "",
        &format!("{}deep{}", "<div>".repeat(1_000), "</div>".repeat(1_000)),
    );
    match extract(&parsed, None).page_kind {
        PageKind::NotArticle { reason } => assert!(reason.contains("nested"), "{reason}"),
        k => panic!("{k:?}"),
    }
    // a batch keeps going: the same page as a file is a clear error
    let err = document_from_html("deep.html", &page)
        .unwrap_err()
        .to_string();
    assert!(err.contains("deep.html") && err.contains("nested"), "{err}");
}

#[test]
fn the_outlet_is_the_site_name_without_tagline_headline_or_markup() {
    for (site, title, want) in [
        (
            "Harbour Gazette",
            "Pier closes | Harbour Gazette",
            Some("Harbour Gazette"),
        ),
        // a tagline after the name
        (
            "Quayside LIVE - Your town and harbour portal",
            "Pier closes",
            Some("Quayside LIVE"),
        ),
        // the headline beside the name, and the title ending with the name
        (
            "Northern pier to close for repairs | Die Hafenpost",
            "Pier closes | Die Hafenpost",
            Some("Die Hafenpost"),
        ),
        (
            "Hafen Forum | hafen-forum.example",
            "Pier closes - Hafen Forum | hafen-forum.example",
            Some("Hafen Forum"),
        ),
        // a URL gives its host
        (
            "https://www.quayside.example/",
            "Pier closes",
            Some("quayside.example"),
        ),
        (
            "https://quayside.example:8080/news",
            "Pier closes",
            Some("quayside.example"),
        ),
        ("https://www.facebook.com/quaysidenews", "Pier closes", None),
        // a headline in the site-name field, and markup, are no name
        (
            "Northern pier to close for repairs after inspectors find cracks",
            "Pier closes",
            None,
        ),
        (".card { opacity: 1 }", "Pier closes", None),
    ] {
        let head = format!(r#"<meta property="og:site_name" content="{site}">"#);
        let page = article_page(&head, "").replace(
            "<title>Pier closes | Harbour Gazette</title>",
            &format!("<title>{title}</title>"),
        );
        assert_eq!(extract(&page, None).outlet.as_deref(), want, "{site:?}");
    }
    // a rejected site name gives way to the JSON-LD publisher
    let head = r#"<meta property="og:site_name" content="Northern pier to close for repairs after inspectors find cracks"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Pier","publisher":{"@type":"Organization","name":"Harbour Gazette"}}</script>"#;
    assert_eq!(
        extract(&article_page(head, ""), None).outlet.as_deref(),
        Some("Harbour Gazette")
    );
    // a known outlet's own domain (the page's URL, else its canonical URL, a
    // subdomain included) beats a site name that is an edition or a section
    let head = r#"<meta property="og:site_name" content="World"><link rel="canonical" href="https://edition.cnn.com/2024/03/02/pier">"#;
    assert_eq!(
        extract(&article_page(head, ""), None).outlet.as_deref(),
        Some("CNN")
    );
    let head = r#"<meta property="og:site_name" content="World">"#;
    assert_eq!(
        extract(
            &article_page(head, ""),
            Some("https://hosted.ap.org/partner/article/pier")
        )
        .outlet
        .as_deref(),
        Some("Associated Press")
    );
    // a site name that already names the outlet (a language service) stays
    let mundo = r#"<meta property="og:site_name" content="BBC Mundo"><link rel="canonical" href="https://www.bbc.com/mundo/noticias-1">"#;
    assert_eq!(
        extract(&article_page(mundo, ""), None).outlet.as_deref(),
        Some("BBC Mundo")
    );
    // an unknown domain leaves the site name as it is
    assert_eq!(
        extract(
            &article_page(head, ""),
            Some("https://harbour-gazette.example/pier")
        )
        .outlet
        .as_deref(),
        Some("World")
    );
}

#[test]
fn a_paragraph_that_is_only_a_url_is_chrome() {
    let page = article_page("", "").replace(
        "<div class=\"article-body\">",
        "<div class=\"article-body\">\n<p>https://www.harbour-gazette.example/news/pier-to-close-1234.php</p>",
    );
    let ex = extract(&page, None);
    assert!(
        ex.text.starts_with("The harbour authority"),
        "{}",
        ex.text.chars().take(80).collect::<String>()
    );
    assert!(ex.removed.iter().any(
        |r| r.text.starts_with("https://www.harbour-gazette.example")
            && r.reason.as_deref() == Some("bare URL")
    ));
}

#[test]
fn the_title_is_the_headline_without_the_site_name() {
    for (title, want) in [
        (
            "Pier closes for repairs | Harbour Gazette",
            "Pier closes for repairs",
        ),
        (
            "Pier closes for repairs - Harbour Gazette",
            "Pier closes for repairs",
        ),
        (
            "Harbour Gazette | Pier closes for repairs",
            "Pier closes for repairs",
        ),
        (
            "Pier closes - Ports | HARBOUR-GAZETTE",
            "Pier closes - Ports",
        ),
        // a dash inside the headline, and a site name that is the whole title, stay
        ("Pier closes - for now", "Pier closes - for now"),
        ("Harbour Gazette", "Harbour Gazette"),
    ] {
        let head = r#"<meta property="og:site_name" content="Harbour Gazette">"#;
        let page = article_page(head, "")
            .replace(
                "<title>Pier closes | Harbour Gazette</title>",
                &format!("<title>{title}</title>"),
            )
            .replace("<h1>Northern pier to close for repairs</h1>", "");
        assert_eq!(
            extract(&page, None).title.as_deref(),
            Some(want),
            "{title:?}"
        );
    }
}

#[test]
fn index_pages_and_walls_are_not_articles() {
    let mut links = String::new();
    for i in 0..40 {
        links.push_str(&format!(
            "<li><a href=\"/story/{i}\">Headline number {i} about the harbour</a></li>"
        ));
    }
    let index = format!("<!DOCTYPE html><html><head><meta property=\"og:type\" content=\"website\"></head><body><nav><a href=/>Home</a></nav><ul>{links}</ul></body></html>");
    let ex = extract(&index, None);
    assert!(
        matches!(ex.page_kind, PageKind::NotArticle { .. }),
        "{:?}",
        ex.page_kind
    );
    assert!(ex.text.is_empty());
    let err = document_from_html("index.html", &index).unwrap_err();
    assert!(err.reason.contains("not an article"), "{}", err.reason);

    let wall = "<!DOCTYPE html><html><body><div class=\"consent\"><p>We use cookies.</p><button>Accept</button></div></body></html>";
    let ex = extract(wall, None);
    match ex.page_kind {
        PageKind::NotArticle { reason } => {
            assert!(reason.contains("no article text") || reason.contains("little"))
        }
        PageKind::Article => panic!("cookie wall read as an article"),
    }
}

#[test]
fn truncated_articles_are_flagged() {
    let extra = "<p>Continue reading: subscribe to read the full article.</p>";
    let ex = extract(&article_page("", extra), None);
    assert!(ex.truncated.is_some(), "{:?}", ex.text);
    let head = r#"<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":false}</script>"#;
    let ex = extract(&article_page(head, ""), None);
    assert!(ex.truncated.unwrap().contains("paywall"));
}

#[test]
fn language_from_markup_or_text() {
    let html = article_page("", "").replace("lang=\"en\"", "lang=\"de-AT\"");
    assert_eq!(extract(&html, None).language, "de");
    let html = article_page("", "").replace(" lang=\"en\"", "");
    assert_eq!(extract(&html, None).language, "en");
}

#[test]
fn html_bytes_go_through_document_from_bytes() {
    let html = article_page("", "");
    let doc = document_from_bytes("pier.html", html.as_bytes()).unwrap();
    assert!(doc.text.starts_with("The harbour authority"));
    assert_eq!(doc.authors, vec!["Ann Rivers".to_string()]);
    // saved pages that open with a server comment, a style block or a PHP warning
    // before the doctype are HTML too, not text full of markup
    let body = html.replace("<!DOCTYPE html>", "");
    for lead in [
        "<!-- served by cache 3 -->\n<!DOCTYPE html>",
        "<style>\n .card { opacity: 1 }\n</style>\n",
        "<b>Warning</b>: mysql_connect(): no server in db.php<br />\n",
    ] {
        let page = format!("{lead}{body}");
        let doc = document_from_bytes("pier.html", page.as_bytes()).unwrap();
        assert!(
            doc.text.starts_with("The harbour authority"),
            "{lead:?}: {}",
            doc.text.chars().take(60).collect::<String>()
        );
        assert_eq!(
            doc.title.as_deref(),
            Some("Northern pier to close for repairs"),
            "{lead:?}"
        );
    }
}

#[test]
fn markdown_that_opens_with_inline_html_stays_markdown() {
    let md = "<div align=\"center\"><img src=\"logo.png\"></div>\n\n# Ferry strike ends\n\nThe ferry crews returned to work on Tuesday after a week on strike, the union said.\n";
    let doc = document_from_bytes("story.md", md.as_bytes()).unwrap();
    assert_eq!(doc.title.as_deref(), Some("Ferry strike ends"));
    assert!(
        doc.text.contains("The ferry crews returned"),
        "{}",
        doc.text
    );
}

#[test]
fn never_panics_on_broken_markup() {
    let html = article_page(
        r#"<script type="application/ld+json">{"datePublished": "2024-1"#,
        "<p>ünïcødé &amp; &#x1F600; &bogus; <b><i>unclosed",
    );
    // Every prefix, cut anywhere (on char boundaries), must be handled.
    let mut cuts: Vec<usize> = (0..html.len()).step_by(7).collect();
    cuts.push(html.len());
    for cut in cuts {
        if !html.is_char_boundary(cut) {
            continue;
        }
        let part = &html[..cut];
        let _ = extract(part, Some("https://example.com/2024/01/02/x"));
        let _ = document_from_html("cut.html", part);
    }
    for odd in [
        "",
        "<",
        "<<<>>>",
        "<html",
        "<!--",
        "<script>",
        "<a href='",
        "\u{0}\u{1}<p>x",
    ] {
        let _ = extract(odd, None);
    }
}

#[test]
fn a_byline_paragraph_in_the_body_gives_the_authors_and_leaves_the_text() {
    let page = format!(
        r#"<!DOCTYPE html><html><head><title>Pier closes</title><meta property="og:site_name" content="Harbour Gazette"></head>
<body><article><h1>Northern pier to close</h1><p>By Ann Rivers and Tom Okafor, Harbour Gazette</p>
<p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"#
    );
    let ex = extract(&page, None);
    assert_eq!(ex.authors, ["Ann Rivers", "Tom Okafor"]);
    assert!(!ex.text.contains("By Ann Rivers"), "{}", ex.text);
    assert!(ex
        .removed
        .iter()
        .any(|r| r.kind == RemovedKind::Credit && r.text.contains("Ann Rivers")));
    // A sentence that starts with "By" is text, not a byline.
    let page = page.replace(
        "By Ann Rivers and Tom Okafor, Harbour Gazette",
        "By noon the queue had reached the harbour gates.",
    );
    let ex = extract(&page, None);
    assert!(ex.authors.is_empty(), "{:?}", ex.authors);
    assert!(ex.text.contains("By noon the queue"));
}

#[test]
fn headings_that_start_with_by_are_not_bylines() {
    for heading in [
        "BY THE NUMBERS",
        "By Tuesday Evening",
        "By Air Force One",
        "By Rail",
    ] {
        let page = format!(
            r#"<!DOCTYPE html><html><head><title>Pier closes</title></head>
<body><article><h1>Northern pier to close</h1><p>{heading}</p>
<p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>"#
        );
        let ex = extract(&page, None);
        assert!(ex.authors.is_empty(), "{heading}: {:?}", ex.authors);
        assert!(ex.text.contains(heading), "{heading} lost from the text");
    }
}

#[test]
fn a_legacy_page_is_read_by_its_declared_charset() {
    // Cyrillic in ISO-8859-5: too many high bytes for a guess, and a guess would
    // pick windows-1251 or KOI8-R; only the label gives the right letters
    let page = "<!DOCTYPE html><html lang=\"ru\"><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-5\"><title>Паром</title></head><body><article><p>Паром на остров снова ходит с понедельника, сказал мэр во вторник в ратуше города.</p><p>Мост через залив закрыт до весны, потому что опоры меняют на новые. Жители острова всё лето ездили в город через соседний посёлок.</p><p>Городской совет обещал, что билеты на паром не подорожают до конца года.</p></article></body></html>";
    let (bytes, _, _) = encoding_rs::ISO_8859_5.encode(page);
    let doc = document_from_bytes("parom.html", &bytes).expect("read");
    assert!(
        doc.text.contains("Паром на остров снова ходит"),
        "{}",
        doc.text
    );
    assert_eq!(doc.encoding.as_deref(), Some("ISO-8859-5"));
}
