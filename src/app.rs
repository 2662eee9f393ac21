//! The whole widget as the prerender step writes it: header, timeline, calculator, ICE's list
//! of agreements charted, sources.
//! Only the calculator runs in the browser (the island, [`crate::island`]); the rest is static
//! HTML that the wasm neither renders nor contains.

use explainer_core::content::Lang;
use yew::prelude::*;

use crate::components::{AgreementsSection, Calculator, LangSwitch, Sources, Timeline};
use crate::content::CONTENT;

/// The element the island takes over: the calculator's prerendered markup is its content.
pub const ISLAND_ID: &str = "calculator-island";

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// The page's language (one prerendered page per language).
    #[prop_or_default]
    pub lang: Lang,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let lang = props.lang;
    let ui = &CONTENT.ui;
    html! {
        <article class="explainer" lang={lang.code()} aria-labelledby="explainer-title">
            <LangSwitch {lang} />
            <header class="explainer-head">
                <h2 id="explainer-title">{ ui.title.get(lang) }</h2>
                <p class="dek">{ ui.dek.get(lang) }</p>
            </header>
            <Timeline {lang} />
            <div id={ISLAND_ID}>
                <Calculator inputs={CONTENT.defaults()} {lang} on_change={Callback::noop()} />
            </div>
            if let Some((list, text)) = crate::agreements() {
                <AgreementsSection list={std::rc::Rc::new(list.clone())} {text} {lang} />
            }
            <Sources {lang} />
            <p class="credit">{ ui.credit.get(lang) }</p>
        </article>
    }
}
