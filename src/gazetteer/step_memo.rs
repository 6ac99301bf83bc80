//! The answers of [`super::data::lookup_step`] kept per thread: an
//! article's words come again and again, and each step costs two probes of
//! large tables (the core's, the word's shard's), mostly cache misses in
//! the browser, where every shard is loaded. A kept answer is one probe of
//! a small table. Kept only while no shard has been given since
//! ([`super::data::answers`]): a shard that arrives late may answer a key
//! the core answered before (an embedded shard parsed on first need, in
//! native builds, changes no answer).

use crate::memo::Kept;
use std::cell::RefCell;

/// Answers a memo keeps at most; it starts again empty when full.
const LIMIT: usize = 1 << 13;

type Answer = (&'static [u32], bool);

thread_local! {
    static MEMO: RefCell<Kept<usize, Box<str>, Answer>> = const { RefCell::new(Kept::new()) };
}

/// [`super::data::lookup_step`] of `key`, kept.
pub(super) fn lookup_step(key: &str) -> Answer {
    let answers = super::data::answers();
    if let Some(&answer) = MEMO.with(|m| m.borrow().get(answers, key).copied()).as_ref() {
        return answer;
    }
    let answer = super::data::lookup_step(key);
    // kept under the state after the step
    MEMO.with(|m| m.borrow_mut().put(super::data::answers(), key.into(), answer, LIMIT));
    answer
}

#[cfg(test)]
mod tests {
    #[test]
    fn kept_answers_are_the_steps_answers() {
        for key in ["paris", "new", "new york", "بغداد", "الرياض", "no such place at all", ""] {
            let fresh = super::super::data::lookup_step(key);
            let first = super::lookup_step(key);
            let again = super::lookup_step(key);
            assert_eq!(fresh, first, "{key}");
            assert_eq!(fresh, again, "{key}");
        }
    }
}
