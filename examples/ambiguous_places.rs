//! Generates `data/curated/ambiguous_places.tsv`: one-word Arabic spellings
//! that the gazetteer knows as a place but that the gold Arabic corpora tag
//! far more often as an ordinary word (or a person's name) than as a place.
//!
//! Counted on the training parts only (the same splits as the tagger's:
//! NewsFANE sentences 0–70%, `ner_ar/anercorp/ANERcorp_train.txt` sentences
//! 0–75%, WikiFANE Gold sentences 0–80%); no other copy of ANERcorp is read.
//! For every word whose normalised key (or a reading with one or two
//! proclitics و ف ب ل ك stripped, as the recogniser reads it) is a gazetteer
//! name: `place` when it is tagged as a place, `other` when it is O or in a
//! person's name; a word inside an organisation or other name counts as
//! neither. The surface key (clitic kept, "فعاليه") is counted too when a
//! stripped reading matched.
//!
//! Run: `cargo run --release --example ambiguous_places > data/curated/ambiguous_places.tsv`
//! (devdata from `ATLAS_DEVDATA` or ../shared/devdata, as for `eval`).

use std::collections::BTreeMap;

use article_atlas::internals::gazetteer::lookup;
use article_atlas::internals::normalize_key;

/// A spelling is ambiguous when it is not a place at least this many times…
const MIN_OTHER: usize = 3;
/// …and at least this many times as often as it is one.
const RATIO: usize = 2;

/// Fine NewsFANE/WikiFANE types that name places (as in `eval`).
const FANE_PLACES: &[&str] = &[
    "Nation",
    "Population-Center",
    "State-or-Province",
    "County-or-District",
    "GPE-Cluster",
    "Continent",
    "Water-Body",
    "Land-Region-Natural",
];

/// Fine NewsFANE/WikiFANE types that name people (as in `eval`).
const FANE_PEOPLE: &[&str] = &[
    "Politician",
    "Athlete",
    "Artist",
    "Other_PER",
    "Religious_PER",
    "Scientist",
    "Businessperson",
    "Lawyer",
    "Engineer",
    "Police",
];

/// What a word is tagged as.
#[derive(Clone, Copy, PartialEq)]
enum Tag {
    Place,
    Person,
    /// Inside another kind of name (an organisation, a facility, ...).
    OtherName,
    O,
}

/// (word, tag) sentences.
type Sentence = Vec<(String, Tag)>;

fn read(path: &str) -> String {
    let p = article_atlas::eval::devdata_dir().join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Sentences of a two-column BIO file; `sep` splits word and tag; a blank
/// line (or one holding only separators) ends a sentence.
fn sentences(text: &str, sep: char, kind: impl Fn(&str) -> Tag) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur: Sentence = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r').replace(['\u{200E}', '\u{FEFF}'], "");
        let (w, tag) = line.split_once(sep).unwrap_or((&line, ""));
        let (w, tag) = (w.trim(), tag.trim());
        if w.is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let tag = tag.split_once('-').map_or(Tag::O, |(_, t)| kind(t));
        cur.push((w.to_string(), tag));
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The first `share` of the sentences (rounded to the nearest whole one).
fn head(mut v: Vec<Sentence>, share: f64) -> Vec<Sentence> {
    let n = (v.len() as f64 * share).round() as usize;
    v.truncate(n);
    v
}

/// The readings of a first word: its key, and with one or two proclitics
/// stripped ("وبالعراق" → "بالعراق", "العراق"; "للعراق" → "العراق").
fn readings(key: &str) -> Vec<String> {
    let mut out = vec![key.to_string()];
    let mut k = key;
    for _ in 0..2 {
        let mut cs = k.chars();
        let Some(c) = cs.next().filter(|c| "وفبلك".contains(*c)) else { break };
        let rest = cs.as_str();
        if rest.chars().count() < 2 {
            break;
        }
        if c == 'ل' && rest.starts_with('ل') {
            out.push(format!("ا{rest}"));
        }
        out.push(rest.to_string());
        k = rest;
    }
    out
}

#[derive(Default)]
struct Count {
    place: usize,
    other: usize,
}

fn count(sents: &[Sentence], counts: &mut BTreeMap<String, Count>) {
    for s in sents {
        let keys: Vec<String> = s.iter().map(|(w, _)| normalize_key(w)).collect();
        for i in 0..s.len() {
            if keys[i].chars().count() < 2 {
                continue;
            }
            // one word only: longer names the corpora leave untagged are
            // descriptions by the annotation guidelines ("المنطقة الشرقية",
            // "الجنوب اللبناني"), not ordinary words
            let tag = s[i].1;
            // inside an organisation or facility name: neither
            if tag == Tag::OtherName {
                continue;
            }
            // the surface spelling once ("فعاليه" for "عاليه"), when only a
            // stripped reading is a name
            let mut surface = !lookup(&keys[i]).is_empty();
            for key in readings(&keys[i]).iter() {
                if lookup(key).is_empty() {
                    continue;
                }
                let mut add = |k: &str| {
                    let c = counts.entry(k.to_string()).or_default();
                    if tag == Tag::Place {
                        c.place += 1;
                    } else {
                        c.other += 1;
                    }
                };
                add(key);
                if !surface {
                    add(&keys[i]);
                    surface = true;
                }
            }
        }
    }
}

fn main() {
    let fane = |t: &str| {
        if FANE_PLACES.contains(&t) {
            Tag::Place
        } else if FANE_PEOPLE.contains(&t) {
            Tag::Person
        } else {
            Tag::OtherName
        }
    };
    let aner = |t: &str| match t {
        "LOC" => Tag::Place,
        "PERS" => Tag::Person,
        _ => Tag::OtherName,
    };
    let mut counts = BTreeMap::new();
    let sources = [
        ("NewsFANE 0-70%", head(sentences(&read("ner_ar/NewsFANE_Gold_2014_170K.txt"), '\t', fane), 0.70)),
        ("ANERcorp_train 0-75%", head(sentences(&read("ner_ar/anercorp/ANERcorp_train.txt"), ' ', aner), 0.75)),
        ("WikiFANE 0-80%", head(sentences(&read("ner_ar/wikifane/WikiFANE_Gold_2014_500K.txt"), '\t', fane), 0.80)),
    ];
    for (_, s) in &sources {
        count(s, &mut counts);
    }
    let names: Vec<&str> = sources.iter().map(|(n, _)| *n).collect();
    println!("# @generated by `cargo run --release --example ambiguous_places > data/curated/ambiguous_places.tsv`");
    println!("# One-word Arabic spellings the gazetteer knows as places that the gold corpora tag far more often as");
    println!("# an ordinary word (O) or a person's name: at least {MIN_OTHER} times and {RATIO}x as often as a place.");
    println!("# Source: training parts of {} (../shared/devdata).", names.join(", "));
    println!("# key<TAB>times a place<TAB>times not a place<TAB>source");
    for (k, c) in &counts {
        if c.other >= MIN_OTHER && c.other >= RATIO * c.place {
            println!("{k}\t{}\t{}\tgold corpora, training parts", c.place, c.other);
        }
    }
}
