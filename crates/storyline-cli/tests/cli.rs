//! End-to-end tests of the `storyline` binary: the report validates against the
//! contract's JSON Schema, bad inputs are reported and skipped, output is
//! deterministic, and the example corpus gives the metadata a journalist expects.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn storyline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("storyline runs")
}

fn report_of(args: &[&str]) -> (Value, Output) {
    let mut all = vec!["analyze", "--quiet", "--json", "-"];
    all.extend_from_slice(args);
    let out = storyline(&all);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (report, out)
}

fn schema() -> Value {
    let shared = root().join("../shared/spec/report.schema.json");
    let path = if shared.exists() {
        shared
    } else {
        eprintln!("note: ../shared is absent; validating against the copy in spec/");
        root().join("spec/report.schema.json")
    };
    serde_json::from_str(&std::fs::read_to_string(&path).expect("schema readable"))
        .expect("schema is JSON")
}

fn assert_valid(report: &Value) {
    let validator = jsonschema::validator_for(&schema()).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(report)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "schema errors: {errors:#?}");
}

fn assert_evidence_is_exact(report: &Value) {
    for doc in report["documents"].as_array().unwrap() {
        let text = doc["text"].as_str().unwrap();
        if let Some(ev) = doc["published"].get("evidence") {
            let (s, e) = (
                ev["start"].as_u64().unwrap() as usize,
                ev["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], ev["text"].as_str().unwrap());
            assert_eq!(ev["doc"], doc["id"]);
        }
    }
}

#[test]
fn example_corpus_report_is_schema_valid() {
    let (report, out) = report_of(&["examples"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(report["schema"], "storyline/1");
    assert_eq!(report["documents"].as_array().unwrap().len(), 8);
    assert_valid(&report);
    assert_evidence_is_exact(&report);
    // The check itself can fail: a basis outside the contract is caught.
    let mut broken = report.clone();
    broken["documents"][0]["published"]["basis"] = Value::from("sometime");
    let validator = jsonschema::validator_for(&schema()).unwrap();
    assert!(!validator.is_valid(&broken));
}

#[test]
fn seed_articles_report_is_schema_valid() {
    let seeds = root().join("../shared/seeds");
    if !seeds.exists() {
        eprintln!("skipped: ../shared/seeds is absent");
        return;
    }
    let (report, out) = report_of(&[seeds.to_str().unwrap()]);
    assert!(out.status.success());
    assert_valid(&report);
    assert_evidence_is_exact(&report);
}

#[test]
fn example_corpus_metadata_matches_expectations() {
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("docs/example-expected.json")).unwrap(),
    )
    .unwrap();
    let (report, _) = report_of(&["examples"]);
    let docs = report["documents"].as_array().unwrap();
    for want in expected["files"].as_array().unwrap() {
        let file = want["file"].as_str().unwrap();
        let doc = docs
            .iter()
            .find(|d| d["path"].as_str().unwrap().ends_with(file))
            .unwrap_or_else(|| panic!("{file} missing from report"));
        for key in ["title", "outlet", "authors", "dateline"] {
            assert_eq!(doc[key], want[key], "{file}: {key}");
        }
        let basis = want["basis"].as_str().unwrap();
        assert_eq!(doc["published"]["basis"], basis, "{file}: basis");
        if let Some(w) = want.get("content_window") {
            // An undated article: its inferred window holds the day it was written
            // and stays inside what its text (and its story) support.
            let p = &doc["published"];
            let (e, l) = (p["earliest"].as_str(), p["latest"].as_str());
            let (e, l) = (e.expect("earliest"), l.expect("latest"));
            let actual = w["actual"].as_str().unwrap();
            assert!(
                e <= actual && actual <= l,
                "{file}: {e}..{l} misses {actual}"
            );
            assert!(e >= w["earliest"].as_str().unwrap(), "{file}: earliest {e}");
            assert!(l <= w["latest"].as_str().unwrap(), "{file}: latest {l}");
        } else if basis != "unknown" {
            assert_eq!(doc["published"]["value"], want["published"], "{file}: date");
        }
        let text = doc["text"].as_str().unwrap();
        let removed: Vec<&str> = doc["removed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["text"].as_str().unwrap())
            .collect();
        for line in want["must_remove"].as_array().unwrap() {
            let line = line.as_str().unwrap().trim();
            assert!(!text.contains(line), "{file}: noise left in text: {line:?}");
            assert!(
                removed.iter().any(|r| r.contains(line) || line.contains(r)),
                "{file}: not recorded in removed: {line:?}"
            );
        }
        if let Some(of) = want.get("rewrite_of").and_then(Value::as_str) {
            let original = docs
                .iter()
                .find(|d| d["path"].as_str().unwrap().ends_with(of))
                .unwrap();
            let related = doc["related"].as_array().expect("related set");
            assert!(
                related
                    .iter()
                    .any(|r| r["doc"] == original["id"] && r["relation"] == "rewrite"),
                "{file}: not marked as a rewrite of {of}: {related:?}"
            );
        }
        for phrase in want["must_keep"].as_array().unwrap() {
            let phrase = phrase.as_str().unwrap();
            assert!(text.contains(phrase), "{file}: lost body text {phrase:?}");
        }
    }
}

#[test]
fn output_is_deterministic() {
    let a = storyline(&["analyze", "--quiet", "--json", "-", "examples"]);
    let b = storyline(&["analyze", "--quiet", "--json", "-", "examples"]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn bad_inputs_are_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("a-binary.bin"),
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00",
    )
    .unwrap();
    let mut bad = "Officials said the “talks” would resume"
        .as_bytes()
        .to_vec();
    bad.extend_from_slice(&[0xE2, 0x28, 0xA1]);
    bad.extend_from_slice(b" on Monday.\n");
    std::fs::write(d.join("b-invalid-utf8.txt"), bad).unwrap();
    std::fs::write(d.join("c-empty.txt"), b"").unwrap();
    std::fs::write(
        d.join("d-good.txt"),
        "Bridge reopens after repairs\n\nBy Lena Ortiz\n\nMARLOW, May 5, 2025 - The old bridge reopened to traffic on Monday after six months of repairs, the city said.\n",
    )
    .unwrap();
    let (report, out) = report_of(&[d.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains("skipped ")).collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        lines[0].contains("a-binary.bin") && lines[0].contains("binary"),
        "{stderr}"
    );
    assert!(
        lines[1].contains("b-invalid-utf8.txt") && lines[1].contains("invalid UTF-8"),
        "{stderr}"
    );
    assert!(
        lines[2].contains("c-empty.txt") && lines[2].contains("empty"),
        "{stderr}"
    );
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["title"], "Bridge reopens after repairs");
    assert_eq!(docs[0]["published"]["value"], "2025-05-05");
    assert_eq!(report["skipped"].as_array().unwrap().len(), 3);
    assert_valid(&report);
}

#[test]
fn size_limit_and_missing_paths() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(
        &big,
        "The council met on Monday and approved the budget. ".repeat(50),
    )
    .unwrap();
    let (report, out) = report_of(&[
        "--max-bytes",
        "100",
        big.to_str().unwrap(),
        "no/such/file.txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("big.txt") && stderr.contains("size limit"),
        "{stderr}"
    );
    assert!(
        stderr.contains("no/such/file.txt") && stderr.contains("no such file"),
        "{stderr}"
    );
    assert!(report["documents"].as_array().unwrap().is_empty());
}

#[test]
fn utf16_and_stdin_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "Ferry strike ends\n\nThe ferry crews returned to work on Tuesday, the union said.\n";
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let p = dir.path().join("utf16.txt");
    std::fs::write(&p, utf16).unwrap();
    let (report, out) = report_of(&[p.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(report["documents"][0]["title"], "Ferry strike ends");
    assert_eq!(report["documents"][0]["encoding"], "UTF-16LE");

    let mut child = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(["analyze", "--quiet", "--json", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"][0]["path"], "-");
    assert_eq!(report["documents"][0]["title"], "Ferry strike ends");
}

#[test]
fn usage_errors_exit_2_and_summary_prints() {
    assert_eq!(storyline(&["analyze"]).status.code(), Some(2));
    assert_eq!(storyline(&["frobnicate"]).status.code(), Some(2));
    let out = storyline(&["analyze", "examples"]);
    assert!(out.status.success());
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("8 documents"));
    assert!(
        summary.contains("Meridian Wire | 2025-03-03 (dateline) | dateline GRANVILLE"),
        "{summary}"
    );
    assert!(summary.contains("removed:"));
    assert!(summary.contains("actors: "), "{summary}");
    assert!(summary.contains("claims: "), "{summary}");
    assert!(summary.contains("anonymous sources"), "{summary}");
}

#[test]
fn store_export_and_html_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("story.sqlite");
    let json = dir.path().join("a.json");
    let html = dir.path().join("report.html");
    let out = storyline(&[
        "analyze",
        "--quiet",
        "examples",
        "--db",
        db.to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The store gives back the same report, byte for byte.
    let exported = storyline(&["export", "--db", db.to_str().unwrap()]);
    assert!(exported.status.success());
    assert_eq!(exported.stdout, std::fs::read(&json).unwrap());
    // Analysing again into the same store changes nothing.
    let again = storyline(&[
        "analyze",
        "--quiet",
        "examples",
        "--db",
        db.to_str().unwrap(),
        "--json",
        "-",
    ]);
    assert_eq!(again.stdout, std::fs::read(&json).unwrap());
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains("id=\"report-data\""));
    assert!(!page.contains("src=\"http"));
    let missing = storyline(&["export", "--db", "postgres://nobody@127.0.0.1:1/none"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn ingest_writes_json_lines_and_reports_bad_records() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("feed.jsonl");
    std::fs::write(
        &input,
        concat!(
            r#"{"url": "https://example.test/a", "text": "Ferry strike ends\n\nThe ferry crews returned to work on Tuesday, the union said.", "published": "2025-05-06"}"#,
            "\n",
            "{not json\n",
        ),
    )
    .unwrap();
    let out = storyline(&["ingest", input.to_str().unwrap(), "--jsonl", "-"]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], "d1");
    assert!(lines[0]["text"].as_str().unwrap().contains("ferry crews"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("feed.jsonl") && stderr.contains('2'),
        "{stderr}"
    );
    // `--jsonl` with no file, as the issue writes it, is standard output too.
    let bare = storyline(&["ingest", input.to_str().unwrap(), "--jsonl"]);
    assert_eq!(bare.stdout, out.stdout);
    // "--jsonl" before the inputs would take the first input as the output file:
    // refused, and the input is left as it was
    let before = std::fs::read(&input).unwrap();
    let other = dir.path().join("other.txt");
    std::fs::write(
        &other,
        "Ferry strike ends\n\nThe crews returned on Tuesday.",
    )
    .unwrap();
    let swallowed = storyline(&[
        "ingest",
        "--jsonl",
        input.to_str().unwrap(),
        other.to_str().unwrap(),
    ]);
    assert_eq!(swallowed.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&swallowed.stderr).contains("not the output of an earlier run"));
    assert_eq!(std::fs::read(&input).unwrap(), before);
    let again = storyline(&[
        "ingest",
        input.to_str().unwrap(),
        "--jsonl",
        input.to_str().unwrap(),
    ]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("also an input"));
    assert_eq!(std::fs::read(&input).unwrap(), before);
}
