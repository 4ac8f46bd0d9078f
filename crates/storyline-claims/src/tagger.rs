//! The learned attribution tagger: the averaged structured perceptron of
//! `storyline-perceptron` over BILOU tags of PolNeAR's three span types (source, cue, content), one paragraph at
//! a time, with hashed features (words, shapes, suffixes, cue-lexicon membership,
//! cue rates of word forms, stems and word pairs counted over PolNeAR train
//! (`resources/claims/cue_prior.tsv`) in conjunction with the neighbouring word
//! classes, quotation state, distances to cue words, likely cue words and quote
//! marks, sentence position) and
//! the rule extractor's own span labels stacked as features. Decoding is Viterbi
//! under BILOU constraints; the decoded spans are grouped into attributions (each cue
//! takes its nearest source and the content spans nearest to it).
//!
//! The model file holds feature hashes and i16-quantised weights only (no text). The
//! trainer is deterministic for a given seed.

// index loops over tag arrays read better than zipped iterators here
#![allow(clippy::needless_range_loop)]

use std::collections::HashMap;

use anyhow::bail;
use serde::Serialize;
use storyline_perceptron::{shuffle, tag_of, Reader, Trainer, Weights};
use storyline_text::{Span, TokenKind};

use crate::extract::Doc;
use crate::lexicon::{stem_of, CUE_FORMS, CUE_PRIOR};
use crate::{Attribution, CueKind};

/// Span types in tag order.
pub const ROLES: [&str; 3] = ["source", "cue", "content"];
/// Number of BILOU tags: O + 3 × (B, I, L, U).
pub const NT: usize = 13;

const MAGIC: &[u8; 8] = b"SLATT01\0";

/// (type, position 0=B 1=I 2=L 3=U) of a non-O tag.
#[inline]
fn untag(t: usize) -> Option<(usize, usize)> {
    storyline_perceptron::untag::<NT>(t)
}

/// Per-token decoding bias of the span types (source, cue, content), see
/// [`Tagger::from_bytes_biased`]; tuned on the validation tenth of PolNeAR train.
pub const DECODE_BIAS: [f32; 3] = [0.0, 0.0, 0.0];

/// A stage's model bytes with `bias[ty]` added to the transition and start scores
/// into every tag of type `ty`: every token enters its tag by exactly one of them,
/// so this adds the bias to each token's tag score.
fn with_bias(b: &[u8], bias: [f32; 3]) -> anyhow::Result<Vec<u8>> {
    let mut out = b.to_vec();
    let at = |p: usize, out: &mut Vec<u8>, d: f32| -> anyhow::Result<()> {
        let Some(x) = out.get_mut(p..p + 4) else {
            bail!("model file too short");
        };
        let v = f32::from_le_bytes([x[0], x[1], x[2], x[3]]) + d;
        x.copy_from_slice(&v.to_le_bytes());
        Ok(())
    };
    let base = 16;
    for t in 0..NT {
        let Some((ty, _)) = untag(t) else { continue };
        let d = bias[ty];
        for p in 0..NT {
            at(base + 4 * (p * NT + t), &mut out, d)?;
        }
        at(base + 4 * (NT * NT + t), &mut out, d)?;
    }
    Ok(out)
}

/// One trained stage, ready for decoding.
pub(crate) struct Stage(Weights<NT>);

const MAGIC_STACK: &[u8; 8] = b"SLATT2S\0";

/// The trained tagger: one stage, or a second stage that also sees the first
/// stage's labels.
pub struct Tagger {
    stages: Vec<Stage>,
}

impl Tagger {
    /// Number of features with weights (all stages).
    pub fn features(&self) -> usize {
        self.stages.iter().map(Stage::features).sum()
    }

    /// Number of stages.
    pub fn stages(&self) -> usize {
        self.stages.len()
    }

    /// Loads a model file written by the trainer, decoding with [`DECODE_BIAS`].
    pub fn from_bytes(b: &[u8]) -> anyhow::Result<Tagger> {
        Tagger::from_bytes_biased(b, DECODE_BIAS)
    }

    /// Loads a model file, adding `bias[ty]` to the score of every tag of span type
    /// `ty` (source, cue, content) of every token when the last stage decodes: a
    /// positive bias trades precision for recall.
    pub fn from_bytes_biased(b: &[u8], bias: [f32; 3]) -> anyhow::Result<Tagger> {
        let mut t = Tagger::from_bytes_plain(b)?;
        if bias != [0.0; 3] {
            let last = t.stages.len() - 1;
            t.stages[last].0 =
                Weights::from_bytes(&with_bias(t.raw_last(b)?, bias)?, MAGIC, "attribution")?;
        }
        Ok(t)
    }

    /// The bytes of the last stage of a model file.
    fn raw_last<'b>(&self, b: &'b [u8]) -> anyhow::Result<&'b [u8]> {
        if !b.starts_with(MAGIC_STACK) {
            return Ok(b);
        }
        let mut r = Reader::new(b, 8);
        let n = r.u32()? as usize;
        let mut last = &b[..0];
        for _ in 0..n {
            let len = r.u32()? as usize;
            last = r.take(len)?;
        }
        Ok(last)
    }

    fn from_bytes_plain(b: &[u8]) -> anyhow::Result<Tagger> {
        if !b.starts_with(MAGIC_STACK) {
            return Ok(Tagger {
                stages: vec![Stage::from_bytes(b)?],
            });
        }
        let mut r = Reader::new(b, 8);
        let n = r.u32()? as usize;
        if n == 0 || n > 4 {
            bail!("unexpected stage count");
        }
        let mut stages = Vec::with_capacity(n);
        for _ in 0..n {
            let len = r.u32()? as usize;
            stages.push(Stage::from_bytes(r.take(len)?)?);
        }
        Ok(Tagger { stages })
    }

    fn pack(parts: &[&[u8]]) -> Vec<u8> {
        if parts.len() == 1 {
            return parts[0].to_vec();
        }
        let mut out = MAGIC_STACK.to_vec();
        out.extend_from_slice(&(parts.len() as u32).to_le_bytes());
        for p in parts {
            out.extend_from_slice(&(p.len() as u32).to_le_bytes());
            out.extend_from_slice(p);
        }
        out
    }

    /// The cue spans the tagger finds in `text` (for diagnostics).
    pub fn cue_spans(&self, text: &str) -> Vec<Span> {
        let doc = Doc::new(text);
        let rules = crate::extract::extract_rules(&doc);
        self.attributions(&doc, &rules)
            .iter()
            .map(|t| Span::new(doc.toks[t.cue.0].s, doc.toks[t.cue.1 - 1].e))
            .collect()
    }

    /// Tags the paragraphs of `doc` and groups the spans into attributions.
    pub(crate) fn attributions(&self, doc: &Doc, rules: &[Attribution]) -> Vec<TagAtt> {
        let mut info = DocInfo::new(doc, rules);
        let mut out = Vec::new();
        let mut feats = Vec::new();
        let mut offs = Vec::new();
        let mut tags = Vec::new();
        for (si, st) in self.stages.iter().enumerate() {
            let last = si + 1 == self.stages.len();
            let mut stack = vec![0u8; doc.toks.len()];
            for &(a, b) in &info.paras {
                para_features(doc, &info, a, b, si > 0, &mut feats, &mut offs);
                st.decode(&feats, &offs, &mut tags);
                if last {
                    group(doc, &info, a, &tags, &mut out);
                } else {
                    write_stack(&mut stack, a, &tags);
                }
            }
            info.stack = stack;
        }
        out
    }
}

/// Writes decoded tags as stacked labels (1 source, 2 cue, 3 content; +4 first
/// token).
fn write_stack(stack: &mut [u8], a: usize, tags: &[usize]) {
    for (i, &t) in tags.iter().enumerate() {
        if let (Some((ty, pos)), Some(x)) = (untag(t), stack.get_mut(a + i)) {
            *x = ty as u8 + 1 + if pos == 0 || pos == 3 { 4 } else { 0 };
        }
    }
}

impl Stage {
    fn features(&self) -> usize {
        self.0.features()
    }

    /// Loads one stage written by the trainer.
    fn from_bytes(b: &[u8]) -> anyhow::Result<Stage> {
        Weights::from_bytes(b, MAGIC, "attribution").map(Stage)
    }

    fn decode(&self, feats: &[u32], offs: &[usize], out: &mut Vec<usize>) {
        self.0.decode(feats, offs, out);
    }
}

// ---------------------------------------------------------------- features

#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 31)
}

#[inline]
fn fid(h: u64) -> u32 {
    let x = ((h >> 32) as u32) ^ (h as u32);
    if x == 0 {
        1
    } else {
        x
    }
}

fn hash_str(s: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for &b in s.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

fn shape(raw: &str) -> u64 {
    let mut out = 0u64;
    let mut last = 0u8;
    let mut n = 0;
    for c in raw.chars() {
        let k = if c.is_uppercase() {
            1
        } else if c.is_lowercase() {
            2
        } else if c.is_ascii_digit() {
            3
        } else {
            4 + (c as u32 % 200) as u8
        };
        if k != last {
            out = out.wrapping_mul(257).wrapping_add(k as u64);
            last = k;
            n += 1;
            if n >= 5 {
                break;
            }
        }
    }
    out
}

fn bucket(d: usize) -> u64 {
    match d {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 3,
        4..=5 => 4,
        6..=9 => 5,
        10..=19 => 6,
        20..=39 => 7,
        _ => 8,
    }
}

/// Per-token facts of one document shared by all feature templates.
pub(crate) struct DocInfo {
    hw: Vec<u64>,
    stem: Vec<u64>,
    pre: Vec<u64>,
    suf: Vec<u64>,
    shp: Vec<u64>,
    /// 0: none; else 1 + cue kind * 2 + weak.
    cue: Vec<u8>,
    /// Rule label: 0 none, 1 source, 2 cue, 3 content; +4 when the token begins it.
    rule: Vec<u8>,
    /// First-stage labels, same coding as `rule` (zeros in the first stage).
    stack: Vec<u8>,
    quote: Vec<u8>,
    /// Cue-rate bucket of the form and of its stem (0 unknown, 1..=7).
    prior: Vec<u8>,
    sprior: Vec<u8>,
    /// Cue-rate bucket of the form before the next token / after the previous one.
    rprior: Vec<u8>,
    lprior: Vec<u8>,
    /// Coarse class of the token for conjunctions with the cue rate.
    cls: Vec<u8>,
    sent: Vec<u32>,
    /// Token ranges of the paragraphs.
    pub(crate) paras: Vec<(usize, usize)>,
}

fn kind_idx(k: CueKind) -> u8 {
    match k {
        CueKind::Speech => 0,
        CueKind::Written => 1,
        CueKind::Belief => 2,
        CueKind::Evidence => 3,
        CueKind::According => 4,
        CueKind::Refusal => 5,
    }
}

impl DocInfo {
    pub(crate) fn new(doc: &Doc, rules: &[Attribution]) -> DocInfo {
        let n = doc.toks.len();
        let mut hw = Vec::with_capacity(n);
        let mut suf = Vec::with_capacity(n);
        let mut stem = Vec::with_capacity(n);
        let mut pre = Vec::with_capacity(n);
        let mut shp = Vec::with_capacity(n);
        let mut cue = Vec::with_capacity(n);
        let mut quote = Vec::with_capacity(n);
        let mut prior = Vec::with_capacity(n);
        let mut sprior = Vec::with_capacity(n);
        let mut cls = Vec::with_capacity(n);
        let (pforms, pstems) = (&CUE_PRIOR.forms, &CUE_PRIOR.stems);
        for (i, t) in doc.toks.iter().enumerate() {
            let low = t.low.as_str();
            hw.push(hash_str(low));
            // the last three and the first four characters
            let suf_at = low.char_indices().rev().nth(2).map_or(0, |(b, _)| b);
            suf.push(hash_str(&low[suf_at..]));
            let pre_at = low.char_indices().nth(4).map_or(low.len(), |(b, _)| b);
            let st = stem_of(low);
            stem.push(hash_str(st));
            prior.push(pforms.get(low).copied().unwrap_or(0));
            sprior.push(pstems.get(st).copied().unwrap_or(0));
            cls.push(match low {
                "that" => 1,
                "," => 3,
                ":" => 4,
                "to" => 5,
                "of" | "about" | "for" | "on" | "with" | "in" | "at" | "by" => 6,
                "he" | "she" | "they" | "it" | "i" | "we" | "you" => 8,
                "who" => 9,
                "the" | "a" | "an" => 12,
                _ if doc.is_quote(i) => 2,
                _ if t.cap => 7,
                _ if matches!(t.kind, TokenKind::Word) => 10,
                _ => 11,
            });
            pre.push(hash_str(&low[..pre_at]));
            shp.push(shape(doc.text.get(t.s..t.e).unwrap_or("")));
            cue.push(match CUE_FORMS.get(low) {
                Some(e) => 1 + kind_idx(e.kind) * 2 + e.weak as u8,
                None => 0,
            });
            let q = if doc.is_quote(i) {
                if doc.is_opening_quote(i) {
                    1
                } else if doc.is_closing_quote(i) {
                    2
                } else {
                    3
                }
            } else if doc.in_quote(i) {
                4
            } else {
                0
            };
            quote.push(q);
        }
        let mut rule = vec![0u8; n];
        let mut mark = |sp: Span, lab: u8| {
            let a = doc.toks.partition_point(|t| t.e <= sp.start);
            let mut first = true;
            for (j, r) in rule.iter_mut().enumerate().skip(a) {
                let t = &doc.toks[j];
                if t.s >= sp.end {
                    break;
                }
                if *r == 0 {
                    *r = lab + if first { 4 } else { 0 };
                }
                first = false;
            }
        };
        for r in rules {
            mark(r.cue, 2);
            if r.source.end > r.source.start {
                mark(r.source, 1);
            }
            for c in &r.content {
                mark(*c, 3);
            }
        }
        let mut sent = vec![0u32; n];
        for (si, &(a, b)) in doc.sents.iter().enumerate() {
            for s in sent.iter_mut().take(b.min(n)).skip(a) {
                *s = si as u32;
            }
        }
        // paragraphs: runs of sentences not separated by a blank line
        let mut paras: Vec<(usize, usize)> = Vec::new();
        for &(a, b) in &doc.sents {
            let joined = match paras.last() {
                Some(&(_, pb)) if pb > 0 && pb <= a && a < n => {
                    let gap = doc
                        .text
                        .get(doc.toks[pb - 1].e..doc.toks[a].s)
                        .unwrap_or("");
                    gap.bytes().filter(|&c| c == b'\n').count() < 2
                }
                _ => false,
            };
            if joined {
                if let Some(l) = paras.last_mut() {
                    l.1 = b;
                }
            } else {
                paras.push((a, b));
            }
        }
        // very long paragraphs (hard-wrapped text without blank lines) are cut at
        // sentence ends into windows of about 200 tokens
        let mut windows = Vec::with_capacity(paras.len());
        for (a, b) in paras {
            if b - a <= 300 {
                windows.push((a, b));
                continue;
            }
            let mut s = a;
            for &(_, sb) in doc.sents.iter().filter(|&&(sa, sb)| sa >= a && sb <= b) {
                if sb - s >= 200 {
                    windows.push((s, sb));
                    s = sb;
                }
            }
            if s < b {
                windows.push((s, b));
            }
        }
        let mut rprior = vec![0u8; n];
        let mut lprior = vec![0u8; n];
        let pairs = &CUE_PRIOR.pairs;
        let mut key = String::new();
        for i in 0..n {
            if prior[i] == 0 {
                continue;
            }
            let w = doc.toks[i].low.as_str();
            if let Some(nx) = doc.toks.get(i + 1) {
                key.clear();
                key.push_str(w);
                key.push_str(" >");
                key.push_str(&nx.low);
                rprior[i] = pairs.get(key.as_str()).copied().unwrap_or(0);
            }
            if let Some(pv) = i.checked_sub(1).and_then(|j| doc.toks.get(j)) {
                key.clear();
                key.push_str(&pv.low);
                key.push_str("< ");
                key.push_str(w);
                lprior[i] = pairs.get(key.as_str()).copied().unwrap_or(0);
            }
        }
        DocInfo {
            rprior,
            lprior,
            hw,
            stem,
            pre,
            suf,
            shp,
            cue,
            stack: vec![0u8; n],
            rule,
            quote,
            prior,
            sprior,
            cls,
            sent,
            paras: windows,
        }
    }
}

/// Feature ids of the tokens `[a, b)` of one paragraph.
/// For each of `n` tokens, the distance to the nearest other token before it (after
/// it, with `forward`) for which `mark` holds, when `within(that, this)` accepts
/// the pair; `usize::MAX` when there is none.
fn distances(
    n: usize,
    forward: bool,
    mark: impl Fn(usize) -> bool,
    within: impl Fn(usize, usize) -> bool,
) -> Vec<usize> {
    let mut out = vec![usize::MAX; n];
    let mut last: Option<usize> = None;
    let mut visit = |i: usize| {
        if let Some(p) = last {
            if within(p, i) {
                out[i] = p.abs_diff(i);
            }
        }
        if mark(i) {
            last = Some(i);
        }
    };
    if forward {
        (0..n).rev().for_each(&mut visit);
    } else {
        (0..n).for_each(&mut visit);
    }
    out
}

fn para_features(
    doc: &Doc,
    info: &DocInfo,
    a: usize,
    b: usize,
    stacked: bool,
    feats: &mut Vec<u32>,
    offs: &mut Vec<usize>,
) {
    feats.clear();
    offs.clear();
    offs.push(0);
    let n = b - a;
    const NONE: u64 = 0x5151_5151;
    // A per-token hash at token `k` of the paragraph, NONE outside it.
    let at = |v: &Vec<u64>, k: isize| -> u64 {
        if k < a as isize || k >= b as isize {
            NONE
        } else {
            v[k as usize]
        }
    };
    let get = |v: &Vec<u8>, k: isize| -> u64 {
        if k < a as isize || k >= b as isize {
            99
        } else {
            v[k as usize] as u64
        }
    };
    // distances: previous / next cue-lexicon word in the same sentence, previous /
    // next rule cue and quote mark in the paragraph
    let cue = |i: usize| info.cue[a + i] != 0;
    let rule_cue = |i: usize| info.rule[a + i] & 3 == 2;
    let quote = |i: usize| matches!(info.quote[a + i], 1..=3);
    let same_sentence = |p: usize, i: usize| info.sent[a + p] == info.sent[a + i];
    let anywhere = |_: usize, _: usize| true;
    let prev_cue = distances(n, false, cue, same_sentence);
    let next_cue = distances(n, true, cue, same_sentence);
    let prev_rc = distances(n, false, rule_cue, anywhere);
    let next_rc = distances(n, true, rule_cue, anywhere);
    let prev_q = distances(n, false, quote, anywhere);
    let next_q = distances(n, true, quote, anywhere);
    // previous / next token with a high cue rate in the same sentence
    let likely = |i: usize| info.prior[a + i].max(info.sprior[a + i]) >= 4;
    let prev_hp = distances(n, false, likely, same_sentence);
    let next_hp = distances(n, true, likely, same_sentence);
    // previous / next first-stage cue
    let mut prev_sc = vec![usize::MAX; n];
    let mut next_sc = vec![usize::MAX; n];
    if stacked {
        let mut l = None::<usize>;
        for i in 0..n {
            if let Some(p) = l {
                prev_sc[i] = i - p;
            }
            if info.stack[a + i] & 3 == 2 {
                l = Some(i);
            }
        }
        let mut l = None::<usize>;
        for i in (0..n).rev() {
            if let Some(p) = l {
                next_sc[i] = p - i;
            }
            if info.stack[a + i] & 3 == 2 {
                l = Some(i);
            }
        }
    }
    // sentence facts
    let first_sent = info.sent.get(a).copied().unwrap_or(0);
    let mut sent_cue: HashMap<u32, (bool, bool, usize, usize)> = HashMap::new();
    for k in a..b {
        let e = sent_cue.entry(info.sent[k]).or_insert((false, false, k, k));
        e.0 |= info.cue[k] != 0;
        e.1 |= info.rule[k] & 3 == 2;
        e.2 = e.2.min(k);
        e.3 = e.3.max(k);
    }
    let db = |d: usize| if d == usize::MAX { 9 } else { bucket(d) };
    for i in 0..n {
        let k = a + i;
        // The word and the stem `j` tokens from this one.
        let w = |j: isize| at(&info.hw, k as isize + j);
        let stm = |j: isize| at(&info.stem, k as isize + j);
        let mut f = |tpl: u64, v: u64| feats.push(fid(mix(tpl.wrapping_mul(0x1000_0000_01B3), v)));
        let r0 = info.rule[k] as u64;
        let rm1 = get(&info.rule, k as isize - 1);
        let rp1 = get(&info.rule, k as isize + 1);
        let c0 = info.cue[k] as u64;
        let q0 = info.quote[k] as u64;
        let (sc, sr, ss, se) = sent_cue
            .get(&info.sent[k])
            .copied()
            .unwrap_or((false, false, k, k));
        let sidx = info.sent[k].saturating_sub(first_sent).min(3) as u64;
        let spos = bucket(k.saturating_sub(ss));
        let sfirst = (k == ss) as u64 | ((k == se) as u64) << 1;
        let pc = db(prev_cue[i]);
        let nc = db(next_cue[i]);
        let prc = db(prev_rc[i]);
        let nrc = db(next_rc[i]);
        let pq = db(prev_q[i]);
        let nq = db(next_q[i]);
        let same_rc_prev = prev_rc[i] != usize::MAX && info.sent[k - prev_rc[i]] == info.sent[k];
        let same_rc_next = next_rc[i] != usize::MAX && info.sent[k + next_rc[i]] == info.sent[k];
        let cap = doc.toks[k].cap as u64;
        let word = matches!(doc.toks[k].kind, TokenKind::Word) as u64;

        f(1, 0);
        f(2, w(0));
        f(3, w(-1));
        f(4, w(1));
        f(5, w(-2));
        f(6, w(2));
        f(7, mix(w(-1), w(0)));
        f(8, mix(w(0), w(1)));
        f(9, info.suf[k]);
        f(10, info.shp[k]);
        f(
            11,
            mix(
                if k > a { info.shp[k - 1] } else { NONE },
                mix(info.shp[k], if k + 1 < b { info.shp[k + 1] } else { NONE }),
            ),
        );
        f(12, c0);
        f(13, get(&info.cue, k as isize - 1));
        f(14, get(&info.cue, k as isize + 1));
        f(15, mix(c0, w(-1)));
        f(16, q0);
        f(
            17,
            mix(
                q0,
                mix(
                    get(&info.quote, k as isize - 1),
                    get(&info.quote, k as isize + 1),
                ),
            ),
        );
        f(18, r0);
        f(19, rm1);
        f(20, rp1);
        f(21, mix(rm1, mix(r0, rp1)));
        f(22, mix(r0, w(0)));
        f(23, mix(r0, c0));
        f(24, pc);
        f(25, nc);
        f(26, mix(pc, nc));
        f(27, mix(pc, q0));
        f(28, mix(prc, same_rc_prev as u64));
        f(29, mix(nrc, same_rc_next as u64));
        f(30, mix(prc, mix(nrc, r0)));
        f(31, pq);
        f(32, nq);
        f(33, mix(pq, mix(nq, q0)));
        f(34, mix(sidx, sfirst));
        f(35, spos);
        f(36, mix(sc as u64, mix(sr as u64, q0.min(4))));
        f(37, mix(cap, mix(sfirst, word)));
        f(38, mix(c0, w(1)));
        f(39, mix(w(0), mix(pc, nc.min(1))));
        f(40, mix(r0, mix(pc.min(9), nc.min(9))));
        f(41, mix(w(-1), c0.min(1)));
        f(42, mix(cap, r0));
        f(43, stm(0));
        f(44, mix(stm(0), w(1)));
        f(45, mix(w(-1), stm(0)));
        f(46, info.pre[k]);
        f(47, mix(w(0), mix(w(1), w(2))));
        f(48, mix(w(-2), mix(w(-1), w(0))));
        let capm1 = if k > a { doc.toks[k - 1].cap as u64 } else { 2 };
        f(49, mix(capm1, stm(0)));
        f(50, mix(stm(0), mix(pc.min(9), q0)));
        f(51, mix(stm(-1), mix(stm(0), stm(1))));
        let p0 = info.prior[k] as u64;
        let sp0 = info.sprior[k] as u64;
        let cl = |v: &Vec<u8>, j: isize| get(v, k as isize + j);
        let php = db(prev_hp[i]);
        let nhp = db(next_hp[i]);
        f(80, p0);
        f(81, sp0);
        f(82, mix(p0, cl(&info.cls, 1)));
        f(83, mix(p0, cl(&info.cls, -1)));
        f(84, mix(p0, mix(cl(&info.prior, -1), cl(&info.prior, 1))));
        f(85, mix(p0, q0));
        f(86, mix(sp0, mix(cl(&info.cls, 1), cl(&info.cls, 2))));
        f(87, mix(p0, spos));
        f(88, php);
        f(89, nhp);
        f(90, mix(php, nhp));
        f(91, mix(mix(php, nhp), mix(q0, info.cls[k] as u64)));
        f(92, mix(p0, mix(c0, r0)));
        f(93, mix(sp0, mix(cl(&info.cls, -1), cl(&info.cls, -2))));
        let rp = info.rprior[k] as u64;
        let lp = info.lprior[k] as u64;
        f(94, rp);
        f(95, lp);
        f(96, mix(rp, lp));
        f(97, mix(mix(rp, lp), p0));
        f(98, mix(cl(&info.rprior, -1), cl(&info.lprior, 1)));
        if stacked {
            let s0 = info.stack[k] as u64;
            let sm1 = get(&info.stack, k as isize - 1);
            let sp1 = get(&info.stack, k as isize + 1);
            let psc = db(prev_sc[i]);
            let nsc = db(next_sc[i]);
            let same_p = prev_sc[i] != usize::MAX && info.sent[k - prev_sc[i]] == info.sent[k];
            let same_n = next_sc[i] != usize::MAX && info.sent[k + next_sc[i]] == info.sent[k];
            f(60, s0);
            f(61, mix(sm1, mix(s0, sp1)));
            f(62, mix(s0, w(0)));
            f(63, mix(s0, r0));
            f(64, mix(psc, same_p as u64));
            f(65, mix(nsc, same_n as u64));
            f(66, mix(psc.min(9), mix(nsc.min(9), s0)));
            f(67, mix(s0, mix(q0, c0)));
            f(68, mix(s0, mix(pc, nc)));
            f(69, mix(sm1, s0));
            f(70, mix(s0, sp1));
        }
        offs.push(feats.len());
    }
}

// ---------------------------------------------------------------- grouping

/// One attribution found by the tagger (byte spans).
#[derive(Debug, Clone)]
pub(crate) struct TagAtt {
    /// Source tokens `[s, e)`.
    pub source: Option<(usize, usize)>,
    /// Cue tokens `[s, e)`.
    pub cue: (usize, usize),
    /// Content token ranges.
    pub content: Vec<(usize, usize)>,
}

/// Chunks `(type, s, e)` (token indices of the document) of one decoded paragraph.
fn chunks(a: usize, tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match untag(t) {
            None => open = None,
            Some((ty, 0)) => open = Some((ty, i)),
            Some((ty, 3)) => {
                out.push((ty, a + i, a + i + 1));
                open = None;
            }
            Some((ty, 2)) => {
                if let Some((oty, s)) = open.take() {
                    if oty == ty {
                        out.push((ty, a + s, a + i + 1));
                    }
                }
            }
            Some(_) => {}
        }
    }
    out
}

fn gap(x: (usize, usize), y: (usize, usize)) -> usize {
    if x.1 <= y.0 {
        y.0 - x.1
    } else {
        x.0.saturating_sub(y.1)
    }
}

fn group(doc: &Doc, info: &DocInfo, a: usize, tags: &[usize], out: &mut Vec<TagAtt>) {
    let ch = chunks(a, tags);
    let cues: Vec<(usize, usize)> = ch.iter().filter(|c| c.0 == 1).map(|c| (c.1, c.2)).collect();
    if cues.is_empty() {
        return;
    }
    let sent_d =
        |x: usize, y: usize| (info.sent[x] as i64 - info.sent[y] as i64).unsigned_abs() as usize;
    let mut atts: Vec<TagAtt> = cues
        .iter()
        .map(|&c| TagAtt {
            source: None,
            cue: c,
            content: Vec::new(),
        })
        .collect();
    for &(ty, s, e) in &ch {
        if ty == 1 {
            continue;
        }
        // nearest cue: fewest sentence boundaries, then fewest tokens between
        let best = (0..cues.len()).min_by_key(|&j| {
            let c = cues[j];
            let after = s >= c.1;
            (
                sent_d(s.min(doc.toks.len() - 1), c.0),
                gap((s, e), c),
                // ties: a content follows its cue, a source precedes it
                if (ty == 2) == after { 0 } else { 1 },
            )
        });
        let Some(j) = best else { continue };
        if ty == 2 {
            atts[j].content.push((s, e));
        } else if atts[j].source.is_none() {
            atts[j].source = Some((s, e));
        }
    }
    // a cue without a source of its own takes the nearest source of its sentence
    let srcs: Vec<(usize, usize)> = ch.iter().filter(|c| c.0 == 0).map(|c| (c.1, c.2)).collect();
    for att in atts.iter_mut() {
        if att.source.is_none() {
            att.source = srcs
                .iter()
                .filter(|s| info.sent[s.0] == info.sent[att.cue.0])
                .min_by_key(|s| gap(**s, att.cue))
                .copied();
        }
    }
    out.extend(atts);
}

// ---------------------------------------------------------------- training

/// One training document: its text and gold spans with their type
/// (0 source, 1 cue, 2 content).
#[derive(Debug, Clone)]
pub struct TrainDoc {
    pub name: String,
    pub text: String,
    pub spans: Vec<(Span, usize)>,
}

/// What the trainer reports.
#[derive(Debug, Clone, Serialize)]
pub struct TrainReport {
    pub epochs: usize,
    pub documents: usize,
    pub paragraphs: usize,
    pub tokens: usize,
    /// Features with a non-zero weight in the saved model.
    pub features: usize,
    pub model_bytes: usize,
    pub seconds: f64,
    pub seed: u64,
    pub stages: usize,
}

fn gold_tags(doc: &Doc, spans: &[(Span, usize)]) -> Vec<usize> {
    let n = doc.toks.len();
    // (type, span id) per token
    let mut lab: Vec<Option<(usize, usize)>> = vec![None; n];
    for (id, &(sp, ty)) in spans.iter().enumerate() {
        if ty > 2 {
            continue;
        }
        let a = doc.toks.partition_point(|t| t.e <= sp.start);
        for (j, l) in lab.iter_mut().enumerate().skip(a) {
            if doc.toks[j].s >= sp.end {
                break;
            }
            if l.is_none() {
                *l = Some((ty, id));
            }
        }
    }
    let mut g = vec![0usize; n];
    for i in 0..n {
        let Some((ty, id)) = lab[i] else { continue };
        let same =
            |j: Option<usize>| j.and_then(|j| lab.get(j).copied().flatten()) == Some((ty, id));
        let b = !same(i.checked_sub(1));
        let e = !same(Some(i + 1));
        g[i] = tag_of(
            ty,
            match (b, e) {
                (true, true) => 3,
                (true, false) => 0,
                (false, true) => 2,
                (false, false) => 1,
            },
        );
    }
    g
}

type Data = Vec<(Vec<u32>, Vec<usize>, Vec<usize>)>;

/// Feature ids and gold tags of every paragraph of `docs`; with `stackers`, doc `i`
/// gets the first-stage labels of `stackers[i % stackers.len()]`.
fn prep(docs: &[TrainDoc], stackers: &[Stage]) -> (Data, usize) {
    let mut data = Vec::new();
    let mut tokens = 0;
    let mut feats = Vec::new();
    let mut offs = Vec::new();
    let mut tags = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        let doc = Doc::new(&d.text);
        let rules = crate::extract::extract_rules(&doc);
        let mut info = DocInfo::new(&doc, &rules);
        let gold = gold_tags(&doc, &d.spans);
        let stacked = !stackers.is_empty();
        if stacked {
            let st = &stackers[di % stackers.len()];
            let mut stack = vec![0u8; doc.toks.len()];
            for &(a, b) in &info.paras {
                para_features(&doc, &info, a, b, false, &mut feats, &mut offs);
                st.decode(&feats, &offs, &mut tags);
                write_stack(&mut stack, a, &tags);
            }
            info.stack = stack;
        }
        for &(a, b) in &info.paras {
            para_features(&doc, &info, a, b, stacked, &mut feats, &mut offs);
            tokens += b - a;
            data.push((feats.clone(), offs.clone(), gold[a..b].to_vec()));
        }
    }
    (data, tokens)
}

/// Trains one stage; calls `each_epoch(epoch, bytes)` after each epoch. Returns the
/// serialised stage.
fn fit(
    data: &Data,
    tokens: usize,
    seed: u64,
    epochs: usize,
    prune: f32,
    mut each_epoch: impl FnMut(usize, &[u8]),
) -> Vec<u8> {
    let t0 = std::time::Instant::now();
    let mut tr = Trainer::<NT>::new();
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = seed ^ 0x2545_F491_4F6C_DD1D;
    let mut pred = Vec::new();
    for epoch in 0..epochs {
        let mut wrong = 0usize;
        shuffle(&mut order, &mut rng);
        for &si in &order {
            let (feats, offs, gold) = &data[si];
            if gold.is_empty() {
                continue;
            }
            wrong += tr.learn(feats, offs, gold, &mut pred);
        }
        let bytes = tr.averaged().to_bytes(MAGIC, prune);
        eprintln!(
            "epoch {} ({} token errors of {}, {} bytes, {:.1}s)",
            epoch + 1,
            wrong,
            tokens,
            bytes.len(),
            t0.elapsed().as_secs_f64()
        );
        each_epoch(epoch + 1, &bytes);
    }
    tr.averaged().to_bytes(MAGIC, prune)
}

/// Trains the tagger on `docs` with `stages` stages (1 or 2; the second stage
/// learns from first-stage labels predicted by models trained on the other half of
/// the documents); calls `each_epoch(epoch, &tagger)` after each epoch of the last
/// stage (for validation) and returns the serialised model with its report.
/// Deterministic for a given seed.
pub fn train(
    docs: &[TrainDoc],
    seed: u64,
    epochs: usize,
    prune: f32,
    stages: usize,
    mut each_epoch: impl FnMut(usize, &Tagger),
) -> anyhow::Result<(Vec<u8>, TrainReport)> {
    let t0 = std::time::Instant::now();
    let (data, tokens) = prep(docs, &[]);
    let paragraphs = data.len();
    let two = stages >= 2;
    let first = fit(&data, tokens, seed, epochs, prune, |ep, bytes| {
        if two {
            return;
        }
        if let Ok(m) = Tagger::from_bytes(bytes) {
            each_epoch(ep, &m);
        }
    });
    drop(data);
    let bytes = if two {
        let half = |odd: usize| -> Vec<TrainDoc> {
            docs.iter()
                .enumerate()
                .filter(|(i, _)| i % 2 == odd)
                .map(|(_, d)| d.clone())
                .collect()
        };
        let mut jack = Vec::new();
        // the stage for even documents is trained on the odd ones and vice versa
        for odd in [1, 0] {
            let (d, t) = prep(&half(odd), &[]);
            jack.push(Stage::from_bytes(&fit(
                &d,
                t,
                seed,
                epochs,
                prune,
                |_, _| {},
            ))?);
        }
        let (data2, tokens2) = prep(docs, &jack);
        drop(jack);
        let second = fit(&data2, tokens2, seed ^ 1, epochs, prune, |ep, bytes| {
            if let Ok(m) = Tagger::from_bytes(&Tagger::pack(&[&first, bytes])) {
                each_epoch(ep, &m);
            }
        });
        Tagger::pack(&[&first, &second])
    } else {
        first
    };
    let m = Tagger::from_bytes(&bytes)?;
    let report = TrainReport {
        epochs,
        documents: docs.len(),
        paragraphs,
        tokens,
        features: m.features(),
        model_bytes: bytes.len(),
        seconds: t0.elapsed().as_secs_f64(),
        seed,
        stages: m.stages(),
    };
    Ok((bytes, report))
}
