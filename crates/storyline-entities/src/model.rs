// The NER model: a first-order averaged structured perceptron over BILOU tags of
// CoNLL's four types, with hashed features (feature id → per-tag weights), Viterbi
// decoding under BILOU constraints, training and a compact quantised file format.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;

use anyhow::{bail, Context as _};
use serde::Serialize;

use crate::conll::{chunks, read_conll, ConllDoc};
use crate::features::{features, token_infos, DocContext, TokInfo};
use crate::lexicon::{lexicon, Lexicon};

/// CoNLL types in tag order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// Number of BILOU tags: O + 4 × (B, I, L, U).
pub const NT: usize = 17;

const MAGIC: &[u8; 8] = b"SLNER01\0";

#[inline]
fn tag_of(ty: usize, pos: usize) -> usize {
    1 + ty * 4 + pos
}
/// (type, position 0=B 1=I 2=L 3=U) of a non-O tag.
#[inline]
pub(crate) fn untag(t: usize) -> Option<(usize, usize)> {
    (t > 0 && t < NT).then(|| ((t - 1) / 4, (t - 1) % 4))
}

fn allowed(prev: Option<usize>, t: usize) -> bool {
    let open = |p: usize| untag(p).filter(|&(_, pos)| pos <= 1).map(|(ty, _)| ty);
    match prev.and_then(open) {
        Some(ty) => matches!(untag(t), Some((t2, 1 | 2)) if t2 == ty),
        None => !matches!(untag(t), Some((_, 1 | 2))),
    }
}
fn allowed_end(t: usize) -> bool {
    !matches!(untag(t), Some((_, 0 | 1)))
}

/// A tiny multiplicative hasher for u32 feature ids (already well mixed).
#[derive(Default)]
pub(crate) struct IdHasher(u64);
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
type IdMap<V> = HashMap<u32, V, BuildHasherDefault<IdHasher>>;

/// The trained model, ready for decoding.
pub struct Model {
    keys: Vec<u32>,
    rows: Vec<[f32; NT]>,
    mask: usize,
    trans: [[f32; NT]; NT],
    start: [f32; NT],
}

impl Model {
    fn from_weights(
        weights: Vec<(u32, [f32; NT])>,
        trans: [[f32; NT]; NT],
        start: [f32; NT],
    ) -> Model {
        let cap = (weights.len() * 2).next_power_of_two().max(16);
        let mut keys = vec![0u32; cap];
        let mut rows = vec![[0f32; NT]; cap];
        let mask = cap - 1;
        for (k, w) in weights {
            let mut i = slot(k) & mask;
            while keys[i] != 0 && keys[i] != k {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            for (r, x) in rows[i].iter_mut().zip(w) {
                *r += x;
            }
        }
        Model {
            keys,
            rows,
            mask,
            trans,
            start,
        }
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

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.keys.iter().filter(|k| **k != 0).count()
    }

    /// Loads a model file written by [`Model::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> anyhow::Result<Model> {
        let mut r = Reader { b, pos: 0 };
        if r.take(8)? != MAGIC {
            bail!("not a storyline NER model");
        }
        if r.u32()? as usize != NT {
            bail!("unexpected tag count");
        }
        let scale = r.f32()?;
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
        let mut w = Vec::with_capacity(n.min(10_000_000));
        for _ in 0..n {
            let key = r.u32()?;
            let m = r.u32()?;
            let mut row = [0f32; NT];
            for (t, x) in row.iter_mut().enumerate() {
                if m & (1 << t) != 0 {
                    *x = r.i16()? as f32 / scale;
                }
            }
            w.push((key, row));
        }
        Ok(Model::from_weights(w, trans, start))
    }

    /// Serialises the model: weights quantised to i16, near-zero weights pruned.
    fn to_bytes(
        weights: &[(u32, [f32; NT])],
        trans: &[[f32; NT]; NT],
        start: &[f32; NT],
        prune: f32,
    ) -> Vec<u8> {
        let max = weights
            .iter()
            .flat_map(|(_, r)| r.iter())
            .fold(0f32, |m, x| m.max(x.abs()))
            .max(1e-6);
        let scale = 32000.0 / max;
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(NT as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for row in trans {
            for x in row {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        for x in start {
            out.extend_from_slice(&x.to_le_bytes());
        }
        let mut body = Vec::new();
        let mut n = 0u32;
        for (k, row) in weights {
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
            body.extend_from_slice(&m.to_le_bytes());
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

    /// Best BILOU tag sequence for one sentence given its per-token feature ids.
    pub(crate) fn decode(&self, feats: &[u32], offs: &[usize], out: &mut Vec<usize>) {
        let n = offs.len().saturating_sub(1);
        out.clear();
        if n == 0 {
            return;
        }
        let mut scores = vec![[0f32; NT]; n];
        for (i, sc) in scores.iter_mut().enumerate() {
            for &f in &feats[offs[i]..offs[i + 1]] {
                if let Some(r) = self.row(f) {
                    for t in 0..NT {
                        sc[t] += r[t];
                    }
                }
            }
        }
        viterbi(&scores, &self.trans, &self.start, out);
    }
}

#[inline]
fn slot(k: u32) -> usize {
    (k.wrapping_mul(0x9E37_79B1) >> 7) as usize ^ k as usize
}

fn viterbi(scores: &[[f32; NT]], trans: &[[f32; NT]; NT], start: &[f32; NT], out: &mut Vec<usize>) {
    let n = scores.len();
    out.clear();
    if n == 0 {
        return;
    }
    let neg = f32::NEG_INFINITY;
    let mut delta = vec![[neg; NT]; n];
    let mut back = vec![[0u8; NT]; n];
    for t in 0..NT {
        if allowed(None, t) {
            delta[0][t] = start[t] + scores[0][t];
        }
    }
    for i in 1..n {
        for t in 0..NT {
            let mut best = (neg, 0usize);
            for p in 0..NT {
                if delta[i - 1][p] == neg || !allowed(Some(p), t) {
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
        if allowed_end(t) && delta[n - 1][t] > best.0 {
            best = (delta[n - 1][t], t);
        }
    }
    out.clear();
    out.resize(n, 0);
    let mut t = best.1;
    for i in (0..n).rev() {
        out[i] = t;
        t = back[i][t] as usize;
    }
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}
impl Reader<'_> {
    fn take(&mut self, n: usize) -> anyhow::Result<&[u8]> {
        let s = self
            .b
            .get(self.pos..self.pos + n)
            .context("model file truncated")?;
        self.pos += n;
        Ok(s)
    }
    fn u32(&mut self) -> anyhow::Result<u32> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> anyhow::Result<f32> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn i16(&mut self) -> anyhow::Result<i16> {
        let s = self.take(2)?;
        Ok(i16::from_le_bytes([s[0], s[1]]))
    }
}

/// Feature ids of every token of one document's sentences.
pub(crate) struct DocFeatures {
    pub sents: Vec<(Vec<u32>, Vec<usize>)>,
}

pub(crate) fn doc_features(sentences: &[Vec<&str>], lex: &Lexicon) -> DocFeatures {
    let doc = DocContext::new(sentences.iter().flat_map(|s| s.iter().copied()));
    let mut infos: Vec<TokInfo> = Vec::new();
    let mut sents = Vec::with_capacity(sentences.len());
    for words in sentences {
        token_infos(words, lex, &mut infos);
        let alpha: Vec<&TokInfo> = infos.iter().filter(|t| t.has_alpha).collect();
        let caps = alpha.len() >= 2 && alpha.iter().all(|t| t.all_caps);
        let mut feats = Vec::with_capacity(words.len() * 48);
        let mut offs = Vec::with_capacity(words.len() + 1);
        offs.push(0);
        for i in 0..words.len() {
            features(words, &infos, i, &doc, caps, &mut feats);
            offs.push(feats.len());
        }
        sents.push((feats, offs));
    }
    DocFeatures { sents }
}

/// BILOU gold tags of a CoNLL sentence.
fn gold_bilou(tags: &[String]) -> Vec<usize> {
    let mut g = vec![0usize; tags.len()];
    for (s, e, ty) in chunks(tags) {
        let Some(t) = TYPES.iter().position(|x| *x == ty) else {
            continue;
        };
        if e == s + 1 {
            g[s] = tag_of(t, 3);
        } else {
            g[s] = tag_of(t, 0);
            for x in g.iter_mut().take(e - 1).skip(s + 1) {
                *x = tag_of(t, 1);
            }
            g[e - 1] = tag_of(t, 2);
        }
    }
    g
}

/// BILOU tags → CoNLL IOB2 tags.
pub(crate) fn to_iob2(tags: &[usize]) -> Vec<String> {
    tags.iter()
        .map(|&t| match untag(t) {
            None => "O".to_string(),
            Some((ty, pos)) => format!(
                "{}-{}",
                if pos == 0 || pos == 3 { "B" } else { "I" },
                TYPES[ty]
            ),
        })
        .collect()
}

/// What [`crate::train_ner`] reports.
#[derive(Debug, Clone, Serialize)]
pub struct TrainReport {
    pub epochs: usize,
    pub sentences: usize,
    pub tokens: usize,
    /// Features with a non-zero weight in the saved model.
    pub features: usize,
    pub model_bytes: usize,
    pub seconds: f64,
    /// Dev F1 (conlleval, CoNLL types) after each epoch, when a dev file was given.
    pub dev_f1: Vec<f64>,
    pub seed: u64,
}

/// Averaged weights: features, transitions, start scores.
type Averaged = (Vec<(u32, [f32; NT])>, [[f32; NT]; NT], [f32; NT]);

struct Trainer {
    index: IdMap<u32>,
    w: Vec<[f32; NT]>,
    u: Vec<[f32; NT]>,
    trans: [[f32; NT]; NT],
    trans_u: [[f32; NT]; NT],
    start: [f32; NT],
    start_u: [f32; NT],
    c: f32,
}

impl Trainer {
    fn scores(&self, feats: &[u32], offs: &[usize]) -> Vec<[f32; NT]> {
        let n = offs.len() - 1;
        let mut scores = vec![[0f32; NT]; n];
        for (i, sc) in scores.iter_mut().enumerate() {
            for f in &feats[offs[i]..offs[i + 1]] {
                if let Some(&r) = self.index.get(f) {
                    let r = &self.w[r as usize];
                    for t in 0..NT {
                        sc[t] += r[t];
                    }
                }
            }
        }
        scores
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
    fn averaged(&self) -> Averaged {
        let mut keys: Vec<(u32, u32)> = self.index.iter().map(|(k, v)| (*k, *v)).collect();
        keys.sort_unstable();
        let c = self.c.max(1.0);
        let w = keys
            .into_iter()
            .map(|(k, r)| {
                let mut row = [0f32; NT];
                for t in 0..NT {
                    row[t] = self.w[r as usize][t] - self.u[r as usize][t] / c;
                }
                (k, row)
            })
            .collect();
        let mut tr = [[0f32; NT]; NT];
        for p in 0..NT {
            for t in 0..NT {
                tr[p][t] = self.trans[p][t] - self.trans_u[p][t] / c;
            }
        }
        let mut st = [0f32; NT];
        for t in 0..NT {
            st[t] = self.start[t] - self.start_u[t] / c;
        }
        (w, tr, st)
    }
}

/// Tags every sentence of CoNLL documents with `model` (IOB2 strings, CoNLL types).
pub fn tag_conll_docs(model: &Model, docs: &[ConllDoc]) -> Vec<Vec<Vec<String>>> {
    let lex = lexicon();
    let mut out = Vec::with_capacity(docs.len());
    let mut tags = Vec::new();
    for d in docs {
        let sents: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let df = doc_features(&sents, lex);
        let mut dt = Vec::with_capacity(sents.len());
        for (f, o) in &df.sents {
            model.decode(f, o, &mut tags);
            dt.push(to_iob2(&tags));
        }
        out.push(dt);
    }
    out
}

/// conlleval-style micro F1 of `model` on CoNLL documents (CoNLL types).
pub(crate) fn quick_f1(model: &Model, docs: &[ConllDoc]) -> f64 {
    let pred = tag_conll_docs(model, docs);
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for (d, pd) in docs.iter().zip(&pred) {
        for (s, ps) in d.sentences.iter().zip(pd) {
            let g = chunks(&s.tags);
            let p = chunks(ps);
            ng += g.len();
            np += p.len();
            tp += p.iter().filter(|c| g.contains(c)).count();
        }
    }
    let p = tp as f64 / np.max(1) as f64;
    let r = tp as f64 / ng.max(1) as f64;
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Trains the averaged perceptron. See [`crate::train_ner`].
pub fn train(
    train_path: &Path,
    dev: Option<&Path>,
    out: &Path,
    seed: u64,
    epochs: usize,
) -> anyhow::Result<TrainReport> {
    let t0 = std::time::Instant::now();
    let lex = lexicon();
    let docs = read_conll(train_path)?;
    let dev_docs = match dev {
        Some(p) => Some(read_conll(p)?),
        None => None,
    };
    // precompute features
    let mut data: Vec<(Vec<u32>, Vec<usize>, Vec<usize>)> = Vec::new();
    let mut tokens = 0;
    for d in &docs {
        let sents: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let df = doc_features(&sents, lex);
        for ((f, o), s) in df.sents.into_iter().zip(&d.sentences) {
            tokens += s.words.len();
            data.push((f, o, gold_bilou(&s.tags)));
        }
    }
    let mut tr = Trainer {
        index: IdMap::default(),
        w: Vec::new(),
        u: Vec::new(),
        trans: [[0.0; NT]; NT],
        trans_u: [[0.0; NT]; NT],
        start: [0.0; NT],
        start_u: [0.0; NT],
        c: 1.0,
    };
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = seed ^ 0x2545_F491_4F6C_DD1D;
    let mut pred = Vec::new();
    let mut dev_f1 = Vec::new();
    for _epoch in 0..epochs {
        // Fisher-Yates with xorshift64*
        for i in (1..order.len()).rev() {
            rng ^= rng >> 12;
            rng ^= rng << 25;
            rng ^= rng >> 27;
            let j = (rng.wrapping_mul(0x2545_F491_4F6C_DD1D) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &si in &order {
            let (feats, offs, gold) = &data[si];
            let scores = tr.scores(feats, offs);
            viterbi(&scores, &tr.trans, &tr.start, &mut pred);
            if pred != *gold {
                let c = tr.c;
                for i in 0..gold.len() {
                    let (g, p) = (gold[i], pred[i]);
                    if g != p {
                        for &f in &feats[offs[i]..offs[i + 1]] {
                            tr.upd(f, g, 1.0);
                            tr.upd(f, p, -1.0);
                        }
                    }
                    let (gp, pp) = if i == 0 {
                        (None, None)
                    } else {
                        (Some(gold[i - 1]), Some(pred[i - 1]))
                    };
                    if (gp, g) != (pp, p) {
                        match gp {
                            None => {
                                tr.start[g] += 1.0;
                                tr.start_u[g] += c;
                            }
                            Some(a) => {
                                tr.trans[a][g] += 1.0;
                                tr.trans_u[a][g] += c;
                            }
                        }
                        match pp {
                            None => {
                                tr.start[p] -= 1.0;
                                tr.start_u[p] -= c;
                            }
                            Some(a) => {
                                tr.trans[a][p] -= 1.0;
                                tr.trans_u[a][p] -= c;
                            }
                        }
                    }
                }
            }
            tr.c += 1.0;
        }
        if let Some(dd) = &dev_docs {
            let (w, t, s) = tr.averaged();
            let m = Model::from_weights(w, t, s);
            let f = quick_f1(&m, dd);
            eprintln!(
                "epoch {} dev F1 {:.4} ({:.1}s)",
                _epoch + 1,
                f,
                t0.elapsed().as_secs_f64()
            );
            dev_f1.push(f);
        }
    }
    let (w, t, s) = tr.averaged();
    let bytes = Model::to_bytes(&w, &t, &s, 0.02);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).ok();
    }
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    let m = Model::from_bytes(&bytes)?;
    Ok(TrainReport {
        epochs,
        sentences: data.len(),
        tokens,
        features: m.features(),
        model_bytes: bytes.len(),
        seconds: t0.elapsed().as_secs_f64(),
        dev_f1,
        seed,
    })
}
