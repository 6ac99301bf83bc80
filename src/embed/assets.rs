//! Late assets in the browser (see [`crate::assets`]): the page tells the
//! wasm where the files are (`registerAssets`, once, with the `assets` map of
//! the package's `assets.js`); after each article is shown, the files it
//! needs are fetched (a few at a time), folded in, and every mounted view is
//! analysed again in place (selection, filters and map window kept).
//!
//! A value of the map may be a function returning a promise of another such
//! map: `assets.js` names the gazetteer's 2,048 shards that way, in a module
//! imported only after first paint, so the first download does not carry
//! their list. Such a map is fetched once the frame after its registration
//! is drawn (so that it does not compete with the first map for the wire).
//!
//! `document.documentElement.dataset.atlasAssets` is "unregistered" before
//! `registerAssets`, "loading" while maps or files are being fetched and
//! "complete" when nothing is pending (tests wait for it).

use super::instance::Instance;
use crate::vecmap::{VecMap, VecSet};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[derive(Default)]
struct Registry {
    /// Asset name → (published file name, URL).
    files: VecMap<String, (String, String)>,
    /// Names being fetched.
    pending: VecSet<String>,
    /// Names whose fetch failed (not retried until registered again).
    failed: VecSet<String>,
    /// Lazy maps being fetched (settle when their entries are registered).
    maps: Vec<js_sys::Promise>,
    instances: Vec<Instance>,
}

/// Files fetched at once: enough to fill a connection, few enough that a
/// whole-gazetteer `loadAssets()` does not open thousands of requests.
const IN_FLIGHT: usize = 8;

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
}

/// Where the late assets are: an object whose keys are published file names
/// (`NAME.HASH.EXT`) and whose values are URLs (`URL` objects or strings),
/// such as the `assets` export of the package's `assets.js`. A value may
/// instead be a function returning a promise of another such object (a list
/// kept out of the first download); it is called once the next frame is
/// drawn. Then fetches what the views on screen need.
#[wasm_bindgen(js_name = registerAssets)]
pub fn register_assets(map: &JsValue) -> Result<(), JsError> {
    let entries = js_sys::Object::entries(
        map.dyn_ref::<js_sys::Object>().ok_or_else(|| JsError::new("assets must be an object"))?,
    );
    let mut lazy = Vec::new();
    REGISTRY.with_borrow_mut(|r| {
        for e in entries.iter() {
            let pair = js_sys::Array::from(&e);
            let (Some(file), value) = (pair.get(0).as_string(), pair.get(1)) else { continue };
            if let Some(f) = value.dyn_ref::<js_sys::Function>() {
                lazy.push((file, f.clone()));
                continue;
            }
            // a string, or a URL object (its href)
            let url = value.as_string().or_else(|| js_sys::Reflect::get(&value, &"href".into()).ok()?.as_string());
            let (Some((name, _)), Some(url)) = (crate::assets::split_file_name(&file), url) else { continue };
            r.failed.remove(name);
            r.files.insert(name.to_string(), (file.clone(), url));
        }
    });
    for (key, f) in lazy {
        register_lazy(key, f);
    }
    let instances = REGISTRY.with_borrow(|r| r.instances.clone());
    for inst in instances {
        want(inst);
    }
    mark();
    Ok(())
}

/// Calls `f` for a map of more assets once the next frame is drawn, and
/// registers the map when it arrives.
fn register_lazy(key: String, f: js_sys::Function) {
    let promise = wasm_bindgen_futures::future_to_promise(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(after_next_frame()).await;
        let result = match f.call0(&JsValue::NULL) {
            Ok(v) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&v)).await,
            Err(e) => Err(e),
        };
        let registered = match result {
            Ok(map) => register_assets(&map).map_err(JsValue::from),
            Err(e) => Err(e),
        };
        if let Err(e) = registered {
            web_sys::console::warn_2(&JsValue::from_str(&format!("article-atlas: assets \"{key}\" failed")), &e);
        }
        Ok(JsValue::UNDEFINED)
    });
    REGISTRY.with_borrow_mut(|r| r.maps.push(promise.clone()));
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise.clone()).await;
        REGISTRY.with_borrow_mut(|r| r.maps.retain(|p| !js_sys::Object::is(p, &promise)));
        mark();
    });
}

/// Resolves after the next frame is drawn (a timer queued by the frame's
/// callback), or after a second when no frame comes (a hidden page).
fn after_next_frame() -> js_sys::Promise {
    use std::time::Duration;
    js_sys::Promise::new(&mut |resolve, _| {
        let on_frame = resolve.clone();
        request_animation_frame(move || {
            set_timeout(move || drop(on_frame.call0(&JsValue::NULL)), Duration::ZERO);
        });
        set_timeout(move || drop(resolve.call0(&JsValue::NULL)), Duration::from_secs(1));
    })
}

/// Waits until every lazy map registered so far has arrived (or failed).
async fn maps_settled() {
    loop {
        let Some(p) = REGISTRY.with_borrow(|r| r.maps.first().cloned()) else { return };
        let _ = wasm_bindgen_futures::JsFuture::from(p.clone()).await;
        REGISTRY.with_borrow_mut(|r| r.maps.retain(|q| !js_sys::Object::is(q, &p)));
    }
}

/// Folds in one late asset the host fetched itself (`file` is its published
/// name `NAME.HASH.EXT`, checked against the bytes, or its bare `NAME`), and
/// analyses the mounted views again. False when it was at hand already.
#[wasm_bindgen(js_name = provideAsset)]
pub fn provide_asset(file: &str, bytes: &[u8]) -> Result<bool, JsError> {
    let taken = if crate::assets::split_file_name(file).is_some() {
        crate::assets::provide_file(file, bytes)
    } else {
        crate::assets::provide(file, bytes)
    }
    .map_err(|e| JsError::new(&e.to_string()))?;
    if taken {
        reanalyze_all();
    }
    Ok(taken)
}

/// Fetches the registered assets not at hand yet that `article` needs (its
/// language's tagger, the gazetteer shards its words may start a name in),
/// or, without an article, every one (the whole gazetteer: several MB);
/// resolves when done. For `analyze()` callers: mounted views fetch what
/// they need by themselves.
#[wasm_bindgen(js_name = loadAssets)]
pub async fn load_assets(article: Option<super::api::ArticleInput>) -> Result<(), JsError> {
    maps_settled().await;
    let parsed = match article {
        Some(a) => {
            let bytes = super::api::input_bytes(&a).map_err(|e| JsError::new(&e))?;
            Some(crate::parse_article(&bytes).map_err(|e| JsError::new(&e.to_string()))?)
        }
        None => None,
    };
    // in rounds: what arrives names more that is needed (the core and the
    // filter of Arabic first words come before the shards they lead to)
    let mut last: Vec<String> = Vec::new();
    loop {
        let names: Vec<String> = match &parsed {
            Some(a) => crate::assets::needed(a).into_iter().map(str::to_string).collect(),
            None => crate::assets::all().into_iter().filter(|(_, ok)| !ok).map(|(n, _)| n.to_string()).collect(),
        };
        if names.is_empty() || names == last {
            return Ok(());
        }
        let errors = fetch_all(names.clone()).await;
        if let Some(e) = errors.first() {
            return Err(JsError::new(e));
        }
        last = names;
    }
}

/// True when no late asset (or list of assets) is being fetched.
#[wasm_bindgen(js_name = assetsComplete)]
pub fn assets_complete() -> bool {
    REGISTRY.with_borrow(|r| r.pending.is_empty() && r.maps.is_empty())
}

/// Remembers a mounted instance, so it is analysed again when assets arrive.
pub fn track(inst: Instance) {
    REGISTRY.with_borrow_mut(|r| {
        r.instances.retain(Instance::alive);
        r.instances.push(inst);
    });
}

/// Fetches what the article on `inst` needs and is not at hand.
pub fn want(inst: Instance) {
    let Some(Some(names)) = inst.state.article.try_with_value(|a| a.as_ref().map(crate::assets::needed)) else {
        mark();
        return;
    };
    start(names.into_iter().map(str::to_string).collect());
}

/// Fetches the gazetteer shards the names in `text` may live in.
pub fn want_text(text: &str) {
    start(crate::assets::shards_for_text(text).into_iter().map(str::to_string).collect());
}

/// Claims `names` now (so the state reads "loading" at once, before the
/// fetches run) and fetches them in the background.
fn start(names: Vec<String>) {
    let jobs = claim(names);
    mark();
    if !jobs.is_empty() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = run(jobs).await;
        });
    }
}

/// (name, published file, URL) of one fetch.
type Job = (String, String, String);

/// Fetches `names` (skipping those pending, failed or not registered),
/// folds each in, then analyses the views again once.
async fn fetch_all(names: Vec<String>) -> Vec<String> {
    let jobs = claim(names);
    mark();
    run(jobs).await
}

/// The registered names of `names` not pending or failed, marked pending.
fn claim(names: Vec<String>) -> Vec<Job> {
    REGISTRY.with_borrow_mut(|r| {
        let jobs: Vec<Job> = names
            .into_iter()
            .filter(|n| !r.pending.contains(n) && !r.failed.contains(n))
            .filter_map(|n| {
                let (file, url) = r.files.get(&n)?.clone();
                Some((n, file, url))
            })
            .collect();
        r.pending.extend(jobs.iter().map(|j| j.0.clone()));
        jobs
    })
}

/// Runs claimed fetches, a few at a time; returns their errors.
async fn run(jobs: Vec<Job>) -> Vec<String> {
    if jobs.is_empty() {
        return Vec::new();
    }
    // IN_FLIGHT workers take jobs from one queue (a promise runs without
    // being awaited); each resolves to the errors it met
    let queue = std::rc::Rc::new(RefCell::new(std::collections::VecDeque::from(jobs)));
    let workers: Vec<js_sys::Promise> = (0..IN_FLIGHT.min(queue.borrow().len()))
        .map(|_| {
            let queue = queue.clone();
            wasm_bindgen_futures::future_to_promise(async move {
                let errors = js_sys::Array::new();
                loop {
                    let Some((name, file, url)) = queue.borrow_mut().pop_front() else { break };
                    let result = match super::fetch::fetch_bytes(&url).await {
                        Ok(bytes) => crate::assets::provide_file(&file, &bytes).map(|_| ()).map_err(|e| e.to_string()),
                        Err((_, e)) => Err(e),
                    };
                    REGISTRY.with_borrow_mut(|r| {
                        r.pending.remove(&name);
                        if result.is_err() {
                            r.failed.insert(name.clone());
                        }
                    });
                    match result {
                        // the core makes the first marks and pins: show them
                        // and ask for the shards now, not after the tagger
                        Ok(()) if name == crate::gazetteer::CORE_ASSET => {
                            refresh();
                        }
                        Ok(()) => {}
                        Err(e) => {
                            errors.push(&JsValue::from_str(&e));
                        }
                    }
                }
                Ok(errors.into())
            })
        })
        .collect();
    let mut errors = Vec::new();
    for p in workers {
        let Ok(list) = wasm_bindgen_futures::JsFuture::from(p).await else { continue };
        for e in js_sys::Array::from(&list).iter().filter_map(|e| e.as_string()) {
            web_sys::console::warn_1(&JsValue::from_str(&e));
            errors.push(e);
        }
    }
    refresh();
    mark();
    errors
}

/// Analyses every live view again, then fetches what they need now: what
/// arrived may show more that is needed (the core and the filter of Arabic
/// first words lead to the shards an article's words need).
fn refresh() {
    reanalyze_all();
    let instances = REGISTRY.with_borrow(|r| r.instances.clone());
    for inst in instances {
        want(inst);
    }
}

/// Analyses every live view again with what is at hand now.
fn reanalyze_all() {
    let instances = REGISTRY.with_borrow_mut(|r| {
        r.instances.retain(Instance::alive);
        r.instances.clone()
    });
    for inst in instances {
        inst.state.reanalyze();
    }
}

fn mark() {
    let state = REGISTRY.with_borrow(|r| match (r.files.is_empty() && r.maps.is_empty(), r.pending.is_empty()) {
        (true, _) => "unregistered",
        (false, true) if r.maps.is_empty() => "complete",
        (false, _) => "loading",
    });
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-atlas-assets", state);
    }
}
