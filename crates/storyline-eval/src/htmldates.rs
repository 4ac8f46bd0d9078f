//! Scoring of HTML publication-date finding (`storyline_ingest::html::page_dates`)
//! on the htmldate evaluation set (`shared/data/html-dates`: `gold.json` +
//! `pages/*.gz`), exactly as htmldate's own comparison does: the page HTML alone (no
//! URL), an exact-day match, TP/FP/FN summed over pages (a wrong date is an FP only;
//! a "no date" page can never be a TN), precision, recall, accuracy and F-score.
//! Pages are split into a tune part (three quarters) and a held-out quarter by a
//! hash of the file name (see [`crate::extract::Subset::contains_quarter`]).

use crate::extract::{read_gz_text, Subset};
use crate::score::ratio;
use serde::Serialize;
use std::path::Path;
use std::time::Instant;

#[derive(Debug, Clone, Serialize)]
pub struct DateScores {
    pub subset: String,
    pub pages: usize,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub precision: f64,
    pub recall: f64,
    pub accuracy: f64,
    pub f1: f64,
    pub pages_per_second: f64,
    /// Pages answered wrongly or not at all: (file, gold, answer, signal); listed
    /// for the tune half only.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<(String, Option<String>, Option<String>, String)>,
    /// Every page's answer, in the same form, when `STORYLINE_DATES_DUMP` is set
    /// in the environment (for studying which signals answer which pages); tune
    /// half only.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<(String, Option<String>, Option<String>, String)>,
}

/// Score date finding on the pages of `subset` under `dir` (the `html-dates` folder).
pub fn eval_dates(dir: &Path, subset: Subset) -> anyhow::Result<DateScores> {
    let gold_path = dir.join("gold.json");
    let gold = crate::extract::read_gold_object(&gold_path)?;
    let obj = &gold;
    let (mut tp, mut fp, mut fn_, mut pages) = (0, 0, 0, 0);
    let mut secs = 0.0;
    let mut errors = Vec::new();
    let mut answers = Vec::new();
    let dump = std::env::var_os("STORYLINE_DATES_DUMP").is_some() && subset.lists_errors();
    for (_url, entry) in obj {
        let Some(file) = entry.get("file").and_then(|f| f.as_str()) else {
            continue;
        };
        if !subset.contains_quarter(file) {
            continue;
        }
        let want = entry
            .get("date")
            .and_then(|d| d.as_str())
            .map(str::to_string);
        let path = dir.join("pages").join(format!("{file}.gz"));
        let html = read_gz_text(&path)?;
        let html = html.replace("\r\n", "\n");
        let t = Instant::now();
        let found = storyline_ingest::html::page_dates(&html, None);
        secs += t.elapsed().as_secs_f64();
        pages += 1;
        // Like htmldate, answer with the best date the page has: the publication
        // date, else the last-modified one (which storyline keeps apart).
        let best = found.published.as_ref().or(found.modified.as_ref());
        let got = best.map(|d| d.date.format("%Y-%m-%d").to_string());
        match (&got, &want) {
            (None, _) => fn_ += 1,
            (Some(g), Some(w)) if g == w => tp += 1,
            _ => fp += 1,
        }
        let listed = subset.lists_errors() && (got.is_none() || got != want);
        if dump || listed {
            let signal = best
                .map(|d| {
                    format!(
                        "{}: {}",
                        d.signal,
                        d.raw.chars().take(60).collect::<String>()
                    )
                })
                .unwrap_or_default();
            if dump {
                answers.push((file.to_string(), want.clone(), got.clone(), signal.clone()));
            }
            if listed {
                errors.push((file.to_string(), want, got, signal));
            }
        }
    }
    Ok(DateScores {
        subset: subset.name().to_string(),
        pages,
        tp,
        fp,
        fn_,
        precision: ratio(tp, tp + fp),
        recall: ratio(tp, tp + fn_),
        accuracy: ratio(tp, pages),
        f1: ratio(2 * tp, 2 * tp + fp + fn_),
        pages_per_second: if secs > 0.0 { pages as f64 / secs } else { 0.0 },
        errors,
        answers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_shared_pages_when_present() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/html-dates");
        if !dir.join("gold.json").exists() {
            eprintln!("skipping: {} is absent", dir.display());
            return;
        }
        let s = eval_dates(&dir, Subset::Heldout).unwrap();
        assert_eq!(s.pages, s.tp + s.fp + s.fn_);
        assert!(s.accuracy > 0.8, "{s:?}");
        assert!(s.errors.is_empty(), "held-out pages must not be listed");
    }

    #[test]
    fn lists_wrong_pages_of_the_tune_half_only() {
        use flate2::{write::GzEncoder, Compression};
        use std::io::Write;
        let dir = std::env::temp_dir().join(format!("storyline-eval-dates-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("pages")).unwrap();
        let page = "<html><head><meta property=\"article:published_time\" \
                    content=\"2024-05-02T10:00:00Z\"></head><body><p>Port news.</p></body></html>";
        let tune = Subset::Tune.name_in_quarter("t", ".html");
        let held = Subset::Heldout.name_in_quarter("h", ".html");
        for name in [&tune, &held] {
            let mut gz = GzEncoder::new(Vec::new(), Compression::default());
            gz.write_all(page.as_bytes()).unwrap();
            std::fs::write(
                dir.join("pages").join(format!("{name}.gz")),
                gz.finish().unwrap(),
            )
            .unwrap();
        }
        // both pages are answered wrongly: the gold day is a day later
        let gold = serde_json::json!({
            "https://a.example/1": {"file": tune, "date": "2024-05-03"},
            "https://a.example/2": {"file": held, "date": "2024-05-03"},
        });
        std::fs::write(dir.join("gold.json"), gold.to_string()).unwrap();
        let t = eval_dates(&dir, Subset::Tune).unwrap();
        assert_eq!((t.pages, t.fp), (1, 1));
        assert_eq!(t.errors.len(), 1);
        assert_eq!(t.errors[0].0, tune);
        assert_eq!(t.errors[0].2.as_deref(), Some("2024-05-02"));
        for subset in [Subset::Heldout, Subset::All] {
            let s = eval_dates(&dir, subset).unwrap();
            assert!(s.fp >= 1 && s.errors.is_empty(), "{s:?}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
