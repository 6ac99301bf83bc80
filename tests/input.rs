//! Table-driven tests of input parsing: every row of `input_cases.json` is
//! an input (text, bytes, or a generated huge or deep one) and either the
//! articles expected from it (only the fields the row names are checked) or
//! the error expected (a part of its message, and its position or field).

use article_atlas::{parse_articles, Article};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct Repeat {
    prefix: String,
    times: usize,
    suffix: String,
}

#[derive(Deserialize)]
struct ErrorExpect {
    /// The kind an interface reads to say the error in its own language.
    kind: String,
    contains: String,
    #[serde(default)]
    line: Option<usize>,
    #[serde(default)]
    column: Option<usize>,
    #[serde(default)]
    field: Option<String>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    #[serde(default)]
    input: Option<String>,
    /// Raw bytes, for inputs that are not valid UTF-8.
    #[serde(default)]
    bytes: Option<Vec<u8>>,
    /// `prefix` + `repeat` × `times` + `suffix`, for huge and deep inputs.
    #[serde(default)]
    repeat: Option<(String, Repeat)>,
    #[serde(default)]
    articles: Option<Vec<Value>>,
    #[serde(default)]
    error: Option<ErrorExpect>,
}

fn input_of(c: &Case) -> Vec<u8> {
    if let Some(b) = &c.bytes {
        return b.clone();
    }
    if let Some((unit, r)) = &c.repeat {
        let mut s = r.prefix.clone();
        s.push_str(&unit.repeat(r.times));
        s.push_str(&r.suffix);
        return s.into_bytes();
    }
    c.input.clone().unwrap_or_default().into_bytes()
}

/// Compares the fields named in `want` with the article's JSON form.
/// `warnings` lists substrings that some warning must contain; `published`
/// is the parsed date as ISO text (or null).
fn check(a: &Article, want: &Value) -> Vec<String> {
    let got = serde_json::to_value(a).unwrap();
    let mut errs = Vec::new();
    for (k, w) in want.as_object().unwrap() {
        match k.as_str() {
            "warnings" => {
                for part in w.as_array().unwrap() {
                    let part = part.as_str().unwrap();
                    if !a.warnings.iter().any(|x| x.contains(part)) {
                        errs.push(format!("no warning contains {part:?}: {:?}", a.warnings));
                    }
                }
            }
            "no_warnings" => {
                if !a.warnings.is_empty() {
                    errs.push(format!("unexpected warnings {:?}", a.warnings));
                }
            }
            "published" => {
                let d = a
                    .published
                    .as_ref()
                    .and_then(|p| p.date)
                    .map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day));
                if Value::from(d.clone()) != *w {
                    errs.push(format!("published: want {w}, got {d:?}"));
                }
            }
            "published_raw" => {
                let raw = a.published.as_ref().map(|p| p.raw.clone());
                if Value::from(raw.clone()) != *w {
                    errs.push(format!("published_raw: want {w}, got {raw:?}"));
                }
            }
            "text_lacks" => {
                let all = format!("{} {:?} {:?} {:?} {:?}", a.title, a.paragraphs, a.source, a.authors, a.section);
                for part in w.as_array().unwrap() {
                    let part = part.as_str().unwrap();
                    if all.contains(part) {
                        errs.push(format!("text still holds {part:?}: {all}"));
                    }
                }
            }
            field => {
                let g = got.get(field).cloned().unwrap_or(Value::Null);
                if g != *w {
                    errs.push(format!("{field}: want {w}, got {g}"));
                }
            }
        }
    }
    errs
}

#[test]
fn input_cases() {
    let raw = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/input_cases.json")).unwrap();
    let cases: Vec<Case> = serde_json::from_str(&raw).unwrap();
    assert!(cases.len() >= 40, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let result = parse_articles(&input_of(c));
        match (&c.articles, &c.error, result) {
            (Some(want), None, Ok(got)) => {
                if want.len() != got.len() {
                    failures.push(format!("{}: want {} articles, got {}", c.name, want.len(), got.len()));
                    continue;
                }
                for (i, (w, a)) in want.iter().zip(&got).enumerate() {
                    for e in check(a, w) {
                        failures.push(format!("{} (article {}): {e}", c.name, i + 1));
                    }
                }
            }
            (None, Some(want), Err(e)) => {
                if format!("{:?}", e.kind) != want.kind {
                    failures.push(format!("{}: error kind {:?}, want {}", c.name, e.kind, want.kind));
                }
                if !e.message.contains(&want.contains) {
                    failures.push(format!("{}: error {:?} lacks {:?}", c.name, e.message, want.contains));
                }
                if want.line.is_some() && want.line != e.line || want.column.is_some() && want.column != e.column {
                    failures.push(format!(
                        "{}: error at {:?}:{:?}, want {:?}:{:?}",
                        c.name, e.line, e.column, want.line, want.column
                    ));
                }
                if want.field.is_some() && want.field != e.field {
                    failures.push(format!("{}: error field {:?}, want {:?}", c.name, e.field, want.field));
                }
                if e.message.chars().next().is_some_and(char::is_uppercase) {
                    failures.push(format!("{}: error message is not lowercase: {}", c.name, e.message));
                }
            }
            (_, _, Ok(got)) => failures.push(format!("{}: expected an error, got {} articles", c.name, got.len())),
            (_, _, Err(e)) => failures.push(format!("{}: unexpected error {:?}", c.name, e.message)),
        }
    }
    assert!(failures.is_empty(), "{} failures in {} cases:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

/// Random inputs (mutated articles and random bytes) never panic.
#[test]
fn random_inputs_never_panic() {
    let seeds: &[&[u8]] = &[
        br#"{"title":"T","body":["<p>a &amp; b</p>"],"published":"8 Dec 2022","author":[{"name":"x"}]}"#,
        br#"{"@graph":[{"@type":"NewsArticle","headline":"h","articleBody":"b"}]}"#,
        br#"{"articles":[{"title":"a","content":"b [+12 chars]","source":{"name":"s"}}]}"#,
        "عنوان\n\nالخميس, 8 ديسمبر - 2022\n\nنص المقال".as_bytes(),
        br#"<!DOCTYPE html><html lang="ar"><script type="application/ld+json">{"headline":"h","articleBody":"b"}</script><article><h1>t</h1><p>x</p></article>"#,
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..4000 {
        let mut input = seeds[round % seeds.len()].to_vec();
        for _ in 0..(next() % 6) {
            if input.is_empty() {
                break;
            }
            let at = (next() % input.len() as u64) as usize;
            match next() % 4 {
                0 => input[at] = (next() % 256) as u8,
                1 => {
                    input.remove(at);
                }
                2 => input.insert(at, b"{[<&\"\\:,}]>#;"[(next() % 13) as usize]),
                _ => {
                    let tail = input[at..].to_vec();
                    input.extend_from_slice(&tail);
                }
            }
        }
        let _ = parse_articles(&input);
    }
}
