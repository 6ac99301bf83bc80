//! Table-driven tests of date finding: every row of `dates_cases.json` is a
//! text, its language and publication date, and the dates expected in it
//! (exact text, ISO value, precision, derivation), in order.

use article_atlas::internals::{find_dates, parse_date_string, tokenize};
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    text: String,
    value: String,
    precision: String,
    derivation: String,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    lang: String,
    #[serde(default)]
    published: Option<String>,
    text: String,
    expect: Vec<Expected>,
}

fn tag<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

#[test]
fn date_cases() {
    let raw = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/dates_cases.json")).unwrap();
    let cases: Vec<Case> = serde_json::from_str(&raw).unwrap();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let published = c.published.as_deref().map(|p| parse_date_string(p).unwrap());
        let tokens = tokenize(&c.text);
        let found = find_dates(&c.text, &tokens, &c.lang, published);
        let got: Vec<(String, String, String, String)> = found
            .iter()
            .map(|f| {
                let text: String = c.text.chars().skip(f.start).take(f.end - f.start).collect();
                (text, f.value.value.clone(), tag(&f.value.precision), tag(&f.value.derivation))
            })
            .collect();
        let want: Vec<(String, String, String, String)> = c
            .expect
            .iter()
            .map(|e| (e.text.clone(), e.value.clone(), e.precision.clone(), e.derivation.clone()))
            .collect();
        if got != want {
            failures.push(format!("{}:\n  want {want:?}\n  got  {got:?}", c.name));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
