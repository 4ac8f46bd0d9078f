//! Regenerates `resources/entities/actors.tsv` and `clusters.tsv` from `../shared/data`,
//! and optionally trains the NER model: `cargo run --release -p storyline-entities
//! --example build_resources -- [lexicons|train [epochs]]`.

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = root.join("../shared/data");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let what = args.first().map(String::as_str).unwrap_or("lexicons");
    if what == "lexicons" {
        let n = storyline_entities::build_actor_gazetteer(
            &shared.join("cameo-actors"),
            &root.join("resources/entities/actors.tsv"),
        )?;
        eprintln!("actors: {n} phrases");
        let n = storyline_entities::build_clusters(
            &[
                (&shared.join("timeline/t17/egypt"), false),
                (&shared.join("conll2003/train.txt"), true),
                (&shared.join("wnut17/wnut17train.conll"), true),
            ],
            &root.join("resources/entities/clusters.tsv"),
            256,
            32,
        )?;
        eprintln!("clusters: {n} words");
    } else {
        let epochs = args
            .get(1)
            .and_then(|e| e.parse().ok())
            .unwrap_or(storyline_entities::EPOCHS);
        let r = storyline_entities::train_ner_epochs(
            &shared.join("conll2003/train.txt"),
            Some(&shared.join("conll2003/valid.txt")),
            &root.join("resources/models/ner.bin"),
            42,
            epochs,
        )?;
        println!("{}", serde_json::to_string_pretty(&r)?);
    }
    Ok(())
}
