// Entity resolution within and across documents: one entity per real-world referent.
// Name mentions are processed in document order and attached to an existing entity by
// explicit, explained rules (same name, surname or given name after a full mention,
// titles stripped, safe spelling-variant similarity, acronyms, same CAMEO group code,
// capitals standing for governments); descriptions ("the Gulf state") attach to the
// most recent compatible entity of their document. Two people with different given
// names are never merged, whatever family or clan name they share.

use std::collections::{BTreeMap, HashMap};

use storyline_model::{Entity, EntityType, Evidence, MergeReason, Span};
use storyline_text::{match_key, Token, TokenKind};

use crate::lexicon::{self, lexicon, phrase_hash, title_case, Description};
use crate::ner::DocEntities;

const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "abu", "abd", "de", "van", "von", "der", "da", "di", "la",
    "le", "du", "del", "della", "ben", "ul", "ad", "ar", "as", "an", "ash", "at", "az",
];
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "announced",
    "announces",
    "warned",
    "warns",
    "accused",
    "accuses",
    "rejected",
    "rejects",
    "denied",
    "denies",
    "insisted",
    "insists",
    "stated",
    "confirmed",
    "confirms",
    "called",
    "urged",
    "urges",
    "has",
    "had",
    "will",
    "would",
    "is",
    "was",
    "condemned",
    "condemns",
    "welcomed",
    "welcomes",
    "responded",
    "agreed",
    "demanded",
];
const GOV_ROLES: &[&str] = &[
    "president",
    "vice president",
    "prime minister",
    "premier",
    "deputy prime minister",
    "chancellor",
    "minister",
    "foreign minister",
    "defense minister",
    "defence minister",
    "interior minister",
    "finance minister",
    "secretary of state",
    "foreign secretary",
    "defense secretary",
    "home secretary",
    "emir",
    "king",
    "queen",
    "sultan",
    "crown prince",
    "ambassador",
    "envoy",
    "special envoy",
    "press secretary",
    "secretary",
];

/// Normalised matching key of a name: lowercase, accents and punctuation folded,
/// hyphens as spaces ("al-Thani" ≡ "Al Thani").
fn name_key(s: &str) -> String {
    match_key(s)
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_matches(|c: char| c == ',' || c == '\'')
                .replace('.', "")
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn core_tokens(key: &str) -> Vec<String> {
    key.split(' ')
        .filter(|w| !PARTICLES.contains(w))
        .map(str::to_string)
        .collect()
}

/// Consonant skeleton for spelling variants: vowels dropped after the first letter,
/// z → s, h after t/p/k/g/d/c/s dropped, doubled letters collapsed.
fn skeleton(s: &str) -> String {
    let mut out = String::new();
    let mut prev: Option<char> = None;
    for (i, c) in s.chars().enumerate() {
        let c = if c == 'z' { 's' } else { c };
        if i > 0 && "aeiouy".contains(c) {
            prev = Some(c);
            continue;
        }
        if c == 'h' && prev.is_some_and(|p| "tpkgdcs".contains(p)) {
            prev = Some(c);
            continue;
        }
        if out.ends_with(c) {
            prev = Some(c);
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Optimal-string-alignment distance (edits and adjacent transpositions).
fn osa(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for j in 0..=m {
        d[0][j] = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// Whether two name tokens are spellings of one name. `relaxed` is used when the
/// other part of the name matches exactly.
fn similar(a: &str, b: &str, relaxed: bool) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let min = la.min(lb);
    if a.chars().next() != b.chars().next() {
        return false;
    }
    let d = osa(a, b);
    let sk = skeleton(a) == skeleton(b);
    if relaxed {
        min >= 4 && (d <= 1 || (sk && d <= 2))
    } else {
        min >= 6 && ((sk && d <= 2) || (d == 1 && min >= 7))
    }
}

fn acronym_of(words: &str) -> Option<String> {
    let ws: Vec<&str> = words.split_whitespace().collect();
    if ws.len() < 2 {
        return None;
    }
    let mut s = String::new();
    for w in ws {
        if matches!(
            w.to_lowercase().as_str(),
            "of" | "the" | "and" | "for" | "de" | "&"
        ) {
            continue;
        }
        let c = w.chars().next()?;
        if !c.is_uppercase() {
            return None;
        }
        s.push(c);
    }
    (s.len() >= 2).then_some(s)
}

fn as_acronym(surface: &str) -> Option<String> {
    let s: String = surface.chars().filter(|c| *c != '.').collect();
    let n = s.chars().count();
    ((2..=6).contains(&n) && s.chars().all(|c| c.is_ascii_uppercase())).then_some(s)
}

#[derive(Debug, Clone)]
struct Cluster {
    votes: BTreeMap<EntityType, usize>,
    /// (display alias, key, count)
    aliases: Vec<(String, String, usize)>,
    mentions: Vec<Evidence>,
    merges: Vec<MergeReason>,
    /// core tokens of every multi-token person alias
    person_names: Vec<Vec<String>>,
    role: Option<String>,
    country: Option<String>,
    group_code: Option<String>,
    group_record: Option<u32>,
    /// ISO3 when this entity is a country
    iso: Option<String>,
    last_doc: usize,
    last_pos: usize,
    /// mentions in the document `last_doc` so far (salience)
    doc_mentions: usize,
    /// a sovereign country (not a city, region or territory)
    sovereign: bool,
    /// position of the latest mention that opened a sentence (a likely subject)
    subject_pos: Option<(usize, usize)>,
    /// a capital or other city name
    city: bool,
}

impl Cluster {
    fn kind(&self) -> EntityType {
        let mut best = (0usize, EntityType::Other);
        for (k, v) in &self.votes {
            if *v > best.0 {
                best = (*v, *k);
            }
        }
        if self.iso.is_some() {
            return EntityType::Gpe;
        }
        best.1
    }
    fn is_person(&self) -> bool {
        self.kind() == EntityType::Person
    }
}

struct NameMention {
    span: Span,
    /// the mention opens its sentence (after an optional "The")
    subject: bool,
    name: String,
    key: String,
    kind: EntityType,
    role: Option<String>,
    country: Option<String>,
}

enum Item {
    Name(NameMention),
    Desc(Span, Description),
}

struct Resolver {
    clusters: Vec<Cluster>,
    exact: HashMap<String, usize>,
    /// blocking index: tagged key ("l:" surname, "f:" given name, "ls:" surname
    /// skeleton, "a:" acronym of a long name, "x:" an acronym alias, "r:" CAMEO record,
    /// "s:" one-word skeleton, "k:" alias key) → clusters, so that resolution stays
    /// linear in the number of mentions.
    index: HashMap<String, Vec<usize>>,
    /// clusters mentioned in the current document
    doc_clusters: Vec<usize>,
    iso_index: HashMap<String, usize>,
    /// clusters absorbed into another one (surname-only mentions later joined to a
    /// full name): cluster → the one that took its mentions
    redirect: Vec<usize>,
    /// set by `find`: a surname-only cluster of this document to absorb into the match
    absorb: std::cell::Cell<Option<usize>>,
}

fn word_slices<'a>(text: &'a str, toks: &[Token]) -> Vec<&'a str> {
    toks.iter()
        .map(|t| text.get(t.span.start..t.span.end).unwrap_or(""))
        .collect()
}

/// Longest title ending exactly at token index `end` (exclusive): (start, role).
fn title_before(words: &[&str], end: usize) -> Option<(usize, Option<String>)> {
    let lex = lexicon();
    for n in (1..=4).rev() {
        if end < n {
            continue;
        }
        let (h, _) = phrase_hash(words[end - n..end].iter().copied());
        if let Some(t) = lex.titles.get(&h) {
            let role = (t.role != "-").then(|| t.role.clone());
            return Some((end - n, role));
        }
    }
    None
}

/// [`title_before`] for the tagger's span repair.
pub(crate) fn title_before_pub(words: &[&str], end: usize) -> Option<(usize, Option<String>)> {
    title_before(words, end)
}

/// Longest title starting at token `start`: (end, role).
fn title_at(words: &[&str], start: usize) -> Option<(usize, Option<String>)> {
    let lex = lexicon();
    for n in (1..=4).rev() {
        if start + n > words.len() {
            continue;
        }
        let (h, _) = phrase_hash(words[start..start + n].iter().copied());
        if let Some(t) = lex.titles.get(&h) {
            let role = (t.role != "-").then(|| t.role.clone());
            return Some((start + n, role));
        }
    }
    None
}

/// Country (ISO3) named by the words just before index `end`: "Qatari", "Qatar 's".
fn country_before(words: &[&str], end: usize) -> Option<String> {
    if end == 0 {
        return None;
    }
    let w = words[end - 1];
    if let Some(iso) = lexicon::nationality(&[w]) {
        return Some(iso.to_string());
    }
    let country_word = |c: &str| -> Option<String> {
        let a = lexicon::actor_for([c])?;
        (a.is_country || (a.kind == EntityType::Gpe && a.code.len() == 3))
            .then(|| a.country.clone())?
    };
    if end >= 2 && matches!(w, "'s" | "’s" | "'" | "’") {
        return country_word(words[end - 2]);
    }
    if is_cap(w) {
        return country_word(w);
    }
    None
}

/// Whether a gazetteer place phrase under a country's record is a name of the
/// country itself ("US", "U.S.", "United States") rather than one of its cities.
fn is_country_variant(name: &str, iso: &str) -> bool {
    if as_acronym(name).is_some_and(|a| a.len() <= 3) {
        return true;
    }
    let Some(full) = lexicon::country_name(iso) else {
        return false;
    };
    let a = name_key(name);
    let b = name_key(full);
    a.split(' ').next() == b.split(' ').next()
}

/// Words that cannot modify a description head ("the minute a country").
const FUNCTION_WORDS: &[&str] = &[
    "and", "but", "for", "not", "the", "this", "that", "these", "those", "with", "from", "into",
    "other", "same", "was", "were", "are", "has", "had", "have", "who", "which", "what", "when",
    "where", "why", "how", "all", "any", "each", "every", "its", "their", "his", "her", "our",
    "one", "two", "first", "last", "next", "minute", "time", "day", "year", "way", "only",
];

const GEO_SUFFIXES: &[&str] = &[
    "strip",
    "peninsula",
    "islands",
    "valley",
    "heights",
    "desert",
    "region",
    "province",
];

/// A CAMEO-style code for a state body named after its country: "Qatari Ministry of
/// Foreign Affairs" → QATGOV, "Israel Defense Forces" → ISRMIL.
fn org_code(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let iso = words.iter().find_map(|w| {
        let w = w.trim_end_matches("'s").trim_end_matches("’s");
        lexicon::nationality(&[w]).map(str::to_string).or_else(|| {
            lexicon::actor_for([w])
                .filter(|a| a.is_country && a.code.len() == 3)
                .and_then(|a| a.country.clone())
        })
    })?;
    let lower = name.to_lowercase();
    let role = if [
        "ministry",
        "government",
        "cabinet",
        "presidency",
        "parliament",
        "foreign affairs",
        "embassy",
        "office",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        "GOV"
    } else if [
        "defense forces",
        "defence forces",
        "army",
        "military",
        "air force",
        "navy",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        "MIL"
    } else if lower.contains("police") {
        "COP"
    } else {
        return None;
    };
    Some(format!("{iso}{role}"))
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Lowercase words that can modify a title ("foreign ministry spokesperson").
const ROLE_MODIFIERS: &[&str] = &[
    "foreign",
    "ministry",
    "defense",
    "defence",
    "interior",
    "finance",
    "state",
    "deputy",
    "senior",
    "former",
    "acting",
    "chief",
    "military",
    "political",
    "bureau",
    "office",
    "government",
    "press",
    "national",
    "security",
    "affairs",
    "health",
    "justice",
    "assistant",
    "top",
    "lead",
    "army",
    "police",
    "group",
    "movement",
    "opposition",
    "presidential",
    "prime",
];

fn is_role_word(w: &str) -> bool {
    w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
}

impl Resolver {
    fn new_cluster(&mut self, doc: usize, pos: usize) -> usize {
        self.clusters.push(Cluster {
            votes: BTreeMap::new(),
            aliases: Vec::new(),
            mentions: Vec::new(),
            merges: Vec::new(),
            person_names: Vec::new(),
            role: None,
            country: None,
            group_code: None,
            group_record: None,
            iso: None,
            last_doc: doc,
            last_pos: pos,
            doc_mentions: 0,
            sovereign: false,
            subject_pos: None,
            city: false,
        });
        self.redirect.push(self.clusters.len() - 1);
        self.clusters.len() - 1
    }

    /// The cluster that holds `c`'s mentions now.
    fn rep(&self, mut c: usize) -> usize {
        while let Some(&n) = self.redirect.get(c) {
            if n == c {
                break;
            }
            c = n;
        }
        c
    }

    /// Moves everything of cluster `from` into `into` (both representatives).
    fn absorb_into(&mut self, from: usize, into: usize, reason: &str) {
        if from == into || from >= self.clusters.len() || into >= self.clusters.len() {
            return;
        }
        let placeholder = self.clusters[into].clone();
        let src = std::mem::replace(&mut self.clusters[from], placeholder);
        self.clusters[from].mentions.clear();
        self.clusters[from].aliases.clear();
        let dst = &mut self.clusters[into];
        for (k, v) in src.votes {
            *dst.votes.entry(k).or_insert(0) += v;
        }
        for a in src.aliases {
            match dst.aliases.iter_mut().find(|b| b.0 == a.0) {
                Some(b) => b.2 += a.2,
                None => {
                    dst.merges.push(MergeReason {
                        alias: a.0.clone(),
                        reason: reason.to_string(),
                    });
                    dst.aliases.push(a);
                }
            }
        }
        dst.mentions.extend(src.mentions);
        dst.merges.extend(src.merges);
        for n in src.person_names {
            if !dst.person_names.contains(&n) {
                dst.person_names.push(n);
            }
        }
        if dst.role.is_none() {
            dst.role = src.role;
        }
        if dst.country.is_none() {
            dst.country = src.country;
        }
        if src.last_doc == dst.last_doc {
            dst.doc_mentions += src.doc_mentions;
            dst.last_pos = dst.last_pos.max(src.last_pos);
        } else if src.last_doc > dst.last_doc {
            dst.last_doc = src.last_doc;
            dst.last_pos = src.last_pos;
            dst.doc_mentions = src.doc_mentions;
        }
        self.redirect[from] = into;
        if !self.doc_clusters.contains(&into) {
            self.doc_clusters.push(into);
        }
    }

    fn add(
        &mut self,
        c: usize,
        m: &NameMention,
        ev: Option<Evidence>,
        doc: usize,
        reason: Option<String>,
    ) {
        let single_person = m.kind == EntityType::Person && core_tokens(&m.key).len() <= 1;
        let cl = &mut self.clusters[c];
        *cl.votes.entry(m.kind).or_insert(0) += 1;
        let mut new_keys: Vec<String> = Vec::new();
        match cl.aliases.iter_mut().find(|a| a.0 == m.name) {
            Some(a) => a.2 += 1,
            None => {
                new_keys.push(format!("k:{}", m.key));
                if m.kind == EntityType::Person {
                    let core = core_tokens(&m.key);
                    if let (Some(f), Some(l)) = (core.first(), core.last()) {
                        new_keys.push(format!("f:{f}"));
                        new_keys.push(format!("l:{l}"));
                        new_keys.push(format!("ls:{}", skeleton(l)));
                    }
                } else {
                    if let Some(a) = acronym_of(&m.name) {
                        new_keys.push(format!("a:{a}"));
                    }
                    if let Some(a) = as_acronym(&m.name) {
                        new_keys.push(format!("x:{a}"));
                    }
                    if !m.key.contains(' ') {
                        new_keys.push(format!("s:{}", skeleton(&m.key)));
                    }
                    if m.kind == EntityType::Norp {
                        let ws: Vec<&str> = m.key.split(' ').collect();
                        if let Some(iso) = lexicon::nationality(&ws) {
                            new_keys.push(format!("n:{iso}"));
                        }
                    }
                }
                cl.aliases.push((m.name.clone(), m.key.clone(), 1));
                if let Some(r) = reason {
                    cl.merges.push(MergeReason {
                        alias: m.name.clone(),
                        reason: r,
                    });
                }
            }
        }
        if m.kind == EntityType::Person {
            let core = core_tokens(&m.key);
            if core.len() >= 2 && !cl.person_names.contains(&core) {
                cl.person_names.push(core);
            }
        }
        if cl.role.is_none() {
            cl.role.clone_from(&m.role);
        }
        if cl.country.is_none() {
            cl.country.clone_from(&m.country);
        }
        let words: Vec<&str> = m.key.split(' ').collect();
        if let Some(a) = lexicon::actor_for(words.iter().copied()) {
            if m.kind != EntityType::Person && lexicon::capital_of(&words).is_none() {
                let variant = a.kind == EntityType::Gpe
                    && a.code.len() == 3
                    && is_country_variant(&m.name, &a.code);
                if (a.is_country || variant) && cl.iso.is_none() {
                    cl.iso.clone_from(&a.country);
                }
                if (a.is_country && a.code.len() == 3) || variant {
                    cl.sovereign = true;
                }
            }
            if a.kind == EntityType::Org && cl.group_code.is_none() && m.kind != EntityType::Person
            {
                cl.group_code = Some(a.code.clone());
                cl.group_record = Some(a.record);
                new_keys.push(format!("r:{}", a.record));
            }
        }
        if let Some(iso) = &cl.iso {
            self.iso_index.entry(iso.clone()).or_insert(c);
        }
        if let Some(e) = ev {
            cl.mentions.push(e);
        }
        if cl.last_doc != doc {
            cl.doc_mentions = 0;
        }
        cl.doc_mentions += 1;
        cl.last_doc = doc;
        if m.subject {
            cl.subject_pos = Some((doc, m.span.start));
        }
        if lexicon::capital_of(&words).is_some() {
            cl.city = true;
        }
        cl.last_pos = m.span.start;
        if !single_person {
            self.exact.entry(m.key.clone()).or_insert(c);
        }
        for k in new_keys {
            let v = self.index.entry(k).or_default();
            if !v.contains(&c) {
                v.push(c);
            }
        }
        if !self.doc_clusters.contains(&c) {
            self.doc_clusters.push(c);
        }
    }

    /// Clusters under any of `keys`, in creation order.
    fn cands(&self, keys: &[String]) -> Vec<usize> {
        let mut v: Vec<usize> = keys
            .iter()
            .filter_map(|k| self.index.get(k))
            .flatten()
            .map(|&c| self.rep(c))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Clusters ordered by recency in document `doc` (most recent first).
    fn recent_in_doc(&self, doc: usize) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .doc_clusters
            .iter()
            .map(|&c| self.rep(c))
            .filter(|&i| self.clusters[i].last_doc == doc)
            .collect();
        v.sort_unstable();
        v.dedup();
        v.sort_by(|a, b| {
            self.clusters[*b]
                .last_pos
                .cmp(&self.clusters[*a].last_pos)
                .then(a.cmp(b))
        });
        v
    }

    fn find(&self, m: &NameMention, doc: usize, surface: &str) -> Option<(usize, String)> {
        self.absorb.set(None);
        if let Some(c) = self.exact.get(&m.key).map(|&c| self.rep(c)) {
            let cl = &self.clusters[c];
            // an exact name never joins a person with a non-person unless the types agree
            if (m.kind == EntityType::Person) == cl.is_person()
                || cl.votes.len() > 1
                || m.kind != EntityType::Person
            {
                if m.kind == EntityType::Person {
                    // an earlier bare surname of this document joins the full name
                    let core = core_tokens(&m.key);
                    if let (true, Some(l)) = (core.len() >= 2, core.last()) {
                        let s = self.recent_in_doc(doc).into_iter().find(|&s| {
                            let sc = &self.clusters[s];
                            s != c
                                && sc.is_person()
                                && sc.person_names.is_empty()
                                && sc.aliases.iter().any(|a| &a.1 == l)
                        });
                        self.absorb.set(s);
                    }
                }
                return Some((
                    c,
                    format!(
                        "same name as \"{}\" (ignoring case, accents and punctuation)",
                        cl.aliases[0].0
                    ),
                ));
            }
        }
        let recent = self.recent_in_doc(doc);
        let core = core_tokens(&m.key);
        // one country under two names ("U.S." / "United States")
        if m.kind != EntityType::Person {
            let ws: Vec<&str> = m.key.split(' ').collect();
            if let Some(a) = lexicon::actor_for(ws.iter().copied()) {
                let sovereign = (a.is_country && a.code.len() == 3)
                    || (a.kind == EntityType::Gpe
                        && a.code.len() == 3
                        && is_country_variant(&m.name, &a.code)
                        && lexicon::capital_of(&ws).is_none());
                if let (true, Some(iso)) = (sovereign, &a.country) {
                    if let Some(c) = self.iso_index.get(iso).map(|&c| self.rep(c)) {
                        if self.clusters[c].sovereign {
                            return Some((
                                c,
                                format!(
                                    "\"{surface}\" names the same country ({iso}) as \"{}\"",
                                    self.clusters[c].aliases[0].0
                                ),
                            ));
                        }
                    }
                }
            }
        }
        if m.kind == EntityType::Person {
            if core.len() == 1 {
                let t = &core[0];
                // most recent person in this document with this given name or surname
                for &c in &recent {
                    let cl = &self.clusters[c];
                    if !cl.is_person() {
                        continue;
                    }
                    for n in &cl.person_names {
                        let last = n.last().map(String::as_str).unwrap_or("");
                        let first = n.first().map(String::as_str).unwrap_or("");
                        if similar(t, last, false) || t == first {
                            let which = if similar(t, last, false) {
                                "family name"
                            } else {
                                "given name"
                            };
                            return Some((c, format!("{which} \"{surface}\" after the full name \"{}\" (most recent person with it in the document)", n.join(" "))));
                        }
                    }
                    if cl.aliases.iter().any(|a| similar(&a.1, &m.key, false)) {
                        return Some((
                            c,
                            format!("same surname \"{surface}\" earlier in the document"),
                        ));
                    }
                }
                // across documents: only when exactly one person has this surname
                let hits: Vec<usize> = self
                    .cands(&[
                        format!("l:{t}"),
                        format!("ls:{}", skeleton(t)),
                        format!("k:{}", m.key),
                    ])
                    .into_iter()
                    .filter(|&c| {
                        let cl = &self.clusters[c];
                        cl.is_person()
                            && (cl
                                .person_names
                                .iter()
                                .any(|n| n.last().is_some_and(|l| similar(t, l, false)))
                                || (cl.person_names.is_empty()
                                    && cl.aliases.iter().any(|a| similar(&a.1, &m.key, false))))
                    })
                    .collect();
                if hits.len() == 1 {
                    return Some((
                        hits[0],
                        format!("surname \"{surface}\" matches the only person with it"),
                    ));
                }
                return None;
            }
            // multi-token person: first and last core names must both agree
            let check = |n: &Vec<String>| -> Option<&'static str> {
                let (af, al) = (core.first()?, core.last()?);
                let (bf, bl) = (n.first()?, n.last()?);
                if af == bf && al == bl {
                    return Some("same given and family name");
                }
                if (af == bf && similar(al, bl, true)) || (al == bl && similar(af, bf, true)) {
                    return Some("spelling variant of the name");
                }
                if core.len() == 2
                    && n.len() == 2
                    && similar(af, bf, false)
                    && similar(al, bl, false)
                {
                    return Some("spelling variant of the name");
                }
                None
            };
            let mut order = recent.clone();
            let (af, al) = (
                core.first().cloned().unwrap_or_default(),
                core.last().cloned().unwrap_or_default(),
            );
            let cands = self.cands(&[
                format!("f:{af}"),
                format!("l:{al}"),
                format!("ls:{}", skeleton(&al)),
            ]);
            order.extend(cands.into_iter().rev().filter(|c| !recent.contains(c)));
            let mut surname_only: Option<(usize, String)> = None;
            for c in order {
                let cl = &self.clusters[c];
                if !cl.is_person() {
                    continue;
                }
                for n in &cl.person_names {
                    if let Some(why) = check(n) {
                        // an earlier bare surname of this document joins too
                        if let Some((s, _)) = &surname_only {
                            self.absorb.set(Some(*s));
                        }
                        return Some((c, format!("{why}: \"{surface}\" ~ \"{}\"", n.join(" "))));
                    }
                }
                // a full name after a bare surname mention in this document
                if surname_only.is_none() && cl.last_doc == doc && cl.person_names.is_empty() {
                    if let Some(l) = core.last() {
                        if cl.aliases.iter().any(|a| &a.1 == l) {
                            surname_only = Some((
                                c,
                                format!("full name \"{surface}\" of the earlier \"{l}\""),
                            ));
                        }
                    }
                }
            }
            return surname_only;
        }
        // non-persons: acronyms
        if let Some(acr) = as_acronym(surface) {
            let cands = self.cands(&[format!("a:{acr}")]);
            let mut order: Vec<usize> = recent
                .iter()
                .copied()
                .filter(|c| cands.contains(c))
                .collect();
            // a two-letter acronym is only read against a long form in its own document
            if acr.len() >= 3 {
                order.extend(cands.iter().copied().filter(|c| !recent.contains(c)));
            }
            for c in order {
                let cl = &self.clusters[c];
                if cl.is_person() {
                    continue;
                }
                if cl
                    .aliases
                    .iter()
                    .any(|a| acronym_of(&a.0).as_deref() == Some(acr.as_str()))
                {
                    return Some((
                        c,
                        format!("acronym \"{surface}\" of \"{}\"", cl.aliases[0].0),
                    ));
                }
            }
        }
        // a long form after its acronym: same document only, three letters or more
        if let Some(acr) = acronym_of(&m.name).filter(|a| a.len() >= 3) {
            let cands = self.cands(&[format!("x:{acr}")]);
            for c in cands.into_iter().filter(|c| recent.contains(c)) {
                let cl = &self.clusters[c];
                if !cl.is_person()
                    && cl
                        .aliases
                        .iter()
                        .any(|a| as_acronym(&a.0).as_deref() == Some(acr.as_str()))
                {
                    return Some((
                        c,
                        format!("\"{surface}\" spelled out from the acronym \"{acr}\""),
                    ));
                }
            }
        }
        // "Gaza" / "Gaza Strip", "Golan" / "Golan Heights"
        if matches!(m.kind, EntityType::Gpe | EntityType::Loc) {
            let mut keys: Vec<String> = GEO_SUFFIXES
                .iter()
                .map(|g| format!("k:{} {g}", m.key))
                .collect();
            if let Some((head, last)) = m.key.rsplit_once(' ') {
                if GEO_SUFFIXES.contains(&last) {
                    keys.push(format!("k:{head}"));
                }
            }
            for c in self.cands(&keys) {
                let cl = &self.clusters[c];
                if !matches!(cl.kind(), EntityType::Gpe | EntityType::Loc) {
                    continue;
                }
                for a in &cl.aliases {
                    let (short, long) = if a.1.len() < m.key.len() {
                        (&a.1, &m.key)
                    } else {
                        (&m.key, &a.1)
                    };
                    if let Some(rest) = long
                        .strip_prefix(short.as_str())
                        .and_then(|r| r.strip_prefix(' '))
                    {
                        if GEO_SUFFIXES.contains(&rest) {
                            return Some((
                                c,
                                format!("\"{surface}\" and \"{}\" name one place", a.0),
                            ));
                        }
                    }
                }
            }
        }
        // same CAMEO group (e.g. Islamic Resistance Movement / Hamas)
        let words: Vec<&str> = m.key.split(' ').collect();
        if let Some(a) = lexicon::actor_for(words.iter().copied()) {
            if a.kind == EntityType::Org {
                for c in self.cands(&[format!("r:{}", a.record)]) {
                    let cl = &self.clusters[c];
                    if cl.group_record == Some(a.record) && !cl.is_person() {
                        return Some((
                            c,
                            format!(
                                "one CAMEO actor record ({}) with \"{}\"",
                                a.code, cl.aliases[0].0
                            ),
                        ));
                    }
                }
            }
        }
        // one nationality: "Israeli" / "Israelis"
        if m.kind == EntityType::Norp {
            if let Some(iso) = lexicon::nationality(&words) {
                if let Some(&c) = self.cands(&[format!("n:{iso}")]).first() {
                    return Some((
                        c,
                        format!(
                            "\"{surface}\" names the same nationality ({iso}) as \"{}\"",
                            self.clusters[c].aliases[0].0
                        ),
                    ));
                }
            }
        }
        // spelling variants of single-word names (Hizbollah / Hezbollah)
        if !m.key.contains(' ') {
            for c in self.cands(&[format!("s:{}", skeleton(&m.key))]) {
                let cl = &self.clusters[c];
                if !cl.is_person()
                    && cl.kind() == m.kind
                    && cl
                        .aliases
                        .iter()
                        .any(|a| !a.1.contains(' ') && similar(&a.1, &m.key, false))
                {
                    return Some((
                        c,
                        format!("spelling variant \"{surface}\" of \"{}\"", cl.aliases[0].0),
                    ));
                }
            }
        }
        None
    }
}

/// Builds the name and description items of one document, in text order.
fn doc_items(d: &DocEntities) -> Vec<Item> {
    let text = d.text.as_str();
    let toks = storyline_text::tokens(text);
    let words = word_slices(text, &toks);
    let tok_at = |b: usize| toks.partition_point(|t| t.span.start < b);
    let mut items: Vec<Item> = Vec::new();
    let mut covered: Vec<Span> = Vec::new();
    // first token start of every sentence
    let sentence_starts: Vec<usize> = storyline_text::sentences(text)
        .iter()
        .filter_map(|sp| toks.get(tok_at(sp.start)).map(|t| t.span.start))
        .collect();
    let mut mentions = d.mentions.clone();
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    for m in &mentions {
        if m.label == "DESC" {
            continue;
        }
        let (mut s, mut e) = (tok_at(m.span.start), tok_at(m.span.end));
        if s >= e || e > toks.len() {
            continue;
        }
        // possessive / trailing punctuation
        while e > s
            && matches!(
                words[e - 1],
                "'s" | "’s" | "'" | "’" | "," | "." | "\"" | "”"
            )
        {
            e -= 1;
        }
        let mut role = None;
        let mut country = None;
        if m.kind == EntityType::Person {
            // titles inside the span ("Sheikh Tamim", "Prime Minister X")
            while s < e {
                match title_at(&words[..e], s) {
                    Some((te, r)) if te < e => {
                        if r.is_some() {
                            role = r;
                        }
                        s = te;
                    }
                    _ => break,
                }
            }
            // a title right before the span, maybe after "Qatar's" / "Qatari"
            let mut b = s;
            while let Some((ts, r)) = title_before(&words, b) {
                if r.is_some() && role.is_none() {
                    role = r;
                }
                b = ts;
                if b == 0 {
                    break;
                }
            }
            if b < s {
                // extend a stated role over its modifiers: "foreign ministry spokesperson"
                let mut rb = b;
                while rb > 0 && ROLE_MODIFIERS.contains(&words[rb - 1]) && s - rb < 8 {
                    rb -= 1;
                }
                if rb < b {
                    if let Some(r) = &role {
                        role = Some(format!("{} {}", words[rb..b].join(" "), r));
                    }
                }
                country = country_before(&words, rb);
                if let (Some(r), Some(iso)) = (&role, &country) {
                    if rb > 0 && lexicon::nationality(&[words[rb - 1]]).is_some() {
                        role = Some(format!("{} {}", words[rb - 1], r));
                    } else {
                        let _ = iso;
                    }
                }
            }
            // appositive: "X, Qatar's prime minister," / "X, the Qatari foreign minister"
            if role.is_none() && e < words.len() && words[e] == "," {
                let mut k = e + 1;
                if k < words.len() && matches!(words[k].to_lowercase().as_str(), "the" | "a") {
                    k += 1;
                }
                let mut ctry = None;
                if k < words.len() {
                    if let Some(iso) = lexicon::nationality(&[words[k]]) {
                        ctry = Some(iso.to_string());
                        k += 1;
                    } else if k + 1 < words.len() && matches!(words[k + 1], "'s" | "’s") {
                        if let Some(a) = lexicon::actor_for([words[k]]) {
                            if a.is_country {
                                ctry.clone_from(&a.country);
                                k += 2;
                            }
                        }
                    }
                }
                if k < words.len() && is_role_word(words[k]) {
                    if let Some((_, Some(r))) = title_at(&words, k) {
                        role = Some(r);
                        country = ctry.or(country);
                    }
                }
            }
        }
        if s >= e {
            continue;
        }
        // a leading article is not part of a name
        if m.kind != EntityType::Person && e - s > 1 && words[s].eq_ignore_ascii_case("the") {
            s += 1;
        }
        let span = Span::new(toks[s].span.start, toks[e - 1].span.end);
        let Some(name) = text.get(span.start..span.end) else {
            continue;
        };
        let key = name_key(name);
        if key.is_empty() || !toks[s..e].iter().any(|t| t.kind == TokenKind::Word) {
            continue;
        }
        // names start with a capital; "anti-Israel", "Gaza-based" are not entities
        let last_part = name.rsplit('-').next().unwrap_or("");
        let first_part = name.split(['-', ' ']).next().unwrap_or("");
        let particle = PARTICLES.contains(&first_part) && name.len() > first_part.len();
        if !(is_cap(name) || particle) || (name.contains('-') && !is_cap(last_part)) {
            continue;
        }
        let mut kind = m.kind;
        // capital city used for its government ("Doha said")
        if matches!(kind, EntityType::Gpe | EntityType::Loc) && e < words.len() {
            let next = words[e].to_lowercase();
            if SPEECH_VERBS.contains(&next.as_str()) {
                let ws: Vec<&str> = words[s..e].to_vec();
                if let Some(iso) = lexicon::capital_of(&ws) {
                    country = Some(iso.to_string());
                    kind = EntityType::Gpe;
                    role = Some("government".to_string());
                }
            }
        }
        if kind != EntityType::Norp {
            covered.push(m.span);
        }
        let subject = sentence_starts.binary_search(&toks[s].span.start).is_ok()
            || (s > 0
                && words[s - 1].eq_ignore_ascii_case("the")
                && sentence_starts
                    .binary_search(&toks[s - 1].span.start)
                    .is_ok());
        items.push(Item::Name(NameMention {
            subject,
            span,
            name: name.to_string(),
            key,
            kind,
            role,
            country,
        }));
    }
    // descriptions: "the" + description phrase, not inside a name
    let lex = lexicon();
    let mut i = 0;
    while i + 1 < words.len() {
        if !words[i].eq_ignore_ascii_case("the") {
            i += 1;
            continue;
        }
        let mut found = None;
        // up to two lowercase modifiers: "the wealthy gas-producing country"
        let mut skip = 0;
        'outer: for mods in 0..=2usize {
            if mods > 0 {
                let w = words.get(i + mods).copied().unwrap_or("");
                if !w.chars().all(|c| c.is_lowercase() || c == '-')
                    || w.len() < 3
                    || FUNCTION_WORDS.contains(&w)
                {
                    break;
                }
            }
            for n in (1..=3).rev() {
                let a = i + 1 + mods;
                if a + n > words.len() {
                    continue;
                }
                let ws = &words[a..a + n];
                let (h, _) = phrase_hash(ws.iter().copied());
                if let Some((_, d)) = lex.descriptions.get(&h) {
                    // generic heads need no modifiers; modifiers only before a head noun
                    found = Some((mods + n, d.clone()));
                    skip = mods;
                    break 'outer;
                }
            }
        }
        let _ = skip;
        for n in (1..=3).rev() {
            if found.is_some() {
                break;
            }
            if i + 1 + n > words.len() {
                continue;
            }
            let ws = &words[i + 1..i + 1 + n];
            // descriptions are common nouns: the head must be lowercase
            if ws
                .last()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
            {
                continue;
            }
            let (h, _) = phrase_hash(ws.iter().copied());
            if let Some((_, d)) = lex.descriptions.get(&h) {
                found = Some((n, d.clone()));
                break;
            }
        }
        if let Some((n, desc)) = found {
            let end = i + 1 + n;
            let span = Span::new(toks[i].span.start, toks[end - 1].span.end);
            let next_is_name = end < words.len() && is_cap(words[end]);
            let next_is_of = end < words.len() && words[end] == "of";
            // a name inside the description ("the Gulf state") gives way to it; a name
            // that sticks out of it wins
            let sticks_out = covered
                .iter()
                .any(|c| c.overlaps(span) && !span.contains(*c));
            if !sticks_out && !next_is_name && !next_is_of {
                items.retain(|it| match it {
                    Item::Name(m) => !span.contains(m.span),
                    Item::Desc(..) => true,
                });
                items.push(Item::Desc(span, desc));
            }
            i = end;
        } else {
            i += 1;
        }
    }
    items.sort_by_key(|it| match it {
        Item::Name(m) => m.span.start,
        Item::Desc(s, _) => s.start,
    });
    items
}

/// Resolves the mentions of `docs` (in the given document order) into entities with
/// ids `e1, e2, ...` in order of first mention.
pub fn resolve(docs: &[DocEntities]) -> Vec<Entity> {
    let mut r = Resolver {
        clusters: Vec::new(),
        exact: HashMap::new(),
        index: HashMap::new(),
        doc_clusters: Vec::new(),
        iso_index: HashMap::new(),
        redirect: Vec::new(),
        absorb: std::cell::Cell::new(None),
    };
    for (di, d) in docs.iter().enumerate() {
        r.doc_clusters.clear();
        for item in doc_items(d) {
            match item {
                Item::Name(m) => {
                    let ev = Evidence::new(&d.doc, &d.text, m.span);
                    let surface = m.name.clone();
                    // capital used for the government: attach to the country
                    if m.role.as_deref() == Some("government") && m.kind == EntityType::Gpe {
                        if let Some(iso) = m.country.clone() {
                            let target = r.iso_index.get(&iso).map(|&c| r.rep(c));
                            let c = match target {
                                Some(c) => c,
                                None => {
                                    let c = r.new_cluster(di, m.span.start);
                                    r.clusters[c].iso = Some(iso.clone());
                                    r.iso_index.insert(iso.clone(), c);
                                    if let Some(n) = lexicon::country_name(&iso) {
                                        let key = name_key(n);
                                        r.clusters[c].aliases.push((n.to_string(), key.clone(), 0));
                                        r.exact.entry(key).or_insert(c);
                                    }
                                    c
                                }
                            };
                            let reason = format!(
                                "capital \"{surface}\" used for the government of {}",
                                lexicon::country_name(&iso).unwrap_or(&iso)
                            );
                            let m2 = NameMention { role: None, ..m };
                            r.add(c, &m2, ev, di, Some(reason));
                            continue;
                        }
                    }
                    match r.find(&m, di, &surface) {
                        Some((c, reason)) => {
                            if let Some(s) = r.absorb.take() {
                                let s = r.rep(s);
                                r.absorb_into(
                                    s,
                                    c,
                                    &format!("bare name mentions joined when the full name \"{surface}\" appeared"),
                                );
                            }
                            r.add(c, &m, ev, di, Some(reason))
                        }
                        None => {
                            let c = r.new_cluster(di, m.span.start);
                            r.add(c, &m, ev, di, None);
                        }
                    }
                }
                Item::Desc(span, desc) => {
                    let recent = r.recent_in_doc(di);
                    let compatible: Vec<usize> = recent
                        .into_iter()
                        .filter(|&c| {
                            let cl = &r.clusters[c];
                            let k = cl.kind();
                            let kind_ok = k == desc.kind
                                || (desc.kind == EntityType::Gpe && k == EntityType::Gpe)
                                || (desc.kind == EntityType::Loc
                                    && matches!(k, EntityType::Loc | EntityType::Gpe));
                            let ctry = cl.iso.clone().or(cl.country.clone());
                            let country_ok = desc.countries.is_empty()
                                || ctry.as_ref().is_some_and(|c| desc.countries.contains(c));
                            let role_ok = desc.kind != EntityType::Person
                                || desc.role.is_none()
                                || cl.role.as_deref().is_some_and(|r| {
                                    r.ends_with(desc.role.as_deref().unwrap_or(""))
                                });
                            // "the country" is a state; "the enclave" is not
                            let state_ok = match desc.kind {
                                EntityType::Gpe => cl.sovereign,
                                EntityType::Loc => !cl.sovereign && !cl.city,
                                _ => true,
                            };
                            kind_ok && country_ok && role_ok && state_ok
                        })
                        .collect();
                    // the most salient of the recently mentioned candidates (within
                    // about three sentences), else the most recent one
                    let window = span.start.saturating_sub(400);
                    let target = compatible
                        .iter()
                        .copied()
                        .filter(|&c| r.clusters[c].last_pos >= window)
                        .max_by(|&a, &b| {
                            // salience: mentions so far, plus a bonus for having been the
                            // subject of a recent sentence
                            let sal = |c: usize| {
                                let cl = &r.clusters[c];
                                let subj =
                                    cl.subject_pos.is_some_and(|(d, p)| d == di && p >= window);
                                cl.doc_mentions + if subj { 3 } else { 0 }
                            };
                            let (ca, cb) = (&r.clusters[a], &r.clusters[b]);
                            sal(a).cmp(&sal(b)).then(ca.last_pos.cmp(&cb.last_pos))
                        })
                        .or(compatible.first().copied());
                    if let (Some(c), Some(ev)) = (target, Evidence::new(&d.doc, &d.text, span)) {
                        let cl = &mut r.clusters[c];
                        let why = format!(
                            "description \"{}\" refers back to the most recent compatible {:?} in the document",
                            ev.text,
                            desc.kind
                        );
                        if !cl.merges.iter().any(|x| x.alias == ev.text) {
                            cl.merges.push(MergeReason {
                                alias: ev.text.clone(),
                                reason: why,
                            });
                        }
                        let subject = ev.start == span.start
                            && d.text[..span.start]
                                .trim_end()
                                .ends_with(['.', '\n', '"', '”'])
                            || span.start == 0;
                        if subject {
                            cl.subject_pos = Some((di, span.start));
                        }
                        cl.mentions.push(ev);
                        cl.last_pos = span.start;
                        cl.doc_mentions += 1;
                        if cl.role.is_none() && desc.kind == EntityType::Org {
                            cl.role.clone_from(&desc.role);
                        }
                    }
                }
            }
        }
    }
    finish(r.clusters, docs)
}

fn finish(clusters: Vec<Cluster>, docs: &[DocEntities]) -> Vec<Entity> {
    let doc_order: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.doc.as_str(), i))
        .collect();
    let mut out = Vec::new();
    for cl in clusters {
        if cl.mentions.is_empty() {
            continue;
        }
        let kind = cl.kind();
        let real: Vec<&(String, String, usize)> = cl.aliases.iter().filter(|a| a.2 > 0).collect();
        let pool = if real.is_empty() {
            cl.aliases.iter().collect()
        } else {
            real
        };
        let score = |a: &(String, String, usize)| -> (usize, usize, usize) {
            if kind == EntityType::Person {
                (core_tokens(&a.1).len(), a.2, 0)
            } else {
                // the most frequent written-out name (not an acronym, not all caps)
                let shouting = a.0.chars().any(char::is_lowercase) as usize;
                (shouting, a.2, a.0.len())
            }
        };
        let mut best: Option<&(String, String, usize)> = None;
        for a in &pool {
            if best.is_none_or(|b| score(a) > score(b)) {
                best = Some(a);
            }
        }
        let name = best.map(|a| a.0.clone()).unwrap_or_default();
        let mut aliases: Vec<String> = Vec::new();
        for a in &cl.aliases {
            if a.2 > 0 && !aliases.contains(&a.0) {
                aliases.push(a.0.clone());
            }
        }
        // code: a government role stated in the text wins over the (2014) dictionary
        let mut stated_iso = cl.country.clone();
        let mut code = None;
        if kind == EntityType::Person {
            let dict = cl.aliases.iter().find_map(|a| {
                let ws: Vec<&str> = a.1.split(' ').collect();
                lexicon::actor_for(ws.iter().copied()).filter(|x| x.kind == EntityType::Person)
            });
            if stated_iso.is_none() {
                stated_iso = dict.and_then(|d| d.country.clone());
            }
            if let (Some(role), Some(iso)) = (&cl.role, &stated_iso) {
                let gov = GOV_ROLES.iter().any(|g| role.ends_with(g))
                    || role.contains("minist")
                    || role.contains("government");
                if gov {
                    code = Some(format!("{iso}GOV"));
                }
            }
        }
        if code.is_none() {
            if let Some(iso) = &cl.iso {
                code = Some(iso.clone());
            } else if let Some(g) = &cl.group_code {
                code = Some(g.clone());
            } else {
                for a in &cl.aliases {
                    let ws: Vec<&str> = a.1.split(' ').collect();
                    if let Some(act) = lexicon::actor_for(ws.iter().copied()) {
                        let fits = match kind {
                            EntityType::Person => act.kind == EntityType::Person,
                            EntityType::Org => act.kind == EntityType::Org,
                            _ => act.is_country,
                        };
                        if fits {
                            code = Some(act.code.clone());
                            break;
                        }
                    }
                }
            }
        }
        if kind == EntityType::Org && code.is_none() {
            code = org_code(&name);
        }
        if kind == EntityType::Norp && code.is_none() {
            let ws: Vec<&str> = name.split_whitespace().collect();
            code = lexicon::nationality(&ws).map(str::to_string);
        }
        let iso = stated_iso.or(cl.iso.clone()).or_else(|| {
            code.as_ref()
                .and_then(|c| c.get(..3))
                .filter(|p| lexicon::country_name(p).is_some())
                .map(str::to_string)
        });
        let country = iso.map(|i| lexicon::country_name(&i).map(str::to_string).unwrap_or(i));
        let mut mentions = cl.mentions;
        mentions.sort_by(|a, b| {
            let da = doc_order.get(a.doc.as_str()).copied().unwrap_or(usize::MAX);
            let db = doc_order.get(b.doc.as_str()).copied().unwrap_or(usize::MAX);
            da.cmp(&db)
                .then(a.start.cmp(&b.start))
                .then(a.end.cmp(&b.end))
        });
        mentions.dedup();
        out.push((
            mentions.first().map(|m| {
                (
                    doc_order.get(m.doc.as_str()).copied().unwrap_or(usize::MAX),
                    m.start,
                )
            }),
            Entity {
                id: String::new(),
                name: if name.chars().all(|c| !c.is_lowercase())
                    && name.len() > 4
                    && kind == EntityType::Gpe
                {
                    title_case(&name)
                } else {
                    name
                },
                kind,
                aliases,
                mentions,
                code,
                role: cl.role,
                country,
                merges: cl.merges,
            },
        ));
    }
    out.sort_by_key(|(first, _)| *first);
    out.into_iter()
        .enumerate()
        .map(|(i, (_, mut e))| {
            e.id = format!("e{}", i + 1);
            e
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::NerSpan;

    /// A document with mentions given as (surface, type): the n-th occurrence in order.
    fn doc(id: &str, text: &str, ms: &[(&str, EntityType)]) -> DocEntities {
        let mut mentions = Vec::new();
        let mut from = 0;
        for (s, k) in ms {
            if let Some(p) = text[from..].find(s) {
                let start = from + p;
                mentions.push(NerSpan {
                    span: Span::new(start, start + s.len()),
                    kind: *k,
                    label: "X".into(),
                });
                from = start + s.len();
            }
        }
        DocEntities {
            doc: id.into(),
            text: text.into(),
            mentions,
        }
    }
    use EntityType::*;

    fn by_name<'a>(es: &'a [Entity], n: &str) -> &'a Entity {
        es.iter()
            .find(|e| e.aliases.iter().any(|a| a == n))
            .expect(n)
    }

    #[test]
    fn surname_after_full_name() {
        let d = doc(
            "d1",
            "Maria Lopez arrived on Monday. Lopez said the talks went well.",
            &[("Maria Lopez", Person), ("Lopez", Person)],
        );
        let es = resolve(&[d]);
        assert_eq!(es.len(), 1);
        assert_eq!(es[0].name, "Maria Lopez");
        assert_eq!(es[0].mentions.len(), 2);
        assert_eq!(es[0].id, "e1");
        assert!(!es[0].merges.is_empty());
    }

    #[test]
    fn family_members_stay_apart() {
        let t = "Sheikh Tamim bin Hamad al-Thani met Sheikh Mohammed bin Abdulrahman al-Thani. Later al-Thani spoke.";
        let d = doc(
            "d1",
            t,
            &[
                ("Tamim bin Hamad al-Thani", Person),
                ("Mohammed bin Abdulrahman al-Thani", Person),
                ("al-Thani", Person),
            ],
        );
        let es = resolve(&[d]);
        let persons: Vec<&Entity> = es.iter().filter(|e| e.kind == Person).collect();
        assert_eq!(persons.len(), 2, "{es:#?}");
        // the bare family name goes to the most recent one
        assert_eq!(
            by_name(&es, "al-Thani").name,
            "Mohammed bin Abdulrahman al-Thani"
        );
    }

    #[test]
    fn spelling_variants_merge() {
        let a = doc(
            "a",
            "Khaled Meshaal spoke. Ana Morosan wrote.",
            &[("Khaled Meshaal", Person), ("Ana Morosan", Person)],
        );
        let b = doc(
            "b",
            "Khaled Mashaal replied. Morozan agreed.",
            &[("Khaled Mashaal", Person), ("Morozan", Person)],
        );
        let c = doc(
            "c",
            "Yayha Sinwar and Yahya Sinwar; Anthony Blinken and Antony Blinken.",
            &[
                ("Yayha Sinwar", Person),
                ("Yahya Sinwar", Person),
                ("Anthony Blinken", Person),
                ("Antony Blinken", Person),
            ],
        );
        let es = resolve(&[a, b, c]);
        assert_eq!(es.iter().filter(|e| e.kind == Person).count(), 4, "{es:#?}");
        assert!(by_name(&es, "Khaled Meshaal")
            .aliases
            .contains(&"Khaled Mashaal".to_string()));
        assert!(by_name(&es, "Ana Morosan")
            .aliases
            .contains(&"Morozan".to_string()));
    }

    #[test]
    fn different_given_names_do_not_merge() {
        let d = doc(
            "d",
            "John Smith and Jane Smith met Hamad Jaber.",
            &[
                ("John Smith", Person),
                ("Jane Smith", Person),
                ("Hamad Jaber", Person),
            ],
        );
        assert_eq!(resolve(&[d]).len(), 3);
    }

    #[test]
    fn titles_and_roles() {
        let t = "Secretary of State Antony Blinken met Qatar’s Prime Minister Sheikh Mohammed bin Abdulrahman al-Thani.";
        let d = doc(
            "d",
            t,
            &[
                ("Antony Blinken", Person),
                ("Qatar", Gpe),
                ("Sheikh Mohammed bin Abdulrahman al-Thani", Person),
            ],
        );
        let es = resolve(&[d]);
        let b = by_name(&es, "Antony Blinken");
        assert_eq!(b.role.as_deref(), Some("secretary of state"));
        let m = by_name(&es, "Mohammed bin Abdulrahman al-Thani");
        assert_eq!(m.role.as_deref(), Some("prime minister"));
        assert_eq!(m.code.as_deref(), Some("QATGOV"));
        assert_eq!(m.country.as_deref(), Some("Qatar"));
    }

    #[test]
    fn acronym_and_possessive() {
        let t = "The Israel Defense Forces said the IDF’s units moved. Hamas’s leaders and Hamas replied.";
        let d = doc(
            "d",
            t,
            &[
                ("Israel Defense Forces", Org),
                ("IDF", Org),
                ("Hamas", Org),
                ("Hamas", Org),
            ],
        );
        let es = resolve(&[d]);
        assert_eq!(es.len(), 2, "{es:#?}");
        assert_eq!(es[0].mentions.len(), 2);
        assert_eq!(es[1].mentions[0].text, "Hamas");
        assert_eq!(es[1].code.as_deref(), Some("PSEREBHMS"));
    }

    #[test]
    fn description_refers_back() {
        let t = "Qatar hosted the talks. Officials in the Gulf state said more.";
        let d = doc("d", t, &[("Qatar", Gpe)]);
        let es = resolve(&[d]);
        assert_eq!(es.len(), 1);
        assert_eq!(es[0].mentions.len(), 2);
        assert_eq!(es[0].mentions[1].text, "the Gulf state");
    }

    #[test]
    fn capital_for_government() {
        let t = "Qatar hosted the talks. Doha said it would continue.";
        let d = doc("d", t, &[("Qatar", Gpe), ("Doha", Gpe)]);
        let es = resolve(&[d]);
        assert_eq!(es.len(), 1, "{es:#?}");
        assert!(es[0].merges.iter().any(|m| m.reason.contains("capital")));
    }

    #[test]
    fn cameo_group_alias_across_docs() {
        let a = doc(
            "a",
            "The Islamic Resistance Movement issued a statement.",
            &[("Islamic Resistance Movement", Org)],
        );
        let b = doc("b", "Hamas issued a statement.", &[("Hamas", Org)]);
        let es = resolve(&[a, b]);
        assert_eq!(es.len(), 1, "{es:#?}");
    }

    #[test]
    fn honorifics_are_stripped_and_roles_kept() {
        let t = "Gov. Jane Roe spoke to Dr. Omar Salem. Roe later met Salem.";
        let d = doc(
            "d",
            t,
            &[
                ("Gov. Jane Roe", Person),
                ("Dr. Omar Salem", Person),
                ("Roe", Person),
                ("Salem", Person),
            ],
        );
        let es = resolve(&[d]);
        assert_eq!(es.len(), 2, "{es:#?}");
        assert_eq!(es[0].name, "Jane Roe");
        assert_eq!(es[0].role.as_deref(), Some("governor"));
        assert_eq!(es[1].name, "Omar Salem");
        assert_eq!(es[1].mentions.len(), 2);
    }

    #[test]
    fn role_description_refers_to_person_with_that_role() {
        let t = "Emir Tamim bin Hamad met Omar Salem. Later the emir left.";
        let d = doc(
            "d",
            t,
            &[("Tamim bin Hamad", Person), ("Omar Salem", Person)],
        );
        let es = resolve(&[d]);
        let emir = by_name(&es, "Tamim bin Hamad");
        assert_eq!(emir.role.as_deref(), Some("emir"));
        assert!(
            emir.mentions.iter().any(|m| m.text == "the emir"),
            "{es:#?}"
        );
    }

    #[test]
    fn bare_family_name_across_documents_is_not_guessed() {
        let a = doc(
            "a",
            "Tamim bin Hamad al-Thani and Mohammed bin Abdulrahman al-Thani met.",
            &[
                ("Tamim bin Hamad al-Thani", Person),
                ("Mohammed bin Abdulrahman al-Thani", Person),
            ],
        );
        let b = doc("b", "Al-Thani spoke.", &[("Al-Thani", Person)]);
        let es = resolve(&[a, b]);
        assert_eq!(es.len(), 3, "{es:#?}");
    }

    #[test]
    fn ambiguous_surname_joins_the_full_name_that_follows() {
        let a = doc("a", "John Carter spoke.", &[("John Carter", Person)]);
        let b = doc("b", "Jane Carter spoke.", &[("Jane Carter", Person)]);
        let c = doc(
            "c",
            "Carter arrived. John Carter then left.",
            &[("Carter", Person), ("John Carter", Person)],
        );
        let es = resolve(&[a, b, c]);
        assert_eq!(es.len(), 2, "{es:#?}");
        assert_eq!(es[0].name, "John Carter");
        assert_eq!(es[0].mentions.len(), 3);
    }

    #[test]
    fn similarity_is_safe() {
        assert!(similar("meshaal", "mashaal", false));
        assert!(similar("morosan", "morozan", false));
        assert!(similar("yahya", "yayha", true));
        assert!(similar("antony", "anthony", true));
        assert!(!similar("tamim", "hamad", true));
        assert!(!similar("ali", "ala", true));
        assert!(!similar("jordan", "jorden", false) || skeleton("jordan") == skeleton("jorden"));
    }

    #[test]
    fn empty_and_odd_input() {
        assert!(resolve(&[]).is_empty());
        let d = DocEntities {
            doc: "x".into(),
            text: "é".into(),
            mentions: vec![NerSpan {
                span: Span::new(0, 1),
                kind: Person,
                label: "PER".into(),
            }],
        };
        let _ = resolve(&[d]);
    }
}
