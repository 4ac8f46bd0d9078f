//! Store behaviour on both backends: exact round trip of a report, incremental
//! addition of articles, full-text search, migrations, and rollback of a failed
//! save. SQLite always runs; PostgreSQL runs when `STORYLINE_TEST_PG` holds a
//! connection URL (CI starts a server and sets it) and says so when it is not set.

use storyline_model::{Entity, EntityType, Evidence, Report};
use storyline_store::Store;

fn article(name: &str, text: &str) -> storyline_model::Document {
    storyline_ingest::document_from_bytes(name, text.as_bytes()).expect("test article parses")
}

fn corpus() -> Vec<storyline_model::Document> {
    vec![
        article(
            "a.txt",
            "Flood barrier approved\n\nBy Rosa Lind\n\nELMSTAD, Jan. 14, 2025 - The council voted on Tuesday to build a flood barrier along the river.\n",
        ),
        article(
            "b.txt",
            "Title: Barrier costs questioned\nOutlet: Valley Gazette\nDate: 2025-01-20\n\nAuditors said the barrier would cost twice the council's estimate.\n",
        ),
        article(
            "c.txt",
            "Ferry resumes\n\nThe island ferry sailed again on Monday after repairs to the pier, the operator said.\n",
        ),
    ]
}

/// A fresh, empty store per test on every available backend.
fn stores(test: &str) -> Vec<(Store, Option<tempfile::TempDir>)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.sqlite");
    let mut out = vec![(Store::open(path.to_str().unwrap()).unwrap(), Some(dir))];
    match std::env::var("STORYLINE_TEST_PG") {
        Ok(url) if !url.is_empty() => {
            let schema = format!("t_{test}");
            let mut admin = postgres::Client::connect(&url, postgres::NoTls)
                .expect("STORYLINE_TEST_PG server reachable");
            admin
                .batch_execute(&format!(
                    "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema};"
                ))
                .unwrap();
            let sep = if url.contains('?') { '&' } else { '?' };
            let scoped = format!("{url}{sep}options=-csearch_path%3D{schema}");
            out.push((Store::open(&scoped).unwrap(), None));
        }
        _ => eprintln!(
            "PostgreSQL store tests skipped: set STORYLINE_TEST_PG=postgres://... to run them"
        ),
    }
    out
}

fn with_entity(mut report: Report) -> Report {
    let doc = &report.documents[0];
    let start = doc.text.find("council").unwrap();
    let id = format!("e{}", report.entities.len() + 1);
    report.entities.push(Entity {
        id,
        name: "Elmstad council".into(),
        kind: EntityType::Org,
        aliases: vec!["council".into()],
        mentions: vec![Evidence::new(
            &doc.id,
            &doc.text,
            storyline_model::Span::new(start, start + 7),
        )
        .unwrap()],
        code: None,
        role: None,
        country: None,
        merges: vec![],
    });
    report
}

#[test]
fn report_round_trips_exactly() {
    for (mut store, _dir) in stores("roundtrip") {
        let report = store.add_documents(corpus(), vec![]).unwrap();
        let analyses = store.analyses().unwrap();
        let report = with_entity(report);
        store.save(&report, &analyses).unwrap();
        let back = store.report().unwrap();
        assert_eq!(back.to_json(), report.to_json(), "{}", store.backend());
        assert_eq!(store.schema_version().unwrap(), 1);
    }
}

#[test]
fn adding_articles_is_incremental_and_keeps_ids() {
    for (mut store, _dir) in stores("incremental") {
        let docs = corpus();
        let first = store.add_documents(docs[..2].to_vec(), vec![]).unwrap();
        assert_eq!(first.documents.len(), 2);
        let ids: Vec<String> = first.documents.iter().map(|d| d.id.clone()).collect();
        // The same two again (unchanged) plus a new one: ids stay, the new one is d3.
        let second = store.add_documents(docs.clone(), vec![]).unwrap();
        let ids2: Vec<&str> = second.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids2, [ids[0].as_str(), ids[1].as_str(), "d3"]);
        assert_eq!(second.documents[2].path, "c.txt");
        // A changed article at a known path replaces the stored one under its id.
        let changed = article(
            "b.txt",
            "Title: Barrier costs questioned again\nDate: 2025-01-21\n\nAuditors raised their estimate of the barrier's cost on Tuesday.\n",
        );
        let third = store.add_documents(vec![changed], vec![]).unwrap();
        assert_eq!(third.documents.len(), 3);
        assert_eq!(third.documents[1].id, "d2");
        assert_eq!(
            third.documents[1].title.as_deref(),
            Some("Barrier costs questioned again")
        );
        // Same result as analysing the final set in one go.
        assert_eq!(store.report().unwrap().to_json(), third.to_json());
    }
}

#[test]
fn full_text_search_finds_words_and_tolerates_any_query() {
    for (mut store, _dir) in stores("search") {
        store.add_documents(corpus(), vec![]).unwrap();
        let hits = store.search("ferry", 10).unwrap();
        assert_eq!(hits.len(), 1, "{}", store.backend());
        assert_eq!(hits[0].doc, "d3");
        let report = store.report().unwrap();
        let text = &report.documents[2].text;
        let [s, e] = hits[0].matches[0];
        assert_eq!(text[s..e].to_lowercase(), "ferry");
        assert!(hits[0].snippet.contains("ferry"));
        let barrier = store.search("Barrier TUESDAY", 10).unwrap();
        assert_eq!(
            barrier.len(),
            1,
            "AND of terms: only the council vote article has both"
        );
        for hostile in [
            "\"",
            "*",
            "NEAR(",
            "a OR",
            "'; DROP TABLE documents; --",
            "",
        ] {
            store.search(hostile, 10).unwrap();
        }
        assert_eq!(store.report().unwrap().documents.len(), 3);
    }
}

#[test]
fn a_failed_save_leaves_the_previous_report() {
    for (mut store, _dir) in stores("rollback") {
        let report = store.add_documents(corpus(), vec![]).unwrap();
        let analyses = store.analyses().unwrap();
        // Two entities with the same id violate the schema half-way through the save.
        let mut broken = with_entity(report.clone());
        let dup = broken.entities.last().unwrap().clone();
        broken.entities.push(dup);
        assert!(store.save(&broken, &analyses).is_err());
        assert_eq!(store.report().unwrap().to_json(), report.to_json());
    }
}

#[test]
fn reopening_does_not_migrate_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite");
    let p = path.to_str().unwrap();
    Store::open(p)
        .unwrap()
        .add_documents(corpus(), vec![])
        .unwrap();
    let mut again = Store::open(p).unwrap();
    assert_eq!(again.schema_version().unwrap(), 1);
    assert_eq!(again.report().unwrap().documents.len(), 3);
}
