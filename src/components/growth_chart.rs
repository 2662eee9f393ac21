use std::rc::Rc;

use explainer_core::agreements::{day_number, AgreementList, Model};
use explainer_core::content::{Agreements, Date, Lang};
use explainer_core::format::{count, date, fill};
use yew::prelude::*;

use crate::content::CONTENT;

#[derive(Properties, PartialEq)]
pub struct GrowthChartProps {
    pub list: Rc<AgreementList>,
    pub text: &'static Agreements,
    pub lang: Lang,
}

/// The chart's drawing area, in SVG units (it scales to the page's width).
const W: f64 = 400.0;
const H: f64 = 205.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 62.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 22.0;

/// A model's name on screen.
pub fn model_name(text: &Agreements, model: Model, lang: Lang) -> &str {
    match model {
        Model::TaskForce => text.task_force.get(lang),
        Model::JailEnforcement => text.jail_enforcement.get(lang),
        Model::WarrantService => text.warrant_service.get(lang),
    }
}

/// The agreements in ICE's list by the day each was signed, cumulative and stacked by model,
/// from the January of the order to the list's date, with the order marked and DHS's own
/// (later, other-source) count as a hollow mark of its own. Static SVG: the figure's caption
/// says it in a sentence and the table under it gives every number.
#[function_component]
pub fn GrowthChart(props: &GrowthChartProps) -> Html {
    let (list, t, lang) = (&props.list, props.text, props.lang);
    let loc = CONTENT.locale(lang);
    let n = |v: u32| count(v as u64, loc);
    let order = t.order_on;
    let start = Date { year: order.year, month: 1, day: 1 };
    let end = if t.dhs_counted_on > list.date { t.dhs_counted_on } else { list.date };
    let (d0, d1) = (day_number(start), day_number(end) + 3);
    let x = |d: Date| LEFT + (day_number(d) - d0) as f64 / (d1 - d0) as f64 * (W - LEFT - RIGHT);
    let top = list.total().max(t.dhs_count).max(1);
    let step = [50, 100, 250, 500, 1000, 2500, 5000].into_iter().find(|s| top.div_ceil(*s) <= 5).unwrap_or(10_000);
    let ymax = top.div_ceil(step) * step;
    let y = |v: u32| TOP + (1.0 - v as f64 / ymax as f64) * (H - TOP - BOTTOM);
    let points = list.cumulative(start);
    // Each model's area reaches from the baseline to the top of its stack; drawn from the
    // tallest down, so each shows as its own band.
    let area = |layer: usize| {
        let total = |c: &[u32; Model::ALL.len()]| c[..=layer].iter().sum::<u32>();
        let mut d = format!("M{:.0} {:.1}V{:.1}", x(start), y(0), y(total(&points[0].1)));
        for w in points.windows(2) {
            d.push_str(&format!("H{:.1}V{:.1}", x(w[1].0), y(total(&w[1].1))));
        }
        d.push_str(&format!("H{:.1}V{:.1}Z", x(list.date), y(0)));
        d
    };
    let before = list.before(order, None);
    let first_tf = list.first_signed(Model::TaskForce).map(|d| date(d, loc)).unwrap_or_default();
    let summary = fill(
        t.growth_summary.get(lang),
        &[("before", &n(before)), ("order", &date(order, loc)), ("total", &n(list.total())), ("date", &date(list.date, loc)), ("task_force", &n(list.count(Model::TaskForce))), ("first_task_force", &first_tf)],
    );
    let months_with_day = &loc.months_with_day;
    let ticks: Vec<Date> = (0..12u8).step_by(2).map(|m| Date { year: start.year, month: m + 1, day: 1 }).filter(|d| *d <= end).collect();
    let (xo, xd, yd) = (x(order), x(t.dhs_counted_on), y(t.dhs_count));
    html! {
        <figure class="ag-figure">
            <svg class="ag-chart" viewBox={format!("0 0 {W} {H}")} aria-hidden="true" focusable="false">
                { for (0..=ymax / step).map(|i| {
                    let v = i * step;
                    html! {
                        <g class="ag-grid">
                            <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={format!("{:.1}", y(v))} y2={format!("{:.1}", y(v))} />
                            <text x={(LEFT - 4.0).to_string()} y={format!("{:.1}", y(v) + 4.0)} text-anchor="end">{ n(v) }</text>
                        </g>
                    }
                }) }
                { for ticks.iter().map(|d| html! {
                    <text class="ag-tick" x={format!("{:.1}", x(*d))} y={(H - 6.0).to_string()} text-anchor="middle">{ &*months_with_day[d.month as usize - 1] }</text>
                }) }
                { for (0..3).rev().map(|layer| html! {
                    <path class={classes!("ag-area", format!("ag-{}", Model::ALL[layer].key()))} d={area(layer)} />
                }) }
                <line class="ag-order" x1={format!("{xo:.1}")} x2={format!("{xo:.1}")} y1={(TOP - 6.0).to_string()} y2={format!("{:.1}", y(0))} />
                <text class="ag-label" x={format!("{:.1}", xo - 3.0)} y={(TOP - 10.0).to_string()}>{ fill(t.order_label.get(lang), &[("order", &date(order, loc))]) }</text>
                <circle class="ag-dhs" cx={format!("{xd:.1}")} cy={format!("{yd:.1}")} r="4" />
                <text class="ag-label" x={format!("{:.1}", xd + 7.0)} y={format!("{:.1}", yd + 4.0)}>{ fill(t.dhs_label.get(lang), &[("count", &n(t.dhs_count)), ("date", &date(t.dhs_counted_on, loc))]) }</text>
            </svg>
            <ul class="ag-legend">
                { for Model::ALL.iter().rev().map(|&m| html! {
                    <li><span class={classes!("ag-swatch", format!("ag-{}", m.key()))}></span>{ format!("{}: {}", model_name(t, m, lang), n(list.count(m))) }</li>
                }) }
            </ul>
            <figcaption class="ag-summary">{ summary }</figcaption>
        </figure>
    }
}
