// Tagging document text with the compiled-in NER model: sentences and tokens from
// storyline-text, Viterbi decoding, BILOU → spans, and the mapping of CoNLL's four
// types to the report's types (LOC → GPE/LOC, MISC → NORP/EVENT/OTHER).

use std::sync::OnceLock;

use storyline_model::{EntityType, Span};
use storyline_text::{Token, TokenKind};

use crate::lexicon::{self, lexicon};
use crate::model::{doc_features, untag, Model};

static MODEL_BYTES: &[u8] = include_bytes!("../../../resources/models/ner.bin");

/// The compiled-in model, or `None` when the shipped file is missing or invalid.
pub fn model() -> Option<&'static Model> {
    static M: OnceLock<Option<Model>> = OnceLock::new();
    M.get_or_init(|| Model::from_bytes(MODEL_BYTES).ok())
        .as_ref()
}

/// One entity mention found by the tagger.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NerSpan {
    pub span: Span,
    pub kind: EntityType,
    /// The CoNLL-2003 type the model predicted (`PER`, `ORG`, `LOC`, `MISC`), or
    /// `DESC` for a description added by resolution.
    pub label: String,
}

/// The report type's CoNLL-2003 counterpart (for scoring).
pub fn to_conll_type(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "PER",
        EntityType::Org => "ORG",
        EntityType::Gpe | EntityType::Loc => "LOC",
        EntityType::Norp | EntityType::Event | EntityType::Other => "MISC",
    }
}

const EVENT_HEADS: &[&str] = &[
    "war",
    "games",
    "olympics",
    "cup",
    "championship",
    "championships",
    "summit",
    "conference",
    "intifada",
    "revolution",
    "uprising",
    "accords",
    "accord",
    "agreement",
    "crisis",
    "massacre",
    "attack",
    "attacks",
    "election",
    "elections",
    "festival",
    "open",
];

/// Maps a CoNLL type and the span's words to the report's types.
pub(crate) fn map_type(conll: usize, words: &[&str]) -> EntityType {
    match conll {
        0 => EntityType::Person,
        1 => EntityType::Org,
        2 => {
            if lexicon::is_gpe(words) || lexicon::capital_of(words).is_some() {
                EntityType::Gpe
            } else {
                EntityType::Loc
            }
        }
        _ => {
            if lexicon::is_norp(words)
                || words.last().is_some_and(|w| lexicon::is_norp(&[w])) && words.len() <= 2
            {
                EntityType::Norp
            } else if words
                .last()
                .is_some_and(|w| EVENT_HEADS.contains(&w.to_lowercase().as_str()))
            {
                EntityType::Event
            } else {
                EntityType::Other
            }
        }
    }
}

/// Entity mentions of `text`, given its tokens (from `storyline_text::tokens`).
/// Sentences are found with `storyline_text::sentences`.
pub fn tag(text: &str, tokens: &[Token]) -> Vec<NerSpan> {
    let sents = storyline_text::sentences(text);
    tag_sentences(text, tokens, &sents)
}

/// Like [`tag`] with the sentence spans given (tokens outside every sentence are
/// tagged as one extra sentence each run).
pub fn tag_sentences(text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<NerSpan> {
    let Some(model) = model() else {
        return Vec::new();
    };
    // group token indices by sentence
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut si = 0;
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        while si < sentences.len() && t.span.start >= sentences[si].end {
            si += 1;
            if i > start {
                groups.push((start, i));
            }
            start = i;
        }
    }
    if tokens.len() > start {
        groups.push((start, tokens.len()));
    }
    let words_of = |a: usize, b: usize| -> Vec<&str> {
        tokens[a..b]
            .iter()
            .map(|t| text.get(t.span.start..t.span.end).unwrap_or(""))
            .collect()
    };
    let sents: Vec<Vec<&str>> = groups.iter().map(|&(a, b)| words_of(a, b)).collect();
    let df = doc_features(&sents, lexicon());
    let mut out = Vec::new();
    let mut raw: Vec<(usize, usize, usize, EntityType)> = Vec::new();
    let mut tags = Vec::new();
    for ((a, _), ((feats, offs), words)) in groups.iter().zip(df.sents.iter().zip(&sents)) {
        model.decode(feats, offs, &mut tags);
        let mut open: Option<(usize, usize)> = None;
        for (i, &t) in tags.iter().enumerate() {
            let Some((ty, pos)) = untag(t) else {
                open = None;
                continue;
            };
            let s = match pos {
                0 => {
                    open = Some((i, ty));
                    continue;
                }
                1 => continue,
                2 => match open.take() {
                    Some((s, oty)) if oty == ty => s,
                    _ => i,
                },
                _ => i,
            };
            let span_words = &words[s..=i];
            // a span must hold at least one word or number
            if !tokens[a + s..=a + i]
                .iter()
                .any(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            {
                continue;
            }
            let kind = map_type(ty, span_words);
            raw.push((a + s, a + i + 1, ty, kind));
        }
    }
    let words: Vec<&str> = tokens
        .iter()
        .map(|t| text.get(t.span.start..t.span.end).unwrap_or(""))
        .collect();
    postprocess(&words, &mut raw);
    for (s, e, ty, mut kind) in raw {
        // "American-Israeli": a compound of nationalities is a NORP whatever the tag
        if e == s + 1
            && words[s].contains('-')
            && words[s].split('-').all(|p| lexicon::is_norp(&[p]))
        {
            kind = EntityType::Norp;
        }
        out.push(NerSpan {
            span: Span::new(tokens[s].span.start, tokens[e - 1].span.end),
            kind,
            label: crate::model::TYPES[ty].to_string(),
        });
    }
    out
}

/// Name particles that join the parts of Arabic and other names ("Tamim bin Hamad").
const JOINERS: &[&str] = &[
    "bin", "ibn", "bint", "al", "el", "abu", "abd", "ben", "van", "von", "de", "da",
];

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Repairs common span errors of the tagger on news text, on token-index spans
/// `(start, end, conll type, kind)`: person names split at particles ("Tamim" "bin"
/// "Hamad al-Thani"), the tail of a title read as a name ("Secretary of State
/// Blinken" → "State Blinken"), "Ministry" "of" "Foreign Affairs", and two spans that
/// touch.
fn postprocess(words: &[&str], spans: &mut Vec<(usize, usize, usize, EntityType)>) {
    // title tails: a title that starts before the span and ends inside it
    for sp in spans.iter_mut() {
        for k in 1..(sp.1 - sp.0) {
            if let Some((ts, _)) = crate::resolve::title_before_pub(words, sp.0 + k) {
                if ts < sp.0 && is_cap(words[sp.0 + k]) {
                    sp.0 += k;
                    sp.2 = 0;
                    sp.3 = EntityType::Person;
                    break;
                }
            }
        }
    }
    let mut out: Vec<(usize, usize, usize, EntityType)> = Vec::with_capacity(spans.len());
    for sp in spans.drain(..) {
        if let Some(last) = out.last_mut() {
            let gap = &words[last.1..sp.0];
            let person = last.3 == EntityType::Person || sp.3 == EntityType::Person;
            let joined = if gap.is_empty() {
                // touching spans: one name
                true
            } else if person
                && gap
                    .iter()
                    .all(|w| JOINERS.contains(&w.to_lowercase().as_str()))
            {
                last.2 = 0;
                last.3 = EntityType::Person;
                true
            } else {
                last.3 == EntityType::Org
                    && gap.len() == 1
                    && (matches!(gap[0], "Of" | "For")
                        || (matches!(gap[0], "of" | "for")
                            && matches!(sp.3, EntityType::Org | EntityType::Gpe | EntityType::Loc)))
            };
            if joined {
                if gap.is_empty() && last.3 != EntityType::Person && last.3 != EntityType::Org {
                    last.2 = sp.2;
                    last.3 = sp.3;
                }
                last.1 = sp.1;
                continue;
            }
        }
        out.push(sp);
    }
    // a person name followed by "bin X", "al-X": extend over capitalised parts
    for sp in out.iter_mut() {
        if sp.3 != EntityType::Person {
            continue;
        }
        let mut e = sp.1;
        while e + 1 < words.len()
            && JOINERS.contains(&words[e].to_lowercase().as_str())
            && is_cap(words[e + 1])
        {
            e += 2;
        }
        sp.1 = e;
    }
    // drop overlaps created by extension
    let mut last_end = 0;
    out.retain(|sp| {
        let keep = sp.0 >= last_end;
        if keep {
            last_end = sp.1;
        }
        keep
    });
    *spans = out;
}

/// One document's text and its mentions: the input of [`crate::resolve`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DocEntities {
    pub doc: String,
    pub text: String,
    pub mentions: Vec<NerSpan>,
}

/// Tokenises and tags one document.
pub fn extract(doc: &str, text: &str) -> DocEntities {
    let toks = storyline_text::tokens(text);
    DocEntities {
        doc: doc.to_string(),
        text: text.to_string(),
        mentions: tag(text, &toks),
    }
}
