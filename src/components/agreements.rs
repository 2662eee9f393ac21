use std::rc::Rc;

use explainer_core::agreements::AgreementList;
use explainer_core::content::{Agreements, Lang};
use explainer_core::format::{count, date, fill};
use yew::prelude::*;

use super::{Citation, GrowthChart, GrowthTable, StateBars};
use crate::content::CONTENT;
use explainer_core::files::{Files, AGREEMENTS_CSV};

#[derive(Properties, PartialEq)]
pub struct AgreementsSectionProps {
    /// ICE's list, as counted at build time (a test may pass another).
    pub list: Rc<AgreementList>,
    pub text: &'static Agreements,
    pub lang: Lang,
}

/// How the program grew and where, from ICE's own list: the growth chart and its table, the
/// states, and links to every agreement (a page per language, and a CSV). Static: prerendered
/// only, never in the wasm.
#[function_component]
pub fn AgreementsSection(props: &AgreementsSectionProps) -> Html {
    let (list, t, lang) = (&props.list, props.text, props.lang);
    let loc = CONTENT.locale(lang);
    let n = |v: u32| count(v as u64, loc);
    let as_of = date(list.date, loc);
    let intro = fill(t.intro.get(lang), &[("total", &n(list.total())), ("date", &as_of), ("states", &n(list.by_state().len() as u32))]);
    let undated = list.undated();
    let dhs = fill(t.dhs_note.get(lang), &[("count", &n(t.dhs_count)), ("date", &date(t.dhs_counted_on, loc))]);
    let p = |list: &Rc<AgreementList>| list.clone();
    html! {
        <section class="agreements" aria-labelledby="agreements-title">
            <h3 id="agreements-title">{ t.heading.get(lang) }</h3>
            <p>{ intro }</p>
            <h4>{ t.growth_heading.get(lang) }</h4>
            <GrowthChart list={p(list)} text={t} {lang} />
            <p class="note">
                { dhs }
                if undated > 0 {
                    { " " }{ fill(t.undated.get(lang), &[("undated", &n(undated))]) }
                }
            </p>
            <GrowthTable list={p(list)} text={t} {lang} />
            <h4>{ t.states_heading.get(lang) }</h4>
            <StateBars list={p(list)} text={t} {lang} />
            <p class="ag-links">
                <a href={Files::of(lang).listing}>{ t.listing_link.get(lang) }</a>{" · "}
                <a href={AGREEMENTS_CSV} type="text/csv">{ t.csv_link.get(lang) }</a>
            </p>
            <p class="note">
                <span class="src">{ CONTENT.ui.source.get(lang) }{" "}
                    <cite>{ CONTENT.source(&t.source).map_or("", |s| s.name.get(lang)) }</cite>{ format!(", {as_of}") }{"; "}
                    <Citation id={t.dhs_source.to_string()} {lang} />
                </span>
            </p>
        </section>
    }
}
