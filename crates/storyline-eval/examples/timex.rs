// Runs the TempEval-3 TIMEX3 evaluation on a directory of .tml files and prints the
// scores as JSON; `--errors` also prints the false positives, misses, extent, type
// and value errors. Usage: cargo run --release -p storyline-eval --example timex -- DIR [--errors]

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/data/tempeval3/train/timebank".into()),
    );
    let show = args.any(|a| a == "--errors");
    let (scores, errors) = storyline_eval::eval_timex_detailed(&dir)?;
    if show {
        for e in &errors {
            let doc = std::path::Path::new(&e.doc)
                .file_name()
                .map_or_else(|| e.doc.clone(), |f| f.to_string_lossy().into_owned());
            for (t, k, v) in &e.false_positives {
                println!("{doc}\tFP\t{t}\t{k}\t{v}");
            }
            for g in &e.missed {
                println!("{doc}\tMISS\t{}\t{}\t{}", g.text, g.kind, g.value);
            }
            for (g, s) in &e.extent {
                println!("{doc}\tEXTENT\t{g}\t{s}");
            }
            for (g, k, s) in &e.kind {
                println!("{doc}\tTYPE\t{g}\t{k}\t{s}");
            }
            for (gt, gv, st, sv) in &e.value {
                println!("{doc}\tVALUE\t{gt}\t{gv}\t{st}\t{sv}");
            }
        }
    }
    println!("{}", serde_json::to_string_pretty(&scores)?);
    Ok(())
}
