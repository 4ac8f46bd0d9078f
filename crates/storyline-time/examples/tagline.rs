// Tags the text on stdin against the anchor date given as the first argument
// (YYYY-MM-DD) and prints one mention a line: text, type, value. With
// `--bench N` it instead tags the whole input N times after one warm-up pass and
// prints the throughput (for the side-by-side with HeidelTime, see
// benches/heideltime/README.md).
// Usage: echo "He left on Friday." | cargo run -p storyline-time --example tagline -- 2024-11-19

use std::io::Read;
use std::time::Instant;

use chrono::NaiveDate;
use storyline_time::{tag, Anchor};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let day = args
        .first()
        .and_then(|a| NaiveDate::parse_from_str(a, "%Y-%m-%d").ok());
    let anchor = day.map_or_else(Anchor::unknown, Anchor::day);
    let bench: Option<usize> = args
        .iter()
        .position(|a| a == "--bench")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok());
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        return;
    }
    if let Some(n) = bench {
        let w0 = Instant::now();
        let found = tag(&text, &anchor).len();
        let warm = w0.elapsed().as_secs_f64();
        let t0 = Instant::now();
        for _ in 0..n.max(1) {
            std::hint::black_box(tag(&text, &anchor));
        }
        let secs = t0.elapsed().as_secs_f64() / n.max(1) as f64;
        println!(
            "bytes={} timexes={} first_pass_s={:.4} steady_s={:.5} steady_MB_per_s={:.2}",
            text.len(),
            found,
            warm,
            secs,
            text.len() as f64 / 1e6 / secs
        );
        return;
    }
    for m in tag(&text, &anchor) {
        println!("{}\t{:?}\t{}", m.text, m.kind, m.value.value);
    }
}
