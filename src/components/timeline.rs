use explainer_core::content::Lang;
use yew::prelude::*;

use super::TimelineEvent;
use crate::content::CONTENT;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub lang: Lang,
}

/// Every event in date order, as an ordered list. A long gap between two events is
/// shown as a marked break ("12 years later") rather than squeezed onto a time scale.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let events = &CONTENT.events;
    html! {
        <section class="timeline" aria-labelledby="timeline-title">
            <h3 id="timeline-title">{ CONTENT.ui.timeline_heading.get(lang) }</h3>
            <ol class="events">
                { for events.iter().enumerate().map(|(i, event)| {
                    let gap = i.checked_sub(1).map(|p| events[p].date.years_to(event.date)).filter(|&y| y >= 2);
                    html! { <TimelineEvent key={&*event.id} {event} {lang} gap_years={gap} /> }
                }) }
            </ol>
        </section>
    }
}
