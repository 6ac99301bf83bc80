//! Feature extraction: every token becomes a short list of 32-bit feature
//! hashes. Training and tagging share this code, so a model only works
//! with the [`FEATURE_VERSION`] it was trained with (the version is stored
//! in the model header and checked on load).

use crate::text::{readings, Token};

/// Bumped whenever the features below change; a model with another version
/// is refused instead of silently scoring garbage.
pub const FEATURE_VERSION: u8 = 1;

/// Word classes from an outside list (gazetteer, titles, trigger words)
/// that the tagger may use as features. The class names are free-form
/// ("place", "title", "org-trigger"): a model trained with one lexicon
/// learns weights for its classes, so train and tag with the same lexicon.
pub trait Lexicon {
    /// Classes of one normalised word form (a word or a clitic-stripped
    /// stem, see [`crate::text::stems`]); empty when the form is unknown.
    fn classes(&self, norm: &str) -> Vec<&'static str>;
}

/// The lexicon with no entries: what the shipped models are trained with
/// until the gazetteer plugs in.
pub struct NoLexicon;

impl Lexicon for NoLexicon {
    fn classes(&self, _norm: &str) -> Vec<&'static str> {
        Vec::new()
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

/// FNV-1a, 32 bits: tiny, stable across platforms and releases (unlike
/// `std`'s hasher), which the stored weights depend on.
struct Fnv(u32);

impl Fnv {
    fn new(template: u8) -> Fnv {
        let mut h = Fnv(0x811c_9dc5);
        h.byte(template);
        h
    }
    fn byte(&mut self, b: u8) {
        self.0 ^= u32::from(b);
        self.0 = self.0.wrapping_mul(0x0100_0193);
    }
    fn str(&mut self, s: &str) -> &mut Fnv {
        for b in s.bytes() {
            self.byte(b);
        }
        // a separator, so ("ab","c") and ("a","bc") differ
        self.byte(0xff);
        self
    }
    fn byte_sep(&mut self) -> &mut Fnv {
        self.byte(0xff);
        self
    }
    fn finish(&self) -> u32 {
        // final avalanche (murmur3 fmix32): FNV's low bits are weak and the
        // bucket is taken from them
        let mut h = self.0;
        h ^= h >> 16;
        h = h.wrapping_mul(0x85eb_ca6b);
        h ^= h >> 13;
        h = h.wrapping_mul(0xc2b2_ae35);
        h ^= h >> 16;
        h
    }
}

fn f1(template: u8, a: &str) -> u32 {
    Fnv::new(template).str(a).finish()
}

fn f2(template: u8, a: &str, b: &str) -> u32 {
    Fnv::new(template).str(a).str(b).finish()
}

/// What the features need to know about one token, computed once.
struct Tok<'a> {
    norm: &'a str,
    /// Clitic-stripped stem (the most stripped reading; the word itself
    /// for non-Arabic words).
    stem: &'a str,
    /// The proclitics removed to get `stem` ("" when none).
    clitic: &'a str,
    shape: String,
    is_word: bool,
    cap: bool,
}

/// A short word shape: letters become X/x (Latin case) or a (Arabic),
/// digits d, runs cut to at most two: "McCain" → "XxXxx",
/// "U.S." → "X.X.", "2022" → "dd", "بغداد" → "aa".
fn shape(text: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in text.chars() {
        let k = if crate::text::is_arabic(c) {
            'a'
        } else if c.is_ascii_digit() || c.is_numeric() {
            'd'
        } else if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else {
            c
        };
        if k == last {
            run += 1;
        } else {
            run = 1;
            last = k;
        }
        if run <= 2 {
            out.push(k);
        }
        if out.len() > 12 {
            break;
        }
    }
    out
}

fn prefix(s: &str, n: usize) -> Option<&str> {
    let mut it = s.char_indices();
    // only strictly shorter than the word: the whole word is its own feature
    let (end, _) = it.nth(n)?;
    s.get(..end)
}

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

const BOS: &str = "<s>";
const EOS: &str = "</s>";

/// Feature hashes for every token of a sentence (or any token run).
pub fn extract(tokens: &[Token], lang: Lang, lex: &dyn Lexicon) -> Vec<Vec<u32>> {
    let toks: Vec<Tok<'_>> = tokens
        .iter()
        .map(|t| {
            let (stem, clitic) = if lang == Lang::Ar && t.arabic {
                match readings(&t.norm).last() {
                    Some(r) => {
                        let cut = t.norm.char_indices().nth(r.prefix_len).map_or(t.norm.len(), |(i, _)| i);
                        (r.stem, t.norm.get(..cut).unwrap_or(""))
                    }
                    None => (t.norm.as_str(), ""),
                }
            } else {
                (t.norm.as_str(), "")
            };
            Tok { norm: &t.norm, stem, clitic, shape: shape(&t.text), is_word: t.is_word, cap: t.capitalized }
        })
        .collect();
    let lex_classes: Vec<Vec<&'static str>> = toks
        .iter()
        .map(|t| {
            if !t.is_word {
                return Vec::new();
            }
            let mut c = lex.classes(t.norm);
            if t.stem != t.norm {
                for k in lex.classes(t.stem) {
                    if !c.contains(&k) {
                        c.push(k);
                    }
                }
            }
            c
        })
        .collect();
    let n = toks.len();
    let at = |i: isize| -> Option<&Tok<'_>> { usize::try_from(i).ok().and_then(|i| toks.get(i)) };
    let edge = |i: isize| if i < 0 { BOS } else { EOS };
    let word = |i: isize| -> &str { at(i).map_or(edge(i), |t| t.norm) };
    let stem = |i: isize| -> &str { at(i).map_or(edge(i), |t| t.stem) };
    let shp = |i: isize| -> &str { at(i).map_or(edge(i), |t| t.shape.as_str()) };
    let mut out = Vec::with_capacity(n);
    for (i, t) in toks.iter().enumerate() {
        let ii = i as isize;
        let mut f = Vec::with_capacity(48);
        f.push(f1(0, ""));
        f.push(f1(1, t.norm));
        f.push(f1(2, word(ii - 1)));
        f.push(f1(3, word(ii + 1)));
        f.push(f1(4, word(ii - 2)));
        f.push(f1(5, word(ii + 2)));
        f.push(f2(6, word(ii - 1), t.norm));
        f.push(f2(7, t.norm, word(ii + 1)));
        f.push(f1(8, &t.shape));
        f.push(f2(9, shp(ii - 1), &t.shape));
        f.push(f2(10, &t.shape, shp(ii + 1)));
        let len = t.norm.chars().count().min(8);
        f.push(f1(11, ["0", "1", "2", "3", "4", "5", "6", "7", "8"].get(len).copied().unwrap_or("8")));
        if t.is_word {
            let base = t.stem;
            for k in 1..=3 {
                if let Some(p) = prefix(base, k) {
                    f.push(f1(12 + k as u8, p));
                }
                if let Some(s) = suffix(base, k) {
                    f.push(f1(16 + k as u8, s));
                }
            }
        }
        let first = at(ii - 1).is_none_or(|p| is_sentence_end(p.norm));
        match lang {
            Lang::Ar => {
                if t.stem != t.norm {
                    f.push(f1(20, t.stem));
                    f.push(f1(21, t.clitic));
                }
                // every reading, so "بالعراق" also fires "العراق"-ish stems
                if t.is_word {
                    for r in readings(t.norm).iter().skip(1) {
                        if r.stem != t.stem {
                            f.push(f1(22, r.stem));
                        }
                    }
                }
                f.push(f1(23, stem(ii - 1)));
                f.push(f1(24, stem(ii + 1)));
                f.push(f2(25, stem(ii - 1), t.stem));
                f.push(f2(26, t.stem, stem(ii + 1)));
                f.push(f1(27, stem(ii - 2)));
                f.push(f1(28, stem(ii + 2)));
            }
            Lang::En => {
                let raw = tokens.get(i).map_or("", |x| x.text.as_str());
                f.push(f1(30, raw));
                let cap = |j: isize| -> &str {
                    match at(j) {
                        None => "-",
                        Some(t) if t.cap => "C",
                        Some(_) => "c",
                    }
                };
                f.push(f2(31, if first { "F" } else { "f" }, cap(ii)));
                f.push(f2(32, cap(ii - 1), cap(ii)));
                f.push(f2(33, cap(ii), cap(ii + 1)));
                // hashes as the joined string cap(i-1)+cap(i), then cap(i+1)
                let mut h = Fnv::new(34);
                for b in cap(ii - 1).bytes().chain(cap(ii).bytes()) {
                    h.byte(b);
                }
                f.push(h.byte_sep().str(cap(ii + 1)).finish());
                if first {
                    f.push(f1(35, t.norm));
                }
                f.push(f2(36, word(ii - 1), &t.shape));
                f.push(f2(37, &t.shape, word(ii + 1)));
            }
        }
        for (d, j) in [ii - 1, ii, ii + 1].into_iter().enumerate() {
            let classes = usize::try_from(j).ok().and_then(|j| lex_classes.get(j));
            for c in classes.into_iter().flatten() {
                f.push(f2(40 + d as u8, c, ""));
            }
        }
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_are_short() {
        assert_eq!(shape("McCain"), "XxXxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("2022"), "dd");
        assert_eq!(shape("بغداد"), "aa");
    }

    #[test]
    fn affixes_count_code_points() {
        assert_eq!(prefix("بغداد", 2), Some("بغ"));
        assert_eq!(suffix("بغداد", 2), Some("اد"));
        assert_eq!(prefix("ab", 2), None);
        assert_eq!(suffix("ab", 3), None);
    }
}
