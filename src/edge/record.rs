//! The loader's start record (`window.__explainerSteps`, `data-ready`) and the test-only
//! switches: what the browser tests and a stalled start's report read.

use wasm_bindgen::JsCast;

use super::document;

/// Test-only switches, so the browser tests can make the widget fail on purpose:
/// `window.__explainerTest = { panic: true }` (a panic in the first render) or `{ trap: true }`
/// (a wasm trap with no panic before it). No page sets this object.
pub fn test_switch(name: &str) -> bool {
    if !cfg!(target_arch = "wasm32") {
        return false; // prerendering: there is no window
    }
    let Some(window) = web_sys::window() else { return false };
    js_sys::Reflect::get(&window, &"__explainerTest".into())
        .ok()
        .filter(|v| v.is_object())
        .and_then(|v| js_sys::Reflect::get(&v, &name.into()).ok())
        .is_some_and(|v| v.is_truthy())
}

/// Marks the root `data-ready="true"` once the calculator has rendered: it is interactive.
pub fn mark_ready() {
    if let Some(root) = document().and_then(|d| d.get_element_by_id("explainer")) {
        step("ready");
        let _ = root.set_attribute("data-ready", "true");
    }
}

/// Adds a start step to the loader's record (`window.__explainerSteps`, assets/loader/boot.js), so
/// a start that stalls shows how far the wasm got.
pub fn step(name: &str) {
    let Some(window) = web_sys::window() else { return };
    let Ok(steps) = js_sys::Reflect::get(&window, &"__explainerSteps".into()) else { return };
    if let Some(steps) = steps.dyn_ref::<js_sys::Array>() {
        let now = window.performance().map_or(0.0, |p| p.now().round());
        steps.push(&js_sys::Array::of2(&name.into(), &now.into()));
    }
}
