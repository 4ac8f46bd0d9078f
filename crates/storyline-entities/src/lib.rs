//! The entities stage of storyline: named-entity recognition with a model trained by
//! our own code (an averaged structured perceptron over BILOU tags with hashed
//! features, word clusters and CAMEO gazetteers; the weights are compiled in), CAMEO
//! actor codes, roles and countries, and entity resolution within and across
//! documents (names, surnames, titles, spelling variants, acronyms, possessives,
//! descriptions such as "the Gulf state", capitals standing for governments).
//!
//! - [`tag`] finds entity mentions in a document's text given its tokens.
//! - [`extract`] runs [`tag`] on one document and packs the result for [`resolve`].
//! - [`resolve`] turns the mentions of many documents into report [`Entity`]s.
//! - [`train_ner`] trains the model from CoNLL-format data (the CLI's `train ner`).
//! - [`build_actor_gazetteer`] and [`build_clusters`] regenerate the data files in
//!   `resources/entities/`.
//!
//! Nothing here panics on any input, and every function is deterministic.

// Dense tag-by-tag loops (Viterbi, weight averaging, edit distance) read best with indices.
#![allow(clippy::needless_range_loop)]

mod build;
pub mod conll;
mod features;
pub mod lexicon;
mod model;
mod ner;
mod resolve;

pub use build::{build_actor_gazetteer, build_clusters};
pub use model::{tag_conll_docs, Model, TrainReport, TYPES};
pub use ner::{extract, model, tag, tag_sentences, to_conll_type, DocEntities, NerSpan};
pub use resolve::resolve;
pub use storyline_model::{Entity, EntityType, Evidence, MergeReason, Span};

use std::path::Path;

/// Default number of training epochs.
pub const EPOCHS: usize = 8;

/// Trains the NER model on a CoNLL-format file (`train`), reports dev F1 per epoch
/// when `dev` is given, and writes the weights to `out` (by convention
/// `resources/models/ner.bin`, compiled in at the next build). Reproducible: the
/// same files and `seed` give the same bytes.
pub fn train_ner(
    train: &Path,
    dev: Option<&Path>,
    out: &Path,
    seed: u64,
) -> anyhow::Result<TrainReport> {
    model::train(train, dev, out, seed, EPOCHS)
}

/// Like [`train_ner`] with an explicit number of epochs.
pub fn train_ner_epochs(
    train: &Path,
    dev: Option<&Path>,
    out: &Path,
    seed: u64,
    epochs: usize,
) -> anyhow::Result<TrainReport> {
    model::train(train, dev, out, seed, epochs)
}
