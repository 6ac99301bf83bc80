//! The merge policy: source priorities, the learned tagger's spans as
//! candidates, and the greedy merge that keeps no overlap.
//!
//! Candidates compete longest first (in words, then code points), then by
//! source priority, then earlier. Priorities, highest first: dates, curated
//! organisations, gazetteer places, directional places, titled people,
//! organisation patterns, the tagger (Arabic), given-name people,
//! capitalised runs. Which sources take part and in what order is the
//! measured policy per language, [`policy`]: the tagger's spans are taken
//! first (after dates and what the lists know well, and gazetteer places
//! right after a settlement word) and the rules fill the
//! gaps, in Arabic without the organisation patterns (measured with the
//! `eval` bin on the development parts).
//!
//! Before the merge, Arabic: a gazetteer spelling that the gold corpora tag
//! far more often as an ordinary word ("الباب", "المالي", "فعالية";
//! `data/curated/ambiguous_places.tsv`, counted on the training parts) is
//! not a rule candidate unless a cue ("في", "إلى", "مدينة", "محافظة") or a
//! list of places ("عدن ولحج") supports it; the tagger's own span for it,
//! when there is one, competes as usual (the tagger is the other support).

use super::places::tagged_place;
use super::{key_of, span, Found, Weak, What, Word};
use crate::model::EntityType;
use crate::tagger::TaggedSpan;

pub(super) const PRIO_DATE: u8 = 100;
pub(super) const PRIO_CURATED_ORG: u8 = 60;
pub(super) const PRIO_PLACE: u8 = 50;
pub(super) const PRIO_DIR_PLACE: u8 = 45;
pub(super) const PRIO_TITLE_PERSON: u8 = 40;
pub(super) const PRIO_PATTERN_ORG: u8 = 35;
/// Where the learned tagger's spans rank among the rules' (see
/// [`policy`]): above the name heuristics, below lists, gazetteer and
/// titled names.
const PRIO_TAGGER: u8 = 32;
pub(super) const PRIO_NAME_PERSON: u8 = 30;
pub(super) const PRIO_CAPS: u8 = 10;

/// Spans from the learned sequence tagger (issue 9), as candidates with
/// [`PRIO_TAGGER`]: the merge keeps the longest span, so a tagger span that
/// covers more words than a rule's wins, and one that ties loses to lists,
/// the gazetteer and titles (measured: `cargo run --release --bin eval`).
/// A place the tagger finds is kept only when the gazetteer knows the name
/// (the map needs coordinates; an unknown name is more often a tagging slip
/// than a village missing from the gazetteer).
pub(super) fn learned_spans(words: &[Word], tagged: &[TaggedSpan], min_score: f32) -> Vec<Found> {
    tagged
        .iter()
        .filter(|t| t.score >= min_score)
        .filter_map(|t| {
            // words are sorted by token index: binary search, not a scan
            let mut w0 = words.partition_point(|w| w.tok < t.start_token);
            // a detached one-letter proclitic ("لـ خراسان") is not the name
            while words.get(w0).is_some_and(|w| w.arabic && w.key.chars().count() == 1) {
                w0 += 1;
            }
            let mut w1 = words.partition_point(|w| w.tok < t.end_token);
            // A name does not run on into a trigger, a time word or a
            // function word ("محمد بن سلمان اتصالا هاتفيا").
            if let Some(cut) = words.get(w0 + 1..w1).and_then(|ws| {
                ws.iter().position(|w| w.f.trigger || w.f.trigger_start || w.f.time || w.f.ar_stop || w.f.title)
            }) {
                w1 = w0 + 1 + cut;
            }
            if w1 <= w0 || w1 > words.len() || words[w0].f.ar_stop || words[w0].f.trigger {
                return None;
            }
            let key = key_of(words, w0, w1, &words[w0].key);
            let (what, pre) = match t.kind {
                EntityType::Person => (What::Person { key }, conjunction(&words[w0])),
                EntityType::Organization => (What::Org { curated: None, key }, conjunction(&words[w0])),
                EntityType::Place => {
                    let (cands, pre) = tagged_place(words, w0, w1)?;
                    let what =
                        What::Place { cands, key, dir: None, adj_country: None, settlement: false, weak: Weak::No };
                    (what, pre)
                }
                _ => return None,
            };
            let (start, end) = span(words, w0, w1, pre);
            Some(Found::new((w0, w1), (start, end), t.kind, what, PRIO_TAGGER))
        })
        .collect()
}

/// Most words are Arabic.
pub(super) fn lang_is_arabic(words: &[Word]) -> bool {
    words.iter().filter(|w| w.arabic).count() * 2 > words.len()
}

/// Code points of a conjunction written onto the first word of a name the
/// tagger found ("والاتحاد الأفريقي" → "الاتحاد الأفريقي"); it stays
/// outside the span. Only before the article: "وزارة" keeps its و.
fn conjunction(w: &Word) -> usize {
    let mut cs = w.text.chars();
    match (cs.next(), cs.next(), cs.next()) {
        (Some('و' | 'ف'), Some('ا' | 'أ' | 'إ'), Some('ل')) if w.text.chars().count() >= 5 => 1,
        _ => 0,
    }
}

/// How rules, lists and the tagger combine for one text: the measured
/// policy per language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Policy {
    /// The tagger's spans are taken before the weaker rules' (see [`merge`]);
    /// given-name people and capitalised runs are then left out.
    pub tagger_leads: bool,
    /// Organisation patterns (وزارة/منظمة + complement, "Ministry of")
    /// propose names.
    pub pattern_orgs: bool,
    /// Lowest tagger confidence kept (the lowest per-token probability of
    /// the chosen tags over the span).
    pub min_score: f32,
}

/// The policy for a text, from its words and what the tagger found.
///
/// - Arabic, with the tagger: it leads, kept down to confidence 0.3; the
///   curated organisations, gazetteer places, compass phrases and titled
///   people fill the gaps (and outrank it where the lists know the name
///   well); organisation patterns are left out. Measured on the pooled
///   development parts of NewsFANE, ANERcorp, WikiFANE and Wojood (`cargo
///   run --release --bin eval -- ner-ar-dev`), micro F1: the rules leading
///   with the tagger in the gaps (the former policy) 0.614; the tagger
///   leading 0.654 at confidence 0.5, 0.665 at 0.3; and without the
///   organisation patterns 0.673. The tagger's names alone score 0.726,
///   but lose what the lists give a reader (one entity for "داعش" and
///   "تنظيم الدولة", "شمال شرقي سوريا" as one place, "في العقبة"; see
///   tests/analysis_cases.json), so the lists stay.
/// - English, with the tagger: it leads, the rules fill the gaps, 0.5
///   (CoNLL-2003 testa: better than either alone).
/// - No tagger spans (the models not loaded yet, or nothing found): the
///   rules alone.
pub(super) fn policy(words: &[Word], tagged: &[TaggedSpan]) -> Policy {
    if tagged.is_empty() {
        Policy { tagger_leads: false, pattern_orgs: true, min_score: 0.5 }
    } else if lang_is_arabic(words) {
        Policy { tagger_leads: true, pattern_orgs: false, min_score: 0.3 }
    } else {
        Policy { tagger_leads: true, pattern_orgs: true, min_score: 0.5 }
    }
}

/// Longer spans (in words, then code points) first, then priority, then
/// earlier; keep what does not overlap anything kept.
pub(super) fn merge(mut cands: Vec<Found>, tagger_first: bool) -> Vec<Found> {
    // Dates first. When the tagger leads: then what lists and patterns know
    // well (curated bodies, compass phrases, titled people), then the
    // tagger, then the weaker rules. Otherwise the rules, then the tagger
    // in the gaps. Within a tier the longest span wins.
    let tier = |f: &Found| -> u8 {
        if f.kind == EntityType::Date {
            3
        } else if tagger_first
            && (matches!(f.prio, PRIO_CURATED_ORG | PRIO_DIR_PLACE | PRIO_TITLE_PERSON)
                || matches!(f.what, What::Place { settlement: true, .. }))
        {
            // a gazetteer place named after a settlement word ("مدينة
            // زنجبار", "the town of Aley") is as well attested as a title
            2
        } else if tagger_first {
            u8::from(f.prio == PRIO_TAGGER)
        } else {
            u8::from(f.prio != PRIO_TAGGER)
        }
    };
    cands.sort_by(|a, b| {
        tier(b).cmp(&tier(a)).then_with(|| {
            let la = if a.kind == EntityType::Date { usize::MAX } else { a.w1 - a.w0 };
            let lb = if b.kind == EntityType::Date { usize::MAX } else { b.w1 - b.w0 };
            lb.cmp(&la)
                .then(b.prio.cmp(&a.prio))
                .then((b.end - b.start).cmp(&(a.end - a.start)))
                .then(a.start.cmp(&b.start))
        })
    });
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for c in cands {
        if c.end <= c.start {
            continue;
        }
        let pos = taken.partition_point(|&(_, e)| e <= c.start);
        if taken.get(pos).is_some_and(|&(s, _)| s < c.end) {
            continue;
        }
        taken.insert(pos, (c.start, c.end));
        out.push(c);
    }
    out
}
