use explainer_core::content::Lang;
use explainer_core::format;
use explainer_core::model::{compute, per_year, share_tenths_pct, Inputs};
use yew::prelude::*;

use super::{BreakdownTable, SourceLine, StackedBar, Status};
use crate::content::CONTENT;

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
    let loc = CONTENT.locale(lang);
    let b = compute(&props.inputs);
    let funding = &CONTENT.calculator.ice_funding;
    let yearly = per_year(funding.total_dollars, funding.years);
    let total = b.total();
    let share = format::share(share_tenths_pct(total, yearly).unwrap_or(0), total == 0, loc);
    let total_text = format::money(total, loc);
    html! {
        <div class="results">
            <div class="figures">
                <p class="figure">
                    <span class="figure-label">{ ui.per_officer_heading.get(lang) }</span>
                    <strong id="out-per-officer">{ format::dollars(b.per_officer_total(), loc) }</strong>
                </p>
                <p class="figure total">
                    <span class="figure-label">{ ui.total_heading.get(lang) }</span>
                    <strong id="out-total">{ total_text.clone() }</strong>
                </p>
            </div>
            <p class="share" id="out-share">
                { format::fill(ui.share.get(lang), &[("share", &share), ("funding", &format::money(yearly, loc))]) }
            </p>
            <StackedBar breakdown={b} />
            <BreakdownTable breakdown={b} {lang} />
            <p class="note">
                { funding.note.get(lang) }{" "}
                <SourceLine id={&*funding.source} {lang} />
            </p>
            <Status message={format::fill(ui.status.get(lang), &[("total", &total_text)])} />
        </div>
    }
}
