use std::rc::Rc;

use explainer_core::agreements::AgreementList;
use explainer_core::content::{Agreements, Lang};
use explainer_core::format::{count, date, fill};
use yew::prelude::*;

use super::growth_chart::model_name;
use crate::content::CONTENT;
use explainer_core::files::AGREEMENTS_CSV;

use crate::edge::prerender_file;

#[derive(Properties, PartialEq)]
pub struct ListingProps {
    pub list: Rc<AgreementList>,
    pub text: &'static Agreements,
    pub lang: Lang,
}

/// Every agreement in ICE's list, by state: the body of the listing page (one per language,
/// written by the prerender step; no script).
#[function_component]
pub fn Listing(props: &ListingProps) -> Html {
    let (list, t, lang) = (&props.list, props.text, props.lang);
    let loc = CONTENT.locale(lang);
    let n = |v: u32| count(v as u64, loc);
    let as_of = date(list.date, loc);
    let rows = list.listing();
    let states = rows.chunk_by(|a, b| a.state == b.state);
    html! {
        <main class="explainer listing" lang={lang.code()}>
            <p><a href={prerender_file(lang)}>{ t.back.get(lang) }</a></p>
            <h1>{ fill(t.listing_title.get(lang), &[("date", &as_of)]) }</h1>
            <p>{ fill(t.listing_intro.get(lang), &[("total", &n(list.total())), ("date", &as_of)]) }</p>
            <p><a href={AGREEMENTS_CSV} type="text/csv">{ t.csv_link.get(lang) }</a></p>
            <p class="note">{ CONTENT.ui.source.get(lang) }{" "}<cite>{ CONTENT.source(&t.source).map_or("", |s| s.name.get(lang)) }</cite>{ format!(", {as_of}") }{ format!(" ({})", list.file) }</p>
            { for states.map(|group| {
                let state = group[0].state.to_string();
                html! {
                    <section aria-label={state.clone()}>
                        <h2>{ format!("{state} ({})", n(group.len() as u32)) }</h2>
                        <table class="ag-list">
                            <thead>
                                <tr>
                                    // ICE's TYPE goes under the agency's name: four columns do not fit 320 px.
                                    <th scope="col">{ format!("{} ({})", t.col_agency.get(lang), t.col_type.get(lang).to_lowercase()) }</th>
                                    <th scope="col">{ t.col_model.get(lang) }</th>
                                    <th scope="col">{ t.col_signed.get(lang) }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for group.iter().map(|a| html! {
                                    <tr>
                                        <th scope="row">{ a.agency.to_string() }<br /><span class="ag-type">{ a.kind.to_string() }</span></th>
                                        <td>{ model_name(t, a.model, lang) }</td>
                                        <td>{ a.signed.map_or_else(|| t.no_date.get(lang).to_string(), |d| date(d, loc)) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </section>
                }
            }) }
        </main>
    }
}
