//! Parsing of the embedded tables, once, into sorted arrays, and of the late
//! shards as they arrive.

use super::filter::Filter;
use super::late_words::{may_continue, may_hold, FirstWords};
use super::table::{place_row, row_notable, Table};
use crate::float::parse_f64;
use crate::hash::FnvBuild;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use super::{CountryShape, Place, Stats};
use crate::model::PlaceKind;

/// The core's places and keys (countries, capitals, big cities, regions).
/// Native builds embed them; the wasm build fetches them as the asset
/// `gaz-core` ([`provide_core`]) after first paint: about 80 KB (brotli)
/// the first download does not carry.
#[cfg(not(target_arch = "wasm32"))]
static PLACES_TSV: &str = include_str!("../../data/gazetteer/places.tsv");
#[cfg(not(target_arch = "wasm32"))]
static INDEX_TSV: &str = include_str!("../../data/gazetteer/index.tsv");
/// The asset holding the core (rows of places.tsv as `P\t…`, then rows of
/// index.tsv as `K\t…`, the late shards' format).
pub const CORE_ASSET: &str = "gaz-core";
static SHARDS_TSV: &str = crate::tsv::table!("../../data/gazetteer/shards.tsv");
/// Every first word of a late key, as a Golomb-Rice coded set ([`Filter`]).
/// The filter of Arabic first words travels with the shards in the wasm
/// build (asset `gaz-words`, [`provide_filter`]): 4.8 KB the first download
/// does not need, as no shard is fetched before it.
#[cfg(not(target_arch = "wasm32"))]
static FIRST_WORDS_BIN: &[u8] = include_bytes!("../../data/gazetteer/first_words.bin");
/// The asset holding the filter of Arabic first words.
pub const FILTER_ASSET: &str = "gaz-words";

/// One late shard: its name and, once loaded, its keys (with every place
/// they name, core ones too: a loaded shard's entry replaces the core's).
struct Shard {
    name: String,
    table: OnceLock<Table>,
}

/// The core's keys, and its place rows sorted by place id.
struct Core {
    table: Table,
    by_id: Vec<u32>,
}

/// One place row: its text (the columns, row number first), set when the
/// core or a shard naming the place arrives, and the place, parsed from it
/// when first asked for (a shard names a hundred places an article seldom
/// needs: parsing them all cost a whole English process 40% of its time).
#[derive(Default)]
pub(super) struct Row {
    line: OnceLock<&'static str>,
    place: OnceLock<Option<Box<Place>>>,
}

/// Place rows whose text did not parse, found as they were first asked for.
static UNPARSED: AtomicUsize = AtomicUsize::new(0);

impl Row {
    fn get(&self) -> Option<&Place> {
        if let Some(p) = self.place.get() {
            return p.as_deref();
        }
        let line = self.line.get()?;
        let parse = || {
            let p = parse_place(line).map(|(_, p)| Box::new(p));
            if p.is_none() {
                UNPARSED.fetch_add(1, Ordering::Relaxed);
            }
            p
        };
        self.place.get_or_init(parse).as_deref()
    }

    /// Whether the place counts for the taggers' place feature under a key
    /// in Arabic script (`arabic`) or another: flagged notable
    /// ([`Place::notable`]), and for an Arabic key not flagged
    /// [`Place::arabic_late`]. Read from its row when it is not parsed yet
    /// (the tagger asks of every word).
    fn notable_for(&self, arabic: bool) -> bool {
        match self.place.get() {
            Some(p) => p.as_ref().is_some_and(|p| p.notable && !(arabic && p.arabic_late)),
            None => self.line.get().is_some_and(|l| row_notable(l, arabic)),
        }
    }
}

/// Late places by id, indexed as they are first looked up by id (a
/// reader's correction): rows loaded since wait in `pending`.
#[derive(Default)]
struct LateIds {
    by_id: HashMap<&'static str, u32, FnvBuild>,
    pending: Vec<u32>,
}

struct Gazetteer {
    /// Every place by row number; core rows are filled when the core is at
    /// hand, late ones when a shard naming them arrives.
    places: Vec<Row>,
    loaded_places: AtomicUsize,
    core: OnceLock<Core>,
    shards: Vec<Shard>,
    /// First words of the late keys: (word count, low bits) from the
    /// manifest, and the filter once its bytes are at hand.
    filter_shape: (u64, u32),
    filter: OnceLock<Filter>,
    max_tokens: AtomicUsize,
    /// The late shards' texts at hand without being provided, sorted by
    /// name: every one in native builds; none in the wasm build, or in a
    /// native process that reads as the page does ([`as_the_page`]).
    embedded: &'static [(&'static str, &'static str)],
    /// The first words of the embedded shards' keys and of the core's
    /// longer keys, read once when first needed.
    first_words: OnceLock<Option<FirstWords>>,
    /// The core and the shards given folded in so far ([`answers`]).
    answers: AtomicUsize,
    /// Late places by id.
    late_ids: Mutex<LateIds>,
    /// Rows of the shards' and the core's tables that did not parse.
    late_skipped: AtomicUsize,
    /// Shards given before the core (a host providing files in any order):
    /// folded in when the core arrives, as their keys point into it.
    early: Mutex<Vec<(String, &'static str)>>,
    skipped: usize,
}

static G: OnceLock<Gazetteer> = OnceLock::new();

fn gazetteer() -> &'static Gazetteer {
    G.get_or_init(build)
}

/// Makes this process's gazetteer the page's: it holds only what is given
/// to it (the core, the filter of Arabic first words, the shards: see
/// [`crate::assets::provide`]), as in the wasm build, and nothing embedded
/// is parsed behind its back. For a native test that analyses as the page
/// does; call it before anything uses the gazetteer. False when the
/// gazetteer was in use already (it is then left as it was).
#[doc(hidden)]
pub fn as_the_page() -> bool {
    G.set(build_bare()).is_ok()
}

fn data_rows(text: &'static str) -> impl Iterator<Item = &'static str> {
    crate::text::lines(text).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A place row: its row number, then the place's columns.
fn parse_place(line: &'static str) -> Option<(usize, Place)> {
    // exactly twelve tab-separated columns, found in one pass over the bytes
    // (this runs on every place row at start)
    let mut f = [""; 12];
    let (mut n, mut from) = (0, 0);
    for (i, b) in line.bytes().enumerate() {
        if b == b'\t' {
            *f.get_mut(n)? = line.get(from..i)?;
            n += 1;
            from = i + 1;
        }
    }
    *f.get_mut(n)? = line.get(from..)?;
    let [row, id, kind, lat, lon, pop, country, radius, flags, name_en, name_ar, admin1] = f;
    if n + 1 != f.len() {
        return None;
    }
    let lat = parse_f64(lat)?;
    let lon = parse_f64(lon)?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return None;
    }
    let place = Place {
        id,
        kind: PlaceKind::from_name(kind)?,
        name_en,
        name_ar: (!name_ar.is_empty()).then_some(name_ar),
        lat,
        lon,
        population: pop.parse().ok()?,
        country,
        radius_km: parse_f64(radius)?,
        capital: flags.contains('C'),
        notable: flags.contains('N'),
        arabic_late: flags.contains('A'),
        admin1,
    };
    Some((row.parse().ok()?, place))
}

fn build() -> Gazetteer {
    #[allow(unused_mut)]
    let mut g = build_bare();
    #[cfg(not(target_arch = "wasm32"))]
    {
        g.embedded = super::late_words::LATE;
        if let Some(f) = Filter::decode(FIRST_WORDS_BIN, g.filter_shape.0, g.filter_shape.1) {
            let _ = g.filter.set(f);
        }
        let bad = fold_core(&g, data_rows(PLACES_TSV), data_rows(INDEX_TSV));
        g.late_skipped.fetch_add(bad, Ordering::Relaxed);
    }
    g
}

/// The gazetteer without its core, its shards or the filter: the manifest
/// and the small tables.
fn build_bare() -> Gazetteer {
    let mut skipped = 0;
    // the manifest: "total", all places, core places; then one row a shard
    let mut total = 0usize;
    let mut shards = Vec::new();
    let mut filter_shape = (0u64, 0u32);
    for line in data_rows(SHARDS_TSV) {
        match line.split('\t').collect::<Vec<_>>().as_slice() {
            ["total", n, _] => total = n.parse().unwrap_or(0),
            ["filter", words, bits] => match (words.parse(), bits.parse()) {
                (Ok(w), Ok(b)) => filter_shape = (w, b),
                _ => skipped += 1,
            },
            // "gaz-0000": the others count up with as many digits
            ["shards", n, first] => {
                let digits = first.bytes().rev().take_while(u8::is_ascii_digit).count();
                let prefix = &first[..first.len() - digits];
                for i in 0..n.parse::<usize>().unwrap_or(0) {
                    shards.push(Shard { name: format!("{prefix}{i:0digits$}"), table: OnceLock::new() });
                }
            }
            _ => skipped += 1,
        }
    }
    let mut places: Vec<Row> = Vec::new();
    places.resize_with(total, Row::default);

    Gazetteer {
        places,
        loaded_places: AtomicUsize::new(0),
        core: OnceLock::new(),
        shards,
        filter_shape,
        filter: OnceLock::new(),
        max_tokens: AtomicUsize::new(1),
        embedded: &[],
        first_words: OnceLock::new(),
        answers: AtomicUsize::new(0),
        late_ids: Mutex::new(LateIds::default()),
        late_skipped: AtomicUsize::new(0),
        early: Mutex::new(Vec::new()),
        skipped,
    }
}

/// Folds the core in: its place rows, then its keys (generated sorted; a
/// row out of order or pointing past the places is dropped rather than
/// trusted). Returns how many rows were dropped.
fn fold_core(
    g: &Gazetteer,
    place_rows: impl Iterator<Item = &'static str>,
    key_rows: impl Iterator<Item = &'static str>,
) -> usize {
    let total = g.places.len();
    let mut bad = 0;
    let mut rows = Vec::new();
    for line in place_rows {
        // the core's places are parsed now: they are sorted by id below,
        // and nearly every article names some
        // (a row that does not parse is counted in UNPARSED)
        let Some((row, line)) = place_row(line, total) else {
            bad += 1;
            continue;
        };
        if g.places[row].line.set(line).is_ok() {
            g.loaded_places.fetch_add(1, Ordering::Relaxed);
        }
        if g.places[row].get().is_some() {
            rows.push(row as u32);
        }
    }
    let mut table = Table::default();
    for line in key_rows {
        let Some((key, list)) = line.split_once('\t') else {
            bad += 1;
            continue;
        };
        if !table.push(key, list, total, &mut bad) {
            bad += 1;
        }
    }
    table.mark_notable(|i, arabic| g.places.get(i as usize).is_some_and(|r| r.notable_for(arabic)));
    table.hash_now();
    let id = |i: &u32| g.places.get(*i as usize).and_then(Row::get).map(|p| p.id);
    crate::sort::sort_by(&mut rows, |a, b| id(a).cmp(&id(b)));
    g.max_tokens.fetch_max(table.max_tokens, Ordering::Relaxed);
    if g.core.set(Core { table, by_id: rows }).is_ok() {
        g.answers.fetch_add(1, Ordering::Relaxed);
    }
    let early = std::mem::take(&mut *g.early.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
    for (name, text) in early {
        // checked when it was given: known and not loaded
        let _ = load_shard(g, &name, text, true);
    }
    bad
}

/// Whether the core is at hand (always, in native builds).
pub fn has_core() -> bool {
    gazetteer().core.get().is_some()
}

/// Folds in the core (asset [`CORE_ASSET`]); `Ok(false)` when it was at
/// hand already. The text is kept for the life of the program.
pub fn provide_core(text: String) -> Result<bool, ShardError> {
    let g = gazetteer();
    if g.core.get().is_some() {
        return Ok(false);
    }
    fold_core_text(g, Box::leak(text.into_boxed_str()))
}

/// [`provide_core`] into `g`.
fn fold_core_text(g: &Gazetteer, text: &'static str) -> Result<bool, ShardError> {
    let (mut places, mut keys, mut other) = (0usize, 0usize, 0usize);
    for line in data_rows(text) {
        match line.get(..2) {
            Some("P\t") => places += 1,
            Some("K\t") => keys += 1,
            _ => other += 1,
        }
    }
    if places == 0 || keys == 0 || other * 2 > places + keys {
        return Err(ShardError::Malformed(CORE_ASSET.to_string()));
    }
    let rows = |prefix: &'static str| data_rows(text).filter_map(move |l| l.strip_prefix(prefix));
    let bad = fold_core(g, rows("P\t"), rows("K\t"));
    g.late_skipped.fetch_add(bad + other, Ordering::Relaxed);
    Ok(g.core.get().is_some())
}

/// Why a late shard was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShardError {
    /// No shard has this name.
    Unknown(String),
    /// The text is not a shard (or not this version's).
    Malformed(String),
}

impl std::fmt::Display for ShardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShardError::Unknown(n) => write!(f, "gazetteer shard {n} is unknown"),
            ShardError::Malformed(n) => write!(f, "gazetteer shard {n} is malformed"),
        }
    }
}

impl std::error::Error for ShardError {}

/// The shard of this name (the names count up with as many digits, so
/// they sort as they were made).
fn shard_named<'g>(g: &'g Gazetteer, name: &str) -> Option<&'g Shard> {
    g.shards.binary_search_by(|s| s.name.as_str().cmp(name)).ok().and_then(|i| g.shards.get(i))
}

/// Folds a late shard in; `Ok(false)` when it was loaded already.
/// `given`: provided from outside, not embedded ([`answers`]).
fn load_shard(g: &Gazetteer, name: &str, text: &'static str, given: bool) -> Result<bool, ShardError> {
    let shard = shard_named(g, name).ok_or_else(|| ShardError::Unknown(name.to_string()))?;
    if shard.table.get().is_some() {
        return Ok(false);
    }
    let total = g.places.len();
    let mut bad = 0usize;
    let mut rows = 0usize;
    let mut new_places: Vec<(usize, &'static str)> = Vec::new();
    let mut keys: Vec<&'static str> = Vec::new();
    for line in data_rows(text) {
        rows += 1;
        if let Some(rest) = line.strip_prefix("P\t") {
            match place_row(rest, total) {
                Some(row) => new_places.push(row),
                None => bad += 1,
            }
        } else if let Some(rest) = line.strip_prefix("K\t") {
            keys.push(rest);
        } else {
            bad += 1;
        }
    }
    let mut table = Table::with_capacity(keys.len());
    for line in keys {
        let tab = line.as_bytes().iter().position(|&b| b == b'\t');
        let pushed = tab.is_some_and(|i| table.push(&line[..i], &line[i + 1..], total, &mut bad));
        if !pushed {
            bad += 1;
        }
    }
    // a text that is mostly not shard rows is not this shard at all
    if rows == 0 || bad * 2 > rows {
        return Err(ShardError::Malformed(name.to_string()));
    }
    g.late_skipped.fetch_add(bad, Ordering::Relaxed);
    let mut ids = g.late_ids.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    for (row, line) in new_places {
        if g.places[row].line.set(line).is_ok() {
            g.loaded_places.fetch_add(1, Ordering::Relaxed);
            ids.pending.push(row as u32);
        }
    }
    drop(ids);
    g.max_tokens.fetch_max(table.max_tokens, Ordering::Relaxed);
    let taken = shard.table.set(table).is_ok();
    if taken {
        g.answers.fetch_add(usize::from(given), Ordering::Relaxed);
    }
    Ok(taken)
}

/// How many times a lookup's answers may have changed: the core or a given
/// shard folded in. A cache of lookups (the step memo, the tagger's word
/// classes, the recogniser's word facts) is stale when this has changed.
/// An embedded shard parsed on first need (native builds) changes none: a
/// lookup parses it whenever it may answer.
pub fn answers() -> usize {
    gazetteer().answers.load(Ordering::Relaxed)
}

/// The table of shard `s`: loaded, or (native builds) parsed now from the
/// embedded text; `None` in the wasm build until the page provides it.
fn shard_table<'g>(g: &'g Gazetteer, s: &'g Shard) -> Option<&'g Table> {
    if let Some(t) = s.table.get() {
        return Some(t);
    }
    // sorted by name, like the shards
    let i = g.embedded.binary_search_by(|(n, _)| (*n).cmp(s.name.as_str())).ok()?;
    let (name, text) = g.embedded.get(i)?;
    let _ = load_shard(g, name, text, false);
    s.table.get()
}

/// The table of the shard `key` would be in, if it is at hand and (native
/// builds) holds some key with the same first word ([`may_hold`]).
fn shard_holding<'g>(g: &'g Gazetteer, key: &str) -> Option<&'g Table> {
    let s = shard_of(g, key)?;
    s.table.get().or_else(|| if may_hold(embedded_words(g), key) { shard_table(g, s) } else { None })
}

/// The first words of the keys of the embedded shards and of the core's
/// longer keys ([`first_words`]); `None` with nothing embedded, as always
/// in the wasm build (which then carries no code to build the map).
#[cfg(target_arch = "wasm32")]
fn embedded_words(_: &Gazetteer) -> Option<&FirstWords> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
fn embedded_words(g: &Gazetteer) -> Option<&FirstWords> {
    if g.embedded.is_empty() {
        return None;
    }
    g.first_words.get_or_init(super::late_words::first_words).as_ref()
}

/// The core's keys (tests of the first words).
#[cfg(test)]
pub(super) fn core_keys() -> &'static [&'static str] {
    gazetteer().core.get().map_or(&[], |c| &c.table.keys)
}

/// False when [`lookup_step`] of one `word` (no space) says no longer key
/// follows and changes nothing (loads no shard): a cheap test before it,
/// one hash lookup. Native builds only; in the wasm build always true.
pub fn may_continue_word(word: &str) -> bool {
    let g = gazetteer();
    may_continue(embedded_words(g), word, || shard_of(g, word).is_some_and(|s| s.table.get().is_none()))
}

/// Whether shard `s` is at hand: loaded, or embedded (native builds).
fn at_hand(g: &Gazetteer, s: &Shard) -> bool {
    s.table.get().is_some() || g.embedded.binary_search_by(|(n, _)| (*n).cmp(s.name.as_str())).is_ok()
}

/// Parses every embedded shard not parsed yet (native builds; for tools and
/// tests that walk the whole gazetteer). Does nothing in the wasm build.
pub fn load_all() {
    let g = gazetteer();
    for s in &g.shards {
        let _ = shard_table(g, s);
    }
}

/// Folds a late shard (`data/gazetteer/late/NAME.tsv`, fetched by the page)
/// into the gazetteer; `Ok(false)` when it was loaded already. The text is
/// kept for the life of the program, like the embedded tables.
pub fn provide_shard(name: &str, text: String) -> Result<bool, ShardError> {
    provide_shard_to(gazetteer(), name, text)
}

/// [`provide_shard`] into `g`.
fn provide_shard_to(g: &Gazetteer, name: &str, text: String) -> Result<bool, ShardError> {
    if shard_named(g, name).is_some_and(|s| s.table.get().is_some()) {
        return Ok(false);
    }
    if g.core.get().is_none() {
        // kept until the core is here (its keys point into it)
        if shard_named(g, name).is_none() {
            return Err(ShardError::Unknown(name.to_string()));
        }
        let mut early = g.early.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if early.iter().any(|(n, _)| n == name) {
            return Ok(false);
        }
        early.push((name.to_string(), Box::leak(text.into_boxed_str())));
        return Ok(true);
    }
    load_shard(g, name, Box::leak(text.into_boxed_str()), true)
}

/// Whether a late key may start with `word`: a Latin-script word always
/// may; an Arabic one only if the filter passes it, and none before the
/// filter has arrived (the page fetches it first, then the shards).
fn may_start(g: &Gazetteer, word: &str) -> bool {
    if !word.chars().next().is_some_and(crate::text::is_arabic) {
        return true;
    }
    g.filter.get().is_some_and(|f| f.may_start(word))
}

/// Whether the filter of Arabic first words is at hand.
pub fn has_filter() -> bool {
    gazetteer().filter.get().is_some()
}

/// Folds in the filter of Arabic first words (asset [`FILTER_ASSET`]).
/// `Ok(false)` when it was at hand already.
pub fn provide_filter(bytes: &[u8]) -> Result<bool, ShardError> {
    let g = gazetteer();
    if g.filter.get().is_some() {
        return Ok(false);
    }
    let (words, bits) = g.filter_shape;
    let f = Filter::decode(bytes, words, bits).ok_or_else(|| ShardError::Malformed(FILTER_ASSET.to_string()))?;
    Ok(g.filter.set(f).is_ok())
}

/// The shard that holds `key` (by its first word) and whether it is loaded.
fn shard_of<'g>(g: &'g Gazetteer, key: &str) -> Option<&'g Shard> {
    let first = super::late_words::first_word(key);
    let n = g.shards.len() as u64;
    if n == 0 {
        return None;
    }
    g.shards.get((crate::hash::fnv1a64(first.as_bytes()) % n) as usize)
}

/// The name of the shard the late names starting with `word` (a normalised
/// word, any reading [`crate::text::stems`] gives) live in: `None` when no
/// late name starts with it (but for the filter's rare false positive).
pub fn shard_for_word(word: &str) -> Option<&'static str> {
    let g = gazetteer();
    if !may_start(g, word) {
        return None;
    }
    shard_of(g, word).map(|s| s.name.as_str())
}

/// [`shard_for_word`], when that shard is not loaded yet.
pub fn missing_shard(word: &str) -> Option<&'static str> {
    let g = gazetteer();
    if !may_start(g, word) {
        return None;
    }
    shard_of(g, word).filter(|s| !at_hand(g, s)).map(|s| s.name.as_str())
}

/// Every shard's name, and whether it is loaded.
pub fn shards() -> Vec<(&'static str, bool)> {
    let g = gazetteer();
    g.shards.iter().map(|s| (s.name.as_str(), at_hand(g, s))).collect()
}

pub(super) fn lookup(key: &str) -> &'static [u32] {
    lookup_step(key).0
}

/// Candidates for `key` (a loaded shard's entry replaces the core's), and
/// whether some longer key starts with `key` and a space.
pub(super) fn lookup_step(key: &str) -> (&'static [u32], bool) {
    let g = gazetteer();
    let (core_ids, core_longer) = g.core.get().map_or((None, false), |c| c.table.step(key));
    match shard_holding(g, key) {
        Some(t) => {
            let (ids, longer) = t.step(key);
            (ids.or(core_ids).unwrap_or(&[]), longer || core_longer)
        }
        None => (core_ids.unwrap_or(&[]), core_longer),
    }
}

/// Whether `key` names a notable place ([`Place::notable`]), and whether a
/// longer key of a notable place starts with it: the tagger's place
/// features, which the world's villages must not change.
pub fn notable_step(key: &str) -> (bool, bool) {
    let g = gazetteer();
    let arabic = key.chars().next().is_some_and(crate::text::is_arabic);
    let notable_row = |i: u32, arabic: bool| g.places.get(i as usize).is_some_and(|r| r.notable_for(arabic));
    let longer = g.core.get().is_some_and(|c| c.table.notable_heads.contains(key))
        || shard_holding(g, key).is_some_and(|t| t.notable_head(key, notable_row));
    (lookup(key).iter().any(|&i| notable_row(i, arabic)), longer)
}

/// The places: every row of the gazetteer, those of shards not yet loaded
/// missing. `Copy`; look places up with [`Places::get`] by the numbers
/// [`super::lookup`] gives.
#[derive(Clone, Copy)]
pub struct Places(&'static [Row]);

impl Places {
    /// The place with row number `i`, if loaded.
    pub fn get(&self, i: usize) -> Option<&'static Place> {
        self.0.get(i).and_then(Row::get)
    }

    /// Rows in all, loaded or not.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The loaded places in row order.
    pub fn iter(&self) -> impl Iterator<Item = &'static Place> {
        self.0.iter().filter_map(Row::get)
    }

    /// The loaded places with their row numbers.
    pub fn indexed(&self) -> impl Iterator<Item = (u32, &'static Place)> {
        self.0.iter().enumerate().filter_map(|(i, p)| Some((u32::try_from(i).ok()?, p.get()?)))
    }
}

impl std::ops::Index<usize> for Places {
    type Output = Place;

    /// # Panics
    /// When row `i` is not loaded (use [`Places::get`] outside tests).
    fn index(&self, i: usize) -> &Place {
        self.get(i).expect("place row is loaded")
    }
}

impl IntoIterator for Places {
    type Item = &'static Place;
    type IntoIter = Box<dyn Iterator<Item = &'static Place>>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

pub(super) fn places() -> Places {
    Places(&gazetteer().places)
}

pub(super) fn max_name_tokens() -> usize {
    gazetteer().max_tokens.load(Ordering::Relaxed)
}

/// The index of the place with this id ("country:IQ", "geonames:99072").
pub fn place_by_id(id: &str) -> Option<u32> {
    let g = gazetteer();
    let name = |p: u32| g.places.get(p as usize).and_then(Row::get).map_or("", |p| p.id);
    let late = || {
        let mut late = g.late_ids.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let LateIds { by_id, pending } = &mut *late;
        for row in pending.drain(..) {
            // the id is the second column
            let id = g.places.get(row as usize).and_then(|r| r.line.get()).and_then(|l| l.split('\t').nth(1));
            if let Some(id) = id {
                by_id.entry(id).or_insert(row);
            }
        }
        by_id.get(id).copied()
    };
    let by_id = g.core.get().map_or(&[][..], |c| &c.by_id[..]);
    match by_id.binary_search_by(|&p| name(p).cmp(id)) {
        Ok(i) => by_id.get(i).copied(),
        // a late place of a shard not parsed yet (a reader's correction):
        // native builds parse them all once
        Err(_) => late().or_else(|| {
            if g.shards.iter().all(|s| s.table.get().is_some()) {
                return None;
            }
            load_all();
            late()
        }),
    }
}

/// The index of a country's place by its ISO alpha-2 code.
pub fn country_place(iso2: &str) -> Option<u32> {
    place_by_id(&format!("country:{}", iso2.to_ascii_uppercase()))
}

/// A country's display name in "ar" or "en" (any other language gets English).
pub fn country_name(iso2: &str, lang: &str) -> Option<&'static str> {
    let p = places().get(country_place(iso2)? as usize)?;
    match (lang, &p.name_ar) {
        ("ar", Some(ar)) => Some(ar),
        _ => Some(p.name_en),
    }
}

pub(super) fn world_map() -> &'static [CountryShape] {
    static MAP: OnceLock<Vec<CountryShape>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut paths = super::world::Paths::new();
        data_rows(super::world::ROWS)
            .filter_map(|line| {
                // every row has its path, read or not
                let path = paths.next()?;
                let [iso2, name, lat, lon, _] = line.split('\t').collect::<Vec<_>>()[..] else {
                    return None;
                };
                Some(CountryShape {
                    iso2: iso2.to_string(),
                    name_en: name.to_string(),
                    path,
                    label_lat: parse_f64(lat)?,
                    label_lon: parse_f64(lon)?,
                })
            })
            .collect()
    })
}

/// Parses the embedded tables afresh, bypassing the cache, and returns the
/// number of keys: for measuring the cost of first use.
#[doc(hidden)]
pub fn parse_uncached() -> usize {
    build().core.get().map_or(0, |c| c.table.keys.len())
}

/// Sizes of the parsed tables.
pub fn stats() -> Stats {
    let g = gazetteer();
    let loaded: Vec<&Table> = g.shards.iter().filter_map(|s| s.table.get()).collect();
    Stats {
        places: g.loaded_places.load(Ordering::Relaxed),
        places_total: g.places.len(),
        keys: g.core.get().map_or(0, |c| c.table.keys.len()),
        entries: g.core.get().map_or(0, |c| c.table.ids.len()),
        shards: g.shards.len(),
        shards_loaded: loaded.len(),
        late_keys: loaded.iter().map(|t| t.keys.len()).sum(),
        skipped_rows: g.skipped
            + super::words::skipped()
            + g.late_skipped.load(Ordering::Relaxed)
            + UNPARSED.load(Ordering::Relaxed)
            + data_rows(super::world::ROWS).count()
            - world_map().len(),
        demonyms: super::words::demonyms_len(),
        shapes: world_map().len(),
    }
}

#[cfg(test)]
#[path = "data_tests.rs"]
mod tests;
