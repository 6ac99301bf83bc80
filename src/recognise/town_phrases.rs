//! English phrases that make a name the tagger calls a person a place:
//! where someone lives after their name and age ("Mark Smith, 54, of
//! Tyler"), a county or parish named after a title ("Queen Anne's County",
//! "Prince George's County": the title is the name's), and a list of
//! neighbouring towns that the tagger reads as people throughout ("Suba,
//! Migori, Homa Bay, Rongo and Kisumu").

use super::places::{comma_towns, joined_town, tagged_place};
use super::Word;
use crate::model::EntityType;
use crate::tagger::TaggedSpan;

/// Whether the capitalised English name at word `w0` follows "of" after a
/// comma, with a person's age or a capitalised name before that comma: a
/// residence in news ("Mark Smith, 54, of Tyler", "Jane Doe, of Ocala,
/// said").
pub(super) fn residence(words: &[Word], w0: usize) -> bool {
    if w0 < 2 || words[w0].brk || words[w0].arabic || !words[w0].cap {
        return false;
    }
    let (of, before) = (&words[w0 - 1], &words[w0 - 2]);
    if of.key != "of" || !of.comma_before {
        return false;
    }
    let age = before.comma_before
        && (1..=3).contains(&before.text.chars().count())
        && before.text.chars().all(|c| c.is_ascii_digit());
    age || (!before.arabic && before.cap && !before.f.en_stop && !before.f.title)
}

/// The word the county or parish name at words `w0..w1` (a tagger person,
/// its title cut off: "Anne's County") starts at when the title before it
/// is the name's: the title word and the rest are a county the gazetteer
/// holds ("Queen Anne's County").
pub(super) fn titled_county(words: &[Word], w0: usize, w1: usize) -> Option<usize> {
    let t = w0.checked_sub(1)?;
    let title = &words[t];
    if words[w0].brk || title.arabic || !title.cap || !title.f.title {
        return None;
    }
    super::merge::county(words, t, w1).map(|_| t)
}

/// Most names of a list looked at.
const MAX_LIST: usize = 12;

/// The end of the run of up to three capitalised words at `k`.
fn run_end(words: &[Word], k: usize) -> usize {
    let mut e = k + 1;
    while e < words.len() && e < k + 3 && !words[e].brk && !words[e].arabic && words[e].cap && !words[e].f.en_stop {
        e += 1;
    }
    e
}

/// Whether the capitalised English name at words `w0..w1`, a town of the
/// gazetteer, stands in a list of neighbouring towns ([`comma_towns`],
/// [`joined_town`]) that reaches, partner by partner, a name the tagger
/// does not call a person: the tagger reads
/// a long list of small towns as people throughout ("Migori, Homa Bay,
/// Rongo"), but two neighbouring towns in a row are rarely two people.
pub(super) fn listed_town(
    words: &[Word],
    tagged: &[TaggedSpan],
    min_score: f32,
    w0: usize,
    w1: usize,
) -> Option<(&'static [u32], usize)> {
    if w1 > w0 + 3 || !words[w0..w1].iter().all(|w| !w.arabic && w.cap) {
        return None;
    }
    let person = |k: usize| {
        let tok = words[k].tok;
        tagged
            .iter()
            .any(|t| t.kind == EntityType::Person && t.score >= min_score && t.start_token <= tok && tok < t.end_token)
    };
    let partners = |a: usize, b: usize, cands: &[u32]| {
        let [after, before] = comma_towns(words, a, b, cands);
        [joined_town(words, a, b, cands), after, before].into_iter().flatten().collect::<Vec<_>>()
    };
    let (cands, pre) = tagged_place(words, w0, w1)?;
    // along the list, name by name, up to a name the tagger does not call a person
    let mut seen = vec![w0];
    let mut queue = partners(w0, w1, cands);
    let mut ok = false;
    while let Some(k) = queue.pop() {
        if seen.contains(&k) || seen.len() > MAX_LIST {
            continue;
        }
        seen.push(k);
        if !person(k) {
            ok = true;
            break;
        }
        let e = run_end(words, k);
        if let Some((c, _)) = tagged_place(words, k, e) {
            queue.extend(partners(k, e, c));
        }
    }
    ok.then_some((cands, pre))
}
