//! An institution named after a king, prince, sheikh or imam: "جامعة
//! الملك سعود", "مركز الملك سلمان للإغاثة", "مؤسسة الملك خالد الخيرية",
//! "جامعة الإمام محمد بن سعود الإسلامية". The head of an institution so
//! named (`ar_royal_body_head`: "جامعة", "مركز", "مؤسسة", "كلية",
//! "معهد", "برنامج" ...), without the article, then a royal or
//! religious title (`ar_royal_title`) and the person's name make
//! one organisation, with the definite adjectives and the لـ complement
//! after the name. The person is no mention of their own there: the
//! tagger and the title rule read "سلمان" or "عبدالعزيز" alone as a
//! person, or nothing at all. A hospital or a city so named ("مستشفى
//! الملك فيصل التخصصي", "مدينة الملك عبدالله الرياضية") is a place, not
//! such a head, nor is "إدارة": "منهج وإدارة الإمام الخميني" is his
//! governing.

use super::lists::{ar_royal_body_heads, ar_royal_titles};
use super::merge::PRIO_PATTERN_ORG;
use super::org_tails::{complement_len, nisba_adjective};
use super::{key_of, span, Found, What, Word};
use crate::model::EntityType;

/// The end of the person's name that starts at word `k` (after the
/// title): a person the merge accepted there, or the given names the
/// lexicon knows ("سعود", "محمد بن سعود").
fn name_end(words: &[Word], found: &[Found], k: usize) -> Option<usize> {
    if let Some(p) = found.iter().find(|p| p.kind == EntityType::Person && (p.w0 == k || p.w0 + 1 == k)) {
        // a person the tagger ran on into the complement ("سلمان للإغاثة")
        // ends before it
        let e = (k + 1..p.w1).find(|&j| super::merge::preposition_article(&words[j])).unwrap_or(p.w1);
        return (e > k).then_some(e);
    }
    // "عبد الله" is one given name
    let given = |m: &Word| m.arabic && !m.brk && (m.f.given.is_some() || m.key == "الله");
    let mut e = k;
    while e < words.len() && e < k + 5 && given(&words[e]) {
        e += 1;
        if words.get(e + 1).is_some_and(given) && words[e].key == "بن" {
            e += 1;
        }
    }
    (e > k).then_some(e)
}

/// Marks the institutions (see the module's text); `found` is sorted by
/// start and stays so.
pub(super) fn mark(words: &[Word], found: &mut Vec<Found>) {
    let mut i = 0;
    while i + 2 < words.len() {
        let (h, t) = (&words[i], &words[i + 1]);
        let head = h.readings.iter().find(|r| r.pre <= 1 && ar_royal_body_heads().contains(&r.key));
        let (Some(r), true) = (head, h.arabic && t.arabic && !t.brk && ar_royal_titles().contains(&t.key)) else {
            i += 1;
            continue;
        };
        let Some(mut e) = name_end(words, found, i + 2) else {
            i += 1;
            continue;
        };
        while e < words.len() && e < i + 9 && !words[e].brk && nisba_adjective(&words[e]) {
            e += 1;
        }
        // the لـ complement, and an adjective after it ("للإغاثة والأعمال
        // الإنسانية"); the mentions over the name's own words do not count
        let own: Vec<Found> = found.iter().filter(|f| f.w1 <= i || f.w0 >= e).cloned().collect();
        e += complement_len(words, &own, e, e);
        // something else over these words that reaches past them, or an
        // organisation there already: left alone
        let over = |f: &Found| f.w0 < e && i < f.w1;
        if found.iter().any(|f| over(f) && (f.w0 < i || f.w1 > e || f.kind == EntityType::Organization)) {
            i = e;
            continue;
        }
        found.retain(|f| !over(f));
        let key = key_of(words, i, e, &r.key);
        let org = Found::new(
            (i, e),
            span(words, i, e, r.pre),
            EntityType::Organization,
            What::Org { curated: None, key },
            PRIO_PATTERN_ORG,
        );
        let at = found.partition_point(|f| f.w0 < i);
        found.insert(at, org);
        i = e;
    }
}
