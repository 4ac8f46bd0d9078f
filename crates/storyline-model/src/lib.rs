//! The types of the `storyline/1` report contract (see `spec/REPORT.md` in the shared
//! folder): documents, evidence, time values, entities, events, claims, figures,
//! conflicts, timeline and sources, with serde. Nothing else lives here: every stage
//! of the pipeline produces or fills these types, and every consumer (JSON, the
//! stores, the HTML report, the web UI) renders them.
//!
//! Conventions that hold for every type:
//! - offsets are UTF-8 byte offsets into one document's cleaned `text`, `[start, end)`;
//! - `Evidence::text` is exactly `document.text[start..end]` (see [`Evidence::new`]);
//! - optional contract fields are written as `null` rather than left out, so every
//!   object of a kind has the same keys; extra fields this engine adds are left out
//!   when empty.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The value of the report's `schema` field.
pub const SCHEMA_ID: &str = "storyline/1";

fn is_false(b: &bool) -> bool {
    !*b
}

/// A byte span `[start, end)` into a document's cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The text this span covers, or `None` when it is out of bounds or not on
    /// character boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A quote that backs a fact: a span of one document's cleaned text and its words.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Evidence {
    /// Evidence for `span` of `text` in document `doc`; `None` when the span does not
    /// fall on character boundaries inside the text (a fact without a valid quote is
    /// not a fact).
    pub fn new(doc: &str, text: &str, span: Span) -> Option<Evidence> {
        span.slice(text).map(|quote| Evidence {
            doc: doc.to_string(),
            start: span.start,
            end: span.end,
            text: quote.to_string(),
        })
    }

    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// How precisely a time value is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Year,
    Decade,
    Time,
    Vague,
}

/// A TIMEX3-style modifier of a time value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimeMod {
    Start,
    Mid,
    End,
    Approx,
    Before,
    After,
    LessThan,
    MoreThan,
}

/// A date as the report carries it: a TIMEX3 value plus the calendar days that bound
/// it, so that uncertainty composes instead of being hidden.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TimeValue {
    /// TIMEX3-style value: `2023-10-27`, `2024-10`, `2024-W46`, `PAST_REF`, `P2W`, ...
    pub value: String,
    pub precision: Precision,
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<TimeMod>,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    /// Resolved relative to the document's own date ("on Friday", "last year").
    #[serde(default, skip_serializing_if = "is_false")]
    pub relative: bool,
    /// More than one reading was possible (day/month order, a weekday without tense).
    #[serde(default, skip_serializing_if = "is_false")]
    pub ambiguous: bool,
    /// The UTC offset of a time of day when the text names its zone ("4 p.m. ET"
    /// on a summer day -> "-04:00"); the TIMEX3 `value` itself stays zone-free.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
}

impl TimeValue {
    /// An exact calendar day.
    pub fn day(date: NaiveDate) -> TimeValue {
        TimeValue {
            value: date.format("%Y-%m-%d").to_string(),
            precision: Precision::Day,
            modifier: None,
            earliest: Some(date),
            latest: Some(date),
            relative: false,
            ambiguous: false,
            zone: None,
        }
    }

    /// A value with the given TIMEX3 string, precision and bounds.
    pub fn bounded(
        value: impl Into<String>,
        precision: Precision,
        earliest: Option<NaiveDate>,
        latest: Option<NaiveDate>,
    ) -> TimeValue {
        TimeValue {
            value: value.into(),
            precision,
            modifier: None,
            earliest,
            latest,
            relative: false,
            ambiguous: false,
            zone: None,
        }
    }

    /// Nothing is known: an unspecified date with no bounds.
    pub fn unknown() -> TimeValue {
        TimeValue::bounded("XXXX-XX-XX", Precision::Vague, None, None)
    }

    pub fn is_unknown(&self) -> bool {
        self.earliest.is_none() && self.latest.is_none()
    }
}

/// Where a document's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// A header field of the file ("Date: ...", a date line in a scraped page header).
    Header,
    /// A meta line ("Published ...", "Updated ..."), HTML meta tags, JSON-LD.
    Meta,
    /// The dateline ("WASHINGTON, Oct 27 (Reuters) -").
    Dateline,
    /// The byline ("By A, Oct. 27, 2023").
    Byline,
    /// Inferred from what the text reports.
    Content,
    /// The file's own timestamp.
    File,
    /// Not found.
    Unknown,
}

/// A document's publication date with the basis it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Published {
    #[serde(flatten)]
    pub value: TimeValue,
    pub basis: DateBasis,
    /// The quote in the cleaned text the date rests on, when it is part of the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    /// The raw words the date was read from when they are not part of the cleaned text
    /// (a header line, a meta line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_text: Option<String>,
    /// For a date inferred from the content (`basis: content`) that the rest of the
    /// corpus narrowed: the documents on the same story whose own dates bounded it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub story: Vec<String>,
}

impl Published {
    pub fn unknown() -> Published {
        Published {
            value: TimeValue::unknown(),
            basis: DateBasis::Unknown,
            evidence: None,
            source_text: None,
            story: Vec::new(),
        }
    }
}

/// What kind of noise cleaning dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RemovedKind {
    Boilerplate,
    Navigation,
    Advertising,
    RelatedLink,
    Caption,
    Credit,
}

impl RemovedKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            RemovedKind::Boilerplate => "boilerplate",
            RemovedKind::Navigation => "navigation",
            RemovedKind::Advertising => "advertising",
            RemovedKind::RelatedLink => "related-link",
            RemovedKind::Caption => "caption",
            RemovedKind::Credit => "credit",
        }
    }
}

/// A piece of the input that cleaning dropped, so nothing is lost silently.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Removed {
    pub kind: RemovedKind,
    pub text: String,
    /// Which rule dropped it ("sponsor line", "photo credit", ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A header or meta line that was read as metadata rather than kept as body text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct HeaderLine {
    pub text: String,
    /// What it was read as: `title`, `byline`, `published`, `outlet`, `scrape-date`, ...
    pub field: String,
}

/// Someone credited for a document other than its authors ("Editing by ...").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Contributor {
    pub name: String,
    /// `additional-reporting`, `editing`, `writing`, `compiled`, ...
    pub role: String,
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// A time expression in a document's text, resolved against the document's own date.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TimeMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimexType,
    pub value: TimeValue,
    /// Other documents on the story that fixed the year of this year-less day ("the
    /// hostages taken on October 7" read as the "October 7, 2023" they report).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub story: Vec<String>,
}

/// How two documents relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    Duplicate,
    Rewrite,
    SameStory,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Related {
    pub doc: String,
    pub relation: Relation,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
}

/// Simple counts over a document's cleaned text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DocStats {
    pub bytes: usize,
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
}

/// One news article: its cleaned text, what cleaning removed, and its metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub path: String,
    /// The cleaned body; every offset in the report points into it.
    pub text: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub dateline: Option<String>,
    pub language: String,
    pub published: Published,
    pub removed: Vec<Removed>,
    pub times: Vec<TimeMention>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// People credited besides the authors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributors: Vec<Contributor>,
    /// Lines read as metadata (title, byline, date lines) and what each gave.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header: Vec<HeaderLine>,
    /// The encoding the file was decoded from, when it was not plain UTF-8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stats: Option<DocStats>,
    /// Stages that did not run on this document, and why (the English-only
    /// stages on a document in another language).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<SkippedStage>,
}

/// A stage left out for one document: its name (`times`, `entities`, `claims`) and
/// the reason, so that an empty result is not mistaken for "nothing found".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedStage {
    pub stage: String,
    pub reason: String,
}

/// Entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Org,
    Gpe,
    Loc,
    Norp,
    Event,
    Other,
}

/// Why a surface form was merged into an entity, for reviewers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MergeReason {
    pub alias: String,
    pub reason: String,
}

/// One real-world referent across all documents.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub aliases: Vec<String>,
    pub mentions: Vec<Evidence>,
    pub code: Option<String>,
    pub role: Option<String>,
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merges: Vec<MergeReason>,
}

/// The 16 PLOVER event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Plover {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EventType {
    pub plover: Plover,
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(default)]
    pub cameo: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actors {
    pub source: Option<String>,
    pub target: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub others: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    Reported,
    Disputed,
    Denied,
    Retracted,
}

/// Something that happened, as reported by one or more documents.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub summary: String,
    #[serde(rename = "type")]
    pub kind: EventType,
    pub actors: Actors,
    pub date: TimeValue,
    #[serde(default)]
    pub location: Option<String>,
    pub mentions: Vec<Evidence>,
    pub sources: Vec<String>,
    pub corroboration: u32,
    pub status: EventStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Speaker {
    pub text: String,
    pub entity: Option<String>,
    pub anonymous: bool,
    pub affiliation: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Assert,
    Deny,
    Confirm,
    Decline,
    Unknown,
}

/// What someone said, in one document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    pub doc: String,
    pub speaker: Speaker,
    pub cue: String,
    pub stance: Stance,
    pub content: String,
    pub direct: bool,
    pub date: TimeValue,
    pub evidence: Evidence,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    Exact,
    MoreThan,
    AtLeast,
    About,
    FewerThan,
    UpTo,
}

/// A number the story tracks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub id: String,
    pub quantity: String,
    pub value: f64,
    #[serde(default)]
    pub low: Option<f64>,
    #[serde(default)]
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    #[serde(default)]
    pub unit: Option<String>,
    pub as_of: TimeValue,
    #[serde(default)]
    pub according_to: Option<String>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictKind {
    Contradiction,
    Denial,
    FigureMismatch,
    DateMismatch,
    AttributionMismatch,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConflictSide {
    pub items: Vec<String>,
    pub sources: Vec<String>,
}

/// Where the sources disagree.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Conflict {
    pub id: String,
    pub kind: ConflictKind,
    pub sides: Vec<ConflictSide>,
    pub explanation: String,
    #[serde(default)]
    pub reconciled: Option<String>,
}

/// One step of the storyline, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub date: TimeValue,
    pub events: Vec<String>,
    pub headline: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Framing {
    pub term: String,
    pub count: u32,
    #[serde(default)]
    pub refers_to: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sourcing {
    pub named: u32,
    pub anonymous: u32,
}

/// One outlet and how it covers the story.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    pub documents: Vec<String>,
    pub framing: Vec<Framing>,
    pub sourcing: Sourcing,
}

/// An input that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// The storyline of a corpus: the whole `storyline/1` contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: String,
    pub documents: Vec<Document>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub claims: Vec<Claim>,
    pub figures: Vec<Figure>,
    pub conflicts: Vec<Conflict>,
    pub timeline: Vec<TimelineEntry>,
    pub sources: Vec<Source>,
    /// Inputs that were skipped, with the reason (not part of the contract's required
    /// fields; present so a report never hides that part of the batch was unreadable).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Skipped>,
}

impl Default for Report {
    fn default() -> Self {
        Report::new()
    }
}

impl Report {
    pub fn new() -> Report {
        Report {
            schema: SCHEMA_ID.to_string(),
            documents: Vec::new(),
            entities: Vec::new(),
            events: Vec::new(),
            claims: Vec::new(),
            figures: Vec::new(),
            conflicts: Vec::new(),
            timeline: Vec::new(),
            sources: Vec::new(),
            skipped: Vec::new(),
        }
    }

    /// The report as pretty JSON with a trailing newline; deterministic for equal reports.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("report serialises");
        s.push('\n');
        s
    }
}

/// The id of the `n`-th document (0-based): `d1`, `d2`, ...
pub fn doc_id(n: usize) -> String {
    format!("d{}", n + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_checks_char_boundaries() {
        let text = "Doha’s office";
        assert_eq!(
            Evidence::new("d1", text, Span::new(0, 4)).unwrap().text,
            "Doha"
        );
        // Byte 5 is inside the three-byte apostrophe.
        assert!(Evidence::new("d1", text, Span::new(0, 5)).is_none());
        assert!(Evidence::new("d1", text, Span::new(0, 99)).is_none());
    }

    #[test]
    fn time_value_serialises_as_contract() {
        let mut v = TimeValue::bounded(
            "2024-10",
            Precision::Month,
            NaiveDate::from_ymd_opt(2024, 10, 11),
            NaiveDate::from_ymd_opt(2024, 10, 20),
        );
        v.modifier = Some(TimeMod::Mid);
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(
            json,
            r#"{"value":"2024-10","precision":"month","mod":"MID","earliest":"2024-10-11","latest":"2024-10-20"}"#
        );
        let back: TimeValue = serde_json::from_str(&json).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn published_flattens_value_and_basis() {
        let p = Published {
            value: TimeValue::day(NaiveDate::from_ymd_opt(2023, 10, 27).unwrap()),
            basis: DateBasis::Dateline,
            evidence: None,
            source_text: None,
            story: Vec::new(),
        };
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["value"], "2023-10-27");
        assert_eq!(json["basis"], "dateline");
        assert_eq!(json["precision"], "day");
        let unknown = serde_json::to_value(Published::unknown()).unwrap();
        assert_eq!(unknown["basis"], "unknown");
        assert!(unknown["earliest"].is_null());
    }

    #[test]
    fn enums_use_contract_spelling() {
        assert_eq!(
            serde_json::to_string(&RemovedKind::RelatedLink).unwrap(),
            "\"related-link\""
        );
        assert_eq!(
            serde_json::to_string(&TimeMod::LessThan).unwrap(),
            "\"LESS_THAN\""
        );
        assert_eq!(
            serde_json::to_string(&Qualifier::AtLeast).unwrap(),
            "\"at-least\""
        );
        assert_eq!(
            serde_json::to_string(&Plover::Assault).unwrap(),
            "\"ASSAULT\""
        );
        assert_eq!(
            serde_json::to_string(&EntityType::Norp).unwrap(),
            "\"NORP\""
        );
        assert_eq!(
            serde_json::to_string(&TimexType::Duration).unwrap(),
            "\"DURATION\""
        );
        assert_eq!(
            serde_json::to_string(&ConflictKind::FigureMismatch).unwrap(),
            "\"figure-mismatch\""
        );
    }

    #[test]
    fn empty_report_has_every_section() {
        let json: serde_json::Value = serde_json::from_str(&Report::new().to_json()).unwrap();
        assert_eq!(json["schema"], SCHEMA_ID);
        for key in [
            "documents",
            "entities",
            "events",
            "claims",
            "figures",
            "conflicts",
            "timeline",
            "sources",
        ] {
            assert!(json[key].as_array().unwrap().is_empty(), "{key}");
        }
        assert!(json.get("skipped").is_none());
    }
}
