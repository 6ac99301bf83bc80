//! Maps and sets kept as one sorted vector: what `BTreeMap` and `BTreeSet`
//! do for the few operations the crate uses (sorted iteration, lookups by
//! binary search, the last of a repeated key winning when collected).
//!
//! Each `BTreeMap<K, V>` compiled to its own copy of the B-tree's node
//! code (insert, split, remove and rebalance, iterate, drop): the eight the
//! browser build had were about 10 KB of the wasm after brotli. The maps
//! here are small (an object's fields, an article's pins, selected ids);
//! one built from many pairs is sorted once ([`FromIterator`]), not grown
//! by insertion.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;

/// A map sorted by key, each key once.
#[derive(Clone, PartialEq, Eq)]
pub struct VecMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap(Vec::new())
    }
}

impl<K: Ord, V> VecMap<K, V> {
    pub const fn new() -> Self {
        VecMap(Vec::new())
    }

    /// Where `key` is, or where it would go.
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.0.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Sets `key`'s value, returning the one it replaces (the key stays).
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }

    /// `key`'s value, inserted by `make` when missing.
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (key, make()));
                i
            }
        };
        &mut self.0[i].1
    }
}

impl<K, V> VecMap<K, V> {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The pairs by key.
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter(self.0.iter())
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }
}

/// Sorted once (stably), the last of equal keys kept: `BTreeMap`'s
/// `collect`.
impl<K: Ord, V> FromIterator<(K, V)> for VecMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut v: Vec<(K, V)> = pairs.into_iter().collect();
        crate::sort::sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        let mut out: Vec<(K, V)> = Vec::with_capacity(v.len());
        for (k, x) in v {
            match out.last_mut() {
                Some(last) if last.0.cmp(&k) == Ordering::Equal => last.1 = x,
                _ => out.push((k, x)),
            }
        }
        VecMap(out)
    }
}

impl<K: Ord, V> Extend<(K, V)> for VecMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, pairs: I) {
        for (k, v) in pairs {
            self.insert(k, v);
        }
    }
}

/// The pairs of a map by key.
pub struct Iter<'a, K, V>(std::slice::Iter<'a, (K, V)>);

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k, v))
    }
}

impl<'a, K, V> IntoIterator for &'a VecMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        Iter(self.0.iter())
    }
}

impl<K, V> IntoIterator for VecMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// As `BTreeMap` shows itself: `{k: v, ...}`.
impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for VecMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// A set sorted, each value once.
#[derive(Clone, PartialEq, Eq)]
pub struct VecSet<K>(VecMap<K, ()>);

impl<K> Default for VecSet<K> {
    fn default() -> Self {
        VecSet(VecMap::default())
    }
}

// (lookups and removal: the browser build's)
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
impl<K: Ord> VecSet<K> {
    /// Adds `k`; false when it was there.
    pub fn insert(&mut self, k: K) -> bool {
        self.0.insert(k, ()).is_none()
    }

    pub fn contains<Q: Ord + ?Sized>(&self, k: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.0.contains_key(k)
    }

    /// Removes `k`; false when it was not there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, k: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.0.remove(k).is_some()
    }
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
impl<K> VecSet<K> {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The values in order.
    pub fn iter(&self) -> impl Iterator<Item = &K> {
        self.0.keys()
    }
}

impl<K: Ord> Extend<K> for VecSet<K> {
    fn extend<I: IntoIterator<Item = K>>(&mut self, ks: I) {
        for k in ks {
            self.insert(k);
        }
    }
}

impl<K: Ord> FromIterator<K> for VecSet<K> {
    fn from_iter<I: IntoIterator<Item = K>>(ks: I) -> Self {
        VecSet(ks.into_iter().map(|k| (k, ())).collect())
    }
}

/// As `BTreeSet` shows itself: `{a, b}`.
impl<K: fmt::Debug> fmt::Debug for VecSet<K> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// Pseudo-random pairs with repeated keys.
    fn pairs(n: usize, seed: u64) -> Vec<(String, u32)> {
        let mut x = seed;
        (0..n)
            .map(|i| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (format!("k{}", (x >> 33) % (n as u64 / 2 + 1)), i as u32)
            })
            .collect()
    }

    #[test]
    fn answers_as_btreemap_does() {
        for (n, seed) in [(0, 1), (1, 2), (2, 3), (7, 4), (40, 5), (500, 6)] {
            let p = pairs(n, seed);
            let (mut b, mut v): (BTreeMap<String, u32>, VecMap<String, u32>) = (BTreeMap::new(), VecMap::new());
            for (k, x) in &p {
                assert_eq!(b.insert(k.clone(), *x), v.insert(k.clone(), *x));
            }
            let collected: VecMap<String, u32> = p.iter().cloned().collect();
            let bc: BTreeMap<String, u32> = p.iter().cloned().collect();
            assert!(collected == v && bc == b);
            assert!(v.iter().eq(b.iter()) && v.keys().eq(b.keys()) && v.values().eq(b.values()));
            assert_eq!(format!("{v:?}"), format!("{b:?}"));
            assert_eq!((v.len(), v.is_empty()), (b.len(), b.is_empty()));
            for (k, _) in pairs(n, seed + 100).iter().chain(&p) {
                assert_eq!(v.get(k.as_str()), b.get(k.as_str()));
                assert_eq!(v.contains_key(k.as_str()), b.contains_key(k.as_str()));
            }
            for (k, _) in p.iter().step_by(3) {
                assert_eq!(v.remove(k.as_str()), b.remove(k.as_str()));
            }
            assert!(v.iter().eq(b.iter()) && v.clone().into_iter().eq(b.clone()));
            *v.get_or_insert_with("new".into(), || 7) += 1;
            *b.entry("new".into()).or_insert(7) += 1;
            assert!((&v).into_iter().eq(b.iter()));
        }
    }

    #[test]
    fn sets_answer_as_btreeset_does() {
        let p: Vec<String> = pairs(300, 9).into_iter().map(|p| p.0).collect();
        let (mut b, mut v) = (BTreeSet::new(), VecSet::default());
        for k in &p {
            assert_eq!(b.insert(k.clone()), v.insert(k.clone()));
        }
        assert!(v.iter().eq(b.iter()) && v.len() == b.len());
        assert_eq!(format!("{v:?}"), format!("{b:?}"));
        assert!(p.iter().cloned().collect::<VecSet<String>>() == v);
        for k in p.iter().step_by(2) {
            assert_eq!(b.remove(k), v.remove(k.as_str()));
            assert_eq!(b.contains(k), v.contains(k.as_str()));
        }
        v.extend(p.iter().cloned());
        b.extend(p.iter().cloned());
        assert!(v.iter().eq(b.iter()) && !v.is_empty());
    }
}
