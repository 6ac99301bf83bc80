//! Two Arabic organisations joined by و that the tagger reads as one:
//! "الأهلي التجاري وبنك الرياض" (two banks), "موبايلي وزين السعودية"
//! (two companies). The span is cut before a word that is و written onto
//! an organisation's head noun ("وبنك", "وشركة", "والهيئة") or onto the
//! first word of a curated organisation ("وزين السعودية"); each part is
//! an organisation of its own, the و outside both.
//! The first part may be one word ("موبايلي"); a name whose و joins
//! words that are not heads stays whole ("جمعية الهلال والصليب الأحمر").

use super::lists::ar_org_heads;
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
/// ([`super::person_spans::joined_name`]). Borrows the spans when nothing
/// is cut, as most blocks are.
pub(super) fn split_joined<'t>(words: &[Word], tagged: Cow<'t, [TaggedSpan]>) -> Cow<'t, [TaggedSpan]> {
    let cut = |t: &TaggedSpan, i: usize| match t.kind {
        EntityType::Organization => !words[i].brk && org_conjunction(words, i) > 0,
        EntityType::Person => joined_name(&words[i]),
        _ => false,
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
