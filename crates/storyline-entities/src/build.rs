// Generators for the compiled-in data files: the CAMEO actor gazetteer
// (`resources/entities/actors.tsv`) from the PETRARCH2/Phoenix dictionaries, and the
// word clusters (`resources/entities/clusters.tsv`) from unlabeled English text by
// spherical k-means over left/right co-occurrence vectors.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;

const ORG_WORDS: &[&str] = &[
    "ORGANIZATION",
    "ORGANISATION",
    "UNION",
    "COUNCIL",
    "BANK",
    "FUND",
    "ASSOCIATION",
    "COMMITTEE",
    "AGENCY",
    "NATIONS",
    "PROGRAM",
    "PROGRAMME",
    "COMMISSION",
    "INSTITUTE",
    "COURT",
    "LEAGUE",
    "MOVEMENT",
    "FRONT",
    "ARMY",
    "BRIGADE",
    "BRIGADES",
    "GROUP",
    "PARTY",
    "FORCES",
    "FOUNDATION",
    "CORPORATION",
    "COMPANY",
    "INC",
    "LTD",
    "BATTALIONS",
    "JIHAD",
    "MINISTRY",
    "FEDERATION",
    "ALLIANCE",
    "OFFICE",
    "SOCIETY",
    "CONFERENCE",
    "CENTER",
    "CENTRE",
    "BOARD",
    "AUTHORITY",
    "COMMAND",
    "FACTION",
    "CELL",
    "CELLS",
    "NETWORK",
    "COMMUNITY",
    "FORUM",
    "TRIBUNAL",
    "SECRETARIAT",
    "PARLIAMENT",
    "ASSEMBLY",
    "GOVERNMENT",
    "POLICE",
    "MILITIA",
    "MILITIAS",
    "REBELS",
    "RESISTANCE",
    "LIBERATION",
    "OPERATIONS",
    "INTERNATIONAL",
    "WORLD",
    "CROSS",
    "CRESCENT",
    "AIRLINES",
    "AIRWAYS",
    "GROUP",
];
const TITLE_WORDS: &[&str] = &[
    "SECRETARY",
    "MINISTER",
    "PRESIDENT",
    "CHIEF",
    "SPOKESMAN",
    "SPOKESWOMAN",
    "HEAD",
    "DIRECTOR",
    "CHAIRMAN",
    "LEADER",
    "OFFICIAL",
    "OFFICIALS",
    "ENVOY",
    "AMBASSADOR",
    "GENERAL",
    "COMMANDER",
];

fn clean_phrase(raw: &str) -> Option<String> {
    let mut s = String::new();
    let mut depth = 0;
    for c in raw.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '_' if depth == 0 => s.push(' '),
            _ if depth == 0 => s.push(c),
            _ => {}
        }
    }
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.is_empty() || s.contains(['!', '~', '{', '}', '&', '[', ']']) || s.len() < 2 {
        return None;
    }
    Some(s)
}

struct Record {
    phrase: String,
    synonyms: Vec<String>,
    code: Option<String>,
    undated: Option<String>,
    dated: Vec<String>,
    countryinfo: bool,
}

fn parse_actors(text: &str) -> Vec<Record> {
    let mut out: Vec<Record> = Vec::new();
    for line in text.lines() {
        let (body, comment) = match line.find('#') {
            Some(p) => (&line[..p], &line[p..]),
            None => (line, ""),
        };
        if body.trim().is_empty() {
            continue;
        }
        if body.starts_with('\t') || body.starts_with(' ') {
            // date restriction line: [CODE dates] or [CODE]
            let t = body.trim();
            if let Some(inner) = t.strip_prefix('[').and_then(|t| t.split(']').next()) {
                let mut parts = inner.split_whitespace();
                if let (Some(code), Some(rec)) = (parts.next(), out.last_mut()) {
                    if parts.next().is_some() {
                        rec.dated.push(code.to_string());
                    } else {
                        rec.undated = Some(code.to_string());
                    }
                }
            }
            continue;
        }
        if let Some(syn) = body.strip_prefix('+') {
            let syn = syn.split('[').next().unwrap_or("");
            if let (Some(p), Some(rec)) = (clean_phrase(syn), out.last_mut()) {
                rec.synonyms.push(p);
            }
            continue;
        }
        let mut parts = body.splitn(2, '[');
        let phrase = parts.next().unwrap_or("");
        let code = parts
            .next()
            .and_then(|c| c.split(']').next())
            .map(|c| c.split_whitespace().next().unwrap_or("").to_string())
            .filter(|c| !c.is_empty());
        let Some(phrase) = clean_phrase(phrase) else {
            continue;
        };
        out.push(Record {
            phrase,
            synonyms: Vec::new(),
            code,
            undated: None,
            dated: Vec::new(),
            countryinfo: comment.contains("CountryInfo"),
        });
    }
    out
}

fn has_any(phrase: &str, words: &[&str]) -> bool {
    phrase.split([' ', '-']).any(|w| words.contains(&w))
}

/// Reads the four PETRARCH2/Phoenix actor dictionaries in `cameo_dir` and writes the
/// compact gazetteer `out` (`TYPE<TAB>phrase<TAB>CODE`, lowercase phrases). Returns
/// the number of lines written.
pub fn build_actor_gazetteer(cameo_dir: &Path, out: &Path) -> anyhow::Result<usize> {
    let nat: BTreeSet<String> = include_str!("../../../resources/entities/nationalities.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .map(|s| s.to_uppercase())
        .collect();
    let mut rows: BTreeSet<(String, String, String)> = BTreeSet::new();
    let mut order: Vec<(String, String, String, usize)> = Vec::new();
    let mut record = 0usize;
    let mut emit = |kind: &str, phrase: &str, code: &str, record: usize| {
        if nat.contains(phrase) {
            return;
        }
        let row = (kind.to_string(), phrase.to_lowercase(), code.to_string());
        if rows.insert(row.clone()) {
            order.push((row.0, row.1, row.2, record));
        }
    };
    for (file, which) in [
        ("Phoenix.Countries.actors.txt", 0),
        ("Phoenix.International.actors.txt", 1),
        ("Phoenix.MilNonState.actors.txt", 2),
    ] {
        let path = cameo_dir.join(file);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        for r in parse_actors(&text) {
            let code = r
                .code
                .clone()
                .or(r.undated.clone())
                .or(r.dated.last().cloned())
                .unwrap_or_default();
            if code.is_empty() {
                continue;
            }
            let dated = !r.dated.is_empty();
            record += 1;
            let names = std::iter::once(&r.phrase).chain(r.synonyms.iter());
            match which {
                0 if r.code.is_some() && !r.countryinfo && !dated => {
                    emit("COUNTRY", &r.phrase, &code, record);
                    for s in &r.synonyms {
                        emit("PLACE", s, &code, record);
                    }
                }
                _ => {
                    for p in names {
                        let words = p.split(' ').count();
                        let kind = if has_any(p, ORG_WORDS) {
                            "ORG"
                        } else if has_any(p, TITLE_WORDS) {
                            continue;
                        } else if which == 0 {
                            "PERSON"
                        } else if which == 1 {
                            if dated && (2..=4).contains(&words) {
                                "PERSON"
                            } else {
                                "ORG"
                            }
                        } else if words == 1 || p.starts_with("AL-") || p.starts_with("AL ") {
                            "ORG"
                        } else if (2..=4).contains(&words) {
                            "PERSON"
                        } else {
                            "ORG"
                        };
                        emit(kind, p, &code, record);
                    }
                }
            }
        }
    }
    let mut s = String::new();
    s.push_str("# CAMEO actor gazetteer for storyline-entities: TYPE<TAB>phrase (lowercase)<TAB>CAMEO code<TAB>record number (phrases of one dictionary record share it).\n");
    s.push_str("# Generated by storyline_entities::build_actor_gazetteer from the PETRARCH2/Phoenix actor dictionaries\n");
    s.push_str("# (openeventdata/petrarch2 data/dictionaries, Phoenix.{Countries,International,MilNonState}.actors.txt).\n");
    s.push_str("# COUNTRY = a country's own entry, PLACE = its synonyms (variants, cities, regions); PERSON/ORG guessed from the record.\n");
    s.push_str("# MIT License, Copyright (c) 2014 Open Event Data Alliance: see CAMEO-LICENSE in this folder.\n");
    for (k, p, c, r) in &order {
        let _ = writeln!(s, "{k}\t{p}\t{c}\t{r}");
    }
    std::fs::write(out, s).with_context(|| format!("writing {}", out.display()))?;
    Ok(order.len())
}

/// Tokens of one corpus file: CoNLL-style files (first column) or whitespace-tokenised text.
fn corpus_tokens(text: &str, conll: bool, out: &mut Vec<String>) {
    if conll {
        for line in text.lines() {
            let w = line.split(['\t', ' ']).next().unwrap_or("");
            if w.is_empty() || w == "-DOCSTART-" {
                out.push(String::from("<s>"));
            } else {
                out.push(w.to_lowercase());
            }
        }
    } else {
        for line in text.lines() {
            out.push(String::from("<s>"));
            for w in line.split_whitespace() {
                out.push(w.to_lowercase());
            }
        }
    }
}

/// Builds word clusters from `files` (`(path, is_conll_format)`; directories are walked
/// for `*.txt`) and writes `out` (`word<TAB>fine<TAB>coarse`). Deterministic.
pub fn build_clusters(
    files: &[(&Path, bool)],
    out: &Path,
    k_fine: usize,
    k_coarse: usize,
) -> anyhow::Result<usize> {
    let mut toks = Vec::new();
    for (p, conll) in files {
        let mut paths = Vec::new();
        collect_files(p, &mut paths)?;
        paths.sort();
        for f in paths {
            let bytes = std::fs::read(&f)?;
            let text = String::from_utf8_lossy(&bytes);
            corpus_tokens(&text, *conll, &mut toks);
        }
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for t in &toks {
        *counts.entry(t.as_str()).or_insert(0) += 1;
    }
    let mut vocab: Vec<(&str, usize)> = counts
        .iter()
        .filter(|(w, c)| **c >= 3 && *w != &"<s>")
        .map(|(w, c)| (*w, *c))
        .collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    vocab.truncate(40_000);
    let n_ctx = 800.min(vocab.len());
    let ctx_id: HashMap<&str, usize> = vocab[..n_ctx]
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i))
        .collect();
    let word_id: HashMap<&str, usize> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i))
        .collect();
    let dim = 2 * n_ctx + 2;
    let mut vecs: Vec<HashMap<usize, f32>> = vec![HashMap::new(); vocab.len()];
    for i in 0..toks.len() {
        let Some(&wi) = word_id.get(toks[i].as_str()) else {
            continue;
        };
        let l = if i > 0 {
            ctx_id
                .get(toks[i - 1].as_str())
                .copied()
                .unwrap_or(2 * n_ctx)
        } else {
            2 * n_ctx
        };
        let r = if i + 1 < toks.len() {
            ctx_id
                .get(toks[i + 1].as_str())
                .map(|c| c + n_ctx)
                .unwrap_or(2 * n_ctx + 1)
        } else {
            2 * n_ctx + 1
        };
        *vecs[wi].entry(l).or_insert(0.0) += 1.0;
        *vecs[wi].entry(r).or_insert(0.0) += 1.0;
    }
    // log-scaled, L2-normalised sparse vectors, sorted by dimension for determinism
    let sparse: Vec<Vec<(usize, f32)>> = vecs
        .into_iter()
        .map(|m| {
            let mut v: Vec<(usize, f32)> =
                m.into_iter().map(|(k, c)| (k, (1.0 + c).ln())).collect();
            v.sort_by_key(|x| x.0);
            let n = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-6);
            v.iter_mut().for_each(|x| x.1 /= n);
            v
        })
        .collect();
    let k = k_fine.min(sparse.len().max(1));
    let assign = kmeans_sparse(&sparse, dim, k, 10);
    // coarse: cluster the fine centroids
    let mut cents = vec![vec![0f32; dim]; k];
    for (v, &a) in sparse.iter().zip(&assign) {
        for &(d, x) in v {
            cents[a][d] += x;
        }
    }
    let cs: Vec<Vec<(usize, f32)>> = cents
        .iter()
        .map(|c| {
            let n = c.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
            c.iter()
                .enumerate()
                .filter(|(_, x)| **x != 0.0)
                .map(|(d, x)| (d, x / n))
                .collect()
        })
        .collect();
    let coarse = kmeans_sparse(&cs, dim, k_coarse.min(k), 10);
    let mut s = String::new();
    s.push_str("# Word clusters for storyline-entities NER features: word<TAB>fine cluster<TAB>coarse cluster.\n");
    let _ = writeln!(
        s,
        "# Generated by storyline_entities::build_clusters (spherical k-means, k={k}/{}, over left/right co-occurrence",
        k_coarse.min(k)
    );
    s.push_str("# vectors) from unlabeled text: shared/data/timeline/t17 (CNN), CoNLL-2003 train and WNUT-17 train tokens. Derived statistics only.\n");
    for (i, (w, _)) in vocab.iter().enumerate() {
        if w.contains(['\t', '#']) {
            continue;
        }
        let _ = writeln!(s, "{w}\t{}\t{}", assign[i], coarse[assign[i]]);
    }
    std::fs::write(out, s)?;
    Ok(vocab.len())
}

fn collect_files(p: &Path, out: &mut Vec<std::path::PathBuf>) -> anyhow::Result<()> {
    if p.is_dir() {
        for e in std::fs::read_dir(p)? {
            collect_files(&e?.path(), out)?;
        }
    } else if p.is_file() {
        out.push(p.to_path_buf());
    }
    Ok(())
}

/// Spherical k-means over sparse unit vectors; initial centroids are the first `k`
/// vectors (the most frequent words), so the result is deterministic.
fn kmeans_sparse(v: &[Vec<(usize, f32)>], dim: usize, k: usize, iters: usize) -> Vec<usize> {
    let k = k.max(1);
    let mut cent = vec![vec![0f32; dim]; k];
    for (c, vec) in cent.iter_mut().zip(v.iter()) {
        for &(d, x) in vec {
            c[d] = x;
        }
    }
    let mut assign = vec![0usize; v.len()];
    for _ in 0..iters {
        for (i, vec) in v.iter().enumerate() {
            let mut best = (f32::MIN, 0);
            for (ci, c) in cent.iter().enumerate() {
                let s: f32 = vec.iter().map(|&(d, x)| c[d] * x).sum();
                if s > best.0 {
                    best = (s, ci);
                }
            }
            assign[i] = best.1;
        }
        for c in cent.iter_mut() {
            c.iter_mut().for_each(|x| *x = 0.0);
        }
        for (vec, &a) in v.iter().zip(&assign) {
            for &(d, x) in vec {
                cent[a][d] += x;
            }
        }
        for c in cent.iter_mut() {
            let n = c.iter().map(|x| x * x).sum::<f32>().sqrt();
            if n > 0.0 {
                c.iter_mut().for_each(|x| *x /= n);
            }
        }
    }
    assign
}
