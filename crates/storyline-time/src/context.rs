// The tense of the clause around a time expression, read from cue words
// (`resources/time/tense.tsv`): the nearest cue in the same sentence wins; a
// lower-case word ending in "-ed" is a weak past cue, which wins only when it is
// nearer than every listed cue (and not after the mention while the listed cue is
// before it).

use crate::rules::{Lexicon, Tense};

/// How far (bytes) to look for the sentence around a mention.
const MAX_SCAN: usize = 300;

/// Whether the period at byte `dot` of `text` does not end a sentence: it closes an
/// abbreviation ("Oct. 27", "Gen. Smith", "U.S. Navy"), by `storyline-text`'s
/// rules, while "the West. The" and "8 p.m. Officials" end one.
fn period_continues(text: &str, dot: usize) -> bool {
    let before = text.get(..dot).unwrap_or("");
    let start = before
        .char_indices()
        .rev()
        .find(|(_, ch)| !(ch.is_ascii_alphabetic() || *ch == '.'))
        .map_or(0, |(p, ch)| p + ch.len_utf8());
    let word = &before[start..];
    if word.is_empty() {
        return false;
    }
    let after = text.get(dot + 1..).unwrap_or("").trim_start();
    let next = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    !storyline_text::period_ends_sentence(word, next)
}

/// Closing quote marks after a sentence's final punctuation ("now.''", "now.”").
fn closing_quote_len(s: &str) -> usize {
    ['"', '\'', '”', '’', '»']
        .iter()
        .find(|q| s.ends_with(**q))
        .map_or(0, |q| q.len_utf8())
}

/// Whether a sentence ends just before byte `i` of `text` (where whitespace
/// follows): a full stop that is no abbreviation's, "!" or "?", perhaps closed by
/// up to two quote marks ("Look at us now.'' The club").
fn sentence_ends_before(text: &str, i: usize) -> bool {
    let mut j = i;
    for _ in 0..2 {
        match text.get(..j).map(closing_quote_len) {
            Some(n) if n > 0 => j -= n,
            _ => break,
        }
    }
    let b = text.as_bytes();
    j > 0
        && match b[j - 1] {
            b'!' | b'?' => true,
            // "Oct. 27": the dot of an abbreviation.
            b'.' => !period_continues(text, j - 1),
            _ => false,
        }
}

/// The start of the sentence holding byte `pos`.
pub(crate) fn sentence_start(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    let lo = pos.saturating_sub(MAX_SCAN);
    let mut i = pos.min(b.len());
    while i > lo {
        let c = b[i - 1];
        if c == b'\n' && i >= 2 && b[i - 2] == b'\n' {
            return i;
        }
        // the byte before: a full stop, "!", "?", a quote mark or the last byte of
        // a curly one (a quick test before the full one)
        if i < b.len()
            && b[i].is_ascii_whitespace()
            && matches!(c, b'.' | b'!' | b'?' | b'"' | b'\'' | 0x9D | 0x99 | 0xBB)
            && sentence_ends_before(text, i)
        {
            return i;
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
pub(crate) fn sentence_end(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    let hi = (pos + MAX_SCAN).min(b.len());
    let mut i = pos.min(b.len());
    while i < hi {
        let c = b[i];
        if c == b'\n' && i + 1 < b.len() && b[i + 1] == b'\n' {
            return i;
        }
        if matches!(c, b'!' | b'?' | b'.') {
            // the punctuation, perhaps closed by quote marks, then a space
            let rest = text.get(i + 1..).unwrap_or("");
            let quoted = rest.len() - rest.trim_start_matches(['"', '\'', '”', '’', '»']).len();
            let k = i + 1 + quoted.min(6);
            if (k >= b.len() || b[k].is_ascii_whitespace())
                && !(c == b'.' && period_continues(text, i))
            {
                return i;
            }
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

pub(crate) fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
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
    tense_cue_at(lex, text, start, end).map(|c| c.tense)
}

/// The tense of a time expression's clause and how it was read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TenseCue {
    pub tense: Tense,
    /// Read from a listed cue word, or a weak "-ed" word not followed by
    /// "until"/"to" before the mention ("postponed until January" is no past
    /// reference).
    pub firm: bool,
    /// A past read from the clause's own verb just before the mention (at most
    /// two words before it): a listed cue that is no verb of saying ("said" may
    /// govern a clause of another tense), or an "-ed" form after
    /// "was"/"were"/"had"/"been" ("was sentenced in October"); with no verb of
    /// saying before it (reported speech shifts its tense back: "said the trial
    /// was in October") and no word between it and the mention that points ahead
    /// ("set for", "extended to", "was anticipated in").
    pub plain_past: bool,
    /// Read from a verb of saying ("said"), which may govern a clause of another
    /// tense.
    pub saying: bool,
}

/// One cue word found: distance from the mention, tense, after the mention, a
/// plain past, a verb of saying.
type Found = (usize, Tense, bool, bool, bool);

/// [`tense_at`], with how the tense was read.
pub(crate) fn tense_cue_at(
    lex: &Lexicon,
    text: &str,
    start: usize,
    end: usize,
) -> Option<TenseCue> {
    // "since March": a period reaching up to now began in the past.
    if follows_since(text, start) {
        return Some(TenseCue {
            tense: Tense::Past,
            firm: true,
            plain_past: false,
            saying: false,
        });
    }
    let s = sentence_start(text, start);
    let e = sentence_end(text, end).max(end);
    let before: Vec<&str> = words(text.get(s..start).unwrap_or("")).collect();
    let after: Vec<&str> = words(text.get(end..e).unwrap_or("")).collect();
    // "meets Tuesday", "resume on Monday", "meet separately Monday": a scheduling
    // verb right before the mention (not "Monday's deadline").
    let possessive = text
        .get(end..)
        .is_some_and(|r| r.starts_with("'s") || r.starts_with("’s"));
    let scheduled = |i: usize| {
        let w = before[before.len() - 1 - i].to_ascii_lowercase();
        lex.schedule.contains(&w)
            && !possessive
            && (i == 0
                || i == 1 && {
                    let x = before[before.len() - 1].to_ascii_lowercase();
                    x == "on" || x.len() > 3 && x.ends_with("ly")
                })
    };
    let sched = (0..before.len().min(2)).any(scheduled);
    let is_saying = |w: &str| lex.reporting.contains(&w.to_ascii_lowercase());
    let mut weak: Option<Found> = None;
    let mut strong: Option<Found> = sched.then_some((0, Tense::Future, false, false, false));
    // Records a cue word (`prev` and `next` are its neighbours, `said_before`
    // whether a verb of saying precedes it); true when `w` is one.
    let mut consider = |dist: usize,
                        w: &str,
                        prev: Option<&str>,
                        (next, next2): (Option<&str>, Option<&str>),
                        after: bool,
                        said_before: bool| {
        let Some((t, is_strong)) = cue(lex, w) else {
            return false;
        };
        // "will be held", "to be named": a participle after "be" is no past
        if (!is_strong || t == Tense::Past) && weak_after_be(prev) {
            return false;
        }
        if modal_not_ahead(lex, w, prev, next, next2) {
            return false;
        }
        let saying = is_saying(w);
        let plain = t == Tense::Past
            && !after
            && dist <= 2
            && !said_before
            && if is_strong {
                !saying
            } else {
                prev.is_some_and(|p| {
                    ["was", "were", "had", "been"]
                        .iter()
                        .any(|x| p.eq_ignore_ascii_case(x))
                })
            };
        let slot = if is_strong { &mut strong } else { &mut weak };
        if slot.is_none_or(|(d, ..)| dist < d) {
            *slot = Some((dist, t, after, plain, saying));
        }
        true
    };
    let mut cued_before = sched;
    // the first verb of saying before the mention
    let first_saying = before.iter().position(|x| is_saying(x));
    for (i, w) in before.iter().rev().enumerate() {
        let k = before.len() - 1 - i;
        let prev = k.checked_sub(1).map(|j| before[j]);
        let next = (before.get(k + 1).copied(), before.get(k + 2).copied());
        let said_before = first_saying.is_some_and(|f| f < k);
        cued_before |= consider(i, w, prev, next, false, said_before);
    }
    for (i, w) in after.iter().enumerate() {
        // "met on Thursday and will resume in January": a clause joined after the
        // mention has its own verb; it counts only when none precedes the mention.
        if cued_before && is_clause_join(w) {
            break;
        }
        let prev = i.checked_sub(1).map(|j| after[j]);
        let next = (after.get(i + 1).copied(), after.get(i + 2).copied());
        consider(i + 1, w, prev, next, true, true);
    }
    // A weak cue before the mention with "until"/"to" between them tells when
    // something will happen, not that it did ("postponed until January").
    let weak_firm = |(d, _, after, ..): Found| {
        after
            || !before[before.len().saturating_sub(d)..]
                .iter()
                .any(|w| is_toward(w))
    };
    // only prepositions and adverbs of time between a cue before the mention and
    // it ("was sentenced in", "was released early on"), and the cue itself no word
    // that points ahead ("was anticipated in October")
    let direct = |d: usize| {
        let k = before.len().saturating_sub(d + 1);
        before.get(k).is_some_and(|c| !lex.context_word("ahead", c))
            && before[k + 1..].iter().all(|w| lex.context_word("gap", w))
    };
    let listed = |(d, tense, _, plain, saying): Found| TenseCue {
        tense,
        firm: true,
        plain_past: plain && direct(d),
        saying,
    };
    let unlisted = |w @ (d, tense, _, plain, _): Found| TenseCue {
        tense,
        firm: weak_firm(w),
        plain_past: plain && direct(d),
        saying: false,
    };
    match (strong, weak) {
        (Some(st @ (ds, _, sa, ..)), Some(w @ (dw, _, wa, ..))) => {
            // A weak cue after the mention never beats a listed one before it,
            // nor one that tells when something will happen ("will remain closed
            // until Monday").
            let weak_may_win = (sa || !wa) && weak_firm(w);
            Some(if weak_may_win && dw < ds {
                unlisted(w)
            } else {
                listed(st)
            })
        }
        (Some(st), None) => Some(listed(st)),
        (None, Some(w)) => Some(unlisted(w)),
        (None, None) => None,
    }
}

/// Whether a modal cue does not point ahead here: "would not comment", "would
/// neither confirm nor deny" (a refusal reported), "would have turned 90",
/// "should have come" (a past that did not happen; not "should have power"),
/// "was not possible".
fn modal_not_ahead(
    lex: &Lexicon,
    w: &str,
    prev: Option<&str>,
    next: Option<&str>,
    next2: Option<&str>,
) -> bool {
    let is = |x: Option<&str>, set: &[&str]| {
        x.is_some_and(|x| set.iter().any(|s| x.eq_ignore_ascii_case(s)))
    };
    if w.eq_ignore_ascii_case("would") || w.eq_ignore_ascii_case("should") {
        // a participle: a past form of the tense lexicon ("arrived", "made"), one
        // in "-en" ("been", "taken"), or an irregular one that is no past form
        let participle = next2.is_some_and(|p| {
            matches!(cue(lex, p), Some((Tense::Past, _)))
                || p.to_ascii_lowercase().ends_with("en")
                || is(Some(p), &["come", "gone", "done"])
        });
        return is(next, &["not", "neither", "never"]) || is(next, &["have"]) && participle;
    }
    if w.eq_ignore_ascii_case("possible") {
        return is(prev, &["was", "were", "not", "wasn't", "weren't"]);
    }
    false
}

/// Whether the word just before byte `start` is "since" ("since October").
pub(crate) fn follows_since(text: &str, start: usize) -> bool {
    words(text.get(..start).unwrap_or(""))
        .next_back()
        .is_some_and(|w| w.eq_ignore_ascii_case("since"))
}

/// A word that joins a new clause after a time phrase ("and", "but", "while").
fn is_clause_join(w: &str) -> bool {
    [
        "and", "but", "while", "whereas", "although", "though", "because", "yet",
    ]
    .iter()
    .any(|t| w.eq_ignore_ascii_case(t))
}

/// "until", "till", "to", "into", "through": a preposition of time toward a point.
fn is_toward(w: &str) -> bool {
    ["until", "till", "to", "into", "through"]
        .iter()
        .any(|t| w.eq_ignore_ascii_case(t))
}
