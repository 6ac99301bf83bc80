//! Person candidates: well-known figures, names after or before titles and
//! roles, given names with what follows, and English capitalised runs.

use super::lists::{
    ar_destinations, en_connectors_outer, en_event_words, not_person_words, reporting_verbs, settlement_words,
};
use super::merge::{PRIO_CAPS, PRIO_KNOWN_PERSON, PRIO_NAME_PERSON, PRIO_TITLE_PERSON};
use super::{
    definite, given, is_demonym, is_title_word, is_trigger_word, key_of, lexicon, longest_at, nisba, span, verb_like,
    Found, What, Word,
};
use crate::gazetteer;
use crate::model::EntityType;

/// A well-known figure by any listed variant ("بوتين", "Vladimir Putin").
pub(super) fn known_people(words: &[Word], i: usize, out: &mut Vec<Found>) {
    let w = &words[i];
    if !w.f.people_start || (!w.arabic && !w.cap) {
        return;
    }
    let Some((ri, j, hits)) = longest_at(lexicon::people(), words, i) else { return };
    let Some((_, p)) = hits.first() else { return };
    if !w.arabic && !words[i..j].iter().all(|x| x.cap || x.f.connector) {
        return;
    }
    let (start, end) = span(words, i, j, w.readings[ri].pre);
    out.push(Found::new((i, j), (start, end), EntityType::Person, What::KnownPerson(*p), PRIO_KNOWN_PERSON));
}

/// "فوزي صلوخ وزير الخارجية": a name right before a title, after a
/// sentence start, a function word or a reporting verb.
fn name_before_title(words: &[Word], t: usize, out: &mut Vec<Found>) {
    if t == 0 || words[t].brk || !words[t].arabic {
        return;
    }
    let mut s = t;
    while s > 0 && t - s < 3 && !words[s].brk {
        let p = &words[s - 1];
        let family_last = s == t && definite(p) && !is_demonym(p);
        let nameish = p.arabic
            && !p.f.ar_stop
            && !p.f.time
            && !p.f.title
            && !p.f.trigger
            && !p.f.org_head
            && !is_demonym(p)
            && !verb_like(p)
            && (!definite(p) || family_last)
            && !reporting_verbs().contains(&p.key)
            && !p.reads_as(reporting_verbs());
        if !nameish {
            break;
        }
        s -= 1;
    }
    if s == t {
        return;
    }
    let opens = words[s].brk || words[s - 1].reads_as(reporting_verbs());
    // the title must itself be specific: an office with its portfolio
    // ("وزير الخارجية", "رئيس الوزراء"), not a bare "الملك" or "الفريق"
    let office = !definite(&words[t]) && words.get(t + 1).is_some_and(|n| !n.brk && definite(n));
    let n = t - s;
    if opens && office && n >= 2 && !definite(&words[s]) {
        person(words, s, t, PRIO_NAME_PERSON, out);
    }
}

/// Where an Arabic name starting at `k` ends, if one starts there.
fn ar_name_end(words: &[Word], k: usize, limit: usize) -> Option<usize> {
    let first = words.get(k)?;
    if !first.arabic
        || definite(first)
        || first.f.ar_stop
        || first.f.time
        || is_title_word(first)
        || is_trigger_word(first)
        || first.f.org_head
        || is_demonym(first)
        || first.key.chars().count() < 2
    {
        return None;
    }
    let first_given = given(first).is_some();
    let mut particle = first.f.particle;
    let mut end = k + 1;
    while end < words.len() && end < k + limit && !words[end].brk {
        let w = &words[end];
        // "محمد علي": a given name inside a name, even one that is also a word
        if given(w).is_some_and(|g| !g.ambiguous || !w.text.ends_with('ى'))
            && (first_given || end == k + 1)
            && !w.f.time
            && !is_title_word(w)
            && !w.text.ends_with('ى')
        {
            end += 1;
            particle = false;
            continue;
        }
        if !w.arabic
            || w.f.ar_stop
            || w.f.time
            || is_title_word(w)
            || is_trigger_word(w)
            || w.f.org_head
            || prepositional(w)
        {
            break;
        }
        if particle || w.f.particle {
            particle = w.f.particle;
            end += 1;
            continue;
        }
        // "عبد الله", "نصر الله"
        if w.key == "الله" {
            end += 1;
            continue;
        }
        if definite(w) {
            // a family name: a nisba ("الصفدي"), or any definite word right
            // after a known given name ("بشار الأسد")
            let family =
                !is_demonym(w) && !w.f.org_adj && (nisba(w) || (first_given && end == k + 1 && !names_place(w)));
            if family {
                end += 1;
            }
            break;
        }
        if given(w).is_some() || (!verb_like(w) && end == k + 1) {
            end += 1;
            continue;
        }
        break;
    }
    while end > k + 1 && words[end - 1].f.particle {
        end -= 1;
    }
    Some(end)
}

/// Where an English name starting at `k` ends (capitalised words and
/// connectors such as "al-", "de").
fn en_name_end(words: &[Word], k: usize, limit: usize) -> Option<usize> {
    let first = words.get(k)?;
    if first.arabic || !first.cap || first.f.en_stop || is_title_word(first) {
        return None;
    }
    let mut end = k + 1;
    while end < words.len() && end < k + limit && !words[end].brk {
        let w = &words[end];
        let name_word = w.cap && !w.f.en_stop && !w.f.time;
        let connector = w.f.connector
            && !en_connectors_outer().contains(&w.key)
            && words.get(end + 1).is_some_and(|n| n.cap && !n.brk);
        if !(name_word || connector) {
            break;
        }
        end += 1;
    }
    Some(end)
}

/// A word written with a preposition before the article or a place
/// ("للعلوم", "بجدة"): what follows a name, never part of it.
fn prepositional(w: &Word) -> bool {
    super::merge::preposition_article(w)
        || (w.key.starts_with(['ب', 'ل'])
            && gazetteer::lookup(&w.key).is_empty()
            && w.readings.iter().any(|r| r.pre == 1 && !gazetteer::lookup(&r.key).is_empty()))
}

pub(super) fn person(words: &[Word], k: usize, end: usize, prio: u8, out: &mut Vec<Found>) {
    if end <= k {
        return;
    }
    let (start, e) = span(words, k, end, 0);
    let key = key_of(words, k, end, &words[k].key);
    out.push(Found::new((k, end), (start, e), EntityType::Person, What::Person { key }, prio));
}

/// "المدير السياسي الهولندي، مارسيل دي فينك"; "Foreign Minister Ayman Safadi".
pub(super) fn titled_person(words: &[Word], i: usize, out: &mut Vec<Found>) {
    let w = &words[i];
    if !w.f.title_start {
        return;
    }
    if !w.arabic && !w.cap && lexicon::titles().get(&w.key).is_empty() && !lexicon::titles().has_longer(&w.key) {
        return;
    }
    let Some((_, j, _)) = longest_at(lexicon::titles(), words, i) else { return };
    if w.arabic {
        name_before_title(words, i, out);
        // modifiers: nationality, definite adjectives and complements, "للتحالف"
        let mut k = j;
        while k < words.len() && k < j + 5 && !words[k].brk {
            let m = &words[k];
            // "المبعوث الأممي إلى اليمن": a destination is part of the role
            if ar_destinations().contains(&m.key) && words.get(k + 1).is_some_and(|n| !n.brk) {
                k += 2;
                continue;
            }
            if !m.arabic || m.f.ar_stop || m.f.time {
                break;
            }
            let construct = m.key.ends_with('ه') && words.get(k + 1).is_some_and(|n| !n.brk && definite(n));
            if definite(m) || is_demonym(m) || construct {
                k += 1;
            } else {
                break;
            }
        }
        if k >= words.len() {
            return;
        }
        if words[k].brk {
            if words[k].comma_before && words[k].sent == words[j.min(words.len() - 1)].sent {
                // appositive: the name runs to the next punctuation
                let mut e = k + 1;
                while e < words.len() && !words[e].brk && e < k + 5 {
                    e += 1;
                }
                let ok = e - k <= 4
                    && (e >= words.len() || words[e].brk)
                    && words[k..e].iter().all(|x| x.arabic && !x.f.ar_stop && !is_trigger_word(x) && !x.f.org_head)
                    && !definite(&words[k]);
                if ok {
                    person(words, k, e, PRIO_TITLE_PERSON, out);
                }
            }
            return;
        }
        if let Some(e) = ar_name_end(words, k, 6) {
            person(words, k, e, PRIO_TITLE_PERSON, out);
        }
    } else {
        let mut k = j;
        // "Secretary of State Antony Blinken", "President-elect Joe Biden"
        while k < words.len() && !words[k].brk && (is_demonym(&words[k]) || words[k].key == "elect") && k < j + 2 {
            k += 1;
        }
        if k < words.len() && !words[k].brk {
            if let Some(e) = en_name_end(words, k, 4) {
                person(words, k, e, PRIO_TITLE_PERSON, out);
            }
        }
    }
}

/// A given name and the name that follows it ("أيمن الصفدي", "John Kerry").
pub(super) fn named_person(words: &[Word], i: usize, out: &mut Vec<Found>) {
    let w = &words[i];
    let Some(g) = given(w) else { return };
    if w.arabic {
        let Some(e) = ar_name_end(words, i, 6) else { return };
        if e - i < 2 {
            return;
        }
        // the list's own doubt, not the text's: "علي" stays doubtful here
        // even where the text writes "على" apart ([`super::words`]); without
        // the tagger (rules alone) that made 70 more people on the
        // development parts, 4 of them right
        let doubtful = g.ambiguous || lexicon::is_given_name(&w.key).is_some_and(|g| g.ambiguous);
        if doubtful && given(&words[i + 1]).is_none() && !words[i + 1].f.particle {
            return;
        }
        person(words, i, e, PRIO_NAME_PERSON, out);
    } else if w.cap {
        if let Some(e) = en_name_end(words, i, 4) {
            if e - i >= 2 {
                person(words, i, e, PRIO_NAME_PERSON, out);
            }
        }
    }
}

/// English runs of capitalised words, classified by their words: an
/// organisation head, a title or given name before a person, else a
/// person when two words or more.
pub(super) fn caps_runs(words: &[Word], out: &mut Vec<Found>) {
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        if w.arabic || !(w.cap || w.upper) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len() && !words[j].brk {
            let n = &words[j];
            let name_word = (n.cap || n.upper) && !n.f.time;
            // "the" only inside a name after "of" ("Bank of the West")
            let connector = n.f.connector
                && (n.key != "the" || words[j - 1].key == "of")
                && words.get(j + 1).is_some_and(|x| x.cap && !x.brk);
            if !(name_word || connector) {
                break;
            }
            j += 1;
        }
        // a run of words in capitals is a headline ("U.K. TAKES ROLE IN
        // GULF TALKS"), not a name; one such word may still be an acronym
        let headline = j - i >= 2 && words[i..j].iter().all(|w| w.upper || w.f.connector || w.key.chars().count() == 1);
        if !headline {
            classify_run(words, i, j, out);
        }
        i = j;
    }
}

fn classify_run(words: &[Word], mut i: usize, j: usize, out: &mut Vec<Found>) {
    let mut titled = false;
    while i < j {
        let w = &words[i];
        if let Some((_, e, _)) = longest_at(lexicon::titles(), words, i).filter(|t| t.1 <= j) {
            titled = true;
            i = e;
        } else if w.f.en_stop || w.f.time || w.f.connector || is_demonym(w) {
            i += 1;
        } else {
            break;
        }
    }
    // trailing connectors never end a name
    let mut j = j;
    while j > i && words[j - 1].f.connector {
        j -= 1;
    }
    if i >= j {
        return;
    }
    let n = j - i;
    let has_head = words[i..j].iter().any(|w| w.f.en_org_head);
    // events and titles of works are not people ("World Cup", "PGA Tour")
    if words[i..j].iter().any(|w| en_event_words().contains(&w.key)) && !has_head {
        return;
    }
    let (start, end) = span(words, i, j, 0);
    let key = key_of(words, i, j, &words[i].key);
    let sent_start_single = n == 1 && words[i].sent_start;
    let acronym = n == 1 && words[i].upper && words[i].key.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let (kind, what) = if (has_head && n >= 2) || acronym {
        (EntityType::Organization, What::Org { curated: None, key })
    } else if titled || (n >= 2 && !has_head) || (given(&words[i]).is_some() && !sent_start_single) {
        (EntityType::Person, What::Person { key })
    } else {
        return;
    };
    out.push(Found::new((i, j), (start, end), kind, what, PRIO_CAPS));
}

/// The family name right after a person's name, which the tagger (it
/// leads for Arabic names) stops before; `found` is sorted by start.
/// - "محمد شياع السوداني": a nationality's masculine form right after an
///   Arabic name of two words or more is its family name (a nisba), not the
///   person's nationality, which Arabic news writes before the name
///   ("الرئيس المصري عبد الفتاح السيسي"); the one-word place found there
///   gives way (the Iraqi prime minister's name was pinned on Sudan).
/// - "فهد المرشد": after a lone unambiguous given name, a definite word that
///   is no place, nationality, title, function word or word the gold
///   corpora keep out of names ([`family_word`]), or a title word
///   ([`titled_family`]: "نجيب الإمام", "محمد السيد" with the name after it,
///   "حجازي"), unless the name is what an institution is named after
///   ([`named_after`]).
pub(super) fn family_names(words: &[Word], found: &mut Vec<Found>) {
    let mut i = 0;
    while i < found.len() {
        let f = &found[i];
        let n = f.w1;
        let person = f.kind == EntityType::Person
            && f.link.is_none()
            && !f.demonym
            && matches!(f.what, What::Person { .. })
            && words[f.w0].arabic;
        let next = words.get(n).filter(|w| w.arabic && !w.brk && !w.quote_before && definite(w));
        let nisba = f.w1 >= f.w0 + 2 && next.is_some_and(|w| is_demonym(w) && w.key.ends_with('ي'));
        let family = f.w1 == f.w0 + 1
            && span_given(words, f).is_some_and(|g| !g.ambiguous)
            && !named_after(words, f.w0)
            && next.is_some_and(|w| family_word(w) || titled_family(w));
        // what was found at the next word (the list holds no overlaps)
        let at_next = found.get(i + 1).filter(|g| g.w0 == n);
        let free = at_next.is_none_or(|g| nisba && g.w1 == n + 1 && g.kind == EntityType::Place);
        if person && (nisba || family) && free {
            if at_next.is_some() {
                found.remove(i + 1);
            }
            take_next_word(words, &mut found[i]);
            // the name that goes on after a title word taken ("محمد السيد"
            // + "حجازي"), nothing between them, a name as written: found
            // on its own, or one word found by nothing else
            let title_taken = next.is_some_and(titled_family) && !next.is_some_and(family_word);
            let on = found.get(i + 1).filter(|g| {
                g.w0 == n + 1
                    && g.kind == EntityType::Person
                    && g.link.is_none()
                    && matches!(g.what, What::Person { .. })
                    && words[g.w0].arabic
                    && !words[g.w0].brk
                    && super::merge::known_whole(&words[g.w0])
            });
            let free_name = || {
                title_taken
                    && found.get(i + 1).is_none_or(|g| g.w0 > n + 1)
                    && words.get(n + 1).is_some_and(|w| {
                        w.arabic && !w.brk && !w.quote_before && super::merge::known_whole(w) && !is_title_word(w)
                    })
            };
            if on.is_none() && free_name() {
                take_next_word(words, &mut found[i]);
            } else if on.is_some() && title_taken {
                let g = found.remove(i + 1);
                super::merge::absorb_person(&mut found[i], &g);
            }
        }
        i += 1;
    }
}

/// The given name a person's span of one word is, read after the
/// proclitics the span leaves out ("ومحمد" found as "محمد").
fn span_given(words: &[Word], f: &Found) -> Option<super::lexicon::GivenName> {
    let w = &words[f.w0];
    match f.start.checked_sub(w.start)? {
        0 => given(w),
        pre => w.readings.iter().find(|r| r.pre == pre).and_then(|r| super::lexicon::is_given_name(&r.key)),
    }
}

/// A definite word that may be a family name after a given name (see
/// [`family_names`]).
fn family_word(w: &Word) -> bool {
    w.key.chars().count() >= 4
        && !w.key.ends_with("ية")
        && !prepositional(w)
        && !is_demonym(w)
        && !w.f.org_adj
        && !w.f.ar_stop
        && !w.f.time
        && !is_title_word(w)
        && !is_trigger_word(w)
        && !w.f.org_head
        && !not_person_words().contains(&w.key)
        && !names_place(w)
}

/// A title word written right after a given name is its family name:
/// Arabic writes a title before the name it introduces, never after it
/// ("نجيب الإمام", "محمد السيد حجازي"); with the article only, no
/// proclitic ("محمد والشيخ" is two people).
fn titled_family(w: &Word) -> bool {
    is_title_word(w) && w.text.starts_with("ال")
}

/// Whether a reading of `w` is a place the gazetteer knows.
fn names_place(w: &Word) -> bool {
    w.readings.iter().any(|r| !gazetteer::lookup(&r.key).is_empty())
}

/// A name after a title that starts with an unambiguous given name and
/// goes on ("الدكتور علي قمحاوي"): one the tagger missed may fill a gap,
/// unlike a title's next words in general ([`super::merge::Policy::fills`]).
pub(super) fn titled_given_name(words: &[Word], c: &Found) -> bool {
    !named_after(words, c.w0)
        && c.prio == PRIO_TITLE_PERSON
        && c.kind == EntityType::Person
        && c.w1 >= c.w0 + 2
        && words.get(c.w0).is_some_and(|w| w.arabic && given(w).is_some_and(|g| !g.ambiguous))
}

/// A name at `w0` after a title after an institution's or facility's head:
/// what the institution is named after ("جامعة الملك عبدالعزيز", "مركز
/// الملك سلمان للإغاثة"), not a mention of the person to extend.
fn named_after(words: &[Word], w0: usize) -> bool {
    let (Some(t), Some(h)) = (w0.checked_sub(1), w0.checked_sub(2)) else { return false };
    let (title, head) = (&words[t], &words[h]);
    let settlement = || head.reads_as(settlement_words());
    is_title_word(title) && !title.brk && (head.f.org_head || super::facilities::is_head(head) || settlement())
}

/// Whether two person keys may name one person: one ends with the other
/// ("joe biden", "biden"), or both have the same first and last words
/// ("محمد الظواهري", "محمد ربيع الظواهري"); "أيمن الظواهري" and "محمد
/// ربيع الظواهري" do not.
pub fn one_person(a: &str, b: &str) -> bool {
    let suffix = |long: &str, short: &str| long.strip_suffix(short).is_some_and(|r| r.ends_with(' '));
    let ends = || {
        let (mut x, mut y) = (a.split(' '), b.split(' '));
        a.contains(' ') && b.contains(' ') && x.next() == y.next() && x.next_back() == y.next_back()
    };
    a == b || suffix(a, b) || suffix(b, a) || ends()
}

/// An Arabic given name the tagger found alone, followed at two of its
/// occurrences or more by the same word, has that word for its family
/// name ("عادل" + "إمام" twice, "طلعت" + "حرب"), when the word is no
/// function word, title, time word, nationality, verb, definite word or
/// word with a pronoun suffix, and no other mention starts on it. The
/// tagger reads each sentence alone; the article's repetition is the
/// evidence it lacks.
pub(super) fn repeated_second_word(words: &[Word], found: &mut [Found]) {
    let given_alone = |f: &Found| {
        f.kind == EntityType::Person
            && f.link.is_none()
            && !f.demonym
            && f.w1 == f.w0 + 1
            && matches!(f.what, What::Person { .. })
            && words[f.w0].f.given.is_some()
    };
    let may_follow = |w: &Word| {
        w.arabic
            && !w.brk
            && !w.quote_before
            && !w.f.ar_stop
            && !w.f.title
            && !w.f.time
            && !w.f.particle
            && w.f.demonym.is_none()
            && !verb_like(w)
            && !definite(w)
            && w.readings.iter().all(|r| r.post == 0)
            && !w.key.starts_with(['و', 'ف'])
    };
    // (mention, its given name, the word after it), no other mention there
    let pairs: Vec<(usize, &str, &str)> = (0..found.len())
        .filter(|&i| given_alone(&found[i]))
        .filter_map(|i| {
            let n = found[i].w1;
            let next = words.get(n).filter(|w| may_follow(w))?;
            found.get(i + 1).is_none_or(|g| g.w0 > n).then_some((i, words[found[i].w0].key.as_str(), next.key.as_str()))
        })
        .collect();
    // a word the gold corpora almost never see in a name ("حرب" war,
    // "اصبح" became) needs the pair three times: "سعد اصبح" twice is "Saad
    // became", "طلعت حرب" forty times is a name
    let least = |w: &str| if not_person_words().contains(w) { 3 } else { 2 };
    let times = |a: &str, b: &str| pairs.iter().filter(|p| p.1 == a && p.2 == b).count();
    let named: Vec<usize> = pairs.iter().filter(|p| times(p.1, p.2) >= least(p.2)).map(|p| p.0).collect();
    for i in named {
        take_next_word(words, &mut found[i]);
    }
}

/// Extends a person's mention over the word right after it, key and span.
fn take_next_word(words: &[Word], f: &mut Found) {
    let n = f.w1;
    let (_, end) = span(words, n, n + 1, 0);
    if let What::Person { key } = &mut f.what {
        key.push(' ');
        key.push_str(&words[n].key);
    }
    f.w1 = n + 1;
    f.end = end;
}

/// An English "person" whose last word is a disease word ("Bird Flu",
/// "Flu", "Lassa Fever": `disease_word` of
/// data/curated/recognise_words.tsv): a capitalised disease, no one's name.
/// Nor is a person, an organisation or a place whose words all name a
/// disease or its agent (`disease_name`: "AIDS", "Polio", "XDR-TB",
/// "Salmonella", "الإيدز"; the English tagger reads capitalised acronyms as
/// bodies).
pub(super) fn is_disease(words: &[Word], f: &Found) -> bool {
    f.w1 > f.w0
        && words.get(f.w1 - 1).is_some_and(|w| {
            (!w.arabic && w.reads_as(super::lists::disease_words()))
                || words[f.w0..f.w1].iter().enumerate().all(|(k, w)| {
                    w.reads_as(super::lists::disease_names())
                        // a type's letter after the name ("Hepatitis B")
                        || (k > 0 && w.text.len() == 1 && w.text.chars().all(|c| c.is_ascii_uppercase()))
                })
        })
}

/// An Arabic "person" of one or two words right before an honorific
/// (`ar_honorific`: "فضيلة", "سماحة", "معالي", which open a title and a
/// name): a noun the honoured person depends on ("عقب ورود رأي فضيلة
/// المفتي", after the Mufti's opinion came), not a name, unless a title
/// introduces it.
pub(super) fn before_honorific(words: &[Word], f: &Found) -> bool {
    let first = &words[f.w0];
    let honorific = |n: &Word| !n.brk && !n.quote_before && super::lists::ar_honorifics().contains(&n.key);
    first.arabic
        && f.w1 <= f.w0 + 2
        && words.get(f.w1).is_some_and(honorific)
        && !(f.w0 > 0 && !first.brk && is_title_word(&words[f.w0 - 1]))
}

/// A currency's code in capitals beside an amount ("GBP 5,700", "USD 3
/// million", "500 EUR"): no name of a body, person or place, though the
/// English tagger reads it as an acronym.
pub(super) fn is_currency(words: &[Word], f: &Found) -> bool {
    let amount = |k: usize| words.get(k).is_some_and(|w| !w.brk && w.key.starts_with(|c: char| c.is_ascii_digit()));
    let w = &words[f.w0];
    f.w1 == f.w0 + 1
        && w.upper
        && super::lexicon::currency_codes().contains(&w.key)
        && (amount(f.w1) || (f.w0 > 0 && !w.brk && amount(f.w0 - 1)))
}

/// English "people" whose every word the CoNLL training part writes in
/// lowercase as an ordinary word and never puts in a person's name
/// ([`not_person_words`]: "Samples" opening a sentence, "Animal Health"
/// and "Rural Affairs" cut from a body's name) are none, unless a word of
/// them ends a longer person's name in the article ("Tony Snow", then
/// "Snow").
pub(super) fn drop_common_people(words: &[Word], accepted: &mut Vec<Found>) {
    let set = not_person_words();
    let mut i = accepted.len();
    while i > 0 {
        i -= 1;
        let f = &accepted[i];
        if f.kind != EntityType::Person || words[f.w0].arabic || !words[f.w0..f.w1].iter().all(|w| set.contains(&w.key))
        {
            continue;
        }
        let last = &words[f.w1 - 1].key;
        let named = accepted.iter().any(|o| {
            o.kind == EntityType::Person
                && o.w1 - o.w0 > f.w1 - f.w0
                && words[o.w0..o.w1].iter().any(|x| &x.key == last)
        });
        if !named {
            accepted.remove(i);
        }
    }
}

/// Storms are named like people ("Hurricane Katrina", "Cyclone Larry",
/// "إعصار كاترينا"), ships like people or towns ("the aircraft carrier
/// Enterprise", `en_vessel`): a name right after a storm word, or opening with one,
/// is no person, organisation or place, and neither is a later mention of
/// its name alone ("Katrina"). The one word of the name keeps a body named
/// after the storm whole ("Hurricane Katrina Relief Fund").
pub(super) fn drop_storms(words: &[Word], accepted: &mut Vec<Found>) {
    // (and ships: "the aircraft carrier Enterprise", "the tanker Sea
    // Empress" are no place or person; "carrier" only after "aircraft", an
    // airline being a carrier too)
    let vessel = |k: usize| {
        let w = &words[k];
        !w.arabic
            && w.reads_as(super::lists::en_vessels())
            && (!w.key.starts_with("carrier") || k > 0 && words[k - 1].key.as_ref() == "aircraft")
    };
    let storm = |k: usize| words[k].reads_as(super::lists::storm_words()) || vessel(k);
    let mut names: Vec<&[Word]> = Vec::new();
    accepted.retain(|f| {
        if !matches!(f.kind, EntityType::Person | EntityType::Organization | EntityType::Place) {
            return true;
        }
        // the storm word before the span, first in it, or second after a
        // qualifier ("Tropical Storm Ida"); the name one word, so a body
        // named after a storm keeps its name ("Hurricane Katrina Relief Fund")
        let storm_at = (f.w0.saturating_sub(1)..(f.w0 + 2).min(f.w1)).rev().find(|&k| storm(k));
        // an Arabic storm word before a place is the storm of that place
        // ("عاصفة #حفرالباطن"): there only a person's name is the storm's
        match storm_at {
            Some(k) if k + 2 == f.w1 && (f.kind == EntityType::Person || !words[k].arabic) => {
                names.push(&words[k + 1..f.w1]);
                false
            }
            _ => true,
        }
    });
    if names.is_empty() {
        return;
    }
    let same = |a: &[Word], b: &[Word]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.key == y.key);
    accepted.retain(|f| f.kind != EntityType::Person || !names.iter().any(|n| same(n, &words[f.w0..f.w1])));
}

/// An English "person" that opens with a body of the curated list, no
/// given name, is the body's product or unit ("Google FluTrends",
/// "Microsoft Teams"): the body is named, the rest is no person.
pub(super) fn curated_owner_first(words: &[Word], accepted: &mut [Found]) {
    for f in accepted.iter_mut() {
        let w = &words[f.w0];
        if f.kind != EntityType::Person || f.w1 < f.w0 + 2 || w.arabic || w.f.given.is_some() || !w.f.org_start {
            continue;
        }
        let mut orgs = Vec::new();
        super::orgs::curated_orgs(words, f.w0, &mut orgs);
        if let Some(o) = orgs.into_iter().find(|o| o.w0 == f.w0 && o.w1 < f.w1 && o.kind == EntityType::Organization) {
            *f = o;
        }
    }
}
