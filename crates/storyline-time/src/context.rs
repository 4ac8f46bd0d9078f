// The tense of the clause around a time expression, read from cue words
// (`resources/time/tense.tsv`): the nearest cue in the same sentence wins; a word
// ending in "-ed" is a weak past cue used only when no listed cue is found.

use crate::rules::{Lexicon, Tense};

/// How far (bytes) to look for the sentence around a mention.
const MAX_SCAN: usize = 300;

/// Whether the word that ends `before` (just before a dot) is an abbreviation such
/// as "Oct", "Gen" or "U.S" (the list of `storyline-text`), not the last word of a
/// sentence ("the West").
fn is_abbrev(before: &str) -> bool {
    let start = before
        .char_indices()
        .rev()
        .find(|(_, ch)| !(ch.is_ascii_alphabetic() || *ch == '.'))
        .map_or(0, |(p, ch)| p + ch.len_utf8());
    storyline_text::is_abbreviation(&before[start..])
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
        return t.map(|t| (t, true));
    }
    if w.ends_with("'ll") {
        return Some((Tense::Future, true));
    }
    // Weak cue: a lower-case word in "-ed" ("tumbled"); a capitalised one is part of
    // a name ("United Nations", "Mohammed").
    if w.len() > 4 && w.ends_with("ed") && word.starts_with(|c: char| c.is_lowercase()) {
        return Some((Tense::Past, false));
    }
    None
}

fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

/// Whether a weak "-ed" cue is not a past form here: the participle of a passive or
/// progressive infinitive ("will be named", "to be completed"), where the auxiliary
/// before "be" carries the tense. `prev` is the word just before the cue.
fn weak_after_be(prev: Option<&str>) -> bool {
    prev.is_some_and(|p| p.eq_ignore_ascii_case("be") || p.eq_ignore_ascii_case("being"))
}

/// The tense of the sentence around `[start, end)`, `None` when no cue is found.
///
/// The nearest listed cue wins, ties going to the words before the mention ("said
/// Friday"). A weak "-ed" cue wins when it is nearer than every listed cue, unless it
/// follows the mention while the listed cue precedes it: the verb before a time
/// phrase governs it ("will double flights by August in markets untouched by ...").
pub(crate) fn tense_at(lex: &Lexicon, text: &str, start: usize, end: usize) -> Option<Tense> {
    let s = sentence_start(text, start);
    let e = sentence_end(text, end).max(end);
    let before: Vec<&str> = words(text.get(s..start).unwrap_or("")).collect();
    let after: Vec<&str> = words(text.get(end..e).unwrap_or("")).collect();
    // (distance, tense, after the mention)
    let mut weak: Option<(usize, Tense, bool)> = None;
    let mut strong: Option<(usize, Tense, bool)> = None;
    let mut consider = |dist: usize, w: &str, prev: Option<&str>, after: bool| {
        if let Some((t, is_strong)) = cue(lex, w) {
            if !is_strong && weak_after_be(prev) {
                return;
            }
            let slot = if is_strong { &mut strong } else { &mut weak };
            if slot.is_none_or(|(d, _, _)| dist < d) {
                *slot = Some((dist, t, after));
            }
        }
    };
    for (i, w) in before.iter().rev().enumerate() {
        let k = before.len() - 1 - i;
        let prev = k.checked_sub(1).map(|j| before[j]);
        consider(i, w, prev, false);
    }
    for (i, w) in after.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| after[j]);
        consider(i + 1, w, prev, true);
    }
    match (strong, weak) {
        (Some((ds, ts, sa)), Some((dw, tw, wa))) => {
            // A weak cue after the mention never beats a listed one before it.
            let weak_may_win = sa || !wa;
            Some(if weak_may_win && dw < ds { tw } else { ts })
        }
        (s, w) => s.or(w).map(|(_, t, _)| t),
    }
}
