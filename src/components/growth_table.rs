use std::rc::Rc;

use explainer_core::agreements::{AgreementList, Model};
use explainer_core::content::{Agreements, Date, Lang};
use explainer_core::format::{count, date, fill};
use yew::prelude::*;

use super::growth_chart::model_name;
use crate::content::CONTENT;

#[derive(Properties, PartialEq)]
pub struct GrowthTableProps {
    pub list: Rc<AgreementList>,
    pub text: &'static Agreements,
    pub lang: Lang,
}

/// The growth chart as a table, folded as the notes are (open in print): signings before the
/// order, then month by month to the list's date, by model, with the running total; and the
/// agreements with no readable date, which count in the totals but on no date.
#[function_component]
pub fn GrowthTable(props: &GrowthTableProps) -> Html {
    let (list, t, lang) = (&props.list, props.text, props.lang);
    let loc = CONTENT.locale(lang);
    let n = |v: u32| count(v as u64, loc);
    let order = t.order_on;
    let month_name = |d: Date| {
        let whole = date(Date { day: 0, ..d }, loc);
        if d.year == order.year && d.month == order.month && order.day > 1 {
            fill(t.partial_from.get(lang), &[("month", &whole), ("date", &date(order, loc))])
        } else if d.year == list.date.year && d.month == list.date.month {
            fill(t.partial_month.get(lang), &[("month", &whole), ("date", &date(list.date, loc))])
        } else {
            whole
        }
    };
    let before: Vec<u32> = Model::ALL.iter().map(|&m| list.before(order, Some(m))).collect();
    let undated: Vec<u32> = Model::ALL.iter().map(|&m| list.rows.iter().filter(|a| a.model == m && a.signed.is_none()).count() as u32).collect();
    let row = |label: String, by: &[u32], running: Option<u32>| {
        html! {
            <tr>
                <th scope="row">{ label }</th>
                { for by.iter().map(|v| html! { <td>{ n(*v) }</td> }) }
                <td>{ n(by.iter().sum()) }</td>
                <td>{ running.map(n).unwrap_or_default() }</td>
            </tr>
        }
    };
    html! {
        <details class="more ag-table">
            <summary>{ t.growth_table.get(lang) }</summary>
            // Scrolls on its own if a narrow screen cannot hold it (the page never does); reachable
            // by keyboard then.
            <div class="ag-scroll" tabindex="0" role="region" aria-label={t.growth_table.get(lang).to_string()}>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ t.col_month.get(lang) }</th>
                            { for Model::ALL.iter().map(|&m| html! { <th scope="col">{ model_name(t, m, lang) }</th> }) }
                            <th scope="col">{ t.col_all.get(lang) }</th>
                            <th scope="col">{ t.col_cumulative.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { row(fill(t.row_before.get(lang), &[("order", &date(order, loc))]), &before, Some(before.iter().sum())) }
                        { for list.months(order).iter().map(|m| row(month_name(m.month), &m.signed, Some(m.cumulative))) }
                        { row(t.row_undated.get(lang).to_string(), &undated, Some(list.total())) }
                    </tbody>
                </table>
            </div>
        </details>
    }
}
