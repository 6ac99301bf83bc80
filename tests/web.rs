//! Tests that run inside headless Chromium (wasm-bindgen-test-runner):
//! the pipeline compiled to wasm gives the same answers as natively.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DEFAULT_ARTICLE: &str = include_str!("../www/articles/default.json");

#[wasm_bindgen_test]
fn default_article_parses_and_analyses_in_wasm() {
    let article = article_atlas::parse_article(DEFAULT_ARTICLE.as_bytes()).expect("default article parses");
    assert_eq!(article.lang, "ar");
    let analysis = article_atlas::analyze(&article);
    assert!(analysis.text.starts_with("مجموعة"));
    assert_eq!(analysis.blocks.len(), article.paragraphs.len() + 1);
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_not_a_panic() {
    assert!(article_atlas::parse_article(b"{\"title\": 1").is_err());
    assert!(article_atlas::parse_article(&[0xff, 0xfe, 0x00]).is_err());
}

/// The browser's float reading (`Number.parseFloat` behind a check of
/// Rust's grammar) gives core's value, bit for bit, and refuses what core
/// refuses.
#[wasm_bindgen_test]
fn floats_read_in_the_browser_as_natively() {
    let texts = [
        "0",
        "-0",
        "+0",
        "1",
        "-1.5",
        "33.3152",
        "44.366",
        "-179.99999999999997",
        "0.1",
        ".5",
        "5.",
        "1e5",
        "1E-5",
        "2.2250738585072011e-308",
        "4.9e-324",
        "1e-400",
        "1.7976931348623157e308",
        "1e400",
        "-1e400",
        "9007199254740993",
        "0.30000000000000004",
        "123456789012345678901234567890",
        "inf",
        "-Infinity",
        "NaN",
        "",
        ".",
        "-",
        "1e",
        "e5",
        "1.2.3",
        " 1",
        "1 ",
        "0x10",
        "1_000",
        "Infinity1",
        "+-1",
    ];
    for t in texts {
        let ours = article_atlas::internals::parse_f64(t);
        let core = t.parse::<f64>().ok();
        assert_eq!(ours.map(f64::to_bits), core.map(f64::to_bits), "{t:?}");
    }
}

/// The browser's float printing (the crate's own, not core's) gives core's
/// text: shortest digits (`to_string`) and fixed decimals (`{:.N}`).
#[wasm_bindgen_test]
fn floats_print_in_the_browser_as_natively() {
    let mut values = vec![
        0.0,
        -0.0,
        1.0,
        -1.5,
        0.1,
        0.3,
        2.5,
        0.05,
        9.96,
        33.3152,
        -179.99999999999997,
        1e-7,
        1e21,
        1e23,
        5e-324,
        2.2250738585072014e-308,
        1.7976931348623157e308,
        600.0 + 1.0 / 16384.0,
        f64::NAN,
        f64::INFINITY,
        -f64::INFINITY,
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for i in 0..20_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        values.push(match i % 3 {
            0 => f64::from_bits(seed),
            1 => (seed % (1 << 53)) as f64 / 2f64.powi((seed >> 56) as i32 % 60),
            _ => (seed % 36_000_000) as f64 / 1e5 - 180.0,
        });
    }
    for x in values.into_iter().filter(|x| !x.is_finite() || x.abs() < 1e40) {
        assert_eq!(article_atlas::internals::float_display(x), x.to_string(), "{x:e}");
        for p in [0, 1, 2, 5] {
            assert_eq!(article_atlas::internals::float_fixed(x, p), format!("{x:.p$}"), "{x:e} .{p}");
        }
    }
}

/// Named character references read by the browser's HTML parser (the wasm
/// build carries no table) give the text of the generated table, for every
/// name, and what is no name stays as written.
#[wasm_bindgen_test]
fn named_references_read_in_the_browser_as_the_table_gives_them() {
    use article_atlas::internals::decode_html_references as decode;
    let mut first = 0u32;
    let mut names = 0;
    for row in include_str!("../data/text/html_entities.tsv").lines().filter(|l| !l.starts_with('#')) {
        let (codes, row_names) = row.split_once('\t').expect("two columns");
        let mut codes = codes.split(' ').map(|h| u32::from_str_radix(h, 16).expect("hex"));
        first += codes.next().expect("a code point");
        let text: String = std::iter::once(first).chain(codes).map(|c| char::from_u32(c).expect("a char")).collect();
        for name in row_names.split(' ') {
            assert_eq!(decode(&format!("x&{name};y")), format!("x{text}y"), "&{name};");
            names += 1;
        }
    }
    assert!(names > 2000, "{names}");
    for (input, want) in [
        ("&bogus;", "&bogus;"),
        ("&notit;", "&notit;"),
        ("&ampx;", "&ampx;"),
        ("&amp", "&amp"),
        ("&;", "&;"),
        ("&a b;", "&a b;"),
        ("&<b>;", "&<b>;"),
        ("&semi;&SEMI;", ";&SEMI;"),
        ("&#x627;&#0;", "ا\u{FFFD}"),
    ] {
        assert_eq!(decode(input), want, "{input}");
    }
}

#[wasm_bindgen_test]
fn presentation_forms_fold_in_the_browser_as_the_table_gives_them() {
    use article_atlas::internals::fold_presentation;
    let table: Vec<(u32, String)> = include_str!("../data/text/arabic_forms.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|row| {
            let (k, v) = row.split_once('\t').expect("two columns");
            let letters =
                v.split(' ').map(|h| char::from_u32(u32::from_str_radix(h, 16).expect("hex")).expect("a char"));
            (u32::from_str_radix(k, 16).expect("hex"), letters.collect())
        })
        .collect();
    assert!(table.len() > 700, "{}", table.len());
    // every code point of both blocks: the table's letters, or none
    for cp in (0xFB50..=0xFDFF).chain(0xFE70..=0xFEFF) {
        let Some(c) = char::from_u32(cp) else { continue };
        let want = table.iter().find(|(k, _)| *k == cp).map(|(_, v)| v.as_str());
        assert_eq!(fold_presentation(c), want, "U+{cp:04X}");
        assert_eq!(fold_presentation(c), want, "U+{cp:04X} asked again");
    }
    assert_eq!(fold_presentation('ب'), None);
    assert_eq!(article_atlas::internals::normalize_key("ﺑﻐﺪﺍﺩ"), "بغداد");
}
