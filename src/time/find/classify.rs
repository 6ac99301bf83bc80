//! What the scanner knows of each token before it tries a matcher: the
//! time words' tables probed once per token ([`classify`]), its stems and
//! its number.

use super::*;

/// Every word any table here looks up through a token's stems, and (second
/// set) the words of those that start with the article, without it. Most
/// tokens are in neither, so they cost one hash lookup per reading and no
/// allocation.
/// The known words, and the last two characters of each (a stem is a
/// suffix of its word, so a word not ending in one of these has no known stem).
/// The first map holds, besides the known words ([`KNOWN`]), the ordinal
/// days ([`ORDINAL`]), number words ([`NUMBER`]) and first words of
/// matchers ([`STARTS`], [`ANCHORED`]) that [`classify`] and the scanner
/// look up for every token: one probe says which tables to ask.
pub(super) type Known = (FnvMap<&'static str, u8>, FnvSet<&'static str>, FnvSet<(char, char)>);
pub(super) type FnvSet<T> = HashSet<T, crate::hash::FnvBuild>;
pub(super) type FnvMap<K, V> = HashMap<K, V, crate::hash::FnvBuild>;
pub(super) const KNOWN: u8 = 1;
pub(super) const ORDINAL: u8 = 2;
pub(super) const NUMBER: u8 = 4;
/// A first word of the matchers [`Scanner::at`] tries at every word with
/// a stem or a number, as written ([`Info::starts`]).
pub(super) const STARTS: u8 = 8;
/// A first word of a date relative to the one before ("the next day").
pub(super) const ANCHORED: u8 = 16;

/// Which of [`KNOWN`], [`ORDINAL`], [`NUMBER`], [`STARTS`] and
/// [`ANCHORED`] `word` is (bits).
pub(super) fn word_kinds(word: &str) -> u8 {
    known_words().0.get(word).copied().unwrap_or(0)
}

pub(super) fn known_words() -> &'static Known {
    static WORDS: OnceLock<Known> = OnceLock::new();
    WORDS.get_or_init(|| {
        let w = w();
        let mut all: FnvSet<&'static str> = FnvSet::default();
        all.extend(w.months.keys());
        all.extend(w.weekdays.keys());
        all.extend(w.units.keys());
        all.extend(w.directions_ar.keys());
        all.extend(w.hijri_months.keys());
        all.extend(w.hijri_two_word_months.iter().map(|r| r.0.as_str()));
        all.extend(w.two_word_months.iter().map(|r| r.0.as_str()));
        all.extend(w.relative_days.keys());
        all.extend(w.periods.keys());
        all.extend(w.seasons_ar.keys());
        // Arabic decade words, "القرن" and age nouns are looked up on demand
        // (spelled.rs): their endings ("ات", "ره") are too common for the
        // ending filter below.
        all.extend(w.decade_words.keys().filter(|k| k.is_ascii()));
        // Every first word but the article, which would make every "the" a
        // known word (year_phrase checks it by itself).
        all.extend(
            w.year_phrases
                .iter()
                .chain(&w.month_phrases)
                .filter_map(|r| r.0.first().map(String::as_str))
                .filter(|f| *f != "the"),
        );
        all.extend(w.spoken_numbers_en.keys());
        all.extend(w.century_nouns.iter().filter(|k| k.is_ascii()));
        for t in [
            &w.year_nouns_ar,
            &w.year_cues_ar,
            &w.day_nouns_ar,
            &w.recurring_day_nouns_ar,
            &w.part_of_period_ar,
            &w.event_nouns_ar,
            &w.range_openers,
            &w.future_markers,
            &w.past_markers,
            &w.stem_cues,
            &w.period_nouns_ar,
            &w.same_period_ar,
            &w.year_prefixes_en,
        ] {
            all.extend(t.iter());
        }
        let after_article = all.iter().filter_map(|k| k.strip_prefix("ال")).collect();
        let endings = all.iter().filter_map(|k| last_two(k)).collect();
        let mut kinds: FnvMap<&'static str, u8> = all.iter().map(|&k| (k, KNOWN)).collect();
        let starts = [&w.relative_first, &w.phrases_first, &w.holiday_first, &w.trailing_periods_en, &w.weekend_en]
            .into_iter()
            .flat_map(|l| l.iter())
            .chain(w.directions_en.keys().chain(w.seasons_en.keys()).chain(w.quarter_ordinals_en.keys()));
        for (words, kind) in [
            (w.ordinal_days.keys().collect::<Vec<_>>(), ORDINAL),
            (w.numbers.keys().collect(), NUMBER),
            (starts.collect(), STARTS),
            (w.anchored_first.keys().collect(), ANCHORED),
        ] {
            for k in words {
                *kinds.entry(k).or_default() |= kind;
            }
        }
        (kinds, after_article, endings)
    })
}

pub(super) fn last_two(s: &str) -> Option<(char, char)> {
    let mut it = s.chars().rev();
    let b = it.next()?;
    Some((it.next()?, b))
}

pub(super) fn stems_of(t: &Token) -> Vec<(String, usize)> {
    let (all, after_article, endings) = known_words();
    let mut out: Vec<(String, usize)> = Vec::new();
    if !last_two(&t.norm).is_some_and(|e| endings.contains(&e)) {
        return out;
    }
    for r in readings(&t.norm) {
        if r.had_article && after_article.contains(r.stem) {
            // The article is part of the matched word: "والخميس" matches
            // "الخميس" with only "و" as the clitic.
            let back = original_prefix(&t.text, r.prefix_len.saturating_sub(2));
            out.push((format!("ال{}", r.stem), back));
        }
        if all.get(r.stem).is_some_and(|k| k & KNOWN != 0) {
            out.push((r.stem.to_string(), original_prefix(&t.text, r.prefix_len)));
        }
    }
    out
}

pub(super) fn parse_num(norm: &str) -> Option<(u32, usize)> {
    let digits = norm.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let (d, rest) = norm.split_at(digits);
    // Ordinal suffixes, and "م" (milady) that Arabic writes after a Gregorian year.
    if !(rest.is_empty() || w().ordinal_suffixes_en.has(rest) || rest == "م") {
        return None;
    }
    Some((d.parse().ok()?, digits))
}

/// [`classify`] of every token, kept only for the tokens it finds
/// something in: per token, the index of its [`Info`] in the second list,
/// or [`PLAIN`] (most tokens: a punctuation mark, a word in no table).
pub(super) fn classify_all(tokens: &[Token]) -> (Vec<u32>, Vec<Info>) {
    let mut infos = Vec::new();
    let slots = tokens
        .iter()
        .map(|t| {
            // (punctuation is in no table)
            let kinds = if t.is_word { word_kinds(&t.norm) } else { 0 };
            if plain(t, kinds) {
                return PLAIN;
            }
            let f = classify_with(t, kinds);
            // nothing found: `Info::default`
            if f == super::PLAIN_INFO {
                return PLAIN;
            }
            infos.push(f);
            u32::try_from(infos.len() - 1).unwrap_or(PLAIN)
        })
        .collect();
    (slots, infos)
}

/// A token [`classify_all`] keeps no [`Info`] for.
pub(super) const PLAIN: u32 = u32::MAX;

/// Whether token `t`, of [`word_kinds`] `kinds`, is sure to classify as
/// [`Info::default`], told without [`classify`]: no word, or a word of no
/// table that is no number, no Arabic word (stems) and no "'s" form.
fn plain(t: &Token, kinds: u8) -> bool {
    !t.is_word
        || (kinds == 0
            && !t.arabic
            && !t.norm.starts_with(|c: char| c.is_ascii_digit() || c == 'و')
            && !t.norm.ends_with("'s"))
}

#[cfg(test)]
pub(super) fn classify(t: &Token) -> Info {
    // (punctuation is in no table)
    classify_with(t, if t.is_word { word_kinds(&t.norm) } else { 0 })
}

/// What token `t` can be, its [`word_kinds`] being `kinds`.
fn classify_with(t: &Token, kinds: u8) -> Info {
    let ordinal = if kinds & ORDINAL != 0 { w().ordinal_days.get(&t.norm) } else { None };
    let mut info = Info { ordinal, starts: kinds & STARTS != 0, anchored: kinds & ANCHORED != 0, ..Info::default() };
    if !t.is_word {
        return info;
    }
    if let Some((v, d)) = parse_num(&t.norm) {
        info.num = Some((v, d, 0));
        return info;
    }
    if let Some(y) = t.norm.strip_suffix('s').and_then(|d| parse_num(d).filter(|n| n.1 == 4 && n.0 % 10 == 0)) {
        info.decade = plausible_year(y.0, y.1);
        return info;
    }
    if let Some(digits) = t.norm.strip_suffix('ه') {
        if let Some((v, _)) = parse_num(digits).filter(|_| digits.bytes().all(|b| b.is_ascii_digit())) {
            info.hijri_num = Some(v);
            return info;
        }
    }
    if let Some(rest) = t.norm.strip_prefix('و') {
        if let Some((v, d)) = parse_num(rest).filter(|_| rest.bytes().all(|b| b.is_ascii_digit())) {
            info.num = Some((v, d, original_prefix(&t.text, 1)));
            return info;
        }
    }
    info.stems = if t.arabic {
        stems_of(t)
    } else {
        let base = match t.norm.strip_suffix("'s") {
            Some(b) => {
                info.cut = 2;
                b
            }
            None => t.norm.as_str(),
        };
        let known = if base.len() == t.norm.len() { kinds } else { word_kinds(base) };
        if known & KNOWN != 0 {
            vec![(base.to_string(), 0)]
        } else {
            Vec::new()
        }
    };
    let english_cap = t.capitalized;
    for (s, p) in &info.stems {
        if info.month.is_none() {
            if let Some((m, cue)) = words::month(s) {
                // A clitic-stripped short word is too weak for an ambiguous
                // month ("باب" door is not ب + آب): only "و" may precede it.
                let weak_prefix = *p > 0 && !t.norm.starts_with('و');
                let ok = if t.arabic { !(cue == Cue::Context && (weak_prefix || *p > 1)) } else { english_cap };
                if ok {
                    info.month = Some((m, cue, *p));
                }
            }
        }
        if info.weekday.is_none() {
            if let Some(w) = w().weekdays.get(s) {
                // English abbreviations ("Sat", "Wed", "Sun") are ordinary words in prose.
                if t.arabic || (english_cap && s.len() > 3) {
                    info.weekday = Some((w, *p));
                }
            }
        }
        if info.rel_day.is_none() {
            info.rel_day = w().relative_days.get(s).map(|d| (d, *p));
        }
        if info.period.is_none() {
            info.period = w().periods.get(s).map(|u| (u, *p));
        }
        if info.unit.is_none() {
            info.unit = w().units.get(s);
        }
        if info.ar_dir.is_none() && t.arabic {
            info.ar_dir = w().directions_ar.get(s);
        }
    }
    info.number_word = if kinds & NUMBER != 0 { w().numbers.get(&t.norm) } else { None };
    info
}

/// English month abbreviations ("Dec."): months only next to numbers.
pub(super) fn is_abbreviation(norm: &str) -> bool {
    w().abbreviations.has(norm)
}
