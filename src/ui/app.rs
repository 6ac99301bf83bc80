//! The top-level component: toolbar, error banner, and the four linked views
//! (text, map, timeline, entity list) in a responsive layout.

use super::card::Card;
use super::entities::{EntityList, Legend};
use super::map::Map;
use super::state::Ctx;
use super::text::ArticleText;
use super::timeline::Timeline;
use super::toolbar::{read_file, Toolbar};
use super::AppState;
use leptos::prelude::*;

/// The whole article view.
#[component]
pub fn App(
    /// The instance's shared state.
    state: AppState,
) -> impl IntoView {
    let ctx = Ctx::new(state);
    let error = state.error;
    let panels = state.panels;
    let lang = ctx.lang;
    let (dragging, set_dragging) = signal(false);
    let readers = StoredValue::new_local(Vec::new());

    // Marks the first time an article is on screen with its map and timeline,
    // for the first-render measurement (navigation start → drawn).
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || state.analysis.with(|a| a.is_none()) {
            return done.unwrap_or(false);
        }
        request_animation_frame(mark_drawn);
        true
    });

    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        set_dragging.set(false);
        let file = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0));
        if let Some(file) = file {
            if let Some(reader) = read_file(state, file, lang.get_untracked()) {
                readers.update_value(|r| {
                    r.truncate(3);
                    r.push(reader);
                });
            }
        }
    };

    view! {
        <div
            class="atlas"
            node_ref=ctx.root
            lang=move || lang.get().code()
            dir=move || lang.get().dir()
            class:dragging=move || dragging.get()
            class:has-selection=move || ctx.selected.with(|s| s.is_some())
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    state.clear_selection();
                    ctx.unpreview();
                }
            }
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                set_dragging.set(true);
            }
            on:dragleave=move |ev: leptos::ev::DragEvent| {
                if ev.related_target().is_none() {
                    set_dragging.set(false);
                }
            }
            on:drop=on_drop
        >
            <nav class="skip-links" aria-label=move || lang.get().t().app_name>
                <Show when=move || panels.get().map>
                    <button type="button" class="skip-link" data-testid="skip-map" on:click=move |_| focus_in(ctx, "svg.map")>
                        {move || lang.get().t().skip_to_map}
                    </button>
                </Show>
                <Show when=move || panels.get().timeline>
                    <button
                        type="button"
                        class="skip-link"
                        data-testid="skip-timeline"
                        on:click=move |_| focus_in(ctx, ".timeline-box")
                    >
                        {move || lang.get().t().skip_to_timeline}
                    </button>
                </Show>
            </nav>
            <Toolbar ctx=ctx />
            <Show when=move || error.with(|e| e.is_some())>
                <div class="error-banner" role="alert" data-testid="error-banner">
                    {move || {
                        let raw = error.get().unwrap_or_default();
                        let told = state.problem.with(|p| p.as_ref().filter(|(m, _)| *m == raw).map(|(_, p)| p.clone()));
                        match told {
                            Some(p) => view! {
                                <span data-testid="error-message">{super::i18n::problem(lang.get(), &p)}</span>
                                <span class="error-detail" lang="en" dir="ltr">{raw}</span>
                            }
                            .into_any(),
                            None => view! { <span data-testid="error-message">{raw}</span> }.into_any(),
                        }
                    }}
                    <button
                        type="button"
                        class="icon-btn dismiss"
                        aria-label=move || lang.get().t().dismiss
                        on:click=move |_| error.set(None)
                    ></button>
                </div>
            </Show>
            <div
                class="layout"
                class:no-text=move || !panels.get().text
                class:no-side=move || !(panels.get().map || panels.get().timeline)
                class:no-entities=move || !panels.get().entities
            >
                <Show when=move || panels.get().text>
                    <section class="panel panel-text" aria-label=move || lang.get().t().article_text>
                        <Legend ctx=ctx />
                        <ArticleText ctx=ctx />
                    </section>
                </Show>
                <Show when=move || panels.get().map || panels.get().timeline>
                    <section class="panel panel-side">
                        <Show when=move || panels.get().map>
                            <Map ctx=ctx />
                        </Show>
                        <Show when=move || panels.get().timeline>
                            <Timeline ctx=ctx />
                        </Show>
                    </section>
                </Show>
                <Show when=move || panels.get().entities>
                    <aside class="panel panel-entities" aria-label=move || lang.get().t().entities>
                        <EntityList ctx=ctx />
                    </aside>
                </Show>
            </div>
            <Card ctx=ctx />
            <div class="drop-overlay" aria-hidden="true">
                <p>{move || lang.get().t().drop_here}</p>
            </div>
        </div>
    }
}

/// Moves keyboard focus to the first element under the view's root that
/// matches `selector` (a skip link's target).
fn focus_in(ctx: Ctx, selector: &str) {
    use wasm_bindgen::JsCast;
    let Some(el) = ctx.root.get_untracked().and_then(|r| r.query_selector(selector).ok().flatten()) else { return };
    // `focus` is called as a method, so it works on an SVG element too.
    let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
    el.scroll_into_view();
}

fn mark_drawn() {
    let Some(w) = web_sys::window() else { return };
    let now = w.performance().map(|p| {
        let _ = p.mark("atlas-drawn");
        p.now()
    });
    if let (Some(now), Some(root)) = (now, w.document().and_then(|d| d.document_element())) {
        if root.get_attribute("data-atlas-ready").is_none() {
            let _ = root.set_attribute("data-atlas-ready", &crate::float::fixed(now, 1));
        }
    }
}
