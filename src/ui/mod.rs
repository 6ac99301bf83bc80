//! The Leptos view. Renders only an [`Analysis`](crate::Analysis) and the
//! [`ViewState`](crate::view::ViewState) held in an [`AppState`].

mod app;
mod state;

pub use app::App;
pub use state::AppState;
