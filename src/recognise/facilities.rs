//! Facilities and streets as places: a road, port, airport, bridge,
//! square, district or hospital named in the text is where the story
//! happens ("ميناء بيروت", "طريق الملك عبد العزيز", "مطار رفيق الحريري",
//! "Port of Beirut", "JFK Airport"). The gazetteer holds towns, not
//! facilities: the whole name is marked as a place mention and pinned on
//! the town named inside it ("ميناء بيروت" → Beirut) or, failing that, on
//! the town the text names nearest to it. With no town in either, nothing
//! changes (a pin in the wrong town is worse than none).
//!
//! The heads are the lists `ar_facility_place`, `ar_facility_named`, `ar_facility_body`, `ar_area_named`,
//! `en_facility_place`, `en_facility_body` and `en_facility_of` of
//! `data/curated/recognise_words.tsv`. A place-like head (road, port,
//! airport, district) takes its name from whatever covered it (the tagger
//! often reads "الملك عبد العزيز" or "رفيق الحريري" as a person); an
//! institution's head (hospital, mosque) does not take a name the tagger
//! read as an organisation, which news corpora mark as one.

use super::lists::{
    ar_area_named, ar_district_own, ar_facility_body, ar_facility_named, ar_facility_place, ar_means_before,
    en_facility_alone, en_facility_body, en_facility_centre, en_facility_of, en_facility_place,
};
use super::merge::first_kind;
use super::places::tagged_place;
use super::{nisba, span, verb_like, Found, Weak, What, Word};
use crate::gazetteer;
use crate::lists::{text as late_list, Late, List};
use crate::model::{EntityType, PlaceKind};
use std::collections::HashMap;

/// Most words of a facility's name after an Arabic head or before an
/// English one ("Sheremetyevo International", "الملك عبد العزيز").
const MAX_NAME: usize = 4;

/// Largest extent (radius, km) of a country that pins a facility named in
/// it when the text names no town of it: its point is then near all of it
/// (Kuwait 75 km, Lebanon 58, Qatar 60; Jordan 171 is not).
const SMALL_COUNTRY_KM: f64 = 100.0;

/// Source priority of a facility mention (it is added after the merge).
const PRIO_FACILITY: u8 = 26;

/// The kind of head a word is.
#[derive(Clone, Copy, PartialEq)]
enum Head {
    /// Road, port, airport, district: takes any name.
    Place,
    /// Hospital, mosque, university: not an organisation's name.
    Body,
    /// An area ("منطقة"): only a name found after it, marked without the
    /// noun, as news corpora mark it.
    Area,
    /// An English building named by its head alone ("the Capitol", "the
    /// Statehouse"): pinned on the town the text names nearest to it (with
    /// none, it is left unmarked: "the Capitol" of a state story is its
    /// capital's, of a national one Washington's).
    Alone,
}

/// The Arabic head at word `w`: its kind, whether it also is a common
/// noun that takes a name only when one was found after it ("عن طريق
/// الإنترنت", "ميدان المعركة"), and its proclitics' length.
fn head_of(w: &Word) -> Option<(Head, bool, usize)> {
    // the first list that holds the reading
    w.readings.iter().find_map(|r| match heads().get(r.key.as_str()).map(|b| b.trailing_zeros()) {
        Some(0) => Some((Head::Place, false, r.pre)),
        Some(1) => Some((Head::Place, true, r.pre)),
        Some(2) => Some((Head::Body, true, r.pre)),
        Some(3) => Some((Head::Area, true, r.pre)),
        _ => None,
    })
}

/// Whether word `w` is a facility's, body's or area's head ("مستشفى",
/// "ملعب", "مركز"), with or without proclitics.
pub(super) fn is_head(w: &Word) -> bool {
    head_of(w).is_some()
}

/// The four lists of heads in one map, each word to the lists that hold it
/// (bits 0 to 3: places, named places, bodies, areas): one probe a reading
/// of every Arabic word, where four were made.
fn heads() -> &'static HashMap<String, u8, crate::hash::FnvBuild> {
    static S: Late<HashMap<String, u8, crate::hash::FnvBuild>> = Late::new();
    S.get(|| lists_of(&[ar_facility_place(), ar_facility_named(), ar_facility_body(), ar_area_named()]))
}

/// The lists of [`en_heads`], one bit each.
const EN_PLACE: u8 = 1;
const EN_BODY: u8 = 2;
const EN_OF: u8 = 4;
const EN_ALONE: u8 = 8;

/// The same for the English heads: places, bodies, heads before "of",
/// buildings named by the head alone ([`EN_PLACE`] to [`EN_ALONE`]).
fn en_heads() -> &'static HashMap<String, u8, crate::hash::FnvBuild> {
    static S: Late<HashMap<String, u8, crate::hash::FnvBuild>> = Late::new();
    S.get(|| lists_of(&[en_facility_place(), en_facility_body(), en_facility_of(), en_facility_alone()]))
}

/// Each word of `lists` to the lists that hold it: bit `n` for list `n`.
fn lists_of(lists: &[&super::lexicon::WordSet]) -> HashMap<String, u8, crate::hash::FnvBuild> {
    let mut m: HashMap<String, u8, crate::hash::FnvBuild> = HashMap::default();
    for (n, list) in lists.iter().enumerate() {
        for word in list.words() {
            *m.entry(word.clone()).or_default() |= 1 << n;
        }
    }
    m
}

/// Marks the facilities of the text as place mentions (see the module
/// doc); `accepted` is sorted by position before and after.
pub(super) fn mark(words: &[Word], accepted: &mut Vec<Found>) {
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let found = if w.arabic {
            // "المطار" is the airport already named; "عن طريق" is "by means of"
            let idiom = i > 0 && words[i - 1].reads_as(ar_means_before());
            head_of(w).filter(|_| !super::definite(w) && !idiom).and_then(|(head, named, pre)| {
                arabic_name(words, i, (named, head == Head::Body), accepted).map(|j| (i, j, head, pre))
            })
        } else {
            english_name(words, i)
        };
        let Some((w0, w1, head, pre)) = found else {
            i += 1;
            continue;
        };
        let (start, end) = span(words, w0, w1, pre);
        if head == Head::Body && speaks(words, w1) {
            speaker(words, (w0, w1), (start, end), accepted);
            i = w1;
            continue;
        }
        // what the merge kept over these words: all inside the name, and no
        // organisation for an institution
        let inside: Vec<usize> = (0..accepted.len())
            .filter(|&k| accepted[k].start < end && start < accepted[k].end && accepted[k].kind != EntityType::Date)
            .collect();
        let fits = inside.iter().all(|&k| {
            let f = &accepted[k];
            // an organisation's name is one only where the merge read the
            // head itself as its start ("مطار ..." as one organisation)
            let org_ok = head == Head::Place && f.w0 == w0;
            f.start >= start && f.end <= end && (f.kind != EntityType::Organization || org_ok)
        });
        // a date inside ("شارع 26 يوليو") stays a date
        let dated = accepted.iter().any(|f| f.kind == EntityType::Date && f.start < end && start < f.end);
        // a town the merge kept inside already pins it, and is what news
        // corpora mark ("ميناء بيروت" marks Beirut)
        // (a place the gazetteer does not know pins nothing: the tagger's
        // "Kenyatta National Hospital", "حي المنيل")
        let unmapped = |f: &Found| matches!(&f.what, What::Place { cands, .. } if cands.is_empty());
        // a district's own name is no town it lies in ("حي الدار البيضاء
        // جنوب الرياض" is a district of Riyadh, not Casablanca)
        let own_name = district_own(&words[w0]);
        let town_inside = !own_name
            && head != Head::Alone
            && inside.iter().any(|&k| {
                matches!(accepted[k].what, What::Place { .. }) && !accepted[k].demonym && !unmapped(&accepted[k])
            });
        let pin = if fits && !dated && !town_inside { pin_of(words, (w0, w1), accepted, own_name, head) } else { None };
        if let Some((what, town)) = pin {
            // a town named inside is the mention, as news corpora mark it
            // ("مطار القاهرة الدولي" marks Cairo)
            // and an Arabic head before a one-word name nothing marked stays
            // outside, as they mark "حي الخضراء"; a person's name is a
            // place only with its head ("مطار رفيق الحريري")
            let bare = words[w0].arabic && w1 == w0 + 2 && inside.iter().all(|&k| unmapped(&accepted[k]));
            let bare = bare || head == Head::Area || own_name;
            let ((w0, w1), (start, end)) = match town {
                Some((k, pre)) => ((k, k + 1), span(words, k, k + 1, pre)),
                None if bare => ((w0 + 1, w1), span(words, w0 + 1, w1, 0)),
                None => ((w0, w1), (start, end)),
            };
            for k in inside.into_iter().rev() {
                accepted.remove(k);
            }
            let at = accepted.partition_point(|f| f.start < start);
            accepted.insert(at, Found::new((w0, w1), (start, end), EntityType::Place, what, PRIO_FACILITY));
        }
        // a name taken as a whole or left to what the merge kept, never
        // read again from its middle ("Frederick Memorial Hospital")
        i = w1.max(i + 1);
    }
}

/// Whether `w` is an Arabic word for one district before its name ("حي"):
/// the name after it is the district's own, no town it lies in.
fn district_own(w: &Word) -> bool {
    w.arabic && w.reads_as(ar_district_own())
}

/// Whether the word at `j` is a verb of speech right after an English name
/// ("The University Hospital said"): an institution that speaks is an
/// organisation, not a building (the `statement` words of
/// `data/curated/event_words.tsv`).
fn speaks(words: &[Word], j: usize) -> bool {
    static SAID: Late<super::lexicon::WordSet> = Late::new();
    let said = SAID.get(|| super::lexicon::lists_in(late_list(List::EventWords), &["statement"]));
    words.get(j).is_some_and(|w| !w.arabic && !w.brk && !w.comma_before && said.contains(&w.key))
}

/// An institution's name that speaks (see [`speaks`]) is one organisation:
/// what the merge kept inside it gives way, unless it was one already.
fn speaker(words: &[Word], (w0, w1): (usize, usize), (start, end): (usize, usize), accepted: &mut Vec<Found>) {
    let inside: Vec<usize> =
        (0..accepted.len()).filter(|&k| accepted[k].start < end && start < accepted[k].end).collect();
    let whole = |f: &Found| f.start == start && f.end == end && f.kind == EntityType::Organization;
    let within = |f: &Found| f.start >= start && f.end <= end && f.kind != EntityType::Date;
    if inside.iter().any(|&k| whole(&accepted[k])) || !inside.iter().all(|&k| within(&accepted[k])) {
        return;
    }
    for k in inside.into_iter().rev() {
        accepted.remove(k);
    }
    let key = super::key_of(words, w0, w1, &words[w0].key);
    let what = What::Org { curated: None, key };
    let at = accepted.partition_point(|f| f.start < start);
    accepted.insert(at, Found::new((w0, w1), (start, end), EntityType::Organization, what, PRIO_FACILITY));
}

/// The end word of the name after the Arabic head at `i`: a name the
/// merge kept starting right after the head (or after one title word:
/// "طريق الملك عبد العزيز"), else one definite word ("حي المنيل",
/// "كورنيش النيل"); then a nisba adjective ("مطار الكويت الدولي").
fn arabic_name(words: &[Word], i: usize, (named, body): (bool, bool), accepted: &[Found]) -> Option<usize> {
    let ok = |k: usize| {
        words.get(k).is_some_and(|n| {
            n.arabic && !n.brk && !n.f.ar_stop && !n.f.time && !n.f.trigger && !verb_like(n) && n.sent == words[i].sent
        })
    };
    if !ok(i + 1) {
        return None;
    }
    // the head itself may start what was kept ("معهد الأورام" as an organisation)
    let kept = |from: usize| accepted.iter().find(|f| f.w0 == from && f.kind != EntityType::Date).map(|f| f.w1);
    let mut j = kept(i)
        .filter(|&e| e > i + 1)
        .or_else(|| kept(i + 1))
        .or_else(|| words[i + 1].f.title.then(|| kept(i + 2)).flatten())
        .unwrap_or_else(|| bare_name(words, i, (named, body), &ok));
    if j <= i + 1 || j - i - 1 > MAX_NAME {
        return None;
    }
    if ok(j) && nisba(&words[j]) && words[j].f.demonym.is_none() {
        j += 1;
    }
    Some(j)
}

/// The end of a name after the head at `i` that nothing covered: a title
/// or given name and the given names or particles after it ("طريق الملك
/// عبد العزيز"), a given name and a family name; after a head that is no
/// common noun, one definite word ("حي المنيل") or one or two bare words
/// ("مطار رفيق الحريري"); `i` when none.
fn bare_name(words: &[Word], i: usize, (named, body): (bool, bool), ok: &dyn Fn(usize) -> bool) -> usize {
    let given = |k: usize| ok(k) && (words[k].f.given.is_some() || words[k].f.particle || words[k - 1].f.particle);
    // a family name is often nisba-shaped ("الحريري")
    let family = |k: usize| ok(k) && words[k].key.starts_with("ال");
    let first = &words[i + 1];
    if first.f.title || first.f.given.is_some() {
        let mut j = i + 2;
        while j < i + 1 + MAX_NAME && given(j) {
            j += 1;
        }
        // a given name's family name ("رفيق الحريري")
        if first.f.given.is_some() && j == i + 2 && family(j) {
            j += 1;
        }
        if j > i + 2 {
            return j;
        }
    }
    // a hospital's or a mosque's name in construct, an indefinite noun and
    // the definite one it governs ("مستشفى قوى الأمن"; "مستشفى ميداني",
    // "مسجد قباء" are none), not a title's ("مستشفى جامعة الملك ...")
    let construct = || {
        !super::definite(first)
            && !nisba(first)
            && !first.f.title
            && ok(i + 2)
            && super::definite(&words[i + 2])
            && !nisba(&words[i + 2])
            && !words[i + 2].f.title
    };
    if named && body && construct() {
        i + 3
    } else if named {
        i
    } else if super::definite(first) {
        i + 2
    } else if !nisba(first) && !first.key.ends_with('ي') && family(i + 2) {
        // a person's name that nothing covered ("مطار رفيق الحريري"), not
        // an adjective ("مطار دولي")
        i + 3
    } else {
        i
    }
}

/// An English facility name at word `i`: "Port of Beirut" (the head before
/// "of" and a capitalised name), or a capitalised name of up to
/// [`MAX_NAME`] words whose last word is a head ("JFK Airport", "Royal
/// Free Hospital"): (first word, end word, head kind, 0).
fn english_name(words: &[Word], i: usize) -> Option<(usize, usize, Head, usize)> {
    let w = &words[i];
    if !(w.cap || w.upper) {
        return None;
    }
    let name_word = |k: usize| words.get(k).is_some_and(|n| !n.arabic && !n.brk && (n.cap || n.upper) && !n.f.en_stop);
    let own = en_heads().get(w.key.as_str()).copied().unwrap_or(0);
    // "the Capitol", "the state Capitol": the head alone, no name around it
    // ("Capitol Records" is another name)
    if own & EN_ALONE != 0 {
        let before = i.checked_sub(1).map(|k| &words[k]);
        let alone =
            !w.brk && before.is_some_and(|b| b.key == "the" || (b.key == "state" && !b.cap)) && !name_word(i + 1);
        return alone.then_some((i, i + 1, Head::Alone, 0));
    }
    if own & EN_OF != 0 && words.get(i + 1).is_some_and(|n| n.key == "of" && !n.brk) {
        let mut j = i + 2;
        while j < i + 2 + MAX_NAME && name_word(j) {
            j += 1;
        }
        return (j > i + 2).then_some((i, j, Head::Place, 0));
    }
    if w.f.en_stop || (w.sent_start && words.get(i + 1).is_none_or(|n| n.brk)) {
        return None;
    }
    // the run of capitalised words from i, up to the first head
    let mut j = i;
    while j < i + MAX_NAME + 1 && (j == i || name_word(j)) {
        let key = &words[j].key;
        // a centre is a place after a word of its use ("Civic Center")
        let centre =
            matches!(key.as_str(), "center" | "centre") && j > i && en_facility_centre().contains(&words[j - 1].key);
        let lists = en_heads().get(key.as_str()).copied().unwrap_or(0);
        let head = if lists & EN_PLACE != 0 || centre {
            Some(Head::Place)
        } else if lists & EN_BODY != 0 {
            Some(Head::Body)
        } else {
            None
        };
        if let Some(h) = head {
            // the head alone is no name; a run that goes on past it is
            // another name ("Airport Road")
            return (j > i && !name_word(j + 1)).then_some((i, j + 1, h, 0));
        }
        j += 1;
    }
    None
}

/// Where a facility at words `w0..w1` is: a town or larger place named
/// inside it ("ميناء بيروت", "Port of Beirut", "Moscow's Sheremetyevo
/// International Airport"), else the nearest town or province the text
/// names, in the same sentence first; when a country is named nearer, a
/// town of that country or a small country itself.
/// With the word and proclitics' length of a town named inside. A
/// district's `own_name` is never its town. A building named by its head
/// alone ([`Head::Alone`]) is pinned on a town only: "Rep. Jim Jordan of
/// Ohio spoke at the Capitol" is no building in Ohio, and a pin there
/// would pull the dateline's WASHINGTON towards Ohio.
fn pin_of(
    words: &[Word],
    (w0, w1): (usize, usize),
    accepted: &[Found],
    own_name: bool,
    head: Head,
) -> Option<(What, Option<(usize, usize)>)> {
    let local = [PlaceKind::City, PlaceKind::Province];
    let as_what = |cands: &'static [u32], key: String| What::Place {
        cands,
        key,
        dir: None,
        adj_country: None,
        settlement: false,
        weak: super::Weak::No,
    };
    let places = gazetteer::places();
    let first = |cands: &[u32]| cands.first().and_then(|&c| places.get(c as usize));
    let small =
        |p: &gazetteer::Place| p.kind == PlaceKind::Country && p.radius_km > 0.0 && p.radius_km <= SMALL_COUNTRY_KM;
    // a town's name inside it, or a small country's ("مطار الكويت الدولي"),
    // but not a district's own name
    for k in (w0 + 1..w1).filter(|_| !own_name) {
        if let Some((cands, pre)) = tagged_place(words, k, k + 1) {
            let key = words[k]
                .readings
                .iter()
                .find(|r| gazetteer::lookup(&r.key) == cands)
                .map(|r| String::from(r.key.as_str()));
            let local = first_kind(cands, &local) && super::merge::notable_first(cands);
            if let Some(key) = key.filter(|_| local || first(cands).is_some_and(small)) {
                return Some((as_what(cands, key), Some((k, pre))));
            }
        }
    }
    // a county or town its name starts with pins it, and the facility
    // stays the mention ("Walker County Civic Center", "Gainesville Civic
    // Center")
    for e in (w0 + 1..=(w0 + 3).min(w1 - 1)).rev().filter(|_| !own_name) {
        let Some((cands, _)) = tagged_place(words, w0, e).filter(|(c, _)| first_kind(c, &local)) else { continue };
        return Some((as_what(cands, super::key_of(words, w0, e, &words[w0].key)), None));
    }
    // the nearest town or country the text names, the same sentence first
    let sent = words[w0].sent;
    let nearest = |kinds: &[PlaceKind], country: Option<&str>| {
        accepted
            .iter()
            // nor is another district's own name ("حي المرج")
            .filter(|f| !f.demonym && (f.w1 <= w0 || f.w0 >= w1) && !(f.w0 > 0 && district_own(&words[f.w0 - 1])))
            .filter_map(|f| match &f.what {
                // a common word is no anchor ("#سيول_الكويت": floods, not Seoul)
                What::Place { weak: Weak::Common | Weak::Adjective | Weak::Focus, .. } => None,
                What::Place { cands, key, .. }
                    if first_kind(cands, kinds)
                        && country.is_none_or(|c| first(cands).is_some_and(|p| p.country == c)) =>
                {
                    Some((f, *cands, key))
                }
                _ => None,
            })
            .min_by_key(|(f, _, _)| (words.get(f.w0).is_none_or(|x| x.sent != sent), f.w0.abs_diff(w0)))
            .map(|(_, cands, key)| (cands, key))
    };
    if head == Head::Alone {
        return nearest(&[PlaceKind::City], None).map(|(cands, key)| (as_what(cands, key.clone()), None));
    }
    let (cands, key) = nearest(&[PlaceKind::City, PlaceKind::Province, PlaceKind::Country], None)?;
    let Some(country) = first(cands).filter(|p| p.kind == PlaceKind::Country) else {
        return Some((as_what(cands, key.clone()), None));
    };
    // a country named nearest ("حي الروضة بالكويت"): a town of it the text
    // names, else the country itself when one pin is near all of it; never
    // a town abroad
    if let Some((cands, key)) = nearest(&local, Some(country.country)) {
        return Some((as_what(cands, key.clone()), None));
    }
    small(country).then(|| (as_what(cands, key.clone()), None))
}
