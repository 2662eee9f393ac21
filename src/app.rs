//! The widget's root: header, timeline, calculator, sources.

use explainer_core::content::Lang;
use yew::prelude::*;

use crate::components::{Calculator, LangSwitch, Sources, Timeline};
use crate::content::CONTENT;
use crate::edge;
use crate::hooks::use_effect_after_first;
use explainer_core::url::Scenario;
use crate::state::{Action, State};

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// The language the page was prerendered in; hydration must start from the same one.
    #[prop_or_default]
    pub lang: Lang,
    /// A scenario from the URL, applied after hydration (hydration itself starts from the
    /// prerendered default state, or Yew would find a mismatch).
    #[prop_or_default]
    pub restore: Option<Scenario>,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.lang;
    let state = use_reducer(move || State::new(initial));
    let lang = state.lang;
    let ui = &CONTENT.ui;
    if edge::test_switch("panic") {
        panic!("test-only switch: a deliberate panic while hydrating");
    }
    {
        let dispatch = state.dispatcher();
        let restore = props.restore;
        use_effect_with((), move |_| {
            if let Some(s) = restore.filter(|s| s.has_inputs || s.lang.is_some()) {
                // `parse` starts from the defaults, so `s.inputs` is the defaults when none was given.
                dispatch.dispatch(Action::Restore(s.inputs, s.lang.unwrap_or(initial)));
            }
            edge::mark_ready();
        });
    }
    // The URL and <html lang> follow the scenario (not on the first render: nothing changed yet).
    use_effect_after_first((state.inputs, lang), |&(inputs, lang)| {
        edge::apply_lang(lang);
        edge::sync_url_soon(inputs, lang)
    });
    // One callback for the whole life of the widget, so a change does not re-render what
    // did not change.
    let on_change = {
        let dispatch = state.dispatcher();
        (*use_memo((), move |_| Callback::from(move |action| dispatch.dispatch(action)))).clone()
    };
    html! {
        <article class="explainer" lang={lang.code()} aria-labelledby="explainer-title">
            if edge::test_switch("mismatch") {
                <p class="mismatch">{ "test-only switch: not in the prerendered markup" }</p>
            }
            <LangSwitch {lang} on_lang={on_change.reform(Action::Lang)} />
            <header class="explainer-head">
                <h2 id="explainer-title">{ ui.title.get(lang) }</h2>
                <p class="dek">{ ui.dek.get(lang) }</p>
            </header>
            <Timeline {lang} />
            <Calculator inputs={state.inputs} {lang} {on_change} />
            <Sources {lang} />
            <p class="credit">{ ui.credit.get(lang) }</p>
        </article>
    }
}
