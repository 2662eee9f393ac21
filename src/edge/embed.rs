//! The widget inside a host page's iframe: it reports its height to the parent whenever it
//! changes, in Pym.js's string format and in the AMP format that @newswire/frames reads,
//! answers a parent's `frames-init` at once, and sends or accepts nothing else.

/// Pym.js: `pymxPYMx{childId}xPYMxheightxPYMx{px}`.
pub fn pym_message(child_id: &str, height: u32) -> String {
    format!("pymxPYMx{child_id}xPYMxheightxPYMx{height}")
}

/// A content height as a whole number of CSS pixels (rounded up, so nothing is cut off).
pub fn whole_px(height: f64) -> Option<u32> {
    (height.is_finite() && height >= 0.0 && height < 1.0e6).then(|| height.ceil() as u32)
}

#[cfg(target_arch = "wasm32")]
pub fn start() {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if JsValue::from(&parent) == JsValue::from(&window) {
        return; // opened directly: nothing to tell
    }
    let Some(document) = window.document() else { return };
    if let Some(html) = document.document_element() {
        let _ = html.class_list().add_1("embedded");
    }
    let child_id = window
        .location()
        .search()
        .ok()
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("childId"))
        // Pym's ids are element ids; keep the message well-formed whatever the URL says.
        .filter(|id| !id.is_empty() && id.len() <= 100 && !id.contains("xPYMx"));

    let send = {
        let (parent, document) = (parent.clone(), document.clone());
        move || {
            let Some(body) = document.body() else { return };
            let Some(height) = whole_px(body.get_bounding_client_rect().height()) else { return };
            if let Some(id) = &child_id {
                let _ = parent.post_message(&JsValue::from_str(&pym_message(id, height)), "*");
            }
            let amp = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&amp, &"sentinel".into(), &"amp".into());
            let _ = js_sys::Reflect::set(&amp, &"type".into(), &"embed-size".into());
            let _ = js_sys::Reflect::set(&amp, &"height".into(), &JsValue::from(height));
            let _ = parent.post_message(&amp, "*");
        }
    };
    send();

    // Whenever the content's height changes: hydration, fonts, a language switch, a resize.
    let on_resize = Closure::<dyn FnMut()>::new(send.clone());
    if let (Ok(observer), Some(body)) = (web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()), document.body()) {
        observer.observe(&body);
    }
    on_resize.forget(); // lives as long as the page

    // A parent's `{sentinel: "amp", type: "frames-init"}`, and only from the parent.
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let from_parent = e.source().map(JsValue::from) == Some(JsValue::from(&parent));
        let data = e.data();
        let field = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok().and_then(|v| v.as_string());
        if from_parent && data.is_object() && field("sentinel").as_deref() == Some("amp") && field("type").as_deref() == Some("frames-init") {
            send();
        }
    });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_carry_only_whole_finite_numbers() {
        assert_eq!(pym_message("widget", 2417), "pymxPYMxwidgetxPYMxheightxPYMx2417");
        assert_eq!(whole_px(2416.2), Some(2417));
        assert_eq!(whole_px(f64::NAN), None);
        assert_eq!(whole_px(f64::INFINITY), None);
        assert_eq!(whole_px(-1.0), None);
    }
}
