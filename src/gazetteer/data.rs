//! Parsing of the embedded tables, once, into sorted arrays.

use std::sync::OnceLock;

use super::{CountryShape, Place};
use crate::model::PlaceKind;
use crate::text::normalize_key;

static PLACES_TSV: &str = include_str!("../../data/gazetteer/places.tsv");
static INDEX_TSV: &str = include_str!("../../data/gazetteer/index.tsv");
static WORLD_TSV: &str = include_str!("../../data/gazetteer/world.tsv");
static STOPWORDS_TSV: &str = include_str!("../../data/curated/stopwords.tsv");
static DEMONYMS_TSV: &str = include_str!("../../data/curated/demonyms.tsv");

/// Arabic endings that turn a masculine nisba into its other forms:
/// feminine, plurals (oblique and nominative) and feminine plural.
const NISBA_SUFFIXES: &[&str] = &["", "ه", "ين", "ون", "ات"];

/// Sizes of the parsed tables, for reports and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub places: usize,
    /// Distinct lookup keys.
    pub keys: usize,
    /// (key, place) pairs.
    pub entries: usize,
    /// Rows of the embedded tables that did not parse (0 for good data).
    pub skipped_rows: usize,
    pub demonyms: usize,
    pub shapes: usize,
}

struct Gazetteer {
    places: Vec<Place>,
    /// Sorted, unique keys; `spans[i]` is the range of `ids` for `keys[i]`.
    keys: Vec<&'static str>,
    spans: Vec<(u32, u32)>,
    ids: Vec<u32>,
    max_tokens: usize,
    /// Place indexes sorted by place id.
    by_id: Vec<u32>,
    /// Sorted keys of weak common words.
    weak: Vec<String>,
    /// Sorted (key, iso2).
    demonyms: Vec<(String, &'static str)>,
    skipped: usize,
}

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(build)
}

fn data_rows(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn parse_kind(s: &str) -> Option<PlaceKind> {
    Some(match s {
        "continent" => PlaceKind::Continent,
        "region" => PlaceKind::Region,
        "country" => PlaceKind::Country,
        "province" => PlaceKind::Province,
        "city" => PlaceKind::City,
        "site" => PlaceKind::Site,
        _ => return None,
    })
}

fn parse_place(line: &str) -> Option<Place> {
    let f: Vec<&str> = line.split('\t').collect();
    let [id, kind, lat, lon, pop, country, radius, flags, name_en, name_ar] = f.as_slice() else {
        return None;
    };
    let lat: f64 = lat.parse().ok()?;
    let lon: f64 = lon.parse().ok()?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return None;
    }
    Some(Place {
        id: (*id).to_string(),
        kind: parse_kind(kind)?,
        name_en: (*name_en).to_string(),
        name_ar: (!name_ar.is_empty()).then(|| (*name_ar).to_string()),
        lat,
        lon,
        population: pop.parse().ok()?,
        country: (*country).to_string(),
        radius_km: radius.parse().ok()?,
        capital: flags.contains('C'),
    })
}

fn build() -> Gazetteer {
    let mut skipped = 0;
    let mut places = Vec::new();
    for line in data_rows(PLACES_TSV) {
        match parse_place(line) {
            Some(p) => places.push(p),
            None => skipped += 1,
        }
    }

    let mut weak = Vec::new();
    for line in data_rows(STOPWORDS_TSV).skip(1) {
        match line.split('\t').collect::<Vec<_>>().as_slice() {
            ["weak", key, _] => {
                let key = normalize_key(key);
                // the caller also tries an Arabic word without its article (a
                // bare weak word leaves the article form alone: عقبة, not العقبة)
                if let Some(bare) = key.strip_prefix("ال").filter(|b| b.chars().count() >= 2) {
                    weak.push(bare.to_string());
                }
                weak.push(key);
            }
            [_, _, _] => {}
            _ => skipped += 1,
        }
    }
    weak.sort_unstable();
    weak.dedup();

    // The index is generated sorted; a row out of order or pointing past the
    // places is dropped rather than trusted.
    let n = places.len();
    let mut keys: Vec<&'static str> = Vec::with_capacity(32 * 1024);
    let mut spans: Vec<(u32, u32)> = Vec::with_capacity(32 * 1024);
    let mut ids: Vec<u32> = Vec::with_capacity(32 * 1024);
    let mut max_tokens = 1;
    for line in data_rows(INDEX_TSV) {
        let Some((key, list)) = line.split_once('\t') else {
            skipped += 1;
            continue;
        };
        if keys.last().is_some_and(|last| *last >= key) {
            skipped += 1;
            continue;
        }
        let start = ids.len();
        for id in list.split(',') {
            match id.parse::<u32>() {
                Ok(id) if (id as usize) < n => ids.push(id),
                _ => skipped += 1,
            }
        }
        let (Ok(s), Ok(e)) = (u32::try_from(start), u32::try_from(ids.len())) else { break };
        if e > s {
            max_tokens = max_tokens.max(key.split(' ').count());
            keys.push(key);
            spans.push((s, e));
        }
    }

    let mut by_id: Vec<u32> = (0..u32::try_from(places.len()).unwrap_or(0)).collect();
    by_id.sort_unstable_by(|a, b| {
        let id = |i: &u32| places.get(*i as usize).map(|p| p.id.as_str());
        id(a).cmp(&id(b))
    });

    let mut demonyms = Vec::new();
    for line in data_rows(DEMONYMS_TSV).skip(1) {
        let [iso2, en, ar, _source] = line.split('\t').collect::<Vec<_>>()[..] else {
            skipped += 1;
            continue;
        };
        for form in en.split('|').filter(|f| !f.is_empty()) {
            let key = normalize_key(form);
            if (key.ends_with('n') && !key.ends_with("man")) || key.ends_with('i') {
                demonyms.push((format!("{key}s"), iso2));
            }
            demonyms.push((key, iso2));
        }
        for form in ar.split('|').filter(|f| !f.is_empty()) {
            let words: Vec<String> = normalize_key(form).split(' ').map(str::to_string).collect();
            for suffix in NISBA_SUFFIXES {
                for article in ["", "ال"] {
                    let key: Vec<String> = words.iter().map(|w| format!("{article}{w}{suffix}")).collect();
                    demonyms.push((key.join(" "), iso2));
                }
            }
        }
    }
    demonyms.sort_unstable();
    demonyms.dedup_by(|a, b| a.0 == b.0);

    Gazetteer { places, keys, spans, ids, max_tokens, by_id, weak, demonyms, skipped }
}

pub(super) fn lookup(key: &str) -> &'static [u32] {
    let g = gazetteer();
    let Ok(i) = g.keys.binary_search(&key) else {
        return &[];
    };
    match g.spans.get(i) {
        Some(&(s, e)) => g.ids.get(s as usize..e as usize).unwrap_or(&[]),
        None => &[],
    }
}

/// Candidates for `key`, and whether some longer key starts with `key`
/// and a space, in one binary search (a space sorts before every
/// character a key holds, so such keys follow `key` directly).
pub(super) fn lookup_step(key: &str) -> (&'static [u32], bool) {
    let g = gazetteer();
    let i = g.keys.partition_point(|k| *k < key);
    let exact = g.keys.get(i).is_some_and(|k| *k == key);
    let ids =
        if exact { g.spans.get(i).and_then(|&(s, e)| g.ids.get(s as usize..e as usize)).unwrap_or(&[]) } else { &[] };
    let next = if exact { i + 1 } else { i };
    let longer = g
        .keys
        .get(next)
        .is_some_and(|k| k.len() > key.len() && k.starts_with(key) && k.as_bytes().get(key.len()) == Some(&b' '));
    (ids, longer)
}

pub(super) fn places() -> &'static [Place] {
    &gazetteer().places
}

pub(super) fn max_name_tokens() -> usize {
    gazetteer().max_tokens
}

/// The country (ISO alpha-2) a demonym or adjective points to
/// ("الهولندية", "Dutch", "العراقيين"), by its normalised key.
pub fn demonym(key: &str) -> Option<&'static str> {
    let g = gazetteer();
    let i = g.demonyms.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
    g.demonyms.get(i).map(|(_, iso2)| *iso2)
}

/// True for keys that are also common words ("reading", "us", "nice"): a
/// recogniser should take them as places only when capitalised.
pub fn is_common_word(key: &str) -> bool {
    gazetteer().weak.binary_search_by(|k| k.as_str().cmp(key)).is_ok()
}

/// The index of the place with this id ("country:IQ", "geonames:99072").
pub fn place_by_id(id: &str) -> Option<u32> {
    let g = gazetteer();
    let i = g.by_id.binary_search_by(|&p| g.places.get(p as usize).map_or("", |p| p.id.as_str()).cmp(id)).ok()?;
    g.by_id.get(i).copied()
}

/// The index of a country's place by its ISO alpha-2 code.
pub fn country_place(iso2: &str) -> Option<u32> {
    place_by_id(&format!("country:{}", iso2.to_ascii_uppercase()))
}

/// A country's display name in "ar" or "en" (any other language gets English).
pub fn country_name(iso2: &str, lang: &str) -> Option<&'static str> {
    let p = gazetteer().places.get(country_place(iso2)? as usize)?;
    match (lang, &p.name_ar) {
        ("ar", Some(ar)) => Some(ar.as_str()),
        _ => Some(p.name_en.as_str()),
    }
}

pub(super) fn world_map() -> &'static [CountryShape] {
    static MAP: OnceLock<Vec<CountryShape>> = OnceLock::new();
    MAP.get_or_init(|| {
        data_rows(WORLD_TSV)
            .filter_map(|line| {
                let [iso2, name, lat, lon, path] = line.split('\t').collect::<Vec<_>>()[..] else {
                    return None;
                };
                Some(CountryShape {
                    iso2: iso2.to_string(),
                    name_en: name.to_string(),
                    path: path.to_string(),
                    label_lat: lat.parse().ok()?,
                    label_lon: lon.parse().ok()?,
                })
            })
            .collect()
    })
}

/// Parses the embedded tables afresh, bypassing the cache, and returns the
/// number of keys: for measuring the cost of first use.
#[doc(hidden)]
pub fn parse_uncached() -> usize {
    build().keys.len()
}

/// Sizes of the parsed tables.
pub fn stats() -> Stats {
    let g = gazetteer();
    Stats {
        places: g.places.len(),
        keys: g.keys.len(),
        entries: g.ids.len(),
        skipped_rows: g.skipped + data_rows(WORLD_TSV).count() - world_map().len(),
        demonyms: g.demonyms.len(),
        shapes: world_map().len(),
    }
}
