//! The Leptos view. Renders only an [`Analysis`](crate::Analysis) and the
//! [`ViewState`](crate::view::ViewState) held in an [`AppState`].

mod app;
mod share_buttons;
mod state;

pub use app::App;
pub use share_buttons::{ShareButtons, ShareConfig};
pub use state::AppState;
