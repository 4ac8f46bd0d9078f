// Prints the attributions of the text files given as arguments, one line each.
fn main() {
    let claims = std::env::args().any(|a| a == "--claims");
    for path in std::env::args().skip(1).filter(|a| a != "--claims") {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        println!("== {path}");
        let atts = storyline_claims::extract(&text);
        if claims {
            let published = storyline_claims::TimeValue::unknown();
            for c in storyline_claims::to_claims("d", &text, &atts, &published, 0) {
                println!("{}", serde_json::to_string(&c).unwrap_or_default());
            }
            continue;
        }
        for a in atts {
            let s = |x: Option<storyline_claims::Span>| {
                x.and_then(|x| x.slice(&text))
                    .unwrap_or("-")
                    .replace('\n', " / ")
            };
            let content: Vec<String> = a.content.iter().map(|c| s(Some(*c))).collect();
            println!(
                "[{}] ({:?}{}{}{}) aff={} | cue={} | {:?} direct={} | {}",
                s(Some(a.source)),
                a.speaker_kind,
                if a.anonymous { " ANON" } else { "" },
                a.antecedent
                    .map(|x| format!(" -> {}", s(Some(x))))
                    .unwrap_or_default(),
                if a.weak { " weak" } else { "" },
                s(a.affiliation),
                s(Some(a.cue)),
                a.stance,
                a.direct,
                content.join(" ‖ ").chars().take(140).collect::<String>()
            );
        }
    }
}
