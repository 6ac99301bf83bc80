//! The filter of Arabic first words of late gazetteer keys (see data.rs).

/// The Arabic-script first words of every late key (`first_words.bin`, written by
/// `rice_filter` in scripts/gen_gazetteer.py): the sorted values
/// `fnv1a64(word) % modulus`. A word outside the set passes with odds of
/// about 2^-bits, so the page asks only for shards that a word of the
/// article may really start a name in.
#[derive(Default)]
pub(super) struct Filter {
    pub(super) modulus: u64,
    pub(super) values: Vec<u32>,
}

impl Filter {
    /// Decodes `bytes` holding the gaps between sorted values: each gap's
    /// high part in unary (ones, then a zero), then its `bits` low bits.
    /// `None` when the data ends early or a value overflows.
    pub(super) fn decode(bytes: &[u8], words: u64, bits: u32) -> Option<Filter> {
        let modulus = words.checked_shl(bits)?;
        let mut values = Vec::with_capacity(usize::try_from(words).ok()?);
        let total = bytes.len() * 8;
        let bit = |i: usize| bytes.get(i / 8).map(|b| (b >> (7 - i % 8)) & 1);
        let (mut i, mut prev) = (0usize, 0u64);
        // the padding of the last byte is zeros: a value needs at least
        // bits + 1 more bits, so a shorter tail is padding
        while i + (bits as usize) < total && (values.len() as u64) < words {
            let mut high = 0u64;
            while bit(i)? == 1 {
                high += 1;
                i += 1;
            }
            i += 1;
            let mut low = 0u64;
            for _ in 0..bits {
                low = low << 1 | u64::from(bit(i)?);
                i += 1;
            }
            prev += high.checked_shl(bits)? | low;
            if prev >= modulus {
                return None;
            }
            values.push(u32::try_from(prev).ok()?);
        }
        Some(Filter { modulus, values })
    }

    /// Whether `word` may start a late key: for an Arabic-script word, when
    /// it is in the set; a word in another script always may.
    pub(super) fn may_start(&self, word: &str) -> bool {
        if self.modulus == 0 || !word.chars().next().is_some_and(crate::text::is_arabic) {
            return true;
        }
        let v = crate::hash::fnv1a64(word.as_bytes()) % self.modulus;
        u32::try_from(v).is_ok_and(|v| self.values.binary_search(&v).is_ok())
    }
}
