//! The top-level component: header, error banner and article text.

use super::AppState;
use crate::model::Dir;
use leptos::prelude::*;

fn dir_attr(d: Dir) -> &'static str {
    match d {
        Dir::Rtl => "rtl",
        Dir::Ltr => "ltr",
    }
}

/// The whole article view.
#[component]
pub fn App(
    /// The instance's shared state.
    state: AppState,
) -> impl IntoView {
    let analysis = state.analysis;
    let error = state.error;
    view! {
        <div class="atlas">
            // Until the toolbar lands: Copy link and downloads (move into toolbar.rs then).
            <super::ShareButtons state=state />
            <Show when=move || error.get().is_some()>
                <div class="error-banner" role="alert" data-testid="error-banner">{move || error.get().unwrap_or_default()}</div>
            </Show>
            {move || analysis.get().map(|a| {
                let dir = dir_attr(a.dir);
                let chars: Vec<char> = a.text.chars().collect();
                let paragraphs: Vec<(String, &'static str)> = a.blocks.iter().skip(1)
                    .map(|b| (chars[b.start.min(chars.len())..b.end.min(chars.len())].iter().collect(), dir_attr(b.dir)))
                    .collect();
                view! {
                    <article class="article" lang=a.lang.clone() dir=dir data-testid="article">
                        <header class="article-header">
                            <h1 data-testid="article-title">{a.title.clone()}</h1>
                            <p class="meta">
                                {a.source.clone().map(|s| view! { <span class="source" data-testid="article-source">{s}</span> })}
                                {a.published_raw.clone().map(|s| view! { <time data-testid="article-date" datetime=a.published.clone().unwrap_or_default()>{s}</time> })}
                                {a.section.clone().map(|s| view! { <span class="section" data-testid="article-section">{s}</span> })}
                            </p>
                        </header>
                        {paragraphs.into_iter().map(|(p, d)| view! { <p class="para" dir=d data-testid="paragraph">{p}</p> }).collect_view()}
                    </article>
                }
            })}
        </div>
    }
}
