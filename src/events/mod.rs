//! Meetings, summits, visits and the like: a trigger word, tied to the
//! date, place and participants named in its sentence (or, for the date,
//! the sentence before or after).

use crate::model::{Approx, DateValue, EntityType, PlaceKind, Relation, Ymd};
use crate::recognise::lexicon::{self, WordSet};
use crate::recognise::Word;
use crate::text::Token;
use crate::time::{FoundDate, RefKind};

mod attach;
mod headline;
mod words;

use words::{event_words, has, EventWords};

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
    /// The place stands next to the trigger ("في الاجتماع بالرياض"), not
    /// somewhere else in the clause.
    pub place_close: bool,
    pub participants: Vec<usize>,
    /// Where an undated event lies, as its clause roughly says.
    pub approx: Option<Approx>,
    /// The part of the clause that tells the event's date, place and
    /// people (code points).
    pub scope: (usize, usize),
    /// The sentence (code points).
    pub start: usize,
    pub end: usize,
}

/// Commas between a trigger and a date of its own at most.
const MAX_CLAUSE_BREAKS: usize = 2;

/// Words after a signing word in which the agreement signed is named
/// ("signed a trade agreement", "توقيع مذكرة تفاهم").
const AGREEMENT_OBJECT_SPAN: usize = 4;

/// Longest part between two commas that still reads as one item of a
/// list of names ("، والمهندس حيدر أبو بكر العطاس،").
const LIST_ITEM_WORDS: usize = 5;

/// Words between a back-reference and a place that still tell where the
/// happening was ("في الاجتماع بالرياض"), not a topic of the clause.
const CLOSE_PLACE_WORDS: usize = 3;

/// A count of two or more: digits or a number word ("37", "خمسة",
/// "five"; not "an", which the number table reads as one).
fn is_count(w: &Word) -> bool {
    w.key.bytes().next().is_some_and(|b| b.is_ascii_digit())
        || w.readings.iter().any(|r| crate::time::words::w().numbers.get(&r.key).is_some_and(|n| n >= 2))
}

/// The words of the trigger's clause that may name its date, place and
/// people (indexes into `sw`, end exclusive): out from the trigger up to
/// [`MAX_CLAUSE_BREAKS`] commas, further only along a list of short items
/// (the part that opens the list may be long: "attended by A of B, C, D"),
/// and never past a comma before a word that opens a new clause ("، كما").
fn scope(sw: &[Word], tk: usize, starts: &WordSet) -> (usize, usize) {
    let opens = |w: &Word| w.comma_before && starts.contains(&w.key);
    // each word's comma stands before it: rightwards the words after the
    // trigger, leftwards the trigger and those before it (not the first,
    // whose comma would lead out of the sentence)
    let right = reach(sw.get(tk + 1..).unwrap_or_default().iter(), &opens);
    let left = reach(sw.get(1..=tk).unwrap_or_default().iter().rev(), &opens);
    (tk - left, tk + 1 + right)
}

/// How many words of `walk` the clause takes, segment by segment between
/// commas: it stops at a comma before a clause opener, or past
/// [`MAX_CLAUSE_BREAKS`] commas once a segment is too long for a list item.
fn reach<'a>(walk: impl Iterator<Item = &'a Word>, opens: &dyn Fn(&Word) -> bool) -> usize {
    let (mut n, mut commas, mut seg, mut short) = (0, 0, 0, true);
    for w in walk {
        if w.comma_before {
            if opens(w) {
                break;
            }
            if commas > 1 && seg > LIST_ITEM_WORDS {
                short = false;
            }
            commas += 1;
            seg = 0;
            if commas > MAX_CLAUSE_BREAKS && !short {
                break;
            }
        }
        seg += 1;
        n += 1;
    }
    n
}

/// A trigger of a clause: word index in the clause, start and end (code
/// points), kind, whether it hosts ("hosted") and whether it only holds ("held").
type Trigger = (usize, usize, usize, &'static str, bool, bool);

/// Finds the events of the text. `sentences` are code point ranges,
/// `mentions` sorted by start; the title ends at `title_end`.
pub fn find(
    words: &[Word],
    sentences: &[(usize, usize)],
    mentions: &[M<'_>],
    published: Option<Ymd>,
    title_end: usize,
) -> Vec<Ev> {
    let mut out = Vec::new();
    let lead = headline::lead(sentences, title_end);
    let mut wi = 0;
    for (s0, s1, sent0, sent1) in clauses(words, sentences) {
        while wi < words.len() && words[wi].start < s0 {
            wi += 1;
        }
        let w_end = wi + words[wi.min(words.len())..].partition_point(|w| w.start < s1);
        let sw = &words[wi.min(words.len())..w_end.min(words.len())];
        let in_sentence = |m: &&M<'_>| m.start >= s0 && m.end <= s1;
        // triggers not inside a name
        let mut triggers: Vec<Trigger> = Vec::new();
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
                    let next_end = if end > w.end { k + 2 } else { k + 1 };
                    // "بزيارة 37 منشأة", "held 5 meetings": a count of
                    // happenings, not one.
                    let dated = |n: &&Word| {
                        let i = mentions.partition_point(|m| m.end <= n.start);
                        mentions.get(i).is_some_and(|m| m.kind == EntityType::Date && m.start <= n.start)
                    };
                    // "held three meetings" (English counts come first; a
                    // year before the word names it: "the 2022 election")
                    let year = |n: &Word| n.key.len() >= 4 && n.key.bytes().all(|b| b.is_ascii_digit());
                    let counted = |n: &Word| is_count(n) && !year(n);
                    if sw.get(next_end).filter(|n| !n.brk && !dated(n)).is_some_and(is_count)
                        || (!w.arabic
                            && k.checked_sub(1).and_then(|j| sw.get(j)).filter(|n| !dated(n)).is_some_and(counted))
                    {
                        break;
                    }
                    // "التوقيع على الأوراق", "بتزوير توقيع والده": signing is
                    // an agreement only when an agreement is what is signed.
                    let signs = |n: &Word| n.readings.iter().any(|x| ew.agreement_object.contains(&x.key));
                    if t.kind == "agreement"
                        && !sw
                            .get(next_end..(next_end + AGREEMENT_OBJECT_SPAN).min(sw.len()))
                            .is_some_and(|ws| ws.iter().any(signs))
                    {
                        break;
                    }
                    // "في اللقاء الذي سيجمعهما على ملعب ...": in a sports
                    // sentence the word is a match, not a meeting.
                    if ew.sport_sense.contains(&r.key)
                        && sw.iter().any(|x| x.readings.iter().any(|y| ew.sport.contains(&y.key)))
                    {
                        break;
                    }
                    // "had not signed", "heart attack", "met with outrage";
                    // "could start hostilities ... through a direct attack"
                    // (a possibility, not a happening)
                    if attach::no_happening(sw, k, t.kind, ew)
                        || (!definite_at(sw, k, ew) && attach::hypothetical(sw, k, ew) && !attach::pending(sw, k, ew))
                    {
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
        // Another trigger of the clause followed closely by a date of its
        // own is a happening of its own ("مجالات التعاون التي أعلن عنها في
        // قمة كامب ديفيد في 14 مايو", "agreed at the summit on May 14"):
        // the clause reports both. Announcements stay with the report.
        let mut chosen = vec![primary];
        chosen.extend(triggers.iter().copied().filter(|t| {
            t.1 != primary.1
                && t.3 != primary.3
                && !t.4
                && !t.5
                && t.3 != "announcement"
                && owns_date(sw, mentions, &triggers, t.1, t.2)
        }));
        for (ci, primary) in chosen.into_iter().enumerate() {
            let secondary = ci > 0;
            let (tk, t_start, t_end, kind, _, _) = primary;
            let ew = event_words();
            // "في كل لقاء", "every meeting": no particular event.
            if tk > 0 && sw.get(tk - 1).is_some_and(|w| has(w, &ew.generic)) {
                continue;
            }
            // still to come: a future word near the trigger ("الاجتماع الوزاري
            // المقبل"), or an intention just before it ("agreed to meet again",
            // "قرروا عقد")
            // English: "agreed to meet", "plans talks", "his plans for a
            // referendum"; not the noun of "adopted a rights plan at the
            // annual meeting".
            let intent = (tk.saturating_sub(4)..tk).find(|&p| {
                has(&sw[p], &ew.intent)
                    && (sw[p].arabic || tk - p <= 2 || matches!(sw[p + 1].key.as_str(), "to" | "for"))
                    // "اتفق الطرفان خلال محادثات", "agreed at talks": the
                    // happening is where the intention was formed.
                    && !sw[p + 1..tk].iter().any(|w| has(w, &ew.intent_barrier))
            });
            let upcoming = sw
                .get(tk.saturating_sub(6)..(tk + 7).min(sw.len()))
                .is_some_and(|ws| ws.iter().any(|w| has(w, &ew.upcoming)))
                || intent.is_some();
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
            let definite = definite_at(sw, tk, ew);
            // "until Kofi Annan visits Baghdad": still to come.
            let proposed = proposed || (!definite && attach::pending(sw, tk, ew));
            // "الاجتماع الذي عقده ... اليوم", "the meeting that": a relative
            // clause tells which happening it is; no back-reference.
            // After a comma the clause only adds to a happening already known
            // ("hosted the meeting, which was attended by"): still a back-reference.
            let described = sw
                .get(tk + 1..(tk + 3).min(sw.len()))
                .is_some_and(|ws| ws.iter().any(|w| has(w, &ew.relative) && !w.comma_before));
            let definite = definite && !described;
            let lo = mentions.partition_point(|m| m.start < s0);
            let hi = lo + mentions[lo..].partition_point(|m| m.start < s1);
            let (w_lo, w_hi) = scope(sw, tk, &ew.clause_start);
            let scope_a = sw.get(w_lo).map_or(s0, |w| w.start);
            let scope_b = w_hi.checked_sub(1).and_then(|j| sw.get(j)).map_or(s1, |w| w.end);
            let in_scope = |m: &&M<'_>| m.start >= scope_a && m.end <= scope_b;
            let here: Vec<&M<'_>> = mentions[lo..hi].iter().filter(in_sentence).filter(in_scope).collect();
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
            // "جراء الهجمات التي تنفذها ...": a trigger with a relative clause
            // takes its date and place from that clause, not from the main
            // clause before it ("وصل المصابون إلى عمان أمس").
            let scope_a = if described || secondary { scope_a.max(t_start) } else { scope_a };
            let dates = near_dates(scope_a, scope_b);
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
            // "on the eve of the talks", "عشية الانتخابات": the clause's day
            // (the other verb's too: "seized a bomb Sunday on the eve of the
            // talks") is the day before the happening.
            let eve = attach::governed(sw, tk, &[&ew.eve], EVE_WORDS, ew);
            // "their last visit ... on Saturday", "الزيارة السابقة": an earlier
            // happening than the clause's day; only a date of its own dates it.
            let previous = (!sw[tk].arabic && tk.checked_sub(1).is_some_and(|j| has(&sw[j], &ew.previous)))
                || (sw[tk].arabic && sw.get(tk + 1).is_some_and(|w| !w.comma_before && has(w, &ew.previous)));
            let date = dates
                .iter()
                .filter(own)
                .filter(near)
                .filter(|m| !bounds_period(sw, m, ew))
                .filter(|m| !previous || owns_date(sw, mentions, &triggers, t_start, t_end) && m.start >= t_end)
                // "won on Saturday ... his plans for a referendum": a date
                // before the intention is the deciding's.
                .filter(|m| intent.is_none_or(|p| m.start >= sw[p].end))
                .filter(|m| (eve || !attach::of_other_verb(sw, tk, m, ew)) && !m.date.is_some_and(attach::too_wide))
                .min_by_key(|m| {
                    let (a, b) = if m.start >= t_start { (t_start, m.start) } else { (m.end, t_start) };
                    (clause_breaks(a, b), b - a)
                })
                .and_then(|m| m.date.cloned())
                .map(|d| if eve { crate::time::day_after(&d) } else { d });
            // "جراء الهجمات التي تنفذها جماعة الحوثي", "the repeated attacks":
            // attacks told as what keeps happening, with no date, are the
            // background of a story, not a happening on its timeline.
            if date.is_none() && habitual(sw, tk, ew) {
                continue;
            }
            // "visit frequently, competing ... in the summer", "يزور الرياض
            // بانتظام": what keeps happening, even with a season or a date.
            let often = sw.get(tk.saturating_sub(1)..(tk + 1 + FREQUENCY_WORDS).min(sw.len())).is_some_and(|ws| {
                ws.iter().enumerate().any(|(j, w)| has(w, &ew.frequency) && !(j > 1 && w.comma_before))
            });
            if often {
                continue;
            }
            // place: the host before a hosting word; else a city or site near
            // the trigger, else any place in the sentence
            // "Syria's Bashar al-Assad met ...": a possessive names whose
            // someone is, not where the happening is
            let possessive = |m: &M<'_>| {
                let k = words.partition_point(|w| w.end < m.end);
                words.get(k).is_some_and(|w| w.start <= m.start && w.end > m.end && !w.arabic)
            };
            let places: Vec<&M<'_>> = here
                .iter()
                .copied()
                .filter(|m| m.kind == EntityType::Place && m.start >= scope_a && !possessive(m))
                .collect();
            let place_m = if hosted {
                // the place before the hosting word, not one naming the
                // happening's topic after it ("Egypt hosts Gaza talks")
                let host_at =
                    triggers.iter().filter(|t| t.4 && t.1 < t_start).map(|t| t.1).next_back().unwrap_or(t_start);
                places.iter().filter(|m| m.end <= host_at).max_by_key(|m| m.end).or_else(|| places.first()).copied()
            } else {
                let fine = |m: &&&M<'_>| matches!(m.place_kind, Some(PlaceKind::City | PlaceKind::Site));
                let dist = |m: &&M<'_>| if m.start >= t_start { m.start - t_start } else { 2 * (t_start - m.end) };
                places
                    .iter()
                    .filter(fine)
                    .min_by_key(|m| dist(m))
                    .or_else(|| places.iter().min_by_key(|m| dist(m)))
                    .copied()
            };
            let place = place_m.map(|m| m.entity);
            let place_close = place_m.is_some_and(|m| {
                let (a, b) = if m.start >= t_end { (t_end, m.start) } else { (m.end, t_start) };
                sw.iter().filter(|w| w.start >= a && w.end <= b).count() <= CLOSE_PLACE_WORDS
            });
            let mut participants: Vec<usize> = Vec::new();
            for m in &here {
                // what the meeting is against ("لمكافحة داعش", "to defeat ISIS") takes no part
                let wi = words.partition_point(|w| w.end <= m.start);
                let target = wi > 0 && has(&words[wi - 1], &ew.target);
                if matches!(m.kind, EntityType::Person | EntityType::Organization)
                    && !target
                    && (!secondary || m.start >= t_start)
                    && !participants.contains(&m.entity)
                {
                    participants.push(m.entity);
                }
            }
            if date.is_none() && place.is_none() && participants.is_empty() {
                continue;
            }
            // "وتم عقد لقاءات تعريفية": sessions with no one named are a
            // series, not one happening.
            if !definite && participants.is_empty() && has(&sw[tk], &ew.series) {
                continue;
            }
            if only_hold && place.is_none() && participants.is_empty() {
                continue;
            }
            // A proposed event has no date of its own (the date is the proposal's).
            let date = if proposed { None } else { date };
            let mut relation = relation_of(date.as_ref(), published, upcoming || proposed);
            // "قبل الاجتماع", "after the summit": an undated event placed by
            // another one told before with a date.
            let approx = if date.is_none() && !proposed {
                anchored(&sw[w_lo..w_hi.min(sw.len())], t_start, &out, ew).map(|(a, cue)| {
                    let upper = a.before.or(a.after);
                    if let (Some(d), Some(p)) = (upper, published) {
                        relation = if a.before.is_some_and(|b| b < p) {
                            Relation::Before
                        } else if a.after.is_some_and(|x| x > p) {
                            Relation::Upcoming
                        } else if d == p {
                            Relation::On
                        } else {
                            relation
                        };
                    }
                    Approx { cue, ..a }
                })
            } else {
                None
            };
            let ev = Ev {
                kind,
                trigger_start: t_start,
                trigger_end: t_end,
                date,
                relation,
                place,
                place_close,
                participants,
                approx,
                scope: (scope_a, scope_b),
                start: sent0,
                end: sent1,
            };
            let told = |e: &Ev| {
                same_happening(e, &ev, definite, published, title_end) || headline::lead_tells(e, &ev, title_end, lead)
            };
            match out.iter_mut().rev().find(|e| told(e)) {
                Some(e) => merge(e, ev, title_end),
                None => out.push(ev),
            }
        }
    }
    headline::date_from_lead(&mut out, mentions, title_end, lead, published);
    // "إعلان سقوطها مسألة وقت": the word names what is or would be
    // announced; only an announcement with a date of its own is a happening.
    out.retain(|e| e.kind != "announcement" || e.date.is_some());
    out
}

/// Whether the trigger at `tk` has the article or a determiner and so
/// refers back to a happening told before ("الاجتماع", "للانتخابات", "the
/// meeting", "their talks", "tomorrow's vote").
fn definite_at(sw: &[Word], tk: usize, ew: &EventWords) -> bool {
    sw.get(tk).is_some_and(|w| {
        let k = w.key.trim_start_matches(['و', 'ف']);
        w.arabic && (k.starts_with("ال") || k.starts_with("لل") || k.starts_with("بال") || k.starts_with("كال"))
    }) || tk
        .checked_sub(1)
        .and_then(|j| sw.get(j))
        .is_some_and(|w| has(w, &ew.definite) || (!w.arabic && (w.text.ends_with("'s") || w.text.ends_with("’s"))))
}

/// Words between "eve" and the trigger it stands before at most ("on the
/// eve of the return to peace talks").
const EVE_WORDS: usize = 6;

/// Words between a trigger and a date that is its own ("قمة كامب ديفيد في
/// 14 مايو", "the summit in Riyadh on May 14") at most.
const OWN_DATE_WORDS: usize = 4;

/// Whether the trigger at `start..end` is followed closely by a date of its
/// own: within [`OWN_DATE_WORDS`] words, no comma and no other trigger
/// between them.
fn owns_date(sw: &[Word], mentions: &[M<'_>], triggers: &[Trigger], start: usize, end: usize) -> bool {
    let i = mentions.partition_point(|m| m.start < end);
    let Some(m) = mentions[i..].iter().find(|m| m.kind == EntityType::Date) else {
        return false;
    };
    let between = sw.iter().filter(|w| w.start >= end && w.start < m.start).count();
    let comma = sw.iter().any(|w| w.comma_before && w.start > start && w.start <= m.start);
    let other = triggers.iter().any(|t| t.1 > start && t.1 < m.start);
    between <= OWN_DATE_WORDS && !comma && !other
}

/// Whether the date `m` bounds a period rather than dates a happening: a
/// deadline or the end of a period before it ("until December 31, 2001",
/// "حتى نهاية العام") or its start ("since 1991", "منذ عام 2011").
fn bounds_period(sw: &[Word], m: &M<'_>, ew: &EventWords) -> bool {
    let j = sw.partition_point(|w| w.end <= m.start);
    let Some(w) = j.checked_sub(1).and_then(|k| sw.get(k)) else { return false };
    let tw = crate::time::words::w();
    (has(w, &ew.period_start) || w.readings.iter().any(|r| tw.deadlines.has(&r.key)))
        && !sw.get(j).is_some_and(|x| x.comma_before)
}

/// Whether the trigger at `tk` tells attacks that keep happening: a word of
/// repetition next to it ("الهجمات المتكررة", "repeated attacks"), or a
/// plural trigger described by a relative clause in the present tense
/// ("الهجمات التي تنفذها", "الغارات التي يشنها"; not the past "التي
/// نفذتها", not the future "التي ستنفذ").
fn habitual(sw: &[Word], tk: usize, ew: &EventWords) -> bool {
    let Some(t) = sw.get(tk) else { return false };
    let next = sw.get(tk + 1).filter(|w| !w.brk && !w.comma_before);
    let prev = tk.checked_sub(1).and_then(|j| sw.get(j)).filter(|_| !t.comma_before);
    if next.is_some_and(|w| w.arabic && has(w, &ew.habitual)) || prev.is_some_and(|w| !w.arabic && has(w, &ew.habitual))
    {
        return true;
    }
    if !t.arabic || !has(t, &ew.plural) {
        return false;
    }
    let rel = next.filter(|w| has(w, &ew.relative));
    let verb = rel.and_then(|_| sw.get(tk + 2)).filter(|w| !w.comma_before);
    verb.is_some_and(|w| {
        let k: Vec<char> = w.key.chars().collect();
        // the third person of the present: يـ, or تـ for a feminine
        // subject, whose past would end in تـ ("تعرضت")
        k.len() >= 4 && (k[0] == 'ي' || (k[0] == 'ت' && k.last() != Some(&'ت')))
    })
}

/// An anchor in `ws` ("قبل الاجتماع", "ahead of the summit") before the
/// trigger of an event already found with a date (the latest of that
/// kind): the placement it gives (without its cue) and the cue's words.
fn anchored(ws: &[Word], own: usize, found: &[Ev], ew: &EventWords) -> Option<(Approx, String)> {
    // "word next" of each word, built in one buffer
    let mut buf = String::new();
    for (j, w) in ws.iter().enumerate() {
        let pair = ws.get(j + 1).map(|n| {
            buf.clear();
            buf.extend([w.key.as_str(), " ", n.key.as_str()]);
            buf.as_str()
        });
        let (len, before) = if pair.is_some_and(|p| ew.anchor_before.contains(p)) {
            (2, true)
        } else if pair.is_some_and(|p| ew.anchor_after.contains(p)) {
            (2, false)
        } else if ew.anchor_before.contains(&w.key) {
            (1, true)
        } else if ew.anchor_after.contains(&w.key) {
            (1, false)
        } else {
            continue;
        };
        let mut k = j + len;
        if ws.get(k).is_some_and(|x| !x.arabic && matches!(x.key.as_str(), "the" | "a" | "an")) {
            k += 1;
        }
        // not the event's own trigger ("قال قبل الاجتماع")
        let Some(t) = ws.get(k).filter(|t| !t.brk && t.f.trigger_start && !(t.start <= own && own < t.end)) else {
            continue;
        };
        let Some(kind) = t.readings.iter().find_map(|r| lexicon::triggers().get(&r.key).first().map(|(_, x)| x.kind))
        else {
            continue;
        };
        let Some(d) = found.iter().rev().filter(|e| e.kind == kind).find_map(|e| e.date.as_ref()) else {
            continue;
        };
        let cue = ws[j..=k].iter().map(|x| x.text.as_str()).collect::<Vec<_>>().join(" ");
        let a = if before {
            Approx { after: None, before: Some(d.start), cue: String::new() }
        } else {
            Approx { after: Some(d.end), before: None, cue: String::new() }
        };
        return Some((a, cue));
    }
    None
}

/// Places undated events by a time reference in their clause ("مؤخرا",
/// "earlier", "في وقت سابق", "soon"; see [`crate::time::find_placement_refs`]):
/// before or after `published`, with the reference's words as the cue.
/// `tokens` are the text's, `dates` the dates found in it, `slice` gives
/// the text between two code points. References to the present ("حاليا",
/// "current") say nothing of when the event took place and are left out.
pub fn place_by_refs(
    evs: &mut [Ev],
    tokens: &[Token],
    dates: &[FoundDate],
    published: Option<Ymd>,
    slice: &dyn Fn(usize, usize) -> String,
) {
    let Some(p) = published else { return };
    for e in evs.iter_mut().filter(|e| e.date.is_none() && e.approx.is_none()) {
        let (a, b) = e.scope;
        let lo = tokens.partition_point(|t| t.end <= a);
        let hi = lo + tokens[lo..].partition_point(|t| t.start < b);
        let refs = crate::time::find_placement_refs(&tokens[lo..hi], dates);
        let dist = |r: &crate::time::TimeRef| r.start.abs_diff(e.trigger_start);
        let Some(r) = refs.iter().filter(|r| r.kind != RefKind::Present && r.end <= b).min_by_key(|r| dist(r)) else {
            continue;
        };
        let (after, before, relation) = match r.kind {
            RefKind::Future => (Some(p), None, Relation::Upcoming),
            // a past reference beside an event still to come speaks of
            // something else ("سيعقد الاجتماع الذي تأجل سابقا")
            _ if e.relation == Relation::Upcoming => continue,
            _ => (None, Some(p), Relation::Before),
        };
        e.approx = Some(Approx { after, before, cue: slice(r.start, r.end) });
        e.relation = relation;
    }
}

/// The clauses of the sentences: a sentence that reports two events is cut
/// before a word that follows a comma and joins a new clause ("، وسيعقد",
/// ", while", ", and") when a trigger stands on both sides (after it, not
/// holding alone, "، والمزمع عقده", nor a back-reference); lists of names
/// ("فينك، ونائب المبعوث") stay whole. Returns clause start and end, then
/// its sentence's start and end.
fn clauses(words: &[Word], sentences: &[(usize, usize)]) -> Vec<(usize, usize, usize, usize)> {
    let ew = event_words();
    let joiners = &ew.clause_joiner;
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
            // read only after a comma (two lookups a word otherwise)
            let joins =
                || (w.arabic && w.key.starts_with('و')) || joiners.contains(&w.key) || ew.clause_start.contains(&w.key);
            // "... جاء ذلك أثناء الاجتماع": the setting of what was said
            // before, a clause of its own even without a comma
            let setting = k > 0 && sw.get(k + 1).is_some_and(|n| ew.setting.contains_pair(&w.key, &n.key));
            if k == 0 || !(setting || (w.comma_before && joins())) {
                continue;
            }
            let before = sw.get(from..k).is_some_and(|ws| ws.iter().any(|x| x.f.trigger_start));
            // "، والمزمع عقده خلال ...", ", to be held on ...": holding alone
            // tells when and where of the happening before it, no new one.
            // A back-reference ("، وذلك بعد ... الخاص بالمنتدى") tells of the
            // happening before it, no new one either.
            let any = |j: usize| sw[j].f.trigger_start && !has(&sw[j], &ew.hold);
            let after = (k..sw.len()).any(any);
            let new_after = (k..sw.len()).any(|j| any(j) && !definite_at(sw, j, ew));
            if (before && new_after) || (setting && after) {
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

/// Words after a trigger in which an adverb of repetition makes it what
/// keeps happening ("visit Svalbard frequently").
const FREQUENCY_WORDS: usize = 3;

/// Days from publication within which a body report's date can be the
/// headline's happening's.
const NEWS_DAYS: i64 = 31;

/// Whether `later` reports the same happening as `e`: the same kind, no
/// clash of dates or of being still to come, and the same place or a
/// back-reference ("the meeting"; a place in its clause is often only a
/// topic: "in the meeting he praised the gains in Aden"). A shared
/// participant alone is not enough: a cabinet that meets and welcomes
/// another meeting takes part in both reports.
fn same_happening(e: &Ev, later: &Ev, definite: bool, published: Option<Ymd>, title_end: usize) -> bool {
    // A date only passes from one report to the other through a
    // back-reference: "a meeting" on another day is another meeting.
    // A headline tells the story's main happening without its date: the
    // body's report of it in the same place is the same happening.
    let headline = headline::in_title(e, title_end) && e.date.is_none();
    // The headline's happening is news: a report dated long before (the
    // "1991 Gulf War" of a sentence of background) is another happening.
    let news = |d: &DateValue| published.is_none_or(|p| crate::time::within_days(d, p, NEWS_DAYS));
    let dates_agree = match (&e.date, &later.date) {
        (Some(a), Some(b)) => a.value == b.value,
        (None, None) => true,
        (None, Some(b)) => definite || (headline && news(b)),
        (Some(_), None) => definite || headline,
    };
    // A later undated report is "before" only by default: it may refer back
    // to one still to come ("the forum will open ... the forum discusses");
    // a later report said to be still to come is not an earlier past one.
    let to_come = |x: &Ev| matches!(x.relation, Relation::Upcoming | Relation::After);
    // (an undated headline's "before" is only the default of its present tense)
    let timing_agrees = to_come(e) == to_come(later) || (later.date.is_none() && !to_come(later)) || headline;
    let same_place = e.place.is_some() && e.place == later.place;
    // a headline with no place ("Assad meets Putin") and a body report
    // with the same two or more people is the same happening
    let shared = e.participants.iter().filter(|p| later.participants.contains(p)).count();
    let headline_people = headline && e.place.is_none() && shared >= 2;
    e.kind == later.kind && dates_agree && timing_agrees && (same_place || definite || headline_people)
}

/// Folds a repeat into the first report of the happening.
fn merge(e: &mut Ev, later: Ev, title_end: usize) {
    for p in later.participants {
        if !e.participants.contains(&p) {
            e.participants.push(p);
        }
    }
    // a back-reference's clause is often about something else ("في
    // الاجتماع عن سعادته بانتصارات في عدن"): only a place next to it counts
    // (a headline's report has no clause of its own: the body's place is where it was)
    if e.place.is_none() && (later.place_close || headline::in_title(e, title_end)) {
        e.place = later.place;
    }
    if e.date.is_none() && later.date.is_some() {
        e.date = later.date;
        e.relation = later.relation;
        e.approx = None;
    } else if e.date.is_none() && e.approx.is_none() && later.approx.is_some() {
        e.approx = later.approx;
        e.relation = later.relation;
    }
}
