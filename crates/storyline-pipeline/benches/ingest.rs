//! Throughput of the foundation stages: ingest (decode, header, cleaning, metadata)
//! plus segmentation (sentences and tokens), over a corpus built from the example
//! articles in `examples/`. Run: `cargo bench -p storyline-pipeline --bench ingest`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let originals: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|p| (p.display().to_string(), std::fs::read(p).expect("readable")))
        .collect();
    // About 2 MB: the examples many times over, each copy with a distinct path.
    let mut out = Vec::new();
    let mut bytes = 0;
    let mut round = 0;
    while bytes < 2_000_000 {
        for (path, data) in &originals {
            bytes += data.len();
            out.push((format!("{path}#{round}"), data.clone()));
        }
        round += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let total: usize = corpus.iter().map(|(_, d)| d.len()).sum();
    let mut group = c.benchmark_group("foundation");
    group.throughput(Throughput::Bytes(total as u64));
    group.sample_size(20);
    group.bench_function("ingest+clean", |b| {
        b.iter(|| {
            corpus
                .iter()
                .filter_map(|(p, d)| storyline_ingest::document_from_bytes(p, d).ok())
                .map(|doc| doc.text.len())
                .sum::<usize>()
        })
    });
    group.bench_function("ingest+clean+segment", |b| {
        b.iter(|| {
            corpus
                .iter()
                .filter_map(|(p, d)| storyline_ingest::document_from_bytes(p, d).ok())
                .map(|doc| {
                    storyline_text::sentences(&doc.text).len()
                        + storyline_text::tokens(&doc.text).len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
