//! The words around an event trigger, from `data/curated/event_words.tsv`
//! (one list per name in its first column; see the file's header).

use crate::lists::{text as late_list, Late, List};
use crate::recognise::lexicon::{self, WordSet};
use crate::recognise::Word;

/// The lists of `data/curated/event_words.tsv` (see its header; a late
/// list, see [`crate::lists`]).
pub(super) struct EventWords {
    pub host: WordSet,
    pub hold: WordSet,
    pub upcoming: WordSet,
    pub proposed: WordSet,
    pub target: WordSet,
    pub generic: WordSet,
    pub clause_joiner: WordSet,
    pub intent: WordSet,
    pub statement: WordSet,
    pub topic_head: WordSet,
    pub means: WordSet,
    pub clause_start: WordSet,
    pub setting: WordSet,
    pub relative: WordSet,
    pub agreement_object: WordSet,
    pub sport: WordSet,
    pub sport_sense: WordSet,
    pub series: WordSet,
    pub anchor_before: WordSet,
    pub anchor_after: WordSet,
    pub habitual: WordSet,
    pub plural: WordSet,
    pub carry: WordSet,
    pub negation: WordSet,
    pub not_event_before: WordSet,
    pub not_event_object: WordSet,
    pub preposition: WordSet,
    pub modal: WordSet,
    pub condition: WordSet,
    pub definite: WordSet,
    pub pending: WordSet,
    pub eve: WordSet,
    pub period_start: WordSet,
    pub frequency: WordSet,
    pub intent_barrier: WordSet,
    pub previous: WordSet,
}

pub(super) fn event_words() -> &'static EventWords {
    static S: Late<EventWords> = Late::new();
    S.get(|| {
        // the table read once, not once a list (it has 36)
        let rows: Vec<Vec<&str>> = crate::tsv::rows(late_list(List::EventWords)).collect();
        let list = |name: &str| lexicon::lists_of_rows(&rows, &[name]);
        EventWords {
            host: list("host"),
            hold: list("hold"),
            upcoming: list("upcoming"),
            proposed: list("proposed"),
            target: list("target"),
            generic: list("generic"),
            clause_joiner: list("clause_joiner"),
            intent: list("intent"),
            statement: list("statement"),
            topic_head: list("topic_head"),
            means: list("means"),
            clause_start: list("clause_start"),
            setting: list("setting"),
            relative: list("relative"),
            agreement_object: list("agreement_object"),
            sport: list("sport"),
            sport_sense: list("sport_sense"),
            series: list("series"),
            anchor_before: list("anchor_before"),
            anchor_after: list("anchor_after"),
            habitual: list("habitual"),
            plural: list("plural"),
            carry: list("carry"),
            negation: list("negation"),
            not_event_before: list("not_event_before"),
            not_event_object: list("not_event_object"),
            preposition: list("preposition"),
            modal: list("modal"),
            condition: list("condition"),
            definite: list("definite"),
            pending: list("pending"),
            eve: list("eve"),
            period_start: list("period_start"),
            frequency: list("frequency"),
            intent_barrier: list("intent_barrier"),
            previous: list("previous"),
        }
    })
}

/// Whether a reading of `w` is in `set`.
pub(super) fn has(w: &Word, set: &WordSet) -> bool {
    w.readings.iter().any(|r| set.contains(&r.key))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of `event_words.tsv` names a list the finder reads, the
    /// rows are sorted and sourced, and no list is empty.
    #[test]
    fn event_words_are_sorted_known_and_sourced() {
        const LISTS: &[&str] = &[
            "agreement_object",
            "anchor_after",
            "anchor_before",
            "carry",
            "clause_joiner",
            "clause_start",
            "condition",
            "definite",
            "eve",
            "frequency",
            "generic",
            "habitual",
            "hold",
            "host",
            "intent",
            "intent_barrier",
            "means",
            "modal",
            "negation",
            "not_event_before",
            "not_event_object",
            "pending",
            "period_start",
            "plural",
            "preposition",
            "previous",
            "proposed",
            "relative",
            "series",
            "setting",
            "sport",
            "sport_sense",
            "statement",
            "target",
            "topic_head",
            "upcoming",
        ];
        let rows: Vec<&str> =
            late_list(List::EventWords).lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        for w in rows.windows(2) {
            assert!(w[0] < w[1], "event_words.tsv: not sorted at {:?}", w[1]);
        }
        for r in &rows {
            let cols: Vec<&str> = r.split('\t').collect();
            assert_eq!(cols.len(), 3, "event_words.tsv: {r:?}");
            assert!(LISTS.contains(&cols[0]), "event_words.tsv: unknown list {:?}", cols[0]);
            assert!(!cols[2].trim().is_empty(), "event_words.tsv: no source: {r:?}");
        }
        for list in LISTS {
            assert!(!lexicon::lists_in(late_list(List::EventWords), &[list]).words().is_empty(), "{list}: empty");
        }
    }
}
