//! The widget in the browser: the calculator island takes over its prerendered markup.

#[cfg(target_arch = "wasm32")]
fn main() {
    use explainer::island::{Island, IslandProps};
    use explainer_core::content::Lang;

    explainer::edge::step("main");
    // One clear message on panic; the prerendered content stays on screen.
    yew::set_custom_panic_hook(Box::new(|info| {
        // The loader then logs nothing more for the trap that follows (a trap without it, it logs).
        explainer::edge::step("panic");
        web_sys::console::error_1(&format!("explainer: stopped, the page keeps its prerendered content ({info})").into());
    }));
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let Some(root) = document.get_element_by_id(explainer::app::ISLAND_ID) else {
        web_sys::console::error_1(&"explainer: no calculator on this page".into());
        return;
    };
    // Each language is its own page: the island speaks the page's.
    let lang = document.document_element().and_then(|e| e.get_attribute("lang")).and_then(|l| Lang::from_code(&l)).unwrap_or_default();
    // `parse` starts from the defaults: a link with no valid input restores nothing.
    let restore = explainer::edge::read_scenario().filter(|s| s.has_inputs).map(|s| s.inputs);
    if explainer::edge::test_switch("trap") {
        core::arch::wasm32::unreachable(); // test-only: a trap with no panic before it
    }
    explainer::edge::step("render");
    let kept = explainer::edge::take_over(&root);
    let page_query = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default().into();
    yew::Renderer::<Island>::with_root_and_props(root, IslandProps { lang, restore, kept, page_query }).render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in the browser: use `cargo xtask serve` (or `trunk serve`).");
}
