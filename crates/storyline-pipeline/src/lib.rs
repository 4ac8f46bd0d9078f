//! storyline-pipeline: runs the stages in order. Per-document analysis is a pure
//! function `Document -> DocAnalysis` run in parallel (rayon; order is preserved, so
//! output is deterministic); cross-source linking then builds the `Report` from all
//! analyses. The CLI, the store and the server all call this one entry point, so
//! every consumer renders the same report.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use storyline_model::{DocStats, Document, Report, Skipped, Source, Sourcing, Span};

/// Version of the `DocAnalysis` shape; stored analyses of another version are
/// recomputed from their document instead of being trusted.
pub const ANALYSIS_VERSION: u32 = 1;

/// What per-document analysis produces for one document. Serialisable, so that it
/// can be stored (incremental updates) and streamed (`map`/`reduce`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocAnalysis {
    pub document: Document,
    /// Sentence spans into `document.text`.
    pub sentences: Vec<Span>,
}

/// Analyse one document: segmentation and counts (later stages add time expressions,
/// entities, claims, events and figures here). Pure: no I/O, no shared state.
pub fn analyze_document(mut document: Document) -> DocAnalysis {
    let text = &document.text;
    let sentences = storyline_text::sentences(text);
    document.stats = Some(DocStats {
        bytes: text.len(),
        words: storyline_text::word_count(text),
        sentences: sentences.len(),
        paragraphs: storyline_text::paragraphs(text).len(),
    });
    DocAnalysis {
        document,
        sentences,
    }
}

/// Cross-source linking: one source per outlet (documents in report order), then the
/// report. Documents keep the order they were given in.
pub fn build_report(analyses: Vec<DocAnalysis>, skipped: Vec<Skipped>) -> Report {
    let mut report = Report::new();
    let mut by_outlet: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for a in &analyses {
        if let Some(outlet) = &a.document.outlet {
            by_outlet
                .entry(outlet.clone())
                .or_default()
                .push(a.document.id.clone());
        }
    }
    report.sources = by_outlet
        .into_iter()
        .map(|(name, documents)| Source {
            name,
            documents,
            framing: Vec::new(),
            sourcing: Sourcing::default(),
        })
        .collect();
    report.documents = analyses.into_iter().map(|a| a.document).collect();
    report.skipped = skipped;
    report
}

/// The whole pipeline after ingest: analyse every document in parallel, then link.
pub fn analyze(documents: Vec<Document>, skipped: Vec<Skipped>) -> Report {
    let analyses: Vec<DocAnalysis> = documents.into_par_iter().map(analyze_document).collect();
    build_report(analyses, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_model::Published;

    fn doc(id: &str, outlet: Option<&str>, text: &str) -> Document {
        Document {
            id: id.into(),
            path: format!("{id}.txt"),
            text: text.into(),
            title: None,
            outlet: outlet.map(Into::into),
            authors: vec![],
            dateline: None,
            language: "en".into(),
            published: Published::unknown(),
            removed: vec![],
            times: vec![],
            related: vec![],
            contributors: vec![],
            header: vec![],
            encoding: None,
            stats: None,
        }
    }

    #[test]
    fn stats_and_sources() {
        let docs = vec![
            doc(
                "d1",
                Some("Harbor Ledger"),
                "The river rose. Crews worked all night.",
            ),
            doc("d2", None, "Nobody was hurt."),
            doc(
                "d3",
                Some("Harbor Ledger"),
                "Schools stayed shut.\n\nRoads reopened.",
            ),
        ];
        let report = analyze(docs, vec![]);
        let ids: Vec<&str> = report.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["d1", "d2", "d3"]);
        let s = report.documents[0].stats.unwrap();
        assert_eq!((s.words, s.sentences, s.paragraphs), (7, 2, 1));
        assert_eq!(report.documents[2].stats.unwrap().paragraphs, 2);
        assert_eq!(report.sources.len(), 1);
        assert_eq!(report.sources[0].documents, ["d1", "d3"]);
    }
}
