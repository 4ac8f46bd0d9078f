//! Paragraph and sentence segmentation with UTF-8 byte offsets, tuned for English
//! news text: abbreviations, quotes, ellipses, list items and hard-wrapped lines.

use crate::lexicon::{abbreviation_class, is_sentence_starter, AbbrevClass};
use crate::Span;

/// Paragraph spans: text between blank lines (lines that are empty or only
/// whitespace), trimmed of surrounding whitespace.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for_each_paragraph(text, |p| out.push(p));
    out
}

/// Sentence spans over the whole text, in order, non-overlapping and trimmed; a
/// sentence never crosses a blank line.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 120 + 1);
    for_each_paragraph(text, |p| split_paragraph(text, p, &mut out));
    out
}

/// Calls `f` with each paragraph's trimmed span, in order.
fn for_each_paragraph(text: &str, mut f: impl FnMut(Span)) {
    // (start of the first non-blank line, end of the last non-blank line)
    let mut current: Option<(usize, usize)> = None;
    for (ls, le) in Lines::new(text, 0, text.len()) {
        if is_blank(&text[ls..le]) {
            if let Some((s, e)) = current.take() {
                if let Some(span) = trim_span(text, s, e) {
                    f(span);
                }
            }
        } else {
            current = Some(match current {
                Some((s, _)) => (s, le),
                None => (ls, le),
            });
        }
    }
    if let Some((s, e)) = current {
        if let Some(span) = trim_span(text, s, e) {
            f(span);
        }
    }
}

/// The lines of `text[start..end]` as `(start, end)` pairs, the newline left out.
/// Both ends always fall on char boundaries (a `\n` byte is always a whole char).
struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
    end: usize,
    done: bool,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str, start: usize, end: usize) -> Self {
        Lines {
            bytes: text.as_bytes(),
            pos: start,
            end,
            done: start > end,
        }
    }
}

impl Iterator for Lines<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        if self.done {
            return None;
        }
        let start = self.pos;
        let hay = self.bytes.get(start..self.end).unwrap_or(&[]);
        match memchr::memchr(b'\n', hay) {
            Some(p) => {
                self.pos = start + p + 1;
                Some((start, start + p))
            }
            None => {
                self.done = true;
                Some((start, self.end))
            }
        }
    }
}

fn is_blank(line: &str) -> bool {
    line.trim_start().is_empty()
}

/// `text[start..end]` without leading and trailing whitespace, or `None` when
/// nothing is left.
pub(crate) fn trim_span(text: &str, start: usize, end: usize) -> Option<Span> {
    let slice = text.get(start..end)?;
    let left = slice.trim_start();
    let s = end - left.len();
    let both = left.trim_end();
    let e = s + both.len();
    (e > s).then(|| Span::new(s, e))
}

/// Characters, not bytes, in a line (UTF-8 lead bytes).
fn char_len(s: &str) -> usize {
    s.bytes().filter(|b| (b & 0xC0) != 0x80).count()
}

/// Whether a (trimmed) line ends with terminal punctuation, optionally followed by
/// closing quotes or brackets, that is not the period of a title or an initial
/// ("Sen.", "F.") which never ends a sentence.
fn ends_terminal(line: &str) -> bool {
    let rest = line.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']']);
    if let Some(head) = rest.strip_suffix('.') {
        let word = word_before(head, 0, head.len());
        return !matches!(
            abbreviation_class(word),
            Some(AbbrevClass::Title | AbbrevClass::Number)
        );
    }
    rest.ends_with(['!', '?', '…'])
}

/// Byte length of a list marker (`- `, `* `, `• `, `1. `, `12) `) at the start of a
/// trimmed line, or 0.
fn list_marker_len(line: &str) -> usize {
    let bytes = line.as_bytes();
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return 0;
    };
    if matches!(first, '-' | '*' | '•' | '‣' | '◦' | '▪' | '●' | '■' | '·') {
        let l = first.len_utf8();
        return match bytes.get(l) {
            Some(b' ' | b'\t') => l + 1,
            _ => 0,
        };
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if (1..=2).contains(&digits)
        && matches!(bytes.get(digits), Some(b'.' | b')'))
        && matches!(bytes.get(digits + 1), Some(b' ' | b'\t'))
    {
        return digits + 2;
    }
    0
}

/// Splits one paragraph into sentences. A paragraph that looks hard-wrapped has its
/// single newlines read as spaces (apart from list items, which start sentences);
/// otherwise every line is split on its own.
fn split_paragraph(text: &str, para: Span, out: &mut Vec<Span>) {
    // Statistics over every line but the last (a wrapped paragraph's last line is
    // short); the last line must not be longer than a wrapped line either.
    let mut non_last = 0usize;
    let mut in_range = 0usize;
    let mut terminal = 0usize;
    let mut last: Option<(usize, bool)> = None;
    for (ls, le) in Lines::new(text, para.start, para.end) {
        let line = text[ls..le].trim();
        if let Some((len, term)) = last {
            non_last += 1;
            in_range += usize::from((50..=100).contains(&len));
            terminal += usize::from(term);
        }
        last = Some((char_len(line), ends_terminal(line)));
    }
    let last_len = last.map_or(0, |(len, _)| len);
    // Wrapped lines end mid-sentence far more often than not (a sentence ends at
    // about one word boundary in twenty), while unwrapped short lines end in
    // punctuation; a one-line-plus-remainder paragraph must not end in any.
    let wrapped = non_last >= 1
        && in_range * 2 > non_last
        && terminal * 2 <= non_last
        && terminal < non_last
        && last_len <= 100;

    if !wrapped {
        for (ls, le) in Lines::new(text, para.start, para.end) {
            split_block(text, ls, le, out);
        }
        return;
    }
    let mut block_start = para.start;
    for (ls, le) in Lines::new(text, para.start, para.end) {
        if ls > block_start && list_marker_len(text[ls..le].trim_start()) > 0 {
            split_block(text, block_start, ls, out);
            block_start = ls;
        }
    }
    split_block(text, block_start, para.end, out);
}

fn is_ellipsis_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i..i + 3) == Some(&[0xE2, 0x80, 0xA6])
}

/// A closing quote or bracket at `i`: its byte length and whether it is a quote.
fn closer_at(bytes: &[u8], i: usize) -> Option<(usize, bool)> {
    match bytes.get(i)? {
        b'"' | b'\'' => Some((1, true)),
        b')' | b']' | b'}' => Some((1, false)),
        0xC2 if bytes.get(i + 1) == Some(&0xBB) => Some((2, true)), // »
        0xE2 => match bytes.get(i + 1..i + 3)? {
            [0x80, 0x9D] | [0x80, 0x99] | [0x80, 0xBA] => Some((3, true)), // ” ’ ›
            _ => None,
        },
        _ => None,
    }
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// First index at or after `i` (up to `end`) that is not whitespace.
fn skip_ws(text: &str, mut i: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    while i < end {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            break;
        }
        match char_at(text, i) {
            Some(c) if c.is_whitespace() => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// Whether the text at `i` can begin a sentence: an uppercase (or uncased) letter,
/// a digit, an opening quote or bracket, or a camel-case word like "iPhone".
fn starts_sentence(text: &str, i: usize) -> bool {
    let Some(c) = char_at(text, i) else {
        return false;
    };
    if c.is_alphabetic() {
        if !c.is_lowercase() {
            return true;
        }
        return char_at(text, i + c.len_utf8()).is_some_and(char::is_uppercase);
    }
    c.is_numeric()
        || matches!(
            c,
            '"' | '\'' | '“' | '‘' | '«' | '„' | '‚' | '(' | '[' | '{' | '¿' | '¡'
        )
}

/// The word (letters, digits and inner periods) that ends right before byte `p`,
/// not reaching back before `lo`.
fn word_before(text: &str, lo: usize, p: usize) -> &str {
    let Some(head) = text.get(lo..p) else {
        return "";
    };
    let mut start = head.len();
    for (idx, c) in head.char_indices().rev() {
        if c.is_alphanumeric() || c == '.' {
            start = idx;
        } else {
            break;
        }
    }
    &head[start..]
}

/// The run of letters starting at `i`.
fn word_after(text: &str, i: usize, end: usize) -> &str {
    let Some(tail) = text.get(i..end) else {
        return "";
    };
    let len = tail
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(tail.len(), |(idx, _)| idx);
    &tail[..len]
}

/// Verbs of an attribution after a quoted question or exclamation.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "added",
    "adds",
    "shouted",
    "yelled",
    "cried",
    "replied",
    "told",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "demanded",
    "wondered",
    "exclaimed",
    "continued",
    "insisted",
    "recalled",
    "countered",
    "chanted",
];

/// Whether the text at `i` reads as an attribution: one to three capitalised words
/// (a name) followed by a speech verb, as in `Maria Lopez asked`.
fn attribution_follows(text: &str, mut i: usize, end: usize) -> bool {
    for n in 0..4 {
        let word = word_after(text, i, end);
        if word.is_empty() {
            return false;
        }
        if n > 0 && SPEECH_VERBS.contains(&word) {
            return true;
        }
        if n == 3 || !word.starts_with(char::is_uppercase) || is_sentence_starter(word) {
            return false;
        }
        let after = i + word.len();
        i = skip_ws(text, after, end);
        if i == after {
            return false;
        }
    }
    false
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    if let Some(span) = trim_span(text, start, end) {
        out.push(span);
    }
}

/// Splits `text[start..end]` (a line, or a hard-wrapped paragraph whose newlines
/// count as spaces) at sentence-final punctuation.
fn split_block(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(block) = trim_span(text, start, end) else {
        return;
    };
    let (start, end) = (block.start, block.end);
    let bytes = text.as_bytes();
    let mut sentence_start = start;
    let mut i = start + list_marker_len(&text[start..end]);
    while i < end {
        let b = bytes[i];
        let terminal = match b {
            b'.' | b'!' | b'?' => true,
            0xE2 => is_ellipsis_at(bytes, i),
            _ => false,
        };
        if !terminal {
            i += 1;
            continue;
        }
        // The run of terminal punctuation: ".", "?!", "...", "…".
        let run_start = i;
        let mut periods = 0usize;
        let mut strong = false;
        let mut j = i;
        while j < end {
            match bytes[j] {
                b'.' => {
                    periods += 1;
                    j += 1;
                }
                b'!' | b'?' => {
                    strong = true;
                    j += 1;
                }
                0xE2 if is_ellipsis_at(bytes, j) => {
                    strong = true;
                    j += 3;
                }
                _ => break,
            }
        }
        // Closing quotes and brackets stay with the sentence they close.
        let mut k = j;
        let mut quote_closed = false;
        while k < end {
            match closer_at(bytes, k) {
                Some((len, is_quote)) => {
                    quote_closed |= is_quote;
                    k += len;
                }
                None => break,
            }
        }
        let m = skip_ws(text, k, end);
        if m == k || m >= end {
            // No space after it ("3.5", "U.S", "example.com/a.b") or end of block.
            i = j;
            continue;
        }
        let split = if !starts_sentence(text, m) {
            false
        } else if strong && quote_closed {
            // `"Why now?" Smith asked.` stays one sentence; `"Why now?" The ...` splits.
            !attribution_follows(text, m, end)
        } else if strong || periods > 1 || quote_closed {
            true
        } else {
            match abbreviation_class(word_before(text, start, run_start)) {
                None => true,
                Some(AbbrevClass::Title) => false,
                Some(AbbrevClass::Number) => !char_at(text, m).is_some_and(char::is_numeric),
                Some(AbbrevClass::End) => is_sentence_starter(word_after(text, m, end)),
            }
        };
        if split {
            push_trimmed(text, sentence_start, k, out);
            sentence_start = m;
            i = m;
        } else {
            i = j;
        }
    }
    push_trimmed(text, sentence_start, end, out);
}
