//! Penn-Treebank-tokenised text ("Egypt 's", "do n't", "`` quoted ''", "-LRB-",
//! "January 27 , 2011"), the form many research corpora ship news in, joined back
//! into running text before cleaning, so that dates, quotes, names and clitics read
//! as in any article. The token table is data (`resources/ingest/ptb_tokens.tsv`).

use crate::lexicon::data_lines;
use std::collections::HashMap;
use std::sync::LazyLock;

const PTB_TSV: &str = include_str!("../../../resources/ingest/ptb_tokens.tsv");

#[derive(Clone, Copy, PartialEq, Eq)]
enum Join {
    Left,
    Right,
    None,
}

static TOKENS: LazyLock<HashMap<&'static str, (Option<&'static str>, Join)>> =
    LazyLock::new(|| {
        data_lines(PTB_TSV)
            .filter_map(|l| {
                let mut f = l.split('\t');
                let (tok, rep, join) = (f.next()?, f.next()?, f.next()?);
                let rep = (rep != "-").then_some(rep);
                let join = match join.trim() {
                    "left" => Join::Left,
                    "right" => Join::Right,
                    _ => Join::None,
                };
                Some((tok, (rep, join)))
            })
            .collect()
    });

/// Whether a text reads as Penn-Treebank-tokenised: at least one token only such
/// text has (a bracket token, a `` quote, a split "n't" or clitic), and those with
/// spaced commas at one per 40 words or more. A few " , " typos are not enough.
pub fn is_ptb_tokenised(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let mut ptb_only = 0usize;
    for w in text.split_whitespace() {
        if matches!(
            w,
            "-LRB-" | "-RRB-" | "``" | "n't" | "'s" | "'re" | "'ve" | "'ll" | "'m" | "'d"
        ) {
            ptb_only += 1;
        }
    }
    let marks = ptb_only + text.matches(" , ").count();
    ptb_only >= 2 && marks >= 5 && marks * 40 >= words
}

/// `text` with its tokens joined back: no space before punctuation and clitics, none
/// after opening brackets and quotes, PTB's bracket and quote tokens as characters,
/// and "\/" as "/". Line breaks are kept.
pub fn detokenise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut glue_next = true; // no space before the line's first token
        for tok in line.split(' ').filter(|t| !t.is_empty()) {
            let tok_fixed;
            let tok = if tok.contains("\\/") || tok.contains("\\*") {
                tok_fixed = tok.replace("\\/", "/").replace("\\*", "*");
                tok_fixed.as_str()
            } else {
                tok
            };
            let (rep, join) = TOKENS.get(tok).copied().unwrap_or((None, Join::None));
            if !glue_next && join != Join::Left {
                out.push(' ');
            }
            out.push_str(rep.unwrap_or(tok));
            glue_next = join == Join::Right;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenised_news_reads_as_written() {
        let t = "Lind 's mayor said -LRB- on Monday -RRB- she `` ca n't wait '' for the $ 4 million bridge , due March 3 , 2027 .\nHOLM , HOST : It 's 1\\/2 done .";
        assert!(is_ptb_tokenised(t));
        assert_eq!(
            detokenise(t),
            "Lind's mayor said (on Monday) she “can't wait” for the $4 million bridge, due March 3, 2027.\nHOLM, HOST: It's 1/2 done."
        );
    }

    #[test]
    fn a_few_spaced_commas_are_no_tokenisation() {
        let t = "The mayor , who took office in May , said the bridge would open , and the council agreed. Residents , however , were unsure whether it would be finished this year. The $ 4 million plan passed.";
        assert!(!is_ptb_tokenised(t));
    }

    #[test]
    fn typed_text_is_left_alone() {
        let t = "The mayor said on Monday that the bridge, which cost $4 million, will open in March. \"We can't wait,\" she said.";
        assert!(!is_ptb_tokenised(t));
    }
}
