//! NER evaluation: tags CoNLL-format files with the compiled-in model of
//! `storyline-entities` and scores them exactly as `conlleval` does (entity-level
//! micro precision/recall/F1 and per type, chunks read the conlleval way so IOB1 and
//! IOB2 inputs agree), and measures tagging speed. WNUT-17 types are mapped to
//! CoNLL's: person → PER, location → LOC, corporation/group → ORG,
//! product/creative-work → MISC.

use crate::score::{f1, ratio};
use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use storyline_entities::conll::{chunks, read_conll, ConllDoc};

/// Which gold tag set the file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// CoNLL-2003 (PER, ORG, LOC, MISC), `-DOCSTART-` documents.
    Conll,
    /// WNUT-17 (person, location, group, corporation, product, creative-work); each
    /// sentence is its own document.
    Wnut,
}

/// Scores of one type.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TypeScores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

/// conlleval-style scores.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NerScores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
    pub per_type: BTreeMap<String, TypeScores>,
    pub sentences: usize,
    pub tokens: usize,
    /// Tokens tagged per second (features + decoding, one thread).
    pub tokens_per_second: f64,
}

fn prf(correct: usize, gold: usize, predicted: usize) -> (f64, f64, f64) {
    let (p, r) = (ratio(correct, predicted), ratio(correct, gold));
    (p, r, f1(p, r))
}

fn map_wnut(tag: &str) -> String {
    let Some((prefix, ty)) = tag.split_once('-') else {
        return tag.to_string();
    };
    let t = match ty {
        "person" => "PER",
        "location" => "LOC",
        "corporation" | "group" => "ORG",
        "product" | "creative-work" => "MISC",
        other => other,
    };
    format!("{prefix}-{t}")
}

/// Tags `file` with the shipped model and scores it against its gold tags.
pub fn eval_ner(file: &Path, scheme: Scheme) -> anyhow::Result<NerScores> {
    let mut docs = read_conll(file)?;
    if scheme == Scheme::Wnut {
        docs = docs
            .into_iter()
            .flat_map(|d| d.sentences.into_iter())
            .map(|mut s| {
                s.tags = s.tags.iter().map(|t| map_wnut(t)).collect();
                ConllDoc { sentences: vec![s] }
            })
            .collect();
    }
    let model = storyline_entities::model()
        .ok_or_else(|| anyhow::anyhow!("the compiled-in NER model is missing or invalid"))?;
    // load the lexicons before timing
    let _ = storyline_entities::extract("warm-up", "Warm up in Doha.");
    let t0 = std::time::Instant::now();
    let pred = storyline_entities::tag_conll_docs(model, &docs);
    let secs = t0.elapsed().as_secs_f64();
    Ok(score(&docs, &pred, secs))
}

/// Scores predicted IOB tags against the gold tags of `docs`.
pub fn score(docs: &[ConllDoc], pred: &[Vec<Vec<String>>], secs: f64) -> NerScores {
    let mut by: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let (mut tokens, mut sentences) = (0, 0);
    for (d, pd) in docs.iter().zip(pred) {
        for (s, ps) in d.sentences.iter().zip(pd) {
            tokens += s.words.len();
            sentences += 1;
            let g = chunks(&s.tags);
            let p = chunks(ps);
            for c in &g {
                by.entry(c.2.clone()).or_default().0 += 1;
            }
            for c in &p {
                let e = by.entry(c.2.clone()).or_default();
                e.1 += 1;
                if g.contains(c) {
                    e.2 += 1;
                }
            }
        }
    }
    let mut out = NerScores {
        sentences,
        tokens,
        tokens_per_second: if secs > 0.0 {
            tokens as f64 / secs
        } else {
            0.0
        },
        ..NerScores::default()
    };
    for (ty, (g, p, c)) in by {
        out.gold += g;
        out.predicted += p;
        out.correct += c;
        let (precision, recall, f1) = prf(c, g, p);
        out.per_type.insert(
            ty,
            TypeScores {
                precision,
                recall,
                f1,
                gold: g,
                predicted: p,
                correct: c,
            },
        );
    }
    let (p, r, f) = prf(out.correct, out.gold, out.predicted);
    out.precision = p;
    out.recall = r;
    out.f1 = f;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_entities::conll::parse_conll;

    #[test]
    fn conlleval_counts() {
        let docs = parse_conll("A x x B-PER\nB x x I-PER\nin x x O\nC x x B-LOC\n\n");
        let pred = vec![vec![vec![
            "B-PER".to_string(),
            "I-PER".to_string(),
            "O".to_string(),
            "B-ORG".to_string(),
        ]]];
        let s = score(&docs, &pred, 1.0);
        assert_eq!((s.gold, s.predicted, s.correct), (2, 2, 1));
        assert!((s.f1 - 0.5).abs() < 1e-9);
        assert_eq!(s.per_type["PER"].correct, 1);
    }

    #[test]
    fn wnut_mapping() {
        assert_eq!(map_wnut("B-corporation"), "B-ORG");
        assert_eq!(map_wnut("I-creative-work"), "I-MISC");
        assert_eq!(map_wnut("O"), "O");
    }

    /// Prints the scores on the shared data (run with `--ignored --nocapture`).
    #[test]
    #[ignore]
    fn report_scores() {
        let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
        for (f, scheme) in [
            ("conll2003/valid.txt", Scheme::Conll),
            ("wnut17/emerging.test.annotated", Scheme::Wnut),
        ] {
            let p = shared.join(f);
            if !p.exists() {
                println!("skipping {f}: shared data not found");
                continue;
            }
            match eval_ner(&p, scheme) {
                Ok(s) => println!(
                    "{f}: {}",
                    serde_json::to_string_pretty(&s).unwrap_or_default()
                ),
                Err(e) => println!("{f}: error {e}"),
            }
        }
    }
}
