//! Start-up of the app page (`index.html`) and the iframe page
//! (`embed.html`): read `?src=` and the `#v1.…` fragment, load, and keep the
//! fragment in step with the view.

use super::api::AtlasHandle;
use super::instance::{Instance, Origin, Setup, ShareBase};
use super::registry;
use super::styles::{self, Theme};
use crate::view::{Panels, ViewState};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

const DEFAULT_ARTICLE: &str = include_str!("../../www/articles/default.json");

/// Mounts the app on `#app` (or the element `selector` names): the article
/// from the link, else from `?src=`, else the bundled default. Keeps the
/// URL fragment equal to the current view with `history.replaceState`.
/// `?panels=` (as the element's attribute) and `?theme=light|dark` shape
/// the page, for iframes made by the embed builder.
#[wasm_bindgen(js_name = startPage)]
pub fn start_page(selector: Option<String>) -> Result<AtlasHandle, JsError> {
    let window = web_sys::window().ok_or_else(|| JsError::new("no window"))?;
    let document = window.document().ok_or_else(|| JsError::new("no document"))?;
    let selector = selector.unwrap_or_else(|| "#app".into());
    let root = document
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .ok_or_else(|| JsError::new(&format!("no element matches {selector}")))?;
    let location = window.location();
    let params = location.search().ok().and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok());
    let param = |name: &str| params.as_ref().and_then(|p| p.get(name)).filter(|s| !s.trim().is_empty());
    let src = param("src");
    // `?theme=light|dark` (the embed builder's iframe snippet): a forced
    // theme is adopted on top of the automatic sheet.
    // A bad parameter shows its error over the article; it does not stop the page.
    let mut bad_param = None;
    let theme = match param("theme").map(|t| Theme::parse(&t)).unwrap_or(Ok(Theme::Auto)) {
        Ok(t) => t,
        Err(e) => {
            bad_param = Some(e);
            Theme::Auto
        }
    };
    let hash = location.hash().unwrap_or_default();
    // `?panels=text+map` (the embed builder's iframe snippet): which panels show.
    let panels = match param("panels").map(|p| super::api::parse_panels(&JsValue::from_str(&p))) {
        Some(Ok(p)) => p,
        Some(Err(e)) => {
            bad_param = Some(e);
            Panels::default()
        }
        None => Panels::default(),
    };
    let setup = Setup { view: ViewState::default(), panels, share_base: ShareBase::CurrentPage };
    // The component's sheet travels in the wasm and is adopted here, as
    // mount() does: the page does not also download it as style.css (5 KB
    // of brotli before the map is drawn).
    styles::adopt_for(&root, theme).map_err(|_| JsError::new("could not apply the theme"))?;
    let (inst, unmount) = Instance::mount(root.clone(), setup, |inst| {
        // Effects only to sync with the outside: the address bar.
        Effect::new(move |_| {
            match inst.fragment() {
                Some(Ok(fragment)) => write_fragment(&fragment),
                // A stale fragment would restore something else: clear it.
                Some(Err(_)) => write_fragment(""),
                None => {}
            }
        });
        listen_hashchange(inst);
    })
    .ok_or_else(|| JsError::new("could not mount article-atlas"))?;

    let link = (hash.len() > 1).then(|| crate::share::decode(&hash));
    wasm_bindgen_futures::spawn_local(async move {
        match link {
            Some(Ok(link)) if link.article != crate::share::SharedArticle::None => {
                if inst.apply_link(link).await.is_err()
                    && inst.alive()
                    && inst.state.analysis.with_untracked(Option::is_none)
                {
                    // The link's article could not be loaded: show the page's own behind the error.
                    with_error_kept(inst, load_page_article(inst, None)).await;
                }
            }
            Some(Ok(link)) => {
                load_page_article(inst, src).await;
                let _ = inst.apply_link(link).await;
            }
            Some(Err(e)) => {
                load_page_article(inst, src).await;
                inst.fail_with(link_failure(e));
            }
            None => load_page_article(inst, src).await,
        }
        if let Some(e) = bad_param {
            inst.fail(e);
        }
    });
    let id = registry::add(inst, unmount, root.into(), js_sys::Promise::resolve(&JsValue::UNDEFINED));
    Ok(AtlasHandle::new(id))
}

async fn load_page_article(inst: Instance, src: Option<String>) {
    if let Some(src) = src {
        if inst.load_src(src, true, None).await.is_ok() {
            return;
        }
        // Keep the fetch error visible over the default article.
        with_error_kept(inst, async {
            let _ = inst.load_bytes(DEFAULT_ARTICLE.as_bytes(), Origin::Inline, None);
        })
        .await;
        return;
    }
    let _ = inst.load_bytes(DEFAULT_ARTICLE.as_bytes(), Origin::PageUrl, None);
}

/// Runs `f` and puts back the error that was showing before it.
async fn with_error_kept(inst: Instance, f: impl std::future::Future<Output = ()>) {
    let error = inst.state.error.try_get_untracked().flatten();
    f.await;
    if let Some(e) = error {
        inst.fail(e);
    }
}

/// Replaces the fragment without adding a history entry (and without a
/// `hashchange` event).
fn write_fragment(fragment: &str) {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let current = location.hash().unwrap_or_default();
    if current.trim_start_matches('#') == fragment {
        return;
    }
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else { return };
    let url = if fragment.is_empty() { format!("{path}{search}") } else { format!("{path}{search}#{fragment}") };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// A link that cannot be opened, as the reader is told it.
pub fn link_failure(e: crate::share::ShareError) -> crate::ui::Failure {
    let message = e.to_string();
    (crate::ui::Problem::Link(e), message)
}

/// A fragment typed or pasted into the address bar applies to the open page.
fn listen_hashchange(inst: Instance) {
    let Some(window) = web_sys::window() else { return };
    let on_change = Closure::<dyn Fn()>::new(move || {
        if !inst.alive() {
            return;
        }
        let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        if hash.len() <= 1 || Some(Ok(hash.trim_start_matches('#').to_string())) == inst.fragment() {
            return;
        }
        match crate::share::decode(&hash) {
            Ok(link) => wasm_bindgen_futures::spawn_local(async move {
                let _ = inst.apply_link(link).await;
            }),
            Err(e) => inst.fail_with(link_failure(e)),
        }
    });
    let _ = window.add_event_listener_with_callback("hashchange", on_change.as_ref().unchecked_ref());
    // The page lives as long as the document; the listener checks `alive` after a destroy.
    on_change.forget();
}
