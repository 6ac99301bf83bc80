//! From mentions to entities: coordinates for places (chosen among the
//! gazetteer's candidates by kind, population, the countries the article
//! names and adjectives next to the name), one canonical entity per
//! organisation and person however it is written.

use crate::gazetteer::{self, Place};
use crate::model::{Candidate, EntityType, Names, PlaceInfo, PlaceKind};
use crate::recognise::{Direction, Found, Weak, What, Word};

/// An entity before it gets its public id.
#[derive(Debug, Clone)]
pub struct Ent {
    pub kind: EntityType,
    /// What makes two mentions the same entity.
    pub ident: String,
    pub name: String,
    pub names: Names,
    pub place: Option<PlaceInfo>,
    /// Indexes into the mention list.
    pub mentions: Vec<usize>,
}

/// Countries the article points to, with weights: unambiguous country
/// names and demonyms anywhere in the text.
pub fn country_context(words: &[Word], found: &[Found]) -> Vec<(&'static str, f64)> {
    let places = gazetteer::places();
    let mut ctx: Vec<(&'static str, f64)> = Vec::new();
    let mut add = |cc: &'static str, w: f64| {
        if cc.is_empty() {
            return;
        }
        match ctx.iter_mut().find(|(c, _)| *c == cc) {
            Some(e) => e.1 += w,
            None => ctx.push((cc, w)),
        }
    };
    for f in found {
        if let What::Place { cands, .. } = &f.what {
            let countries: Vec<&Place> =
                cands.iter().filter_map(|&i| places.get(i as usize)).filter(|p| p.kind == PlaceKind::Country).collect();
            // an ambiguous name ("عمان": Oman or Amman) says little
            if countries.len() == 1 {
                add(&countries[0].country, if cands.len() == 1 { 1.0 } else { 0.3 });
            } else if cands.len() == 1 {
                if let Some(p) = places.get(cands[0] as usize) {
                    add(&p.country, 0.5);
                }
            }
        }
    }
    for w in words {
        if let Some(cc) = w.f.demonym {
            add(cc, 1.0);
        }
    }
    ctx
}

/// Context-free prior: countries and regions first, then big cities and
/// capitals, provinces, sites and small towns.
fn prior(p: &Place) -> f64 {
    let size = 0.35 * ((p.population as f64).max(1.0).log10() - 4.0).max(0.0);
    match p.kind {
        PlaceKind::Country => 3.0,
        PlaceKind::Continent => 2.9,
        PlaceKind::Region => 2.6,
        PlaceKind::Province => 1.7 + size * 0.5,
        PlaceKind::City => 1.5 + size + if p.capital { 0.6 } else { 0.0 },
        PlaceKind::Site => 1.6,
    }
}

/// Minor places (towns, provinces, sites) are kept for a name that reads
/// like a common word only with support from the context.
fn supported(p: &Place, weak: Weak, supported_by_context: bool) -> bool {
    let minor = matches!(p.kind, PlaceKind::City | PlaceKind::Province | PlaceKind::Site);
    match weak {
        Weak::No => true,
        Weak::Adjective => false,
        _ if !minor || supported_by_context => true,
        Weak::Indefinite => p.population >= 20_000 || p.capital,
        Weak::Definite => p.population >= 500_000 || p.capital,
        Weak::DefiniteLocative => p.population >= 50_000 || p.capital,
        Weak::Common => false,
    }
}

/// Scores every candidate of a place mention, best first.
pub fn score_candidates(
    cands: &[u32],
    adj_country: Option<&str>,
    settlement: bool,
    weak: Weak,
    ctx: &[(&str, f64)],
) -> Vec<(usize, f64)> {
    let places = gazetteer::places();
    let mut scored: Vec<(usize, f64)> = cands
        .iter()
        .filter_map(|&i| places.get(i as usize).map(|p| (i as usize, p)))
        .filter(|(_, p)| {
            let in_ctx = ctx.iter().any(|(c, w)| !p.country.is_empty() && *c == p.country && *w >= 1.0);
            let adj = adj_country.is_some_and(|a| a == p.country);
            supported(p, weak, in_ctx || adj || (settlement && p.kind == PlaceKind::City))
        })
        .map(|(i, p)| {
            let mut s = prior(p);
            if let Some(&(_, w)) = ctx.iter().find(|(c, _)| !p.country.is_empty() && *c == p.country) {
                s += 1.0 + 0.25 * w.min(4.0);
            }
            if adj_country.is_some_and(|a| a == p.country) {
                s += 4.0;
            }
            if settlement && p.kind == PlaceKind::City {
                s += 1.5;
            }
            (i, s)
        })
        .collect();
    scored.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal).then(a.0.cmp(&b.0)));
    scored
}

fn dir_words(d: Direction) -> &'static str {
    match d {
        (1, 0) => "northern",
        (-1, 0) => "southern",
        (0, 1) => "eastern",
        (0, -1) => "western",
        (1, 1) => "northeast",
        (1, -1) => "northwest",
        (-1, 1) => "southeast",
        (-1, -1) => "southwest",
        _ => "central",
    }
}

/// A point moved from `p` halfway to its edge in direction `d`.
fn shifted(p: &Place, d: Direction) -> (f64, f64, f64) {
    let r = if p.radius_km > 0.0 { p.radius_km } else { 100.0 };
    let k = 0.5 * r;
    let (dy, dx) = (f64::from(d.0), f64::from(d.1));
    let norm = (dy * dy + dx * dx).sqrt().max(1.0);
    let lat = (p.lat + dy / norm * k / 111.0).clamp(-89.9, 89.9);
    let coslat = lat.to_radians().cos().abs().max(0.05);
    let mut lon = p.lon + dx / norm * k / (111.0 * coslat);
    if lon > 180.0 {
        lon -= 360.0;
    } else if lon < -180.0 {
        lon += 360.0;
    }
    (lat, lon, r / 2.0)
}

fn place_display(p: &Place, ar: bool) -> String {
    if ar {
        p.name_ar.clone().unwrap_or_else(|| p.name_en.clone())
    } else {
        p.name_en.clone()
    }
}

/// Groups the accepted mentions into entities. `texts` holds each
/// mention's text. Dates are left to the caller.
pub fn entities(found: &[Found], texts: &[String], words: &[Word], ar: bool) -> (Vec<Ent>, Vec<Option<usize>>) {
    let places = gazetteer::places();
    let ctx = country_context(words, found);
    let mut ents: Vec<Ent> = Vec::new();
    let mut by_ident: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let by_span: std::collections::HashMap<(usize, usize), usize> =
        found.iter().enumerate().map(|(i, f)| ((f.start, f.end), i)).collect();
    let mut persons: Vec<usize> = Vec::new();
    // last word of each multi-word person name → its entity
    let mut surnames: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut of_mention: Vec<Option<usize>> = vec![None; found.len()];
    // first the mentions that stand on their own, then the links
    let order: Vec<usize> = (0..found.len())
        .filter(|&i| found[i].link.is_none())
        .chain((0..found.len()).filter(|&i| found[i].link.is_some()))
        .collect();
    for i in order {
        let f = &found[i];
        let text = texts.get(i).cloned().unwrap_or_default();
        if let Some(link) = f.link {
            if let Some(&j) = by_span.get(&link) {
                if let Some(e) = of_mention[j] {
                    of_mention[i] = Some(e);
                    ents[e].mentions.push(i);
                    continue;
                }
            }
        }
        let (ident, kind, name, names, place) = match &f.what {
            What::Date(_) => continue,
            What::Place { cands, key, dir, adj_country, settlement, weak } => {
                if cands.is_empty() {
                    // a place the tagger found and the gazetteer does not
                    // know: highlighted and listed, not mapped
                    let names = if ar {
                        Names { ar: Some(text.clone()), en: None }
                    } else {
                        Names { ar: None, en: Some(text.clone()) }
                    };
                    let ident = format!("plc~{key}");
                    (ident, EntityType::Place, text.clone(), names, None)
                } else {
                    let scored = score_candidates(cands, *adj_country, *settlement, *weak, &ctx);
                    let Some(&(best, _)) = scored.first() else { continue };
                    let Some(p) = places.get(best) else { continue };
                    let total: f64 = scored.iter().map(|(_, s)| s.max(0.0)).sum::<f64>().max(1e-9);
                    let candidates: Vec<Candidate> = scored
                        .iter()
                        .skip(1)
                        .take(4)
                        .filter_map(|&(ci, s)| {
                            places.get(ci).map(|c| Candidate {
                                id: c.id.clone(),
                                name: place_display(c, ar),
                                kind: c.kind,
                                lat: c.lat,
                                lon: c.lon,
                                country: (!c.country.is_empty()).then(|| c.country.clone()),
                                score: (s.max(0.0) / total * 1000.0).round() / 1000.0,
                            })
                        })
                        .collect();
                    let country = (!p.country.is_empty()).then(|| p.country.clone());
                    match dir {
                        Some(d) => {
                            let (lat, lon, r) = shifted(p, *d);
                            let en = format!("{} {}", dir_words(*d), p.name_en);
                            let names = Names { ar: if ar { Some(text.clone()) } else { None }, en: Some(en.clone()) };
                            let name = if ar { text.clone() } else { en };
                            let info = PlaceInfo {
                                lat,
                                lon,
                                kind: PlaceKind::Region,
                                country,
                                radius_km: Some(r),
                                gazetteer_id: p.id.clone(),
                                candidates,
                            };
                            (format!("dir:{}:{}:{}", d.0, d.1, p.id), EntityType::Place, name, names, Some(info))
                        }
                        None => {
                            let info = PlaceInfo {
                                lat: p.lat,
                                lon: p.lon,
                                kind: p.kind,
                                country,
                                radius_km: (p.radius_km > 0.0).then_some(p.radius_km),
                                gazetteer_id: p.id.clone(),
                                candidates,
                            };
                            let names = Names { ar: p.name_ar.clone(), en: Some(p.name_en.clone()) };
                            (format!("plc:{}", p.id), EntityType::Place, place_display(p, ar), names, Some(info))
                        }
                    }
                }
            }
            What::Org { curated: Some(o), .. } => {
                let names = Names { ar: Some(o.ar.to_string()), en: Some(o.en.to_string()) };
                let name = if ar { o.ar } else { o.en }.to_string();
                (format!("org:{}", o.id), EntityType::Organization, name, names, None)
            }
            What::KnownPerson(p) => {
                let names = Names { ar: Some(p.ar.to_string()), en: Some(p.en.to_string()) };
                let name = if ar { p.ar } else { p.en }.to_string();
                (format!("known:{}", p.id), EntityType::Person, name, names, None)
            }
            What::Org { curated: None, key } => {
                let names = if ar {
                    Names { ar: Some(text.clone()), en: None }
                } else {
                    Names { ar: None, en: Some(text.clone()) }
                };
                (format!("org~{}", strip_article(key)), EntityType::Organization, text.clone(), names, None)
            }
            What::Person { key } if !key.contains(' ') && surnames.contains_key(key.as_str()) => {
                let e = surnames[key.as_str()];
                of_mention[i] = Some(e);
                ents[e].mentions.push(i);
                continue;
            }
            What::Person { key } => {
                // "Joe Biden" and a later "President Joe Biden" are one person
                let ident = persons
                    .iter()
                    .filter_map(|&p| ents.get(p))
                    .find(|e| e.ident.strip_prefix("per:").is_some_and(|k| word_suffix(k, key) || word_suffix(key, k)))
                    .map(|e| e.ident.clone())
                    .unwrap_or_else(|| format!("per:{key}"));
                let names = if ar {
                    Names { ar: Some(text.clone()), en: None }
                } else {
                    Names { ar: None, en: Some(text.clone()) }
                };
                (ident, EntityType::Person, text.clone(), names, None)
            }
        };
        let e = match by_ident.get(&ident) {
            Some(&e) => e,
            None => {
                by_ident.insert(ident.clone(), ents.len());
                if kind == EntityType::Person {
                    persons.push(ents.len());
                }
                ents.push(Ent { kind, ident, name, names, place, mentions: Vec::new() });
                ents.len() - 1
            }
        };
        // a person's display name is its longest form
        if kind == EntityType::Person && text.chars().count() > ents[e].name.chars().count() {
            ents[e].name = text.clone();
            if ar {
                ents[e].names.ar = Some(text.clone());
            } else {
                ents[e].names.en = Some(text.clone());
            }
        }
        ents[e].mentions.push(i);
        of_mention[i] = Some(e);
        if kind == EntityType::Person {
            let norm = crate::text::normalize_key(&text);
            if let Some((_, last)) = norm.rsplit_once(' ') {
                surnames.entry(last.to_string()).or_insert(e);
            }
        }
    }
    (ents, of_mention)
}

/// `long` ends with the words of `short` ("joe biden" / "biden").
fn word_suffix(long: &str, short: &str) -> bool {
    long.len() > short.len()
        && long.ends_with(short)
        && long.as_bytes().get(long.len() - short.len() - 1) == Some(&b' ')
}

fn strip_article(key: &str) -> &str {
    key.strip_prefix("ال").or_else(|| key.strip_prefix("the ")).unwrap_or(key)
}
