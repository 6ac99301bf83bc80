//! The hand-curated word lists the recogniser uses (organisations, person
//! titles, given names, event triggers, well-known people, the named word
//! lists of `recognise_words.tsv` and compass words), late lists
//! ([`crate::lists`]; `orgs_rules_only.tsv` apart from `orgs.tsv` because
//! the tagger's features read `orgs.tsv` only), parsed once and looked up by binary search over
//! normalised keys.

use crate::lists::{text as late_list, Late, List};
use crate::text::normalize_key;
use crate::tsv::rows;

/// Sorts `(key, payload)` rows by key, stably (rows with the same key keep
/// their order), for any payload type, with the crate's one sort.
pub fn sort_rows_by_key<T>(rows: &mut [(String, T)]) {
    crate::sort::sort_by(rows, |a, b| a.0.cmp(&b.0));
}

/// A phrase index over a curated table: the rows with at least `cols`
/// fields, keyed by their normalised first field, with the payload `f`
/// makes of the row (`None` leaves the row out).
fn table<T>(src: &'static str, cols: usize, f: impl Fn(&[&'static str]) -> Option<T>) -> PhraseIndex<T> {
    table_of(rows(src), cols, f)
}

fn table_of<T>(
    rows: impl Iterator<Item = Vec<&'static str>>,
    cols: usize,
    f: impl Fn(&[&'static str]) -> Option<T>,
) -> PhraseIndex<T> {
    PhraseIndex::new(rows.filter(|r| r.len() >= cols).filter_map(|r| Some((normalize_key(r[0]), f(&r)?))).collect())
}

/// A sorted index from normalised phrase keys to row payloads.
#[derive(Debug)]
pub struct PhraseIndex<T> {
    entries: Vec<(String, T)>,
    /// First words of all keys, sorted.
    firsts: Vec<String>,
    /// The longest phrase in words.
    pub max_words: usize,
    /// Each key's rows (a range of `entries`) and the first words, hashed:
    /// asked for many words of every article, one hash lookup each
    /// rather than a binary search of string comparisons.
    ranges: std::collections::HashMap<String, (usize, usize), crate::hash::FnvBuild>,
    first_set: std::collections::HashSet<String, crate::hash::FnvBuild>,
    /// Every start of a key before one of its spaces ([`PhraseIndex::has_longer`]).
    heads: std::collections::HashSet<String, crate::hash::FnvBuild>,
}

impl<T> PhraseIndex<T> {
    fn new(mut entries: Vec<(String, T)>) -> Self {
        entries.retain(|(k, _)| !k.is_empty());
        sort_rows_by_key(&mut entries);
        let max_words = entries.iter().map(|(k, _)| k.split(' ').count()).max().unwrap_or(1);
        let mut firsts: Vec<String> =
            entries.iter().filter_map(|(k, _)| k.split(' ').next().map(str::to_string)).collect();
        crate::sort::sort(&mut firsts);
        firsts.dedup();
        let mut ranges = std::collections::HashMap::<String, (usize, usize), crate::hash::FnvBuild>::default();
        for (i, (k, _)) in entries.iter().enumerate() {
            ranges.entry(k.clone()).and_modify(|r| r.1 = i + 1).or_insert((i, i + 1));
        }
        let first_set = firsts.iter().cloned().collect();
        let heads = entries.iter().flat_map(|(k, _)| k.match_indices(' ').map(|(at, _)| k[..at].to_string())).collect();
        PhraseIndex { entries, firsts, max_words, ranges, first_set, heads }
    }

    /// All payloads stored under exactly `key`.
    pub fn get(&self, key: &str) -> &[(String, T)] {
        self.ranges.get(key).and_then(|&(lo, hi)| self.entries.get(lo..hi)).unwrap_or_default()
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
        self.first_set.contains(word)
    }

    /// True when some key starts with `key` followed by a space, so a
    /// longer phrase may still match.
    pub fn has_longer(&self, key: &str) -> bool {
        self.heads.contains(key)
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

/// The identity of a row shaped as organisations' (variant, id, Arabic and
/// English names first), matched in any case: people, short company
/// names, clubs and agencies.
fn org_row(r: &[&'static str]) -> Org {
    Org { id: r[1], ar: r[2], en: r[3], case_sensitive: false, variant: r[0] }
}

pub fn orgs() -> &'static PhraseIndex<Org> {
    static T: Late<PhraseIndex<Org>> = Late::new();
    T.get(|| {
        let all =
            rows(late_list(List::Orgs)).chain(rows(late_list(List::RuleOrgs))).filter(|r| r.get(4) != Some(&"short"));
        table_of(all, 6, |r| Some(Org { id: r[1], ar: r[2], en: r[3], case_sensitive: r[4] == "cs", variant: r[0] }))
    })
}

/// Short names of listed companies ("الراجحي", "الفرنسي"; flag `short` in
/// orgs_rules_only.tsv): the company only after the article has named it in
/// full, being also a family name, a city or a nationality word.
pub fn company_short_names() -> &'static PhraseIndex<Org> {
    static T: Late<PhraseIndex<Org>> = Late::new();
    T.get(|| {
        let short = rows(late_list(List::RuleOrgs)).filter(|r| r.get(4) == Some(&"short"));
        table_of(short, 6, |r| Some(org_row(r)))
    })
}

/// A sports club (`data/curated/clubs.tsv`): its identity, and whether
/// its name is the club wherever written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Club {
    pub org: Org,
    /// Its country (ISO alpha-2).
    pub country: &'static str,
    pub kind: ClubName,
}

/// What else a club's name may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClubName {
    /// Nothing else ("يوفنتوس").
    Club,
    /// Its town ("روما").
    Town,
    /// A common word ("الهلال", "الاتحاد").
    Word,
}

pub fn clubs() -> &'static PhraseIndex<Club> {
    static T: Late<PhraseIndex<Club>> = Late::new();
    T.get(|| {
        table(late_list(List::Clubs), 7, |r| {
            let kind = match r[5] {
                "club" => ClubName::Club,
                "town" => ClubName::Town,
                "word" => ClubName::Word,
                _ => return None,
            };
            Some(Club { org: org_row(r), country: r[4], kind })
        })
    })
}

/// A news agency (`data/curated/agencies.tsv`): its identity, and whether
/// its name counts only in a credit or a sign-off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Agency {
    pub org: Org,
    pub credit_only: bool,
}

pub fn agencies() -> &'static PhraseIndex<Agency> {
    static T: Late<PhraseIndex<Agency>> = Late::new();
    T.get(|| table(late_list(List::Agencies), 6, |r| Some(Agency { org: org_row(r), credit_only: r[4] == "credit" })))
}

/// The ISO 4217 currency codes, normalised ("gbp"; generated:
/// `data/currencies/currency_codes.tsv`).
pub fn currency_codes() -> &'static WordSet {
    static T: Late<WordSet> = Late::new();
    T.get(|| {
        let codes: Vec<&str> =
            crate::tsv::rows(late_list(List::CurrencyCodes)).filter_map(|r| r.first().copied()).collect();
        WordSet::new(&codes)
    })
}

/// Well-known public figures, variants linked to one person (same row
/// shape as organisations).
pub fn people() -> &'static PhraseIndex<Org> {
    static T: Late<PhraseIndex<Org>> = Late::new();
    T.get(|| table(late_list(List::People), 5, |r| Some(org_row(r))))
}

/// Titles and roles that introduce a person's name.
pub fn titles() -> &'static PhraseIndex<()> {
    static T: Late<PhraseIndex<()>> = Late::new();
    T.get(|| table(late_list(List::Titles), 3, |_| Some(())))
}

/// An event trigger: what kind of event it names.
#[derive(Debug, Clone, Copy)]
pub struct Trigger {
    pub kind: &'static str,
}

pub fn triggers() -> &'static PhraseIndex<Trigger> {
    static T: Late<PhraseIndex<Trigger>> = Late::new();
    T.get(|| table(late_list(List::Triggers), 4, |r| Some(Trigger { kind: r[2] })))
}

/// A given name; `ambiguous` names are also common words.
#[derive(Debug, Clone, Copy)]
pub struct GivenName {
    pub ambiguous: bool,
}

pub fn given_names() -> &'static PhraseIndex<GivenName> {
    static T: Late<PhraseIndex<GivenName>> = Late::new();
    T.get(|| table(late_list(List::GivenNames), 4, |r| Some(GivenName { ambiguous: r[2] == "amb" })))
}

pub fn is_given_name(key: &str) -> Option<GivenName> {
    given_names().get(key).first().map(|(_, g)| *g)
}

/// The words of the named lists of `recognise_words.tsv` (first column),
/// as one set.
pub fn word_list(lists: &[&str]) -> WordSet {
    let words: Vec<&str> = word_rows().iter().filter(|(l, _)| lists.contains(l)).map(|&(_, w)| w).collect();
    WordSet::new(&words)
}

/// The (list, word) rows of `recognise_words.tsv`, split once: the first
/// analysis reads every list of it, and splitting the whole table again
/// for each list was most of that cost.
fn word_rows() -> &'static [(&'static str, &'static str)] {
    static T: Late<Vec<(&'static str, &'static str)>> = Late::new();
    T.get(|| rows(late_list(List::RecogniseWords)).filter(|r| r.len() >= 3).map(|r| (r[0], r[1])).collect())
}

/// The words of the named lists of a `list<TAB>word<TAB>source` table, as
/// one set.
pub fn lists_in(tsv: &'static str, lists: &[&str]) -> WordSet {
    lists_of_rows(rows(tsv), lists)
}

/// [`lists_in`] of a table's rows read already (a table of many lists is
/// then read once, not once a list).
pub fn lists_of_rows<'a, R: AsRef<[&'a str]>>(rows: impl IntoIterator<Item = R>, lists: &[&str]) -> WordSet {
    let words: Vec<&str> = rows
        .into_iter()
        .filter_map(|r| match r.as_ref() {
            [list, word, _, ..] if lists.contains(list) => Some(*word),
            _ => None,
        })
        .collect();
    WordSet::new(&words)
}

/// A compass word ("شمال", "northern") as (north +1 / south -1,
/// east +1 / west -1); (0, 0) is "central".
pub fn compass(key: &str) -> Option<(i8, i8)> {
    compass_words().get(key).copied()
}

/// Every compass word ([`compass`]) with its direction.
pub fn compass_words() -> &'static std::collections::HashMap<String, (i8, i8), crate::hash::FnvBuild> {
    // asked for every reading of every word: one hash lookup, not two
    // binary searches (the first row of a key wins, as in the index)
    type Map = std::collections::HashMap<String, (i8, i8), crate::hash::FnvBuild>;
    static T: Late<Map> = Late::new();
    T.get(|| {
        let index = table(late_list(List::Compass), 4, |r| Some((r[1].parse().ok()?, r[2].parse().ok()?)));
        let mut map = Map::default();
        for (k, d) in &index.entries {
            map.entry(k.clone()).or_insert(*d);
        }
        map
    })
}

/// A set of normalised words: sorted, and hashed for [`WordSet::contains`]
/// (asked for many words of every article: one hash, not a binary search
/// of string comparisons).
#[derive(Debug)]
pub struct WordSet {
    sorted: Vec<String>,
    hashed: std::collections::HashSet<String, crate::hash::FnvBuild>,
}

impl WordSet {
    pub fn new(words: &[&str]) -> Self {
        let mut v: Vec<String> = words.iter().map(|w| normalize_key(w)).collect();
        crate::sort::sort(&mut v);
        v.dedup();
        let hashed = v.iter().cloned().collect();
        WordSet { sorted: v, hashed }
    }
    pub fn words(&self) -> &[String] {
        &self.sorted
    }
    pub fn contains(&self, w: &str) -> bool {
        self.hashed.contains(w)
    }
    /// [`WordSet::contains`] of "`a` `b`", without building the phrase.
    pub fn contains_pair(&self, a: &str, b: &str) -> bool {
        self.sorted.binary_search_by(|x| cmp_pair(x.as_bytes(), a.as_bytes(), b.as_bytes())).is_ok()
    }
}

/// The byte order of `x` against "`a` `b`" (slices compared whole, not
/// byte by byte through a chained iterator).
fn cmp_pair(x: &[u8], a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    use std::cmp::Ordering::{Equal, Less};
    let (head, rest) = x.split_at(x.len().min(a.len()));
    match head.cmp(a) {
        // `x` starts with `a`
        Equal => match rest.split_first() {
            None => Less,
            Some((&c, tail)) => c.cmp(&b' ').then_with(|| tail.cmp(b)),
        },
        o => o,
    }
}

/// Test helper shared by every module with a curated table: rows have the
/// column count, no empty or padded field, a source (the last column), and
/// are sorted in byte order without duplicates.
#[cfg(test)]
pub(crate) fn check_table(name: &str, src: &'static str, cols: usize) {
    let mut prev: Option<&str> = None;
    for line in src.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), cols, "{name}: wrong number of columns in {line:?}");
        assert!(f.iter().all(|x| !x.trim().is_empty() && x.trim() == *x), "{name}: empty or padded field in {line:?}");
        assert!(!f[cols - 1].is_empty(), "{name}: row without source: {line:?}");
        if let Some(p) = prev {
            assert!(p < line, "{name}: not sorted (byte order) or duplicate at {line:?}");
        }
        prev = Some(line);
    }
    assert!(prev.is_some(), "{name}: empty");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_compares_as_its_phrase() {
        let words = ["", "a", "b", "ab", "a b", "a  b", "a!", "a b c", "في", "في الرياض", "فيه", "!"];
        for x in words {
            for a in words {
                for b in words {
                    let phrase = format!("{a} {b}");
                    assert_eq!(
                        cmp_pair(x.as_bytes(), a.as_bytes(), b.as_bytes()),
                        x.cmp(phrase.as_str()),
                        "{x:?} {a:?} {b:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn rows_sort_by_key_as_a_stable_sort_does() {
        let mut rows: Vec<(String, u32)> =
            [("b", 1), ("a", 2), ("b", 0), ("", 3), ("a", 1)].iter().map(|&(k, v)| (k.to_string(), v)).collect();
        let mut want = rows.clone();
        want.sort_by(|a, b| a.0.cmp(&b.0));
        sort_rows_by_key(&mut rows);
        assert_eq!(rows, want);
        assert_eq!(rows.iter().map(|r| r.1).collect::<Vec<_>>(), [3, 2, 1, 1, 0]);
    }

    #[test]
    fn curated_tables_are_sorted_and_sourced() {
        check_table("orgs.tsv", late_list(List::Orgs), 6);
        check_table("orgs_rules_only.tsv", late_list(List::RuleOrgs), 6);
        check_table("titles.tsv", late_list(List::Titles), 3);
        check_table("event_triggers.tsv", late_list(List::Triggers), 4);
        check_table("given_names.tsv", late_list(List::GivenNames), 4);
        check_table("people.tsv", late_list(List::People), 5);
        check_table("recognise_words.tsv", late_list(List::RecogniseWords), 3);
        check_table("compass.tsv", late_list(List::Compass), 4);
        check_table("clubs.tsv", late_list(List::Clubs), 7);
        check_table("agencies.tsv", late_list(List::Agencies), 6);
        assert_eq!(clubs().keys().count(), rows(late_list(List::Clubs)).count(), "a club row of an unknown kind");
    }

    /// Lists matched against a word's key as it stands must be written in
    /// normalised form, or an entry can never match.
    #[test]
    fn word_lists_are_known_and_keyed() {
        const LISTS: &[&str] = &[
            "ar_adjective_blocker",
            "ar_archive_note",
            "ar_area_named",
            "ar_blessing",
            "ar_club_noun",
            "ar_company_list",
            "ar_competition",
            "ar_construct_head",
            "ar_destination",
            "ar_district",
            "ar_district_own",
            "ar_facility_body",
            "ar_facility_named",
            "ar_facility_place",
            "ar_locative",
            "ar_match_word",
            "ar_honorific",
            "ar_means_before",
            "ar_ministry_portfolio",
            "ar_named_head",
            "ar_org_head",
            "ar_org_purpose_head",
            "ar_outlet_cue",
            "ar_outlet_speech",
            "ar_outlet_to",
            "ar_particle",
            "ar_people_head",
            "ar_place_cue",
            "ar_place_noun",
            "ar_place_org_head",
            "ar_plain_adjective",
            "ar_preposition",
            "ar_quantity",
            "ar_royal_body_head",
            "ar_royal_title",
            "ar_sport_word",
            "ar_state_body",
            "ar_stop",
            "ar_time",
            "ar_verbal_preposition",
            "ar_worship_head",
            "company_line",
            "disease_name",
            "disease_word",
            "en_calendar",
            "en_company_suffix",
            "en_match_word",
            "en_sport_word",
            "en_team_after",
            "en_team_before",
            "en_team_prep",
            "en_vessel",
            "en_hyphen_suffix",
            "en_business_noun",
            "en_connector",
            "en_connector_outer",
            "en_county",
            "en_document",
            "en_event_word",
            "en_facility_alone",
            "en_facility_body",
            "en_facility_centre",
            "en_facility_of",
            "en_facility_place",
            "en_feature_first",
            "en_feature_last",
            "en_feature_national",
            "en_firm_after",
            "en_firm_at",
            "en_firm_of",
            "en_firm_owned",
            "en_generational",
            "en_honorific",
            "en_kin",
            "en_locative",
            "en_located",
            "en_name_title",
            "en_market_verb",
            "en_name_abbreviation",
            "en_numbered",
            "en_org_abbreviation",
            "en_org_and_line",
            "en_org_head",
            "en_patronymic",
            "en_portfolio_title",
            "en_rank",
            "en_sentence_opener",
            "en_settlement_of",
            "en_place_of",
            "en_state_body",
            "en_stop",
            "en_town_within",
            "org_adjective",
            "reporting_verb",
            "settlement",
            "storm_word",
        ];
        for r in rows(late_list(List::RecogniseWords)) {
            assert!(LISTS.contains(&r[0]), "recognise_words.tsv: unknown list {:?}", r[0]);
            assert_eq!(normalize_key(r[1]).split(' ').count(), 1, "recognise_words.tsv: not one word: {r:?}");
        }
        for r in rows(late_list(List::Compass)) {
            assert_eq!(normalize_key(r[0]), r[0], "compass.tsv: key not normalised: {r:?}");
            let (n, e): (i8, i8) = (r[1].parse().unwrap(), r[2].parse().unwrap());
            assert!((-1..=1).contains(&n) && (-1..=1).contains(&e), "compass.tsv: bad direction {r:?}");
        }
        for list in LISTS {
            assert!(!word_list(&[list]).words().is_empty(), "{list}: empty");
        }
        let exact = [
            "ar_adjective_blocker",
            "ar_archive_note",
            "ar_club_noun",
            "ar_competition",
            "ar_match_word",
            "ar_sport_word",
            "ar_locative",
            "en_locative",
            "en_match_word",
            "en_sport_word",
            "en_team_after",
            "en_team_before",
            "en_team_prep",
            "en_vessel",
            "en_hyphen_suffix",
            "en_located",
            "en_numbered",
            "en_town_within",
            "settlement",
            "en_settlement_of",
            "en_place_of",
            "en_connector_outer",
            "ar_destination",
            "en_event_word",
            "ar_quantity",
            "en_document",
        ];
        for r in rows(late_list(List::RecogniseWords)).filter(|r| exact.contains(&r[0])) {
            assert_eq!(normalize_key(r[1]), r[1], "{}: {:?} is not in normalised form", r[0], r[1]);
        }
        assert_eq!(compass("شمالي"), Some((1, 0)));
        assert_eq!(compass("southwestern"), Some((-1, -1)));
        assert_eq!(compass("وسط"), Some((0, 0)));
        assert!(word_list(&["en_stop"]).contains("the"));
        assert!(word_list(&["ar_time", "en_calendar"]).contains("monday"));
    }

    #[test]
    fn org_variants_share_one_entity_and_names() {
        let t = orgs();
        let isis: Vec<_> = ["داعش", "تنظيم الدولة", "ISIS"].iter().map(|k| t.get(&normalize_key(k))[0].1.id).collect();
        assert!(isis.iter().all(|id| *id == "isis"), "{isis:?}");
        let mut by_id: std::collections::BTreeMap<&str, (&str, &str)> = Default::default();
        for r in rows(late_list(List::Orgs)).chain(rows(late_list(List::RuleOrgs))) {
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
        // the hashed lookups answer what the sorted rows answer
        check_hashed(titles());
        check_hashed(triggers());
    }

    fn check_hashed<T>(t: &PhraseIndex<T>) {
        for (k, _) in t.entries.iter().step_by(7) {
            let lo = t.entries.partition_point(|(x, _)| x < k);
            let hi = t.entries.partition_point(|(x, _)| x <= k);
            assert_eq!(t.get(k).len(), hi - lo, "{k}");
            for w in k.split(' ').chain([k.as_str(), "x"]) {
                let longer = t.entries.iter().any(|(x, _)| x.starts_with(&format!("{w} ")));
                assert_eq!(t.has_longer(w), longer, "{w}");
                assert_eq!(t.may_start(w), t.firsts.binary_search(&w.to_string()).is_ok(), "{w}");
            }
        }
    }
}
