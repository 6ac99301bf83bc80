//! Places named inside organisations' names ("University of Kentucky",
//! "Laurel County Sheriff's Office", "U.S. Army", "شرطة دبي", "جامعة
//! القاهرة"). The organisation keeps its name; the place inside becomes a
//! lighter reference linked to the place, nested in the organisation's
//! mention ([`crate::model::MentionForm::Within`]), as a nationality word is
//! a lighter reference to its country ([`super::demonyms`]). It tells the
//! reader where a local story is: a sheriff's office, a city council, a
//! state's department.
//!
//! A place counts when the name's own words make it one: a country's name
//! anywhere in the name (its most likely gazetteer record a country, and
//! not also a common word unless in capitals: "Taco Bell Canada", "US
//! Army", "Bank of Japan"), or a place the gazetteer knows next to a head
//! of `data/curated/org_place_heads.tsv`: before the head ("Laurel County"
//! then "Sheriff's Office", "Ohio" then "State University"), after it
//! ("University of" then "Kentucky", "بلدية" then "دبي"), or first in a
//! name the head ends ("Orange County Sanitation District"). Heads that
//! also follow common words ("Home Office", "Justice Department") take only
//! a [`sizeable`] place; a curated body ("UN Security Council") takes no
//! head, and an acronym no town. Other names naming
//! places keep them unlinked: a paper ("The Washington Post", "New York
//! Times") tells where it is printed, not where the story is; a club ("Real
//! Madrid"), a bank named after a continent ("Bank of America") or a
//! university named after a person ("Duke University", "جامعة الملك سعود")
//! name no place of the story.
//!
//! The pass runs after the merge and the demonyms, on the accepted
//! organisations. An organisation that is a place's name and nothing else
//! ("Georgia" typed as an organisation) is left as it is.

use std::collections::HashMap;

use super::places::tagged_place;
use super::{span, Found, Weak, What, Word};
use crate::gazetteer;
use crate::hash::FnvBuild;
use crate::lists::{text, Late, List};
use crate::model::{EntityType, PlaceKind};
use crate::text::normalize_key;

/// A head: its normalised words, and whether only a sizeable place takes
/// it ([`sizeable`]).
type Head = (Vec<String>, bool);

/// The heads by the word that touches the place: the first word of a head
/// the place comes before, the last word of a head the place comes after.
struct Heads {
    before: HashMap<String, Vec<Head>, FnvBuild>,
    after: HashMap<String, Vec<Head>, FnvBuild>,
    /// One-word heads that end a name starting with the place.
    last: HashMap<String, bool, FnvBuild>,
    /// Rows that did not parse.
    #[cfg_attr(not(test), allow(dead_code))]
    skipped: usize,
}

fn heads() -> &'static Heads {
    // data/curated/org_place_heads.tsv, with the late word lists
    static H: Late<Heads> = Late::new();
    H.get(|| {
        let mut h =
            Heads { before: HashMap::default(), after: HashMap::default(), last: HashMap::default(), skipped: 0 };
        for r in crate::tsv::rows(text(List::OrgPlaceHeads)).skip(1) {
            let [_lang, side, head, place, _source] = r[..] else {
                h.skipped += 1;
                continue;
            };
            let big = match place {
                "any" => false,
                "sizeable" => true,
                _ => {
                    h.skipped += 1;
                    continue;
                }
            };
            let ws: Vec<String> = normalize_key(head).split(' ').map(str::to_string).collect();
            if let ("last", [w]) = (side, &ws[..]) {
                h.last.insert(w.clone(), big);
                continue;
            }
            let (map, at) = match side {
                "before" => (&mut h.before, ws.first()),
                "after" => (&mut h.after, ws.last()),
                _ => (&mut h.before, None),
            };
            match at.cloned() {
                Some(k) if !k.is_empty() => map.entry(k).or_default().push((ws, big)),
                _ => h.skipped += 1,
            }
        }
        h
    })
}

/// Whether word `w` reads as the normalised word `k` (as written, or with
/// a proclitic or a possessive stripped).
fn reads_as(w: &Word, k: &str) -> bool {
    w.key == k || w.readings.iter().any(|r| r.key == k)
}

/// Whether a listed head stands right after words `..j`, starting inside
/// the name (which ends at `end`; the head may run on past a name the
/// tagger cut short: "Santa Ana Unified School" + "District").
/// Whether the head needs a sizeable place, if one stands there.
fn head_after_place(words: &[Word], j: usize, end: usize) -> Option<bool> {
    let first = words.get(j).filter(|_| j < end)?;
    let h = heads();
    let keys = first.readings.iter().map(|r| r.key.as_str()).chain([first.key.as_str()]);
    keys.filter_map(|k| h.before.get(k)).flatten().find_map(|(ws, big)| {
        ws.iter()
            .enumerate()
            .all(|(n, x)| words.get(j + n).is_some_and(|w| reads_as(w, x) && (n == 0 || j + n < end || !w.brk)))
            .then_some(*big)
    })
}

/// Whether a listed head ends right before word `i`, from `start` on: if
/// so, whether it needs a sizeable place.
fn head_before_place(words: &[Word], i: usize, start: usize) -> Option<bool> {
    let last = i.checked_sub(1).filter(|&p| p >= start).and_then(|p| words.get(p))?;
    let h = heads();
    let keys = last.readings.iter().map(|r| r.key.as_str()).chain([last.key.as_str()]);
    keys.filter_map(|k| h.after.get(k)).flatten().find_map(|(ws, big)| {
        (i >= start + ws.len()
            && ws.iter().enumerate().all(|(n, x)| words.get(i - ws.len() + n).is_some_and(|w| reads_as(w, x))))
        .then_some(*big)
    })
}

/// Whether the name ending at `o1` ends with a listed one-word head: if
/// so, whether it needs a sizeable place.
fn ends_with_head(words: &[Word], o1: usize) -> Option<bool> {
    let w = o1.checked_sub(1).and_then(|l| words.get(l))?;
    let h = heads();
    w.readings.iter().map(|r| r.key.as_str()).chain([w.key.as_str()]).find_map(|k| h.last.get(k).copied())
}

/// A place of some size: its most likely record a country, region or
/// division, a capital, a notable place or a city of [`SIZEABLE`] people.
/// Heads that also follow common words ("Home Office", "Justice
/// Department", "Federal Emergency Management") take only these.
fn sizeable(cands: &[u32]) -> bool {
    most_likely(cands).is_some_and(|p| p.kind != PlaceKind::City || p.notable || p.capital || p.population >= SIZEABLE)
}

/// The most likely record of `cands` (they come most likely first).
fn most_likely(cands: &[u32]) -> Option<&'static gazetteer::Place> {
    cands.first().and_then(|&c| gazetteer::places().get(c as usize))
}

/// Population from which a city is [`sizeable`] (the size from which one
/// capitalised word is a place without a cue in running text).
const SIZEABLE: u64 = 100_000;

/// Whether the most likely record is a city or town.
fn first_is_city(cands: &[u32]) -> bool {
    most_likely(cands).is_some_and(|p| p.kind == PlaceKind::City)
}

/// A country's name: its most likely gazetteer record is a country.
fn a_country(cands: &[u32]) -> bool {
    most_likely(cands).is_some_and(|p| p.kind == PlaceKind::Country)
}

/// An English place named over words `i..j` that [`tagged_place`] leaves
/// aside: a common word too ("Georgia", "US"), or before a possessive
/// ("United Kingdom's Health Protection Agency"). (candidates, reading
/// index, whether the name is also a common word)
fn english_name(words: &[Word], i: usize, j: usize) -> Option<(&'static [u32], usize, bool)> {
    let w = words.get(i).filter(|w| !w.arabic)?;
    if j == 0 || j > words.len() {
        return None;
    }
    w.readings.iter().enumerate().filter(|(_, r)| r.pre == 0).find_map(|(ri, r)| {
        // (the last word without its possessive, when it is not the first)
        let key = super::key_of(words, i, j, &r.key);
        let cands = gazetteer::lookup(&key);
        (!cands.is_empty()).then(|| (cands, ri, gazetteer::is_common_word(&key)))
    })
}

/// The place named over words `i..j` inside the organisation over
/// `o0..o1`, if the name's words make it one: (candidates, reading index).
fn place_in_name(
    words: &[Word],
    (o0, o1): (usize, usize),
    curated: bool,
    i: usize,
    j: usize,
) -> Option<(&'static [u32], usize)> {
    let w = words.get(i)?;
    if !(w.arabic || w.cap || w.upper) {
        return None;
    }
    let acronym = words.get(i..j).is_some_and(|ws| ws.iter().all(|w| w.upper));
    let (cands, ri, common) = match tagged_place(words, i, j) {
        Some((cands, pre)) => (cands, w.readings.iter().position(|r| r.pre == pre)?, false),
        None => english_name(words, i, j)?,
    };
    // a common word names a place next to a head ("Georgia Power"), or
    // in capitals ("US")
    let common = common && !acronym;
    let first = i == o0 || (i == o0 + 1 && reads_as(&words[o0], "the"));
    let head = || {
        head_after_place(words, j, o1).or_else(|| head_before_place(words, i, o0)).or_else(|| {
            if first && j < o1 {
                ends_with_head(words, o1)
            } else {
                None
            }
        })
    };
    // a curated body ("UN Security Council") takes no head rule, and an
    // acronym no town ("UN" is also Un, India)
    let fits = |big: bool| if acronym { !first_is_city(cands) } else { !big || sizeable(cands) };
    // a sizeable place in the possessive opens the name ("Wichita's Wesley
    // Medical Center", "Fort Worth's annual Mayfest")
    let possessive = first && j < o1 && !words[j - 1].arabic && super::possessive_reading(&words[j - 1]).is_some();
    let licensed = (a_country(cands) && !common)
        || (!curated && head().is_some_and(fits))
        || (possessive && !common && !acronym && sizeable(cands));
    licensed.then_some((cands, ri))
}

/// Adds a nested place mention for each place named inside an accepted
/// organisation's name (the caller sorts).
pub fn mark(words: &[Word], accepted: &mut Vec<Found>) {
    towns_before_people_nouns(words, accepted);
    let max = gazetteer::max_name_tokens().clamp(1, 8);
    let mut added: Vec<Found> = Vec::new();
    for f in accepted.iter().filter(|f| f.kind == EntityType::Organization && !f.reference && f.w1 <= words.len()) {
        let (o0, o1) = (f.w0, f.w1);
        let curated = matches!(f.what, What::Org { curated: Some(_), .. });
        let mut i = o0;
        while i < o1 {
            // the longest name here the organisation's words make a place
            let found = (i + 1..=o1.min(i + max))
                .rev()
                .filter(|&j| (i, j) != (o0, o1) && !words[i + 1..j].iter().any(|w| w.brk))
                .find_map(|j| place_in_name(words, (o0, o1), curated, i, j).map(|p| (j, p)));
            let Some((j, (cands, ri))) = found else {
                i += 1;
                continue;
            };
            let r = &words[i].readings[ri];
            let what = What::Place {
                cands,
                key: super::key_of(words, i, j, &r.key),
                dir: None,
                adj_country: None,
                settlement: false,
                weak: Weak::No,
            };
            let (start, end) = span(words, i, j, r.pre);
            // inside the organisation's span (a possessive at its end stays outside both)
            if start >= f.start && end <= f.end && (start, end) != (f.start, f.end) {
                added.push(Found::new((i, j), (start, end), EntityType::Place, what, 0).into_within());
            }
            i = j;
        }
    }
    accepted.extend(added);
}

/// An organisation that is a town's name and nothing else, right before a
/// lowercase noun of the town's people or police ("Gainesville police
/// said", "a Chiefland woman": [`crate::resolve::is_town_org_cue`]), is the town: news NER corpora mark the
/// name as a place there (CoNLL: "Auckland police"), and the tagger reads
/// the noun's company as an organisation's.
fn towns_before_people_nouns(words: &[Word], accepted: &mut [Found]) {
    for f in accepted.iter_mut() {
        if f.kind != EntityType::Organization
            || f.reference
            || f.within
            || matches!(f.what, What::Org { curated: Some(_), .. })
        {
            continue;
        }
        let Some(next) = words.get(f.w1).filter(|n| !n.brk && !n.arabic && !n.cap && !n.upper) else { continue };
        if !crate::resolve::is_town_org_cue(&next.key) {
            continue;
        }
        if !words.get(f.w0).is_some_and(|w| w.cap || w.upper) {
            continue;
        }
        let Some((cands, pre)) = tagged_place(words, f.w0, f.w1) else { continue };
        let Some(r) = words[f.w0].readings.iter().find(|r| r.pre == pre) else { continue };
        let what = What::Place {
            cands,
            key: super::key_of(words, f.w0, f.w1, &r.key),
            dir: None,
            adj_country: None,
            settlement: false,
            weak: Weak::No,
        };
        let (start, end) = span(words, f.w0, f.w1, r.pre);
        if (start, end) == (f.start, f.end) {
            *f = Found::new((f.w0, f.w1), (start, end), EntityType::Place, what, f.prio);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_parse_and_index_by_the_word_next_to_the_place() {
        let h = heads();
        assert_eq!(h.skipped, 0);
        assert!(h.after.contains_key("of") && h.after.contains_key("جامعه"));
        assert!(h.before.get("sheriff's").is_some_and(|v| v.iter().any(|(ws, _)| ws.len() == 2)));
    }
}
