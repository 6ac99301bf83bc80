//! The learned tagger's spans as candidates of the merge ([`learned_spans`]):
//! a span cut to the name it holds, given the kind its words show (a
//! country, a company, a body, a titled person) and what it names.

use super::lists::{en_company_suffixes, en_documents, en_org_heads};
use super::merge::{conjunction, country_first, first_kind, key_after, name_conjunction, possessive, PRIO_TAGGER};
use super::places::tagged_place;
use super::{key_of, lexicon, person_spans, span, Found, Weak, What, Word};
use crate::model::{EntityType, PlaceKind};
use crate::tagger::TaggedSpan;
/// Spans from the learned sequence tagger (issue 9), as candidates with
/// [`PRIO_TAGGER`]: the merge keeps the longest span, so a tagger span that
/// covers more words than a rule's wins, and one that ties loses to lists,
/// the gazetteer and titles (measured: `cargo run --release --bin eval`).
/// A place the tagger finds is mapped when the gazetteer knows the name;
/// one it does not know at all is kept unmapped when the tagger is sure
/// enough ([`UNMAPPED_MIN`]: the development corpora name seas, mountains,
/// historical regions and villages the gazetteer lacks).
pub(super) fn learned_spans(words: &[Word], tagged: &[TaggedSpan], min_score: f32) -> Vec<Found> {
    let tagged = super::joined::split_joined(words, split_possessive_countries(words, tagged));
    let tagged = split_joined_places(words, tagged);
    let tagged = person_spans::split_titled_people(words, tagged);
    let tagged = super::abbreviations::take_in(words, tagged);
    let casing = std::cell::OnceCell::new();
    tagged
        .iter()
        .filter(|t| t.score >= min_score || t.score >= 0.3 && generational(words, t))
        .filter_map(|t| {
            // words are sorted by token index: binary search, not a scan
            let mut w0 = words.partition_point(|w| w.tok < t.start_token);
            let mut w1 = words.partition_point(|w| w.tok < t.end_token);
            // a detached one-letter proclitic ("لـ خراسان") is not the name;
            // a span of nothing else ("و" alone) is no candidate
            while w0 < w1 && words[w0].arabic && words[w0].key.chars().count() == 1 {
                w0 += 1;
            }
            if w0 == w1 {
                return None;
            }
            // a name does not run on past a closing bracket or a colon
            // ("وزارة الصحه : الرياض" is the ministry, then the city)
            if let Some(k) = (w0..w1 - 1).find(|&k| words[k].close_after) {
                w1 = k + 1;
            }
            // a month before a day is a date, not a person ("by Jan. 14":
            // with no publication date to read its year, the date scanner
            // leaves it, and the tagger read "Jan" as a name)
            if t.kind == EntityType::Person && w1 == w0 + 1 && month_before_day(words, w0) {
                return None;
            }
            let tagged_from = w0;
            // a title before a person's name is not the name ("الأمير محمد
            // بن سلمان", "الشيخ صبحي الطفيلي", "Doctor Jim Robertson")
            // nor is a pronoun's contraction before it ("For NPR news, I'm
            // Auncil Martinez reporting")
            while t.kind == EntityType::Person
                && w0 + 1 < w1
                && (person_spans::name_title(&words[w0]) || pronoun_contraction(&words[w0]))
            {
                w0 += 1;
            }
            // an English title phrase's words are no name ("Attorney" of
            // "Attorney General"); a body read from a title's last word is
            // the titled person ("Secretary of [State Madeleine Albright]")
            let (w0, tkind) = match person_spans::title_through(words, w0).filter(|_| !words[w0].arabic) {
                // ("a Justice official" is the department)
                Some(j) if j >= w1 && !words.get(w1).is_some_and(|n| !n.brk && !n.cap && !n.upper) => return None,
                Some(j) if t.kind == EntityType::Organization && person_spans::name_words(words, j, w1) => {
                    (j, EntityType::Person)
                }
                _ => (w0, t.kind),
            };
            // whose father or wife the text names is a person ("Elian
            // Gonzalez's father", read as a body)
            let kin = words.get(w1).is_some_and(|n| !n.brk && super::lists::en_kin().contains(&n.key));
            let tkind = if tkind == EntityType::Organization
                && ((kin && super::merge::possessive(&words[w1 - 1])) || titled_after(words, w1))
            {
                EntityType::Person
            } else {
                tkind
            };
            // a rank alone is no body ("[Attorney] General Janet Reno")
            if tkind == EntityType::Organization
                && !words[w0].arabic
                && words[w0..w1].iter().all(|w| super::lists::en_ranks().contains(&w.key))
            {
                return None;
            }
            let mut w0 = w0;
            // a body's or person's name glued by a hyphen to the capitalised
            // word before it starts there ("Anheuser-[Busch Cos.]",
            // "Prudential-[Bache Securities Inc.]"; "Iran-[Iraq] war" is two places)
            while tkind != EntityType::Place && w0 > 0 && words[w0].hyphen_before && hyphen_prefix(&words[w0 - 1]) {
                w0 -= 1;
            }
            // nor does an English name open with a capitalised function word
            // ("Both Coors and Stroh"; "The Hague" keeps its article)
            while w1 > w0 + 1
                && !words[w0].arabic
                && words[w0].key != "the"
                && words[w0 + 1].cap
                && crate::recognise::en_sentence_openers().contains(&words[w0].key)
            {
                w0 += 1;
            }
            // nor, in a headline, into an ordinary word written capitalised
            w1 = casing.get_or_init(|| super::headlines::Casing::of(words)).end(words, w0, w1);
            // A name does not run on into a trigger, a time word or a
            // function word ("محمد بن سلمان اتصالا هاتفيا"). An English
            // title word that ends a person's name is its surname ("John
            // Major", "Martin Luther King"): English titles come first.
            let surname = |k: usize| tkind == EntityType::Person && k + 1 == w1 && !words[k].arabic;
            // nor is a capitalised English head noun that ends a body's name
            // a trigger ("the Organisation of Islamic Conference")
            let head =
                |k: usize, w: &Word| tkind == EntityType::Organization && k + 1 == w1 && w.cap && w.f.en_org_head;
            if let Some(cut) = words.get(w0 + 1..w1).and_then(|ws| {
                ws.iter().enumerate().position(|(i, w)| {
                    (w.f.trigger || w.f.trigger_start) && !head(w0 + 1 + i, w)
                        || w.f.time
                        || w.f.ar_stop
                        || w.f.title && !surname(w0 + 1 + i)
                })
            }) {
                w1 = w0 + 1 + cut;
            }
            // nor across a dash ("WASHINGTON — Officials said": a dateline)
            let dash = words.get(w0 + 1..w1).and_then(|ws| ws.iter().position(|w| w.dash_before));
            if let Some(cut) = dash {
                w1 = w0 + 1 + cut;
            }
            if w1 <= w0 || w1 > words.len() || words[w0].f.ar_stop || words[w0].f.trigger {
                return None;
            }
            // nor is a word that opens sentences a name alone ("The", left of
            // a span cut at a sentence start)
            if w1 == w0 + 1 && !words[w0].arabic && crate::recognise::en_sentence_openers().contains(&words[w0].key) {
                return None;
            }
            // An Arabic name does not start at an adjective of the noun before
            // it ("المجموعة المصغرة للتحالف الدولي": the name is "التحالف
            // الدولي"), nor end in a past-tense plural verb ("جامعة القاهرة
            // زاروا").
            if w0 > 0 && w1 > w0 + 1 && adjective_after_head(&words[w0 - 1], &words[w0], &words[w0 + 1]) {
                w0 += 1;
            }
            while w1 > w0 + 1 && past_plural(&words[w1 - 1]) {
                w1 -= 1;
            }
            // an Arabic word that starts with a figure is a sum or a count
            // glued to its unit ("1.69مليار ريال"), never the start of a name
            if figure_first(&words[w0]) && words[w0].text.chars().any(crate::text::is_arabic) {
                return None;
            }
            // nor is the one word after a sum ("1.69مليار ريال", "89 مليون
            // ريال": the riyal, not Real Madrid) an organisation
            if tkind == EntityType::Organization
                && w1 == w0 + 1
                && w0 > 0
                && words[w0].arabic
                && !words[w0].brk
                && after_sum(&words[w0 - 1])
            {
                return None;
            }
            let mut titled = None;
            let mut owner = false;
            if tkind == EntityType::Person && !words[w0].arabic {
                // a document or policy named after someone or somewhere
                // ("the Camp David Accords") is no person
                if en_documents().contains(&words[w1 - 1].key) {
                    return None;
                }
                w0 = super::person_spans::person_start(words, w0);
                // one word before a capitalised word with a possessive: the
                // tagger stopped before the family name ("Willie Nelson's
                // car", "Frankie Dettori's mount"), unless a country's
                // ("Jordan's", "Syria's")
                if w1 == w0 + 1
                    && !possessive(&words[w0])
                    && words.get(w1).is_some_and(|n| {
                        !n.brk && n.cap && !n.upper && possessive(n) && country_possessive(n).is_none()
                    })
                {
                    w1 += 1;
                }
                // nor ends in a lower-case word ("Prince Harry spoke.": the
                // tagger ran on into the verb; "Kim In-so" keeps its hyphened part)
                while w1 > w0 + 1
                    && words[w1 - 1].tok == words[w1 - 2].tok + 1
                    && words[w1 - 1].text.chars().all(|c| c.is_ascii_lowercase())
                {
                    w1 -= 1;
                }
                // a possessive inside ends the name: "Rome's Gemelli
                // hospital" names Rome (its hospital is no person)
                if let Some(k) = (w0..w1 - 1).find(|&k| possessive(&words[k])) {
                    w1 = k + 1;
                    owner = true;
                }
                // "Queen Anne's County", "Prince Edward Island": the title
                // is the place's name
                if let Some((start, cands)) = super::town_phrases::titled_place(words, w0, w1) {
                    w0 = start;
                    titled = Some(cands);
                }
            }
            if tkind == EntityType::Person && words[w0].arabic {
                (w0, w1) = person_spans::arabic_edges(words, &tagged, w0, w1)?;
            }
            // the capitalised word right before an English "person" may open
            // a place's name the tagger cut ("San" + "Fernando Valley", "San"
            // + "Juan Bautista"), and an Arabic noun of place a town named
            // after a person ("مدينة" + "صباح الأحمد"): the whole, when it
            // names a place
            let opened = (tkind == EntityType::Person && titled.is_none() && w0 > 0)
                .then(|| (&words[w0 - 1], &words[w0]))
                .filter(|(p, w)| {
                    !w.brk
                        && if w.arabic {
                            p.arabic && p.reads_as(super::lists::ar_place_nouns())
                        } else {
                            !p.arabic && p.cap && !p.f.en_stop && !p.f.title
                        }
                })
                .and_then(|_| {
                    tagged_place(words, w0 - 1, w1).or_else(|| super::landforms::natural_feature(words, w0 - 1, w1))
                });
            if opened.is_some() {
                w0 -= 1;
            }
            let mut key = key_of(words, w0, w1, &words[w0].key);
            // A country's name alone is the country, not an organisation: the
            // English tagger calls "US" an organisation in "flew to the US"
            // and "US officials" (GeoVirus misses "US" 32 times); news
            // corpora mark national teams and governments named by their
            // country as places too.
            let country = titled.or(opened).or_else(|| match tkind {
                EntityType::Organization => country_name(words, w0, w1)
                    .or_else(|| super::town_phrases::cued_division(words, w0, w1))
                    .or_else(|| super::landforms::natural_feature(words, w0, w1))
                    .or_else(|| super::landforms::compass_town(words, w0, w1))
                    .or_else(|| super::town_phrases::county(words, w0, w1))
                    .or_else(|| super::town_phrases::listed_county(words, w0, w1))
                    .or_else(|| super::town_phrases::town_of_division(words, w0, w1))
                    .or_else(|| super::town_phrases::listed_town(words, &tagged, min_score, w0, w1))
                    .or_else(|| super::town_phrases::cued_town(words, w0, w1)),
                EntityType::Place => super::town_phrases::listed_county(words, w0, w1),
                EntityType::Person if owner => tagged_place(words, w0, w1),
                EntityType::Person => super::town_phrases::county(words, w0, w1)
                    .or_else(|| super::town_phrases::cued_division(words, w0, w1))
                    .or_else(|| super::town_phrases::listed_county(words, w0, w1))
                    .or_else(|| super::landforms::natural_feature(words, w0, w1))
                    .or_else(|| super::landforms::compass_town(words, w0, w1))
                    .or_else(|| super::town_phrases::town_of_division(words, w0, w1))
                    .or_else(|| super::town_phrases::listed_town(words, &tagged, min_score, w0, w1))
                    .or_else(|| super::town_phrases::cued_town(words, w0, w1)),
                _ => None,
            });
            if owner && country.is_none() {
                return None;
            }
            // what is left of a span cut at a dateline's dash, or a word in
            // capitals right before one, is the place the story was filed
            // from ("WASHINGTON —", "ATLANTA _")
            let dateline = (dash.is_some() || words.get(w1).is_some_and(|n| n.dash_before))
                && w1 == w0 + 1
                && words[w0].upper
                && words[w0].sent_start
                && tagged_place(words, w0, w1).is_some();
            // a company's legal form or line of business ends no person's
            // name ("Pirelli SpA", "Daniels Pharmaceuticals")
            // ("Jaguar PLC" read as a place too; "Orange Co." may be a county)
            let company = (tkind == EntityType::Person || (tkind == EntityType::Place && words[w1 - 1].key != "co"))
                && w1 >= w0 + 2
                && !words[w1 - 1].arabic
                && words[w1 - 1].cap
                && en_company_suffixes().contains(&words[w1 - 1].key);
            // nor is one that ends in an organisation's head noun a person
            // ("Princess Margaret Hospital", "Ashworth Institute"): the
            // body, its title word back in its name
            let body = tkind == EntityType::Person
                && country.is_none()
                && w1 >= w0 + 2
                && !words[w1 - 1].arabic
                && words[w1 - 1].cap
                && en_org_heads().contains(&words[w1 - 1].key);
            if body && tagged_from < w0 && words[tagged_from..w0].iter().all(|w| w.cap && w.f.title) {
                w0 = tagged_from;
                key = key_of(words, w0, w1, &words[w0].key);
            }
            // nor is one right after a lowercase noun of a kind of business
            // ("French banks Credit Lyonnais and Societe Generale")
            let after_noun = |w0: usize| {
                w0 > 0
                    && !words[w0].arabic
                    && !words[w0].brk
                    && !words[w0 - 1].cap
                    && super::lists::en_business_nouns().contains(&words[w0 - 1].key)
            };
            let apposed = tkind == EntityType::Person
                && (after_noun(w0)
                    || (w0 >= 2
                        && matches!(words[w0 - 1].key.as_str(), "and" | "or")
                        && (w0.saturating_sub(6)..w0 - 1)
                            .any(|s| after_noun(s) && words[s..w0 - 1].iter().all(|w| w.cap))));
            let company = company || body || apposed;
            let kind = if country.is_some() || dateline {
                EntityType::Place
            } else if company {
                EntityType::Organization
            } else {
                tkind
            };
            let (what, pre) = match kind {
                // a given name that is an ordinary word in a set phrase
                // ("حسن جوار", good neighbourliness; place_idioms.tsv), a
                // name in a list of companies ("أسهم شركات ... وزين وكيان")
                EntityType::Person if super::places::ordinary_here(words, w0, w1, &words[w0].key) => return None,
                EntityType::Person => {
                    let pre = conjunction(&words[w0])
                        .max(name_conjunction(&words[w0]))
                        .max(person_spans::coordinated_person(words, &tagged, w0))
                        .max(person_spans::proclitic_on_name(words, &tagged, w0, w1));
                    (What::Person { key: key_after(words, w0, w1, pre, key) }, pre)
                }
                EntityType::Organization => {
                    let pre = conjunction(&words[w0])
                        .max(super::joined::org_conjunction(words, w0))
                        .max(super::joined::foreign_conjunction(words, w0, w1))
                        .max(super::joined::proclitic_on_org(words, &tagged, w0));
                    // "وبنك الرياض" is the same body as "بنك الرياض", and
                    // "والأهلي" the same bank as "الأهلي"
                    (What::Org { curated: None, key: key_after(words, w0, w1, pre, key) }, pre)
                }
                EntityType::Place => {
                    let (cands, pre) = match country.or_else(|| tagged_place(words, w0, w1)) {
                        Some(found) => found,
                        None if unmapped_place(words, w0, w1, t.score) => {
                            (&[][..], conjunction(&words[w0]).max(super::joined::foreign_conjunction(words, w0, w1)))
                        }
                        None => return None,
                    };
                    let what =
                        What::Place { cands, key, dir: None, adj_country: None, settlement: false, weak: Weak::No };
                    (what, pre)
                }
                _ => return None,
            };
            let (start, end) = span(words, w0, w1, pre);
            let f = Found::new((w0, w1), (start, end), kind, what, PRIO_TAGGER);
            // no small town reached only through a final ه without a cue
            // ("يستقبل زواره", his visitors)
            (kind != EntityType::Place || !super::places::variant_minor(words, &f, true)).then_some(f)
        })
        .collect()
}

/// A capitalised English word that may open a hyphenated name: no stop
/// word, nationality or country ("Israeli-Palestinian", "U.S.-Iraqi").
fn hyphen_prefix(w: &Word) -> bool {
    !w.arabic
        && w.cap
        && w.key.chars().count() >= 3
        && !w.f.en_stop
        && !w.f.title
        && !super::is_demonym(w)
        && !country_first(crate::gazetteer::lookup(&w.key))
}

/// The word starts with a figure (its key has Arabic-Indic digits folded
/// to ASCII: "٨٩" → "89").
fn figure_first(w: &Word) -> bool {
    w.key.starts_with(|c: char| c.is_ascii_digit())
}

/// A figure or Arabic number word of a sum ("89", "1.69مليار", "مليون"),
/// not a year ("في 2015 داعش").
fn after_sum(w: &Word) -> bool {
    (figure_first(w) && (w.arabic || w.key.chars().filter(char::is_ascii_digit).count() != 4))
        || (w.arabic && super::lists::ar_quantities().contains(&w.key))
}

/// Lowest confidence at which a place the tagger found, whose name the
/// gazetteer does not know under any reading, is kept: highlighted and
/// listed, not mapped ("حصرون", "بحر الشمال", "North Sea"). Measured on the
/// development parts (`eval -- ner-ar-dev`, `ner-en-dev`), place F1 against
/// dropping them: Arabic 0.810 -> 0.841 at 0.5 (precision 0.861 -> 0.849;
/// 0.841 at 0.3 with precision 0.831, 0.830 at 0.7), English 0.919 ->
/// 0.932 (0.930 at 0.7). A name the gazetteer knows but the place test
/// doubts (a verb that is also a village's name, a stripped clitic) stays
/// out.
const UNMAPPED_MIN: f32 = 0.5;

/// Whether a place the tagger found that the gazetteer does not know is kept,
/// unmapped (see [`UNMAPPED_MIN`]).
fn unmapped_place(words: &[Word], w0: usize, w1: usize, score: f32) -> bool {
    score >= UNMAPPED_MIN
        && words[w0].readings.iter().all(|r| crate::gazetteer::lookup(&key_of(words, w0, w1, &r.key)).is_empty())
}

/// `w` is an adjective of the definite noun `head` before it, and no name
/// starts at it: both words carry the article, nothing stands between them,
/// `w` is no organisation head, and the word after it opens with a
/// preposition ("المجموعة المصغرة للتحالف", "الأمين العام للأمم").
fn adjective_after_head(head: &Word, w: &Word, next: &Word) -> bool {
    let definite = |w: &Word| w.arabic && w.key.starts_with("ال") && w.key.chars().count() > 3;
    definite(head)
        && definite(w)
        && !w.brk
        && !next.brk
        && !w.f.org_head
        && !head.f.title
        && next.arabic
        && next.key.chars().count() > 3
        && (next.key.starts_with("لل") || next.key.starts_with("بال"))
}

/// An Arabic past-tense verb of a plural subject ("انطلقوا", "أكدوا"), by
/// its ending: the word after a name that a name does not run on into.
/// Foreign names with the same ending ("فرانسوا") are given names.
pub(super) fn past_plural(w: &Word) -> bool {
    w.arabic && w.key.chars().count() >= 4 && w.key.ends_with("وا") && lexicon::is_given_name(&w.key).is_none()
}

/// The reading of English word `w` that is a country's possessive
/// ("Syria's", "Jordan's"), if it is one.
fn country_possessive(w: &Word) -> Option<&super::words::Reading> {
    (!w.arabic)
        .then(|| w.readings.iter().find(|r| r.post > 0 && country_first(crate::gazetteer::lookup(&r.key))))
        .flatten()
}

/// A tagger span that opens with a country's possessive ("Syria's Bashar
/// al-Assad", "Russia's Vladimir Putin") is two names: the country, and
/// what is left, a person when it starts with a given name (the English
/// tagger calls the whole an organisation or a person).
/// Borrowed as it is when nothing is split (most blocks).
fn split_possessive_countries<'t>(words: &[Word], tagged: &'t [TaggedSpan]) -> std::borrow::Cow<'t, [TaggedSpan]> {
    let mut out: Option<Vec<TaggedSpan>> = None;
    for (at, t) in tagged.iter().enumerate() {
        let w0 = words.partition_point(|w| w.tok < t.start_token);
        let w1 = words.partition_point(|w| w.tok < t.end_token);
        // the span's first word as a country's possessive ("Syria's")
        let owner = words.get(w0).and_then(country_possessive);
        let possessive = owner.filter(|_| w1 > w0 + 1);
        // the country's possessive alone before a title ("Jordan's King
        // Abdullah", read as an organisation after a dateline) is the country
        if w1 == w0 + 1
            && owner.is_some()
            && matches!(t.kind, EntityType::Person | EntityType::Organization)
            && words.get(w0 + 1).is_some_and(|n| !n.brk && (n.f.title || n.f.title_start))
        {
            let out = out.get_or_insert_with(|| tagged[..at].to_vec());
            out.push(TaggedSpan { kind: EntityType::Place, ..t.clone() });
            continue;
        }
        let titled = possessive.is_none() && titled_country(words, w0, w1);
        let owned = (possessive.is_none() && !titled && t.kind == EntityType::Organization)
            .then(|| owner_and_place(words, w0, w1))
            .flatten();
        if let Some((k, owner, rest)) = owned {
            let out = out.get_or_insert_with(|| tagged[..at].to_vec());
            if let Some(kind) = owner {
                out.push(TaggedSpan { end_token: words[k].tok + 1, kind, ..t.clone() });
            }
            out.push(TaggedSpan { start_token: words[k + 1].tok, kind: rest, ..t.clone() });
            continue;
        }
        if (possessive.is_none() && !titled) || !matches!(t.kind, EntityType::Person | EntityType::Organization) {
            if let Some(out) = &mut out {
                out.push(t.clone());
            }
            continue;
        }
        let out = out.get_or_insert_with(|| tagged[..at].to_vec());
        let rest = &words[w0 + 1];
        let person = titled || t.kind == EntityType::Person || lexicon::is_given_name(&rest.key).is_some();
        out.push(TaggedSpan {
            start_token: t.start_token,
            end_token: words[w0].tok + 1,
            kind: EntityType::Place,
            ..t.clone()
        });
        out.push(TaggedSpan {
            start_token: rest.tok,
            kind: if person { EntityType::Person } else { t.kind },
            ..t.clone()
        });
    }
    out.map_or(std::borrow::Cow::Borrowed(tagged), std::borrow::Cow::Owned)
}

/// A Latin-script tagger span of two names joined by "and" that the
/// gazetteer knows each as a whole, of two words or more, while it knows no
/// place by the whole span: two places ("[Statue of Liberty and Times
/// Square]", read as one body). A name of one place with "and" inside is
/// one key and stays whole ("Bosnia and Herzegovina", "Trinidad and
/// Tobago"); a one-word side is left to the tagger ("Marks and Spencer").
fn split_joined_places<'t>(
    words: &[Word],
    tagged: std::borrow::Cow<'t, [TaggedSpan]>,
) -> std::borrow::Cow<'t, [TaggedSpan]> {
    let known =
        |a: usize, b: usize| b >= a + 2 && !crate::gazetteer::lookup(&key_of(words, a, b, &words[a].key)).is_empty();
    let split_at = |t: &TaggedSpan| {
        let w0 = words.partition_point(|w| w.tok < t.start_token);
        let w1 = words.partition_point(|w| w.tok < t.end_token);
        if w1 < w0 + 5 || words[w0].arabic {
            return None;
        }
        let k = (w0 + 2..w1 - 2).find(|&k| words[k].key == "and" && !words[k].cap && !words[k].brk)?;
        (known(w0, k) && known(k + 1, w1) && !known(w0, w1)).then_some(k)
    };
    if !tagged.iter().any(|t| split_at(t).is_some()) {
        return tagged;
    }
    let mut out = Vec::with_capacity(tagged.len() + 1);
    for t in tagged.iter() {
        match split_at(t) {
            Some(k) => {
                out.push(TaggedSpan { end_token: words[k - 1].tok + 1, kind: EntityType::Place, ..t.clone() });
                out.push(TaggedSpan { start_token: words[k + 1].tok, kind: EntityType::Place, ..t.clone() });
            }
            None => out.push(t.clone()),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// An English organisation's span with a possessive inside, where one
/// side is a place: a notable place that owns what follows ("[New
/// Jersey]'s Newark International Airport"), or a town after an owner
/// before a lowercase noun ("the FBI's [Buffalo] office", "Elian's [Miami]
/// relatives"), or a body in capitals that owns a body ("the UN's World
/// Health Organisation"). Gives the possessive word and the kinds of the
/// two names; "McDonald's Corp." and "Moody's Investors Service" stay whole.
fn owner_and_place(words: &[Word], w0: usize, w1: usize) -> Option<(usize, Option<EntityType>, EntityType)> {
    let k = (w0..w1 - 1).find(|&k| !words[k].arabic && super::merge::possessive(&words[k]))?;
    let bare = |i: usize| super::bare_key(&words[i]);
    let owner_key =
        if k == w0 { bare(k).to_string() } else { format!("{} {}", key_of(words, w0, k, &words[w0].key), bare(k)) };
    if super::merge::notable_first(crate::gazetteer::lookup(&owner_key)) {
        return Some((k, Some(EntityType::Place), EntityType::Organization));
    }
    let town = w1 == k + 2
        && words.get(w1).is_some_and(|n| !n.brk && !n.arabic && !n.cap && !n.upper)
        && !crate::gazetteer::lookup(&words[k + 1].key).is_empty()
        && !en_org_heads().contains(&words[k + 1].key);
    // the owner a person when a given name, a body when in capitals ("the
    // FBI's"); else left to the rest of the article ("Elian's Miami
    // relatives": the boy named in full elsewhere)
    let owner = if k == w0 && lexicon::is_given_name(bare(k)).is_some() {
        Some(EntityType::Person)
    } else if words[w0..=k].iter().all(|w| {
        let bare = w.text.trim_end_matches("'s").trim_end_matches("’s");
        bare.chars().any(char::is_uppercase) && !bare.chars().any(char::is_lowercase)
    }) {
        Some(EntityType::Organization)
    } else {
        None
    };
    // a body in capitals owning a body named by its head ("the UN's World
    // Health Organisation", "the EU's European Medicines Agency"): two
    let body = k == w0
        && owner == Some(EntityType::Organization)
        && w1 >= k + 3
        && words[k + 1].cap
        && words[w1 - 1].cap
        && en_org_heads().contains(&words[w1 - 1].key);
    if body && !town {
        return Some((k, owner, EntityType::Organization));
    }
    town.then_some((k, owner, EntityType::Place))
}

/// The tagger's spans with a misc name "X-based" (which it reads as one
/// compound word: "Francisco-based") read as the place X, joined to a
/// place it read right before ("[San] [Francisco-based]"): the place a
/// company is based in. Borrows the spans when there is none.
pub(super) fn based_places<'t>(words: &[Word], tagged: &'t [TaggedSpan]) -> std::borrow::Cow<'t, [TaggedSpan]> {
    // the word "based" glued by a hyphen that ends a misc span
    let based = |t: &TaggedSpan| {
        let w1 = words.partition_point(|w| w.tok < t.end_token);
        let w0 = words.partition_point(|w| w.tok < t.start_token);
        (t.kind == EntityType::Event && w1 >= w0 + 2)
            .then(|| &words[w1 - 1])
            .filter(|w| w.key == "based" && w.hyphen_before && !w.arabic && words[w1 - 2].cap)
            .map(|_| words[w1 - 2].tok + 1)
    };
    if !tagged.iter().any(|t| based(t).is_some()) {
        return std::borrow::Cow::Borrowed(tagged);
    }
    let mut out: Vec<TaggedSpan> = Vec::with_capacity(tagged.len());
    for t in tagged {
        let Some(end) = based(t) else {
            out.push(t.clone());
            continue;
        };
        let place = TaggedSpan { end_token: end, kind: EntityType::Place, ..t.clone() };
        match out.last_mut() {
            // "San Francisco": the words between are none but spaces
            Some(p) if p.kind == EntityType::Place && p.end_token == t.start_token => p.end_token = end,
            _ => out.push(place),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether the tagger's person ends in a generational suffix after a
/// capitalised name ("John Smith III", which it reads with less
/// confidence than "John Smith"): no other kind of name ends in one.
fn generational(words: &[Word], t: &TaggedSpan) -> bool {
    let w0 = words.partition_point(|w| w.tok < t.start_token);
    let w1 = words.partition_point(|w| w.tok < t.end_token);
    t.kind == EntityType::Person
        && w1 >= w0 + 2
        && words[w0..w1].iter().all(|w| !w.arabic && (w.cap || w.upper))
        && super::lists::en_generationals().contains(&words[w1 - 1].key)
}

/// A span of capitalised English words that opens with a country's name
/// after a title and "of" ("Prime Minister of Georgia Zurab Zhvania",
/// "President of France Emmanuel Macron"): the country, then the titled
/// person.
fn titled_country(words: &[Word], w0: usize, w1: usize) -> bool {
    w0 >= 2
        && w1 > w0 + 1
        && words[w0 - 1].key == "of"
        && !words[w0].brk
        && !words[w0 - 1].brk
        && words[w0 - 2].f.title
        && words[w0..w1].iter().all(|w| !w.arabic && (w.cap || w.upper))
        && words[w0 + 1..w1].iter().all(|w| !w.brk)
        && country_first(crate::gazetteer::lookup(&words[w0].key))
}

/// An English name followed by a comma and the office its bearer holds
/// (a title among the next three lowercase words, no name after it: "SK
/// Sharif, senior deputy director of health services"): a person, though
/// read as a body ("Ford, chairman Alex Trotman" keeps the body).
fn titled_after(words: &[Word], w1: usize) -> bool {
    if !words.get(w1).is_some_and(|w| !w.arabic && w.comma_before) {
        return false;
    }
    // lowercase, and nothing between them but the comma before the first
    let plain = |k: usize| words.get(k).is_some_and(|w| (k == w1 || !w.brk) && !w.cap && !w.upper);
    (w1..w1 + 3)
        .take_while(|&k| plain(k))
        .any(|k| words[k].f.title && words.get(k + 1).is_none_or(|n| n.brk || !(n.cap || n.upper)))
}

/// The candidates of words `w0..w1` when they are exactly the name of a
/// country, a continent or a region ("Eastern Europe")
/// (written with capitals in Latin script; a name that is also a common
/// word, "US", only in capitals).
fn country_name(words: &[Word], w0: usize, w1: usize) -> Option<(&'static [u32], usize)> {
    let ws = &words[w0..w1];
    if ws.iter().any(|w| !w.arabic && !w.cap && !w.upper) {
        return None;
    }
    if ws.iter().all(|w| !w.arabic && w.upper) {
        let cands = crate::gazetteer::lookup(&key_of(words, w0, w1, &words[w0].key));
        if country_first(cands) {
            return Some((cands, 0));
        }
    }
    tagged_place(words, w0, w1)
        .filter(|(cands, _)| first_kind(cands, &[PlaceKind::Country, PlaceKind::Continent, PlaceKind::Region]))
}

/// Whether word `w` is an English month's name or abbreviation right before
/// a day of the month ("Jan. 14", "August 3").
fn month_before_day(words: &[Word], w: usize) -> bool {
    let day = |n: &Word| n.text.len() <= 2 && n.text.bytes().all(|b| b.is_ascii_digit());
    !words[w].arabic && crate::time::words::month(&words[w].key).is_some() && words.get(w + 1).is_some_and(day)
}

/// An English pronoun or stop word with a contracted verb: "I'm", "We're",
/// "It's", "There'll".
fn pronoun_contraction(w: &Word) -> bool {
    if w.arabic {
        return false;
    }
    let Some((head, tail)) = w.text.split_once(['\'', '’']) else { return false };
    ["m", "re", "ve", "ll", "d", "s"].contains(&tail.to_ascii_lowercase().as_str())
        && super::lists::en_stop().contains(&head.to_ascii_lowercase())
}
