// The tense of the clause around a time expression, read from cue words
// (`resources/time/tense.tsv`): the nearest cue in the same sentence wins; a word
// ending in "-ed" is a weak past cue used only when no listed cue is found.

use crate::rules::{Lexicon, Tense};

/// How far (bytes) to look for the sentence around a mention.
const MAX_SCAN: usize = 300;

/// Whether the word that ends `before` (just before a dot) is an abbreviation such
/// as "Oct" or "Gen": short and capitalised.
fn is_abbrev(before: &str) -> bool {
    let start = before
        .char_indices()
        .rev()
        .find(|(_, ch)| !ch.is_ascii_alphabetic())
        .map_or(0, |(p, ch)| p + ch.len_utf8());
    let word = &before[start..];
    word.len() <= 4
        && word
            .chars()
            .next()
            .is_some_and(|ch| ch.is_ascii_uppercase())
}

/// The start of the sentence holding byte `pos`.
fn sentence_start(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    let lo = pos.saturating_sub(MAX_SCAN);
    let mut i = pos.min(b.len());
    while i > lo {
        let c = b[i - 1];
        if c == b'\n' && i >= 2 && b[i - 2] == b'\n' {
            return i;
        }
        if matches!(c, b'!' | b'?' | b'.') && i < b.len() && b[i].is_ascii_whitespace() {
            // "Oct. 27": a dot after a short capitalised word is an abbreviation.
            if !(c == b'.' && is_abbrev(&text[..i - 1])) {
                return i;
            }
        }
        i -= 1;
    }
    // Snap to a char boundary.
    let mut j = i;
    while j < text.len() && !text.is_char_boundary(j) {
        j += 1;
    }
    j
}

/// The end of the sentence holding byte `pos`.
fn sentence_end(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    let hi = (pos + MAX_SCAN).min(b.len());
    let mut i = pos.min(b.len());
    while i < hi {
        let c = b[i];
        if c == b'\n' && i + 1 < b.len() && b[i + 1] == b'\n' {
            return i;
        }
        if matches!(c, b'!' | b'?' | b'.')
            && (i + 1 >= b.len() || b[i + 1].is_ascii_whitespace())
            && !(c == b'.' && is_abbrev(&text[..i]))
        {
            return i;
        }
        i += 1;
    }
    let mut j = i;
    while j > 0 && !text.is_char_boundary(j) {
        j -= 1;
    }
    j
}

fn cue(lex: &Lexicon, word: &str) -> Option<(Tense, bool)> {
    let w = word.to_ascii_lowercase();
    if let Some(t) = lex.tense.get(&w) {
        return Some((*t, true));
    }
    if w.ends_with("'ll") {
        return Some((Tense::Future, true));
    }
    if w.len() > 4 && w.ends_with("ed") {
        return Some((Tense::Past, false));
    }
    None
}

fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

/// The tense of the sentence around `[start, end)`, `None` when no cue is found.
pub(crate) fn tense_at(lex: &Lexicon, text: &str, start: usize, end: usize) -> Option<Tense> {
    let s = sentence_start(text, start);
    let e = sentence_end(text, end).max(end);
    let before = text.get(s..start).unwrap_or("");
    let after = text.get(end..e).unwrap_or("");
    let mut weak: Option<(usize, Tense)> = None;
    let mut strong: Option<(usize, Tense)> = None;
    let mut consider = |dist: usize, w: &str| {
        if let Some((t, is_strong)) = cue(lex, w) {
            let slot = if is_strong { &mut strong } else { &mut weak };
            if slot.is_none_or(|(d, _)| dist < d) {
                *slot = Some((dist, t));
            }
        }
    };
    for (i, w) in words(before).rev().enumerate() {
        consider(i, w);
    }
    for (i, w) in words(after).enumerate() {
        // Ties go to the words before the mention ("said Friday").
        consider(i + 1, w);
    }
    // A weak cue ("tumbled") nearer than every listed cue wins: the verb next to the
    // mention governs it more than a "will" at the far end of the sentence.
    match (strong, weak) {
        (Some((ds, ts)), Some((dw, tw))) => Some(if dw < ds { tw } else { ts }),
        (s, w) => s.or(w).map(|(_, t)| t),
    }
}
