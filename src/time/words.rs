//! Calendar words of Arabic and English, keyed by their normalised form
//! ([`crate::text::normalize`]). Every table is sorted by key (a test checks
//! it) and read by binary search.
//!
//! Source of every table: standard calendar terms of Modern Standard Arabic
//! (the Egyptian/Gulf month series, the Levantine/Iraqi series and the
//! Maghrebi series as printed in newspapers of those regions) and of English.

/// Whether a month word can stand alone as a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Only ever a month ("ديسمبر", "December").
    Free,
    /// Also an ordinary word or name ("آب" father, "May" the verb, "Jan"):
    /// a month only next to a day number, a year or another date cue.
    Context,
}

/// Month names and abbreviations. Source: standard calendar terms.
pub static MONTHS: &[(&str, u8, Cue)] = &[
    ("apr", 4, Cue::Context),
    ("april", 4, Cue::Free),
    ("aug", 8, Cue::Context),
    ("august", 8, Cue::Free),
    ("dec", 12, Cue::Context),
    ("december", 12, Cue::Free),
    ("feb", 2, Cue::Context),
    ("february", 2, Cue::Free),
    ("jan", 1, Cue::Context),
    ("january", 1, Cue::Free),
    ("jul", 7, Cue::Context),
    ("july", 7, Cue::Free),
    ("jun", 6, Cue::Context),
    ("june", 6, Cue::Free),
    ("mar", 3, Cue::Context),
    ("march", 3, Cue::Context),
    ("may", 5, Cue::Context),
    ("nov", 11, Cue::Context),
    ("november", 11, Cue::Free),
    ("oct", 10, Cue::Context),
    ("october", 10, Cue::Free),
    ("sep", 9, Cue::Context),
    ("sept", 9, Cue::Context),
    ("september", 9, Cue::Free),
    ("اب", 8, Cue::Context),
    ("ابريل", 4, Cue::Free),
    ("اذار", 3, Cue::Context),
    ("اغسطس", 8, Cue::Free),
    ("افريل", 4, Cue::Free),
    ("اكتوبر", 10, Cue::Free),
    ("اوت", 8, Cue::Context),
    ("ايار", 5, Cue::Context),
    ("ايلول", 9, Cue::Context),
    ("تموز", 7, Cue::Context),
    ("جانفي", 1, Cue::Free),
    ("جوان", 6, Cue::Context),
    ("جويليه", 7, Cue::Free),
    ("حزيران", 6, Cue::Context),
    ("دجنبر", 12, Cue::Free),
    ("ديسمبر", 12, Cue::Free),
    ("سبتمبر", 9, Cue::Free),
    ("سيبتمبر", 9, Cue::Free),
    ("شباط", 2, Cue::Context),
    ("شتنبر", 9, Cue::Free),
    ("غشت", 8, Cue::Context),
    ("فبراير", 2, Cue::Free),
    ("فيفري", 2, Cue::Free),
    ("مارس", 3, Cue::Free),
    ("ماي", 5, Cue::Context),
    ("مايس", 5, Cue::Context),
    ("مايو", 5, Cue::Free),
    ("نوفمبر", 11, Cue::Free),
    ("نونبر", 11, Cue::Free),
    ("نيسان", 4, Cue::Context),
    ("يناير", 1, Cue::Free),
    ("يوليه", 7, Cue::Free),
    ("يوليو", 7, Cue::Free),
    ("يوليوز", 7, Cue::Free),
    ("يونيه", 6, Cue::Free),
    ("يونيو", 6, Cue::Free),
];

/// The Levantine months written as two words: first word, then the ordinal
/// (without its article) and the month. Source: standard calendar terms.
pub static TWO_WORD_MONTHS: &[(&str, &str, u8)] =
    &[("تشرين", "اول", 10), ("تشرين", "ثاني", 11), ("كانون", "اول", 12), ("كانون", "ثاني", 1)];

/// Months of the Hijri calendar written as one word. "صفر" is also
/// "zero", so Hijri months are only read between a day and a year.
/// Source: standard calendar terms.
pub static HIJRI_MONTHS: &[(&str, u8)] =
    &[("رجب", 7), ("رمضان", 9), ("شعبان", 8), ("شوال", 10), ("صفر", 2), ("محرم", 1)];

/// Hijri months written as two words: first word, ordinal or noun (without
/// its article), month. Source: standard calendar terms.
pub static HIJRI_TWO_WORD_MONTHS: &[(&str, &str, u8)] = &[
    ("جمادي", "اخر", 6),
    ("جمادي", "اخره", 6),
    ("جمادي", "اول", 5),
    ("جمادي", "اولي", 5),
    ("جمادي", "ثانيه", 6),
    ("ذو", "حجه", 12),
    ("ذو", "قعده", 11),
    ("ذي", "حجه", 12),
    ("ذي", "قعده", 11),
    ("ربيع", "اخر", 4),
    ("ربيع", "اول", 3),
    ("ربيع", "ثاني", 4),
];

/// Weekdays, 0 = Monday. Arabic ones carry the article, as in "يوم الخميس".
/// Source: standard calendar terms.
pub static WEEKDAYS: &[(&str, u8)] = &[
    ("fri", 4),
    ("friday", 4),
    ("mon", 0),
    ("monday", 0),
    ("sat", 5),
    ("saturday", 5),
    ("sun", 6),
    ("sunday", 6),
    ("thu", 3),
    ("thursday", 3),
    ("tue", 1),
    ("tuesday", 1),
    ("wed", 2),
    ("wednesday", 2),
    ("الاثنين", 0),
    ("الاحد", 6),
    ("الاربعاء", 2),
    ("الثلاثاء", 1),
    ("الجمعه", 4),
    ("الخميس", 3),
    ("السبت", 5),
];

/// Small cardinal numbers used in "two days ago" / "منذ ثلاثة أيام".
/// Source: standard number words.
pub static NUMBER_WORDS: &[(&str, u32)] = &[
    ("a", 1),
    ("an", 1),
    ("eight", 8),
    ("eleven", 11),
    ("five", 5),
    ("four", 4),
    ("nine", 9),
    ("one", 1),
    ("seven", 7),
    ("six", 6),
    ("ten", 10),
    ("three", 3),
    ("twelve", 12),
    ("two", 2),
    ("اثنان", 2),
    ("اثنين", 2),
    ("اربع", 4),
    ("اربعه", 4),
    ("تسع", 9),
    ("تسعه", 9),
    ("ثلاث", 3),
    ("ثلاثه", 3),
    ("ثمان", 8),
    ("ثماني", 8),
    ("ثمانيه", 8),
    ("خمس", 5),
    ("خمسه", 5),
    ("سبع", 7),
    ("سبعه", 7),
    ("ست", 6),
    ("سته", 6),
    ("عشر", 10),
    ("عشره", 10),
    ("واحد", 1),
];

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// Unit words; the number is the count the word itself carries (Arabic
/// singular 1 and dual 2: "يومين" is "two days"), 0 when a number must
/// come before it. Source: standard calendar terms.
pub static UNITS: &[(&str, (Unit, u32))] = &[
    ("day", (Unit::Day, 0)),
    ("days", (Unit::Day, 0)),
    ("month", (Unit::Month, 0)),
    ("months", (Unit::Month, 0)),
    ("week", (Unit::Week, 0)),
    ("weeks", (Unit::Week, 0)),
    ("year", (Unit::Year, 0)),
    ("years", (Unit::Year, 0)),
    ("اسابيع", (Unit::Week, 0)),
    ("اسبوع", (Unit::Week, 1)),
    ("اسبوعين", (Unit::Week, 2)),
    ("اشهر", (Unit::Month, 0)),
    ("اعوام", (Unit::Year, 0)),
    ("ايام", (Unit::Day, 0)),
    ("سنتين", (Unit::Year, 2)),
    ("سنه", (Unit::Year, 1)),
    ("سنوات", (Unit::Year, 0)),
    ("سنين", (Unit::Year, 0)),
    ("شهر", (Unit::Month, 1)),
    ("شهرين", (Unit::Month, 2)),
    ("شهور", (Unit::Month, 0)),
    ("عام", (Unit::Year, 1)),
    ("عامين", (Unit::Year, 2)),
    ("يوم", (Unit::Day, 1)),
    ("يومان", (Unit::Day, 2)),
    ("يومين", (Unit::Day, 2)),
];

/// Arabic adjectives after a period or weekday: -1 past ("الماضي"),
/// 0 current ("الجاري"), +1 coming ("المقبل"). Source: standard usage in
/// Arabic news.
pub static ARABIC_DIRECTIONS: &[(&str, i8)] = &[
    ("الجاري", 0),
    ("الجاريه", 0),
    ("الحالي", 0),
    ("الحاليه", 0),
    ("السابق", -1),
    ("السابقه", -1),
    ("الفايت", -1),
    ("الفايته", -1),
    ("القادم", 1),
    ("القادمه", 1),
    ("الماضي", -1),
    ("الماضيه", -1),
    ("المقبل", 1),
    ("المقبله", 1),
    ("المنصرم", -1),
    ("المنصرمه", -1),
];

/// English words before a month, weekday or year that make it a date
/// ("in May", "on Thursday", "since 2011"). Source: standard usage.
pub static ENGLISH_CUES: &[&str] = &[
    "after",
    "before",
    "by",
    "during",
    "early",
    "from",
    "in",
    "into",
    "last",
    "late",
    "mid",
    "next",
    "of",
    "on",
    "since",
    "this",
    "through",
    "throughout",
    "till",
    "until",
];

/// Binary search in a table sorted by key.
pub fn lookup<T: Copy>(table: &[(&str, T)], key: &str) -> Option<T> {
    table.binary_search_by(|(k, _)| (*k).cmp(key)).ok().and_then(|i| table.get(i)).map(|(_, v)| *v)
}

/// The month and its cue for a normalised word.
pub fn month(key: &str) -> Option<(u8, Cue)> {
    MONTHS.binary_search_by(|(k, _, _)| (*k).cmp(key)).ok().and_then(|i| MONTHS.get(i)).map(|(_, m, c)| (*m, *c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted<'a>(keys: impl Iterator<Item = &'a str>) -> bool {
        let v: Vec<&str> = keys.collect();
        v.windows(2).all(|w| w[0] < w[1])
    }

    #[test]
    fn tables_are_sorted_and_normalised() {
        assert!(sorted(MONTHS.iter().map(|r| r.0)));
        assert!(sorted(WEEKDAYS.iter().map(|r| r.0)));
        assert!(sorted(NUMBER_WORDS.iter().map(|r| r.0)));
        assert!(sorted(UNITS.iter().map(|r| r.0)));
        assert!(sorted(ARABIC_DIRECTIONS.iter().map(|r| r.0)));
        assert!(sorted(ENGLISH_CUES.iter().copied()));
        assert!(sorted(HIJRI_MONTHS.iter().map(|r| r.0)));
        assert!(HIJRI_TWO_WORD_MONTHS.windows(2).all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)));
        let all = MONTHS
            .iter()
            .map(|r| r.0)
            .chain(WEEKDAYS.iter().map(|r| r.0))
            .chain(NUMBER_WORDS.iter().map(|r| r.0))
            .chain(UNITS.iter().map(|r| r.0))
            .chain(ARABIC_DIRECTIONS.iter().map(|r| r.0))
            .chain(HIJRI_MONTHS.iter().map(|r| r.0))
            .chain(HIJRI_TWO_WORD_MONTHS.iter().flat_map(|r| [r.0, r.1]));
        for k in all {
            assert_eq!(crate::text::normalize(k), k, "table key {k} is not normalised");
        }
        assert!(MONTHS.iter().all(|r| (1..=12).contains(&r.1)));
    }

    #[test]
    fn lookups() {
        assert_eq!(month("ديسمبر"), Some((12, Cue::Free)));
        assert_eq!(month("may"), Some((5, Cue::Context)));
        assert_eq!(lookup(WEEKDAYS, "الخميس"), Some(3));
        assert_eq!(lookup(UNITS, "يومين"), Some((Unit::Day, 2)));
    }
}
