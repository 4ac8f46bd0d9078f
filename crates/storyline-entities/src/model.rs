// The NER model: the averaged structured perceptron of `storyline-perceptron` over
// BILOU tags of CoNLL's four types, with this crate's features, its training on CoNLL
// files and its model file (magic `SLNER01`).

use std::path::Path;

use anyhow::Context as _;
use serde::Serialize;
use storyline_perceptron::{shuffle, tag_of, Trainer, Weights};

use crate::conll::{chunks, read_conll, ConllDoc};
use crate::features::{features, token_infos, DocContext, TokInfo};
use crate::lexicon::{lexicon, Lexicon};

/// CoNLL types in tag order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// Number of BILOU tags: O + 4 × (B, I, L, U).
pub const NT: usize = 17;

const MAGIC: &[u8; 8] = b"SLNER01\0";

/// (type, position 0=B 1=I 2=L 3=U) of a non-O tag.
#[inline]
pub(crate) fn untag(t: usize) -> Option<(usize, usize)> {
    storyline_perceptron::untag::<NT>(t)
}

/// The trained model, ready for decoding.
pub struct Model(Weights<NT>);

impl Model {
    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.0.features()
    }

    /// Loads a model file written by the trainer.
    pub fn from_bytes(b: &[u8]) -> anyhow::Result<Model> {
        Weights::from_bytes(b, MAGIC, "NER").map(Model)
    }

    /// Best BILOU tag sequence for one sentence given its per-token feature ids.
    pub(crate) fn decode(&self, feats: &[u32], offs: &[usize], out: &mut Vec<usize>) {
        self.0.decode(feats, offs, out);
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
    let mut tr = Trainer::<NT>::new();
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = seed ^ 0x2545_F491_4F6C_DD1D;
    let mut pred = Vec::new();
    let mut dev_f1 = Vec::new();
    for _epoch in 0..epochs {
        shuffle(&mut order, &mut rng);
        for &si in &order {
            let (feats, offs, gold) = &data[si];
            tr.learn(feats, offs, gold, &mut pred);
        }
        if let Some(dd) = &dev_docs {
            let m = Model(tr.averaged().into_weights());
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
    let bytes = tr.averaged().to_bytes(MAGIC, 0.02);
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
