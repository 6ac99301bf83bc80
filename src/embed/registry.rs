//! Every mounted instance lives here until `destroy()` or until its element
//! leaves the document, whatever becomes of the JS handle: a handle is only
//! an id, so a host page that drops it (and lets the garbage collector free
//! it) keeps its view, as with Leaflet or Mapbox GL.
//!
//! One `MutationObserver` on the document notices removals: an instance
//! whose element was in the document and no longer is gets unmounted. A
//! move (remove and insert in one task) is not a removal, since observers
//! run after the task. An element mounted before it is attached stays until
//! it has been attached and then removed.

use super::instance::Instance;
use std::any::Any;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;

struct Live {
    id: u32,
    inst: Instance,
    /// Dropping it removes the DOM and disposes the owner.
    _unmount: Box<dyn Any>,
    root: web_sys::Node,
    /// Whether the element has been in the document since mounting.
    attached: bool,
    /// Resolves when the first article (or its error) is on screen.
    loaded: js_sys::Promise,
}

/// The document observer and its callback (kept alive with it).
type Observer = (web_sys::MutationObserver, Closure<dyn FnMut()>);

thread_local! {
    static LIVE: RefCell<Vec<Live>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    static OBSERVER: RefCell<Option<Observer>> = const { RefCell::new(None) };
}

/// Keeps `inst` alive; returns its id.
pub fn add(inst: Instance, unmount: Box<dyn Any>, root: web_sys::Node, loaded: js_sys::Promise) -> u32 {
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1).max(1));
        id
    });
    let attached = root.is_connected();
    LIVE.with(|l| l.borrow_mut().push(Live { id, inst, _unmount: unmount, root, attached, loaded }));
    observe();
    id
}

/// The instance `id` if it is still mounted.
pub fn get(id: u32) -> Option<Instance> {
    LIVE.with(|l| l.borrow().iter().find(|x| x.id == id).map(|x| x.inst)).filter(Instance::alive)
}

/// The promise of the first load of `id`.
pub fn loaded(id: u32) -> Option<js_sys::Promise> {
    LIVE.with(|l| l.borrow().iter().find(|x| x.id == id).map(|x| x.loaded.clone()))
}

/// Replaces the first-load promise (mount with `src` makes it after adding).
pub fn set_loaded(id: u32, promise: js_sys::Promise) {
    LIVE.with(|l| {
        if let Some(x) = l.borrow_mut().iter_mut().find(|x| x.id == id) {
            x.loaded = promise;
        }
    });
}

/// Unmounts `id`; does nothing when it is already gone.
pub fn remove(id: u32) {
    let gone: Vec<Live> = LIVE.with(|l| {
        let mut l = l.borrow_mut();
        let (gone, kept) = std::mem::take(&mut *l).into_iter().partition(|x| x.id == id);
        *l = kept;
        gone
    });
    // Dropped outside the borrow: cleanup code may reach the registry again.
    drop(gone);
}

/// How many instances are mounted (for tests and leak checks).
pub fn count() -> usize {
    LIVE.with(|l| l.borrow().len())
}

/// Unmounts the instances whose element left the document.
fn sweep() {
    let gone: Vec<Live> = LIVE.with(|l| {
        let mut l = l.borrow_mut();
        let mut gone = Vec::new();
        let mut kept = Vec::with_capacity(l.len());
        for mut x in std::mem::take(&mut *l) {
            let connected = x.root.is_connected();
            if x.attached && !connected {
                gone.push(x);
            } else {
                x.attached |= connected;
                kept.push(x);
            }
        }
        *l = kept;
        gone
    });
    drop(gone);
}

/// Starts the document observer once.
fn observe() {
    OBSERVER.with(|o| {
        if o.borrow().is_some() {
            return;
        }
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let callback = Closure::<dyn FnMut()>::new(sweep);
        let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) else { return };
        let init = web_sys::MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        if observer.observe_with_options(&document, &init).is_ok() {
            *o.borrow_mut() = Some((observer, callback));
        }
    });
}
