//! Dates relative to the date mentioned before them: "the next day", "two
//! days later", "a year earlier", "the year-ago quarter", "اليوم التالي".
//! The anchor is the previous date found in the text; without one only
//! the steps that publication can stand in for are read ("a year earlier"
//! as the year before publication, "the quarter" as the last quarter
//! completed before it).

use super::{day_value, month_value, range_value, year_value, Hit, Scanner};
use crate::model::{DateValue, Derivation, Precision, Ymd};
use crate::time::calendar::{add_days, add_months, ymd};
use crate::time::words::{w, Step, Unit};

impl Scanner<'_> {
    /// "a year ago" said of a quarter ("third-quarter profit rose 19% from
    /// a year ago", "مقارنة بقبل عام"): the same quarter a year before,
    /// as financial news means it, when the last date read is a quarter.
    pub(super) fn quarter_ago(&self, i: usize, anchor: Option<&DateValue>) -> Option<Hit> {
        let a = anchor.filter(|a| is_quarter(a))?;
        let (first, count, unit, last, prefix) = self.ago_parts(i)?;
        if unit != Unit::Year {
            return None;
        }
        let value = shift(Some(a), -i64::from(count), Step::Year, None)?;
        Some(Hit { first, last, start: self.start_of(first, prefix), end: self.end_of(last), value })
    }

    /// A date relative to `anchor` at token `i`.
    pub(super) fn anchored(&self, i: usize, anchor: Option<&DateValue>) -> Option<Hit> {
        let t = self.tok(i)?;
        if !t.is_word {
            return None;
        }
        let first = self.inf(i).is_some_and(|f| f.anchored);
        let phrase = if let Some((from, to)) = first.then(|| w().anchored_first.get(&t.norm)).flatten() {
            // The last word may be possessive: "the latest quarter's results".
            let same = |k: usize, word: &str, last: bool| {
                let n = self.norm(i + k);
                n == word || (last && n.strip_suffix("'s") == Some(word))
            };
            w().anchored.get(from..to).unwrap_or_default().iter().find(|(words, _, _)| {
                words.iter().enumerate().skip(1).all(|(k, word)| same(k, word, k + 1 == words.len()))
            })
        } else {
            None
        };
        let (last, n, step) = match phrase {
            // "the quarter-to-quarter comparison": part of a compound.
            Some((words, ..)) if self.is_punct(i + words.len(), &["-"]) && self.glued(i + words.len()) => return None,
            // "the day before authorities issued a warrant", "اليوم السابق
            // للانتخابات": the day before an event, not before the last date.
            Some((words, n, step)) if self.governs_next(i + words.len(), words, *n != 0 && *step == Step::Day) => {
                return None
            }
            Some((words, n, step)) => (i + words.len(), *n, *step),
            None => {
                // "two days later", "a week earlier"
                let n = self.num(i).map(|n| n.0).or_else(|| self.inf(i).and_then(|f| f.number_word))?;
                if self.tok(i + 2).is_none_or(|t| t.arabic) {
                    return None;
                }
                let (unit, _) = self.inf(i + 1)?.unit?;
                let dir = w().anchored_directions_en.get(self.norm(i + 2))?;
                let (step, scale) = match unit {
                    Unit::Day => (Step::Day, 1),
                    Unit::Week => (Step::Week, 1),
                    Unit::Year => (Step::Year, 1),
                    // "a decade later": ten years on.
                    Unit::Decade => (Step::Year, 10),
                    Unit::Month => return None,
                };
                (i + 3, dir * scale * i64::from(n), step)
            }
        };
        let value = shift(anchor, n, step, self.published)?;
        Some(Hit { first: i, last, start: self.start_of(i, 0), end: self.end_of(last), value })
    }
}

impl Scanner<'_> {
    /// A month or day written without its year and followed by a phrase of
    /// the anchor's year ("in April of that year", "في مارس من العام
    /// نفسه", "in June the following year"): that month of that year, the
    /// phrase taken into the hit, not the month nearest to publication.
    pub(super) fn of_anchor_year(&self, h: &Hit, anchor: Option<&DateValue>) -> Option<Hit> {
        let a = anchor?;
        let v = &h.value;
        if v.derivation == Derivation::Explicit || !matches!(v.precision, Precision::Month | Precision::Day) {
            return None;
        }
        let k = if self.tok(h.last).is_some_and(|t| w().of.has(&t.norm)) { h.last + 1 } else { h.last };
        let (from, to) = w().anchored_first.get(&self.tok(k)?.norm)?;
        let (words, n, _) = w().anchored.get(from..to).unwrap_or_default().iter().find(|(words, _, step)| {
            *step == Step::CalendarYear && words.iter().enumerate().skip(1).all(|(j, x)| self.norm(k + j) == x)
        })?;
        let year = i32::try_from(i64::from(a.start.year) + n).ok()?;
        let value = match v.precision {
            Precision::Month => month_value(year, v.start.month, Derivation::Explicit)?,
            _ => day_value(ymd(year, v.start.month, v.start.day)?, Derivation::Explicit),
        };
        let last = k + words.len();
        Some(Hit { first: h.first, last, start: h.start, end: self.end_of(last), value })
    }

    /// Whether a phrase ending in a preposition ("the day before") or an
    /// Arabic day before or after ("اليوم السابق", `day_step`) before a word
    /// in "لـ" takes the word at `k` as its object.
    fn governs_next(&self, k: usize, words: &[String], day_step: bool) -> bool {
        let Some(next) = self.tok(k).filter(|t| t.is_word) else { return false };
        if next.arabic {
            return day_step
                && words.iter().all(|x| !x.is_ascii())
                && next.norm.starts_with('ل')
                && next.norm.chars().count() > 3;
        }
        words.last().is_some_and(|l| w().object_prepositions_en.has(l))
    }
}

/// `d` moved by `n` years (29 February becomes the 28th).
fn add_years(d: Ymd, n: i64) -> Option<Ymd> {
    let y = i32::try_from(i64::from(d.year) + n).ok()?;
    ymd(y, d.month, d.day).or_else(|| ymd(y, d.month, d.day - 1))
}

/// Whether a value is a calendar quarter.
pub(super) fn is_quarter(v: &DateValue) -> bool {
    v.precision == Precision::Range
        && v.start.day == 1
        && v.start.month % 3 == 1
        && add_months(v.start, 3).and_then(|n| add_days(n, -1)) == Some(v.end)
}

/// The value `n` steps from `anchor` (or from publication where a step allows it).
fn shift(anchor: Option<&DateValue>, n: i64, step: Step, published: Option<Ymd>) -> Option<DateValue> {
    let der = Derivation::Relative;
    match step {
        Step::Day | Step::Week => {
            let a = anchor.filter(|a| a.precision == Precision::Day)?;
            Some(day_value(add_days(a.start, if step == Step::Week { 7 * n } else { n })?, der))
        }
        Step::Year => match anchor {
            Some(a) => match a.precision {
                Precision::Day => Some(day_value(add_years(a.start, n)?, der)),
                Precision::Month => {
                    let d = add_years(a.start, n)?;
                    month_value(d.year, d.month, der)
                }
                Precision::Year => year_value(add_years(a.start, n)?.year, der),
                Precision::Range => range_value(add_years(a.start, n)?, add_years(a.end, n)?, der),
            },
            None => year_value(published?.year + i32::try_from(n).ok()?, der),
        },
        // "the following year", "later that month": the whole calendar
        // period of the anchor, moved.
        Step::CalendarYear => year_value(i32::try_from(i64::from(anchor?.start.year) + n).ok()?, der),
        Step::CalendarMonth => {
            let d = add_months(anchor.filter(|a| a.precision != Precision::Year)?.start, n)?;
            month_value(d.year, d.month, der)
        }
        Step::Quarter => {
            if let Some(a) = anchor.filter(|a| is_quarter(a)) {
                return range_value(a.start, a.end, der);
            }
            let p = published?;
            let this = ymd(p.year, (p.month - 1) / 3 * 3 + 1, 1)?;
            range_value(add_months(this, -3)?, add_days(this, -1)?, der)
        }
    }
}
