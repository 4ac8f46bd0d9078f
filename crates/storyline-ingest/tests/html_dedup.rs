//! Tests of MinHash/LSH near-duplicate detection on texts made up for these tests:
//! a syndicated copy with a changed intro is found, unrelated texts are not, and
//! results are deterministic.

use storyline_ingest::dedup::{near_duplicates, signature, similarity};

fn story(seed: usize, words: usize) -> String {
    const VOCAB: [&str; 24] = [
        "council",
        "river",
        "bridge",
        "budget",
        "vote",
        "mayor",
        "repair",
        "traffic",
        "harbour",
        "ferry",
        "school",
        "funding",
        "report",
        "inspectors",
        "weather",
        "season",
        "workers",
        "contract",
        "delay",
        "residents",
        "meeting",
        "plan",
        "cost",
        "city",
    ];
    let mut s = String::new();
    let mut x = seed as u64 * 2654435761 + 1;
    for i in 0..words {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.push_str(VOCAB[(x % VOCAB.len() as u64) as usize]);
        s.push(if i % 12 == 11 { '.' } else { ' ' });
    }
    s
}

#[test]
fn finds_syndicated_copies_and_skips_unrelated_texts() {
    let a = story(1, 400);
    let b = format!("(Wire) Updated version. {}", &a[..a.len() - 30]);
    let c = story(2, 400);
    let d = story(3, 400);
    let pairs = near_duplicates(&[&a, &c, &b, &d], 0.7);
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert_eq!((pairs[0].0, pairs[0].1), (0, 2));
    assert!(pairs[0].2 > 0.8);
    assert!(similarity(&signature(&a), &signature(&c)) < 0.3);
}

#[test]
fn deterministic_and_safe_on_empty_and_cjk() {
    assert_eq!(
        signature("same text here for the test"),
        signature("same text here for the test")
    );
    assert!(signature("").is_empty());
    let cjk = "新しい橋が月曜日に開通し、市は交通量の減少を期待している。";
    assert_eq!(similarity(&signature(cjk), &signature(cjk)), 1.0);
    assert!(near_duplicates(&["", "", "x"], 0.5).is_empty());
}
