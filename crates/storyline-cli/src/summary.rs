//! The readable terminal summary of a report: per document its outlet, date and the
//! basis of that date, title, words, and what cleaning removed.

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
    if p.basis == DateBasis::Unknown {
        "date unknown".to_string()
    } else {
        format!("{} ({})", p.value.value, basis_name(p.basis))
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
    if !report.sources.is_empty() {
        writeln!(out)?;
        writeln!(out, "sources:")?;
        for s in &report.sources {
            writeln!(out, "    {}: {}", s.name, s.documents.join(", "))?;
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
