//! Writing an [`Analysis`] and a [`ViewState`] as the JSON text serde's
//! derives in [`crate::model`] and [`crate::view`] make (field order,
//! renamed and skipped fields, the flattened place of an entity, the
//! adjacently tagged selection), without serde: the browser build's JS API
//! and JSON export. The derived serialisers with serde_json's were 6 KB and
//! more of the wasm after brotli. The tests check the text against
//! serde_json's for the sample articles' analyses and for views.
//!
//! Unit enums are written by their names (`read_names!` in
//! [`crate::model_read`]).

use crate::json::write::{Obj, ToJson};
use crate::model::{
    Analysis, Approx, Block, Candidate, DateMention, DateValue, Entity, Event, Mention, MentionForm, Names, PlaceInfo,
    Ymd,
};
use crate::view::{MapWindow, PlaceFix, Selection, TimeWindow, ViewState};

impl ToJson for Ymd {
    fn write_json(&self, out: &mut String) {
        Obj::new(out).field("year", &self.year).field("month", &self.month).field("day", &self.day).end();
    }
}

impl ToJson for Block {
    fn write_json(&self, out: &mut String) {
        Obj::new(out).field("start", &self.start).field("end", &self.end).field("dir", &self.dir).end();
    }
}

impl ToJson for Mention {
    fn write_json(&self, out: &mut String) {
        let mut o = Obj::new(out);
        o.field("start", &self.start)
            .field("end", &self.end)
            .field("text", &self.text)
            .field("type", &self.kind)
            .field("entity", &self.entity);
        if self.form != MentionForm::Name {
            o.field("form", &self.form);
        }
        o.end();
    }
}

impl ToJson for Names {
    fn write_json(&self, out: &mut String) {
        Obj::new(out).some("ar", &self.ar).some("en", &self.en).end();
    }
}

impl ToJson for Candidate {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("id", &self.id)
            .field("name", &self.name)
            .field("kind", &self.kind)
            .field("lat", &self.lat)
            .field("lon", &self.lon)
            .some("country", &self.country)
            .field("score", &self.score)
            .end();
    }
}

impl PlaceInfo {
    /// Its fields, into an object (its own, or an entity's: flattened).
    fn fields(&self, o: &mut Obj) {
        o.field("lat", &self.lat)
            .field("lon", &self.lon)
            .field("kind", &self.kind)
            .some("country", &self.country)
            .some("radius_km", &self.radius_km)
            .field("gazetteer_id", &self.gazetteer_id)
            .items("candidates", &self.candidates);
        if self.corrected {
            o.field("corrected", &true);
        }
    }
}

impl ToJson for PlaceInfo {
    fn write_json(&self, out: &mut String) {
        let mut o = Obj::new(out);
        self.fields(&mut o);
        o.end();
    }
}

impl ToJson for Entity {
    fn write_json(&self, out: &mut String) {
        let mut o = Obj::new(out);
        o.field("id", &self.id)
            .field("type", &self.kind)
            .field("name", &self.name)
            .field("names", &self.names)
            .field("mentions", &self.mentions)
            .field("salience", &self.salience);
        if let Some(p) = &self.place {
            p.fields(&mut o);
        }
        o.items("places", &self.places).end();
    }
}

impl ToJson for DateValue {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("value", &self.value)
            .field("start", &self.start)
            .field("end", &self.end)
            .field("precision", &self.precision)
            .field("derivation", &self.derivation)
            .end();
    }
}

impl ToJson for DateMention {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("start", &self.start)
            .field("end", &self.end)
            .field("text", &self.text)
            .field("entity", &self.entity)
            .field("date", &self.date)
            .end();
    }
}

impl ToJson for Approx {
    fn write_json(&self, out: &mut String) {
        Obj::new(out).some("after", &self.after).some("before", &self.before).field("cue", &self.cue).end();
    }
}

impl ToJson for Event {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("id", &self.id)
            .field("kind", &self.kind)
            .field("trigger", &self.trigger)
            .field("trigger_start", &self.trigger_start)
            .field("trigger_end", &self.trigger_end)
            .field("label", &self.label)
            .some("date", &self.date)
            .field("relation", &self.relation)
            .some("approx", &self.approx)
            .some("place", &self.place)
            .field("participants", &self.participants)
            .field("start", &self.start)
            .field("end", &self.end)
            .end();
    }
}

impl ToJson for Analysis {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .field("lang", &self.lang)
            .field("dir", &self.dir)
            .field("title", &self.title)
            .some("subtitle", &self.subtitle)
            .some("source", &self.source)
            .some("section", &self.section)
            .items("authors", &self.authors)
            .some("url", &self.url)
            .some("published_raw", &self.published_raw)
            .some("published", &self.published)
            .field("text", &self.text)
            .field("blocks", &self.blocks)
            .field("mentions", &self.mentions)
            .field("entities", &self.entities)
            .field("dates", &self.dates)
            .field("events", &self.events)
            .items("warnings", &self.warnings)
            .end();
    }
}

/// `{"kind": "entity", "id": ...}` (serde's adjacent tagging).
impl ToJson for Selection {
    fn write_json(&self, out: &mut String) {
        let (kind, id) = match self {
            Selection::Entity(id) => ("entity", id),
            Selection::Event(id) => ("event", id),
        };
        Obj::new(out).field("kind", kind).field("id", id).end();
    }
}

impl ToJson for MapWindow {
    fn write_json(&self, out: &mut String) {
        Obj::new(out).field("lon", &self.lon).field("lat", &self.lat).field("zoom", &self.zoom).end();
    }
}

impl ToJson for TimeWindow {
    fn write_json(&self, out: &mut String) {
        Obj::new(out).field("start", &self.start).field("end", &self.end).end();
    }
}

impl ToJson for PlaceFix {
    fn write_json(&self, out: &mut String) {
        Obj::new(out).field("entity", &self.entity).field("place", &self.place).end();
    }
}

impl ToJson for ViewState {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .some("selected", &self.selected)
            .items("hidden", &self.hidden)
            .some("map", &self.map)
            .some("time", &self.time)
            .some("ui_lang", &self.ui_lang)
            .items("places", &self.places)
            .end();
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::json::write::to_string;
    use crate::model::Analysis;
    use crate::view::{MapWindow, PlaceFix, Selection, TimeWindow, ViewState};
    use crate::EntityType;

    /// The analyses of the sample articles and of the analysis test cases' texts.
    pub(crate) fn sample_analyses() -> Vec<Analysis> {
        let mut inputs = vec![
            include_str!("../www/articles/default.json").to_string(),
            include_str!("../www/articles/english.json").to_string(),
        ];
        let cases: serde_json::Value = serde_json::from_str(include_str!("../tests/analysis_cases.json")).unwrap();
        for c in cases.as_array().unwrap() {
            let mut article = serde_json::json!({ "lang": c["lang"], "title": "", "body": c["text"] });
            if let Some(p) = c.get("published") {
                article["published"] = p.clone();
            }
            inputs.push(article.to_string());
        }
        inputs
            .iter()
            .filter_map(|t| crate::article::parse_article(t.as_bytes()).ok())
            .map(|a| crate::analyze(&a))
            .collect()
    }

    #[test]
    fn analyses_are_written_as_serde_writes_them() {
        let all = sample_analyses();
        assert!(all.len() > 150, "sample articles read: {}", all.len());
        let mut corrected = false;
        for mut a in all {
            assert_eq!(to_string(&a), serde_json::to_string(&a).unwrap());
            // the fields an analysis of a sample may not have
            if let Some(e) = a.entities.iter_mut().find(|e| e.place.is_some()) {
                let p = e.place.as_mut().unwrap();
                p.corrected = true;
                p.radius_km = Some(12.5);
                e.places = vec!["x".into()];
                corrected = true;
            }
            a.warnings.push("a \"warning\"\n\u{1}".into());
            a.authors.push("Jane".into());
            a.subtitle = Some("sub".into());
            assert_eq!(to_string(&a), serde_json::to_string(&a).unwrap());
        }
        assert!(corrected);
    }

    #[test]
    fn views_are_written_as_serde_writes_them() {
        let views = [
            ViewState::default(),
            ViewState {
                selected: Some(Selection::Entity("place:paris".into())),
                hidden: vec![EntityType::Date, EntityType::Event],
                map: Some(MapWindow { lon: -3.25, lat: 51.5, zoom: 2.0 }),
                time: Some(TimeWindow { start: "2024-01-01".into(), end: "2024-03-01".into() }),
                ui_lang: Some("ar".into()),
                places: vec![PlaceFix { entity: "place:x".into(), place: "g:1".into() }],
            },
            ViewState { selected: Some(Selection::Event("ev:1".into())), ..Default::default() },
        ];
        for v in views {
            assert_eq!(to_string(&v), serde_json::to_string(&v).unwrap());
        }
    }
}
