//! The widget's root: header, timeline, calculator, sources.

use explainer_core::content::Lang;
use yew::prelude::*;

use crate::components::{Calculator, Sources, Timeline};
use crate::content::CONTENT;
use crate::state::State;

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// The language the page was prerendered in; hydration must start from the same one.
    #[prop_or_default]
    pub lang: Lang,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.lang;
    let state = use_reducer(move || State::new(initial));
    let lang = state.lang;
    let ui = &CONTENT.ui;
    use_effect_with((), |_| crate::edge::mark_ready());
    html! {
        <article class="explainer" lang={lang.code()} aria-labelledby="explainer-title">
            <header class="explainer-head">
                <h2 id="explainer-title">{ ui.title.get(lang) }</h2>
                <p class="dek">{ ui.dek.get(lang) }</p>
            </header>
            <Timeline {lang} />
            <Calculator inputs={state.inputs} {lang} dispatch={state.dispatcher()} />
            <Sources {lang} />
            <p class="credit">{ ui.credit.get(lang) }</p>
        </article>
    }
}
