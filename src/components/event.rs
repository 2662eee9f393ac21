use explainer_core::content::{Event, Lang};
use explainer_core::format;
use yew::prelude::*;

use super::Citations;
use crate::content::CONTENT;

#[derive(Properties, PartialEq)]
pub struct TimelineEventProps {
    pub event: &'static Event,
    pub lang: Lang,
    /// Whole years since the previous event, when the gap deserves a marked break.
    #[prop_or_default]
    pub gap_years: Option<u16>,
}

/// One dated event: date, headline, a sentence or two, its sources.
#[component]
pub fn TimelineEvent(props: &TimelineEventProps) -> Html {
    let TimelineEventProps { event, lang, gap_years } = *props;
    let ui = &CONTENT.ui;
    let class = classes!("event", event.milestone.then_some("milestone"));
    html! {
        <li {class} id={format!("event-{}", event.id)}>
            if let Some(years) = gap_years {
                <p class="gap"><span>{ format::fill(ui.gap.get(lang), &[("years", &years.to_string())]) }</span></p>
            }
            <p class="date">
                <time datetime={format::iso_date(event.date)}>{ format::date(event.date, CONTENT.locale(lang)) }</time>
                if event.milestone {
                    <span class="badge">{ ui.milestone.get(lang) }</span>
                }
            </p>
            <h4 class="headline">{ event.headline.get(lang) }</h4>
            <p class="body">{ event.body.get(lang) }</p>
            <p class="cite">
                { ui.source.get(lang) }{" "}
                <Citations ids={event.sources.iter().map(|id| AttrValue::from(&**id)).collect::<Vec<_>>()} {lang} />
            </p>
        </li>
    }
}
