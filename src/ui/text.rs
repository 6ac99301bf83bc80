//! The article text with every mention highlighted by type. Offsets in the
//! analysis are code points; they become DOM text only here.

use super::i18n::{nationality_name, nationality_tag, type_name, type_tag};
use super::select::selectable;
use super::state::Ctx;
use crate::layout;
use crate::model::{Analysis, Block, Dir, EntityType, MentionForm};
use crate::view::Selection;
use leptos::prelude::*;

pub(super) fn dir_attr(d: Dir) -> &'static str {
    match d {
        Dir::Rtl => "rtl",
        Dir::Ltr => "ltr",
    }
}

/// One highlight: a mention, a date without a mention, or an event trigger.
#[derive(Debug, Clone)]
struct Hl {
    start: usize,
    end: usize,
    kind: EntityType,
    /// The entity id (the event id for an event trigger).
    id: String,
    /// The event this highlight is the trigger of.
    event: Option<String>,
    /// A nationality word linked to its country: a lighter mark.
    demonym: bool,
}

impl Hl {
    fn selection(&self) -> Selection {
        match &self.event {
            Some(e) => Selection::Event(e.clone()),
            None => Selection::Entity(self.id.clone()),
        }
    }
}

fn highlights(a: &Analysis) -> Vec<Hl> {
    let mut out: Vec<Hl> = a
        .mentions
        .iter()
        .map(|m| {
            let event = (m.kind == EntityType::Event)
                .then(|| {
                    a.events
                        .iter()
                        .find(|e| e.id == m.entity || (e.trigger_start < m.end && m.start < e.trigger_end))
                        .map(|e| e.id.clone())
                })
                .flatten();
            let demonym = m.form == MentionForm::Demonym;
            Hl { start: m.start, end: m.end, kind: m.kind, id: m.entity.clone(), event, demonym }
        })
        .collect();
    for d in &a.dates {
        if !out.iter().any(|h| h.start < d.end && d.start < h.end) {
            out.push(Hl {
                start: d.start,
                end: d.end,
                kind: EntityType::Date,
                id: d.entity.clone(),
                event: None,
                demonym: false,
            });
        }
    }
    for e in &a.events {
        if e.trigger_end > e.trigger_start && !out.iter().any(|h| h.start < e.trigger_end && e.trigger_start < h.end) {
            out.push(Hl {
                start: e.trigger_start,
                end: e.trigger_end,
                kind: EntityType::Event,
                id: e.id.clone(),
                event: Some(e.id.clone()),
                demonym: false,
            });
        }
    }
    out
}

/// The highlighted article.
#[component]
pub fn ArticleText(
    /// Shared view context.
    ctx: Ctx,
) -> impl IntoView {
    let article_ref = NodeRef::<leptos::html::Article>::new();
    // Bring the first lit highlight into view when the selection changes
    // (syncing with the DOM's scroll position, which is outside the graph).
    Effect::new(move |_| {
        if ctx.selected.with(|s| s.is_none()) {
            return;
        }
        request_animation_frame(move || {
            // the view may be gone by the next frame (its element removed)
            let Some(Some(el)) = article_ref.try_get_untracked() else { return };
            if let Ok(Some(first)) = el.query_selector(".lit") {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                opts.set_behavior(web_sys::ScrollBehavior::Smooth);
                first.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        });
    });
    move || ctx.state.analysis.with(|a| a.as_ref().map(|a| render(ctx.scoped(), a, article_ref)))
}

fn render(ctx: Ctx, a: &Analysis, article_ref: NodeRef<leptos::html::Article>) -> impl IntoView {
    let chars: Vec<char> = a.text.chars().collect();
    let hls = highlights(a);
    let spans: Vec<(usize, usize)> = hls.iter().map(|h| (h.start, h.end)).collect();
    let sentences: Vec<(usize, usize)> = a.events.iter().map(|e| (e.start, e.end)).collect();
    let event_ids: Vec<String> = a.events.iter().map(|e| e.id.clone()).collect();
    let block = |b: &Block| -> Vec<AnyView> {
        layout::segments((b.start, b.end.min(chars.len())), &spans, &sentences)
            .into_iter()
            .map(|seg| {
                let text: String = chars.get(seg.start..seg.end).map(|c| c.iter().collect()).unwrap_or_default();
                let events: Vec<String> = seg.sentences.iter().filter_map(|&i| event_ids.get(i).cloned()).collect();
                match seg.highlight.and_then(|i| hls.get(i)) {
                    Some(h) => mention(ctx, h.clone(), text, events).into_any(),
                    None if !events.is_empty() => sentence(ctx, text, events).into_any(),
                    None => text.into_any(),
                }
            })
            .collect()
    };
    let title = a.blocks.first().map(block).unwrap_or_default();
    let title_dir = a.blocks.first().map_or(dir_attr(a.dir), |b| dir_attr(b.dir));
    let paragraphs: Vec<_> = a
        .blocks
        .iter()
        .skip(1)
        .map(|b| {
            let d = dir_attr(b.dir);
            let content = block(b);
            view! {
                <p class="para" dir=d data-testid="paragraph">
                    {content}
                </p>
            }
        })
        .collect();
    let authors =
        (!a.authors.is_empty()).then(|| a.authors.join(super::i18n::list_sep(super::i18n::Lang::from_code(&a.lang))));
    view! {
        <article class="article" lang=a.lang.clone() dir=dir_attr(a.dir) node_ref=article_ref data-testid="article">
            <header class="article-header">
                {a.section.clone().map(|s| view! { <p class="kicker" data-testid="article-section">{s}</p> })}
                <h1 dir=title_dir data-testid="article-title">
                    {title}
                </h1>
                {a.subtitle.clone().map(|s| view! { <p class="subtitle">{s}</p> })}
                <p class="meta">
                    {a.source.clone().map(|s| view! { <span class="source" data-testid="article-source">{s}</span> })}
                    {authors.map(|s| view! { <span class="authors">{s}</span> })}
                    {a
                        .published_raw
                        .clone()
                        .map(|s| {
                            view! {
                                <time data-testid="article-date" datetime=a.published.clone().unwrap_or_default()>
                                    {s}
                                </time>
                            }
                        })}
                </p>
            </header>
            {paragraphs}
        </article>
    }
}

/// A plain stretch inside one or more event sentences.
fn sentence(ctx: Ctx, text: String, events: Vec<String>) -> impl IntoView {
    let ev2 = events.clone();
    view! {
        <span
            class="sent"
            class:lit=move || ctx.selected.with(|s| matches!(s, Some(Selection::Event(e)) if events.contains(e)))
            class:pre=move || ctx.hover.with(|s| matches!(s, Some(Selection::Event(e)) if ev2.contains(e)))
        >
            {text}
        </span>
    }
}

fn mention(ctx: Ctx, h: Hl, text: String, events: Vec<String>) -> impl IntoView {
    let kind = h.kind;
    let sel = h.selection();
    let (id_lit, id_pre) = (h.id.clone(), h.id.clone());
    let (ev_lit, ev_pre) = (h.event.clone(), h.event.clone());
    let (sent_lit, sent_pre) = (events.clone(), events);
    let hidden = move || ctx.hidden.with(|hd| hd.contains(&kind));
    let lit = move || {
        ctx.lit.with(|l| l.entities.contains(&id_lit))
            || ctx.selected.with(|s| matches!(s, Some(Selection::Event(e)) if ev_lit.as_ref() == Some(e)))
    };
    let in_sentence = move || ctx.selected.with(|s| matches!(s, Some(Selection::Event(e)) if sent_lit.contains(e)));
    let pre = move || {
        ctx.preview.with(|l| l.entities.contains(&id_pre))
            || ctx.hover.with(|s| match s {
                Some(Selection::Event(e)) => ev_pre.as_ref() == Some(e) || sent_pre.contains(e),
                _ => false,
            })
    };
    let label_text = text.clone();
    let demonym = h.demonym;
    view! {
        <mark
            class=format!("mention t-{}", kind.as_str())
            class:demonym=demonym
            data-form=demonym.then_some("demonym")
            class:lit=lit.clone()
            class:pre=pre
            class:in-sent=in_sentence
            class:off=hidden
            data-testid="mention"
            data-entity-type=kind.as_str()
            data-entity-id=h.id.clone()
            data-event-id=h.event.clone()
            data-hidden=move || hidden().then_some("true")
            data-label=move || if demonym { nationality_tag(ctx.lang.get()) } else { type_tag(ctx.lang.get(), kind) }
            tabindex=move || if hidden() { "-1" } else { "0" }
            role="button"
            aria-pressed=move || if lit() { "true" } else { "false" }
            aria-label=move || {
                let l = ctx.lang.get();
                let what = if demonym { nationality_name(l) } else { type_name(l, kind, false) };
                format!("{label_text} ({what})")
            }
            {..selectable(ctx, sel)}
        >
            {text}
        </mark>
    }
}
