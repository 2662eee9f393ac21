use explainer_core::content::Lang;
use explainer_core::model::Inputs;
use yew::prelude::*;

use super::{BreakdownTable, Note, StackedBar, Status};
use crate::content::CONTENT;
use crate::figures::Figures;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub inputs: Inputs,
    pub lang: Lang,
}

/// What the chosen scenario costs: per officer, in total, and next to ICE's new funding.
#[function_component]
pub fn Results(props: &ResultsProps) -> Html {
    let lang = props.lang;
    let ui = &CONTENT.ui;
    let funding = &CONTENT.calculator.ice_funding;
    let f = Figures::new(&props.inputs, lang);
    html! {
        <div class="results">
            <div class="figures">
                <p class="figure">
                    <span class="figure-label">{ ui.per_officer_heading.get(lang) }</span>
                    <strong id="out-per-officer">{ f.per_officer.clone() }</strong>
                </p>
                <p class="figure total">
                    <span class="figure-label">{ ui.total_heading.get(lang) }</span>
                    <strong id="out-total">{ f.total.clone() }</strong>
                </p>
            </div>
            <p class="assumes" id="out-assumes">{ f.assumes.clone() }</p>
            <p class="share" id="out-share">{ f.share.clone() }</p>
            <StackedBar breakdown={f.breakdown} />
            <BreakdownTable figures={f.clone()} {lang} />
            if let Some(cut) = f.awards_cut.clone() {
                <p class="awards-cut" id="out-awards-cut">{ cut }</p>
            }
            // Paper has no controls: print says which options were on.
            <p class="summary print-only" id="out-summary">{ f.summary.clone() }</p>
            <Note text={funding.note.get(lang).to_string()} sources={vec![AttrValue::from(&*funding.source)]} {lang} />
            <Status message={f.status} />
        </div>
    }
}
