//! How each Arabic gold corpus draws organisations: for common head nouns
//! of organisations' names ("وزارة", "الحكومة", "الجيش", "شركة", ...), how
//! often the word opens an organisation's name, sits inside a name, or is an
//! ordinary word (O), per corpus. The corpora disagree (ANERcorp leaves
//! ministries, governments and armies unmarked where NewsFANE and WikiFANE
//! mark most of them), so the organisation figures of one model over all of
//! them have a ceiling below 1 that no tagger or rule can pass.
//!
//! Counted on the training parts only (the tagger's splits; no other copy of
//! ANERcorp is read), clitics glued as in running text, words under their
//! normalised key with "و" and "ل" proclitics taken off.
//!
//! Run: `cargo run --release -q --example org_conventions` (devdata from
//! `ATLAS_DEVDATA` or ../shared/devdata, as for `eval`). A report, not a test.

use article_atlas::internals::normalize_key;
use article_atlas::internals::tagger::corpus::{Split, ARABIC};
use article_atlas::internals::tagger::{kind_of, KINDS};

/// Head nouns that open many organisations' names in Arabic news.
const HEADS: &[&str] = &[
    "وزاره",
    "الحكومه",
    "الجيش",
    "مجلس",
    "المجلس",
    "شركه",
    "منتخب",
    "المنتخب",
    "نادي",
    "الشرطه",
    "حركه",
    "هييه",
    "لجنه",
    "وكاله",
    "جامعه",
    "البنك",
];

fn read(path: &str) -> Result<String, String> {
    let p = article_atlas::eval::devdata_dir().join(path);
    std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))
}

fn main() {
    let org = KINDS.iter().position(|k| *k == "ORG");
    println!("head\tcorpus\topens an organisation\tinside a name\tO\tshare opening");
    let mut rows: Vec<(usize, String)> = Vec::new();
    for (c, corpus) in ARABIC.iter().enumerate() {
        let docs = corpus.load(Split::Train, 1, &mut |p| read(p)).unwrap_or_else(|e| panic!("{e}"));
        let mut counts = vec![[0usize; 3]; HEADS.len()];
        for sentence in docs.iter().flatten() {
            for (w, tag) in sentence {
                let key = normalize_key(w);
                let bare = key.strip_prefix("و").unwrap_or(&key);
                let bare = bare.strip_prefix("ل").filter(|b| b.chars().count() > 2).unwrap_or(bare);
                // B- tags are odd, I- tags even (`tag_of`)
                let opens = org.is_some() && kind_of(*tag) == org && tag % 2 == 1;
                if let Some(h) = HEADS.iter().position(|h| *h == bare || *h == key) {
                    let slot = if opens {
                        0
                    } else if kind_of(*tag).is_some() {
                        1
                    } else {
                        2
                    };
                    counts[h][slot] += 1;
                }
            }
        }
        for (h, [o, i, n]) in counts.iter().enumerate() {
            let all = o + i + n;
            let share = if all == 0 { String::from("-") } else { format!("{:.2}", *o as f64 / all as f64) };
            rows.push((h * ARABIC.len() + c, format!("{}\t{}\t{o}\t{i}\t{n}\t{share}", HEADS[h], corpus.name())));
        }
    }
    rows.sort();
    for (_, r) in rows {
        println!("{r}");
    }
}
