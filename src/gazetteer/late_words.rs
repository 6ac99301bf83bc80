//! Native builds embed every late shard and parse one the first time a
//! lookup reaches it. Without a guard, every word of an article reaches a
//! shard (a shard is chosen by a hash of the key's first word), so a CLI run
//! over a few hundred articles parsed the whole world gazetteer (240k
//! places, about half the run's instructions) to answer "no" for most words.
//! This is the set of first words of every late key (listed from the
//! embedded shard texts' `K` rows by `build.rs`, read once at the first
//! lookup): a lookup whose first word is not in it cannot be in any shard. The wasm
//! build does not need it: a shard there is only ever what the page fetched.

#[cfg(test)]
use crate::hash::FnvBuild;
#[cfg(test)]
use std::collections::HashMap;

pub(super) use super::word_table::WordTable;

/// A word is the first word of a late key ([`first_words`]).
pub(super) const LATE_FIRST: u8 = 1;
/// A word is the first word of a key, late or of the core, that has more
/// words after it: a lookup of the word alone says a longer key may follow.
pub(super) const HEAD: u8 = 2;

/// The first words of keys and what each is ([`LATE_FIRST`], [`HEAD`]):
/// of every key of the embedded shards and every key of the core with
/// more than one word, as `build.rs` lays them out
/// ([`LATE_FIRST_WORDS`]); `None` if the layout is not this build's.
pub(super) fn first_words() -> Option<FirstWords> {
    WordTable::read(LATE_FIRST_WORDS)
}

/// The first words of the embedded shards' keys and the core's heads, a
/// [`WordTable`] (laid out by `build.rs`: scanning the 22 MB of shards for
/// them cost an English CLI process a tenth of its instructions, and
/// hashing the 160k words into a map another 4%). Empty in the wasm
/// build, which embeds no shard.
static LATE_FIRST_WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/late_first_words.bin"));

/// [`first_words`] by a scan of the `shards` texts and the `core` keys
/// (what `build.rs` does for the embedded ones), as a map.
#[cfg(test)]
fn scan_first_words(
    shards: &[(&'static str, &'static str)],
    core: &[&'static str],
) -> HashMap<&'static str, u8, FnvBuild> {
    let mut map = HashMap::with_capacity_and_hasher(1 << 18, FnvBuild::default());
    // a shard's keys come sorted: the keys of one first word in a row,
    // entered once
    let mut run: (&'static str, u8) = ("", 0);
    for &(_, text) in shards {
        for line in crate::text::lines(text) {
            let Some(rest) = line.strip_prefix("K\t") else { continue };
            let key = rest.as_bytes().iter().position(|&b| b == b'\t').and_then(|i| rest.get(..i)).unwrap_or(rest);
            let first = first_word(key);
            let flags = if first.len() < key.len() { LATE_FIRST | HEAD } else { LATE_FIRST };
            if first == run.0 {
                run.1 |= flags;
            } else {
                let (word, f) = std::mem::replace(&mut run, (first, flags));
                if f != 0 {
                    *map.entry(word).or_insert(0) |= f;
                }
            }
        }
    }
    if run.1 != 0 {
        *map.entry(run.0).or_insert(0) |= run.1;
    }
    for key in core {
        let first = first_word(key);
        if first.len() < key.len() {
            *map.entry(first).or_insert(0) |= HEAD;
        }
    }
    map
}

/// [`scan_first_words`] as a [`WordTable`] (leaked: tests only).
#[cfg(test)]
fn scanned_table(shards: &[(&'static str, &'static str)], core: &[&'static str]) -> FirstWords {
    let map = scan_first_words(shards, core);
    let words: Vec<(&str, u8)> = map.iter().map(|(w, &f)| (*w, f)).collect();
    WordTable::read(Box::leak(super::word_table::layout(&words).into_boxed_slice())).expect("a layout of this build")
}

/// First words of keys and their flags ([`first_words`]).
pub(super) type FirstWords = WordTable<'static>;

// Every late shard, for native builds: (name, text), sorted by name. The
// wasm build gets them from the page (`data::provide_shard`).
#[cfg(not(target_arch = "wasm32"))]
include!("../../data/gazetteer/late/embed.rs");
#[cfg(target_arch = "wasm32")]
pub(super) static LATE: &[(&str, &str)] = &[];

/// The first word of a key (up to its first space): a byte search, not a
/// `split`, since every lookup of every word asks it twice.
pub(super) fn first_word(key: &str) -> &str {
    key.as_bytes().iter().position(|&b| b == b' ').and_then(|i| key.get(..i)).unwrap_or(key)
}

/// Whether some late key starts with the first word of `key`, by the
/// first words of the embedded shards' keys (always, with `None`: nothing
/// is embedded, a shard is then only what the page fetched, and a lookup of
/// a fetched shard is cheap).
pub(super) fn may_hold(words: Option<&FirstWords>, key: &str) -> bool {
    words.is_none_or(|w| w.get(first_word(key)) & LATE_FIRST != 0)
}

/// Whether a lookup of one `word` (no space) may say that a longer key
/// continues it, or may load the shard of a late key the word starts
/// (`unloaded`: whether that shard is still to be parsed). Either way the
/// lookup must run as ever; otherwise it says no longer key and changes
/// nothing, and a caller may skip it.
pub(super) fn may_continue(words: Option<&FirstWords>, word: &str, unloaded: impl FnOnce() -> bool) -> bool {
    let Some(flags) = words.map(|w| w.get(word)) else { return true };
    flags & HEAD != 0 || (flags & LATE_FIRST != 0 && unloaded())
}

#[cfg(test)]
mod tests {
    use super::*;

    static SHARDS: &[(&str, &str)] = &[
        ("a", "# comment\nP\t1\tx\tcity\nK\tnew york\t1\nK\tparis\t2\n"),
        ("c", "K\tsan jose\t4\nP\t4\tx\nK\tlake placid\t5\n"),
        ("b", "K\tabu dhabi\t3\nP\t3\tK\tcity\n"),
    ];

    #[test]
    fn only_first_words_of_keys_count() {
        let map = scan_first_words(SHARDS, &["abu dhabi", "rome", "ras al khaimah"]);
        let mut words: Vec<_> = map.into_iter().collect();
        words.sort_unstable();
        let both = LATE_FIRST | HEAD;
        let expected =
            [("abu", both), ("lake", both), ("new", both), ("paris", LATE_FIRST), ("ras", HEAD), ("san", both)];
        assert_eq!(words, expected);
    }

    #[test]
    fn the_built_table_is_the_embedded_shards_first_words() {
        // the core's keys as the gazetteer holds them
        let core: Vec<&'static str> = super::super::data::core_keys().to_vec();
        let built = first_words().expect("build.rs lays the table out with this hasher");
        let scanned = scan_first_words(LATE, &core);
        assert!(scanned.len() > 100_000, "{}", scanned.len());
        for (word, &flags) in &scanned {
            assert_eq!(built.get(word), flags, "{word}");
        }
        // and nothing else: words of keys that are no first word, a word
        // of no key, a first word's prefix
        for word in ["york", "dhabi", "xqzvkw", "", "monmout"] {
            assert_eq!(built.get(word), scanned.get(word).copied().unwrap_or(0), "{word}");
        }
        assert_eq!(built.len(), scanned.len());
    }

    #[test]
    fn embedded_shards_hold_their_first_words() {
        // a late key ("monmouth county" in the US counties) and a word no
        // place name starts with
        let map = scanned_table(LATE, &[]);
        assert!(may_hold(Some(&map), "monmouth county"));
        assert!(may_hold(Some(&map), "monmouth"));
        assert!(!may_hold(Some(&map), "xqzvkw"));
        assert!(may_hold(None, "xqzvkw"), "nothing embedded: a fetched shard may hold anything");
    }

    #[test]
    fn only_heads_and_unloaded_shards_continue() {
        let map = scanned_table(SHARDS, &["ras al khaimah"]);
        let unloaded = || true;
        let loaded = || false;
        assert!(may_continue(Some(&map), "new", loaded));
        assert!(may_continue(Some(&map), "ras", loaded), "a head of the core");
        assert!(!may_continue(Some(&map), "paris", loaded), "a whole key of a loaded shard");
        assert!(may_continue(Some(&map), "paris", unloaded), "the lookup loads its shard");
        assert!(!may_continue(Some(&map), "york", unloaded));
        assert!(may_continue(None, "york", loaded), "nothing embedded");
    }
}
