//! The country a passage is about: a town's name is read as the town of the
//! country, region or province named in its own or the neighbouring
//! sentences ("cases in England were confirmed. Five people in the Glasgow
//! area ..." is Glasgow, Scotland, in a round-up that names the United
//! States far more often), over the article's countries as a whole.

use super::Choice;
use crate::gazetteer;
use crate::model::PlaceKind;
use crate::recognise::{Found, What, Word};

/// Sentences before and after a town's own that count as its passage.
const SENTENCES: usize = 1;

/// Raised score of a town candidate in a country named in its passage:
/// about the weight of a second mention of that country in the article.
const LOCAL: f64 = 2.0;

/// Raises the town and site candidates of every place mention that lie in
/// a country named, as a country, region or first-level division, in the
/// same or a neighbouring sentence (by another name: "Glasgow" cannot
/// vouch for itself), when its candidates lie in more than one country,
/// the one chosen lies in none of the passage's, and they are bigger towns
/// than it.
pub(super) fn passage_countries(found: &[Found], words: &[Word], out: &mut [Choice]) {
    let places = gazetteer::places();
    let key_of = |i: usize| match &found[i].what {
        What::Place { key, .. } => key.as_str(),
        _ => "",
    };
    // (sentence, key, country) of every mention that names an area
    let areas: Vec<(usize, &str, &str)> = out
        .iter()
        .enumerate()
        .filter(|(i, c)| c.within.is_none() && matches!(&found[*i].what, What::Place { dir: None, .. }))
        .filter_map(|(i, c)| {
            let p = c.scored.first().and_then(|&(b, _)| places.get(b))?;
            let area = matches!(p.kind, PlaceKind::Country | PlaceKind::Region | PlaceKind::Province);
            let sent = words.get(found[i].w0)?.sent;
            (area && !p.country.is_empty()).then_some((sent, key_of(i), p.country))
        })
        .collect();
    if areas.is_empty() {
        return;
    }
    for (i, choice) in out.iter_mut().enumerate() {
        // a town for a town: a country's or a province's name stays the area
        let town = |k: PlaceKind| matches!(k, PlaceKind::City | PlaceKind::Site);
        let Some(first) = choice.scored.first().and_then(|&(c, _)| places.get(c)).filter(|p| town(p.kind)) else {
            continue;
        };
        if choice.scored.iter().filter_map(|&(c, _)| places.get(c)).all(|p| p.country == first.country) {
            continue;
        }
        let Some(sent) = words.get(found[i].w0).map(|w| w.sent) else { continue };
        let key = key_of(i);
        let near: Vec<&str> =
            areas.iter().filter(|(s, k, _)| *k != key && s.abs_diff(sent) <= SENTENCES).map(|(_, _, cc)| *cc).collect();
        // the passage agrees with the choice already ("Washington" among
        // Virginia and West Virginia is the state, not the capital)
        if near.is_empty() || near.contains(&first.country) {
            continue;
        }
        // a bigger town than the one chosen ("Cairo" after "a United States
        // military laboratory" stays Egypt's, not a village in Georgia)
        for (c, s) in choice.scored.iter_mut() {
            if places
                .get(*c)
                .is_some_and(|p| town(p.kind) && p.population >= first.population && near.contains(&p.country))
            {
                *s += LOCAL;
            }
        }
        super::sort_scored(&mut choice.scored);
    }
}

/// Raised score of a town candidate inside a first-level division named in
/// its passage: above a country's weight in the context, as the state is
/// nearer than its country.
const IN_DIVISION: f64 = 3.0;

/// A town's name is read as the town of a first-level division (a US state,
/// a province) named in its own or the neighbouring sentences, whatever its
/// size: local news names the state once, in the dateline or with a
/// party or an office ("TOPEKA, Kan. — ... homes in Manhattan", "A Georgia
/// Republican ... schools in Athens and Rome", "Authorities in Vermont
/// ... In Montpelier and Berlin"). The division counts also when it stands
/// inside an organisation's name ("Texas Department of Transportation").
/// The division of a dateline ("LEXINGTON, Ky. (AP) —") counts for the
/// whole article, as the story happens there. The mention's own words
/// (containment, an adjective) decide before this.
pub(super) fn towns_in_named_divisions(found: &[Found], words: &[Word], out: &mut [Choice], own: &[bool]) {
    let places = gazetteer::places();
    let key_of = |i: usize| match &found[i].what {
        What::Place { key, .. } => key.as_str(),
        _ => "",
    };
    // (sentence, key, division, in a dateline) of every mention resolved to a division
    let divisions: Vec<(usize, &str, &gazetteer::Place, bool)> = out
        .iter()
        .enumerate()
        .filter(|(i, c)| c.within.is_none() && matches!(&found[*i].what, What::Place { dir: None, .. }))
        .filter_map(|(i, c)| {
            let p = c.scored.first().and_then(|&(b, _)| places.get(b)).filter(|p| p.kind == PlaceKind::Province)?;
            Some((words.get(found[i].w0)?.sent, key_of(i), p, in_dateline(words, found[i].w0)))
        })
        .collect();
    if divisions.is_empty() {
        return;
    }
    let town = |k: PlaceKind| matches!(k, PlaceKind::City | PlaceKind::Site);
    for (i, choice) in out.iter_mut().enumerate() {
        if own[i] || choice.scored.len() < 2 || !matches!(&found[i].what, What::Place { dir: None, .. }) {
            continue;
        }
        let Some(first) = choice.scored.first().and_then(|&(c, _)| places.get(c)).filter(|p| town(p.kind)) else {
            continue;
        };
        let Some(sent) = words.get(found[i].w0).map(|w| w.sent) else { continue };
        let key = key_of(i);
        let near: Vec<&gazetteer::Place> = divisions
            .iter()
            .filter(|(s, k, _, dateline)| *k != key && (*dateline || s.abs_diff(sent) <= SENTENCES))
            .map(|(_, _, p, _)| *p)
            .collect();
        if near.is_empty() || near.iter().any(|d| super::contains(d, first)) {
            continue;
        }
        let mut moved = false;
        for (c, s) in choice.scored.iter_mut() {
            if places.get(*c).is_some_and(|p| town(p.kind) && near.iter().any(|d| super::contains(d, p))) {
                *s += IN_DIVISION;
                moved = true;
            }
        }
        if moved {
            super::sort_scored(&mut choice.scored);
        }
    }
}

/// Whether word `w` follows a comma after a town's name in capitals that
/// opens its sentence: the division of a dateline ("LEXINGTON, Ky.").
fn in_dateline(words: &[Word], w: usize) -> bool {
    if w == 0 || !words.get(w).is_some_and(|x| x.comma_before) {
        return false;
    }
    let mut j = w - 1;
    loop {
        let Some(x) = words.get(j).filter(|x| x.upper) else { return false };
        if x.sent_start {
            return true;
        }
        if j == 0 || w - j >= 4 {
            return false;
        }
        j -= 1;
    }
}
