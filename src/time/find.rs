//! Finding date expressions in running text and normalising them against the
//! publication date.
//!
//! The scanner walks the token list once. Each word token is classified up
//! front (number, month, weekday, relative word, ...) using every clitic
//! reading of Arabic words, so "وأمس", "بالأمس" and "والخميس" are found.
//! Ambiguous words ("آب" father, "May" the verb, weekday-like words) only
//! count as dates when something date-like stands next to them.

use super::calendar::{add_days, add_months, days_from_civil, iso_day, month_end, week_start, weekday, ymd};
use super::words::{self, Cue, Unit};
use super::FoundDate;
use crate::model::{DateValue, Derivation, Precision, Ymd};
use crate::text::{readings, Token};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Single-word days relative to publication, in days. Source: standard
/// calendar terms.
static RELATIVE_DAYS: &[(&str, i64)] = &[
    ("today", 0),
    ("tomorrow", 1),
    ("tonight", 0),
    ("yesterday", -1),
    ("الامس", -1),
    ("البارحه", -1),
    ("الليله", 0),
    ("اليوم", 0),
    ("امس", -1),
    ("غدا", 1),
];

/// Nouns for calendar periods, as they appear in "the past week",
/// "الشهر المقبل". Source: standard calendar terms.
static PERIODS: &[(&str, Unit)] = &[
    ("month", Unit::Month),
    ("week", Unit::Week),
    ("year", Unit::Year),
    ("الاسبوع", Unit::Week),
    ("السنه", Unit::Year),
    ("الشهر", Unit::Month),
    ("العام", Unit::Year),
];

/// English words before a period, weekday or month: -1 past, 0 current,
/// +1 coming. Source: standard usage.
static ENGLISH_DIRECTIONS: &[(&str, i8)] = &[("coming", 1), ("last", -1), ("next", 1), ("this", 0)];

/// Arabic ordinal days, as in "الثامن من ديسمبر"; "عشر", "والعشرين" and
/// "والثلاثين" after one add 10, 20 or 30. Source: standard Arabic ordinals.
static ORDINAL_DAYS: &[(&str, u8)] = &[
    ("الاول", 1),
    ("التاسع", 9),
    ("الثالث", 3),
    ("الثامن", 8),
    ("الثاني", 2),
    ("الثلاثين", 30),
    ("الحادي", 1),
    ("الخامس", 5),
    ("الرابع", 4),
    ("السابع", 7),
    ("السادس", 6),
    ("العاشر", 10),
    ("العشرين", 20),
];

/// Arabic words for a part of a period, taken into its span like "early"
/// and "late". Source: standard usage in Arabic news.
static ARABIC_PART_OF_PERIOD: &[&str] = &["اواخر", "اواسط", "اوايل", "بدايه", "مطلع", "منتصف", "نهايه"];

/// Arabic nouns of events often named by their year ("حرب 1967",
/// "انتخابات 2022"). Source: common usage in Arabic news.
static EVENT_NOUNS: &[&str] = &[
    "احداث",
    "انتخابات",
    "انتفاضه",
    "اولمبياد",
    "ثوره",
    "حرب",
    "دستور",
    "كاس",
    "موازنه",
    "مونديال",
    "ميزانيه",
    "نكبه",
    "نكسه",
];

/// Arabic seasons, by their first month (meteorological seasons of the
/// northern hemisphere). Source: standard calendar terms.
static ARABIC_SEASONS: &[(&str, u8)] = &[("الخريف", 9), ("الربيع", 3), ("الشتاء", 12), ("الصيف", 6)];

/// Holidays on a fixed day of the Hijri ('h') or Gregorian ('g') calendar,
/// as normalised words (the first may carry clitics). Source: standard
/// calendar terms.
static HOLIDAYS: &[(&[&str], char, u8, u8)] = &[
    (&["christmas", "eve"], 'g', 12, 24),
    (&["christmas"], 'g', 12, 25),
    (&["new", "year's", "day"], 'g', 1, 1),
    (&["المولد", "النبوي"], 'h', 3, 12),
    (&["راس", "السنه", "الهجريه"], 'h', 1, 1),
    (&["راس", "السنه", "الميلاديه"], 'g', 1, 1),
    (&["عيد", "الاضحي"], 'h', 12, 10),
    (&["عيد", "الفطر"], 'h', 10, 1),
    (&["عيد", "الميلاد"], 'g', 12, 25),
    (&["يوم", "عرفه"], 'h', 12, 9),
];

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

/// English determiners before a year used as a modifier ("the 1996
/// bombing"). Source: standard English grammar.
static DETERMINERS: &[&str] = &["a", "an", "her", "his", "its", "our", "that", "the", "their", "this", "whose"];

/// Words that open a span of time ("between ... and ...", "من ... إلى ...").
/// Source: standard usage.
static RANGE_OPENERS: &[&str] = &["between", "from", "بين", "من"];

/// Words joining the two ends of a range. Source: standard usage.
static RANGE_JOINERS: &[&str] = &["and", "through", "till", "to", "until", "الي", "حتي", "لغايه", "و"];

/// Arabic words before a bare year that make it a date ("عام 2022",
/// "منذ 2011"); the first group is kept inside the span. Source: standard usage.
static ARABIC_YEAR_NOUNS: &[&str] = &["السنه", "العام", "سنه", "عام", "عامي"];
static ARABIC_YEAR_CUES: &[&str] =
    &["او", "اواخر", "اوايل", "بحلول", "بدايه", "بعد", "حتي", "خلال", "في", "قبل", "مطلع", "منتصف", "منذ", "نهايه"];

/// Words before "اليوم"/after it that make it a name or another day
/// ("عين اليوم", "اليوم الوطني"). Source: common Arabic collocations.
static NOT_TODAY_BEFORE: &[&str] = &["ذات", "ذلك", "صحيفه", "عين", "نفس"];
static NOT_TODAY_AFTER: &[&str] = &[
    "الاخير",
    "الاول",
    "التالي",
    "الثالث",
    "الثاني",
    "الدولي",
    "السابق",
    "العالمي",
    "الموالي",
    "الوطني",
    "ذاته",
    "نفسه",
];

/// Words before an Arabic weekday that make it a date ("يوم الاثنين").
/// Source: standard usage.
static ARABIC_DAY_NOUNS: &[&str] = &["صباح", "ظهر", "عصر", "فجر", "ليله", "مساء", "يوم"];

/// Capitalised words that turn a weekday name into a holiday or a name.
/// Source: English usage.
static WEEKDAY_NAMES: &[&str] = &["ash", "black", "bloody", "cyber", "easter", "good", "holy", "man", "palm"];

/// Words that put the clause in the future, so a bare weekday or month is
/// the next one. Source: standard usage in Arabic and English news.
static FUTURE_MARKERS: &[&str] = &[
    "'ll",
    "expected",
    "plan",
    "plans",
    "scheduled",
    "shall",
    "upcoming",
    "will",
    "المرتقب",
    "المرتقبه",
    "المزمع",
    "المقرر",
    "تعتزم",
    "ستبحث",
    "ستبدا",
    "ستتم",
    "ستتوجه",
    "ستجتمع",
    "ستجري",
    "ستحضر",
    "ستزور",
    "ستستضيف",
    "ستشارك",
    "ستصل",
    "ستصوت",
    "ستعقد",
    "ستعلن",
    "ستقام",
    "ستقوم",
    "ستكون",
    "ستلتقي",
    "ستلقي",
    "ستناقش",
    "ستنطلق",
    "ستوقع",
    "سوف",
    "سيبحث",
    "سيبدا",
    "سيتم",
    "سيتوجه",
    "سيجتمع",
    "سيجري",
    "سيحضر",
    "سيزور",
    "سيستضيف",
    "سيشارك",
    "سيصل",
    "سيصوت",
    "سيعقد",
    "سيعلن",
    "سيقام",
    "سيقوم",
    "سيكون",
    "سيلتقي",
    "سيلقي",
    "سيناقش",
    "سيوقع",
    "يعتزم",
];

fn has(table: &[&str], key: &str) -> bool {
    table.binary_search(&key).is_ok()
}

/// What a token can be, worked out once.
#[derive(Debug, Clone, Default)]
struct Info {
    /// Code points at the end that are not part of the date (the "'s" of
    /// "Wednesday's ruling").
    cut: usize,
    /// A year written with the Hijri mark in the same token ("1404هـ").
    hijri_num: Option<u32>,
    /// A number: value, count of digits, code points of a "و" before it.
    num: Option<(u32, usize, usize)>,
    /// A month: number, cue, clitic prefix (code points in the original).
    month: Option<(u8, Cue, usize)>,
    weekday: Option<(u8, usize)>,
    rel_day: Option<(i64, usize)>,
    period: Option<(Unit, usize)>,
    unit: Option<(Unit, u32)>,
    number_word: Option<u32>,
    /// Arabic direction adjective (الماضي, المقبل, الجاري).
    ar_dir: Option<i8>,
    /// A bare stem (clitics removed) for table lookups of cue words.
    stems: Vec<(String, usize)>,
}

/// Code points of the original token that make up the first `n` code points
/// of its normalised form (normalisation drops tashkeel and tatweel).
fn original_prefix(text: &str, n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    let mut seen = 0;
    for (i, c) in text.chars().enumerate() {
        if crate::text::normalize_char(c).is_some() {
            seen += 1;
            if seen == n {
                return i + 1;
            }
        }
    }
    0
}

/// Every word any table here looks up through a token's stems, and (second
/// set) the words of those that start with the article, without it. Most
/// tokens are in neither, so they cost one hash lookup per reading and no
/// allocation.
/// The known words, and the last two characters of each (a stem is a
/// suffix of its word, so a word not ending in one of these has no known stem).
type Known = (HashSet<&'static str>, HashSet<&'static str>, HashSet<(char, char)>);

fn known_words() -> &'static Known {
    static KNOWN: OnceLock<Known> = OnceLock::new();
    KNOWN.get_or_init(|| {
        let mut all: HashSet<&'static str> = HashSet::new();
        all.extend(words::MONTHS.iter().map(|r| r.0));
        all.extend(words::WEEKDAYS.iter().map(|r| r.0));
        all.extend(words::UNITS.iter().map(|r| r.0));
        all.extend(words::ARABIC_DIRECTIONS.iter().map(|r| r.0));
        all.extend(words::HIJRI_MONTHS.iter().map(|r| r.0));
        all.extend(words::HIJRI_TWO_WORD_MONTHS.iter().map(|r| r.0));
        all.extend(words::TWO_WORD_MONTHS.iter().map(|r| r.0));
        all.extend(RELATIVE_DAYS.iter().map(|r| r.0));
        all.extend(PERIODS.iter().map(|r| r.0));
        all.extend(ARABIC_SEASONS.iter().map(|r| r.0));
        for t in [
            ARABIC_YEAR_NOUNS,
            ARABIC_YEAR_CUES,
            ARABIC_DAY_NOUNS,
            ARABIC_PART_OF_PERIOD,
            EVENT_NOUNS,
            RANGE_OPENERS,
            FUTURE_MARKERS,
            STEM_CUES,
        ] {
            all.extend(t.iter().copied());
        }
        let after_article = all.iter().filter_map(|k| k.strip_prefix("ال")).collect();
        let endings = all.iter().filter_map(|k| last_two(k)).collect();
        (all, after_article, endings)
    })
}

/// Single words looked up through stems outside the tables above: "شهر"
/// before a Levantine month, "أول" of "أول أمس", "منذ"/"قبل" of "منذ يومين".
static STEM_CUES: &[&str] = &["الربع", "المولد", "اول", "راس", "شهر", "عيد", "قبل", "منذ"];

fn last_two(s: &str) -> Option<(char, char)> {
    let mut it = s.chars().rev();
    let b = it.next()?;
    Some((it.next()?, b))
}

fn stems_of(t: &Token) -> Vec<(String, usize)> {
    let (all, after_article, endings) = known_words();
    let mut out: Vec<(String, usize)> = Vec::new();
    if !last_two(&t.norm).is_some_and(|e| endings.contains(&e)) {
        return out;
    }
    for r in readings(&t.norm) {
        if r.had_article && after_article.contains(r.stem) {
            // The article is part of the matched word: "والخميس" matches
            // "الخميس" with only "و" as the clitic.
            let back = original_prefix(&t.text, r.prefix_len.saturating_sub(2));
            out.push((format!("ال{}", r.stem), back));
        }
        if all.contains(r.stem) {
            out.push((r.stem.to_string(), original_prefix(&t.text, r.prefix_len)));
        }
    }
    out
}

fn parse_num(norm: &str) -> Option<(u32, usize)> {
    let digits = norm.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let (d, rest) = norm.split_at(digits);
    // Ordinal suffixes, and "م" (milady) that Arabic writes after a Gregorian year.
    if !(rest.is_empty() || matches!(rest, "st" | "nd" | "rd" | "th" | "م")) {
        return None;
    }
    Some((d.parse().ok()?, digits))
}

fn classify(t: &Token) -> Info {
    let mut info = Info::default();
    if !t.is_word {
        return info;
    }
    if let Some((v, d)) = parse_num(&t.norm) {
        info.num = Some((v, d, 0));
        return info;
    }
    if let Some(digits) = t.norm.strip_suffix('ه') {
        if let Some((v, _)) = parse_num(digits).filter(|_| digits.bytes().all(|b| b.is_ascii_digit())) {
            info.hijri_num = Some(v);
            return info;
        }
    }
    if let Some(rest) = t.norm.strip_prefix('و') {
        if let Some((v, d)) = parse_num(rest).filter(|_| rest.bytes().all(|b| b.is_ascii_digit())) {
            info.num = Some((v, d, original_prefix(&t.text, 1)));
            return info;
        }
    }
    info.stems = if t.arabic {
        stems_of(t)
    } else {
        let base = match t.norm.strip_suffix("'s") {
            Some(b) => {
                info.cut = 2;
                b
            }
            None => t.norm.as_str(),
        };
        if known_words().0.contains(base) {
            vec![(base.to_string(), 0)]
        } else {
            Vec::new()
        }
    };
    let english_cap = t.capitalized;
    for (s, p) in &info.stems {
        if info.month.is_none() {
            if let Some((m, cue)) = words::month(s) {
                // A clitic-stripped short word is too weak for an ambiguous
                // month ("باب" door is not ب + آب): only "و" may precede it.
                let weak_prefix = *p > 0 && !t.norm.starts_with('و');
                let ok = if t.arabic { !(cue == Cue::Context && (weak_prefix || *p > 1)) } else { english_cap };
                if ok {
                    info.month = Some((m, cue, *p));
                }
            }
        }
        if info.weekday.is_none() {
            if let Some(w) = words::lookup(words::WEEKDAYS, s) {
                // English abbreviations ("Sat", "Wed", "Sun") are ordinary words in prose.
                if t.arabic || (english_cap && s.len() > 3) {
                    info.weekday = Some((w, *p));
                }
            }
        }
        if info.rel_day.is_none() {
            info.rel_day = words::lookup(RELATIVE_DAYS, s).map(|d| (d, *p));
        }
        if info.period.is_none() {
            info.period = words::lookup(PERIODS, s).map(|u| (u, *p));
        }
        if info.unit.is_none() {
            info.unit = words::lookup(words::UNITS, s);
        }
        if info.ar_dir.is_none() && t.arabic {
            info.ar_dir = words::lookup(words::ARABIC_DIRECTIONS, s);
        }
    }
    info.number_word = words::lookup(words::NUMBER_WORDS, &t.norm);
    info
}

/// English month abbreviations ("Dec."): months only next to numbers.
fn is_abbreviation(norm: &str) -> bool {
    matches!(norm, "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec")
}

fn day_value(d: Ymd, derivation: Derivation) -> DateValue {
    DateValue { value: iso_day(d), start: d, end: d, precision: Precision::Day, derivation }
}

fn month_value(year: i32, month: u8, derivation: Derivation) -> Option<DateValue> {
    let start = ymd(year, month, 1)?;
    Some(DateValue {
        value: format!("{year:04}-{month:02}"),
        start,
        end: month_end(start),
        precision: Precision::Month,
        derivation,
    })
}

fn year_value(year: i32, derivation: Derivation) -> Option<DateValue> {
    Some(DateValue {
        value: format!("{year:04}"),
        start: ymd(year, 1, 1)?,
        end: ymd(year, 12, 31)?,
        precision: Precision::Year,
        derivation,
    })
}

fn range_value(start: Ymd, end: Ymd, derivation: Derivation) -> Option<DateValue> {
    (start <= end).then(|| DateValue {
        value: format!("{}/{}", iso_day(start), iso_day(end)),
        start,
        end,
        precision: Precision::Range,
        derivation,
    })
}

fn plausible_year(v: u32, digits: usize) -> Option<i32> {
    (digits == 4 && (1000..=2199).contains(&v)).then(|| i32::try_from(v).ok()).flatten()
}

/// The year that puts `month`/`day` closest to `published`.
fn nearest_year(month: u8, day: u8, published: Ymd) -> Option<Ymd> {
    let p = days_from_civil(published);
    (published.year - 1..=published.year + 1)
        .filter_map(|y| ymd(y, month, day))
        .min_by_key(|d| (days_from_civil(*d) - p).abs())
}

struct Scanner<'a> {
    tokens: &'a [Token],
    info: Vec<Info>,
    published: Option<Ymd>,
    /// Code point offsets of line breaks in the text (sentence limits).
    breaks: Vec<usize>,
}

/// A match: first and one-past-last token, code point span, value.
struct Hit {
    first: usize,
    last: usize,
    start: usize,
    end: usize,
    value: DateValue,
}

impl Scanner<'_> {
    fn tok(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }
    fn inf(&self, i: usize) -> Option<&Info> {
        self.info.get(i)
    }
    fn norm(&self, i: usize) -> &str {
        self.tok(i).map_or("", |t| t.norm.as_str())
    }
    fn is_punct(&self, i: usize, set: &[&str]) -> bool {
        self.tok(i).is_some_and(|t| !t.is_word && set.contains(&t.norm.as_str()))
    }
    /// Token `i` immediately follows token `i - 1` with no space.
    fn glued(&self, i: usize) -> bool {
        match (i.checked_sub(1).and_then(|j| self.tok(j)), self.tok(i)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }
    fn stem_in(&self, i: usize, table: &[&str]) -> bool {
        self.inf(i).is_some_and(|f| f.stems.iter().any(|(s, _)| has(table, s)))
    }
    fn num(&self, i: usize) -> Option<(u32, usize, usize)> {
        self.inf(i).and_then(|f| f.num)
    }
    fn day_num(&self, i: usize) -> Option<u8> {
        self.num(i).filter(|n| n.1 <= 2 && (1..=31).contains(&n.0)).and_then(|n| u8::try_from(n.0).ok())
    }
    fn year_num(&self, i: usize) -> Option<i32> {
        let (v, d, _) = self.num(i)?;
        let y = plausible_year(v, d)?;
        // "1444 هـ" is a Hijri year.
        let hijri =
            matches!(self.norm(i + 1), "ه" | "هـ" | "هجري" | "هجريه") || self.norm(i + 1).starts_with("ه\u{640}");
        (!hijri).then_some(y)
    }
    fn start_of(&self, i: usize, prefix: usize) -> usize {
        self.tok(i).map_or(0, |t| t.start + prefix)
    }
    fn end_of(&self, i: usize) -> usize {
        let j = i.saturating_sub(1);
        self.tok(j).map_or(0, |t| t.end - self.inf(j).map_or(0, |f| f.cut.min(t.end - t.start)))
    }
    fn line_break_between(&self, a: usize, b: usize) -> bool {
        let i = self.breaks.partition_point(|&x| x < a);
        self.breaks.get(i).is_some_and(|&x| x < b)
    }
    /// The month at token `i`, with the Levantine two-word months and the
    /// "ديسمبر/كانون الأول" double naming. Returns month, cue, prefix, next token.
    fn month_at(&self, i: usize) -> Option<(u8, Cue, usize, usize)> {
        let (mut m, mut cue, prefix, mut next) = if let Some((m, p)) = self.two_word_month(i) {
            (m, Cue::Free, p, i + 2)
        } else {
            let (m, c, p) = self.inf(i)?.month?;
            (m, c, p, i + 1)
        };
        // "ديسمبر/كانون الأول" or "ديسمبر (كانون الأول)": one month, two names.
        let alt = if self.is_punct(next, &["/"]) {
            Some((next + 1, 0))
        } else if self.is_punct(next, &["("]) {
            Some((next + 1, 1))
        } else {
            None
        };
        if let Some((j, close)) = alt {
            let other = self.two_word_month(j).map(|(m, _)| (m, j + 2)).or_else(|| {
                let (m2, _, p) = self.inf(j)?.month?;
                (p == 0).then_some((m2, j + 1))
            });
            if let Some((m2, after)) = other {
                if m2 == m && (close == 0 || self.is_punct(after, &[")"])) {
                    next = after + close;
                    cue = Cue::Free;
                }
            }
        }
        if m == 0 {
            m = 1;
        }
        Some((m, cue, prefix, next))
    }
    fn two_word_month(&self, i: usize) -> Option<(u8, usize)> {
        let first = self.inf(i)?;
        let second = self.tok(i + 1)?;
        let ord = second.norm.strip_prefix("ال").unwrap_or(&second.norm);
        for (s, p) in &first.stems {
            for (a, b, m) in words::TWO_WORD_MONTHS {
                if s == a && ord == *b {
                    return Some((*m, *p));
                }
            }
        }
        None
    }
    /// Whether the clause around token `i` speaks of the future.
    fn future_context(&self, i: usize) -> bool {
        let stop = |t: &Token| !t.is_word && matches!(t.norm.as_str(), "." | "!" | "?" | "؟" | "؛" | ";");
        let mut j = i;
        let mut n = 0;
        while j > 0 && n < 12 {
            j -= 1;
            n += 1;
            let Some(t) = self.tok(j) else { break };
            if stop(t) {
                break;
            }
            if has(FUTURE_MARKERS, &t.norm) || self.stem_in(j, FUTURE_MARKERS) {
                return true;
            }
        }
        false
    }

    /// Absolute day/month/year, day-first ("8 ديسمبر 2022", "8-10 December").
    fn day_first(&self, i: usize) -> Option<Hit> {
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
            .filter(|_| numeric && (self.is_punct(j, &["-", "–"]) || has(RANGE_JOINERS, self.norm(j))))
        {
            d2 = Some(n);
            j += 2;
        } else if let Some((n, _, pre)) = self.num(j).filter(|_| numeric) {
            if pre > 0 && self.day_num(j).is_some() {
                d2 = u8::try_from(n).ok();
                j += 1;
            }
        }
        if self.norm(j) == "of" || self.norm(j) == "من" {
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
            let filler = matches!(n, "," | "،" | "-" | "–" | "من" | "of") || has(ARABIC_YEAR_NOUNS, n);
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
                let cur = (self.norm(k) == "من" || self.norm(k) == "of")
                    && self.inf(k + 1).is_some_and(|f| matches!(f.period, Some((Unit::Year, _))))
                    && self.inf(k + 2).is_some_and(|f| f.ar_dir == Some(0));
                let p = self.published?;
                derivation = Derivation::Relative;
                if cur {
                    k += 3;
                    p.year
                } else {
                    nearest_year(m, d2.unwrap_or(d1), p)?.year
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
    fn ordinal_day(&self, i: usize) -> Option<(u8, usize)> {
        let base = words::lookup(ORDINAL_DAYS, self.norm(i))?;
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
    fn month_first(&self, i: usize) -> Option<Hit> {
        let (m, cue, mp, mut k) = self.month_at(i)?;
        if self.is_punct(k, &["."]) && self.glued(k) && self.tok(i).is_some_and(|t| is_abbreviation(&t.norm)) {
            k += 1;
        }
        let start = self.start_of(i, mp);
        // Month and year.
        let mut yk = k;
        if self.is_punct(yk, &[","]) || matches!(self.norm(yk), "من" | "of") {
            yk += 1;
        }
        if has(ARABIC_YEAR_NOUNS, self.norm(yk)) {
            yk += 1;
        }
        if let Some(y) = self.year_num(yk) {
            let value = month_value(y, m, Derivation::Explicit)?;
            let last = self.after_era(yk + 1);
            return Some(Hit { first: i, last, start, end: self.end_of(last), value });
        }
        // Month and day (English order).
        if let Some(d1) = self.day_num(k) {
            let mut e = k + 1;
            let mut d2 = None;
            if let Some(n) = self
                .day_num(e + 1)
                .filter(|_| self.is_punct(e, &["-", "–"]) || matches!(self.norm(e), "to" | "through"))
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
                None => (nearest_year(m, d2.unwrap_or(d1), self.published?)?.year, Derivation::Relative),
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
        let (yk, ydir) = if let Some(d) = words::lookup(ENGLISH_DIRECTIONS, self.norm(k)) {
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
            cue == Cue::Free || i.checked_sub(1).is_some_and(|j| self.stem_in(j, &["شهر"]))
        } else {
            let prev_cue = has(words::ENGLISH_CUES, prev)
                || (prev == "-" && i >= 2 && matches!(self.norm(i - 2), "mid" | "early" | "late"));
            let full = !is_abbreviation(&tok.norm);
            prev_cue
                && full
                && (cue == Cue::Free
                    || matches!(
                        prev,
                        "in" | "since" | "until" | "during" | "last" | "next" | "this" | "early" | "late" | "mid" | "-"
                    ))
        };
        if !cued {
            return None;
        }
        let dir = match prev {
            "last" => -1,
            "next" => 1,
            "this" => 0,
            _ if self.future_context(i) => 1,
            _ => 2,
        };
        let y = match dir {
            -1 if m < p.month => p.year,
            -1 => p.year - 1,
            1 if m > p.month => p.year,
            1 => p.year + 1,
            0 => p.year,
            _ if m <= p.month => p.year,
            _ => p.year - 1,
        };
        let first = if matches!(prev, "last" | "next" | "this") { i - 1 } else { i };
        let value = month_value(y, m, Derivation::Relative)?;
        Some(Hit {
            first,
            last: k,
            start: self.start_of(first, if first == i { mp } else { 0 }),
            end: self.end_of(k),
            value,
        })
    }

    /// "2022-12-08", "2022/12/08", "08/12/2022", "08.12.2022".
    fn numeric(&self, i: usize, lang: &str) -> Option<Hit> {
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
                super::calendar::from_hijri(y, small(b)?, small(c)?)?
            } else {
                ymd(y, small(b)?, small(c)?)?
            }
        } else {
            let y = plausible_year(c.0, c.1)?;
            let (x, z) = (small(a)?, small(b)?);
            if hijri(y) {
                let d = super::calendar::from_hijri(y, z, x)?;
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
    fn after_era(&self, k: usize) -> usize {
        if matches!(self.norm(k), "م" | "ميلادي" | "ميلاديه" | "للميلاد") && self.tok(k).is_some_and(|t| t.arabic)
        {
            k + 1
        } else {
            k
        }
    }

    /// A Hijri year mark ("هـ", "هجري") at token `i`.
    fn hijri_mark(&self, i: usize) -> bool {
        matches!(self.norm(i), "ه" | "هجري" | "هجريه" | "هجريا" | "للهجره")
    }

    /// A Hijri year at `i`: "1404هـ", "1404 هـ"; with `bare`, also a plain
    /// number (after a Hijri month name). Returns the year and the next token.
    fn hijri_year(&self, i: usize, bare: bool) -> Option<(i32, usize)> {
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
    fn hijri_month_at(&self, i: usize) -> Option<(u8, usize)> {
        let f = self.inf(i)?;
        let t = self.tok(i)?;
        // Only the bare word or "و" before it: "صفر" is also "zero".
        let ok_prefix = |p: usize| p == 0 || (p == 1 && t.norm.starts_with('و'));
        if let Some(next) = self.tok(i + 1) {
            let second = next.norm.strip_prefix("ال").unwrap_or(&next.norm);
            for (s, _) in f.stems.iter().filter(|(_, p)| ok_prefix(*p)) {
                if let Some((_, _, m)) = words::HIJRI_TWO_WORD_MONTHS.iter().find(|(a, b, _)| a == s && *b == second) {
                    return Some((*m, i + 2));
                }
            }
        }
        f.stems
            .iter()
            .filter(|(_, p)| ok_prefix(*p))
            .find_map(|(s, _)| words::lookup(words::HIJRI_MONTHS, s))
            .map(|m| (m, i + 1))
    }

    /// A Hijri month without day or year, resolved against publication:
    /// "شهر رمضان", "رمضان المبارك", "رمضان الماضي". Several Hijri months
    /// are also given names ("رمضان", "رجب"), so a cue must stand by it.
    fn hijri_month_alone(&self, i: usize) -> Option<Hit> {
        let p = self.published?;
        let (m, mut k) = self.hijri_month_at(i)?;
        let noun = i.checked_sub(1).filter(|&j| self.stem_in(j, &["شهر"]));
        let mut cued = noun.is_some();
        if matches!(self.norm(k), "المبارك" | "الحرام" | "الفضيل" | "الكريم") {
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
                let start = super::calendar::days_from_hijri(y, m, 1)?;
                let next = if m == 12 {
                    super::calendar::days_from_hijri(y + 1, 1, 1)?
                } else {
                    super::calendar::days_from_hijri(y, m + 1, 1)?
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
            super::calendar::civil_from_days(pick.0)?,
            super::calendar::civil_from_days(pick.1)?,
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
    fn hijri(&self, i: usize) -> Option<Hit> {
        // Day, Hijri month, year.
        if let Some(d) = self.day_num(i) {
            if let Some((m, mut k)) = self.hijri_month_at(i + 1) {
                if matches!(self.norm(k), "المبارك" | "الحرام") {
                    k += 1;
                }
                let (y, last) = self.hijri_year(k, true)?;
                let day = super::calendar::from_hijri(y, m, d)?;
                let value = day_value(day, Derivation::Explicit);
                return Some(Hit { first: i, last, start: self.start_of(i, 0), end: self.end_of(last), value });
            }
            // "25 / 10 / 1436 هـ" (slashes or dashes, spaced or not).
            let sep = self.tok(i + 1).filter(|t| !t.is_word && matches!(t.norm.as_str(), "/" | "-"))?;
            let m = self.day_num(i + 2).filter(|m| *m <= 12)?;
            if self.tok(i + 3).is_some_and(|t| t.norm == sep.norm) {
                let (y, last) = self.hijri_year(i + 4, false)?;
                let day = super::calendar::from_hijri(y, m, d)?;
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
                let day = super::calendar::from_hijri(i32::try_from(v).ok()?, m, d)?;
                let value = day_value(day, Derivation::Explicit);
                return Some(Hit { first: i, last, start: self.start_of(i, 0), end: self.end_of(last), value });
            }
        }
        // A Hijri year, with its noun when there is one ("عام 1404هـ").
        let (y, last) = self.hijri_year(i, false)?;
        let (a, b) = super::calendar::hijri_year_span(y)?;
        let noun = i.checked_sub(1).filter(|&j| self.stem_in(j, ARABIC_YEAR_NOUNS));
        let (first, prefix) = match noun {
            Some(j) => (
                j,
                self.inf(j)
                    .and_then(|f| f.stems.iter().find(|(s, _)| has(ARABIC_YEAR_NOUNS, s)).map(|x| x.1))
                    .unwrap_or(0),
            ),
            None => (i, 0),
        };
        let value = range_value(a, b, Derivation::Explicit)?;
        Some(Hit { first, last, start: self.start_of(first, prefix), end: self.end_of(last), value })
    }

    /// "عام 2022", "in 2022", "منذ 2011", "عام (1948)".
    fn year(&self, i: usize) -> Option<Hit> {
        let y = self.year_num(i)?;
        // "عام (1948)": the parentheses belong to the date.
        let paren = self.is_punct(i.wrapping_sub(1), &["("]) && self.is_punct(i + 1, &[")"]);
        if paren && self.hijri_mark(i + 2) {
            // "عام (1325) هجري"
            let (a, b) = super::calendar::hijri_year_span(y)?;
            let noun = i.checked_sub(2).filter(|&j| self.stem_in(j, ARABIC_YEAR_NOUNS));
            let first = noun.unwrap_or(i);
            let value = range_value(a, b, Derivation::Explicit)?;
            return Some(Hit { first, last: i + 3, start: self.start_of(first, 0), end: self.end_of(i + 3), value });
        }
        let prev = if paren { i.checked_sub(2) } else { i.checked_sub(1) };
        let noun = prev.filter(|&j| self.stem_in(j, ARABIC_YEAR_NOUNS));
        let cued = noun.is_some()
            || prev.is_some_and(|j| {
                has(words::ENGLISH_CUES, self.norm(j)) || self.stem_in(j, ARABIC_YEAR_CUES) || self.norm(j) == "year"
            });
        // The second year of "from 2011 to 2014", "بين عامي 2014 و2017",
        // "in 1994, 1995 and 1997".
        let second = |j: usize| j.checked_sub(1).is_some_and(|k| self.year_num(k).is_some());
        let joined = prev.is_some_and(|j| {
            (has(RANGE_JOINERS, self.norm(j)) || matches!(self.norm(j), "-" | "–" | "," | "،" | "or" | "او"))
                && second(j)
        }) || (self.num(i).is_some_and(|n| n.2 > 0) && second(i));
        // "the 2022 election", "its 1990 invasion", "a 1971 convention".
        let determiner = prev.is_some_and(|j| has(DETERMINERS, self.norm(j)))
            && self.tok(i + 1).is_some_and(|t| t.is_word && self.num(i + 1).is_none());
        // "حرب 1948", "الانتفاضة الأولى 1987", "انتخابات 2022": an event named
        // by its year. Only modern years: counts follow nouns too.
        let modern = (1900..=2099).contains(&y);
        let event = modern
            && prev.is_some_and(|j| {
                self.stem_in(j, EVENT_NOUNS)
                    || (matches!(self.norm(j), "الاولي" | "الثانيه" | "الثالثه" | "الكبري")
                        && j.checked_sub(1).is_some_and(|k| self.stem_in(k, EVENT_NOUNS)))
            });
        // "(1948)" on its own is a year (resolution numbers are outside 1900-2099).
        let bracketed = paren && modern && !prev.is_some_and(|j| matches!(self.norm(j), "قرار" | "القرار" | "رقم"));
        if !(cued || joined || determiner || event || bracketed) {
            return None;
        }
        let (first, prefix) = match noun {
            Some(j) => {
                let p = self.inf(j).and_then(|f| f.stems.iter().find(|(s, _)| has(ARABIC_YEAR_NOUNS, s)).map(|x| x.1));
                (j, p.unwrap_or(0))
            }
            None => (i, 0),
        };
        let value = year_value(y, Derivation::Explicit)?;
        let last = self.after_era(if paren && noun.is_some() { i + 2 } else { i + 1 });
        Some(Hit { first, last, start: self.start_of(first, prefix), end: self.end_of(last), value })
    }

    /// Yesterday, today, tomorrow and their Arabic forms, with the two-word
    /// "أول أمس", "أمس الأول", "بعد غد", "the day before yesterday".
    fn relative_day(&self, i: usize) -> Option<Hit> {
        let p = self.published?;
        let n = self.norm(i);
        // "بعد غد" and "the day after tomorrow", "the day before yesterday".
        if n == "بعد" && matches!(self.norm(i + 1), "غد" | "غدا") {
            let d = add_days(p, 2)?;
            return Some(Hit {
                first: i,
                last: i + 2,
                start: self.start_of(i, 0),
                end: self.end_of(i + 2),
                value: day_value(d, Derivation::Relative),
            });
        }
        if n == "the" && self.norm(i + 1) == "day" && matches!(self.norm(i + 2), "before" | "after") {
            let (want, off) = if self.norm(i + 2) == "before" { ("yesterday", -2) } else { ("tomorrow", 2) };
            if self.norm(i + 3) == want {
                let d = add_days(p, off)?;
                return Some(Hit {
                    first: i,
                    last: i + 4,
                    start: self.start_of(i, 0),
                    end: self.end_of(i + 4),
                    value: day_value(d, Derivation::Relative),
                });
            }
        }
        // "last night" is yesterday evening.
        if n == "last" && self.norm(i + 1) == "night" {
            let d = add_days(p, -1)?;
            return Some(Hit {
                first: i,
                last: i + 2,
                start: self.start_of(i, 0),
                end: self.end_of(i + 2),
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
            if has(NOT_TODAY_BEFORE, before)
                || has(NOT_TODAY_AFTER, after)
                || words::lookup(ORDINAL_DAYS, after).is_some()
            {
                return None;
            }
        }
        if ofs == 0 && !tok.arabic && i > 0 && self.norm(i - 1) == "usa" {
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
                None if has(ARABIC_DAY_NOUNS, self.norm(i + 1)) => return None,
                None => {}
            }
        }
        if ofs == -1 && tok.arabic {
            // "أول أمس" / "أمس الأول": the day before yesterday.
            if i > 0
                && self.stem_in(i - 1, &["اول"])
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
        let d = add_days(p, ofs)?;
        Some(Hit {
            first,
            last,
            start: self.start_of(first, prefix),
            end: self.end_of(last),
            value: day_value(d, Derivation::Relative),
        })
    }

    /// Seasons, quarters and weekends: "last summer", "الصيف الماضي",
    /// "صيف 2021", "the third quarter", "الربع الثالث من العام الجاري",
    /// "over the weekend", "نهاية الأسبوع الماضي".
    fn season_or_quarter(&self, i: usize, lang: &str) -> Option<Hit> {
        let p = self.published?;
        let tok = self.tok(i)?;
        // Direction word before (English) or adjective after (Arabic).
        let (first, dir_before) = match i.checked_sub(1).and_then(|j| {
            words::lookup(ENGLISH_DIRECTIONS, self.norm(j))
                .map(|d| (j, d))
                .or_else(|| matches!(self.norm(j), "هذا" | "هذه" | "past" | "over" | "the").then_some((j, 0)))
        }) {
            Some((j, d)) if !tok.arabic || matches!(self.norm(j), "هذا" | "هذه") => {
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
                let q = match self.norm(i + 1) {
                    "الاول" => 1,
                    "الثاني" => 2,
                    "الثالث" => 3,
                    "الرابع" | "الاخير" => 4,
                    _ => return None,
                };
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
        if matches!(self.norm(j), "of" | "من") {
            j += 1;
        }
        if has(ARABIC_YEAR_NOUNS, self.norm(j)) && self.num(j + 1).is_some() {
            j += 1;
        }
        if let Some(y) = self.year_num(j) {
            year = Some((y, Derivation::Explicit));
            k = j + 1;
        } else if self.inf(j).is_some_and(|f| matches!(f.period, Some((Unit::Year, _)))) {
            if let Some(d) = self.inf(j + 1).and_then(|f| f.ar_dir) {
                year = Some((p.year + i32::from(d), Derivation::Relative));
                k = j + 2;
            }
        } else if words::lookup(ENGLISH_DIRECTIONS, self.norm(j)).is_some() && self.norm(j + 1) == "year" {
            let d = words::lookup(ENGLISH_DIRECTIONS, self.norm(j)).unwrap_or(0);
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
        // Bare season words are too loose ("spring" the verb, "الربيع العربي").
        if year.is_none() && dir.is_none() && matches!(kind, PeriodKind::Season(_)) {
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
        // TimeML keeps "the" in "the third quarter" and "the weekend".
        let first = match i.checked_sub(1) {
            Some(j) if first == i && self.norm(j) == "the" && !matches!(kind, PeriodKind::Season(_)) => j,
            _ => first,
        };
        let prefix = if first == i { kind_prefix } else { 0 };
        Some(Hit { first, last: k, start: self.start_of(first, prefix), end: self.end_of(k), value })
    }

    /// Fixed holidays, resolved to the nearest one to publication (or the
    /// next or last one with "المقبل"/"الماضي"/"next"/"last"): Islamic ones
    /// by the Hijri calendar ("عيد الأضحى", "يوم عرفة"), Christmas and New Year.
    fn holiday(&self, i: usize) -> Option<Hit> {
        let p = self.published?;
        let f = self.inf(i)?;
        let (words_, calendar, month, day, prefix) = HOLIDAYS.iter().find_map(|(w, c, m, d)| {
            let first = w.first()?;
            let prefix = f
                .stems
                .iter()
                .find(|(s, _)| s == first)
                .map(|x| x.1)
                .or_else(|| (self.norm(i) == *first).then_some(0))?;
            let rest_ok = w.iter().enumerate().skip(1).all(|(n, word)| self.norm(i + n) == *word);
            rest_ok.then_some((w.len(), *c, *m, *d, prefix))
        })?;
        let mut k = i + words_;
        if matches!(self.norm(k), "المبارك" | "المجيد" | "السعيد") {
            k += 1;
        }
        let mut dir = i.checked_sub(1).and_then(|j| words::lookup(ENGLISH_DIRECTIONS, self.norm(j)));
        let first = if dir.is_some() { i - 1 } else { i };
        if let Some(d) = self.inf(k).and_then(|f| f.ar_dir) {
            dir = Some(d);
            k += 1;
        }
        let today = days_from_civil(p);
        let cands: Vec<i64> = if calendar == 'h' {
            let h = i32::try_from((today + 492_148) * 30 / 10_631 + 1).ok()?;
            (h - 1..=h + 1).filter_map(|y| super::calendar::days_from_hijri(y, month, day)).collect()
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
        let value = day_value(super::calendar::civil_from_days(*pick)?, Derivation::Relative);
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
                    other => PeriodKind::Season(words::lookup(ARABIC_SEASONS, other)?),
                };
                Some((kind, *p))
            });
        }
        let n = f.stems.first().map_or(t.norm.as_str(), |s| s.0.as_str());
        let kind = match n {
            "spring" => Some(PeriodKind::Season(3)),
            "summer" => Some(PeriodKind::Season(6)),
            "fall" | "autumn" => Some(PeriodKind::Season(9)),
            "winter" => Some(PeriodKind::Season(12)),
            "weekend" => Some(PeriodKind::Weekend),
            "first" => Some(PeriodKind::Ordinal(1)),
            "second" => Some(PeriodKind::Ordinal(2)),
            "third" => Some(PeriodKind::Ordinal(3)),
            "fourth" => Some(PeriodKind::Ordinal(4)),
            _ => None,
        }?;
        Some((kind, 0))
    }

    /// A period relative to publication: "last week", "الشهر المقبل",
    /// "هذا العام", "earlier this month".
    fn relative_period(&self, i: usize) -> Option<Hit> {
        let p = self.published?;
        let tok = self.tok(i)?;
        let (first, unit, dir, last, prefix, part) = if tok.arabic {
            let (unit, prefix) = self.inf(i)?.period?;
            if let Some(dir) = self.inf(i + 1).and_then(|f| f.ar_dir) {
                (i, unit, dir, i + 2, prefix, 0)
            } else if i > 0 && matches!(self.norm(i - 1), "هذا" | "هذه") {
                (i - 1, unit, 0, i + 1, 0, 0)
            } else {
                return None;
            }
        } else {
            let dir = words::lookup(ENGLISH_DIRECTIONS, &tok.norm)?;
            let (unit, _) = self.inf(i + 1)?.period?;
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
    fn ago(&self, i: usize) -> Option<Hit> {
        let p = self.published?;
        let tok = self.tok(i)?;
        let (first, count, unit, last, prefix) = if tok.arabic {
            let prefix = self.inf(i)?.stems.iter().find(|(s, _)| s == "منذ" || s == "قبل").map(|x| x.1)?;
            // The unit word as written, without clitics: "منذ العام 2003" is
            // "since 2003", not "a year ago".
            // "منذ عام 1975" is "since 1975": a number after the unit.
            let since_year = self.num(i + 2).is_some() || self.inf(i + 2).is_some_and(|f| f.hijri_num.is_some());
            if let Some((unit, n)) = words::lookup(words::UNITS, self.norm(i + 1)).filter(|u| u.1 > 0 && !since_year) {
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
        let n = i64::from(count);
        let value = match unit {
            Unit::Day => day_value(add_days(p, -n)?, Derivation::Relative),
            Unit::Week => day_value(add_days(p, -7 * n)?, Derivation::Relative),
            Unit::Month => {
                let m = add_months(p, -n)?;
                month_value(m.year, m.month, Derivation::Relative)?
            }
            Unit::Year => year_value(p.year - i32::try_from(count).ok()?, Derivation::Relative)?,
        };
        Some(Hit { first, last, start: self.start_of(first, prefix), end: self.end_of(last), value })
    }

    /// A weekday, alone or opening a full date ("Thursday, December 8, 2022",
    /// "الخميس، 8 ديسمبر 2022", "on Thursday", "الخميس الماضي").
    fn weekday(&self, i: usize) -> Option<Hit> {
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
                self.inf(j).and_then(|f| f.stems.iter().find(|(s, _)| has(ARABIC_DAY_NOUNS, s)).map(|x| x.1));
            let plain = |p: usize| p == 0 || (p == 1 && self.norm(j).starts_with('و'));
            if tok.arabic && noun_prefix.is_some_and(plain) && self.tok(j).is_some_and(|t| t.arabic) {
                first = j;
                start = self.start_of(j, noun_prefix.unwrap_or(0));
            } else if !tok.arabic {
                if let Some(d) = words::lookup(ENGLISH_DIRECTIONS, self.norm(j)) {
                    first = j;
                    start = self.start_of(j, 0);
                    dir = if d == 0 { 2 } else { d };
                } else if has(WEEKDAY_NAMES, self.norm(j)) && self.tok(j).is_some_and(|t| t.capitalized) {
                    return None;
                }
            }
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
        if !tok.arabic && matches!(self.norm(i + 1), "morning" | "afternoon" | "evening" | "night") {
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
            _ if self.future_context(i) => fwd,
            _ => -back,
        };
        let d = add_days(p, ofs)?;
        Some(Hit { first, last, start, end: self.end_of(last), value: day_value(d, Derivation::Weekday) })
    }

    /// Takes "early", "late" or "mid" before a month or year into the span
    /// ("late November", "mid-2021"), as TimeML does; never reaching back
    /// into the previous hit.
    fn widen(&self, h: &mut Hit, floor: usize) {
        if !matches!(h.value.precision, Precision::Month | Precision::Year) {
            return;
        }
        let Some(j) = h.first.checked_sub(1).filter(|&j| j >= floor) else { return };
        // "أواخر العام الماضي", "مطلع الشهر الجاري", "في منتصف 2021".
        if let Some(p) = self.inf(j).and_then(|f| f.stems.iter().find(|(s, _)| has(ARABIC_PART_OF_PERIOD, s))) {
            h.first = j;
            h.start = self.start_of(j, p.1);
            return;
        }
        let k = if self.is_punct(j, &["-"]) && self.glued(j + 1) { j.checked_sub(1) } else { Some(j) };
        if let Some(k) = k.filter(|&k| k >= floor && matches!(self.norm(k), "early" | "late" | "mid")) {
            h.first = k;
            h.start = self.start_of(k, 0);
        }
    }

    fn at(&self, i: usize, lang: &str) -> Option<Hit> {
        let t = self.tok(i)?;
        if !t.is_word {
            return None;
        }
        self.weekday(i)
            .or_else(|| self.hijri(i))
            .or_else(|| self.hijri_month_alone(i))
            .or_else(|| self.numeric(i, lang))
            .or_else(|| self.day_first(i))
            .or_else(|| self.month_first(i))
            .or_else(|| self.ago(i))
            .or_else(|| self.relative_day(i))
            .or_else(|| self.relative_period(i))
            .or_else(|| self.season_or_quarter(i, lang))
            .or_else(|| self.holiday(i))
            .or_else(|| self.year(i))
    }
}

fn weaker(a: Derivation, b: Derivation) -> Derivation {
    match (a, b) {
        (Derivation::Explicit, x) | (x, Derivation::Explicit) => x,
        (Derivation::Weekday, _) | (_, Derivation::Weekday) => Derivation::Weekday,
        _ => Derivation::Relative,
    }
}

/// Finds every date expression in `text`. See [`super::find_dates`].
pub fn find(text: &str, tokens: &[Token], lang: &str, published: Option<Ymd>) -> Vec<FoundDate> {
    let breaks = text.chars().enumerate().filter(|(_, c)| *c == '\n').map(|(i, _)| i).collect();
    let sc = Scanner { tokens, info: tokens.iter().map(classify).collect(), published, breaks };
    let mut hits: Vec<Hit> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match sc.at(i, lang) {
            Some(mut h) if h.last > i && h.end > h.start => {
                // A hit never reaches back into the previous one.
                if let Some(prev) = hits.last() {
                    if h.start < prev.end || h.first < prev.last {
                        h.first = i;
                        h.start = sc.start_of(i, 0);
                    }
                }
                i = h.last;
                sc.widen(&mut h, hits.last().map_or(0, |p| p.last));
                hits.push(h);
            }
            _ => i += 1,
        }
    }
    // "between 8 December and 10 January", "from 2011 to 2014": one range.
    let mut out: Vec<FoundDate> = Vec::new();
    let mut idx = 0;
    while idx < hits.len() {
        let Some(a) = hits.get(idx) else { break };
        if let Some(b) = hits.get(idx + 1) {
            let opener = a.first.checked_sub(1).is_some_and(|j| sc.stem_in(j, RANGE_OPENERS));
            let gap = b.first.saturating_sub(a.last);
            let joined = match gap {
                0 => sc.tok(b.first).is_some_and(|t| t.norm.starts_with('و') && t.arabic) && opener,
                1 => {
                    let n = sc.norm(a.last);
                    (opener && has(RANGE_JOINERS, n))
                        || (matches!(n, "-" | "–") && a.value.precision == b.value.precision)
                }
                _ => false,
            };
            if joined && !sc.line_break_between(a.end, b.start) {
                if let Some(v) = range_value(a.value.start, b.value.end, weaker(a.value.derivation, b.value.derivation))
                {
                    out.push(FoundDate { start: a.start, end: b.end, value: v });
                    idx += 2;
                    continue;
                }
            }
        }
        out.push(FoundDate { start: a.start, end: a.end, value: a.value.clone() });
        idx += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn tables_sorted() {
        fn sorted(v: &[&str]) -> bool {
            v.windows(2).all(|w| w[0] < w[1])
        }
        assert!(super::RELATIVE_DAYS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(super::PERIODS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(super::ENGLISH_DIRECTIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(super::ORDINAL_DAYS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(super::ARABIC_SEASONS.windows(2).all(|w| w[0].0 < w[1].0));
        for t in [
            super::RANGE_OPENERS,
            super::DETERMINERS,
            super::RANGE_JOINERS,
            super::ARABIC_YEAR_NOUNS,
            super::ARABIC_YEAR_CUES,
            super::NOT_TODAY_BEFORE,
            super::NOT_TODAY_AFTER,
            super::ARABIC_DAY_NOUNS,
            super::WEEKDAY_NAMES,
            super::FUTURE_MARKERS,
            super::STEM_CUES,
            super::ARABIC_PART_OF_PERIOD,
            super::EVENT_NOUNS,
        ] {
            assert!(sorted(t), "{t:?}");
            for k in t {
                assert_eq!(&crate::text::normalize(k), k);
            }
        }
    }
}
