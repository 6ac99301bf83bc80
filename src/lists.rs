//! The curated word lists only analysis reads, as one late asset.
//!
//! The first paint needs the text and the map, not the recogniser's word
//! lists (organisations, names, titles, demonyms, the lists that keep
//! ordinary words from being names, …): in the wasm build these come as the
//! late asset `lists` (`lists.HASH.tsv`, written by `scripts/assets.mjs`
//! from [`PATHS`]) and are handed in with [`provide`]. Native builds
//! (CLI, tests, benchmarks) embed them, so they never wait and stay
//! deterministic. The gazetteer's stop words, US state abbreviations and
//! curated demonyms and the organisation-place heads are analysis lists
//! too (6 KB of brotli off the first download). The lists the page needs
//! before any analysis stay embedded where they are: months and time words
//! (the article's publication date is read with the whole date scanner
//! when the article is parsed, and Hijri dates with the Umm al-Qura
//! table), the text normalisation forms and HTML entities (parsing).
//!
//! A table parsed from these lists is a [`Late`]: until the lists are here
//! it is built from empty lists into a cell of its own, and the real table
//! is built on first use after they arrive. So a table read too early is
//! never frozen empty; the page analyses again when the asset arrives.
//!
//! Asset format: for each list of [`PATHS`] in order, the byte 0x1C, its
//! path, a newline, then the file's text.

use std::sync::OnceLock;

/// The asset's name (see [`crate::assets`]).
pub const ASSET: &str = "lists";

/// Separates the lists in the asset (ASCII file separator: in no list).
const SEP: char = '\u{1c}';

macro_rules! late_lists {
    ($($(#[$doc:meta])* $name:ident = $path:literal,)*) => {
        /// A late word list.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum List {
            $($(#[$doc])* $name,)*
        }

        /// Each list's file under `data/`, in [`List`] order: the asset's
        /// contents, in order (`scripts/assets.mjs` reads these lines).
        pub const PATHS: &[&str] = &[$($path,)*];

        #[cfg(not(target_arch = "wasm32"))]
        static EMBEDDED: &[&str] = &[$(include_str!(concat!("../data/", $path)),)*];
    };
}

late_lists! {
    Orgs = "curated/orgs.tsv",
    Companies = "curated/companies.tsv",
    Titles = "curated/titles.tsv",
    Triggers = "curated/event_triggers.tsv",
    GivenNames = "curated/given_names.tsv",
    ArNames = "curated/ar_names.tsv",
    People = "curated/people.tsv",
    RecogniseWords = "curated/recognise_words.tsv",
    Compass = "curated/compass.tsv",
    PlaceIdioms = "curated/place_idioms.tsv",
    NotPersonWords = "curated/not_person_words.tsv",
    AmbiguousPlaces = "curated/ambiguous_places.tsv",
    Demonyms = "demonyms/demonyms.tsv",
    DemonymStops = "curated/demonym_stops.tsv",
    PlaceContext = "curated/place_context.tsv",
    HistoricalPlaces = "curated/historical_places.tsv",
    EventWords = "curated/event_words.tsv",
    Stopwords = "curated/stopwords.tsv",
    CuratedDemonyms = "curated/demonyms.tsv",
    StateAbbreviations = "curated/us_state_abbreviations.tsv",
    OrgPlaceHeads = "curated/org_place_heads.tsv",
}

/// The text of `list` (empty while the asset has not arrived).
pub fn text(list: List) -> &'static str {
    all().and_then(|t| t.get(list as usize)).copied().unwrap_or("")
}

/// Whether the lists are at hand (always, natively).
pub fn ready() -> bool {
    all().is_some()
}

#[cfg(not(target_arch = "wasm32"))]
fn all() -> Option<&'static [&'static str]> {
    Some(EMBEDDED)
}

#[cfg(target_arch = "wasm32")]
static PROVIDED: OnceLock<Vec<&'static str>> = OnceLock::new();

#[cfg(target_arch = "wasm32")]
fn all() -> Option<&'static [&'static str]> {
    PROVIDED.get().map(Vec::as_slice)
}

/// Takes the asset. `Ok(false)` when the lists were at hand already
/// (always, natively).
pub fn provide(text: &str) -> Result<bool, String> {
    parse(text)?;
    store(text)
}

#[cfg(target_arch = "wasm32")]
fn store(text: &str) -> Result<bool, String> {
    if PROVIDED.get().is_some() {
        return Ok(false);
    }
    // kept for the life of the page, as the embedded lists are natively
    let owned: &'static str = Box::leak(text.to_string().into_boxed_str());
    Ok(PROVIDED.set(parse(owned)?).is_ok())
}

#[cfg(not(target_arch = "wasm32"))]
fn store(_: &str) -> Result<bool, String> {
    Ok(false)
}

/// The asset's lists, in [`PATHS`] order, checked against [`PATHS`].
fn parse(text: &str) -> Result<Vec<&str>, String> {
    let mut out = Vec::with_capacity(PATHS.len());
    let mut parts = text.split(SEP);
    if parts.next() != Some("") {
        return Err("the lists do not start with a separator".into());
    }
    for part in parts {
        let (path, body) = part.split_once('\n').ok_or("a list has no name line")?;
        if PATHS.get(out.len()) != Some(&path) {
            return Err(format!("unexpected list {path}"));
        }
        out.push(body);
    }
    if out.len() != PATHS.len() {
        return Err(format!("{} lists of {}", out.len(), PATHS.len()));
    }
    Ok(out)
}

/// The asset's bytes made from the embedded lists (what
/// `scripts/assets.mjs` writes).
#[cfg(test)]
fn asset_text() -> String {
    PATHS.iter().zip(EMBEDDED).map(|(p, t)| format!("{SEP}{p}\n{t}")).collect()
}

/// A table parsed from late lists: read before they arrive it is built
/// from empty lists in a cell of its own, so the real one is built once
/// they are here, never frozen empty.
pub struct Late<T> {
    full: OnceLock<T>,
    early: OnceLock<T>,
}

impl<T> Late<T> {
    pub const fn new() -> Self {
        Late { full: OnceLock::new(), early: OnceLock::new() }
    }

    /// The table, built by `build` on first use (with the lists, or
    /// without them while they are on their way).
    pub fn get(&self, build: impl FnOnce() -> T) -> &T {
        self.get_when(ready(), build)
    }

    fn get_when(&self, ready: bool, build: impl FnOnce() -> T) -> &T {
        if ready {
            self.full.get_or_init(build)
        } else {
            self.early.get_or_init(build)
        }
    }
}

impl<T> Default for Late<T> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_asset_round_trips_and_bad_copies_are_refused() {
        let asset = asset_text();
        assert_eq!(parse(&asset).unwrap(), EMBEDDED);
        assert_eq!(provide(&asset), Ok(false), "native builds have the lists");
        assert!(provide("").is_err());
        let cut = asset.char_indices().nth(asset.chars().count() / 2).map_or(0, |(i, _)| i);
        assert!(provide(&asset[..cut]).is_err(), "a cut copy misses lists");
        let renamed = asset.replacen(PATHS[0], "curated/other.tsv", 1);
        assert!(provide(&renamed).is_err());
        assert_eq!(text(List::EventWords), EMBEDDED[List::EventWords as usize]);
        assert!(PATHS.iter().zip(EMBEDDED).all(|(_, t)| !t.contains(SEP)));
    }

    #[test]
    fn a_table_read_before_the_lists_is_not_frozen() {
        let t: Late<usize> = Late::new();
        assert_eq!(*t.get_when(false, || 0), 0, "built from empty lists");
        assert_eq!(*t.get_when(false, || 9), 0, "and kept while they are on their way");
        assert_eq!(*t.get_when(true, || 5), 5, "the real table once they are here");
        assert_eq!(*t.get_when(true, || 7), 5);
        assert_eq!(*t.get(|| 8), 5, "native builds have the lists");
    }

    #[test]
    fn the_generator_reads_the_same_lists() {
        // scripts/assets.mjs reads PATHS from this file; it must find them all
        let src = include_str!("lists.rs");
        let found: Vec<&str> = src
            .lines()
            .filter_map(|l| l.trim().split_once(" = \"")?.1.strip_suffix("\","))
            .filter(|p| p.ends_with(".tsv"))
            .collect();
        assert_eq!(found, PATHS);
    }
}
