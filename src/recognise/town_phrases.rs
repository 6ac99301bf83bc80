//! English phrases that make a name the tagger calls a person a place:
//! where someone lives after their name and age ("Mark Smith, 54, of
//! Tyler"), a county or parish named after a title ("Queen Anne's County",
//! "Prince George's County": the title is the name's), and a list of
//! neighbouring towns that the tagger reads as people throughout ("Suba,
//! Migori, Homa Bay, Rongo and Kisumu"). And the names it calls an
//! organisation or a person that their context makes a division, a county
//! or a town ("in New South Wales", "Levy County", "Gainesville, Florida",
//! "the City of Santa Ana").

use super::lists::{en_county_words, en_state_bodies, en_town_within};
use super::merge::first_kind;
use super::places::{comma_towns, joined_town, tagged_place};
use super::Word;
use crate::model::{EntityType, PlaceKind};
use crate::tagger::TaggedSpan;

/// Whether the capitalised English name at word `w0` follows "of" after a
/// comma, with a person's age or a capitalised name before that comma, or
/// "from" after an age: a residence in news ("Mark Smith, 54, of Tyler",
/// "Jane Doe, of Ocala, said", "Mohammed Ali, 31, from Liverpool").
pub(super) fn residence(words: &[Word], w0: usize) -> bool {
    if w0 < 2 || words[w0].brk || words[w0].arabic || !words[w0].cap {
        return false;
    }
    let (of, before) = (&words[w0 - 1], &words[w0 - 2]);
    if !matches!(of.key.as_str(), "of" | "from") || !of.comma_before {
        return false;
    }
    let age = before.comma_before
        && (1..=3).contains(&before.text.chars().count())
        && before.text.chars().all(|c| c.is_ascii_digit());
    // "from" only after an age ("Mohammed Ali, 31, from Liverpool"): after
    // a name it starts a club in sports results
    age || (of.key == "of" && !before.arabic && before.cap && !before.f.en_stop && !before.f.title)
}

/// Where a place name at words `w0..w1` (a tagger person, its title cut
/// off: "Anne's County", "Edward Island") starts when the title before it
/// is the name's, and the place: a county the gazetteer holds ("Queen
/// Anne's County"), or a province, region or town of three words or more
/// ("Prince Edward Island").
pub(super) fn titled_place(words: &[Word], w0: usize, w1: usize) -> Option<(usize, (&'static [u32], usize))> {
    let t = w0.checked_sub(1)?;
    let title = &words[t];
    if words[w0].brk || title.arabic || !title.cap || !title.f.title {
        return None;
    }
    let kinds = [PlaceKind::Province, PlaceKind::Region, PlaceKind::City];
    let long = || tagged_place(words, t, w1).filter(|(cands, _)| w1 >= t + 3 && first_kind(cands, &kinds));
    county(words, t, w1).or_else(long).map(|c| (t, c))
}

/// Most names of a list looked at.
const MAX_LIST: usize = 12;

/// The end of the run of up to three capitalised words at `k`.
fn run_end(words: &[Word], k: usize) -> usize {
    let mut e = k + 1;
    while e < words.len() && e < k + 3 && !words[e].brk && !words[e].arabic && words[e].cap && !words[e].f.en_stop {
        e += 1;
    }
    e
}

/// Whether the capitalised English name at words `w0..w1`, a town of the
/// gazetteer, stands in a list of neighbouring towns ([`comma_towns`],
/// [`joined_town`]) that reaches, partner by partner, a name the tagger
/// does not call a person: the tagger reads
/// a long list of small towns as people throughout ("Migori, Homa Bay,
/// Rongo"), but two neighbouring towns in a row are rarely two people.
#[inline(never)]
pub(super) fn listed_town(
    words: &[Word],
    tagged: &[TaggedSpan],
    min_score: f32,
    w0: usize,
    w1: usize,
) -> Option<(&'static [u32], usize)> {
    if w1 > w0 + 3 || !words[w0..w1].iter().all(|w| !w.arabic && w.cap) {
        return None;
    }
    let person = |k: usize| {
        let tok = words[k].tok;
        tagged
            .iter()
            .any(|t| t.kind == EntityType::Person && t.score >= min_score && t.start_token <= tok && tok < t.end_token)
    };
    let partners = |a: usize, b: usize, cands: &[u32]| {
        let [after, before] = comma_towns(words, a, b, cands);
        [joined_town(words, a, b, cands), after, before].into_iter().flatten().collect::<Vec<_>>()
    };
    let (cands, pre) = tagged_place(words, w0, w1)?;
    // along the list, name by name, up to a name the tagger does not call a person
    let mut seen = vec![w0];
    let mut queue = partners(w0, w1, cands);
    let mut ok = false;
    while let Some(k) = queue.pop() {
        if seen.contains(&k) || seen.len() > MAX_LIST {
            continue;
        }
        seen.push(k);
        if !person(k) {
            ok = true;
            break;
        }
        let e = run_end(words, k);
        if let Some((c, _)) = tagged_place(words, k, e) {
            queue.extend(partners(k, e, c));
        }
    }
    (ok || listed_with_place(words, tagged, min_score, w0, w1, cands)).then_some((cands, pre))
}

/// Whether the name at words `w0..w1`, no given name, is an item of a
/// list (commas, "and" or "or" between the items) with another item, up to
/// [`MAX_LIST`] either way, that the tagger calls a place and the gazetteer
/// puts in the same country as a division or town of `cands`: "Sao Paulo,
/// Minas Gerais and Rio de Janeiro", "Rio Grande do Sul, Tocantins, and
/// Minas Gerais", "Kisii, Wajir, Mandera, Naivasha" (provinces and towns
/// of a list lie too far apart for [`comma_towns`]' distance). A comma alone
/// pairs no names ("In Philadelphia, Randall was"): the list has "and" or
/// "or", or the name stands between two items.
fn listed_with_place(
    words: &[Word],
    tagged: &[TaggedSpan],
    min_score: f32,
    w0: usize,
    w1: usize,
    cands: &[u32],
) -> bool {
    if words[w0].f.given.is_some() {
        return false;
    }
    let places = crate::gazetteer::places();
    let kinds = [PlaceKind::Province, PlaceKind::City];
    let countries: Vec<&str> = cands
        .iter()
        .filter_map(|&c| places.get(c as usize))
        .filter(|p| kinds.contains(&p.kind) && !p.country.is_empty())
        .map(|p| p.country)
        .collect();
    if countries.is_empty() {
        return false;
    }
    let sent = words[w0].sent;
    let comma = |k: usize| words.get(k).is_some_and(|w| w.comma_before && w.sent == sent);
    // "and" or "or", also after a comma (", and Minas Gerais")
    let joiner =
        |k: usize| words.get(k).is_some_and(|w| (!w.brk || comma(k)) && matches!(w.key.as_str(), "and" | "or"));
    let item = |k: usize| words.get(k).is_some_and(|w| w.sent == sent && !w.arabic && w.cap);
    // the other items: most of them places, at least two ("In Boston,
    // Warren and Biden spoke" is no list of towns): a tagger place, a
    // first-level division or a country whatever the tagger says, or a
    // town of the name's countries (the tagger reads a long list of small
    // towns as people throughout); and one a tagger place in those countries
    let (found, counts) = (std::cell::Cell::new(false), std::cell::Cell::new((0usize, 0usize)));
    let tally = |t: Option<&TaggedSpan>, a: usize, b: usize| {
        let tagged_here = t.is_some_and(|t| t.kind == EntityType::Place && t.score >= min_score);
        let qs = tagged_place(words, a, b).map_or(&[][..], |(qs, _)| qs);
        let there = |any: bool| {
            qs.iter()
                .filter_map(|&q| places.get(q as usize))
                .any(|q| (any || kinds.contains(&q.kind)) && countries.contains(&q.country))
        };
        found.set(found.get() || (tagged_here && there(true)));
        let place = tagged_here || first_kind(qs, &[PlaceKind::Province, PlaceKind::Country]) || there(false);
        let (p, n) = counts.get();
        counts.set((p + usize::from(place), n + 1));
    };
    let mut joined = false;
    // rightwards: the items after the name
    let mut pos = w1;
    let mut after = false;
    for _ in 0..MAX_LIST {
        let start = if comma(pos) {
            if joiner(pos) {
                pos + 1
            } else {
                pos
            }
        } else if joiner(pos) {
            pos + 1
        } else {
            break;
        };
        joined |= joiner(pos);
        if !item(start) {
            break;
        }
        after = true;
        let t = tagged.iter().find(|t| t.start_token == words[start].tok);
        let end = t.map_or_else(|| run_end(words, start), |t| words.partition_point(|w| w.tok < t.end_token));
        tally(t, start, end);
        pos = end;
    }
    // leftwards: the items before it
    let mut pos = w0;
    let mut before = false;
    for _ in 0..MAX_LIST {
        let end = if pos > 0 && joiner(pos - 1) {
            joined = true;
            pos - 1
        } else if comma(pos) {
            pos
        } else {
            break;
        };
        if end == 0 || !item(end - 1) {
            break;
        }
        before = true;
        let last = words[end - 1].tok;
        let t = tagged.iter().find(|t| t.end_token == last + 1);
        pos = match t {
            Some(t) => words.partition_point(|w| w.tok < t.start_token),
            None => (end.saturating_sub(3)..end)
                .find(|&k| words[k..end].iter().all(|w| item_word(w, sent)))
                .unwrap_or(end - 1),
        };
        tally(t, pos, end);
    }
    let (places, items) = counts.get();
    found.get() && 2 * places > items && items >= 2 && (joined || (before && after))
}

/// A capitalised Latin word of sentence `sent`, part of a list's item.
fn item_word(w: &Word, sent: usize) -> bool {
    w.sent == sent && !w.arabic && w.cap && !w.f.en_stop
}

/// The candidates of English words `w0..w1` when they are exactly the
/// name of a first-level division or a county, right after a preposition
/// of place ("horses in New South Wales", "across NSW"; the tagger calls
/// the name an organisation, as it does for a state's government).
/// The same before "and" and another division or country ("except NSW
/// and Queensland"), before an office ("New York Governor") and with a
/// division word ("the state of New South Wales", "Aceh province"); and
/// the name with its division's word in the span ("Nyanza Province").
#[inline(never)]
pub(super) fn cued_division(words: &[Word], w0: usize, w1: usize) -> Option<(&'static [u32], usize)> {
    let ws = &words[w0..w1];
    if ws.iter().any(|w| w.arabic || !(w.cap || w.upper)) {
        return None;
    }
    // "Nyanza Province", "Tigray Region": the name and its division's word
    if w1 > w0 + 1 && crate::resolve::division_in_name(&words[w1 - 1]) {
        return tagged_place(words, w0, w1 - 1).filter(|(cands, _)| first_kind(cands, &[PlaceKind::Province]));
    }
    let kinds = [PlaceKind::Province, PlaceKind::Country];
    let cue = w0 > 0 && !words[w0].brk && crate::resolve::is_town_cue(&words[w0 - 1].key);
    let joined = words.get(w1).is_some_and(|w| !w.brk && w.key == "and")
        && words.get(w1 + 1).is_some_and(|n| !n.brk && (n.cap || n.upper))
        && tagged_place(words, w1 + 1, w1 + 2).is_some_and(|(c, _)| first_kind(c, &kinds));
    // "New York Governor Andrew Cuomo", "NSW Minister for Primary Industries"
    let office = words.get(w1).is_some_and(|n| !n.brk && n.cap && n.f.title);
    // "the state of New South Wales", "Aceh province", "Washington state"
    let named = || {
        crate::resolve::division_cue(words, w0, w1)
            || words.get(w1).is_some_and(|n| !n.brk && !n.cap && en_state_bodies().contains(&n.key))
    };
    if !(cue || joined || office || named()) {
        return None;
    }
    let places = crate::gazetteer::places();
    let division = |c: &u32| places.get(*c as usize).is_some_and(|p| p.kind == PlaceKind::Province);
    tagged_place(words, w0, w1)
        .filter(|(cands, _)| first_kind(cands, &[PlaceKind::Province]) || office && cands.iter().any(division))
}

/// The candidates of English words `w0..w1` when they are a county's name
/// the gazetteer holds ("Levy County", "Hall County": the tagger reads
/// them as a person or an organisation, as it does "Dallas County jury").
#[inline(never)]
pub(super) fn county(words: &[Word], w0: usize, w1: usize) -> Option<(&'static [u32], usize)> {
    let last = words.get(w1.checked_sub(1)?)?;
    if w1 < w0 + 2 || last.arabic || !last.cap || !en_county_words().contains(&last.key) {
        return None;
    }
    tagged_place(words, w0, w1).filter(|(cands, _)| first_kind(cands, &[PlaceKind::Province]))
}

/// A tagger organisation or person of capitalised English words that is a
/// town of the state or province named right after it, past a comma
/// ("Gainesville, Florida", "Toowoomba, Queensland", "Chiefland, Fla."): the
/// place. The division is a gazetteer name of up to three capitalised words
/// (or a state abbreviation) whose first candidate is a province, and one
/// of the town's candidates lies in it.
#[inline(never)]
pub(super) fn town_of_division(words: &[Word], w0: usize, w1: usize) -> Option<(&'static [u32], usize)> {
    let latin_cap = |w: &Word| !w.arabic && (w.cap || w.upper);
    if !words[w0..w1].iter().all(latin_cap) || !words.get(w1).is_some_and(|w| w.comma_before && latin_cap(w)) {
        return None;
    }
    let places = crate::gazetteer::places();
    let division = (w1 + 1..=(w1 + 3).min(words.len())).rev().find_map(|k| {
        let same = words[w1 + 1..k].iter().all(|w| !w.brk && latin_cap(w));
        let (cands, _) = tagged_place(words, w1, k).filter(|_| same)?;
        cands.first().and_then(|&i| places.get(i as usize)).filter(|p| p.kind == PlaceKind::Province)
    })?;
    let (cands, pre) = tagged_place(words, w0, w1)?;
    let town = |&c: &u32| {
        places.get(c as usize).is_some_and(|p| {
            matches!(p.kind, PlaceKind::City | PlaceKind::Site) && crate::resolve::contains(division, p)
        })
    };
    cands.iter().any(town).then_some((cands, pre))
}

/// A tagger organisation or person of up to three capitalised English
/// words that the gazetteer knows as a town, after a settlement noun and
/// "of" ("the City of Santa Ana", "the community of O'Leary") or before a
/// word that makes it one ("a Hammond resident"): the town.
#[inline(never)]
pub(super) fn cued_town(words: &[Word], w0: usize, w1: usize) -> Option<(&'static [u32], usize)> {
    if w1 > w0 + 3 || !words[w0..w1].iter().all(|w| !w.arabic && (w.cap || w.upper)) {
        return None;
    }
    // a listed organisation is no town that shares its name ("admission
    // in NATO" was pinned on a village called Nato)
    if words[w0].f.org_start && super::longest_at(super::lexicon::orgs(), words, w0).is_some_and(|(_, j, _)| j == w1) {
        return None;
    }
    if !(super::places::settlement_before(words, w0)
        || super::places::town_after(words, w1)
        || super::town_phrases::residence(words, w0)
        || within_town(words, w0))
    {
        return None;
    }
    let places = crate::gazetteer::places();
    let town = |&c: &u32| places.get(c as usize).is_some_and(|p| p.kind == PlaceKind::City);
    tagged_place(words, w0, w1).filter(|(cands, _)| cands.iter().any(town))
}

/// The word before a capitalised name puts the reader inside a place ("in
/// Lynchburg", "near Tyler", "outside Mission Viejo"): `en_town_within`.
/// Not "from", "at" or "to": sports news writes clubs after them ("ten
/// meetings from Cleveland", "Espanyol from Nantes"; measured on CoNLL
/// testa, where "from" turned two clubs into towns).
fn within_town(words: &[Word], w0: usize) -> bool {
    w0 > 0 && !words[w0].brk && en_town_within().contains(&words[w0 - 1].key)
}

/// The county word ("county", "parish") whose plural `key` is
/// ("counties", "parishes", "boroughs").
pub(super) fn county_of_plural(key: &str) -> Option<&'static str> {
    if !key.ends_with('s') {
        return None;
    }
    en_county_words().words().iter().map(String::as_str).find(|s| {
        key.strip_suffix("ies").is_some_and(|stem| s.strip_suffix('y') == Some(stem))
            || key.strip_suffix("es") == Some(*s)
            || key.strip_suffix('s') == Some(*s)
    })
}

/// A tagger person or organisation of capitalised English words that is
/// one of a list ending in a plural county word ("Knott, Perry and
/// Breathitt counties", "Orleans and Jefferson parishes"): that county,
/// when the gazetteer holds it ("Knott County").
#[inline(never)]
pub(super) fn listed_county(words: &[Word], w0: usize, w1: usize) -> Option<(&'static [u32], usize)> {
    let latin_cap = |w: &Word| !w.arabic && w.cap && !w.f.en_stop;
    if w1 > w0 + 3 || !words.get(w0..w1)?.iter().all(latin_cap) {
        return None;
    }
    // the list goes on to its plural county word, in the same sentence:
    // capitalised names, commas, "and" / "or", at most a dozen words
    let mut j = w1;
    let county = loop {
        let w = words.get(j).filter(|w| j < w1 + 12 && !w.sent_start)?;
        if !w.cap {
            if let Some(c) = county_of_plural(&w.key) {
                break c;
            }
        }
        let joins = matches!(w.key.as_str(), "and" | "or") && !w.cap;
        if !(joins || (latin_cap(w) && (w.comma_before || !w.brk))) {
            return None;
        }
        j += 1;
    };
    let key = format!("{} {county}", super::key_of(words, w0, w1, &words[w0].key));
    let cands = crate::gazetteer::lookup(&key);
    first_kind(cands, &[PlaceKind::Province]).then_some((cands, 0))
}

/// The names of a list ending in a plural county word that the tagger left
/// out ("Knott, Perry and Breathitt counties": it tags "Knott" and "Perry"
/// only): each county the gazetteer holds, as a place from word `i`.
pub(super) fn county_list(words: &[Word], i: usize, out: &mut Vec<super::Found>) {
    let name_word = |w: &Word| !w.arabic && w.cap && !w.f.en_stop;
    if !words[i].brk && words.get(i.wrapping_sub(1)).is_some_and(name_word) {
        return;
    }
    // the longest name from here: up to three capitalised words in a row
    let mut end = i;
    while end < words.len() && end < i + 3 && name_word(&words[end]) && (end == i || !words[end].brk) {
        end += 1;
    }
    let Some((cands, j)) = (i + 1..=end).rev().find_map(|j| listed_county(words, i, j).map(|(c, _)| (c, j))) else {
        return;
    };
    let key = super::key_of(words, i, j, &words[i].key);
    out.push(super::Found::new(
        (i, j),
        (words[i].start, words[j - 1].end),
        crate::model::EntityType::Place,
        super::What::Place { cands, key, dir: None, adj_country: None, settlement: false, weak: super::Weak::No },
        super::merge::PRIO_PLACE,
    ));
}

/// A capitalised English name the gazetteer does not know, after a
/// lowercase settlement noun, place noun or compass word and "of"
/// ([`super::places::place_of_before`]: "the village of
/// Layron", "the mining towns of Barentsburg", "three km east of
/// Tavildara", "the port of Quepos"): a place, listed unmapped, from word
/// `i`. In CoNLL-2003's training part every such name but one (a gold
/// slip) is a place. Up to three words, none a stop word, a title or an
/// organisation's head ("the city of Los Angeles Department" is a body).
pub(super) fn unknown_after_of(words: &[Word], i: usize, out: &mut Vec<super::Found>) {
    let w = &words[i];
    // (a compass word opens a phrase of its own: "the province of West Kasai")
    if i < 2 || w.arabic || !w.cap || w.brk || w.f.en_stop || w.f.title || w.f.given.is_some() || w.f.compass {
        return;
    }
    if !super::places::place_of_before(words, i) {
        return;
    }
    let name_word = |w: &Word| !w.arabic && w.cap && !w.f.en_stop && !w.f.title && !w.f.en_org_head;
    let mut j = i;
    while j < words.len() && j < i + 3 && name_word(&words[j]) && (j == i || !words[j].brk) {
        j += 1;
    }
    // a longer capitalised run is some other name, a head noun a body's
    if words.get(j).is_some_and(|n| !n.brk && !n.arabic && n.cap) {
        return;
    }
    // a name the gazetteer knows is the gazetteer's, and a possessive
    // names whose part it is ("the district of Angola's capital")
    let known = w.readings.iter().any(|r| !crate::gazetteer::lookup(&super::key_of(words, i, j, &r.key)).is_empty());
    if known || super::merge::possessive(&words[j - 1]) {
        return;
    }
    let key = super::key_of(words, i, j, &w.key);
    out.push(super::Found::new(
        (i, j),
        (w.start, words[j - 1].end),
        EntityType::Place,
        super::What::Place { cands: &[], key, dir: None, adj_country: None, settlement: true, weak: super::Weak::No },
        super::merge::PRIO_PLACE,
    ));
}

/// An English title word after "the" ("through the Pope, Cuba"; "the
/// King"): the office or its holder, not a town of that name.
pub(super) fn the_title(words: &[Word], i: usize, j: usize) -> bool {
    j == i + 1 && i > 0 && !words[i].arabic && !words[i].brk && words[i].f.title && words[i - 1].key == "the"
}
