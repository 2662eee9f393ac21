//! Where the widget meets the page it lives in: the address bar, the document, the clipboard,
//! the loader's start record, and (natively) prerendering. Only browser glue: what a link
//! means is `explainer_core::url`.
//!
//! These functions compile natively too (wasm-bindgen's imports exist there, they panic if
//! called), so the components need no `cfg`: the prerender renders once and runs no effect
//! or callback, where every call here is made. The one exception, [`test_switch`], is read
//! while rendering and answers `false` natively.

#[cfg(feature = "ssr")]
pub mod prerender;

use explainer_core::content::Lang;
use explainer_core::model::Inputs;
use explainer_core::url::{self, Scenario};
use wasm_bindgen::JsCast;

/// Each language's prerendered page, side by side in the dist folder (relative URLs).
pub fn prerender_file(lang: Lang) -> &'static str {
    explainer_core::files::Files::of(lang).page
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

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

/// Adds a start step to the loader's record (`window.__explainerSteps`, assets/loader.js), so
/// a start that stalls shows how far the wasm got.
pub fn step(name: &str) {
    let Some(window) = web_sys::window() else { return };
    let Ok(steps) = js_sys::Reflect::get(&window, &"__explainerSteps".into()) else { return };
    if let Some(steps) = steps.dyn_ref::<js_sys::Array>() {
        let now = window.performance().map_or(0.0, |p| p.now().round());
        steps.push(&js_sys::Array::of2(&name.into(), &now.into()));
    }
}

/// What the reader did to the prerendered island that its markup does not hold: the element
/// with the focus and the notes they opened, by position among the island's elements (the
/// client render draws the same markup, so the same positions).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kept {
    focus: Option<u32>,
    open: Vec<u32>,
}

/// Empties the island's root for the client render (the same markup, drawn in the same task),
/// and returns what to give back once it is drawn ([`give_back`]).
pub fn take_over(root: &web_sys::Element) -> Kept {
    let active = document().and_then(|d| d.active_element());
    let mut kept = Kept::default();
    if let Ok(all) = root.query_selector_all("*") {
        for i in 0..all.length() {
            let Some(el) = all.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            if active.as_ref().is_some_and(|a| a.is_same_node(Some(&el))) {
                kept.focus = Some(i);
            }
            if el.tag_name() == "DETAILS" && el.has_attribute("open") {
                kept.open.push(i);
            }
        }
    }
    root.set_inner_html("");
    kept
}

/// Opens the notes again and gives the focus back, in the island's first render.
pub fn give_back(kept: &Kept) {
    let Some(root) = document().and_then(|d| d.get_element_by_id(crate::app::ISLAND_ID)) else { return };
    let Ok(all) = root.query_selector_all("*") else { return };
    let at = |i: u32| all.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
    for el in kept.open.iter().filter_map(|&i| at(i)) {
        let _ = el.set_attribute("open", "");
    }
    if let Some(el) = kept.focus.and_then(at) {
        let _ = el.focus();
    }
}

/// The language links (`a[hreflang]`, static markup outside the island) carry the scenario, so
/// the other page starts from it. At the defaults (and without the code) they are the plain
/// links that were prerendered. (The loader adds the page's other keys, `?theme=` and a
/// host's, when one is clicked.)
pub fn point_lang_links(inputs: &Inputs) {
    let Some(doc) = document() else { return };
    let plain = *inputs == crate::content::CONTENT.defaults();
    for lang in Lang::ALL {
        if let Ok(Some(a)) = doc.query_selector(&format!("a[hreflang=\"{}\"]", lang.code())) {
            let file = prerender_file(lang);
            let href = if plain { file.to_string() } else { format!("{file}?{}", url::to_query(inputs, lang)) };
            let _ = a.set_attribute("href", &href);
        }
    }
}

/// The scenario in the page's query string, if any.
pub fn read_scenario() -> Option<Scenario> {
    let search = web_sys::window()?.location().search().ok()?;
    // The browser decodes; every value of each known key, in order (the last one wins).
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    let pairs: Vec<(&str, String)> = url::keys()
        .flat_map(|k| params.get_all(k).iter().filter_map(|v| v.as_string()).map(move |v| (k, v)).collect::<Vec<_>>())
        .collect();
    let content = &crate::content::CONTENT;
    Some(url::parse(pairs.iter().map(|(k, v)| (*k, v.as_str())), content.defaults(), &content.limits()))
}

/// How long the scenario must stay put before the address follows it: dragging a slider
/// would otherwise call `replaceState` at every step (browsers throttle that).
pub const SYNC_URL_AFTER_MS: u32 = 250;

/// A pending address update; dropping it cancels it.
pub type Pending = gloo::timers::callback::Timeout;

/// [`sync_url`] once the scenario has stayed the same for [`SYNC_URL_AFTER_MS`].
pub fn sync_url_soon(inputs: Inputs, lang: Lang) -> Pending {
    gloo::timers::callback::Timeout::new(SYNC_URL_AFTER_MS, move || sync_url(&inputs, lang))
}

/// Keeps the query string equal to the scenario, without adding history entries; the page's
/// other keys (`?theme=`, a host's) stay (`url::keep_others`): the language links carry them.
pub fn sync_url(inputs: &Inputs, lang: Lang) {
    let Some(w) = web_sys::window() else { return };
    let search = w.location().search().unwrap_or_default();
    let query = format!("?{}", url::keep_others(&url::to_query(inputs, lang), &search));
    if search != query {
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&query));
        }
    }
}

/// A link to this page with the scenario in its query (built from the scenario, not read
/// from the address bar, which follows a little later).
pub fn scenario_link(inputs: &Inputs, lang: Lang) -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let page = href.split(['?', '#']).next().unwrap_or_default();
    Some(format!("{page}?{}", url::to_query(inputs, lang)))
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A promise, for `then` with plain functions: a callback from `Closure::once_into_js`
    /// frees itself once called.
    type Thenable;
    #[wasm_bindgen(method)]
    fn then(this: &Thenable, ok: &wasm_bindgen::JsValue, fail: &wasm_bindgen::JsValue);
}

/// Writes `text` to the clipboard, then calls `done(true)` only if the browser says it did.
/// `done(false)` where there is no clipboard API (plain http) or the write is refused (a
/// cross-origin iframe without `allow="clipboard-write"`, a denied permission).
pub fn write_clipboard(text: &str, done: impl FnOnce(bool) + 'static) {
    let clipboard = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok())
        .filter(|c| c.is_object());
    let Some(clipboard) = clipboard else { return done(false) };
    let write = clipboard.unchecked_into::<web_sys::Clipboard>().write_text(text);
    // `writeText` resolves with undefined and rejects with an error: one callback tells
    // them apart, and only one of the two calls happens (which frees it).
    let settled = wasm_bindgen::closure::Closure::once_into_js(move |v: wasm_bindgen::JsValue| done(v.is_undefined()));
    write.unchecked_ref::<Thenable>().then(&settled, &settled);
}

