//! Tests of the tagger's features (`features.rs`).

use super::*;

#[test]
fn shapes_are_short() {
    assert_eq!(shape("McCain"), "XxXxx");
    assert_eq!(shape("U.S."), "X.X.");
    assert_eq!(shape("2022"), "dd");
    assert_eq!(shape("بغداد"), "aa");
}

#[test]
fn own_features_and_the_rest_are_all_the_features() {
    // the tagger sums a spelling's own features once and adds the rest
    // per token: together they must be exactly the features
    let lex = super::super::lexicon::Lists::get();
    for (lang, text) in [
        (Lang::En, "GOLF - ROLE FOR U.K. The Prime Minister met McCain in New York, and McCain left."),
        (Lang::En, "BAGHDAD 1996-08-22 Officials said."),
        (Lang::Ar, "وقال الرئيس العراقي في بغداد إن الرئيس سيزور للعراق والكويت."),
    ] {
        let tokens = crate::text::tokenize(text);
        let (toks, first, owns) = toks(&tokens, lang, lex);
        let mut all = Vec::new();
        each(&tokens, lang, lex, |_, f| all.push(f.to_vec()));
        let mut rest = Vec::new();
        each_with(&tokens, &toks, lang, true, |_, f| rest.push(f.to_vec()));
        assert_eq!(all.len(), tokens.len());
        for (i, (a, r)) in all.iter().zip(&rest).enumerate() {
            // a later token of a spelling has the first one's own features
            // ("McCain" twice, "الرئيس" twice)
            let (mut mine, mut firsts) = (Vec::new(), Vec::new());
            own_features(&toks[i], &owns[i], lang, &mut mine);
            own_features(&toks[first[i]], &owns[first[i]], lang, &mut firsts);
            assert_eq!(mine, firsts, "{text}: token {i}");
            let mut split = r.clone();
            own_features(&toks[first[i]], &owns[first[i]], lang, &mut split);
            let (mut a, mut split) = (a.clone(), split);
            a.sort_unstable();
            split.sort_unstable();
            assert_eq!(a, split, "{text}: token {i}");
            assert!(r.len() < a.len());
        }
        // without the neighbours' features, which the neighbours' own
        // spellings (or the edges) give: all the features again
        let mut bare = Vec::new();
        each_with(&tokens, &toks, lang, false, |_, f| bare.push(f.to_vec()));
        for (i, (a, b)) in all.iter().zip(&bare).enumerate() {
            let mut split = b.clone();
            own_features(&toks[i], &owns[i], lang, &mut split);
            for (k, d) in OFFSETS.into_iter().enumerate() {
                let near = i.checked_add_signed(d).and_then(|j| first.get(j)).and_then(|&f| toks.get(f));
                neighbour_features(near, k, lang, &mut split);
            }
            if lang == Lang::En {
                split.extend_from_slice(caps_features(caps_index(&toks, i)));
            }
            let mut a = a.clone();
            a.sort_unstable();
            split.sort_unstable();
            assert_eq!(a, split, "{text}: token {i}");
        }
    }
}

#[test]
fn words_after_an_organisation_head_know_how_far_it_is() {
    let lex = super::super::lexicon::Lists::get();
    // "وزارة" heads the name; "قال" and "إن" come before it
    let tokens = crate::text::tokenize("قال إن وزارة الشؤون الخارجية");
    let fs = extract(&tokens, Lang::Ar, lex);
    let at = |w: &str| tokens.iter().position(|t| t.text == w).unwrap_or(usize::MAX);
    let has = |w: &str, d: u64| fs.get(at(w)).is_some_and(|f| f.contains(&f1(42, d)));
    assert!(!(1..=4).any(|d| has("قال", d) || has("إن", d) || has("وزارة", d)));
    assert!(has("الشؤون", 1) && has("الخارجية", 2) && !has("الخارجية", 1));
}

#[test]
fn ascii_shapes_are_the_shapes() {
    for w in [
        "",
        "a",
        "McCain",
        "U.S.",
        "2022",
        "1996-08-22",
        "AAAAAAAAAAAAAAAAAAAA",
        "a\0b",
        "x1y2z3w4v5u6t7",
        "--",
        "O'Brien",
    ] {
        let (mut a, mut b) = ([0u8; SHAPE_MAX], [0u8; SHAPE_MAX]);
        let (n, m) = (shape_ascii(w.as_bytes(), &mut a), shape_chars(w, &mut b));
        assert_eq!(a.get(..n), b.get(..m), "{w}");
    }
}

#[test]
fn affixes_count_code_points() {
    assert_eq!(prefix("بغداد", 2), Some("بغ"));
    assert_eq!(suffix("بغداد", 2), Some("اد"));
    assert_eq!(prefix("ab", 2), None);
    assert_eq!(suffix("ab", 3), None);
    // one pass gives what prefix and suffix give
    for w in ["", "a", "ab", "abcd", "abcde", "McCain", "بغداد", "والعراق", "é", "1996-08-22"] {
        let each: Vec<_> = (1..=4).map(|k| (prefix(w, k), suffix(w, k))).collect();
        assert_eq!(affixes(w).to_vec(), each, "{w}");
    }
}
