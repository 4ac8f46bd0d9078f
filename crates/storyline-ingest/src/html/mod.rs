//! HTML pages to storyline documents: main-content extraction ([`extract`]), the
//! publication and modification dates with the signal each came from, title,
//! authors, outlet and language, and an honest verdict on pages that are not
//! articles or whose article looks cut short. See `content` for the body
//! extraction, `pubdate` for dates and `scan` for the fast metadata pass.

mod content;
pub mod pubdate;
mod scan;

pub use pubdate::{HtmlDate, PageDates};

/// The publication and modification dates of a page, from its HTML alone (plus the
/// URL it was fetched from, when known). Fast: no DOM is built.
pub fn page_dates(html: &str, url: Option<&str>) -> PageDates {
    let s = scan::scan(html);
    pubdate::page_dates(&s, html, url)
}

use crate::inputs::InputError;
use storyline_model::{
    DateBasis, Document, HeaderLine, Precision, Published, Removed, RemovedKind, TimeValue,
};

/// Whether a page holds an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageKind {
    Article,
    /// An index or section page, a gallery, a login or cookie wall, ...
    NotArticle {
        reason: String,
    },
}

/// What [`extract`] read from a page.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub title: Option<String>,
    /// The article body, paragraphs joined by a blank line.
    pub text: String,
    pub authors: Vec<String>,
    /// The publication date with its signal.
    pub published: Option<HtmlDate>,
    /// The last-modified date, kept apart from the publication date.
    pub modified: Option<HtmlDate>,
    pub outlet: Option<String>,
    /// ISO 639-1 code, `und` when unsure.
    pub language: String,
    pub removed: Vec<Removed>,
    pub page_kind: PageKind,
    /// Why the article looks cut short (paywall, "continue reading", script body).
    pub truncated: Option<String>,
    /// How the body was found (`article-body markup`, `readability`, `whole page`).
    pub method: &'static str,
}

fn meta<'a>(s: &'a scan::Scan, keys: &[&str]) -> Option<&'a str> {
    for k in keys {
        if let Some(m) = s
            .metas
            .iter()
            .find(|m| m.key == *k && !m.value.trim().is_empty())
        {
            return Some(m.value.trim());
        }
    }
    None
}

fn jsonld_str(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Object(o) => o.get("name").and_then(jsonld_str),
        serde_json::Value::Array(a) => a.first().and_then(jsonld_str),
        _ => None,
    }
}

/// JSON-LD article objects (top level, arrays and `@graph`).
fn jsonld_articles(
    values: &[serde_json::Value],
) -> Vec<&serde_json::Map<String, serde_json::Value>> {
    fn walk<'a>(
        v: &'a serde_json::Value,
        out: &mut Vec<&'a serde_json::Map<String, serde_json::Value>>,
        depth: usize,
    ) {
        if depth > 4 {
            return;
        }
        match v {
            serde_json::Value::Array(a) => a.iter().take(32).for_each(|x| walk(x, out, depth + 1)),
            serde_json::Value::Object(o) => {
                let ty = o
                    .get("@type")
                    .map(|t| t.to_string().to_lowercase())
                    .unwrap_or_default();
                if ty.contains("article") || ty.contains("posting") || ty.contains("report") {
                    out.push(o);
                }
                if let Some(g) = o.get("@graph") {
                    walk(g, out, depth + 1);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for v in values {
        walk(v, &mut out, 0);
    }
    out
}

static RELATIVE_TIME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(ago|hours?|minutes?|mins?|yesterday|today|updated|published|posted)\b|\d",
    )
    .expect("valid regex")
});

/// A byline written as a plain paragraph at the top of the body ("By Jo Reyes and
/// Sam Oduya"): taken out of the text (recorded in `removed` as a credit) and its
/// names returned. Only the first two paragraphs are looked at, only short ones that
/// start with "By", and only when every name passes [`clean_author`].
fn take_text_byline(
    paragraphs: &mut Vec<String>,
    removed: &mut Vec<Removed>,
    sites: &[String],
) -> Vec<String> {
    for i in 0..paragraphs.len().min(2) {
        let p = paragraphs[i].trim();
        let Some(rest) = p.strip_prefix("By ").or_else(|| p.strip_prefix("BY ")) else {
            continue;
        };
        if p.split_whitespace().count() > 12 || p.ends_with(['.', '!', '?', ':']) {
            continue;
        }
        // "By Jo Reyes, Valley Courier": a trailing outlet name is not an author.
        let names: Vec<String> = split_authors(rest)
            .into_iter()
            .filter(|n| !sites.contains(&name_key(n)))
            .collect();
        let cleaned: Vec<String> = names
            .iter()
            .filter(|n| looks_like_person(n))
            .filter_map(|n| clean_author(n, sites))
            .collect();
        if cleaned.is_empty() || cleaned.len() != names.len() {
            continue;
        }
        let line = paragraphs.remove(i);
        removed.push(Removed {
            kind: RemovedKind::Credit,
            text: line,
            reason: Some("byline".into()),
        });
        return cleaned;
    }
    Vec::new()
}

/// Whether a name from a text byline looks like a person's: two to four capitalised
/// words, not opening with a determiner, weekday or month ("BY THE NUMBERS", "By
/// Tuesday Evening" are headings), without words that name things ("By Air Force
/// One"). "May" is left out of the months: it is also a given name.
fn looks_like_person(name: &str) -> bool {
    const NOT_FIRST: [&str; 25] = [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "our",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
    ];
    const THINGS: [&str; 17] = [
        "numbers", "force", "one", "air", "land", "sea", "road", "rail", "train", "plane", "boat",
        "phone", "email", "night", "day", "week", "december",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) || NOT_FIRST.contains(&words[0].to_lowercase().as_str()) {
        return false;
    }
    words.iter().all(|w| {
        let low = w.trim_end_matches(['.', ',']).to_lowercase();
        w.chars().next().is_some_and(char::is_uppercase) && !THINGS.contains(&low.as_str())
    })
}

/// Lead-ins, credit words and noise words of author candidates
/// (`resources/ingest/author_noise.tsv`), by kind.
static AUTHOR_NOISE: std::sync::LazyLock<[Vec<&'static str>; 3]> = std::sync::LazyLock::new(|| {
    let mut out: [Vec<&'static str>; 3] = Default::default();
    for line in crate::lexicon::data_lines(include_str!(
        "../../../../resources/ingest/author_noise.tsv"
    )) {
        let Some((kind, text)) = line.split_once('\t') else {
            continue;
        };
        let i = match kind.trim() {
            "prefix" => 0,
            "credit" => 1,
            _ => 2,
        };
        out[i].push(text.trim());
    }
    out
});

/// A name's letters and digits, lower-cased, with German umlauts spelt out and a
/// domain ending dropped, for comparing an author with a site's name ("AUTO
/// ZEITUNG" = "autozeitung.de", "Ärzte Zeitung" = "AerzteZeitung.de").
fn name_key(s: &str) -> String {
    let s = s.trim();
    let s = match s.rsplit_once('.') {
        Some((head, tld))
            if (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic()) =>
        {
            head
        }
        _ => s,
    };
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// Separators between the parts of a site or page name ("Headline | Site").
const NAME_SEPS: [&str; 7] = [" | ", " - ", " – ", " — ", " · ", "｜", " :: "];

/// The parts of a name around [`NAME_SEPS`], trimmed, empty ones left out.
fn name_parts(s: &str) -> Vec<&str> {
    let mut v = vec![s];
    for sep in NAME_SEPS {
        v = v.iter().flat_map(|x| x.split(sep)).collect();
    }
    v.into_iter()
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect()
}

/// An outlet name as a page states it (`og:site_name`, `application-name`, a
/// publisher), cleaned; `None` when it is no name. A URL gives its host (not a social
/// network's); markup or style text, and a headline put in the site-name field (more
/// than eight words; in a name with parts, also a part that is the page's headline),
/// are no name. A name with a tagline or the headline
/// beside it ("Bernau LIVE - Dein Stadtportal", "Achtsam durch die Krise | Die
/// FURCHE") keeps the part that names the site: one the page title also ends with,
/// else the first that is not the headline.
/// The known outlet (`resources/ingest/outlets.tsv`) whose domain serves `url`:
/// its host, or a parent domain of it ("hosted.ap.org" → "ap.org").
fn outlet_of_url(url: &str) -> Option<&'static str> {
    let host = url.split("://").nth(1)?.split(['/', '?', '#']).next()?;
    let host = host.split(':').next()?.to_ascii_lowercase();
    let mut h = host.as_str();
    while h.contains('.') {
        if let Some(o) = crate::lexicon::known_outlet(h) {
            return Some(o);
        }
        h = h.split_once('.').map(|x| x.1).unwrap_or("");
    }
    None
}

fn clean_outlet(raw: &str, headline: Option<&str>, page_title: Option<&str>) -> Option<String> {
    let raw = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(rest) = raw
        .strip_prefix("https://")
        .or_else(|| raw.strip_prefix("http://"))
    {
        let host = rest.split(['/', ':', '?', '#']).next().unwrap_or("");
        let host = host.strip_prefix("www.").unwrap_or(host).to_lowercase();
        // a profile page on a social network names no outlet
        const SOCIAL: [&str; 7] = [
            "facebook.com",
            "twitter.com",
            "x.com",
            "instagram.com",
            "youtube.com",
            "linkedin.com",
            "tiktok.com",
        ];
        let social = SOCIAL
            .iter()
            .any(|h| host == *h || host.ends_with(&format!(".{h}")));
        return (host.contains('.') && !host.contains(' ') && !social).then_some(host);
    }
    if raw.is_empty() || raw.contains(['{', '}', '<', '>']) || raw.contains("=\"") {
        return None;
    }
    let headline_keys: Vec<String> = headline
        .into_iter()
        .chain(page_title.and_then(|t| name_parts(t).first().copied()))
        .map(name_key)
        .filter(|k| !k.is_empty())
        .collect();
    let is_headline = |p: &str| {
        let k = name_key(p);
        p.split_whitespace().count() > 8 || (!k.is_empty() && headline_keys.contains(&k))
    };
    let parts: Vec<&str> = name_parts(&raw)
        .into_iter()
        .filter(|p| p.chars().any(char::is_alphanumeric))
        .collect();
    if parts.len() <= 1 {
        // one part: the whole name, unless it is the headline in the wrong field
        let whole = parts.first()?;
        return (whole.split_whitespace().count() <= 8).then(|| whole.to_string());
    }
    let kept: Vec<&str> = parts.into_iter().filter(|p| !is_headline(p)).collect();
    let title_tail: Vec<String> = page_title
        .map(|t| name_parts(t).iter().skip(1).map(|p| name_key(p)).collect())
        .unwrap_or_default();
    kept.iter()
        .find(|p| title_tail.contains(&name_key(p)))
        .or(kept.first())
        .map(|p| p.to_string())
}

/// A title without the site's name before or after it ("Pier closes | Harbour
/// Gazette" → "Pier closes"), `sites` being the keys ([`name_key`]) of the outlet's
/// names. A part is cut only when it is one of them and the rest has two words or
/// more.
fn strip_site_name(title: &str, sites: &[String]) -> String {
    let mut t = title.trim().to_string();
    let is_site = |p: &str| {
        let k = name_key(p);
        !k.is_empty() && sites.contains(&k)
    };
    let long_enough = |p: &str| p.split_whitespace().count() >= 2;
    for _ in 0..2 {
        let cut = NAME_SEPS.iter().find_map(|sep| {
            let (head, tail) = t.rsplit_once(sep)?;
            (is_site(tail) && long_enough(head)).then(|| head.trim().to_string())
        });
        match cut {
            Some(h) => t = h,
            None => break,
        }
    }
    if let Some(rest) = NAME_SEPS.iter().find_map(|sep| {
        let (head, rest) = t.split_once(sep)?;
        (is_site(head) && long_enough(rest)).then(|| rest.trim().to_string())
    }) {
        t = rest;
    }
    t
}

/// The keys ([`name_key`]) of an outlet's name and of its parts around " | ", " - "
/// and the like.
fn site_names(outlet: &str) -> Vec<String> {
    let mut out = vec![name_key(outlet)];
    out.extend(name_parts(outlet).iter().map(|p| name_key(p)));
    out.retain(|k| k.chars().count() >= 3);
    out.sort();
    out.dedup();
    out
}

/// Titles and suffixes written with a full stop that belong to a name ("Prof. Dr.
/// Ann Roe", "Ann St. John", "Martin King Jr."), and initials.
fn is_name_abbreviation(w: &str) -> bool {
    const ABBR: [&str; 20] = [
        "dr", "prof", "st", "jr", "sr", "mr", "mrs", "ms", "mt", "rev", "gen", "col", "lt", "sgt",
        "capt", "gov", "sen", "rep", "hon", "ing",
    ];
    let core = w.trim_end_matches('.').to_lowercase();
    w.ends_with('.') && (core.chars().count() == 1 || ABBR.contains(&core.as_str()))
}

/// Whether the lower-cased `low` holds a word-list `entry`: an entry of letters and
/// digits as a whole word (the "llc" in "Allcock" is none), one of words and spaces
/// as a phrase anywhere, any other (a legal form "e.v.", a sign "©") at the end when
/// `other_at_end`, else anywhere.
fn has_entry(low: &str, entry: &str, other_at_end: bool) -> bool {
    if entry.chars().all(char::is_alphanumeric) {
        low.split(|c: char| !c.is_alphanumeric())
            .any(|w| w == entry)
    } else if entry.chars().all(|c| c.is_alphabetic() || c == ' ') || !other_at_end {
        low.contains(entry)
    } else {
        low.ends_with(entry)
    }
}

/// Clean one author candidate; `None` when it is not a person's name. `sites` are
/// the page's own names (see [`site_names`]): an author equal to one is the site.
fn clean_author(raw: &str, sites: &[String]) -> Option<String> {
    // one space between words (no-break spaces included)
    let mut s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let [prefixes, credits, noise] = &*AUTHOR_NOISE;
    // A credit entry of letters is a whole word; one with others ("©", "all posts")
    // may sit anywhere.
    let low = s.to_lowercase();
    if credits.iter().any(|w| has_entry(&low, w, false)) {
        return None;
    }
    for _ in 0..2 {
        let low = s.to_lowercase();
        if let Some(p) = prefixes.iter().find(|p| {
            low.strip_prefix(**p)
                .is_some_and(|r| r.starts_with(' ') || p.ends_with(':'))
        }) {
            s = s.get(p.len()..).unwrap_or("").trim().to_string();
        }
    }
    // A label before the name ("Text: ", "Autor: ").
    if let Some((label, rest)) = s.split_once(':') {
        if label.split_whitespace().count() <= 2 && !rest.trim().is_empty() {
            s = rest.trim().to_string();
        }
    }
    // The site's own name ("Die FURCHE" on furche.at), before anything is cut from it
    // (checked again at the end, on what is left).
    if sites.contains(&name_key(&s)) {
        return None;
    }
    // A link or an open bracket ends the name ("Ann Roe https://...", "Ann Roe (AR").
    let mut words: Vec<&str> = s.split_whitespace().collect();
    if let Some(i) = words.iter().position(|w| {
        let l = w.to_lowercase();
        l.starts_with("http") || l.starts_with("www.") || (w.starts_with('(') && !w.ends_with(')'))
    }) {
        words.truncate(i);
    }
    // "For <Outlet>" after the name ("Ann Roe for Harbour Gazette"), and a stray
    // trailing "By" ("WXYZ By").
    if let Some(i) = words
        .iter()
        .skip(2)
        .position(|w| w.eq_ignore_ascii_case("for"))
    {
        words.truncate(i + 2);
    }
    // A sentence break after a full name ("Ann Roe. Harbour Gazette"), not after an
    // initial or a title ("Ann L. Roe", "Prof. Dr. Ann Roe").
    if let Some(i) = words
        .iter()
        .skip(1)
        .position(|w| w.ends_with('.') && !is_name_abbreviation(w))
    {
        let i = i + 1;
        if words.len() - (i + 1) >= 2 {
            words.truncate(i + 1);
        }
    }
    // An outlet or agency after the name ("Jill Lawless Associated Press"): a known
    // one first, else a tail with a publication word, never leaving a name that
    // ends in an initial ("Ann P. | Roe The Times").
    let tail = |cut: usize| words[cut..].join(" ");
    let ends_in_initial = |cut: usize| is_name_abbreviation(words[cut - 1]);
    let cut = (2..words.len())
        .find(|&c| crate::lexicon::known_outlet(&tail(c)).is_some())
        .or_else(|| {
            (2..words.len())
                .find(|&c| !ends_in_initial(c) && crate::lexicon::has_outlet_word(&tail(c)))
        });
    if let Some(c) = cut {
        // one publication word at the end ends a publication's name ("Preußische
        // Allgemeine Zeitung"), unless a known outlet follows the name
        if c + 1 == words.len() && crate::lexicon::known_outlet(&tail(c)).is_none() {
            return None;
        }
        words.truncate(c);
    }
    // a stray "By" left at the end ("WXYZ By Eyewitness News")
    while words.last().is_some_and(|w| w.eq_ignore_ascii_case("by")) {
        words.pop();
    }
    let mut s = words.join(" ");
    // A weekday stuck to the end ("Jane Doe Monday").
    const WEEKDAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    if let Some((head, last)) = s.rsplit_once(' ') {
        if WEEKDAYS.contains(&last) {
            s = head.to_string();
        }
    }
    let mut s = s
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .to_string();
    if s.is_empty() || s.chars().count() > 60 || s.contains("://") || s.contains('@') {
        return None;
    }
    let low = s.to_lowercase();
    // A noise entry of letters is a whole word (plurals are listed as such; the
    // "llc" in "Allcock" and "news" in "Newsome" are no noise), one of words a
    // phrase anywhere ("more from"); one with other characters is a legal form that
    // ends the name ("... e.V.", "... d.o.o.").
    if noise.iter().any(|b| has_entry(&low, b, true)) || RELATIVE_TIME.is_match(&s) {
        return None;
    }
    // A full stop after a last name, not after an initial or "Jr." ("Ann Roe.").
    if s.ends_with('.') && !s.rsplit(' ').next().is_some_and(is_name_abbreviation) {
        s = s.trim_end_matches('.').to_string();
    }
    // Articles open names of things, not of people ("The Sentinel", "Die Zeit").
    const ARTICLES: [&str; 5] = ["the", "die", "der", "los", "las"];
    let first = low.split_whitespace().next().unwrap_or("");
    let key = name_key(&s);
    if sites.contains(&key)
        || crate::lexicon::known_outlet(&s).is_some()
        || crate::lexicon::has_outlet_word(&s)
        || ARTICLES.contains(&first)
        || s.contains(" - ")
        || s.split_whitespace()
            .any(|w| crate::lexicon::known_outlet(w).is_some())
    {
        return None;
    }
    let words = s.split_whitespace().count();
    if !(2..=5).contains(&words)
        || !s
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
    {
        return None;
    }
    Some(s)
}

/// Splits a list of names at commas, semicolons, bars, slashes and the words
/// "and", "und", "et" and "&" in any case.
fn split_authors(s: &str) -> Vec<String> {
    static JOIN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)\s+(?:and|und|et|&)\s+").expect("valid regex")
    });
    // "Ann Roe | Harbour Gazette": what follows a spaced bar is the outlet
    static BAR: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\s\|\s").expect("valid regex"));
    let s = BAR.split(s).next().unwrap_or(s);
    let s = JOIN.replace_all(s, ",");
    s.split([',', ';', '|', '/'])
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect()
}

static TRUNCATION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)(continue reading|subscribe to (read|continue)|to read the full (article|story)|this (article|content) is (only )?(available|reserved) (to|for) (subscribers|members)|already a subscriber|log ?in to (read|continue)|sign in to (read|continue)|read the full (article|story))")
        .expect("valid regex")
});

/// Extract the article of an HTML page. `url` (where it was fetched from) helps with
/// dates in URLs and the outlet; it is optional.
pub fn extract(html: &str, url: Option<&str>) -> Extracted {
    let s = scan::scan(html);
    let dates = pubdate::page_dates(&s, html, url);
    let ld_values = pubdate::parse_jsonld(&s.jsonld);
    let ld = jsonld_articles(&ld_values);

    let title_meta = meta(&s, &["og:title", "twitter:title"])
        .map(str::to_string)
        .or_else(|| {
            ld.iter()
                .find_map(|o| o.get("headline").and_then(jsonld_str))
        });
    // The outlet: the first candidate that [`clean_outlet`] keeps.
    let mut raw_outlets: Vec<String> = ["og:site_name", "application-name", "publisher"]
        .iter()
        .filter_map(|k| meta(&s, &[k]))
        .map(str::to_string)
        .collect();
    raw_outlets.extend(
        ld.iter()
            .find_map(|o| o.get("publisher").and_then(jsonld_str)),
    );
    // A known outlet's own domain (the page's URL, else its canonical URL) names
    // it better than a site name that is an edition or a section ("U.S." on
    // reuters.com, "Hosted" on hosted.ap.org).
    let page_url = url
        .or(s.canonical.as_deref())
        .or_else(|| meta(&s, &["og:url"]));
    if let Some(known) = page_url.and_then(outlet_of_url) {
        // ... unless the site name already names it ("BBC Mundo" on bbc.com; a
        // shared "Times" or "News" does not count)
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .filter(|w| {
                    w.len() >= 3
                        && w != "the"
                        && !crate::lexicon::OUTLET_WORD_SET.contains(w.as_str())
                })
                .collect()
        };
        let own = words(known);
        let named = raw_outlets
            .first()
            .is_some_and(|o| words(o).iter().any(|w| own.contains(w)));
        if !named {
            raw_outlets.insert(0, known.to_string());
        }
    }
    let headline = title_meta.as_deref().or(s.title.as_deref());
    let outlet = raw_outlets
        .iter()
        .find_map(|o| clean_outlet(o, headline, s.title.as_deref()));

    let mut body = content::extract_body(html, title_meta.as_deref());
    // The outlet's names, for the title; for authors also the title's last part
    // ("... - Faro de Vigo"). A blogger whose site carries their own name loses the
    // byline that way, which is better than a site shown as an author.
    let mut sites: Vec<String> = outlet
        .iter()
        .chain(raw_outlets.iter())
        .flat_map(|o| site_names(o))
        .collect();
    sites.sort();
    sites.dedup();
    let mut author_sites = sites.clone();
    if let Some(last) = s
        .title
        .as_deref()
        .map(name_parts)
        .filter(|p| p.len() >= 2)
        .and_then(|p| p.last().map(|x| name_key(x)))
    {
        author_sites.push(last);
    }
    let text_byline = take_text_byline(&mut body.paragraphs, &mut body.removed, &author_sites);
    let title = title_meta
        .or(body.h1.clone())
        .or_else(|| s.title.clone())
        .map(|t| strip_site_name(&scan::decode_entities(t.trim()), &sites));

    // Authors: JSON-LD, meta, byline elements, then a byline paragraph; the first
    // of these that gives a valid name wins.
    let mut from_ld: Vec<String> = Vec::new();
    for o in &ld {
        match o.get("author") {
            Some(serde_json::Value::Array(a)) => from_ld.extend(a.iter().filter_map(jsonld_str)),
            Some(v) => from_ld.extend(jsonld_str(v)),
            None => {}
        }
    }
    let from_meta: Vec<String> = s
        .metas
        .iter()
        .filter(|m| {
            m.key == "author"
                || m.key == "article:author"
                || m.key == "og:article:author"
                || m.key == "dc.creator"
                || m.key == "sailthru.author"
                || m.key == "parsely-author"
        })
        .map(|m| m.value.clone())
        .collect();
    let mut authors: Vec<String> = Vec::new();
    let add = |text: &str, authors: &mut Vec<String>| {
        let mut any = false;
        for c in split_authors(text) {
            if let Some(a) = clean_author(&c, &author_sites) {
                any = true;
                if !authors.iter().any(|x| x.eq_ignore_ascii_case(&a)) {
                    authors.push(a);
                }
            }
        }
        any
    };
    for cands in [&from_ld, &from_meta] {
        for c in cands {
            add(c, &mut authors);
        }
        if !authors.is_empty() {
            break;
        }
    }
    if authors.is_empty() {
        // Byline elements: the first with a valid name, and those in its box.
        let mut first: Option<&content::Byline> = None;
        for b in &body.bylines {
            if first.is_some_and(|f| !f.holds(b)) {
                continue;
            }
            if add(&b.text, &mut authors) && first.is_none() {
                first = Some(b);
            }
        }
    }
    if authors.is_empty() {
        for c in &text_byline {
            add(c, &mut authors);
        }
    }
    authors.truncate(8);

    let text = body.paragraphs.join("\n\n");
    let language = s
        .lang
        .as_deref()
        .map(|l| {
            l.split(['-', '_'])
                .next()
                .unwrap_or("")
                .trim()
                .to_lowercase()
        })
        .filter(|l| l.len() == 2 || l.len() == 3)
        .unwrap_or_else(|| crate::article::detect_language(&text));

    // Is it an article? Is it complete?
    let og_type = meta(&s, &["og:type"]).unwrap_or("").to_lowercase();
    let text_chars = text.chars().filter(|c| !c.is_whitespace()).count();
    let page_ld = if body.page_chars == 0 {
        0.0
    } else {
        body.page_link_chars as f64 / body.page_chars as f64
    };
    let mut head_end = html.len().min(300_000);
    while !html.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let low_html_head = &html[..head_end];
    let page_kind = if body.method == content::TOO_DEEP {
        PageKind::NotArticle {
            reason: format!(
                "elements nested more than {} levels deep: not read",
                content::MAX_DEPTH
            ),
        }
    } else if body.method == content::TOO_TANGLED {
        PageKind::NotArticle {
            reason: "too many tags nested too deep to parse in reasonable time: not read"
                .to_string(),
        }
    } else if text_chars < 150 {
        let reason = if low_html_head.contains("cookie") && text_chars < 50 && page_ld < 0.3 {
            "no article text: cookie or consent wall"
        } else if page_ld > 0.5 {
            "no article text: page is mostly links (index or section page)"
        } else {
            "too little article text"
        };
        PageKind::NotArticle {
            reason: reason.to_string(),
        }
    } else if (og_type == "website" || og_type.is_empty())
        && page_ld > 0.6
        && text_chars < 600
        && ld.is_empty()
        && !body.paragraphs.iter().any(|p| p.chars().count() >= 250)
    {
        PageKind::NotArticle {
            reason: "index or section page: mostly links, little running text".to_string(),
        }
    } else {
        PageKind::Article
    };
    let mut truncated = None;
    let free = ld
        .iter()
        .find_map(|o| o.get("isAccessibleForFree"))
        .map(|v| v.to_string().to_lowercase());
    if free.as_deref().is_some_and(|v| v.contains("false")) {
        truncated = Some("paywall: isAccessibleForFree is false".to_string());
    } else if let Some(last) = body.paragraphs.last() {
        if last.chars().count() < 200 && TRUNCATION.is_match(last) {
            truncated = Some(format!(
                "article ends with \"{}\"",
                last.chars().take(80).collect::<String>()
            ));
        } else {
            // What the page shows right after the article's last paragraph.
            let probe: String = last
                .chars()
                .rev()
                .take(40)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let probe = probe.split_whitespace().collect::<Vec<_>>().join(" ");
            let flat = s.text.replace('\n', " ");
            if let Some(i) = flat.find(&probe) {
                let after = &flat[i + probe.len()..];
                let mut end = after.len().min(300);
                while !after.is_char_boundary(end) {
                    end -= 1;
                }
                if let Some(m) = TRUNCATION.find(&after[..end]) {
                    truncated = Some(format!(
                        "page continues with \"{}\" after the text",
                        m.as_str()
                    ));
                }
            }
        }
    }
    if truncated.is_none() && text_chars < 150 && body.page_chars < 400 && html.len() > 20_000 {
        truncated = Some("body appears to be loaded by script".to_string());
    }
    let text = if matches!(page_kind, PageKind::NotArticle { .. }) {
        String::new()
    } else {
        text
    };

    Extracted {
        title,
        text,
        authors,
        published: dates.published,
        modified: dates.modified,
        outlet,
        language,
        removed: body.removed,
        page_kind,
        truncated,
        method: body.method,
    }
}

/// The body text of an HTML fragment (a feed item's content) without any verdict on
/// whether it is a whole article, and what was dropped.
pub(crate) fn fragment_text(html: &str) -> (String, Vec<Removed>) {
    let body = content::extract_body(html, None);
    (body.paragraphs.join("\n\n"), body.removed)
}

fn time_value(d: &HtmlDate) -> TimeValue {
    let mut v = TimeValue::day(d.date);
    if d.time.is_some() {
        v.value = d.timex();
        v.precision = Precision::Time;
    }
    v
}

/// Read an HTML page into a [`Document`]. Pages that are not articles are refused
/// with the reason, naming `path`.
pub fn document_from_html(path: &str, html: &str) -> Result<Document, InputError> {
    document_from_html_url(path, html, None)
}

/// [`document_from_html`] for a page fetched from `url` (used for dates in the URL
/// and the outlet).
pub fn document_from_html_url(
    path: &str,
    html: &str,
    url: Option<&str>,
) -> Result<Document, InputError> {
    let ex = extract(html, url);
    if let PageKind::NotArticle { reason } = &ex.page_kind {
        return Err(InputError::new(
            path,
            format!("HTML page is not an article: {reason}"),
        ));
    }
    if ex.text.trim().is_empty() {
        return Err(InputError::new(path, "HTML page: no article text found"));
    }
    let mut header = Vec::new();
    if let Some(t) = &ex.title {
        header.push(HeaderLine {
            text: t.clone(),
            field: "title".into(),
        });
    }
    let published = match &ex.published {
        Some(d) => {
            let basis = if d.signal.starts_with("json-ld") || d.signal.starts_with("meta") {
                DateBasis::Meta
            } else if d.signal.contains("text") {
                DateBasis::Content
            } else {
                DateBasis::Header
            };
            header.push(HeaderLine {
                text: format!("{}: {}", d.signal, d.raw),
                field: "published".into(),
            });
            Published {
                value: time_value(d),
                basis,
                evidence: None,
                source_text: Some(format!("{}: {}", d.signal, d.raw)),
                story: Vec::new(),
            }
        }
        None => Published::unknown(),
    };
    if let Some(m) = &ex.modified {
        header.push(HeaderLine {
            text: format!("{}: {}", m.signal, m.raw),
            field: "modified".into(),
        });
    }
    if let Some(t) = &ex.truncated {
        header.push(HeaderLine {
            text: t.clone(),
            field: "truncated".into(),
        });
    }
    Ok(Document {
        id: String::new(),
        path: path.to_string(),
        text: ex.text,
        title: ex.title,
        outlet: ex.outlet,
        authors: ex.authors,
        dateline: None,
        language: ex.language,
        published,
        removed: ex.removed,
        times: Vec::new(),
        related: Vec::new(),
        contributors: Vec::new(),
        header,
        encoding: None,
        stats: None,
        skipped: Vec::new(),
    })
}
