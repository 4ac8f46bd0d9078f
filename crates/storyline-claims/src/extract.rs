//! The attribution extractor: tokens, sentences and quote regions of a text, cue
//! detection, source / content / addressee spans, speaker classification and the
//! resolution of pronouns and anaphoric speaker phrases.

use crate::lexicon::{
    ends_with_deny_label, finding_source, is_ly_adverb, is_month, is_org_word, is_pronoun,
    is_time_word, is_weekday, pp_head, CueEntry, Frame, ADJ_ED, ANON_HEADS, ANON_MARKERS,
    CLOSING_CUES_SET, CUE_FORMS, CUE_MODIFIERS, DENY_OPENINGS, DETS, DOCUMENTS, ED_NOUNS_SET,
    INDEFINITE, ING_ADJECTIVES_SET, ISSUING_VERBS, LABELLING_VERBS_SET, NOT_AGENTS, NOUN_FORMS_SET,
    NOUN_FORM_VERBS_SET, OCCASIONS, OPENING_ADJECTIVES, PAST_FORMS_SET, PHRASE_RE, RECORDINGS,
    ROLES_SET, SOURCE_PARTICIPLES, STOP, STUDY_NOUNS_SET,
};
use crate::tagger::{TagAtt, Tagger};
use crate::{Attribution, CueKind, SpeakerKind, Stance};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

mod layouts;
use storyline_text::{sentences, token_iter, Span, TokenKind};

#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub(crate) s: usize,
    pub(crate) e: usize,
    pub(crate) kind: TokenKind,
    pub(crate) low: String,
    pub(crate) cap: bool,
}

pub(crate) struct Doc<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: Vec<Tok>,
    /// Token ranges `[a, b)` of each sentence.
    pub(crate) sents: Vec<(usize, usize)>,
    /// Quote regions, opening mark to closing mark inclusive, sorted.
    quotes: Vec<Span>,
    /// Multi-word cue matches: first token -> (token end (exclusive), stance,
    /// source after the cue).
    refusals: HashMap<usize, (usize, Stance, bool)>,
}

#[derive(Debug, Clone, Copy)]
struct Cue {
    /// Main word of the cue.
    head: usize,
    /// First token of the verb group.
    start: usize,
    /// One past the last token of the cue.
    end: usize,
    entry: CueEntry,
    kind: CueKind,
    negated: bool,
    /// The source follows the cue ("there was no reaction from X").
    source_after: bool,
}

/// A noun phrase found around a cue.
#[derive(Debug, Clone, Copy)]
struct Np {
    /// Full tokens `[s, e)`.
    s: usize,
    e: usize,
    /// Core tokens (without apposition or relative clause).
    cs: usize,
    ce: usize,
    anon_clause: bool,
}

const QUOTE_OPEN: [&str; 3] = ["“", "\"", "''"];

/// Finite auxiliaries and copulas: the word that continues a clause whose
/// subject came before a parenthetical cue.
const FINITE_AUX: [&str; 22] = [
    "is", "are", "was", "were", "will", "would", "can", "could", "should", "shall", "may", "might",
    "must", "has", "have", "had", "does", "do", "did", "remains", "remain", "won't",
];

fn is_quote_str(s: &str) -> bool {
    matches!(s, "“" | "”" | "\"" | "''" | "``" | "„")
}

/// Finds quote regions: `“…”`, `"…"`, `''…''`; a quote left open at a paragraph
/// end continues when the next paragraph opens with a quote mark.
fn quote_regions(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut i = 0;
    let n = b.len();
    while i < n {
        let c = b[i];
        if c == b'\n' {
            // paragraph break: a blank line, or a newline followed by an opening mark
            let mut j = i + 1;
            while j < n && (b[j] == b' ' || b[j] == b'\t' || b[j] == b'\r' || b[j] == b'\n') {
                j += 1;
            }
            let blank = text[i + 1..j].contains('\n');
            if let Some(_o) = open {
                let rest = &text[j..];
                let reopen = QUOTE_OPEN.iter().find(|q| rest.starts_with(**q));
                match reopen {
                    Some(q) => {
                        // continuation: skip the re-opening mark
                        i = j + q.len();
                        continue;
                    }
                    None => {
                        if blank {
                            open = None;
                        }
                    }
                }
            }
            i = j.max(i + 1);
            continue;
        }
        if text[i..].starts_with('“') {
            if open.is_none() {
                open = Some(i);
            }
            i += '“'.len_utf8();
            continue;
        }
        if text[i..].starts_with('”') {
            if let Some(o) = open.take() {
                out.push(Span::new(o, i + '”'.len_utf8()));
            }
            i += '”'.len_utf8();
            continue;
        }
        let straight = if c == b'"' {
            1
        } else if (c == b'\'' && i + 1 < n && b[i + 1] == b'\'')
            || (c == b'`' && i + 1 < n && b[i + 1] == b'`')
        {
            2
        } else {
            0
        };
        if straight > 0 {
            match open.take() {
                Some(o) => out.push(Span::new(o, i + straight)),
                None => open = Some(i),
            }
            i += straight;
            continue;
        }
        i += 1;
        while i < n && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    out
}

impl<'a> Doc<'a> {
    pub(crate) fn new(text: &'a str) -> Doc<'a> {
        let toks: Vec<Tok> = token_iter(text)
            .map(|t| {
                let w = &text[t.span.start..t.span.end];
                Tok {
                    s: t.span.start,
                    e: t.span.end,
                    kind: t.kind,
                    low: w.to_lowercase().replace('’', "'"),
                    cap: w.chars().next().is_some_and(char::is_uppercase),
                }
            })
            .collect();
        let spans = sentences(text);
        let mut sents = Vec::with_capacity(spans.len());
        let mut ti = 0;
        for sp in &spans {
            while ti < toks.len() && toks[ti].s < sp.start {
                ti += 1;
            }
            let a = ti;
            while ti < toks.len() && toks[ti].e <= sp.end {
                ti += 1;
            }
            if ti > a {
                sents.push((a, ti));
            }
        }
        let quotes = quote_regions(text);
        let mut refusals = HashMap::new();
        if !toks.is_empty() {
            let (re, info) = &*PHRASE_RE;
            for m in re.find_iter(text) {
                let a = toks.partition_point(|t| t.s < m.start());
                let b = toks.partition_point(|t| t.s < m.end());
                let Some((_, ph)) = info.iter().find(|(r, _)| r.is_match(m.as_str())) else {
                    continue;
                };
                if a < b && a < toks.len() && toks[a].s == m.start() {
                    refusals.insert(a, (b, ph.stance, ph.source_after));
                }
            }
        }
        Doc {
            text,
            toks,
            sents,
            quotes,
            refusals,
        }
    }

    /// About `n` bytes of text from the start of token `i` (cut at a character
    /// boundary; empty past the end).
    fn text_at(&self, i: usize, n: usize) -> &str {
        let from = self.toks.get(i).map_or(self.text.len(), |t| t.s);
        let mut to = (from + n).min(self.text.len());
        while !self.text.is_char_boundary(to) {
            to -= 1;
        }
        self.text.get(from..to).unwrap_or("")
    }

    fn t(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.low.as_str())
    }

    fn raw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.text[t.s..t.e])
    }

    fn is_punct(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Punct | TokenKind::Symbol))
    }

    pub(crate) fn is_quote(&self, i: usize) -> bool {
        let r = self.raw(i);
        if r == "'" {
            // one half of a `''` quote mark
            let t = &self.toks[i];
            let b = self.text.as_bytes();
            return (t.e < b.len() && b[t.e] == b'\'') || (t.s > 0 && b[t.s - 1] == b'\'');
        }
        is_quote_str(r)
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
    }

    /// The quote region strictly containing byte `pos` (inside its marks).
    fn region_inside(&self, pos: usize) -> Option<Span> {
        let k = self.quotes.partition_point(|q| q.start < pos);
        if k == 0 {
            return None;
        }
        let q = self.quotes[k - 1];
        (pos > q.start && pos < q.end).then_some(q)
    }

    pub(crate) fn in_quote(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            self.region_inside(t.s).is_some_and(|q| {
                t.e < q.end || (t.e == q.end && !is_quote_str(&self.text[t.s..t.e]))
            })
        })
    }

    /// The region that a closing quote token `i` ends.
    fn region_closed_by(&self, i: usize) -> Option<Span> {
        let t = self.toks.get(i)?;
        let k = self.quotes.partition_point(|q| q.end < t.e);
        self.quotes
            .get(k)
            .copied()
            .filter(|q| q.end == t.e && q.start < t.s)
    }

    /// The region that an opening quote token `i` starts.
    fn region_opened_by(&self, i: usize) -> Option<Span> {
        let t = self.toks.get(i)?;
        let k = self.quotes.partition_point(|q| q.start < t.s);
        self.quotes.get(k).copied().filter(|q| q.start == t.s)
    }

    pub(crate) fn is_closing_quote(&self, i: usize) -> bool {
        self.is_quote(i) && self.region_closed_by(i).is_some()
    }

    pub(crate) fn is_opening_quote(&self, i: usize) -> bool {
        self.is_quote(i) && self.region_opened_by(i).is_some()
    }

    fn span(&self, s: usize, e: usize) -> Span {
        match (
            self.toks.get(s),
            e.checked_sub(1).and_then(|x| self.toks.get(x)),
        ) {
            (Some(a), Some(b)) if e > s => Span::new(a.s, b.e.max(a.s)),
            _ => Span::new(0, 0),
        }
    }

    fn is_be(&self, i: usize) -> bool {
        matches!(
            self.t(i),
            "is" | "was" | "were" | "are" | "be" | "been" | "being" | "'s" | "am"
        )
    }

    /// Whether a cue form at `i` stands where a verb can stand.
    fn cue_at(&self, i: usize, a: usize, b: usize) -> Option<Cue> {
        if let Some(&(end, stance, after)) = self.refusals.get(&i) {
            let end = end.min(b);
            let start = if after { i } else { self.extend_left(i, a) };
            let kind = if stance == Stance::Decline {
                CueKind::Refusal
            } else {
                CueKind::Speech
            };
            return Some(Cue {
                head: i,
                start,
                end,
                entry: CueEntry {
                    stance,
                    kind,
                    frame: Frame::Any,
                    invert: after,
                    weak: false,
                },
                kind,
                negated: false,
                source_after: after,
            });
        }
        let low = self.t(i);
        if low == "according" && self.t(i + 1) == "to" && i + 2 < b {
            return Some(Cue {
                head: i,
                start: i,
                end: i + 2,
                entry: CueEntry {
                    stance: Stance::Assert,
                    kind: CueKind::According,
                    frame: Frame::Any,
                    invert: false,
                    weak: false,
                },
                kind: CueKind::According,
                negated: false,
                source_after: true,
            });
        }
        let entry = match CUE_FORMS.get(low) {
            Some(e) => *e,
            // any past-tense verb introducing a quote after a colon: "he retorted: “…”"
            None if low.ends_with("ed")
                && !self.toks[i].cap
                && self.t(i + 1) == ":"
                && self.is_opening_quote(i + 2) =>
            {
                CueEntry {
                    stance: Stance::Assert,
                    kind: CueKind::Speech,
                    frame: Frame::Any,
                    invert: false,
                    weak: false,
                }
            }
            None => return None,
        };
        // "the storm warning was lifted": an -ing form before a finite verb is a noun;
        // "it's worth noting that": the writer's aside, nobody's statement
        if low.ends_with("ing") && FINITE_AUX.contains(&self.t(i + 1))
            || i > a && self.t(i - 1) == "worth"
        {
            return None;
        }
        if self.toks[i].cap && i != a {
            // title-case headlines: "Bernie Sanders Says He Will Run"
            if !(matches!(low, "says" | "said")
                && i > a
                && self.toks[i - 1].cap
                && self.is_word(i - 1))
            {
                return None;
            }
        }
        // what stands before the group: a determiner or a preposition makes it a noun
        // or an infinitive
        let start = self.extend_left(i, a);
        if start > a {
            let p = self.t(start - 1);
            if matches!(
                p,
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "your"
                    | "this"
                    | "these"
                    | "those"
                    | "to"
                    | "of"
                    | "for"
                    | "about"
                    | "in"
                    | "on"
                    | "with"
                    | "by"
                    | "from"
                    | "against"
                    | "amid"
                    | "despite"
                    | "no"
                    | "any"
                    | "such"
                    | "whose"
            ) {
                return None;
            }
            if self.is_be(start - 1) && !low.ends_with("ing") {
                // passive: "was told", "is expected"; with its agent the agent is the
                // source: "the report was denied by the ministry"
                return self.passive_agent_cue(i, start - 1, entry, b);
            }
            // "dismissed claims", "rejected reports" (not "Early signals suggest",
            // where the word before is the plural noun subject)
            if CUE_FORMS.contains_key(p)
                && !NOUN_FORMS_SET.contains(p)
                && !self.is_punct(start - 1)
                && !self.toks[start - 1].cap
            {
                return None;
            }
        }
        // an inverted cue ("“…,” boasted coach Ivo Marsh.") takes its speaker,
        // not a complement, after it
        let inverted = entry.invert && start > a && self.is_closing_quote(start - 1);
        // "jobless claims rose", "turn signals.", "reports that depicted": a form
        // that is as often a plural noun is the noun before a verb, a preposition,
        // a relative clause, or a sentence's end with no clause before it
        // ("according to credible reports." is the noun too)
        let noun_form = NOUN_FORMS_SET.contains(low);
        if noun_form && (start.saturating_sub(5).max(a)..start).any(|j| self.t(j) == "according") {
            return None;
        }
        if noun_form && start > a && !is_pronoun(self.t(start - 1)) && !inverted {
            let n = self.t(i + 1);
            let ends = i + 1 >= b || matches!(n, "." | "!" | "?" | ")");
            let clause_before = (a..start).any(|j| self.t(j) == "," || self.is_closing_quote(j));
            let noun_next = FINITE_AUX.contains(&n)
                || NOUN_FORM_VERBS_SET.contains(n)
                || n.ends_with("ed") && self.toks.get(i + 1).is_some_and(|t| !t.cap)
                || matches!(
                    n,
                    "of" | "for"
                        | "in"
                        | "from"
                        | "on"
                        | "by"
                        | "with"
                        | "at"
                        | "against"
                        | "about"
                        | "over"
                        | "under"
                )
                || n == "that" && self.t(i + 2).ends_with("ed");
            if ends && !clause_before || noun_next {
                return None;
            }
        }
        let frame = entry.frame;
        // "The Nasdaq added 20.72 points": adding a number is no statement
        if matches!(low, "add" | "adds" | "added" | "adding")
            && self
                .toks
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Number)
            && matches!(
                self.t(i + 2),
                "points" | "point" | "percent" | "%" | "cents" | "pence" | "basis"
            )
        {
            return None;
        }
        if i + 1 < b
            && !(inverted && matches!(frame, Frame::Clause | Frame::ClauseVerb | Frame::Post))
        {
            let n = self.t(i + 1);
            let n_tok_word = self.is_word(i + 1);
            match frame {
                Frame::Clause | Frame::ClauseVerb => {
                    if n_tok_word
                        && !self.toks[i + 1].cap
                        && !DETS.contains(n)
                        && !is_pronoun(n)
                        && !matches!(
                            n,
                            "that"
                                | "there"
                                | "this"
                                | "if"
                                | "whether"
                                | "how"
                                | "what"
                                | "why"
                                | "when"
                                | "in"
                                | "on"
                                | "at"
                                | "last"
                                | "earlier"
                                | "late"
                                | "early"
                                | "of"
                                | "today"
                                | "yesterday"
                                | "repeatedly"
                                | "publicly"
                                | "privately"
                                | "again"
                                | "recently"
                                | "then"
                                | "later"
                                | "during"
                                | "after"
                                | "before"
                                | "while"
                                | "his"
                                | "her"
                                | "its"
                                | "their"
                                | "no"
                                | "not"
                                | "it's"
                                | "he's"
                                | "she's"
                                | "they're"
                                | "we're"
                                | "i'm"
                                | "you're"
                                | "nothing"
                                | "everything"
                                | "something"
                                | "everyone"
                                | "nobody"
                                | "somebody"
                        )
                        && self.toks[i + 1].kind != TokenKind::Number
                    {
                        return None;
                    }
                    // "the league maintains an office in Brenmoor": a determiner opens a
                    // clause only when a verb follows in it ("maintains the vote was
                    // fair"), else it opens the verb's object
                    if frame == Frame::ClauseVerb
                        && matches!(n, "a" | "an" | "the")
                        && !self.clause_verb_follows(i + 2, b)
                    {
                        return None;
                    }
                }
                Frame::Post => {
                    // "hinted it might", "charged he had": a pronoun subject and its
                    // auxiliary open a clause
                    let bare_clause = self.pronoun_clause(i + 1);
                    if n_tok_word && n != "that" && !matches!(n, "on" | "in") && !bare_clause {
                        return None;
                    }
                    // "remarked on Twitter that", "commented in an interview:", not
                    // "commented on the ruling"
                    if matches!(n, "on" | "in")
                        && !(i + 2..b.min(i + 10))
                            .take_while(|&j| self.t(j) != ",")
                            .any(|j| self.t(j) == ":" || self.is_quote(j) || self.complementizer(j))
                    {
                        return None;
                    }
                }
                Frame::ObjectClause => {
                    // past an addressee, a clause must open
                    let k = self.addressee(i + 1, b).map_or(i + 1, |(_, e)| e);
                    // "“…,” she reminded listeners." reports the quote before it
                    let after_quote = (k >= b || matches!(self.t(k), "." | "!" | "?" | ","))
                        && (a..start).any(|x| self.is_closing_quote(x));
                    let opens = after_quote
                        || matches!(self.t(k), "that" | ":")
                        || self.is_quote(k)
                        || self.pronoun_clause(k);
                    if !opens {
                        return None;
                    }
                }
                Frame::Any | Frame::Object => {
                    if n_tok_word
                        && (matches!(n, "by" | "up" | "off" | "out")
                            || n == "of"
                                && !matches!(low, "said" | "says" | "say" | "wrote" | "writes"))
                    {
                        return None;
                    }
                }
            }
        }
        let mut end = i + 1;
        // "said in a statement", "wrote on Telegram"
        if matches!(entry.kind, CueKind::Speech | CueKind::Written) {
            let n0 = self.t(end);
            let n1 = self.t(end + 1);
            let n2 = self.t(end + 2);
            if n0 == "in"
                && matches!(n1, "a" | "an")
                && matches!(
                    n2,
                    "statement"
                        | "interview"
                        | "email"
                        | "e-mail"
                        | "tweet"
                        | "post"
                        | "letter"
                        | "speech"
                        | "message"
                        | "video"
                        | "televised"
                        | "press"
                        | "briefing"
                        | "memo"
                        | "note"
                        | "text"
                )
                && end + 3 <= b
            {
                end += 3;
                if n2 == "press" && matches!(self.t(end), "release" | "conference" | "statement") {
                    end += 1;
                }
            } else if n0 == "on"
                && matches!(
                    n1,
                    "x" | "twitter"
                        | "telegram"
                        | "facebook"
                        | "instagram"
                        | "truth"
                        | "tiktok"
                        | "television"
                        | "tv"
                        | "radio"
                )
                && self
                    .toks
                    .get(end + 1)
                    .is_some_and(|t| t.cap || n1 == "television" || n1 == "radio")
            {
                end += 2;
                if n1 == "truth" && self.t(end) == "social" {
                    end += 1;
                }
            }
        }
        let negated = (start..i).any(|k| matches!(self.t(k), "not" | "n't" | "never"));
        Some(Cue {
            head: i,
            start,
            end,
            entry,
            kind: entry.kind,
            negated,
            source_after: false,
        })
    }

    /// Extends a cue head leftwards over auxiliaries, negation and adverbs.
    fn extend_left(&self, i: usize, a: usize) -> usize {
        let mut s = i;
        let mut steps = 0;
        while s > a && steps < 5 {
            let p = self.t(s - 1);
            // any manner adverb too: "has bluntly said"
            let adverb = is_ly_adverb(p);
            if (CUE_MODIFIERS.contains(p) || adverb) && !self.toks[s - 1].cap {
                s -= 1;
                steps += 1;
            } else {
                break;
            }
        }
        // do not swallow a sentence-initial "Then" etc.; keep auxiliaries only when a
        // verb form follows them
        s
    }

    /// Skips a time adjunct that ends right before token `k` ("on Tuesday",
    /// "earlier this month", "last week"); returns the first token of the adjunct.
    fn skip_time_left(&self, k: usize, a: usize) -> usize {
        let mut s = k;
        loop {
            if s > a
                && (is_weekday(self.t(s - 1))
                    || matches!(self.t(s - 1), "today" | "yesterday" | "tonight"))
            {
                s -= 1;
                if s > a && self.t(s - 1) == "on" {
                    s -= 1;
                }
                continue;
            }
            if s > a + 1
                && matches!(
                    self.t(s - 1),
                    "week" | "month" | "year" | "weekend" | "night" | "morning"
                )
                && matches!(
                    self.t(s - 2),
                    "last" | "this" | "next" | "earlier" | "later"
                )
            {
                s -= 2;
                if s > a && matches!(self.t(s - 1), "earlier" | "later") {
                    s -= 1;
                }
                continue;
            }
            break;
        }
        s
    }

    /// Skips a time adjunct starting at token `k`; returns its end.
    fn skip_time_right(&self, k: usize, b: usize) -> usize {
        let mut e = k;
        loop {
            if e < b && self.t(e) == "on" && e + 1 < b && is_weekday(self.t(e + 1)) {
                e += 2;
                if e < b && matches!(self.t(e), "morning" | "night" | "evening" | "afternoon") {
                    e += 1;
                }
                continue;
            }
            if e + 1 < b && matches!(self.t(e), "late" | "early") && is_weekday(self.t(e + 1)) {
                e += 1;
                continue;
            }
            if e < b
                && (is_weekday(self.t(e)) || matches!(self.t(e), "today" | "yesterday" | "tonight"))
            {
                e += 1;
                if e < b && matches!(self.t(e), "morning" | "night" | "evening" | "afternoon") {
                    e += 1;
                }
                continue;
            }
            if e + 1 < b
                && matches!(self.t(e), "last" | "this" | "earlier" | "late" | "later")
                && matches!(
                    self.t(e + 1),
                    "week" | "month" | "year" | "weekend" | "night" | "morning"
                )
            {
                e += 2;
                continue;
            }
            if e + 2 < b && self.t(e) == "earlier" && self.t(e + 1) == "this" {
                e += 3;
                continue;
            }
            break;
        }
        e
    }

    fn verbish(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.cap {
            return false;
        }
        let w = t.low.as_str();
        (w.ends_with("ed") && !ADJ_ED.contains(w) && !ROLES_SET.contains(w))
            || is_ly_adverb(w)
            || (w.ends_with("ing")
                && !matches!(w, "king" | "briefing" | "wing" | "beijing" | "spring"))
            || CUE_FORMS.contains_key(w)
    }

    /// Whether a verb stands in `k..b` before the clause ends (a comma, a period,
    /// a semicolon, a colon or a dash): an auxiliary, an "-ed" form, an irregular
    /// past form ("grew", "took") or a present form in "-s" after a noun ("the
    /// plan costs").
    fn clause_verb_follows(&self, k: usize, b: usize) -> bool {
        (k..b)
            .take_while(|&j| !matches!(self.t(j), "," | "." | ";" | ":" | "—" | "–" | "!" | "?"))
            .any(|j| {
                let t = &self.toks[j];
                let w = t.low.as_str();
                let after_noun = j > k
                    && self.is_word(j - 1)
                    && !self.toks[j - 1].cap
                    && !DETS.contains(self.t(j - 1))
                    && !STOP.contains(self.t(j - 1));
                !t.cap
                    && (FINITE_AUX.contains(&w)
                        || PAST_FORMS_SET.contains(w)
                        || (w.ends_with("ed")
                            && w.len() > 3
                            && !ADJ_ED.contains(w)
                            && !ED_NOUNS_SET.contains(w))
                        || (after_noun && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")))
            })
    }

    /// Whether a pronoun subject and its auxiliary open a clause at `k` ("it
    /// might", "he would").
    fn pronoun_clause(&self, k: usize) -> bool {
        matches!(self.t(k), "it" | "he" | "she" | "they" | "we" | "i")
            && FINITE_AUX.contains(&self.t(k + 1))
    }

    /// Whether the "that" at `j` opens a clause that is said ("on Twitter that the
    /// talks …"): not a time ("later that evening") nor a relative clause ("the
    /// robbery that left a guard dead").
    fn complementizer(&self, j: usize) -> bool {
        let n = self.t(j + 1);
        self.t(j) == "that"
            && !self.time_that(j)
            && self.toks.get(j + 1).is_some_and(|t| {
                t.cap || t.kind == TokenKind::Number || DETS.contains(n) || is_pronoun(n)
            })
    }

    /// Whether the "that" at `j` points at a time ("later that evening", "on
    /// that day"), not a clause.
    fn time_that(&self, j: usize) -> bool {
        j > 0
            && matches!(
                self.t(j - 1),
                "later" | "earlier" | "on" | "at" | "by" | "of" | "in" | "until" | "since"
            )
            || matches!(
                self.t(j + 1),
                "evening" | "morning" | "night" | "afternoon" | "day" | "week" | "month" | "year"
            )
    }

    /// Whether token `i` can be the head (last word) of a speaker phrase.
    fn np_head_ok(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let low = self.t(i);
        if self.toks[i].kind == TokenKind::Number {
            // "three in 10 said", "43 said"
            return i > 0
                && (self.t(i - 1) == "in" || self.is_punct(i - 1) && !self.is_quote(i - 1));
        }
        if matches!(
            low,
            "most"
                | "many"
                | "some"
                | "others"
                | "another"
                | "both"
                | "several"
                | "few"
                | "none"
                | "all"
        ) {
            return true;
        }
        if is_pronoun(low) {
            return true;
        }
        if self.toks[i].cap {
            return !STOP.contains(low) || matches!(low, "us");
        }
        if STOP.contains(low) || DETS.contains(low) {
            return false;
        }
        !self.verbish(i) || ANON_HEADS.contains_key(low) || ROLES_SET.contains(low)
    }

    /// The speaker phrase that ends at token `h` (inclusive), walking left.
    fn np_left(&self, h: usize, a: usize) -> Option<Np> {
        // a relative or reduced clause marking anonymity, ending at h:
        // "a senior official who spoke on condition of anonymity", "people familiar
        // with the talks" is handled by the walk below
        let mut head = h;
        let mut anon_clause = false;
        let mut full_end = h + 1;
        if self.raw(h) == ")" {
            // "Rep. Hank Johnson (D-Ga.) said"
            let lo = h.saturating_sub(7).max(a);
            let o = (lo..h).rev().find(|&x| self.raw(x) == "(")?;
            if o == a || !self.toks[o - 1].cap || !self.is_word(o - 1) {
                return None;
            }
            let mut np = self.np_left(o - 1, a)?;
            np.e = h + 1;
            return Some(np);
        }
        {
            let lim = h.saturating_sub(16).max(a);
            let mut k = h;
            while k > lim {
                let w = self.t(k);
                if self.is_punct(k) && w != "," {
                    break;
                }
                if matches!(w, "who" | "speaking" | "talking" | "requesting" | "asking") && k > a {
                    let seg = Span::new(self.toks[k].s, self.toks[h].e);
                    let segtext = seg.slice(self.text).unwrap_or("");
                    if ANON_MARKERS.is_match(segtext) || segtext.contains("anonymously") {
                        anon_clause = true;
                        head = k - 1;
                        if self.t(head) == "," && head > a {
                            head -= 1;
                        }
                    } else if w == "who"
                        && self.t(h) != ","
                        && (ANON_HEADS.contains_key(self.t(k - 1))
                            || ROLES_SET.contains(self.t(k - 1)))
                    {
                        // "several people who attended the meeting said"
                        head = k - 1;
                        let mut np = self.np_left(head, a)?;
                        np.e = h + 1;
                        return Some(np);
                    }
                    break;
                }
                k -= 1;
            }
        }
        if !anon_clause {
            // an apposition: "X, a spokesman for Y, said"
            if self.t(h) == "," {
                return self.np_apposition(h, a);
            }
            if let Some(np) = self.np_reduced_clause(h, a) {
                return Some(np);
            }
            full_end = h + 1;
        }
        if matches!(self.t(head), "them" | "us" | "those")
            && head > a + 1
            && self.t(head - 1) == "of"
        {
            // "one of them said"
            let q = head - 2;
            if DETS.contains(self.t(q))
                || self.toks[q].kind == TokenKind::Number
                || matches!(self.t(q), "none" | "neither" | "either" | "each" | "half")
            {
                return Some(Np {
                    s: q,
                    e: full_end,
                    cs: q,
                    ce: head + 1,
                    anon_clause,
                });
            }
        }
        if !self.np_head_ok(head) {
            return None;
        }
        if is_pronoun(self.t(head)) {
            return Some(Np {
                s: head,
                e: full_end,
                cs: head,
                ce: head + 1,
                anon_clause,
            });
        }
        let mut s = head;
        let mut count = 0;
        while s > a && count < 12 {
            let j = s - 1;
            let w = self.t(j);
            let tok = &self.toks[j];
            // "Brandt & Hale"
            if self.raw(j) == "&" && j > a && self.toks[j - 1].cap && self.toks[s].cap {
                s = j;
                count += 1;
                continue;
            }
            if self.is_word(j) {
                if w == "'s" || w == "'" {
                    s = j;
                    count += 1;
                    continue;
                }
                if DETS.contains(w) && w != "that" {
                    s = j;
                    // "one of the", "people familiar with the matter", "a spokesperson
                    // for the ministry": continue through the preposition
                    if j > a + 1 {
                        let p = self.t(j - 1);
                        let l = self.t(j - 2);
                        let ok = match p {
                            "of" => {
                                pp_head(l)
                                    || self.toks[j - 2].cap
                                    || (!STOP.contains(l)
                                        && !self.verbish(j - 2)
                                        && self.is_word(j - 2))
                            }
                            "for" | "at" | "from" | "with" | "within" => pp_head(l),
                            "in" | "along" | "across" | "near" => {
                                pp_head(l)
                                    || (l.ends_with('s')
                                        && !STOP.contains(l)
                                        && !self.verbish(j - 2)
                                        && (!self.toks[j - 2].cap || j - 2 == a))
                            }
                            "to" => {
                                l == "close"
                                    || pp_head(l)
                                    || matches!(
                                        l,
                                        "aide"
                                            | "aides"
                                            | "adviser"
                                            | "advisers"
                                            | "advisor"
                                            | "spokesman"
                                            | "spokeswoman"
                                            | "spokesperson"
                                    )
                            }
                            "on" => l == "briefed",
                            _ => false,
                        };
                        if ok {
                            s = j - 2;
                            count += 2;
                            continue;
                        }
                    }
                    break;
                }
                if tok.cap {
                    if STOP.contains(w) && !matches!(w, "us") {
                        break;
                    }
                    s = j;
                    count += 1;
                    continue;
                }
                if w == "and" || w == "&" {
                    // "Google and Yahoo"
                    if j > a && self.toks[j - 1].cap && self.toks[s].cap && self.is_word(j - 1) {
                        s = j;
                        count += 1;
                        continue;
                    }
                    break;
                }
                if matches!(
                    w,
                    "of" | "for" | "at" | "from" | "with" | "in" | "on" | "to" | "within"
                ) {
                    let ok = j > a
                        && (pp_head(self.t(j - 1))
                            || (w == "of"
                                && self.is_word(j - 1)
                                && !STOP.contains(self.t(j - 1))
                                && !self.verbish(j - 1)));
                    let ok = ok && (w != "to" || self.t(j - 1) == "close");
                    let ok = ok && (w != "on" || self.t(j - 1) == "briefed");
                    if ok {
                        s = j;
                        count += 1;
                        continue;
                    }
                    break;
                }
                // "the leading", "in neighboring Valdia": an -ing adjective
                if w.ends_with("ing")
                    && j > a
                    && !STOP.contains(w)
                    && (DETS.contains(self.t(j - 1))
                        || matches!(self.t(j - 1), "in" | "at" | "from")
                            && ING_ADJECTIVES_SET.contains(w)
                            && !tok.cap
                            && self.toks[j + 1].cap)
                {
                    s = j;
                    count += 1;
                    continue;
                }
                if STOP.contains(w) || self.verbish(j) && !matches!(w, "familiar" | "briefed") {
                    if matches!(w, "briefed" | "familiar") {
                        s = j;
                        count += 1;
                        continue;
                    }
                    break;
                }
                if tok.kind == TokenKind::Number {
                    s = j;
                    // "a study in 38 adults": the research, not its subjects
                    if j > a + 1
                        && matches!(self.t(j - 1), "in" | "of" | "among" | "with" | "including")
                        && STUDY_NOUNS_SET.contains(self.t(j - 2))
                    {
                        s = j - 2;
                        count += 2;
                        continue;
                    }
                    // "six in 10 voters"
                    if j > a + 1
                        && self.t(j - 1) == "in"
                        && (self.toks[j - 2].kind == TokenKind::Number
                            || matches!(
                                self.t(j - 2),
                                "one"
                                    | "two"
                                    | "three"
                                    | "four"
                                    | "five"
                                    | "six"
                                    | "seven"
                                    | "eight"
                                    | "nine"
                            ))
                    {
                        s = j - 2;
                    }
                    break;
                }
                s = j;
                count += 1;
                continue;
            }
            if matches!(self.raw(j), "'" | "’")
                && j > a
                && self.is_word(j - 1)
                && self.t(j - 1).ends_with('s')
            {
                // "Teachers’ union president"
                s = j;
                count += 1;
                continue;
            }
            if self.raw(j) == ")" {
                // "Sen. Chuck Grassley (R-Iowa)"
                let lo = j.saturating_sub(7).max(a);
                if let Some(o) = (lo..j).rev().find(|&x| self.raw(x) == "(") {
                    if o > a && self.toks[o - 1].cap && self.is_word(o - 1) {
                        s = o;
                        count += 1;
                        continue;
                    }
                }
            }
            break;
        }
        // trim leading function words ("Then Trump")
        while s < head
            && (STOP.contains(self.t(s))
                && !DETS.contains(self.t(s))
                && !(self.toks[s].cap && self.t(s) == "us")
                || self.is_punct(s))
        {
            s += 1;
        }
        Some(Np {
            s,
            e: full_end,
            cs: s,
            ce: head + 1,
            anon_clause,
        })
    }

    /// The subject of the verb that gave out the statement `np` names (or that
    /// was sent to `np`): "The town released a statement saying" gives "The town";
    /// "she sent a letter to the council saying" gives "she". Document nouns and
    /// issuing verbs: `resources/claims/documents.txt`, `issuing_verbs.txt`.
    fn issuer(&self, np: &Np, a: usize) -> Option<Np> {
        let is_doc = |n: &Np| DOCUMENTS.contains(self.t(n.ce - 1));
        let statement = if is_doc(np) {
            *np
        } else if np.s > a + 1 && self.t(np.s - 1) == "to" {
            self.np_left(np.s - 2, a).filter(is_doc)?
        } else {
            return None;
        };
        let mut v = statement.s.checked_sub(1).filter(|&v| v > a)?;
        if matches!(self.t(v), "out" | "up") && self.t(v - 1) == "put" {
            v -= 1;
        }
        if !ISSUING_VERBS.contains(self.t(v)) || v <= a {
            return None;
        }
        let mut p = self.skip_time_left(v, a).checked_sub(1)?;
        while p > a
            && matches!(
                self.t(p),
                "also"
                    | "later"
                    | "then"
                    | "quickly"
                    | "swiftly"
                    | "promptly"
                    | "jointly"
                    | "has"
                    | "have"
                    | "had"
                    | "subsequently"
                    | "immediately"
            )
        {
            p -= 1;
        }
        if p < a || self.is_punct(p) && self.t(p) != "," {
            return None;
        }
        self.np_left(p, a)
    }

    /// "Mr. Reyes in his speech said", "the mayor at a briefing said": the
    /// phrase ends in the occasion of the speech, after a preposition; the
    /// speaker is what comes before it.
    fn occasion_subject(&self, np: &Np, a: usize) -> Option<Np> {
        let occasion = |k: usize| match self.t(k) {
            "his" | "her" | "their" | "its" => true,
            "a" | "an" => (k + 1..np.e)
                .any(|j| OCCASIONS.contains(self.t(j)) || DOCUMENTS.contains(self.t(j))),
            _ => false,
        };
        let prep = |k: usize| matches!(self.t(k), "in" | "at" | "during" | "on");
        // the preposition right before the phrase ("in | her speech") or inside it
        let at = if np.s > a + 1 && prep(np.s - 1) && occasion(np.s) {
            np.s - 1
        } else {
            (np.s + 1..np.e.saturating_sub(1)).find(|&k| prep(k) && occasion(k + 1))?
        };
        let before = self.np_left(at - 1, a)?;
        (before.e == at && before.ce > before.cs).then_some(before)
    }

    /// "The minister was quoted (by the paper) as saying …": `as_at` is "as";
    /// the speaker is the subject of "was quoted", not the one quoting.
    fn quoted_subject(&self, as_at: usize, a: usize) -> Option<Np> {
        const QUOTING: [&str; 4] = ["quoted", "cited", "paraphrased", "reported"];
        let lo = as_at.saturating_sub(10).max(a);
        let q = (lo..as_at).rev().find(|&q| {
            QUOTING.contains(&self.t(q))
                && (q + 1 == as_at || self.t(q + 1) == "by")
                && !(q + 1..as_at).any(|j| self.is_quote(j) || matches!(self.t(j), ";" | ":"))
        })?;
        let mut p = q.checked_sub(1)?;
        while p > a && (is_ly_adverb(self.t(p)) || matches!(self.t(p), "also" | "later")) {
            p -= 1;
        }
        if !self.is_be(p) || p <= a {
            return None;
        }
        p -= 1;
        if matches!(self.t(p), "has" | "have" | "had") && p > a {
            p -= 1;
        }
        self.np_left(p, a)
    }

    /// After a dateline opening the sentence ("PORT ELLIS, May 3 (Wire) —"), the
    /// first token of what follows; else `a`.
    fn skip_dateline(&self, a: usize, limit: usize) -> usize {
        let shouting = |i: usize| {
            let raw = self.raw(i);
            raw.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && raw.chars().all(|c| !c.is_lowercase())
        };
        let mut k = a;
        while k < a + 4 && k < limit && shouting(k) {
            k += 1;
        }
        if k == a || self.t(k) != "," {
            return a;
        }
        (k + 1..limit.min(k + 14))
            .find(|&j| matches!(self.raw(j), "—" | "–" | "-" | "--"))
            .map_or(a, |j| j + 1)
    }

    /// A passive cue with its agent, "was denied by the ministry", "were
    /// confirmed by two diplomats": the cue runs from the auxiliary `be` through
    /// "by", and the source is the noun phrase after it. Not for verbs whose
    /// subject stays the speaker ("was quoted by Reuters as saying") or that ask
    /// rather than claim ("was asked by reporters"), nor for a "by" of time or
    /// means ("by Friday", "by phone").
    fn passive_agent_cue(&self, i: usize, be: usize, entry: CueEntry, b: usize) -> Option<Cue> {
        if matches!(
            self.t(i),
            "quoted" | "cited" | "asked" | "questioned" | "pressed" | "interviewed" | "contacted"
        ) {
            return None;
        }
        let mut j = i + 1;
        while j < b
            && j <= i + 2
            && (is_ly_adverb(self.t(j)) || matches!(self.t(j), "also" | "first"))
        {
            j += 1;
        }
        if self.t(j) != "by" || j + 1 >= b || !self.is_word(j + 1) {
            return None;
        }
        // beliefs and findings are no speech here ("was found by a hiker")
        if entry.weak || matches!(entry.kind, CueKind::Belief | CueKind::Evidence) {
            return None;
        }
        // a "by" of means or time ("by phone", "by Friday", "by March", "by 2030")
        let first = self.t(j + 1);
        if NOT_AGENTS.contains(first)
            || is_time_word(first)
            || is_month(first)
            || self.toks[j + 1].kind == TokenKind::Number
        {
            return None;
        }
        // the agent must be someone who can speak: a name (not a day or month),
        // a role, an institution or a source noun ("by a wide margin" is not)
        let mut head = j + 1;
        while head + 1 < b
            && head < j + 7
            && self.is_word(head + 1)
            && !matches!(
                self.t(head + 1),
                "of" | "to"
                    | "on"
                    | "for"
                    | "with"
                    | "as"
                    | "in"
                    | "at"
                    | "over"
                    | "about"
                    | "that"
                    | "and"
                    | "but"
                    | "after"
                    | "before"
                    | "last"
                    | "this"
            )
            && !is_weekday(self.t(head + 1))
        {
            head += 1;
        }
        let speaker_like = (j + 1..=head).any(|k| {
            let h = self.t(k);
            (self.toks[k].cap && !is_time_word(h) && !is_month(h))
                || ROLES_SET.contains(h)
                || ANON_HEADS.contains_key(h)
                || is_org_word(h)
        });
        if !speaker_like {
            return None;
        }
        // the auxiliaries before the participle belong to the cue ("has been
        // denied by")
        let mut be = be;
        while be > 0 && be + 3 > i && (self.is_be(be - 1) || CUE_MODIFIERS.contains(self.t(be - 1)))
        {
            be -= 1;
        }
        Some(Cue {
            head: i,
            start: be,
            end: j + 1,
            entry,
            kind: entry.kind,
            negated: (be..i).any(|k| matches!(self.t(k), "not" | "n't" | "never")),
            source_after: true,
        })
    }

    /// A speaker with a reduced clause ending at `h`, right before the cue: "a
    /// diplomat speaking to reporters in Geneva said", "a spokesman reached by phone
    /// said", "the company based in Ohio said". The clause opens with a participle
    /// of `resources/claims/source_participles.txt`, or any participle followed by
    /// a preposition, and holds no comma, quote or other verb. The source runs
    /// through the clause; its core is the noun phrase before the participle.
    fn np_reduced_clause(&self, h: usize, a: usize) -> Option<Np> {
        const PREPS: [&str; 16] = [
            "in", "by", "to", "at", "on", "from", "with", "for", "near", "outside", "inside",
            "down", "up", "out", "above", "below",
        ];
        // words that join a new clause: "The plane crashed in a field and police
        // said" has a finite verb, not a participle, before them ("speaking in
        // Geneva and Vienna", "interviewed by phone and by email" join phrases)
        const JOINERS: [&str; 8] = ["and", "but", "or", "nor", "yet", "so", "while", "whereas"];
        // words that open a subordinate clause before its subject
        const CLAUSE_OPENERS: [&str; 12] = [
            "while", "whereas", "as", "after", "before", "when", "because", "since", "although",
            "though", "until", "once",
        ];
        let lim = h.saturating_sub(10).max(a);
        // a cue in -ing form after a generic participle reads as "… ended with both
        // sides saying", where the speaker follows the verb
        let ing_cue = self.t(h + 1).ends_with("ing");
        let mut k = h;
        while k > lim {
            if !self.is_word(k) || self.is_quote(k) {
                return None;
            }
            let w = self.t(k);
            if JOINERS.contains(&w) {
                // two names joined ("in Geneva and Vienna said"), not a new
                // subject ("in Geneva and Swiss diplomats said")
                let names = self.toks[k - 1].cap && (k + 1..=h).all(|j| self.toks[j].cap);
                let phrase = matches!(
                    self.t(k + 1),
                    "by" | "in" | "at" | "on" | "to" | "from" | "with" | "for" | "near"
                );
                if !names && !phrase {
                    return None;
                }
            }
            let listed = SOURCE_PARTICIPLES.contains(w);
            let participle = !self.toks[k].cap
                && (listed
                    || (w.ends_with("ed") || w.ends_with("ing"))
                        && w.len() > 4
                        && !ing_cue
                        // "the companies mentioned in the report": a cue that needs
                        // a clause after it is a participle before a preposition
                        && CUE_FORMS.get(w).map_or(true, |e| e.frame == Frame::Post)
                        && PREPS.contains(&self.t(k + 1)));
            if participle {
                if k == h || (k + 1..=h).any(|j| self.verbish(j)) {
                    return None;
                }
                let np = self.np_left(k - 1, a)?;
                // "After the storm passed in the night officials said": the noun
                // phrase is the subject of a subordinate clause (not so "While the
                // tweet shown above claimed", where only an adverb follows)
                if np.s > a && CLAUSE_OPENERS.contains(&self.t(np.s - 1)) && h > k + 1 {
                    return None;
                }
                return Some(Np { e: h + 1, ..np });
            }
            k -= 1;
        }
        None
    }

    /// "X, a spokesman for Y, said" / "X, who …, said": `c` is the comma before the
    /// cue.
    fn np_apposition(&self, c: usize, a: usize) -> Option<Np> {
        self.np_apposition_at(c, a, true)
    }

    /// [`Doc::np_apposition`]; `relative` allows one relative clause after the
    /// apposition (one level, so a long chain of clauses cannot recurse deeply).
    fn np_apposition_at(&self, c: usize, a: usize, relative: bool) -> Option<Np> {
        let lim = c.saturating_sub(25).max(a);
        let mut k = c;
        while k > lim {
            k -= 1;
            if self.t(k) == "," {
                break;
            }
            if self.is_quote(k) || matches!(self.t(k), ";" | ":" | "(" | ")") {
                return None;
            }
        }
        if k == lim && self.t(k) != "," {
            return None;
        }
        // "in Columbus, Ohio," is one place: the clause opens at the comma before
        if k + 2 == c
            && k > lim + 1
            && self.toks[k + 1].cap
            && self.toks[k - 1].cap
            && self.is_word(k - 1)
        {
            let mut j = k - 1;
            while j > lim && self.t(j) != "," {
                if self.is_quote(j) || matches!(self.t(j), ";" | ":" | "(" | ")") {
                    break;
                }
                j -= 1;
            }
            if self.t(j) == ","
                && matches!(
                    self.t(j + 1),
                    "during" | "at" | "in" | "speaking" | "while" | "on"
                )
            {
                k = j;
            }
        }
        let c2 = k;
        if c2 + 1 >= c {
            return None;
        }
        let first = self.t(c2 + 1);
        // a sentence adverb or adjunct between commas: "He, however, said"
        let adjunct = matches!(
            first,
            "however"
                | "though"
                | "meanwhile"
                | "in"
                | "on"
                | "at"
                | "for"
                | "speaking"
                | "instead"
                | "too"
                | "also"
                | "moreover"
                | "nevertheless"
                | "separately"
                | "asked"
                | "when"
                | "after"
                | "before"
                | "during"
                | "later"
                | "earlier"
                | "while"
                | "although"
                | "as"
                | "despite"
                | "amid"
                | "unlike"
                | "like"
                | "once"
                | "now"
                | "again"
                | "then"
                | "still"
        ) && !pp_head(first);
        // a participial clause: "X, opening the bridge on Monday, said"
        // "founding member of Y", "leading expert on water", "acting director": an
        // -ing modifier of a role noun opens an apposition, not a clause
        let ing_modifier = first.ends_with("ing")
            && (c2 + 2..(c2 + 4).min(c))
                .any(|j| ROLES_SET.contains(self.t(j)) || ANON_HEADS.contains_key(self.t(j)));
        let participle = first.len() > 5
            && first.ends_with("ing")
            && !self.toks[c2 + 1].cap
            && !CUE_FORMS.contains_key(first)
            && !matches!(first, "something" | "nothing" | "everything" | "anything")
            && !ing_modifier;
        if c2 == a || c2 == 0 {
            return None;
        }
        // a relative clause after an apposition: "X, head of Y, which represents Z,
        // said" (the apposition is part of the source)
        if relative
            && matches!(first, "which" | "who" | "whose" | "where")
            && self.t(c2 - 1) != ","
            && (c2 + 1..c).all(|j| !CUE_FORMS.contains_key(self.t(j)))
        {
            if let Some(np) = self.np_apposition_at(c2, a, false) {
                // the name before the apposition opens the clause: not "On Monday,
                // the mayor, who ..." nor "Last week, the minister, whose ..."
                let opens = np.s == a || !self.is_word(np.s - 1);
                let time = self.skip_time_right(np.s, c2) > np.s;
                if opens && !time {
                    return Some(Np { e: c, ..np });
                }
            }
        }
        let inner = self.np_left(c2 - 1, a)?;
        if adjunct || participle {
            return Some(inner);
        }
        let appos_ok = DETS.contains(first)
            || ing_modifier
            || matches!(first, "something" | "nothing")
            || self.toks[c2 + 1].cap
            || ROLES_SET.contains(first)
            || ANON_HEADS.contains_key(first)
            || first == "who"
            || first == "whose"
            || self.is_word(c2 + 1) && !self.verbish(c2 + 1) && !STOP.contains(first);
        if !appos_ok {
            return None;
        }
        if (c2 + 1..c).any(|j| CUE_FORMS.contains_key(self.t(j)) && first != "who") {
            return None;
        }
        if is_pronoun(self.t(inner.cs)) && inner.ce == inner.cs + 1 {
            return None;
        }
        // "the city engineer, Oren Valk, said": the name is part of the core
        let name_appos = !self.toks[inner.ce - 1].cap
            && (c2 + 1..c).all(|j| self.toks[j].cap && self.is_word(j) || self.raw(j) == ".");
        Some(Np {
            s: inner.s,
            e: c,
            cs: inner.cs,
            ce: if name_appos { c } else { inner.ce },
            anon_clause: inner.anon_clause,
        })
    }

    /// The speaker phrase that starts at token `k`, walking right (inverted cues,
    /// "according to X").
    fn np_right(&self, k: usize, b: usize) -> Option<Np> {
        self.np_right_with(k, b, false)
    }

    /// [`Doc::np_right`]; `loose` accepts any content word first ("according to
    /// early results of exit polls").
    fn np_right_with(&self, k: usize, b: usize, loose: bool) -> Option<Np> {
        if k >= b || !self.is_word(k) {
            return None;
        }
        let w0 = self.t(k);
        if is_pronoun(w0) || loose && matches!(w0, "him" | "her" | "them" | "us" | "me") {
            return Some(Np {
                s: k,
                e: k + 1,
                cs: k,
                ce: k + 1,
                anon_clause: false,
            });
        }
        if !self.toks[k].cap
            && (STOP.contains(w0)
                || !(DETS.contains(w0)
                    || loose && !self.verbish(k)
                    || ANON_HEADS.contains_key(w0)
                    || ROLES_SET.contains(w0)
                    || self.toks[k].kind == TokenKind::Number
                    || w0 == "reports"))
        {
            return None;
        }
        let mut e = k;
        let mut paren: Option<usize> = None;
        while e < b && e - k < 14 {
            let w = self.t(e);
            if !self.is_word(e) {
                if w == "'s" {
                    e += 1;
                    continue;
                }
                if self.raw(e) == "(" && e > k && self.toks[e - 1].cap {
                    if let Some(c) = (e + 1..(e + 8).min(b)).find(|&x| self.raw(x) == ")") {
                        paren.get_or_insert(e);
                        e = c + 1;
                        continue;
                    }
                }
                break;
            }
            if self.toks[e].cap {
                let name_cont = e > k
                    && self.toks[e - 1].cap
                    && self.is_word(e - 1)
                    && !matches!(w, "and" | "but" | "or" | "the" | "on" | "in" | "at" | "for");
                if e > k
                    && (is_weekday(w) || (STOP.contains(w) && !matches!(w, "us") && !name_cont))
                {
                    break;
                }
                e += 1;
                continue;
            }
            if w == "'s" || DETS.contains(w) && w != "that" {
                e += 1;
                continue;
            }
            if matches!(
                w,
                "of" | "for" | "at" | "from" | "with" | "in" | "to" | "on"
            ) {
                let ok = e > k
                    && (pp_head(self.t(e - 1)) || w == "of" || self.toks[e - 1].cap && w == "at");
                let ok = ok && (w != "to" || self.t(e - 1) == "close");
                let ok = ok && (w != "on" || self.t(e - 1) == "briefed");
                if ok && e + 1 < b && !is_weekday(self.t(e + 1)) {
                    e += 1;
                    continue;
                }
                break;
            }
            if matches!(w, "familiar" | "briefed" | "close" | "knowledgeable") {
                e += 1;
                continue;
            }
            if w == "and" && e + 1 < b && self.toks[e + 1].cap && e > k && self.toks[e - 1].cap {
                e += 1;
                continue;
            }
            // "according to credible reports": a cue form that is also a plural
            // noun ends the phrase as its head
            if e > k && NOUN_FORMS_SET.contains(w) && !is_pronoun(self.t(e - 1)) {
                e += 1;
                break;
            }
            if STOP.contains(w) || (self.verbish(e) && e > k) || is_time_word(w) {
                break;
            }
            if self.toks[e].kind == TokenKind::Number && e > k && !DETS.contains(self.t(e - 1)) {
                break;
            }
            e += 1;
        }
        // drop a trailing determiner or preposition
        while e > k
            && (DETS.contains(self.t(e - 1)) && !(self.toks[e - 1].cap && e - 1 > k)
                || matches!(
                    self.t(e - 1),
                    "of" | "for" | "at" | "from" | "with" | "in" | "to" | "on" | "'s"
                ))
        {
            e -= 1;
        }
        if e == k {
            return None;
        }
        let core_end = paren.filter(|&p| p < e).unwrap_or(e);
        let mut full_end = e;
        let mut anon_clause = false;
        // relative clause with anonymity, or an apposition after a comma
        if e < b {
            let w = self.t(e);
            let mut j = e;
            if w == "," {
                j += 1;
            }
            let mut z = j;
            while z < b && !matches!(self.t(z), "," | "." | ";" | ":") && !self.is_quote(z) {
                z += 1;
            }
            if z > j {
                let seg = self.span(j, z).slice(self.text).unwrap_or("");
                let fw = self.t(j);
                if matches!(fw, "who" | "speaking" | "talking")
                    && (ANON_MARKERS.is_match(seg) || seg.contains("anonymously"))
                {
                    anon_clause = true;
                    full_end = z;
                } else if w == ","
                    && (matches!(fw, "a" | "an" | "the") || ROLES_SET.contains(fw))
                    && z - j <= 14
                    && !(j..z).any(|q| CUE_FORMS.contains_key(self.t(q)))
                    && (j..z).all(|q| {
                        let w = self.t(q);
                        self.toks[q].cap
                            || DETS.contains(w)
                            || matches!(
                                w,
                                "of" | "for"
                                    | "at"
                                    | "in"
                                    | "from"
                                    | "on"
                                    | "and"
                                    | "'s"
                                    | "-"
                                    | "'"
                                    | "to"
                            )
                            || self.is_word(q) && !STOP.contains(w) && !self.verbish(q)
                    })
                    && (z >= b || matches!(self.t(z), "," | "."))
                {
                    full_end = z;
                }
            }
        }
        Some(Np {
            s: k,
            e: full_end,
            cs: k,
            ce: core_end,
            anon_clause,
        })
    }

    /// The addressee of a tell-type cue starting at `k`; returns its token end.
    fn addressee(&self, k: usize, b: usize) -> Option<(usize, usize)> {
        if k >= b {
            return None;
        }
        let w = self.t(k);
        if matches!(
            w,
            "him"
                | "her"
                | "them"
                | "us"
                | "me"
                | "you"
                | "reporters"
                | "journalists"
                | "lawmakers"
                | "supporters"
                | "parliament"
                | "congress"
        ) {
            return Some((k, k + 1));
        }
        let mut e = k;
        if matches!(w, "the" | "a" | "an") {
            e += 1;
        }
        let st = e;
        while e < b
            && self.is_word(e)
            && (self.toks[e].cap
                || (self.t(e) == "of" && e > st && e + 1 < b && self.toks[e + 1].cap))
        {
            if is_weekday(self.t(e)) {
                break;
            }
            e += 1;
        }
        if e > st {
            if w == "the"
                && e < b
                && matches!(
                    self.t(e),
                    "newspaper" | "agency" | "network" | "outlet" | "station" | "broadcaster"
                )
            {
                e += 1;
            }
            return Some((k, e));
        }
        // "told a news conference", "told the newspaper", "told his supporters
        // that", "assured fans that"
        let det = matches!(w, "the" | "a" | "an" | "his" | "their" | "its" | "our");
        if det && e == k {
            e += 1;
        }
        if e < b {
            let mut z = e;
            while z < b
                && z - e < 4
                && self.is_word(z)
                && !STOP.contains(self.t(z))
                && !self.verbish(z)
            {
                z += 1;
            }
            // "“…,” she reminded listeners.": a bare addressee ends the sentence
            let last = z + 1 == b && matches!(self.t(z), "." | "!" | "?");
            let ends = if det {
                matches!(self.t(z), "that" | "," | ":" | "on" | "in") || last
            } else {
                self.t(z) == "that" || last
            };
            if z > e && z < b && ends {
                return Some((k, z));
            }
        }
        None
    }

    /// Whether a cue form (or a refusal) starts at `j`, possibly after modifiers.
    fn cue_follows(&self, j: usize, b: usize) -> bool {
        let mut k = j;
        while k < b && CUE_MODIFIERS.contains(self.t(k)) && k - j < 3 {
            k += 1;
        }
        k < b
            && (self.refusals.contains_key(&k)
                || self.refusals.contains_key(&j)
                || (CUE_FORMS.contains_key(self.t(k)) && !self.toks[k].cap))
    }

    /// Whether a short speaker phrase followed by a cue starts at `j` (", Earnest
    /// said", ", many said Monday that").
    fn np_then_cue(&self, j: usize, b: usize) -> bool {
        let j = if matches!(self.t(j), "and" | "but") {
            j + 1
        } else {
            j
        };
        if j >= b
            || !(self.toks[j].cap
                || DETS.contains(self.t(j))
                || is_pronoun(self.t(j))
                || ANON_HEADS.contains_key(self.t(j))
                || ROLES_SET.contains(self.t(j)))
            || self.toks[j].kind == TokenKind::Number
        {
            return false;
        }
        let mut z = j;
        let mut commas = 0;
        while z < b && z - j < 9 + 3 * commas {
            if self.in_quote(z) || self.is_quote(z) {
                return false;
            }
            let w = self.t(z);
            if z > j
                && (CUE_FORMS.contains_key(w) && !self.toks[z].cap
                    || self.refusals.contains_key(&z))
            {
                // "the governor, Ada Lorn, did not rule out": an apposition's comma
                let prev = if commas == 2 && w != "," && self.t(z - 1) == "," {
                    z - 2
                } else {
                    z - 1
                };
                return self.np_head_ok(prev) && !DETS.contains(self.t(prev))
                    || is_pronoun(self.t(prev));
            }
            // an apposition between two commas
            if w == "," && z > j && commas < 2 && self.is_word(z + 1) {
                commas += 1;
                z += 1;
                continue;
            }
            if z > j && CUE_MODIFIERS.contains(w) && !self.toks[z].cap {
                z += 1;
                continue;
            }
            if !self.is_word(z) && w != "'s"
                || (STOP.contains(w) && !self.toks[z].cap && !is_pronoun(w))
                || (self.verbish(z) && !self.toks[z].cap)
            {
                return false;
            }
            z += 1;
        }
        false
    }

    /// Content running forward from `k` to the end of the clause.
    fn content_forward(&self, k: usize, b: usize) -> Option<Span> {
        let mut k = k;
        while k < b && matches!(self.t(k), ":" | "," | "-" | "—" | "–") {
            k += 1;
        }
        // "declined to comment, and the seller did not respond": the joined clause
        // is another attribution's
        if k >= b || matches!(self.t(k), "and" | "but") && self.np_then_cue(k, b) {
            return None;
        }
        // a quote opening the content that runs beyond the sentence
        if self.is_opening_quote(k) {
            if let Some(q) = self.region_opened_by(k) {
                let sent_end = self.toks[b - 1].e;
                if q.end > sent_end {
                    return Some(q);
                }
            }
        }
        let mut e = k;
        while e < b {
            if self.in_quote(e) || self.is_quote(e) {
                e += 1;
                continue;
            }
            let w = self.t(e);
            if e > k && matches!(w, "and" | "but") && self.cue_follows(e + 1, b) {
                break;
            }
            if e > k && w == ";" {
                break;
            }
            if w == "," && e + 1 < b && matches!(self.t(e + 1), "while" | "whereas") {
                break;
            }
            if w == ","
                && e > k
                && (self.np_then_cue(e + 1, b)
                    || CUE_FORMS.get(self.t(e + 1)).is_some_and(|c| c.invert)
                        && !self.toks[e + 1].cap
                        && !self.t(e + 1).ends_with("ing"))
            {
                break;
            }
            if w == "," && e + 1 < b {
                let n = self.t(e + 1);
                if (n == "according" && self.t(e + 2) == "to")
                    || (self.cue_follows(e + 1, b)
                        && (n.ends_with("ing") || self.refusals.contains_key(&(e + 1))))
                    || (matches!(n, "and" | "but") && self.cue_follows(e + 2, b))
                {
                    break;
                }
            }
            e += 1;
        }
        self.trim_content(k, e)
    }

    /// Trims trailing sentence punctuation off tokens `[s, e)`.
    fn trim_content(&self, s: usize, e: usize) -> Option<Span> {
        let mut e = e;
        while e > s
            && self.is_punct(e - 1)
            && !self.is_quote(e - 1)
            && !matches!(self.raw(e - 1), ")" | "]" | "%" | "$")
        {
            e -= 1;
        }
        if e <= s {
            return None;
        }
        Some(self.span(s, e))
    }

    /// Content ending before token `k` (a postposed cue or source): the quote closed
    /// right before it, or the clause from the sentence (or previous attribution) on.
    fn content_backward(&self, k: usize, a: usize, floor: usize) -> Option<Span> {
        if k <= a {
            return None;
        }
        let mut e = k;
        // "“…,” he said": the quote mark may come before or after the comma
        while e > a && matches!(self.t(e - 1), "," | "—" | "–" | "-") && !self.is_quote(e - 1) {
            e -= 1;
        }
        let s = floor.max(a);
        if e > a && self.is_closing_quote(e - 1) {
            if let Some(q) = self.region_closed_by(e - 1) {
                // 'Apple was "pulled into the enterprise," Cook said': a quote that
                // ends a clause begun before it is part of that clause
                let qs = self.toks.partition_point(|t| t.s < q.start);
                let lower = self
                    .toks
                    .get(qs + 1)
                    .is_some_and(|t| !t.cap && t.kind == TokenKind::Word);
                if qs > s
                    && lower
                    && self.is_word(qs - 1)
                    && !self.in_quote(qs - 1)
                    && (s..qs).all(|j| !self.is_quote(j))
                    && (s..qs).any(|j| FINITE_AUX.contains(&self.t(j)) || self.verbish(j))
                {
                    return self.trim_content(s, e).or(Some(q));
                }
                return Some(q);
            }
        }
        if e <= s {
            return None;
        }
        self.trim_content(s, e)
    }

    /// The subject at the start of a sentence, for a participial cue with no
    /// earlier attribution ("Democrats sued, saying …").
    /// Whether tokens `a..j` are a time phrase counted from another moment:
    /// "Hours later", "Two days after the vote", "Minutes before the speech",
    /// "A week ago".
    fn fronted_time(&self, a: usize, j: usize) -> bool {
        let unit = |w: &str| {
            matches!(
                w.trim_end_matches('s'),
                "second" | "minute" | "hour" | "day" | "week" | "month" | "year" | "moment"
            )
        };
        let first = self.t(a);
        let counted = unit(first)
            || self.toks[a].kind == TokenKind::Number
            || matches!(
                first,
                "a" | "an"
                    | "one"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
                    | "several"
                    | "few"
                    | "just"
                    | "only"
                    | "some"
            );
        counted
            && (a..j).any(|i| unit(self.t(i)))
            && (a..j).any(|i| matches!(self.t(i), "later" | "earlier" | "after" | "before" | "ago"))
    }

    fn subject_np(&self, a: usize, limit: usize) -> Option<Np> {
        let a = self.skip_dateline(a, limit);
        let mut s = a;
        // skip a leading adverbial up to a comma: "On Tuesday, "
        let mut j = a;
        while j < limit && j - a < 8 && self.t(j) != "," {
            j += 1;
        }
        if j < limit
            && self.t(j) == ","
            && (matches!(
                self.t(a),
                "on" | "in"
                    | "at"
                    | "after"
                    | "before"
                    | "earlier"
                    | "later"
                    | "last"
                    | "meanwhile"
                    | "however"
                    | "but"
                    | "according"
                    | "with"
                    | "while"
                    | "during"
                    | "despite"
                    | "amid"
                    | "as"
                    | "when"
                    | "since"
                    | "following"
                    | "today"
                    | "yesterday"
                    | "tonight"
                    | "now"
                    | "then"
            ) || self.fronted_time(a, j)
                || (j == a + 1 && is_ly_adverb(self.t(a)))
                // "Shortly after,", "Soon afterwards,"
                || (j == a + 2
                    && (is_ly_adverb(self.t(a)) || self.t(a) == "soon")
                    && matches!(self.t(a + 1), "after" | "afterwards" | "afterward" | "before")))
        {
            s = j + 1;
        }
        while s < limit && matches!(self.t(s), "but" | "and" | "so" | "yet" | "still") {
            s += 1;
        }
        if s >= limit {
            return None;
        }
        if is_pronoun(self.t(s)) {
            return Some(Np {
                s,
                e: s + 1,
                cs: s,
                ce: s + 1,
                anon_clause: false,
            });
        }
        let mut e = s;
        while e < limit && e - s < 10 {
            let w = self.t(e);
            if self.is_word(e)
                && (self.toks[e].cap
                    || DETS.contains(w)
                    || w == "'s"
                    || (!STOP.contains(w) && !self.verbish(e) && e > s)
                    // a bare plural subject right before its verb: "police arrived"
                    || (e == s
                        && !STOP.contains(w)
                        && !self.verbish(e)
                        && (w.ends_with('s') && !w.ends_with("ss")
                            || matches!(w, "police" | "people" | "staff"))
                        && e + 1 < limit
                        && self.verbish(e + 1)))
            {
                if !self.toks[e].cap && STOP.contains(w) && !DETS.contains(w) {
                    break;
                }
                e += 1;
                continue;
            }
            break;
        }
        if e == s {
            return None;
        }
        Some(Np {
            s,
            e,
            cs: s,
            ce: e,
            anon_clause: false,
        })
    }

    /// Speaker kind, anonymity and affiliation of a core phrase `[cs, ce)` (full
    /// phrase `[s, e)` for anonymity markers).
    fn classify(&self, np: &Np) -> (SpeakerKind, bool, Option<Span>) {
        let (cs, ce) = (np.cs, np.ce);
        if ce == cs + 1
            && (is_pronoun(self.t(cs))
                || matches!(self.t(cs), "him" | "her" | "them" | "us" | "me"))
        {
            return (SpeakerKind::Pronoun, false, None);
        }
        // head: the last word before a post-modifier
        let mut head_end = ce;
        for j in cs..ce {
            let w = self.t(j);
            if j > cs && ends_head(w) {
                head_end = j;
                break;
            }
        }
        let head = head_end.saturating_sub(1).max(cs);
        let hlow = self.t(head);
        let full_text = self.span(np.s, np.e).slice(self.text).unwrap_or("");
        let marker = np.anon_clause || ANON_MARKERS.is_match(full_text);
        if head == cs && (DETS.contains(hlow) || self.toks[cs].kind == TokenKind::Number) {
            // "Many", "Most", "43 said": a quantity of people, not a name
            return (SpeakerKind::Role, false, None);
        }
        let last = head_end.max(cs + 1) - 1;
        let last_low = self.t(last);
        if self.toks[last].cap
            && self.is_word(last)
            && !ANON_HEADS.contains_key(last_low)
            && !ROLES_SET.contains(last_low)
        {
            return (SpeakerKind::Named, false, None);
        }
        let sentence_first =
            head == 0 || self.is_punct(head - 1) && !matches!(self.t(head - 1), "'s" | "-");
        // a group noun opening a capitalised name: "Scientists for Global
        // Responsibility", "Students for Fair Admissions"
        let titled_name = head_end + 1 < ce
            && matches!(self.t(head_end), "for" | "of" | "against")
            && self.toks[head_end + 1].cap
            && self.is_word(head_end + 1);
        if self.toks[head].cap
            && !ANON_HEADS.contains_key(hlow)
            && (!ROLES_SET.contains(hlow) || !sentence_first && head > cs || titled_name)
        {
            return (SpeakerKind::Named, false, None);
        }
        // a name after the head's modifiers counts too ("spokesperson Majed Al-Ansari")
        let det = self.t(cs);
        let indefinite = INDEFINITE.contains(det)
            || self.toks[cs].kind == TokenKind::Number
            || !(DETS.contains(det) || self.toks[cs].low.ends_with("'s") || self.t(cs + 1) == "'s");
        let possessive = (cs..head).any(|j| self.t(j) == "'s");
        // affiliation: the capitalised run before the head, or a PP after it
        let mut affiliation = None;
        // a word capitalised only for opening the sentence is no name: "Striking
        // dockers", "Local traders"
        let opening_word = |j: usize| {
            (j == 0 || self.is_punct(j - 1) && !matches!(self.t(j - 1), "'s" | "-"))
                && OPENING_ADJECTIVES.contains(self.t(j))
        };
        let mut j = cs;
        while j < head
            && !(self.toks[j].cap
                && self.is_word(j)
                && !(j == cs && DETS.contains(self.t(j)))
                && !opening_word(j))
        {
            j += 1;
        }
        if j < head {
            let mut e = head;
            // "Qatar's prime minister" -> "Qatar"
            if let Some(p) = (j..head).find(|&x| self.t(x) == "'s") {
                e = p;
            }
            // drop lower-case adjectives at the end unless org nouns
            while e > j
                && !self.toks[e - 1].cap
                && !matches!(
                    self.t(e - 1),
                    "administration"
                        | "government"
                        | "ministry"
                        | "campaign"
                        | "military"
                        | "army"
                        | "party"
                        | "movement"
                        | "group"
                        | "foreign"
                        | "defense"
                        | "defence"
                        | "intelligence"
                        | "security"
                        | "police"
                        | "state"
                )
            {
                e -= 1;
            }
            if e > j {
                affiliation = Some(self.span(j, e));
            }
        } else if head_end < ce && matches!(self.t(head_end), "for" | "of" | "at" | "from" | "in") {
            let mut s = head_end + 1;
            if s < ce && self.t(s) == "the" && ce > s + 1 && !self.toks[s + 1].cap {
                // keep "the ministry"
            } else if s < ce && self.t(s) == "the" {
                s += 1;
            }
            // "in neighboring Valdia": the name, not its adjective
            if s + 1 < ce
                && ING_ADJECTIVES_SET.contains(self.t(s))
                && !self.toks[s].cap
                && self.toks[s + 1].cap
            {
                s += 1;
            }
            if s < ce {
                affiliation = Some(self.span(s, ce));
            }
        }
        if let Some(&strict) = ANON_HEADS.get(hlow) {
            if marker || indefinite || strict && !possessive {
                return (SpeakerKind::Anonymous, true, affiliation);
            }
            return (SpeakerKind::Role, false, affiliation);
        }
        if marker && !self.toks[head].cap {
            return (SpeakerKind::Anonymous, true, affiliation);
        }
        (SpeakerKind::Role, false, affiliation)
    }

    /// The head word of a phrase `[cs, ce)`: the last word before a post-modifier
    /// ("aide" in "an aide to the senator").
    fn head_index(&self, cs: usize, ce: usize) -> Option<usize> {
        if ce <= cs {
            return None;
        }
        let mut end = ce;
        for j in cs + 1..ce {
            let w = self.t(j);
            if ends_head(w) || matches!(w, "herself" | "himself" | "themselves" | "itself") {
                end = j;
                break;
            }
        }
        (cs..end).rev().find(|&j| self.is_word(j))
    }

    /// The capitalised names in a span, for `about`.
    fn about(&self, span: Span) -> Vec<Span> {
        let a = self.toks.partition_point(|t| t.s < span.start);
        let b = self.toks.partition_point(|t| t.e <= span.end);
        let mut out = Vec::new();
        let mut i = a;
        while i < b {
            let t = &self.toks[i];
            if t.cap && self.is_word(i) && !(is_pronoun(&t.low) && t.low != "us") && t.low != "i" {
                let sentence_start = i == 0
                    || i == a
                    || self.is_quote(i - 1)
                    || matches!(self.t(i - 1), "." | "!" | "?" | ":" | "—" | "–" | "-");
                // a capitalised function word never starts a name ("The", "A", "But"),
                // and weekdays are times, not names
                if (STOP.contains(t.low.as_str()) && self.raw(i) != "US")
                    || DETS.contains(t.low.as_str())
                    || is_weekday(&t.low)
                    || sentence_start
                        && i + 1 < b
                        && !self.toks[i + 1].cap
                        && self.verbish_or_func(i)
                {
                    i += 1;
                    continue;
                }
                let s = i;
                let mut e = i + 1;
                while e < b
                    && self.is_word(e)
                    && (self.toks[e].cap
                        || (self.t(e) == "of" && e + 1 < b && self.toks[e + 1].cap))
                {
                    e += 1;
                }
                out.push(self.span(s, e));
                i = e;
                continue;
            }
            i += 1;
        }
        out
    }

    fn verbish_or_func(&self, i: usize) -> bool {
        let w = self.t(i);
        STOP.contains(w)
            || DETS.contains(w)
            || matches!(
                w,
                "it" | "there" | "this" | "that" | "what" | "we" | "our" | "they"
            )
    }

    fn sent_of_tok(&self, i: usize) -> usize {
        self.sents.partition_point(|&(_, b)| b <= i)
    }
}

/// How the source relates to the cue.
enum Config {
    /// "X said …" / "…, X said."
    Subject(Np),
    /// "…, said X."
    Inverted(Np),
    /// "according to X"
    According(Np),
    /// "…, adding …", "… and denied …": the source of an earlier cue.
    Inherit,
}

/// The attribution tagger compiled in from `resources/models/attribution.bin`;
/// `None` when the file is empty or not a model (the rules then work alone).
static TAGGER: LazyLock<Option<Tagger>> = LazyLock::new(|| {
    Tagger::from_bytes(include_bytes!("../../../resources/models/attribution.bin")).ok()
});

/// The compiled-in attribution tagger, when there is one.
pub fn tagger() -> Option<&'static Tagger> {
    TAGGER.as_ref()
}

/// How the tagger's attributions are merged with the rules'.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MergeConfig {
    /// Add tagger attributions whose cue no rule attribution covers.
    pub add: bool,
    /// Only add attributions whose cue contains a word of the cue lexicons (or
    /// "according to").
    pub lexicon_cues_only: bool,
    /// Replace a rule attribution's content by the tagger's when the tagger's
    /// covers it and is longer.
    pub widen_content: bool,
    /// Replace a rule attribution's source by the tagger's when the tagger's
    /// contains the rule's speaker and is longer.
    pub widen_source: bool,
    /// Take the tagger's source and content spans for every rule attribution whose
    /// cue the tagger also found.
    pub prefer_tagger: bool,
    /// Replace a rule attribution's source by the tagger's when the tagger's overlaps
    /// the rule's speaker (the speaker itself is kept).
    pub prefer_tagger_source: bool,
    /// Add a tagger attribution inside a rule attribution's content when the tagger
    /// gives that rule attribution a content elsewhere (the rule content ran on too
    /// far); such an addition is `weak`.
    pub split_contents: bool,
    /// Drop rule attributions whose cue the tagger did not find.
    pub drop_unmatched: bool,
    /// Add tagger attributions without a source (with an empty source span, no
    /// speaker, marked weak).
    pub allow_sourceless: bool,
    /// The tagger's attributions alone (for validation).
    pub pure: bool,
}

/// What [`extract`] uses.
pub const DEFAULT_MERGE: MergeConfig = MergeConfig {
    add: true,
    lexicon_cues_only: false,
    widen_content: false,
    widen_source: false,
    prefer_tagger_source: true,
    split_contents: true,
    prefer_tagger: false,
    drop_unmatched: false,
    allow_sourceless: true,
    pure: false,
};

/// Extracts the attributions of `text`, in text order: the rule-based ones, plus
/// those the compiled-in tagger finds and the rules missed.
pub fn extract(text: &str) -> Vec<Attribution> {
    extract_with(text, tagger(), DEFAULT_MERGE)
}

/// [`extract`] with a given tagger (or none: the rules alone) and merge settings.
pub fn extract_with(text: &str, tagger: Option<&Tagger>, cfg: MergeConfig) -> Vec<Attribution> {
    let doc = Doc::new(text);
    let mut out = extract_rules(&doc);
    if let Some(tg) = tagger {
        let tatts = tg.attributions(&doc, &out);
        merge(&doc, &mut out, &tatts, cfg);
    }
    closed_relative_sources(&doc, &mut out);
    drop_wordless_sources(&doc, &mut out);
    out
}

/// "Mr. Dunne, who said last year that the mine was safe, resigned in May": what
/// is said inside a relative clause ends where the clause does, at a comma
/// followed by the main clause's verb, not at the end of the sentence.
fn relative_clause_content(doc: &Doc, att: &mut Attribution) {
    let w = doc.toks.partition_point(|t| t.s < att.source.start);
    if w == 0
        || w >= doc.toks.len()
        || doc.span(w, w + 1) != att.source
        || !matches!(doc.t(w), "who" | "which")
        || doc.t(w - 1) != ","
    {
        return;
    }
    for c in att.content.iter_mut() {
        let first = doc.toks.partition_point(|t| t.s < c.start);
        let end = doc.toks.partition_point(|t| t.s < c.end);
        if first >= end || doc.is_quote(first) {
            continue;
        }
        // a finite verb, not a participle modifying what came before ("the
        // costs, estimated at $5 billion, were ...") nor an -ing adjunct
        let main_verb = |j: usize| {
            let v = doc.t(j);
            !doc.toks[j].cap
                && doc.verbish(j)
                && !v.ends_with("ing")
                && (v.ends_with("ed") || CUE_FORMS.contains_key(v))
                && !matches!(doc.t(j + 1), "by" | "at" | "as" | ",")
        };
        let cut = (first + 2..end.saturating_sub(1))
            .find(|&j| doc.t(j) == "," && main_verb(j + 1) && !(first..j).any(|q| doc.is_quote(q)));
        if let Some(j) = cut {
            *c = doc.span(first, j);
        }
    }
}

/// "Clinton, who once praised the pact, offered …": a relative pronoun is the
/// source only of what is said inside its clause. When the clause has closed
/// (a comma or dash right before the cue) the cue is the main clause's, and its
/// source is the phrase the pronoun refers to.
pub(crate) fn closed_relative_sources(doc: &Doc, out: &mut [Attribution]) {
    for att in out.iter_mut() {
        relative_clause_content(doc, att);
        let w = doc.toks.partition_point(|t| t.s < att.source.start);
        if w < 2
            || w + 2 >= doc.toks.len()
            || doc.span(w, w + 1) != att.source
            || !matches!(doc.t(w), "who" | "which")
            || doc.t(w - 1) != ","
            || doc.t(w + 1) == ","
        {
            continue;
        }
        let c = doc.toks.partition_point(|t| t.s < att.cue.start);
        let before_cue = doc.skip_time_left(c, w + 1);
        if before_cue < w + 3 || !matches!(doc.t(before_cue - 1), "," | "—" | "--") {
            continue;
        }
        // the clause must not run on into a second relative clause or a quote
        if (w + 1..before_cue - 1).any(|j| doc.is_quote(j) || matches!(doc.t(j), "who" | "which")) {
            continue;
        }
        let a = doc.sents[doc.sent_of_tok(w).min(doc.sents.len().saturating_sub(1))].0;
        if w - 1 <= a {
            continue;
        }
        let Some(np) = doc.np_left(w - 2, a) else {
            continue;
        };
        let (kind, anonymous, affiliation) = doc.classify(&np);
        att.source = doc.span(np.s, np.e);
        att.speaker = Some(doc.span(np.cs, np.ce));
        att.speaker_kind = kind;
        att.anonymous = anonymous && kind == SpeakerKind::Anonymous;
        att.affiliation = affiliation;
        att.antecedent = None;
    }
}

/// A source made only of function words, contraction pieces, punctuation or digits
/// ("While", "There's", "'ve") names no one: the attribution keeps its cue and
/// content, loses the source and, like any sourceless attribution, stays out of the
/// claims ledger (`weak`). A capitalised word inside a sentence is a name, not a
/// function word ("Theresa May", "as Long said"); a label before a colon ("A: We
/// left.") is left alone: there the layout, not the words, marks the speaker.
pub(crate) fn drop_wordless_sources(doc: &Doc, out: &mut [Attribution]) {
    let label = |a: &Attribution| {
        a.cue
            .slice(doc.text)
            .is_some_and(|c| !c.chars().any(char::is_alphanumeric))
    };
    for a in out.iter_mut().filter(|a| !a.source.is_empty() && !label(a)) {
        let first = doc.toks.partition_point(|t| t.e <= a.source.start);
        let last = doc.toks[first..]
            .iter()
            .take_while(|t| t.s < a.source.end)
            .count();
        if last == 0 {
            continue;
        }
        let wordless = doc.toks[first..first + last]
            .iter()
            .enumerate()
            .all(|(k, t)| {
                let i = first + k;
                let sentence_start = doc.sents.get(doc.sent_of_tok(i)).is_some_and(|s| s.0 == i);
                (sentence_start || !t.cap) && crate::lexicon::not_speaker(&t.low)
            });
        if !wordless {
            continue;
        }
        // a contraction piece cut from its subject ("They | 've suggested"): the
        // subject is the source
        let pieces = doc.toks[first..first + last]
            .iter()
            .all(|t| t.low.starts_with(['\'', '’']));
        let subject = first.checked_sub(1).filter(|&p| {
            let t = &doc.toks[p];
            pieces
                && t.e == doc.toks[first].s
                && t.low.chars().all(char::is_alphabetic)
                && !crate::lexicon::not_speaker(&t.low)
        });
        if let Some(p) = subject {
            a.source = doc.span(p, p + 1);
            a.speaker = Some(a.source);
            a.speaker_kind =
                if matches!(doc.t(p), "he" | "she" | "they" | "we" | "i" | "you" | "it") {
                    SpeakerKind::Pronoun
                } else {
                    SpeakerKind::Named
                };
            a.anonymous = false;
            a.affiliation = None;
        } else {
            a.source = Span::new(a.cue.start, a.cue.start);
            a.speaker_kind = SpeakerKind::Role;
            a.weak = true;
            a.speaker = None;
            a.antecedent = None;
            a.affiliation = None;
            a.anonymous = false;
        }
    }
}

/// Words after which a speaker phrase's head noun has ended: prepositions and the
/// words that open a qualifier ("officials | familiar with the talks", "a diplomat |
/// who asked not to be named").
fn ends_head(w: &str) -> bool {
    matches!(
        w,
        "of" | "for"
            | "at"
            | "from"
            | "with"
            | "in"
            | "to"
            | "familiar"
            | "briefed"
            | "close"
            | "knowledgeable"
            | "who"
    )
}

/// Whether an attribution only the tagger found is clear enough for the claims
/// ledger: its content is a statement (at least four tokens, not a bare phrase
/// such as "without any progress") and its speaker a person, a pronoun, an
/// anonymous source or a role or institution noun from the lexicons ("the
/// ministry", not "the bodies"). Others stay `weak`: counted as attributions, left
/// out of the report.
fn ledger_worthy(doc: &Doc, t: &TagAtt, kind: SpeakerKind) -> bool {
    let content_tokens: usize = t.content.iter().map(|c| c.1.saturating_sub(c.0)).sum();
    if content_tokens < 4 {
        return false;
    }
    // A source that stops inside a noun phrase ("a Veridian | mine continued") is
    // a modifier, not a speaker: between it and the cue word only auxiliaries,
    // adverbs and punctuation may stand, inside the cue span too.
    let cue_word = (t.cue.0..t.cue.1)
        .find(|&i| CUE_FORMS.contains_key(doc.t(i)) || doc.t(i) == "according")
        .unwrap_or(t.cue.0);
    if let Some((_, b)) = t.source {
        if b <= cue_word && !(b..cue_word).all(|i| joins_cue(doc.t(i))) {
            return false;
        }
    }
    // A lexicon cue word the rules reject in this context ("has continued its
    // onslaught": "continued" needs a quote, "that" or a colon) is no statement.
    if CUE_FORMS.contains_key(doc.t(cue_word)) {
        let si = doc.sent_of_tok(cue_word);
        let (sa, sb) = doc.sents.get(si).copied().unwrap_or((0, doc.toks.len()));
        let found = (sa.max(cue_word.saturating_sub(4))..=cue_word)
            .filter_map(|i| doc.cue_at(i, sa, sb))
            .any(|c| c.start <= cue_word && cue_word < c.end.max(c.head + 1));
        if !found {
            return false;
        }
    }
    match kind {
        SpeakerKind::Named | SpeakerKind::Pronoun | SpeakerKind::Anonymous => true,
        SpeakerKind::Role => t.source.is_some_and(|(a, b)| {
            (a..b).any(|i| {
                let w = doc.t(i).to_lowercase();
                let singular = w.strip_suffix('s').unwrap_or(&w);
                ROLES_SET.contains(&w)
                    || ROLES_SET.contains(singular)
                    || is_org_word(&w)
                    || is_org_word(singular)
            })
        }),
    }
}

/// Words that may stand between a speaker and its cue word ("has", "also", ",").
fn joins_cue(word: &str) -> bool {
    !word.chars().next().is_some_and(char::is_alphabetic)
        || matches!(
            word.to_lowercase().as_str(),
            "has"
                | "had"
                | "have"
                | "is"
                | "was"
                | "were"
                | "are"
                | "will"
                | "would"
                | "could"
                | "may"
                | "might"
                | "also"
                | "later"
                | "then"
                | "again"
                | "previously"
                | "repeatedly"
                | "recently"
                | "once"
                | "never"
                | "not"
                | "did"
                | "does"
                | "do"
                | "who"
                | "already"
                | "still"
                | "publicly"
                | "privately"
        )
}

/// The source of a cue the tagger found without one, when the cue opens a
/// participial adjunct after a comma: "Activists blocked the road, demanding
/// that …" is the main clause's subject's claim.
fn adjunct_subject(doc: &Doc, cue: usize) -> Option<(usize, usize)> {
    let a = doc.sents.get(doc.sent_of_tok(cue))?.0;
    if cue < a + 3 || doc.t(cue - 1) != "," || !doc.t(cue).ends_with("ing") || doc.toks[cue].cap {
        return None;
    }
    let np = doc.subject_np(a, cue - 1)?;
    // the phrase must end at its verb, else it ran on into the predicate
    let at_verb = np.e < cue
        && (doc.verbish(np.e)
            || matches!(
                doc.t(np.e),
                "is" | "are"
                    | "was"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "also"
                    | "then"
            ));
    (np.e > np.s && at_verb).then_some((np.s, np.e))
}

fn merge(doc: &Doc, out: &mut Vec<Attribution>, tatts: &[TagAtt], cfg: MergeConfig) {
    if cfg.pure {
        out.clear();
    }
    if cfg.drop_unmatched {
        out.retain(|r| {
            tatts
                .iter()
                .any(|t| doc.span(t.cue.0, t.cue.1).overlaps(r.cue))
        });
    }
    let n_rules = out.len();
    // the content spans the tagger gives each rule attribution whose cue it found
    let tagger_content: Vec<Option<Vec<Span>>> = out
        .iter()
        .map(|r| {
            tatts
                .iter()
                .find(|t| doc.span(t.cue.0, t.cue.1).overlaps(r.cue))
                .map(|t| t.content.iter().map(|&(s, e)| doc.span(s, e)).collect())
        })
        .collect();
    let mut added: Vec<Attribution> = Vec::new();
    let mut trimmed: Vec<usize> = Vec::new();
    for t in tatts {
        let cue = doc.span(t.cue.0, t.cue.1);
        if cue.is_empty() {
            continue;
        }
        let content: Vec<Span> = t
            .content
            .iter()
            .map(|&(s, e)| doc.span(s, e))
            .filter(|c| !c.is_empty())
            .collect();
        if let Some(r) = out[..n_rules].iter_mut().find(|r| r.cue.overlaps(cue)) {
            if cfg.prefer_tagger {
                if let Some((ss, se)) = t.source {
                    let src = doc.span(ss, se);
                    if !src.is_empty() && !src.overlaps(r.cue) {
                        r.source = src;
                    }
                }
                if !content.is_empty() && !content.iter().any(|c| c.overlaps(r.source)) {
                    r.content = content.clone();
                    let ts = content[0].start;
                    let te = content[content.len() - 1].end;
                    r.evidence = Span::new(r.evidence.start.min(ts), r.evidence.end.max(te));
                    finish(doc, r);
                }
                continue;
            }
            if cfg.widen_content && !content.is_empty() && r.cue_kind != CueKind::Refusal {
                let ts = content[0].start;
                let te = content[content.len() - 1].end;
                if let Some(rc) = r.content_span() {
                    let no_cross = !content
                        .iter()
                        .any(|c| c.overlaps(r.source) || c.overlaps(r.cue));
                    if ts <= rc.start && te >= rc.end && te - ts > rc.len() && no_cross {
                        r.content = content.clone();
                        r.evidence = Span::new(r.evidence.start.min(ts), r.evidence.end.max(te));
                        finish(doc, r);
                    }
                }
            }
            if cfg.prefer_tagger_source && !r.inherited {
                if let Some((ss, se)) = t.source {
                    let src = doc.span(ss, se);
                    let speaker = r.speaker.unwrap_or(r.source);
                    // Without a separate speaker the source is what the ledger
                    // shows: only a source that holds it all may replace it.
                    let keeps_speaker = r.speaker.is_some()
                        || (src.start <= r.source.start && r.source.end <= src.end);
                    if src.overlaps(speaker)
                        && keeps_speaker
                        && !src.overlaps(r.cue)
                        && !r.content.iter().any(|c| c.overlaps(src))
                    {
                        r.source = src;
                    }
                }
            }
            if cfg.widen_source {
                if let Some((ss, se)) = t.source {
                    let src = doc.span(ss, se);
                    let speaker = r.speaker.unwrap_or(r.source);
                    if !r.inherited
                        && src.start <= r.source.start
                        && src.end >= r.source.end
                        && src.len() > r.source.len()
                        && src.start <= speaker.start
                        && src.end >= speaker.end
                        && !src.overlaps(r.cue)
                        && !r.content.iter().any(|c| c.overlaps(src))
                    {
                        r.source = src;
                    }
                }
            }
            continue;
        }
        if !cfg.add {
            continue;
        }
        let (ss, se) = match t.source.or_else(|| adjunct_subject(doc, t.cue.0)) {
            Some(x) => x,
            None if cfg.allow_sourceless && !content.is_empty() => (t.cue.0, t.cue.0),
            None => continue,
        };
        let source = if ss < se {
            doc.span(ss, se)
        } else {
            Span::new(cue.start, cue.start)
        };
        let sourceless = ss >= se;
        if source.is_empty() && !sourceless {
            continue;
        }
        // nothing the rules already labelled: a rule cue, or a rule content the
        // tagger agrees with (it finds that cue and a content there too)
        let in_content = |sp: Span| {
            out[..n_rules]
                .iter()
                .any(|r| r.content.iter().any(|c| c.overlaps(sp)))
        };
        let taken = |sp: Span| {
            out[..n_rules].iter().zip(&tagger_content).any(|(r, tc)| {
                r.cue.overlaps(sp)
                    || (r.content.iter().any(|c| c.overlaps(sp))
                        && (!cfg.split_contents
                            || match tc {
                                None => true,
                                Some(tc) => tc.iter().any(|c| c.overlaps(sp)),
                            }))
            })
        };
        if taken(cue) || (!sourceless && taken(source)) || content.iter().any(|c| taken(*c)) {
            continue;
        }
        // a cue inside a rule content stays out of the ledger, and that rule
        // attribution, when weak, takes the tagger's content
        let nested = in_content(cue);
        if nested {
            for (i, r) in out[..n_rules].iter().enumerate() {
                if r.content.iter().any(|c| c.overlaps(cue)) && !trimmed.contains(&i) {
                    trimmed.push(i);
                }
            }
        }
        // the cue's lexicon entry: the first cue word of the cue
        let entry = (t.cue.0..t.cue.1).find_map(|i| CUE_FORMS.get(doc.t(i)).copied());
        let according = (t.cue.0..t.cue.1).any(|i| doc.t(i) == "according");
        if cfg.lexicon_cues_only && entry.is_none() && !according {
            continue;
        }
        let negated = (t.cue.0..t.cue.1).any(|i| matches!(doc.t(i), "not" | "n't" | "never"));
        let (kind, mut stance, weak) = match entry {
            Some(e) => (e.kind, e.stance, e.weak),
            None if according => (CueKind::According, Stance::Assert, false),
            None => (CueKind::Speech, Stance::Assert, true),
        };
        if negated {
            stance = match stance {
                Stance::Confirm => Stance::Decline,
                Stance::Decline => Stance::Decline,
                _ => Stance::Unknown,
            };
        }
        let np = Np {
            s: ss,
            e: se,
            cs: ss,
            ce: se,
            anon_clause: false,
        };
        let (speaker_kind, anonymous, affiliation) = if sourceless {
            (SpeakerKind::Role, false, None)
        } else {
            doc.classify(&np)
        };
        let lo = ss
            .min(t.cue.0)
            .min(t.content.iter().map(|c| c.0).min().unwrap_or(ss));
        let hi = se
            .max(t.cue.1)
            .max(t.content.iter().map(|c| c.1).max().unwrap_or(se));
        let sa = doc.sents.get(doc.sent_of_tok(lo)).map_or(lo, |x| x.0);
        let sb = doc
            .sents
            .get(doc.sent_of_tok(hi.saturating_sub(1)))
            .map_or(hi, |x| x.1);
        let mut att = Attribution {
            source,
            speaker: (!sourceless).then_some(source),
            speaker_kind,
            antecedent: None,
            anonymous: anonymous && speaker_kind == SpeakerKind::Anonymous,
            affiliation,
            cue,
            cue_kind: kind,
            addressee: None,
            content,
            direct: false,
            stance,
            evidence: doc.span(sa, sb),
            time: None,
            about: Vec::new(),
            inherited: false,
            weak: weak || sourceless || nested || !ledger_worthy(doc, t, speaker_kind),
        };
        finish(doc, &mut att);
        added.push(att);
    }
    for i in trimmed {
        let (Some(Some(tc)), Some(r)) = (tagger_content.get(i), out.get_mut(i)) else {
            continue;
        };
        let tc: Vec<Span> = tc.iter().copied().filter(|c| !c.is_empty()).collect();
        // the ledger keeps the rules' content
        if tc.is_empty()
            || !r.weak
            || r.cue_kind == CueKind::Refusal
            || tc.iter().any(|c| c.overlaps(r.source) || c.overlaps(r.cue))
        {
            continue;
        }
        let (ts, te) = (tc[0].start, tc[tc.len() - 1].end);
        r.content = tc;
        r.evidence = Span::new(r.evidence.start.min(ts), r.evidence.end.max(te));
        finish(doc, r);
    }
    for att in added {
        let at = out.partition_point(|r| r.cue.start <= att.cue.start);
        out.insert(at, att);
    }
}

/// The rule-based attributions of a document, in text order.
pub(crate) fn extract_rules(doc: &Doc) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::new();
    let mut cores: Vec<(usize, usize)> = Vec::new(); // core token range of each speaker
    let labels = layouts::transcript_labels(doc.text);
    for si in 0..doc.sents.len() {
        let (a, b) = doc.sents[si];
        let first = out.len();
        let mut i = a;
        if let Some((att, core, next)) = colon_headline(doc, a, b, &labels) {
            out.push(att);
            cores.push(core);
            i = next;
        }
        while i < b {
            let Some(cue) = doc.cue_at(i, a, b) else {
                i += 1;
                continue;
            };
            let next = cue.end.max(i + 1);
            if doc.in_quote(cue.head) || doc.in_quote(cue.start) {
                i = next;
                continue;
            }
            // "What did the prosecutors say?": the writer asks; nobody is quoted
            if b > a && doc.t(b - 1) == "?" && !(a..b).any(|j| doc.is_quote(j)) {
                i = next;
                continue;
            }
            // inside the forward content of an earlier attribution of this sentence
            let hs = doc.toks[cue.head].s;
            if out[first..]
                .iter()
                .any(|x| x.content.iter().any(|c| c.start <= hs && hs < c.end) && x.cue.end <= hs)
            {
                i = next;
                continue;
            }
            if let Some((att, core)) = build(doc, &cue, a, b, &out[first..], &cores[first..]) {
                out.push(att);
                cores.push(core);
            }
            i = next;
        }
        if let Some((att, core)) = layouts::in_poll(doc, a, b) {
            if !out[first..].iter().any(|x| x.source.overlaps(att.source)) {
                out.push(att);
                cores.push(core);
            }
        }
        // an attribution whose content is empty and whose cue ends the sentence:
        // the previous sentence is its content ("… in Gaza. A senior US official said.")
        for att in out.iter_mut().skip(first) {
            let last = doc.toks.partition_point(|t| t.e <= att.cue.end);
            let closing = last > 0 && CLOSING_CUES_SET.contains(doc.t(last - 1));
            // Only a sentence that is nothing but its speaker and cue ("A senior
            // US official said.") points back (a question made no attribution).
            let bare = doc.toks.get(a).is_some_and(|t| t.s == att.source.start) && {
                // after the cue only punctuation and a time ("said. on Friday.")
                let mut j = doc.toks.partition_point(|t| t.s < att.cue.end).max(a);
                while j < b && doc.is_punct(j) && !doc.is_quote(j) {
                    j += 1;
                }
                let j = doc.skip_time_right(j, b);
                (j..b).all(|x| doc.is_punct(x) && !doc.is_quote(x))
            };
            if att.content.is_empty()
                && att.cue_kind != CueKind::Refusal
                && closing
                && bare
                && si > 0
            {
                let (pa, pb) = doc.sents[si - 1];
                let prev = doc.span(pa, pb);
                if let Some(c) = doc.trim_content(pa, pb) {
                    att.content.push(c);
                    att.evidence = Span::new(prev.start, att.evidence.end);
                }
            }
        }
    }
    layouts::signed_quotes(doc, &mut out, &mut cores);
    continuations(doc, &mut out);
    resolve(doc, &mut out, &cores);
    layouts::turn_speakers(doc, &mut out, &labels);
    // "you know", "do you think …?": the one spoken to makes no claim in the ledger
    for att in &mut out {
        if att
            .speaker
            .and_then(|s| s.slice(doc.text))
            .is_some_and(|s| s.eq_ignore_ascii_case("you"))
            && att.antecedent.is_none()
        {
            att.weak = true;
        }
    }
    for att in &mut out {
        finish(doc, att);
    }
    out
}

/// "Paul Ryan: FBI Decision ‘Defies Explanation’" — a name and a colon opening a
/// paragraph (headlines, transcripts).
/// `labels` are the document's transcript labels ([`layouts::transcript_labels`]).
fn colon_headline(
    doc: &Doc,
    a: usize,
    b: usize,
    labels: &HashSet<String>,
) -> Option<(Attribution, (usize, usize), usize)> {
    let para_start = doc
        .toks
        .get(a)
        .map(|t| doc.text[..t.s].trim_end_matches([' ', '\t']))?;
    if !(para_start.is_empty() || para_start.ends_with('\n')) {
        return None;
    }
    // a transcript's turn may open with a quote mark ("\"MARSH: Well, …")
    let a = if doc.is_quote(a) && !labels.is_empty() {
        a + 1
    } else {
        a
    };
    let colon = (a..(a + 9).min(b)).find(|&j| doc.t(j) == ":")?;
    if colon == a
        || colon + 1 >= b
        || !doc.toks[colon - 1].cap
        || (a..colon).any(|j| !doc.is_word(j) && doc.raw(j) != "." && doc.t(j) != "'s")
    {
        return None;
    }
    // "Name: words" with a space after the colon ("NextImg:Qatar" is not speech)
    if !doc
        .text
        .get(doc.toks[colon].e..)
        .is_some_and(|r| r.starts_with([' ', '\t', '\n', '“', '"', '‘']))
    {
        return None;
    }
    // "Title: …", "Disclosure: …": a page's field labels and rubrics are nobody;
    // "R: 50,000": a one-letter label before a figure is a table row
    if colon == a + 1 && crate::lexicon::is_rubric(doc.t(a))
        || colon == a + 1
            && !labels.contains(doc.raw(a))
            && doc.t(a).chars().count() == 1
            && doc
                .toks
                .get(colon + 1)
                .is_some_and(|t| t.kind == TokenKind::Number)
    {
        return None;
    }
    let label = doc.span(a, colon).slice(doc.text).unwrap_or("");
    let np = if labels.contains(label) {
        // a transcript's speaker label
        Np {
            s: a,
            e: colon,
            cs: a,
            ce: colon,
            anon_clause: false,
        }
    } else {
        // an all-capitals dateline ("PORT ELLIS:")
        if label.len() > 2 && !label.chars().any(char::is_lowercase) {
            return None;
        }
        let np = doc.np_left(colon - 1, a)?;
        if np.s != a {
            return None;
        }
        np
    };
    let kind = doc.classify(&np).0;
    // a name, or a source that states findings ("Poll: …", "Insiders: …")
    if kind != SpeakerKind::Named
        && !(labels.contains(label) || finding_source(doc.t(colon - 1)).is_some())
    {
        return None;
    }
    let content = doc.trim_content(colon + 1, b)?;
    let cue = doc.span(colon, colon + 1);
    let mut att = layouts::new_att(doc, &np, cue, CueKind::Speech, content, false);
    att.evidence = doc.span(a, b);
    Some((att, (np.cs, np.ce), b))
}

fn build(
    doc: &Doc,
    cue: &Cue,
    a: usize,
    b: usize,
    earlier: &[Attribution],
    earlier_cores: &[(usize, usize)],
) -> Option<(Attribution, (usize, usize))> {
    let head_low = doc.t(cue.head);
    let l = doc.skip_time_left(cue.start, a);
    let prev = if l > a { Some(l - 1) } else { None };
    let prev_low = prev.map_or("", |p| doc.t(p));
    let participle = head_low.ends_with("ing")
        || (cue.kind == CueKind::Refusal && doc.t(cue.head).ends_with("ing"));
    let mut time = None;
    if l < cue.start {
        time = Some(doc.span(l, cue.start));
    }
    // "who asked not to be named", "spoke on condition of anonymity", "who
    // requested anonymity"
    if cue.kind != CueKind::According {
        let here = doc.text_at(cue.head, 40);
        if ANON_MARKERS.find(here).is_some_and(|m| m.start() == 0) {
            return None;
        }
        let tail = doc.text_at(cue.end, 40);
        if ANON_MARKERS.find(tail).is_some_and(|m| m.start() == 0)
            || tail.starts_with("not to be")
            || tail.starts_with("on condition")
            || tail.starts_with("anonymously")
        {
            return None;
        }
    }
    let after_quote = cue.start > a && doc.is_closing_quote(cue.start - 1);
    let inverted_np = if cue.entry.invert {
        let k = doc.skip_time_right(cue.end, b);
        doc.np_right(k, b).filter(|np| {
            let z = doc.skip_time_right(np.e, b);
            after_quote
                || z >= b
                || matches!(doc.t(z), "," | "." | ";" | ":" | "!" | "?")
                || doc.is_quote(z)
                || doc.t(z) == "in" && doc.t(z + 1) == "a"
        })
    } else {
        None
    };
    let quoted = if participle && prev_low == "as" {
        prev.and_then(|p| doc.quoted_subject(p, a))
    } else {
        None
    };
    let config = if cue.source_after {
        let mut np = doc.np_right_with(cue.end, b, true)?;
        if cue.kind != CueKind::According {
            // "by her doctor": a possessive opens the agent, it is not the agent
            if np.e == np.s + 1 && matches!(doc.t(np.s), "his" | "her" | "their" | "its" | "our") {
                let mut e = np.s + 1;
                while e < b && e < np.s + 5 && doc.is_word(e) && !STOP.contains(doc.t(e)) {
                    e += 1;
                }
                if e > np.s + 1 {
                    np = Np {
                        s: np.s,
                        e,
                        cs: np.s,
                        ce: e,
                        anon_clause: false,
                    };
                }
            }
            // a passive's agent ends before what the verb goes on to take:
            // "accused by prosecutors | of taking bribes", "told by her doctor |
            // to rest"
            if let Some(k) = (np.s + 1..np.e).find(|&k| {
                matches!(
                    doc.t(k),
                    "to" | "on" | "for" | "with" | "as" | "over" | "about" | "that"
                ) || doc.t(k) == "of" && !doc.toks.get(k + 1).is_some_and(|t| t.cap)
            }) {
                np.e = k;
                np.ce = np.ce.min(k);
            }
        }
        Config::According(np)
    } else if let Some(np) = quoted {
        Config::Subject(np)
    } else if participle
        && (prev_low == ","
            || prev.is_none()
            || matches!(
                prev_low,
                "and" | "but" | "while" | "before" | "after" | "by"
            ))
        || matches!(prev_low, "and" | "but" | "or")
    {
        Config::Inherit
    } else if cue.entry.invert
        && (prev_low == "," || prev.is_some_and(|p| doc.is_closing_quote(p)) || prev_low == "—")
        && inverted_np.is_some()
        && !doc.t(cue.end).eq("that")
        // "A police spokesman, Jon Weil, confirmed the arrests": the whole stretch
        // before the comma is the subject with its apposition, not a clause said
        && !(prev_low == "," && prev.and_then(|p| doc.np_left(p, a)).is_some_and(|np| np.s == a))
    {
        let after_time = doc.skip_time_right(cue.end, b);
        if after_time > cue.end && time.is_none() {
            time = Some(doc.span(cue.end, after_time));
        }
        Config::Inverted(doc.np_right(after_time, b)?)
    } else {
        let p = prev?;
        let np = doc.np_left(p, a)?;
        Config::Subject(doc.occasion_subject(&np, a).unwrap_or(np))
    };
    // source, core, inherited
    let (np, inherited) = match &config {
        Config::Subject(np) | Config::Inverted(np) | Config::According(np) => (*np, false),
        Config::Inherit => {
            if let (Some(last), Some(core)) = (
                earlier.last().filter(|x| x.cue_kind != CueKind::According),
                earlier_cores.last(),
            ) {
                let src = last.source;
                let s = doc.toks.partition_point(|t| t.s < src.start);
                let e = doc.toks.partition_point(|t| t.e <= src.end);
                (
                    Np {
                        s,
                        e,
                        cs: core.0,
                        ce: core.1,
                        anon_clause: last.anonymous && last.speaker_kind == SpeakerKind::Anonymous,
                    },
                    true,
                )
            } else {
                (doc.subject_np(a, cue.start)?, false)
            }
        }
    };
    if np.e <= np.s || np.ce <= np.cs {
        return None;
    }
    // "footage of Reyes saying ...", "a video of the minister saying ...": the
    // speaker is the one shown, not the recording
    let mut np = np;
    if participle && matches!(config, Config::Subject(_)) {
        if let Some(o) = (np.cs..np.ce.saturating_sub(1)).find(|&i| {
            doc.t(i + 1) == "of" && RECORDINGS.contains(doc.t(i)) && i + 2 < np.ce && {
                // someone: a name, a pronoun, or a role or source noun as head
                let head = np.ce - 1;
                doc.toks[i + 2].cap && !(i + 2..np.ce).any(|j| doc.t(j) == "'s")
                    || is_pronoun(doc.t(i + 2))
                    || ROLES_SET.contains(doc.t(head))
                    || ANON_HEADS.contains_key(doc.t(head))
            }
        }) {
            np = Np {
                s: o + 2,
                cs: o + 2,
                ..np
            };
        }
    }
    // "the ministry issued a statement saying ...", "she sent a letter to the
    // council saying ...": the speaker is whoever issued the statement
    if participle && matches!(config, Config::Subject(_)) {
        if let Some(subject) = doc.issuer(&np, a) {
            np = subject;
        }
    }
    // what follows the cue
    let mut k = cue.end;
    if let Config::Inverted(np) = &config {
        k = np.e.max(k);
    }
    if let Config::According(np) = &config {
        k = np.e.max(k);
    }
    let t_end = doc.skip_time_right(k, b);
    if t_end > k {
        if time.is_none() {
            time = Some(doc.span(k, t_end));
        }
        k = t_end;
    }
    let mut addressee = None;
    if matches!(cue.entry.frame, Frame::Object | Frame::ObjectClause)
        && !matches!(config, Config::Inverted(_))
    {
        if let Some((s, e)) = doc.addressee(k, b) {
            addressee = Some(doc.span(s, e));
            k = e;
            let t_end = doc.skip_time_right(k, b);
            if t_end > k {
                if time.is_none() {
                    time = Some(doc.span(k, t_end));
                }
                k = t_end;
            }
        }
    }
    // "in an interview with X", "in a statement" after the addressee
    if k + 2 < b
        && doc.t(k) == "in"
        && matches!(doc.t(k + 1), "a" | "an")
        && matches!(
            doc.t(k + 2),
            "statement" | "interview" | "email" | "tweet" | "post" | "letter" | "speech"
        )
    {
        let mut z = k + 3;
        if doc.t(z) == "with" {
            z += 1;
            while z < b && doc.is_word(z) && (doc.toks[z].cap || doc.t(z) == "the") {
                z += 1;
            }
        }
        k = z;
    }
    // "told reporters in Port Ellis." / "said at a rally in Ohio," / "“…,” he said
    // of the plan."
    // A quote before the speaker is surely what was said, so the phrase after the
    // cue may be longer and may name the topic ("of", "about", "on"); without one,
    // "said about 40 roads were closed" and "said during the storm trees fell"
    // hold what was said.
    let s0 = np.s.min(cue.start);
    let quote_before = s0 > a
        && (doc.is_closing_quote(s0 - 1)
            || s0 > a + 1 && doc.t(s0 - 1) == "," && doc.is_closing_quote(s0 - 2));
    let occasion_prep = matches!(
        doc.t(k),
        "in" | "at" | "during" | "after" | "while" | "from" | "via" | "before"
    ) || quote_before && matches!(doc.t(k), "on" | "of" | "about");
    if k < b && occasion_prep {
        let reach = if quote_before { 14 } else { 9 };
        let mut z = k + 1;
        while z < b
            && z - k < reach
            && (doc.is_word(z) || matches!(doc.t(z), "'s" | "’s"))
            && doc.t(z) != "that"
            // a cue word there opens a clause, unless it ends the phrase as a noun
            // ("on a business channel's evening show.")
            && (!CUE_FORMS.contains_key(doc.t(z))
                || z + 1 < b && matches!(doc.t(z + 1), "." | "!" | "?") && z + 2 >= b)
        {
            z += 1;
        }
        if z >= b
            || matches!(doc.t(z), "." | ";" | "!" | "?")
            || doc.t(z) == "," && !doc.is_opening_quote(z + 1)
        {
            k = z;
        }
    }
    let ends_here = k >= b
        || (doc.is_punct(k)
            && !doc.is_opening_quote(k)
            && doc.t(k) != ":"
            && !(doc.t(k) == ","
                && doc.is_opening_quote(k + 1)
                && matches!(config, Config::Subject(_))
                && np.s == a))
        || (doc.t(k) == "," && k + 1 < b && doc.cue_follows(k + 1, b));
    let floor_tok = earlier
        .iter()
        .filter(|x| x.content.first().is_some_and(|c| c.end <= x.cue.start))
        .map(|x| x.cue.end.max(x.source.end))
        .max()
        .map(|byte| doc.toks.partition_point(|t| t.s < byte))
        .unwrap_or(a)
        .max(a);
    let src_first = np.s.min(cue.start);
    let mut content: Vec<Span> = Vec::new();
    match config {
        Config::According(_) => {
            // a passive cue with its agent says what follows it, when a clause or
            // a quote does ("was told by officials that …"); else its subject
            let passive_clause = cue.kind != CueKind::According
                && k < b
                && (matches!(doc.t(k), "that" | ":" | "whether") || doc.is_opening_quote(k));
            if passive_clause {
                if let Some(c) = doc.content_forward(k, b) {
                    content.push(c);
                }
            } else if cue.start == a || (cue.start > a && doc.skip_time_left(cue.start, a) == a) {
                let mut z = k;
                if cue.kind == CueKind::According {
                    while z < b && doc.t(z) != "," && !doc.is_quote(z) {
                        z += 1;
                    }
                    if z >= b {
                        z = k;
                    }
                }
                if let Some(c) = doc.content_forward(z, b) {
                    content.push(c);
                }
            } else if let Some(c) = doc
                .content_backward(cue.start, a, floor_tok)
                .or_else(|| doc.content_backward(cue.start, a, a))
            {
                content.push(c);
            }
        }
        Config::Inherit => {
            if let Some(c) = doc.content_forward(k, b) {
                content.push(c);
            }
        }
        Config::Subject(_) | Config::Inverted(_) => {
            let quote_inverted = matches!(config, Config::Inverted(_)) && after_quote;
            if (ends_here || quote_inverted) && !(cue.kind == CueKind::Refusal) {
                let before = if matches!(config, Config::Inverted(_)) {
                    cue.start
                } else {
                    src_first
                };
                let before = doc.skip_time_left(before, a);
                if let Some(c) = doc.content_backward(before, a, floor_tok) {
                    content.push(c);
                }
                // a quote split around the cue: “X,” he said, “Y.”
                if k < b && doc.t(k) == "," && doc.is_opening_quote(k + 1) {
                    if let Some(q) = doc.region_opened_by(k + 1) {
                        content.push(q);
                    }
                }
                // a parenthetical cue inside the claim: "The delays, the engineer
                // said, are designed to protect the river" (the rest opens with the
                // verb its subject before the cue lacks)
                if !content.is_empty()
                    && k + 1 < b
                    && doc.t(k) == ","
                    && FINITE_AUX.contains(&doc.t(k + 1))
                    && !doc.is_quote(src_first.saturating_sub(2))
                    && !doc.is_quote(src_first.saturating_sub(1))
                {
                    // up to another attribution or a joined clause (", critics
                    // said", ", but critics said ...")
                    let end = (k + 2..b)
                        .find(|&j| {
                            doc.t(j) == ","
                                && j + 1 < b
                                && ((j + 1..(j + 5).min(b))
                                    .any(|x| CUE_FORMS.contains_key(doc.t(x)) && !doc.toks[x].cap)
                                    || matches!(doc.t(j + 1), "but" | "and" | "while" | "although"))
                        })
                        .unwrap_or(b);
                    if let Some(c) = doc.content_forward(k + 1, end) {
                        content.push(c);
                    }
                }
            } else if let Some(c) = doc.content_forward(k, b) {
                content.push(c);
            }
        }
    }
    // "He told parliament:" + a quote opening the next paragraph
    if content.is_empty() && b > a && doc.t(b - 1) == ":" && doc.is_opening_quote(b) {
        if let Some(q) = doc.region_opened_by(b) {
            content.push(q);
        }
    }
    if cue.kind == CueKind::According && content.is_empty() {
        return None;
    }
    // belief/evidence cues need a content
    if matches!(cue.kind, CueKind::Belief | CueKind::Evidence) && content.is_empty() {
        return None;
    }
    let (kind, anonymous, affiliation) = doc.classify(&np);
    let source = doc.span(np.s, np.e);
    let speaker = doc.span(np.cs, np.ce);
    let mut stance = cue.entry.stance;
    let neg_subject = matches!(doc.t(np.cs), "neither" | "no" | "none" | "nobody" | "nor");
    if cue.negated || neg_subject {
        stance = match stance {
            Stance::Confirm => Stance::Decline,
            Stance::Deny => Stance::Unknown,
            Stance::Decline => Stance::Decline,
            _ => {
                if matches!(
                    head_low,
                    "say" | "said" | "says" | "tell" | "told" | "comment" | "disclose" | "specify"
                ) {
                    Stance::Decline
                } else {
                    Stance::Unknown
                }
            }
        };
    }
    let cue_span = doc.span(cue.start, cue.end);
    let mut lo = cue_span.start.min(source.start);
    let mut hi = cue_span.end.max(source.end);
    for c in &content {
        lo = lo.min(c.start);
        hi = hi.max(c.end);
    }
    let sa = doc.sent_of_tok(doc.toks.partition_point(|t| t.s < lo));
    let sb = doc.sent_of_tok(
        doc.toks
            .partition_point(|t| t.e < hi)
            .min(doc.toks.len().saturating_sub(1)),
    );
    let ev_start = doc
        .sents
        .get(sa)
        .map_or(lo, |&(x, _)| doc.toks[x].s.min(lo));
    let ev_end = doc
        .sents
        .get(sb)
        .map_or(hi, |&(_, y)| doc.toks[y - 1].e.max(hi));
    let att = Attribution {
        source,
        speaker: Some(speaker),
        speaker_kind: if inherited {
            earlier.last().map_or(kind, |x| x.speaker_kind)
        } else {
            kind
        },
        antecedent: if inherited {
            earlier.last().and_then(|x| x.antecedent)
        } else {
            None
        },
        anonymous: if inherited {
            earlier.last().is_some_and(|x| x.anonymous)
        } else {
            anonymous
        },
        affiliation: if inherited {
            earlier.last().and_then(|x| x.affiliation)
        } else {
            affiliation
        },
        cue: cue_span,
        cue_kind: cue.kind,
        addressee,
        content,
        direct: false,
        stance,
        evidence: Span::new(ev_start, ev_end),
        time,
        about: Vec::new(),
        inherited,
        weak: cue.entry.weak,
    };
    let mut att = att;
    // "called the report baseless", "described the claims as fiction": a label
    // that denies what it is put on makes a denial for the ledger
    if LABELLING_VERBS_SET.contains(doc.t(cue.head))
        && cue.end == cue.head + 1
        && att.stance == Stance::Assert
        && att
            .content
            .last()
            .and_then(|c| c.slice(doc.text))
            .is_some_and(ends_with_deny_label)
    {
        att.stance = Stance::Deny;
        att.weak = false;
    }
    // "the recipe calls for two eggs": a call for something is made by someone
    if matches!(doc.t(cue.head), "call" | "calls" | "called")
        && doc.t(cue.head + 1) == "for"
        && att.speaker_kind == SpeakerKind::Role
        && !doc.head_index(np.cs, np.ce).is_some_and(|h| {
            let w = doc.t(h);
            ROLES_SET.contains(w) || ANON_HEADS.contains_key(w) || is_org_word(w)
        })
    {
        att.weak = true;
    }
    Some((att, (np.cs, np.ce)))
}

/// A sentence that opens with a quote right after an attribution, with no cue of its
/// own, continues that attribution's content.
fn continuations(doc: &Doc, out: &mut [Attribution]) {
    let n = out.len();
    for i in 0..n {
        if !matches!(out[i].cue_kind, CueKind::Speech | CueKind::Written) {
            continue;
        }
        let ev_end = out[i].evidence.end;
        let si = doc.sent_of_tok(doc.toks.partition_point(|t| t.e < ev_end));
        let Some(&(na, _)) = doc.sents.get(si + 1) else {
            continue;
        };
        if !doc.is_opening_quote(na) {
            continue;
        }
        let Some(q) = doc.region_opened_by(na) else {
            continue;
        };
        // the gap between the evidence and the quote must be blank
        let gap = doc.text.get(ev_end..q.start).unwrap_or("x");
        if !gap.trim().is_empty()
            || gap.contains("\n\n")
                && !out[i].content.iter().any(|c| {
                    doc.text
                        .get(c.start..c.start + 1)
                        .is_some_and(|s| s == "\"")
                        || doc.text[c.start..].starts_with('“')
                })
        {
            continue;
        }
        if out
            .iter()
            .any(|x| x.evidence.overlaps(q) || x.content.iter().any(|c| c.overlaps(q)))
        {
            continue;
        }
        // the quote's sentence must end with the quote (no cue after it)
        let qs = doc.sent_of_tok(doc.toks.partition_point(|t| t.e < q.end));
        if let Some(&(_, qb)) = doc.sents.get(qs) {
            let qend_tok = doc.toks.partition_point(|t| t.e <= q.end);
            if (qend_tok..qb).any(|j| doc.is_word(j)) {
                continue;
            }
        }
        out[i].content.push(q);
        out[i].evidence = Span::new(out[i].evidence.start, out[i].evidence.end.max(q.end));
    }
}

/// The trailing run of capitalised words of a phrase ("Majed Al-Ansari" in "foreign
/// ministry spokesperson Majed Al-Ansari").
fn tail_name(text: &str) -> &str {
    let mut start = text.len();
    for (i, w) in text.rsplit(' ').scan(text.len(), |end, w| {
        let s = *end - w.len();
        *end = s.saturating_sub(1);
        Some((s, w))
    }) {
        if w.chars().next().is_some_and(char::is_uppercase) {
            start = i;
        } else {
            break;
        }
    }
    &text[start.min(text.len())..]
}

/// Whether a speaker phrase names an institution (a word from
/// `resources/claims/org_words.txt`), which pronouns never refer back to.
fn org_like(text: &str) -> bool {
    let l = text.to_lowercase();
    l.split(|c: char| !c.is_alphanumeric())
        .any(crate::lexicon::is_org_word)
}

/// Resolves pronoun speakers and anaphoric role / anonymous phrases to the most
/// recent compatible earlier speaker.
fn resolve(doc: &Doc, out: &mut [Attribution], cores: &[(usize, usize)]) {
    for i in 0..out.len() {
        if out[i].inherited {
            // the antecedent and flags come from the sentence's first attribution
            if i > 0 && out[i].source == out[i - 1].source {
                out[i].antecedent = out[i - 1].antecedent;
                out[i].anonymous = out[i - 1].anonymous;
                out[i].affiliation = out[i - 1].affiliation;
                out[i].speaker_kind = out[i - 1].speaker_kind;
            }
            continue;
        }
        let Some(sp) = out[i].speaker else { continue };
        let low = doc.text.get(sp.start..sp.end).unwrap_or("").to_lowercase();
        match out[i].speaker_kind {
            SpeakerKind::Pronoun => {
                let plural = matches!(low.as_str(), "they" | "we");
                if low == "who" {
                    // "X, who said": the phrase before the relative pronoun
                    let k = doc.toks.partition_point(|t| t.s < sp.start);
                    let mut p = k;
                    let a = doc.sents[doc.sent_of_tok(k).min(doc.sents.len().saturating_sub(1))].0;
                    while p > a && doc.t(p - 1) == "," {
                        p -= 1;
                    }
                    if p > a {
                        if let Some(np) = doc.np_left(p - 1, a) {
                            let (kind, anon, aff) = doc.classify(&np);
                            out[i].antecedent = Some(doc.span(np.cs, np.ce));
                            out[i].anonymous = anon && kind == SpeakerKind::Anonymous;
                            out[i].affiliation = aff;
                        }
                    }
                    continue;
                }
                if matches!(low.as_str(), "i" | "you" | "it") {
                    continue;
                }
                let mut found = None;
                for j in (0..i).rev() {
                    let x = &out[j];
                    if x.source.start >= sp.start {
                        continue;
                    }
                    let Some(r) = x.referent() else { continue };
                    let rt = doc.text.get(r.start..r.end).unwrap_or("");
                    let kind = if x.antecedent.is_some() {
                        // the kind of what the antecedent is
                        if x.anonymous {
                            SpeakerKind::Anonymous
                        } else if rt.chars().next().is_some_and(char::is_uppercase) {
                            SpeakerKind::Named
                        } else {
                            SpeakerKind::Role
                        }
                    } else {
                        x.speaker_kind
                    };
                    if kind == SpeakerKind::Pronoun {
                        continue;
                    }
                    let org = kind == SpeakerKind::Named && org_like(tail_name(rt));
                    let is_plural =
                        rt.ends_with('s') && !rt.ends_with("ss") && kind != SpeakerKind::Named
                            || org;
                    if plural == is_plural || (!plural && kind == SpeakerKind::Named && !org) {
                        if !plural && (org || is_plural) {
                            continue;
                        }
                        // "he" or "she" is a person: a role phrase must be headed by a
                        // person noun ("the minister"), not "the plan" or "the ministry"
                        if !plural && kind == SpeakerKind::Role && !person_headed(doc, r) {
                            continue;
                        }
                        found = Some((r, x.anonymous, x.affiliation));
                        break;
                    }
                }
                if found.is_none() && !plural {
                    found = nearest_name(doc, sp.start).map(|r| (r, false, None));
                }
                if let Some((r, anon, aff)) = found {
                    out[i].antecedent = Some(r);
                    out[i].anonymous = anon;
                    out[i].affiliation = aff;
                }
            }
            SpeakerKind::Role | SpeakerKind::Anonymous => {
                let (cs, ce) = cores[i];
                if doc.t(cs) != "the" || ce <= cs + 1 {
                    continue;
                }
                // head noun of this phrase
                let head = doc
                    .head_index(cs, ce)
                    .filter(|&j| ANON_HEADS.contains_key(doc.t(j)) || ROLES_SET.contains(doc.t(j)))
                    .map(|j| doc.t(j).to_string());
                let Some(head) = head else { continue };
                for j in (0..i).rev() {
                    if j < i && out[j].source.start >= sp.start {
                        continue;
                    }
                    let (xs, xe) = cores[j];
                    let aff_i = out[i].affiliation.and_then(|x| x.slice(doc.text));
                    let aff_j = out[j].affiliation.and_then(|x| x.slice(doc.text));
                    let aff_ok = match (aff_i, aff_j) {
                        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
                        (Some(_), None) => false,
                        _ => true,
                    };
                    // the same head in the same number: "the minister" is not one
                    // of "ministers"
                    let same_head = doc.head_index(xs, xe).is_some_and(|q| doc.t(q) == head);
                    let anon_pair = out[j].anonymous
                        && ANON_HEADS.contains_key(head.as_str())
                        && (ANON_HEADS.get(head.as_str()).copied() == Some(true)
                            || aff_i.is_some());
                    let matches_head = aff_ok && (same_head || anon_pair);
                    if matches_head && doc.span(xs, xe) != sp {
                        out[i].antecedent = Some(out[j].referent().unwrap_or(sp));
                        out[i].anonymous = out[j].anonymous;
                        if out[i].affiliation.is_none() {
                            out[i].affiliation = out[j].affiliation;
                        }
                        out[i].speaker_kind = if out[j].anonymous {
                            SpeakerKind::Anonymous
                        } else {
                            out[i].speaker_kind
                        };
                        break;
                    }
                }
            }
            SpeakerKind::Named => {}
        }
    }
}

/// Whether the phrase at `r` is headed by a role or anonymous-source noun that
/// names a person, not an institution ("the minister", not "the ministry").
fn person_headed(doc: &Doc, r: Span) -> bool {
    let a = doc.toks.partition_point(|t| t.s < r.start);
    let b = doc.toks.partition_point(|t| t.e <= r.end);
    doc.head_index(a, b).is_some_and(|h| {
        let w = doc.t(h);
        (ROLES_SET.contains(w) || ANON_HEADS.contains_key(w) || w.ends_with("-year-old"))
            && !crate::lexicon::is_org_word(w)
    })
}

/// The nearest run of two or more capitalised words before `pos` in the preceding
/// three sentences, not an organisation, for a pronoun with no earlier speaker.
fn nearest_name(doc: &Doc, pos: usize) -> Option<Span> {
    let k = doc.toks.partition_point(|t| t.s < pos);
    let si = doc.sent_of_tok(k.min(doc.toks.len().saturating_sub(1)));
    let lo = doc.sents.get(si.saturating_sub(3)).map_or(0, |x| x.0);
    let mut e = k;
    while e > lo {
        let j = e - 1;
        if doc.toks[j].cap && doc.is_word(j) && !STOP.contains(doc.t(j)) {
            let mut s = j;
            while s > lo
                && doc.toks[s - 1].cap
                && doc.is_word(s - 1)
                && !STOP.contains(doc.t(s - 1))
                && !DETS.contains(doc.t(s - 1))
            {
                s -= 1;
            }
            if j + 1 - s >= 2 {
                let sp = doc.span(s, j + 1);
                let t = sp.slice(doc.text).unwrap_or("");
                if !org_like(t) && !doc.in_quote(s) {
                    return Some(sp);
                }
            }
            e = s;
            continue;
        }
        e -= 1;
    }
    None
}

/// The byte offset after a dateline opening `span` ("WASHINGTON, Oct 27 (Reuters) – ",
/// "DOHA, Qatar — "), if there is one.
fn after_dateline(text: &str, span: Span) -> Option<usize> {
    let s = span.slice(text)?;
    let first = s.split([' ', ',']).next()?;
    if first.chars().count() < 3
        || !first.chars().next().is_some_and(char::is_uppercase)
        || first.chars().any(char::is_lowercase)
    {
        return None;
    }
    let mut cut = s.len().min(80);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &s[..cut];
    let mut best: Option<usize> = None;
    for dash in [" – ", " — ", " ― ", " - ", " -- "] {
        if let Some(i) = head.find(dash) {
            let b = i + dash.len();
            best = Some(best.map_or(b, |x| x.min(b)));
        }
    }
    best.map(|b| span.start + b).filter(|&b| b < span.end)
}

/// Fills `direct`, content-based denials, and `about`.
fn finish(doc: &Doc, att: &mut Attribution) {
    if let Some(first) = att.content.first_mut() {
        if let Some(b) = after_dateline(doc.text, *first) {
            first.start = b;
        }
    }
    // "There was no comment from X but Y welcomed …": a refusal says nothing, and
    // the clause joined after it is someone else's
    if att.cue_kind == CueKind::Refusal
        && att
            .content
            .first()
            .and_then(|c| c.slice(doc.text))
            .is_some_and(|c| {
                let l = c.trim_start().to_ascii_lowercase();
                ["but ", "and ", "while ", "although "]
                    .iter()
                    .any(|j| l.starts_with(j))
            })
    {
        att.content.clear();
    }
    let Some(first) = att.content.first().copied() else {
        return;
    };
    let text = doc.text;
    let total: usize = att.content.iter().map(|c| c.len()).sum();
    let quoted: usize = att
        .content
        .iter()
        .filter(|c| doc.quotes.binary_search(c).is_ok())
        .map(|c| c.len())
        .sum();
    let starts_quote = text
        .get(first.start..)
        .is_some_and(|s| s.starts_with('“') || s.starts_with('"') || s.starts_with("''"));
    att.direct = starts_quote && quoted * 10 >= total * 8;
    if att.stance == Stance::Assert {
        let s = text.get(first.start..first.end).unwrap_or("");
        let s = s.strip_prefix("that ").unwrap_or(s);
        let s = s.trim_start_matches(['“', '"', '\'', ' ', '‘']);
        if let Some(m) = DENY_OPENINGS.find(s) {
            let boundary = s[m.end()..]
                .chars()
                .next()
                .map_or(true, |c| !c.is_alphanumeric());
            if m.start() == 0 && boundary {
                att.stance = Stance::Deny;
            }
        }
    }
    let mut about = Vec::new();
    for c in &att.content {
        about.extend(doc.about(*c));
    }
    att.about = about;
}
