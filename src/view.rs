//! The view state: everything besides the article that a shared link restores.
//! Pure data (no DOM), so the share codec and tests use it natively. Its JSON
//! form is written by serde and read by [`crate::model_read`].

use crate::model::EntityType;
use serde::Serialize;

/// What the reader has chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(tag = "kind", content = "id", rename_all = "lowercase")]
pub enum Selection {
    /// An entity id from `Analysis::entities`.
    Entity(String),
    /// An event id from `Analysis::events`.
    Event(String),
}

/// The visible part of the map: centre and zoom (1 = whole world).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct MapWindow {
    pub lon: f64,
    pub lat: f64,
    pub zoom: f64,
}

/// The visible part of the timeline, as ISO days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct TimeWindow {
    pub start: String,
    pub end: String,
}

/// Which panels an embedding shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Panels {
    pub text: bool,
    pub map: bool,
    pub timeline: bool,
    pub entities: bool,
}

impl Default for Panels {
    fn default() -> Self {
        Panels { text: true, map: true, timeline: true, entities: true }
    }
}

/// The reader's view of an analysis.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ViewState {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<Selection>,
    /// Types whose highlights, pins and events are hidden.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hidden: Vec<EntityType>,
    /// `None` means "fitted to the article's places".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map: Option<MapWindow>,
    /// `None` means "fitted to the article's events".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeWindow>,
    /// Interface language ("ar" or "en"); `None` follows the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ui_lang: Option<String>,
    /// The reader's corrections: place entities moved to another gazetteer
    /// place ([`crate::correct`]), at most one per entity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<PlaceFix>,
}

/// A place entity the reader put somewhere else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PlaceFix {
    /// The entity's id (as analysed: ids do not change with a correction).
    pub entity: String,
    /// The gazetteer id of the place it is now ("geonames:99072").
    pub place: String,
}
