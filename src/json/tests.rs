//! The browser build's JSON reader and writer against serde_json: the same
//! values, errors, positions and text.

use super::read::{self, pow10};
use super::write::{f32_to, f64_digits_to, f64_to, str_to, to_string};
use super::{Error, Value};

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

/// Every value and error of a text, with the offsets after each, by both.
fn same_stream(text: &str) {
    let ours: Vec<(Result<Value, Error>, usize)> = {
        let mut s = read::Stream::new(text);
        let mut out = Vec::new();
        while let Some(r) = s.next() {
            out.push((r, s.byte_offset()));
        }
        out
    };
    let theirs: Vec<(Result<Value, Error>, usize)> = {
        let mut s = super::Stream::new(text);
        let mut out = Vec::new();
        while let Some(r) = s.next() {
            out.push((r, s.byte_offset()));
        }
        out
    };
    // Debug tells -0.0 from 0.0, which == does not
    assert_eq!(format!("{ours:?}"), format!("{theirs:?}"), "input {text:?}");
    // one document, as from_str reads it
    let ours = read::from_str_as(text, |v| Ok(v.clone()));
    let theirs = serde_json::from_str::<serde_json::Value>(text).map(|v| Value::from(&v)).map_err(|e| e.to_string());
    assert_eq!(format!("{ours:?}"), format!("{theirs:?}"), "input {text:?}");
}

const EDGE_CASES: &[&str] = &[
    "",
    " ",
    "\n\n  ",
    "{}",
    "[]",
    "null",
    "true",
    "false",
    "nul",
    "tru",
    "fals",
    "nulx",
    "truex",
    "t",
    "n",
    "f",
    "0",
    "-0",
    "-",
    "00",
    "01",
    "-01",
    "1.",
    "1.e5",
    ".5",
    "1e",
    "1e+",
    "1e-",
    "1E5",
    "1e+5",
    "1.5e-3",
    "-0.0",
    "0.1",
    "0.30000000000000004",
    "1e308",
    "1e309",
    "-1e309",
    "1e-400",
    "2.5e-324",
    "4.9e-324",
    "1.7976931348623157e308",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "-9223372036854775809",
    "9223372036854775807",
    "123456789012345678901234567890",
    "1234567890123456789012.5e-3",
    "1844674407370955161.5",
    "18446744073709551615.9",
    "0.1844674407370955161999999",
    "1e2147483647",
    "1e2147483648",
    "0e2147483648",
    "1e-2147483648",
    "-1e99999999999",
    "1.0e-99999999999",
    "123abc",
    "1x",
    "1 2",
    "1,2",
    "1]",
    "[1,]",
    "[,1]",
    "[1 2]",
    "[1,,2]",
    "{\"a\":1,}",
    "{\"a\" 1}",
    "{\"a\":}",
    "{a:1}",
    "{,}",
    "{\"a\":1 \"b\":2}",
    "{\"a\":1}{\"b\":2}",
    "{\"a\":1}\n{\"b\":2}\n",
    "{\"a\":1} x",
    "[1] [2] [",
    "\"abc",
    "\"a\\\"b\"",
    "\"\\u00e9\"",
    "\"\\uD83D\\uDE00\"",
    "\"\\uD83D\"",
    "\"\\uD83D\\u0041\"",
    "\"\\uDE00\"",
    "\"\\uD83Dx\"",
    "\"\\uD83D\\x\"",
    "\"\\uD83D\\",
    "\"\\uD83D",
    "\"\\u12\"",
    "\"\\u12",
    "\"\\u12G4\"",
    "\"\\q\"",
    "\"\\",
    "\"a\tb\"",
    "\"a\nb\"",
    "\"\u{7f}\"",
    "\"عربي ✓ 😀\"",
    "\"\\/\\b\\f\\n\\r\\t\"",
    "{\"a\":1,\"a\":2}",
    "{\"b\":1,\"a\":2}",
    "[[[[]]]]",
    "{\"a\":{\"b\":{\"c\":[1,{\"d\":null}]}}}",
    "\u{feff}{}",
    "  {\"a\"\n:\n1\n,\n\"b\"\n:\n[\n]\n}  ",
    "{\"a\":1,\n\"b\":tru}",
    "[\n1,\n2,\nx]",
    "\"é\u{1}\"",
    "[\"é\", é]",
    "{\"é\": 1, é}",
    "-x",
    "- 1",
    "[-]",
    "[1.]",
    "[1e]",
    "{\"a\":1.5e}",
    "1.5E+10",
    "[1E-2, 3e4, -5E6]",
    "true false",
    "truefalse",
    "null,null",
    "\"a\"\"b\"",
    "]",
    "}",
    ":",
    ",",
    "[}",
    "{]",
];

#[test]
fn values_and_errors_are_serde_jsons_on_edge_cases() {
    for text in EDGE_CASES {
        same_stream(text);
    }
}

#[test]
fn nesting_stops_where_serde_jsons_does() {
    for depth in [1, 64, 126, 127, 128, 129, 200] {
        same_stream(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        same_stream(&format!("{}1{}", "[".repeat(depth), "]".repeat(depth)));
        same_stream(&"{\"a\":".repeat(depth));
    }
}

#[test]
fn sample_inputs_read_alike() {
    let mut texts = vec![
        include_str!("../../www/articles/default.json").to_string(),
        include_str!("../../www/articles/english.json").to_string(),
    ];
    let cases: serde_json::Value = serde_json::from_str(include_str!("../../tests/input_cases.json")).unwrap();
    for c in cases.as_array().unwrap() {
        if let Some(s) = c["input"].as_str() {
            texts.push(s.to_string());
        }
    }
    let hostile: serde_json::Value = serde_json::from_str(include_str!("../../tests/hostile_cases.json")).unwrap();
    let mut strings = Vec::new();
    collect_strings(&hostile, &mut strings);
    texts.extend(strings);
    for a in crate::model_write::tests::sample_analyses().iter().take(20) {
        texts.push(serde_json::to_string(a).unwrap());
    }
    assert!(texts.len() > 60);
    // each whole, and cut short at every few bytes (errors at every place)
    for t in &texts {
        same_stream(t);
        let mut cut = 0;
        while cut < t.len() {
            if t.is_char_boundary(cut) {
                same_stream(&t[..cut]);
            }
            cut += 1 + t.len() / 60;
        }
    }
}

fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

/// A random JSON-like text: mostly valid pieces, with slips.
fn random_text(rng: &mut Rng, depth: usize, out: &mut String) {
    const ATOMS: &[&str] = &[
        "0",
        "-0",
        "1",
        "-1",
        "12.5",
        "1e3",
        "-2.5E-3",
        "1e400",
        "18446744073709551616",
        "0.000001",
        "3.14159265358979",
        "true",
        "false",
        "null",
        "\"a\"",
        "\"\"",
        "\"\\u00e9\\n\"",
        "\"\\ud83d\\ude00\"",
        "\"عربي\"",
        "\"\\\"q\\\\\"",
        "9007199254740993",
        "-9223372036854775808",
        "123456789.123456789e-5",
        "5e-324",
        "1.7976931348623157e308",
    ];
    const SLIPS: &[&str] =
        &[",", "]", "}", ":", "\"", "\\", "x", "-", ".", "e", "\n", "\t", " ", "\u{1}", "é", "[", "{"];
    match rng.below(if depth > 4 { 3 } else { 6 }) {
        0 | 1 => out.push_str(rng.pick(ATOMS)),
        2 => {
            // a number of random digits and marks
            for _ in 0..1 + rng.below(25) {
                out.push_str(rng.pick(&["0", "1", "5", "9", "9", ".", "e", "-", "+", "E"]));
            }
        }
        3 => {
            out.push('[');
            for i in 0..rng.below(4) {
                if i > 0 {
                    out.push(',');
                }
                random_text(rng, depth + 1, out);
            }
            out.push(']');
        }
        _ => {
            out.push('{');
            for i in 0..rng.below(4) {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(rng.pick(&["\"k\"", "\"a\"", "\"k\"", "\"\\u0041\""]));
                out.push(':');
                random_text(rng, depth + 1, out);
            }
            out.push('}');
        }
    }
    if rng.below(12) == 0 {
        out.push_str(rng.pick(SLIPS));
    }
    if rng.below(8) == 0 {
        out.push_str(rng.pick(&[" ", "\n", "\r\n", "\t"]));
    }
}

#[test]
fn random_texts_read_alike() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20_000 {
        let mut t = String::new();
        for _ in 0..1 + rng.below(3) {
            random_text(&mut rng, 0, &mut t);
            if rng.below(2) == 0 {
                t.push('\n');
            }
        }
        same_stream(&t);
    }
}

#[test]
fn random_numbers_read_alike() {
    let mut rng = Rng(42);
    for _ in 0..50_000 {
        let digits =
            |rng: &mut Rng, n: usize| (0..n).map(|_| char::from(b'0' + rng.below(10) as u8)).collect::<String>();
        let mut t = String::new();
        if rng.below(2) == 0 {
            t.push('-');
        }
        let n = 1 + rng.below(22);
        let whole = digits(&mut rng, n);
        t.push_str(whole.trim_start_matches('0'));
        if t.is_empty() || t == "-" {
            t.push('0');
        }
        if rng.below(2) == 0 {
            t.push('.');
            let n = 1 + rng.below(22);
            t.push_str(&digits(&mut rng, n));
        }
        if rng.below(2) == 0 {
            t.push_str(rng.pick(&["e", "E", "e+", "e-"]));
            t.push_str(&(rng.below(700)).to_string());
        }
        same_stream(&t);
    }
}

#[test]
fn powers_of_ten_are_the_literals() {
    for n in 0..=308 {
        assert_eq!(pow10(n), format!("1e{n}").parse::<f64>().unwrap(), "10^{n}");
    }
}

#[test]
fn numbers_are_written_as_serde_json_writes_them() {
    let mut rng = Rng(7);
    let mut values: Vec<f64> = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        0.5,
        1.5,
        100.0,
        1e15,
        1e16,
        1.5e16,
        9.999e15,
        1e-5,
        1e-6,
        1.2345e-5,
        1.2345e-6,
        123456789012345.6,
        1e21,
        1e22,
        1e100,
        1e300,
        1e-300,
        5e-324,
        2.2250738585072014e-308,
        f64::MAX,
        f64::MIN,
        f64::EPSILON,
        31.95,
        35.93,
        2119373530608493.0 + 0.25,
        -3306.03125,
        463279.125,
        0.30000000000000004,
        1.7976931348623157e308,
        f64::NAN,
        f64::INFINITY,
    ];
    // fewer in an unoptimised build (`cargo test`), where the big-integer
    // printer of the browser build is slow
    for _ in 0..if cfg!(debug_assertions) { 20_000 } else { 200_000 } {
        let f = f64::from_bits(rng.next());
        values.push(f);
        // and numbers like those the analysis holds: coordinates, scores
        values.push((rng.below(36_000_000) as f64 - 18_000_000.0) / 10f64.powi(rng.below(9) as i32));
        // few bits after the point: two shortest forms equally near (600.00006103515625)
        values.push((rng.next() >> 11) as f64 / 2f64.powi(rng.below(60) as i32));
    }
    for f in values {
        let mut ours = String::new();
        f64_digits_to(&mut ours, f);
        assert_eq!(ours, serde_json::to_string(&f).unwrap(), "{f:e}");
        let mut native = String::new();
        f64_to(&mut native, f);
        assert_eq!(native, ours, "{f:e}");
        let f = f as f32;
        let mut ours = String::new();
        f32_to(&mut ours, f);
        assert_eq!(ours, serde_json::to_string(&f).unwrap(), "{f:e}");
    }
    for n in [0u64, 1, 9, 10, u64::MAX] {
        assert_eq!(to_string(&n), serde_json::to_string(&n).unwrap());
    }
}

#[test]
fn strings_are_written_as_serde_json_writes_them() {
    let mut all: String = (0u32..0x300).filter_map(char::from_u32).collect();
    all.push_str("عربي ✓ 😀 \u{2028}\u{feff}\u{fffd}");
    for s in [all.as_str(), "", "plain", "\"", "\\", "a\u{0}b", "\u{1f}\u{7f}"] {
        let mut ours = String::new();
        str_to(&mut ours, s);
        assert_eq!(ours, serde_json::to_string(s).unwrap());
    }
    // each escaped byte, and a plain one beside it, at every place in and
    // around the eight bytes the writer passes over at once
    for (i, special) in ["\"", "\\", "\n", "\u{1}", "\u{1f}", "\u{7f}", " ", "é", "ع"].iter().enumerate() {
        for at in 0..20 {
            for len in [at + 1, at + 7, at + 9, 24] {
                let s: String = (0..len).map(|k| if k == at || k == at + i { *special } else { "x" }).collect();
                let mut ours = String::new();
                str_to(&mut ours, &s);
                assert_eq!(ours, serde_json::to_string(&s).unwrap(), "{s:?}");
            }
        }
    }
}

#[test]
fn values_are_written_as_serde_json_writes_them() {
    let mut rng = Rng(99);
    for _ in 0..5_000 {
        let mut t = String::new();
        random_text(&mut rng, 0, &mut t);
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&t) {
            assert_eq!(Value::from(&v).to_string(), v.to_string(), "{t:?}");
            assert_eq!(super::Number::PosInt(3).to_string(), "3");
        }
    }
    // Display of a number, as the article parser quotes a timestamp
    for t in ["1700000000", "-5", "1.7e9", "1700000000.5", "1e20"] {
        let v: serde_json::Value = serde_json::from_str(t).unwrap();
        let Value::Number(n) = Value::from(&v) else { panic!() };
        let serde_json::Value::Number(m) = v else { panic!() };
        assert_eq!(n.to_string(), m.to_string());
    }
}

#[test]
fn strings_end_and_escape_wherever_the_eight_byte_steps_fall() {
    for special in ["\"", "\\n", "\\\"", "\\u0628", "\u{1}", "\u{1f}", "\n", "\u{7f}", " ", "ب", "é", "!", "]"] {
        for at in 0..20 {
            for tail in [0, 1, 7, 8, 9] {
                let s = format!("\"{}{special}{}\"", "x".repeat(at), "ب".repeat(tail));
                same_stream(&s);
                same_stream(&format!("{{\"k{}\": {s}}}", "y".repeat(at)));
            }
        }
    }
}
