//! The card shown on hover or focus: an entity's names in both languages and
//! type; for a place, where it resolved to; for a date, its normalised value;
//! for an event, its date, place and participants.

use super::i18n::{self, coordinates, place_kind, type_name, Lang};
use super::state::{CardAt, Ctx};
use crate::float::fixed;
use crate::model::{Analysis, EntityType, Relation};
use crate::view::Selection;
use leptos::prelude::*;

/// The floating card.
#[component]
pub fn Card(
    /// Shared view context.
    ctx: Ctx,
) -> impl IntoView {
    move || {
        let at = ctx.card.get()?;
        let lang = ctx.lang.get();
        let body = ctx.state.analysis.with(|a| a.as_ref().and_then(|a| content(a, &at, lang)))?;
        Some(view! {
            <div
                class="card"
                class:above=at.above
                role="tooltip"
                data-testid="card"
                style:left=format!("{}px", fixed(at.x, 0))
                style:top=format!("{}px", fixed(at.y, 0))
            >
                {body}
            </div>
        })
    }
}

fn name_of(a: &Analysis, id: &str) -> String {
    a.entities.iter().find(|e| e.id == id).map(|e| e.name.clone()).unwrap_or_else(|| id.to_string())
}

fn content(a: &Analysis, at: &CardAt, l: Lang) -> Option<AnyView> {
    let t = l.t();
    match &at.sel {
        Selection::Entity(id) => {
            let e = a.entities.iter().find(|e| &e.id == id);
            let date = a.dates.iter().find(|d| &d.entity == id);
            let kind = e.map(|e| e.kind).or(date.map(|_| EntityType::Date))?;
            let title = e.map(|e| e.name.clone()).or(date.map(|d| d.text.clone())).unwrap_or_default();
            let mut rows: Vec<(String, String, Option<&'static str>)> = Vec::new();
            if let Some(e) = e {
                if let Some(ar) = e.names.ar.clone() {
                    rows.push(("العربية".into(), ar, Some("ar")));
                }
                if let Some(en) = e.names.en.clone() {
                    rows.push(("English".into(), en, Some("en")));
                }
                if let Some(p) = &e.place {
                    let mut what = place_kind(l, p.kind).to_string();
                    if let Some(c) = &p.country {
                        what = format!("{what} · {c}");
                    }
                    rows.push((t.place.into(), what, None));
                    rows.push((t.coordinates.into(), coordinates(l, p.lat, p.lon), None));
                }
                rows.push((t.mentions.into(), e.mentions.to_string(), None));
            }
            if let Some(d) = date {
                rows.push((
                    t.date.into(),
                    format!(
                        "{} ({}) · {}",
                        i18n::date_value(l, d.date.start, d.date.end, d.date.precision),
                        i18n::precision(l, d.date.precision),
                        d.date.value
                    ),
                    None,
                ));
            }
            Some(card_view(kind, type_name(l, kind, false), title, rows))
        }
        Selection::Event(id) => {
            let e = a.events.iter().find(|e| &e.id == id)?;
            let mut rows: Vec<(String, String, Option<&'static str>)> = Vec::new();
            let when = match &e.date {
                Some(d) => format!(
                    "{} ({})",
                    i18n::date_value(l, d.start, d.end, d.precision),
                    i18n::precision(l, d.precision)
                ),
                None => match e.relation {
                    Relation::Before => t.before_pub.to_string(),
                    Relation::Upcoming | Relation::After => t.upcoming.to_string(),
                    _ => t.date_unknown.to_string(),
                },
            };
            rows.push((t.date.into(), when, None));
            if let Some(p) = &e.place {
                rows.push((t.place.into(), name_of(a, p), None));
            }
            if !e.participants.is_empty() {
                let names: Vec<String> = e.participants.iter().map(|p| name_of(a, p)).collect();
                rows.push((t.participants.into(), names.join(i18n::list_sep(l)), None));
            }
            let title = if e.label.is_empty() { e.trigger.clone() } else { e.label.clone() };
            Some(card_view(EntityType::Event, &i18n::event_kind(l, &e.kind), title, rows))
        }
    }
}

fn card_view(
    kind: EntityType,
    kind_label: &str,
    title: String,
    rows: Vec<(String, String, Option<&'static str>)>,
) -> AnyView {
    view! {
        <p class=format!("card-kind t-{}", kind.as_str())>
            <span class="swatch" aria-hidden="true"></span>
            {kind_label.to_string()}
        </p>
        <p class="card-title" dir="auto">
            {title}
        </p>
        <dl class="card-rows">
            {rows
                .into_iter()
                .map(|(k, v, lang)| {
                    view! {
                        <div>
                            <dt>{k}</dt>
                            <dd lang=lang dir="auto">
                                {v}
                            </dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
    .into_any()
}
