//! Calendar and time words of Arabic and English, read once from two curated
//! tables through the lexicon loader ([`crate::tsv::rows`]):
//!
//! - `data/curated/months.tsv`: month names as written, in both calendars
//!   and every Arabic series (Egyptian/Gulf, Levantine/Iraqi, Maghrebi),
//!   with the forms the interface shows ([`month_label`]).
//! - `data/curated/time_words.tsv`: every other time word, one list per
//!   name in its first column (the lists are the fields of [`Words`]).
//!
//! Keys are normalised with [`crate::text::normalize`] and lower-cased, the
//! form tokens carry; tables are sorted by key and read by binary search.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::hash::FnvBuild;

use crate::tsv::rows;

/// Without comments and sources (see [`crate::tsv`]).
pub const MONTHS_TSV: &str = crate::tsv::table!("../../data/curated/months.tsv", 5);
/// Without comments and sources, a list's name only on its first row (see
/// [`crate::tsv`]).
pub const TIME_WORDS_TSV: &str = crate::tsv::table!("../../data/curated/time_words.tsv", 3, ditto);

/// Whether a month word can stand alone as a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Only ever a month ("ديسمبر", "December").
    Free,
    /// Also an ordinary word or name ("آب" father, "May" the verb, "Jan"):
    /// a month only next to a day number, a year or another date cue.
    Context,
}

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
    /// Ten years ("a decade ago", "قبل عقد").
    Decade,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            _ => return None,
        })
    }
}

/// The step of a date relative to one mentioned before: "the next day"
/// (day), "a year earlier" (year: the same day, month or period a year
/// off), "the following year" (calendar year: the whole year), "later that
/// month" (calendar month), "the quarter" (the quarter itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Day,
    Week,
    Year,
    CalendarMonth,
    CalendarYear,
    Quarter,
}

/// The lengths and last bytes of a table's keys: most words the scanner
/// asks about are in no table, and these two bit tests rule nearly all of
/// them out before the key is hashed (every key sets its bits, so a word
/// that fails a test is no key).
#[derive(Debug, Default, Clone, Copy)]
struct Shape {
    /// Bit `n`: a key of `n` bytes (63: of 63 or more).
    lens: u64,
    /// Bit `b`: a key whose last byte is `b` (0 for the empty key).
    last: [u64; 4],
}

impl Shape {
    fn of<'a>(keys: impl Iterator<Item = &'a str>) -> Shape {
        let mut s = Shape::default();
        for k in keys {
            let (len, last) = Shape::parts(k);
            s.lens |= len;
            s.last[last.0] |= last.1;
            // every word ends with the empty key ([`Shape::may_end`])
            if k.is_empty() {
                s.last = [u64::MAX; 4];
            }
        }
        s
    }
    /// A key's length bit, and the word and bit of its last byte.
    #[inline(always)]
    fn parts(k: &str) -> (u64, (usize, u64)) {
        let b = k.as_bytes();
        let last = b.last().copied().unwrap_or(0);
        (1 << b.len().min(63), (usize::from(last >> 6), 1 << (last & 63)))
    }
    /// False when `key` is surely no key.
    #[inline(always)]
    fn may_hold(&self, key: &str) -> bool {
        let (len, (w, bit)) = Shape::parts(key);
        self.lens & len != 0 && self.last.get(w).is_some_and(|x| x & bit != 0)
    }
    /// False when `word` surely ends with no key (a key it ends with has
    /// its last byte).
    #[inline(always)]
    fn may_end(&self, word: &str) -> bool {
        let (_, (w, bit)) = Shape::parts(word);
        self.last.get(w).is_some_and(|x| x & bit != 0)
    }
}

/// A table from normalised key to value: sorted for listing, hashed
/// (FNV) for lookups, which the scanner makes for every token. The hash
/// maps a key to its row, so every table has the same map type (one copy
/// of its code in the wasm, not one per value type).
#[derive(Debug)]
pub struct Table<T> {
    sorted: Vec<(String, T)>,
    index: HashMap<String, usize, FnvBuild>,
    shape: Shape,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table { sorted: Vec::new(), index: HashMap::default(), shape: Shape::default() }
    }
}

impl<T: Copy> Table<T> {
    fn new(mut v: Vec<(String, T)>) -> Self {
        crate::recognise::lexicon::sort_rows_by_key(&mut v);
        // The first row of a repeated key wins, as the binary search of
        // the sorted rows found one of them.
        let mut index: HashMap<String, usize, FnvBuild> = HashMap::default();
        for (i, (k, _)) in v.iter().enumerate() {
            index.entry(k.clone()).or_insert(i);
        }
        let shape = Shape::of(v.iter().map(|(k, _)| k.as_str()));
        Table { sorted: v, index, shape }
    }
    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<T> {
        if !self.shape.may_hold(key) {
            return None;
        }
        self.index.get(key).and_then(|&i| self.sorted.get(i)).map(|r| r.1)
    }
    /// All keys, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.sorted.iter().map(|(k, _)| k.as_str())
    }
}

/// A set of normalised words: sorted for listing, hashed for lookups.
#[derive(Debug, Default)]
pub struct List {
    sorted: Vec<String>,
    index: HashSet<String, FnvBuild>,
    shape: Shape,
}

impl List {
    fn new(mut v: Vec<String>) -> Self {
        crate::sort::sort(&mut v);
        v.dedup();
        let index = v.iter().cloned().collect();
        let shape = Shape::of(v.iter().map(String::as_str));
        List { sorted: v, index, shape }
    }
    /// Whether `key` is in the list.
    pub fn has(&self, key: &str) -> bool {
        self.shape.may_hold(key) && self.index.contains(key)
    }
    /// All words, sorted.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.sorted.iter().map(String::as_str)
    }
    /// Whether `word` ends with a word of the list (the last byte tested
    /// first: most words end with none).
    pub fn ends(&self, word: &str) -> bool {
        self.shape.may_end(word) && self.sorted.iter().any(|k| word.ends_with(k.as_str()))
    }
}

/// A month written as two words: the first word, the second without its
/// article ("تشرين الأول" is ("تشرين", "اول")), the month.
pub type TwoWords = Vec<(String, String, u8)>;

/// A holiday on a fixed day: its words, the calendar ('h' Hijri, 'g'
/// Gregorian, 'w' the nth weekday of a Gregorian month, 'a' the first
/// weekday on or after a day), month and day (for 'w': n * 10 + weekday, 0
/// Monday: 43 is the fourth Thursday; for 'a': day * 10 + weekday, 21 the
/// first Tuesday on or after the 2nd).
pub type Holiday = (Vec<String>, char, u8, u8);

/// Every time word list. See `data/curated/time_words.tsv` for the words.
#[derive(Debug, Default)]
pub struct Words {
    /// Gregorian month names and abbreviations, in one word.
    pub months: Table<(u8, Cue)>,
    /// English month abbreviations ("Dec."): months only next to numbers.
    pub abbreviations: List,
    /// Gregorian months written as two words (Levantine).
    pub two_word_months: TwoWords,
    /// Hijri months in one word. "صفر" is also "zero": read only between a
    /// day and a year, or with a cue.
    pub hijri_months: Table<u8>,
    /// Hijri months written as two words.
    pub hijri_two_word_months: TwoWords,
    /// The second words of `two_word_months` and of
    /// `hijri_two_word_months`: a month's two words are looked for only
    /// before one of these.
    pub two_word_seconds: List,
    pub hijri_two_word_seconds: List,
    /// `weekday`: 0 = Monday. Arabic ones carry the article ("الخميس").
    pub weekdays: Table<u8>,
    /// `number`: small cardinals of "two days ago", "منذ ثلاثة أيام".
    pub numbers: Table<u32>,
    /// `unit`: unit words and the count the word itself carries (Arabic
    /// singular 1 and dual 2: "يومين" is two days), 0 when a number must
    /// come before it.
    pub units: Table<(Unit, u32)>,
    /// `direction_ar`: adjectives after a period or weekday, -1 past
    /// ("الماضي"), 0 current ("الجاري"), +1 coming ("المقبل").
    pub directions_ar: Table<i8>,
    /// `direction_en`: words before a period, weekday or month (-1, 0, +1).
    pub directions_en: Table<i8>,
    /// `cue_en`: words before a month, weekday or year that make it a date.
    pub cues_en: List,
    /// `month_cue_en`: the stronger cues an ambiguous month needs ("in May").
    pub month_cues_en: List,
    /// `relative_day`: single-word days relative to publication, in days.
    pub relative_days: Table<i64>,
    /// `period`: nouns of calendar periods ("the past week", "الشهر المقبل").
    pub periods: Table<Unit>,
    /// `ordinal_day`: Arabic ordinal days ("الثامن من ديسمبر").
    pub ordinal_days: Table<u8>,
    /// `season_ar`, `season_en`: seasons by their first month.
    pub seasons_ar: Table<u8>,
    pub seasons_en: Table<u8>,
    /// `weekend_en`: the English weekend noun.
    pub weekend_en: List,
    /// `quarter_ordinal_en` ("third quarter"), `quarter_ordinal_ar` ("الربع الثالث").
    pub quarter_ordinals_en: Table<u8>,
    pub quarter_ordinals_ar: Table<u8>,
    /// `relative_phrase`: fixed phrases of a day relative to publication
    /// ("بعد غد", "the day before yesterday"), in days.
    pub relative_phrases: Vec<(Vec<String>, i64)>,
    /// Their first words: a word none of these starts none of them.
    pub relative_first: List,
    /// `anchored`: phrases of a date relative to the date mentioned before
    /// ("the next day", "a year earlier", "اليوم التالي"): words, count,
    /// step. Longest phrase first.
    pub anchored: Vec<(Vec<String>, i64, Step)>,
    /// The first words of `anchored`, so most tokens are ruled out at once,
    /// each with the range of `anchored` its phrases take.
    pub anchored_first: Table<(usize, usize)>,
    /// `anchored_direction_en`: "later" (+1) and "earlier" (-1) after a count
    /// and unit ("two days later").
    pub anchored_directions_en: Table<i64>,
    /// `fiscal`: "fiscal 1989", "السنة المالية 2022".
    pub fiscal: List,
    /// `reference`: time expressions that name no date ("now", "recently",
    /// "in the future", "الآن", "مؤخرا"): words and -1 past, 0 present, +1
    /// future. Longest phrase first.
    pub references: Vec<(Vec<String>, i8)>,
    /// The first words of `references`.
    pub references_first: List,
    /// `references` and `vague_reference`: words that place a clause only
    /// roughly and that TimeML does not mark ("earlier", "soon", "سابقا",
    /// "لاحقا"); for placing undated events. Longest phrase first.
    pub placements: Vec<(Vec<String>, i8)>,
    /// The first words of `placements`.
    pub placements_first: List,
    /// `reference_count`: vague counts after which a reference starts a
    /// duration ("the past few months").
    pub reference_counts: List,
    /// `or`: "or"/"أو" between two years.
    pub or: List,
    /// `holiday`: fixed holidays, longest phrase first.
    pub holidays: Vec<Holiday>,
    /// The first words of `holidays`: a token neither these nor a known
    /// stem starts none.
    pub holiday_first: List,
    /// `part_of_period_ar` ("أواخر", "مطلع"), `part_of_period_en` ("early", "mid").
    pub part_of_period_ar: List,
    pub part_of_period_en: List,
    /// `event_noun_ar`: events often named by their year ("حرب 1967").
    pub event_nouns_ar: List,
    /// `event_ordinal_ar`: ordinals after such a noun ("الانتفاضة الأولى 1987").
    pub event_ordinals_ar: List,
    /// `determiner_en`: before a year used as a modifier ("the 1996 bombing").
    pub determiners_en: List,
    /// `year_phrase`: phrases naming a year relative to publication without
    /// a direction word ("the current year", "year-end", "نهاية العام"), in years.
    pub year_phrases: Vec<(Vec<String>, i32)>,
    /// `month_phrase`: the same for a month ("the end of the month", "مطلع
    /// الشهر"), in months.
    pub month_phrases: Vec<(Vec<String>, i32)>,
    /// The first words of `year_phrases` and `month_phrases`: a token
    /// with neither these as its word nor as a stem starts none.
    pub phrases_first: List,
    /// `year_prefix_en`: "post-1959", "pre-2000": the year is a date.
    pub year_prefixes_en: List,
    /// `every`: "each", "every", "كل" before a weekday: a recurring day.
    pub every_words: List,
    /// `spoken_number_en`: number words of years said aloud ("nineteen",
    /// "ninety", "six", "hundred", "thousand").
    pub spoken_numbers_en: Table<u32>,
    /// `decade_word`: "nineties", "التسعينيات": the decade's first year.
    pub decade_words: Table<u32>,
    /// `century_noun`: "century", "القرن".
    pub century_nouns: List,
    /// `century_ordinal_ar`: "العشرين", "التاسع عشر" after "القرن".
    pub century_ordinals: Table<u32>,
    /// `age_noun_ar`: "عمره" in "في الثمانينات من عمره" (an age, not a decade).
    pub age_nouns_ar: List,
    /// `weak_future_en`: future markers of reported speech ("would"),
    /// which mark a later date only within its own phrase.
    pub weak_future_en: List,
    /// `sooner_en`: "as early as", "as soon as" before a date: the future.
    pub sooner_en: List,
    /// `count_noun_en`: words after a number that make it a count, not a
    /// year ("1990 shares", "2000 people").
    pub units_after_year_en: List,
    /// `range_opener` ("between", "من"), `range_joiner` ("and", "إلى").
    pub range_openers: List,
    /// `range_and_opener`: the range openers that take "and" or "و" as
    /// their joiner ("between 1994 and 1997", "بين 2010 و2014"); after the
    /// others ("from 2019 and 2020", "من عامي 2019 و2020") two dates joined
    /// by "and" are two dates, not a range.
    pub range_and_openers: List,
    /// `range_and_joiner`: the joiners that need such an opener ("and", "و").
    pub range_and_joiners: List,
    pub range_joiners: List,
    /// `day_range_joiner_en`: joiners of "December 8 to 10".
    pub day_range_joiners_en: List,
    /// `present_age_noun_en`: nouns after "today's" that make it the
    /// present age ("today's world"), not the day.
    pub present_age_nouns_en: List,
    /// `planned_before_for_en`: words before "for" that make the date after
    /// it a planned one ("set for Sunday").
    pub planned_before_for_en: List,
    /// `ahead_of_en`: "ahead" of "ahead of Sunday's election".
    pub ahead_of_en: List,
    /// `deadline`: words that make a month or day after them a deadline
    /// ("by February", "until Jan. 15", "بحلول فبراير").
    pub deadlines: List,
    /// `planned_before_to_en`: words before "to" that make the verb after
    /// it a planned event ("is to resume", "set to meet").
    pub planned_before_to_en: List,
    /// `day_list_joiner_en`: "and" of "April 24 and 25".
    pub day_list_joiners_en: List,
    /// `year_noun_ar` ("عام", kept in the span), `year_cue_ar` ("منذ").
    pub year_nouns_ar: List,
    pub year_cues_ar: List,
    /// `not_year_before_ar`: a number after these is not a year ("القرار 2254").
    pub not_year_before_ar: List,
    /// `not_today_before`, `not_today_after`: "اليوم" is a name or another day.
    pub not_today_before: List,
    pub not_today_after: List,
    /// `day_noun_ar`: before an Arabic weekday that make it a date ("يوم").
    pub day_nouns_ar: List,
    /// `trailing_period_en`: "the past week", "the past month": the week
    /// or month just before publication (not the calendar one).
    pub trailing_periods_en: List,
    /// `day_part_en`: "Thursday morning" is still that day.
    pub day_parts_en: List,
    /// `recurring_day_part_en`: "nights" of "Tuesday nights", a recurring
    /// day, not a date.
    pub recurring_day_parts_en: List,
    /// `recurring_day_noun_ar`: "أيام" of "أيام الجمعة" (on Fridays).
    pub recurring_day_nouns_ar: List,
    /// `weekday_name_en`: capitalised words that make a weekday a name.
    pub weekday_names_en: List,
    /// `future_marker`: words that put the clause in the future.
    pub future_markers: List,
    /// `past_marker`: past-tense words that put a weekday next to them in
    /// the past ("said", "met", "قال", "التقى"); English verbs in "-ed"
    /// count without a row.
    pub past_markers: List,
    /// `be_form_en`: forms of "be" after which a participle ("held",
    /// "planned") is no past tense.
    pub be_forms_en: List,
    /// `perfect_aux_en`: "has", "have": "has extended the offer until
    /// Friday" puts no past on the day.
    pub perfect_aux_en: List,
    /// `present_plural_en`: verbs in the present (plural) that with a day
    /// name a coming event ("Voters head to the polls Sunday").
    pub present_plural_en: List,
    /// `not_finite_before_en`: words after which such a verb is no present
    /// tense ("to meet", "did not meet").
    pub not_finite_before_en: List,
    /// `tense_stop`: words after a weekday that start another verb's
    /// phrase ("on Saturday and were planning"): the look-ahead for its
    /// tense stops there.
    pub tense_stops: List,
    /// `year_cue_loose_en`: words before a year that make it a date only
    /// when no other word follows it ("dating to 1994.", "for 1988,").
    pub year_cues_loose_en: List,
    /// `stem_cue`: single cue words looked up through clitic stems.
    pub stem_cues: List,
    /// `month_epithet_ar` ("رمضان المبارك"), `holiday_epithet_ar` ("عيد الفطر السعيد").
    pub month_epithets_ar: List,
    pub holiday_epithets_ar: List,
    /// `hijri_mark` ("هـ", "هجري"), `era_mark` ("م", "ميلادي").
    pub hijri_marks: List,
    pub era_marks: List,
    /// `ordinal_suffix_en`: "8th".
    pub ordinal_suffixes_en: List,
    /// `this_ar`: demonstratives of "هذا العام".
    pub this_ar: List,
    /// `of`: "of"/"من" between a day, month and year.
    pub of: List,
    /// `reporting_period_en`: nouns of a period a business story reports on
    /// ("the 1988 quarter", "the year-ago period").
    pub reporting_periods_en: List,
    /// `year_ago_en`: "ago", "earlier" of "the year-ago quarter", "a year earlier".
    pub year_ago_en: List,
    /// `same_period_en`: "same", "corresponding" of "the same period last year".
    pub same_period_en: List,
    /// `fiscal_direction_en`: words before "fiscal year" ("last", "current",
    /// "latest"), in years from publication's.
    pub fiscal_directions_en: Table<i8>,
    /// `quarter_direction_en`: words before "quarter" that count from
    /// publication's quarter ("the current quarter", "next quarter").
    pub quarter_directions_en: List,
    /// `period_noun_ar` ("الفترة"), `same_period_ar` ("نفسها", "نفس"): "الفترة
    /// نفسها من العام الماضي".
    pub period_nouns_ar: List,
    /// `object_preposition_en`: the last word of "the day before" that takes
    /// the words after it as its object ("the day before the vote").
    pub object_prepositions_en: List,
    pub same_period_ar: List,
    /// The labels the interface shows: (lang, calendar, month) to written form.
    labels: Vec<((&'static str, char, u8), &'static str)>,
}

/// Normalised lower-case key of a table word.
fn key(s: &str) -> String {
    crate::text::normalize(s).to_lowercase()
}

/// Splits a normalised two-word month into first word and article-less second.
fn two_words(k: &str) -> Option<(String, String)> {
    let (a, b) = k.split_once(' ')?;
    Some((a.to_string(), b.strip_prefix("ال").unwrap_or(b).to_string()))
}

/// Sorts phrase rows longest phrase first, then by their words, stably;
/// `words` gives a row's phrase.
fn longest_first<T>(rows: &mut [T], words: impl Fn(&T) -> &Vec<String>) {
    crate::sort::sort_by(rows, |a, b| {
        let (a, b) = (words(a), words(b));
        b.len().cmp(&a.len()).then_with(|| a.cmp(b))
    });
}

/// The first word of each phrase row.
fn phrases_first<T>(rows: &[(Vec<String>, T)]) -> impl Iterator<Item = String> + '_ {
    rows.iter().filter_map(|r| r.0.first().cloned())
}

fn load() -> Words {
    let mut w = Words::default();
    let mut months = Vec::new();
    let mut abbreviations = Vec::new();
    let mut hijri = Vec::new();
    for r in rows(MONTHS_TSV).filter(|r| r.len() >= 6) {
        let (word, lang, cal, flags) = (r[0], r[1], r[2], r[4]);
        let Ok(m) = r[3].parse::<u8>() else { continue };
        let k = key(word);
        let flag = |f: &str| flags.split(',').any(|x| x == f);
        if flag("ui") {
            w.labels.push(((lang, cal.chars().next().unwrap_or('g'), m), word));
        }
        match (cal, two_words(&k)) {
            ("g", Some((a, b))) => w.two_word_months.push((a, b, m)),
            ("h", Some((a, b))) => w.hijri_two_word_months.push((a, b, m)),
            ("h", None) => hijri.push((k, m)),
            _ => {
                if flag("abbr") {
                    abbreviations.push(k.clone());
                }
                months.push((k, (m, if flag("context") { Cue::Context } else { Cue::Free })));
            }
        }
    }
    w.months = Table::new(months);
    w.hijri_months = Table::new(hijri);
    w.two_word_seconds = List::new(w.two_word_months.iter().map(|r| r.1.clone()).collect());
    w.hijri_two_word_seconds = List::new(w.hijri_two_word_months.iter().map(|r| r.1.clone()).collect());
    w.abbreviations = List::new(abbreviations);
    let mut tables: crate::vecmap::VecMap<&str, Vec<(String, &str)>> = Default::default();
    let mut name = "";
    for r in rows(TIME_WORDS_TSV) {
        // a row without a name is in the list above
        if !r[0].is_empty() {
            name = r[0];
        }
        if r.len() >= 4 {
            tables.get_or_insert_with(name, Vec::new).push((key(r[1]), r[2]));
        }
    }
    let mut take = |name: &str| tables.remove(name).unwrap_or_default();
    fn num<T: std::str::FromStr + Copy>(v: Vec<(String, &str)>) -> Table<T> {
        Table::new(v.into_iter().filter_map(|(k, x)| Some((k, x.parse().ok()?))).collect())
    }
    /// Rows keyed by a phrase: its words, and the value parsed.
    fn phrases<T: std::str::FromStr>(v: Vec<(String, &str)>) -> Vec<(Vec<String>, T)> {
        v.into_iter().filter_map(|(k, x)| Some((k.split(' ').map(str::to_string).collect(), x.parse().ok()?))).collect()
    }
    fn list(v: Vec<(String, &str)>) -> List {
        List::new(v.into_iter().map(|(k, _)| k).collect())
    }
    w.weekdays = num(take("weekday"));
    w.numbers = num(take("number"));
    w.units = Table::new(
        take("unit")
            .into_iter()
            .filter_map(|(k, v)| {
                let (u, n) = v.split_once(' ')?;
                Some((k, (Unit::parse(u)?, n.parse().ok()?)))
            })
            .collect(),
    );
    w.directions_ar = num(take("direction_ar"));
    w.directions_en = num(take("direction_en"));
    w.cues_en = list(take("cue_en"));
    w.month_cues_en = list(take("month_cue_en"));
    w.relative_days = num(take("relative_day"));
    w.periods = Table::new(take("period").into_iter().filter_map(|(k, v)| Some((k, Unit::parse(v)?))).collect());
    w.ordinal_days = num(take("ordinal_day"));
    w.seasons_ar = num(take("season_ar"));
    w.seasons_en = num(take("season_en"));
    w.weekend_en = list(take("weekend_en"));
    w.quarter_ordinals_en = num(take("quarter_ordinal_en"));
    w.quarter_ordinals_ar = num(take("quarter_ordinal_ar"));
    let mut holidays: Vec<Holiday> = take("holiday")
        .into_iter()
        .filter_map(|(k, v)| {
            let mut it = v.split(' ');
            let cal = it.next()?.chars().next()?;
            let (m, d) = (it.next()?.parse().ok()?, it.next()?.parse().ok()?);
            Some((k.split(' ').map(str::to_string).collect(), cal, m, d))
        })
        .collect();
    // Longest phrase first: "christmas eve" before "christmas".
    longest_first(&mut holidays, |r| &r.0);
    w.holiday_first = List::new(holidays.iter().filter_map(|h| h.0.first().cloned()).collect());
    w.holidays = holidays;
    w.relative_phrases = take("relative_phrase")
        .into_iter()
        .filter_map(|(k, v)| Some((k.split(' ').map(str::to_string).collect(), v.parse().ok()?)))
        .collect();
    w.relative_first = List::new(w.relative_phrases.iter().filter_map(|r| r.0.first().cloned()).collect());
    w.or = list(take("or"));
    let mut anchored: Vec<(Vec<String>, i64, Step)> = take("anchored")
        .into_iter()
        .filter_map(|(k, v)| {
            let (n, step) = v.split_once(' ')?;
            let step = match step {
                "day" => Step::Day,
                "week" => Step::Week,
                "year" => Step::Year,
                "calendar-month" => Step::CalendarMonth,
                "calendar-year" => Step::CalendarYear,
                "quarter" => Step::Quarter,
                _ => return None,
            };
            Some((k.split(' ').map(str::to_string).collect(), n.parse().ok()?, step))
        })
        .collect();
    longest_first(&mut anchored, |r| &r.0);
    // Grouped by first word (a stable sort keeps the longest first within
    // a group, and only phrases with the same first word compete).
    crate::sort::sort_by(&mut anchored, |a, b| a.0.first().cmp(&b.0.first()));
    let mut groups: Vec<(String, (usize, usize))> = Vec::new();
    for (k, a) in anchored.iter().enumerate() {
        let Some(f) = a.0.first() else { continue };
        match groups.last_mut() {
            Some((g, (_, end))) if g == f => *end = k + 1,
            _ => groups.push((f.clone(), (k, k + 1))),
        }
    }
    w.anchored_first = Table::new(groups);
    w.anchored = anchored;
    w.anchored_directions_en = num(take("anchored_direction_en"));
    w.fiscal = list(take("fiscal"));
    let mut references: Vec<(Vec<String>, i8)> = phrases(take("reference"));
    let mut placements: Vec<(Vec<String>, i8)> = references.clone();
    placements.extend(phrases::<i8>(take("vague_reference")));
    longest_first(&mut references, |r| &r.0);
    longest_first(&mut placements, |r| &r.0);
    w.references_first = List::new(references.iter().filter_map(|r| r.0.first().cloned()).collect());
    w.references = references;
    w.placements_first = List::new(placements.iter().filter_map(|r| r.0.first().cloned()).collect());
    w.placements = placements;
    w.reference_counts = list(take("reference_count"));
    w.part_of_period_ar = list(take("part_of_period_ar"));
    w.part_of_period_en = list(take("part_of_period_en"));
    w.event_nouns_ar = list(take("event_noun_ar"));
    w.event_ordinals_ar = list(take("event_ordinal_ar"));
    w.determiners_en = list(take("determiner_en"));
    let mut year_phrases: Vec<(Vec<String>, i32)> = phrases(take("year_phrase"));
    longest_first(&mut year_phrases, |r| &r.0);
    w.year_phrases = year_phrases;
    let mut month_phrases: Vec<(Vec<String>, i32)> = phrases(take("month_phrase"));
    longest_first(&mut month_phrases, |r| &r.0);
    w.phrases_first = List::new(phrases_first(&w.year_phrases).chain(phrases_first(&month_phrases)).collect());
    w.month_phrases = month_phrases;
    w.year_prefixes_en = list(take("year_prefix_en"));
    w.every_words = list(take("every"));
    w.spoken_numbers_en = num(take("spoken_number_en"));
    w.decade_words = num(take("decade_word"));
    w.century_nouns = list(take("century_noun"));
    w.century_ordinals = num(take("century_ordinal_ar"));
    w.age_nouns_ar = list(take("age_noun_ar"));
    w.weak_future_en = list(take("weak_future_en"));
    w.sooner_en = list(take("sooner_en"));
    w.units_after_year_en = list(take("count_noun_en"));
    w.range_openers = list(take("range_opener"));
    w.range_and_openers = list(take("range_and_opener"));
    w.range_and_joiners = list(take("range_and_joiner"));
    w.range_joiners = list(take("range_joiner"));
    w.day_range_joiners_en = list(take("day_range_joiner_en"));
    w.day_list_joiners_en = list(take("day_list_joiner_en"));
    w.planned_before_to_en = list(take("planned_before_to_en"));
    w.deadlines = list(take("deadline"));
    w.planned_before_for_en = list(take("planned_before_for_en"));
    w.ahead_of_en = list(take("ahead_of_en"));
    w.present_age_nouns_en = list(take("present_age_noun_en"));
    w.year_nouns_ar = list(take("year_noun_ar"));
    w.year_cues_ar = list(take("year_cue_ar"));
    w.not_year_before_ar = list(take("not_year_before_ar"));
    w.not_today_before = list(take("not_today_before"));
    w.not_today_after = list(take("not_today_after"));
    w.day_nouns_ar = list(take("day_noun_ar"));
    w.day_parts_en = list(take("day_part_en"));
    w.recurring_day_parts_en = list(take("recurring_day_part_en"));
    w.recurring_day_nouns_ar = list(take("recurring_day_noun_ar"));
    w.trailing_periods_en = list(take("trailing_period_en"));
    w.weekday_names_en = list(take("weekday_name_en"));
    w.future_markers = list(take("future_marker"));
    w.past_markers = list(take("past_marker"));
    w.be_forms_en = list(take("be_form_en"));
    w.perfect_aux_en = list(take("perfect_aux_en"));
    w.present_plural_en = list(take("present_plural_en"));
    w.not_finite_before_en = list(take("not_finite_before_en"));
    w.tense_stops = list(take("tense_stop"));
    w.year_cues_loose_en = list(take("year_cue_loose_en"));
    w.stem_cues = list(take("stem_cue"));
    w.month_epithets_ar = list(take("month_epithet_ar"));
    w.holiday_epithets_ar = list(take("holiday_epithet_ar"));
    w.hijri_marks = list(take("hijri_mark"));
    w.era_marks = list(take("era_mark"));
    w.ordinal_suffixes_en = list(take("ordinal_suffix_en"));
    w.this_ar = list(take("this_ar"));
    w.of = list(take("of"));
    w.reporting_periods_en = list(take("reporting_period_en"));
    w.year_ago_en = list(take("year_ago_en"));
    w.same_period_en = list(take("same_period_en"));
    w.fiscal_directions_en = num(take("fiscal_direction_en"));
    w.quarter_directions_en = list(take("quarter_direction_en"));
    w.period_nouns_ar = list(take("period_noun_ar"));
    w.object_prepositions_en = list(take("object_preposition_en"));
    w.same_period_ar = list(take("same_period_ar"));
    debug_assert!(tables.is_empty(), "unknown time word lists: {:?}", tables.keys().collect::<Vec<_>>());
    w
}

/// The time words, loaded on first use.
pub fn w() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(load)
}

/// Whether a normalised English word looks like a regular past form or
/// participle ("condemned", "visited"; not "need", "feed", "red").
pub fn past_form_en(key: &str) -> bool {
    key.len() > 4 && key.ends_with("ed") && !key.ends_with("eed")
}

/// The month and its cue for a normalised word.
pub fn month(key: &str) -> Option<(u8, Cue)> {
    w().months.get(key)
}

/// The name the interface shows for a month: `lang` "ar" or "en",
/// `calendar` 'g' (Gregorian) or 'h' (Hijri), `month` 1..=12; "" when
/// there is none. The interface's dates use it (a wasm-only caller).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn month_label(lang: &str, calendar: char, month: u8) -> &'static str {
    w().labels.iter().find(|(k, _)| *k == (lang, calendar, month)).map_or("", |(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sourced_sorted_and_all_read() {
        let (months, time_words) =
            (include_str!("../../data/curated/months.tsv"), include_str!("../../data/curated/time_words.tsv"));
        crate::recognise::lexicon::check_table("months.tsv", months, 6);
        crate::recognise::lexicon::check_table("time_words.tsv", time_words, 4);
        crate::tsv::check_reads_as_file(months, MONTHS_TSV, 5);
        crate::tsv::check_reads_as_file_with(time_words, TIME_WORDS_TSV, 3, true);
        let rows_in = |src: &'static str| rows(src).count();
        let w = w();
        let read = w.months.sorted.len()
            + w.two_word_months.len()
            + w.hijri_months.sorted.len()
            + w.hijri_two_word_months.len();
        assert_eq!(read, rows_in(MONTHS_TSV), "a month row was not read");
        // Every list of time_words.tsv is read (the loader removes each it takes).
        let mut names: Vec<&str> = rows(time_words).map(|r| r[0]).collect();
        names.dedup();
        let t = load();
        assert!(t.weekdays.get("الخميس") == Some(3) && t.units.get("يومين") == Some((Unit::Day, 2)));
        assert!(names.len() >= 40, "{names:?}");
    }

    #[test]
    fn lookups() {
        assert_eq!(month("ديسمبر"), Some((12, Cue::Free)));
        assert_eq!(month("may"), Some((5, Cue::Context)));
        assert_eq!(w().weekdays.get("الخميس"), Some(3));
        assert_eq!(w().units.get("يومين"), Some((Unit::Day, 2)));
        assert!(w().abbreviations.has("sept") && !w().abbreviations.has("may"));
        assert!(w().two_word_months.contains(&("تشرين".to_string(), "اول".to_string(), 10)));
        assert!(w().hijri_two_word_months.contains(&("ذو".to_string(), "حجه".to_string(), 12)));
        assert_eq!(w().holidays.first().map(|h| h.0.len()), Some(3));
        assert_eq!(month_label("ar", 'g', 4), "أبريل");
        assert_eq!(month_label("en", 'g', 12), "Dec");
        assert_eq!(month_label("ar", 'h', 10), "شوال");
        for m in 1..=12 {
            for l in ["ar", "en"] {
                assert!(!month_label(l, 'g', m).is_empty(), "{l} {m}");
            }
            assert!(!month_label("ar", 'h', m).is_empty(), "hijri {m}");
        }
    }

    #[test]
    fn the_shape_test_rules_out_no_key() {
        // every key passes its table's shape test, and a word the test
        // lets through or not gets the hash set's answer
        let w = w();
        let words: Vec<String> = w
            .months
            .keys()
            .chain(w.units.keys())
            .chain(w.directions_en.keys())
            .chain(w.of.iter())
            .chain(w.range_joiners.iter())
            .map(str::to_string)
            .chain(["", "a", "the", "في", "قال", "yesterday", "مايو", "x".repeat(70).as_str()].map(str::to_string))
            .collect();
        for k in w.months.keys() {
            assert!(w.months.shape.may_hold(k) && w.months.get(k).is_some(), "{k}");
        }
        for k in w.of.iter() {
            assert!(w.of.shape.may_hold(k) && w.of.has(k), "{k}");
        }
        for word in &words {
            assert_eq!(w.months.get(word).is_some(), w.months.index.contains_key(word.as_str()), "{word}");
            assert_eq!(w.units.get(word).is_some(), w.units.index.contains_key(word.as_str()), "{word}");
            let row = w.directions_en.index.get(word.as_str()).map(|&i| w.directions_en.sorted[i].1);
            assert_eq!(w.directions_en.get(word), row, "{word}");
            assert_eq!(w.of.has(word), w.of.index.contains(word.as_str()), "{word}");
            assert_eq!(w.range_joiners.has(word), w.range_joiners.index.contains(word.as_str()), "{word}");
        }
        let empty = List::new(vec![String::new()]);
        assert!(empty.has("") && !empty.has("a"));
        // `ends` answers as a scan of every word does
        for list in [&w.century_nouns, &w.age_nouns_ar, &w.of, &empty, &List::default()] {
            for word in words.iter().map(String::as_str).chain(["القرن", "بالقرن", "قرنين", "عمر"]) {
                assert_eq!(list.ends(word), list.iter().any(|k| word.ends_with(k)), "{word}");
            }
        }
        assert!(!List::default().has("") && Table::<u8>::default().get("").is_none());
    }
}
