//! Text segmentation for storyline: paragraphs, sentences and tokens of English news
//! text as UTF-8 byte spans `[start, end)` into the document's cleaned text (the
//! offsets every annotation in the project uses), plus normalisation helpers that
//! build case-, accent- and punctuation-insensitive matching keys.
//!
//! - [`paragraphs`] splits on blank lines.
//! - [`sentences`] handles abbreviations ("Sen.", "Oct.", "U.S." mid-sentence and
//!   sentence-final), initials, quotes, ellipses, dashes, decimals, times, URLs, list
//!   items, headlines and hard-wrapped lines. The abbreviation and sentence-starter
//!   lists are data files in `resources/text/` at the repository root, compiled in.
//! - [`tokens`] / [`token_iter`] give Penn-Treebank-like tokens that keep offsets.
//! - [`fold_punctuation`] and [`match_key`] produce matching keys; their output is not
//!   offset-compatible with the input.
//!
//! Nothing here panics on any `&str`, and every function is deterministic.
//!
//! ```
//! use storyline_text::{sentences, tokens, TokenKind};
//!
//! let text = "Sen. Ruiz met U.S. envoys on Oct. 7. “We are ready.” She left.";
//! let got: Vec<&str> = sentences(text).iter().filter_map(|s| s.slice(text)).collect();
//! assert_eq!(got, ["Sen. Ruiz met U.S. envoys on Oct. 7.", "“We are ready.”", "She left."]);
//!
//! let first = tokens(text)[0];
//! assert_eq!((first.span.slice(text), first.kind), (Some("Sen."), TokenKind::Word));
//! ```

mod lexicon;
mod normalize;
mod sentence;
mod token;

#[cfg(test)]
mod tests;

pub use normalize::{fold_punctuation, match_key};
pub use sentence::{paragraphs, sentences};
pub use storyline_model::Span;
pub use token::{is_clitic, token_iter, tokens, word_count, Token, TokenKind, Tokens};

/// Whether `word` (written with or without its final period) is a known
/// abbreviation, a single capital initial or a dotted letter acronym: "Sen.",
/// "U.S.", "p.m.", "F.", "N.Y.", "No." (the last only an abbreviation before a
/// number in running text).
pub fn is_abbreviation(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    lexicon::abbreviation_class(word).is_some()
}

/// Whether a period after `word` (written without it) ends the sentence when `next`
/// is the word after it, by the rules of the sentence splitter: after a title
/// ("Sen.") never, after "No." unless a number follows, after "U.S." / "p.m." only
/// before a common sentence starter, after any other word always.
pub fn period_ends_sentence(word: &str, next: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    match lexicon::abbreviation_class(word) {
        None => true,
        Some(lexicon::AbbrevClass::Title) => false,
        Some(lexicon::AbbrevClass::Number) => !next.starts_with(char::is_numeric),
        Some(lexicon::AbbrevClass::End) => lexicon::is_sentence_starter(next),
    }
}

/// Whether the lower-case `word` is an English function word or a common reporting
/// verb ("after", "which", "said"; `resources/text/function_words.txt`).
pub fn is_function_word(word: &str) -> bool {
    lexicon::is_function_word(word)
}

/// The sentences of `text` with their text, for callers that want both.
pub fn sentence_slices(text: &str) -> impl Iterator<Item = (Span, &str)> + '_ {
    sentences(text)
        .into_iter()
        .filter_map(move |s| s.slice(text).map(|t| (s, t)))
}
