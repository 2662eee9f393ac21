use explainer_core::content::Lang;
use explainer_core::model::{Breakdown, Part};
use yew::prelude::*;

use crate::content::CONTENT;
use std::rc::Rc;

use crate::figures::Figures;

#[derive(Properties, PartialEq)]
pub struct StackedBarProps {
    pub breakdown: Breakdown,
}

/// One officer's yearly cost as a stacked bar. Hidden from screen readers: the table
/// beside it says the same in words.
#[component]
pub fn StackedBar(props: &StackedBarProps) -> Html {
    const WIDTH: u64 = 1000;
    let b = &props.breakdown;
    let total = b.per_officer_total().max(1);
    let mut x = 0;
    let rects = Part::ALL.iter().filter(|&&p| b.per_officer(p) > 0).map(|&part| {
        let w = b.per_officer(part) * WIDTH / total;
        let rect = html! { <rect class={classes!("seg", part.key())} x={x.to_string()} y="0" width={w.to_string()} height="24" /> };
        x += w;
        rect
    });
    html! {
        <svg class="bar" viewBox="0 0 1000 24" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            { for rects }
        </svg>
    }
}

#[derive(Properties, PartialEq)]
pub struct BreakdownTableProps {
    pub figures: Rc<Figures>,
    pub lang: Lang,
}

/// The breakdown in words: each line per officer and for all officers.
#[component]
pub fn BreakdownTable(props: &BreakdownTableProps) -> Html {
    let lang = props.lang;
    let ui = &CONTENT.ui;
    let f = &props.figures;
    html! {
        <table class="breakdown">
            <caption>{ ui.breakdown_caption.get(lang) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ ui.col_part.get(lang) }</th>
                    <th scope="col">{ ui.col_per_officer.get(lang) }</th>
                    <th scope="col">{ ui.col_all.get(lang) }</th>
                </tr>
            </thead>
            <tbody>
                { for Part::ALL.iter().zip(&f.rows).map(|(&part, (per_officer, all))| html! {
                    <tr key={part.key()} data-part={part.key()}>
                        <th scope="row"><span class={classes!("swatch", part.key())} aria-hidden="true"></span>{ ui.row(part).get(lang) }</th>
                        <td>{ per_officer }</td>
                        <td>{ all }</td>
                    </tr>
                }) }
            </tbody>
            <tfoot>
                <tr data-part="total">
                    <th scope="row">{ ui.row_total.get(lang) }</th>
                    <td>{ &f.per_officer }</td>
                    <td>{ &f.total }</td>
                </tr>
            </tfoot>
        </table>
    }
}
