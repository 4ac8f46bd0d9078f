//! The `storyline` command: `analyze` turns a pile of news articles into a storyline
//! report (JSON and a terminal summary); `eval` scores stages against the datasets
//! in `../shared/data`; `bench` measures throughput.

mod bench_http;
mod eval;
mod summary;

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use storyline_ingest::{collect_inputs, InputError};
use storyline_model::{Document, Skipped};

#[derive(Parser)]
#[command(
    name = "storyline",
    version,
    about = "Turn a pile of news articles about one story into its storyline."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles (files, folders, `-` for standard input) into a report.
    Analyze {
        /// Files or folders (read recursively, in name order); `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write the JSON report to FILE (`-` for standard output).
        #[arg(long, value_name = "FILE")]
        json: Option<PathBuf>,
        /// No terminal summary and no progress bar.
        #[arg(long, short)]
        quiet: bool,
        /// Skip inputs larger than this many bytes.
        #[arg(long, value_name = "N", default_value_t = storyline_ingest::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
        /// Also store the result (a SQLite file, or a postgres:// URL). Articles already
        /// in the store are kept; only new or changed ones are analysed.
        #[arg(long, value_name = "FILE|URL")]
        db: Option<String>,
        /// Also write the report as one self-contained HTML file.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
    },
    /// Serve the web UI and JSON API over a store.
    Serve {
        /// Articles to add to the store before serving (files, folders).
        paths: Vec<PathBuf>,
        /// The store: a SQLite file or a postgres:// URL.
        #[arg(long, value_name = "FILE|URL")]
        db: String,
        /// Address to listen on (loopback by default).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
    },
    /// Write the stored report as JSON and/or HTML.
    Export {
        #[arg(long, value_name = "FILE|URL")]
        db: String,
        /// Write the JSON report to FILE (`-` for standard output).
        #[arg(long, value_name = "FILE")]
        json: Option<PathBuf>,
        /// Write the self-contained HTML report to FILE.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
    },
    /// Score a stage against a dataset (see `../shared/data`); `--json` prints one
    /// JSON object on stdout.
    Eval {
        /// What to score: timex | ner | claims | extract | dates | published.
        kind: eval::Kind,
        /// The dataset: a folder of .tml files (timex), a CoNLL file (ner), a PolNeAR
        /// split folder or a hand-made .jsonl (claims), a benchmark folder (extract, dates),
        /// a folder of `YYYY-MM-DD/` article folders (published: dates inferred from
        /// content, checked against the folder's date).
        path: PathBuf,
        #[arg(long)]
        json: bool,
        /// For extract, dates and published: the tuning half, the held-out half, or all.
        #[arg(long, value_enum, default_value_t = eval::SubsetArg::All)]
        subset: eval::SubsetArg,
        /// For ner: the file's scheme (default: wnut when the path says so, else conll).
        #[arg(long, value_enum)]
        scheme: Option<eval::SchemeArg>,
    },
    /// Train a model.
    Train {
        #[command(subcommand)]
        what: TrainCommand,
    },
    /// Read inputs (articles, HTML, JSON Lines, WARC, RSS/Atom) and write the documents.
    Ingest {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write one JSON document per line to FILE (`-`, or `--jsonl` with no FILE:
        /// standard output, the default).
        #[arg(
            long,
            value_name = "FILE",
            default_value = "-",
            num_args = 0..=1,
            default_missing_value = "-"
        )]
        jsonl: PathBuf,
        #[arg(long, value_name = "N", default_value_t = storyline_ingest::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
    },
    /// Benchmarks that run outside criterion.
    Bench {
        #[command(subcommand)]
        what: BenchCommand,
    },
}

#[derive(Subcommand)]
enum TrainCommand {
    /// Train the named-entity tagger (averaged perceptron) reproducibly.
    Ner {
        /// Training data in CoNLL format.
        #[arg(long)]
        data: PathBuf,
        /// Development data for the per-epoch F1 report.
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Where to write the weights (the build compiles resources/models/ner.bin in).
        #[arg(long, default_value = "resources/models/ner.bin")]
        out: PathBuf,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        #[arg(long, default_value_t = 8)]
        epochs: usize,
    },
    /// Train the attribution tagger (averaged perceptron) on PolNeAR reproducibly.
    Claims {
        /// A PolNeAR split folder (`text/`, `attributions/`).
        #[arg(long)]
        data: PathBuf,
        /// Where to write the weights (the build compiles
        /// resources/models/attribution.bin in).
        #[arg(long, default_value = "resources/models/attribution.bin")]
        out: PathBuf,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        #[arg(long, default_value_t = 8)]
        epochs: usize,
        /// Weights under this magnitude are left out of the file.
        #[arg(long, default_value_t = 2.5)]
        prune: f32,
        /// 1: one tagger; 2: a second tagger that also sees the first one's labels.
        #[arg(long, default_value_t = 1)]
        stages: usize,
        /// Train on every annotator's file of an article annotated more than once
        /// (`false`: only the alphabetically first, the one the scorer reads).
        #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
        all_annotators: bool,
        /// Train on nine tenths of the data, score the held-out tenth after each
        /// epoch, and write nothing.
        #[arg(long)]
        validate: bool,
    },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Load-test the HTTP API on 127.0.0.1 over a store of the given articles.
    Http {
        /// Articles to load into a temporary store (default: examples).
        #[arg(default_value = "examples")]
        paths: Vec<PathBuf>,
        /// Concurrent clients on the events endpoint.
        #[arg(long, default_value_t = 200)]
        clients: usize,
        /// Requests per client.
        #[arg(long, default_value_t = 20)]
        requests: usize,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze {
            paths,
            json,
            quiet,
            max_bytes,
            db,
            html,
        } => analyze(
            &paths,
            &Outputs {
                json: json.as_deref(),
                html: html.as_deref(),
                db: db.as_deref(),
            },
            quiet,
            max_bytes,
        ),
        Command::Serve { paths, db, addr } => {
            if !paths.is_empty() {
                let code = analyze(
                    &paths,
                    &Outputs {
                        json: None,
                        html: None,
                        db: Some(&db),
                    },
                    true,
                    storyline_ingest::DEFAULT_MAX_BYTES,
                );
                if code == ExitCode::from(2) {
                    return code;
                }
            }
            serve(&db, addr)
        }
        Command::Export { db, json, html } => export(&db, json.as_deref(), html.as_deref()),
        Command::Eval {
            kind,
            path,
            json,
            subset,
            scheme,
        } => eval::run(kind, &path, json, subset, scheme),
        Command::Train {
            what:
                TrainCommand::Ner {
                    data,
                    dev,
                    out,
                    seed,
                    epochs,
                },
        } => eval::train_ner(&data, dev.as_deref(), &out, seed, epochs),
        Command::Train {
            what:
                TrainCommand::Claims {
                    data,
                    out,
                    seed,
                    epochs,
                    prune,
                    stages,
                    all_annotators,
                    validate,
                },
        } => eval::train_claims(
            &data,
            &out,
            &storyline_eval::claims::ClaimsTraining {
                seed,
                epochs,
                prune,
                stages,
                all_annotators,
                validate,
            },
        ),
        Command::Ingest {
            paths,
            jsonl,
            max_bytes,
        } => ingest(&paths, &jsonl, max_bytes),
        Command::Bench {
            what:
                BenchCommand::Http {
                    paths,
                    clients,
                    requests,
                },
        } => bench_http(&paths, clients, requests),
    }
}

/// Where `analyze` writes besides the terminal summary.
struct Outputs<'a> {
    json: Option<&'a std::path::Path>,
    html: Option<&'a std::path::Path>,
    db: Option<&'a str>,
}

fn write_output(path: &std::path::Path, text: &str) -> Result<(), String> {
    let written = if path.as_os_str() == "-" {
        std::io::stdout().lock().write_all(text.as_bytes())
    } else {
        std::fs::write(path, text)
    };
    written.map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn serve(db: &str, addr: std::net::SocketAddr) -> ExitCode {
    if !addr.ip().is_loopback() {
        eprintln!("storyline: note: listening on {addr}, reachable from other machines");
    }
    let rt = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("storyline: cannot start the runtime: {e}");
            return ExitCode::from(2);
        }
    };
    match rt.block_on(storyline_server::serve(db, addr)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("storyline: {e}");
            ExitCode::from(2)
        }
    }
}

fn export(db: &str, json: Option<&std::path::Path>, html: Option<&std::path::Path>) -> ExitCode {
    let report = match storyline_store::Store::open(db).and_then(|mut s| s.report()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("storyline: cannot read store {db}: {e}");
            return ExitCode::from(2);
        }
    };
    let json = json.or(if html.is_none() {
        Some(std::path::Path::new("-"))
    } else {
        None
    });
    let mut result = Ok(());
    if let Some(p) = json {
        result = result.and(write_output(p, &report.to_json()));
    }
    if let Some(p) = html {
        result = result.and(write_output(p, &storyline_server::render_html(&report)));
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("storyline: {e}");
            ExitCode::from(2)
        }
    }
}

fn bench_http(paths: &[PathBuf], clients: usize, requests: usize) -> ExitCode {
    let dir = match tempfile_dir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("storyline: {e}");
            return ExitCode::from(2);
        }
    };
    let db = dir.join("bench.sqlite");
    let db = db.to_string_lossy().to_string();
    let ingested = storyline_ingest::ingest(paths, storyline_ingest::DEFAULT_MAX_BYTES);
    let stored = storyline_store::Store::open(&db)
        .and_then(|mut s| s.add_documents(ingested.documents, vec![]));
    if let Err(e) = stored {
        eprintln!("storyline: cannot build the bench store: {e}");
        return ExitCode::from(2);
    }
    let result = bench_http::run(&db, clients, requests);
    let _ = std::fs::remove_dir_all(&dir);
    match result {
        Ok(v) => {
            println!("{v}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("storyline: bench failed: {e}");
            ExitCode::from(1)
        }
    }
}

fn tempfile_dir() -> Result<PathBuf, String> {
    let dir = std::env::temp_dir().join(format!("storyline-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}

/// Exit codes: 0 every input was read, 1 some were skipped, 2 usage or output errors.
fn analyze(paths: &[PathBuf], out: &Outputs, quiet: bool, max_bytes: u64) -> ExitCode {
    let (sources, mut errors) = collect_inputs(paths);
    let progress = if !quiet && sources.len() > 20 && std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(sources.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{spinner} reading {pos}/{len} {bar:40} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };
    let results: Vec<Vec<Result<Document, InputError>>> = sources
        .par_iter()
        .map(|source| {
            let mut out = Vec::new();
            storyline_ingest::read_documents(source, max_bytes, &mut |r| out.push(r));
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            out
        })
        .collect();
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let mut documents = Vec::new();
    for r in results.into_iter().flatten() {
        match r {
            Ok(mut doc) => {
                storyline_ingest::assign_id(&mut doc, &storyline_model::doc_id(documents.len()));
                documents.push(doc);
            }
            Err(e) => errors.push(e),
        }
    }
    for e in &errors {
        eprintln!("storyline: skipped {e}");
    }
    let skipped: Vec<Skipped> = errors
        .iter()
        .map(|e| Skipped {
            path: e.path.clone(),
            reason: e.reason.clone(),
        })
        .collect();
    let report = match out.db {
        Some(db) => match storyline_store::Store::open(db)
            .and_then(|mut s| s.add_documents(documents, skipped))
        {
            Ok(r) => r,
            Err(e) => {
                eprintln!("storyline: cannot store in {db}: {e}");
                return ExitCode::from(2);
            }
        },
        None => storyline_pipeline::analyze(documents, skipped),
    };

    let to_stdout = out.json.is_some_and(|p| p.as_os_str() == "-");
    if let Some(path) = out.json {
        if let Err(e) = write_output(path, &report.to_json()) {
            eprintln!("storyline: {e}");
            return ExitCode::from(2);
        }
    }
    if let Some(path) = out.html {
        if let Err(e) = write_output(path, &storyline_server::render_html(&report)) {
            eprintln!("storyline: {e}");
            return ExitCode::from(2);
        }
    }
    if !quiet && !to_stdout {
        let mut out = std::io::stdout().lock();
        let _ = summary::write(&mut out, &report);
    }
    if !errors.is_empty() {
        eprintln!(
            "storyline: {} of {} inputs skipped",
            errors.len(),
            errors.len() + report.documents.len()
        );
        ExitCode::from(1)
    } else if report.documents.is_empty() {
        eprintln!("storyline: no articles found");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `storyline ingest`: documents as JSON lines, streamed; bad inputs reported and
/// skipped.
fn ingest(paths: &[PathBuf], out: &std::path::Path, max_bytes: u64) -> ExitCode {
    let (sources, errors) = collect_inputs(paths);
    let mut skipped = errors.len();
    for e in &errors {
        eprintln!("storyline: skipped {e}");
    }
    // Never write over an input ("ingest --jsonl a.html b.html" takes a.html as the
    // output file): an existing file that is also read is refused.
    if out.as_os_str() != "-" {
        let same = |p: &std::path::Path| {
            matches!(
                (std::fs::canonicalize(p), std::fs::canonicalize(out)),
                (Ok(a), Ok(b)) if a == b || b.starts_with(&a)
            )
        };
        // an earlier run's output starts with a document's id; anything else that
        // already exists there is someone's data
        let ours_or_empty = || {
            use std::io::Read;
            let mut head = [0u8; 16];
            match std::fs::File::open(out) {
                Ok(mut f) => {
                    let n = f.read(&mut head).unwrap_or(0);
                    n == 0 || head[..n].starts_with(b"{\"id\":\"")
                }
                Err(_) => true,
            }
        };
        let why = if paths.iter().any(|p| same(p)) {
            Some("it is also an input")
        } else if !ours_or_empty() {
            Some("it exists and is not the output of an earlier run")
        } else {
            None
        };
        if let Some(why) = why {
            eprintln!(
                "storyline: refusing to write JSON lines to {}: {why} (give --jsonl FILE after the inputs, or --jsonl - for standard output)",
                out.display()
            );
            return ExitCode::from(2);
        }
    }
    let mut writer: Box<dyn Write> = if out.as_os_str() == "-" {
        Box::new(std::io::BufWriter::new(std::io::stdout().lock()))
    } else {
        match std::fs::File::create(out) {
            Ok(f) => Box::new(std::io::BufWriter::new(f)),
            Err(e) => {
                eprintln!("storyline: cannot write {}: {e}", out.display());
                return ExitCode::from(2);
            }
        }
    };
    // A byte-based progress bar over all inputs (drawn only when stderr is a terminal).
    let sizes: Vec<u64> = sources
        .iter()
        .map(|s| match s {
            storyline_ingest::InputSource::File(p) => {
                std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
            }
            storyline_ingest::InputSource::Stdin => 0,
        })
        .collect();
    let bar = ProgressBar::new(sizes.iter().sum());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {bytes}/{total_bytes} {bar:40} {bytes_per_sec} {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut count = 0usize;
    let mut write_error = None;
    let mut done_before = 0u64;
    for (source, size) in sources.iter().zip(&sizes) {
        let base = done_before;
        let progress_bar = bar.clone();
        let progress = move |n: u64| progress_bar.set_position(base + n);
        storyline_ingest::read_documents_with_progress(
            source,
            max_bytes,
            Some(&progress),
            &mut |r| match r {
                Ok(mut doc) => {
                    count += 1;
                    storyline_ingest::assign_id(&mut doc, &storyline_model::doc_id(count - 1));
                    let line = serde_json::to_string(&doc).unwrap_or_default();
                    if let Err(e) = writeln!(writer, "{line}") {
                        write_error.get_or_insert(e);
                    }
                }
                Err(e) => {
                    skipped += 1;
                    bar.suspend(|| eprintln!("storyline: skipped {e}"));
                }
            },
        );
        done_before += size;
        bar.set_position(done_before);
        bar.set_message(format!("{count} documents"));
    }
    bar.finish_and_clear();
    if let Err(e) = writer
        .flush()
        .map_err(Some)
        .and(write_error.map_or(Ok(()), |e| Err(Some(e))))
    {
        eprintln!(
            "storyline: cannot write {}: {}",
            out.display(),
            e.map(|e| e.to_string()).unwrap_or_default()
        );
        return ExitCode::from(2);
    }
    eprintln!("storyline: {count} documents, {skipped} skipped");
    if skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
