//! Dates relative to publication: yesterday and today, weekdays, "last
//! week", "الشهر المقبل", "two days ago", seasons, quarters, weekends and
//! holidays that recur every year.

use super::{day_value, month_value, range_value, year_value, Hit, Scanner};
use crate::model::{Derivation, Precision, Ymd};
use crate::time::calendar::{add_days, add_months, days_from_civil, days_in_month, week_start, weekday, ymd};
use crate::time::words::{w, Unit};

/// What a season/quarter/weekend word is.
#[derive(Clone, Copy)]
enum PeriodKind {
    /// A season starting in this month.
    Season(u8),
    /// A quarter of the year (1-4).
    Q(u8),
    /// English ordinal that may open "third quarter".
    Ordinal(u8),
    /// "الربع", whose ordinal follows.
    QuarterWord,
    Weekend,
    /// "نهاية" of "نهاية الأسبوع".
    ArabicWeekendStart,
}

impl Scanner<'_> {
    /// Yesterday, today, tomorrow and their Arabic forms, with the two-word
    /// "أول أمس", "أمس الأول", "بعد غد", "the day before yesterday".
    pub(super) fn relative_day(&self, i: usize) -> Option<Hit> {
        let p = self.published?;
        // Fixed phrases: "بعد غد", "the day before yesterday", "last night".
        let phrase = w().relative_first.has(self.norm(i)).then(|| {
            w().relative_phrases
                .iter()
                .find(|(words, _)| words.iter().enumerate().all(|(k, word)| self.norm(i + k) == word.as_str()))
        });
        let phrase = phrase.flatten();
        if let Some((words, ofs)) = phrase {
            let d = add_days(p, *ofs)?;
            let last = i + words.len();
            return Some(Hit {
                first: i,
                last,
                start: self.start_of(i, 0),
                end: self.end_of(last),
                value: day_value(d, Derivation::Relative),
            });
        }
        let (ofs, prefix) = self.inf(i)?.rel_day?;
        let tok = self.tok(i)?;
        let mut first = i;
        let mut last = i + 1;
        let mut ofs = ofs;
        let mut prefix = prefix;
        if ofs == 0 && tok.arabic {
            let before = i.checked_sub(1).map_or("", |j| self.norm(j));
            // "اليوم التاسع" is "the ninth day", not today.
            let after = self.norm(i + 1);
            if w().not_today_before.has(before)
                || w().not_today_after.has(after)
                || w().ordinal_days.get(after).is_some()
            {
                return None;
            }
        }
        if ofs == 0 && !tok.arabic && i > 0 && self.norm(i - 1) == "usa" {
            return None;
        }
        // "today's world", "today's youth": the present age, not the day.
        if ofs == 0
            && !tok.arabic
            && self.inf(i).is_some_and(|f| f.cut > 0)
            && w().present_age_nouns_en.has(self.norm(i + 1))
        {
            return None;
        }
        // "الليلة الماضية": last night.
        if self.norm(i) == "الليله" || tok.norm.ends_with("الليله") {
            match self.inf(i + 1).and_then(|f| f.ar_dir) {
                Some(-1) => {
                    ofs = -1;
                    last = i + 2;
                }
                Some(_) => return None,
                // "ليلة القدر" and the like are not "tonight"; only the bare word is.
                None if w().day_nouns_ar.has(self.norm(i + 1)) => return None,
                None => {}
            }
        }
        if ofs == -1 && tok.arabic {
            // "أول أمس" / "أمس الأول": the day before yesterday.
            if i > 0
                && self.stem_is(i - 1, "اول")
                && self.inf(i - 1).is_some_and(|f| f.stems.iter().any(|(s, _)| s == "اول"))
            {
                first = i - 1;
                prefix =
                    self.inf(first).and_then(|f| f.stems.iter().find(|(s, _)| s == "اول").map(|x| x.1)).unwrap_or(0);
                ofs = -2;
            } else if self.norm(i + 1) == "الاول" {
                last = i + 2;
                ofs = -2;
            }
        }
        // "اليوم الخميس", "أمس الأربعاء", "yesterday Thursday": one date.
        if tok.arabic && self.inf(last).and_then(|f| f.weekday).is_some_and(|w| w.1 == 0) {
            last += 1;
        }
        // "صباح اليوم", "مساء أمس", "ليلة أمس": a part of that day.
        if tok.arabic && first == i && prefix == 0 && i > 0 {
            if let Some(p) =
                self.inf(i - 1).and_then(|f| f.stems.iter().find(|(s, _)| w().day_nouns_ar.has(s)).map(|x| x.1))
            {
                first = i - 1;
                prefix = p;
            }
        }
        // "yesterday morning", "tomorrow evening"
        if !tok.arabic && w().day_parts_en.has(self.norm(last)) {
            last += 1;
        }
        let d = add_days(p, ofs)?;
        Some(Hit {
            first,
            last,
            start: self.start_of(first, prefix),
            end: self.end_of(last),
            value: day_value(d, Derivation::Relative),
        })
    }

    /// A year named relative to publication by a fixed phrase: "the current
    /// year", "the full year", "by year-end", "بنهاية العام". The first word
    /// may carry Arabic clitics.
    pub(super) fn year_phrase(&self, i: usize) -> Option<Hit> {
        let p = self.published?;
        let f = self.inf(i)?;
        // Most tokens: neither they nor a stem of theirs starts a phrase.
        let firsts = &w().phrases_first;
        if !firsts.has(self.norm(i)) && !f.stems.iter().any(|(s, _)| firsts.has(s)) {
            return None;
        }
        let find = |rows: &[(Vec<String>, i32)]| {
            rows.iter().find_map(|(words, ofs)| Some((words.len(), *ofs, self.phrase_at(i, words)?)))
        };
        let (n, value, prefix) = match find(&w().year_phrases) {
            Some((n, ofs, prefix)) => (n, year_value(p.year + ofs, Derivation::Relative)?, prefix),
            // "the end of the month", "مطلع الشهر": publication's month.
            None => {
                let (n, ofs, prefix) = find(&w().month_phrases)?;
                let m = add_months(p, i64::from(ofs))?;
                (n, month_value(m.year, m.month, Derivation::Relative)?, prefix)
            }
        };
        // "نهاية العام الماضي": the direction after it names another year
        // (read as "العام الماضي", with "نهاية" joined to it).
        if self.inf(i + n).is_some_and(|f| f.ar_dir.is_some()) {
            return None;
        }
        Some(Hit { first: i, last: i + n, start: self.start_of(i, prefix), end: self.end_of(i + n), value })
    }

    /// Seasons, quarters and weekends: "last summer", "الصيف الماضي",
    /// "صيف 2021", "the third quarter", "الربع الثالث من العام الجاري",
    /// "over the weekend", "نهاية الأسبوع الماضي".
    pub(super) fn season_or_quarter(&self, i: usize, lang: &str) -> Option<Hit> {
        let p = self.published?;
        let tok = self.tok(i)?;
        // an Arabic period word is a known stem ([`Scanner::period_kind`])
        if tok.arabic && self.inf(i).is_none_or(|f| f.stems.is_empty()) {
            return None;
        }
        // Direction word before (English) or adjective after (Arabic).
        let (first, dir_before) = match i.checked_sub(1).and_then(|j| {
            w().directions_en.get(self.norm(j)).map(|d| (j, d)).or_else(|| {
                (w().this_ar.has(self.norm(j)) || matches!(self.norm(j), "past" | "over" | "the")).then_some((j, 0))
            })
        }) {
            Some((j, d)) if !tok.arabic || w().this_ar.has(self.norm(j)) => {
                // "over the weekend", "the third quarter": no direction.
                if matches!(self.norm(j), "over" | "the") {
                    (i, None)
                } else {
                    (j, Some(if self.norm(j) == "past" { -1 } else { d }))
                }
            }
            _ => (i, None),
        };
        let (kind, kind_prefix) = self.period_kind(i)?;
        let (kind, mut k) = match kind {
            PeriodKind::QuarterWord => {
                // "الربع الثالث": the ordinal follows.
                let q = w().quarter_ordinals_ar.get(self.norm(i + 1))?;
                (PeriodKind::Q(q), i + 2)
            }
            PeriodKind::Ordinal(q) => {
                // "third quarter", "third-quarter"
                let mut j = i + 1;
                if self.is_punct(j, &["-"]) && self.glued(j) {
                    j += 1;
                }
                if self.norm(j) != "quarter" {
                    return None;
                }
                (PeriodKind::Q(q), j + 1)
            }
            other => (other, i + 1),
        };
        // "الأسبوع" after "نهاية"
        if let PeriodKind::ArabicWeekendStart = kind {
            if !matches!(self.inf(i + 1).and_then(|f| f.period), Some((Unit::Week, _))) {
                return None;
            }
            k = i + 2;
        }
        // A year after it: "summer 2021", "صيف 2021", "of 2021", "من عام 2021",
        // or relative: "من العام الجاري", "صيف العام الماضي".
        let mut year: Option<(i32, Derivation)> = None;
        let mut j = k;
        if w().of.has(self.norm(j)) {
            j += 1;
        }
        if w().year_nouns_ar.has(self.norm(j)) && self.num(j + 1).is_some() {
            j += 1;
        }
        if let Some((y, after)) = self.year_num(j).map(|y| (y, j + 1)).or_else(|| self.spoken_year(j)) {
            year = Some((y, Derivation::Explicit));
            k = after;
        } else if self.inf(j).is_some_and(|f| matches!(f.period, Some((Unit::Year, _)))) {
            if let Some(d) = self.inf(j + 1).and_then(|f| f.ar_dir) {
                year = Some((p.year + i32::from(d), Derivation::Relative));
                k = j + 2;
            }
        } else if w().directions_en.get(self.norm(j)).is_some() && self.norm(j + 1) == "year" {
            let d = w().directions_en.get(self.norm(j)).unwrap_or(0);
            year = Some((p.year + i32::from(d), Derivation::Relative));
            k = j + 2;
        }
        let mut dir = dir_before;
        if tok.arabic && year.is_none() {
            if let Some(d) = self.inf(k).and_then(|f| f.ar_dir) {
                dir = Some(d);
                k += 1;
            }
        }
        // Bare season words are too loose ("spring" the verb, "الربيع العربي");
        // English "the summer" is the latest one begun.
        let the_season = !tok.arabic && i.checked_sub(1).is_some_and(|j| self.norm(j) == "the");
        // "the early summer", "أواخر الصيف": part of the latest one begun.
        let part = i.checked_sub(1).filter(|&j| {
            first == i
                && matches!(kind, PeriodKind::Season(_))
                && (w().part_of_period_en.has(self.norm(j)) || self.stem_in(j, &w().part_of_period_ar))
        });
        let the_season = the_season || part.is_some();
        if year.is_none() && dir.is_none() && matches!(kind, PeriodKind::Season(_)) && !the_season {
            return None;
        }
        let today = days_from_civil(p);
        let span_of = |y: i32| -> Option<(Ymd, Ymd)> {
            match kind {
                PeriodKind::Season(m) => {
                    let a = ymd(y, m, 1)?;
                    let b = add_days(add_months(a, 3)?, -1)?;
                    Some((a, b))
                }
                PeriodKind::Q(q) => {
                    let a = ymd(y, q * 3 - 2, 1)?;
                    Some((a, add_days(add_months(a, 3)?, -1)?))
                }
                _ => None,
            }
        };
        let (a, b, derivation) = match kind {
            PeriodKind::Weekend | PeriodKind::ArabicWeekendStart => {
                // Saturday-Sunday in English; Friday-Saturday in most of the Arab world.
                let first_day = if lang == "ar" || tok.arabic { 4 } else { 5 };
                let back = (i64::from(weekday(p)) - first_day).rem_euclid(7);
                let in_weekend = back <= 1;
                let d = match dir {
                    Some(1) => 7 - back,
                    Some(0) if in_weekend => -back,
                    Some(0) => 7 - back,
                    Some(_) if in_weekend => -back - 7,
                    // "over the weekend": the one going on or just past.
                    _ => -back,
                };
                let start = add_days(p, d)?;
                (start, add_days(start, 1)?, Derivation::Relative)
            }
            _ => match year {
                Some((y, der)) => {
                    let (a, b) = span_of(y)?;
                    (a, b, der)
                }
                None => {
                    let cands: Vec<(Ymd, Ymd)> = (p.year - 2..=p.year + 1).filter_map(span_of).collect();
                    let pick = match dir {
                        Some(1) => cands.iter().find(|c| days_from_civil(c.0) > today),
                        Some(0) => cands
                            .iter()
                            .find(|c| days_from_civil(c.0) <= today && today <= days_from_civil(c.1))
                            .or_else(|| cands.iter().find(|c| c.0.year == p.year)),
                        // Past by default: the latest that has begun ("the third quarter").
                        _ => cands
                            .iter()
                            .rev()
                            .find(|c| days_from_civil(c.1) < today)
                            .filter(|_| dir == Some(-1))
                            .or_else(|| cands.iter().rev().find(|c| days_from_civil(c.0) <= today)),
                    }?;
                    (pick.0, pick.1, Derivation::Relative)
                }
            },
        };
        let value = range_value(a, b, derivation)?;
        if let Some(j) = part {
            let the = j.checked_sub(1).filter(|&t| !tok.arabic && self.norm(t) == "the");
            let prefix = if the.is_some() {
                0
            } else {
                self.inf(j).and_then(|f| f.stems.iter().find(|(s, _)| w().part_of_period_ar.has(s))).map_or(0, |x| x.1)
            };
            let first = the.unwrap_or(j);
            return Some(Hit { first, last: k, start: self.start_of(first, prefix), end: self.end_of(k), value });
        }
        // TimeML keeps "the" in "the third quarter" and "the weekend".
        let first = match i.checked_sub(1) {
            Some(j)
                if first == i
                    && self.norm(j) == "the"
                    && (!matches!(kind, PeriodKind::Season(_)) || (year.is_none() && dir.is_none())) =>
            {
                j
            }
            _ => first,
        };
        let prefix = if first == i { kind_prefix } else { 0 };
        Some(Hit { first, last: k, start: self.start_of(first, prefix), end: self.end_of(k), value })
    }

    /// Fixed holidays, resolved to the nearest one to publication (or the
    /// next or last one with "المقبل"/"الماضي"/"next"/"last"): Islamic ones
    /// by the Hijri calendar ("عيد الأضحى", "يوم عرفة"), Christmas and New
    /// Year, those on the nth weekday of a month (Thanksgiving) and on the
    /// first weekday after a day (US Election Day).
    pub(super) fn holiday(&self, i: usize) -> Option<Hit> {
        let p = self.published?;
        let f = self.inf(i)?;
        let firsts = &w().holiday_first;
        if !firsts.has(self.norm(i)) && !f.stems.iter().any(|(s, _)| firsts.has(s)) {
            return None;
        }
        let (words_, calendar, month, day, prefix) = w()
            .holidays
            .iter()
            .find_map(|(phrase, c, m, d)| Some((phrase.len(), *c, *m, *d, self.phrase_at(i, phrase)?)))?;
        let mut k = i + words_;
        if w().holiday_epithets_ar.has(self.norm(k)) {
            k += 1;
        }
        let mut dir = i.checked_sub(1).and_then(|j| w().directions_en.get(self.norm(j)));
        let first = if dir.is_some() { i - 1 } else { i };
        if let Some(d) = self.inf(k).and_then(|f| f.ar_dir) {
            dir = Some(d);
            k += 1;
        }
        let today = days_from_civil(p);
        let cands: Vec<i64> = if calendar == 'h' {
            let h = i32::try_from((today + 492_148) * 30 / 10_631 + 1).ok()?;
            (h - 1..=h + 1).filter_map(|y| crate::time::calendar::days_from_hijri(y, month, day)).collect()
        } else if calendar == 'w' {
            // The nth weekday of the month: `day` is n * 10 + weekday (0 Monday).
            (p.year - 1..=p.year + 1)
                .filter_map(|y| {
                    let first = ymd(y, month, 1)?;
                    let ofs =
                        (i64::from(day % 10) - i64::from(weekday(first))).rem_euclid(7) + 7 * i64::from(day / 10 - 1);
                    add_days(first, ofs)
                })
                .map(days_from_civil)
                .collect()
        } else if calendar == 'a' {
            // The first weekday on or after a day of the month: `day` is
            // that day * 10 + weekday (0 Monday): 21 is the first Tuesday
            // on or after the 2nd (US Election Day).
            (p.year - 1..=p.year + 1)
                .filter_map(|y| {
                    let from = ymd(y, month, day / 10)?;
                    add_days(from, (i64::from(day % 10) - i64::from(weekday(from))).rem_euclid(7))
                })
                .map(days_from_civil)
                .collect()
        } else {
            (p.year - 1..=p.year + 1).filter_map(|y| ymd(y, month, day)).map(days_from_civil).collect()
        };
        let future = dir == Some(1) || (dir.is_none() && self.future_context(i));
        let pick = match dir {
            Some(-1) => cands.iter().rev().find(|d| **d < today),
            Some(1) => cands.iter().find(|d| **d > today),
            _ if future => cands.iter().find(|d| **d >= today),
            _ => cands.iter().min_by_key(|d| (**d - today).abs()),
        }?;
        let value = day_value(crate::time::calendar::civil_from_days(*pick)?, Derivation::Relative);
        let start = if first == i { self.start_of(i, prefix) } else { self.start_of(first, 0) };
        Some(Hit { first, last: k, start, end: self.end_of(k), value })
    }

    /// The season, quarter or weekend word at `i`, and its clitic prefix.
    fn period_kind(&self, i: usize) -> Option<(PeriodKind, usize)> {
        let f = self.inf(i)?;
        let t = self.tok(i)?;
        if t.arabic {
            return f.stems.iter().find_map(|(s, p)| {
                let kind = match s.as_str() {
                    "الربع" => PeriodKind::QuarterWord,
                    "نهايه" => PeriodKind::ArabicWeekendStart,
                    other => PeriodKind::Season(w().seasons_ar.get(other)?),
                };
                Some((kind, *p))
            });
        }
        let n = f.stems.first().map_or(t.norm.as_str(), |s| s.0.as_str());
        let w = w();
        let kind = w
            .seasons_en
            .get(n)
            .map(PeriodKind::Season)
            .or_else(|| w.weekend_en.has(n).then_some(PeriodKind::Weekend))
            .or_else(|| w.quarter_ordinals_en.get(n).map(PeriodKind::Ordinal))?;
        Some((kind, 0))
    }

    /// A period relative to publication: "last week", "الشهر المقبل",
    /// "هذا العام", "earlier this month".
    pub(super) fn relative_period(&self, i: usize) -> Option<Hit> {
        let p = self.published?;
        let tok = self.tok(i)?;
        let (first, unit, dir, last, prefix, part) = if tok.arabic {
            let (unit, prefix) = self.inf(i)?.period?;
            if let Some(dir) = self.inf(i + 1).and_then(|f| f.ar_dir) {
                (i, unit, dir, i + 2, prefix, 0)
            } else if i > 0 && w().this_ar.has(self.norm(i - 1)) {
                (i - 1, unit, 0, i + 1, 0, 0)
            } else {
                return None;
            }
        } else if w().trailing_periods_en.has(&tok.norm) {
            // "the past week": the days just before publication.
            let (unit, _) = self.inf(i + 1)?.period?;
            let first = if i > 0 && self.norm(i - 1) == "the" { i - 1 } else { i };
            let end = add_days(p, -1)?;
            let value = match unit {
                Unit::Day => return None,
                Unit::Week => range_value(add_days(p, -7)?, end, Derivation::Relative)?,
                Unit::Month => {
                    // the same day a month back, or that month's last
                    let m = add_months(p, -1)?;
                    range_value(
                        ymd(m.year, m.month, p.day.min(days_in_month(m.year, m.month)))?,
                        end,
                        Derivation::Relative,
                    )?
                }
                // TimeBank reads "the past year" as the year before
                Unit::Year => year_value(p.year - 1, Derivation::Relative)?,
                Unit::Decade => return None,
            };
            return Some(Hit { first, last: i + 2, start: self.start_of(first, 0), end: self.end_of(i + 2), value });
        } else {
            let dir = w().directions_en.get(&tok.norm)?;
            let (unit, _) = self.inf(i + 1)?.period?;
            // "ABC News' \"This Week\"": both words capitalised make a title.
            if tok.capitalized && self.tok(i + 1).is_some_and(|t| t.capitalized) {
                return None;
            }
            // "earlier this month", "later this year": part of the period.
            let before = i.checked_sub(1).map_or("", |j| self.norm(j));
            let part = match before {
                "earlier" if dir == 0 => -1,
                "later" if dir == 0 => 1,
                _ => 0,
            };
            // TimeML leaves "earlier"/"later" outside the span; so do we.
            (i, unit, dir, i + 2, 0, part)
        };
        let d = i64::from(dir);
        let mut value = match unit {
            Unit::Day => return None,
            Unit::Week => {
                let ws = add_days(week_start(p)?, 7 * d)?;
                range_value(ws, add_days(ws, 6)?, Derivation::Relative)?
            }
            Unit::Month => {
                let m = add_months(p, d)?;
                month_value(m.year, m.month, Derivation::Relative)?
            }
            Unit::Year => year_value(p.year + i32::from(dir), Derivation::Relative)?,
            Unit::Decade => return None,
        };
        // "earlier this month" keeps the month's value but narrows its days
        // to those before (or after) publication.
        if part < 0 {
            value.end = add_days(p, -1)?.max(value.start);
        } else if part > 0 {
            value.start = add_days(p, 1)?.min(value.end);
        }
        Some(Hit { first, last, start: self.start_of(first, prefix), end: self.end_of(last), value })
    }

    /// "two days ago", "a week ago", "منذ يومين", "قبل ثلاثة أيام".
    pub(super) fn ago(&self, i: usize) -> Option<Hit> {
        let p = self.published?;
        let (first, count, unit, last, prefix) = self.ago_parts(i)?;
        let n = i64::from(count);
        let value = match unit {
            Unit::Day => day_value(add_days(p, -n)?, Derivation::Relative),
            // "six weeks ago": the week, as TimeML values it ("1999-W47"),
            // not one day of it.
            Unit::Week => {
                let ws = week_start(add_days(p, -7 * n)?)?;
                range_value(ws, add_days(ws, 6)?, Derivation::Relative)?
            }
            Unit::Month => {
                let m = add_months(p, -n)?;
                month_value(m.year, m.month, Derivation::Relative)?
            }
            Unit::Year => year_value(p.year - i32::try_from(count).ok()?, Derivation::Relative)?,
            // "a decade ago": the year ten years back, as TimeML values it.
            Unit::Decade => year_value(p.year - 10 * i32::try_from(count).ok()?, Derivation::Relative)?,
        };
        Some(Hit { first, last, start: self.start_of(first, prefix), end: self.end_of(last), value })
    }

    /// The parts of "two days ago", "منذ يومين" at token `i`: first and
    /// one-past-last token, count, unit, clitic prefix of the first.
    pub(super) fn ago_parts(&self, i: usize) -> Option<(usize, u32, Unit, usize, usize)> {
        let tok = self.tok(i)?;
        let (first, count, unit, last, prefix) = if tok.arabic {
            let prefix = self.inf(i)?.stems.iter().find(|(s, _)| s == "منذ" || s == "قبل").map(|x| x.1)?;
            // The unit word as written, without clitics: "منذ العام 2003" is
            // "since 2003", not "a year ago".
            // "منذ عام 1975" is "since 1975": a number after the unit.
            let since_year = self.num(i + 2).is_some() || self.inf(i + 2).is_some_and(|f| f.hijri_num.is_some());
            // "عقد" is also "held" and "contract" ("قبل عقد الاجتماع", before
            // the meeting was held): a decade only before "من" ("قبل عقد من
            // الزمن") or punctuation.
            let decade_ok = |u: &(Unit, u32)| {
                u.0 != Unit::Decade
                    || u.1 != 1
                    || w().of.has(self.norm(i + 2))
                    || self.tok(i + 2).is_none_or(|t| !t.is_word)
            };
            if let Some((unit, n)) = w().units.get(self.norm(i + 1)).filter(|u| u.1 > 0 && !since_year && decade_ok(u))
            {
                (i, n, unit, i + 2, prefix)
            } else {
                let n = self.num(i + 1).map(|n| n.0).or_else(|| self.inf(i + 1).and_then(|f| f.number_word))?;
                let (unit, implied) = self.inf(i + 2)?.unit?;
                if implied == 2 {
                    return None;
                }
                (i, n, unit, i + 3, prefix)
            }
        } else {
            let n = self.num(i).map(|n| n.0).or_else(|| self.inf(i).and_then(|f| f.number_word))?;
            let (unit, _) = self.inf(i + 1)?.unit?;
            if self.norm(i + 2) != "ago" {
                return None;
            }
            (i, n, unit, i + 3, 0)
        };
        if count == 0 || count > 400 {
            return None;
        }
        Some((first, count, unit, last, prefix))
    }

    /// A weekday, alone or opening a full date ("Thursday, December 8, 2022",
    /// "الخميس، 8 ديسمبر 2022", "on Thursday", "الخميس الماضي").
    pub(super) fn weekday(&self, i: usize) -> Option<Hit> {
        let (wd, prefix) = self.inf(i)?.weekday?;
        let tok = self.tok(i)?;
        let before = i.checked_sub(1);
        let mut first = i;
        let mut start = self.start_of(i, prefix);
        let mut dir: i8 = 2;
        if let Some(j) = before {
            // "يوم الخميس", "ويوم الخميس", "مساء الخميس" (but not "اليوم الخميس",
            // which is "today, Thursday" and read as "today").
            let noun_prefix =
                self.inf(j).and_then(|f| f.stems.iter().find(|(s, _)| w().day_nouns_ar.has(s)).map(|x| x.1));
            let plain = |p: usize| p == 0 || (p == 1 && self.norm(j).starts_with('و'));
            if tok.arabic && noun_prefix.is_some_and(plain) && self.tok(j).is_some_and(|t| t.arabic) {
                first = j;
                start = self.start_of(j, noun_prefix.unwrap_or(0));
            } else if !tok.arabic {
                if let Some(d) = w().directions_en.get(self.norm(j)) {
                    first = j;
                    start = self.start_of(j, 0);
                    dir = if d == 0 { 2 } else { d };
                } else if w().weekday_names_en.has(self.norm(j)) && self.tok(j).is_some_and(|t| t.capitalized) {
                    return None;
                }
            }
        }
        // "each Thursday", "every Monday", "كل خميس", "كل يوم جمعة": a
        // recurring day, not a date.
        if first.checked_sub(1).is_some_and(|j| self.stem_in(j, &w().every_words) || w().every_words.has(self.norm(j)))
        {
            return None;
        }
        // "Tuesday nights", "on Monday and Tuesday nights": a recurring day.
        let recurring = |k: usize| w().recurring_day_parts_en.has(self.norm(k));
        let listed = (w().range_joiners.has(self.norm(i + 1)) || w().or.has(self.norm(i + 1)))
            && self.inf(i + 2).is_some_and(|f| f.weekday.is_some())
            && recurring(i + 3);
        if !tok.arabic && (recurring(i + 1) || listed) {
            return None;
        }
        // "أيام الجمعة", "ليالي الخميس": on Fridays, on Thursday nights.
        if tok.arabic && before.is_some_and(|j| self.stem_in(j, &w().recurring_day_nouns_ar)) {
            return None;
        }
        // A full date after the weekday makes the weekday part of it.
        let mut k = i + 1;
        if self.is_punct(k, &[",", "،", "-"]) {
            k += 1;
        }
        if let Some(h) = self
            .hijri(k)
            .filter(|h| h.value.precision == Precision::Day)
            .or_else(|| self.day_first(k))
            .or_else(|| self.month_first(k).filter(|h| h.value.precision == Precision::Day))
        {
            return Some(Hit { first, start, ..h });
        }
        // "The Sunday Times", "Monday Night Football": part of a name.
        let next_is_name = self.tok(i + 1).is_some_and(|t| t.is_word && t.capitalized)
            && self.inf(i + 1).is_some_and(|f| f.month.is_none());
        if !tok.arabic && dir == 2 && next_is_name {
            return None;
        }
        let mut last = i + 1;
        // "Thursday morning": still that day.
        if !tok.arabic && w().day_parts_en.has(self.norm(i + 1)) {
            last = i + 2;
        }
        if let Some(d) = self.inf(i + 1).and_then(|f| f.ar_dir).filter(|_| tok.arabic) {
            dir = if d == 0 { 2 } else { d };
            last = i + 2;
        }
        // "الاثنين" is also "the two": only a date with a cue around it.
        if tok.arabic && wd == 0 && first == i && last == i + 1 {
            let comma = |j: usize| self.is_punct(j, &[",", "،"]);
            if !(before.is_some_and(comma) || comma(i + 1)) {
                return None;
            }
        }
        // "has been extended until Friday", "بحلول الأحد": a deadline ahead
        // unless a past verb says it has passed ("lasted until Friday"). Not
        // one opening the sentence ("Until Thursday, they had not ..."),
        // which frames a story told in the past.
        let deadline = first
            .checked_sub(1)
            .is_some_and(|j| self.deadline_word(j) && j.checked_sub(1).is_some_and(|k| !self.clause_stop(k)));
        let p = self.published?;
        let pw = i64::from(weekday(p));
        let w = i64::from(wd);
        let back = (pw - w).rem_euclid(7);
        let fwd = (w - pw).rem_euclid(7);
        let ofs = match dir {
            -1 => -(if back == 0 { 7 } else { back }),
            1 => {
                if fwd == 0 {
                    7
                } else {
                    fwd
                }
            }
            _ if self.tense_near(i) == 1 => fwd,
            _ if deadline && self.tense_near(i) == 0 => fwd,
            _ => -back,
        };
        let d = add_days(p, ofs)?;
        Some(Hit { first, last, start, end: self.end_of(last), value: day_value(d, Derivation::Weekday) })
    }
}
