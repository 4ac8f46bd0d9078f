// Publication dates of undated articles, inferred from what they report: the article
// appeared on or after the latest absolute date it reports in the past tense, before
// any absolute date it announces in the future tense, within a horizon of days after
// the latest reported event (`params.tsv`), and consistent with "this month" / "this
// week" / "this year" and past-tense weekday references.

use chrono::{Datelike, NaiveDate, Weekday};
use storyline_model::{
    DateBasis, Evidence, Precision, Published, Span, TimeMention, TimeMod, TimeValue, TimexType,
};

use crate::context::tense_at;
use crate::rules::{Tense, RULES};
use crate::value::{add_days, last_day_of_month};
use crate::{tag, Anchor};

fn param(name: &str, default: i64) -> i64 {
    RULES
        .lex
        .params
        .get(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The publication window of an undated article, inferred from its time mentions
/// (best tagged with [`Anchor::unknown`], so that only absolute dates carry bounds).
///
/// - earliest: the latest absolute date the article reports in a non-future clause
///   ("on November 16, 2024" => published on or after that day); a past-tense bare
///   weekday ("on Sunday") moves it to the first such weekday on or after that date,
///   when that stays inside the horizon (news names weekdays of the past week);
/// - latest: only what the text supports: the end of the earliest's month / ISO week /
///   year when the text says "this month" / "this week" / "this year", and the start
///   of any absolute date announced in the future tense. Without such evidence the
///   window is open (`latest: null`, `mod: AFTER`): an article that reports an event
///   may have been written long after it, and a guessed horizon would be a guess
///   presented as a bound;
/// - value: the day when the window is one day, the month when it sits in one month,
///   else the earliest day.
///
/// `doc` is the document id for the evidence. `None` when the text reports no
/// absolute date.
pub fn infer_published(doc: &str, text: &str, mentions: &[TimeMention]) -> Option<Published> {
    let lex = &RULES.lex;
    let mut lower: Option<(NaiveDate, &TimeMention)> = None;
    let mut future_cap: Option<NaiveDate> = None;
    for m in mentions {
        if !matches!(m.kind, TimexType::Date | TimexType::Time) || m.value.relative {
            continue;
        }
        if m.value.modifier.is_some() {
            continue;
        }
        let Some(e) = m.value.earliest else {
            continue;
        };
        match tense_at(lex, text, m.start, m.end) {
            Some(Tense::Future) => {
                future_cap = Some(future_cap.map_or(e, |c| c.min(e)));
            }
            _ => {
                if lower.is_none_or(|(d, _)| e > d) {
                    lower = Some((e, m));
                }
            }
        }
    }
    let (mut earliest, mut basis_mention) = lower?;
    let weekday_window = param("weekday_window", 6);
    let cap = future_cap.filter(|c| *c >= earliest);
    // Past-tense bare weekdays ("on Sunday"): the first such day after the latest
    // dated event, when it lies within the weekday window (and before any cap).
    for m in mentions {
        let v = &m.value.value;
        let Some(n) = v
            .strip_prefix("XXXX-WXX-")
            .and_then(|n| n.get(..1))
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        let lower_text = m.text.to_lowercase();
        if ["last", "next", "this", "coming", "the "]
            .iter()
            .any(|w| lower_text.starts_with(w))
        {
            continue;
        }
        if tense_at(lex, text, m.start, m.end) != Some(Tense::Past) {
            continue;
        }
        let cur = earliest.weekday().number_from_monday() as i64;
        let fwd = (n as i64 - cur).rem_euclid(7);
        if fwd == 0 || fwd > weekday_window {
            continue;
        }
        if let Some(w) = add_days(earliest, fwd) {
            if cap.is_none_or(|c| w <= c) {
                earliest = w;
                basis_mention = m;
            }
        }
    }
    let mut latest: Option<NaiveDate> = cap;
    // "this month" / "this week" / "this year" place the article in the period of
    // the events it reports.
    let lower_texts: Vec<String> = mentions.iter().map(|m| m.text.to_lowercase()).collect();
    let says = |phrase: &str| lower_texts.iter().any(|t| t.contains(phrase));
    let mut tighten = |bound: Option<NaiveDate>| {
        if let Some(b) = bound {
            latest = Some(latest.map_or(b, |l| l.min(b)));
        }
    };
    if says("this month") {
        tighten(last_day_of_month(earliest.year(), earliest.month()));
    }
    if says("this week") {
        let w = earliest.iso_week();
        tighten(NaiveDate::from_isoywd_opt(w.year(), w.week(), Weekday::Sun));
    }
    if says("this year") {
        tighten(NaiveDate::from_ymd_opt(earliest.year(), 12, 31));
    }
    let latest = latest.map(|l| l.max(earliest));
    let (value, precision, modifier) = match latest {
        Some(l) if l == earliest => (
            earliest.format("%Y-%m-%d").to_string(),
            Precision::Day,
            None,
        ),
        Some(l) if (earliest.year(), earliest.month()) == (l.year(), l.month()) => {
            (earliest.format("%Y-%m").to_string(), Precision::Month, None)
        }
        Some(_) => (
            earliest.format("%Y-%m-%d").to_string(),
            Precision::Day,
            None,
        ),
        None => (
            earliest.format("%Y-%m-%d").to_string(),
            Precision::Day,
            Some(TimeMod::After),
        ),
    };
    let mut value = TimeValue::bounded(value, precision, Some(earliest), latest);
    value.modifier = modifier;
    Some(Published {
        value,
        basis: DateBasis::Content,
        evidence: Evidence::new(doc, text, Span::new(basis_mention.start, basis_mention.end)),
        source_text: None,
        story: Vec::new(),
    })
}

/// The publication window of an undated article on the assumption that the calendar
/// dates it gives without a year ("Feb. 28", "March 6") fall in `year`, for when
/// something outside the text (the rest of a corpus on the same story) says which
/// year is meant. A year-less date whose past reading does not fall in `year` (it is
/// announced in the future tense) is left out. `None` when no evidence remains.
pub fn infer_published_in_year(doc: &str, text: &str, year: i32) -> Option<Published> {
    infer_published_in_years(doc, text, year..=year)
        .pop()
        .map(|(_, p)| p)
}

/// [`infer_published_in_year`] for each year of `years` (the text is tagged once):
/// the years that give a window, with it.
pub fn infer_published_in_years(
    doc: &str,
    text: &str,
    years: std::ops::RangeInclusive<i32>,
) -> Vec<(i32, Published)> {
    let unanchored = tag(text, &Anchor::unknown());
    let mut out = Vec::new();
    for year in years {
        let mentions: Vec<TimeMention> = unanchored
            .iter()
            .map(|m| match in_year(&m.value, year) {
                Some(value) => TimeMention { value, ..m.clone() },
                None => m.clone(),
            })
            .collect();
        if let Some(p) = infer_published(doc, text, &mentions) {
            out.push((year, p));
        }
    }
    out
}

/// A year-less calendar date ("XXXX-03-06", "XXXX-10", "mid-October") read in
/// `year`, as plain bounds (a part of a month keeps its days: MID = 11th-20th).
fn in_year(v: &TimeValue, year: i32) -> Option<TimeValue> {
    let rest = v.value.strip_prefix("XXXX-")?;
    let mut parts = rest.split('-');
    let month: u32 = parts.next()?.parse().ok()?;
    match parts.next() {
        Some(day) => {
            let d = NaiveDate::from_ymd_opt(year, month, day.parse().ok()?)?;
            (parts.next().is_none() && v.modifier.is_none()).then(|| TimeValue::day(d))
        }
        None => {
            let last = last_day_of_month(year, month)?;
            let (from, to) = match v.modifier {
                None => (1, last.day()),
                Some(TimeMod::Start) => (1, 10),
                Some(TimeMod::Mid) => (11, 20),
                Some(TimeMod::End) => (21, last.day()),
                Some(_) => return None,
            };
            Some(TimeValue::bounded(
                format!("{year:04}-{month:02}"),
                Precision::Month,
                NaiveDate::from_ymd_opt(year, month, from),
                NaiveDate::from_ymd_opt(year, month, to),
            ))
        }
    }
}

/// Tags an undated article: infers its publication window from its content, then
/// resolves its relative expressions against that window. Returns the inferred date
/// (`None` when nothing in the text fixes it) and the mentions.
pub fn tag_undated(doc: &str, text: &str) -> (Option<Published>, Vec<TimeMention>) {
    let first = tag(text, &Anchor::unknown());
    match infer_published(doc, text, &first) {
        Some(p) => {
            let mentions = tag(text, &Anchor::from_time_value(&p.value));
            (Some(p), mentions)
        }
        None => (None, first),
    }
}
