//! A fast, forgiving one-pass scanner over raw HTML that collects what metadata
//! extraction needs without building a DOM: `<html lang>`, `<title>`, meta tags,
//! JSON-LD blocks, `<time>` elements, elements whose class/id/itemprop hints at a
//! date (with the text that follows them), the canonical URL and the visible text.
//! Date finding runs on this alone, which keeps it several times faster than a full
//! HTML5 parse; the content extractor uses the real parser.

use aho_corasick::AhoCorasick;
use memchr::memchr;
use std::borrow::Cow;
use std::sync::LazyLock;

/// A tag's name and attributes: lowercased names, entity-decoded values, borrowed
/// from the page wherever nothing had to change (most names and values), so that
/// reading a tag allocates only for what it rewrites.
#[derive(Debug, Default, Clone)]
pub(crate) struct Tag<'a> {
    pub name: Cow<'a, str>,
    pub attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
}

impl Tag<'_> {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_ref())
    }
}

/// `s` in ASCII lower case, borrowed when it already is.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|c| c.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// A `<meta>`-like key/value pair: key from name/property/itemprop/http-equiv.
#[derive(Debug, Clone)]
pub(crate) struct MetaItem {
    pub key: String,
    pub value: String,
    /// From a `<meta>` tag (rather than an itemprop on another element).
    pub is_meta: bool,
}

/// An element whose attributes hint at a date, with the text that follows it.
#[derive(Debug, Clone)]
pub(crate) struct Hinted {
    /// Lowercased class, id and itemprop joined by spaces (plus `time` for `<time>`).
    pub hint: String,
    pub datetime: Option<String>,
    pub text: String,
    pub is_time: bool,
    pub pubdate_attr: bool,
    /// Inside an `<a>` element (a teaser linking to another page, or a permalink).
    pub in_link: bool,
    /// The text node just before the element when it is short (at most 40
    /// characters): a label such as "Last changed on:".
    pub before: String,
}

#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub lang: Option<String>,
    pub title: Option<String>,
    pub metas: Vec<MetaItem>,
    pub jsonld: Vec<String>,
    /// Byte offset in the page of each `jsonld` block.
    pub jsonld_at: Vec<usize>,
    pub hinted: Vec<Hinted>,
    pub canonical: Option<String>,
    /// Visible text (outside script/style), segments separated by newlines, capped.
    pub text: String,
}

const TEXT_CAP: usize = 400_000;
const HINT_TEXT: usize = 160;
/// Words in a class, id, itemprop or name that mark an element as holding a date,
/// found in any letter case anywhere in the value ("PostDate", "entry-time").
static DATE_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "date", "time", "publish", "posted", "updated", "modified", "byline", "meta",
            "dateline", "datum", "fecha",
        ])
        .expect("valid word list")
});

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || from >= hay.len() {
        return None;
    }
    let first_l = needle[0].to_ascii_lowercase();
    let first_u = needle[0].to_ascii_uppercase();
    let mut i = from;
    while i + needle.len() <= hay.len() {
        let rel = memchr::memchr2(first_l, first_u, &hay[i..])?;
        let at = i + rel;
        if at + needle.len() > hay.len() {
            return None;
        }
        if hay[at..at + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// The character a numeric reference stands for, as the HTML standard reads it:
/// 128–159 through the Windows-1252 table (`&#146;` is ’), NUL, surrogates and
/// numbers past Unicode as U+FFFD.
fn numeric_ref(n: u32) -> char {
    match n {
        0x80..=0x9F => markup5ever::data::C1_REPLACEMENTS[(n - 0x80) as usize]
            .unwrap_or_else(|| char::from_u32(n).unwrap_or('\u{FFFD}')),
        0 => '\u{FFFD}',
        _ => char::from_u32(n).unwrap_or('\u{FFFD}'),
    }
}

/// Decode HTML character references (numeric, and every named one of the HTML
/// standard, with a no-break space as a plain space); unknown ones are kept as
/// written.
pub(crate) fn decode_entities(s: &str) -> Cow<'_, str> {
    if memchr(b'&', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.as_bytes()[..rest.len().min(34)]
            .iter()
            .position(|&c| c == b';');
        let Some(end) = end else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let ent = &rest[1..end];
        let rep: Option<(char, Option<char>)> = match ent {
            _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                u32::from_str_radix(&ent[2..], 16)
                    .ok()
                    .map(|n| (numeric_ref(n), None))
            }
            _ if ent.starts_with('#') => {
                ent[1..].parse::<u32>().ok().map(|n| (numeric_ref(n), None))
            }
            // the HTML standard's table of named references ("&uuml;", "&hellip;")
            _ => markup5ever::data::NAMED_ENTITIES
                .get(&rest[1..=end])
                .and_then(|&(a, b)| {
                    let a = char::from_u32(a).filter(|&c| c != '\0')?;
                    Some((a, char::from_u32(b).filter(|&c| c != '\0')))
                }),
        };
        // a no-break space is a space here, however it is written
        let rep = rep.map(|(a, b)| (if a == '\u{a0}' { ' ' } else { a }, b));
        match rep {
            Some((c, d)) => {
                out.push(c);
                out.extend(d);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Parse the tag starting at `html[i] == '<'` (a start tag). Returns the tag and the
/// index after its `>`.
pub(crate) fn parse_tag(html: &str, i: usize) -> (Tag<'_>, usize) {
    let b = html.as_bytes();
    // a tag name runs to whitespace, '/' or '>', as the HTML tokenizer reads it
    let mut j = i + 1;
    while j < b.len() && !(b[j].is_ascii_whitespace() || b[j] == b'/' || b[j] == b'>') {
        j += 1;
    }
    let name = lower(&html[i + 1..j]);
    let mut attrs = Vec::new();
    loop {
        while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
            j += 1;
        }
        if j >= b.len() {
            return (Tag { name, attrs }, b.len());
        }
        if b[j] == b'>' {
            return (Tag { name, attrs }, j + 1);
        }
        let ks = j;
        while j < b.len() && !b[j].is_ascii_whitespace() && !matches!(b[j], b'=' | b'>' | b'/') {
            j += 1;
        }
        if j == ks {
            j += 1;
            continue;
        }
        let key = lower(&html[ks..j]);
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if j < b.len() && b[j] == b'=' {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let value = if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                let q = b[j];
                let vs = j + 1;
                let ve = memchr(q, &b[vs..]).map(|r| vs + r).unwrap_or(b.len());
                j = (ve + 1).min(b.len());
                &html[vs..ve]
            } else {
                let vs = j;
                while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                    j += 1;
                }
                &html[vs..j]
            };
            if attrs.len() < 32 {
                attrs.push((key, decode_entities(value)));
            }
        } else if attrs.len() < 32 {
            attrs.push((key, Cow::Borrowed("")));
        }
    }
}

fn push_text(scan: &mut Scan, raw: &str, captures: &mut [usize]) {
    let t = raw.trim();
    if t.is_empty() {
        return;
    }
    let t = decode_entities(t);
    for &ci in captures.iter() {
        let h = &mut scan.hinted[ci];
        if h.text.len() < HINT_TEXT {
            if !h.text.is_empty() {
                h.text.push(' ');
            }
            h.text.push_str(&t);
        }
    }
    if scan.text.len() < TEXT_CAP {
        scan.text.push_str(&t);
        scan.text.push('\n');
    }
}

/// The last text node of `text` (segments end in newlines) when it has at most `n`
/// characters, else nothing.
fn text_tail(text: &str, n: usize) -> String {
    let t = text.strip_suffix('\n').unwrap_or(text);
    let last = t.rsplit('\n').next().unwrap_or("");
    if last.chars().nth(n).is_none() {
        last.to_string()
    } else {
        String::new()
    }
}

/// Scan a page. Never panics; malformed markup is read as far as it makes sense.
pub(crate) fn scan(html: &str) -> Scan {
    let b = html.as_bytes();
    let mut scan = Scan::default();
    let mut captures: Vec<usize> = Vec::new();
    // An `<a>` start tag closes any open one (links do not nest in HTML).
    let mut in_link = false;
    let mut i = 0;
    let mut text_start = 0;
    while i < b.len() {
        let Some(rel) = memchr(b'<', &b[i..]) else {
            break;
        };
        let lt = i + rel;
        let next = b.get(lt + 1).copied().unwrap_or(b' ');
        if next == b'!' || next == b'?' {
            push_text(&mut scan, &html[text_start..lt], &mut captures);
            let end = if b[lt..].starts_with(b"<!--") {
                find_ci(b, lt + 4, b"-->").map(|e| e + 3)
            } else {
                memchr(b'>', &b[lt..]).map(|e| lt + e + 1)
            }
            .unwrap_or(b.len());
            i = end;
            text_start = end;
            continue;
        }
        if next == b'/' {
            push_text(&mut scan, &html[text_start..lt], &mut captures);
            let end = memchr(b'>', &b[lt..])
                .map(|e| lt + e + 1)
                .unwrap_or(b.len());
            // Stop capturing hinted text at block ends.
            let name_end = (lt + 2..end.min(b.len()))
                .find(|&k| !b[k].is_ascii_alphanumeric())
                .unwrap_or(end.min(b.len()));
            let name = html
                .get(lt + 2..name_end)
                .unwrap_or("")
                .to_ascii_lowercase();
            if matches!(
                name.as_str(),
                "p" | "div" | "li" | "section" | "article" | "header" | "footer" | "td" | "ul"
            ) {
                captures.clear();
            }
            if name == "a" {
                in_link = false;
            }
            i = end;
            text_start = end;
            continue;
        }
        if !next.is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        push_text(&mut scan, &html[text_start..lt], &mut captures);
        let (tag, after) = parse_tag(html, lt);
        i = after;
        text_start = after;
        match tag.name.as_ref() {
            "script" | "style" | "textarea" | "title" | "noscript" | "template" => {
                let close = format!("</{}", tag.name);
                let end = find_ci(b, after, close.as_bytes()).unwrap_or(b.len());
                let body = &html[after..end];
                match tag.name.as_ref() {
                    "script" if tag.attr("type").is_some_and(|t| t.contains("ld+json")) => {
                        scan.jsonld.push(body.to_string());
                        scan.jsonld_at.push(after);
                    }
                    "title" if scan.title.is_none() => {
                        let t = decode_entities(body.trim());
                        if !t.is_empty() {
                            scan.title = Some(t.into_owned());
                        }
                    }
                    _ => {}
                }
                let close_end = memchr(b'>', &b[end.min(b.len())..])
                    .map(|e| end + e + 1)
                    .unwrap_or(b.len());
                i = close_end;
                text_start = close_end;
                continue;
            }
            "html" if scan.lang.is_none() => {
                scan.lang = tag
                    .attr("lang")
                    .or(tag.attr("xml:lang"))
                    .map(str::to_string);
            }
            "link"
                if scan.canonical.is_none()
                    && tag
                        .attr("rel")
                        .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                scan.canonical = tag.attr("href").map(str::to_string);
            }
            "p" | "div" | "li" | "td" => captures.clear(),
            "a" => in_link = true,
            _ => {}
        }
        // Meta-like items: meta tags, and any element with itemprop + content/datetime.
        let key = if tag.name == "meta" {
            tag.attr("property")
                .or(tag.attr("name"))
                .or(tag.attr("itemprop"))
                .or(tag.attr("http-equiv"))
        } else {
            tag.attr("itemprop")
        };
        if let Some(key) = key {
            let title = if tag.name == "abbr" {
                tag.attr("title")
            } else {
                None
            };
            if let Some(value) = tag.attr("content").or(tag.attr("datetime")).or(title) {
                if scan.metas.len() < 400 {
                    scan.metas.push(MetaItem {
                        key: key.trim().to_ascii_lowercase(),
                        value: value.trim().to_string(),
                        is_meta: tag.name == "meta" && tag.attr("itemprop").is_none(),
                    });
                }
            }
        }
        if tag.name == "meta" || tag.name == "link" || tag.name == "html" {
            continue;
        }
        const HINT_ATTRS: [&str; 4] = ["class", "id", "itemprop", "name"];
        let is_time = tag.name == "time";
        let pubdate_attr = tag.attr("pubdate").is_some();
        let hinted = is_time
            || pubdate_attr
            || tag.attr("datetime").is_some()
            // the first of each attribute, as the parser keeps it
            || HINT_ATTRS
                .iter()
                .any(|k| tag.attr(k).is_some_and(|v| DATE_WORDS.is_match(v)));
        if hinted && scan.hinted.len() < 300 {
            let mut hint = String::new();
            for k in HINT_ATTRS {
                if let Some(v) = tag.attr(k) {
                    hint.push_str(&v.to_ascii_lowercase());
                    hint.push(' ');
                }
            }
            if is_time {
                hint.push_str("time");
            }
            scan.hinted.push(Hinted {
                hint,
                datetime: tag
                    .attr("datetime")
                    .or(if tag.name == "abbr" {
                        tag.attr("title")
                    } else {
                        None
                    })
                    .map(str::to_string),
                text: String::new(),
                is_time,
                pubdate_attr,
                in_link,
                before: text_tail(&scan.text, 40),
            });
            captures.push(scan.hinted.len() - 1);
            if captures.len() > 8 {
                captures.remove(0);
            }
        }
    }
    if text_start < b.len() {
        push_text(&mut scan, &html[text_start..], &mut captures);
    }
    scan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_meta_jsonld_time_and_text() {
        let html = r#"<!doctype html><html lang="de"><head><title>A &amp; B</title>
<meta property="article:published_time" content="2024-11-19T10:02:00Z">
<script type="application/ld+json">{"datePublished":"2024-11-18"}</script>
<script>var x = "<p>not text</p>";</script></head>
<body><p class="post-date">Posted on <b>March 3, 2021</b></p><time datetime="2020-01-02">Jan 2</time>
<!-- <p>comment</p> --><p>Body text</p></body></html>"#;
        let s = scan(html);
        assert_eq!(s.lang.as_deref(), Some("de"));
        assert_eq!(s.title.as_deref(), Some("A & B"));
        assert_eq!(s.metas[0].key, "article:published_time");
        assert_eq!(s.jsonld.len(), 1);
        assert!(s.hinted[0].text.contains("March 3, 2021"));
        assert_eq!(s.hinted[1].datetime.as_deref(), Some("2020-01-02"));
        assert!(s.text.contains("Body text"));
        assert!(!s.text.contains("not text"));
        assert!(!s.text.contains("comment"));
    }

    #[test]
    fn date_words_mark_elements_in_any_case_and_any_hint_attribute() {
        let html = r#"<div class="Entry-PublishTime">12 May 2019</div>
<span id="headline">Not a date holder</span><p itemprop="DATEline">Oslo, 3 May</p>
<span data-x="date">data attributes are no hint</span>
<span class="related" class="date">a repeated attribute is dropped</span>"#;
        let s = scan(html);
        let hints: Vec<&str> = s.hinted.iter().map(|h| h.hint.trim()).collect();
        assert_eq!(hints, ["entry-publishtime", "dateline"]);
        assert_eq!(s.hinted[0].text, "12 May 2019");
    }

    #[test]
    fn tags_borrow_unchanged_names_and_values() {
        let (tag, after) = parse_tag(r#"<DIV Class="a &amp; b" id=x hidden>"#, 0);
        assert_eq!(tag.name, "div");
        assert!(matches!(tag.attrs[1].1, Cow::Borrowed("x")));
        assert_eq!(tag.attr("class"), Some("a & b"));
        assert_eq!(tag.attr("hidden"), Some(""));
        assert_eq!(after, 35);
    }

    #[test]
    fn decodes_every_named_reference() {
        assert_eq!(
            decode_entities(
                "f&uuml;r &Auml;rzte &hellip; 5&nbsp;&euro; &NotEqualTilde; &bogus; &amp"
            ),
            "für Ärzte … 5 € \u{2242}\u{338} &bogus; &amp"
        );
        assert_eq!(decode_entities("&#252;&#xFC;&lt;b&gt;"), "üü<b>");
        assert_eq!(
            decode_entities("it&#146;s&#0;&#xD800;&#160;x"),
            "it’s\u{FFFD}\u{FFFD} x"
        );
    }

    #[test]
    fn survives_garbage() {
        for html in [
            "<",
            "<a",
            "<a href='",
            "<script>",
            "<!--",
            "&#xZZ;<p",
            "<\u{e9}>",
        ] {
            let _ = scan(html);
        }
    }
}
