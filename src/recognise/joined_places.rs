//! Arabic two-word place names written as one word ("حفرالباطن",
//! "رأسالخيمة"), and their answers kept per spelling: the search tries
//! every split of every reading of every Arabic word that is no place
//! (most of them), each split a gazetteer lookup, while an article's words
//! come again and again.

use super::Word;
use crate::gazetteer;
use crate::memo::{data_state, Kept};
use crate::rcstr::RcStr;
use std::cell::RefCell;

/// Longest joined two-word place name tried ("حفرالباطن" has 9 letters;
/// the longest two-word Arabic names in the gazetteer stay under 30).
const MAX_JOINED_CHARS: usize = 30;

/// A spelling's joined place: (reading index, key, candidates).
type Answer = Option<(usize, Box<str>, &'static [u32])>;

thread_local! {
    /// [`search`]'s answer for each spelling met (a word's readings follow
    /// from its spelling): kept across articles natively, emptied for each
    /// article in wasm ([`forget`], as the spellings' readings are).
    static KEPT: RefCell<Kept<(bool, usize), RcStr, Answer>> = const { RefCell::new(Kept::new()) };
}

/// Empties the kept answers (a new article, in wasm).
pub(super) fn forget() {
    KEPT.with(|k| k.borrow_mut().clear());
}

/// An Arabic two-word name written as one word at word `i`: (reading
/// index, end word, key, candidates), [`search`]'s answer, kept.
pub(super) fn joined_place(w: &Word, i: usize) -> Option<(usize, usize, String, &'static [u32])> {
    let known = KEPT.with(|k| k.borrow().get(data_state(), w.text.as_str()).cloned());
    let answer = known.unwrap_or_else(|| {
        let a = search(w);
        // kept under the state after the search
        KEPT.with(|k| k.borrow_mut().put(data_state(), w.text.clone(), a.clone(), crate::memo::SPELLINGS_LIMIT));
        a
    });
    answer.map(|(ri, key, cands)| (ri, i + 1, String::from(key), cands))
}

/// The first split of a reading of `w` whose halves make a gazetteer name
/// that is not a common word.
fn search(w: &Word) -> Answer {
    // one buffer for every split's "head tail"
    let mut key = String::new();
    for (ri, r) in w.readings.iter().enumerate() {
        // two joined words of a place name are short; a longer "word" (a
        // run of letters pasted without spaces) is not tried at every split,
        // which would cost its length squared
        let n = r.key.chars().count();
        if n > MAX_JOINED_CHARS {
            continue;
        }
        // split after the k-th letter, 2 <= k < len - 2: slices, no allocation
        // per split
        for (b, _) in r.key.char_indices().take(n.saturating_sub(2)).skip(2) {
            let (head, tail) = r.key.split_at(b);
            if !gazetteer::may_continue(head) || !gazetteer::lookup_step(head).1 {
                continue;
            }
            key.clear();
            key.extend([head, " ", tail]);
            let cands = gazetteer::lookup(&key);
            if !cands.is_empty() && !gazetteer::is_common_word(&key) {
                return Some((ri, key.into_boxed_str(), cands));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::words;
    use crate::text::{sentences, tokenize};

    #[test]
    fn kept_answers_are_the_searchs_answers() {
        let t = "البروق تنشط على حفرالباطن الان والمستشفيات حفرالباطن";
        let toks = tokenize(t);
        let ws = words(&toks, &sentences(t));
        let found = |i: usize| super::search(&ws[i]).map(|(ri, key, cands)| (ri, i + 1, String::from(key), cands));
        for (i, w) in ws.iter().enumerate() {
            let fresh = found(i);
            assert_eq!(super::joined_place(w, i), fresh, "{}", w.text);
            assert_eq!(super::joined_place(w, i), fresh, "{} again", w.text);
        }
        assert_eq!(found(3).map(|f| f.2), Some("حفر الباطن".to_string()));
        assert!(found(6).is_some());
        assert!(found(5).is_none());
    }
}
