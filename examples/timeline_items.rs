//! Prints every timeline item (event) of the 50 SaudiNewsNet development
//! articles, for checking by eye: article number and title, kind, date (or
//! "undated", or "~after/before (cue)" when placed approximately) and
//! relation to publication, place, participants, and the
//! sentence around the trigger.
//!
//! Run: `cargo run --release --example timeline_items [path.jsonl]`
//! (default: the development data's file); `FULL=1` prints whole sentences.

fn main() {
    let path = std::env::args().nth(1).map(std::path::PathBuf::from);
    let articles = article_atlas::eval::dev_news(path.as_deref()).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2);
    });
    let (mut items, mut dated, mut approx) = (0, 0, 0);
    for (n, article) in &articles {
        let a = article_atlas::analyze(article);
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
            let date = match (&e.date, &e.approx) {
                (Some(d), _) => d.value.clone(),
                (None, Some(x)) => {
                    approx += 1;
                    let day = |d: Option<article_atlas::Ymd>| {
                        d.map_or("..".to_string(), |d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day))
                    };
                    format!("~{}/{} ({})", day(x.after), day(x.before), x.cue)
                }
                (None, None) => "undated".to_string(),
            };
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
    println!("\n{items} items, {dated} dated, {approx} placed approximately");
}
