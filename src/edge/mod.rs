//! Where the widget meets the page it lives in, one module a job: the address bar and the
//! links that carry a scenario (`address`), copy link's clipboard (`clipboard`), the loader's
//! start record and the test switches (`record`), and taking over the prerendered island
//! (`takeover`). Only browser glue: what a link means is `explainer_core::url`; the prerender
//! (build time) is `crate::prerender`.
//!
//! These functions compile natively too (wasm-bindgen's imports exist there, they panic if
//! called), so the components need no `cfg`: the prerender renders once and runs no effect
//! or callback, where every call here is made. The one exception, [`test_switch`], is read
//! while rendering and answers `false` natively.

mod address;
mod clipboard;
mod record;
mod takeover;

pub use address::{read_scenario, scenario_link, sync_url, sync_url_soon, Pending, SYNC_URL_AFTER_MS};
pub use clipboard::write_clipboard;
pub use record::{mark_ready, step, test_switch};
pub use takeover::{give_back, take_over, Kept};

use explainer_core::content::Lang;

/// Each language's prerendered page, side by side in the dist folder (relative URLs).
pub fn prerender_file(lang: Lang) -> &'static str {
    explainer_core::files::Files::of(lang).page
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}
