//! Runs the entities stage on a folder of articles and prints the entities:
//! `cargo run --release -p storyline-entities --example seeds -- DIR`.

fn main() -> anyhow::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/seeds".into());
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let mut docs = Vec::new();
    for (i, p) in paths.iter().enumerate() {
        let bytes = std::fs::read(p)?;
        let doc = storyline_ingest::document_from_bytes(&p.display().to_string(), &bytes)
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let d = storyline_entities::extract(&format!("d{}", i + 1), &doc.text);
        if std::env::var_os("SEEDS_DUMP").is_some() {
            eprintln!("== d{} ({} bytes)", i + 1, doc.text.len());
            if std::env::var_os("SEEDS_TEXT").is_some() {
                eprintln!("{}", doc.text);
            }
            for m in &d.mentions {
                eprintln!("  {:?} {:?}", m.kind, &doc.text[m.span.start..m.span.end]);
            }
        }
        docs.push(d);
    }
    let t0 = std::time::Instant::now();
    let ents = storyline_entities::resolve(&docs);
    eprintln!("resolve: {:?}", t0.elapsed());
    let json = std::env::args().nth(2).is_some();
    if json {
        println!("{}", serde_json::to_string_pretty(&ents)?);
        return Ok(());
    }
    for e in &ents {
        let docs: std::collections::BTreeSet<&str> =
            e.mentions.iter().map(|m| m.doc.as_str()).collect();
        println!(
            "{} {:?} {:?} code={:?} role={:?} country={:?} mentions={} docs={:?}\n    aliases={:?}",
            e.id,
            e.kind,
            e.name,
            e.code,
            e.role,
            e.country,
            e.mentions.len(),
            docs,
            e.aliases
        );
        for m in &e.merges {
            println!("    merge {:?}: {}", m.alias, m.reason);
        }
    }
    Ok(())
}
