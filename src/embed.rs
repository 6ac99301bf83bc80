//! The thin wasm-bindgen surface: start-up of the page.

use wasm_bindgen::prelude::*;

const DEFAULT_ARTICLE: &str = include_str!("../www/articles/default.json");

/// Mounts the app on the page's `#app` element with the default article.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else { return };
    let handle = leptos::mount::mount_to(root, move || {
        // Signals are created inside the mount so they belong to its owner.
        let state = crate::ui::AppState::new(None, crate::view::ViewState::default(), crate::view::Panels::default());
        state.load(DEFAULT_ARTICLE.as_bytes());
        leptos::view! { <crate::ui::App state=state /> }
    });
    handle.forget();
}
