//! The map: projection, fitting, panning, zooming, pin sizes and label placement.

use crate::view::MapWindow;

/// Zoom 1 shows the whole world's width.
pub const MIN_ZOOM: f64 = 1.0;
/// About street-block level on a city; deeper adds nothing without tiles.
pub const MAX_ZOOM: f64 = 512.0;
const MAX_LAT: f64 = 85.0;
/// Smallest span (degrees) a fit shows, so one city is not a blank close-up.
const MIN_FIT_SPAN: f64 = 6.0;
/// Room (pixels) kept around fitted places for pins and labels.
const FIT_MARGIN: f64 = 48.0;
const KM_PER_DEGREE: f64 = 111.32;

/// Size of the map (or timeline) in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub width: f64,
    pub height: f64,
}

impl Viewport {
    /// A viewport never smaller than one pixel, so divisions stay finite.
    pub fn new(width: f64, height: f64) -> Self {
        let ok = |v: f64| if v.is_finite() && v >= 1.0 { v } else { 1.0 };
        Viewport { width: ok(width), height: ok(height) }
    }
}

/// The affine map from the plane (x = lon, y = -lat) to pixels:
/// `px = k·x + tx`, `py = k·y + ty`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transform {
    pub k: f64,
    pub tx: f64,
    pub ty: f64,
}

impl Transform {
    /// The transform that shows `win` in `vp`.
    pub fn of(win: MapWindow, vp: Viewport) -> Self {
        let k = pixels_per_degree(win.zoom, vp);
        Transform { k, tx: vp.width / 2.0 - win.lon * k, ty: vp.height / 2.0 + win.lat * k }
    }

    /// Pixel position of a longitude/latitude.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        (self.k * lon + self.tx, -self.k * lat + self.ty)
    }

    /// Longitude/latitude under a pixel.
    pub fn unproject(&self, px: f64, py: f64) -> (f64, f64) {
        ((px - self.tx) / self.k, -(py - self.ty) / self.k)
    }

    /// The SVG `transform` attribute that maps plane coordinates to pixels.
    pub fn svg(&self) -> String {
        format!("matrix({:.5} 0 0 {:.5} {:.2} {:.2})", self.k, self.k, self.tx, self.ty)
    }
}

fn pixels_per_degree(zoom: f64, vp: Viewport) -> f64 {
    vp.width * clamp_zoom(zoom) / 360.0
}

fn clamp_zoom(z: f64) -> f64 {
    if z.is_finite() {
        z.clamp(MIN_ZOOM, MAX_ZOOM)
    } else {
        MIN_ZOOM
    }
}

/// A window with finite values inside the world and the zoom range.
pub fn clamp_window(win: MapWindow) -> MapWindow {
    let fin = |v: f64| if v.is_finite() { v } else { 0.0 };
    MapWindow {
        lon: fin(win.lon).clamp(-180.0, 180.0),
        lat: fin(win.lat).clamp(-MAX_LAT, MAX_LAT),
        zoom: clamp_zoom(win.zoom),
    }
}

/// The whole world, for an article without places.
pub const WORLD: MapWindow = MapWindow { lon: 15.0, lat: 20.0, zoom: 1.0 };

/// A place to fit on the map: position and radius in km (0 for points).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoPoint {
    pub lon: f64,
    pub lat: f64,
    pub radius_km: f64,
}

/// The window that shows every point (with its radius) in `vp`, with a margin.
pub fn fit(points: &[GeoPoint], vp: Viewport) -> MapWindow {
    let mut bounds: Option<(f64, f64, f64, f64)> = None;
    for p in points.iter().filter(|p| p.lon.is_finite() && p.lat.is_finite()) {
        let r = if p.radius_km.is_finite() { (p.radius_km / KM_PER_DEGREE).clamp(0.0, 40.0) } else { 0.0 };
        let (w, e, s, n) = (p.lon - r, p.lon + r, p.lat - r, p.lat + r);
        bounds = Some(match bounds {
            None => (w, e, s, n),
            Some((bw, be, bs, bn)) => (bw.min(w), be.max(e), bs.min(s), bn.max(n)),
        });
    }
    let Some((w, e, s, n)) = bounds else { return WORLD };
    let span_lon = (e - w).max(MIN_FIT_SPAN);
    let span_lat = (n - s).max(MIN_FIT_SPAN * 0.6);
    let usable_w = (vp.width - 2.0 * FIT_MARGIN).max(vp.width * 0.5);
    let usable_h = (vp.height - 2.0 * FIT_MARGIN).max(vp.height * 0.5);
    let k = (usable_w / span_lon).min(usable_h / span_lat);
    clamp_window(MapWindow { lon: (w + e) / 2.0, lat: (s + n) / 2.0, zoom: k * 360.0 / vp.width })
}

/// The window after dragging the map by (dx, dy) pixels.
pub fn pan(win: MapWindow, dx: f64, dy: f64, vp: Viewport) -> MapWindow {
    let k = pixels_per_degree(win.zoom, vp);
    clamp_window(MapWindow { lon: win.lon - dx / k, lat: win.lat + dy / k, zoom: win.zoom })
}

/// The window after zooming by `factor` around the pixel (px, py), which
/// keeps showing the same place.
pub fn zoom_at(win: MapWindow, factor: f64, px: f64, py: f64, vp: Viewport) -> MapWindow {
    let factor = if factor.is_finite() && factor > 0.0 { factor } else { 1.0 };
    let before = Transform::of(win, vp);
    let (lon, lat) = before.unproject(px, py);
    let zoom = clamp_zoom(win.zoom * factor);
    let k = pixels_per_degree(zoom, vp);
    clamp_window(MapWindow { lon: lon - (px - vp.width / 2.0) / k, lat: lat + (py - vp.height / 2.0) / k, zoom })
}

/// Radius in pixels of a pin for a place mentioned `mentions` times when the
/// most mentioned place has `max` mentions: area grows with the count.
pub fn pin_radius(mentions: usize, max: usize) -> f64 {
    let max = max.max(1) as f64;
    let m = (mentions.max(1) as f64).min(max);
    6.0 + 7.0 * (m / max).sqrt()
}

/// Radius in pixels of a region of `radius_km` at pixel scale `k` (px per degree).
pub fn area_radius(radius_km: f64, k: f64) -> f64 {
    if radius_km.is_finite() && radius_km > 0.0 {
        radius_km / KM_PER_DEGREE * k
    } else {
        0.0
    }
}

/// Degrees between graticule lines at a zoom level.
pub fn graticule_step(zoom: f64) -> f64 {
    match clamp_zoom(zoom) {
        z if z < 2.5 => 30.0,
        z if z < 6.0 => 10.0,
        z if z < 20.0 => 5.0,
        z if z < 60.0 => 1.0,
        _ => 0.5,
    }
}

/// Rough rendered width of a label (pixels) at a font size; good enough to
/// keep labels from overlapping without measuring the DOM.
pub fn text_width(s: &str, font_px: f64) -> f64 {
    s.chars().map(|c| if c.is_ascii_uppercase() { 0.68 } else { 0.56 }).sum::<f64>() * font_px
}

/// Which side of its anchor a label goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Along the reading direction (right in LTR, left in RTL).
    After,
    /// Against it.
    Before,
}

/// A label to place: anchor, gap from the anchor, size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelBox {
    pub x: f64,
    pub y: f64,
    pub gap: f64,
    pub width: f64,
    pub height: f64,
}

/// Greedy label placement in priority order: each label goes after its
/// anchor, else before it, else is left out. `rtl` flips "after" to the left.
/// Obstacles are circles (x, y, r) no label may cover.
pub fn place_labels(labels: &[LabelBox], obstacles: &[(f64, f64, f64)], rtl: bool, vp: Viewport) -> Vec<Option<Side>> {
    // Pins (centre and radius) are obstacles too, so no label covers a pin.
    let mut taken: Vec<(f64, f64, f64, f64)> =
        obstacles.iter().map(|&(x, y, r)| (x - r, y - r, x + r, y + r)).collect();
    labels
        .iter()
        .map(|l| {
            for side in [Side::After, Side::Before] {
                let to_right = (side == Side::After) != rtl;
                let x0 = if to_right { l.x + l.gap } else { l.x - l.gap - l.width };
                let r = (x0, l.y - l.height / 2.0, x0 + l.width, l.y + l.height / 2.0);
                let inside = r.0 >= 0.0 && r.2 <= vp.width;
                if inside && !taken.iter().any(|t| r.0 < t.2 && t.0 < r.2 && r.1 < t.3 && t.1 < r.3) {
                    taken.push(r);
                    return Some(side);
                }
            }
            None
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const VP: Viewport = Viewport { width: 800.0, height: 500.0 };

    #[test]
    fn projection_round_trips() {
        let t = Transform::of(MapWindow { lon: 30.0, lat: 20.0, zoom: 4.0 }, VP);
        let (x, y) = t.project(44.4, 33.3);
        let (lon, lat) = t.unproject(x, y);
        assert!((lon - 44.4).abs() < 1e-9 && (lat - 33.3).abs() < 1e-9);
        assert_eq!(t.project(30.0, 20.0), (400.0, 250.0));
    }

    #[test]
    fn fit_contains_every_point_with_margin() {
        let pts = [
            GeoPoint { lon: 4.3, lat: 52.1, radius_km: 0.0 },
            GeoPoint { lon: 44.4, lat: 33.3, radius_km: 0.0 },
            GeoPoint { lon: 38.0, lat: 35.0, radius_km: 200.0 },
        ];
        let w = fit(&pts, VP);
        let t = Transform::of(w, VP);
        for p in pts {
            let (x, y) = t.project(p.lon, p.lat);
            assert!((40.0..=VP.width - 40.0).contains(&x), "x {x}");
            assert!((40.0..=VP.height - 40.0).contains(&y), "y {y}");
        }
        assert!(w.zoom > 2.0);
    }

    #[test]
    fn fit_of_nothing_is_the_world_and_of_one_city_is_not_a_closeup() {
        assert_eq!(fit(&[], VP), WORLD);
        let w = fit(&[GeoPoint { lon: 35.9, lat: 31.9, radius_km: 0.0 }], VP);
        assert!(w.zoom < 80.0 && w.zoom > 5.0, "{w:?}");
        let nan = fit(&[GeoPoint { lon: f64::NAN, lat: 1.0, radius_km: 0.0 }], VP);
        assert_eq!(nan, WORLD);
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        let w = MapWindow { lon: 10.0, lat: 10.0, zoom: 3.0 };
        let before = Transform::of(w, VP).unproject(600.0, 100.0);
        let z = zoom_at(w, 2.0, 600.0, 100.0, VP);
        let after = Transform::of(z, VP).unproject(600.0, 100.0);
        assert!((before.0 - after.0).abs() < 1e-9 && (before.1 - after.1).abs() < 1e-9);
        assert_eq!(zoom_at(w, 1e9, 0.0, 0.0, VP).zoom, MAX_ZOOM);
        assert_eq!(zoom_at(w, f64::NAN, 0.0, 0.0, VP).zoom, 3.0);
    }

    #[test]
    fn pan_moves_against_the_drag_and_stays_in_the_world() {
        let w = MapWindow { lon: 0.0, lat: 0.0, zoom: 1.0 };
        let p = pan(w, 100.0, 0.0, VP);
        assert!(p.lon < 0.0);
        let far = pan(w, 0.0, 1e9, VP);
        assert_eq!(far.lat, 85.0);
    }

    #[test]
    fn pins_grow_with_mentions() {
        assert!(pin_radius(1, 5) < pin_radius(5, 5));
        assert_eq!(pin_radius(0, 0), pin_radius(1, 1));
        assert!(pin_radius(9, 3) <= 13.0);
    }

    #[test]
    fn labels_do_not_overlap() {
        let l = LabelBox { x: 100.0, y: 100.0, gap: 8.0, width: 60.0, height: 14.0 };
        let placed = place_labels(&[l, l, l], &[], false, VP);
        assert_eq!(placed, vec![Some(Side::After), Some(Side::Before), None]);
        let rtl = place_labels(&[l], &[], true, VP);
        assert_eq!(rtl, vec![Some(Side::After)]);
        let edge = LabelBox { x: 790.0, ..l };
        assert_eq!(place_labels(&[edge], &[], false, VP), vec![Some(Side::Before)]);
        let blocked = place_labels(&[l], &[(130.0, 100.0, 5.0)], false, VP);
        assert_eq!(blocked, vec![Some(Side::Before)], "a pin after the anchor pushes the label before it");
    }
}
