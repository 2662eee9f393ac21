//! The address bar and the links that carry a scenario: reading a shared link, following the
//! scenario in the address, copy link's link (the language links are the loader's). What a
//! link means is `explainer_core::url`.

use explainer_core::content::Lang;
use explainer_core::model::Inputs;
use explainer_core::url::{self, Scenario};

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
/// other keys (`?theme=`, a host's) stay (`url::keep_others`), as in the language links.
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
