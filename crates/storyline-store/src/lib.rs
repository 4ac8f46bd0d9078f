//! storyline-store: persistence of storyline reports in SQLite (embedded default,
//! bundled library, FTS5 full-text search) or PostgreSQL, with one schema and
//! migrations for both.
//!
//! What is stored: every document with its per-document analysis (so adding
//! articles later re-analyses only the new ones and re-links the whole set), and
//! every object of the report (entities and their mentions, events, claims, figures,
//! conflicts, timeline, sources) both as queryable columns and as the exact JSON the
//! report holds, so `export` gives back the same report. Each save is one
//! transaction: an interrupted update leaves the previous state intact.

mod backend;
mod schema;

use backend::{Conn, Value};
use serde::Serialize;
use std::collections::BTreeMap;
use storyline_model::{Document, Report, Skipped};
use storyline_pipeline::{DocAnalysis, ANALYSIS_VERSION};

/// A store error, with what was being done.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] postgres::Error),
    #[error("stored JSON is unreadable: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{0}")]
    Other(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// A full-text search hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub doc: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// A short excerpt around the first match, plain text.
    pub snippet: String,
    /// Byte spans of the matched terms in the document text.
    pub matches: Vec<[usize; 2]>,
}

/// A report store: SQLite file or PostgreSQL database.
pub struct Store {
    conn: Conn,
}

impl Store {
    /// Open (creating if needed) and migrate. `target` is a PostgreSQL URL
    /// (`postgres://...` or `postgresql://...`) or a SQLite file path.
    pub fn open(target: &str) -> Result<Store> {
        let conn = if target.starts_with("postgres://") || target.starts_with("postgresql://") {
            Conn::postgres(target)?
        } else {
            Conn::sqlite(target)?
        };
        let mut store = Store { conn };
        store.migrate()?;
        Ok(store)
    }

    /// Which backend this is: `sqlite` or `postgres`.
    pub fn backend(&self) -> &'static str {
        self.conn.name()
    }

    fn migrate(&mut self) -> Result<()> {
        schema::migrate(&mut self.conn)
    }

    /// The schema version the store is at.
    pub fn schema_version(&mut self) -> Result<i64> {
        schema::current_version(&mut self.conn)
    }

    /// Stored per-document analyses in document order. Analyses written by another
    /// version of the analysis are recomputed from their stored document.
    pub fn analyses(&mut self) -> Result<Vec<DocAnalysis>> {
        let rows = self.conn.query(
            "SELECT analysis_version, analysis, json FROM documents ORDER BY seq",
            &[],
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let version = row[0].as_int().unwrap_or(0);
            let analysis = row[1].as_text().unwrap_or_default();
            if version == ANALYSIS_VERSION as i64 {
                if let Ok(a) = serde_json::from_str::<DocAnalysis>(analysis) {
                    out.push(a);
                    continue;
                }
            }
            let doc: Document = serde_json::from_str(row[2].as_text().unwrap_or_default())?;
            out.push(storyline_pipeline::analyze_document(doc));
        }
        Ok(out)
    }

    /// Replace the stored report with `report`, keeping `analyses` (one per document,
    /// same order) for later incremental updates. One transaction.
    pub fn save(&mut self, report: &Report, analyses: &[DocAnalysis]) -> Result<()> {
        if analyses.len() != report.documents.len() {
            return Err(StoreError::Other(format!(
                "{} analyses for {} documents",
                analyses.len(),
                report.documents.len()
            )));
        }
        let mut tx = self.conn.transaction()?;
        for table in schema::REPORT_TABLES {
            tx.exec(&format!("DELETE FROM {table}"), &[])?;
        }
        for (seq, (doc, analysis)) in report.documents.iter().zip(analyses).enumerate() {
            let p = &doc.published;
            tx.exec(
                "INSERT INTO documents (seq, id, path, title, outlet, dateline, language, \
                 published_value, published_earliest, published_latest, published_basis, text, \
                 analysis_version, analysis, json) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
                &[
                    Value::Int(seq as i64),
                    Value::text(&doc.id),
                    Value::text(&doc.path),
                    Value::opt(doc.title.as_deref()),
                    Value::opt(doc.outlet.as_deref()),
                    Value::opt(doc.dateline.as_deref()),
                    Value::text(&doc.language),
                    Value::text(&p.value.value),
                    Value::opt(p.value.earliest.map(|d| d.to_string()).as_deref()),
                    Value::opt(p.value.latest.map(|d| d.to_string()).as_deref()),
                    Value::Text(json_str(&p.basis)?),
                    Value::text(&doc.text),
                    Value::Int(ANALYSIS_VERSION as i64),
                    Value::Text(serde_json::to_string(analysis)?),
                    Value::Text(serde_json::to_string(doc)?),
                ],
            )?;
        }
        for (seq, e) in report.entities.iter().enumerate() {
            tx.exec(
                "INSERT INTO entities (seq, id, name, type, code, role, country, json) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                &[
                    Value::Int(seq as i64),
                    Value::text(&e.id),
                    Value::text(&e.name),
                    Value::Text(json_str(&e.kind)?),
                    Value::opt(e.code.as_deref()),
                    Value::opt(e.role.as_deref()),
                    Value::opt(e.country.as_deref()),
                    Value::Text(serde_json::to_string(e)?),
                ],
            )?;
            for m in &e.mentions {
                insert_evidence(&mut tx, "entity", &e.id, m)?;
            }
        }
        for (seq, ev) in report.events.iter().enumerate() {
            tx.exec(
                "INSERT INTO events (seq, id, summary, plover, source_actor, target_actor, \
                 date_value, date_earliest, date_latest, status, corroboration, json) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                &[
                    Value::Int(seq as i64),
                    Value::text(&ev.id),
                    Value::text(&ev.summary),
                    Value::Text(json_str(&ev.kind.plover)?),
                    Value::opt(ev.actors.source.as_deref()),
                    Value::opt(ev.actors.target.as_deref()),
                    Value::text(&ev.date.value),
                    Value::opt(ev.date.earliest.map(|d| d.to_string()).as_deref()),
                    Value::opt(ev.date.latest.map(|d| d.to_string()).as_deref()),
                    Value::Text(json_str(&ev.status)?),
                    Value::Int(i64::from(ev.corroboration)),
                    Value::Text(serde_json::to_string(ev)?),
                ],
            )?;
            for m in &ev.mentions {
                insert_evidence(&mut tx, "event", &ev.id, m)?;
            }
        }
        for (seq, c) in report.claims.iter().enumerate() {
            tx.exec(
                "INSERT INTO claims (seq, id, doc, speaker_text, speaker_entity, anonymous, \
                 stance, cue, content, direct, date_value, json) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                &[
                    Value::Int(seq as i64),
                    Value::text(&c.id),
                    Value::text(&c.doc),
                    Value::text(&c.speaker.text),
                    Value::opt(c.speaker.entity.as_deref()),
                    Value::Int(i64::from(c.speaker.anonymous)),
                    Value::Text(json_str(&c.stance)?),
                    Value::text(&c.cue),
                    Value::text(&c.content),
                    Value::Int(i64::from(c.direct)),
                    Value::text(&c.date.value),
                    Value::Text(serde_json::to_string(c)?),
                ],
            )?;
            insert_evidence(&mut tx, "claim", &c.id, &c.evidence)?;
        }
        for (seq, f) in report.figures.iter().enumerate() {
            tx.exec(
                "INSERT INTO figures (seq, id, quantity, value, qualifier, as_of_value, json) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                &[
                    Value::Int(seq as i64),
                    Value::text(&f.id),
                    Value::text(&f.quantity),
                    Value::Real(f.value),
                    Value::Text(json_str(&f.qualifier)?),
                    Value::text(&f.as_of.value),
                    Value::Text(serde_json::to_string(f)?),
                ],
            )?;
            insert_evidence(&mut tx, "figure", &f.id, &f.evidence)?;
        }
        for (seq, c) in report.conflicts.iter().enumerate() {
            tx.exec(
                "INSERT INTO conflicts (seq, id, kind, explanation, json) VALUES ($1, $2, $3, $4, $5)",
                &[
                    Value::Int(seq as i64),
                    Value::text(&c.id),
                    Value::Text(json_str(&c.kind)?),
                    Value::text(&c.explanation),
                    Value::Text(serde_json::to_string(c)?),
                ],
            )?;
        }
        for (seq, t) in report.timeline.iter().enumerate() {
            tx.exec(
                "INSERT INTO timeline (seq, date_value, headline, json) VALUES ($1, $2, $3, $4)",
                &[
                    Value::Int(seq as i64),
                    Value::text(&t.date.value),
                    Value::text(&t.headline),
                    Value::Text(serde_json::to_string(t)?),
                ],
            )?;
        }
        for (seq, s) in report.sources.iter().enumerate() {
            tx.exec(
                "INSERT INTO sources (seq, name, named, anonymous, json) VALUES ($1, $2, $3, $4, $5)",
                &[
                    Value::Int(seq as i64),
                    Value::text(&s.name),
                    Value::Int(i64::from(s.sourcing.named)),
                    Value::Int(i64::from(s.sourcing.anonymous)),
                    Value::Text(serde_json::to_string(s)?),
                ],
            )?;
        }
        for (seq, s) in report.skipped.iter().enumerate() {
            tx.exec(
                "INSERT INTO skipped (seq, path, reason) VALUES ($1, $2, $3)",
                &[
                    Value::Int(seq as i64),
                    Value::text(&s.path),
                    Value::text(&s.reason),
                ],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The stored report, exactly as it was saved.
    pub fn report(&mut self) -> Result<Report> {
        let mut report = Report::new();
        report.documents = self.load_json("documents")?;
        report.entities = self.load_json("entities")?;
        report.events = self.load_json("events")?;
        report.claims = self.load_json("claims")?;
        report.figures = self.load_json("figures")?;
        report.conflicts = self.load_json("conflicts")?;
        report.timeline = self.load_json("timeline")?;
        report.sources = self.load_json("sources")?;
        report.skipped = self
            .conn
            .query("SELECT path, reason FROM skipped ORDER BY seq", &[])?
            .into_iter()
            .map(|r| Skipped {
                path: r[0].as_text().unwrap_or_default().to_string(),
                reason: r[1].as_text().unwrap_or_default().to_string(),
            })
            .collect();
        Ok(report)
    }

    fn load_json<T: serde::de::DeserializeOwned>(&mut self, table: &str) -> Result<Vec<T>> {
        let rows = self
            .conn
            .query(&format!("SELECT json FROM {table} ORDER BY seq"), &[])?;
        rows.iter()
            .map(|r| Ok(serde_json::from_str(r[0].as_text().unwrap_or_default())?))
            .collect()
    }

    /// Add documents: stored documents keep their analyses, documents with a path
    /// already stored replace that one (keeping its id), new ones get the next ids;
    /// only new or changed documents are analysed, then the whole set is re-linked and
    /// saved in one transaction. Returns the new report.
    pub fn add_documents(
        &mut self,
        documents: Vec<Document>,
        skipped: Vec<Skipped>,
    ) -> Result<Report> {
        let mut analyses = self.analyses()?;
        let mut by_path: BTreeMap<String, usize> = analyses
            .iter()
            .enumerate()
            .map(|(i, a)| (a.document.path.clone(), i))
            .collect();
        let mut fresh: Vec<(Option<usize>, Document)> = Vec::new();
        for doc in documents {
            match by_path.get(&doc.path) {
                Some(&i) if analyses[i].document.text == doc.text => {}
                Some(&i) => fresh.push((Some(i), doc)),
                None => {
                    by_path.insert(doc.path.clone(), usize::MAX);
                    fresh.push((None, doc));
                }
            }
        }
        let mut next = analyses.len();
        for (slot, mut doc) in fresh {
            let id = match slot {
                Some(i) => analyses[i].document.id.clone(),
                None => {
                    next += 1;
                    format!("d{next}")
                }
            };
            doc.id = id.clone();
            if let Some(e) = doc.published.evidence.as_mut() {
                e.doc = id;
            }
            let analysis = storyline_pipeline::analyze_document(doc);
            match slot {
                Some(i) => analyses[i] = analysis,
                None => analyses.push(analysis),
            }
        }
        let report = storyline_pipeline::build_report(analyses.clone(), skipped);
        self.save(&report, &analyses)?;
        Ok(report)
    }

    /// Full-text search over titles and cleaned texts. Terms are matched as words
    /// (the query language of the backend is not exposed, so any input is safe).
    pub fn search(&mut self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let terms: Vec<String> = query
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .take(16)
            .map(str::to_lowercase)
            .collect();
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<String> = match &mut self.conn {
            Conn::Sqlite(_) => {
                let fts = terms
                    .iter()
                    .map(|t| format!("\"{t}\""))
                    .collect::<Vec<_>>()
                    .join(" ");
                self.conn
                    .query(
                        "SELECT d.id FROM documents_fts f JOIN documents d ON d.seq = f.rowid \
                         WHERE documents_fts MATCH $1 ORDER BY bm25(documents_fts), d.seq LIMIT $2",
                        &[Value::Text(fts), Value::Int(limit as i64)],
                    )?
                    .into_iter()
                    .filter_map(|r| r[0].as_text().map(str::to_string))
                    .collect()
            }
            Conn::Postgres(_) => self
                .conn
                .query(
                    "SELECT id FROM documents \
                     WHERE to_tsvector('simple', coalesce(title, '') || ' ' || text) @@ plainto_tsquery('simple', $1) \
                     ORDER BY ts_rank(to_tsvector('simple', coalesce(title, '') || ' ' || text), plainto_tsquery('simple', $1)) DESC, seq \
                     LIMIT $2",
                    &[Value::Text(terms.join(" ")), Value::Int(limit as i64)],
                )?
                .into_iter()
                .filter_map(|r| r[0].as_text().map(str::to_string))
                .collect(),
        };
        let mut hits = Vec::new();
        for id in ids {
            let rows = self.conn.query(
                "SELECT title, outlet, text FROM documents WHERE id = $1",
                &[Value::Text(id.clone())],
            )?;
            let Some(row) = rows.first() else { continue };
            let text = row[2].as_text().unwrap_or_default();
            let matches = find_terms(text, &terms);
            hits.push(SearchHit {
                doc: id,
                title: row[0].as_text().map(str::to_string),
                outlet: row[1].as_text().map(str::to_string),
                snippet: snippet(text, matches.first().copied()),
                matches,
            });
        }
        Ok(hits)
    }
}

fn json_str<T: Serialize>(v: &T) -> Result<String> {
    let s = serde_json::to_string(v)?;
    Ok(s.trim_matches('"').to_string())
}

fn insert_evidence(
    tx: &mut backend::Tx<'_>,
    owner_kind: &str,
    owner: &str,
    e: &storyline_model::Evidence,
) -> Result<()> {
    tx.exec(
        "INSERT INTO evidence (owner_kind, owner_id, doc, start_byte, end_byte, text) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            Value::text(owner_kind),
            Value::text(owner),
            Value::text(&e.doc),
            Value::Int(e.start as i64),
            Value::Int(e.end as i64),
            Value::text(&e.text),
        ],
    )
}

/// Byte spans of whole-word, case-insensitive occurrences of `terms` in `text`.
fn find_terms(text: &str, terms: &[String]) -> Vec<[usize; 2]> {
    let mut out = Vec::new();
    let mut word_start = None;
    let push = |start: usize, end: usize, out: &mut Vec<[usize; 2]>| {
        let w = text[start..end].to_lowercase();
        if terms.contains(&w) {
            out.push([start, end]);
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            word_start.get_or_insert(i);
        } else if let Some(s) = word_start.take() {
            push(s, i, &mut out);
        }
    }
    if let Some(s) = word_start {
        push(s, text.len(), &mut out);
    }
    out
}

fn snippet(text: &str, at: Option<[usize; 2]>) -> String {
    let [start, end] = at.unwrap_or([0, 0]);
    let mut from = start.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + 120).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let mut s = text[from..to].replace('\n', " ");
    if from > 0 {
        s.insert(0, '…');
    }
    if to < text.len() {
        s.push('…');
    }
    s
}
