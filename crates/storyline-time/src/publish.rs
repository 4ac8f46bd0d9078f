// Publication dates of undated articles, inferred from what they report: the article
// appeared on or after the latest absolute date it reports in the past tense, and
// before any absolute date it announces in the future tense. Only bounds the text
// supports: page stamps (comments, updates) and unanchored cues bound nothing.

use chrono::{Datelike, NaiveDate};
use storyline_model::{
    DateBasis, Evidence, Precision, Published, Span, TimeMention, TimeMod, TimeValue, TimexType,
};

use crate::context::{tense_at, words};
use crate::rules::{norm_key, Tense, RULES};
use crate::value::last_day_of_month;
use crate::{tag, Anchor};

/// The publication window of an undated article, inferred from its time mentions
/// (best tagged with [`Anchor::unknown`], so that only absolute dates carry bounds).
///
/// - earliest: the latest absolute date the article reports in the past tense
///   ("on November 16, 2024" => published on or after that day), not counting page
///   stamps ([`stamp`]), or the article's own stamp on its first line ("March 3, 2011
///   | By …"), which is then also its latest day; a past-tense weekday ("on Sunday") does not move it, as
///   nothing says whether that day came after the dated event;
/// - latest: only what the text supports: the start of any absolute date announced in
///   the future tense as the time of its clause ("will vote on March 3"; "this month"
///   does not say which reported event lies in the article's month, so it bounds
///   nothing), and the day of the earliest reader comment the page carries. Without
///   such evidence the
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
    // the earliest comment's day, and the article's own stamp on its first line
    let mut comment_cap: Option<NaiveDate> = None;
    let mut byline: Option<(NaiveDate, &TimeMention)> = None;
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
        match stamp(text, m.start, m.end) {
            None => {}
            Some(Stamp::Comment) => {
                comment_cap = Some(comment_cap.map_or(e, |c| c.min(e)));
                continue;
            }
            Some(Stamp::Byline) => {
                byline = byline.or(Some((e, m)));
                continue;
            }
            Some(Stamp::Other) => continue,
        }
        match tense_at(lex, text, m.start, m.end) {
            Some(Tense::Future) if is_adverbial(text, m.start) && after_modal(text, m.start) => {
                // "will vote in 2013" was written before the end of 2013
                if let Some(l) = m.value.latest {
                    future_cap = Some(future_cap.map_or(l, |c| c.min(l)));
                }
            }
            // only a date the text reports in the past tense bounds the article from
            // below: a date in a clause without a tensed verb may be a page's chrome
            // (a sidebar's stamps, a clock "2047 in Cairo"), one in the present tense a
            // plan ("is supposed to happen by 2012")
            Some(Tense::Past) if reports_event(text, m) && lower.is_none_or(|(d, _)| e > d) => {
                lower = Some((e, m));
            }
            _ => {}
        }
    }
    // the article's own stamp is its day when nothing it reports comes later
    if let Some((d, m)) = byline {
        if m.value.precision == Precision::Day && lower.is_none_or(|(l, _)| l <= d) {
            lower = Some((d, m));
            future_cap = Some(future_cap.map_or(d, |c| c.min(d)));
        }
    }
    if let Some(c) = comment_cap {
        future_cap = Some(future_cap.map_or(c, |f| f.min(c)));
    }
    // "earlier this month, on March 3": a relative expression right next to a date
    // ties the article to it. A tie that contradicts the window is left out.
    let ties = tied_windows(text, mentions);
    let (mut earliest, mut basis_mention) = match lower {
        Some(l) => l,
        None => {
            let &(lo, _, m) = ties.first()?;
            (lo, m)
        }
    };
    let mut latest = future_cap.filter(|c| *c >= earliest);
    for &(lo, hi, m) in &ties {
        let (e, l) = (earliest.max(lo), latest.map_or(hi, |x| x.min(hi)));
        if e <= l {
            if e > earliest {
                basis_mention = m;
            }
            (earliest, latest) = (e, Some(l));
        }
    }
    // A past-tense weekday ("on Sunday") names a day of the week before publication,
    // but not whether that day came after the latest dated event, and "this month"
    // alone does not say which reported event lies in the article's month: neither
    // bounds the window. (Taking them as the days just after the latest dated event
    // made 7 more of 73 windows miss the true day on Timeline17's tune half.)
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

/// The publication windows that relative expressions written right next to a date
/// give ("yesterday, March 3" => March 4; "earlier this month, on March 3" => March
/// 3 to 31): `(earliest, latest, relative mention)`, in text order.
fn tied_windows<'m>(
    text: &str,
    mentions: &'m [TimeMention],
) -> Vec<(NaiveDate, NaiveDate, &'m TimeMention)> {
    let mut out = Vec::new();
    for (i, r) in mentions.iter().enumerate() {
        let Some(rel) = RULES.lex.crossrefs.get(&norm_key(&r.text)) else {
            continue;
        };
        // the nearest neighbouring mention, with only a comma, "on" / "in" or a dash
        // between them
        let near = [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| mentions.get(j))
            .find(|d| {
                let (a, b) = if d.start >= r.end {
                    (r.end, d.start)
                } else {
                    (d.end, r.start)
                };
                a <= b
                    && text.get(a..b).is_some_and(|gap| {
                        gap.len() <= 8
                            && gap
                                .split(|c: char| !c.is_alphanumeric())
                                .all(|w| w.is_empty() || matches!(w, "on" | "in"))
                    })
            });
        let Some(d) = near else { continue };
        // the tie tells of a day gone by ("will be held this month, on March 28" says
        // nothing of how long before March 28 it was written)
        if d.value.relative
            || d.value.modifier.is_some()
            || stamp(text, d.start, d.end).is_some()
            || tense_at(&RULES.lex, text, d.start, d.end) != Some(Tense::Past)
        {
            continue;
        }
        let Some(day) = d.value.earliest else {
            continue;
        };
        let daily = d.value.precision == Precision::Day;
        let monday = |x: NaiveDate| {
            x.checked_sub_signed(chrono::Duration::days(
                x.weekday().num_days_from_monday() as i64
            ))
        };
        let plus = |x: NaiveDate, n: i64| x.checked_add_signed(chrono::Duration::days(n));
        let next_month = |x: NaiveDate| {
            if x.month() == 12 {
                NaiveDate::from_ymd_opt(x.year() + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(x.year(), x.month() + 1, 1)
            }
        };
        let year_end = |y: i32| NaiveDate::from_ymd_opt(y, 12, 31);
        let w = match (rel.as_str(), daily) {
            ("next_day", true) => day.succ_opt().map(|n| (n, n)),
            ("same_day", true) => Some((day, day)),
            ("same_week", true) => monday(day).and_then(|m| Some((day, plus(m, 6)?))),
            ("next_week", true) => {
                let m = monday(day).and_then(|m| plus(m, 7));
                m.and_then(|m| Some((m, plus(m, 6)?)))
            }
            ("same_month", true) => last_day_of_month(day.year(), day.month()).map(|l| (day, l)),
            ("next_month", true) => {
                next_month(day).and_then(|f| Some((f, last_day_of_month(f.year(), f.month())?)))
            }
            ("same_year", _) => year_end(day.year()).map(|l| (day, l)),
            ("next_year", _) => NaiveDate::from_ymd_opt(day.year() + 1, 1, 1)
                .and_then(|f| Some((f, year_end(f.year())?))),
            _ => None,
        };
        if let Some((lo, hi)) = w {
            out.push((lo, hi, r));
        }
    }
    out
}

/// What a date written as a page's stamp stamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stamp {
    /// A comment or reply, posted after the article.
    Comment,
    /// The article's own date line at the top ("March 3, 2011 | By …").
    Byline,
    /// Any other stamp: an update, a post in a sidebar or widget.
    Other,
}

/// Whether `text` opens with a phrase of `kind` from `resources/time/stamps.tsv`.
/// Only its first words are read (this runs for every date of a document).
fn stamp_word(kind: &str, text: &str) -> bool {
    let head: Vec<String> = words(text).take(3).map(str::to_lowercase).collect();
    RULES.lex.stamps.iter().any(|(k, p)| {
        k == kind && {
            let n = p.split(' ').count();
            n <= head.len() && head[..n].join(" ") == *p
        }
    })
}

/// Whether a date is written as a page's stamp rather than as a reported event, and
/// of what: followed by a bar, by "at" and a clock time, or by a widget's word
/// ("January 30, 2011 at 8:03 am | Report abuse", "March 3, 2011 | By …", "… 2013
/// RETWEET"), or after "posted" / "updated" (`resources/time/stamps.tsv`).
fn stamp(text: &str, start: usize, end: usize) -> Option<Stamp> {
    let mut after = text.get(end..).unwrap_or("").trim_start();
    let mut stamped = false;
    if let Some(rest) = after.strip_prefix("at ") {
        let rest = rest.trim_start();
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&digits) && rest.as_bytes().get(digits) == Some(&b':') {
            stamped = true;
            // past the clock, its am/pm and zone
            let clock_end = rest
                .find(|c: char| c.is_whitespace() || c == '|')
                .unwrap_or(rest.len());
            after = rest[clock_end..].trim_start();
            for _ in 0..2 {
                let w = after.split_whitespace().next().unwrap_or("");
                let lw = w.to_lowercase();
                if matches!(lw.as_str(), "am" | "pm" | "a.m." | "p.m.")
                    || (w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase()) && !w.is_empty())
                {
                    after = after[w.len()..].trim_start();
                }
            }
        }
    }
    // "began on Nov. 26, 2008 at 9:30 p.m. when …" is an event: a clock makes a
    // stamp only when a bar, a stamp word or the end of the line follows it
    if stamped {
        let line_rest = after.split('\n').next().unwrap_or("").trim();
        if !(line_rest.is_empty()
            || line_rest.starts_with('|')
            || stamp_word("comment", line_rest)
            || stamp_word("widget", line_rest))
        {
            stamped = false;
        }
    }
    let bar = after.starts_with('|');
    if bar {
        stamped = true;
        after = after[1..].trim_start();
    }
    if stamp_word("comment", after) {
        return stamped.then_some(Stamp::Comment);
    }
    if stamp_word("widget", after) {
        return Some(Stamp::Other);
    }
    let prev = word_before(text, start);
    if (stamp_word("update", &prev) || stamp_word("posted", &prev)) && opens_line(text, start) {
        return Some(Stamp::Other);
    }
    if bar && stamp_word("byline", after) && text.get(..start).is_some_and(|h| !h.contains('\n')) {
        return Some(Stamp::Byline);
    }
    stamped.then_some(Stamp::Other)
}

/// Whether only the one word before byte `start` (and punctuation) stands between
/// the start of its line and `start` ("Updated: March 3", not "the report, published
/// March 3").
fn opens_line(text: &str, start: usize) -> bool {
    let head = text.get(..start).unwrap_or("");
    words(&head[head.rfind('\n').map_or(0, |i| i + 1)..]).count() <= 1
}

/// The word before byte `start`, lower-cased.
fn word_before(text: &str, start: usize) -> String {
    words(text.get(..start).unwrap_or(""))
        .next_back()
        .unwrap_or("")
        .to_lowercase()
}

/// Whether a past-tense date mention tells when something happened, so that the
/// article came after it: not a deadline or limit ("predicted $5 gas by 2012", "until
/// 2013", "set for 2030"), and a bare year only as the time of its clause ("in 2009",
/// "since 2006"; not "the 2012 elections", "the class of 2031", "thinking about
/// 2012", "heads into 2012").
fn reports_event(text: &str, m: &TimeMention) -> bool {
    let prev = word_before(text, m.start);
    if matches!(
        prev.as_str(),
        "by" | "until" | "till" | "through" | "before" | "to" | "into" | "for"
    ) {
        return false;
    }
    if m.value.precision == Precision::Year {
        // "the 2012 elections" may lie ahead; "the October 7 attack" is told as past
        return matches!(prev.as_str(), "in" | "since" | "from" | "during" | "")
            || text
                .get(..m.start)
                .unwrap_or("")
                .trim_end()
                .ends_with(['.', '\n']);
    }
    true
}

/// Whether the date at `start` is the time of its clause's verb ("will vote on March
/// 3") rather than part of a noun phrase ("will report on the March 3, 2009,
/// shooting"): a preposition of time right before it.
fn is_adverbial(text: &str, start: usize) -> bool {
    matches!(
        word_before(text, start).as_str(),
        "on" | "by"
            | "in"
            | "until"
            | "till"
            | "before"
            | "after"
            | "from"
            | "at"
            | "during"
            | "through"
    )
}

/// Whether a future modal ("will", "'ll", "shall", "won't") stands between the start
/// of the sentence and byte `start`: the future of the clause is the writer's, not a
/// plan reported in the past ("was scheduled for").
fn after_modal(text: &str, start: usize) -> bool {
    let head = text.get(..start).unwrap_or("");
    let from = head.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    words(&head[from..]).any(|w| {
        let w = w.to_lowercase().replace('’', "'");
        matches!(w.as_str(), "will" | "shall" | "won't" | "wo") || w.ends_with("'ll")
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
