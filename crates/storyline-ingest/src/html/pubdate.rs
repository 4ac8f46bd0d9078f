//! Publication and modification dates of an HTML page, each with the signal it came
//! from: JSON-LD, meta tags (`resources/html/date_meta.tsv`), `<time>` elements,
//! date-hinted elements (`resources/html/date_hints.tsv`), the canonical URL, and
//! finally dates in the visible text. A "last updated" stamp or a copyright year is
//! never taken as the publication date.

use super::scan::{Hinted, Scan};
use crate::dates::find_dates;
use crate::lexicon::data_lines;
use aho_corasick::AhoCorasick;
use chrono::NaiveDate;
use regex::Regex;
use std::cell::OnceCell;
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
    /// Publication meta names by priority, with whether the name is generic.
    meta_pub: Vec<(String, bool)>,
    meta_mod: Vec<String>,
    /// JSON-LD keys whose objects are contributions to the page (reviews).
    jsonld_parts: Vec<String>,
    attr_pub: Vec<String>,
    attr_mod: Vec<String>,
    text_pub: Vec<String>,
    /// Publication words that count only as a label: at the start of a line or
    /// before "am" or a colon ("Erstellt am:", not "hat den Entwurf erstellt").
    text_pub_label: Vec<String>,
    text_mod: Vec<String>,
    text_other: Vec<String>,
}

static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lex = Lexicon {
        meta_pub: vec![],
        meta_mod: vec![],
        jsonld_parts: vec![],
        attr_pub: vec![],
        attr_mod: vec![],
        text_pub: vec![],
        text_pub_label: vec![],
        text_mod: vec![],
        text_other: vec![],
    };
    for l in data_lines(DATE_META_TSV) {
        if let Some((role, name)) = l.split_once('\t') {
            let name = name.trim().to_lowercase();
            match role {
                "published" => lex.meta_pub.push((name, false)),
                "published-generic" => lex.meta_pub.push((name, true)),
                "modified" => lex.meta_mod.push(name),
                "jsonld-part" => lex.jsonld_parts.push(name),
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
                "text-published" => lex.text_pub.push(word),
                "text-published-label" => lex.text_pub_label.push(word),
                "text-modified" => lex.text_mod.push(word),
                "text-other" => lex.text_other.push(word),
                _ => {}
            }
        }
    }
    lex
});

static ISO_FULL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}:\d{2}(?::\d{1,2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?",
    )
    .expect("valid regex")
});
static COMPACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})(\d{2})(\d{2})(?:\D|$)").expect("valid regex"));
/// `/2024/11/19/`, `/2024-11-19-`, `/20241119/`: one separator throughout, or
/// none with two-digit month and day (so `/2016/12/story` is not 2016-01-02).
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"/((?:19|20)\d{2})(?:/(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])|-(1[0-2]|0?[1-9])-(3[01]|[12]\d|0?[1-9])|_(1[0-2]|0?[1-9])_(3[01]|[12]\d|0?[1-9])|(1[0-2]|0[1-9])(3[01]|[12]\d|0[1-9]))(?:/|[_-]|\.html?|$)",
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
        r"(?i)(\d{{1,2}})(?:st|nd|rd|th|er|\.|º)?\s*(?:de\s+|of\s+)?({m})\.?(?:\s*/\s*(?:{m}))?,?\s*(?:de\s+)?((?:19|20)\d{{2}})",
        m = month_alt()
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

/// How a page writes an ambiguous numeric date such as `05/10/2018`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SlashOrder {
    /// `05/10/2018` is May 10 (US English).
    MonthFirst,
    /// `05/10/2018` is 5 October (most of the world).
    DayFirst,
}

static SLASH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2})/(\d{1,2})/(?:19|20)\d{2}(?-u:\b)").expect("valid regex")
});

/// A page's [`SlashOrder`], worked out the first time an ambiguous date needs it.
pub(crate) struct PageOrder<'a> {
    scan: Option<&'a Scan>,
    order: OnceCell<SlashOrder>,
}

impl<'a> PageOrder<'a> {
    pub(crate) fn of(scan: &'a Scan) -> Self {
        PageOrder {
            scan: Some(scan),
            order: OnceCell::new(),
        }
    }

    /// Month first, whatever the page (a value read alone, such as a feed's).
    pub(crate) fn month_first() -> Self {
        PageOrder {
            scan: None,
            order: OnceCell::new(),
        }
    }

    pub(crate) fn get(&self) -> SlashOrder {
        *self.order.get_or_init(|| match self.scan {
            Some(s) => slash_order(s),
            None => SlashOrder::MonthFirst,
        })
    }
}

const SLASH_DAY_FIRST_TXT: &str = include_str!("../../../../resources/html/slash_day_first.txt");

/// Language tags whose dates are written day/month/year with slashes.
static SLASH_DAY_FIRST: LazyLock<Vec<String>> = LazyLock::new(|| {
    data_lines(SLASH_DAY_FIRST_TXT)
        .map(|l| l.trim().to_ascii_lowercase())
        .collect()
});

/// The order a page writes slash dates in. A page keeps one order throughout,
/// so its unambiguous slash dates decide (`25/10/2018` is day first); else its
/// language (`<html lang>`, else the one detected in the page's text): day first
/// where the language writes its own dates that way
/// (`resources/html/slash_day_first.txt`), month first elsewhere (US English,
/// and machine values on pages whose language writes dates otherwise).
pub(crate) fn slash_order(scan: &Scan) -> SlashOrder {
    let (mut day_first, mut month_first) = (0, 0);
    for c in SLASH_DATE.captures_iter(&scan.text).take(200) {
        let (a, b) = (
            c[1].parse::<u32>().unwrap_or(0),
            c[2].parse::<u32>().unwrap_or(0),
        );
        match (a > 12, b > 12) {
            (true, false) => day_first += 1,
            (false, true) => month_first += 1,
            _ => {}
        }
    }
    if day_first != month_first {
        return if day_first > month_first {
            SlashOrder::DayFirst
        } else {
            SlashOrder::MonthFirst
        };
    }
    let lang = match scan
        .lang
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        Some(l) => l.to_ascii_lowercase().replace('_', "-"),
        None => crate::article::detect_language(&scan.text),
    };
    let mut parts = lang.split('-');
    let primary = parts.next().unwrap_or("");
    let with_region = format!("{primary}-{}", parts.next().unwrap_or(""));
    if SLASH_DAY_FIRST
        .iter()
        .any(|t| *t == primary || *t == with_region)
    {
        SlashOrder::DayFirst
    } else {
        SlashOrder::MonthFirst
    }
}

fn digit_at(s: &str, i: usize) -> bool {
    s.as_bytes().get(i).is_some_and(|b| b.is_ascii_digit())
}

fn letter_before(s: &str, i: usize) -> bool {
    s[..i]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphabetic())
}

/// The place (and agency) before the date of a dateline, in wire style: a
/// place in capitals ("BERLIN, ", "NEW YORK, "), a place with an agency
/// ("Washington (Reuters), ") or a date in brackets ("Karlsruhe, ("). A name
/// before a comment's date ("Peter, 12.11.2021: …") is none of these.
static DATELINE_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\p{Lu}[\p{Lu}.'\- ]{1,28}(?:\s*\([\p{L} ]{2,20}\))?,?\s*\(?|\p{Lu}[\p{L}\p{M}.'\- ]{1,28}(?:\s*\([\p{L} ]{2,20}\),?\s*\(?|,\s*\())$",
    )
    .expect("valid regex")
});
/// What follows the date of a dateline: a dash, a colon, a full stop or a
/// slash ("/PRNewswire/").
static DATELINE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\)?\s*(?:[.:–—/]|-\s)").expect("valid regex"));

/// The date of the first paragraph that opens with a dateline (a place, the
/// date, then a dash, colon or full stop and the story).
fn dateline_date(text: &str, order: &PageOrder) -> Option<HtmlDate> {
    for line in text.lines().take(2000) {
        let l = line.trim();
        if l.len() < 80 || !l.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let mut head = l.len().min(80);
        while !l.is_char_boundary(head) {
            head -= 1;
        }
        let Some(&(start, d)) = all_dates(&l[..head], order).first() else {
            continue;
        };
        let end = start + date_len(l, start);
        if start > 40
            || !plausible(d)
            || !DATELINE_PLACE.is_match(&l[..start])
            || !l.get(end..).is_some_and(|r| DATELINE_AFTER.is_match(r))
        {
            continue;
        }
        return Some(HtmlDate {
            date: d,
            time: None,
            zone: None,
            signal: "dateline".to_string(),
            raw: l.chars().take(60).collect(),
        });
    }
    None
}

/// How far (bytes of text) above the headline a date line is its kicker.
const KICKER_GAP: usize = 150;

/// Lines of `text` with their byte offsets.
fn line_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split('\n').scan(0, |at, line| {
        let start = *at;
        *at += line.len() + 1;
        Some((start, line))
    })
}

/// Where the page's headline stands in its visible text (start and end): the
/// longest run of lines (at least 15 bytes) that the `<title>` begins or ends with
/// (titles add the site's name and sections before or after the headline), its
/// first occurrence. A run is several text nodes when inline markup splits the
/// headline ("Big <em>news</em> today"); whitespace is ignored in the comparison.
fn headline_offset(scan: &Scan) -> Option<(usize, usize)> {
    const RUN: usize = 8;
    let squeeze = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let title = squeeze(scan.title.as_deref()?);
    if title.is_empty() {
        return None;
    }
    let lines: Vec<(usize, &str)> = line_offsets(&scan.text).collect();
    let mut best: Option<(usize, usize, usize)> = None;
    for i in 0..lines.len() {
        let mut run = String::new();
        for (offset, line) in lines.iter().skip(i).take(RUN) {
            run.push_str(&squeeze(line));
            if run.is_empty() {
                continue;
            }
            if !title.contains(&run) {
                break;
            }
            let end = offset + line.trim_end().len();
            if run.len() >= 15
                && (title.starts_with(&run) || title.ends_with(&run))
                && best.is_none_or(|(len, _, _)| run.len() > len)
            {
                let start = lines[i].0 + (lines[i].1.len() - lines[i].1.trim_start().len());
                best = Some((run.len(), start, end));
            }
        }
    }
    best.map(|(_, start, end)| (start, end))
}

/// A time of day beside a date on a date line ("19:51", "9.30 Uhr", "4:05 p.m."):
/// with a dot or "h" only before a unit, so that "14.05" of a date is none.
static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[ap]\.?m\.?|uhr|h)(?-u:\b))?|\d{1,2}[.h]\d{2}\s*(?:[ap]\.?m\.?|uhr|h)(?-u:\b))",
    )
    .expect("valid regex")
});

const WEEKDAYS_TXT: &str = include_str!("../../../../resources/html/weekdays.txt");

/// Weekday names in many languages (`resources/html/weekdays.txt`).
static WEEKDAYS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(data_lines(WEEKDAYS_TXT).map(str::trim))
        .expect("valid weekday names")
});

/// How many bytes a line holds besides its date at `start`, a weekday name and a
/// time of day: "Donnerstag, 15.2.2018, 19:51" is a date line; a sentence, a
/// teaser's "30.01.2022 · Sport · League" or a range "12.05.2023 – 14.05.2023"
/// (counted as too long) is not one.
fn words_beside_date(line: &str, start: usize, order: &PageOrder) -> usize {
    let end = (start + date_len(line, start)).min(line.len());
    let mut rest = String::with_capacity(line.len());
    rest.push_str(&line[..start]);
    rest.push_str(line.get(end..).unwrap_or(""));
    if !all_dates(&rest, order).is_empty() {
        return usize::MAX;
    }
    let rest = rest.to_lowercase();
    let is_letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    let weekdays: usize = WEEKDAYS
        .find_iter(&rest)
        .filter(|m| {
            !is_letter(rest[..m.start()].chars().next_back())
                && !is_letter(rest[m.end()..].chars().next())
        })
        .map(|m| m.len())
        .sum();
    let is_digit_or_dot = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '.');
    let times: usize = TIME_OF_DAY
        .find_iter(&rest)
        .filter(|m| {
            !is_digit_or_dot(rest[..m.start()].chars().next_back())
                && !rest[m.end()..].starts_with(|c: char| c.is_ascii_digit())
        })
        .map(|m| m.len())
        .sum();
    rest.len().saturating_sub(weekdays + times)
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
pub(crate) fn all_dates(s: &str, order: &PageOrder) -> Vec<(usize, NaiveDate)> {
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
            // slash dates: month first when the day cannot be first (b > 12) or
            // the page writes them so; other separators: day first
            if &c[6] == "/" && a <= 12 && (b > 12 || order.get() == SlashOrder::MonthFirst) {
                NaiveDate::from_ymd_opt(y, a, b)
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

/// Read a date (with time and zone when present) from a machine or human value;
/// `05/10/2018` is read month first.
pub fn parse_value(raw: &str, signal: &str) -> Option<HtmlDate> {
    parse_value_in(raw, signal, &PageOrder::month_first())
}

/// [`parse_value`] with the page's order for ambiguous slash dates.
fn parse_value_in(raw: &str, signal: &str, order: &PageOrder) -> Option<HtmlDate> {
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
    for (_, date) in all_dates(s, order) {
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

/// The plausible day of a [`URL_DATE`] match.
fn url_date_of(c: &regex::Captures) -> Option<NaiveDate> {
    let (m, d) = [(2, 3), (4, 5), (6, 7), (8, 9)]
        .iter()
        .find_map(|&(m, d)| Some((c.get(m)?, c.get(d)?)))?;
    let date = NaiveDate::from_ymd_opt(
        c[1].parse().ok()?,
        m.as_str().parse().ok()?,
        d.as_str().parse().ok()?,
    )?;
    plausible(date).then_some(date)
}

/// Dates in a URL path (`/2024/11/19/`, `/2024-11-19-`).
pub fn date_from_url(url: &str) -> Option<HtmlDate> {
    let date = url_date_of(&URL_DATE.captures(url)?)?;
    Some(HtmlDate {
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
                    && !LEX.jsonld_parts.iter().any(|p| p.eq_ignore_ascii_case(k))
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
    blocks
        .iter()
        .take(16)
        .filter_map(|b| parse_block(b))
        .collect()
}

/// The JSON-LD blocks of a page that parse, with their byte ranges in the page.
fn parsed_jsonld(scan: &Scan) -> Vec<(std::ops::Range<usize>, serde_json::Value)> {
    scan.jsonld
        .iter()
        .zip(&scan.jsonld_at)
        .take(16)
        .filter_map(|(b, &at)| Some((at..at + b.len(), parse_block(b)?)))
        .collect()
}

/// One JSON-LD block parsed, after stripping comment and CDATA wrappers.
fn parse_block(b: &str) -> Option<serde_json::Value> {
    let t = b.trim();
    let t = t
        .strip_prefix("<!--")
        .map(|x| x.trim_end().trim_end_matches("-->"))
        .unwrap_or(t)
        .trim();
    let t = t.strip_prefix("//<![CDATA[").unwrap_or(t);
    let t = t.strip_suffix("//]]>").unwrap_or(t);
    serde_json::from_str::<serde_json::Value>(t)
        .ok()
        .or_else(|| {
            let fixed: String = t
                .chars()
                .map(|c| {
                    if matches!(c, '\n' | '\r' | '\t') {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            serde_json::from_str::<serde_json::Value>(&fixed).ok()
        })
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

/// The last 40 characters before a date, lowercased (never the whole prefix).
fn tail40(before: &str) -> String {
    let start = before
        .char_indices()
        .rev()
        .nth(39)
        .map(|(i, _)| i)
        .unwrap_or(0);
    before[start..].to_lowercase()
}

/// Whether the words before a date mark it as not the publication date (an
/// update stamp, a copyright line, the current time, a sign-up date).
fn text_says_modified(before: &str) -> bool {
    let tail = tail40(before);
    LEX.text_mod
        .iter()
        .chain(&LEX.text_other)
        .any(|w| tail.contains(w.as_str()))
}

/// Whether the words before a date are a copyright notice.
fn text_says_copyright(before: &str) -> bool {
    let tail = tail40(before);
    tail.contains('©') || tail.contains("copyright")
}

/// Whether the words before a date mark it as the page's update stamp.
fn text_says_updated(before: &str) -> bool {
    let tail = tail40(before);
    LEX.text_mod.iter().any(|w| tail.contains(w.as_str()))
}

/// The first publication-looking date in a hinted element's text (skipping dates
/// preceded by "updated"/"©").
fn date_in_text(text: &str, signal: &str, order: &PageOrder) -> Option<HtmlDate> {
    let mut candidates = all_dates(text, order);
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
    Regex::new(r#"(?i)["'.](datePublished|date_published|published_at|publishedAt|publishDate|publish_date|publication_date|publicationDate|pubDate|createdAt|created_at|dateCreated|firstPublished|first_published_at|published)["']?\s*[:=]\s*["']([^"']{8,40})["']"#)
        .expect("valid regex")
});

/// A Unix time stamp (seconds or milliseconds) under a publication key in a
/// script's JSON state (`"publishedAt":1589462400000`).
static RAW_JSON_EPOCH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)["'](datePublished|date_published|published_at|publishedAt|publishDate|publish_date|publication_date|publicationDate|pubDate|firstPublished|first_published_at|published|publishedTime|published_time|publish_time|publishTime)["']?\s*[:=]\s*(1\d{9}|1\d{12})(?-u:\b)"#)
        .expect("valid regex")
});

/// The day of a Unix time stamp in seconds or milliseconds.
fn epoch_date(raw: &str, signal: &str) -> Option<HtmlDate> {
    let n: i64 = raw.parse().ok()?;
    let secs = if raw.len() == 13 { n / 1000 } else { n };
    let dt = chrono::DateTime::from_timestamp(secs, 0)?;
    let date = dt.date_naive();
    plausible(date).then(|| HtmlDate {
        date,
        time: Some(dt.format("%H:%M:%S").to_string()),
        zone: Some("Z".to_string()),
        signal: signal.to_string(),
        raw: raw.to_string(),
    })
}

/// "Published on", "Veröffentlicht am", "Datum:" ...: the `text-published` words of
/// `date_hints.tsv`, then an optional preposition and colon.
static PUBLISHED_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    let words = LEX
        .text_pub
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|");
    let labels = LEX
        .text_pub_label
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r"(?im)\b(?:{words})\b\s*(?:on|am|:|le|el|il|em|op|den|dnia|the)?\s*:?\s*|(?:^[ \t]*(?:{labels})\b[ \t]*(?:am\b)?|\b(?:{labels})[ \t]*(?:am\b|:))[ \t]*:?[ \t]*"
    ))
    .expect("valid regex")
});

/// Class or id words of comment and reply blocks: their dates are not the page's.
const COMMENT_HINTS: [&str; 4] = ["comment", "kommentar", "reply", "replies"];

/// A date a page shows in a date-hinted element or a `<time>` element.
struct Shown {
    /// 0: marked as the publication date, 1: publication-like class, 2: `<time>`,
    /// 3: other hints.
    rank: i32,
    date: HtmlDate,
    /// Another element of the same rank shows a different day (a list of
    /// teasers, comments).
    contested: bool,
    /// How many elements of this rank were read (at most 8 are compared).
    seen: u32,
    /// The first date of rank 2 or better in document order (what a reader sees
    /// first), or of rank 3 (a comment's included), for when the best rank is
    /// contested.
    first: Option<HtmlDate>,
}

/// The date a page shows in its date-hinted elements and `<time>` elements: the
/// best-ranked, first in document order; and the first update-marked one.
fn shown_date(scan: &Scan, order: &PageOrder) -> (Option<Shown>, Option<HtmlDate>) {
    let lex = &*LEX;
    let mut modified = None;
    let mut best: Option<Shown> = None;
    let mut first: Option<HtmlDate> = None;
    for h in &scan.hinted {
        // A comment's date never ranks as the page's, but the first date shown
        // may be one (the first post on a page whose dated elements disagree).
        let is_comment = COMMENT_HINTS.iter().any(|w| h.hint.contains(w));
        // "Last changed on:" in the element before: an update stamp.
        let labelled_modified = !h.before.is_empty() && text_says_modified(&h.before);
        let hinted_modified = hinted_is_modified(h)
            && ![
                "publish",
                "post_date",
                "post-date",
                "entry-date",
                "datepublished",
            ]
            .iter()
            .any(|w| h.hint.contains(w));
        if labelled_modified || hinted_modified {
            if modified.is_none() && !is_comment {
                if let Some(dt) = &h.datetime {
                    modified = parse_value_in(dt, "time updated", order);
                } else if labelled_modified && text_says_updated(&h.before) {
                    modified = date_in_text(&h.text, "date element after an update label", order);
                }
            }
            continue;
        }
        let rank = if is_comment {
            3
        } else if h.pubdate_attr || h.hint.contains("datepublished") {
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
        } else if h.in_link {
            // A generic date element inside a link: a teaser for another page.
            4
        } else {
            3
        };
        let need_first = rank <= 3 && first.is_none();
        if !need_first
            && (is_comment
                || best.as_ref().is_some_and(|b| {
                    b.rank < rank || (b.rank == rank && (b.contested || b.seen >= 8))
                }))
        {
            continue;
        }
        let signal = if h.is_time {
            "time element"
        } else {
            "date element"
        };
        let d = h
            .datetime
            .as_deref()
            .and_then(|dt| parse_value_in(dt, &format!("{signal} datetime"), order))
            .or_else(|| date_in_text(&h.text, &format!("{signal} text"), order));
        let Some(d) = d else { continue };
        if need_first {
            first = Some(d.clone());
        }
        if is_comment {
            continue;
        }
        match &mut best {
            Some(b) if b.rank == rank => {
                b.seen += 1;
                if b.date.date != d.date {
                    b.contested = true;
                }
            }
            Some(b) if b.rank < rank => {}
            _ => {
                best = Some(Shown {
                    rank,
                    date: d,
                    contested: false,
                    first: None,
                    seen: 1,
                })
            }
        }
    }
    if let Some(b) = &mut best {
        b.first = first;
    }
    (best, modified)
}

static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let words = LEX
        .text_pub
        .iter()
        .chain(&LEX.text_mod)
        .filter(|w| w.chars().count() > 3)
        .map(|w| {
            // An ASCII word boundary only at an ASCII edge ("publié" ends in "é").
            let edge = |c: Option<char>| {
                if c.is_some_and(|c| c.is_ascii_alphanumeric()) {
                    r"(?-u:\b)"
                } else {
                    ""
                }
            };
            format!(
                "{}{}{}",
                edge(w.chars().next()),
                regex::escape(w),
                edge(w.chars().last())
            )
        })
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(r"(?i)(?:{words})")).expect("valid regex")
});

/// Days that the text labels as update stamps ("Zuletzt geändert am: 15.10.2021",
/// "Updated 4 May 2020") and never as publication days, when it also labels
/// another day as the publication day (else an "updated" stamp may be the only
/// date a page gives).
fn labelled_update_days(text: &str, order: &PageOrder) -> Vec<NaiveDate> {
    let (mut upd, mut publ) = (Vec::new(), Vec::new());
    for m in DATE_LABEL.find_iter(text).take(200) {
        let mut end = (m.end() + 48).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let window = &text[m.end()..end];
        let Some((start, d)) = all_dates(window, order).into_iter().next() else {
            continue;
        };
        // The date must follow the label closely (a label, a preposition).
        if start > 24 {
            continue;
        }
        let label = m.as_str().to_lowercase();
        if LEX.text_mod.contains(&label) {
            upd.push(d);
        } else {
            publ.push(d);
        }
    }
    if publ.is_empty() {
        return vec![];
    }
    upd.retain(|d| !publ.contains(d));
    upd
}

/// Minutes since 1970 of a date with a time of day (zone ignored).
fn minutes_of(d: &HtmlDate) -> Option<i64> {
    let t = d.time.as_deref()?;
    let mut it = t.split(':');
    let h: i64 = it.next()?.parse().ok().filter(|h| (0..=24).contains(h))?;
    let m: i64 = it.next()?.parse().ok().filter(|m| (0..60).contains(m))?;
    let days = d
        .date
        .signed_duration_since(NaiveDate::from_ymd_opt(1970, 1, 1)?)
        .num_days();
    Some(days * 1440 + h * 60 + m)
}

/// Whether a generic meta date is the page's modification stamp: the same moment
/// as a known modification date, or the day of an update line in the text.
fn generic_is_modified<'a>(
    g: &HtmlDate,
    modified: Option<&HtmlDate>,
    other_pub: Option<&HtmlDate>,
    updated_days: impl FnOnce() -> &'a [NaiveDate],
) -> bool {
    if let (Some(m), Some(p)) = (modified, other_pub) {
        if m.date == g.date && g.time.is_some() && m.time == g.time && p.date != g.date {
            return true;
        }
    }
    if g.time.is_some() {
        return false;
    }
    updated_days().contains(&g.date)
}

fn is_utc(zone: Option<&str>) -> bool {
    matches!(
        zone,
        Some("Z" | "z" | "+00:00" | "+0000" | "-00:00" | "+00" | "-0000")
    )
}

/// A time stamp given in UTC may fall on another day where the page was
/// published; the page's own local day is the publication day. When `d` is a UTC
/// time late (or early) enough in the day for a local day to differ, and the page
/// gives the same moment with a local offset (JSON-LD), dates its own URL by the
/// neighbouring day or shows that day in a date element, that day wins.
fn local_day(
    d: HtmlDate,
    ld: &[(String, String, String)],
    shown: Option<&HtmlDate>,
    url_day: Option<NaiveDate>,
    html: &str,
    order: &PageOrder,
) -> HtmlDate {
    if !is_utc(d.zone.as_deref()) {
        return d;
    }
    let Some(hour) = d
        .time
        .as_deref()
        .and_then(|t| t.split(':').next())
        .and_then(|h| h.parse::<u32>().ok())
    else {
        return d;
    };
    let next = d.date.succ_opt();
    let prev = d.date.pred_opt();
    // Offsets run from -12 to +14 hours; most publishers sit between -10 and +12.
    let fits = |o: NaiveDate| (Some(o) == next && hour >= 12) || (Some(o) == prev && hour < 10);
    for (_, key, value) in ld {
        if key != "datePublished" {
            continue;
        }
        if let Some(o) = parse_value_in(value, &format!("json-ld {key}"), order) {
            if o.zone.is_some() && !is_utc(o.zone.as_deref()) && fits(o.date) {
                return o;
            }
        }
    }
    // The page's own URL dates it by its local day ("/2019/01/01/" for
    // 2018-12-31T23:11Z) when the hour makes that likely: the next day from
    // 14:00 UTC (an offset under +10 hours reaches it), the day before until
    // 05:00 (the Americas). A URL is also dated by the day a draft was begun or
    // the print edition appears, so a stamp at 08:15Z keeps its day.
    let url_fits = |o: NaiveDate| (Some(o) == next && hour >= 14) || (Some(o) == prev && hour < 5);
    if let Some(u) = url_day.filter(|u| url_fits(*u)) {
        return HtmlDate {
            date: u,
            time: None,
            zone: None,
            signal: format!("{} (local day from the page's URL)", d.signal),
            raw: d.raw,
        };
    }
    // The same moment in local time, without a zone, under a publication key in
    // a script ("publication_date = '2020-12-06 00:15'" for 23:15Z).
    let utc = minutes_of(&d);
    for c in RAW_JSON_DATE.captures_iter(html).take(50) {
        let Some(o) = parse_value_in(&c[2], &format!("script json {}", &c[1]), order) else {
            continue;
        };
        if o.zone.is_none() && fits(o.date) && local_moment(utc, d.time.as_deref(), &o) {
            return o;
        }
    }
    // A shown day next to it: a day without a time, or the same moment in local
    // time.
    if let Some(o) = shown {
        let same = o.time.is_none()
            || (!is_utc(o.zone.as_deref()) && local_moment(utc, d.time.as_deref(), o));
        if fits(o.date) && same {
            return o.clone();
        }
    }
    d
}

/// Whether `o` (a local time of day) is the moment `utc` (minutes) under a UTC
/// offset that exists: a whole number of quarter hours from -12 to +14 hours.
fn local_moment(utc: Option<i64>, utc_time: Option<&str>, o: &HtmlDate) -> bool {
    let (Some(a), Some(b)) = (utc, minutes_of(o)) else {
        return false;
    };
    // The same moment to the second, when both give seconds.
    let secs = |t: Option<&str>| -> Option<u32> { t?.split(':').nth(2)?.parse().ok() };
    if let (Some(x), Some(y)) = (secs(utc_time), secs(o.time.as_deref())) {
        if x != y {
            return false;
        }
    }
    let off = b - a;
    off != 0 && off % 15 == 0 && (-720..=840).contains(&off)
}

/// Find the page's publication and modification dates from a scan.
pub(crate) fn page_dates(scan: &Scan, html: &str, url: Option<&str>) -> PageDates {
    let lex = &*LEX;
    let mut out = PageDates::default();
    let order = &PageOrder::of(scan);

    // 1. JSON-LD.
    let mut ld = Vec::new();
    let ld_blocks = parsed_jsonld(scan);
    for (_, v) in &ld_blocks {
        jsonld_dates(v, &mut ld, 0);
    }
    let pick_ld = |keys: &[&str]| -> Option<HtmlDate> {
        let mut best: Option<(bool, HtmlDate)> = None;
        for (ty, key, value) in &ld {
            if !keys.contains(&key.as_str()) {
                continue;
            }
            if let Some(d) = parse_value_in(value, &format!("json-ld {key}"), order) {
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
    // ties to the tag listed first in date_meta.tsv. A day that only generic tags
    // (`date`, `dc.date`) support gives way to a date the page shows.
    let mut votes: Vec<(usize, usize, bool, HtmlDate)> = Vec::new();
    for (prio, (name, generic)) in lex.meta_pub.iter().enumerate() {
        for m in scan.metas.iter().filter(|m| &m.key == name && m.is_meta) {
            if let Some(d) = parse_value_in(&m.value, &format!("meta {name}"), order) {
                match votes.iter_mut().find(|v| v.3.date == d.date) {
                    Some(v) => {
                        v.0 += 1;
                        v.2 &= *generic;
                    }
                    None => votes.push((1, prio, *generic, d)),
                }
            }
        }
    }
    let (meta_pub, meta_generic) = match votes
        .into_iter()
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
    {
        Some((_, _, true, d)) => (None, Some(d)),
        Some((_, _, false, d)) => (Some(d), None),
        None => (None, None),
    };
    let mut meta_mod = None;
    for name in &lex.meta_mod {
        if let Some(v) = meta_map.get(name.as_str()) {
            if let Some(d) = parse_value_in(v, &format!("meta {name}"), order) {
                meta_mod = Some(d);
                break;
            }
        }
    }

    // An itemprop on a page element counts only once, after meta tags and JSON-LD
    // (related-article lists repeat it).
    let item_pub = scan
        .metas
        .iter()
        .filter(|m| !m.is_meta && m.key == "datepublished")
        .find_map(|m| parse_value_in(&m.value, "itemprop datePublished", order));
    out.modified = ld_mod.or(meta_mod);
    let updated_days = OnceCell::new();
    // A generic meta date (`date`, `dc.date`) that is the page's modification
    // stamp (the same moment as `dateModified`, or the day a "last changed" line
    // shows) is not its publication date.
    let meta_generic = match meta_generic {
        Some(g)
            if generic_is_modified(
                &g,
                out.modified.as_ref(),
                ld_pub.as_ref().or(item_pub.as_ref()),
                || updated_days.get_or_init(|| labelled_update_days(&scan.text, order)),
            ) =>
        {
            if out.modified.is_none() {
                out.modified = Some(g);
            }
            None
        }
        x => x,
    };

    // 3. <time> elements and date-hinted elements (rank 0: marked as the
    // publication date, 1: publication-like class, 2: <time>, 3: other hints).
    // The shown date matters only for a generic meta date, a UTC time stamp (its
    // local day) or when nothing stronger is there: skip it otherwise (speed).
    let settled = if meta_pub.is_some() {
        meta_pub.as_ref()
    } else if meta_generic.is_none() {
        ld_pub.as_ref().or(item_pub.as_ref())
    } else {
        None
    };
    if let Some(d) = settled {
        if d.time.is_none() || !is_utc(d.zone.as_deref()) {
            out.published = Some(d.clone());
            return out;
        }
    }
    let (shown, shown_mod) = shown_date(scan, order);
    if out.modified.is_none() {
        out.modified = shown_mod;
    }

    // The day in the page's own URL, for the local day of a UTC stamp.
    let url_day = [
        scan.canonical.as_deref(),
        url,
        meta_map.get("og:url").copied(),
    ]
    .into_iter()
    .flatten()
    .find_map(|u| date_from_url(u).map(|d| d.date));
    // A shown day that is not a time stamp, for the local day of a UTC stamp.
    let shown_day = shown.as_ref().map(|x| &x.date);
    if let Some(d) = meta_pub {
        out.published = Some(local_day(d, &ld, shown_day, url_day, html, order));
        return out;
    }
    if let Some(g) = meta_generic {
        // A generic meta date gives way to a date the page shows in a
        // publication-like element or a lone <time>; it goes before JSON-LD.
        out.published = Some(match &shown {
            Some(x) if x.rank <= 1 || (x.rank == 2 && !x.contested) => x.date.clone(),
            _ => local_day(g, &ld, None, url_day, html, order),
        });
        return out;
    }
    if let Some(d) = ld_pub.or(item_pub) {
        out.published = Some(local_day(d, &ld, shown_day, url_day, html, order));
        return out;
    }
    if let Some(x) = shown {
        // Several days in the best-ranked elements (teasers, comments): the
        // first date shown in the page.
        out.published = Some(match (x.contested, x.first) {
            (true, Some(f)) => f,
            _ => x.date,
        });
        return out;
    }

    // 4. Dates under publication keys in scripts' JSON state (not inside a
    // JSON-LD block the first step read).
    let outside_ld = |c: &regex::Captures| {
        !ld_blocks
            .iter()
            .any(|(r, _)| r.contains(&c.get(0).map_or(0, |m| m.start())))
    };
    for c in RAW_JSON_DATE
        .captures_iter(html)
        .filter(outside_ld)
        .take(50)
    {
        if let Some(d) = parse_value_in(&c[2], &format!("script json {}", &c[1]), order) {
            out.published = Some(d);
            return out;
        }
    }

    for c in RAW_JSON_EPOCH
        .captures_iter(html)
        .filter(outside_ld)
        .take(20)
    {
        if let Some(d) = epoch_date(&c[2], &format!("script json {} time stamp", &c[1])) {
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
        if let Some(d) = date_in_text(&scan.text[end..we], "text after publication word", order) {
            out.published = Some(d);
            return out;
        }
    }

    // 6b. A dateline opening a paragraph: "BERLIN, 12.11.2021 – …",
    // "Karlsruhe, (12.11.2021). …", "WASHINGTON (Reuters), March 3, 2021 —".
    if let Some(d) = dateline_date(&scan.text, order) {
        out.published = Some(d);
        return out;
    }

    // 7. A line of the page that is a date and nothing else ("January 18, 2020").
    // With the headline found, the date line nearest it: the first after it, or
    // one just above it (a kicker) when that is nearer; a date line far above the
    // headline is often the site's "today" header. Else the first date line.
    let headline = headline_offset(scan);
    let mut prev = "";
    let mut first: Option<HtmlDate> = None;
    let mut kicker: Option<(usize, HtmlDate)> = None;
    for (offset, line) in line_offsets(&scan.text) {
        let l = line.trim();
        if l.len() <= 48 && l.bytes().any(|b| b.is_ascii_digit()) {
            if let Some((start, d)) = all_dates(l, order).into_iter().next() {
                let rest = words_beside_date(l, start, order);
                if plausible(d)
                    && rest <= 14
                    && !text_says_modified(&l[..start])
                    && !text_says_modified(prev)
                {
                    let found = HtmlDate {
                        date: d,
                        time: None,
                        zone: None,
                        signal: "date line in page text".to_string(),
                        raw: l.to_string(),
                    };
                    match headline {
                        None => {
                            out.published = Some(found);
                            return out;
                        }
                        Some((h, he)) if offset >= h => {
                            out.published = Some(match kicker {
                                Some((gap, k)) if gap < offset.saturating_sub(he) => k,
                                _ => found,
                            });
                            return out;
                        }
                        Some((h, _)) => {
                            let gap = h.saturating_sub(offset + line.len());
                            kicker = (gap <= KICKER_GAP).then(|| (gap, found.clone()));
                            first.get_or_insert(found);
                        }
                    }
                }
            }
        }
        prev = l;
    }
    if let Some(found) = kicker.map(|(_, k)| k).or(first) {
        out.published = Some(found);
        return out;
    }

    // 8. Extensive: the most frequent plausible full date in the visible text,
    // ties to the earliest position; copyright and update stamps skipped.
    let text = &scan.text;
    let mut counts: HashMap<NaiveDate, (usize, usize)> = HashMap::new();
    let mut copyright_stamp = None;
    for (start, d) in all_dates(text, order) {
        if !plausible(d) {
            continue;
        }
        if text_says_modified(&text[..start]) {
            if copyright_stamp.is_none() && text_says_copyright(&text[..start]) {
                copyright_stamp = Some(HtmlDate {
                    date: d,
                    time: None,
                    zone: None,
                    signal: "dated copyright line in page text".to_string(),
                    raw: d.format("%Y-%m-%d").to_string(),
                });
            }
            if out.modified.is_none() && text_says_updated(&text[..start]) {
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
    // A page that states when it was last updated but no publication date (a
    // wiki page) is answered by that stamp, not by a date mentioned in its text.
    let best = counts.into_iter().min_by_key(|x| x.1 .1);
    if out.modified.is_some() {
        return out;
    }
    if let Some((d, _)) = best {
        out.published = Some(HtmlDate {
            date: d,
            time: None,
            zone: None,
            signal: "date in page text".to_string(),
            raw: d.format("%Y-%m-%d").to_string(),
        });
        return out;
    }

    // A full date on the copyright line ("© 19.12.2019 - 12:14") stamps the page
    // (kept as its modification date, never as the publication date).
    if let Some(c) = copyright_stamp {
        out.modified = Some(c);
        return out;
    }

    // 9. Last resort: dates in the paths of URLs anywhere in the page (links,
    // images, scripts): the most frequent day, ties to the earliest.
    let mut counts: Vec<(NaiveDate, usize)> = Vec::new();
    for c in URL_DATE.captures_iter(html).take(500) {
        let Some(d) = url_date_of(&c) else { continue };
        match counts.iter_mut().find(|x| x.0 == d) {
            Some(x) => x.1 += 1,
            None => counts.push((d, 1)),
        }
    }
    if let Some((d, _)) = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
    {
        out.published = Some(HtmlDate {
            date: d,
            time: None,
            zone: None,
            signal: "url in page".to_string(),
            raw: d.format("%Y-%m-%d").to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::scan;

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
        let d = date_from_url("https://example.com/20200428/a-story").unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2020, 4, 28).unwrap());
        // Year and month only: no day to read (not 2016-01-02).
        assert!(date_from_url("https://blog.example.org/2016/12/a-release.html").is_none());
    }

    fn pub_of(html: &str) -> Option<(String, String)> {
        let s = crate::html::scan::scan(html);
        page_dates(&s, html, None)
            .published
            .map(|d| (d.date.to_string(), d.signal))
    }

    fn day_of(html: &str) -> Option<String> {
        pub_of(html).map(|x| x.0)
    }

    #[test]
    fn a_date_element_after_an_update_label_is_no_publication_date() {
        // The label sits in its own element before the date list.
        let html = r#"<html><body><h1>New chair elected</h1>
<div class="box"><span class="box__label">Published on:</span><h2>03.05.2022</h2></div>
<p>The board met in the spring.</p>
<div class="stamp"><h4 class="stamp__title">Zuletzt ge&auml;ndert am:</h4>
<ul class="timestamp-list"><li class="timestamp-list__item">09.05.2022</li></ul></div>
</body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2022-05-03"));
        let s = crate::html::scan::scan(html);
        let modified = page_dates(&s, html, None)
            .modified
            .map(|d| d.date.to_string());
        assert_eq!(modified.as_deref(), Some("2022-05-09"));
        // Without the label the same element is the date the page shows.
        let html = html.replace("Zuletzt ge&auml;ndert am:", "Contact");
        assert_eq!(day_of(&html).as_deref(), Some("2022-05-09"));
    }

    #[test]
    fn generic_meta_date_gives_way_to_a_shown_date() {
        let html = r#"<html><head><meta name="date" content="2022-01-26T14:32:06+02:00">
<meta name="dcterms.date" content="2022-01-26"></head><body><h1>Trail report</h1>
<time datetime="2022-01-21">21.01.2022</time><p>Snow on the ridge.</p></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2022-01-21"));
        // Without a shown date the generic tag answers, before JSON-LD.
        let html = r#"<html><head><meta name="date" content="2023-01-01T14:11:58+01:00">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-10T16:50:00+00:00"}</script>
</head><body><p>Text.</p></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2023-01-01"));
        // A specific tag agreeing with a generic one stays specific.
        let html = r#"<html><head><meta name="date" content="2022-02-04 15:33">
<meta name="DC.date.issued" content="2022-02-04T15:33:00+01:00">
<meta name="pubdate" content="2021-12-14T15:41:07+01:00"></head>
<body><time datetime="2021-12-14">14.12.2021</time></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2022-02-04"));
    }

    #[test]
    fn utc_stamp_takes_the_local_day_the_page_gives() {
        // The same moment with a local offset in JSON-LD.
        let html = r#"<html><head><meta property="article:published_time" content="2020-12-24T23:59:50+00:00">
<script type="application/ld+json">{"@type":"Article","datePublished":"2020-12-25T01:59:50+02:00"}</script>
</head><body><p>Text.</p></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2020-12-25"));
        // The next day shown to readers.
        let html = r#"<html><head><meta property="article:published_time" content="2021-11-04T23:00Z"></head>
<body><span class="page-meta--date">5. November 2021</span><p>Bericht.</p></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2021-11-05"));
        // Morning UTC and a comment time stamp the day before: unchanged.
        let html = r#"<html><head><meta property="article:published_time" content="2016-04-02T08:39:48+00:00"></head>
<body><p>Post.</p><div class="comment-date"><a datetime="2016-04-01T19:27:15+00:00">1 April</a></div></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2016-04-02"));
        // A zone that is not UTC is read as written.
        let html = r#"<html><head><meta property="article:published_time" content="2020-10-02T23:16:21+05:30"></head>
<body><span class="date">3 October 2020</span></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2020-10-02"));
    }

    #[test]
    fn arabic_and_other_month_names() {
        let html = r#"<html><head><meta property="article:published_time" content="الأربعاء، 07 أكتوبر 2020 - 12:09 م"></head><body></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2020-10-07"));
        let html = r#"<html><body><div class="article_created">نشر 24 نيسان / أبريل 2020 09:22</div></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2020-04-24"));
        for (text, want) in [
            ("5 Mart 2020", "2020-03-05"),
            ("12. října 2021", "2021-10-12"),
            ("3 Δεκεμβρίου 2019", "2019-12-03"),
            ("2. syyskuuta 2020", "2020-09-02"),
        ] {
            let html =
                format!(r#"<html><body><span class="post-date">{text}</span></body></html>"#);
            assert_eq!(day_of(&html).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn forum_sign_up_dates_are_not_publication_dates() {
        let html = "<html><body><dl><dd>Registriert: 18.09.2008, 05:56</dd></dl>\n<p>Beitrag von otto</p><p>21.01.2009, 05:42</p><p>Hallo zusammen</p></body></html>";
        assert_eq!(day_of(html).as_deref(), Some("2009-01-21"));
    }

    #[test]
    fn a_wiki_page_is_answered_by_its_last_edit() {
        let html = "<html><body><p>The next meeting is on 5 February 2020 at the cafe.</p>\n<p id=\"pageinfo\">(last edited 2019-11-10 13:28:18 by someone)</p></body></html>";
        let s = crate::html::scan::scan(html);
        let d = page_dates(&s, html, None);
        assert!(d.published.is_none());
        assert_eq!(d.modified.unwrap().date.to_string(), "2019-11-10");
    }

    #[test]
    fn urls_in_the_page_are_the_last_resort() {
        let html = r#"<html><body><a href="https://example.org/2020/04/28/the-story">x</a>
<a href="https://example.org/share?u=/2020/04/28/the-story">share</a>
<a href="https://example.org/2019/01/02/older">older</a></body></html>"#;
        assert_eq!(
            pub_of(html),
            Some(("2020-04-28".to_string(), "url in page".to_string()))
        );
    }

    #[test]
    fn teaser_lists_do_not_outrank_the_first_shown_date() {
        let html = r#"<html><body><article><time datetime="2019-06-28T13:49:45Z">28 juin 2019</time><p>Texte.</p></article>
<aside><time pubdate datetime="2019-09-22T07:30:29Z">22 septembre</time>
<time pubdate datetime="2019-09-20T19:01:28Z">20 septembre</time></aside></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2019-06-28"));
        // One marked publication date still wins over other times.
        let html = r#"<html><body><time datetime="2019-06-28">28 juin 2019</time>
<time pubdate datetime="2019-07-02">2 juillet</time></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2019-07-02"));
    }

    #[test]
    fn script_assignments_of_publication_dates() {
        let html = r#"<html><head><script>var info = {}; info.article.publication_date = '2020-12-06 00:15';</script></head><body><p>Text.</p></body></html>"#;
        assert_eq!(
            pub_of(html),
            Some((
                "2020-12-06".to_string(),
                "script json publication_date".to_string()
            ))
        );
    }

    #[test]
    fn teaser_dates_inside_links_come_last() {
        let html = r#"<html><body><div class="more"><a href="/other-story"><p class="intro"><span class="date">21 September 2021</span>Round-up</p></a></div>
<article><p class="date">15 August 2016, 13:43</p><h1>Retirement</h1><p>Text.</p></article></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2016-08-15"));
        // A permalink around the entry date keeps it.
        let html = r#"<html><body><a href="/p/1" rel="bookmark"><span class="entry-date">3 May 2015</span></a><p>Post.</p></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2015-05-03"));
    }

    #[test]
    fn a_dated_copyright_line_is_a_stamp_not_a_publication_date() {
        let html = "<html><body><p>Safety data sheets explained.</p><footer><p>Copyright © 19.12.2019 - 12:14 h by Example GmbH</p></footer></body></html>";
        let s = crate::html::scan::scan(html);
        let d = page_dates(&s, html, None);
        assert!(d.published.is_none());
        assert_eq!(d.modified.unwrap().date.to_string(), "2019-12-19");
    }

    #[test]
    fn comment_dates_are_not_the_page_date() {
        // The only dated element is a reader's comment; a labelled date in the
        // text answers.
        let html = r#"<html><body><h1>Neue Werkstatt</h1><p>Datum: 07.03.2023</p><p>Ein Bericht.</p>
<div class="comment"><div class="comment__date">09.03.2023 - 10:00 Uhr</div><p>Toll!</p></div></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2023-03-07"));
        // Comments first, then a list of other posts: the first comment (the
        // page's first post) is the best guess, not the list.
        let html = r#"<html><body><p>Notes on rates.</p>
<div class="comment-time">March 3, 2021 9:12 am</div><p>First!</p>
<div class="comment-time">March 5, 2021 1:40 pm</div><p>In reply to the comment of March 3, 2021 9:12 am: agreed.</p>
<ul><li><a href="/a">Other</a><div class="meta">June 1, 2021</div></li>
<li><a href="/b">Older</a><div class="meta">May 2, 2021</div></li></ul></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2021-03-03"));
    }

    #[test]
    fn publication_words_come_from_the_hint_list() {
        for (label, want) in [
            ("Veröffentlicht am 4. Mai 2021", "2021-05-04"),
            ("Datum: 12.10.2020", "2020-10-12"),
            ("Gepubliceerd op 3 maart 2022", "2022-03-03"),
        ] {
            let html =
                format!("<html><body><h1>Titel</h1><p>{label}</p><p>Text.</p></body></html>");
            assert_eq!(day_of(&html).as_deref(), Some(want), "{label}");
        }
    }

    #[test]
    fn a_generic_meta_date_that_is_the_modification_stamp() {
        // The same moment as dateModified: JSON-LD's datePublished answers.
        let html = r#"<html><head><meta name="date" content="2021-06-02T09:15:30.120Z">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-05-30T08:00:00+02:00","dateModified":"2021-06-02T09:15:30.120Z"}</script>
</head><body><p>Text.</p></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2021-05-30"));
        // Without a labelled publication day an update-labelled date still answers.
        let html = r#"<html><body><p>Bericht.</p><time datetime="2020-02-03T10:00:00+01:00">Aktualisiert am 03.02.2020</time></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2020-02-03"));
    }

    #[test]
    fn utc_stamp_takes_the_same_moment_in_local_time() {
        // A zoneless local time under a publication key in a script.
        let html = r#"<html><head><meta property="article:published_time" content="2021-03-01T23:30:0Z">
<script>var page = {}; page.publication_date = '2021-03-02 00:30';</script></head><body><p>Text.</p></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2021-03-02"));
        // A shown <time> with the same moment at a US offset.
        let html = r#"<html><head><meta property="article:published_time" content="2019-05-07T03:10:00+00:00"></head>
<body><time datetime="2019-05-06 21:10:00">May 6, 2019 at 9:10 pm</time><p>Story.</p></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2019-05-06"));
        // A time that is not the same moment leaves the UTC day.
        let html = r#"<html><head><meta property="article:published_time" content="2019-05-07T03:10:00+00:00"></head>
<body><time datetime="2019-05-06 17:47:00">May 6, 2019</time><p>Story.</p></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2019-05-07"));
        // Nor does a time on the hour's offset with other seconds.
        let html = r#"<html><head><meta property="article:published_time" content="2019-05-07T03:10:00+00:00"></head>
<body><time datetime="2019-05-06 21:10:41">May 6, 2019</time><p>Story.</p></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2019-05-07"));
    }

    #[test]
    fn unix_time_stamps_under_publication_keys() {
        let html = r#"<html><head><script>window.__STATE__ = {"story":{"id":7,"publishedAt":1589462400000}};</script></head><body><p>Text.</p></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2020-05-14"));
        let html = r#"<html><head><script>var s = {"views":1589462400};</script></head><body><p>Text.</p></body></html>"#;
        assert_eq!(day_of(html), None);
    }

    #[test]
    fn a_list_of_publication_classed_dates_after_the_first_date() {
        // A news ticker with publication-like classes further down does not beat
        // the date shown first (and again, under the photo).
        let html = r#"<html><body><article><p class="date">5 марта 2018, 10:15</p><h1>Заголовок</h1>
<figure><figcaption>Фото<span class="photo-date">5 марта 2018, 10:15</span></figcaption></figure><p>Текст.</p></article>
<aside><div class="news-date">12 мая 2022</div><div class="news-date">11 мая 2022</div></aside></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2018-03-05"));
    }

    #[test]
    fn update_labels_in_words_that_end_in_a_letter_with_an_accent() {
        // "Publié" ends in "é": the label is still found.
        let days = labelled_update_days(
            "Publié le 03/05/2021. Mis à jour le 05/05/2021.",
            &PageOrder {
                scan: None,
                order: OnceCell::from(SlashOrder::DayFirst),
            },
        );
        assert_eq!(days.len(), 1, "{days:?}");
        assert_eq!(days[0].to_string(), "2021-05-05");
    }

    #[test]
    fn slash_dates_follow_the_page_order_then_its_language() {
        let page = |lang: &str, body: &str| {
            format!(r#"<html{lang}><body><p>Uma nota curta.</p><p>{body}</p></body></html>"#)
        };
        // No other evidence: a Portuguese page writes the day first, a US page
        // the month first.
        let pt = page(r#" lang="pt-BR""#, "04/11/2019");
        assert_eq!(day_of(&pt).as_deref(), Some("2019-11-04"));
        let us = page(r#" lang="en-US""#, "04/11/2019");
        assert_eq!(day_of(&us).as_deref(), Some("2019-04-11"));
        let gb = page(r#" lang="en-GB""#, "04/11/2019");
        assert_eq!(day_of(&gb).as_deref(), Some("2019-11-04"));
        // Without a lang attribute, the language of the text decides.
        let text = "Na noite desta quinta-feira, a polícia foi chamada para atender uma \
            ocorrência de furto em uma residência no bairro, onde os moradores \
            relataram que a porta dos fundos estava aberta quando chegaram em casa.";
        let bare = format!("<html><body><p>{text}</p><p>04/11/2019</p></body></html>");
        assert_eq!(day_of(&bare).as_deref(), Some("2019-11-04"));
        // An unambiguous slash date elsewhere on the page overrules the language.
        let mixed = page(r#" lang="pt""#, "04/11/2019</p><p>Comentário de 11/25/2019");
        assert_eq!(day_of(&mixed).as_deref(), Some("2019-04-11"));
        // A language that writes its dates with dots leaves a slash date to the
        // machine (US) order.
        let de = page(r#" lang="de-CH""#, "04/11/2019");
        assert_eq!(day_of(&de).as_deref(), Some("2019-04-11"));
        // The language also decides a date that only a meta tag gives.
        let meta = r#"<html lang="pt-BR"><head><meta name="date" content="04/11/2019"></head><body><p>Texto.</p></body></html>"#;
        assert_eq!(day_of(meta).as_deref(), Some("2019-11-04"));
        // An unambiguous date is read by its numbers whatever the page's order.
        let us = page(
            r#" lang="en-US""#,
            "25/12/2018 and 26/12/2018</p><p class=\"date\">10/25/2018",
        );
        assert_eq!(
            all_dates("10/25/2018", &PageOrder::of(&scan::scan(&us)))
                .first()
                .map(|x| x.1.to_string())
                .as_deref(),
            Some("2018-10-25")
        );
    }

    #[test]
    fn one_digit_seconds_keep_the_zone() {
        let d = parse_value("2020-12-05T23:15:0Z", "x").unwrap();
        assert_eq!(d.zone.as_deref(), Some("Z"));
        assert_eq!(d.time.as_deref(), Some("23:15:0"));
    }

    #[test]
    fn a_date_line_may_carry_a_weekday_and_a_time() {
        let html = "<html><head><title>Rebuilding an old phone game</title></head><body>\
            <h1>Rebuilding an old phone game</h1><small>Donnerstag, 15.2.2018, 19:51</small>\
            <p>Some text about the game and how it was written years ago.</p>\
            <ul><li><a href=\"/l\">Notes 2014-04-23</a></li></ul></body></html>";
        assert_eq!(day_of(html).as_deref(), Some("2018-02-15"));
        // a teaser line with words beside its date is no date line
        let html = "<html><body><p>30.01.2022 \u{b7} Sport \u{b7} League</p>\
            <p>The match report was filed 02.02.2022 by the desk.</p></body></html>";
        assert_ne!(
            pub_of(html).map(|x| x.1).as_deref(),
            Some("date line in page text")
        );
    }

    #[test]
    fn erstellt_am_is_a_publication_word() {
        let html = "<html><body><ul><li>01.02.2022 16:28</li></ul><article><h2>Sieg in Oslo</h2>\
            <small>Erstellt am: 30.01.2022 18:36 / sk</small><p>Bericht.</p></article></body></html>";
        assert_eq!(
            pub_of(html),
            Some(("2022-01-30".into(), "text after publication word".into()))
        );
    }

    #[test]
    fn reviews_inside_json_ld_do_not_date_the_page() {
        let html = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org",
            "@type":"Recipe","name":"Plum cake","review":[{"@type":"Review","reviewBody":"Lovely.",
            "datePublished":"2020-04-12"}],"datePublished":"2006-10-10"}</script></head>
            <body><p>Cake.</p></body></html>"#;
        assert_eq!(day_of(html).as_deref(), Some("2006-10-10"));
    }

    #[test]
    fn a_review_date_in_json_ld_is_not_read_again_as_a_script_date() {
        // the recipe itself is undated: its only dates are a review's and a
        // plain script's; the review's must not come back through the
        // raw-script step, while a broken JSON-LD block still gives its date
        let html = r#"<html><head><script type="application/ld+json">{"@type":"Recipe",
            "name":"Plum cake","review":[{"@type":"Review","datePublished":"2020-04-12"}]}</script>
            </head><body><p>Cake.</p></body></html>"#;
        assert_eq!(day_of(html), None);
        let with_state = html.replace(
            "<p>Cake.</p>",
            r#"<p>Cake.</p><script>window.state={"publishDate":"2006-10-10"}</script>"#,
        );
        assert_eq!(day_of(&with_state).as_deref(), Some("2006-10-10"));
        let broken = r#"<html><head><script type="application/ld+json">{"@type":"Recipe",
            "datePublished":"2006-10-10",}</script></head><body><p>Cake.</p></body></html>"#;
        assert_eq!(day_of(broken).as_deref(), Some("2006-10-10"));
    }

    #[test]
    fn a_utc_stamp_takes_the_local_day_of_the_page_url() {
        let page = |url: &str| {
            format!(
                "<html><head><link rel=\"canonical\" href=\"{url}\">\
                 <meta property=\"article:published_time\" content=\"2018-12-31T23:11:59+00:00\">\
                 </head><body><p>Happy new year.</p></body></html>"
            )
        };
        let ahead = page("https://blog.example/2019/01/01/new-year/");
        assert_eq!(day_of(&ahead).as_deref(), Some("2019-01-01"));
        // a URL two days off says nothing about the local day
        let off = page("https://blog.example/2019/01/02/new-year/");
        assert_eq!(day_of(&off).as_deref(), Some("2018-12-31"));
    }

    #[test]
    fn a_date_line_above_the_headline_is_the_site_header() {
        let html = "<html><head><title>Talks resume in the capital | Daily Wire</title></head>\
            <body><div>Tuesday, (08 Dec 2020)</div><ul><li>Home</li><li>World news and analysis</li>\
            <li>Business and markets</li><li>Sport results</li><li>Culture and arts</li>\
            <li>Opinion and letters</li><li>Weather</li></ul><h1>Talks resume in the capital</h1>\
            <div>13 Oct 2020 18:29</div><p>Delegations met for a second day.</p></body></html>";
        assert_eq!(day_of(html).as_deref(), Some("2020-10-13"));
        // the site's name and sections may stand before the headline in the title
        let sections = html.replace(
            "Talks resume in the capital | Daily Wire",
            "Daily Wire / World / Talks resume in the capital",
        );
        assert_eq!(day_of(&sections).as_deref(), Some("2020-10-13"));
        // with no headline found, the first date line still answers
        let html = html.replace(
            "<title>Talks resume in the capital | Daily Wire</title>",
            "",
        );
        assert_eq!(day_of(&html).as_deref(), Some("2020-12-08"));
    }

    #[test]
    fn a_kicker_date_just_above_the_headline_beats_later_dates() {
        let html = "<html><head><title>My sourdough starter finally works | Crumb Diaries</title>\
            </head><body><div>March 3, 2021</div><h1>My sourdough starter finally works</h1>\
            <p>It took three weeks.</p><h3>4 Responses</h3><div>March 5, 2021 at 10:14 am</div>\
            </body></html>";
        assert_eq!(day_of(html).as_deref(), Some("2021-03-03"));
    }

    #[test]
    fn a_headline_split_by_inline_markup_is_still_the_headline() {
        // the <h1> is three text nodes; a teaser repeating it as one node further
        // down must not stand in for it
        let html = "<html><head><title>Ferry service returns to the island | Coast News</title>\
            </head><body><h1>Ferry <em>service</em> returns to the island</h1>\
            <div>14 June 2022</div><p>The first boat left at dawn.</p>\
            <h3>Most read</h3><div>Ferry service returns to the island</div>\
            <div>15 June 2022</div></body></html>";
        assert_eq!(day_of(html).as_deref(), Some("2022-06-14"));
    }

    #[test]
    fn a_date_range_is_no_date_line() {
        let html = "<html><head><title>Lokalblatt</title></head><body><div>Stadtfest</div>\
            <div>12.05.2023 \u{2013} 14.05.2023</div><h2>Neue Buslinie ab Juni</h2>\
            <div>09.05.2023</div><p>Die Linie f\u{e4}hrt ab Juni.</p></body></html>";
        assert_eq!(day_of(html).as_deref(), Some("2023-05-09"));
    }

    #[test]
    fn erstellt_in_a_sentence_is_no_label() {
        let html = "<html><body><h1>Haushalt: K\u{e4}mmerer warnt vor Defizit</h1><div>03.11.2022</div>\
            <p>Der K\u{e4}mmerer hat den Entwurf erstellt, \u{fc}ber den am 15.12.2022 abgestimmt wird.</p>\
            </body></html>";
        assert_eq!(day_of(html).as_deref(), Some("2022-11-03"));
    }

    #[test]
    fn a_morning_utc_stamp_keeps_its_day_against_a_dated_url() {
        let html =
            "<html><head><link rel=\"canonical\" href=\"https://news.example/2022/06/09/port/\">\
            <meta property=\"article:published_time\" content=\"2022-06-10T08:15:00Z\"></head>\
            <body><p>The port reopened.</p></body></html>";
        assert_eq!(day_of(html).as_deref(), Some("2022-06-10"));
    }

    #[test]
    fn a_dateline_opening_a_paragraph_dates_the_page() {
        let body = "Traditionell gedenken die Gemeinden am Sonntag ihrer Verstorbenen, \
            in diesem Jahr auch im Netz mit einer Andacht am Abend.";
        for (opening, want) in [
            ("Karlsruhe, (12.11.2021). ", Some("2021-11-12")),
            ("NEW YORK, March 3, 2021 /Newswire/ -- ", Some("2021-03-03")),
            ("Mainz (dpa), 04.05.2020 \u{2013} ", Some("2020-05-04")),
            // a commenter's name and date, a sentence that opens with a date
            ("Peter, 12.11.2021: ", None),
            ("Berlin, 12.11.2021 war ", None),
        ] {
            let html = format!("<html><body><h1>Gedenken</h1><p>{opening}{body}</p></body></html>");
            assert_eq!(
                pub_of(&html)
                    .filter(|x| x.1 == "dateline")
                    .map(|x| x.0)
                    .as_deref(),
                want,
                "{opening}"
            );
        }
        // a paragraph whose 80th byte falls inside a letter
        let long = format!(
            "<html><body><p>A{}\u{fc}ber die Br\u{fc}cke.</p></body></html>",
            "b".repeat(78)
        );
        assert_eq!(pub_of(&long), None);
    }
}
