//! Criterion benchmark of HTML extraction speed: full extraction (`html::extract`)
//! and date finding alone (`html::page_dates`), per page. Runs on the pages of
//! `shared/data/article-extraction/html` when that folder is present (pages/s =
//! 1 / time per page), else on a synthetic page built here.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::io::Read;
use std::path::PathBuf;

fn synthetic_page() -> String {
    let mut body = String::new();
    for i in 0..40 {
        body.push_str(&format!(
            "<p>Paragraph {i} of the report says that the council met on Tuesday, and that the budget, which had been delayed twice, was finally approved by a narrow margin.</p>\n"
        ));
    }
    let mut nav = String::new();
    for i in 0..200 {
        nav.push_str(&format!("<li class=\"menu-item\"><a href=\"/section/{i}\" data-track=\"nav-{i}\">Section {i}</a></li>"));
    }
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Budget approved</title><meta property=\"article:published_time\" content=\"2024-11-19T10:02:00Z\"><script>var a = 1;</script></head><body><nav><ul>{nav}</ul></nav><article><h1>Budget approved</h1><div class=\"article-body\">{body}</div></article><footer>Copyright</footer></body></html>"
    )
}

fn shared_pages() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/article-extraction/html");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    paths
        .into_iter()
        .take(40)
        .filter_map(|p| {
            let f = std::fs::File::open(&p).ok()?;
            let mut s = String::new();
            flate2::read::MultiGzDecoder::new(f)
                .read_to_string(&mut s)
                .ok()?;
            Some(s)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut pages = shared_pages();
    let source = if pages.is_empty() {
        pages.push(synthetic_page());
        "synthetic"
    } else {
        "article-extraction"
    };
    let mut g = c.benchmark_group(format!("html/{source}"));
    g.throughput(Throughput::Elements(pages.len() as u64));
    g.sample_size(10);
    g.bench_function("extract", |b| {
        b.iter(|| {
            for p in &pages {
                std::hint::black_box(storyline_ingest::html::extract(p, None));
            }
        })
    });
    g.bench_function("page_dates", |b| {
        b.iter(|| {
            for p in &pages {
                std::hint::black_box(storyline_ingest::html::page_dates(p, None));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
