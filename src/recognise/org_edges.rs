//! Where an English organisation's name begins and ends, against the
//! tagger's reading of it:
//!
//! - a body's head noun takes the words it governs through "for" or "on"
//!   ("the Commission on Presidential Debates");
//! - a line of business written with "and" inside a company's name is one
//!   name ("Valley Federal Savings and Loan Association", "Harris Trust and
//!   Savings Bank": `en_org_and_line` in `data/curated/recognise_words.tsv`);
//! - a known body and a place read as one body before a lowercase noun are
//!   two names ("the NATO Washington summit", "the OSCE Chechnya mission");
//! - a town read as a body before a lowercase noun phrase of a kind of
//!   business is the town ("a small Boston money management firm");
//! - a place named with its article ("THE HAGUE, Netherlands") keeps it.

use super::lists::{
    en_business_nouns, en_company_suffixes, en_connectors_outer, en_org_and_lines, en_org_heads, en_portfolio_titles,
};
use super::merge::PRIO_TAGGER;
use super::places::tagged_place;
use super::{key_of, lexicon, longest_at, span, Found, Weak, What, Word};
use crate::model::EntityType;

/// Runs the four readings over `accepted` (sorted by position; it stays so).
pub(super) fn mark(words: &[Word], accepted: &mut Vec<Found>) {
    if words.first().is_none_or(|w| w.arabic) {
        return;
    }
    let mut extra = Vec::new();
    let mut changed = false;
    for f in accepted.iter_mut() {
        if f.link.is_some() || f.demonym || f.within || f.w1 > words.len() || f.w1 <= f.w0 {
            continue;
        }
        match f.kind {
            EntityType::Organization => {
                if let Some(place) = body_and_place(words, f) {
                    extra.push(place);
                } else {
                    changed |= town_before_business(words, f);
                }
            }
            EntityType::Place => changed |= with_article(words, f),
            _ => {}
        }
    }
    changed |= !extra.is_empty();
    accepted.extend(extra);
    if joined_lines(words, accepted) || changed {
        super::by_position(accepted);
    }
}

/// An organisation's span that runs on in the words after it ([`line_end`],
/// [`complement_end`]): they join the name; what was read over those words
/// goes. Whether any did.
fn joined_lines(words: &[Word], accepted: &mut Vec<Found>) -> bool {
    let mut grown: Vec<(usize, usize)> = Vec::new();
    for (i, f) in accepted.iter_mut().enumerate() {
        if f.kind != EntityType::Organization || f.w1 + 2 > words.len() || f.link.is_some() {
            continue;
        }
        let Some(w1) = line_end(words, f.w1).or_else(|| complement_end(words, f.w1)) else { continue };
        let key = key_of(words, f.w0, w1, &words[f.w0].key);
        let (_, end) = span(words, f.w0, w1, 0);
        f.w1 = w1;
        f.end = end;
        if let What::Org { curated: None, key: k } = &mut f.what {
            *k = key;
        }
        grown.push((i, w1));
    }
    if grown.is_empty() {
        return false;
    }
    let mut at = 0;
    let mut keep = vec![true; accepted.len()];
    for &(i, _) in &grown {
        let g = &accepted[i];
        for (j, o) in accepted.iter().enumerate() {
            if j != i && o.w0 < g.w1 && g.w0 < o.w1 {
                keep[j] = false;
            }
        }
    }
    accepted.retain(|_| {
        at += 1;
        keep[at - 1]
    });
    true
}

/// The end of a company's name whose words `..w1` end in the first word
/// of a line of business joined by "and" ("Valley Federal Savings" + "and
/// Loan Association"): the second line, and the legal form or head noun
/// after it.
fn line_end(words: &[Word], w1: usize) -> Option<usize> {
    let (and, second) = (&words[w1], &words[w1 + 1]);
    if and.key.as_ref() != "and" || and.brk || second.brk || !second.cap {
        return None;
    }
    if !en_org_and_lines().contains(&words[w1 - 1].key) || !en_org_and_lines().contains(&second.key) {
        return None;
    }
    let mut end = w1 + 2;
    while words
        .get(end)
        .is_some_and(|w| !w.brk && w.cap && (en_org_heads().contains(&w.key) || en_company_suffixes().contains(&w.key)))
    {
        end += 1;
    }
    Some(end)
}

/// The end of a body's name whose words `..w1` end in a capitalised head
/// noun followed by "for" or "on" and capitalised words ("the Commission
/// on Presidential Debates", "the Centre for Sociological Studies"): those
/// words, with "and", "of" and "the" between them; a time word ("the
/// Council on Friday"), a notable place or a lowercase word ends them. (In CoNLL-2003's
/// training documents a body's head is followed by "for" ten times inside
/// its name and never outside it; by "on" outside it only before a day.)
fn complement_end(words: &[Word], w1: usize) -> Option<usize> {
    let (head, prep) = (&words[w1 - 1], &words[w1]);
    if !head.cap || !head.f.en_org_head || prep.brk || !matches!(prep.key.as_ref(), "for" | "on") || prep.cap {
        return None;
    }
    // a country or a town after "for" is what the body is asked for ("asked
    // Congress for Tanzania and Kenya aid"), not its name
    let place = |w: &Word| super::merge::notable_first(crate::gazetteer::lookup(&w.key));
    let name = |w: &Word| !w.brk && w.cap && !w.upper && !w.f.time && !w.f.title && !w.f.en_stop && !place(w);
    let mut end = w1 + 1;
    let mut last = None;
    while let Some(w) = words.get(end) {
        if name(w) {
            end += 1;
            last = Some(end);
        } else if !w.brk && matches!(w.key.as_ref(), "and" | "of" | "the") && words.get(end + 1).is_some_and(name) {
            end += 1;
        } else {
            break;
        }
    }
    last
}

/// A body the tagger read together with a place before a lowercase noun
/// ("the NATO Washington summit"): the body is the listed organisation
/// or the acronym its first words are, the place the gazetteer's name the
/// rest is. `f` is cut to the body; the place is returned.
fn body_and_place(words: &[Word], f: &mut Found) -> Option<Found> {
    let first = &words[f.w0];
    if f.w1 < f.w0 + 2 || !(first.f.org_start || first.upper) || !matches!(f.what, What::Org { curated: None, .. }) {
        return None;
    }
    // a lowercase noun after the name, in the same run ("summit", "mission")
    let next = words.get(f.w1)?;
    if next.brk || next.cap || next.upper || next.arabic || next.text.chars().any(|c| !c.is_alphabetic()) {
        return None;
    }
    let (body, listed) = match longest_at(lexicon::orgs(), words, f.w0) {
        Some((ri, j, hits)) if j < f.w1 && words[f.w0].readings[ri].pre == 0 => (j, hits.first().cloned()),
        // an acronym, not a currency after its sum ("1.2 bln SKR China order")
        _ if words[f.w0].upper
            && words[f.w0].key.chars().count() >= 3
            && !f.w0.checked_sub(1).is_some_and(|k| words[k].text.chars().any(|c| c.is_ascii_digit())) =>
        {
            (f.w0 + 1, None)
        }
        _ => return None,
    };
    let (cands, _) = tagged_place(words, body, f.w1).filter(|(c, _)| super::merge::notable_first(c))?;
    let place_key = key_of(words, body, f.w1, &words[body].key);
    let what = What::Place { cands, key: place_key, dir: None, adj_country: None, settlement: false, weak: Weak::No };
    let place = Found::new((body, f.w1), span(words, body, f.w1, 0), EntityType::Place, what, f.prio);
    let key = key_of(words, f.w0, body, &words[f.w0].key);
    f.w1 = body;
    f.end = words[body - 1].end;
    f.what = match listed {
        Some((k, org)) => What::Org { curated: Some(org), key: k },
        None => What::Org { curated: None, key },
    };
    Some(place)
}

/// A one-word body of no list that the gazetteer knows as a notable town,
/// followed by a lowercase noun phrase that ends in a kind of business
/// ("a small Boston money management firm", "a Boston research firm"):
/// the town where the firm is. Whether it was.
fn town_before_business(words: &[Word], f: &mut Found) -> bool {
    if f.w1 != f.w0 + 1 || !matches!(f.what, What::Org { curated: None, .. }) || words[f.w0].upper {
        return false;
    }
    let phrase = (f.w1..(f.w1 + 4).min(words.len()))
        .take_while(|&k| {
            let w = &words[k];
            !w.brk && !w.cap && !w.upper && w.text.chars().all(|c| c.is_alphabetic() || c == '-')
        })
        .last();
    if !phrase.is_some_and(|k| words[k].f.firm_cue && en_business_nouns().contains(&words[k].key)) {
        return false;
    }
    let Some((cands, _)) = tagged_place(words, f.w0, f.w1).filter(|(c, _)| super::merge::notable_first(c)) else {
        return false;
    };
    f.kind = EntityType::Place;
    let key = words[f.w0].key.to_string();
    f.what = What::Place { cands, key, dir: None, adj_country: None, settlement: false, weak: Weak::No };
    true
}

/// A place whose name is written with its article, read without it after
/// a capitalised "The" ("THE HAGUE, Netherlands"): the article joins the
/// name when the gazetteer's English name of the place has it ("The
/// Hague"; "The United States" keeps its article outside). Whether it did.
fn with_article(words: &[Word], f: &mut Found) -> bool {
    let Some(the) = f.w0.checked_sub(1).map(|k| &words[k]) else { return false };
    if the.key.as_ref() != "the" || !(the.cap || the.upper) || words[f.w0].brk {
        return false;
    }
    // the article belongs to the name as the place is called ("The Hague"),
    // not to one the gazetteer merely knows it by ("the United States")
    let Some((cands, _)) = tagged_place(words, f.w0 - 1, f.w1).filter(|(c, _)| {
        let first = c.first().and_then(|&i| crate::gazetteer::places().get(i as usize));
        first.is_some_and(|p| p.name_en.starts_with("The "))
    }) else {
        return false;
    };
    f.w0 -= 1;
    f.start = the.start;
    if let What::Place { cands: c, key, .. } = &mut f.what {
        *c = cands;
        *key = key_of(words, f.w0, f.w1, &words[f.w0].key);
    }
    true
}

/// An English "organisation" that is a minister's portfolio, not a body:
/// after "Minister", "Commissioner" or "Secretary" (`en_portfolio_title`)
/// and "of" or "for" ("Vice Minister of Health", "the European
/// Commissioner for External Relations"), or before one ("the Health
/// Minister", "Public Health and Sanitation Minister"). The ministry's own
/// name starts with its head ("Ministry of Health") and stays; so does an
/// acronym ("the EU Commissioner": the EU is no portfolio). Nor is an
/// office read whole, a title and what it is of ("Director of Medical
/// Service").
pub(super) fn portfolio(words: &[Word], f: &Found) -> bool {
    let is = |k: usize, list: &lexicon::WordSet| words.get(k).is_some_and(|w| !w.brk && list.contains(&w.key));
    let first = &words[f.w0];
    let titles = en_portfolio_titles();
    let before = f.w0 >= 2 && is(f.w0 - 1, en_connectors_outer()) && is(f.w0 - 2, titles);
    let after = is(f.w1, titles);
    // an office read whole: "Director of Medical Service", "Secretary of
    // State"; not a team before its score ("Queen of South 2")
    let office = first.f.title
        && f.w1 > f.w0 + 2
        && is(f.w0 + 1, en_connectors_outer())
        && !words.get(f.w1).is_some_and(super::sports::number);
    !first.arabic && !first.upper && f.w1 <= f.w0 + 4 && (before || after || office)
}

/// An English name before its acronym in brackets is one organisation
/// from the word the acronym's first letter stands for: "the Centers for
/// Disease Control and Prevention (CDC)" (the tagger kept "Disease Control
/// and Prevention"), "the Department for the Environment, Food and Rural
/// Affairs (DEFRA)" (split at the comma and "and"), "the United Nations High
/// Commissioner for Refugees (UNHCR)" (not marked). The acronym's letters
/// are the initials of capitalised words, in order, back from the bracket;
/// two more capitalised words may stand among them ("Prevention"), and the
/// lowercase words between are "of", "for", "the", "and"
/// (`en_connector_outer`). Not for a
/// disease ("Porcine Reproductive and Respiratory Syndrome Virus (PRRS)":
/// its last word a disease word), nor over
/// a name that starts before it, nor over a place unless the name starts
/// with a body's head noun ("the Democratic Republic of Congo (DRC)" stays
/// the place; "University of California, Los Angeles (UCLA)" is the
/// university).
pub(super) fn acronym_names(words: &[Word], accepted: &mut Vec<Found>) {
    for k in 1..words.len() {
        let a = &words[k];
        let n = a.text.len();
        if a.arabic || !a.upper || !a.open_before || !a.close_after || !(2..=7).contains(&n) {
            continue;
        }
        let Some(start) = acronym_start(words, k, a.text.as_bytes()) else { continue };
        if super::lists::disease_words().contains(&words[k - 1].key) {
            continue;
        }
        // the name, then the same words elsewhere in the article without
        // the acronym ("Cornwall Fire and Rescue Service" again)
        let len = k - start;
        if !whole_name(words, accepted, start, k) {
            continue;
        }
        let mut names = vec![start];
        for s in 0..words.len().saturating_sub(len - 1) {
            let same = s != start
                && words[s].cap
                && (0..len).all(|d| {
                    words[s + d].key == words[start + d].key && (d == 0 || !words[s + d].brk || words[start + d].brk)
                });
            if same && whole_name(words, accepted, s, s + len) {
                names.push(s);
            }
        }
        // an acronym the curated list knows names the body its name spells
        // in another way ("the UN's World Health Organisation (WHO)")
        let known = accepted
            .iter()
            .find(|f| f.w0 == k && f.w1 == k + 1 && matches!(f.what, What::Org { curated: Some(_), .. }))
            .map(|f| f.what.clone());
        if let Some(known) = known {
            for f in accepted.iter_mut().filter(|f| f.w1 == f.w0 + len && names.contains(&f.w0)) {
                f.what = known.clone();
            }
        }
        // the acronym, there and elsewhere, is the same body, also where
        // it was read as a town ("ALMA", "Alma")
        let full = key_of(words, start, k, &words[start].key);
        for f in accepted.iter_mut() {
            let name = matches!(f.kind, EntityType::Person | EntityType::Organization | EntityType::Place);
            let curated = matches!(f.what, What::Org { curated: Some(_), .. } | What::KnownPerson(_));
            if name
                && f.w1 == f.w0 + 1
                && words[f.w0].key == a.key
                && !curated
                && !f.within
                && !f.demonym
                && f.link.is_none()
            {
                f.kind = EntityType::Organization;
                f.what = What::Org { curated: None, key: full.clone() };
            }
        }
    }
}

/// Marks words `w0..w1` as one organisation over the names inside, unless
/// a name starts before it or ends after it, is it already, or is a place
/// inside (see [`acronym_names`]). Whether they are one organisation now.
fn whole_name(words: &[Word], accepted: &mut Vec<Found>, w0: usize, w1: usize) -> bool {
    let head = en_org_heads().contains(&words[w0].key);
    let inside = |f: &Found| f.w0 < w1 && w0 < f.w1;
    let same = |f: &Found| f.w0 == w0 && f.w1 == w1;
    if accepted.iter().any(|f| same(f) && f.kind == EntityType::Organization) {
        return true;
    }
    let blocked = accepted
        .iter()
        .any(|f| inside(f) && (f.w0 < w0 || f.w1 > w1 || same(f) || (f.kind == EntityType::Place && !head)));
    if blocked {
        return false;
    }
    accepted.retain(|f| !inside(f));
    let at = accepted.partition_point(|f| f.w0 < w0);
    let key = key_of(words, w0, w1, &words[w0].key);
    let what = What::Org { curated: None, key };
    accepted.insert(at, Found::new((w0, w1), span(words, w0, w1, 0), EntityType::Organization, what, PRIO_TAGGER));
    true
}

/// The first word of the name whose initials acronym `letters` (ASCII
/// capitals) spells back from word `k`, the acronym.
fn acronym_start(words: &[Word], k: usize, letters: &[u8]) -> Option<usize> {
    let mut need = letters.len();
    let mut skipped = 0;
    for j in (k.saturating_sub(2 * letters.len() + 4)..k).rev() {
        let w = &words[j];
        let after = &words[j + 1];
        if w.arabic || (j + 1 < k && after.brk && !after.comma_before) {
            return None;
        }
        if w.cap {
            if w.text.as_bytes()[0] == letters[need - 1] {
                need -= 1;
                if need == 0 {
                    return Some(j);
                }
            } else {
                skipped += 1;
                if skipped > 2 {
                    return None;
                }
            }
        } else if !en_connectors_outer().contains(&w.key) {
            return None;
        }
    }
    None
}
