//! Lists the first words of the late gazetteer shards' keys
//! ([`late_first_words`]), and encodes the world map's outlines
//! (`data/gazetteer/world.tsv`, SVG path text) into the bytes the crate
//! embeds (`$OUT_DIR/world_paths.bin`, read back by
//! `src/gazetteer/world.rs`, whose tests check every path reads back as the
//! file writes it).
//!
//! Half the points of the outlines lie on a border two outlines share, one
//! walking it the other way. So a run of moves that retraces points of an
//! earlier ring is written as a reference to them (13.7 -> 12.0 KB brotli).
//!
//! Format, per row of the file in order: each ring as its start point
//! `x y`, then items until a 0: a move `zigzag(dx) + 2, zigzag(dy)`, or a
//! reference `1, back, at, zigzag(±len)`: the `len` points of ring
//! (this ring's index − 1 − `back`) from its point `at`, forwards (+) or
//! backwards (−), which must start where the ring stands. A 0 where a ring
//! would start ends the row. Numbers are LEB128 varints; start
//! coordinates are `zigzag(v) + 1`. Coordinates are tenths of a degree.

#[allow(dead_code)]
#[path = "src/hash.rs"]
mod hash;
#[allow(dead_code)]
#[path = "src/gazetteer/word_table.rs"]
mod word_table;

use std::collections::HashMap;
use std::env;
use std::fs;
use std::path::Path;

/// The shortest run worth a reference (shorter ones cost more than the moves).
const MIN_RUN: usize = 4;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=data/gazetteer/world.tsv");
    let src = fs::read_to_string("data/gazetteer/world.tsv").expect("data/gazetteer/world.tsv is readable");
    let out = encode(&src);
    let dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&dir).join("world_paths.bin"), out).expect("OUT_DIR is writable");
    late_first_words(Path::new(&dir));
}

/// The first words of the keys of the late gazetteer shards
/// (`data/gazetteer/late/*.tsv`, which native builds embed), with their
/// flags (1: some late key starts with the word; 2: some key, late or of
/// the core's `index.tsv`, has more words after it), laid out as a
/// [`word_table`] in `late_first_words.bin`. Native builds look words up in
/// it in place instead of scanning the 22 MB of shards for them
/// (`src/gazetteer/late_words.rs`, whose tests check it against a scan).
/// Empty for the wasm build, which embeds no shard.
fn late_first_words(out_dir: &Path) {
    println!("cargo:rerun-if-changed=data/gazetteer/late");
    println!("cargo:rerun-if-changed=data/gazetteer/index.tsv");
    println!("cargo:rerun-if-changed=src/gazetteer/word_table.rs");
    println!("cargo:rerun-if-changed=src/hash.rs");
    let mut words: std::collections::BTreeMap<String, u8> = std::collections::BTreeMap::new();
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        let dir = fs::read_dir("data/gazetteer/late").expect("data/gazetteer/late is readable");
        for entry in dir {
            let path = entry.expect("data/gazetteer/late is readable").path();
            if path.extension().and_then(|e| e.to_str()) != Some("tsv") {
                continue;
            }
            let text = fs::read_to_string(&path).expect("a late shard is readable");
            for line in text.lines() {
                let Some(rest) = line.strip_prefix("K\t") else { continue };
                let key = rest.split('\t').next().unwrap_or(rest);
                let (first, flags) = match key.split_once(' ') {
                    Some((first, _)) => (first, 3),
                    None => (key, 1),
                };
                *words.entry(first.to_string()).or_insert(0) |= flags;
            }
        }
        let core = fs::read_to_string("data/gazetteer/index.tsv").expect("data/gazetteer/index.tsv is readable");
        for line in core.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let key = line.split('\t').next().unwrap_or(line);
            if let Some((first, _)) = key.split_once(' ') {
                *words.entry(first.to_string()).or_insert(0) |= 2;
            }
        }
    }
    let list: Vec<(&str, u8)> = words.iter().map(|(w, &f)| (w.as_str(), f)).collect();
    fs::write(out_dir.join("late_first_words.bin"), word_table::layout(&list)).expect("OUT_DIR is writable");
}

fn zigzag(v: i32) -> u32 {
    ((v << 1) ^ (v >> 31)) as u32
}

fn put(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        out.push(if v == 0 { byte } else { byte | 0x80 });
        if v == 0 {
            return;
        }
    }
}

/// The numbers of a path's part ("-12.3 .5 7-.1") in tenths.
fn tenths(s: &str) -> Vec<i32> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut j = 0;
    while j < b.len() {
        if b[j] == b' ' {
            j += 1;
            continue;
        }
        let negative = b[j] == b'-';
        if negative {
            j += 1;
        }
        let mut v: i32 = 0;
        while j < b.len() && b[j].is_ascii_digit() {
            v = v * 10 + i32::from(b[j] - b'0');
            j += 1;
        }
        v *= 10;
        if j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
            v += i32::from(b[j + 1] - b'0');
            j += 2;
        }
        out.push(if negative { -v } else { v });
    }
    out
}

/// Each ring of a path ("M x yl dx dy …z…") as its absolute points: the
/// start, then the point after each move.
fn rings(path: &str) -> Vec<Vec<(i32, i32)>> {
    let mut out = Vec::new();
    for ring in path.split('z').filter(|r| !r.is_empty()) {
        let ring = ring.strip_prefix('M').expect("a ring starts with M");
        let (start, moves) = ring.split_once('l').expect("a ring has moves");
        let (start, moves) = (tenths(start), tenths(moves));
        assert!(start.len() == 2 && moves.len() % 2 == 0, "a ring's numbers come in pairs");
        let mut points = vec![(start[0], start[1])];
        for m in moves.chunks(2) {
            let (x, y) = points[points.len() - 1];
            points.push((x + m[0], y + m[1]));
        }
        out.push(points);
    }
    out
}

fn encode(src: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut done: Vec<Vec<(i32, i32)>> = Vec::new();
    // every point of the rings written so far: (ring, index)
    let mut at: HashMap<(i32, i32), Vec<(usize, usize)>> = HashMap::new();
    for line in src.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let path = line.split('\t').nth(4).expect("a row has a path column");
        for p in rings(path) {
            put(&mut out, zigzag(p[0].0) + 1);
            put(&mut out, zigzag(p[0].1) + 1);
            let mut i = 0;
            while i + 1 < p.len() {
                // the longest run of earlier points from p[i] on, either way
                let mut best = (0, 0, 0, 0i32);
                for &(q, j) in at.get(&p[i]).map_or(&[][..], Vec::as_slice) {
                    for dir in [1i32, -1] {
                        let mut len = 0;
                        while i + len + 1 < p.len() {
                            let k = j as i64 + i64::from(dir) * (len as i64 + 1);
                            if k < 0 || k as usize >= done[q].len() || done[q][k as usize] != p[i + len + 1] {
                                break;
                            }
                            len += 1;
                        }
                        if len > best.0 {
                            best = (len, q, j, dir);
                        }
                    }
                }
                let (len, q, j, dir) = best;
                if len >= MIN_RUN {
                    put(&mut out, 1);
                    put(&mut out, (done.len() - 1 - q) as u32);
                    put(&mut out, j as u32);
                    put(&mut out, zigzag(dir * len as i32));
                    i += len;
                } else {
                    put(&mut out, zigzag(p[i + 1].0 - p[i].0) + 2);
                    put(&mut out, zigzag(p[i + 1].1 - p[i].1));
                    i += 1;
                }
            }
            put(&mut out, 0);
            let id = done.len();
            for (k, &pt) in p.iter().enumerate() {
                at.entry(pt).or_default().push((id, k));
            }
            done.push(p);
        }
        put(&mut out, 0);
    }
    out
}
