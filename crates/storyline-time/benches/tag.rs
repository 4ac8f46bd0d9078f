// Criterion bench of the tagger: news-like text written for storyline (benches/news.txt)
// repeated to about 1 MB, tagged against a day anchor; reports bytes per second.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use storyline_time::{tag, Anchor};

fn news_text() -> String {
    let para = include_str!("news.txt");
    let mut text = String::with_capacity(1_010_000);
    while text.len() < 1_000_000 {
        text.push_str(para);
        text.push('\n');
    }
    text
}

fn bench_tag(c: &mut Criterion) {
    let text = news_text();
    let anchor = NaiveDate::from_ymd_opt(2024, 11, 19).map_or_else(Anchor::unknown, Anchor::day);
    let mut g = c.benchmark_group("tag");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("news_1mb", |b| b.iter(|| tag(black_box(&text), &anchor)));
    g.finish();
}

criterion_group!(benches, bench_tag);
criterion_main!(benches);
