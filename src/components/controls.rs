use explainer_core::content::Lang;
use explainer_core::model::{Field, Inputs};
use yew::prelude::*;

use super::{Options, Slider};
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

/// The sliders and options, which follow the DHS rules, and the reset and copy-link buttons.
/// The sliders and the options are components of their own, so moving one slider renders
/// that slider and nothing else of the controls.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let ControlsProps { inputs, lang, on_change, .. } = props;
    let lang = *lang;
    let ui = &CONTENT.ui;

    // Stable callbacks, so a slider whose value did not change is not rendered again.
    let on_input = {
        let on_change = on_change.clone();
        use_memo((), move |_| Field::ALL.map(|field| on_change.reform(move |v| Action::Set(field, v))))
    };
    // The options' narrow callbacks, as stable as the sliders': Options knows no Action.
    let (on_awards, on_rule, on_equipment) = {
        let on_change = on_change.clone();
        (*use_memo((), move |_| (on_change.reform(Action::Awards), on_change.reform(Action::Rule), on_change.reform(Action::Equipment)))).clone()
    };
    let sliders = Field::ALL.into_iter().zip(on_input.iter().cloned()).map(|(field, on_input)| {
        html! { <Slider key={field.key()} {field} {lang} value={inputs[field]} {on_input} /> }
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
            <Options awards={inputs.awards} rule={inputs.rule} equipment={inputs.equipment} {lang}
                awards_cut={props.awards_cut.clone()} {on_awards} {on_rule} {on_equipment} />
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
