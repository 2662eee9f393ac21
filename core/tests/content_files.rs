//! The real content file validates, and each kind of editor mistake fails with a message
//! that names the file, the entry and the field.

use explainer_core::content::{parse, Lang, MILESTONE_IDS};

const FILE: &str = "assets/content.toml";

fn real() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/content.toml")).unwrap()
}

/// Applies one edit (which must match exactly once) and returns the error message.
fn error_after(from: &str, to: &str) -> String {
    let text = real();
    assert_eq!(text.matches(from).count(), 1, "edit target {from:?} must occur once");
    match parse(&text.replacen(from, to, 1), FILE) {
        Ok(_) => panic!("edit {from:?} -> {to:?} was accepted"),
        Err(e) => e.to_string(),
    }
}

fn assert_names(msg: &str, parts: &[&str]) {
    for p in parts {
        assert!(msg.contains(p), "message {msg:?} should mention {p:?}");
    }
}

#[test]
fn the_real_file_is_valid_and_complete() {
    let c = parse(&real(), FILE).unwrap_or_else(|e| panic!("{e}"));
    for id in MILESTONE_IDS {
        assert!(c.events.iter().any(|e| e.id == id && e.milestone), "milestone {id}");
    }
    assert_eq!(c.events.len(), 8);
    assert!(c.events.windows(2).all(|w| w[0].date <= w[1].date));
    let d = c.defaults();
    use explainer_core::model::Field::{Benefits, Officers, Overtime, Salary};
    assert_eq!([d[Officers], d[Salary], d[Benefits], d[Overtime]], [8_501, 74_510, 6_270, 2_500]);
    for lang in Lang::ALL {
        assert!(!c.ui.title.get(lang).is_empty());
    }
}

#[test]
fn a_bad_date_names_event_and_field() {
    let m = error_after("date = \"2025-07-04\"", "date = \"2025-02-30\"");
    assert_names(&m, &[FILE, "events[4]", "id \"ice-funding-law\"", "date", "no such day"]);
    let m = error_after("date = \"2025-07-04\"", "date = \"July 4\"");
    assert_names(&m, &[FILE, "events[4]", "date", "YYYY-MM-DD"]);
}

#[test]
fn events_out_of_order_are_refused() {
    let m = error_after("date = \"2025-09-02\"", "date = \"2025-03-02\"");
    assert_names(&m, &[FILE, "id \"dhs-announcement\"", "field `date`", "date order"]);
}

#[test]
fn a_missing_milestone_is_refused() {
    let m = error_after("id = \"task-force-returns\"", "id = \"task-force-back\"");
    assert_names(&m, &[FILE, "task-force-back", "milestone"]);
    let m = error_after("id = \"reimbursements-start\"\ndate = \"2025-10-01\"\nmilestone = true", "id = \"reimbursements-start\"\ndate = \"2025-10-01\"\nmilestone = false");
    assert_names(&m, &[FILE, "reimbursements-start", "field `milestone`", "must be true"]);
}

#[test]
fn a_default_outside_its_range_is_refused() {
    let m = error_after("default = 74510", "default = 200000");
    assert_names(&m, &[FILE, "calculator.sliders.salary", "field `default`", "outside the range"]);
    let m = error_after("max = 2500", "max = 3000");
    assert_names(&m, &[FILE, "calculator.sliders.overtime", "field `max`", "2500", "25%"]);
}

/// The 25% cap stops the overtime slider: its note must give the same number as the model.
#[test]
fn a_note_that_misstates_a_rules_limit_is_refused() {
    let m = error_after("will cover overtime up to 25% of salary, so", "will cover overtime up to 30% of salary, so");
    assert_names(&m, &[FILE, "calculator.sliders.overtime", "field `note.en`", "25%"]);
}

#[test]
fn a_missing_or_unknown_source_is_refused() {
    let m = error_after("sources = [\"dhs-2025-09-02\"]\n", "sources = []\n");
    assert_names(&m, &[FILE, "id \"dhs-announcement\"", "field `sources`", "at least one source"]);
    let m = error_after("sources = [\"ice-2012\", \"reuters-2025-09-03\"]", "sources = [\"ice-2013\"]");
    assert_names(&m, &[FILE, "id \"task-force-ends\"", "field `sources`", "ice-2013"]);
}

#[test]
fn an_unknown_field_is_refused() {
    let m = error_after("milestone = false\nheadline.en = \"Civil", "milestone = false\nheadlin = \"x\"\nheadline.en = \"Civil");
    assert_names(&m, &[FILE, "events[3]", "id \"leadership-conference\"", "unknown field `headlin`"]);
}

#[test]
fn a_missing_translation_is_refused() {
    let m = error_after("headline.es = \"Fecha prevista para que entre en vigor la oferta de reembolso del DHS\"\n", "");
    assert_names(&m, &[FILE, "events[7]", "id \"reimbursements-start\"", "field `headline`", "missing field `es`"]);
    let m = error_after("reset.es = \"Restablecer valores\"\n", "reset.es = \"  \"\n");
    assert_names(&m, &[FILE, "ui", "reset.es", "empty"]);
}

#[test]
fn a_template_without_its_placeholder_is_refused() {
    let m = error_after("status.es = \"Total: {total} al año\"", "status.es = \"Total al año\"");
    assert_names(&m, &[FILE, "ui", "status.es", "{total}"]);
}

#[test]
fn a_syntax_error_names_the_file_and_line() {
    let m = error_after("[calculator.awards]", "[calculator.awards");
        assert!(m.contains(&format!(":{}:", real().lines().position(|l| l == "[calculator.awards]").unwrap() + 1)), "{m}");
}

#[test]
fn texts_that_state_the_models_amounts_must_match_it() {
    // A tier's label with another tier's amount would show the wrong amount beside a radio.
    let m = error_after("\"500\".en = \"$500 a quarter (70–79%)\"", "\"500\".en = \"$750 a quarter (70–79%)\"");
    assert_names(&m, &[FILE, "calculator.award_tiers.500", "field `en`", "$500"]);
    let m = error_after("years = 4", "years = 5");
    assert_names(&m, &[FILE, "calculator.ice_funding", "note.en", "$15 billion"]);
    let m = error_after("up to $7,500 per trained and credentialed task force officer", "up to $7,000 per trained and credentialed task force officer");
    assert_names(&m, &[FILE, "calculator.equipment", "note.en", "$7,500"]);
}

/// The wasm's copy (`for_island`): the calculator whole, every source it cites, none of the
/// page's own texts.
#[test]
fn the_island_copy_keeps_the_calculator_and_drops_the_page() {
    let full = parse(&real(), "assets/content.toml").unwrap();
    let island = explainer_core::content::for_island(&full);
    assert_eq!(island.calculator, full.calculator);
    assert_eq!(island.locale, full.locale);
    assert!(island.events.is_empty() && island.derived.is_empty());
    for lang in Lang::ALL {
        assert_eq!(island.ui.title.get(lang), "");
        assert_eq!(island.ui.calculator_heading.get(lang), full.ui.calculator_heading.get(lang));
        assert_eq!(island.ui.source.get(lang), full.ui.source.get(lang));
    }
    let calc = &full.calculator;
    for id in [&calc.awards.source, &calc.equipment.source, &calc.ice_funding.source, &calc.slider(explainer_core::model::Field::Salary).source] {
        assert_eq!(island.source(id), full.source(id), "{id}");
    }
    assert!(island.sources.len() < full.sources.len(), "sources the calculator does not cite are dropped");
}

/// The sliders, the breakdown's lines and the award tiers are keyed by the model's names: a
/// key the model does not know, or one it needs and does not find, names the key and the list.
#[test]
fn an_entry_the_model_does_not_know_or_misses_is_refused() {
    let m = error_after("[calculator.sliders.benefits]", "[calculator.sliders.no_such_input]");
    assert_names(&m, &[FILE, "calculator, field `sliders`", "\"no_such_input\" is not one the model knows", "\"benefits\"", "core/src/model.rs"]);
    let m = error_after("\"750\".en = \"$750 a quarter (80–89%)\"\n\"750\".es = \"$750 por trimestre (80–89%)\"\n", "");
    assert_names(&m, &[FILE, "calculator, field `award_tiers`", "\"750\" is missing"]);
    // The card's English line without `{overtime}`, however the desk words it (an input added
    // by the README's recipe rewords the line).
    let card = real().lines().find(|l| l.starts_with("card_assumptions.en")).expect("card_assumptions.en").to_owned();
    let m = error_after(&card, &card.replace("{overtime}", "25%"));
    assert_names(&m, &[FILE, "ui", "card_assumptions.en", "does not name {overtime}"]);
    let m = error_after("rows.awards.en = \"Performance awards\"\nrows.awards.es", "rows.bonus.en = \"Performance awards\"\nrows.bonus.es");
    assert_names(&m, &[FILE, "ui, field `rows`", "\"bonus\" is not one the model knows", "\"awards\""]);
}
