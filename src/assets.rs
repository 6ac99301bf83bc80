//! Late assets: the data the first download leaves out, folded in when it
//! arrives.
//!
//! Native builds (CLI, tests, benchmarks) embed all of it, so they are
//! deterministic and never wait. The wasm build embeds the code, the world
//! outlines and the word lists the first paint reads: enough to show the article and its
//! map at once. The page fetches the rest as separate, content-hashed files
//! right after, hands each one to [`provide`], then analyses again: entity
//! ids say what an entity is, so a selection survives the update. The
//! gazetteer's core (countries, capitals, big cities, regions) comes first
//! with the tagger; the shards its keys point into follow.
//!
//! | asset | file (`data/…`) | holds |
//! |---|---|---|
//! | `tagger-ar`, `tagger-en` | `tagger/{ar,en}.bin` | the learned tagger's weights |
//! | `lists` | `curated/*.tsv`, `demonyms/demonyms.tsv` ([`crate::lists::PATHS`]) | the word lists only analysis reads (names, organisations, titles, demonyms, stop words, …) |
//! | `gaz-core` | `gazetteer/places.tsv` + `index.tsv` | the gazetteer's core: countries, capitals, big cities, regions (first, before any shard) |
//! | `gaz-words` | `gazetteer/first_words.bin` | which Arabic words start a late name (fetched before any shard) |
//! | `gaz-0000` … | `gazetteer/late/gaz-NNNN.tsv` | the gazetteer's other places, by the first word of a name |
//!
//! A file is published as `NAME.HASH.EXT` ([`file_name`]): HASH is the first
//! 8 hex digits of the FNV-1a 64 hash of its bytes, so a long cache is safe
//! and [`provide_file`] can refuse a stale or damaged copy. [`needed`] says
//! which assets an article wants: the word lists, the tagger of its
//! language, and the shards its words' readings fall in.

use crate::gazetteer;
use crate::model::Article;
use crate::tagger::{self, Lang};
use crate::text;

/// Why an asset was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetError(pub String);

impl std::fmt::Display for AssetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for AssetError {}

const TAGGERS: [(&str, Lang); 2] = [("tagger-ar", Lang::Ar), ("tagger-en", Lang::En)];

/// Every late asset's name, and whether it is at hand.
pub fn all() -> Vec<(&'static str, bool)> {
    let mut out: Vec<(&'static str, bool)> = TAGGERS.iter().map(|&(n, l)| (n, tagger::has_model(l))).collect();
    out.push((crate::lists::ASSET, crate::lists::ready()));
    out.push((gazetteer::CORE_ASSET, gazetteer::has_core()));
    out.push((gazetteer::FILTER_ASSET, gazetteer::has_filter()));
    out.extend(gazetteer::shards());
    out
}

/// The assets `article` wants that are not at hand yet, sorted: the word
/// lists, the tagger for its language and the gazetteer shards its words
/// may start a name in.
pub fn needed(article: &Article) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    if !crate::lists::ready() {
        out.push(crate::lists::ASSET);
    }
    let lang = match article.lang.get(..2) {
        Some("ar") => Some(Lang::Ar),
        Some("en") => Some(Lang::En),
        _ => None,
    };
    // an article in another language is tagged by the script of its words
    for (name, l) in TAGGERS {
        if lang.is_none_or(|x| x == l) && !tagger::has_model(l) {
            out.push(name);
        }
    }
    // the filter of Arabic first words first: until it is here, an Arabic
    // word asks for no shard
    if !gazetteer::has_filter() {
        out.push(gazetteer::FILTER_ASSET);
    }
    // the core before any shard: a shard's keys point into it
    if !gazetteer::has_core() {
        out.push(gazetteer::CORE_ASSET);
        crate::sort::sort(&mut out);
        return out;
    }
    let blocks = std::iter::once(&article.title).chain(article.paragraphs.iter());
    shards_for(blocks.map(String::as_str), gazetteer::missing_shard, &mut out);
    crate::sort::sort(&mut out);
    out
}

/// Every gazetteer shard `article` wants, loaded or not, sorted: what a
/// page that has none fetches for it (for measuring the bytes an article
/// costs; a native build has them all).
pub fn shards_wanted(article: &Article) -> Vec<&'static str> {
    let mut out = Vec::new();
    let blocks = std::iter::once(&article.title).chain(article.paragraphs.iter());
    shards_for(blocks.map(String::as_str), gazetteer::shard_for_word, &mut out);
    crate::sort::sort(&mut out);
    out
}

/// The gazetteer shards, not loaded yet, that names in `text` may live in
/// (a place search typed by the reader, say), sorted.
pub fn shards_for_text(text: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    shards_for(std::iter::once(text), gazetteer::missing_shard, &mut out);
    crate::sort::sort(&mut out);
    out
}

/// Adds to `out` the shards (`shard` of a word: [`gazetteer::missing_shard`]
/// or [`gazetteer::shard_for_word`]) the words of `blocks` may start a name in.
fn shards_for<'a>(
    blocks: impl Iterator<Item = &'a str>,
    shard: fn(&str) -> Option<&'static str>,
    out: &mut Vec<&'static str>,
) {
    let shards_total = gazetteer::shards().len();
    let already = out.len();
    let mut seen = std::collections::HashSet::new();
    for block in blocks {
        // the keys the recogniser and the tagger look up, of the words a
        // name may start at: lower-case Latin words fetch nothing
        for t in text::tokenize(block).iter().filter(|t| crate::recognise::may_start_name(t)) {
            if !seen.insert(t.norm.clone()) {
                continue;
            }
            for key in crate::recognise::lookup_keys(t) {
                if let Some(s) = shard(&key) {
                    if !out.contains(&s) {
                        out.push(s);
                        if out.len() >= shards_total + already {
                            return;
                        }
                    }
                }
            }
        }
    }
}

/// Folds asset `name` in. `Ok(false)` when it was at hand already; an
/// error names the asset and what is wrong with it.
pub fn provide(name: &str, bytes: &[u8]) -> Result<bool, AssetError> {
    if let Some(&(_, lang)) = TAGGERS.iter().find(|(n, _)| *n == name) {
        return tagger::provide(lang, bytes).map_err(|e| AssetError(format!("asset {name}: {}", e.0)));
    }
    if name == crate::lists::ASSET {
        let text = std::str::from_utf8(bytes).map_err(|_| AssetError(format!("asset {name} is not text")))?;
        return crate::lists::provide(text).map_err(|e| AssetError(format!("asset {name}: {e}")));
    }
    if name == gazetteer::CORE_ASSET {
        let text = std::str::from_utf8(bytes).map_err(|_| AssetError(format!("asset {name} is not text")))?;
        return gazetteer::provide_core(text.to_string()).map_err(|e| AssetError(format!("asset {name}: {e}")));
    }
    if name == gazetteer::FILTER_ASSET {
        return gazetteer::provide_filter(bytes).map_err(|e| AssetError(format!("asset {name}: {e}")));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| AssetError(format!("asset {name} is not text")))?;
    gazetteer::provide_shard(name, text.to_string()).map_err(|e| AssetError(format!("asset {name}: {e}")))
}

/// [`provide`] for a published file `NAME.HASH.EXT`, checking its hash.
pub fn provide_file(file: &str, bytes: &[u8]) -> Result<bool, AssetError> {
    let (name, hash) = split_file_name(file).ok_or_else(|| AssetError(format!("asset file {file} is misnamed")))?;
    if hash != content_hash(bytes) {
        return Err(AssetError(format!("asset file {file} does not match its hash")));
    }
    provide(name, bytes)
}

/// The hash part of a published file name: 8 hex digits of FNV-1a 64.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:08x}", crate::hash::fnv1a64(bytes) >> 32)
}

/// The published file name of asset `name` with contents `bytes`.
pub fn file_name(name: &str, ext: &str, bytes: &[u8]) -> String {
    format!("{name}.{}.{ext}", content_hash(bytes))
}

/// `NAME.HASH.EXT` → (NAME, HASH).
pub fn split_file_name(file: &str) -> Option<(&str, &str)> {
    let mut parts = file.rsplitn(3, '.');
    let (_ext, hash, name) = (parts.next()?, parts.next()?, parts.next()?);
    (hash.len() == 8 && hash.bytes().all(|b| b.is_ascii_hexdigit()) && !name.is_empty()).then_some((name, hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_carry_a_content_hash() {
        let f = file_name("gaz-003", "tsv", b"K\tx\t1\n");
        let (name, hash) = split_file_name(&f).unwrap();
        assert_eq!(name, "gaz-003");
        assert_eq!(hash, content_hash(b"K\tx\t1\n"));
        assert_eq!(split_file_name("tagger-ar.bin"), None);
        assert!(provide_file(&f, b"other bytes").is_err(), "a copy that does not match its hash is refused");
        assert!(provide("nope", b"x").is_err());
        assert!(provide("tagger-ar", b"not a model").is_err() || tagger::has_model(Lang::Ar));
    }

    #[test]
    fn native_builds_have_every_asset() {
        assert!(all().iter().all(|&(_, ok)| ok), "{:?}", all());
        let a = crate::parse_article(br#"{"lang":"en","title":"Springfield","body":"Talks in Gainesville."}"#).unwrap();
        assert!(needed(&a).is_empty());
        // a shard given again is taken once (native builds parse a shard
        // when a lookup first reaches it: the first may take it)
        let shard = include_str!("../data/gazetteer/late/gaz-0000.tsv");
        assert!(provide("gaz-0000", shard.as_bytes()).is_ok());
        assert_eq!(provide("gaz-0000", shard.as_bytes()), Ok(false));
    }
}
