//! How the gazetteer fares on the annotated development data in
//! ../shared/devdata (not part of the repo): coverage of annotated place
//! names and places found in words annotated as something else.
//! Run with `cargo test --test gazetteer_devdata -- --ignored --nocapture`.

use std::collections::HashMap;
use std::path::PathBuf;

use article_atlas::internals::gazetteer::{places, resolve_name};

fn devdata(path: &str) -> Option<String> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/devdata").join(path);
    let p = if p.exists() { p } else { PathBuf::from("/work/shared/devdata").join(path) };
    std::fs::read_to_string(p).ok()
}

/// (tokens, tags) of a BIO-tagged two-or-more-column file.
fn read_bio(text: &str, tag_col: usize) -> Vec<(String, String)> {
    text.lines()
        .map(|l| l.trim_end_matches('\r').replace(['\u{200E}', '\u{FEFF}'], ""))
        .filter_map(|l| {
            let cols: Vec<&str> = l.split(['\t', ' ']).collect();
            Some((cols.first()?.to_string(), cols.get(tag_col)?.to_string()))
        })
        .collect()
}

/// Entities as (text, type) and the unannotated tokens.
fn entities(rows: &[(String, String)]) -> (Vec<(String, String)>, Vec<String>) {
    let mut ents: Vec<(String, String)> = Vec::new();
    let mut outside = Vec::new();
    let mut prev = "O";
    for (tok, tag) in rows {
        let continues = prev != "O" && prev.get(2..) == tag.get(2..);
        prev = tag;
        if let Some(t) = tag.strip_prefix("B-") {
            ents.push((tok.clone(), t.to_string()));
        } else if let Some(t) = tag.strip_prefix("I-") {
            // IOB1 (CoNLL) starts entities with I- too
            match ents.last_mut() {
                Some(e) if continues && e.1 == t => {
                    e.0.push(' ');
                    e.0.push_str(tok);
                }
                _ => ents.push((tok.clone(), t.to_string())),
            }
        } else if tag == "O" {
            outside.push(tok.clone());
        }
    }
    (ents, outside)
}

fn report(lang: &str, ents: &[(String, String)], outside: &[String], place_types: &[&str]) {
    let mut found = 0;
    let mut total = 0;
    let mut missed: HashMap<&str, usize> = HashMap::new();
    for (text, _) in ents.iter().filter(|(_, t)| place_types.contains(&t.as_str())) {
        total += 1;
        match resolve_name(text) {
            Some(_) => found += 1,
            None => *missed.entry(text).or_default() += 1,
        }
    }
    let mut false_hits: HashMap<(String, String), usize> = HashMap::new();
    for tok in outside {
        if let Some(i) = resolve_name(tok) {
            let p = &places()[i as usize];
            *false_hits.entry((tok.clone(), format!("{} {}", p.id, p.name_en))).or_default() += 1;
        }
    }
    let mut missed: Vec<_> = missed.into_iter().collect();
    missed.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut hits: Vec<_> = false_hits.into_iter().collect();
    hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let fh: usize = hits.iter().map(|h| h.1).sum();
    println!(
        "{lang}: annotated place names found {found}/{total} ({:.1}%); unannotated tokens resolving to a place: {fh} of {}",
        100.0 * found as f64 / total.max(1) as f64,
        outside.len()
    );
    println!("  most missed: {:?}", &missed[..missed.len().min(40)]);
    println!("  most frequent false hits: {:?}", &hits[..hits.len().min(60)]);
}

#[test]
#[ignore = "needs ../shared/devdata"]
fn arabic_newsfane() {
    let Some(text) = devdata("ner_ar/NewsFANE_Gold_2014_170K.txt") else {
        println!("skipped: devdata not found");
        return;
    };
    let (ents, outside) = entities(&read_bio(&text, 1));
    let types = ["Nation", "Population-Center", "State-or-Province", "GPE-Cluster", "Continent", "County-or-District"];
    report("NewsFANE (ar)", &ents, &outside, &types);
}

#[test]
#[ignore = "needs ../shared/devdata"]
fn english_conll() {
    let Some(text) = devdata("ner_en/conll2003_eng.testa") else {
        println!("skipped: devdata not found");
        return;
    };
    let (ents, outside) = entities(&read_bio(&text, 3));
    report("CoNLL testa (en)", &ents, &outside, &["LOC"]);
}
