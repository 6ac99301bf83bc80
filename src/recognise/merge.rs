//! The merge policy: source priorities, the learned tagger's spans as
//! candidates, and the greedy merge that keeps no overlap.
//!
//! The written policy, one per language ([`policy`], [`Policy::fills`]),
//! measured on the development parts with the `eval` bin:
//!
//! - Arabic, tagger loaded: dates first, then compass phrases around a
//!   place ("شمال شرقي سوريا", one place for the reader), then the tagger's
//!   spans (confidence 0.3 and up; a leading title is cut off a person:
//!   "الأمير محمد بن سلمان" → "محمد بن سلمان", and a proclitic when the
//!   rest is a given name or a word of a person named elsewhere in the
//!   article: "ونواز" → "نواز"; a blessing, "حفظه الله"; a plural noun
//!   before a surname named elsewhere, "قرارات العبادي" → "العبادي"; the
//!   development figures unchanged, the 50 Arabic articles' names linked
//!   to their person instead of standing apart). The rules only fill the
//!   gaps the tagger leaves: curated organisations, well-known people, and
//!   gazetteer places written with the article or after a settlement word
//!   ("العقبة", "مدينة ضمد"), never over the tagger's misc names ("حرب
//!   الخليج", "اليهود"). No titled people, given-name people or
//!   organisation patterns but one: an institution's head and its definite
//!   genitive ("مجلس الأمة", [`super::orgs::construct_org`]; organisation
//!   F1 0.681 -> 0.683 on the development parts, 14 more found, 32 more
//!   marked, most of the others bodies the corpora leave unmarked after a
//!   title or a building: "رئيس مجلس الوزراء", "مبنى وزارة الدفاع"), and
//!   no later head-noun links ("الحزب"). A
//!   town below 150,000 people reached only through a spelling variant
//!   (a proclitic ب ف ك ل stripped, a final ه read as ة: "بشوش",
//!   "بنكا", "زواره") fills no gap without a cue or the same name written
//!   plainly elsewhere in the article ([`super::places::variant_minor`]; on the
//!   development parts 5 false places fewer and one more found, places
//!   unchanged on IDRISI-D); nor does the tagger's place reached through
//!   the final ه ("يستقبل زواره", his visitors: one false place fewer on
//!   the development parts, IDRISI-D unchanged).
//! - English, tagger loaded: the same, with gazetteer places that are
//!   proper names in the gaps, and "the Coalition" linked to the Global
//!   Coalition.
//! - No tagger spans (models not loaded yet): the rules alone, longest
//!   first, then by source priority: dates, curated organisations,
//!   gazetteer places, compass places, titled people, organisation
//!   patterns, given-name people, capitalised runs.
//!
//! A tagger span over the same words as a curated organisation or a
//! well-known person takes the list's identity ("تنظيم الدولة" and "داعش"
//! one entity; a person over a listed organisation's words, "REUTER", too).
//!
//! Before the merge, Arabic: a gazetteer spelling that the gold corpora tag
//! far more often as an ordinary word ("الباب", "المالي", "فعالية";
//! `data/curated/ambiguous_places.tsv`, counted on the training parts) is
//! not a rule candidate unless a cue ("في", "إلى", "مدينة", "محافظة") or a
//! list of places ("عدن ولحج") supports it; the tagger's own span for it,
//! when there is one, competes as usual (the tagger is the other support).
//! A spelling the corpora never tag as a place ("التحالف", "الباب") needs
//! a noun of place ("مدينة الباب"); "في" alone is not enough. Neither the
//! rules nor the tagger mark a place in a phrase where the spelling is an
//! ordinary word (`data/curated/place_idioms.tsv`: "صلاة المغرب", "النيل
//! من", "على الصعيد"), a name alone in quotation marks after "لـ" or
//! "علمت" (a news outlet: "قال لـ«الرياض»"), a name read without the
//! article its word carries ("الجبلّة" is not Jableh), or, for the tagger,
//! what is left of its word once a proclitic is stripped ("كُرِّم" is not
//! ك + "رم"). See `places::ordinary_here`.

use super::{key_of, lexicon, Found, Weak, What, Word};
use crate::model::{EntityType, PlaceKind};
use crate::tagger::TaggedSpan;
use std::cmp::Reverse;

pub(super) const PRIO_DATE: u8 = 100;
pub(super) const PRIO_CURATED_ORG: u8 = 60;
pub(super) const PRIO_COMPANY_ORG: u8 = 58;
pub(super) const PRIO_KNOWN_PERSON: u8 = 55;
pub(super) const PRIO_PLACE: u8 = 50;
pub(super) const PRIO_DIR_PLACE: u8 = 45;
pub(super) const PRIO_TITLE_PERSON: u8 = 40;
pub(super) const PRIO_PATTERN_ORG: u8 = 35;
/// Where the learned tagger's spans rank among the rules' (see
/// [`policy`]): above the name heuristics, below lists, gazetteer and
/// titled names.
pub(super) const PRIO_TAGGER: u8 = 32;
pub(super) const PRIO_NAME_PERSON: u8 = 30;
pub(super) const PRIO_CAPS: u8 = 10;

/// More words are Arabic than Latin.
pub(super) fn lang_is_arabic(words: &[Word]) -> bool {
    // numbers, web addresses and @handles are no language's words: an
    // Arabic tweet with a link ("RT @user مصر تسجل 510 إصابات
    // https://t.co/...") is Arabic
    let latin = words.iter().filter(|w| !w.arabic && !w.link && w.text.chars().any(char::is_alphabetic)).count();
    words.iter().filter(|w| w.arabic).count() > latin
}

/// A word written with a preposition and the article ("بجدة" is not one,
/// "بالرياض", "للإرهاب", "كالعادة" are).
pub(super) fn preposition_article(w: &Word) -> bool {
    ["بال", "لل", "كال", "وبال", "ولل", "فبال", "فلل", "وكال"].iter().any(|p| w.key.starts_with(p))
        && w.key.chars().count() >= 5
}

/// Code points of a conjunction written onto a given name ("ومحمد" →
/// "محمد"): the word is not itself a given name ("وليد"), the rest is.
pub(super) fn name_conjunction(w: &Word) -> usize {
    let rest = w.key.strip_prefix(['و', 'ف']);
    match rest {
        Some(r) if lexicon::is_given_name(&w.key).is_none() && lexicon::is_given_name(r).is_some() => 1,
        _ => 0,
    }
}

/// The key of words `w0..w1` without the `pre` letters the mention leaves
/// out of its first word (a conjunction), `key` when nothing is left out.
pub(super) fn key_after(words: &[Word], w0: usize, w1: usize, pre: usize, key: String) -> String {
    match words[w0].readings.iter().find(|r| pre > 0 && r.pre == pre) {
        Some(r) => key_of(words, w0, w1, &r.key),
        None => key,
    }
}

/// Code points of a conjunction written onto the first word of a name the
/// tagger found ("والاتحاد الأفريقي" → "الاتحاد الأفريقي"); it stays
/// outside the span. Only before the article: "وزارة" keeps its و. A
/// foreign name that starts so and that the name or club lists know
/// whole keeps it too ("والتر شتاينماير", "فالنسيا").
pub(super) fn conjunction(w: &Word) -> usize {
    let mut cs = w.text.chars();
    match (cs.next(), cs.next(), cs.next()) {
        (Some('و' | 'ف'), Some('ا' | 'أ' | 'إ'), Some('ل')) if w.text.chars().count() >= 5 && !known_whole(w) => {
            1
        }
        _ => 0,
    }
}

/// Whether the lists know Arabic word `w` as written: a person's name or
/// the first word of a club's.
pub(super) fn known_whole(w: &Word) -> bool {
    crate::tagger::Lists::get().is_name_word(&w.key) || !super::lexicon::clubs().get(&w.key).is_empty()
}

/// Two Arabic person names side by side, nothing between them, are one
/// name: the tagger splits a joined compound ("عبدربه" + "منصور هادي").
/// A conjunction on the second ("ومحمد", "والشيخ") keeps them apart.
/// `found` is sorted by start.
pub(super) fn join_adjacent_people(words: &[Word], found: &mut Vec<Found>) {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for mut f in found.drain(..) {
        // a given name right before a person's name is its first part
        // ("علي عبدالله صالح"), but not after a title or across a break
        let before = f.w0.checked_sub(1).and_then(|i| words.get(i).map(|w| (i, w)));
        if let Some((i, w)) = before
            .filter(|(i, _)| f.kind == EntityType::Person && f.link.is_none() && out.last().is_none_or(|p| p.w1 <= *i))
        {
            // ("علي" where the text writes "على" apart: [`super::words`])
            let given = w.f.given.is_some_and(|g| !g.ambiguous);
            let next = &words[f.w0];
            if w.arabic && given && !next.brk && !next.quote_before && !next.key.starts_with(['و', 'ف']) {
                if let What::Person { key } = &mut f.what {
                    *key = format!("{} {key}", w.key);
                }
                f.w0 = i;
                f.start = w.start;
            }
        }
        if let Some(prev) = out.last_mut() {
            let person = |x: &Found| x.kind == EntityType::Person && x.link.is_none() && !x.demonym;
            let joined = words.get(f.w0).is_some_and(|w| {
                w.arabic && !w.brk && !w.quote_before && !w.key.starts_with(['و', 'ف']) && name_conjunction(w) == 0
            });
            if person(prev) && person(&f) && f.w0 == prev.w1 && joined {
                absorb_person(prev, &f);
                continue;
            }
        }
        out.push(f);
    }
    *found = out;
}

/// Person `next`, right after person `prev`, made part of its name.
pub(super) fn absorb_person(prev: &mut Found, next: &Found) {
    if let (What::Person { key }, What::Person { key: rest }) = (&mut prev.what, &next.what) {
        key.push(' ');
        key.push_str(rest);
    }
    prev.w1 = next.w1;
    prev.end = next.end;
}

/// How rules, lists and the tagger combine for one text: the measured
/// policy per language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Policy {
    /// The tagger's spans are taken first (after dates): a rule's span
    /// overlapping one of them, or one of the tagger's misc names ("حرب
    /// الخليج", "World Cup"), is dropped; the rules that [`Policy::fills`]
    /// admits then fill the gaps. Given-name people and capitalised runs
    /// are left out.
    pub tagger_leads: bool,
    /// Organisation patterns (وزارة/منظمة + complement, "Ministry of")
    /// propose names.
    pub pattern_orgs: bool,
    /// Lowest tagger confidence kept (the lowest per-token probability of
    /// the chosen tags over the span).
    pub min_score: f32,
    /// Arabic text (the gap rules differ per language).
    pub arabic: bool,
    /// A later bare head noun of a curated organisation ("the Coalition",
    /// "التحالف") is linked to it. In Arabic the link is a reference, not
    /// a name ([`Found::reference`]): the news corpora do not mark "الحزب"
    /// after "حزب الله" (scored as names, the links cost organisation F1
    /// 0.622 -> 0.597 on the development parts), and a reader of the
    /// default article saw 3 of its 13 "التحالف" linked.
    pub link_org_heads: bool,
}

impl Policy {
    /// Whether a rule candidate may fill a gap the tagger left, when the
    /// tagger leads: the sources measured to add more right names than
    /// wrong ones on the development parts, or that a reader needs.
    /// Curated organisations and well-known people in both languages, an
    /// Arabic institution's head with its genitive ("مجلس الأمة");
    /// gazetteer places in Arabic only when written with the article
    /// ("العقبة", "في الموصل"), a curated site or landmark ("برج إيفل",
    /// "المسجد الحرام": a name chosen for it), after a settlement word ("مدينة ضمد") or
    /// another noun of place ("محافظة رفحاء": [`Weak::Named`]) or a
    /// common word the place test still accepts ("الساحل"), in English when
    /// a proper name or such a common word; compass phrases (ranked above
    /// the tagger in [`merge`]). Titled people are left out: after a title
    /// the next word is as often "تحرير" or "جهاز" as a name the tagger
    /// missed (development parts: 132 wrong, 9 right).
    pub fn fills(&self, f: &Found) -> bool {
        if !self.tagger_leads || f.kind == EntityType::Date {
            return true;
        }
        match (&f.what, f.prio) {
            (_, PRIO_CURATED_ORG | PRIO_COMPANY_ORG | PRIO_KNOWN_PERSON) => true,
            (What::Org { .. }, PRIO_PATTERN_ORG) => self.arabic && !self.pattern_orgs,
            // a compass phrase around a place: ranked above the tagger (see merge)
            (What::Place { .. }, PRIO_DIR_PLACE) => true,
            (What::Place { weak, settlement, cands, .. }, _) if self.arabic => {
                *settlement
                    || matches!(
                        weak,
                        Weak::Definite | Weak::DefiniteLocative | Weak::Common | Weak::Hashtag | Weak::Named
                    )
                    || (matches!(weak, Weak::No | Weak::Indefinite) && notable_first(cands))
                    // a curated site or landmark ("برج إيفل", "المسجد الحرام")
                    || (!matches!(weak, Weak::Adjective) && first_kind(cands, &[PlaceKind::Site]))
            }
            (What::Place { weak, .. }, _) => matches!(weak, Weak::No | Weak::Common | Weak::Hashtag),
            _ => false,
        }
    }
}

/// Whether the first (most likely) candidate is a notable place: a
/// country, region, capital, first-level division or large city
/// ([`crate::gazetteer::Place::notable`]).
pub(super) fn notable_first(cands: &[u32]) -> bool {
    cands.first().and_then(|&i| crate::gazetteer::places().get(i as usize)).is_some_and(|p| p.notable)
}

/// Whether the first (most likely) candidate is a country.
pub(super) fn country_first(cands: &[u32]) -> bool {
    first_kind(cands, &[PlaceKind::Country])
}

/// Whether the first (most likely) candidate is of one of `kinds`.
pub(super) fn first_kind(cands: &[u32], kinds: &[PlaceKind]) -> bool {
    cands.first().and_then(|&i| crate::gazetteer::places().get(i as usize)).is_some_and(|p| kinds.contains(&p.kind))
}

/// An English word written with a possessive ("Rome's", "Kenya’s").
pub(super) fn possessive(w: &Word) -> bool {
    !w.arabic && (w.text.ends_with("'s") || w.text.ends_with("’s")) && w.readings.iter().any(|r| r.post > 0)
}

/// The policy for a text, from its words and what the tagger found.
///
/// Measured on the development parts (`cargo run --release --bin eval --
/// ner-ar-dev`: NewsFANE, ANERcorp, WikiFANE and Wojood pooled; `ner-en-dev`:
/// CoNLL-2003 testa), micro F1 of the merge against the tagger alone:
///
/// - Arabic, with the tagger: it leads, kept down to confidence 0.3, the
///   rules fill only the gaps [`Policy::fills`] admits. The former policy
///   (curated bodies, compass phrases, titled people and places after a
///   settlement word ranked above the tagger; every rule in the gaps)
///   scored 0.676 against the tagger's 0.725: titles cut names ("الرئيس
///   جمال" for "جمال عبد الناصر"), compass phrases took the country the
///   corpora mark ("العراق" in "شمال العراق"), and the gaps filled with
///   adjectives and events ("الجبهة السورية", "حرب الخليج"). The tagger
///   winning every overlap with the admitted gaps: 0.728 (place 0.801),
///   0.712 with the compass phrases kept whole (the corpora mark the
///   country alone) and the common-word places a reader is shown
///   ("الساحل"): person 0.711, organisation 0.600, place 0.757, against
///   the tagger's own spans (with the same person guards) 0.710, 0.597,
///   0.797.
/// - English, with the tagger: the same, without the organisation
///   patterns: 0.872, person 0.891, organisation 0.817, place 0.894 (the
///   former policy 0.867; the tagger alone 0.874: 0.892, 0.815, 0.899;
///   0.879 before the compass phrases).
/// - No tagger (its weights not loaded yet): the rules alone, with the
///   organisation patterns and given-name people. A tagger that ran and
///   found nothing still leads: its silence on "زار الأمير محافظة رفحاء"
///   is not a licence for the title rule to make a person of the
///   governorate.
pub(super) fn policy(words: &[Word], tagger_ran: bool) -> Policy {
    let arabic = lang_is_arabic(words);
    if !tagger_ran {
        Policy { tagger_leads: false, pattern_orgs: true, min_score: 0.5, arabic, link_org_heads: true }
    } else if arabic {
        Policy { tagger_leads: true, pattern_orgs: false, min_score: 0.3, arabic, link_org_heads: true }
    } else {
        Policy { tagger_leads: true, pattern_orgs: false, min_score: 0.5, arabic, link_org_heads: true }
    }
}

/// Word ranges of the tagger's misc names (see [`TaggedSpan::kind`]) it is
/// as sure of as of the names it may mark (a lone "Canada's" read as misc
/// at 0.36 kept the country off the map).
pub(super) fn misc_ranges(words: &[Word], tagged: &[TaggedSpan], min_score: f32) -> Vec<(usize, usize)> {
    tagged
        .iter()
        .filter(|t| t.kind == EntityType::Event && t.score >= min_score)
        .map(|t| (words.partition_point(|w| w.tok < t.start_token), words.partition_point(|w| w.tok < t.end_token)))
        // a church or mosque named after its town is the building's name,
        // not a misc name over the town ("كنيسة الأحمدي"); nor is a name
        // after "A" ("A Versailles woman") a misc name
        .filter(|&(a, b)| a < b && words[a].key != "a" && !words[a].reads_as(super::lists::ar_facility_body()))
        .collect()
}

/// A tagger span over the same words as a curated organisation or a
/// well-known person takes the list's identity and its clitic-free span
/// ("لتنظيم داعش" → "تنظيم داعش", the same entity as "تنظيم الدولة").
fn adopt_identities(cands: &mut [Found]) {
    let known: Vec<Found> = cands
        .iter()
        .filter(|f| matches!(f.what, What::KnownPerson(_) | What::Org { curated: Some(_), .. }))
        .cloned()
        .collect();
    if known.is_empty() {
        return;
    }
    for f in cands.iter_mut().filter(|f| f.prio == PRIO_TAGGER) {
        // a tagger person over a listed organisation's words is that
        // organisation ("REUTER" in a headline)
        if let Some(k) = known.iter().find(|k| {
            k.w0 == f.w0
                && k.w1 == f.w1
                && (k.kind == f.kind || (f.kind == EntityType::Person && k.kind == EntityType::Organization))
        }) {
            f.kind = k.kind;
            f.what = k.what.clone();
            f.start = k.start;
            f.end = k.end;
        }
    }
}

/// A site the gazetteer names in two words or more (a listed landmark:
/// "كامب ديفيد", "Fort Hood") that the tagger read, whole or in part, as a
/// person or an organisation: the site, whose name the tagger has seldom
/// seen ("قمة كامب ديفيد" gave the person "ديفيد").
fn named_site(c: &Found, cands: &[Found]) -> bool {
    c.prio == PRIO_PLACE
        && c.w1 > c.w0 + 1
        && matches!(&c.what, What::Place { cands, .. } if first_kind(cands, &[PlaceKind::Site]))
        && tagger_found_all(c, cands, |t| c.w0 <= t.w0 && t.w1 <= c.w1 && t.kind != EntityType::Place)
}

/// Whether the tagger found something over `c`'s words, and everything it
/// found there is `ok`.
fn tagger_found_all(c: &Found, cands: &[Found], ok: impl FnMut(&Found) -> bool) -> bool {
    let mut over = cands.iter().filter(|t| t.prio == PRIO_TAGGER && t.w0 < c.w1 && c.w0 < t.w1).peekable();
    over.peek().is_some() && over.all(ok)
}

/// Longer spans (in words, then code points) first, then priority, then
/// earlier; keep what does not overlap anything kept.
pub(super) fn merge(mut cands: Vec<Found>, tagger_first: bool) -> Vec<Found> {
    // Dates first; then the tagger's spans when it leads (the rules
    // admitted by the policy fill what is left), else the rules and the
    // tagger in the gaps. Within a tier the longest span wins.
    if tagger_first {
        adopt_identities(&mut cands);
    }
    // a listed organisation of two words or more around the tagger's
    // pieces of it ("مصرف الراجحي" over the tagger's "الراجحي", "البنك
    // السعودي الفرنسي" over "البنك السعودي" + "الفرنسي"); one that crosses a
    // tagger span stays below it
    // a country's or a division's name of several words around the
    // tagger's places inside it ("Democratic Republic of the Congo" over
    // "Democratic Republic" + "Congo") likewise, in Latin script (in Arabic
    // it cost the pooled development parts one name: 0.757 -> 0.756)
    let whole_area = |c: &Found| {
        c.prio == PRIO_PLACE
            && matches!(&c.what, What::Place { cands, key, .. }
                if key.starts_with(|ch: char| ch.is_ascii_alphabetic())
                    && first_kind(cands, &[PlaceKind::Country, PlaceKind::Province, PlaceKind::Region]))
            && tagger_found_all(c, &cands, |t| t.kind == EntityType::Place)
    };
    let around: Vec<(usize, usize)> = if tagger_first {
        cands
            .iter()
            .filter(|c| {
                (c.prio == PRIO_CURATED_ORG || whole_area(c) || super::landforms::particle_name(c)) && c.w1 > c.w0 + 1
            })
            .filter(|c| {
                cands
                    .iter()
                    .filter(|t| t.prio == PRIO_TAGGER && t.w0 < c.w1 && c.w0 < t.w1)
                    .all(|t| c.w0 <= t.w0 && t.w1 <= c.w1 && (t.w0, t.w1) != (c.w0, c.w1))
            })
            .map(|c| (c.start, c.end))
            .chain(cands.iter().filter(|c| named_site(c, &cands)).map(|c| (c.start, c.end)))
            .collect()
    } else {
        Vec::new()
    };
    let tier = |f: &Found| -> u8 {
        if f.kind == EntityType::Date {
            4
        } else if tagger_first
            && ((f.kind == EntityType::Place && f.prio == PRIO_DIR_PLACE)
                || f.prio == PRIO_COMPANY_ORG
                || (matches!(f.prio, PRIO_CURATED_ORG | PRIO_PLACE) && around.contains(&(f.start, f.end))))
        {
            // a compass phrase ("شمال شرقي سوريا", "northern Iraq") is one
            // place for the reader, around the tagger's country inside it;
            // "مصر للطيران" is a company around the tagger's country
            3
        } else if tagger_first
            && f.prio == PRIO_TAGGER
            && matches!(&f.what, What::Place { cands, .. } if cands.is_empty())
        {
            // an unmapped place yields to a mapped one the rules found
            // over the same words (GeoVirus: 44 fewer places found else)
            0
        } else if tagger_first {
            1 + u8::from(f.prio == PRIO_TAGGER)
        } else {
            1 + u8::from(f.prio != PRIO_TAGGER)
        }
    };
    crate::sort::sort_by_key(&mut cands, |f| {
        let words = if f.kind == EntityType::Date { usize::MAX } else { f.w1.wrapping_sub(f.w0) };
        (Reverse(tier(f)), Reverse(words), Reverse(f.prio), Reverse(f.end.wrapping_sub(f.start)), f.start)
    });
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for c in cands {
        if c.end <= c.start {
            continue;
        }
        let pos = taken.partition_point(|&(_, e)| e <= c.start);
        if taken.get(pos).is_some_and(|&(s, _)| s < c.end) {
            continue;
        }
        taken.insert(pos, (c.start, c.end));
        out.push(c);
    }
    out
}
