//! The edges of an Arabic person's name the tagger found: a name does not
//! end on a particle ("سعيد بن عبد" → "سعيد بن عبد الملك", "الحسن بن" →
//! "الحسن بن علي"), two names joined by و are two people
//! ("عبدالرحمن ومحمد", "احمد ماهر والنقراشي"; cut in [`super::joined`]),
//! and a proclitic written onto a name stays outside it ("ونواز" after
//! "ماجد نواز" is "نواز"; "وليد" stays whole). Its edges are no ordinary
//! word the gold corpora almost never put in a name ("يشغل", "السكرتير"),
//! and a nationality alone or a phrase starting with God is no name
//! ([`arabic_edges`]).
//! The start of an English one: initials and the given name before a
//! middle initial are the name's ("J. R. Brown", "George W. Bush").

use super::learned::past_plural;
use super::lists::{ar_blessings, ar_particles, not_person_words};
use super::merge::{known_whole, name_conjunction, preposition_article};
use super::{lexicon, Found, What, Word};
use crate::model::EntityType;
use crate::tagger::TaggedSpan;

/// The edges of an Arabic person's name the tagger found at words `w0..w1`,
/// or none when what it found is no name.
pub(super) fn arabic_edges(
    words: &[Word],
    tagged: &[TaggedSpan],
    mut w0: usize,
    mut w1: usize,
) -> Option<(usize, usize)> {
    // a preposition with the article ("بجدة", "للإرهاب") starts no
    // person's name
    if preposition_article(&words[w0]) {
        return None;
    }
    // nor is a nationality alone ("سولي مونتاري (غاني)"): the
    // demonym recogniser marks it as the country's reference
    let w = &words[w0];
    if w1 == w0 + 1 && w.f.demonym.is_some() && w.f.given.is_none() && !w.key.starts_with("ال") {
        return None;
    }
    // nor holds a "و" of its own ("وزين و كيان": two companies)
    if let Some(i) = (w0 + 1..w1).find(|&i| words[i].key == "و") {
        w1 = i;
    }
    // nor is, or starts or ends with, a word the gold corpora almost never
    // put in a person's name ("طارئ", "انطلقوا", "السكرتير"), at the start
    // also behind a conjunction ("وسني صالح")
    let common_key = |k: &str| not_person_words().contains(k);
    let common = |w: &Word| common_key(&w.key);
    // nor ends with such a word behind a preposition and the article
    // ("الرئيس هادي بالوفد"; "بالحاج" is a surname: the corpora put
    // "الحاج" in names, "كالديرون" and "بالوتيلي" have no such reading)
    let after_name = |w: &Word| preposition_article(w) && w.readings.iter().any(|r| r.pre == 1 && common_key(&r.key));
    while w1 > w0
        && (common(&words[w1 - 1]) || (w1 > w0 + 1 && (past_plural(&words[w1 - 1]) || after_name(&words[w1 - 1]))))
    {
        w1 -= 1;
    }
    let after_and = |w: &Word| {
        w.f.given.is_none()
            && (w.text.starts_with('و') || w.text.starts_with('ف'))
            && w.readings.iter().any(|r| r.pre == 1 && not_person_words().contains(&r.key))
    };
    while w0 < w1 && (common(&words[w0]) || after_and(&words[w0])) {
        w0 += 1;
    }
    // a definite word before a given name describes the person ("الرئيس
    // المعزول مرسي", "رسولنا الكريم محمد", "الموهوب تامر حبيب"): Arabic
    // writes the family name after the given name, not before it
    if w1 >= w0 + 2 && (describes_name(&words[w0], &words[w0 + 1]) || after_title(words, w0)) {
        w0 += 1;
    }
    // God ("والله الهادي": God is the guide) starts no person's name
    let god = words[w0..w1].first().is_some_and(|w| w.readings.iter().any(|r| r.key == "الله"));
    if w0 >= w1 || god {
        return None;
    }
    w1 = without_blessing(words, w0, w1);
    if plural_before_surname(words, tagged, w0, w1) {
        w0 += 1;
    }
    w1 = person_end(words, w0, w1);
    // and a particle the name did not go on from ("ابن") is none, nor a
    // word whose written hamza the keys fold away: "الوضع هادئ" (calm) is
    // no "هادي" (Hadi)
    if w1 == w0 + 1 && (words[w0].f.particle || words[w0].text.ends_with('ئ')) {
        return None;
    }
    Some((w0, w1))
}

/// A definite word right after a title, no name itself, describes the
/// person the title goes with ("الرئيس المعزول مرسي", "الرئيس الراحل
/// بورقيبة"): the family name comes after the given name in Arabic, not
/// first.
fn after_title(words: &[Word], w0: usize) -> bool {
    let w = &words[w0];
    w0 > 0 && !w.brk && words[w0 - 1].f.title && plain_definite(w) && !words.get(w0 + 1).is_some_and(|n| n.f.particle)
}

/// An Arabic definite word that is no given name, particle or title.
fn plain_definite(w: &Word) -> bool {
    w.arabic && w.key.starts_with("ال") && w.f.given.is_none() && !w.f.particle && !w.f.title
}

/// A definite word that is no name itself (no given name, particle,
/// title or nisba: "التيجاني يوسف بشير") before an unambiguous given name.
fn describes_name(w: &Word, next: &Word) -> bool {
    plain_definite(w) && !w.key.ends_with('ي') && !next.brk && next.f.given.is_some_and(|g| !g.ambiguous)
}

/// The end of words `w0..w1` of a person's name, moved past the word after
/// a final particle (بن، ابن، عبد، أبو، آل), and on along the chain of
/// fathers that follows ("بن مروان"). A final word that looks like
/// a present-tense verb stays: foreign surnames look the same ("توريس",
/// "تشافيز", "يانكوفيتش"; trimming them cost more than it gained).
pub(super) fn person_end(words: &[Word], w0: usize, mut w1: usize) -> usize {
    let mut extended = false;
    // a definite word the gold corpora keep out of names ends the chain:
    // "ابن المواطن المتوفى" is the citizen's son
    let ordinary = |w: &Word| plain_definite(w) && not_person_words().contains(&w.key);
    while w1 > w0 && w1 < words.len() && words[w1 - 1].arabic {
        if ends_on_particle(&words[w1 - 1]) && joins(&words[w1], true) && !ordinary(&words[w1]) {
            // "سعيد بن عبد" + "الملك" (a title word after a particle is the name's)
            w1 += 1;
            extended = true;
        } else if extended
            && words[w1].f.particle
            && !words[w1].brk
            && words.get(w1 + 1).is_some_and(|w| joins(w, true))
        {
            // and the chain of fathers goes on: "... عبد الملك" + "بن مروان"
            // ("بن أبي الحسين": the particle after it is taken on next)
            w1 += 2;
        } else {
            break;
        }
    }
    w1
}

/// A particle a name cannot end on: "بن", "أبو", or one of the Arabic
/// ones behind a conjunction ("وأبو" + "تمام"; not "ولا", "ودي").
fn ends_on_particle(w: &Word) -> bool {
    let arabic_particle = |k: &str| k.starts_with(['ا', 'ب', 'ع']) && ar_particles().contains(k);
    w.f.particle || (w.text.starts_with('و') && w.readings.iter().any(|r| r.pre == 1 && arabic_particle(&r.key)))
}

/// The next word may continue a name: Arabic, in the same sentence and
/// quotation, no function or time word, no conjunction written onto it;
/// a title word only `after_particle` ("عبد الملك"), and there also a
/// given name that is spelt like a function word ("بن علي": "على", on).
fn joins(w: &Word, after_particle: bool) -> bool {
    w.arabic
        && !w.brk
        && !w.quote_before
        && (!w.f.ar_stop || (after_particle && w.f.given.is_some()))
        && !w.f.time
        && !w.f.trigger
        && (after_particle || !w.f.title)
        && !(w.key.starts_with('و') && w.f.given.is_none() && name_conjunction(w) > 0)
}

/// "ومحمد", "والنقراشي": و and a name, the whole no given name itself
/// ("وليد", "وائل" are names): where two people joined by و are cut apart.
pub(super) fn joined_name(w: &Word) -> bool {
    if !w.arabic || w.brk || w.f.given.is_some() || !w.text.starts_with('و') {
        return false;
    }
    name_conjunction(w) > 0 || (w.text.starts_with("وال") && w.text.chars().count() >= 5)
}

/// Whether `w` is an initial: one capital Latin letter with a full stop
/// ("J.", one token or the letter and a stop) and a space before the `next`
/// word.
fn initial(w: &Word, next: &Word) -> bool {
    let mut c = w.text.chars();
    let letter = !w.arabic && c.next().is_some_and(|c| c.is_ascii_uppercase());
    let next_clean = !next.comma_before && !next.dash_before && !next.quote_before;
    match c.as_str() {
        "." => letter && next.start == w.end + 1 && !next.brk,
        "" => letter && next.start == w.end + 2 && next.brk && next_clean,
        _ => false,
    }
}

/// The start of words `w0..w1` of an English person's name, moved back
/// over the initials before it ("R. Brown" → "J. R. Brown") and, when the
/// name then starts with one initial, over the capitalised word right before
/// it ("W. Bush" → "George W. Bush", where the gazetteer reads "George" as
/// a town): not a title ("Adm. J. R. Brown"), a time word or a word that
/// starts sentences and is never a name.
pub(super) fn person_start(words: &[Word], mut w0: usize) -> usize {
    let mut initials = 0;
    while w0 > 0 && initial(&words[w0 - 1], &words[w0]) {
        w0 -= 1;
        initials += 1;
    }
    // one middle initial: "George W. Bush", not "Washington D. C. Smith"
    let one_initial = words.get(w0 + 1).is_some_and(|n| initial(&words[w0], n))
        && !words.get(w0 + 2).is_some_and(|n| initial(&words[w0 + 1], n))
        && initials <= 1;
    if one_initial && w0 > 0 {
        let (p, w) = (&words[w0 - 1], &words[w0]);
        if !p.arabic && p.cap && !w.brk && p.end + 1 == w.start && !p.f.title && !p.f.time && !p.f.en_stop {
            w0 -= 1;
        }
    }
    w0
}

/// Code points of a conjunction on the first word of a person's name that
/// follows another person's name the tagger found ("عارف علوي ونواز شريف":
/// the و joins the two names), unless the word is itself a given name
/// ("وليد").
pub(super) fn coordinated_person(words: &[Word], tagged: &[TaggedSpan], w0: usize) -> usize {
    let w = &words[w0];
    if w0 == 0 || !w.arabic || w.brk || !w.key.starts_with('و') || w.key.chars().count() < 4 {
        return 0;
    }
    if lexicon::is_given_name(&w.key).is_some() {
        return 0;
    }
    let prev = words[w0 - 1].tok;
    let after_person =
        tagged.iter().any(|t| t.kind == EntityType::Person && t.start_token <= prev && t.end_token == prev + 1);
    usize::from(after_person)
}

/// Whether the word `key` stands in a person's name the tagger found
/// elsewhere in the article (not the span at word `w0`).
fn in_other_person(words: &[Word], tagged: &[TaggedSpan], w0: usize, key: &str) -> bool {
    in_other_name(words, tagged, w0, key, EntityType::Person)
}

/// Whether the word `key` stands in a name of `kind` the tagger found
/// elsewhere in the article (not the span at word `w0`).
pub(super) fn in_other_name(words: &[Word], tagged: &[TaggedSpan], w0: usize, key: &str, kind: EntityType) -> bool {
    let tok = words[w0].tok;
    tagged.iter().filter(|t| t.kind == kind && !(t.start_token..t.end_token).contains(&tok)).any(|t| {
        let a = words.partition_point(|w| w.tok < t.start_token);
        words[a..].iter().take_while(|w| w.tok < t.end_token).any(|w| w.key.as_str() == key)
    })
}

/// Code points of a proclitic (و ف ب ل ك, alone or in pairs) on the first
/// word of a person's name when what follows it is a given name or a word
/// of a person's name the tagger found elsewhere in the article ("ونواز"
/// after "ماجد نواز", "بمونتاري" after "سولي مونتاري"), and the whole
/// word is no given name ("وليد", "بسام"). When more of the name follows
/// (words `w0..w1`), a word of the name lists after the proclitics is
/// enough ("ولتيسير الجاسم", "وروز نوري شاويس"), unless the lists know the
/// whole word too ("ولسون"); "فلاشينغ ميدوز" keeps its letters.
pub(super) fn proclitic_on_name(words: &[Word], tagged: &[TaggedSpan], w0: usize, w1: usize) -> usize {
    let w = &words[w0];
    if !w.arabic || w.f.given.is_some() || in_other_person(words, tagged, w0, &w.key) {
        return 0;
    }
    w.readings
        .iter()
        .filter(|r| proclitics_off(w, r) && !r.key.starts_with("ال") && r.key.chars().count() >= 3)
        .find(|r| {
            lexicon::is_given_name(&r.key).is_some_and(|g| !g.ambiguous)
                || in_other_person(words, tagged, w0, &r.key)
                || (w1 > w0 + 1 && !known_whole(w) && crate::tagger::Lists::get().is_name_word(&r.key))
        })
        .map_or(0, |r| r.pre)
}

/// Whether reading `r` of `w` leaves out proclitics alone (و ف ب ل ك, one
/// or two, written onto the word), and nothing at its end.
pub(super) fn proclitics_off(w: &Word, r: &super::words::Reading) -> bool {
    r.pre > 0 && r.post == 0 && w.text.chars().take(r.pre).all(|c| matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك'))
}

/// The end of words `w0..w1` of an Arabic person's name without a
/// blessing written after it ("الملك سلمان بن عبدالعزيز حفظه الله", "عمر
/// بن الخطاب رضي الله عنه"): a final run of two words or more of the
/// `ar_blessing` list holding "الله" or "السلام". The first word stays, and
/// "عبد الله" is one blessing word only.
pub(super) fn without_blessing(words: &[Word], w0: usize, w1: usize) -> usize {
    let run = words[w0 + 1..w1].iter().rev().take_while(|w| ar_blessings().contains(&w.key)).count();
    let holy = words[w1 - run..w1].iter().any(|w| w.key == "الله" || w.key == "السلام");
    if run >= 2 && holy {
        w1 - run
    } else {
        w1
    }
}

/// The first word of an Arabic person's name the tagger found (words
/// `w0..w1`, two of them) is a plural noun before a surname the article
/// names in full elsewhere: "قرارات العبادي", "إصلاحات العبادي" after
/// "حيدر العبادي" are his decisions and reforms, the name is "العبادي".
pub(super) fn plural_before_surname(words: &[Word], tagged: &[TaggedSpan], w0: usize, w1: usize) -> bool {
    let first = &words[w0];
    w1 == w0 + 2
        && first.arabic
        && first.key.ends_with("ات")
        && first.key.chars().count() >= 5
        && first.f.given.is_none()
        && in_other_person(words, tagged, w0, &words[w0 + 1].key)
}

/// A title word before a person's name: a listed title ("الأمير",
/// "President") or an English honorific written with its capital ("Mr.",
/// "Sen.").
pub(super) fn name_title(w: &Word) -> bool {
    w.f.title || (w.cap && super::lists::en_name_titles().contains(&w.key))
}

/// The end of an English title phrase (`lexicon::titles`) that covers word
/// `w0`, begun at most three words before it ("Secretary of State" over
/// "State"; "Attorney General" over "Attorney").
pub(super) fn title_through(words: &[Word], w0: usize) -> Option<usize> {
    (w0.saturating_sub(3)..=w0).filter(|&s| words[s].f.title_start).find_map(|s| {
        let (_, j, _) = super::longest_at(super::lexicon::titles(), words, s)?;
        (j > w0).then_some(j)
    })
}

/// Words `w0..w1` read as a person's name: two to four capitalised words,
/// none an organisation's head noun.
pub(super) fn name_words(words: &[Word], w0: usize, w1: usize) -> bool {
    (2..=4).contains(&(w1.saturating_sub(w0)))
        && words[w0..w1].iter().all(|w| !w.arabic && w.cap && !w.f.en_org_head && !w.f.en_stop)
}

/// An English place or organisation of no list right after an honorific
/// or rank ("Mr. Bush", "Sen. Kennedy") is a person: the gazetteer knows a
/// town called Bush, and the tagger read "Mr. Bush" as a place.
pub(super) fn honorific_people(words: &[Word], accepted: &mut [Found]) {
    // the bare key of a one-word name ("Bush's" is "bush")
    let bare = |f: &Found| super::bare_key(&words[f.w0]).to_string();
    let mut titled: Vec<String> = Vec::new();
    for f in accepted.iter_mut() {
        if f.w1 > words.len() || !after_honorific(words, f.w0, f.w1) {
            continue;
        }
        let listed = matches!(f.what, What::Org { curated: Some(_), .. });
        let kind = matches!(f.kind, EntityType::Place | EntityType::Organization);
        if kind && !listed && !f.demonym && !f.within && f.link.is_none() {
            let key = super::key_of(words, f.w0, f.w1, &words[f.w0].key);
            *f = Found::new((f.w0, f.w1), (f.start, f.end), EntityType::Person, What::Person { key }, f.prio);
        }
        if f.kind == EntityType::Person && f.w1 == f.w0 + 1 {
            titled.push(bare(f));
        }
    }
    if titled.is_empty() {
        return;
    }
    // the same word elsewhere, read as a place other than a country, is the
    // person too
    // ("told by Bush's son", "other Bush loyalists" after "President Bush")
    for f in accepted.iter_mut() {
        let small = matches!(&f.what, What::Place { cands, .. } if !super::merge::country_first(cands));
        if small
            && f.w1 == f.w0 + 1
            && f.w1 <= words.len()
            && !f.demonym
            && !f.within
            && f.link.is_none()
            && !super::linking::after_locative(words, f.w0)
            && titled.contains(&bare(f))
        {
            let key = bare(f);
            *f = Found::new((f.w0, f.w1), (f.start, f.end), EntityType::Person, What::Person { key }, f.prio);
        }
    }
}

/// Most letters of the lowercase syllable after a hyphen that ends a
/// given name ("Jong-un", "Moo-hyun", "Kai-shek").
const HYPHEN_SYLLABLE: usize = 5;

/// An English person's name of two words or more whose last word goes on
/// after a hyphen in lowercase ("Kim Jong-un", "Moon Jae-in", "Li
/// Song-ho": Korean and older Chinese given names) takes that part in: the
/// tagger reads the hyphen as the end. Not a suffix of English
/// (`en_hyphen_suffix`: "-era", "-led", "-born").
pub(super) fn hyphenated_given_names(words: &[Word], found: &mut [Found]) {
    let syllable = |w: &Word| {
        !w.arabic
            && w.hyphen_before
            && !w.cap
            && (1..=HYPHEN_SYLLABLE).contains(&w.key.chars().count())
            && w.key.chars().all(|c| c.is_ascii_lowercase())
            && !super::lists::en_hyphen_suffixes().contains(&w.key)
    };
    for f in found.iter_mut() {
        if f.kind != EntityType::Person || f.w1 < f.w0 + 2 || f.demonym || f.link.is_some() || words[f.w0].arabic {
            continue;
        }
        if !words.get(f.w1 - 1).is_some_and(|w| w.cap) || !words.get(f.w1).is_some_and(syllable) {
            continue;
        }
        // the name's other end is no hyphen's ("Jong-un-like" aside)
        if words.get(f.w1 + 1).is_some_and(|n| n.hyphen_before) {
            continue;
        }
        f.w1 += 1;
        f.end = words[f.w1 - 1].end;
        if let What::Person { key } = &mut f.what {
            *key = super::key_of(words, f.w0, f.w1, &words[f.w0].key);
        }
    }
}

/// An English person's name read in pieces around a patronymic particle
/// ("Osama" and "Laden" of "Osama bin Laden"; "Hamad bin" left out of
/// "Hamad bin Khalifa al-Thani") is one name: two people joined across
/// the particle, and a capitalised word before "bin" taken into the name
/// after it. `found` is sorted by position.
pub(super) fn patronymic_names(words: &[Word], found: &mut Vec<Found>) {
    let particle = |i: usize| {
        words.get(i).is_some_and(|w| !w.arabic && !w.brk && !w.cap && super::lists::en_patronymics().contains(&w.key))
    };
    let person = |f: &Found| f.kind == EntityType::Person && f.link.is_none() && !f.demonym && !words[f.w0].arabic;
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for mut f in found.drain(..) {
        if person(&f) {
            let (w0, w1) = (f.w0, f.w1);
            // a capitalised word before the particle opens the name
            while f.w0 >= 2 && particle(f.w0 - 1) && !words[f.w0].brk && out.last().is_none_or(|p| p.w1 <= f.w0 - 2) {
                let w = &words[f.w0 - 2];
                if w.arabic || !w.cap || w.f.en_stop || w.f.title {
                    break;
                }
                f.w0 -= 2;
            }
            if let Some(prev) = out.last().filter(|p| person(p) && p.w1 + 1 == f.w0 && particle(p.w1)) {
                f.w0 = prev.w0;
                out.pop();
            }
            if (f.w0, f.w1) != (w0, w1) {
                let key = super::key_of(words, f.w0, f.w1, &words[f.w0].key);
                let (start, end) = super::span(words, f.w0, f.w1, 0);
                f = Found::new((f.w0, f.w1), (start, end), EntityType::Person, What::Person { key }, f.prio);
            }
        }
        out.push(f);
    }
    *found = out;
}

/// Words `w0..w1` are one to three capitalised words right after an
/// English honorific or rank ("Mr. Bush", "Sen. Kennedy").
fn after_honorific(words: &[Word], w0: usize, w1: usize) -> bool {
    let Some(h) = w0.checked_sub(1).map(|k| &words[k]) else { return false };
    (1..=3).contains(&(w1.saturating_sub(w0)))
        && h.cap
        && words[w0].tok <= h.tok + 2
        && super::lists::en_honorifics().contains(&h.key)
        && words[w0..w1].iter().all(|w| !w.arabic && w.cap && !w.f.en_org_head && !w.f.en_stop)
}

/// A title word or an English rank that the titles list leaves out
/// ("Attorney", "Superintendent": the tagger reads that list).
fn rank(w: &Word) -> bool {
    w.f.title || (!w.arabic && w.cap && super::lists::en_ranks().contains(&w.key))
}

/// An English body's span that runs on through a title into a name is the
/// body and the titled person ("[Supreme Court Justice Anthony Kennedy]" is
/// "Supreme Court" and "Anthony Kennedy"; one that starts with the title is
/// the person alone): the tagger reads the whole as one organisation.
pub(super) fn split_titled_people<'t>(
    words: &[Word],
    tagged: std::borrow::Cow<'t, [TaggedSpan]>,
) -> std::borrow::Cow<'t, [TaggedSpan]> {
    let split_at = |t: &TaggedSpan| {
        let w0 = words.partition_point(|w| w.tok < t.start_token);
        let w1 = words.partition_point(|w| w.tok < t.end_token);
        (t.kind == EntityType::Organization && w0 < w1 && !words[w0].arabic)
            .then(|| (w0..w1.saturating_sub(2)).rev().find(|&k| rank(&words[k])))
            .flatten()
            .filter(|&k| name_words(words, k + 1, w1))
            .map(|k| (w0, k))
    };
    // what stands before the title is a body of its own ("Supreme Court"),
    // not a rank ("Chief Superintendent") or a country ("U.S. Attorney")
    let body_before = |w0: usize, k: usize| {
        !words[w0..=k].iter().all(rank)
            && !super::merge::country_first(crate::gazetteer::lookup(&super::key_of(words, w0, k, &words[w0].key)))
    };
    if !tagged.iter().any(|t| split_at(t).is_some()) {
        return tagged;
    }
    let mut out = Vec::with_capacity(tagged.len() + 1);
    for t in tagged.iter() {
        match split_at(t) {
            Some((w0, k)) => {
                if k > w0 && body_before(w0, k) {
                    out.push(TaggedSpan { end_token: words[k].tok, ..t.clone() });
                }
                out.push(TaggedSpan { start_token: words[k + 1].tok, kind: EntityType::Person, ..t.clone() });
            }
            None => out.push(t.clone()),
        }
    }
    std::borrow::Cow::Owned(out)
}
