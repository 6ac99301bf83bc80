//! The world map's outlines as the binary carries them. `world.tsv` writes
//! each country's outline as SVG path text on a 0.1 degree grid with
//! relative moves; here the numbers are varints of integer tenths, made at
//! compile time ([`encode`]), and written back to the same text on first
//! use ([`Paths`]): the wasm 5.9 KB smaller (brotli, 2026-12-02) than with the
//! text, for the same map.
//!
//! Encoding, per row of the file in order: each ring as its start point
//! then its moves, every number `v` as the LEB128 varint of
//! `zigzag(v) + 1`; a 0 ends a ring's moves, and a 0 where a ring would
//! start ends the row.

/// The outlines' rows (iso2, name, label latitude and longitude) without
/// comments; the path column is emptied, its text is in [`PATHS`].
pub(super) static ROWS: &str = crate::tsv::table!("../../data/gazetteer/world.tsv", 4);

/// The rows' paths, encoded.
static PATHS: &[u8] = {
    const SRC: &[u8] = include_bytes!("../../data/gazetteer/world.tsv");
    const LEN: usize = encode::<0>(SRC).1;
    const OUT: ([u8; LEN], usize) = encode::<LEN>(SRC);
    &OUT.0
};

/// The paths of `world.tsv` (its fifth column, comment lines and empty
/// lines skipped), encoded, in the first `N` bytes of the array, and the
/// whole length.
const fn encode<const N: usize>(src: &[u8]) -> ([u8; N], usize) {
    let mut out = [0u8; N];
    let (mut i, mut n) = (0, 0);
    while i < src.len() {
        let end = crate::tsv::line_end(src, i);
        if end > i && src[i] != b'#' {
            let (mut j, mut tabs) = (i, 0);
            while j < end && tabs < 4 {
                if src[j] == b'\t' {
                    tabs += 1;
                }
                j += 1;
            }
            while j < end {
                match src[j] {
                    b'M' | b'l' | b' ' => j += 1,
                    b'z' => {
                        n = put(&mut out, n, 0);
                        j += 1;
                    }
                    _ => {
                        let (v, next) = tenths(src, j, end);
                        n = put(&mut out, n, zigzag(v) + 1);
                        j = next;
                    }
                }
            }
            n = put(&mut out, n, 0);
        }
        i = end + 1;
    }
    (out, n)
}

/// The number at `src[j..end]` ("-12.3", ".5", "7") in tenths, and where
/// it ends.
const fn tenths(src: &[u8], mut j: usize, end: usize) -> (i32, usize) {
    let negative = src[j] == b'-';
    if negative {
        j += 1;
    }
    let mut v: i32 = 0;
    while j < end && src[j].is_ascii_digit() {
        v = v * 10 + (src[j] - b'0') as i32;
        j += 1;
    }
    v *= 10;
    if j + 1 < end && src[j] == b'.' && src[j + 1].is_ascii_digit() {
        v += (src[j + 1] - b'0') as i32;
        j += 2;
    }
    (if negative { -v } else { v }, j)
}

const fn zigzag(v: i32) -> u32 {
    ((v << 1) ^ (v >> 31)) as u32
}

/// Writes `v` as a varint at `out[n..]` (counting only, past the end).
const fn put<const N: usize>(out: &mut [u8; N], mut n: usize, mut v: u32) -> usize {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if n < N {
            out[n] = if v == 0 { byte } else { byte | 0x80 };
        }
        n += 1;
        if v == 0 {
            return n;
        }
    }
}

/// The rows' paths as the file writes them, in order.
pub(super) struct Paths {
    at: usize,
}

impl Paths {
    pub(super) fn new() -> Self {
        Paths { at: 0 }
    }

    /// The next varint, `None` at the end of the data.
    fn varint(&mut self) -> Option<u32> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let b = *PATHS.get(self.at)?;
            self.at += 1;
            v |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    /// The next number; `None` for a 0 (the end of a ring or a row).
    fn number(&mut self) -> Option<Option<i32>> {
        let v = self.varint()?;
        Some(v.checked_sub(1).map(|z| (z >> 1) as i32 ^ -((z & 1) as i32)))
    }
}

impl Iterator for Paths {
    type Item = String;

    fn next(&mut self) -> Option<String> {
        let mut s = String::new();
        loop {
            let Some(x) = self.number()? else { return Some(s) };
            let y = self.number()??;
            s.push('M');
            push_number(&mut s, x, true);
            push_number(&mut s, y, false);
            s.push('l');
            let mut first = true;
            while let Some(dx) = self.number()? {
                push_number(&mut s, dx, first);
                push_number(&mut s, self.number()??, false);
                first = false;
            }
            s.push('z');
        }
    }
}

/// Appends `v` tenths as the generator writes it: at most one decimal, no
/// leading zero ("-.5", "12", "3.4"), after a space unless it is `first`
/// after a command or starts with a minus.
fn push_number(s: &mut String, v: i32, first: bool) {
    if v < 0 {
        s.push('-');
    } else if !first {
        s.push(' ');
    }
    let a = v.unsigned_abs();
    let (whole, tenth) = (a / 10, a % 10);
    if whole != 0 || tenth == 0 {
        let start = s.len();
        let mut w = whole;
        loop {
            s.insert(start, char::from(b'0' + (w % 10) as u8));
            w /= 10;
            if w == 0 {
                break;
            }
        }
    }
    if tenth != 0 {
        s.push('.');
        s.push(char::from(b'0' + tenth as u8));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every path reads back as the file writes it, and no more.
    #[test]
    fn paths_read_back_as_the_file_writes_them() {
        let file = include_str!("../../data/gazetteer/world.tsv");
        let want: Vec<&str> = file
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split('\t').nth(4).unwrap_or(""))
            .collect();
        let got: Vec<String> = Paths::new().collect();
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w);
        }
        assert!(want.len() > 170 && PATHS.len() < file.len() / 2);
        crate::tsv::check_reads_as_file(file, ROWS, 4);
    }

    #[test]
    fn numbers_as_the_generator_writes_them() {
        let write = |v: i32, first: bool| {
            let mut s = String::new();
            push_number(&mut s, v, first);
            s
        };
        assert_eq!(write(0, true), "0");
        assert_eq!(write(0, false), " 0");
        assert_eq!(write(-5, false), "-.5");
        assert_eq!(write(5, false), " .5");
        assert_eq!(write(-10, true), "-1");
        assert_eq!(write(1234, true), "123.4");
        assert_eq!(write(-3600, false), "-360");
        let src = b"-12.3 .5 7-.1";
        assert_eq!(tenths(src, 0, src.len()), (-123, 5));
        assert_eq!(tenths(src, 6, src.len()), (5, 8));
        assert_eq!(tenths(src, 9, src.len()), (70, 10));
        assert_eq!(tenths(src, 10, src.len()), (-1, 13));
    }
}
