//! Text and Markdown articles: splits the header (title, byline, date lines, header
//! fields, scraped page chrome) from the body, cleans the body of navigation,
//! advertising, related links, share and newsletter prompts, captions, credits and
//! footers (recording each in `removed`), reads the dateline, and decides title,
//! authors, outlet and publication date with the basis each rests on.
//!
//! Cleaning is conservative: a line is dropped only when a whole-line pattern from
//! `resources/ingest/` matches it, or when it is short page chrome above the headline.

use crate::dates::{find_date, is_date_line, FoundDate};
use crate::lexicon::{
    has_outlet_word, known_outlet, CAPTIONS, DATELINE_STOP_WORDS, HEADER_FIELD, HEADER_KEYS, NOISE,
};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;
use storyline_model::{
    Contributor, DateBasis, Document, Evidence, HeaderLine, Precision, Published, Removed,
    RemovedKind, Span, TimeValue,
};

const AUTHOR_ROLES: &str = include_str!("../../../resources/ingest/author_roles.txt");
const SCRAPER_PREFIXES: &str = include_str!("../../../resources/ingest/scraper_prefixes.txt");

static AUTHOR_ROLE_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    AUTHOR_ROLES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.trim())
        .collect()
});

static SCRAPER_PREFIX_LIST: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    SCRAPER_PREFIXES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.trim())
        .collect()
});

/// "date 2023-10-27 ..." : a header field written without a colon, holding an ISO date.
static BARE_DATE_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:date|published|dated)\s+(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)(?-u:\b)\s*(.*)$")
        .expect("bare date regex")
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[*_\s]*(?:By|BY|Written by|Words by)[:\s]\s*(.{2,200}?)[*_\s]*$")
        .expect("byline regex")
});

static META_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[*_\s]*(first published|published|posted|updated|last updated|modified|last modified)(?-u:\b)[:\s]*(?:on|at)?\s*(.{4,120}?)[*_\s]*$")
        .expect("meta line regex")
});

static CREDIT_TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*\(\s*((?:additional |writing and additional )?(?:reporting|writing|editing|compiled|research|graphics|produced|translated|text)(?: and [a-z]+)? by(?-u:\b)[^()]*)\)\s*$")
        .expect("credit regex")
});

static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s(—–-]*((?:additional )?(?:reporting|writing|editing|compiled|research|translated)(?: and [a-z]+)? by(?-u:\b).{2,300}?)[)\s.]*$")
        .expect("credit line regex")
});

static FILES_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*[—–-]*\s*\(?\s*(?:with )?(?:files|reporting|material|additional reporting) from ([^()]{2,80}?)\s*\)?\.?\s*$")
        .expect("files-from regex")
});

static CREDIT_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)((?:additional |writing and additional )?(?:reporting|writing|editing|compiled|research|graphics|produced|translated|text)(?: and [a-z]+)?) by\s+")
        .expect("credit role regex")
});

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:,?\s+\d{4})?)";
    Regex::new(&format!(
        r"^(?P<place>[A-Z][A-Z.'’\-]+(?:[ \-][A-Z][A-Z.'’\-]+){{0,3}})(?:,\s+(?P<date>{month})|,\s+(?P<region>[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+){{0,2}})(?:,\s+(?P<date2>{month}))?)?\s*(?:\((?P<agency>[^()]{{2,40}})\))?\s*(?P<sep>--|[-–—_:])\s+"
    ))
    .expect("dateline regex")
});

static COPYRIGHT_OWNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*([^.,|]{2,60}?)\s*(?:[.,|]|all rights reserved|$)")
        .expect("copyright regex")
});

static MD_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]]*)\]\([^)]*\)").expect("md link regex"));
static MD_IMAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^!\[([^\]]*)\]\([^)]*\)\s*$").expect("md image regex"));
static MD_EMPHASIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\*\*|__|\*|`)").expect("md emphasis regex"));

/// A publication-date candidate; the lowest rank wins.
#[derive(Debug, Clone)]
struct DateCandidate {
    rank: u8,
    date: FoundDate,
    basis: DateBasis,
    source_text: String,
    /// Span in the cleaned text, for dates read from the body (dateline).
    span: Option<Span>,
}

/// An outlet candidate; the lowest rank wins.
#[derive(Debug, Clone)]
struct OutletCandidate {
    rank: u8,
    name: String,
}

#[derive(Default)]
struct Meta {
    title: Option<String>,
    authors: Vec<String>,
    contributors: Vec<Contributor>,
    outlets: Vec<OutletCandidate>,
    dates: Vec<DateCandidate>,
    dateline: Option<String>,
    header: Vec<HeaderLine>,
    removed: Vec<Removed>,
    language_hint: Option<String>,
}

impl Meta {
    fn header(&mut self, text: &str, field: &str) {
        self.header.push(HeaderLine {
            text: text.to_string(),
            field: field.to_string(),
        });
    }

    fn remove(&mut self, kind: RemovedKind, text: &str, reason: &str) {
        self.removed.push(Removed {
            kind,
            text: text.to_string(),
            reason: Some(reason.to_string()),
        });
    }

    fn add_author(&mut self, name: &str) {
        let name = clean_name(name);
        if !plausible_person(&name) {
            return;
        }
        if self.authors.iter().any(|a| same_person(a, &name)) {
            return;
        }
        self.authors.push(name);
    }

    fn add_contributor(&mut self, name: &str, role: &str) {
        let name = clean_name(name);
        if !plausible_person(&name)
            || self
                .contributors
                .iter()
                .any(|c| c.role == role && same_person(&c.name, &name))
        {
            return;
        }
        self.contributors.push(Contributor {
            name,
            role: role.to_string(),
        });
    }

    fn add_outlet(&mut self, rank: u8, name: &str) {
        let name = name.trim().trim_matches(|c: char| c == '*' || c == '_');
        if name.is_empty() {
            return;
        }
        let name = known_outlet(name)
            .map(str::to_string)
            .unwrap_or_else(|| name.to_string());
        self.outlets.push(OutletCandidate { rank, name });
    }
}

fn clean_name(s: &str) -> String {
    let mut s = s
        .trim()
        .trim_matches(|c: char| matches!(c, '*' | '_' | '.' | ',' | ';' | ':' | '(' | ')'));
    // "Andrew Mills in Doha" -> "Andrew Mills".
    for sep in [" in ", " from ", " at "] {
        if let Some(i) = s.find(sep) {
            s = &s[..i];
        }
    }
    let mut s = s.trim().to_string();
    // Trailing job titles: "Ana Ruiz, Staff Writer" is split on commas before this.
    let lower = s.to_lowercase();
    for role in AUTHOR_ROLE_SET.iter() {
        if let Some(stripped) = lower.strip_suffix(role) {
            if stripped.ends_with(' ') {
                s.truncate(stripped.trim_end().len());
                break;
            }
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `s` looks like a person's name: 2–5 words, capitalised (particles like
/// "al-", "bin", "de", "van" allowed), no digits, not a publication.
fn plausible_person(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    if s.chars().any(|c| c.is_ascii_digit()) || has_outlet_word(s) || known_outlet(s).is_some() {
        return false;
    }
    if AUTHOR_ROLE_SET.contains(s.to_lowercase().as_str()) {
        return false;
    }
    const PARTICLES: [&str; 12] = [
        "al", "al-", "bin", "bint", "ibn", "de", "del", "da", "van", "von", "der", "la",
    ];
    words.iter().all(|w| {
        w.chars().next().is_some_and(|c| c.is_uppercase())
            || PARTICLES.contains(&w.to_lowercase().as_str())
            || w.starts_with("al-")
    })
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Two spellings of one byline name: same surname and first names that differ by a
/// couple of letters ("Humaira"/"Humeyra"), or identical ignoring case.
pub(crate) fn same_person(a: &str, b: &str) -> bool {
    let a = a.to_lowercase();
    let b = b.to_lowercase();
    if a == b {
        return true;
    }
    let (Some((af, al)), Some((bf, bl))) = (a.rsplit_once(' '), b.rsplit_once(' ')) else {
        return false;
    };
    al == bl && af.chars().next() == bf.chars().next() && edit_distance(af, bf) <= 2
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', ']', ' ']);
    t.ends_with('.') || t.ends_with('!') || t.ends_with('?') || t.ends_with('…')
}

/// A line that reads as article prose rather than header material.
fn is_prose(line: &str) -> bool {
    let words = word_count(line);
    DATELINE.is_match(line) && words >= 4
        || (words >= 7 && ends_like_sentence(line) && !line.trim_end().ends_with('?'))
        || words > 24
}

/// A dateline found at the start of the first paragraph.
struct Dateline {
    place: String,
    span: Span,
    date: Option<(FoundDate, Span)>,
    agency: Option<String>,
}

fn find_dateline(text: &str) -> Option<Dateline> {
    let c = DATELINE.captures(text)?;
    let place = c.name("place")?;
    let letters = place.as_str().chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 || DATELINE_STOP_WORDS.contains(place.as_str().trim()) {
        return None;
    }
    // A colon after the place is a dateline only when the place is short and all caps.
    let sep = c.name("sep")?.as_str();
    if sep == ":" && (word_count(place.as_str()) > 3 || c.name("region").is_some()) {
        return None;
    }
    let mut place_text = place.as_str().to_string();
    let mut end = place.end();
    if let Some(region) = c.name("region") {
        place_text = format!("{}, {}", place_text, region.as_str());
        end = region.end();
    }
    let date = c
        .name("date")
        .or_else(|| c.name("date2"))
        .and_then(|m| find_date(m.as_str()).map(|d| (d, Span::new(m.start(), m.end()))));
    if let Some((_, s)) = &date {
        end = end.max(s.end);
    }
    let agency = c.name("agency").map(|m| m.as_str().trim().to_string());
    if let Some(a) = c.name("agency") {
        end = end.max(a.end() + 1);
    }
    Some(Dateline {
        place: place_text,
        span: Span::new(place.start(), end.min(text.len())),
        date,
        agency,
    })
}

fn split_names(s: &str) -> Vec<String> {
    s.split([',', '&', ';'])
        .flat_map(|part| part.split(" and "))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// "By A and B, Outlet | March 18, 2025": names, outlet and date.
fn parse_byline(meta: &mut Meta, line: &str, content: &str) {
    meta.header(line, "byline");
    for part in content.split(['|', '•', '—', '–']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if let Some(d) = find_date(part) {
            if is_date_line(part) {
                meta.dates.push(DateCandidate {
                    rank: 3,
                    date: d,
                    basis: DateBasis::Byline,
                    source_text: line.to_string(),
                    span: None,
                });
                continue;
            }
        }
        let pieces: Vec<&str> = part.split(',').map(str::trim).collect();
        for piece in pieces {
            if piece.is_empty() {
                continue;
            }
            if known_outlet(piece).is_some() || has_outlet_word(piece) && !piece.contains(" and ") {
                if AUTHOR_ROLE_SET.contains(piece.to_lowercase().as_str()) {
                    continue;
                }
                meta.add_outlet(2, piece);
                continue;
            }
            for name in split_names(piece) {
                meta.add_author(&name);
            }
        }
    }
}

/// "(Reporting by A; Additional reporting by B in City; Editing by C and D)".
fn parse_credits(meta: &mut Meta, credit: &str) {
    let marks: Vec<(usize, usize, String)> = CREDIT_ROLE
        .captures_iter(credit)
        .filter_map(|c| {
            let m = c.get(0)?;
            Some((m.start(), m.end(), c[1].to_lowercase()))
        })
        .collect();
    for (i, (_, end, role)) in marks.iter().enumerate() {
        let stop = marks.get(i + 1).map(|m| m.0).unwrap_or(credit.len());
        let names = &credit[*end..stop];
        let role_name = if role.starts_with("additional") || role.contains("additional") {
            "additional-reporting"
        } else if role.starts_with("reporting") || role.starts_with("writing") || role == "text" {
            "author"
        } else if role.starts_with("editing") {
            "editing"
        } else {
            role.as_str()
        };
        for name in split_names(names) {
            if role_name == "author" {
                meta.add_author(&name);
            } else {
                let role_name = role_name.replace(' ', "-");
                meta.add_contributor(&name, &role_name);
            }
        }
    }
}

fn handle_field(meta: &mut Meta, line: &str, field: &str, value: &str) {
    match field {
        "title" => {
            if meta.title.is_none() {
                meta.title = Some(value.to_string());
            }
            meta.header(line, "title");
        }
        "author" => {
            meta.header(line, "byline");
            let value = value.strip_prefix("By ").unwrap_or(value);
            for name in split_names(value) {
                meta.add_author(&name);
            }
        }
        "published" => {
            meta.header(line, "published");
            if let Some(d) = find_date(value) {
                meta.dates.push(DateCandidate {
                    rank: 0,
                    date: d,
                    basis: DateBasis::Header,
                    source_text: line.to_string(),
                    span: None,
                });
            }
        }
        "outlet" => {
            meta.header(line, "outlet");
            meta.add_outlet(0, value);
        }
        "dateline" => {
            meta.header(line, "dateline");
            meta.dateline = Some(value.to_string());
        }
        "language" => {
            meta.header(line, "language");
            meta.language_hint = Some(value.to_lowercase());
        }
        other => meta.header(line, other),
    }
}

/// A piece of body text on its way into the cleaned text.
struct BodyLine {
    text: String,
    /// A blank or dropped line came before it (a paragraph break in the source).
    after_break: bool,
}

/// Parse one decoded text or Markdown article into a `Document` (id left empty).
pub fn parse_article(path: &str, text: &str, markdown: bool) -> Document {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let normalized;
    let text = if text.contains('\r') {
        normalized = text.replace("\r\n", "\n").replace('\r', "\n");
        normalized.as_str()
    } else {
        text
    };
    // research corpora ship news tokenised ("Egypt 's", "January 27 , 2011")
    let detokenised;
    let text = if !markdown && crate::detok::is_ptb_tokenised(text) {
        detokenised = crate::detok::detokenise(text);
        detokenised.as_str()
    } else {
        text
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let mut meta = Meta::default();

    // ---- Header ----------------------------------------------------------------
    let mut body_start = lines.len();
    let mut first_body: Option<String> = None;
    // Short unclassified header lines: (line index, text).
    let mut pending: Vec<(usize, String)> = Vec::new();
    // Unlabelled date lines in the header: (line index, date, text).
    let mut header_dates: Vec<(usize, FoundDate, String)> = Vec::new();
    // Site-name lines: (line index, name, from the outlet list).
    let mut site_lines: Vec<(usize, String, bool)> = Vec::new();
    let header_limit = lines.len().min(60);
    let mut i = 0;
    while i < header_limit {
        let raw = lines[i];
        let line = raw.trim();
        if line.is_empty() {
            i += 1;
            continue;
        }
        if let Some(c) = BARE_DATE_FIELD.captures(line) {
            let date_text = c.get(1).map_or("", |m| m.as_str());
            let rest = c.get(2).map_or("", |m| m.as_str()).trim();
            let field_text = line[..line.len() - rest.len()].trim();
            meta.header(field_text, "published");
            if let Some(d) = find_date(date_text) {
                meta.dates.push(DateCandidate {
                    rank: 0,
                    date: d,
                    basis: DateBasis::Header,
                    source_text: field_text.to_string(),
                    span: None,
                });
            }
            i += 1;
            if !rest.is_empty() {
                if let Some((kind, reason)) = NOISE.classify(rest) {
                    meta.remove(kind, rest, reason);
                } else {
                    first_body = Some(rest.to_string());
                    body_start = i;
                    break;
                }
            }
            continue;
        }
        if let Some(c) = HEADER_FIELD.captures(line) {
            let key = c[1].trim().to_lowercase();
            if let Some(field) = HEADER_KEYS.get(key.as_str()) {
                let value = c[2].trim().to_string();
                handle_field(&mut meta, line, field, &value);
                i += 1;
                continue;
            }
        }
        if let Some(h) = line.strip_prefix("# ").or_else(|| line.strip_prefix("## ")) {
            if meta.title.is_none() {
                meta.title = Some(MD_EMPHASIS.replace_all(h.trim(), "").to_string());
                meta.header(line, "title");
                i += 1;
                continue;
            }
        }
        if let Some(c) = BYLINE.captures(line) {
            let content = c[1].to_string();
            if content.chars().next().is_some_and(|ch| ch.is_uppercase()) {
                parse_byline(&mut meta, line, &content);
                i += 1;
                continue;
            }
        }
        if let Some(c) = META_LINE.captures(line) {
            let label = c[1].to_lowercase();
            if let Some(d) = find_date(&c[2]) {
                if label.contains("updated") || label.contains("modified") {
                    meta.header(line, "modified");
                } else {
                    meta.header(line, "published");
                    meta.dates.push(DateCandidate {
                        rank: 2,
                        date: d,
                        basis: DateBasis::Meta,
                        source_text: line.to_string(),
                        span: None,
                    });
                }
                i += 1;
                continue;
            }
        }
        if let Some((kind, reason)) = NOISE.classify(line) {
            if reason == "scraper banner" {
                meta.header(line, "scrape-date");
            }
            meta.remove(kind, line, reason);
            i += 1;
            continue;
        }
        if is_date_line(line) {
            if let Some(d) = find_date(line) {
                header_dates.push((i, d, line.to_string()));
                i += 1;
                continue;
            }
        }
        if known_outlet(line).is_some() {
            site_lines.push((i, line.to_string(), true));
            i += 1;
            continue;
        }
        if let Some(rest) = SCRAPER_PREFIX_LIST
            .iter()
            .find_map(|p| line.strip_prefix(p))
            .filter(|r| word_count(r) >= 2)
        {
            if meta.title.is_none() {
                meta.title = Some(rest.trim().to_string());
            }
            meta.header(line, "title");
            i += 1;
            continue;
        }
        // A long line continued in lowercase on the next line is wrapped prose.
        let wrapped_prose = line.chars().count() >= 35
            && lines
                .get(i + 1)
                .and_then(|n| n.trim_start().chars().next())
                .is_some_and(|c| c.is_lowercase());
        if is_prose(line) || wrapped_prose {
            body_start = i;
            break;
        }
        pending.push((i, line.to_string()));
        i += 1;
    }
    if body_start == lines.len() && first_body.is_none() && i >= header_limit {
        // No prose within the header window: the pending lines are the body.
        body_start = pending.first().map_or(i, |p| p.0).min(i);
        pending.clear();
    } else if body_start == lines.len() && first_body.is_none() {
        // The file ended inside the header: a very short article. Keep its lines.
        body_start = pending.first().map_or(lines.len(), |p| p.0);
        pending.clear();
    }

    // Site names among the pending lines: short lines with a publication word.
    let mut rest_pending = Vec::new();
    for (idx, line) in pending {
        let words = word_count(&line);
        if words <= 6 && has_outlet_word(&line) && !ends_like_sentence(&line) {
            site_lines.push((idx, line, false));
        } else {
            rest_pending.push((idx, line));
        }
    }
    site_lines.sort_by_key(|s| s.0);
    // Title: the first remaining short header line that reads like a headline.
    let mut title_idx = None;
    if meta.title.is_none() {
        // Prefer a headline below the site name and date lines (page chrome sits above).
        let after = site_lines
            .iter()
            .map(|s| s.0)
            .chain(header_dates.iter().map(|d| d.0))
            .max();
        let headline = |l: &str| {
            word_count(l) >= 3 && l.chars().any(|c| c.is_lowercase()) && !l.contains(" | ")
        };
        let found = rest_pending
            .iter()
            .find(|(i, l)| after.is_none_or(|a| *i > a) && headline(l))
            .or_else(|| rest_pending.iter().find(|(_, l)| headline(l)));
        if let Some((idx, line)) = found {
            meta.title = Some(MD_EMPHASIS.replace_all(line, "").trim().to_string());
            meta.header(line, "title");
            title_idx = Some(*idx);
        }
    }
    let mut dek: Vec<String> = Vec::new();
    for (idx, line) in rest_pending {
        if Some(idx) == title_idx {
            continue;
        }
        if title_idx.is_some_and(|t| idx > t) && word_count(&line) >= 6 {
            // A standfirst under the headline is the outlet's own text: keep it.
            dek.push(line);
        } else {
            meta.remove(RemovedKind::Boilerplate, &line, "page header");
        }
    }
    // Site names: a listed outlet beats a guessed one; nearest the body wins.
    if let Some((_, name, _)) = site_lines.iter().rev().find(|s| s.2) {
        meta.add_outlet(1, name);
    } else if let Some((_, name, _)) = site_lines.last() {
        meta.add_outlet(4, name);
    }
    for (_, name, _) in &site_lines {
        meta.header(name, "site-name");
    }
    // Unlabelled header dates: the one nearest the body is the article's; earlier ones
    // belong to the page around it (visit, scrape or print dates).
    if let Some((last, rest)) = header_dates.split_last() {
        meta.dates.push(DateCandidate {
            rank: 1,
            date: last.1,
            basis: DateBasis::Header,
            source_text: last.2.clone(),
            span: None,
        });
        meta.header(&last.2, "published");
        for (_, _, line) in rest {
            meta.header(line, "page-date");
            meta.remove(
                RemovedKind::Boilerplate,
                line,
                "page date (not the publication date)",
            );
        }
    }

    // ---- Body ------------------------------------------------------------------
    let mut body: Vec<BodyLine> = Vec::new();
    let mut after_break = true;
    let mut in_link_list = false;
    for d in dek {
        body.push(BodyLine {
            text: d,
            after_break: true,
        });
    }
    let body_lines = first_body
        .iter()
        .map(|s| s.as_str())
        .chain(lines[body_start.min(lines.len())..].iter().copied());
    for raw in body_lines {
        let mut line = raw.trim().to_string();
        if line.is_empty() {
            after_break = true;
            continue;
        }
        if markdown {
            if MD_IMAGE.is_match(&line) {
                meta.remove(RemovedKind::Caption, &line, "markdown image");
                after_break = true;
                continue;
            }
            let stripped = line.trim_start_matches('#').trim_start();
            line = MD_LINK.replace_all(stripped, "$1").to_string();
            line = MD_EMPHASIS.replace_all(&line, "").trim().to_string();
            if line.is_empty() {
                after_break = true;
                continue;
            }
        }
        // A credit line closing the last paragraph.
        if let Some(c) = CREDIT_TRAILING.captures(&line) {
            let whole = c.get(0).map_or(0..0, |m| m.range());
            let credit = c[1].to_string();
            parse_credits(&mut meta, &credit);
            meta.remove(
                RemovedKind::Credit,
                whole_trim(&line[whole.clone()]),
                "credit line",
            );
            line.truncate(whole.start);
            let kept = line.trim_end().to_string();
            line = kept;
            if line.is_empty() {
                after_break = true;
                continue;
            }
        } else if let Some(c) = CREDIT_LINE.captures(&line) {
            if word_count(&line) <= 40 {
                let credit = c[1].to_string();
                parse_credits(&mut meta, &credit);
                meta.remove(RemovedKind::Credit, &line, "credit line");
                after_break = true;
                continue;
            }
        }
        if word_count(&line) <= 14 && FILES_FROM.is_match(&line) && !ends_like_sentence_long(&line)
        {
            meta.remove(RemovedKind::Credit, &line, "files-from credit");
            after_break = true;
            continue;
        }
        // Headlines listed under a "Most read" / "Related" label are links too.
        if in_link_list {
            if word_count(&line) <= 20 && !ends_like_sentence(&line) {
                meta.remove(RemovedKind::RelatedLink, &line, "related-link list");
                after_break = true;
                continue;
            }
            in_link_list = false;
        }
        if let Some((kind, reason)) = NOISE.classify(&line) {
            if reason == "related-link label" {
                in_link_list = true;
            }
            if reason == "copyright footer" {
                if let Some(c) = COPYRIGHT_OWNER.captures(&line) {
                    let owner = c[1].trim();
                    if !owner.is_empty() && word_count(owner) <= 6 {
                        meta.add_outlet(5, owner);
                    }
                }
            }
            meta.remove(kind, &line, reason);
            after_break = true;
            continue;
        }
        if let Some(reason) = CAPTIONS.classify(&line) {
            meta.remove(RemovedKind::Caption, &line, reason);
            after_break = true;
            continue;
        }
        // A byline that sits below the headline inside the body.
        if body.is_empty() {
            if let Some(c) = BYLINE.captures(&line) {
                let content = c[1].to_string();
                if word_count(&content) <= 12
                    && content.chars().next().is_some_and(|ch| ch.is_uppercase())
                {
                    parse_byline(&mut meta, &line, &content);
                    after_break = true;
                    continue;
                }
            }
        }
        body.push(BodyLine {
            text: line,
            after_break,
        });
        after_break = false;
    }

    // Page footer: short lines that are not sentences after the last sentence.
    while body.len() > 1 {
        let Some(last) = body.last() else { break };
        // A line joined to the one above is the tail of a hard-wrapped paragraph.
        if word_count(&last.text) > 12 || ends_like_sentence(&last.text) || !last.after_break {
            break;
        }
        if let Some(last) = body.pop() {
            meta.remove(RemovedKind::Boilerplate, &last.text, "page footer");
        }
    }
    let paragraphs = assemble_paragraphs(&body);
    let clean = paragraphs.join("\n\n");

    // ---- Dateline ----------------------------------------------------------------
    if let Some(dl) = find_dateline(&clean) {
        if meta.dateline.is_none() {
            meta.dateline = Some(dl.place.clone());
        }
        if let Some(agency) = &dl.agency {
            let looks_like_outlet = known_outlet(agency).is_some()
                || agency
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
            if looks_like_outlet {
                meta.add_outlet(3, agency);
            }
        }
        if let Some((d, _)) = dl.date {
            meta.dates.push(DateCandidate {
                rank: 4,
                date: d,
                basis: DateBasis::Dateline,
                source_text: clean[dl.span.start..dl.span.end].to_string(),
                span: Some(dl.span),
            });
        }
    }

    // ---- Decide ------------------------------------------------------------------
    let outlet = {
        let mut c = meta.outlets.clone();
        c.sort_by_key(|o| o.rank);
        // A guessed site name confirmed by the copyright line is as good as a listed one.
        c.first().map(|o| o.name.clone())
    };
    let published = decide_published(&meta.dates, &clean);
    let language = meta
        .language_hint
        .clone()
        .unwrap_or_else(|| detect_language(&clean));

    Document {
        id: String::new(),
        path: path.to_string(),
        text: clean,
        title: meta.title,
        outlet,
        authors: meta.authors,
        dateline: meta.dateline,
        language,
        published,
        removed: meta.removed,
        times: Vec::new(),
        related: Vec::new(),
        contributors: meta.contributors,
        header: meta.header,
        encoding: None,
        stats: None,
        skipped: Vec::new(),
    }
}

fn whole_trim(s: &str) -> &str {
    s.trim()
}

fn ends_like_sentence_long(s: &str) -> bool {
    word_count(s) > 14 && ends_like_sentence(s)
}

/// Join body lines into paragraphs. Each line is its own paragraph unless a block of
/// lines is hard-wrapped (lines of similar length not ending in sentence punctuation),
/// in which case the block is one paragraph with its newlines kept.
fn assemble_paragraphs(body: &[BodyLine]) -> Vec<String> {
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    for line in body {
        if line.after_break || blocks.is_empty() {
            blocks.push(Vec::new());
        }
        if let Some(b) = blocks.last_mut() {
            b.push(&line.text);
        }
    }
    let mut out = Vec::new();
    for block in blocks {
        if block.len() >= 2 && is_hard_wrapped(&block) {
            out.push(block.join("\n"));
        } else {
            out.extend(block.iter().map(|s| s.to_string()));
        }
    }
    out
}

fn is_hard_wrapped(block: &[&str]) -> bool {
    let inner = &block[..block.len() - 1];
    let wrapped = inner
        .iter()
        .filter(|l| {
            let n = l.chars().count();
            (35..=100).contains(&n) && !ends_like_sentence(l)
        })
        .count();
    wrapped * 10 >= inner.len() * 6
}

fn decide_published(dates: &[DateCandidate], clean: &str) -> Published {
    let mut sorted: Vec<&DateCandidate> = dates.iter().collect();
    sorted.sort_by_key(|d| d.rank);
    let Some(best) = sorted.first() else {
        return Published::unknown();
    };
    // A year-less date (a dateline's "Oct 27") takes the year of another candidate.
    let year = best
        .date
        .year
        .or_else(|| sorted.iter().find_map(|d| d.date.year));
    let value = match year.and_then(|y| best.date.date_with_year(y)) {
        Some(day) => {
            let mut v = TimeValue::day(day);
            v.ambiguous = best.date.ambiguous;
            v
        }
        None => TimeValue::bounded(
            format!("XXXX-{:02}-{:02}", best.date.month, best.date.day),
            Precision::Day,
            None,
            None,
        ),
    };
    let evidence = best.span.and_then(|s| Evidence::new("", clean, s));
    Published {
        value,
        basis: best.basis,
        source_text: if evidence.is_none() {
            Some(best.source_text.clone())
        } else {
            None
        },
        evidence,
        story: Vec::new(),
    }
}

/// Function words English news is dense in (a fifth of its words and more).
const ENGLISH_MARKERS: [&str; 12] = [
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "said", "was",
];

/// How many of the first `max_words` words of `text` were read, and the share of
/// them that are English function words: English news runs 15–25%, other
/// languages a few percent.
pub fn english_share(text: &str, max_words: usize) -> (usize, f64) {
    let words: Vec<&str> = text.split_whitespace().take(max_words).collect();
    let hits = words
        .iter()
        .filter(|w| ENGLISH_MARKERS.iter().any(|e| w.eq_ignore_ascii_case(e)))
        .count();
    (words.len(), hits as f64 / words.len().max(1) as f64)
}

/// ISO 639-1 code of the text's language, `und` when unsure.
pub fn detect_language(text: &str) -> String {
    // Fast path: English news is dense in a handful of function words.
    let (words, share) = english_share(text, 300);
    if words >= 30 && share >= 0.18 {
        return "en".to_string();
    }
    let sample: String = text.chars().take(1000).collect();
    match whatlang::detect(&sample) {
        Some(info) if info.is_reliable() || info.confidence() > 0.5 => {
            iso639_1(info.lang()).to_string()
        }
        _ => {
            if sample.is_ascii() && sample.split_whitespace().count() > 3 {
                "en".to_string()
            } else {
                "und".to_string()
            }
        }
    }
}

fn iso639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Eng => "en",
        Fra => "fr",
        Deu => "de",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Ara => "ar",
        Heb => "he",
        Tur => "tr",
        Pes => "fa",
        Urd => "ur",
        Hin => "hi",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Pol => "pl",
        Swe => "sv",
        Dan => "da",
        Fin => "fi",
        Ell => "el",
        Ind => "id",
        Vie => "vi",
        Tha => "th",
        Ces => "cs",
        Ron => "ro",
        Hun => "hu",
        _ => lang.code(),
    }
}
