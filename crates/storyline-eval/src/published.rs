//! Scoring of publication dates inferred from content (`storyline_time::tag_undated`)
//! on articles whose true date is known but not given to the engine: a folder of
//! articles laid out as `…/YYYY-MM-DD/<file>` (the Timeline17 layout; the folder name
//! is the publication date, the files carry no header). Each file is ingested as the
//! engine ingests any text file, then dated from its content alone.
//!
//! An inferred date is a window `[earliest, latest]` (latest may be open). The
//! window is *honest* when it holds the true date; the figures are how many articles
//! get a window, the share of windows that are honest, how tight the honest ones are,
//! and how many name the exact day. Files are split into a tune and a held-out half by
//! a hash of their folder and file name (see [`crate::extract::Subset`]).

use crate::extract::Subset;
use crate::score::ratio;
use chrono::NaiveDate;
use serde::Serialize;
use std::path::Path;
use std::time::Instant;
use storyline_ingest::InputSource;

#[derive(Debug, Clone, Serialize)]
pub struct PublishedScores {
    pub subset: String,
    /// Articles read (with a dated folder and some text).
    pub documents: usize,
    /// Articles that got a content-inferred window.
    pub inferred: usize,
    /// Windows that hold the true date.
    pub honest: usize,
    /// `honest / inferred`.
    pub honest_rate: f64,
    /// `honest / documents`: articles given a window that holds their date.
    pub coverage: f64,
    /// Honest windows with both bounds.
    pub bounded: usize,
    /// Median width in days (latest − earliest + 1) of the honest bounded windows.
    pub median_width_days: Option<i64>,
    /// Windows of exactly one day that are the true day.
    pub exact_day: usize,
    /// Median distance in days from the true date to the window's earliest day, over
    /// honest windows (how far the lower bound trails the publication).
    pub median_lag_days: Option<i64>,
    pub seconds: f64,
    /// Dishonest windows; listed for the tune half only.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<WindowError>,
}

/// A window that does not hold the true date: (file, true date, earliest, latest,
/// evidence).
pub type WindowError = (String, String, Option<String>, Option<String>, String);

fn median(mut v: Vec<i64>) -> Option<i64> {
    v.sort_unstable();
    v.get(v.len() / 2).copied()
}

/// Files under `dir` whose parent folder is named `YYYY-MM-DD`, found the way the
/// engine finds its inputs (hidden files skipped, sorted).
fn dated_files(dir: &Path) -> anyhow::Result<Vec<(InputSource, NaiveDate)>> {
    let (inputs, errors) = storyline_ingest::collect_inputs(&[dir]);
    if let Some(e) = errors.first().filter(|_| inputs.is_empty()) {
        anyhow::bail!("{e}");
    }
    let out: Vec<(InputSource, NaiveDate)> = inputs
        .into_iter()
        .filter_map(|i| {
            let InputSource::File(p) = &i else {
                return None;
            };
            let date = p
                .parent()
                .and_then(|f| f.file_name())
                .and_then(|n| n.to_str())
                .and_then(|n| NaiveDate::parse_from_str(n, "%Y-%m-%d").ok())?;
            Some((i, date))
        })
        .collect();
    if out.is_empty() {
        anyhow::bail!(
            "{}: no files in folders named YYYY-MM-DD (the Timeline17 layout)",
            dir.display()
        );
    }
    Ok(out)
}

/// Score content-inferred publication dates on the files of `subset` under `dir`.
pub fn eval_published(dir: &Path, subset: Subset) -> anyhow::Result<PublishedScores> {
    let files = dated_files(dir)?;
    let t0 = Instant::now();
    let (mut documents, mut inferred, mut honest, mut exact) = (0, 0, 0, 0);
    let mut widths = Vec::new();
    let mut lags = Vec::new();
    let mut errors = Vec::new();
    for (input, truth) in files {
        let InputSource::File(path) = &input else {
            continue;
        };
        let name = format!(
            "{}/{}",
            truth.format("%Y-%m-%d"),
            path.file_name().and_then(|n| n.to_str()).unwrap_or("")
        );
        if !subset.contains(&name) {
            continue;
        }
        // empty, oversized or unreadable files are skipped, as the engine skips them
        let Ok(bytes) = storyline_ingest::read_input(&input, storyline_ingest::DEFAULT_MAX_BYTES)
        else {
            continue;
        };
        let Ok(doc) = storyline_ingest::document_from_bytes(&name, &bytes) else {
            continue;
        };
        documents += 1;
        let (published, _) = storyline_time::tag_undated("d1", &doc.text);
        let Some(p) = published else { continue };
        let Some(e) = p.value.earliest else { continue };
        inferred += 1;
        let l = p.value.latest;
        if e <= truth && l.is_none_or(|l| truth <= l) {
            honest += 1;
            lags.push((truth - e).num_days());
            if let Some(l) = l {
                widths.push((l - e).num_days() + 1);
                exact += usize::from(l == e);
            }
        } else if subset.lists_errors() {
            errors.push((
                name,
                truth.to_string(),
                Some(e.to_string()),
                l.map(|l| l.to_string()),
                p.evidence.map(|x| x.text).unwrap_or_default(),
            ));
        }
    }
    Ok(PublishedScores {
        subset: subset.name().to_string(),
        documents,
        inferred,
        honest,
        honest_rate: ratio(honest, inferred),
        coverage: ratio(honest, documents),
        bounded: widths.len(),
        median_width_days: median(widths),
        exact_day: exact,
        median_lag_days: median(lags),
        seconds: t0.elapsed().as_secs_f64(),
        errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_inferred_windows_against_the_folder_dates() {
        let dir =
            std::env::temp_dir().join(format!("storyline-eval-published-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let day = |d: &str, name: &str, text: &str| {
            let f = dir.join(d);
            std::fs::create_dir_all(&f).unwrap();
            std::fs::write(f.join(name), text).unwrap();
        };
        // honest: reopened on May 2, written on May 5
        day(
            "2027-05-05",
            "a.txt",
            "The port reopened on May 2, 2027, officials said.\n",
        );
        // dishonest: the text reports a later day than its folder's; one such file
        // in each half, named so that the hash puts it there
        let bad = |subset: Subset, stem: &str| {
            let name = subset.name_in(&format!("2027-05-01/{stem}"), ".txt");
            let file = name.trim_start_matches("2027-05-01/");
            day(
                "2027-05-01",
                file,
                "The port reopened on May 2, 2027, officials said.\n",
            );
            name
        };
        let bad_tune = bad(Subset::Tune, "b");
        bad(Subset::Heldout, "x");
        // no evidence
        day("2027-05-03", "c.txt", "The port is busy, officials say.\n");
        let s = eval_published(&dir, Subset::All).unwrap();
        assert_eq!(s.documents, 4);
        assert_eq!(s.inferred, 3);
        assert_eq!(s.honest, 1);
        assert_eq!(s.median_lag_days, Some(3));
        // dishonest windows are named for the tune half only
        assert!(s.errors.is_empty());
        let held = eval_published(&dir, Subset::Heldout).unwrap();
        assert_eq!(held.inferred - held.honest, 1);
        assert!(held.errors.is_empty());
        let tune = eval_published(&dir, Subset::Tune).unwrap();
        assert_eq!(tune.inferred - tune.honest, 1);
        assert_eq!(tune.errors.len(), 1);
        assert_eq!(tune.errors[0].0, bad_tune);
        let _ = std::fs::remove_dir_all(&dir);
        assert!(eval_published(&dir, Subset::All).is_err());
    }
}
