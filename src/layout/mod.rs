//! Pure layout for the views: map projection, fitting, panning and zooming
//! (`map`); timeline scale, ticks and lanes (`timeline`); text
//! segmentation (`text`); which entities and events a selection lights up
//! and salience order (here). No DOM and no leptos here, so plain
//! `cargo test` covers it and the UI only renders its results.
// The UI that calls this compiles only for wasm; natively only tests use it.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code, unused_imports))]

mod map;
mod text;
mod timeline;

pub use map::*;
pub use text::*;
pub use timeline::*;

use crate::model::{Analysis, EntityType, Event};
use crate::vecmap::VecSet;
use crate::view::Selection;

/// What a selection (or a hover) lights up in every view.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lit {
    pub entities: VecSet<String>,
    pub events: VecSet<String>,
}

/// Entities and events linked to a selection: an entity lights its events
/// (as participant, place or date); an event lights its participants, place
/// and the dates in its sentence.
pub fn lit(a: &Analysis, sel: Option<&Selection>) -> Lit {
    let mut out = Lit::default();
    match sel {
        None => {}
        Some(Selection::Entity(id)) => {
            out.entities.insert(id.clone());
            let dates_of = |e: &Event| a.dates.iter().any(|d| &d.entity == id && d.start >= e.start && d.end <= e.end);
            for e in &a.events {
                if e.participants.contains(id) || e.place.as_ref() == Some(id) || &e.id == id || dates_of(e) {
                    out.events.insert(e.id.clone());
                }
            }
        }
        Some(Selection::Event(id)) => {
            out.events.insert(id.clone());
            if let Some(e) = a.events.iter().find(|e| &e.id == id) {
                out.entities.extend(e.participants.iter().cloned());
                out.entities.extend(e.place.iter().cloned());
                out.entities
                    .extend(a.dates.iter().filter(|d| d.start >= e.start && d.end <= e.end).map(|d| d.entity.clone()));
            }
        }
    }
    out
}

/// The order types are listed in.
pub const TYPE_ORDER: [EntityType; 5] =
    [EntityType::Person, EntityType::Organization, EntityType::Place, EntityType::Date, EntityType::Event];

/// Entity indexes grouped by type (in [`TYPE_ORDER`]) and, within a type,
/// by salience, then mentions, then name.
pub fn by_salience(a: &Analysis) -> Vec<(EntityType, Vec<usize>)> {
    TYPE_ORDER
        .iter()
        .map(|&t| {
            let mut idx: Vec<usize> =
                (0..a.entities.len()).filter(|&i| a.entities.get(i).is_some_and(|e| e.kind == t)).collect();
            crate::sort::sort_by(&mut idx, |&x, &y| match (a.entities.get(x), a.entities.get(y)) {
                (Some(p), Some(q)) => q
                    .salience
                    .total_cmp(&p.salience)
                    .then(q.mentions.cmp(&p.mentions))
                    .then_with(|| p.name.cmp(&q.name)),
                _ => std::cmp::Ordering::Equal,
            });
            (t, idx)
        })
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::{DateValue, Derivation, Dir, Entity, Names, Precision, Relation, Ymd};

    pub(super) fn event(id: &str, date: Option<(Ymd, Ymd, Precision)>, relation: Relation) -> Event {
        Event {
            id: id.into(),
            kind: "meeting".into(),
            trigger: "met".into(),
            trigger_start: 0,
            trigger_end: 3,
            label: "meeting".into(),
            date: date.map(|(start, end, precision)| DateValue {
                value: String::new(),
                start,
                end,
                precision,
                derivation: Derivation::Explicit,
            }),
            relation,
            approx: None,
            place: Some("place:amman".into()),
            participants: vec!["person:a".into()],
            start: 0,
            end: 10,
        }
    }

    fn entity(id: &str, kind: EntityType, salience: f64) -> Entity {
        Entity {
            id: id.into(),
            kind,
            name: id.into(),
            names: Names::default(),
            mentions: 1,
            salience,
            place: None,
            places: Vec::new(),
        }
    }

    #[test]
    fn selection_lights_linked_entities_and_events() {
        let a = Analysis {
            lang: "en".into(),
            dir: Dir::Ltr,
            title: String::new(),
            subtitle: None,
            source: None,
            section: None,
            authors: vec![],
            url: None,
            published_raw: None,
            published: None,
            text: String::new(),
            blocks: vec![],
            mentions: vec![],
            entities: vec![
                entity("person:a", EntityType::Person, 1.0),
                entity("person:b", EntityType::Person, 3.0),
                entity("place:amman", EntityType::Place, 2.0),
            ],
            dates: vec![],
            events: vec![event("e1", None, Relation::Before)],
            warnings: vec![],
        };
        let l = lit(&a, Some(&Selection::Entity("person:a".into())));
        assert!(l.events.contains("e1"));
        let l = lit(&a, Some(&Selection::Event("e1".into())));
        assert!(l.entities.contains("person:a") && l.entities.contains("place:amman"));
        assert_eq!(lit(&a, None), Lit::default());
        let groups = by_salience(&a);
        assert_eq!(groups.first().map(|g| g.1.clone()), Some(vec![1, 0]));
        assert_eq!(groups.len(), 2);
    }
}
