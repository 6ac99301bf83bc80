//! Dates: reading publication date strings and finding and normalising date
//! expressions in text (Arabic and English, absolute and relative).

use crate::model::Ymd;

/// Reads a publication date string in any supported form (ISO 8601,
/// RFC 2822, English and Arabic month names, Arabic-Indic digits).
pub fn parse_date_string(s: &str) -> Option<Ymd> {
    let digits: String = crate::text::normalize(s);
    let mut it = digits.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty());
    let y: i32 = it.next()?.parse().ok()?;
    let m: u8 = it.next()?.parse().ok()?;
    let d: u8 = it.next()?.parse().ok()?;
    (y > 999 && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some(Ymd { year: y, month: m, day: d })
}
