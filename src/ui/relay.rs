//! Long-lived values handed to views that are rebuilt with every article,
//! without the rebuilt views subscribing to the long-lived nodes.
//!
//! reactive_graph drops a subscriber from a source's list only when the
//! subscriber runs again, never when it is disposed: every closure of a
//! disposed view that had read a long-lived memo stays in that memo's list
//! (with the allocation its weak reference keeps), for as long as the memo
//! lives. A news page that shows article after article in one view grew by
//! about 14 KB per article that way (the map's pins, the timeline's events,
//! the text's marks). A [`Relay`] turns that around: one long-lived effect
//! reads the source and *writes* each scope's own signal, so the per-article
//! closures subscribe only to nodes that are disposed with them.

use leptos::prelude::*;

/// Hands the value of a long-lived memo to per-scope copies.
pub struct Relay<T: Send + Sync + 'static> {
    source: Memo<T>,
    sinks: StoredValue<Vec<RwSignal<T>>>,
}

impl<T: Send + Sync + 'static> Clone for Relay<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Relay<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Relay<T> {
    /// A relay for `source`, owned (with its one effect) by the current owner.
    pub fn new(source: Memo<T>) -> Self {
        let sinks: StoredValue<Vec<RwSignal<T>>> = StoredValue::new(Vec::new());
        Effect::new(move |_| {
            let value = source.get();
            // a copy list of its own: setting a copy may dispose a scope,
            // whose cleanup takes itself out of `sinks`
            for sig in sinks.try_get_value().unwrap_or_default() {
                // copies made since the last run start from the value they saw
                if sig.try_with_untracked(|v| *v != value).unwrap_or(false) {
                    sig.try_set(value.clone());
                }
            }
        });
        Relay { source, sinks }
    }

    /// A copy of the source owned by the current owner (a view rebuilt with
    /// each article): it follows the source until that owner is disposed,
    /// and then nothing of it stays behind.
    pub fn scoped(self) -> Memo<T> {
        let sig = RwSignal::new(self.source.get_untracked());
        self.sinks.try_update_value(|s| s.push(sig));
        let sinks = self.sinks;
        on_cleanup(move || {
            sinks.try_update_value(|s| s.retain(|x| *x != sig));
        });
        Memo::new(move |_| sig.get())
    }
}
