//! Eight bytes of text tested at once, for the loops that pass over runs
//! of plain bytes: JSON strings read and written, line feeds, text to
//! sanitise. A byte below n, or zero after an xor, borrows into its top
//! bit: the flags are exact for the eight as a whole, and the lowest one
//! is exact (only a byte above a flagged one may be flagged falsely).

/// The byte 1 in each of the eight.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The top bit of each of the eight.
pub(crate) const HIGH: u64 = ONES << 7;

/// The eight bytes of `b` from `i` (little-endian), if there are eight.
#[inline(always)]
pub(crate) fn word(b: &[u8], i: usize) -> Option<u64> {
    b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()).map(u64::from_le_bytes)
}

/// Flags of the bytes of `w` that are `x`.
#[inline(always)]
pub(crate) fn eq(w: u64, x: u8) -> u64 {
    let v = w ^ (ONES * u64::from(x));
    v.wrapping_sub(ONES) & !v & HIGH
}

/// Flags of the bytes of `w` below `n` (`n` at most 0x80).
#[inline(always)]
pub(crate) fn below(w: u64, n: u8) -> u64 {
    w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_are_exact_for_the_word_and_the_lowest_byte() {
        let mut rng = crate::xorshift::Xorshift::new();
        for _ in 0..50_000 {
            let x = rng.next();
            // bytes near the values tested, so that hits are common
            let bytes: [u8; 8] = std::array::from_fn(|k| {
                [0, 1, 0x1f, 0x20, 0x21, b'"', b'\\', 0x7f, 0x80, 0xff][(x >> (k * 6)) as usize % 10]
            });
            let w = u64::from_le_bytes(bytes);
            for t in [0u8, b'"', b'\\', 0x7f, 0xc2] {
                let f = eq(w, t);
                assert_eq!(f != 0, bytes.contains(&t), "{bytes:?} {t}");
                if f != 0 {
                    assert_eq!(bytes[f.trailing_zeros() as usize / 8], t);
                }
            }
            for n in [0x20u8, 0x80] {
                let f = below(w, n);
                assert_eq!(f != 0, bytes.iter().any(|&b| b < n), "{bytes:?} {n}");
                if f != 0 {
                    assert!(bytes[f.trailing_zeros() as usize / 8] < n);
                }
            }
        }
    }
}
