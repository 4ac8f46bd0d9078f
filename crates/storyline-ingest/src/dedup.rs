//! Near-duplicate detection for web-scale ingest: MinHash signatures over word
//! 5-gram shingles (character 5-grams for scripts written without spaces) and
//! locality-sensitive hashing in bands, so that syndicated copies and light
//! rewrites of one article are found without comparing every pair. Deterministic:
//! the hash functions come from fixed seeds.

use std::collections::HashMap;

/// Number of hash functions in a signature.
pub const NUM_HASHES: usize = 128;
/// LSH bands × rows = NUM_HASHES. 32 × 4 finds pairs from a Jaccard of about 0.4 up
/// with high probability.
pub const BANDS: usize = 32;
const ROWS: usize = NUM_HASHES / BANDS;
const MERSENNE_61: u64 = (1 << 61) - 1;

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn fnv1a(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

static PERMS: std::sync::LazyLock<Vec<(u64, u64)>> = std::sync::LazyLock::new(|| {
    let mut s = 0x5EED_0F57_0E11_u64;
    (0..NUM_HASHES)
        .map(|_| {
            let a = splitmix64(&mut s) % (MERSENNE_61 - 1) + 1;
            let b = splitmix64(&mut s) % MERSENNE_61;
            (a, b)
        })
        .collect()
});

fn mod_mersenne(x: u128) -> u64 {
    let lo = (x as u64) & MERSENNE_61;
    let hi = (x >> 61) as u64;
    let mut r = lo + (hi & MERSENNE_61) + ((x >> 122) as u64);
    while r >= MERSENNE_61 {
        r -= MERSENNE_61;
    }
    r
}

/// Hashes of the text's shingles: lowercased word 5-grams, or character 5-grams
/// when the text has few spaces (Chinese, Japanese, Thai).
pub fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    let mut out = Vec::new();
    if words.len() >= 5 && chars < words.len() * 20 {
        for w in words.windows(5) {
            let mut h = 0xcbf2_9ce4_8422_2325;
            for x in w {
                h = fnv1a(x.as_bytes(), h);
                h = fnv1a(b" ", h);
            }
            out.push(h);
        }
    } else {
        let cs: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).collect();
        for w in cs.windows(5) {
            let s: String = w.iter().collect();
            out.push(fnv1a(s.as_bytes(), 0xcbf2_9ce4_8422_2325));
        }
        if out.is_empty() && !cs.is_empty() {
            let s: String = cs.iter().collect();
            out.push(fnv1a(s.as_bytes(), 0xcbf2_9ce4_8422_2325));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A MinHash signature; empty for a text without shingles.
pub fn signature(text: &str) -> Vec<u64> {
    let sh = shingles(text);
    if sh.is_empty() {
        return Vec::new();
    }
    PERMS
        .iter()
        .map(|&(a, b)| {
            sh.iter()
                .map(|&x| mod_mersenne(a as u128 * (x % MERSENNE_61) as u128 + b as u128))
                .min()
                .unwrap_or(u64::MAX)
        })
        .collect()
}

/// Estimated Jaccard similarity of two signatures (0 when either is empty).
pub fn similarity(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// An LSH index of signatures; documents are added one at a time.
#[derive(Default)]
pub struct NearDupIndex {
    buckets: HashMap<(usize, u64), Vec<usize>>,
    sigs: Vec<Vec<u64>>,
}

impl NearDupIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Add a text; returns the earlier texts whose estimated similarity is at least
    /// `threshold`, as (index, similarity), most similar first.
    pub fn insert(&mut self, text: &str, threshold: f64) -> Vec<(usize, f64)> {
        let sig = signature(text);
        let id = self.sigs.len();
        let mut cands: Vec<usize> = Vec::new();
        if !sig.is_empty() {
            for band in 0..BANDS {
                let key = fnv1a(
                    &sig[band * ROWS..(band + 1) * ROWS]
                        .iter()
                        .flat_map(|x| x.to_le_bytes())
                        .collect::<Vec<u8>>(),
                    0xcbf2_9ce4_8422_2325,
                );
                let bucket = self.buckets.entry((band, key)).or_default();
                cands.extend(bucket.iter().copied());
                bucket.push(id);
            }
        }
        cands.sort_unstable();
        cands.dedup();
        let mut out: Vec<(usize, f64)> = cands
            .into_iter()
            .map(|c| (c, similarity(&sig, &self.sigs[c])))
            .filter(|(_, s)| *s >= threshold)
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        self.sigs.push(sig);
        out
    }
}

/// All near-duplicate pairs `(i, j, similarity)` with `i < j` among `texts`.
pub fn near_duplicates(texts: &[&str], threshold: f64) -> Vec<(usize, usize, f64)> {
    let mut idx = NearDupIndex::new();
    let mut out = Vec::new();
    for (j, t) in texts.iter().enumerate() {
        for (i, s) in idx.insert(t, threshold) {
            out.push((i, j, s));
        }
    }
    out.sort_by_key(|a| (a.0, a.1));
    out
}
