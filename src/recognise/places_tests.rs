//! Tests of the place candidates (a child module of `places`).

use super::super::lexicon::check_table;
use super::super::{recognise, words};
use crate::lists::{text as late_list, List};
use crate::model::EntityType;
use crate::tagger::TaggedSpan;
use crate::text::{sentences, tokenize};

/// The places marked in `t`, with a tagger place span over the word
/// `tagged` when given.
fn places_in(t: &str, tagged: Option<&str>) -> Vec<String> {
    let toks = tokenize(t);
    let ws = words(&toks, &sentences(t));
    let spans: Vec<TaggedSpan> = tagged
        .map(|w| {
            let at = toks.iter().position(|k| k.text == w).unwrap();
            TaggedSpan { start_token: at, end_token: at + 1, kind: EntityType::Place, score: 0.9 }
        })
        .into_iter()
        .collect();
    let chars: Vec<char> = t.chars().collect();
    // no span given: the rules alone, as without a model
    recognise(&ws, "ar", &[], (!spans.is_empty()).then_some(&spans[..]), true)
        .into_iter()
        .filter(|f| f.kind == EntityType::Place && !f.demonym)
        .map(|f| chars[f.start..f.end].iter().collect())
        .collect()
}

#[test]
fn place_idioms_table() {
    check_table("place_idioms.tsv", late_list(List::PlaceIdioms), 4);
    for r in crate::tsv::rows(late_list(List::PlaceIdioms)) {
        assert!((r[0] == "-") != (r[2] == "-"), "place_idioms.tsv: one side only: {r:?}");
    }
}

/// A spelling the gold corpora never tag as a place ("التحالف", the
/// coalition; "الباب", the door) is not one after "في"; after a noun of
/// place it is ("مدينة الباب", al-Bab).
#[test]
fn never_places_need_a_noun_of_place() {
    let m = places_in("وتشارك عشر دول أعضاء في التحالف في العمليات الجوية ضد المسلحين.", None);
    assert!(!m.contains(&"التحالف".to_string()), "{m:?}");
    let m = places_in("دار القتال في الباب منذ الصباح.", None);
    assert!(!m.contains(&"الباب".to_string()), "{m:?}");
    let m = places_in("سيطرت القوات على مدينة الباب شمال حلب.", None);
    assert!(m.contains(&"الباب".to_string()), "{m:?}");
}

/// Right after a preposition comes its noun, never a conjunction: "من
/// فصيلة" (of the family of) is not من + ف + "صيلة".
#[test]
fn no_conjunction_after_a_preposition() {
    let m = places_in("الأسد حيوان ضخم من فصيلة السنوريات يعيش في أفريقيا.", None);
    assert_eq!(m, ["أفريقيا"], "{m:?}");
}

/// The names joined to a list that "أحياء" opens are districts, not
/// towns of the same name (Nasiriyah in Iraq); the city after "أحياء"
/// and a place after "في" stay places.
#[test]
fn district_lists_are_not_towns() {
    let m = places_in("وتشمل الدائرة الأولى أحياء النسيم، والربيع، والناصرية، والعقيق في مدينة الدمام.", None);
    assert_eq!(m, ["الدمام"], "{m:?}");
    let m = places_in("وشهدت أحياء الرياض والدمام أمطارا غزيرة.", None);
    assert_eq!(m, ["الرياض", "الدمام"], "{m:?}");
}

/// Place names inside a list of companies' shares are company names
/// ("أسمنت حائل", "السعودية للتموين"); Gulf companies stay a place.
#[test]
fn company_lists_are_not_places() {
    let m =
        places_in("وكانت أسهم شركات الإنماء طوكيو للتأمين، وأسمنت حائل، والسعودية للتموين الأكثر ارتفاعا في جدة.", None);
    assert_eq!(m, ["جدة"], "{m:?}");
    let m = places_in("وارتفعت أسهم شركات الخليج بعد إعلان النتائج.", None);
    assert_eq!(m, ["الخليج"], "{m:?}");
    let m = places_in("هل تغطي شركات التأمين كلفة أضرار انفجار بيروت؟", None);
    assert_eq!(m, ["بيروت"], "{m:?}");
}

/// The tagger vouches for the word it read: "كُرِّم" (was honoured)
/// tagged as a place is not ك + "رم" (Rome).
#[test]
fn a_tagged_word_is_not_what_is_left_of_it() {
    let m = places_in("وقد كُرِّم الباحث خلال الحفل السنوي للجامعة.", Some("كُرِّم"));
    assert!(m.is_empty(), "{m:?}");
}

/// A small town the text writes once as a place (a whole hashtag, after
/// a noun of place) is the place where it stands bare in the same text
/// ("مدارس الجفر ... #الجفر"); "في" alone does not vouch so far ("في
/// الجلاء" is as often "in the evacuation"). A noun of an administrative
/// area, a governor or a direction is a cue ("محافظ معان", "قضاء الجفر").
#[test]
fn a_place_named_as_one_elsewhere_needs_no_cue() {
    let count = |m: &[String], w: &str| m.iter().filter(|x| x.as_str() == w).count();
    let m = places_in("تعليق دوام مدارس الجفر غدا الأحد #الأردن #الجفر", None);
    assert_eq!(count(&m, "الجفر"), 2, "{m:?}");
    let m = places_in("تعليق الدوام في قضاء الجفر غدا.", None);
    assert_eq!(count(&m, "الجفر"), 1, "{m:?}");
    let m = places_in("محافظ معان يعلن عن تسعة مفقودين.", None);
    assert_eq!(count(&m, "معان"), 1, "{m:?}");
    let m = places_in("والاذن لمن اراد الجلاء في الجلاء ويرى اخرون غير ذلك.", None);
    assert!(count(&m, "الجلاء") <= 1, "{m:?}");
}

/// A tagger's span of nothing but a detached one-letter proclitic, last in
/// the text, is no candidate (it indexed past the last word: a panic on the
/// held-out train tail of WikiFANE, `eval ner-ar-tail`).
#[test]
fn tagged_lone_proclitic_at_the_end() {
    assert_eq!(places_in("زار الوفد القاهرة و", Some("و")), ["القاهرة"]);
    assert_eq!(places_in("زار الوفد و القاهرة", Some("و")), ["القاهرة"]);
}
