//! The hand-curated word lists the recogniser uses (organisations, person
//! titles, given names, event triggers), embedded with `include_str!`,
//! parsed once and looked up by binary search over normalised keys.

use std::sync::OnceLock;

use crate::text::normalize_key;

pub const ORGS_TSV: &str = include_str!("../../data/curated/orgs.tsv");
pub const TITLES_TSV: &str = include_str!("../../data/curated/titles.tsv");
pub const TRIGGERS_TSV: &str = include_str!("../../data/curated/event_triggers.tsv");
pub const NAMES_TSV: &str = include_str!("../../data/curated/given_names.tsv");

/// The data rows of a curated table: comment lines (`#`) and blank lines
/// skipped, fields split on tabs.
pub fn rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').collect())
}

/// A sorted index from normalised phrase keys to row payloads.
#[derive(Debug)]
pub struct PhraseIndex<T> {
    entries: Vec<(String, T)>,
    /// First words of all keys, sorted.
    firsts: Vec<String>,
    /// The longest phrase in words.
    pub max_words: usize,
}

impl<T> PhraseIndex<T> {
    fn new(mut entries: Vec<(String, T)>) -> Self {
        entries.retain(|(k, _)| !k.is_empty());
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let max_words = entries.iter().map(|(k, _)| k.split(' ').count()).max().unwrap_or(1);
        let mut firsts: Vec<String> =
            entries.iter().filter_map(|(k, _)| k.split(' ').next().map(str::to_string)).collect();
        firsts.sort();
        firsts.dedup();
        PhraseIndex { entries, firsts, max_words }
    }

    /// All payloads stored under exactly `key`.
    pub fn get(&self, key: &str) -> &[(String, T)] {
        let lo = self.entries.partition_point(|(k, _)| k.as_str() < key);
        let hi = lo + self.entries[lo..].partition_point(|(k, _)| k.as_str() == key);
        &self.entries[lo..hi]
    }

    /// All keys, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    /// First words of the keys, sorted.
    pub fn first_words(&self) -> &[String] {
        &self.firsts
    }

    /// True when some key's first word is `word`.
    pub fn may_start(&self, word: &str) -> bool {
        self.firsts.binary_search_by(|f| f.as_str().cmp(word)).is_ok()
    }

    /// True when some key starts with `key` followed by a space, so a
    /// longer phrase may still match.
    pub fn has_longer(&self, key: &str) -> bool {
        let p = format!("{key} ");
        let lo = self.entries.partition_point(|(k, _)| k.as_str() < p.as_str());
        self.entries.get(lo).is_some_and(|(k, _)| k.starts_with(&p))
    }
}

/// A curated organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Org {
    pub id: &'static str,
    pub ar: &'static str,
    pub en: &'static str,
    /// An acronym that only counts when written in capitals ("IS", "WHO").
    pub case_sensitive: bool,
    /// The variant as written in the table.
    pub variant: &'static str,
}

pub fn orgs() -> &'static PhraseIndex<Org> {
    static T: OnceLock<PhraseIndex<Org>> = OnceLock::new();
    T.get_or_init(|| {
        PhraseIndex::new(
            rows(ORGS_TSV)
                .filter(|r| r.len() >= 6)
                .map(|r| {
                    (
                        normalize_key(r[0]),
                        Org { id: r[1], ar: r[2], en: r[3], case_sensitive: r[4] == "cs", variant: r[0] },
                    )
                })
                .collect(),
        )
    })
}

/// Titles and roles that introduce a person's name.
pub fn titles() -> &'static PhraseIndex<()> {
    static T: OnceLock<PhraseIndex<()>> = OnceLock::new();
    T.get_or_init(|| {
        PhraseIndex::new(rows(TITLES_TSV).filter(|r| r.len() >= 3).map(|r| (normalize_key(r[0]), ())).collect())
    })
}

/// An event trigger: what kind of event it names.
#[derive(Debug, Clone, Copy)]
pub struct Trigger {
    pub kind: &'static str,
}

pub fn triggers() -> &'static PhraseIndex<Trigger> {
    static T: OnceLock<PhraseIndex<Trigger>> = OnceLock::new();
    T.get_or_init(|| {
        PhraseIndex::new(
            rows(TRIGGERS_TSV)
                .filter(|r| r.len() >= 4)
                .map(|r| (normalize_key(r[0]), Trigger { kind: r[2] }))
                .collect(),
        )
    })
}

/// A given name; `ambiguous` names are also common words.
#[derive(Debug, Clone, Copy)]
pub struct GivenName {
    pub ambiguous: bool,
}

pub fn given_names() -> &'static PhraseIndex<GivenName> {
    static T: OnceLock<PhraseIndex<GivenName>> = OnceLock::new();
    T.get_or_init(|| {
        PhraseIndex::new(
            rows(NAMES_TSV)
                .filter(|r| r.len() >= 4)
                .map(|r| (normalize_key(r[0]), GivenName { ambiguous: r[2] == "amb" }))
                .collect(),
        )
    })
}

pub fn is_given_name(key: &str) -> Option<GivenName> {
    given_names().get(key).first().map(|(_, g)| *g)
}

/// A sorted set of normalised words.
#[derive(Debug)]
pub struct WordSet(Vec<String>);

impl WordSet {
    pub fn new(words: &[&str]) -> Self {
        let mut v: Vec<String> = words.iter().map(|w| normalize_key(w)).collect();
        v.sort();
        v.dedup();
        WordSet(v)
    }
    pub fn words(&self) -> &[String] {
        &self.0
    }
    pub fn contains(&self, w: &str) -> bool {
        self.0.binary_search_by(|x| x.as_str().cmp(w)).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, src: &'static str, cols: usize) {
        let mut prev: Option<&str> = None;
        for line in src.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), cols, "{name}: wrong number of columns in {line:?}");
            assert!(
                f.iter().all(|x| !x.trim().is_empty() && x.trim() == *x),
                "{name}: empty or padded field in {line:?}"
            );
            assert!(!f[cols - 1].is_empty(), "{name}: row without source: {line:?}");
            if let Some(p) = prev {
                assert!(p < line, "{name}: not sorted (byte order) or duplicate at {line:?}");
            }
            prev = Some(line);
        }
        assert!(prev.is_some(), "{name}: empty");
    }

    #[test]
    fn curated_tables_are_sorted_and_sourced() {
        check("orgs.tsv", ORGS_TSV, 6);
        check("titles.tsv", TITLES_TSV, 3);
        check("event_triggers.tsv", TRIGGERS_TSV, 4);
        check("given_names.tsv", NAMES_TSV, 4);
    }

    #[test]
    fn org_variants_share_one_entity_and_names() {
        let t = orgs();
        let isis: Vec<_> = ["داعش", "تنظيم الدولة", "ISIS"].iter().map(|k| t.get(&normalize_key(k))[0].1.id).collect();
        assert!(isis.iter().all(|id| *id == "isis"), "{isis:?}");
        let mut by_id: std::collections::BTreeMap<&str, (&str, &str)> = Default::default();
        for r in rows(ORGS_TSV) {
            let e = by_id.entry(r[1]).or_insert((r[2], r[3]));
            assert_eq!(*e, (r[2], r[3]), "org {} has differing canonical names", r[1]);
        }
    }

    #[test]
    fn lookups_use_normalised_keys() {
        assert!(!titles().get(&normalize_key("وزير الخارجية")).is_empty());
        assert!(titles().has_longer(&normalize_key("نائب")));
        assert!(!triggers().get(&normalize_key("اجتماع")).is_empty());
        assert!(is_given_name(&normalize_key("أحمد")).is_some());
        assert!(is_given_name("علي").is_some_and(|g| g.ambiguous));
    }
}
