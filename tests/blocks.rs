//! No mention, date or event span crosses a block (the title or a
//! paragraph), on many real articles: the 50 SaudiNewsNet Arabic
//! development articles, the TimeBank and AQUAINT texts, and the
//! Reuters-21578 wire sample (`scripts/wire-sample.sh`). Blocks are the unit
//! of every recogniser: rules, gazetteer, tagger, dates and their merges.

mod common;

use article_atlas::{analyze, parse_articles, Analysis};

/// Spans of `a` that do not lie inside one block.
fn crossing(a: &Analysis) -> Vec<String> {
    let inside = |s: usize, e: usize| a.blocks.iter().any(|b| b.start <= s && e <= b.end);
    let chars: Vec<char> = a.text.chars().collect();
    let show = |s: usize, e: usize| -> String { chars.get(s..e.min(chars.len())).unwrap_or(&[]).iter().collect() };
    let mut out = Vec::new();
    for m in &a.mentions {
        if !inside(m.start, m.end) {
            out.push(format!("mention {:?} {:?}", m.kind, show(m.start, m.end)));
        }
    }
    for d in &a.dates {
        if !inside(d.start, d.end) {
            out.push(format!("date {:?}", show(d.start, d.end)));
        }
    }
    for e in &a.events {
        if !inside(e.trigger_start, e.trigger_end) || !inside(e.start, e.end) {
            out.push(format!("event {} {:?}", e.kind, show(e.start, e.end)));
        }
    }
    out
}

#[test]
fn no_span_crosses_a_block_in_real_articles() {
    let mut inputs: Vec<(String, String)> = Vec::new();
    for d in common::saudinewsnet().into_iter().chain(common::timebank()) {
        let json = serde_json::json!({"title": d.title, "body": d.paragraphs.join("\n\n"), "lang": d.lang});
        inputs.push((d.name, json.to_string()));
    }
    let from_devdata = inputs.len();
    for w in common::wire() {
        inputs.push((w.name, w.copy));
    }
    eprintln!(
        "{} articles: {from_devdata} from {} and {} from the wire sample in {}",
        inputs.len(),
        common::devdata().display(),
        inputs.len() - from_devdata,
        common::wire_dir().display()
    );
    if inputs.is_empty() {
        eprintln!("skipped: no development data and no wire sample");
        return;
    }
    let (mut spans, mut bad) = (0usize, Vec::new());
    for (name, input) in &inputs {
        for a in parse_articles(input.as_bytes()).expect("a real article parses") {
            let analysis = analyze(&a);
            spans += analysis.mentions.len() + analysis.dates.len() + analysis.events.len();
            bad.extend(crossing(&analysis).into_iter().map(|c| format!("{name}: {c}")));
        }
    }
    eprintln!("{spans} spans, {} cross a block", bad.len());
    assert!(bad.is_empty(), "{} of {spans} spans cross a block:\n{}", bad.len(), bad.join("\n"));
}
