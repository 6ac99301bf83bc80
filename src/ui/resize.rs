//! Keeps a panel's measured size in step with the element: the map and the
//! timeline lay out in pixels, and their box changes size without any
//! window resize (another article's timeline is taller, a host page narrows
//! an `<article-atlas>` element, a panel is shown or hidden).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Calls `on(width, height)` (client size in CSS pixels) now and whenever
/// the element behind `node` changes size, until the owner is disposed.
pub(super) fn observe_size(node: NodeRef<leptos::html::Div>, on: impl Fn(f64, f64) + 'static) {
    let on = std::rc::Rc::new(on);
    // A resize reported after the view is gone (its element just left the
    // document) must not reach signals that are being disposed.
    let live = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let live_in_cb = live.clone();
    let observer = StoredValue::new_local(None::<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        on(f64::from(el.client_width()), f64::from(el.client_height()));
        let (on, target, live) = (on.clone(), el.clone(), live_in_cb.clone());
        let cb = Closure::<dyn FnMut()>::new(move || {
            if live.load(std::sync::atomic::Ordering::Relaxed) {
                on(f64::from(target.client_width()), f64::from(target.client_height()));
            }
        });
        if let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
            ro.observe(&el);
            observer.update_value(|o| {
                if let Some((old, _)) = o.take() {
                    old.disconnect();
                }
                *o = Some((ro, cb));
            });
        }
    });
    on_cleanup(move || {
        live.store(false, std::sync::atomic::Ordering::Relaxed);
        observer.try_update_value(|o| {
            if let Some((ro, _)) = o.take() {
                ro.disconnect();
            }
        });
    });
}
