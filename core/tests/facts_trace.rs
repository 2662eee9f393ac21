//! Every number and date the content states traces to the fact sheet (`docs/facts.md`), or
//! is declared as worked out from it; a figure typed from memory fails, naming where it is.

use explainer_core::content::{parse, trace};

const FILE: &str = "assets/content.toml";
const FACTS: &str = "docs/facts.md";

fn read(rel: &str) -> String {
    std::fs::read_to_string(format!("{}/../{rel}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Traces `content` (after one edit, which must match exactly once) against `facts`.
fn check(from: &str, to: &str, facts: &str) -> Result<(), String> {
    let text = read(FILE);
    assert!(from.is_empty() || text.matches(from).count() == 1, "edit target {from:?} must occur once");
    let text = text.replacen(from, to, 1);
    let content = parse(&text, FILE).map_err(|e| e.to_string())?;
    trace(&content, &text, FILE, facts, FACTS).map_err(|e| e.to_string())
}

fn fails(from: &str, to: &str, parts: &[&str]) {
    let msg = check(from, to, &read(FACTS)).expect_err("the edit should be refused");
    for p in parts {
        assert!(msg.contains(p), "message {msg:?} should mention {p:?}");
    }
}

#[test]
fn the_real_content_traces_to_the_fact_sheet() {
    check("", "", &read(FACTS)).unwrap_or_else(|e| panic!("{e}"));
}

/// The project keeps its own copy of the fact sheet; it must not drift from the shared one.
#[test]
fn the_fact_sheet_copy_equals_the_shared_one() {
    let shared = format!("{}/../../shared/facts.md", env!("CARGO_MANIFEST_DIR"));
    match std::fs::read_to_string(&shared) {
        Ok(text) => assert!(text == read(FACTS), "docs/facts.md differs from {shared}: copy the shared fact sheet over it"),
        Err(_) => eprintln!("no {shared} here: nothing to compare docs/facts.md with"),
    }
}

#[test]
fn a_figure_from_memory_names_entry_field_and_line() {
    // $75 billion is in the fact sheet; $80 billion is not.
    fails(
        "unos $45,000 millones serían para la detención",
        "unos $80,000 millones serían para la detención",
        &[FILE, "events[4]", "id \"ice-funding-law\"", "field `body.es`", "the number $80,000,000,000 is not in the fact sheet", FACTS],
    );
    let line = check("2,000 were in training", "3,000 were in training", &read(FACTS)).unwrap_err();
    assert!(line.starts_with(&format!("{FILE}:")) && line.contains("calculator.sliders.officers") && line.contains("note.en") && line.contains("3000"), "{line}");
    // A date in a label, and a number in the UI strings.
    fails("credit.en = \"Based on a Reuters report of Sept. 3, 2025.", "credit.en = \"Based on a Reuters report of Sept. 4, 2025.", &["ui", "credit.en", "the date 2025-09-04"]);
    fails("hasta septiembre de 2029", "hasta octubre de 2029", &["events[4]", "body.es", "the date 2029-10"]);
    fails("$500 a quarter (70–79%)", "$500 a quarter (70–78%)", &["calculator", "award_tiers", "500", "en", "the number 78%"]);
}

#[test]
fn the_locale_decides_what_a_number_is() {
    // Spanish texts are read with the Spanish separators: swap them and "$1,000" is no longer
    // the $1,000 the model pays.
    let msg = check("[locale.es]\nthousands = \",\"\ndecimal = \".\"", "[locale.es]\nthousands = \".\"\ndecimal = \",\"", &read(FACTS)).unwrap_err();
    // The content check reads "$1,000" in the tier label with the swapped separators too.
    assert!(msg.contains("es`") && msg.contains("$1.000"), "{msg}");
}

#[test]
fn worked_out_numbers_need_a_formula_that_gives_them() {
    // An operand the fact sheet lacks (its section on ICE's list brought a 5 in).
    fails("formula = \"75 / 4\"", "formula = \"75 / 16\"", &["derived[0]", "formula", "the number 16"]);
    fails("value = \"18.75\"", "value = \"18.5\"", &["derived[0]", "value", "75 / 4 gives 18.75, not 18.5"]);
    fails("formula = \"75 / 4\"", "formula = \"75 divided by 4\"", &["derived[0]", "formula", "is not a formula"]);
    // Without the declaration, the yearly split is accepted only because the fact sheet has it.
    let facts = read(FACTS).replace("18.75", "(no yearly figure)");
    assert!(!facts.contains("18.75"));
    check("", "", &facts).expect("declared as derived, 18.75 passes without the fact sheet");
    let text = read(FILE);
    let undeclared = &text[..text.find("[[derived]]").unwrap()];
    let content = parse(undeclared, FILE).unwrap();
    let msg = trace(&content, undeclared, FILE, &facts, FACTS).unwrap_err().to_string();
    assert!(msg.contains("the number $18,750,000,000 is not in the fact sheet") && msg.contains("calculator.ice_funding"), "{msg}");
    // A declaration no text uses is stale.
    fails("value = \"18.75\"\nformula = \"75 / 4\"", "value = \"71\"\nformula = \"75 - 4\"", &["derived[0]", "71 is not stated in any text"]);
}

#[test]
fn dates_and_defaults_are_facts_too() {
    fails("date = \"2025-07-04\"", "date = \"2025-07-05\"", &["events[4]", "date", "2025-07-05 is not a date in the fact sheet"]);
    fails("default = 8501", "default = 8500", &["calculator.sliders.officers", "default", "8500 is not in the fact sheet"]);
}

#[test]
fn scale_words_days_without_a_year_and_left_out_lines_are_checked() {
    // "$29.9 billion" ("$29,900 millones") is in the fact sheet; "$29.9 million" is not.
    fails("unos $29,900 millones para el control migratorio", "unos $29.9 millones para el control migratorio", &["events[4]", "body.es", "$29,900,000"]);
    // A day with no year must be a day the fact sheet has.
    fails("says that from Oct. 1, 2025, it will", "says that from Oct. 2 on, it will", &["ui", "dek.en", "the date --10-02"]);
    // The fact sheet prints "$100,00" for vehicles and says to leave it out.
    fails("such as a laptop and phone. Our sources", "such as a laptop and phone, and $10,000 for vehicles. Our sources", &["calculator.equipment", "note.en", "$10,000"]);
}

/// The fact sheet marks some lines as a source's paraphrase ("no quotation marks in the
/// source; do not add them"). A content text that carries such a line (its English shares a
/// run of four words with it) puts nothing in quotation marks, in either language.
#[test]
fn a_paraphrase_is_never_quoted() {
    let facts = read(FACTS);
    let mut bullets: Vec<String> = Vec::new();
    for line in facts.lines() {
        match line.strip_prefix("- ") {
            Some(start) => bullets.push(start.to_string()),
            None if line.starts_with("  ") && !bullets.is_empty() => bullets.last_mut().unwrap().push_str(&format!(" {}", line.trim())),
            None => bullets.push(String::new()),
        }
    }
    let words = |s: &str| s.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).filter(|w| !w.is_empty()).collect::<Vec<_>>();
    let paraphrases: Vec<Vec<String>> = bullets.iter().filter(|b| b.contains("no quotation marks")).map(|b| words(&b[..b.find('(').unwrap_or(b.len())])).collect();
    assert!(!paraphrases.is_empty(), "the fact sheet marks no paraphrase: this test has nothing to check");

    fn texts<'a>(v: &'a toml::Value, out: &mut Vec<(&'a str, &'a str)>) {
        match v {
            toml::Value::Table(t) => {
                if let (Some(toml::Value::String(en)), Some(toml::Value::String(es))) = (t.get("en"), t.get("es")) {
                    out.push((en, es));
                }
                t.values().for_each(|v| texts(v, out));
            }
            toml::Value::Array(a) => a.iter().for_each(|v| texts(v, out)),
            _ => {}
        }
    }
    let content: toml::Value = read(FILE).parse().unwrap();
    let mut pairs = Vec::new();
    texts(&content, &mut pairs);
    let mut carried = 0;
    for (en, es) in pairs {
        let w = words(en);
        let carries = paraphrases.iter().any(|p| p.windows(4).any(|run| w.windows(4).any(|x| x == run)));
        if carries {
            carried += 1;
            for text in [en, es] {
                assert!(!text.contains(['“', '”', '"', '«', '»']), "a paraphrase is put in quotation marks: {text}");
            }
        }
    }
    assert!(carried > 0, "no content text carries the fact sheet's paraphrase: the check found nothing to check");
}
