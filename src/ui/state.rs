//! The reactive state shared by every view and by the embedding code.
//! `embed` creates it, the components read and write it.

use super::i18n::Lang;
use super::relay::Relay;
use crate::layout::{self, Lit};
use crate::model::{Analysis, EntityType};
use crate::view::{Panels, Selection, ViewState};
use leptos::prelude::*;

/// Signals for one mounted instance (several instances never share one).
#[derive(Clone, Copy)]
pub struct AppState {
    /// The analysis on screen (`None` before the first article).
    pub analysis: RwSignal<Option<Analysis>>,
    /// The articles of a multi-article input, for the picker.
    pub choices: RwSignal<Vec<crate::model::Article>>,
    /// The last error (bad input, failed fetch, broken link); the previous
    /// analysis stays on screen. Technical and in English: the JS API
    /// returns it as it is.
    pub error: RwSignal<Option<String>>,
    /// What a reader is told about an input error, in the interface
    /// language, with the `error` it explains (stale once `error` changes).
    pub problem: RwSignal<Option<(String, Problem)>>,
    /// What a share link restores.
    pub view: RwSignal<ViewState>,
    /// Hover preview (not part of the view state).
    pub hover: RwSignal<Option<Selection>>,
    /// Panels to show (embedding option).
    pub panels: RwSignal<Panels>,
    /// The article behind the analysis (`None` for an exported analysis shown
    /// as it is), to analyse again in place when late data arrives.
    pub article: StoredValue<Option<crate::model::Article>>,
    /// The analysis before the reader's place corrections (`view.places`):
    /// `analysis` is this with them applied ([`AppState::set_analysis`]).
    pub base: StoredValue<Option<Analysis>>,
    /// The reader's place search (its names may live in gazetteer shards
    /// still to fetch: the embedding fetches them).
    pub search: RwSignal<String>,
    /// Bumped whenever late data has been folded in (a search runs again).
    pub data: RwSignal<u32>,
}

impl AppState {
    pub fn new(analysis: Option<Analysis>, view: ViewState, panels: Panels) -> Self {
        AppState {
            analysis: RwSignal::new(analysis),
            choices: RwSignal::new(Vec::new()),
            error: RwSignal::new(None),
            problem: RwSignal::new(None),
            view: RwSignal::new(view),
            hover: RwSignal::new(None),
            panels: RwSignal::new(panels),
            article: StoredValue::new(None),
            base: StoredValue::new(None),
            search: RwSignal::new(String::new()),
            data: RwSignal::new(0),
        }
    }

    /// Shows `a` with the view's place corrections applied (untracked: the
    /// effect of [`AppState::follow_corrections`] applies later changes).
    pub fn set_analysis(&self, a: Option<Analysis>) {
        let shown = self.view.with_untracked(|v| corrected(a.as_ref(), &v.places));
        self.base.set_value(a);
        self.analysis.set(shown);
    }

    /// Applies the view's place corrections whenever they change (a pick,
    /// an undo, a share link): ids stay, so the selection stays.
    pub fn follow_corrections(&self) {
        let state = *self;
        let fixes = Memo::new(move |_| state.view.with(|v| v.places.clone()));
        Effect::new(move |_| {
            let fixes = fixes.get();
            let Some(shown) = state.base.try_with_value(|b| corrected(b.as_ref(), &fixes)) else { return };
            if state.analysis.try_with_untracked(|a| *a != shown) == Some(true) {
                state.analysis.set(shown);
            }
        });
    }

    /// Analyses the article on screen again (a late asset arrived): the
    /// view state stays, and ids are stable, so the selection stays too.
    pub fn reanalyze(&self) {
        // try_: a view destroyed while its data was on the way is skipped
        self.data.try_update(|n| *n = n.wrapping_add(1));
        let Some(Some(article)) = self.article.try_get_value() else { return };
        let a = crate::analyze(&article);
        if self.base.try_with_value(|old| old.as_ref() != Some(&a)) == Some(true) {
            self.set_analysis(Some(a));
        }
    }

    /// Shows a new article's analysis, or an error that keeps the old one.
    /// An exported analysis (the JSON `analyze` returns) is shown as it is.
    pub fn load(&self, input: &[u8]) {
        if input.iter().all(u8::is_ascii_whitespace) {
            self.fail_input(Problem::Empty, "input is empty".into());
            return;
        }
        if let Some(a) = as_analysis(input) {
            self.article.set_value(None);
            self.show_analysis(a);
            self.choices.set(Vec::new());
            return;
        }
        match crate::parse_articles(input) {
            Ok(mut articles) if !articles.is_empty() => {
                let first = articles.remove(0);
                if let Err((p, e)) = fits_the_page(&first) {
                    self.fail_input(p, e);
                    return;
                }
                self.show_analysis(crate::analyze(&first));
                self.article.set_value(Some(first.clone()));
                articles.insert(0, first);
                self.choices.set(if articles.len() > 1 { articles } else { Vec::new() });
            }
            Ok(_) => self.fail_input(Problem::NoArticle, "input holds no article".into()),
            Err(e) => self.fail_input(Problem::of(&e), e.to_string()),
        }
    }

    /// Shows an input error (the article on screen stays).
    pub fn fail_input(&self, problem: Problem, message: String) {
        self.problem.set(Some((message.clone(), problem)));
        self.error.set(Some(message));
    }

    /// Shows an analysis, keeping the interface language and clearing the rest
    /// of the view.
    pub fn show_analysis(&self, a: Analysis) {
        self.view.set(ViewState { ui_lang: self.view.get_untracked().ui_lang, ..ViewState::default() });
        self.set_analysis(Some(a));
        self.hover.set(None);
        self.error.set(None);
    }

    /// Shows article `i` of a multi-article input.
    pub fn pick(&self, i: usize) {
        let article = self.choices.with_untracked(|c| c.get(i).cloned());
        if let Some(article) = article {
            if let Err((p, e)) = fits_the_page(&article) {
                self.fail_input(p, e);
                return;
            }
            self.show_analysis(crate::analyze(&article));
            self.article.set_value(Some(article));
        }
    }

    /// Selects `sel`, or clears the selection when `sel` is already selected.
    pub fn toggle_select(&self, sel: Selection) {
        self.view.update(|v| v.selected = if v.selected.as_ref() == Some(&sel) { None } else { Some(sel) });
    }

    /// Clears the selection (Escape).
    pub fn clear_selection(&self) {
        if self.view.with_untracked(|v| v.selected.is_some()) {
            self.view.update(|v| v.selected = None);
        }
    }

    /// Hides a type's highlights, pins and events, or shows them again.
    pub fn toggle_type(&self, t: EntityType) {
        self.view.update(|v| {
            if let Some(i) = v.hidden.iter().position(|h| *h == t) {
                v.hidden.remove(i);
            } else {
                v.hidden.push(t);
                crate::sort::sort(&mut v.hidden);
            }
        });
    }
}

/// Why an input was not shown, in terms a reader can act on; the interface
/// says it in its language ([`super::i18n::problem`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Nothing but white space.
    Empty,
    /// Over the 5 MB input limit.
    TooLarge,
    /// Not text (not UTF-8).
    NotText,
    /// Unreadable at a line and column (broken JSON, a nul byte).
    Unreadable { line: usize, column: usize },
    /// The article has no text.
    NoBody,
    /// A field holds the wrong kind of value.
    BadField(String),
    /// No article in the input.
    NoArticle,
    /// Longer (code points) than the page lays out.
    TooLongForPage(usize),
    /// A share link that cannot be opened.
    Link(crate::share::ShareError),
    /// An article address that is not a URL.
    BadUrl,
    /// An article address that is not http(s).
    NotHttp,
    /// The request was blocked (CORS, Content-Security-Policy) or the network failed.
    Blocked,
    /// The server answered with this HTTP status.
    Http(u16),
    /// The article at the address is over the 5 MB input limit.
    RemoteTooLarge,
    /// The article is too large to travel in a link (Copy link).
    TooLargeToLink,
}

/// A problem with its technical details (shown under the reader's message,
/// and the text of API errors).
pub type Failure = (Problem, String);

impl Problem {
    /// What the parser says went wrong, in the words the interface has.
    pub fn of(e: &crate::InputError) -> Problem {
        use crate::InputErrorKind as K;
        match e.kind {
            K::TooLarge => Problem::TooLarge,
            K::NotText => Problem::NotText,
            K::Empty => Problem::Empty,
            K::NoBody => Problem::NoBody,
            K::WrongType => Problem::BadField(e.field.clone().unwrap_or_default()),
            K::Unreadable => match (e.line, e.column) {
                (Some(line), Some(column)) => Problem::Unreadable { line, column },
                _ => Problem::NoArticle,
            },
            K::NoArticle => Problem::NoArticle,
        }
    }
}

/// Longest article text the page lays out (code points). The analysis has
/// no such limit (the CLI and `analyze` take 5 MB), but drawing hundreds of
/// thousands of highlights freezes a browser tab for minutes; the longest
/// news features are under 100,000 characters.
pub const PAGE_MAX_CHARS: usize = 200_000;

/// Whether the page can lay the article out; the problem when it cannot.
pub fn fits_the_page(a: &crate::model::Article) -> Result<(), Failure> {
    let n = a.title.chars().count() + a.paragraphs.iter().map(|p| p.chars().count() + 2).sum::<usize>();
    if n > PAGE_MAX_CHARS {
        Err((Problem::TooLongForPage(n), format!(
            "article is too long to show here: {n} characters, the page shows up to {PAGE_MAX_CHARS} (the CLI and the JS analyze() take up to 5 MB)"
        )))
    } else {
        Ok(())
    }
}

fn as_analysis(input: &[u8]) -> Option<Analysis> {
    // text, as `from_str`: the reader the JS API's `analysis_of` uses too
    let text = std::str::from_utf8(input).ok()?;
    // an article has no `blocks`, `mentions` or `entities`, which an
    // analysis must have
    let a: Analysis = crate::model_read::from_str(text).ok()?;
    let len = a.text.chars().count();
    let spans_ok = a.blocks.iter().all(|b| b.start <= b.end && b.end <= len)
        && a.mentions.iter().all(|m| m.start <= m.end && m.end <= len)
        && a.events.iter().all(|e| e.start <= e.end && e.end <= len);
    spans_ok.then_some(a)
}

/// Reactive views of the state that every component reads; memos, so a map
/// drag does not re-render the text.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub state: AppState,
    /// Interface language: the view's, else the article's.
    pub lang: Memo<Lang>,
    pub selected: Memo<Option<Selection>>,
    pub hidden: Memo<Vec<EntityType>>,
    /// What the selection lights up.
    pub lit: Memo<Lit>,
    /// What the hover previews.
    pub preview: Memo<Lit>,
    /// The hovered or focused item ([`AppState::hover`]).
    pub hover: Memo<Option<Selection>>,
    /// The hover/focus card.
    pub card: RwSignal<Option<CardAt>>,
    /// The `.atlas` root element (the card is positioned relative to it).
    pub root: NodeRef<leptos::html::Div>,
    /// The memos above, handed to views rebuilt with each article ([`Ctx::scoped`]).
    relays: Relays,
}

#[derive(Clone, Copy)]
struct Relays {
    lang: Relay<Lang>,
    selected: Relay<Option<Selection>>,
    hidden: Relay<Vec<EntityType>>,
    lit: Relay<Lit>,
    preview: Relay<Lit>,
    hover: Relay<Option<Selection>>,
}

/// Where the card shows and what for (pixels relative to the `.atlas` root).
#[derive(Debug, Clone, PartialEq)]
pub struct CardAt {
    pub sel: Selection,
    pub x: f64,
    pub y: f64,
    /// Show above the anchor (near the bottom of the window).
    pub above: bool,
}

impl Ctx {
    pub fn new(state: AppState) -> Self {
        let lang = Memo::new(move |_| {
            let ui = state.view.with(|v| v.ui_lang.clone());
            match ui {
                Some(code) => Lang::from_code(&code),
                None => state.analysis.with(|a| a.as_ref().map_or(Lang::En, |a| Lang::from_code(&a.lang))),
            }
        });
        let selected = Memo::new(move |_| state.view.with(|v| v.selected.clone()));
        let hidden = Memo::new(move |_| state.view.with(|v| v.hidden.clone()));
        let lit = Memo::new(move |_| {
            let sel = selected.get();
            state.analysis.with(|a| a.as_ref().map(|a| layout::lit(a, sel.as_ref())).unwrap_or_default())
        });
        let preview = Memo::new(move |_| {
            let sel = state.hover.get();
            state.analysis.with(|a| a.as_ref().map(|a| layout::lit(a, sel.as_ref())).unwrap_or_default())
        });
        let hover = Memo::new(move |_| state.hover.get());
        let relays = Relays {
            lang: Relay::new(lang),
            selected: Relay::new(selected),
            hidden: Relay::new(hidden),
            lit: Relay::new(lit),
            preview: Relay::new(preview),
            hover: Relay::new(hover),
        };
        Ctx {
            state,
            lang,
            selected,
            hidden,
            lit,
            preview,
            hover,
            card: RwSignal::new(None),
            root: NodeRef::new(),
            relays,
        }
    }

    /// The same context through memos owned by the current reactive owner,
    /// for a view rebuilt with every article (the text, the entity list,
    /// the map's pins, the timeline's events). Their closures must read
    /// only these: see [`Relay`] for why subscribing to the long-lived
    /// memos leaks (about 45 KB per article in the text alone, before).
    pub fn scoped(self) -> Ctx {
        let r = self.relays;
        Ctx {
            lang: r.lang.scoped(),
            selected: r.selected.scoped(),
            hidden: r.hidden.scoped(),
            lit: r.lit.scoped(),
            preview: r.preview.scoped(),
            hover: r.hover.scoped(),
            ..self
        }
    }

    /// Starts a hover preview (and its card) anchored at `el`.
    pub fn preview_at(&self, sel: Selection, el: Option<web_sys::Element>) {
        self.state.hover.set(Some(sel.clone()));
        let (Some(el), Some(root)) = (el, self.root.get_untracked()) else { return };
        let r = el.get_bounding_client_rect();
        let base = root.get_bounding_client_rect();
        let view_h = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(800.0);
        let above = r.bottom() + 180.0 > view_h && r.top() > 200.0;
        let half = 140.0f64.min(base.width() / 2.0);
        let x = crate::float::clamp(r.left() + r.width() / 2.0 - base.left(), half, (base.width() - half).max(half));
        let y = if above { r.top() - base.top() - 8.0 } else { r.bottom() - base.top() + 8.0 };
        self.card.set(Some(CardAt { sel, x, y, above }));
    }

    /// Ends a hover preview.
    pub fn unpreview(&self) {
        self.state.hover.set(None);
        self.card.set(None);
    }
}

/// `a` with the reader's place corrections applied.
fn corrected(a: Option<&Analysis>, fixes: &[crate::view::PlaceFix]) -> Option<Analysis> {
    let mut a = a.cloned()?;
    if !fixes.is_empty() {
        crate::correct_places(&mut a, fixes);
    }
    Some(a)
}
