//! Raw DEFLATE encoding (RFC 1951) for share links in the browser build.
//!
//! miniz_oxide's compressor is 6.1 KB of brotli in the first download, for
//! the few kilobytes a link carries. This one is one block: LZ77 over hash
//! chains with one step of lazy matching, then the block's own Huffman codes
//! (or the fixed ones when they come out shorter). Its streams are not
//! miniz_oxide's bytes but any inflater reads them; native builds keep
//! miniz_oxide, and the tests below check that miniz_oxide reads these
//! streams back and that they are about as short as its best level.

use super::inflate::{CLEN_ORDER, DIST_BASE, DIST_EXTRA, LEN_BASE, LEN_EXTRA};

const WINDOW: usize = 32 * 1024;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
/// Earlier positions tried for a match at most (a bound on the work per
/// byte, whatever the input).
const MAX_CHAIN: usize = 256;
const HASH_BITS: u32 = 15;
const NONE: u32 = u32::MAX;

/// One LZ77 token: a byte, or a copy of `len` bytes from `dist` back.
#[derive(Clone, Copy)]
enum Token {
    Literal(u8),
    Copy { len: u16, dist: u16 },
}

/// `data` as one final DEFLATE block.
pub fn deflate(data: &[u8]) -> Vec<u8> {
    let tokens = tokens(data);
    let mut lit_freq = [0u32; 286];
    let mut dist_freq = [0u32; 30];
    lit_freq[256] = 1;
    for t in &tokens {
        match *t {
            Token::Literal(b) => lit_freq[usize::from(b)] += 1,
            Token::Copy { len, dist } => {
                lit_freq[257 + len_symbol(len)] += 1;
                dist_freq[dist_symbol(dist)] += 1;
            }
        }
    }
    let dynamic = Dynamic::new(&lit_freq, &dist_freq);
    let (fixed_lit, fixed_dist) = fixed_lengths();
    let fixed_cost = cost(&lit_freq, &fixed_lit) + cost(&dist_freq, &fixed_dist);
    let mut w = BitWriter::default();
    w.put(1, 1); // the final block
    if dynamic.header_bits() + cost(&lit_freq, &dynamic.lit) + cost(&dist_freq, &dynamic.dist) < fixed_cost {
        w.put(2, 2);
        dynamic.write_header(&mut w);
        write_tokens(&mut w, &tokens, &dynamic.lit, &dynamic.dist);
    } else {
        w.put(1, 2);
        write_tokens(&mut w, &tokens, &fixed_lit, &fixed_dist);
    }
    w.finish()
}

/// The hash of the 3 bytes at `data[i..]`.
fn hash(data: &[u8], i: usize) -> usize {
    let v = u32::from(data[i]) << 16 | u32::from(data[i + 1]) << 8 | u32::from(data[i + 2]);
    (v.wrapping_mul(0x9E37_79B1) >> (32 - HASH_BITS)) as usize
}

/// Hash chains: the last position of each hash, and each position's
/// previous one with the same hash (within the window).
struct Chains {
    head: Vec<u32>,
    prev: Vec<u32>,
}

impl Chains {
    fn insert(&mut self, data: &[u8], i: usize) {
        if i + MIN_MATCH <= data.len() {
            let h = hash(data, i);
            self.prev[i % WINDOW] = self.head[h];
            self.head[h] = i as u32;
        }
    }

    /// The longest earlier copy of the bytes at `i` (length, distance).
    fn longest(&self, data: &[u8], i: usize) -> (usize, usize) {
        let (mut best, mut dist) = (0, 0);
        if i + MIN_MATCH > data.len() {
            return (0, 0);
        }
        let max = (data.len() - i).min(MAX_MATCH);
        let mut cand = self.head[hash(data, i)];
        for _ in 0..MAX_CHAIN {
            if cand == NONE || i - cand as usize > WINDOW - 1 || cand as usize >= i {
                break;
            }
            let c = cand as usize;
            if data[c + best.min(max - 1)] == data[i + best.min(max - 1)] {
                let len = data[c..c + max].iter().zip(&data[i..i + max]).take_while(|(a, b)| a == b).count();
                if len > best {
                    (best, dist) = (len, i - c);
                    if len == max {
                        break;
                    }
                }
            }
            let next = self.prev[c % WINDOW];
            // a chain entry overwritten by a later position is out of the window
            if next != NONE && next as usize >= c {
                break;
            }
            cand = next;
        }
        if best >= MIN_MATCH {
            (best, dist)
        } else {
            (0, 0)
        }
    }
}

/// `data` as literals and copies: at each byte the longest copy, unless the
/// next byte starts a longer one (then this byte is a literal).
fn tokens(data: &[u8]) -> Vec<Token> {
    let mut chains = Chains { head: vec![NONE; 1 << HASH_BITS], prev: vec![NONE; WINDOW] };
    let mut out = Vec::with_capacity(data.len() / 2);
    let mut i = 0;
    // the copy found at `i` while looking ahead from the byte before
    let mut ahead = None;
    while i < data.len() {
        let (len, dist) = ahead.take().unwrap_or_else(|| chains.longest(data, i));
        chains.insert(data, i);
        if len > 0 && len < MAX_MATCH {
            let next = chains.longest(data, i + 1);
            if next.0 > len {
                ahead = Some(next);
            }
        }
        if len == 0 || ahead.is_some() {
            out.push(Token::Literal(data[i]));
            i += 1;
            continue;
        }
        out.push(Token::Copy { len: len as u16, dist: dist as u16 });
        for k in i + 1..i + len {
            chains.insert(data, k);
        }
        i += len;
    }
    out
}

/// The symbol (0..29, before adding 257) of a copy's length.
fn len_symbol(len: u16) -> usize {
    LEN_BASE.iter().rposition(|&b| b <= len).unwrap_or(0)
}

fn dist_symbol(dist: u16) -> usize {
    DIST_BASE.iter().rposition(|&b| b <= dist).unwrap_or(0)
}

/// The bits `freq` takes in a code of `lengths`, extra bits included.
fn cost(freq: &[u32], lengths: &[u8]) -> u64 {
    let extra = |s: usize| match freq.len() {
        286 if s > 256 => LEN_EXTRA[s - 257],
        30 => DIST_EXTRA[s],
        _ => 0,
    };
    freq.iter().enumerate().map(|(s, &f)| u64::from(f) * u64::from(lengths[s] + extra(s))).sum()
}

/// The fixed codes' lengths (RFC 1951, 3.2.6).
fn fixed_lengths() -> ([u8; 288], [u8; 30]) {
    let mut lit = [8u8; 288];
    lit[144..256].fill(9);
    lit[256..280].fill(7);
    (lit, [5; 30])
}

/// Code lengths of at most `limit` bits for symbols of frequencies `freq`
/// (0 for unused symbols). A code with one used symbol gets a second, so
/// that every code is complete.
fn lengths(freq: &[u32], limit: u8) -> Vec<u8> {
    let mut freq: Vec<u32> = freq.to_vec();
    loop {
        let out = huffman(&freq);
        if out.iter().all(|&l| l <= limit) {
            return out;
        }
        // flatten the frequencies until the tree is shallow enough
        for f in freq.iter_mut().filter(|f| **f > 0) {
            *f = (*f).div_ceil(2);
        }
    }
}

/// Huffman code lengths (unlimited) of `freq`.
fn huffman(freq: &[u32]) -> Vec<u8> {
    let mut used: Vec<usize> = (0..freq.len()).filter(|&s| freq[s] > 0).collect();
    for s in 0..freq.len() {
        if used.len() >= 2 {
            break;
        }
        if !used.contains(&s) {
            used.push(s);
        }
    }
    // nodes: leaves first, then merged pairs; `parent` of each
    let mut weight: Vec<u64> = used.iter().map(|&s| u64::from(freq[s])).collect();
    let mut parent: Vec<usize> = vec![usize::MAX; used.len()];
    let mut live: Vec<usize> = (0..used.len()).collect();
    while live.len() > 1 {
        crate::sort::sort_by_key(&mut live, |&n| std::cmp::Reverse((weight[n], n)));
        let (a, b) = (live.pop().unwrap_or(0), live.pop().unwrap_or(0));
        let n = weight.len();
        weight.push(weight[a] + weight[b]);
        parent.push(usize::MAX);
        parent[a] = n;
        parent[b] = n;
        live.push(n);
    }
    let mut out = vec![0u8; freq.len()];
    for (leaf, &s) in used.iter().enumerate() {
        let (mut depth, mut n) = (0u8, leaf);
        while parent[n] != usize::MAX {
            n = parent[n];
            depth += 1;
        }
        out[s] = depth;
    }
    out
}

/// Canonical codes of `lengths`, bit-reversed for writing low bit first.
fn codes(lengths: &[u8]) -> Vec<u16> {
    let mut count = [0u16; 16];
    for &l in lengths {
        count[usize::from(l)] += 1;
    }
    count[0] = 0;
    let mut next = [0u16; 16];
    let mut code = 0u16;
    for bits in 1..16 {
        code = (code + count[bits - 1]) << 1;
        next[bits] = code;
    }
    lengths
        .iter()
        .map(|&l| {
            if l == 0 {
                return 0;
            }
            let c = next[usize::from(l)];
            next[usize::from(l)] += 1;
            c.reverse_bits() >> (16 - l)
        })
        .collect()
}

/// A dynamic block's codes and how its header writes them.
struct Dynamic {
    lit: Vec<u8>,
    dist: Vec<u8>,
    /// The lit/len and distance lengths, run-length coded: (symbol 0..=18, extra bits).
    runs: Vec<(u8, u8)>,
    clen: Vec<u8>,
    hlit: usize,
    hdist: usize,
    hclen: usize,
}

impl Dynamic {
    fn new(lit_freq: &[u32], dist_freq: &[u32]) -> Dynamic {
        let lit = lengths(lit_freq, 15);
        let dist = lengths(dist_freq, 15);
        let hlit = lit.iter().rposition(|&l| l > 0).map_or(257, |p| (p + 1).max(257));
        let hdist = dist.iter().rposition(|&l| l > 0).map_or(1, |p| p + 1);
        let all: Vec<u8> = lit[..hlit].iter().chain(&dist[..hdist]).copied().collect();
        let runs = runs(&all);
        let mut clen_freq = [0u32; 19];
        for &(s, _) in &runs {
            clen_freq[usize::from(s)] += 1;
        }
        let clen = lengths(&clen_freq, 7);
        let hclen = CLEN_ORDER.iter().rposition(|&s| clen[s] > 0).map_or(4, |p| (p + 1).max(4));
        Dynamic { lit, dist, runs, clen, hlit, hdist, hclen }
    }

    fn header_bits(&self) -> u64 {
        let runs: u64 = self.runs.iter().map(|&(s, _)| u64::from(self.clen[usize::from(s)]) + run_extra(s)).sum();
        14 + 3 * self.hclen as u64 + runs
    }

    fn write_header(&self, w: &mut BitWriter) {
        w.put((self.hlit - 257) as u32, 5);
        w.put((self.hdist - 1) as u32, 5);
        w.put((self.hclen - 4) as u32, 4);
        for &s in &CLEN_ORDER[..self.hclen] {
            w.put(u32::from(self.clen[s]), 3);
        }
        let codes = codes(&self.clen);
        for &(s, extra) in &self.runs {
            w.put(u32::from(codes[usize::from(s)]), u32::from(self.clen[usize::from(s)]));
            w.put(u32::from(extra), run_extra(s) as u32);
        }
    }
}

/// The extra bits after code length symbol `s`.
fn run_extra(s: u8) -> u64 {
    match s {
        16 => 2,
        17 => 3,
        18 => 7,
        _ => 0,
    }
}

/// Code lengths as the code length alphabet writes them: 16 repeats the
/// length before 3–6 times, 17 and 18 write 3–10 and 11–138 zeros.
fn runs(all: &[u8]) -> Vec<(u8, u8)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let l = all[i];
        let run = all[i..].iter().take_while(|&&x| x == l).count();
        if l == 0 && run >= 3 {
            let n = run.min(138);
            out.push(if n >= 11 { (18, (n - 11) as u8) } else { (17, (n - 3) as u8) });
            i += n;
        } else if l != 0 && run >= 4 {
            out.push((l, 0));
            let n = (run - 1).min(6);
            out.push((16, (n - 3) as u8));
            i += 1 + n;
        } else {
            out.push((l, 0));
            i += 1;
        }
    }
    out
}

fn write_tokens(w: &mut BitWriter, tokens: &[Token], lit: &[u8], dist: &[u8]) {
    let (lit_codes, dist_codes) = (codes(lit), codes(dist));
    let sym = |w: &mut BitWriter, s: usize| w.put(u32::from(lit_codes[s]), u32::from(lit[s]));
    for t in tokens {
        match *t {
            Token::Literal(b) => sym(w, usize::from(b)),
            Token::Copy { len, dist: d } => {
                let ls = len_symbol(len);
                sym(w, 257 + ls);
                w.put(u32::from(len - LEN_BASE[ls]), u32::from(LEN_EXTRA[ls]));
                let ds = dist_symbol(d);
                w.put(u32::from(dist_codes[ds]), u32::from(dist[ds]));
                w.put(u32::from(d - DIST_BASE[ds]), u32::from(DIST_EXTRA[ds]));
            }
        }
    }
    sym(w, 256);
}

/// Output written least significant bit first.
#[derive(Default)]
struct BitWriter {
    out: Vec<u8>,
    buf: u64,
    len: u32,
}

impl BitWriter {
    /// Writes the low `n` bits (at most 16) of `v`.
    fn put(&mut self, v: u32, n: u32) {
        self.buf |= u64::from(v & ((1u32 << n) - 1)) << self.len;
        self.len += n;
        while self.len >= 8 {
            self.out.push(self.buf as u8);
            self.buf >>= 8;
            self.len -= 8;
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.len > 0 {
            self.out.push(self.buf as u8);
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn miniz_inflate(z: &[u8]) -> Vec<u8> {
        miniz_oxide::inflate::decompress_to_vec(z).expect("miniz_oxide reads the stream")
    }

    #[test]
    fn miniz_reads_back_every_stream_and_so_do_we() {
        for data in super::super::inflate::tests::samples() {
            let z = deflate(&data);
            assert_eq!(miniz_inflate(&z), data, "{} bytes", data.len());
            assert_eq!(super::super::inflate::inflate(&z, usize::MAX), Ok(data.clone()));
        }
    }

    #[test]
    fn streams_are_about_as_short_as_miniz_best() {
        let articles =
            [include_str!("../../www/articles/default.json"), include_str!("../../www/articles/english.json")];
        for text in articles {
            let a = crate::parse_article(text.as_bytes()).expect("an article");
            for packed in [false, true] {
                let mut w = super::super::bytes::Writer { out: Vec::new(), packed };
                super::super::write_article(&mut w, &a);
                let (ours, miniz) = (deflate(&w.out).len(), miniz_oxide::deflate::compress_to_vec(&w.out, 10).len());
                println!("{} bytes: ours {ours}, miniz level 10 {miniz}", w.out.len());
                assert!(ours * 100 <= miniz * 103, "{ours} against {miniz}");
            }
        }
    }

    #[test]
    fn code_lengths_stay_within_their_limits() {
        // Fibonacci frequencies make the deepest unlimited trees
        let mut fib = vec![1u32, 1];
        while fib.len() < 30 {
            fib.push(fib[fib.len() - 1] + fib[fib.len() - 2]);
        }
        let l = lengths(&fib, 15);
        assert!(l.iter().all(|&x| (1..=15).contains(&x)), "{l:?}");
        assert!(lengths(&fib[..19], 7).iter().all(|&x| x <= 7));
        // one symbol used: a second one completes the code
        assert_eq!(&lengths(&[0, 0, 5], 15)[..], &[1, 0, 1]);
        assert_eq!(&lengths(&[0, 0], 15)[..], &[1, 1]);
    }
}
