use explainer_core::content::Lang;
use explainer_core::format;
use explainer_core::model::{Cents, Field};
use yew::prelude::*;

use crate::content::CONTENT;
use std::rc::Rc;

use crate::figures::Figures;

#[derive(Properties, PartialEq)]
pub struct SwingsProps {
    pub figures: Rc<Figures>,
    pub lang: Lang,
}

/// What moves the total: for each slider, the yearly total at its lowest and its highest
/// setting, the other settings held, drawn on one scale for all sliders with the current total
/// marked. The words say the same (the drawings are hidden from screen readers).
#[component]
pub fn Swings(props: &SwingsProps) -> Html {
    const WIDTH: u128 = 1000;
    let lang = props.lang;
    let ui = &CONTENT.ui;
    let loc = CONTENT.locale(lang);
    let f = &props.figures;
    let top = f.swings.iter().map(|(s, _)| s.high).max().unwrap_or(0).max(1);
    let x = |c: Cents| (c as u128 * WIDTH / top as u128) as u64;
    let now = x(f.breakdown.total());
    let row = |(swing, words): &(explainer_core::model::Swing, String)| {
        let field: Field = swing.field;
        let slider = CONTENT.calculator.slider(field);
        let range = format::fill(
            ui.swing_range.get(lang),
            &[("min", &format::input_value(field.unit(), slider.min, loc)), ("max", &format::input_value(field.unit(), slider.max, loc))],
        );
        let (lo, hi) = (x(swing.low), x(swing.high));
        html! {
            <li key={field.key()} data-field={field.key()}>
                <span class="swing-label">{ format!("{} ({range}): ", slider.label.get(lang)) }</span>
                <span class="swing-values">{ words.clone() }</span>
                <svg class="swing-bar" viewBox="0 0 1000 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="swing-track" x="0" y="5" width="1000" height="2" />
                    <rect class="swing-span" x={lo.to_string()} y="2" width={(hi - lo).max(4).to_string()} height="8" />
                    <rect class="swing-now" x={now.saturating_sub(2).to_string()} y="0" width="4" height="12" />
                </svg>
            </li>
        }
    };
    html! {
        <section class="swings" aria-labelledby="swings-title">
            <h4 id="swings-title">{ ui.swing_heading.get(lang) }</h4>
            <p class="swing-intro">{ ui.swing_intro.get(lang) }</p>
            <ul>{ for f.swings.iter().map(row) }</ul>
        </section>
    }
}
