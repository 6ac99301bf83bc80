//! The timeline: an SVG time axis with the publication day marked and each
//! event placed by its date, its precision drawn (dot for a day, bar for a
//! month or range, arrows for "before" and "upcoming"); undated events in a
//! lane of their own, those the text places only roughly marked "≈" with
//! the text's words ("≈ مؤخرا", "≈ before the meeting"). Mirrored for right-to-left articles.

use super::i18n::{self, Lang};
use super::resize::observe_size;
use super::select::selectable;
use super::state::Ctx;
use crate::float::{display as num, fixed};
use crate::layout::{self, EventSlot, Mark, TickUnit, TimelineLayout, Viewport};
use crate::model::{Analysis, Dir, EntityType, Event, Relation};
use crate::time::calendar;
use crate::view::Selection;
use leptos::prelude::*;

const TOP: f64 = 24.0;
const LANE_H: f64 = 42.0;
/// What a lane grows by when a label sits under its mark (one line).
const LINE_H: f64 = 15.0;
const AXIS_H: f64 = 30.0;
const LABEL_FONT: f64 = 12.5;

/// The two label lines of an event: what and where; when and who.
fn label_lines(a: &Analysis, e: &Event, l: Lang) -> (String, String) {
    let name = |id: &str| a.entities.iter().find(|x| x.id == id).map(|x| x.name.clone()).unwrap_or_default();
    let mut first = i18n::event_kind(l, &e.kind);
    if let Some(p) = &e.place {
        let p = name(p);
        if !p.is_empty() {
            first = format!("{first} · {p}");
        }
    }
    let when = match (&e.date, &e.approx) {
        (Some(d), _) => i18n::date_value(l, d.start, d.end, d.precision),
        // placed only roughly: the text's own words, marked approximate
        (None, Some(x)) => format!("≈ {}", x.cue),
        (None, None) => match e.relation {
            Relation::Before => l.t().before_pub.to_string(),
            Relation::Upcoming | Relation::After => l.t().upcoming.to_string(),
            _ => l.t().date_unknown.to_string(),
        },
    };
    let people: Vec<String> = e.participants.iter().map(|p| name(p)).filter(|n| !n.is_empty()).collect();
    let mut second = when;
    if !people.is_empty() {
        let shown: Vec<&str> = people.iter().take(2).map(String::as_str).collect();
        let more = people.len().saturating_sub(2);
        second = format!(
            "{second} · {}{}",
            shown.join(super::i18n::list_sep(l)),
            if more > 0 { format!(" +{more}") } else { String::new() }
        );
    }
    (truncate(&first, 40), truncate(&second, 36))
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// One timeline item: an event, and any others that read exactly the same
/// (the same kind, place, date and people found twice), shown once.
#[derive(Debug, Clone, PartialEq)]
struct Item {
    id: String,
    /// Every event id the item stands for (`id` first).
    ids: Vec<String>,
    line1: String,
    line2: String,
}

/// Everything drawn, computed from the analysis, the width and the language.
#[derive(Debug, Clone, PartialEq)]
struct Drawn {
    layout: TimelineLayout,
    events: Vec<Item>,
    /// An axis is drawn only when some event has a date.
    has_axis: bool,
    published: Option<crate::model::Ymd>,
    height: f64,
    axis_y: f64,
    undated_y: f64,
}

fn draw(
    a: &Analysis,
    width: f64,
    l: Lang,
    hidden: bool,
    window: Option<(crate::model::Ymd, crate::model::Ymd)>,
) -> Drawn {
    let all: Vec<&Event> = if hidden { Vec::new() } else { a.events.iter().collect() };
    let mut events: Vec<&Event> = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    for e in all {
        let (line1, line2) = label_lines(a, e, l);
        match items.iter_mut().find(|it| it.line1 == line1 && it.line2 == line2) {
            Some(same) => same.ids.push(e.id.clone()),
            None => {
                events.push(e);
                items.push(Item { id: e.id.clone(), ids: vec![e.id.clone()], line1, line2 });
            }
        }
    }
    let lines: Vec<(String, String)> = items.iter().map(|it| (it.line1.clone(), it.line2.clone())).collect();
    let widths: Vec<f64> = lines
        .iter()
        .map(|(x, y)| layout::text_width(x, LABEL_FONT).max(layout::text_width(y, LABEL_FONT - 1.5)) + 4.0)
        .collect();
    let published = a.published.as_deref().and_then(calendar::parse_iso_day);
    let lay = layout::timeline(&events, &widths, published, window, width, a.dir == Dir::Rtl);
    let has_axis = !lay.dated.is_empty();
    let axis_y = TOP + lay.lane_top(lay.lanes, LANE_H, LINE_H) + 4.0;
    // Without dated events there is no axis: the undated list starts at the top.
    let undated_y = if has_axis { axis_y + AXIS_H + 10.0 } else { 4.0 };
    let height = match (has_axis, lay.undated_rows) {
        (_, 0) => axis_y + AXIS_H,
        (true, n) => undated_y + 16.0 + n as f64 * LANE_H,
        (false, n) => undated_y + 16.0 + n as f64 * LANE_H - 4.0,
    };
    Drawn { events: items, has_axis, layout: lay, published, height, axis_y, undated_y }
}

/// The timeline panel.
#[component]
pub fn Timeline(
    /// Shared view context.
    ctx: Ctx,
) -> impl IntoView {
    let state = ctx.state;
    let box_ref = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(560.0f64);
    observe_size(box_ref, move |w, _| {
        let w = Viewport::new(w, 1.0).width;
        if width.try_get_untracked().is_some_and(|old| (old - w).abs() > 0.5) {
            width.try_set(w);
        }
    });

    let drawn = Memo::new(move |_| {
        let w = width.get();
        let l = ctx.lang.get();
        let hidden = ctx.hidden.with(|h| h.contains(&EntityType::Event));
        let window = state.view.with(|v| {
            v.time.as_ref().and_then(|t| Some((calendar::parse_iso_day(&t.start)?, calendar::parse_iso_day(&t.end)?)))
        });
        state.analysis.with(|a| a.as_ref().map(|a| draw(a, w, l, hidden, window)))
    });
    let t = move || ctx.lang.get().t();

    view! {
        <div
            class="timeline-box"
            node_ref=box_ref
            data-testid="timeline"
            tabindex="-1"
            role="region"
            aria-label=move || t().timeline
        >
            {move || {
                drawn
                    .get()
                    .map(|d| {
                        // the events' closures read this drawing's own copies (see Relay)
                        let ctx = ctx.scoped();
                        let l = ctx.lang.get_untracked();
                        let has_events = !d.events.is_empty();
                        if !has_events {
                            // Nothing to place in time: say so, without an empty axis.
                            return view! { <p class="timeline-note" data-testid="timeline-empty">{t().no_events}</p> }
                                .into_any();
                        }
                        let note = (!d.has_axis)
                            .then(|| view! { <p class="timeline-note" data-testid="timeline-undated-note">{t().no_dated_events}</p> });
                        view! {
                            {note}
                            <svg
                                class="timeline"
                                width="100%"
                                height=fixed(d.height, 0)
                                viewBox=format!("0 0 {} {}", fixed(width.get_untracked(), 0), fixed(d.height, 0))
                                role="group"
                                aria-label=t().timeline
                            >
                                {d.has_axis.then(|| axis(&d, l))}
                                {undated_head(&d, l)}
                                {d
                                    .layout
                                    .dated
                                    .iter()
                                    .chain(d.layout.undated.iter())
                                    .map(|s| event_view(ctx, &d, s, l))
                                    .collect_view()}
                            </svg>
                        }
                        .into_any()
                    })
            }}
        </div>
    }
}

fn axis(d: &Drawn, l: Lang) -> impl IntoView {
    let lay = &d.layout;
    let axis_y = d.axis_y;
    let ticks = lay
        .ticks
        .iter()
        .map(|tk| {
            let x = lay.scale.x(tk.day as f64);
            let label = match (tk.unit, tk.major) {
                (TickUnit::Day, true) => i18n::day_month(l, tk.date),
                (TickUnit::Day, false) => tk.date.day.to_string(),
                (TickUnit::Month, true) => i18n::month_year(l, tk.date),
                (TickUnit::Month, false) => i18n::month_name(l, tk.date),
                (TickUnit::Year, _) => tk.date.year.to_string(),
            };
            let (lo, hi) = (lay.scale.x0.min(lay.scale.x1), lay.scale.x0.max(lay.scale.x1));
            let anchor_at = tick_anchor(x, &label, lo, hi, l.rtl());
            view! {
                <line class="grid" x1=num(x) x2=num(x) y1=num(TOP - 4.0) y2=num(axis_y)></line>
                <line class="tick" x1=num(x) x2=num(x) y1=num(axis_y) y2=num(axis_y + 5.0)></line>
                <text
                    class="tick-label"
                    class:major=tk.major
                    x=num(x)
                    y=num(axis_y + 18.0)
                    direction=l.dir()
                    text-anchor=anchor_at
                >
                    {label}
                </text>
            }
        })
        .collect_view();
    let published = lay.published_x.zip(d.published).map(|(x, day)| {
        let text = format!("{} · {}", l.t().published, i18n::day(l, day));
        let bottom = if lay.undated_rows > 0 { d.height - 4.0 } else { axis_y };
        let right = layout::text_width(&text, 11.0) + x + 8.0 < lay.scale.x1.max(lay.scale.x0) + 16.0;
        view! {
            <line class="pub-line" x1=num(x) x2=num(x) y1="14" y2=num(bottom)></line>
            <circle class="pub-dot" cx=num(x) cy=num(axis_y) r="4"></circle>
            <text
                class="pub-label"
                data-testid="timeline-published"
                x=num(if right { x + 5.0 } else { x - 5.0 })
                y="13"
                direction=l.dir()
                text-anchor=anchor(right, l.rtl())
            >
                {text}
            </text>
        }
    });
    view! {
        <line class="axis" x1=num(lay.scale.x0) x2=num(lay.scale.x1) y1=num(axis_y) y2=num(axis_y)></line>
        {ticks}
        {published}
    }
}

/// The heading of the undated list.
fn undated_head(d: &Drawn, l: Lang) -> impl IntoView {
    let lay = &d.layout;
    (lay.undated_rows > 0).then(|| {
        let y = d.undated_y;
        let x = if lay.scale.rtl { lay.scale.x1 } else { lay.scale.x0 };
        view! {
            {d.has_axis.then(|| view! { <line class="lane-sep" x1=num(lay.scale.x0) x2=num(lay.scale.x1) y1=num(y - 4.0) y2=num(y - 4.0)></line> })}
            <text class="lane-label" x=num(x) y=num(y + 8.0) direction=l.dir() text-anchor=anchor(!lay.scale.rtl, l.rtl())>
                {l.t().undated_events}
            </text>
        }
    })
}

/// Centred under its tick, unless that would cut the label at an edge.
fn tick_anchor(x: f64, label: &str, lo: f64, hi: f64, rtl: bool) -> &'static str {
    let half = layout::text_width(label, 11.0) / 2.0;
    if x - half < lo - 12.0 {
        anchor(true, rtl)
    } else if x + half > hi + 12.0 {
        anchor(false, rtl)
    } else {
        "middle"
    }
}

fn anchor(extend_right: bool, rtl: bool) -> &'static str {
    if extend_right != rtl {
        "start"
    } else {
        "end"
    }
}

fn event_view(ctx: Ctx, d: &Drawn, s: &EventSlot, l: Lang) -> impl IntoView {
    let Some(Item { id, ids, line1, line2 }) = d.events.get(s.index).cloned() else {
        return ().into_any();
    };
    let dated = matches!(s.mark, Mark::Day | Mark::Span);
    let y = if dated {
        TOP + d.layout.lane_top(s.lane, LANE_H, LINE_H)
    } else {
        d.undated_y + 16.0 + s.lane as f64 * LANE_H
    };
    // a label under its mark moves both lines down one line
    let below = if s.label_below { LINE_H } else { 0.0 };
    let cy = 10.0;
    let sel = Selection::Event(id.clone());
    let ids_pre = ids.clone();
    let lit = move || ctx.lit.with(|x| ids.iter().any(|i| x.events.contains(i)));
    let pre = move || ctx.preview.with(|x| ids_pre.iter().any(|i| x.events.contains(i)));
    let mid = (s.x0 + s.x1) / 2.0;
    let mark = match s.mark {
        Mark::Day => view! { <circle class="ev-dot" cx=num(mid) cy=num(cy) r="6"></circle> }.into_any(),
        Mark::Span => view! {
            <rect class="ev-span" x=num(s.x0) y=num(cy - 5.0) width=num((s.x1 - s.x0).max(8.0)) height="10" rx="4"></rect>
            <line class="ev-span-end" x1=num(s.x0) x2=num(s.x0) y1=num(cy - 8.0) y2=num(cy + 8.0)></line>
            <line class="ev-span-end" x1=num(s.x1) x2=num(s.x1) y1=num(cy - 8.0) y2=num(cy + 8.0)></line>
        }
        .into_any(),
        Mark::Before | Mark::Upcoming => {
            // "Before" points to the past, "upcoming" to the future: left and
            // right in a left-to-right timeline, mirrored in right-to-left.
            let towards_left = (s.mark == Mark::Before) != d.layout.scale.rtl;
            let (from, to) = if towards_left { (s.x1, s.x0) } else { (s.x0, s.x1) };
            let dir = if to > from { 1.0 } else { -1.0 };
            let head = format!(
                "M{} {} L{} {} L{} {} Z",
                fixed(to, 1),
                fixed(cy, 1),
                fixed(to - 8.0 * dir, 1),
                fixed(cy - 6.0, 1),
                fixed(to - 8.0 * dir, 1),
                fixed(cy + 6.0, 1)
            );
            view! {
                <line class="ev-arrow" class:upcoming={s.mark == Mark::Upcoming} x1=num(from) x2=num(to - 6.0 * dir) y1=num(cy) y2=num(cy)></line>
                <path class="ev-head" d=head></path>
            }
            .into_any()
        }
        Mark::Undated => view! {
            <circle class="ev-dot undated" cx=num(mid) cy=num(cy) r="6"></circle>
            <text class="ev-q" x=num(mid) y=num(cy + 4.0) text-anchor="middle" aria-hidden="true">
                "?"
            </text>
        }
        .into_any(),
    };
    let tx = s.label_x;
    let lw = layout::text_width(&line1, LABEL_FONT).max(layout::text_width(&line2, 11.0));
    let (hit_x0, hit_x1) = if s.label_right { (s.x0, (tx + lw).max(s.x1)) } else { ((tx - lw).min(s.x0), s.x1) };
    let rtl = l.rtl();
    let aria = format!("{line1}. {line2}");
    view! {
        <g
            class="tl-event"
            class:lit=lit.clone()
            class:pre=pre
            class:undated={!dated}
            data-testid="timeline-event"
            data-event-id=id
            data-mark=s.mark.name()
            transform=format!("translate(0 {})", fixed(y, 1))
            tabindex="0"
            role="button"
            aria-label=aria
            aria-pressed=move || if lit() { "true" } else { "false" }
            {..selectable(ctx, sel)}
        >
            <rect
                class="ev-hit"
                x=num(hit_x0 - 4.0)
                y="-4"
                width=num(hit_x1 - hit_x0 + 8.0)
                height=num(LANE_H - 4.0 + below)
                rx="6"
            ></rect>
            {mark}
            <text class="ev-label" x=num(tx) y=num(cy + 4.5 + below) direction=l.dir() text-anchor=anchor(s.label_right, rtl)>
                {line1}
            </text>
            // A space between the lines, so the visible text reads as the
            // accessible name does (WCAG 2.5.3).
            " "
            <text class="ev-sub" x=num(tx) y=num(cy + 19.0 + below) direction=l.dir() text-anchor=anchor(s.label_right, rtl)>
                {line2}
            </text>
        </g>
    }
    .into_any()
}
