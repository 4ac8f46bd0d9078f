//! Penn-Treebank-like tokenisation that keeps byte offsets: words, numbers,
//! punctuation and symbols, with contractions split off and abbreviations, URLs,
//! emails, handles and hashtags kept whole. No allocation per token.

use crate::lexicon::{abbreviation_class, AbbrevClass};
use crate::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, inner hyphens, periods and apostrophes), an
    /// abbreviation with its period ("U.S.", "Sen."), a contraction part ("n't",
    /// "'s"), or a URL, email, @handle or #hashtag.
    Word,
    /// Digits with inner separators: "1,500", "3.5", "2023-10-27", "4:30", "10/27".
    Number,
    /// Punctuation: `. , ; : ! ? ' " ( ) [ ] - – — … “ ” ‘ ’` and the like. A run of
    /// periods ("...") or of hyphens ("--") is one token.
    Punct,
    /// Anything else that is not a letter or digit: `$ % & + = # @`, currency and
    /// math signs, emoji.
    Symbol,
}

/// One token: its byte span in the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// All tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    out.extend(token_iter(text));
    out
}

/// A lazy iterator over the tokens of `text` (what [`tokens`] collects).
pub fn token_iter(text: &str) -> Tokens<'_> {
    Tokens {
        text,
        pos: 0,
        pending: None,
    }
}

/// Number of word and number tokens, the way a reader counts words: the split-off
/// parts of contractions ("'s", "n't") are not counted again.
pub fn word_count(text: &str) -> usize {
    token_iter(text)
        .filter(|t| match t.kind {
            TokenKind::Number => true,
            TokenKind::Word => !is_clitic(&text[t.span.start..t.span.end]),
            _ => false,
        })
        .count()
}

/// Whether a word token is a split-off contraction part ("'s", "’ll", "n't").
pub fn is_clitic(token: &str) -> bool {
    token.starts_with(['\'', '’']) || matches!(token, "n't" | "N'T" | "n’t" | "N’T" | "N't" | "N’t")
}

/// Iterator returned by [`token_iter`].
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    /// A contraction part split off the word just returned.
    pending: Option<Token>,
}

fn decode(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// Zero-width characters skipped between tokens like spaces.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

/// Characters that continue a word but cannot start one: combining marks, soft
/// hyphen, zero-width (non-)joiners.
fn is_word_joiner(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{00AD}'
        | '\u{200C}'
        | '\u{200D}')
}

fn is_alnum_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(b) if *b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => decode(text, i).is_some_and(char::is_alphanumeric),
    }
}

fn starts_with_ignore_case(bytes: &[u8], i: usize, pat: &[u8]) -> bool {
    bytes
        .get(i..i + pat.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(pat))
}

/// Kind of a single non-letter, non-digit character.
fn punct_kind(c: char) -> TokenKind {
    let punct = match c {
        '!' | '"' | '\'' | '(' | ')' | ',' | '-' | '.' | '/' | ':' | ';' | '?' | '[' | '\\'
        | ']' | '_' | '{' | '}' | '*' | '`' => true,
        c if c.is_ascii() => false,
        '\u{00A1}' | '\u{00AB}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}' => true,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{2E00}'..='\u{2E7F}' => true,
        '\u{3000}'..='\u{303F}' | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{06D4}' => true,
        _ => false,
    };
    if punct {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}

/// Characters that attach to the symbol before them (emoji modifiers, variation
/// selectors, combining marks, tag characters).
fn is_symbol_modifier(c: char) -> bool {
    matches!(c,
        '\u{FE00}'..='\u{FE0F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{0300}'..='\u{036F}'
        | '\u{E0020}'..='\u{E007F}')
}

impl<'a> Tokens<'a> {
    /// End of a URL starting at `start`: up to whitespace or a quote or angle
    /// bracket, without trailing sentence punctuation or an unbalanced bracket.
    fn url_end(&self, start: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = start;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_whitespace() || matches!(b, b'"' | b'<' | b'>') {
                    break;
                }
                i += 1;
                continue;
            }
            match decode(text, i) {
                Some(c)
                    if !c.is_whitespace()
                        && !matches!(c, '“' | '”' | '‘' | '’' | '«' | '»' | '…')
                        && !is_invisible(c) =>
                {
                    i += c.len_utf8()
                }
                _ => break,
            }
        }
        let mut end = i;
        while end > start {
            let url = &bytes[start..end];
            let last = url[url.len() - 1];
            let count = |x: u8| url.iter().filter(|&&b| b == x).count();
            let trim = match last {
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'*' => true,
                b')' => count(b'(') < count(b')'),
                b']' => count(b'[') < count(b']'),
                _ => false,
            };
            if !trim {
                break;
            }
            end -= 1;
        }
        end
    }

    /// End of a run of `[A-Za-z0-9_]` (for @handles) or letters, digits and `_`
    /// (for #hashtags) starting at `i`.
    fn tag_end(&self, mut i: usize, unicode: bool) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() || b == b'_' {
                i += 1;
            } else if unicode && b >= 0x80 {
                match decode(text, i) {
                    Some(c) if c.is_alphanumeric() || is_word_joiner(c) => i += c.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        i
    }

    /// End of an email's domain starting at `i` (`example.co.uk`), and whether it
    /// has a period.
    fn domain_end(&self, mut i: usize) -> (usize, bool) {
        let bytes = self.text.as_bytes();
        let mut dotted = false;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                i += 1;
            } else if (b == b'.' || b == b'-')
                && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
            {
                dotted |= b == b'.';
                i += 1;
            } else {
                break;
            }
        }
        (i, dotted)
    }

    /// Scans the word starting at `start` (a letter or digit). Returns its end and,
    /// when a contraction part was split off, that part.
    fn word(&self, start: usize) -> (usize, Option<Span>) {
        let text = self.text;
        let bytes = text.as_bytes();
        let len = bytes.len();
        if starts_with_ignore_case(bytes, start, b"http://")
            || starts_with_ignore_case(bytes, start, b"https://")
            || starts_with_ignore_case(bytes, start, b"www.")
        {
            return (self.url_end(start), None);
        }
        let mut i = start;
        let mut inner_period = false;
        'word: loop {
            while i < len {
                let b = bytes[i];
                if b < 0x80 {
                    if b.is_ascii_alphanumeric() {
                        i += 1;
                        continue;
                    }
                    break;
                }
                match decode(text, i) {
                    Some(c) if c.is_alphanumeric() || is_word_joiner(c) => i += c.len_utf8(),
                    _ => break,
                }
            }
            if i >= len {
                break;
            }
            let prev_digit = i > start && bytes[i - 1].is_ascii_digit();
            match bytes[i] {
                b'-' | b'_' if is_alnum_at(text, i + 1) => {
                    i += 1;
                    continue 'word;
                }
                b'.' if is_alnum_at(text, i + 1) => {
                    inner_period = true;
                    i += 1;
                    continue 'word;
                }
                b',' | b':' | b'/'
                    if prev_digit && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) =>
                {
                    i += 1;
                    continue 'word;
                }
                b'&' if i > start
                    && bytes[i - 1].is_ascii_uppercase()
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase) =>
                {
                    i += 1;
                    continue 'word;
                }
                // ‐ and ‑ (Unicode hyphen, non-breaking hyphen)
                0xE2 if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x90 | 0x91]))
                    && is_alnum_at(text, i + 3) =>
                {
                    i += 3;
                    continue 'word;
                }
                b'\'' => match self.apostrophe(start, i, 1) {
                    Apostrophe::Split(end, part) => return (end, Some(part)),
                    Apostrophe::Continue(next) => {
                        i = next;
                        continue 'word;
                    }
                    Apostrophe::Stop => {}
                },
                0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x99]) => {
                    match self.apostrophe(start, i, 3) {
                        Apostrophe::Split(end, part) => return (end, Some(part)),
                        Apostrophe::Continue(next) => {
                            i = next;
                            continue 'word;
                        }
                        Apostrophe::Stop => {}
                    }
                }
                // A final period kept by abbreviations: "U.S.", "Sen.", "p.m.", "F."
                b'.' if self.keeps_period(start, i) => {
                    i += 1;
                    if bytes.get(i) == Some(&b'-') && is_alnum_at(text, i + 1) {
                        i += 1; // "U.S.-backed"
                        continue 'word;
                    }
                    let alen = match bytes.get(i) {
                        Some(b'\'') => 1,
                        Some(0xE2) if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x99]) => 3,
                        _ => 0,
                    };
                    if alen > 0 {
                        if let Apostrophe::Split(end, part) = self.apostrophe(start, i, alen) {
                            return (end, Some(part)); // "U.S.’s"
                        }
                    }
                }
                b'@' if bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) => {
                    let (end, dotted) = self.domain_end(i + 1);
                    if dotted {
                        return (end, None); // email
                    }
                }
                b'/' if inner_period => {
                    // "example.com/path": a bare domain with a path is a URL.
                    let word = &text[start..i];
                    let tld = word.rsplit('.').next().unwrap_or("");
                    if tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()) {
                        return (self.url_end(start), None);
                    }
                }
                _ => {}
            }
            break;
        }
        (i, None)
    }

    /// Whether the word `text[start..i]`, followed by a period at `i`, is an
    /// abbreviation that keeps it ("Sen.", "U.S.", and "No." only before a number).
    fn keeps_period(&self, start: usize, i: usize) -> bool {
        match abbreviation_class(&self.text[start..i]) {
            None => false,
            Some(AbbrevClass::Number) => {
                let bytes = self.text.as_bytes();
                let mut j = i + 1;
                while bytes.get(j).is_some_and(|b| *b == b' ' || *b == b'\t') {
                    j += 1;
                }
                j > i + 1 && bytes.get(j).is_some_and(u8::is_ascii_digit)
            }
            Some(_) => true,
        }
    }

    /// What an apostrophe at `i` (of `alen` bytes) inside the word from `start` does.
    fn apostrophe(&self, start: usize, i: usize, alen: usize) -> Apostrophe {
        let text = self.text;
        let bytes = text.as_bytes();
        let after = i + alen;
        // "don't" -> "do" + "n't"
        if i >= start + 2
            && matches!(bytes[i - 1], b'n' | b'N')
            && matches!(bytes.get(after), Some(b't' | b'T'))
            && !is_alnum_at(text, after + 1)
        {
            return Apostrophe::Split(i - 1, Span::new(i - 1, after + 1));
        }
        // "it's", "we'll", "they're", "I'm", "I'd", "we've", possessive "'s"
        let letters = bytes
            .get(after..)
            .unwrap_or(&[])
            .iter()
            .take(3)
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        if letters > 0 && !is_alnum_at(text, after + letters) {
            let tail = &bytes[after..after + letters];
            let clitic = [&b"s"[..], b"m", b"d", b"re", b"ve", b"ll"]
                .iter()
                .any(|c| tail.eq_ignore_ascii_case(c));
            if clitic {
                return Apostrophe::Split(i, Span::new(i, after + letters));
            }
        }
        if is_alnum_at(text, after) {
            Apostrophe::Continue(after) // "O'Brien", "Ne’eman"
        } else {
            Apostrophe::Stop // "Hamas’ " or a closing quote: the apostrophe is punctuation
        }
    }
}

enum Apostrophe {
    Split(usize, Span),
    Continue(usize),
    Stop,
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        if let Some(t) = self.pending.take() {
            return Some(t);
        }
        let text = self.text;
        let bytes = text.as_bytes();
        let len = bytes.len();
        // Skip whitespace.
        let c = loop {
            let b = *bytes.get(self.pos)?;
            if b < 0x80 {
                if b.is_ascii_whitespace() || b == 0x0B {
                    self.pos += 1;
                    continue;
                }
                break char::from(b);
            }
            let c = decode(text, self.pos)?;
            if c.is_whitespace() || is_invisible(c) {
                self.pos += c.len_utf8();
                continue;
            }
            break c;
        };
        let start = self.pos;
        let clen = c.len_utf8();

        if c.is_alphanumeric() {
            let (end, part) = self.word(start);
            let word = &bytes[start..end];
            let number = word.first().is_some_and(u8::is_ascii_digit)
                && word
                    .iter()
                    .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b':' | b'/' | b'-'));
            let kind = if number {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            if let Some(part) = part {
                self.pending = Some(Token {
                    span: part,
                    kind: TokenKind::Word,
                });
                self.pos = part.end;
            } else {
                self.pos = end;
            }
            return Some(Token {
                span: Span::new(start, end),
                kind,
            });
        }

        let mut end = start + clen;
        let mut kind = punct_kind(c);
        match c {
            '@' if bytes
                .get(end)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') =>
            {
                end = self.tag_end(end, false);
                kind = TokenKind::Word;
            }
            '#' if decode(text, end).is_some_and(char::is_alphabetic) => {
                end = self.tag_end(end, true);
                kind = TokenKind::Word;
            }
            '.' | '-' => {
                while end < len && bytes[end] == bytes[start] {
                    end += 1;
                }
            }
            _ if kind == TokenKind::Symbol => {
                // Keep emoji sequences together: modifiers, ZWJ joins, flag pairs.
                let regional = ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
                let mut paired = false;
                while let Some(n) = decode(text, end) {
                    if is_symbol_modifier(n) {
                        end += n.len_utf8();
                    } else if n == '\u{200D}' {
                        end += n.len_utf8();
                        if let Some(m) = decode(text, end) {
                            if !m.is_whitespace() {
                                end += m.len_utf8();
                            }
                        }
                    } else if regional && !paired && ('\u{1F1E6}'..='\u{1F1FF}').contains(&n) {
                        paired = true;
                        end += n.len_utf8();
                    } else {
                        break;
                    }
                }
            }
            _ => {}
        }
        self.pos = end;
        Some(Token {
            span: Span::new(start, end),
            kind,
        })
    }
}
