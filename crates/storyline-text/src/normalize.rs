//! Normalisation for matching keys (never for display or offsets): folding of
//! typographic punctuation and spaces, lowercasing and removal of diacritics.

use std::borrow::Cow;

/// The ASCII replacement of a typographic character, if it has one.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2035}'
        | '\u{02BC}' | '\u{2039}' | '\u{203A}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{2036}'
        | '\u{00AB}' | '\u{00BB}' => "\"",
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => "-",
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => " ",
        '\u{2026}' => "...",
        _ => return None,
    })
}

/// Folds typographic punctuation for matching: curly and angled quotes become `'`
/// or `"`, every dash and minus variant (‐ ‑ ‒ – — ― −) becomes `-`, NBSP and the
/// other Unicode spaces become `' '`, and `…` becomes `...`.
///
/// The result is a **matching key only**: byte lengths change (a 3-byte `’` becomes
/// a 1-byte `'`), so offsets into the result do not point into the original text.
/// Returns `Cow::Borrowed` when nothing changes.
pub fn fold_punctuation(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let Some(first) = s.char_indices().find(|&(_, c)| fold_char(c).is_some()) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first.0]);
    for c in s[first.0..].chars() {
        match fold_char(c) {
            Some(r) => out.push_str(r),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A case-, accent- and punctuation-insensitive matching key: lowercase,
/// [`fold_punctuation`], and diacritics stripped from Latin letters (é → e,
/// ü → u, ñ → n, ı → i, ß → ss, ø → o, ł → l, Vietnamese letters, ...; combining
/// marks are dropped). Like [`fold_punctuation`] it is for keys, not offsets.
pub fn match_key(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let lower = fold_punctuation(s).to_lowercase();
    let mut out = String::with_capacity(lower.len());
    for c in lower.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if is_combining_mark(c) {
            // dropped: "e\u{301}" -> "e"
        } else if let Some(base) = strip_diacritic(c) {
            out.push_str(base);
        } else {
            out.push(c);
        }
    }
    out
}

fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// The ASCII base of a lowercase Latin letter with a diacritic.
fn strip_diacritic(c: char) -> Option<&'static str> {
    DIACRITICS
        .binary_search_by_key(&c, |&(k, _)| k)
        .ok()
        .map(|i| DIACRITICS[i].1)
}

/// Lowercase Latin letters (Latin-1 Supplement, Extended-A/B, Extended Additional)
/// and their ASCII bases, sorted by char. Generated from Unicode NFKD
/// decompositions, plus the letters that have none (ø, đ, ł, ı, ß, æ, œ, þ, ...).
static DIACRITICS: &[(char, &str)] = &[
    ('\u{00DF}', "ss"), // ß
    ('\u{00E0}', "a"),  // à
    ('\u{00E1}', "a"),  // á
    ('\u{00E2}', "a"),  // â
    ('\u{00E3}', "a"),  // ã
    ('\u{00E4}', "a"),  // ä
    ('\u{00E5}', "a"),  // å
    ('\u{00E6}', "ae"), // æ
    ('\u{00E7}', "c"),  // ç
    ('\u{00E8}', "e"),  // è
    ('\u{00E9}', "e"),  // é
    ('\u{00EA}', "e"),  // ê
    ('\u{00EB}', "e"),  // ë
    ('\u{00EC}', "i"),  // ì
    ('\u{00ED}', "i"),  // í
    ('\u{00EE}', "i"),  // î
    ('\u{00EF}', "i"),  // ï
    ('\u{00F0}', "d"),  // ð
    ('\u{00F1}', "n"),  // ñ
    ('\u{00F2}', "o"),  // ò
    ('\u{00F3}', "o"),  // ó
    ('\u{00F4}', "o"),  // ô
    ('\u{00F5}', "o"),  // õ
    ('\u{00F6}', "o"),  // ö
    ('\u{00F8}', "o"),  // ø
    ('\u{00F9}', "u"),  // ù
    ('\u{00FA}', "u"),  // ú
    ('\u{00FB}', "u"),  // û
    ('\u{00FC}', "u"),  // ü
    ('\u{00FD}', "y"),  // ý
    ('\u{00FE}', "th"), // þ
    ('\u{00FF}', "y"),  // ÿ
    ('\u{0101}', "a"),  // ā
    ('\u{0103}', "a"),  // ă
    ('\u{0105}', "a"),  // ą
    ('\u{0107}', "c"),  // ć
    ('\u{0109}', "c"),  // ĉ
    ('\u{010B}', "c"),  // ċ
    ('\u{010D}', "c"),  // č
    ('\u{010F}', "d"),  // ď
    ('\u{0111}', "d"),  // đ
    ('\u{0113}', "e"),  // ē
    ('\u{0115}', "e"),  // ĕ
    ('\u{0117}', "e"),  // ė
    ('\u{0119}', "e"),  // ę
    ('\u{011B}', "e"),  // ě
    ('\u{011D}', "g"),  // ĝ
    ('\u{011F}', "g"),  // ğ
    ('\u{0121}', "g"),  // ġ
    ('\u{0123}', "g"),  // ģ
    ('\u{0125}', "h"),  // ĥ
    ('\u{0127}', "h"),  // ħ
    ('\u{0129}', "i"),  // ĩ
    ('\u{012B}', "i"),  // ī
    ('\u{012D}', "i"),  // ĭ
    ('\u{012F}', "i"),  // į
    ('\u{0131}', "i"),  // ı
    ('\u{0133}', "ij"), // ĳ
    ('\u{0135}', "j"),  // ĵ
    ('\u{0137}', "k"),  // ķ
    ('\u{0138}', "k"),  // ĸ
    ('\u{013A}', "l"),  // ĺ
    ('\u{013C}', "l"),  // ļ
    ('\u{013E}', "l"),  // ľ
    ('\u{0140}', "l"),  // ŀ
    ('\u{0142}', "l"),  // ł
    ('\u{0144}', "n"),  // ń
    ('\u{0146}', "n"),  // ņ
    ('\u{0148}', "n"),  // ň
    ('\u{0149}', "n"),  // ŉ
    ('\u{014B}', "n"),  // ŋ
    ('\u{014D}', "o"),  // ō
    ('\u{014F}', "o"),  // ŏ
    ('\u{0151}', "o"),  // ő
    ('\u{0153}', "oe"), // œ
    ('\u{0155}', "r"),  // ŕ
    ('\u{0157}', "r"),  // ŗ
    ('\u{0159}', "r"),  // ř
    ('\u{015B}', "s"),  // ś
    ('\u{015D}', "s"),  // ŝ
    ('\u{015F}', "s"),  // ş
    ('\u{0161}', "s"),  // š
    ('\u{0163}', "t"),  // ţ
    ('\u{0165}', "t"),  // ť
    ('\u{0167}', "t"),  // ŧ
    ('\u{0169}', "u"),  // ũ
    ('\u{016B}', "u"),  // ū
    ('\u{016D}', "u"),  // ŭ
    ('\u{016F}', "u"),  // ů
    ('\u{0171}', "u"),  // ű
    ('\u{0173}', "u"),  // ų
    ('\u{0175}', "w"),  // ŵ
    ('\u{0177}', "y"),  // ŷ
    ('\u{017A}', "z"),  // ź
    ('\u{017C}', "z"),  // ż
    ('\u{017E}', "z"),  // ž
    ('\u{017F}', "s"),  // ſ
    ('\u{0180}', "b"),  // ƀ
    ('\u{0192}', "f"),  // ƒ
    ('\u{01A1}', "o"),  // ơ
    ('\u{01B0}', "u"),  // ư
    ('\u{01C6}', "dz"), // ǆ
    ('\u{01C9}', "lj"), // ǉ
    ('\u{01CC}', "nj"), // ǌ
    ('\u{01CE}', "a"),  // ǎ
    ('\u{01D0}', "i"),  // ǐ
    ('\u{01D2}', "o"),  // ǒ
    ('\u{01D4}', "u"),  // ǔ
    ('\u{01D6}', "u"),  // ǖ
    ('\u{01D8}', "u"),  // ǘ
    ('\u{01DA}', "u"),  // ǚ
    ('\u{01DC}', "u"),  // ǜ
    ('\u{01DF}', "a"),  // ǟ
    ('\u{01E1}', "a"),  // ǡ
    ('\u{01E7}', "g"),  // ǧ
    ('\u{01E9}', "k"),  // ǩ
    ('\u{01EB}', "o"),  // ǫ
    ('\u{01ED}', "o"),  // ǭ
    ('\u{01F0}', "j"),  // ǰ
    ('\u{01F3}', "dz"), // ǳ
    ('\u{01F5}', "g"),  // ǵ
    ('\u{01F9}', "n"),  // ǹ
    ('\u{01FB}', "a"),  // ǻ
    ('\u{0201}', "a"),  // ȁ
    ('\u{0203}', "a"),  // ȃ
    ('\u{0205}', "e"),  // ȅ
    ('\u{0207}', "e"),  // ȇ
    ('\u{0209}', "i"),  // ȉ
    ('\u{020B}', "i"),  // ȋ
    ('\u{020D}', "o"),  // ȍ
    ('\u{020F}', "o"),  // ȏ
    ('\u{0211}', "r"),  // ȑ
    ('\u{0213}', "r"),  // ȓ
    ('\u{0215}', "u"),  // ȕ
    ('\u{0217}', "u"),  // ȗ
    ('\u{0219}', "s"),  // ș
    ('\u{021B}', "t"),  // ț
    ('\u{021F}', "h"),  // ȟ
    ('\u{0227}', "a"),  // ȧ
    ('\u{0229}', "e"),  // ȩ
    ('\u{022B}', "o"),  // ȫ
    ('\u{022D}', "o"),  // ȭ
    ('\u{022F}', "o"),  // ȯ
    ('\u{0231}', "o"),  // ȱ
    ('\u{0233}', "y"),  // ȳ
    ('\u{1E01}', "a"),  // ḁ
    ('\u{1E03}', "b"),  // ḃ
    ('\u{1E05}', "b"),  // ḅ
    ('\u{1E07}', "b"),  // ḇ
    ('\u{1E09}', "c"),  // ḉ
    ('\u{1E0B}', "d"),  // ḋ
    ('\u{1E0D}', "d"),  // ḍ
    ('\u{1E0F}', "d"),  // ḏ
    ('\u{1E11}', "d"),  // ḑ
    ('\u{1E13}', "d"),  // ḓ
    ('\u{1E15}', "e"),  // ḕ
    ('\u{1E17}', "e"),  // ḗ
    ('\u{1E19}', "e"),  // ḙ
    ('\u{1E1B}', "e"),  // ḛ
    ('\u{1E1D}', "e"),  // ḝ
    ('\u{1E1F}', "f"),  // ḟ
    ('\u{1E21}', "g"),  // ḡ
    ('\u{1E23}', "h"),  // ḣ
    ('\u{1E25}', "h"),  // ḥ
    ('\u{1E27}', "h"),  // ḧ
    ('\u{1E29}', "h"),  // ḩ
    ('\u{1E2B}', "h"),  // ḫ
    ('\u{1E2D}', "i"),  // ḭ
    ('\u{1E2F}', "i"),  // ḯ
    ('\u{1E31}', "k"),  // ḱ
    ('\u{1E33}', "k"),  // ḳ
    ('\u{1E35}', "k"),  // ḵ
    ('\u{1E37}', "l"),  // ḷ
    ('\u{1E39}', "l"),  // ḹ
    ('\u{1E3B}', "l"),  // ḻ
    ('\u{1E3D}', "l"),  // ḽ
    ('\u{1E3F}', "m"),  // ḿ
    ('\u{1E41}', "m"),  // ṁ
    ('\u{1E43}', "m"),  // ṃ
    ('\u{1E45}', "n"),  // ṅ
    ('\u{1E47}', "n"),  // ṇ
    ('\u{1E49}', "n"),  // ṉ
    ('\u{1E4B}', "n"),  // ṋ
    ('\u{1E4D}', "o"),  // ṍ
    ('\u{1E4F}', "o"),  // ṏ
    ('\u{1E51}', "o"),  // ṑ
    ('\u{1E53}', "o"),  // ṓ
    ('\u{1E55}', "p"),  // ṕ
    ('\u{1E57}', "p"),  // ṗ
    ('\u{1E59}', "r"),  // ṙ
    ('\u{1E5B}', "r"),  // ṛ
    ('\u{1E5D}', "r"),  // ṝ
    ('\u{1E5F}', "r"),  // ṟ
    ('\u{1E61}', "s"),  // ṡ
    ('\u{1E63}', "s"),  // ṣ
    ('\u{1E65}', "s"),  // ṥ
    ('\u{1E67}', "s"),  // ṧ
    ('\u{1E69}', "s"),  // ṩ
    ('\u{1E6B}', "t"),  // ṫ
    ('\u{1E6D}', "t"),  // ṭ
    ('\u{1E6F}', "t"),  // ṯ
    ('\u{1E71}', "t"),  // ṱ
    ('\u{1E73}', "u"),  // ṳ
    ('\u{1E75}', "u"),  // ṵ
    ('\u{1E77}', "u"),  // ṷ
    ('\u{1E79}', "u"),  // ṹ
    ('\u{1E7B}', "u"),  // ṻ
    ('\u{1E7D}', "v"),  // ṽ
    ('\u{1E7F}', "v"),  // ṿ
    ('\u{1E81}', "w"),  // ẁ
    ('\u{1E83}', "w"),  // ẃ
    ('\u{1E85}', "w"),  // ẅ
    ('\u{1E87}', "w"),  // ẇ
    ('\u{1E89}', "w"),  // ẉ
    ('\u{1E8B}', "x"),  // ẋ
    ('\u{1E8D}', "x"),  // ẍ
    ('\u{1E8F}', "y"),  // ẏ
    ('\u{1E91}', "z"),  // ẑ
    ('\u{1E93}', "z"),  // ẓ
    ('\u{1E95}', "z"),  // ẕ
    ('\u{1E96}', "h"),  // ẖ
    ('\u{1E97}', "t"),  // ẗ
    ('\u{1E98}', "w"),  // ẘ
    ('\u{1E99}', "y"),  // ẙ
    ('\u{1E9B}', "s"),  // ẛ
    ('\u{1EA1}', "a"),  // ạ
    ('\u{1EA3}', "a"),  // ả
    ('\u{1EA5}', "a"),  // ấ
    ('\u{1EA7}', "a"),  // ầ
    ('\u{1EA9}', "a"),  // ẩ
    ('\u{1EAB}', "a"),  // ẫ
    ('\u{1EAD}', "a"),  // ậ
    ('\u{1EAF}', "a"),  // ắ
    ('\u{1EB1}', "a"),  // ằ
    ('\u{1EB3}', "a"),  // ẳ
    ('\u{1EB5}', "a"),  // ẵ
    ('\u{1EB7}', "a"),  // ặ
    ('\u{1EB9}', "e"),  // ẹ
    ('\u{1EBB}', "e"),  // ẻ
    ('\u{1EBD}', "e"),  // ẽ
    ('\u{1EBF}', "e"),  // ế
    ('\u{1EC1}', "e"),  // ề
    ('\u{1EC3}', "e"),  // ể
    ('\u{1EC5}', "e"),  // ễ
    ('\u{1EC7}', "e"),  // ệ
    ('\u{1EC9}', "i"),  // ỉ
    ('\u{1ECB}', "i"),  // ị
    ('\u{1ECD}', "o"),  // ọ
    ('\u{1ECF}', "o"),  // ỏ
    ('\u{1ED1}', "o"),  // ố
    ('\u{1ED3}', "o"),  // ồ
    ('\u{1ED5}', "o"),  // ổ
    ('\u{1ED7}', "o"),  // ỗ
    ('\u{1ED9}', "o"),  // ộ
    ('\u{1EDB}', "o"),  // ớ
    ('\u{1EDD}', "o"),  // ờ
    ('\u{1EDF}', "o"),  // ở
    ('\u{1EE1}', "o"),  // ỡ
    ('\u{1EE3}', "o"),  // ợ
    ('\u{1EE5}', "u"),  // ụ
    ('\u{1EE7}', "u"),  // ủ
    ('\u{1EE9}', "u"),  // ứ
    ('\u{1EEB}', "u"),  // ừ
    ('\u{1EED}', "u"),  // ử
    ('\u{1EEF}', "u"),  // ữ
    ('\u{1EF1}', "u"),  // ự
    ('\u{1EF3}', "y"),  // ỳ
    ('\u{1EF5}', "y"),  // ỵ
    ('\u{1EF7}', "y"),  // ỷ
    ('\u{1EF9}', "y"),  // ỹ
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted() {
        assert!(DIACRITICS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
