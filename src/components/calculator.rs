use explainer_core::content::{Lang, Slider as SliderContent};
use explainer_core::model::{AwardTier, CapRule, Inputs};
use yew::prelude::*;

use super::{Headline, Note, Results, Slider};
use crate::content::CONTENT;
use crate::figures::{readout, Figures};
use crate::state::{Action, Field, State};

#[derive(Properties, PartialEq)]
pub struct CalculatorProps {
    pub inputs: Inputs,
    pub lang: Lang,
    pub dispatch: UseReducerDispatcher<State>,
}

/// The slider's content entry and its id.
fn slider_parts(field: Field) -> (&'static SliderContent, &'static str) {
    let c = &CONTENT.calculator;
    match field {
        Field::Officers => (&c.officers, "officers"),
        Field::Salary => (&c.salary, "salary"),
        Field::Benefits => (&c.benefits, "benefits"),
        Field::Overtime => (&c.overtime, "overtime"),
    }
}

/// The sliders and switches (following the DHS rules) beside the results.
#[function_component]
pub fn Calculator(props: &CalculatorProps) -> Html {
    let CalculatorProps { inputs, lang, dispatch } = props;
    let lang = *lang;
    let ui = &CONTENT.ui;
    let calc = &CONTENT.calculator;

    // Stable callbacks, so a slider whose value did not change is not rendered again.
    let on_input = {
        let dispatch = dispatch.clone();
        use_memo((), move |_| Field::ALL.map(|field| {
            let d = dispatch.clone();
            Callback::from(move |v| d.dispatch(Action::Set(field, v)))
        }))
    };
    let sliders = Field::ALL.into_iter().zip(on_input.iter().cloned()).map(|(field, on_input)| {
        let value = field.get(inputs);
        let (content, id) = slider_parts(field);
        let (readout, valuetext) = readout(&CONTENT, field, value, lang);
        html! {
            <Slider
                key={id}
                {id}
                label={content.label.get(lang).to_string()}
                note={content.note.get(lang).to_string()}
                source={content.source.to_string()}
                {lang}
                min={content.min}
                max={content.max}
                step={content.step}
                key_step={content.key_step}
                page_step={content.page_step}
                {value}
                {valuetext}
                readout={readout}
                {on_input}
            />
        }
    });

    let awards = AwardTier::ALL.iter().zip(calc.award_tiers.iter()).map(|(&tier, label)| {
        let d = dispatch.clone();
        let id = format!("awards-{}", tier.key());
        html! {
            <div class="choice" key={id.clone()}>
                <input type="radio" name="awards" id={id.clone()} value={tier.key()}
                    checked={inputs.awards == tier}
                    onchange={Callback::from(move |_: Event| d.dispatch(Action::Awards(tier)))} />
                <label for={id}>{ label.get(lang) }</label>
            </div>
        }
    });

    let rules = CapRule::ALL.iter().map(|&rule| {
        let d = dispatch.clone();
        let id = format!("rule-{}", rule.key());
        html! {
            <div class="choice" key={id.clone()}>
                <input type="radio" name="rule" id={id.clone()} value={rule.key()}
                    checked={inputs.rule == rule}
                    onchange={Callback::from(move |_: Event| d.dispatch(Action::Rule(rule)))} />
                <label for={id}>{ calc.cap_rule.option(rule).get(lang) }</label>
            </div>
        }
    });

    let on_equipment = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            d.dispatch(Action::Equipment(input.checked()));
        })
    };
    let on_reset = {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Reset))
    };
    // `_eq`: resetting to false when nothing was copied must not render again.
    let copied = use_state_eq(|| false);
    let on_copy = {
        let (copied, inputs) = (copied.clone(), *inputs);
        Callback::from(move |_: MouseEvent| copied.set(crate::edge::copy_link(&inputs, lang)))
    };
    // "Link copied" lasts until the scenario changes.
    {
        let copied = copied.clone();
        use_effect_with((*inputs, lang), move |_| copied.set(false));
    }

    // Computed once per render, for the headline figures and the rest of the results.
    let figures = Figures::new(inputs, lang);
    html! {
        <section class="calculator" aria-labelledby="calculator-title">
            <h3 id="calculator-title">{ ui.calculator_heading.get(lang) }</h3>
            <p class="intro">{ ui.calculator_intro.get(lang) }</p>
            <div class="calc-grid">
                <Headline figures={figures.clone()} {lang} />
                <div class="controls">
                    { for sliders }
                    <fieldset class="awards" aria-describedby="awards-note">
                        <legend>{ calc.awards.label.get(lang) }</legend>
                        { for awards }
                        <Note id="awards-note" fold=true text={calc.awards.note.get(lang).to_string()} sources={vec![AttrValue::from(&*calc.awards.source)]} {lang} />
                    </fieldset>
                    <fieldset class="rule" aria-describedby="rule-note">
                        <legend>{ calc.cap_rule.label.get(lang) }</legend>
                        { for rules }
                        <Note id="rule-note" fold=true text={calc.cap_rule.note.get(lang).to_string()} sources={calc.cap_rule.sources.iter().map(|s| AttrValue::from(&**s)).collect::<Vec<_>>()} {lang} />
                    </fieldset>
                    <div class="check">
                        <div class="choice">
                            <input type="checkbox" id="equipment" checked={inputs.equipment} onchange={on_equipment}
                                aria-describedby="equipment-note" />
                            <label for="equipment">{ calc.equipment.label.get(lang) }</label>
                        </div>
                        <Note id="equipment-note" fold=true text={calc.equipment.note.get(lang).to_string()} sources={vec![AttrValue::from(&*calc.equipment.source)]} {lang} />
                    </div>
                    <div class="actions">
                        <button type="button" class="reset" onclick={on_reset}>{ ui.reset.get(lang) }</button>
                        <button type="button" class="copy" onclick={on_copy}>
                            { if *copied { ui.copied.get(lang) } else { ui.copy_link.get(lang) } }
                        </button>
                    </div>
                </div>
                <Results {figures} {lang} />
            </div>
        </section>
    }
}
