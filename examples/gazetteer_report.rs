//! How the gazetteer fares on the annotated development data in
//! ../shared/devdata (not part of the repo): coverage of annotated place
//! names and places found in words annotated as something else.
//! A report, not a test: it prints figures and asserts nothing.
//! Run with `cargo run --release --example gazetteer_report [ner-ar|ner-en|scan|geo|all]`
//! (devdata from `ATLAS_DEVDATA` or ../shared/devdata, as for the `eval` bin).

use std::collections::HashMap;

use article_atlas::internals::gazetteer::{places, resolve_name};

fn devdata(path: &str) -> Option<String> {
    let p = article_atlas::eval::devdata_dir().join(path);
    let text = std::fs::read_to_string(&p).ok();
    if text.is_none() {
        eprintln!("not found: {}", p.display());
    }
    text
}

/// (tokens, tags) of a BIO-tagged two-or-more-column file.
fn read_bio(text: &str, tag_col: usize) -> Vec<(String, String)> {
    text.lines()
        .map(|l| l.trim_end_matches('\r').replace(['\u{200E}', '\u{FEFF}'], ""))
        .filter_map(|l| {
            let cols: Vec<&str> = l.split(['\t', ' ']).collect();
            Some((cols.first()?.to_string(), cols.get(tag_col)?.to_string()))
        })
        .collect()
}

/// Entities as (text, type) and the unannotated tokens.
fn entities(rows: &[(String, String)]) -> (Vec<(String, String)>, Vec<String>) {
    let mut ents: Vec<(String, String)> = Vec::new();
    let mut outside = Vec::new();
    let mut prev = "O";
    for (tok, tag) in rows {
        let continues = prev != "O" && prev.get(2..) == tag.get(2..);
        prev = tag;
        if let Some(t) = tag.strip_prefix("B-") {
            ents.push((tok.clone(), t.to_string()));
        } else if let Some(t) = tag.strip_prefix("I-") {
            // IOB1 (CoNLL) starts entities with I- too
            match ents.last_mut() {
                Some(e) if continues && e.1 == t => {
                    e.0.push(' ');
                    e.0.push_str(tok);
                }
                _ => ents.push((tok.clone(), t.to_string())),
            }
        } else if tag == "O" {
            outside.push(tok.clone());
        }
    }
    (ents, outside)
}

fn report(lang: &str, ents: &[(String, String)], outside: &[String], place_types: &[&str]) {
    let mut found = 0;
    let mut total = 0;
    let mut missed: HashMap<&str, usize> = HashMap::new();
    for (text, _) in ents.iter().filter(|(_, t)| place_types.contains(&t.as_str())) {
        total += 1;
        match resolve_name(text) {
            Some(_) => found += 1,
            None => *missed.entry(text).or_default() += 1,
        }
    }
    let mut false_hits: HashMap<(String, String), usize> = HashMap::new();
    for tok in outside {
        if let Some(i) = resolve_name(tok) {
            let p = places().get(i as usize).unwrap();
            *false_hits.entry((tok.clone(), format!("{} {}", p.id, p.name_en))).or_default() += 1;
        }
    }
    let mut missed: Vec<_> = missed.into_iter().collect();
    missed.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut hits: Vec<_> = false_hits.into_iter().collect();
    hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let fh: usize = hits.iter().map(|h| h.1).sum();
    println!(
        "{lang}: annotated place names found {found}/{total} ({:.1}%); unannotated tokens resolving to a place: {fh} of {}",
        100.0 * found as f64 / total.max(1) as f64,
        outside.len()
    );
    println!("  most missed: {:?}", &missed[..missed.len().min(40)]);
    println!("  most frequent false hits: {:?}", &hits[..hits.len().min(60)]);
}

fn arabic_newsfane() {
    let Some(text) = devdata("ner_ar/NewsFANE_Gold_2014_170K.txt") else { return };
    let (ents, outside) = entities(&read_bio(&text, 1));
    let types = ["Nation", "Population-Center", "State-or-Province", "GPE-Cluster", "Continent", "County-or-District"];
    report("NewsFANE (ar)", &ents, &outside, &types);
}

fn english_conll() {
    let Some(text) = devdata("ner_en/conll2003_eng.testa") else { return };
    let (ents, outside) = entities(&read_bio(&text, 3));
    report("CoNLL testa (en)", &ents, &outside, &["LOC"]);
}

/// Longest-first n-gram matches over raw text, the way a recogniser would
/// use the gazetteer, printed with their counts.
fn scan_text(label: &str, text: &str) {
    use article_atlas::internals::gazetteer::max_name_tokens;
    use article_atlas::internals::tokenize;
    let tokens: Vec<_> = tokenize(text).into_iter().filter(|t| t.is_word).collect();
    let mut hits: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut step = 1;
        for n in (1..=max_name_tokens().min(tokens.len() - i)).rev() {
            let name: Vec<&str> = tokens[i..i + n].iter().map(|t| t.text.as_str()).collect();
            if let Some(p) = resolve_name(&name.join(" ")) {
                let p = places().get(p as usize).unwrap();
                *hits.entry(format!("{} → {} {}", name.join(" "), p.id, p.name_en)).or_default() += 1;
                step = n;
                break;
            }
        }
        i += step;
    }
    let mut hits: Vec<_> = hits.into_iter().collect();
    hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("{label}: {} distinct matches", hits.len());
    for (h, n) in hits {
        println!("  {n:4} {h}");
    }
}

fn scan_default_article_and_saudinewsnet() {
    if let Some(text) = devdata("../articles/coalition-small-group-the-hague.txt") {
        scan_text("default article", &text);
    }
    if let Some(text) = devdata("news_ar/saudinewsnet_dev50.jsonl") {
        scan_text("saudinewsnet dev50", &text);
    }
}

/// Context-free resolution of annotated place names: how many are found, and
/// how many of those land within 161 km of the annotated point.
fn geo_report(label: &str, gold: &[(String, f64, f64)]) {
    use article_atlas::internals::gazetteer::distance_km;
    let (mut found, mut near) = (0, 0);
    let mut wrong: HashMap<String, usize> = HashMap::new();
    let mut missed: HashMap<&str, usize> = HashMap::new();
    for (name, lat, lon) in gold {
        let Some(i) = resolve_name(name) else {
            *missed.entry(name).or_default() += 1;
            continue;
        };
        found += 1;
        let Some(p) = places().get(i as usize) else { continue };
        if distance_km(*lat, *lon, p.lat, p.lon) <= 161.0 + p.radius_km {
            near += 1;
        } else {
            *wrong.entry(format!("{name} → {} {}", p.id, p.name_en)).or_default() += 1;
        }
    }
    let mut wrong: Vec<_> = wrong.into_iter().collect();
    wrong.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!(
        "{label}: {} mentions; found {found} ({:.1}%); within 161 km (+ the place's radius) {near} ({:.1}% of found)",
        gold.len(),
        100.0 * found as f64 / gold.len().max(1) as f64,
        100.0 * near as f64 / found.max(1) as f64
    );
    println!("  most frequent far picks: {:?}", &wrong[..wrong.len().min(30)]);
    let mut missed: Vec<_> = missed.into_iter().collect();
    missed.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!("  most missed: {:?}", &missed[..missed.len().min(50)]);
}

fn tag<'a>(block: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let start = block.find(&open)? + open.len();
    let end = block[start..].find(&format!("</{name}>"))? + start;
    Some(&block[start..end])
}

fn geo_resolution_geovirus_and_idrisi() {
    if let Some(xml) = devdata("geo/GeoVirus.xml") {
        let gold: Vec<(String, f64, f64)> = xml
            .split("<location>")
            .skip(1)
            .filter_map(|b| {
                Some((
                    tag(b, "name")?.to_string(),
                    tag(b, "lat")?.trim().parse().ok()?,
                    tag(b, "lon")?.trim().parse().ok()?,
                ))
            })
            .collect();
        geo_report("GeoVirus (en)", &gold);
    }
    let dir = article_atlas::eval::devdata_dir().join("geo/idrisi_d_ar");
    let Ok(files) = std::fs::read_dir(&dir) else {
        eprintln!("not found: {}", dir.display());
        return;
    };
    let mut gold = Vec::new();
    for f in files.flatten() {
        let Ok(text) = std::fs::read_to_string(f.path()) else { continue };
        for line in text.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            for m in v["location_mentions"].as_array().into_iter().flatten() {
                if !matches!(m["type"].as_str(), Some("Country" | "City/town" | "Province")) {
                    continue;
                }
                let lat = m["osm_json"]["lat"].as_str().and_then(|s| s.parse().ok());
                let lon = m["osm_json"]["lon"].as_str().and_then(|s| s.parse().ok());
                if let (Some(t), Some(lat), Some(lon)) = (m["text"].as_str(), lat, lon) {
                    gold.push((t.to_string(), lat, lon));
                }
            }
        }
    }
    geo_report("IDRISI-D train (ar; countries, cities, provinces)", &gold);
}

fn main() -> std::process::ExitCode {
    let which = std::env::args().nth(1).unwrap_or_else(|| "all".to_string());
    let all = which == "all";
    let known = ["ner-ar", "ner-en", "scan", "geo", "all"];
    if !known.contains(&which.as_str()) {
        eprintln!("usage: gazetteer_report [{}]", known.join("|"));
        return std::process::ExitCode::from(2);
    }
    if all || which == "ner-ar" {
        arabic_newsfane();
    }
    if all || which == "ner-en" {
        english_conll();
    }
    if all || which == "scan" {
        scan_default_article_and_saudinewsnet();
    }
    if all || which == "geo" {
        geo_resolution_geovirus_and_idrisi();
    }
    std::process::ExitCode::SUCCESS
}
