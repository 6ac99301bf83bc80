//! The legend (type chips that also filter) and the entity list, grouped by
//! type and sorted by salience.

use super::i18n::{list_sep, nationality_name, place_kind, type_name, Lang};
use super::select::selectable;
use super::state::Ctx;
use crate::layout::{self, TYPE_ORDER};
use crate::model::{Analysis, Entity, EntityType, MentionForm};
use crate::view::Selection;
use leptos::prelude::*;

fn type_toggle(
    ctx: Ctx,
    t: EntityType,
    testid: &'static str,
    label: impl Fn() -> String + Send + 'static,
) -> impl IntoView {
    let shown = move || ctx.hidden.with(|h| !h.contains(&t));
    view! {
        <button
            type="button"
            class=format!("chip t-{}", t.as_str())
            class:off=move || !shown()
            data-testid=testid
            data-entity-type=t.as_str()
            aria-pressed=move || if shown() { "true" } else { "false" }
            title=move || {
                let l = ctx.lang.get();
                format!("{} {}", if shown() { l.t().hide } else { l.t().show }, type_name(l, t, true))
            }
            on:click=move |_| ctx.state.toggle_type(t)
        >
            <span class="swatch" aria-hidden="true"></span>
            {label}
        </button>
    }
}

/// Type chips with mention counts above the text; clicking one hides or
/// shows that type everywhere.
#[component]
pub fn Legend(
    /// Shared view context.
    ctx: Ctx,
) -> impl IntoView {
    let counts = Memo::new(move |_| {
        ctx.state.analysis.with(|a| {
            a.as_ref()
                .map(|a| {
                    TYPE_ORDER
                        .iter()
                        .map(|&t| {
                            let n = a.mentions.iter().filter(|m| m.kind == t).count()
                                + if t == EntityType::Event { a.events.len() } else { 0 };
                            (t, n)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <div class="legend" role="group" aria-label=move || ctx.lang.get().t().legend data-testid="legend">
            {move || {
                // rebuilt with each article: its chips read their own copies (see Relay)
                let ctx = ctx.scoped();
                counts
                    .get()
                    .into_iter()
                    .map(|(t, n)| {
                        type_toggle(ctx, t, "type-toggle", move || format!("{} {n}", type_name(ctx.lang.get(), t, true)))
                    })
                    .collect_view()
            }}
            <Show when=move || ctx.selected.with(|s| s.is_some())>
                // shown and dropped with every selection: its own copies (see Relay)
                {clear_button(ctx.scoped())}
            </Show>
        </div>
    }
}

/// "× Clear selection", while something is selected.
fn clear_button(ctx: Ctx) -> impl IntoView {
    view! {
        <button
            type="button"
            class="chip clear"
            data-testid="clear-selection"
            title=move || ctx.lang.get().t().kbd_hint
            on:click=move |_| ctx.state.clear_selection()
        >
            {move || format!("× {}", ctx.lang.get().t().clear_selection)}
        </button>
    }
}

/// The entity list.
#[component]
pub fn EntityList(
    /// Shared view context.
    ctx: Ctx,
) -> impl IntoView {
    view! {
        <h2 class="panel-title">{move || ctx.lang.get().t().entities}</h2>
        {move || ctx.state.analysis.with(|a| a.as_ref().map(|a| groups(ctx.scoped(), a)))}
    }
}

fn groups(ctx: Ctx, a: &Analysis) -> AnyView {
    let groups = layout::by_salience(a);
    if groups.is_empty() {
        return view! { <p class="empty">{move || ctx.lang.get().t().no_entities}</p> }.into_any();
    }
    let article_lang = Lang::from_code(&a.lang);
    groups
        .into_iter()
        .map(|(t, idx)| {
            let n = idx.len();
            let items: Vec<_> = idx
                .iter()
                .filter_map(|&i| a.entities.get(i))
                .map(|e| {
                    // An event entity is the event itself: choosing it selects the event.
                    let is_event = e.kind == EntityType::Event && a.events.iter().any(|x| x.id == e.id);
                    let links: Vec<String> = e
                        .places
                        .iter()
                        .filter_map(|id| a.entities.iter().find(|x| &x.id == id).map(|x| x.name.clone()))
                        .collect();
                    item(ctx, e, article_lang, is_event, nationality_forms(a, &e.id), links)
                })
                .collect();
            view! {
                <section class=format!("group t-{}", t.as_str()) class:off=move || ctx.hidden.with(|h| h.contains(&t))>
                    <h3 class="group-head">
                        {type_toggle(ctx, t, "group-toggle", move || format!("{} ({n})", type_name(ctx.lang.get(), t, true)))}
                    </h3>
                    <ul class="entity-list">{items}</ul>
                </section>
            }
        })
        .collect_view()
        .into_any()
}

/// The nationality words the text uses for a country ("السعودي",
/// "Russians"), distinct, in text order.
fn nationality_forms(a: &Analysis, id: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in a.mentions.iter().filter(|m| m.entity == id && m.form == MentionForm::Demonym) {
        if !out.contains(&m.text) {
            out.push(m.text.clone());
        }
    }
    out
}

fn item(
    ctx: Ctx,
    e: &Entity,
    article_lang: Lang,
    is_event: bool,
    nationality: Vec<String>,
    links: Vec<String>,
) -> impl IntoView {
    let kind = e.kind;
    let id = e.id.clone();
    let sel = if is_event { Selection::Event(id.clone()) } else { Selection::Entity(id.clone()) };
    let alt = match article_lang {
        Lang::Ar => e.names.en.clone(),
        Lang::En => e.names.ar.clone(),
    }
    .filter(|n| *n != e.name);
    let place = e.place.as_ref().map(|p| (p.kind, p.country.clone().unwrap_or_default()));
    // a selected place offers the reader's correction under it
    let fixable = kind == EntityType::Place;
    let (id_fix, sel_fix) = (id.clone(), sel.clone());
    let fix = move || {
        (fixable && ctx.selected.with(|s| s.as_ref() == Some(&sel_fix)))
            .then(|| super::place_fix::panel(ctx, id_fix.clone()))
    };
    let n = e.mentions;
    let (id_lit, id_pre) = (id.clone(), id.clone());
    let lit = move || ctx.lit.with(|l| l.entities.contains(&id_lit) || l.events.contains(&id_lit));
    view! {
        <li>
            <button
                type="button"
                class=format!("entity t-{}", kind.as_str())
                class:lit=lit.clone()
                class:pre=move || ctx.preview.with(|l| l.entities.contains(&id_pre) || l.events.contains(&id_pre))
                data-testid="entity-item"
                data-entity-id=id
                data-entity-type=kind.as_str()
                data-hidden=move || ctx.hidden.with(|h| h.contains(&kind)).then_some("true")
                aria-pressed=move || if lit() { "true" } else { "false" }
                {..selectable(ctx, sel)}
            >
                <span class="swatch" aria-hidden="true"></span>
                <span class="e-names">
                    <span class="e-name" dir="auto">{e.name.clone()}</span>
                    {alt.map(|s| view! { <span class="e-alt" dir="auto">{s}</span> })}
                    {place
                        .map(|(k, c)| {
                            view! {
                                <span class="e-alt">
                                    {move || {
                                        let k = place_kind(ctx.lang.get(), k);
                                        if c.is_empty() { k.to_string() } else { format!("{k} · {c}") }
                                    }}
                                </span>
                            }
                        })}
                    {(!nationality.is_empty())
                        .then(|| {
                            let n = nationality.len();
                            view! {
                                <span class="e-alt e-nat" data-testid="entity-nationality" data-count=n>
                                    {move || {
                                        let l = ctx.lang.get();
                                        format!("{}: {}", nationality_name(l), nationality.join(list_sep(l)))
                                    }}
                                </span>
                            }
                        })}
                    {(!links.is_empty())
                        .then(|| {
                            view! {
                                <span class="e-alt" data-testid="entity-places">
                                    {move || {
                                        let l = ctx.lang.get();
                                        format!("{}: {}", type_name(l, EntityType::Place, false), links.join(list_sep(l)))
                                    }}
                                </span>
                            }
                        })}
                </span>
                <span class="e-count" title=move || super::i18n::mention_count(ctx.lang.get(), n)>{n}</span>
            </button>
            {fix}
        </li>
    }
}
