//! The sorted key index of the gazetteer's core and of each late shard.

use super::Place;
use crate::hash::FnvBuild;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A sorted key index: `spans[i]` is the range of `ids` for `keys[i]`.
#[derive(Default)]
pub(super) struct Table {
    pub(super) keys: Vec<&'static str>,
    pub(super) spans: Vec<(u32, u32)>,
    pub(super) ids: Vec<u32>,
    pub(super) max_tokens: usize,
    /// The position of each key in `keys`, found by hashing: a lookup runs
    /// for every word of an article and each of its readings.
    pub(super) at: HashMap<&'static str, u32, FnvBuild>,
    /// Every start of a key that ends before one of its spaces ("new" of
    /// "new york"): the keys some longer key continues.
    pub(super) heads: HashSet<&'static str, FnvBuild>,
    /// The same for keys with a notable place ([`Place::notable`]).
    pub(super) notable_heads: HashSet<&'static str, FnvBuild>,
}

impl Table {
    /// Adds a key (keys come sorted; a key out of order is refused).
    pub(super) fn push(&mut self, key: &'static str, ids: impl Iterator<Item = u32>) -> bool {
        if self.keys.last().is_some_and(|last| *last >= key) {
            return false;
        }
        let start = self.ids.len();
        self.ids.extend(ids);
        let (Ok(s), Ok(e)) = (u32::try_from(start), u32::try_from(self.ids.len())) else { return false };
        if e > s {
            self.max_tokens = self.max_tokens.max(key.split(' ').count());
            let Ok(i) = u32::try_from(self.keys.len()) else { return false };
            self.at.insert(key, i);
            for (space, _) in key.match_indices(' ') {
                self.heads.insert(&key[..space]);
            }
            self.keys.push(key);
            self.spans.push((s, e));
        }
        true
    }

    /// Candidates for `key` (`None` when the key is absent), and whether some
    /// longer key starts with `key` and a space: two hash lookups.
    pub(super) fn step(&self, key: &str) -> (Option<&[u32]>, bool) {
        let ids = self
            .at
            .get(key)
            .and_then(|&i| self.spans.get(i as usize))
            .and_then(|&(s, e)| self.ids.get(s as usize..e as usize));
        (ids, self.heads.contains(key))
    }

    /// Fills [`Table::notable_heads`] once the places are at hand.
    pub(super) fn mark_notable(&mut self, places: &[OnceLock<Box<Place>>]) {
        for (key, &(s, e)) in self.keys.iter().zip(&self.spans) {
            let ids = self.ids.get(s as usize..e as usize).unwrap_or(&[]);
            if ids.iter().any(|&i| places.get(i as usize).and_then(OnceLock::get).is_some_and(|p| p.notable)) {
                for (space, _) in key.match_indices(' ') {
                    self.notable_heads.insert(&key[..space]);
                }
            }
        }
    }

    /// [`Table::step`] by a binary search of the sorted keys (a space sorts
    /// before every character a key holds, so the keys continuing `key`
    /// follow it directly): what the hashed step must always agree with.
    #[cfg(test)]
    pub(super) fn step_sorted(&self, key: &str) -> (Option<&[u32]>, bool) {
        let i = self.keys.partition_point(|k| *k < key);
        let exact = self.keys.get(i).is_some_and(|k| *k == key);
        let ids = if exact { self.spans.get(i).and_then(|&(s, e)| self.ids.get(s as usize..e as usize)) } else { None };
        let next = if exact { i + 1 } else { i };
        let longer = self
            .keys
            .get(next)
            .is_some_and(|k| k.len() > key.len() && k.starts_with(key) && k.as_bytes().get(key.len()) == Some(&b' '));
        (ids, longer)
    }
}
