// Hashed feature extraction for the NER tagger: word, shape, affixes, context window,
// capitalisation flags, word clusters, gazetteer hits and document-level cues. Every
// feature is a 32-bit FNV-1a hash of (template id, value); no strings are stored.

use crate::lexicon::Lexicon;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// An incremental FNV-1a hasher (fixed keys: deterministic across runs and builds).
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Fnv {
    #[inline]
    pub(crate) fn new(template: u8) -> Fnv {
        let mut h = Fnv(FNV_OFFSET);
        h.byte(template);
        h
    }
    #[inline]
    pub(crate) fn byte(&mut self, b: u8) {
        self.0 ^= b as u64;
        self.0 = self.0.wrapping_mul(FNV_PRIME);
    }
    #[inline]
    pub(crate) fn bytes(&mut self, s: &[u8]) {
        for &b in s {
            self.byte(b);
        }
    }
    #[inline]
    pub(crate) fn u64(&mut self, v: u64) {
        self.bytes(&v.to_le_bytes());
    }
    /// Feeds `s` lowercased, with typographic quotes and dashes folded to ASCII.
    #[inline]
    pub(crate) fn lower(&mut self, s: &str) {
        if s.is_ascii() {
            for &b in s.as_bytes() {
                self.byte(b.to_ascii_lowercase());
            }
        } else {
            for c in s.chars() {
                self.char_lower(c);
            }
        }
    }
    #[inline]
    fn char_lower(&mut self, c: char) {
        let c = fold(c);
        let mut buf = [0u8; 4];
        for l in c.to_lowercase() {
            self.bytes(l.encode_utf8(&mut buf).as_bytes());
        }
    }
    /// Feeds `s` as written (quotes and dashes folded).
    #[inline]
    pub(crate) fn exact(&mut self, s: &str) {
        if s.is_ascii() {
            self.bytes(s.as_bytes());
        } else {
            let mut buf = [0u8; 4];
            for c in s.chars() {
                self.bytes(fold(c).encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    #[inline]
    pub(crate) fn finish(self) -> u64 {
        self.0
    }
    /// The 32-bit feature id (never 0, which marks an empty slot in the model table).
    #[inline]
    pub(crate) fn id(self) -> u32 {
        let h = self.0;
        let v = (h ^ (h >> 32)) as u32;
        v.max(1)
    }
}

#[inline]
fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        _ => c,
    }
}

/// Hash of the lowercased word (the key used by clusters, gazetteers and doc sets).
#[inline]
pub(crate) fn word_key(s: &str) -> u64 {
    let mut h = Fnv::new(0);
    h.lower(s);
    h.finish()
}

/// Character class used by word shapes.
#[inline]
fn class(c: char) -> u8 {
    if c.is_uppercase() {
        b'X'
    } else if c.is_lowercase() {
        b'x'
    } else if c.is_numeric() {
        b'd'
    } else if c.is_ascii() {
        c as u8
    } else {
        match fold(c) {
            f if f.is_ascii() => f as u8,
            _ => b'*',
        }
    }
}

/// Compressed word shape (runs collapsed: "Qatar" → "Xx", "U.S." → "X.X.", "1,500" → "d,d").
#[inline]
fn shape_hash(s: &str, h: &mut Fnv, long: bool) {
    let mut last = 0u8;
    let mut run = 0usize;
    for c in s.chars() {
        let k = class(c);
        if k == last {
            run += 1;
            if !long || run >= 4 {
                continue;
            }
        } else {
            run = 1;
        }
        h.byte(k);
        last = k;
    }
}

/// Per-token properties computed once per sentence.
#[derive(Clone, Copy, Default)]
pub(crate) struct TokInfo {
    pub key: u64,
    pub shape: u32,
    pub init_cap: bool,
    pub all_caps: bool,
    pub has_digit: bool,
    pub has_alpha: bool,
    pub cluster_fine: u16,
    pub cluster_coarse: u16,
    /// Gazetteer BILOU position per type (0 none, 1 B, 2 I, 3 L, 4 U), 5 types.
    pub gaz: [u8; 5],
    /// Name-part lists: 1 first name, 2 surname (bits).
    pub namepart: u8,
}

const NONE_CLUSTER: u16 = u16::MAX;

/// Document-level context: lowercase-initial word forms seen in the document.
#[derive(Default)]
pub(crate) struct DocContext {
    lower_seen: std::collections::HashSet<u64>,
}

impl DocContext {
    pub(crate) fn new<'a>(words: impl Iterator<Item = &'a str>) -> DocContext {
        let mut lower_seen = std::collections::HashSet::new();
        for w in words {
            if w.chars().next().is_some_and(|c| c.is_lowercase()) {
                lower_seen.insert(word_key(w));
            }
        }
        DocContext { lower_seen }
    }
}

pub(crate) fn token_infos(words: &[&str], lex: &Lexicon, out: &mut Vec<TokInfo>) {
    out.clear();
    for w in words {
        let key = word_key(w);
        let mut sh = Fnv::new(1);
        shape_hash(w, &mut sh, false);
        let mut first = true;
        let (mut init_cap, mut all_caps, mut has_digit, mut has_alpha, mut any_lower) =
            (false, true, false, false, false);
        for c in w.chars() {
            if first {
                init_cap = c.is_uppercase();
                first = false;
            }
            if c.is_alphabetic() {
                has_alpha = true;
                if c.is_lowercase() {
                    any_lower = true;
                }
            }
            if c.is_numeric() {
                has_digit = true;
            }
        }
        if any_lower || !has_alpha {
            all_caps = false;
        }
        let (cf, cc) = lex
            .clusters
            .get(&key)
            .copied()
            .unwrap_or((NONE_CLUSTER, NONE_CLUSTER));
        out.push(TokInfo {
            key,
            shape: sh.id(),
            init_cap,
            all_caps,
            has_digit,
            has_alpha,
            cluster_fine: cf,
            cluster_coarse: cc,
            gaz: [0; 5],
            namepart: lex.nameparts.get(&key).copied().unwrap_or(0),
        });
    }
    // Gazetteer: longest match starting at each position.
    let n = words.len();
    let mut i = 0;
    while i < n {
        let mut h = 0u64;
        let mut best: Option<(usize, u8)> = None;
        for j in i..n.min(i + crate::lexicon::MAX_PHRASE) {
            h = crate::lexicon::phrase_step(h, out[j].key);
            if let Some(&bits) = lex.phrases.get(&h) {
                best = Some((j, bits));
            }
        }
        if let Some((j, bits)) = best {
            for t in 0..5 {
                if bits & (1 << t) != 0 {
                    for (k, info) in out.iter_mut().enumerate().take(j + 1).skip(i) {
                        info.gaz[t] = if i == j {
                            4
                        } else if k == i {
                            1
                        } else if k == j {
                            3
                        } else {
                            2
                        };
                    }
                }
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
}

/// Appends the feature ids of token `i` to `out`.
pub(crate) fn features(
    words: &[&str],
    infos: &[TokInfo],
    i: usize,
    doc: &DocContext,
    sent_caps: bool,
    out: &mut Vec<u32>,
) {
    let w = words[i];
    let t = &infos[i];
    let mut push = |h: Fnv| out.push(h.id());
    push(Fnv::new(2));
    // word forms
    let mut h = Fnv::new(3);
    h.u64(t.key);
    push(h);
    let mut h = Fnv::new(4);
    h.exact(w);
    push(h);
    // context words
    for (tpl, off) in [(5u8, -2i64), (6, -1), (7, 1), (8, 2)] {
        let j = i as i64 + off;
        let mut h = Fnv::new(tpl);
        if j < 0 {
            h.byte(b'<');
        } else if j as usize >= words.len() {
            h.byte(b'>');
        } else {
            h.u64(infos[j as usize].key);
        }
        push(h);
    }
    // bigrams
    let prev_key = if i > 0 { infos[i - 1].key } else { 1 };
    let next_key = if i + 1 < words.len() {
        infos[i + 1].key
    } else {
        2
    };
    let mut h = Fnv::new(9);
    h.u64(prev_key);
    h.u64(t.key);
    push(h);
    let mut h = Fnv::new(10);
    h.u64(t.key);
    h.u64(next_key);
    push(h);
    // shapes
    let shape = |j: i64| -> u32 {
        if j < 0 {
            1
        } else if j as usize >= words.len() {
            2
        } else {
            infos[j as usize].shape
        }
    };
    let ii = i as i64;
    for (tpl, off) in [(11u8, -1i64), (12, 0), (13, 1)] {
        let mut h = Fnv::new(tpl);
        h.bytes(&shape(ii + off).to_le_bytes());
        push(h);
    }
    let mut h = Fnv::new(14);
    h.bytes(&shape(ii - 1).to_le_bytes());
    h.bytes(&shape(ii).to_le_bytes());
    push(h);
    let mut h = Fnv::new(15);
    h.bytes(&shape(ii).to_le_bytes());
    h.bytes(&shape(ii + 1).to_le_bytes());
    push(h);
    let mut h = Fnv::new(16);
    shape_hash(w, &mut h, true);
    push(h);
    // shape + word of neighbours
    let mut h = Fnv::new(17);
    h.bytes(&shape(ii).to_le_bytes());
    h.u64(prev_key);
    push(h);
    // affixes (chars)
    let nchars = w.chars().count();
    for k in 1..=4usize {
        if nchars > k {
            let mut h = Fnv::new(20 + k as u8);
            let mut end = 0;
            for (c, (bi, ch)) in w.char_indices().enumerate() {
                if c == k {
                    break;
                }
                end = bi + ch.len_utf8();
            }
            h.lower(&w[..end]);
            push(h);
            let mut h = Fnv::new(30 + k as u8);
            let start = w
                .char_indices()
                .nth(nchars - k)
                .map(|(b, _)| b)
                .unwrap_or(0);
            h.lower(&w[start..]);
            push(h);
        }
    }
    // flags
    let mut flags = 0u8;
    if t.init_cap {
        flags |= 1;
    }
    if t.all_caps {
        flags |= 2;
    }
    if t.has_digit {
        flags |= 4;
    }
    if i == 0 {
        flags |= 8;
    }
    if sent_caps {
        flags |= 16;
    }
    if w.contains('-') {
        flags |= 32;
    }
    if w.contains('.') {
        flags |= 64;
    }
    let mut h = Fnv::new(40);
    h.byte(flags);
    push(h);
    // capitalised word that is also written in lowercase elsewhere in the document
    if t.init_cap && t.has_alpha {
        let mut h = Fnv::new(41);
        h.byte(doc.lower_seen.contains(&t.key) as u8);
        h.byte((i == 0) as u8);
        h.byte(sent_caps as u8);
        push(h);
    }
    let mut h = Fnv::new(42);
    h.byte((nchars.min(12)) as u8);
    h.byte(t.init_cap as u8);
    push(h);
    // clusters
    for (tpl, off) in [(50u8, -1i64), (51, 0), (52, 1)] {
        let j = ii + off;
        if j >= 0 && (j as usize) < words.len() {
            let c = &infos[j as usize];
            let mut h = Fnv::new(tpl);
            h.bytes(&c.cluster_fine.to_le_bytes());
            push(h);
            let mut h = Fnv::new(tpl + 10);
            h.bytes(&c.cluster_coarse.to_le_bytes());
            push(h);
        }
    }
    let mut h = Fnv::new(63);
    h.bytes(&t.cluster_fine.to_le_bytes());
    h.bytes(&shape(ii).to_le_bytes());
    push(h);
    // gazetteer
    for (ty, &g) in t.gaz.iter().enumerate() {
        if g != 0 {
            let mut h = Fnv::new(70);
            h.byte(ty as u8);
            h.byte(g);
            push(h);
            let mut h = Fnv::new(71);
            h.byte(ty as u8);
            h.byte(g);
            h.byte(t.init_cap as u8);
            push(h);
        }
    }
    for (tpl, j) in [(72u8, ii - 1), (73, ii + 1)] {
        if j >= 0 && (j as usize) < words.len() {
            let g = &infos[j as usize].gaz;
            for (ty, &v) in g.iter().enumerate() {
                if v != 0 {
                    let mut h = Fnv::new(tpl);
                    h.byte(ty as u8);
                    h.byte(v);
                    push(h);
                }
            }
        }
    }
    if t.namepart != 0 {
        let mut h = Fnv::new(74);
        h.byte(t.namepart);
        h.byte(t.init_cap as u8);
        push(h);
    }
    if i > 0 && infos[i - 1].namepart != 0 {
        let mut h = Fnv::new(75);
        h.byte(infos[i - 1].namepart);
        h.byte(t.init_cap as u8);
        push(h);
    }
}
