//! Native builds embed every late shard and parse one the first time a
//! lookup reaches it. Without a guard, every word of an article reaches a
//! shard (a shard is chosen by a hash of the key's first word), so a CLI run
//! over a few hundred articles parsed the whole world gazetteer (240k
//! places, about half the run's instructions) to answer "no" for most words.
//! This is the set of first words of every late key, read from the embedded
//! shard texts once (only their `K` rows' first words, not their places):
//! a lookup whose first word is not in it cannot be in any shard. The wasm
//! build does not need it: a shard there is only ever what the page fetched.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::hash::FnvBuild;

/// Every first word of a key in one of the `shards` texts.
fn first_words(shards: &[(&'static str, &'static str)]) -> HashSet<&'static str, FnvBuild> {
    let mut set = HashSet::with_capacity_and_hasher(1 << 18, FnvBuild::default());
    for &(_, text) in shards {
        for line in text.lines() {
            let Some(rest) = line.strip_prefix("K\t") else { continue };
            let key = rest.split('\t').next().unwrap_or(rest);
            set.insert(key.split(' ').next().unwrap_or(key));
        }
    }
    set
}

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

/// Whether some late key of `embedded` (the gazetteer's embedded shards,
/// [`LATE`] or none) starts with the first word of `key` (always, when
/// nothing is embedded: a shard is then only what the page fetched, and a
/// lookup of a fetched shard is cheap).
pub(super) fn may_hold(embedded: &'static [(&'static str, &'static str)], key: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str, FnvBuild>> = OnceLock::new();
    if embedded.is_empty() {
        return true;
    }
    let first = first_word(key);
    SET.get_or_init(|| first_words(embedded)).contains(first)
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
        let set = first_words(SHARDS);
        let mut words: Vec<_> = set.into_iter().collect();
        words.sort_unstable();
        assert_eq!(words, ["abu", "lake", "new", "paris", "san"]);
    }

    #[test]
    fn embedded_shards_hold_their_first_words() {
        // a late key ("monmouth county" in the US counties) and a word no
        // place name starts with
        assert!(may_hold(LATE, "monmouth county"));
        assert!(may_hold(LATE, "monmouth"));
        assert!(!may_hold(LATE, "xqzvkw"));
        assert!(may_hold(&[], "xqzvkw"), "nothing embedded: a fetched shard may hold anything");
    }
}
