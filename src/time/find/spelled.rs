//! Years, decades and centuries written in words: "nineteen ninety-six",
//! "the year two thousand", "the nineties", "التسعينيات", "the '80s",
//! "the 20th century", "القرن العشرين".

use super::original_prefix;
use super::{range_value, year_value, Hit, Scanner};
use crate::model::{DateValue, Derivation};
use crate::text::{readings, Token};
use crate::time::calendar::ymd;
use crate::time::words::{w, List};
use std::sync::OnceLock;

/// The last four letters of each Arabic decade word ("نيات", "ينات"): an
/// Arabic token ending otherwise is no decade word, with no lookup.
fn decade_endings() -> &'static Vec<String> {
    static E: OnceLock<Vec<String>> = OnceLock::new();
    E.get_or_init(|| {
        let mut v: Vec<String> = w()
            .decade_words
            .keys()
            .filter(|k| !k.is_ascii())
            .filter_map(|k| {
                let n = k.chars().count();
                (n >= 4).then(|| k.chars().skip(n - 4).collect())
            })
            .collect();
        crate::sort::sort(&mut v);
        v.dedup();
        v
    })
}

/// The clitic prefix (code points of the original) of the reading of Arabic
/// token `t` whose stem is in `list`. For small lists of words whose
/// endings are too common for the scanner's ending filter; the caller
/// rules most tokens out first.
fn arabic_stem_in(t: &Token, list: &List) -> Option<usize> {
    readings(&t.norm).iter().find(|r| list.has(r.stem)).map(|r| original_prefix(&t.text, r.prefix_len))
}

impl Scanner<'_> {
    /// Whether Arabic token `i` is, without its clitics, a word of `list`.
    fn arabic_is(&self, i: usize, list: &List) -> Option<usize> {
        let t = self.tok(i).filter(|t| t.arabic)?;
        if !list.ends(&t.norm) {
            return None;
        }
        arabic_stem_in(t, list)
    }

    fn spoken(&self, i: usize) -> Option<u32> {
        // Number words are known words: a token without stems is none.
        let f = self.inf(i).filter(|f| !f.stems.is_empty())?;
        self.tok(i).filter(|t| !t.arabic).and_then(|_| f.stems.first()).and_then(|s| w().spoken_numbers_en.get(&s.0))
    }

    /// A year said in words at `i` ("nineteen ninety-six", "nineteen
    /// hundred", "two thousand and one" after "year" or a cue): the year
    /// and the token after it.
    pub(super) fn spoken_year(&self, i: usize) -> Option<(i32, usize)> {
        let h = self.spoken(i)?;
        if h == 2 && self.spoken(i + 1) == Some(1000) {
            // "two thousand" is a count unless "year" or a cue stands before it.
            let prev = i.checked_sub(1).map_or("", |j| self.norm(j));
            if !(prev == "year" || w().cues_en.has(prev)) {
                return None;
            }
            let mut k = i + 2;
            if self.norm(k) == "and" && self.spoken(k + 1).is_some_and(|n| n < 20) {
                k += 1;
            }
            return match self.spoken(k).filter(|&n| n < 20) {
                Some(n) => Some((2000 + i32::try_from(n).ok()?, k + 1)),
                None => Some((2000, i + 2)),
            };
        }
        if !(18..=20).contains(&h) {
            return None;
        }
        let t = self.spoken(i + 1)?;
        let (rest, next) = match t {
            100 if h < 20 => (0, i + 2),
            10..=19 => (t, i + 2),
            20..=90 if t % 10 == 0 => {
                if self.is_punct(i + 2, &["-"]) && self.glued(i + 2) && self.glued(i + 3) {
                    let u = self.spoken(i + 3).filter(|u| (1..=9).contains(u))?;
                    (t + u, i + 4)
                } else {
                    (t, i + 2)
                }
            }
            _ => return None,
        };
        Some((i32::try_from(h * 100 + rest).ok()?, next))
    }

    /// "nineteen ninety-six", "in the year two thousand".
    pub(super) fn spoken_year_hit(&self, i: usize) -> Option<Hit> {
        let (y, last) = self.spoken_year(i)?;
        let value = year_value(y, Derivation::Explicit)?;
        // "the year two thousand": the noun is part of the date.
        let first = match i.checked_sub(1).filter(|&j| self.norm(j) == "year") {
            Some(j) if j > 0 && self.norm(j - 1) == "the" => j - 1,
            Some(j) => j,
            None => i,
        };
        Some(Hit { first, last, start: self.start_of(first, 0), end: self.end_of(last), value })
    }

    /// "the 1990s", "the nineties", "the '80s", "التسعينيات", "تسعينيات
    /// القرن الماضي": the ten years. Decade words are ages too ("in her
    /// nineties", "في الثمانينات من عمره"): only after "the" in English,
    /// and in Arabic with the article or "القرن" after them, not before an
    /// age noun.
    pub(super) fn decade(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        let mut first = i;
        let mut start = self.start_of(i, 0);
        let mut last = i + 1;
        let y = if t.norm.starts_with(|c: char| c.is_ascii_digit()) {
            match self.inf(i)?.decade {
                Some(y) => y,
                None => {
                    // "the '80s"
                    let tens: i32 = t.norm.strip_suffix('s').filter(|d| d.len() == 2)?.parse().ok()?;
                    let j = i.checked_sub(1).filter(|&j| self.is_punct(j, &["'", "\u{2019}"]) && self.glued(i))?;
                    start = self.start_of(j, 0);
                    first = j;
                    (tens % 10 == 0).then_some(1900 + tens)?
                }
            }
        } else {
            let (y, prefix, article) = if t.arabic {
                if !decade_endings().iter().any(|e| t.norm.ends_with(e.as_str())) {
                    return None;
                }
                readings(&t.norm).iter().find_map(|r| {
                    let y = w().decade_words.get(r.stem)?;
                    Some((y, original_prefix(&t.text, r.prefix_len), r.stem.starts_with("ال")))
                })?
            } else {
                self.inf(i)?.stems.iter().find_map(|(s, p)| w().decade_words.get(s).map(|y| (y, *p, true)))?
            };
            if t.arabic {
                let century = self.arabic_is(i + 1, &w().century_nouns).is_some();
                let age = self.norm(i + 1) == "من" && self.arabic_is(i + 2, &w().age_nouns_ar).is_some();
                if age || !(article || century) {
                    return None;
                }
                start = self.start_of(i, prefix);
                if century {
                    // "تسعينيات القرن الماضي", "تسعينيات القرن العشرين"
                    last = i + 2;
                    if self.inf(i + 2).is_some_and(|f| f.ar_dir == Some(-1))
                        || w().century_ordinals.get(self.norm(i + 2)).is_some()
                    {
                        last = i + 3;
                    }
                }
            } else {
                let j = i.checked_sub(1).filter(|&j| self.norm(j) == "the")?;
                first = j;
                start = self.start_of(j, 0);
            }
            i32::try_from(y).ok()?
        };
        let value = range_value(ymd(y, 1, 1)?, ymd(y + 9, 12, 31)?, Derivation::Explicit)?;
        Some(Hit { first, last, start, end: self.end_of(last), value })
    }

    /// "the 20th century", "11th century", "القرن العشرين", "القرن التاسع
    /// عشر", "القرن الحادي والعشرين": its hundred years (1900-1999 for the
    /// 20th, as TimeML writes "19").
    pub(super) fn century(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        let (c, first, start, last) = if t.arabic {
            let prefix = self.arabic_is(i, &w().century_nouns)?;
            // One word ("العشرين") or two ("التاسع عشر", "الحادي والعشرين").
            let two = self.tok(i + 2).filter(|x| x.arabic).and_then(|x| {
                let key = format!("{} {}", self.norm(i + 1), x.norm);
                w().century_ordinals.get(&key)
            });
            match two {
                Some(c) => (c, i, self.start_of(i, prefix), i + 3),
                None => (w().century_ordinals.get(self.norm(i + 1))?, i, self.start_of(i, prefix), i + 2),
            }
        } else {
            // "20th century": an ordinal number, then the noun.
            let (n, _, _) = self.num(i).filter(|n| n.1 <= 2 && !self.norm(i).bytes().all(|b| b.is_ascii_digit()))?;
            if !w().century_nouns.has(self.norm(i + 1)) {
                return None;
            }
            let first = i.checked_sub(1).filter(|&j| self.norm(j) == "the").unwrap_or(i);
            (n, first, self.start_of(first, 0), i + 2)
        };
        let value = century_value(c)?;
        Some(Hit { first, last, start, end: self.end_of(last), value })
    }
}

/// The `c`th century as its hundred years (the 20th is 1900-1999).
fn century_value(c: u32) -> Option<DateValue> {
    let y = i32::try_from(c.checked_sub(1)? * 100).ok()?;
    (1..=21).contains(&c).then_some(())?;
    range_value(ymd(y.max(1), 1, 1)?, ymd(y + 99, 12, 31)?, Derivation::Explicit)
}
