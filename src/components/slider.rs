use explainer_core::content::Lang;
use yew::prelude::*;

use super::Note;

#[derive(Properties, PartialEq)]
pub struct SliderProps {
    /// The input's id; its readout and note derive theirs from it.
    pub id: AttrValue,
    pub label: AttrValue,
    /// Where the default comes from, or that it is an assumption.
    pub note: AttrValue,
    pub source: AttrValue,
    pub lang: Lang,
    pub min: u32,
    pub max: u32,
    pub step: u32,
    /// Arrow keys move this much, PageUp/PageDown `page_step`; Home/End go to the ends.
    pub key_step: u32,
    pub page_step: u32,
    pub value: u32,
    /// The value as the reader sees it ("$74,510").
    pub readout: AttrValue,
    /// The value as a screen reader says it ("$74,510 a year").
    pub valuetext: AttrValue,
    pub on_input: Callback<u32>,
}

/// A native range input with a visible label, a live readout and its source.
#[function_component]
pub fn Slider(props: &SliderProps) -> Html {
    let on_input = props.on_input.clone();
    // Malformed values cannot come from a range input, but if they do they are ignored.
    let oninput = Callback::from(move |e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        if let Ok(v) = input.value().parse::<u32>() {
            on_input.emit(v);
        }
    });
    // Keyboard steps that make sense for each slider (a native range moves by `step`,
    // which is 1 officer or $10: far too fine for a keyboard).
    let onkeydown = {
        let (on_input, value, min, max) = (props.on_input.clone(), props.value, props.min, props.max);
        let (key, page) = (props.key_step, props.page_step);
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowUp" => value.saturating_add(key),
                "ArrowLeft" | "ArrowDown" => value.saturating_sub(key),
                "PageUp" => value.saturating_add(page),
                "PageDown" => value.saturating_sub(page),
                "Home" => min,
                "End" => max,
                _ => return,
            };
            e.prevent_default();
            on_input.emit(next.clamp(min, max));
        })
    };
    let note_id = format!("{}-note", props.id);
    html! {
        <div class="slider">
            <div class="slider-head">
                <label for={&props.id}>{ &props.label }</label>
                <output for={&props.id} id={format!("{}-out", props.id)} aria-hidden="true">{ &props.readout }</output>
            </div>
            <input
                type="range"
                id={&props.id}
                min={props.min.to_string()}
                max={props.max.to_string()}
                step={props.step.to_string()}
                value={props.value.to_string()}
                aria-valuetext={&props.valuetext}
                aria-describedby={note_id.clone()}
                {oninput}
                {onkeydown}
            />
            <Note id={note_id} fold=true text={&props.note} sources={vec![props.source.clone()]} lang={props.lang} />
        </div>
    }
}
