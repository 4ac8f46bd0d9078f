// Calendar arithmetic and the resolved value of one time expression: TIMEX3 value
// strings with their precision and the calendar days that bound them, the bounds of a
// part of a period (START / MID / END), and the merge of two resolutions when the
// anchor is a window ("ten days ago" against a month-wide article date).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use storyline_model::{Precision, TimeMod, TimeValue, TimexType};

/// A resolved value before it becomes a [`TimeValue`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub value: String,
    pub precision: Precision,
    /// The TIMEX3 mod as written (`START`, `EQUAL_OR_LESS`, ...).
    pub modifier: Option<String>,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    pub relative: bool,
    pub ambiguous: bool,
    /// A TIMEX3 type other than the rule's ("the year ended Sept. 30" is a DURATION).
    pub kind: Option<TimexType>,
    /// The UTC offset of a named time zone ("-04:00").
    pub zone: Option<String>,
}

impl Resolved {
    pub fn new(
        value: impl Into<String>,
        precision: Precision,
        earliest: Option<NaiveDate>,
        latest: Option<NaiveDate>,
    ) -> Resolved {
        Resolved {
            value: value.into(),
            precision,
            modifier: None,
            earliest,
            latest,
            relative: false,
            ambiguous: false,
            kind: None,
            zone: None,
        }
    }

    /// A value whose bounds are unknown (X-values, durations, sets).
    pub fn open(value: impl Into<String>, precision: Precision) -> Resolved {
        Resolved::new(value, precision, None, None)
    }

    pub fn rel(mut self) -> Resolved {
        self.relative = true;
        self
    }

    pub fn into_time_value(self) -> TimeValue {
        TimeValue {
            value: self.value,
            precision: self.precision,
            modifier: self.modifier.as_deref().and_then(model_mod),
            earliest: self.earliest,
            latest: self.latest,
            relative: self.relative,
            ambiguous: self.ambiguous,
            zone: self.zone,
        }
    }
}

/// The model's modifier for a TIMEX3 mod string (the model keeps eight; the finer
/// TimeML ones map to the nearest).
pub(crate) fn model_mod(m: &str) -> Option<TimeMod> {
    Some(match m {
        "START" => TimeMod::Start,
        "MID" => TimeMod::Mid,
        "END" => TimeMod::End,
        "APPROX" => TimeMod::Approx,
        "BEFORE" | "ON_OR_BEFORE" => TimeMod::Before,
        "AFTER" | "ON_OR_AFTER" => TimeMod::After,
        "LESS_THAN" | "EQUAL_OR_LESS" => TimeMod::LessThan,
        "MORE_THAN" | "EQUAL_OR_MORE" => TimeMod::MoreThan,
        _ => return None,
    })
}

pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(crate) fn last_day_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m >= 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1).and_then(|d| d.pred_opt())
}

/// `d` plus `n` days, `None` out of range.
pub(crate) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(n)?)
}

/// The month `n` months after (y, m).
pub(crate) fn add_months(y: i32, m: u32, n: i64) -> (i32, u32) {
    let idx = y as i64 * 12 + (m as i64 - 1) + n;
    (idx.div_euclid(12) as i32, (idx.rem_euclid(12) + 1) as u32)
}

/// `d` shifted by `n` months, the day clamped to the month's end.
pub(crate) fn shift_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let (y, m) = add_months(d.year(), d.month(), n);
    let last = last_day_of_month(y, m)?;
    ymd(y, m, d.day().min(last.day()))
}

pub(crate) fn day(d: NaiveDate) -> Resolved {
    Resolved::new(
        d.format("%Y-%m-%d").to_string(),
        Precision::Day,
        Some(d),
        Some(d),
    )
}

fn year_str(y: i32) -> String {
    if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else {
        "XXXX".to_string()
    }
}

pub(crate) fn month(y: i32, m: u32) -> Option<Resolved> {
    Some(Resolved::new(
        format!("{}-{m:02}", year_str(y)),
        Precision::Month,
        Some(ymd(y, m, 1)?),
        Some(last_day_of_month(y, m)?),
    ))
}

pub(crate) fn year(y: i32) -> Option<Resolved> {
    Some(Resolved::new(
        year_str(y),
        Precision::Year,
        Some(ymd(y, 1, 1)?),
        Some(ymd(y, 12, 31)?),
    ))
}

/// The ISO week that holds `d`.
pub(crate) fn week(d: NaiveDate) -> Option<Resolved> {
    let w = d.iso_week();
    let mon = NaiveDate::from_isoywd_opt(w.year(), w.week(), Weekday::Mon)?;
    Some(Resolved::new(
        format!("{}-W{:02}", year_str(w.year()), w.week()),
        Precision::Week,
        Some(mon),
        add_days(mon, 6),
    ))
}

/// The weekend (Saturday and Sunday) of the ISO week that holds `d`.
pub(crate) fn weekend(d: NaiveDate) -> Option<Resolved> {
    let w = d.iso_week();
    let sat = NaiveDate::from_isoywd_opt(w.year(), w.week(), Weekday::Sat)?;
    Some(Resolved::new(
        format!("{}-W{:02}-WE", year_str(w.year()), w.week()),
        Precision::Week,
        Some(sat),
        add_days(sat, 1),
    ))
}

pub(crate) fn quarter(y: i32, q: u32) -> Option<Resolved> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let m0 = (q - 1) * 3 + 1;
    Some(Resolved::new(
        format!("{}-Q{q}", year_str(y)),
        Precision::Quarter,
        ymd(y, m0, 1),
        last_day_of_month(y, m0 + 2),
    ))
}

pub(crate) fn half(y: i32, h: u32) -> Option<Resolved> {
    if !(1..=2).contains(&h) {
        return None;
    }
    let m0 = (h - 1) * 6 + 1;
    Some(Resolved::new(
        format!("{}-H{h}", year_str(y)),
        Precision::Quarter,
        ymd(y, m0, 1),
        last_day_of_month(y, m0 + 5),
    ))
}

/// Seasons in calendar order within a year (meteorological: winter = December of the
/// year before to February).
pub(crate) const SEASONS: [&str; 4] = ["WI", "SP", "SU", "FA"];

/// A season of year `y`; winter `y` runs from December `y-1` to February `y`.
pub(crate) fn season(y: i32, code: &str) -> Option<Resolved> {
    let (e, l) = match code {
        "SP" => (ymd(y, 3, 1)?, ymd(y, 5, 31)?),
        "SU" => (ymd(y, 6, 1)?, ymd(y, 8, 31)?),
        "FA" => (ymd(y, 9, 1)?, ymd(y, 11, 30)?),
        "WI" => (ymd(y - 1, 12, 1)?, last_day_of_month(y, 2)?),
        _ => return None,
    };
    Some(Resolved::new(
        format!("{}-{code}", year_str(y)),
        Precision::Season,
        Some(e),
        Some(l),
    ))
}

/// The season a day falls in, as a running index `year * 4 + position` (see
/// [`SEASONS`]); December counts as the next year's winter.
pub(crate) fn season_index(d: NaiveDate) -> i64 {
    let (y, pos) = match d.month() {
        3..=5 => (d.year(), 1),
        6..=8 => (d.year(), 2),
        9..=11 => (d.year(), 3),
        12 => (d.year() + 1, 0),
        _ => (d.year(), 0),
    };
    y as i64 * 4 + pos
}

/// Decade `dec` = year / 10 ("199" = the 1990s).
pub(crate) fn decade(dec: i32) -> Option<Resolved> {
    Some(Resolved::new(
        format!("{dec:03}"),
        Precision::Decade,
        ymd(dec * 10, 1, 1),
        ymd(dec * 10 + 9, 12, 31),
    ))
}

/// Century `c` = year / 100 ("19" = 1900-1999).
pub(crate) fn century(c: i32) -> Option<Resolved> {
    Some(Resolved::new(
        format!("{c:02}"),
        Precision::Decade,
        ymd(c * 100, 1, 1),
        ymd(c * 100 + 99, 12, 31),
    ))
}

/// A part of a day (`MO`, `NI`) or a clock time (`16:00`) on day `d`.
pub(crate) fn day_time(d: NaiveDate, t: &str) -> Resolved {
    let mut r = day(d);
    r.value = format!("{}T{t}", r.value);
    r.precision = Precision::Time;
    r
}

/// Narrows the bounds of `r` to the part its mod names (first, middle or last third;
/// months split 1-10 / 11-20 / 21-end, years into four-month thirds).
pub(crate) fn apply_mod(r: &mut Resolved, m: &str) {
    r.modifier = Some(m.to_string());
    let (Some(e), Some(l)) = (r.earliest, r.latest) else {
        return;
    };
    let (ne, nl) = match (m, r.precision) {
        ("START" | "MID" | "END", Precision::Month) => {
            let (a, b) = match m {
                "START" => (1, 10),
                "MID" => (11, 20),
                _ => (21, l.day()),
            };
            (ymd(e.year(), e.month(), a), ymd(e.year(), e.month(), b))
        }
        ("START" | "MID" | "END", Precision::Year) => {
            let (a, b) = match m {
                "START" => (1, 4),
                "MID" => (5, 8),
                _ => (9, 12),
            };
            (ymd(e.year(), a, 1), last_day_of_month(e.year(), b))
        }
        ("START" | "MID" | "END", Precision::Decade) if l.year() - e.year() == 9 => {
            let (a, b) = match m {
                "START" => (0, 3),
                "MID" => (3, 6),
                _ => (6, 9),
            };
            (ymd(e.year() + a, 1, 1), ymd(e.year() + b, 12, 31))
        }
        ("START" | "MID" | "END", _) => {
            let span = (l - e).num_days();
            let third = span / 3;
            match m {
                "START" => (Some(e), add_days(e, third)),
                "MID" => (add_days(e, third), add_days(l, -third)),
                _ => (add_days(l, -third), Some(l)),
            }
        }
        ("BEFORE" | "ON_OR_BEFORE", _) => (
            None,
            Some(if m == "BEFORE" {
                e.pred_opt().unwrap_or(e)
            } else {
                l
            }),
        ),
        ("AFTER" | "ON_OR_AFTER", _) => (
            Some(if m == "AFTER" {
                l.succ_opt().unwrap_or(l)
            } else {
                e
            }),
            None,
        ),
        _ => (Some(e), Some(l)),
    };
    r.earliest = ne;
    r.latest = nl;
}

/// Combines the resolutions of one expression against the two ends of a window anchor:
/// the bounds span both; where the values differ, the first differing component and
/// every finer one become X ("2024-09-21" / "2024-10-21" -> "2024-XX-XX").
pub(crate) fn merge(a: Resolved, b: Resolved) -> Resolved {
    let earliest = match (a.earliest, b.earliest) {
        (Some(x), Some(y)) => Some(x.min(y)),
        _ => None,
    };
    let latest = match (a.latest, b.latest) {
        (Some(x), Some(y)) => Some(x.max(y)),
        _ => None,
    };
    let value = if a.value == b.value {
        a.value.clone()
    } else {
        x_merge(&a.value, &b.value)
    };
    Resolved {
        value,
        precision: a.precision,
        modifier: a.modifier.clone(),
        earliest,
        latest,
        relative: a.relative || b.relative,
        ambiguous: a.ambiguous || b.ambiguous,
        kind: a.kind,
        zone: if a.zone == b.zone { a.zone } else { None },
    }
}

/// `a` with every date component that differs from `b` written as X's, the others
/// kept ("2011-10" and "2012-10" -> "XXXX-10"). Values of different shapes become
/// `a` with every digit an X.
pub(crate) fn x_components(a: &str, b: &str) -> String {
    let split = |s: &str| -> Vec<String> {
        let mut v = vec![String::new()];
        for c in s.chars() {
            if c == '-' || c == 'T' {
                v.push(c.to_string());
                v.push(String::new());
            } else if let Some(last) = v.last_mut() {
                last.push(c);
            }
        }
        v
    };
    let (ca, cb) = (split(a), split(b));
    let same_shape = ca.len() == cb.len();
    let mut out = String::with_capacity(a.len());
    for (i, x) in ca.iter().enumerate() {
        if same_shape && cb.get(i) == Some(x) {
            out.push_str(x);
        } else {
            out.extend(x.chars().map(|c| if c.is_ascii_digit() { 'X' } else { c }));
        }
    }
    out
}

fn x_merge(a: &str, b: &str) -> String {
    let mut out = String::with_capacity(a.len());
    let mut differ = false;
    let ac: Vec<char> = a.chars().collect();
    let bc: Vec<char> = b.chars().collect();
    // Split into components at '-' and 'T'; compare component by component.
    let comps = |cs: &[char]| -> Vec<String> {
        let mut v = vec![String::new()];
        for &c in cs {
            if c == '-' || c == 'T' {
                v.push(c.to_string());
                v.push(String::new());
            } else if let Some(last) = v.last_mut() {
                last.push(c);
            }
        }
        v
    };
    let (ca, cb) = (comps(&ac), comps(&bc));
    for (i, x) in ca.iter().enumerate() {
        let y = cb.get(i);
        if x == "-" || x == "T" {
            out.push_str(x);
            continue;
        }
        if !differ && y == Some(x) {
            out.push_str(x);
            continue;
        }
        differ = true;
        // Keep letters that mark the component's kind (W, Q, H) and X the digits.
        out.extend(x.chars().map(|c| if c.is_ascii_digit() { 'X' } else { c }));
    }
    out
}

/// The ISO weekday number (Monday = 1).
pub(crate) fn weekday_num(d: NaiveDate) -> u32 {
    d.weekday().number_from_monday()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_x_out_differing_components() {
        assert_eq!(x_merge("2024-09-21", "2024-10-21"), "2024-XX-XX");
        assert_eq!(x_merge("2024-W02", "2024-W03"), "2024-WXX");
        assert_eq!(x_merge("2023", "2024"), "XXXX");
    }

    #[test]
    fn mod_bounds() {
        let mut m = month(2024, 10).unwrap();
        apply_mod(&mut m, "MID");
        assert_eq!(m.earliest, ymd(2024, 10, 11));
        assert_eq!(m.latest, ymd(2024, 10, 20));
        let mut y = year(2023).unwrap();
        apply_mod(&mut y, "END");
        assert_eq!(y.earliest, ymd(2023, 9, 1));
        assert_eq!(y.latest, ymd(2023, 12, 31));
    }
}
