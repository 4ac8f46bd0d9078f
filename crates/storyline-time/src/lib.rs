//! The temporal tagger of storyline: finds the TIMEX3 time expressions of a news text
//! (DATE, TIME, DURATION, SET, with TimeBank extents) and resolves each against the
//! article's own date into a [`TimeValue`] with precision, mod and calendar bounds.
//!
//! The rules are data, HeidelTime-style: word lists, macros and the extraction
//! patterns live in `resources/time/*.tsv` (compiled in, compiled once). Each pattern
//! names one of a small fixed set of normalisation functions (`absolute_date`,
//! `weekday_relative`, `offset_ago`, `relative_unit`, `period`, `duration`, `set`,
//! `ref`, ...). Adding a pattern is a data change.
//!
//! Uncertainty composes: the anchor may be a window (an article dated only to the
//! month) or unknown; relative expressions then resolve to windows or to X-values
//! with null bounds. [`infer_published`] infers the date window of an undated article
//! from what it reports, and [`tag_undated`] re-resolves the article against it.
//!
//! ```
//! use chrono::{Datelike, NaiveDate};
//! use storyline_time::{tag, Anchor};
//! let d = NaiveDate::from_ymd_opt(2024, 11, 19).unwrap();
//! let m = tag("The talks collapsed on Sunday night, two weeks after they began.", &Anchor::day(d));
//! assert_eq!(m[0].text, "Sunday night");
//! assert_eq!(m[0].value.value, "2024-11-17TNI");
//! ```

mod context;
mod normalize;
mod publish;
mod rules;
mod value;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use storyline_model::{TimeMention, TimeValue};

use crate::normalize::{DocState, Input, Match};
use crate::rules::{Rules, RULES};

pub use crate::publish::{
    infer_published, infer_published_in_year, infer_published_in_years, tag_undated,
};

/// The date a document's relative expressions resolve against. Bounds may be a
/// window; `None` = unknown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
}

impl Anchor {
    /// A known day.
    pub fn day(d: NaiveDate) -> Self {
        Anchor {
            earliest: Some(d),
            latest: Some(d),
        }
    }

    /// A window of days (e.g. an article dated only to the month).
    pub fn window(earliest: NaiveDate, latest: NaiveDate) -> Self {
        let (e, l) = if earliest <= latest {
            (earliest, latest)
        } else {
            (latest, earliest)
        };
        Anchor {
            earliest: Some(e),
            latest: Some(l),
        }
    }

    /// Nothing is known about the document's date.
    pub fn unknown() -> Self {
        Anchor {
            earliest: None,
            latest: None,
        }
    }

    /// The anchor a time value (e.g. a document's `published`) gives.
    pub fn from_time_value(v: &TimeValue) -> Self {
        Anchor {
            earliest: v.earliest,
            latest: v.latest,
        }
    }

    pub fn is_unknown(&self) -> bool {
        self.earliest.is_none() && self.latest.is_none()
    }
}

/// Every time expression in `text`, with byte spans into `text`, in order,
/// non-overlapping, resolved against `anchor`.
pub fn tag(text: &str, anchor: &Anchor) -> Vec<TimeMention> {
    let rules = &*RULES;
    let chosen = select(candidates(text, rules));
    let mut states = [DocState::default(), DocState::default()];
    let mut out = Vec::with_capacity(chosen.len());
    for m in &chosen {
        let Some(rule) = rules.rules.get(m.rule) else {
            continue;
        };
        if part_of_name(text, m, rule, &rules.lex) || ordinal_second(text, m) {
            continue;
        }
        let cue = context::tense_cue_at(&rules.lex, text, m.start, m.end);
        if soon_without_time(text, m, &rules.lex, cue.map(|c| c.tense)) {
            continue;
        }
        let (tense, tense_listed) = (cue.map(|c| c.tense), cue.is_some_and(|c| c.firm));
        let tense_plain_past = cue.is_some_and(|c| c.plain_past);
        let tense_saying = cue.is_some_and(|c| c.saying);
        let inp = Input {
            lex: &rules.lex,
            rule,
            text,
            m,
            tense,
            tense_listed,
            tense_plain_past,
            tense_saying,
        };
        let [s0, s1] = &mut states;
        let resolved = match (anchor.earliest, anchor.latest) {
            // The anchor is the same for every mention: a day uses `s0` only.
            (Some(a), Some(b)) if a == b => normalize::resolve(&inp, Some(a), s0),
            (Some(a), Some(b)) => {
                match (
                    normalize::resolve(&inp, Some(a), s0),
                    normalize::resolve(&inp, Some(b), s1),
                ) {
                    (Some(x), Some(y)) => Some(value::merge(x, y)),
                    _ => None,
                }
            }
            // An open window ("on or after a"): a relative expression is bounded on
            // the known side only, and the parts of its value that change when the
            // anchor moves are unknown ("mid-October" -> XXXX-10), not a guess.
            (Some(a), None) => open_ended(
                normalize::resolve(&inp, Some(a), s0),
                value::add_days(a, OPEN_PROBE_DAYS)
                    .and_then(|f| normalize::resolve(&inp, Some(f), s1)),
                false,
            ),
            (None, Some(b)) => open_ended(
                normalize::resolve(&inp, Some(b), s1),
                value::add_days(b, -OPEN_PROBE_DAYS)
                    .and_then(|f| normalize::resolve(&inp, Some(f), s0)),
                true,
            ),
            (None, None) => normalize::resolve(&inp, None, s0),
        };
        let Some(r) = resolved else {
            continue;
        };
        let Some(t) = text.get(m.start..m.end) else {
            continue;
        };
        let mut kind = r.kind.unwrap_or(rule.kind);
        if kind == storyline_model::TimexType::Duration && is_rate(text, m.start, t, &rules.lex) {
            kind = storyline_model::TimexType::Set;
        }
        out.push(TimeMention {
            start: m.start,
            end: m.end,
            text: t.to_string(),
            kind,
            value: r.into_time_value(),
            story: Vec::new(),
        });
    }
    weekdays_take_their_dates(text, &rules.lex, &mut out);
    out
}

/// A quantity just before a time phrase ("$450 million", "3.1 percent", "4 million
/// passengers", "$28,"): a number (not a bare year) or an amount word, then at
/// most two words that are no preposition or verb ("3 goals in a week", "12 people
/// for a week", "2023 was a year" are no rates).
static QUANTITY_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)(?:(?P<cur>\$\s?)?\b(?P<num>\d[\d,.]*)%?|\b(?:percent|million|billion|trillion|thousand|hundred|cents?|dollars?))(?:\s+[a-z]+){0,2}\s*,?\s*$",
    )
    .expect("valid regex")
});

/// "$450 million a year", "3.1 percent a year": "a year" right after a quantity
/// is the rate's period, a SET (as TimeML writes "twice a week"), not a duration;
/// not before "ago", "after", "ahead" ... ("$2 billion, a year after it gained").
fn is_rate(text: &str, start: usize, mention: &str, lex: &rules::Lexicon) -> bool {
    let mut words = mention.split_whitespace();
    let (Some(det), Some(unit), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let det = det.to_ascii_lowercase();
    let unit = unit.to_ascii_lowercase();
    if !matches!(det.as_str(), "a" | "an" | "per")
        || !matches!(unit.as_str(), "year" | "month" | "week" | "day" | "hour")
    {
        return false;
    }
    let end = start + mention.len();
    let next = context::words(text.get(end..).unwrap_or("")).next();
    if next.is_some_and(|n| lex.context_word("rate-stop", n)) {
        return false;
    }
    let mut lo = start.saturating_sub(48);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let before = text.get(lo..start).unwrap_or("");
    let before = before.rsplit(['\n', ';']).next().unwrap_or("");
    let Some(c) = QUANTITY_BEFORE.captures(before) else {
        return false;
    };
    // "2023 was a year of upheaval": a year is no quantity
    let year = c.name("num").is_some_and(|n| {
        n.as_str().len() == 4
            && n.as_str()
                .parse::<u32>()
                .is_ok_and(|y| (1000..2100).contains(&y))
    });
    if year && c.name("cur").is_none() {
        return false;
    }
    let Some(q) = c.get(0) else {
        return false;
    };
    // the words between the quantity and the phrase
    !context::words(&before[q.start()..])
        .skip(1)
        .any(|w| lex.context_word("not-rate", w))
}

/// "as soon as the talks end", "soon after the vote", "too soon to say": "soon"
/// there joins or grades a clause and names no time of its own; and in a past
/// narrative ("Police soon arrived") it means "shortly after", no reference to
/// the future.
fn soon_without_time(
    text: &str,
    m: &Match,
    lex: &rules::Lexicon,
    tense: Option<rules::Tense>,
) -> bool {
    if !text
        .get(m.start..m.end)
        .is_some_and(|t| t.eq_ignore_ascii_case("soon"))
    {
        return false;
    }
    // "the soon-to-be-released report": part of a compound
    if text.get(m.end..).is_some_and(|r| r.starts_with('-')) {
        return true;
    }
    let prev = context::words(text.get(..m.start).unwrap_or("")).next_back();
    let next = context::words(text.get(m.end..).unwrap_or("")).next();
    prev.is_some_and(|w| lex.context_word("soon-prev", w))
        || next.is_some_and(|w| lex.context_word("soon-next", w))
        || tense == Some(rules::Tense::Past)
}

/// "four second-place finishes", "the second-largest": "second" is an ordinal
/// there, not a unit of time.
fn ordinal_second(text: &str, m: &Match) -> bool {
    let t = text.get(m.start..m.end).unwrap_or("");
    if !t
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("second"))
    {
        return false;
    }
    // only the next few characters matter: no copy of the rest of the text
    let after: String = text
        .get(m.end..)
        .unwrap_or("")
        .chars()
        .take(12)
        .flat_map(char::to_lowercase)
        .collect();
    let after = after.trim_start_matches(['-', ' ']);
    ["place", "best", "largest", "biggest", "highest", "round"]
        .iter()
        .any(|w| after.starts_with(w))
}

/// "Sunday morning, November 3, 2013": a weekday followed by a full date that falls
/// on that weekday names that date, not the weekday nearest the article's date.
fn weekdays_take_their_dates(text: &str, lex: &rules::Lexicon, out: &mut [TimeMention]) {
    for i in 1..out.len() {
        let (a, b) = (&out[i - 1], &out[i]);
        let gap = text.get(a.end..b.start).unwrap_or("x");
        if gap.len() > 3 || !gap.chars().all(|c| c == ',' || c.is_whitespace()) {
            continue;
        }
        let first = a
            .text
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let Some(&wd) = lex.weekdays.get(&rules::norm_key(first)) else {
            continue;
        };
        let (Some(date), Some(head)) = (
            b.value
                .value
                .get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            a.value.value.get(..10),
        ) else {
            continue;
        };
        let a_is_day = NaiveDate::parse_from_str(head, "%Y-%m-%d").is_ok();
        if !a_is_day || date.weekday().number_from_monday() != wd {
            continue;
        }
        let rest = a.value.value[10..].to_string();
        let v = &mut out[i - 1].value;
        v.value = format!("{}{rest}", date.format("%Y-%m-%d"));
        v.earliest = Some(date);
        v.latest = Some(date);
        v.relative = false;
        v.ambiguous = false;
    }
}

/// How far past the known end of an open-ended anchor to probe, to see which parts of
/// a relative value depend on the unknown end (a little over a year, so that a
/// year-less month or a weekday lands in a different year).
const OPEN_PROBE_DAYS: i64 = 400;

/// The value of a mention under an anchor known on one side only: `known` is resolved
/// at the known end, `probe` further into the open side. A relative value keeps the
/// bound on the known side only, and its value keeps only the parts both agree on.
/// `open_before` is true when the earliest side is the open one.
fn open_ended(
    known: Option<value::Resolved>,
    probe: Option<value::Resolved>,
    open_before: bool,
) -> Option<value::Resolved> {
    let mut r = known?;
    if !r.relative {
        return Some(r);
    }
    if open_before {
        r.earliest = None;
    } else {
        r.latest = None;
    }
    if let Some(p) = probe {
        if p.value != r.value {
            r.value = value::x_components(&r.value, &p.value);
        }
    }
    // A decade or century ("this decade" -> 201) can change beyond the probe.
    if r.value.len() < 4 && r.value.bytes().all(|b| b.is_ascii_digit()) {
        r.value = "X".repeat(r.value.len());
    }
    Some(r)
}

/// Whether a match is a word of something else: a weekday or holiday name inside a
/// proper name ("the Sunday Times", "Christmas Island"); the words are in
/// `names.tsv`.
fn part_of_name(text: &str, m: &Match, rule: &rules::Rule, lex: &rules::Lexicon) -> bool {
    let Some(t) = text.get(m.start..m.end) else {
        return false;
    };
    let after = text.get(m.end..).unwrap_or("");
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let next: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    let Some(first) = next.chars().next() else {
        return false;
    };
    let kind = lex.names.get(&next.to_lowercase()).map(String::as_str);
    if t.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // A title-cased weekday and part of day before another capitalised word names a
    // show or a film ("Saturday Night Live", "Friday Night Lights").
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() >= 2
        && words
            .first()
            .is_some_and(|w| lex.weekdays.contains_key(&rules::norm_key(w)))
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words
            .iter()
            .any(|w| w.chars().skip(1).any(char::is_lowercase))
        && first.is_uppercase()
    {
        return true;
    }
    let day_name = matches!(
        rule.func,
        rules::Func::WeekdayRelative | rules::Func::Holiday
    ) || (rule.func == rules::Func::AbsoluteDate
        && rule.arg("month").is_some()
        && rule.arg("day").is_some());
    day_name && first.is_uppercase() && kind == Some("name")
}

/// Byte windows of `text` around trigger words and digits where a rule may match.
fn windows(text: &str, rules: &Rules) -> Vec<(usize, usize)> {
    let left: usize = rules
        .lex
        .params
        .get("window_left")
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    let right: usize = rules
        .lex
        .params
        .get("window_right")
        .and_then(|v| v.parse().ok())
        .unwrap_or(80);
    let Some(ac) = &rules.triggers else {
        return vec![(0, text.len())];
    };
    let bytes = text.as_bytes();
    let mut hits: Vec<(usize, usize)> = Vec::new();
    let is_word = |b: u8| b.is_ascii_alphanumeric();
    for m in ac.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        // A trigger starts a word ("bi" of "biweekly" is enough).
        if s > 0 && is_word(bytes[s - 1]) {
            continue;
        }
        hits.push((s, e));
    }
    // Digits.
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let s = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            hits.push((s, i));
        } else {
            i += 1;
        }
    }
    hits.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in hits {
        let ws = snap_back(text, s.saturating_sub(left));
        let we = snap_fwd(text, (e + right).min(text.len()));
        match out.last_mut() {
            Some(last) if ws <= last.1 => last.1 = last.1.max(we),
            _ => out.push((ws, we)),
        }
    }
    out
}

/// Moves `i` back to just after a whitespace (or 0), on a char boundary.
fn snap_back(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i > 0 && !(b[i - 1].is_ascii_whitespace()) {
        i -= 1;
    }
    i
}

/// Moves `i` forward to a whitespace (or the end), on a char boundary.
fn snap_fwd(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() && !b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Whether a match at `[s, e)` stands alone: not inside a word, and a number not part
/// of a longer number, an amount, a score or a measure ("1,500", "$2,000", "3-1",
/// "32°", "100M").
fn standalone(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().rev();
    let mut before = before.peekable();
    let after = text[e..].chars();
    let mut after = after.peekable();
    let first = text[s..e].chars().next();
    let last = text[s..e].chars().next_back();
    let prev = before.next();
    let prev2 = before.next();
    let next = after.next();
    let next2 = after.next();
    if prev.is_some_and(char::is_alphanumeric)
        || (prev == Some('\'')
            && first.is_some_and(char::is_alphanumeric)
            && prev2.is_some_and(char::is_alphanumeric))
    {
        return false;
    }
    if last.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric) {
        return false;
    }
    if first.is_some_and(|c| c.is_ascii_digit()) {
        if prev.is_some_and(|c| matches!(c, '$' | '£' | '€' | '#' | '¥' | '+')) {
            return false;
        }
        // "1,500", "555-2015", "020 7946 2019": part of a longer number.
        if prev.is_some_and(|c| matches!(c, ',' | '.' | '/' | '-' | ':' | '–' | ' '))
            && prev2.is_some_and(|c| c.is_ascii_digit())
        {
            return false;
        }
    }
    if last.is_some_and(|c| c.is_ascii_digit()) {
        if next.is_some_and(|c| matches!(c, '%' | '°' | '′' | '\'' | '"' | '″')) {
            return false;
        }
        if next.is_some_and(|c| matches!(c, ',' | '.' | '/' | '-' | ':' | '–' | ' '))
            && next2.is_some_and(|c| c.is_ascii_digit())
        {
            return false;
        }
    }
    true
}

/// Every match of every rule inside the trigger windows.
fn candidates(text: &str, rules: &Rules) -> Vec<Match> {
    let mut out = Vec::new();
    for (ws, we) in windows(text, rules) {
        let (Some(hay), Some(sub)) = (text.get(..we), text.get(ws..we)) else {
            continue;
        };
        let hits = rules
            .sets
            .iter()
            .flat_map(|(first, set)| set.matches(sub).into_iter().map(move |i| first + i));
        for idx in hits {
            let Some(rule) = rules.rules.get(idx) else {
                continue;
            };
            let mut pos = ws;
            while pos <= we {
                let Some(c) = rule.regex.captures_at(hay, pos) else {
                    break;
                };
                let Some(m0) = c.get(0) else {
                    break;
                };
                let (s, e) = (m0.start(), m0.end());
                if e > s && standalone(text, s, e) {
                    out.push(Match {
                        start: s,
                        end: e,
                        rule: idx,
                        groups: c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect(),
                    });
                    pos = e;
                } else {
                    // Retry one character later.
                    pos = s + text[s..].chars().next().map_or(1, char::len_utf8);
                }
            }
        }
    }
    out
}

/// Longest matches first (then earlier rule, then earlier start), non-overlapping,
/// returned in text order.
fn select(mut cands: Vec<Match>) -> Vec<Match> {
    cands.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.rule.cmp(&b.rule))
            .then(a.start.cmp(&b.start))
    });
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut keep = Vec::new();
    for c in cands {
        let clash_before = taken
            .range(..c.end)
            .next_back()
            .is_some_and(|(_, &e)| e > c.start);
        if clash_before {
            continue;
        }
        taken.insert(c.start, c.end);
        keep.push(c);
    }
    keep.sort_by_key(|m| m.start);
    keep
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod open_anchor_tests {
    use super::*;

    fn open_after(y: i32, m: u32, d: u32) -> Anchor {
        Anchor {
            earliest: NaiveDate::from_ymd_opt(y, m, d),
            latest: None,
        }
    }

    fn find<'a>(ms: &'a [TimeMention], text: &str) -> &'a TimeMention {
        ms.iter()
            .find(|m| m.text == text)
            .unwrap_or_else(|| panic!("no mention {text:?} in {ms:?}"))
    }

    #[test]
    fn a_year_less_month_under_an_open_anchor_keeps_only_the_month() {
        let text = "The last round of talks ended in mid-October without a deal.";
        let ms = tag(text, &open_after(2019, 3, 1));
        let m = find(&ms, "mid-October");
        assert_eq!(m.value.value, "XXXX-10");
        assert_eq!(m.value.earliest, NaiveDate::from_ymd_opt(2018, 10, 11));
        assert_eq!(m.value.latest, None);
    }

    #[test]
    fn days_ago_under_an_open_anchor_is_a_bound_not_a_day() {
        let text = "The ministry wrote to the council ten days ago, officials said.";
        let ms = tag(text, &open_after(2019, 3, 11));
        let m = find(&ms, "ten days ago");
        assert_eq!(m.value.value, "XXXX-XX-XX");
        assert_eq!(m.value.earliest, NaiveDate::from_ymd_opt(2019, 3, 1));
        assert_eq!(m.value.latest, None);
        // Under a known day the same words are a day.
        let d = NaiveDate::from_ymd_opt(2019, 3, 11).unwrap_or_default();
        let ms = tag(text, &Anchor::day(d));
        assert_eq!(find(&ms, "ten days ago").value.value, "2019-03-01");
    }

    #[test]
    fn a_relative_decade_under_an_open_anchor_is_unknown() {
        let text = "Prices have doubled this decade, the report said.";
        let ms = tag(text, &open_after(2011, 5, 2));
        let m = find(&ms, "this decade");
        assert!(
            m.value.value.bytes().all(|b| !b.is_ascii_digit()),
            "{}",
            m.value.value
        );
    }

    #[test]
    fn absolute_dates_are_untouched_by_an_open_anchor() {
        let text = "The plant closed on March 4, 2017, after a fire.";
        let ms = tag(text, &open_after(2017, 3, 4));
        assert_eq!(find(&ms, "March 4, 2017").value.value, "2017-03-04");
    }

    #[test]
    fn an_anchor_open_before_keeps_the_later_bound() {
        let text = "The bridge reopened last week.";
        let anchor = Anchor {
            earliest: None,
            latest: NaiveDate::from_ymd_opt(2021, 6, 30),
        };
        let ms = tag(text, &anchor);
        let m = find(&ms, "last week");
        assert_eq!(m.value.earliest, None);
        assert!(m.value.latest.is_some());
        assert!(m.value.value.contains('X'), "{}", m.value.value);
    }
}

#[cfg(test)]
mod year_from_outside_tests {
    use super::*;

    const TEXT: &str =
        "The levee failed on Feb. 12 after a week of rain. Engineers met on March 2 \
        to plan repairs, and residents marched on Sunday. Water levels peaked earlier this month.";

    #[test]
    fn a_text_without_a_year_gets_no_date_on_its_own() {
        assert!(infer_published("d1", TEXT, &tag(TEXT, &Anchor::unknown())).is_none());
    }

    #[test]
    fn a_year_given_from_outside_bounds_the_window() {
        let p = infer_published_in_year("d1", TEXT, 2026).expect("a window");
        // On or after the latest dated event (Monday 2 March 2026); "on Sunday" and
        // "earlier this month" are tied to no date, so the window stays open.
        assert_eq!(p.value.earliest, NaiveDate::from_ymd_opt(2026, 3, 2));
        assert_eq!(p.value.latest, None);
        assert_eq!(p.value.value, "2026-03-02");
    }
}

#[cfg(test)]
mod zone_tests {
    use super::*;

    fn zones(text: &str, y: i32, m: u32, d: u32) -> Vec<(String, String, Option<String>)> {
        let day = NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        tag(text, &Anchor::day(day))
            .into_iter()
            .map(|t| (t.text, t.value.value, t.value.zone))
            .collect()
    }

    #[test]
    fn a_named_zone_gives_the_offset_of_that_day() {
        let summer = zones("The polls will close at 8 p.m. ET on Tuesday.", 2030, 7, 8);
        assert_eq!(summer[0].1, "2030-07-09T20:00");
        assert_eq!(summer[0].2.as_deref(), Some("-04:00"));
        let winter = zones("The polls will close at 8 p.m. ET on Tuesday.", 2030, 1, 7);
        assert_eq!(winter[0].2.as_deref(), Some("-05:00"));
        // Before 2007 US summer time began in April.
        let old = zones("The vote closed at 7 p.m. ET on Monday.", 2005, 3, 22);
        assert_eq!(old[0].2.as_deref(), Some("-05:00"));
        // 1967-1986: from the last Sunday of April.
        let older = zones("The vote closed at 7 p.m. ET on Thursday.", 1980, 4, 11);
        assert_eq!(older[0].2.as_deref(), Some("-05:00"));
        // Before 1967 there was no single rule: no offset rather than a guess.
        let oldest = zones("The vote closed at 7 p.m. ET on Thursday.", 1960, 7, 8);
        assert_eq!(oldest[0].2, None);
    }

    #[test]
    fn a_clock_time_takes_a_relative_weekday_after_it() {
        // Anchor: Tuesday 12 March 2030.
        let z = zones(
            "The second session opens at 10:30 a.m. GMT next Tuesday.",
            2030,
            3,
            12,
        );
        assert_eq!(z.len(), 1, "{z:?}");
        assert_eq!(z[0].0, "10:30 a.m. GMT next Tuesday");
        assert_eq!(z[0].1, "2030-03-19T10:30");
        assert_eq!(z[0].2.as_deref(), Some("+00:00"));
    }

    #[test]
    fn fixed_zones_and_local_time() {
        let z = zones(
            "Trading halted at 14:30 GMT. The blast came at 9 p.m. local time, and the \
             statement went out at 6 a.m. EDT.",
            2030,
            3,
            2,
        );
        let by = |t: &str| {
            z.iter()
                .find(|x| x.0.starts_with(t))
                .and_then(|x| x.2.clone())
        };
        assert_eq!(by("14:30").as_deref(), Some("+00:00"));
        assert_eq!(by("9 p.m."), None);
        assert_eq!(by("6 a.m.").as_deref(), Some("-04:00"));
    }
}
