// Criterion bench of attribution extraction on the project's example articles
// (`examples/*.txt` at the repository root), reported in bytes per second.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn corpus() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let mut text = String::new();
    for p in paths {
        if let Ok(t) = std::fs::read_to_string(&p) {
            text.push_str(&t);
            text.push_str("\n\n");
        }
    }
    if text.is_empty() {
        text = "“We are ready,” a senior official said on Tuesday. The ministry declined to comment.\n\n".repeat(200);
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("claims");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("extract", |b| {
        b.iter(|| storyline_claims::extract(black_box(&text)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
