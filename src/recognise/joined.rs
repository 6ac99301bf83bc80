//! Two Arabic organisations joined by و that the tagger reads as one:
//! "الأهلي التجاري وبنك الرياض" (two banks), "موبايلي وزين السعودية"
//! (two companies). The span is cut before a word that is و written onto
//! an organisation's head noun ("وبنك", "وشركة", "والهيئة") or onto the
//! first word of a curated organisation ("وزين السعودية"); each part is
//! an organisation of its own, the و outside both.
//! The first part may be one word ("موبايلي"); a name whose و joins
//! words that are not heads stays whole ("جمعية الهلال والصليب الأحمر").
//! Likewise a place name written with و ("وجدة": Oujda, or and Jeddah).
//! Any tagger span is also cut where a sentence starts ([`split_joined`]).

use super::lists::{ambiguous_places, ar_org_heads, ar_prepositions};
use super::person_spans::joined_name;
use super::{lexicon, longest_at, Word};
use crate::gazetteer;
use crate::model::EntityType;
use crate::tagger::TaggedSpan;
use std::borrow::Cow;

/// Code points of a و written onto a word that opens an organisation's
/// name: a head noun ("وبنك" → "بنك") or a curated name ("وزين").
pub(super) fn org_conjunction(words: &[Word], i: usize) -> usize {
    let w = &words[i];
    if !w.arabic || !w.text.starts_with('و') {
        return 0;
    }
    let head = w.readings.iter().any(|r| r.pre == 1 && ar_org_heads().contains(&r.key));
    let curated =
        w.f.org_start && longest_at(lexicon::orgs(), words, i).is_some_and(|(ri, _, _)| w.readings[ri].pre == 1);
    if head || curated {
        1
    } else {
        0
    }
}

/// Code points of proclitics (و ف ب ل ك, alone or in pairs) written onto
/// an organisation's first word when what follows them, article and all,
/// stands in another organisation the tagger found in the article ("بالأهلي",
/// "كالأهلي" beside "الأهلي": one club, highlighted without the
/// preposition). A name that merely starts with such a letter ("فالنسيا")
/// has no such twin and stays whole; so does a word whose article the
/// proclitic لـ took ("للحكومة": no name to highlight without it).
pub(super) fn proclitic_on_org(words: &[Word], tagged: &[TaggedSpan], w0: usize) -> usize {
    let w = &words[w0];
    if !w.arabic {
        return 0;
    }
    w.readings
        .iter()
        .filter(|r| {
            super::person_spans::proclitics_off(w, r)
                && r.key.starts_with("ال")
                && !super::org_extent::lost_article(w, r)
        })
        .find(|r| super::person_spans::in_other_name(words, tagged, w0, &r.key, EntityType::Organization))
        .map_or(0, |r| r.pre)
}

/// Code points of a و written onto a one-word name that no list knows, an
/// organisation or place the tagger found ("أبل وسامسونج", "برايتون
/// وبرستموث"): the word whole is no gazetteer name, given name, common
/// word or organisation head, and the letter after و is a consonant. A
/// foreign name spelled with W is written وا، وي، وو ("واتساب",
/// "ويكيليكس", "وولفسبورغ") and keeps its و.
pub(super) fn foreign_conjunction(words: &[Word], w0: usize, w1: usize) -> usize {
    let w = &words[w0];
    let mut cs = w.key.chars();
    if w1 != w0 + 1 || !w.arabic || cs.next() != Some('و') || w.key.chars().count() < 5 {
        return 0;
    }
    if matches!(cs.next(), Some('ا' | 'أ' | 'إ' | 'آ' | 'ي' | 'ى' | 'و' | 'ؤ' | 'ئ' | 'ء')) {
        return 0;
    }
    let known = !gazetteer::lookup(&w.key).is_empty()
        || gazetteer::is_common_word(&w.key)
        || lexicon::is_given_name(&w.key).is_some()
        || w.f.org_head
        || w.f.title
        || w.f.ar_stop;
    if known || !w.readings.iter().any(|r| r.pre == 1) {
        0
    } else {
        1
    }
}

/// The tagger's organisations cut before every word after the first that
/// [`org_conjunction`] reads as و and a new organisation, and its people
/// before every word that is و and a new name
/// ([`super::person_spans::joined_name`]); any span before a word that
/// opens a sentence (the tagger reads on across a dotted abbreviation that
/// ends one: "Washington, D.C. The Laurel County Sheriff's Office"). Borrows
/// the spans when nothing is cut, as most blocks are.
pub(super) fn split_joined<'t>(words: &[Word], tagged: Cow<'t, [TaggedSpan]>) -> Cow<'t, [TaggedSpan]> {
    let cut = |t: &TaggedSpan, i: usize| {
        words[i].sent_start
            || match t.kind {
                EntityType::Organization => !words[i].brk && org_conjunction(words, i) > 0,
                EntityType::Person => joined_name(&words[i]),
                _ => false,
            }
    };
    let inner = |t: &TaggedSpan| {
        let w0 = words.partition_point(|w| w.tok < t.start_token);
        let w1 = words.partition_point(|w| w.tok < t.end_token);
        w0 + 1..w1.max(w0 + 1)
    };
    if !tagged.iter().any(|t| inner(t).any(|i| cut(t, i))) {
        return tagged;
    }
    let mut out = Vec::with_capacity(tagged.len() + 2);
    for t in tagged.iter() {
        let mut start = t.start_token;
        for i in inner(t).filter(|&i| cut(t, i)) {
            out.push(TaggedSpan { start_token: start, end_token: words[i].tok, ..t.clone() });
            start = words[i].tok;
        }
        out.push(TaggedSpan { start_token: start, ..t.clone() });
    }
    Cow::Owned(out)
}

/// The reading `key` of Arabic word `i` strips a conjunction (و، ف) that
/// cannot stand here: right after a preposition comes its noun, never
/// "and" ("من فصيلة" is not "from + ف + صيلة", "من وجدة" is from Oujda).
pub(super) fn impossible_conjunction(words: &[Word], i: usize, key: &str) -> bool {
    let w = &words[i];
    w.arabic
        && i > 0
        && !w.brk
        && w.key.starts_with(['و', 'ف'])
        && key != w.key
        && w.key.ends_with(key)
        && ar_prepositions().contains(&words[i - 1].key)
}

/// A word written with و that is a place as written ("وجدة", Oujda) may
/// be و + another place ("و جدة", and Jeddah): the reading without و wins
/// when the text names that place elsewhere ("في جدة", "بجدة") and never
/// writes the word as a whole again. Returns the reading's index.
pub(super) fn conjunction_reading(words: &[Word], i: usize) -> Option<usize> {
    let w = &words[i];
    if !w.arabic {
        return None;
    }
    let rest = w.key.strip_prefix('و')?;
    let ri = w.readings.iter().position(|r| r.key == rest)?;
    if impossible_conjunction(words, i, rest) {
        return None;
    }
    if gazetteer::lookup(&w.key).is_empty()
        || gazetteer::lookup(rest).is_empty()
        || gazetteer::is_common_word(rest)
        || ambiguous_places().contains(rest)
    {
        return None;
    }
    let whole_again = words.iter().enumerate().any(|(k, x)| k != i && x.key == w.key);
    let elsewhere = words.iter().any(|x| x.key != w.key && x.readings.iter().any(|r| r.key == rest));
    // or a list of places of one country: "الرياض وجدة" is Riyadh and Jeddah
    let country =
        |k: &str| gazetteer::lookup(k).first().and_then(|&p| gazetteer::places().get(p as usize)).map(|p| p.country);
    let listed = i > 0
        && !w.brk
        && country(&words[i - 1].key).is_some_and(|c| country(rest) == Some(c) && country(&w.key) != Some(c));
    ((elsewhere || listed) && !whole_again).then_some(ri)
}
