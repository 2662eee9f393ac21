use explainer_core::content::Lang;
use yew::prelude::*;

use super::{BreakdownTable, Note, StackedBar, Status, Swings};
use crate::content::CONTENT;
use std::rc::Rc;

use crate::figures::Figures;

#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    pub figures: Rc<Figures>,
    pub lang: Lang,
}

/// The two figures a reader watches while moving the controls, and what the total assumes.
/// It stays on the reader's screen while they work the controls (sticky; in an iframe the
/// loader tells it where the visible part of the frame begins: `--vis-top`).
#[component]
pub fn Headline(props: &HeadlineProps) -> Html {
    let lang = props.lang;
    let ui = &CONTENT.ui;
    let f = &props.figures;
    html! {
        // data-pinned: the loader keeps keyboard focus from landing under it in an iframe.
        <div class="pinned" data-pinned="">
            <p class="estimate">{ ui.estimate.get(lang) }</p>
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
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub figures: Rc<Figures>,
    pub lang: Lang,
}

/// The rest of what the scenario costs: for scale beside ICE's new funding, line by line,
/// and the spoken total.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let lang = props.lang;
    let funding = &CONTENT.calculator.ice_funding;
    let f = &props.figures;
    html! {
        <div class="results">
            <p class="share" id="out-share">{ f.share.clone() }</p>
            <StackedBar breakdown={f.breakdown} />
            <BreakdownTable figures={f.clone()} {lang} />
            <Swings figures={f.clone()} {lang} />
            // Paper has no controls: print says which options were on.
            <p class="summary print-only" id="out-summary">{ f.summary.clone() }</p>
            <Note text={AttrValue::Static(funding.note.get(lang))} sources={vec![AttrValue::Static(&funding.source)]} {lang} />
            <Status message={f.status.clone()} />
        </div>
    }
}
