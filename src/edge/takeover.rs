//! Taking over the prerendered island: its markup is emptied for the client render, and what
//! the reader did to it (the focus, opened notes) is given back once the same markup is drawn.

use wasm_bindgen::JsCast;

use super::document;

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
