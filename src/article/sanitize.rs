//! Text cleaned of what must never reach the page ([`sanitize`]).

/// Removes what must never reach the page from text: bidi embedding,
/// override and isolate controls (they can disguise text) and control
/// characters other than newline and tab. Carriage returns become newlines.
pub fn sanitize(s: &str) -> String {
    if !needs_sanitizing(s) {
        return s.to_string();
    }
    // the runs between the characters to drop or change copied whole,
    // found by their UTF-8 bytes as [`needs_sanitizing`] finds them
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let (mut from, mut i) = (0, 0);
    while let Some(&x) = b.get(i) {
        let dropped = match x {
            b'\n' | b'\t' => 0,
            0..=0x1f | 0x7f => 1,
            0xc2 if b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)) => 2,
            0xe2 => match (b.get(i + 1), b.get(i + 2)) {
                (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9)) => 3,
                _ => 0,
            },
            _ => 0,
        };
        if dropped == 0 {
            i += 1;
            continue;
        }
        out.push_str(s.get(from..i).unwrap_or_default());
        i += dropped;
        from = i;
        // "\r\n" is one newline (its "\n" comes next), a lone "\r" one too
        if x == b'\r' && b.get(i) != Some(&b'\n') {
            out.push('\n');
        }
    }
    out.push_str(s.get(from..).unwrap_or_default());
    out
}

/// Whether [`sanitize`] has anything to do: a carriage return, a control
/// character other than a line feed or a tab (C0, DEL, C1), or a bidi
/// embedding or isolate (U+202A-U+202E, U+2066-U+2069), read off the
/// UTF-8 bytes.
pub(super) fn needs_sanitizing(s: &str) -> bool {
    let b = s.as_bytes();
    let at = |i: usize, x: u8| match x {
        b'\n' | b'\t' => false,
        0..=0x1f | 0x7f => true,
        0xc2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        0xe2 => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(n)) => (0xaa..=0xae).contains(n),
            (Some(0x81), Some(n)) => (0xa6..=0xa9).contains(n),
            _ => false,
        },
        _ => false,
    };
    // a block of text with no byte that may start one (most blocks of most
    // texts) is passed over by one test of the block
    b.chunks(64)
        .enumerate()
        .any(|(k, chunk)| may_need(chunk) && chunk.iter().enumerate().any(|(j, &x)| at(k * 64 + j, x)))
}

/// Whether a block of text has a byte that may start what [`sanitize`]
/// drops: a test the compiler vectorises natively.
#[cfg(not(target_arch = "wasm32"))]
fn may_need(chunk: &[u8]) -> bool {
    let may = |x: u8| (x < 0x20 && x != b'\n' && x != b'\t') | (x == 0x7f) | (x == 0xc2) | (x == 0xe2);
    chunk.iter().fold(false, |m, &x| m | may(x))
}

/// The same in wasm (no vectors: the test above is a byte loop there),
/// eight bytes a step ([`crate::swar`]): whether a byte is below 0x20 (a
/// newline or tab too, then looked at one by one) or is 0x7f, 0xc2 or 0xe2.
#[cfg(any(target_arch = "wasm32", test))]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(super) fn may_need_by_words(chunk: &[u8]) -> bool {
    use crate::swar::{below, eq};
    chunk.chunks(8).any(|w| {
        let w = <[u8; 8]>::try_from(w).map_or_else(
            |_| {
                // the last few bytes padded with spaces
                let mut word = [b' '; 8];
                word.iter_mut().zip(w).for_each(|(o, &x)| *o = x);
                u64::from_le_bytes(word)
            },
            u64::from_le_bytes,
        );
        below(w, 0x20) | eq(w, 0x7f) | eq(w, 0xc2) | eq(w, 0xe2) != 0
    })
}

#[cfg(target_arch = "wasm32")]
use may_need_by_words as may_need;
