//! The headline's happening and the lead that tells it.
//!
//! A news headline names the story's main happening in the present tense
//! and without its date ("الرياض تستضيف معرض الكتاب", "Egypt hosts Gaza
//! talks"); the lead, the body's first sentence, tells the same happening
//! with its date ("افتتح ... أمس معرض الرياض الدولي للكتاب", "mediators on
//! Wednesday opened a new round of negotiations in Cairo").

use super::{relation_of, Ev, M};
use crate::model::{Derivation, EntityType, Relation, Ymd};

/// Days before publication within which the lead's date is the news peg
/// ("أمس", "on Wednesday", "this week"; not "a year ago").
const PEG_DAYS: i64 = 7;

/// The lead: the first sentence that starts after the title (code points).
pub(super) fn lead(sentences: &[(usize, usize)], title_end: usize) -> Option<(usize, usize)> {
    sentences.iter().find(|s| s.0 >= title_end && s.1 > s.0).copied()
}

/// Whether `e` is a report of the headline (the title is the text's first
/// block: its sentences end by `title_end`).
pub(super) fn in_title(e: &Ev, title_end: usize) -> bool {
    e.start < title_end
}

/// Whether `later`, a report of the lead, tells the happening of the
/// headline report `e`: the same kind is enough there (the headline names
/// a country, the lead the city: "Egypt hosts talks", "talks in Cairo").
pub(super) fn lead_tells(e: &Ev, later: &Ev, title_end: usize, lead: Option<(usize, usize)>) -> bool {
    in_title(e, title_end) && lead.is_some_and(|(a, _)| later.start == a) && e.kind == later.kind
}

/// Dates a headline report that no report of the body dated by the lead's
/// date told from publication ("أمس", "اليوم", "on Wednesday") within
/// [`PEG_DAYS`]: the news peg of the story. Not a date the text names in
/// full (a lead's "in 2019" is background), not one that another happening of the lead holds, and
/// not for a headline told as still to come or only proposed.
pub(super) fn date_from_lead(
    out: &mut [Ev],
    mentions: &[M<'_>],
    title_end: usize,
    lead: Option<(usize, usize)>,
    published: Option<Ymd>,
) {
    let (Some((a, b)), Some(p)) = (lead, published) else { return };
    let lo = mentions.partition_point(|m| m.start < a);
    let peg = mentions[lo..]
        .iter()
        .take_while(|m| m.start < b)
        .filter(|m| m.kind == EntityType::Date && m.end <= b)
        .filter_map(|m| m.date)
        .find(|d| d.derivation != Derivation::Explicit && d.end <= p && crate::time::within_days(d, p, PEG_DAYS));
    let Some(d) = peg else { return };
    let held = |kind: &str| out.iter().any(|x| x.start == a && x.kind != kind && x.date.as_ref() == Some(d));
    let open: Vec<usize> = (0..out.len())
        .filter(|&i| {
            let e = &out[i];
            in_title(e, title_end) && e.date.is_none() && e.approx.is_none() && e.relation != Relation::Upcoming
        })
        .filter(|&i| !held(out[i].kind))
        .collect();
    for i in open {
        out[i].date = Some(d.clone());
        out[i].relation = relation_of(Some(d), published, false);
    }
}
