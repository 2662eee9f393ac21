use explainer_core::content::Lang;
use yew::prelude::*;

use crate::content::CONTENT;
use crate::edge::prerender_file;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    /// The page's language.
    pub lang: Lang,
}

/// English / Español: links to each language's prerendered page, as readers without script
/// follow them. Static markup (outside the island). Where they go with script is the loader's
/// one rule (assets/loader/links.js `pointLangLinks`): the same query, and the calculator's scenario.
#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let ui = &CONTENT.ui;
    html! {
        <nav class="lang" aria-label={ui.language.get(props.lang).to_string()}>
            { for Lang::ALL.iter().map(|&lang| html! {
                <a key={lang.code()} href={prerender_file(lang)} hreflang={lang.code()} lang={lang.code()}
                    aria-current={(lang == props.lang).then_some("true")}>
                    { ui.lang_name.get(lang) }
                </a>
            }) }
        </nav>
    }
}
