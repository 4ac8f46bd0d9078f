//! Attributions that the page's layout marks rather than a verb of saying:
//! quotations signed with a dash ("“…” ― Ana Ruiz", a paragraph "- Sen. Lee."
//! under a quote, an embedded post's "— Name (@handle) date"), transcript speaker
//! labels ("MARSH: Well, …", "Q: …" / "A: …"), and poll findings introduced by "in"
//! ("In a Harbour Gazette poll released Monday, 52 percent …").

use std::collections::HashSet;

use storyline_text::Span;

use super::{Doc, Np};
use crate::lexicon::{finding_source, DETS};
use crate::{Attribution, CueKind, SpeakerKind, Stance};

const DASHES: [&str; 4] = ["―", "—", "–", "-"];

/// Lower-case words that may stand between "in" and a poll noun.
const POLL_MODIFIERS: [&str; 22] = [
    "latest",
    "recent",
    "new",
    "national",
    "previous",
    "same",
    "last",
    "first",
    "second",
    "separate",
    "another",
    "public",
    "opinion",
    "exit",
    "early",
    "statewide",
    "weekly",
    "monthly",
    "daily",
    "online",
    "tracking",
    "nationwide",
];

/// Lower-case words of a standing in the polls, one of which must come before a
/// mid-sentence "in the polls".
const POLL_STANDINGS: [&str; 24] = [
    "lead", "leads", "led", "leading", "trail", "trails", "trailed", "trailing", "ahead", "behind",
    "tied", "points", "percent", "gained", "gains", "lost", "slipped", "surged", "dropped", "fell",
    "rose", "ranks", "ranked", "edge",
];

/// Lower-case words that may follow the poll noun in the source phrase or after it.
const POLL_FOLLOWERS: [&str; 16] = [
    "released",
    "conducted",
    "taken",
    "published",
    "of",
    "by",
    "for",
    "from",
    "that",
    "which",
    "among",
    "on",
    "in",
    "and",
    "earlier",
    "last",
];

/// The byte range of the line holding byte `pos`.
fn line_of(text: &str, pos: usize) -> (usize, usize) {
    let s = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let e = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    (s, e)
}

/// An attribution of `np` with one content span, asserted, its evidence running
/// from the first to the last of its spans.
pub(super) fn new_att(
    doc: &Doc,
    np: &Np,
    cue: Span,
    kind: CueKind,
    content: Span,
    direct: bool,
) -> Attribution {
    let (speaker_kind, anonymous, affiliation) = doc.classify(np);
    let source = doc.span(np.s, np.e);
    let cue_end = cue.end.max(source.end);
    Attribution {
        source,
        speaker: Some(doc.span(np.cs, np.ce)),
        speaker_kind,
        antecedent: None,
        anonymous,
        affiliation,
        cue,
        cue_kind: kind,
        addressee: None,
        content: vec![content],
        direct,
        stance: Stance::Assert,
        evidence: Span::new(content.start.min(cue.start), content.end.max(cue_end)),
        time: None,
        about: Vec::new(),
        inherited: false,
        weak: false,
    }
}

/// The signer's name after a dash at token `k`: capitalised words (initials and
/// titles with their periods), ending the line, or followed by a comma and a short
/// description, or by a post's "(@handle)". Returns the name's tokens and whether a
/// handle follows.
fn signer(doc: &Doc, k: usize) -> Option<(usize, usize, bool)> {
    let n = doc.toks.len();
    let mut e = k;
    while e < n && e - k < 7 {
        let t = &doc.toks[e];
        if doc.is_word(e) && t.cap {
            e += 1;
        } else if doc.raw(e) == "."
            && e > k
            && doc.raw(e - 1).chars().count() <= 4
            && e + 1 < n
            && doc.toks[e + 1].cap
            && !doc.text[t.e..doc.toks[e + 1].s].contains('\n')
        {
            // "Edwin G. Monroy", "Sen. Lee"
            e += 1;
        } else {
            break;
        }
        // the name stays on one line
        if e < n && doc.text[doc.toks[e - 1].e..doc.toks[e].s].contains('\n') {
            break;
        }
    }
    if e == k
        || !doc
            .raw(e - 1)
            .chars()
            .next()
            .is_some_and(char::is_alphabetic)
    {
        return None;
    }
    let line_end = line_of(doc.text, doc.toks[e - 1].e).1;
    let rest = doc.text[doc.toks[e - 1].e..line_end].trim();
    if rest.is_empty() || rest == "." {
        return Some((k, e, false));
    }
    if rest.starts_with("(@") {
        let close = doc.text[doc.toks[e - 1].e..line_end].find(')')?;
        let end_byte = doc.toks[e - 1].e + close + 1;
        let he = doc.toks.partition_point(|t| t.e <= end_byte);
        return Some((k, he, true));
    }
    // ", tweeting after the speech." — a short description without a quotation
    let words = rest.split_whitespace().count();
    if rest.starts_with(',') && words <= 12 && !rest.contains(['“', '"']) {
        return Some((k, e, false));
    }
    None
}

/// The quotation that closes right before token `j` (the closing quote mark is
/// `j - 1`): its region, or, where the marks do not pair, the line up to it when the
/// line opens with a quote mark.
fn quote_before(doc: &Doc, j: usize) -> Option<Span> {
    let q = j.checked_sub(1)?;
    if !doc.is_quote(q) {
        return None;
    }
    let span = match doc.region_closed_by(q) {
        Some(r) => r,
        None => {
            let end = doc.toks[q].e;
            let (ls, _) = line_of(doc.text, doc.toks[q].s);
            let first = doc.toks.partition_point(|t| t.s < ls);
            if !(first < q && doc.is_quote(first)) {
                return None;
            }
            Span::new(doc.toks[first].s, end)
        }
    };
    statement(doc.text, span).then_some(span)
}

/// Whether a quotation reads as something said rather than a title or a name
/// ("“The Road” — Cormac McCarthy"): four words or more, or punctuation closing it
/// inside the marks.
fn statement(text: &str, q: Span) -> bool {
    let inner = text
        .get(q.start..q.end)
        .unwrap_or("")
        .trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’' | '`'));
    inner.split_whitespace().count() >= 4 || inner.trim_end().ends_with(['.', '!', '?', ','])
}

/// Quotations signed with a dash after them.
pub(super) fn signed_quotes(
    doc: &Doc,
    out: &mut Vec<Attribution>,
    cores: &mut Vec<(usize, usize)>,
) {
    let n = doc.toks.len();
    let mut j = 0;
    while j < n {
        let r = doc.raw(j);
        if !DASHES.contains(&r) {
            j += 1;
            continue;
        }
        let mut d_end = j + 1;
        if r == "-"
            && doc.raw(j + 1) == "-"
            && doc.toks.get(j + 1).is_some_and(|t| t.s == doc.toks[j].e)
        {
            d_end = j + 2; // "--"
        }
        let next = d_end;
        let Some((ns, ne, handle)) = (d_end < n).then(|| signer(doc, d_end)).flatten() else {
            j = next;
            continue;
        };
        let (ls, _) = line_of(doc.text, doc.toks[j].s);
        let starts_line = doc.text[ls..doc.toks[j].s].trim().is_empty();
        let content = if let Some(q) = quote_before(doc, j) {
            // the quote and the dash on one line, or "- Name." on its own line under
            // a quotation
            let gap = &doc.text[q.end..doc.toks[j].s];
            (!gap.contains('\n') || starts_line).then_some(q)
        } else if handle {
            // an embedded post: its text is the line up to the dash (after any markup)
            let head = &doc.text[ls..doc.toks[j].s];
            let s = ls + head.rfind('>').map_or(0, |i| i + 1);
            let first = doc.toks.partition_point(|t| t.s < s);
            (first < j).then(|| doc.span(first, j))
        } else {
            None
        };
        let Some(content) = content else {
            j = next;
            continue;
        };
        if out
            .iter()
            .any(|x| x.content.iter().any(|c| c.overlaps(content)) || x.cue.overlaps(content))
        {
            j = next;
            continue;
        }
        // the name's core stops before a "(@handle)"
        let ce = (ns..ne).find(|&x| doc.raw(x) == "(").unwrap_or(ne);
        let np = Np {
            s: ns,
            e: ne,
            cs: ns,
            ce,
            anon_clause: false,
        };
        let kind = if handle {
            CueKind::Written
        } else {
            CueKind::Speech
        };
        let att = new_att(doc, &np, doc.span(j, d_end), kind, content, !handle);
        if att.speaker_kind == SpeakerKind::Pronoun {
            j = next;
            continue;
        }
        out.push(att);
        cores.push((ns, ce));
        j = ne.max(next);
    }
}

/// All-capitals speaker labels of a transcript ("TAPPER:", and "Q" and "A" when both
/// occur), where some label opens two or more paragraphs: a single all-capitals
/// label is a dateline.
pub(super) fn transcript_labels(text: &str) -> HashSet<String> {
    let mut count: std::collections::HashMap<&str, usize> = Default::default();
    for line in text.lines() {
        let l = line.trim_start_matches([' ', '\t', '"', '“']);
        let Some(c) = l.find(':') else { continue };
        let label = &l[..c];
        if !label.is_empty()
            && label.len() <= 40
            && label.chars().any(char::is_alphabetic)
            && label
                .chars()
                .all(|ch| ch.is_uppercase() || matches!(ch, ' ' | '.' | '-' | '\''))
            && l[c + 1..].starts_with([' ', '\t'])
        {
            *count.entry(label).or_default() += 1;
        }
    }
    // page rubrics ("READ MORE:", "WATCH:") are no speakers
    count.retain(|l, _| !is_rubric(l));
    // a transcript: two speakers, one of whom opens two or more turns, or "Q" and
    // "A"; then every label is a speaker
    let qa = count.contains_key("Q") && count.contains_key("A");
    let named = count.keys().filter(|l| l.len() > 1).count();
    if !(qa || named >= 2 && count.iter().any(|(l, &c)| c >= 2 && l.len() > 1)) {
        return HashSet::new();
    }
    count
        .into_keys()
        .filter(|l| l.len() > 1 || qa)
        .map(str::to_string)
        .collect()
}

/// Whether an all-capitals label is a page's rubric ("READ MORE", "EDITOR'S NOTE"),
/// from `resources/claims/rubrics.txt`.
fn is_rubric(label: &str) -> bool {
    let l = label.to_lowercase().replace('’', "'");
    crate::lexicon::is_rubric(l.trim())
}

/// "In a Harbour Gazette poll released Monday, 52 percent …" and "… leads in the
/// polls": the poll is the source, "in" the cue, the rest of the clause the content.
pub(super) fn in_poll(doc: &Doc, a: usize, b: usize) -> Option<(Attribution, (usize, usize))> {
    let i = (a..b).find(|&i| {
        doc.t(i) == "in"
            && !doc.in_quote(i)
            && (i + 1..(i + 12).min(b)).any(|k| finding_source(doc.t(k)) == Some(true))
    })?;
    // the noun phrase up to the poll noun: names, numbers, determiners and the
    // modifiers polls take ("the latest national poll", "an NBC News/WSJ poll")
    let mut k = i + 1;
    while k < b && finding_source(doc.t(k)) != Some(true) {
        let w = doc.raw(k);
        let ok = if doc.is_word(k) {
            doc.toks[k].cap
                || doc.toks[k].kind == storyline_text::TokenKind::Number
                || w.contains('-')
                || DETS.contains(doc.t(k))
                || POLL_MODIFIERS.contains(&doc.t(k))
        } else {
            matches!(w, "/" | "-" | "'s" | "’s" | "." | "&")
        };
        if !ok {
            return None;
        }
        k += 1;
    }
    if k >= b {
        return None;
    }
    let head_end = k + 1;
    // "poll workers", "survey teams": the noun only modifies another
    if head_end < b
        && doc.is_word(head_end)
        && !doc.toks[head_end].cap
        && !POLL_FOLLOWERS.contains(&doc.t(head_end))
        && doc.skip_time_right(head_end, b) == head_end
    {
        return None;
    }
    let mut e = doc.skip_time_right(head_end, b);
    // "released Monday", "conducted in early September", "last month"
    let part = |x: usize| matches!(doc.t(x), "released" | "conducted" | "taken" | "published");
    let lead = e < b && doc.t(e) == "," && part(e + 1);
    if (e < b && part(e)) || lead {
        if lead {
            e += 1;
        }
        while e < b && doc.is_word(e) && e - head_end < 8 {
            e += 1;
        }
    }
    let np = Np {
        s: i + 1,
        e,
        cs: i + 1,
        ce: head_end,
        anon_clause: false,
    };
    let opening_pos = (a..i).all(|x| {
        matches!(doc.t(x), "and" | "but" | "yet" | "still" | "meanwhile") || !doc.is_word(x)
    });
    // mid-sentence, only a standing in the polls ("leads in the latest polls"), not
    // "did well in the survey of local parks" or "took part in the survey"
    if !opening_pos
        && (doc.t(head_end) == "of" || !(a..i).any(|x| POLL_STANDINGS.contains(&doc.t(x))))
    {
        return None;
    }
    // at the sentence's head ("In a poll, …", "But in a poll …"): the content follows
    let opening = opening_pos;
    let content = if opening {
        let mut s = e;
        while s < b && doc.is_punct(s) && !doc.is_quote(s) {
            s += 1;
        }
        doc.trim_content(s, b)?
    } else {
        doc.trim_content(a, i)?
    };
    let att = new_att(
        doc,
        &np,
        doc.span(i, i + 1),
        CueKind::Evidence,
        content,
        false,
    );
    Some((att, (i + 1, head_end)))
}

/// In a transcript, "I" is whoever holds the turn: a first-person speaker takes as
/// its antecedent the speaker of the last label before it ("BLITZER: … I think …").
pub(super) fn turn_speakers(doc: &Doc, out: &mut [Attribution], labels: &HashSet<String>) {
    if labels.is_empty() {
        return;
    }
    let mut turn: Option<Span> = None;
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| (out[i].cue.start, i));
    for i in order {
        let a = &out[i];
        let is_label = a.cue.slice(doc.text) == Some(":")
            && a.source
                .slice(doc.text)
                .is_some_and(|s| labels.contains(s.trim()));
        if is_label {
            turn = a.speaker;
            continue;
        }
        let first_person = a.speaker_kind == SpeakerKind::Pronoun
            && a.speaker
                .and_then(|s| s.slice(doc.text))
                .is_some_and(|s| matches!(s, "I" | "me"));
        if first_person && a.antecedent.is_none() {
            out[i].antecedent = turn;
        }
    }
}
