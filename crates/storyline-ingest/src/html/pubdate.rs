//! Publication and modification dates of an HTML page, each with the signal it came
//! from: JSON-LD, meta tags (`resources/html/date_meta.tsv`), `<time>` elements,
//! date-hinted elements (`resources/html/date_hints.tsv`), the canonical URL, and
//! finally dates in the visible text. A "last updated" stamp or a copyright year is
//! never taken as the publication date.

use super::scan::{Hinted, Scan};
use crate::dates::find_dates;
use chrono::NaiveDate;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

const DATE_META_TSV: &str = include_str!("../../../../resources/html/date_meta.tsv");
const DATE_HINTS_TSV: &str = include_str!("../../../../resources/html/date_hints.tsv");

/// A date read from a page, with time of day and zone when the page gave them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlDate {
    pub date: NaiveDate,
    /// `HH:MM` or `HH:MM:SS` when given.
    pub time: Option<String>,
    /// `Z`, `+02:00`, ... when given.
    pub zone: Option<String>,
    /// Where it came from: `json-ld datePublished`, `meta article:published_time`, ...
    pub signal: String,
    /// The raw value it was read from.
    pub raw: String,
}

impl HtmlDate {
    /// `2024-11-19`, `2024-11-19T10:02`, `2024-11-19T10:02:00Z`, ...
    pub fn timex(&self) -> String {
        let mut s = self.date.format("%Y-%m-%d").to_string();
        if let Some(t) = &self.time {
            s.push('T');
            s.push_str(t);
            if let Some(z) = &self.zone {
                s.push_str(z);
            }
        }
        s
    }
}

#[derive(Debug, Clone, Default)]
pub struct PageDates {
    pub published: Option<HtmlDate>,
    pub modified: Option<HtmlDate>,
}

struct Lexicon {
    meta_pub: Vec<String>,
    meta_mod: Vec<String>,
    attr_pub: Vec<String>,
    attr_mod: Vec<String>,
    text_mod: Vec<String>,
}

fn data_lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lex = Lexicon {
        meta_pub: vec![],
        meta_mod: vec![],
        attr_pub: vec![],
        attr_mod: vec![],
        text_mod: vec![],
    };
    for l in data_lines(DATE_META_TSV) {
        if let Some((role, name)) = l.split_once('\t') {
            let name = name.trim().to_lowercase();
            match role {
                "published" => lex.meta_pub.push(name),
                "modified" => lex.meta_mod.push(name),
                _ => {}
            }
        }
    }
    for l in data_lines(DATE_HINTS_TSV) {
        if let Some((role, word)) = l.split_once('\t') {
            let word = word.trim().to_lowercase();
            match role {
                "attr-published" => lex.attr_pub.push(word),
                "attr-modified" => lex.attr_mod.push(word),
                "text-modified" => lex.text_mod.push(word),
                _ => {}
            }
        }
    }
    lex
});

static ISO_FULL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?",
    )
    .expect("valid regex")
});
static COMPACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})(\d{2})(\d{2})(?:\D|$)").expect("valid regex"));
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"/((?:19|20)\d{2})[/_-]?(1[0-2]|0?[1-9])[/_-]?(3[01]|[12]\d|0?[1-9])(?:/|[_-]|\.html?|$)",
    )
    .expect("valid regex")
});
static SLASH_YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)((?:19|20)\d{2})[/.](\d{1,2})[/.](\d{1,2})(?-u:\b)").expect("valid regex")
});
static DMY_SHORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2})\.(\d{1,2})\.(\d{2})(?-u:\b)").expect("valid regex")
});
static CJK_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
        .expect("valid regex")
});

const MONTHS_TSV: &str = include_str!("../../../../resources/html/months.tsv");

static MONTH_NAMES: LazyLock<Vec<(String, u32)>> = LazyLock::new(|| {
    let mut out = Vec::new();
    for l in data_lines(MONTHS_TSV) {
        let mut cols = l.split('\t');
        let (Some(n), Some(names)) = (cols.next(), cols.next()) else {
            continue;
        };
        let Ok(n) = n.trim().parse::<u32>() else {
            continue;
        };
        for name in names.split('|') {
            out.push((name.trim().to_string(), n));
        }
    }
    out.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    out
});

fn month_of(name: &str) -> Option<u32> {
    let k = name.trim_end_matches('.').to_lowercase();
    MONTH_NAMES.iter().find(|(n, _)| *n == k).map(|(_, m)| *m)
}

fn month_alt() -> String {
    MONTH_NAMES
        .iter()
        .map(|(n, _)| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
}

static NUM_DATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})([-/.])(\d{1,2})[-/.](\d{1,2})|(\d{1,2})([-/.])\s?(\d{1,2})[-/.]\s?((?:19|20)\d{2})").expect("valid regex")
});
static WORD_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(\d{{1,2}})(?:st|nd|rd|th|er|\.|º)?\s*(?:de\s+|of\s+)?({})\.?,?\s*(?:de\s+)?((?:19|20)\d{{2}})",
        month_alt()
    ))
    .expect("valid regex")
});
static WORD_MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)({})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})",
        month_alt()
    ))
    .expect("valid regex")
});

fn digit_at(s: &str, i: usize) -> bool {
    s.as_bytes().get(i).is_some_and(|b| b.is_ascii_digit())
}

fn letter_before(s: &str, i: usize) -> bool {
    s[..i]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphabetic())
}

/// Length in bytes of the date that starts at `start` in `s` (the longest match).
fn date_len(s: &str, start: usize) -> usize {
    let t = &s[start..];
    [&*NUM_DATES, &*WORD_DMY, &*WORD_MDY, &*CJK_DATE]
        .iter()
        .filter_map(|re| re.find(t).filter(|m| m.start() == 0).map(|m| m.end()))
        .max()
        .unwrap_or(0)
}

/// Every full date (with a year) in `s`: numeric, month-name (many languages) and
/// CJK forms, as (byte offset, date), in text order.
pub(crate) fn all_dates(s: &str) -> Vec<(usize, NaiveDate)> {
    let mut out = Vec::new();
    for c in NUM_DATES.captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        if (m.start() > 0 && digit_at(s, m.start() - 1)) || digit_at(s, m.end()) {
            continue;
        }
        let date = if c.get(1).is_some() {
            let (y, mo, d) = (c[1].parse().ok(), c[3].parse().ok(), c[4].parse().ok());
            match (y, mo, d) {
                (Some(y), Some(mo), Some(d)) => NaiveDate::from_ymd_opt(y, mo, d),
                _ => None,
            }
        } else {
            let (a, b, y) = (
                c[5].parse::<u32>().unwrap_or(0),
                c[7].parse::<u32>().unwrap_or(0),
                c[8].parse::<i32>().unwrap_or(0),
            );
            if &c[6] == "/" && a <= 12 {
                NaiveDate::from_ymd_opt(y, a, b).or_else(|| NaiveDate::from_ymd_opt(y, b, a))
            } else {
                NaiveDate::from_ymd_opt(y, b, a)
            }
        };
        if let Some(d) = date {
            out.push((m.start(), d));
        }
    }
    for c in WORD_DMY.captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        if (m.start() > 0 && digit_at(s, m.start() - 1)) || digit_at(s, m.end()) {
            continue;
        }
        let Some(mo) = month_of(&c[2]) else { continue };
        let mend = c.get(2).map(|x| x.end()).unwrap_or(0);
        if s[mend..]
            .chars()
            .next()
            .is_some_and(|ch| ch.is_alphabetic())
        {
            continue;
        }
        if let (Ok(d), Ok(y)) = (c[1].parse(), c[3].parse()) {
            if let Some(date) = NaiveDate::from_ymd_opt(y, mo, d) {
                out.push((m.start(), date));
            }
        }
    }
    for c in WORD_MDY.captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        if letter_before(s, m.start()) || digit_at(s, m.end()) {
            continue;
        }
        let Some(mo) = month_of(&c[1]) else { continue };
        if let (Ok(d), Ok(y)) = (c[2].parse(), c[3].parse()) {
            if let Some(date) = NaiveDate::from_ymd_opt(y, mo, d) {
                out.push((m.start(), date));
            }
        }
    }
    for c in CJK_DATE.captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        if let (Ok(y), Ok(mo), Ok(d)) = (c[1].parse(), c[2].parse(), c[3].parse()) {
            if let Some(date) = NaiveDate::from_ymd_opt(y, mo, d) {
                out.push((m.start(), date));
            }
        }
    }
    out.sort();
    out.dedup_by_key(|x| x.0);
    out
}

fn min_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(1995, 1, 1).unwrap_or_default()
}

fn max_date() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

fn plausible(d: NaiveDate) -> bool {
    d >= min_date() && d <= max_date()
}

/// Read a date (with time and zone when present) from a machine or human value.
pub fn parse_value(raw: &str, signal: &str) -> Option<HtmlDate> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 400 {
        return None;
    }
    let mk = |date: NaiveDate, time: Option<String>, zone: Option<String>| {
        plausible(date).then(|| HtmlDate {
            date,
            time,
            zone,
            signal: signal.to_string(),
            raw: s.to_string(),
        })
    };
    if let Some(c) = ISO_FULL.captures(s) {
        let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
            let time = c.get(4).map(|t| t.as_str().to_string());
            let zone = time.as_ref().and(c.get(5)).map(|z| z.as_str().to_string());
            return mk(date, time, zone);
        }
    }
    if let Some(c) = COMPACT.captures(s) {
        if let (Ok(y), Ok(m), Ok(d)) = (c[1].parse(), c[2].parse(), c[3].parse()) {
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                return mk(date, None, None);
            }
        }
    }
    if let Some(c) = SLASH_YMD.captures(s) {
        if let (Ok(y), Ok(m), Ok(d)) = (c[1].parse(), c[2].parse(), c[3].parse()) {
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                return mk(date, None, None);
            }
        }
    }
    if let Some(c) = CJK_DATE.captures(s) {
        if let (Ok(y), Ok(m), Ok(d)) = (c[1].parse(), c[2].parse(), c[3].parse()) {
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                return mk(date, None, None);
            }
        }
    }
    for (_, date) in all_dates(s) {
        if plausible(date) {
            return mk(date, None, None);
        }
    }
    for f in find_dates(s) {
        if let Some(date) = f.date() {
            if plausible(date) {
                return mk(date, None, None);
            }
        }
    }
    if let Some(c) = DMY_SHORT.captures(s) {
        if let (Ok(d), Ok(m), Ok(y)) = (c[1].parse::<u32>(), c[2].parse(), c[3].parse::<i32>()) {
            if let Some(date) = NaiveDate::from_ymd_opt(2000 + y, m, d) {
                return mk(date, None, None);
            }
        }
    }
    None
}

/// Dates in a URL path (`/2024/11/19/`, `/2024-11-19-`).
pub fn date_from_url(url: &str) -> Option<HtmlDate> {
    let c = URL_DATE.captures(url)?;
    let date = NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
    plausible(date).then(|| HtmlDate {
        date,
        time: None,
        zone: None,
        signal: "url".to_string(),
        raw: url.to_string(),
    })
}

/// Walk JSON-LD values, collecting `datePublished`/`dateCreated` and `dateModified`
/// with the `@type` of their object.
fn jsonld_dates(v: &serde_json::Value, out: &mut Vec<(String, String, String)>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        serde_json::Value::Array(a) => {
            for x in a.iter().take(64) {
                jsonld_dates(x, out, depth + 1);
            }
        }
        serde_json::Value::Object(o) => {
            let ty = match o.get("@type") {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Array(a)) => a
                    .iter()
                    .filter_map(|x| x.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
                _ => String::new(),
            };
            for key in ["datePublished", "dateCreated", "uploadDate", "dateModified"] {
                if let Some(serde_json::Value::String(s)) = o.get(key) {
                    out.push((ty.clone(), key.to_string(), s.clone()));
                }
            }
            for (k, x) in o {
                if matches!(
                    x,
                    serde_json::Value::Object(_) | serde_json::Value::Array(_)
                ) && k != "publisher"
                    && k != "author"
                {
                    jsonld_dates(x, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

/// Parsed JSON-LD objects of a page (blocks that fail to parse are skipped; some
/// pages put raw newlines in strings, which are retried with them replaced).
pub(crate) fn parse_jsonld(blocks: &[String]) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for b in blocks.iter().take(16) {
        let t = b.trim();
        let t = t
            .strip_prefix("<!--")
            .map(|x| x.trim_end().trim_end_matches("-->"))
            .unwrap_or(t)
            .trim();
        let t = t.strip_prefix("//<![CDATA[").unwrap_or(t);
        let t = t.strip_suffix("//]]>").unwrap_or(t);
        match serde_json::from_str::<serde_json::Value>(t) {
            Ok(v) => out.push(v),
            Err(_) => {
                let fixed: String = t
                    .chars()
                    .map(|c| {
                        if c == '\n' || c == '\r' || c == '\t' {
                            ' '
                        } else {
                            c
                        }
                    })
                    .collect();
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(&fixed) {
                    out.push(v);
                }
            }
        }
    }
    out
}

fn is_article_type(ty: &str) -> bool {
    let t = ty.to_ascii_lowercase();
    [
        "article",
        "posting",
        "report",
        "newsarticle",
        "blog",
        "creativework",
        "video",
        "review",
    ]
    .iter()
    .any(|w| t.contains(w))
}

fn hinted_is_modified(h: &Hinted) -> bool {
    let lex = &*LEX;
    lex.attr_mod.iter().any(|w| h.hint.contains(w.as_str()))
}

fn text_says_modified(before: &str) -> bool {
    // Only the last 40 characters matter: never lowercase the whole prefix.
    let start = before
        .char_indices()
        .rev()
        .nth(39)
        .map(|(i, _)| i)
        .unwrap_or(0);
    let tail = before[start..].to_lowercase();
    LEX.text_mod.iter().any(|w| tail.contains(w.as_str()))
}

/// The first publication-looking date in a hinted element's text (skipping dates
/// preceded by "updated"/"©").
fn date_in_text(text: &str, signal: &str) -> Option<HtmlDate> {
    let mut candidates = all_dates(text);
    if candidates.is_empty() {
        for c in DMY_SHORT.captures_iter(text) {
            if let (Some(m), Ok(d), Ok(mo), Ok(y)) = (
                c.get(0),
                c[1].parse::<u32>(),
                c[2].parse(),
                c[3].parse::<i32>(),
            ) {
                if let Some(date) = NaiveDate::from_ymd_opt(2000 + y, mo, d) {
                    candidates.push((m.start(), date));
                }
            }
        }
    }
    for (start, d) in candidates {
        if !plausible(d) || text_says_modified(&text[..start]) {
            continue;
        }
        return Some(HtmlDate {
            date: d,
            time: None,
            zone: None,
            signal: signal.to_string(),
            raw: text.chars().take(80).collect(),
        });
    }
    None
}

static RAW_JSON_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)"(datePublished|date_published|published_at|publishedAt|publishDate|publish_date|pubDate|createdAt|created_at|dateCreated|firstPublished|first_published_at|published)"\s*:\s*"([^"]{8,40})""#)
        .expect("valid regex")
});

static PUBLISHED_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:published|posted|veröffentlicht|erschienen|publié le|publicado|pubblicato|date)\b\s*(?:on|am|:|le|el|il)?\s*:?\s*").expect("valid regex")
});

/// Find the page's publication and modification dates from a scan.
pub(crate) fn page_dates(scan: &Scan, html: &str, url: Option<&str>) -> PageDates {
    let lex = &*LEX;
    let mut out = PageDates::default();

    // 1. JSON-LD.
    let mut ld = Vec::new();
    for v in parse_jsonld(&scan.jsonld) {
        jsonld_dates(&v, &mut ld, 0);
    }
    let pick_ld = |keys: &[&str]| -> Option<HtmlDate> {
        let mut best: Option<(bool, HtmlDate)> = None;
        for (ty, key, value) in &ld {
            if !keys.contains(&key.as_str()) {
                continue;
            }
            if let Some(d) = parse_value(value, &format!("json-ld {key}")) {
                let art = is_article_type(ty);
                if best.as_ref().is_none_or(|(b_art, _)| art && !*b_art) {
                    best = Some((art, d));
                }
            }
        }
        best.map(|(_, d)| d)
    };
    let ld_pub = pick_ld(&["datePublished"]).or_else(|| pick_ld(&["dateCreated", "uploadDate"]));
    let ld_mod = pick_ld(&["dateModified"]);

    // 2. Meta tags, by priority.
    let mut meta_map: HashMap<&str, &str> = HashMap::new();
    for m in &scan.metas {
        meta_map.entry(m.key.as_str()).or_insert(m.value.as_str());
    }
    // Every publication meta tag votes for its day; the most supported day wins,
    // ties to the tag listed first in date_meta.tsv.
    let mut votes: Vec<(usize, usize, HtmlDate)> = Vec::new();
    for (prio, name) in lex.meta_pub.iter().enumerate() {
        for m in scan.metas.iter().filter(|m| &m.key == name && m.is_meta) {
            if let Some(d) = parse_value(&m.value, &format!("meta {name}")) {
                match votes.iter_mut().find(|v| v.2.date == d.date) {
                    Some(v) => v.0 += 1,
                    None => votes.push((1, prio, d)),
                }
            }
        }
    }
    let meta_pub = votes
        .into_iter()
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|v| v.2);
    let mut meta_mod = None;
    for name in &lex.meta_mod {
        if let Some(v) = meta_map.get(name.as_str()) {
            if let Some(d) = parse_value(v, &format!("meta {name}")) {
                meta_mod = Some(d);
                break;
            }
        }
    }

    out.modified = ld_mod.or(meta_mod);
    // JSON-LD and meta can disagree (a meta tag for the index page, an old
    // JSON-LD template): prefer the earlier of the two strong signals.
    // An itemprop on a page element counts only once, after meta tags and JSON-LD
    // (related-article lists repeat it).
    let item_pub = scan
        .metas
        .iter()
        .filter(|m| !m.is_meta && m.key == "datepublished")
        .find_map(|m| parse_value(&m.value, "itemprop datePublished"));
    out.published = meta_pub.or(ld_pub).or(item_pub);
    if out.published.is_some() {
        return out;
    }

    // 3. <time> elements and date-hinted elements.
    let mut best: Option<(i32, usize, HtmlDate)> = None;
    for h in &scan.hinted {
        if hinted_is_modified(h)
            && ![
                "publish",
                "post_date",
                "post-date",
                "entry-date",
                "datepublished",
            ]
            .iter()
            .any(|w| h.hint.contains(w))
        {
            if out.modified.is_none() {
                if let Some(dt) = &h.datetime {
                    out.modified = parse_value(dt, "time updated");
                }
            }
            continue;
        }
        let rank = if h.pubdate_attr || h.hint.contains("datepublished") {
            0
        } else if lex
            .attr_pub
            .iter()
            .take(16)
            .any(|w| h.hint.contains(w.as_str()))
        {
            1
        } else if h.is_time {
            2
        } else {
            3
        };
        let signal = if h.is_time {
            "time element"
        } else {
            "date element"
        };
        let d = h
            .datetime
            .as_deref()
            .and_then(|dt| parse_value(dt, &format!("{signal} datetime")))
            .or_else(|| date_in_text(&h.text, &format!("{signal} text")));
        if let Some(d) = d {
            if best
                .as_ref()
                .is_none_or(|(r, p, _)| (rank, h.pos) < (*r, *p))
            {
                best = Some((rank, h.pos, d));
            }
        }
    }
    if let Some((_, _, d)) = best {
        out.published = Some(d);
        return out;
    }

    // 4. Dates under publication keys in scripts' JSON state.
    for c in RAW_JSON_DATE.captures_iter(html).take(50) {
        if let Some(d) = parse_value(&c[2], &format!("script json {}", &c[1])) {
            out.published = Some(d);
            return out;
        }
    }

    // 5. URL (the page's own canonical URL, else the one given).
    for u in [scan.canonical.as_deref(), url].into_iter().flatten() {
        if let Some(d) = date_from_url(u) {
            out.published = Some(d);
            return out;
        }
    }
    if let Some(v) = meta_map.get("og:url") {
        if let Some(d) = date_from_url(v) {
            out.published = Some(d);
            return out;
        }
    }

    // 6. "Published on <date>" in the text.
    for m in PUBLISHED_TEXT.find_iter(&scan.text) {
        if text_says_modified(&scan.text[..m.start()]) {
            continue;
        }
        let end = m.end();
        let window_end = (end + 40).min(scan.text.len());
        let mut we = window_end;
        while !scan.text.is_char_boundary(we) {
            we -= 1;
        }
        if let Some(d) = date_in_text(&scan.text[end..we], "text after publication word") {
            out.published = Some(d);
            return out;
        }
    }

    // 7. A line of the page that is a date and nothing else ("January 18, 2020").
    let mut prev = "";
    for line in scan.text.lines() {
        let l = line.trim();
        if l.len() <= 48 && l.bytes().any(|b| b.is_ascii_digit()) {
            if let Some((start, d)) = all_dates(l).into_iter().next() {
                let rest = l.len().saturating_sub(date_len(l, start));
                if plausible(d)
                    && rest <= 14
                    && !text_says_modified(&l[..start])
                    && !text_says_modified(prev)
                {
                    out.published = Some(HtmlDate {
                        date: d,
                        time: None,
                        zone: None,
                        signal: "date line in page text".to_string(),
                        raw: l.to_string(),
                    });
                    return out;
                }
            }
        }
        prev = l;
    }

    // 8. Extensive: the most frequent plausible full date in the visible text,
    // ties to the earliest position; copyright and update stamps skipped.
    let text = &scan.text;
    let mut counts: HashMap<NaiveDate, (usize, usize)> = HashMap::new();
    for (start, d) in all_dates(text) {
        if !plausible(d) {
            continue;
        }
        if text_says_modified(&text[..start]) {
            if out.modified.is_none() {
                out.modified = Some(HtmlDate {
                    date: d,
                    time: None,
                    zone: None,
                    signal: "update stamp in page text".to_string(),
                    raw: d.format("%Y-%m-%d").to_string(),
                });
            }
            continue;
        }
        let e = counts.entry(d).or_insert((0, start));
        e.0 += 1;
    }
    let best = counts.into_iter().min_by_key(|x| x.1 .1);
    if let Some((d, _)) = best {
        out.published = Some(HtmlDate {
            date: d,
            time: None,
            zone: None,
            signal: "date in page text".to_string(),
            raw: d.format("%Y-%m-%d").to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_values_with_time_and_zone() {
        let d = parse_value("2024-11-19T10:02:00Z", "x").unwrap();
        assert_eq!(d.timex(), "2024-11-19T10:02:00Z");
        let d = parse_value("20191118", "x").unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2019, 11, 18).unwrap());
        let d = parse_value("Tue, 19 Nov 2024 10:02:00 GMT", "x").unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2024, 11, 19).unwrap());
        assert!(parse_value("1970-01-01", "x").is_none());
        assert!(parse_value("soon", "x").is_none());
    }

    #[test]
    fn url_dates() {
        let d = date_from_url("https://example.com/2024/11/19/story.html").unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2024, 11, 19).unwrap());
        assert!(date_from_url("https://example.com/story-123").is_none());
    }
}
