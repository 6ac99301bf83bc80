//! Organisation candidates: curated organisations (variants and acronyms
//! linked to one entity) and organisation patterns ("وزارة الخارجية",
//! "Ministry of ...", "... Council").

use super::lists::{
    ar_construct_heads, ar_ministry_portfolio, ar_named_heads, ar_people_head, ar_plain_adjectives, ar_worship_head,
    company_lines, org_idioms,
};
use super::merge::{country_first, PRIO_COMPANY_ORG, PRIO_CURATED_ORG, PRIO_PATTERN_ORG};
use super::words::Reading;
use super::{
    definite, is_demonym, is_title_word, is_trigger_word, key_of, lexicon, longest_at, span, verb_like, Found, What,
    Word,
};
use crate::model::EntityType;

pub(super) fn curated_orgs(words: &[Word], i: usize, out: &mut Vec<Found>) {
    let w = &words[i];
    if !w.f.org_start {
        return;
    }
    if !w.arabic && !w.cap && !w.key.starts_with("al") {
        return;
    }
    let Some((ri, j, hits)) = longest_at(lexicon::orgs(), words, i) else { return };
    let Some((key, org)) = hits.first() else { return };
    if org.case_sensitive && !words[i..j].iter().all(|w| w.upper || w.text.len() == 1) {
        return;
    }
    if !w.arabic && !org.case_sensitive && !w.cap {
        // "al-Qaeda" may be written in lowercase, the rest must be capitalised
        if !words[i..j].iter().any(|w| w.cap) {
            return;
        }
    }
    let pre = w.readings[ri].pre;
    let (start, end) = span(words, i, j, pre);
    out.push(Found::new(
        (i, j),
        (start, end),
        EntityType::Organization,
        What::Org { curated: Some(*org), key: key.clone() },
        PRIO_CURATED_ORG,
    ));
}

/// The curated organisation that is exactly words `w0..w1`, read from its
/// first word's reading `ri` (a span the merge cut at a quotation mark
/// takes the list's identity: "مجموعة \"التحالف الدولي\"").
pub(super) fn curated_exactly(words: &[Word], w0: usize, w1: usize) -> Option<(What, usize)> {
    let (ri, j, hits) = longest_at(lexicon::orgs(), words, w0)?;
    let (key, org) = hits.first().filter(|_| j == w1 && words[w0].arabic)?;
    Some((What::Org { curated: Some(*org), key: key.clone() }, words[w0].readings[ri].pre))
}

/// "مصر للطيران", "قطر للبترول", "السعودية للكهرباء", "مصر للغزل
/// والنسيج", "مصر للمستحضرات الطبية": a country's name followed by لـ and a line of business
/// (`company_line` in recognise_words.tsv) names a company, not the
/// country ("زار مصر للتعرف على" stays a visit to Egypt).
pub(super) fn place_company(words: &[Word], i: usize, out: &mut Vec<Found>) {
    let w = &words[i];
    let Some(next) = words.get(i + 1).filter(|n| w.arabic && n.arabic && !n.brk && n.key.starts_with("لل")) else {
        return;
    };
    let line = |m: &Word| m.reads_as(company_lines());
    if !line(next) {
        return;
    }
    let Some(ri) = w.readings.iter().position(|r| country_first(crate::gazetteer::lookup(&r.key))) else { return };
    // "للملاحة البحرية": the line's adjective; "للغزل والنسيج": a second
    // line joined by و
    let adjective =
        |m: &Word| m.arabic && !m.brk && m.key.starts_with("ال") && super::nisba(m) && !is_demonym(m) && !m.f.ar_stop;
    let mut k = i + 2;
    if words.get(k).is_some_and(adjective) {
        k += 1;
    }
    if words.get(k).is_some_and(|m| !m.brk && m.key.starts_with("وال") && line(m)) {
        k += 1;
    }
    out.push(org_found(words, i, k, &w.readings[ri], PRIO_COMPANY_ORG));
}

/// An organisation found by a pattern over words `i..k`, read from the
/// reading `r` of its first word.
fn org_found(words: &[Word], i: usize, k: usize, r: &Reading, prio: u8) -> Found {
    let (start, end) = span(words, i, k, r.pre);
    let key = key_of(words, i, k, &r.key);
    Found::new((i, k), (start, end), EntityType::Organization, What::Org { curated: None, key }, prio)
}

/// "وزارة الخارجية الأميركية", "الجيش السوري", "حركة حماس".
pub(super) fn pattern_org(words: &[Word], i: usize, out: &mut Vec<Found>) {
    let w = &words[i];
    if !w.arabic {
        return;
    }
    let Some(r) = w.f.org_head_reading.and_then(|ri| w.readings.get(ri)) else { return };
    if w.f.org_start && longest_at(lexicon::orgs(), words, i).is_some() {
        return; // a curated name starts here
    }
    let head_definite = r.key.starts_with("ال") || definite(w);
    let org_adj = |m: &Word| m.f.org_adj || is_demonym(m);
    let mut k = i + 1;
    let mut named = false;
    while k < words.len() && k < i + 6 && !words[k].brk {
        let m = &words[k];
        if !m.arabic || m.f.ar_stop || m.f.time || is_trigger_word(m) || is_title_word(m) && k > i + 1 {
            break;
        }
        if head_definite {
            if org_adj(m) || (k > i + 1 && definite(m)) {
                k += 1;
                continue;
            }
            break;
        }
        if definite(m) {
            k += 1;
            continue;
        }
        if k == i + 1 && !named && ar_named_heads().contains(&r.key) && !verb_like(m) && m.key.chars().count() >= 2 {
            named = true;
            k += 1;
            continue;
        }
        break;
    }
    if k == i + 1 || (head_definite && !org_adj(&words[i + 1])) {
        return;
    }
    out.push(org_found(words, i, k, r, PRIO_PATTERN_ORG));
}

/// An institution named by an indefinite head and a definite genitive
/// noun, with the adjectives that qualify it: "مجلس الأمة", "لجنة
/// الانتخابات", "مجمع البحوث الإسلامية", "مصلحة السكك الحديدية" (the
/// heads: `ar_construct_head` in `data/curated/recognise_words.tsv`). The
/// construct state makes the pair one name; a head read with a proclitic
/// leaves it outside ("بمصلحة البريد" → "مصلحة البريد"). Only the
/// genitive written with the bare article goes on the name: "وزارة
/// بالكامل" is no name, and a nationality word after the noun is left to
/// [`super::org_extent`]. When the tagger leads, these fill only the gaps
/// it leaves ([`super::merge::Policy::fills`]).
pub(super) fn construct_org(words: &[Word], i: usize, out: &mut Vec<Found>) {
    let Some(r) = construct_head(&words[i]) else { return };
    // inside a title ("رئيس مجلس الوزراء", "أمين عام مجلس التعاون"): the
    // office, which the corpora leave unmarked
    if i > 0 && !words[i].brk && (words[i - 1].f.title || words[i - 1].f.title_start) {
        return;
    }
    if words[i].f.org_start && longest_at(lexicon::orgs(), words, i).is_some() {
        return; // a curated name starts here
    }
    if let Some(k) = construct_end(words, i) {
        out.push(org_found(words, i, k, r, PRIO_PATTERN_ORG));
    }
}

/// The reading of `w` that is a construct head, with one proclitic at most.
pub(super) fn construct_head(w: &Word) -> Option<&Reading> {
    w.readings.iter().find(|r| w.arabic && r.pre <= 1 && ar_construct_heads().contains(&r.key))
}

/// The end of the genitive and its adjectives after the head at word `i`
/// ([`construct_org`]), if a genitive follows.
pub(super) fn construct_end(words: &[Word], i: usize) -> Option<usize> {
    let plain = |m: &Word| {
        m.arabic
            && !m.brk
            && m.key.starts_with("ال")
            && !m.f.ar_stop
            && !m.f.time
            && !m.f.title
            && !is_demonym(m)
            && !super::number_word(m)
    };
    // the genitive may be an event's noun ("لجنة الانتخابات"), not its adjectives
    if !words.get(i + 1).is_some_and(|m| plain(m) && m.key.chars().count() >= 5) {
        return None;
    }
    let mut k = i + 2;
    while k < words.len()
        && k < i + 4
        && plain(&words[k])
        && !words[k].f.trigger
        && (words[k].f.org_adj || super::nisba(&words[k]))
    {
        k += 1;
    }
    Some(k)
}

/// An English name that ends in an abbreviation takes the abbreviation's
/// dot, which the tokenizer leaves out of the word: a company's form
/// ("First Albany Corp.", "Barnett Banks Inc.": `en_org_abbreviation` in
/// `data/curated/recognise_words.tsv`) or a US state's ("Gainesville,
/// Fla."), as news corpora mark them. `dot_at(i)`: a full stop is at code
/// point `i` of the text.
pub fn abbreviation_dots(words: &[Word], found: &mut [Found], dot_at: &dyn Fn(usize) -> bool) {
    for f in found.iter_mut() {
        let Some(last) = f.w1.checked_sub(1).and_then(|k| words.get(k)) else { continue };
        if last.arabic || last.end != f.end || !last.cap || !dot_at(f.end) {
            continue;
        }
        let abbreviation = match f.kind {
            EntityType::Organization => super::lists::en_org_abbreviations().contains(&last.key),
            EntityType::Place => f.w1 == f.w0 + 1 && crate::gazetteer::is_state_abbreviation(&last.key),
            _ => false,
        };
        if abbreviation {
            f.end += 1;
        }
    }
}

/// The name after a place of worship's head ("مسجد الحنين الى النبي",
/// "كنيسة القديسة حنة") is a building's, and the name after a people's or
/// tribe's ("شعب الماوري", "قبيلة عنزة") a community's: no corpus marks
/// either as an organisation (NewsFANE and WikiFANE: Building-Grounds,
/// Group; Wojood: FAC, NORP), where the tagger often reads it as one. An
/// organisation that starts at an indefinite head of `ar_worship_head` or
/// `ar_people_head`, or right after one, gives way, and so do the text's
/// other organisations of that name ("هوبان" after "مسجد هوبان"). With
/// the article ("الكنيسة الكاثوليكية", "الشعب الفلسطيني") the head is left
/// alone.
pub(super) fn no_org_after_head(words: &[Word], accepted: &mut Vec<Found>) {
    let head = |w: &Word| {
        w.arabic
            && !definite(w)
            && w.readings.iter().any(|r| ar_worship_head().contains(&r.key) || ar_people_head().contains(&r.key))
    };
    let org = |f: &Found| f.kind == EntityType::Organization && !f.reference && !f.within;
    let mut names: Vec<String> = Vec::new();
    for f in accepted.iter().filter(|f| org(f)) {
        let at_head = head(&words[f.w0]) && f.w1 > f.w0 + 1;
        let after_head = f.w0 > 0 && head(&words[f.w0 - 1]) && !words[f.w0].brk;
        if at_head || after_head {
            let from = if at_head { f.w0 + 1 } else { f.w0 };
            names.push(key_of(words, from, f.w1, super::bare_key(&words[from])));
        }
    }
    if names.is_empty() {
        return;
    }
    accepted.retain(|f| {
        if !org(f) {
            return true;
        }
        // the name with or without the clitics before it ("لهوبان")
        let from = if head(&words[f.w0]) { f.w0 + 1 } else { f.w0 };
        from >= f.w1 || !words[from].readings.iter().any(|r| names.contains(&key_of(words, from, f.w1, &r.key)))
    });
}

/// An indefinite organisation head with a definite noun after "لـ"
/// ("اتحاد للناشرين اليمنيين", "مجلس للأبحاث الطبية", "بنك للمصريين":
/// a union for the publishers) is a description, not a name: a name takes
/// the article on its head ("الاتحاد العام للناشرين") or a name after it
/// ("مصر للطيران"). So is such a head with an indefinite adjective after
/// it: a nisba ("شركة تركية", "منظمة دولية", "خطوط جوية": a Turkish
/// company) or one of size, age or kind (`ar_plain_adjective`: "شركة
/// جديدة هي الخطوط الجوية العربية", "كلية جديدة"); a name's word after an
/// indefinite head is a name ("بنك مصر", "حركة حماس") or definite ("مجلس
/// الأمة"). An organisation read from such a head gives way.
pub(super) fn no_described_org(words: &[Word], accepted: &mut Vec<Found>) {
    let indefinite_head = |w: &Word| {
        w.arabic
            && w.f.org_head_reading.and_then(|k| w.readings.get(k)).is_some_and(|r| {
                let pre: String = w.key.chars().take(r.pre).collect();
                !pre.ends_with("ال") && !pre.ends_with("لل")
            })
    };
    // a noun in -iyya that is itself a head takes a genitive ("مجلس
    // بلدية الخليل"): no adjective
    let nisba = |k: usize| {
        let w = &words[k];
        w.key.ends_with("يه")
            && w.key.chars().count() >= 5
            && w.f.org_head_reading.is_none()
            && !words.get(k + 1).is_some_and(|n| !n.brk && definite(n))
    };
    let indefinite_adjective = |k: usize| {
        words[k].arabic && !definite(&words[k]) && (nisba(k) || ar_plain_adjectives().contains(&words[k].key))
    };
    accepted.retain(|f| {
        let described = f.kind == EntityType::Organization
            && !f.reference
            && f.w1 > f.w0 + 1
            && indefinite_head(&words[f.w0])
            && !words[f.w0 + 1].brk
            && (words[f.w0 + 1].key.starts_with("لل") || indefinite_adjective(f.w0 + 1));
        !described
    });
}

/// An organisation that the tagger ran from a definite head into an
/// indefinite Arabic word: "الجامعة ستستقبل الطلاب", "فالحزب يبني",
/// "منظمة التحرير عاد". A definite head takes a definite adjective or
/// genitive in a name ("الجامعة الأمريكية", "الحزب الشيوعي"), never a bare
/// word: the head is the subject of a verb. Such an organisation gives
/// way (the head alone is a reference to a body named before). A second
/// body joined by "و" ("الصندوق والبنك الدوليين") and words not in
/// Arabic script are left alone.
pub(super) fn no_verb_after_head(words: &[Word], accepted: &mut Vec<Found>) {
    let definite_head = |w: &Word| {
        w.arabic && w.f.org_head_reading.and_then(|k| w.readings.get(k)).is_some_and(|r| r.key.starts_with("ال"))
    };
    let bare = |m: &Word| {
        m.arabic
            && !m.brk
            && !definite(m)
            && !m.readings.iter().any(|r| r.pre >= 1 && r.key.starts_with("ال"))
            && !m.text.chars().any(|c| c.is_ascii_digit())
    };
    accepted.retain(|f| {
        f.kind != EntityType::Organization
            || f.reference
            || matches!(f.what, What::Org { curated: Some(_), .. })
            || f.w1 < f.w0 + 2
            || !(definite_head(&words[f.w0]) && bare(&words[f.w0 + 1]))
    });
}

/// A head noun and the word after it that name a part, a staff, a
/// position or an activity, never a body by itself
/// (`data/curated/org_idioms.tsv`): "عضو مجلس الإدارة" (the board of
/// directors), "أعضاء هيئة التدريس" (the teaching staff), "لعب في مركز
/// الوسط" (midfield), "حركة المرور" (traffic). An organisation that
/// starts with one, with a proclitic on the head or not, gives way; a
/// name that only holds one ("نقابة أعضاء هيئة التدريس") is left alone.
pub(super) fn no_idiom_org(words: &[Word], accepted: &mut Vec<Found>) {
    let idiom = |f: &Found| {
        let (w, n) = (&words[f.w0], &words[f.w0 + 1]);
        w.arabic && !n.brk && w.readings.iter().any(|r| r.pre <= 2 && org_idioms().contains_pair(&r.key, &n.key))
    };
    accepted.retain(|f| f.kind != EntityType::Organization || f.reference || f.w1 < f.w0 + 2 || !idiom(f));
}

/// A ministry's portfolio with a country's feminine nisba and no "وزارة"
/// ("قالت الخارجية التركية", "المتحدث باسم الداخلية العراقية": the nisba
/// agrees with the ministry left unsaid) is the ministry, an organisation
/// (NewsFANE marks "الخارجية التركية"), where the nisba alone was read as
/// the country's nationality word. Not after a definite noun the portfolio
/// qualifies ("السياسة الخارجية الأمريكية") or a title ("وزيرة الخارجية
/// الأمريكية", the office), where an organisation read over the two words
/// (a listed name) gives way; the portfolios are `ar_ministry_portfolio`.
pub(super) fn bare_ministries(words: &[Word], accepted: &mut Vec<Found>) {
    for i in 0..words.len().saturating_sub(1) {
        let (w, n) = (&words[i], &words[i + 1]);
        let Some(r) = w.readings.iter().find(|r| w.arabic && r.pre <= 2 && ar_ministry_portfolio().contains(&r.key))
        else {
            continue;
        };
        let feminine = n.key.ends_with("يه");
        if n.brk || !is_demonym(n) || !definite(n) || !feminine {
            continue;
        }
        let qualifies = i > 0
            && !w.brk
            && (words[i - 1].readings.iter().any(|r| r.pre <= 1 && r.key.starts_with("ال"))
                || is_title_word(&words[i - 1])
                || words[i - 1].f.title_start);
        if qualifies && r.pre == 0 {
            // nor is a listed name so read ("وزيرة الخارجية الأمريكية")
            accepted.retain(|f| !(f.kind == EntityType::Organization && f.w0 == i && f.w1 == i + 2));
            continue;
        }
        // only a nationality word or a place read on the nisba gives way
        let over = |f: &Found| f.kind != EntityType::Date && f.w0 < i + 2 && i < f.w1;
        if accepted.iter().any(|f| over(f) && (f.kind != EntityType::Place || f.w0 != i + 1)) {
            continue;
        }
        accepted.retain(|f| !over(f));
        let at = accepted.partition_point(|f| f.w0 < i);
        accepted.insert(at, org_found(words, i, i + 2, r, PRIO_PATTERN_ORG));
    }
}

#[cfg(test)]
mod tests {
    use crate::lists::{text as late_list, List};

    #[test]
    fn org_idioms_table() {
        super::super::lexicon::check_table("org_idioms.tsv", late_list(List::OrgIdioms), 3);
    }
}
