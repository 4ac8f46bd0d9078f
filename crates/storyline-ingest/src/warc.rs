//! WARC input (ISO 28500, as written by web crawlers): records are streamed one at
//! a time from a plain or gzip-compressed file (a gzip member per record, as is
//! usual, or one stream), `response` and `resource` records holding HTML become
//! [`Document`]s through the HTML extractor. Memory is bounded by the record size
//! cap; a broken or truncated record ends the stream with an error naming the file
//! and the record. The crawl date (`WARC-Date`) is kept as a header line, never
//! taken as the publication date.

use crate::inputs::InputError;
use std::io::{BufRead, Read};
use storyline_model::{Document, HeaderLine};

/// Records larger than this are skipped (bytes).
pub const MAX_RECORD_BYTES: u64 = 50 * 1000 * 1000;

/// One WARC record's headers and payload.
#[derive(Debug, Clone)]
pub struct WarcRecord {
    pub warc_type: String,
    pub target_uri: Option<String>,
    pub date: Option<String>,
    pub content_type: Option<String>,
    pub payload: Vec<u8>,
}

/// A streaming reader of WARC records.
pub struct WarcReader<R: BufRead> {
    reader: R,
    source: String,
    record_no: usize,
    done: bool,
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(reader: R, source: &str) -> Self {
        WarcReader {
            reader,
            source: source.to_string(),
            record_no: 0,
            done: false,
        }
    }

    fn err(&mut self, reason: impl Into<String>) -> Option<Result<WarcRecord, InputError>> {
        self.done = true;
        Some(Err(InputError::new(
            format!("{} (record {})", self.source, self.record_no),
            reason,
        )))
    }
}

/// Open a `.warc` or `.warc.gz` file as a stream of records.
pub fn open_warc(
    path: &std::path::Path,
) -> Result<WarcReader<Box<dyn BufRead + 'static>>, InputError> {
    let name = path.display().to_string();
    let reader = crate::open_stream(path, None)?;
    Ok(WarcReader::new(reader, &name))
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<WarcRecord, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        // Version line, skipping blank lines between records.
        let mut line = String::new();
        loop {
            line.clear();
            match (&mut self.reader).take(1 << 16).read_line(&mut line) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) if line.trim().is_empty() => continue,
                Ok(_) => break,
                Err(e) => return self.err(format!("read error: {e}")),
            }
        }
        self.record_no += 1;
        if !line.starts_with("WARC/") {
            return self.err(format!("not a WARC record: {:?}", line.trim()));
        }
        let mut rec = WarcRecord {
            warc_type: String::new(),
            target_uri: None,
            date: None,
            content_type: None,
            payload: Vec::new(),
        };
        let mut length: Option<u64> = None;
        loop {
            line.clear();
            match (&mut self.reader).take(1 << 16).read_line(&mut line) {
                Ok(0) => return self.err("truncated record header"),
                Ok(_) => {}
                Err(e) => return self.err(format!("read error: {e}")),
            }
            let l = line.trim_end_matches(['\r', '\n']);
            if l.is_empty() {
                break;
            }
            let Some((k, v)) = l.split_once(':') else {
                continue;
            };
            let v = v.trim().to_string();
            match k.trim().to_ascii_lowercase().as_str() {
                "warc-type" => rec.warc_type = v,
                "warc-target-uri" => rec.target_uri = Some(v.trim_matches(['<', '>']).to_string()),
                "warc-date" => rec.date = Some(v),
                "content-type" => rec.content_type = Some(v),
                "content-length" => length = v.parse().ok(),
                _ => {}
            }
        }
        let Some(length) = length else {
            return self.err("record without Content-Length");
        };
        if length > MAX_RECORD_BYTES {
            // Skip it without holding it.
            match std::io::copy(&mut (&mut self.reader).take(length), &mut std::io::sink()) {
                Ok(n) if n == length => {}
                _ => return self.err("truncated record"),
            }
            return self.next();
        }
        let mut payload = Vec::with_capacity(length as usize);
        match (&mut self.reader).take(length).read_to_end(&mut payload) {
            Ok(n) if n as u64 == length => {}
            Ok(_) => return self.err("truncated record"),
            Err(e) => return self.err(format!("read error (truncated or corrupt gzip?): {e}")),
        }
        rec.payload = payload;
        Some(Ok(rec))
    }
}

/// The HTML page in a record: an HTTP response with an HTML body, or an HTML
/// resource, decoded by the charset of its `Content-Type`, else its own. `None` for
/// other records; an error for an HTML body that cannot be decoded.
pub fn record_html(rec: &WarcRecord) -> Option<Result<String, crate::decode::DecodeError>> {
    let (body, ct): (&[u8], String) = match rec.warc_type.as_str() {
        "response" => {
            let p = &rec.payload;
            let split = memchr::memmem::find(p, b"\r\n\r\n")
                .map(|i| (i, i + 4))
                .or_else(|| memchr::memmem::find(p, b"\n\n").map(|i| (i, i + 2)))?;
            let head = String::from_utf8_lossy(&p[..split.0]).to_ascii_lowercase();
            let ct = head
                .lines()
                .find_map(|l| l.strip_prefix("content-type:"))
                .unwrap_or("")
                .to_string();
            if !ct.contains("html") {
                return None;
            }
            (&p[split.1..], ct)
        }
        "resource" => match rec.content_type.as_deref() {
            Some(c) if c.contains("html") => (&rec.payload, c.to_ascii_lowercase()),
            _ => return None,
        },
        _ => return None,
    };
    let charset =
        crate::decode::charset_label(ct.as_bytes()).and_then(|l| std::str::from_utf8(l).ok());
    Some(crate::decode::decode_html(body, charset).map(|d| d.text))
}

/// The article in one WARC record: `None` for records that hold no HTML response,
/// else the extracted document (the crawl date is kept in `header`, never used as the
/// publication date) or the reason it could not be read.
pub fn document_from_record(rec: &WarcRecord) -> Option<Result<Document, InputError>> {
    let html = record_html(rec)?;
    let path = rec
        .target_uri
        .clone()
        .unwrap_or_else(|| "warc record".to_string());
    let html = match html {
        Ok(h) => h,
        Err(e) => return Some(Err(InputError::new(&path, e.to_string()))),
    };
    Some(
        crate::html::document_from_html_url(&path, &html, rec.target_uri.as_deref()).map(
            |mut d| {
                if let Some(date) = &rec.date {
                    d.header.push(HeaderLine {
                        text: format!("WARC-Date: {date}"),
                        field: "crawl-date".into(),
                    });
                }
                d
            },
        ),
    )
}

/// Every article in a WARC stream, and the records that could not be read.
pub fn documents_from_warc<R: BufRead>(reader: WarcReader<R>) -> (Vec<Document>, Vec<InputError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for rec in reader {
        match rec.map(|r| document_from_record(&r)) {
            Ok(Some(Ok(d))) => docs.push(d),
            Ok(Some(Err(e))) | Err(e) => errors.push(e),
            Ok(None) => {}
        }
    }
    (docs, errors)
}
