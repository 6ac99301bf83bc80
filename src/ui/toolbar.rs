//! The toolbar: open a file, paste an article, pick among several articles,
//! switch the interface language. (Drag and drop is on the whole view.)

use super::i18n::Lang;
use super::state::Ctx;
use super::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Largest file the page reads; larger input is refused before parsing.
const MAX_FILE_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// Reads a file and loads it; the returned reader must live until it is done.
pub fn read_file(state: AppState, file: web_sys::File, lang: Lang) -> Option<gloo::file::callbacks::FileReader> {
    if file.size() > MAX_FILE_BYTES {
        state.error.set(Some(format!("{}: {}", file.name(), lang.t().file_too_large)));
        return None;
    }
    let name = file.name();
    let file = gloo::file::File::from(file);
    Some(gloo::file::callbacks::read_as_bytes(&file, move |res| match res {
        Ok(bytes) => state.load(&bytes),
        Err(e) => state.error.set(Some(format!("{name}: {} ({e})", lang.t().file_unreadable))),
    }))
}

/// The toolbar.
#[component]
pub fn Toolbar(
    /// Shared view context.
    ctx: Ctx,
) -> impl IntoView {
    let state = ctx.state;
    let lang = ctx.lang;
    let t = move || lang.get().t();
    let readers = StoredValue::new_local(Vec::new());
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let area = NodeRef::<leptos::html::Textarea>::new();

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            if let Some(r) = read_file(state, file, lang.get_untracked()) {
                readers.update_value(|v| {
                    v.truncate(3);
                    v.push(r);
                });
            }
        }
        // Choosing the same file again must load it again.
        input.set_value("");
    };
    let open_paste = move |_| {
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
            if let Some(a) = area.get_untracked() {
                let _ = a.focus();
            }
        }
    };
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(a) = area.get_untracked() {
            // An empty paste is an input error like any other: the reader is told.
            state.load(a.value().as_bytes());
        }
        close();
    };
    let titles = Memo::new(move |_| state.choices.with(|c| c.iter().map(|a| a.title.clone()).collect::<Vec<_>>()));
    let current_title = Memo::new(move |_| state.analysis.with(|a| a.as_ref().map(|a| a.title.clone())));

    view! {
        <header class="toolbar">
            <div class="brand">
                <svg class="brand-mark" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
                    <circle cx="12" cy="12" r="10"></circle>
                    <path d="M2 12h20M12 2c3 3 3 17 0 20M12 2c-3 3-3 17 0 20"></path>
                </svg>
                <span>{move || t().app_name}</span>
            </div>
            <div class="tools">
                <Show when=move || titles.with(|t| t.len() > 1)>
                    <label class="picker">
                        <span class="visually-hidden">{move || t().pick_article}</span>
                        <select
                            data-testid="article-picker"
                            on:change=move |ev| {
                                if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                                    state.pick(i);
                                }
                            }
                        >
                            {move || {
                                let cur = current_title.get();
                                titles
                                    .get()
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, title)| {
                                        let selected = cur.as_deref() == Some(title.as_str());
                                        view! {
                                            <option value=i.to_string() selected=selected>
                                                {title}
                                            </option>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </label>
                </Show>
                <label class="btn file-btn">
                    <input
                        type="file"
                        class="visually-hidden"
                        accept=".json,.jsonl,.ndjson,.txt,application/json,text/plain"
                        data-testid="file-input"
                        on:change=on_file
                    />
                    <span>{move || t().open_file}</span>
                </label>
                <button type="button" class="btn" data-testid="paste-open" on:click=open_paste>
                    {move || t().paste}
                </button>
                <super::ShareButtons state=state />
                <div class="lang-switch" role="group" aria-label=move || t().interface_language>
                    <LangButton state=state current=lang which=Lang::Ar code="ar" label="العربية" />
                    <LangButton state=state current=lang which=Lang::En code="en" label="English" />
                </div>
            </div>
            <dialog class="paste-dialog" node_ref=dialog data-testid="paste-dialog" aria-label=move || t().paste_title>
                <form on:submit=submit>
                    <h2>{move || t().paste_title}</h2>
                    <label>
                        <span class="hint">{move || t().paste_hint}</span>
                        <textarea node_ref=area rows="12" dir="auto" spellcheck="false" data-testid="paste-text"></textarea>
                    </label>
                    <div class="dialog-actions">
                        <button type="button" class="btn" on:click=move |_| close()>
                            {move || t().cancel}
                        </button>
                        <button type="submit" class="btn primary" data-testid="paste-submit">
                            {move || t().load}
                        </button>
                    </div>
                </form>
            </dialog>
        </header>
    }
}

/// One button of the interface-language switch, written in its own language.
#[component]
fn LangButton(
    state: AppState,
    /// The interface language now.
    current: Memo<Lang>,
    which: Lang,
    /// Its code in the view state and the `lang` attribute.
    code: &'static str,
    label: &'static str,
) -> impl IntoView {
    view! {
        <button
            type="button"
            lang=code
            data-testid=format!("lang-{code}")
            aria-pressed=move || if current.get() == which { "true" } else { "false" }
            on:click=move |_| state.view.update(|v| v.ui_lang = Some(code.to_string()))
        >
            {label}
        </button>
    }
}
