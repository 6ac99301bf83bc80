//! Teams in sports results: a name before a score is the team, not its
//! town. Results lines pair names and scores ("Bath 56 Sale 31 Wasps 33",
//! "Newport 29 Caerphilly 10") and league tables follow a name with its
//! row of figures ("East Stirling 3 0 2 1 3 4 2"); news NER corpora mark
//! such names as organisations, and a reader of the sports page wants no
//! pin on Sale, Bath or Newport for them. The gazetteer and the tagger read
//! them as places (or as people: "Wasps").
//!
//! A name here is a run of capitalised English words with no punctuation
//! between them, none a stop word, a calendar word or a word that labels a
//! number of its own ("Route 66", "Division 2": `en_numbered` of
//! `data/curated/recognise_words.tsv`). A score is a number of at most
//! three digits. Two names each before a score, one after the other with
//! no punctuation between, are two results; a name before five figures or
//! more is a table row.
//!
//! Match reports name teams in prose too ("a 3-2 victory over Montpellier",
//! "serie B club Pescara", "Seattle catcher John Marzano", "Thierry Henry
//! ( Monaco )"). In a sports story (at least [`SPORT_WORDS`] words of
//! `en_sport_word`), a town or province read as a place is the team when a
//! cue stands right by it ([`prose_teams`]); a country stays a place, for
//! news corpora mark a national side by its country.

use super::lists::{
    en_event_words, en_locatives, en_match_words, en_numbered, en_stop, en_team_after, en_team_before, en_team_preps,
};
use super::merge::first_kind;
use super::{key_of, span, Found, What, Word};
use crate::model::{EntityType, PlaceKind};

/// Words of sport a story needs before prose cues make a town its team.
const SPORT_WORDS: usize = 3;

/// Figures after a name that make a league table's row.
const TABLE_FIGURES: usize = 5;

/// A number of at most three digits: a score or a figure of a table row.
pub(super) fn number(w: &Word) -> bool {
    !w.arabic && (1..=3).contains(&w.key.len()) && w.key.bytes().all(|b| b.is_ascii_digit())
}

/// A score: a number not joined by a hyphen to another ("6-3" is a set of
/// tennis, "1-1" a result written after the names).
fn score(words: &[Word], k: usize) -> bool {
    number(&words[k]) && !words[k].hyphen_before && !words.get(k + 1).is_some_and(|n| n.hyphen_before)
}

fn name_word(w: &Word) -> bool {
    !w.arabic && w.cap && !number(w) && !en_stop().contains(&w.key) && !en_numbered().contains(&w.key)
}

/// The run of name words ending just before word `end` (exclusive), if
/// any: its first word.
fn run_before(words: &[Word], end: usize) -> Option<usize> {
    let mut a = end;
    while a > 0 && name_word(&words[a - 1]) && (a == end || !words[a].brk) {
        a -= 1;
    }
    // a whole name: after a break or a score, not the end of a longer one
    // ("Queen 's Park", "Queen of South", "New York")
    let whole = a < end && (words[a].brk || a == 0 || score(words, a - 1));
    whole.then_some(a)
}

/// The teams of the results and table rows in `words`, as word ranges.
fn teams(words: &[Word]) -> Vec<(usize, usize)> {
    // (first word, score word) of each name directly before a score
    let mut named: Vec<(usize, usize)> = Vec::new();
    for (k, w) in words.iter().enumerate() {
        if score(words, k) && !w.brk && k > 0 {
            if let Some(a) = run_before(words, k) {
                named.push((a, k));
            }
        }
    }
    let mut out = Vec::new();
    for (n, &(a, k)) in named.iter().enumerate() {
        // the next name starts right after this score, with nothing between
        let paired = |&(b, _): &(usize, usize)| b == k + 1 && !words[b].brk;
        let after = named.get(n + 1).is_some_and(paired);
        let before = n > 0 && named.get(n - 1).is_some_and(|&(_, pk)| pk + 1 == a && !words[a].brk);
        let figures = (k..words.len()).take_while(|&j| score(words, j) && (j == k || !words[j].brk)).count();
        if after || before || figures >= TABLE_FIGURES {
            out.push((a, k));
        }
    }
    out
}

/// A score written with a hyphen ending at word `k` ("3-1", "166-1").
fn hyphen_score_at(words: &[Word], k: usize) -> bool {
    k > 0 && words.get(k).is_some_and(|w| number(w) && w.hyphen_before) && number(&words[k - 1])
}

/// A score written with a hyphen starting at word `k`, in the same run as
/// the word before it ("Nantes 1-0").
fn hyphen_score_from(words: &[Word], k: usize) -> bool {
    words.get(k).is_some_and(|w| !w.brk) && hyphen_score_at(words, k + 1)
}

/// The word after the possessive of the name ending before word `b`,
/// written in the word ("Karlsruhe's 4-0") or apart ("Karlsruhe 's 4-0").
fn after_possessive(words: &[Word], b: usize) -> Option<usize> {
    if super::merge::possessive(&words[b - 1]) {
        Some(b)
    } else {
        words.get(b).is_some_and(|n| matches!(&*n.text, "s" | "'s" | "’s")).then_some(b + 1)
    }
}

/// Whether a preposition of `en_team_preps` after a word of
/// `en_match_words` or a score stands right before word `a` ("victory
/// over", "play for", "lost 3-1 to"): a locative ("to") then names a team.
fn match_preposition(words: &[Word], a: usize) -> bool {
    a >= 2
        && !words[a].brk
        && !words[a - 1].brk
        && en_team_preps().contains(&words[a - 1].key)
        && (en_match_words().contains(&words[a - 2].key) || hyphen_score_at(words, a - 2))
}

/// Whether the name ending before word `b` owns a score written with a
/// hyphen, its possessive in the word or apart ("Karlsruhe's 4-0
/// demolition", "Karlsruhe 's 4-0"): the team, even after a locative ("in
/// Metz's 3-1 home victory").
fn owned_score(words: &[Word], b: usize) -> bool {
    after_possessive(words, b).is_some_and(|k| hyphen_score_from(words, k))
}

/// Whether a cue right around the place `f` makes its town a team: a
/// word of `en_team_before` ("club", "beat", "v"), a word of
/// `en_match_words` or a score and then a preposition of `en_team_preps`
/// ("victory over", "play for", "lost 3-1 to"), a rank ("second-placed"),
/// a word of `en_team_after` ("coach", "catcher"), a score after the name
/// or its possessive ("Nantes 1-0", "Karlsruhe 's 4-0"), or parentheses
/// right after a person's name of two words or more ("Robert Pires ( Metz )";
/// one word may be a ground the tagger took for a person: "Edgbaston (
/// Birmingham )"). Where the words pin the town, after a locative or in a
/// dateline ("edged Austria in Salzburg 3-2": the ground), only the
/// preposition of a match or an owned score do.
fn team_cue(words: &[Word], accepted: &[Found], f: &Found) -> bool {
    let (a, b) = (f.w0, f.w1);
    if match_preposition(words, a) || owned_score(words, b) {
        return true;
    }
    if super::consistency::anchored(words, f) {
        return false;
    }
    let p1 = (a > 0 && !words[a].brk).then(|| &words[a - 1]);
    let cue_before = p1.is_some_and(|p| {
        en_team_before().contains(&p.key) || (p.hyphen_before && matches!(&*p.key, "placed" | "place"))
    });
    let after = words.get(b).is_some_and(|n| !n.brk && en_team_after().contains(&n.key)) || hyphen_score_from(words, b);
    let bracketed = a > 0
        && words[a].open_before
        && words[b - 1].close_after
        && accepted.iter().any(|f| f.kind == EntityType::Person && f.w1 == a && f.w1 >= f.w0 + 2);
    // whose player the story names ("Pescara's Ottavio Palladini",
    // "Birmingham 's Gary Breen")
    let player = after_possessive(words, b)
        .is_some_and(|k| accepted.iter().any(|p| p.kind == EntityType::Person && p.w0 == k && p.w1 >= p.w0 + 2));
    cue_before || after || bracketed || player
}

/// Whether the text is a sports story: [`SPORT_WORDS`] words of sport.
fn sports_story(words: &[Word]) -> bool {
    words.iter().filter(|w| w.f.sport && !w.arabic).take(SPORT_WORDS).count() == SPORT_WORDS
}

/// Towns and provinces read as places that a cue makes teams
/// ([`team_cue`]); [`mark`] asks only in a sports story.
fn prose_teams(words: &[Word], accepted: &[Found]) -> Vec<(usize, usize)> {
    let national = [PlaceKind::Country, PlaceKind::Continent, PlaceKind::Region];
    accepted
        .iter()
        .filter(|f| match &f.what {
            What::Place { cands, .. } => f.kind == EntityType::Place && !f.within && !first_kind(cands, &national),
            _ => false,
        })
        .filter(|f| team_cue(words, accepted, f))
        .map(|f| (f.w0, f.w1))
        .collect()
}

/// Teams named by a plural nickname after "the" ("the Dodgers moved a
/// half-game ahead", "The Pirates pushed across two runs"; [`mark`] asks
/// only in a sports story): one or two capitalised words, the last
/// ending in "s", before a word in lowercase or punctuation, where nothing
/// but a person was read
/// (a place, "the Netherlands", stays), no word a nationality ("the
/// Russians"), an event's ("the Olympics") or a stop word. In CoNLL-2003's
/// training part 56 of the 82 such phrases in sports stories are teams;
/// of the rest 12 are places and 9 nationalities or events.
fn nicknames(words: &[Word], accepted: &[Found]) -> Vec<(usize, usize)> {
    // (a nationality: a word that opens a demonym of the table, plural
    // forms included, or the gazetteer's)
    let plain = |w: &Word| {
        name_word(w)
            && !w.upper
            && w.f.demonym.is_none()
            && !w.f.demonym_start
            && w.f.given.is_none()
            && !w.f.compass
            && !en_event_words().contains(&w.key)
    };
    // the surname of a person the story names in full ("Jesse Owens": "the
    // Owens quartet")
    let surname = |k: &str| {
        accepted.iter().any(|f| f.kind == EntityType::Person && f.w1 >= f.w0 + 2 && words[f.w1 - 1].key.as_ref() == k)
    };
    let mut out = Vec::new();
    for a in 1..words.len() {
        if words[a - 1].key.as_ref() != "the" || words[a].brk || !plain(&words[a]) {
            continue;
        }
        let mut b = a + 1;
        if words.get(b).is_some_and(|w| !w.brk && plain(w)) {
            b += 1;
        }
        let last = &words[b - 1].key;
        let plural = last.len() > 3 && last.ends_with('s') && !last.ends_with("ss");
        // a word in lowercase or punctuation after it, and no name after
        // its possessive ("the African Nations ' Cup")
        let ends = words.get(b).is_none_or(|n| {
            let apostrophe = n.cap
                && !n.sent_start
                && !(n.comma_before || n.dash_before || n.open_before || n.quote_before)
                && n.start <= words[b - 1].end + 3;
            (n.brk || !n.cap) && !apostrophe
        }) && !(super::merge::possessive(&words[b - 1]) && words.get(b).is_some_and(|n| n.cap));
        let free =
            accepted.iter().all(|f| f.w1 <= a || b <= f.w0 || (f.kind == EntityType::Person && f.w0 == a && f.w1 == b));
        if !(plural && ends && free) || surname(last) {
            continue;
        }
        // a name the gazetteer knows is a place ("the Netherlands")
        if !crate::gazetteer::lookup(&super::key_of(words, a, b, &words[a].key)).is_empty() {
            continue;
        }
        out.push((a, b));
    }
    out
}

/// Marks the teams ([`teams`]) as organisations, in place of the places
/// or people read on their words; so are the team's other mentions in the
/// article ("champions Bath", "Wasps said"), unless after a locative
/// preposition ("a match in Sale": the town).
pub(super) fn mark(words: &[Word], accepted: &mut Vec<Found>) {
    let mut teams = teams(words);
    // prose cues and nicknames only in a sports story
    if sports_story(words) {
        teams.extend(prose_teams(words, accepted));
        teams.extend(nicknames(words, accepted));
    }
    if teams.is_empty() {
        return;
    }
    let same = |a: usize, b: usize, c: usize| {
        (0..b - a).all(|d| words.get(c + d).is_some_and(|w| w.cap && w.key == words[a + d].key))
    };
    let mut others = Vec::new();
    for &(a, b) in &teams {
        for c in 0..words.len().saturating_sub(b - a - 1) {
            // (in a headline in capitals, where the rest read the name alone:
            // "NICE SACK COACH EMON")
            let read_alone = || {
                words[c..c + b - a].iter().all(|w| w.upper)
                    && accepted.iter().any(|f| f.w0 == c && f.w1 == c + b - a && f.kind == EntityType::Place)
            };
            let whole = (!words.get(c + b - a).is_some_and(|n| n.cap && !n.brk)
                && (c == 0 || words[c].brk || !words[c - 1].cap))
                || read_alone();
            let locative = c > 0 && !words[c].brk && en_locatives().contains(&words[c - 1].key);
            if c != a && whole && !locative && same(a, b, c) && !teams.iter().any(|t| t.0 == c) {
                others.push((c, c + b - a));
            }
        }
    }
    // only where nothing but a place or a person was read, and not in a
    // dateline ("SEATTLE 1996-08-29") or before its country ("WIGAN ,
    // England")
    others.retain(|&(a, b)| {
        let before_place = words.get(b).is_some_and(|n| n.comma_before)
            && accepted.iter().any(|f| f.w0 == b && f.kind == EntityType::Place);
        // a town's state or country after its comma ("ARLINGTON , Texas")
        let after_place = words[a].comma_before && accepted.iter().any(|f| f.w1 == a && f.kind == EntityType::Place);
        let anchored = accepted.iter().any(|f| f.w0 == a && f.w1 == b && super::consistency::anchored(words, f));
        !before_place
            && !after_place
            && !anchored
            && accepted.iter().all(|f| {
                f.w1 <= a
                    || b <= f.w0
                    || (matches!(f.kind, EntityType::Place | EntityType::Person) && f.w0 >= a && f.w1 <= b)
            })
    });
    teams.extend(others);
    crate::sort::sort(&mut teams);
    teams.dedup();
    for &(a, b) in &teams {
        let exact = accepted.iter().any(|f| f.w0 == a && f.w1 == b && f.kind == EntityType::Organization);
        if exact {
            continue;
        }
        let key = key_of(words, a, b, &words[a].key);
        super::put_org(accepted, (a, b), span(words, a, b, 0), key, 0);
    }
    super::by_position(accepted);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn teams_of(text: &str) -> Vec<String> {
        use crate::text::{sentences, tokenize};
        let ws = super::super::words(&tokenize(text), &sentences(text));
        teams(&ws).into_iter().map(|(a, b)| key_of(&ws, a, b, &ws[a].key)).collect()
    }

    /// Whether a cue by the capitalised run of `name` in `text` makes it a team.
    fn cued(text: &str, name: &str) -> bool {
        use crate::text::{sentences, tokenize};
        let ws = super::super::words(&tokenize(text), &sentences(text));
        let n = name.split(' ').count();
        let a = (0..ws.len()).find(|&a| ws[a].text.as_ref() == name.split(' ').next().unwrap()).unwrap();
        let f =
            Found::new((a, a + n), span(&ws, a, a + n, 0), EntityType::Place, What::Person { key: String::new() }, 0);
        team_cue(&ws, &[], &f)
    }

    #[test]
    fn prose_cues_make_a_town_the_team() {
        assert!(cued("a 3-2 victory over Montpellier on Saturday", "Montpellier"));
        assert!(cued("he lost 3-1 to Cesena", "Cesena"));
        assert!(cued("left to play for Barcelona", "Barcelona"));
        assert!(cued("serie B club Pescara", "Pescara"));
        assert!(cued("First-place San Diego has won", "San Diego"));
        assert!(cued("who dismissed Nantes 1-0 at home", "Nantes"));
        assert!(cued("Karlsruhe 's 4-0 demolition", "Karlsruhe"));
        assert!(cued("Seattle catcher John Marzano", "Seattle"));
        // no cue, or a cue across a sentence's end
        assert!(!cued("the talks in Geneva ended", "Geneva"));
        assert!(!cued("the plan for Boston was approved", "Boston"));
        assert!(!cued("He beat them. Geneva was quiet", "Geneva"));
    }

    #[test]
    fn a_town_whose_player_is_named_is_the_team() {
        use crate::text::{sentences, tokenize};
        let text = "Atlanta 's Tom Glavine won";
        let ws = super::super::words(&tokenize(text), &sentences(text));
        let found = |a: usize, b: usize, kind| {
            Found::new((a, b), span(&ws, a, b, 0), kind, What::Person { key: String::new() }, 0)
        };
        let town = found(0, 1, EntityType::Place);
        assert!(team_cue(&ws, &[found(2, 4, EntityType::Person)], &town));
        assert!(!team_cue(&ws, &[], &town));
    }

    #[test]
    fn plural_nicknames_after_the_are_teams() {
        let nick = |text: &str, people: &[(usize, usize)]| {
            use crate::text::{sentences, tokenize};
            let ws = super::super::words(&tokenize(text), &sentences(text));
            let found: Vec<Found> = people
                .iter()
                .map(|&(a, b)| {
                    let what = What::Person { key: String::new() };
                    Found::new((a, b), span(&ws, a, b, 0), EntityType::Person, what, 0)
                })
                .collect();
            nicknames(&ws, &found).into_iter().map(|(a, b)| key_of(&ws, a, b, &ws[a].key)).collect::<Vec<_>>()
        };
        assert_eq!(nick("the Dodgers moved a half-game ahead of the Expos .", &[]), ["dodgers", "expos"]);
        assert_eq!(nick("The Blue Jays won", &[]), ["blue jays"]);
        // places, nationalities, events, a compass word, a name's start
        assert!(nick("the Tour of the Netherlands , the Russians and the Olympics", &[]).is_empty());
        assert!(nick("The North Africans drew ; the African Nations ' Cup", &[]).is_empty());
        // the surname of a person named in full
        assert!(nick("Jesse Owens won ; the Owens quartet", &[(0, 2)]).is_empty());
        assert_eq!(nick("Jesse Owens won ; the Owens quartet", &[]), ["owens"]);
    }

    #[test]
    fn results_and_table_rows_are_teams() {
        assert_eq!(teams_of("Orrell 13 Bath 56 Sale 31 Wasps 33"), ["orrell", "bath", "sale", "wasps"]);
        assert_eq!(teams_of("Division two\nEast Stirling 3 0 2 1 3 4 2"), ["east stirling"]);
        // one name before one number is no result
        assert!(teams_of("Bath 56 , and then Sale won").is_empty());
        assert!(teams_of("Highway 61 Route 66").is_empty());
        assert!(teams_of("In August 31 people died").is_empty());
        // tennis sets, and names that are the end of a longer one
        assert!(teams_of("he lost to Alex O'Brien 6-3 6-4 5-7 3-6 6-3 in a match").is_empty());
        assert_eq!(teams_of("Alloa 3 1 1 1 3 3 4 Queen 's Park 3 1 1 1 6 8 4"), ["alloa"]);
    }
}
