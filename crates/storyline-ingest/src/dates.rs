//! Reading calendar dates out of metadata strings: header fields, "Published ..."
//! lines, bylines and datelines. Full temporal tagging of article text lives in
//! `storyline-time`; this is the small, strict reader ingest needs to find when an
//! article was published.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

const MONTHS_TSV: &str = include_str!("../../../resources/ingest/months.tsv");

/// Month spellings (lowercase, no period) to month numbers.
static MONTHS: LazyLock<Vec<(String, u32)>> = LazyLock::new(|| {
    let mut out = Vec::new();
    for line in MONTHS_TSV.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(num), Some(names)) = (cols.next(), cols.next()) else {
            continue;
        };
        let Ok(num) = num.trim().parse::<u32>() else {
            continue;
        };
        for name in names.split('|') {
            out.push((name.trim().to_string(), num));
        }
    }
    // Longest first so the alternation prefers "september" over "sep".
    out.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    out
});

fn month_alternation() -> String {
    MONTHS
        .iter()
        .map(|(name, _)| regex::escape(name))
        .collect::<Vec<_>>()
        .join("|")
}

fn month_number(name: &str) -> Option<u32> {
    let key = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == key).map(|(_, m)| *m)
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?(?-u:\b)",
    )
    .expect("valid ISO date regex")
});

static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)({})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(\d{{4}})(?-u:\b))?",
        month_alternation()
    ))
    .expect("valid month-first regex")
});

static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({})\.?,?(?:\s+(\d{{4}})(?-u:\b))?",
        month_alternation()
    ))
    .expect("valid day-first regex")
});

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2})([/.])(\d{1,2})[/.](\d{4})(?-u:\b)")
        .expect("valid numeric date regex")
});

/// A date read from a metadata string; the year may be missing ("Oct 27" in a dateline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
    /// Byte range of the date in the searched string.
    pub start: usize,
    pub end: usize,
    /// Day/month order could not be told apart ("03/04/2025").
    pub ambiguous: bool,
}

impl FoundDate {
    /// The calendar day, when the year is known and the date exists.
    pub fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day)
    }

    /// The calendar day with a year supplied from elsewhere when this one has none.
    pub fn date_with_year(&self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year.unwrap_or(year), self.month, self.day)
    }
}

fn plausible_year(y: i32) -> bool {
    (1800..=2200).contains(&y)
}

fn valid(year: Option<i32>, month: u32, day: u32) -> bool {
    match year {
        Some(y) => plausible_year(y) && NaiveDate::from_ymd_opt(y, month, day).is_some(),
        // Check against a leap year so that Feb 29 without a year is allowed.
        None => NaiveDate::from_ymd_opt(2024, month, day).is_some(),
    }
}

/// Every date in `s`, leftmost first, without overlaps. Year-less dates are included.
pub fn find_dates(s: &str) -> Vec<FoundDate> {
    let mut found: Vec<FoundDate> = Vec::new();
    for c in ISO.captures_iter(s) {
        let (Some(m), Ok(y), Ok(mo), Ok(d)) = (
            c.get(0),
            c[1].parse::<i32>(),
            c[2].parse::<u32>(),
            c[3].parse::<u32>(),
        ) else {
            continue;
        };
        if valid(Some(y), mo, d) {
            found.push(FoundDate {
                year: Some(y),
                month: mo,
                day: d,
                start: m.start(),
                end: m.end(),
                ambiguous: false,
            });
        }
    }
    // Dates written with a month name: (regex, month group, day group).
    for (re, month_group, day_group) in [(&*MONTH_FIRST, 1, 2), (&*DAY_FIRST, 2, 1)] {
        for c in re.captures_iter(s) {
            let (Some(m), Some(month), Some(day)) =
                (c.get(0), c.get(month_group), c.get(day_group))
            else {
                continue;
            };
            // "May 5" is a date but "may 5" in running text is a verb: require a capital.
            if month
                .as_str()
                .chars()
                .next()
                .is_some_and(|ch| ch.is_lowercase())
            {
                continue;
            }
            let (Some(mo), Ok(d)) = (month_number(month.as_str()), day.as_str().parse::<u32>())
            else {
                continue;
            };
            let y = c.get(3).and_then(|y| y.as_str().parse::<i32>().ok());
            if valid(y, mo, d) {
                found.push(FoundDate {
                    year: y,
                    month: mo,
                    day: d,
                    start: m.start(),
                    end: m.end(),
                    ambiguous: false,
                });
            }
        }
    }
    for c in NUMERIC.captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        let (Ok(a), Ok(b), Ok(y)) = (
            c[1].parse::<u32>(),
            c[3].parse::<u32>(),
            c[4].parse::<i32>(),
        ) else {
            continue;
        };
        // Slashes: US month/day order; dots: European day.month order. When both
        // readings are valid dates and differ, say so.
        let (mo, d) = if &c[2] == "/" { (a, b) } else { (b, a) };
        let (mo, d, ambiguous) = if valid(Some(y), mo, d) {
            (mo, d, a != b && a <= 12 && b <= 12)
        } else if valid(Some(y), d, mo) {
            (d, mo, false)
        } else {
            continue;
        };
        found.push(FoundDate {
            year: Some(y),
            month: mo,
            day: d,
            start: m.start(),
            end: m.end(),
            ambiguous,
        });
    }
    // Leftmost, then longest; drop overlaps.
    found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<FoundDate> = Vec::new();
    for f in found {
        if out.last().is_some_and(|last| f.start < last.end) {
            continue;
        }
        out.push(f);
    }
    out
}

/// The first date in `s`.
pub fn find_date(s: &str) -> Option<FoundDate> {
    find_dates(s).into_iter().next()
}

static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?(?:\s+(?:[A-Z]{2,4}|local time|GMT[+-]?\d*|UTC[+-]?\d*))?(?-u:\b)",
    )
    .expect("valid time regex")
});

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?(?-u:\b)\.?,?")
        .expect("valid weekday regex")
});

/// True when `s` is essentially a date and nothing else: a date plus at most a
/// weekday, a time of day and separators ("Tue 19 Nov 2024 | 10:02 GMT").
pub fn is_date_line(s: &str) -> bool {
    let Some(d) = find_date(s) else { return false };
    let rest = format!("{} {}", &s[..d.start], &s[d.end..]);
    let rest = WEEKDAY.replace_all(&rest, " ");
    let rest = TIME_OF_DAY.replace_all(&rest, " ");
    let leftover: String = rest
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>();
    leftover.chars().count() <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(f: &FoundDate) -> (Option<i32>, u32, u32) {
        (f.year, f.month, f.day)
    }

    #[test]
    fn reads_common_news_formats() {
        let cases = [
            ("2025-03-04", (Some(2025), 3, 4)),
            ("2025-03-04T09:41:00Z", (Some(2025), 3, 4)),
            ("Oct. 27, 2023", (Some(2023), 10, 27)),
            ("October 27, 2023", (Some(2023), 10, 27)),
            ("Sept 9 2024", (Some(2024), 9, 9)),
            ("19 Nov 2024", (Some(2024), 11, 19)),
            ("3rd of March 2025", (Some(2025), 3, 3)),
            ("Mar 3", (None, 3, 3)),
            ("27.10.2023", (Some(2023), 10, 27)),
            ("10/27/2023", (Some(2023), 10, 27)),
        ];
        for (s, want) in cases {
            let got = find_date(s).unwrap_or_else(|| panic!("no date in {s:?}"));
            assert_eq!(ymd(&got), want, "{s}");
        }
    }

    #[test]
    fn rejects_impossible_and_lowercase_may() {
        assert!(find_date("2025-02-30").is_none());
        assert!(find_date("officials may 5 times").is_none());
        assert!(find_date("1,500 troops").is_none());
        assert!(find_date("about 10 days").is_none());
    }

    #[test]
    fn numeric_dates_flag_ambiguity() {
        let d = find_date("03/04/2025").unwrap();
        assert!(d.ambiguous);
        let d = find_date("13/04/2025").unwrap();
        assert_eq!((d.month, d.day), (4, 13));
        assert!(!d.ambiguous);
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("14 Mar 2025"));
        assert!(is_date_line("Tue, March 18, 2025 | 4:05 p.m. EST"));
        assert!(is_date_line("Jun 2, 2025  |  "));
        assert!(!is_date_line(
            "Talks resumed on March 3, 2025 in the capital"
        ));
        assert!(!is_date_line("No date here"));
    }
}
