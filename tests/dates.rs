//! Table-driven tests of date finding: every row of `dates_cases.json` is a
//! text, its language and publication date, and the dates expected in it
//! (exact text, ISO value, precision, derivation), in order.

use article_atlas::internals::{find_dates, find_time_refs, parse_date_string, tokenize};
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    text: String,
    value: String,
    precision: String,
    derivation: String,
    /// When given, the two ends of a range as TimeML marks them
    /// ("[April 24] and [25]"): text and value of each.
    #[serde(default)]
    parts: Option<Vec<ExpectedRef>>,
}

/// A time reference that is no date ("now", "مؤخرا") and its TimeML value.
#[derive(Deserialize)]
struct ExpectedRef {
    text: String,
    value: String,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    lang: String,
    #[serde(default)]
    published: Option<String>,
    text: String,
    expect: Vec<Expected>,
    /// When given, the time references found (`find_time_refs`), in order.
    #[serde(default)]
    refs: Option<Vec<ExpectedRef>>,
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
        for (e, f) in c.expect.iter().zip(&found) {
            let Some(parts) = &e.parts else { continue };
            let got: Vec<(String, String)> = f
                .parts
                .iter()
                .map(|p| (c.text.chars().skip(p.start).take(p.end - p.start).collect(), p.value.value.clone()))
                .collect();
            let want: Vec<(String, String)> = parts.iter().map(|r| (r.text.clone(), r.value.clone())).collect();
            if got != want {
                failures.push(format!("{} (parts of {}):\n  want {want:?}\n  got  {got:?}", c.name, e.text));
            }
        }
        if let Some(refs) = &c.refs {
            let got: Vec<(String, String)> = find_time_refs(&tokens, &found)
                .iter()
                .map(|r| (c.text.chars().skip(r.start).take(r.end - r.start).collect(), r.kind.timeml().to_string()))
                .collect();
            let want: Vec<(String, String)> = refs.iter().map(|r| (r.text.clone(), r.value.clone())).collect();
            if got != want {
                failures.push(format!("{} (references):\n  want {want:?}\n  got  {got:?}", c.name));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

/// Random texts built from date-like fragments never panic, and every span
/// found lies inside the text, in order, without overlap.
#[test]
fn random_texts_never_panic() {
    const PARTS: &[&str] = &[
        " ",
        "،",
        ",",
        "-",
        "/",
        ".",
        "(",
        ")",
        "8",
        "31",
        "2022",
        "1436",
        "٨",
        "هـ",
        "ديسمبر",
        "كانون",
        "الأول",
        "آب",
        "أمس",
        "وأمس",
        "اليوم",
        "الخميس",
        "الماضي",
        "المقبل",
        "منذ",
        "يومين",
        "عام",
        "شوال",
        "ربيع",
        "December",
        "May",
        "last",
        "next",
        "week",
        "Thursday",
        "ago",
        "two",
        "between",
        "and",
        "to",
        "early",
        "'s",
        "0",
        "99999",
        "T",
        "\n",
        "من",
        "و10",
        "بين",
        "29",
        "فبراير",
        "February",
        "9999",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let pubs =
        [None, parse_date_string("2022-12-08"), parse_date_string("0001-01-01"), parse_date_string("9999-12-31")];
    for _ in 0..3000 {
        let n = (next() % 14) as usize;
        let text: String = (0..n).map(|_| PARTS[(next() % PARTS.len() as u64) as usize]).collect::<Vec<_>>().join(" ");
        let published = pubs[(next() % pubs.len() as u64) as usize];
        let len = text.chars().count();
        let found = find_dates(&text, &tokenize(&text), if next() % 2 == 0 { "ar" } else { "en" }, published);
        let mut at = 0;
        for f in &found {
            assert!(f.start >= at && f.start < f.end && f.end <= len, "bad span {}..{} in {text:?}", f.start, f.end);
            assert!(f.value.start <= f.value.end, "{text:?}");
            at = f.end;
        }
    }
}

/// A range joined from two dates keeps them as its parts, each with its
/// own span and value; a date read alone has none.
#[test]
fn range_parts() {
    let text = "Three doctors were shot between 1994 and 1997, and one in 1998.";
    let found = find_dates(text, &tokenize(text), "en", parse_date_string("1998-10-25"));
    let span = |s: usize, e: usize| text.chars().skip(s).take(e - s).collect::<String>();
    let parts: Vec<Vec<(String, String)>> =
        found.iter().map(|f| f.parts.iter().map(|p| (span(p.start, p.end), p.value.value.clone())).collect()).collect();
    let y = |s: &str| (s.to_string(), s.to_string());
    assert_eq!(parts, vec![vec![y("1994"), y("1997")], vec![]]);
}
