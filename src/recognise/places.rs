//! Place candidates: gazetteer matches over word n-grams (clitics stripped
//! from the first word), directional phrases ("شمال شرقي سوريا", "northern
//! Iraq"), and how much context a name needs ([`Weak`]).

use super::joined::{conjunction_reading, impossible_conjunction};
use super::joined_places::joined_place;
use super::lists::{
    adjective_blockers, ambiguous_places, ar_company_lists, ar_districts, ar_locatives, ar_outlet_cues, ar_outlet_to,
    ar_place_cues, ar_place_nouns, direction, en_feature_last, en_located, en_place_of, en_settlement_of, never_places,
    place_idioms, settlement_words,
};
use super::merge::{country_first, notable_first, PRIO_DIR_PLACE, PRIO_PLACE};
use super::town_phrases::residence;
use super::{definite, key_of, nisba, span, verb_like, Direction, Found, Weak, What, Word};
use crate::gazetteer;
use crate::model::{EntityType, PlaceKind};

/// Gazetteer candidates for words `w0..w1` read as one place name, trying
/// the first word's readings (clitics stripped); with the code points of
/// the proclitics left outside the span.
pub(super) fn tagged_place(words: &[Word], w0: usize, w1: usize) -> Option<(&'static [u32], usize)> {
    let first = words.get(w0)?;
    // "وجدة" read as و + "جدة" when the text names Jeddah elsewhere
    let conj = if w1 == w0 + 1 { conjunction_reading(words, w0) } else { None };
    let order = conj.into_iter().chain((0..first.readings.len()).filter(|&ri| Some(ri) != conj));
    for r in order.map(|ri| &first.readings[ri]) {
        if first.arabic && (drops_article(&first.key, &r.key) || impossible_conjunction(words, w0, &r.key)) {
            continue;
        }
        let key = key_of(words, w0, w1, &r.key);
        let cands = gazetteer::lookup(&key);
        if cands.is_empty()
            || gazetteer::is_common_word(&key)
            || bare_abbreviation(words, w0, w1, &key)
            || ordinary_here(words, w0, w1, &key)
        {
            continue;
        }
        // the tagger vouches for the word it read, not for what is left
        // once a proclitic is stripped ("كُرِّم", honoured, is not ك + "رم")
        if first.arabic && r.pre > 0 && w1 == w0 + 1 && ambiguous_places().contains(&r.key) && !ar_cued(words, w0, w1) {
            continue;
        }
        // One Arabic word is often a verb or noun that is also a village's
        // name ("أجرى"): keep it only for a place of some size.
        let places = gazetteer::places();
        let sizeable = |&c: &u32| {
            places.get(c as usize).is_some_and(|p| p.kind != PlaceKind::City || p.population >= 100_000 || p.capital)
        };
        // (a whole hashtag is support enough for a town: "#معان")
        if w1 - w0 == 1 && first.arabic && !cands.iter().any(sizeable) && !whole_hashtag(words, w0, w1) {
            continue;
        }
        return Some((cands, r.pre));
    }
    None
}

/// Longest gazetteer match at word `i`: (reading index, end word, key, candidates).
fn place_at(words: &[Word], i: usize) -> Option<(usize, usize, String, &'static [u32])> {
    let w = &words[i];
    if !two_chars(&w.key) || w.f.ar_stop || w.f.time {
        return None;
    }
    let english = !w.arabic;
    if english && !(w.cap || (w.key == "the" && words.get(i + 1).is_some_and(|n| n.cap && !n.brk))) {
        return None;
    }
    // "New York" may start a sentence; a lone "New" or "Police" may not
    let multi_only = english && w.sent_start && w.f.en_stop && w.key != "the";
    let max = gazetteer::max_name_tokens().clamp(1, 8);
    let mut best: Option<(usize, usize, String, &'static [u32])> = None;
    // one buffer for every reading's keys
    let mut key = String::new();
    for (ri, r) in w.readings.iter().enumerate() {
        if w.arabic && (!two_chars(&r.key) || drops_article(&w.key, &r.key) || impossible_conjunction(words, i, &r.key))
        {
            continue;
        }
        // the reading alone is looked up as it is; the buffer holds it with
        // the words after it, sized once for the longest
        let first = r.key.as_str();
        let mut extended = false;
        let mut j = i + 1;
        loop {
            let k = if extended { key.as_str() } else { first };
            let (c, longer) = gazetteer::lookup_step(k);
            let last = &words[j - 1];
            let cased = !english || last.cap || last.upper || elided_cap(&last.text);
            if !c.is_empty() && cased && !(multi_only && j == i + 1) && best.as_ref().is_none_or(|b| j > b.1) {
                best = Some((ri, j, k.to_string(), c));
            }
            // a name runs over at most `max` words, none after a break
            if !longer || j - i >= max || words.get(j).is_none_or(|n| n.brk) {
                break;
            }
            if !extended {
                key.clear();
                key.push_str(first);
                extended = true;
            }
            key.extend([" ", words[j].key.as_str()]);
            j += 1;
        }
    }
    if best.is_none() && w.arabic {
        best = joined_place(w, i);
    }
    if best.as_ref().is_some_and(|b| b.0 == 0 && b.1 == i + 1) {
        if let Some(ri) = conjunction_reading(words, i) {
            let key = String::from(w.readings[ri].key.as_str());
            best = Some((ri, i + 1, key.clone(), gazetteer::lookup(&key)));
        }
    }
    best
}

/// `s` has two characters or more: its first does not fill it (one
/// character decoded, where counting to the second stepped through an
/// iterator per word and per reading looked up).
#[inline(always)]
fn two_chars(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.len_utf8() < s.len())
}

/// A lone English word that ends a natural feature's name ("Valley",
/// "Delta", `en_feature_last`) right after a capitalised word is the end
/// of a longer name ("Fraser Valley", "Danube Delta"), not the town of
/// that word (Valley, Wales; Delta, Nigeria).
fn feature_tail(words: &[Word], i: usize, j: usize) -> bool {
    let w = &words[i];
    j == i + 1
        && i > 0
        && !w.arabic
        && !w.brk
        && en_feature_last().contains(&w.key)
        && words[i - 1].cap
        && !words[i - 1].arabic
        && !words[i - 1].f.en_stop
}

/// A last word that elides a lowercase article before a capital: the
/// "d'Ivoire" of "Côte d'Ivoire", the "d'Azur" of "Côte d'Azur".
fn elided_cap(text: &str) -> bool {
    let mut c = text.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('\'' | '\u{2019}'), Some(b)) if a.is_lowercase() && b.is_uppercase())
}

/// The reading `key` of the Arabic word `word` (normalised) drops the
/// article the word carries and names a place without it: "الجبلّة"
/// (nature) is not Jableh ("جبلة"). A name with the article keeps it in
/// every form ("بالعراق", "للعراق" → "العراق").
fn drops_article(word: &str, key: &str) -> bool {
    !key.starts_with("ال")
        && word.len() > key.len()
        && word.strip_suffix(key).is_some_and(|pre| pre.ends_with("ال") || pre.ends_with("لل"))
}

/// The words `i..j`, read as `key`, are ordinary words here whatever the
/// gazetteer or the tagger (a place, or a person) says: one word in a phrase
/// of `data/curated/place_idioms.tsv` ("النيل من", "حسن جوار"), a name alone
/// in quotation marks after a word that makes it a news outlet ("قال
/// لـ«الرياض» إن"), or an item of a list of districts or companies.
pub(super) fn ordinary_here(words: &[Word], i: usize, j: usize, key: &str) -> bool {
    let w = &words[i];
    if !w.arabic || j > words.len() {
        return false;
    }
    let idioms = place_idioms();
    // one buffer for the two-word phrases tried
    let mut phrase = String::new();
    let mut idiom = |a: &str, b: &str| {
        phrase.clear();
        phrase.extend([a, " ", b]);
        idioms.contains(&phrase)
    };
    let before = j == i + 1 && i > 0 && !w.brk && words[i - 1].readings.iter().any(|r| idiom(r.key.as_str(), key));
    let after = j == i + 1 && words.get(j).is_some_and(|n| !n.brk && idiom(key, n.key.as_str()));
    let quoted = w.quote_before
        && words.get(j).is_none_or(|n| n.quote_before)
        && !words[i + 1..j].iter().any(|x| x.quote_before);
    let outlet = quoted
        && i > 0
        && words[i - 1].readings.iter().any(|r| ar_outlet_cues().contains(&r.key) || ar_outlet_to().contains(&r.key));
    before || after || outlet || list_item(words, i)
}

/// Most words a list of names runs back to the word that opens it
/// ("أحياء", "شركات").
const MAX_LIST: usize = 30;

/// Word `i` is an item of a list of districts or companies, not a town:
/// - an item joined by و or a comma to a list that "أحياء" opens in the
///   same clause ("أحياء النسيم، والربيع، والناصرية"). The gazetteer holds
///   few districts: the town of the same name (Nasiriyah) is the wrong
///   place. A name right after "حي" may be a district the gazetteer holds
///   ("حي المرج", Cairo), so only the joined items count;
/// - a word of a list that "أسهم" or "شركات" opens, among the first two
///   after it or in an item joined by و or a comma: company names made of
///   place names ("أسهم شركات ... وأسمنت حائل", "الإنماء طوكيو للتأمين",
///   "والسعودية للتموين"), but not "شركات التأمين كلفة أضرار انفجار
///   بيروت".
///
/// The first word after the opener may be a place the list belongs to
/// ("أحياء الرياض والدمام", "أسهم شركات الخليج"): a notable place there
/// makes it no list of names.
fn list_item(words: &[Word], i: usize) -> bool {
    let w = &words[i];
    if !w.arabic || i == 0 {
        return false;
    }
    let joined = w.comma_before || w.key.starts_with('و');
    let prev = &words[i - 1];
    let prev_joined = prev.comma_before || prev.key.starts_with('و');
    for k in (i.saturating_sub(MAX_LIST)..i).rev() {
        let x = &words[k];
        if x.sent != w.sent || !x.arabic || x.f.ar_stop || x.f.time || x.f.trigger || verb_like(x) {
            return false;
        }
        let district = joined && x.reads_as(ar_districts());
        // a company's name: its first words, or a word of a joined item
        let item = i - k <= 2 || joined || prev_joined;
        if district || (item && x.reads_as(ar_company_lists())) {
            return !words[k + 1].readings.iter().any(|r| notable_first(gazetteer::lookup(&r.key)));
        }
    }
    false
}

pub(super) fn places(words: &[Word], i: usize, out: &mut Vec<Found>) {
    if let Some((ri, j, key, cands)) = place_at(words, i) {
        // "the United States": the article stays outside when the name
        // stands without it (but "The Hague" keeps it)
        if words[i].key == "the" && place_at(words, i + 1).is_some_and(|m| m.1 == j) {
            return directional(words, i, out);
        }
        if unsupported_ambiguous(words, i, j, &key, cands)
            || feature_tail(words, i, j)
            || ordinary_here(words, i, j, &key)
            || bare_abbreviation(words, i, j, &key)
            || uncued_small_town(words, i, j, cands)
            || super::town_phrases::the_title(words, i, j)
        {
            return directional(words, i, out);
        }
        let pre = words[i].readings[ri].pre;
        // "أوروبا الشرقية", "آسيا الوسطى": a compass adjective after a
        // continent or region names a part of it, one name
        let part = compass_after(words, j, cands);
        let j = if part.is_some() { j + 1 } else { j };
        let (start, end) = span(words, i, j, pre);
        out.push(Found::new(
            (i, j),
            (start, end),
            EntityType::Place,
            What::Place {
                weak: weakness(words, i, j, &key),
                cands,
                key,
                dir: part,
                adj_country: adjective_after(words, j),
                // after a settlement word, or one that starts the name itself
                // ("مدينة زنجبار" is a gazetteer name)
                settlement: settlement_before(words, i) || (j > i + 1 && words[i].reads_as(settlement_words())),
            },
            if part.is_some() { PRIO_DIR_PLACE } else { PRIO_PLACE },
        ));
    }
    directional(words, i, out);
}

/// Whether word `j` makes the place before it a compound adjective of
/// location ("Denver-based", "Sydney-born", "Pakistan-administered
/// Kashmir"): the tagger reads the compound as a misc name, but the place
/// is named (`en_located` of `data/curated/recognise_words.tsv`).
pub(super) fn located_adjective(words: &[Word], j: usize) -> bool {
    words.get(j).is_some_and(|w| w.hyphen_before && !w.arabic && en_located().contains(&w.key))
}

/// An Arabic spelling far more often an ordinary word than a place in the
/// gold corpora ([`ambiguous_places`]: "الباب", "المالي", "فعالية") is a
/// place only with support: a cue right before it ("في", "إلى", "مدينة",
/// "محافظة") or a list of places ("حلب وحماة", "حماة وحمص"). Without
/// it the rules mark nothing, and only the tagger's own span may. A name of
/// a region ("الساحل", the Sahel) keeps the gazetteer's common-word rule
/// instead (only regions and countries count: [`Weak::Common`]).
fn unsupported_ambiguous(words: &[Word], i: usize, j: usize, key: &str, cands: &[u32]) -> bool {
    let w = &words[i];
    let amb = ambiguous_places();
    if !w.arabic || !(amb.contains(key) || amb.contains(&key_of(words, i, j, &w.key))) {
        return false;
    }
    let places = gazetteer::places();
    let region =
        |&c: &u32| places.get(c as usize).is_some_and(|p| matches!(p.kind, PlaceKind::Region | PlaceKind::Continent));
    if cands.iter().any(region) {
        return false;
    }
    !ar_cued(words, i, j)
}

/// An Arabic name at words `i..j` has support: a place cue right before it
/// ("في", "إلى", "مدينة", "محافظة") or a clear place joined to it by و
/// ("حلب وحماة", "حماة وحمص").
fn ar_cued(words: &[Word], i: usize, j: usize) -> bool {
    let w = &words[i];
    let amb = ambiguous_places();
    // a spelling the corpora never tag as a place needs a noun of place
    // ("مدينة الباب"); "في" alone is as often "in the coalition"
    let never = j == i + 1 && w.reads_as(never_places());
    let cue = i > 0
        && !w.brk
        && if never { words[i - 1].reads_as(ar_place_nouns()) } else { ar_place_cues().contains(&words[i - 1].key) };
    // a clear place joined by و: the word after, or the one before this
    let clear = |x: &Word, joined: bool| {
        x.readings.iter().any(|r| {
            (!joined || (r.pre == 1 && x.key.starts_with('و')))
                && !amb.contains(&r.key)
                && !gazetteer::is_common_word(&r.key)
                && !gazetteer::lookup(&r.key).is_empty()
        })
    };
    let after = words.get(j).is_some_and(|n| !n.brk && n.arabic && clear(n, true));
    let before = i > 0 && !w.brk && w.key.starts_with('و') && words[i - 1].arabic && clear(&words[i - 1], false);
    cue || after || before || (!never && (whole_hashtag(words, i, j) || vouched_elsewhere(words, i, j)))
}

/// The one word at `i..j` is written elsewhere in the text, as it stands or
/// without its proclitics, as a whole hashtag or right after a noun of
/// place ("مدارس الجفر ... #الجفر", "بالجفر ... منطقة الجفر"): a text that
/// once writes it as a place means the place each time. A preposition
/// ("في") does not vouch so far: "في الجلاء" is as often "in the evacuation".
fn vouched_elsewhere(words: &[Word], i: usize, j: usize) -> bool {
    if j != i + 1 {
        return false;
    }
    let w = &words[i];
    let names = |key: &str| w.readings.iter().any(|r| r.key == key) && !gazetteer::lookup(key).is_empty();
    let cued = |k: usize| {
        whole_hashtag(words, k, k + 1) || (k > 0 && !words[k].brk && ar_place_nouns().contains(&words[k - 1].key))
    };
    words.iter().enumerate().any(|(k, x)| k != i && x.arabic && names(&x.key) && cued(k))
}

/// Words `i..j` are a whole hashtag ("#معان", "#الجفر", not the "سيول" of
/// "#سيول_الأردن"): a tweet tags the place it is about, so the tag is
/// support enough for a name the gazetteer knows.
pub(super) fn whole_hashtag(words: &[Word], i: usize, j: usize) -> bool {
    words[i].hashtag
        && words[i + 1..j].iter().all(|w| w.underscore_before)
        && words.get(j).is_none_or(|n| !n.underscore_before)
}

/// A US state abbreviation that is also a word ("Ind.", "Miss.", "Wash.")
/// names the state only after a capitalised name and a comma ("Jasper,
/// Ala."); one with a dot inside ("W.Va.", "S.C.") stands anywhere.
fn bare_abbreviation(words: &[Word], i: usize, j: usize, key: &str) -> bool {
    if j != i + 1 || key.contains('.') || !gazetteer::is_state_abbreviation(key) {
        return false;
    }
    let w = &words[i];
    let after_name = i > 0 && w.comma_before && words.get(i - 1).is_some_and(|p| p.cap || p.upper);
    !after_name
}

/// Population under which a town named by one capitalised English word
/// needs a cue: the gazetteer holds every place of 500 people, and their
/// names are also surnames, titles and common words ("Many", "Secretary",
/// "Hospital").
const SMALL_TOWN: u64 = 100_000;
/// The same for one Arabic word: villages are named with common nouns
/// ("سلامة", "الدور", "السوق") far more often than towns are.
const SMALL_TOWN_AR: u64 = 15_000;

/// A town or site below `limit` people that is no capital.
fn minor_town(p: &gazetteer::Place, limit: u64) -> bool {
    matches!(p.kind, PlaceKind::City | PlaceKind::Site) && !p.capital && p.population < limit
}

/// One Arabic word that the gazetteer knows only as villages is a place
/// only with a cue ([`ar_cued`]). One capitalised English word that it
/// knows only as small towns is a place only with a cue: a preposition of place before it
/// ("in Chiefland": [`crate::resolve::is_town_cue`]), a comma and a
/// capitalised name after it ("Jasper, Ala.", "Gainesville, Georgia"), a
/// settlement word before it, or written in capitals at the start of a
/// sentence in ordinary case (a dateline: "JASPER, Ala. — A tornado").
fn uncued_small_town(words: &[Word], i: usize, j: usize, cands: &[u32]) -> bool {
    let w = &words[i];
    if j != i + 1 {
        return false;
    }
    let places = gazetteer::places();
    let limit = if w.arabic { SMALL_TOWN_AR } else { SMALL_TOWN };
    // a curated landmark's English name is no small town's ("the Kaaba",
    // "Fordow", "Stonehenge")
    let small =
        |&c: &u32| places.get(c as usize).is_none_or(|p| minor_town(p, limit) && (w.arabic || !p.is_landmark()));
    if !cands.iter().all(small) {
        return false;
    }
    if w.arabic {
        return !(ar_cued(words, i, j) || settlement_before(words, i));
    }
    // a word of a longer name, glued to a capitalised word that is no
    // place's ("San Juan Bautista", "Rift Valley"): no cue makes it a town
    let name_word = |n: &Word| n.cap && !n.upper && !n.f.en_stop && !n.arabic && !n.sent_start;
    let glued_after = words.get(j).is_some_and(|n| !n.brk && name_word(n));
    let glued_before = i > 0 && !w.brk && name_word(&words[i - 1]);
    if glued_after || glued_before {
        return true;
    }
    let before = i > 0 && !w.brk && crate::resolve::is_town_cue(&words[i - 1].key) || residence(words, i);
    let after = words.get(j).is_some_and(|n| n.comma_before && (n.cap || n.upper)) || town_after(words, j);
    // a dateline opens a sentence that goes on in ordinary case ("JASPER,
    // Ala. — A tornado ..."); a headline all in capitals ("CRICKET -
    // LEICESTERSHIRE TAKE OVER ...", "GOLF - ROLE FOR U.K.") opens none
    let dateline = w.upper
        && w.sent_start
        && words[j..].iter().take_while(|n| n.sent == w.sent).any(|n| n.text.chars().any(char::is_lowercase));
    let partner =
        joined_town(words, i, j, cands).is_some() || comma_towns(words, i, j, cands).iter().any(Option::is_some);
    !(before || after || dateline || settlement_before(words, i) || place_of_before(words, i) || partner)
}

/// A lowercase English compass word or noun of a settlement or of a
/// place's part or kind and "of" before word `i` ("east of Tavildara", "the
/// village of Layron", "the port of Quepos": `en_settlement_of`,
/// `en_place_of`): the name is a place, though not always a town.
pub(super) fn place_of_before(words: &[Word], i: usize) -> bool {
    i >= 2 && !words[i].brk && !words[i - 1].brk && words[i - 1].key == "of" && {
        let c = &words[i - 2];
        !c.arabic && !c.cap && (en_place_of().contains(&c.key) || en_settlement_of().contains(&c.key) || c.f.compass)
    }
}

/// The capitalised English name at words `i..j` (a place of `cands`) stands
/// next to another past a comma, a whole run of up to three capitalised
/// words that the gazetteer knows as a town or province containing one of
/// its candidates or within [`PAIR_KM`] of one: a town and its province
/// ("Pandi, Bulacan", "Sukoharjo, Central Java", "Ipswich, Suffolk") or a
/// list of neighbouring towns ("Migori, Homa Bay, Rongo"). The partners'
/// first word indices, the one after the name first.
pub(super) fn comma_towns(words: &[Word], i: usize, j: usize, cands: &[u32]) -> [Option<usize>; 2] {
    let places = gazetteer::places();
    let cap = |w: &Word| !w.arabic && w.cap && !w.f.en_stop;
    let near = |k0: usize, k1: usize| {
        if k1 <= k0 || k1 - k0 > 3 {
            return false;
        }
        let key = key_of(words, k0, k1, &words[k0].key);
        if gazetteer::is_common_word(&key) {
            return false;
        }
        let here = || cands.iter().filter_map(|&c| places.get(c as usize));
        gazetteer::lookup(&key).iter().filter_map(|&o| places.get(o as usize)).any(|q| {
            matches!(q.kind, PlaceKind::City | PlaceKind::Province)
                && here().any(|p| {
                    crate::resolve::contains(q, p)
                        || crate::resolve::contains(p, q)
                        || gazetteer::within_km(p.lat, p.lon, q.lat, q.lon, PAIR_KM)
                })
        })
    };
    // the run after the comma that follows the name
    let after = words.get(j).filter(|n| n.comma_before && cap(n)).and_then(|_| {
        let mut k1 = j + 1;
        while words.get(k1).is_some_and(|n| !n.brk && cap(n)) {
            k1 += 1;
        }
        near(j, k1).then_some(j)
    });
    // the run before the comma that precedes the name
    let before = (i > 0 && words[i].comma_before && cap(&words[i - 1])).then(|| {
        let mut k0 = i - 1;
        while k0 > 0 && !words[k0].brk && cap(&words[k0 - 1]) {
            k0 -= 1;
        }
        near(k0, i).then_some(k0)
    });
    [after, before.flatten()]
}

/// Most distance (km) between two towns joined by "and" that vouch for each
/// other as places.
const PAIR_KM: f64 = 150.0;

/// The capitalised English name at words `i..j` (a town of `cands`) is
/// joined by "and" to one capitalised word, after or before it, that the
/// gazetteer knows as a town or province within [`PAIR_KM`] of one of its
/// candidates ("between Cordova and Sumiton", "visited Chiefland and
/// Ocala"): two neighbouring towns are rarely two people or two words by
/// chance. The partner's word index.
pub(super) fn joined_town(words: &[Word], i: usize, j: usize, cands: &[u32]) -> Option<usize> {
    let places = gazetteer::places();
    let and = |k: usize| words.get(k).is_some_and(|w| !w.brk && w.key == "and");
    let one_word = |k: usize| words.get(k + 1).is_none_or(|n| n.brk || !(n.cap || n.upper));
    let near = |k: usize| {
        let Some(n) = words.get(k).filter(|n| !n.arabic && !n.brk && n.cap && !n.f.en_stop && one_word(k)) else {
            return false;
        };
        if gazetteer::is_common_word(&n.key) {
            return false;
        }
        let here = || cands.iter().filter_map(|&c| places.get(c as usize));
        gazetteer::lookup(&n.key).iter().filter_map(|&o| places.get(o as usize)).any(|q| {
            matches!(q.kind, PlaceKind::City | PlaceKind::Province)
                && here().any(|p| gazetteer::within_km(p.lat, p.lon, q.lat, q.lon, PAIR_KM))
        })
    };
    if and(j) && near(j + 1) {
        Some(j + 1)
    } else if i >= 2 && !words[i].brk && and(i - 1) && words[i - 2].cap && near(i - 2) {
        Some(i - 2)
    } else {
        None
    }
}

fn weakness(words: &[Word], i: usize, j: usize, key: &str) -> Weak {
    let w = &words[i];
    if whole_hashtag(words, i, j) && !gazetteer::is_common_word(key) {
        return Weak::Hashtag;
    }
    // an indefinite noun followed by a nisba-shaped word is a noun and its
    // adjective ("دعم مالي"), not a place
    let adjective = w.arabic
        && j == i + 1
        && !key.starts_with("ال")
        && key.ends_with('ي')
        && i > 0
        && !w.brk
        && words[i - 1].arabic
        && !words[i - 1].f.ar_stop
        && !definite(&words[i - 1])
        && !words[i - 1].f.title
        && !words[i - 1].f.trigger
        && !verb_like(&words[i - 1])
        && !adjective_blockers().contains(&words[i - 1].key);
    if adjective {
        return Weak::Adjective;
    }
    // a capital letter vouches for an English name, except at the start
    // of a sentence ("Reading the report, ...")
    if (w.arabic || !w.cap || (w.sent_start && j == i + 1)) && gazetteer::is_common_word(key) {
        return Weak::Common;
    }
    // nor does it for a word in capitals ("IN FRIENDLY", "LAST SALE", "IN
    // TO BAT") that is a stop word, a common word or one the article writes
    // in lowercase elsewhere: an ordinary word
    let lower_elsewhere = || words.iter().any(|o| !o.arabic && !o.cap && !o.upper && o.key == w.key);
    if !w.arabic && w.upper && j == i + 1 && (w.f.en_stop || gazetteer::is_common_word(key) || lower_elsewhere()) {
        return Weak::Common;
    }
    // after a noun of place the name is that place's ("محافظة النعيرية",
    // "في منطقة الوفرة")
    if w.arabic && i > 0 && !w.brk && words[i - 1].reads_as(ar_place_nouns()) {
        return Weak::Named;
    }
    // two words written as one ("حفرالباطن") are a name, not a noun
    if !w.arabic || j != i + 1 || key.contains(' ') {
        return Weak::No;
    }
    if key.starts_with("ال") {
        let locative = i > 0 && !w.brk && ar_locatives().contains(&words[i - 1].key);
        return if locative { Weak::DefiniteLocative } else { Weak::Definite };
    }
    // an indefinite noun governing a definite one ("مشهد التهديد") is a
    // construct phrase, not a name
    let governs = words.get(j).is_some_and(|n| {
        !n.brk && n.arabic && definite(n) && n.f.demonym.is_none() && !n.f.org_adj && !nisba(n) && !n.f.time
    });
    if governs {
        Weak::Common
    } else {
        Weak::Indefinite
    }
}

/// The direction of an Arabic compass adjective right after the name of a
/// continent or region (`cands`): "الشرقية", "الغربي", "الوسطى" (the
/// adjective of a compass word, with the article and a feminine ending).
fn compass_after(words: &[Word], j: usize, cands: &[u32]) -> Option<Direction> {
    let w = words.get(j).filter(|w| w.arabic && !w.brk)?;
    let places = gazetteer::places();
    let first = places.get(*cands.first()? as usize)?;
    if !matches!(first.kind, PlaceKind::Continent | PlaceKind::Region) {
        return None;
    }
    let stem = w.key.strip_prefix("ال")?;
    // "الشرقيه" (ة written ه), "الوسطي" (ى written ي): the ending goes
    direction(stem).or_else(|| direction(stem.strip_suffix(['ه', 'ة', 'ى', 'ي'])?))
}

/// The country an adjective right after a name points to ("الهولندية").
fn adjective_after(words: &[Word], j: usize) -> Option<&'static str> {
    let w = words.get(j)?;
    if w.brk {
        return None;
    }
    w.readings.iter().find_map(|r| gazetteer::demonym(&r.key))
}

/// A word right after an English name at `..j` that makes a town of it
/// ("Esperance residents": [`crate::resolve::is_town_after_cue`]).
pub(super) fn town_after(words: &[Word], j: usize) -> bool {
    words.get(j).is_some_and(|n| !n.brk && !n.arabic && crate::resolve::is_town_after_cue(&n.key))
}

pub(super) fn settlement_before(words: &[Word], i: usize) -> bool {
    if i == 0 || words[i].brk {
        return false;
    }
    let p = &words[i - 1];
    p.reads_as(settlement_words()) || (p.key == "of" && i >= 2 && en_settlement_of().contains(&words[i - 2].key))
}

/// Compass word(s) at `i`: (reading used, words consumed, direction).
fn direction_at(words: &[Word], i: usize) -> Option<(usize, usize, Direction)> {
    let w = &words[i];
    if !w.f.compass {
        return None;
    }
    let (ri, d) = w.readings.iter().enumerate().find_map(|(ri, r)| direction(&r.key).map(|d| (ri, d)))?;
    // a second component: "شمال شرقي", "north-east", "south west"
    if d.1 == 0 && d.0 != 0 {
        if let Some(n) = words.get(i + 1).filter(|n| !n.brk) {
            if let Some(e) = direction(&n.key).filter(|e| e.0 == 0 && e.1 != 0) {
                return Some((ri, 2, (d.0, e.1)));
            }
        }
    }
    Some((ri, 1, d))
}

pub(super) fn directional(words: &[Word], i: usize, out: &mut Vec<Found>) {
    let Some((ri, n, d)) = direction_at(words, i) else { return };
    let w = &words[i];
    // English compass words open a phrase when written lowercase or as an
    // adjective ("northern Iraq", "Northern Iraq"); "South Wales" and
    // "New South Wales" are names, left to the gazetteer
    if !w.arabic {
        let adjective = w.key.ends_with("ern");
        let inside_name = i > 0 && !w.brk && (words[i - 1].cap || words[i - 1].upper);
        if inside_name || (w.cap && !adjective && !w.sent_start) {
            return;
        }
    }
    let k = i + n;
    if k >= words.len() || words[k].brk {
        return;
    }
    // "جنوب ووسط آسيا", "South and Central Asia": the first compass word
    // names its own region of the same place.
    let coord = if words[k].arabic {
        words[k].readings.iter().any(|r| r.pre == 1 && words[k].key.starts_with('و') && direction(&r.key).is_some())
    } else {
        words[k].key == "and" && words.get(k + 1).is_some_and(|x| !x.brk && direction(&x.key).is_some())
    };
    if coord && n == 1 {
        let second = if words[k].arabic { k } else { k + 1 };
        let Some((_, sn, _)) = direction_at(words, second) else { return };
        let rest = second + sn;
        if rest >= words.len() || words[rest].brk {
            return;
        }
        if let Some((rri, j, key, cands)) = place_at(words, rest) {
            let rest_key = key_of(words, rest, j, &words[rest].readings[rri].key);
            let own = format!("{} {}", w.readings[ri].key, rest_key);
            let own_c = gazetteer::lookup(&own);
            let (start, end) = span(words, i, i + 1, w.readings[ri].pre);
            let what = if own_c.is_empty() {
                What::Place {
                    cands,
                    key,
                    dir: Some(direction(&w.readings[ri].key).unwrap_or((0, 0))),
                    adj_country: None,
                    settlement: false,
                    weak: Weak::No,
                }
            } else {
                What::Place { cands: own_c, key: own, dir: None, adj_country: None, settlement: false, weak: Weak::No }
            };
            out.push(Found::new((i, i + 1), (start, end), EntityType::Place, what, PRIO_DIR_PLACE));
        }
        return;
    }
    // English: "northern Iraq", "north of Baghdad" is not a name
    if let Some((ni, j, key, cands)) = place_at(words, k) {
        let (start, end) = span(words, i, j, w.readings[ri].pre);
        // the compass word is part of an English name when capitalised
        // inside a sentence ("Eastern Europe", "Northern Iraq")
        let named = !w.arabic && w.cap && !w.sent_start;
        // a phrase the gazetteer knows whole ("northeast Syria", "شمال
        // شرقي سوريا", "Eastern Europe") is pinned on that place
        let compass: Vec<&str> = std::iter::once(w.readings[ri].key.as_str())
            .chain(words[i + 1..k].iter().map(|x| x.key.as_str()))
            .collect();
        let own = format!("{} {key}", compass.join(" "));
        let own_c = gazetteer::lookup(&own);
        if !w.arabic && w.cap && !own_c.is_empty() {
            return;
        }
        // an Arabic phrase the gazetteer knows whole as a country or
        // province is that name, compass word and all: "جنوب أفريقيا",
        // "جنوب السودان", "شمال سيناء"; a region's stays outside the
        // mark ("شرق أفريقيا" marks Africa), as the gold corpora mark them
        let known_whole = w.arabic && super::merge::first_kind(own_c, &[PlaceKind::Country, PlaceKind::Province]);
        let name_start = if named || known_whole {
            start
        } else {
            span(words, k, j, words[k].readings.get(ni).map_or(0, |r| r.pre)).0
        };
        // a lowercase English compass word stays outside a continent's name:
        // "southeast Asia" marks and pins Asia, as "northern Iraq" does Iraq
        let continent = !w.arabic && !named && super::merge::first_kind(cands, &[PlaceKind::Continent]);
        let (cands, key, d) = if own_c.is_empty() || continent { (cands, key, Some(d)) } else { (own_c, own, None) };
        let mut found = Found::new(
            (i, j),
            (start, end),
            EntityType::Place,
            What::Place {
                cands,
                key,
                dir: d,
                adj_country: adjective_after(words, j),
                settlement: false,
                weak: Weak::No,
            },
            PRIO_DIR_PLACE,
        );
        found.lead = name_start.saturating_sub(start);
        out.push(found);
    }
}

/// A place name that names a disease ("West Nile virus", "Rift Valley
/// fever", "متلازمة الشرق الأوسط التنفسية", "بفيروس غرب النيل"): a disease
/// word right after it (English, but for a country's name) or right before
/// it (Arabic). The story is about the disease, not the place: no pin.
pub(super) fn names_disease(words: &[Word], f: &Found) -> bool {
    let disease = |w: &Word| w.reads_as(super::lists::disease_words());
    match words.get(f.w0) {
        Some(w) if w.arabic => f.w0 > 0 && !w.brk && disease(&words[f.w0 - 1]),
        // "the United States flu season" is the country's season
        Some(_) => {
            words.get(f.w1).is_some_and(|w| !w.brk && disease(w))
                && !matches!(&f.what, What::Place { cands, .. } if country_first(cands))
        }
        None => false,
    }
}

/// Population from which a town reached through a spelling variant is
/// well known enough to stand without support ([`variant_minor`]).
const VARIANT_TOWN: u64 = 150_000;

/// One Arabic word without the article that names a town only through a
/// spelling variant: a one-letter proclitic stripped ("بشوش" "cheerful" as
/// ب + Shush, "فاجأ" "surprised" as ف + Aga, "بنكا" "a bank" as ب + Neka)
/// or a final ه read as ة ("زواره" "his visitors" as Zuwara). Unless the
/// town is a capital or large ([`VARIANT_TOWN`]), the rules leave it to
/// the tagger or a cue ("في", "إلى", "مدينة": then it is no gap fill).
/// With `tagger` (a tagger's place) only the final ه counts: the tagger
/// read the proclitic in its context ("مبارح بالبترا").
pub(super) fn variant_minor(words: &[Word], f: &Found, tagger: bool) -> bool {
    let What::Place { cands, key, weak: Weak::No | Weak::Indefinite, settlement: false, .. } = &f.what else {
        return false;
    };
    let Some(w) = words.get(f.w0).filter(|w| w.arabic && f.w1 == f.w0 + 1) else { return false };
    let places = gazetteer::places();
    let Some(p) = cands.first().and_then(|&c| places.get(c as usize)) else { return false };
    if !minor_town(p, VARIANT_TOWN) {
        return false;
    }
    // و is a conjunction before a whole word ("ضبعة ومادبا"), not a variant
    let stripped = f.start > w.start && !w.text.starts_with('و') && !tagger;
    let folded = w.text.ends_with('ه') && p.name_ar.is_some_and(|n| n.ends_with('ة'));
    // the article writes the name as it is elsewhere ("بمأدبا ... #مأدبا";
    // a folded name with its ة: the word's own key is the name's, since
    // keys fold ة into ه)
    let plain = |o: &Word| o.key.as_str() == key.as_str() && !(folded && o.text.ends_with('ه'));
    let elsewhere = || words.iter().enumerate().any(|(k, o)| k != f.w0 && o.arabic && plain(o));
    (stripped || folded) && !ar_cued(words, f.w0, f.w1) && !elsewhere()
}

#[cfg(test)]
#[path = "places_tests.rs"]
mod tests;
