//! The JS API of the npm package: `mount`, `analyze` and the exports.

use super::instance::{Instance, Origin, Setup, ShareBase};
use super::registry;
use super::styles::{self, Theme};
use crate::json::write::{to_string, Obj as WriteObj, ToJson};
use crate::model::Analysis;
use crate::model_read::{Obj, Read};
use crate::view::{Panels, Selection, ViewState};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

// The data types (`Analysis`, `Entity`, `Event`, `ViewState`, `Panels`,
// `Selection`, `SelectDetail`, ...) are generated from their Rust
// definitions by tsify; these are the JS-only shapes around them.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** An article in any supported input format: a JSON string, a parsed object, or UTF-8 bytes. */
export type ArticleInput = string | object | Uint8Array;

/** The result of `analyze` and `getAnalysis`. */
export type AtlasAnalysis = Analysis;

/** The view state a share link restores. Absent fields mean "default". */
export type AtlasView = ViewState;

/** What the reader has selected. */
export type AtlasSelection = Selection;

/** Detail of the `atlas-select` event and argument of `onSelect`. */
export type AtlasSelectDetail = SelectDetail;

/** Panels to show: an object, a list or a space-separated string ("text map timeline entities"). */
export type AtlasPanels = string | Array<keyof Panels> | Partial<Panels>;

/** Colour scheme: the reader's ("auto") or a forced one. */
export type AtlasTheme = Theme;
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "ArticleInput")]
    pub type ArticleInput;
    #[wasm_bindgen(typescript_type = "MountOptions")]
    pub type MountOptionsJs;
    #[wasm_bindgen(typescript_type = "AtlasView")]
    pub type AtlasViewJs;
    #[wasm_bindgen(typescript_type = "AtlasAnalysis")]
    pub type AtlasAnalysisJs;
    #[wasm_bindgen(typescript_type = "AtlasAnalysis | ArticleInput")]
    pub type AnalysisOrArticle;
    #[wasm_bindgen(typescript_type = "AtlasPanels")]
    pub type AtlasPanelsJs;
}

/// Plain objects, through JSON text: one `JSON.parse` builds the whole
/// object faster than a call across the boundary per field would, and the
/// package carries one JSON writer (`crate::json::write`) instead of two.
fn to_js<T: ToJson + ?Sized>(v: &T) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(&to_string(v)).map_err(|_| JsError::new("internal: JSON.parse refused the JSON written"))
}

/// A JS value read as `T` through `JSON.stringify` (functions and
/// `undefined` fields vanish, as the readers' defaults expect).
fn from_js<T: Read>(v: &JsValue) -> Result<T, String> {
    let json = js_sys::JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| "it cannot be turned into JSON".to_string())?;
    crate::model_read::from_str(&json)
}

/// The bytes of an article given from JS: a string, bytes, or an object (as JSON).
pub(super) fn input_bytes(v: &JsValue) -> Result<Vec<u8>, String> {
    if let Some(s) = v.as_string() {
        return Ok(s.into_bytes());
    }
    if let Some(bytes) = v.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(bytes.to_vec());
    }
    if v.is_object() {
        let json = js_sys::JSON::stringify(v).map_err(|_| "article object cannot be turned into json".to_string())?;
        return Ok(String::from(json).into_bytes());
    }
    Err("article must be a json string, an object or bytes".into())
}

fn js_error(message: impl AsRef<str>) -> JsError {
    JsError::new(message.as_ref())
}

fn get(options: &JsValue, key: &str) -> Option<JsValue> {
    if !options.is_object() {
        return None;
    }
    js_sys::Reflect::get(options, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// Reads panels from "text map", `["text","map"]` or `{map: false}`.
pub fn parse_panels(v: &JsValue) -> Result<Panels, String> {
    let names: Vec<String> = if let Some(s) = v.as_string() {
        s.split([' ', ',']).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    } else if js_sys::Array::is_array(v) {
        js_sys::Array::from(v).iter().filter_map(|x| x.as_string()).map(|s| s.to_lowercase()).collect()
    } else {
        let mut p = Panels::default();
        for (key, slot) in
            [("text", &mut p.text), ("map", &mut p.map), ("timeline", &mut p.timeline), ("entities", &mut p.entities)]
        {
            if let Some(b) = get(v, key).and_then(|x| x.as_bool()) {
                *slot = b;
            }
        }
        return Ok(p);
    };
    let mut p = Panels { text: false, map: false, timeline: false, entities: false };
    for n in names {
        match n.as_str() {
            "text" => p.text = true,
            "map" => p.map = true,
            "timeline" => p.timeline = true,
            "entities" => p.entities = true,
            other => return Err(format!("unknown panel {other:?} (expected text, map, timeline, entities)")),
        }
    }
    Ok(p)
}

fn parse_view(v: &JsValue) -> Result<ViewState, JsError> {
    from_js(v).map_err(|e| js_error(format!("view is invalid: {e}")))
}

/// One mounted instance, returned by `mount` (and `startPage`). The view
/// lives until `destroy()` or until its element leaves the document; the
/// handle is only a name for it, so dropping the handle keeps the view.
#[wasm_bindgen]
pub struct AtlasHandle {
    id: u32,
}

impl AtlasHandle {
    pub(super) fn new(id: u32) -> Self {
        AtlasHandle { id }
    }

    fn inst(&self) -> Result<Instance, JsError> {
        registry::get(self.id).ok_or_else(|| js_error("article-atlas instance was destroyed"))
    }
}

#[wasm_bindgen]
impl AtlasHandle {
    /// Shows a new article (any supported format). On bad input it throws,
    /// and the component keeps the previous article with the error shown.
    #[wasm_bindgen(js_name = setArticle)]
    pub fn set_article(&self, article: &ArticleInput) -> Result<(), JsError> {
        let inst = self.inst()?;
        match input_bytes(article) {
            Ok(bytes) => inst.load_bytes(&bytes, Origin::Inline, None).map_err(js_error),
            Err(e) => {
                inst.fail(e.clone());
                Err(js_error(e))
            }
        }
    }

    /// Fetches an article from a URL and shows it; rejects (and shows the
    /// error) when the fetch or the input fails.
    #[wasm_bindgen(js_name = setSrc, unchecked_return_type = "Promise<void>")]
    pub fn set_src(&self, url: String) -> Result<js_sys::Promise, JsError> {
        let inst = self.inst()?;
        Ok(wasm_bindgen_futures::future_to_promise(async move {
            inst.load_src(url, false, None)
                .await
                .map(|()| JsValue::UNDEFINED)
                .map_err(|e| js_sys::Error::new(&e).into())
        }))
    }

    /// Replaces the view (selection, hidden types, map and time windows, language).
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(&self, view: &AtlasViewJs) -> Result<(), JsError> {
        let inst = self.inst()?;
        let view = parse_view(view)?;
        inst.state.view.set(view);
        Ok(())
    }

    /// The current view as a plain object.
    #[wasm_bindgen(js_name = getView)]
    pub fn get_view(&self) -> Result<AtlasViewJs, JsError> {
        let inst = self.inst()?;
        Ok(to_js(&inst.state.view.get_untracked())?.unchecked_into())
    }

    /// The analysis on screen as a plain object (`null` before the first article).
    #[wasm_bindgen(js_name = getAnalysis)]
    pub fn get_analysis(&self) -> Result<Option<AtlasAnalysisJs>, JsError> {
        let inst = self.inst()?;
        inst.state.analysis.with_untracked(|a| a.as_ref().map(|a| to_js(a).map(JsCast::unchecked_into)).transpose())
    }

    /// The error on screen, if any.
    #[wasm_bindgen(js_name = getError)]
    pub fn get_error(&self) -> Result<Option<String>, JsError> {
        Ok(self.inst()?.state.error.get_untracked())
    }

    /// Which panels show.
    #[wasm_bindgen(js_name = setPanels)]
    pub fn set_panels(&self, panels: &AtlasPanelsJs) -> Result<(), JsError> {
        let inst = self.inst()?;
        inst.state.panels.set(parse_panels(panels).map_err(js_error)?);
        Ok(())
    }

    /// The share-link fragment (`v1.…`, no `#`) for the current article and view.
    #[wasm_bindgen(js_name = shareFragment)]
    pub fn share_fragment(&self) -> Result<String, JsError> {
        let inst = self.inst()?;
        let link = inst.link().ok_or_else(|| js_error("no article to share"))?.map_err(js_error)?;
        Ok(crate::share::encode(&link))
    }

    /// Applies a share-link fragment (with or without `#`): its view and its
    /// article. Rejects with the link error (and shows it).
    #[wasm_bindgen(js_name = applyFragment, unchecked_return_type = "Promise<void>")]
    pub fn apply_fragment(&self, fragment: String) -> Result<js_sys::Promise, JsError> {
        let inst = self.inst()?;
        Ok(wasm_bindgen_futures::future_to_promise(async move {
            let result = match crate::share::decode(&fragment) {
                Ok(link) => inst.apply_link(link).await,
                Err(e) => {
                    let message = e.to_string();
                    inst.fail_with(super::page::link_failure(e));
                    Err(message)
                }
            };
            result.map(|()| JsValue::UNDEFINED).map_err(|e| js_sys::Error::new(&e).into())
        }))
    }

    /// Where Copy link points: a page running article-atlas, or null for no
    /// Copy link. The button shows only when the instance was mounted with a
    /// share base; this changes the page its links open.
    #[wasm_bindgen(js_name = setShareBase)]
    pub fn set_share_base(&self, url: Option<String>) -> Result<(), JsError> {
        self.inst()?.set_share_base(share_base_of(url));
        Ok(())
    }

    /// Resolves when the first article (or the error that stopped it) is on
    /// screen: at once for an article given to `mount`, after the fetch for
    /// `src`. Never rejects; `getError()` tells which.
    #[wasm_bindgen(getter, unchecked_return_type = "Promise<void>")]
    pub fn loaded(&self) -> js_sys::Promise {
        registry::loaded(self.id).unwrap_or_else(|| js_sys::Promise::resolve(&JsValue::UNDEFINED))
    }

    /// Whether the view is still mounted (false after `destroy()` or once
    /// its element left the document).
    #[wasm_bindgen(getter)]
    pub fn alive(&self) -> bool {
        registry::get(self.id).is_some()
    }

    /// Unmounts the view and frees the instance; later calls throw. Calling
    /// it again does nothing.
    pub fn destroy(&self) {
        registry::remove(self.id);
    }
}

fn share_base_of(url: Option<String>) -> ShareBase {
    match url {
        Some(u) if !u.trim().is_empty() => ShareBase::Url(u),
        _ => ShareBase::None,
    }
}

/// How many views are mounted on this page (each `mount`, element and page
/// start until destroyed or removed): for leak checks.
#[wasm_bindgen(js_name = mountedCount)]
pub fn mounted_count() -> usize {
    registry::count()
}

/// Options of `mount`; every field may be left out.
#[derive(Default, tsify::Tsify)]
#[serde(rename_all = "camelCase", default)]
pub struct MountOptions {
    /// Initial view.
    #[tsify(optional)]
    view: Option<ViewState>,
    /// Interface language ("ar" or "en"); absent = the article's.
    #[tsify(optional)]
    lang: Option<String>,
    /// Panels to show: "text map", ["text", "map"] or {map: false}.
    #[tsify(optional, type = "AtlasPanels")]
    #[allow(dead_code)] // declared for TypeScript; `mount` reads it from the JS object
    panels: (),
    /// Fetch the article from this URL (when `article` is null); `handle.loaded` resolves once it is on screen.
    #[tsify(optional)]
    src: Option<String>,
    /// A page running article-atlas: enables the Copy link button, with links to that page.
    #[tsify(optional)]
    share_base: Option<String>,
    /// Colour scheme; default "auto" (the reader's preference).
    #[tsify(optional)]
    theme: Option<Theme>,
    /// Adopt the component's stylesheet into the element's document or shadow root (default true).
    #[tsify(optional)]
    styles: Option<bool>,
    /// Called when the selection changes (after the `atlas-select` event).
    #[tsify(optional, type = "(detail: SelectDetail) => void")]
    #[allow(dead_code)] // declared for TypeScript; `mount` reads it from the JS object
    on_select: (),
}

/// `panels` and `onSelect` are read from the JS object itself (a function,
/// or a value of several shapes): their JSON form is skipped.
impl Read for MountOptions {
    fn read(v: &crate::json::Value) -> Result<Self, String> {
        let o = Obj::of(v)?;
        Ok(MountOptions {
            view: o.opt("view")?,
            lang: o.opt("lang")?,
            panels: (),
            src: o.opt("src")?,
            share_base: o.opt("shareBase")?,
            theme: o.opt("theme")?,
            styles: o.opt("styles")?,
            on_select: (),
        })
    }
}

/// Mounts an article-atlas view into `element`. `article` may be null when
/// `options.src` names a URL to fetch. Each call is independent: its own
/// state, no globals; the selection is reported as an `atlas-select`
/// `CustomEvent` on `element` (bubbling, composed) and to `options.onSelect`.
#[wasm_bindgen]
pub fn mount(
    element: web_sys::HtmlElement,
    article: Option<ArticleInput>,
    options: Option<MountOptionsJs>,
) -> Result<AtlasHandle, JsError> {
    let raw = options.map(JsValue::from).filter(|o| !o.is_undefined() && !o.is_null());
    let options: MountOptions = match &raw {
        Some(o) => from_js(o).map_err(|e| js_error(format!("mount options are invalid: {e}")))?,
        None => MountOptions::default(),
    };
    // the two fields JSON cannot carry, read from the object itself
    let panels_js = raw.as_ref().and_then(|o| get(o, "panels"));
    let on_select = raw.as_ref().and_then(|o| get(o, "onSelect")).and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let mut view = options.view.unwrap_or_default();
    if let Some(lang) = options.lang.filter(|l| !l.is_empty()) {
        view.ui_lang = Some(lang);
    }
    let panels = match &panels_js {
        None => Panels::default(),
        Some(p) => parse_panels(p).map_err(js_error)?,
    };
    let share_base = share_base_of(options.share_base);
    let theme = options.theme.unwrap_or_default();
    if options.styles != Some(false) {
        // Not attached yet (no document): the host page adopts the styles itself.
        let _ = styles::adopt_for(&element, theme);
    }
    let src = options.src;
    let root: web_sys::Node = element.clone().into();
    let target: web_sys::EventTarget = element.clone().into();
    let initial_view = view.clone();
    let initial_selection = view.selected.clone();
    let setup = Setup { view, panels, share_base };
    let (inst, unmount) = Instance::mount(element, setup, move |inst| {
        // Reports selection changes to the host page (syncing with the outside).
        // Compared with the mount's selection, not the effect's first run,
        // which comes a tick later and may already see a change.
        Effect::new(move |previous: Option<Option<Selection>>| {
            let selected = inst.state.view.with(|v| v.selected.clone());
            if previous.unwrap_or_else(|| initial_selection.clone()) != selected {
                notify_select(inst, &target, on_select.as_ref(), selected.as_ref());
            }
            selected
        });
    })
    .ok_or_else(|| js_error("could not mount article-atlas"))?;
    let id = registry::add(inst, unmount, root, js_sys::Promise::resolve(&JsValue::UNDEFINED));
    match (article, src) {
        (Some(article), _) if !article.is_null() && !article.is_undefined() => {
            let bytes = match input_bytes(&article) {
                Ok(bytes) => bytes,
                Err(e) => {
                    registry::remove(id);
                    return Err(js_error(e));
                }
            };
            if let Err(e) = inst.load_bytes(&bytes, Origin::Inline, Some(initial_view)) {
                // The instance stays, showing the error: a host page can still setArticle.
                web_sys::console::warn_1(&JsValue::from_str(&e));
            }
        }
        (_, Some(src)) => {
            let loading = wasm_bindgen_futures::future_to_promise(async move {
                // The error is on screen and in getError(): `loaded` only says when.
                let _ = inst.load_src(src, false, Some(initial_view)).await;
                Ok(JsValue::UNDEFINED)
            });
            registry::set_loaded(id, loading);
        }
        _ => {}
    }
    Ok(AtlasHandle::new(id))
}

/// Detail of the `atlas-select` event and argument of `onSelect`.
#[derive(tsify::Tsify)]
#[tsify(missing_as_null)]
pub struct SelectDetail {
    /// What is selected now; null when nothing is.
    selected: Option<Selection>,
    /// The selected entity of the analysis, if the selection is an entity.
    entity: Option<crate::Entity>,
    /// The selected event of the analysis, if the selection is an event.
    event: Option<crate::Event>,
}

/// As serde writes it: every field, `null` when absent.
impl ToJson for SelectDetail {
    fn write_json(&self, out: &mut String) {
        WriteObj::new(out)
            .field("selected", &self.selected)
            .field("entity", &self.entity)
            .field("event", &self.event)
            .end();
    }
}

fn notify_select(
    inst: Instance,
    target: &web_sys::EventTarget,
    on_select: Option<&js_sys::Function>,
    selected: Option<&Selection>,
) {
    let detail = inst.state.analysis.try_with_untracked(|a| {
        let a = a.as_ref();
        let entity = match selected {
            Some(Selection::Entity(id)) => a.and_then(|a| a.entities.iter().find(|e| &e.id == id)).cloned(),
            _ => None,
        };
        let event = match selected {
            Some(Selection::Event(id)) => a.and_then(|a| a.events.iter().find(|e| &e.id == id)).cloned(),
            _ => None,
        };
        to_js(&SelectDetail { selected: selected.cloned(), entity, event }).unwrap_or(JsValue::NULL)
    });
    let Some(detail) = detail else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("atlas-select", &init) {
        let _ = target.dispatch_event(&event);
    }
    if let Some(f) = on_select {
        // The host's callback threw: report it as an uncaught error would be, and go on.
        if let Err(e) = f.call1(&JsValue::NULL, &detail) {
            web_sys::console::error_2(&JsValue::from_str("article-atlas: onSelect threw"), &e);
        }
    }
}

/// Analyses an article (any supported format) and returns the analysis as a
/// plain object. Throws with a message naming what is wrong on bad input.
#[wasm_bindgen]
pub fn analyze(article: &ArticleInput) -> Result<AtlasAnalysisJs, JsError> {
    // a string is UTF-8 already: not checked again
    let parsed = match article.as_string() {
        Some(text) => crate::article::parse_article_text(&text),
        None => crate::parse_article(&input_bytes(article).map_err(js_error)?),
    }
    .map_err(|e| js_error(e.to_string()))?;
    Ok(to_js(&crate::analyze(&parsed))?.unchecked_into())
}

/// One span the learned tagger found (code points into the text given).
#[derive(tsify::Tsify)]
pub struct TagSpan {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: crate::EntityType,
    score: f32,
}

/// As serde writes it (`#[serde(rename = "type")]`).
impl ToJson for TagSpan {
    fn write_json(&self, out: &mut String) {
        WriteObj::new(out)
            .field("start", &self.start)
            .field("end", &self.end)
            .field("type", &self.kind)
            .field("score", &self.score)
            .end();
    }
}

/// Runs only the learned entity tagger on plain text (`lang` "ar" or "en";
/// anything else picks by script) and returns `[{start, end, type, score}]`
/// in code points: the tagger's own view, before `analyze` merges it with
/// the lists and rules. For comparison and benchmarking.
#[wasm_bindgen(js_name = tagEntities, unchecked_return_type = "TagSpan[]")]
pub fn tag_entities(text: &str, lang: &str) -> Result<JsValue, JsError> {
    let tokens = crate::internals::tokenize(text);
    let spans: Vec<TagSpan> = crate::internals::tagger::tag(&tokens, lang)
        .into_iter()
        .filter(|s| s.kind != crate::EntityType::Event)
        .filter_map(|s| {
            let start = tokens.get(s.start_token)?.start;
            let end = tokens.get(s.end_token.checked_sub(1)?)?.end;
            Some(TagSpan { start, end, kind: s.kind, score: s.score })
        })
        .collect();
    to_js(&spans)
}

/// An analysis object (from `analyze` or `getAnalysis`, or its JSON text),
/// or an article to analyse. An analysis is used as it is, not analysed
/// again: the exports are then as quick as writing the text.
fn analysis_of(v: &JsValue) -> Result<Analysis, JsError> {
    if v.is_object() && ["text", "blocks", "mentions", "entities"].iter().all(|k| get(v, k).is_some()) {
        return from_js(v).map_err(|e| js_error(format!("analysis is invalid: {e}")));
    }
    if let Some(s) = v.as_string() {
        if let Ok(a) = crate::model_read::from_str::<Analysis>(&s) {
            return Ok(a);
        }
    }
    let bytes = input_bytes(v).map_err(js_error)?;
    let parsed = crate::parse_article(&bytes).map_err(|e| js_error(e.to_string()))?;
    Ok(crate::analyze(&parsed))
}

/// GeoJSON FeatureCollection (text) of the places of an analysis or article.
#[wasm_bindgen(js_name = toGeoJSON)]
pub fn to_geojson(input: &AnalysisOrArticle) -> Result<String, JsError> {
    Ok(crate::to_geojson(&analysis_of(input)?))
}

/// iCalendar text (RFC 5545) of the dated events of an analysis or article.
#[wasm_bindgen(js_name = toICS)]
pub fn to_ics(input: &AnalysisOrArticle) -> Result<String, JsError> {
    Ok(crate::to_ics(&analysis_of(input)?))
}

/// CSV text (RFC 4180) of the entities of an analysis or article.
#[wasm_bindgen(js_name = toCSV)]
pub fn to_csv(input: &AnalysisOrArticle) -> Result<String, JsError> {
    Ok(crate::to_csv(&analysis_of(input)?))
}

/// The analysis of an analysis or article as JSON text.
#[wasm_bindgen(js_name = toJSON)]
pub fn to_json(input: &AnalysisOrArticle) -> Result<String, JsError> {
    Ok(crate::to_json(&analysis_of(input)?))
}

/// How many times this page has compressed an article for a share link: a
/// page does it once per article, however often the view changes.
#[wasm_bindgen(js_name = linkArticleEncodes)]
pub fn link_article_encodes() -> u32 {
    crate::share::articles_encoded()
}

/// Encodes a share-link fragment (`v1.…`) for a view and an article (or `src` URL string).
#[wasm_bindgen(js_name = encodeShareLink)]
pub fn encode_share_link(
    view: Option<AtlasViewJs>,
    article: Option<ArticleInput>,
    src: Option<String>,
) -> Result<String, JsError> {
    let view = match view {
        Some(v) => parse_view(&v)?,
        None => ViewState::default(),
    };
    let article = match (article, src) {
        (Some(a), _) => {
            let parsed =
                crate::parse_article(&input_bytes(&a).map_err(js_error)?).map_err(|e| js_error(e.to_string()))?;
            crate::share::SharedArticle::Inline(Box::new(parsed))
        }
        (None, Some(s)) => crate::share::SharedArticle::Src(s),
        (None, None) => crate::share::SharedArticle::None,
    };
    Ok(crate::share::encode(&crate::share::ShareLink { view, article }))
}
