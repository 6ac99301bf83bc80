//! Time expressions that name no date: "now", "currently", "recently", "in
//! the future", "الآن", "حاليا", "مؤخرا". TimeML gives them the values
//! PRESENT_REF, PAST_REF and FUTURE_REF. They are not dates: a timeline
//! never shows them; they say which side of the publication a clause
//! speaks of.

use super::words::w;
use super::FoundDate;
use crate::text::{readings, Token};

/// Which side of the publication a reference points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    Past,
    Present,
    Future,
}

impl RefKind {
    /// The TimeML value: "PAST_REF", "PRESENT_REF", "FUTURE_REF".
    pub fn timeml(self) -> &'static str {
        match self {
            RefKind::Past => "PAST_REF",
            RefKind::Present => "PRESENT_REF",
            RefKind::Future => "FUTURE_REF",
        }
    }
}

/// A time reference found in a text (code point span).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeRef {
    pub start: usize,
    pub end: usize,
    pub kind: RefKind,
}

/// The words a token may stand for: itself, and for Arabic its readings
/// without a conjunction or preposition ("والآن", "وحاليا"), with the code
/// points those take.
fn firsts(t: &Token) -> Vec<(&str, usize)> {
    if !t.arabic {
        return vec![(t.norm.as_str(), 0)];
    }
    readings(&t.norm)
        .into_iter()
        .filter(|r| !r.had_article || r.prefix_len == 0)
        .map(|r| (r.stem, super::find::original_prefix(&t.text, r.prefix_len)))
        .collect()
}

/// Finds the time references in `tokens` that do not overlap one of
/// `dates` ("the past week" is a date, "the past" a reference). In text
/// order, not overlapping.
pub fn find_time_refs(tokens: &[Token], dates: &[FoundDate]) -> Vec<TimeRef> {
    let words = w();
    find_in(tokens, dates, &words.references, &words.references_first)
}

/// [`find_time_refs`] and also the words that place a clause only roughly
/// but that TimeML marks as no time expression ("earlier", "previously",
/// "soon", "سابقا", "في وقت سابق", "لاحقا"): what an undated event's clause
/// says of when it happened.
pub fn find_placement_refs(tokens: &[Token], dates: &[FoundDate]) -> Vec<TimeRef> {
    let words = w();
    find_in(tokens, dates, &words.placements, &words.placements_first)
}

fn find_in(
    tokens: &[Token],
    dates: &[FoundDate],
    phrases: &[(Vec<String>, i8)],
    phrases_first: &super::words::List,
) -> Vec<TimeRef> {
    let words = w();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(t) = tokens.get(i).filter(|t| t.is_word) else {
            i += 1;
            continue;
        };
        let hit = firsts(t).into_iter().filter(|(s, _)| phrases_first.has(s)).find_map(|(s, pre)| {
            phrases.iter().find_map(|(phrase, dir)| {
                let rest_ok = phrase.first().is_some_and(|f| f == s)
                    && phrase
                        .iter()
                        .enumerate()
                        .skip(1)
                        .all(|(n, word)| tokens.get(i + n).is_some_and(|x| x.norm == *word));
                rest_ok.then_some((phrase.len(), *dir, pre))
            })
        });
        let Some((len, dir, pre)) = hit else {
            i += 1;
            continue;
        };
        let (start, end) = (t.start + pre, tokens.get(i + len - 1).map_or(t.end, |x| x.end));
        // "over the past 20 years", "the past few months": the start of a
        // duration, not a reference.
        let counted = tokens.get(i + len).is_some_and(|n| {
            n.norm.bytes().next().is_some_and(|b| b.is_ascii_digit())
                || words.numbers.get(&n.norm).is_some()
                || words.units.get(&n.norm).is_some()
                || words.reference_counts.has(&n.norm)
        });
        if !counted && !dates.iter().any(|d| d.start < end && start < d.end) {
            let kind = match dir {
                d if d < 0 => RefKind::Past,
                0 => RefKind::Present,
                _ => RefKind::Future,
            };
            out.push(TimeRef { start, end, kind });
        }
        i += len;
    }
    out
}
