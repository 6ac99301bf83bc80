//! Prints, for every Arabic word of the gold training parts, how often it
//! is inside a person's name, inside another name, and an ordinary word
//! (O), under its normalised key: what `scripts/gen_names.py` reads to
//! keep ordinary words ("سعيد" as "happy", "الامين") out of the list of
//! person names.
//!
//! Counted on the training parts only (the tagger's splits: NewsFANE
//! sentences 0–70%, `ner_ar/anercorp/ANERcorp_train.txt` sentences 0–75%,
//! WikiFANE Gold sentences 0–80%, Wojood sample train.txt); no other copy
//! of ANERcorp is read. NewsFANE's and WikiFANE's clitics stay apart, as
//! annotated.
//!
//! Run: `cargo run --release -q --example word_gold_counts` (devdata from
//! `ATLAS_DEVDATA` or ../shared/devdata, as for `eval`). Output: a comment
//! line naming the parts, then `key<TAB>person<TAB>other name<TAB>O`,
//! sorted by key.

use article_atlas::internals::tagger::corpus::{arabic_word_counts, training_parts, training_words, ARABIC};

fn read(path: &str) -> Result<String, String> {
    let p = article_atlas::eval::devdata_dir().join(path);
    std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))
}

fn main() {
    let sentences = training_words(&ARABIC, &mut read).unwrap_or_else(|e| panic!("{e}"));
    let counts = arabic_word_counts(&sentences);
    println!("# training parts of {}", training_parts(&ARABIC));
    for (k, [p, n, o]) in &counts {
        println!("{k}\t{p}\t{n}\t{o}");
    }
}
