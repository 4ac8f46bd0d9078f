//! The data files under `resources/ingest/` (noise and caption patterns, outlets,
//! header keys, outlet words, dateline stop words), compiled in and parsed once.

use regex::{Regex, RegexSet};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;
use storyline_model::RemovedKind;

const NOISE_TSV: &str = include_str!("../../../resources/ingest/noise.tsv");
const CAPTIONS_TSV: &str = include_str!("../../../resources/ingest/captions.tsv");
const OUTLETS_TSV: &str = include_str!("../../../resources/ingest/outlets.tsv");
const OUTLET_WORDS: &str = include_str!("../../../resources/ingest/outlet_words.txt");
const HEADER_KEYS_TSV: &str = include_str!("../../../resources/ingest/header_keys.tsv");
const DATELINE_STOP: &str = include_str!("../../../resources/ingest/dateline_stop.txt");

/// Data lines of a resource file: blank lines and `#` comments skipped.
pub(crate) fn data_lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn kind_from_name(name: &str) -> Option<RemovedKind> {
    Some(match name {
        "boilerplate" => RemovedKind::Boilerplate,
        "navigation" => RemovedKind::Navigation,
        "advertising" => RemovedKind::Advertising,
        "related-link" => RemovedKind::RelatedLink,
        "caption" => RemovedKind::Caption,
        "credit" => RemovedKind::Credit,
        _ => return None,
    })
}

/// Case-insensitive, with ASCII word boundaries: Unicode `\b` would push the regex
/// engine off its fast DFA path onto the much slower PikeVM for non-ASCII lines.
pub(crate) fn ascii_boundaries(pattern: &str) -> String {
    format!("(?i){}", pattern.replace(r"\b", r"(?-u:\b)"))
}

/// Whole-line noise patterns with their kind and reason.
pub struct NoiseRules {
    set: RegexSet,
    rules: Vec<(RemovedKind, String)>,
}

impl NoiseRules {
    /// The kind and reason of the first pattern matching the whole trimmed line.
    pub fn classify(&self, line: &str) -> Option<(RemovedKind, &str)> {
        let hit = self.set.matches(line.trim()).into_iter().next()?;
        let (kind, reason) = &self.rules[hit];
        Some((*kind, reason.as_str()))
    }
}

pub static NOISE: LazyLock<NoiseRules> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut rules = Vec::new();
    for line in data_lines(NOISE_TSV) {
        let cols: Vec<&str> = line.splitn(3, '\t').collect();
        let [kind, reason, pattern] = cols[..] else {
            continue;
        };
        let Some(kind) = kind_from_name(kind) else {
            continue;
        };
        patterns.push(ascii_boundaries(pattern));
        rules.push((kind, reason.to_string()));
    }
    NoiseRules {
        set: RegexSet::new(&patterns).expect("noise.tsv patterns compile"),
        rules,
    }
});

/// Caption patterns with their reason.
pub struct CaptionRules {
    set: RegexSet,
    reasons: Vec<String>,
}

impl CaptionRules {
    pub fn classify(&self, line: &str) -> Option<&str> {
        let hit = self.set.matches(line.trim()).into_iter().next()?;
        Some(self.reasons[hit].as_str())
    }
}

pub static CAPTIONS: LazyLock<CaptionRules> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut reasons = Vec::new();
    for line in data_lines(CAPTIONS_TSV) {
        let Some((reason, pattern)) = line.split_once('\t') else {
            continue;
        };
        patterns.push(ascii_boundaries(pattern));
        reasons.push(reason.to_string());
    }
    CaptionRules {
        set: RegexSet::new(&patterns).expect("captions.tsv patterns compile"),
        reasons,
    }
});

/// Known outlets: lowercase alias to canonical name.
pub static OUTLETS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for line in data_lines(OUTLETS_TSV) {
        let Some((canonical, aliases)) = line.split_once('\t') else {
            continue;
        };
        map.insert(
            canonical.trim().to_lowercase(),
            canonical.trim().to_string(),
        );
        for alias in aliases.split('|') {
            map.insert(alias.trim().to_lowercase(), canonical.trim().to_string());
        }
    }
    map
});

/// The canonical outlet name for `s` when it is a known outlet.
pub fn known_outlet(s: &str) -> Option<&'static str> {
    let key = s
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .to_lowercase();
    let key = key.strip_prefix("www.").unwrap_or(&key);
    OUTLETS.get(key).map(|s| s.as_str())
}

pub static OUTLET_WORD_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(OUTLET_WORDS).map(|l| l.trim()).collect());

/// Whether a name contains a word typical of publication names ("Herald", "Wire").
pub fn has_outlet_word(s: &str) -> bool {
    s.split(|c: char| !c.is_alphanumeric())
        .any(|w| OUTLET_WORD_SET.contains(w.to_lowercase().as_str()))
}

/// Header keys (lowercase) to the field they fill.
pub static HEADER_KEYS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    data_lines(HEADER_KEYS_TSV)
        .filter_map(|l| l.split_once('\t'))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect()
});

pub static DATELINE_STOP_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(DATELINE_STOP).map(|l| l.trim()).collect());

/// Regex for a header field line `Key: value`.
pub static HEADER_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[*_]*([A-Za-z][A-Za-z ]{0,24}?)[*_]*\s*:[*_]*\s+(.+?)\s*$")
        .expect("header field regex")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        assert!(NOISE.rules.len() >= 10);
        assert!(CAPTIONS.reasons.len() >= 3);
        assert_eq!(known_outlet("Times Of Israel"), Some("The Times of Israel"));
        assert_eq!(known_outlet("(Reuters)"), Some("Reuters"));
        assert_eq!(known_outlet("AP"), Some("Associated Press"));
        assert_eq!(known_outlet("Meridian Wire"), None);
        assert!(has_outlet_word("Harbor Ledger"));
        assert!(!has_outlet_word("Ana Ruiz"));
        assert_eq!(HEADER_KEYS.get("publication date"), Some(&"published"));
        assert!(DATELINE_STOP_WORDS.contains("BREAKING"));
    }

    #[test]
    fn noise_lines() {
        let cases = [
            (
                "Read more: Floods close the coastal road",
                RemovedKind::RelatedLink,
            ),
            ("ADVERTISEMENT", RemovedKind::Advertising),
            ("Sponsored: Try our new app today", RemovedKind::Advertising),
            ("Share this article", RemovedKind::Boilerplate),
            (
                "Sign up for our morning newsletter",
                RemovedKind::Boilerplate,
            ),
            (
                "© 2025 Harbor Ledger. All rights reserved.",
                RemovedKind::Boilerplate,
            ),
            (
                "Home | World | Politics | Business",
                RemovedKind::Navigation,
            ),
            ("Menu", RemovedKind::Navigation),
            ("Source", RemovedKind::Boilerplate),
            (
                "(Updates with reaction from ministry, paragraphs 3-5)",
                RemovedKind::Boilerplate,
            ),
        ];
        for (line, kind) in cases {
            assert_eq!(NOISE.classify(line).map(|(k, _)| k), Some(kind), "{line}");
        }
        for prose in [
            "The ministry said it would share the report with lawmakers on Monday.",
            "Officials read more than 300 letters from residents.",
            "Home owners near the river were told to leave.",
            "The advertisement ran in three newspapers, the company said.",
        ] {
            assert_eq!(NOISE.classify(prose), None, "{prose}");
        }
    }

    #[test]
    fn caption_lines() {
        assert!(CAPTIONS
            .classify("Workers carry sandbags along the river bank in Laketon on March 4, 2025. (Photo: Lena Maris/Harbor Ledger)")
            .is_some());
        assert!(CAPTIONS
            .classify("FILE: The governor speaks to reporters outside the assembly.")
            .is_some());
        assert!(CAPTIONS
            .classify("The minister arrives in the capital. (File photo via AP)")
            .is_some());
        assert!(CAPTIONS
            .classify("The minister said the plant would reopen (pending inspection) in May.")
            .is_none());
    }
}
