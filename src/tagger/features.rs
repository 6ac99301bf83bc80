//! Feature extraction: every token becomes a short list of 32-bit feature
//! hashes. Training and tagging share this code, so a model only works
//! with the [`FEATURE_VERSION`] it was trained with (the version is stored
//! in the model header and checked on load).

use super::lexicon::ORG_HEAD;
use crate::text::{readings, Token};
use std::num::NonZeroU64;

/// Bumped whenever the features below change; a model with another version
/// is refused instead of silently scoring garbage.
pub const FEATURE_VERSION: u8 = 6;

/// Word classes from outside lists (gazetteer, titles, names, organisation
/// heads) that the tagger uses as features, as bits (see
/// [`super::lexicon`]): a model trained with one lexicon learns weights for
/// its bits, so train and tag with the same lexicon.
pub trait Lexicon {
    /// Class bits of one normalised word form (a word or a clitic-stripped
    /// stem, see [`crate::text::readings`]); 0 when the form is unknown.
    fn classes(&self, norm: &str) -> u16;

    /// [`Lexicon::classes`] of a word no place name starts at (a lower-case
    /// Latin word: [`crate::recognise::may_start_name`]), without the
    /// gazetteer's place bits: the page fetches the gazetteer shards of the
    /// words a name may start at, and no others, so a place bit of "hit" or
    /// "south" would read one way in the CLI and another in the page.
    fn classes_of_common_word(&self, norm: &str) -> u16 {
        self.classes(norm) & !(super::lexicon::PLACE | super::lexicon::PLACE_START)
    }
}

/// The lexicon with no entries.
pub struct NoLexicon;

impl Lexicon for NoLexicon {
    fn classes(&self, _norm: &str) -> u16 {
        0
    }
}

/// Which language's feature set to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Ar,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "ar" => Some(Lang::Ar),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// FNV-1a, 64 bits, of a string: tiny and stable across platforms and
/// releases (unlike `std`'s hasher), which the stored weights depend on.
/// Each token's strings are hashed once; features combine the hashes.
fn h(s: &str) -> u64 {
    hb(s.as_bytes())
}

/// [`h`] of an affix, never zero (a hash of zero, at odds of 2^-64,
/// becomes 1).
fn affix_hash(s: &str) -> NonZeroU64 {
    NonZeroU64::new(h(s)).unwrap_or(NonZeroU64::MIN)
}

/// murmur3's 64-bit finaliser: every input bit reaches the low bits the
/// bucket is taken from.
const fn fmix(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

/// A feature from a template number and one value.
pub(super) const fn f1(template: u8, a: u64) -> u32 {
    fmix(a ^ ((template as u64) << 56).wrapping_add(0x9e37_79b9_7f4a_7c15)) as u32
}

/// What a value contributes as the first of two or three ([`f2`], [`f3`]);
/// a token's are worked out once per spelling ([`Tok`]).
const fn m(a: u64) -> u64 {
    fmix(a).rotate_left(23)
}

/// A feature from a template number and two values (order matters).
pub(super) const fn f2(template: u8, a: u64, b: u64) -> u32 {
    f1(template, m(a) ^ b)
}

/// [`f2`] with the first value given as [`m`] of it.
fn f2m(template: u8, ma: u64, b: u64) -> u32 {
    f1(template, ma ^ b)
}

/// A feature from a template number and three values.
const fn f3(template: u8, a: u64, b: u64, c: u64) -> u32 {
    f3m(template, m(a), b, c)
}

/// [`f3`] with the first value given as [`m`] of it.
const fn f3m(template: u8, ma: u64, b: u64, c: u64) -> u32 {
    f1(template, m(ma ^ b) ^ c)
}

/// [`m`] of the offsets -2, -1, 1 and 2 (as `u64`) of the neighbours whose
/// word classes are features.
const NEIGHBOURS_M: [u64; 4] = [m(-2isize as u64), m(-1isize as u64), m(1), m(2)];

/// The offsets of the neighbours whose words, stems and classes are
/// features of a token ([`neighbour_features`]).
pub(super) const OFFSETS: [isize; 4] = [-2, -1, 1, 2];

/// The features of [`each_with`] that follow from one neighbour alone, the
/// one at offset `OFFSETS[k]` (`None`: past the run's edge), whatever the
/// token: the same for every occurrence of the neighbour's spelling, so a
/// tagger sums their weights once per spelling (and once for each edge)
/// and runs [`each_with`] without them.
pub(super) fn neighbour_features(t: Option<&Tok>, k: usize, lang: Lang, f: &mut Vec<u32>) {
    let (Some(&d), Some(&md)) = (OFFSETS.get(k), NEIGHBOURS_M.get(k)) else { return };
    let edge = if d < 0 { BOS } else { EOS };
    let (word, stem, c) = t.map_or((edge, edge, 0xffff), |t| (t.norm, t.stem, u64::from(t.own | t.via)));
    let (word_template, stem_template) = match d {
        -2 => (4, 27),
        -1 => (2, 23),
        1 => (3, 24),
        _ => (5, 28),
    };
    f.push(f1(word_template, word));
    if c != 0 {
        f.push(f2m(19, md, c));
    }
    if lang == Lang::Ar {
        f.push(f1(stem_template, stem));
    }
}

/// The English capitalisation features (templates 32 to 35) of every
/// combination of their values (whether the token starts its sentence, and
/// 0 lower case, 1 capital, 2 no token for the token and its neighbours),
/// worked out at compile time: `CAPS[first][before][this][after]`.
const CAPS: [[[[[u32; 4]; 3]; 3]; 3]; 2] = {
    let mut t = [[[[[0u32; 4]; 3]; 3]; 3]; 2];
    let mut first = 0;
    while first < 2 {
        let mut b = 0;
        while b < 3 {
            let mut c = 0;
            while c < 3 {
                let mut a = 0;
                while a < 3 {
                    t[first][b][c][a] = [
                        f2(32, first as u64, c as u64),
                        f2(33, b as u64, c as u64),
                        f2(34, c as u64, a as u64),
                        f3(35, b as u64, c as u64, a as u64),
                    ];
                    a += 1;
                }
                c += 1;
            }
            b += 1;
        }
        first += 1;
    }
    t
};

/// Combinations of the values of the English capitalisation features
/// ([`caps_index`]).
pub(super) const CAPS_N: usize = 54;

/// Which combination of [`CAPS`]'s values token `i` of a run has: the
/// four capitalisation features are [`caps_features`] of it, the same for
/// every token with that combination, so a tagger sums their weights once
/// per combination (and runs [`each_with`] without them).
pub(super) fn caps_index(toks: &[Tok], i: usize) -> usize {
    let cap = |j: Option<usize>| match j.and_then(|j| toks.get(j)) {
        None => 2,
        Some(t) => usize::from(t.cap),
    };
    let before = i.checked_sub(1);
    let first = before.and_then(|j| toks.get(j)).is_none_or(|p| p.sentence_end);
    ((usize::from(first) * 3 + cap(before)) * 3 + cap(Some(i))) * 3 + cap(i.checked_add(1))
}

/// The capitalisation features of combination `k` ([`caps_index`]).
pub(super) fn caps_features(k: usize) -> &'static [u32] {
    CAPS.get(k / 27)
        .and_then(|t| t.get(k / 9 % 3))
        .and_then(|t| t.get(k / 3 % 3))
        .and_then(|t| t.get(k % 3))
        .map_or(&[], |c| c.as_slice())
}

/// A short word shape: letters become X/x (Latin case) or a (Arabic),
/// digits d, runs cut to at most two: "McCain" → "XxXxx",
/// "U.S." → "X.X.", "2022" → "dd", "بغداد" → "aa".
#[cfg(test)]
fn shape(text: &str) -> String {
    let mut buf = [0u8; SHAPE_MAX];
    let n = shape_into(text, &mut buf);
    String::from_utf8_lossy(buf.get(..n).unwrap_or_default()).into_owned()
}

/// Room for a shape: it stops once longer than 12 bytes, after a code
/// point of at most 4.
const SHAPE_MAX: usize = 16;

/// [`shape`] written into `out` (no allocation per token): its length.
fn shape_into(text: &str, out: &mut [u8; SHAPE_MAX]) -> usize {
    if text.is_ascii() {
        shape_ascii(text.as_bytes(), out)
    } else {
        shape_chars(text, out)
    }
}

/// The runs of a word shape: a class is written at most twice in a row
/// ("Xxxxx" is "Xxx").
struct Runs<T> {
    last: T,
    run: u8,
}

impl<T: PartialEq + Copy> Runs<T> {
    /// Whether class `k` is written.
    fn keep(&mut self, k: T) -> bool {
        if k == self.last {
            self.run = self.run.saturating_add(1);
        } else {
            self.run = 1;
            self.last = k;
        }
        self.run <= 2
    }
}

/// [`shape_into`] code point by code point.
fn shape_chars(text: &str, out: &mut [u8; SHAPE_MAX]) -> usize {
    let mut len = 0usize;
    let mut runs = Runs { last: '\0', run: 0 };
    for c in text.chars() {
        let k = if crate::text::is_arabic(c) {
            'a'
        } else if c.is_ascii_digit() || c.is_numeric() {
            'd'
        } else if crate::text::is_uppercase(c) {
            'X'
        } else if crate::text::is_alphabetic(c) {
            'x'
        } else {
            c
        };
        if runs.keep(k) {
            let Some(slot) = out.get_mut(len..len + k.len_utf8()) else { break };
            len += k.encode_utf8(slot).len();
        }
        if len > 12 {
            break;
        }
    }
    len
}

/// [`shape_into`] of ASCII text, byte by byte (the same classes: no
/// Arabic, digits, capitals, other letters, the rest as written).
fn shape_ascii(text: &[u8], out: &mut [u8; SHAPE_MAX]) -> usize {
    let mut len = 0usize;
    let mut runs = Runs { last: 0u8, run: 0 };
    for &c in text {
        let k = if c.is_ascii_digit() {
            b'd'
        } else if c.is_ascii_uppercase() {
            b'X'
        } else if c.is_ascii_alphabetic() {
            b'x'
        } else {
            c
        };
        if runs.keep(k) {
            let Some(slot) = out.get_mut(len) else { break };
            *slot = k;
            len += 1;
        }
        if len > 12 {
            break;
        }
    }
    len
}

/// FNV-1a of bytes, as [`h`] of the string they spell.
fn hb(b: &[u8]) -> u64 {
    let mut v: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        v ^= u64::from(x);
        v = v.wrapping_mul(0x0000_0100_0000_01b3);
    }
    v
}

/// The prefixes and suffixes of `s` of 1 to 4 code points that are
/// strictly shorter than `s` ([`prefix`] and [`suffix`] of 1 to 4), read
/// in one count and at most four steps from each end.
fn affixes(s: &str) -> [(Option<&str>, Option<&str>); 4] {
    let mut out = [(None, None); 4];
    let count = s.chars().count();
    // where code points 1, 2, ... start, and the last, last but one, ...
    let mut ends = s.char_indices().map(|(i, _)| i).skip(1);
    let mut starts = s.char_indices().rev().map(|(i, _)| i);
    for (k, a) in (1..).zip(out.iter_mut()) {
        if count <= k {
            break;
        }
        *a = (ends.next().and_then(|e| s.get(..e)), starts.next().and_then(|b| s.get(b..)));
    }
    out
}

#[cfg(test)]
fn prefix(s: &str, n: usize) -> Option<&str> {
    let mut it = s.char_indices();
    // only strictly shorter than the word: the whole word is its own feature
    let (end, _) = it.nth(n)?;
    s.get(..end)
}

#[cfg(test)]
fn suffix(s: &str, n: usize) -> Option<&str> {
    let count = s.chars().count();
    if count <= n {
        return None;
    }
    let start = s.char_indices().nth(count - n).map_or(s.len(), |(i, _)| i);
    Some(&s[start..])
}

fn is_sentence_end(norm: &str) -> bool {
    matches!(norm, "." | "!" | "?" | "؟" | "؛" | ":")
}

const BOS: u64 = 0x0b05;
const EOS: u64 = 0x0e05;

/// What the features need to know about one token, computed once per
/// spelling (everything here follows from the token's text). `Copy`, and
/// kept small: a tagger copies one per token.
#[derive(Clone, Copy)]
pub(super) struct Tok {
    norm: u64,
    /// [`m`] of `norm`, `stem` and `shape`: the first of two or three values.
    norm_m: u64,
    stem_m: u64,
    shape_m: u64,
    /// Clitic-stripped stem (the most stripped reading; the word itself
    /// for non-Arabic words).
    pub(super) stem: u64,
    /// The proclitics removed to get `stem` (0 when none).
    clitic: u64,
    shape: u64,
    /// Class bits of the word as written, and of its other readings.
    pub(super) own: u16,
    pub(super) via: u16,
    cap: bool,
    sentence_end: bool,
    /// Document cues ([`super::document::doc_cues`]): what the other tokens of the run with
    /// this stem have around them (0 for a stem met once).
    pub(super) doc: u16,
}

/// What only [`own_features`] reads of a token besides its [`Tok`]: kept
/// out of the `Tok`, which a tagger copies per token, while the own
/// features are summed once per spelling.
#[derive(Clone, Copy)]
pub(super) struct Own {
    /// Code points of the normalised word, at most 8.
    len: u64,
    /// The text as written (English features).
    text: u64,
    /// Hashes of the stem's prefixes and suffixes of 1 to 4 code points
    /// (words only, each strictly shorter than the stem): [`affix_hash`],
    /// eight bytes each where `Option<u64>` took sixteen.
    affixes: [(Option<NonZeroU64>, Option<NonZeroU64>); 4],
}

/// Feature hashes for every token of a sentence (or any token run).
#[cfg(test)]
pub fn extract(tokens: &[Token], lang: Lang, lex: &dyn Lexicon) -> Vec<Vec<u32>> {
    let mut out = Vec::with_capacity(tokens.len());
    each(tokens, lang, lex, |_, f| out.push(f.to_vec()));
    out
}

/// [`extract`] without a list per token: `sink` gets each token's index
/// and features, in order, from one buffer (what tagging needs).
#[cfg(test)]
pub fn each(tokens: &[Token], lang: Lang, lex: &dyn Lexicon, mut sink: impl FnMut(usize, &[u32])) {
    let (toks, _, owns) = toks(tokens, lang, lex);
    let mut all: Vec<u32> = Vec::with_capacity(96);
    each_with(tokens, &toks, lang, true, |i, rest| {
        all.clear();
        own_features(&toks[i], &owns[i], lang, &mut all);
        all.extend_from_slice(rest);
        sink(i, &all);
    });
}

/// [`Tok`] of every token; a spelling met before is copied, not worked
/// out again (its readings, word classes, shape and affixes). Also, per
/// token, the index of the first token with its spelling, and its [`Own`].
pub(super) fn toks(tokens: &[Token], lang: Lang, lex: &dyn Lexicon) -> (Vec<Tok>, Vec<usize>, Vec<Own>) {
    // about one spelling per two tokens of an article: few regrowths
    let mut seen: std::collections::HashMap<&str, usize, crate::hash::FnvBuild> =
        std::collections::HashMap::with_capacity_and_hasher(tokens.len() / 2, Default::default());
    let mut out: Vec<Tok> = Vec::with_capacity(tokens.len());
    let mut owns: Vec<Own> = Vec::with_capacity(tokens.len());
    let mut first = Vec::with_capacity(tokens.len());
    for t in tokens {
        let i = *seen.entry(t.text.as_str()).or_insert(out.len());
        let (tok, own) = match (out.get(i), owns.get(i)) {
            (Some(&tok), Some(&own)) => (tok, own),
            _ => tok(t, lang, lex),
        };
        first.push(i);
        out.push(tok);
        owns.push(own);
    }
    if lang == Lang::Ar {
        super::document::doc_cues(tokens, &mut out);
    }
    (out, first, owns)
}

/// The features of [`each_with`] that follow from the token alone (not
/// its neighbours, its place in the run, or the run): the same for every
/// occurrence of a spelling, so a tagger sums their weights once per
/// spelling and runs [`each_with`] without them (`own` false).
pub(super) fn own_features(t: &Tok, o: &Own, lang: Lang, f: &mut Vec<u32>) {
    f.push(f1(0, 0));
    f.push(f1(1, t.norm));
    f.push(f1(8, t.shape));
    f.push(f1(12, o.len));
    for (k, &(p, s)) in (1u64..).zip(&o.affixes) {
        if let Some(p) = p {
            f.push(f2(13, k, p.get()));
        }
        if let Some(s) = s {
            f.push(f2(14, k, s.get()));
        }
    }
    if t.own != 0 {
        f.push(f1(15, u64::from(t.own)));
    }
    if t.via != 0 {
        f.push(f2(17, u64::from(t.via), t.clitic));
    }
    for bit in 0..u64::from(super::lexicon::CLASSES) {
        if (t.own | t.via) & (1 << bit) != 0 {
            f.push(f1(18, bit));
        }
    }
    match lang {
        Lang::Ar => {
            if t.clitic != 0 {
                f.push(f1(21, t.stem));
                f.push(f1(22, t.clitic));
            }
        }
        Lang::En => f.push(f1(31, o.text)),
    }
}

/// The [`Tok`] and [`Own`] of a token.
pub(super) fn tok(t: &Token, lang: Lang, lex: &dyn Lexicon) -> (Tok, Own) {
    let rs = if lang == Lang::Ar && t.arabic && t.is_word { readings(&t.norm) } else { crate::text::Readings::none() };
    let (base, clitic) = match rs.last() {
        Some(r) if r.prefix_len > 0 => {
            let cut = t.norm.char_indices().nth(r.prefix_len).map_or(t.norm.len(), |(i, _)| i);
            (r.stem, h(t.norm.get(..cut).unwrap_or("")))
        }
        _ => (t.norm.as_str(), 0),
    };
    let (mut own, mut via) = (0u16, 0u16);
    if t.is_word {
        own = if crate::recognise::may_start_name(t) {
            lex.classes(&t.norm)
        } else {
            lex.classes_of_common_word(&t.norm)
        };
        for r in rs.iter().skip(1) {
            via |= lex.classes(r.stem);
            // names are listed with their article: "للعراق" → "العراق"
            // (most such forms are another reading already)
            let listed = |x: &&crate::text::Reading<'_>| {
                x.stem.len() == "ال".len() + r.stem.len() && x.stem.starts_with("ال") && x.stem.ends_with(r.stem)
            };
            if r.had_article && !rs.iter().any(|x| listed(&x)) {
                via |= lex.classes(&format!("ال{}", r.stem));
            }
        }
    }
    let mut affixes = [(None, None); 4];
    if t.is_word {
        for (a, (p, s)) in affixes.iter_mut().zip(self::affixes(base)) {
            *a = (p.map(affix_hash), s.map(affix_hash));
        }
    }
    let (norm, stem) = (h(&t.norm), h(base));
    let shape = {
        let mut buf = [0u8; SHAPE_MAX];
        let n = shape_into(&t.text, &mut buf);
        hb(buf.get(..n).unwrap_or_default())
    };
    let tok = Tok {
        norm,
        norm_m: m(norm),
        stem,
        stem_m: m(stem),
        clitic,
        shape,
        shape_m: m(shape),
        own,
        via,
        cap: t.capitalized,
        sentence_end: is_sentence_end(&t.norm),
        doc: 0,
    };
    let o =
        Own { len: t.norm.chars().count().min(8) as u64, text: if lang == Lang::En { h(&t.text) } else { 0 }, affixes };
    (tok, o)
}

/// The features of one token in [`each_with`], on the stack: at most 31
/// (Arabic: 4 neighbour words, 5 word and shape pairs, 1 + 4 + 1 word
/// classes, 8 stems, 3 organisation head, 5 document cues), 24 English.
#[derive(Default)]
struct Feats {
    f: [u32; 32],
    n: usize,
}

impl Feats {
    fn clear(&mut self) {
        self.n = 0;
    }
    fn push(&mut self, x: u32) {
        debug_assert!(self.n < self.f.len());
        if let Some(slot) = self.f.get_mut(self.n) {
            *slot = x;
            self.n += 1;
        }
    }
    fn as_slice(&self) -> &[u32] {
        self.f.get(..self.n).unwrap_or_default()
    }
}

/// The features of [`each`] that are not [`own_features`] (those that
/// depend on the neighbours, the token's place in the run, or the run),
/// with the tokens' [`Tok`]s at hand (`toks[i]` for `tokens[i]`).
///
/// With `neighbours` false, the features of [`neighbour_features`] are
/// left out (a tagger sums their weights once per spelling instead), and
/// so are the capitalisation features (once per combination,
/// [`caps_index`]).
pub(super) fn each_with(
    tokens: &[Token],
    toks: &[Tok],
    lang: Lang,
    neighbours: bool,
    mut sink: impl FnMut(usize, &[u32]),
) {
    let at = |i: isize| -> Option<&Tok> { usize::try_from(i).ok().and_then(|i| toks.get(i)) };
    let edge = |i: isize| if i < 0 { BOS } else { EOS };
    let word = |i: isize| -> u64 { at(i).map_or(edge(i), |t| t.norm) };
    let stem = |i: isize| -> u64 { at(i).map_or(edge(i), |t| t.stem) };
    let shp = |i: isize| -> u64 { at(i).map_or(edge(i), |t| t.shape) };
    // the same as first values of two or three ([`m`])
    let word_m = |i: isize| -> u64 { at(i).map_or(m(edge(i)), |t| t.norm_m) };
    let stem_m = |i: isize| -> u64 { at(i).map_or(m(edge(i)), |t| t.stem_m) };
    let shp_m = |i: isize| -> u64 { at(i).map_or(m(edge(i)), |t| t.shape_m) };
    let cls = |i: isize| -> u64 { at(i).map_or(0xffff, |t| u64::from(t.own | t.via)) };
    // English headlines and datelines: a run whose letters are all capitals
    // ("GOLF - ROLE FOR U.K. ..."), and the capitals before a date at the
    // start of a run ("BAGHDAD 1996-08-22")
    let upper = lang == Lang::En && {
        let mut letters =
            tokens.iter().filter(|t| t.is_word).flat_map(|t| t.text.chars()).filter(|&c| crate::text::is_alphabetic(c));
        // at least three letters, all capitals (no list of them)
        let mut n = 0usize;
        letters.all(|c| {
            n += 1;
            crate::text::is_uppercase(c)
        }) && n >= 3
    };
    let dateline = if lang == Lang::En {
        tokens.iter().take(6).position(|t| {
            let d = t.text.chars().filter(char::is_ascii_digit).count();
            d >= 6 && t.text.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '/')
        })
    } else {
        None
    };
    let mut f = Feats::default();
    for (i, t) in toks.iter().enumerate() {
        let ii = i as isize;
        f.clear();
        if neighbours {
            f.push(f1(2, word(ii - 1)));
            f.push(f1(3, word(ii + 1)));
            f.push(f1(4, word(ii - 2)));
            f.push(f1(5, word(ii + 2)));
        }
        f.push(f2m(6, word_m(ii - 1), t.norm));
        f.push(f2m(7, t.norm_m, word(ii + 1)));
        f.push(f2m(9, shp_m(ii - 1), t.shape));
        f.push(f2m(10, t.shape_m, shp(ii + 1)));
        f.push(f3m(11, shp_m(ii - 1), t.shape, shp(ii + 1)));
        let first = at(ii - 1).is_none_or(|p| p.sentence_end);
        // the word lists: the token's own classes, those of its other
        // readings, and the neighbours' (a title before, a place head after)
        if t.own != 0 {
            f.push(f2(16, u64::from(t.own), stem(ii - 1)));
        }
        for (d, md) in OFFSETS.into_iter().zip(NEIGHBOURS_M).filter(|_| neighbours) {
            let c = cls(ii + d);
            if c != 0 {
                f.push(f2m(19, md, c));
            }
        }
        f.push(f3(20, cls(ii - 1), u64::from(t.own | t.via), cls(ii + 1)));
        match lang {
            Lang::Ar => {
                if neighbours {
                    f.push(f1(23, stem(ii - 1)));
                    f.push(f1(24, stem(ii + 1)));
                }
                f.push(f2m(25, stem_m(ii - 1), t.stem));
                f.push(f2m(26, t.stem_m, stem(ii + 1)));
                if neighbours {
                    f.push(f1(27, stem(ii - 2)));
                    f.push(f1(28, stem(ii + 2)));
                }
                f.push(f2m(29, stem_m(ii - 1), stem(ii + 1)));
                f.push(f2m(30, stem_m(ii - 2), stem(ii - 1)));
                // the nearest organisation head up to four words before: a
                // long name runs on after it ("وزارة الشؤون الخارجية والتعاون")
                let head = (1..=4isize).find(|&d| at(ii - d).is_some_and(|p| (p.own | p.via) & ORG_HEAD != 0));
                if let Some(d) = head {
                    f.push(f1(42, d as u64));
                    f.push(f2(43, d as u64, stem(ii - d)));
                    f.push(f2(44, d as u64, t.clitic));
                }
                // the stem's other occurrences in the article: after a
                // title or a given name, before a name, after a head
                if t.doc != 0 {
                    for b in 0..4u64 {
                        if t.doc & (1 << b) != 0 {
                            f.push(f1(45, b));
                        }
                    }
                    f.push(f2(46, u64::from(t.doc), u64::from(t.own | t.via)));
                }
            }
            Lang::En => {
                if neighbours {
                    caps_features(caps_index(toks, i)).iter().for_each(|&c| f.push(c));
                }
                if first {
                    f.push(f1(36, t.norm));
                }
                f.push(f2m(37, word_m(ii - 1), t.shape));
                f.push(f2m(38, t.shape_m, word(ii + 1)));
                if upper {
                    // in capitals, case says nothing: the word and place
                    f.push(f1(39, t.norm));
                    f.push(f2(40, u64::from(first), t.shape));
                }
                if let Some(d) = dateline {
                    if i < d {
                        f.push(f2(41, (d - i) as u64, t.shape));
                    }
                }
            }
        }
        sink(i, f.as_slice());
    }
}

#[cfg(test)]
#[path = "features_tests.rs"]
mod tests;
