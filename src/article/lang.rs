//! Language and direction from a declared tag or, failing that, from the
//! script of the text.

use crate::model::Dir;

/// Languages written right to left. Source: CLDR script metadata (the
/// languages whose default script is Arabic, Hebrew, Thaana or Syriac).
static RTL_LANGS: &[&str] =
    &["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi"];

/// Frequent short words of Latin-script languages, for telling them apart.
/// Source: standard function words of each language.
static STOPWORDS: &[(&str, &str)] = &[
    ("and", "en"),
    ("das", "de"),
    ("der", "de"),
    ("des", "fr"),
    ("die", "de"),
    ("el", "es"),
    ("est", "fr"),
    ("et", "fr"),
    ("für", "de"),
    ("in", "en"),
    ("is", "en"),
    ("la", "es"),
    ("le", "fr"),
    ("les", "fr"),
    ("los", "es"),
    ("of", "en"),
    ("que", "es"),
    ("the", "en"),
    ("to", "en"),
    ("und", "de"),
    ("was", "en"),
    ("y", "es"),
];

/// The primary subtag of a BCP 47 tag ("ar-SA" → "ar"), or `None` when the
/// value is not a language tag.
pub fn primary_subtag(tag: &str) -> Option<String> {
    let p = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase())).then_some(p)
}

/// Language names some feeds give instead of a tag. Source: the English
/// and Arabic names of the languages.
static NAMES: &[(&str, &str)] = &[("arabic", "ar"), ("english", "en"), ("العربيه", "ar"), ("عربي", "ar")];

/// The tag for a language name ("Arabic", "العربية").
pub fn from_name(name: &str) -> Option<String> {
    let key = crate::text::normalize(name.trim());
    NAMES.iter().find(|(n, _)| *n == key).map(|(_, t)| (*t).to_string())
}

/// Direction of a language.
pub fn dir_of(lang: &str) -> Dir {
    if RTL_LANGS.binary_search(&lang).is_ok() {
        Dir::Rtl
    } else {
        Dir::Ltr
    }
}

/// In a right-to-left script block (Hebrew, Arabic and their presentation
/// forms); whether it is a letter is asked apart.
fn in_rtl_block(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// The ASCII letters of `b`, counted in one byte per 255 bytes (a loop the
/// compiler vectorises, which it does not with a count in `usize`).
fn ascii_letters(b: &[u8]) -> usize {
    let letter = |c: u8| u8::from((c | 0x20).wrapping_sub(b'a') < 26);
    b.chunks(255).map(|c| usize::from(c.iter().fold(0u8, |n, &c| n.wrapping_add(letter(c))))).sum()
}

/// Direction of one paragraph: the script most of its letters are in (a
/// Latin name inside Arabic text does not flip it); `fallback` when there
/// are no letters or as many of each.
pub fn paragraph_dir(text: &str, fallback: Dir) -> Dir {
    // the ASCII letters counted over the bytes; only the characters beyond
    // ASCII decoded, runs of ASCII passed over eight bytes at a time (an
    // English paragraph has a few others: quotation marks, dashes), those
    // of two bytes (Arabic, Hebrew, accented Latin) decoded here, with one
    // Unicode letter test (a table search) each, as this runs over every
    // paragraph
    let b = text.as_bytes();
    let (mut rtl, mut ltr) = (0usize, ascii_letters(b));
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if x < 0x80 {
            i += 1;
            while let Some(w) = crate::swar::word(b, i) {
                if w & crate::swar::HIGH != 0 {
                    break;
                }
                i += 8;
            }
            continue;
        }
        // the first byte of a character (steps over ASCII ones and whole
        // characters keep `i` on a boundary)
        let c = match (x, b.get(i + 1)) {
            (0xc0..0xe0, Some(&y)) => char::from_u32(u32::from(x & 0x1f) << 6 | u32::from(y & 0x3f)),
            _ => text.get(i..).and_then(|s| s.chars().next()),
        };
        let Some(c) = c else { break };
        i += c.len_utf8();
        if crate::text::is_alphabetic(c) {
            if in_rtl_block(c) {
                rtl += 1;
            } else {
                ltr += 1;
            }
        }
    }
    match rtl.cmp(&ltr) {
        std::cmp::Ordering::Greater => Dir::Rtl,
        std::cmp::Ordering::Less => Dir::Ltr,
        std::cmp::Ordering::Equal => fallback,
    }
}

/// Guesses the language of a text from its script (and, for Latin script,
/// a handful of function words). English is the fallback.
pub fn detect(text: &str) -> String {
    let (mut arabic, mut persian, mut hebrew, mut cyrillic, mut latin, mut cjk) = (0usize, 0, 0, 0, 0, 0);
    for c in text.chars().take(20_000) {
        match c {
            'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' => persian += 1,
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
                if crate::text::is_alphabetic(c) =>
            {
                arabic += 1
            }
            '\u{0590}'..='\u{05FF}' => hebrew += 1,
            '\u{0400}'..='\u{04FF}' => cyrillic += 1,
            '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}' => cjk += 1,
            c if crate::text::is_alphabetic(c) && c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c) => latin += 1,
            _ => {}
        }
    }
    let arabic_script = arabic + persian;
    let best = [arabic_script, hebrew, cyrillic, latin, cjk].into_iter().max().unwrap_or(0);
    if best == 0 {
        return "en".into();
    }
    if best == arabic_script {
        // Persian letters in a good share of the text: Persian, not Arabic.
        return if persian * 20 > arabic_script { "fa".into() } else { "ar".into() };
    }
    if best == hebrew {
        return "he".into();
    }
    if best == cyrillic {
        return "ru".into();
    }
    if best == cjk {
        return "zh".into();
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for w in text.split(|c: char| !crate::text::is_alphabetic(c)).take(5_000) {
        let w = w.to_lowercase();
        if let Ok(i) = STOPWORDS.binary_search_by(|(k, _)| (*k).cmp(w.as_str())) {
            if let Some((_, lang)) = STOPWORDS.get(i) {
                match counts.iter_mut().find(|(l, _)| l == lang) {
                    Some(e) => e.1 += 1,
                    None => counts.push((lang, 1)),
                }
            }
        }
    }
    crate::sort::sort_by(&mut counts, |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts.first().map_or("en", |c| c.0).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_sorted() {
        assert!(RTL_LANGS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOPWORDS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(NAMES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn detects() {
        assert_eq!(detect("أكدت المجموعة المصغرة للتحالف الدولي"), "ar");
        assert_eq!(detect("The coalition met in The Hague"), "en");
        assert_eq!(detect("Le ministre et les députés"), "fr");
        assert_eq!(primary_subtag("ar-SA").as_deref(), Some("ar"));
        assert_eq!(primary_subtag("<script>"), None);
        assert_eq!(from_name("العربية").as_deref(), Some("ar"));
        assert_eq!(paragraph_dir("قال Joe Biden إن الاجتماع", Dir::Ltr), Dir::Rtl);
    }

    #[test]
    fn paragraph_dir_counts_every_letter() {
        // the letters decoded one by one, as before the ASCII runs were
        // passed over eight bytes at a time
        let by_chars = |text: &str, fallback: Dir| {
            let letters = text.chars().filter(|&c| crate::text::is_alphabetic(c));
            let rtl = letters.clone().filter(|&c| in_rtl_block(c)).count();
            match rtl.cmp(&(letters.count() - rtl)) {
                std::cmp::Ordering::Greater => Dir::Rtl,
                std::cmp::Ordering::Less => Dir::Ltr,
                std::cmp::Ordering::Equal => fallback,
            }
        };
        for other in ["قال", "“", "é", "שלום", "—", "😀", "ﻻ", "\u{80}", "\u{7FF}", "ـ"] {
            for at in 0..12 {
                for latin in ["ab", "abcdefghij", "a b c d e f g h i j k"] {
                    let text = format!("{}{other}{latin}{other}{other}", "x".repeat(at));
                    for fallback in [Dir::Ltr, Dir::Rtl] {
                        assert_eq!(paragraph_dir(&text, fallback), by_chars(&text, fallback), "{text}");
                    }
                }
            }
        }
    }
}
