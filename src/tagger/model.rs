//! The stored model: quantised sparse weights, their compact binary form,
//! and Viterbi decoding with BIO constraints.
//!
//! Binary layout (all integers little-endian):
//! ```text
//! "AATG" | format u8 = 1 | feature version u8 | lang u8 (0 ar, 1 en)
//! | tags u8 (= 9) | hash bits u8 | scale f32 | temperature f32
//! | transitions: (tags + 1) × tags i16 (last row: sentence start)
//! | n u32 | n bucket deltas as LEB128 varints (ascending buckets)
//! | n tag masks u16 (bit t: tag t has a weight) | the weights, i8, in order
//! ```
//! Columns rather than records, so that brotli sees like next to like.

use super::features::{Lang, FEATURE_VERSION};

/// Number of tags: O, then B and I for each of [`KINDS`].
pub const NT: usize = 9;

/// The entity kinds the tagger knows, in tag order.
pub const KINDS: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

const MAGIC: &[u8; 4] = b"AATG";
const FORMAT: u8 = 1;

/// The tag index of B-kind (`inside == false`) or I-kind.
pub fn tag_of(kind: usize, inside: bool) -> usize {
    1 + 2 * kind + usize::from(inside)
}

/// The kind of a tag, `None` for O.
pub fn kind_of(tag: usize) -> Option<usize> {
    if tag == 0 || tag >= NT {
        None
    } else {
        Some((tag - 1) / 2)
    }
}

/// True for an I- tag.
pub fn is_inside(tag: usize) -> bool {
    tag != 0 && tag % 2 == 0
}

/// [`allowed`] for every (previous, current) pair; row NT is the start.
#[cfg(test)]
const ALLOWED: [[bool; NT]; NT + 1] = {
    let mut t = [[false; NT]; NT + 1];
    let mut p = 0;
    while p <= NT {
        let mut c = 0;
        while c < NT {
            // I-X (even, non-zero) only after B-X or I-X of the same kind
            t[p][c] = c == 0 || c % 2 == 1 || (p < NT && p != 0 && (p - 1) / 2 == (c - 1) / 2);
            c += 1;
        }
        p += 1;
    }
    t
};

/// BIO: I-X only continues B-X or I-X.
pub fn allowed(prev: Option<usize>, cur: usize) -> bool {
    if !is_inside(cur) {
        return true;
    }
    matches!(prev, Some(p) if p != 0 && kind_of(p) == kind_of(cur))
}

/// A decoded model, ready to score.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub lang: Lang,
    pub hash_bits: u8,
    /// Real weight = stored integer × scale.
    pub scale: f32,
    /// Softens scores into the confidences of [`Model::decode`].
    pub temperature: f32,
    /// (NT + 1) × NT; row NT is the sentence start.
    pub trans: Vec<i16>,
    /// Ascending feature buckets that have weights.
    pub keys: Vec<u32>,
    /// NT weights per key.
    pub vals: Vec<i8>,
    /// The weights again, in an open-addressing table keyed by bucket (see
    /// [`Model::build_index`]): one cache line per feature looked up, where
    /// a search of `keys` then `vals` touches three. Empty means "search
    /// `keys`".
    pub index: Vec<Slot>,
}

/// One entry of [`Model::index`]: a bucket and its weights, 16 bytes so
/// that four share a cache line and none straddles two.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C, align(16))]
pub struct Slot {
    /// The bucket, or [`EMPTY`].
    pub key: u32,
    pub w: [i8; NT],
}

/// The key of an unused [`Slot`] (buckets have at most 30 bits).
const EMPTY: u32 = u32::MAX;

/// The mask that takes a bucket out of a feature hash.
pub fn bucket_mask(bits: u8) -> u32 {
    1u32.checked_shl(u32::from(bits)).map_or(u32::MAX, |v| v - 1)
}

/// Why model bytes were refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModelError(pub &'static str);

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError("tagger model is truncated"))?;
        let s = self.b.get(self.at..end).ok_or(ModelError("tagger model is truncated"))?;
        self.at = end;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        self.take(N)?.try_into().map_err(|_| ModelError("tagger model is truncated"))
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(u8::from_le_bytes(self.array()?))
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn varint(&mut self) -> Result<u32, ModelError> {
        let mut v: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return u32::try_from(v).map_err(|_| ModelError("tagger model has a bad bucket"));
            }
        }
        Err(ModelError("tagger model has a bad bucket"))
    }
}

fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

impl Model {
    /// The compact binary form (see the module doc).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(FORMAT);
        out.push(FEATURE_VERSION);
        out.push(match self.lang {
            Lang::Ar => 0,
            Lang::En => 1,
        });
        out.push(NT as u8);
        out.push(self.hash_bits);
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&self.temperature.to_le_bytes());
        for t in &self.trans {
            out.extend_from_slice(&t.to_le_bytes());
        }
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        let mut last = 0u32;
        for &k in &self.keys {
            push_varint(&mut out, k - last);
            last = k;
        }
        let mut values = Vec::new();
        for row in self.vals.chunks(NT) {
            let mut mask = 0u16;
            for (t, &v) in row.iter().enumerate() {
                if v != 0 {
                    mask |= 1 << t;
                    values.push(v as u8);
                }
            }
            out.extend_from_slice(&mask.to_le_bytes());
        }
        out.extend_from_slice(&values);
        out
    }

    /// Reads the binary form; any inconsistency is an error, never a panic.
    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { b, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(ModelError("tagger model has a bad magic number"));
        }
        if r.u8()? != FORMAT {
            return Err(ModelError("tagger model has an unknown format version"));
        }
        if r.u8()? != FEATURE_VERSION {
            return Err(ModelError("tagger model was trained with other features"));
        }
        let lang = match r.u8()? {
            0 => Lang::Ar,
            1 => Lang::En,
            _ => return Err(ModelError("tagger model has an unknown language")),
        };
        if usize::from(r.u8()?) != NT {
            return Err(ModelError("tagger model has another tag set"));
        }
        let hash_bits = r.u8()?;
        if !(8..=30).contains(&hash_bits) {
            return Err(ModelError("tagger model has a bad hash size"));
        }
        let scale = f32::from_bits(r.u32()?);
        let temperature = f32::from_bits(r.u32()?);
        if !scale.is_finite() || !temperature.is_finite() {
            return Err(ModelError("tagger model has a bad scale"));
        }
        let mut trans = Vec::with_capacity((NT + 1) * NT);
        for _ in 0..(NT + 1) * NT {
            trans.push(r.u16()? as i16);
        }
        let n = r.u32()? as usize;
        // every key takes at least 3 bytes: refuse absurd counts before allocating
        if n > b.len() / 3 {
            return Err(ModelError("tagger model is truncated"));
        }
        let mut keys = Vec::with_capacity(n);
        let mut last: u32 = 0;
        for i in 0..n {
            let d = r.varint()?;
            if i > 0 && d == 0 {
                return Err(ModelError("tagger model has unsorted buckets"));
            }
            last = last.checked_add(d).ok_or(ModelError("tagger model has a bad bucket"))?;
            if last >> hash_bits != 0 {
                return Err(ModelError("tagger model has a bad bucket"));
            }
            keys.push(last);
        }
        let mut masks = Vec::with_capacity(n);
        for _ in 0..n {
            masks.push(r.u16()?);
        }
        let mut vals = vec![0i8; n * NT];
        for (row, mask) in vals.chunks_mut(NT).zip(masks) {
            if mask >> NT != 0 {
                return Err(ModelError("tagger model has a bad tag mask"));
            }
            for (t, v) in row.iter_mut().enumerate() {
                if mask & (1 << t) != 0 {
                    *v = r.u8()? as i8;
                }
            }
        }
        if r.at != b.len() {
            return Err(ModelError("tagger model has trailing bytes"));
        }
        let mut m = Model { lang, hash_bits, scale, temperature, trans, keys, vals, index: Vec::new() };
        m.build_index();
        Ok(m)
    }

    /// Builds [`Model::index`] from `keys` and `vals`: a power-of-two
    /// table at most two-thirds full, linear probing from the bucket's low
    /// bits (buckets are hashes already).
    pub fn build_index(&mut self) {
        let n = self.keys.len();
        let size = (n + n / 2 + 1).next_power_of_two();
        let mut table = vec![Slot { key: EMPTY, w: [0; NT] }; size];
        let mask = size - 1;
        for (k, row) in self.keys.iter().zip(self.vals.chunks_exact(NT)) {
            let mut i = *k as usize & mask;
            while table[i].key != EMPTY {
                i = (i + 1) & mask;
            }
            table[i].key = *k;
            table[i].w.copy_from_slice(row);
        }
        self.index = table;
    }

    fn weights(&self, feature: u32) -> Option<&[i8; NT]> {
        let bucket = feature & bucket_mask(self.hash_bits);
        if self.index.is_empty() {
            let i = self.keys.binary_search(&bucket).ok()?;
            return self.vals.get(i * NT..(i + 1) * NT)?.try_into().ok();
        }
        let mask = self.index.len() - 1;
        let mut i = bucket as usize & mask;
        loop {
            let slot = self.index.get(i)?;
            if slot.key == bucket {
                return Some(&slot.w);
            }
            if slot.key == EMPTY {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    fn trans_row(&self, prev: Option<usize>) -> [i32; NT] {
        let mut row = [0i32; NT];
        let start = prev.unwrap_or(NT) * NT;
        if let Some(src) = self.trans.get(start..start + NT) {
            for (r, &v) in row.iter_mut().zip(src) {
                *r = i32::from(v);
            }
        }
        row
    }

    /// The transition scores, row per previous tag, last row the start.
    pub fn transitions(&self) -> [[i32; NT]; NT + 1] {
        let mut t = [[0i32; NT]; NT + 1];
        for (p, row) in t.iter_mut().enumerate() {
            *row = self.trans_row(if p == NT { None } else { Some(p) });
        }
        t
    }

    /// Integer emission scores, one row per token.
    pub fn emissions(&self, feats: &[Vec<u32>]) -> Vec<[i32; NT]> {
        feats.iter().map(|fs| self.emission(fs)).collect()
    }

    /// The emission scores of one token's features.
    pub fn emission(&self, fs: &[u32]) -> [i32; NT] {
        let mut row = [0i32; NT];
        for &f in fs {
            if let Some(w) = self.weights(f) {
                add_weights(&mut row, w);
            }
        }
        row
    }

    /// The best tag sequence and, per token, a confidence in its tag: the
    /// probability of that tag against the others with the neighbours'
    /// tags fixed (scores × scale × temperature as log-potentials).
    pub fn decode(&self, feats: &[Vec<u32>]) -> (Vec<usize>, Vec<f32>) {
        self.decode_emissions(&self.emissions(feats))
    }

    /// [`Model::decode`] from the emission rows ([`Model::emission`]).
    pub fn decode_emissions(&self, e: &[[i32; NT]]) -> (Vec<usize>, Vec<f32>) {
        self.decode_with(e, &self.transitions())
    }

    /// [`Model::decode_emissions`] with the model's [`Model::transitions`]
    /// worked out before (once for all the runs of a text).
    pub fn decode_with(&self, e: &[[i32; NT]], t: &[[i32; NT]; NT + 1]) -> (Vec<usize>, Vec<f32>) {
        let tags = viterbi(e, t);
        let conf = confidences(e, t, &tags, self.scale * self.temperature);
        (tags, conf)
    }

    /// The confidences [`Model::decode_with`] gives with the tags Viterbi
    /// gave these rows already.
    pub fn confidences_with(&self, e: &[[i32; NT]], tags: &[usize], t: &[[i32; NT]; NT + 1]) -> Vec<f32> {
        confidences(e, t, tags, self.scale * self.temperature)
    }
}

/// `row += w`, one statement per tag: the wasm build is optimised for
/// size, which keeps a loop over the nine tags a loop (a counter, a bounds
/// test and a branch per weight) in the tagger's innermost step.
#[inline(always)]
pub(super) fn add_weights(row: &mut [i32; NT], w: &[i8; NT]) {
    let [r0, r1, r2, r3, r4, r5, r6, r7, r8] = row;
    let [w0, w1, w2, w3, w4, w5, w6, w7, w8] = *w;
    *r0 += i32::from(w0);
    *r1 += i32::from(w1);
    *r2 += i32::from(w2);
    *r3 += i32::from(w3);
    *r4 += i32::from(w4);
    *r5 += i32::from(w5);
    *r6 += i32::from(w6);
    *r7 += i32::from(w7);
    *r8 += i32::from(w8);
}

/// `row += o` the same way ([`add_weights`]).
#[inline(always)]
pub(super) fn add_row(row: &mut [i32; NT], o: &[i32; NT]) {
    let [r0, r1, r2, r3, r4, r5, r6, r7, r8] = row;
    let [o0, o1, o2, o3, o4, o5, o6, o7, o8] = *o;
    *r0 += o0;
    *r1 += o1;
    *r2 += o2;
    *r3 += o3;
    *r4 += o4;
    *r5 += o5;
    *r6 += o6;
    *r7 += o7;
    *r8 += o8;
}

/// A score below any reachable one ([`viterbi`]).
const NEG: i64 = i64::MIN / 4;

/// The best score of `s` (its first tag) and the runner-up's, written
/// out (see [`viterbi`]).
#[inline(always)]
fn top_two(s: &[i64; NT]) -> (usize, i64, i64) {
    let (mut top, mut first, mut second) = (0usize, s[0], NEG);
    let mut consider = |p: usize, v: i64| {
        if v > first {
            (top, first, second) = (p, v, first);
        } else if v > second {
            second = v;
        }
    };
    let [_, s1, s2, s3, s4, s5, s6, s7, s8] = *s;
    consider(1, s1);
    consider(2, s2);
    consider(3, s3);
    consider(4, s4);
    consider(5, s5);
    consider(6, s6);
    consider(7, s7);
    consider(8, s8);
    (top, first, second)
}

/// The best way into an O or B- tag whose column of transitions is `col`:
/// from the `lead`ing tag (score `first`, transition `tv`), or the best of all.
#[inline(always)]
fn outside(lead: bool, first: i64, tv: i64, s: &[i64; NT], col: &[i64; NT]) -> i64 {
    if lead {
        first + tv
    } else {
        max_plus(s, col)
    }
}

/// The largest `s[p] + col[p]`, written out (see [`viterbi`]).
#[inline(always)]
fn max_plus(s: &[i64; NT], col: &[i64; NT]) -> i64 {
    let [s0, s1, s2, s3, s4, s5, s6, s7, s8] = *s;
    let [c0, c1, c2, c3, c4, c5, c6, c7, c8] = *col;
    ((s0 + c0).max(s1 + c1).max(s2 + c2))
        .max((s3 + c3).max(s4 + c4).max(s5 + c5))
        .max((s6 + c6).max(s7 + c7).max(s8 + c8))
}

/// The tags that are not I- tags ([`is_inside`]): O and the B- tags, in
/// the order [`viterbi`] writes them out.
#[cfg(test)]
const OUTSIDE: [usize; 5] = [0, 1, 3, 5, 7];
/// The I- tags.
#[cfg(test)]
const INSIDE: [usize; 4] = [2, 4, 6, 8];
const _: () = assert!(NT == 9);

/// Viterbi with the BIO constraints over emission rows and a transition
/// table (row per previous tag, row NT for the sentence start).
///
/// The forward pass keeps only each step's best scores (a max, no
/// back-pointer per tag and step); the way back finds, for the one tag
/// chosen at each step, the first previous tag that gives its score, as
/// a back-pointer kept on the way forward would have (the first best in
/// tag order). About a sixth fewer instructions than keeping them.
///
/// A step whose best previous tag leads the runner-up by more than any
/// column of transitions into O or a B- tag spreads (most steps: a word
/// is clearly O, or clearly a name) is the best previous tag of all of
/// them: their scores take one addition each instead of a max over the
/// nine previous tags, and the way back takes that tag.
pub fn viterbi(e: &[[i32; NT]], trans: &[[i32; NT]; NT + 1]) -> Vec<usize> {
    let Some(first) = e.first() else {
        return Vec::new();
    };
    let mut t = [[0i64; NT]; NT];
    for (row, src) in t.iter_mut().zip(trans) {
        for (x, &v) in row.iter_mut().zip(src) {
            *x = i64::from(v);
        }
    }
    let mut score = [NEG; NT];
    for (c, (s, (&em, &tr))) in score.iter_mut().zip(first.iter().zip(&trans[NT])).enumerate() {
        if allowed(None, c) {
            *s = i64::from(em) + i64::from(tr);
        }
    }
    // the largest spread of a column of transitions into O or a B- tag
    let spread = (0..NT)
        .filter(|&c| !is_inside(c))
        .map(|c| {
            let col = t.iter().map(|r| r[c]);
            col.clone().max().unwrap_or(0) - col.min().unwrap_or(0)
        })
        .max()
        .unwrap_or(0);
    // per step, its best scores (the first step's `score`)
    let mut scores: Vec<[i64; NT]> = vec![score; e.len()];
    // per step before the last, the previous tag of every O and B- tag of
    // the next step when one leads by more than `spread` (else NT)
    let mut leads: Vec<u8> = vec![NT as u8; e.len().saturating_sub(1)];
    // the columns of transitions (cols[c][p] = t[p][c]), and into each
    // I- tag from its B- tag and from itself
    let mut cols = [[0i64; NT]; NT];
    for (p, row) in t.iter().enumerate() {
        for (col, &v) in cols.iter_mut().zip(row) {
            col[p] = v;
        }
    }
    let [c0, c1, _, c3, _, c5, _, c7, _] = &cols;
    let [b2, b4, b6, b8] = [t[1][2], t[3][4], t[5][6], t[7][8]];
    let [d2, d4, d6, d8] = [t[2][2], t[4][4], t[6][6], t[8][8]];
    // (slices zipped, each step's tags written out with fixed indices: the
    // wasm build, optimised for size, kept loops over the tags as loops with
    // a bounds test per score and iterator adapters as calls, and this was
    // its costliest function of an Arabic analysis)
    let steps = e.iter().skip(1).zip(scores.iter_mut().skip(1)).zip(leads.iter_mut());
    for ((row, slot), lead_slot) in steps {
        // the best score (its first tag) and the runner-up's
        let (top, first, second) = top_two(&score);
        let lead = first - second > spread;
        if lead {
            *lead_slot = top as u8;
        }
        // No test of `score[p] != NEG`: only the first token's I- tags
        // score NEG, every tag has a candidate scored otherwise (O or its
        // B-), and NEG plus a transition stays far below any score; so each
        // best is a real score, and no test of `best > NEG`. The previous
        // tags [`ALLOWED`] before `c`: an I-X only after B-X or I-X (tags
        // c - 1 and c), the others after any ([`OUTSIDE`], [`INSIDE`]).
        let [t0, t1, _, t3, _, t5, _, t7, _] = t.get(top).copied().unwrap_or([0; NT]);
        let [_, s1, s2, s3, s4, s5, s6, s7, s8] = score;
        let [r0, r1, r2, r3, r4, r5, r6, r7, r8] = *row;
        score = [
            outside(lead, first, t0, &score, c0) + i64::from(r0),
            outside(lead, first, t1, &score, c1) + i64::from(r1),
            (s1 + b2).max(s2 + d2) + i64::from(r2),
            outside(lead, first, t3, &score, c3) + i64::from(r3),
            (s3 + b4).max(s4 + d4) + i64::from(r4),
            outside(lead, first, t5, &score, c5) + i64::from(r5),
            (s5 + b6).max(s6 + d6) + i64::from(r6),
            outside(lead, first, t7, &score, c7) + i64::from(r7),
            (s7 + b8).max(s8 + d8) + i64::from(r8),
        ];
        *slot = score;
    }
    let mut best = 0usize;
    for (c, &s) in score.iter().enumerate() {
        if s > score[best] {
            best = c;
        }
    }
    let mut tags = vec![0usize; e.len()];
    let mut cur = best;
    for (k, tag) in tags.iter_mut().enumerate().rev() {
        *tag = cur;
        let Some(prev) = k.checked_sub(1).and_then(|j| scores.get(j)) else { break };
        let lead = leads.get(k - 1).map_or(NT, |&l| usize::from(l));
        if lead < NT && !is_inside(cur) {
            cur = lead;
            continue;
        }
        // the first previous tag (in tag order) with the best score
        let mut b = NEG;
        let mut from = 0usize;
        let mut consider = |p: usize| {
            let s = prev[p] + t[p][cur];
            if s > b {
                b = s;
                from = p;
            }
        };
        if is_inside(cur) {
            consider(cur - 1);
            consider(cur);
        } else {
            (0..NT).for_each(&mut consider);
        }
        cur = from;
    }
    tags
}

/// Per token, the probability of its decoded tag among the tags allowed
/// between its decoded neighbours; 1.0 for O tokens (not needed).
fn confidences(e: &[[i32; NT]], trans: &[[i32; NT]; NT + 1], tags: &[usize], k: f32) -> Vec<f32> {
    let k = if k.is_finite() && k > 0.0 { k } else { 1.0 };
    tags.iter()
        .enumerate()
        .map(|(i, &t)| {
            if t == 0 {
                return 1.0;
            }
            let prev = if i == 0 { None } else { tags.get(i - 1).copied() };
            let next = tags.get(i + 1).copied();
            let Some(row) = e.get(i) else { return 0.0 };
            let score = |c: usize| -> Option<f32> {
                if !allowed(prev, c) || next.is_some_and(|n| !allowed(Some(c), n)) {
                    return None;
                }
                let from = trans.get(prev.unwrap_or(NT)).and_then(|r| r.get(c)).copied().unwrap_or(0);
                let to = next.and_then(|n| trans.get(c).and_then(|r| r.get(n))).copied().unwrap_or(0);
                Some((from + row.get(c).copied()? + to) as f32 * k)
            };
            let Some(mine) = score(t) else { return 0.0 };
            let z: f32 = (0..NT).filter_map(score).map(|s| (s - mine).exp()).sum();
            if z.is_finite() && z > 0.0 {
                (1.0 / z).clamp(0.0, 1.0)
            } else {
                0.0
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        assert_eq!(tag_of(0, false), 1);
        assert_eq!(tag_of(3, true), 8);
        assert_eq!(kind_of(8), Some(3));
        assert!(allowed(Some(1), 2));
        assert!(!allowed(Some(3), 2));
        assert!(!allowed(None, 2));
    }

    #[test]
    fn allowed_table_matches_rule() {
        for (p, row) in ALLOWED.iter().enumerate() {
            for (c, &ok) in row.iter().enumerate() {
                let prev = if p == NT { None } else { Some(p) };
                assert_eq!(ok, allowed(prev, c), "{p} {c}");
            }
        }
    }

    #[test]
    fn inside_and_outside_tags_are_all_the_tags() {
        let mut all: Vec<usize> = OUTSIDE.iter().chain(&INSIDE).copied().collect();
        assert!(OUTSIDE.iter().all(|&c| !is_inside(c)) && INSIDE.iter().all(|&c| is_inside(c)));
        all.sort_unstable();
        assert_eq!(all, (0..NT).collect::<Vec<_>>());
    }

    #[test]
    fn viterbi_respects_bio() {
        // I-PER scores highest at the start but may not begin a sentence
        let mut e = [0i32; NT];
        e[2] = 10;
        e[1] = 5;
        assert_eq!(viterbi(&[e], &[[0; NT]; NT + 1]), vec![1]);
    }

    /// The Viterbi with a back-pointer per tag and step (before the
    /// max-only forward pass), to check [`viterbi`] against.
    fn viterbi_kept_pointers(e: &[[i32; NT]], trans: &[[i32; NT]; NT + 1]) -> Vec<usize> {
        const NEG: i64 = i64::MIN / 4;
        let Some(first) = e.first() else {
            return Vec::new();
        };
        let mut score = [NEG; NT];
        for c in 0..NT {
            if allowed(None, c) {
                score[c] = i64::from(first[c]) + i64::from(trans[NT][c]);
            }
        }
        let mut back: Vec<[u8; NT]> = vec![[0; NT]];
        for row in e.iter().skip(1) {
            let mut next = [NEG; NT];
            let mut bp = [0u8; NT];
            for c in 0..NT {
                let (mut best, mut from) = (NEG, 0u8);
                for p in (0..NT).filter(|&p| ALLOWED[p][c]) {
                    let s = score[p] + i64::from(trans[p][c]);
                    if s > best {
                        best = s;
                        from = p as u8;
                    }
                }
                bp[c] = from;
                if best != NEG {
                    next[c] = best + i64::from(row[c]);
                }
            }
            score = next;
            back.push(bp);
        }
        let mut cur = 0usize;
        for (c, &s) in score.iter().enumerate() {
            if s > score[cur] {
                cur = c;
            }
        }
        let mut tags = vec![0usize; e.len()];
        for (tag, bp) in tags.iter_mut().zip(&back).rev() {
            *tag = cur;
            cur = usize::from(bp[cur]);
        }
        tags
    }

    #[test]
    fn viterbi_finds_what_back_pointers_find() {
        // random rows, small ranges so that ties are frequent
        let mut rng = crate::xorshift::Xorshift::new();
        let mut rnd = |n: u64| (rng.next() % n) as i32;
        for round in 0..3000 {
            let span = [3, 20, 400, 100_000][round % 4];
            // half the rounds with transitions far smaller than the rows:
            // most steps then have a leading tag
            let ts = if round % 8 < 4 { span } else { (span / 50).max(1) };
            let mut trans = [[0i32; NT]; NT + 1];
            for v in trans.iter_mut().flatten() {
                *v = rnd(2 * ts + 1) - ts as i32;
            }
            let len = 1 + rnd(30) as usize;
            let e: Vec<[i32; NT]> = (0..len)
                .map(|_| {
                    let mut r = [0i32; NT];
                    for v in r.iter_mut() {
                        *v = rnd(2 * span + 1) - span as i32;
                    }
                    r
                })
                .collect();
            assert_eq!(viterbi(&e, &trans), viterbi_kept_pointers(&e, &trans), "round {round}");
        }
    }

    #[test]
    fn the_table_finds_what_the_sorted_keys_find() {
        let keys: Vec<u32> = (0..500u32)
            .map(|i| i * 37 % 1024 * 1024 + i % 7)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let vals: Vec<i8> = (0..keys.len() * NT).map(|i| (i % 251) as i8).collect();
        let mut m = Model {
            lang: Lang::Ar,
            hash_bits: 20,
            scale: 1.0,
            temperature: 1.0,
            trans: vec![0; (NT + 1) * NT],
            keys,
            vals,
            index: Vec::new(),
        };
        let plain: Vec<Option<Vec<i8>>> = (0..1 << 20).step_by(97).map(|f| m.weights(f).map(|w| w.to_vec())).collect();
        m.build_index();
        assert!(!m.index.is_empty());
        let fast: Vec<Option<Vec<i8>>> = (0..1 << 20).step_by(97).map(|f| m.weights(f).map(|w| w.to_vec())).collect();
        assert_eq!(plain, fast);
        for (i, &k) in m.keys.iter().enumerate() {
            assert_eq!(m.weights(k).map(|w| &w[..]), m.vals.get(i * NT..(i + 1) * NT));
        }
    }

    #[test]
    fn corrupt_bytes_are_refused() {
        let m = Model {
            lang: Lang::En,
            hash_bits: 10,
            scale: 0.1,
            temperature: 1.0,
            trans: vec![0; (NT + 1) * NT],
            keys: vec![3, 700],
            vals: (0..2 * NT as i8).collect(),
            index: Vec::new(),
        };
        let mut m = m;
        m.build_index();
        let b = m.to_bytes();
        assert_eq!(Model::from_bytes(&b), Ok(m));
        for cut in 0..b.len() {
            assert!(Model::from_bytes(&b[..cut]).is_err());
        }
        let mut bad = b.clone();
        bad.push(0);
        assert!(Model::from_bytes(&bad).is_err());
    }
}
