//! Prints every timeline item (event) of the 50 SaudiNewsNet development
//! articles, for checking by eye: article number and title, kind, date (or
//! "undated") and relation to publication, place, participants, and the
//! sentence around the trigger.
//!
//! Run: `cargo run --release --example timeline_items [DEVDATA_DIR]`
//! (default: ../shared/devdata); `FULL=1` prints whole sentences.

use std::path::PathBuf;

fn main() {
    let root = std::env::args().nth(1).map_or_else(|| PathBuf::from("../shared/devdata"), PathBuf::from);
    let path = root.join("news_ar/saudinewsnet_dev50.jsonl");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {}", path.display());
        std::process::exit(2);
    };
    let (mut items, mut dated) = (0, 0);
    for (n, line) in raw.lines().enumerate() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let s = |k: &str| v.get(k).and_then(|t| t.as_str()).unwrap_or_default().to_string();
        let json = serde_json::json!({"title": s("title"), "body": s("content"), "lang": "ar", "published": v.get("date_extracted")});
        let Ok(article) = article_atlas::parse_article(json.to_string().as_bytes()) else { continue };
        let a = article_atlas::analyze(&article);
        if a.events.is_empty() {
            continue;
        }
        println!("\n#{n} [{}] {}", a.published.as_deref().unwrap_or("?"), a.title);
        let name = |id: &str| a.entities.iter().find(|e| e.id == id).map_or(id.to_string(), |e| e.name.clone());
        for e in &a.events {
            items += 1;
            if e.date.is_some() {
                dated += 1;
            }
            let date = e.date.as_ref().map_or("undated".to_string(), |d| d.value.clone());
            let place = e.place.as_deref().map(name).unwrap_or_default();
            let who: Vec<String> = e.participants.iter().map(|p| name(p)).collect();
            let sentence: String = a.text.chars().skip(e.start).take(e.end - e.start).collect();
            let keep = if std::env::var("FULL").is_ok() { usize::MAX } else { 220 };
            let sentence: String = sentence.replace('\n', " ").chars().take(keep).collect();
            println!(
                "  {:<12} {:<24} {:<9} trigger: {} | place: {} | who: {}\n      {}",
                e.kind,
                date,
                format!("{:?}", e.relation).to_lowercase(),
                e.trigger,
                place,
                who.join(", "),
                sentence
            );
        }
    }
    println!("\n{items} items, {dated} dated");
}
