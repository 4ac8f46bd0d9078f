//! The averaged structured perceptron that storyline's learned taggers share (the
//! NER model in `storyline-entities`, the attribution tagger in `storyline-claims`).
//!
//! Tags are BILOU over `(NT - 1) / 4` span types: tag 0 is O, tag `1 + 4 * ty + pos`
//! is position `pos` (0 = B, 1 = I, 2 = L, 3 = U) of type `ty`. [`viterbi`] decodes
//! under the BILOU constraints. Features are `u32` hashes (the callers make them);
//! [`Weights`] holds one `[f32; NT]` row per feature in an open-addressing table, plus
//! transition and start scores. The model file is quantised: a magic number, the tag
//! count, the scale, the transitions and starts as `f32`, then per feature its hash,
//! a bit mask of the tags it has weights for (u16 up to 16 tags, else u32) and those
//! weights as `i16`. It holds hashes and numbers only, no training text.
//! [`Trainer`] makes the averaged perceptron updates; [`shuffle`] is the seeded
//! order of each epoch, so that training is deterministic.
//!
//! ```
//! use storyline_perceptron::{Trainer, Weights};
//! const NT: usize = 5; // O + one type
//! // Token 0 has feature 7 and is U (tag 4); token 1 has feature 9 and is O.
//! let (feats, offs, gold) = (vec![7, 9], vec![0, 1, 2], vec![4, 0]);
//! let mut tr = Trainer::<NT>::new();
//! let mut pred = Vec::new();
//! for _ in 0..3 {
//!     tr.learn(&feats, &offs, &gold, &mut pred);
//! }
//! let bytes = tr.averaged().to_bytes(b"SLDOCT1\0", 0.0);
//! let w = Weights::<NT>::from_bytes(&bytes, b"SLDOCT1\0", "test").unwrap();
//! w.decode(&feats, &offs, &mut pred);
//! assert_eq!(pred, gold);
//! ```

// index loops over tag arrays read better than zipped iterators here
#![allow(clippy::needless_range_loop)]

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use anyhow::{bail, Context as _};

/// The tag of position `pos` (0 = B, 1 = I, 2 = L, 3 = U) of span type `ty`.
#[inline]
pub fn tag_of(ty: usize, pos: usize) -> usize {
    1 + ty * 4 + pos
}

/// (type, position) of a non-O tag among `NT` tags.
#[inline]
pub fn untag<const NT: usize>(t: usize) -> Option<(usize, usize)> {
    (t > 0 && t < NT).then(|| ((t - 1) / 4, (t - 1) % 4))
}

/// Whether tag `t` may follow `prev` (`None` at the start) under BILOU.
fn allowed<const NT: usize>(prev: Option<usize>, t: usize) -> bool {
    let open = |p: usize| {
        untag::<NT>(p)
            .filter(|&(_, pos)| pos <= 1)
            .map(|(ty, _)| ty)
    };
    match prev.and_then(open) {
        Some(ty) => matches!(untag::<NT>(t), Some((t2, 1 | 2)) if t2 == ty),
        None => !matches!(untag::<NT>(t), Some((_, 1 | 2))),
    }
}

/// Whether a sequence may end on tag `t` (not inside an open span).
fn allowed_end<const NT: usize>(t: usize) -> bool {
    !matches!(untag::<NT>(t), Some((_, 0 | 1)))
}

/// The best BILOU-valid tag sequence for per-token `scores`.
pub fn viterbi<const NT: usize>(
    scores: &[[f32; NT]],
    trans: &[[f32; NT]; NT],
    start: &[f32; NT],
    out: &mut Vec<usize>,
) {
    let n = scores.len();
    out.clear();
    if n == 0 {
        return;
    }
    let neg = f32::NEG_INFINITY;
    let mut delta = vec![[neg; NT]; n];
    let mut back = vec![[0u8; NT]; n];
    for t in 0..NT {
        if allowed::<NT>(None, t) {
            delta[0][t] = start[t] + scores[0][t];
        }
    }
    for i in 1..n {
        for t in 0..NT {
            let mut best = (neg, 0usize);
            for p in 0..NT {
                if delta[i - 1][p] == neg || !allowed::<NT>(Some(p), t) {
                    continue;
                }
                let s = delta[i - 1][p] + trans[p][t];
                if s > best.0 {
                    best = (s, p);
                }
            }
            if best.0 > neg {
                delta[i][t] = best.0 + scores[i][t];
                back[i][t] = best.1 as u8;
            }
        }
    }
    let mut best = (neg, 0usize);
    for t in 0..NT {
        if allowed_end::<NT>(t) && delta[n - 1][t] > best.0 {
            best = (delta[n - 1][t], t);
        }
    }
    out.resize(n, 0);
    let mut t = best.1;
    for i in (0..n).rev() {
        out[i] = t;
        t = back[i][t] as usize;
    }
}

/// A tiny multiplicative hasher for u32 feature ids (already well mixed).
#[derive(Default)]
pub struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.0 = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A map keyed by feature id.
pub type IdMap<V> = HashMap<u32, V, BuildHasherDefault<IdHasher>>;

#[inline]
fn slot(k: u32) -> usize {
    (k.wrapping_mul(0x9E37_79B1) >> 7) as usize ^ k as usize
}

/// Little-endian reads from a model file; running out is an error, not a panic.
pub struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(b: &'a [u8], pos: usize) -> Self {
        Reader { b, pos }
    }
    pub fn take(&mut self, n: usize) -> anyhow::Result<&'a [u8]> {
        let end = self.pos.checked_add(n).context("model file truncated")?;
        let s = self.b.get(self.pos..end).context("model file truncated")?;
        self.pos = end;
        Ok(s)
    }
    pub fn u32(&mut self) -> anyhow::Result<u32> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn u16(&mut self) -> anyhow::Result<u16> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn f32(&mut self) -> anyhow::Result<f32> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn i16(&mut self) -> anyhow::Result<i16> {
        let s = self.take(2)?;
        Ok(i16::from_le_bytes([s[0], s[1]]))
    }
}

/// Trained weights, ready for decoding.
pub struct Weights<const NT: usize> {
    keys: Vec<u32>,
    rows: Vec<[f32; NT]>,
    mask: usize,
    trans: [[f32; NT]; NT],
    start: [f32; NT],
}

impl<const NT: usize> Weights<NT> {
    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.keys.iter().filter(|k| **k != 0).count()
    }

    #[inline]
    fn row(&self, k: u32) -> Option<&[f32; NT]> {
        let mut i = slot(k) & self.mask;
        loop {
            let key = self.keys[i];
            if key == k {
                return Some(&self.rows[i]);
            }
            if key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Loads a model file written by [`Averaged::to_bytes`] with the same `magic`;
    /// `what` names the model in errors.
    pub fn from_bytes(b: &[u8], magic: &[u8; 8], what: &str) -> anyhow::Result<Self> {
        let mut r = Reader::new(b, 0);
        if r.take(8)? != magic {
            bail!("not a storyline {what} model");
        }
        if r.u32()? as usize != NT {
            bail!("unexpected tag count");
        }
        let scale = r.f32()?;
        if !(scale.is_finite() && scale > 0.0) {
            bail!("bad scale");
        }
        let mut trans = [[0f32; NT]; NT];
        for row in trans.iter_mut() {
            for x in row.iter_mut() {
                *x = r.f32()?;
            }
        }
        let mut start = [0f32; NT];
        for x in start.iter_mut() {
            *x = r.f32()?;
        }
        let n = r.u32()? as usize;
        let mut weights = Vec::with_capacity(n.min(b.len() / 8 + 1));
        for _ in 0..n {
            let key = r.u32()?;
            let m = if NT <= 16 {
                u32::from(r.u16()?)
            } else {
                r.u32()?
            };
            let mut row = [0f32; NT];
            for (t, x) in row.iter_mut().enumerate() {
                if m & (1 << t) != 0 {
                    *x = r.i16()? as f32 / scale;
                }
            }
            if key != 0 {
                weights.push((key, row));
            }
        }
        Ok(Averaged {
            weights,
            trans,
            start,
        }
        .into_weights())
    }

    /// Best BILOU tag sequence for one sequence given its per-token feature ids
    /// (token `i` has `feats[offs[i]..offs[i + 1]]`).
    pub fn decode(&self, feats: &[u32], offs: &[usize], out: &mut Vec<usize>) {
        let scores = token_scores(offs, feats, |f| self.row(f));
        viterbi(&scores, &self.trans, &self.start, out);
    }
}

/// Per-token tag scores: the sum of the rows of the token's features.
fn token_scores<'a, const NT: usize>(
    offs: &[usize],
    feats: &[u32],
    row: impl Fn(u32) -> Option<&'a [f32; NT]>,
) -> Vec<[f32; NT]> {
    let n = offs.len().saturating_sub(1);
    let mut scores = vec![[0f32; NT]; n];
    for (i, sc) in scores.iter_mut().enumerate() {
        for &f in feats.get(offs[i]..offs[i + 1]).unwrap_or(&[]) {
            if let Some(r) = row(f) {
                for t in 0..NT {
                    sc[t] += r[t];
                }
            }
        }
    }
    scores
}

/// Averaged weights: one row per feature (sorted by feature id), transitions, starts.
pub struct Averaged<const NT: usize> {
    pub weights: Vec<(u32, [f32; NT])>,
    pub trans: [[f32; NT]; NT],
    pub start: [f32; NT],
}

impl<const NT: usize> Averaged<NT> {
    /// The decoding table.
    pub fn into_weights(self) -> Weights<NT> {
        let cap = (self.weights.len() * 2).next_power_of_two().max(16);
        let mut keys = vec![0u32; cap];
        let mut rows = vec![[0f32; NT]; cap];
        let mask = cap - 1;
        for (k, w) in self.weights {
            let mut i = slot(k) & mask;
            while keys[i] != 0 && keys[i] != k {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            for (r, x) in rows[i].iter_mut().zip(w) {
                *r += x;
            }
        }
        Weights {
            keys,
            rows,
            mask,
            trans: self.trans,
            start: self.start,
        }
    }

    /// The model file: weights quantised to i16, weights under `prune` left out.
    pub fn to_bytes(&self, magic: &[u8; 8], prune: f32) -> Vec<u8> {
        let max = self
            .weights
            .iter()
            .flat_map(|(_, r)| r.iter())
            .fold(0f32, |m, x| m.max(x.abs()))
            .max(1e-6);
        let scale = 32000.0 / max;
        let mut out = Vec::new();
        out.extend_from_slice(magic);
        out.extend_from_slice(&(NT as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for row in &self.trans {
            for x in row {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        for x in &self.start {
            out.extend_from_slice(&x.to_le_bytes());
        }
        let mut body = Vec::new();
        let mut n = 0u32;
        for (k, row) in &self.weights {
            let mut m = 0u32;
            for (t, x) in row.iter().enumerate() {
                if x.abs() >= prune && (x * scale).round() as i32 != 0 {
                    m |= 1 << t;
                }
            }
            if m == 0 {
                continue;
            }
            n += 1;
            body.extend_from_slice(&k.to_le_bytes());
            if NT <= 16 {
                body.extend_from_slice(&(m as u16).to_le_bytes());
            } else {
                body.extend_from_slice(&m.to_le_bytes());
            }
            for (t, x) in row.iter().enumerate() {
                if m & (1 << t) != 0 {
                    let q = (x * scale).round().clamp(-32767.0, 32767.0) as i16;
                    body.extend_from_slice(&q.to_le_bytes());
                }
            }
        }
        out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(&body);
        out
    }
}

/// The averaged perceptron's training state: current weights and the accumulated
/// updates weighted by the example counter, for averaging.
pub struct Trainer<const NT: usize> {
    index: IdMap<u32>,
    w: Vec<[f32; NT]>,
    u: Vec<[f32; NT]>,
    trans: [[f32; NT]; NT],
    trans_u: [[f32; NT]; NT],
    start: [f32; NT],
    start_u: [f32; NT],
    c: f32,
}

impl<const NT: usize> Default for Trainer<NT> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const NT: usize> Trainer<NT> {
    pub fn new() -> Self {
        Trainer {
            index: IdMap::default(),
            w: Vec::new(),
            u: Vec::new(),
            trans: [[0.0; NT]; NT],
            trans_u: [[0.0; NT]; NT],
            start: [0.0; NT],
            start_u: [0.0; NT],
            c: 1.0,
        }
    }

    fn upd(&mut self, f: u32, t: usize, d: f32) {
        let next = self.w.len() as u32;
        let r = *self.index.entry(f).or_insert(next) as usize;
        if r == self.w.len() {
            self.w.push([0.0; NT]);
            self.u.push([0.0; NT]);
        }
        self.w[r][t] += d;
        self.u[r][t] += self.c * d;
    }

    fn bump(&mut self, prev: Option<usize>, t: usize, d: f32) {
        let c = self.c;
        match prev {
            None => {
                self.start[t] += d;
                self.start_u[t] += c * d;
            }
            Some(a) => {
                self.trans[a][t] += d;
                self.trans_u[a][t] += c * d;
            }
        }
    }

    /// One example: decode it with the current weights into `pred`, update towards
    /// `gold` where they differ, and count it. Returns the number of wrong tokens.
    pub fn learn(
        &mut self,
        feats: &[u32],
        offs: &[usize],
        gold: &[usize],
        pred: &mut Vec<usize>,
    ) -> usize {
        let scores = token_scores(offs, feats, |f| {
            self.index.get(&f).map(|&r| &self.w[r as usize])
        });
        viterbi(&scores, &self.trans, &self.start, pred);
        let mut wrong = 0;
        if pred.as_slice() != gold {
            wrong = pred.iter().zip(gold).filter(|(p, g)| p != g).count();
            for i in 0..gold.len().min(pred.len()) {
                let (g, p) = (gold[i], pred[i]);
                if g != p {
                    for &f in feats.get(offs[i]..offs[i + 1]).unwrap_or(&[]) {
                        self.upd(f, g, 1.0);
                        self.upd(f, p, -1.0);
                    }
                }
                let (gp, pp) = if i == 0 {
                    (None, None)
                } else {
                    (Some(gold[i - 1]), Some(pred[i - 1]))
                };
                if (gp, g) != (pp, p) {
                    self.bump(gp, g, 1.0);
                    self.bump(pp, p, -1.0);
                }
            }
        }
        self.c += 1.0;
        wrong
    }

    /// The averaged weights so far.
    pub fn averaged(&self) -> Averaged<NT> {
        let mut keys: Vec<(u32, u32)> = self.index.iter().map(|(k, v)| (*k, *v)).collect();
        keys.sort_unstable();
        let c = self.c.max(1.0);
        let weights = keys
            .into_iter()
            .map(|(k, r)| {
                let mut row = [0f32; NT];
                for t in 0..NT {
                    row[t] = self.w[r as usize][t] - self.u[r as usize][t] / c;
                }
                (k, row)
            })
            .collect();
        let mut trans = [[0f32; NT]; NT];
        for p in 0..NT {
            for t in 0..NT {
                trans[p][t] = self.trans[p][t] - self.trans_u[p][t] / c;
            }
        }
        let mut start = [0f32; NT];
        for t in 0..NT {
            start[t] = self.start[t] - self.start_u[t] / c;
        }
        Averaged {
            weights,
            trans,
            start,
        }
    }
}

/// Shuffles `order` in place (Fisher-Yates with xorshift64*), advancing `rng`: the
/// seeded example order of one training epoch.
pub fn shuffle(order: &mut [usize], rng: &mut u64) {
    for i in (1..order.len()).rev() {
        *rng ^= *rng >> 12;
        *rng ^= *rng << 25;
        *rng ^= *rng >> 27;
        let j = (rng.wrapping_mul(0x2545_F491_4F6C_DD1D) % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NT: usize = 9; // O + two types

    #[test]
    fn viterbi_keeps_to_bilou() {
        // Scores that favour I of type 0 everywhere: an I cannot open a span, so the
        // best valid path is B I L.
        let mut s = [[0f32; NT]; 3];
        for row in s.iter_mut() {
            row[tag_of(0, 1)] = 5.0;
        }
        s[0][tag_of(0, 0)] = 1.0;
        s[2][tag_of(0, 2)] = 1.0;
        let mut out = Vec::new();
        viterbi(&s, &[[0.0; NT]; NT], &[0.0; NT], &mut out);
        assert_eq!(out, vec![tag_of(0, 0), tag_of(0, 1), tag_of(0, 2)]);
    }

    #[test]
    fn learns_and_round_trips_through_the_file() {
        // Feature 1 marks a one-token span of type 1, feature 2 the outside.
        let data = [
            (vec![1, 2, 2], vec![0, 1, 2, 3], vec![tag_of(1, 3), 0, 0]),
            (vec![2, 1], vec![0, 1, 2], vec![0, tag_of(1, 3)]),
        ];
        let mut tr = Trainer::<NT>::new();
        let mut pred = Vec::new();
        let mut order = vec![0, 1];
        let mut rng = 7;
        for _ in 0..4 {
            shuffle(&mut order, &mut rng);
            for &i in &order {
                let (f, o, g) = &data[i];
                tr.learn(f, o, g, &mut pred);
            }
        }
        let bytes = tr.averaged().to_bytes(b"SLTEST1\0", 0.0);
        let w = Weights::<NT>::from_bytes(&bytes, b"SLTEST1\0", "test").unwrap();
        assert_eq!(w.features(), 2);
        for (f, o, g) in &data {
            w.decode(f, o, &mut pred);
            assert_eq!(&pred, g);
        }
        assert!(Weights::<NT>::from_bytes(&bytes, b"SLOTHER\0", "test").is_err());
        for cut in [0, 5, 12, bytes.len() - 1] {
            assert!(Weights::<NT>::from_bytes(&bytes[..cut], b"SLTEST1\0", "test").is_err());
        }
    }
}
