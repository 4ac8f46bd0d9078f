// Reading CoNLL-format NER files (CoNLL-2003: `word POS chunk NER`; WNUT-17:
// `word<TAB>tag`) and chunking tag sequences exactly as the `conlleval` script does,
// so that IOB1, IOB2 and IOBES inputs all give the same entity spans.

use std::path::Path;

use anyhow::Context as _;

/// One sentence: words and their tags as written in the file.
#[derive(Debug, Clone, Default)]
pub struct ConllSentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
}

/// One document (CoNLL-2003 `-DOCSTART-` block; WNUT files are one document).
#[derive(Debug, Clone, Default)]
pub struct ConllDoc {
    pub sentences: Vec<ConllSentence>,
}

/// Reads a CoNLL-format file: one token per line, the word in the first column and
/// the tag in the last; blank lines end sentences; `-DOCSTART-` starts a document.
pub fn read_conll(path: &Path) -> anyhow::Result<Vec<ConllDoc>> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    Ok(parse_conll(&text))
}

/// Parses CoNLL-format text (see [`read_conll`]).
pub fn parse_conll(text: &str) -> Vec<ConllDoc> {
    let mut docs = vec![ConllDoc::default()];
    let mut sent = ConllSentence::default();
    let flush = |docs: &mut Vec<ConllDoc>, sent: &mut ConllSentence| {
        if !sent.words.is_empty() {
            if let Some(d) = docs.last_mut() {
                d.sentences.push(std::mem::take(sent));
            }
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        let cols: Vec<&str> = line.split(['\t', ' ']).filter(|c| !c.is_empty()).collect();
        if cols.is_empty() {
            flush(&mut docs, &mut sent);
            continue;
        }
        if cols[0] == "-DOCSTART-" {
            flush(&mut docs, &mut sent);
            if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(ConllDoc::default());
            }
            continue;
        }
        let tag = if cols.len() >= 2 {
            cols[cols.len() - 1]
        } else {
            "O"
        };
        sent.words.push(cols[0].to_string());
        sent.tags.push(tag.to_string());
    }
    flush(&mut docs, &mut sent);
    docs.retain(|d| !d.sentences.is_empty());
    docs
}

fn split_tag(t: &str) -> (&str, &str) {
    if t == "O" || t.is_empty() {
        return ("O", "");
    }
    match t.split_once('-') {
        Some((p, ty)) if p.len() == 1 => (p, ty),
        _ => ("I", t),
    }
}

/// conlleval's `endOfChunk`.
fn end_of_chunk(prev_tag: &str, tag: &str, prev_type: &str, ty: &str) -> bool {
    let mut end = matches!(
        (prev_tag, tag),
        ("B", "B") | ("B", "S") | ("B", "O") | ("I", "B") | ("I", "S") | ("I", "O")
    );
    end |= matches!(prev_tag, "E" | "S");
    end |= matches!(prev_tag, "]");
    if prev_tag != "O" && prev_tag != "." && prev_type != ty {
        end = true;
    }
    end
}

/// conlleval's `startOfChunk`.
fn start_of_chunk(prev_tag: &str, tag: &str, prev_type: &str, ty: &str) -> bool {
    let mut start = matches!(
        (prev_tag, tag),
        ("B", "B")
            | ("I", "B")
            | ("O", "B")
            | ("O", "I")
            | ("E", "E")
            | ("E", "I")
            | ("O", "E")
            | ("S", "E")
            | ("S", "I")
            | ("E", "B")
    );
    start |= matches!(tag, "S" | "[");
    if tag != "O" && tag != "." && prev_type != ty {
        start = true;
    }
    start
}

/// The entity chunks `(start, end_exclusive, type)` of a tag sequence, as conlleval
/// reads them (IOB1, IOB2, IOBES).
pub fn chunks<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let (mut prev_tag, mut prev_type) = ("O", "");
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (tag, ty) = split_tag(t.as_ref());
        if end_of_chunk(prev_tag, tag, prev_type, ty) {
            if let Some((s, tyo)) = open.take() {
                out.push((s, i, tyo));
            }
        }
        if start_of_chunk(prev_tag, tag, prev_type, ty) {
            open = Some((i, ty.to_string()));
        }
        prev_tag = tag;
        prev_type = ty;
    }
    if let Some((s, ty)) = open {
        out.push((s, tags.len(), ty));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_and_iob2_give_same_chunks() {
        let iob1 = ["I-PER", "I-PER", "B-PER", "O", "I-LOC"];
        let iob2 = ["B-PER", "I-PER", "B-PER", "O", "B-LOC"];
        let want = vec![
            (0, 2, "PER".to_string()),
            (2, 3, "PER".to_string()),
            (4, 5, "LOC".to_string()),
        ];
        assert_eq!(chunks(&iob1), want);
        assert_eq!(chunks(&iob2), want);
    }

    #[test]
    fn type_change_splits_chunk() {
        let t = ["I-ORG", "I-LOC", "O"];
        assert_eq!(
            chunks(&t),
            vec![(0, 1, "ORG".to_string()), (1, 2, "LOC".to_string())]
        );
    }

    #[test]
    fn parses_docstart_and_columns() {
        let d = parse_conll("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].sentences[0].words, ["EU", "rejects"]);
        assert_eq!(d[0].sentences[0].tags, ["B-ORG", "O"]);
    }
}
