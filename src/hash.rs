//! One stable hash for the whole crate: FNV-1a, 64 bits; and the hasher
//! of the crate's maps.
//!
//! `std`'s hasher changes between releases and platforms; fingerprints of
//! articles, calendar UIDs and data-file checksums must not, so they all use
//! FNV-1a.

/// FNV-1a, 64 bits, of `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    fnv1a64_iter(bytes.iter().copied())
}

/// FNV-1a, 64 bits, of a stream of bytes (to hash several parts without
/// joining them first).
pub fn fnv1a64_iter(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325u64, |h, x| (h ^ u64::from(x)).wrapping_mul(0x0100_0000_01b3))
}

/// The `HashMap` hasher, for maps keyed by words of the text or of the
/// embedded tables (not keys an attacker picks to collide): SipHash costs
/// more than the lookup it guards, and FNV-1a a multiply per byte, which
/// was the costliest line of an Arabic analysis (two bytes a letter). This
/// one takes eight bytes a step (the last eight overlapping the step
/// before; shorter inputs as two halves or three bytes, as in wyhash),
/// each step a 64×64→128-bit multiply with its halves folded together, so
/// every input bit reaches every bit of the hash: a word of up to eight
/// bytes costs one multiply, of up to sixteen two. Only maps use it: its
/// values are stored nowhere, and no map's order reaches the output.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

/// An odd multiplier with well-spread bits (the fractional part of pi).
const K: u64 = 0x243f_6a88_85a3_08d3;

/// One step: a 64×64→128-bit multiply with its halves folded together,
/// where that is one instruction (x86-64, aarch64).
#[inline]
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
fn step_wide(v: u64, w: u64) -> u64 {
    let m = u128::from(v ^ w) * u128::from(K);
    (m as u64) ^ ((m >> 64) as u64)
}

/// One step in wasm, which has no 128-bit multiply (the compiler calls a
/// software routine for it, and analysis ran 28% slower): two 64-bit
/// multiplies with xor-shifts between them, so every input bit still
/// reaches the low bits a map indexes by.
#[inline]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn step_narrow(v: u64, w: u64) -> u64 {
    let m = (v ^ w).wrapping_mul(K);
    let m = (m ^ (m >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    m ^ (m >> 29)
}

#[cfg(target_arch = "wasm32")]
use step_narrow as step;
#[cfg(not(target_arch = "wasm32"))]
use step_wide as step;

/// Eight bytes of `b` from `i` (zero past the end, which callers avoid).
#[inline]
fn word8(b: &[u8], i: usize) -> u64 {
    b.get(i..i + 8).and_then(|s| <[u8; 8]>::try_from(s).ok()).map_or(0, u64::from_le_bytes)
}

#[inline]
fn word4(b: &[u8], i: usize) -> u64 {
    b.get(i..i + 4).and_then(|s| <[u8; 4]>::try_from(s).ok()).map_or(0, |w| u64::from(u32::from_le_bytes(w)))
}

impl std::hash::Hasher for Fnv {
    #[inline(always)]
    fn write(&mut self, bytes: &[u8]) {
        // one step for up to eight bytes, the length in bits no byte uses
        // (equal hashes of other inputs would cost time, not answers)
        let n = bytes.len();
        let v = self.0;
        self.0 = if n > 8 {
            let mut v = v ^ n as u64;
            let mut i = 0;
            while i + 8 < n {
                v = step(v, word8(bytes, i));
                i += 8;
            }
            step(v, word8(bytes, n - 8))
        } else if n >= 4 {
            step(v, (word4(bytes, 0) | word4(bytes, n - 4) << 32) ^ (n as u64) << 60)
        } else {
            let byte = |i: usize| bytes.get(i).map_or(0, |&b| u64::from(b));
            step(v, byte(0) | byte(n / 2) << 8 | byte(n.saturating_sub(1)) << 16 | (n as u64) << 24)
        };
    }

    /// What `str` keys end with (0xff): the state is mixed already, so
    /// no multiply for it.
    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.0 = self.0.rotate_left(8) ^ u64::from(b);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`Fnv`] hashers for `HashMap` and `HashSet` (FNV-1a until
/// 2026-12-02; the name stayed).
pub type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        // reference values of FNV-1a 64
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(fnv1a64_iter(b"foo".iter().chain(b"bar").copied()), fnv1a64(b"foobar"));
    }

    #[test]
    fn map_hashes_spread_over_the_low_bits() {
        use std::hash::{BuildHasher, Hasher};
        // keys alike but for a late byte, long and short, must fall in many
        // buckets: the low ten bits of 1,000 hashes take about 640 values at
        // random, and the tail or a whole eight-byte step being ignored
        // would give a handful
        for prefix in ["", "al-", "كلمة طويلة "] {
            let mut buckets = std::collections::HashSet::new();
            for i in 0..1000 {
                let mut h = FnvBuild::default().build_hasher();
                h.write(format!("{prefix}{i}").as_bytes());
                buckets.insert(h.finish() & 1023);
            }
            assert!(buckets.len() > 550, "{prefix:?}: {}", buckets.len());
        }
        let one = |b: &[u8]| {
            let mut h = Fnv::default();
            h.write(b);
            h.finish()
        };
        assert_ne!(one(b"a"), one(b"a\0"));
        assert_ne!(one(b"abcdefgh"), one(b"abcdefgh\0"));
    }

    /// The wasm step (not the one native maps use, so not covered by the
    /// test above) carries input bits of every position to the low bits.
    #[test]
    fn the_wasm_step_reaches_the_low_bits() {
        for shift in [0, 20, 40, 54] {
            let low: std::collections::HashSet<u64> = (0..1000u64).map(|i| step_narrow(7, i << shift) & 1023).collect();
            assert!(low.len() > 550, "shift {shift}: {}", low.len());
        }
    }
}
