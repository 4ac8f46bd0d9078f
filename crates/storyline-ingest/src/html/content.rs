//! Main-content extraction on a real HTML5 parse (html5ever via `scraper`): finds the
//! element that holds the article body (explicit body markup such as
//! `itemprop=articleBody` or `article-body` classes, checked against a
//! Readability-style score of text density, commas and link density), then walks it
//! into paragraphs, dropping navigation, advertising, related links, captions,
//! share bars and other furniture, each recorded with its kind and the rule.

use crate::lexicon::NOISE;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;
use storyline_model::{Removed, RemovedKind};

const CLASS_HINTS_TSV: &str = include_str!("../../../../resources/html/class_hints.tsv");

struct Hints {
    body: Vec<String>,
    positive: Vec<String>,
    negative: Vec<(String, RemovedKind)>,
    keep: Vec<String>,
}

static HINTS: LazyLock<Hints> = LazyLock::new(|| {
    let mut h = Hints {
        body: vec![],
        positive: vec![],
        negative: vec![],
        keep: vec![],
    };
    for line in CLASS_HINTS_TSV.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        match cols.as_slice() {
            ["body", w, ..] => h.body.push(w.to_string()),
            ["positive", w, ..] => h.positive.push(w.to_string()),
            ["keep", w, ..] => h.keep.push(w.to_string()),
            ["negative", w, kind, ..] => {
                let kind = match *kind {
                    "navigation" => RemovedKind::Navigation,
                    "advertising" => RemovedKind::Advertising,
                    "related-link" => RemovedKind::RelatedLink,
                    "caption" => RemovedKind::Caption,
                    "credit" => RemovedKind::Credit,
                    _ => RemovedKind::Boilerplate,
                };
                h.negative.push((w.to_string(), kind));
            }
            _ => {}
        }
    }
    h
});

/// Tags whose content is never article text.
fn dropped_tag(name: &str) -> Option<RemovedKind> {
    Some(match name {
        "nav" | "menu" => RemovedKind::Navigation,
        "aside" => RemovedKind::RelatedLink,
        "figure" | "figcaption" | "picture" => RemovedKind::Caption,
        "footer" | "button" | "select" | "option" | "input" | "label" | "textarea" | "dialog" => {
            RemovedKind::Boilerplate
        }
        "script" | "style" | "noscript" | "svg" | "template" | "iframe" | "object" | "embed"
        | "video" | "audio" | "canvas" | "map" | "head" | "math" => RemovedKind::Boilerplate,
        _ => return None,
    })
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "br"
            | "hr"
            | "header"
            | "center"
            | "address"
            | "form"
            | "fieldset"
            | "details"
            | "summary"
            | "body"
            | "html"
    )
}

#[derive(Clone, Copy, Default)]
struct Stats {
    chars: usize,
    link_chars: usize,
    hint: Hint,
}

/// What an element's class and id say about it.
#[derive(Clone, Copy, Default)]
struct Hint {
    /// A furniture word (index into `HINTS.negative`), unless a keep word cancels it.
    neg: Option<u16>,
    body: bool,
    positive: bool,
}

/// All hint words in one automaton: body, positive, negative, keep (in that order).
static HINT_AC: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    let h = &*HINTS;
    let words: Vec<&str> = h
        .body
        .iter()
        .chain(&h.positive)
        .map(|w| w.as_str())
        .chain(h.negative.iter().map(|(w, _)| w.as_str()))
        .chain(h.keep.iter().map(|w| w.as_str()))
        .collect();
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .expect("valid hint automaton")
});

fn classify_hint(el: &scraper::node::Element) -> Hint {
    let h = &*HINTS;
    let (nb, np, nn) = (h.body.len(), h.positive.len(), h.negative.len());
    let mut out = Hint::default();
    let mut keep = false;
    for v in [el.attr("class"), el.attr("id")].into_iter().flatten() {
        for m in HINT_AC.find_overlapping_iter(v) {
            let i = m.pattern().as_usize();
            if i < nb {
                out.body = true;
            } else if i < nb + np {
                out.positive = true;
            } else if i < nb + np + nn {
                let k = (i - nb - np) as u16;
                if out.neg.is_none_or(|old| k < old) {
                    out.neg = Some(k);
                }
            } else {
                keep = true;
            }
        }
    }
    if keep {
        out.neg = None;
    }
    out
}

fn neg_of(hint: Hint) -> Option<(RemovedKind, &'static str)> {
    let (w, k) = HINTS.negative.get(hint.neg? as usize)?;
    Some((*k, w.as_str()))
}

pub(crate) struct Body {
    pub paragraphs: Vec<String>,
    pub removed: Vec<Removed>,
    /// Text of the first `<h1>` in the page.
    pub h1: Option<String>,
    /// Characters of text in the whole page and link characters.
    pub page_chars: usize,
    pub page_link_chars: usize,
    /// Text of byline-like elements (class/id/rel/itemprop author), for authors.
    pub bylines: Vec<Byline>,
    /// How the body was found.
    pub method: &'static str,
}

/// How deep a page's elements nest, estimated from its tags before it is parsed,
/// by a model of the HTML5 tree builder: every element but the void ones is
/// opened (`<div/>` too, as the parser does); an end tag closes the open element
/// of its name and everything opened inside it, within the scope the parser
/// looks in (an end tag of an inline element stops at the first block, a list
/// item's at the list, a cell's at the table); the start tags that close an open
/// element do so in the same scopes (a block closes an open paragraph, a list
/// item the open one in its list, a cell or row the open one in its table, a
/// table the open table it is not inside a cell of, a link the open link); start
/// tags the parser drops (a second `<body>`, a form inside a form, most tags
/// inside a `<select>`) are dropped, and those that end a `<select>` (`<input>`,
/// `<textarea>`, a table part inside a table) end it; the list of active
/// formatting elements is kept (markers, three alike at most) and reopened
/// before text and inline tags (and "</br>", which the parser reads as "<br>").
/// SVG and MathML are stripped before parsing. Where the model is unsure
/// it closes less than the parser, so that it errs towards more depth: a page
/// the model thinks shallow must be shallow to the parser, and real pages nest
/// tens of levels, far below the limits. Parsing a page nested tens of thousands
/// of levels deep takes the HTML5 parser many seconds (its scope checks walk the
/// stack of open elements), so such a page is refused before it is parsed.
#[derive(Default)]
struct Nesting<'a> {
    /// The stack of open elements: name and an id for each.
    open: Vec<(Cow<'a, str>, u32)>,
    /// The ids on `open`.
    alive: HashSet<u32>,
    /// The parser's list of active formatting elements: `None` a marker (a cell,
    /// caption or object), else the element's name, a key of its tag as the
    /// parser sees it (name and attributes) and the id of its open element.
    formatting: Vec<Option<(Cow<'a, str>, u64, u32)>>,
    next_id: u32,
    /// Open tables (the parser drops table parts outside one), selects and
    /// framesets.
    tables: usize,
    selects: usize,
    framesets: usize,
    /// How many elements of each name are open: a look for a name none of is
    /// open (a flood of stray end tags) costs nothing.
    open_names: HashMap<String, u32>,
    /// The parser's form element pointer is set: a form start tag is dropped.
    in_form: bool,
    deepest: usize,
    /// The open elements summed over every tag, and over every element reopened:
    /// about the steps the parser's scope checks take.
    work: u64,
}

/// How far down the stack of open elements a tag looks for the element it closes:
/// as far as any page the model lets through nests. A look costs no more steps
/// than [`Nesting::work`] counts, so the model's time is bounded by the work limit.
const NESTING_LOOK: usize = MAX_DEPTH_BEFORE_PARSE;

/// The HTML5 parser's "special" elements that can be open: an end tag of an
/// inline element, and a list item's start, look no further down than these.
fn is_special(n: &str) -> bool {
    matches!(
        n,
        "address"
            | "applet"
            | "article"
            | "aside"
            | "blockquote"
            | "button"
            | "caption"
            | "center"
            | "colgroup"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "iframe"
            | "li"
            | "listing"
            | "main"
            | "marquee"
            | "menu"
            | "nav"
            | "noembed"
            | "noframes"
            | "object"
            | "ol"
            | "p"
            | "plaintext"
            | "pre"
            | "search"
            | "section"
            | "select"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "textarea"
            | "tfoot"
            | "th"
            | "thead"
            | "title"
            | "tr"
            | "ul"
            | "xmp"
    )
}

/// The elements that bound the parser's default scope.
fn is_scope_boundary(n: &str) -> bool {
    matches!(
        n,
        "applet" | "caption" | "html" | "table" | "td" | "th" | "marquee" | "object" | "template"
    )
}

/// The elements the parser reopens after a block (its "formatting" elements); an
/// end tag of one with a block inside leaves as many elements open.
fn is_formatting(n: &str) -> bool {
    matches!(
        n,
        "a" | "b"
            | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "nobr"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

/// The start tags that close an open paragraph.
fn closes_p(n: &str) -> bool {
    matches!(
        n,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "header"
            | "hgroup"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "search"
            | "section"
            | "summary"
            | "ul"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "pre"
            | "listing"
            | "table"
            | "hr"
            | "xmp"
            | "plaintext"
            | "li"
            | "dd"
            | "dt"
    )
}

fn is_heading(n: &str) -> bool {
    matches!(n, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// The elements that put a marker on the list of active formatting elements:
/// formatting opened outside them is not reopened inside.
fn is_marker(n: &str) -> bool {
    matches!(n, "td" | "th" | "caption" | "applet" | "marquee" | "object")
}

/// The start tags before which the parser reopens the formatting elements a
/// block closed ("reconstructs the active formatting elements").
fn reopens_formatting(n: &str) -> bool {
    !closes_p(n)
        && !matches!(
            n,
            "html"
                | "head"
                | "body"
                | "frameset"
                | "frame"
                | "form"
                | "iframe"
                | "noembed"
                | "noframes"
                | "textarea"
                | "title"
                | "base"
                | "link"
                | "meta"
                | "template"
                | "caption"
                | "colgroup"
                | "col"
                | "tbody"
                | "thead"
                | "tfoot"
                | "tr"
                | "td"
                | "th"
        )
}

impl<'a> Nesting<'a> {
    /// The index of the innermost open element among `names`, looking down from
    /// the top no further than an element `stop` holds for (and not far).
    fn find_within(&self, names: &[&str], stop: impl Fn(&str) -> bool) -> Option<usize> {
        if !names
            .iter()
            .any(|n| self.open_names.get(*n).is_some_and(|&c| c > 0))
        {
            return None;
        }
        let reach = self.open.len().saturating_sub(NESTING_LOOK);
        for at in (reach..self.open.len()).rev() {
            let o = self.open[at].0.as_ref();
            if names.contains(&o) {
                return Some(at);
            }
            if stop(o) {
                return None;
            }
        }
        None
    }

    /// The index of the innermost open element among `names`, near the top.
    fn find(&self, names: &[&str]) -> Option<usize> {
        self.find_within(names, |_| false)
    }

    /// Close the innermost open element among `names`, and all inside it, if it
    /// is found before an element `stop` holds for.
    fn close_within(&mut self, names: &[&str], stop: impl Fn(&str) -> bool) {
        if let Some(at) = self.find_within(names, stop) {
            self.truncate(at);
        }
    }

    /// Close the open paragraph, if it is in the parser's "button scope".
    fn close_p(&mut self) {
        self.close_within(&["p"], |o| is_scope_boundary(o) || o == "button");
    }

    fn current_is(&self, name: &str) -> bool {
        self.open.last().is_some_and(|o| o.0.as_ref() == name)
    }

    fn name_at(&self, at: usize) -> &str {
        self.open[at].0.as_ref()
    }

    /// Close the element at `at` and all inside it; a closed cell or caption
    /// takes the formatting opened inside it off the list.
    fn truncate(&mut self, at: usize) {
        while self.open.len() > at {
            self.pop();
        }
    }

    fn pop(&mut self) {
        if let Some((name, id)) = self.open.pop() {
            self.alive.remove(&id);
            self.count(&name, false);
            if is_marker(&name) {
                while let Some(entry) = self.formatting.pop() {
                    if entry.is_none() {
                        break;
                    }
                }
            }
        }
    }

    /// Take the element at `at` off the stack, leaving what is inside it open.
    fn remove(&mut self, at: usize) {
        let (name, id) = self.open.remove(at);
        self.alive.remove(&id);
        self.count(&name, false);
    }

    /// Keep count of the open elements by name, and of tables, selects and
    /// framesets.
    fn count(&mut self, name: &str, opened: bool) {
        match self.open_names.get_mut(name) {
            Some(c) if opened => *c += 1,
            Some(c) => *c = c.saturating_sub(1),
            None if opened => {
                self.open_names.insert(name.to_string(), 1);
            }
            None => {}
        }
        let n = match name {
            "table" => &mut self.tables,
            "select" => &mut self.selects,
            "frameset" => &mut self.framesets,
            _ => return,
        };
        if opened {
            *n += 1;
        } else {
            *n = n.saturating_sub(1);
        }
    }

    /// The innermost open select.
    fn select(&self) -> Option<usize> {
        if self.selects == 0 {
            None
        } else {
            self.find(&["select"])
        }
    }

    fn push(&mut self, name: Cow<'a, str>) -> u32 {
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        if is_marker(&name) {
            self.formatting.push(None);
        }
        self.count(&name, true);
        self.open.push((name, id));
        self.alive.insert(id);
        self.deepest = self.deepest.max(self.open.len());
        id
    }

    /// The formatting entries after the last marker start here.
    fn formatting_from(&self) -> usize {
        self.formatting
            .iter()
            .rposition(Option::is_none)
            .map_or(0, |m| m + 1)
    }

    /// The latest formatting entry after the last marker named `name`.
    fn formatting_named(&self, name: &str) -> Option<usize> {
        let from = self.formatting_from();
        (from..self.formatting.len())
            .rev()
            .find(|&k| matches!(&self.formatting[k], Some((n, _, _)) if n == name))
    }

    /// Text, or a start tag that is not a block: the formatting elements a block
    /// closed are opened again, each a level deeper.
    fn reopen_formatting(&mut self) {
        let from = self.formatting_from();
        let mut k = self.formatting.len();
        while k > from {
            match &self.formatting[k - 1] {
                Some((_, _, id)) if !self.alive.contains(id) => k -= 1,
                _ => break,
            }
        }
        for j in k..self.formatting.len() {
            self.work += self.open.len() as u64;
            if let Some((name, _, _)) = &self.formatting[j] {
                let name = name.clone();
                let id = self.push(name);
                if let Some((_, _, old)) = &mut self.formatting[j] {
                    *old = id;
                }
            }
        }
    }

    /// A start tag as the parser sees it: its name and the stripped tag's text
    /// (name and kept attributes), from which a formatting element's key is made.
    fn start(&mut self, name: Cow<'a, str>, tag: &str) {
        self.work += self.open.len() as u64;
        const VOID: &[&str] = &[
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
            "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image",
        ];
        let n = name.as_ref();
        // inside a select only options count; a few tags end it
        if let Some(sel) = self.select() {
            let in_table = self.find(&["table"]).is_some_and(|t| t < sel);
            match n {
                "select" => return self.truncate(sel),
                "input" | "keygen" | "textarea" => self.truncate(sel),
                "caption" | "table" | "tbody" | "tfoot" | "thead" | "tr" | "td" | "th"
                    if in_table =>
                {
                    self.truncate(sel)
                }
                "option" | "optgroup" => {
                    if self.current_is("option") {
                        self.pop();
                    }
                    if n == "optgroup" && self.current_is("optgroup") {
                        self.pop();
                    }
                    self.push(name);
                    return;
                }
                _ => return,
            }
        }
        if matches!(n, "html" | "head" | "body")
            || self.tables == 0
                && matches!(
                    n,
                    "caption" | "colgroup" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th"
                )
        {
            return;
        }
        if n == "form" {
            if self.in_form {
                return;
            }
            self.in_form = true;
        }
        // a table closes an open paragraph only in standards mode, which the
        // model does not know
        if closes_p(n) && n != "table" {
            self.close_p();
        }
        match n {
            _ if is_heading(n) && self.open.last().is_some_and(|o| is_heading(&o.0)) => {
                self.pop();
            }
            // a list item closes the open one, looking no further than a block
            // other than a div, an address or a paragraph
            "li" => self.close_within(&["li"], |o| {
                is_special(o) && !matches!(o, "address" | "div" | "p")
            }),
            "dt" | "dd" => self.close_within(&["dt", "dd"], |o| {
                is_special(o) && !matches!(o, "address" | "div" | "p")
            }),
            "option" | "optgroup" if self.current_is("option") => self.pop(),
            // a row or cell right in a table opens the body and row it implies
            "tr" => {
                self.close_within(&["tr"], |o| o == "table");
                if self.current_is("table") {
                    self.push(Cow::Borrowed("tbody"));
                }
            }
            "td" | "th" => {
                self.close_within(&["td", "th"], |o| o == "table");
                if self.current_is("table") {
                    self.push(Cow::Borrowed("tbody"));
                }
                if matches!(self.open.last(), Some((o, _)) if matches!(o.as_ref(), "tbody" | "thead" | "tfoot"))
                {
                    self.push(Cow::Borrowed("tr"));
                }
            }
            "thead" | "tbody" | "tfoot" => {
                self.close_within(&["thead", "tbody", "tfoot"], |o| o == "table")
            }
            // a table right inside a table (not inside its cell or caption)
            // closes it
            "table" => {
                if let Some(at) = self.find(&["table", "td", "th", "caption"]) {
                    if self.name_at(at) == "table" {
                        self.truncate(at);
                    }
                }
            }
            "button" => self.close_within(&["button"], is_scope_boundary),
            "a" | "nobr" => {
                // The open link ends (the adoption agency algorithm): with a block
                // opened inside it, only the link leaves the stack and the block
                // stays open; else it closes with what is inside.
                if let Some(k) = self.formatting_named(n) {
                    if let Some((_, _, id)) = self.formatting.remove(k) {
                        let at = self.open.iter().rposition(|o| o.1 == id);
                        if let Some(at) = at {
                            if self.open[at + 1..].iter().any(|o| is_special(&o.0)) {
                                self.remove(at);
                            } else {
                                self.truncate(at);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        if reopens_formatting(n) {
            self.reopen_formatting();
        }
        if VOID.contains(&n) {
            return;
        }
        let formatting = is_formatting(n);
        let id = self.push(name);
        if formatting {
            let key = {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                tag.hash(&mut h);
                h.finish()
            };
            // no more than three alike after the last marker (the "Noah's Ark"
            // clause): the earliest goes
            let from = self.formatting_from();
            let alike: Vec<usize> = (from..self.formatting.len())
                .filter(|&k| matches!(&self.formatting[k], Some((_, h, _)) if *h == key))
                .collect();
            if alike.len() >= 3 {
                self.formatting.remove(alike[0]);
            }
            let name = self.open[self.open.len() - 1].0.clone();
            self.formatting.push(Some((name, key, id)));
        }
    }

    /// Text between tags reopens closed formatting elements.
    fn text(&mut self) {
        if self.select().is_none() {
            self.reopen_formatting();
        }
    }

    fn end(&mut self, name: &str) {
        if name == "br" && self.select().is_none() {
            // the parser reads "</br>" as "<br>"
            return self.start(Cow::Borrowed("br"), "<br>");
        }
        self.work += self.open.len() as u64;
        const TABLE_PARTS: &[&str] = &[
            "caption", "table", "tbody", "tfoot", "thead", "tr", "td", "th", "colgroup",
        ];
        if let Some(sel) = self.select() {
            // inside a select other end tags are dropped
            match name {
                "select" => self.truncate(sel),
                "option" if self.current_is("option") => self.pop(),
                "optgroup" => {
                    let n = self.open.len();
                    if n >= 2
                        && self.name_at(n - 1) == "option"
                        && self.name_at(n - 2) == "optgroup"
                    {
                        self.pop();
                    }
                    if self.current_is("optgroup") {
                        self.pop();
                    }
                }
                _ if TABLE_PARTS.contains(&name) && self.find(&[name]).is_some_and(|t| t < sel) => {
                    self.truncate(sel);
                    self.end(name);
                }
                _ => {}
            }
            return;
        }
        if name == "p" {
            self.close_p();
        } else if name == "form" {
            // only the form leaves the stack; what was opened inside it stays open
            self.in_form = false;
            if let Some(at) = self.find_within(&["form"], is_scope_boundary) {
                self.remove(at);
            }
        } else if name == "li" {
            self.close_within(&["li"], |o| {
                is_scope_boundary(o) || matches!(o, "ol" | "ul")
            });
        } else if TABLE_PARTS.contains(&name) {
            self.close_within(&[name], |o| o == "table");
        } else if is_special(name) {
            self.close_within(&[name], is_scope_boundary);
        } else if is_formatting(name) {
            // the adoption agency algorithm: the latest such element on the list
            // of active formatting elements ends; with a block opened inside it,
            // the parser moves it below the block, and as many stay open
            let Some(k) = self.formatting_named(name) else {
                return self.close_within(&[name], is_special);
            };
            let Some((_, _, id)) = self.formatting[k].clone() else {
                return;
            };
            let Some(at) = self.open.iter().rposition(|o| o.1 == id) else {
                self.formatting.remove(k);
                return;
            };
            if self.open[at + 1..].iter().any(|o| is_scope_boundary(&o.0)) {
                return;
            }
            match (at + 1..self.open.len()).find(|&j| is_special(&self.open[j].0)) {
                None => {
                    self.formatting.remove(k);
                    self.truncate(at);
                }
                Some(_) => {
                    // the element leaves the stack and the blocks opened within it
                    // stay open (the parser moves a copy into the first block, which
                    // closes with it: "<b><p>x</b></p>" leaves nothing open)
                    self.formatting.remove(k);
                    self.remove(at);
                }
            }
        } else {
            // any other end tag looks no further than a block
            self.close_within(&[name], is_special);
        }
    }
}

/// Elements whose content is text to the parser, not markup.
const RAW_TEXT: [&str; 6] = ["textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// The estimated nesting (see [`Nesting`]) past which a page is not parsed: ten
/// times [`MAX_DEPTH`], the limit the parsed tree is held to, so that no page the
/// parser would have nested less deeply than that is refused by the estimate.
const MAX_DEPTH_BEFORE_PARSE: usize = 10 * MAX_DEPTH;

/// The estimated scope-check steps ([`Nesting::work`]) past which a page is not
/// parsed: a second or two of the parser's time. A real page takes a few million
/// (tens of thousands of tags a few dozen levels deep); millions of stray end
/// tags under thousands of open elements take minutes.
const MAX_PARSE_WORK: u64 = 200_000_000;

/// Remove script/style/svg/noscript/template bodies and comments before parsing:
/// they hold no article text and make up much of a modern page. The error is the
/// [`Body::method`] of a page refused before parsing ([`TOO_DEEP`],
/// [`TOO_TANGLED`]).
fn strip_for_parse(html: &str) -> Result<String, &'static str> {
    let (out, nesting) = strip_and_measure(html, MAX_DEPTH_BEFORE_PARSE, MAX_PARSE_WORK);
    if nesting.deepest > MAX_DEPTH_BEFORE_PARSE {
        Err(TOO_DEEP)
    } else if nesting.work > MAX_PARSE_WORK {
        Err(TOO_TANGLED)
    } else {
        Ok(out)
    }
}

/// [`strip_for_parse`]'s work: the stripped page and the estimated nesting, or an
/// empty page once the estimate passes `limit` or `work`.
fn strip_and_measure(html: &str, limit: usize, work: u64) -> (String, Nesting<'_>) {
    let b = html.as_bytes();
    let mut nesting = Nesting::default();
    // false after <plaintext>, whose rest is text
    let mut counting = true;
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    let mut last = 0;
    // where the last tag, comment or skipped element ended: text lies between it
    // and the next
    let mut tag_end = 0;
    while let Some(rel) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + rel;
        if counting
            && lt > tag_end
            && b.get(lt + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/')
        {
            nesting.text();
        }
        if b[lt..].starts_with(b"<!--") {
            out.push_str(&html[last..lt]);
            let end = memchr::memmem::find(&b[lt + 4..], b"-->")
                .map(|e| lt + 4 + e + 3)
                .unwrap_or(b.len());
            i = end;
            last = end;
            tag_end = end;
            continue;
        }
        let mut skipped = false;
        // (SVG and MathML are foreign content, parsed by other rules than the
        // model's; an unclosed one loses only its start tag, for the parser would
        // break out of it at the next paragraph)
        for name in ["script", "style", "svg", "math", "noscript", "template"] {
            let n = name.len();
            if b.len() > lt + 1 + n
                && b[lt + 1..lt + 1 + n].eq_ignore_ascii_case(name.as_bytes())
                && !b[lt + 1 + n].is_ascii_alphanumeric()
            {
                let close = format!("</{name}");
                let tag_close = memchr::memchr(b'>', &b[lt..]).map_or(b.len(), |g| lt + g + 1);
                let end = find_ci(b, lt + 1 + n, close.as_bytes())
                    .map(|e| {
                        memchr::memchr(b'>', &b[e..])
                            .map(|g| e + g + 1)
                            .unwrap_or(b.len())
                    })
                    .unwrap_or(if matches!(name, "svg" | "math") {
                        tag_close
                    } else {
                        b.len()
                    });
                out.push_str(&html[last..lt]);
                i = end;
                last = end;
                tag_end = end;
                skipped = true;
                break;
            }
        }
        if skipped {
            continue;
        }
        // Start tags: keep only the attributes extraction reads; the rest (links,
        // data-*, srcset, inline handlers) is most of a tag's bytes.
        if b.get(lt + 1).is_some_and(|c| c.is_ascii_alphabetic()) {
            let (tag, after) = super::scan::parse_tag(html, lt);
            if after > html.len() || !html.is_char_boundary(after) {
                i = lt + 1;
                continue;
            }
            out.push_str(&html[last..lt]);
            let tag_at = out.len();
            out.push('<');
            out.push_str(&tag.name);
            for (k, v) in &tag.attrs {
                let keep = match k.as_ref() {
                    "class" | "id" | "itemprop" | "rel" | "hidden" | "aria-hidden" | "lang" => true,
                    "style" => {
                        let l = v.to_ascii_lowercase();
                        l.contains("none") || l.contains("hidden")
                    }
                    _ => false,
                };
                if keep {
                    out.push(' ');
                    out.push_str(k);
                    out.push_str("=\"");
                    for c in v.chars() {
                        match c {
                            '"' => out.push_str("&quot;"),
                            '&' => out.push_str("&amp;"),
                            '<' => out.push_str("&lt;"),
                            _ => out.push(c),
                        }
                    }
                    out.push('"');
                }
            }
            if html[..after].ends_with("/>") {
                out.push('/');
            }
            out.push('>');
            i = after;
            last = after;
            tag_end = after;
            // inside a select (or a frameset) the parser drops these tags, and
            // what follows them is markup
            let dropped = nesting.select().is_some() || nesting.framesets > 0;
            if counting {
                if tag.name == "plaintext" && !dropped {
                    // the rest of the page is text
                    counting = false;
                } else if RAW_TEXT.contains(&tag.name.as_ref())
                    && !(dropped && tag.name != "textarea")
                {
                    // the element's text is copied as it is, and not read for tags;
                    // the element opens and closes (a textarea ends a select)
                    let close = format!("</{}", tag.name);
                    i = find_ci(b, after, close.as_bytes()).unwrap_or(b.len());
                    tag_end = i;
                    nesting.start(tag.name, &out[tag_at..]);
                } else {
                    nesting.start(tag.name, &out[tag_at..]);
                    if nesting.deepest > limit || nesting.work > work {
                        return (String::new(), nesting);
                    }
                }
            }
            continue;
        }
        match b.get(lt + 1) {
            Some(b'/') if counting && b.get(lt + 2).is_some_and(|c| c.is_ascii_alphabetic()) => {
                // named as start tags are (custom elements, "o:p", "x_y")
                let name_end = b[lt + 2..]
                    .iter()
                    .position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
                    .map_or(b.len(), |p| lt + 2 + p);
                nesting.end(&html[lt + 2..name_end].to_ascii_lowercase());
                tag_end =
                    memchr::memchr(b'>', &b[name_end..]).map_or(b.len(), |g| name_end + g + 1);
                if nesting.work > work {
                    return (String::new(), nesting);
                }
            }
            Some(b'!' | b'?') => {
                // a doctype or bogus comment ("<?php", "<![CDATA[") ends at the
                // first '>'; it is copied as it is, and not read for tags
                i = memchr::memchr(b'>', &b[lt..]).map_or(b.len(), |g| lt + g + 1);
                tag_end = i;
                continue;
            }
            _ => {}
        }
        i = lt + 1;
    }
    out.push_str(&html[last..]);
    (out, nesting)
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let lower: Vec<u8> = needle.to_ascii_lowercase();
    let mut i = from;
    while i < hay.len() {
        let rel = memchr::memchr(b'<', &hay[i..])?;
        let at = i + rel;
        if at + lower.len() <= hay.len() && hay[at..at + lower.len()].eq_ignore_ascii_case(&lower) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

struct Ctx<'a> {
    stats: HashMap<NodeId, Stats>,
    html: &'a Html,
}

fn count_chars(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

fn attr_has(el: &scraper::node::Element, words: &[&str]) -> bool {
    [el.attr("class"), el.attr("id")]
        .into_iter()
        .flatten()
        .any(|v| {
            let v = v.as_bytes();
            words.iter().any(|w| {
                v.windows(w.len())
                    .any(|x| x.eq_ignore_ascii_case(w.as_bytes()))
            })
        })
}

/// Whether a class or id token of `el`, split at `-` and `_`, has a part in `any`
/// ("entry-date"), or in `named` unless the token says the thing is merely
/// allowed or present ("wp-block-comments" and "comment-author-name" match
/// comment words, "has-comments" does not); "commentary" and "updated-by" match
/// neither.
fn attr_token(el: &scraper::node::Element, named: &[&str], any: &[&str]) -> bool {
    [el.attr("class"), el.attr("id")]
        .into_iter()
        .flatten()
        .flat_map(str::split_whitespace)
        .any(|tok| {
            let tok = tok.to_ascii_lowercase();
            let parts: Vec<&str> = tok.split(['-', '_']).filter(|p| !p.is_empty()).collect();
            let head = parts.first().copied().unwrap_or("");
            // "wp-block-comments", "article-comments", but not "has-comments"
            let negated = matches!(head, "has" | "no" | "with" | "allow" | "enable");
            parts.iter().any(|p| any.contains(p))
                || !negated && parts.iter().any(|p| named.contains(p))
        })
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(st) = el.attr("style") {
        let st: String = st
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>();
        let st = st.to_ascii_lowercase();
        if st.contains("display:none") || st.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

fn compute_stats(node: NodeRef<Node>, in_link: bool, stats: &mut HashMap<NodeId, Stats>) -> Stats {
    match node.value() {
        Node::Text(t) => {
            let c = count_chars(t);
            Stats {
                chars: c,
                link_chars: if in_link { c } else { 0 },
                hint: Hint::default(),
            }
        }
        Node::Element(el) => {
            let name = el.name();
            if matches!(name, "script" | "style" | "noscript" | "template" | "head") {
                stats.insert(node.id(), Stats::default());
                return Stats::default();
            }
            let link = in_link || name == "a";
            let mut s = Stats {
                hint: classify_hint(el),
                ..Stats::default()
            };
            for c in node.children() {
                let cs = compute_stats(c, link, stats);
                s.chars += cs.chars;
                s.link_chars += cs.link_chars;
            }
            stats.insert(node.id(), s);
            s
        }
        Node::Document | Node::Fragment => {
            let mut s = Stats::default();
            for c in node.children() {
                let cs = compute_stats(c, in_link, stats);
                s.chars += cs.chars;
                s.link_chars += cs.link_chars;
            }
            s
        }
        _ => Stats::default(),
    }
}

fn link_density(s: Stats) -> f64 {
    if s.chars == 0 {
        0.0
    } else {
        s.link_chars as f64 / s.chars as f64
    }
}

fn punct_count(text: &str) -> usize {
    text.chars()
        .filter(|c| matches!(c, ',' | '，' | '、' | '。' | '.' | ';'))
        .count()
}

/// Direct text of an element (its text children, not descendants').
fn direct_text_chars(node: NodeRef<Node>) -> usize {
    node.children()
        .map(|c| match c.value() {
            Node::Text(t) => count_chars(t),
            Node::Element(e) if matches!(e.name(), "a" | "b" | "i" | "em" | "strong" | "span") => 0,
            _ => 0,
        })
        .sum()
}

fn text_of(node: NodeRef<Node>, out: &mut String) {
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            out.push_str(t);
        }
    }
}

/// Readability-style candidate scores.
fn score_candidates(ctx: &Ctx, body: NodeRef<Node>) -> HashMap<NodeId, f64> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    let mut buf = String::new();
    for node in body.descendants() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        let name = el.name();
        let para = match name {
            "p" | "pre" | "blockquote" | "td" => true,
            "div" | "section" | "article" => direct_text_chars(node) >= 60,
            _ => false,
        };
        if !para {
            continue;
        }
        let st = ctx.stats.get(&node.id()).copied().unwrap_or_default();
        if st.chars < 25 {
            continue;
        }
        buf.clear();
        text_of(node, &mut buf);
        let mut score = 1.0 + punct_count(&buf).min(30) as f64 + (st.chars as f64 / 100.0).min(3.0);
        score *= 1.0 - link_density(st);
        let mut anc = node.parent();
        let mut level = 0;
        while let Some(a) = anc {
            if level >= 4 {
                break;
            }
            if !matches!(a.value(), Node::Element(_)) {
                break;
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f64 * 3.0,
            };
            let e = scores.entry(a.id()).or_insert_with(|| {
                let Node::Element(ae) = a.value() else {
                    return 0.0;
                };
                let hint = ctx.stats.get(&a.id()).copied().unwrap_or_default().hint;
                let mut base = match ae.name() {
                    "div" | "article" | "main" | "section" => 5.0,
                    "pre" | "td" | "blockquote" => 3.0,
                    "ol" | "ul" | "dl" | "form" | "li" => -3.0,
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
                    _ => 0.0,
                };
                if ae.name() == "article" || ae.attr("itemprop") == Some("articleBody") {
                    base += 15.0;
                }
                if hint.body {
                    base += 25.0;
                } else if hint.positive {
                    base += 10.0;
                }
                if hint.neg.is_some() {
                    base -= 25.0;
                }
                base
            });
            *e += score / div;
            anc = a.parent();
            level += 1;
        }
    }
    for (id, s) in scores.iter_mut() {
        let st = ctx.stats.get(id).copied().unwrap_or_default();
        *s *= 1.0 - link_density(st);
    }
    scores
}

fn element_name<'a>(node: &NodeRef<'a, Node>) -> Option<&'a str> {
    match node.value() {
        Node::Element(e) => Some(e.name()),
        _ => None,
    }
}

/// Explicit article-body markup: `itemprop=articleBody`, body class/id words.
fn explicit_body<'a>(ctx: &Ctx, body: NodeRef<'a, Node>) -> Option<Vec<NodeRef<'a, Node>>> {
    let mut found: Vec<(NodeRef<Node>, usize, bool)> = Vec::new();
    for node in body.descendants() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        let itemprop = el
            .attr("itemprop")
            .is_some_and(|v| v.contains("articleBody"));
        let st = ctx.stats.get(&node.id()).copied().unwrap_or_default();
        let hinted = itemprop || st.hint.body;
        if !hinted {
            continue;
        }
        let st = ctx.stats.get(&node.id()).copied().unwrap_or_default();
        if st.chars < 200 || link_density(st) > 0.5 {
            continue;
        }
        found.push((node, st.chars, itemprop));
    }
    if found.is_empty() {
        return None;
    }
    // The largest; nested matches are covered by their ancestor.
    let best = found.iter().max_by_key(|(_, c, ip)| (*c, *ip))?;
    let best_node = best.0;
    // Siblings with the same class make up one body split in parts.
    let mut parts = vec![best_node];
    if let (Some(parent), Some(Node::Element(be))) = (best_node.parent(), Some(best_node.value())) {
        let cls = be.attr("class");
        if cls.is_some() {
            let sibs: Vec<NodeRef<Node>> = parent
                .children()
                .filter(|c| match c.value() {
                    Node::Element(e) => e.name() == be.name() && e.attr("class") == cls,
                    _ => false,
                })
                .collect();
            if sibs.len() > 1 {
                parts = sibs;
            }
        }
    }
    Some(parts)
}

/// A list whose every item links somewhere and whose text is largely link text:
/// "latest news", "more stories", teaser rows.
fn is_teaser_list(node: NodeRef<Node>, st: Stats) -> bool {
    let mut items = 0;
    let mut linked = 0;
    for c in node.children() {
        if element_name(&c) != Some("li") {
            continue;
        }
        items += 1;
        if c.descendants().any(|d| element_name(&d) == Some("a")) {
            linked += 1;
        }
    }
    items >= 3 && linked == items && link_density(st) >= 0.3
}

struct Block {
    text: String,
    chars: usize,
    link_chars: usize,
    tag: &'static str,
}

struct Emitter<'a, 'b> {
    ctx: &'b Ctx<'a>,
    blocks: Vec<Block>,
    cur: String,
    cur_link: usize,
    cur_tag: &'static str,
    removed: Vec<Removed>,
    root_chars: usize,
}

fn norm_ws(s: &str, out: &mut String) {
    let mut space = out.is_empty() || out.ends_with(' ');
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(c);
            space = false;
        }
    }
}

fn static_tag(name: &str) -> &'static str {
    match name {
        "li" => "li",
        "h1" => "h1",
        "h2" | "h3" | "h4" | "h5" | "h6" => "h",
        "td" | "th" => "td",
        "blockquote" => "blockquote",
        "pre" => "pre",
        _ => "p",
    }
}

impl Emitter<'_, '_> {
    fn flush(&mut self) {
        let t = self.cur.trim();
        if !t.is_empty() {
            let chars = count_chars(t);
            self.blocks.push(Block {
                text: t.to_string(),
                chars,
                link_chars: self.cur_link.min(chars),
                tag: self.cur_tag,
            });
        }
        self.cur.clear();
        self.cur_link = 0;
        self.cur_tag = "p";
    }

    fn drop_node(&mut self, node: NodeRef<Node>, kind: RemovedKind, reason: &str) {
        let mut t = String::new();
        for d in node.descendants() {
            if let Node::Text(x) = d.value() {
                norm_ws(x, &mut t);
            }
        }
        let t = t.trim();
        if !t.is_empty() && self.removed.len() < 200 {
            self.removed.push(Removed {
                kind,
                text: t.chars().take(300).collect(),
                reason: Some(reason.to_string()),
            });
        }
    }

    fn walk(&mut self, node: NodeRef<Node>, in_link: bool) {
        match node.value() {
            Node::Text(t) => {
                let before = self.cur.len();
                norm_ws(t, &mut self.cur);
                if in_link {
                    self.cur_link += count_chars(&self.cur[before..]);
                }
            }
            Node::Element(el) => {
                let name = el.name();
                if let Some(kind) = dropped_tag(name) {
                    let reason = format!("<{name}> element");
                    self.drop_node(node, kind, &reason);
                    return;
                }
                if is_hidden(el) {
                    self.drop_node(node, RemovedKind::Boilerplate, "hidden element");
                    return;
                }
                let st = self.ctx.stats.get(&node.id()).copied().unwrap_or_default();
                if let Some((kind, word)) = neg_of(st.hint) {
                    if (st.chars as f64) < 0.6 * self.root_chars as f64 || st.chars < 200 {
                        let reason = format!("class/id \"{word}\"");
                        self.drop_node(node, kind, &reason);
                        return;
                    }
                }
                if (name == "ul" || name == "ol") && is_teaser_list(node, st) {
                    self.drop_node(node, RemovedKind::RelatedLink, "list of linked teasers");
                    return;
                }
                if name == "h1" {
                    self.drop_node(node, RemovedKind::Boilerplate, "headline");
                    return;
                }
                let block = is_block(name);
                if name == "td" || name == "th" {
                    // Cells of a row read as one line.
                    if !self.cur.is_empty() && !self.cur.ends_with(' ') {
                        self.cur.push(' ');
                    }
                }
                if block {
                    self.flush();
                    self.cur_tag = static_tag(name);
                }
                let link = in_link || name == "a";
                for c in node.children() {
                    self.walk(c, link);
                }
                if block {
                    self.flush();
                }
            }
            _ => {}
        }
    }
}

static TRAILER_WORDS: [&str; 12] = [
    "read more",
    "continue reading",
    "click here",
    "sign up",
    "subscribe",
    "follow us",
    "share this",
    "related:",
    "see also",
    "advertisement",
    "more:",
    "recommended",
];

fn filter_blocks(
    blocks: Vec<Block>,
    removed: &mut Vec<Removed>,
    title: Option<&str>,
) -> Vec<String> {
    let mut out = Vec::new();
    for b in blocks {
        let ld = if b.chars == 0 {
            0.0
        } else {
            b.link_chars as f64 / b.chars as f64
        };
        if ld > 0.5 && b.chars < 400 {
            removed.push(Removed {
                kind: if b.tag == "li" {
                    RemovedKind::Navigation
                } else {
                    RemovedKind::RelatedLink
                },
                text: b.text.chars().take(300).collect(),
                reason: Some("link-dense block".to_string()),
            });
            continue;
        }
        // Noise patterns match whole short lines; long paragraphs are never noise.
        if let Some((kind, reason)) = (b.text.len() < 160)
            .then(|| NOISE.classify(&b.text))
            .flatten()
        {
            removed.push(Removed {
                kind,
                text: b.text.chars().take(300).collect(),
                reason: Some(reason.to_string()),
            });
            continue;
        }
        if b.chars < 40 {
            let low = b.text.to_lowercase();
            if TRAILER_WORDS.iter().any(|w| low.starts_with(w)) {
                removed.push(Removed {
                    kind: RemovedKind::Boilerplate,
                    text: b.text.clone(),
                    reason: Some("prompt".to_string()),
                });
                continue;
            }
        }
        // a paragraph that is only a link address (a print or share URL)
        let t = b.text.trim();
        if !t.contains(char::is_whitespace)
            && (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        {
            removed.push(Removed {
                kind: RemovedKind::Boilerplate,
                text: t.chars().take(300).collect(),
                reason: Some("bare URL".to_string()),
            });
            continue;
        }
        if title.is_some_and(|t| t.trim() == b.text.trim()) {
            removed.push(Removed {
                kind: RemovedKind::Boilerplate,
                text: b.text.clone(),
                reason: Some("headline repeated".to_string()),
            });
            continue;
        }
        out.push(b.text);
    }
    out
}

fn emit(ctx: &Ctx, roots: &[NodeRef<Node>], title: Option<&str>) -> (Vec<String>, Vec<Removed>) {
    let root_chars = roots
        .iter()
        .map(|r| ctx.stats.get(&r.id()).map(|s| s.chars).unwrap_or(0))
        .sum();
    let mut em = Emitter {
        ctx,
        blocks: Vec::new(),
        cur: String::new(),
        cur_link: 0,
        cur_tag: "p",
        removed: Vec::new(),
        root_chars,
    };
    for r in roots {
        em.walk(*r, false);
        em.flush();
    }
    let mut removed = std::mem::take(&mut em.removed);
    let paras = filter_blocks(em.blocks, &mut removed, title);
    (paras, removed)
}

fn find_body<'a>(html: &'a Html) -> NodeRef<'a, Node> {
    let root = html.tree.root();
    for n in root.descendants() {
        if element_name(&n) == Some("body") {
            return n;
        }
    }
    root
}

/// Whether a paragraph reads as running text (jusText's "good" class, roughly).
fn is_running_text(p: &str) -> bool {
    let chars = p.chars().count();
    let cjk = p.chars().filter(|c| *c as u32 >= 0x2E80).count();
    let min = if cjk * 2 > chars { 30 } else { 80 };
    chars >= min
        && p.chars()
            .any(|c| matches!(c, '.' | ',' | '。' | '，' | '!' | '?' | ';'))
}

/// From a whole page's paragraphs keep the running text and the short paragraphs
/// (subheads, one-liners) that sit between running text.
fn running_text(paras: Vec<String>, removed: &mut Vec<Removed>) -> Vec<String> {
    let good: Vec<bool> = paras.iter().map(|p| is_running_text(p)).collect();
    let near = |i: usize, dir: isize| -> bool {
        let mut j = i as isize + dir;
        let mut steps = 0;
        while j >= 0 && (j as usize) < good.len() && steps < 3 {
            if good[j as usize] {
                return true;
            }
            j += dir;
            steps += 1;
        }
        false
    };
    let mut out = Vec::new();
    for (i, p) in paras.into_iter().enumerate() {
        if good[i] || (near(i, -1) && near(i, 1)) {
            out.push(p);
        } else if removed.len() < 200 {
            removed.push(Removed {
                kind: RemovedKind::Boilerplate,
                text: p.chars().take(300).collect(),
                reason: Some("short text outside the article".to_string()),
            });
        }
    }
    out
}

/// The text of an author element, with where it sits in the page.
#[derive(Debug, Clone)]
pub(crate) struct Byline {
    pub text: String,
    /// Its ancestors, nearest first, each with whether it is the article, the
    /// main part or the body.
    ancestors: Vec<(NodeId, bool)>,
}

impl Byline {
    /// Whether `other` sits in this byline's box, as a co-author's name does and
    /// a related story's byline in a list or sidebar does not: their nearest
    /// common ancestor is at most four levels up, both sit at about the same depth
    /// below it, and right below it when it is the article, main part or body.
    pub(crate) fn holds(&self, other: &Byline) -> bool {
        let Some((i, &(_, root))) = self
            .ancestors
            .iter()
            .take(4)
            .enumerate()
            .find(|(_, a)| other.ancestors.iter().any(|b| b.0 == a.0))
        else {
            return false;
        };
        let Some(j) = other
            .ancestors
            .iter()
            .position(|b| b.0 == self.ancestors[i].0)
        else {
            return false;
        };
        if root {
            i == 0 && j == 0
        } else {
            i.abs_diff(j) <= 1
        }
    }
}

/// Parts of a byline box that are not the name: the date, category and tag
/// links, the comment count, share links.
fn byline_skip(e: &scraper::node::Element) -> bool {
    e.name() == "time"
        || matches!(e.attr("rel"), Some("tag" | "category" | "category tag"))
        || attr_token(
            e,
            &["comment", "comments", "commentlist", "respond"],
            &[
                "date",
                "dates",
                "time",
                "timestamp",
                "datetime",
                "pubdate",
                "category",
                "categories",
                "cat",
                "cats",
                "tag",
                "tags",
                "terms",
                "share",
                "sharing",
                "social",
            ],
        )
}

/// Whether an author element inside `n` (not `n` itself) holds byline text,
/// looking at the first 200 nodes of `n` and 32 levels up from each text (a
/// byline is short and shallow; deeply nested author elements stay fast).
fn inner_byline_has_text(
    n: NodeRef<'_, Node>,
    is_author: impl Fn(&scraper::node::Element) -> bool,
) -> bool {
    n.descendants().take(200).any(|d| {
        if !matches!(d.value(), Node::Text(t) if !t.trim().is_empty()) {
            return false;
        }
        let (mut inner_author, mut skipped) = (false, false);
        for a in d.ancestors().take(32).take_while(|a| a.id() != n.id()) {
            if let Some(e) = a.value().as_element() {
                skipped |= byline_skip(e);
                inner_author |= is_author(e);
            }
        }
        inner_author && !skipped
    })
}

/// The text of a byline element without what byline boxes also hold: the date,
/// the category and tag links, the comment count, the share links.
fn byline_text(n: NodeRef<'_, Node>) -> String {
    let skip = byline_skip;
    let mut t = String::new();
    for d in n.descendants() {
        let Node::Text(x) = d.value() else { continue };
        let skipped = d
            .ancestors()
            .take(32)
            .take_while(|a| a.id() != n.id())
            .any(|a| a.value().as_element().is_some_and(skip));
        if !skipped {
            norm_ws(x, &mut t);
            t.push(' ');
        }
    }
    t.trim().to_string()
}

/// The deepest element nesting read; real pages stay far below it.
pub(crate) const MAX_DEPTH: usize = 400;
/// [`Body::method`] of a page nested deeper than [`MAX_DEPTH`].
pub(crate) const TOO_DEEP: &str = "not read: nested too deep";
/// [`Body::method`] of a page with so many tags so deep in the tree that parsing
/// it would take minutes (see [`MAX_PARSE_WORK`]).
pub(crate) const TOO_TANGLED: &str = "not read: too many tags nested too deep";

/// Extract the article body of a page.
pub(crate) fn extract_body(raw: &str, title_hint: Option<&str>) -> Body {
    let too_deep = Body {
        paragraphs: Vec::new(),
        removed: Vec::new(),
        h1: None,
        page_chars: 0,
        page_link_chars: 0,
        bylines: Vec::new(),
        method: TOO_DEEP,
    };
    let stripped = match strip_for_parse(raw) {
        Ok(s) => s,
        Err(method) => return Body { method, ..too_deep },
    };
    let html = Html::parse_document(&stripped);
    // The passes below recurse over the tree: a page nested deeper than any real
    // one (an attack, a generator gone wrong) is not read, rather than
    // overflowing the stack and taking the batch down.
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for edge in html.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(_) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ego_tree::iter::Edge::Close(_) => depth = depth.saturating_sub(1),
        }
    }
    if deepest > MAX_DEPTH {
        return too_deep;
    }
    let mut stats = HashMap::new();
    let page = compute_stats(html.tree.root(), false, &mut stats);
    let ctx = Ctx { stats, html: &html };
    let body = find_body(ctx.html);

    let mut h1 = None;
    let mut bylines = Vec::new();
    for n in body.descendants() {
        let Node::Element(el) = n.value() else {
            continue;
        };
        if h1.is_none() && el.name() == "h1" {
            let mut t = String::new();
            for d in n.descendants() {
                if let Node::Text(x) = d.value() {
                    norm_ws(x, &mut t);
                }
            }
            let t = t.trim().to_string();
            if !t.is_empty() {
                h1 = Some(t);
            }
        }
        let is_author = |el: &scraper::node::Element| {
            el.attr("rel") == Some("author")
                || el.attr("itemprop").is_some_and(|v| v.contains("author"))
                || attr_has(el, &["byline", "author-name", "authorname"])
        };
        // The innermost author element: a byline box that holds the author's
        // name element also holds the date, categories and links.
        let is_author = is_author(el) && !inner_byline_has_text(n, is_author);
        // a byline inside a nav, a related-stories aside, or a link that also holds a
        // heading (a teaser card) belongs to another story, not to this one; an
        // aside of the article's own meta data, or a link around the author's
        // picture, does not
        // a commenter's name is no byline either
        let in_comment = || {
            std::iter::once(n).chain(n.ancestors()).any(|a| {
                a.value().as_element().is_some_and(|e| {
                    attr_token(e, &["comment", "comments", "commentlist", "respond"], &[])
                        && !matches!(e.name(), "html" | "body" | "main" | "article")
                })
            })
        };
        let in_teaser = || {
            n.ancestors().any(|a| {
                let Some(e) = a.value().as_element() else {
                    return false;
                };
                match e.name() {
                    "nav" => true,
                    "aside" => !attr_has(e, &["meta", "byline", "author", "info"]),
                    "a" => a.descendants().any(|d| {
                        d.value().as_element().is_some_and(|e| {
                            matches!(e.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
                        })
                    }),
                    _ => false,
                }
            })
        };
        if is_author && bylines.len() < 12 && !in_teaser() && !in_comment() {
            let text = byline_text(n);
            if !text.is_empty() && text.len() < 200 {
                bylines.push(Byline {
                    text,
                    ancestors: n
                        .ancestors()
                        .map(|a| {
                            let root = a.value().as_element().is_some_and(|e| {
                                matches!(e.name(), "article" | "main" | "body" | "html")
                            });
                            (a.id(), root)
                        })
                        .collect(),
                });
            }
        }
    }
    let title = title_hint.map(str::to_string).or(h1.clone());

    // Readability-style best candidate.
    let scores = score_candidates(&ctx, body);
    let best = scores
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(id, s)| (*id, *s));
    let mut method = "readability";
    let mut roots: Vec<NodeRef<Node>> = Vec::new();
    if let Some((id, top)) = best {
        if let Some(top_node) = html.tree.get(id) {
            // Siblings that also score well belong to the body.
            if let Some(parent) = top_node.parent() {
                let threshold = (top * 0.2).max(10.0);
                for sib in parent.children() {
                    if sib.id() == id {
                        roots.push(sib);
                        continue;
                    }
                    let Node::Element(se) = sib.value() else {
                        continue;
                    };
                    let st = ctx.stats.get(&sib.id()).copied().unwrap_or_default();
                    let s = scores.get(&sib.id()).copied().unwrap_or(0.0);
                    let ok = s >= threshold
                        || (se.name() == "p" && st.chars > 80 && link_density(st) < 0.25);
                    if ok && st.hint.neg.is_none() {
                        roots.push(sib);
                    }
                }
            } else {
                roots.push(top_node);
            }
        }
    }
    let cand_chars: usize = roots
        .iter()
        .map(|r| ctx.stats.get(&r.id()).map(|s| s.chars).unwrap_or(0))
        .sum();
    if let Some(explicit) = explicit_body(&ctx, body) {
        let ex_chars: usize = explicit
            .iter()
            .map(|r| ctx.stats.get(&r.id()).map(|s| s.chars).unwrap_or(0))
            .sum();
        if ex_chars * 2 >= cand_chars || roots.is_empty() {
            roots = explicit;
            method = "article-body markup";
        }
    }
    if roots.is_empty() {
        roots.push(body);
        method = "whole page";
    }
    let (mut paragraphs, mut removed) = emit(&ctx, &roots, title.as_deref());
    if method == "whole page" {
        paragraphs = running_text(paragraphs, &mut removed);
    } else if paragraphs.iter().map(|p| p.len()).sum::<usize>() < 200 {
        let (p2, mut r2) = emit(&ctx, &[body], title.as_deref());
        let p2 = running_text(p2, &mut r2);
        if p2.iter().map(|p| p.len()).sum::<usize>()
            > paragraphs.iter().map(|p| p.len()).sum::<usize>()
        {
            paragraphs = p2;
            removed = r2;
            method = "whole page";
        }
    }
    Body {
        paragraphs,
        removed,
        h1,
        page_chars: page.chars,
        page_link_chars: page.link_chars,
        bylines,
        method,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The nesting [`strip_for_parse`] estimates for `html`.
    fn estimate(html: &str) -> usize {
        strip_and_measure(html, usize::MAX, u64::MAX).1.deepest
    }

    #[test]
    fn an_end_tag_closes_what_was_opened_inside_its_element() {
        assert_eq!(estimate("<div><section><span><b>x</div><div>y</div>"), 4);
        // the parser reopens a closed formatting element (up to three alike)
        assert_eq!(estimate("<div><span><i>x</div>".repeat(50).as_str()), 6);
        // a stray end tag closes nothing
        assert_eq!(estimate("<div><div></span></em><div>x"), 3);
        // custom and namespaced elements close by their whole name
        assert_eq!(estimate(&"<my-card>x</my-card><o:p></o:p>".repeat(50)), 1);
        assert_eq!(estimate(&"<x_y>a</x_y>".repeat(50)), 1);
        // and the stripped page keeps the whole name for the parser
        assert_eq!(
            strip_for_parse("<x_y class=a data-z=1>a</x_y>").as_deref(),
            Ok("<x_y class=\"a\">a</x_y>")
        );
    }

    #[test]
    fn a_page_nesting_far_too_deep_is_refused_before_parsing() {
        let deep = format!("{}x{}", "<span>".repeat(5_000), "</span>".repeat(5_000));
        assert!(strip_for_parse(&deep) == Err(TOO_DEEP));
        assert!(strip_for_parse(&"<div><b>".repeat(3_000)).is_err());
        // the parser nests these too
        assert!(strip_for_parse(&"<div/>".repeat(5_000)).is_err());
        assert!(strip_for_parse(&"<h1><a>".repeat(5_000)).is_err());
        // a table in a cell nests, as a list does in a list item
        assert!(strip_for_parse(&"<table><tr><td>cell".repeat(5_000)).is_err());
        assert!(strip_for_parse(&"<ul><li>".repeat(5_000)).is_err());
        // formatting elements told apart by their class are all reopened
        // after each paragraph: the parser nests them ever deeper
        let reopened: String = (0..5_000).map(|i| format!("<p><b class=c{i}>x")).collect();
        assert!(strip_for_parse(&reopened).is_err());
        // a form end tag takes only the form off the stack (the tree nests
        // twice as deep as the stack here)
        assert!(strip_for_parse(&"<form><div></form>".repeat(5_000)).is_err());
        // "</br>" is a "<br>", before which three thousand closed formatting
        // elements are reopened, again and again
        let many: String = (0..3_000).map(|i| format!("<b class=c{i}>")).collect();
        let bomb = format!("<p>{many}</p>{}", "<div></br></div>".repeat(500));
        assert_eq!(strip_for_parse(&bomb), Err(TOO_TANGLED));
        // tags the parser drops inside a select or a frameset do not end the
        // counting: what follows them is markup
        let page = format!("<select><xmp></select>{}</xmp>", "<div>".repeat(5_000));
        assert!(strip_for_parse(&page).is_err());
        assert!(strip_for_parse(&"<frameset><span><plaintext><html>".repeat(5_000)).is_err());
        // MathML is not read: an unclosed one loses only its start tag, and the
        // parser then reads what follows a plaintext as text
        let page = format!("<math><plaintext>{}", "<div>".repeat(5_000));
        assert!(strip_for_parse(&page).is_ok_and(|p| !p.contains("<math")));
        // thousands of open elements under a flood of stray end tags: each end
        // tag has the parser walk them all
        let tangled = format!("{}{}", "<span>".repeat(3_000), "</em>".repeat(100_000));
        assert_eq!(strip_for_parse(&tangled), Err(TOO_TANGLED));
        let fine = format!("{}x{}", "<span>".repeat(3_000), "</span>".repeat(3_000));
        assert!(strip_for_parse(&fine).is_ok());
    }

    #[test]
    fn shallow_pages_with_many_tags_are_read() {
        // Each of these is shallow once parsed, however many tags it has.
        for page in [
            "<p>para".repeat(20_000),
            "<li>item<br><img src=x>".repeat(20_000),
            "<div><span><i>text</div>".repeat(20_000),
            "<html><body><a href=x>link".repeat(20_000),
            "<div></div>".repeat(20_000),
            "<p><span>text</p>".repeat(20_000),
            "<h2><span>head</h2>".repeat(20_000),
            "<a href=/x><span>link</a>".repeat(20_000),
            format!("<ul>{}</ul>", "<li><span>item</li>".repeat(20_000)),
            format!("<dl>{}</dl>", "<dt>t<dd><span>d".repeat(20_000)),
            format!("<table>{}</table>", "<tr><td><div>cell".repeat(20_000)),
            "<p><b>bold".repeat(20_000),
            "<p class=MsoNormal>text<o:p></o:p></p>".repeat(20_000),
            format!("<select>{}</select>", "<span>x<option>o".repeat(20_000)),
            "<form><form>".repeat(20_000),
            // a formatting element wrapped round a paragraph ends inside it
            "<strong><p>item</strong></p>".repeat(20_000),
            "<font face=a><p>item</font></p>".repeat(20_000),
            // a form closed before the block opened inside it
            "<form><div>item<input name=q></form></div>".repeat(20_000),
        ] {
            assert!(estimate(&page) < 10, "{}: {}", &page[..40], estimate(&page));
            assert!(strip_for_parse(&page).is_ok(), "{}", &page[..40]);
        }
        // tags in text-only elements and bogus comments are not tags
        for (open, close) in [
            ("<textarea>", "</textarea>"),
            ("<xmp>", "</xmp>"),
            ("<iframe>", "</iframe>"),
            ("<noembed>", "</noembed>"),
            ("<plaintext>", ""),
        ] {
            let page = format!("<div>{open}{}{close}</div>", "<b>".repeat(20_000));
            assert!(estimate(&page) < 3, "{open}: {}", estimate(&page));
        }
        // a bogus comment ends at the first '>'
        assert!(estimate(&"<![CDATA[<b>]]>".repeat(20_000)) < 3);
        assert!(estimate(&"<?x <b> ?>".repeat(20_000)) < 3);
    }
}

#[cfg(test)]
mod model_tests {
    use super::*;

    /// The deepest element nesting of the parsed page, below `<html><body>`.
    fn parsed_depth(html: &str) -> usize {
        let html = Html::parse_document(html);
        let (mut depth, mut deepest) = (0usize, 0usize);
        for edge in html.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(n) if n.value().is_element() => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                ego_tree::iter::Edge::Close(n) if n.value().is_element() => depth -= 1,
                _ => {}
            }
        }
        deepest.saturating_sub(2)
    }

    /// The model's estimate is never much shallower than what the parser builds
    /// from the stripped page: a page the model passes cannot nest deep enough
    /// to stall the parser. (It may be deeper: where unsure it keeps elements
    /// open.)
    #[test]
    fn the_estimate_is_never_shallower_than_the_parse() {
        let patterns = [
            "<table><tr><td>cell",
            "<ul><li>",
            "<ol><li><dl><dt>t<dd>",
            "<table><table>",
            "<table><caption><table>",
            "<select><input><div>",
            "<select><textarea>t</textarea><span>",
            "<table><tr><td><select><td><div>",
            "<p><table><tr><td><p>",
            "<span><div></span>",
            "<b><div></b>",
            "<div><span><i>text</div>",
            "<h1><a>",
            "<p><b>bold",
            "<a href=/x><span>link</a>",
            "<li>item<br>",
            "<dl><dt>t<dd><span>d",
            "<button><table><td><button>",
            "<a><table><td><a>",
            "<select><span>x<option>o",
            "<form><form>",
            "<div><b><p>x</b>",
            "<em><div>x</em>y",
            "<td><font size=3>x",
            "<tr><span>",
            "<p class=N><b class=N>bold",
            "<div><i id=N>x</div>",
            "<table><tr><td><u class=N>x</td></tr></table>",
            "<strong><p>item</strong></p>",
            "<font face=a><p>item</font></p>",
            "<div><b></div></br>",
            "<select><xmp></select><div>",
            "<math><plaintext><div>",
            "<math><select><div>",
            "<frameset><html>",
        ];
        for p in patterns {
            let page: String = (0..300).map(|i| p.replace('N', &i.to_string())).collect();
            let (stripped, nesting) = strip_and_measure(&page, usize::MAX, u64::MAX);
            let parsed = parsed_depth(&stripped);
            assert!(
                nesting.deepest + 1 >= parsed,
                "{p}: model {} parser {parsed}",
                nesting.deepest
            );
        }
    }
}
