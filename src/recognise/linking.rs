//! Later mentions: a person's surname alone, an organisation's head noun
//! ("التحالف" after "التحالف الدولي", "the Coalition"). An Arabic head
//! noun is a reference to the body, not a name (it has no capital letter
//! to make it one): [`crate::model::MentionForm::Reference`].

use super::lists::{ar_locatives, ar_org_heads, en_locatives};
use super::{definite, is_demonym, is_title_word, span, Found, What, Word};
use crate::hash::FnvBuild;
use crate::model::EntityType;
use std::collections::HashMap;

/// Later mentions: a person's surname alone, an organisation's head noun
/// ("the Coalition" after "the Global Coalition") when `org_heads` (the
/// merge policy's choice per language).
pub(super) fn link_later_mentions(words: &[Word], accepted: &mut Vec<Found>, org_heads: bool) {
    bodies_named_as_people(words, accepted);
    surnames_over_places(words, accepted);
    short_names_over_guesses(words, accepted);
    company_stems(words, accepted);
    tail_names(words, accepted);
    let mut covered = vec![false; words.len()];
    for f in accepted.iter() {
        for c in covered.iter_mut().take(f.w1.min(words.len())).skip(f.w0) {
            *c = true;
        }
    }
    // (key, accepted index, first word where it may be used)
    let mut keys: Vec<(String, usize, usize, EntityType)> = Vec::new();
    for (idx, f) in accepted.iter().enumerate() {
        if f.w1 > words.len() || f.w1 <= f.w0 {
            continue;
        }
        match &f.what {
            What::Person { .. } | What::KnownPerson(_) if f.w1 - f.w0 >= 2 => {
                let last = &words[f.w1 - 1];
                // after "عبد", "أبو", "بن" the last word is part of a given
                // name or the father's ("عبد الله", "محمد بن سلمان"): alone
                // it is not this person
                let compound = words[f.w1 - 2].f.particle;
                // nor is an ordinal ("عبدالله الثاني": "النائب الثاني" is not the king)
                if last.key.chars().count() >= 3 && !last.f.particle && !compound && !super::number_word(last) {
                    keys.push((String::from(&last.key), idx, f.w1, EntityType::Person));
                }
            }
            // only well-known bodies: a bare "الحكومة" or "the party" is
            // too vague to pin on a pattern match
            What::Org { curated: Some(_), .. } if f.w1 - f.w0 >= 2 && org_heads => {
                let first = &words[f.w0];
                if first.arabic {
                    let head = first.readings.iter().map(|r| r.key.as_str()).find(|k| ar_org_heads().contains(k));
                    // a head noun only: "التحالف" of "التحالف الدولي", "الحزب"
                    // of "حزب الله"; a first word that heads nothing ("السعودي"
                    // of "السعودي الفرنسي", "الاتصالات") is no reference to the body
                    let head = head.map(str::to_string);
                    if let Some(h) = head {
                        let h = if h.starts_with("ال") { h } else { format!("ال{h}") };
                        keys.push((h, idx, f.w1, EntityType::Organization));
                    }
                } else {
                    let last = &words[f.w1 - 1];
                    if last.f.en_org_head {
                        keys.push((String::from(&last.key), idx, f.w1, EntityType::Organization));
                    }
                }
            }
            What::Org { .. } if company(words, f) => {
                keys.push((String::from(&words[f.w0].key), idx, f.w1, EntityType::Organization));
            }
            _ => {}
        }
    }
    if keys.is_empty() {
        return;
    }
    crate::sort::sort_by(&mut keys, |a, b| a.0.cmp(&b.0));
    // a head shared by two bodies ("الاتحاد" of Europe and of Africa) names neither
    let org_id = |idx: usize| match &accepted[idx].what {
        What::Org { curated: Some(o), .. } => Some(o.id),
        _ => None,
    };
    let ambiguous: Vec<String> = keys
        .windows(2)
        .filter(|w| w[0].0 == w[1].0 && w[0].3 == EntityType::Organization && org_id(w[0].1) != org_id(w[1].1))
        .map(|w| w[0].0.clone())
        .collect();
    // and so is a head that several named bodies' full names start with
    // ("البنك" in a story of "البنك الأهلي", "السعودي الفرنسي" and "بنك الرياض")
    let mut heads: Vec<(String, &'static str)> = accepted
        .iter()
        .filter_map(|f| match &f.what {
            What::Org { curated: Some(o), .. } => {
                let first = crate::text::normalize_key(o.ar.split(' ').next().unwrap_or(""));
                let bare = first.strip_prefix("ال").unwrap_or(&first);
                ar_org_heads().contains(bare).then(|| (format!("ال{bare}"), o.id))
            }
            _ => None,
        })
        .collect();
    crate::sort::sort(&mut heads);
    heads.dedup();
    let ambiguous: Vec<String> =
        ambiguous.into_iter().chain(heads.windows(2).filter(|w| w[0].0 == w[1].0).map(|w| w[0].0.clone())).collect();
    keys.retain(|k| !ambiguous.contains(&k.0));
    // a headline names by surname the people its story names in full
    // ("الجبير يلتقي شتاينماير", "Merkel meets Macron")
    let headline = |wi: usize| in_headline(words, wi);
    let mut extra = Vec::new();
    let mut next_free = 0;
    for (wi, w) in words.iter().enumerate() {
        if covered[wi] || wi < next_free {
            continue;
        }
        if !w.arabic && !w.cap {
            continue;
        }
        // a nationality word that describes the noun before it or the name
        // after it ("الرئيس المصري", "نظيره السوداني عبد الفتاح البرهان")
        // is not the surname of an earlier "أحمد المصري"
        let adjective = is_demonym(w)
            && (wi.checked_sub(1).is_some_and(|p| {
                let p = &words[p];
                !w.brk && (definite(p) || is_title_word(p) || p.f.org_head || is_demonym(p))
            }) || accepted.iter().any(|f| f.w0 == wi + 1 && f.kind == EntityType::Person));
        for (ri, r) in w.readings.iter().enumerate() {
            // the latest earlier mention with this key
            let lo = keys.partition_point(|k| k.0.as_str() < r.key.as_str());
            let hi = lo + keys[lo..].partition_point(|k| k.0.as_str() == r.key.as_str());
            let hit = keys[lo..hi]
                .iter()
                .filter(|(_, _, from, kind)| *from <= wi || (headline(wi) && *kind == EntityType::Person))
                .max_by_key(|(_, idx, _, _)| accepted[*idx].start);
            // a bare definite head after a definite word, nothing attached,
            // is its adjective ("الجهود المنظمة": organised efforts)
            let org_adjective = w.arabic && r.pre == 0 && wi > 0 && !w.brk && definite(&words[wi - 1]);
            // a surname without the article is not that word with it: "الحرب"
            // (the war) is not "طلعت حرب" again
            let article_dropped = w.arabic && definite(w) && !r.key.starts_with("ال");
            let fits = |h: &&(String, usize, usize, EntityType)| {
                let describes = match h.3 {
                    EntityType::Person => adjective || article_dropped,
                    EntityType::Organization => org_adjective,
                    _ => false,
                };
                !describes
            };
            if let Some((_, idx, _, kind)) = hit.filter(fits) {
                // the word before is the name's own word before its last,
                // left out where the tagger read "طلعت حرب" as "طلعت" + "حرب"
                let full = &accepted[*idx];
                let before = (*kind == EntityType::Person && r.pre == 0 && wi > 0 && !w.brk && !w.quote_before)
                    .then(|| wi - 1)
                    .filter(|&b| !covered[b] && extra.last().is_none_or(|e: &Found| e.w1 <= b))
                    .filter(|&b| full.w1 >= full.w0 + 2 && words[b].key == words[full.w1 - 2].key);
                let wi0 = before.unwrap_or(wi);
                // "Control Data's" after "Control Data Corp.": the body's
                // next words too, short of its whole name
                let mut wi1 = wi + 1;
                while *kind == EntityType::Organization
                    && !w.arabic
                    && full.w0 + (wi1 - wi) + 1 < full.w1
                    && words.get(wi1).is_some_and(|n| {
                        !covered[wi1]
                            && !n.brk
                            && n.readings.iter().any(|r| r.pre == 0 && r.key == words[full.w0 + (wi1 - wi)].key)
                    })
                {
                    wi1 += 1;
                }
                next_free = wi1;
                let (start, end) = span(words, wi0, wi1, if before.is_some() { 0 } else { w.readings[ri].pre });
                // an English possessive ("Castro's remarks") stays outside:
                // `span` takes it off the last word already when it is read
                // without a proclitic, so the end is the word's end less it
                // (taking it off `end` again cut "Castro's" to "Cast")
                let end = if w.arabic || r.post == 0 || wi1 > wi + 1 { end } else { w.end - r.post };
                let what = full.what.clone();
                let earlier = (full.start, full.end);
                let mut f = Found::new((wi0, wi1), (start, end), *kind, what, 0).linked_to(earlier);
                // an Arabic head noun ("التحالف") refers to the body; it is not its name
                f.reference = w.arabic && *kind == EntityType::Organization;
                extra.push(f);
                break;
            }
        }
    }
    accepted.extend(extra);
}

/// Whether word `wi` stands in the article's headline: its first
/// sentence, when more follow.
fn in_headline(words: &[Word], wi: usize) -> bool {
    let first = words.first().map(|w| w.sent);
    words.last().is_some_and(|l| Some(l.sent) != first) && Some(words[wi].sent) == first
}

/// A single word read as a place that is the surname of a person the
/// article names in full ("Jordan" after "Neil Jordan", "Washington" after
/// "MaliVai Washington", "Houston" after "Whitney Houston") is that person
/// again, not the country or the town: the place is dropped, and
/// [`link_later_mentions`] links the word to the person. A word after a
/// locative preposition ("a trip to Jordan", "في الأردن") or with a
/// proclitic attached ("بالأردن") stays the place, and so does one the
/// person's own name is read inside ("Jordan" is no later mention of
/// "Jordan Henderson"). So is an English one-word organisation that no
/// list holds, the tagger's guess ("Florida International's Fernandez"
/// after "Damien Fernandez").
fn surnames_over_places(words: &[Word], accepted: &mut Vec<Found>) {
    // a person named by title and surname counts in English ("President
    // Bush": then "the Bush government" is no town in Egypt)
    let titled = |f: &Found| {
        f.w1 == f.w0 + 1 && f.w0 > 0 && !words[f.w0].arabic && super::person_spans::name_title(&words[f.w0 - 1])
    };
    let persons = accepted
        .iter()
        .filter(|f| matches!(f.what, What::Person { .. } | What::KnownPerson(_)) && f.w1 <= words.len())
        .filter(|f| (f.w1 >= f.w0 + 2 && !words[f.w1 - 2].f.particle) || titled(f));
    // (surname, the person's start, whether it is the given name instead)
    let names: Vec<(&str, usize, bool)> = persons
        .flat_map(|f| {
            let given = (!words[f.w0].arabic).then(|| (&*words[f.w0].key, f.start, true));
            std::iter::once((&*words[f.w1 - 1].key, f.start, false)).chain(given)
        })
        .collect();
    if names.is_empty() {
        return;
    }
    let headline = |wi: usize| in_headline(words, wi);
    accepted.retain(|f| {
        let Some(w) = words.get(f.w0).filter(|_| f.w1 == f.w0 + 1) else { return true };
        // a one-word organisation of no list, in capitals and lowercase
        // ("Florida International's Fernandez" after "Damien Fernandez",
        // "Elian's father" after "Elian Gonzalez"), is the person again
        // too: the tagger's guess, not a known body
        let org = f.kind == EntityType::Organization
            && matches!(f.what, What::Org { curated: None, .. })
            && !w.arabic
            && w.cap
            && !w.upper;
        if !(org || f.kind == EntityType::Place) || f.demonym || f.within || f.link.is_some() {
            return true;
        }
        // "in Kopp's car": a possessive after the preposition is the
        // person's ("in Miami's Little Havana" names no person in full)
        let possessive = !w.arabic && w.readings.iter().any(|r| r.post > 0);
        // a small place's name after "in" is still the person's ("interest
        // in Kopp as a suspect"; "a trip to Jordan" is the country, "to
        // Reston, Virginia" the town)
        let notable = matches!(&f.what, What::Place { cands, .. } if super::merge::notable_first(cands));
        let contained = words
            .get(f.w1)
            .is_some_and(|n| n.comma_before && n.cap && super::merge::notable_first(crate::gazetteer::lookup(&n.key)));
        let locative = !possessive && after_locative(words, f.w0) && (notable || contained || w.arabic);
        let attached = w.arabic && f.start > w.start;
        let is_key = |k: &str| k == &*w.key || (possessive && w.readings.iter().any(|r| r.post > 0 && r.key == k));
        let surname =
            names.iter().any(|&(k, start, given)| (org || !given) && is_key(k) && (start < f.start || headline(f.w0)));
        !surname || locative || attached
    });
}

/// An English organisation of no list, two plain capitalised words, whose
/// last word the article names as a person elsewhere is that person: "the
/// hated dictator, Fidel Castro" and "the dictatorship of Fidel Castro"
/// were bodies beside "Castro said" (AQUAINT NYT20000403).
fn bodies_named_as_people(words: &[Word], accepted: &mut [Found]) {
    let surnames: Vec<(usize, &str)> = accepted
        .iter()
        .filter(|f| matches!(f.what, What::Person { .. } | What::KnownPerson(_)) && f.w1 <= words.len())
        .map(|f| (f.start, &*words[f.w1 - 1].key))
        .collect();
    if surnames.is_empty() {
        return;
    }
    for f in accepted.iter_mut() {
        let What::Org { curated: None, key } = &f.what else { continue };
        if f.w1 != f.w0 + 2 || f.w1 > words.len() || f.link.is_some() {
            continue;
        }
        let (first, last) = (&words[f.w0], &words[f.w0 + 1]);
        let plain = |w: &Word| !w.arabic && w.cap && !w.upper && !w.f.en_org_head && !w.f.en_stop;
        if !(plain(first) && plain(last)) {
            continue;
        }
        if surnames.iter().any(|&(start, k)| start != f.start && k == &*last.key) {
            f.what = What::Person { key: key.clone() };
            f.kind = EntityType::Person;
        }
    }
}

/// An English person named later by the last words of a longer name the
/// article gave before ("Bin Laden" after "Osama bin Laden", "Mas Santos"
/// after "Jorge Mas Santos") is that person again, not a second one.
fn tail_names(words: &[Word], accepted: &mut [Found]) {
    let english = |f: &Found| f.link.is_none() && f.w1 <= words.len() && !words[f.w0].arabic;
    let person = |f: &Found| matches!(f.what, What::Person { .. }) && english(f);
    let mut links = Vec::new();
    // the later words may be the tagger's organisation guess ("Mas Santos said")
    let guess = |f: &Found| matches!(f.what, What::Person { .. } | What::Org { curated: None, .. }) && english(f);
    for (i, f) in accepted.iter().enumerate().filter(|(_, f)| guess(f) && f.w1 >= f.w0 + 2) {
        let n = f.w1 - f.w0;
        let same = |o: &Found| (0..n).all(|k| words[o.w1 - n + k].key == words[f.w0 + k].key);
        if let Some(o) = accepted.iter().rev().find(|o| person(o) && o.end <= f.start && o.w1 - o.w0 > n && same(o)) {
            links.push((i, (o.start, o.end), o.what.clone()));
        }
    }
    for (i, span, what) in links {
        accepted[i].kind = EntityType::Person;
        accepted[i].what = what;
        accepted[i].link = Some(span);
    }
}

/// Whether an English organisation's first word `w0` may stand for it
/// alone later ("Delta" after "Delta Air Lines"): a capitalised word
/// that is no stop word, title, nationality or country, and that the
/// article never writes after a locative preposition ("Texas Air Corp.
/// ... in Texas": the state).
fn short_name(words: &[Word], w0: usize) -> bool {
    let w = &words[w0];
    let plain = !w.arabic
        && w.cap
        && w.key.chars().count() >= 3
        && !w.f.en_stop
        && !w.f.title
        && !w.f.en_org_head
        && !is_demonym(w);
    plain && {
        let cands = crate::gazetteer::lookup(&w.key);
        cands.is_empty()
            || (!super::merge::country_first(cands)
                && !words.iter().enumerate().any(|(i, o)| o.key == w.key && after_locative(words, i)))
    }
}

/// An English organisation named in full: of two words or more, no
/// later mention and no place's reference inside another name.
fn named_org(words: &[Word], f: &Found) -> bool {
    matches!(f.what, What::Org { .. })
        && f.w1 >= f.w0 + 2
        && f.w1 <= words.len()
        && f.link.is_none()
        && !f.within
        && !f.reference
        && !words[f.w0].arabic
}

/// An English company named in full that its first words may stand for
/// later ([`short_name`], [`company_first`]).
fn company(words: &[Word], f: &Found) -> bool {
    named_org(words, f) && company_first(words, f.w1) && short_name(words, f.w0)
}

/// An English company's name: its last word a legal form or line of
/// business ("Co.", "Corp.", "Airlines"; "Ulster" of "Ulster Unionists"
/// is the province again).
fn company_first(words: &[Word], w1: usize) -> bool {
    super::lists::en_company_suffixes().contains(&words[w1 - 1].key)
}

/// A single word read as a place, a person or an organisation of no list
/// that is the first word of an English organisation named before it in
/// full ("Delta posted net income" after "Delta Air Lines": the tagger and
/// the gazetteer read a town called Delta) is that organisation again: the
/// guess is dropped, and [`link_later_mentions`] links the word to the
/// body. A word after a locative preposition stays a place, and a person's
/// surname stays the person's ([`surnames_over_places`] runs first).
fn short_names_over_guesses(words: &[Word], accepted: &mut Vec<Found>) {
    // the companies: their first and last word, and where they end
    let orgs: Vec<(usize, usize, usize)> =
        accepted.iter().filter(|f| company(words, f)).map(|f| (f.w0, f.w1, f.end)).collect();
    if orgs.is_empty() {
        return;
    }
    let people: Vec<&str> = accepted
        .iter()
        .filter(|f| f.kind == EntityType::Person && f.w1 >= f.w0 + 2 && f.w1 <= words.len())
        .map(|f| &*words[f.w1 - 1].key)
        .collect();
    // a name read word for word as the start of a company named before it
    // ("Control Data" after "Control Data Corp.")
    let prefix = |f: &Found| {
        orgs.iter().any(|&(o0, o1, end)| {
            end <= f.start
                && o1 - o0 > f.w1 - f.w0
                && (0..f.w1 - f.w0)
                    .all(|k| words[f.w0 + k].readings.iter().any(|r| r.pre == 0 && r.key == words[o0 + k].key))
        })
    };
    accepted.retain(|f| {
        if f.w1 > words.len() {
            return true;
        }
        if f.link.is_none() && f.kind == EntityType::Person && f.w1 > f.w0 + 1 && prefix(f) {
            return false;
        }
        let Some(w) = words.get(f.w0).filter(|_| f.w1 == f.w0 + 1) else { return true };
        let guess = match &f.what {
            What::Place { cands, .. } => cands.is_empty() || !after_locative(words, f.w0),
            What::Person { .. } => !people.contains(&&*w.key),
            What::Org { curated: None, .. } => true,
            _ => false,
        };
        let is_key = |k: &str| k == &*w.key || (!w.arabic && w.readings.iter().any(|r| r.post > 0 && r.key == k));
        !(guess
            && !f.demonym
            && !f.within
            && f.link.is_none()
            && orgs.iter().any(|&(o0, _, end)| end <= f.start && is_key(&words[o0].key)))
    });
}

/// Whether word `wi` follows a locative preposition in the same run ("in
/// Seattle", "في الأردن").
pub(super) fn after_locative(words: &[Word], wi: usize) -> bool {
    wi > 0 && words.get(wi).is_some_and(|w| !w.brk) && {
        let p = &words[wi - 1];
        ar_locatives().contains(&p.key) || en_locatives().contains(&p.key)
    }
}

/// An English organisation's name of two words or more written again
/// word for word ("British Gas" before or after "British Gas" is read as
/// one), and a company's name without its legal form named later
/// ("U.S. Trust's earnings", "of U.S. Trust" after "U.S. Trust Corp."):
/// those words are the organisation again, over what was read inside them
/// (the place "U.S.", the nationality "British"); a later one is linked
/// to it. Only in one run of words, and only where nothing read there
/// reaches outside them.
fn company_stems(words: &[Word], accepted: &mut Vec<Found>) {
    // (first word, end of the words to find, the organisation)
    let mut names: Vec<(usize, usize, &Found)> = Vec::new();
    for f in accepted.iter() {
        let plain = named_org(words, f)
            && words[f.w0..f.w1].iter().all(|w| w.cap || w.upper)
            && words[f.w0..f.w1].iter().any(|w| !w.upper)
            // a town's name read as its team ("St Louis") stays the town elsewhere
            && crate::gazetteer::lookup(&super::key_of(words, f.w0, f.w1, &words[f.w0].key)).is_empty();
        if !plain {
            continue;
        }
        if !names
            .iter()
            .any(|&(o0, o1, _)| o1 - o0 == f.w1 - f.w0 && (o0..o1).all(|k| words[k].key == words[f.w0 + k - o0].key))
        {
            names.push((f.w0, f.w1, f));
        }
        if f.w1 >= f.w0 + 3 && company_first(words, f.w1) {
            names.push((f.w0, f.w1 - 1, f));
        }
    }
    if names.is_empty() {
        return;
    }
    // where the names' first words stand: one probe a word, not a pass over
    // the words per name
    let mut starts: HashMap<&str, Vec<usize>, FnvBuild> = HashMap::default();
    for &(o0, _, _) in &names {
        starts.entry(&words[o0].key).or_default();
    }
    for (i, w) in words.iter().enumerate() {
        if let Some(at) = starts.get_mut(w.key.as_str()) {
            at.push(i);
        }
    }
    let mut found: Vec<(usize, usize, Found)> = Vec::new();
    for &(o0, o1, full) in &names {
        let n = o1 - o0;
        let stem = o1 < full.w1;
        // a company's stem only after the company
        let from = if stem { words.partition_point(|w| w.start < full.end) } else { 0 };
        let at = starts.get(words[o0].key.as_str()).map_or(&[][..], Vec::as_slice);
        for &i in at.iter().filter(|&&i| i >= from && i + n <= words.len()) {
            let last = &words[i + n - 1];
            // word for word, written alike ("Human Rights" is no "human rights")
            let alike = |k: usize| words[i + k].cap == words[o0 + k].cap && words[i + k].upper == words[o0 + k].upper;
            let same = i != o0
                && (0..n - 1).all(|k| words[i + k].key == words[o0 + k].key)
                && (0..n).all(alike)
                && (last.key == words[o1 - 1].key || super::bare_key(last) == words[o1 - 1].key);
            // the whole name again ("U.S. Trust Corp.") is read already
            let longer = stem && words.get(i + n).is_some_and(|w| !w.brk && w.key == words[o1].key);
            if !same || longer || words[i + 1..i + n].iter().any(|w| w.brk) {
                continue;
            }
            // what was read there lies inside the words, or it is left alone
            let inside = |f: &Found| f.w0 < i + n && i < f.w1;
            let fits = |f: &Found| {
                let exact = f.w0 == i && f.w1 == i + n;
                i <= f.w0
                    && f.w1 <= i + n
                    && !(exact && (f.link.is_some() || !stem && f.kind == EntityType::Organization))
            };
            let free = !found.iter().any(|(j, m, _)| *j < i + n && i < j + m);
            if free && accepted.iter().filter(|f| inside(f)).all(fits) {
                let mut f = Found::new(
                    (i, i + n),
                    span(words, i, i + n, 0),
                    EntityType::Organization,
                    full.what.clone(),
                    full.prio,
                );
                if full.end <= words[i].start {
                    f.link = Some((full.start, full.end));
                }
                found.push((i, n, f));
            }
        }
    }
    if found.is_empty() {
        return;
    }
    accepted.retain(|f| !found.iter().any(|&(i, n, _)| i <= f.w0 && f.w1 <= i + n));
    accepted.extend(found.into_iter().map(|(_, _, f)| f));
    super::by_position(accepted);
}

/// Short names of listed companies ("الراجحي والرياض والأهلي" after "مصرف
/// الراجحي" and "بنك الرياض"; "قلص الفرنسي مخصصاته" after "البنك السعودي
/// الفرنسي"): a word of `lexicon::company_short_names` is the company when
/// the article named that company in full before it. Unmarked, it becomes
/// the company's mention unless it describes the word before it (a
/// nationality word after a definite noun, a title or an organisation's
/// head: "الرئيس الفرنسي"); marked as a place, only when it is joined by و
/// to a company beside it ("والرياض" in a list of banks; "في الرياض" stays
/// the city); marked as an organisation of no list, it is the company.
pub(super) fn company_short_names(words: &[Word], accepted: &mut Vec<Found>) {
    let named: Vec<(&'static str, usize)> = accepted
        .iter()
        .enumerate()
        .filter_map(|(i, f)| match &f.what {
            What::Org { curated: Some(o), .. } => Some((o.id, i)),
            _ => None,
        })
        .collect();
    if named.is_empty() {
        return;
    }
    let mut at: Vec<Option<usize>> = vec![None; words.len()];
    for (i, f) in accepted.iter().enumerate() {
        for a in at.iter_mut().take(f.w1.min(words.len())).skip(f.w0) {
            *a = Some(i);
        }
    }
    let is_org = |at: &[Option<usize>], accepted: &[Found], w: usize| {
        at.get(w).copied().flatten().is_some_and(|i| accepted[i].kind == EntityType::Organization)
    };
    let mut wi = 0;
    while wi < words.len() {
        let w = &words[wi];
        let hit = w.arabic.then(|| super::longest_at(super::lexicon::company_short_names(), words, wi)).flatten();
        let Some((ri, j, hits)) = hit else {
            wi += 1;
            continue;
        };
        let Some((_, short)) = hits.first() else {
            wi += 1;
            continue;
        };
        // the company's full name, the latest before this word
        let full = named
            .iter()
            .filter(|(id, i)| *id == short.id && accepted[*i].end <= w.start)
            .max_by_key(|(_, i)| accepted[*i].start)
            .map(|&(_, i)| i);
        let Some(full) = full else {
            wi += 1;
            continue;
        };
        let pre = w.readings[ri].pre;
        let replace = match at[wi] {
            None => {
                let describes = wi.checked_sub(1).is_some_and(|p| {
                    let p = &words[p];
                    !w.brk && (definite(p) || is_title_word(p) || p.f.org_head || is_demonym(p))
                });
                (!describes && (wi + 1..j).all(|k| at[k].is_none())).then_some(None)
            }
            Some(i) => {
                let f = &accepted[i];
                let joined = pre > 0 && w.text.starts_with('و') && wi > 0 && !w.brk && is_org(&at, accepted, wi - 1);
                let joined_next =
                    words.get(j).is_some_and(|n| !n.brk && n.text.starts_with('و')) && is_org(&at, accepted, j);
                let exact = f.w0 == wi && f.w1 == j;
                // the tagger's bare "الأهلي" is the bank named before
                let bare_org = matches!(f.what, What::Org { curated: None, .. });
                (exact && (bare_org || (f.kind == EntityType::Place && (joined || joined_next)))).then_some(Some(i))
            }
        };
        if let Some(old) = replace {
            let (start, end) = span(words, wi, j, pre);
            let earlier = (accepted[full].start, accepted[full].end);
            let what = accepted[full].what.clone();
            let f = Found::new((wi, j), (start, end), EntityType::Organization, what, 0).linked_to(earlier);
            let i = match old {
                Some(i) => {
                    accepted[i] = f;
                    i
                }
                None => {
                    accepted.push(f);
                    accepted.len() - 1
                }
            };
            for a in at.iter_mut().take(j).skip(wi) {
                *a = Some(i);
            }
        }
        wi = j.max(wi + 1);
    }
}
