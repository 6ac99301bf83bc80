//! One name, one kind per article: where the tagger gives a name a kind that
//! the same article gives it clearly more often otherwise, the minority
//! mentions take the majority's kind ("the Miami relatives" read as an
//! organisation beside ten mentions of Miami the city; "a pawn of Fidel
//! Castro" read as a place beside the person named three times). A reader
//! sees one entity, not two with the same name.

use super::linking::after_locative;
use super::merge::{PRIO_PLACE, PRIO_TAGGER};
use super::{key_of, Found, What, Word};
use crate::model::EntityType;

/// At least this many mentions of the majority kind, and at least this
/// many times as many as of the kind they replace.
const MIN_MAJORITY: usize = 2;
const RATIO: usize = 2;

/// The key a mention is counted under: [`key_of`] of its words, a lone
/// word's possessive left out too ("Miami's" is "miami").
fn key(words: &[Word], f: &Found) -> Option<String> {
    let w = words.get(f.w0).filter(|_| f.w1 > f.w0 && f.w1 <= words.len())?;
    let lone = f.w1 == f.w0 + 1 && !w.arabic;
    let first = if lone { super::bare_key(w) } else { &w.key };
    Some(key_of(words, f.w0, f.w1, first))
}

/// Whether `f` takes part: a name (person, organisation, place) of its own,
/// not a nationality word, a reference, a name inside a name or a linked
/// later mention.
fn counted(f: &Found) -> bool {
    matches!(f.kind, EntityType::Person | EntityType::Organization | EntityType::Place)
        && !f.demonym
        && !f.reference
        && !f.within
        && f.link.is_none()
        && f.lead == 0
}

/// A place its own words pin where it stands: after a locative preposition
/// ("In Seattle, Incaviglia's grand slam": the city, though the story
/// names the team Seattle ten times) or as a dateline in capitals at a
/// sentence's start ("NEW YORK 1996-08-30", "WIGAN, England").
pub(super) fn anchored(words: &[Word], f: &Found) -> bool {
    let Some(w) = words.get(f.w0) else { return false };
    // a name the gazetteer does not know is the tagger's guess wherever it
    // stands ("stakes in Navigation Mixte" beside the company named ten times)
    if f.kind != EntityType::Place || matches!(&f.what, What::Place { cands, .. } if cands.is_empty()) {
        return false;
    }
    after_locative(words, f.w0) || (w.sent_start && words[f.w0..f.w1].iter().all(|w| w.upper))
}

/// The tagger's one-word organisation after a locative preposition that
/// the article names as a mapped place elsewhere is that place ("storms
/// move toward Gainesville" in a headline, "Gainesville, Ga." in the
/// body): one against one is no majority, but the preposition decides.
/// `keyed`: the counted mentions' keys, sorted.
fn placed_after_locative(words: &[Word], accepted: &mut [Found], keyed: &[(String, usize)]) {
    let mapped = |f: &Found| matches!(&f.what, What::Place { cands, .. } if !cands.is_empty());
    let mut changes: Vec<(usize, usize)> = Vec::new();
    for group in keyed.chunk_by(|a, b| a.0 == b.0) {
        let Some(&(_, model)) =
            group.iter().find(|(_, i)| accepted[*i].kind == EntityType::Place && mapped(&accepted[*i]))
        else {
            continue;
        };
        for &(_, i) in group {
            let f = &accepted[i];
            if f.kind == EntityType::Organization
                && f.prio == PRIO_TAGGER
                && f.w1 == f.w0 + 1
                && after_locative(words, f.w0)
            {
                changes.push((i, model));
            }
        }
    }
    take_readings(accepted, changes);
}

/// Each (mention, model) of `changes`: the mention takes the model's kind
/// and what it names.
fn take_readings(accepted: &mut [Found], changes: Vec<(usize, usize)>) {
    for (i, model) in changes {
        let (kind, what): (EntityType, What) = (accepted[model].kind, accepted[model].what.clone());
        accepted[i].kind = kind;
        accepted[i].what = what;
    }
}

/// Gives the tagger's minority readings of a name the kind (and what it
/// names) of the article's clear majority for the same name.
pub(super) fn one_kind_per_name(words: &[Word], accepted: &mut [Found]) {
    let mut keyed: Vec<(String, usize)> = accepted
        .iter()
        .enumerate()
        .filter(|(_, f)| counted(f))
        .filter_map(|(i, f)| Some((key(words, f)?, i)))
        .collect();
    if keyed.len() < 2 {
        return;
    }
    crate::sort::sort(&mut keyed);
    placed_after_locative(words, accepted, &keyed);
    if keyed.len() < 3 {
        return;
    }
    let mut changes: Vec<(usize, usize)> = Vec::new();
    for group in keyed.chunk_by(|a, b| a.0 == b.0) {
        if group.len() < 3 {
            continue;
        }
        let count = |k: EntityType| group.iter().filter(|(_, i)| accepted[*i].kind == k).count();
        let kinds = [EntityType::Person, EntityType::Organization, EntityType::Place];
        let Some(major) = kinds.into_iter().max_by_key(|&k| count(k)) else { continue };
        let n = count(major);
        if n < MIN_MAJORITY {
            continue;
        }
        // the mention whose reading the others take: the first of the majority
        let Some(&(_, model)) = group.iter().find(|(_, i)| accepted[*i].kind == major) else { continue };
        for &(_, i) in group {
            let f = &accepted[i];
            // the gazetteer's reading of an English word the article names
            // a person ("the Bush administration" beside "Mr. Bush")
            let rule_place = f.prio == PRIO_PLACE && major == EntityType::Person && !words[f.w0].arabic;
            if f.kind != major
                && (f.prio == PRIO_TAGGER || rule_place)
                && n >= RATIO * count(f.kind)
                && !anchored(words, f)
            {
                changes.push((i, model));
            }
        }
    }
    take_readings(accepted, changes);
}

#[cfg(test)]
mod tests {
    use super::super::{recognise, words};
    use crate::model::EntityType;
    use crate::tagger::TaggedSpan;
    use crate::text::{sentences, tokenize};

    /// The kinds of the mentions of `name` in `t` (in any case) when the
    /// tagger gives its n-th occurrence the n-th kind of `kinds`.
    fn kinds_of(t: &str, name: &str, kinds: &[EntityType]) -> Vec<EntityType> {
        let toks = tokenize(t);
        let at: Vec<usize> =
            toks.iter().enumerate().filter(|(_, k)| k.text.eq_ignore_ascii_case(name)).map(|(i, _)| i).collect();
        assert_eq!(at.len(), kinds.len(), "{name} in {t}");
        let spans: Vec<TaggedSpan> = at
            .iter()
            .zip(kinds)
            .map(|(&i, &kind)| TaggedSpan { start_token: i, end_token: i + 1, kind, score: 0.9 })
            .collect();
        let chars: Vec<char> = t.chars().collect();
        recognise(&words(&toks, &sentences(t)), "en", &[], Some(&spans), true)
            .into_iter()
            .filter(|f| chars[f.start..f.end].iter().collect::<String>().eq_ignore_ascii_case(name))
            .map(|f| f.kind)
            .collect()
    }

    #[test]
    fn a_minority_reading_takes_the_articles_kind() {
        use EntityType::{Organization as O, Place as P};
        let t = "Crowds filled the streets of Miami on Sunday. Police said Miami was calm. \
                 The boy may stay if the Miami relatives appeal.";
        assert_eq!(kinds_of(t, "Miami", &[P, P, O]), [P, P, P]);
        // one against one is no majority
        let t = "Crowds filled the streets of Miami on Sunday. The Miami lawyers appeal.";
        assert_eq!(kinds_of(t, "Miami", &[P, O]), [P, O]);
    }

    #[test]
    fn an_organisation_after_a_preposition_is_the_place_named_elsewhere() {
        use EntityType::{Organization as O, Place as P};
        let t = "Storms move toward Gainesville. Rain fell on Gainesville, Ga., on Monday.";
        assert_eq!(kinds_of(t, "Gainesville", &[O, P]), [P, P]);
        // without the preposition, or with no place reading elsewhere, it stays
        let t = "Gainesville lawyers appeal. Rain fell on Gainesville, Ga., on Monday.";
        assert_eq!(kinds_of(t, "Gainesville", &[O, P]), [O, P]);
        let t = "Storms move toward Gainesville. Gainesville lawyers appeal.";
        assert_eq!(kinds_of(t, "Gainesville", &[O, O]), [O, O]);
    }

    #[test]
    fn a_place_after_a_preposition_or_in_a_dateline_stays() {
        use EntityType::{Organization as O, Place as P};
        let t = "Seattle beat Boston. Seattle scored twice. Seattle won again. In Seattle, fans cheered.";
        assert_eq!(kinds_of(t, "Seattle", &[O, O, O, P]), [O, O, O, P]);
        let t = "SEATTLE 1996-08-30 Results. Seattle beat Boston. Seattle scored twice. Seattle won.";
        assert_eq!(kinds_of(t, "Seattle", &[P, O, O, O]), [P, O, O, O]);
    }
}
