//! An Arabic organisation named by a definite head noun and a nationality
//! adjective ("الحكومة المصرية", "الجيش الإسرائيلي", "الشرطة الإثيوبية",
//! "السفارة العراقية"), and an organisation's name that goes on with one
//! ("وزارة الخارجية" + "التركية"), unless a one-word name ("الموساد") or a
//! curated one, whose name is complete ("حزب الله", also when the tagger's
//! span over it kept no list identity: its "الله" looks like a definite
//! common noun). The tagger often reads the adjective
//! alone as the country; news corpora mark the whole phrase as the
//! organisation, and the nationality word inside it is left to that name
//! ([`super::demonyms`]).
//!
//! The head is a definite organisation head of `data/curated/recognise_words.tsv`
//! (`ar_org_head`: "الحكومة", "الجيش") or a state body (`ar_state_body`:
//! "السفارة", "الخارجية", "المنتخب"); the adjective a definite nisba the
//! demonym table knows, agreeing with the definite head, and not a
//! country's own name there ([`super::demonyms`] decides: a definite noun
//! cannot govern a genitive). Words after it that qualify an organisation
//! ("العليا", "الوطني") or another nationality go with it. A name that ends
//! in a proper name ("نادي ليون") does not take the adjective: the club is
//! Lyon, "الفرنسي" describes it.
//!
//! Two more fixes of an organisation's extent: a second complement joined
//! by و goes with the name ("كلية الآداب والعلوم الاجتماعية"), and a
//! proclitic on the head noun stays outside ("بجامعة دمشق" → "جامعة دمشق"),
//! unless it took the article's alif: "للحكومة اليمنية" is marked whole, as
//! "حكومة اليمنية" is no Arabic (one such mark in the 50 development news
//! articles, four in the development parts' unannotated bodies).
//!
//! An organisation the tagger drew over an indefinite head noun alone
//! ("نادي", "لجنة") takes the head's genitive or the name the tagger marked
//! after it, or is dropped: the development parts' lone "نادي" marks were
//! all wrong (organisation F1 0.683 -> 0.688).
//!
//! The pass runs after the merge, before the nationality words are marked;
//! it does not cross another accepted name, but takes over a place the
//! tagger drew on the adjective alone.

use super::lists::{ar_state_bodies, ar_stop};
use super::merge::PRIO_PATTERN_ORG;
use super::{definite, is_demonym, key_of, nisba, span, Found, What, Word};
use crate::model::EntityType;

/// Whether word `w` is a definite nationality adjective written without a
/// proclitic ("التركية", not "والتركية").
fn adjective(w: &Word) -> bool {
    w.arabic && !w.brk && w.key.starts_with("ال") && is_demonym(w)
}

/// The reading of `w` that is a definite state body.
fn head_reading(w: &Word) -> Option<usize> {
    if !w.arabic {
        return None;
    }
    w.readings.iter().position(|r| r.key.starts_with("ال") && ar_state_bodies().contains(&r.key))
}

/// Whether an adjective of key `adj` agrees in gender with a noun of key
/// `noun`: a feminine noun, or a plural of things ("القوات"), takes the
/// feminine ("الحكومة المصرية"); "وزير الخارجية التركي" describes the
/// minister, not the ministry.
fn agrees(noun: &str, adj: &str) -> bool {
    let feminine = noun.ends_with('ه') || noun.ends_with("ات");
    feminine == adj.ends_with('ه')
}

/// The key of an organisation's first word without its proclitics.
fn head_key(words: &[Word], f: &Found) -> String {
    match &f.what {
        What::Org { key, .. } => key.split(' ').next().unwrap_or("").to_string(),
        _ => words[f.w0].key.to_string(),
    }
}

/// Index of the accepted mention covering word `k`, if any.
fn covering(found: &[Found], k: usize) -> Option<usize> {
    found.iter().position(|f| f.w0 <= k && k < f.w1 && f.link.is_none())
}

/// Whether word `k` is free for the organisation: covered by nothing, or
/// by a place over exactly that word (the tagger's reading of the
/// adjective as the country).
fn free(found: &[Found], k: usize) -> bool {
    match covering(found, k) {
        None => true,
        Some(i) => found[i].kind == EntityType::Place && found[i].w0 == k && found[i].w1 == k + 1,
    }
}

/// The end of the adjectives from word `k` on (`k` itself one).
fn adjectives_end(words: &[Word], found: &[Found], k: usize) -> usize {
    let mut e = k + 1;
    while e < words.len() && e < k + 3 && free(found, e) {
        let m = &words[e];
        if m.brk || !m.arabic || !definite(m) || !(m.f.org_adj || adjective(m)) || !m.key.starts_with("ال") {
            break;
        }
        e += 1;
    }
    e
}

/// Whether word `m` may go on an organisation's name past its end: an
/// Arabic word on the same side of any break, no function, time, title or
/// trigger word, not covered by another accepted name.
fn continues(found: &[Found], words: &[Word], k: usize) -> bool {
    words.get(k).is_some_and(|m| name_word(m) && m.key.chars().count() >= 5 && covering(found, k).is_none())
}

/// An Arabic word with no break before it that may go on a body's name:
/// no function, time, title, trigger or nationality word.
pub(super) fn name_word(m: &Word) -> bool {
    m.arabic && !m.brk && !m.f.ar_stop && !m.f.time && !m.f.title && !m.f.trigger && !is_demonym(m)
}

/// An organisation named by a head noun and a definite complement goes on
/// with a second complement joined by و ("كلية الآداب" + "والعلوم
/// الإنسانية", "وزارة الصحة" + "والسكان"): the training parts mark the
/// coordinated noun inside the name 8 times in 9 after such a name. A
/// following nisba adjective goes with it.
fn coordinated(words: &[Word], found: &mut [Found]) {
    for o in 0..found.len() {
        let f = &found[o];
        let first = &words[f.w0];
        let head = first.f.org_head_reading.is_some() || head_reading(first).is_some();
        if f.kind != EntityType::Organization
            || !matches!(f.what, What::Org { curated: None, .. })
            || !first.arabic
            || !head
            || f.w1 < f.w0 + 2
            || !words[f.w1 - 1].key.starts_with("ال")
        {
            continue;
        }
        let k = f.w1;
        // و and a definite noun, no relative pronoun ("والذي")
        let noun = words.get(k).is_some_and(|m| {
            m.readings.iter().any(|r| r.pre == 1 && r.key.starts_with("ال") && !ar_stop().contains(&r.key))
        });
        if !continues(found, words, k) || !words[k].key.starts_with("وال") || !noun {
            continue;
        }
        let mut end = k + 1;
        if continues(found, words, end) && nisba(&words[end]) && words[end].key.starts_with("ال") {
            end += 1;
        }
        extend(&mut found[o], words, end);
    }
}

/// Extends the organisation `f` to end before word `end`, its key with it.
pub(super) fn extend(f: &mut Found, words: &[Word], end: usize) {
    if let What::Org { key, .. } = &mut f.what {
        for w in &words[f.w1..end] {
            key.push(' ');
            key.push_str(&w.key);
        }
    }
    f.w1 = end;
    f.end = words[end - 1].end;
}

/// A proclitic written on an organisation's head noun stays outside its
/// span ("بجامعة دمشق" → "جامعة دمشق", "لوزارة الداخلية" → "وزارة
/// الداخلية"), as for the rules' names; the tagger's spans start at the
/// word. Its key loses the proclitic too, so the two spellings are one
/// organisation. A head read with the article lost to لـ ("للجامعة") is
/// highlighted whole, since the text holds no "الجامعة" to mark, but
/// keyed as the head with its article: "للمديرية العامة للجوازات" is
/// the same body as "المديرية العامة للجوازات".
fn proclitic_outside(words: &[Word], found: &mut [Found]) {
    for f in found.iter_mut().filter(|f| f.kind == EntityType::Organization) {
        let w = &words[f.w0];
        let Some(r) = w.f.org_head_reading.and_then(|ri| w.readings.get(ri)) else { continue };
        if !w.arabic || f.start != w.start || f.w1 <= f.w0 {
            continue;
        }
        // one letter ("بجامعة", "بالجامعة"); "للجامعة" has lost its
        // article: its head reads "جامعة" or "الجامعة", two letters off
        let head = if r.pre == 1 && !lost_article(w, r) {
            f.start += r.pre;
            r.key.as_str()
        } else if r.pre == 2 && w.text.starts_with("لل") {
            let with_article = |x: &&super::words::Reading| {
                x.pre == 2 && x.key.strip_prefix("ال").is_some_and(|k| k == r.key || x.key == r.key)
            };
            match w.readings.iter().find(with_article) {
                Some(x) => x.key.as_str(),
                None => continue,
            }
        } else {
            continue;
        };
        if let What::Org { curated: None, key } = &mut f.what {
            *key = key_of(words, f.w0, f.w1, head);
        }
    }
}

/// Whether reading `r` of `w` restores an article the proclitic لـ took
/// ("للحكومة" read as "الحكومة"): the word after its proclitics does not
/// start with the article's alif.
pub(super) fn lost_article(w: &Word, r: &super::words::Reading) -> bool {
    r.key.starts_with("ال") && !matches!(w.text.chars().nth(r.pre), Some('ا' | 'أ' | 'إ' | 'آ'))
}

/// An organisation the tagger drew over an indefinite head noun alone: a
/// head names nothing by itself. Its definite genitive goes with a
/// construct head when no other name took it ("لجنة" of "لجنة
/// الانتخابات", [`super::orgs::construct_end`]); a name the tagger marked
/// right after it is the body's name and takes the head ("نادي" +
/// "يوفنتوس"); with neither, the head is dropped ("نادي" before a name
/// the tagger missed).
fn head_alone(words: &[Word], found: &mut Vec<Found>) {
    let mut o = 0;
    while o < found.len() {
        let f = &found[o];
        let w = &words[f.w0];
        // written without the article ("المعهد" alone is a reference)
        let indefinite = !definite(w) && w.f.org_head_reading.is_some_and(|ri| !w.readings[ri].key.starts_with("ال"));
        if f.kind != EntityType::Organization
            || f.w1 != f.w0 + 1
            || !matches!(f.what, What::Org { curated: None, .. })
            || !indefinite
        {
            o += 1;
            continue;
        }
        let genitive = super::orgs::construct_head(w).and(super::orgs::construct_end(words, f.w0));
        if let Some(end) = genitive.filter(|&end| (f.w1..end).all(|k| covering(found, k).is_none())) {
            extend(&mut found[o], words, end);
        } else if let Some(n) = found
            .iter()
            .position(|n| n.w0 == f.w1 && n.kind == EntityType::Organization && n.link.is_none() && !words[n.w0].brk)
        {
            let end = found[n].w1;
            found.remove(n);
            let o = if n < o { o - 1 } else { o };
            let head = &words[found[o].w0];
            let key = head.f.org_head_reading.map_or(head.key.to_string(), |ri| head.readings[ri].key.to_string());
            found[o].what = What::Org { curated: None, key };
            extend(&mut found[o], words, end);
        } else if genitive.is_none() {
            found.remove(o);
            continue;
        }
        o += 1;
    }
}

/// Marks and extends the organisations (see the module's text); `found` is
/// sorted by start.
pub(super) fn mark(words: &[Word], found: &mut Vec<Found>) {
    head_alone(words, found);
    proclitic_outside(words, found);
    coordinated(words, found);
    let mut i = 0;
    while i + 1 < words.len() {
        let next = i + 1;
        if !adjective(&words[next]) || !free(found, next) {
            i += 1;
            continue;
        }
        let end = adjectives_end(words, found, next);
        match covering(found, i) {
            // an organisation's name that ends in a definite common noun
            // goes on with the adjective ("وزارة الخارجية" + "التركية")
            Some(o)
                if found[o].kind == EntityType::Organization
                    && found[o].w1 == next
                    && found[o].w0 + 1 < next
                    && matches!(found[o].what, What::Org { curated: None, .. })
                    && super::orgs::curated_exactly(words, found[o].w0, next).is_none()
                    && words[i].key.starts_with("ال")
                    && !is_demonym(&words[i])
                    && agrees(&head_key(words, &found[o]), &words[next].key) =>
            {
                found.retain(|f| !(f.w0 >= next && f.w1 <= end && f.link.is_none()));
                let o = covering(found, i).unwrap_or(o);
                extend(&mut found[o], words, end);
            }
            None => {
                if let Some(ri) =
                    head_reading(&words[i]).filter(|&ri| agrees(&words[i].readings[ri].key, &words[next].key))
                {
                    found.retain(|f| !(f.w0 >= next && f.w1 <= end && f.link.is_none()));
                    let r = &words[i].readings[ri];
                    let key = key_of(words, i, end, &r.key);
                    let what = What::Org { curated: None, key };
                    let at = found.partition_point(|f| f.start < words[i].start);
                    // "للحكومة البريطانية" whole: its لـ took the article's
                    // alif, and "حكومة البريطانية" is no Arabic
                    let pre = if lost_article(&words[i], r) { 0 } else { r.pre };
                    let f = Found::new(
                        (i, end),
                        span(words, i, end, pre),
                        EntityType::Organization,
                        what,
                        PRIO_PATTERN_ORG,
                    );
                    found.insert(at, f);
                }
            }
            _ => {}
        }
        i = end;
    }
}
