//! Reporting periods of business news, named relative to publication, to a
//! year or to the period reported before: "the 1988 third quarter", "this
//! year's first quarter", "the year-ago quarter", "the same period last
//! year", "the current quarter", "last fiscal year", and in Arabic "الربع
//! الحالي", "العام المالي المقبل", "الفترة نفسها من العام الماضي".

use super::anchored::is_quarter;
use super::{range_value, year_value, Hit, Scanner};
use crate::model::{DateValue, Derivation, Precision, Ymd};
use crate::time::calendar::{add_days, add_months, ymd};
use crate::time::words::{w, Unit};

/// The quarter `q` (1-4) of `year`.
fn quarter(year: i32, q: u8) -> Option<(Ymd, Ymd)> {
    let a = ymd(year, q.checked_mul(3)?.checked_sub(2)?, 1)?;
    Some((a, add_days(add_months(a, 3)?, -1)?))
}

/// The quarter holding `d`, moved by `n` quarters.
fn quarter_of(d: Ymd, n: i64) -> Option<(Ymd, Ymd)> {
    let a = add_months(ymd(d.year, (d.month - 1) / 3 * 3 + 1, 1)?, 3 * n)?;
    Some((a, add_days(add_months(a, 3)?, -1)?))
}

/// The quarter a business story reports on: the one read last if it was a
/// quarter, else the last one completed before publication.
fn reported_quarter(anchor: Option<&DateValue>, p: Ymd) -> Option<(Ymd, Ymd)> {
    match anchor.filter(|a| is_quarter(a)) {
        Some(a) => Some((a.start, a.end)),
        None => quarter_of(p, -1),
    }
}

fn years_back(d: Ymd, n: i32) -> Option<Ymd> {
    ymd(d.year - n, d.month, d.day).or_else(|| ymd(d.year - n, d.month, d.day - 1))
}

/// A quarter value `n` years before `(a, b)`.
fn quarter_back(q: (Ymd, Ymd), n: i32) -> Option<DateValue> {
    range_value(years_back(q.0, n)?, years_back(q.1, n)?, Derivation::Relative)
}

impl Scanner<'_> {
    /// A reporting period at token `i`, and whether it is read on its own
    /// (so later relative dates may take it as their anchor).
    pub(super) fn reporting_period(&self, i: usize, anchor: Option<&DateValue>) -> Option<(Hit, bool)> {
        let p = self.published?;
        let t = self.tok(i)?;
        if !t.is_word {
            return None;
        }
        if t.arabic {
            return self.reporting_period_ar(i, anchor, p).map(|h| (h, false));
        }
        let n = t.norm.as_str();
        let the = n == "the";
        let j = if the { i + 1 } else { i };
        // "the 1988 third quarter", "the 1989 period".
        if let Some(y) = self.year_num(j).filter(|_| the) {
            let (q, last) = self.quarter_tail(j + 1)?;
            let q = match q {
                Some(q) => q,
                None => reported_quarter(anchor, p)?.0.month.div_ceil(3),
            };
            let (a, b) = quarter(y, q)?;
            let value = range_value(a, b, Derivation::Explicit)?;
            return Some((self.hit(i, last, value), true));
        }
        // "this year's third quarter", "last year's quarter".
        if let Some(d) = w().directions_en.get(self.norm(j)).filter(|_| self.norm(j + 1) == "year's") {
            let (q, last) = self.quarter_tail(j + 2)?;
            let q = q.unwrap_or(reported_quarter(anchor, p)?.0.month.div_ceil(3));
            let (a, b) = quarter(p.year + i32::from(d), q)?;
            let value = range_value(a, b, Derivation::Relative)?;
            return Some((self.hit(i, last, value), true));
        }
        // "the year-ago quarter", "the year-earlier third quarter".
        if self.norm(j) == "year" && self.is_punct(j + 1, &["-"]) && w().year_ago_en.has(self.norm(j + 2)) {
            let (q, last) = self.quarter_tail(j + 3)?;
            let base = reported_quarter(anchor, p)?;
            let base = match q {
                Some(q) => quarter(base.0.year, q)?,
                None => base,
            };
            return Some((self.hit(i, last, quarter_back(base, 1)?), false));
        }
        if the {
            return self.same_period_en(i, anchor, p).or_else(|| self.fiscal_year_en(i, p));
        }
        // "last quarter", "next fiscal year" (without the article).
        self.fiscal_year_en(i, p)
    }

    fn hit(&self, first: usize, last: usize, value: DateValue) -> Hit {
        Hit { first, last, start: self.start_of(first, 0), end: self.end_of(last), value }
    }

    /// An optional quarter ordinal ("third", "third-") and a reporting
    /// period noun ("quarter", "period", possessive or not) from token `j`:
    /// the ordinal and the token after the noun.
    fn quarter_tail(&self, j: usize) -> Option<(Option<u8>, usize)> {
        let (q, mut k) = match w().quarter_ordinals_en.get(self.norm(j)) {
            Some(q) => (Some(q), j + 1),
            None => (None, j),
        };
        if q.is_some() && self.is_punct(k, &["-"]) && self.glued(k) {
            k += 1;
        }
        let noun = self.norm(k);
        let noun = noun.strip_suffix("'s").unwrap_or(noun);
        // "the quarter-to-quarter comparison" is no period.
        if !w().reporting_periods_en.has(noun) || (self.is_punct(k + 1, &["-"]) && self.glued(k + 1)) {
            return None;
        }
        Some((q, k + 1))
    }

    /// "the same period last year", "the quarter a year ago", "the
    /// corresponding quarter a year earlier": the period reported, a year
    /// (or more) before.
    fn same_period_en(&self, i: usize, anchor: Option<&DateValue>, p: Ymd) -> Option<(Hit, bool)> {
        let j = if w().same_period_en.has(self.norm(i + 1)) { i + 2 } else { i + 1 };
        let noun = self.norm(j);
        if !w().reporting_periods_en.has(noun) {
            return None;
        }
        let (years, last) = self.years_back_at(j + 1)?;
        let value = if noun == "quarter" {
            quarter_back(reported_quarter(anchor, p)?, years)?
        } else {
            self.period_back(anchor, p, years)?
        };
        Some((self.hit(i, last, value), false))
    }

    /// "a year ago", "two years earlier", "last year" at `j`: how many
    /// years back, and the token after.
    fn years_back_at(&self, j: usize) -> Option<(i32, usize)> {
        if w().directions_en.get(self.norm(j)) == Some(-1) && self.norm(j + 1) == "year" {
            return Some((1, j + 2));
        }
        let n = self.num(j).map(|n| n.0).or_else(|| self.inf(j).and_then(|f| f.number_word))?;
        if !matches!(self.inf(j + 1)?.unit, Some((Unit::Year, _))) || !w().year_ago_en.has(self.norm(j + 2)) {
            return None;
        }
        Some((i32::try_from(n).ok().filter(|n| (1..=10).contains(n))?, j + 3))
    }

    /// The period reported before, `years` back: the one read last if it
    /// was a span of days, a month or a year, else the quarter reported.
    fn period_back(&self, anchor: Option<&DateValue>, p: Ymd, years: i32) -> Option<DateValue> {
        match anchor {
            Some(a) if a.precision == Precision::Year => year_value(a.start.year - years, Derivation::Relative),
            Some(a) if matches!(a.precision, Precision::Range | Precision::Month) => {
                let mut v = range_value(years_back(a.start, years)?, years_back(a.end, years)?, Derivation::Relative)?;
                if a.precision == Precision::Month {
                    v = super::month_value(v.start.year, v.start.month, Derivation::Relative)?;
                }
                Some(v)
            }
            _ => quarter_back(reported_quarter(anchor, p)?, years),
        }
    }

    /// "the current quarter", "last quarter", "the current fiscal year",
    /// "next fiscal year", "the latest fiscal year". Not "the year ended
    /// Sept. 30": TimeML leaves it unmarked (5 of 6 times in TimeBank).
    fn fiscal_year_en(&self, i: usize, p: Ymd) -> Option<(Hit, bool)> {
        let j = if self.norm(i) == "the" { i + 1 } else { i };
        let dir = w().fiscal_directions_en.get(self.norm(j));
        let k = if dir.is_some() { j + 1 } else { j };
        let fiscal = w().fiscal.has(self.norm(k));
        let noun = if fiscal { k + 1 } else { k };
        match (self.norm(noun), dir) {
            // "the current quarter", "last quarter", "next quarter": calendar
            // quarters from publication's. Not "this quarter" (the one
            // reported, an anchored phrase), "the latest quarter" (also),
            // nor "the last quarter of 1989" (the fourth).
            ("quarter", Some(d))
                if !fiscal && w().quarter_directions_en.has(self.norm(j)) && !w().of.has(self.norm(noun + 1)) =>
            {
                let (a, b) = quarter_of(p, i64::from(d))?;
                Some((self.hit(i, noun + 1, range_value(a, b, Derivation::Relative)?), false))
            }
            ("year", Some(d)) if fiscal => {
                Some((self.hit(i, noun + 1, year_value(p.year + i32::from(d), Derivation::Relative)?), false))
            }
            _ => None,
        }
    }

    /// "الربع الحالي", "الربع الماضي", "العام المالي المقبل", "الفترة
    /// نفسها من العام الماضي".
    fn reporting_period_ar(&self, i: usize, anchor: Option<&DateValue>, p: Ymd) -> Option<Hit> {
        let f = self.inf(i)?;
        if f.stems.is_empty() {
            return None;
        }
        let stem_prefix = |list: &crate::time::words::List| f.stems.iter().find(|(s, _)| list.has(s)).map(|x| x.1);
        let hit = |prefix: usize, last: usize, value: DateValue| Hit {
            first: i,
            last,
            start: self.start_of(i, prefix),
            end: self.end_of(last),
            value,
        };
        // "الربع الحالي", "الربع الماضي", "الربع المقبل".
        if let Some(prefix) = f.stems.iter().find(|(s, _)| s == "الربع").map(|x| x.1) {
            let d = self.inf(i + 1)?.ar_dir?;
            let (a, b) = quarter_of(p, i64::from(d))?;
            return Some(hit(prefix, i + 2, range_value(a, b, Derivation::Relative)?));
        }
        if let Some((Unit::Year, prefix)) = f.period {
            if !w().fiscal.has(self.norm(i + 1)) {
                return None;
            }
            // "العام المالي المقبل"
            if let Some(d) = self.inf(i + 2).and_then(|g| g.ar_dir) {
                return Some(hit(prefix, i + 3, year_value(p.year + i32::from(d), Derivation::Relative)?));
            }
            // "العام المالي" alone is the current one, as "the fiscal year"
            // is; one with its year ("السنة المالية 2022") is read as a year.
            if self.num(i + 2).is_some() || self.inf(i + 2).is_some_and(|g| g.period.is_some()) {
                return None;
            }
            return Some(hit(prefix, i + 2, year_value(p.year, Derivation::Relative)?));
        }
        // "الفترة نفسها من العام الماضي", "نفس الفترة من العام الماضي".
        let prefix = if let Some(pre) = stem_prefix(&w().period_nouns_ar) {
            if !w().same_period_ar.has(self.norm(i + 1)) {
                return None;
            }
            pre
        } else {
            let pre = stem_prefix(&w().same_period_ar)?;
            if !self.stem_in(i + 1, &w().period_nouns_ar) {
                return None;
            }
            pre
        };
        let mut j = i + 2;
        if w().of.has(self.norm(j)) {
            j += 1;
        }
        if !matches!(self.inf(j)?.period, Some((Unit::Year, _))) || self.inf(j + 1)?.ar_dir != Some(-1) {
            return None;
        }
        Some(hit(prefix, j + 2, self.period_back(anchor, p, 1)?))
    }
}
