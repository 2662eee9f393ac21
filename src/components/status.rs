use yew::prelude::*;

use crate::hooks::use_effect_after_first;

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    /// The sentence to announce ("Total: $1.19 billion a year").
    pub message: AttrValue,
}

/// How long the reader must pause before the new total is announced.
const ANNOUNCE_AFTER_MS: u32 = 800;

/// One polite live region. It stays empty on load and speaks the message only once the
/// reader pauses, so dragging a slider is not read out step by step.
#[component]
pub fn Status(props: &StatusProps) -> Html {
    let announced = use_state(String::new);
    {
        // The value on load is on screen already: nothing to announce.
        let announced = announced.clone();
        use_effect_after_first(props.message.clone(), move |message| {
            let message = message.to_string();
            gloo::timers::callback::Timeout::new(ANNOUNCE_AFTER_MS, move || announced.set(message))
        });
    }
    html! { <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="status">{ (*announced).clone() }</p> }
}
