use explainer_core::content::{Lang, Mark};
use yew::prelude::*;

use crate::content::CONTENT;

#[derive(Properties, PartialEq)]
pub struct CitationProps {
    /// A source id from the content file (validated at build time).
    pub id: AttrValue,
    pub lang: Lang,
}

/// A source's name, linked where the content gives a URL, marked when it is secondary.
#[component]
pub fn Citation(props: &CitationProps) -> Html {
    let Some(source) = CONTENT.source(&props.id) else {
        return Html::default();
    };
    let name = source.name.get(props.lang);
    let cite = match &source.url {
        Some(url) => html! { <cite><a href={url.to_string()} target="_blank" rel="noopener noreferrer">{ name }</a></cite> },
        None => html! { <cite>{ name }</cite> },
    };
    html! {
        <>
            { cite }
            if source.mark == Mark::Secondary {
                <span class="mark">{ format!(" ({})", CONTENT.ui.secondary.get(props.lang)) }</span>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct NoteProps {
    /// For `aria-describedby` from the control the note explains.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    pub text: AttrValue,
    /// Source ids from the content file (one or more).
    pub sources: Vec<AttrValue>,
    pub lang: Lang,
    /// Folded into a disclosure (under a control, where room is short on a phone). It is
    /// open in print; the browser opens it for find-in-page.
    #[prop_or_default]
    pub fold: bool,
    /// What the note is about (the control's label), so each disclosure has its own name.
    #[prop_or_default]
    pub about: Option<AttrValue>,
}

/// The small print under a control or figure: where its number comes from, and "Source: <name>".
#[component]
pub fn Note(props: &NoteProps) -> Html {
    let lang = props.lang;
    let note = html! {
        <p class="note" id={props.id.clone()}>
            { &props.text }{" "}
            <span class="src">{ CONTENT.ui.source.get(lang) }{" "}<Citations ids={props.sources.clone()} {lang} /></span>
        </p>
    };
    if props.fold {
        html! {
            <details class="more">
                <summary>
                    { CONTENT.ui.more.get(lang) }
                    if let Some(about) = &props.about {
                        <span class="visually-hidden">{ format!(": {about}") }</span>
                    }
                </summary>
                { note }
            </details>
        }
    } else {
        note
    }
}

#[derive(Properties, PartialEq)]
pub struct CitationsProps {
    /// Source ids from the content file, cited in this order.
    pub ids: Vec<AttrValue>,
    pub lang: Lang,
}

/// Several sources, separated by semicolons.
#[component]
pub fn Citations(props: &CitationsProps) -> Html {
    let lang = props.lang;
    html! {
        { for props.ids.iter().enumerate().map(|(i, id)| html! {
            <>
                if i > 0 { {"; "} }
                <Citation id={id.clone()} {lang} />
            </>
        }) }
    }
}

#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    pub lang: Lang,
}

/// Every source the widget cites, with how sure the fact sheet is of it.
#[component]
pub fn Sources(props: &SourcesProps) -> Html {
    let lang = props.lang;
    let ui = &CONTENT.ui;
    html! {
        <section class="sources" aria-labelledby="sources-title">
            <h3 id="sources-title">{ ui.sources_heading.get(lang) }</h3>
            <ul>
                // A secondary source's mark comes with its citation; a primary one is marked here.
                { for CONTENT.sources.iter().map(|s| html! {
                    <li key={&*s.id}>
                        // ICE's list is cited with its date, which comes from ICE's file.
                        if let Some(list) = list_date(&s.id, lang) {
                            <cite>{ s.name.get(lang) }</cite>{ format!(", {list}") }
                        } else {
                            <Citation id={&*s.id} {lang} />
                        }
                        if s.mark == Mark::Primary {
                            <span class="mark">{ format!(" ({})", ui.primary.get(lang)) }</span>
                        }
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// The date of ICE's list of agreements, written for `lang`, when `id` is its source.
fn list_date(id: &str, lang: Lang) -> Option<String> {
    let (list, text) = crate::agreements()?;
    (text.source == id).then(|| explainer_core::format::date(list.date, CONTENT.locale(lang)))
}
