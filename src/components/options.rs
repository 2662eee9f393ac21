use explainer_core::content::Lang;
use explainer_core::model::{AwardTier, CapRule};
use yew::prelude::*;

use super::Note;
use crate::content::CONTENT;

#[derive(Properties, PartialEq)]
pub struct OptionsProps {
    pub awards: AwardTier,
    pub rule: CapRule,
    pub equipment: bool,
    pub lang: Lang,
    /// Why the awards line is lower than asked, shown under the choice that causes it.
    pub awards_cut: Option<AttrValue>,
    /// A tier chosen.
    pub on_awards: Callback<AwardTier>,
    /// A reading of the 25% cap chosen.
    pub on_rule: Callback<CapRule>,
    /// The equipment allowance counted or not.
    pub on_equipment: Callback<bool>,
}

/// The options beside the sliders: the awards tier, how the 25% cap applies, equipment.
#[component]
pub fn Options(props: &OptionsProps) -> Html {
    let OptionsProps { awards, rule, equipment, lang, .. } = props;
    let (lang, calc) = (*lang, &CONTENT.calculator);
    // One radio button of a group (`name`), its id `{name}-{value}`.
    let radio = |name: &'static str, value: &'static str, checked: bool, label: &'static str, onchange: Callback<Event>| {
        let id = format!("{name}-{value}");
        html! {
            <div class="choice" key={id.clone()}>
                <input type="radio" {name} id={id.clone()} {value} {checked} {onchange} />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    let tiers: Html = AwardTier::ALL.iter()
        .map(|&tier| radio("awards", tier.key(), *awards == tier, calc.award_tier(tier).get(lang), props.on_awards.reform(move |_| tier)))
        .collect();
    let rules: Html = CapRule::ALL.iter()
        .map(|&r| radio("rule", r.key(), *rule == r, calc.cap_rule.option(r).get(lang), props.on_rule.reform(move |_| r)))
        .collect();
    let on_equipment = props.on_equipment.reform(|e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.checked()
    });
    // Static texts: no copy is made for the notes' props.
    let text = |t: &'static explainer_core::content::Text| AttrValue::Static(t.get(lang));
    let source = |s: &'static str| vec![AttrValue::Static(s)];
    html! {
        <>
            <fieldset class="awards" aria-describedby="awards-note">
                <legend>{ calc.awards.label.get(lang) }</legend>
                { tiers }
                <Note id="awards-note" fold=true about={text(&calc.awards.label)} text={text(&calc.awards.note)} sources={source(&calc.awards.source)} {lang} />
            </fieldset>
            <fieldset class="rule" aria-describedby="rule-note">
                <legend>{ calc.cap_rule.label.get(lang) }</legend>
                { rules }
                <Note id="rule-note" fold=true about={text(&calc.cap_rule.label)} text={text(&calc.cap_rule.note)} sources={calc.cap_rule.sources.iter().map(|s| AttrValue::Static(s)).collect::<Vec<_>>()} {lang} />
            </fieldset>
            // Beside the choice that causes it, so a reader who switches readings sees why.
            if let Some(cut) = props.awards_cut.clone() {
                <p class="awards-cut" id="out-awards-cut">{ cut }</p>
            }
            <div class="check">
                <div class="choice">
                    <input type="checkbox" id="equipment" checked={*equipment} onchange={on_equipment}
                        aria-describedby="equipment-note" />
                    <label for="equipment">{ calc.equipment.label.get(lang) }</label>
                </div>
                <Note id="equipment-note" fold=true about={text(&calc.equipment.label)} text={text(&calc.equipment.note)} sources={source(&calc.equipment.source)} {lang} />
            </div>
        </>
    }
}
