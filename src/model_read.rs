//! Reading an [`Analysis`] back from its JSON form (a pasted or restored
//! analysis, or one handed to the JS API), through a [`crate::json::Value`]:
//! in native builds, the `Deserialize` of `Analysis` (and of the model types
//! that other JSON holds) is this reader.
//!
//! The JSON form is written by serde (the derives in [`crate::model`]) in
//! native builds and by [`crate::model_write`] in the browser's; it is read
//! here by hand, field by field, with serde's rules for the derives'
//! attributes: unknown fields are ignored, a field marked `default` and an
//! `Option` may be missing, `null` is `None`, the flattened place of an
//! entity is there only when all of its fields read. A derived deserialiser
//! per type (visitors for each field, twice for the flattened place, which
//! serde buffers) was about 14 KB of the wasm after brotli; the `Value`
//! reader is the one the article parser already brings.

use crate::json::{Map, Value};
use crate::model::{
    Analysis, Approx, Block, Candidate, DateMention, DateValue, Derivation, Dir, Entity, EntityType, Event, Mention,
    MentionForm, Names, PlaceInfo, PlaceKind, Precision, Relation, Ymd,
};
use crate::view::{MapWindow, PlaceFix, Selection, TimeWindow, ViewState};

/// serde's `Deserialize` (native builds) for the types that other JSON
/// holds (an article's date and direction), and for an analysis and a view:
/// through the `Value` and the reader here.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! deserialize_by_reading {
    ($($t:ty),+) => {$(
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let v = <serde_json::Value as serde::Deserialize>::deserialize(d)?;
                <$t as $crate::model_read::Read>::read(&Value::from(&v)).map_err(serde::de::Error::custom)
            }
        }
    )+};
}

#[cfg(not(target_arch = "wasm32"))]
deserialize_by_reading!(Analysis, EntityType, Ymd, Dir, ViewState);

/// A `T` from JSON text, as serde_json's `from_str` gives it: its syntax
/// errors with their position, the reader's without one.
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) fn from_str<T: Read>(text: &str) -> Result<T, String> {
    crate::json::read::from_str_as(text, T::read)
}

/// A value of the JSON form of the analysis.
pub(crate) trait Read: Sized {
    fn read(v: &Value) -> Result<Self, String>;
}

pub(crate) fn invalid(v: &Value, expected: &str) -> String {
    let found = match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    format!("invalid type: {found}, expected {expected}")
}

impl Read for String {
    fn read(v: &Value) -> Result<Self, String> {
        v.as_str().map(str::to_string).ok_or_else(|| invalid(v, "a string"))
    }
}

impl Read for bool {
    fn read(v: &Value) -> Result<Self, String> {
        v.as_bool().ok_or_else(|| invalid(v, "a boolean"))
    }
}

impl Read for f64 {
    fn read(v: &Value) -> Result<Self, String> {
        v.as_f64().ok_or_else(|| invalid(v, "a number"))
    }
}

/// A whole number in `T`'s range (serde refuses `1.0` for an integer).
fn whole<T: TryFrom<i64>>(v: &Value) -> Result<T, String> {
    v.as_i64().and_then(|n| T::try_from(n).ok()).ok_or_else(|| invalid(v, "a whole number in range"))
}

impl Read for usize {
    fn read(v: &Value) -> Result<Self, String> {
        match v.as_u64() {
            Some(n) => usize::try_from(n).map_err(|_| invalid(v, "a whole number in range")),
            None => whole(v),
        }
    }
}

impl Read for u8 {
    fn read(v: &Value) -> Result<Self, String> {
        whole(v)
    }
}

impl Read for i32 {
    fn read(v: &Value) -> Result<Self, String> {
        whole(v)
    }
}

impl<T: Read> Read for Option<T> {
    fn read(v: &Value) -> Result<Self, String> {
        if v.is_null() {
            Ok(None)
        } else {
            T::read(v).map(Some)
        }
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(v: &Value) -> Result<Self, String> {
        let a = v.as_array().ok_or_else(|| invalid(v, "an array"))?;
        a.iter().enumerate().map(|(i, x)| T::read(x).map_err(|e| format!("[{i}]: {e}"))).collect()
    }
}

/// The fields of an object.
pub(crate) struct Obj<'a>(&'a Map);

impl<'a> Obj<'a> {
    pub(crate) fn of(v: &'a Value) -> Result<Self, String> {
        v.as_object().map(Obj).ok_or_else(|| invalid(v, "an object"))
    }

    /// A field's value: one copy of the map's search for every field read
    /// (inlined into each, the readers were twice the size).
    #[inline(never)]
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.0.get(key)
    }

    /// A field that must be there.
    pub(crate) fn req<T: Read>(&self, key: &str) -> Result<T, String> {
        let v = self.get(key).ok_or_else(|| missing(key))?;
        T::read(v).map_err(|e| in_field(key, e))
    }

    /// A field that may be missing (`#[serde(default)]`, or an `Option`).
    pub(crate) fn opt<T: Read + Default>(&self, key: &str) -> Result<T, String> {
        match self.get(key) {
            Some(v) => T::read(v).map_err(|e| in_field(key, e)),
            None => Ok(T::default()),
        }
    }
}

#[inline(never)]
fn missing(key: &str) -> String {
    format!("missing field `{key}`")
}

/// A field's error, named by the field.
#[inline(never)]
fn in_field(key: &str, e: String) -> String {
    format!("{key}: {e}")
}

/// Unit enums, written as their lowercase names (serde's `rename_all =
/// "lowercase"`; the tests check each name against serde's).
macro_rules! read_names {
    ($($t:ty { $($name:literal => $variant:path),+ $(,)? })+) => {$(
        impl $t {
            /// The variant written `name`.
            #[allow(dead_code)]
            pub(crate) fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($name => Some($variant),)+
                    _ => None,
                }
            }

            /// The name the variant is written as.
            #[allow(dead_code)]
            pub(crate) fn name(&self) -> &'static str {
                match self {
                    $($variant => $name,)+
                }
            }
        }
        impl $crate::json::write::ToJson for $t {
            fn write_json(&self, out: &mut String) {
                $crate::json::write::plain_str_to(out, self.name());
            }
        }
        impl $crate::model_read::Read for $t {
            fn read(v: &$crate::json::Value) -> Result<Self, String> {
                v.as_str()
                    .and_then(<$t>::from_name)
                    .ok_or_else(|| $crate::model_read::invalid(v, concat!("one of" $(, " ", $name)+)))
            }
        }
    )+};
}
// used by the browser build's embedding API too
#[cfg_attr(not(target_arch = "wasm32"), allow(unused_imports))]
pub(crate) use read_names;

read_names! {
    Dir { "ltr" => Dir::Ltr, "rtl" => Dir::Rtl }
    EntityType {
        "person" => EntityType::Person,
        "organization" => EntityType::Organization,
        "place" => EntityType::Place,
        "date" => EntityType::Date,
        "event" => EntityType::Event,
    }
    MentionForm {
        "name" => MentionForm::Name,
        "demonym" => MentionForm::Demonym,
        "reference" => MentionForm::Reference,
        "within" => MentionForm::Within,
    }
    PlaceKind {
        "continent" => PlaceKind::Continent,
        "region" => PlaceKind::Region,
        "country" => PlaceKind::Country,
        "province" => PlaceKind::Province,
        "city" => PlaceKind::City,
        "site" => PlaceKind::Site,
    }
    Precision { "day" => Precision::Day, "month" => Precision::Month, "year" => Precision::Year, "range" => Precision::Range }
    Derivation { "explicit" => Derivation::Explicit, "relative" => Derivation::Relative, "weekday" => Derivation::Weekday }
    Relation {
        "before" => Relation::Before,
        "on" => Relation::On,
        "after" => Relation::After,
        "upcoming" => Relation::Upcoming,
        "unknown" => Relation::Unknown,
    }
}

impl Read for Ymd {
    fn read(v: &Value) -> Result<Self, String> {
        let o = Obj::of(v)?;
        Ok(Ymd { year: o.req("year")?, month: o.req("month")?, day: o.req("day")? })
    }
}

impl Read for Block {
    fn read(v: &Value) -> Result<Self, String> {
        let o = Obj::of(v)?;
        Ok(Block { start: o.req("start")?, end: o.req("end")?, dir: o.req("dir")? })
    }
}

impl Read for Mention {
    fn read(v: &Value) -> Result<Self, String> {
        let o = Obj::of(v)?;
        Ok(Mention {
            start: o.req("start")?,
            end: o.req("end")?,
            text: o.req("text")?,
            kind: o.req("type")?,
            entity: o.req("entity")?,
            form: o.opt("form")?,
        })
    }
}

impl Read for Names {
    fn read(v: &Value) -> Result<Self, String> {
        let o = Obj::of(v)?;
        Ok(Names { ar: o.opt("ar")?, en: o.opt("en")? })
    }
}

impl Read for Candidate {
    fn read(v: &Value) -> Result<Self, String> {
        let o = Obj::of(v)?;
        Ok(Candidate {
            id: o.req("id")?,
            name: o.req("name")?,
            kind: o.req("kind")?,
            lat: o.req("lat")?,
            lon: o.req("lon")?,
            country: o.opt("country")?,
            score: o.req("score")?,
        })
    }
}

impl Read for PlaceInfo {
    fn read(v: &Value) -> Result<Self, String> {
        let o = Obj::of(v)?;
        Ok(PlaceInfo {
            lat: o.req("lat")?,
            lon: o.req("lon")?,
            kind: o.req("kind")?,
            country: o.opt("country")?,
            radius_km: o.opt("radius_km")?,
            gazetteer_id: o.req("gazetteer_id")?,
            candidates: o.opt("candidates")?,
            corrected: o.opt("corrected")?,
        })
    }
}

impl Read for Entity {
    fn read(v: &Value) -> Result<Self, String> {
        let o = Obj::of(v)?;
        Ok(Entity {
            id: o.req("id")?,
            kind: o.req("type")?,
            name: o.req("name")?,
            names: o.req("names")?,
            mentions: o.req("mentions")?,
            salience: o.req("salience")?,
            // flattened: the entity's own fields are not the place's, so the
            // place reads from the whole object; serde's `Option` of a
            // flattened struct is `None` when the struct does not read
            place: PlaceInfo::read(v).ok(),
            places: o.opt("places")?,
        })
    }
}

impl Read for DateValue {
    fn read(v: &Value) -> Result<Self, String> {
        let o = Obj::of(v)?;
        Ok(DateValue {
            value: o.req("value")?,
            start: o.req("start")?,
            end: o.req("end")?,
            precision: o.req("precision")?,
            derivation: o.req("derivation")?,
        })
    }
}

impl Read for DateMention {
    fn read(v: &Value) -> Result<Self, String> {
        let o = Obj::of(v)?;
        Ok(DateMention {
            start: o.req("start")?,
            end: o.req("end")?,
            text: o.req("text")?,
            entity: o.req("entity")?,
            date: o.req("date")?,
        })
    }
}

impl Read for Approx {
    fn read(v: &Value) -> Result<Self, String> {
        let o = Obj::of(v)?;
        Ok(Approx { after: o.opt("after")?, before: o.opt("before")?, cue: o.req("cue")? })
    }
}

impl Read for Event {
    fn read(v: &Value) -> Result<Self, String> {
        let o = Obj::of(v)?;
        Ok(Event {
            id: o.req("id")?,
            kind: o.req("kind")?,
            trigger: o.req("trigger")?,
            trigger_start: o.req("trigger_start")?,
            trigger_end: o.req("trigger_end")?,
            label: o.req("label")?,
            date: o.opt("date")?,
            relation: o.req("relation")?,
            approx: o.opt("approx")?,
            place: o.opt("place")?,
            participants: o.req("participants")?,
            start: o.req("start")?,
            end: o.req("end")?,
        })
    }
}

impl Read for Analysis {
    fn read(v: &Value) -> Result<Self, String> {
        let o = Obj::of(v)?;
        Ok(Analysis {
            lang: o.req("lang")?,
            dir: o.req("dir")?,
            title: o.req("title")?,
            subtitle: o.opt("subtitle")?,
            source: o.opt("source")?,
            section: o.opt("section")?,
            authors: o.opt("authors")?,
            url: o.opt("url")?,
            published_raw: o.opt("published_raw")?,
            published: o.opt("published")?,
            text: o.req("text")?,
            blocks: o.req("blocks")?,
            mentions: o.req("mentions")?,
            entities: o.req("entities")?,
            dates: o.req("dates")?,
            events: o.req("events")?,
            warnings: o.opt("warnings")?,
        })
    }
}

/// A selection: `{"kind": "entity", "id": ...}` (serde's adjacent tagging).
impl Read for Selection {
    fn read(v: &Value) -> Result<Self, String> {
        let o = Obj::of(v)?;
        let id = o.req("id")?;
        match o.get("kind").ok_or("missing field `kind`")?.as_str() {
            Some("entity") => Ok(Selection::Entity(id)),
            Some("event") => Ok(Selection::Event(id)),
            _ => Err(invalid(v, "kind entity or event")),
        }
    }
}

impl Read for MapWindow {
    fn read(v: &Value) -> Result<Self, String> {
        let o = Obj::of(v)?;
        Ok(MapWindow { lon: o.req("lon")?, lat: o.req("lat")?, zoom: o.req("zoom")? })
    }
}

impl Read for TimeWindow {
    fn read(v: &Value) -> Result<Self, String> {
        let o = Obj::of(v)?;
        Ok(TimeWindow { start: o.req("start")?, end: o.req("end")? })
    }
}

impl Read for PlaceFix {
    fn read(v: &Value) -> Result<Self, String> {
        let o = Obj::of(v)?;
        Ok(PlaceFix { entity: o.req("entity")?, place: o.req("place")? })
    }
}

impl Read for ViewState {
    fn read(v: &Value) -> Result<Self, String> {
        let o = Obj::of(v)?;
        Ok(ViewState {
            selected: o.opt("selected")?,
            hidden: o.opt("hidden")?,
            map: o.opt("map")?,
            time: o.opt("time")?,
            ui_lang: o.opt("ui_lang")?,
            places: o.opt("places")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde_json's `json!`, as a [`Value`].
    macro_rules! json {
        ($($t:tt)+) => {
            Value::from(&serde_json::json!($($t)+))
        };
    }

    fn round_trip(a: &Analysis) {
        let text = serde_json::to_string(a).unwrap();
        assert_eq!(&serde_json::from_str::<Analysis>(&text).unwrap(), a);
        // the browser build's reader, of the browser build's writing
        assert_eq!(text, crate::json::write::to_string(a));
        assert_eq!(&from_str::<Analysis>(&text).unwrap(), a);
    }

    #[test]
    fn analyses_read_back_equal() {
        for text in [include_str!("../www/articles/default.json"), include_str!("../www/articles/english.json")] {
            let mut a = crate::analyze(&crate::parse_article(text.as_bytes()).unwrap());
            assert!(a.entities.iter().any(|e| e.place.is_some()));
            assert!(!a.events.is_empty());
            round_trip(&a);
            // the fields the analyser leaves empty here
            a.subtitle = Some("s".into());
            a.authors = vec!["x".into()];
            a.warnings = vec!["w".into()];
            let place = a.entities.iter_mut().find_map(|e| e.place.as_mut()).unwrap();
            place.corrected = true;
            place.radius_km = Some(12.5);
            let c = |country: Option<&str>| Candidate {
                id: "g1".into(),
                name: "n".into(),
                kind: PlaceKind::Site,
                lat: -0.1,
                lon: 179.25,
                country: country.map(str::to_string),
                score: 0.3,
            };
            place.candidates = vec![c(Some("SA")), c(None)];
            a.mentions[0].form = MentionForm::Within;
            a.events[0].approx =
                Some(Approx { after: Some(Ymd { year: -3, month: 1, day: 31 }), before: None, cue: "c".into() });
            round_trip(&a);
        }
    }

    #[test]
    fn unit_names_are_serdes() {
        fn check<T: serde::Serialize + Read + PartialEq + std::fmt::Debug>(all: &[T]) {
            for t in all {
                assert_eq!(&T::read(&Value::from(&serde_json::to_value(t).unwrap())).unwrap(), t);
            }
        }
        check(&[Dir::Ltr, Dir::Rtl]);
        check(&EntityType::ALL);
        check(&[MentionForm::Name, MentionForm::Demonym, MentionForm::Reference, MentionForm::Within]);
        use PlaceKind as K;
        check(&[K::Continent, K::Region, K::Country, K::Province, K::City, K::Site]);
        check(&[Precision::Day, Precision::Month, Precision::Year, Precision::Range]);
        check(&[Derivation::Explicit, Derivation::Relative, Derivation::Weekday]);
        check(&[Relation::Before, Relation::On, Relation::After, Relation::Upcoming, Relation::Unknown]);
        assert!(Dir::read(&json!("LTR")).is_err());
    }

    #[test]
    fn serdes_rules() {
        let entity = |extra: serde_json::Value| {
            let mut v = serde_json::json!({"id": "e1", "type": "place", "name": "n", "names": {}, "mentions": 1, "salience": 2});
            v.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
            Entity::read(&Value::from(&v))
        };
        // a whole place, a place missing a field (none), unknown fields
        let e =
            entity(serde_json::json!({"lat": 1, "lon": 2.5, "kind": "city", "gazetteer_id": "g", "x": [1]})).unwrap();
        assert_eq!(e.place.as_ref().map(|p| (p.lat, p.lon, p.corrected)), Some((1.0, 2.5, false)));
        assert_eq!(e.salience, 2.0);
        assert!(entity(serde_json::json!({"lat": 1, "lon": 2, "kind": "city"})).unwrap().place.is_none());
        assert!(entity(serde_json::json!({"lat": "1", "lon": 2, "kind": "city", "gazetteer_id": "g"}))
            .unwrap()
            .place
            .is_none());
        // integers: whole and in range; null for an option; a default left out
        assert!(Block::read(&json!({"start": 1.0, "end": 2, "dir": "ltr"})).is_err());
        assert!(Block::read(&json!({"start": -1, "end": 2, "dir": "ltr"})).is_err());
        assert!(Ymd::read(&json!({"year": 2020, "month": 256, "day": 1})).is_err());
        assert_eq!(Ymd::read(&json!({"year": -5, "month": 2, "day": 1})).unwrap().year, -5);
        let n = Names::read(&json!({"ar": null, "en": "x"})).unwrap();
        assert_eq!((n.ar, n.en.as_deref()), (None, Some("x")));
        let m = json!({"start": 0, "end": 1, "text": "t", "type": "person", "entity": "e"});
        assert_eq!(Mention::read(&m).unwrap().form, MentionForm::Name);
        assert_eq!(serde_json::from_str::<Analysis>("{}").unwrap_err().to_string(), "missing field `lang`");
        assert!(serde_json::from_str::<Analysis>("[]").is_err());
        // the browser build's reader gives serde_json's messages
        for text in ["{}", "[]", "{\"lang\": 1}", "{\"lang\": \"en\"", "{} x", "[", "", "{\"a\":1}}", "{\"x\": tru}"] {
            assert_eq!(
                from_str::<Analysis>(text).unwrap_err(),
                serde_json::from_str::<Analysis>(text).unwrap_err().to_string(),
                "{text}"
            );
        }
        for text in [
            "{\"hidden\": [\"x\"]}",
            "{\"map\": {\"lon\": 1}}",
            "{\"selected\": {\"kind\": \"e\"}} ]",
            "{\"places\": 3}",
        ] {
            assert_eq!(
                from_str::<ViewState>(text).unwrap_err(),
                serde_json::from_str::<ViewState>(text).unwrap_err().to_string(),
                "{text}"
            );
        }
    }

    #[test]
    fn views_read_back_equal() {
        let v = ViewState {
            selected: Some(Selection::Event("ev1".into())),
            hidden: vec![EntityType::Date, EntityType::Person],
            map: Some(MapWindow { lon: -12.25, lat: 3.0, zoom: 4.5 }),
            time: Some(TimeWindow { start: "2020-01-01".into(), end: "2020-02-01".into() }),
            ui_lang: Some("ar".into()),
            places: vec![PlaceFix { entity: "place:x".into(), place: "geonames:1".into() }],
        };
        for v in [v, ViewState::default()] {
            let text = serde_json::to_string(&v).unwrap();
            assert_eq!(serde_json::from_str::<ViewState>(&text).unwrap(), v);
            assert_eq!(from_str::<ViewState>(&text).unwrap(), v);
        }
        let sel = |j: Value| Selection::read(&j);
        assert_eq!(sel(json!({"id": "e", "kind": "entity"})), Ok(Selection::Entity("e".into())));
        assert!(sel(json!({"kind": "entity"})).is_err());
        assert!(sel(json!({"kind": "date", "id": "e"})).is_err());
    }
}
