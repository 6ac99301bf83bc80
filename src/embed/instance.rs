//! One mounted instance: its own owner, [`AppState`] and bookkeeping. The
//! page, the iframe page and every `mount()` call each make one; nothing is
//! shared between them.

use crate::share::{EncodedArticle, ShareLink, SharedArticle};
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
    /// The article's share-link frame and the fingerprint it was made for:
    /// compressed once per article, not once per view change.
    encoded: StoredValue<Option<(u64, EncodedArticle)>>,
}

/// What a link to the current view carries besides the view.
enum Carried {
    /// Nothing or a URL: the page's own article or one fetched from `src`.
    Other(SharedArticle),
    /// The article itself (its fingerprint).
    Inline(u64),
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
            state.follow_corrections();
            let inst = Instance {
                state,
                origin: StoredValue::new((Origin::Inline, 0)),
                share_base: StoredValue::new(setup.share_base),
                generation: StoredValue::new(0),
                encoded: StoredValue::new(None),
            };
            let enabled = inst.share_base.with_value(|b| *b != ShareBase::None);
            provide_context(ShareConfig { enabled, link: UnsyncCallback::new(move |()| inst.share_link()) });
            out.set(Some(inst));
            // late data: fetched for each article shown, then analysed again in place
            super::assets::track(inst);
            Effect::new(move |_| {
                inst.state.analysis.track();
                super::assets::want(inst);
            });
            // the shards a place search may need, once the reader pauses typing
            let pending = StoredValue::new(None::<TimeoutHandle>);
            Effect::new(move |_| {
                let q = inst.state.search.get();
                if let Some(h) = pending.try_update_value(Option::take).flatten() {
                    h.clear();
                }
                if !q.trim().is_empty() {
                    let h = set_timeout_with_handle(
                        move || super::assets::want_text(&q),
                        std::time::Duration::from_millis(300),
                    );
                    pending.try_set_value(h.ok());
                }
            });
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

    /// Shows a problem in the reader's language (its details under it); the
    /// article on screen stays.
    pub fn fail_with(&self, (problem, message): crate::ui::Failure) {
        if self.alive() {
            self.state.fail_input(problem, message);
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
        if let Err(failure) = crate::ui::fits_the_page(article) {
            self.fail_with(failure);
            return;
        }
        // the link's view first: its place corrections belong to this article
        if let Some(v) = view {
            self.state.view.set(v);
        }
        self.state.set_analysis(Some(crate::analyze(article)));
        self.state.article.set_value(Some(article.clone()));
        self.state.choices.set(Vec::new());
        self.state.error.set(None);
        self.after_load(origin, None);
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
        match result {
            // `load_bytes` shows its own input error
            Ok((bytes, origin)) => self.load_bytes(&bytes, origin, view),
            Err((problem, message)) => {
                self.fail_with((problem, message.clone()));
                Err(message)
            }
        }
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
        self.state.analysis.try_with(|a| {
            let a = a.as_ref()?;
            let article = self.carried(a)?.map(|c| match c {
                Carried::Other(article) => article,
                Carried::Inline(_) => SharedArticle::Inline(Box::new(crate::share::article_of(a))),
            });
            Some(article.map(|article| ShareLink { view, article }))
        })?
    }

    /// The fragment for the current view (without `#`); empty for the
    /// page's own article in its default view. An article carried inline is
    /// encoded once and its frame reused for every later view.
    pub fn fragment(&self) -> Option<Result<String, &'static str>> {
        let view = self.state.view.try_get()?;
        self.state.analysis.try_with(|a| {
            let a = a.as_ref()?;
            Some(self.carried(a)?.map(|c| match c {
                Carried::Inline(fp) => crate::share::encode_with(&view, &self.encoded_article(a, fp)),
                Carried::Other(article) => {
                    let link = ShareLink { view, article };
                    if link == ShareLink::default() {
                        String::new()
                    } else {
                        crate::share::encode(&link)
                    }
                }
            }))
        })?
    }

    /// How the link carries the article on screen; `None` once disposed.
    fn carried(&self, a: &crate::Analysis) -> Option<Result<Carried, &'static str>> {
        let (origin, fp) = self.origin.try_get_value()?;
        let current = fingerprint(a);
        Some(match origin {
            Origin::PageUrl if current == fp => Ok(Carried::Other(SharedArticle::None)),
            Origin::Src(url) if current == fp => Ok(Carried::Other(SharedArticle::Src(url))),
            _ if a.text.len() > MAX_INLINE_TEXT_BYTES => Err(TOO_LARGE_TO_LINK),
            _ => Ok(Carried::Inline(current)),
        })
    }

    /// The article's link frame, from the cache when it was made for this text.
    fn encoded_article(&self, a: &crate::Analysis, fp: u64) -> EncodedArticle {
        let cached = self.encoded.try_with_value(|c| c.as_ref().filter(|(k, _)| *k == fp).map(|(_, e)| e.clone()));
        if let Some(Some(e)) = cached {
            return e;
        }
        let e = EncodedArticle::new(&crate::share::article_of(a));
        self.encoded.try_set_value(Some((fp, e.clone())));
        e
    }

    /// Changes where Copy link points.
    pub fn set_share_base(&self, base: ShareBase) {
        if self.alive() {
            self.share_base.set_value(base);
        }
    }

    /// The full link Copy link puts on the clipboard.
    fn share_link(&self) -> Result<Option<String>, crate::ui::Failure> {
        let base = match self.share_base.try_get_value() {
            None | Some(ShareBase::None) => return Ok(None),
            Some(ShareBase::CurrentPage) => {
                let Some(loc) = web_sys::window().map(|w| w.location()) else { return Ok(None) };
                let js = |r: Result<String, JsValue>| r.unwrap_or_default();
                format!("{}{}{}", js(loc.origin()), js(loc.pathname()), js(loc.search()))
            }
            Some(ShareBase::Url(u)) => u.split('#').next().unwrap_or_default().to_string(),
        };
        let fragment = self
            .fragment()
            .unwrap_or(Ok(String::new()))
            .map_err(|e| (crate::ui::Problem::TooLargeToLink, e.to_string()))?;
        Ok(Some(if fragment.is_empty() { base } else { format!("{base}#{fragment}") }))
    }
}

/// Tells analyses apart cheaply (FNV-1a of the text and language).
fn fingerprint(a: &crate::Analysis) -> u64 {
    crate::hash::fnv1a64_iter(a.lang.bytes().chain([0]).chain(a.text.bytes()))
}
