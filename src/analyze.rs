//! The one pure pipeline: `Article` → `Analysis`.
//!
//! text → tokens and sentences → dates (time) → mentions (recognise) →
//! entities and coordinates (resolve) → events → ids, counts, salience.
//!
//! The title and each paragraph are blocks, joined in the analysed text by
//! a blank line. Blocks are the unit of every recogniser: tokens and
//! sentences never run across a line break, the tagger and the date finder
//! run block by block, and no mention, date or event span crosses a block
//! (`tests/blocks.rs` checks it on real articles).

use crate::events;
use crate::model::{
    Analysis, Article, Block, DateMention, Entity, EntityType, Event, Mention, MentionForm, Names, Ymd,
};
use crate::recognise::{self, Found};
use crate::resolve;
use crate::text::{self, Token};
use crate::time::FoundDate;

/// Which recognisers `analyze` combines (all of them by default; the
/// evaluation switches them to measure each alone and the merge).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sources {
    /// Lists, gazetteer and hand-written rules.
    pub rules: bool,
    /// The learned sequence tagger.
    pub tagger: bool,
}

impl Default for Sources {
    fn default() -> Self {
        Sources { rules: true, tagger: true }
    }
}

/// Analyses an article: finds its mentions, entities, dates and events.
/// Pure: same article, same analysis; never panics.
pub fn analyze(article: &Article) -> Analysis {
    analyze_with(article, Sources::default())
}

/// [`analyze`] with a choice of recognisers.
pub fn analyze_with(article: &Article, sources: Sources) -> Analysis {
    let mut text = String::new();
    let mut blocks = Vec::new();
    // Byte ranges of the blocks in `text`, for the recognisers run per block.
    let mut spans = Vec::new();
    let mut pos = 0usize;
    for (i, block) in std::iter::once(&article.title).chain(article.paragraphs.iter()).enumerate() {
        if i > 0 {
            text.push_str("\n\n");
            pos += 2;
        }
        let len = block.chars().count();
        let from = text.len();
        text.push_str(block);
        spans.push(from..text.len());
        let dir = if i == 0 { article.dir } else { article.paragraph_dirs.get(i - 1).copied().unwrap_or(article.dir) };
        blocks.push(Block { start: pos, end: pos + len, dir });
        pos += len;
    }
    let published = article.published.as_ref().and_then(|p| p.date);
    let units: Vec<Unit> = blocks.iter().zip(spans).map(|(b, bytes)| Unit { chars: b.start..b.end, bytes }).collect();
    let (mentions, entities, dates, events) = find_all(&text, &units, &article.lang, published, sources);
    Analysis {
        lang: article.lang.clone(),
        dir: article.dir,
        title: article.title.clone(),
        subtitle: article.subtitle.clone(),
        source: article.source.clone(),
        section: article.section.clone(),
        authors: article.authors.clone(),
        url: article.url.clone(),
        published_raw: article.published.as_ref().map(|p| p.raw.clone()),
        published: published.map(ymd_str),
        text,
        blocks,
        mentions,
        entities,
        dates,
        events,
        warnings: article.warnings.clone(),
    }
}

fn ymd_str(d: Ymd) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

fn prefix(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "per",
        EntityType::Organization => "org",
        EntityType::Place => "plc",
        EntityType::Date => "dat",
        EntityType::Event => "evt",
    }
}

/// A block of the text (the title or a paragraph): the unit every
/// recogniser runs on, so that no span runs from one block into the next.
struct Unit {
    /// Code point range in the text.
    chars: std::ops::Range<usize>,
    /// Byte range in the text.
    bytes: std::ops::Range<usize>,
}

/// The tokens of each block, as index ranges into `tokens` (tokens never
/// span white space, so each lies in one block).
fn token_ranges(tokens: &[Token], units: &[Unit]) -> Vec<std::ops::Range<usize>> {
    units
        .iter()
        .map(|u| {
            let lo = tokens.partition_point(|t| t.start < u.chars.start);
            let hi = tokens.partition_point(|t| t.start < u.chars.end);
            lo..hi.max(lo)
        })
        .collect()
}

/// The whole analysis of `text`: mentions (sorted, non-overlapping but for
/// the places nested in organisations' names),
/// entities (ids in order of first mention), dates and events.
fn find_all(
    text: &str,
    units: &[Unit],
    lang: &str,
    published: Option<Ymd>,
    sources: Sources,
) -> (Vec<Mention>, Vec<Entity>, Vec<DateMention>, Vec<Event>) {
    let title_end = units.first().map_or(0, |u| u.chars.end);
    let chars = text::chars_of(text);
    let slice = |s: usize, e: usize| -> String {
        chars.get(s..e.min(chars.len())).map_or_else(String::new, |c| c.iter().collect())
    };
    let tokens = text::tokenize_chars(text, &chars);
    let sentences = text::sentences_chars(&chars);
    let words = recognise::words(&tokens, &sentences);
    let ar = lang.starts_with("ar");
    let ranges = token_ranges(&tokens, units);
    let found_dates = find_dates_in(text, units, &tokens, &ranges, lang, published);
    let spans: Vec<(usize, usize)> = found_dates.iter().map(|d| (d.start, d.end)).collect();
    let tagged = if sources.tagger { tag_blocks(&tokens, &ranges, lang) } else { None };
    let mut found: Vec<Found> = recognise::recognise(&words, lang, &spans, tagged.as_deref(), sources.rules);
    recognise::abbreviation_dots(&words, &mut found, &|i| chars.get(i) == Some(&'.'));
    let texts: Vec<String> = found.iter().map(|f| slice(f.start, f.end)).collect();
    let (ents, of_mention) = resolve::entities(&found, &texts, &words, ar);

    // dates: one entity per distinct value
    let mut date_ents: Vec<(String, Vec<usize>)> = Vec::new();
    let mut date_of: Vec<Option<usize>> = vec![None; found.len()];
    for (i, f) in found.iter().enumerate() {
        if let recognise::What::Date(d) = f.what {
            if let Some(fd) = found_dates.get(d) {
                let e = match date_ents.iter().position(|(v, _)| *v == fd.value.value) {
                    Some(e) => e,
                    None => {
                        date_ents.push((fd.value.value.clone(), Vec::new()));
                        date_ents.len() - 1
                    }
                };
                date_ents[e].1.push(i);
                date_of[i] = Some(e);
            }
        }
    }

    // entities in order of first mention; each id says what the entity is
    // (see [`entity_ids`]), so it survives a late asset and a re-analysis
    let mut order: Vec<(usize, bool, usize)> = Vec::new(); // (first start, is date, index)
    for (e, ent) in ents.iter().enumerate() {
        if let Some(first) = ent.mentions.iter().map(|&m| found[m].start).min() {
            order.push((first, false, e));
        }
    }
    for (e, (_, ms)) in date_ents.iter().enumerate() {
        if let Some(first) = ms.iter().map(|&m| found[m].start).min() {
            order.push((first, true, e));
        }
    }
    crate::sort::sort(&mut order);
    let (ids_ent, ids_date) = entity_ids(&ents, &date_ents);
    let mut entities: Vec<Entity> = Vec::new();
    let n_chars = chars.len().max(1) as f64;
    for &(first, is_date, e) in &order {
        if is_date {
            let (_, ms) = &date_ents[e];
            let name = ms.first().and_then(|&m| texts.get(m)).cloned().unwrap_or_default();
            entities.push(Entity {
                id: ids_date[e].clone(),
                kind: EntityType::Date,
                name,
                names: Names::default(),
                mentions: ms.len(),
                salience: salience(ms.len(), first, title_end, n_chars),
                place: None,
                places: Vec::new(),
            });
        } else {
            let ent = &ents[e];
            entities.push(Entity {
                id: ids_ent[e].clone(),
                kind: ent.kind,
                name: ent.name.clone(),
                names: ent.names.clone(),
                mentions: ent.mentions.len(),
                salience: salience(ent.mentions.len(), first, title_end, n_chars),
                place: ent.place.clone(),
                places: Vec::new(),
            });
        }
    }

    link_org_places(&found, &words, &ents, &of_mention, &ids_ent, &mut entities);

    let mut mentions: Vec<Mention> = Vec::new();
    // places inside organisations' names, nested in their mentions: joined
    // after the event triggers, which are looked up among disjoint names
    let mut nested: Vec<Mention> = Vec::new();
    let mut dates: Vec<DateMention> = Vec::new();
    for (i, f) in found.iter().enumerate() {
        let entity = match (of_mention.get(i).copied().flatten(), date_of[i]) {
            (Some(e), _) => ids_ent[e].clone(),
            (None, Some(d)) => ids_date[d].clone(),
            _ => continue,
        };
        if let Some(fd) = match f.what {
            recognise::What::Date(d) => found_dates.get(d),
            _ => None,
        } {
            dates.push(DateMention {
                start: f.start,
                end: f.end,
                text: texts[i].clone(),
                entity: entity.clone(),
                date: fd.value.clone(),
            });
        }
        let form = if f.demonym {
            MentionForm::Demonym
        } else if f.reference {
            MentionForm::Reference
        } else if f.within {
            MentionForm::Within
        } else {
            MentionForm::Name
        };
        // a compass phrase is marked on the name it qualifies ([`recognise::Found::lead`])
        let text = if f.lead > 0 { texts[i].chars().skip(f.lead).collect() } else { texts[i].clone() };
        let m = Mention { start: f.start + f.lead, end: f.end, text, kind: f.kind, entity, form };
        if f.within {
            nested.push(m)
        } else {
            mentions.push(m)
        }
    }

    // events (a nationality word is neither where an event is nor who takes
    // part, nor is a place inside an organisation's name)
    let ev_mentions: Vec<events::M<'_>> = found
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.demonym && !f.within)
        .filter_map(|(i, f)| {
            let (entity, place_kind, date) = match (of_mention.get(i).copied().flatten(), date_of[i]) {
                (Some(e), _) => (e, ents[e].place.as_ref().map(|p| p.kind), None),
                (None, Some(d)) => {
                    let fd = match f.what {
                        recognise::What::Date(x) => found_dates.get(x).map(|x| &x.value),
                        _ => None,
                    };
                    (usize::MAX - d, None, fd)
                }
                _ => return None,
            };
            Some(events::M { start: f.start, end: f.end, kind: f.kind, entity, place_kind, date })
        })
        .collect();
    let mut evs = events::find(&words, &sentences, &ev_mentions, published, title_end);
    events::place_by_refs(&mut evs, &tokens, &found_dates, published, &slice);
    let mut out_events = Vec::new();
    let n_named = mentions.len();
    let ev_ids =
        unique_ids(evs.iter().map(|ev| (format!("evt-{}-{}", ev.kind, ev.trigger_start), String::new())).collect());
    for (ev, id) in evs.into_iter().zip(ev_ids) {
        let place_id = ev.place.and_then(|p| ids_ent.get(p).cloned());
        let place_name = ev.place.and_then(|p| ents.get(p)).map(|e| e.name.clone());
        let trigger = slice(ev.trigger_start, ev.trigger_end);
        let label = match (&place_name, ar) {
            (Some(p), true) => format!("{trigger} في {p}"),
            (Some(p), false) => format!("{} in {p}", ev.kind),
            (None, true) => trigger.clone(),
            (None, false) => ev.kind.to_string(),
        };
        let participants: Vec<String> = ev.participants.iter().filter_map(|&p| ids_ent.get(p).cloned()).collect();
        // the trigger is a mention of the event unless a name covers it
        // (named mentions are sorted and disjoint: binary search, not a scan per event)
        let named = mentions.get(..n_named).unwrap_or_default();
        let k = named.partition_point(|m| m.end <= ev.trigger_start);
        let free = named.get(k).is_none_or(|m| m.start >= ev.trigger_end);
        if free && ev.trigger_end > ev.trigger_start {
            mentions.push(Mention {
                start: ev.trigger_start,
                end: ev.trigger_end,
                text: trigger.clone(),
                kind: EntityType::Event,
                entity: id.clone(),
                form: MentionForm::Name,
            });
        }
        entities.push(Entity {
            id: id.clone(),
            kind: EntityType::Event,
            name: label.clone(),
            names: if ar {
                Names { ar: Some(label.clone()), en: None }
            } else {
                Names { ar: None, en: Some(label.clone()) }
            },
            mentions: usize::from(free),
            salience: salience(1, ev.start, title_end, n_chars),
            place: None,
            places: Vec::new(),
        });
        out_events.push(Event {
            id,
            kind: ev.kind.to_string(),
            trigger,
            trigger_start: ev.trigger_start,
            trigger_end: ev.trigger_end,
            label,
            date: ev.date,
            relation: ev.relation,
            approx: ev.approx,
            place: place_id,
            participants,
            start: ev.start,
            end: ev.end,
        });
    }
    mentions.extend(nested);
    crate::sort::sort_by_key(&mut mentions, |m| (m.start, m.end));
    (mentions, entities, dates, out_events)
}

/// Links each organisation to the places its name refers to: the places
/// named inside it ("University of Kentucky" to Kentucky, each a nested
/// mention), and the countries of a nationality word inside it
/// ([`recognise::countries_in`]) when the article also mentions them:
/// "اللجنة الأولمبية السعودية" to Saudi Arabia.
fn link_org_places(
    found: &[Found],
    words: &[recognise::Word],
    ents: &[resolve::Ent],
    of_mention: &[Option<usize>],
    ids_ent: &[String],
    entities: &mut [Entity],
) {
    let places = crate::gazetteer::places();
    for (e, ent) in ents.iter().enumerate().filter(|(_, x)| x.kind == EntityType::Organization) {
        let mut linked: Vec<String> = Vec::new();
        for &m in ent.mentions.iter().filter(|&&m| of_mention.get(m) == Some(&Some(e))) {
            let Some(f) = found.get(m) else { continue };
            // found is sorted by span: the nested places start inside the organisation
            let lo = found.partition_point(|x| x.start < f.start);
            let inside = found[lo..].iter().enumerate().take_while(|(_, x)| x.start < f.end);
            for (k, _) in inside.filter(|(_, x)| x.within && x.end <= f.end) {
                if let Some(id) = of_mention.get(lo + k).copied().flatten().and_then(|x| ids_ent.get(x)) {
                    if !linked.contains(id) {
                        linked.push(id.clone());
                    }
                }
            }
            for p in recognise::countries_in(words, f.w0, f.w1) {
                let Some(gid) = places.get(p as usize).map(|p| p.id) else { continue };
                let place = ents.iter().position(|x| x.place.as_ref().is_some_and(|i| i.gazetteer_id == gid));
                if let Some(id) = place.and_then(|x| ids_ent.get(x)) {
                    if !linked.contains(id) {
                        linked.push(id.clone());
                    }
                }
            }
        }
        if let Some(out) = ids_ent.get(e).and_then(|id| entities.iter_mut().find(|x| &x.id == id)) {
            out.places = linked;
        }
    }
}

/// The ids of entities and dates. An id says what the entity is, not when
/// it was found: a place's comes from its gazetteer record, a curated
/// organisation's from its table row, any other organisation's from its
/// normalised name, a person's from the normalised canonical name (its
/// longest form), each as a short hash; a date's is its value. The same entity in
/// two articles, or after a late asset, has the same id.
fn entity_ids(ents: &[resolve::Ent], date_ents: &[(String, Vec<usize>)]) -> (Vec<String>, Vec<String>) {
    let mut bases: Vec<(String, String)> = Vec::with_capacity(ents.len() + date_ents.len());
    for ent in ents {
        // a person the curated table knows and one it does not are told apart
        // by context in recognise, not by who they are: both use the name
        let what = if ent.kind == EntityType::Person {
            ["per:", &text::normalize_key(&ent.name)].concat()
        } else {
            ent.ident.clone()
        };
        bases.push(([prefix(ent.kind), "-", &short_hash(&what)].concat(), what));
    }
    for (value, _) in date_ents {
        bases.push((format!("dat-{value}"), value.clone()));
    }
    let mut ids = unique_ids(bases);
    let dates = ids.split_off(ents.len());
    (ids, dates)
}

/// Eight base-36 digits of the FNV-1a hash of `what` (40 bits: a collision
/// within one article is unlikely, and [`unique_ids`] settles it if any).
fn short_hash(what: &str) -> String {
    let mut h = crate::hash::fnv1a64(what.as_bytes()) >> 24;
    let mut digits = [b'0'; 8];
    for d in digits.iter_mut().rev() {
        *d = b"0123456789abcdefghijklmnopqrstuvwxyz"[(h % 36) as usize];
        h /= 36;
    }
    digits.iter().map(|&b| char::from(b)).collect()
}

/// Makes ids unique: `bases` holds (id, what it stands for); ids shared by
/// several get "-2", "-3"... in the order of what they stand for, so the
/// outcome does not depend on the order of discovery.
fn unique_ids(bases: Vec<(String, String)>) -> Vec<String> {
    let mut order: Vec<usize> = (0..bases.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| bases[a].cmp(&bases[b]).then(a.cmp(&b)));
    let mut out = vec![String::new(); bases.len()];
    // the ids taken, gathered at the first id shared (most articles share none)
    let mut taken: Option<std::collections::HashSet<String, crate::hash::FnvBuild>> = None;
    let mut prev: Option<&str> = None;
    for &i in &order {
        let base = bases[i].0.as_str();
        if prev == Some(base) {
            let taken = taken.get_or_insert_with(|| bases.iter().map(|(id, _)| id.clone()).collect());
            let mut n = 2;
            while taken.contains(&format!("{base}-{n}")) {
                n += 1;
            }
            let id = format!("{base}-{n}");
            taken.insert(id.clone());
            out[i] = id;
        } else {
            out[i] = base.to_string();
        }
        prev = Some(base);
    }
    out
}

/// More mentions, a mention in the title, and an early first mention
/// make an entity more salient.
fn salience(count: usize, first: usize, title_end: usize, n_chars: f64) -> f64 {
    let s = count as f64 + if first < title_end { 2.0 } else { 0.0 } + (1.0 - first as f64 / n_chars).max(0.0);
    (s * 1000.0).round() / 1000.0
}

/// Dates in the text, from the time module, found block by block. The
/// tokens keep their offsets into the whole text; each block's own text
/// has no line break.
fn find_dates_in(
    text: &str,
    units: &[Unit],
    tokens: &[Token],
    ranges: &[std::ops::Range<usize>],
    lang: &str,
    published: Option<Ymd>,
) -> Vec<FoundDate> {
    let mut out = Vec::new();
    for (u, r) in units.iter().zip(ranges) {
        let (Some(block), Some(toks)) = (text.get(u.bytes.clone()), tokens.get(r.clone())) else { continue };
        if !toks.is_empty() {
            out.extend(crate::time::find_dates(block, toks, lang, published));
        }
    }
    out
}

/// The learned tagger's spans, block by block (it would otherwise read a
/// title and the paragraph under it as one sentence). An article in a
/// language without a model is tagged with the one its script suits, as
/// one choice for the whole article. `None` when that language's weights
/// are not at hand (the page fetches them after first paint).
fn tag_blocks(
    tokens: &[Token],
    ranges: &[std::ops::Range<usize>],
    lang: &str,
) -> Option<Vec<crate::tagger::TaggedSpan>> {
    let lang = match lang.get(..2) {
        Some("ar" | "en") => lang,
        _ => {
            let ar = tokens.iter().filter(|t| t.is_word && t.arabic).count();
            if ar * 2 >= tokens.iter().filter(|t| t.is_word).count() {
                "ar"
            } else {
                "en"
            }
        }
    };
    let model = if lang.starts_with("ar") { crate::tagger::Lang::Ar } else { crate::tagger::Lang::En };
    crate::tagger::has_model(model).then(|| crate::tagger::tag_blocks(tokens, ranges, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(lang: &str, title: &str, paragraphs: &[&str]) -> Article {
        let json = serde_json::json!({ "lang": lang, "title": title, "body": paragraphs }).to_string();
        crate::article::parse_article(json.as_bytes()).expect("test article parses")
    }

    #[test]
    fn ids_say_what_an_entity_is() {
        let a = analyze(&article("en", "Talks in Paris", &["Joe Biden met officials in Iraq on 3 March 2024."]));
        let b = analyze(&article("en", "Iraq", &["Baghdad and Iraq. On Monday Joe Biden spoke in Paris."]));
        let id = |a: &Analysis, name: &str| a.entities.iter().find(|e| e.name == name).map(|e| e.id.clone());
        for name in ["Iraq", "Paris", "Joe Biden"] {
            assert!(id(&a, name).is_some(), "{name} found");
            assert_eq!(id(&a, name), id(&b, name), "{name}: same id in two articles, whatever the order");
        }
        assert_eq!(id(&a, "3 March 2024").as_deref(), Some("dat-2024-03-03"));
        // the tagger (a late asset in the browser) does not move the ids of what the rules found
        let rules = analyze_with(
            &article("en", "Talks in Paris", &["Officials met in Iraq."]),
            Sources { rules: true, tagger: false },
        );
        let full = analyze(&article("en", "Talks in Paris", &["Officials met in Iraq."]));
        for e in &rules.entities {
            if let Some(f) = full.entities.iter().find(|f| f.name == e.name && f.kind == e.kind) {
                assert_eq!(f.id, e.id, "{}", e.name);
            }
        }
    }

    #[test]
    fn colliding_ids_are_settled_by_what_they_stand_for() {
        let ids = unique_ids(vec![
            ("per-x".into(), "b".into()),
            ("per-x".into(), "a".into()),
            ("per-x-2".into(), "c".into()),
            ("plc-y".into(), "d".into()),
        ]);
        assert_eq!(ids, ["per-x-3", "per-x", "per-x-2", "plc-y"]);
        assert_eq!(short_hash("plc:country:IQ"), short_hash("plc:country:IQ"));
        assert_eq!(short_hash("x").len(), 8);
    }
}
