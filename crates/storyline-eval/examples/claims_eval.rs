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
    if let Some(i) = args.iter().position(|a| a == "--cue-prior") {
        return cue_prior(&path, &args[i + 1], args.iter().any(|a| a == "--all"));
    }
    if args.iter().any(|a| a == "--analyze") {
        return analyze(&path, &args);
    }
    if args.iter().any(|a| a == "--source-split") {
        // gold sources missed, split by whether their cue was found; with --show,
        // those whose cue was found print the source given instead
        let docs = claims::read_polnear(&path)?;
        let (mut found, mut wrong, mut no_cue, mut no_source) = (0, 0, 0, 0);
        let show = args.iter().any(|a| a == "--show");
        for d in &docs {
            let pred = storyline_claims::extract(&d.text);
            for g in &d.gold {
                let Some(src) = &g.source else { continue };
                if pred
                    .iter()
                    .any(|p| src.iter().any(|x| x.overlaps(p.source)))
                {
                    found += 1;
                    continue;
                }
                let Some(c) = &g.cue else { continue };
                let hit = pred.iter().find(|p| c.iter().any(|x| x.overlaps(p.cue)));
                match hit {
                    None => no_cue += 1,
                    Some(p) if p.source.is_empty() => {
                        no_source += 1;
                        if show {
                            let t = |sp: &storyline_model::Span| {
                                sp.slice(&d.text).unwrap_or("").replace('\n', " / ")
                            };
                            println!(
                                "NOSOURCE gold=[{}] cue=<{}> :: {}",
                                t(&src[0]),
                                t(&p.cue),
                                t(&p.evidence)
                            );
                        }
                    }
                    Some(p) => {
                        wrong += 1;
                        if show {
                            let t = |sp: &storyline_model::Span| {
                                sp.slice(&d.text).unwrap_or("").replace('\n', " / ")
                            };
                            println!(
                                "WRONG gold=[{}] ours=[{}] cue=<{}> :: {}",
                                t(&src[0]),
                                t(&p.source),
                                t(&p.cue),
                                t(&p.evidence)
                            );
                        }
                    }
                }
            }
        }
        println!("found {found} cue-found-source-wrong {wrong} cue-found-no-source {no_source} cue-missed {no_cue}");
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

/// `--analyze TRAIN_DIR [--model PATH]`: trains on nine tenths of a PolNeAR train
/// split (or loads `--model`), then breaks the recall of the held-out tenth down by
/// span type, cue word and construction.
fn analyze(path: &std::path::Path, args: &[String]) -> anyhow::Result<()> {
    use std::collections::BTreeMap;
    use storyline_claims::{extract_with, Tagger, DEFAULT_MERGE};
    let docs = claims::read_polnear(path)?;
    let model_path = args
        .iter()
        .position(|a| a == "--model")
        .and_then(|i| args.get(i + 1))
        .cloned()
        .unwrap_or_else(|| "/tmp/val_model.bin".to_string());
    let bytes = match std::fs::read(&model_path) {
        Ok(b) => b,
        Err(_) => {
            let all = claims::read_polnear_annotations(path, true)?;
            let cue_only = args.iter().any(|a| a == "--cue-only");
            let tdocs: Vec<_> = all
                .iter()
                .filter(|d| !claims::is_validation(&d.name))
                .map(claims::train_doc)
                .map(|mut d| {
                    if cue_only {
                        d.spans.retain(|s| s.1 == 1);
                    }
                    d
                })
                .collect();
            let num = |k: &str, d: usize| {
                args.iter()
                    .position(|a| a == k)
                    .and_then(|i| args.get(i + 1))
                    .and_then(|x| x.parse().ok())
                    .unwrap_or(d)
            };
            let t0 = std::time::Instant::now();
            let (b, _) = storyline_claims::tagger::train(
                &tdocs,
                num("--seed", 42) as u64,
                num("--epochs", 8),
                2.5,
                num("--stages", 1),
                |_, _| {},
            )?;
            eprintln!(
                "trained in {:.1}s, {} bytes",
                t0.elapsed().as_secs_f64(),
                b.len()
            );
            std::fs::write(&model_path, &b)?;
            b
        }
    };
    // `--all-docs`: every document of the folder (a split scored as a whole)
    let every = args.iter().any(|a| a == "--all-docs");
    let held: Vec<_> = docs
        .iter()
        .filter(|d| every || claims::is_validation(&d.name))
        .collect();
    if args.iter().any(|a| a == "--added") {
        let tg = Tagger::from_bytes(&bytes)?;
        let mut m: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for d in &held {
            let t = d.text.as_str();
            let rules = extract_with(t, None, DEFAULT_MERGE);
            let all = extract_with(t, Some(&tg), DEFAULT_MERGE);
            let gc: Vec<_> = d
                .gold
                .iter()
                .filter_map(|g| g.cue.clone())
                .flatten()
                .collect();
            for p in &all {
                let added = !rules.iter().any(|r| r.cue == p.cue);
                let ok = gc.iter().any(|g| g.overlaps(p.cue));
                let clen = p.content.iter().map(|c| c.len()).sum::<usize>();
                let k = format!(
                    "added={added} weak={} src={} content={}",
                    p.weak,
                    !p.source.is_empty(),
                    match clen {
                        0 => "0",
                        1..=20 => "<=20",
                        21..=60 => "<=60",
                        _ => ">60",
                    }
                );
                let e = m.entry(k).or_default();
                e.0 += 1;
                e.1 += ok as usize;
            }
        }
        for (k, (n, ok)) in m {
            println!("{k}\t{n}\t{ok}\t{:.3}", ok as f64 / n as f64);
        }
        return Ok(());
    }
    if args.iter().any(|a| a == "--speed") {
        let tg = Tagger::from_bytes(&bytes)?;
        let tokens: usize = held
            .iter()
            .map(|d| storyline_text::token_iter(&d.text).count())
            .sum();
        for (name, m) in [("rules", None), ("model", Some(&tg))] {
            let t0 = std::time::Instant::now();
            let mut reps = 0;
            while t0.elapsed().as_secs_f64() < 3.0 {
                for d in &held {
                    std::hint::black_box(extract_with(&d.text, m, DEFAULT_MERGE));
                }
                reps += 1;
            }
            println!(
                "{name}: {:.0} tokens/s",
                (tokens * reps) as f64 / t0.elapsed().as_secs_f64()
            );
        }
        return Ok(());
    }
    if args.iter().any(|a| a == "--cue-eval") {
        let tg = Tagger::from_bytes(&bytes)?;
        let (mut tp_p, mut np, mut tp_g, mut ng) = (0, 0, 0, 0);
        for d in &held {
            let pc = tg.cue_spans(&d.text);
            let gc: Vec<_> = d.gold.iter().filter_map(|g| g.cue.clone()).collect();
            np += pc.len();
            ng += gc.len();
            tp_p += pc
                .iter()
                .filter(|p| gc.iter().flatten().any(|g| g.overlaps(**p)))
                .count();
            tp_g += gc
                .iter()
                .filter(|g| g.iter().any(|x| pc.iter().any(|p| p.overlaps(*x))))
                .count();
        }
        println!(
            "tagger cues: P {:.3} R {:.3} ({np} predicted, {ng} gold)",
            tp_p as f64 / np as f64,
            tp_g as f64 / ng as f64
        );
        return Ok(());
    }
    if let Some(i) = args.iter().position(|a| a == "--sweep") {
        let held: Vec<_> = held.iter().map(|d| (*d).clone()).collect();
        for spec in args[i + 1].split(';') {
            let v: Vec<f32> = spec.split(',').filter_map(|x| x.parse().ok()).collect();
            let bias = [v[0], v[1], v[2]];
            let tg = Tagger::from_bytes_biased(&bytes, bias)?;
            let has = |k: &str| args.iter().any(|a| a == k);
            let cfg = storyline_claims::MergeConfig {
                lexicon_cues_only: !has("--any-cue"),
                pure: has("--pure"),
                prefer_tagger: has("--prefer"),
                widen_content: has("--widen"),
                widen_source: has("--widen-source"),
                prefer_tagger_source: has("--prefer-source"),
                split_contents: has("--split"),
                ..DEFAULT_MERGE
            };
            let s = claims::score_polnear_with(&held, |t| extract_with(t, Some(&tg), cfg));
            let g = |k: &str| {
                s.spans
                    .get(k)
                    .map(|p| format!("{:.3}/{:.3}/{:.3}", p.precision, p.recall, p.f1))
                    .unwrap_or_default()
            };
            println!(
                "bias {spec}: src {} cue {} con {} | exact src {} cue {} con {}",
                g("source"),
                g("cue"),
                g("content"),
                g("source_exact"),
                g("cue_exact"),
                g("content_exact")
            );
        }
        return Ok(());
    }
    if args.iter().any(|a| a == "--srcfp") {
        // predicted sources that match no gold source, by what their cue matched
        let tg = Tagger::from_bytes(&bytes)?;
        let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
        let show = args.iter().any(|a| a == "--show");
        for d in &held {
            let t = d.text.as_str();
            let pred = extract_with(t, Some(&tg), DEFAULT_MERGE);
            let gsrc: Vec<_> = d
                .gold
                .iter()
                .filter_map(|g| g.source.clone())
                .flatten()
                .collect();
            for p in pred.iter().filter(|p| !p.source.is_empty()) {
                if gsrc.iter().any(|g| g.overlaps(p.source)) {
                    *kinds.entry("ok".into()).or_default() += 1;
                    continue;
                }
                let g = d.gold.iter().find(|g| {
                    g.cue
                        .as_ref()
                        .is_some_and(|c| c.iter().any(|x| x.overlaps(p.cue)))
                });
                let k = match g {
                    None => "cue-not-gold".to_string(),
                    Some(g) if g.source.is_none() => "gold-cue-without-source".to_string(),
                    Some(_) => "gold-cue-other-source".to_string(),
                };
                if show && k != "cue-not-gold" {
                    let gs = g
                        .and_then(|g| g.source.as_ref())
                        .and_then(|s| s.first())
                        .and_then(|x| x.slice(t))
                        .unwrap_or("-");
                    println!(
                        "{k}: pred [{}] gold [{gs}] cue <{}>",
                        p.source.slice(t).unwrap_or(""),
                        p.cue.slice(t).unwrap_or("")
                    );
                }
                *kinds.entry(k).or_default() += 1;
            }
        }
        for (k, n) in kinds {
            println!("{k}\t{n}");
        }
        return Ok(());
    }
    let tg = Tagger::from_bytes(&bytes)?;
    // bucket -> (gold, found)
    let mut b: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut add = |k: String, ok: bool| {
        let e = b.entry(k).or_default();
        e.0 += 1;
        e.1 += ok as usize;
    };
    let show = args.iter().any(|a| a == "--show");
    for d in &held {
        let t = d.text.as_str();
        let pred = extract_with(t, Some(&tg), DEFAULT_MERGE);
        let pc: Vec<_> = pred.iter().map(|p| p.cue).collect();
        let ps: Vec<_> = pred
            .iter()
            .map(|p| p.source)
            .filter(|s| !s.is_empty())
            .collect();
        let pt: Vec<_> = pred.iter().flat_map(|p| p.content.clone()).collect();
        let hit = |g: &[storyline_claims::Span], v: &[storyline_claims::Span]| {
            g.iter().any(|x| v.iter().any(|y| x.overlaps(*y)))
        };
        for g in &d.gold {
            let Some(c) = &g.cue else { continue };
            let cue_ok = hit(c, &pc);
            let ctext: String = c
                .iter()
                .filter_map(|x| x.slice(t))
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            let nw = ctext.split_whitespace().count();
            add("cue/all".to_string(), cue_ok);
            add(format!("cue/words={}", nw.min(4)), cue_ok);
            add(format!("cueword/{}", ctext), cue_ok);
            let cstart = c[0].start;
            let quoted = g.content.iter().flatten().any(|x| {
                x.slice(t).is_some_and(|s| {
                    let s = s.trim();
                    s.starts_with(['"', '“']) || s.ends_with(['"', '”'])
                })
            });
            let before = g.content.iter().flatten().any(|x| x.end <= cstart);
            let after = g.content.iter().flatten().any(|x| x.start >= cstart);
            let constr = match (before, after, quoted) {
                (_, _, true) => "quote",
                (true, false, _) => "content-before",
                (false, true, _) => "content-after",
                (true, true, _) => "content-both",
                _ => "no-content",
            };
            add(format!("cue/constr={constr}"), cue_ok);
            if let Some(s) = &g.source {
                let ok = hit(s, &ps);
                add("source/all".into(), ok);
                add(format!("source/cue_found={cue_ok}"), ok);
                let sb = s[0].start < cstart;
                add(format!("source/before_cue={sb}"), ok);
                let stext = s[0].slice(t).unwrap_or("").to_lowercase();
                let nw = stext.split_whitespace().count();
                add(format!("source/words={}", nw.min(6)), ok);
                if show && !ok && cue_ok {
                    println!("SRCMISS [{stext}] <{ctext}>");
                }
            } else {
                add("source/none(cue)".into(), cue_ok);
            }
            for x in &g.content {
                let ok = hit(x, &pt);
                add("content/all".into(), ok);
                add(format!("content/cue_found={cue_ok}"), ok);
                add(format!("content/constr={constr}"), ok);
                let len = x.iter().map(|y| y.len()).sum::<usize>();
                add(
                    format!(
                        "content/bytes={}",
                        match len {
                            0..=30 => "<=30",
                            31..=100 => "<=100",
                            101..=300 => "<=300",
                            _ => ">300",
                        }
                    ),
                    ok,
                );
            }
            if show && !cue_ok {
                let mut lo = cstart.saturating_sub(100);
                while !t.is_char_boundary(lo) {
                    lo -= 1;
                }
                let mut hi = (c[0].end + 80).min(t.len());
                while !t.is_char_boundary(hi) {
                    hi += 1;
                }
                let src = g.source.as_ref().and_then(|s| s[0].slice(t)).unwrap_or("-");
                println!(
                    "CUEMISS <{ctext}> [{src}] {constr} :: {}",
                    t[lo..hi].replace('\n', " / ")
                );
            }
        }
    }
    let mut words: Vec<_> = b
        .iter()
        .filter(|(k, _)| k.starts_with("cueword/"))
        .collect();
    words.sort_by(|x, y| (y.1 .0 - y.1 .1).cmp(&(x.1 .0 - x.1 .1)).then(x.0.cmp(y.0)));
    for (k, (g, f)) in b.iter().filter(|(k, _)| !k.starts_with("cueword/")) {
        println!(
            "{k}\t{g}\t{f}\t{:.3}\tmissed {}",
            *f as f64 / *g as f64,
            g - f
        );
    }
    for (k, (g, f)) in words.iter().take(70) {
        println!("{k}\t{g}\t{f}\tmissed {}", g - f);
    }
    Ok(())
}

/// `--cue-prior OUT [--all]`: writes the cue rate of every word form of a PolNeAR
/// train split (the validation tenth left out unless `--all`): how often a token of
/// that form lies inside a gold cue span, over all annotator files.
fn cue_prior(path: &std::path::Path, out: &str, all: bool) -> anyhow::Result<()> {
    use std::collections::BTreeMap;
    let docs = claims::read_polnear_annotations(path, true)?;
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut n_docs = 0;
    for d in docs
        .iter()
        .filter(|d| all || !claims::is_validation(&d.name))
    {
        n_docs += 1;
        let cues: Vec<storyline_claims::Span> = d
            .gold
            .iter()
            .filter_map(|g| g.cue.clone())
            .flatten()
            .collect();
        storyline_claims::count_cue_tokens(&d.text, &cues, &mut counts);
    }
    let mut s = String::new();
    s.push_str(&format!("# Cue rates of word forms for storyline-claims' attribution tagger, counted over the PolNeAR train split (Newell, Margolin & Ruths, LREC 2018; github.com/networkdynamics/PolNeAR), {n_docs} annotator files (every annotator of each article){}: lower-cased token forms inside a gold Cue span at least twice, in at least 2% of at least 3 occurrences; `w >n` is form w followed by n, `p< w` form w after p (the rate of w in both), listed when the rate is at least 5% in at least 4 occurrences. Generated by `cargo run --release -p storyline-eval --example claims_eval -- TRAIN_DIR --cue-prior OUT --all`.\n# columns: form<TAB>tokens inside a gold cue<TAB>occurrences\n", if all { "" } else { " (the validation tenth left out)" }));
    for (w, (c, n)) in &counts {
        if storyline_claims::keep_cue_row(w, *c, *n) {
            s.push_str(&format!("{w}\t{c}\t{n}\n"));
        }
    }
    std::fs::write(out, s)?;
    Ok(())
}
