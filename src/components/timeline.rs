use explainer_core::content::{Date, Lang};
use yew::prelude::*;

use super::TimelineEvent;
use crate::content::CONTENT;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub lang: Lang,
}

/// Whole years from `a` to `b` (a month-only date counts from the month's first day).
pub fn years_between(a: Date, b: Date) -> u16 {
    let later_in_year = (b.month, b.day.max(1)) < (a.month, a.day.max(1));
    b.year.saturating_sub(a.year).saturating_sub(later_in_year as u16)
}

/// Every event in date order, as an ordered list. A long gap between two events is
/// shown as a marked break ("12 years later") rather than squeezed onto a time scale.
#[function_component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let events = &CONTENT.events;
    html! {
        <section class="timeline" aria-labelledby="timeline-title">
            <h3 id="timeline-title">{ CONTENT.ui.timeline_heading.get(lang) }</h3>
            <ol class="events">
                { for events.iter().enumerate().map(|(i, event)| {
                    let gap = i.checked_sub(1).map(|p| years_between(events[p].date, event.date)).filter(|&y| y >= 2);
                    html! { <TimelineEvent key={&*event.id} {event} {lang} gap_years={gap} /> }
                }) }
            </ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_counts_whole_years() {
        let d = |year, month, day| Date { year, month, day };
        assert_eq!(years_between(d(2012, 12, 0), d(2025, 1, 20)), 12);
        assert_eq!(years_between(d(2012, 9, 18), d(2012, 12, 0)), 0);
        assert_eq!(years_between(d(2025, 1, 20), d(2026, 1, 20)), 1);
    }
}
