//! The section on ICE's list, the listing pages and the CSV follow the list: the real one of
//! July 18, 2025 as compiled in, and another list (written here from it, with Florida's rows
//! left out and a later date in ICE's file name) rebuilds into its own counts and date. A page
//! with its numbers typed in would fail the second half.

#![cfg(feature = "ssr")]

use std::rc::Rc;

use explainer::agreements::LIST;
use explainer::components::{AgreementsSection, AgreementsSectionProps};
use explainer::content::CONTENT;
use explainer::prerender;
use explainer_core::agreements::{read_bytes, AgreementList, Model};
use explainer_core::content::Lang;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn section(list: AgreementList, lang: Lang) -> String {
    let text = CONTENT.agreements.as_ref().expect("[agreements] in content.toml");
    let html = futures::executor::block_on(yew::ServerRenderer::<AgreementsSection>::with_props(move || AgreementsSectionProps { list: Rc::new(list), text, lang }).hydratable(false).render());
    html.replace("&#x27;", "'")
}

/// The list as ICE's sheet would hold it, minus one state's rows, under another file name.
fn sheet_without(list: &AgreementList, state: &str) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let date = Format::new().set_num_format("mm/dd/yyyy");
    for (c, h) in ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA", "ADDENDUM"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let mut r = 1;
    for a in list.rows.iter().filter(|a| a.state != state) {
        ws.write_string(r, 0, a.state.to_uppercase()).unwrap();
        ws.write_string(r, 1, &*a.agency).unwrap();
        ws.write_string(r, 2, &*a.kind).unwrap();
        ws.write_string(r, 4, a.model.ice_name()).unwrap();
        match a.signed {
            Some(d) => ws.write_datetime_with_format(r, 5, &ExcelDateTime::from_ymd(d.year, d.month, d.day).unwrap(), &date).unwrap(),
            None => ws.write_string(r, 5, "no date").unwrap(),
        };
        r += 1;
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn the_section_shows_the_compiled_in_list() {
    let list = LIST.as_ref().expect("the list is compiled into native builds").clone();
    assert_eq!(list.total(), 832);
    let en = section(list.clone(), Lang::En);
    for s in ["832 agreements in 40 states", "July 18, 2025", "135 agreements in ICE's list predate the Jan. 20, 2025 order", "415 of them Task Force", "Jan. 30, 2025", "DHS: 958", ">309<", "3 agreements with no readable date", "agreements.html", "agreements.csv"] {
        assert!(en.contains(s), "{s:?} in the English section");
    }
    let es = section(list, Lang::Es);
    for s in ["832 acuerdos en 40 estados", "18 de julio de 2025", "agreements.es.html"] {
        assert!(es.contains(s), "{s:?} in the Spanish section");
    }
    // The whole page carries it, and the sources name ICE's list with its date.
    let page = prerender::render(Lang::En).replace("&#x27;", "'");
    assert!(page.contains("ICE, list of 287(g) participating agencies (a spreadsheet)</cite>, July 18, 2025"), "the sources cite the list with its date");
}

#[test]
fn another_list_rebuilds_into_its_own_counts_and_date() {
    let real = LIST.as_ref().unwrap();
    let (other, _) = read_bytes(&sheet_without(real, "Florida"), "participatingAgencies08012025am.xlsx", None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(other.total(), 832 - 309);
    let before = section(real.clone(), Lang::En);
    let after = section(other.clone(), Lang::En);
    assert_ne!(before, after);
    for s in ["523 agreements in 39 states", "Aug. 1, 2025", &format!("{} of them Task Force", other.count(Model::TaskForce))] {
        assert!(after.contains(s), "{s:?} in the section drawn from the other list");
    }
    assert!(!after.contains(">Florida<") && !after.contains("832"), "nothing of the old list stays");
    assert!(after.contains("the most in Texas (118)"), "the states follow");
}

#[test]
fn the_listing_pages_list_every_agreement_under_the_widgets_stylesheet() {
    // The page as Trunk writes it: its own tags for the stylesheet and the icon.
    let template = include_str!("../index.html")
        .replace(r#"<link data-trunk rel="icon" href="assets/favicon.svg">"#, r#"<link rel="icon" href="./favicon-1a2b.svg">"#)
        .replace(r#"<link data-trunk rel="css" href="target/web/style.css">"#, r#"<link rel="stylesheet" href="./style-1a2b.css" integrity="sha384-CSS">"#);
    assert!(!template.contains(r#"data-trunk rel="css""#) && !template.contains(r#"data-trunk rel="icon""#), "index.html changed: update this test's copy of Trunk's tags");
    for lang in Lang::ALL {
        let page = prerender::listing(&template, lang).unwrap();
        assert!(page.contains(r#"<link rel="stylesheet" href="./style-1a2b.css" integrity="sha384-CSS">"#), "the stylesheet with its SRI hash");
        assert!(!page.contains("<script") && !page.contains("style=\""), "no script, no inline style (CSP)");
        assert!(page.starts_with(&format!("<!doctype html>\n<html lang=\"{}\">", lang.code())));
        // One row per agreement (plus a header row per state).
        assert_eq!(page.matches("<tr>").count(), 832 + 40);
        let no_date = CONTENT.agreements.as_ref().unwrap().no_date.get(lang);
        assert_eq!(page.matches(no_date).count(), 3);
    }
    let csv = prerender::csv(LIST.as_ref().unwrap()).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "ice_row,state,agency,type,model,signed,problems");
    assert_eq!(lines.len(), 833);
    let row = lines.iter().find(|l| l.starts_with("775,")).unwrap();
    assert!(row.starts_with("775,Utah,Tooele County Sheriff's Office,County,Warrant Service Officer,,") && row.contains("7/72025"), "{row}");
}
