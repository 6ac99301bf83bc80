//! The data that flows through the pipeline: [`Article`] in, [`Analysis`] out.
//!
//! These types are the contract between the layers and with JavaScript: their
//! JSON form (serde) is what the CLI prints and what `analyze` returns in JS;
//! [`crate::model_read`] reads it back.
//! Offsets (`start`, `end`) are always Unicode code points into
//! [`Analysis::text`].

#[cfg(not(target_arch = "wasm32"))]
use serde::Deserialize;
use serde::Serialize;

/// A calendar date in the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Ymd {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// The publication date as the input gave it, and what it parsed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Published {
    /// The string exactly as it appeared in the input.
    pub raw: String,
    /// The parsed day, if the string could be read.
    pub date: Option<Ymd>,
}

/// Text direction of a paragraph or of the whole article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Dir {
    #[default]
    Ltr,
    Rtl,
}

/// One article, whatever format it came in.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Article {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Published>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// BCP 47 primary language subtag, lowercase ("ar", "en", ...).
    pub lang: String,
    /// Direction of the article as a whole (from its language or script).
    pub dir: Dir,
    /// Body paragraphs as plain text (markup already removed).
    pub paragraphs: Vec<String>,
    /// Direction of each paragraph (same length as `paragraphs`), from the
    /// script most of its letters are in; mixed articles differ per paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraph_dirs: Vec<Dir>,
    /// Problems that did not stop parsing (an unreadable date, say).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// What a mention or entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Organization,
    Place,
    Date,
    Event,
}

impl EntityType {
    pub const ALL: [EntityType; 5] =
        [EntityType::Person, EntityType::Organization, EntityType::Place, EntityType::Date, EntityType::Event];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Place => "place",
            EntityType::Date => "date",
            EntityType::Event => "event",
        }
    }
}

/// A stretch of [`Analysis::text`] that names an entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Mention {
    /// First code point of the mention in `Analysis::text`.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Id of the entity in `Analysis::entities`.
    pub entity: String,
    /// How the text refers to the entity: by a name (the default, left out
    /// of JSON), by a nationality word linked to the country, by a bare
    /// head noun linked to an organisation ("التحالف"), or by a place name
    /// inside an organisation's name (the one mention nested in another).
    #[serde(default, skip_serializing_if = "MentionForm::is_name")]
    pub form: MentionForm,
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum MentionForm {
    /// A name of the entity ("Saudi Arabia", "السعودية" after في).
    #[default]
    Name,
    /// A nationality adjective or demonym ("Russian officials",
    /// "Palestinians", "السفارة السعودية"): a lighter reference to the
    /// country, whose place entity it links to; never a place name itself.
    Demonym,
    /// An organisation's bare head noun, linked to the organisation named
    /// earlier ("التحالف" after "التحالف الدولي"): a reference the reader
    /// follows, not a name (news NER corpora do not mark it).
    Reference,
    /// A place named inside an organisation's name ("Kentucky" in
    /// "University of Kentucky", "Laurel County" in "Laurel County
    /// Sheriff's Office", "U.S." in "U.S. Army", "دبي" in "شرطة دبي"): like
    /// a nationality word, a lighter reference linked to the place's entity
    /// and pinned with it, nested in the organisation's mention, which keeps
    /// the name (news NER corpora mark the organisation only).
    Within,
}

impl MentionForm {
    pub fn is_name(&self) -> bool {
        *self == MentionForm::Name
    }
}

/// A name in both languages (either may be missing).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Names {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ar: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// What kind of place a place entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    Continent,
    Region,
    Country,
    Province,
    City,
    Site,
}

/// A place candidate considered while resolving a place mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Candidate {
    pub id: String,
    pub name: String,
    pub kind: PlaceKind,
    pub lat: f64,
    pub lon: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub score: f64,
}

/// Where a place entity is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PlaceInfo {
    pub lat: f64,
    pub lon: f64,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of the country the place is in (or is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Rough radius in km for regions and countries (drawn as a circle or shape).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub radius_km: Option<f64>,
    /// The gazetteer id of the chosen place.
    pub gazetteer_id: String,
    /// The runner-up candidates, best first, with their scores.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Candidate>,
    /// The reader moved this place ([`crate::correct`]); the analysed
    /// choice is then the first candidate.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub corrected: bool,
}

/// Something the article refers to, perhaps several times.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Entity {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Display name in the article's language.
    pub name: String,
    pub names: Names,
    /// How many mentions refer to this entity.
    pub mentions: usize,
    /// Ordering weight for lists (higher first).
    pub salience: f64,
    #[serde(default, flatten, skip_serializing_if = "Option::is_none")]
    pub place: Option<PlaceInfo>,
    /// For an organisation: the places its name refers to ("اللجنة
    /// الأولمبية السعودية", "Bank of Japan") that the article also
    /// mentions, by their entity ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
}

/// How precise a normalised date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
    Range,
}

/// How a date's value was worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Derivation {
    /// The text names the date ("8 December 2022").
    Explicit,
    /// Counted from the publication date ("yesterday", "next month").
    Relative,
    /// A weekday resolved against the publication date ("on Thursday").
    Weekday,
}

/// A normalised date (or date range).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct DateValue {
    /// ISO 8601: "2022-12-08", "2022-12", "2022", or "2022-12-01/2022-12-07".
    pub value: String,
    /// First day covered.
    pub start: Ymd,
    /// Last day covered (equal to `start` for a day).
    pub end: Ymd,
    pub precision: Precision,
    pub derivation: Derivation,
}

/// A date mentioned in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Id of the date entity of this mention.
    pub entity: String,
    /// The normalised date (nested: its own `start`/`end` are days, not
    /// offsets).
    pub date: DateValue,
}

/// When an event happens relative to the article's publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Before,
    On,
    After,
    Upcoming,
    Unknown,
}

/// An approximate placement: the event happened (or happens) somewhere
/// between two days, either of which may be open, as the words `cue` say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Approx {
    /// On or after this day (none: no lower bound).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Ymd>,
    /// On or before this day (none: no upper bound).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Ymd>,
    /// The words of the text that place it, as written ("مؤخرا", "before
    /// the meeting").
    pub cue: String,
}

/// A meeting, summit, visit or the like.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Event {
    pub id: String,
    /// meeting, summit, visit, talks, conference, call, ...
    pub kind: String,
    /// The trigger word as it appears in the text.
    pub trigger: String,
    /// Where the trigger is in `Analysis::text`.
    pub trigger_start: usize,
    pub trigger_end: usize,
    /// A short label in the article's language.
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateValue>,
    pub relation: Relation,
    /// For an undated event whose clause places it only roughly ("مؤخرا",
    /// "earlier", "before the meeting"): where it lies. Never a date: the
    /// timeline lists it with the undated events, marked approximate, and
    /// the calendar export leaves it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approx: Option<Approx>,
    /// Entity id of the place, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Entity ids of people and organisations taking part.
    pub participants: Vec<String>,
    /// The sentence that reports the event (code points into `text`).
    pub start: usize,
    pub end: usize,
}

/// A paragraph of `Analysis::text` (index 0 is the title).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub dir: Dir,
}

/// Everything `analyze` finds in an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Analysis {
    pub lang: String,
    pub dir: Dir,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The publication date as given in the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_raw: Option<String>,
    /// The normalised publication date (ISO 8601 day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Title, then paragraphs, separated by blank lines ("\n\n").
    pub text: String,
    /// Where each block (title first, then paragraphs) is in `text`.
    pub blocks: Vec<Block>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub dates: Vec<DateMention>,
    pub events: Vec<Event>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}
