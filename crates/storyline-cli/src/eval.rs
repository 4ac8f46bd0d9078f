//! `storyline eval KIND PATH [--json]`, `storyline train ner` and `storyline train claims`: thin wrappers over
//! the scorers in `storyline-eval` and the trainer in `storyline-entities`. A missing
//! dataset is a clear error that names the path.

use clap::ValueEnum;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Kind {
    Timex,
    Ner,
    Claims,
    Extract,
    Dates,
    Published,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum SubsetArg {
    Tune,
    Heldout,
    All,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum SchemeArg {
    Conll,
    Wnut,
}

fn subset(s: SubsetArg) -> storyline_eval::extract::Subset {
    match s {
        SubsetArg::Tune => storyline_eval::extract::Subset::Tune,
        SubsetArg::Heldout => storyline_eval::extract::Subset::Heldout,
        SubsetArg::All => storyline_eval::extract::Subset::All,
    }
}

fn print(value: serde_json::Value, json: bool) {
    if json {
        println!("{value}");
        return;
    }
    if let Some(map) = value.as_object() {
        for (k, v) in map {
            match v {
                serde_json::Value::Number(n) => match n.as_f64() {
                    Some(f) if f.fract() != 0.0 => println!("{k:>28}  {f:.4}"),
                    _ => println!("{k:>28}  {n}"),
                },
                serde_json::Value::Null => {}
                other => println!("{k:>28}  {other}"),
            }
        }
    }
}

pub fn run(
    kind: Kind,
    path: &Path,
    json: bool,
    sub: SubsetArg,
    scheme: Option<SchemeArg>,
) -> ExitCode {
    if !path.exists() {
        eprintln!(
            "storyline: {}: not found (the evaluation datasets live in ../shared/data)",
            path.display()
        );
        return ExitCode::from(2);
    }
    let result: anyhow::Result<serde_json::Value> = (|| {
        Ok(match kind {
            Kind::Timex => serde_json::to_value(storyline_eval::eval_timex(path)?)?,
            Kind::Ner => {
                let wnut = match scheme {
                    Some(SchemeArg::Wnut) => true,
                    Some(SchemeArg::Conll) => false,
                    None => {
                        path.to_string_lossy().to_lowercase().contains("wnut")
                            || path.to_string_lossy().contains("emerging")
                    }
                };
                let scheme = if wnut {
                    storyline_eval::ner::Scheme::Wnut
                } else {
                    storyline_eval::ner::Scheme::Conll
                };
                serde_json::to_value(storyline_eval::ner::eval_ner(path, scheme)?)?
            }
            Kind::Claims => serde_json::to_value(storyline_eval::claims::eval_claims(path)?)?,
            Kind::Extract => {
                serde_json::to_value(storyline_eval::extract::eval_extract(path, subset(sub))?)?
            }
            Kind::Dates => {
                serde_json::to_value(storyline_eval::htmldates::eval_dates(path, subset(sub))?)?
            }
            Kind::Published => serde_json::to_value(storyline_eval::published::eval_published(
                path,
                subset(sub),
            )?)?,
        })
    })();
    match result {
        Ok(v) => {
            print(v, json);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("storyline: eval failed on {}: {e:#}", path.display());
            ExitCode::from(1)
        }
    }
}

pub fn train_ner(
    data: &Path,
    dev: Option<&Path>,
    out: &Path,
    seed: u64,
    epochs: usize,
) -> ExitCode {
    let inputs: Vec<&Path> = std::iter::once(data).chain(dev).collect();
    run_training(&inputs, Some(out), || {
        storyline_entities::train_ner_epochs(data, dev, out, seed, epochs)
    })
}

/// `storyline train claims`.
pub fn train_claims(
    data: &Path,
    out: &Path,
    opts: &storyline_eval::claims::ClaimsTraining,
) -> ExitCode {
    let written = (!opts.validate).then_some(out);
    run_training(&[data], written, || {
        storyline_eval::claims::train_claims(data, out, opts)
    })
}

/// Checks that the training inputs exist (exit 2 naming the missing one), runs
/// `train`, prints its report as JSON and says where the model went (exit 0), or
/// says why training failed (exit 1).
fn run_training<R: serde::Serialize>(
    inputs: &[&Path],
    written: Option<&Path>,
    train: impl FnOnce() -> anyhow::Result<R>,
) -> ExitCode {
    if let Some(p) = inputs.iter().find(|p| !p.exists()) {
        eprintln!("storyline: {}: not found", p.display());
        return ExitCode::from(2);
    }
    match train() {
        Ok(report) => {
            println!("{}", serde_json::to_string(&report).unwrap_or_default());
            if let Some(out) = written {
                eprintln!(
                    "storyline: wrote {}; rebuild to compile the new weights in",
                    out.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("storyline: training failed: {e:#}");
            ExitCode::from(1)
        }
    }
}
