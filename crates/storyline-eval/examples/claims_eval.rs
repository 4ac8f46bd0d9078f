// Development harness for tuning the claims extractor: runs the claims scorer on a
// PolNeAR split or the hand-made set and prints the scores as JSON; `--errors` lists
// hand-made mismatches, `--misses` the PolNeAR cues missed and found wrongly.
use storyline_eval::claims;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = std::path::PathBuf::from(args.first().map(String::as_str).unwrap_or("."));
    let errors = args.iter().any(|a| a == "--errors");
    if errors && path.is_file() {
        let docs = claims::read_handmade(&path)?;
        let (scores, pairs) = claims::score_handmade(&docs);
        for p in pairs {
            let sp_ok = p
                .speaker
                .as_deref()
                .is_some_and(|s| s.eq_ignore_ascii_case(&p.gold.speaker));
            if !sp_ok
                || p.stance != Some(p.gold.stance)
                || p.anonymous != Some(p.gold.anonymous)
                || (p.gold.resolved.is_some()
                    && p.resolved.as_deref().map(str::to_lowercase)
                        != p.gold.resolved.as_deref().map(str::to_lowercase))
            {
                println!("{} | gold: {} / {} / anon={} / {:?} / res={:?} || pred: {:?} / {:?} / anon={:?} / {:?} / res={:?}", p.doc, p.gold.speaker, p.gold.cue, p.gold.anonymous, p.gold.stance, p.gold.resolved, p.speaker, p.cue, p.anonymous, p.stance, p.resolved);
            }
        }
        println!("{}", serde_json::to_string_pretty(&scores)?);
        return Ok(());
    }
    if args.iter().any(|a| a == "--misses") {
        // missed gold cues (by lower-cased text) and false-positive cues, with counts
        let docs = claims::read_polnear(&path)?;
        let mut miss: std::collections::HashMap<String, usize> = Default::default();
        let mut fp: std::collections::HashMap<String, usize> = Default::default();
        let show = args.iter().any(|a| a == "--show");
        for d in &docs {
            let pred = storyline_claims::extract(&d.text);
            for g in &d.gold {
                let Some(c) = &g.cue else { continue };
                if !pred.iter().any(|p| c.iter().any(|x| x.overlaps(p.cue))) {
                    let t: String = c
                        .iter()
                        .filter_map(|x| x.slice(&d.text))
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase();
                    *miss.entry(t.clone()).or_default() += 1;
                    if show && g.source.is_some() {
                        let s = g
                            .source
                            .as_ref()
                            .and_then(|s| s[0].slice(&d.text))
                            .unwrap_or("");
                        let mut lo = c[0].start.saturating_sub(120);
                        while !d.text.is_char_boundary(lo) {
                            lo -= 1;
                        }
                        let mut hi = (c[0].end + 60).min(d.text.len());
                        while !d.text.is_char_boundary(hi) {
                            hi += 1;
                        }
                        let ctx = d.text.get(lo..hi).unwrap_or("");
                        println!("MISS [{s}] <{t}> :: {}", ctx.replace('\n', " / "));
                    }
                }
            }
            for p in &pred {
                if !d.gold.iter().any(|g| {
                    g.cue
                        .as_ref()
                        .is_some_and(|c| c.iter().any(|x| x.overlaps(p.cue)))
                }) {
                    let t = p.cue.slice(&d.text).unwrap_or("").to_lowercase();
                    *fp.entry(t).or_default() += 1;
                    if args.iter().any(|a| a == "--fp") {
                        let ev = p.evidence.slice(&d.text).unwrap_or("");
                        println!(
                            "FP [{}] <{}> :: {}",
                            p.source.slice(&d.text).unwrap_or(""),
                            p.cue.slice(&d.text).unwrap_or(""),
                            ev.replace('\n', " / ")
                        );
                    }
                }
            }
        }
        let mut v: Vec<_> = miss.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (k, n) in v.iter().take(80) {
            println!("miss {n}\t{k}");
        }
        let mut v: Vec<_> = fp.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (k, n) in v.iter().take(40) {
            println!("fp {n}\t{k}");
        }
        return Ok(());
    }
    let s = claims::eval_claims(&path)?;
    println!("{}", serde_json::to_string_pretty(&s)?);
    Ok(())
}
