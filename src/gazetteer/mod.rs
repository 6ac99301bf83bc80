//! The embedded place tables and their lookup. (Stub: the gazetteer issue
//! fills it with generated data; the API below is the contract the
//! recogniser and the map code against.)
#![allow(dead_code)]

use crate::model::PlaceKind;

/// One place in the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Stable id, e.g. "geonames:99072", "country:IQ", "region:sahel".
    pub id: String,
    pub kind: PlaceKind,
    pub name_en: String,
    /// Arabic name, if any source has one.
    pub name_ar: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// ISO 3166-1 alpha-2 country code ("" for regions spanning countries).
    pub country: String,
    /// Rough radius in km (regions and countries), 0 for points.
    pub radius_km: f64,
}

/// Candidates for a normalised name ([`crate::text::normalize_key`]), as
/// indexes into [`places`]. Empty when the name is unknown or a common word.
pub fn lookup(_key: &str) -> &'static [u32] {
    &[]
}

/// All places; ids from [`lookup`] index into this.
pub fn places() -> &'static [Place] {
    &[]
}

/// The longest place name in tokens, so a recogniser knows how far to look.
pub fn max_name_tokens() -> usize {
    1
}

/// The country (ISO alpha-2) a demonym or adjective points to
/// ("الهولندية", "Dutch", "العراقيين").
pub fn demonym(_key: &str) -> Option<&'static str> {
    None
}

/// A country outline for the world map.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryShape {
    /// ISO 3166-1 alpha-2 code ("" when Natural Earth has none).
    pub iso2: String,
    pub name_en: String,
    /// SVG path data in an equirectangular plane: x = longitude, y = -latitude
    /// (so the world is the box -180 -90 360 180).
    pub path: String,
}

/// Every country outline, antimeridian already cut.
pub fn world_map() -> &'static [CountryShape] {
    &[]
}
