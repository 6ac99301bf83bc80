//! The world map: country outlines from the embedded gazetteer, pins sized by
//! mention count, shaded areas for countries and regions; pan by drag, zoom
//! by wheel, pinch, keys and buttons. No tiles, no network.

use super::relay::Relay;
use super::resize::observe_size;
use super::select::selectable;
use super::state::Ctx;
use crate::float::{display as num, fixed};
use crate::gazetteer;
use crate::layout::{self, GeoPoint, LabelBox, Side, Transform, Viewport};
use crate::model::{Analysis, EntityType, PlaceKind};
use crate::vecmap::VecMap;
use crate::view::{MapWindow, Selection};
use leptos::prelude::*;

/// A place entity as the map draws it.
#[derive(Debug, Clone, PartialEq)]
struct Pin {
    id: String,
    name: String,
    lon: f64,
    lat: f64,
    /// Pin radius in pixels (by mention count).
    r: f64,
    mentions: usize,
    /// Radius of the shaded area in km (0 for points).
    area_km: f64,
    rtl_name: bool,
}

impl Pin {
    /// Everything the pin draws. Ids repeat across articles (the same place
    /// in two articles, or a re-analysis in place), so a keyed row must be
    /// rebuilt whenever any of its content changes, never reused by id alone.
    fn key(&self) -> (String, String, [u64; 4], usize) {
        let bits = [self.lon.to_bits(), self.lat.to_bits(), self.r.to_bits(), self.area_km.to_bits()];
        (self.id.clone(), self.name.clone(), bits, self.mentions)
    }
}

fn is_rtl(s: &str) -> bool {
    s.chars().find(|c| c.is_alphabetic()).is_some_and(|c| ('\u{0590}'..='\u{08FF}').contains(&c))
}

fn pins_of(a: &Analysis) -> Vec<Pin> {
    let arabic = a.lang == "ar";
    let mut places: Vec<_> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Place)
        .filter_map(|e| e.place.as_ref().map(|p| (e, p)))
        .filter(|(_, p)| p.lat.is_finite() && p.lon.is_finite())
        .collect();
    crate::sort::sort_by(&mut places, |x, y| {
        y.0.salience.total_cmp(&x.0.salience).then(y.0.mentions.cmp(&x.0.mentions))
    });
    let max = places.iter().map(|(e, _)| e.mentions).max().unwrap_or(1);
    places
        .into_iter()
        .map(|(e, p)| {
            let default_km = match p.kind {
                PlaceKind::Continent => 1800.0,
                PlaceKind::Region => 500.0,
                PlaceKind::Country => 250.0,
                PlaceKind::Province | PlaceKind::City | PlaceKind::Site => 0.0,
            };
            // Labels in the article's language, whatever the name the analysis chose.
            let name = if arabic { e.names.ar.clone() } else { e.names.en.clone() }.unwrap_or_else(|| e.name.clone());
            Pin {
                id: e.id.clone(),
                rtl_name: is_rtl(&name),
                name,
                lon: p.lon,
                lat: p.lat,
                r: layout::pin_radius(e.mentions, max),
                mentions: e.mentions,
                area_km: p.radius_km.filter(|r| r.is_finite() && *r > 0.0).unwrap_or(default_km),
            }
        })
        .collect()
}

/// Where an in-progress drag or pinch is.
#[derive(Debug, Clone, Default)]
struct Gesture {
    /// Active pointers: id and position relative to the map.
    pointers: Vec<(i32, f64, f64)>,
    /// Map's top-left corner in client coordinates at pointer-down.
    origin: (f64, f64),
    start: (f64, f64),
    moved: bool,
}

/// `text-anchor` for a label that extends right (or left) from its anchor,
/// in a text direction.
fn anchor(extend_right: bool, rtl: bool) -> &'static str {
    if extend_right != rtl {
        "start"
    } else {
        "end"
    }
}

/// The map panel.
#[component]
pub fn Map(
    /// Shared view context.
    ctx: Ctx,
) -> impl IntoView {
    let state = ctx.state;
    let box_ref = NodeRef::<leptos::html::Div>::new();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let size = RwSignal::new(Viewport::new(640.0, 400.0));
    observe_size(box_ref, move |w, h| {
        let vp = Viewport::new(w, h);
        if size.try_get_untracked().is_some_and(|old| old != vp) {
            size.try_set(vp);
        }
    });

    let pins = Memo::new(move |_| state.analysis.with(|a| a.as_ref().map(pins_of).unwrap_or_default()));
    let rtl = Memo::new(move |_| state.analysis.with(|a| a.as_ref().is_some_and(|a| a.dir == crate::model::Dir::Rtl)));
    let points = move |p: &[Pin]| -> Vec<GeoPoint> {
        p.iter().map(|p| GeoPoint { lon: p.lon, lat: p.lat, radius_km: p.area_km }).collect()
    };
    // The article's places, less a far outlier that would pile up the rest.
    let fitted = Memo::new(move |_| {
        let vp = size.get();
        pins.with(|p| layout::cover(layout::fit_core(&points(p), vp).0, vp))
    });
    // The window while a drag, pinch or wheel is under way. The view state
    // (and with it the address bar and the share link) takes it once the
    // gesture ends, not on every pointer move.
    let live = RwSignal::new(None::<MapWindow>);
    let win = Memo::new(move |_| {
        let vp = size.get();
        live.get().or_else(|| state.view.with(|v| v.map)).map(|w| layout::cover(w, vp)).unwrap_or_else(|| fitted.get())
    });
    let tf = Memo::new(move |_| Transform::of(win.get(), size.get()));
    let visible =
        Memo::new(move |_| if ctx.hidden.with(|h| h.contains(&EntityType::Place)) { Vec::new() } else { pins.get() });
    // Where each pin is drawn: overlapping pins spread on a ring.
    let shown = Memo::new(move |_| {
        let t = tf.get();
        visible.with(|pins| {
            let circles: Vec<(f64, f64, f64)> = pins
                .iter()
                .map(|p| {
                    let (x, y) = t.project(p.lon, p.lat);
                    (x, y, p.r)
                })
                .collect();
            pins.iter().map(|p| p.id.clone()).zip(layout::spread(&circles)).collect::<VecMap<String, (f64, f64)>>()
        })
    });
    // Pins off the panel (a far place left out of the fit, or after a pan).
    let outside = Memo::new(move |_| {
        let vp = size.get();
        shown.with(|m| m.values().filter(|(x, y)| *x < 0.0 || *y < 0.0 || *x > vp.width || *y > vp.height).count())
    });
    let countries = Memo::new(move |_| {
        state.analysis.with(|a| {
            a.as_ref()
                .map(|a| {
                    a.entities
                        .iter()
                        .filter_map(|e| e.place.as_ref().map(|p| (e, p)))
                        .filter(|(_, p)| p.kind == PlaceKind::Country)
                        .filter_map(|(e, p)| p.country.clone().map(|c| (c, e.id.clone())))
                        .collect::<VecMap<String, String>>()
                })
                .unwrap_or_default()
        })
    });
    // Labels in priority order: lit first, then by salience; greedy so none overlap.
    let labels = Memo::new(move |_| {
        let t = tf.get();
        let vp = size.get();
        let lit = ctx.lit.get();
        let pre = ctx.preview.get();
        let at = shown.get();
        let pos = move |p: &Pin| at.get(&p.id).copied().unwrap_or_else(|| t.project(p.lon, p.lat));
        visible.with(|pins| {
            let mut order: Vec<&Pin> = pins.iter().collect();
            crate::sort::sort_by_key(&mut order, |p| {
                (!pre.entities.contains(&p.id), !lit.entities.contains(&p.id), usize::MAX - p.mentions)
            });
            let boxes: Vec<LabelBox> = order
                .iter()
                .map(|p| {
                    let (x, y) = pos(p);
                    LabelBox { x, y, gap: p.r + 4.0, width: layout::text_width(&p.name, 12.5) + 4.0, height: 17.0 }
                })
                .collect();
            let obstacles: Vec<(f64, f64, f64)> = pins
                .iter()
                .map(|p| {
                    let (x, y) = pos(p);
                    (x, y, p.r + 1.0)
                })
                .collect();
            let sides = layout::place_labels(&boxes, &obstacles, rtl.get(), vp);
            order.iter().zip(sides).filter_map(|(p, s)| s.map(|s| (p.id.clone(), s))).collect::<VecMap<String, Side>>()
        })
    });
    let relays = (Relay::new(tf), Relay::new(shown), Relay::new(labels), Relay::new(rtl), Relay::new(visible));
    let graticule = Memo::new(move |_| {
        let step = layout::graticule_step(win.get().zoom);
        let mut d = String::new();
        let mut lon = -180.0;
        while lon <= 180.0 {
            d.push_str(&format!("M{} -85V85", num(lon)));
            lon += step;
        }
        let mut lat = -80.0;
        while lat <= 80.0 {
            d.push_str(&format!("M-180 {}H180", num(-lat)));
            lat += step;
        }
        d
    });

    let set_win = move |w: MapWindow| {
        live.set(None);
        state.view.update(|v| v.map = Some(layout::clamp_window(w)));
    };
    let set_live = move |w: MapWindow| live.set(Some(layout::clamp_window(w)));
    let commit = move || {
        // `try_`: a wheel timer may fire after the map is gone.
        if let Some(w) = live.try_get_untracked().flatten() {
            set_win(w);
        }
    };
    // A wheel gesture is a run of events: commit once it has paused.
    let wheel_timer = StoredValue::new_local(None::<gloo::timers::callback::Timeout>);
    let zoom_by = move |f: f64| {
        let vp = size.get_untracked();
        set_win(layout::zoom_at(win.get_untracked(), f, vp.width / 2.0, vp.height / 2.0, vp));
    };
    let reset = move || {
        live.set(None);
        state.view.update(|v| v.map = None);
    };
    let show_all = move || {
        let vp = size.get_untracked();
        set_win(pins.with_untracked(|p| layout::cover(layout::fit(&points(p), vp), vp)));
    };
    let gesture = StoredValue::new(Gesture::default());

    let on_down = move |ev: leptos::ev::PointerEvent| {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        let Some(svg) = svg_ref.get_untracked() else { return };
        let rect = svg.get_bounding_client_rect();
        let (x, y) = (f64::from(ev.client_x()) - rect.left(), f64::from(ev.client_y()) - rect.top());
        let id = ev.pointer_id();
        gesture.update_value(|g| {
            g.origin = (rect.left(), rect.top());
            g.pointers.retain(|p| p.0 != id);
            g.pointers.push((id, x, y));
            if g.pointers.len() == 1 {
                g.start = (x, y);
                g.moved = false;
            }
        });
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let id = ev.pointer_id();
        let mut g = gesture.get_value();
        let Some(i) = g.pointers.iter().position(|p| p.0 == id) else { return };
        let (x, y) = (f64::from(ev.client_x()) - g.origin.0, f64::from(ev.client_y()) - g.origin.1);
        let vp = size.get_untracked();
        let w = win.get_untracked();
        if g.pointers.len() == 1 {
            if !g.moved && (x - g.start.0).hypot(y - g.start.1) < 4.0 {
                return;
            }
            if !g.moved {
                if let Some(svg) = svg_ref.get_untracked() {
                    let _ = svg.set_pointer_capture(id);
                }
            }
            let Some(&(_, px, py)) = g.pointers.get(i) else { return };
            g.moved = true;
            set_live(layout::pan(w, x - px, y - py, vp));
        } else if let (Some(&a), Some(&b)) = (g.pointers.first(), g.pointers.get(1)) {
            let other = if a.0 == id { b } else { a };
            let old = if a.0 == id { a } else { b };
            let d_old = (old.1 - other.1).hypot(old.2 - other.2).max(1.0);
            let d_new = (x - other.1).hypot(y - other.2).max(1.0);
            let mid_old = ((old.1 + other.1) / 2.0, (old.2 + other.2) / 2.0);
            let mid_new = ((x + other.1) / 2.0, (y + other.2) / 2.0);
            let zoomed = layout::zoom_at(w, d_new / d_old, mid_old.0, mid_old.1, vp);
            g.moved = true;
            set_live(layout::pan(zoomed, mid_new.0 - mid_old.0, mid_new.1 - mid_old.1, vp));
        }
        if let Some(p) = g.pointers.get_mut(i) {
            *p = (id, x, y);
        }
        gesture.set_value(g);
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        let id = ev.pointer_id();
        gesture.update_value(|g| g.pointers.retain(|p| p.0 != id));
        if gesture.with_value(|g| g.pointers.is_empty()) {
            commit();
        }
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let Some(svg) = svg_ref.get_untracked() else { return };
        let rect = svg.get_bounding_client_rect();
        let unit = if ev.delta_mode() == 1 { 0.05 } else { 0.0025 };
        let f = crate::float::clamp(-ev.delta_y() * unit, -1.0, 1.0).exp();
        let vp = size.get_untracked();
        set_live(layout::zoom_at(
            win.get_untracked(),
            f,
            f64::from(ev.client_x()) - rect.left(),
            f64::from(ev.client_y()) - rect.top(),
            vp,
        ));
        wheel_timer.set_value(Some(gloo::timers::callback::Timeout::new(250, commit)));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let vp = size.get_untracked();
        let w = win.get_untracked();
        let step = 60.0;
        let next = match ev.key().as_str() {
            "ArrowLeft" => Some(layout::pan(w, step, 0.0, vp)),
            "ArrowRight" => Some(layout::pan(w, -step, 0.0, vp)),
            "ArrowUp" => Some(layout::pan(w, 0.0, step, vp)),
            "ArrowDown" => Some(layout::pan(w, 0.0, -step, vp)),
            "+" | "=" => Some(layout::zoom_at(w, 1.5, vp.width / 2.0, vp.height / 2.0, vp)),
            "-" | "_" => Some(layout::zoom_at(w, 1.0 / 1.5, vp.width / 2.0, vp.height / 2.0, vp)),
            "0" => {
                ev.prevent_default();
                reset();
                None
            }
            _ => None,
        };
        if let Some(n) = next {
            ev.prevent_default();
            set_win(n);
        }
    };

    let shapes = gazetteer::world_map()
        .iter()
        .map(|c| {
            let iso = c.iso2.clone();
            let iso2 = c.iso2.clone();
            view! {
                <path
                    class="country"
                    class:mentioned=move || countries.with(|m| m.contains_key(&iso))
                    class:lit=move || {
                        countries.with(|m| m.get(&iso2).is_some_and(|id| ctx.lit.with(|l| l.entities.contains(id))))
                    }
                    d=c.path.as_str()
                    vector-effect="non-scaling-stroke"
                />
            }
        })
        .collect_view();

    let t = move || ctx.lang.get().t();
    let outside_label = Memo::new(move |_| format!("{} {}", outside.get(), t().outside_view));
    // late data bumps `data`: until the gazetteer's core is here, an empty
    // map means "not yet", not "none"
    let empty_note = Memo::new(move |_| {
        ctx.state.data.track();
        if crate::gazetteer::has_core() {
            t().no_places
        } else {
            t().finding_places
        }
    });
    let notes = (Relay::new(outside_label), Relay::new(empty_note));
    view! {
        <div class="map-box" node_ref=box_ref data-testid="map">
            <svg
                node_ref=svg_ref
                class="map"
                width="100%"
                height="100%"
                viewBox=move || format!("0 0 {} {}", fixed(size.get().width, 0), fixed(size.get().height, 0))
                tabindex="0"
                role="group"
                aria-label=move || format!("{}. {}", t().map, t().map_help)
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
                on:wheel=on_wheel
                on:keydown=on_key
            >
                <rect class="sea" x="0" y="0" width="100%" height="100%" />
                <g transform=move || tf.get().svg()>
                    <rect class="globe" x="-180" y="-90" width="360" height="180" vector-effect="non-scaling-stroke" />
                    <path class="graticule" d=move || graticule.get() vector-effect="non-scaling-stroke" />
                    <g class="countries">{shapes}</g>
                </g>
                <g class="pins">
                    {move || {
                        // rebuilt with each analysis, reading only its own copies (see Relay)
                        state.analysis.track();
                        let ctx = ctx.scoped();
                        let (tf, shown, labels) = (relays.0.scoped(), relays.1.scoped(), relays.2.scoped());
                        let (rtl, visible) = (relays.3.scoped(), relays.4.scoped());
                        view! {
                            <For
                                each=move || visible.get()
                                key=Pin::key
                                children=move |p| pin_view(ctx, p, tf, shown, labels, rtl)
                            />
                        }
                    }}
                </g>
            </svg>
            <div class="map-ctl">
                <button type="button" class="icon-btn" data-testid="zoom-in" aria-label=move || t().zoom_in title=move || t().zoom_in on:click=move |_| zoom_by(1.6)>
                    "+"
                </button>
                <button type="button" class="icon-btn" data-testid="zoom-out" aria-label=move || t().zoom_out title=move || t().zoom_out on:click=move |_| zoom_by(1.0 / 1.6)>
                    "−"
                </button>
                <button type="button" class="icon-btn" data-testid="map-reset" aria-label=move || t().reset_map title=move || t().reset_map on:click=move |_| reset()>
                    "⤢"
                </button>
            </div>
            // Both come and go with articles: their text is read through
            // copies owned by the shown element (see Relay).
            <Show when=move || { outside.get() > 0 }>
                {
                    let label = notes.0.scoped();
                    view! {
                        <button type="button" class="map-outside" data-testid="map-outside" on:click=move |_| show_all()>
                            {move || label.get()}
                        </button>
                    }
                }
            </Show>
            <Show when=move || pins.with(|p| p.is_empty())>
                {
                    let note = notes.1.scoped();
                    view! {
                        <p class="map-empty" data-testid="map-empty">
                            {move || note.get()}
                        </p>
                    }
                }
            </Show>
            <p class="map-credit" data-testid="map-credit">{crate::gazetteer::CREDIT}</p>
        </div>
    }
}

fn pin_view(
    ctx: Ctx,
    p: Pin,
    tf: Memo<Transform>,
    shown: Memo<VecMap<String, (f64, f64)>>,
    labels: Memo<VecMap<String, Side>>,
    rtl: Memo<bool>,
) -> impl IntoView {
    let sel = Selection::Entity(p.id.clone());
    let (id_lit, id_pre, id_lab, id_at) = (p.id.clone(), p.id.clone(), p.id.clone(), p.id.clone());
    let lit = move || ctx.lit.with(|l| l.entities.contains(&id_lit));
    let pre = move || ctx.preview.with(|l| l.entities.contains(&id_pre));
    let (lon, lat, r, km, rtl_name) = (p.lon, p.lat, p.r, p.area_km, p.rtl_name);
    let side = Memo::new(move |_| labels.with(|l| l.get(&id_lab).copied()));
    // Where the pin is drawn, and where its place really is relative to that
    // (not (0, 0) when the pin was spread away from others).
    let at = Memo::new(move |_| {
        let real = tf.with(|t| t.project(lon, lat));
        let drawn = shown.with(|m| m.get(&id_at).copied()).unwrap_or(real);
        (drawn, (real.0 - drawn.0, real.1 - drawn.1))
    });
    let moved = move || at.with(|(_, d)| d.0.hypot(d.1) > 0.5);
    // Which way the label runs: "after" follows the article's reading direction.
    let extend_right = Memo::new(move |_| match side.get() {
        Some(Side::After) => !rtl.get(),
        Some(Side::Before) => rtl.get(),
        None => true,
    });
    let count = (r >= 9.5).then(|| {
        view! {
            <text class="pin-count" y="3.5" text-anchor="middle" aria-hidden="true">
                {p.mentions}
            </text>
        }
    });
    // The visible label, then the visible count, then what it counts: the
    // accessible name holds the visible text in order (WCAG 2.5.3).
    let (label_name, n) = (p.name.clone(), p.mentions);
    let aria = move || format!("{label_name} {}", super::i18n::mention_count(ctx.lang.get(), n));
    view! {
        <g
            class="pin"
            class:lit=lit.clone()
            class:pre=pre
            class:area={km > 0.0}
            data-testid="map-pin"
            data-entity-id=p.id.clone()
            data-lat=num(p.lat)
            data-lon=num(p.lon)
            tabindex="0"
            role="button"
            aria-label=aria
            aria-pressed=move || if lit() { "true" } else { "false" }
            transform=move || {
                let ((x, y), _) = at.get();
                format!("translate({} {})", fixed(x, 1), fixed(y, 1))
            }
            {..selectable(ctx, sel)}
        >
            {(km > 0.0)
                .then(|| {
                    view! {
                        <circle
                            class="pin-area"
                            cx=move || fixed(at.get().1 .0, 1)
                            cy=move || fixed(at.get().1 .1, 1)
                            r=move || fixed(layout::area_radius(km, tf.with(|t| t.k)).min(4000.0), 1)
                        ></circle>
                    }
                })}
            <Show when=moved>
                <line class="pin-leader" x1="0" y1="0" x2=move || fixed(at.get().1 .0, 1) y2=move || fixed(at.get().1 .1, 1)></line>
                <circle class="pin-true" r="2.5" cx=move || fixed(at.get().1 .0, 1) cy=move || fixed(at.get().1 .1, 1)></circle>
            </Show>
            <circle class="pin-halo" r=num(r + 6.0)></circle>
            <circle class="pin-dot" r=num(r)></circle>
            <text
                class="pin-label"
                class:hidden-label=move || side.get().is_none()
                x=move || num(if extend_right.get() { r + 4.0 } else { -(r + 4.0) })
                y="4.5"
                direction=if rtl_name { "rtl" } else { "ltr" }
                text-anchor=move || anchor(extend_right.get(), rtl_name)
            >
                {p.name.clone()}
            </text>
            // After the label and a space, so the visible text reads "name count".
            " "
            {count}
        </g>
    }
}
