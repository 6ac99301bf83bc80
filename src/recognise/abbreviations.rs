//! Place names that open with an abbreviation ("St. Louis", "Ft. Worth",
//! "Mt. Vernon"). The tokens are "St", "." and "Louis", so the tagger reads
//! a full stop between them and tags "Louis" alone (a person) or "St" and
//! "Louis" apart; the words keep no break there ([`super::words::words`]).
//! A tagger span that starts right after such a dot takes the abbreviation
//! in, a span of the abbreviation alone goes, and the whole is a place when
//! the gazetteer knows it ("St. Louis Cardinals" stays an organisation).

use super::lists::en_name_abbreviations;
use super::places::tagged_place;
use super::Word;
use crate::model::EntityType;
use crate::tagger::TaggedSpan;
use std::borrow::Cow;

/// Whether word `i` is an abbreviation whose dot joins it to word `i + 1`.
fn joins_next(words: &[Word], i: usize) -> bool {
    let (Some(w), Some(n)) = (words.get(i), words.get(i + 1)) else { return false };
    !w.arabic && w.cap && n.cap && !n.brk && n.tok == w.tok + 2 && en_name_abbreviations().contains(&w.key)
}

/// The tagger's spans with the abbreviations that open names taken in.
/// Borrows the spans when there is none (most blocks).
pub(super) fn take_in<'t>(words: &[Word], tagged: Cow<'t, [TaggedSpan]>) -> Cow<'t, [TaggedSpan]> {
    let first = |t: &TaggedSpan| words.partition_point(|w| w.tok < t.start_token);
    let last = |t: &TaggedSpan| words.partition_point(|w| w.tok < t.end_token);
    let opened = |t: &TaggedSpan| {
        let w0 = first(t);
        w0 > 0 && joins_next(words, w0 - 1)
    };
    if !tagged.iter().any(opened) {
        return tagged;
    }
    let mut out: Vec<TaggedSpan> = Vec::with_capacity(tagged.len());
    for t in tagged.iter() {
        let (w0, w1) = (first(t), last(t));
        // the abbreviation alone, when the next span takes it in
        if w1 == w0 + 1 && joins_next(words, w0) && tagged.iter().any(|n| first(n) == w0 + 1) {
            continue;
        }
        if !opened(t) {
            out.push(t.clone());
            continue;
        }
        let start = w0 - 1;
        let kind = if tagged_place(words, start, w1).is_some() { EntityType::Place } else { t.kind };
        out.push(TaggedSpan { start_token: words[start].tok, kind, ..t.clone() });
    }
    Cow::Owned(out)
}
