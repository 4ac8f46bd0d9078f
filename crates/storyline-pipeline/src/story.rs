// Cross-document links that need the resolved entities: which documents report the
// same story (`related` with `same-story`), and, for an article that carries no date
// of its own, the bounds the dated articles on its story put on its date.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate};
use storyline_model::{
    DateBasis, Entity, EntityType, Precision, Published, Related, Relation, TimeValue,
};

use crate::{extract_claims, DocAnalysis, ALL_PAIRS_UP_TO};

/// Weighted overlap of the entities two articles mention (each entity counts by its
/// mentions, places and nationalities at half weight) at which they are on the same
/// story. Articles on one story share their actors over and over (0.3 and more);
/// articles that only share a country or two stay far below.
const SAME_STORY_AT: f64 = 0.2;
/// Above ALL_PAIRS_UP_TO documents, entities mentioned in more documents than this
/// propose no pairs (they are the corpus's background, not a story's actors).
const MAX_POSTING: usize = 500;
/// An undated article on a story is assumed to have appeared within the span of
/// the story's dated coverage widened by this many days on each side.
const STORY_MARGIN_DAYS: i64 = 31;

fn weight(kind: EntityType) -> f64 {
    match kind {
        EntityType::Gpe | EntityType::Loc | EntityType::Norp => 0.5,
        _ => 1.0,
    }
}

fn is_actor(kind: EntityType) -> bool {
    !matches!(kind, EntityType::Gpe | EntityType::Loc | EntityType::Norp)
}

/// Per document (in `analyses` order): entity index -> number of mentions.
fn profiles(analyses: &[DocAnalysis], entities: &[Entity]) -> Vec<BTreeMap<usize, u32>> {
    let index: BTreeMap<&str, usize> = analyses
        .iter()
        .enumerate()
        .map(|(i, a)| (a.document.id.as_str(), i))
        .collect();
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
fn overlap(a: &BTreeMap<usize, u32>, b: &BTreeMap<usize, u32>, entities: &[Entity]) -> (f64, bool) {
    let (mut inter, mut union) = (0.0, 0.0);
    let (mut shared, mut shared_actor) = (0, false);
    let keys: BTreeSet<usize> = a.keys().chain(b.keys()).copied().collect();
    for e in keys {
        let w = weight(entities[e].kind);
        let (x, y) = (
            f64::from(a.get(&e).copied().unwrap_or(0)),
            f64::from(b.get(&e).copied().unwrap_or(0)),
        );
        inter += w * x.min(y);
        union += w * x.max(y);
        if x > 0.0 && y > 0.0 {
            shared += 1;
            shared_actor |= is_actor(entities[e].kind);
        }
    }
    let s = if union > 0.0 { inter / union } else { 0.0 };
    (s, shared >= 2 && shared_actor)
}

/// Pairs of documents to compare: every pair up to ALL_PAIRS_UP_TO documents, else
/// the pairs that share an actor mentioned in at most MAX_POSTING documents.
fn candidate_pairs(profiles: &[BTreeMap<usize, u32>], entities: &[Entity]) -> Vec<(usize, usize)> {
    let n = profiles.len();
    if n <= ALL_PAIRS_UP_TO {
        return (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .collect();
    }
    let mut postings: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (d, p) in profiles.iter().enumerate() {
        for &e in p.keys() {
            if is_actor(entities[e].kind) {
                postings.entry(e).or_default().push(d);
            }
        }
    }
    let mut pairs = BTreeSet::new();
    for docs in postings.values().filter(|d| d.len() <= MAX_POSTING) {
        for (k, &i) in docs.iter().enumerate() {
            for &j in &docs[k + 1..] {
                pairs.insert((i, j));
            }
        }
    }
    pairs.into_iter().collect()
}

/// Mark pairs of documents that report the same story (and are not already copies or
/// rewrites of each other) as `same-story`, both ways, with their entity overlap.
pub(crate) fn link_same_story(analyses: &mut [DocAnalysis], entities: &[Entity]) {
    let profiles = profiles(analyses, entities);
    let mut found = Vec::new();
    for (i, j) in candidate_pairs(&profiles, entities) {
        let (s, enough) = overlap(&profiles[i], &profiles[j], entities);
        if enough && s >= SAME_STORY_AT {
            let linked = analyses[i]
                .document
                .related
                .iter()
                .any(|r| r.doc == analyses[j].document.id);
            if !linked {
                found.push((i, j, s));
            }
        }
    }
    for (i, j, s) in found {
        let similarity = Some((s * 1000.0).round() / 1000.0);
        for (a, b) in [(i, j), (j, i)] {
            let doc = analyses[b].document.id.clone();
            analyses[a].document.related.push(Related {
                doc,
                relation: Relation::SameStory,
                similarity,
            });
        }
    }
    for a in analyses.iter_mut() {
        a.document.related.sort_by(|x, y| {
            y.similarity
                .partial_cmp(&x.similarity)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| x.doc.cmp(&y.doc))
        });
    }
}

/// A date the document states itself (header, meta, dateline, byline, file), as
/// opposed to one inferred from its content.
fn stated(p: &Published) -> Option<(NaiveDate, NaiveDate)> {
    if matches!(p.basis, DateBasis::Content | DateBasis::Unknown) {
        return None;
    }
    Some((p.value.earliest?, p.value.latest?))
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
    for a in analyses.iter_mut() {
        let doc = &a.document;
        if !matches!(doc.published.basis, DateBasis::Content | DateBasis::Unknown) {
            continue;
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
            continue;
        };
        let margin = Duration::days(STORY_MARGIN_DAYS);
        let (Some(w_lo), Some(w_hi)) =
            (lo.checked_sub_signed(margin), hi.checked_add_signed(margin))
        else {
            continue;
        };
        let mut window: Option<(NaiveDate, NaiveDate)> = None;
        let mut evidence = None;
        let mut readings = 0;
        for year in w_lo.year() - 1..=w_hi.year() {
            let Some(p) = storyline_time::infer_published_in_year(&doc.id, &doc.text, year) else {
                continue;
            };
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
            continue;
        };
        let old = &doc.published.value;
        let narrower = old.earliest.is_none_or(|x| e >= x)
            && old.latest.is_none_or(|y| l <= y)
            && (old.earliest != Some(e) || old.latest != Some(l));
        if !narrower {
            continue;
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
}

#[cfg(test)]
mod tests {
    use crate::analyze;
    use chrono::NaiveDate;
    use storyline_model::{DateBasis, Document, Published, Relation, TimeValue};

    fn doc(id: &str, date: Option<(i32, u32, u32)>, text: &str) -> Document {
        let published = match date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)) {
            Some(d) => Published {
                value: TimeValue::day(d),
                basis: DateBasis::Header,
                evidence: None,
                source_text: Some(format!("Date: {d}")),
                story: Vec::new(),
            },
            None => Published::unknown(),
        };
        Document {
            id: id.into(),
            path: format!("{id}.txt"),
            text: text.into(),
            title: None,
            outlet: None,
            authors: vec![],
            dateline: None,
            language: "en".into(),
            published,
            removed: vec![],
            times: vec![],
            related: vec![],
            contributors: vec![],
            header: vec![],
            encoding: None,
            stats: None,
        }
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
        // After March 19 (a Wednesday), on or after the Saturday after it, and within
        // March ("earlier this month"); the year comes from the dated articles.
        assert_eq!(p.value.earliest, NaiveDate::from_ymd_opt(2031, 3, 22));
        assert_eq!(p.value.latest, NaiveDate::from_ymd_opt(2031, 3, 31));
        assert_eq!(p.value.value, "2031-03");
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
}
