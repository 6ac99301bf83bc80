//! Fetching an article from a URL, with errors a reader can act on.

use crate::ui::{Failure, Problem};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Articles larger than this are refused before they are read (the input limit).
const MAX_ARTICLE_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// Resolves `src` against the document and checks it is http(s).
pub fn resolve(src: &str) -> Result<String, Failure> {
    let base =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let url = web_sys::Url::new_with_base(src.trim(), &base)
        .map_err(|_| (Problem::BadUrl, format!("article url is not a valid url: {}", clip(src))))?;
    match url.protocol().as_str() {
        "http:" | "https:" => Ok(url.href()),
        p => Err((Problem::NotHttp, format!("article url must start with http or https, not {p} ({})", clip(src)))),
    }
}

/// Fetches the bytes at `url` (already resolved).
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, Failure> {
    let blocked = |detail: String| (Problem::Blocked, detail);
    let window = web_sys::window().ok_or_else(|| blocked("no window".into()))?;
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::Cors);
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(|e| {
        // The browser does not tell a script whether CORS, a strict
        // Content-Security-Policy or the network stopped the request.
        let detail = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
        blocked(format!(
            "could not load the article from {}: the request was blocked or the network failed ({detail}). \
             If the file is on another site, that site must allow cross-origin requests \
             (Access-Control-Allow-Origin), and the page's Content-Security-Policy must allow connecting to it",
            clip(url)
        ))
    })?;
    let response: web_sys::Response =
        response.dyn_into().map_err(|_| blocked("fetch did not return a response".into()))?;
    if !response.ok() {
        return Err((
            Problem::Http(response.status()),
            format!(
                "could not load the article from {}: the server answered {} {}",
                clip(url),
                response.status(),
                response.status_text()
            ),
        ));
    }
    if let Ok(Some(len)) = response.headers().get("content-length") {
        if crate::float::parse_f64(&len).is_some_and(|n| n > MAX_ARTICLE_BYTES) {
            return Err((Problem::RemoteTooLarge, format!("the article at {} is larger than 5 MB", clip(url))));
        }
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| blocked(js_text(e)))?)
        .await
        .map_err(|e| blocked(js_text(e)))?;
    let bytes = js_sys::Uint8Array::new(&buffer);
    if f64::from(bytes.length()) > MAX_ARTICLE_BYTES {
        return Err((Problem::RemoteTooLarge, format!("the article at {} is larger than 5 MB", clip(url))));
    }
    Ok(bytes.to_vec())
}

fn js_text(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Keeps error messages readable when a URL is huge.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(200).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}
