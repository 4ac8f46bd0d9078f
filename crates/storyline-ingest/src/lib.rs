//! storyline-ingest: turns input bytes into [`Document`]s, the first stage of the
//! pipeline. It finds inputs (files, folders, standard input), decodes them (UTF-8,
//! UTF-16 and Windows-1252-style encodings, refusing binary and corrupt files with a
//! reason), splits header from body, cleans the body while recording every dropped
//! piece in `removed`, and reads title, authors, outlet, dateline and publication date
//! with the basis each rests on.
//!
//! Every function here is a pure function of its input bytes, except the input
//! walking in [`inputs`]. Errors name the input and the reason; nothing panics on
//! user input.

pub mod article;
pub mod dates;
pub mod decode;
pub mod inputs;
mod lexicon;

pub use inputs::{collect_inputs, read_input, InputError, InputSource};
use storyline_model::Document;

/// Default size limit for one input (50 MB).
pub const DEFAULT_MAX_BYTES: u64 = 50 * 1000 * 1000;

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(200)
        .collect::<String>()
        .to_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
}

/// Decode and parse one article. `path` is used for messages, for the report's
/// `path`, and to recognise Markdown (`.md`, `.markdown`).
pub fn document_from_bytes(path: &str, bytes: &[u8]) -> Result<Document, InputError> {
    let decoded = decode::decode(bytes).map_err(|e| InputError::new(path, e.to_string()))?;
    if looks_like_html(&decoded.text) {
        return Err(InputError::new(
            path,
            "HTML page: this version reads text and Markdown articles only (paste the article text, or save it as .txt)",
        ));
    }
    let lower = path.to_lowercase();
    let markdown = lower.ends_with(".md") || lower.ends_with(".markdown");
    let mut doc = article::parse_article(path, &decoded.text, markdown);
    if doc.text.trim().is_empty() {
        return Err(InputError::new(
            path,
            "no article text left after removing headers and page chrome",
        ));
    }
    doc.encoding = decoded.encoding.map(str::to_string);
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

/// Read every input in order; failures are collected, never fatal. Ids are assigned
/// in input order (`d1`, `d2`, ...) to the documents that were read.
pub fn ingest<P: AsRef<std::path::Path>>(paths: &[P], max_bytes: u64) -> Ingested {
    let (sources, mut errors) = collect_inputs(paths);
    let mut documents = Vec::new();
    for source in &sources {
        let result = read_input(source, max_bytes)
            .and_then(|bytes| document_from_bytes(&source.display(), &bytes));
        match result {
            Ok(mut doc) => {
                assign_id(&mut doc, &storyline_model::doc_id(documents.len()));
                documents.push(doc);
            }
            Err(e) => errors.push(e),
        }
    }
    Ingested { documents, errors }
}
