//! The timeline: calendar days, the time scale, ticks, and event lanes.

use crate::model::{Event, Precision, Relation, Ymd};
use crate::time::calendar;

/// Day number (days since 1970-01-01) of a date whose month or day may be
/// out of range: they are clamped (1..=12, 1..=31) rather than rejected, so
/// every event still has a place on the axis.
fn clamped_day(d: Ymd) -> i64 {
    calendar::days_from_civil(Ymd { month: d.month.clamp(1, 12), day: d.day.clamp(1, 31), ..d })
}

/// The date of a day number, clamped to the calendar's years (1..=9999)
/// rather than refused, so an axis far out of range still has tick labels.
fn clamped_date(z: i64) -> Ymd {
    let first = Ymd { year: 1, month: 1, day: 1 };
    let last = Ymd { year: 9999, month: 12, day: 31 };
    let z = z.clamp(calendar::days_from_civil(first), calendar::days_from_civil(last));
    calendar::civil_from_days(z).unwrap_or(if z < 0 { first } else { last })
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
                let date = clamped_date(d);
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
    let (a, b) = (clamped_date(d0), clamped_date(d1));
    let months = |d: Ymd| i64::from(d.year) * 12 + i64::from(d.month) - 1;
    let (m0, m1) = (months(a), months(b));
    for step in [1i64, 3, 6] {
        if (m1 - m0) / step < max_ticks {
            let mut out = Vec::new();
            let mut m = m0 + (step - m0.rem_euclid(step)) % step;
            let mut last_year = None;
            while m <= m1 {
                let date = Ymd { year: m.div_euclid(12) as i32, month: (m.rem_euclid(12) + 1) as u8, day: 1 };
                let day = clamped_day(date);
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
        let day = clamped_day(date);
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

impl Mark {
    /// The mark's name for the page's `data-mark` attribute ("day").
    pub fn name(self) -> &'static str {
        match self {
            Mark::Day => "day",
            Mark::Span => "span",
            Mark::Before => "before",
            Mark::Upcoming => "upcoming",
            Mark::Undated => "undated",
        }
    }
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
    /// The label has no room beside the mark on either side (a long span
    /// on a narrow screen): it goes on a line of its own under the mark,
    /// from the mark's start in the reading direction, and the lane is tall.
    pub label_below: bool,
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
    /// Per dated lane: whether a label in it sits under its mark, so the
    /// lane needs one more line.
    pub tall: Vec<bool>,
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
    let pub_day = published.map(clamped_day);
    let spans: Vec<Option<(i64, i64)>> = events
        .iter()
        .map(|e| e.date.as_ref().map(|d| (clamped_day(d.start), clamped_day(d.end).max(clamped_day(d.start)))))
        .collect();
    let (mut d0, mut d1) = match window {
        Some((a, b)) => (clamped_day(a), clamped_day(b)),
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
                dated.push(EventSlot {
                    index: i,
                    mark,
                    x0,
                    x1,
                    lane: 0,
                    label_right: true,
                    label_x: x1,
                    label_below: false,
                });
            }
            _ => {
                // Undated events are a list under the axis, one a row: the
                // mark at the start of the reading direction and the label
                // after it, so no mark ever covers a label, however narrow.
                let (x0, x1) = if rtl { (width - pad - 30.0, width - pad) } else { (pad, pad + 30.0) };
                let label_x = if rtl { x0 - 6.0 } else { x1 + 6.0 };
                let lane = undated.len();
                undated.push(EventSlot {
                    index: i,
                    mark,
                    x0,
                    x1,
                    lane,
                    label_right: !rtl,
                    label_x,
                    label_below: false,
                });
            }
        }
    }
    let tall = pack(&mut dated, &label, width, rtl);
    let lanes = tall.len().max(1);
    let undated_rows = undated.len();
    TimelineLayout { scale, ticks, published_x, dated, undated, lanes, tall, undated_rows }
}

/// Chooses each slot's label side and packs slots into lanes greedily so
/// that no two overlap; returns, per lane, whether it holds a label under
/// its mark.
fn pack(slots: &mut [EventSlot], label: &dyn Fn(usize) -> f64, width: f64, rtl: bool) -> Vec<bool> {
    crate::sort::sort_by(slots, |a, b| a.x0.total_cmp(&b.x0));
    let mut lane_ends: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut tall: Vec<bool> = Vec::new();
    for s in slots.iter_mut() {
        let w = label(s.index);
        // Labels follow the reading direction unless that runs off the edge.
        let prefer_right = !rtl;
        let fits_right = s.x1 + w <= width;
        let fits_left = s.x0 - w >= 0.0;
        s.label_below = !fits_right && !fits_left;
        s.label_right = match (fits_right, fits_left) {
            (true, true) => prefer_right,
            (true, false) => true,
            (false, true) => false,
            // Neither side has room: under the mark, in the reading direction.
            (false, false) => prefer_right,
        };
        s.label_x = match (s.label_below, s.label_right) {
            (false, true) => (s.x1 + 6.0).min(width - w + 10.0).max(0.0),
            (false, false) => (s.x0 - 6.0).max(w - 10.0).min(width),
            (true, true) => s.x0.min(width - w + 10.0).max(0.0),
            (true, false) => s.x1.max(w - 10.0).min(width),
        };
        let extent = if s.label_right {
            (s.label_x.min(s.x0), (s.label_x + w).max(s.x1))
        } else {
            ((s.label_x - w).min(s.x0), s.label_x.max(s.x1))
        };
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
        if let Some(t) = tall.get_mut(lane) {
            *t |= s.label_below;
        } else {
            tall.push(s.label_below);
        }
        s.lane = lane;
    }
    tall
}

impl TimelineLayout {
    /// The top of dated lane `lane`, from the first lane's top, when a lane
    /// is `lane_h` high and a tall one `extra` more.
    pub fn lane_top(&self, lane: usize, lane_h: f64, extra: f64) -> f64 {
        self.tall.iter().take(lane).map(|&t| if t { lane_h + extra } else { lane_h }).sum::<f64>()
            + lane.saturating_sub(self.tall.len()) as f64 * lane_h
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::tests::event;

    #[test]
    fn bad_dates_are_clamped_not_refused() {
        assert_eq!(
            clamped_day(Ymd { year: 2022, month: 0, day: 0 }),
            clamped_day(Ymd { year: 2022, month: 1, day: 1 })
        );
        assert_eq!(
            clamped_day(Ymd { year: 2022, month: 13, day: 99 }),
            clamped_day(Ymd { year: 2022, month: 12, day: 31 })
        );
        for z in [-1, 0, 59, 19_334, 700_000] {
            assert_eq!(clamped_day(clamped_date(z)), z);
        }
        assert_eq!(clamped_date(-800_000), Ymd { year: 1, month: 1, day: 1 });
        assert_eq!(clamped_date(i64::MAX), Ymd { year: 9999, month: 12, day: 31 });
        let _ = clamped_day(Ymd { year: i32::MAX, month: 0, day: 99 });
    }

    #[test]
    fn tick_steps_follow_the_span() {
        let d = |y, m, dd| clamped_day(Ymd { year: y, month: m, day: dd });
        let days = ticks(d(2022, 12, 1), d(2022, 12, 10), 12);
        assert_eq!(days.len(), 10);
        assert!(days.iter().all(|t| t.unit == TickUnit::Day));
        let weeks = ticks(d(2022, 11, 1), d(2022, 12, 31), 10);
        assert!(weeks.iter().all(|t| t.unit == TickUnit::Day && clamped_date(t.day) == t.date));
        assert!(weeks.windows(2).all(|w| w[1].day - w[0].day == 7));
        let months = ticks(d(2022, 1, 15), d(2022, 12, 31), 12);
        assert_eq!(months.len(), 11);
        assert!(months.iter().all(|t| t.unit == TickUnit::Month && t.date.day == 1));
        let years = ticks(d(1990, 1, 1), d(2030, 1, 1), 6);
        assert!(years.iter().all(|t| t.unit == TickUnit::Year && t.date.year % 10 == 0));
        assert!(years.len() <= 6);
        assert!(!ticks(0, 0, 0).is_empty());
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
        assert_eq!(l.undated_rows, 2, "one row per undated event");
        let rows: Vec<usize> = l.undated.iter().map(|s| s.lane).collect();
        assert_eq!(rows, vec![0, 1]);
        for s in &l.undated {
            assert!(s.label_right && s.label_x >= s.x1, "the label follows its mark, never over it: {s:?}");
        }
        assert!(e1.is_some_and(|s| s.x1 < px), "6 December is left of the 8th");
        let rtl = timeline(&refs, &[100.0; 5], Some(day(8)), None, 800.0, true);
        let r1 = rtl.dated.iter().find(|s| s.index == 0).map(|s| s.x0).unwrap_or_default();
        assert!(r1 > rtl.published_x.unwrap_or_default(), "right-to-left puts the past on the right");
        assert!(rtl.undated.iter().all(|s| !s.label_right && s.label_x <= s.x0), "and its labels run leftwards");
        assert!(!timeline(&[], &[], None, None, f64::NAN, false).ticks.is_empty());
    }

    #[test]
    fn a_label_with_no_room_beside_its_span_goes_under_it() {
        // a month-long span and a day, on a phone-width timeline, labels too
        // wide for either side of the span (the Baghdad-visit article at 390 px)
        let evs = [
            event(
                "month",
                Some((Ymd { year: 2024, month: 4, day: 1 }, Ymd { year: 2024, month: 4, day: 30 }, Precision::Month)),
                Relation::On,
            ),
            event(
                "day",
                Some((Ymd { year: 2024, month: 3, day: 13 }, Ymd { year: 2024, month: 3, day: 13 }, Precision::Day)),
                Relation::Before,
            ),
        ];
        let refs: Vec<&Event> = evs.iter().collect();
        for rtl in [false, true] {
            let l = timeline(&refs, &[200.0, 60.0], Some(Ymd { year: 2024, month: 3, day: 14 }), None, 330.0, rtl);
            let span = l.dated.iter().find(|s| s.index == 0).copied().expect("the span is dated");
            assert!(span.label_below, "{span:?}");
            assert_eq!(span.label_right, !rtl, "it starts where the reading does: {span:?}");
            assert!(span.label_x >= 0.0 && span.label_x <= 330.0);
            assert_eq!(l.tall.get(span.lane), Some(&true), "its lane is tall");
            assert!(l.lane_top(span.lane + 1, 42.0, 15.0) >= (span.lane + 1) as f64 * 42.0 + 15.0);
            let day = l.dated.iter().find(|s| s.index == 1).copied().expect("the day is dated");
            assert!(!day.label_below, "a short label beside a dot stays beside it: {day:?}");
        }
    }
}
