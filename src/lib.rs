//! The 287(g) explainer widget: a timeline and a cost calculator, prerendered at build
//! time; in the browser only the calculator runs (the island).
//!
//! - `explainer_core` (crate `core/`): the pure model, formatting and content schema.
//! - [`content`]: `assets/content.toml`, compiled in by `build.rs`.
//! - [`state`]: the calculator's state and its one reducer.
//! - [`app`]: the whole widget, for the prerender; [`island`]: the calculator in the browser.
//! - [`components`]: the view, one component per file; [`hooks`]: what they share.
//! - [`edge`]: where the widget meets the page (browser glue), one module a job.
//! - `prerender` (feature `ssr`, build time only): the pages, the one-file builds and the
//!   listing, rendered to HTML by the `prerender` binary (Trunk's post_build hook).

pub mod app;
pub mod components;
pub mod edge;
pub mod figures;
pub mod hooks;
pub mod island;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod state;

/// The validated content, as static data (generated from `assets/content.toml`).
pub mod content {
    include!(concat!(env!("OUT_DIR"), "/content.rs"));
}

/// ICE's list of 287(g) agreements, read and counted at build time (`None` in the wasm, which
/// does not show it, and where the content has no `[agreements]`).
pub mod agreements {
    include!(concat!(env!("OUT_DIR"), "/agreements.rs"));
}

/// ICE's list and the texts of its section, where the build has both: in native builds (the
/// prerender, the tests), never in the wasm.
pub fn agreements() -> Option<(&'static explainer_core::agreements::AgreementList, &'static explainer_core::content::Agreements)> {
    #[cfg(not(target_arch = "wasm32"))]
    return Some((agreements::LIST.as_ref()?, content::CONTENT.agreements.as_ref()?));
    #[cfg(target_arch = "wasm32")]
    None
}

pub use app::{App, AppProps};
