//! The sorted key index of the gazetteer's core and of each late shard.

use crate::hash::FnvBuild;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A sorted key index: `spans[i]` is the range of `ids` for `keys[i]`,
/// hashed at its first lookup, all keys at once into maps sized for them.
/// Bisecting a shard's keys until it had answered 256 lookups saved 2% of
/// an English CLI process but made the wasm analysis of Arabic news a
/// quarter slower (12.6 against 10.0 ms per 1,000 words).
#[derive(Default)]
pub(super) struct Table {
    pub(super) keys: Vec<&'static str>,
    pub(super) spans: Vec<(u32, u32)>,
    pub(super) ids: Vec<u32>,
    pub(super) max_tokens: usize,
    /// The spaces of all keys: at most as many heads as keys ([`Hashed::at`]).
    spaces: usize,
    hashed: OnceLock<Hashed>,
    /// Every start of a key with a notable place ([`super::Place::notable`])
    /// that ends before one of its spaces: the core's ([`Table::mark_notable`]);
    /// a late shard's table answers [`Table::notable_head`] instead.
    pub(super) notable_heads: HashSet<&'static str, FnvBuild>,
}

/// A table's keys by hash: one map, so that a step is one lookup.
struct Hashed {
    /// The position of each key in `keys` ([`NO_KEY`] for a start of a key
    /// that is no key itself), with [`HEAD`] set for every start of a key
    /// that ends before one of its spaces ("new" of "new york"): the keys
    /// some longer key continues.
    at: HashMap<&'static str, u32, FnvBuild>,
}

/// The bit of a [`Hashed::at`] value that says a longer key continues it.
const HEAD: u32 = 1 << 31;
/// A [`Hashed::at`] value's position when the string is only a head.
const NO_KEY: u32 = HEAD - 1;

impl Table {
    /// An empty table sized for `keys` keys.
    pub(super) fn with_capacity(keys: usize) -> Table {
        Table { keys: Vec::with_capacity(keys), spans: Vec::with_capacity(keys), ..Table::default() }
    }

    /// Hashes the keys now (the core's table, which every word looks up).
    pub(super) fn hash_now(&self) {
        self.hashed.get_or_init(|| self.hash());
    }

    fn hash(&self) -> Hashed {
        let mut at: HashMap<&'static str, u32, FnvBuild> =
            HashMap::with_capacity_and_hasher(self.keys.len() + self.spaces, FnvBuild::default());
        for (i, key) in (0..NO_KEY).zip(&self.keys) {
            let v = at.entry(*key).or_insert(NO_KEY);
            *v = (*v & HEAD) | i;
            for space in spaces(key) {
                *at.entry(&key[..space]).or_insert(NO_KEY) |= HEAD;
            }
        }
        Hashed { at }
    }

    /// Adds a key with the row numbers of its comma-separated `list`, each
    /// below `n`; `bad` counts the others. Keys come sorted; a key out of
    /// order is refused.
    pub(super) fn push(&mut self, key: &'static str, list: &str, n: usize, bad: &mut usize) -> bool {
        if self.keys.last().is_some_and(|last| *last >= key) {
            return false;
        }
        let start = self.ids.len();
        *bad += rows_into(list, n, &mut self.ids);
        let (Ok(s), Ok(e)) = (u32::try_from(start), u32::try_from(self.ids.len())) else { return false };
        if e > s {
            let spaces = key.bytes().filter(|&b| b == b' ').count();
            self.max_tokens = self.max_tokens.max(1 + spaces);
            self.spaces += spaces;
            self.keys.push(key);
            self.spans.push((s, e));
        }
        true
    }

    /// Candidates for `key` (`None` when the key is absent), and whether some
    /// longer key starts with `key` and a space: one hash lookup.
    pub(super) fn step(&self, key: &str) -> (Option<&[u32]>, bool) {
        let hashed = self.hashed.get_or_init(|| self.hash());
        let Some(&v) = hashed.at.get(key) else { return (None, false) };
        let ids = Some(v & !HEAD)
            .filter(|&i| i != NO_KEY)
            .and_then(|i| self.spans.get(i as usize))
            .and_then(|&(s, e)| self.ids.get(s as usize..e as usize));
        (ids, v & HEAD != 0)
    }

    /// Fills [`Table::notable_heads`] once the places are at hand.
    /// `notable(row, arabic)` says whether a place counts under a key in
    /// Arabic script or another ([`super::Place::arabic_late`]).
    pub(super) fn mark_notable(&mut self, notable: impl Fn(u32, bool) -> bool) {
        for (key, &(s, e)) in self.keys.iter().zip(&self.spans) {
            if !key.as_bytes().contains(&b' ') {
                continue;
            }
            let ids = self.ids.get(s as usize..e as usize).unwrap_or(&[]);
            let arabic = key.chars().next().is_some_and(crate::text::is_arabic);
            if ids.iter().any(|&i| notable(i, arabic)) {
                for space in spaces(key) {
                    self.notable_heads.insert(&key[..space]);
                }
            }
        }
    }

    /// Whether a longer key of a notable place starts with `key` and a
    /// space, as [`Table::mark_notable`] would have it, worked out when
    /// asked from the sorted keys (the keys continuing `key` follow it): a
    /// late shard's table is asked this of a few words, where marking every
    /// one of its keys as it was parsed cost an English CLI process 5% of
    /// its instructions.
    pub(super) fn notable_head(&self, key: &str, notable: impl Fn(u32, bool) -> bool) -> bool {
        if !self.step(key).1 {
            return false;
        }
        let arabic = key.chars().next().is_some_and(crate::text::is_arabic);
        let from = self.keys.partition_point(|k| *k < key);
        let (keys, spans) = (self.keys.get(from..).unwrap_or_default(), self.spans.get(from..).unwrap_or_default());
        keys.iter()
            .zip(spans)
            .take_while(|(k, _)| k.starts_with(key))
            .filter(|(k, _)| k.as_bytes().get(key.len()) == Some(&b' '))
            .any(|(_, &(s, e))| {
                self.ids.get(s as usize..e as usize).unwrap_or_default().iter().any(|&i| notable(i, arabic))
            })
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

/// The row number of a place row and the row (its columns are checked
/// when the place is first asked for).
pub(super) fn place_row(line: &'static str, total: usize) -> Option<(usize, &'static str)> {
    // the digits up to the first tab, as `str::parse` reads them (a shard
    // parse reads a hundred rows)
    let b = line.as_bytes();
    let digits = b.iter().position(|&c| c == b'\t')?;
    let number = b.get(..digits)?;
    let number = number.strip_prefix(b"+").unwrap_or(number);
    if number.is_empty() || number.len() > 18 || !number.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let row = number.iter().fold(0usize, |v, &c| v * 10 + usize::from(c - b'0'));
    (row < total).then_some((row, line))
}

/// [`super::data`]'s `Row::notable_for` of a place row: its ninth column (the flags) holds
/// "N", and for an Arabic key not "A"; without parsing the rest.
pub(super) fn row_notable(line: &str, arabic: bool) -> bool {
    // the bytes after the eighth tab, up to the next (a byte loop: `split`
    // cost a tenth of an English process as shards were parsed)
    let b = line.as_bytes();
    let Some(from) = b.iter().enumerate().filter(|&(_, &c)| c == b'\t').nth(7).map(|(i, _)| i + 1) else {
        return false;
    };
    let flags = b.get(from..).unwrap_or_default();
    let flags = flags.get(..flags.iter().position(|&c| c == b'\t').unwrap_or(flags.len())).unwrap_or_default();
    flags.contains(&b'N') && !(arabic && flags.contains(&b'A'))
}

/// The byte positions of the spaces of `key` (a byte loop: `match_indices`
/// cost more than the hashing around it).
fn spaces(key: &str) -> impl Iterator<Item = usize> + '_ {
    key.bytes().enumerate().filter(|&(_, b)| b == b' ').map(|(i, _)| i)
}

/// Appends the row numbers of a comma-separated list to `out`, each below
/// `n` (digits only, at most nine); returns how many items were not.
fn rows_into(list: &str, n: usize, out: &mut Vec<u32>) -> usize {
    // one pass over the bytes (a shard parse reads some hundred lists)
    let mut bad = 0;
    let (mut v, mut len, mut digits) = (0usize, 0usize, true);
    let mut item = |v: usize, len: usize, digits: bool| match u32::try_from(v) {
        Ok(r) if digits && (1..=9).contains(&len) && v < n => out.push(r),
        _ => bad += 1,
    };
    for &b in list.as_bytes() {
        if b == b',' {
            item(v, len, digits);
            (v, len, digits) = (0, 0, true);
        } else {
            digits &= b.is_ascii_digit();
            v = v.wrapping_mul(10).wrapping_add(usize::from(b.wrapping_sub(b'0')));
            len += 1;
        }
    }
    item(v, len, digits);
    bad
}

#[cfg(test)]
mod tests {
    /// What [`super::rows_into`] must agree with: the list split at its
    /// commas, each item of one to nine digits below `n`.
    fn rows_by_split(list: &str, n: usize) -> (Vec<u32>, usize) {
        let (mut rows, mut bad) = (Vec::new(), 0);
        for item in list.split(',') {
            match item.parse::<u32>() {
                Ok(v)
                    if (1..=9).contains(&item.len())
                        && item.bytes().all(|b| b.is_ascii_digit())
                        && (v as usize) < n =>
                {
                    rows.push(v)
                }
                _ => bad += 1,
            }
        }
        (rows, bad)
    }

    #[test]
    fn rows_are_the_lists_items() {
        for list in ["", "1", "12,7", ",", "3,,4", "99", "100", "1a,2", "+1,2", "123456789", "1234567890", "0,0,", "٣"]
        {
            let mut rows = Vec::new();
            let bad = super::rows_into(list, 100, &mut rows);
            assert_eq!((rows, bad), rows_by_split(list, 100), "{list:?}");
        }
    }
}
