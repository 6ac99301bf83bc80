//! Scoring `analyze` against annotated development data (native only).
//!
//! - `ner-ar`: NewsFANE, ANERcorp_train.txt, WikiFANE Gold and the Wojood
//!   sample, each on its development part and its test part (never tuned
//!   on), then pooled; types mapped to person, organization and place by
//!   [`crate::tagger::corpus`], where the splits are written down.
//! - `ner-en`: CoNLL-2003 testa (development) and the held-out last 10% of
//!   eng.train documents (test); PER, ORG, LOC, MISC left out.
//! - `geo-en`: GeoVirus place resolution; `geo-ar`: IDRISI-D train.
//!
//! Spans are compared exactly, except that proclitics attached to the first
//! word (و ف ب ل ك and the article's ال) may be outside a predicted span:
//! the project highlights the name without them by design.
//! Place resolution counts a gold place as resolved when a predicted place
//! mention overlaps it, and correct when its point is within 161 km.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::analyze::{analyze_with, Sources};
use crate::model::{Analysis, Article, Dir, EntityType};
use crate::tagger::corpus::{self, Corpus, Split};
use crate::tagger::kind_of;

/// A gold mention: code points into the built text.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Gold {
    start: usize,
    end: usize,
    kind: EntityType,
}

/// One evaluation document: the article and its gold mentions.
struct Doc {
    article: Article,
    gold: Vec<Gold>,
    /// Gold places with coordinates: (start, end, lat, lon).
    geo: Vec<(usize, usize, f64, f64)>,
}

/// Counts for one type.
#[derive(Debug, Default, Clone, Copy)]
struct Prf {
    tp: usize,
    pred: usize,
    gold: usize,
}

impl Prf {
    fn p(&self) -> f64 {
        ratio(self.tp, self.pred)
    }
    fn r(&self) -> f64 {
        ratio(self.tp, self.gold)
    }
    fn f(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Where the data lives: `ATLAS_DEVDATA`, else `../shared/devdata` (or
/// `../../shared/devdata` from a worktree one level deeper).
pub fn devdata_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("ATLAS_DEVDATA") {
        return PathBuf::from(d);
    }
    ["../shared/devdata", "../../shared/devdata"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_dir())
        .unwrap_or_else(|| PathBuf::from("../shared/devdata"))
}

fn read(path: &Path) -> Result<String, String> {
    let raw = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let s = String::from_utf8_lossy(&raw).into_owned();
    Ok(s.replace(['\u{200E}', '\u{FEFF}'], "").replace('\r', ""))
}

/// Builds an article whose text is the paragraphs (first one as title),
/// each a list of sentences of (token, label) pairs, joined by spaces.
fn build(paragraphs: &[Vec<Sentence>], lang: &str) -> Doc {
    let mut texts: Vec<String> = Vec::new();
    let mut gold = Vec::new();
    let mut pos = 0usize;
    for (pi, para) in paragraphs.iter().enumerate() {
        if pi > 0 {
            pos += 2;
        }
        let mut t = String::new();
        let mut open: Option<Gold> = None;
        for (si, sent) in para.iter().enumerate() {
            if si > 0 {
                t.push(' ');
                pos += 1;
            }
            for (ti, (tok, lab)) in sent.iter().enumerate() {
                if ti > 0 {
                    t.push(' ');
                    pos += 1;
                }
                let len = tok.chars().count();
                match lab {
                    Some((k, begin)) => {
                        let cont = !begin && open.is_some_and(|g| g.kind == *k);
                        if cont {
                            if let Some(g) = open.as_mut() {
                                g.end = pos + len;
                            }
                        } else {
                            gold.extend(open.take());
                            open = Some(Gold { start: pos, end: pos + len, kind: *k });
                        }
                    }
                    None => gold.extend(open.take()),
                }
                t.push_str(tok);
                pos += len;
            }
            gold.extend(open.take());
        }
        texts.push(t);
    }
    let mut it = texts.into_iter();
    let article = Article {
        title: it.next().unwrap_or_default(),
        lang: lang.to_string(),
        dir: if lang == "ar" { Dir::Rtl } else { Dir::Ltr },
        paragraphs: it.collect(),
        ..Article::default()
    };
    Doc { article, gold, geo: Vec::new() }
}

type Sentence = Vec<(String, Option<(EntityType, bool)>)>;

/// A corpus sentence with its tags as (type, begins) labels; misc is not
/// scored.
fn labelled(words: &[corpus::Word]) -> Sentence {
    words
        .iter()
        .map(|(w, t)| {
            let kind = match kind_of(*t) {
                Some(0) => Some(EntityType::Person),
                Some(1) => Some(EntityType::Organization),
                Some(2) => Some(EntityType::Place),
                _ => None,
            };
            (w.clone(), kind.map(|k| (k, t % 2 == 1)))
        })
        .collect()
}

/// One split of a corpus as evaluation documents: Arabic corpora in runs
/// of 20 sentences, 4 a paragraph (they mark no documents); CoNLL-2003 by
/// its documents, a sentence a paragraph (headlines and datelines stand
/// alone, as on a page).
fn corpus_docs(c: Corpus, split: Split, dir: &Path) -> Result<Vec<Doc>, String> {
    let docs = c.load(split, 20, &mut |rel| read(&dir.join(rel)))?;
    Ok(docs
        .iter()
        .map(|d| {
            let sents: Vec<Sentence> = d.iter().map(|s| labelled(s)).collect();
            let paras: Vec<Vec<Sentence>> = if c.lang() == "en" {
                sents.into_iter().map(|s| vec![s]).collect()
            } else {
                sents.chunks(4).map(<[Sentence]>::to_vec).collect()
            };
            build(&paras, c.lang())
        })
        .collect())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<(&'a str, &'a str)> {
    let a = s.find(open)? + open.len();
    let b = a + s[a..].find(close)?;
    Some((&s[a..b], &s[b + close.len()..]))
}

fn geovirus(dir: &Path) -> Result<(Vec<Doc>, usize), String> {
    let s = read(&dir.join("geo/GeoVirus.xml"))?;
    let mut docs = Vec::new();
    let mut bad = 0;
    let mut rest = s.as_str();
    while let Some((art, r)) = between(rest, "<article>", "</article>") {
        rest = r;
        let Some((text, _)) = between(art, "<text>", "</text>") else { continue };
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
            let (st, en) = (st.saturating_sub(1), en.saturating_sub(1));
            let got: String = chars.get(st..en.min(chars.len())).map(|c| c.iter().collect()).unwrap_or_default();
            if got != unescape(name) {
                bad += 1;
            }
            geo.push((st, en, lat, lon));
        }
        let article = Article { title: text, lang: "en".into(), ..Article::default() };
        docs.push(Doc { article, gold: Vec::new(), geo });
    }
    Ok((docs, bad))
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
        for line in read(&f)?.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            let Some(text) = v.get("text").and_then(|t| t.as_str()) else { continue };
            let mut geo = Vec::new();
            for m in v.get("location_mentions").and_then(|m| m.as_array()).into_iter().flatten() {
                let num = |k: &str| m.get(k).and_then(serde_json::Value::as_u64).map(|x| x as usize);
                let osm = m.get("osm_json");
                let coord = |k: &str| {
                    osm.and_then(|o| o.get(k))
                        .and_then(|x| x.as_str().and_then(|s| s.parse::<f64>().ok()).or(x.as_f64()))
                };
                if let (Some(s), Some(e), Some(lat), Some(lon)) =
                    (num("start_offset"), num("end_offset"), coord("lat"), coord("lon"))
                {
                    geo.push((s, e, lat, lon));
                }
            }
            let article = Article { title: text.to_string(), lang: "ar".into(), dir: Dir::Rtl, ..Article::default() };
            docs.push(Doc { article, gold: Vec::new(), geo });
        }
    }
    Ok(docs)
}

fn proclitics_only(s: &str) -> bool {
    let n = s.chars().count();
    n <= 4 && s.chars().all(|c| matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك' | 'ا'))
}

/// CPU seconds this process has used (Linux), so that a busy shared
/// machine does not distort words/second; `None` elsewhere.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = after.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Runs analyze on every document; returns the analyses and words per
/// CPU second (wall-clock seconds where CPU time is unavailable).
fn run_all(docs: &[Doc], sources: Sources) -> (Vec<Analysis>, f64, usize) {
    let start = Instant::now();
    let cpu0 = cpu_seconds();
    let out: Vec<Analysis> = docs.iter().map(|d| analyze_with(&d.article, sources)).collect();
    let secs = match (cpu0, cpu_seconds()) {
        (Some(a), Some(b)) if b > a => b - a,
        _ => start.elapsed().as_secs_f64(),
    }
    .max(1e-9);
    let words: usize = out.iter().map(|a| a.text.split_whitespace().count()).sum();
    (out, words as f64 / secs, words)
}

const TYPES: [EntityType; 3] = [EntityType::Person, EntityType::Organization, EntityType::Place];

const SOURCE_LABELS: [&str; 3] = ["rules and gazetteer alone", "tagger alone", "merged (shipped)"];

/// Scores each source alone and the merge that `analyze` ships; the counts
/// per source, in [`SOURCE_LABELS`] order.
fn score_ner_sources(name: &str, docs: &[Doc], report: &mut String) -> [[Prf; 3]; 3] {
    let mut out = [[Prf::default(); 3]; 3];
    for (k, sources) in
        [Sources { rules: true, tagger: false }, Sources { rules: false, tagger: true }, Sources::default()]
            .into_iter()
            .enumerate()
    {
        let prf = score_ner(&format!("{name} — {}", SOURCE_LABELS[k]), docs, sources, report);
        for (o, (_, p)) in out[k].iter_mut().zip(prf) {
            *o = p;
        }
    }
    out
}

fn prf_table(report: &mut String, prf: &[Prf; 3]) {
    let _ =
        writeln!(report, "  {:<13} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}", "type", "P", "R", "F1", "tp", "pred", "gold");
    let mut all = Prf::default();
    for (t, p) in TYPES.iter().zip(prf.iter()) {
        all.tp += p.tp;
        all.pred += p.pred;
        all.gold += p.gold;
        let _ = writeln!(
            report,
            "  {:<13} {:>6.3} {:>6.3} {:>6.3} {:>7} {:>7} {:>7}",
            t.as_str(),
            p.p(),
            p.r(),
            p.f(),
            p.tp,
            p.pred,
            p.gold
        );
    }
    let _ = writeln!(
        report,
        "  {:<13} {:>6.3} {:>6.3} {:>6.3} {:>7} {:>7} {:>7}",
        "all",
        all.p(),
        all.r(),
        all.f(),
        all.tp,
        all.pred,
        all.gold
    );
}

/// Scores one language's corpora on one split, then the parts pooled.
fn score_language(lang: &str, corpora: &[Corpus], split: Split, dir: &Path, report: &mut String) -> Result<(), String> {
    let mut pooled = [[Prf::default(); 3]; 3];
    for &c in corpora {
        let docs = corpus_docs(c, split, dir)?;
        let name = format!("ner-{lang} {} {} part", c.name(), split.name());
        let got = score_ner_sources(&name, &docs, report);
        for (p, g) in pooled.iter_mut().flatten().zip(got.iter().flatten()) {
            p.tp += g.tp;
            p.pred += g.pred;
            p.gold += g.gold;
        }
    }
    if corpora.len() > 1 {
        for (label, prf) in SOURCE_LABELS.iter().zip(&pooled) {
            let _ = writeln!(report, "ner-{lang} all corpora pooled, {} parts — {label}:", split.name());
            prf_table(report, prf);
        }
    }
    Ok(())
}

fn score_ner(name: &str, docs: &[Doc], sources: Sources, report: &mut String) -> Vec<(EntityType, Prf)> {
    let (analyses, wps, words) = run_all(docs, sources);
    let mut prf = [Prf::default(); 3];
    // ATLAS_EVAL_DUMP=file writes the misses and false alarms, for study
    let mut dump = std::env::var_os("ATLAS_EVAL_DUMP").map(|_| String::new());
    for (doc, a) in docs.iter().zip(&analyses) {
        let chars: Vec<char> = a.text.chars().collect();
        let text_of = |s: usize, e: usize| {
            chars.get(s..e.min(chars.len())).map(|c| c.iter().collect::<String>()).unwrap_or_default()
        };
        for g in &doc.gold {
            if let Some(t) = TYPES.iter().position(|t| *t == g.kind) {
                prf[t].gold += 1;
            }
            if let Some(d) = dump.as_mut() {
                let found = a.mentions.iter().find(|m| m.start < g.end && g.start < m.end);
                let exact = found.is_some_and(|m| m.kind == g.kind && m.end == g.end);
                if !exact {
                    let got = found.map(|m| format!("{}:{}", m.kind.as_str(), m.text)).unwrap_or_default();
                    let ctx = text_of(g.start.saturating_sub(30), g.end + 30).replace('\n', " ");
                    let _ = writeln!(d, "FN\t{}\t{}\t{}\t{}", g.kind.as_str(), text_of(g.start, g.end), got, ctx);
                }
            }
        }
        for m in &a.mentions {
            let Some(t) = TYPES.iter().position(|t| *t == m.kind) else { continue };
            prf[t].pred += 1;
            let hit = doc.gold.iter().any(|g| {
                g.kind == m.kind
                    && g.end == m.end
                    && (g.start == m.start
                        || (g.start < m.start
                            && proclitics_only(&chars[g.start..m.start.min(chars.len())].iter().collect::<String>())))
            });
            if hit {
                prf[t].tp += 1;
            } else if let Some(d) = dump.as_mut() {
                let ctx = text_of(m.start.saturating_sub(30), m.end + 30).replace('\n', " ");
                let _ = writeln!(d, "FP\t{}\t{}\t\t{}", m.kind.as_str(), m.text, ctx);
            }
        }
    }
    if let (Some(d), Some(path)) = (dump, std::env::var_os("ATLAS_EVAL_DUMP")) {
        let _ = std::fs::write(std::path::PathBuf::from(path).with_extension(name.split(' ').next().unwrap_or("x")), d);
    }
    let _ = writeln!(report, "{name}: {} documents, {words} words, {wps:.0} words/s (CPU time)", docs.len());
    prf_table(report, &prf);
    TYPES.iter().copied().zip(prf).collect()
}

fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

fn score_geo(name: &str, docs: &[Doc], report: &mut String) -> (usize, usize, usize) {
    let (analyses, wps, words) = run_all(docs, Sources::default());
    let (mut gold, mut found, mut correct, mut within_area) = (0, 0, 0, 0);
    for (doc, a) in docs.iter().zip(&analyses) {
        // single-block documents: the text is the title itself
        for &(s, e, lat, lon) in &doc.geo {
            gold += 1;
            let m = a.mentions.iter().find(|m| m.kind == EntityType::Place && m.start < e && s < m.end);
            let Some(m) = m else { continue };
            let Some(p) = a.entities.iter().find(|x| x.id == m.entity).and_then(|x| x.place.as_ref()) else { continue };
            found += 1;
            let d = km(p.lat, p.lon, lat, lon);
            if d <= 161.0 {
                correct += 1;
            }
            // an area is also right when the gold point lies inside it
            if d <= 161.0f64.max(p.radius_km.unwrap_or(0.0)) {
                within_area += 1;
            }
        }
    }
    let _ = writeln!(report, "{name}: {} documents, {words} words, {wps:.0} words/s (CPU time)", docs.len());
    let _ = writeln!(
        report,
        "  gold places {gold}; found (overlapping place mention) {found} ({:.3}); within 161 km {correct}: accuracy on found {:.3}, on all gold {:.3}",
        ratio(found, gold),
        ratio(correct, found),
        ratio(correct, gold)
    );
    let _ = writeln!(
        report,
        "  counting a gold point inside a resolved country or region as right: {within_area}, accuracy on found {:.3}",
        ratio(within_area, found)
    );
    (gold, found, correct)
}

/// Runs one evaluation (`ner-ar`, `ner-en`, `geo-en`, `geo-ar` or `all`)
/// and returns the printed report.
pub fn run(which: &str, dir: &Path) -> Result<String, String> {
    let mut report = String::new();
    let _ = writeln!(report, "command: cargo run --release --bin eval -- {which}   (data: {})", dir.display());
    let all = which == "all";
    // development parts first (tuned on), then test parts (never tuned
    // on); "ner-ar-dev" runs only the development parts, for tuning
    let (task, only) = match which.rsplit_once('-') {
        Some((t, "dev")) => (t, Some(Split::Dev)),
        Some((t, "test")) => (t, Some(Split::Test)),
        _ => (which, None),
    };
    for split in [Split::Dev, Split::Test].into_iter().filter(|s| only.is_none_or(|o| o == *s)) {
        if all || task == "ner-ar" {
            score_language("ar", &corpus::ARABIC, split, dir, &mut report)?;
        }
        if all || task == "ner-en" {
            score_language("en", &[Corpus::Conll], split, dir, &mut report)?;
        }
    }
    if all || which == "geo-en" {
        let (docs, bad) = geovirus(dir)?;
        score_geo("geo-en GeoVirus", &docs, &mut report);
        if bad > 0 {
            let _ = writeln!(report, "  ({bad} gold spans did not match their names)");
        }
    }
    if all || which == "geo-ar" {
        score_geo("geo-ar IDRISI-D train", &idrisi(dir)?, &mut report);
    }
    if !all && !["ner-ar", "ner-en", "geo-en", "geo-ar"].contains(&task) {
        return Err(format!(
            "unknown evaluation {which:?}: use ner-ar, ner-en (either with -dev or -test), geo-en, geo-ar or all"
        ));
    }
    Ok(report)
}
