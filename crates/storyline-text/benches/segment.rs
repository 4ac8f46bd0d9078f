//! Throughput of sentence and token segmentation on ~1 MB of made-up news text.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

const PARAGRAPHS: &[&str] = &[
    "Ceasefire talks resume in Cairo as mediators press for a deal",
    "CAIRO (Staff) — Negotiators from both sides met on Monday for a third round of talks in the Egyptian capital, officials said, as Sen. Maria Lopez and Gov. Tom Reed urged the U.S. delegation to “keep every channel open.” The talks, which began at 9:30 a.m. local time, were expected to last until Oct. 14.",
    "“We are not there yet,” said one official, who spoke on condition of anonymity because he wasn’t authorised to brief reporters. “But the gaps are narrower than they were a week ago.” Inflation in the region rose 3.5 percent in September, and prices for fuel climbed by 1,500 pounds a tonne.",
    "Doha’s mediators met Erdoğan’s envoy in Ankara on 2023-10-27. The U.S. Navy sent two ships to the eastern Mediterranean. The next day, Northwind Inc. said its cross-border shipments had been suspended “until further notice”... Analysts at example.com/markets warned of further delays.",
    "\"Why now?\" asked a resident of the city. \"We have waited for months.\" Aid groups said the convoy of 120 trucks — the largest since March — would carry food, water, blankets, etc. Some residents didn't believe it would arrive before nightfall.",
    "Key points:\n- Talks resume on Monday in Cairo\n- Two crossings reopened for aid trucks\n- Fuel remains scarce in the north",
    "The foreign ministers of the three countries met in Geneva on Tuesday\nto discuss a proposal that would extend the truce by another six\nweeks, according to a statement released by the ministry late at\nnight. Dr. Amal Nasser, who attended as an observer, said the mood was\ncautious but hopeful.",
];

fn corpus() -> String {
    let mut text = String::with_capacity(1 << 20);
    let mut i = 0;
    while text.len() < 1_000_000 {
        text.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        text.push_str("\n\n");
        i += 1;
    }
    text
}

fn bench_segment(c: &mut Criterion) {
    let text = corpus();
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("sentences", |b| {
        b.iter(|| black_box(storyline_text::sentences(black_box(&text))))
    });
    group.bench_function("tokens", |b| {
        b.iter(|| black_box(storyline_text::tokens(black_box(&text))))
    });
    group.bench_function("sentences+tokens", |b| {
        b.iter(|| {
            let s = storyline_text::sentences(black_box(&text));
            let t = storyline_text::tokens(black_box(&text));
            black_box((s, t))
        })
    });
    group.bench_function("word_count", |b| {
        b.iter(|| black_box(storyline_text::word_count(black_box(&text))))
    });
    group.finish();
}

criterion_group!(benches, bench_segment);
criterion_main!(benches);
