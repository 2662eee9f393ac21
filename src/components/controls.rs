use explainer_core::content::Lang;
use explainer_core::model::{AwardTier, CapRule, Field, Inputs};
use yew::prelude::*;

use super::{Note, Slider};
use crate::content::CONTENT;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub inputs: Inputs,
    pub lang: Lang,
    /// Why the awards line is lower than asked, shown under the choice that causes it.
    pub awards_cut: Option<AttrValue>,
    /// Every change the reader makes.
    pub on_change: Callback<Action>,
}

/// What "Copy link" did, and for which scenario.
#[derive(Clone, PartialEq)]
enum CopyState {
    Idle,
    Copied(Inputs, Lang),
    /// Not copied: the link, shown for the reader to copy.
    Failed(Inputs, Lang, String),
}

/// The sliders and switches, which follow the DHS rules, and the reset and copy-link buttons.
#[function_component]
pub fn Controls(props: &ControlsProps) -> Html {
    let ControlsProps { inputs, lang, on_change, .. } = props;
    let lang = *lang;
    let ui = &CONTENT.ui;
    let calc = &CONTENT.calculator;

    // Stable callbacks, so a slider whose value did not change is not rendered again.
    let on_input = {
        let on_change = on_change.clone();
        use_memo((), move |_| Field::ALL.map(|field| on_change.reform(move |v| Action::Set(field, v))))
    };
    let sliders = Field::ALL.into_iter().zip(on_input.iter().cloned()).map(|(field, on_input)| {
        html! { <Slider key={field.key()} {field} {lang} value={field.get(inputs)} {on_input} /> }
    });

    // One radio button of a group (`name`), its id `{name}-{value}`.
    let radio = |name: &'static str, value: &'static str, checked: bool, label: &str, action: Action| {
        let id = format!("{name}-{value}");
        html! {
            <div class="choice" key={id.clone()}>
                <input type="radio" {name} id={id.clone()} {value} {checked}
                    onchange={on_change.reform(move |_: Event| action.clone())} />
                <label for={id}>{ label.to_string() }</label>
            </div>
        }
    };
    let awards: Html = AwardTier::ALL.iter().zip(calc.award_tiers.iter())
        .map(|(&tier, label)| radio("awards", tier.key(), inputs.awards == tier, label.get(lang), Action::Awards(tier)))
        .collect();
    let rules: Html = CapRule::ALL.iter()
        .map(|&rule| radio("rule", rule.key(), inputs.rule == rule, calc.cap_rule.option(rule).get(lang), Action::Rule(rule)))
        .collect();

    let on_equipment = on_change.reform(|e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::Equipment(input.checked())
    });
    let on_reset = on_change.reform(|_: MouseEvent| Action::Reset);
    // What copy link did, for which scenario: a late answer for an older scenario is ignored.
    let copy = use_state_eq(|| CopyState::Idle);
    let on_copy = {
        let (copy, inputs) = (copy.setter(), *inputs);
        Callback::from(move |_: MouseEvent| {
            let Some(link) = crate::edge::scenario_link(&inputs, lang) else { return };
            let copy = copy.clone();
            crate::edge::write_clipboard(&link.clone(), move |ok| {
                copy.set(if ok { CopyState::Copied(inputs, lang) } else { CopyState::Failed(inputs, lang, link) })
            });
        })
    };
    // "Link copied" (or the link to copy by hand) lasts until the scenario changes.
    {
        let copy = copy.clone();
        use_effect_with((*inputs, lang), move |_| copy.set(CopyState::Idle));
    }
    let now = (*inputs, lang);
    let copied = matches!(&*copy, CopyState::Copied(i, l) if (*i, *l) == now);
    let failed = match &*copy {
        CopyState::Failed(i, l, link) if (*i, *l) == now => Some(link.clone()),
        _ => None,
    };
    // The link is selected in its field, so the reader can copy it at once (focus also reads
    // out its label and the message, with no second live region).
    let field = use_node_ref();
    {
        let field = field.clone();
        use_effect_with(failed.clone(), move |failed| {
            if let (Some(_), Some(input)) = (failed, field.cast::<web_sys::HtmlInputElement>()) {
                let _ = input.focus();
                input.select();
            }
        });
    }

    html! {
        <div class="controls">
            { for sliders }
            <fieldset class="awards" aria-describedby="awards-note">
                <legend>{ calc.awards.label.get(lang) }</legend>
                { awards }
                <Note id="awards-note" fold=true about={calc.awards.label.get(lang).to_string()} text={calc.awards.note.get(lang).to_string()} sources={vec![AttrValue::from(&*calc.awards.source)]} {lang} />
            </fieldset>
            <fieldset class="rule" aria-describedby="rule-note">
                <legend>{ calc.cap_rule.label.get(lang) }</legend>
                { rules }
                <Note id="rule-note" fold=true about={calc.cap_rule.label.get(lang).to_string()} text={calc.cap_rule.note.get(lang).to_string()} sources={calc.cap_rule.sources.iter().map(|s| AttrValue::from(&**s)).collect::<Vec<_>>()} {lang} />
            </fieldset>
            // Beside the choice that causes it, so a reader who switches readings sees why.
            if let Some(cut) = props.awards_cut.clone() {
                <p class="awards-cut" id="out-awards-cut">{ cut }</p>
            }
            <div class="check">
                <div class="choice">
                    <input type="checkbox" id="equipment" checked={inputs.equipment} onchange={on_equipment}
                        aria-describedby="equipment-note" />
                    <label for="equipment">{ calc.equipment.label.get(lang) }</label>
                </div>
                <Note id="equipment-note" fold=true about={calc.equipment.label.get(lang).to_string()} text={calc.equipment.note.get(lang).to_string()} sources={vec![AttrValue::from(&*calc.equipment.source)]} {lang} />
            </div>
            <div class="actions">
                <button type="button" class="reset" onclick={on_reset}>{ ui.reset.get(lang) }</button>
                <button type="button" class="copy" onclick={on_copy}>
                    { if copied { ui.copied.get(lang) } else { ui.copy_link.get(lang) } }
                </button>
            </div>
            if let Some(link) = failed {
                <div class="copy-fallback">
                    <label for="copy-field">{ ui.link_label.get(lang) }</label>
                    <input id="copy-field" type="text" readonly=true value={link} ref={field}
                        aria-describedby="copy-failed" />
                    <p id="copy-failed" class="note">{ ui.copy_failed.get(lang) }</p>
                </div>
            }
        </div>
    }
}
