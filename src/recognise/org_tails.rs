//! Where an Arabic organisation's name ends, past what the tagger drew.
//!
//! - An institution named by its head, a describing word and what it is
//!   for: "الهيئة العربية" + "للتصنيع", "المؤسسة العربية للدراسات" +
//!   "والنشر", "الرابطة الألمانية" + "لصناعة النفط", "معهد البحر الأحمر
//!   للفنون" + "السينمائية", "منتخب إيطاليا" + "لكرة القدم". The لـ
//!   complement is part of the name; the tagger often stops before it or
//!   before its adjective. Only after the heads of institutions whose
//!   names are built so (`ar_org_purpose_head` in
//!   `data/curated/recognise_words.tsv`: "هيئة", "مؤسسة", "معهد",
//!   "منتخب"), not after a government, an army or a ministry, where a
//!   لـ after the name is as often the purpose of what it does ("دعت
//!   الحكومة للحوار"); and not before a preposition a verbal noun governs
//!   ("للسيطرة على").
//! - A name that ends in a proper name does not take the nationality
//!   adjective after it: "حزب الله اللبناني" names "حزب الله", "معهد
//!   إيفو الألماني" "معهد إيفو", "نادي بلاكبيرن الإنكليزي" "نادي
//!   بلاكبيرن"; the adjective describes the body (the nationality word is
//!   left to [`super::demonyms`]), as [`super::org_extent`] never gives such
//!   a name the adjective. A name that ends in a common noun keeps it
//!   ("وزارة الخارجية السورية").
//! - A place right after a head that names a body by its town or country
//!   ("تلفزيون دبي", "بورصة نيويورك", "حلف بغداد", "استوديو مصر";
//!   `ar_place_org_head`) is the organisation, the head with the place:
//!   the tagger, not knowing the head, took the place alone.
//!
//! They run after the merge, before [`super::org_extent`].
//!
//! Measured on the development parts (`eval -- ner-ar-dev`, merged,
//! organisation F1): the complements 0.672 -> 0.675 (WikiFANE 0.673 ->
//! 0.677; a لـ noun outside the tagger's span and without the article was
//! a purpose as often as a name: "جامعة الأزهر لدراسة اللغة"), the
//! adjectives after a proper name ANERcorp 0.634 -> 0.640, the heads
//! before a place 0.671 -> 0.675 (WikiFANE's "استوديو مصر" four times,
//! "حلف بغداد" once as the alliance and once as the town).

use super::lists::{ar_org_purpose_heads, ar_place_org_heads, ar_stop, ar_verbal_prepositions};
use super::merge::PRIO_PATTERN_ORG;
use super::org_extent::extend;
use super::{definite, is_demonym, key_of, span, Found, What, Word};
use crate::model::EntityType;

/// Whether word `k` is covered by an accepted mention ("البنك الدولي
/// للعراق": Iraq is no part of the bank's name).
fn taken(found: &[Found], k: usize) -> bool {
    found.iter().any(|f| f.w0 <= k && k < f.w1 && f.link.is_none())
}

/// Whether word `k` may go on a name: an Arabic word of the same clause,
/// no function, time, title or trigger word, no nationality word, free
/// (or the name's own, before `own`).
fn open(words: &[Word], found: &[Found], k: usize, own: usize) -> bool {
    words.get(k).is_some_and(|m| {
        super::org_extent::name_word(m)
            && !m.text.chars().any(|c| c.is_ascii_digit())
            && m.key.chars().count() >= 4
            && (k < own || !taken(found, k))
    })
}

/// The key of `w` without the article ("الهيئه" → "هيئه").
fn bare(key: &str) -> &str {
    key.strip_prefix("ال").unwrap_or(key)
}

/// Whether `w` (or a reading of it without its proclitics) is the head of
/// an institution named for what it does.
fn purpose_head(w: &Word) -> bool {
    w.arabic && w.readings.iter().any(|r| ar_org_purpose_heads().contains(bare(&r.key)))
}

/// A definite nisba adjective ("الإدارية", "السينمائية"), not a nationality.
pub(super) fn nisba_adjective(w: &Word) -> bool {
    w.key.starts_with("ال") && (w.key.ends_with('ي') || w.key.ends_with("يه")) && !is_demonym(w)
}

/// A feminine ordinal ("الثانية", "الأولى"): its masculine is a day's
/// ordinal of the time words ("الثاني", "الأول").
fn ordinal(w: &Word) -> bool {
    let days = &crate::time::words::w().ordinal_days;
    let key = &*w.key;
    [key.strip_suffix('ه'), key.strip_suffix('ي')].into_iter().flatten().any(|m| days.get(m).is_some())
}

/// How many words from `k` on make an organisation's لـ complement:
/// "للتصنيع", "لكرة القدم", "للدراسات والنشر", "للتنمية الإدارية";
/// 0 when there is none. Words before `own` are the name's already.
pub(super) fn complement_len(words: &[Word], found: &[Found], k: usize, own: usize) -> usize {
    let open = |k: usize| open(words, found, k, own);
    if !open(k) {
        return 0;
    }
    let key = &*words[k].key;
    let mut e = if key.starts_with("لل") {
        k + 1
    } else if k < own
        && key.starts_with('ل')
        && !key.starts_with("ال")
        && words[k].readings.iter().any(|r| r.pre == 1)
        && open(k + 1)
        && words[k + 1].key.starts_with("ال")
    {
        // an indefinite noun and its definite genitive ("لكرة القدم"),
        // when the tagger took the noun: after a name, as often a purpose
        // ("جامعة الأزهر لدراسة اللغة", "المعهد العلمي لمواصلة التعليم")
        k + 2
    } else {
        return 0;
    };
    // "للمرة الثانية", "للعام الثالث": a count, not a complement
    if words.get(k + 1).is_some_and(|w| super::number_word(w) || ordinal(w)) {
        return 0;
    }
    // a second complement joined by و ("والنشر")
    if open(e)
        && words[e].key.starts_with("وال")
        && words[e].readings.iter().any(|r| r.pre == 1 && r.key.starts_with("ال") && !ar_stop().contains(&r.key))
    {
        e += 1;
    }
    if open(e) && nisba_adjective(&words[e]) {
        e += 1;
    }
    // "للسيطرة على": a verbal noun and its preposition, the body's purpose
    if words.get(e).is_some_and(|m| !m.brk && ar_verbal_prepositions().contains(&m.key)) {
        return 0;
    }
    e - k
}

/// Organisations of an institution's head and a describing word go on
/// with their لـ complement (see the module's text).
fn purpose_complements(words: &[Word], found: &mut [Found]) {
    for o in 0..found.len() {
        let f = &found[o];
        if f.kind != EntityType::Organization
            || !matches!(f.what, What::Org { curated: None, .. })
            || f.w1 < f.w0 + 2
            || f.w1 > words.len()
            || !purpose_head(&words[f.w0])
        {
            continue;
        }
        // the complement after the name, or one the name already starts
        // ("المؤسسة العربية للدراسات" + "والنشر")
        let Some(b) = (f.w0 + 2..=f.w1)
            .filter(|&k| k == f.w1 || words[k].key.starts_with('ل') && !words[k].key.starts_with("ال"))
            .map(|k| k + complement_len(words, found, k, f.w1))
            .find(|&b| b > f.w1)
        else {
            continue;
        };
        let mut f = found[o].clone();
        extend(&mut f, words, b);
        found[o] = f;
    }
}

/// An organisation of two words or more whose last word is a definite
/// nationality adjective after a proper name ends before it (see the
/// module's text).
fn proper_name_adjectives(words: &[Word], found: &mut [Found]) {
    for f in found.iter_mut() {
        if f.kind != EntityType::Organization || f.w1 < f.w0 + 2 || f.w1 > words.len() {
            continue;
        }
        let (last, before) = (&words[f.w1 - 1], &words[f.w1 - 2]);
        if !last.arabic || !before.arabic || !last.key.starts_with("ال") || !is_demonym(last) {
            continue;
        }
        // a listed name without the adjective, and none with it
        // ("حزب الله اللبناني"; "البنك السعودي الفرنسي" is listed whole)
        let curated_before = super::orgs::curated_exactly(words, f.w0, f.w1 - 1).is_some()
            && super::orgs::curated_exactly(words, f.w0, f.w1).is_none();
        // a proper name: no article, no organisation head ("قناة العربية")
        let proper = !definite(before) && before.f.org_head_reading.is_none() && !before.f.org_head;
        // after a head noun ("معهد", "نادي", "حزب"): a brand alone with a
        // country's adjective is its local company ("زين السعودية")
        let headed = words[f.w0].f.org_head_reading.is_some();
        if matches!(f.what, What::Org { curated: Some(_), .. }) || !headed || !(curated_before || proper) {
            continue;
        }
        f.w1 -= 1;
        f.end = words[f.w1 - 1].end;
        if let What::Org { key, curated: None } = &mut f.what {
            if let Some(p) = key.rfind(' ') {
                key.truncate(p);
            }
        }
    }
}

/// A place right after a head that names a body by its town or country
/// ("تلفزيون دبي", "بورصة نيويورك", "حلف بغداد", "استوديو مصر":
/// `ar_place_org_head`) is the body's name with the head: an organisation,
/// the place nested in it ([`super::org_places`]). The head must be free
/// and in the same phrase.
fn head_before_place(words: &[Word], found: &mut [Found]) {
    for o in 0..found.len() {
        let f = &found[o];
        if f.kind != EntityType::Place || f.link.is_some() || f.demonym || f.within || f.w0 == 0 || f.lead > 0 {
            continue;
        }
        let (h, place) = (f.w0 - 1, &words[f.w0]);
        let head = &words[h];
        if !head.arabic || place.brk || place.quote_before || (o > 0 && found[o - 1].w1 > h) {
            continue;
        }
        let Some(r) = head.readings.iter().find(|r| r.pre <= 1 && ar_place_org_heads().contains(&r.key)) else {
            continue;
        };
        let w1 = f.w1;
        let key = key_of(words, h, w1, &r.key);
        found[o] = Found::new(
            (h, w1),
            span(words, h, w1, r.pre),
            EntityType::Organization,
            What::Org { curated: None, key },
            PRIO_PATTERN_ORG,
        );
    }
}

/// The fixes, on the merge's accepted mentions (sorted by start).
pub(super) fn mark(words: &[Word], found: &mut [Found]) {
    head_before_place(words, found);
    proper_name_adjectives(words, found);
    purpose_complements(words, found);
}

#[cfg(test)]
mod tests {
    use super::super::words;
    use super::*;
    use crate::text::{sentences, tokenize};

    /// What the pass `fix` makes of an organisation over words `a..b` of `text`.
    fn fixed(text: &str, a: usize, b: usize, fix: fn(&[Word], &mut [Found])) -> Vec<String> {
        let ws = words(&tokenize(text), &sentences(text));
        let key = super::super::key_of(&ws, a, b, &ws[a].key);
        let org = What::Org { curated: None, key };
        let mut found = vec![Found::new((a, b), (ws[a].start, ws[b - 1].end), EntityType::Organization, org, 32)];
        fix(&ws, &mut found);
        let chars: Vec<char> = text.chars().collect();
        found.iter().map(|f| chars[f.start..f.end].iter().collect()).collect()
    }

    #[test]
    fn purpose_complements_go_with_the_name() {
        let f = |t: &str, a, b| fixed(t, a, b, purpose_complements);
        assert_eq!(f("واصدرت له المؤسسة العربية للدراسات والنشر مجلد", 2, 5), ["المؤسسة العربية للدراسات والنشر"]);
        assert_eq!(
            f("تأسيس معهد البحر الأحمر للفنون السينمائية في العقبة", 1, 5),
            ["معهد البحر الأحمر للفنون السينمائية"]
        );
        assert_eq!(f("وقال رئيس الرابطة الألمانية لصناعة النفط إن", 2, 5), ["الرابطة الألمانية لصناعة النفط"]);
        assert_eq!(f("التحق بجامعة الأزهر لدراسة اللغة العربية", 1, 3), ["بجامعة الأزهر"]);
        assert_eq!(f("وقد شغل رئاسة شركة النفط للمرة الثانية", 3, 5), ["شركة النفط"]);
        assert_eq!(f("توج مع منتخب إيطاليا لكرة القدم بكأس العالم", 2, 5), ["منتخب إيطاليا لكرة القدم"]);
        // a purpose, not a name
        assert_eq!(f("دعت اللجنة الدولية للتوصل إلى اتفاق", 1, 3), ["اللجنة الدولية"]);
        // no complement after a government
        assert_eq!(f("دعت الحكومة المصرية للحوار الوطني", 1, 3), ["الحكومة المصرية"]);
    }

    #[test]
    fn a_place_after_a_body_head_is_the_body() {
        let names = |text: &str, at: usize| {
            let ws = words(&tokenize(text), &sentences(text));
            let what = What::Place {
                cands: &[],
                key: ws[at].key.to_string(),
                dir: None,
                adj_country: None,
                settlement: false,
                weak: Default::default(),
            };
            let mut found = vec![Found::new((at, at + 1), (ws[at].start, ws[at].end), EntityType::Place, what, 32)];
            head_before_place(&ws, &mut found);
            let chars: Vec<char> = text.chars().collect();
            found.iter().map(|f| (chars[f.start..f.end].iter().collect::<String>(), f.kind)).collect::<Vec<_>>()
        };
        assert_eq!(names("وقال مسؤول في تلفزيون دبي إن", 4), [("تلفزيون دبي".into(), EntityType::Organization)]);
        assert_eq!(names("وأنتج استوديو مصر فيلما", 2), [("استوديو مصر".into(), EntityType::Organization)]);
        assert_eq!(names("وانضم العراق إلى حلف بغداد عام", 4), [("حلف بغداد".into(), EntityType::Organization)]);
        // a proclitic on the head stays outside
        assert_eq!(names("وعمل في بجامعة القاهرة", 3), [("جامعة القاهرة".into(), EntityType::Organization)]);
        // no such head, or a break between
        assert_eq!(names("وقال مسؤول في دبي إن", 3), [("دبي".into(), EntityType::Place)]);
        assert_eq!(names("في التلفزيون. دبي مدينة", 2), [("دبي".into(), EntityType::Place)]);
    }

    #[test]
    fn proper_names_leave_the_nationality_out() {
        let f = |t: &str, a, b| fixed(t, a, b, proper_name_adjectives);
        assert_eq!(f("وانخفض مؤشر معهد ايفو الالماني لمناخ الاعمال", 2, 5), ["معهد ايفو"]);
        assert_eq!(f("انتقل إلى نادي ليون الفرنسي ليلعب", 2, 5), ["نادي ليون"]);
        assert_eq!(f("وأكد المتحدث باسم الخارجية التركية أن", 3, 5), ["الخارجية التركية"]);
        assert_eq!(f("عمل في وزارة الخارجية السورية سفيرا", 2, 5), ["وزارة الخارجية السورية"]);
        assert_eq!(f("أن شركة موبايلي وزين السعودية تواجهان", 3, 5), ["وزين السعودية"]);
        assert_eq!(f("وامين عام حزب الله اللبناني \" هو", 2, 5), ["حزب الله"]);
    }
}
