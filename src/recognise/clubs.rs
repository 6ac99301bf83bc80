//! Arabic sports clubs: in a match report "روما" is the club, in a
//! political story the city; "الهلال", "النصر" and "الاتحاد" are clubs
//! on the sports page and a crescent, a victory and a union elsewhere.
//! The Arabic counterpart of [`super::sports`], which reads English
//! results lines.
//!
//! The clubs are the rows of `data/curated/clubs.tsv`; a name only a club
//! bears ("يوفنتوس") is the club wherever written. A name that is also a
//! town or a common word is the club when the text says so:
//!
//! - a club noun right before it ("نادي الاتحاد", "لاعبو الهلال", "مدرب
//!   روما": `ar_club_noun` of `data/curated/recognise_words.tsv`);
//! - a masculine nationality adjective right after it ("روما الإيطالي",
//!   "الهلال السعودي"): the adjective agrees with the club (نادٍ, masculine),
//!   while a town takes the feminine ("ميلانو الإيطالية"). Not for a name
//!   that is itself an organisation's head noun ("الاتحاد السعودي" is the
//!   national federation), and for a common word only its club's country's
//!   adjective outside a sports story ("الشباب المصري" is Egypt's youth);
//!   never after the name of a competition ("كأس الاتحاد": `ar_competition`);
//! - in a sports story (at least [`SPORT_WORDS`] words of `ar_sport_word`:
//!   "مباراة", "الدوري", "لاعب"), a match word right before it ("أمام
//!   الهلال", "مواجهة النصر": `ar_match_word`);
//! - and, once a club is named so in the story, its other mentions, unless
//!   the word governs the next one ("الاتحاد الأوروبي") or a feminine
//!   nationality adjective follows it. In a sports story a town's name is
//!   the club also without a cue, but after a locative or a noun of place
//!   ("في روما", "مدينة روما": the town the match is played in).
//!
//! The pass also trims a nationality adjective off a club's name read with
//! it ("نادي ليون الفرنسي" → "نادي ليون", "ميلان الإيطالي" → "ميلان"): the
//! adjective describes the club, and news corpora mark the name alone.
//! National teams ("منتخب البرازيل", "المنتخب الإيطالي") are the team, an
//! organisation, with the country nested in it ([`super::org_places`]).

use super::lexicon::{self, ClubName};
use super::lists::{ar_club_nouns, ar_competitions, ar_locatives, ar_match_words, settlement_words};
use super::merge::{country_first, PRIO_CURATED_ORG};
use super::{is_demonym, longest_at, span, Found, What, Word};
use crate::model::EntityType;

/// Words of sport a story needs before a town's name alone reads as its
/// club, and before a match word makes a name one.
const SPORT_WORDS: usize = 3;

/// Whether some reading of `w` (its proclitics stripped) is in `set`.
fn reads_as(w: &Word, set: &lexicon::WordSet) -> bool {
    w.arabic && w.reads_as(set)
}

/// A masculine nationality adjective ("الإيطالي"), written without a
/// proclitic.
fn masculine_adjective(w: &Word) -> bool {
    w.arabic && !w.brk && is_demonym(w) && w.key.starts_with("ال") && w.key.ends_with('ي')
}

fn feminine_adjective(w: &Word) -> bool {
    w.arabic && !w.brk && is_demonym(w) && w.key.ends_with("يه")
}

/// A listed club's name at words `a..b`.
struct Named {
    a: usize,
    b: usize,
    pre: usize,
    club: lexicon::Club,
    key: String,
}

/// The listed clubs' names in `words`.
fn named(words: &[Word]) -> Vec<Named> {
    let index = lexicon::clubs();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let hit = w.f.club_start.then(|| longest_at(index, words, i)).flatten();
        match hit {
            Some((ri, j, hits)) if !hits.is_empty() => {
                let (key, club) = &hits[0];
                out.push(Named { a: i, b: j, pre: w.readings[ri].pre, club: *club, key: key.clone() });
                i = j;
            }
            _ => i += 1,
        }
    }
    out
}

/// Whether the name at `n` reads as the club here, from its own context
/// (`None`: only when the story names the club so elsewhere).
fn cued(words: &[Word], n: &Named, sport: bool) -> Option<bool> {
    let before = n.a.checked_sub(1).map(|k| &words[k]).filter(|_| !words[n.a].brk);
    let after = words.get(n.b).filter(|w| !w.brk);
    if after.is_some_and(feminine_adjective) {
        return Some(false);
    }
    // "الاتحاد السعودي" is the national federation; "كأس الاتحاد" a cup
    let head = words[n.a].f.org_head && n.b == n.a + 1;
    let adjective = after.filter(|w| masculine_adjective(w));
    if (head && adjective.is_some()) || before.is_some_and(|w| reads_as(w, ar_competitions())) {
        return Some(false);
    }
    // a common word takes the club's own country's adjective ("الهلال
    // السعودي"), or any in a sports story; "الشباب المصري" is Egypt's youth
    let own = adjective.is_some_and(|w| {
        n.club.kind != ClubName::Word || sport || w.f.demonym.is_some_and(|c| c.eq_ignore_ascii_case(n.club.country))
    });
    if before.is_some_and(|w| reads_as(w, ar_club_nouns()))
        || own
        || (sport && before.is_some_and(|w| reads_as(w, ar_match_words())))
    {
        return Some(true);
    }
    match n.club.kind {
        ClubName::Club => Some(true),
        ClubName::Town => {
            // "في روما", "وفي روما", "مدينة روما", "ومدينة روما" (a word
            // read with its proclitics stripped: the first reading is the
            // word itself), and "بالرياض" (ب, "in"): the town the match is
            // played in
            let placed = before.is_some_and(|w| reads_as(w, ar_locatives()) || reads_as(w, settlement_words()))
                || (n.pre > 0 && words[n.a].text.starts_with('ب'));
            if placed {
                Some(false)
            } else {
                (sport && !governs(words, n)).then_some(true)
            }
        }
        ClubName::Word => None,
    }
}

/// The name governs the next word ("الاتحاد الأوروبي", "الهلال الأحمر"):
/// another name's beginning, not the club.
fn governs(words: &[Word], n: &Named) -> bool {
    words.get(n.b).is_some_and(|w| w.arabic && !w.brk && w.key.starts_with("ال") && !is_demonym(w))
}

/// Marks the clubs of an Arabic story as organisations (see the module
/// notes), in place of the places, people or nothing read on their words,
/// and trims nationality adjectives off clubs' names.
pub(super) fn mark(words: &[Word], accepted: &mut Vec<Found>) {
    trim_adjectives(words, accepted);
    national_teams(words, accepted);
    let names = named(words);
    if names.is_empty() {
        return;
    }
    let sport = words.iter().filter(|w| w.f.sport).take(SPORT_WORDS).count() >= SPORT_WORDS;
    let cues: Vec<Option<bool>> = names.iter().map(|n| cued(words, n, sport)).collect();
    let named_so: Vec<&str> =
        names.iter().zip(&cues).filter(|(_, c)| **c == Some(true)).map(|(n, _)| n.club.org.id).collect();
    for (n, cue) in names.iter().zip(cues) {
        let club = match cue {
            Some(c) => c,
            None => named_so.contains(&n.club.org.id) && !governs(words, n),
        };
        if club {
            mark_club(words, n, accepted);
        }
    }
    super::by_position(accepted);
}

/// Marks the club at `n`, also over an organisation read on its words
/// alone (one entity for "بيتيس" however found), unless one that runs past
/// them holds its name ("الاتحاد الأوروبي", "نادي الاتحاد").
fn mark_club(words: &[Word], n: &Named, accepted: &mut Vec<Found>) {
    let (a, b) = (n.a, n.b);
    let over = |f: &Found| f.kind != EntityType::Date && f.w0 < b && a < f.w1;
    if accepted.iter().any(|f| over(f) && (f.w0 < a || f.w1 > b) && f.kind == EntityType::Organization) {
        return;
    }
    // a person that runs past the name is another name
    if accepted.iter().any(|f| over(f) && (f.w0 < a || f.w1 > b) && f.kind == EntityType::Person) {
        return;
    }
    accepted.retain(|f| !over(f));
    let what = What::Org { curated: Some(n.club.org), key: n.key.clone() };
    accepted.push(Found::new((a, b), span(words, a, b, n.pre), EntityType::Organization, what, PRIO_CURATED_ORG));
}

/// A club's name read with the nationality adjective after it ("نادي ليون
/// الفرنسي", "ميلان الإيطالي") ends before the adjective: an organisation
/// that opens with a club noun, or is a listed club, and ends in a
/// masculine nationality adjective.
fn trim_adjectives(words: &[Word], accepted: &mut [Found]) {
    let index = lexicon::clubs();
    for f in accepted.iter_mut().filter(|f| f.kind == EntityType::Organization && f.w1 >= f.w0 + 2) {
        let last = &words[f.w1 - 1];
        if !masculine_adjective(last) {
            continue;
        }
        let first = &words[f.w0];
        let club_noun = f.w1 >= f.w0 + 3 && first.readings.iter().any(|r| r.key.as_str() == "نادي");
        let listed = longest_at(index, words, f.w0).is_some_and(|(_, j, _)| j == f.w1 - 1);
        if club_noun || listed {
            f.w1 -= 1;
            f.end = words[f.w1 - 1].end;
            if let What::Org { key, .. } = &mut f.what {
                if let Some((k, _)) = key.rsplit_once(' ') {
                    *key = k.to_string();
                }
            }
        }
    }
}

/// "منتخب البرازيل", "لمنتخب إنجلترا", "المنتخب الإيطالي": the national
/// team, an organisation, over the country's place or nationality word.
fn national_teams(words: &[Word], accepted: &mut Vec<Found>) {
    let mut teams = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(r) = w.readings.iter().find(|r| matches!(r.key.as_str(), "منتخب" | "المنتخب")) else {
            continue;
        };
        let Some(next) = words.get(i + 1).filter(|n| n.arabic && !n.brk) else { continue };
        let end = if r.key.as_str() == "منتخب" {
            let country = accepted.iter().find(|f| {
                f.w0 == i + 1
                    && f.kind == EntityType::Place
                    && matches!(&f.what, What::Place { cands, .. } if country_first(cands))
            });
            match country {
                Some(f) => f.w1,
                None => continue,
            }
        } else if masculine_adjective(next) {
            i + 2
        } else {
            continue;
        };
        let taken = accepted.iter().any(|f| {
            f.kind != EntityType::Date
                && f.w0 < end
                && i < f.w1
                && (f.kind != EntityType::Place || f.w0 < i + 1 || f.w1 > end)
        });
        if !taken {
            teams.push((i, end, r.pre));
        }
    }
    for (a, b, pre) in teams {
        let key = super::key_of(words, a, b, words[a].readings.iter().find(|r| r.pre == pre).map_or("", |r| &r.key));
        super::put_org(accepted, (a, b), span(words, a, b, pre), key, PRIO_CURATED_ORG);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs(text: &str) -> Vec<String> {
        let all = super::super::marked_by(text, mark);
        all.into_iter().filter(|(_, kind)| *kind == EntityType::Organization).map(|(t, _)| t).collect()
    }

    #[test]
    fn towns_and_words_are_clubs_only_with_evidence() {
        assert_eq!(orgs("وصل الرئيس إلى روما أمس"), Vec::<String>::new());
        assert_eq!(orgs("انتقل اللاعب إلى نادي روما الإيطالي"), ["روما"]);
        assert_eq!(orgs("فاز ميلان الإيطالي"), ["ميلان"]);
        assert_eq!(orgs("زار ميلانو الإيطالية"), Vec::<String>::new());
        // the federation, not the club
        assert_eq!(orgs("أعلن الاتحاد السعودي لكرة القدم"), Vec::<String>::new());
        // named a club once, the club elsewhere in the story
        assert_eq!(orgs("الاتحاد يبدأ التحضير. وصل مدرب الاتحاد أمس"), ["الاتحاد", "الاتحاد"]);
        // a sports story: a match word makes the club, a town needs none
        let t = "قبل مواجهة الهلال في المباراة النهائية. وقال اللاعب إن المباراة صعبة أمام روما في روما";
        assert_eq!(orgs(t), ["الهلال", "روما"]);
        assert_eq!(orgs("حقق النصر في المعركة"), Vec::<String>::new());
        // a common word with another country's adjective, a cup's name
        assert_eq!(orgs("مثل كل الشباب المصري في ذلك الوقت"), Vec::<String>::new());
        assert_eq!(orgs("فاز الهلال السعودي بكأس الاتحاد"), ["الهلال"]);
        assert_eq!(orgs("لاعب الاتحاد. وفاز بكأس الاتحاد السعودي"), ["الاتحاد"]);
        // a locative with a proclitic still makes the town: "وفي روما"
        let t = "انتهت المباراة بالتعادل في الدوري. وقال اللاعب: وفي روما لعبنا جيدا";
        assert_eq!(orgs(t), Vec::<String>::new());
        assert_eq!(orgs("انتهت المباراة بالتعادل في الدوري. وقال اللاعب إن روما لعب جيدا"), ["روما"]);
    }

    #[test]
    fn clubs_of_the_arab_and_european_leagues() {
        // a name only a club bears, a town's in a sports story, a common
        // word's after a club noun or with its own country's adjective
        let t = "وفاز بيتيس على ضيفه خيتافي في الدوري، وقال مدرب النجم الساحلي إن المباراة صعبة";
        assert_eq!(orgs(t), ["بيتيس", "خيتافي", "النجم الساحلي"]);
        assert_eq!(orgs("زار الوفد خيتافي قرب مدريد"), Vec::<String>::new());
        assert_eq!(orgs("قال مدرب الصريح إن لاعبي البقعة"), ["الصريح", "البقعة"]);
        assert_eq!(orgs("وصل اللاجئون إلى مخيم البقعة"), Vec::<String>::new());
        assert_eq!(orgs("وصل الرئيس إلى المريخ"), Vec::<String>::new());
        assert_eq!(orgs("أعلن نادي المريخ السوداني"), ["المريخ"]);
    }
}
