//! Raw DEFLATE decoding (RFC 1951) for share links in the browser build.
//!
//! miniz_oxide's decoder is 10 KB of wasm (4.2 KB brotli) in the first
//! download; this one is a few hundred lines' worth less, and slower (a bit
//! at a time), which a link's few kilobytes do not feel. Native builds keep
//! miniz_oxide; the tests below check that both give the same bytes.

/// Why a stream was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InflateError {
    /// It inflates to more than the limit.
    TooLarge,
    /// It is not a complete DEFLATE stream.
    Corrupted,
}

use InflateError::{Corrupted, TooLarge};

/// The tables of RFC 1951, shared with the encoder ([`super::deflate`]).
/// Base lengths of length symbols 257..=285, and their extra bits.
pub(super) const LEN_BASE: [u16; 29] =
    [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
pub(super) const LEN_EXTRA: [u8; 29] =
    [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
/// Base distances of distance symbols 0..=29, and their extra bits.
pub(super) const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
];
pub(super) const DIST_EXTRA: [u8; 30] =
    [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/// The order in which a dynamic block gives its code length code lengths.
pub(super) const CLEN_ORDER: [usize; 19] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/// The input, read least significant bit first.
struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    buf: u32,
    len: u32,
}

impl Bits<'_> {
    /// The next `n` bits (at most 16) as a number.
    fn take(&mut self, n: u32) -> Result<u32, InflateError> {
        while self.len < n {
            let b = *self.data.get(self.pos).ok_or(Corrupted)?;
            self.pos += 1;
            self.buf |= u32::from(b) << self.len;
            self.len += 8;
        }
        let v = self.buf & ((1u32 << n) - 1);
        self.buf >>= n;
        self.len -= n;
        Ok(v)
    }
}

/// A canonical Huffman code: how many codes of each length, and the symbols
/// in code order.
struct Code {
    count: [u16; 16],
    symbols: Vec<u16>,
}

impl Code {
    /// The code of these code lengths (0: symbol unused). Refuses lengths
    /// that ask for more codes than there are; an incomplete code is taken
    /// (its missing codes fail when read).
    fn new(lengths: &[u8]) -> Result<Code, InflateError> {
        let mut count = [0u16; 16];
        for &l in lengths {
            count[usize::from(l)] += 1;
        }
        let mut left: i32 = 1;
        for &c in &count[1..] {
            left = (left << 1) - i32::from(c);
            if left < 0 {
                return Err(Corrupted);
            }
        }
        let mut offset = [0u16; 16];
        for l in 1..15 {
            offset[l + 1] = offset[l] + count[l];
        }
        let mut symbols = vec![0u16; lengths.len()];
        for (sym, &l) in lengths.iter().enumerate() {
            if l != 0 {
                symbols[usize::from(offset[usize::from(l)])] = sym as u16;
                offset[usize::from(l)] += 1;
            }
        }
        Ok(Code { count, symbols })
    }

    /// The next symbol.
    fn read(&self, bits: &mut Bits) -> Result<u16, InflateError> {
        // codes of one length are consecutive numbers, from `first` on
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for &count in &self.count[1..] {
            code |= bits.take(1)? as i32;
            let count = i32::from(count);
            if code - first < count {
                return Ok(self.symbols[(index + code - first) as usize]);
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err(Corrupted)
    }
}

/// The bytes of the raw DEFLATE stream at the start of `data` (bytes after
/// its last block are ignored), refused when more than `limit`.
pub fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let mut bits = Bits { data, pos: 0, buf: 0, len: 0 };
    let mut out = Vec::new();
    loop {
        let last = bits.take(1)? == 1;
        match bits.take(2)? {
            0 => stored(&mut bits, &mut out, limit)?,
            1 => {
                let mut lengths = [8u8; 288];
                lengths[144..256].fill(9);
                lengths[256..280].fill(7);
                codes(&mut bits, &mut out, limit, &Code::new(&lengths)?, &Code::new(&[5; 30])?)?;
            }
            2 => {
                let (lit, dist) = dynamic_codes(&mut bits)?;
                codes(&mut bits, &mut out, limit, &lit, &dist)?;
            }
            _ => return Err(Corrupted),
        }
        if last {
            return Ok(out);
        }
    }
}

/// A stored block: its bytes as they are, from the next byte boundary.
fn stored(bits: &mut Bits, out: &mut Vec<u8>, limit: usize) -> Result<(), InflateError> {
    // fewer than 8 bits are ever buffered: dropping them aligns to a byte
    bits.buf = 0;
    bits.len = 0;
    let head = bits.data.get(bits.pos..bits.pos + 4).ok_or(Corrupted)?;
    let len = usize::from(u16::from_le_bytes([head[0], head[1]]));
    if u16::from_le_bytes([head[2], head[3]]) != !(len as u16) {
        return Err(Corrupted);
    }
    bits.pos += 4;
    let bytes = bits.data.get(bits.pos..bits.pos + len).ok_or(Corrupted)?;
    if out.len() + len > limit {
        return Err(TooLarge);
    }
    out.extend_from_slice(bytes);
    bits.pos += len;
    Ok(())
}

/// The literal/length and distance codes of a dynamic block.
fn dynamic_codes(bits: &mut Bits) -> Result<(Code, Code), InflateError> {
    let n_lit = bits.take(5)? as usize + 257;
    let n_dist = bits.take(5)? as usize + 1;
    let n_clen = bits.take(4)? as usize + 4;
    if n_lit > 286 || n_dist > 30 {
        return Err(Corrupted);
    }
    let mut clen = [0u8; 19];
    for &i in &CLEN_ORDER[..n_clen] {
        clen[i] = bits.take(3)? as u8;
    }
    let clen_code = Code::new(&clen)?;
    let mut lengths = vec![0u8; n_lit + n_dist];
    let mut i = 0;
    while i < lengths.len() {
        let sym = clen_code.read(bits)?;
        let (value, repeat) = match sym {
            0..=15 => (sym as u8, 1),
            16 => (*lengths.get(i.wrapping_sub(1)).ok_or(Corrupted)?, 3 + bits.take(2)? as usize),
            17 => (0, 3 + bits.take(3)? as usize),
            _ => (0, 11 + bits.take(7)? as usize),
        };
        let run = lengths.get_mut(i..i + repeat).ok_or(Corrupted)?;
        run.fill(value);
        i += repeat;
    }
    if lengths[256] == 0 {
        return Err(Corrupted);
    }
    Ok((Code::new(&lengths[..n_lit])?, Code::new(&lengths[n_lit..])?))
}

/// A block's literals and copies, up to its end symbol.
fn codes(bits: &mut Bits, out: &mut Vec<u8>, limit: usize, lit: &Code, dist: &Code) -> Result<(), InflateError> {
    loop {
        let sym = usize::from(lit.read(bits)?);
        if sym < 256 {
            if out.len() >= limit {
                return Err(TooLarge);
            }
            out.push(sym as u8);
            continue;
        }
        if sym == 256 {
            return Ok(());
        }
        let s = sym - 257;
        let (Some(&base), Some(&extra)) = (LEN_BASE.get(s), LEN_EXTRA.get(s)) else { return Err(Corrupted) };
        let len = usize::from(base) + bits.take(u32::from(extra))? as usize;
        let d = usize::from(dist.read(bits)?);
        let (Some(&base), Some(&extra)) = (DIST_BASE.get(d), DIST_EXTRA.get(d)) else { return Err(Corrupted) };
        let back = usize::from(base) + bits.take(u32::from(extra))? as usize;
        if back > out.len() {
            return Err(Corrupted);
        }
        if out.len() + len > limit {
            return Err(TooLarge);
        }
        let from = out.len() - back;
        // copies may overlap what they write (a run): byte by byte
        for k in 0..len {
            out.push(out[from + k]);
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    fn miniz(data: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
        use miniz_oxide::inflate::TINFLStatus;
        match miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit) {
            Ok(v) => Ok(v),
            Err(e) if e.status == TINFLStatus::HasMoreOutput => Err(TooLarge),
            Err(_) => Err(Corrupted),
        }
    }

    /// Inputs of every kind: empty, runs, Arabic text, JSON, random bytes,
    /// copies from the far end of the window (the encoder's tests read them too).
    pub(in crate::share) fn samples() -> Vec<Vec<u8>> {
        let mut rng = crate::xorshift::Xorshift::new();
        let mut next = move || rng.next();
        let mut out = vec![Vec::new(), b"a".to_vec(), b"ab".to_vec(), b"aaaa".to_vec(), vec![0u8; 70_000]];
        let arabic = "قالت وزارة الخارجية السعودية في بيان إن الرياض ترحب بالاتفاق ";
        out.push(arabic.repeat(300).into_bytes());
        out.push(include_str!("../../www/articles/default.json").as_bytes().to_vec());
        out.push(include_str!("../../www/articles/english.json").as_bytes().to_vec());
        for n in [10usize, 300, 5_000, 100_000] {
            out.push((0..n).map(|_| next() as u8).collect());
            // few symbols: long runs and short codes
            out.push((0..n).map(|_| b"ab c\n"[(next() % 5) as usize]).collect());
        }
        // copies from the far end of the window and past it
        let block: Vec<u8> = (0..40_000).map(|_| next() as u8).collect();
        out.push([&block[..], &block[..]].concat());
        out
    }

    #[test]
    fn inflates_what_miniz_deflates_at_every_level_as_miniz_does() {
        for data in samples() {
            for level in 0..=10 {
                let z = miniz_oxide::deflate::compress_to_vec(&data, level);
                assert_eq!(inflate(&z, usize::MAX), Ok(data.clone()), "level {level}, {} bytes", data.len());
                assert_eq!(inflate(&z, usize::MAX), miniz(&z, usize::MAX));
            }
        }
    }

    #[test]
    fn refuses_past_the_limit_and_takes_it_exactly() {
        let data = b"the same words again and again, ".repeat(200);
        for level in [0, 1, 6, 10] {
            let z = miniz_oxide::deflate::compress_to_vec(&data, level);
            assert_eq!(inflate(&z, data.len()), Ok(data.clone()));
            assert_eq!(inflate(&z, data.len() - 1), Err(TooLarge));
            assert_eq!(miniz(&z, data.len() - 1), Err(TooLarge));
        }
    }

    #[test]
    fn cut_or_altered_streams_are_refused_or_read_as_miniz_reads_them() {
        let data = include_str!("../../www/articles/default.json").as_bytes();
        let z = miniz_oxide::deflate::compress_to_vec(data, 10);
        for cut in [0, 1, 2, z.len() / 2, z.len() - 1] {
            assert_eq!(inflate(&z[..cut], usize::MAX), Err(Corrupted), "cut at {cut}");
        }
        // every single-byte change: never a panic; when both read it, the same bytes
        for i in 0..z.len() {
            let mut bad = z.clone();
            bad[i] ^= 0x5a;
            if let (Ok(a), Ok(b)) = (inflate(&bad, 1 << 20), miniz(&bad, 1 << 20)) {
                assert_eq!(a, b, "byte {i}");
            }
        }
        // bytes after the last block are not read, by either
        let mut more = z.clone();
        more.extend_from_slice(b"tail");
        assert_eq!(inflate(&more, usize::MAX), Ok(data.to_vec()));
        assert_eq!(miniz(&more, usize::MAX), Ok(data.to_vec()));
    }
}
