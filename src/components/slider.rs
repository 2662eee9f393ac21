use explainer_core::content::Lang;
use explainer_core::model::Field;
use yew::prelude::*;

use super::Note;
use crate::content::CONTENT;
use crate::figures::readout;

#[derive(Properties, PartialEq)]
pub struct SliderProps {
    /// Which input: its content entry (label, note, range, keyboard steps) and its id, which
    /// is also its key in links.
    pub field: Field,
    pub lang: Lang,
    pub value: u32,
    /// A new value from the reader (inside the range).
    pub on_input: Callback<u32>,
}

/// A native range input with a visible label, a live readout and its source.
#[component]
pub fn Slider(props: &SliderProps) -> Html {
    let SliderProps { field, lang, value, .. } = *props;
    let content = CONTENT.calculator.slider(field);
    let id = field.key();
    // Shown ("$74,510") and spoken ("$74,510 a year").
    let (shown, spoken) = readout(&CONTENT, field, value, lang);
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
        let on_input = props.on_input.clone();
        let (min, max, key, page) = (content.min, content.max, content.key_step, content.page_step);
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
    let label = content.label.get(lang);
    let note_id = format!("{id}-note");
    html! {
        <div class="slider">
            <div class="slider-head">
                <label for={id}>{ label }</label>
                <output for={id} id={format!("{id}-out")} aria-hidden="true">{ shown }</output>
            </div>
            <input
                type="range"
                {id}
                min={content.min.to_string()}
                max={content.max.to_string()}
                step={content.step.to_string()}
                value={value.to_string()}
                aria-valuetext={spoken}
                aria-describedby={note_id.clone()}
                {oninput}
                {onkeydown}
            />
            <Note id={note_id} fold=true about={AttrValue::Static(label)} text={AttrValue::Static(content.note.get(lang))} sources={vec![AttrValue::Static(&content.source)]} {lang} />
        </div>
    }
}
