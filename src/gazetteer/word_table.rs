//! A set of words, each with a byte of flags, laid out as bytes that are
//! read in place: `build.rs` lays out the first words of the gazetteer's
//! late keys ([`super::late_words`]) at build time, so that a process does
//! not build a map of 160k words before its first lookup (a tenth of a
//! short run's instructions). This file is also compiled into `build.rs`.
//!
//! Layout, numbers as little-endian `u32`: a check (the low half of the
//! hash of [`CHECK`], which the reader's hasher must give too), the number
//! of slots (a power of two), the slots (each 0, or one more than the
//! offset of its word's entry in the entries), then the entries (the
//! flags, the word's length in bytes, the word). A word's slot is its hash
//! masked to the slots, or the next free one after it.

use crate::hash::FnvBuild;
use std::hash::BuildHasher;

/// The string whose hash heads the layout.
const CHECK: &str = "article-atlas word table";

fn hash(word: &str) -> u64 {
    FnvBuild::default().hash_one(word)
}

/// The layout of `words` (each word once, of at most 255 bytes; others
/// are left out), with at least a third of the slots free.
pub fn layout(words: &[(&str, u8)]) -> Vec<u8> {
    let slots = (words.len() * 3 / 2 + 1).next_power_of_two();
    let mut table = vec![0u32; slots];
    let mut entries = Vec::new();
    for &(word, flags) in words {
        let Ok(len) = u8::try_from(word.len()) else { continue };
        let mut i = hash(word) as usize & (slots - 1);
        while table[i] != 0 {
            i = (i + 1) & (slots - 1);
        }
        table[i] = u32::try_from(entries.len() + 1).expect("word table under 4 GB");
        entries.push(flags);
        entries.push(len);
        entries.extend_from_slice(word.as_bytes());
    }
    let mut out = Vec::with_capacity(8 + slots * 4 + entries.len());
    out.extend_from_slice(&(hash(CHECK) as u32).to_le_bytes());
    out.extend_from_slice(&u32::try_from(slots).expect("slots fit u32").to_le_bytes());
    for s in table {
        out.extend_from_slice(&s.to_le_bytes());
    }
    out.extend_from_slice(&entries);
    out
}

/// A layout read in place.
pub struct WordTable<'a> {
    mask: usize,
    slots: &'a [u8],
    entries: &'a [u8],
}

fn u32_at(b: &[u8], i: usize) -> Option<usize> {
    let w: [u8; 4] = b.get(i..i + 4)?.try_into().ok()?;
    Some(u32::from_le_bytes(w) as usize)
}

impl<'a> WordTable<'a> {
    /// The table of a layout; `None` when its check is not this hasher's
    /// (a layout made elsewhere) or its slots are not a power of two.
    pub fn read(bytes: &'a [u8]) -> Option<WordTable<'a>> {
        if u32_at(bytes, 0)? != hash(CHECK) as u32 as usize {
            return None;
        }
        let n = u32_at(bytes, 4)?;
        if !n.is_power_of_two() {
            return None;
        }
        let slots = bytes.get(8..8 + n * 4)?;
        Some(WordTable { mask: n - 1, slots, entries: bytes.get(8 + n * 4..)? })
    }

    /// How many words the table holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.slots.chunks(4).filter(|s| s.iter().any(|&b| b != 0)).count()
    }

    /// The flags of `word`; 0 when it is not in the table.
    pub fn get(&self, word: &str) -> u8 {
        let mut i = hash(word) as usize & self.mask;
        // at least a third of the slots are free: the probe ends
        for _ in 0..=self.mask {
            let Some(at) = u32_at(self.slots, i * 4).filter(|&a| a != 0).map(|a| a - 1) else { return 0 };
            let (Some(&flags), Some(&len)) = (self.entries.get(at), self.entries.get(at + 1)) else { return 0 };
            if self.entries.get(at + 2..at + 2 + usize::from(len)) == Some(word.as_bytes()) {
                return flags;
            }
            i = (i + 1) & self.mask;
        }
        0
    }
}
