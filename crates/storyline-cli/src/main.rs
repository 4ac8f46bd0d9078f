//! The `storyline` command: `analyze` turns a pile of news articles into a storyline
//! report (JSON and a terminal summary); `eval` scores stages against the datasets
//! in `../shared/data`; `bench` measures throughput.

mod summary;

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use storyline_ingest::{collect_inputs, read_input, InputError};
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
        } => analyze(&paths, json.as_deref(), quiet, max_bytes),
    }
}

/// Exit codes: 0 every input was read, 1 some were skipped, 2 usage or output errors.
fn analyze(
    paths: &[PathBuf],
    json: Option<&std::path::Path>,
    quiet: bool,
    max_bytes: u64,
) -> ExitCode {
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
    let results: Vec<Result<Document, InputError>> = sources
        .par_iter()
        .map(|source| {
            let r = read_input(source, max_bytes)
                .and_then(|bytes| storyline_ingest::document_from_bytes(&source.display(), &bytes));
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            r
        })
        .collect();
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let mut documents = Vec::new();
    for r in results {
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
    let report = storyline_pipeline::analyze(documents, skipped);

    let to_stdout = json.is_some_and(|p| p.as_os_str() == "-");
    if let Some(path) = json {
        let text = report.to_json();
        let written = if to_stdout {
            std::io::stdout().lock().write_all(text.as_bytes())
        } else {
            std::fs::write(path, text)
        };
        if let Err(e) = written {
            eprintln!("storyline: cannot write {}: {e}", path.display());
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
