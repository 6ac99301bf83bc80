//! Tests of the text functions (`text.rs`).

use super::*;

#[test]
fn proclitics_by_first_letter() {
    for c in ['و', 'ف', 'ب', 'ل', 'ك', 'ا', 'م', 'a'] {
        let want: Vec<&str> = PROCLITICS.iter().rev().copied().filter(|p| p.starts_with(c)).collect();
        assert_eq!(proclitics_starting(c), want.as_slice(), "{c}");
    }
    assert!(PROCLITICS.iter().all(|p| p.chars().next().is_some_and(|c| proclitics_starting(c).contains(p))));
}

#[test]
fn readings_fit_inline() {
    // the proclitics starting a word are a chain ("و", "وب", "وبال"):
    // the word and each of them must fit in the inline readings
    for p in PROCLITICS {
        let word = format!("{p}عراق");
        let n = PROCLITICS.iter().filter(|q| word.starts_with(**q)).count() + 1;
        assert!(n <= MAX_READINGS, "{p}: {n} readings");
        assert_eq!(readings(&word).len(), n, "{p}");
    }
    assert_eq!(
        readings("وبالعراق").iter().map(|r| r.stem).collect::<Vec<_>>(),
        ["وبالعراق", "بالعراق", "العراق", "عراق"]
    );
}

#[test]
fn forms_table_reads_as_its_file() {
    crate::tsv::check_reads_as_file(include_str!("../data/text/arabic_forms.tsv"), ARABIC_FORMS_TSV, usize::MAX);
}

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
fn presentation_forms_fold_for_matching() {
    // "بغداد" and "الإمارات" as a PDF gives them: contextual forms and the lam-alef ligature.
    assert_eq!(normalize("ﺑﻐﺪﺍﺩ"), normalize("بغداد"));
    assert_eq!(normalize("ﺍﻹﻣﺎﺭﺍﺕ"), normalize("الإمارات"));
    assert_eq!(normalize("ﻻ"), "لا");
    assert_eq!(normalize_key("ﺍﻟﺮﻳﺎﺽ"), "الرياض");
    // Offsets stay in the text as given: the tokens are the written words.
    let t = tokenize("في ﺑﻐﺪﺍﺩ");
    assert_eq!((t[1].start, t[1].end, t[1].norm.as_str()), (3, 8, "بغداد"));
    // The article of "ﺍﻹﻣﺎﺭﺍﺕ" is one letter and half a ligature: 2 normalised letters.
    assert_eq!(orig_prefix("ﺍﻹﻣﺎﺭﺍﺕ", 2), 2);
    assert_eq!(orig_prefix("الإمارات", 2), 2);
    assert_eq!(orig_prefix("وَالعراق", 1), 2);
    // Every row of the generated table folds to Arabic letters or marks.
    assert!(arabic_forms().len() > 700);
    assert!(arabic_forms().windows(2).all(|w| w[0].0 < w[1].0));
}

#[test]
fn ascii_shortcut_agrees_with_the_tables() {
    for b in 0u8..128 {
        let c = char::from(b);
        let slow: String = normalize_char(c).into_iter().collect();
        assert_eq!(normalize(&c.to_string()), slow, "{b}");
    }
    assert_eq!(normalize("O`Brien U.S."), "o'brien u.s.");
}

#[test]
fn tables_answer_as_char_does() {
    for c in (0..0x1_0000).filter_map(char::from_u32) {
        assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
        assert_eq!(normalize_char(c), normalize_char_slow(c), "{c:?}");
    }
    // readings() skips a word whose first letter starts no proclitic
    for p in PROCLITICS {
        assert!(p.starts_with(['و', 'ف', 'ب', 'ل', 'ك', 'ا']), "{p}");
    }
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
fn common_word_chars_are_word_chars() {
    for u in 0..0x1_0000u32 {
        let Some(c) = char::from_u32(u) else { continue };
        if is_common_word_char(c) {
            assert!(is_word_char(c), "{u:x}");
        }
    }
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

#[test]
fn sentences_split_after_a_dotted_abbreviation_before_an_opener() {
    let s = sentences("He moved to Washington, D.C. The sheriff said. U.S. He left the U.S. Senate.");
    let parts: Vec<String> = s
        .iter()
        .map(|&(a, b)| {
            "He moved to Washington, D.C. The sheriff said. U.S. He left the U.S. Senate."
                .chars()
                .skip(a)
                .take(b - a)
                .collect()
        })
        .collect();
    assert_eq!(parts, ["He moved to Washington, D.C.", "The sheriff said.", "U.S.", "He left the U.S. Senate."]);
}

#[test]
fn sentences_split_at_a_full_stop_without_space_in_arabic() {
    for (text, want) in [
        // SaudiNewsNet: no space after the full stop.
        (
            "وصل الوفد إلى الرياض.وقال المتحدث إن الزيارة ناجحة.",
            vec!["وصل الوفد إلى الرياض.", "وقال المتحدث إن الزيارة ناجحة."],
        ),
        ("انتهى الاجتماع عام 2015.وبدأ العمل", vec!["انتهى الاجتماع عام 2015.", "وبدأ العمل"]),
        // Latin "word.Word" (a domain, a name) and decimals stay whole.
        ("Visit Example.com today. It rose 3.5 points.", vec!["Visit Example.com today.", "It rose 3.5 points."]),
    ] {
        let chars: Vec<char> = text.chars().collect();
        let got: Vec<String> = sentences(text).iter().map(|&(s, e)| chars[s..e].iter().collect()).collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn json_string_ends_where_a_byte_by_byte_walk_ends() {
    let walk = |b: &[u8], open: usize| {
        let mut i = open + 1;
        while let Some(&c) = b.get(i) {
            i += 1;
            match c {
                b'"' => return i,
                b'\\' => i += 1,
                _ => {}
            }
        }
        b.len()
    };
    // a quote, an escaped quote, a backslash at the end, at every place in
    // and around the eight bytes passed over at once
    for special in ["\"", "\\\"", "\\\\", "\\", "é\"", "ع\\\"x\""] {
        for at in 0..20 {
            for tail in ["", "\"", "abc\"", "0123456789"] {
                let s = format!("\"{}{special}{tail}", "x".repeat(at));
                assert_eq!(json_string_end(s.as_bytes(), 0), walk(s.as_bytes(), 0), "{s:?}");
            }
        }
    }
}

#[test]
fn newline_is_the_first_line_feed() {
    for len in 0..20 {
        for at in 0..=len {
            let mut b = vec![b'x'; len];
            b.extend_from_slice("é\n".as_bytes());
            if let Some(c) = b.get_mut(at) {
                *c = b'\n';
            }
            assert_eq!(newline(&b), b.iter().position(|&c| c == b'\n'), "{len} {at}");
            assert_eq!(newline(&b[..len]), b[..len].iter().position(|&c| c == b'\n'));
        }
    }
}

#[test]
fn lines_are_str_lines() {
    for text in ["", "\n", "a", "a\n", "a\r\nb", "a\n\nb\r", "\r\n\r\n", "one row\ttwo\nthree\r\n\nfour fields long\n"]
    {
        assert_eq!(lines(text).collect::<Vec<_>>(), text.lines().collect::<Vec<_>>(), "{text:?}");
    }
}

#[test]
fn fields_are_split_at_tabs() {
    for line in ["", "\t", "a", "a\tb", "a\t\tb\t", "\tرأس\tx y\t"] {
        assert_eq!(fields(line).collect::<Vec<_>>(), line.split('\t').collect::<Vec<_>>(), "{line:?}");
    }
}

#[test]
fn chars_of_is_chars_collected() {
    let all: String = (0..0x11_0000u32).step_by(97).filter_map(char::from_u32).collect();
    for s in ["", "a", "é", "قال الوزير", "﷽ ligature", "😀x", "\u{FEFF}\u{200F}مرحبا\n", all.as_str()]
    {
        assert_eq!(chars_of(s), s.chars().collect::<Vec<_>>(), "{s:?}");
    }
}
