//! Every person mention the analysis marks in the 50 development Arabic news
//! articles (`news_ar/saudinewsnet_dev50.jsonl` in ../shared/devdata), one
//! line each: article, surface text, whether it links to an earlier
//! mention, and the words around it, for judging by eye which marks are not
//! names (verbs, adverbs, numbers, prepositional phrases). The distinct
//! surface strings are counted on standard error.
//! A report, not a test. Run:
//! `cargo run --release --example person_mentions [path.jsonl]`

use article_atlas::{analyze, EntityType};

fn main() {
    let path = std::env::args().nth(1).map(std::path::PathBuf::from);
    let articles = article_atlas::eval::dev_news(path.as_deref()).unwrap_or_else(|e| panic!("{e}"));
    let mut n = 0;
    let mut distinct = std::collections::BTreeSet::new();
    for (ai, a) in &articles {
        let an = analyze(a);
        let chars: Vec<char> = an.text.chars().collect();
        for m in an.mentions.iter().filter(|m| m.kind == EntityType::Person) {
            let ctx = |a: usize, b: usize| chars[a..b].iter().collect::<String>().replace('\n', " ");
            let before = ctx(m.start.saturating_sub(25), m.start);
            let after = ctx(m.end, (m.end + 25).min(chars.len()));
            let name = an.entities.iter().find(|e| e.id == m.entity).map_or("?", |e| e.name.as_str());
            println!("{ai}\t{}\t{name}\t{before}[{}]{after}", m.text, m.text);
            distinct.insert(m.text.clone());
            n += 1;
        }
    }
    eprintln!("{n} person mentions, {} distinct strings, in {} articles", distinct.len(), articles.len());
}
