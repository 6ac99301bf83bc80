//! The Leptos view. Renders only an [`Analysis`](crate::Analysis).

mod app;

pub use app::App;
