//! Absolute dates: day, month and year written out ("8 ديسمبر 2022",
//! "December 8-10", "08/12/2022", "الثامن من ديسمبر"), a month with its year
//! or resolved against publication ("ديسمبر الماضي", "in May"), and years
//! with a cue ("عام 2022", "in 2022", "حرب 1948").

use super::{
    day_value, is_abbreviation, month_value, month_year, plausible_year, range_value, year_value, Hit, Scanner,
};
use crate::model::Derivation;
use crate::time::calendar::{days_from_civil, ymd};
use crate::time::words::{w, Cue, Unit};

impl Scanner<'_> {
    /// Absolute day/month/year, day-first ("8 ديسمبر 2022", "8-10 December").
    pub(super) fn day_first(&self, i: usize) -> Option<Hit> {
        let (d1, p1, mut j) = match self.num(i) {
            Some((_, _, p)) => (self.day_num(i)?, p, i + 1),
            None => {
                // "الثامن من ديسمبر": an ordinal day needs "من" and a month.
                let (d, next) = self.ordinal_day(i)?;
                if self.norm(next) != "من" {
                    return None;
                }
                (d, 0, next)
            }
        };
        let mut d2 = None;
        // "8-10 ديسمبر", "8 و10 ديسمبر", "8 to 10 December", "من 8 إلى 10 ديسمبر"
        let numeric = self.num(i).is_some();
        if let Some(n) = self
            .day_num(j + 1)
            .filter(|_| numeric && (self.is_punct(j, &["-", "–"]) || w().range_joiners.has(self.norm(j))))
        {
            d2 = Some(n);
            j += 2;
        } else if let Some((n, _, pre)) = self.num(j).filter(|_| numeric) {
            if pre > 0 && self.day_num(j).is_some() {
                d2 = u8::try_from(n).ok();
                j += 1;
            }
        }
        if w().of.has(self.norm(j)) {
            j += 1;
        } else if numeric && self.is_punct(j, &["/", "-", "–"]) && self.month_at(j + 1).is_some() {
            // "7/ نوفمبر / 1962", "7- November - 1962"
            j += 1;
        }
        let (m, _, mp, mut k) = self.month_at(j)?;
        if mp > 0 {
            return None;
        }
        // Year: "2022", ", 2022", "- 2022", "عام 2022", "من عام 2022", "من العام الجاري".
        let mut year = None;
        let mut y_at = k;
        for skip in 0..3 {
            let at = k + skip;
            if let Some(y) = self.year_num(at) {
                year = Some(y);
                y_at = at;
                break;
            }
            let n = self.norm(at);
            let filler = matches!(n, "," | "،" | "-" | "–" | "/") || w().of.has(n) || w().year_nouns_ar.has(n);
            if !filler {
                break;
            }
        }
        let derivation;
        let year = match year {
            Some(y) => {
                k = self.after_era(y_at + 1);
                derivation = Derivation::Explicit;
                y
            }
            None => {
                // "من العام الجاري": the publication year, said in words.
                let cur = w().of.has(self.norm(k))
                    && self.inf(k + 1).is_some_and(|f| matches!(f.period, Some((Unit::Year, _))))
                    && self.inf(k + 2).is_some_and(|f| f.ar_dir == Some(0));
                let p = self.published?;
                derivation = Derivation::Relative;
                if cur {
                    k += 3;
                    p.year
                } else {
                    month_year(m, Some(d2.unwrap_or(d1)), p, self.ahead(i, m, Some(d1)))?
                }
            }
        };
        let value = match d2 {
            Some(d2) => range_value(ymd(year, m, d1)?, ymd(year, m, d2)?, derivation)?,
            None => day_value(ymd(year, m, d1)?, derivation),
        };
        Some(Hit { first: i, last: k, start: self.start_of(i, p1), end: self.end_of(k), value })
    }

    /// An Arabic ordinal day ("الثامن", "الحادي عشر", "الحادي والعشرين"):
    /// the day and the next token.
    pub(super) fn ordinal_day(&self, i: usize) -> Option<(u8, usize)> {
        let base = self.inf(i)?.ordinal?;
        let (add, next) = match self.norm(i + 1) {
            "عشر" if base < 10 => (10, i + 2),
            "والعشرين" if base < 10 => (20, i + 2),
            "والثلاثين" if base < 2 => (30, i + 2),
            _ => (0, i + 1),
        };
        let d = base + add;
        (1..=31).contains(&d).then_some((d, next))
    }

    /// Month first: "December 8, 2022", "Dec. 8", "December 8-10", "ديسمبر 2022".
    pub(super) fn month_first(&self, i: usize) -> Option<Hit> {
        let (m, cue, mp, mut k) = self.month_at(i)?;
        // "each July", "every January", "يوليو من كل عام", "in July of each
        // year": a month that recurs, not a date.
        let every = |j: usize| self.stem_in(j, &w().every_words) || w().every_words.has(self.norm(j));
        if i.checked_sub(1).is_some_and(every)
            || (w().of.has(self.norm(k))
                && every(k + 1)
                && (matches!(self.inf(k + 2).and_then(|f| f.period), Some((Unit::Year, _)))
                    || w().year_nouns_ar.has(self.norm(k + 2))))
        {
            return None;
        }
        if self.is_punct(k, &["."]) && self.glued(k) && self.tok(i).is_some_and(|t| is_abbreviation(&t.norm)) {
            k += 1;
        }
        let start = self.start_of(i, mp);
        // Month and year.
        let mut yk = k;
        if self.is_punct(yk, &[","]) || w().of.has(self.norm(yk)) {
            yk += 1;
        }
        if w().year_nouns_ar.has(self.norm(yk)) {
            yk += 1;
        }
        if let Some((y, after)) = self.year_num(yk).map(|y| (y, yk + 1)).or_else(|| self.spoken_year(yk)) {
            let value = month_value(y, m, Derivation::Explicit)?;
            let last = self.after_era(after);
            return Some(Hit { first: i, last, start, end: self.end_of(last), value });
        }
        // Month and day (English order).
        if let Some(d1) = self.day_num(k) {
            let mut e = k + 1;
            let mut d2 = None;
            // "April 24 and 25": two days, when "between" opens them or
            // nothing but punctuation, a year or a preposition follows
            // ("April 24 and 25 in Geneva", not "May 5 and 6 more people").
            let listed = |n: u8| {
                n > d1
                    && w().day_list_joiners_en.has(self.norm(e))
                    && (i.checked_sub(1).is_some_and(|j| w().range_openers.has(self.norm(j)))
                        || self.tok(e + 2).is_none_or(|t| !t.is_word)
                        || w().cues_en.has(self.norm(e + 2)))
            };
            if let Some(n) = self
                .day_num(e + 1)
                .filter(|&n| self.is_punct(e, &["-", "–"]) || w().day_range_joiners_en.has(self.norm(e)) || listed(n))
            {
                d2 = Some(n);
                e += 2;
            }
            let mut ye = e;
            if self.is_punct(ye, &[","]) {
                ye += 1;
            }
            let (year, derivation) = match self.year_num(ye) {
                Some(y) => {
                    e = ye + 1;
                    (y, Derivation::Explicit)
                }
                None => {
                    let y = month_year(m, Some(d2.unwrap_or(d1)), self.published?, self.ahead(i, m, Some(d1)))?;
                    (y, Derivation::Relative)
                }
            };
            let value = match d2 {
                Some(d2) => range_value(ymd(year, m, d1)?, ymd(year, m, d2)?, derivation)?,
                None => day_value(ymd(year, m, d1)?, derivation),
            };
            return Some(Hit { first: i, last: e, start, end: self.end_of(e), value });
        }
        let p = self.published?;
        // "ديسمبر الماضي", "آب المقبل".
        if let Some(dir) = self.inf(k).and_then(|f| f.ar_dir) {
            let y = match dir {
                -1 if m < p.month => p.year,
                -1 => p.year - 1,
                1 if m > p.month => p.year,
                1 => p.year + 1,
                _ => p.year,
            };
            let value = month_value(y, m, Derivation::Relative)?;
            return Some(Hit { first: i, last: k + 1, start, end: self.end_of(k + 1), value });
        }
        // "June last year", "يونيو من العام الماضي".
        let (yk, ydir) = if let Some(d) = w().directions_en.get(self.norm(k)) {
            (k + 1, Some(d))
        } else {
            let at = if self.norm(k) == "من" { k + 1 } else { k };
            (at + 1, self.inf(at + 1).and_then(|f| f.ar_dir))
        };
        if let Some(d) = ydir {
            if self.inf(yk).is_some_and(|f| matches!(f.period, Some((Unit::Year, _)))) {
                let value = month_value(p.year + i32::from(d), m, Derivation::Relative)?;
                let last = self.after_era(yk + 1);
                return Some(Hit { first: i, last, start, end: self.end_of(last), value });
            }
        }
        // A bare month: only with a cue before it.
        let tok = self.tok(i)?;
        let prev = i.checked_sub(1).map_or("", |j| self.norm(j));
        let cued = if tok.arabic {
            cue == Cue::Free || i.checked_sub(1).is_some_and(|j| self.stem_is(j, "شهر"))
        } else {
            let prev_cue =
                w().cues_en.has(prev) || (prev == "-" && i >= 2 && w().part_of_period_en.has(self.norm(i - 2)));
            let full = !is_abbreviation(&tok.norm);
            let cued = prev_cue && full && (cue == Cue::Free || w().month_cues_en.has(prev));
            cued || (full && self.bare_month_en(i, k, cue))
        };
        if !cued {
            return None;
        }
        let y = match prev {
            "last" if m < p.month => p.year,
            "last" => p.year - 1,
            "next" if m > p.month => p.year,
            "next" => p.year + 1,
            "this" => p.year,
            _ => month_year(m, None, p, self.ahead(i, m, None))?,
        };
        let first = if w().directions_en.get(prev).is_some() { i - 1 } else { i };
        let value = month_value(y, m, Derivation::Relative)?;
        Some(Hit {
            first,
            last: k,
            start: self.start_of(first, if first == i { mp } else { 0 }),
            end: self.end_of(k),
            value,
        })
    }

    /// Whether `month` (and `day`) at token `i`, written without a year,
    /// lies ahead: its clause speaks of the future, or it is a deadline
    /// ("by February", "until Jan. 15", "through January") in a clause with
    /// no past verb ("to pay down the loan by February") and the coming one
    /// is nearer to publication than the last one (not "by Jan. 14" written
    /// on Jan. 15). A past verb alone does not make it past: "said the
    /// dividend is payable Dec. 15" written in late October is ahead.
    fn ahead(&self, i: usize, month: u8, day: Option<u8>) -> bool {
        if self.future_context(i) {
            return true;
        }
        let (Some(p), true) = (self.published, i.checked_sub(1).is_some_and(|j| self.deadline_word(j))) else {
            return false;
        };
        let on = |y: i32| ymd(y, month, day.unwrap_or(1)).map(days_from_civil);
        let today = days_from_civil(p);
        let (Some(this), Some(next), Some(last)) = (on(p.year), on(p.year + 1), on(p.year - 1)) else {
            return false;
        };
        let (past, coming) = if this <= today { (this, next) } else { (last, this) };
        coming - today < today - past && self.tense_near(i) == 0
    }

    /// An English month name with no cue word, capitalised mid-sentence:
    /// "the October slaying", "January's figures", "a June agreement". Not
    /// part of a name ("April Smith", "Theresa May", "the October
    /// Revolution"): no capitalised word right after it, nor before it
    /// unless that opens the sentence. A month that is also a common word
    /// ("March", "May") needs a determiner before it and a lower-case noun
    /// after it ("the March accession", not "the March on Washington").
    fn bare_month_en(&self, i: usize, next: usize, cue: Cue) -> bool {
        if !self.tok(i).is_some_and(|t| !t.arabic && t.capitalized) {
            return false;
        }
        let name_after = self.inf(i).is_some_and(|f| f.cut == 0)
            && self.tok(next).is_some_and(|n| n.is_word && (n.capitalized || n.arabic));
        if name_after {
            return false;
        }
        let prev = i.checked_sub(1).and_then(|j| self.tok(j).map(|p| (j, p)));
        let determiner = prev.is_some_and(|(j, _)| w().determiners_en.has(self.norm(j)));
        if cue != Cue::Free {
            // A noun after it, not a preposition ("the March on Washington").
            let noun = |n: &crate::text::Token| {
                n.is_word && !n.capitalized && !w().cues_en.has(&n.norm) && !w().tense_stops.has(&n.norm)
            };
            return determiner && self.tok(next).is_some_and(noun) && self.num(next).is_none();
        }
        match prev {
            Some((j, p)) if p.is_word && p.capitalized && !determiner => {
                // A capitalised word before is a name's unless it opens the sentence.
                j == 0 || self.clause_stop(j - 1)
            }
            _ => true,
        }
    }

    /// A modern year in English with no cue word: "his unsuccessful 1996
    /// campaign", "bonds due 1993", "predicting 1990 earnings", "the
    /// company's 1989 results". Not an amount ("$1990", "1990 shares", "1,990"),
    /// nor a part of a number, a code or an Arabic sentence.
    fn bare_year_en(&self, i: usize) -> bool {
        let Some(y) = self.year_num(i) else { return false };
        if self.glued(i + 1) && self.glued(i + 2) && self.is_punct(i + 1, &[".", ","]) {
            return false;
        }
        let t = |j: usize| self.tok(j);
        let word_en = |j: usize| t(j).is_some_and(|x| x.is_word && !x.arabic && self.num(j).is_none());
        let prev_ok = i.checked_sub(1).is_none_or(|j| word_en(j) || self.is_punct(j, &[",", "(", "\"", "``"]));
        let next_ok = t(i + 1).is_none_or(|x| {
            (!x.is_word && !self.glued(i + 1) || matches!(x.norm.as_str(), "." | "," | ";" | ")" | ":"))
                || (word_en(i + 1) && !w().units_after_year_en.has(&x.norm))
        });
        (1900..=2099).contains(&y) && self.num(i).is_some_and(|n| n.2 == 0) && prev_ok && next_ok
    }

    /// "2022-12-08", "2022/12/08", "08/12/2022", "08.12.2022".
    pub(super) fn numeric(&self, i: usize, lang: &str) -> Option<Hit> {
        let a = self.num(i).filter(|n| n.2 == 0)?;
        let sep = self.tok(i + 1).filter(|t| !t.is_word && matches!(t.norm.as_str(), "-" | "/" | "."))?;
        let same = self.tok(i + 3).is_some_and(|t| t.norm == sep.norm);
        // Slashes may be spaced ("25 / 10 / 2015" in Saudi news); other
        // separators only count glued, as "3 - 4" is a score or a range.
        let glued = self.glued(i + 1) && self.glued(i + 2) && self.glued(i + 3) && self.glued(i + 4);
        if !(same && (glued || sep.norm == "/")) || self.hijri_mark(i + 5) {
            return None;
        }
        let b = self.num(i + 2)?;
        // "2022-12-08T10:00": the day shares its token with the time.
        let mut end = self.end_of(i + 5);
        let c = match self.num(i + 4) {
            Some(c) => c,
            None => {
                let t = self.tok(i + 4)?;
                let day = t.norm.get(..2).filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
                if a.1 != 4 || t.norm.get(2..3) != Some("t") {
                    return None;
                }
                end = t.start + 2;
                (day.parse().ok()?, 2, 0)
            }
        };
        let small = |n: (u32, usize, usize)| u8::try_from(n.0).ok().filter(|_| n.1 <= 2);
        // Years 1300-1500 in a numeric date are Hijri (1300 AH is 1882 AD):
        // Saudi news writes "4/11/1436" without the mark, and no news
        // writes medieval Gregorian dates that way.
        let hijri = |y: i32| (1300..=1500).contains(&y);
        let d = if a.1 == 4 {
            let y = plausible_year(a.0, a.1)?;
            if hijri(y) {
                crate::time::calendar::from_hijri(y, small(b)?, small(c)?)?
            } else {
                ymd(y, small(b)?, small(c)?)?
            }
        } else {
            let y = plausible_year(c.0, c.1)?;
            let (x, z) = (small(a)?, small(b)?);
            if hijri(y) {
                let d = crate::time::calendar::from_hijri(y, z, x)?;
                return Some(Hit {
                    first: i,
                    last: i + 5,
                    start: self.start_of(i, 0),
                    end,
                    value: day_value(d, Derivation::Explicit),
                });
            }
            // Day first unless that is impossible, or English text with an
            // ambiguous pair (the US order is the common one there).
            if z > 12 || (lang == "en" && x <= 12 && sep.norm == "/") {
                ymd(y, x, z)?
            } else {
                ymd(y, z, x)?
            }
        };
        Some(Hit { first: i, last: i + 5, start: self.start_of(i, 0), end, value: day_value(d, Derivation::Explicit) })
    }

    /// Past the Gregorian era mark after a year ("2015 م", "1907 ميلادي"),
    /// when there is one at `k`.
    pub(super) fn after_era(&self, k: usize) -> usize {
        if w().era_marks.has(self.norm(k)) && self.tok(k).is_some_and(|t| t.arabic) {
            k + 1
        } else {
            k
        }
    }

    /// "عام 2022", "in 2022", "منذ 2011", "عام (1948)".
    pub(super) fn year(&self, i: usize) -> Option<Hit> {
        let y = self.year_num(i)?;
        // "عام (1948)": the parentheses belong to the date.
        let paren = self.is_punct(i.wrapping_sub(1), &["("]) && self.is_punct(i + 1, &[")"]);
        if paren && self.hijri_mark(i + 2) {
            // "عام (1325) هجري"
            let (a, b) = crate::time::calendar::hijri_year_span(y)?;
            let noun = i.checked_sub(2).filter(|&j| self.stem_in(j, &w().year_nouns_ar));
            let first = noun.unwrap_or(i);
            let value = range_value(a, b, Derivation::Explicit)?;
            return Some(Hit { first, last: i + 3, start: self.start_of(first, 0), end: self.end_of(i + 3), value });
        }
        let prev = if paren { i.checked_sub(2) } else { i.checked_sub(1) };
        let noun = prev.filter(|&j| self.stem_in(j, &w().year_nouns_ar));
        // "mid-1996", "early-2000", "post-1959": the part word is the cue.
        let part = prev.is_some_and(|j| {
            self.is_punct(j, &["-"])
                && self.glued(i)
                && j.checked_sub(1)
                    .is_some_and(|k| w().part_of_period_en.has(self.norm(k)) || w().year_prefixes_en.has(self.norm(k)))
        });
        let cued = noun.is_some()
            || part
            || prev.is_some_and(|j| {
                w().cues_en.has(self.norm(j)) || self.stem_in(j, &w().year_cues_ar) || self.norm(j) == "year"
            });
        // The second year of "from 2011 to 2014", "بين عامي 2014 و2017",
        // "in 1994, 1995 and 1997".
        let second = |j: usize| j.checked_sub(1).is_some_and(|k| self.year_num(k).is_some());
        let joined = prev.is_some_and(|j| {
            (w().range_joiners.has(self.norm(j))
                || matches!(self.norm(j), "-" | "–" | "," | "،")
                || w().or.has(self.norm(j)))
                && second(j)
        }) || (self.num(i).is_some_and(|n| n.2 > 0) && second(i));
        // "the 2022 election", "its 1990 invasion", "a 1971 convention".
        let determiner = prev.is_some_and(|j| w().determiners_en.has(self.norm(j)))
            && self.tok(i + 1).is_some_and(|t| t.is_word && self.num(i + 1).is_none());
        // "حرب 1948", "الانتفاضة الأولى 1987", "انتخابات 2022": an event named
        // by its year. Only modern years: counts follow nouns too.
        let modern = (1900..=2099).contains(&y);
        let event = modern
            && prev.is_some_and(|j| {
                self.stem_in(j, &w().event_nouns_ar)
                    || (w().event_ordinals_ar.has(self.norm(j))
                        && j.checked_sub(1).is_some_and(|k| self.stem_in(k, &w().event_nouns_ar)))
            });
        // "(1948)" on its own is a year (resolution numbers are outside 1900-2099).
        let bracketed = paren && modern && !prev.is_some_and(|j| w().not_year_before_ar.has(self.norm(j)));
        // A fiscal year: "fiscal 1989", "fiscal year 1989", "السنة المالية 2022".
        let fiscal = prev.filter(|&j| !paren && w().fiscal.has(self.norm(j))).map(|j| {
            let noun_before = j.checked_sub(1).filter(|&k| self.stem_in(k, &w().year_nouns_ar));
            noun_before.unwrap_or(j)
        });
        let fiscal = fiscal.or_else(|| {
            prev.filter(|&j| self.norm(j) == "year")
                .and_then(|j| j.checked_sub(1))
                .filter(|&k| w().fiscal.has(self.norm(k)))
        });
        // "between 1994 and 1997", "dating to 1994.", "for 1988, BellSouth
        // earned": a looser cue, with no word but a joiner after the year
        // ("rose to 1500 points" is a count).
        let decimal = self.glued(i + 1) && self.glued(i + 2) && self.is_punct(i + 1, &[".", ","]);
        let free_after = !decimal && self.tok(i + 1).is_none_or(|t| !t.is_word)
            || w().range_joiners.has(self.norm(i + 1))
            || self.num(i + 1).is_some_and(|n| n.2 > 0)
            || w().or.has(self.norm(i + 1));
        let loose = free_after
            && prev.is_some_and(|j| w().range_openers.has(self.norm(j)) || w().year_cues_loose_en.has(self.norm(j)));
        if !(cued || joined || loose || determiner || event || bracketed || fiscal.is_some() || self.bare_year_en(i)) {
            return None;
        }
        // "increased by 1104 infections": before a lower-case noun, a number
        // outside modern years is a count.
        let noun_after = self.tok(i + 1).is_some_and(|t| {
            t.is_word
                && !t.arabic
                && !t.capitalized
                && !w().determiners_en.has(&t.norm)
                && !w().cues_en.has(&t.norm)
                && !w().tense_stops.has(&t.norm)
                && !w().range_joiners.has(&t.norm)
        });
        if !modern && noun_after && !paren {
            return None;
        }
        let (first, prefix) = match (noun, fiscal) {
            (_, Some(j)) => {
                let p = self.inf(j).and_then(|f| f.stems.iter().find(|(s, _)| w().year_nouns_ar.has(s)).map(|x| x.1));
                (j, p.unwrap_or(0))
            }
            (Some(j), None) => {
                let p = self.inf(j).and_then(|f| f.stems.iter().find(|(s, _)| w().year_nouns_ar.has(s)).map(|x| x.1));
                (j, p.unwrap_or(0))
            }
            // "و2020": the joining "و" glued to the year is not part of it.
            (None, None) => (i, self.num(i).map_or(0, |n| n.2)),
        };
        let value = year_value(y, Derivation::Explicit)?;
        let last = self.after_era(if paren && noun.is_some() { i + 2 } else { i + 1 });
        Some(Hit { first, last, start: self.start_of(first, prefix), end: self.end_of(last), value })
    }
}
