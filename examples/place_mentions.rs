//! Every place mention the analysis marks in the 50 development Arabic news
//! articles (`news_ar/saudinewsnet_dev50.jsonl` in ../shared/devdata), one
//! line each: article, surface text, the place it resolved to (with its
//! country code), and the words
//! around it, for judging by eye which marks are not place names.
//! Nationality words (a country's demonym mentions) are not listed.
//! A report, not a test. Run:
//! `cargo run --release --example place_mentions [path.jsonl]`

use article_atlas::{analyze, EntityType, MentionForm};

fn main() {
    let path = std::env::args().nth(1).map(std::path::PathBuf::from);
    let articles = article_atlas::eval::dev_news(path.as_deref()).unwrap_or_else(|e| panic!("{e}"));
    let mut n = 0;
    for (ai, a) in &articles {
        let an = analyze(a);
        let chars: Vec<char> = an.text.chars().collect();
        for m in an.mentions.iter().filter(|m| m.kind == EntityType::Place && m.form == MentionForm::Name) {
            let e = an.entities.iter().find(|e| e.id == m.entity);
            // the country tells a wrong namesake ("الناصرية" in Iraq for a district of Dammam)
            let name = e.map_or("?".to_string(), |e| {
                let cc = e.place.as_ref().and_then(|p| p.country.as_deref()).unwrap_or("-");
                format!("{} ({cc})", e.name)
            });
            let ctx = |a: usize, b: usize| chars[a..b].iter().collect::<String>().replace('\n', " ");
            let before = ctx(m.start.saturating_sub(25), m.start);
            let after = ctx(m.end, (m.end + 25).min(chars.len()));
            println!("{ai}\t{}\t{name}\t{before}[{}]{after}", m.text, m.text);
            n += 1;
        }
    }
    eprintln!("{n} place mentions in {} articles", articles.len());
}
