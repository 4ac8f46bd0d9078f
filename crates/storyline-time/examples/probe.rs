//! Prints the time expressions of each stdin line `YYYY-MM-DD<TAB>sentence` (for
//! error analysis by hand): `cargo run -p storyline-time --example probe < lines.tsv`.

use std::io::BufRead;

use chrono::NaiveDate;
use storyline_time::{tag, Anchor};

fn main() {
    let stdin = std::io::stdin();
    for line in stdin.lock().lines().map_while(Result::ok) {
        let Some((d, s)) = line.split_once('\t') else {
            continue;
        };
        let anchor = NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
            .map_or_else(|_| Anchor::unknown(), Anchor::day);
        let ms = tag(s, &anchor);
        let parts: Vec<String> = ms
            .iter()
            .map(|m| format!("[{}|{:?}|{}]", m.text, m.kind, m.value.value))
            .collect();
        println!("{s}\n    => {}", parts.join(" "));
    }
}
