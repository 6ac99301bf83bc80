//! The component's stylesheets travel inside the module, so that a bundler
//! has no CSS file to copy and a strict Content-Security-Policy has no
//! `<style>` to refuse: they are adopted as constructable stylesheets
//! (`adoptedStyleSheets`) into the document or shadow root that holds a view.
//!
//! The theme is applied here too: `light` and `dark` rewrite the
//! `prefers-color-scheme` queries of the sheet so one colour scheme always
//! holds. In a document the forced sheet is nested under
//! `[data-atlas-theme="…"]`, so instances with different themes can share
//! a page; in a shadow root (one element each) it is adopted as is.

use crate::model_read::read_names;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// The component's own rules (all scoped under `.atlas`).
const COMPONENT_CSS: &str = crate::css::without_comments!("../../www/style.css");
/// Host rules for the custom element's shadow root.
const HOST_CSS: &str = crate::css::without_comments!("../../www/atlas.css");

const DARK_QUERY: &str = "@media (prefers-color-scheme: dark)";

/// A colour scheme: the reader's (`auto`), or one forced by the host page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, tsify::Tsify)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

read_names! { Theme { "auto" => Theme::Auto, "light" => Theme::Light, "dark" => Theme::Dark } }

impl Theme {
    /// Reads `auto`, `light` or `dark` (anything else is an error naming it).
    pub fn parse(s: &str) -> Result<Theme, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "auto" => Ok(Theme::Auto),
            "light" => Ok(Theme::Light),
            "dark" => Ok(Theme::Dark),
            other => Err(format!("unknown theme {other:?} (expected auto, light or dark)")),
        }
    }
}

/// Where a sheet goes: a document (light DOM) or a shadow root.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Document,
    Shadow,
}

/// The CSS text for `scope` and `theme`.
fn css(scope: Scope, theme: Theme) -> String {
    let forced = |text: &str| match theme {
        Theme::Auto => text.to_string(),
        // `all` always matches, `not all` never: the dark rules always or never apply.
        Theme::Dark => text.replace(DARK_QUERY, "@media all"),
        Theme::Light => text.replace(DARK_QUERY, "@media not all"),
    };
    match scope {
        Scope::Shadow => shadow_css(&forced(&format!("{COMPONENT_CSS}\n{HOST_CSS}"))),
        Scope::Document if theme == Theme::Auto => COMPONENT_CSS.to_string(),
        Scope::Document => format!("[data-atlas-theme=\"{}\"] {{\n{}\n}}", theme.name(), forced(COMPONENT_CSS)),
    }
}

/// Component CSS for a shadow root: `:root` rules apply to the host, and
/// `rem` becomes `em` so the host page's root font size cannot resize the
/// component.
fn shadow_css(text: &str) -> String {
    let text = text.replace(":root", ":host");
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // "rem" right after a number and not followed by a name character.
        if text[i..].starts_with("rem")
            && i > 0
            && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'.')
            && !bytes.get(i + 3).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
        {
            out.push_str("em");
            i += 3;
            continue;
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

thread_local! {
    /// One sheet per scope and theme, shared by every root that adopts it.
    static SHEETS: RefCell<Vec<((bool, Theme), web_sys::CssStyleSheet)>> = const { RefCell::new(Vec::new()) };
}

fn sheet(scope: Scope, theme: Theme) -> Result<web_sys::CssStyleSheet, JsValue> {
    let key = (scope == Scope::Shadow, theme);
    if let Some(s) = SHEETS.with(|s| s.borrow().iter().find(|(k, _)| *k == key).map(|(_, s)| s.clone())) {
        return Ok(s);
    }
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(&css(scope, theme))?;
    SHEETS.with(|s| s.borrow_mut().push((key, sheet.clone())));
    Ok(sheet)
}

/// Adopts the component's sheet for `theme` into the document or shadow
/// root that holds `element` (once per root and theme). In a document a
/// forced theme also needs the automatic sheet, and `element` gets the
/// `data-atlas-theme` attribute the forced sheet is scoped to.
pub fn adopt_for(element: &web_sys::Element, theme: Theme) -> Result<(), JsValue> {
    let root = element.get_root_node();
    let shadow = root.dyn_ref::<web_sys::ShadowRoot>().is_some();
    if !shadow && root.dyn_ref::<web_sys::Document>().is_none() {
        // Not attached yet: the styles follow once a root is known.
        return Err(JsValue::from_str("the element is in neither a document nor a shadow root"));
    }
    let mut wanted = Vec::new();
    if shadow {
        wanted.push(sheet(Scope::Shadow, theme)?);
    } else {
        wanted.push(sheet(Scope::Document, Theme::Auto)?);
        if theme != Theme::Auto {
            wanted.push(sheet(Scope::Document, theme)?);
        }
    }
    if theme == Theme::Auto {
        element.remove_attribute("data-atlas-theme")?;
    } else if !shadow {
        element.set_attribute("data-atlas-theme", theme.name())?;
    }
    adopt(&root, &wanted)
}

/// Appends `sheets` to `root.adoptedStyleSheets`, skipping those already there.
fn adopt(root: &JsValue, sheets: &[web_sys::CssStyleSheet]) -> Result<(), JsValue> {
    let key = JsValue::from_str("adoptedStyleSheets");
    let current = js_sys::Reflect::get(root, &key)?;
    let list = js_sys::Array::from(&current);
    let mut changed = false;
    for s in sheets {
        if list.index_of(s, 0) < 0 {
            list.push(s);
            changed = true;
        }
    }
    if changed {
        js_sys::Reflect::set(root, &key, &list)?;
    }
    Ok(())
}

/// The sheets for the custom element's shadow root (component and host
/// rules) in `theme` (`auto`, `light` or `dark`): the element sets them as
/// its root's `adoptedStyleSheets`.
#[wasm_bindgen(js_name = shadowStyleSheets, unchecked_return_type = "CSSStyleSheet[]")]
pub fn shadow_style_sheets(theme: Option<String>) -> Result<js_sys::Array, JsError> {
    let theme = Theme::parse(theme.as_deref().unwrap_or("auto")).map_err(|e| JsError::new(&e))?;
    let sheet = sheet(Scope::Shadow, theme).map_err(|_| JsError::new("could not build the stylesheet"))?;
    Ok(js_sys::Array::of1(&sheet))
}
