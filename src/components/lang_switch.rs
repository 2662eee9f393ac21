use explainer_core::content::Lang;
use yew::prelude::*;

use crate::content::CONTENT;
use crate::edge::prerender_file;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub lang: Lang,
    /// The reader chose a language (the link is followed only without scripts).
    pub on_lang: Callback<Lang>,
}

/// English / Español. Plain links to the other prerendered page, so it works without
/// scripts; with them, the language switches in place and the scenario is kept.
#[function_component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let ui = &CONTENT.ui;
    html! {
        <nav class="lang" aria-label={ui.language.get(props.lang).to_string()}>
            { for Lang::ALL.iter().map(|&lang| {
                let onclick = props.on_lang.reform(move |e: MouseEvent| {
                    e.prevent_default();
                    lang
                });
                html! {
                    <a key={lang.code()} href={prerender_file(lang)} hreflang={lang.code()} lang={lang.code()}
                        aria-current={(lang == props.lang).then_some("true")} {onclick}>
                        { ui.lang_name.get(lang) }
                    </a>
                }
            }) }
        </nav>
    }
}
