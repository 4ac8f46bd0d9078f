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
//!
//! HTML pages carry their own encoding, so [`decode_html`] reads them the way a
//! browser does: a byte-order mark, then a transport charset (a WARC record's HTTP
//! `Content-Type`), then the page's `<meta charset>` / `http-equiv` declaration, then
//! chardetng's guess. Bytes that are valid UTF-8 are read as UTF-8 whatever the page
//! declares (a page declaring Latin-1 but written in UTF-8 is common; the converse
//! cannot be valid UTF-8 by accident), and so are bytes that are UTF-8 but for a
//! few stray bytes when no other encoding is declared (or when UTF-8 outweighs the
//! stray bytes ten to one against a declared one). Those stray sequences become
//! U+FFFD and their count is recorded. A page declared UTF-8 (or with a UTF-8
//! byte-order mark) that has many broken sequences is refused as corrupt.

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
    /// Byte sequences that were invalid in that encoding and were replaced by
    /// U+FFFD (HTML pages only; [`decode`] refuses them instead).
    pub replaced: usize,
}

impl Decoded {
    /// How the text was decoded, for the report: the encoding's name (`None` for
    /// clean UTF-8) and any replaced sequences.
    pub fn describe(&self) -> Option<String> {
        match (self.encoding, self.replaced) {
            (None, 0) => None,
            (e, 0) => e.map(str::to_string),
            (e, n) => Some(format!(
                "{}, {n} invalid byte sequence{} replaced with U+FFFD",
                e.unwrap_or("UTF-8"),
                if n == 1 { "" } else { "s" }
            )),
        }
    }
}

/// Whether `bytes` is an HTML page. The start (after a byte-order mark and white
/// space) is sniffed as the WHATWG MIME Sniffing standard does for `text/html`: a
/// doctype, a comment, or one of its tags (`<html`, `<head`, `<script`, `<iframe`,
/// `<h1`, `<div`, `<font`, `<table`, `<a`, `<style`, `<title`, `<b`, `<body`, `<br`,
/// `<p`) closed by a space or `>`. A start with another tag (`<meta ...>`) counts
/// when a whole `<html>`, `<head>`, `<body>` tag or a doctype follows in the first
/// 4 KiB.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    const TAGS: [&[u8]; 17] = [
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<script",
        b"<iframe",
        b"<h1",
        b"<div",
        b"<font",
        b"<table",
        b"<a",
        b"<style",
        b"<title",
        b"<b",
        b"<body",
        b"<br",
        b"<p",
        b"<!--",
    ];
    const MARKERS: [&[u8]; 4] = [b"<html", b"<head", b"<body", b"<!doctype html"];
    let head = lowered_start(bytes, 4096);
    let opens = |t: &[u8]| {
        head.starts_with(t)
            && (t == b"<!--"
                || t == b"<!doctype html"
                || head
                    .get(t.len())
                    .is_some_and(|c| c.is_ascii_whitespace() || *c == b'>'))
    };
    if TAGS.iter().any(|t| opens(t)) {
        return true;
    }
    if head.starts_with(b"<?xml") {
        return memchr::memmem::find(&head, b"<html").is_some();
    }
    // Another tag first (`<meta charset=...>`): a tag name, then a space, `/` or `>`;
    // and a document element later, as a whole tag name ("<body>", not "<bodyguard").
    let name_len = head
        .iter()
        .skip(1)
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
        .count();
    let tag_first = head.first() == Some(&b'<')
        && head.get(1).is_some_and(u8::is_ascii_alphabetic)
        && head
            .get(1 + name_len)
            .is_some_and(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'));
    tag_first
        && MARKERS.iter().any(|m| {
            memchr::memmem::find_iter(&head, m).any(|i| {
                m.ends_with(b"html") && m.starts_with(b"<!")
                    || head
                        .get(i + m.len())
                        .is_some_and(|c| c.is_ascii_whitespace() || *c == b'>')
            })
        })
}

/// Whether `bytes` opens with a doctype or an `<html>` tag (after a byte-order mark
/// and white space): the only HTML a Markdown file is taken for, since Markdown may
/// open with inline HTML.
pub fn opens_html_document(bytes: &[u8]) -> bool {
    let head = lowered_start(bytes, 16);
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// The first `n` bytes of `bytes` after a byte-order mark and white space, in ASCII
/// lower case (what the sniffers look at).
fn lowered_start(bytes: &[u8], n: usize) -> Vec<u8> {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    b[start..]
        .get(..n)
        .unwrap_or(&b[start..])
        .to_ascii_lowercase()
}

/// The encoding named by a charset label, as the HTML standard maps it (a UTF-16
/// label in a page is read as UTF-8, `x-user-defined` as windows-1252).
fn html_label(label: &[u8]) -> Option<&'static Encoding> {
    let e = Encoding::for_label(label)?;
    Some(if e == UTF_16BE || e == UTF_16LE {
        UTF_8
    } else if e == encoding_rs::X_USER_DEFINED {
        encoding_rs::WINDOWS_1252
    } else {
        e
    })
}

/// The label after `charset=` in `s` (lower-cased ASCII), up to a quote, space,
/// `;` or `>`.
pub(crate) fn charset_label(s: &[u8]) -> Option<&[u8]> {
    let at = memchr::memmem::find(s, b"charset")?;
    let mut rest = &s[at + 7..];
    rest = rest.trim_ascii_start();
    rest = rest.strip_prefix(b"=")?.trim_ascii_start();
    rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|c| matches!(c, b'"' | b'\'' | b';' | b'>' | b'/') || c.is_ascii_whitespace())
        .unwrap_or(rest.len());
    (end > 0).then_some(&rest[..end])
}

/// The encoding a page declares in its head: the first `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">` with a known label
/// in the first 16 KiB (the standard's prescan looks at 1 KiB, but browsers switch
/// encoding when the parser meets a later declaration in the head), else an XML
/// declaration's `encoding`.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..16 * 1024).unwrap_or(bytes).to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&head[from..], b"<meta") {
        let tag_start = from + i;
        if !head
            .get(tag_start + 5)
            .is_some_and(|&c| c.is_ascii_whitespace() || c == b'/')
        {
            from = tag_start + 5;
            continue;
        }
        let tag_end = head[tag_start..]
            .iter()
            .position(|&c| c == b'>')
            .map_or(head.len(), |j| tag_start + j);
        if let Some(e) = charset_label(&head[tag_start..tag_end]).and_then(html_label) {
            return Some(e);
        }
        from = tag_end.max(tag_start + 5);
    }
    if head.starts_with(b"<?xml") {
        let end = memchr::memmem::find(&head, b"?>")?;
        let decl = &head[..end];
        let at = memchr::memmem::find(decl, b"encoding")?;
        let rest = decl[at + 8..].trim_ascii_start().strip_prefix(b"=")?;
        let rest = rest.trim_ascii_start();
        let q = *rest.first()?;
        if q != b'"' && q != b'\'' {
            return None;
        }
        let label_end = rest[1..].iter().position(|&c| c == q)?;
        return html_label(&rest[1..1 + label_end]);
    }
    None
}

/// Replaced sequences tolerated in a page that declares (or is guessed to be) UTF-8:
/// a handful of stray bytes, not a page in another encoding.
fn few_replacements(n: usize, len: usize) -> bool {
    n <= 16 || n * 1000 <= len
}

/// The number of maximal invalid sequences in `bytes` read as UTF-8 (each becomes
/// one U+FFFD in a lossy decode; a U+FFFD written in the page is not counted).
fn utf8_errors(bytes: &[u8]) -> usize {
    let mut n = 0;
    let mut rest = bytes;
    while let Err(e) = std::str::from_utf8(rest) {
        n += 1;
        let skip = e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to());
        rest = &rest[skip.min(rest.len())..];
    }
    n
}

/// Decode an HTML page as a browser would (see the module comment). `transport` is
/// a charset label from outside the page (an HTTP `Content-Type`), which wins over
/// the page's own declaration. Never panics.
pub fn decode_html(bytes: &[u8], transport: Option<&str>) -> Result<Decoded, DecodeError> {
    let (body, bom) = match Encoding::for_bom(bytes) {
        Some((e, n)) if e == UTF_8 => (&bytes[n..], n),
        // UTF-16: the byte-order mark settles it
        Some(_) => return decode(bytes),
        None => (bytes, 0),
    };
    if let Some(offset) = binary_offset(body) {
        return Err(DecodeError::Binary {
            offset: bom + offset,
        });
    }
    let utf8_name = (bom > 0).then_some("UTF-8 with BOM");
    let invalid_at = match std::str::from_utf8(body) {
        Ok(s) => {
            check_text(s)?;
            return Ok(Decoded {
                text: s.to_string(),
                encoding: utf8_name,
                replaced: 0,
            });
        }
        Err(e) => bom + e.valid_up_to(),
    };
    let declared = if bom > 0 {
        Some(UTF_8)
    } else {
        transport
            .and_then(|t| html_label(t.trim().as_bytes()))
            .or_else(|| declared_charset(body))
    };
    let errors = utf8_errors(body);
    let multibyte = count_multibyte_utf8(body);
    let few = few_replacements(errors, body.len());
    let encoding = match declared {
        // another encoding's label wins, unless the bytes are plainly UTF-8 with a
        // few stray bytes (a template's stale label over UTF-8 text)
        Some(e) if e != UTF_8 => {
            if few && multibyte >= 10 * errors {
                UTF_8
            } else {
                e
            }
        }
        _ if few && (multibyte > 0 || bom > 0) => UTF_8,
        // declared UTF-8 with valid multi-byte text and many broken sequences
        Some(_) if multibyte > 0 || bom > 0 => {
            return Err(DecodeError::InvalidUtf8 { offset: invalid_at })
        }
        // no usable label, or a UTF-8 label over single-byte text: chardetng's
        // guess among the legacy encodings
        _ => {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(body, true);
            detector.guess(None, false)
        }
    };
    let (text, _) = encoding.decode_without_bom_handling(body);
    let replaced = if encoding == UTF_8 {
        errors
    } else {
        text.matches('\u{FFFD}').count()
    };
    let text = text.into_owned();
    check_text(&text)?;
    Ok(Decoded {
        text,
        encoding: if encoding == UTF_8 {
            utf8_name
        } else {
            Some(encoding.name())
        },
        replaced,
    })
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
            replaced: 0,
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
                replaced: 0,
            })
        }
        Err(e) => {
            if count_multibyte_utf8(bytes) > 0 {
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

/// The number of well-formed multi-byte UTF-8 sequences in `bytes`.
fn count_multibyte_utf8(bytes: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        let len = match bytes[i] {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 1,
        };
        if len > 1 && i + len <= bytes.len() && std::str::from_utf8(&bytes[i..i + len]).is_ok() {
            n += 1;
            i += len;
        } else {
            i += 1;
        }
    }
    n
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
        replaced: 0,
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

    fn page(meta: &str, body: &str) -> String {
        format!("<!DOCTYPE html><html><head>{meta}<title>Harbour</title></head><body><p>{body}</p></body></html>")
    }

    /// `html` as bytes with `stray` inserted just before the paragraph's end.
    fn with_stray_byte(html: &str, stray: u8) -> Vec<u8> {
        let mut b = html.as_bytes().to_vec();
        let at = b
            .windows(4)
            .position(|w| w == b"</p>")
            .expect("paragraph end");
        b.insert(at, stray);
        b
    }

    #[test]
    fn html_is_sniffed_from_more_than_a_doctype() {
        for page in [
            "<!DOCTYPE html><html><body><p>x</p></body></html>",
            "\n  <html lang=\"en\"><p>x</p></html>",
            "<!-- served by edge 7 -->\n<!DOCTYPE html><html></html>",
            "<style>\n .card { opacity: 1 }\n</style><div>x</div>",
            "<script>var a = 1;</script><p>x</p>",
            "<b>Warning</b>: mysql_connect(): no server in db.php<br />\n<html></html>",
            "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\n<html><body></body></html>",
            "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"></html>",
        ] {
            assert!(looks_like_html(page.as_bytes()), "{page:?}");
        }
        for text in [
            "The ferry left at noon, the harbour master said.",
            "<3 to everyone who helped at the harbour",
            "<bodyguard> notes, and a <header> line",
            "<Editor's note: corrected> The report's <body> was long.",
            "< 5 boats were at sea when the storm hit.",
            "<abbreviated> notes from the council meeting",
            "# Ferry strike\n\nThe crews walked out on Monday.",
        ] {
            assert!(!looks_like_html(text.as_bytes()), "{text:?}");
        }
    }

    #[test]
    fn html_declared_latin1_is_read_by_its_label() {
        let html = page(
            r#"<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">"#,
            "Die Fähre nach Rügen fährt ab Montag wieder, sagte der Bürgermeister.",
        );
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&html);
        assert!(looks_like_html(&bytes));
        assert_eq!(
            declared_charset(&bytes).map(|e| e.name()),
            Some("windows-1252")
        );
        let d = decode_html(&bytes, None).unwrap();
        assert!(d.text.contains("Die Fähre nach Rügen"));
        assert_eq!(d.describe().as_deref(), Some("windows-1252"));
        // the plain-text decoder still takes it, by guessing
        assert!(decode(&bytes).is_ok());
    }

    #[test]
    fn html_utf8_wins_over_a_wrong_label() {
        let html = page(
            r#"<meta charset='ISO-8859-1'/>"#,
            "Die Fähre nach Rügen fährt ab Montag wieder.",
        );
        let d = decode_html(html.as_bytes(), None).unwrap();
        assert!(d.text.contains("Rügen"));
        assert_eq!(d.describe(), None);
    }

    #[test]
    fn html_stray_bytes_in_utf8_are_replaced_and_counted() {
        // a lone Latin-1 "ü" pasted into UTF-8, and a stray byte in the doctype
        let mut b = with_stray_byte(
            &page(
                r#"<meta charset="utf-8">"#,
                "Die Fähre nach Rügen fährt ab Montag wieder, sagte der Bürgermeister; die Brücke über die Bucht bleibt gesperrt.",
            ),
            0xFC,
        );
        b.insert(10, 0xE9);
        assert_eq!(decode(&b), Err(DecodeError::InvalidUtf8 { offset: 10 }));
        let d = decode_html(&b, None).unwrap();
        assert_eq!(d.replaced, 2);
        assert_eq!(d.text.matches('\u{FFFD}').count(), 2);
        assert_eq!(
            d.describe().as_deref(),
            Some("UTF-8, 2 invalid byte sequences replaced with U+FFFD")
        );
    }

    #[test]
    fn html_one_stray_byte_in_utf8_is_replaced_not_guessed() {
        // one curly apostrophe and one stray Windows-1252 apostrophe byte
        for meta in [r#"<meta charset="utf-8">"#, ""] {
            let b = with_stray_byte(&page(meta, "Doha’s talks resumed on Monday."), 0x92);
            let d = decode_html(&b, None).unwrap();
            assert!(d.text.contains("Doha’s talks"), "{meta}: {}", d.text);
            assert_eq!(d.replaced, 1);
        }
        // a U+FFFD written in the page is not a replacement
        let b = with_stray_byte(&page("", "Fähre \u{FFFD}\u{FFFD} Rügen"), 0xFC);
        let d = decode_html(&b, None).unwrap();
        assert_eq!((d.encoding, d.replaced), (None, 1));
        // with a UTF-8 byte-order mark too
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(&b);
        let d = decode_html(&bom, None).unwrap();
        assert_eq!((d.encoding, d.replaced), (Some("UTF-8 with BOM"), 1));
    }

    #[test]
    fn html_transport_label_beats_a_utf8_lookalike() {
        // "ÄŸ" in Windows-1252 happens to be a valid UTF-8 pair; the label decides
        let html = page("", "Stra\u{df}e \u{c4}\u{178} caf\u{e9} na\u{ef}ve");
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&html);
        let d = decode_html(&bytes, Some("windows-1252")).unwrap();
        assert!(d.text.contains("Straße ÄŸ café naïve"), "{}", d.text);
        assert!(declared_charset(b"<html><metadata charset=\"koi8-r\">").is_none());
    }

    #[test]
    fn html_declared_utf8_that_is_mostly_broken_is_refused() {
        let mut b = page(r#"<meta charset="utf-8">"#, "Straße").into_bytes();
        for _ in 0..40 {
            b.extend_from_slice(b"ab\xFF\xFE ");
        }
        assert!(matches!(
            decode_html(&b, None),
            Err(DecodeError::InvalidUtf8 { .. })
        ));
    }

    #[test]
    fn html_undeclared_legacy_page_is_guessed() {
        let html = page(
            "",
            "\u{6cb3}\u{5317}\u{7701}\u{5404}\u{5e02}\u{7684}\u{5de1}\u{6f14}\u{5df2}\u{7ecf}\u{7ed3}\u{675f}\u{ff0c}\u{89c2}\u{4f17}\u{53cd}\u{54cd}\u{70ed}\u{70c8}\u{3002}\u{8fd9}\u{90e8}\u{8bdd}\u{5267}\u{8bb2}\u{8ff0}\u{4e86}\u{4e00}\u{4e2a}\u{5173}\u{4e8e}\u{7ea6}\u{5b9a}\u{7684}\u{6545}\u{4e8b}\u{3002}",
        );
        let (bytes, _, _) = encoding_rs::GBK.encode(&html);
        let d = decode_html(&bytes, None).unwrap();
        assert_eq!(d.text, html);
        assert_eq!(d.encoding, Some("GBK"));
    }

    #[test]
    fn transport_charset_wins_and_xml_declarations_count() {
        // the page's own label is wrong; the transport's is right
        let html = page(r#"<meta charset="iso-8859-5">"#, "Паром снова ходит.");
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&html);
        let d = decode_html(&bytes, Some("windows-1251")).unwrap();
        assert!(d.text.contains("Паром снова ходит."));
        assert!(!decode_html(&bytes, None).unwrap().text.contains("Паром"));
        let x = b"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html><body>x</body></html>";
        assert_eq!(declared_charset(x).map(|e| e.name()), Some("ISO-8859-15"));
        assert_eq!(
            declared_charset(b"<html><meta charset=\"utf-16\">").map(|e| e.name()),
            Some("UTF-8")
        );
        assert_eq!(declared_charset(b"<html><meta charset=\"no-such\">"), None);
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
