// The normalisation functions that `patterns.tsv` names: each reads the named groups
// of a rule match (and the rule's fixed args) and resolves them against one anchor day
// (or none: then relative expressions come out with X's), the clause's tense and what
// the document said before (the last quarter mentioned, for "a year ago" in a
// quarterly report).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, Weekday};
use storyline_model::{Precision, TimexType};

use crate::rules::{norm_key, Func, Lexicon, Rule, Tense};
use crate::value::{self, add_days, add_months, apply_mod, day, day_time, Resolved};

/// One rule match: group spans are byte offsets into the text.
#[derive(Debug, Clone)]
pub(crate) struct Match {
    pub start: usize,
    pub end: usize,
    pub rule: usize,
    pub groups: Vec<Option<(usize, usize)>>,
}

/// What the document said before, per anchor side.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocState {
    /// (year, quarter) of the last quarter mentioned.
    pub last_quarter: Option<(i32, u32)>,
    /// The reference time: the first day and precision of the last calendar date
    /// mentioned (a day, week, month or year), for anaphoric expressions ("the
    /// following year", "that day", "two days later").
    pub last_date: Option<(NaiveDate, Precision)>,
    /// (month, day) -> year of the days written with their year ("October 7, 2023"):
    /// a later year-less mention of the same day names that day ("those taken on
    /// October 7"), not the anniversary nearest the article date.
    pub dated_days: HashMap<(u32, u32), i32>,
    /// The days mentioned so far (day or time precision), the latest last: the
    /// story's narrative day for a bare clock time.
    pub days: Vec<NaiveDate>,
}

impl DocState {
    /// The reference day for a unit: the last mentioned date when it is at least as
    /// fine as the unit ("two days later" needs a day, "a year later" a year),
    /// else `None`.
    fn reference_for(&self, unit: &str) -> Option<NaiveDate> {
        let (d, p) = self.last_date?;
        let fine = match p {
            Precision::Day | Precision::Time => 3,
            Precision::Week => 2,
            Precision::Month => 1,
            Precision::Year => 0,
            _ => return None,
        };
        let need = match unit {
            "day" | "D" | "weekend" | "WE" | "T-H" | "T-M" | "T-S" => 3,
            "week" | "fortnight" | "W" | "FN" => 2,
            "month" | "M" | "quarter" | "Q" => 1,
            _ => 0,
        };
        (fine >= need).then_some(d)
    }

    /// The day a past report last named within the week before `anchor`
    /// ("The quake struck Tuesday. ... It hit at 3:42 a.m."), else `anchor`.
    fn narrative_day(&self, anchor: NaiveDate) -> NaiveDate {
        self.days
            .iter()
            .rev()
            .find(|d| (0..=7).contains(&(day_key(anchor) - day_key(**d))))
            .copied()
            .unwrap_or(anchor)
    }
}

/// Everything a function may read.
pub(crate) struct Input<'a> {
    pub lex: &'a Lexicon,
    pub rule: &'a Rule,
    pub text: &'a str,
    pub m: &'a Match,
    pub tense: Option<Tense>,
    /// Whether `tense` comes from a listed cue word, not only a weak "-ed" word.
    pub tense_listed: bool,
    /// Whether `tense` is a plain past read from the clause's own verb (see
    /// `context::TenseCue`).
    pub tense_plain_past: bool,
    /// Whether `tense` was read from a verb of saying ("said").
    pub tense_saying: bool,
}

impl Input<'_> {
    /// The text of named group `name`, or the rule's fixed arg of that name.
    fn g(&self, name: &str) -> Option<&str> {
        let idx = self
            .rule
            .regex
            .capture_names()
            .position(|n| n == Some(name));
        if let Some(i) = idx {
            if let Some(Some((s, e))) = self.m.groups.get(i) {
                return self.text.get(*s..*e);
            }
        }
        self.rule.arg(name)
    }

    fn key(&self, name: &str) -> Option<String> {
        self.g(name).map(norm_key)
    }

    /// The mod of the match: a part-of-period word, a quantity word, or a fixed arg.
    fn modifier(&self) -> Option<String> {
        for name in ["pm", "qm"] {
            if let Some(k) = self.key(name) {
                if let Some(m) = self.lex.modifiers.get(&k) {
                    return Some(m.clone());
                }
                if let Some(m) = self.rule.arg(name) {
                    return Some(m.to_string());
                }
            }
        }
        None
    }
}

/// A number written in digits or words; `Some(None)` = vague ("several").
pub(crate) fn parse_num(lex: &Lexicon, s: &str) -> Option<Option<f64>> {
    let s = s.trim();
    if s == "X" {
        return Some(None);
    }
    if let Ok(v) = s.parse::<f64>() {
        return Some(Some(v));
    }
    let k = norm_key(s);
    if let Some(v) = lex.numbers.get(&k) {
        return Some(*v);
    }
    let mut total = 0.0;
    let mut cur = 0.0;
    let mut any = false;
    for part in k.split([' ', '-']).filter(|p| !p.is_empty()) {
        match lex.numbers.get(part) {
            Some(Some(v)) if *v == 100.0 => {
                cur = if cur == 0.0 { 100.0 } else { cur * 100.0 };
            }
            Some(Some(v)) if *v == 1000.0 => {
                total += if cur == 0.0 { 1000.0 } else { cur * 1000.0 };
                cur = 0.0;
            }
            Some(Some(v)) => cur += v,
            Some(None) => return Some(None),
            None => return None,
        }
        any = true;
    }
    total += cur;
    any.then_some(Some(total))
}

fn leading_digits(s: &str) -> Option<u32> {
    let d: String = s.chars().take_while(char::is_ascii_digit).collect();
    d.parse().ok()
}

fn parse_ord(lex: &Lexicon, s: &str) -> Option<u32> {
    let t = s.trim().trim_start_matches(['Q', 'q']);
    leading_digits(t).or_else(|| lex.ordinals.get(&norm_key(s)).copied())
}

fn parse_month(lex: &Lexicon, s: &str) -> Option<u32> {
    leading_digits(s).or_else(|| lex.months.get(&norm_key(s)).copied())
}

/// A year in digits ("1994") or spoken ("nineteen ninety-four", "two thousand
/// and one").
fn parse_year(lex: &Lexicon, s: &str) -> Option<i32> {
    if let Some(y) = leading_digits(s) {
        return Some(y as i32);
    }
    let s = s.trim().to_ascii_lowercase();
    let (hi, rest) = if let Some(r) = s.strip_prefix("nineteen") {
        (1900, r)
    } else if let Some(r) = s.strip_prefix("two thousand") {
        (2000, r)
    } else {
        return None;
    };
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '-');
    let rest = rest.strip_prefix("and ").unwrap_or(rest);
    if rest.is_empty() {
        return Some(hi);
    }
    let lo = parse_num(lex, &rest.replace('-', " "))??;
    (lo.fract() == 0.0 && (1.0..100.0).contains(&lo)).then(|| hi + lo as i32)
}

/// The offset a relative word names: -1 (last, past), 0 (this), +1 (next).
fn rel_offset(rel: &str) -> Option<i64> {
    let r = rel.strip_prefix("the ").unwrap_or(rel);
    Some(match r {
        "this" | "current" | "present" | "same" | "that" => 0,
        "last" | "past" | "previous" | "this past" | "preceding" | "latest" | "prior" => -1,
        "next" | "coming" | "this coming" | "following" => 1,
        _ => return None,
    })
}

/// Which occurrence of a recurring period to pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    AtOrBefore,
    Before,
    AtOrAfter,
    After,
    Nearest,
}

fn pick_from_rel_and_tense(rel: Option<&str>, tense: Option<Tense>) -> Pick {
    match rel.and_then(rel_offset) {
        Some(-1) => Pick::Before,
        Some(1) => Pick::After,
        _ => match tense {
            Some(Tense::Past) => Pick::AtOrBefore,
            Some(Tense::Future) => Pick::AtOrAfter,
            None => Pick::Nearest,
        },
    }
}

/// Chooses among candidate occurrences (sorted by time; key compared to `now`).
fn choose<T: Copy>(cands: &[(i64, T)], now: i64, pick: Pick) -> Option<T> {
    match pick {
        Pick::AtOrBefore => cands.iter().rev().find(|c| c.0 <= now).map(|c| c.1),
        Pick::Before => cands.iter().rev().find(|c| c.0 < now).map(|c| c.1),
        Pick::AtOrAfter => cands.iter().find(|c| c.0 >= now).map(|c| c.1),
        Pick::After => cands.iter().find(|c| c.0 > now).map(|c| c.1),
        Pick::Nearest => cands
            .iter()
            .min_by_key(|c| ((c.0 - now).abs(), c.0 > now))
            .map(|c| c.1),
    }
}

/// How firmly the tense of a mention's clause was read: (firm, a plain past of
/// the clause's own verb).
fn firmness(inp: &Input) -> (bool, bool) {
    (inp.tense_listed, inp.tense_plain_past)
}

/// A year-less date: the anchor's year (news speaks of this year's months), unless
/// the tense points the other way and the adjacent year's occurrence lies within
/// `limit` of `now` ("Jan. 31" in a future clause written in November is next
/// January), or unless it is farther than `limit` and the adjacent one within half
/// of it and not against a `firm` tense (one read from a listed cue word: "In
/// January, the firm hired ..." in October is this January). A plain past of the
/// clause's own verb (`own_verb`) takes last year's when this year's lies at least
/// `well_ahead` after `now`. `cands` holds the previous, this and next year's
/// occurrences (sorted); a relative word ("last", "next") picks strictly.
fn choose_tensed<T: Copy>(
    cands: &[(i64, T)],
    this: Option<(i64, T)>,
    now: i64,
    pick: Pick,
    (limit, well_ahead): (i64, i64),
    (firm, own_verb): (bool, bool),
) -> Option<T> {
    let Some(this) = this else {
        return choose(cands, now, pick);
    };
    let within = |c: &&(i64, T)| (c.0 - now).abs() <= limit;
    if !matches!(pick, Pick::Before | Pick::After) && (this.0 - now).abs() > limit {
        // Far in this year, near in the adjacent one ("January" in November), unless
        // the tense points away from it ("In January, the firm hired ...").
        let agrees = |c: &&(i64, T)| match pick {
            Pick::AtOrBefore if firm => c.0 <= now,
            Pick::AtOrAfter if firm => c.0 >= now,
            _ => true,
        };
        if let Some(c) = cands
            .iter()
            .filter(agrees)
            .find(|c| (c.0 - now).abs() <= limit / 2)
        {
            return Some(c.1);
        }
    }
    match pick {
        // A plain past of the clause's own verb: last year's when this year's lies
        // well ahead ("was sentenced in October", written in August); one only
        // weeks ahead may be the edge of an uncertain article date.
        Pick::AtOrBefore if this.0 > now => {
            let ahead = this.0 - now >= well_ahead;
            cands
                .iter()
                .rev()
                .filter(|c| c.0 <= now)
                .find(|c| within(c) || firm && own_verb && ahead)
                .map_or(Some(this.1), |c| Some(c.1))
        }
        Pick::AtOrAfter if this.0 < now => cands
            .iter()
            .filter(|c| c.0 >= now)
            .find(within)
            .map_or(Some(this.1), |c| Some(c.1)),
        Pick::Nearest if (this.0 - now).abs() > limit => choose(cands, now, Pick::Nearest),
        Pick::Before | Pick::After => choose(cands, now, pick),
        _ => Some(this.1),
    }
}

fn day_key(d: NaiveDate) -> i64 {
    d.num_days_from_ce() as i64
}

fn part_code(inp: &Input, lex: &Lexicon) -> Option<String> {
    let p = inp.g("part")?;
    Some(
        lex.dayparts
            .get(&norm_key(p))
            .cloned()
            .unwrap_or_else(|| p.to_string()),
    )
}

/// Runs the rule's function for one anchor day (`None` = unknown anchor).
pub(crate) fn resolve(
    inp: &Input,
    anchor: Option<NaiveDate>,
    st: &mut DocState,
) -> Option<Resolved> {
    let mut r = match inp.rule.func {
        Func::AbsoluteDate => {
            let r = absolute_date(inp, anchor)?;
            same_day_as_before(inp, r, st)
        }
        Func::NumericDate => numeric_date(inp, anchor)?,
        Func::WeekdayRelative => weekday_relative(inp, anchor)?,
        Func::DayOffset => day_offset(inp, anchor, st)?,
        Func::Clock => clock(inp, anchor, st)?,
        Func::OffsetAgo => offset_ago(inp, anchor, st)?,
        Func::RelativeUnit => relative_unit(inp, anchor, st)?,
        Func::Period => period(inp, anchor, st)?,
        Func::Decade => decade(inp, anchor)?,
        Func::Century => {
            let c = parse_ord(inp.lex, inp.g("ord")?)? as i32;
            value::century(c - 1)?
        }
        Func::Duration => duration(inp, anchor)?,
        Func::Set => set(inp)?,
        Func::Ref => reference(inp, anchor)?,
        Func::Holiday => holiday(inp, anchor)?,
    };
    let quarter_source = matches!(inp.rule.func, Func::Period | Func::RelativeUnit);
    if quarter_source && r.value.len() >= 7 && r.value.as_bytes().get(5) == Some(&b'Q') {
        if let (Some(y), Some(q)) = (
            r.value.get(0..4).and_then(|y| y.parse().ok()),
            r.value.get(6..7).and_then(|q| q.parse().ok()),
        ) {
            st.last_quarter = Some((y, q));
        }
    }
    if let Some(m) = inp.modifier() {
        if r.modifier.is_none() {
            apply_mod(&mut r, &m);
        }
    }
    let dated = matches!(
        inp.rule.func,
        Func::AbsoluteDate
            | Func::NumericDate
            | Func::WeekdayRelative
            | Func::DayOffset
            | Func::Clock
            | Func::OffsetAgo
            | Func::RelativeUnit
            | Func::Holiday
    );
    let fine = matches!(
        r.precision,
        Precision::Day | Precision::Time | Precision::Week | Precision::Month | Precision::Year
    );
    if dated && fine && r.value.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        if let Some(e) = r.earliest {
            st.last_date = Some((e, r.precision));
            if matches!(r.precision, Precision::Day | Precision::Time) {
                if st.days.len() >= 32 {
                    st.days.remove(0);
                }
                st.days.push(e);
            }
        }
    }
    Some(r)
}

/// Remembers a day written with its year, and gives a year-less day without a
/// relative word the year the document already gave it.
fn same_day_as_before(inp: &Input, r: Resolved, st: &mut DocState) -> Resolved {
    let month = inp.g("month").and_then(|m| parse_month(inp.lex, m));
    let dom = inp.g("day").and_then(leading_digits);
    let (Some(m), Some(d)) = (month, dom) else {
        return r;
    };
    let has_year = inp.g("year").or(inp.g("year2")).is_some();
    if has_year {
        if let Some(y) = r.value.get(0..4).and_then(|y| y.parse().ok()) {
            st.dated_days.insert((m, d), y);
        }
        return r;
    }
    if inp.key("rel").is_some() || inp.key("yrel").is_some() {
        return r;
    }
    match st
        .dated_days
        .get(&(m, d))
        .and_then(|&y| value::ymd(y, m, d))
    {
        Some(x) if !r.value.starts_with(&format!("{:04}-", x.year())) => day(x).rel(),
        _ => r,
    }
}

/// A calendar date, month or year; a year-less one takes the year the tense and the
/// relative word imply.
fn absolute_date(inp: &Input, anchor: Option<NaiveDate>) -> Option<Resolved> {
    let lex = inp.lex;
    let month = inp.g("month").and_then(|m| parse_month(lex, m));
    let dom = inp.g("day").and_then(leading_digits);
    let mut year = inp
        .g("year")
        .or(inp.g("year2"))
        .and_then(|y| parse_year(lex, y));
    let mut relative = false;
    if year.is_none() {
        if let Some(k) = inp.key("yrel") {
            let off = rel_offset(&k)?;
            match anchor {
                Some(a) => year = Some(a.year() + off as i32),
                None => {
                    return Some(
                        match (month, dom) {
                            (Some(m), Some(d)) => {
                                Resolved::open(format!("XXXX-{m:02}-{d:02}"), Precision::Day)
                            }
                            (Some(m), None) => {
                                Resolved::open(format!("XXXX-{m:02}"), Precision::Month)
                            }
                            _ => Resolved::open("XXXX", Precision::Year),
                        }
                        .rel(),
                    )
                }
            }
            relative = true;
        }
    }
    let r = match (year, month, dom) {
        (Some(y), None, _) => value::year(y)?,
        (Some(y), Some(m), Some(d)) => day(value::ymd(y, m, d)?),
        (Some(y), Some(m), None) => value::month(y, m)?,
        (None, Some(m), d) => {
            let pick = pick_from_rel_and_tense(inp.key("rel").as_deref(), inp.tense);
            let Some(a) = anchor else {
                return Some(match d {
                    Some(d) => {
                        value::ymd(2000, m, d)?; // validates day of month (leap year)
                        Resolved::open(format!("XXXX-{m:02}-{d:02}"), Precision::Day).rel()
                    }
                    None => Resolved::open(format!("XXXX-{m:02}"), Precision::Month).rel(),
                });
            };
            let this_only = inp.key("rel").as_deref() == Some("this");
            // "since October": a period that has begun, so the latest past one.
            let since = !this_only && crate::context::follows_since(inp.text, inp.m.start);
            let mut out = None;
            match d {
                Some(d) => {
                    let cands: Vec<(i64, NaiveDate)> = (-1..=1)
                        .filter_map(|k| value::ymd(a.year() + k, m, d))
                        .map(|x| (day_key(x), x))
                        .collect();
                    if cands.is_empty() {
                        return None;
                    }
                    let this = value::ymd(a.year(), m, d).map(|x| (day_key(x), x));
                    let x = if this_only {
                        this.map(|t| t.1)
                    } else if since {
                        choose(&cands, day_key(a), Pick::AtOrBefore)
                    } else {
                        choose_tensed(&cands, this, day_key(a), pick, (183, 45), firmness(inp))
                    };
                    if let Some(x) = x {
                        out = Some(day(x));
                    }
                }
                None => {
                    let now = a.year() as i64 * 12 + a.month() as i64;
                    let cands: Vec<(i64, i32)> = (-1..=1)
                        .map(|k| {
                            let y = a.year() + k;
                            (y as i64 * 12 + m as i64, y)
                        })
                        .collect();
                    let this = (a.year() as i64 * 12 + m as i64, a.year());
                    let y = if this_only {
                        Some(a.year())
                    } else if since {
                        choose(&cands, now, Pick::AtOrBefore)
                    } else {
                        choose_tensed(&cands, Some(this), now, pick, (6, 2), firmness(inp))
                    };
                    if let Some(y) = y {
                        out = value::month(y, m);
                    }
                }
            }
            let mut r = out?;
            r.relative = true;
            r
        }
        _ => return None,
    };
    let mut r = r;
    r.relative |= relative;
    Some(r)
}

/// 10/27/2023, 27/10/2023: day-month order from the numbers, US order when both read.
fn numeric_date(inp: &Input, anchor: Option<NaiveDate>) -> Option<Resolved> {
    let a = leading_digits(inp.g("a")?)?;
    let b = leading_digits(inp.g("b")?)?;
    let ys = inp.g("year")?;
    let mut y = leading_digits(ys)? as i32;
    if ys.len() == 2 {
        // Two-digit year: the century that puts it nearest the anchor (or 2000s).
        let base = anchor.map_or(2000, |d| d.year() / 100 * 100);
        let cands = [base - 100 + y, base + y, base + 100 + y];
        let now = anchor.map_or(2000, |d| d.year());
        y = cands.into_iter().min_by_key(|c| (c - now).abs())?;
    }
    let (m, d, ambiguous) = if a > 12 {
        (b, a, false)
    } else if b > 12 {
        (a, b, false)
    } else {
        (a, b, a != b)
    };
    let mut r = day(value::ymd(y, m, d)?);
    r.ambiguous = ambiguous;
    Some(r)
}

/// The weekday `wd` nearest the anchor in the direction the relative word or tense
/// implies (news convention: past tense -> at or before the article date).
fn weekday_day(inp: &Input, anchor: NaiveDate, wd: u32) -> (NaiveDate, bool) {
    let rel = inp.key("rel");
    let cur = value::weekday_num(anchor) as i64;
    let wd = wd as i64;
    let back = (cur - wd).rem_euclid(7); // days back to the weekday (0 = today)
    let fwd = (wd - cur).rem_euclid(7);
    let mut ambiguous = false;
    let pick = match rel.as_deref() {
        Some("this") => match inp.tense {
            Some(Tense::Past) => Pick::AtOrBefore,
            _ => Pick::AtOrAfter,
        },
        r => {
            let p = pick_from_rel_and_tense(r, inp.tense);
            if p == Pick::Nearest {
                ambiguous = true;
                Pick::AtOrBefore
            } else {
                p
            }
        }
    };
    let off = match pick {
        Pick::AtOrBefore => -back,
        Pick::Before => -(if back == 0 { 7 } else { back }),
        Pick::AtOrAfter => fwd,
        Pick::After => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Pick::Nearest => -back,
    };
    (add_days(anchor, off).unwrap_or(anchor), ambiguous)
}

fn weekday_relative(inp: &Input, anchor: Option<NaiveDate>) -> Option<Resolved> {
    let wd = *inp.lex.weekdays.get(&inp.key("wd")?)?;
    let part = part_code(inp, inp.lex);
    let Some(a) = anchor else {
        let v = match &part {
            Some(p) => format!("XXXX-WXX-{wd}T{p}"),
            None => format!("XXXX-WXX-{wd}"),
        };
        let prec = if part.is_some() {
            Precision::Time
        } else {
            Precision::Day
        };
        return Some(Resolved::open(v, prec).rel());
    };
    let (d, ambiguous) = weekday_day(inp, a, wd);
    let mut r = match part {
        Some(p) => day_time(d, &p),
        None => day(d),
    };
    r.ambiguous = ambiguous;
    Some(r.rel())
}

fn day_offset(inp: &Input, anchor: Option<NaiveDate>, st: &DocState) -> Option<Resolved> {
    let off: i64 = inp.g("offset")?.parse().ok()?;
    // "that night", "the next morning": from the reference day when there is one.
    let anchor = match (anchor, inp.g("base")) {
        (Some(a), Some("ref")) => Some(st.reference_for("day").unwrap_or(a)),
        // "crews worked overnight": in a past report, the day last named
        (Some(a), Some("narrative")) if narrated_past(inp) => Some(st.narrative_day(a)),
        (a, _) => a,
    };
    let part = part_code(inp, inp.lex);
    let Some(a) = anchor else {
        return Some(
            match part {
                Some(p) => Resolved::open(format!("XXXX-XX-XXT{p}"), Precision::Time),
                None => Resolved::open("XXXX-XX-XX", Precision::Day),
            }
            .rel(),
        );
    };
    let d = add_days(a, off)?;
    Some(
        match part {
            Some(p) => day_time(d, &p),
            None => day(d),
        }
        .rel(),
    )
}

fn clock(inp: &Input, anchor: Option<NaiveDate>, st: &DocState) -> Option<Resolved> {
    let lex = inp.lex;
    let t = if let Some(p) = inp.key("part") {
        lex.dayparts.get(&p)?.clone()
    } else {
        let h = parse_num(lex, inp.g("hour")?)??;
        if !(0.0..=24.0).contains(&h) || h.fract() != 0.0 {
            return None;
        }
        let mut h = h as u32;
        let min = inp.g("min").and_then(leading_digits).unwrap_or(0);
        if let Some(ap) = inp.key("ampm") {
            let pm = ap.starts_with('p');
            if h == 12 {
                h = if pm { 12 } else { 0 };
            } else if pm {
                h += 12;
            }
        }
        format!("{h:02}:{min:02}")
    };
    // The day: a weekday, today/yesterday/tomorrow, a month and day, or the anchor.
    let d = if let Some(wd) = inp.key("wd").and_then(|w| lex.weekdays.get(&w).copied()) {
        match anchor {
            Some(a) => Some(weekday_day(inp, a, wd).0),
            None => {
                return Some(Resolved::open(format!("XXXX-WXX-{wd}T{t}"), Precision::Time).rel())
            }
        }
    } else if let Some(deic) = inp.key("deic") {
        anchor.and_then(|a| add_days(a, deictic_offset(&deic).unwrap_or(0)))
    } else if let (Some(m), Some(dd)) = (
        inp.g("month").and_then(|m| parse_month(lex, m)),
        inp.g("day").and_then(leading_digits),
    ) {
        match anchor {
            Some(a) => {
                let cands: Vec<(i64, NaiveDate)> = (-1..=1)
                    .filter_map(|k| value::ymd(a.year() + k, m, dd))
                    .map(|x| (day_key(x), x))
                    .collect();
                choose(&cands, day_key(a), Pick::Nearest)
            }
            None => {
                return Some(
                    Resolved::open(format!("XXXX-{m:02}-{dd:02}T{t}"), Precision::Time).rel(),
                )
            }
        }
    } else if let Some(a) = anchor {
        match day_in_sentence(inp) {
            // "at 10:40 a.m. (0740 GMT) Friday": the day named in the same sentence.
            SentenceDay::One(DayWord::Weekday(wd)) => Some(weekday_day(inp, a, wd).0),
            SentenceDay::One(DayWord::Offset(k)) => add_days(a, k),
            // A bare "at 4:15 p.m." in a past report tells the time of the day the
            // story last named ("The high reached 106 degrees Wednesday. ... It
            // peaked at 4:15 p.m."), a day of the week before the anchor; not
            // when only "said" is past ("The service is at 2 p.m., officials
            // said").
            SentenceDay::None if narrated_past(inp) => Some(st.narrative_day(a)),
            // no day, or two different days: the anchor's
            _ => Some(a),
        }
    } else {
        None
    };
    let mut r = match d {
        Some(d) => day_time(d, &t).rel(),
        None => Resolved::open(format!("XXXX-XX-XXT{t}"), Precision::Time).rel(),
    };
    r.zone = inp.key("zone").and_then(|z| zone_offset(lex, &z, d));
    Some(r)
}

/// The day offset a deictic word names: today 0, yesterday -1, tomorrow 1.
fn deictic_offset(word: &str) -> Option<i64> {
    match word {
        "today" | "tonight" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    }
}

/// Whether a mention's clause is past by a verb of its own, not only by "said".
fn narrated_past(inp: &Input) -> bool {
    inp.tense == Some(Tense::Past) && !inp.tense_saying
}

/// What the sentence around a clock time says of its day.
enum SentenceDay {
    /// No day word.
    None,
    /// One day, perhaps named more than once.
    One(DayWord),
    /// Two different days, or a day after "last"/"next"/"this"/"every"/"each".
    Unclear,
}

/// A day named by one word: a weekday, or today / yesterday / tomorrow.
#[derive(Clone, Copy, PartialEq)]
enum DayWord {
    Weekday(u32),
    Offset(i64),
}

/// The day word nearest a clock time in its sentence, when the sentence names only
/// one day (and not after "last"/"next"/"this", which the weekday rules resolve on
/// their own terms).
fn day_in_sentence(inp: &Input) -> SentenceDay {
    let text = inp.text;
    let s = crate::context::sentence_start(text, inp.m.start);
    let e = crate::context::sentence_end(text, inp.m.end).max(inp.m.end);
    let Some(sentence) = text.get(s..e) else {
        return SentenceDay::None;
    };
    // (distance from the mention, day)
    let mut nearest: Option<(usize, DayWord)> = None;
    let mut prev = "";
    for w in crate::context::words(sentence) {
        let key = w
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .to_lowercase();
        let day = match deictic_offset(&key) {
            Some(k) => Some(DayWord::Offset(k)),
            // capitalised full weekday names only ("Sun", "Wed" are often other words)
            None if key.len() >= 6 && w.starts_with(char::is_uppercase) => {
                inp.lex.weekdays.get(&key).map(|&wd| DayWord::Weekday(wd))
            }
            None => None,
        };
        if let Some(day) = day {
            if ["last", "next", "this", "every", "each"]
                .iter()
                .any(|p| prev.eq_ignore_ascii_case(p))
            {
                return SentenceDay::Unclear;
            }
            // byte offset of `w` in `text` (`w` is a slice of `sentence`)
            let pos = s + (w.as_ptr() as usize - sentence.as_ptr() as usize);
            let dist = pos.abs_diff(inp.m.start).min(pos.abs_diff(inp.m.end));
            match nearest {
                Some((_, other)) if other != day => return SentenceDay::Unclear,
                Some((d, _)) if d <= dist => {}
                _ => nearest = Some((dist, day)),
            }
        }
        prev = w;
    }
    nearest.map_or(SentenceDay::None, |(_, day)| SentenceDay::One(day))
}

/// The UTC offset a zone word names on day `d` ("ET" is -04:00 in US summer time,
/// -05:00 otherwise; "EST" is always -05:00). A zone that follows daylight saving
/// time gives no offset when the day is unknown.
fn zone_offset(lex: &Lexicon, zone: &str, d: Option<NaiveDate>) -> Option<String> {
    let (standard, us_dst) = lex.zones.get(zone)?;
    if !us_dst {
        return Some(standard.clone());
    }
    let d = d?;
    let summer = us_daylight_time(d)?;
    let sign = if standard.starts_with('-') { -1 } else { 1 };
    let hours: i32 = standard.get(1..3)?.parse().ok()?;
    let mins = standard.get(4..6)?;
    let h = sign * hours + i32::from(summer);
    Some(format!(
        "{}{:02}:{mins}",
        if h < 0 { '-' } else { '+' },
        h.abs()
    ))
}

/// Whether US daylight saving time is in force on day `d` (by the day: the switch
/// at 2 a.m. is ignored): since 2007 from the second Sunday of March to the first
/// Sunday of November; 1987-2006 from the first Sunday of April, and 1967-1986 from
/// the last Sunday of April, to the last Sunday of October. Before 1967 there was no
/// uniform rule, so there is no answer.
fn us_daylight_time(d: NaiveDate) -> Option<bool> {
    let y = d.year();
    let nth_sunday =
        |month: u32, n: u8| NaiveDate::from_weekday_of_month_opt(y, month, Weekday::Sun, n);
    let last_sunday = |month: u32| (1..=5).rev().find_map(|n| nth_sunday(month, n));
    let (start, end) = match y {
        2007.. => (nth_sunday(3, 2)?, nth_sunday(11, 1)?),
        1987..=2006 => (nth_sunday(4, 1)?, last_sunday(10)?),
        1967..=1986 => (last_sunday(4)?, last_sunday(10)?),
        _ => return None,
    };
    Some(d >= start && d < end)
}

/// The TIMEX3 unit code of a unit word or code.
fn unit_code(lex: &Lexicon, s: &str) -> Option<String> {
    let k = norm_key(s);
    lex.units.get(&k).cloned().or_else(|| {
        matches!(
            k.as_str(),
            "y" | "m" | "w" | "d" | "q" | "e" | "c" | "l" | "t-h" | "t-m" | "t-s" | "fn" | "we"
        )
        .then(|| k.to_uppercase())
    })
}

fn sign_of(dir: &str) -> i64 {
    match dir {
        "later" | "from now" | "hence" | "after" => 1,
        _ => -1,
    }
}

/// "two weeks ago", "a year earlier": a point `n` units from the anchor, at the
/// unit's granularity (weeks and days as days).
fn offset_ago(inp: &Input, anchor: Option<NaiveDate>, st: &DocState) -> Option<Resolved> {
    let lex = inp.lex;
    let n = parse_num(lex, inp.g("num")?)?;
    let unit = unit_code(lex, inp.g("unit")?)?;
    let sign = sign_of(&inp.key("dir").unwrap_or_default());
    let Some(n) = n else {
        // "years ago": only the direction is known.
        return reference_value(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }, anchor);
    };
    // "a year and a half ago"
    let n = if inp.g("half").is_some() { n + 0.5 } else { n };
    let ord = inp.g("ord").and_then(|o| parse_ord(lex, o));
    let Some(a) = anchor else {
        let v = match unit.as_str() {
            "Y" => "XXXX",
            "M" => "XXXX-XX",
            "Q" => "XXXX-QX",
            "E" => "XXX",
            "C" => "XX",
            _ => "XXXX-XX-XX",
        };
        return Some(Resolved::open(v, Precision::Day).rel());
    };
    let k = (sign as f64 * n).round() as i64;
    // "two days later", "a year earlier": from the last date mentioned (the reference
    // time); "ago", "from now": from the article date.
    let anaphoric = matches!(inp.key("dir").as_deref(), Some("earlier" | "later"));
    let a = if anaphoric {
        st.reference_for(&unit).unwrap_or(a)
    } else {
        a
    };
    let r = match unit.as_str() {
        "Y" if n.fract() != 0.0 => {
            let (y, m) = add_months(a.year(), a.month(), (sign as f64 * n * 12.0).round() as i64);
            value::month(y, m)?
        }
        "M" if n.fract() != 0.0 => day(add_days(a, (sign as f64 * n * 30.4).round() as i64)?),
        "Y" => {
            // In a quarterly report "a year ago" is the same quarter a year before.
            if let Some(q) = ord {
                let base = st.last_quarter.map_or(a.year(), |(y, _)| y);
                value::quarter(base + k as i32, q)?
            } else if let (Some((y, q)), 1) = (st.last_quarter, n as i64) {
                value::quarter(y + k as i32, q)?
            } else {
                value::year(a.year() + k as i32)?
            }
        }
        "M" => {
            let (y, m) = add_months(a.year(), a.month(), k);
            value::month(y, m)?
        }
        "Q" => {
            let (y, m) = add_months(a.year(), a.month(), 3 * k);
            value::quarter(y, (m - 1) / 3 + 1)?
        }
        "W" => day(add_days(a, (sign as f64 * n * 7.0).round() as i64)?),
        "FN" => day(add_days(a, (sign as f64 * n * 14.0).round() as i64)?),
        "D" => day(add_days(a, k)?),
        "E" => value::decade(a.year() / 10 + k as i32)?,
        "C" => value::century(a.year() / 100 + k as i32)?,
        "WE" => value::weekend(add_days(a, 7 * k)?)?,
        _ => day(a),
    };
    Some(r.rel())
}

fn relative_unit(inp: &Input, anchor: Option<NaiveDate>, st: &DocState) -> Option<Resolved> {
    let rel = inp.key("rel")?;
    let unit = norm_key(inp.g("unit")?);
    let off = if rel == "the" {
        None
    } else {
        Some(rel_offset(&rel)?)
    };
    let Some(a) = anchor else {
        let v = match unit.as_str() {
            "year" => "XXXX",
            "month" => "XXXX-XX",
            "week" | "fortnight" => "XXXX-WXX",
            "weekend" => "XXXX-WXX-WE",
            "day" => "XXXX-XX-XX",
            "quarter" => "XXXX-QX",
            "decade" => "XXX",
            _ => "XX",
        };
        return Some(Resolved::open(v, Precision::Vague).rel());
    };
    // "the following year", "that day": from the reference time when there is one.
    let a = if inp.g("base") == Some("ref") {
        st.reference_for(&unit).unwrap_or(a)
    } else {
        a
    };
    if off.is_none() && inp.g("base") == Some("ref") {
        // "the year ended Sept. 30": a fiscal year, a DURATION (TimeBank).
        let after = inp.text.get(inp.m.end..).unwrap_or("").trim_start();
        if unit == "year" && (after.starts_with("ended") || after.starts_with("ending")) {
            let mut r = Resolved::open("P1Y", Precision::Vague);
            r.kind = Some(TimexType::Duration);
            return Some(r);
        }
    }
    // "the year", "the day": the reference time's.
    let off = match off {
        None if matches!(unit.as_str(), "year" | "month" | "week" | "day") => Some(0),
        o => o,
    };
    let r = match (unit.as_str(), off) {
        ("day", Some(k)) => day(add_days(a, k)?),
        ("year", Some(k)) => value::year(a.year() + k as i32)?,
        ("month", Some(k)) => {
            let (y, m) = add_months(a.year(), a.month(), k);
            value::month(y, m)?
        }
        ("week" | "fortnight", Some(k)) => value::week(add_days(a, 7 * k)?)?,
        ("weekend", Some(k)) => value::weekend(add_days(a, 7 * k)?)?,
        ("weekend", None) => {
            // "the weekend": the one just past in a past-tense clause, else the next.
            let wd = value::weekday_num(a) as i64;
            let k = match inp.tense {
                Some(Tense::Future) => 0,
                _ if wd >= 6 => 0,
                _ => -1,
            };
            value::weekend(add_days(a, 7 * k)?)?
        }
        ("quarter", off) => {
            let that = inp.g("base") == Some("ref") && off == Some(0);
            let (y, q) = match (off, st.last_quarter) {
                (None, Some(lq)) => lq,
                (_, Some(lq)) if that => lq,
                _ => {
                    let k = off.unwrap_or(-1);
                    let (y, m) = add_months(a.year(), a.month(), 3 * k);
                    (y, (m - 1) / 3 + 1)
                }
            };
            value::quarter(y, q)?
        }
        ("decade", Some(k)) => value::decade(a.year() / 10 + k as i32)?,
        ("century", Some(k)) => value::century(a.year() / 100 + k as i32)?,
        _ => return None,
    };
    Some(r.rel())
}

/// Quarters, halves and seasons, with a year, a relative word, or the tense.
fn period(inp: &Input, anchor: Option<NaiveDate>, st: &DocState) -> Option<Resolved> {
    let lex = inp.lex;
    let unit = inp.g("unit")?;
    let explicit_year = inp
        .g("year")
        .or(inp.g("year2"))
        .and_then(|y| parse_year(inp.lex, y));
    let yrel = inp.key("yrel").and_then(|k| rel_offset(&k));
    let rel = inp.key("rel");
    match unit {
        "Q" | "H" => {
            let n = match inp.key("ord").as_deref() {
                Some("last" | "latter") if unit == "H" => 2,
                Some(o) => parse_ord(lex, o)?,
                // "the 1988 quarter": the quarter the report is about.
                None if unit == "Q" => match (st.last_quarter, explicit_year) {
                    (Some((_, q)), _) => q,
                    (None, Some(y)) => {
                        let mut r = value::year(y)?;
                        r.value = format!("{}-QX", r.value);
                        r.precision = Precision::Quarter;
                        return Some(r);
                    }
                    (None, None) => return None,
                },
                None => return None,
            };
            let per_year = if unit == "Q" { 4 } else { 2 };
            if n < 1 || n > per_year {
                return None;
            }
            let build = |y: i32| {
                if unit == "Q" {
                    value::quarter(y, n)
                } else {
                    value::half(y, n)
                }
            };
            if let Some(y) = explicit_year {
                return build(y);
            }
            let Some(a) = anchor else {
                return Some(Resolved::open(format!("XXXX-{unit}{n}"), Precision::Quarter).rel());
            };
            if let Some(k) = yrel {
                return Some(build(a.year() + k as i32)?.rel());
            }
            // The anchor's year (reports speak of this year's quarters), or the year
            // before when the period has not begun yet and the clause is not future.
            let this = build(a.year())?;
            let y = match (this.earliest, inp.tense) {
                (Some(e), t) if e > a && t != Some(Tense::Future) => a.year() - 1,
                _ => a.year(),
            };
            Some(build(y)?.rel())
        }
        "S" => {
            let code = lex.seasons.get(&inp.key("season")?)?.clone();
            let pos = value::SEASONS.iter().position(|s| *s == code)? as i64;
            if let Some(y) = explicit_year {
                return value::season(y, &code);
            }
            let Some(a) = anchor else {
                return Some(Resolved::open(format!("XXXX-{code}"), Precision::Season).rel());
            };
            let now = value::season_index(a);
            let cands: Vec<(i64, i64)> = (-2..=2)
                .map(|k| {
                    let idx = (now.div_euclid(4) + k) * 4 + pos;
                    (idx, idx)
                })
                .collect();
            let pick = if rel.as_deref() == Some("this") {
                Pick::Nearest
            } else {
                pick_from_rel_and_tense(rel.as_deref(), inp.tense)
            };
            let idx = choose(&cands, now, pick)?;
            Some(value::season(idx.div_euclid(4) as i32, &code)?.rel())
        }
        _ => None,
    }
}

fn decade(inp: &Input, anchor: Option<NaiveDate>) -> Option<Resolved> {
    if let Some(d) = inp.g("dec") {
        let n = leading_digits(d)? as i32;
        if d.len() >= 4 {
            return value::decade(n / 10);
        }
        return two_digit_decade(n / 10, anchor);
    }
    let n = *inp.lex.decades.get(&inp.key("decw")?)? as i32;
    two_digit_decade(n, anchor)
}

/// "the '80s", "the eighties": the latest such decade not after the anchor's
/// (1900s when the anchor is unknown).
fn two_digit_decade(d: i32, anchor: Option<NaiveDate>) -> Option<Resolved> {
    let Some(a) = anchor else {
        return value::decade(190 + d);
    };
    let c = a.year() / 100;
    let mut dec = c * 10 + d;
    if dec > a.year() / 10 {
        dec -= 10;
    }
    Some(value::decade(dec)?.rel())
}

/// A duration value: `P2W`, `PT4H`, `PXY`, `P2Y6M`.
pub(crate) fn duration_value(n: Option<f64>, unit: &str) -> String {
    let (time, u) = match unit {
        "T-H" => (true, "H"),
        "T-M" => (true, "M"),
        "T-S" => (true, "S"),
        u => (false, u),
    };
    let p = if time { "PT" } else { "P" };
    let Some(n) = n else {
        return format!("{p}X{}", if u == "FN" { "W" } else { u });
    };
    let fmt = |v: f64| {
        if v.fract() == 0.0 {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        }
    };
    match u {
        "FN" => return format!("P{}W", fmt(n * 2.0)),
        "E" if n != 1.0 => return format!("P{}Y", fmt(n * 10.0)),
        "Q" if n.fract() != 0.0 => return format!("P{}M", fmt(n * 3.0)),
        _ => {}
    }
    if n.fract() == 0.0 {
        return format!("{p}{}{u}", n as i64);
    }
    let whole = n.trunc() as i64;
    let rest = n.fract();
    let (sub, factor, sub_time) = match u {
        "Y" => ("M", 12.0, false),
        "M" => ("D", 30.0, false),
        "W" => ("D", 7.0, false),
        "D" => ("H", 24.0, true),
        "H" => ("M", 60.0, true),
        "M_" => ("S", 60.0, true),
        _ => return format!("{p}{}{u}", fmt(n)),
    };
    let (sub, factor, sub_time) = if time && u == "M" {
        ("S", 60.0, true)
    } else {
        (sub, factor, sub_time)
    };
    let sub_v = (rest * factor).round() as i64;
    let head = if whole > 0 {
        format!("{whole}{u}")
    } else {
        String::new()
    };
    if time {
        format!("PT{head}{sub_v}{sub}")
    } else if sub_time {
        format!("P{head}T{sub_v}{sub}")
    } else {
        format!("P{head}{sub_v}{sub}")
    }
}

/// Days a duration spans, for the bounds of "the past two weeks".
fn span_end(a: NaiveDate, n: f64, unit: &str, sign: i64) -> Option<NaiveDate> {
    let months = |m: f64| value::shift_months(a, sign * m.round() as i64);
    match unit {
        "Y" => months(n * 12.0),
        "M" => months(n),
        "Q" => months(n * 3.0),
        "E" => months(n * 120.0),
        "C" => months(n * 1200.0),
        "W" => add_days(a, sign * (n * 7.0).round() as i64),
        "FN" => add_days(a, sign * (n * 14.0).round() as i64),
        "D" => add_days(a, sign * n.round() as i64),
        _ => Some(a),
    }
}

fn duration(inp: &Input, anchor: Option<NaiveDate>) -> Option<Resolved> {
    let lex = inp.lex;
    let num_text = inp.g("num")?;
    let mut n = parse_num(lex, num_text)?;
    let unit_text = inp.g("unit")?;
    let unit = unit_code(lex, unit_text)?;
    // "three-quarters of", ages ("52 years old"): not durations.
    if inp.g("old").is_some() {
        return None;
    }
    if unit == "Q" && num_text.chars().all(|c| c.is_ascii_alphabetic()) {
        let joined = format!("{num_text}-{unit_text}");
        if inp
            .text
            .get(inp.m.start..inp.m.end)
            .is_some_and(|t| t.contains(&joined))
            && unit_text.ends_with('s')
        {
            return None;
        }
    }
    // "a second time", "a quarter of the vote": not durations.
    if matches!(norm_key(num_text).as_str(), "a" | "an")
        && matches!(unit.as_str(), "Q" | "T-S" | "WE")
    {
        return None;
    }
    // Bare "hours", "days": a duration after "for", "within", ... or before "later"
    // ("for hours", "days later"), not "the days of", "on days when".
    if inp.rule.arg("ctx") == Some("prep") && !duration_context(inp) {
        return None;
    }
    if inp.g("frac").is_some() || inp.g("half").is_some() {
        n = n.map(|v| v + 0.5);
    }
    let mut r = Resolved::open(duration_value(n, &unit), Precision::Vague);
    if let (Some(a), Some(rel)) = (anchor, inp.key("rel")) {
        let back = matches!(
            rel.as_str(),
            "past" | "last" | "previous" | "recent" | "latest"
        );
        let fwd = matches!(
            rel.as_str(),
            "next" | "coming" | "following" | "additional" | "remaining"
        );
        if back || fwd {
            let sign = if back { -1 } else { 1 };
            let other = match n {
                Some(n) => span_end(a, n, &unit, sign),
                None => None,
            };
            r = if back {
                Resolved::new(r.value, Precision::Vague, other, Some(a))
            } else {
                Resolved::new(r.value, Precision::Vague, Some(a), other)
            };
            r.relative = true;
        }
    }
    Some(r)
}

/// Whether a bare plural unit stands as a duration: after a preposition or verb of
/// extent ("for days", "within hours", "took minutes") or before "later",
/// "earlier", "after", "before" ("minutes after the blast"), unless a determiner
/// comes first ("the days after").
fn duration_context(inp: &Input) -> bool {
    let before = inp.text.get(..inp.m.start).unwrap_or("");
    let prev = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let after = inp.text.get(inp.m.end..).unwrap_or("");
    let next = after
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        prev.as_str(),
        "for"
            | "within"
            | "in"
            | "over"
            | "after"
            | "than"
            | "took"
            | "take"
            | "takes"
            | "lasted"
            | "lasting"
            | "spent"
            | "waited"
            | "happened"
            | "came"
    ) || !matches!(
        prev.as_str(),
        "the" | "those" | "these" | "early" | "first" | "last" | "final" | "of"
    ) && matches!(next.as_str(), "later" | "earlier" | "after" | "before")
}

fn set(inp: &Input) -> Option<Resolved> {
    let lex = inp.lex;
    if let Some(v) = inp.rule.arg("value") {
        return Some(Resolved::open(v, Precision::Vague));
    }
    let wd = inp.key("wd").and_then(|w| {
        lex.weekdays
            .get(&w)
            .or_else(|| lex.weekdays.get(w.trim_end_matches('s')))
            .copied()
    });
    if let Some(wd) = wd {
        let v = match part_code(inp, lex) {
            Some(p) => format!("XXXX-WXX-{wd}T{}", p.trim_end_matches('S')),
            None => format!("XXXX-WXX-{wd}"),
        };
        return Some(Resolved::open(v, Precision::Vague));
    }
    if let Some(m) = inp.g("month").and_then(|m| parse_month(lex, m)) {
        return Some(Resolved::open(format!("XXXX-{m:02}"), Precision::Vague));
    }
    if let Some(code) = inp.key("season").and_then(|k| lex.seasons.get(&k)) {
        return Some(Resolved::open(format!("XXXX-{code}"), Precision::Vague));
    }
    let unit = unit_code(lex, inp.g("unit")?)?;
    let n = match inp.g("num") {
        Some(t) => parse_num(lex, t)?,
        None => Some(1.0),
    };
    Some(Resolved::open(duration_value(n, &unit), Precision::Vague))
}

fn reference_value(v: &str, anchor: Option<NaiveDate>) -> Option<Resolved> {
    let (e, l) = match (v, anchor) {
        (_, None) => (None, None),
        ("PRESENT_REF", a) => (a, a),
        ("PAST_REF", a) => (None, a),
        ("FUTURE_REF", a) => (a, None),
        _ => (None, None),
    };
    Some(Resolved::new(v, Precision::Vague, e, l).rel())
}

fn reference(inp: &Input, anchor: Option<NaiveDate>) -> Option<Resolved> {
    reference_value(inp.rule.arg("value")?, anchor)
}

/// Easter Sunday of year `y` (Gregorian computus).
pub(crate) fn easter(y: i32) -> Option<NaiveDate> {
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let dom = (h + l - 7 * m + 114) % 31 + 1;
    value::ymd(y, u32::try_from(month).ok()?, u32::try_from(dom).ok()?)
}

/// The `nth` weekday `wd` (1 = Monday) of month `m` of year `y`; `nth` < 0 counts
/// from the month's end (-1 = the last).
pub(crate) fn nth_weekday(y: i32, m: u32, wd: u32, nth: i64) -> Option<NaiveDate> {
    if nth >= 0 {
        let first = value::ymd(y, m, 1)?;
        let off = (wd as i64 - value::weekday_num(first) as i64).rem_euclid(7);
        add_days(first, off + 7 * (nth - 1))
    } else {
        let (ny, nm) = add_months(y, m, 1);
        let last = add_days(value::ymd(ny, nm, 1)?, -1)?;
        let off = (value::weekday_num(last) as i64 - wd as i64).rem_euclid(7);
        add_days(last, -off + 7 * (nth + 1))
    }
}

/// The day of a movable holiday in year `y`, from the rule's args: `easter=OFFSET`
/// (days from Easter Sunday) or `hmonth=M;hwd=W;nth=N` (the Nth weekday W of month M).
fn holiday_in(inp: &Input, y: i32) -> Option<NaiveDate> {
    if let Some(off) = inp.rule.arg("easter") {
        return add_days(easter(y)?, off.parse().ok()?);
    }
    let m: u32 = inp.rule.arg("hmonth")?.parse().ok()?;
    let wd: u32 = inp.rule.arg("hwd")?.parse().ok()?;
    let nth: i64 = inp.rule.arg("nth")?.parse().ok()?;
    nth_weekday(y, m, wd, nth)
}

/// A movable holiday ("Easter", "Thanksgiving"): its day in the stated year, else in
/// the year the tense and the relative word imply (as a year-less date).
fn holiday(inp: &Input, anchor: Option<NaiveDate>) -> Option<Resolved> {
    // "Easter Island", "Easter Rising": a name, not the holiday.
    let after = inp.text.get(inp.m.end..).unwrap_or("");
    let single = !inp
        .text
        .get(inp.m.start..inp.m.end)
        .unwrap_or("")
        .contains(char::is_whitespace);
    if single && after.starts_with(' ') && after[1..].chars().next().is_some_and(char::is_uppercase)
    {
        return None;
    }
    if let Some(y) = inp.g("year").and_then(|y| parse_year(inp.lex, y)) {
        return Some(day(holiday_in(inp, y)?));
    }
    let Some(a) = anchor else {
        return Some(Resolved::open("XXXX-XX-XX", Precision::Day).rel());
    };
    let cands: Vec<(i64, NaiveDate)> = (-1..=1)
        .filter_map(|k| holiday_in(inp, a.year() + k))
        .map(|x| (day_key(x), x))
        .collect();
    let this = holiday_in(inp, a.year()).map(|x| (day_key(x), x));
    let pick = pick_from_rel_and_tense(inp.key("rel").as_deref(), inp.tense);
    let x = choose_tensed(&cands, this, day_key(a), pick, (183, 45), firmness(inp))?;
    Some(day(x).rel())
}
