//! Answers kept per key while the data they were worked out from stays as
//! it was: the gazetteer's step answers ([`crate::gazetteer`]), the tagger's
//! spellings, the recogniser's joined place names. A new state of the data
//! (word lists at hand, a shard given: [`data_state`]) or a full map starts
//! it again empty.

use crate::hash::FnvBuild;
use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash};

/// The state of the late data most answers come from: whether the word
/// lists are at hand, and how often the gazetteer's answers may have
/// changed ([`crate::gazetteer::answers`]).
pub(crate) fn data_state() -> (bool, usize) {
    (crate::lists::ready(), crate::gazetteer::answers())
}

/// Whether the per-spelling maps kept per thread (the tokenizer's
/// spellings, the recogniser's readings and joined place names) last across
/// articles: natively, where a batch runs through many; not in wasm, where
/// a page analyses one article at a time, so a map keeps its room there but
/// is emptied for each article (and the browser benchmark, which times each
/// article several times, times what a reader waits for).
pub(crate) const ACROSS_ARTICLES: bool = !cfg!(target_arch = "wasm32");

/// Spellings a per-spelling map keeps at most; it starts again empty when
/// full.
pub(crate) const SPELLINGS_LIMIT: usize = 1 << 14;

/// A map kept per thread ([`take_for_article`], [`keep`]).
pub(crate) type PerThread<K, V> = std::thread::LocalKey<std::cell::RefCell<HashMap<K, V, FnvBuild>>>;

/// The map `kept` holds, taken for one article: emptied first (its room
/// kept) when full or not kept [`ACROSS_ARTICLES`]. Hand it back with
/// [`keep`].
pub(crate) fn take_for_article<K, V>(kept: &'static PerThread<K, V>) -> HashMap<K, V, FnvBuild> {
    let mut m = kept.with(|k| std::mem::take(&mut *k.borrow_mut()));
    if !ACROSS_ARTICLES || m.len() >= SPELLINGS_LIMIT {
        m.clear();
    }
    m
}

/// Gives `map` back to `kept` for the next [`take_for_article`].
pub(crate) fn keep<K, V>(kept: &'static PerThread<K, V>, map: HashMap<K, V, FnvBuild>) {
    kept.with(|k| *k.borrow_mut() = map);
}

/// A map of answers worked out in one state `S` of the data.
pub(crate) struct Kept<S, K, V> {
    state: Option<S>,
    map: HashMap<K, V, FnvBuild>,
}

impl<S, K, V> Kept<S, K, V> {
    /// An empty map (for statics).
    pub(crate) const fn new() -> Self {
        Kept { state: None, map: HashMap::with_hasher(BuildHasherDefault::new()) }
    }
}

impl<S, K, V> Default for Kept<S, K, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<S: PartialEq + Copy, K: Hash + Eq + Borrow<str>, V> Kept<S, K, V> {
    /// The answer kept for `key`, if worked out in state `now`.
    pub(crate) fn get(&self, now: S, key: &str) -> Option<&V> {
        if self.state == Some(now) {
            self.map.get(key)
        } else {
            None
        }
    }

    /// Keeps `answer` for `key`, worked out in state `now`: the answers of
    /// another state go, and all of them when `limit` are kept.
    pub(crate) fn put(&mut self, now: S, key: K, answer: V, limit: usize) {
        if self.state != Some(now) || self.map.len() >= limit {
            self.map.clear();
            self.state = Some(now);
        }
        self.map.insert(key, answer);
    }

    /// Forgets every answer (keeping the map's room).
    pub(crate) fn clear(&mut self) {
        self.map.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::Kept;

    #[test]
    fn answers_last_for_their_state_and_limit() {
        let mut k: Kept<usize, Box<str>, u32> = Kept::new();
        assert_eq!(k.get(0, "a"), None);
        k.put(0, "a".into(), 1, 2);
        k.put(0, "b".into(), 2, 2);
        assert_eq!((k.get(0, "a"), k.get(0, "b")), (Some(&1), Some(&2)));
        assert_eq!(k.get(1, "a"), None, "another state");
        k.put(0, "c".into(), 3, 2);
        assert_eq!((k.get(0, "a"), k.get(0, "c")), (None, Some(&3)), "full: started again");
        k.put(1, "d".into(), 4, 2);
        assert_eq!((k.get(1, "c"), k.get(1, "d")), (None, Some(&4)), "a new state: started again");
        k.clear();
        assert_eq!(k.get(1, "d"), None);
    }
}
