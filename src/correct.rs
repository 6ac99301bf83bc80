//! The reader's corrections of where places are. A wrong pin (a Yemeni town
//! read as Zanzibar, a US state read as the country Georgia) is fixed by
//! picking another gazetteer place: one of the runner-up candidates the
//! analysis kept, or a search of the gazetteer by name. A fix is part of the
//! view state ([`PlaceFix`]), so it travels in a share link as two short ids,
//! and it is applied to the analysis after `analyze`, which stays pure:
//! the entity keeps its id (selections and links stay valid), its pin,
//! names and place details move, and the analysed choice becomes a candidate
//! so the reader can go back.
//!
//! ```
//! use article_atlas::{analyze, correct_places, parse_article, PlaceFix};
//!
//! let json = br#"{"title": "Storm in Georgia", "lang": "en", "body": "Heavy rain hit Georgia on Monday."}"#;
//! let mut analysis = analyze(&parse_article(json).unwrap());
//! let georgia = analysis.entities.iter().find(|e| e.name == "Georgia").unwrap();
//! let other = georgia.place.as_ref().unwrap().candidates[0].clone();
//! let fix = PlaceFix { entity: georgia.id.clone(), place: other.id.clone() };
//! assert_eq!(correct_places(&mut analysis, &[fix]), 1);
//! let moved = analysis.entities.iter().find(|e| e.name == other.name).unwrap().place.as_ref().unwrap();
//! assert!(moved.corrected && moved.lat == other.lat);
//! ```

use crate::gazetteer::{self, Place};
use crate::model::{Analysis, Candidate, EntityType, Names, PlaceInfo};
use crate::view::PlaceFix;

/// Moves each corrected place entity to its chosen gazetteer place and
/// returns how many fixes took effect. A fix naming an entity that is not a
/// place of this analysis, or a place that is not at hand (a gazetteer
/// shard still on its way), changes nothing: the analysis is corrected
/// again when the shard arrives.
pub fn apply(a: &mut Analysis, fixes: &[PlaceFix]) -> usize {
    let ar = a.lang == "ar";
    let mut applied = 0;
    for fix in fixes {
        let Some(e) = a.entities.iter_mut().find(|e| e.id == fix.entity && e.kind == EntityType::Place) else {
            continue;
        };
        let Some(p) = gazetteer::place_by_id(&fix.place).and_then(|i| gazetteer::places().get(i as usize)) else {
            continue;
        };
        let old = e.place.take();
        if old.as_ref().is_some_and(|o| o.gazetteer_id == p.id) {
            // the analysed choice itself: nothing to correct
            e.place = old;
            continue;
        }
        // the analysed choice becomes the first candidate, the new one leaves the list
        let mut candidates = Vec::new();
        if let Some(o) = &old {
            let others: f64 = o.candidates.iter().map(|c| c.score).sum();
            candidates.push(Candidate {
                id: o.gazetteer_id.clone(),
                name: e.name.clone(),
                kind: o.kind,
                lat: o.lat,
                lon: o.lon,
                country: o.country.clone(),
                score: (crate::float::clamp(1.0 - others, 0.0, 1.0) * 1000.0).round() / 1000.0,
            });
            candidates.extend(o.candidates.iter().filter(|c| c.id != p.id).cloned());
        }
        e.name = display(p, ar);
        e.names = Names { ar: p.name_ar.map(str::to_string), en: Some(p.name_en.to_string()) };
        e.place = Some(PlaceInfo {
            lat: p.lat,
            lon: p.lon,
            kind: p.kind,
            country: (!p.country.is_empty()).then(|| p.country.to_string()),
            radius_km: (p.radius_km > 0.0).then_some(p.radius_km),
            gazetteer_id: p.id.to_string(),
            candidates,
            corrected: true,
        });
        applied += 1;
    }
    applied
}

/// Gazetteer places called `query` (any spelling the recogniser accepts:
/// Arabic letter variants, clitics on the first word, case), best first by
/// the gazetteer's prior, as candidates to pick from; at most `limit`.
/// Only places at hand are found (the core, and shards already fetched).
pub fn search(query: &str, ar: bool, limit: usize) -> Vec<Candidate> {
    let key = gazetteer::name_key(query);
    let Some((first, rest)) = key.split_once(' ').map_or(Some((key.as_str(), "")), Some) else {
        return Vec::new();
    };
    if first.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<u32> = Vec::new();
    for stem in crate::text::stems(first) {
        let k = if rest.is_empty() { stem.to_string() } else { format!("{stem} {rest}") };
        for &i in gazetteer::lookup(&k) {
            if !found.contains(&i) {
                found.push(i);
            }
        }
    }
    let places = gazetteer::places();
    found
        .iter()
        .filter_map(|&i| places.get(i as usize))
        .take(limit)
        .map(|p| Candidate {
            id: p.id.to_string(),
            name: display(p, ar),
            kind: p.kind,
            lat: p.lat,
            lon: p.lon,
            country: (!p.country.is_empty()).then(|| p.country.to_string()),
            score: 0.0,
        })
        .collect()
}

fn display(p: &Place, ar: bool) -> String {
    if ar {
        p.name_ar.unwrap_or(p.name_en).to_string()
    } else {
        p.name_en.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analysis(lang: &str, body: &str) -> Analysis {
        let article = crate::model::Article {
            title: "t".into(),
            lang: lang.into(),
            paragraphs: vec![body.into()],
            ..crate::model::Article::default()
        };
        crate::analyze(&article)
    }

    fn place<'a>(a: &'a Analysis, id: &str) -> &'a PlaceInfo {
        a.entities.iter().find(|e| e.id == id).and_then(|e| e.place.as_ref()).unwrap()
    }

    #[test]
    fn a_fix_moves_the_pin_keeps_the_id_and_offers_the_way_back() {
        let mut a = analysis("en", "Officials in Georgia said the storm had passed.");
        let e = a.entities.iter().find(|e| e.name == "Georgia").unwrap().clone();
        let before = e.place.clone().unwrap();
        let target = before.candidates.first().cloned().expect("Georgia has a runner-up");
        let mentions = a.mentions.clone();
        assert_eq!(apply(&mut a, &[PlaceFix { entity: e.id.clone(), place: target.id.clone() }]), 1);
        let now = place(&a, &e.id);
        assert_eq!((now.lat, now.lon, now.gazetteer_id.as_str()), (target.lat, target.lon, target.id.as_str()));
        assert!(now.corrected);
        assert_eq!(now.candidates.first().map(|c| c.id.as_str()), Some(before.gazetteer_id.as_str()));
        assert!(!now.candidates.iter().any(|c| c.id == target.id));
        assert_eq!(a.mentions, mentions, "the text's marks are untouched");
        // going back is the same as no fix
        let mut again = analysis("en", "Officials in Georgia said the storm had passed.");
        assert_eq!(apply(&mut again, &[PlaceFix { entity: e.id.clone(), place: before.gazetteer_id.clone() }]), 0);
        assert!(!place(&again, &e.id).corrected);
    }

    #[test]
    fn fixes_that_name_nothing_change_nothing() {
        let mut a = analysis("en", "Talks were held in Cairo on Monday.");
        let copy = a.clone();
        let cairo = a.entities.iter().find(|e| e.name == "Cairo").unwrap().id.clone();
        let person = PlaceFix { entity: "per:nobody".into(), place: "country:FR".into() };
        let unknown_place = PlaceFix { entity: cairo, place: "geonames:0".into() };
        assert_eq!(apply(&mut a, &[person, unknown_place]), 0);
        assert_eq!(a, copy);
    }

    #[test]
    fn search_finds_places_by_any_spelling() {
        let by_ar = search("وزنجبار", true, 8);
        assert!(by_ar.iter().any(|c| c.country.as_deref() == Some("YE")), "{by_ar:?}");
        assert!(by_ar.iter().any(|c| c.country.as_deref() == Some("TZ")), "{by_ar:?}");
        let en = search("GEORGIA", false, 8);
        assert_eq!(en.first().and_then(|c| c.country.as_deref()), Some("GE"), "{en:?}");
        assert!(en.iter().any(|c| c.country.as_deref() == Some("US")), "{en:?}");
        assert!(search("", false, 8).is_empty());
        assert!(search("zzqxj", false, 8).is_empty());
    }
}
