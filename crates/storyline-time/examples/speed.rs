// Times the tagger on the news-like bench text repeated to about 1 MB (release
// build: cargo run --release -p storyline-time --example speed) and prints MB/s.

use std::time::Instant;

use chrono::NaiveDate;
use storyline_time::{tag, Anchor};

fn main() {
    let para = include_str!("../benches/news.txt");
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(para);
        text.push('\n');
    }
    let anchor = NaiveDate::from_ymd_opt(2024, 11, 19).map_or_else(Anchor::unknown, Anchor::day);
    let _ = tag("warm up", &anchor);
    let t0 = Instant::now();
    let mut n = 0;
    let rounds = 3;
    for _ in 0..rounds {
        n += tag(&text, &anchor).len();
    }
    let secs = t0.elapsed().as_secs_f64() / rounds as f64;
    println!(
        "{} bytes, {} mentions per pass, {:.3} s per pass, {:.2} MB/s",
        text.len(),
        n / rounds,
        secs,
        text.len() as f64 / 1e6 / secs
    );
}
