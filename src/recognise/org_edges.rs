//! Where an English organisation's name begins and ends, against the
//! tagger's reading of it:
//!
//! - a line of business written with "and" inside a company's name is one
//!   name ("Valley Federal Savings and Loan Association", "Harris Trust and
//!   Savings Bank": `en_org_and_line` in `data/curated/recognise_words.tsv`);
//! - a known body and a place read as one body before a lowercase noun are
//!   two names ("the NATO Washington summit", "the OSCE Chechnya mission");
//! - a town read as a body before a lowercase noun phrase of a kind of
//!   business is the town ("a small Boston money management firm");
//! - a place named with its article ("THE HAGUE, Netherlands") keeps it.

use super::lists::{en_business_nouns, en_company_suffixes, en_org_and_lines, en_org_heads};
use super::places::tagged_place;
use super::{key_of, lexicon, longest_at, span, Found, Weak, What, Word};
use crate::model::EntityType;

/// Runs the four readings over `accepted` (sorted by position; it stays so).
pub(super) fn mark(words: &[Word], accepted: &mut Vec<Found>) {
    if words.first().is_none_or(|w| w.arabic) {
        return;
    }
    let mut extra = Vec::new();
    for f in accepted.iter_mut() {
        if f.link.is_some() || f.demonym || f.within || f.w1 > words.len() || f.w1 <= f.w0 {
            continue;
        }
        match f.kind {
            EntityType::Organization => {
                if let Some(place) = body_and_place(words, f) {
                    extra.push(place);
                } else {
                    town_before_business(words, f);
                }
            }
            EntityType::Place => with_article(words, f),
            _ => {}
        }
    }
    accepted.extend(extra);
    joined_lines(words, accepted);
    crate::sort::sort_by_key(accepted, |f| (f.start, f.end));
}

/// An organisation's span that ends in the first word of a line of
/// business joined by "and" ("Valley Federal Savings" + "and Loan
/// Association"): the rest, and the company's legal form or head noun
/// after it, join the name; what was read over those words goes.
fn joined_lines(words: &[Word], accepted: &mut Vec<Found>) {
    let mut grown: Vec<(usize, usize)> = Vec::new();
    for (i, f) in accepted.iter_mut().enumerate() {
        if f.kind != EntityType::Organization || f.w1 + 2 > words.len() || f.link.is_some() {
            continue;
        }
        let (and, second) = (&words[f.w1], &words[f.w1 + 1]);
        if and.key.as_ref() != "and" || and.brk || second.brk || !second.cap {
            continue;
        }
        if !en_org_and_lines().contains(&words[f.w1 - 1].key) || !en_org_and_lines().contains(&second.key) {
            continue;
        }
        let mut w1 = f.w1 + 2;
        while words.get(w1).is_some_and(|w| {
            !w.brk && w.cap && (en_org_heads().contains(&w.key) || en_company_suffixes().contains(&w.key))
        }) {
            w1 += 1;
        }
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
        return;
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
}

/// A body the tagger read together with a place before a lowercase noun
/// ("the NATO Washington summit"): the body is the listed organisation
/// or the acronym its first words are, the place the gazetteer's name the
/// rest is. `f` is cut to the body; the place is returned.
fn body_and_place(words: &[Word], f: &mut Found) -> Option<Found> {
    if f.w1 < f.w0 + 2 || !matches!(f.what, What::Org { curated: None, .. }) {
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
/// the town where the firm is.
fn town_before_business(words: &[Word], f: &mut Found) {
    if f.w1 != f.w0 + 1 || !matches!(f.what, What::Org { curated: None, .. }) || words[f.w0].upper {
        return;
    }
    let phrase = (f.w1..(f.w1 + 4).min(words.len()))
        .take_while(|&k| {
            let w = &words[k];
            !w.brk && !w.cap && !w.upper && w.text.chars().all(|c| c.is_alphabetic() || c == '-')
        })
        .last();
    if !phrase.is_some_and(|k| en_business_nouns().contains(&words[k].key)) {
        return;
    }
    let Some((cands, _)) = tagged_place(words, f.w0, f.w1).filter(|(c, _)| super::merge::notable_first(c)) else {
        return;
    };
    f.kind = EntityType::Place;
    let key = words[f.w0].key.to_string();
    f.what = What::Place { cands, key, dir: None, adj_country: None, settlement: false, weak: Weak::No };
}

/// A place whose name is written with its article, read without it after
/// a capitalised "The" ("THE HAGUE, Netherlands"): the article joins the
/// name when the gazetteer's English name of the place has it ("The
/// Hague"; "The United States" keeps its article outside).
fn with_article(words: &[Word], f: &mut Found) {
    let Some(the) = f.w0.checked_sub(1).map(|k| &words[k]) else { return };
    if the.key.as_ref() != "the" || !(the.cap || the.upper) || words[f.w0].brk {
        return;
    }
    // the article belongs to the name as the place is called ("The Hague"),
    // not to one the gazetteer merely knows it by ("the United States")
    let Some((cands, _)) = tagged_place(words, f.w0 - 1, f.w1).filter(|(c, _)| {
        let first = c.first().and_then(|&i| crate::gazetteer::places().get(i as usize));
        first.is_some_and(|p| p.name_en.starts_with("The "))
    }) else {
        return;
    };
    f.w0 -= 1;
    f.start = the.start;
    if let What::Place { cands: c, key, .. } = &mut f.what {
        *c = cands;
        *key = key_of(words, f.w0, f.w1, &words[f.w0].key);
    }
}
