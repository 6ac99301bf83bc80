//! The word lists the shipped taggers use as features ([`Lists`]): the
//! gazetteer's place keys, its weak common words and demonyms, and the
//! hand-curated titles, given names, people and organisations in
//! `data/curated/`, and the Arabic given names and surnames generated from
//! Wikidata (`ar_names.tsv`, `scripts/gen_names.py`). Membership is a feature with a learned weight, never
//! an override: a list hit on "المالي" (Mali, or "financial") is worth what
//! training found it worth in that context.
//!
//! A model is trained with one version of these lists; retrain after
//! changing them (`cargo run --release --bin train_tagger`).

use crate::lists::{text as late_list, Late, List};
use std::collections::HashMap;
use std::sync::Mutex;

use super::features::Lexicon;
use crate::text::normalize_key;
use crate::tsv::rows;

/// A gazetteer key (a one-word place name).
pub const PLACE: u16 = 1 << 0;
/// The first word of a longer gazetteer name.
pub const PLACE_START: u16 = 1 << 1;
/// A place name that is also a common word (stopwords.tsv, weak).
pub const COMMON: u16 = 1 << 2;
/// A nationality or adjective of a country.
pub const DEMONYM: u16 = 1 << 3;
/// A word of a person title or rank ("Adm.", "الرئيس").
pub const TITLE: u16 = 1 << 4;
/// A given name.
pub const GIVEN: u16 = 1 << 5;
/// A word of a well-known person's name.
pub const PERSON: u16 = 1 << 6;
/// A word of an organisation's name.
pub const ORG_WORD: u16 = 1 << 7;
/// The head of an organisation's name: the first word of an Arabic one
/// ("وكالة"), the last of an English one ("Union").
pub const ORG_HEAD: u16 = 1 << 8;
/// Never a place (stopwords.tsv, stop).
pub const STOP: u16 = 1 << 9;
/// An adjective that often ends an Arabic organisation's name ("الوطنية",
/// "الدولي": recognise_words.tsv, org_adjective).
pub const ORG_ADJ: u16 = 1 << 10;

/// An Arabic surname (ar_names.tsv, from Wikidata: "الاسد", "حداد").
pub const SURNAME: u16 = 1 << 11;

/// Number of class bits.
pub const CLASSES: u32 = 12;

// FNV-1a: these maps hold short words from the page, not keys an attacker picks.
type Map = HashMap<String, u16, crate::hash::FnvBuild>;

/// The lists, keyed by normalised word ([`normalize_key`]).
pub struct Lists {
    words: Map,
    /// Classes already worked out, so a repeated word costs one hash
    /// lookup instead of several searches of the gazetteer; cleared when
    /// it grows past [`MEMO_LIMIT`] words. Valid while the gazetteer's answers
    /// stay as they were ([`crate::gazetteer::answers`]: a shard the page
    /// hands in can make a word a place; one the native build parses on
    /// first need changes no answer, and clearing the memo at each of the
    /// hundreds a batch parses cost 8.5% of a first pass over 238 English
    /// articles).
    memo: Mutex<crate::memo::Kept<usize, String, u16>>,
}

const MEMO_LIMIT: usize = 1 << 16;

impl Lists {
    /// The lists, parsed once.
    pub fn get() -> &'static Lists {
        static L: Late<Lists> = Late::new();
        L.get(Lists::build)
    }

    /// Whether the normalised word is a given name, a surname or a word of
    /// a listed person's name.
    pub fn is_name_word(&self, norm: &str) -> bool {
        self.classes_of_common_word(norm) & (GIVEN | SURNAME | PERSON) != 0
    }

    fn build() -> Lists {
        let mut words = Map::default();
        let mut add = |w: &str, bit: u16| {
            let k = normalize_key(w);
            if k.is_empty() {
                return;
            }
            // the tokenizer may keep or drop the dot of "Adm."
            if let Some(bare) = k.strip_suffix('.').filter(|b| !b.is_empty()) {
                *words.entry(bare.to_string()).or_default() |= bit;
            }
            *words.entry(k).or_default() |= bit;
        };
        let each_word = |s: &str| -> Vec<String> {
            // "(آسيان)" and other bracketed asides are not part of the name
            let s: String = s.split('(').next().unwrap_or("").to_string();
            s.split_whitespace().map(str::to_string).collect()
        };
        for r in rows(late_list(List::Titles)) {
            for w in each_word(r[0]) {
                add(&w, TITLE);
            }
        }
        for r in rows(late_list(List::GivenNames)) {
            add(r[0], GIVEN);
        }
        // one-word Arabic names borne by several people on Wikidata, without
        // those the gold corpora mostly tag as ordinary words
        for r in rows(late_list(List::ArNames)) {
            match r.as_slice() {
                [w, "given", ..] => add(w, GIVEN),
                [w, "surname", ..] => add(w, SURNAME),
                _ => {}
            }
        }
        for r in rows(late_list(List::People)) {
            for col in [0, 2, 3] {
                for w in each_word(r.get(col).copied().unwrap_or("")) {
                    add(&w, PERSON);
                }
            }
        }
        for r in rows(late_list(List::Orgs)) {
            for col in [0, 2, 3] {
                let ws = each_word(r.get(col).copied().unwrap_or(""));
                for w in &ws {
                    add(w, ORG_WORD);
                }
                let arabic = ws.first().is_some_and(|w| w.chars().any(crate::text::is_arabic));
                let head = if arabic { ws.first() } else { ws.last() };
                // a one-word name (an acronym, "Airbus") has no head
                if ws.len() > 1 {
                    if let Some(h) = head {
                        add(h, ORG_HEAD);
                    }
                }
            }
        }
        // the recogniser's Arabic organisation heads ("وزارة", "المجلس") and
        // adjectives: the heads of orgs.tsv alone miss most of the common ones
        for r in rows(late_list(List::RecogniseWords)) {
            match r.as_slice() {
                ["ar_org_head", w, ..] => add(w, ORG_HEAD),
                ["org_adjective", w, ..] => add(w, ORG_ADJ),
                _ => {}
            }
        }
        for r in rows(late_list(List::Stopwords)).skip(1) {
            match r.as_slice() {
                ["stop", key, _] => add(key, STOP),
                ["weak", key, _] => {
                    add(key, COMMON);
                    if let Some(bare) = key.strip_prefix("ال").filter(|b| b.chars().count() >= 2) {
                        add(bare, COMMON);
                    }
                }
                _ => {}
            }
        }
        Lists { words, memo: Mutex::new(crate::memo::Kept::new()) }
    }
}

impl Lists {
    fn lookup(&self, norm: &str) -> u16 {
        let mut c = self.classes_of_common_word(norm);
        // notable places only: the world's villages would change what the
        // tagger was trained with
        let (known, longer) = crate::gazetteer::notable_step(norm);
        if known {
            c |= PLACE;
        }
        if longer {
            c |= PLACE_START;
        }
        c
    }
}

impl Lexicon for Lists {
    /// The lists' classes and a demonym's; no gazetteer shard is looked up.
    fn classes_of_common_word(&self, norm: &str) -> u16 {
        let c = self.words.get(norm).copied().unwrap_or(0);
        if crate::gazetteer::demonym(norm).is_some() {
            return c | DEMONYM;
        }
        c
    }

    fn classes(&self, norm: &str) -> u16 {
        // a poisoned lock only means another thread panicked mid-insert:
        // the map is still a valid cache
        let memo = || self.memo.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(&c) = memo().get(crate::gazetteer::answers(), norm) {
            return c;
        }
        // the lookup may parse a shard (native builds), so the lock is not held
        let c = self.lookup(norm);
        memo().put(crate::gazetteer::answers(), norm.to_string(), c, MEMO_LIMIT);
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_know_titles_places_and_heads() {
        let l = Lists::get();
        assert_ne!(l.classes("adm") & TITLE, 0);
        assert_ne!(l.classes("union") & ORG_HEAD, 0);
        assert_eq!(l.classes("union") & PLACE, 0);
        assert_ne!(l.classes("بغداد") & PLACE, 0);
        assert_eq!(l.classes("xqzv"), 0);
        // the recogniser's Arabic heads and adjectives (recognise_words.tsv)
        assert_ne!(l.classes(&normalize_key("وزارة")) & ORG_HEAD, 0);
        assert_ne!(l.classes(&normalize_key("الوطنية")) & ORG_ADJ, 0);
        assert_eq!(l.classes("بغداد") & (ORG_HEAD | ORG_ADJ), 0);
    }
}
