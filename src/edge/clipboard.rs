//! Copy link's clipboard write, and whether the browser says it happened.

use wasm_bindgen::JsCast;

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
