//! How each Arabic gold corpus draws organisations: for the head nouns of
//! organisations' names that the recogniser lists (`ar_org_head` in
//! `data/curated/recognise_words.tsv`: "وزارة", "الحكومة", "الجيش", ...),
//! how often the word opens an organisation's name, sits inside a name, or
//! is an ordinary word (O), per corpus. The corpora disagree (ANERcorp leaves
//! ministries, governments and armies unmarked where NewsFANE and WikiFANE
//! mark most of them), so the organisation figures of one model over all of
//! them have a ceiling below 1 that no tagger or rule can pass.
//!
//! Counted on the training parts only (the tagger's splits; no other copy of
//! ANERcorp is read), clitics glued as in running text, words under their
//! normalised key, also with a "و" or "ل" proclitic taken off. Heads met at
//! least [`MIN_SEEN`] times in all, most frequent first.
//!
//! Run: `cargo run --release -q --example org_conventions` (devdata from
//! `ATLAS_DEVDATA` or ../shared/devdata, as for `eval`). A report, not a test.

use article_atlas::internals::normalize_key;
use article_atlas::internals::tagger::corpus::{Split, ARABIC};
use article_atlas::internals::tagger::{kind_of, KINDS};

/// Heads met fewer times than this in the four training parts together are
/// left out of the report.
const MIN_SEEN: usize = 60;

fn read(path: &str) -> Result<String, String> {
    let p = article_atlas::eval::devdata_dir().join(path);
    std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))
}

/// The recogniser's Arabic organisation heads, normalised.
fn heads() -> Vec<String> {
    let lists = include_str!("../data/curated/recognise_words.tsv");
    let mut heads: Vec<String> = lists
        .lines()
        .filter_map(|l| l.strip_prefix("ar_org_head\t"))
        .filter_map(|rest| rest.split('\t').next())
        .map(normalize_key)
        .collect();
    heads.sort();
    heads.dedup();
    heads
}

fn main() {
    let org = KINDS.iter().position(|k| *k == "ORG");
    let heads = heads();
    // per head, per corpus: opens an organisation, inside a name, O
    let mut counts = vec![vec![[0usize; 3]; ARABIC.len()]; heads.len()];
    for (c, corpus) in ARABIC.iter().enumerate() {
        let docs = corpus.load(Split::Train, 1, &mut |p| read(p)).unwrap_or_else(|e| panic!("{e}"));
        for (w, tag) in docs.iter().flatten().flatten() {
            let key = normalize_key(w);
            let bare = key.strip_prefix('و').unwrap_or(&key);
            let bare = bare.strip_prefix('ل').filter(|b| b.chars().count() > 2).unwrap_or(bare);
            let Some(h) = heads.iter().position(|h| *h == key || h == bare) else { continue };
            // B- tags are odd, I- tags even (`tag_of`)
            let slot = match kind_of(*tag) {
                k if k.is_some() && k == org && tag % 2 == 1 => 0,
                Some(_) => 1,
                None => 2,
            };
            counts[h][c][slot] += 1;
        }
    }
    let total = |h: usize| counts[h].iter().flatten().sum::<usize>();
    let mut order: Vec<usize> = (0..heads.len()).filter(|&h| total(h) >= MIN_SEEN).collect();
    order.sort_by_key(|&h| std::cmp::Reverse(total(h)));
    println!("head\tcorpus\topens an organisation\tinside a name\tO\tshare opening");
    for h in order {
        for (c, corpus) in ARABIC.iter().enumerate() {
            let [o, i, n] = counts[h][c];
            let all = o + i + n;
            let share = if all == 0 { String::from("-") } else { format!("{:.2}", o as f64 / all as f64) };
            println!("{}\t{}\t{o}\t{i}\t{n}\t{share}", heads[h], corpus.name());
        }
    }
}
