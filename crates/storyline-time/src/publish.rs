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
    })
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
