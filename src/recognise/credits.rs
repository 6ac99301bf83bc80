//! News agencies in Arabic copy's credits and sign-offs: "(الفرنسية)",
//! "(الفرنسية - أرشيف)" under a photo, "(أ ف ب)", "(رويترز)" after a
//! dateline, "القاهرة - د ب أ:" before the story. The credit names the
//! agency by a nationality word ("الفرنسية" for AFP, "الألمانية" for dpa)
//! or its initials however spaced or dotted ("أ ف ب", "اف ب", "أ.ف.ب"),
//! which read as a nationality, a place or nothing elsewhere; news corpora
//! mark the agency (NewsFANE: "( الفرنسية - ارشيف )", "د ب ا").
//!
//! The agencies are the rows of `data/curated/agencies.tsv`. A `credit`
//! row counts only as a whole credit: everything between an opening
//! parenthesis and the closing one (an archive note after a dash or a
//! slash aside: "- أرشيف"), or between a dateline's dash and its colon in
//! the first words of a sentence. A `name` row ("كونا", "شينخوا") is the
//! agency wherever written.
//!
//! A paper or channel the copy quotes or was told something by is written
//! alone in quotation marks after a cue ([`quoted_outlets`]: "قال لـ«الشرق
//! الأوسط»", "وعلمت «الرياض»", "ذكرت صحيفة «عكاظ»"): an organisation,
//! whatever its words say elsewhere (Riyadh, "life", "the Middle East").

use super::lexicon::{self, Agency};
use super::lists::{ar_archive_notes, ar_outlet_cues, ar_outlet_speech, ar_outlet_to};
use super::merge::PRIO_CURATED_ORG;
use super::{longest_at, span, Found, What, Word};
use crate::model::EntityType;

/// Most words of a credit: "يو بي آي" dotted is three.
const CREDIT_WORDS: usize = 4;

/// A word of an archive or photo note after the agency's name inside a
/// credit ("(الفرنسية - أرشيف)", "(رويترز/ صور)": `ar_archive_note`).
fn archive_note(w: &Word) -> bool {
    ar_archive_notes().contains(&w.key)
}

/// The letters of a variant without its spaces and dots ("أ ف ب" → "افب").
fn letters(key: &str) -> String {
    key.chars().filter(|c| !c.is_whitespace() && *c != '.').collect()
}

/// The agency whose variant's letters are `compact`.
fn by_letters(compact: &str) -> Option<Agency> {
    type Map = std::collections::HashMap<String, Agency, crate::hash::FnvBuild>;
    static M: crate::lists::Late<Map> = crate::lists::Late::new();
    let map = M.get(|| {
        let index = lexicon::agencies();
        let mut m = Map::default();
        for k in index.keys() {
            if let Some((_, a)) = index.get(k).first() {
                m.entry(letters(k)).or_insert(*a);
            }
        }
        m
    });
    map.get(compact).copied()
}

/// The end (exclusive) of the agency's words of a credit that starts at
/// `a` and closes after word `close`: before an archive note.
fn name_end(words: &[Word], a: usize, close: usize) -> usize {
    (a + 1..=close).find(|&k| (words[k].brk || words[k].dash_before) && archive_note(&words[k])).unwrap_or(close + 1)
}

/// A credit at words `a..`: the agency and the end of its words.
fn credit_at(words: &[Word], a: usize) -> Option<(Agency, usize)> {
    let w = &words[a];
    if !w.arabic {
        return None;
    }
    let first_words = || {
        // within the first words of its sentence, after a dash: a dateline
        let start = (0..=a).rev().find(|&k| words[k].sent_start || k == 0).unwrap_or(0);
        a - start <= 3 && a > start
    };
    let dateline = w.dash_before && first_words();
    // "مدريد د با :": a place, then the agency, then a colon
    let bare = !w.dash_before && !w.open_before && a > 0 && words[a - 1].sent_start && first_words();
    if !w.open_before && !dateline && !bare {
        return None;
    }
    let close = (a..words.len().min(a + CREDIT_WORDS)).find(|&k| words[k].close_after)?;
    // nothing but the agency between the marks (a dotted name breaks at its dots)
    if words[a + 1..=close].iter().any(|m| !m.arabic || m.dash_before && !archive_note(m)) {
        return None;
    }
    let end = name_end(words, a, close);
    if !w.open_before && end != close + 1 {
        return None;
    }
    let compact: String = words[a..end].iter().map(|m| m.key.as_str()).collect();
    let agency = by_letters(&compact)?;
    if bare && agency.credit_only && compact.chars().count() > 3 {
        // a word between a place and a colon is a credit only when spelt
        // as initials ("د با"), not a word ("الفرنسية")
        return None;
    }
    Some((agency, end))
}

/// Marks the agencies of credits and sign-offs, and `name` agencies
/// anywhere, as organisations: over a place or a nationality word read
/// on the credit, never inside another organisation's name.
pub(super) fn mark(words: &[Word], accepted: &mut Vec<Found>) {
    let index = lexicon::agencies();
    let mut found: Vec<(usize, usize, usize, Agency)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some((agency, end)) = credit_at(words, i) {
            found.push((i, end, 0, agency));
            i = end;
            continue;
        }
        let w = &words[i];
        if w.f.agency_start {
            if let Some((ri, j, hits)) = longest_at(index, words, i) {
                if let Some((_, agency)) = hits.iter().find(|(_, a)| !a.credit_only) {
                    found.push((i, j, w.readings[ri].pre, *agency));
                    i = j;
                    continue;
                }
            }
        }
        i += 1;
    }
    if found.is_empty() {
        return;
    }
    for (a, b, pre, agency) in found {
        split_acronym(words, (a, b), agency, accepted);
        let over = |f: &Found| f.kind != EntityType::Date && f.w0 < b && a < f.w1;
        // an organisation that holds the name ("وكالة شينخوا") stays
        if accepted.iter().any(|f| over(f) && f.kind == EntityType::Organization && f.w0 <= a && b <= f.w1) {
            continue;
        }
        accepted.retain(|f| !over(f));
        let key = crate::text::normalize_key(agency.org.variant);
        let what = What::Org { curated: Some(agency.org), key };
        accepted.push(Found::new((a, b), span(words, a, b, pre), EntityType::Organization, what, PRIO_CURATED_ORG));
    }
    super::by_position(accepted);
}

/// An agency's name followed by its own initials ("وكالة الأنباء القطرية
/// قنا", "وكالة الأنباء الأردنية بترا", as Gulf and Levant copy writes them
/// without parentheses) is two names of the agency: the name, and the
/// initials, a mention of their own (as ANERcorp marks "قنا"), where the
/// tagger reads one organisation over both, or the initials as a place
/// ("قنا" is also an Egyptian city) or nothing. `(a, b)` are the name's
/// words.
fn split_acronym(words: &[Word], (a, b): (usize, usize), agency: Agency, accepted: &mut Vec<Found>) {
    let same = |c: usize| {
        let compact: String = words[b..c].iter().map(|m| m.key.as_str()).collect();
        by_letters(&compact).is_some_and(|x| x.org.id == agency.org.id)
    };
    let Some(c) = (b + 1..=words.len().min(b + CREDIT_WORDS - 1))
        .take_while(|&c| words[c - 1].arabic && !words[c - 1].brk)
        .find(|&c| same(c))
    else {
        return;
    };
    // the one organisation over both gives way, and what was read on the initials
    accepted.retain(|f| {
        let whole = f.kind == EntityType::Organization && f.w0 == a && f.w1 == c;
        let on_initials = f.kind != EntityType::Date && f.w0 >= b && f.w1 <= c;
        !whole && !on_initials
    });
    if accepted.iter().any(|f| f.kind != EntityType::Date && f.w0 < c && b < f.w1) {
        return;
    }
    let key = crate::text::normalize_key(agency.org.variant);
    let what = What::Org { curated: Some(agency.org), key };
    accepted.push(Found::new((b, c), span(words, b, c, 0), EntityType::Organization, what, PRIO_CURATED_ORG));
}

/// Most words of an outlet's name in quotation marks ("الشرق الأوسط").
const OUTLET_WORDS: usize = 4;

/// News outlets named alone in quotation marks right after a cue word
/// (`ar_outlet_cue`: "علمت", "ذكرت", "صحيفة", "بحسب"), or after "لـ"
/// that a word of speech comes up to three words before (`ar_outlet_speech`: "قال
/// لـ«الشرق الأوسط»", "مصادر لـ«عكاظ»"; "دعا لـ«التهدئة»" is no outlet):
/// each is an organisation over whatever was found in it.
pub(super) fn quoted_outlets(words: &[Word], accepted: &mut Vec<Found>) {
    let (cue, to) = (|w: &Word| w.reads_as(ar_outlet_cues()), |w: &Word| w.reads_as(ar_outlet_to()));
    let speech = |w: &Word| w.reads_as(ar_outlet_speech());
    let mut added = false;
    for i in 1..words.len() {
        let w = &words[i];
        if !w.arabic || !w.quote_before {
            continue;
        }
        let p = &words[i - 1];
        // the word of speech up to three words before "لـ" ("وقال
        // المسؤول لـ«الشرق الأوسط»", "قال مصدر مسؤول لـ«عكاظ»")
        let spoken =
            || (i.saturating_sub(4)..i - 1).rev().take_while(|&k| !words[k + 1].brk).any(|k| speech(&words[k]));
        if !(cue(p) || (to(p) && !p.brk && spoken())) {
            continue;
        }
        let Some(j) =
            (i + 1..(i + 1 + OUTLET_WORDS).min(words.len() + 1)).find(|&j| words.get(j).is_none_or(|n| n.quote_before))
        else {
            continue;
        };
        if j == words.len() || !words[i..j].iter().all(|x| x.arabic && !x.f.ar_stop) {
            continue;
        }
        if accepted.iter().any(|f| f.kind == EntityType::Organization && f.w0 == i && f.w1 == j) {
            continue;
        }
        let key = super::key_of(words, i, j, &w.key);
        super::put_org(accepted, (i, j), span(words, i, j, 0), key, PRIO_CURATED_ORG);
        added = true;
    }
    if added {
        super::by_position(accepted);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs(text: &str) -> Vec<String> {
        super::super::marked_by(text, mark).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn credits_and_sign_offs_name_agencies() {
        assert_eq!(orgs("تطالب واشنطن بالعقوبات (الفرنسية - أرشيف) أكدت"), ["الفرنسية"]);
        assert_eq!(orgs("بيروت (أ ف ب) - قال"), ["أ ف ب"]);
        assert_eq!(orgs("بيروت (أ.ف.ب) - قال"), ["أ.ف.ب"]);
        assert_eq!(orgs("القاهرة - د ب أ: قال الرئيس"), ["د ب أ"]);
        assert_eq!(orgs("مدريد د با : بدأت"), ["د با"]);
        assert_eq!(orgs("وقال مصدر لوكالة الأنباء الكويتية إن"), ["وكالة الأنباء الكويتية"]);
        // a nationality word, not a credit
        assert!(orgs("قالت الخارجية الفرنسية إن").is_empty());
        assert!(orgs("المدرسة (الفرنسية الجديدة) في").is_empty());
        assert!(orgs("زار الوزير بترا").is_empty());
    }
}
