//! Pure layout for the views: map projection, fitting, panning and zooming;
//! timeline scale, ticks and lanes; text segmentation; which entities and
//! events a selection lights up; salience order. No DOM and no leptos here,
//! so plain `cargo test` covers it and the UI only renders its results.
// The UI that calls this compiles only for wasm; natively only tests use it.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use crate::model::{Analysis, EntityType, Event, Precision, Relation, Ymd};
use crate::view::{MapWindow, Selection};
use std::collections::BTreeSet;

// ───────────────────────────── map ─────────────────────────────

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

// ─────────────────────────── timeline ───────────────────────────

/// Days since 1970-01-01 of a (possibly invalid) date; out-of-range months
/// and days are clamped rather than rejected.
pub fn days_from_civil(d: Ymd) -> i64 {
    let m = i64::from(d.month.clamp(1, 12));
    let day = i64::from(d.day.clamp(1, 31));
    let y = i64::from(d.year) - i64::from(m <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (inverse of [`days_from_civil`]).
pub fn civil_from_days(z: i64) -> Ymd {
    let z = z.clamp(-100_000_000, 100_000_000) + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Ymd { year: year as i32, month: month as u8, day: day as u8 }
}

/// Reads "YYYY-MM-DD".
pub fn parse_iso_day(s: &str) -> Option<Ymd> {
    let mut it = s.trim().splitn(3, '-');
    let year = it.next()?.parse().ok()?;
    let month: u8 = it.next()?.parse().ok()?;
    let day: u8 = it.next()?.get(..2)?.parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Ymd { year, month, day })
}

/// A linear map from days to pixels, mirrored for right-to-left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    pub d0: f64,
    pub d1: f64,
    pub x0: f64,
    pub x1: f64,
    pub rtl: bool,
}

impl TimeScale {
    /// Pixel position of a (fractional) day number.
    pub fn x(&self, day: f64) -> f64 {
        let span = (self.d1 - self.d0).max(1.0);
        let t = (day - self.d0) / span;
        let t = if self.rtl { 1.0 - t } else { t };
        self.x0 + t * (self.x1 - self.x0)
    }
}

/// The unit a tick marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickUnit {
    Day,
    Month,
    Year,
}

/// One axis tick. `major` marks the first tick of a larger unit (a new month
/// among day ticks, a new year among month ticks), whose label says more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tick {
    pub day: i64,
    pub date: Ymd,
    pub unit: TickUnit,
    pub major: bool,
}

/// Ticks for the days `d0..=d1`, at most `max_ticks` of them (at least 2),
/// at a "nice" step: 1, 2 or 7 days; 1, 3 or 6 months; 1, 2, 5, 10... years.
pub fn ticks(d0: i64, d1: i64, max_ticks: usize) -> Vec<Tick> {
    let (d0, d1) = if d0 <= d1 { (d0, d1) } else { (d1, d0) };
    let max_ticks = max_ticks.max(2) as i64;
    let span = (d1 - d0).max(1);
    for step in [1i64, 2, 7] {
        if span / step < max_ticks {
            let mut out = Vec::new();
            // Week ticks fall on Mondays (day 4 was a Monday).
            let offset = if step == 7 { 4 } else { 0 };
            let mut d = d0 + (step - (d0 - offset).rem_euclid(step)) % step;
            let mut last_month = None;
            while d <= d1 {
                let date = civil_from_days(d);
                let month = (date.year, date.month);
                out.push(Tick { day: d, date, unit: TickUnit::Day, major: last_month.is_some_and(|m| m != month) });
                last_month = Some(month);
                d += step;
            }
            if let Some(first) = out.first_mut() {
                first.major = true;
            }
            return out;
        }
    }
    let (a, b) = (civil_from_days(d0), civil_from_days(d1));
    let months = |d: Ymd| i64::from(d.year) * 12 + i64::from(d.month) - 1;
    let (m0, m1) = (months(a), months(b));
    for step in [1i64, 3, 6] {
        if (m1 - m0) / step < max_ticks {
            let mut out = Vec::new();
            let mut m = m0 + (step - m0.rem_euclid(step)) % step;
            let mut last_year = None;
            while m <= m1 {
                let date = Ymd { year: m.div_euclid(12) as i32, month: (m.rem_euclid(12) + 1) as u8, day: 1 };
                let day = days_from_civil(date);
                if day >= d0 {
                    out.push(Tick {
                        day,
                        date,
                        unit: TickUnit::Month,
                        major: last_year.is_none_or(|y| y != date.year),
                    });
                    last_year = Some(date.year);
                }
                m += step;
            }
            return out;
        }
    }
    let (y0, y1) = (i64::from(a.year), i64::from(b.year));
    let mut step = 1i64;
    for s in [1i64, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10_000, 100_000, 1_000_000] {
        step = s;
        if (y1 - y0) / s < max_ticks {
            break;
        }
    }
    let mut out = Vec::new();
    let mut y = y0 + (step - y0.rem_euclid(step)) % step;
    while y <= y1 && out.len() < 1000 {
        let date = Ymd { year: y as i32, month: 1, day: 1 };
        let day = days_from_civil(date);
        if day >= d0 {
            out.push(Tick { day, date, unit: TickUnit::Year, major: true });
        }
        y += step;
    }
    out
}

/// How an event shows on the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A dated day: a dot.
    Day,
    /// A month, year or range: a bar over the days it covers.
    Span,
    /// Undated, known to be before publication: an arrow pointing back.
    Before,
    /// Undated and still to come: an arrow pointing ahead.
    Upcoming,
    /// Undated, relation unknown.
    Undated,
}

/// An event's place on the timeline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EventSlot {
    /// Index into the events given to [`timeline`].
    pub index: usize,
    pub mark: Mark,
    /// Pixel extent of the mark (x0 ≤ x1).
    pub x0: f64,
    pub x1: f64,
    /// Row: 0.. for dated lanes; undated events are in `TimelineLayout::undated`.
    pub lane: usize,
    /// Whether the label goes towards larger x.
    pub label_right: bool,
    /// Where the label's near edge is: its left edge when `label_right`,
    /// else its right edge; kept inside the timeline.
    pub label_x: f64,
}

/// Everything the timeline draws.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineLayout {
    pub scale: TimeScale,
    pub ticks: Vec<Tick>,
    /// Pixel x of the publication day, if known.
    pub published_x: Option<f64>,
    pub dated: Vec<EventSlot>,
    pub undated: Vec<EventSlot>,
    /// Number of dated lanes (at least 1).
    pub lanes: usize,
    /// Number of undated rows (0 when there are no undated events).
    pub undated_rows: usize,
}

/// Lays out events on a timeline `width` pixels wide. `label_widths[i]` is the
/// estimated width of event i's label. Dated events are stacked into lanes so
/// that marks and labels do not overlap; undated ones get their own rows,
/// "before" ones left of the publication day and "upcoming" ones right of it
/// (mirrored for right-to-left).
pub fn timeline(
    events: &[&Event],
    label_widths: &[f64],
    published: Option<Ymd>,
    window: Option<(Ymd, Ymd)>,
    width: f64,
    rtl: bool,
) -> TimelineLayout {
    let pad = 16.0;
    let width = if width.is_finite() { width.max(120.0) } else { 120.0 };
    let pub_day = published.map(days_from_civil);
    let spans: Vec<Option<(i64, i64)>> = events
        .iter()
        .map(|e| {
            e.date.as_ref().map(|d| (days_from_civil(d.start), days_from_civil(d.end).max(days_from_civil(d.start))))
        })
        .collect();
    let (mut d0, mut d1) = match window {
        Some((a, b)) => (days_from_civil(a), days_from_civil(b)),
        None => {
            let mut lo = pub_day;
            let mut hi = pub_day;
            for (a, b) in spans.iter().flatten() {
                lo = Some(lo.map_or(*a, |l: i64| l.min(*a)));
                hi = Some(hi.map_or(*b, |h: i64| h.max(*b)));
            }
            match (lo, hi) {
                (Some(l), Some(h)) => {
                    let span = (h - l).max(1);
                    let margin = (span / 8).max(3);
                    (l - margin, h + 1 + margin)
                }
                _ => (0, 30),
            }
        }
    };
    if d1 - d0 < 14 {
        let extra = (14 - (d1 - d0)) / 2 + 1;
        d0 -= extra;
        d1 += extra;
    }
    let scale = TimeScale { d0: d0 as f64, d1: d1 as f64, x0: pad, x1: width - pad, rtl };
    let max_ticks = ((width - 2.0 * pad) / 80.0).floor().max(2.0) as usize;
    let ticks = ticks(d0, d1, max_ticks).into_iter().filter(|t| t.day >= d0 && t.day <= d1).collect();
    let published_x = pub_day.map(|d| scale.x(d as f64 + 0.5));
    let label = |i: usize| label_widths.get(i).copied().filter(|w| w.is_finite()).unwrap_or(80.0).max(0.0) + 10.0;
    let mark_of = |i: usize, e: &Event| match (spans.get(i).copied().flatten(), e.date.as_ref()) {
        (Some(_), Some(d)) if d.precision == Precision::Day => Mark::Day,
        (Some(_), Some(_)) => Mark::Span,
        _ => match e.relation {
            Relation::Before => Mark::Before,
            Relation::Upcoming | Relation::After => Mark::Upcoming,
            Relation::On | Relation::Unknown => Mark::Undated,
        },
    };
    let mut dated = Vec::new();
    let mut undated = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let mark = mark_of(i, e);
        match (mark, spans.get(i).copied().flatten()) {
            (Mark::Day | Mark::Span, Some((a, b))) => {
                let (xa, xb) = (scale.x(a as f64), scale.x(b as f64 + 1.0));
                let (x0, x1) = if mark == Mark::Day {
                    let c = (xa + xb) / 2.0;
                    (c - 6.0, c + 6.0)
                } else {
                    (xa.min(xb), xa.max(xb).max(xa.min(xb) + 8.0))
                };
                dated.push(EventSlot { index: i, mark, x0, x1, lane: 0, label_right: true, label_x: x1 });
            }
            _ => {
                let anchor = published_x.unwrap_or(width / 2.0);
                // "Before" points towards the past, which is left in LTR.
                let past_is_left = !rtl;
                let (x0, x1) = match mark {
                    Mark::Before if past_is_left => (anchor - 34.0, anchor - 4.0),
                    Mark::Before => (anchor + 4.0, anchor + 34.0),
                    Mark::Upcoming if past_is_left => (anchor + 4.0, anchor + 34.0),
                    Mark::Upcoming => (anchor - 34.0, anchor - 4.0),
                    _ => (pad, pad + 12.0),
                };
                undated.push(EventSlot { index: i, mark, x0, x1, lane: 0, label_right: true, label_x: x1 });
            }
        }
    }
    let lanes = pack(&mut dated, &label, width, rtl);
    let undated_rows = if undated.is_empty() { 0 } else { pack(&mut undated, &label, width, rtl) };
    TimelineLayout { scale, ticks, published_x, dated, undated, lanes, undated_rows }
}

/// Chooses each slot's label side and packs slots into lanes greedily so
/// that no two overlap; returns the number of lanes.
fn pack(slots: &mut [EventSlot], label: &dyn Fn(usize) -> f64, width: f64, rtl: bool) -> usize {
    slots.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut lane_ends: Vec<Vec<(f64, f64)>> = Vec::new();
    for s in slots.iter_mut() {
        let w = label(s.index);
        // Labels follow the reading direction unless that runs off the edge.
        let prefer_right = !rtl;
        let fits_right = s.x1 + w <= width;
        let fits_left = s.x0 - w >= 0.0;
        s.label_right = match (fits_right, fits_left) {
            (true, true) => prefer_right,
            (true, false) => true,
            (false, true) => false,
            // Neither side has room: take the roomier one and keep it inside.
            (false, false) => width - s.x1 > s.x0,
        };
        s.label_x = if s.label_right {
            (s.x1 + 6.0).min(width - w + 10.0).max(0.0)
        } else {
            (s.x0 - 6.0).max(w - 10.0).min(width)
        };
        let extent =
            if s.label_right { (s.label_x.min(s.x0), s.label_x + w) } else { (s.label_x - w, s.label_x.max(s.x1)) };
        let lane =
            lane_ends.iter().position(|used| used.iter().all(|u| extent.1 + 4.0 <= u.0 || u.1 + 4.0 <= extent.0));
        let lane = match lane {
            Some(l) => l,
            None => {
                lane_ends.push(Vec::new());
                lane_ends.len() - 1
            }
        };
        if let Some(used) = lane_ends.get_mut(lane) {
            used.push(extent);
        }
        s.lane = lane;
    }
    lane_ends.len().max(1)
}

// ───────────────────────────── text ─────────────────────────────

/// A stretch of one block of text: plain, or one highlighted mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Code points into `Analysis::text`.
    pub start: usize,
    pub end: usize,
    /// Index into the highlight list given to [`segments`].
    pub highlight: Option<usize>,
    /// Indexes of the sentence ranges given to [`segments`] that cover it.
    pub sentences: Vec<usize>,
}

/// Cuts the block `block` into segments at highlight and sentence
/// boundaries. Highlights that overlap an earlier one or fall outside the
/// block are dropped; sentence ranges may overlap anything.
pub fn segments(block: (usize, usize), highlights: &[(usize, usize)], sentences: &[(usize, usize)]) -> Vec<Segment> {
    let (bs, be) = block;
    if be <= bs {
        return Vec::new();
    }
    let mut order: Vec<usize> = (0..highlights.len()).collect();
    order.sort_by_key(|&i| highlights.get(i).map(|h| (h.0, usize::MAX - h.1)));
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    let mut cursor = bs;
    for i in order {
        let Some(&(s, e)) = highlights.get(i) else { continue };
        if s >= cursor && e > s && e <= be {
            kept.push((s, e, i));
            cursor = e;
        }
    }
    let mut cuts: BTreeSet<usize> = BTreeSet::from([bs, be]);
    for &(s, e, _) in &kept {
        cuts.insert(s);
        cuts.insert(e);
    }
    for &(s, e) in sentences {
        for c in [s, e] {
            if c > bs && c < be && !kept.iter().any(|k| c > k.0 && c < k.1) {
                cuts.insert(c);
            }
        }
    }
    let cuts: Vec<usize> = cuts.into_iter().collect();
    cuts.windows(2)
        .filter_map(|w| match w {
            [s, e] if e > s => Some((*s, *e)),
            _ => None,
        })
        .map(|(s, e)| Segment {
            start: s,
            end: e,
            highlight: kept.iter().find(|k| k.0 == s && k.1 == e).map(|k| k.2),
            sentences: sentences
                .iter()
                .enumerate()
                .filter(|(_, r)| r.0 < e && s < r.1 && r.0 <= s && e <= r.1)
                .map(|(i, _)| i)
                .collect(),
        })
        .collect()
}

// ─────────────────────────── selection ──────────────────────────

/// What a selection (or a hover) lights up in every view.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lit {
    pub entities: BTreeSet<String>,
    pub events: BTreeSet<String>,
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
            idx.sort_by(|&x, &y| match (a.entities.get(x), a.entities.get(y)) {
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
mod tests {
    use super::*;
    use crate::model::{DateValue, Derivation, Dir, Entity, Names};

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

    #[test]
    fn civil_days_round_trip() {
        assert_eq!(days_from_civil(Ymd { year: 1970, month: 1, day: 1 }), 0);
        assert_eq!(days_from_civil(Ymd { year: 2000, month: 3, day: 1 }), 11_017);
        for z in [-800_000, -1, 0, 59, 19_334, 700_000] {
            assert_eq!(days_from_civil(civil_from_days(z)), z);
        }
        assert_eq!(parse_iso_day("2022-12-08"), Some(Ymd { year: 2022, month: 12, day: 8 }));
        assert_eq!(parse_iso_day("2022-13-08"), None);
        assert_eq!(parse_iso_day("x"), None);
        let _ = days_from_civil(Ymd { year: i32::MAX, month: 0, day: 99 });
    }

    #[test]
    fn tick_steps_follow_the_span() {
        let d = |y, m, dd| days_from_civil(Ymd { year: y, month: m, day: dd });
        let days = ticks(d(2022, 12, 1), d(2022, 12, 10), 12);
        assert_eq!(days.len(), 10);
        assert!(days.iter().all(|t| t.unit == TickUnit::Day));
        let weeks = ticks(d(2022, 11, 1), d(2022, 12, 31), 10);
        assert!(weeks.iter().all(|t| t.unit == TickUnit::Day && civil_from_days(t.day) == t.date));
        assert!(weeks.windows(2).all(|w| w[1].day - w[0].day == 7));
        let months = ticks(d(2022, 1, 15), d(2022, 12, 31), 12);
        assert_eq!(months.len(), 11);
        assert!(months.iter().all(|t| t.unit == TickUnit::Month && t.date.day == 1));
        let years = ticks(d(1990, 1, 1), d(2030, 1, 1), 6);
        assert!(years.iter().all(|t| t.unit == TickUnit::Year && t.date.year % 10 == 0));
        assert!(years.len() <= 6);
        assert!(!ticks(0, 0, 0).is_empty());
    }

    fn event(id: &str, date: Option<(Ymd, Ymd, Precision)>, relation: Relation) -> Event {
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
            place: Some("place:amman".into()),
            participants: vec!["person:a".into()],
            start: 0,
            end: 10,
        }
    }

    #[test]
    fn timeline_places_dated_events_and_lanes_undated_ones() {
        let day = |d| Ymd { year: 2022, month: 12, day: d };
        let evs = [
            event("e1", Some((day(6), day(6), Precision::Day)), Relation::Before),
            event("e2", Some((day(6), day(6), Precision::Day)), Relation::Before),
            event("e3", Some((day(1), day(31), Precision::Month)), Relation::On),
            event("e4", None, Relation::Upcoming),
            event("e5", None, Relation::Before),
        ];
        let refs: Vec<&Event> = evs.iter().collect();
        let l = timeline(&refs, &[100.0; 5], Some(day(8)), None, 800.0, false);
        assert_eq!(l.dated.len(), 3);
        assert_eq!(l.undated.len(), 2);
        let e1 = l.dated.iter().find(|s| s.index == 0).copied();
        let e2 = l.dated.iter().find(|s| s.index == 1).copied();
        assert!(matches!((e1, e2), (Some(a), Some(b)) if a.lane != b.lane), "same-day events share no lane");
        let px = l.published_x.unwrap_or_default();
        let up = l.undated.iter().find(|s| s.index == 3).map(|s| s.x0).unwrap_or_default();
        let before = l.undated.iter().find(|s| s.index == 4).map(|s| s.x1).unwrap_or_default();
        assert!(up > px && before < px);
        assert!(e1.is_some_and(|s| s.x1 < px), "6 December is left of the 8th");
        let rtl = timeline(&refs, &[100.0; 5], Some(day(8)), None, 800.0, true);
        let r1 = rtl.dated.iter().find(|s| s.index == 0).map(|s| s.x0).unwrap_or_default();
        assert!(r1 > rtl.published_x.unwrap_or_default(), "right-to-left puts the past on the right");
        assert!(!timeline(&[], &[], None, None, f64::NAN, false).ticks.is_empty());
    }

    #[test]
    fn segments_cut_at_mentions_and_sentences() {
        let s = segments((10, 40), &[(12, 15), (13, 20), (30, 35), (38, 45)], &[(25, 40)]);
        let hl: Vec<_> = s.iter().filter_map(|x| x.highlight.map(|h| (x.start, x.end, h))).collect();
        assert_eq!(hl, vec![(12, 15, 0), (30, 35, 2)]);
        assert_eq!(s.first().map(|x| x.start), Some(10));
        assert_eq!(s.last().map(|x| x.end), Some(40));
        assert!(s.windows(2).all(|w| w[0].end == w[1].start));
        assert!(s.iter().filter(|x| x.start >= 25).all(|x| x.sentences == vec![0]));
        assert!(segments((5, 5), &[], &[]).is_empty());
    }

    fn entity(id: &str, kind: EntityType, salience: f64) -> Entity {
        Entity { id: id.into(), kind, name: id.into(), names: Names::default(), mentions: 1, salience, place: None }
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
