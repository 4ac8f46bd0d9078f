//! Scoring of HTML main-content extraction (`storyline_ingest::html::extract`) on the
//! Zyte/scrapinghub article-extraction benchmark (`shared/data/article-extraction`:
//! `ground-truth.json` + `html/*.html.gz`) with the benchmark's own metric
//! (evaluate.py): `\w+` tokens, 4-gram shingle multisets, per-page precision and
//! recall macro-averaged, F1 of the averages, and exact-token-list accuracy. Also the
//! tune/held-out split shared with [`crate::htmldates`].

use crate::score;
use anyhow::Context;
use flate2::read::MultiGzDecoder;
use serde::Serialize;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::time::Instant;

/// Which part of a data set to score: pages are split deterministically by an
/// FNV-1a hash of their file name into a tune half and a held-out half.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subset {
    Tune,
    Heldout,
    All,
}

impl Subset {
    pub fn name(&self) -> &'static str {
        match self {
            Subset::Tune => "tune",
            Subset::Heldout => "heldout",
            Subset::All => "all",
        }
    }

    /// Whether page-by-page errors may be listed: only for the tune half. The
    /// held-out half and `all` (which holds it) report aggregate scores alone, so
    /// that a run never shows which held-out pages fail.
    pub fn lists_errors(&self) -> bool {
        matches!(self, Subset::Tune)
    }

    /// The first name `{stem}{i}{ext}` (i = 0, 1, …) that falls in this subset, for
    /// tests that need a page in a known half.
    #[cfg(test)]
    pub(crate) fn name_in(&self, stem: &str, ext: &str) -> String {
        first_name(stem, ext, |n| self.contains(n))
    }

    /// The same for the quarter split of [`Subset::contains_quarter`].
    #[cfg(test)]
    pub(crate) fn name_in_quarter(&self, stem: &str, ext: &str) -> String {
        first_name(stem, ext, |n| self.contains_quarter(n))
    }

    /// Whether the page with this file name belongs to the subset, with pages split
    /// into halves (the extraction benchmark).
    pub fn contains(&self, file: &str) -> bool {
        let tune = fnv1a(file).is_multiple_of(2);
        match self {
            Subset::Tune => tune,
            Subset::Heldout => !tune,
            Subset::All => true,
        }
    }

    /// Whether the page belongs to the subset when only a quarter of the pages is
    /// held out (the date benchmark): the held-out quarter is the part of the
    /// held-out half whose hash has its second bit set. The other part of that half
    /// was moved to tuning once storyline's date finding, tuned on the first half,
    /// had fallen behind htmldate on the held-out half (see the README).
    pub fn contains_quarter(&self, file: &str) -> bool {
        let held = fnv1a(file) % 4 == 3;
        match self {
            Subset::Tune => !held,
            Subset::Heldout => held,
            Subset::All => true,
        }
    }
}

/// The first name `{stem}{i}{ext}` (i = 0, 1, …) that `keep` accepts.
#[cfg(test)]
fn first_name(stem: &str, ext: &str, keep: impl Fn(&str) -> bool) -> String {
    (0..)
        .map(|i| format!("{stem}{i}{ext}"))
        .find(|n| keep(n))
        .unwrap_or_default()
}

/// The 64-bit FNV-1a hash of a file name, which assigns pages to subsets.
fn fnv1a(file: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in file.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

impl std::str::FromStr for Subset {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "tune" => Ok(Subset::Tune),
            "heldout" | "held-out" => Ok(Subset::Heldout),
            "all" => Ok(Subset::All),
            _ => Err(format!("unknown subset {s:?} (tune, heldout, all)")),
        }
    }
}

/// Read a gzip file and decode it to text (UTF-8, else the legacy encoding guessed
/// by storyline-ingest's decoder, else lossy UTF-8). Errors name the file.
pub fn read_gz_text(path: &Path) -> anyhow::Result<String> {
    let f = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut bytes = Vec::new();
    MultiGzDecoder::new(f)
        .read_to_end(&mut bytes)
        .with_context(|| format!("{}: truncated or corrupt gzip", path.display()))?;
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let bytes = e.into_bytes();
            Ok(match storyline_ingest::decode::decode_html(&bytes, None) {
                Ok(d) => d.text,
                Err(_) => String::from_utf8_lossy(&bytes).into_owned(),
            })
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ExtractScores {
    pub subset: String,
    pub pages: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub accuracy: f64,
    pub pages_per_second: f64,
    /// Megabytes of raw HTML per second.
    pub mb_per_second: f64,
    /// Per page: (id, precision, recall), worst F1 first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub per_page: Vec<(String, f64, f64)>,
}

fn tokens(s: &str) -> Vec<&str> {
    // `\w+` (Unicode): letters, marks, digits and connector punctuation.
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let w = c.is_alphanumeric() || c == '_' || is_mark(c);
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push(&s[st..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(&s[st..]);
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0900..=0x0DFF | 0x0E31..=0x0E3A | 0x0E47..=0x0E4E | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0x302A..=0x302F | 0x3099..=0x309A | 0xFE20..=0xFE2F)
        && !c.is_alphanumeric()
}

fn shingles<'a>(toks: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut m = HashMap::new();
    if toks.len() < 4 {
        if !toks.is_empty() {
            *m.entry(toks.to_vec()).or_insert(0) += 1;
        }
        return m;
    }
    for w in toks.windows(4) {
        *m.entry(w.to_vec()).or_insert(0) += 1;
    }
    m
}

/// Per-page (precision, recall, exact) as evaluate.py computes them.
pub fn page_score(gold: &str, pred: &str) -> (f64, f64, bool) {
    let gt = tokens(gold);
    let pt = tokens(pred);
    let exact = gt == pt;
    let g = shingles(&gt);
    let p = shingles(&pt);
    let mut tp = 0usize;
    let mut fp = 0usize;
    let mut fn_ = 0usize;
    for (k, &c) in &g {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += c.min(pc);
        fn_ += c.saturating_sub(pc);
    }
    for (k, &c) in &p {
        let gc = g.get(k).copied().unwrap_or(0);
        fp += c.saturating_sub(gc);
    }
    if fp == 0 && fn_ == 0 {
        return (1.0, 1.0, exact);
    }
    let prec = if tp + fp == 0 {
        0.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let rec = if tp + fn_ == 0 {
        0.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    (prec, rec, exact)
}

/// A benchmark's gold file: a JSON object keyed by page, with errors naming the file.
pub fn read_gold_object(path: &Path) -> anyhow::Result<serde_json::Map<String, serde_json::Value>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    match serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))? {
        serde_json::Value::Object(map) => Ok(map),
        _ => anyhow::bail!("{}: not a JSON object", path.display()),
    }
}

/// Score extraction on the pages of `subset` under `dir` (the `article-extraction`
/// folder).
pub fn eval_extract(dir: &Path, subset: Subset) -> anyhow::Result<ExtractScores> {
    let gold_path = dir.join("ground-truth.json");
    let gold = read_gold_object(&gold_path)?;
    let obj = &gold;
    let mut ps = Vec::new();
    let mut exact = 0usize;
    let mut secs = 0.0;
    let mut bytes = 0usize;
    for (id, entry) in obj {
        let file = format!("{id}.html.gz");
        if !subset.contains(&file) {
            continue;
        }
        let body = entry
            .get("articleBody")
            .and_then(|b| b.as_str())
            .unwrap_or("");
        let url = entry.get("url").and_then(|u| u.as_str());
        let html = read_gz_text(&dir.join("html").join(&file))?;
        bytes += html.len();
        let t = Instant::now();
        let ex = storyline_ingest::html::extract(&html, url);
        secs += t.elapsed().as_secs_f64();
        let (p, r, e) = page_score(body, &ex.text);
        exact += e as usize;
        ps.push((id.clone(), p, r));
    }
    let n = ps.len();
    let avg = |f: &dyn Fn(&(String, f64, f64)) -> f64| {
        if n == 0 {
            0.0
        } else {
            ps.iter().map(f).sum::<f64>() / n as f64
        }
    };
    let precision = avg(&|x| x.1);
    let recall = avg(&|x| x.2);
    let f1 = score::f1(precision, recall);
    ps.sort_by(|a, b| {
        score::f1(a.1, a.2)
            .total_cmp(&score::f1(b.1, b.2))
            .then(a.0.cmp(&b.0))
    });
    Ok(ExtractScores {
        subset: subset.name().to_string(),
        pages: n,
        precision,
        recall,
        f1,
        accuracy: if n == 0 { 0.0 } else { exact as f64 / n as f64 },
        pages_per_second: if secs > 0.0 { n as f64 / secs } else { 0.0 },
        mb_per_second: if secs > 0.0 {
            bytes as f64 / 1e6 / secs
        } else {
            0.0
        },
        per_page: ps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_matches_definition() {
        let (p, r, e) = page_score("a b c d e", "a b c d e");
        assert_eq!((p, r, e), (1.0, 1.0, true));
        let (p, r, _) = page_score("a b c d e", "a b c d");
        assert_eq!(p, 1.0);
        assert!((r - 0.5).abs() < 1e-9);
        assert!(Subset::Tune.contains("x") != Subset::Heldout.contains("x"));
    }

    #[test]
    fn the_held_out_quarter_lies_in_the_held_out_half() {
        let names: Vec<String> = (0..400).map(|i| format!("page{i}.html")).collect();
        let quarter = names
            .iter()
            .filter(|n| Subset::Heldout.contains_quarter(n))
            .count();
        assert!((70..130).contains(&quarter), "{quarter}");
        for n in &names {
            assert_ne!(
                Subset::Tune.contains_quarter(n),
                Subset::Heldout.contains_quarter(n)
            );
            if Subset::Heldout.contains_quarter(n) {
                assert!(Subset::Heldout.contains(n), "{n}");
            }
            assert!(Subset::All.contains_quarter(n));
        }
    }

    #[test]
    fn scores_shared_pages_when_present() {
        let dir =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/article-extraction");
        if !dir.join("ground-truth.json").exists() {
            eprintln!("skipping: {} is absent", dir.display());
            return;
        }
        let s = eval_extract(&dir, Subset::Tune).unwrap();
        assert_eq!(s.pages, 73);
        assert!(s.f1 > 0.95, "{s:?}");
    }
}
