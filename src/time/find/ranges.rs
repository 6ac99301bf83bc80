//! Ranges: two dates joined into one ("between 8 December and 10 January",
//! "from 2011 to 2014"), and the two ends of a day range written as one
//! expression ("December 8-10", "April 24 and 25", "8 و10 ديسمبر"), which
//! TimeML marks as two dates ("[April 24] and [25]").

use super::{day_value, month_value, range_value, Hit, Scanner};
use crate::model::{DateValue, Derivation, Precision};
use crate::time::calendar::ymd;
use crate::time::words::w;
use crate::time::FoundDate;

fn weaker(a: Derivation, b: Derivation) -> Derivation {
    match (a, b) {
        (Derivation::Explicit, x) | (x, Derivation::Explicit) => x,
        (Derivation::Weekday, _) | (_, Derivation::Weekday) => Derivation::Weekday,
        _ => Derivation::Relative,
    }
}

/// The hits as found dates, in order, a hit joined with the next one into
/// a range where a range word joins them.
pub(super) fn join(sc: &Scanner, hits: &[Hit]) -> Vec<FoundDate> {
    let mut out: Vec<FoundDate> = Vec::new();
    let mut idx = 0;
    while let Some(a) = hits.get(idx) {
        if let Some(f) = hits.get(idx + 1).and_then(|b| joined(sc, a, b)) {
            out.push(f);
            idx += 2;
            continue;
        }
        out.push(FoundDate { start: a.start, end: a.end, value: a.value.clone(), parts: day_range_parts(sc, a) });
        idx += 1;
    }
    out
}

/// "between 8 December and 10 January", "from 2011 to 2014", "1990-1995":
/// one range with the two dates as its parts.
fn joined(sc: &Scanner, a: &Hit, b: &Hit) -> Option<FoundDate> {
    let opener = a.first.checked_sub(1).is_some_and(|j| sc.stem_in(j, &w().range_openers));
    // "and", "و" join a range only after "between", "بين".
    let and_opener = a.first.checked_sub(1).is_some_and(|j| sc.stem_in(j, &w().range_and_openers));
    let ok = match b.first.saturating_sub(a.last) {
        0 => sc.tok(b.first).is_some_and(|t| t.norm.starts_with('و') && t.arabic) && and_opener,
        1 => {
            let n = sc.norm(a.last);
            (opener && w().range_joiners.has(n) && (!w().range_and_joiners.has(n) || and_opener))
                || (matches!(n, "-" | "–") && a.value.precision == b.value.precision)
        }
        _ => false,
    };
    if !ok || sc.line_break_between(a.end, b.start) {
        return None;
    }
    let mut first = borrowed_year(sc, a, b).unwrap_or_else(|| a.value.clone());
    // "from January through March" written in December: the first end,
    // read as the coming January on its own, is the one before March.
    if first.start > b.value.end && first.derivation != Derivation::Explicit {
        if let Some(v) = year_before(&first) {
            first = v;
        }
    }
    let v = range_value(first.start, b.value.end, weaker(first.derivation, b.value.derivation))?;
    let parts = vec![
        FoundDate { start: a.start, end: a.end, value: first, parts: Vec::new() },
        FoundDate { start: b.start, end: b.end, value: b.value.clone(), parts: Vec::new() },
    ];
    Some(FoundDate { start: a.start, end: b.end, value: v, parts })
}

/// A month or day one year earlier.
fn year_before(v: &DateValue) -> Option<DateValue> {
    let (y, m, d) = (v.start.year - 1, v.start.month, v.start.day);
    match v.precision {
        Precision::Day => Some(day_value(ymd(y, m, d)?, v.derivation)),
        Precision::Month => month_value(y, m, v.derivation),
        _ => None,
    }
}

/// "between December 8 and January 10, 2021", "from March 3 to March 5,
/// 2021": the first end, written with a month but no year, is in the year
/// written with the second (the year before when its month and day come
/// later in the year).
fn borrowed_year(sc: &Scanner, a: &Hit, b: &Hit) -> Option<DateValue> {
    let (av, bv) = (&a.value, &b.value);
    if av.derivation != Derivation::Relative
        || bv.derivation != Derivation::Explicit
        || !matches!(av.precision, Precision::Day | Precision::Month)
        || !matches!(bv.precision, Precision::Day | Precision::Month | Precision::Range)
    {
        return None;
    }
    // Only a month and day as written: no "last", "الماضي" or period word.
    let plain = (a.first..a.last).all(|k| {
        sc.inf(k).is_some_and(|f| f.ar_dir.is_none() && f.period.is_none())
            && w().directions_en.get(sc.norm(k)).is_none()
    });
    if !plain || !(a.first..a.last).any(|k| sc.inf(k).is_some_and(|f| f.month.is_some())) {
        return None;
    }
    let later = (av.start.month, av.start.day) > (bv.start.month, bv.start.day);
    let year = bv.start.year - i32::from(later);
    match av.precision {
        Precision::Day => Some(day_value(ymd(year, av.start.month, av.start.day)?, Derivation::Explicit)),
        _ => month_value(year, av.start.month, Derivation::Explicit),
    }
}

/// The two ends of a range of days in one month written as one expression
/// ("December 8-10", "8 to 10 December", "April 24 and 25", "24 و25
/// أبريل"): the first day with what comes before the joining word, the
/// second with what comes after. None for other hits (weeks, weekends).
fn day_range_parts(sc: &Scanner, h: &Hit) -> Vec<FoundDate> {
    let v = &h.value;
    if v.precision != Precision::Range || v.start == v.end || (v.start.year, v.start.month) != (v.end.year, v.end.month)
    {
        return Vec::new();
    }
    let derivation = v.derivation;
    for k in h.first + 1..h.last {
        // "24 و25": the joining "و" glued to the second day.
        let glued = sc.num(k).filter(|n| n.2 > 0 && sc.tok(k).is_some_and(|t| t.arabic));
        let joiner = sc.is_punct(k, &["-", "–"]) || w().range_joiners.has(sc.norm(k));
        let (a_end, b_first, b_start) = match glued {
            Some(n) => (k, k, sc.start_of(k, n.2)),
            None if joiner && sc.num(k + 1).is_some() => (k, k + 1, sc.start_of(k + 1, 0)),
            None => continue,
        };
        if b_first >= h.last {
            break;
        }
        return vec![
            FoundDate {
                start: h.start,
                end: sc.end_of(a_end),
                value: day_value(v.start, derivation),
                parts: Vec::new(),
            },
            FoundDate { start: b_start, end: h.end, value: day_value(v.end, derivation), parts: Vec::new() },
        ];
    }
    Vec::new()
}
