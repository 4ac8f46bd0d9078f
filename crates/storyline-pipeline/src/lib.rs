//! storyline-pipeline: runs the stages in order. Per-document analysis is a pure
//! function `Document -> DocAnalysis` run in parallel (rayon; order is preserved, so
//! output is deterministic); cross-source linking then builds the `Report` from all
//! analyses. The CLI, the store and the server all call this one entry point, so
//! every consumer renders the same report.

mod story;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use storyline_entities::{DocEntities, NerSpan};
use storyline_ingest::dedup;
use storyline_model::{
    Claim, DocStats, Document, Entity, Related, Relation, Report, Skipped, SkippedStage, Source,
    Sourcing, Span,
};

/// Estimated Jaccard similarity (word 5-gram shingles) at which two documents are
/// copies of one text, and at which one is a rewrite of the other. Unrelated articles
/// on one story share almost no 5-grams (< 0.05); a light rewrite keeps about a fifth.
const DUPLICATE_AT: f64 = 0.8;
const REWRITE_AT: f64 = 0.15;
/// Up to this many documents every pair is compared; above it LSH proposes pairs.
const ALL_PAIRS_UP_TO: usize = 2000;

/// Version of the `DocAnalysis` shape; stored analyses of another version are
/// recomputed from their document instead of being trusted.
pub const ANALYSIS_VERSION: u32 = 6;

/// What per-document analysis produces for one document. Serialisable, so that it
/// can be stored (incremental updates) and streamed (`map`/`reduce`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocAnalysis {
    pub document: Document,
    /// Sentence spans into `document.text`.
    pub sentences: Vec<Span>,
    /// Named-entity mentions found by the NER model (resolved across documents when
    /// the report is built).
    #[serde(default)]
    pub entity_mentions: Vec<NerSpan>,
    /// Attributed statements in this document (ids are renumbered in the report).
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// MinHash signature of the text, for duplicate and rewrite detection.
    #[serde(default)]
    pub minhash: Vec<u64>,
}

/// Time expressions, resolved against the document's own date; an undated document
/// first gets a publication date inferred from its content (`basis: content`).
fn tag_times(document: &mut Document) {
    if document.published.value.earliest.is_none() {
        let (inferred, times) = storyline_time::tag_undated(&document.id, &document.text);
        if let Some(p) = inferred {
            document.published = p;
        }
        document.times = times;
    } else {
        let anchor = storyline_time::Anchor::from_time_value(&document.published.value);
        document.times = storyline_time::tag(&document.text, &anchor);
    }
}

/// The stages that read English only.
const ENGLISH_ONLY_STAGES: [&str; 3] = ["times", "entities", "claims"];

/// Whether the English-only stages run on a document: unless its text itself is
/// long enough to tell and is plainly not English, they do. A label alone (a
/// page's `lang`, a detector's guess on a two-line brief, "Language: English")
/// never turns them off: the cost of skipping an English article is a hole in the
/// storyline, the cost of reading a foreign one is a few misreadings.
fn reads_english(language: &str, text: &str) -> bool {
    let l = language.trim().to_ascii_lowercase();
    if l.is_empty() || matches!(l.as_str(), "und" | "en" | "eng" | "english") {
        return true;
    }
    if l.starts_with("en-") || l.starts_with("en_") {
        return true;
    }
    // the ingest's own measure: English runs 15-25% function words, other
    // languages a few percent
    let (words, share) = storyline_ingest::article::english_share(text, 400);
    words < 40 || share >= 0.08
}

/// Claims of one document; a claim whose cue carries a time expression ("said on
/// Tuesday") is dated by it, others by the document's date.
fn extract_claims(document: &Document) -> Vec<Claim> {
    let text = &document.text;
    let mut claims = Vec::new();
    for att in storyline_claims::extract(text) {
        let date = att
            .time
            .and_then(|t| {
                document
                    .times
                    .iter()
                    .find(|m| Span::new(m.start, m.end).overlaps(t))
            })
            .filter(|m| m.value.earliest.is_some())
            .map(|m| m.value.clone())
            .unwrap_or_else(|| document.published.value.clone());
        claims.extend(storyline_claims::to_claims(
            &document.id,
            text,
            std::slice::from_ref(&att),
            &date,
            claims.len(),
        ));
    }
    claims
}

/// Analyse one document: time expressions (and an inferred date when it has none),
/// segmentation and counts, and claims. Pure: no I/O, no shared state.
pub fn analyze_document(mut document: Document) -> DocAnalysis {
    // the time, entity and claims stages read English; on another language they
    // would make things up, so they stand aside and say so
    let english = reads_english(&document.language, &document.text);
    let (entity_mentions, claims) = if english {
        tag_times(&mut document);
        let mentions = storyline_entities::extract(&document.id, &document.text).mentions;
        let claims = extract_claims(&document);
        (mentions, claims)
    } else {
        document.skipped = ENGLISH_ONLY_STAGES
            .iter()
            .map(|stage| SkippedStage {
                stage: (*stage).to_string(),
                reason: format!(
                    "English-only stage; the document's language is {}",
                    document.language
                ),
            })
            .collect();
        (Vec::new(), Vec::new())
    };
    let text = &document.text;
    let sentences = storyline_text::sentences(text);
    document.stats = Some(DocStats {
        bytes: text.len(),
        words: storyline_text::word_count(text),
        sentences: sentences.len(),
        paragraphs: storyline_text::paragraphs(text).len(),
    });
    let minhash = dedup::signature(&document.text);
    DocAnalysis {
        document,
        sentences,
        entity_mentions,
        claims,
        minhash,
    }
}

/// Mark duplicates and rewrites in `related`, both ways.
fn link_related(analyses: &mut [DocAnalysis]) {
    let n = analyses.len();
    let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
    if n <= ALL_PAIRS_UP_TO {
        for i in 0..n {
            for j in i + 1..n {
                let s = dedup::similarity(&analyses[i].minhash, &analyses[j].minhash);
                if s >= REWRITE_AT {
                    pairs.push((i, j, s));
                }
            }
        }
    } else {
        let texts: Vec<&str> = analyses.iter().map(|a| a.document.text.as_str()).collect();
        pairs = dedup::near_duplicates(&texts, REWRITE_AT);
    }
    for (i, j, s) in pairs {
        let relation = if s >= DUPLICATE_AT {
            Relation::Duplicate
        } else {
            Relation::Rewrite
        };
        let similarity = Some((s * 1000.0).round() / 1000.0);
        for (a, b) in [(i, j), (j, i)] {
            let doc = analyses[b].document.id.clone();
            analyses[a].document.related.push(Related {
                doc,
                relation,
                similarity,
            });
        }
    }
}

/// Each document's related articles, most similar first (then by id).
fn sort_related(analyses: &mut [DocAnalysis]) {
    for a in analyses.iter_mut() {
        a.document.related.sort_by(|x, y| {
            y.similarity
                .partial_cmp(&x.similarity)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| x.doc.cmp(&y.doc))
        });
    }
}

/// Lookup from the words of a report to its entities, for linking claims.
struct EntityIndex<'a> {
    entities: &'a [Entity],
    /// Lowercased names and aliases to entity index.
    names: BTreeMap<String, usize>,
    /// Per document: (span, entity index, lowercased text) of every mention, in
    /// entity order then mention order, so a claim looks only at its own document.
    mentions: BTreeMap<&'a str, Vec<(Span, usize, String)>>,
}

impl<'a> EntityIndex<'a> {
    fn new(entities: &'a [Entity]) -> Self {
        let mut names = BTreeMap::new();
        let mut mentions: BTreeMap<&'a str, Vec<(Span, usize, String)>> = BTreeMap::new();
        for (i, e) in entities.iter().enumerate() {
            for n in std::iter::once(&e.name).chain(e.aliases.iter()) {
                names.entry(n.to_lowercase()).or_insert(i);
            }
            for m in &e.mentions {
                mentions.entry(m.doc.as_str()).or_default().push((
                    m.span(),
                    i,
                    m.text.to_lowercase(),
                ));
            }
        }
        EntityIndex {
            entities,
            names,
            mentions,
        }
    }

    /// The entity mentioned inside `within` of `doc` whose words appear in `phrase`
    /// (longest first), else the entity whose longest name occurs in `phrase` as words.
    fn find(&self, doc: &str, within: Span, phrase: &str) -> Option<&'a str> {
        let lower = phrase.to_lowercase();
        let mut best: Option<(usize, usize)> = None;
        for (span, i, text) in self.mentions.get(doc).into_iter().flatten() {
            if within.contains(*span)
                && contains_words(&lower, text)
                && best.is_none_or(|(_, len)| span.len() > len)
            {
                best = Some((*i, span.len()));
            }
        }
        if best.is_none() {
            for (name, &i) in &self.names {
                if contains_words(&lower, name) && best.is_none_or(|(_, len)| name.len() > len) {
                    best = Some((i, name.len()));
                }
            }
        }
        best.map(|(i, _)| self.entities[i].id.as_str())
    }

    fn exact(&self, phrase: &str) -> Option<&'a str> {
        self.names
            .get(&phrase.to_lowercase())
            .map(|&i| self.entities[i].id.as_str())
    }
}

/// Whether `needle` occurs in `hay` on word boundaries.
fn contains_words(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Point claims at entities: the named speaker, the speaker's affiliation, and the
/// entities the claim is about. Texts that match no entity are left unlinked.
fn link_claims(claims: &mut [Claim], entities: &[Entity]) {
    let index = EntityIndex::new(entities);
    for c in claims {
        let within = c.evidence.span();
        if !c.speaker.anonymous {
            c.speaker.entity = index
                .find(&c.doc, within, &c.speaker.text)
                .map(str::to_string);
        }
        c.speaker.affiliation = c
            .speaker
            .affiliation
            .as_deref()
            .and_then(|a| index.exact(a).or_else(|| index.find(&c.doc, within, a)))
            .map(str::to_string);
        let mut about: Vec<String> = Vec::new();
        for text in &c.about {
            if let Some(id) = index.find(&c.doc, within, text) {
                if !about.iter().any(|a| a == id) && c.speaker.entity.as_deref() != Some(id) {
                    about.push(id.to_string());
                }
            }
        }
        c.about = about;
    }
}

/// Cross-source linking: one source per outlet (documents in report order), then the
/// report. Documents keep the order they were given in.
pub fn build_report(mut analyses: Vec<DocAnalysis>, skipped: Vec<Skipped>) -> Report {
    let mut report = Report::new();
    for a in analyses.iter_mut() {
        a.document.related.clear();
    }
    link_related(&mut analyses);
    let per_doc: Vec<DocEntities> = analyses
        .iter()
        .map(|a| DocEntities {
            doc: a.document.id.clone(),
            text: a.document.text.clone(),
            mentions: a.entity_mentions.clone(),
        })
        .collect();
    report.entities = storyline_entities::resolve(&per_doc);
    story::link_same_story(&mut analyses, &report.entities);
    sort_related(&mut analyses);
    story::date_from_story(&mut analyses);
    story::date_days_from_story(&mut analyses);
    let mut by_outlet: BTreeMap<String, (Vec<String>, Sourcing)> = BTreeMap::new();
    for a in &analyses {
        if let Some(outlet) = &a.document.outlet {
            let entry = by_outlet.entry(outlet.clone()).or_default();
            entry.0.push(a.document.id.clone());
            for c in &a.claims {
                if c.speaker.anonymous {
                    entry.1.anonymous += 1;
                } else {
                    entry.1.named += 1;
                }
            }
        }
    }
    report.sources = by_outlet
        .into_iter()
        .map(|(name, (documents, sourcing))| Source {
            name,
            documents,
            framing: Vec::new(),
            sourcing,
        })
        .collect();
    // Claim ids are unique across the report, in document order.
    for a in &analyses {
        for c in &a.claims {
            let mut c = c.clone();
            c.id = format!("c{}", report.claims.len() + 1);
            report.claims.push(c);
        }
    }
    link_claims(&mut report.claims, &report.entities);
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
pub(crate) mod tests {
    use super::*;
    use storyline_model::Published;

    pub(crate) fn doc(id: &str, outlet: Option<&str>, text: &str) -> Document {
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
            skipped: Vec::new(),
        }
    }

    #[test]
    fn english_only_stages_stand_aside_on_other_languages_and_say_so() {
        // a Portuguese article written for this test: a speaker, a cue-like colon,
        // a date; none of it may come out of the English stages
        let pt = "O prefeito Carlos Mendes disse na segunda-feira que a ponte será reaberta \
            em março, depois de dois anos de obras atrasadas. Moradores: estamos cansados de \
            esperar, afirmou Ana Souza, que vive perto do rio. A câmara municipal aprovou o \
            orçamento na semana passada, mas a oposição votou contra e pediu uma auditoria das \
            contas da obra, que custou o dobro do previsto.";
        let en = "Mayor Carlos Mendes said on Monday that the bridge would reopen in March.";
        let p2 = || {
            let mut p = doc("d1", None, pt);
            p.language = "pt".into();
            p
        };
        let mut e = doc("d2", None, en);
        e.language = "en-GB".into();
        let report = analyze(vec![p2(), e], vec![]);
        let d1 = &report.documents[0];
        assert!(d1.times.is_empty());
        let stages: Vec<&str> = d1.skipped.iter().map(|s| s.stage.as_str()).collect();
        assert_eq!(stages, ["times", "entities", "claims"]);
        assert!(d1.skipped[0].reason.contains("pt"));
        assert!(report.claims.iter().all(|c| c.doc != "d1"));
        assert!(report
            .entities
            .iter()
            .all(|x| x.mentions.iter().all(|m| m.doc != "d1")));
        // an English document (any region) is read as before, and so is a short
        // English brief that a detector or a page template mislabelled
        let mut brief = doc(
            "d3",
            None,
            "Halvard Mining plans to cut 600 jobs, sources said.",
        );
        brief.language = "fr".into();
        let mut e = doc("d2", None, en);
        e.language = "en-GB".into();
        let report = analyze(vec![p2(), e, brief], vec![]);
        assert!(report.documents[2].skipped.is_empty());
        assert!(report.claims.iter().any(|c| c.doc == "d3"));
        let d2 = &report.documents[1];
        assert!(d2.skipped.is_empty());
        assert!(report.claims.iter().any(|c| c.doc == "d2"));
        assert!(!d2.times.is_empty());
    }

    #[test]
    fn duplicates_and_rewrites_are_related_both_ways() {
        let original = "The river authority closed the northern locks on Monday after inspectors found cracks in two gates. \
            Barges were told to wait at the harbour until engineers finish repairs, which could take a week. \
            The authority said no one was hurt and that water levels upstream were being watched closely. \
            Shipping companies said the closure would cost them thousands of euros a day.";
        let rewrite = "The river authority shut the northern locks on Monday after inspectors found cracks in two gates. \
            Barges must wait at the harbour until engineers finish repairs, which could take a week, officials said. \
            The authority said no one was hurt and that water levels upstream were being watched closely. \
            Freight firms warned the shutdown would cost them heavily.";
        let other = "A new bakery opened in the old town square, drawing a queue that stretched past the church.";
        let docs = vec![
            doc("d1", None, original),
            doc("d2", None, original),
            doc("d3", None, rewrite),
            doc("d4", None, other),
        ];
        let report = analyze(docs, vec![]);
        let rel = |i: usize| -> Vec<(String, Relation)> {
            report.documents[i]
                .related
                .iter()
                .map(|r| (r.doc.clone(), r.relation))
                .collect()
        };
        assert_eq!(rel(0)[0], ("d2".to_string(), Relation::Duplicate));
        assert!(
            rel(0).contains(&("d3".to_string(), Relation::Rewrite)),
            "{:?}",
            rel(0)
        );
        assert!(rel(2).contains(&("d1".to_string(), Relation::Rewrite)));
        assert!(rel(3).is_empty());
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
