//! The reader's correction of a place ([`crate::correct`]): under the
//! selected place in the entity list, its runner-up candidates and a search
//! of the gazetteer; picking one moves the pin (and everything that reads
//! the analysis: list, card, exports), and the fix joins the view state, so
//! it travels in the share link.

use super::i18n::place_kind;
use super::state::Ctx;
use crate::model::Candidate;
use crate::view::PlaceFix;
use leptos::prelude::*;

/// Most search results listed.
const SEARCH_LIMIT: usize = 8;

/// The correction panel of place entity `id`.
pub fn panel(ctx: Ctx, id: String) -> impl IntoView {
    let query = ctx.state.search;
    let id_cands = id.clone();
    let place = move || {
        ctx.state.analysis.with(|a| {
            a.as_ref()
                .and_then(|a| a.entities.iter().find(|e| e.id == id_cands))
                .and_then(|e| e.place.clone())
                .map(|p| (p.candidates, p.corrected, p.gazetteer_id))
        })
    };
    let id_pick = id.clone();
    let pick = move |place: String| {
        let entity = id_pick.clone();
        query.set(String::new());
        ctx.state.view.update(|v| {
            v.places.retain(|f| f.entity != entity);
            v.places.push(PlaceFix { entity, place });
            // refit, so the moved pin is in view
            v.map = None;
        });
    };
    let id_undo = id.clone();
    let undo = move || {
        ctx.state.view.update(|v| {
            v.places.retain(|f| f.entity != id_undo);
            v.map = None;
        });
    };
    let results = move || {
        // again when late data arrives: the shard a name lives in, say
        ctx.state.data.track();
        let q = query.get();
        if q.trim().is_empty() {
            return None;
        }
        let ar = ctx.state.analysis.with_untracked(|a| a.as_ref().is_some_and(|a| a.lang == "ar"));
        Some(crate::search_places(&q, ar, SEARCH_LIMIT))
    };
    let row = move |c: Candidate, testid: &'static str, undo_row: bool| {
        let cid = c.id.clone();
        let pick = pick.clone();
        let undo = undo.clone();
        let what = move || {
            let k = place_kind(ctx.lang.get(), c.kind);
            match &c.country {
                Some(cc) => format!("{k} · {cc}"),
                None => k.to_string(),
            }
        };
        view! {
            <li>
                <button
                    type="button"
                    class="fix-choice"
                    data-testid=testid
                    data-place-id=cid.clone()
                    on:click=move |_| if undo_row { undo() } else { pick(cid.clone()) }
                >
                    <span class="e-name" dir="auto">{c.name.clone()}</span>
                    <span class="e-alt">{what}</span>
                </button>
            </li>
        }
    };
    let (place_list, row_list) = (place.clone(), row.clone());
    view! {
        <div class="place-fix" data-testid="place-fix">
            {move || {
                let (place, row) = (place_list.clone(), row_list.clone());
                let (mut cands, corrected, _) = place()?;
                let t = ctx.lang.get().t();
                // after a correction the first candidate is the analysed choice
                let back = (corrected && !cands.is_empty()).then(|| cands.remove(0));
                let others: Vec<_> = cands.into_iter().map(|c| row(c, "place-candidate", false)).collect();
                let has_others = !others.is_empty();
                Some(view! {
                    {back.map(|c| view! {
                        <p class="fix-head">{t.fix_moved}</p>
                        <ul class="fix-list">{row(c, "place-undo", true)}</ul>
                    })}
                    <p class="fix-head">{if has_others { t.fix_heading } else { t.fix_search_only }}</p>
                    {has_others.then(|| view! { <ul class="fix-list">{others}</ul> })}
                })
            }}
            <input
                type="search"
                class="fix-search"
                data-testid="place-search"
                dir="auto"
                aria-label=move || ctx.lang.get().t().fix_search
                placeholder=move || ctx.lang.get().t().fix_search
                prop:value=query
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            {move || {
                let found = results()?;
                let t = ctx.lang.get().t();
                if found.is_empty() {
                    return Some(view! { <p class="fix-none" data-testid="place-no-result">{t.fix_none}</p> }.into_any());
                }
                let current = place().map(|p| p.2);
                let items: Vec<_> = found
                    .into_iter()
                    .filter(|c| Some(&c.id) != current.as_ref())
                    .map(|c| row(c, "place-result", false))
                    .collect();
                Some(view! { <ul class="fix-list">{items}</ul> }.into_any())
            }}
        </div>
    }
}
