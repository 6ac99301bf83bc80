//! `memcmp` for the browser build, eight bytes a step.
//!
//! wasm has no instruction that compares memory, so every comparison of
//! strings and byte slices (a map's key against the word looked up, `==`
//! and `starts_with` on text) calls `memcmp`, and the one `compiler_builtins`
//! gives wasm (a weak symbol, which this one replaces) compares one byte a
//! step: an Arabic word of eight letters is sixteen steps. Here a step
//! compares eight bytes, and the first unequal step finds its first unequal
//! byte from the trailing zeros of the two words' difference (the loads are
//! little-endian, so the lowest bits are the first byte). The answer is the
//! same as byte by byte: the difference of the first unequal bytes.

/// Compares `n` bytes at `a` and `b`: the first unequal byte of `a` minus
/// that of `b`, or 0.
///
/// # Safety
/// `a` and `b` must be valid for reads of `n` bytes.
#[no_mangle]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i = 0;
    while i + 8 <= n {
        // SAFETY: `i + 8 <= n` bytes are readable from both; the reads are unaligned ones.
        let (x, y) = unsafe { (a.add(i).cast::<u64>().read_unaligned(), b.add(i).cast::<u64>().read_unaligned()) };
        if x != y {
            let k = (x ^ y).trailing_zeros() / 8;
            let (p, q) = ((x >> (8 * k)) as u8, (y >> (8 * k)) as u8);
            return i32::from(p) - i32::from(q);
        }
        i += 8;
    }
    while i < n {
        // SAFETY: `i < n`.
        let (p, q) = unsafe { (*a.add(i), *b.add(i)) };
        if p != q {
            return i32::from(p) - i32::from(q);
        }
        i += 1;
    }
    0
}
