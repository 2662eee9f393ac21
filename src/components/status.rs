use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    /// The sentence to announce ("Total: $1.19 billion a year").
    pub message: AttrValue,
}

/// How long the reader must pause before the new total is announced.
#[cfg(target_arch = "wasm32")]
const ANNOUNCE_AFTER_MS: u32 = 800;

/// One polite live region. It stays empty on load and speaks the message only once the
/// reader pauses, so dragging a slider is not read out step by step.
#[function_component]
pub fn Status(props: &StatusProps) -> Html {
    let announced = use_state(String::new);
    #[cfg(target_arch = "wasm32")]
    {
        let first = use_mut_ref(|| true);
        let announced = announced.clone();
        use_effect_with(props.message.clone(), move |message| {
            let timer = if std::mem::take(&mut *first.borrow_mut()) {
                None // the value on load is on screen already: nothing to announce
            } else {
                let message = message.to_string();
                Some(gloo::timers::callback::Timeout::new(ANNOUNCE_AFTER_MS, move || announced.set(message)))
            };
            move || drop(timer)
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = &props.message;
    html! { <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="status">{ (*announced).clone() }</p> }
}
