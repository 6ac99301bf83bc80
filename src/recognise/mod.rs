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
//! - the learned tagger (`crate::tagger`), merged by the measured policy
//!   of `merge::policy`: it leads and the lists and rules fill the gaps
//!   (in Arabic without the organisation patterns).
//!
//! Candidates are merged greedily, longer first, then by source priority,
//! so the result never overlaps, but for the places named inside an
//! organisation's name, each nested in its span ([`Found::within`]). A second pass links later mentions: a
//! person's surname, an organisation's head noun ("التحالف", "the Coalition").
//!
//! Where each step lives: [`words`] (tokens and their readings), `lists`
//! (word lists and per-word facts), `lexicon` (curated tables), `places`,
//! `orgs` and `people` (the candidate sources), `merge` (source priorities
//! and the rules/tagger merge policy), `linking` (later mentions),
//! `demonyms` (nationality words linked to their country, after the merge),
//! `focus` (nouns standing for the story's country: "المملكة"),
//! `org_places` (places inside organisations' names, nested in them),
//! `org_extent` (Arabic organisations named with a nationality adjective:
//! "الحكومة المصرية", "وزارة الخارجية" + "التركية"), `royal_bodies`
//! (Arabic institutions named after a king or a sheikh: "جامعة الملك
//! سعود"),
//! `town_phrases` (English phrases that make a tagger's person a place:
//! "Jane Doe, 54, of Tyler", "Queen Anne's County", lists of towns),
//! `firms` (English firms the tagger read as people: "Goldman Sachs",
//! "Pirelli shares"), `org_edges` (where an English organisation's name
//! begins and ends: "Savings and Loan", "the NATO Washington summit").
//!
//! Spans: attached proclitics (و ف ب ل ك and the ل of لل) are outside the
//! highlighted span, the definite article stays inside when it is written
//! as part of the name ("بالعراق" highlights "العراق"); identity never
//! depends on them because every lookup uses the stripped readings.

mod abbreviations;
mod clubs;
mod consistency;
mod credits;
mod demonyms;
mod facilities;
mod firms;
mod focus;
mod headlines;
mod joined;
mod joined_places;
mod landforms;
mod learned;
pub mod lexicon;
mod linking;
mod lists;
mod merge;
mod org_edges;
mod org_extent;
mod org_places;
mod org_tails;
mod orgs;
mod people;
mod person_spans;
mod places;
mod royal_bodies;
mod sports;
mod town_phrases;
mod words;

pub use demonyms::countries_in;
pub use orgs::abbreviation_dots;
pub use people::one_person;
pub(crate) use words::{lookup_keys, may_start_name};
pub use words::{words, Feat, Word};

use crate::model::EntityType;
use crate::tagger::TaggedSpan;
use learned::learned_spans;
use linking::link_later_mentions;
use lists::feat_of;
pub(crate) use lists::{en_sentence_openers, en_stop};
use merge::{merge, misc_ranges, policy, PRIO_DATE};
use orgs::{curated_orgs, pattern_org};
use people::{caps_runs, known_people, named_person, titled_person};
use places::places;

/// A compass direction qualifying a place: (north +1 / south -1,
/// east +1 / west -1); (0, 0) is "central".
pub type Direction = (i8, i8);

/// A number or an ordinal day written in words ("عشر", "الخامس", "ten").
/// Not an initial: "A." reads as "a", a number word ("a week"), but opens
/// a name ("A. Kumble", "A. Harris").
fn number_word(w: &Word) -> bool {
    let tw = crate::time::words::w();
    !w.key.contains('.')
        && w.readings.iter().any(|r| tw.numbers.get(&r.key).is_some() || tw.ordinal_days.get(&r.key).is_some())
}

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
        /// The name is also a common word ([`crate::gazetteer::is_common_word`])
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
    /// An Arabic name right after a noun of place ("محافظة رفحاء", "منطقة
    /// أم الهيمان", `ar_place_noun`): the noun says it is a place as plainly
    /// as a capital letter does, so any candidate, and it fills a gap the
    /// tagger left though the place is not a notable one.
    Named,
    /// A whole hashtag ("#معان", "#الجفر"): a tweet tags the place it is
    /// about, so any candidate, as for a proper name, and it fills a gap
    /// the tagger left.
    Hashtag,
    /// A noun that names the story's own country without naming it
    /// ("المملكة"): only a candidate country the article names otherwise,
    /// else nothing ([`focus`]).
    Focus,
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
    /// A nationality word ("Russian", "السعودية" after a definite noun)
    /// linked to the country's place, not a place name ([`demonyms`]).
    pub demonym: bool,
    /// An Arabic organisation's bare head noun linked to it ("التحالف"
    /// after "التحالف الدولي"): a reference, not a name ([`linking`]).
    pub reference: bool,
    /// A place named inside an accepted organisation's name ("Kentucky" in
    /// "University of Kentucky"), nested in its span: a lighter reference
    /// linked to the place ([`org_places`]).
    pub within: bool,
    /// Code points at the start that qualify the name without being part
    /// of it: the compass words of "شمال العراق", "northern Iraq". The
    /// entity is the region the whole phrase names; the mention in the text
    /// is the name ("العراق", "Iraq"), as news NER corpora mark it.
    pub lead: usize,
}

impl Found {
    /// A mention over words `w0..w1` (`words`) and code points
    /// `start..end` (`span`), from a source of priority `prio`, not linked.
    pub fn new(words: (usize, usize), span: (usize, usize), kind: EntityType, what: What, prio: u8) -> Self {
        Found {
            w0: words.0,
            w1: words.1,
            start: span.0,
            end: span.1,
            kind,
            what,
            prio,
            link: None,
            demonym: false,
            reference: false,
            within: false,
            lead: 0,
        }
    }

    /// The same mention as a nationality word ([`demonyms`]).
    pub fn into_demonym(mut self) -> Self {
        self.demonym = true;
        self
    }

    /// The same mention as a place inside an organisation's name ([`org_places`]).
    pub fn into_within(mut self) -> Self {
        self.within = true;
        self
    }

    /// The same mention as a later reference to the earlier one at `span`.
    pub fn linked_to(mut self, span: (usize, usize)) -> Self {
        self.link = Some(span);
        self
    }
}

/// Whether the tagger's misc name at words `a..b` is a part of the longer
/// gazetteer place `c` ("Republic" in "the Republic of Congo", "English"
/// in "the English Channel"), or all of a place of several words
/// ("Sub-Saharan Africa", "قناة السويس"): then the place stands. A misc
/// word that is a one-word place's name stays misc.
fn within_longer(c: &Found, a: usize, b: usize) -> bool {
    c.w0 <= a && b <= c.w1 && (b - a < c.w1 - c.w0 || c.w1 - c.w0 > 1)
}

/// Everything the recogniser found, merged and linked, in text order.
pub fn recognise(
    words: &[Word],
    _lang: &str,
    dates: &[(usize, usize)],
    tagged: Option<&[TaggedSpan]>,
    rules: bool,
) -> Vec<Found> {
    let mut cands: Vec<Found> = Vec::new();
    for (i, &(start, end)) in dates.iter().enumerate() {
        let w0 = words.partition_point(|w| w.end <= start);
        let w1 = words.partition_point(|w| w.start < end);
        cands.push(Found::new((w0, w1.max(w0)), (start, end), EntityType::Date, What::Date(i), PRIO_DATE));
    }
    // The measured policy per language: see merge::policy.
    let pol = policy(words, tagged.is_some());
    let tagged = learned::based_places(words, tagged.unwrap_or_default());
    let tagged = &*tagged;
    let tagger_leads = pol.tagger_leads;
    // "Knott, Perry and Breathitt counties": only where a plural county word is
    let county_lists =
        rules && !pol.arabic && words.iter().any(|w| !w.cap && town_phrases::county_of_plural(&w.key).is_some());
    for i in (0..words.len()).filter(|_| rules) {
        if county_lists {
            town_phrases::county_list(words, i, &mut cands);
        }
        curated_orgs(words, i, &mut cands);
        orgs::place_company(words, i, &mut cands);
        known_people(words, i, &mut cands);
        places(words, i, &mut cands);
        if !pol.arabic {
            town_phrases::unknown_after_of(words, i, &mut cands);
        }
        titled_person(words, i, &mut cands);
        if pol.pattern_orgs {
            pattern_org(words, i, &mut cands);
        } else if pol.arabic {
            orgs::construct_org(words, i, &mut cands);
        }
        if !tagger_leads {
            named_person(words, i, &mut cands);
        }
    }
    if rules && !tagger_leads {
        caps_runs(words, &mut cands);
    }
    if tagger_leads {
        // the policy's gaps, and no place over the tagger's misc names
        let misc = misc_ranges(words, tagged, pol.min_score);
        cands.retain(|c| {
            (pol.fills(c) || people::titled_given_name(words, c))
                && !(pol.arabic && places::variant_minor(words, c, false))
                && (c.kind != EntityType::Place
                    || places::located_adjective(words, c.w1)
                    || !misc.iter().any(|&(a, b)| a < c.w1 && c.w0 < b && !within_longer(c, a, b)))
        });
    }
    cands.extend(learned_spans(words, tagged, pol.min_score));
    // a number or an ordinal starts no person's name ("اللواء الخامس عشر",
    // "the 15th brigade": a unit after a rank)
    cands.retain(|c| c.kind != EntityType::Person || !words.get(c.w0).is_some_and(number_word));
    let mut accepted = merge(cands, tagger_leads);
    accepted.retain(|f| {
        !people::is_currency(words, f)
            && match f.kind {
                EntityType::Place => !places::names_disease(words, f) && !people::is_disease(words, f),
                EntityType::Person => !people::is_disease(words, f) && !people::before_honorific(words, f),
                EntityType::Organization => !people::is_disease(words, f) && !org_edges::portfolio(words, f),
                _ => true,
            }
    });
    people::drop_storms(words, &mut accepted);
    trim_at_lone_quotes(words, &mut accepted);
    by_position(&mut accepted);
    merge::join_adjacent_people(words, &mut accepted);
    if !pol.arabic {
        person_spans::patronymic_names(words, &mut accepted);
        person_spans::hyphenated_given_names(words, &mut accepted);
    }
    people::family_names(words, &mut accepted);
    people::repeated_second_word(words, &mut accepted);
    if rules && pol.arabic {
        org_tails::mark(words, &mut accepted);
        org_extent::mark(words, &mut accepted);
        royal_bodies::mark(words, &mut accepted);
        clubs::mark(words, &mut accepted);
    }
    if !pol.arabic {
        person_spans::honorific_people(words, &mut accepted);
        if rules {
            firms::mark(words, &mut accepted);
            org_edges::mark(words, &mut accepted);
        }
        // after the firms: "Rally's stock" is the company Rally
        people::drop_common_people(words, &mut accepted);
        people::curated_owner_first(words, &mut accepted);
        if rules {
            org_edges::acronym_names(words, &mut accepted);
        }
    }
    consistency::one_kind_per_name(words, &mut accepted);
    link_later_mentions(words, &mut accepted, pol.link_org_heads);
    if rules {
        linking::company_short_names(words, &mut accepted);
        if pol.arabic {
            orgs::no_org_after_head(words, &mut accepted);
            orgs::no_described_org(words, &mut accepted);
            orgs::no_idiom_org(words, &mut accepted);
            orgs::no_verb_after_head(words, &mut accepted);
            orgs::bare_ministries(words, &mut accepted);
        }
        facilities::mark(words, &mut accepted);
        demonyms::mark(words, &mut accepted);
        if pol.arabic {
            // after the nationality words: "(الفرنسية)" is a credit, not France
            credits::mark(words, &mut accepted);
            credits::quoted_outlets(words, &mut accepted);
        }
        focus::mark(words, &mut accepted);
        org_places::mark(words, &mut accepted);
    }
    if rules && !pol.arabic {
        sports::mark(words, &mut accepted);
    }
    by_position(&mut accepted);
    accepted
}

/// Puts an organisation over words `a..b` (code points `at`, key `key`)
/// in place of every mention but a date that meets them: one copy for the
/// passes that read a run of words as a body whatever was read on it.
#[inline(never)]
fn put_org(accepted: &mut Vec<Found>, (a, b): (usize, usize), at: (usize, usize), key: String, prio: u8) {
    accepted.retain(|f| f.kind == EntityType::Date || f.w1 <= a || b <= f.w0);
    accepted.push(Found::new((a, b), at, EntityType::Organization, What::Org { curated: None, key }, prio));
}

/// Sorts mentions by position (start, then end), stably: one copy of the
/// sort for every pass that adds or moves a mention.
#[inline(never)]
fn by_position(found: &mut [Found]) {
    crate::sort::sort_by_key(found, |f| (f.start, f.end));
}

/// A name does not run across one quotation mark: a span with an odd
/// number of quotation marks between its words ends at the mark that closes
/// a quote opened before it ("Islamic State\" group" → Islamic State), or
/// starts after the mark that opens a quote closed after it (مجموعة
/// "التحالف الدولي" → التحالف الدولي). The tagger reads no punctuation and
/// drew such spans on the default article's title.
fn trim_at_lone_quotes(words: &[Word], found: &mut [Found]) {
    for f in found.iter_mut().filter(|f| f.kind != EntityType::Date && f.w1 > f.w0 + 1 && f.w1 <= words.len()) {
        let inside: Vec<usize> = (f.w0 + 1..f.w1).filter(|&j| words[j].quote_before).collect();
        let Some(&first) = inside.first() else { continue };
        if inside.len() % 2 == 0 {
            continue;
        }
        if words[f.w0].quote_before {
            // the first mark inside closes the one before the span
            f.w1 = first;
            f.end = words[first - 1].end;
        } else {
            // the last mark inside opens a quote that closes after the span
            let last = inside[inside.len() - 1];
            f.w0 = last;
            f.start = words[last].start;
        }
        if let (What::Org { curated: None, .. }, Some((what, pre))) =
            (&f.what, orgs::curated_exactly(words, f.w0, f.w1))
        {
            f.what = what;
            f.start = words[f.w0].start + pre;
        }
    }
}

/// Span of words `i..j` using reading `r` of word `i` (its stripped
/// proclitics outside) and the last word's possessive outside ("Qatar's
/// minister" marks "Qatar"; a one-word span read with a proclitic has none).
/// The reading of English word `w` without its possessive "'s" ("Bush's"
/// read "bush"), if it has one.
fn possessive_reading(w: &Word) -> Option<&words::Reading> {
    w.readings.iter().find(|r| r.pre == 0 && r.post > 0)
}

/// The key of `w` without a possessive "'s" ("Bush's": "bush").
fn bare_key(w: &Word) -> &str {
    possessive_reading(w).map_or(&w.key, |r| &r.key)
}

fn span(words: &[Word], i: usize, j: usize, pre: usize) -> (usize, usize) {
    let last = &words[j - 1];
    let post = if j - 1 == i && pre > 0 { 0 } else { possessive_reading(last).map_or(0, |r| r.post) };
    (words[i].start + pre, last.end - post)
}

/// The key of words `i..j` read as one name, the first word read as
/// `first`; a possessive on the last word is not part of the name ("Hong
/// Kong's hospital" names "hong kong", as [`span`] leaves the "'s" out).
fn key_of(words: &[Word], i: usize, j: usize, first: &str) -> String {
    let mut k = String::with_capacity(first.len() + words[i + 1..j].iter().map(|w| w.key.len() + 1).sum::<usize>());
    k.push_str(first);
    for (at, w) in words[i + 1..j].iter().enumerate() {
        k.push(' ');
        let last = i + 1 + at == j - 1;
        match possessive_reading(w).filter(|_| last) {
            Some(r) => k.push_str(&r.key),
            None => k.push_str(&w.key),
        }
    }
    k
}

/// A phrase match: (reading index, end word, hits).
type PhraseHit<'a, T> = (usize, usize, &'a [(String, T)]);

/// Longest phrase of `index` at word `i`: (reading index, end word, hits).
fn longest_at<'a, T>(index: &'a lexicon::PhraseIndex<T>, words: &[Word], i: usize) -> Option<PhraseHit<'a, T>> {
    let mut best: Option<PhraseHit<'a, T>> = None;
    // one buffer for every reading's phrases
    let mut key = String::new();
    for (ri, r) in words[i].readings.iter().enumerate() {
        if !index.may_start(&r.key) {
            continue;
        }
        key.clear();
        key.push_str(&r.key);
        let mut j = i + 1;
        loop {
            let hits = index.get(&key);
            if !hits.is_empty() && best.as_ref().is_none_or(|b| j > b.1) {
                best = Some((ri, j, hits));
            }
            if j >= words.len() || words[j].brk || j - i >= index.max_words || !index.has_longer(&key) {
                break;
            }
            // a possessive ends a phrase ("the European Union's chief"):
            // its reading without "'s" may close the name (span() leaves
            // the "'s" outside)
            if let Some(p) = possessive_reading(&words[j]) {
                let hits = index.get(&format!("{key} {}", p.key));
                if !hits.is_empty() && best.as_ref().is_none_or(|b| j + 1 > b.1) {
                    best = Some((ri, j + 1, hits));
                }
            }
            key.push(' ');
            key.push_str(&words[j].key);
            j += 1;
        }
    }
    best
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

fn definite(w: &Word) -> bool {
    w.key.starts_with("ال") || w.key.starts_with("لل") || w.key.starts_with("بال")
}

fn nisba(w: &Word) -> bool {
    definite(w) && (w.key.ends_with('ي') || w.key.ends_with("يه"))
}

/// Arabic present-tense verb look ("يلتقي", "تعقد"): ends a bare name.
fn verb_like(w: &Word) -> bool {
    w.arabic && w.key.chars().count() >= 4 && w.key.starts_with(['ي', 'ت']) && w.f.given.is_none()
}

fn given(w: &Word) -> Option<lexicon::GivenName> {
    w.f.given
}

/// The text and type of what one pass (`mark`) finds in `text` on its own:
/// the pass modules' tests.
#[cfg(test)]
fn marked_by(text: &str, mark: fn(&[Word], &mut Vec<Found>)) -> Vec<(String, EntityType)> {
    let ws = words(&crate::text::tokenize(text), &crate::text::sentences(text));
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    mark(&ws, &mut found);
    found.iter().map(|f| (chars[f.start..f.end].iter().collect(), f.kind)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{sentences, tokenize};

    fn run(t: &str, lang: &str) -> Vec<(String, EntityType)> {
        let ws = words(&tokenize(t), &sentences(t));
        let chars: Vec<char> = t.chars().collect();
        recognise(&ws, lang, &[], None, true)
            .into_iter()
            .map(|f| (chars[f.start..f.end].iter().collect(), f.kind))
            .collect()
    }

    #[test]
    fn names_do_not_run_across_one_quotation_mark() {
        let tag = |t: &str, from: &str, to: &str| {
            let toks = tokenize(t);
            let ws = words(&toks, &sentences(t));
            let at = |w: &str| toks.iter().position(|k| k.text == w).unwrap();
            let span =
                TaggedSpan { start_token: at(from), end_token: at(to) + 1, kind: EntityType::Organization, score: 0.9 };
            let chars: Vec<char> = t.chars().collect();
            recognise(&ws, "", &[], Some(&[span]), false)
                .into_iter()
                .map(|f| chars[f.start..f.end].iter().collect::<String>())
                .collect::<Vec<_>>()
        };
        assert_eq!(tag("مجموعة \"التحالف الدولي\" المصغرة", "مجموعة", "الدولي"), ["التحالف الدولي"]);
        assert_eq!(tag("the \"Islamic State\" group said", "Islamic", "group"), ["Islamic State"]);
        assert_eq!(tag("the «Islamic State» group said", "Islamic", "group"), ["Islamic State"]);
        // balanced marks inside stay
        assert_eq!(tag("Radio \"Voice\" America", "Radio", "America"), ["Radio \"Voice\" America"]);
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
    fn english_capitals_headlines_are_not_people() {
        for t in [
            "U.K. TAKES ROLE IN GULF TALKS",
            "U.S. ROLE IN BOSNIA QUESTIONED",
            "CRICKET - ENGLAND V PAKISTAN SCOREBOARD",
        ] {
            let m = run(t, "en");
            assert!(!m.iter().any(|x| x.1 == EntityType::Person), "{t}: {m:?}");
        }
        let m = run("LONDON 1996-08-30 (REUTER) - Britain said on Friday.", "en");
        assert!(!m.iter().any(|x| x.1 == EntityType::Person), "{m:?}");
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
