//! Places resolved by the story's own context: each row of
//! `places_context_cases.tsv` is a paragraph, a mention and where it must be
//! pinned.

use article_atlas::{analyze, Article, Dir, EntityType};

fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let a = ((p2 - p1) / 2.0).sin().powi(2) + p1.cos() * p2.cos() * ((lon2 - lon1).to_radians() / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

#[test]
fn places_resolve_by_context() {
    let src = include_str!("places_context_cases.tsv");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in src.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let [lang, text, mention, lat, lon, max_km] = f.as_slice() else { panic!("bad row {line:?}") };
        let (lat, lon, max_km): (f64, f64, f64) = (lat.parse().unwrap(), lon.parse().unwrap(), max_km.parse().unwrap());
        n += 1;
        let dir = if *lang == "ar" { Dir::Rtl } else { Dir::Ltr };
        let article = Article {
            title: String::new(),
            lang: (*lang).to_string(),
            dir,
            paragraphs: vec![(*text).to_string()],
            paragraph_dirs: vec![dir],
            ..Article::default()
        };
        let a = analyze(&article);
        let m = a.mentions.iter().find(|m| m.kind == EntityType::Place && m.text.contains(mention));
        let p = m.and_then(|m| a.entities.iter().find(|e| e.id == m.entity)).and_then(|e| e.place.as_ref());
        match p {
            Some(p) if km(p.lat, p.lon, lat, lon) <= max_km => {}
            Some(p) => failures.push(format!(
                "{mention:?} in {text:?}: pinned at {:.2},{:.2} ({}), {:.0} km from {lat},{lon}",
                p.lat,
                p.lon,
                p.gazetteer_id,
                km(p.lat, p.lon, lat, lon)
            )),
            None => failures.push(format!(
                "{mention:?} in {text:?}: no mapped place mention (mentions: {:?})",
                a.mentions.iter().map(|m| (&m.text, m.kind)).collect::<Vec<_>>()
            )),
        }
    }
    assert!(n >= 10, "too few cases");
    assert!(failures.is_empty(), "{} of {n} cases fail:\n{}", failures.len(), failures.join("\n"));
}
