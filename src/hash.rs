//! One stable hash for the whole crate: FNV-1a, 64 bits.
//!
//! `std`'s hasher changes between releases and platforms; fingerprints of
//! articles, calendar UIDs and data-file checksums must not, so they all use
//! this one.

/// FNV-1a, 64 bits, of `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    fnv1a64_iter(bytes.iter().copied())
}

/// FNV-1a, 64 bits, of a stream of bytes (to hash several parts without
/// joining them first).
pub fn fnv1a64_iter(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325u64, |h, x| (h ^ u64::from(x)).wrapping_mul(0x0100_0000_01b3))
}

/// FNV-1a as a `HashMap` hasher, for maps keyed by words of the text or of
/// the embedded tables (not keys an attacker picks to collide): SipHash
/// costs more than the lookup it guards.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut v = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            v ^= u64::from(b);
            v = v.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = v;
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`Fnv`] hashers for `HashMap` and `HashSet`.
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
}
