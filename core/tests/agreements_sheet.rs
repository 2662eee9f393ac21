//! ICE's list of 287(g) agreements, read from spreadsheets: small ones this test writes, each
//! with one of the flaws ICE's sheets have (every message names the file, the row, the agency
//! and the cell or field), and the real list of July 18, 2025 (its counts, from the file).

use explainer_core::agreements::{read, read_bytes, AgreementList, Model, SheetProblem};
use explainer_core::content::Date;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

const HEADER: [&str; 8] = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA", "ADDENDUM"];
const FILE: &str = "participatingAgencies07182025pm.xlsx";
const ORDER: Date = Date { year: 2025, month: 1, day: 20 };

/// A cell of the SIGNED column: a real date (formatted as one), text, or a bare number.
#[derive(Clone)]
enum Signed {
    Date(u16, u8, u8),
    Text(&'static str),
}

/// A sheet with ICE's header (or `header`) and these rows: (state, agency, model, signed).
fn sheet(header: &[&str], rows: &[(&str, &str, &str, Signed)]) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let date = Format::new().set_num_format("mm/dd/yyyy");
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let col = |name: &str| header.iter().position(|h| *h == name).map(|c| c as u16);
    for (i, (state, agency, model, signed)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (name, value) in [("STATE", *state), ("LAW ENFORCEMENT AGENCY", *agency), ("TYPE", "County"), ("COUNTY", "Some County"), ("SUPPORT TYPE", *model), ("MOA", "link")] {
            if let Some(c) = col(name) {
                ws.write_string(r, c, value).unwrap();
            }
        }
        if let Some(c) = col("SIGNED") {
            match signed {
                Signed::Date(y, m, d) => ws.write_datetime_with_format(r, c, &ExcelDateTime::from_ymd(*y, *m, *d).unwrap(), &date).unwrap(),
                Signed::Text(t) => ws.write_string(r, c, *t).unwrap(),
            };
        }
    }
    book.save_to_buffer().unwrap()
}

fn good() -> Vec<(&'static str, &'static str, &'static str, Signed)> {
    vec![
        ("FLORIDA", "Alachua County Sheriff's Office", "Task Force Model", Signed::Date(2025, 2, 26)),
        ("FLORIDA", "Alachua County Sheriff's Office", "Jail Enforcement Model", Signed::Date(2019, 6, 1)),
        ("TEXAS", "Lubbock County Sheriff's Office", "Warrant Service Officer", Signed::Date(2024, 12, 2)),
    ]
}

/// The sheet with row `i` (0-based, under the header) replaced.
fn with_row(i: usize, row: (&'static str, &'static str, &'static str, Signed)) -> Vec<u8> {
    let mut rows = good();
    rows[i] = row;
    sheet(&HEADER, &rows)
}

fn ok(bytes: &[u8]) -> (AgreementList, Vec<SheetProblem>) {
    read_bytes(bytes, FILE, None).unwrap_or_else(|e| panic!("{e}"))
}

/// The one note for the sheet's row `row`, checked to name the file, the row, the agency and the cell.
fn note_for(notes: &[SheetProblem], row: u32, agency: &str, field: &str, cell: &str) -> String {
    let found: Vec<&SheetProblem> = notes.iter().filter(|n| n.row == Some(row) && n.field == field).collect();
    assert_eq!(found.len(), 1, "one note for row {row}, {field}: {notes:?}");
    let text = found[0].to_string();
    for part in [FILE, &format!("row {row}"), agency, &format!("`{field}`"), &format!("cell {cell}")] {
        assert!(text.contains(part), "{part:?} in {text}");
    }
    text
}

#[test]
fn a_clean_sheet_reads_with_no_notes() {
    let (list, notes) = ok(&sheet(&HEADER, &good()));
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(list.date, Date { year: 2025, month: 7, day: 18 }, "the date of ICE's file name");
    assert_eq!((list.total(), list.count(Model::TaskForce), list.before(ORDER, None)), (3, 1, 2));
    assert_eq!(list.rows[0].state, "Florida");
    assert_eq!(list.rows[2].signed, Some(Date { year: 2024, month: 12, day: 2 }));
    assert_eq!(list.rows[0].row, 2, "the row as a spreadsheet numbers it");
}

#[test]
fn a_date_in_the_year_5025_is_no_date_and_still_counted() {
    let (list, notes) = ok(&with_row(2, ("TENNESSEE", "Grundy County Sheriff's Office", "Warrant Service Officer", Signed::Date(5025, 7, 7))));
    let text = note_for(&notes, 4, "Grundy County Sheriff's Office", "SIGNED", "F4");
    assert!(text.contains("5025-07-07") && text.contains("no date is guessed"), "{text}");
    assert_eq!((list.total(), list.undated()), (3, 1), "counted in the totals, with no date");
    assert_eq!(list.rows[2].signed, None);
    assert!(list.rows[2].problems.iter().any(|p| p.contains("5025-07-07")), "the problem goes with the row (the CSV's column)");
}

#[test]
fn a_date_stored_as_text_is_not_guessed() {
    let (list, notes) = ok(&with_row(1, ("UTAH", "Tooele County Sheriff's Office", "Warrant Service Officer", Signed::Text("7/72025"))));
    let text = note_for(&notes, 3, "Tooele County Sheriff's Office", "SIGNED", "F3");
    assert!(text.contains("\"7/72025\"") && text.contains("not a date"), "{text}");
    assert_eq!((list.total(), list.undated()), (3, 1));
    assert_eq!(list.rows[1].signed, None, "not read as July 7, 2025 or any other day");
}

#[test]
fn trailing_spaces_are_trimmed_and_said() {
    let (list, notes) = ok(&with_row(0, ("FLORIDA ", "Alachua County Sheriff's Office ", "Task Force Model ", Signed::Date(2025, 2, 26))));
    let agency = note_for(&notes, 2, "Alachua County Sheriff's Office", "LAW ENFORCEMENT AGENCY", "B2");
    assert!(agency.contains("read as \"Alachua County Sheriff's Office\""), "{agency}");
    note_for(&notes, 2, "Alachua County Sheriff's Office", "SUPPORT TYPE", "E2");
    note_for(&notes, 2, "Alachua County Sheriff's Office", "STATE", "A2");
    let a = &list.rows[0];
    assert_eq!((&*a.state, &*a.agency, a.model), ("Florida", "Alachua County Sheriff's Office", Model::TaskForce));
    assert_eq!(list.agencies(), 2, "the trimmed name is the same agency as the next row's");
}

#[test]
fn a_missing_column_stops_the_build() {
    let header: Vec<&str> = HEADER.iter().copied().filter(|h| *h != "SUPPORT TYPE").collect();
    let e = read_bytes(&sheet(&header, &good()), FILE, None).unwrap_err();
    let text = e.to_string();
    assert_eq!((e.row, e.field.as_str()), (Some(1), "SUPPORT TYPE"));
    for part in [FILE, "row 1", "`SUPPORT TYPE`", "missing"] {
        assert!(text.contains(part), "{part:?} in {text}");
    }
}

#[test]
fn an_unknown_model_stops_the_build() {
    let e = read_bytes(&with_row(1, ("TEXAS", "Harris County Sheriff's Office", "Border Patrol Model", Signed::Date(2025, 3, 3))), FILE, None).unwrap_err();
    let text = e.to_string();
    for part in [FILE, "row 3", "Harris County Sheriff's Office", "`SUPPORT TYPE`", "cell E3", "\"Border Patrol Model\""] {
        assert!(text.contains(part), "{part:?} in {text}");
    }
}

#[test]
fn an_unreadable_file_stops_the_build() {
    let e = read_bytes(b"this is not a spreadsheet", FILE, None).unwrap_err();
    assert_eq!(e.field, "file");
    assert!(e.to_string().starts_with(&format!("{FILE}: field `file`: cannot be read as a spreadsheet")), "{e}");
    let e = read(std::path::Path::new("no/such/participatingAgencies07182025pm.xlsx"), "assets/data/participatingAgencies07182025pm.xlsx", None).unwrap_err();
    assert!(e.to_string().contains("assets/data/participatingAgencies07182025pm.xlsx: field `file`: cannot read it"), "{e}");
}

#[test]
fn the_date_comes_from_the_file_name_or_as_of() {
    let bytes = sheet(&HEADER, &good());
    let e = read_bytes(&bytes, "agreements.xlsx", None).unwrap_err();
    assert!(e.to_string().contains("agreements.xlsx: field `file`: the file name carries no date") && e.to_string().contains("as_of"), "{e}");
    let as_of = Date { year: 2025, month: 9, day: 30 };
    assert_eq!(read_bytes(&bytes, "agreements.xlsx", Some(as_of)).unwrap().0.date, as_of);
    assert!(read_bytes(&bytes, FILE, Some(as_of)).is_err(), "a file name and as_of that disagree");
    let later = read_bytes(&bytes, "participatingAgencies10012025am.xlsx", None).unwrap().0;
    assert_eq!(later.date, Date { year: 2025, month: 10, day: 1 });
}

/// ICE's list as the project keeps it (the file content.toml names).
pub fn real() -> (AgreementList, Vec<SheetProblem>) {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let content = explainer_core::content::load(format!("{root}/assets/content.toml")).unwrap_or_else(|e| panic!("{e}"));
    let a = content.agreements.expect("content.toml has [agreements]");
    read(std::path::Path::new(&format!("{root}/assets/{}", a.file)), &a.file, a.as_of).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_real_list_of_july_18_2025_counts_as_the_fact_sheet_says() {
    let (list, notes) = real();
    assert_eq!(list.date, Date { year: 2025, month: 7, day: 18 });
    // facts.md counts 692 agencies on ICE's names as published: two agencies appear both with
    // and without a trailing space. Trimmed, they are 690.
    assert_eq!((list.total(), list.agencies(), list.by_state().len()), (832, 690, 40));
    assert_eq!([Model::TaskForce, Model::WarrantService, Model::JailEnforcement].map(|m| list.count(m)), [415, 300, 117]);
    assert_eq!(list.before(ORDER, None), 135);
    assert_eq!([Model::JailEnforcement, Model::WarrantService, Model::TaskForce].map(|m| list.before(ORDER, Some(m))), [60, 75, 0]);
    assert_eq!(list.first_signed(Model::TaskForce), Some(Date { year: 2025, month: 1, day: 30 }));
    let dated_tf = list.rows.iter().filter(|a| a.model == Model::TaskForce && a.signed.is_some()).count();
    assert_eq!(dated_tf, 414);
    let top: Vec<(String, u32)> = list.by_state().into_iter().take(3).map(|(s, n)| (s.into_owned(), n)).collect();
    assert_eq!(top, [("Florida".into(), 309), ("Texas".into(), 118), ("Georgia".into(), 31)]);
    let undated: Vec<u32> = list.rows.iter().filter(|a| a.signed.is_none()).map(|a| a.row).collect();
    assert_eq!(undated, [639, 775, 785]);
    let spaces = |field: &str| notes.iter().filter(|n| n.field == field && n.problem.contains("spaces")).count();
    assert_eq!((spaces("SUPPORT TYPE"), spaces("LAW ENFORCEMENT AGENCY")), (9, 26));
    // Signed per month in 2025 (facts.md): Jan. 1, Feb. 155, March 135, April 106, May 99, June 107, July 91.
    let per_month: Vec<u32> = (1..=7u8).map(|m| list.rows.iter().filter(|a| a.signed.is_some_and(|d| d.year == 2025 && d.month == m)).count() as u32).collect();
    assert_eq!(per_month, [1, 155, 135, 106, 99, 107, 91]);
}

/// The fact trace takes the list as a source: a date (or number) that only a new list gives
/// is refused without it and accepted with it.
#[test]
fn the_fact_trace_accepts_what_the_list_says() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let read_text = |rel: &str| std::fs::read_to_string(format!("{root}/{rel}")).unwrap();
    let (content_file, facts) = (read_text("assets/content.toml"), read_text("docs/facts.md"));
    let from = "back.en = \"Back to the explainer\"";
    assert_eq!(content_file.matches(from).count(), 1);
    let text = content_file.replacen(from, "back.en = \"Back to the explainer (ICE's list of Oct. 14, 2025)\"", 1);
    let content = explainer_core::content::parse(&text, "assets/content.toml").unwrap();
    let trace = |facts: &str| explainer_core::content::trace(&content, &text, "assets/content.toml", facts, "docs/facts.md");
    let refused = trace(&facts).unwrap_err().to_string();
    assert!(refused.contains("agreements") && refused.contains("back.en") && refused.contains("2025-10-14"), "{refused}");
    let (list, _) = read_bytes(&sheet(&HEADER, &good()), "participatingAgencies10142025am.xlsx", None).unwrap();
    trace(&(facts + &list.fact_text(ORDER))).unwrap_or_else(|e| panic!("{e}"));
}
