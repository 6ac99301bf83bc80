//! Text normalisation, tokenisation and Arabic clitic handling.
//!
//! Every lookup in the project (gazetteer, organisations, titles, trigger
//! words, month names) goes through [`normalize`] so that spelling variants
//! meet: أ إ آ ٱ → ا, ة → ه, ى → ي, ؤ → و, ئ → ي, no tashkeel or tatweel,
//! Arabic-Indic digits → ASCII, Latin lowercased without diacritics.
//! Offsets are Unicode code points into the original text.

/// Normalises one character; `None` means the character is dropped
/// (tashkeel, tatweel, zero-width and bidi controls).
pub fn normalize_char(c: char) -> Option<char> {
    Some(match c {
        // tashkeel, superscript alef, Quranic marks, tatweel
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => return None,
        // zero-width and bidi controls
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ة' => 'ه',
        'ى' | 'ئ' | 'ی' | 'ې' => 'ي',
        'ؤ' => 'و',
        'ک' => 'ك',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => 'a',
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' => 'c',
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => 'e',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' | 'İ' | 'ı' => 'i',
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ň' | 'ň' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ő' | 'ő' => 'o',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' => 'u',
        'Ý' | 'ý' | 'ÿ' => 'y',
        'Ś' | 'ś' | 'Š' | 'š' | 'Ş' | 'ş' => 's',
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => 'z',
        'Ğ' | 'ğ' => 'g',
        'Ł' | 'ł' => 'l',
        'Ř' | 'ř' => 'r',
        'Ť' | 'ť' => 't',
        'Ď' | 'ď' => 'd',
        'ß' => 's',
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
        '\u{2010}'..='\u{2015}' => '-',
        c if c.is_uppercase() => return c.to_lowercase().next(),
        c => c,
    })
}

/// Normalises a string for lookup (see the module doc).
pub fn normalize(s: &str) -> String {
    s.chars().filter_map(normalize_char).collect()
}

/// Normalises a phrase for lookup: like [`normalize`], and also collapses
/// runs of whitespace and hyphens between words into one space, so that
/// "al-Hol", "Al Hol" and "al  hol" meet.
pub fn normalize_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars().filter_map(normalize_char) {
        if c.is_whitespace() || c == '-' || c == '_' {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// True for letters of the Arabic script (after or before normalisation).
pub fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// A word or punctuation token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// First code point in the source text.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The token as written.
    pub text: String,
    /// Normalised form ([`normalize`]).
    pub norm: String,
    /// A word (letters or digits) rather than punctuation.
    pub is_word: bool,
    /// Written in Arabic script.
    pub arabic: bool,
    /// Starts with an uppercase letter (Latin and other cased scripts).
    pub capitalized: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' | '\u{200D}')
}

/// Splits text into word and punctuation tokens (whitespace is dropped).
/// An apostrophe or a dot inside a Latin word ("O'Brien", "U.S.") stays in
/// the word; hyphens split.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
        {
            i += 1;
            continue;
        }
        let start = i;
        if is_word_char(c) {
            i += 1;
            while i < chars.len() {
                let d = chars[i];
                if is_word_char(d) {
                    i += 1;
                } else if (d == '\'' || d == '\u{2019}' || d == '.')
                    && i + 1 < chars.len()
                    && chars[i + 1].is_alphabetic()
                    && !is_arabic(chars[i + 1])
                    && !is_arabic(chars[i - 1])
                    && (d != '.' || (chars[i - 1].is_uppercase() && chars[i + 1].is_uppercase()))
                {
                    i += 2;
                } else {
                    break;
                }
            }
            // keep the final dot of an acronym like "U.S."
            if i < chars.len() && chars[i] == '.' && i >= start + 3 && chars[i - 2] == '.' {
                i += 1;
            }
        } else {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        let is_word = is_word_char(c);
        tokens.push(Token {
            start,
            end: i,
            norm: normalize(&word),
            arabic: is_arabic(c),
            capitalized: c.is_uppercase(),
            is_word,
            text: word,
        });
    }
    tokens
}

/// Proclitics that can be written attached to an Arabic word, longest first.
const PROCLITICS: &[&str] = &[
    "وبال", "وكال", "وفال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال", "وب", "ول", "وك",
    "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك",
];

/// One reading of an Arabic word: the clitics written before the stem, and
/// the stem, both normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading<'a> {
    /// Number of code points of the normalised word taken by proclitics.
    pub prefix_len: usize,
    /// The stem (the word without its proclitics).
    pub stem: &'a str,
    /// The stem carried the definite article ("ال" was removed).
    pub had_article: bool,
}

/// All readings of a normalised Arabic word, the word itself first, then
/// with ever longer proclitic strings removed. A stem keeps at least two
/// letters. Non-Arabic words have one reading: themselves.
pub fn readings(norm: &str) -> Vec<Reading<'_>> {
    let mut out = vec![Reading { prefix_len: 0, stem: norm, had_article: false }];
    if !norm.chars().next().is_some_and(is_arabic) {
        return out;
    }
    for p in PROCLITICS.iter().rev() {
        if let Some(rest) = norm.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                let had_article = p.ends_with("ال") || *p == "لل" || p.ends_with("لل");
                out.push(Reading { prefix_len: p.chars().count(), stem: rest, had_article });
            }
        }
    }
    // "لل" is ل + ال: the stem without the article is what a lookup keyed
    // with the article needs ("للعراق" → "العراق").
    out
}

/// The stem forms to try for a normalised word, most literal first:
/// the word, then without proclitics. With `with_article` each article-less
/// stem is also offered with "ال" put back ("بالعراق" → "العراق", "عراق").
pub fn stems(norm: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in readings(norm) {
        if !out.iter().any(|s| s == r.stem) {
            out.push(r.stem.to_string());
        }
        if r.had_article {
            let with = format!("ال{}", r.stem);
            if !out.contains(&with) {
                out.push(with);
            }
        }
    }
    // "لعراق"-style: ل + ال collapse, covered above by "لل".
    out
}

/// Sentence boundaries (code point ranges) in `text`: splits after . ! ? ؟ ؛
/// and at line breaks, keeping abbreviations such as "U.S." and "Mr." whole.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let end_here = match c {
            '\n' => true,
            '!' | '?' | '؟' | '؛' => true,
            '.' => {
                let next_is_space = chars.get(i + 1).is_none_or(|n| n.is_whitespace() || *n == '"' || *n == '»');
                let prev_short_caps = {
                    // "U.S." / "Mr." / "Dr.": previous word of 1-3 letters starting uppercase
                    let mut j = i;
                    while j > 0 && chars[j - 1].is_alphabetic() {
                        j -= 1;
                    }
                    let w = i - j;
                    (1..=3).contains(&w) && chars[j].is_uppercase() && !is_arabic(chars[j])
                };
                next_is_space && !prev_short_caps
            }
            _ => false,
        };
        if end_here {
            let mut e = i + 1;
            while e < chars.len() && matches!(chars[e], '"' | '»' | '\'' | ')') {
                e += 1;
            }
            push_trimmed(&chars, start, e, &mut out);
            start = e;
            i = e;
            continue;
        }
        i += 1;
    }
    push_trimmed(&chars, start, chars.len(), &mut out);
    out
}

fn push_trimmed(chars: &[char], mut s: usize, mut e: usize, out: &mut Vec<(usize, usize)>) {
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if e > s {
        out.push((s, e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_variants_meet() {
        assert_eq!(normalize("إدلب"), normalize("ادلب"));
        assert_eq!(normalize("الأميركية"), "الاميركيه");
        assert_eq!(normalize("مُصْطَفى"), "مصطفي");
        assert_eq!(normalize("٢٠٢٢"), "2022");
        assert_eq!(normalize("Zürich"), "zurich");
        assert_eq!(normalize_key("Al-Hol  camp"), "al hol camp");
    }

    #[test]
    fn clitics_are_stripped() {
        let s = stems(&normalize("بالعراق"));
        assert!(s.contains(&"العراق".to_string()), "{s:?}");
        assert!(s.contains(&"عراق".to_string()));
        let s = stems(&normalize("وبغداد"));
        assert!(s.contains(&"بغداد".to_string()), "{s:?}");
        let s = stems(&normalize("للعراق"));
        assert!(s.contains(&"العراق".to_string()), "{s:?}");
        let s = stems(&normalize("لسوريا"));
        assert!(s.contains(&"سوريا".to_string()), "{s:?}");
    }

    #[test]
    fn tokens_have_code_point_offsets() {
        let t = tokenize("في لاهاي، U.S. officials");
        let words: Vec<_> = t.iter().map(|t| (t.text.as_str(), t.start, t.end)).collect();
        assert_eq!(words, vec![("في", 0, 2), ("لاهاي", 3, 8), ("،", 8, 9), ("U.S.", 10, 14), ("officials", 15, 24)]);
    }

    #[test]
    fn sentences_split_on_arabic_and_latin_marks() {
        let s = sentences("He met Mr. Smith in the U.S. today. Then left! هل؟ نعم.");
        assert_eq!(s.len(), 4, "{s:?}");
    }
}
