//! Evaluation of the claims stage (`storyline-claims`).
//!
//! Two gold sets, told apart by [`eval_claims`] from the path it is given:
//! - **PolNeAR** (a split folder with `text/` and `attributions/`, or one folder of
//!   brat `.ann` / `.txt` pairs). One annotator file per article: the alphabetically
//!   first `.ann` of each article, as `SOURCE.md` describes. Offsets are code points
//!   and are converted to UTF-8 bytes. Source, cue and content spans are scored per
//!   span type with micro P/R/F1: the distinct gold spans of a type and the distinct
//!   predicted spans of that type are matched one-to-one, greedily in text order,
//!   exact matches first; a pair matches when any fragment of one overlaps any
//!   fragment of the other (overlap score) or when their envelopes are equal (exact
//!   score). A source shared by several gold attributions counts once, and so does a
//!   predicted source inherited by a second cue. Attributions without a source
//!   count for cue and content only. `attribution_f1` matches whole attributions by
//!   cue overlap. Where a split has articles annotated by several annotators,
//!   `agreement` scores every annotator against every other on them, and the
//!   extractor against each annotator on the same articles: the human ceiling of
//!   the span scores.
//! - **Hand-made** (`resources/claims/handmade.jsonl`, or a folder holding it): one
//!   JSON object a line, `{"id", "text", "attributions": [{"speaker", "anonymous",
//!   "stance", "cue", "resolved"?}]}`. A gold attribution is matched to a predicted
//!   one whose cue text contains the gold cue (case-insensitive), preferring one whose
//!   speaker also matches. Speaker F1 counts matched pairs whose speaker text equals
//!   the gold speaker (case-insensitive, outer punctuation ignored) against all
//!   predictions and all gold items; stance accuracy and anonymity are measured over
//!   matched pairs (`anonymous_precision` = gold-anonymous among matched predictions
//!   flagged anonymous); `resolution_accuracy` over gold pronoun speakers with a
//!   `resolved` antecedent.
//!
//! Both report `tokens_per_second` of [`storyline_claims::extract`] (tokens as
//! `storyline-text` counts them, one thread).

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::score::{f1, ratio};
use storyline_claims::{
    extract, extract_with, Attribution, MergeConfig, Span, SpeakerKind, Stance, TrainDoc,
    TrainReport, DEFAULT_MERGE,
};

/// Precision, recall and F1 with their counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub tp: usize,
    pub predicted: usize,
    pub gold: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(tp_pred: usize, tp_gold: usize, predicted: usize, gold: usize) -> Prf {
        let precision = ratio(tp_pred, predicted);
        let recall = ratio(tp_gold, gold);
        let f1 = f1(precision, recall);
        Prf {
            tp: tp_gold,
            predicted,
            gold,
            precision,
            recall,
            f1,
        }
    }
}

/// Scores of the claims stage on one gold set; the fields of the other set are `null`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ClaimScores {
    /// `polnear` or `handmade`.
    pub dataset: String,
    pub documents: usize,
    /// Gold attributions.
    pub attributions: usize,
    /// Predicted attributions.
    pub predicted: usize,
    pub source_f1: Option<f64>,
    pub cue_f1: Option<f64>,
    pub content_f1: Option<f64>,
    pub source_exact_f1: Option<f64>,
    pub cue_exact_f1: Option<f64>,
    pub content_exact_f1: Option<f64>,
    pub attribution_f1: Option<f64>,
    /// Overlap and exact P/R/F1 per span type (`source`, `cue`, `content`,
    /// `source_exact`, ...).
    pub spans: BTreeMap<String, Prf>,
    pub speaker_f1: Option<f64>,
    pub speaker: Option<Prf>,
    pub stance_accuracy: Option<f64>,
    pub anonymous_precision: Option<f64>,
    pub anonymous_recall: Option<f64>,
    pub resolution_accuracy: Option<f64>,
    /// Gold attributions matched by cue (hand-made set).
    pub matched: Option<usize>,
    /// Inter-annotator agreement on the split's multiply annotated articles, and
    /// the extractor against the same annotators (PolNeAR only, when there are any).
    pub agreement: Option<Agreement>,
    pub tokens: usize,
    pub seconds: f64,
    pub tokens_per_second: f64,
}

/// Scores the claims stage on the gold set at `path`: a PolNeAR split folder (or a
/// folder of `.ann`/`.txt` pairs), or the hand-made JSONL file (or a folder holding
/// `handmade.jsonl`).
pub fn eval_claims(path: &Path) -> Result<ClaimScores> {
    if path.is_file() {
        return eval_handmade(path);
    }
    let hm = path.join("handmade.jsonl");
    if hm.is_file() {
        return eval_handmade(&hm);
    }
    eval_polnear(path)
}

/// One gold attribution of PolNeAR, in byte fragments.
#[derive(Debug, Clone, Default)]
pub struct GoldAttribution {
    pub source: Option<Vec<Span>>,
    pub cue: Option<Vec<Span>>,
    pub content: Vec<Vec<Span>>,
}

/// One PolNeAR article with its gold attributions.
#[derive(Debug, Clone)]
pub struct PolnearDoc {
    pub name: String,
    pub text: String,
    pub gold: Vec<GoldAttribution>,
}

fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == ext))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Reads a PolNeAR split (`dir/text`, `dir/attributions`) or a flat folder of pairs.
pub fn read_polnear(dir: &Path) -> Result<Vec<PolnearDoc>> {
    read_polnear_annotations(dir, false)
}

/// [`read_polnear`]; with `all_annotators`, one document per annotator file (an
/// article annotated twice comes twice, for training).
pub fn read_polnear_annotations(dir: &Path, all_annotators: bool) -> Result<Vec<PolnearDoc>> {
    let (ann_dir, txt_dir) = if dir.join("attributions").is_dir() {
        (dir.join("attributions"), dir.join("text"))
    } else {
        (dir.to_path_buf(), dir.to_path_buf())
    };
    let anns = files_with_ext(&ann_dir, "ann");
    if anns.is_empty() {
        bail!("no .ann files under {}", dir.display());
    }
    // one annotator file per article: the alphabetically first (or all of them)
    let mut chosen: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for p in anns {
        let stem = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let name = match stem.rsplit_once('_') {
            Some((n, a))
                if a.len() == 4
                    && a.chars().all(|c| c.is_ascii_hexdigit())
                    && txt_dir.join(format!("{n}.txt")).is_file() =>
            {
                n.to_string()
            }
            _ => stem.clone(),
        };
        let e = chosen.entry(name).or_default();
        if e.is_empty() || all_annotators {
            e.push(p);
        }
    }
    let mut docs = Vec::new();
    for (name, anns) in chosen {
        let txt_path = txt_dir.join(format!("{name}.txt"));
        let Ok(text) = std::fs::read_to_string(&txt_path) else {
            continue;
        };
        for ann in anns {
            let ann_text = std::fs::read_to_string(&ann)
                .with_context(|| format!("reading {}", ann.display()))?;
            let gold = parse_ann(&text, &ann_text);
            docs.push(PolnearDoc {
                name: name.clone(),
                text: text.clone(),
                gold,
            });
        }
    }
    Ok(docs)
}

/// Parses brat standoff attribution events into byte-offset gold attributions.
pub fn parse_ann(text: &str, ann: &str) -> Vec<GoldAttribution> {
    let mut cp2b: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    cp2b.push(text.len());
    let to_byte = |cp: usize| cp2b.get(cp).copied();
    let mut spans: HashMap<&str, Vec<Span>> = HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("");
        let body = cols.next().unwrap_or("");
        if id.starts_with('T') && id[1..].chars().all(|c| c.is_ascii_digit()) && id.len() > 1 {
            let mut parts = body.splitn(2, ' ');
            let _label = parts.next();
            let offs = parts.next().unwrap_or("");
            let mut frags = Vec::new();
            for frag in offs.split(';') {
                let mut it = frag.split_whitespace();
                if let (Some(a), Some(b)) = (it.next(), it.next()) {
                    if let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                        if let (Some(a), Some(b)) = (to_byte(a), to_byte(b)) {
                            if a <= b {
                                frags.push(Span::new(a, b));
                            }
                        }
                    }
                }
            }
            if !frags.is_empty() {
                spans.insert(id, frags);
            }
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut out = Vec::new();
    for ev in events {
        let mut g = GoldAttribution::default();
        for arg in ev.split_whitespace() {
            let Some((role, tid)) = arg.split_once(':') else {
                continue;
            };
            let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
            let Some(fr) = spans.get(tid) else { continue };
            match role {
                "Source" => g.source = Some(fr.clone()),
                "Cue" => g.cue = Some(fr.clone()),
                "Content" => g.content.push(fr.clone()),
                _ => {}
            }
        }
        if g.cue.is_none() && g.content.is_empty() && g.source.is_none() {
            continue;
        }
        out.push(g);
    }
    out
}

fn overlaps(a: &[Span], b: &[Span]) -> bool {
    a.iter().any(|x| b.iter().any(|y| x.overlaps(*y)))
}

fn envelope(a: &[Span]) -> (usize, usize) {
    let s = a.iter().map(|x| x.start).min().unwrap_or(0);
    let e = a.iter().map(|x| x.end).max().unwrap_or(0);
    (s, e)
}

/// One-to-one greedy matching: exact pairs first, then overlapping pairs when
/// `overlap`. Returns the number of matched pairs.
fn match_count(pred: &[Vec<Span>], gold: &[Vec<Span>], overlap: bool) -> usize {
    let mut used_g = vec![false; gold.len()];
    let mut used_p = vec![false; pred.len()];
    let mut n = 0;
    for (pi, p) in pred.iter().enumerate() {
        let pe = envelope(p);
        if let Some(gi) = (0..gold.len()).find(|&gi| !used_g[gi] && envelope(&gold[gi]) == pe) {
            used_g[gi] = true;
            used_p[pi] = true;
            n += 1;
        }
    }
    if overlap {
        for (pi, p) in pred.iter().enumerate() {
            if used_p[pi] {
                continue;
            }
            if let Some(gi) = (0..gold.len()).find(|&gi| !used_g[gi] && overlaps(p, &gold[gi])) {
                used_g[gi] = true;
                used_p[pi] = true;
                n += 1;
            }
        }
    }
    n
}

fn dedup(mut v: Vec<Vec<Span>>) -> Vec<Vec<Span>> {
    v.retain(|x| !x.is_empty());
    let mut seen = std::collections::HashSet::new();
    v.retain(|x| seen.insert(x.clone()));
    v
}

fn count_tokens(text: &str) -> usize {
    storyline_text::token_iter(text).count()
}

/// Times `extract` over `texts` (at least `min_secs` of work) and returns
/// (tokens, seconds, tokens per second).
fn speed(texts: &[&str], min_secs: f64) -> (usize, f64, f64) {
    let tokens: usize = texts.iter().map(|t| count_tokens(t)).sum();
    let start = Instant::now();
    let mut reps = 0usize;
    let mut sink = 0usize;
    loop {
        for t in texts {
            sink = sink.wrapping_add(extract(t).len());
        }
        reps += 1;
        if start.elapsed().as_secs_f64() >= min_secs || reps >= 50 {
            break;
        }
    }
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    std::hint::black_box(sink);
    let total = tokens * reps;
    (tokens, secs / reps as f64, total as f64 / secs)
}

/// Scores `storyline_claims::extract` on PolNeAR documents.
pub fn score_polnear(docs: &[PolnearDoc]) -> ClaimScores {
    let mut s = score_polnear_with(docs, extract);
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let (tokens, seconds, tps) = speed(&texts, 1.0);
    s.tokens = tokens;
    s.seconds = seconds;
    s.tokens_per_second = tps;
    s
}

/// The distinct (source, cue, content) spans of gold attributions.
fn gold_sets(gold: &[GoldAttribution]) -> [Vec<Vec<Span>>; 3] {
    [
        dedup(gold.iter().filter_map(|g| g.source.clone()).collect()),
        dedup(gold.iter().filter_map(|g| g.cue.clone()).collect()),
        dedup(gold.iter().flat_map(|g| g.content.clone()).collect()),
    ]
}

/// The distinct (source, cue, content) spans of predicted attributions.
fn pred_sets(pred: &[Attribution]) -> [Vec<Vec<Span>>; 3] {
    [
        dedup(
            pred.iter()
                .filter(|p| !p.source.is_empty())
                .map(|p| vec![p.source])
                .collect(),
        ),
        dedup(pred.iter().map(|p| vec![p.cue]).collect()),
        dedup(pred.iter().map(|p| p.content.clone()).collect()),
    ]
}

/// Span-type keys in the order of [`gold_sets`], overlap then exact.
const SPAN_KEYS: [[&str; 2]; 3] = [
    ["source", "source_exact"],
    ["cue", "cue_exact"],
    ["content", "content_exact"],
];

/// Adds one document's matches of predicted against gold span sets to `counts`
/// (key -> tp, predicted, gold).
fn add_span_counts(
    counts: &mut BTreeMap<&'static str, (usize, usize, usize)>,
    p: &[Vec<Vec<Span>>; 3],
    g: &[Vec<Vec<Span>>; 3],
) {
    for (ty, keys) in SPAN_KEYS.iter().enumerate() {
        for (key, ov) in [(keys[0], true), (keys[1], false)] {
            let tp = match_count(&p[ty], &g[ty], ov);
            let e = counts.entry(key).or_default();
            e.0 += tp;
            e.1 += p[ty].len();
            e.2 += g[ty].len();
        }
    }
}

fn prf_map(counts: BTreeMap<&str, (usize, usize, usize)>) -> BTreeMap<String, Prf> {
    counts
        .into_iter()
        .map(|(k, (tp, p, g))| (k.to_string(), Prf::new(tp, tp, p, g)))
        .collect()
}

/// Scores an attribution extractor on PolNeAR documents (no timing).
pub fn score_polnear_with(
    docs: &[PolnearDoc],
    extract: impl Fn(&str) -> Vec<Attribution>,
) -> ClaimScores {
    let mut counts: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new(); // tp, pred, gold
    let mut att = (0usize, 0usize, 0usize);
    let mut n_gold = 0;
    let mut n_pred = 0;
    for d in docs {
        let pred = extract(&d.text);
        n_gold += d.gold.len();
        n_pred += pred.len();
        add_span_counts(&mut counts, &pred_sets(&pred), &gold_sets(&d.gold));
        let gatt: Vec<Vec<Span>> = d.gold.iter().filter_map(|g| g.cue.clone()).collect();
        let patt: Vec<Vec<Span>> = pred.iter().map(|p| vec![p.cue]).collect();
        att.0 += match_count(&patt, &gatt, true);
        att.1 += patt.len();
        att.2 += gatt.len();
    }
    let spans = prf_map(counts);
    let f = |k: &str| spans.get(k).map(|x: &Prf| x.f1);
    ClaimScores {
        dataset: "polnear".into(),
        documents: docs.len(),
        attributions: n_gold,
        predicted: n_pred,
        source_f1: f("source"),
        cue_f1: f("cue"),
        content_f1: f("content"),
        source_exact_f1: f("source_exact"),
        cue_exact_f1: f("cue_exact"),
        content_exact_f1: f("content_exact"),
        attribution_f1: Some(Prf::new(att.0, att.0, att.1, att.2).f1),
        spans,
        ..ClaimScores::default()
    }
}

/// How far PolNeAR's own annotators agree, and how the extractor compares with
/// them on the same articles: the ceiling a span score can be read against.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Agreement {
    /// Articles with two or more annotator files.
    pub articles: usize,
    pub annotator_files: usize,
    /// Every annotator scored against every other on the same article (both
    /// directions, so precision equals recall), same matching as the main score.
    pub annotators: BTreeMap<String, Prf>,
    /// The extractor scored against every annotator file of those articles.
    pub extractor: BTreeMap<String, Prf>,
}

/// [`Agreement`] over the articles of `docs` (one entry per annotator file, as
/// [`read_polnear_annotations`] gives them with `all_annotators`) that have two or
/// more annotator files; `None` when there are none.
pub fn agreement_with(
    docs: &[PolnearDoc],
    extract: impl Fn(&str) -> Vec<Attribution>,
) -> Option<Agreement> {
    let mut by_article: BTreeMap<&str, Vec<&PolnearDoc>> = BTreeMap::new();
    for d in docs {
        by_article.entry(d.name.as_str()).or_default().push(d);
    }
    by_article.retain(|_, v| v.len() >= 2);
    if by_article.is_empty() {
        return None;
    }
    let mut human = BTreeMap::new();
    let mut model = BTreeMap::new();
    let mut files = 0;
    for files_of in by_article.values() {
        files += files_of.len();
        let sets: Vec<_> = files_of.iter().map(|d| gold_sets(&d.gold)).collect();
        for (i, a) in sets.iter().enumerate() {
            for (j, b) in sets.iter().enumerate() {
                if i != j {
                    add_span_counts(&mut human, a, b);
                }
            }
        }
        let pred = pred_sets(&extract(&files_of[0].text));
        for g in &sets {
            add_span_counts(&mut model, &pred, g);
        }
    }
    Some(Agreement {
        articles: by_article.len(),
        annotator_files: files,
        annotators: prf_map(human),
        extractor: prf_map(model),
    })
}

/// Whether a PolNeAR article is in the validation tenth of the train split (by an
/// FNV-1a hash of its name).
#[allow(clippy::manual_is_multiple_of)]
pub fn is_validation(name: &str) -> bool {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for &b in name.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h % 10 == 0
}

/// The gold spans of a PolNeAR article as a training document.
pub fn train_doc(d: &PolnearDoc) -> TrainDoc {
    let mut spans = Vec::new();
    for g in &d.gold {
        for s in g.source.iter().flatten() {
            spans.push((*s, 0));
        }
        for s in g.cue.iter().flatten() {
            spans.push((*s, 1));
        }
        for s in g.content.iter().flatten() {
            spans.push((*s, 2));
        }
    }
    spans.sort_by_key(|(s, t)| (s.start, s.end, *t));
    TrainDoc {
        name: d.name.clone(),
        text: d.text.clone(),
        spans,
    }
}

/// What `storyline train claims` reports.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimsTrainReport {
    #[serde(flatten)]
    pub train: TrainReport,
    /// With `validate`: scores on the held-out tenth of the train split after each
    /// epoch, per merge setting (`rules` = the rules alone).
    pub validation: Vec<BTreeMap<String, serde_json::Value>>,
}

fn brief(s: &ClaimScores) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    for (k, v) in &s.spans {
        m.insert(
            k.clone(),
            serde_json::json!([
                (v.precision * 1000.0).round() / 1000.0,
                (v.recall * 1000.0).round() / 1000.0,
                (v.f1 * 1000.0).round() / 1000.0
            ]),
        );
    }
    serde_json::Value::Object(m)
}

/// How to train the attribution tagger (`storyline train claims`).
#[derive(Debug, Clone, Copy)]
pub struct ClaimsTraining {
    pub seed: u64,
    pub epochs: usize,
    /// Weights smaller than this are left out of the model file.
    pub prune: f32,
    /// 1, or 2 for a second stage that also sees the first stage's labels.
    pub stages: usize,
    /// Train on every annotator's file of an article, not only the first.
    pub all_annotators: bool,
    /// Hold out a tenth of the articles and score it after each epoch; write nothing.
    pub validate: bool,
}

/// Trains the attribution tagger on a PolNeAR split. With `validate`, trains on
/// nine tenths of it and scores the held-out tenth after each epoch (nothing is
/// written); else trains on all of it and writes the model to `out`.
pub fn train_claims(data: &Path, out: &Path, opts: &ClaimsTraining) -> Result<ClaimsTrainReport> {
    let ClaimsTraining {
        seed,
        epochs,
        prune,
        stages,
        all_annotators,
        validate,
    } = *opts;
    let docs = read_polnear_annotations(data, all_annotators)?;
    let first = if all_annotators {
        read_polnear(data)?
    } else {
        docs.clone()
    };
    let train: Vec<&PolnearDoc> = docs
        .iter()
        .filter(|d| !validate || !is_validation(&d.name))
        .collect();
    let held: Vec<&PolnearDoc> = first
        .iter()
        .filter(|d| validate && is_validation(&d.name))
        .collect();
    let tdocs: Vec<TrainDoc> = train.iter().map(|d| train_doc(d)).collect();
    let held: Vec<PolnearDoc> = held.into_iter().cloned().collect();
    let mut validation = Vec::new();
    let hand: Vec<Vec<HandDoc>> = ["handmade.jsonl", "handmade_fresh.jsonl"]
        .iter()
        .filter_map(|f| read_handmade(&Path::new("resources/claims").join(f)).ok())
        .collect();
    if validate {
        let mut m = BTreeMap::new();
        m.insert("epoch".to_string(), serde_json::json!(0));
        let s = score_polnear_with(&held, |t| extract_with(t, None, DEFAULT_MERGE));
        m.insert("rules".to_string(), brief(&s));
        eprintln!("rules: {}", brief(&s));
        validation.push(m);
    }
    let (bytes, report) = storyline_claims::tagger::train(
        &tdocs,
        seed,
        epochs,
        prune,
        stages,
        |ep, tg| {
            if !validate {
                return;
            }
            let mut m = BTreeMap::new();
            m.insert("epoch".to_string(), serde_json::json!(ep));
            let variants = [
                ("default", DEFAULT_MERGE),
                (
                    "add_only",
                    MergeConfig {
                        widen_content: false,
                        widen_source: false,
                        ..DEFAULT_MERGE
                    },
                ),
                (
                    "lexicon_only",
                    MergeConfig {
                        lexicon_cues_only: true,
                        ..DEFAULT_MERGE
                    },
                ),
                (
                    "prefer_tagger",
                    MergeConfig {
                        prefer_tagger: true,
                        ..DEFAULT_MERGE
                    },
                ),
                (
                    "tagger_only",
                    MergeConfig {
                        prefer_tagger: true,
                        drop_unmatched: true,
                        ..DEFAULT_MERGE
                    },
                ),
                (
                    "tagger_only_sourceless",
                    MergeConfig {
                        prefer_tagger: true,
                        drop_unmatched: true,
                        allow_sourceless: true,
                        ..DEFAULT_MERGE
                    },
                ),
                (
                    "prefer_sourceless",
                    MergeConfig {
                        prefer_tagger: true,
                        allow_sourceless: true,
                        ..DEFAULT_MERGE
                    },
                ),
                (
                    "no_add",
                    MergeConfig {
                        add: false,
                        ..DEFAULT_MERGE
                    },
                ),
                (
                    "pure",
                    MergeConfig {
                        pure: true,
                        allow_sourceless: true,
                        ..DEFAULT_MERGE
                    },
                ),
            ];
            for (name, cfg) in variants {
                let s = score_polnear_with(&held, |t| extract_with(t, Some(tg), cfg));
                eprintln!("epoch {ep} {name}: {}", brief(&s));
                for hd in &hand {
                    let (h, _) = score_handmade_with(hd, |t| extract_with(t, Some(tg), cfg));
                    eprintln!(
                    "epoch {ep} {name} hand: speaker {:.3} stance {:.3} anonymous {:.3} predicted {}",
                    h.speaker_f1.unwrap_or(0.0),
                    h.stance_accuracy.unwrap_or(0.0),
                    h.anonymous_precision.unwrap_or(0.0),
                    h.predicted
                );
                }
                m.insert(name.to_string(), brief(&s));
            }
            validation.push(m);
        },
    )?;
    if !validate {
        if let Some(dir) = out.parent() {
            std::fs::create_dir_all(dir).ok();
        }
        std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    }
    Ok(ClaimsTrainReport {
        train: report,
        validation,
    })
}

/// Scores the claims stage on a PolNeAR split folder.
pub fn eval_polnear(dir: &Path) -> Result<ClaimScores> {
    // every annotator file once; the main score takes each article's first
    let files = read_polnear_annotations(dir, true)?;
    let mut first: Vec<PolnearDoc> = Vec::new();
    for d in &files {
        if first.last().is_none_or(|f| f.name != d.name) {
            first.push(d.clone());
        }
    }
    let mut s = score_polnear(&first);
    s.agreement = agreement_with(&files, extract);
    Ok(s)
}

/// One gold attribution of the hand-made set.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct HandGold {
    pub speaker: String,
    pub anonymous: bool,
    pub stance: Stance,
    pub cue: String,
    /// The antecedent of a pronoun speaker.
    #[serde(default)]
    pub resolved: Option<String>,
}

/// One passage of the hand-made set.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct HandDoc {
    pub id: String,
    pub text: String,
    pub attributions: Vec<HandGold>,
}

/// Reads the hand-made JSONL file.
pub fn read_handmade(path: &Path) -> Result<Vec<HandDoc>> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let d: HandDoc =
            serde_json::from_str(line).with_context(|| format!("{}:{}", path.display(), i + 1))?;
        out.push(d);
    }
    Ok(out)
}

fn norm(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| c.is_ascii_punctuation() || c == '’' || c == '“' || c == '”')
        .trim()
        .replace('’', "'")
        .to_lowercase()
}

fn speaker_matches(text: &str, p: &Attribution, gold: &str) -> bool {
    let g = norm(gold);
    p.speaker
        .and_then(|s| s.slice(text))
        .is_some_and(|s| norm(s) == g)
        || p.source.slice(text).is_some_and(|s| norm(s) == g)
}

/// One gold/predicted pair of the hand-made set, for error listings.
#[derive(Debug, Clone, Serialize)]
pub struct HandPair {
    pub doc: String,
    pub gold: HandGold,
    pub speaker: Option<String>,
    pub cue: Option<String>,
    pub anonymous: Option<bool>,
    pub stance: Option<Stance>,
    pub resolved: Option<String>,
}

/// Scores `extract` on hand-made passages; also returns every gold item with what it
/// was matched to.
pub fn score_handmade(docs: &[HandDoc]) -> (ClaimScores, Vec<HandPair>) {
    let (mut scores, pairs) = score_handmade_with(docs, extract);
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let (tokens, seconds, tps) = speed(&texts, 0.5);
    scores.tokens = tokens;
    scores.seconds = seconds;
    scores.tokens_per_second = tps;
    (scores, pairs)
}

/// [`score_handmade`] for a given extractor (no timing).
pub fn score_handmade_with(
    docs: &[HandDoc],
    extract: impl Fn(&str) -> Vec<Attribution>,
) -> (ClaimScores, Vec<HandPair>) {
    let (mut n_gold, mut n_pred, mut matched, mut sp_tp, mut st_ok) = (0, 0, 0, 0, 0);
    let (mut anon_pred, mut anon_pred_ok, mut anon_gold, mut anon_gold_found) = (0, 0, 0, 0);
    let (mut res_n, mut res_ok) = (0, 0);
    let mut pairs = Vec::new();
    for d in docs {
        let text = d.text.as_str();
        let pred = extract(text);
        n_gold += d.attributions.len();
        n_pred += pred.len();
        let mut used = vec![false; pred.len()];
        for g in &d.attributions {
            let gc = norm(&g.cue);
            let cue_ok = |p: &Attribution| {
                p.cue.slice(text).is_some_and(|c| {
                    let c = norm(c);
                    c.contains(&gc) || gc.contains(&c)
                })
            };
            let pick = (0..pred.len())
                .find(|&i| {
                    !used[i] && cue_ok(&pred[i]) && speaker_matches(text, &pred[i], &g.speaker)
                })
                .or_else(|| (0..pred.len()).find(|&i| !used[i] && cue_ok(&pred[i])));
            if g.anonymous {
                anon_gold += 1;
            }
            let Some(i) = pick else {
                pairs.push(HandPair {
                    doc: d.id.clone(),
                    gold: g.clone(),
                    speaker: None,
                    cue: None,
                    anonymous: None,
                    stance: None,
                    resolved: None,
                });
                continue;
            };
            used[i] = true;
            let p = &pred[i];
            matched += 1;
            if speaker_matches(text, p, &g.speaker) {
                sp_tp += 1;
            }
            if p.stance == g.stance {
                st_ok += 1;
            }
            if p.anonymous {
                anon_pred += 1;
                if g.anonymous {
                    anon_pred_ok += 1;
                }
            }
            if g.anonymous && p.anonymous {
                anon_gold_found += 1;
            }
            let resolved = p.antecedent.and_then(|s| s.slice(text)).map(str::to_string);
            if let Some(r) = &g.resolved {
                res_n += 1;
                if resolved.as_deref().is_some_and(|x| norm(x) == norm(r)) {
                    res_ok += 1;
                }
            }
            pairs.push(HandPair {
                doc: d.id.clone(),
                gold: g.clone(),
                speaker: p.speaker.and_then(|s| s.slice(text)).map(str::to_string),
                cue: p.cue.slice(text).map(str::to_string),
                anonymous: Some(p.anonymous),
                stance: Some(p.stance),
                resolved,
            });
        }
        // predicted anonymous speakers matched to no gold item also count against
        // anonymity precision when they name a person
        for (i, p) in pred.iter().enumerate() {
            if !used[i] && p.anonymous && p.speaker_kind == SpeakerKind::Named {
                anon_pred += 1;
            }
        }
    }
    let speaker = Prf::new(sp_tp, sp_tp, n_pred, n_gold);
    let scores = ClaimScores {
        dataset: "handmade".into(),
        documents: docs.len(),
        attributions: n_gold,
        predicted: n_pred,
        speaker_f1: Some(speaker.f1),
        speaker: Some(speaker),
        stance_accuracy: Some(ratio(st_ok, matched)),
        anonymous_precision: Some(ratio(anon_pred_ok, anon_pred)),
        anonymous_recall: Some(ratio(anon_gold_found, anon_gold)),
        resolution_accuracy: Some(ratio(res_ok, res_n)),
        matched: Some(matched),
        ..ClaimScores::default()
    };
    (scores, pairs)
}

/// Scores the claims stage on the hand-made JSONL set.
pub fn eval_handmade(path: &Path) -> Result<ClaimScores> {
    let docs = read_handmade(path)?;
    Ok(score_handmade(&docs).0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_brat_events_with_code_point_offsets() {
        // "é" is two bytes: code point offsets differ from byte offsets after it
        let text = "é “Yes,” Ana said.";
        let ann = "T1\tSource 9 12\tAna\nT2\tCue 13 17\tsaid\nT3\tContent 2 8\t“Yes,”\nT4\tAttribution 13 17\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        let g = parse_ann(text, ann);
        assert_eq!(g.len(), 1);
        let src = g[0].source.as_ref().expect("source")[0];
        assert_eq!(src.slice(text), Some("Ana"));
        assert_eq!(g[0].content[0][0].slice(text), Some("“Yes,”"));
    }

    #[test]
    fn matching_is_one_to_one() {
        let gold = vec![vec![Span::new(0, 10)]];
        let pred = vec![vec![Span::new(0, 5)], vec![Span::new(5, 10)]];
        assert_eq!(match_count(&pred, &gold, true), 1);
        assert_eq!(match_count(&pred, &gold, false), 0);
        assert_eq!(match_count(&gold, &gold, false), 1);
    }

    #[test]
    fn scores_the_handmade_set_when_present() {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../resources/claims/handmade.jsonl");
        if !path.is_file() {
            println!("skipping: {} not found", path.display());
            return;
        }
        let s = eval_claims(&path).expect("scores");
        assert!(s.attributions >= 150);
        assert!(s.speaker_f1.unwrap_or(0.0) >= 0.9);
    }

    #[test]
    fn the_tagger_lifts_polnear_dev_recall_when_present() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/attribution/polnear/data/dev");
        if !dir.is_dir() {
            println!("skipping: {} not found", dir.display());
            return;
        }
        let docs = read_polnear(&dir).expect("dev");
        let rules = score_polnear_with(&docs, |t| extract_with(t, None, DEFAULT_MERGE));
        let all = score_polnear_with(&docs, extract);
        let r = |s: &ClaimScores, k: &str| s.spans.get(k).map_or(0.0, |p| p.recall);
        assert!(r(&all, "source") > r(&rules, "source"));
        assert!(r(&all, "content") > r(&rules, "content"));
        assert!(all.content_f1.unwrap_or(0.0) > rules.content_f1.unwrap_or(1.0));
    }

    #[test]
    fn agreement_compares_annotators_of_the_same_article() {
        let dir = std::env::temp_dir().join(format!("sl-agree-{}", std::process::id()));
        let (ann, txt) = (dir.join("attributions"), dir.join("text"));
        std::fs::create_dir_all(&ann).expect("dir");
        std::fs::create_dir_all(&txt).expect("dir");
        let text = "The mayor said the bridge will reopen. Critics doubt it.";
        std::fs::write(txt.join("town.txt"), text).expect("text");
        std::fs::write(txt.join("solo.txt"), text).expect("text");
        let a = "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 37\tthe bridge will reopen\nT4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        // the second annotator takes "mayor" alone and adds the critics' doubt
        let b = "T1\tSource 4 9\tmayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 37\tthe bridge will reopen\nT4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nT5\tSource 39 46\tCritics\nT6\tCue 47 52\tdoubt\nT7\tContent 53 55\tit\nT8\tAttribution 47 52\tdoubt\nE2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n";
        std::fs::write(ann.join("town_aaaa.ann"), a).expect("ann");
        std::fs::write(ann.join("town_bbbb.ann"), b).expect("ann");
        std::fs::write(ann.join("solo_aaaa.ann"), a).expect("ann");
        let docs = read_polnear_annotations(&dir, true).expect("read");
        assert_eq!(docs.len(), 3);
        let ag = agreement_with(&docs, |_| Vec::new()).expect("one shared article");
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!((ag.articles, ag.annotator_files), (1, 2));
        // sources: a has 1, b has 2, one overlapping pair, counted both ways
        let src = ag.annotators["source"];
        assert_eq!((src.tp, src.predicted, src.gold), (2, 3, 3));
        assert_eq!(ag.annotators["source_exact"].tp, 0);
        assert!((src.precision - src.recall).abs() < 1e-12);
        // an extractor that finds nothing agrees with no one
        let ex = ag.extractor["source"];
        assert_eq!((ex.tp, ex.predicted, ex.gold), (0, 0, 3));
    }

    #[test]
    fn validation_split_is_about_a_tenth() {
        let n = (0..1000)
            .filter(|i| is_validation(&format!("doc-{i}")))
            .count();
        assert!((50..150).contains(&n), "{n}");
    }
}
