//! From mentions to entities: coordinates for places (chosen among the
//! gazetteer's candidates by kind, population, the countries the article
//! names and adjectives next to the name), one canonical entity per
//! organisation and person however it is written.

use crate::lists::{text as late_list, Late, List};
use std::collections::HashMap;

use crate::gazetteer::{self, Place};
use crate::hash::FnvBuild;
use crate::model::{Candidate, EntityType, Names, PlaceInfo, PlaceKind};
use crate::recognise::{one_person, Direction, Found, Weak, What, Word};

mod containment;
mod context;
mod local;
mod score;

use context::context_words;
pub(crate) use context::data_rows;
pub(crate) use context::{division_cue, division_in_name};
pub use context::{is_town_after_cue, is_town_cue, is_town_org_cue};
pub use score::{country_context, score_candidates};

/// A state that no longer exists, pinned on its capital.
#[derive(Debug)]
struct Historical {
    id: &'static str,
    pin: &'static str,
    name_en: &'static str,
    name_ar: &'static str,
}

/// The historical states and their sorted (name key, index into the rows).
type HistoricalTable = (Vec<Historical>, Vec<(String, usize)>);

fn historical() -> &'static HistoricalTable {
    static T: Late<HistoricalTable> = Late::new();
    T.get(|| {
        let mut rows = Vec::new();
        let mut keys = Vec::new();
        for row in data_rows(late_list(List::HistoricalPlaces)) {
            if let [id, pin, name_en, name_ar, aliases, _] = row.as_slice() {
                for n in [*name_en, *name_ar].into_iter().chain(aliases.split('|')) {
                    let k = gazetteer::name_key(n);
                    if !k.is_empty() {
                        keys.push((k, rows.len()));
                    }
                }
                rows.push(Historical { id, pin, name_en, name_ar });
            }
        }
        crate::sort::sort(&mut keys);
        keys.dedup_by(|a, b| a.0 == b.0);
        (rows, keys)
    })
}

/// The historical state a mention names, if any ("West Germany", "the
/// Soviet Union", "الاتحاد السوفيتي").
fn historical_of(text: &str) -> Option<&'static Historical> {
    let (rows, keys) = historical();
    let key = gazetteer::name_key(text);
    let key = key.strip_prefix("the ").unwrap_or(&key);
    let i = keys.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
    keys.get(i).and_then(|&(_, r)| rows.get(r))
}

/// An entity before it gets its public id.
#[derive(Debug, Clone)]
pub struct Ent {
    pub kind: EntityType,
    /// What makes two mentions the same entity.
    pub ident: String,
    pub name: String,
    pub names: Names,
    pub place: Option<PlaceInfo>,
    /// Indexes into the mention list.
    pub mentions: Vec<usize>,
}

/// Whether place `inner` lies in place `outer`: same country; for a province,
/// the same GeoNames admin1 code, else inside its extent (400 km if unknown).
pub(crate) fn contains(outer: &Place, inner: &Place) -> bool {
    if outer.country.is_empty() || outer.country != inner.country {
        return false;
    }
    if outer.kind == PlaceKind::Province && !outer.admin1.is_empty() && !inner.admin1.is_empty() {
        return outer.admin1 == inner.admin1;
    }
    match outer.kind {
        PlaceKind::Country => true,
        PlaceKind::Province | PlaceKind::Region => {
            let r = if outer.radius_km > 0.0 { outer.radius_km } else { 400.0 };
            gazetteer::within_km(outer.lat, outer.lon, inner.lat, inner.lon, r)
        }
        _ => false,
    }
}

/// What pins a place mention: its scored candidates (best first), or a
/// containing place when the text says where it is and no candidate of
/// the name lies there ("مدينة زنجبار ... محافظة أبين" with only
/// Zanzibar in the gazetteer: pinned on Abyan).
#[derive(Debug, Clone, Default)]
pub struct Choice {
    pub scored: Vec<(usize, f64)>,
    /// Pinned on the place it is in (index into `gazetteer::places()`).
    pub within: Option<usize>,
}

/// Best score first, ties by gazetteer index.
fn sort_scored(v: &mut [(usize, f64)]) {
    crate::sort::sort_by(v, |a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal).then(a.0.cmp(&b.0)));
}

/// "المملكة" stands for the country the story is most about, when that is
/// one of its candidates: the country most of the other place mentions are
/// in (by their best candidate), ties going to the article's country
/// context ([`country_context`]); else it is left unpinned, and unmarked.
fn focus_nouns(found: &[Found], ctx: &[(&str, f64)], out: &mut [Choice]) {
    let places = gazetteer::places();
    let mut counts: Vec<(&str, f64)> = Vec::new();
    for (f, c) in found.iter().zip(out.iter()) {
        let Some(p) = c.scored.first().and_then(|&(p, _)| places.get(p)) else { continue };
        if f.demonym || p.country.is_empty() || !matches!(f.what, What::Place { .. }) {
            continue;
        }
        match counts.iter_mut().find(|(cc, _)| *cc == p.country) {
            Some(e) => e.1 += 1.0,
            None => counts.push((p.country, 1.0)),
        }
    }
    for e in &mut counts {
        e.1 += ctx.iter().find(|(c, _)| *c == e.0).map_or(0.0, |c| c.1 / 100.0);
    }
    let top = counts.iter().max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(a.0))).map(|c| c.0);
    for (f, c) in found.iter().zip(out.iter_mut()) {
        if let What::Place { cands, weak: Weak::Focus, .. } = &f.what {
            let mut scored = score_candidates(cands, None, None, false, Weak::No, ctx);
            scored.retain(|&(p, _)| places.get(p).is_some_and(|p| Some(p.country) == top));
            c.scored = scored;
        }
    }
}

/// Chooses the place of every place mention for the article as a whole:
/// the candidates' priors and the article's countries
/// ([`score_candidates`]), then the story's own context: a dateline's
/// country ("CAIRO (Reuters) -"), a party or office after a name ("a
/// Georgia Democrat"), containment ("Springfield, Illinois", "زنجبار ...
/// محافظة أبين"), nearness to the other places named, and one place per
/// name per article unless a mention says otherwise (its own adjective,
/// containment or party word).
pub fn choose_places(found: &[Found], words: &[Word]) -> Vec<Choice> {
    let places = gazetteer::places();
    let cw = context_words();
    let mut ctx = country_context(words, found);
    let place_of = |i: usize| places.get(i);
    // datelines: a paragraph-initial name in capitals, or followed by an agency
    for f in found {
        let What::Place { cands, dir: None, .. } = &f.what else { continue };
        let Some(first) = words.get(f.w0) else { continue };
        if !first.sent_start || cands.is_empty() {
            continue;
        }
        // a dateline's name ends at punctuation or its date ("LONDON
        // 1996-08-28", "BAGHDAD, Iraq"): a name written in capitals that
        // runs on into the sentence is an acronym ("U.S. investors in
        // London" is no story from the United States)
        let ends = words.get(f.w1).is_none_or(|n| n.brk || n.key.starts_with(|c: char| c.is_ascii_digit()));
        let caps = ends && words.get(f.w0..f.w1).is_some_and(|ws| ws.iter().all(|w| w.upper));
        let agency = (1..=3).any(|n| {
            words.get(f.w1..f.w1 + n).is_some_and(|ws| {
                let k = ws.iter().map(|w| w.key.as_str()).collect::<Vec<_>>().join(" ");
                cw.agencies.binary_search(&k).is_ok()
            })
        });
        if caps || agency {
            if let Some(p) = cands.first().and_then(|&c| place_of(c as usize)) {
                if !p.country.is_empty() {
                    match ctx.iter_mut().find(|(c, _)| *c == p.country) {
                        Some(e) => e.1 += 3.0,
                        None => ctx.push((p.country, 3.0)),
                    }
                }
            }
        }
    }
    ctx.retain(|(c, _)| !c.is_empty());
    // a place named again with the same candidates and cues scores as it
    // did (score_candidates reads nothing else): its scores are copied
    let mut out: Vec<Choice> = Vec::with_capacity(found.len());
    // (candidates, the name as read, adjective's country, settlement word,
    // weakness; index in `out`): the name counts, as a big city's own name
    // or another place's other name ([`score_candidates`])
    type Seen<'a> = (&'a [u32], &'a str, Option<&'a str>, bool, Weak, usize);
    let mut scored_before: Vec<Seen<'_>> = Vec::new();
    for f in found {
        let choice = match &f.what {
            What::Place { weak: Weak::Focus, .. } => Choice::default(),
            What::Place { cands, key, adj_country, settlement, weak, .. } if !cands.is_empty() => {
                let same = |b: &&Seen<'_>| {
                    b.0 == *cands && b.1 == key && b.2 == *adj_country && b.3 == *settlement && b.4 == *weak
                };
                let scored = match scored_before.iter().find(same).and_then(|b| out.get(b.5)) {
                    Some(c) => c.scored.clone(),
                    None => {
                        scored_before.push((cands, key, *adj_country, *settlement, *weak, out.len()));
                        score_candidates(cands, Some(key), *adj_country, *settlement, *weak, &ctx)
                    }
                };
                Choice { scored, within: None }
            }
            _ => Choice::default(),
        };
        out.push(choice);
    }
    focus_nouns(found, &ctx, &mut out);
    // mentions whose own words decide them
    let mut own = vec![false; found.len()];
    for (i, f) in found.iter().enumerate() {
        let What::Place { adj_country, .. } = &f.what else { continue };
        if adj_country.is_some() {
            own[i] = true;
        }
        // "a Georgia Democrat": the state
        if let Some(next) = words.get(f.w1) {
            let hits: Vec<&str> = cw.party_after.iter().filter(|(k, _)| *k == next.key).map(|(_, cc)| *cc).collect();
            if !hits.is_empty() && !next.brk {
                for (c, s) in out[i].scored.iter_mut() {
                    if place_of(*c).is_some_and(|p| p.kind == PlaceKind::Province && hits.contains(&p.country)) {
                        *s += 4.0;
                        own[i] = true;
                    }
                }
            }
        }
    }
    // a vocalised mention agrees with one reading of its letters: عمّان
    // (shadda) is Amman, عُمان (damma) is Oman
    for (i, f) in found.iter().enumerate() {
        let Some(ws) = words.get(f.w0..f.w1) else { continue };
        // most mentions carry no mark: no joined text, no letter count
        if !ws.iter().any(|w| w.text.chars().any(is_vowel_mark)) {
            continue;
        }
        let written = ws.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ");
        let marks = vowel_marks(&written);
        if marks.is_empty() {
            continue;
        }
        for (c, s) in out[i].scored.iter_mut() {
            let Some(name) = place_of(*c).and_then(|p| p.name_ar) else { continue };
            match marks_agree(&marks, &vowel_marks(name)) {
                Some(true) => {
                    *s += 4.0;
                    own[i] = true;
                }
                Some(false) => *s -= 4.0,
                None => {}
            }
        }
    }
    for (i, f) in found.iter().enumerate() {
        let What::Place { dir: None, .. } = &f.what else { continue };
        if division_cue(words, f.w0, f.w1) {
            for (c, s) in out[i].scored.iter_mut() {
                // above a country's own weight in the context ("the state of Georgia")
                if place_of(*c).is_some_and(|p| p.kind == PlaceKind::Province) {
                    *s += 3.0;
                    own[i] = true;
                }
            }
        }
    }
    containment::counties_in_named_states(found, &mut out);
    containment::containment(found, words, &mut out, &mut own, &ctx);
    containment::divisions_in_lists(found, words, &mut out);
    for c in out.iter_mut() {
        sort_scored(&mut c.scored);
    }
    // nearness: a town or site near another place the article names
    let anchors: Vec<(usize, &Place)> = out
        .iter()
        .enumerate()
        .filter(|(_, c)| c.within.is_none())
        .filter_map(|(i, c)| c.scored.first().and_then(|&(b, _)| place_of(b)).map(|p| (i, p)))
        .filter(|(_, p)| matches!(p.kind, PlaceKind::City | PlaceKind::Site | PlaceKind::Province))
        .collect();
    let key_of = |i: usize| match &found[i].what {
        What::Place { key, .. } => key.as_str(),
        _ => "",
    };
    for (i, choice) in out.iter_mut().enumerate() {
        if choice.scored.len() < 2 {
            continue;
        }
        let ki = key_of(i);
        let near: Vec<&Place> = anchors.iter().filter(|(j, _)| key_of(*j) != ki).map(|(_, p)| *p).collect();
        let sent_of = |j: usize| words.get(found[j].w0).map(|w| w.sent);
        let passage = |j: usize| sent_of(j).zip(sent_of(i)).is_some_and(|(a, b)| a.abs_diff(b) <= 1);
        let sibling = anchors.iter().filter(|&&(j, _)| key_of(j) != ki && passage(j)).map(|(_, p)| *p);
        let siblings: Vec<&Place> = sibling.collect();
        for (c, s) in choice.scored.iter_mut() {
            let Some(p) = place_of(*c) else { continue };
            // "Texas and Georgia": a division among divisions of the same
            // country named in its passage (Ohio named three paragraphs
            // away does not make "from New York and Toronto" the state)
            if p.kind == PlaceKind::Province
                && siblings.iter().any(|a| a.kind == PlaceKind::Province && a.country == p.country)
            {
                *s += 1.0;
            }
            // more so near several ("Cordova" among Jasper and Dora: Alabama's)
            if matches!(p.kind, PlaceKind::City | PlaceKind::Site | PlaceKind::Province) {
                let n = near
                    .iter()
                    .filter(|a| {
                        gazetteer::within_km(a.lat, a.lon, p.lat, p.lon, 200f64.max(a.radius_km).max(p.radius_km))
                    })
                    .count();
                if n > 0 {
                    *s += 1.0 + 0.25 * (n - 1).min(4) as f64;
                }
            }
        }
        sort_scored(&mut choice.scored);
    }
    containment::towns_below_areas(found, &mut out, &own);
    local::passage_countries(found, words, &mut out);
    local::towns_in_named_divisions(found, words, &mut out, &own);
    // one place per name per article: the candidate with the highest total
    // over the name's mentions, for every mention that does not decide alone
    let mut totals: HashMap<&str, HashMap<usize, f64, FnvBuild>, FnvBuild> = HashMap::default();
    for (i, c) in out.iter().enumerate() {
        if matches!(&found[i].what, What::Place { dir: None, .. }) {
            let t = totals.entry(key_of(i)).or_default();
            for &(p, s) in &c.scored {
                *t.entry(p).or_default() += s.max(0.0);
            }
        }
    }
    for (i, c) in out.iter_mut().enumerate() {
        if own[i] || !matches!(&found[i].what, What::Place { dir: None, .. }) {
            continue;
        }
        let Some(t) = totals.get(key_of(i)) else { continue };
        let best = c
            .scored
            .iter()
            .map(|&(p, _)| (p, t.get(&p).copied().unwrap_or(0.0)))
            .max_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal).then(b.0.cmp(&a.0)));
        if let Some((b, _)) = best {
            if let Some(pos) = c.scored.iter().position(|&(p, _)| p == b) {
                let item = c.scored.remove(pos);
                c.scored.insert(0, item);
            }
        }
    }
    out
}

fn dir_words(d: Direction) -> &'static str {
    match d {
        (1, 0) => "northern",
        (-1, 0) => "southern",
        (0, 1) => "eastern",
        (0, -1) => "western",
        (1, 1) => "northeast",
        (1, -1) => "northwest",
        (-1, 1) => "southeast",
        (-1, -1) => "southwest",
        _ => "central",
    }
}

/// Where a compass phrase is pinned: on the place it names ("southern
/// California" on California, the generated area `dir:CN-n` on China), as
/// GeoVirus and IDRISI annotate; curated regions ("northeast Syria") keep
/// their own position.
fn compass_pin(p: &'static Place) -> &'static Place {
    let country = || gazetteer::place_by_id(&format!("country:{}", p.country));
    match p.id.strip_prefix("dir:") {
        Some(_) => country().and_then(|i| gazetteer::places().get(i as usize)).unwrap_or(p),
        None => p,
    }
}

/// A point moved from continent `p` halfway to its edge in direction `d`:
/// "أوروبا الشرقية" names a part of a continent.
fn shifted(p: &Place, d: Direction) -> (f64, f64, f64) {
    let r = if p.radius_km > 0.0 { p.radius_km } else { 100.0 };
    let (dy, dx) = (f64::from(d.0), f64::from(d.1));
    let k = 0.5 * r / (dy * dy + dx * dx).sqrt().max(1.0);
    let lat = crate::float::clamp(p.lat + dy * k / 111.0, -89.9, 89.9);
    let lon = p.lon + dx * k / (111.0 * crate::float::cos(lat.to_radians()).abs().max(0.05));
    (lat, (lon + 540.0).rem_euclid(360.0) - 180.0, r / 2.0)
}

fn place_display(p: &Place, ar: bool) -> String {
    if ar {
        p.name_ar.unwrap_or(p.name_en).to_string()
    } else {
        p.name_en.to_string()
    }
}

/// A name only in the article's language, as the text writes it.
fn own_names(ar: bool, text: &str) -> Names {
    let t = Some(text.to_string());
    if ar {
        Names { ar: t, en: None }
    } else {
        Names { ar: None, en: t }
    }
}

/// Groups the accepted mentions into entities. `texts` holds each
/// mention's text. Dates are left to the caller.
pub fn entities(found: &[Found], texts: &[String], words: &[Word], ar: bool) -> (Vec<Ent>, Vec<Option<usize>>) {
    let places = gazetteer::places();
    let chosen = choose_places(found, words);
    let mut ents: Vec<Ent> = Vec::new();
    let mut by_ident: HashMap<String, usize, FnvBuild> = HashMap::default();
    let by_span: HashMap<(usize, usize), usize, FnvBuild> =
        found.iter().enumerate().map(|(i, f)| ((f.start, f.end), i)).collect();
    let mut persons: Vec<usize> = Vec::new();
    // last word of each multi-word person name → its entity
    let mut surnames: HashMap<String, usize, FnvBuild> = HashMap::default();
    let mut of_mention: Vec<Option<usize>> = vec![None; found.len()];
    // first the mentions that stand on their own, then a headline's lone
    // surnames ("Merkel meets Macron" over a story naming them in full), then the links
    let sent = |f: &Found| words.get(f.w0).map(|w| w.sent);
    let (first, last) = (words.first().map(|w| w.sent), words.last().map(|w| w.sent));
    let rank = |f: &Found| match f.what {
        _ if f.link.is_some() => 2,
        What::Person { .. } if f.w1 == f.w0 + 1 && first != last && sent(f) == first => 1,
        _ => 0,
    };
    let mut order: Vec<usize> = (0..found.len()).collect();
    crate::sort::sort_by_key(&mut order, |&i| rank(&found[i]));
    for i in order {
        let f = &found[i];
        let text: &str = texts.get(i).map_or("", String::as_str);
        if let Some(link) = f.link {
            if let Some(&j) = by_span.get(&link) {
                if let Some(e) = of_mention[j] {
                    of_mention[i] = Some(e);
                    ents[e].mentions.push(i);
                    continue;
                }
            }
        }
        let historical = if matches!(f.what, What::Place { .. }) { historical_of(text) } else { None };
        let (ident, kind, name, names, place) = match &f.what {
            What::Date(_) => continue,
            What::Place { .. } if historical.is_some() => {
                let Some(h) = historical else { continue };
                let Some(pin) = gazetteer::place_by_id(h.pin).and_then(|i| places.get(i as usize)) else { continue };
                let info = PlaceInfo {
                    lat: pin.lat,
                    lon: pin.lon,
                    kind: PlaceKind::Country,
                    country: None,
                    radius_km: None,
                    gazetteer_id: format!("historical:{}", h.id),
                    candidates: Vec::new(),
                    corrected: false,
                };
                let names = Names { ar: Some(h.name_ar.to_string()), en: Some(h.name_en.to_string()) };
                let name = if ar { h.name_ar } else { h.name_en }.to_string();
                (format!("plc:historical:{}", h.id), EntityType::Place, name, names, Some(info))
            }
            What::Place { dir: None, .. } if chosen.get(i).is_some_and(|c| c.within.is_some()) => {
                let Some(p) = chosen.get(i).and_then(|c| c.within).and_then(|w| places.get(w)) else { continue };
                // named by the text, pinned on the place it is in
                let key = crate::text::normalize_key(text);
                let info = PlaceInfo {
                    lat: p.lat,
                    lon: p.lon,
                    kind: PlaceKind::City,
                    country: (!p.country.is_empty()).then(|| p.country.to_string()),
                    radius_km: (p.radius_km > 0.0).then_some(p.radius_km),
                    gazetteer_id: p.id.to_string(),
                    candidates: Vec::new(),
                    corrected: false,
                };
                let names = own_names(ar, text);
                (["plc~", &key, "@", p.id].concat(), EntityType::Place, text.to_string(), names, Some(info))
            }
            What::Place { cands, key, dir, .. } => {
                if cands.is_empty() {
                    // a place the tagger found and the gazetteer does not
                    // know: highlighted and listed, not mapped
                    let names = own_names(ar, text);
                    let ident = ["plc~", key].concat();
                    (ident, EntityType::Place, text.to_string(), names, None)
                } else {
                    let Some(scored) = chosen.get(i).map(|c| &c.scored) else { continue };
                    let Some(&(best, _)) = scored.first() else { continue };
                    let Some(p) = places.get(best) else { continue };
                    let ident = match dir {
                        Some(d) => format!("dir:{}:{}:{}", d.0, d.1, p.id),
                        None => ["plc:", p.id].concat(),
                    };
                    // a place named before has its entity: no second build of
                    // its candidates and names for the mention to be dropped
                    if let Some(&e) = by_ident.get(&ident) {
                        ents[e].mentions.push(i);
                        of_mention[i] = Some(e);
                        continue;
                    }
                    let total: f64 = scored.iter().map(|(_, s)| s.max(0.0)).sum::<f64>().max(1e-9);
                    let candidates: Vec<Candidate> = scored
                        .iter()
                        .skip(1)
                        .take(4)
                        .filter_map(|&(ci, s)| {
                            places.get(ci).map(|c| Candidate {
                                id: c.id.to_string(),
                                name: place_display(c, ar),
                                kind: c.kind,
                                lat: c.lat,
                                lon: c.lon,
                                country: (!c.country.is_empty()).then(|| c.country.to_string()),
                                score: (s.max(0.0) / total * 1000.0).round() / 1000.0,
                            })
                        })
                        .collect();
                    let country = (!p.country.is_empty()).then(|| p.country.to_string());
                    match dir {
                        Some(d) => {
                            let pin = compass_pin(p);
                            // (an English compass word outside the mark, "southeast Asia": the continent's point)
                            let (lat, lon, r) = match pin.kind {
                                PlaceKind::Continent if ar || f.lead == 0 => shifted(pin, *d),
                                _ => (pin.lat, pin.lon, if pin.radius_km > 0.0 { pin.radius_km } else { 100.0 }),
                            };
                            let en = format!("{} {}", dir_words(*d), p.name_en);
                            let names =
                                Names { ar: if ar { Some(text.to_string()) } else { None }, en: Some(en.clone()) };
                            let name = if ar { text.to_string() } else { en };
                            let info = PlaceInfo {
                                lat,
                                lon,
                                kind: PlaceKind::Region,
                                country,
                                radius_km: Some(r),
                                gazetteer_id: p.id.to_string(),
                                candidates,
                                corrected: false,
                            };
                            (ident, EntityType::Place, name, names, Some(info))
                        }
                        None => {
                            let pin = compass_pin(p);
                            let info = PlaceInfo {
                                lat: pin.lat,
                                lon: pin.lon,
                                kind: p.kind,
                                country,
                                radius_km: (p.radius_km > 0.0).then_some(p.radius_km),
                                gazetteer_id: p.id.to_string(),
                                candidates,
                                corrected: false,
                            };
                            let names = Names { ar: p.name_ar.map(str::to_string), en: Some(p.name_en.to_string()) };
                            (ident, EntityType::Place, place_display(p, ar), names, Some(info))
                        }
                    }
                }
            }
            What::Org { curated: Some(o), .. } => {
                let names = Names { ar: Some(o.ar.to_string()), en: Some(o.en.to_string()) };
                let name = if ar { o.ar } else { o.en }.to_string();
                (format!("org:{}", o.id), EntityType::Organization, name, names, None)
            }
            What::KnownPerson(p) => {
                let names = Names { ar: Some(p.ar.to_string()), en: Some(p.en.to_string()) };
                let name = if ar { p.ar } else { p.en }.to_string();
                (["known:", p.id].concat(), EntityType::Person, name, names, None)
            }
            What::Org { curated: None, key } => {
                let names = own_names(ar, text);
                (["org~", strip_article(key)].concat(), EntityType::Organization, text.to_string(), names, None)
            }
            What::Person { key } if !key.contains(' ') && surnames.contains_key(key.as_str()) => {
                let e = surnames[key.as_str()];
                of_mention[i] = Some(e);
                ents[e].mentions.push(i);
                continue;
            }
            What::Person { key } => {
                // "Joe Biden" and a later "President Joe Biden" are one person
                let ident = persons
                    .iter()
                    .filter_map(|&p| ents.get(p))
                    .find(|e| {
                        // and with its longest name: "أيمن الظواهري" is not "محمد ربيع الظواهري"
                        let k = e.ident.strip_prefix("per:").unwrap_or(key);
                        k != key && one_person(k, key) && one_person(&crate::text::normalize_key(&e.name), key)
                    })
                    .map(|e| e.ident.clone())
                    .unwrap_or_else(|| ["per:", key].concat());
                let names = own_names(ar, text);
                (ident, EntityType::Person, text.to_string(), names, None)
            }
        };
        let e = match by_ident.get(&ident) {
            Some(&e) => e,
            None => {
                by_ident.insert(ident.clone(), ents.len());
                if kind == EntityType::Person {
                    persons.push(ents.len());
                }
                ents.push(Ent { kind, ident, name, names, place, mentions: Vec::new() });
                ents.len() - 1
            }
        };
        // a person's display name is its longest form
        if kind == EntityType::Person && text.chars().count() > ents[e].name.chars().count() {
            ents[e].name = text.to_string();
            if ar {
                ents[e].names.ar = Some(text.to_string());
            } else {
                ents[e].names.en = Some(text.to_string());
            }
        }
        ents[e].mentions.push(i);
        of_mention[i] = Some(e);
        if kind == EntityType::Person {
            let norm = crate::text::normalize_key(text);
            if let Some((_, last)) = norm.rsplit_once(' ') {
                surnames.entry(last.to_string()).or_insert(e);
            }
        }
    }
    (ents, of_mention)
}

/// An Arabic short-vowel mark (fathatan … sukun, U+064B–U+0652).
fn is_vowel_mark(ch: char) -> bool {
    ('\u{064B}'..='\u{0652}').contains(&ch)
}

/// The Arabic short-vowel marks of `text` ([`is_vowel_mark`]),
/// as (letters after the one the mark sits on, mark): counted from the end,
/// so a clitic or the article before a name does not shift them.
fn vowel_marks(text: &str) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    let mut letters = 0usize;
    for ch in text.chars().rev() {
        if is_vowel_mark(ch) {
            out.push((letters, ch));
        } else if ch.is_alphabetic() {
            letters += 1;
        }
    }
    out
}

/// Whether the marks of a mention agree with those of a name: `Some(true)`
/// when they share a mark on the same letter and differ on none, `Some(false)`
/// when some letter carries different marks, `None` when no letter carries a
/// mark in both.
fn marks_agree(mention: &[(usize, char)], name: &[(usize, char)]) -> Option<bool> {
    let mut shared = false;
    for &(at, m) in mention {
        let on_name: Vec<char> = name.iter().filter(|(a, _)| *a == at).map(|&(_, c)| c).collect();
        if on_name.is_empty() {
            continue;
        }
        if !on_name.contains(&m) {
            return Some(false);
        }
        shared = true;
    }
    shared.then_some(true)
}

fn strip_article(key: &str) -> &str {
    key.strip_prefix("ال").or_else(|| key.strip_prefix("the ")).unwrap_or(key)
}
