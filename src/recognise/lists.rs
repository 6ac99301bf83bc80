//! The recogniser's word lists (`data/curated/recognise_words.tsv`,
//! `compass.tsv`) and the per-word facts drawn from them ([`annotate`]).

use super::lexicon::WordSet;
use super::{lexicon, Direction, Feat};
use crate::gazetteer;
use crate::lists::{text as late_list, Late, List};

/// Accessors of the named lists of `data/curated/recognise_words.tsv`,
/// each loaded once: `fn name = ["list", ...];` gives `name()`, the union
/// of those lists.
macro_rules! word_lists {
    ($($(#[$doc:meta])* $vis:vis fn $name:ident = [$($list:literal),+];)*) => {
        $(
            $(#[$doc])*
            $vis fn $name() -> &'static WordSet {
                static S: Late<WordSet> = Late::new();
                S.get(|| lexicon::word_list(&[$($list),+]))
            }
        )*
    };
}

word_lists! {
    /// Arabic function words and reporting verbs: never names, never the
    /// start of a place.
    pub(super) fn ar_stop = ["ar_stop"];
    /// Weekdays, months and time words: they end names and organisations.
    pub(super) fn time_words = ["ar_time", "en_calendar"];
    /// English words that start a sentence or a capitalised run without being
    /// part of a name.
    pub(crate) fn en_stop = ["en_stop", "en_calendar"];
    /// English words that open a sentence after a dotted abbreviation
    /// ("Washington, D.C. The sheriff said"): [`crate::text::sentences`].
    pub(crate) fn en_sentence_openers = ["en_sentence_opener"];
    /// Abbreviations that open a place name ("St. Louis"): their dot does
    /// not break the name ([`super::words::words`]).
    pub(super) fn en_name_abbreviations = ["en_name_abbreviation"];
    /// Heads that start an Arabic organisation name ("وزارة الخارجية").
    pub(super) fn ar_org_heads = ["ar_org_head"];
    /// Definite nouns of state bodies that name one with a nationality
    /// adjective ("السفارة العراقية", "الخارجية التركية"): [`super::org_extent`].
    pub(super) fn ar_state_bodies = ["ar_state_body"];
    /// Heads of institutions named for what they do ("الهيئة العربية
    /// للتصنيع"): [`super::org_tails`].
    pub(super) fn ar_org_purpose_heads = ["ar_org_purpose_head"];
    /// Royal and religious titles an institution is named with ("جامعة
    /// الملك سعود"): [`super::royal_bodies`].
    pub(super) fn ar_royal_titles = ["ar_royal_title"];
    /// Heads of institutions named after a king or a sheikh ("جامعة الملك
    /// سعود"): [`super::royal_bodies`].
    pub(super) fn ar_royal_body_heads = ["ar_royal_body_head"];
    /// Heads that name a body by its town or country ("تلفزيون دبي"):
    /// [`super::org_tails`].
    pub(super) fn ar_place_org_heads = ["ar_place_org_head"];
    /// Prepositions a verbal noun governs ("السيطرة على", "الحد من"): a لـ
    /// noun before one is a purpose, not a name's complement.
    pub(super) fn ar_verbal_prepositions = ["ar_verbal_preposition"];
    /// Organisation heads that may take a bare name ("حركة حماس", "صحيفة عكاظ").
    pub(super) fn ar_named_heads = ["ar_named_head"];
    /// Heads that name a body with a definite genitive ("مجلس الأمة"):
    /// [`super::orgs::construct_org`].
    pub(super) fn ar_construct_heads = ["ar_construct_head"];
    /// Lines of business that make "مصر للطيران" a company.
    pub(super) fn company_lines = ["company_line"];
    /// English words that make a capitalised run an organisation.
    pub(super) fn en_org_heads = ["en_org_head"];
    /// Honorifics and ranks written before a surname ("Mr.", "Sen.").
    pub(super) fn en_honorifics = ["en_honorific"];
    /// Lowercase nouns of a kind of business before its name ("banks").
    pub(super) fn en_business_nouns = ["en_business_noun"];
    /// Lowercase words after a name that make it a firm's ("Pirelli
    /// shares", "Rally's stock"): [`super::firms`].
    pub(super) fn en_firm_after = ["en_firm_after"];
    /// The same, for words that may be verbs ("shares", "stock", "board"):
    /// only after a possessive or before a verb of the market.
    pub(super) fn en_firm_owned = ["en_firm_owned"];
    /// Lowercase nouns before "of" and a name that make it a firm's
    /// ("chairman of Petofi"): [`super::firms`].
    pub(super) fn en_firm_of = ["en_firm_of"];
    /// Lowercase nouns of a trade before "at" and a name that make it a
    /// firm's ("an analyst at Goldman Sachs"): [`super::firms`].
    pub(super) fn en_firm_at = ["en_firm_at"];
    /// Lowercase irregular verbs of the market after a firm's "shares" or
    /// "stock" ("rose", "fell"; every verb in -ed counts too):
    /// [`super::firms`].
    pub(super) fn en_market_verbs = ["en_market_verb"];
    /// Lines of business a company's name joins by "and" ("Savings and
    /// Loan"): [`super::org_edges`].
    pub(super) fn en_org_and_lines = ["en_org_and_line"];
    /// Ranks and offices before a name that the titles list leaves out
    /// ("District Attorney", "Chief Superintendent").
    pub(super) fn en_ranks = ["en_rank"];
    /// Patronymic particles in English spelling ("bin", "ibn").
    pub(super) fn en_patronymics = ["en_patronymic"];
    /// Kin words after a possessive that make its owner a person ("Elian
    /// Gonzalez's father").
    pub(super) fn en_kin = ["en_kin"];
    /// Generational suffixes that end a person's name ("Jr.", "III").
    pub(super) fn en_generationals = ["en_generational"];
    /// Connectors that may sit inside an English name ("Gulf of Mexico",
    /// "Bashar al-Assad", "Marcel de Vink").
    fn en_connectors = ["en_connector"];
    /// Words of the blessings written after a name ("حفظه الله", "رضي
    /// الله عنه"): [`super::person_spans::without_blessing`].
    pub(super) fn ar_blessings = ["ar_blessing"];
    /// Arabic name particles ("بن", "أبو", "عبد", "آل").
    pub(super) fn ar_particles = ["ar_particle"];
    /// Words after which a nisba-shaped word is still read as a place name
    /// ("زار", "جمهوريه"), not as an adjective.
    pub(super) fn adjective_blockers = ["ar_adjective_blocker"];
    /// Arabic locatives before a place ("في", "قرب", "بمدينه").
    pub(super) fn ar_locatives = ["ar_locative"];
    /// English prepositions before a place ("in", "to", "near").
    pub(super) fn en_locatives = ["en_locative"];
    pub(super) fn en_town_within = ["en_town_within"];
    /// English words that label a number of their own ("Route 66",
    /// "Division 2"): no team before a score ([`super::sports`]).
    pub(super) fn en_numbered = ["en_numbered"];
    /// English company forms and lines of business that end a company's
    /// name, never a person's ("SpA", "Pharmaceuticals").
    pub(super) fn en_company_suffixes = ["en_company_suffix"];
    /// English participles that make "Denver-based" a place's compound
    /// adjective ([`super::places::located_adjective`]).
    pub(super) fn en_located = ["en_located"];
    /// Arabic heads of a street, port, airport or district before its name
    /// ("شارع", "ميناء", "حي"): [`super::facilities`].
    pub(super) fn ar_facility_place = ["ar_facility_place"];
    /// The same, also common nouns: only before a name found after them
    /// ("طريق", "جسر", "ميدان").
    pub(super) fn ar_facility_named = ["ar_facility_named"];
    /// Arabic nouns of an area ("منطقة"): like [`ar_facility_named`], with
    /// only the name marked.
    pub(super) fn ar_area_named = ["ar_area_named"];
    /// Words before "طريق" that make it "by means of" ("عن طريق").
    pub(super) fn ar_means_before = ["ar_means_before"];
    /// Arabic heads of an institution's building ("مستشفى", "مسجد").
    pub(super) fn ar_facility_body = ["ar_facility_body"];
    /// Arabic heads of a place of worship ("مسجد", "كنيسة"): the name
    /// after one is a building's, not an organisation's.
    pub(super) fn ar_worship_head = ["ar_worship_head"];
    /// Indefinite adjectives of size, age or kind ("جديدة", "كبرى"): after an
    /// indefinite head they describe a body ([`super::orgs::no_described_org`]).
    pub(super) fn ar_plain_adjectives = ["ar_plain_adjective"];
    /// Arabic heads of a people or a tribe ("شعب", "قبيلة"): the name after
    /// one is a community's, not an organisation's.
    pub(super) fn ar_people_head = ["ar_people_head"];
    /// Arabic ministries' portfolios that name the ministry without
    /// "وزارة" before a country's nisba ("الخارجية التركية").
    pub(super) fn ar_ministry_portfolio = ["ar_ministry_portfolio"];
    /// English heads after a street's, airport's or bridge's name ("Airport").
    pub(super) fn en_facility_place = ["en_facility_place"];
    /// Words of a centre's use that make "X Civic Center" a place
    /// ("civic", "convention").
    pub(super) fn en_facility_centre = ["en_facility_centre"];
    /// English buildings named by their head alone ("the Capitol").
    pub(super) fn en_facility_alone = ["en_facility_alone"];
    /// English heads after an institution's building's name ("Hospital").
    pub(super) fn en_facility_body = ["en_facility_body"];
    /// English nouns after a division's name that make it the division
    /// ("the NSW government"): [`super::merge`]'s `cued_division`.
    pub(super) fn en_state_bodies = ["en_state_body"];
    /// Words ending a US county's name ("County", "Parish", "Borough").
    pub(super) fn en_county_words = ["en_county"];
    /// Words ending an English natural feature's name ("River", "Creek"):
    /// [`super::landforms`].
    pub(super) fn en_feature_last = ["en_feature_last"];
    /// Words starting one ("Lake", "Mount").
    pub(super) fn en_feature_first = ["en_feature_first"];
    /// Words ending a protected area's name after "National" or "State"
    /// ("Forest", "Park").
    pub(super) fn en_feature_national = ["en_feature_national"];
    /// Abbreviated company forms written with a dot ("Corp.", "Inc.").
    pub(super) fn en_org_abbreviations = ["en_org_abbreviation"];
    /// English heads before "of" and a town ("Port of Beirut").
    pub(super) fn en_facility_of = ["en_facility_of"];
    /// Words that call the next name a town or city ("مدينه", "city").
    pub(super) fn settlement_words = ["settlement"];
    /// English nouns of "city of X".
    pub(super) fn en_settlement_of = ["en_settlement_of"];
    /// English nouns of a place's part or kind before "of" and a name
    /// ("the port of Quepos", "the outskirts of Layron"): the name is a
    /// place ([`super::town_phrases::unknown_after_of`]).
    pub(super) fn en_place_of = ["en_place_of"];
    /// English connectors that never join the words of a name ("and", "of").
    pub(super) fn en_connectors_outer = ["en_connector_outer"];
    /// Prepositions of a role's destination ("المبعوث الأممي إلى اليمن").
    pub(super) fn ar_destinations = ["ar_destination"];
    /// Words that make a place name the name of a disease: after it in
    /// English ("West Nile virus"), before it in Arabic ("حمى الوادي المتصدع").
    pub(super) fn disease_words = ["disease_word"];
    /// Names of diseases and their agents, no body's or person's names
    /// ("AIDS", "HIV", "Ebola", "الإيدز").
    pub(super) fn disease_names = ["disease_name"];
    /// Words that name the storm after them ("Hurricane", "إعصار").
    pub(super) fn storm_words = ["storm_word"];
    /// English titles before a name that the taggers' list lacks ("Doctor").
    pub(super) fn en_name_titles = ["en_name_title"];
    /// English titles whose portfolio follows through "of" or "for", or
    /// stands before them ("Minister of Health", "the Health Minister").
    pub(super) fn en_portfolio_titles = ["en_portfolio_title"];
    /// Words of events and titles of works, never people ("World Cup").
    pub(super) fn en_event_words = ["en_event_word", "en_document"];
    /// Last words of the names of documents and policies ("Accords",
    /// "Doctrine"): a name ending in one is no person ("Camp David Accords").
    pub(super) fn en_documents = ["en_document"];
    /// Adjectives that make a definite head an organisation name
    /// ("الجيش الوطني", "المجلس الأعلى"), besides nationalities.
    fn org_adjectives = ["org_adjective"];
    /// Verbs that report speech or action and often come right before a
    /// name ("وقال فوزي صلوخ وزير الخارجية").
    pub(super) fn reporting_verbs = ["reporting_verb"];
    /// Words right before a name that vouch for a place ("في", "إلى",
    /// "مدينة", "محافظة"): an ambiguous spelling after them is a place.
    pub(super) fn ar_place_cues = ["ar_place_cue"];
    /// Nouns naming a kind of place right before its name ("مدينة",
    /// "محافظة"): the only cue that makes a spelling the gold corpora never
    /// tag as a place ([`never_places`]) one.
    pub(super) fn ar_place_nouns = ["ar_place_noun"];
    /// Words right before a name standing alone in quotation marks that
    /// make it a news outlet ("قال لـ«الرياض»", "علمت «الرياض»").
    pub(super) fn ar_outlet_cues = ["ar_outlet_cue"];
    /// Honorifics that open a title and a name ("فضيلة المفتي").
    pub(super) fn ar_honorifics = ["ar_honorific"];
    /// "لـ" before a name in quotation marks: an outlet after speech.
    pub(super) fn ar_outlet_to = ["ar_outlet_to"];
    /// Speech words before "لـ«...»" that make the quoted name an outlet.
    pub(super) fn ar_outlet_speech = ["ar_outlet_speech"];
    /// Prepositions and adverbs that govern the next noun ("من", "في",
    /// "بين"): a conjunction cannot follow them.
    pub(super) fn ar_prepositions = ["ar_preposition"];
    /// Words for city districts that open a list of their names ("أحياء
    /// النسيم، والربيع").
    pub(super) fn ar_districts = ["ar_district"];
    /// Words for one city district before its name ("حي"): the name is
    /// the district's own, not the town it lies in ([`super::facilities`]).
    pub(super) fn ar_district_own = ["ar_district_own"];
    /// Words that open a list of company names ("أسهم شركات ...").
    pub(super) fn ar_company_lists = ["ar_company_list"];
    /// Number words of a sum ("مليون", "مليار"): the word after them is a
    /// currency or unit ("89 مليون ريال"), not a name.
    pub(super) fn ar_quantities = ["ar_quantity"];
    /// Words of a sports story ("مباراة", "الدوري", "league", "striker"):
    /// [`super::clubs`], [`super::sports`].
    pub(super) fn sport_words = ["ar_sport_word", "en_sport_word"];
    /// English words right before a town that make it a team in a sports
    /// story ("club", "beat", "v"): [`super::sports`].
    pub(super) fn en_team_before = ["en_team_before"];
    /// English words right after a town that make it a team in a sports
    /// story ("coach", "catcher", "supporters"): [`super::sports`].
    pub(super) fn en_team_after = ["en_team_after"];
    /// English words of a match before a preposition of
    /// [`en_team_preps`] ("victory over", "play for"): [`super::sports`].
    pub(super) fn en_match_words = ["en_match_word"];
    /// Prepositions between a word of [`en_match_words`] and a team
    /// ("over", "for", "to"): [`super::sports`].
    pub(super) fn en_team_preps = ["en_team_prep"];
    /// Nouns of ships before a ship's name ("the aircraft carrier
    /// Enterprise", "the tanker Exxon Valdez"): [`super::people::drop_storms`].
    pub(super) fn en_vessels = ["en_vessel"];
    /// English words joined by a hyphen after a name that are no part of
    /// it ("Bush-era", "Kim-led"): [`super::person_spans::hyphenated_given_names`].
    pub(super) fn en_hyphen_suffixes = ["en_hyphen_suffix"];
    /// Nouns right before a club's name ("نادي", "لاعبو"): [`super::clubs`].
    pub(super) fn ar_club_nouns = ["ar_club_noun"];
    /// Words of a match right before a club's name ("أمام", "مباراة"):
    /// [`super::clubs`].
    pub(super) fn ar_match_words = ["ar_match_word"];
    /// Words of a competition named after a body ("كأس الاتحاد"): the
    /// name after them is no club ([`super::clubs`]).
    pub(super) fn ar_competitions = ["ar_competition"];
    /// Words of an archive or photo note after an agency's name inside a
    /// credit ("(الفرنسية - أرشيف)", "(رويترز/ صور)"): [`super::credits`].
    pub(super) fn ar_archive_notes = ["ar_archive_note"];
}

/// How often a spelling of [`never_places`] must be an ordinary word in
/// the gold corpora (and never a place) before a preposition ("في
/// التحالف") no longer vouches for it: "الباب" 30 times, "التحالف" 15.
const NEVER_MIN_OTHER: usize = 10;

/// The spellings of [`ambiguous_places`] that the gold corpora never tag
/// as a place and tag as an ordinary word at least [`NEVER_MIN_OTHER`]
/// times: only a noun of place ("مدينة الباب") or a list of places
/// supports them, not "في" ("الأعضاء في التحالف").
pub(super) fn never_places() -> &'static WordSet {
    static S: Late<WordSet> = Late::new();
    S.get(|| {
        let keys: Vec<&str> = crate::tsv::rows(late_list(List::AmbiguousPlaces))
            .filter(|r| r.len() >= 4 && r[1] == "0" && r[2].parse::<usize>().is_ok_and(|n| n >= NEVER_MIN_OTHER))
            .map(|r| r[0])
            .collect();
        WordSet::new(&keys)
    })
}

/// Two-word phrases in which a place spelling is an ordinary word
/// (`data/curated/place_idioms.tsv`: "صلاة المغرب", "النيل من", "على
/// الصعيد"), each as "before name" or "name after", normalised.
pub(super) fn place_idioms() -> &'static WordSet {
    static S: Late<WordSet> = Late::new();
    S.get(|| phrase_set(List::PlaceIdioms, 4, |r| if r[0] == "-" { (r[1], r[2]) } else { (r[0], r[1]) }))
}

/// Two-word phrases that open like a body's name but name none
/// (`data/curated/org_idioms.tsv`: "مجلس الإدارة", "مركز الوسط", "حركة
/// المرور"), each as "head next", normalised.
pub(super) fn org_idioms() -> &'static WordSet {
    static S: Late<WordSet> = Late::new();
    S.get(|| phrase_set(List::OrgIdioms, 3, |r| (r[0], r[1])))
}

/// The two-word phrases of a table, "a b" for the pair `pair` picks from
/// each row of at least `cols` columns.
fn phrase_set(list: List, cols: usize, pair: impl Fn(&[&'static str]) -> (&'static str, &'static str)) -> WordSet {
    let phrases: Vec<String> = crate::tsv::rows(late_list(list))
        .filter(|r| r.len() >= cols)
        .map(|r| {
            let (a, b) = pair(&r);
            format!("{a} {b}")
        })
        .collect();
    WordSet::new(&phrases.iter().map(String::as_str).collect::<Vec<_>>())
}

/// Arabic spellings the gazetteer knows as places that the gold corpora
/// tag far more often as ordinary words (`data/curated/ambiguous_places.tsv`,
/// generated by `examples/ambiguous_places.rs`): a place only with support.
pub(super) fn ambiguous_places() -> &'static WordSet {
    static S: Late<WordSet> = Late::new();
    S.get(|| {
        let keys: Vec<&str> =
            crate::tsv::rows(late_list(List::AmbiguousPlaces)).filter(|r| r.len() >= 4).map(|r| r[0]).collect();
        WordSet::new(&keys)
    })
}

/// Arabic words the gold corpora tag as ordinary words many times and
/// almost never inside a person's name (`data/curated/not_person_words.tsv`,
/// generated by `examples/not_person_words.rs`): never a person alone,
/// never the edge of a person's name.
pub(super) fn not_person_words() -> &'static WordSet {
    static S: Late<WordSet> = Late::new();
    S.get(|| {
        let keys: Vec<&str> = crate::tsv::rows(late_list(List::NotPersonWords)).map(|r| r[0]).collect();
        WordSet::new(&keys)
    })
}

/// Compass words in both languages.
pub(super) fn direction(key: &str) -> Option<Direction> {
    lexicon::compass(key)
}

const F_AR_STOP: u32 = 1;
const F_EN_STOP: u32 = 1 << 1;
const F_TIME: u32 = 1 << 2;
const F_TITLE: u32 = 1 << 3;
const F_TITLE_START: u32 = 1 << 4;
const F_TRIGGER: u32 = 1 << 5;
const F_ORG_START: u32 = 1 << 6;
const F_ORG_HEAD: u32 = 1 << 7;
const F_ORG_ADJ: u32 = 1 << 8;
const F_PARTICLE: u32 = 1 << 9;
const F_CONNECTOR: u32 = 1 << 10;
const F_EN_ORG_HEAD: u32 = 1 << 11;
const F_GIVEN: u32 = 1 << 12;
const F_GIVEN_AMB: u32 = 1 << 13;
const F_TRIGGER_START: u32 = 1 << 14;
const F_PEOPLE_START: u32 = 1 << 15;
const F_COMPASS: u32 = 1 << 16;
const F_DEMONYM_START: u32 = 1 << 17;
const F_CLUB_START: u32 = 1 << 18;
const F_AGENCY_START: u32 = 1 << 19;
const F_SPORT: u32 = 1 << 20;
const F_EN_FIRM_CUE: u32 = 1 << 21;

/// Every word list in one sorted table of flags, so that a word costs one
/// binary search per reading.
fn word_flags() -> &'static [(String, u32)] {
    static T: Late<Vec<(String, u32)>> = Late::new();
    T.get(|| {
        let mut v: Vec<(String, u32)> = Vec::new();
        let mut add = |it: &mut dyn Iterator<Item = String>, flag: u32| v.extend(it.map(|k| (k, flag)));
        add(&mut ar_stop().words().iter().cloned(), F_AR_STOP);
        add(&mut en_stop().words().iter().cloned(), F_EN_STOP);
        add(&mut time_words().words().iter().cloned(), F_TIME);
        add(&mut lexicon::titles().keys().map(str::to_string), F_TITLE);
        add(&mut lexicon::titles().first_words().iter().cloned(), F_TITLE_START);
        add(&mut lexicon::triggers().keys().map(str::to_string), F_TRIGGER);
        add(&mut lexicon::triggers().first_words().iter().cloned(), F_TRIGGER_START);
        add(&mut lexicon::orgs().first_words().iter().cloned(), F_ORG_START);
        add(&mut lexicon::people().first_words().iter().cloned(), F_PEOPLE_START);
        add(&mut ar_org_heads().words().iter().cloned(), F_ORG_HEAD);
        add(&mut org_adjectives().words().iter().cloned(), F_ORG_ADJ);
        add(&mut ar_particles().words().iter().cloned(), F_PARTICLE);
        add(&mut en_connectors().words().iter().cloned(), F_CONNECTOR);
        add(&mut en_org_heads().words().iter().cloned(), F_EN_ORG_HEAD);
        add(&mut lexicon::compass_words().keys().cloned(), F_COMPASS);
        add(&mut super::demonyms::first_words(), F_DEMONYM_START);
        add(&mut lexicon::clubs().first_words().iter().cloned(), F_CLUB_START);
        add(&mut lexicon::agencies().first_words().iter().cloned(), F_AGENCY_START);
        add(&mut sport_words().words().iter().cloned(), F_SPORT);
        for cues in [en_firm_after(), en_firm_owned(), en_firm_of(), en_firm_at(), en_business_nouns()] {
            add(&mut cues.words().iter().cloned(), F_EN_FIRM_CUE);
        }
        for k in lexicon::given_names().keys() {
            let amb = lexicon::is_given_name(k).is_some_and(|g| g.ambiguous);
            v.push((k.to_string(), F_GIVEN | if amb { F_GIVEN_AMB } else { 0 }));
        }
        crate::sort::sort(&mut v);
        let mut merged: Vec<(String, u32)> = Vec::with_capacity(v.len());
        for (k, f) in v {
            match merged.last_mut() {
                Some(last) if last.0 == k => last.1 |= f,
                _ => merged.push((k, f)),
            }
        }
        merged
    })
}

fn flags(key: &str) -> u32 {
    // asked for every reading of every word: one hash lookup, not a
    // binary search of the whole merged table
    type Map = std::collections::HashMap<&'static str, u32, crate::hash::FnvBuild>;
    static T: Late<Map> = Late::new();
    let t = T.get(|| word_flags().iter().map(|(k, f)| (k.as_str(), *f)).collect());
    t.get(key).copied().unwrap_or(0)
}

/// A word's [`Feat`] from the word lists: what its readings and its script
/// (both follow from its spelling) say; [`super::words`] keeps it per spelling.
pub(super) fn feat_of(readings: &[super::words::Reading], arabic: bool) -> Feat {
    let mut f = Feat::default();
    // the readings' flags, on the stack (a word has a handful)
    let (mut buf, heap);
    let all: &[u32] = if readings.len() <= 16 {
        buf = [0u32; 16];
        for (b, r) in buf.iter_mut().zip(readings.iter()) {
            *b = flags(&r.key);
        }
        &buf[..readings.len()]
    } else {
        heap = readings.iter().map(|r| flags(&r.key)).collect::<Vec<u32>>();
        &heap
    };
    let own = all.first().copied().unwrap_or(0);
    let any = all.iter().fold(0, |a, b| a | b);
    if arabic {
        f.ar_stop = own & F_AR_STOP != 0;
        f.org_head = own & F_ORG_HEAD != 0;
        f.org_head_reading = all.iter().position(|x| x & F_ORG_HEAD != 0);
        f.org_adj = any & F_ORG_ADJ != 0;
    } else {
        f.en_stop = own & F_EN_STOP != 0;
        f.connector = own & F_CONNECTOR != 0;
        f.en_org_head = own & F_EN_ORG_HEAD != 0;
        f.firm_cue = own & F_EN_FIRM_CUE != 0;
    }
    f.particle = own & F_PARTICLE != 0;
    f.time = own & F_TIME != 0;
    f.title = any & F_TITLE != 0;
    f.title_start = any & (F_TITLE | F_TITLE_START) != 0;
    f.trigger = any & F_TRIGGER != 0;
    f.trigger_start = any & (F_TRIGGER | F_TRIGGER_START) != 0;
    f.org_start = any & F_ORG_START != 0;
    f.people_start = any & F_PEOPLE_START != 0;
    f.compass = any & F_COMPASS != 0;
    f.demonym_start = any & F_DEMONYM_START != 0;
    if arabic {
        f.club_start = any & F_CLUB_START != 0;
        f.agency_start = any & F_AGENCY_START != 0;
    }
    f.sport = any & F_SPORT != 0;
    f.demonym = readings.iter().find_map(|r| gazetteer::demonym(&r.key));
    f.given = (own & F_GIVEN != 0).then_some(lexicon::GivenName { ambiguous: own & F_GIVEN_AMB != 0 });
    f
}
