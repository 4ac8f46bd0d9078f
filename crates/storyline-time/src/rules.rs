// Loads the tagger's rule resources (`resources/time/*.tsv`, compiled in with
// `include_str!`), expands the `%MACRO`s of `patterns.tsv` and compiles every rule once
// into a `Regex`, `RegexSet`s over groups of rules, and an Aho-Corasick automaton of the
// trigger words that tell the tagger where in a text a rule can match at all.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use storyline_model::TimexType;

const MONTHS: &str = include_str!("../../../resources/time/months.tsv");
const WEEKDAYS: &str = include_str!("../../../resources/time/weekdays.tsv");
const NUMBERS: &str = include_str!("../../../resources/time/numbers.tsv");
const ORDINALS: &str = include_str!("../../../resources/time/ordinals.tsv");
const UNITS: &str = include_str!("../../../resources/time/units.tsv");
const SEASONS: &str = include_str!("../../../resources/time/seasons.tsv");
const DAYPARTS: &str = include_str!("../../../resources/time/dayparts.tsv");
const DECADES: &str = include_str!("../../../resources/time/decades.tsv");
const MODIFIERS: &str = include_str!("../../../resources/time/modifiers.tsv");
const TENSE: &str = include_str!("../../../resources/time/tense.tsv");
const CONTEXT_WORDS: &str = include_str!("../../../resources/time/context_words.tsv");
const MACROS: &str = include_str!("../../../resources/time/macros.tsv");
const PATTERNS: &str = include_str!("../../../resources/time/patterns.tsv");
const PARAMS: &str = include_str!("../../../resources/time/params.tsv");
const NAMES: &str = include_str!("../../../resources/time/names.tsv");
const ZONES: &str = include_str!("../../../resources/time/zones.tsv");
const STAMPS: &str = include_str!("../../../resources/time/stamps.tsv");
const CROSSREFS: &str = include_str!("../../../resources/time/crossrefs.tsv");

/// Words too common to tell the tagger that a time expression may be near.
const NOT_TRIGGERS: &[&str] = &[
    "the", "of", "and", "or", "to", "in", "on", "an", "at", "per", "is", "are", "its", "s", "u",
    "b", "i", "m", "p", "a", "so", "just", "more", "than", "over", "under", "about", "some",
    "this", "each", "every", "other", "one", "that", "same",
];

/// The tense a cue word signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
}

/// The normalisation functions a rule can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Func {
    AbsoluteDate,
    NumericDate,
    WeekdayRelative,
    DayOffset,
    Clock,
    OffsetAgo,
    RelativeUnit,
    Period,
    Decade,
    Century,
    Duration,
    Set,
    Ref,
    Holiday,
}

impl Func {
    fn parse(name: &str) -> Option<Func> {
        Some(match name {
            "absolute_date" => Func::AbsoluteDate,
            "numeric_date" => Func::NumericDate,
            "weekday_relative" => Func::WeekdayRelative,
            "day_offset" => Func::DayOffset,
            "clock" => Func::Clock,
            "offset_ago" => Func::OffsetAgo,
            "relative_unit" => Func::RelativeUnit,
            "period" => Func::Period,
            "decade" => Func::Decade,
            "century" => Func::Century,
            "duration" => Func::Duration,
            "set" => Func::Set,
            "ref" => Func::Ref,
            "holiday" => Func::Holiday,
            _ => return None,
        })
    }
}

/// One row of `patterns.tsv`, compiled.
#[derive(Debug)]
pub(crate) struct Rule {
    #[allow(dead_code)] // read by the unit tests
    pub name: String,
    pub kind: TimexType,
    pub func: Func,
    pub args: HashMap<String, String>,
    #[allow(dead_code)] // read by the unit tests
    pub example: String,
    pub regex: Regex,
}

impl Rule {
    pub fn arg(&self, key: &str) -> Option<&str> {
        self.args.get(key).map(String::as_str)
    }
}

/// Word lists, keyed by the normalised word (see [`norm_key`]).
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub months: HashMap<String, u32>,
    pub weekdays: HashMap<String, u32>,
    /// `None` = a vague quantity ("several").
    pub numbers: HashMap<String, Option<f64>>,
    pub ordinals: HashMap<String, u32>,
    pub units: HashMap<String, String>,
    pub seasons: HashMap<String, String>,
    pub dayparts: HashMap<String, String>,
    /// Time-zone words -> (standard UTC offset, follows US daylight saving time).
    pub zones: HashMap<String, (String, bool)>,
    pub decades: HashMap<String, u32>,
    pub modifiers: HashMap<String, String>,
    /// Tense cue words; `None` marks a word ending in "-ed" that is not a past form
    /// ("succeed", "hundred"), masking the weak "-ed" cue.
    pub tense: HashMap<String, Option<Tense>>,
    /// Present-tense verbs that schedule an event ("meets", "resumes"): a future
    /// cue only right before the time expression.
    pub schedule: HashSet<String>,
    /// Verbs of saying ("said", "told"): past cues that may govern a clause of
    /// another tense.
    pub reporting: HashSet<String>,
    /// (class, word) pairs of `context_words.tsv` ("ahead", "gap", "not-rate",
    /// "rate-stop", "soon-prev", "soon-next").
    pub context_words: HashSet<(String, String)>,
    pub params: HashMap<String, String>,
    /// Filter words (`names.tsv`): word -> kind (`name`, `function`).
    pub names: HashMap<String, String>,
    /// Page-stamp words (`stamps.tsv`): (kind, phrase), for publication dates.
    pub stamps: Vec<(String, String)>,
    /// Relative expressions that tie an article to a date next to them
    /// (`crossrefs.tsv`): phrase -> relation.
    pub crossrefs: HashMap<String, String>,
}

impl Lexicon {
    /// Whether `word` (any case) is in class `class` of `context_words.tsv`.
    pub(crate) fn context_word(&self, class: &str, word: &str) -> bool {
        self.context_words
            .contains(&(class.to_string(), norm_key(word)))
    }
}

/// Everything compiled from the resources.
pub(crate) struct Rules {
    pub lex: Lexicon,
    pub rules: Vec<Rule>,
    /// The rules' patterns in groups of [`SET_GROUP`] (rule index of the first),
    /// matched together over each trigger window.
    pub sets: Vec<(usize, RegexSet)>,
    /// `None` only if the automaton could not be built: then every byte is a candidate.
    pub triggers: Option<AhoCorasick>,
    /// Problems found while compiling the built-in data (checked by a unit test; a bad
    /// row is skipped, never a panic).
    #[allow(dead_code)] // read by the unit tests
    pub errors: Vec<String>,
}

pub(crate) static RULES: LazyLock<Rules> = LazyLock::new(Rules::build);

/// Rules per regex set. One set of all rules makes its lazy DFA's states costly to
/// build (each a closure over every rule at once), and the first pass over a text
/// spends most of its time building them; small sets warm up far faster and cost
/// little more once warm.
const SET_GROUP: usize = 32;

/// Lower-case, trailing-dot-free, single-spaced form of a word or phrase, used as the
/// key of every word list.
pub(crate) fn norm_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| c.is_whitespace()) {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w.to_lowercase());
    }
    while out.ends_with('.') || out.ends_with('-') {
        out.pop();
    }
    out
}

/// Data rows of a TSV resource: comment (`#`) and blank lines skipped.
fn rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// A regex alternation of `words`, longest first; spaces match any whitespace; each
/// word ends on a word boundary (before an optional or required dot).
fn alternation(words: &[(String, &str)]) -> String {
    let mut ws: Vec<&(String, &str)> = words.iter().collect();
    ws.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    ws.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    let alts: Vec<String> = ws
        .iter()
        .map(|(w, dot)| {
            let body = w
                .split(' ')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+");
            format!("{body}(?-u:\\b){dot}")
        })
        .collect();
    format!("(?:{})", alts.join("|"))
}

/// A word-list row: word, value, optional third column.
type Row = (String, String, Option<String>);

fn title_case(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f
            .to_uppercase()
            .chain(c.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

impl Rules {
    fn build() -> Rules {
        let mut errors = Vec::new();
        let mut lex = Lexicon::default();
        let mut macros: Vec<(String, String)> = Vec::new();
        let mut trigger_words: BTreeSet<String> = BTreeSet::new();

        // Case-sensitive name lists (months, weekdays): Title case and CAPITALS.
        for (src, map, mac) in [
            (MONTHS, &mut lex.months, "MONTH"),
            (WEEKDAYS, &mut lex.weekdays, "WEEKDAY"),
        ] {
            let mut words = Vec::new();
            for r in rows(src) {
                let (Some(w), Some(n)) = (r.first(), r.get(1).and_then(|n| n.parse::<u32>().ok()))
                else {
                    errors.push(format!("{mac}: bad row {r:?}"));
                    continue;
                };
                let dot = match r.get(2).copied() {
                    Some("abbr") => r"\.?",
                    Some("abbr.") => r"\.",
                    _ => "",
                };
                map.insert(norm_key(w), n);
                trigger_words.insert(w.to_lowercase());
                words.push((title_case(w), dot));
                words.push((w.to_uppercase(), dot));
            }
            if mac == "WEEKDAY" {
                // Plural weekdays ("on Tuesdays") for sets.
                let plural: Vec<(String, &str)> = words
                    .iter()
                    .filter(|(_, dot)| dot.is_empty())
                    .map(|(w, _)| (format!("{w}s"), ""))
                    .collect();
                macros.push((
                    "WEEKDAYS".to_string(),
                    format!("(?-i:{})", alternation(&plural)),
                ));
            }
            macros.push((mac.to_string(), format!("(?-i:{})", alternation(&words))));
        }

        // Case-insensitive lists.
        let mut numwords = Vec::new();
        for r in rows(NUMBERS) {
            let (Some(w), Some(v)) = (r.first(), r.get(1)) else {
                errors.push(format!("NUMWORD: bad row {r:?}"));
                continue;
            };
            let val = if *v == "X" {
                None
            } else {
                v.parse::<f64>().ok()
            };
            if *v != "X" && val.is_none() {
                errors.push(format!("NUMWORD: bad value {r:?}"));
                continue;
            }
            lex.numbers.insert(norm_key(w), val);
            numwords.push((norm_key(w), ""));
        }
        macros.push(("NUMWORD".into(), alternation(&numwords)));
        trigger_words.extend(numwords.iter().map(|w| w.0.clone()));

        let simple = |src: &str, name: &str, errors: &mut Vec<String>| {
            let mut out: Vec<Row> = Vec::new();
            for r in rows(src) {
                match (r.first(), r.get(1)) {
                    (Some(w), Some(v)) => {
                        out.push((norm_key(w), v.to_string(), r.get(2).map(|s| s.to_string())))
                    }
                    _ => errors.push(format!("{name}: bad row {r:?}")),
                }
            }
            out
        };
        let ordinals = simple(ORDINALS, "ORDWORD", &mut errors);
        let units = simple(UNITS, "UNIT", &mut errors);
        let seasons = simple(SEASONS, "SEASON", &mut errors);
        let dayparts = simple(DAYPARTS, "DAYPART", &mut errors);
        let decades = simple(DECADES, "DECWORD", &mut errors);
        let modifiers = simple(MODIFIERS, "PREMOD", &mut errors);
        let tense = simple(TENSE, "TENSE", &mut errors);
        let params = simple(PARAMS, "PARAMS", &mut errors);
        for (w, class, _) in simple(CONTEXT_WORDS, "CONTEXT_WORDS", &mut errors) {
            const CLASSES: [&str; 6] = [
                "ahead",
                "gap",
                "not-rate",
                "rate-stop",
                "soon-prev",
                "soon-next",
            ];
            if !CLASSES.contains(&class.as_str()) {
                errors.push(format!("CONTEXT_WORDS: bad class {class} for {w}"));
            }
            lex.context_words.insert((class, w));
        }
        for (w, v, rule) in simple(ZONES, "ZONES", &mut errors) {
            lex.zones.insert(w, (v, rule.as_deref() == Some("us")));
        }
        for (w, v, _) in simple(NAMES, "NAMES", &mut errors) {
            lex.names.insert(w, v);
        }

        for (w, v, _) in &ordinals {
            match v.parse() {
                Ok(n) => {
                    lex.ordinals.insert(w.clone(), n);
                }
                Err(_) => errors.push(format!("ORDWORD: bad value {w}")),
            }
        }
        for (w, v, _) in &decades {
            match v.parse() {
                Ok(n) => {
                    lex.decades.insert(w.clone(), n);
                }
                Err(_) => errors.push(format!("DECWORD: bad value {w}")),
            }
        }
        for (w, v, _) in &units {
            lex.units.insert(w.clone(), v.clone());
        }
        for (w, v, _) in &seasons {
            lex.seasons.insert(w.clone(), v.clone());
        }
        for (w, v, _) in &dayparts {
            lex.dayparts.insert(w.clone(), v.clone());
        }
        for (w, v, _) in &modifiers {
            lex.modifiers.insert(w.clone(), v.clone());
        }
        for (w, v, _) in &tense {
            let t = match v.as_str() {
                "past" => Some(Tense::Past),
                "report" => {
                    lex.reporting.insert(w.clone());
                    Some(Tense::Past)
                }
                "future" => Some(Tense::Future),
                "schedule" => {
                    lex.schedule.insert(w.clone());
                    continue;
                }
                "none" => None,
                _ => {
                    errors.push(format!("TENSE: bad value {w}"));
                    continue;
                }
            };
            lex.tense.insert(w.clone(), t);
        }
        for (w, v, _) in &params {
            lex.params.insert(w.clone(), v.clone());
        }
        for r in rows(STAMPS) {
            match (r.first().copied(), r.get(1)) {
                (Some(k @ ("comment" | "widget" | "byline" | "update" | "posted")), Some(p)) => {
                    lex.stamps.push((k.to_string(), norm_key(p)))
                }
                _ => errors.push(format!("STAMPS: bad row {r:?}")),
            }
        }
        for (w, rel, _) in simple(CROSSREFS, "CROSSREFS", &mut errors) {
            const RELATIONS: [&str; 8] = [
                "next_day",
                "same_day",
                "same_week",
                "next_week",
                "same_month",
                "next_month",
                "same_year",
                "next_year",
            ];
            if RELATIONS.contains(&rel.as_str()) {
                lex.crossrefs.insert(w, rel);
            } else {
                errors.push(format!("CROSSREFS: bad relation {rel}"));
            }
        }

        let words = |list: &[Row], keep: &dyn Fn(&Row) -> bool| {
            list.iter()
                .filter(|x| keep(x))
                .map(|x| (x.0.clone(), ""))
                .collect::<Vec<_>>()
        };
        let all = |_: &Row| true;
        macros.push(("ORDWORD".into(), alternation(&words(&ordinals, &all))));
        macros.push(("UNIT".into(), alternation(&words(&units, &all))));
        macros.push(("SEASON".into(), alternation(&words(&seasons, &all))));
        macros.push((
            "SEASON_BARE".into(),
            alternation(&words(&seasons, &|x| x.2.as_deref() == Some("bare"))),
        ));
        macros.push(("DAYPART".into(), alternation(&words(&dayparts, &all))));
        macros.push(("DECWORD".into(), alternation(&words(&decades, &all))));
        macros.push((
            "PREMOD".into(),
            alternation(&words(&modifiers, &|x| x.2.as_deref() == Some("part"))),
        ));
        macros.push((
            "QMOD".into(),
            alternation(&words(&modifiers, &|x| x.2.as_deref() == Some("quant"))),
        ));
        for list in [&ordinals, &units, &seasons, &dayparts, &decades, &modifiers] {
            for (w, _, _) in list.iter() {
                trigger_words.extend(w.split(' ').map(str::to_string));
            }
        }
        for r in rows(MACROS) {
            match (r.first(), r.get(1)) {
                (Some(n), Some(v)) => macros.push((n.to_string(), v.to_string())),
                _ => errors.push(format!("macros.tsv: bad row {r:?}")),
            }
        }
        // Longest names first so that %NUMWORD is not read as %NUM + "WORD".
        macros.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));

        let mut rules = Vec::new();
        let mut names = BTreeSet::new();
        for r in rows(PATTERNS) {
            if r.len() < 6 {
                errors.push(format!("patterns.tsv: short row {r:?}"));
                continue;
            }
            let (name, kind, func, args, example, pat) = (r[0], r[1], r[2], r[3], r[4], r[5]);
            if !names.insert(name.to_string()) {
                errors.push(format!("patterns.tsv: duplicate rule {name}"));
            }
            let kind = match kind {
                "DATE" => TimexType::Date,
                "TIME" => TimexType::Time,
                "DURATION" => TimexType::Duration,
                "SET" => TimexType::Set,
                _ => {
                    errors.push(format!("{name}: bad type {kind}"));
                    continue;
                }
            };
            let Some(func) = Func::parse(func) else {
                errors.push(format!("{name}: unknown function {func}"));
                continue;
            };
            let args: HashMap<String, String> = if args == "-" {
                HashMap::new()
            } else {
                args.split(';')
                    .filter_map(|kv| {
                        kv.split_once('=')
                            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                    })
                    .collect()
            };
            // Literal words of the rule are triggers too.
            for w in pat.split(|c: char| !c.is_ascii_alphabetic() && c != '\'') {
                let w = w.trim_matches('\'').to_lowercase();
                if w.len() >= 2 && !w.contains('\'') {
                    trigger_words.insert(w);
                }
            }
            let expanded = match expand(pat, &macros) {
                Ok(e) => e,
                Err(e) => {
                    errors.push(format!("{name}: {e}"));
                    continue;
                }
            };
            let full = format!("(?i){expanded}");
            match RegexBuilder::new(&full).size_limit(1 << 25).build() {
                Ok(regex) => rules.push(Rule {
                    name: name.to_string(),
                    kind,
                    func,
                    args,
                    example: example.to_string(),
                    regex,
                }),
                Err(e) => errors.push(format!("{name}: {e}")),
            }
        }
        // Regex escapes like \s leave single letters; drop the stop words.
        for w in NOT_TRIGGERS {
            trigger_words.remove(*w);
        }
        trigger_words.retain(|w| w.len() >= 2 && !w.chars().any(|c| c.is_ascii_digit()));

        let mut sets = Vec::new();
        for (k, group) in rules.chunks(SET_GROUP).enumerate() {
            match RegexSetBuilder::new(group.iter().map(|r| r.regex.as_str()))
                .size_limit(1 << 27)
                .dfa_size_limit(1 << 22)
                .build()
            {
                Ok(set) => sets.push((k * SET_GROUP, set)),
                Err(e) => errors.push(format!("regex set: {e}")),
            }
        }
        let triggers = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(trigger_words.iter())
            .map_err(|e| errors.push(format!("triggers: {e}")))
            .ok();
        Rules {
            lex,
            rules,
            sets,
            triggers,
            errors,
        }
    }
}

/// Replaces every `%NAME` in `pat` with its macro, repeatedly (macros may use macros).
fn expand(pat: &str, macros: &[(String, String)]) -> Result<String, String> {
    let mut s = pat.to_string();
    for _ in 0..8 {
        if !s.contains('%') {
            return Ok(s);
        }
        let mut changed = false;
        for (name, body) in macros {
            let key = format!("%{name}");
            if s.contains(&key) {
                s = s.replace(&key, body);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    if s.contains('%') {
        Err(format!("unknown macro in {pat}"))
    } else {
        Ok(s)
    }
}
