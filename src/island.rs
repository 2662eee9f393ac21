//! The calculator in the browser: the one part of the widget that changes, so the only one the
//! wasm renders. It replaces the island's prerendered markup, which is the same markup, in the
//! same task (no paint in between), then applies a shared link's scenario.

use explainer_core::content::Lang;
use explainer_core::model::Inputs;
use yew::prelude::*;

use crate::components::Calculator;
use crate::edge;
use crate::hooks::use_effect_after_first;
use crate::state::{Action, State};

#[derive(Properties, PartialEq, Clone)]
pub struct IslandProps {
    /// The page's language.
    pub lang: Lang,
    /// A shared link's scenario, applied right after the first render, which must be the
    /// prerendered one (the defaults) so that nothing moves; the live region then speaks it.
    #[prop_or_default]
    pub restore: Option<Inputs>,
    /// The focus and the open notes of the prerendered markup, to give back.
    #[prop_or_default]
    pub kept: edge::Kept,
    /// The page's query as it was opened (`location.search`): its keys other than a scenario's
    /// (`?theme=`, a host's) stay in the language links.
    #[prop_or_default]
    pub page_query: AttrValue,
}

#[component]
pub fn Island(props: &IslandProps) -> Html {
    let lang = props.lang;
    let state = use_reducer(State::new);
    if edge::test_switch("panic") {
        panic!("test-only switch: a deliberate panic in the first render");
    }
    {
        let (dispatch, restore, kept) = (state.dispatcher(), props.restore, props.kept.clone());
        use_effect_with((), move |_| {
            edge::give_back(&kept);
            if let Some(inputs) = restore {
                dispatch.dispatch(Action::Restore(inputs));
            }
            // The link's scenario is drawn in this same task, before the loader sees "ready".
            edge::mark_ready();
        });
    }
    // The address follows the scenario once the reader pauses (the language links follow it at
    // once: the loader reads the calculator's `data-lang-query`). Not on the first render:
    // nothing changed yet.
    use_effect_after_first(state.inputs, move |&inputs| edge::sync_url_soon(inputs, lang));
    // One callback for the whole life of the island (it wraps the reducer's one dispatch
    // function, so it compares equal across renders): a change does not re-render what did
    // not change.
    let on_change = state.dispatcher().to_callback();
    html! { <Calculator inputs={state.inputs} {lang} {on_change} page_query={props.page_query.clone()} /> }
}
