//! Tests of WARC input on records written for these tests: HTML responses become
//! documents, non-HTML records are skipped, the crawl date is not the publication
//! date, gzip members per record are read, and truncated files give errors naming
//! the file and record.

use std::io::Write;
use storyline_ingest::warc::{documents_from_warc, open_warc, WarcReader};

const PAGE: &str = "<!DOCTYPE html><html lang=en><head><title>Dam report</title></head><body><nav><a href=/>Home</a></nav><article><h1>Dam report</h1><p>The regional water board published its annual report on the old dam on Tuesday, saying repairs are on schedule.</p><p>Engineers will inspect the spillway again in the spring, before the snow melts and the reservoir rises.</p></article></body></html>";

fn record(kind: &str, uri: &str, payload: &str) -> String {
    format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-01-02T03:04:05Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{payload}\r\n\r\n",
        payload.len()
    )
}

fn warc() -> Vec<String> {
    vec![
        record("warcinfo", "", "software: test\r\n"),
        record(
            "response",
            "https://example.com/dam",
            &format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{PAGE}"),
        ),
        record(
            "response",
            "https://example.com/logo.png",
            "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG",
        ),
    ]
}

#[test]
fn reads_html_responses() {
    let data = warc().concat();
    let (docs, errors) = documents_from_warc(WarcReader::new(data.as_bytes(), "crawl.warc"));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].path, "https://example.com/dam");
    assert!(docs[0].text.starts_with("The regional water board"));
    assert!(
        docs[0].published.value.is_unknown(),
        "crawl date taken as publication date"
    );
    assert!(docs[0].header.iter().any(|h| h.field == "crawl-date"));
}

#[test]
fn gzip_members_and_truncation() {
    let dir = tempfile::tempdir().unwrap();
    let mut gz = Vec::new();
    for r in warc() {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(r.as_bytes()).unwrap();
        gz.extend(enc.finish().unwrap());
    }
    let path = dir.path().join("crawl.warc.gz");
    std::fs::write(&path, &gz).unwrap();
    let (docs, errors) = documents_from_warc(open_warc(&path).unwrap());
    assert_eq!((docs.len(), errors.len()), (1, 0), "{errors:?}");

    let cut = dir.path().join("cut.warc.gz");
    std::fs::write(&cut, &gz[..gz.len() - 40]).unwrap();
    let (_, errors) = documents_from_warc(open_warc(&cut).unwrap());
    assert_eq!(errors.len(), 1);
    assert!(errors[0].path.contains("cut.warc.gz"), "{:?}", errors[0]);

    let junk = "GET / HTTP/1.1\r\n\r\n";
    let recs: Vec<_> = WarcReader::new(junk.as_bytes(), "junk.warc").collect();
    assert!(recs[0].is_err());
}
