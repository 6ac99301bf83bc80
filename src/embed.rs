//! The thin wasm-bindgen surface: the page start-up (`startPage`), the JS API
//! (`mount`, `analyze`, the exports) and their TypeScript types. Everything
//! here is glue; the logic lives in the pure modules (`share`, `export`,
//! `analyze`) and the views in `ui`.

mod api;
mod fetch;
mod instance;
mod page;
mod registry;
mod styles;

use wasm_bindgen::prelude::*;

/// Runs when the module is instantiated, whoever loads it: no mounting here
/// (a host page may hold any markup), only the panic hook.
#[wasm_bindgen(start)]
pub fn module_start() {
    console_error_panic_hook::set_once();
}
