//! JSON Lines input: one record per line, `{"url", "html" | "text", "published",
//! "title", ...}`, read as a stream (one line in memory at a time, each line capped),
//! gzip-compressed files included. Each record becomes a [`Document`] or an error
//! naming `source:line`; a broken record never stops the stream.

use crate::html::document_from_html_url;
use crate::inputs::InputError;
use std::io::{BufRead, Read};
use storyline_model::{DateBasis, Document, Published};

/// The longest line read (larger records are skipped with an error).
pub const MAX_LINE_BYTES: usize = 50 * 1000 * 1000;

/// Documents from a JSON Lines stream. `source` names the stream in errors and paths.
pub struct JsonlReader<R: BufRead> {
    reader: R,
    source: String,
    line_no: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(reader: R, source: &str) -> Self {
        JsonlReader {
            reader,
            source: source.to_string(),
            line_no: 0,
            buf: Vec::new(),
            done: false,
        }
    }
}

/// Open a `.jsonl` or `.jsonl.gz` file as a stream of documents.
pub fn open_jsonl(
    path: &std::path::Path,
) -> Result<JsonlReader<Box<dyn BufRead + 'static>>, InputError> {
    let name = path.display().to_string();
    let reader = crate::open_stream(path, None)?;
    Ok(JsonlReader::new(reader, &name))
}

fn str_field<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a str> {
    v.get(key)
        .and_then(|x| x.as_str())
        .filter(|s| !s.trim().is_empty())
}

/// One record to a document; `path` names it.
pub fn document_from_record(path: &str, v: &serde_json::Value) -> Result<Document, InputError> {
    let url = str_field(v, "url");
    let name = url.unwrap_or(path);
    let mut doc = if let Some(html) = str_field(v, "html") {
        document_from_html_url(name, html, url)?
    } else if let Some(text) = str_field(v, "text") {
        let doc = crate::article::parse_article(name, text, false);
        if doc.text.trim().is_empty() {
            return Err(InputError::new(name, "no article text in the record"));
        }
        doc
    } else {
        return Err(InputError::new(
            path,
            "record has neither \"html\" nor \"text\"",
        ));
    };
    if let Some(title) = str_field(v, "title") {
        doc.title = Some(title.to_string());
    }
    if let Some(p) = str_field(v, "published") {
        if let Some(d) = crate::html::pubdate::parse_value(p, "jsonl published") {
            doc.published = Published {
                value: storyline_model::TimeValue::day(d.date),
                basis: DateBasis::Meta,
                evidence: None,
                source_text: Some(format!("jsonl published: {p}")),
                story: Vec::new(),
            };
        }
    }
    Ok(doc)
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            self.buf.clear();
            self.line_no += 1;
            let path = format!("{}:{}", self.source, self.line_no);
            let n = match (&mut self.reader)
                .take(MAX_LINE_BYTES as u64 + 1)
                .read_until(b'\n', &mut self.buf)
            {
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    return Some(Err(InputError::new(path, format!("read error: {e}"))));
                }
            };
            if n == 0 {
                self.done = true;
                return None;
            }
            if self.buf.len() > MAX_LINE_BYTES && !self.buf.ends_with(b"\n") {
                // Skip the rest of the over-long line.
                let mut sink = Vec::new();
                while let Ok(k) = (&mut self.reader)
                    .take(1 << 20)
                    .read_until(b'\n', &mut sink)
                {
                    if k == 0 || sink.ends_with(b"\n") {
                        break;
                    }
                    sink.clear();
                }
                return Some(Err(InputError::new(
                    path,
                    "record longer than the line limit",
                )));
            }
            let line = String::from_utf8_lossy(&self.buf);
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            return Some(match serde_json::from_str::<serde_json::Value>(line) {
                Ok(v) if v.is_object() => document_from_record(&path, &v),
                Ok(_) => Err(InputError::new(path, "record is not a JSON object")),
                Err(e) => Err(InputError::new(path, format!("broken JSON record: {e}"))),
            });
        }
    }
}
