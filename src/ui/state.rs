//! The reactive state shared by every view and by the embedding code.
//! `embed` creates it, the components read and write it.

use crate::model::Analysis;
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
    /// analysis stays on screen.
    pub error: RwSignal<Option<String>>,
    /// What a share link restores.
    pub view: RwSignal<ViewState>,
    /// Hover preview (not part of the view state).
    pub hover: RwSignal<Option<Selection>>,
    /// Panels to show (embedding option).
    pub panels: RwSignal<Panels>,
}

impl AppState {
    pub fn new(analysis: Option<Analysis>, view: ViewState, panels: Panels) -> Self {
        AppState {
            analysis: RwSignal::new(analysis),
            choices: RwSignal::new(Vec::new()),
            error: RwSignal::new(None),
            view: RwSignal::new(view),
            hover: RwSignal::new(None),
            panels: RwSignal::new(panels),
        }
    }

    /// Shows a new article's analysis, or an error that keeps the old one.
    pub fn load(&self, input: &[u8]) {
        match crate::parse_articles(input) {
            Ok(mut articles) if !articles.is_empty() => {
                let first = articles.remove(0);
                self.analysis.set(Some(crate::analyze(&first)));
                self.view.set(ViewState { ui_lang: self.view.get_untracked().ui_lang, ..ViewState::default() });
                self.error.set(None);
                articles.insert(0, first);
                self.choices.set(if articles.len() > 1 { articles } else { Vec::new() });
            }
            Ok(_) => self.error.set(Some("input holds no article".into())),
            Err(e) => self.error.set(Some(e.to_string())),
        }
    }
}
