//! Finding mentions of people, organisations and places in Arabic and
//! English text.
//!
//! Sources, each producing candidate spans over the words of the text:
//! - the gazetteer (longest match over word n-grams, Arabic clitics stripped
//!   from the first word, directional phrases such as "شمال شرقي سوريا"
//!   kept whole, an adjective after the name recorded for disambiguation);
//! - curated organisations (variants and acronyms linked to one entity) and
//!   organisation patterns (وزارة/منظمة/مجلس ... + complement; "Ministry of",
//!   "... Council");
//! - people from titles and roles, given names and, in English, runs of
//!   capitalised words;
//! - the learned tagger (`crate::tagger`), merged by measured policy in
//!   [`recognise`] and [`learned_spans`]: in Arabic it fills the gaps the
//!   lists and rules leave; in English it outranks the gazetteer except for
//!   exact gazetteer names (so places stay on the map).
//!
//! Candidates are merged greedily, longer first, then by source priority,
//! so the result never overlaps. A second pass links later mentions: a
//! person's surname, an organisation's head noun ("التحالف", "the Coalition").
//!
//! Spans: attached proclitics (و ف ب ل ك and the ل of لل) are outside the
//! highlighted span, the definite article stays inside when it is written
//! as part of the name ("بالعراق" highlights "العراق"); identity never
//! depends on them because every lookup uses the stripped readings.

pub mod lexicon;
mod words;

use std::sync::OnceLock;

pub use words::{words, Feat, Word};

use crate::gazetteer;
use crate::model::{EntityType, PlaceKind};
use crate::tagger::TaggedSpan;
use lexicon::WordSet;

/// A compass direction qualifying a place: (north +1 / south -1,
/// east +1 / west -1); (0, 0) is "central".
pub type Direction = (i8, i8);

/// What a candidate span names.
#[derive(Debug, Clone, PartialEq)]
pub enum What {
    Place {
        /// Gazetteer candidates (indexes into `gazetteer::places()`).
        cands: &'static [u32],
        /// The normalised key that matched.
        key: String,
        /// A compass qualifier ("شمال شرقي سوريا", "northern Iraq").
        dir: Option<Direction>,
        /// Country (ISO alpha-2) of an adjective right after the name
        /// ("لاهاي الهولندية").
        adj_country: Option<&'static str>,
        /// The text calls it a town or city ("مدينة لاهاي", "city of").
        settlement: bool,
        /// The name is also a common word ([`gazetteer::is_common_word`])
        /// or reads like one here: one Arabic word with the article, or
        /// followed by a definite noun it governs ("مشهد التهديد").
        weak: Weak,
    },
    Org {
        curated: Option<lexicon::Org>,
        key: String,
    },
    Person {
        key: String,
    },
    /// A well-known public figure from the curated list.
    KnownPerson(lexicon::Org),
    /// A date found by the time module (index into its list).
    Date(usize),
}

/// How much a place name needs context before minor places count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Weak {
    /// A proper name: any candidate.
    #[default]
    No,
    /// A single Arabic word with the article: small places need context.
    Definite,
    /// The same after a locative preposition ("في العقبة"): only villages
    /// need context.
    DefiniteLocative,
    /// A single Arabic word without the article: villages need context.
    Indefinite,
    /// A common word, or a noun governing the next word: towns, provinces
    /// and sites need context.
    Common,
    /// Reads as an adjective here ("دعم مالي"): no place at all.
    Adjective,
}

/// A candidate or accepted mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Word range (exclusive end).
    pub w0: usize,
    pub w1: usize,
    /// Code points into the text.
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    pub what: What,
    /// Source priority when spans of equal length compete.
    pub prio: u8,
    /// For later mentions: the span (start, end) of the earlier mention
    /// this one refers to.
    pub link: Option<(usize, usize)>,
}

const PRIO_DATE: u8 = 100;
const PRIO_CURATED_ORG: u8 = 60;
const PRIO_PLACE: u8 = 50;
const PRIO_DIR_PLACE: u8 = 45;
const PRIO_TITLE_PERSON: u8 = 40;
const PRIO_PATTERN_ORG: u8 = 35;
/// Where the learned tagger's Arabic spans rank: above the name
/// heuristics, below lists, gazetteer and titled names (measured on the
/// tagger's held-out NewsFANE split: `eval ner-ar-dev`).
const PRIO_TAGGER: u8 = 32;
const PRIO_NAME_PERSON: u8 = 30;
const PRIO_CAPS: u8 = 10;

/// The words of the named lists of `data/curated/recognise_words.tsv`, loaded once into `cell`.
fn list(cell: &'static OnceLock<WordSet>, lists: &[&str]) -> &'static WordSet {
    cell.get_or_init(|| lexicon::word_list(lists))
}

/// Arabic function words and reporting verbs: never names, never the
/// start of a place.
pub fn ar_stop() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    list(&S, &["ar_stop"])
}

/// Weekdays, months and time words: they end names and organisations.
pub fn time_words() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    list(&S, &["ar_time", "en_calendar"])
}

/// English words that start a sentence or a capitalised run without being
/// part of a name.
fn en_stop() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    list(&S, &["en_stop", "en_calendar"])
}

/// Heads that start an Arabic organisation name ("وزارة الخارجية").
fn ar_org_heads() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    list(&S, &["ar_org_head"])
}

/// Organisation heads that may take a bare name ("حركة حماس", "صحيفة عكاظ").
fn ar_named_heads() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    list(&S, &["ar_named_head"])
}

/// English words that make a capitalised run an organisation.
fn en_org_heads() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    list(&S, &["en_org_head"])
}

/// Connectors that may sit inside an English name ("Gulf of Mexico",
/// "Bashar al-Assad", "Marcel de Vink").
fn en_connectors() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    list(&S, &["en_connector"])
}

/// Arabic name particles ("بن", "أبو", "عبد", "آل").
fn ar_particles() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    list(&S, &["ar_particle"])
}

/// Words after which a nisba-shaped word is still read as a place name
/// ("زار", "جمهوريه"), not as an adjective.
fn adjective_blockers() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    list(&S, &["ar_adjective_blocker"])
}

/// Arabic locatives before a place ("في", "قرب", "بمدينه").
fn ar_locatives() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    list(&S, &["ar_locative"])
}

/// Words that call the next name a town or city ("مدينه", "city").
fn settlement_words() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    list(&S, &["settlement"])
}

/// English nouns of "city of X".
fn en_settlement_of() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    list(&S, &["en_settlement_of"])
}

/// English connectors that never join the words of a name ("and", "of").
fn en_connectors_outer() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    list(&S, &["en_connector_outer"])
}

/// Prepositions of a role's destination ("المبعوث الأممي إلى اليمن").
fn ar_destinations() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    list(&S, &["ar_destination"])
}

/// Words of events and titles of works, never people ("World Cup").
fn en_event_words() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    list(&S, &["en_event_word"])
}

/// Compass words in both languages.
fn direction(key: &str) -> Option<Direction> {
    lexicon::compass(key)
}

/// Everything the recogniser found, merged and linked, in text order.
pub fn recognise(
    words: &[Word],
    _lang: &str,
    dates: &[(usize, usize)],
    tagged: &[TaggedSpan],
    rules: bool,
) -> Vec<Found> {
    let mut cands: Vec<Found> = Vec::new();
    for (i, &(start, end)) in dates.iter().enumerate() {
        let w0 = words.partition_point(|w| w.end <= start);
        let w1 = words.partition_point(|w| w.start < end);
        cands.push(Found {
            w0,
            w1: w1.max(w0),
            start,
            end,
            kind: EntityType::Date,
            what: What::Date(i),
            prio: PRIO_DATE,
            link: None,
        });
    }
    // In English the tagger measures better than the name rules (eval:
    // CoNLL testa); capitalised runs and given-name rules are the rules'
    // weakest guesses, so the tagger replaces them there.
    let tagger_leads = !tagged.is_empty() && !lang_is_arabic(words);
    for i in (0..words.len()).filter(|_| rules) {
        curated_orgs(words, i, &mut cands);
        known_people(words, i, &mut cands);
        places(words, i, &mut cands);
        titled_person(words, i, &mut cands);
        pattern_org(words, i, &mut cands);
        if !tagger_leads {
            named_person(words, i, &mut cands);
        }
    }
    if rules && !tagger_leads {
        caps_runs(words, &mut cands);
    }
    cands.extend(learned_spans(words, tagged));
    // English: the tagger's spans are taken first (after dates and what
    // lists know well) and the rules fill the gaps; it measures better there
    // (eval, CoNLL testa). Arabic: the rules lead and the tagger fills gaps;
    // its errors on news unlike NewsFANE (splitting "جنوب ووسط آسيا",
    // people from "لـ خراسان") cost more than its recall gains.
    let mut accepted = merge(cands, tagger_leads);
    link_later_mentions(words, &mut accepted);
    accepted.sort_by_key(|f| (f.start, f.end));
    accepted
}

/// Spans from the learned sequence tagger (issue 9), as candidates with
/// [`PRIO_TAGGER`]: the merge keeps the longest span, so a tagger span that
/// covers more words than a rule's wins, and one that ties loses to lists,
/// the gazetteer and titles (measured: `cargo run --release --bin eval`).
/// A place the tagger finds is kept only when the gazetteer knows the name
/// (the map needs coordinates; an unknown name is more often a tagging slip
/// than a village missing from the gazetteer).
fn learned_spans(words: &[Word], tagged: &[TaggedSpan]) -> Vec<Found> {
    tagged
        .iter()
        .filter(|t| t.score >= TAGGER_MIN_SCORE)
        .filter_map(|t| {
            // words are sorted by token index: binary search, not a scan
            let mut w0 = words.partition_point(|w| w.tok < t.start_token);
            // a detached one-letter proclitic ("لـ خراسان") is not the name
            while words.get(w0).is_some_and(|w| w.arabic && w.key.chars().count() == 1) {
                w0 += 1;
            }
            let mut w1 = words.partition_point(|w| w.tok < t.end_token);
            // A name does not run on into a trigger, a time word or a
            // function word ("محمد بن سلمان اتصالا هاتفيا").
            if let Some(cut) = words.get(w0 + 1..w1).and_then(|ws| {
                ws.iter().position(|w| w.f.trigger || w.f.trigger_start || w.f.time || w.f.ar_stop || w.f.title)
            }) {
                w1 = w0 + 1 + cut;
            }
            if w1 <= w0 || w1 > words.len() || words[w0].f.ar_stop || words[w0].f.trigger {
                return None;
            }
            let key = key_of(words, w0, w1, &words[w0].key);
            let (what, pre) = match t.kind {
                EntityType::Person => (What::Person { key }, conjunction(&words[w0])),
                EntityType::Organization => (What::Org { curated: None, key }, conjunction(&words[w0])),
                EntityType::Place => {
                    let (cands, pre) = tagged_place(words, w0, w1)?;
                    let what =
                        What::Place { cands, key, dir: None, adj_country: None, settlement: false, weak: Weak::No };
                    (what, pre)
                }
                _ => return None,
            };
            let (start, end) = span(words, w0, w1, pre);
            Some(Found { w0, w1, start, end, kind: t.kind, what, prio: PRIO_TAGGER, link: None })
        })
        .collect()
}

/// Most words are Arabic.
fn lang_is_arabic(words: &[Word]) -> bool {
    words.iter().filter(|w| w.arabic).count() * 2 > words.len()
}

/// Code points of a conjunction written onto the first word of a name the
/// tagger found ("والاتحاد الأفريقي" → "الاتحاد الأفريقي"); it stays
/// outside the span. Only before the article: "وزارة" keeps its و.
fn conjunction(w: &Word) -> usize {
    let mut cs = w.text.chars();
    match (cs.next(), cs.next(), cs.next()) {
        (Some('و' | 'ف'), Some('ا' | 'أ' | 'إ'), Some('ل')) if w.text.chars().count() >= 5 => 1,
        _ => 0,
    }
}

/// Lowest tagger confidence kept (the lowest per-token probability of the
/// chosen tags over the span).
const TAGGER_MIN_SCORE: f32 = 0.5;

/// Gazetteer candidates for words `w0..w1` read as one place name, trying
/// the first word's readings (clitics stripped); with the code points of
/// the proclitics left outside the span.
fn tagged_place(words: &[Word], w0: usize, w1: usize) -> Option<(&'static [u32], usize)> {
    let first = words.get(w0)?;
    for r in first.readings.iter() {
        let key = key_of(words, w0, w1, &r.key);
        let cands = gazetteer::lookup(&key);
        if cands.is_empty() || gazetteer::is_common_word(&key) {
            continue;
        }
        // One Arabic word is often a verb or noun that is also a village's
        // name ("أجرى"): keep it only for a place of some size.
        let places = gazetteer::places();
        let sizeable = |&c: &u32| {
            places.get(c as usize).is_some_and(|p| p.kind != PlaceKind::City || p.population >= 100_000 || p.capital)
        };
        if w1 - w0 == 1 && first.arabic && !cands.iter().any(sizeable) {
            continue;
        }
        return Some((cands, r.pre));
    }
    None
}

/// Longer spans (in words, then code points) first, then priority, then
/// earlier; keep what does not overlap anything kept.
fn merge(mut cands: Vec<Found>, tagger_first: bool) -> Vec<Found> {
    // Dates first. When the tagger leads: then what lists and patterns know
    // well (curated bodies, compass phrases, titled people), then the
    // tagger, then the weaker rules. Otherwise the rules, then the tagger
    // in the gaps. Within a tier the longest span wins.
    let tier = |f: &Found| -> u8 {
        if f.kind == EntityType::Date {
            3
        } else if tagger_first && matches!(f.prio, PRIO_CURATED_ORG | PRIO_DIR_PLACE | PRIO_TITLE_PERSON) {
            2
        } else if tagger_first {
            u8::from(f.prio == PRIO_TAGGER)
        } else {
            u8::from(f.prio != PRIO_TAGGER)
        }
    };
    cands.sort_by(|a, b| {
        tier(b).cmp(&tier(a)).then_with(|| {
            let la = if a.kind == EntityType::Date { usize::MAX } else { a.w1 - a.w0 };
            let lb = if b.kind == EntityType::Date { usize::MAX } else { b.w1 - b.w0 };
            lb.cmp(&la)
                .then(b.prio.cmp(&a.prio))
                .then((b.end - b.start).cmp(&(a.end - a.start)))
                .then(a.start.cmp(&b.start))
        })
    });
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for c in cands {
        if c.end <= c.start {
            continue;
        }
        let pos = taken.partition_point(|&(_, e)| e <= c.start);
        if taken.get(pos).is_some_and(|&(s, _)| s < c.end) {
            continue;
        }
        taken.insert(pos, (c.start, c.end));
        out.push(c);
    }
    out
}

/// Span of words `i..j` using reading `r` of word `i` (its stripped
/// proclitics outside) and the last word's possessive outside.
fn span(words: &[Word], i: usize, j: usize, pre: usize) -> (usize, usize) {
    let last = &words[j - 1];
    let post =
        if j - 1 == i { 0 } else { last.readings.iter().find(|r| r.pre == 0 && r.post > 0).map_or(0, |r| r.post) };
    (words[i].start + pre, last.end - post)
}

fn key_of(words: &[Word], i: usize, j: usize, first: &str) -> String {
    let mut k = first.to_string();
    for w in &words[i + 1..j] {
        k.push(' ');
        k.push_str(&w.key);
    }
    k
}

/// A phrase match: (reading index, end word, hits).
type PhraseHit<'a, T> = (usize, usize, &'a [(String, T)]);

/// Longest phrase of `index` at word `i`: (reading index, end word, hits).
fn longest_at<'a, T>(index: &'a lexicon::PhraseIndex<T>, words: &[Word], i: usize) -> Option<PhraseHit<'a, T>> {
    let mut best: Option<PhraseHit<'a, T>> = None;
    for (ri, r) in words[i].readings.iter().enumerate() {
        if !index.may_start(&r.key) {
            continue;
        }
        let mut key = r.key.clone();
        let mut j = i + 1;
        loop {
            let hits = index.get(&key);
            if !hits.is_empty() && best.as_ref().is_none_or(|b| j > b.1) {
                best = Some((ri, j, hits));
            }
            if j >= words.len() || words[j].brk || j - i >= index.max_words || !index.has_longer(&key) {
                break;
            }
            key.push(' ');
            key.push_str(&words[j].key);
            j += 1;
        }
    }
    best
}

fn curated_orgs(words: &[Word], i: usize, out: &mut Vec<Found>) {
    let w = &words[i];
    if !w.f.org_start {
        return;
    }
    if !w.arabic && !w.cap && !w.key.starts_with("al") {
        return;
    }
    let Some((ri, j, hits)) = longest_at(lexicon::orgs(), words, i) else { return };
    let Some((key, org)) = hits.first() else { return };
    if org.case_sensitive && !words[i..j].iter().all(|w| w.upper || w.text.len() == 1) {
        return;
    }
    if !w.arabic && !org.case_sensitive && !w.cap {
        // "al-Qaeda" may be written in lowercase, the rest must be capitalised
        if !words[i..j].iter().any(|w| w.cap) {
            return;
        }
    }
    let pre = w.readings[ri].pre;
    let (start, end) = span(words, i, j, pre);
    out.push(Found {
        w0: i,
        w1: j,
        start,
        end,
        kind: EntityType::Organization,
        what: What::Org { curated: Some(*org), key: key.clone() },
        prio: PRIO_CURATED_ORG,
        link: None,
    });
}

/// A well-known figure by any listed variant ("بوتين", "Vladimir Putin").
fn known_people(words: &[Word], i: usize, out: &mut Vec<Found>) {
    let w = &words[i];
    if !w.f.people_start || (!w.arabic && !w.cap) {
        return;
    }
    let Some((ri, j, hits)) = longest_at(lexicon::people(), words, i) else { return };
    let Some((_, p)) = hits.first() else { return };
    if !w.arabic && !words[i..j].iter().all(|x| x.cap || x.f.connector) {
        return;
    }
    let (start, end) = span(words, i, j, w.readings[ri].pre);
    out.push(Found {
        w0: i,
        w1: j,
        start,
        end,
        kind: EntityType::Person,
        what: What::KnownPerson(*p),
        prio: PRIO_CURATED_ORG - 5,
        link: None,
    });
}

/// Longest gazetteer match at word `i`: (reading index, end word, key, candidates).
fn place_at(words: &[Word], i: usize) -> Option<(usize, usize, String, &'static [u32])> {
    let w = &words[i];
    if w.key.chars().count() < 2 || w.f.ar_stop || w.f.time {
        return None;
    }
    let english = !w.arabic;
    if english && !(w.cap || (w.key == "the" && words.get(i + 1).is_some_and(|n| n.cap && !n.brk))) {
        return None;
    }
    // "New York" may start a sentence; a lone "New" or "Police" may not
    let multi_only = english && w.sent_start && w.f.en_stop && w.key != "the";
    let max = gazetteer::max_name_tokens().clamp(1, 8);
    let mut run = 1;
    while run < max && i + run < words.len() && !words[i + run].brk {
        run += 1;
    }
    let mut best: Option<(usize, usize, String, &'static [u32])> = None;
    for (ri, r) in w.readings.iter().enumerate() {
        if w.arabic && r.key.chars().count() < 2 {
            continue;
        }
        let mut key = r.key.clone();
        let mut j = i + 1;
        loop {
            let (c, longer) = gazetteer::lookup_step(&key);
            let last = &words[j - 1];
            let cased = !english || last.cap || last.upper;
            if !c.is_empty() && cased && !(multi_only && j == i + 1) && best.as_ref().is_none_or(|b| j > b.1) {
                best = Some((ri, j, key.clone(), c));
            }
            if !longer || j >= i + run {
                break;
            }
            key.push(' ');
            key.push_str(&words[j].key);
            j += 1;
        }
    }
    best
}

fn places(words: &[Word], i: usize, out: &mut Vec<Found>) {
    if let Some((ri, j, key, cands)) = place_at(words, i) {
        // "the United States": the article stays outside when the name
        // stands without it (but "The Hague" keeps it)
        if words[i].key == "the" && place_at(words, i + 1).is_some_and(|m| m.1 == j) {
            return directional(words, i, out);
        }
        let pre = words[i].readings[ri].pre;
        let (start, end) = span(words, i, j, pre);
        out.push(Found {
            w0: i,
            w1: j,
            start,
            end,
            kind: EntityType::Place,
            what: What::Place {
                weak: weakness(words, i, j, &key),
                cands,
                key,
                dir: None,
                adj_country: adjective_after(words, j),
                settlement: settlement_before(words, i),
            },
            prio: PRIO_PLACE,
            link: None,
        });
    }
    directional(words, i, out);
}

fn weakness(words: &[Word], i: usize, j: usize, key: &str) -> Weak {
    let w = &words[i];
    // an indefinite noun followed by a nisba-shaped word is a noun and its
    // adjective ("دعم مالي"), not a place
    let adjective = w.arabic
        && j == i + 1
        && !key.starts_with("ال")
        && key.ends_with('ي')
        && i > 0
        && !w.brk
        && words[i - 1].arabic
        && !words[i - 1].f.ar_stop
        && !definite(&words[i - 1])
        && !words[i - 1].f.title
        && !words[i - 1].f.trigger
        && !verb_like(&words[i - 1])
        && !adjective_blockers().contains(&words[i - 1].key);
    if adjective {
        return Weak::Adjective;
    }
    // a capital letter vouches for an English name, except at the start
    // of a sentence ("Reading the report, ...")
    if (w.arabic || !w.cap || (w.sent_start && j == i + 1)) && gazetteer::is_common_word(key) {
        return Weak::Common;
    }
    if !w.arabic || j != i + 1 {
        return Weak::No;
    }
    if key.starts_with("ال") {
        let locative = i > 0 && !w.brk && ar_locatives().contains(&words[i - 1].key);
        return if locative { Weak::DefiniteLocative } else { Weak::Definite };
    }
    // an indefinite noun governing a definite one ("مشهد التهديد") is a
    // construct phrase, not a name
    let governs = words.get(j).is_some_and(|n| {
        !n.brk && n.arabic && definite(n) && n.f.demonym.is_none() && !n.f.org_adj && !nisba(n) && !n.f.time
    });
    if governs {
        Weak::Common
    } else {
        Weak::Indefinite
    }
}

/// The country an adjective right after a name points to ("الهولندية").
fn adjective_after(words: &[Word], j: usize) -> Option<&'static str> {
    let w = words.get(j)?;
    if w.brk {
        return None;
    }
    w.readings.iter().find_map(|r| gazetteer::demonym(&r.key))
}

fn settlement_before(words: &[Word], i: usize) -> bool {
    if i == 0 || words[i].brk {
        return false;
    }
    let p = &words[i - 1];
    p.readings.iter().any(|r| settlement_words().contains(&r.key))
        || (p.key == "of" && i >= 2 && en_settlement_of().contains(&words[i - 2].key))
}

/// Compass word(s) at `i`: (reading used, words consumed, direction).
fn direction_at(words: &[Word], i: usize) -> Option<(usize, usize, Direction)> {
    let w = &words[i];
    let (ri, d) = w.readings.iter().enumerate().find_map(|(ri, r)| direction(&r.key).map(|d| (ri, d)))?;
    // a second component: "شمال شرقي", "north-east", "south west"
    if d.1 == 0 && d.0 != 0 {
        if let Some(n) = words.get(i + 1).filter(|n| !n.brk) {
            if let Some(e) = direction(&n.key).filter(|e| e.0 == 0 && e.1 != 0) {
                return Some((ri, 2, (d.0, e.1)));
            }
        }
    }
    Some((ri, 1, d))
}

fn directional(words: &[Word], i: usize, out: &mut Vec<Found>) {
    let Some((ri, n, d)) = direction_at(words, i) else { return };
    let w = &words[i];
    // English compass words open a phrase when written lowercase or as an
    // adjective ("northern Iraq", "Northern Iraq"); "South Wales" and
    // "New South Wales" are names, left to the gazetteer
    if !w.arabic {
        let adjective = w.key.ends_with("ern");
        let inside_name = i > 0 && !w.brk && (words[i - 1].cap || words[i - 1].upper);
        if inside_name || (w.cap && !adjective && !w.sent_start) {
            return;
        }
    }
    let k = i + n;
    if k >= words.len() || words[k].brk {
        return;
    }
    // "جنوب ووسط آسيا", "South and Central Asia": the first compass word
    // names its own region of the same place.
    let coord = if words[k].arabic {
        words[k].readings.iter().any(|r| r.pre == 1 && words[k].key.starts_with('و') && direction(&r.key).is_some())
    } else {
        words[k].key == "and" && words.get(k + 1).is_some_and(|x| !x.brk && direction(&x.key).is_some())
    };
    if coord && n == 1 {
        let second = if words[k].arabic { k } else { k + 1 };
        let Some((_, sn, _)) = direction_at(words, second) else { return };
        let rest = second + sn;
        if rest >= words.len() || words[rest].brk {
            return;
        }
        if let Some((rri, j, key, cands)) = place_at(words, rest) {
            let rest_key = key_of(words, rest, j, &words[rest].readings[rri].key);
            let own = format!("{} {}", w.readings[ri].key, rest_key);
            let own_c = gazetteer::lookup(&own);
            let (start, end) = span(words, i, i + 1, w.readings[ri].pre);
            let what = if own_c.is_empty() {
                What::Place {
                    cands,
                    key,
                    dir: Some(direction(&w.readings[ri].key).unwrap_or((0, 0))),
                    adj_country: None,
                    settlement: false,
                    weak: Weak::No,
                }
            } else {
                What::Place { cands: own_c, key: own, dir: None, adj_country: None, settlement: false, weak: Weak::No }
            };
            out.push(Found {
                w0: i,
                w1: i + 1,
                start,
                end,
                kind: EntityType::Place,
                what,
                prio: PRIO_DIR_PLACE,
                link: None,
            });
        }
        return;
    }
    // English: "northern Iraq", "north of Baghdad" is not a name
    if let Some((pri, j, key, cands)) = place_at(words, k) {
        let _ = pri;
        let (start, end) = span(words, i, j, w.readings[ri].pre);
        out.push(Found {
            w0: i,
            w1: j,
            start,
            end,
            kind: EntityType::Place,
            what: What::Place {
                cands,
                key,
                dir: Some(d),
                adj_country: adjective_after(words, j),
                settlement: false,
                weak: Weak::No,
            },
            prio: PRIO_DIR_PLACE,
            link: None,
        });
    }
}

fn is_title_word(w: &Word) -> bool {
    w.f.title
}

fn is_trigger_word(w: &Word) -> bool {
    w.f.trigger
}

fn is_demonym(w: &Word) -> bool {
    w.f.demonym.is_some()
}

const F_AR_STOP: u32 = 1;
const F_EN_STOP: u32 = 1 << 1;
const F_TIME: u32 = 1 << 2;
const F_TITLE: u32 = 1 << 3;
const F_TITLE_START: u32 = 1 << 4;
const F_TRIGGER: u32 = 1 << 5;
const F_ORG_START: u32 = 1 << 6;
const F_ORG_HEAD: u32 = 1 << 7;
const F_ORG_ADJ: u32 = 1 << 8;
const F_PARTICLE: u32 = 1 << 9;
const F_CONNECTOR: u32 = 1 << 10;
const F_EN_ORG_HEAD: u32 = 1 << 11;
const F_GIVEN: u32 = 1 << 12;
const F_GIVEN_AMB: u32 = 1 << 13;
const F_TRIGGER_START: u32 = 1 << 14;
const F_PEOPLE_START: u32 = 1 << 15;

/// Every word list in one sorted table of flags, so that a word costs one
/// binary search per reading.
fn word_flags() -> &'static [(String, u32)] {
    static T: OnceLock<Vec<(String, u32)>> = OnceLock::new();
    T.get_or_init(|| {
        let mut v: Vec<(String, u32)> = Vec::new();
        let mut add = |it: &mut dyn Iterator<Item = String>, flag: u32| v.extend(it.map(|k| (k, flag)));
        add(&mut ar_stop().words().iter().cloned(), F_AR_STOP);
        add(&mut en_stop().words().iter().cloned(), F_EN_STOP);
        add(&mut time_words().words().iter().cloned(), F_TIME);
        add(&mut lexicon::titles().keys().map(str::to_string), F_TITLE);
        add(&mut lexicon::titles().first_words().iter().cloned(), F_TITLE_START);
        add(&mut lexicon::triggers().keys().map(str::to_string), F_TRIGGER);
        add(&mut lexicon::triggers().first_words().iter().cloned(), F_TRIGGER_START);
        add(&mut lexicon::orgs().first_words().iter().cloned(), F_ORG_START);
        add(&mut lexicon::people().first_words().iter().cloned(), F_PEOPLE_START);
        add(&mut ar_org_heads().words().iter().cloned(), F_ORG_HEAD);
        add(&mut org_adjectives().words().iter().cloned(), F_ORG_ADJ);
        add(&mut ar_particles().words().iter().cloned(), F_PARTICLE);
        add(&mut en_connectors().words().iter().cloned(), F_CONNECTOR);
        add(&mut en_org_heads().words().iter().cloned(), F_EN_ORG_HEAD);
        for k in lexicon::given_names().keys() {
            let amb = lexicon::is_given_name(k).is_some_and(|g| g.ambiguous);
            v.push((k.to_string(), F_GIVEN | if amb { F_GIVEN_AMB } else { 0 }));
        }
        v.sort();
        let mut merged: Vec<(String, u32)> = Vec::with_capacity(v.len());
        for (k, f) in v {
            match merged.last_mut() {
                Some(last) if last.0 == k => last.1 |= f,
                _ => merged.push((k, f)),
            }
        }
        merged
    })
}

fn flags(key: &str) -> u32 {
    let t = word_flags();
    t.binary_search_by(|(k, _)| k.as_str().cmp(key)).map_or(0, |i| t[i].1)
}

/// Fills each word's [`Feat`] from the word lists, once.
pub fn annotate(words: &mut [Word]) {
    let mut cache: std::collections::HashMap<String, Feat> = std::collections::HashMap::new();
    for w in words.iter_mut() {
        if let Some(f) = cache.get(&w.text) {
            w.f = f.clone();
            continue;
        }
        let mut f = Feat::default();
        let all: Vec<u32> = w.readings.iter().map(|r| flags(&r.key)).collect();
        let own = all.first().copied().unwrap_or(0);
        let any = all.iter().fold(0, |a, b| a | b);
        if w.arabic {
            f.ar_stop = own & F_AR_STOP != 0;
            f.org_head = own & F_ORG_HEAD != 0;
            f.org_head_reading = all.iter().position(|x| x & F_ORG_HEAD != 0);
            f.org_adj = any & F_ORG_ADJ != 0;
        } else {
            f.en_stop = own & F_EN_STOP != 0;
            f.connector = own & F_CONNECTOR != 0;
            f.en_org_head = own & F_EN_ORG_HEAD != 0;
        }
        f.particle = own & F_PARTICLE != 0;
        f.time = own & F_TIME != 0;
        f.title = any & F_TITLE != 0;
        f.title_start = any & (F_TITLE | F_TITLE_START) != 0;
        f.trigger = any & F_TRIGGER != 0;
        f.trigger_start = any & (F_TRIGGER | F_TRIGGER_START) != 0;
        f.org_start = any & F_ORG_START != 0;
        f.people_start = any & F_PEOPLE_START != 0;
        f.demonym = w.readings.iter().find_map(|r| gazetteer::demonym(&r.key));
        f.given = (own & F_GIVEN != 0).then_some(lexicon::GivenName { ambiguous: own & F_GIVEN_AMB != 0 });
        cache.insert(w.text.clone(), f.clone());
        w.f = f;
    }
}

fn definite(w: &Word) -> bool {
    w.key.starts_with("ال") || w.key.starts_with("لل") || w.key.starts_with("بال")
}

/// Adjectives that make a definite head an organisation name
/// ("الجيش الوطني", "المجلس الأعلى"), besides nationalities.
fn org_adjectives() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    list(&S, &["org_adjective"])
}

fn nisba(w: &Word) -> bool {
    definite(w) && (w.key.ends_with('ي') || w.key.ends_with("يه"))
}

/// Arabic present-tense verb look ("يلتقي", "تعقد"): ends a bare name.
fn verb_like(w: &Word) -> bool {
    w.arabic && w.key.chars().count() >= 4 && w.key.starts_with(['ي', 'ت']) && w.f.given.is_none()
}

/// Verbs that report speech or action and often come right before a
/// name ("وقال فوزي صلوخ وزير الخارجية").
fn reporting_verbs() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    list(&S, &["reporting_verb"])
}

/// "فوزي صلوخ وزير الخارجية": a name right before a title, after a
/// sentence start, a function word or a reporting verb.
fn name_before_title(words: &[Word], t: usize, out: &mut Vec<Found>) {
    if t == 0 || words[t].brk || !words[t].arabic {
        return;
    }
    let mut s = t;
    while s > 0 && t - s < 3 && !words[s].brk {
        let p = &words[s - 1];
        let family_last = s == t && definite(p) && !is_demonym(p);
        let nameish = p.arabic
            && !p.f.ar_stop
            && !p.f.time
            && !p.f.title
            && !p.f.trigger
            && !p.f.org_head
            && !is_demonym(p)
            && !verb_like(p)
            && (!definite(p) || family_last)
            && !reporting_verbs().contains(&p.key)
            && !p.readings.iter().any(|r| reporting_verbs().contains(&r.key));
        if !nameish {
            break;
        }
        s -= 1;
    }
    if s == t {
        return;
    }
    let opens = words[s].brk || words[s - 1].readings.iter().any(|r| reporting_verbs().contains(&r.key));
    // the title must itself be specific: an office with its portfolio
    // ("وزير الخارجية", "رئيس الوزراء"), not a bare "الملك" or "الفريق"
    let office = !definite(&words[t]) && words.get(t + 1).is_some_and(|n| !n.brk && definite(n));
    let n = t - s;
    if opens && office && n >= 2 && !definite(&words[s]) {
        person(words, s, t, PRIO_NAME_PERSON, out);
    }
}

fn given(w: &Word) -> Option<lexicon::GivenName> {
    w.f.given
}

/// Where an Arabic name starting at `k` ends, if one starts there.
fn ar_name_end(words: &[Word], k: usize, limit: usize) -> Option<usize> {
    let first = words.get(k)?;
    if !first.arabic
        || definite(first)
        || first.f.ar_stop
        || first.f.time
        || is_title_word(first)
        || is_trigger_word(first)
        || first.f.org_head
        || is_demonym(first)
        || first.key.chars().count() < 2
    {
        return None;
    }
    let first_given = given(first).is_some();
    let mut particle = first.f.particle;
    let mut end = k + 1;
    while end < words.len() && end < k + limit && !words[end].brk {
        let w = &words[end];
        // "محمد علي": a given name inside a name, even one that is also a word
        if given(w).is_some_and(|g| !g.ambiguous || !w.text.ends_with('ى'))
            && (first_given || end == k + 1)
            && !w.f.time
            && !is_title_word(w)
            && !w.text.ends_with('ى')
        {
            end += 1;
            particle = false;
            continue;
        }
        if !w.arabic || w.f.ar_stop || w.f.time || is_title_word(w) || is_trigger_word(w) || w.f.org_head {
            break;
        }
        if particle || w.f.particle {
            particle = w.f.particle;
            end += 1;
            continue;
        }
        // "عبد الله", "نصر الله"
        if w.key == "الله" {
            end += 1;
            continue;
        }
        if definite(w) {
            // a family name: a nisba ("الصفدي"), or any definite word right
            // after a known given name ("بشار الأسد")
            let family = !is_demonym(w)
                && !w.f.org_adj
                && (nisba(w)
                    || (first_given
                        && end == k + 1
                        && w.readings.iter().all(|r| gazetteer::lookup(&r.key).is_empty())));
            if family {
                end += 1;
            }
            break;
        }
        if given(w).is_some() || (!verb_like(w) && end == k + 1) {
            end += 1;
            continue;
        }
        break;
    }
    while end > k + 1 && words[end - 1].f.particle {
        end -= 1;
    }
    Some(end)
}

/// Where an English name starting at `k` ends (capitalised words and
/// connectors such as "al-", "de").
fn en_name_end(words: &[Word], k: usize, limit: usize) -> Option<usize> {
    let first = words.get(k)?;
    if first.arabic || !first.cap || first.f.en_stop || is_title_word(first) {
        return None;
    }
    let mut end = k + 1;
    while end < words.len() && end < k + limit && !words[end].brk {
        let w = &words[end];
        let name_word = w.cap && !w.f.en_stop && !w.f.time;
        let connector = w.f.connector
            && !en_connectors_outer().contains(&w.key)
            && words.get(end + 1).is_some_and(|n| n.cap && !n.brk);
        if !(name_word || connector) {
            break;
        }
        end += 1;
    }
    Some(end)
}

fn person(words: &[Word], k: usize, end: usize, prio: u8, out: &mut Vec<Found>) {
    if end <= k {
        return;
    }
    let (start, e) = span(words, k, end, 0);
    let key = key_of(words, k, end, &words[k].key);
    out.push(Found {
        w0: k,
        w1: end,
        start,
        end: e,
        kind: EntityType::Person,
        what: What::Person { key },
        prio,
        link: None,
    });
}

/// "المدير السياسي الهولندي، مارسيل دي فينك"; "Foreign Minister Ayman Safadi".
fn titled_person(words: &[Word], i: usize, out: &mut Vec<Found>) {
    let w = &words[i];
    if !w.f.title_start {
        return;
    }
    if !w.arabic && !w.cap && lexicon::titles().get(&w.key).is_empty() && !lexicon::titles().has_longer(&w.key) {
        return;
    }
    let Some((_, j, _)) = longest_at(lexicon::titles(), words, i) else { return };
    if w.arabic {
        name_before_title(words, i, out);
        // modifiers: nationality, definite adjectives and complements, "للتحالف"
        let mut k = j;
        while k < words.len() && k < j + 5 && !words[k].brk {
            let m = &words[k];
            // "المبعوث الأممي إلى اليمن": a destination is part of the role
            if ar_destinations().contains(&m.key) && words.get(k + 1).is_some_and(|n| !n.brk) {
                k += 2;
                continue;
            }
            if !m.arabic || m.f.ar_stop || m.f.time {
                break;
            }
            let construct = m.key.ends_with('ه') && words.get(k + 1).is_some_and(|n| !n.brk && definite(n));
            if definite(m) || is_demonym(m) || construct {
                k += 1;
            } else {
                break;
            }
        }
        if k >= words.len() {
            return;
        }
        if words[k].brk {
            if words[k].comma_before && words[k].sent == words[j.min(words.len() - 1)].sent {
                // appositive: the name runs to the next punctuation
                let mut e = k + 1;
                while e < words.len() && !words[e].brk && e < k + 5 {
                    e += 1;
                }
                let ok = e - k <= 4
                    && (e >= words.len() || words[e].brk)
                    && words[k..e].iter().all(|x| x.arabic && !x.f.ar_stop && !is_trigger_word(x) && !x.f.org_head)
                    && !definite(&words[k]);
                if ok {
                    person(words, k, e, PRIO_TITLE_PERSON, out);
                }
            }
            return;
        }
        if let Some(e) = ar_name_end(words, k, 6) {
            person(words, k, e, PRIO_TITLE_PERSON, out);
        }
    } else {
        let mut k = j;
        // "Secretary of State Antony Blinken", "President-elect Joe Biden"
        while k < words.len() && !words[k].brk && (is_demonym(&words[k]) || words[k].key == "elect") && k < j + 2 {
            k += 1;
        }
        if k < words.len() && !words[k].brk {
            if let Some(e) = en_name_end(words, k, 4) {
                person(words, k, e, PRIO_TITLE_PERSON, out);
            }
        }
    }
}

/// A given name and the name that follows it ("أيمن الصفدي", "John Kerry").
fn named_person(words: &[Word], i: usize, out: &mut Vec<Found>) {
    let w = &words[i];
    let Some(g) = given(w) else { return };
    if w.arabic {
        let Some(e) = ar_name_end(words, i, 6) else { return };
        if e - i < 2 {
            return;
        }
        if g.ambiguous && given(&words[i + 1]).is_none() && !words[i + 1].f.particle {
            return;
        }
        person(words, i, e, PRIO_NAME_PERSON, out);
    } else if w.cap {
        if let Some(e) = en_name_end(words, i, 4) {
            if e - i >= 2 {
                person(words, i, e, PRIO_NAME_PERSON, out);
            }
        }
    }
}

/// "وزارة الخارجية الأميركية", "الجيش السوري", "حركة حماس".
fn pattern_org(words: &[Word], i: usize, out: &mut Vec<Found>) {
    let w = &words[i];
    if !w.arabic {
        return;
    }
    let Some(r) = w.f.org_head_reading.and_then(|ri| w.readings.get(ri)) else { return };
    if w.f.org_start && longest_at(lexicon::orgs(), words, i).is_some() {
        return; // a curated name starts here
    }
    let head_definite = r.key.starts_with("ال") || definite(w);
    let org_adj = |m: &Word| m.f.org_adj || is_demonym(m);
    let mut k = i + 1;
    let mut named = false;
    while k < words.len() && k < i + 6 && !words[k].brk {
        let m = &words[k];
        if !m.arabic || m.f.ar_stop || m.f.time || is_trigger_word(m) || is_title_word(m) && k > i + 1 {
            break;
        }
        if head_definite {
            if org_adj(m) || (k > i + 1 && definite(m)) {
                k += 1;
                continue;
            }
            break;
        }
        if definite(m) {
            k += 1;
            continue;
        }
        if k == i + 1 && !named && ar_named_heads().contains(&r.key) && !verb_like(m) && m.key.chars().count() >= 2 {
            named = true;
            k += 1;
            continue;
        }
        break;
    }
    if k == i + 1 || (head_definite && !org_adj(&words[i + 1])) {
        return;
    }
    let (start, end) = span(words, i, k, r.pre);
    let key = key_of(words, i, k, &r.key);
    out.push(Found {
        w0: i,
        w1: k,
        start,
        end,
        kind: EntityType::Organization,
        what: What::Org { curated: None, key },
        prio: PRIO_PATTERN_ORG,
        link: None,
    });
}

/// English runs of capitalised words, classified by their words: an
/// organisation head, a title or given name before a person, else a
/// person when two words or more.
fn caps_runs(words: &[Word], out: &mut Vec<Found>) {
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        if w.arabic || !(w.cap || w.upper) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len() && !words[j].brk {
            let n = &words[j];
            let name_word = (n.cap || n.upper) && !n.f.time;
            // "the" only inside a name after "of" ("Bank of the West")
            let connector = n.f.connector
                && (n.key != "the" || words[j - 1].key == "of")
                && words.get(j + 1).is_some_and(|x| x.cap && !x.brk);
            if !(name_word || connector) {
                break;
            }
            j += 1;
        }
        classify_run(words, i, j, out);
        i = j;
    }
}

fn classify_run(words: &[Word], mut i: usize, j: usize, out: &mut Vec<Found>) {
    let mut titled = false;
    while i < j {
        let w = &words[i];
        if let Some((_, e, _)) = longest_at(lexicon::titles(), words, i).filter(|t| t.1 <= j) {
            titled = true;
            i = e;
        } else if w.f.en_stop || w.f.time || w.f.connector || is_demonym(w) {
            i += 1;
        } else {
            break;
        }
    }
    // trailing connectors never end a name
    let mut j = j;
    while j > i && words[j - 1].f.connector {
        j -= 1;
    }
    if i >= j {
        return;
    }
    let n = j - i;
    let has_head = words[i..j].iter().any(|w| w.f.en_org_head);
    // events and titles of works are not people ("World Cup", "PGA Tour")
    if words[i..j].iter().any(|w| en_event_words().contains(&w.key)) && !has_head {
        return;
    }
    let (start, end) = span(words, i, j, 0);
    let key = key_of(words, i, j, &words[i].key);
    let sent_start_single = n == 1 && words[i].sent_start;
    let acronym = n == 1 && words[i].upper && words[i].key.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let (kind, what) = if (has_head && n >= 2) || acronym {
        (EntityType::Organization, What::Org { curated: None, key })
    } else if titled || (n >= 2 && !has_head) || (given(&words[i]).is_some() && !sent_start_single) {
        (EntityType::Person, What::Person { key })
    } else {
        return;
    };
    out.push(Found { w0: i, w1: j, start, end, kind, what, prio: PRIO_CAPS, link: None });
}

/// Later mentions: a person's surname alone, an organisation's head noun
/// ("التحالف" after "التحالف الدولي", "the Coalition").
fn link_later_mentions(words: &[Word], accepted: &mut Vec<Found>) {
    let mut covered = vec![false; words.len()];
    for f in accepted.iter() {
        for c in covered.iter_mut().take(f.w1.min(words.len())).skip(f.w0) {
            *c = true;
        }
    }
    // (key, accepted index, first word where it may be used)
    let mut keys: Vec<(String, usize, usize, EntityType)> = Vec::new();
    for (idx, f) in accepted.iter().enumerate() {
        if f.w1 > words.len() || f.w1 <= f.w0 {
            continue;
        }
        match &f.what {
            What::Person { .. } | What::KnownPerson(_) if f.w1 - f.w0 >= 2 => {
                let last = &words[f.w1 - 1];
                if last.key.chars().count() >= 3 && !last.f.particle {
                    keys.push((last.key.clone(), idx, f.w1, EntityType::Person));
                    if last.arabic && last.key.starts_with("ال") {
                        // "الصفدي" may come with a clitic: readings handle it
                    }
                }
            }
            // only well-known bodies: a bare "الحكومة" or "the party" is
            // too vague to pin on a pattern match
            What::Org { curated: Some(_), .. } if f.w1 - f.w0 >= 2 => {
                let first = &words[f.w0];
                if first.arabic {
                    let head = first.readings.iter().map(|r| r.key.as_str()).find(|k| ar_org_heads().contains(k));
                    let head = head.map(str::to_string).or_else(|| {
                        // "التحالف الدولي": the head is the first word itself
                        first
                            .readings
                            .iter()
                            .map(|r| r.key.clone())
                            .find(|k| k.starts_with("ال") && k.chars().count() > 4)
                    });
                    if let Some(h) = head {
                        let h = if h.starts_with("ال") { h } else { format!("ال{h}") };
                        keys.push((h, idx, f.w1, EntityType::Organization));
                    }
                } else {
                    let last = &words[f.w1 - 1];
                    if last.f.en_org_head {
                        keys.push((last.key.clone(), idx, f.w1, EntityType::Organization));
                    }
                }
            }
            _ => {}
        }
    }
    if keys.is_empty() {
        return;
    }
    keys.sort_by(|a, b| a.0.cmp(&b.0));
    // a head shared by two bodies ("الاتحاد" of Europe and of Africa) names neither
    let org_id = |idx: usize| match &accepted[idx].what {
        What::Org { curated: Some(o), .. } => Some(o.id),
        _ => None,
    };
    let ambiguous: Vec<String> = keys
        .windows(2)
        .filter(|w| w[0].0 == w[1].0 && w[0].3 == EntityType::Organization && org_id(w[0].1) != org_id(w[1].1))
        .map(|w| w[0].0.clone())
        .collect();
    keys.retain(|k| !ambiguous.contains(&k.0));
    let mut extra = Vec::new();
    for (wi, w) in words.iter().enumerate() {
        if covered[wi] {
            continue;
        }
        if !w.arabic && !w.cap {
            continue;
        }
        for (ri, r) in w.readings.iter().enumerate() {
            // the latest earlier mention with this key
            let lo = keys.partition_point(|k| k.0 < r.key);
            let hi = lo + keys[lo..].partition_point(|k| k.0 == r.key);
            let hit = keys[lo..hi]
                .iter()
                .filter(|(_, _, from, _)| *from <= wi)
                .max_by_key(|(_, idx, _, _)| accepted[*idx].start);
            if let Some((_, idx, _, kind)) = hit {
                let (start, end) = span(words, wi, wi + 1, w.readings[ri].pre);
                let end = end - if w.arabic { 0 } else { r.post };
                let what = accepted[*idx].what.clone();
                let link = Some((accepted[*idx].start, accepted[*idx].end));
                extra.push(Found { w0: wi, w1: wi + 1, start, end, kind: *kind, what, prio: 0, link });
                break;
            }
        }
    }
    accepted.extend(extra);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{sentences, tokenize};

    fn run(t: &str, lang: &str) -> Vec<(String, EntityType)> {
        let ws = words(&tokenize(t), &sentences(t));
        let chars: Vec<char> = t.chars().collect();
        recognise(&ws, lang, &[], &[], true)
            .into_iter()
            .map(|f| (chars[f.start..f.end].iter().collect(), f.kind))
            .collect()
    }

    #[test]
    fn titled_people_in_arabic() {
        let m = run(
            "حيث قام المدير السياسي الهولندي، مارسيل دي فينك، ونائب المبعوث الأميركي الخاص للتحالف، إيان ماكاري، بـ",
            "ar",
        );
        assert!(m.contains(&("مارسيل دي فينك".into(), EntityType::Person)), "{m:?}");
        assert!(m.contains(&("إيان ماكاري".into(), EntityType::Person)), "{m:?}");
    }

    #[test]
    fn curated_orgs_and_clitics() {
        let m = run("لمكافحة داعش ولداعش وتنظيم الدولة", "ar");
        assert!(m.contains(&("داعش".into(), EntityType::Organization)), "{m:?}");
        assert!(m.contains(&("تنظيم الدولة".into(), EntityType::Organization)), "{m:?}");
        assert_eq!(m.iter().filter(|x| x.1 == EntityType::Organization).count(), 3, "{m:?}");
    }

    #[test]
    fn english_people_and_orgs() {
        let m = run("Foreign Minister Ayman Safadi met the Ministry of Interior and NATO. Safadi said.", "en");
        assert!(m.contains(&("Ayman Safadi".into(), EntityType::Person)), "{m:?}");
        assert!(m.contains(&("Ministry of Interior".into(), EntityType::Organization)), "{m:?}");
        assert!(m.contains(&("NATO".into(), EntityType::Organization)), "{m:?}");
        assert!(m.contains(&("Safadi".into(), EntityType::Person)), "{m:?}");
    }
}
