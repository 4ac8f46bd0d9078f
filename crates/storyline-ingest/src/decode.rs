//! Bytes to text: byte-order marks, UTF-8, UTF-16, legacy single-byte encodings
//! (Windows-1252 and its relatives, guessed with `chardetng`), and the refusal of
//! binary files and of UTF-8 that is corrupt.
//!
//! The policy that separates "a Windows-1252 article" from "a UTF-8 file with bad
//! bytes": a file that contains valid multi-byte UTF-8 sequences and also invalid
//! ones is corrupt UTF-8 and is refused with the offset of the first bad byte. A file
//! with no valid multi-byte sequence is decoded as the legacy encoding chardetng
//! guesses, but only when its high bytes look like text in that encoding (letters
//! inside words, typographic punctuation) and are a small share of the file.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Why bytes could not be turned into article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Binary { offset: usize },
    InvalidUtf8 { offset: usize },
    InvalidUtf16,
    UnknownEncoding,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "empty file (no text)"),
            DecodeError::Binary { offset } => {
                write!(f, "binary file, not text (control byte at offset {offset})")
            }
            DecodeError::InvalidUtf8 { offset } => write!(
                f,
                "invalid UTF-8 (bad byte sequence at offset {offset}); re-save the file as UTF-8"
            ),
            DecodeError::InvalidUtf16 => write!(f, "invalid UTF-16 after a UTF-16 byte-order mark"),
            DecodeError::UnknownEncoding => write!(
                f,
                "not UTF-8 and not recognisable as a single-byte text encoding"
            ),
        }
    }
}

/// Decoded text and the name of the encoding it came from (`None` for plain UTF-8).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Option<&'static str>,
}

/// Decode article bytes. Never panics.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let text = if encoding == UTF_8 {
            match std::str::from_utf8(body) {
                Ok(s) => s.to_string(),
                Err(e) => {
                    return Err(DecodeError::InvalidUtf8 {
                        offset: bom_len + e.valid_up_to(),
                    })
                }
            }
        } else {
            // UTF-16LE or BE.
            debug_assert!(encoding == UTF_16LE || encoding == UTF_16BE);
            match encoding.decode_without_bom_handling_and_without_replacement(body) {
                Some(s) => s.into_owned(),
                None => return Err(DecodeError::InvalidUtf16),
            }
        };
        check_text(&text)?;
        let name = if encoding == UTF_8 {
            Some("UTF-8 with BOM")
        } else {
            Some(encoding.name())
        };
        return Ok(Decoded {
            text,
            encoding: name,
        });
    }
    if let Some(offset) = binary_offset(bytes) {
        return Err(DecodeError::Binary { offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => {
            check_text(s)?;
            Ok(Decoded {
                text: s.to_string(),
                encoding: None,
            })
        }
        Err(e) => {
            if has_valid_multibyte_utf8(bytes) {
                return Err(DecodeError::InvalidUtf8 {
                    offset: e.valid_up_to(),
                });
            }
            decode_legacy(bytes).ok_or(DecodeError::InvalidUtf8 {
                offset: e.valid_up_to(),
            })
        }
    }
}

fn check_text(s: &str) -> Result<(), DecodeError> {
    if s.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    // NUL or a dense run of control characters in decoded text means it is not text.
    let mut controls = 0usize;
    for (i, c) in s.char_indices() {
        if c == '\0' {
            return Err(DecodeError::Binary { offset: i });
        }
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c') {
            controls += 1;
            if controls > 8 && controls * 20 > s.len() {
                return Err(DecodeError::Binary { offset: i });
            }
        }
    }
    Ok(())
}

/// Offset of the first byte that marks `bytes` as binary: a NUL, or control bytes
/// making up more than 5% of the first 8 KiB.
fn binary_offset(bytes: &[u8]) -> Option<usize> {
    if bytes.is_empty() {
        return None;
    }
    if let Some(i) = memchr_nul(bytes) {
        return Some(i);
    }
    let head = &bytes[..bytes.len().min(8192)];
    let mut count = 0usize;
    let mut first = None;
    for (i, &b) in head.iter().enumerate() {
        if b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c) || b == 0x7f {
            count += 1;
            first.get_or_insert(i);
        }
    }
    if count > 0 && count * 20 > head.len() {
        first
    } else {
        None
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// Whether any well-formed multi-byte UTF-8 sequence occurs in `bytes`.
fn has_valid_multibyte_utf8(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let len = match b {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => {
                i += 1;
                continue;
            }
        };
        if i + len <= bytes.len() && std::str::from_utf8(&bytes[i..i + len]).is_ok() {
            return true;
        }
        i += 1;
    }
    false
}

/// Decode as the single-byte encoding chardetng guesses, if the high bytes look like
/// text in it.
fn decode_legacy(bytes: &[u8]) -> Option<Decoded> {
    let high: Vec<usize> = bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| b >= 0x80)
        .map(|(i, _)| i)
        .collect();
    // Legacy-encoded prose has few non-ASCII bytes; random or corrupt data has many.
    let share_limit = if bytes.len() < 400 { 0.10 } else { 0.04 };
    if high.len() as f64 > bytes.len() as f64 * share_limit {
        return None;
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, false);
    if encoding == UTF_8 || !encoding.is_single_byte() {
        return None;
    }
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    // Every decoded non-ASCII character must be a letter or typographic punctuation,
    // and letters must sit next to another letter (inside a word).
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii() {
            continue;
        }
        let ok = if c.is_alphabetic() {
            let prev = i.checked_sub(1).and_then(|j| chars.get(j));
            let next = chars.get(i + 1);
            prev.is_some_and(|p| p.is_alphabetic()) || next.is_some_and(|n| n.is_alphabetic())
        } else {
            matches!(
                c,
                '‘' | '’'
                    | '“'
                    | '”'
                    | '–'
                    | '—'
                    | '…'
                    | '\u{a0}'
                    | '«'
                    | '»'
                    | '°'
                    | '£'
                    | '€'
                    | '©'
                    | '®'
                    | '™'
                    | '•'
                    | '·'
                    | '§'
                    | '½'
                    | '¼'
                    | '¾'
                    | '´'
                    | '¿'
                    | '¡'
                    | '×'
                    | '±'
                    | '²'
                    | '³'
                    | 'º'
                    | 'ª'
                    | '¢'
                    | '¥'
                    | '†'
                    | '‡'
                    | '‰'
                    | '‹'
                    | '›'
                    | '„'
                    | '‚'
            )
        };
        if !ok {
            return None;
        }
    }
    let text = text.into_owned();
    check_text(&text).ok()?;
    Some(Decoded {
        text,
        encoding: Some(encoding.name()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_utf8() {
        let d = decode("Doha’s talks".as_bytes()).unwrap();
        assert_eq!(d.text, "Doha’s talks");
        assert_eq!(d.encoding, None);
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(b"Hello there");
        let d = decode(&b).unwrap();
        assert_eq!(d.text, "Hello there");
        assert_eq!(d.encoding, Some("UTF-8 with BOM"));
    }

    #[test]
    fn utf16_le_and_be_with_bom() {
        let text = "Minister Renée Okafor said “no”.";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, text);
        assert_eq!(decode(&be).unwrap().text, text);
    }

    #[test]
    fn windows_1252_article() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("The mayor, Andr\u{e9} Fauvel, said \u{201c}we will rebuild\u{201d} \u{2014} and the council agreed on Monday after a long debate about the river.");
        let d = decode(&bytes).unwrap();
        assert!(d.text.contains("André Fauvel"));
        assert!(d.text.contains("“we will rebuild”"));
        assert_eq!(d.encoding, Some("windows-1252"));
    }

    #[test]
    fn corrupt_utf8_is_refused_with_offset() {
        let mut b = "Curly “quotes” then ".as_bytes().to_vec();
        let offset = b.len();
        b.extend_from_slice(&[0xE2, 0x80]); // truncated sequence
        b.extend_from_slice(b" more text");
        assert_eq!(decode(&b), Err(DecodeError::InvalidUtf8 { offset }));
    }

    #[test]
    fn random_high_bytes_are_refused() {
        let b = b"ab \xff\xfe\xc3\x28\x9d\x81 cd";
        assert!(matches!(decode(b), Err(DecodeError::InvalidUtf8 { .. })));
    }

    #[test]
    fn binary_and_empty() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"  \n\t \n"), Err(DecodeError::Empty));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
            Err(DecodeError::Binary { .. })
        ));
        let noise: Vec<u8> = (0u8..=255).cycle().skip(1).take(2000).collect();
        assert!(decode(&noise).is_err());
    }
}
