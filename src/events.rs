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

/// Commas between a trigger and a date of its own at most.
const MAX_CLAUSE_BREAKS: usize = 2;

/// Words around a trigger, from `data/curated/event_words.tsv`.
pub const EVENT_WORDS_TSV: &str = include_str!("../data/curated/event_words.tsv");

/// The lists of `event_words.tsv` (see its header).
struct EventWords {
    host: WordSet,
    hold: WordSet,
    upcoming: WordSet,
    proposed: WordSet,
    target: WordSet,
    generic: WordSet,
    clause_joiner: WordSet,
    intent: WordSet,
    statement: WordSet,
    topic_head: WordSet,
    means: WordSet,
}

fn event_words() -> &'static EventWords {
    static S: OnceLock<EventWords> = OnceLock::new();
    S.get_or_init(|| {
        let list = |name: &str| lexicon::lists_in(EVENT_WORDS_TSV, &[name]);
        EventWords {
            host: list("host"),
            hold: list("hold"),
            upcoming: list("upcoming"),
            proposed: list("proposed"),
            target: list("target"),
            generic: list("generic"),
            clause_joiner: list("clause_joiner"),
            intent: list("intent"),
            statement: list("statement"),
            topic_head: list("topic_head"),
            means: list("means"),
        }
    })
}

/// Finds the events of the text. `sentences` are code point ranges,
/// `mentions` sorted by start.
pub fn find(words: &[Word], sentences: &[(usize, usize)], mentions: &[M<'_>], published: Option<Ymd>) -> Vec<Ev> {
    let mut out = Vec::new();
    let mut wi = 0;
    for (s0, s1, sent0, sent1) in clauses(words, sentences) {
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
            for r in w.readings.iter() {
                // two-word triggers first ("اتصالا هاتفيا", "phone call")
                let two = sw.get(k + 1).filter(|n| !n.brk).map(|n| format!("{} {}", r.key, n.key));
                let (hits, end) = match two.as_deref().map(|t| lexicon::triggers().get(t)).filter(|h| !h.is_empty()) {
                    Some(h) => (h, sw.get(k + 1).map_or(w.end, |n| n.end)),
                    None => (lexicon::triggers().get(&r.key), w.end),
                };
                if let Some((_, t)) = hits.first() {
                    // "اللجنة المحلية للانتخابات", "لجنة انتخابات", "من خلال
                    // زيارة الموقع": the word names a body's remit or a
                    // means, not a happening; "سمات الانتخابات" is a page's
                    // tag line.
                    let ew = event_words();
                    let proclitic: String = w.text.chars().take(r.pre).collect();
                    let purpose = proclitic.trim_start_matches(['و', 'ف']).starts_with('ل');
                    let after = |n: usize| k.checked_sub(n).and_then(|j| sw.get(j));
                    let is_head =
                        |n: usize| after(n).is_some_and(|p| p.readings.iter().any(|x| ew.topic_head.contains(&x.key)));
                    // "للانتخابات" after "اللجنة المحلية": the body's remit; after
                    // anything else ("مساندة للهجوم") still the happening.
                    let purpose = purpose && is_head(2);
                    // English puts the head after: "the election commission".
                    let head_after = !w.arabic
                        && sw.get(k + 1).is_some_and(|p| p.readings.iter().any(|x| ew.topic_head.contains(&x.key)));
                    let head = is_head(1) || head_after;
                    let means = match (after(2), after(1)) {
                        (Some(a), Some(b)) => ew.means.contains(&format!("{} {}", a.key, b.key)),
                        _ => false,
                    };
                    if purpose || head || means {
                        break;
                    }
                    let start = w.start + r.pre;
                    let skip = mentions.partition_point(|m| m.end <= start);
                    if mentions[skip..].iter().take_while(|m| m.start < end).any(|m| m.start < end && start < m.end) {
                        break;
                    }
                    let host = event_words().host.contains(&r.key);
                    let hold = event_words().hold.contains(&r.key);
                    triggers.push((k, start, end, t.kind, host, hold));
                    break;
                }
            }
        }
        // The event the clause reports: not "hosted"/"held", and an
        // announcement only when nothing else happens ("welcomed the
        // announcement of the next meeting" reports the meeting).
        let primary = triggers
            .iter()
            .find(|t| !t.4 && !t.5 && t.3 != "announcement")
            .or_else(|| triggers.iter().find(|t| !t.4 && !t.5))
            .or_else(|| triggers.first())
            .copied();
        let Some(primary) = primary else {
            continue;
        };
        let hosted = triggers.iter().any(|t| t.4);
        let only_hold = triggers.iter().all(|t| t.5);
        let (tk, t_start, t_end, kind, _, _) = primary;
        let ew = event_words();
        let has = |w: &Word, set: &WordSet| w.readings.iter().any(|r| set.contains(&r.key));
        // "في كل لقاء", "every meeting": no particular event.
        if tk > 0 && sw.get(tk - 1).is_some_and(|w| has(w, &ew.generic)) {
            continue;
        }
        // still to come: a future word near the trigger ("الاجتماع الوزاري
        // المقبل"), or an intention just before it ("agreed to meet again",
        // "قرروا عقد")
        let upcoming = sw
            .get(tk.saturating_sub(6)..(tk + 7).min(sw.len()))
            .is_some_and(|ws| ws.iter().any(|w| has(w, &ew.upcoming)))
            || sw.get(tk.saturating_sub(4)..tk).is_some_and(|ws| ws.iter().any(|w| has(w, &ew.intent)));
        // "دعا إلى عقد مؤتمر", "proposed a conference": only proposed; but a
        // new statement between the call and the trigger is about something
        // else ("called on donors to pledge ... and said the conference would
        // be held in Cairo on April 20")
        let before = sw.get(tk.saturating_sub(12)..tk).unwrap_or_default();
        let proposed = before
            .iter()
            .rposition(|w| has(w, &ew.proposed))
            .is_some_and(|p| !before[p + 1..].iter().any(|w| has(w, &ew.statement)));
        // A trigger with the article refers back to an event told before
        // ("الاجتماع", "the meeting").
        // The article may come with a preposition ("للانتخابات", "بالاجتماع").
        let definite = sw.get(tk).is_some_and(|w| {
            let k = w.key.trim_start_matches(['و', 'ف']);
            w.arabic && (k.starts_with("ال") || k.starts_with("لل") || k.starts_with("بال") || k.starts_with("كال"))
        }) || tk.checked_sub(1).and_then(|j| sw.get(j)).is_some_and(|w| w.key == "the");
        let lo = mentions.partition_point(|m| m.start < s0);
        let hi = lo + mentions[lo..].partition_point(|m| m.start < s1);
        let here: Vec<&M<'_>> = mentions[lo..hi].iter().filter(in_sentence).collect();
        // date: in this sentence, the one in the trigger's own clause
        // (no comma between them) first, then the nearest
        let near_dates = |a: usize, b: usize| -> Vec<&M<'_>> {
            let lo = mentions.partition_point(|m| m.start < a);
            mentions[lo..]
                .iter()
                .take_while(|m| m.start < b)
                .filter(|m| m.kind == EntityType::Date && m.end <= b)
                .collect()
        };
        let dates = near_dates(s0, s1);
        let clause_breaks =
            |a: usize, b: usize| sw.iter().filter(|w| w.comma_before && a < w.start && w.start < b).count();
        // A date next to another event's trigger ("قمة كامب ديفيد في 14 مايو")
        // is that event's, not this one's.
        let span = |a: usize, b: usize, c: usize, d: usize| if c >= b { c - b } else { a.saturating_sub(d) };
        let others: Vec<(usize, usize)> =
            triggers.iter().filter(|t| t.3 != kind && !t.4 && !t.5).map(|t| (t.1, t.2)).collect();
        let own = |m: &&&M<'_>| {
            let mine = span(t_start, t_end, m.start, m.end);
            !others.iter().any(|&(a, b)| span(a, b, m.start, m.end) < mine)
        };
        // A date more than two commas away belongs to another clause of a
        // long sentence ("مؤتمر مكة ... ، ... ، ... في 7 نوفمبر 1962").
        let near = |m: &&&M<'_>| {
            let (a, b) = if m.start >= t_start { (t_start, m.start) } else { (m.end, t_start) };
            clause_breaks(a, b) <= MAX_CLAUSE_BREAKS
        };
        let date = dates
            .iter()
            .filter(own)
            .filter(near)
            .min_by_key(|m| {
                let (a, b) = if m.start >= t_start { (t_start, m.start) } else { (m.end, t_start) };
                (clause_breaks(a, b), b - a)
            })
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
            // what the meeting is against ("لمكافحة داعش", "to defeat ISIS") takes no part
            let wi = words.partition_point(|w| w.end <= m.start);
            let target = wi > 0 && has(&words[wi - 1], &ew.target);
            if matches!(m.kind, EntityType::Person | EntityType::Organization)
                && !target
                && !participants.contains(&m.entity)
            {
                participants.push(m.entity);
            }
        }
        if date.is_none() && place.is_none() && participants.is_empty() {
            continue;
        }
        if only_hold && place.is_none() && participants.is_empty() {
            continue;
        }
        // A proposed event has no date of its own (the date is the proposal's).
        let date = if proposed { None } else { date };
        let relation = relation_of(date.as_ref(), published, upcoming || proposed);
        let ev = Ev {
            kind,
            trigger_start: t_start,
            trigger_end: t_end,
            date,
            relation,
            place,
            participants,
            start: sent0,
            end: sent1,
        };
        match out.iter_mut().rev().find(|e| same_happening(e, &ev, definite)) {
            Some(e) => merge(e, ev),
            None => out.push(ev),
        }
    }
    out
}

/// The clauses of the sentences: a sentence that reports two events is cut
/// before a word that follows a comma and joins a new clause ("، وسيعقد",
/// ", while", ", and") when a trigger stands on both sides; lists of names
/// ("فينك، ونائب المبعوث") stay whole. Returns clause start and end, then
/// its sentence's start and end.
fn clauses(words: &[Word], sentences: &[(usize, usize)]) -> Vec<(usize, usize, usize, usize)> {
    let joiners = &event_words().clause_joiner;
    let mut out = Vec::new();
    let mut wi = 0;
    for &(s0, s1) in sentences {
        let lo = wi;
        while wi < words.len() && words[wi].start < s1 {
            wi += 1;
        }
        let sw = words.get(lo..wi).unwrap_or_default();
        let mut c0 = s0;
        let mut from = 0;
        for (k, w) in sw.iter().enumerate() {
            let joins = (w.arabic && w.key.starts_with('و')) || joiners.contains(&w.key);
            if k == 0 || !w.comma_before || !joins {
                continue;
            }
            let before = sw.get(from..k).is_some_and(|ws| ws.iter().any(|x| x.f.trigger_start));
            let after = sw.get(k..).is_some_and(|ws| ws.iter().any(|x| x.f.trigger_start));
            if before && after {
                out.push((c0, w.start, s0, s1));
                c0 = w.start;
                from = k;
            }
        }
        out.push((c0, s1, s0, s1));
    }
    out
}

/// When an event happens relative to publication; `upcoming` when the
/// sentence speaks of it as still to come or only proposed.
fn relation_of(date: Option<&DateValue>, published: Option<Ymd>, upcoming: bool) -> Relation {
    match (date, published) {
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
        (Some(_), None) | (None, None) => Relation::Unknown,
    }
}

/// Whether `later` reports the same happening as `e`: the same kind, no
/// clash of dates or of being still to come, and the same place or a
/// back-reference ("the meeting"; a place in its clause is often only a
/// topic: "in the meeting he praised the gains in Aden"). A shared
/// participant alone is not enough: a cabinet that meets and welcomes
/// another meeting takes part in both reports.
fn same_happening(e: &Ev, later: &Ev, definite: bool) -> bool {
    // A date only passes from one report to the other through a
    // back-reference: "a meeting" on another day is another meeting.
    // A headline (the title is the text's first block, so its events start
    // at 0) tells the story's main happening without its date: the body's
    // report of it in the same place is the same happening.
    let headline = e.start == 0 && e.date.is_none();
    let dates_agree = match (&e.date, &later.date) {
        (Some(a), Some(b)) => a.value == b.value,
        (None, None) => true,
        _ => definite || headline,
    };
    // A later undated report is "before" only by default: it may refer back
    // to one still to come ("the forum will open ... the forum discusses");
    // a later report said to be still to come is not an earlier past one.
    let to_come = |x: &Ev| matches!(x.relation, Relation::Upcoming | Relation::After);
    let timing_agrees = to_come(e) == to_come(later) || (later.date.is_none() && !to_come(later));
    let same_place = e.place.is_some() && e.place == later.place;
    e.kind == later.kind && dates_agree && timing_agrees && (same_place || definite)
}

/// Folds a repeat into the first report of the happening.
fn merge(e: &mut Ev, later: Ev) {
    for p in later.participants {
        if !e.participants.contains(&p) {
            e.participants.push(p);
        }
    }
    e.place = e.place.or(later.place);
    if e.date.is_none() && later.date.is_some() {
        e.date = later.date;
        e.relation = later.relation;
    }
}
