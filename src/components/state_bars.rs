use std::rc::Rc;

use explainer_core::agreements::AgreementList;
use explainer_core::content::{Agreements, Lang};
use explainer_core::format::{count, fill};
use yew::prelude::*;

use crate::content::CONTENT;

#[derive(Properties, PartialEq)]
pub struct StateBarsProps {
    pub list: Rc<AgreementList>,
    pub text: &'static Agreements,
    pub lang: Lang,
}

const W: f64 = 400.0;
const ROW: f64 = 22.0;
const LABEL: f64 = 112.0;
const RIGHT: f64 = 36.0;

/// Where the agreements are: the states with the most, as ranked bars (the rest summed in a
/// line under them), a sentence that says it, and every state in a folded table.
#[function_component]
pub fn StateBars(props: &StateBarsProps) -> Html {
    let (list, t, lang) = (&props.list, props.text, props.lang);
    let loc = CONTENT.locale(lang);
    let n = |v: u32| count(v as u64, loc);
    let states = list.by_state();
    let shown = &states[..states.len().min(t.top_states as usize)];
    let rest: u32 = states[shown.len()..].iter().map(|(_, c)| c).sum();
    let max = shown.first().map_or(1, |(_, c)| *c).max(1) as f64;
    let h = ROW * shown.len() as f64;
    let name = |i: usize| states.get(i).map(|(s, _)| s.to_string()).unwrap_or_default();
    let num = |i: usize| states.get(i).map(|(_, c)| n(*c)).unwrap_or_default();
    let summary = fill(
        t.states_summary.get(lang),
        &[("states", &n(states.len() as u32)), ("first", &name(0)), ("first_count", &num(0)), ("second", &name(1)), ("second_count", &num(1))],
    );
    html! {
        <figure class="ag-figure">
            <svg class="ag-chart ag-bars" viewBox={format!("0 0 {W} {h}")} aria-hidden="true" focusable="false">
                { for shown.iter().enumerate().map(|(i, (state, c))| {
                    let y = ROW * i as f64;
                    let w = ((W - LABEL - RIGHT) * *c as f64 / max).max(1.0);
                    html! {
                        <g>
                            <text class="ag-state" x={(LABEL - 6.0).to_string()} y={format!("{:.0}", y + 15.0)} text-anchor="end">{ state.to_string() }</text>
                            <rect class="ag-bar" x={LABEL.to_string()} y={format!("{:.0}", y + 3.0)} width={format!("{w:.1}")} height={(ROW - 6.0).to_string()} />
                            <text class="ag-value" x={format!("{:.1}", LABEL + w + 4.0)} y={format!("{:.0}", y + 15.0)}>{ n(*c) }</text>
                        </g>
                    }
                }) }
            </svg>
            if !states[shown.len()..].is_empty() {
                <p class="ag-rest">{ format!("{}: {}", fill(t.other_states.get(lang), &[("n", &n((states.len() - shown.len()) as u32))]), n(rest)) }</p>
            }
            <figcaption class="ag-summary">{ summary }</figcaption>
            <details class="more ag-table">
                <summary>{ t.states_table.get(lang) }</summary>
                <table>
                    <thead>
                        <tr><th scope="col">{ t.col_state.get(lang) }</th><th scope="col">{ t.col_agreements.get(lang) }</th></tr>
                    </thead>
                    <tbody>
                        { for states.iter().map(|(s, c)| html! { <tr><th scope="row">{ s.to_string() }</th><td>{ n(*c) }</td></tr> }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
