//! Where the widget meets the page it lives in.

#[cfg(feature = "ssr")]
pub mod prerender;
