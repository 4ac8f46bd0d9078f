//! Measures the entities stage (tokenisation + tagging + resolution) on a folder of
//! plain-text articles: `cargo run --release -p storyline-entities --example
//! throughput -- DIR`. Prints tokens per second on one thread.

use std::path::{Path, PathBuf};

fn walk(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        if let Ok(rd) = std::fs::read_dir(p) {
            for e in rd.flatten() {
                walk(&e.path(), out);
            }
        }
    } else if p.extension().is_some_and(|e| e == "txt") {
        out.push(p.to_path_buf());
    }
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/timeline/t17".into());
    let mut files = Vec::new();
    walk(Path::new(&dir), &mut files);
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    let _ = storyline_entities::extract("warm-up", "Warm up in Doha.");
    let tokens: usize = texts.iter().map(|t| storyline_text::tokens(t).len()).sum();
    let t0 = std::time::Instant::now();
    let docs: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| storyline_entities::extract(&format!("d{i}"), t))
        .collect();
    let t1 = t0.elapsed().as_secs_f64();
    let ents = storyline_entities::resolve(&docs);
    let t2 = t0.elapsed().as_secs_f64();
    let mentions: usize = docs.iter().map(|d| d.mentions.len()).sum();
    println!(
        "{} docs, {tokens} tokens, {mentions} mentions, {} entities; extract {:.2}s ({:.0} tok/s), resolve {:.2}s, stage {:.0} tok/s",
        docs.len(),
        ents.len(),
        t1,
        tokens as f64 / t1,
        t2 - t1,
        tokens as f64 / t2
    );
    if std::env::var_os("TOP").is_some() {
        let mut v: Vec<_> = ents.iter().collect();
        v.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
        for e in v.iter().take(30) {
            println!(
                "{} {:?} {:?} {} {:?}",
                e.id,
                e.kind,
                e.name,
                e.mentions.len(),
                e.aliases.iter().take(8).collect::<Vec<_>>()
            );
            if std::env::var_os("WHY").is_some() {
                for m in e.merges.iter().take(8) {
                    println!("    {:?}: {}", m.alias, m.reason);
                }
            }
        }
    }
}
