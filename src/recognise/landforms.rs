//! Natural features and protected areas named in English: rivers, lakes,
//! creeks, mountains, valleys, seas ("Black Warrior River", "Lake Lanier",
//! "Pine Creek", "Gulf of Mexico") and parks or forests after "National"
//! or "State" ("Chattahoochee National Forest"). The English tagger often
//! reads such a name as an organisation or a person; it is a place, mapped
//! when the gazetteer knows it and listed unmapped when it does not.
//!
//! A town named with a compass word ("South Charleston", "North Jasper"
//! as the gazetteer holds them) is a place too, not a person or a body,
//! and so is a notable place whose name has a short particle inside ("Dar
//! es Salaam"), over the tagger's pieces of it.
//!
//! The words are the lists `en_feature_last`, `en_feature_first` and
//! `en_feature_national` of `data/curated/recognise_words.tsv`.

use super::lists::{en_feature_first, en_feature_last, en_feature_national};
use super::merge::{first_kind, notable_first, PRIO_PLACE};
use super::places::tagged_place;
use super::{Found, What, Word};
use crate::model::PlaceKind;

/// The candidates of the English words `w0..w1` (a span the tagger read as
/// an organisation or a person) when they name a natural feature or a
/// protected area (see the module doc): the gazetteer's, or none when it
/// does not know the name. Not a person's name that ends in such a word
/// ("Ricki Lake", "Michael Bay": the first word a given name), nor a town's
/// name the gazetteer holds ("Green Bay", "Salt Lake": a team or a council
/// read as an organisation is left to the other rules).
#[inline(never)]
pub(super) fn natural_feature(words: &[Word], w0: usize, w1: usize) -> Option<(&'static [u32], usize)> {
    let ws = words.get(w0..w1).filter(|ws| ws.len() >= 2)?;
    let (first, last) = (&ws[0], &ws[ws.len() - 1]);
    let named = |w: &Word| !w.arabic && (w.cap || w.upper);
    if !named(first) || !named(last) || ws[1..].iter().any(|w| w.brk) {
        return None;
    }
    let protected = en_feature_national().contains(&last.key)
        && matches!(ws[ws.len() - 2].key.as_str(), "national" | "state")
        && ws.len() >= 3;
    let feature = en_feature_last().contains(&last.key) || en_feature_first().contains(&first.key);
    if !(feature || protected) || (first.f.given.is_some() && !en_feature_first().contains(&first.key)) {
        return None;
    }
    match tagged_place(words, w0, w1) {
        Some((cands, _)) if first_kind(cands, &[PlaceKind::City]) => None,
        Some(found) => Some(found),
        None => Some((&[], 0)),
    }
}

/// The candidates of the English words `w0..w1` (a span the tagger read as
/// an organisation or a person) when they open with a compass word and the
/// gazetteer holds the whole as a town or a province ("South Charleston",
/// "North Charleston", "West Jefferson").
#[inline(never)]
pub(super) fn compass_town(words: &[Word], w0: usize, w1: usize) -> Option<(&'static [u32], usize)> {
    let ws = words.get(w0..w1).filter(|ws| ws.len() >= 2)?;
    if ws.iter().any(|w| w.arabic || !(w.cap || w.upper)) || ws[1..].iter().any(|w| w.brk) {
        return None;
    }
    super::lexicon::compass(&ws[0].key)?;
    tagged_place(words, w0, w1).filter(|(cands, _)| first_kind(cands, &[PlaceKind::City, PlaceKind::Province]))
}

/// A notable place's or a region's Latin name of three words or more with
/// a short particle inside ("Dar es Salaam", "Gulf of Mexico"): the tagger reads
/// the particle as a break ("Dar" a place, "Salaam" a person), the
/// gazetteer knows the whole.
pub(super) fn particle_name(c: &Found) -> bool {
    let What::Place { cands, key, .. } = &c.what else { return false };
    let parts: Vec<&str> = key.split(' ').collect();
    c.prio == PRIO_PLACE
        && parts.len() >= 3
        && key.starts_with(|ch: char| ch.is_ascii_alphabetic())
        && parts[1..parts.len() - 1].iter().all(|p| (1..=3).contains(&p.len()))
        && (notable_first(cands) || first_kind(cands, &[PlaceKind::Region]))
}
