//! Attribution extraction for storyline: who said what in English news text.
//!
//! [`extract`] finds attributions — direct quotations (straight, curly and `''`
//! quotes, quotes split around the cue, quotes running over paragraphs), reported
//! speech ("X said that …", "…, X said.", "X told CNN …", "according to X"),
//! denials, confirmations, and refusals or silences ("declined to comment", "did not
//! respond to a request for comment") — with byte spans for the source, the cue and
//! the content. Each [`Attribution`] also carries the core speaker phrase, its kind
//! (named, pronoun, role, anonymous), whether it is an anonymous source and its
//! stated affiliation ("a senior Hamas leader" → "Hamas"), the antecedent of a
//! pronoun or of an anaphoric "the official", the stance (assert, deny, confirm,
//! decline, unknown), whether the content is a direct quotation, a time expression
//! attached to the cue, and the capitalised names the content mentions.
//! [`to_claims`] turns attributions into the report's [`Claim`]s.
//!
//! Beside the rules, a learned tagger ([`tagger`], an averaged structured
//! perceptron over BILOU tags of source / cue / content per paragraph, trained on
//! PolNeAR's train split by `storyline train claims` and compiled in from
//! `resources/models/attribution.bin`) adds the attributions the rules miss —
//! beliefs, intentions, predictions, nominal cues — and gives its source and content
//! spans to the rule attributions whose cue it also finds ([`DEFAULT_MERGE`]). The
//! rules keep the speaker, its kind, anonymity, affiliation and stance; an added
//! attribution takes its stance from the cue lexicon (assert by default), its
//! speaker from the source span and its anonymity from the rules' classification;
//! one with a cue outside the cue lexicons, or without a source, is `weak`.
//!
//! The lexicons (cue verbs with stance and frame, refusal formulas, anonymous-source
//! nouns, anonymity markers, role nouns, denial openings) are data files in
//! `resources/claims/` at the repository root, compiled in and built once.
//!
//! Stance rules: the cue verb gives the stance (`denied`, `rejected reports`,
//! `dismissed` → deny; `confirmed`, `acknowledged` → confirm; refusal formulas →
//! decline; other verbs → assert). A negated cue changes it: a negated denial ("did
//! not deny") or a negated assertion ("did not rule out", "did not claim") is
//! `unknown` (a hedge, nothing was asserted); a negated confirmation or saying ("would
//! not confirm", "would not say whether") is `decline`. A plain assertion whose
//! content opens with a denial formula ("no one has asked us to leave", "this is not
//! true") is `deny`.
//!
//! Nothing here panics on any input and the output is deterministic.
//!
//! ```
//! let text = "“We are ready,” a senior US official said on Tuesday.";
//! let atts = storyline_claims::extract(text);
//! assert_eq!(atts.len(), 1);
//! let a = &atts[0];
//! assert_eq!(a.speaker.and_then(|s| s.slice(text)), Some("a senior US official"));
//! assert!(a.anonymous && a.direct);
//! assert_eq!(a.affiliation.and_then(|s| s.slice(text)), Some("US"));
//! ```

mod extract;
mod lexicon;
pub mod tagger;

#[cfg(test)]
mod tests;

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
pub use storyline_model::{Claim, Evidence, Span, Speaker, Stance, TimeValue};

pub use extract::{extract, extract_with, tagger, MergeConfig, DEFAULT_MERGE};
pub use lexicon::{count_cue_tokens, keep_cue_row};
pub use tagger::{Tagger, TrainDoc, TrainReport};

/// What kind of phrase the speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A proper name: "Lena Marsh", "Norway", "The Harbour Gazette".
    Named,
    /// A pronoun: "he", "they", "who" (see [`Attribution::antecedent`]).
    Pronoun,
    /// A role or institution without a name: "the prime minister", "a spokesperson
    /// for the ministry", "Israeli authorities", "a poll".
    Role,
    /// An anonymous source: "a senior US official", "two people familiar with the
    /// matter", "sources".
    Anonymous,
}

/// What kind of cue introduces the attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CueKind {
    /// A verb of saying: "said", "told", "denied", "confirmed".
    Speech,
    /// A verb of writing or posting: "wrote", "tweeted", "reported".
    Written,
    /// A verb of belief: "believes", "thinks", "hopes".
    Belief,
    /// A verb of evidence: "a poll shows", "the report found".
    Evidence,
    /// "according to".
    According,
    /// A refusal or silence: "declined to comment", "did not respond to".
    Refusal,
}

/// One attribution found in a text: spans are UTF-8 byte offsets into that text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Attribution {
    /// The whole source phrase as PolNeAR marks it, appositions and relative clauses
    /// included ("Lena Marsh, a spokeswoman for the ministry").
    pub source: Span,
    /// The core speaker phrase (name, role or pronoun) without appositions.
    pub speaker: Option<Span>,
    pub speaker_kind: SpeakerKind,
    /// The mention a pronoun or an anaphoric phrase ("the official") refers back
    /// to; `None` when the speaker is its own referent or none was found.
    pub antecedent: Option<Span>,
    /// No proper name identifies the speaker.
    pub anonymous: bool,
    /// The stated affiliation of an unnamed speaker ("Hamas" in "a senior Hamas
    /// leader", "the ministry" in "a spokesperson for the ministry").
    pub affiliation: Option<Span>,
    /// The cue: the verb group ("has also said", "did not respond to") or phrase
    /// ("according to").
    pub cue: Span,
    pub cue_kind: CueKind,
    /// The addressee of a tell-type cue ("CNN" in "told CNN").
    pub addressee: Option<Span>,
    /// The content fragments in text order (two for a quote split around its cue);
    /// empty for a bare refusal ("declined to comment").
    pub content: Vec<Span>,
    /// The content is a direct quotation.
    pub direct: bool,
    pub stance: Stance,
    /// The sentence(s) covering source, cue and content.
    pub evidence: Span,
    /// A time expression attached to the cue ("on Tuesday", "Tuesday", "yesterday").
    pub time: Option<Span>,
    /// Capitalised names the content mentions, for entity linking.
    pub about: Vec<Span>,
    /// The source was taken over from an earlier cue of the same sentence ("…, adding
    /// that …", "… and denied …").
    pub inherited: bool,
    /// The cue is one of the broad PolNeAR-derived cues ("endorsed", "criticized",
    /// "seems"): an attribution in PolNeAR's wide sense rather than a statement.
    /// [`to_claims`] leaves these out.
    pub weak: bool,
}

impl Attribution {
    /// The span from the first content fragment's start to the last one's end.
    pub fn content_span(&self) -> Option<Span> {
        let first = self.content.first()?;
        let last = self.content.last()?;
        Some(Span::new(first.start, last.end.max(first.start)))
    }

    /// The speaker's referent: the antecedent when there is one, else the speaker.
    pub fn referent(&self) -> Option<Span> {
        self.antecedent.or(self.speaker)
    }
}

/// Turns attributions of one document into report claims with ids `c{n}` from
/// `start_index` (numbered over the attributions kept). Weak attributions (see
/// [`Attribution::weak`]) are left out. The speaker text is the referent (a pronoun's antecedent); the
/// affiliation is written as text for the lead to link; the date is the time
/// attached to the cue when it is "today", "yesterday" or a weekday that can be
/// resolved against a day-precise `published`, else `published` itself.
pub fn to_claims(
    doc_id: &str,
    text: &str,
    atts: &[Attribution],
    published: &TimeValue,
    start_index: usize,
) -> Vec<Claim> {
    let mut out = Vec::with_capacity(atts.len());
    for a in atts.iter().filter(|a| !a.weak) {
        let n = out.len();
        let slice = |s: Option<Span>| s.and_then(|s| s.slice(text)).map(str::to_string);
        let speaker_text = slice(a.referent())
            .or_else(|| slice(Some(a.source)))
            .unwrap_or_default();
        let mut cue = a.cue.slice(text).unwrap_or("").to_string();
        if let Some(addr) = slice(a.addressee) {
            cue.push(' ');
            cue.push_str(&addr);
        }
        let content = a
            .content
            .iter()
            .filter_map(|s| s.slice(text))
            .collect::<Vec<_>>()
            .join(" … ");
        // The contract requires a content to quote; an attribution without one is
        // not a claim, except a refusal ("The ministry declined to comment."),
        // whose own words are what it says.
        let content = if content.trim().is_empty() && a.stance == Stance::Decline {
            a.cue.slice(text).unwrap_or("").to_string()
        } else {
            content
        };
        if content.trim().is_empty() {
            continue;
        }
        let Some(evidence) = Evidence::new(doc_id, text, a.evidence) else {
            continue;
        };
        let date = a
            .time
            .and_then(|t| t.slice(text))
            .and_then(|t| resolve_time(t, published))
            .unwrap_or_else(|| published.clone());
        let about = a.about.iter().filter_map(|s| slice(Some(*s))).collect();
        out.push(Claim {
            id: format!("c{}", start_index + n),
            doc: doc_id.to_string(),
            speaker: Speaker {
                text: speaker_text,
                entity: None,
                anonymous: a.anonymous,
                affiliation: slice(a.affiliation),
            },
            cue,
            stance: a.stance,
            content,
            direct: a.direct,
            date,
            evidence,
            about,
        });
    }
    out
}

/// Resolves "today", "yesterday" or a weekday ("on Tuesday") against a day-precise
/// publication date: the most recent such day on or before it.
fn resolve_time(expr: &str, published: &TimeValue) -> Option<TimeValue> {
    let pub_day: NaiveDate = match (published.earliest, published.latest) {
        (Some(a), Some(b)) if a == b => a,
        _ => return None,
    };
    let low = expr.trim().to_ascii_lowercase();
    let word = low.strip_prefix("on ").unwrap_or(&low).trim();
    let day = match word {
        "today" | "tonight" => pub_day,
        "yesterday" => pub_day.checked_sub_signed(Duration::days(1))?,
        w => {
            let target = match w {
                "monday" => 0,
                "tuesday" => 1,
                "wednesday" => 2,
                "thursday" => 3,
                "friday" => 4,
                "saturday" => 5,
                "sunday" => 6,
                _ => return None,
            };
            let cur = pub_day.weekday().num_days_from_monday() as i64;
            let back = (cur - target).rem_euclid(7);
            pub_day.checked_sub_signed(Duration::days(back))?
        }
    };
    let mut v = TimeValue::day(day);
    v.relative = true;
    Some(v)
}
