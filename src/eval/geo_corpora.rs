//! The place corpora `eval geo-en` and `geo-ar` read: GeoVirus (English
//! WikiNews, its gold places typed by the gazetteer) and the IDRISI-D
//! training split (Arabic tweets, typed by the corpus), as documents of
//! gold places with their points.

use std::path::{Path, PathBuf};

use super::{read, Doc, GeoGold};
use crate::gazetteer;
use crate::model::{Article, Dir};

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<(&'a str, &'a str)> {
    let a = s.find(open)? + open.len();
    let b = a + s[a..].find(close)?;
    Some((&s[a..b], &s[b + close.len()..]))
}

/// The kind of the gazetteer record named `name` nearest the gold point
/// (however far: a country's reference point may lie far from the
/// corpus's).
fn gazetteer_kind(name: &str, lat: f64, lon: f64) -> &'static str {
    use crate::model::PlaceKind;
    let key = gazetteer::name_key(name);
    let key = key.strip_prefix("the ").unwrap_or(&key).to_string();
    let all = gazetteer::places();
    gazetteer::lookup(&key)
        .iter()
        .filter_map(|&i| all.get(i as usize))
        .map(|p| (gazetteer::distance_km(p.lat, p.lon, lat, lon), p.kind))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map_or("not in gazetteer", |(_, k)| match k {
            PlaceKind::Country => "country",
            PlaceKind::Province => "admin area",
            PlaceKind::City => "city/town",
            PlaceKind::Site => "POI/facility",
            PlaceKind::Continent | PlaceKind::Region => "region",
        })
}

/// A paragraph's text and its gold places, in paragraph offsets.
type GeoParagraph = (String, Vec<GeoGold>);

/// GeoVirus: a story is split into paragraphs, one `<article>` each with the
/// same `<source>`; consecutive paragraphs of one source are one article
/// (its paragraphs), so that the story's own context counts, as on the page.
/// Offsets there are one too high (`text[start-1:end-1]`). Returns the
/// documents and how many gold spans did not match their names.
pub(super) fn geovirus(dir: &Path) -> Result<(Vec<Doc>, usize), String> {
    let s = read(&dir.join("geo/GeoVirus.xml"))?;
    // (source, paragraphs with their gold places in paragraph offsets)
    let mut stories: Vec<(String, Vec<GeoParagraph>)> = Vec::new();
    let mut bad = 0;
    let mut rest = s.as_str();
    while let Some((art, r)) = between(rest, "<article>", "</article>") {
        rest = r;
        let Some((text, _)) = between(art, "<text>", "</text>") else { continue };
        let source = between(art, "<source>", "</source>").map(|(v, _)| v.trim().to_string()).unwrap_or_default();
        let text = unescape(text);
        let chars: Vec<char> = text.chars().collect();
        let mut geo = Vec::new();
        let mut locs = art;
        while let Some((loc, r)) = between(locs, "<location>", "</location>") {
            locs = r;
            let field = |name: &str| between(loc, &format!("<{name}>"), &format!("</{name}>")).map(|(v, _)| v.trim());
            let (Some(name), Some(st), Some(en), Some(lat), Some(lon)) =
                (field("name"), field("start"), field("end"), field("lat"), field("lon"))
            else {
                continue;
            };
            let (Ok(st), Ok(en), Ok(lat), Ok(lon)) =
                (st.parse::<usize>(), en.parse::<usize>(), lat.parse::<f64>(), lon.parse::<f64>())
            else {
                continue;
            };
            let (st, en) = (st.saturating_sub(1), en.saturating_sub(1).min(chars.len()));
            let got: String = chars.get(st..en).map(|c| c.iter().collect()).unwrap_or_default();
            if got != unescape(name) {
                bad += 1;
            }
            let kind = gazetteer_kind(&got, lat, lon);
            geo.push(GeoGold { start: st, end: en, lat, lon, kind, text: got });
        }
        match stories.last_mut() {
            Some((src, paras)) if *src == source && !source.is_empty() => paras.push((text, geo)),
            _ => stories.push((source, vec![(text, geo)])),
        }
    }
    let docs = stories
        .into_iter()
        .map(|(_, paras)| {
            // an empty title, then the paragraphs: paragraph i starts at the
            // sum of the earlier ones plus two characters ("\n\n") each
            let mut geo = Vec::new();
            let mut pos = 2usize;
            let mut texts = Vec::new();
            for (text, g) in paras {
                geo.extend(g.into_iter().map(|p| GeoGold { start: p.start + pos, end: p.end + pos, ..p }));
                pos += text.chars().count() + 2;
                texts.push(text);
            }
            let n = texts.len();
            let article = Article {
                lang: "en".into(),
                paragraphs: texts,
                paragraph_dirs: vec![Dir::Ltr; n],
                ..Article::default()
            };
            Doc { article, gold: Vec::new(), geo }
        })
        .collect();
    Ok((docs, bad))
}

/// IDRISI-D's location types, grouped into [`PLACE_KINDS`].
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

pub(super) fn idrisi(dir: &Path) -> Result<Vec<Doc>, String> {
    let d = dir.join("geo/idrisi_d_ar");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&d)
        .map_err(|e| format!("cannot read {}: {e}", d.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with("__train.jsonl"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for f in files {
        for line in read(&f)?.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            let Some(text) = v.get("text").and_then(|t| t.as_str()) else { continue };
            let chars: Vec<char> = text.chars().collect();
            let mut geo = Vec::new();
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
                    geo.push(GeoGold { start: s, end: e, lat, lon, kind, text });
                }
            }
            let article = Article { title: text.to_string(), lang: "ar".into(), dir: Dir::Rtl, ..Article::default() };
            docs.push(Doc { article, gold: Vec::new(), geo });
        }
    }
    Ok(docs)
}
