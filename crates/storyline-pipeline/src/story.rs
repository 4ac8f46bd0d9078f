// Cross-document links that need the resolved entities: which documents report the
// same story (`related` with `same-story`), for an article that carries no date of
// its own the bounds the dated articles on its story put on its date, and the year of
// a year-less day that the story's other articles date ("the hostages taken on
// October 7" in an article a year later).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate};
use rayon::prelude::*;
use storyline_model::{
    DateBasis, Entity, EntityType, Precision, Published, Related, Relation, Span, TimeMention,
    TimeValue, TimexType,
};

use crate::{extract_claims, DocAnalysis, ALL_PAIRS_UP_TO};

/// Weighted overlap of the entities two articles mention (each entity counts by its
/// mentions, places and nationalities at half weight) at which they are on the same
/// story. Articles on one story share their actors over and over (0.3 and more);
/// articles that only share a country or two stay far below.
const SAME_STORY_AT: f64 = 0.2;
/// Above ALL_PAIRS_UP_TO documents, entities mentioned in more documents than this
/// propose no pairs (they are the corpus's background, not a story's actors).
const MAX_POSTING: usize = 100;
/// At most this many same-story links per document (the most similar).
const MAX_STORY_LINKS: usize = 10;
/// An undated article on a story is assumed to have appeared within the span of
/// the story's dated coverage widened by this many days on each side.
const STORY_MARGIN_DAYS: i64 = 31;
/// Above this many years of dated coverage, the related articles are not taken to
/// date an undated one.
const MAX_STORY_YEARS: i32 = 10;
/// A year-less day within this many days of its article's own (known) date is that
/// article's evidence for the day's year ("October 7" in an article of October 27).
const NEAR_DAYS: i64 = 45;
/// Words (of four letters or more, the date and function words left out, names
/// counted half) that the sentences around two mentions of one day must share to be
/// taken as the same event.
const SHARED_WORDS: f64 = 1.5;

fn weight(kind: EntityType) -> f64 {
    match kind {
        EntityType::Gpe | EntityType::Loc | EntityType::Norp => 0.5,
        _ => 1.0,
    }
}

/// Mentions count with diminishing weight (1 + ln n), so that a long article and a
/// short brief on the same story still overlap.
fn damp(n: u32) -> f64 {
    if n == 0 {
        0.0
    } else {
        1.0 + f64::from(n).ln()
    }
}

fn is_actor(kind: EntityType) -> bool {
    !matches!(kind, EntityType::Gpe | EntityType::Loc | EntityType::Norp)
}

/// Per document (in `analyses` order): entity index -> number of mentions.
fn profiles(analyses: &[DocAnalysis], entities: &[Entity]) -> Vec<BTreeMap<usize, u32>> {
    let index = doc_index(analyses);
    let mut out = vec![BTreeMap::new(); analyses.len()];
    for (e, entity) in entities.iter().enumerate() {
        for m in &entity.mentions {
            if let Some(&d) = index.get(m.doc.as_str()) {
                *out[d].entry(e).or_insert(0) += 1;
            }
        }
    }
    out
}

/// Weighted Jaccard overlap of two entity profiles, and whether they share at least
/// two entities of which one is an actor (a person, an organisation, an event).
/// Both profiles are sorted by entity, so one merge pass does it.
fn overlap(a: &BTreeMap<usize, u32>, b: &BTreeMap<usize, u32>, entities: &[Entity]) -> (f64, bool) {
    let (mut inter, mut union) = (0.0, 0.0);
    let (mut shared, mut shared_actor) = (0, false);
    let (mut x, mut y) = (a.iter().peekable(), b.iter().peekable());
    loop {
        let (e, ca, cb) = match (x.peek(), y.peek()) {
            (Some(&(&ea, &na)), Some(&(&eb, &nb))) => match ea.cmp(&eb) {
                std::cmp::Ordering::Less => {
                    x.next();
                    (ea, na, 0)
                }
                std::cmp::Ordering::Greater => {
                    y.next();
                    (eb, 0, nb)
                }
                std::cmp::Ordering::Equal => {
                    x.next();
                    y.next();
                    (ea, na, nb)
                }
            },
            (Some(&(&ea, &na)), None) => {
                x.next();
                (ea, na, 0)
            }
            (None, Some(&(&eb, &nb))) => {
                y.next();
                (eb, 0, nb)
            }
            (None, None) => break,
        };
        let Some(entity) = entities.get(e) else {
            continue;
        };
        let w = weight(entity.kind);
        inter += w * damp(ca.min(cb));
        union += w * damp(ca.max(cb));
        if ca > 0 && cb > 0 {
            shared += 1;
            shared_actor |= is_actor(entity.kind);
        }
    }
    let s = if union > 0.0 { inter / union } else { 0.0 };
    (s, shared >= 2 && shared_actor)
}

/// For each document, the documents to compare it with: all others up to
/// ALL_PAIRS_UP_TO documents, else those that share an actor mentioned in at most
/// MAX_POSTING documents.
fn candidates(
    i: usize,
    profiles: &[BTreeMap<usize, u32>],
    postings: Option<&BTreeMap<usize, Vec<usize>>>,
) -> Vec<usize> {
    match postings {
        None => (0..profiles.len()).filter(|&j| j != i).collect(),
        Some(postings) => {
            let mut out: Vec<usize> = profiles[i]
                .keys()
                .filter_map(|e| postings.get(e))
                .flatten()
                .copied()
                .filter(|&j| j != i)
                .collect();
            out.sort_unstable();
            out.dedup();
            out
        }
    }
}

/// Link each document to the documents that report the same story (and are not
/// already copies or rewrites of it) as `same-story`, with their entity overlap (the
/// caller sorts `related`): the
/// MAX_STORY_LINKS most similar, so that a corpus on one story does not turn into
/// every pair of its articles.
pub(crate) fn link_same_story(analyses: &mut [DocAnalysis], entities: &[Entity]) {
    let profiles = profiles(analyses, entities);
    let n = profiles.len();
    let postings = (n > ALL_PAIRS_UP_TO).then(|| {
        let mut p: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (d, prof) in profiles.iter().enumerate() {
            for &e in prof.keys() {
                if entities.get(e).is_some_and(|x| is_actor(x.kind)) {
                    p.entry(e).or_default().push(d);
                }
            }
        }
        p.retain(|_, docs| docs.len() <= MAX_POSTING);
        p
    });
    let index = doc_index(analyses);
    let linked: Vec<BTreeSet<usize>> = analyses
        .iter()
        .map(|a| {
            a.document
                .related
                .iter()
                .filter_map(|r| index.get(r.doc.as_str()).copied())
                .collect()
        })
        .collect();
    let found: Vec<Vec<(usize, f64)>> = (0..n)
        .into_par_iter()
        .map(|i| {
            let mut scored: Vec<(usize, f64)> = candidates(i, &profiles, postings.as_ref())
                .into_iter()
                .filter(|j| !linked[i].contains(j))
                .filter_map(|j| {
                    let (s, enough) = overlap(&profiles[i], &profiles[j], entities);
                    (enough && s >= SAME_STORY_AT).then_some((j, s))
                })
                .collect();
            scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            scored.truncate(MAX_STORY_LINKS);
            scored
        })
        .collect();
    for (i, links) in found.into_iter().enumerate() {
        for (j, s) in links {
            let doc = analyses[j].document.id.clone();
            analyses[i].document.related.push(Related {
                doc,
                relation: Relation::SameStory,
                similarity: Some((s * 1000.0).round() / 1000.0),
            });
        }
    }
}

/// A date the document states itself (header, meta, dateline, byline, file), or a
/// single day its content fixes (its own first-line stamp, "yesterday, March 3"),
/// as opposed to a wider window inferred from its content.
fn stated(p: &Published) -> Option<(NaiveDate, NaiveDate)> {
    match p.basis {
        DateBasis::Unknown => None,
        DateBasis::Content => {
            let e = p.value.earliest?;
            (p.value.latest == Some(e) && p.story.is_empty()).then_some((e, e))
        }
        _ => Some((p.value.earliest?, p.value.latest?)),
    }
}

/// The time value of a window of days: as precise as the window allows.
fn window_value(earliest: NaiveDate, latest: NaiveDate) -> TimeValue {
    let (value, precision) = if earliest == latest {
        (earliest.format("%Y-%m-%d").to_string(), Precision::Day)
    } else if (earliest.year(), earliest.month()) == (latest.year(), latest.month()) {
        (earliest.format("%Y-%m").to_string(), Precision::Month)
    } else if earliest.year() == latest.year() {
        (format!("{:04}", earliest.year()), Precision::Year)
    } else if earliest.year() / 10 == latest.year() / 10 {
        (format!("{:03}", earliest.year() / 10), Precision::Decade)
    } else {
        ("XXXX".to_string(), Precision::Vague)
    };
    TimeValue::bounded(value, precision, Some(earliest), Some(latest))
}

/// For each article whose date is inferred from its content (or unknown) and that is
/// on a story with dated articles: read its year-less dates ("March 6") in each year
/// the story's coverage allows, keep the readings whose window meets that coverage,
/// and narrow its date to what is left. The article's times and claims are then
/// resolved again against the narrowed date. Articles whose own text gives no
/// evidence at all keep an unknown date.
pub(crate) fn date_from_story(analyses: &mut [DocAnalysis]) {
    let dated: BTreeMap<String, (NaiveDate, NaiveDate)> = analyses
        .iter()
        .filter_map(|a| Some((a.document.id.clone(), stated(&a.document.published)?)))
        .collect();
    // the years the story gives the undated articles' year-less days
    let story_years: Vec<BTreeSet<i32>> = {
        let evidence = day_evidence(analyses);
        let index = doc_index(analyses);
        (0..analyses.len())
            .map(|i| {
                let p = &analyses[i].document.published;
                if evidence.is_empty()
                    || !matches!(p.basis, DateBasis::Content | DateBasis::Unknown)
                {
                    return BTreeSet::new();
                }
                story_years_of_undated(analyses, &evidence, &index, i)
            })
            .collect()
    };
    analyses
        .par_iter_mut()
        .zip(story_years.par_iter())
        .for_each(|(a, years)| date_one(a, &dated, years));
}

/// `story_years`: the years the story gives the article's year-less days; a
/// reading of them in another year is left out.
fn date_one(
    a: &mut DocAnalysis,
    dated: &BTreeMap<String, (NaiveDate, NaiveDate)>,
    story_years: &BTreeSet<i32>,
) {
    let doc = &a.document;
    if !matches!(doc.published.basis, DateBasis::Content | DateBasis::Unknown) {
        return;
    }
    let neighbours: Vec<&String> = doc
        .related
        .iter()
        .map(|r| &r.doc)
        .filter(|d| dated.contains_key(*d))
        .collect();
    let (Some(lo), Some(hi)) = (
        neighbours.iter().map(|d| dated[*d].0).min(),
        neighbours.iter().map(|d| dated[*d].1).max(),
    ) else {
        return;
    };
    let margin = Duration::days(STORY_MARGIN_DAYS);
    let (Some(w_lo), Some(w_hi)) = (lo.checked_sub_signed(margin), hi.checked_add_signed(margin))
    else {
        return;
    };
    let mut window: Option<(NaiveDate, NaiveDate)> = None;
    let mut evidence = None;
    let mut readings = 0;
    // A story whose dated coverage spans decades is not one story to date by.
    if w_hi.year() - w_lo.year() > MAX_STORY_YEARS {
        return;
    }
    let years = w_lo.year() - 1..=w_hi.year();
    for (year, p) in storyline_time::infer_published_in_years(&doc.id, &doc.text, years) {
        if !story_years.is_empty() && !story_years.contains(&year) {
            continue;
        }
        let Some(e) = p.value.earliest else {
            continue;
        };
        let l = p.value.latest.unwrap_or(NaiveDate::MAX);
        let (e, l) = (e.max(w_lo), l.min(w_hi));
        if e > l {
            continue;
        }
        readings += 1;
        evidence = evidence.or(p.evidence);
        window = Some(window.map_or((e, l), |(x, y)| (x.min(e), y.max(l))));
    }
    let Some((e, l)) = window else {
        return;
    };
    let old = &doc.published.value;
    let narrower = old.earliest.is_none_or(|x| e >= x)
        && old.latest.is_none_or(|y| l <= y)
        && (old.earliest != Some(e) || old.latest != Some(l));
    if !narrower {
        return;
    }
    let mut value = window_value(e, l);
    // Year-less dates that fit the story's coverage in more than one year.
    value.ambiguous = readings > 1;
    let story: Vec<String> = neighbours.into_iter().cloned().collect();
    let document = &mut a.document;
    document.published = Published {
        value,
        basis: DateBasis::Content,
        evidence: evidence.or_else(|| document.published.evidence.clone()),
        source_text: None,
        story,
    };
    let anchor = storyline_time::Anchor::from_time_value(&document.published.value);
    document.times = storyline_time::tag(&document.text, &anchor);
    a.claims = extract_claims(&a.document);
}

/// A mention that names a calendar day: (month, day, year, the year was written).
/// Weekdays, holidays and relative days ("next March 3") are left out.
fn named_day(m: &TimeMention) -> Option<(u32, u32, i32, bool)> {
    if m.kind != TimexType::Date || m.value.precision != Precision::Day {
        return None;
    }
    let d = NaiveDate::parse_from_str(m.value.value.get(..10)?, "%Y-%m-%d").ok()?;
    let numbers: Vec<&str> = m
        .text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .collect();
    let written_year = numbers.iter().any(|n| n.len() == 4);
    let has_day = numbers
        .iter()
        .any(|n| n.len() <= 2 && n.parse::<u32>().ok() == Some(d.day()));
    let lower = m.text.to_lowercase();
    let relative_word = ["last", "next", "this", "coming", "past"]
        .iter()
        .any(|w| lower.split_whitespace().any(|x| x == *w));
    if !has_day || relative_word {
        return None;
    }
    Some((d.month(), d.day(), d.year(), written_year))
}

/// The words of four letters or more in the sentence around `span`, lower-cased,
/// without the time expressions in it ("a year later", "on Tuesday") and without
/// function words; each with whether it was written capitalised (a name).
fn sentence_words(a: &DocAnalysis, span: Span) -> BTreeMap<String, bool> {
    let text = &a.document.text;
    let sentence = a
        .sentences
        .iter()
        .find(|s| s.start <= span.start && span.end <= s.end)
        .copied()
        .unwrap_or(span);
    // The stretches of the sentence outside every time mention.
    let mut pieces = Vec::new();
    let mut at = sentence.start;
    for t in &a.document.times {
        if t.end <= at || t.start >= sentence.end {
            continue;
        }
        if t.start > at {
            pieces.push((at, t.start));
        }
        at = at.max(t.end);
    }
    if at < sentence.end {
        pieces.push((at, sentence.end));
    }
    let mut words = BTreeMap::new();
    for (lo, hi) in pieces {
        for w in text
            .get(lo..hi)
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
        {
            if w.chars().count() < 4 || !w.chars().all(char::is_alphabetic) {
                continue;
            }
            let lower = w.to_lowercase();
            if storyline_text::is_function_word(&lower) {
                continue;
            }
            let name = w.starts_with(char::is_uppercase);
            let e = words.entry(lower).or_insert(name);
            *e &= name;
        }
    }
    words
}

/// Whether two sentences tell of the same thing: they share a common word and, with
/// names counted half, [`SHARED_WORDS`] words ("hostages" and "Hamas", not only
/// "Brenmoor Shipping").
fn same_event(a: &BTreeMap<String, bool>, b: &BTreeMap<String, bool>) -> bool {
    let (mut common, mut weight) = (0, 0.0);
    for (w, name) in a {
        if let Some(other) = b.get(w) {
            if *name || *other {
                weight += 0.5;
            } else {
                common += 1;
                weight += 1.0;
            }
        }
    }
    common >= 1 && weight >= SHARED_WORDS
}

/// Year-less days ("on October 7") that other articles on the same story date, in
/// a sentence about the same thing ([`same_event`]): the mention takes that year
/// when those articles agree on it, at least one of them writes the year out
/// ("October 7, 2023"; the others may give the day within [`NEAR_DAYS`] of their
/// own date), the year is earlier than the one the article's own date gave, and the
/// article does not write that day with a year itself. The article's claims are
/// extracted again when a day changed.
pub(crate) fn date_days_from_story(analyses: &mut [DocAnalysis]) {
    let evidence = day_evidence(analyses);
    if evidence.is_empty() {
        return;
    }
    let changes = date_days_changes(analyses, &evidence, &doc_index(analyses));
    let mut changed: BTreeSet<usize> = BTreeSet::new();
    for (i, k, year, docs) in changes {
        let m = &mut analyses[i].document.times[k];
        let Some(old) = NaiveDate::parse_from_str(&m.value.value, "%Y-%m-%d").ok() else {
            continue;
        };
        let Some(day) = NaiveDate::from_ymd_opt(year, old.month(), old.day()) else {
            continue;
        };
        let mut value = TimeValue::day(day);
        value.relative = true;
        value.zone = m.value.zone.clone();
        m.value = value;
        m.story = docs;
        changed.insert(i);
    }
    for i in changed {
        analyses[i].claims = extract_claims(&analyses[i].document);
    }
}

/// The one year that the story's other articles ([`DayEvidence`]) give a year-less
/// day of article `i` told in a sentence about the same thing, when they agree (and,
/// with `need_written`, one of them writes the year out); with those articles.
fn story_year(
    analyses: &[DocAnalysis],
    evidence: &DayEvidence,
    neighbours: &BTreeSet<usize>,
    i: usize,
    m: &TimeMention,
    (mo, d): (u32, u32),
    need_written: bool,
) -> Option<(i32, Vec<String>)> {
    let list = evidence.get(&(mo, d))?;
    let words = sentence_words(&analyses[i], Span::new(m.start, m.end));
    let agreeing: Vec<&(i32, usize, BTreeMap<String, bool>, bool)> = list
        .iter()
        .filter(|(_, j, w, _)| neighbours.contains(j) && same_event(w, &words))
        .collect();
    let years: BTreeSet<i32> = agreeing.iter().map(|e| e.0).collect();
    let [year] = years.into_iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    // A day the story refers to by month and day alone once its year is written
    // out somewhere ("October 7, 2023"): a named day, not a fresh one.
    if need_written && !agreeing.iter().any(|e| e.3) {
        return None;
    }
    let docs: BTreeSet<String> = agreeing
        .iter()
        .map(|e| analyses[e.1].document.id.clone())
        .collect();
    Some((year, docs.into_iter().collect()))
}

/// Each document's index in `analyses`, by id.
fn doc_index(analyses: &[DocAnalysis]) -> BTreeMap<&str, usize> {
    analyses
        .iter()
        .enumerate()
        .map(|(i, a)| (a.document.id.as_str(), i))
        .collect()
}

/// The documents an article is related to (its story, its copies), as indices.
fn story_neighbours(
    analyses: &[DocAnalysis],
    index: &BTreeMap<&str, usize>,
    i: usize,
) -> BTreeSet<usize> {
    analyses[i]
        .document
        .related
        .iter()
        .filter_map(|r| index.get(r.doc.as_str()).copied())
        .collect()
}

/// The years the story gives the year-less days ("March 6", not yet given a year)
/// of an undated article `i`.
fn story_years_of_undated(
    analyses: &[DocAnalysis],
    evidence: &DayEvidence,
    index: &BTreeMap<&str, usize>,
    i: usize,
) -> BTreeSet<i32> {
    let neighbours = story_neighbours(analyses, index, i);
    analyses[i]
        .document
        .times
        .iter()
        .filter_map(|m| {
            // "XXXX-03-06" against an open window, or a year the window gave it
            let (mo, d) = match m.value.value.strip_prefix("XXXX-") {
                Some(rest) => {
                    let (mo, d) = rest.split_once('-')?;
                    (mo.parse().ok()?, d.get(..2)?.parse().ok()?)
                }
                None => match named_day(m)? {
                    (mo, d, _, false) if m.value.relative => (mo, d),
                    _ => return None,
                },
            };
            // dated articles that give the same day near their own date suffice to
            // rule a reading out (no day is rewritten here)
            story_year(analyses, evidence, &neighbours, i, m, (mo, d), false).map(|(y, _)| y)
        })
        .collect()
}

/// Days named with a year across the corpus: (month, day) -> [(year, doc index,
/// sentence words, the year was written)]. A day counts when its year is written
/// out, or when the article gives it within [`NEAR_DAYS`] of its own date.
type DayEvidence = BTreeMap<(u32, u32), Vec<(i32, usize, BTreeMap<String, bool>, bool)>>;

fn day_evidence(analyses: &[DocAnalysis]) -> DayEvidence {
    let mut evidence: DayEvidence = BTreeMap::new();
    for (i, a) in analyses.iter().enumerate() {
        let own = a
            .document
            .published
            .value
            .earliest
            .filter(|e| a.document.published.value.latest == Some(*e));
        for m in &a.document.times {
            let Some((mo, d, y, written)) = named_day(m) else {
                continue;
            };
            let near = own
                .zip(NaiveDate::from_ymd_opt(y, mo, d))
                .is_some_and(|(o, x)| (x - o).num_days().abs() <= NEAR_DAYS);
            if written || (m.value.relative && near) {
                let words = sentence_words(a, Span::new(m.start, m.end));
                evidence
                    .entry((mo, d))
                    .or_default()
                    .push((y, i, words, written));
            }
        }
    }
    evidence
}

fn date_days_changes(
    analyses: &[DocAnalysis],
    evidence: &DayEvidence,
    index: &BTreeMap<&str, usize>,
) -> Vec<(usize, usize, i32, Vec<String>)> {
    let mut changes: Vec<(usize, usize, i32, Vec<String>)> = Vec::new();
    for (i, a) in analyses.iter().enumerate() {
        // Days the article itself writes with a year: its own year wins.
        let written: BTreeSet<(u32, u32)> = a
            .document
            .times
            .iter()
            .filter_map(named_day)
            .filter(|x| x.3)
            .map(|x| (x.0, x.1))
            .collect();
        let neighbours = story_neighbours(analyses, index, i);
        for (k, m) in a.document.times.iter().enumerate() {
            let Some((mo, d, y, false)) = named_day(m) else {
                continue;
            };
            if !m.value.relative || written.contains(&(mo, d)) {
                continue;
            }
            let Some((year, docs)) =
                story_year(analyses, evidence, &neighbours, i, m, (mo, d), true)
            else {
                continue;
            };
            if year < y {
                changes.push((i, k, year, docs));
            }
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use crate::analyze;
    use chrono::NaiveDate;
    use storyline_model::{DateBasis, Document, Published, Relation, TimeValue};

    fn doc(id: &str, date: Option<(i32, u32, u32)>, text: &str) -> Document {
        let mut d = crate::tests::doc(id, None, text);
        if let Some(day) = date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)) {
            d.published = Published {
                value: TimeValue::day(day),
                basis: DateBasis::Header,
                evidence: None,
                source_text: Some(format!("Date: {day}")),
                story: Vec::new(),
            };
        }
        d
    }

    const FERRY_1: &str = "Brenmoor Shipping suspended its ferry service to Halden Island on Tuesday \
        after one of its vessels, the Gull, struck a pier in heavy fog. Brenmoor Shipping said three \
        passengers were treated for minor injuries. The Halden Island council asked the Maritime Safety \
        Board to investigate. Council leader Petra Lund said islanders needed the ferry back quickly.";
    const FERRY_2: &str = "The Maritime Safety Board opened an inquiry into the Gull collision at Halden \
        Island. Investigators will interview the crew of Brenmoor Shipping next week, the board said. \
        Petra Lund, who leads the Halden Island council, said Brenmoor Shipping had promised a \
        replacement vessel.";
    const FERRY_UNDATED: &str = "Brenmoor Shipping restored its Halden Island ferry on Saturday, weeks \
        after the Gull struck a pier on March 3. The Maritime Safety Board said on March 19 that fog and \
        a faulty radar caused the crash. Petra Lund, the Halden Island council leader, welcomed the \
        return earlier this month.";
    const BAKERY: &str = "A bakery run by Tomas Vidal won the regional bread prize in Corvale. \
        Tomas Vidal said the Corvale Guild of Bakers had judged forty loaves.";

    #[test]
    fn articles_sharing_their_actors_are_on_the_same_story() {
        let report = analyze(
            vec![
                doc("d1", Some((2031, 3, 4)), FERRY_1),
                doc("d2", Some((2031, 3, 6)), FERRY_2),
                doc("d3", Some((2031, 3, 6)), BAKERY),
            ],
            vec![],
        );
        let rel = &report.documents[0].related;
        assert!(
            rel.iter()
                .any(|r| r.doc == "d2" && r.relation == Relation::SameStory),
            "{rel:?}"
        );
        assert!(report.documents[2].related.is_empty());
    }

    #[test]
    fn a_long_article_and_a_brief_on_one_story_are_linked() {
        let long = [FERRY_2; 6].join("\n\n");
        let report = analyze(
            vec![
                doc("d1", Some((2031, 3, 4)), FERRY_1),
                doc("d2", Some((2031, 3, 6)), &long),
            ],
            vec![],
        );
        assert!(
            report.documents[0]
                .related
                .iter()
                .any(|r| r.doc == "d2" && r.relation == Relation::SameStory),
            "{:?}",
            report.documents[0].related
        );
    }

    #[test]
    fn an_undated_article_takes_its_year_from_its_story() {
        let report = analyze(
            vec![
                doc("d1", Some((2031, 3, 4)), FERRY_1),
                doc("d2", Some((2031, 3, 6)), FERRY_2),
                doc("d3", None, FERRY_UNDATED),
            ],
            vec![],
        );
        let p = &report.documents[2].published;
        assert_eq!(p.basis, DateBasis::Content);
        // Within the story's coverage (March 4 to 6, 2031, give or take 31 days):
        // after March 19 in the year the dated articles give, or after March 19 of
        // the year before ("on Saturday" and "earlier this month" are tied to no
        // date, so nothing rules that reading out); ambiguous between the two.
        assert_eq!(p.value.earliest, NaiveDate::from_ymd_opt(2031, 2, 1));
        assert_eq!(p.value.latest, NaiveDate::from_ymd_opt(2031, 4, 6));
        assert_eq!(p.value.value, "2031");
        assert!(p.value.ambiguous);
        assert!(p.story.contains(&"d1".to_string()), "{:?}", p.story);
        // Its own times are resolved again against that window.
        let t = report.documents[2]
            .times
            .iter()
            .find(|t| t.text == "March 3")
            .expect("March 3 tagged");
        assert_eq!(t.value.value, "2031-03-03");
    }

    #[test]
    fn an_article_whose_first_line_stamps_its_day_dates_its_story() {
        let stamped = format!("March 4, 2031 | By Ana Ruiz {FERRY_1}");
        let report = analyze(
            vec![doc("d1", None, &stamped), doc("d2", None, FERRY_UNDATED)],
            vec![],
        );
        let p1 = &report.documents[0].published;
        assert_eq!(p1.basis, DateBasis::Content);
        assert_eq!(p1.value.earliest, NaiveDate::from_ymd_opt(2031, 3, 4));
        assert_eq!(p1.value.latest, p1.value.earliest);
        // the other undated article is dated by it, within the story's margin
        let p2 = &report.documents[1].published;
        assert!(p2.story.contains(&"d1".to_string()), "{p2:?}");
        assert_eq!(p2.value.latest, NaiveDate::from_ymd_opt(2031, 4, 4));
    }

    #[test]
    fn an_undated_article_off_the_story_keeps_its_own_date() {
        let report = analyze(
            vec![
                doc("d1", Some((2031, 3, 4)), FERRY_1),
                doc("d2", None, BAKERY),
            ],
            vec![],
        );
        assert_eq!(report.documents[1].published.basis, DateBasis::Unknown);
        assert!(report.documents[1].published.story.is_empty());
    }

    const FERRY_REPORT: &str = "The Maritime Safety Board found that the Gull struck the pier \
        at Halden Island on March 3, 2031, in heavy fog. Brenmoor Shipping accepted the report.";
    const FERRY_ANNIVERSARY: &str = "A year after the Gull struck a pier on March 3, Brenmoor \
        Shipping still runs a smaller ferry to Halden Island. Petra Lund, the Halden Island council \
        leader, said the Maritime Safety Board report had changed little. The Gull struck the pier \
        in heavy fog, the board found.";

    /// "March 3" in the third of the ferry articles: d1, d2 (which dates the crash
    /// to March 3, 2031, 18 days before its own date), `third`, written a year
    /// later, and with `report` a fourth that writes the crash's year out.
    fn march_3_in(third: &str, report: bool) -> storyline_model::TimeMention {
        let mut docs = vec![
            doc("d1", Some((2031, 3, 4)), FERRY_1),
            doc("d2", Some((2031, 3, 21)), FERRY_UNDATED),
            doc("d3", Some((2032, 4, 2)), third),
        ];
        if report {
            docs.push(doc("d4", Some((2031, 6, 1)), FERRY_REPORT));
        }
        let report = analyze(docs, vec![]);
        let d2 = report.documents[1]
            .times
            .iter()
            .find(|t| t.text == "March 3");
        assert_eq!(d2.map(|t| t.value.value.as_str()), Some("2031-03-03"));
        assert!(d2.is_some_and(|t| t.story.is_empty()));
        report.documents[2]
            .times
            .iter()
            .find(|t| t.text == "March 3")
            .cloned()
            .expect("March 3 tagged")
    }

    #[test]
    fn a_yearless_day_takes_the_year_its_story_gives_it() {
        // On its own, d3 would read "March 3" as 2032; its story says which March 3
        // the Gull struck the pier.
        let t = march_3_in(FERRY_ANNIVERSARY, true);
        assert_eq!(t.value.value, "2031-03-03");
        assert_eq!(t.story, vec!["d2".to_string(), "d4".to_string()]);
        // Unless no article of the story writes that day's year out.
        let t = march_3_in(FERRY_ANNIVERSARY, false);
        assert_eq!(t.value.value, "2032-03-03");
        assert!(t.story.is_empty());
    }

    #[test]
    fn a_yearless_day_about_something_else_keeps_its_own_year() {
        let t = march_3_in(
            "Brenmoor Shipping named a new chief executive on March 3. Petra Lund, the \
             Halden Island council leader, met the Maritime Safety Board.",
            true,
        );
        assert_eq!(t.value.value, "2032-03-03");
        assert!(t.story.is_empty());
    }
}
