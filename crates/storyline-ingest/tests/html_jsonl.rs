//! Tests of JSON Lines input (plain and gzip) on records written for these tests:
//! HTML and text records, a given publication date, and broken records that give
//! errors naming the line without stopping the stream.

use std::io::Write;
use storyline_ingest::jsonl::{open_jsonl, JsonlReader};
use storyline_model::DateBasis;

const PAGE: &str = "<!DOCTYPE html><html lang=en><head><meta property=\"article:published_time\" content=\"2024-11-19T10:02:00Z\"></head><body><nav><a href=/>Home</a></nav><article><h1>Dam report</h1><p>The regional water board published its annual report on the old dam on Tuesday, saying repairs are on schedule.</p><p>Engineers will inspect the spillway again in the spring, before the snow melts and the reservoir rises.</p></article></body></html>";

fn records() -> String {
    let html = serde_json::json!({"url": "https://example.com/2024/11/19/dam", "html": PAGE});
    let text = serde_json::json!({"url": "https://example.com/b", "text": "The ferry timetable changes on Monday, the operator said, adding two late sailings on weekdays.", "published": "2024-11-18", "title": "Ferry times"});
    format!(
        "{html}\n\n{{\"url\": \"x\", \"html\": \n[1, 2]\n{{\"url\": \"https://example.com/c\"}}\n{text}\n"
    )
}

#[test]
fn reads_records_and_reports_broken_ones_by_line() {
    let input = records();
    let out: Vec<_> = JsonlReader::new(input.as_bytes(), "feed.jsonl").collect();
    assert_eq!(out.len(), 5, "{out:?}");
    let doc = out[0].as_ref().unwrap();
    assert!(doc.text.starts_with("The regional water board"));
    assert_eq!(doc.path, "https://example.com/2024/11/19/dam");
    assert_eq!(doc.published.basis, DateBasis::Meta);
    let e = out[1].as_ref().unwrap_err();
    assert_eq!(e.path, "feed.jsonl:3");
    assert!(e.reason.contains("broken JSON"), "{}", e.reason);
    assert!(out[2]
        .as_ref()
        .unwrap_err()
        .reason
        .contains("not a JSON object"));
    assert!(out[3].as_ref().unwrap_err().reason.contains("neither"));
    let doc = out[4].as_ref().unwrap();
    assert_eq!(doc.title.as_deref(), Some("Ferry times"));
    assert_eq!(doc.published.value.value, "2024-11-18");
    assert_eq!(
        doc.published.source_text.as_deref(),
        Some("jsonl published: 2024-11-18")
    );
}

#[test]
fn gzip_files_and_truncated_gzip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(records().as_bytes()).unwrap();
    let gz = enc.finish().unwrap();
    std::fs::write(&path, &gz).unwrap();
    let docs: Vec<_> = open_jsonl(&path).unwrap().filter_map(Result::ok).collect();
    assert_eq!(docs.len(), 2);

    let cut = dir.path().join("cut.jsonl.gz");
    std::fs::write(&cut, &gz[..gz.len() / 2]).unwrap();
    let out: Vec<_> = open_jsonl(&cut).unwrap().collect();
    let err = out
        .iter()
        .find_map(|r| r.as_ref().err())
        .expect("an error for the cut file");
    assert!(err.path.contains("cut.jsonl.gz"), "{err:?}");

    assert!(open_jsonl(&dir.path().join("missing.jsonl")).is_err());
}
