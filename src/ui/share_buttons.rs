//! "Copy link" and the export downloads (GeoJSON, JSON, iCalendar, CSV).
//! The toolbar includes `<ShareButtons state=state/>`; the link itself comes
//! from the embedding code through a [`ShareConfig`] context, so this view
//! does not need to know whether it runs on the page, in an iframe or in a
//! host page's element.

use super::AppState;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// How this instance makes share links (provided by `embed`).
#[derive(Clone, Copy)]
pub struct ShareConfig {
    /// Whether this instance has a page to link to (shows Copy link).
    pub enabled: bool,
    /// The full link for the current view, or `Err` with a reason to show
    /// when there is no link (an article too large for a URL, say); `Ok(None)`
    /// hides the Copy link button.
    pub link: UnsyncCallback<(), Result<Option<String>, super::Failure>>,
}

#[derive(Clone, Copy, PartialEq)]
enum Export {
    GeoJson,
    Json,
    Ics,
    Csv,
}

impl Export {
    fn file(self, a: &crate::model::Analysis) -> (String, &'static str, &'static str) {
        match self {
            Export::GeoJson => (crate::to_geojson(a), "application/geo+json", "geojson"),
            Export::Json => (crate::to_json(a), "application/json", "json"),
            Export::Ics => (crate::to_ics(a), "text/calendar;charset=utf-8", "ics"),
            // A byte-order mark so that spreadsheets read Arabic as UTF-8.
            Export::Csv => (format!("\u{feff}{}", crate::to_csv(a)), "text/csv;charset=utf-8", "csv"),
        }
    }
}

/// Copy link and download buttons for one instance.
#[component]
pub fn ShareButtons(
    /// The instance's shared state.
    state: AppState,
) -> impl IntoView {
    let config = use_context::<ShareConfig>();
    let (status, set_status) = signal(String::new());
    let (fallback, set_fallback) = signal(None::<String>);
    let arabic = move || {
        state.view.with(|v| v.ui_lang.clone()).or_else(|| state.analysis.with(|a| a.as_ref().map(|a| a.lang.clone())))
            == Some("ar".into())
    };
    let lang = move || if arabic() { super::i18n::Lang::Ar } else { super::i18n::Lang::En };
    let copy = move |_| {
        let Some(config) = config else { return };
        match config.link.run(()) {
            Ok(Some(link)) => {
                let done = if arabic() { "نُسخ الرابط" } else { "link copied" };
                match web_sys::window().map(|w| w.navigator().clipboard()) {
                    Some(clipboard) => {
                        let promise = clipboard.write_text(&link);
                        wasm_bindgen_futures::spawn_local(async move {
                            match wasm_bindgen_futures::JsFuture::from(promise).await {
                                Ok(_) => {
                                    set_fallback.set(Some(link));
                                    set_status.set(done.into());
                                }
                                // No clipboard permission: show the link in a selected read-only field.
                                Err(_) => set_fallback.set(Some(link)),
                            }
                        });
                    }
                    None => set_fallback.set(Some(link)),
                }
            }
            Ok(None) => {}
            Err((problem, _)) => set_status.set(super::i18n::problem_alone(lang(), &problem)),
        }
    };
    let download = move |kind: Export| {
        let file = state.analysis.with_untracked(|a| a.as_ref().map(|a| (kind.file(a), a.title.clone())));
        if let Some(((body, mime, ext), title)) = file {
            if let Err(e) = save(&body, mime, &format!("{}.{ext}", file_stem(&title))) {
                let detail = e.as_string().map(|d| format!(" ({d})")).unwrap_or_default();
                set_status.set(format!("{}{detail}", lang().t().download_failed));
            }
        }
    };
    let has_link = move || config.is_some_and(|c| c.enabled);
    let label = move |ar: &'static str, en: &'static str| move || if arabic() { ar } else { en };
    view! {
        <div class="share-buttons" data-testid="share-buttons">
            <Show when=has_link>
                <button type="button" data-testid="copy-link" on:click=copy>{label("نسخ الرابط", "Copy link")}</button>
            </Show>
            <button type="button" data-testid="download-geojson" on:click=move |_| download(Export::GeoJson)>"GeoJSON"</button>
            <button type="button" data-testid="download-json" on:click=move |_| download(Export::Json)>"JSON"</button>
            <button type="button" data-testid="download-ics" on:click=move |_| download(Export::Ics)>"ICS"</button>
            <button type="button" data-testid="download-csv" on:click=move |_| download(Export::Csv)>"CSV"</button>
            <Show when=move || fallback.with(Option::is_some)>
                <input
                    type="text"
                    readonly=true
                    class="share-link-field"
                    data-testid="share-link-field"
                    aria-label=label("رابط المشاركة", "share link")
                    prop:value=move || fallback.get().unwrap_or_default()
                    on:focus=|ev| {
                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            input.select();
                        }
                    }
                    autofocus=true
                />
            </Show>
            <span class="share-status" role="status" data-testid="share-status">{move || status.get()}</span>
        </div>
    }
}

/// A file name from an article title: letters, digits and dashes only.
fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "article-atlas".into()
    } else {
        stem
    }
}

/// Offers `body` as a download through a Blob URL.
fn save(body: &str, mime: &str, name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(body));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}
