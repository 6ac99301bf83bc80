//! The one select/hover behaviour every selectable mark shares (text
//! highlights, map pins, timeline events, entity list rows): a click, Enter
//! or Space toggles the selection; hover or keyboard focus previews it with
//! the card.

use super::state::Ctx;
use crate::view::Selection;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The event handlers that make an element select `sel`; spread them onto
/// the element with `{..selectable(ctx, sel)}`.
pub(super) fn selectable(ctx: Ctx, sel: Selection) -> impl leptos::attr::Attribute {
    let (s1, s2, s3, s4) = (sel.clone(), sel.clone(), sel.clone(), sel);
    view! {
        <{..}
            on:click=move |_: leptos::ev::MouseEvent| ctx.state.toggle_select(s1.clone())
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    // Also stops a button's own click and the map's keys.
                    ev.prevent_default();
                    ev.stop_propagation();
                    ctx.state.toggle_select(s2.clone());
                }
            }
            on:mouseenter=move |ev: leptos::ev::MouseEvent| ctx.preview_at(s3.clone(), target(&ev))
            on:mouseleave=move |_: leptos::ev::MouseEvent| ctx.unpreview()
            on:focus=move |ev: leptos::ev::FocusEvent| ctx.preview_at(s4.clone(), target(&ev))
            on:blur=move |_: leptos::ev::FocusEvent| ctx.unpreview()
        />
    }
}

/// The element a (non-delegated) event listener sits on.
fn target<E: AsRef<web_sys::Event>>(ev: &E) -> Option<web_sys::Element> {
    ev.as_ref().current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())
}
