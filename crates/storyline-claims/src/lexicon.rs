//! The lexicons of attribution, compiled in from `resources/claims/` at the
//! repository root and built once into maps and automata.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

use crate::{CueKind, Stance};

const CUES: &str = include_str!("../../../resources/claims/cues.tsv");
const CUES_POLNEAR: &str = include_str!("../../../resources/claims/cues_polnear.tsv");
const PHRASES: &str = include_str!("../../../resources/claims/phrases.tsv");
const ANONYMOUS: &str = include_str!("../../../resources/claims/anonymous.tsv");
const MARKERS: &str = include_str!("../../../resources/claims/anonymity_markers.txt");
const ROLES: &str = include_str!("../../../resources/claims/roles.txt");
const RECORDINGS_TXT: &str = include_str!("../../../resources/claims/recordings.txt");
const STOP_TXT: &str = include_str!("../../../resources/claims/stop_words.txt");
const CUE_MODIFIERS_TXT: &str = include_str!("../../../resources/claims/cue_modifiers.txt");
const ADJ_ED_TXT: &str = include_str!("../../../resources/claims/adjectives_ed.txt");
const NOT_AGENTS_TXT: &str = include_str!("../../../resources/claims/not_agents.txt");
const OPENING_ADJECTIVES_TXT: &str =
    include_str!("../../../resources/claims/opening_adjectives.txt");
const OCCASIONS_TXT: &str = include_str!("../../../resources/claims/occasions.txt");
const NOT_ADVERBS_TXT: &str = include_str!("../../../resources/claims/not_adverbs.txt");
/// The time tagger's month names, shared rather than listed again.
const MONTHS_TSV: &str = include_str!("../../../resources/time/months.tsv");
const SOURCE_PARTICIPLES_TXT: &str =
    include_str!("../../../resources/claims/source_participles.txt");
const DOCUMENTS_TXT: &str = include_str!("../../../resources/claims/documents.txt");
const ISSUING_VERBS_TXT: &str = include_str!("../../../resources/claims/issuing_verbs.txt");
const DENY_CONTENT: &str = include_str!("../../../resources/claims/deny_content.txt");
const DENY_LABELS: &str = include_str!("../../../resources/claims/deny_labels.txt");
const LABELLING_VERBS: &str = include_str!("../../../resources/claims/labelling_verbs.txt");
const DENIED_THINGS: &str = include_str!("../../../resources/claims/denied_things.txt");
const CLOSING_CUES: &str = include_str!("../../../resources/claims/closing_cues.txt");
const ING_ADJECTIVES: &str = include_str!("../../../resources/claims/ing_adjectives.txt");
const STUDY_NOUNS: &str = include_str!("../../../resources/claims/study_nouns.txt");
const NOUN_FORMS: &str = include_str!("../../../resources/claims/noun_forms.txt");
const NOUN_FORM_VERBS: &str = include_str!("../../../resources/claims/noun_form_verbs.txt");
const PAST_FORMS: &str = include_str!("../../../resources/claims/past_forms.txt");
const ED_NOUNS: &str = include_str!("../../../resources/claims/ed_nouns.txt");
const ORG_WORDS: &str = include_str!("../../../resources/claims/org_words.txt");
const DETERMINERS: &str = include_str!("../../../resources/claims/determiners.tsv");
const CUE_PRIOR_TSV: &str = include_str!("../../../resources/claims/cue_prior.tsv");
const FINDING_SOURCES: &str = include_str!("../../../resources/claims/finding_sources.txt");
const RUBRICS: &str = include_str!("../../../resources/claims/rubrics.txt");
const NOT_SPEAKERS: &str = include_str!("../../../resources/claims/not_speakers.txt");

/// How a cue verb takes its complement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Frame {
    /// Any complement: a clause or a noun phrase ("denied the report").
    Any,
    /// A clause, a quote, a colon, or nothing (end of sentence / inverted).
    Clause,
    /// [`Frame::Clause`] for verbs whose other sense takes a noun object
    /// ("maintains an office", "noted a rise"): a determiner opens a clause only
    /// when a verb follows in it ("maintains the vote was fair").
    ClauseVerb,
    /// Only before a colon, a quote, "that", or in a postposed or inverted cue
    /// ("continued", "remarked").
    Post,
    /// Tell-type: an addressee may come first ("told CNN that").
    Object,
    /// Tell-type whose addressee must be followed by "that", a colon, a quote or a
    /// pronoun clause ("reminded reporters that", not "reminds visitors of").
    ObjectClause,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct CueEntry {
    pub stance: Stance,
    pub kind: CueKind,
    pub frame: Frame,
    pub invert: bool,
    /// One of the broad PolNeAR-derived cues ("endorsed", "criticized").
    pub weak: bool,
}

fn data_lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn parse_stance(s: &str) -> Stance {
    match s {
        "deny" => Stance::Deny,
        "confirm" => Stance::Confirm,
        "decline" => Stance::Decline,
        "unknown" => Stance::Unknown,
        _ => Stance::Assert,
    }
}

/// Word form (lower case) -> cue entry.
pub(crate) static CUE_FORMS: LazyLock<HashMap<String, CueEntry>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for line in data_lines(CUES) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 6 {
            continue;
        }
        let kind = match cols[3] {
            "written" => CueKind::Written,
            "belief" => CueKind::Belief,
            "evidence" => CueKind::Evidence,
            _ => CueKind::Speech,
        };
        let frame = match cols[4] {
            "any" => Frame::Any,
            "object" => Frame::Object,
            "object-clause" => Frame::ObjectClause,
            "post" => Frame::Post,
            "clause-verb" => Frame::ClauseVerb,
            _ => Frame::Clause,
        };
        let entry = CueEntry {
            stance: parse_stance(cols[2]),
            kind,
            frame,
            invert: cols[5] == "y",
            weak: false,
        };
        for form in cols[1].split_whitespace() {
            m.entry(form.to_string()).or_insert(entry);
        }
    }
    for line in data_lines(CUES_POLNEAR) {
        let form = line.split('\t').next().unwrap_or("").trim();
        if !form.is_empty() {
            m.entry(form.to_string()).or_insert(CueEntry {
                stance: Stance::Assert,
                kind: CueKind::Speech,
                frame: Frame::Any,
                invert: false,
                weak: true,
            });
        }
    }
    m
});

/// A multi-word cue phrase: its stance and where its source stands.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Phrase {
    pub stance: Stance,
    pub source_after: bool,
}

/// Multi-word cue phrases as one case-insensitive regex with one group per phrase.
pub(crate) static PHRASE_RE: LazyLock<(Regex, Vec<(Regex, Phrase)>)> = LazyLock::new(|| {
    let mut alts = Vec::new();
    let mut info = Vec::new();
    for line in data_lines(PHRASES) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 || Regex::new(cols[0]).is_err() {
            continue;
        }
        alts.push(format!("(?:{})", cols[0]));
        let Ok(one) = Regex::new(&format!("(?i)^(?:{})$", cols[0])) else {
            continue;
        };
        info.push((
            one,
            Phrase {
                stance: parse_stance(cols[1].trim()),
                source_after: cols[2].trim() == "after",
            },
        ));
    }
    let pat = format!(r"(?i)\b(?:{})\b", alts.join("|"));
    match Regex::new(&pat) {
        Ok(re) => (re, info),
        Err(_) => (Regex::new(r"[^\s\S]").expect("empty regex"), Vec::new()),
    }
});

/// Anonymous-source head nouns: form -> strict?
pub(crate) static ANON_HEADS: LazyLock<HashMap<String, bool>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for line in data_lines(ANONYMOUS) {
        let mut cols = line.split('\t');
        let forms = cols.next().unwrap_or("");
        let strict = cols.next().map(str::trim) == Some("strict");
        for f in forms.split_whitespace() {
            m.insert(f.to_string(), strict);
        }
    }
    m
});

/// Phrases marking anonymity inside a speaker phrase.
pub(crate) static ANON_MARKERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let pats: Vec<&str> = data_lines(MARKERS).map(str::trim).collect();
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(pats)
        .unwrap_or_else(|_| AhoCorasick::new(["\u{0}"]).expect("trivial automaton"))
});

/// Role and institution nouns.
pub(crate) static ROLES_SET: LazyLock<HashSet<String>> =
    LazyLock::new(|| data_lines(ROLES).map(|l| l.trim().to_string()).collect());

/// Recording nouns ("footage of X saying"): `resources/claims/recordings.txt`.
pub(crate) static RECORDINGS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    data_lines(RECORDINGS_TXT)
        .map(|l| l.trim().to_string())
        .collect()
});

fn word_set(txt: &str) -> HashSet<String> {
    data_lines(txt).map(|l| l.trim().to_string()).collect()
}

/// Participles opening a reduced clause after a speaker ("a diplomat speaking to
/// reporters said"): `resources/claims/source_participles.txt`.
pub(crate) static SOURCE_PARTICIPLES: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_set(SOURCE_PARTICIPLES_TXT));

/// Nouns for a written statement ("issued a statement saying"):
/// `resources/claims/documents.txt`.
pub(crate) static DOCUMENTS: LazyLock<HashSet<String>> = LazyLock::new(|| word_set(DOCUMENTS_TXT));

/// Verbs that give out a statement ("issued", "put out"):
/// `resources/claims/issuing_verbs.txt`.
pub(crate) static ISSUING_VERBS: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_set(ISSUING_VERBS_TXT));

/// Content openings that make a statement a denial.
pub(crate) static DENY_OPENINGS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let pats: Vec<&str> = data_lines(DENY_CONTENT).map(str::trim).collect();
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(pats)
        .unwrap_or_else(|_| AhoCorasick::new(["\u{0}"]).expect("trivial automaton"))
});

/// Cue words that take the previous sentence as what is said when they end a
/// sentence of their own: `resources/claims/closing_cues.txt`.
pub(crate) static CLOSING_CUES_SET: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_set(CLOSING_CUES));

/// -ing adjectives inside a speaker phrase ("in neighboring Valdia"):
/// `resources/claims/ing_adjectives.txt`.
pub(crate) static ING_ADJECTIVES_SET: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_set(ING_ADJECTIVES));

/// Verbs that label what someone said ("called the report baseless"):
/// `resources/claims/labelling_verbs.txt`.
pub(crate) static LABELLING_VERBS_SET: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_set(LABELLING_VERBS));

/// Whether `content` (what a labelling verb says) ends with a label that denies
/// it ("the account 'pure fiction'", "the claims as baseless"):
/// `resources/claims/deny_labels.txt`.
pub(crate) fn ends_with_deny_label(content: &str) -> bool {
    static LABELS: LazyLock<Vec<String>> = LazyLock::new(|| {
        data_lines(DENY_LABELS)
            .map(|l| l.trim().to_lowercase())
            .collect()
    });
    let c: String = content
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '‘' | '’' | '\''))
        .collect::<String>()
        .to_lowercase();
    let c = c.trim_end_matches(|ch: char| ch.is_ascii_punctuation() || ch.is_whitespace());
    static THINGS: LazyLock<HashSet<String>> = LazyLock::new(|| word_set(DENIED_THINGS));
    LABELS.iter().any(|l| {
        // the label is the complement of what it is put on: "the report | baseless",
        // "the claims as | baseless", not "science | fiction"
        c.strip_suffix(l.as_str())
            .filter(|rest| rest.ends_with(' '))
            .map(|rest| rest.trim_end().trim_end_matches(" as").trim_end())
            .and_then(|rest| rest.rsplit(' ').next())
            .is_some_and(|w| THINGS.contains(w))
    })
}

/// Words that end a noun phrase when walking over it (function words, common
/// verbs, subordinators).
pub(crate) static STOP: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(STOP_TXT).map(str::trim).collect());

/// Determiners and quantifiers that open a noun phrase (`resources/claims/determiners.tsv`).
pub(crate) static DETS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| determiners(1));

/// Indefinite determiners (an unnamed speaker with one of these is anonymous).
pub(crate) static INDEFINITE: LazyLock<HashSet<&'static str>> = LazyLock::new(|| determiners(2));

/// The words of `determiners.tsv` whose column `col` says "yes".
fn determiners(col: usize) -> HashSet<&'static str> {
    data_lines(DETERMINERS)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols.get(col).map(|c| c.trim()) == Some("yes")).then(|| cols[0].trim())
        })
        .collect()
}

/// Words that may sit between an auxiliary and the cue verb or in front of it
/// inside the verb group ("has also said", "did not respond").
pub(crate) static CUE_MODIFIERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(CUE_MODIFIERS_TXT).map(str::trim).collect());

/// Lower-case words ending in "-ed" that are adjectives inside a speaker phrase.
pub(crate) static ADJ_ED: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(ADJ_ED_TXT).map(str::trim).collect());

/// Cue forms that are as often plural nouns ("jobless claims"):
/// `resources/claims/noun_forms.txt`.
pub(crate) static NOUN_FORMS_SET: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_set(NOUN_FORMS));

/// Verbs after which a noun form is the noun ("claims rose"):
/// `resources/claims/noun_form_verbs.txt`.
pub(crate) static NOUN_FORM_VERBS_SET: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_set(NOUN_FORM_VERBS));
/// Irregular past-tense verb forms (`resources/claims/past_forms.txt`).
pub(crate) static PAST_FORMS_SET: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_set(PAST_FORMS));
/// Nouns ending in "-ed" (`resources/claims/ed_nouns.txt`).
pub(crate) static ED_NOUNS_SET: LazyLock<HashSet<String>> = LazyLock::new(|| word_set(ED_NOUNS));

/// Research nouns ("a study in 38 adults"): `resources/claims/study_nouns.txt`.
pub(crate) static STUDY_NOUNS_SET: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_set(STUDY_NOUNS));

/// Nouns after which a prepositional phrase still belongs to the speaker phrase
/// ("a spokesperson for the ministry", "people familiar with the matter").
pub(crate) fn pp_head(low: &str) -> bool {
    ANON_HEADS.contains_key(low)
        || ROLES_SET.contains(low)
        || STUDY_NOUNS_SET.contains(low)
        || matches!(
            low,
            "familiar"
                | "briefed"
                | "close"
                | "knowledgeable"
                | "knowledge"
                | "spokesperson"
                | "member"
                | "members"
                | "one"
                | "some"
                | "many"
                | "most"
                | "all"
                | "several"
                | "none"
                | "each"
                | "two"
                | "three"
                | "four"
                | "head"
                | "leader"
                | "leaders"
                | "chief"
                | "director"
                | "professor"
                | "researcher"
                | "researchers"
                | "fellow"
                | "editor"
                | "founder"
                | "president"
                | "people"
                | "group"
                | "coalition"
        )
}

pub(crate) fn is_weekday(low: &str) -> bool {
    matches!(
        low,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Words after a passive's "by" that open no agent
/// (`resources/claims/not_agents.txt`).
pub(crate) static NOT_AGENTS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(NOT_AGENTS_TXT).map(str::trim).collect());

/// Opening adjectives that are no affiliation
/// (`resources/claims/opening_adjectives.txt`).
pub(crate) static OPENING_ADJECTIVES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(OPENING_ADJECTIVES_TXT).map(str::trim).collect());

/// Nouns of an occasion of speech (`resources/claims/occasions.txt`).
pub(crate) static OCCASIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(OCCASIONS_TXT).map(str::trim).collect());

static NOT_ADVERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(NOT_ADVERBS_TXT).map(str::trim).collect());

/// Whether `low` is an -ly adverb ("bluntly", "repeatedly"), not a noun such as
/// "family" or "rally" (`resources/claims/not_adverbs.txt`).
pub(crate) fn is_ly_adverb(low: &str) -> bool {
    low.len() > 4 && low.ends_with("ly") && !NOT_ADVERBS.contains(low)
}

/// Full month names, lower-case, from `resources/time/months.tsv`.
static MONTH_NAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    data_lines(MONTHS_TSV)
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let word = cols.next()?;
            (cols.nth(1)? == "full").then(|| word.trim().to_lowercase())
        })
        .collect()
});

/// Whether `low` (lower-case) is a month name.
pub(crate) fn is_month(low: &str) -> bool {
    MONTH_NAMES.contains(low)
}

pub(crate) fn is_time_word(low: &str) -> bool {
    is_weekday(low)
        || matches!(
            low,
            "today"
                | "yesterday"
                | "tonight"
                | "overnight"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "week"
                | "month"
                | "year"
                | "weekend"
        )
}

pub(crate) fn is_pronoun(low: &str) -> bool {
    matches!(
        low,
        "he" | "she" | "they" | "we" | "i" | "it" | "you" | "who"
    )
}

/// Words that cannot make up a speaker alone (`resources/claims/not_speakers.txt`).
static NOT_SPEAKER_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(NOT_SPEAKERS).map(str::trim).collect());

/// Whether a token (lowercase) can be no part of a speaker's name or description
/// alone: a listed function word, or punctuation.
pub(crate) fn not_speaker(word: &str) -> bool {
    NOT_SPEAKER_SET.contains(word) || !word.chars().any(char::is_alphanumeric)
}

/// Generic institution words (`resources/claims/org_words.txt`).
static ORG_WORD_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(ORG_WORDS).map(str::trim).collect());

/// Whether `word` (lowercase) is a generic institution word.
pub(crate) fn is_org_word(word: &str) -> bool {
    ORG_WORD_SET.contains(word)
}

static FINDING_SET: LazyLock<HashMap<String, bool>> = LazyLock::new(|| {
    data_lines(FINDING_SOURCES)
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            let w = it.next()?;
            Some((w.to_string(), it.next() == Some("*")))
        })
        .collect()
});

/// Whether `word` (lowercase) names a source that states findings without a verb of
/// saying ("poll", "sources"); `Some(true)` when "in" can introduce it ("in a poll").
pub(crate) fn finding_source(word: &str) -> Option<bool> {
    FINDING_SET.get(word).copied()
}

static RUBRIC_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(RUBRICS).map(str::trim).collect());

/// Whether `label` (lowercase) is a page rubric written like a speaker label.
pub(crate) fn is_rubric(label: &str) -> bool {
    RUBRIC_SET.contains(label)
}

/// A crude stem: the form less one of "ing", "ed", "es", "s", "e" when at least
/// three bytes remain.
pub(crate) fn stem_of(low: &str) -> &str {
    ["ing", "ed", "es", "s", "e"]
        .iter()
        .find_map(|x| low.strip_suffix(x).filter(|r| r.len() >= 3))
        .unwrap_or(low)
}

/// The bucket (1..=7) of a cue rate of `c` cue tokens in `n` occurrences.
fn rate_bucket(c: usize, n: usize) -> u8 {
    let r = c as f64 / n.max(1) as f64;
    match r {
        r if r < 0.05 => 1,
        r if r < 0.10 => 2,
        r if r < 0.20 => 3,
        r if r < 0.35 => 4,
        r if r < 0.50 => 5,
        r if r < 0.70 => 6,
        _ => 7,
    }
}

/// Cue-rate buckets (1..=7; 0 when not listed) of lower-cased word forms, of their
/// stems, and of forms in context: "w >n" (w before n) and "p< w" (w after p).
pub(crate) struct CuePrior {
    pub forms: HashMap<String, u8>,
    pub stems: HashMap<String, u8>,
    pub pairs: HashMap<String, u8>,
}

impl CuePrior {
    /// From rows (key, tokens inside a gold cue, occurrences), as the file lists them.
    pub(crate) fn from_rows<'a>(rows: impl Iterator<Item = (&'a str, usize, usize)>) -> Self {
        let mut forms = HashMap::new();
        let mut pairs = HashMap::new();
        let mut stems: HashMap<String, (usize, usize)> = HashMap::new();
        for (w, c, n) in rows {
            if w.contains(' ') {
                pairs.insert(w.to_string(), rate_bucket(c, n));
                continue;
            }
            forms.insert(w.to_string(), rate_bucket(c, n));
            let e = stems.entry(stem_of(w).to_string()).or_default();
            e.0 += c;
            e.1 += n;
        }
        let stems = stems
            .into_iter()
            .map(|(k, (c, n))| (k, rate_bucket(c, n)))
            .collect();
        CuePrior {
            forms,
            stems,
            pairs,
        }
    }
}

/// Whether a counted form is listed: a form inside a gold cue at least twice, in at
/// least 2% of at least 3 occurrences; a pair at least twice, in 5% of at least 4.
pub fn keep_cue_row(key: &str, c: usize, n: usize) -> bool {
    if key.contains(' ') {
        c >= 2 && n >= 4 && c * 20 >= n
    } else {
        c >= 2 && n >= 3 && c * 50 >= n
    }
}

/// Adds to `counts` the tokens of `text` (lower-cased, "’" as "'") and their
/// neighbour pairs, each with whether it lies inside one of the `cues`: the counts
/// behind `resources/claims/cue_prior.tsv`.
pub fn count_cue_tokens(
    text: &str,
    cues: &[storyline_model::Span],
    counts: &mut BTreeMap<String, (usize, usize)>,
) {
    let toks: Vec<_> = storyline_text::token_iter(text)
        .map(|t| {
            (
                text[t.span.start..t.span.end]
                    .to_lowercase()
                    .replace('’', "'"),
                t.span,
            )
        })
        .collect();
    for (i, (w, sp)) in toks.iter().enumerate() {
        if !w.chars().any(char::is_alphabetic) {
            continue;
        }
        let inside = cues.iter().any(|c| c.overlaps(*sp));
        let mut keys = vec![w.clone()];
        if let Some((n, _)) = toks.get(i + 1) {
            keys.push(format!("{w} >{n}"));
        }
        if let Some((p, _)) = i.checked_sub(1).and_then(|j| toks.get(j)) {
            keys.push(format!("{p}< {w}"));
        }
        for k in keys {
            let e = counts.entry(k).or_default();
            e.1 += 1;
            e.0 += inside as usize;
        }
    }
}

/// The cue rates of `resources/claims/cue_prior.tsv` (counted over PolNeAR train).
pub(crate) static CUE_PRIOR: LazyLock<CuePrior> = LazyLock::new(|| {
    CuePrior::from_rows(data_lines(CUE_PRIOR_TSV).filter_map(|l| {
        let mut cols = l.split('\t');
        let (w, c, n) = (cols.next()?, cols.next()?, cols.next()?);
        Some((w, c.trim().parse().ok()?, n.trim().parse().ok()?))
    }))
});
