//! Paragraphs as the writer meant them (`src/article/reflow.rs`).
//!
//! - `paragraph_cases.json`: one row per rule, the text given as a JSON
//!   body field (or, with `"plain": true`, as a whole plain-text input).
//! - Real copy re-wrapped three ways (wire: 65 columns with an indented first
//!   line; e-mail: 72 columns and blank lines; PDF: 60 columns, nothing
//!   else), English from TimeBank/AQUAINT and Arabic from SaudiNewsNet: the
//!   paragraphs read back must be the source's.
//! - The Reuters-21578 wire sample (`scripts/wire-sample.sh`): as many
//!   paragraphs as the copy marks.

mod common;

use article_atlas::parse_articles;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    input: String,
    #[serde(default)]
    plain: bool,
    #[serde(default)]
    title: Option<String>,
    paragraphs: Vec<String>,
}

fn read_body(text: &str) -> Vec<String> {
    let json = serde_json::json!({"title": "t", "body": text}).to_string();
    parse_articles(json.as_bytes()).map(|a| a[0].paragraphs.clone()).unwrap_or_default()
}

#[test]
fn paragraph_cases() {
    let raw = std::fs::read_to_string(common::root().join("tests/paragraph_cases.json")).unwrap();
    let cases: Vec<Case> = serde_json::from_str(&raw).unwrap();
    assert!(cases.len() >= 15, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let (title, got) = if c.plain {
            match parse_articles(c.input.as_bytes()) {
                Ok(a) => (Some(a[0].title.clone()), a[0].paragraphs.clone()),
                Err(e) => (None, vec![format!("error: {e}")]),
            }
        } else {
            (None, read_body(&c.input))
        };
        if got != c.paragraphs {
            failures.push(format!("{}:\n  want {:?}\n  got  {:?}", c.name, c.paragraphs, got));
        }
        if let Some(t) = &c.title {
            if title.as_ref() != Some(t) {
                failures.push(format!("{}: title {title:?}, want {t:?}", c.name));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[derive(Clone, Copy, Debug)]
enum Style {
    Wire,
    Email,
    Pdf,
}

fn render(paragraphs: &[String], style: Style) -> String {
    let mut lines: Vec<String> = Vec::new();
    for p in paragraphs {
        match style {
            Style::Wire => lines.extend(common::wrap(p, 65, 4)),
            Style::Email => {
                if !lines.is_empty() {
                    lines.push(String::new());
                }
                lines.extend(common::wrap(p, 72, 0));
            }
            Style::Pdf => lines.extend(common::wrap(p, 60, 0)),
        }
    }
    lines.join("\n")
}

/// Re-wraps every document of `docs` in `style` and reads it back: the
/// share of documents whose paragraphs come back exactly, and the share of
/// paragraph breaks found and of breaks made up.
fn rewrap(docs: &[common::Doc], style: Style) -> (usize, usize, usize, usize, usize) {
    let (mut exact, mut n, mut breaks, mut found, mut made_up) = (0, 0, 0, 0, 0);
    for d in docs.iter().filter(|d| !d.paragraphs.is_empty()) {
        n += 1;
        let got = read_body(&render(&d.paragraphs, style));
        if got == d.paragraphs {
            exact += 1;
        }
        if got != d.paragraphs && std::env::var_os("SHOW_DIFF").is_some() {
            eprintln!("--- {} {style:?}", d.name);
            for (i, p) in got.iter().enumerate() {
                if !d.paragraphs.contains(p) {
                    eprintln!("  got {i}: {p}");
                }
            }
        }
        // Breaks as the number of words before them.
        let offsets = |ps: &[String]| -> Vec<usize> {
            let mut at = 0;
            ps.iter()
                .map(|p| {
                    at += p.split_whitespace().count();
                    at
                })
                .collect()
        };
        let want = offsets(&d.paragraphs);
        let have = offsets(&got);
        breaks += want.len();
        found += want.iter().filter(|o| have.contains(o)).count();
        made_up += have.iter().filter(|o| !want.contains(o)).count();
    }
    (n, exact, breaks, found, made_up)
}

#[test]
fn real_copy_rewrapped_reads_back() {
    let en = common::timebank();
    let ar = common::saudinewsnet();
    if en.is_empty() || ar.is_empty() {
        eprintln!("skipped: development data not found in {}", common::devdata().display());
        return;
    }
    let mut failures = Vec::new();
    for (lang, docs) in [("en", &en), ("ar", &ar)] {
        for style in [Style::Wire, Style::Email, Style::Pdf] {
            let (n, exact, breaks, found, made_up) = rewrap(docs, style);
            let recall = found as f64 / breaks.max(1) as f64;
            let false_rate = made_up as f64 / breaks.max(1) as f64;
            eprintln!(
                "{lang} {style:?}: {exact}/{n} documents exact, {found}/{breaks} breaks found ({:.1}%), {made_up} made up",
                recall * 100.0
            );
            // Wire and e-mail copy mark every paragraph: all must come back.
            // PDF text marks none: a paragraph whose last line happens to be
            // full cannot be told from a wrap; the short last lines can.
            let (min_recall, max_false) = match style {
                Style::Wire | Style::Email => (0.99, 0.01),
                Style::Pdf => (0.75, 0.02),
            };
            if recall < min_recall || false_rate > max_false {
                failures.push(format!("{lang} {style:?}: recall {recall:.3}, made up {false_rate:.3}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn wire_sample_has_the_paragraphs_the_copy_marks() {
    let stories = common::wire();
    if stories.is_empty() {
        eprintln!("skipped: no wire sample in {} (run scripts/wire-sample.sh)", common::wire_dir().display());
        return;
    }
    let (mut marked, mut got, mut lines, mut off) = (0, 0, 0, Vec::new());
    for s in &stories {
        let a = parse_articles(s.copy.as_bytes()).expect("a wire story parses");
        let n = a[0].paragraphs.len() + usize::from(!a[0].title.is_empty());
        marked += s.marked;
        got += n;
        lines += s.copy.lines().filter(|l| !l.trim().is_empty()).count();
        if n != s.marked {
            off.push(format!("{}: {n} paragraphs, the copy marks {}", s.name, s.marked));
        }
    }
    eprintln!(
        "wire sample: {} stories, {lines} lines, {marked} paragraphs marked, {got} read; {} stories differ",
        stories.len(),
        off.len()
    );
    for o in off.iter().take(10) {
        eprintln!("  {o}");
    }
    // "About as many paragraphs as the copy has": within 5% overall.
    assert!(got.abs_diff(marked) * 20 <= marked, "{got} paragraphs read, {marked} marked");
}
