//! A small corpus written for the server tests, one article with a hostile title, and
//! a store built from it.

use std::path::PathBuf;

pub const HOSTILE_TITLE: &str =
    "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">";

pub fn articles() -> Vec<(&'static str, String)> {
    vec![
        (
            "bridge.txt",
            "Bridge reopens after repairs\n\nBy Lena Ortiz\n\nMARLOW, May 5, 2025 - The old bridge reopened to traffic on Monday after six months of repairs, the city said.\n\nThe mayor said the work cost about 4 million euros.\n".to_string(),
        ),
        (
            "hostile.txt",
            format!("Title: {HOSTILE_TITLE}\nDate: 2025-05-07\n\nA council member asked on Wednesday why the bridge repairs ran over budget, and the city promised an audit.\n"),
        ),
        (
            "ferry.txt",
            "Ferry strike ends\n\nThe ferry crews returned to work on Tuesday, the union said, after a week-long strike over pay.\n".to_string(),
        ),
    ]
}

/// A SQLite store holding the corpus, in a temporary folder that lives as long as the
/// returned guard.
pub fn store() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir
        .path()
        .join("store.sqlite")
        .to_string_lossy()
        .to_string();
    let docs = articles()
        .into_iter()
        .map(|(name, text)| storyline_ingest::document_from_bytes(name, text.as_bytes()).unwrap())
        .collect();
    storyline_store::Store::open(&db)
        .unwrap()
        .add_documents(docs, vec![])
        .unwrap();
    (dir, db)
}

#[allow(dead_code)]
pub fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
