//! Proleptic Gregorian date arithmetic on [`Ymd`], done with day numbers so
//! that adding days, weeks and months never needs a calendar table.

use crate::model::Ymd;

/// True for leap years of the Gregorian calendar.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in a month (0 for a month outside 1..=12).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A checked constructor: `None` unless the day exists. Years are limited to
/// 1..=9999 so that ISO strings stay four digits and arithmetic cannot overflow.
pub fn ymd(year: i32, month: u8, day: u8) -> Option<Ymd> {
    ((1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month)).then_some(Ymd { year, month, day })
}

/// Days since 1970-01-01 (negative before). The era-based formula avoids
/// any loop, so it is exact and constant time for every year.
pub fn days_from_civil(d: Ymd) -> i64 {
    let m = i64::from(d.month);
    let y = i64::from(d.year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`]; `None` outside years 1..=9999.
pub fn civil_from_days(z: i64) -> Option<Ymd> {
    // Beyond ±100 million days the year is out of range anyway; refusing
    // early keeps every multiplication below far from overflow.
    if !(-100_000_000..=100_000_000).contains(&z) {
        return None;
    }
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    ymd(i32::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

/// The Umm al-Qura calendar, the official calendar of Saudi Arabia and the
/// one Saudi and Gulf news write Hijri dates in (`data/curated/umm_al_qura.tsv`).
const UMM_AL_QURA_TSV: &str = crate::tsv::table!("../../data/curated/umm_al_qura.tsv", 3);

/// The Umm al-Qura years: the first Hijri year, then for each year its
/// first day (days since 1970-01-01) and month lengths (bit m set: month
/// m + 1 has 30 days).
fn umm_al_qura() -> &'static (i32, Vec<(i64, u16)>) {
    static T: std::sync::OnceLock<(i32, Vec<(i64, u16)>)> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut first_year = 0;
        let mut years = Vec::new();
        for r in crate::tsv::rows(UMM_AL_QURA_TSV).filter(|r| r.len() >= 4) {
            let (Ok(y), Some(d)) = (r[0].parse::<i32>(), parse_iso_day(r[1])) else { continue };
            if years.is_empty() {
                first_year = y;
            } else if y != first_year + i32::try_from(years.len()).unwrap_or(0) {
                break;
            }
            let bits = r[2].bytes().enumerate().fold(0u16, |acc, (m, b)| acc | (u16::from(b == b'1') << m));
            years.push((days_from_civil(d), bits));
        }
        (first_year, years)
    })
}

/// Days since 1970-01-01 of a day of the Hijri calendar. Years the Umm
/// al-Qura table covers (1343-1500, 1924-2077) are read from it; others by
/// the tabular (arithmetical) Islamic calendar, which can differ from it by
/// a day or two. `None` for an impossible day (day 30 of a 29-day month in
/// the table, or a month outside 1..=12).
pub fn days_from_hijri(year: i32, month: u8, day: u8) -> Option<i64> {
    if !(1..=1600).contains(&year) || !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    let (first, years) = umm_al_qura();
    if let Some(&(start, bits)) = usize::try_from(year - first).ok().and_then(|i| years.get(i)) {
        let len = |m: u8| if bits >> (m - 1) & 1 == 1 { 30 } else { 29 };
        if day > len(month) {
            return None;
        }
        let before: i64 = (1..month).map(|m| i64::from(len(m))).sum();
        return Some(start + before + i64::from(day) - 1);
    }
    days_from_hijri_tabular(year, month, day)
}

/// Days since 1970-01-01 of a Hijri day by the tabular Islamic calendar
/// with the civil epoch (16 July 622, Julian) and leap years 2, 5, 7, 10,
/// 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle.
fn days_from_hijri_tabular(year: i32, month: u8, day: u8) -> Option<i64> {
    if !(1..=1600).contains(&year) || !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    let (y, m, d) = (i64::from(year), i64::from(month), i64::from(day));
    // 1948439.5 (Julian day of the epoch) − 2440587.5 (of 1970-01-01) = −492148.
    Some(d + (59 * (m - 1) + 1) / 2 + (y - 1) * 354 + (3 + 11 * y) / 30 - 1 - 492_148)
}

/// The Gregorian day of a Hijri date (see [`days_from_hijri`]).
pub fn from_hijri(year: i32, month: u8, day: u8) -> Option<Ymd> {
    civil_from_days(days_from_hijri(year, month, day)?)
}

/// First and last Gregorian day of a Hijri year.
pub fn hijri_year_span(year: i32) -> Option<(Ymd, Ymd)> {
    let first = days_from_hijri(year, 1, 1)?;
    let next = days_from_hijri(year + 1, 1, 1).unwrap_or(first + 354);
    Some((civil_from_days(first)?, civil_from_days(next - 1)?))
}

/// Day of the week, 0 = Monday … 6 = Sunday (ISO 8601 order).
pub fn weekday(d: Ymd) -> u8 {
    // 1970-01-01 was a Thursday (index 3).
    u8::try_from((days_from_civil(d) + 3).rem_euclid(7)).unwrap_or(0)
}

/// `d` moved by `n` days.
pub fn add_days(d: Ymd, n: i64) -> Option<Ymd> {
    civil_from_days(days_from_civil(d).checked_add(n)?)
}

/// The first day of the month `n` months after (or before) `d`'s month.
pub fn add_months(d: Ymd, n: i64) -> Option<Ymd> {
    let idx = i64::from(d.year) * 12 + i64::from(d.month) - 1 + n;
    ymd(i32::try_from(idx.div_euclid(12)).ok()?, u8::try_from(idx.rem_euclid(12) + 1).ok()?, 1)
}

/// The last day of `d`'s month.
pub fn month_end(d: Ymd) -> Ymd {
    Ymd { day: days_in_month(d.year, d.month).max(1), ..d }
}

/// Monday of the ISO week that holds `d`.
pub fn week_start(d: Ymd) -> Option<Ymd> {
    add_days(d, -i64::from(weekday(d)))
}

/// "2022-12-08".
pub fn iso_day(d: Ymd) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// Reads the day of an ISO string, "YYYY-MM-DD" with anything after the day
/// ("2022-12-08T10:00Z" gives 8 December). `None` unless that day exists.
pub fn parse_iso_day(s: &str) -> Option<Ymd> {
    let mut it = s.trim().splitn(3, '-');
    let year = it.next()?.parse().ok()?;
    let month = it.next()?.parse().ok()?;
    let day = it.next()?.get(..2)?.parse().ok()?;
    ymd(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umm_al_qura_table_reads_as_its_file() {
        crate::tsv::check_reads_as_file(include_str!("../../data/curated/umm_al_qura.tsv"), UMM_AL_QURA_TSV, 3);
    }

    #[test]
    fn round_trips_and_weekdays() {
        let d = Ymd { year: 2022, month: 12, day: 8 };
        assert_eq!(weekday(d), 3, "8 December 2022 was a Thursday");
        assert_eq!(days_from_civil(Ymd { year: 1970, month: 1, day: 1 }), 0);
        for z in [-700_000i64, -1, 0, 59, 60, 11_016, 19_334, 2_000_000] {
            let back = civil_from_days(z).map(days_from_civil);
            assert_eq!(back, Some(z));
        }
        assert_eq!(add_days(d, 24), Some(Ymd { year: 2023, month: 1, day: 1 }));
        assert_eq!(add_months(d, -12), Some(Ymd { year: 2021, month: 12, day: 1 }));
        assert_eq!(ymd(2023, 2, 29), None);
        assert_eq!(ymd(2024, 2, 29), Some(Ymd { year: 2024, month: 2, day: 29 }));
        assert_eq!(civil_from_days(i64::MAX / 2), None);
        // 1 Dhu al-Qa'da 1436 was Sunday 16 August 2015; 1 Ramadan 1444 was 23 March 2023.
        assert_eq!(from_hijri(1436, 11, 1), Some(Ymd { year: 2015, month: 8, day: 16 }));
        assert_eq!(from_hijri(1444, 9, 1), Some(Ymd { year: 2023, month: 3, day: 23 }));
        assert_eq!(from_hijri(1, 1, 1), Some(Ymd { year: 622, month: 7, day: 19 }));
        assert_eq!(from_hijri(1436, 13, 1), None);
        // The Umm al-Qura calendar (cross-checked with the PyPI package
        // hijridate): 25 Shawwal 1436 was 10 August 2015 (the tabular
        // calendar says the 11th); 1 Shawwal 1444 was 21 April 2023.
        assert_eq!(from_hijri(1436, 10, 25), Some(Ymd { year: 2015, month: 8, day: 10 }));
        assert_eq!(
            days_from_hijri_tabular(1436, 10, 25).and_then(civil_from_days),
            Some(Ymd { year: 2015, month: 8, day: 11 })
        );
        assert_eq!(from_hijri(1444, 10, 1), Some(Ymd { year: 2023, month: 4, day: 21 }));
        assert_eq!(from_hijri(1343, 1, 1), Some(Ymd { year: 1924, month: 8, day: 1 }));
        assert_eq!(from_hijri(1500, 12, 29), Some(Ymd { year: 2077, month: 11, day: 15 }));
        assert_eq!(umm_al_qura().1.len(), 158);
        assert_eq!(parse_iso_day("2022-12-08"), Some(d));
        assert_eq!(parse_iso_day(" 2022-12-08T10:00:00Z"), Some(d));
        assert_eq!(parse_iso_day("2023-02-29"), None);
        assert_eq!(parse_iso_day("2022-13-01"), None);
        assert_eq!(parse_iso_day("2022-12"), None);
    }
}
