//! RSS and Atom (and JSON Feed) input via `feed-rs`: each entry becomes a feed item
//! with its link, title, authors, and publication and update times kept apart; items
//! that carry their article (full `content`, or a long enough summary) become
//! [`Document`]s. A feed is read with a size cap; errors name the feed.

use crate::inputs::InputError;
use std::io::Read;
use storyline_model::{DateBasis, Document, HeaderLine, Published, TimeValue};

/// The largest feed read (bytes).
pub const MAX_FEED_BYTES: u64 = 50 * 1000 * 1000;

/// One entry of a feed.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedItem {
    pub url: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// RFC 3339 publication time, when given.
    pub published: Option<String>,
    /// RFC 3339 update time, kept apart from the publication time.
    pub updated: Option<String>,
    /// The entry's content (HTML or text), else its summary.
    pub body: Option<String>,
    /// Whether `body` is the full content (not a summary).
    pub full_content: bool,
}

/// Parse a feed from a reader; `source` names it in errors.
pub fn read_feed<R: Read>(reader: R, source: &str) -> Result<Vec<FeedItem>, InputError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_FEED_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::new(source, format!("read error: {e}")))?;
    if bytes.len() as u64 > MAX_FEED_BYTES {
        return Err(InputError::new(source, "feed larger than the size limit"));
    }
    let feed = feed_rs::parser::parse(&bytes[..])
        .map_err(|e| InputError::new(source, format!("not a readable RSS/Atom feed: {e}")))?;
    Ok(feed
        .entries
        .into_iter()
        .map(|e| {
            let content = e
                .content
                .and_then(|c| c.body)
                .filter(|b| !b.trim().is_empty());
            let full_content = content.is_some();
            FeedItem {
                url: e
                    .links
                    .iter()
                    .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                    .or(e.links.first())
                    .map(|l| l.href.clone()),
                title: e.title.map(|t| t.content.trim().to_string()),
                authors: e
                    .authors
                    .into_iter()
                    .map(|p| p.name.trim().to_string())
                    .filter(|n| !n.is_empty())
                    .collect(),
                published: e.published.map(|d| d.to_rfc3339()),
                updated: e.updated.map(|d| d.to_rfc3339()),
                body: content.or(e.summary.map(|s| s.content)),
                full_content,
            }
        })
        .collect())
}

/// Documents from a feed's items that carry article text (at least `min_chars`
/// characters of it); items that only link elsewhere are left to the caller.
pub fn documents_from_feed(items: &[FeedItem], source: &str, min_chars: usize) -> Vec<Document> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(body) = &item.body else { continue };
        let path = item
            .url
            .clone()
            .unwrap_or_else(|| format!("{source}#{}", i + 1));
        let is_html = body.contains('<') && body.contains('>');
        let html = if is_html {
            format!("<html><body><article>{body}</article></body></html>")
        } else {
            String::new()
        };
        let (text, removed) = if is_html {
            crate::html::fragment_text(&html)
        } else {
            (body.trim().to_string(), Vec::new())
        };
        if text.chars().count() < min_chars {
            continue;
        }
        let mut header = Vec::new();
        let published = match item
            .published
            .as_deref()
            .or(item.updated.as_deref())
            .and_then(|p| crate::html::pubdate::parse_value(p, "feed"))
        {
            Some(d) => {
                let which = if item.published.is_some() {
                    "feed published"
                } else {
                    "feed updated (no publication time)"
                };
                let mut v = TimeValue::day(d.date);
                if d.time.is_some() {
                    v.value = d.timex();
                    v.precision = storyline_model::Precision::Time;
                }
                Published {
                    value: v,
                    basis: DateBasis::Meta,
                    evidence: None,
                    source_text: Some(format!("{which}: {}", d.raw)),
                    story: Vec::new(),
                }
            }
            None => Published::unknown(),
        };
        if let Some(u) = &item.updated {
            header.push(HeaderLine {
                text: format!("feed updated: {u}"),
                field: "modified".into(),
            });
        }
        if !item.full_content {
            header.push(HeaderLine {
                text: "feed summary only".into(),
                field: "truncated".into(),
            });
        }
        let language = crate::article::detect_language(&text);
        out.push(Document {
            id: String::new(),
            path,
            text,
            title: item.title.clone(),
            outlet: None,
            authors: item.authors.clone(),
            dateline: None,
            language,
            published,
            removed,
            times: Vec::new(),
            related: Vec::new(),
            contributors: Vec::new(),
            header,
            encoding: None,
            stats: None,
            skipped: Vec::new(),
        });
    }
    out
}
