//! English firms the tagger read as people: a business named after its
//! founders ("Goldman Sachs", "Kidder Peabody", "Shearson Lehman Hutton")
//! or by a bare word ("Pirelli", "Rally's") looks like a surname. What
//! the text says around one of its mentions tells: its shares, its board,
//! its chairman, an analyst at it, a list of firms it stands in. Then
//! every mention of that name, and its first word alone later ("Shearson"
//! after "Shearson Lehman Hutton"), is the firm.
//!
//! Only names without a given name, a title or an honorific before them
//! ("Mr. Schwarz" stays a man), and that no person named in full ends in
//! ("Clinton's shares" after "Bill Clinton") are read again.

use super::lists::{en_business_nouns, en_firm_after, en_firm_at, en_firm_of, en_firm_owned, en_market_verbs};
use super::{key_of, Found, What, Word};
use crate::model::EntityType;

/// Whether `f` is a person's name the rules may read as a firm: one to
/// three capitalised English words, none a given name or an initial, no
/// title or honorific before them, not a later mention of someone.
fn surname_like(words: &[Word], f: &Found) -> bool {
    let Some(ws) = words.get(f.w0..f.w1) else { return false };
    let before = f.w0.checked_sub(1).map(|k| &words[k]).filter(|_| !ws[0].brk);
    matches!(f.what, What::Person { .. })
        && f.link.is_none()
        && !f.demonym
        && (1..=3).contains(&ws.len())
        && ws.iter().all(|w| {
            !w.arabic
                && (w.cap || w.upper)
                && w.key.chars().count() >= 2
                && !w.text.ends_with('.')
                && w.f.given.is_none()
                && super::possessive_reading(w).is_none_or(|r| super::lexicon::is_given_name(&r.key).is_none())
        })
        && !before.is_some_and(|b| b.f.title || super::lists::en_honorifics().contains(&b.key))
}

/// Where the words say a name next to them is a firm's: the ends of
/// names a word after them shows ("Pirelli shares", "Rally's stock",
/// "Petofi 's board") and the starts of names a word before them shows
/// ("chairman of Petofi", "an analyst at Goldman Sachs", "the toy store
/// F.A.O. Schwarz"). Only the words flagged [`super::Feat::firm_cue`] are
/// looked at.
fn cue_positions(words: &[Word]) -> (Vec<usize>, Vec<usize>) {
    let (mut ends, mut starts) = (Vec::new(), Vec::new());
    let runs = |k: usize| words.get(k).is_some_and(|w| !w.brk);
    for (i, w) in words.iter().enumerate().filter(|(_, w)| w.f.firm_cue && !w.cap && !w.arabic) {
        if (en_firm_after().contains(&w.key) || en_firm_owned().contains(&w.key)) && !w.brk && i > 0 {
            // past a possessive written apart
            let apart = matches!(&*words[i - 1].text, "'s" | "’s" | "'" | "’") && !words[i - 1].brk;
            // "shares", "stock", "board" may be verbs ("Perot shares his
            // fortune"): only as a noun owned by the name ("Rally's stock")
            // or before a verb of the market ("Pirelli shares reacted")
            let owned = apart || super::possessive_reading(&words[i - 1]).is_some() || market_verb(words, i + 1);
            if en_firm_after().contains(&w.key) || owned {
                ends.push(if apart { i - 1 } else { i });
            }
        }
        if en_business_nouns().contains(&w.key) && runs(i + 1) {
            starts.push(i + 1);
        }
        let prep = words.get(i + 1).filter(|_| runs(i + 1) && runs(i + 2)).map(|p| p.key.as_ref());
        if (prep == Some("of") && en_firm_of().contains(&w.key))
            || (prep == Some("at") && en_firm_at().contains(&w.key))
        {
            starts.push(i + 2);
        }
    }
    (ends, starts)
}

/// A lowercase past-tense verb or a form of "be" at word `k`, right after
/// a name's "shares" or "stock" or after "also" there ("Pirelli shares
/// reacted", "Dow Jones shares also fell"): the noun, not the verb.
fn market_verb(words: &[Word], k: usize) -> bool {
    let verb = |w: &Word| w.key.ends_with("ed") || en_market_verbs().contains(&w.key);
    let plain = |k: usize| words.get(k).filter(|w| !w.brk && !w.cap && !w.arabic);
    match plain(k) {
        Some(w) if w.key.as_ref() == "also" => plain(k + 1).is_some_and(verb),
        Some(w) => verb(w),
        None => false,
    }
}

/// Reads as firms the people of `accepted` whose name one of its
/// mentions shows to be a firm's (see the module's text), and marks the
/// firm where the tagger left its name unmarked. `accepted` is sorted by
/// position, and stays so.
pub(super) fn mark(words: &[Word], accepted: &mut Vec<Found>) {
    if !accepted.iter().any(|f| f.kind == EntityType::Person && surname_like(words, f)) {
        return;
    }
    // the last words of the people named in full
    let full: Vec<&str> = accepted
        .iter()
        .filter(|f| f.kind == EntityType::Person && f.w1 >= f.w0 + 2 && f.w1 <= words.len())
        .filter(|f| !surname_like(words, f))
        .map(|f| super::bare_key(&words[f.w1 - 1]))
        .collect();
    let key = |f: &Found| key_of(words, f.w0, f.w1, super::bare_key(&words[f.w0]));
    let candidate = |f: &Found| {
        f.kind == EntityType::Person && surname_like(words, f) && !full.contains(&super::bare_key(&words[f.w1 - 1]))
    };
    // the cue may stand by a mention the tagger left unmarked ("holds
    // 3,000 Rally's shares" before "Rally had net income")
    let (ends, starts) = cue_positions(words);
    let cued = |f: &Found| {
        let n = f.w1 - f.w0;
        let same = |i: usize| {
            i + n <= words.len()
                && (0..n).all(|k| super::bare_key(&words[i + k]) == super::bare_key(&words[f.w0 + k]))
                && words[i + 1..i + n].iter().all(|w| !w.brk)
        };
        ends.iter().any(|&e| e >= n && same(e - n)) || starts.iter().any(|&s| same(s))
    };
    let mut firms: Vec<String> = accepted.iter().filter(|f| candidate(f) && cued(f)).map(key).collect();
    // the names that may be read again, keyed once
    let people: Vec<(usize, String)> = accepted
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == EntityType::Person && surname_like(words, f))
        .map(|(i, f)| (i, key(f)))
        .collect();
    // a list of three names or more, one of them a body and the others
    // surnames of two words or more: they are bodies too ("Merrill Lynch,
    // Goldman Sachs and Kidder Peabody"); again while that shows more.
    // So are the names of a list after a kind of business and "including".
    for _ in 0..3 {
        retype(accepted, &people, &firms);
        let before = firms.len();
        for list in lists(words, accepted) {
            let orgs = list.iter().filter(|&&i| accepted[i].kind == EntityType::Organization).count();
            // "firms including Mobil, Shell and Caltex": every name is one
            if introduced(words, accepted[list[0]].w0) {
                let names = list.iter().map(|&i| &accepted[i]).filter(|f| candidate(f));
                firms.extend(names.map(key));
            } else if list.len() >= 3 && orgs >= 1 && orgs < list.len() {
                let rest = list.iter().filter(|&&i| accepted[i].kind != EntityType::Organization);
                let names: Vec<&Found> = rest.map(|&i| &accepted[i]).collect();
                if names.iter().all(|f| candidate(f) && f.w1 >= f.w0 + 2) {
                    firms.extend(names.into_iter().map(key));
                }
            }
        }
        if firms.len() == before {
            break;
        }
    }
    retype(accepted, &people, &firms);
    unmarked(words, accepted, &firms);
}

/// The firms' names where nothing was read: written alike, in one run of
/// words ("Petofi" unmarked beside "Petofi 's board").
fn unmarked(words: &[Word], accepted: &mut Vec<Found>, firms: &[String]) {
    if firms.is_empty() {
        return;
    }
    // (mention, first word, words) of each firm
    let named: Vec<(usize, usize, usize)> = accepted
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == EntityType::Organization && f.link.is_none() && f.w1 <= words.len())
        .filter(|(_, f)| firms.contains(&key_of(words, f.w0, f.w1, super::bare_key(&words[f.w0]))))
        .map(|(m, f)| (m, f.w0, f.w1 - f.w0))
        .collect();
    if named.is_empty() {
        return;
    }
    let mut covered = vec![false; words.len()];
    for f in accepted.iter() {
        for c in covered.iter_mut().take(f.w1.min(words.len())).skip(f.w0) {
            *c = true;
        }
    }
    let mut extra = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let same = |&&(_, o0, n): &&(usize, usize, usize)| {
            i + n <= words.len()
                && (0..n).all(|k| {
                    let (w, o) = (&words[i + k], &words[o0 + k]);
                    !covered[i + k] && w.cap == o.cap && w.upper == o.upper && super::bare_key(w) == super::bare_key(o)
                })
                && words[i + 1..i + n].iter().all(|w| !w.brk)
        };
        let Some(&(m, _, n)) = named.iter().find(same) else {
            i += 1;
            continue;
        };
        let mut f = accepted[m].clone();
        f.w0 = i;
        f.w1 = i + n;
        (f.start, f.end) = super::span(words, i, i + n, 0);
        extra.push(f);
        i += n;
    }
    if !extra.is_empty() {
        accepted.extend(extra);
        super::by_position(accepted);
    }
}

/// The people among `accepted` (`people`: their indexes and keys) named
/// `firms`, or by a firm's first words ("Shearson Lehman", "Shearson" of
/// "Shearson Lehman Hutton"), made organisations.
fn retype(accepted: &mut [Found], people: &[(usize, String)], firms: &[String]) {
    if firms.is_empty() {
        return;
    }
    for (i, k) in people {
        let f = &mut accepted[*i];
        let first_words = |firm: &String| firm.strip_prefix(k.as_str()).is_some_and(|rest| rest.starts_with(' '));
        if f.kind == EntityType::Person && (firms.contains(k) || firms.iter().any(first_words)) {
            f.kind = EntityType::Organization;
            f.what = What::Org { curated: None, key: k.clone() };
        }
    }
}

/// Runs of names of one sentence joined by commas, "and" or "or" ("Merrill
/// Lynch, Goldman Sachs and Kidder Peabody"), a lone name a run of one:
/// indexes into `accepted`.
fn lists(words: &[Word], accepted: &[Found]) -> Vec<Vec<usize>> {
    let name = |f: &Found| {
        matches!(f.kind, EntityType::Person | EntityType::Organization | EntityType::Place)
            && !f.demonym
            && !f.within
            && f.w1 <= words.len()
    };
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    let mut last: Option<usize> = None;
    for (i, f) in accepted.iter().enumerate().filter(|(_, f)| name(f)) {
        let joined = last.is_some_and(|p| {
            let p1 = accepted[p].w1;
            let w = &words[f.w0];
            let conj = |k: usize| words.get(k).is_some_and(|c| matches!(c.key.as_ref(), "and" | "or") && !c.cap);
            (f.w0 == p1 && w.comma_before && !w.dash_before)
                || (f.w0 == p1 + 1 && conj(p1) && !w.brk && (!words[p1].brk || words[p1].comma_before))
        });
        if !joined && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        cur.push(i);
        last = Some(i);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Whether a list starting at word `w0` follows a kind of business and
/// "including", "like" or "such as" ("Multinational firms including
/// Mobil", "blue chips like IDLC").
fn introduced(words: &[Word], w0: usize) -> bool {
    let lower = |k: usize| words.get(k).filter(|w| !w.cap && !w.arabic && !words[k + 1].brk);
    let intro = match w0.checked_sub(1).and_then(lower).map(|w| w.key.as_ref()) {
        Some("including" | "like") => 1,
        Some("as") if w0.checked_sub(2).and_then(lower).is_some_and(|w| w.key.as_ref() == "such") => 2,
        _ => return false,
    };
    w0.checked_sub(intro + 1).and_then(lower).is_some_and(|w| en_business_nouns().contains(&w.key))
}
