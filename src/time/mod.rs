//! Dates: reading publication date strings and finding and normalising date
//! expressions in text (Arabic and English, absolute and relative).

pub mod calendar;
mod find;
mod refs;
pub(crate) mod words;

pub use calendar::{add_days, days_from_civil, weekday};
pub use refs::{find_placement_refs, find_time_refs, RefKind, TimeRef};

use crate::model::{DateValue, Ymd};
use crate::text::{tokenize, Token};

/// A date expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// First code point of the expression in the text.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// What it means.
    pub value: DateValue,
    /// A range joined from two dates ("between 1994 and 1997", "from 8 to
    /// 10 December"): the two ends as read on their own, which TimeML
    /// marks as two dates. Empty otherwise.
    pub parts: Vec<FoundDate>,
}

/// Finds the date expressions in `text` (tokenised by
/// [`crate::text::tokenize`] into `tokens`) and normalises them; relative
/// ones ("أمس", "last week", "on Thursday") need `published` and are left
/// out without it. `lang` only settles "03/04/2022" (month first in
/// English). Results are in text order and do not overlap.
///
/// Covered: day/month/year in either Arabic month series, English and
/// numeric forms, Arabic-Indic digits, ordinal days ("الثامن من ديسمبر"),
/// ranges ("8-10 December", "April 24 and 25", "between ... and ...", with
/// their two ends as `parts`), years with a cue
/// ("عام 2022", "in 2022", "حرب 1948"), months and years relative to
/// publication ("ديسمبر الماضي", "العام المقبل", "last May"; a deadline "by
/// February" ahead), relative days, weeks and "N days/weeks/decades ago",
/// weekdays (past unless the clause speaks of the future or of a scheduled
/// event; none when recurring, "Tuesday nights"), seasons, quarters, fiscal years, dates relative to the date
/// before them ("the next day", "a year earlier", "اليوم التالي"), and
/// Hijri dates converted by the Umm al-Qura calendar (1924-2077; the
/// tabular Islamic calendar outside it).
pub fn find_dates(text: &str, tokens: &[Token], lang: &str, published: Option<Ymd>) -> Vec<FoundDate> {
    find::find(text, tokens, lang, published)
}

/// Longest publication date string worth reading; longer ones are not dates.
const MAX_DATE_LEN: usize = 200;

/// The day after a one-day date ("on the eve of the talks": the talks are
/// the day after the clause's day); a wider date is returned as it is.
pub fn day_after(d: &DateValue) -> DateValue {
    match (d.precision, add_days(d.start, 1)) {
        (crate::model::Precision::Day, Some(next)) => find::day_value(next, crate::model::Derivation::Relative),
        _ => d.clone(),
    }
}

/// Whether the date `d` overlaps the `days` before or after `p`.
pub fn within_days(d: &DateValue, p: Ymd, days: i64) -> bool {
    let p = days_from_civil(p);
    days_from_civil(d.end) >= p - days && days_from_civil(d.start) <= p + days
}

/// Reads a publication date string in any supported form: ISO 8601
/// ("2022-12-08", "2022-12-08T10:00:00Z", "20221208"), RFC 2822
/// ("Thu, 08 Dec 2022 10:00:00 +0000"), English ("Thursday, December 8,
/// 2022", "8 Dec 2022"), Arabic with either month series and any weekday
/// prefix or separator ("الخميس, 8 ديسمبر - 2022", "8 كانون الأول 2022"),
/// Arabic-Indic digits, and numeric "08/12/2022" (day first, the order used
/// in Arabic and most of the world, unless only month first is possible).
pub fn parse_date_string(s: &str) -> Option<Ymd> {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_DATE_LEN {
        return None;
    }
    let norm = crate::text::normalize(s);
    if let Some(d) = iso_prefix(&norm) {
        return Some(d);
    }
    // The text scanner knows weekday prefixes, both month series, Hijri
    // dates and separators. A string giving both calendars ("25 شوال 1436 هـ
    // الموافق 10 أغسطس 2015 م") is read by its Gregorian part, which is exact.
    let found = find_dates(s, &tokenize(s), "", None);
    let days = found.iter().filter(|f| {
        f.value.precision == crate::model::Precision::Day && f.value.derivation != crate::model::Derivation::Relative
    });
    let mut hijri_day = None;
    for f in days {
        let span: String = s.chars().skip(f.start).take(f.end - f.start).collect();
        if is_hijri_span(&span) {
            hijri_day.get_or_insert(f.value.start);
        } else {
            return Some(f.value.start);
        }
    }
    if hijri_day.is_some() {
        return hijri_day;
    }
    let tokens = tokenize(&norm);
    // Numbers that are parts of a clock time ("10:00:00") are not the day.
    let is_time = |i: usize| {
        let colon = |j: Option<usize>| j.and_then(|j| tokens.get(j)).is_some_and(|t| t.norm == ":");
        colon(i.checked_sub(1)) || colon(Some(i + 1))
    };
    let month = find_dates_month(&tokens);
    let mut nums: Vec<(u32, usize)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if t.is_word && !is_time(i) {
            let digits = t.norm.bytes().take_while(u8::is_ascii_digit).count();
            let rest = t.norm.get(digits..).unwrap_or("");
            if digits > 0
                && digits <= 8
                && (rest.is_empty() || (words::w().ordinal_suffixes_en.has(rest) || rest == "t"))
            {
                if let Some(v) = t.norm.get(..digits).and_then(|d| d.parse().ok()) {
                    nums.push((v, digits));
                }
            }
        }
    }
    let year_of = |(v, d): (u32, usize)| (d == 4).then(|| i32::try_from(v).ok()).flatten();
    let small = |(v, d): (u32, usize)| (d <= 2).then(|| u8::try_from(v).ok()).flatten();
    if let Some(m) = month {
        let day = nums.iter().copied().find_map(small)?;
        let year = nums.iter().copied().find_map(year_of)?;
        return calendar::ymd(year, m, day);
    }
    if let [a, b, c, ..] = nums.as_slice() {
        if a.1 == 8 && nums.len() == 1 {
            return None;
        }
        if let Some(y) = year_of(*a) {
            return calendar::ymd(y, small(*b)?, small(*c)?);
        }
        if let Some(y) = year_of(*c) {
            let (x, z) = (small(*a)?, small(*b)?);
            return if z > 12 { calendar::ymd(y, x, z) } else { calendar::ymd(y, z, x) };
        }
    }
    if let [(v, 8)] = nums.as_slice() {
        return compact(*v);
    }
    None
}

/// Whether a date expression is written in the Hijri calendar: a Hijri
/// mark or month name, or a year in 1300-1500 (see the numeric dates in
/// [`find_dates`]).
fn is_hijri_span(span: &str) -> bool {
    tokenize(span).iter().any(|t| {
        let n = t.norm.as_str();
        let digits = n.strip_suffix('ه').unwrap_or(n);
        words::w().hijri_marks.has(n)
            || words::w().hijri_months.get(n).is_some()
            || words::w().hijri_two_word_months.iter().any(|(a, _, _)| a == n)
            || digits.parse::<u32>().is_ok_and(|y| (1300..=1500).contains(&y) || digits.len() < n.len())
    })
}

/// "20221208" (TimeML document dates and compact ISO 8601).
fn compact(v: u32) -> Option<Ymd> {
    calendar::ymd(i32::try_from(v / 10_000).ok()?, u8::try_from(v / 100 % 100).ok()?, u8::try_from(v % 100).ok()?)
}

/// "YYYY-MM-DD" or "YYYY/MM/DD" at the start, whatever follows (a time).
fn iso_prefix(s: &str) -> Option<Ymd> {
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let sep = b.get(4).copied().filter(|c| *c == b'-' || *c == b'/')?;
    if !((0..4).all(digit) && digit(5) && digit(6) && b.get(7) == Some(&sep) && digit(8) && digit(9)) || digit(10) {
        return None;
    }
    calendar::ymd(s.get(0..4)?.parse().ok()?, s.get(5..7)?.parse().ok()?, s.get(8..10)?.parse().ok()?)
}

/// The month named in a date string, in either Arabic series or English.
fn find_dates_month(tokens: &[Token]) -> Option<u8> {
    for (i, t) in tokens.iter().enumerate() {
        if !t.is_word {
            continue;
        }
        let stems = crate::text::stems(&t.norm);
        for s in &stems {
            if let Some(next) = tokens.get(i + 1) {
                let ord = next.norm.strip_prefix("ال").unwrap_or(&next.norm);
                if let Some((_, _, m)) = words::w().two_word_months.iter().find(|(a, b, _)| a == s && b == ord) {
                    return Some(*m);
                }
            }
            if let Some((m, _)) = words::month(s) {
                return Some(m);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Option<Ymd> {
        Some(Ymd { year: y, month: m, day })
    }

    #[test]
    fn publication_dates() {
        for (s, want) in [
            ("2022-12-08", d(2022, 12, 8)),
            ("2022-12-08T10:00:00Z", d(2022, 12, 8)),
            ("2022-12-08 18:52:49", d(2022, 12, 8)),
            ("20221208", d(2022, 12, 8)),
            ("Thu, 08 Dec 2022 10:00:00 +0000", d(2022, 12, 8)),
            ("Thursday, December 8, 2022", d(2022, 12, 8)),
            ("8 Dec 2022", d(2022, 12, 8)),
            ("الخميس, 8 ديسمبر - 2022", d(2022, 12, 8)),
            ("٨ ديسمبر ٢٠٢٢", d(2022, 12, 8)),
            ("8 كانون الأول 2022", d(2022, 12, 8)),
            ("الخميس 8 تشرين الثاني 2022", d(2022, 11, 8)),
            ("08/12/2022", d(2022, 12, 8)),
            ("12/31/2022", d(2022, 12, 31)),
            ("31 فبراير 2022", None),
            ("الخميس 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م", d(2015, 8, 10)),
            ("الأحد 1 / 11 / 1436هـ", d(2015, 8, 16)),
            ("8 ديسمبر 2022م", d(2022, 12, 8)),
            ("08 ديسمبر 2022 - 10:30 ص", d(2022, 12, 8)),
            ("yesterday", None),
            ("", None),
        ] {
            assert_eq!(parse_date_string(s), want, "{s}");
        }
    }
}
