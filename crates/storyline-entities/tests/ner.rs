//! Tests of the shipped NER model on sentences written for these tests, and (when
//! the shared data is present) its CoNLL-2003 dev score.

use std::path::PathBuf;

use storyline_entities::{extract, resolve, tag, EntityType};

fn spans(text: &str) -> Vec<(String, EntityType)> {
    let toks = storyline_text::tokens(text);
    tag(text, &toks)
        .into_iter()
        .map(|m| (text[m.span.start..m.span.end].to_string(), m.kind))
        .collect()
}

#[test]
fn model_loads_and_tags_a_news_sentence() {
    assert!(
        storyline_entities::model().is_some(),
        "shipped model must load"
    );
    let got = spans("Secretary of State Antony Blinken met Qatar's emir in Doha.");
    assert!(
        got.contains(&("Antony Blinken".to_string(), EntityType::Person)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Qatar".to_string(), EntityType::Gpe)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Doha".to_string(), EntityType::Gpe)),
        "{got:?}"
    );
}

#[test]
fn tags_people_organisations_and_places() {
    let got = spans("The European Union and the World Bank said on Monday that Angela Merkel would visit Paris.");
    let kinds: Vec<EntityType> = got.iter().map(|g| g.1).collect();
    assert!(
        got.iter()
            .any(|g| g.0 == "European Union" && g.1 == EntityType::Org),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|g| g.0 == "Angela Merkel" && g.1 == EntityType::Person),
        "{got:?}"
    );
    assert!(kinds.contains(&EntityType::Gpe), "{got:?}");
}

#[test]
fn nationalities_are_norp() {
    let got = spans("Israeli and Palestinian negotiators met French diplomats.");
    assert!(
        got.iter()
            .any(|g| g.0 == "Israeli" && g.1 == EntityType::Norp),
        "{got:?}"
    );
}

#[test]
fn arabic_names_are_one_span() {
    let got = spans("The emir, Sheikh Tamim bin Hamad al-Thani, spoke on Sunday.");
    assert!(
        got.iter().any(|g| g.0.contains("Tamim bin Hamad al-Thani")),
        "{got:?}"
    );
}

#[test]
fn no_panic_on_odd_input() {
    for t in [
        "",
        " ",
        "\u{200B}",
        "ÄÖÜ",
        "A",
        "“”",
        "U.S.-led",
        "a\u{0301}b",
        "\n\n\n",
        "12:30",
    ] {
        let _ = spans(t);
        let d = extract("x", t);
        let _ = resolve(&[d]);
    }
}

#[test]
fn no_panic_on_generated_input() {
    let parts = [
        "Sheikh ",
        "al-",
        "bin ",
        "The ",
        "the Gulf state",
        " said",
        "’s ",
        "Doha ",
        "Mr. ",
        "É",
        "ü",
        "—",
        "“",
        "”",
        "\n\n",
        ". ",
        ", ",
        "IDF",
        "Smith ",
        "Secretary of State ",
        "123",
        "Ма",
        "ß",
        "\u{301}",
        "(",
        ")",
        "Qatar",
        "Hamas",
        "emir",
        " ",
    ];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut docs = Vec::new();
    for i in 0..300 {
        let mut t = String::new();
        for _ in 0..(i % 40) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            t.push_str(parts[(x % parts.len() as u64) as usize]);
        }
        let _ = spans(&t);
        docs.push(extract(&format!("d{i}"), &t));
    }
    let es = resolve(&docs);
    for e in &es {
        for m in &e.mentions {
            let d = docs.iter().find(|d| d.doc == m.doc).expect("doc");
            assert_eq!(&d.text[m.start..m.end], m.text);
        }
    }
    assert_eq!(resolve(&docs), es, "deterministic");
}

#[test]
fn end_to_end_resolution() {
    let a = extract(
        "a",
        "Foreign Minister Laila Haddad of Jordan arrived in Cairo on Monday. Haddad said the talks were useful.",
    );
    let b = extract(
        "b",
        "Jordan's foreign minister, Laila Hadad, left Cairo on Tuesday.",
    );
    let es = resolve(&[a, b]);
    let p: Vec<_> = es.iter().filter(|e| e.kind == EntityType::Person).collect();
    assert_eq!(p.len(), 1, "{es:#?}");
    assert!(p[0].mentions.len() >= 3, "{:#?}", p[0]);
    assert_eq!(p[0].id.chars().next(), Some('e'));
}

#[test]
fn conll_dev_score_when_data_present() {
    let dev =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/conll2003/valid.txt");
    if !dev.exists() {
        println!("skipping: {} not found", dev.display());
        return;
    }
    let docs = storyline_entities::conll::read_conll(&dev).expect("read dev");
    let model = storyline_entities::model().expect("model");
    let pred = storyline_entities::tag_conll_docs(model, &docs);
    let (mut tp, mut np, mut ng) = (0, 0, 0);
    for (d, pd) in docs.iter().zip(&pred) {
        for (s, ps) in d.sentences.iter().zip(pd) {
            let g = storyline_entities::conll::chunks(&s.tags);
            let p = storyline_entities::conll::chunks(ps);
            ng += g.len();
            np += p.len();
            tp += p.iter().filter(|c| g.contains(c)).count();
        }
    }
    let (p, r) = (tp as f64 / np as f64, tp as f64 / ng as f64);
    let f = 2.0 * p * r / (p + r);
    println!("CoNLL dev F1 {f:.4}");
    assert!(f > 0.88, "dev F1 {f}");
}
