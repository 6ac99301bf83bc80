//! Meetings, summits, visits and the like: a trigger word, tied to the
//! date, place and participants named in its sentence (or, for the date,
//! the sentence before or after).

use std::sync::OnceLock;

use crate::model::{DateValue, EntityType, PlaceKind, Relation, Ymd};
use crate::recognise::lexicon::{self, WordSet};
use crate::recognise::Word;

/// A mention as the event finder needs it.
#[derive(Debug, Clone)]
pub struct M<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    /// Index of the entity.
    pub entity: usize,
    pub place_kind: Option<PlaceKind>,
    pub date: Option<&'a DateValue>,
}

/// An event before it gets its id.
#[derive(Debug, Clone)]
pub struct Ev {
    pub kind: &'static str,
    pub trigger_start: usize,
    pub trigger_end: usize,
    pub date: Option<DateValue>,
    pub relation: Relation,
    /// Entity indexes.
    pub place: Option<usize>,
    pub participants: Vec<usize>,
    /// The sentence (code points).
    pub start: usize,
    pub end: usize,
}

fn host_words() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    S.get_or_init(|| {
        WordSet::new(&["استضافة", "استضاف", "استضافت", "تستضيف", "يستضيف", "hosted", "hosting", "hosts", "host"])
    })
}

fn hold_words() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    S.get_or_init(|| WordSet::new(&["عقد", "عقدت", "عقده", "عقدها", "يعقد", "تعقد"]))
}

fn upcoming_words() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    S.get_or_init(|| {
        WordSet::new(&[
            "المقبل",
            "المقبلة",
            "القادم",
            "القادمة",
            "المرتقب",
            "المرتقبة",
            "المزمع",
            "المزمعة",
            "المنتظر",
            "سيعقد",
            "ستعقد",
            "سيستضيف",
            "ستستضيف",
            "سيلتقي",
            "ستلتقي",
            "سيزور",
            "ستزور",
            "سيجتمع",
            "ستجتمع",
            "next",
            "upcoming",
            "forthcoming",
            "will",
            "scheduled",
            "planned",
            "tomorrow",
        ])
    })
}

/// Finds the events of the text. `sentences` are code point ranges,
/// `mentions` sorted by start.
pub fn find(words: &[Word], sentences: &[(usize, usize)], mentions: &[M<'_>], published: Option<Ymd>) -> Vec<Ev> {
    let mut out = Vec::new();
    let mut wi = 0;
    for (si, &(s0, s1)) in sentences.iter().enumerate() {
        while wi < words.len() && words[wi].start < s0 {
            wi += 1;
        }
        let w_end = wi + words[wi.min(words.len())..].partition_point(|w| w.start < s1);
        let sw = &words[wi.min(words.len())..w_end.min(words.len())];
        let in_sentence = |m: &&M<'_>| m.start >= s0 && m.end <= s1;
        // triggers not inside a name
        let mut triggers: Vec<(usize, usize, usize, &'static str, bool, bool)> = Vec::new();
        for (k, w) in sw.iter().enumerate() {
            if !w.f.trigger_start {
                continue;
            }
            for r in &w.readings {
                // two-word triggers first ("اتصالا هاتفيا", "phone call")
                let two = sw.get(k + 1).filter(|n| !n.brk).map(|n| format!("{} {}", r.key, n.key));
                let (hits, end) = match two.as_deref().map(|t| lexicon::triggers().get(t)).filter(|h| !h.is_empty()) {
                    Some(h) => (h, sw.get(k + 1).map_or(w.end, |n| n.end)),
                    None => (lexicon::triggers().get(&r.key), w.end),
                };
                if let Some((_, t)) = hits.first() {
                    let start = w.start + r.pre;
                    let skip = mentions.partition_point(|m| m.end <= start);
                    if mentions[skip..].iter().take_while(|m| m.start < end).any(|m| m.start < end && start < m.end) {
                        break;
                    }
                    let host = host_words().contains(&r.key);
                    let hold = hold_words().contains(&r.key);
                    triggers.push((k, start, end, t.kind, host, hold));
                    break;
                }
            }
        }
        let Some(primary) = triggers.iter().find(|t| !t.4 && !t.5).or_else(|| triggers.first()).copied() else {
            continue;
        };
        let hosted = triggers.iter().any(|t| t.4);
        let only_hold = triggers.iter().all(|t| t.5);
        let (_, t_start, t_end, kind, _, _) = primary;
        let upcoming = sw.iter().any(|w| w.readings.iter().any(|r| upcoming_words().contains(&r.key)));
        let lo = mentions.partition_point(|m| m.start < s0);
        let hi = lo + mentions[lo..].partition_point(|m| m.start < s1);
        let here: Vec<&M<'_>> = mentions[lo..hi].iter().filter(in_sentence).collect();
        // date: this sentence, then the one before, then the one after
        let near_dates = |a: usize, b: usize| -> Vec<&M<'_>> {
            let lo = mentions.partition_point(|m| m.start < a);
            mentions[lo..]
                .iter()
                .take_while(|m| m.start < b)
                .filter(|m| m.kind == EntityType::Date && m.end <= b)
                .collect()
        };
        let mut dates = near_dates(s0, s1);
        if dates.is_empty() && si > 0 {
            dates = near_dates(sentences[si - 1].0, sentences[si - 1].1);
        }
        if dates.is_empty() && si + 1 < sentences.len() {
            dates = near_dates(sentences[si + 1].0, sentences[si + 1].1);
        }
        let date = dates
            .iter()
            .min_by_key(|m| if m.start >= t_start { m.start - t_start } else { t_start - m.end })
            .and_then(|m| m.date.cloned());
        // place: the host before a hosting word; else a city or site near
        // the trigger, else any place in the sentence
        let places: Vec<&M<'_>> = here.iter().copied().filter(|m| m.kind == EntityType::Place).collect();
        let place = if hosted {
            places
                .iter()
                .filter(|m| m.end <= t_start)
                .max_by_key(|m| m.end)
                .or_else(|| places.first())
                .map(|m| m.entity)
        } else {
            let fine = |m: &&&M<'_>| matches!(m.place_kind, Some(PlaceKind::City | PlaceKind::Site));
            let dist = |m: &&M<'_>| if m.start >= t_start { m.start - t_start } else { 2 * (t_start - m.end) };
            places
                .iter()
                .filter(fine)
                .min_by_key(|m| dist(m))
                .or_else(|| places.iter().min_by_key(|m| dist(m)))
                .map(|m| m.entity)
        };
        let mut participants: Vec<usize> = Vec::new();
        for m in &here {
            if matches!(m.kind, EntityType::Person | EntityType::Organization) && !participants.contains(&m.entity) {
                participants.push(m.entity);
            }
        }
        if date.is_none() && place.is_none() && participants.is_empty() {
            continue;
        }
        if only_hold && place.is_none() && participants.is_empty() {
            continue;
        }
        let relation = match (&date, published) {
            (Some(d), Some(p)) => {
                if d.end < p {
                    Relation::Before
                } else if d.start > p {
                    if upcoming {
                        Relation::Upcoming
                    } else {
                        Relation::After
                    }
                } else {
                    Relation::On
                }
            }
            _ if upcoming => Relation::Upcoming,
            (None, Some(_)) => Relation::Before,
            (Some(_), None) => Relation::Unknown,
            (None, None) => Relation::Unknown,
        };
        out.push(Ev {
            kind,
            trigger_start: t_start,
            trigger_end: t_end,
            date,
            relation,
            place,
            participants,
            start: s0,
            end: s1,
        });
    }
    out
}
