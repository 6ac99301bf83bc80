//! The Leptos view. Renders only an [`Analysis`](crate::Analysis) and the
//! [`ViewState`](crate::view::ViewState) held in an [`AppState`]; layout
//! arithmetic lives in the pure `layout` module.

mod app;
mod card;
mod entities;
mod i18n;
mod map;
mod place_fix;
mod relay;
mod resize;
mod select;
mod share_buttons;
mod state;
mod text;
mod timeline;
mod toolbar;

pub use app::App;
pub use share_buttons::{ShareButtons, ShareConfig};
pub use state::{fits_the_page, AppState, Failure, Problem};
