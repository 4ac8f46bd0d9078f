//! Throughput of the entities stage (tokens per second): NER tagging alone, and
//! tokenisation + tagging + resolution, on synthetic news-like text written for the
//! benchmark.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> String {
    let para = "Secretary of State Maria Lopez met Prime Minister Sheikh Khalid bin Saad al-Nuri \
in Doha on Tuesday, the foreign ministry said. The Gulf state has mediated between the \
Northern Alliance and the government of Ruritania since 2019. Lopez told reporters in \
Washington that the United Nations and the European Union backed the talks. “We are \
ready,” al-Nuri said. The group’s leader, Omar Haddad, rejected the plan on Wednesday, \
according to Reuters and the Associated Press.\n\n";
    para.repeat(200)
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let toks = storyline_text::tokens(&text);
    let n = toks.len() as u64;
    let mut g = c.benchmark_group("entities");
    g.throughput(Throughput::Elements(n));
    g.sample_size(10);
    g.bench_function("tag", |b| b.iter(|| storyline_entities::tag(&text, &toks)));
    g.bench_function("extract+resolve", |b| {
        b.iter(|| {
            let d = storyline_entities::extract("d1", &text);
            storyline_entities::resolve(std::slice::from_ref(&d))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
