//! Where the widget meets the page it lives in.

#[cfg(feature = "ssr")]
pub mod prerender;

/// Marks the root `data-ready="true"` once hydration is done: the page is interactive.
/// (Tests and benchmarks wait for it; CSS could use it too.)
pub fn mark_ready() {
    #[cfg(target_arch = "wasm32")]
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("explainer")) {
        let _ = root.set_attribute("data-ready", "true");
    }
}
