use explainer_core::content::Lang;
use explainer_core::model::Inputs;
use explainer_core::url;
use yew::prelude::*;

use super::{Controls, Headline, Results};
use crate::content::CONTENT;
use std::rc::Rc;

use crate::figures::Figures;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct CalculatorProps {
    pub inputs: Inputs,
    pub lang: Lang,
    /// Every change the reader makes.
    pub on_change: Callback<Action>,
    /// The page's query as it was opened (empty when prerendered: the build has no address,
    /// and the loader reads the attribute only once the calculator runs).
    #[prop_or_default]
    pub page_query: AttrValue,
}

/// The calculator: its pinned figures, the controls, and the rest of the results.
#[component]
pub fn Calculator(props: &CalculatorProps) -> Html {
    let CalculatorProps { inputs, lang, on_change, page_query } = props;
    let lang = *lang;
    let ui = &CONTENT.ui;
    // Computed once per render and shared (not copied) by the pinned figures and the results.
    let figures = Rc::new(Figures::new(inputs, lang));
    // The language links' query, for the loader, which sets them (assets/loader/links.js
    // `pointLangLinks`): the scenario, none at the defaults, and the page's other keys.
    // Always written, so the first render adds no attribute to the prerendered markup.
    let lang_query = url::lang_link_query(inputs, &CONTENT.defaults(), page_query);
    html! {
        // data-calculator, data-lang-query, data-figures: the loader's markers (assets/loader/),
        // not styling.
        <section class="calculator" data-calculator="" data-lang-query={lang_query} aria-labelledby="calculator-title">
            <h3 id="calculator-title">{ ui.calculator_heading.get(lang) }</h3>
            <p class="intro">{ ui.calculator_intro.get(lang) }</p>
            <div class="calc-grid" data-figures="">
                <Headline figures={figures.clone()} {lang} />
                <Controls inputs={*inputs} {lang} awards_cut={figures.awards_cut.clone().map(AttrValue::from)} on_change={on_change.clone()} />
                <Results {figures} {lang} />
            </div>
        </section>
    }
}
