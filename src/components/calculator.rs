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
}

/// The calculator: its pinned figures, the controls, and the rest of the results.
#[component]
pub fn Calculator(props: &CalculatorProps) -> Html {
    let CalculatorProps { inputs, lang, on_change } = props;
    let lang = *lang;
    let ui = &CONTENT.ui;
    // Computed once per render and shared (not copied) by the pinned figures and the results.
    let figures = Rc::new(Figures::new(inputs, lang));
    // The scenario as a link's query, for the loader, which points the language links at it
    // (assets/loader/links.js `pointLangLinks`). None at the defaults: those links stay plain.
    let scenario = (*inputs != CONTENT.defaults()).then(|| url::to_query(inputs, lang));
    html! {
        // data-calculator, data-scenario, data-figures: the loader's markers (assets/loader/),
        // not styling.
        <section class="calculator" data-calculator="" data-scenario={scenario} aria-labelledby="calculator-title">
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
