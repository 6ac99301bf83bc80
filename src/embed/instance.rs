//! One mounted instance: its own owner, [`AppState`] and bookkeeping. The
//! page, the iframe page and every `mount()` call each make one; nothing is
//! shared between them.

use crate::share::{ShareLink, SharedArticle};
use crate::ui::{AppState, ShareConfig};
use crate::view::{Panels, ViewState};
use leptos::prelude::*;
use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// Articles with more text than this are not put in links: encoding them on
/// every click would make the page sluggish, and such links are too long to
/// send anyway (browsers cap URLs around 2 MB). Copy link explains instead.
pub const MAX_INLINE_TEXT_BYTES: usize = 256 * 1024;

/// Why there is no link for what is on screen.
pub const TOO_LARGE_TO_LINK: &str =
    "this article is too large to share in a link; put it at a url and share a ?src= link instead";

/// Where the article on screen came from: decides what a link must carry.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// The page URL already names it (the bundled default or `?src=`):
    /// links carry the view only.
    PageUrl,
    /// Fetched from this absolute URL: links carry the URL.
    Src(String),
    /// Given as data (a host page, a link, a paste or a file): links carry the article.
    Inline,
}

/// Where Copy link points.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareBase {
    /// No Copy link button.
    None,
    /// The current page (its address without the fragment).
    CurrentPage,
    /// A page that runs article-atlas (`mount` option `shareBase`).
    Url(String),
}

/// The handles of one instance; `Copy`, valid until its owner is disposed.
#[derive(Clone, Copy)]
pub struct Instance {
    pub state: AppState,
    /// The origin and the fingerprint of the analysis it describes: a
    /// different analysis on screen (loaded by a picker, say) is `Inline`.
    origin: StoredValue<(Origin, u64)>,
    share_base: StoredValue<ShareBase>,
    /// Bumped on every load so a slow fetch cannot overwrite a newer article.
    generation: StoredValue<u32>,
}

/// What `mount` needs besides the root element.
pub struct Setup {
    pub view: ViewState,
    pub panels: Panels,
    pub share_base: ShareBase,
}

impl Instance {
    /// Mounts the app on `root`; `extra` runs inside the owner (effects, listeners).
    pub fn mount(
        root: web_sys::HtmlElement,
        setup: Setup,
        extra: impl FnOnce(Instance) + 'static,
    ) -> Option<(Instance, Box<dyn Any>)> {
        let slot: Rc<Cell<Option<Instance>>> = Rc::new(Cell::new(None));
        let out = slot.clone();
        let handle = leptos::mount::mount_to(root, move || {
            let state = AppState::new(None, setup.view, setup.panels);
            let inst = Instance {
                state,
                origin: StoredValue::new((Origin::Inline, 0)),
                share_base: StoredValue::new(setup.share_base),
                generation: StoredValue::new(0),
            };
            let enabled = inst.share_base.with_value(|b| *b != ShareBase::None);
            provide_context(ShareConfig { enabled, link: UnsyncCallback::new(move |()| inst.share_link()) });
            out.set(Some(inst));
            extra(inst);
            view! { <crate::ui::App state=state /> }
        });
        let inst = slot.get()?;
        Some((inst, Box::new(handle)))
    }

    /// False once the owner is disposed (after `destroy`): every signal access
    /// must be skipped then.
    pub fn alive(&self) -> bool {
        self.state.analysis.try_with_untracked(|_| ()).is_some()
    }

    /// Shows an error; the article on screen stays.
    pub fn fail(&self, message: String) {
        if self.alive() {
            self.state.error.set(Some(message));
        }
    }

    fn next_generation(&self) -> u32 {
        let g = self.generation.get_value().wrapping_add(1);
        self.generation.set_value(g);
        g
    }

    /// Loads input bytes (any supported format). On success the view becomes
    /// `view` (or the default); on failure the old article stays with an error.
    pub fn load_bytes(&self, bytes: &[u8], origin: Origin, view: Option<ViewState>) -> Result<(), String> {
        if !self.alive() {
            return Err("article-atlas instance was destroyed".into());
        }
        self.next_generation();
        self.state.load(bytes);
        if let Some(e) = self.state.error.get_untracked() {
            return Err(e);
        }
        self.after_load(origin, view);
        Ok(())
    }

    /// Shows an already parsed article (from a share link).
    pub fn load_article(&self, article: &crate::Article, origin: Origin, view: Option<ViewState>) {
        if !self.alive() {
            return;
        }
        self.next_generation();
        if let Err(e) = crate::ui::fits_the_page(article) {
            self.state.error.set(Some(e));
            return;
        }
        self.state.analysis.set(Some(crate::analyze(article)));
        self.state.choices.set(Vec::new());
        self.state.error.set(None);
        self.after_load(origin, None);
        if let Some(v) = view {
            self.state.view.set(v);
        }
    }

    fn after_load(&self, origin: Origin, view: Option<ViewState>) {
        let fp = self.state.analysis.with_untracked(|a| a.as_ref().map(fingerprint)).unwrap_or(0);
        self.origin.set_value((origin, fp));
        if let Some(v) = view {
            self.state.view.set(v);
        }
    }

    /// Fetches `src` and loads it; errors (CORS, 404, bad input) go to the
    /// banner and the article on screen stays.
    pub async fn load_src(self, src: String, origin_is_page: bool, view: Option<ViewState>) -> Result<(), String> {
        let generation = self.next_generation();
        let result = async {
            let url = super::fetch::resolve(&src)?;
            let bytes = super::fetch::fetch_bytes(&url).await?;
            let origin = if origin_is_page { Origin::PageUrl } else { Origin::Src(url) };
            Ok((bytes, origin))
        }
        .await;
        // A newer article (or a destroy) while this one loaded: nothing to show.
        if !self.alive() || self.generation.get_value() != generation {
            return Err("a newer article replaced this one while it loaded".into());
        }
        let result = result.and_then(|(bytes, origin)| self.load_bytes(&bytes, origin, view));
        if let Err(e) = &result {
            self.fail(e.clone());
        }
        result
    }

    /// Applies a decoded link: its view, and its article if it has one.
    pub async fn apply_link(self, link: ShareLink) -> Result<(), String> {
        match link.article {
            SharedArticle::Inline(article) => {
                self.load_article(&article, Origin::Inline, Some(link.view));
                Ok(())
            }
            SharedArticle::Src(src) => self.load_src(src, false, Some(link.view)).await,
            SharedArticle::None => {
                if self.alive() {
                    self.state.view.set(link.view);
                    self.state.error.set(None);
                }
                Ok(())
            }
        }
    }

    /// What a link to the current view carries; reads signals tracked when
    /// called from an effect. `None` when there is nothing to share, `Err`
    /// when the article is too large to carry.
    pub fn link(&self) -> Option<Result<ShareLink, &'static str>> {
        let view = self.state.view.try_get()?;
        let (origin, fp) = self.origin.try_get_value()?;
        self.state.analysis.try_with(|a| {
            let a = a.as_ref()?;
            let inline = |a: &crate::Analysis| {
                if a.text.len() > MAX_INLINE_TEXT_BYTES {
                    Err(TOO_LARGE_TO_LINK)
                } else {
                    Ok(SharedArticle::Inline(Box::new(crate::share::article_of(a))))
                }
            };
            let article = match origin {
                _ if fingerprint(a) != fp => inline(a),
                Origin::PageUrl => Ok(SharedArticle::None),
                Origin::Src(url) => Ok(SharedArticle::Src(url)),
                Origin::Inline => inline(a),
            };
            Some(article.map(|article| ShareLink { view, article }))
        })?
    }

    /// The fragment for the current view (without `#`); empty for the
    /// page's own article in its default view.
    pub fn fragment(&self) -> Option<Result<String, &'static str>> {
        Some(
            self.link()?
                .map(|link| if link == ShareLink::default() { String::new() } else { crate::share::encode(&link) }),
        )
    }

    /// Changes where Copy link points.
    pub fn set_share_base(&self, base: ShareBase) {
        if self.alive() {
            self.share_base.set_value(base);
        }
    }

    /// The full link Copy link puts on the clipboard.
    fn share_link(&self) -> Result<Option<String>, String> {
        let base = match self.share_base.try_get_value() {
            None | Some(ShareBase::None) => return Ok(None),
            Some(ShareBase::CurrentPage) => {
                let loc = web_sys::window().map(|w| w.location()).ok_or("no window")?;
                let js = |r: Result<String, JsValue>| r.unwrap_or_default();
                format!("{}{}{}", js(loc.origin()), js(loc.pathname()), js(loc.search()))
            }
            Some(ShareBase::Url(u)) => u.split('#').next().unwrap_or_default().to_string(),
        };
        let fragment = self.fragment().unwrap_or(Ok(String::new()))?;
        Ok(Some(if fragment.is_empty() { base } else { format!("{base}#{fragment}") }))
    }
}

/// Tells analyses apart cheaply (FNV-1a of the text and language).
fn fingerprint(a: &crate::Analysis) -> u64 {
    crate::hash::fnv1a64_iter(a.lang.bytes().chain([0]).chain(a.text.bytes()))
}
