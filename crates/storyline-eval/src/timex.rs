// TempEval-3 TIMEX3 evaluation of the temporal tagger: reads TimeML `.tml` files
// (DCT and gold TIMEX3 from inside <TEXT>), tags the tag-stripped text with the DCT
// as anchor and scores it as the TE3 scorer does (UzZaman et al. 2013): strict match =
// identical extent, relaxed match = overlap, P/R/F1 micro-averaged over documents,
// type and value accuracy over relaxed-matched gold timexes, and
// type F1 / value F1 = relaxed F1 x accuracy.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use serde::Serialize;
use storyline_model::{Precision, TimeMention, TimeValue, TimexType};
use storyline_time::{tag, Anchor};

use crate::score::{f1, ratio};

/// One gold TIMEX3: byte span into the document's raw text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldTimex {
    pub tid: String,
    pub kind: String,
    pub value: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One TimeML document: its id, creation time, tag-free text and gold timexes.
#[derive(Debug, Clone)]
pub struct TmlDoc {
    pub path: PathBuf,
    pub dct: Option<NaiveDate>,
    pub text: String,
    pub gold: Vec<GoldTimex>,
}

/// The TE3 scores over a directory.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TimexScores {
    pub documents: usize,
    pub gold: usize,
    pub system: usize,
    pub strict_matches: usize,
    pub relaxed_system_matches: usize,
    pub relaxed_gold_matches: usize,
    pub strict_precision: f64,
    pub strict_recall: f64,
    pub strict_f1: f64,
    pub relaxed_precision: f64,
    pub relaxed_recall: f64,
    pub relaxed_f1: f64,
    pub type_accuracy: f64,
    pub type_f1: f64,
    pub value_accuracy: f64,
    pub value_f1: f64,
    /// Documents whose DCT could not be read (tagged with an unknown anchor).
    pub documents_without_dct: usize,
    pub tokens: usize,
    pub bytes: usize,
    /// Tagging time only, after a warm-up pass (steady state).
    pub seconds: f64,
    /// The untimed warm-up pass: rule compilation and lazy regex automata.
    pub warmup_seconds: f64,
    pub mb_per_second: f64,
}

/// What went wrong in one document, for error analysis.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TimexErrors {
    pub doc: String,
    /// System mentions that overlap no gold timex: (text, type, value).
    pub false_positives: Vec<(String, String, String)>,
    /// Gold timexes that no system mention overlaps.
    pub missed: Vec<GoldTimex>,
    /// Overlapping but not identical extents: (gold text, system text).
    pub extent: Vec<(String, String)>,
    /// Relaxed matches with a different value: (gold text, gold value, system text,
    /// system value).
    pub value: Vec<(String, String, String, String)>,
    /// Relaxed matches with a different type: (gold text, gold type, system type).
    pub kind: Vec<(String, String, String)>,
}

fn unescape_into(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let tail = &rest[p..];
        let Some(semi) = tail.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let ent = &tail[1..semi];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent
                .strip_prefix("#x")
                .or_else(|| ent.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &tail[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
}

/// The value of attribute `name` in a start tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut search = tag;
    loop {
        let p = search.find(name)?;
        let before_ok = p == 0 || search.as_bytes()[p - 1].is_ascii_whitespace();
        let after = &search[p + name.len()..];
        let after_trim = after.trim_start();
        if before_ok && after_trim.starts_with('=') {
            let v = after_trim[1..].trim_start();
            let q = v.chars().next()?;
            if q == '"' || q == '\'' {
                let end = v[1..].find(q)?;
                let mut out = String::new();
                unescape_into(&mut out, &v[1..1 + end]);
                return Some(out);
            }
            return None;
        }
        search = &search[p + name.len()..];
    }
}

/// A DCT value as a day: `1998-03-04`, `1998-03-04T13:37`, or the compact `19980304`.
fn parse_dct_value(v: &str) -> Option<NaiveDate> {
    let v = v.trim();
    v.get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .or_else(|| {
            v.get(..8)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y%m%d").ok())
        })
}

/// Parses one TimeML document.
pub fn parse_tml(path: &Path, xml: &str) -> Result<TmlDoc> {
    let dct = xml.find("<DCT>").and_then(|p| {
        let rest = &xml[p..];
        let t = rest.find("<TIMEX3")?;
        let end = rest[t..].find('>')?;
        let v = attr(&rest[t..t + end], "value")?;
        parse_dct_value(&v)
    });
    let start = xml
        .find("<TEXT>")
        .with_context(|| format!("{}: no <TEXT> element", path.display()))?
        + "<TEXT>".len();
    let end = xml[start..]
        .find("</TEXT>")
        .map(|e| start + e)
        .with_context(|| format!("{}: no </TEXT>", path.display()))?;
    let body = &xml[start..end];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Option<(String, String, String, usize)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        unescape_into(&mut text, &rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            bail!("{}: unterminated tag", path.display());
        };
        let tag = &rest[lt..lt + gt + 1];
        if tag.starts_with("<TIMEX3") {
            open = Some((
                attr(tag, "tid").unwrap_or_default(),
                attr(tag, "type").unwrap_or_default(),
                attr(tag, "value").unwrap_or_default(),
                text.len(),
            ));
            if tag.ends_with("/>") {
                open = None;
            }
        } else if tag.starts_with("</TIMEX3") {
            if let Some((tid, kind, value, s)) = open.take() {
                gold.push(GoldTimex {
                    tid,
                    kind,
                    value,
                    start: s,
                    end: text.len(),
                    text: text[s..].to_string(),
                });
            }
        }
        rest = &rest[lt + gt + 1..];
    }
    unescape_into(&mut text, rest);
    Ok(TmlDoc {
        path: path.to_path_buf(),
        dct,
        text,
        gold,
    })
}

fn collect_tml(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read directory {}", dir.display()))?;
    for e in entries {
        let p = e?.path();
        if p.is_dir() {
            collect_tml(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Every `.tml` file under `dir` (recursively), parsed, in path order.
pub fn read_tml_dir(dir: &Path) -> Result<Vec<TmlDoc>> {
    if !dir.is_dir() {
        bail!("TimeML directory {} does not exist", dir.display());
    }
    let mut paths = Vec::new();
    collect_tml(dir, &mut paths)?;
    paths.sort();
    if paths.is_empty() {
        bail!("no .tml files under {}", dir.display());
    }
    paths
        .iter()
        .map(|p| {
            let xml = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read {}", p.display()))?;
            parse_tml(p, &xml)
        })
        .collect()
}

fn kind_str(k: TimexType) -> &'static str {
    match k {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

/// `[s, e)` without surrounding whitespace.
fn trimmed(text: &str, s: usize, e: usize) -> (usize, usize) {
    let t = text.get(s..e).unwrap_or("");
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    (s + lead, e.saturating_sub(trail).max(s + lead))
}

/// Counts for one document.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    gold: usize,
    system: usize,
    strict: usize,
    relaxed_sys: usize,
    relaxed_gold: usize,
    type_ok: usize,
    value_ok: usize,
}

fn score_doc(doc: &TmlDoc, sys: &[TimeMention], errs: &mut TimexErrors) -> Counts {
    let mut c = Counts {
        gold: doc.gold.len(),
        system: sys.len(),
        ..Counts::default()
    };
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    let gspans: Vec<(usize, usize)> = doc
        .gold
        .iter()
        .map(|g| trimmed(&doc.text, g.start, g.end))
        .collect();
    let sspans: Vec<(usize, usize)> = sys
        .iter()
        .map(|m| trimmed(&doc.text, m.start, m.end))
        .collect();
    for (i, s) in sspans.iter().enumerate() {
        if gspans.iter().any(|g| overlaps(*g, *s)) {
            c.relaxed_sys += 1;
        } else {
            let m = &sys[i];
            errs.false_positives.push((
                m.text.clone(),
                kind_str(m.kind).to_string(),
                m.value.value.clone(),
            ));
        }
        if gspans.contains(s) {
            c.strict += 1;
        }
    }
    for (gi, g) in gspans.iter().enumerate() {
        // The system mention with the largest overlap (first on ties).
        let best = sspans
            .iter()
            .enumerate()
            .filter(|(_, s)| overlaps(*g, **s))
            .max_by_key(|(i, s)| (s.1.min(g.1) - s.0.max(g.0), std::cmp::Reverse(*i)));
        let gold = &doc.gold[gi];
        let Some((si, s)) = best else {
            errs.missed.push(gold.clone());
            continue;
        };
        c.relaxed_gold += 1;
        let m = &sys[si];
        if s != g {
            errs.extent.push((gold.text.clone(), m.text.clone()));
        }
        if kind_str(m.kind) == gold.kind {
            c.type_ok += 1;
        } else {
            errs.kind.push((
                gold.text.clone(),
                gold.kind.clone(),
                kind_str(m.kind).to_string(),
            ));
        }
        if m.value.value == gold.value {
            c.value_ok += 1;
        } else {
            errs.value.push((
                gold.text.clone(),
                gold.value.clone(),
                m.text.clone(),
                m.value.value.clone(),
            ));
        }
    }
    c
}

/// Tags and scores parsed documents; also returns per-document errors.
pub fn score_docs(docs: &[TmlDoc]) -> (TimexScores, Vec<TimexErrors>) {
    score_system(docs, |doc| {
        let anchor = doc.dct.map_or_else(Anchor::unknown, Anchor::day);
        tag(&doc.text, &anchor)
    })
}

/// Scores the time expressions `system` gives for each document (the storyline
/// tagger in [`score_docs`], another tagger's saved output in [`eval_timex`]).
fn score_system(
    docs: &[TmlDoc],
    system: impl Fn(&TmlDoc) -> Vec<TimeMention>,
) -> (TimexScores, Vec<TimexErrors>) {
    let mut total = Counts::default();
    let mut seconds = 0.0;
    let mut bytes = 0;
    let mut tokens = 0;
    let mut errors = Vec::new();
    // Warm-up pass, untimed: compiles the rules and lets the regex engines build their
    // lazy automata (a one-time cost per process, reported as `warmup_seconds`).
    let w0 = Instant::now();
    for doc in docs {
        let _ = system(doc);
    }
    let warmup_seconds = w0.elapsed().as_secs_f64();
    for doc in docs {
        let t0 = Instant::now();
        let sys = system(doc);
        seconds += t0.elapsed().as_secs_f64();
        bytes += doc.text.len();
        tokens += doc.text.split_whitespace().count();
        let mut errs = TimexErrors {
            doc: doc.path.display().to_string(),
            ..TimexErrors::default()
        };
        let c = score_doc(doc, &sys, &mut errs);
        errors.push(errs);
        total.gold += c.gold;
        total.system += c.system;
        total.strict += c.strict;
        total.relaxed_sys += c.relaxed_sys;
        total.relaxed_gold += c.relaxed_gold;
        total.type_ok += c.type_ok;
        total.value_ok += c.value_ok;
    }
    let sp = ratio(total.strict, total.system);
    let sr = ratio(total.strict, total.gold);
    let rp = ratio(total.relaxed_sys, total.system);
    let rr = ratio(total.relaxed_gold, total.gold);
    let rf = f1(rp, rr);
    let ta = ratio(total.type_ok, total.relaxed_gold);
    let va = ratio(total.value_ok, total.relaxed_gold);
    let scores = TimexScores {
        documents: docs.len(),
        documents_without_dct: docs.iter().filter(|d| d.dct.is_none()).count(),
        gold: total.gold,
        system: total.system,
        strict_matches: total.strict,
        relaxed_system_matches: total.relaxed_sys,
        relaxed_gold_matches: total.relaxed_gold,
        strict_precision: sp,
        strict_recall: sr,
        strict_f1: f1(sp, sr),
        relaxed_precision: rp,
        relaxed_recall: rr,
        relaxed_f1: rf,
        type_accuracy: ta,
        type_f1: rf * ta,
        value_accuracy: va,
        value_f1: rf * va,
        tokens,
        bytes,
        seconds,
        warmup_seconds,
        mb_per_second: if seconds > 0.0 {
            bytes as f64 / 1e6 / seconds
        } else {
            0.0
        },
    };
    (scores, errors)
}

/// Scores the tagger on every `.tml` file under `dir` (recursively). Fails, naming
/// the path, when the directory is missing or holds no `.tml` file.
///
/// When the environment variable `STORYLINE_TIMEX_ERRORS` names a file, the
/// per-document errors are written there as JSON lines (for error analysis on a
/// development set).
/// When `STORYLINE_TIMEX_PREDICTED` names a directory, the system output is read from
/// the `.tml` files of the same names there (another tagger's TIMEX3 over the same
/// text, e.g. HeidelTime's, see `crates/storyline-time/benches/heideltime`) instead of
/// running the storyline tagger, so both are scored by one scorer.
pub fn eval_timex(dir: &Path) -> Result<TimexScores> {
    let docs = read_tml_dir(dir)?;
    let (scores, errors) = match std::env::var_os("STORYLINE_TIMEX_PREDICTED") {
        Some(pred) => {
            let predicted = read_predicted(&docs, Path::new(&pred))?;
            score_system(&docs, |doc| {
                predicted
                    .get(doc.path.as_path())
                    .cloned()
                    .unwrap_or_default()
            })
        }
        None => score_docs(&docs),
    };
    if let Some(out) = std::env::var_os("STORYLINE_TIMEX_ERRORS") {
        let mut buf = String::new();
        for e in &errors {
            buf.push_str(&serde_json::to_string(e)?);
            buf.push('\n');
        }
        std::fs::write(&out, buf)
            .with_context(|| format!("cannot write {}", Path::new(&out).display()))?;
    }
    Ok(scores)
}

/// Another tagger's output for each gold document: the TIMEX3 of the `.tml` file of
/// the same name under `dir`, whose tag-free text must equal the gold text. A missing
/// file means no output for that document.
fn read_predicted(
    docs: &[TmlDoc],
    dir: &Path,
) -> Result<std::collections::HashMap<PathBuf, Vec<TimeMention>>> {
    if !dir.is_dir() {
        bail!("{}: not a directory of predicted .tml files", dir.display());
    }
    let mut out = std::collections::HashMap::new();
    for doc in docs {
        let Some(name) = doc.path.file_name() else {
            continue;
        };
        let path = dir.join(name);
        let Ok(xml) = std::fs::read_to_string(&path) else {
            continue;
        };
        let pred = parse_tml(&path, &xml)?;
        if pred.text != doc.text {
            bail!(
                "{}: its text differs from {}",
                path.display(),
                doc.path.display()
            );
        }
        let mentions = pred
            .gold
            .into_iter()
            .map(|g| TimeMention {
                start: g.start,
                end: g.end,
                text: g.text,
                kind: match g.kind.as_str() {
                    "TIME" => TimexType::Time,
                    "DURATION" => TimexType::Duration,
                    "SET" => TimexType::Set,
                    _ => TimexType::Date,
                },
                value: TimeValue::bounded(g.value, Precision::Vague, None, None),
                story: Vec::new(),
            })
            .collect();
        out.insert(doc.path.clone(), mentions);
    }
    Ok(out)
}

/// Like [`eval_timex`], with the per-document errors.
pub fn eval_timex_detailed(dir: &Path) -> Result<(TimexScores, Vec<TimexErrors>)> {
    let docs = read_tml_dir(dir)?;
    Ok(score_docs(&docs))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-11-19" temporalFunction="false" functionInDocument="CREATION_TIME">20241119</TIMEX3></DCT>
<TEXT>
Officials <EVENT eid="e1" class="REPORTING">said</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2024-11-15">Friday</TIMEX3> that AT&amp;T had paid <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3> ago &lt;sic&gt;.
</TEXT>
</TimeML>
"#;

    #[test]
    fn parses_timeml_spans_on_unescaped_text() {
        let d = parse_tml(Path::new("t.tml"), DOC).unwrap();
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(2024, 11, 19));
        assert!(d.text.contains("AT&T had paid two weeks ago <sic>."));
        assert_eq!(d.gold.len(), 2);
        for g in &d.gold {
            assert_eq!(&d.text[g.start..g.end], g.text);
        }
        assert_eq!(d.gold[0].text, "Friday");
        assert_eq!(d.gold[1].value, "P2W");
    }

    #[test]
    fn dct_values_in_several_shapes() {
        let day = NaiveDate::from_ymd_opt(1998, 3, 4);
        assert_eq!(parse_dct_value("1998-03-04"), day);
        assert_eq!(parse_dct_value("1998-03-04T13:37"), day);
        assert_eq!(parse_dct_value("19980304"), day);
        assert_eq!(parse_dct_value("XXXX"), None);
    }

    #[test]
    fn scores_strict_relaxed_and_values() {
        let d = parse_tml(Path::new("t.tml"), DOC).unwrap();
        let (s, errs) = score_docs(std::slice::from_ref(&d));
        // The tagger finds "Friday" (exact, right value) and "two weeks ago" (overlaps
        // the gold "two weeks", a DATE where the gold has a DURATION).
        assert_eq!((s.gold, s.system), (2, 2));
        assert_eq!(s.strict_matches, 1);
        assert_eq!(s.relaxed_gold_matches, 2);
        assert!((s.relaxed_f1 - 1.0).abs() < 1e-9);
        assert!((s.strict_f1 - 0.5).abs() < 1e-9);
        assert!((s.type_accuracy - 0.5).abs() < 1e-9);
        assert!((s.value_f1 - s.relaxed_f1 * s.value_accuracy).abs() < 1e-9);
        assert_eq!(errs[0].extent.len(), 1);
    }

    #[test]
    fn missing_dir_is_a_clear_error() {
        let e = eval_timex(Path::new("/nonexistent/tml-dir")).unwrap_err();
        assert!(e.to_string().contains("/nonexistent/tml-dir"), "{e}");
        let empty =
            std::env::temp_dir().join(format!("storyline-eval-empty-{}", std::process::id()));
        std::fs::create_dir_all(&empty).unwrap();
        let e = eval_timex(&empty).unwrap_err();
        assert!(e.to_string().contains("no .tml files"), "{e}");
        let _ = std::fs::remove_dir(&empty);
    }

    /// The TimeBank part of the shared TempEval-3 data, when it is there.
    #[test]
    fn timebank_scores_when_data_is_present() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/tempeval3/train/timebank");
        if !dir.is_dir() {
            println!(
                "skipped: shared TempEval-3 data not found at {}",
                dir.display()
            );
            return;
        }
        let s = eval_timex(&dir).unwrap();
        assert_eq!(s.documents, 183);
        assert_eq!(s.gold, 1243);
        assert!(s.relaxed_f1 > 0.8, "{s:?}");
    }

    #[test]
    fn hand_annotated_sets_score_as_reported() {
        // the two sets of articles written and annotated for storyline
        // (resources/time/handmade): tune was studied, blind only ever scored
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../resources/time/handmade");
        for (set, docs, gold) in [("tune", 25, 327), ("blind", 25, 343)] {
            let s = eval_timex(&root.join(set)).unwrap();
            assert_eq!((s.documents, s.gold), (docs, gold), "{set}");
            assert!(s.strict_f1 > 0.93 && s.value_f1 > 0.88, "{set}: {s:?}");
        }
    }
}
