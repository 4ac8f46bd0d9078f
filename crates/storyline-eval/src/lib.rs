//! Evaluation of storyline's stages against gold data. [`timex`] scores the temporal
//! tagger (`storyline-time`) on TimeML / TempEval-3 files the way the official TE3
//! scorer does (strict and relaxed extent P/R/F1, type and value accuracy and F1),
//! and measures the tagging speed.

pub mod timex;

pub use timex::{eval_timex, eval_timex_detailed, TimexErrors, TimexScores};
pub mod claims;
pub mod extract;
pub mod htmldates;
pub mod ner;
pub mod published;
pub mod score;
