//! Word lists compiled in from `resources/text/` at the repository root: the
//! abbreviations that end in a period (in two classes), the common sentence
//! starters that may follow an abbreviation ending a sentence, and function words.

use std::collections::HashSet;
use std::sync::LazyLock;

const ABBREVIATIONS: &str = include_str!("../../../resources/text/abbreviations.txt");
const STARTERS: &str = include_str!("../../../resources/text/sentence_starters.txt");
const FUNCTION_WORDS: &str = include_str!("../../../resources/text/function_words.txt");

/// How an abbreviation behaves before the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Never ends a sentence (titles, "e.g.", single initials).
    Title,
    /// An abbreviation only before a number ("No. 10", "Vol. 3"); elsewhere the
    /// period is a full stop.
    Number,
    /// May end a sentence, when a common sentence starter follows ("U.S.", "Inc.").
    End,
}

struct Lexicon {
    /// Abbreviations without their final period ("Sen", "U.S", "a.m").
    title: HashSet<&'static str>,
    number: HashSet<&'static str>,
    end: HashSet<&'static str>,
    starters: HashSet<&'static str>,
    function_words: HashSet<&'static str>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut title = HashSet::new();
    let mut number = HashSet::new();
    let mut end = HashSet::new();
    let mut class = AbbrevClass::Title;
    for line in data_lines(ABBREVIATIONS) {
        match line {
            "[title]" => class = AbbrevClass::Title,
            "[number]" => class = AbbrevClass::Number,
            "[end]" => class = AbbrevClass::End,
            _ => {
                let word = line.strip_suffix('.').unwrap_or(line);
                if word.is_empty() {
                    continue;
                }
                match class {
                    AbbrevClass::Title => title.insert(word),
                    AbbrevClass::Number => number.insert(word),
                    AbbrevClass::End => end.insert(word),
                };
            }
        }
    }
    let starters = data_lines(STARTERS).collect();
    let function_words = data_lines(FUNCTION_WORDS).collect();
    Lexicon {
        title,
        number,
        end,
        starters,
        function_words,
    }
});

/// Non-empty, non-comment lines of a data file, trimmed.
fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The class of `word` (written without its final period) when it is a listed
/// abbreviation, a single capital initial ("F") or a dotted letter acronym ("N.Y").
pub(crate) fn abbreviation_class(word: &str) -> Option<AbbrevClass> {
    if word.is_empty() {
        return None;
    }
    let lex = &*LEXICON;
    if lex.title.contains(word) {
        return Some(AbbrevClass::Title);
    }
    if lex.number.contains(word) {
        return Some(AbbrevClass::Number);
    }
    if lex.end.contains(word) {
        return Some(AbbrevClass::End);
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return Some(AbbrevClass::Title);
        }
        return None;
    }
    if is_dotted_acronym(word) {
        return Some(AbbrevClass::End);
    }
    None
}

/// "U.S", "a.m", "J.K": single letters joined by periods (the final period left off).
pub(crate) fn is_dotted_acronym(word: &str) -> bool {
    let mut letters = 0;
    for part in word.split('.') {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => letters += 1,
            _ => return false,
        }
    }
    letters >= 2
}

/// Whether `word` is a common sentence-initial word ("The", "He", "But").
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    LEXICON.starters.contains(word)
}

/// Whether `word` (lower-case) is a listed function word ("after", "which", "said").
pub(crate) fn is_function_word(word: &str) -> bool {
    LEXICON.function_words.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_with_classes() {
        assert_eq!(abbreviation_class("Sen"), Some(AbbrevClass::Title));
        assert_eq!(abbreviation_class("Dr"), Some(AbbrevClass::Title));
        assert_eq!(abbreviation_class("U.S"), Some(AbbrevClass::End));
        assert_eq!(abbreviation_class("Oct"), Some(AbbrevClass::End));
        assert_eq!(abbreviation_class("a.m"), Some(AbbrevClass::End));
        assert_eq!(abbreviation_class("F"), Some(AbbrevClass::Title));
        assert_eq!(abbreviation_class("N.Z"), Some(AbbrevClass::End));
        assert_eq!(abbreviation_class("Sheikh"), None);
        assert_eq!(abbreviation_class("No"), Some(AbbrevClass::Number));
        assert_eq!(abbreviation_class("no"), None);
        assert_eq!(abbreviation_class("talks"), None);
        assert_eq!(abbreviation_class(""), None);
        assert!(is_sentence_starter("The"));
        assert!(!is_sentence_starter("Army"));
    }
}
