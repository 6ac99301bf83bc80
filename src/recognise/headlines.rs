//! Headlines written in title case or in capitals ("Gainesville Residents
//! Brace for Flooding", "FLOOD WATERS RISE IN GAINESVILLE"): every word
//! there is capitalised, so the tagger runs names on into ordinary words.
//! A name in such a sentence ends before a word the text writes in
//! lowercase elsewhere and never capitalised inside an ordinary sentence
//! ("residents", "rises"; not "River" when the body names "the
//! Chattahoochee River"), nor a word that makes up names of its own: an
//! organisation's, a county's or a feature's head ("Bank", "Union",
//! "County", "River").

use super::lists::{en_county_words, en_facility_place, en_feature_last, en_org_heads};
use super::Word;
use crate::hash::FnvBuild;
use std::collections::HashSet;

/// Fewest words of four letters or more, all capitalised, that make a
/// sentence a headline.
const MIN_TITLED: usize = 3;

/// How the text writes its words (see the module doc).
pub(super) struct Casing<'w> {
    /// Sentences written in title case or capitals.
    titled: HashSet<usize, FnvBuild>,
    /// Words written in lowercase somewhere.
    lower: HashSet<&'w str, FnvBuild>,
    /// Words capitalised inside an ordinary sentence (not its first word).
    named: HashSet<&'w str, FnvBuild>,
}

impl<'w> Casing<'w> {
    pub(super) fn of(words: &'w [Word]) -> Self {
        // a Latin word of four letters or more
        let latin = |w: &Word| !w.arabic && w.key.chars().count() >= 4 && w.key.chars().all(char::is_alphabetic);
        let mut titled = HashSet::default();
        let mut s = 0;
        while s < words.len() {
            let sent = words[s].sent;
            let (mut e, mut long, mut capitalised) = (s, 0usize, true);
            while e < words.len() && words[e].sent == sent {
                // past the first long word in lowercase the sentence is no
                // headline: its other words are not read (most sentences)
                if capitalised && latin(&words[e]) {
                    long += 1;
                    capitalised = words[e].cap || words[e].upper;
                }
                e += 1;
            }
            if long >= MIN_TITLED && capitalised {
                titled.insert(sent);
            }
            s = e;
        }
        // no headline sentence (most articles): [`Casing::end`] never asks
        // how words are written, so the two sets stay empty, unallocated
        if titled.is_empty() {
            return Casing { titled, lower: HashSet::default(), named: HashSet::default() };
        }
        // sized once for the words (about one spelling per two), not regrown
        let mut lower = HashSet::with_capacity_and_hasher(words.len() / 2, FnvBuild::default());
        let mut named = HashSet::with_capacity_and_hasher(words.len() / 8, FnvBuild::default());
        for w in words.iter().filter(|w| latin(w)) {
            if !w.cap && !w.upper {
                lower.insert(w.key.as_str());
            } else if !w.sent_start && !titled.contains(&w.sent) {
                named.insert(w.key.as_str());
            }
        }
        Casing { titled, lower, named }
    }

    /// The end of a name at words `w0..w1`: before the first word after
    /// `w0` that is an ordinary word of a headline (see the module doc).
    pub(super) fn end(&self, words: &[Word], w0: usize, w1: usize) -> usize {
        if !words.get(w0).is_some_and(|w| self.titled.contains(&w.sent)) {
            return w1;
        }
        (w0 + 1..w1)
            .find(|&k| {
                let key = words[k].key.as_str();
                self.lower.contains(key) && !self.named.contains(key) && !name_part(key)
            })
            .unwrap_or(w1)
    }
}

/// A head that makes up names of its own (see the module doc).
fn name_part(key: &str) -> bool {
    en_org_heads().contains(key)
        || en_county_words().contains(key)
        || en_feature_last().contains(key)
        || en_facility_place().contains(key)
}
