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

use super::lists::{en_locatives, en_numbered, en_stop};
use super::{key_of, span, Found, What, Word};
use crate::model::EntityType;

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

/// Marks the teams ([`teams`]) as organisations, in place of the places
/// or people read on their words; so are the team's other mentions in the
/// article ("champions Bath", "Wasps said"), unless after a locative
/// preposition ("a match in Sale": the town).
pub(super) fn mark(words: &[Word], accepted: &mut Vec<Found>) {
    let mut teams = teams(words);
    if teams.is_empty() {
        return;
    }
    let same = |a: usize, b: usize, c: usize| {
        (0..b - a).all(|d| words.get(c + d).is_some_and(|w| w.cap && w.key == words[a + d].key))
    };
    let mut others = Vec::new();
    for &(a, b) in &teams {
        for c in 0..words.len().saturating_sub(b - a - 1) {
            let whole =
                !words.get(c + b - a).is_some_and(|n| n.cap && !n.brk) && (c == 0 || words[c].brk || !words[c - 1].cap);
            let locative = c > 0 && !words[c].brk && en_locatives().contains(&words[c - 1].key);
            if c != a && whole && !locative && same(a, b, c) && !teams.iter().any(|t| t.0 == c) {
                others.push((c, c + b - a));
            }
        }
    }
    // only where nothing but a place or a person was read, and not in a
    // dateline or before its country ("WIGAN , England")
    others.retain(|&(a, b)| {
        let before_place = words.get(b).is_some_and(|n| n.comma_before)
            && accepted.iter().any(|f| f.w0 == b && f.kind == EntityType::Place);
        !before_place
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
        accepted.retain(|f| f.kind == EntityType::Date || f.w1 <= a || b <= f.w0);
        let key = key_of(words, a, b, &words[a].key);
        accepted.push(Found::new(
            (a, b),
            span(words, a, b, 0),
            EntityType::Organization,
            What::Org { curated: None, key },
            0,
        ));
    }
    crate::sort::sort_by_key(accepted, |f| (f.start, f.end));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn teams_of(text: &str) -> Vec<String> {
        use crate::text::{sentences, tokenize};
        let ws = super::super::words(&tokenize(text), &sentences(text));
        teams(&ws).into_iter().map(|(a, b)| key_of(&ws, a, b, &ws[a].key)).collect()
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
