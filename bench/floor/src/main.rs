//! One number in an existing element (`#island`), changed by one button: a client-rendered
//! Yew island with one event listener, the least a Yew island ships.

use yew::prelude::*;

#[function_component]
fn Island() -> Html {
    let n = use_state(|| 0u32);
    let onclick = {
        let n = n.clone();
        Callback::from(move |_: MouseEvent| n.set(n.wrapping_add(1)))
    };
    html! {
        <button {onclick}>{ *n }</button>
    }
}

fn main() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("island"))
        .expect("#island");
    yew::Renderer::<Island>::with_root(root).render();
}
