use explainer_core::content::Lang;
use yew::prelude::*;

use crate::content::CONTENT;
use crate::edge::prerender_file;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    /// The page's language.
    pub lang: Lang,
}

/// English / Español: links to each language's prerendered page. Static markup (outside the
/// island); once the calculator runs, it points them at its scenario (`edge::point_lang_links`),
/// so the other page opens on the same figures.
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
