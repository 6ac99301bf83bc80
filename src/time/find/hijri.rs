//! Dates of the Hijri calendar: "25 شوال 1436 هـ", "25 / 10 / 1436 هـ",
//! "1436/10/25 هـ", "عام 1404هـ", and Hijri months named alone ("رمضان
//! الماضي"), converted to Gregorian days by [`crate::time::calendar`].

use super::{day_value, range_value, Hit, Scanner};
use crate::model::Derivation;
use crate::time::calendar::days_from_civil;
use crate::time::words::w;

impl Scanner<'_> {
    /// The Gregorian day of a Hijri month and day nearest publication.
    fn nearest_hijri(&self, month: u8, day: u8) -> Option<crate::model::Ymd> {
        let today = days_from_civil(self.published?);
        let h = i32::try_from((today + 492_148) * 30 / 10_631 + 1).ok()?;
        let pick = (h - 1..=h + 1)
            .filter_map(|y| crate::time::calendar::days_from_hijri(y, month, day))
            .min_by_key(|d| (d - today).abs())?;
        crate::time::calendar::civil_from_days(pick)
    }

    /// A Hijri year mark ("هـ", "هجري") at token `i`.
    pub(super) fn hijri_mark(&self, i: usize) -> bool {
        w().hijri_marks.has(self.norm(i))
    }

    /// A Hijri year at `i`: "1404هـ", "1404 هـ"; with `bare`, also a plain
    /// number (after a Hijri month name). Returns the year and the next token.
    pub(super) fn hijri_year(&self, i: usize, bare: bool) -> Option<(i32, usize)> {
        if let Some(v) = self.inf(i).and_then(|f| f.hijri_num) {
            return Some((i32::try_from(v).ok()?, i + 1));
        }
        let (v, d, _) = self.num(i).filter(|n| (3..=4).contains(&n.1))?;
        let y = i32::try_from(v).ok().filter(|y| (1..=1600).contains(y) && d >= 3)?;
        if self.hijri_mark(i + 1) {
            Some((y, i + 2))
        } else {
            bare.then_some((y, i + 1))
        }
    }

    /// A Hijri month name at `i` (one or two words); month and next token.
    pub(super) fn hijri_month_at(&self, i: usize) -> Option<(u8, usize)> {
        let f = self.inf(i)?;
        let t = self.tok(i)?;
        // Only the bare word or "و" before it: "صفر" is also "zero".
        let ok_prefix = |p: usize| p == 0 || (p == 1 && t.norm.starts_with('و'));
        // (a stem and the next word, without its article, among the
        // second words of the two-word months)
        let second = self
            .tok(i + 1)
            .filter(|_| !f.stems.is_empty())
            .map(|next| next.norm.strip_prefix("ال").unwrap_or(&next.norm))
            .filter(|second| w().hijri_two_word_seconds.has(second));
        if let Some(second) = second {
            for (s, _) in f.stems.iter().filter(|(_, p)| ok_prefix(*p)) {
                if let Some((_, _, m)) = w().hijri_two_word_months.iter().find(|(a, b, _)| a == s && b == second) {
                    return Some((*m, i + 2));
                }
            }
        }
        f.stems.iter().filter(|(_, p)| ok_prefix(*p)).find_map(|(s, _)| w().hijri_months.get(s)).map(|m| (m, i + 1))
    }

    /// A Hijri month without day or year, resolved against publication:
    /// "شهر رمضان", "رمضان المبارك", "رمضان الماضي". Several Hijri months
    /// are also given names ("رمضان", "رجب"), so a cue must stand by it.
    pub(super) fn hijri_month_alone(&self, i: usize) -> Option<Hit> {
        let p = self.published?;
        let (m, mut k) = self.hijri_month_at(i)?;
        let noun = i.checked_sub(1).filter(|&j| self.stem_is(j, "شهر"));
        let mut cued = noun.is_some();
        if w().month_epithets_ar.has(self.norm(k)) {
            k += 1;
            cued = true;
        }
        let dir = self.inf(k).and_then(|f| f.ar_dir);
        if dir.is_some() {
            k += 1;
        }
        if !cued && dir.is_none() {
            return None;
        }
        let today = days_from_civil(p);
        // The Hijri year of publication, near enough to pick candidates
        // (10631 days make 30 Hijri years).
        let h = i32::try_from((today + 492_148) * 30 / 10_631 + 1).ok()?;
        let spans: Vec<(i64, i64)> = (h - 1..=h + 1)
            .filter_map(|y| {
                let start = crate::time::calendar::days_from_hijri(y, m, 1)?;
                let next = if m == 12 {
                    crate::time::calendar::days_from_hijri(y + 1, 1, 1)?
                } else {
                    crate::time::calendar::days_from_hijri(y, m + 1, 1)?
                };
                Some((start, next - 1))
            })
            .collect();
        let future = dir == Some(1) || (dir.is_none() && self.future_context(i));
        let pick = match dir {
            Some(-1) => spans.iter().rev().find(|s| s.1 < today),
            _ if future => spans.iter().find(|s| s.0 > today),
            _ => {
                spans.iter().find(|s| s.0 <= today && today <= s.1).or_else(|| spans.iter().rev().find(|s| s.1 < today))
            }
        }?;
        let value = range_value(
            crate::time::calendar::civil_from_days(pick.0)?,
            crate::time::calendar::civil_from_days(pick.1)?,
            Derivation::Relative,
        )?;
        let (first, prefix) = match noun {
            Some(j) => {
                (j, self.inf(j).and_then(|f| f.stems.iter().find(|(s, _)| s == "شهر").map(|x| x.1)).unwrap_or(0))
            }
            None => (i, 0),
        };
        Some(Hit { first, last: k, start: self.start_of(first, prefix), end: self.end_of(k), value })
    }

    /// Hijri dates: "25 شوال 1436 هـ", "25 / 10 / 1436 هـ", "عام 1404هـ",
    /// converted to the Gregorian calendar.
    pub(super) fn hijri(&self, i: usize) -> Option<Hit> {
        // Day, Hijri month, year: "25 شوال 1436 هـ", "السابع من شهر ذي القعدة";
        // without a year, the one nearest publication.
        let ordinal =
            if self.num(i).is_none() { self.ordinal_day(i).filter(|(_, n)| w().of.has(self.norm(*n))) } else { None };
        if let Some(d) = self.day_num(i).or(ordinal.map(|o| o.0)) {
            let mut j = ordinal.map_or(i + 1, |(_, n)| n + 1);
            if ordinal.is_some() && self.stem_is(j, "شهر") {
                j += 1;
            }
            if let Some((m, mut k)) = self.hijri_month_at(j) {
                if w().month_epithets_ar.has(self.norm(k)) {
                    k += 1;
                }
                let (day, last, derivation) = match self.hijri_year(k, true) {
                    Some((y, last)) => (crate::time::calendar::from_hijri(y, m, d)?, last, Derivation::Explicit),
                    None => (self.nearest_hijri(m, d)?, k, Derivation::Relative),
                };
                let value = day_value(day, derivation);
                return Some(Hit { first: i, last, start: self.start_of(i, 0), end: self.end_of(last), value });
            }
            if ordinal.is_some() {
                return None;
            }
            // "25 / 10 / 1436 هـ" (slashes or dashes, spaced or not).
            let sep = self.tok(i + 1).filter(|t| !t.is_word && matches!(t.norm.as_str(), "/" | "-"))?;
            let m = self.day_num(i + 2).filter(|m| *m <= 12)?;
            if self.tok(i + 3).is_some_and(|t| t.norm == sep.norm) {
                let (y, last) = self.hijri_year(i + 4, false)?;
                let day = crate::time::calendar::from_hijri(y, m, d)?;
                let value = day_value(day, Derivation::Explicit);
                return Some(Hit { first: i, last, start: self.start_of(i, 0), end: self.end_of(last), value });
            }
            return None;
        }
        // "1436/10/25 هـ"
        if let Some((v, 4, 0)) = self.num(i) {
            let sep = self.tok(i + 1).filter(|t| !t.is_word && matches!(t.norm.as_str(), "/" | "-"))?;
            if self.tok(i + 3).is_some_and(|t| t.norm == sep.norm) {
                let m = self.day_num(i + 2).filter(|m| *m <= 12)?;
                let d =
                    u8::try_from(self.inf(i + 4)?.hijri_num.or_else(|| self.day_num(i + 4).map(u32::from))?).ok()?;
                let last = if self.inf(i + 4)?.hijri_num.is_some() {
                    i + 5
                } else if self.hijri_mark(i + 5) {
                    i + 6
                } else {
                    return None;
                };
                let day = crate::time::calendar::from_hijri(i32::try_from(v).ok()?, m, d)?;
                let value = day_value(day, Derivation::Explicit);
                return Some(Hit { first: i, last, start: self.start_of(i, 0), end: self.end_of(last), value });
            }
        }
        // A Hijri year, with its noun when there is one ("عام 1404هـ").
        let (y, last) = self.hijri_year(i, false)?;
        let (a, b) = crate::time::calendar::hijri_year_span(y)?;
        let noun = i.checked_sub(1).filter(|&j| self.stem_in(j, &w().year_nouns_ar));
        let (first, prefix) = match noun {
            Some(j) => (
                j,
                self.inf(j)
                    .and_then(|f| f.stems.iter().find(|(s, _)| w().year_nouns_ar.has(s)).map(|x| x.1))
                    .unwrap_or(0),
            ),
            None => (i, 0),
        };
        let value = range_value(a, b, Derivation::Explicit)?;
        Some(Hit { first, last, start: self.start_of(first, prefix), end: self.end_of(last), value })
    }
}
