//! Where the widget meets the page it lives in: the URL, the document, the clipboard,
//! and (natively) prerendering. Browser-only effects compile to no-ops natively.

#[cfg(feature = "ssr")]
pub mod prerender;
pub mod url;

use explainer_core::content::Lang;
use explainer_core::model::Inputs;

/// Each language's prerendered page, side by side in the dist folder (relative URLs).
pub fn prerender_file(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "index.html",
        Lang::Es => "index.es.html",
    }
}

#[cfg(target_arch = "wasm32")]
fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Test-only switches, so the browser tests can make the widget fail on purpose:
/// `window.__explainerTest = { panic: true }` (a panic while hydrating), `{ mismatch: true }`
/// (a render that differs from the prerendered markup) or `{ trap: true }` (a wasm trap with no
/// panic before it). No page sets this object.
pub fn test_switch(name: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else { return false };
        js_sys::Reflect::get(&window, &"__explainerTest".into())
            .ok()
            .filter(|v| v.is_object())
            .and_then(|v| js_sys::Reflect::get(&v, &name.into()).ok())
            .is_some_and(|v| v.is_truthy())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        false
    }
}

/// Marks the root `data-ready="true"` once hydration is done: the page is interactive.
pub fn mark_ready() {
    #[cfg(target_arch = "wasm32")]
    if let Some(root) = document().and_then(|d| d.get_element_by_id("explainer")) {
        step("ready");
        let _ = root.set_attribute("data-ready", "true");
    }
}

/// Adds a start step to the loader's record (`window.__explainerSteps`, assets/loader.js), so
/// a start that stalls shows how far the wasm got.
pub fn step(name: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let Some(window) = web_sys::window() else { return };
        let Ok(steps) = js_sys::Reflect::get(&window, &"__explainerSteps".into()) else { return };
        if let Some(steps) = steps.dyn_ref::<js_sys::Array>() {
            let now = window.performance().map_or(0.0, |p| p.now().round());
            steps.push(&js_sys::Array::of2(&name.into(), &now.into()));
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// `<html lang>` and the title follow the widget's language.
pub fn apply_lang(lang: Lang) {
    #[cfg(target_arch = "wasm32")]
    if let Some(doc) = document() {
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", lang.code());
        }
        doc.set_title(crate::content::CONTENT.ui.title.get(lang));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = lang;
}

/// The scenario in the page's query string, if any.
pub fn read_scenario() -> Option<url::Scenario> {
    #[cfg(target_arch = "wasm32")]
    {
        let search = web_sys::window()?.location().search().ok()?;
        // The browser decodes; every value of each known key, in order (the last one wins).
        let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
        let pairs: Vec<(&str, String)> = url::KEYS
            .iter()
            .flat_map(|&k| params.get_all(k).iter().filter_map(|v| v.as_string()).map(move |v| (k, v)).collect::<Vec<_>>())
            .collect();
        let content = &crate::content::CONTENT;
        Some(url::parse(pairs.iter().map(|(k, v)| (*k, v.as_str())), content.defaults(), &content.limits()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// How long the scenario must stay put before the address follows it: dragging a slider
/// would otherwise call `replaceState` at every step (browsers throttle that).
pub const SYNC_URL_AFTER_MS: u32 = 250;

/// A pending address update; dropping it cancels it.
#[cfg(target_arch = "wasm32")]
pub type Pending = gloo::timers::callback::Timeout;
#[cfg(not(target_arch = "wasm32"))]
pub struct Pending;

/// [`sync_url`] once the scenario has stayed the same for [`SYNC_URL_AFTER_MS`].
pub fn sync_url_soon(inputs: Inputs, lang: Lang) -> Pending {
    #[cfg(target_arch = "wasm32")]
    {
        gloo::timers::callback::Timeout::new(SYNC_URL_AFTER_MS, move || sync_url(&inputs, lang))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (inputs, lang);
        Pending
    }
}

/// Keeps the query string equal to the scenario, without adding history entries.
pub fn sync_url(inputs: &Inputs, lang: Lang) {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        let query = format!("?{}", url::to_query(inputs, lang));
        if w.location().search().ok().as_deref() != Some(query.as_str()) {
            if let Ok(history) = w.history() {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&query));
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (inputs, lang);
}

/// A link to this page with the scenario in its query (built from the scenario, not read
/// from the address bar, which follows a little later).
pub fn scenario_link(inputs: &Inputs, lang: Lang) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let href = web_sys::window()?.location().href().ok()?;
        let page = href.split(['?', '#']).next().unwrap_or_default();
        Some(format!("{page}?{}", url::to_query(inputs, lang)))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (inputs, lang);
        None
    }
}

#[cfg(target_arch = "wasm32")]
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
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
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
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        done(false);
    }
}
