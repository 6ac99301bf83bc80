//! The gazetteer's word tables only analysis reads: weak common words
//! (`curated/stopwords.tsv`), US state abbreviations and demonyms. They
//! come with the late word lists ([`crate::lists`]): the map and the
//! article's text are drawn without them.

use crate::hash::FnvBuild;
use crate::lists::{text, Late, List};
use crate::text::normalize_key;
use std::collections::{HashMap, HashSet};

/// Arabic endings that turn a masculine nisba into its other forms:
/// feminine, plurals (oblique and nominative) and feminine plural.
const NISBA_SUFFIXES: &[&str] = &["", "ه", "ين", "ون", "ات"];

struct WordTables {
    /// Keys of weak common words.
    weak: HashSet<String, FnvBuild>,
    /// Keys of the US state abbreviations news writes ("ind", "w.va").
    state_abbr: HashSet<String, FnvBuild>,
    /// Demonym key → iso2: hashed, as every reading of every word asks
    /// (a binary search of the sorted keys was 2% of English analysis).
    demonyms: HashMap<String, &'static str, FnvBuild>,
    /// Rows that did not parse.
    skipped: usize,
}

fn tables() -> &'static WordTables {
    static T: Late<WordTables> = Late::new();
    T.get(build)
}

/// A list's data rows, split into fields ([`crate::tsv::rows`]).
fn rows(list: List) -> impl Iterator<Item = Vec<&'static str>> {
    crate::tsv::rows(text(list))
}

fn build() -> WordTables {
    let mut skipped = 0;
    let mut weak = Vec::new();
    for row in rows(List::Stopwords).skip(1) {
        match row.as_slice() {
            ["weak", key, _] => {
                let key = normalize_key(key);
                // the caller also tries an Arabic word without its article (a
                // bare weak word leaves the article form alone: عقبة, not العقبة)
                if let Some(bare) = key.strip_prefix("ال").filter(|b| b.chars().count() >= 2) {
                    weak.push(bare.to_string());
                }
                weak.push(key);
            }
            [_, _, _] => {}
            _ => skipped += 1,
        }
    }
    let mut state_abbr = Vec::new();
    for row in rows(List::StateAbbreviations).skip(1) {
        match row.as_slice() {
            [abbr, _, _] => state_abbr.push(super::name_key(abbr)),
            _ => skipped += 1,
        }
    }

    let mut demonyms = Vec::new();
    for row in rows(List::CuratedDemonyms).skip(1) {
        let [iso2, en, ar, _source] = row[..] else {
            skipped += 1;
            continue;
        };
        for form in en.split('|').filter(|f| !f.is_empty()) {
            let key = normalize_key(form);
            if (key.ends_with('n') && !key.ends_with("man")) || key.ends_with('i') {
                demonyms.push((format!("{key}s"), iso2));
            }
            demonyms.push((key, iso2));
        }
        for form in ar.split('|').filter(|f| !f.is_empty()) {
            let words: Vec<String> = normalize_key(form).split(' ').map(str::to_string).collect();
            for suffix in NISBA_SUFFIXES {
                for article in ["", "ال"] {
                    let key: Vec<String> = words.iter().map(|w| format!("{article}{w}{suffix}")).collect();
                    demonyms.push((key.join(" "), iso2));
                }
            }
        }
    }
    crate::sort::sort(&mut demonyms);
    demonyms.dedup_by(|a, b| a.0 == b.0);
    WordTables {
        weak: weak.into_iter().collect(),
        state_abbr: state_abbr.into_iter().collect(),
        demonyms: demonyms.into_iter().collect(),
        skipped,
    }
}

/// The country (ISO alpha-2) a demonym or adjective points to
/// ("الهولندية", "Dutch", "العراقيين"), by its normalised key.
pub fn demonym(key: &str) -> Option<&'static str> {
    tables().demonyms.get(key).copied()
}

/// True for keys that are also common words ("reading", "us", "nice"): a
/// recogniser should take them as places only when capitalised.
pub fn is_common_word(key: &str) -> bool {
    tables().weak.contains(key)
}

/// True for the key of a US state abbreviation as news writes it ("ind"
/// of "Ind.", "w.va" of "W.Va."): data/curated/us_state_abbreviations.tsv.
pub fn is_state_abbreviation(key: &str) -> bool {
    tables().state_abbr.contains(key)
}

/// Rows of these tables that did not parse.
pub(super) fn skipped() -> usize {
    tables().skipped
}

/// How many demonym keys there are.
pub(super) fn demonyms_len() -> usize {
    tables().demonyms.len()
}
