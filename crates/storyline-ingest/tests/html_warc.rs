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

#[test]
fn the_http_charset_decodes_the_page_and_bad_bodies_are_errors() {
    // the page's own label (ISO-8859-5) is wrong; the HTTP header (windows-1251) is right
    let page = "<!DOCTYPE html><html><head><meta charset=\"iso-8859-5\"><title>Паром</title></head><body><article><p>Паром на остров снова ходит с понедельника, сказал мэр во вторник в ратуше города.</p><p>Мост через залив закрыт до весны, потому что опоры меняют на новые. Жители острова всё лето ездили в город через соседний посёлок, и дорога занимала больше двух часов.</p><p>Городской совет обещал, что билеты на паром не подорожают до конца года, а расписание будет висеть на причале и на сайте администрации.</p></article></body></html>";
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(page);
    let head = |uri: &str, body_len: usize, ct: &str| {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\n\r\n");
        (
            format!(
                "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}",
                http.len() + body_len
            ),
            "\r\n\r\n",
        )
    };
    let mut data = Vec::new();
    let (h, tail) = head(
        "https://example.com/parom",
        cp1251.len(),
        "text/html; charset=windows-1251",
    );
    data.extend_from_slice(h.as_bytes());
    data.extend_from_slice(&cp1251);
    data.extend_from_slice(tail.as_bytes());
    let binary = b"<html>\x00\x01\x02\x03</html>";
    let (h, tail) = head("https://example.com/broken", binary.len(), "text/html");
    data.extend_from_slice(h.as_bytes());
    data.extend_from_slice(binary);
    data.extend_from_slice(tail.as_bytes());
    let (docs, errors) = documents_from_warc(WarcReader::new(&data[..], "crawl.warc"));
    assert_eq!(docs.len(), 1, "{errors:?}");
    assert!(docs[0].text.contains("Паром на остров"), "{}", docs[0].text);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].path.contains("example.com/broken"),
        "{:?}",
        errors[0]
    );
    assert!(errors[0].to_string().contains("binary"), "{}", errors[0]);
}
