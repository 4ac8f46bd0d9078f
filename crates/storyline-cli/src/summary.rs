//! The readable terminal summary of a report: per document its outlet, date and the
//! basis of that date, title, words, and what cleaning removed; then the most
//! mentioned actors, a count of claims by stance, and the sources.

use std::collections::BTreeMap;
use std::io::{self, Write};
use storyline_model::{DateBasis, Document, Report};

fn basis_name(b: DateBasis) -> &'static str {
    match b {
        DateBasis::Header => "header",
        DateBasis::Meta => "meta line",
        DateBasis::Dateline => "dateline",
        DateBasis::Byline => "byline",
        DateBasis::Content => "content",
        DateBasis::File => "file",
        DateBasis::Unknown => "unknown",
    }
}

fn date_text(doc: &Document) -> String {
    let p = &doc.published;
    let basis = basis_name(p.basis);
    match (p.value.earliest, p.value.latest) {
        _ if p.basis == DateBasis::Unknown => "date unknown".to_string(),
        (Some(_), None) => format!("on or after {} ({basis})", p.value.value),
        (Some(e), Some(l)) if e != l => format!("between {e} and {l} ({basis})"),
        _ => format!("{} ({basis})", p.value.value),
    }
}

fn removed_text(doc: &Document) -> String {
    if doc.removed.is_empty() {
        return "nothing".to_string();
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &doc.removed {
        *counts.entry(r.kind.as_str()).or_default() += 1;
    }
    counts
        .iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Write the summary.
pub fn write(out: &mut impl Write, report: &Report) -> io::Result<()> {
    writeln!(
        out,
        "storyline: {} document{}",
        report.documents.len(),
        if report.documents.len() == 1 { "" } else { "s" }
    )?;
    for doc in &report.documents {
        writeln!(out)?;
        writeln!(out, "{}  {}", doc.id, doc.path)?;
        writeln!(
            out,
            "    {} | {}{}",
            doc.outlet.as_deref().unwrap_or("outlet unknown"),
            date_text(doc),
            doc.dateline
                .as_deref()
                .map(|d| format!(" | dateline {d}"))
                .unwrap_or_default()
        )?;
        if let Some(t) = &doc.title {
            writeln!(out, "    title:   {t}")?;
        }
        if !doc.authors.is_empty() {
            writeln!(out, "    by:      {}", doc.authors.join(", "))?;
        }
        let words = doc.stats.map(|s| s.words).unwrap_or(0);
        let sentences = doc.stats.map(|s| s.sentences).unwrap_or(0);
        writeln!(
            out,
            "    text:    {words} words, {sentences} sentences; language {}{}",
            doc.language,
            doc.encoding
                .as_deref()
                .map(|e| format!("; decoded from {e}"))
                .unwrap_or_default()
        )?;
        writeln!(out, "    removed: {}", removed_text(doc))?;
    }
    if !report.entities.is_empty() {
        let mut top: Vec<_> = report.entities.iter().collect();
        top.sort_by(|a, b| {
            b.mentions
                .len()
                .cmp(&a.mentions.len())
                .then(a.id.cmp(&b.id))
        });
        writeln!(out)?;
        writeln!(
            out,
            "actors: {} (most mentioned first)",
            report.entities.len()
        )?;
        for e in top.iter().take(10) {
            writeln!(
                out,
                "    {:<40} {:<7} {:<10} {} mentions",
                e.name,
                serde_json::to_value(e.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                e.code.as_deref().unwrap_or(""),
                e.mentions.len()
            )?;
        }
    }
    if !report.claims.is_empty() {
        let mut stances: BTreeMap<String, usize> = BTreeMap::new();
        for c in &report.claims {
            let s = serde_json::to_value(c.stance)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            *stances.entry(s).or_default() += 1;
        }
        let anonymous = report.claims.iter().filter(|c| c.speaker.anonymous).count();
        writeln!(out)?;
        writeln!(
            out,
            "claims: {} ({} from anonymous sources; {})",
            report.claims.len(),
            anonymous,
            stances
                .iter()
                .map(|(k, n)| format!("{n} {k}"))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    if !report.sources.is_empty() {
        writeln!(out)?;
        writeln!(out, "sources:")?;
        for s in &report.sources {
            writeln!(
                out,
                "    {}: {} (claims: {} named, {} anonymous)",
                s.name,
                s.documents.join(", "),
                s.sourcing.named,
                s.sourcing.anonymous
            )?;
        }
    }
    if !report.skipped.is_empty() {
        writeln!(out)?;
        writeln!(out, "skipped:")?;
        for s in &report.skipped {
            writeln!(out, "    {}: {}", s.path, s.reason)?;
        }
    }
    Ok(())
}
