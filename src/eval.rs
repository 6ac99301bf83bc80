//! Scoring `analyze` against annotated development data (native only).
//!
//! - `ner-ar`: NewsFANE, ANERcorp_train.txt, WikiFANE Gold and the Wojood
//!   sample, each on its development part and its test part (never tuned
//!   on), then pooled; types mapped to person, organization and place by
//!   [`crate::tagger::corpus`], where the splits are written down.
//! - `ner-en`: CoNLL-2003 testa (development) and the held-out last 10% of
//!   eng.train documents (test); PER, ORG, LOC, MISC left out.
//! - `ner-ar-tail`, `ner-en-tail`: the last quarter of each corpus's train
//!   documents, held out only from weights trained on the rest
//!   (`train_tagger --train-share 0.75`, given through `ATLAS_TAGGER_DIR`).
//! - `geo-en`: GeoVirus (English WikiNews), `geo-ar`: IDRISI-D train
//!   (Arabic tweets): places end to end, by kind (development figures: the
//!   resolver is tuned on them).
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
use crate::gazetteer;
use crate::model::{Analysis, Article, Dir, EntityType, Mention, MentionForm};
use crate::tagger::corpus::{self, Corpus, Split};
use crate::tagger::kind_of;

mod geo_corpora;
use geo_corpora::{geovirus, idrisi};

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
    /// Gold places with coordinates (place corpora only).
    geo: Vec<GeoGold>,
}

/// A gold place: code points into the built text, its point, its kind
/// (one of [`PLACE_KINDS`]) and its text.
struct GeoGold {
    start: usize,
    end: usize,
    lat: f64,
    lon: f64,
    kind: &'static str,
    text: String,
}

/// The kinds place scores are split by: IDRISI-D's own types, grouped;
/// GeoVirus has none, so its gold places take the kind of the gazetteer
/// record of their name nearest the gold point ("not in gazetteer" when the
/// name has none, which also measures coverage).
const PLACE_KINDS: &[&str] = &[
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

/// The development Arabic news articles (`news_ar/saudinewsnet_dev50.jsonl`
/// in the development data, or the SaudiNewsNet JSON Lines file at `path`),
/// with each one's line number: title, content as the body, and
/// `date_extracted` as the publication date, and `lang` when a line has one
/// (Arabic otherwise). Lines that are not articles
/// are left out. For the reports judged by eye (`examples/*_mentions.rs`,
/// `examples/timeline_items.rs`).
pub fn dev_news(path: Option<&Path>) -> Result<Vec<(usize, crate::Article)>, String> {
    let path = path.map_or_else(|| devdata_dir().join("news_ar/saudinewsnet_dev50.jsonl"), Path::to_path_buf);
    let text = read(&path)?;
    Ok(text
        .lines()
        .enumerate()
        .filter_map(|(n, line)| {
            let v: serde_json::Value = serde_json::from_str(line).ok()?;
            let s = |k: &str| v.get(k).and_then(|t| t.as_str()).unwrap_or_default().to_string();
            let lang = v.get("lang").and_then(|t| t.as_str()).unwrap_or("ar");
            let json = serde_json::json!({"title": s("title"), "body": s("content"), "lang": lang, "published": v.get("date_extracted")});
            Some((n, crate::parse_article(json.to_string().as_bytes()).ok()?))
        })
        .collect())
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
                        if let Some(g) = open.as_mut().filter(|_| cont) {
                            g.end = pos + len;
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

/// A part of the annotated corpora that eval scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Of(Split),
    /// The train documents after the first [`corpus::HELD_OUT_SHARE`]
    /// (only meaningful with weights trained on that share).
    TrainTail,
}

impl Part {
    fn name(self) -> &'static str {
        match self {
            Part::Of(s) => s.name(),
            Part::TrainTail => "train-tail",
        }
    }
}

/// One part of a corpus as evaluation documents: Arabic corpora in runs
/// of 20 sentences, 4 a paragraph (they mark no documents); CoNLL-2003 by
/// its documents, a sentence a paragraph (headlines and datelines stand
/// alone, as on a page).
fn corpus_docs(c: Corpus, part: Part, dir: &Path) -> Result<Vec<Doc>, String> {
    let docs = match part {
        Part::Of(split) => c.load(split, 20, &mut |rel| read(&dir.join(rel)))?,
        Part::TrainTail => {
            let mut all = c.load(Split::Train, 20, &mut |rel| read(&dir.join(rel)))?;
            all.split_off(corpus::share_count(all.len(), corpus::HELD_OUT_SHARE))
        }
    };
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

/// Scores one language's corpora on one part, then the parts pooled.
fn score_language(lang: &str, corpora: &[Corpus], part: Part, dir: &Path, report: &mut String) -> Result<(), String> {
    let mut pooled = [[Prf::default(); 3]; 3];
    let mut news = [[Prf::default(); 3]; 3];
    for &c in corpora {
        let docs = corpus_docs(c, part, dir)?;
        let name = format!("ner-{lang} {} {} part", c.name(), part.name());
        let got = score_ner_sources(&name, &docs, report);
        let add = |to: &mut [[Prf; 3]; 3]| {
            for (p, g) in to.iter_mut().flatten().zip(got.iter().flatten()) {
                p.tp += g.tp;
                p.pred += g.pred;
                p.gold += g.gold;
            }
        };
        add(&mut pooled);
        if NEWSWIRE.contains(&c) {
            add(&mut news);
        }
    }
    if corpora.len() > 1 {
        for (label, prf) in SOURCE_LABELS.iter().zip(&pooled) {
            let _ = writeln!(report, "ner-{lang} all corpora pooled, {} parts — {label}:", part.name());
            prf_table(report, prf);
        }
    }
    if corpora.iter().filter(|c| NEWSWIRE.contains(c)).count() > 1 {
        for (label, prf) in SOURCE_LABELS.iter().zip(&news) {
            let _ = writeln!(
                report,
                "ner-{lang} newswire corpora pooled (NewsFANE, ANERcorp), {} parts — {label}:",
                part.name()
            );
            prf_table(report, prf);
        }
    }
    Ok(())
}

/// The Arabic corpora of news agency text, pooled apart from the rest: the
/// aims are set for unseen news, and WikiFANE is encyclopaedia text and the
/// Wojood sample mixes news with other domains.
const NEWSWIRE: [Corpus; 2] = [Corpus::NewsFane, Corpus::AnerCorp];

fn score_ner(name: &str, docs: &[Doc], sources: Sources, report: &mut String) -> Vec<(EntityType, Prf)> {
    let (analyses, wps, words) = run_all(docs, sources);
    let mut prf = [Prf::default(); 3];
    // ATLAS_EVAL_DUMP=file writes misses and false alarms (and what they meet)
    let mut dump = std::env::var_os("ATLAS_EVAL_DUMP").map(|_| String::new());
    // nationality mentions, and what gold spans they meet
    let mut demonyms: (usize, std::collections::BTreeMap<&str, usize>) = Default::default();
    let mut references = 0usize;
    // places inside organisations' names, and how many meet a gold span
    let mut within = (0usize, 0usize);
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
                let meets = |m: &&Mention| m.start < g.end && g.start < m.end && m.form != MentionForm::Within;
                let found = a.mentions.iter().filter(meets).min_by_key(|m| !(m.kind == g.kind && m.end == g.end));
                let exact = found.is_some_and(|m| m.kind == g.kind && m.end == g.end);
                if !exact {
                    let got = found.map(|m| format!("{}:{}", m.kind.as_str(), m.text)).unwrap_or_default();
                    let ctx = text_of(g.start.saturating_sub(30), g.end + 30).replace('\n', " ");
                    let _ = writeln!(d, "FN\t{}\t{}\t{}\t{}", g.kind.as_str(), text_of(g.start, g.end), got, ctx);
                }
            }
        }
        for m in &a.mentions {
            // a nationality word is not a name of a person, organisation or
            // place: not scored (counted below with the gold spans it meets)
            // nor is an organisation's bare head noun ("التحالف"): counted apart
            if m.form == MentionForm::Reference {
                references += 1;
                continue;
            }
            // a place inside an organisation's name: the corpora mark the
            // organisation (scored above), not the place nested in it
            if m.form == MentionForm::Within {
                within.0 += 1;
                within.1 += usize::from(doc.gold.iter().any(|g| g.start < m.end && m.start < g.end));
                continue;
            }
            if m.form == MentionForm::Demonym {
                demonyms.0 += 1;
                if let Some(g) = doc.gold.iter().find(|g| g.start < m.end && m.start < g.end) {
                    *demonyms
                        .1
                        .entry(if g.end == m.end { g.kind.as_str() } else { "inside or across a gold name" })
                        .or_default() += 1;
                }
                continue;
            }
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
                let g = doc.gold.iter().find(|g| g.start < m.end && m.start < g.end);
                let g = g.map(|g| format!("{}:{}", g.kind.as_str(), text_of(g.start, g.end))).unwrap_or_default();
                let _ = writeln!(d, "FP\t{}\t{}\t{g}\t{}", m.kind.as_str(), m.text, ctx);
            }
        }
    }
    if let (Some(d), Some(path)) = (dump, std::env::var_os("ATLAS_EVAL_DUMP")) {
        // one file per corpus and source: "dump.ner-ar-NewsFANE-merged"
        let tag: String = name
            .split_whitespace()
            .filter(|w| w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .take(2)
            .chain(name.split(" — ").nth(1).and_then(|s| s.split_whitespace().next()))
            .collect::<Vec<_>>()
            .join("-");
        let _ = std::fs::write(std::path::PathBuf::from(path).with_extension(tag), d);
    }
    let _ = writeln!(report, "{name}: {} documents, {words} words, {wps:.0} words/s (CPU time)", docs.len());
    prf_table(report, &prf);
    if demonyms.0 > 0 {
        let met = demonyms.1.iter().map(|(k, n)| format!("{n} {k}")).collect::<Vec<_>>().join(", ");
        let _ = writeln!(report, "  nationality mentions (not scored): {}; meeting gold: {met}", demonyms.0);
    }
    if references > 0 {
        let _ = writeln!(report, "  organisation head-noun references (not scored): {references}");
    }
    if within.0 > 0 {
        let _ = writeln!(
            report,
            "  places inside organisations' names (not scored): {}; meeting a gold span: {}",
            within.0, within.1
        );
    }
    TYPES.iter().copied().zip(prf).collect()
}

/// Found and resolved counts of one place kind.
#[derive(Default, Clone, Copy)]
struct PlaceCounts {
    gold: usize,
    found: usize,
    correct: usize,
}

/// End-to-end place scores by kind: a gold place is found when a predicted
/// place mention overlaps it, and correct when its point is within 161 km
/// of the gold point. Precision counts predicted place mentions that overlap
/// no gold place as false; both corpora leave some places unannotated
/// (GeoVirus: places in organisation names; IDRISI-D: some hashtags), so it
/// is a lower bound. `list` sets how many of the most frequent misses, wrong
/// resolutions and unannotated predictions are printed.
fn score_geo(name: &str, docs: &[Doc], list: usize, report: &mut String) {
    let (analyses, wps, words) = run_all(docs, Sources::default());
    let mut by_kind: std::collections::BTreeMap<&str, PlaceCounts> = Default::default();
    let (mut pred, mut pred_ok, mut within_area) = (0usize, 0usize, 0usize);
    let mut misses: std::collections::BTreeMap<String, usize> = Default::default();
    let mut wrong = misses.clone();
    let mut spurious = misses.clone();
    // nationality mentions, and how many meet a gold place
    let mut nationality = (0usize, 0usize);
    // places inside organisations' names (counted above too), and how many meet a gold place
    let mut within = (0usize, 0usize);
    // ATLAS_GEO_CONTEXT=1: every miss with the text around it, on standard error
    let show_context = std::env::var_os("ATLAS_GEO_CONTEXT").is_some();
    for (doc, a) in docs.iter().zip(&analyses) {
        // place names, places inside organisations' names (GeoVirus marks
        // "U.S." in "U.S. Army") and nouns standing for the story's country
        // (IDRISI marks "المملكة"): nationality words are counted apart
        let placed: Vec<_> =
            a.mentions.iter().filter(|m| m.kind == EntityType::Place && m.form != MentionForm::Demonym).collect();
        for m in placed.iter().filter(|m| m.form == MentionForm::Within) {
            within.0 += 1;
            let gold = doc.geo.iter().any(|g| m.start < g.end && g.start < m.end);
            within.1 += usize::from(gold);
            if show_context {
                let org = a
                    .mentions
                    .iter()
                    .find(|o| o.kind == EntityType::Organization && o.start <= m.start && m.end <= o.end);
                let org = org.map_or("", |o| o.text.as_str());
                eprintln!("WITHIN {} {:?} in {org:?}", if gold { "gold" } else { "not-gold" }, m.text);
            }
        }
        for m in a.mentions.iter().filter(|m| m.form == MentionForm::Demonym) {
            nationality.0 += 1;
            if doc.geo.iter().any(|g| m.start < g.end && g.start < m.end) {
                nationality.1 += 1;
            }
        }
        for m in &placed {
            pred += 1;
            if doc.geo.iter().any(|g| m.start < g.end && g.start < m.end) {
                pred_ok += 1;
            } else {
                *spurious.entry(m.text.clone()).or_default() += 1;
            }
        }
        for g in &doc.geo {
            let c = by_kind.entry(g.kind).or_default();
            c.gold += 1;
            let hit = placed.iter().find(|m| m.start < g.end && g.start < m.end);
            let ent = hit.and_then(|m| a.entities.iter().find(|e| e.id == m.entity));
            let Some((e, p)) = ent.and_then(|e| e.place.as_ref().map(|p| (e, p))) else {
                if show_context {
                    let t: Vec<char> = a.text.chars().collect();
                    let around: String = t[g.start.saturating_sub(60)..(g.end + 60).min(t.len())].iter().collect();
                    let over = a.mentions.iter().find(|m| m.start < g.end && g.start < m.end);
                    let over = over.map_or(String::new(), |m| format!(" (as {:?} {:?})", m.kind, m.text));
                    eprintln!("MISS {} [{}]{over}: {}", g.text, g.kind, around.replace('\n', " "));
                }
                *misses.entry(format!("{} [{}]", g.text, g.kind)).or_default() += 1;
                continue;
            };
            c.found += 1;
            let d = gazetteer::distance_km(p.lat, p.lon, g.lat, g.lon);
            if d <= 161.0 {
                c.correct += 1;
            } else {
                let cc = p.country.as_deref().unwrap_or("-");
                let label =
                    format!("{} → {} ({cc}, {}) ~{:.0} km", g.text, e.name, p.gazetteer_id, (d / 50.0).round() * 50.0);
                if show_context {
                    let t: Vec<char> = a.text.chars().collect();
                    let around: String = t[g.start.saturating_sub(60)..(g.end + 60).min(t.len())].iter().collect();
                    eprintln!(
                        "WRONG {label} [{}] gold {:.2},{:.2} pinned {:.2},{:.2}: {}",
                        g.kind,
                        g.lat,
                        g.lon,
                        p.lat,
                        p.lon,
                        around.replace('\n', " ")
                    );
                }
                *wrong.entry(label).or_default() += 1;
            }
            // an area is also right when the gold point lies inside it
            if d <= 161.0f64.max(p.radius_km.unwrap_or(0.0)) {
                within_area += 1;
            }
        }
    }
    let total = by_kind.values().fold(PlaceCounts::default(), |t, c| PlaceCounts {
        gold: t.gold + c.gold,
        found: t.found + c.found,
        correct: t.correct + c.correct,
    });
    let _ = writeln!(report, "{name}: {} documents, {words} words, {wps:.0} words/s (CPU time)", docs.len());
    let _ = writeln!(
        report,
        "  {:<17} {:>6} {:>7} {:>7} {:>10} {:>8}",
        "kind", "gold", "found", "recall", "res@found", "e2e@161"
    );
    let kinds = PLACE_KINDS.iter().filter_map(|k| by_kind.get(k).map(|c| (*k, *c)));
    for (k, c) in kinds.chain([("all", total)]) {
        let _ = writeln!(
            report,
            "  {k:<17} {:>6} {:>7} {:>7.3} {:>10.3} {:>8.3}",
            c.gold,
            c.found,
            ratio(c.found, c.gold),
            ratio(c.correct, c.found),
            ratio(c.correct, c.gold)
        );
    }
    let _ = writeln!(
        report,
        "  predicted place mentions {pred}, overlapping a gold place {pred_ok}: precision {:.3}; counting a gold point inside a resolved country or region as right: accuracy on found {:.3}",
        ratio(pred_ok, pred),
        ratio(within_area, total.found)
    );
    let _ = writeln!(
        report,
        "  nationality mentions (not counted above) {}, overlapping a gold place {}; places inside organisations' names (counted above) {}, overlapping a gold place {}",
        nationality.0, nationality.1, within.0, within.1
    );
    for (title, map) in [("misses", &misses), ("wrong resolutions", &wrong), ("predicted, not gold", &spurious)] {
        let mut v: Vec<(&String, &usize)> = map.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let shown: Vec<String> = v.iter().take(list).map(|(k, n)| format!("{n}× {k}")).collect();
        let _ = writeln!(report, "  most frequent {title} ({} distinct): {}", v.len(), shown.join("; "));
    }
}

/// Runs one evaluation (`ner-ar`, `ner-en`, `geo-en`, `geo-ar` or `all`)
/// and returns the printed report.
pub fn run(which: &str, dir: &Path) -> Result<String, String> {
    run_listing(which, dir, 10)
}

/// [`run`], printing the `list` most frequent place misses and wrong
/// resolutions of each place corpus.
pub fn run_listing(which: &str, dir: &Path, list: usize) -> Result<String, String> {
    let mut report = String::new();
    let _ = writeln!(report, "command: cargo run --release --bin eval -- {which}   (data: {})", dir.display());
    let all = which == "all";
    // development parts first (tuned on), then test parts (never tuned
    // on); "ner-ar-dev" runs only the development parts, for tuning;
    // "ner-ar-tail" only the held-out quarter of the train parts
    let (task, only) = match which.rsplit_once('-') {
        Some((t, "dev")) => (t, Some(Part::Of(Split::Dev))),
        Some((t, "test")) => (t, Some(Part::Of(Split::Test))),
        Some((t, "tail")) => (t, Some(Part::TrainTail)),
        _ => (which, None),
    };
    let parts = match only {
        Some(p) => vec![p],
        None => vec![Part::Of(Split::Dev), Part::Of(Split::Test)],
    };
    for part in parts {
        if all || task == "ner-ar" {
            score_language("ar", &corpus::ARABIC, part, dir, &mut report)?;
        }
        if all || task == "ner-en" {
            score_language("en", &[Corpus::Conll], part, dir, &mut report)?;
        }
    }
    if all || which == "geo-en" {
        let (docs, bad) = geovirus(dir)?;
        score_geo("geo-en GeoVirus (development)", &docs, list, &mut report);
        if bad > 0 {
            let _ = writeln!(report, "  ({bad} gold spans did not match their names)");
        }
    }
    if all || which == "geo-ar" {
        score_geo("geo-ar IDRISI-D train (development)", &idrisi(dir)?, list, &mut report);
    }
    if !all && !["ner-ar", "ner-en", "geo-en", "geo-ar"].contains(&task) {
        return Err(format!(
            "unknown evaluation {which:?}: use ner-ar, ner-en (either with -dev, -test or -tail), geo-en, geo-ar or all"
        ));
    }
    Ok(report)
}
