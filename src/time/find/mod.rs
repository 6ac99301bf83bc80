//! Finding date expressions in running text and normalising them against the
//! publication date.
//!
//! The scanner walks the token list once. Each word token is classified up
//! front (number, month, weekday, relative word, ...) using every clitic
//! reading of Arabic words, so "وأمس", "بالأمس" and "والخميس" are found.
//! Ambiguous words ("آب" father, "May" the verb, weekday-like words) only
//! count as dates when something date-like stands next to them.

use super::calendar::{days_from_civil, iso_day, month_end, ymd};
use super::words::{self, w, Cue, List, Unit};
use super::FoundDate;
use crate::model::{DateValue, Derivation, Precision, Ymd};
use crate::text::{readings, Token};
use classify::*;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

mod absolute;
mod anchored;
mod classify;
mod fiscal;
mod hijri;
mod ranges;
mod relative;
mod spelled;

/// What a token can be, worked out once.
#[derive(Debug, Clone, Default, PartialEq)]
struct Info {
    /// Code points at the end that are not part of the date (the "'s" of
    /// "Wednesday's ruling").
    cut: usize,
    /// A year written with the Hijri mark in the same token ("1404هـ").
    hijri_num: Option<u32>,
    /// A decade written "1990s": its first year.
    decade: Option<i32>,
    /// A number: value, count of digits, code points of a "و" before it.
    num: Option<(u32, usize, usize)>,
    /// A month: number, cue, clitic prefix (code points in the original).
    month: Option<(u8, Cue, usize)>,
    weekday: Option<(u8, usize)>,
    rel_day: Option<(i64, usize)>,
    period: Option<(Unit, usize)>,
    unit: Option<(Unit, u32)>,
    number_word: Option<u32>,
    /// Arabic direction adjective (الماضي, المقبل, الجاري).
    ar_dir: Option<i8>,
    /// An Arabic ordinal day ("الثامن"): its number, looked up once per
    /// token rather than by each pattern that asks.
    ordinal: Option<u8>,
    /// A bare stem (clitics removed) for table lookups of cue words.
    stems: Vec<(String, usize)>,
    /// The word as written is a first word of a fixed phrase ("the day
    /// before yesterday", "Christmas"), a direction ("last"), a season,
    /// the weekend or a quarter's ordinal ([`STARTS`]).
    starts: bool,
    /// The word starts a date relative to the one before ([`ANCHORED`]).
    anchored: bool,
}

/// Code points of the original token that make up the first `n` code points
/// of its normalised form (normalisation drops tashkeel and tatweel).
pub(super) fn original_prefix(text: &str, n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    let mut seen = 0;
    for (i, c) in text.chars().enumerate() {
        if crate::text::normalize_char(c).is_some() {
            seen += 1;
            if seen == n {
                return i + 1;
            }
        }
    }
    0
}

pub(crate) fn day_value(d: Ymd, derivation: Derivation) -> DateValue {
    DateValue { value: iso_day(d), start: d, end: d, precision: Precision::Day, derivation }
}

fn month_value(year: i32, month: u8, derivation: Derivation) -> Option<DateValue> {
    let start = ymd(year, month, 1)?;
    Some(DateValue {
        value: format!("{year:04}-{month:02}"),
        start,
        end: month_end(start),
        precision: Precision::Month,
        derivation,
    })
}

fn year_value(year: i32, derivation: Derivation) -> Option<DateValue> {
    Some(DateValue {
        value: format!("{year:04}"),
        start: ymd(year, 1, 1)?,
        end: ymd(year, 12, 31)?,
        precision: Precision::Year,
        derivation,
    })
}

fn range_value(start: Ymd, end: Ymd, derivation: Derivation) -> Option<DateValue> {
    (start <= end).then(|| DateValue {
        value: format!("{}/{}", iso_day(start), iso_day(end)),
        start,
        end,
        precision: Precision::Range,
        derivation,
    })
}

fn plausible_year(v: u32, digits: usize) -> Option<i32> {
    (digits == 4 && (1000..=2199).contains(&v)).then(|| i32::try_from(v).ok()).flatten()
}

/// Tokens before a date in which the tense of its clause is looked for at
/// most ("would hold the weekly meeting of the Palestinian self-rule
/// Authority's cabinet in Nablus on Saturday").
const TENSE_BACK: usize = 20;

/// Days ahead of publication within which a month or day written without
/// a year is the coming one even in a clause without future words ("in
/// November" written in late October): news names a month as long ago
/// with "last".
const SOON_DAYS: i64 = 62;

/// The year of `month` (and `day`, the 1st for a bare month) written
/// without one: the coming one when the clause speaks of the future or it
/// comes within [`SOON_DAYS`]; otherwise the latest on or before
/// publication ("the Oct. 23 slaying" written in May is last October's),
/// the publication month's own for a bare month.
fn month_year(month: u8, day: Option<u8>, published: Ymd, future: bool) -> Option<i32> {
    let p = days_from_civil(published);
    let this_month = day.is_none() && month == published.month;
    let on = |y: i32| ymd(y, month, day.unwrap_or(1)).map(days_from_civil);
    let (this, next) = (on(published.year)?, on(published.year + 1)?);
    if this_month {
        return Some(published.year);
    }
    let (past, coming) =
        if this <= p { (published.year, published.year + 1) } else { (published.year - 1, published.year) };
    let ahead = if coming == published.year { this } else { next } - p;
    Some(if future || ahead <= SOON_DAYS { coming } else { past })
}

struct Scanner<'a> {
    tokens: &'a [Token],
    /// Per token, the index of its [`Info`] in `info`, or
    /// [`classify::PLAIN`] for [`PLAIN_INFO`] ([`classify::classify_all`]).
    slot: Vec<u32>,
    info: Vec<Info>,
    published: Option<Ymd>,
    /// Code point offsets of line breaks in the text (sentence limits).
    breaks: Vec<usize>,
}

/// A match: first and one-past-last token, code point span, value.
struct Hit {
    first: usize,
    last: usize,
    start: usize,
    end: usize,
    value: DateValue,
}

/// The [`Info`] of a token nothing was found in.
static PLAIN_INFO: Info = Info {
    cut: 0,
    hijri_num: None,
    decade: None,
    num: None,
    month: None,
    weekday: None,
    rel_day: None,
    period: None,
    unit: None,
    number_word: None,
    ar_dir: None,
    ordinal: None,
    stems: Vec::new(),
    starts: false,
    anchored: false,
};

impl<'a> Scanner<'a> {
    fn new(tokens: &'a [Token], published: Option<Ymd>, breaks: Vec<usize>) -> Scanner<'a> {
        let (slot, info) = classify::classify_all(tokens);
        Scanner { tokens, slot, info, published, breaks }
    }
}

impl Scanner<'_> {
    fn tok(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }
    fn inf(&self, i: usize) -> Option<&Info> {
        self.slot.get(i).map(|&s| self.info.get(s as usize).unwrap_or(&PLAIN_INFO))
    }
    fn norm(&self, i: usize) -> &str {
        self.tok(i).map_or("", |t| t.norm.as_str())
    }
    fn is_punct(&self, i: usize, set: &[&str]) -> bool {
        self.tok(i).is_some_and(|t| !t.is_word && set.contains(&t.norm.as_str()))
    }
    /// Token `i` immediately follows token `i - 1` with no space.
    fn glued(&self, i: usize) -> bool {
        match (i.checked_sub(1).and_then(|j| self.tok(j)), self.tok(i)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }
    /// Whether the tokens from `i` spell `phrase`, its first word as written
    /// or as a stem under Arabic proclitics: the code points of those
    /// proclitics (0 without).
    fn phrase_at(&self, i: usize, phrase: &[String]) -> Option<usize> {
        let first = phrase.first()?;
        let prefix = self
            .inf(i)
            .and_then(|f| f.stems.iter().find(|(s, _)| s == first).map(|x| x.1))
            .or_else(|| (self.norm(i) == *first).then_some(0))?;
        phrase.iter().enumerate().skip(1).all(|(k, word)| self.norm(i + k) == *word).then_some(prefix)
    }
    fn stem_in(&self, i: usize, list: &List) -> bool {
        self.inf(i).is_some_and(|f| f.stems.iter().any(|(s, _)| list.has(s)))
    }
    /// Whether one of token `i`'s stems is `word`.
    fn stem_is(&self, i: usize, word: &str) -> bool {
        self.inf(i).is_some_and(|f| f.stems.iter().any(|(s, _)| s == word))
    }
    fn num(&self, i: usize) -> Option<(u32, usize, usize)> {
        self.inf(i).and_then(|f| f.num)
    }
    fn day_num(&self, i: usize) -> Option<u8> {
        self.num(i).filter(|n| n.1 <= 2 && (1..=31).contains(&n.0)).and_then(|n| u8::try_from(n.0).ok())
    }
    fn year_num(&self, i: usize) -> Option<i32> {
        let (v, d, _) = self.num(i)?;
        let y = plausible_year(v, d)?;
        // "1444 هـ" is a Hijri year.
        (!w().hijri_marks.has(self.norm(i + 1))).then_some(y)
    }
    fn start_of(&self, i: usize, prefix: usize) -> usize {
        self.tok(i).map_or(0, |t| t.start + prefix)
    }
    fn end_of(&self, i: usize) -> usize {
        let j = i.saturating_sub(1);
        self.tok(j).map_or(0, |t| t.end - self.inf(j).map_or(0, |f| f.cut.min(t.end - t.start)))
    }
    fn line_break_between(&self, a: usize, b: usize) -> bool {
        let i = self.breaks.partition_point(|&x| x < a);
        self.breaks.get(i).is_some_and(|&x| x < b)
    }
    /// The month at token `i`, with the Levantine two-word months and the
    /// "ديسمبر/كانون الأول" double naming. Returns month, cue, prefix, next token.
    fn month_at(&self, i: usize) -> Option<(u8, Cue, usize, usize)> {
        let (mut m, mut cue, prefix, mut next) = if let Some((m, p)) = self.two_word_month(i) {
            (m, Cue::Free, p, i + 2)
        } else {
            let (m, c, p) = self.inf(i)?.month?;
            (m, c, p, i + 1)
        };
        // "ديسمبر/كانون الأول" or "ديسمبر (كانون الأول)": one month, two names.
        let alt = if self.is_punct(next, &["/"]) {
            Some((next + 1, 0))
        } else if self.is_punct(next, &["("]) {
            Some((next + 1, 1))
        } else {
            None
        };
        if let Some((j, close)) = alt {
            let other = self.two_word_month(j).map(|(m, _)| (m, j + 2)).or_else(|| {
                let (m2, _, p) = self.inf(j)?.month?;
                (p == 0).then_some((m2, j + 1))
            });
            if let Some((m2, after)) = other {
                if m2 == m && (close == 0 || self.is_punct(after, &[")"])) {
                    next = after + close;
                    cue = Cue::Free;
                }
            }
        }
        if m == 0 {
            m = 1;
        }
        Some((m, cue, prefix, next))
    }
    fn two_word_month(&self, i: usize) -> Option<(u8, usize)> {
        let first = self.inf(i)?;
        let second = self.tok(i + 1)?;
        let ord = second.norm.strip_prefix("ال").unwrap_or(&second.norm);
        if first.stems.is_empty() || !w().two_word_seconds.has(ord) {
            return None;
        }
        for (s, p) in &first.stems {
            for (a, b, m) in &w().two_word_months {
                if s == a && ord == b {
                    return Some((*m, *p));
                }
            }
        }
        None
    }
    /// Whether token `j` ends a clause for the look-back and look-ahead of
    /// tense markers: sentence punctuation, but not the period of an
    /// initial or short abbreviation ("Daniel P. Davison", "Mr.", "Inc.").
    fn clause_stop(&self, j: usize) -> bool {
        let Some(t) = self.tok(j) else { return true };
        if t.is_word || !matches!(t.norm.as_str(), "." | "!" | "?" | "؟" | "؛" | ";") {
            return false;
        }
        let abbreviation = t.norm == "."
            && self.glued(j)
            && j.checked_sub(1).and_then(|k| self.tok(k)).is_some_and(|a| {
                a.capitalized && !a.arabic && a.norm.chars().count() <= 3 && a.norm.chars().all(char::is_alphabetic)
            });
        !abbreviation
    }

    /// The tense token `j` marks: +1 future ("will", "سيعقد"), -1 past
    /// ("said", "met", "قال", an English verb in "-ed"), 0 none. A word
    /// inside a compound ("lower-than-expected") marks nothing.
    fn tense_at(&self, j: usize) -> i8 {
        let Some(t) = self.tok(j).filter(|t| t.is_word) else { return 0 };
        if self.is_punct(j.wrapping_sub(1), &["-"]) && self.glued(j) {
            return 0;
        }
        // "is to resume trading Tuesday", "set to resume Monday", "set for
        // Sunday": a planned event.
        let planned = match t.norm.as_str() {
            "to" => Some(&w().planned_before_to_en),
            "for" => Some(&w().planned_before_for_en),
            _ => None,
        };
        // Not "due to the disease" (a cause) nor "was due to expire" (a plan
        // seen from the past).
        let cause = t.norm == "to" && self.tok(j + 1).is_none_or(|n| !n.is_word || w().determiners_en.has(&n.norm));
        let was = j.checked_sub(2).is_some_and(|k| w().past_markers.has(self.norm(k)));
        if !cause && !was && planned.is_some_and(|l| j.checked_sub(1).is_some_and(|k| l.has(self.norm(k)))) {
            return 1;
        }
        let m = &w().future_markers;
        // "announced the plan Aug. 21": after a determiner the word is a noun.
        let noun = !t.arabic && j.checked_sub(1).is_some_and(|k| w().determiners_en.has(self.norm(k)));
        if (m.has(&t.norm) || self.stem_in(j, m)) && !noun {
            return 1;
        }
        // "Voters head to the polls Sunday", "They meet Monday": a verb in
        // the present with a day names a coming event (the past would be
        // "headed", "met"). Not after "to" or "did" ("failed to meet",
        // "did not meet"), nor a noun ("the head of", "its head").
        if !t.arabic && w().present_plural_en.has(&t.norm) && !noun {
            let prev = j.checked_sub(1).map_or("", |k| self.norm(k));
            let possessive =
                j.checked_sub(1).is_some_and(|k| self.inf(k).is_some_and(|f| f.cut > 0) || prev.ends_with("'s"));
            if !w().not_finite_before_en.has(prev) && !possessive && !w().of.has(self.norm(j + 1)) {
                return 1;
            }
        }
        let p = &w().past_markers;
        let ed = !t.arabic && !t.capitalized && words::past_form_en(&t.norm);
        // "will be held", "is expected", "has been extended", "has extended":
        // a participle after "be" or "have" carries no tense of its own.
        let participle =
            j.checked_sub(1).is_some_and(|k| w().be_forms_en.has(self.norm(k)) || w().perfect_aux_en.has(self.norm(k)));
        if (p.has(&t.norm) || self.stem_in(j, p) || ed) && !participle {
            return -1;
        }
        0
    }

    /// Whether the clause around token `i` speaks of the future: a future
    /// word among the 12 tokens before it.
    fn future_context(&self, i: usize) -> bool {
        let mut j = i;
        let mut n = 0;
        let mut comma = false;
        while j > 0 && n < 12 {
            j -= 1;
            n += 1;
            if self.clause_stop(j) {
                break;
            }
            comma |= self.is_punct(j, &[",", "،"]);
            // "would" (the future of a past report) only within the date's
            // own phrase: "would be paid ... in January", but not "hoped
            // she would produce new aid, where the Aug. 7 blasts killed".
            if self.tense_at(j) == 1 && !(comma && w().weak_future_en.has(self.norm(j))) {
                return true;
            }
        }
        false
    }

    /// Whether token `j` makes the date after it a deadline ("by", "until",
    /// "through", "حتى", "بحلول"): not when it joins two dates into a range
    /// ("from January through March", "من الأحد حتى الخميس"), where the
    /// word before it ends a date.
    fn deadline_word(&self, j: usize) -> bool {
        let word = w().deadlines.has(self.norm(j)) || self.stem_in(j, &w().deadlines);
        let after_date = j.checked_sub(1).and_then(|k| self.inf(k)).is_some_and(|f| {
            f.num.is_some() || f.month.is_some() || f.weekday.is_some() || f.period.is_some() || f.decade.is_some()
        });
        word && !after_date
    }

    /// The tense of the verb nearest to token `i` in its clause ([`TENSE_BACK`] tokens
    /// back, 6 ahead up to a comma or a word that starts another verb's
    /// phrase, "and"; the earlier one on a tie): "met on Tuesday" past,
    /// "will meet Tuesday" future, "a service for Saturday was canceled"
    /// past. 0 when the clause has no tense marker.
    fn tense_near(&self, i: usize) -> i8 {
        // "as early as Tuesday", "as soon as Monday": a date looked forward to.
        if i >= 3 && self.norm(i - 1) == "as" && self.norm(i - 3) == "as" && w().sooner_en.has(self.norm(i - 2)) {
            return 1;
        }
        // "ahead of Sunday's election": a date looked forward to.
        if i >= 2 && w().of.has(self.norm(i - 1)) && w().ahead_of_en.has(self.norm(i - 2)) {
            return 1;
        }
        let (mut back, mut ahead) = (None, None);
        // "would look for ways around Wednesday's ruling": a possessive date
        // names an event of its own, which "would" does not move ahead.
        let possessive = self.inf(i).is_some_and(|f| f.cut > 0);
        let mut j = i;
        let mut opening = true;
        while j > 0 && i - j < TENSE_BACK {
            j -= 1;
            if self.clause_stop(j) {
                break;
            }
            // "On Tuesday, the league plans ...": a date that opens its
            // sentence takes the tense of the clause after its comma.
            opening &= i - j <= 1 && !self.tok(j).is_some_and(|t| t.is_word && t.capitalized && t.norm != "on");
            let t = self.tense_at(j);
            if t == 1 && possessive && w().weak_future_en.has(self.norm(j)) {
                continue;
            }
            if t != 0 {
                back = Some((i - j, t));
                break;
            }
        }
        let opening = opening && back.is_none() && self.tok(i).is_some_and(|t| !t.arabic);
        let mut commas = 0;
        for k in i + 1..=i + if opening { 10 } else { 6 } {
            let comma = self.is_punct(k, &[",", "،"]);
            if comma && opening && commas == 0 {
                commas += 1;
                continue;
            }
            // "and" inside a name ("the Abortion and Reproductive Rights
            // Action League") joins no clause.
            let cap = |j: usize| self.tok(j).is_some_and(|t| t.is_word && t.capitalized);
            let in_name = cap(k - 1) && cap(k + 1);
            if self.clause_stop(k) || comma || (w().tense_stops.has(self.norm(k)) && !in_name) {
                break;
            }
            let t = self.tense_at(k);
            if t != 0 {
                ahead = Some((k - i, t));
                break;
            }
        }
        match (back, ahead) {
            (Some((b, t)), Some((a, u))) => {
                if a < b {
                    u
                } else {
                    t
                }
            }
            (Some((_, t)), None) | (None, Some((_, t))) => t,
            (None, None) => 0,
        }
    }

    /// Takes "early", "late" or "mid" before a month or year into the span
    /// ("late November", "mid-2021"), as TimeML does; never reaching back
    /// into the previous hit.
    fn widen(&self, h: &mut Hit, floor: usize) {
        // A decade too: "the mid-1990s", "منتصف التسعينيات".
        let decade = h.value.precision == Precision::Range
            && h.value.start.year % 10 == 0
            && h.value.end.year == h.value.start.year + 9
            && (h.value.start.month, h.value.start.day, h.value.end.month, h.value.end.day) == (1, 1, 12, 31);
        if !matches!(h.value.precision, Precision::Month | Precision::Year) && !decade {
            return;
        }
        let Some(j) = h.first.checked_sub(1).filter(|&j| j >= floor) else { return };
        // "أواخر العام الماضي", "مطلع الشهر الجاري", "في منتصف 2021".
        if let Some(p) = self.inf(j).and_then(|f| f.stems.iter().find(|(s, _)| w().part_of_period_ar.has(s))) {
            h.first = j;
            h.start = self.start_of(j, p.1);
            return;
        }
        let k = if self.is_punct(j, &["-"]) && self.glued(j + 1) { j.checked_sub(1) } else { Some(j) };
        if let Some(k) = k.filter(|&k| k >= floor && w().part_of_period_en.has(self.norm(k))) {
            h.first = k;
            h.start = self.start_of(k, 0);
        }
    }

    fn at(&self, i: usize, lang: &str) -> Option<Hit> {
        let t = self.tok(i)?;
        if !t.is_word {
            return None;
        }
        // Most words carry none of a number, an ordinal day, a Hijri
        // year, a weekday, a month, a number word or a known stem, and
        // every matcher asks for some of these at `i` (or for the word
        // itself as one of its first words, a decade's digits, Arabic)
        // before anything else: a matcher is tried only where what it
        // asks for is, in the same order.
        let f = self.inf(i)?;
        let number = f.num.is_some();
        let day = number || f.ordinal.is_some();
        let stems = !f.stems.is_empty();
        let tried = f.starts || number || stems;
        let digit = t.norm.starts_with(|c: char| c.is_ascii_digit());
        // (each matcher with whether to try it: the first hit is returned
        // as it is, not passed along a chain of options)
        macro_rules! try_matcher {
            ($ok:expr, $m:expr) => {
                if $ok {
                    if let h @ Some(_) = $m {
                        return h;
                    }
                }
            };
        }
        try_matcher!(f.weekday.is_some(), self.weekday(i));
        try_matcher!(day || f.hijri_num.is_some(), self.hijri(i));
        try_matcher!(stems, self.hijri_month_alone(i));
        try_matcher!(number, self.numeric(i, lang));
        try_matcher!(day, self.day_first(i));
        try_matcher!(stems || f.month.is_some(), self.month_first(i));
        try_matcher!(stems || number || f.number_word.is_some(), self.ago(i));
        // A word with neither a stem nor a number starts the next five
        // only as one of their first words as written; a decade also in
        // digits ("'80s"), and an Arabic one or a century by words that
        // are no stems here.
        try_matcher!(tried, self.relative_day(i));
        try_matcher!(tried, self.year_phrase(i));
        try_matcher!(tried, self.relative_period(i));
        try_matcher!(tried, self.season_or_quarter(i, lang));
        try_matcher!(tried, self.holiday(i));
        try_matcher!(tried || t.arabic || digit, self.decade(i));
        try_matcher!(tried || t.arabic, self.century(i));
        try_matcher!(number, self.year(i));
        try_matcher!(stems, self.spoken_year_hit(i));
        None
    }
}

/// Finds every date expression in `text`. See [`super::find_dates`].
pub fn find(text: &str, tokens: &[Token], lang: &str, published: Option<Ymd>) -> Vec<FoundDate> {
    // (a block is most often one paragraph: a byte search says it has none)
    let breaks = if text.contains('\n') {
        text.chars().enumerate().filter(|(_, c)| *c == '\n').map(|(i, _)| i).collect()
    } else {
        Vec::new()
    };
    let sc = Scanner::new(tokens, published, breaks);
    let mut hits: Vec<Hit> = Vec::new();
    let mut anchor: Option<DateValue> = None;
    let mut i = 0;
    while i < tokens.len() {
        // A date relative to the one before ("a year earlier") takes the
        // last date read on its own as its anchor, never another relative one.
        let (found, own) = match sc.reporting_period(i, anchor.as_ref()) {
            Some((h, own)) => (Some(h), own),
            None => match sc.quarter_ago(i, anchor.as_ref()) {
                Some(h) => (Some(h), false),
                None => match sc.at(i, lang) {
                    Some(h) => (Some(h), true),
                    None => (sc.anchored(i, anchor.as_ref()), false),
                },
            },
        };
        match found {
            Some(mut h) if h.last > i && h.end > h.start => {
                if let Some(x) = sc.of_anchor_year(&h, anchor.as_ref()).filter(|_| own) {
                    h = x;
                }
                if own {
                    anchor = Some(h.value.clone());
                }
                // A hit never reaches back into the previous one.
                if let Some(prev) = hits.last() {
                    if h.start < prev.end || h.first < prev.last {
                        h.first = i;
                        h.start = sc.start_of(i, 0);
                    }
                }
                i = h.last;
                sc.widen(&mut h, hits.last().map_or(0, |p| p.last));
                hits.push(h);
            }
            _ => i += 1,
        }
    }
    ranges::join(&sc, &hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every matcher, in [`Scanner::at`]'s order, with no word passed over.
    fn at_every(sc: &Scanner<'_>, i: usize, lang: &str) -> Option<Hit> {
        sc.tok(i).filter(|t| t.is_word)?;
        sc.weekday(i)
            .or_else(|| sc.hijri(i))
            .or_else(|| sc.hijri_month_alone(i))
            .or_else(|| sc.numeric(i, lang))
            .or_else(|| sc.day_first(i))
            .or_else(|| sc.month_first(i))
            .or_else(|| sc.ago(i))
            .or_else(|| sc.relative_day(i))
            .or_else(|| sc.year_phrase(i))
            .or_else(|| sc.relative_period(i))
            .or_else(|| sc.season_or_quarter(i, lang))
            .or_else(|| sc.holiday(i))
            .or_else(|| sc.decade(i))
            .or_else(|| sc.century(i))
            .or_else(|| sc.year(i))
            .or_else(|| sc.spoken_year_hit(i))
    }

    #[test]
    fn words_passed_over_start_no_date() {
        let texts = [
            ("ar", "قال الوزير أمس إن الاجتماع سيعقد يوم الخميس 8 ديسمبر 2022 في الرياض، بعد غد، منذ يومين، في 25 شوال 1436 هـ، العام الماضي، في القرن العشرين، التسعينيات، صيف 2021، الربع الثالث، عيد الفطر، تشرين الأول"),
            ("en", "The minister said on Tuesday that two days ago, in the past week, last summer, the third quarter of 2021, nineteen ninety-six, the 1990s, the '80s, Dec. 8, 2022, 12/25/2021, this year, the end of the month, Christmas Day, a year ago, the twentieth century."),
        ];
        let published = ymd(2022, 12, 10);
        for (lang, text) in texts {
            let tokens = crate::text::tokenize(text);
            let sc = Scanner::new(&tokens, published, Vec::new());
            // every token's Info is what classify finds
            for (k, t) in tokens.iter().enumerate() {
                assert_eq!(sc.inf(k), Some(&classify(t)), "{lang} token {k}");
            }
            let key = |h: Option<Hit>| h.map(|h| (h.first, h.last, h.start, h.end, h.value.value));
            let mut found = 0;
            for i in 0..tokens.len() {
                let h = key(sc.at(i, lang));
                found += usize::from(h.is_some());
                assert_eq!(h, key(at_every(&sc, i, lang)), "{lang} token {i}");
            }
            assert!(found >= 10, "{lang}: {found}");
        }
    }
}
