//! storyline-ingest: turns input bytes into [`Document`]s, the first stage of the
//! pipeline. It finds inputs (files, folders, standard input), decodes them (UTF-8,
//! UTF-16 and Windows-1252-style encodings, HTML pages by their declared charset,
//! refusing binary and corrupt files with a reason), splits header from body, cleans the body while recording every dropped
//! piece in `removed`, and reads title, authors, outlet, dateline and publication date
//! with the basis each rests on.
//!
//! Every function here is a pure function of its input bytes, except the input
//! walking in [`inputs`]. Errors name the input and the reason; nothing panics on
//! user input.

pub mod article;
pub mod dates;
pub mod decode;
pub mod dedup;
pub mod detok;
pub mod feeds;
pub mod html;
pub mod inputs;
pub mod jsonl;
mod lexicon;
pub mod warc;

pub use inputs::{collect_inputs, read_input, InputError, InputSource};
use storyline_model::Document;

/// Default size limit for one input (50 MB).
pub const DEFAULT_MAX_BYTES: u64 = 50 * 1000 * 1000;

/// Decode and parse one article. `path` is used for messages, for the report's
/// `path`, and to recognise Markdown (`.md`, `.markdown`).
pub fn document_from_bytes(path: &str, bytes: &[u8]) -> Result<Document, InputError> {
    let lower = path.to_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    let markdown = lower.ends_with(".md") || lower.ends_with(".markdown");
    let sniff = if markdown {
        decode::opens_html_document
    } else {
        decode::looks_like_html
    };
    let html_bytes = sniff(bytes);
    let decoded = if html_bytes {
        decode::decode_html(bytes, None)
    } else {
        decode::decode(bytes)
    }
    .map_err(|e| InputError::new(path, e.to_string()))?;
    if html_bytes || sniff(decoded.text.as_bytes()) {
        let mut doc = html::document_from_html(path, &decoded.text)?;
        doc.encoding = decoded.describe();
        return Ok(doc);
    }
    let mut doc = article::parse_article(path, &decoded.text, markdown);
    if doc.text.trim().is_empty() {
        return Err(InputError::new(
            path,
            "no article text left after removing headers and page chrome",
        ));
    }
    doc.encoding = decoded.describe();
    Ok(doc)
}

/// Give a document its report id, updating the evidence that names it.
pub fn assign_id(doc: &mut Document, id: &str) {
    doc.id = id.to_string();
    if let Some(e) = doc.published.evidence.as_mut() {
        e.doc = id.to_string();
    }
}

/// Documents read from a batch of inputs, and the inputs that were skipped.
#[derive(Debug, Default)]
pub struct Ingested {
    pub documents: Vec<Document>,
    pub errors: Vec<InputError>,
}

/// Read every input in order (containers record by record, as [`read_documents`]
/// does); failures are collected, never fatal. Ids are assigned in input order
/// (`d1`, `d2`, ...) to the documents that were read.
pub fn ingest<P: AsRef<std::path::Path>>(paths: &[P], max_bytes: u64) -> Ingested {
    let (sources, mut errors) = collect_inputs(paths);
    let mut documents = Vec::new();
    for source in &sources {
        read_documents(source, max_bytes, &mut |r| match r {
            Ok(mut doc) => {
                assign_id(&mut doc, &storyline_model::doc_id(documents.len()));
                documents.push(doc);
            }
            Err(e) => errors.push(e),
        });
    }
    Ingested { documents, errors }
}

/// Called with the number of bytes read from an input file so far (compressed bytes
/// for `.gz`), for progress bars over large containers.
pub type Progress = dyn Fn(u64) + Send + Sync;

/// A reader that reports how many bytes have passed through it.
struct Counting<'a, R> {
    inner: R,
    read: u64,
    progress: Option<&'a Progress>,
}

impl<R: std::io::Read> std::io::Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if let Some(p) = self.progress {
            p(self.read);
        }
        Ok(n)
    }
}

/// Open a file for streaming, decompressing `.gz` (multi-member) on the fly.
pub fn open_stream<'a>(
    path: &std::path::Path,
    progress: Option<&'a Progress>,
) -> Result<Box<dyn std::io::BufRead + 'a>, InputError> {
    use std::io::BufReader;
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| InputError::new(&name, e.to_string()))?;
    let counted = Counting {
        inner: file,
        read: 0,
        progress,
    };
    Ok(if name.to_lowercase().ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(counted)))
    } else {
        Box::new(BufReader::with_capacity(256 * 1024, counted))
    })
}

/// How an input file is read: one article, or a container of many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// One article: text, Markdown or HTML.
    Article,
    /// JSON Lines, one record per line (`.jsonl`, `.ndjson`, optionally `.gz`).
    JsonLines,
    /// A WARC archive (`.warc`, `.warc.gz`).
    Warc,
    /// An RSS or Atom feed (`.rss`, `.atom`, `.xml` that is a feed).
    Feed,
}

/// The kind of an input, from its name.
pub fn input_kind(source: &InputSource) -> InputKind {
    let InputSource::File(path) = source else {
        return InputKind::Article;
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        InputKind::JsonLines
    } else if name.ends_with(".warc") {
        InputKind::Warc
    } else if name.ends_with(".rss") || name.ends_with(".atom") || name.ends_with(".xml") {
        InputKind::Feed
    } else {
        InputKind::Article
    }
}

/// Read every document of one input and hand each (or the reason it failed) to
/// `sink`, streaming: a multi-gigabyte JSON Lines or WARC file is read record by
/// record. Articles are limited to `max_bytes`; containers are not (their records are
/// capped by their readers).
pub fn read_documents(
    source: &InputSource,
    max_bytes: u64,
    sink: &mut dyn FnMut(Result<Document, InputError>),
) {
    read_documents_with_progress(source, max_bytes, None, sink)
}

/// [`read_documents`], reporting bytes read from container files to `progress`.
pub fn read_documents_with_progress(
    source: &InputSource,
    max_bytes: u64,
    progress: Option<&Progress>,
    sink: &mut dyn FnMut(Result<Document, InputError>),
) {
    let kind = input_kind(source);
    let InputSource::File(path) = source else {
        sink(read_input(source, max_bytes).and_then(|b| document_from_bytes("-", &b)));
        return;
    };
    let shown = source.display();
    match kind {
        InputKind::Article => {
            sink(read_input(source, max_bytes).and_then(|b| document_from_bytes(&shown, &b)))
        }
        InputKind::JsonLines => match open_stream(path, progress) {
            Ok(reader) => jsonl::JsonlReader::new(reader, &shown).for_each(&mut *sink),
            Err(e) => sink(Err(e)),
        },
        InputKind::Warc => match open_stream(path, progress) {
            Ok(reader) => {
                for rec in warc::WarcReader::new(reader, &shown) {
                    match rec.map(|r| warc::document_from_record(&r)) {
                        Ok(Some(r)) => sink(r),
                        Ok(None) => {}
                        Err(e) => sink(Err(e)),
                    }
                }
            }
            Err(e) => sink(Err(e)),
        },
        InputKind::Feed => {
            let bytes = match read_input(source, max_bytes) {
                Ok(b) => b,
                Err(e) => return sink(Err(e)),
            };
            match feeds::read_feed(bytes.as_slice(), &shown) {
                Ok(items) => {
                    for d in feeds::documents_from_feed(&items, &shown, 200) {
                        sink(Ok(d));
                    }
                }
                Err(e) => sink(Err(e)),
            }
        }
    }
}
