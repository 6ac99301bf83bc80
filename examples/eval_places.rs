//! End-to-end place scoring by kind: detection (a predicted place mention
//! overlapping a gold place) and resolution (its point within 161 km of the
//! gold point) on GeoVirus (English WikiNews) and IDRISI-D train (Arabic
//! tweets). Development figures: the resolver is tuned on these corpora.
//!
//! Run: `cargo run --release --example eval_places [DEVDATA_DIR] [--list N]`
//! (default: ../shared/devdata or ../../shared/devdata; `--list` sets how
//! many of the most frequent misses and wrong resolutions are printed, 25).
//!
//! GeoVirus splits a story into paragraphs, one `<article>` each, with the
//! same `<source>`; consecutive paragraphs of one source are analysed as one
//! article (its paragraphs), so the story's own context counts, as in the
//! page. Offsets there are one too high (`text[start-1:end-1]`).
//!
//! Kinds: IDRISI-D's own types (Country; Province and District as admin
//! area; City/town; Neighborhood; Road/street; human-made and natural
//! points of interest as POI/facility; Other locations as other). GeoVirus
//! has none, so a gold place takes the kind of the gazetteer record of its
//! name nearest the gold point, and "not in gazetteer" when the name has
//! no record (which also measures the gazetteer's coverage).
//!
//! Precision counts predicted place mentions that overlap no gold place as
//! false; both corpora leave some places unannotated (GeoVirus: places in
//! organisation names; IDRISI-D: some hashtags), so it is a lower bound.

use article_atlas::internals::gazetteer::{distance_km, lookup, name_key, places};
use article_atlas::{analyze, Analysis, Article, Dir, EntityType, PlaceKind};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const KINDS: &[&str] = &[
    "country",
    "admin area",
    "city/town",
    "neighbourhood",
    "street/road",
    "POI/facility",
    "region",
    "other",
    "not in gazetteer",
];

struct GoldPlace {
    start: usize,
    end: usize,
    lat: f64,
    lon: f64,
    kind: &'static str,
    text: String,
}

/// A paragraph's text and its gold places (offsets into the paragraph).
type Paragraph = (String, Vec<GoldPlace>);

struct Doc {
    article: Article,
    gold: Vec<GoldPlace>,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    gold: usize,
    found: usize,
    correct: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<(&'a str, &'a str)> {
    let a = s.find(open)? + open.len();
    let b = a + s.get(a..)?.find(close)?;
    Some((s.get(a..b)?, s.get(b + close.len()..)?))
}

fn kind_name(k: PlaceKind) -> &'static str {
    match k {
        PlaceKind::Country => "country",
        PlaceKind::Province => "admin area",
        PlaceKind::City => "city/town",
        PlaceKind::Site => "POI/facility",
        PlaceKind::Continent | PlaceKind::Region => "region",
    }
}

/// The kind of the gazetteer record named `name` nearest the gold point
/// (however far: a country's reference point may lie far from the
/// corpus's).
fn gazetteer_kind(name: &str, lat: f64, lon: f64) -> &'static str {
    let key = name_key(name);
    let key = key.strip_prefix("the ").unwrap_or(&key).to_string();
    let all = places();
    lookup(&key)
        .iter()
        .filter_map(|&i| all.get(i as usize))
        .map(|p| (distance_km(p.lat, p.lon, lat, lon), p.kind))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map_or("not in gazetteer", |(_, k)| kind_name(k))
}

fn geovirus(dir: &Path) -> Result<Vec<Doc>, String> {
    let path = dir.join("geo/GeoVirus.xml");
    let s = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    // (source, paragraphs with their gold places in paragraph offsets)
    let mut stories: Vec<(String, Vec<Paragraph>)> = Vec::new();
    let mut rest = s.as_str();
    while let Some((art, r)) = between(rest, "<article>", "</article>") {
        rest = r;
        let Some((text, _)) = between(art, "<text>", "</text>") else { continue };
        let source = between(art, "<source>", "</source>").map(|(v, _)| v.trim().to_string()).unwrap_or_default();
        let text = unescape(text);
        let chars: Vec<char> = text.chars().collect();
        let mut gold = Vec::new();
        let mut locs = art;
        while let Some((loc, r)) = between(locs, "<location>", "</location>") {
            locs = r;
            let field = |name: &str| between(loc, &format!("<{name}>"), &format!("</{name}>")).map(|(v, _)| v.trim());
            let (Some(st), Some(en), Some(lat), Some(lon)) = (field("start"), field("end"), field("lat"), field("lon"))
            else {
                continue;
            };
            let (Ok(st), Ok(en), Ok(lat), Ok(lon)) =
                (st.parse::<usize>(), en.parse::<usize>(), lat.parse::<f64>(), lon.parse::<f64>())
            else {
                continue;
            };
            let (st, en) = (st.saturating_sub(1), en.saturating_sub(1).min(chars.len()));
            let Some(got) = chars.get(st..en) else { continue };
            let got: String = got.iter().collect();
            let kind = gazetteer_kind(&got, lat, lon);
            gold.push(GoldPlace { start: st, end: en, lat, lon, kind, text: got });
        }
        match stories.last_mut() {
            Some((src, paras)) if *src == source && !source.is_empty() => paras.push((text, gold)),
            _ => stories.push((source, vec![(text, gold)])),
        }
    }
    Ok(stories
        .into_iter()
        .map(|(_, paras)| {
            // an empty title, then the paragraphs: paragraph i starts at the
            // sum of the earlier ones plus two characters ("\n\n") each
            let mut gold = Vec::new();
            let mut pos = 2usize;
            let mut texts = Vec::new();
            for (text, g) in paras {
                for mut p in g {
                    p.start += pos;
                    p.end += pos;
                    gold.push(p);
                }
                pos += text.chars().count() + 2;
                texts.push(text);
            }
            let n = texts.len();
            let article = Article {
                title: String::new(),
                lang: "en".into(),
                paragraphs: texts,
                paragraph_dirs: vec![Dir::Ltr; n],
                ..Article::default()
            };
            Doc { article, gold }
        })
        .collect())
}

fn idrisi_kind(t: &str) -> &'static str {
    match t {
        "Country" => "country",
        "Province" | "District" => "admin area",
        "City/town" => "city/town",
        "Neighborhood" => "neighbourhood",
        "Road/street" => "street/road",
        "Human-made Point-of-Interest" | "Natural Point-of-Interest" => "POI/facility",
        _ => "other",
    }
}

fn idrisi(dir: &Path) -> Result<Vec<Doc>, String> {
    let d = dir.join("geo/idrisi_d_ar");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&d)
        .map_err(|e| format!("cannot read {}: {e}", d.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with("__train.jsonl"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for f in files {
        let s = std::fs::read_to_string(&f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
        for line in s.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            let Some(text) = v.get("text").and_then(|t| t.as_str()) else { continue };
            let chars: Vec<char> = text.chars().collect();
            let mut gold = Vec::new();
            for m in v.get("location_mentions").and_then(|m| m.as_array()).into_iter().flatten() {
                let num = |k: &str| m.get(k).and_then(serde_json::Value::as_u64).map(|x| x as usize);
                let osm = m.get("osm_json");
                let coord = |k: &str| {
                    osm.and_then(|o| o.get(k))
                        .and_then(|x| x.as_str().and_then(|s| s.parse::<f64>().ok()).or(x.as_f64()))
                };
                let kind = idrisi_kind(m.get("type").and_then(|t| t.as_str()).unwrap_or(""));
                if let (Some(s), Some(e), Some(lat), Some(lon)) =
                    (num("start_offset"), num("end_offset"), coord("lat"), coord("lon"))
                {
                    let text: String = chars.get(s..e.min(chars.len())).map(|c| c.iter().collect()).unwrap_or_default();
                    gold.push(GoldPlace { start: s, end: e, lat, lon, kind, text });
                }
            }
            let article = Article { title: text.to_string(), lang: "ar".into(), dir: Dir::Rtl, ..Article::default() };
            docs.push(Doc { article, gold });
        }
    }
    Ok(docs)
}

fn score(name: &str, docs: &[Doc], list: usize) {
    let mut by_kind: BTreeMap<&str, Counts> = BTreeMap::new();
    let (mut pred, mut pred_ok) = (0usize, 0usize);
    let mut misses: BTreeMap<String, usize> = BTreeMap::new();
    let mut wrong: BTreeMap<String, usize> = BTreeMap::new();
    let mut spurious: BTreeMap<String, usize> = BTreeMap::new();
    for doc in docs {
        let a: Analysis = analyze(&doc.article);
        let placed: Vec<_> = a.mentions.iter().filter(|m| m.kind == EntityType::Place).collect();
        for m in &placed {
            pred += 1;
            if doc.gold.iter().any(|g| m.start < g.end && g.start < m.end) {
                pred_ok += 1;
            } else {
                *spurious.entry(m.text.clone()).or_default() += 1;
            }
        }
        for g in &doc.gold {
            let c = by_kind.entry(g.kind).or_default();
            c.gold += 1;
            let hit = placed.iter().find(|m| m.start < g.end && g.start < m.end);
            let ent = hit.and_then(|m| a.entities.iter().find(|e| e.id == m.entity));
            let Some((e, p)) = ent.and_then(|e| e.place.as_ref().map(|p| (e, p))) else {
                *misses.entry(format!("{} [{}]", g.text, g.kind)).or_default() += 1;
                continue;
            };
            c.found += 1;
            let d = distance_km(p.lat, p.lon, g.lat, g.lon);
            if d <= 161.0 {
                c.correct += 1;
            } else {
                let cc = p.country.as_deref().unwrap_or("-");
                *wrong
                    .entry(format!(
                        "{} → {} ({cc}, {}) ~{:.0} km",
                        g.text,
                        e.name,
                        p.gazetteer_id,
                        (d / 50.0).round() * 50.0
                    ))
                    .or_default() += 1;
            }
        }
    }
    let total = by_kind.values().fold(Counts::default(), |t, c| Counts {
        gold: t.gold + c.gold,
        found: t.found + c.found,
        correct: t.correct + c.correct,
    });
    println!("## {name}: {} documents, {} gold places (development)", docs.len(), total.gold);
    println!("{:<18} {:>6} {:>8} {:>8} {:>10} {:>9}", "kind", "gold", "found", "recall", "res@found", "e2e@161");
    for k in KINDS {
        if let Some(c) = by_kind.get(k) {
            println!(
                "{:<18} {:>6} {:>8} {:>8.3} {:>10.3} {:>9.3}",
                k,
                c.gold,
                c.found,
                ratio(c.found, c.gold),
                ratio(c.correct, c.found),
                ratio(c.correct, c.gold)
            );
        }
    }
    println!(
        "{:<18} {:>6} {:>8} {:>8.3} {:>10.3} {:>9.3}",
        "all",
        total.gold,
        total.found,
        ratio(total.found, total.gold),
        ratio(total.correct, total.found),
        ratio(total.correct, total.gold)
    );
    println!(
        "predicted place mentions {pred}, overlapping a gold place {pred_ok}: precision {:.3}",
        ratio(pred_ok, pred)
    );
    for (title, map) in [("misses", &misses), ("wrong resolutions", &wrong), ("predicted, not gold", &spurious)] {
        let mut v: Vec<(&String, &usize)> = map.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let shown: Vec<String> = v.iter().take(list).map(|(k, n)| format!("{n}× {k}")).collect();
        println!("most frequent {title} ({} distinct): {}", v.len(), shown.join("; "));
    }
    println!();
}

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let mut dir: Option<PathBuf> = None;
    let mut list = 25usize;
    while let Some(a) = args.next() {
        if a == "--list" {
            list = args.next().and_then(|n| n.parse().ok()).unwrap_or(list);
        } else {
            dir = Some(PathBuf::from(a));
        }
    }
    let dir = dir.unwrap_or_else(|| {
        ["../shared/devdata", "../../shared/devdata"]
            .iter()
            .map(PathBuf::from)
            .find(|p| p.is_dir())
            .unwrap_or_else(|| PathBuf::from("../shared/devdata"))
    });
    let run = || -> Result<(), String> {
        score("GeoVirus (English WikiNews)", &geovirus(&dir)?, list);
        score("IDRISI-D train (Arabic tweets)", &idrisi(&dir)?, list);
        Ok(())
    };
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eval_places: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
