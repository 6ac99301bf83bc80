//! One sort for the whole crate.
//!
//! `slice::sort_by` is generic over the element and the comparison: each
//! call site compiled to its own copy of the whole driftsort (about 4 KB of
//! wasm each, some 30 of them: 124 KB before compression). Here one
//! non-generic function sorts a permutation of indices, stably, through a
//! `dyn` comparison; what is left per type is the small in-place
//! permutation. A stable sort's result is fully defined by the comparison,
//! so the order is the one `sort_by` gives, natively and in the browser.

use std::cmp::Ordering;

/// The permutation of `0..n` that sorts by `cmp` over indices, stably
/// (equal indices keep their order).
#[inline(never)]
pub fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Sorts `v` by `cmp`, stably: what `v.sort_by(cmp)` does.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    // nothing to order (many lists of an article hold one item or none)
    if v.len() < 2 {
        return;
    }
    let order = {
        let s = &*v;
        order(s.len(), &mut |a, b| cmp(&s[a], &s[b]))
    };
    permute(v, &order);
}

/// Sorts `v` by the key `key` gives, stably: what `v.sort_by_key(key)` does.
/// Each key is worked out once (a comparison does not build two).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    if v.len() < 2 {
        return;
    }
    let keys: Vec<K> = v.iter().map(key).collect();
    permute(v, &order(keys.len(), &mut |a, b| keys[a].cmp(&keys[b])));
}

/// Sorts `v` in its natural order: what `v.sort()` does (and what
/// `sort_unstable` does for types whose equal values are the same).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp)
}

/// Rearranges `v` in place so that its element `i` is the old element
/// `order[i]` (`order` a permutation of the indices of `v`), following each
/// cycle of the permutation with swaps.
fn permute<T>(v: &mut [T], order: &[usize]) {
    // already in order (often so: spans found left to right): no moves
    if order.iter().enumerate().all(|(i, &j)| i == j) {
        return;
    }
    let mut done = vec![false; v.len()];
    for start in 0..v.len().min(order.len()) {
        if done[start] {
            continue;
        }
        let mut i = start;
        loop {
            done[i] = true;
            let j = order[i];
            if j == start || j >= v.len() || done[j] {
                break;
            }
            v.swap(i, j);
            i = j;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        // every permutation-shaped input of a few small cases, with ties
        let cases: [&[(u8, u8)]; 5] = [
            &[],
            &[(1, 0)],
            &[(2, 0), (1, 1), (2, 2), (0, 3), (1, 4), (2, 5)],
            &[(3, 0), (2, 1), (1, 2), (0, 3)],
            &[(0, 0), (0, 1), (0, 2)],
        ];
        for case in cases {
            let mut got = case.to_vec();
            let mut want = case.to_vec();
            sort_by_key(&mut got, |p| p.0);
            want.sort_by_key(|p| p.0);
            assert_eq!(got, want);
            let mut got = case.to_vec();
            let mut want = case.to_vec();
            sort_by(&mut got, |a, b| b.cmp(a));
            want.sort_by(|a, b| b.cmp(a));
            assert_eq!(got, want);
        }
        // a longer shuffled run, against the standard sort
        let mut x: Vec<u32> = (0..500u32).map(|i| i.wrapping_mul(2_654_435_761) % 97).collect();
        let mut want = x.clone();
        sort(&mut x);
        want.sort();
        assert_eq!(x, want);
    }
}
