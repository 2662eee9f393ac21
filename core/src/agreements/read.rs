//! Build-time only: ICE's spreadsheet of participating agencies, read with `calamine`.
//! ICE's sheets are not clean. What is unambiguous is normalized (spaces around a name or a
//! model); a date is never guessed: a SIGNED cell that is text, a bare number, empty, or a
//! date after the list's own is kept as "no readable date" and counted in every total. Each
//! such row is reported (the file, the row, the agency, the cell), and the report goes with
//! the row (the CSV's `problems` column). What the counts cannot stand (the file unreadable,
//! a column missing, a model or state the widget does not know) stops the build, named the
//! same way.

use std::borrow::Cow;
use std::fmt;
use std::io::Cursor;

use calamine::{Data, Reader};

use super::{state_name, Agreement, AgreementList, Model};
use crate::content::{Date, Str};

/// Something wrong in ICE's file, and where: an error that stops the build, or a note about
/// one row that the build prints and keeps with the row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetProblem {
    pub file: String,
    /// The spreadsheet's row number (1-based), where there is one.
    pub row: Option<u32>,
    pub agency: Option<String>,
    /// The column's name in ICE's header ("SIGNED"), or `file`.
    pub field: String,
    /// The cell ("F639"), where there is one.
    pub cell: Option<String>,
    pub problem: String,
}

impl fmt::Display for SheetProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(row) = self.row {
            write!(f, ": row {row}")?;
        }
        if let Some(agency) = &self.agency {
            write!(f, " ({agency})")?;
        }
        write!(f, "{} `{}`", if self.row.is_some() { ", field" } else { ": field" }, self.field)?;
        if let Some(cell) = &self.cell {
            write!(f, " (cell {cell})")?;
        }
        write!(f, ": {}", self.problem)
    }
}

impl std::error::Error for SheetProblem {}

/// The columns the widget reads, as ICE's header names them.
const STATE: &str = "STATE";
const AGENCY: &str = "LAW ENFORCEMENT AGENCY";
const TYPE: &str = "TYPE";
const MODEL: &str = "SUPPORT TYPE";
const SIGNED: &str = "SIGNED";
const COLUMNS: [&str; 5] = [STATE, AGENCY, TYPE, MODEL, SIGNED];

/// The list's date in ICE's file name: `participatingAgencies07182025pm.xlsx` -> 2025-07-18.
/// `None` when the name carries no such date.
pub fn file_date(name: &str) -> Option<Date> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let rest = &base[base.to_ascii_lowercase().find("participatingagencies")? + "participatingagencies".len()..];
    let digits = rest.get(..8).filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
    let half = rest[8..].to_ascii_lowercase();
    if !(half.starts_with("am") || half.starts_with("pm")) {
        return None;
    }
    Date::try_from(format!("{}-{}-{}", &digits[4..8], &digits[..2], &digits[2..4])).ok()
}

/// Reads ICE's file at `path` (`file` names it in messages). `as_of` is the list's date
/// where ICE's file name carries none.
pub fn read(path: &std::path::Path, file: &str, as_of: Option<Date>) -> Result<(AgreementList, Vec<SheetProblem>), SheetProblem> {
    let bytes = std::fs::read(path).map_err(|e| whole_file(file, format!("cannot read it: {e}")))?;
    read_bytes(&bytes, file, as_of)
}

fn whole_file(file: &str, problem: String) -> SheetProblem {
    SheetProblem { file: file.into(), row: None, agency: None, field: "file".into(), cell: None, problem }
}

/// "A", "B", ... "AA": a spreadsheet's name for column `i` (0-based).
fn column_letter(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A cell as text, for messages and for text columns: numbers as written.
fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// Reads ICE's file from memory; `file` names it in messages and is its name, which carries
/// the list's date (`participatingAgenciesMMDDYYYYam.xlsx`), else `as_of` must.
pub fn read_bytes(bytes: &[u8], file: &str, as_of: Option<Date>) -> Result<(AgreementList, Vec<SheetProblem>), SheetProblem> {
    let date = match (file_date(file), as_of) {
        (Some(d), Some(a)) if d != a => {
            return Err(whole_file(file, format!("the file name dates the list {}, but `as_of` in [agreements] says {}: remove `as_of` (ICE's file name gives the date)", crate::format::iso_date(d), crate::format::iso_date(a))));
        }
        (Some(d), _) | (None, Some(d)) => d,
        (None, None) => {
            return Err(whole_file(file, "the file name carries no date (ICE names its files participatingAgenciesMMDDYYYY then am or pm): keep ICE's name, or set `as_of` in [agreements] in assets/content.toml".into()));
        }
    };
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| whole_file(file, format!("cannot be read as a spreadsheet: {e}")))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| whole_file(file, "has no worksheet".into()))?
        .map_err(|e| whole_file(file, format!("its first worksheet cannot be read: {e}")))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows = range.rows().enumerate().map(|(i, r)| (top + i as u32 + 1, r)).filter(|(_, r)| r.iter().any(|c| !text(c).trim().is_empty()));
    let Some((header_row, header)) = rows.next() else {
        return Err(whole_file(file, "is empty: no header row".into()));
    };
    let mut at = [0usize; COLUMNS.len()];
    for (slot, name) in at.iter_mut().zip(COLUMNS) {
        *slot = header.iter().position(|c| text(c).trim().eq_ignore_ascii_case(name)).ok_or_else(|| SheetProblem {
            file: file.into(),
            row: Some(header_row),
            agency: None,
            field: name.into(),
            cell: None,
            problem: format!("is missing from the header: ICE's list must have the columns {}", COLUMNS.join(", ")),
        })?;
    }
    let [state_at, agency_at, type_at, model_at, signed_at] = at;
    let cell_name = |col: usize, row: u32| format!("{}{row}", column_letter(left as usize + col));

    let mut list = Vec::new();
    let mut notes = Vec::new();
    for (row, cells) in rows {
        let get = |col: usize| cells.get(col).unwrap_or(&Data::Empty);
        let agency_raw = text(get(agency_at));
        let agency = agency_raw.trim().to_string();
        let mut problems: Vec<String> = Vec::new();
        let mut report = |field: &str, col: usize, problem: String| {
            notes.push(SheetProblem { file: file.into(), row: Some(row), agency: Some(agency.clone()), field: field.into(), cell: Some(cell_name(col, row)), problem: problem.clone() });
            problems.push(format!("{field} ({}): {problem}", cell_name(col, row)));
        };
        let stop = |field: &str, col: usize, problem: String| SheetProblem {
            file: file.into(),
            row: Some(row),
            agency: Some(agency.clone()).filter(|a| !a.is_empty()),
            field: field.into(),
            cell: Some(cell_name(col, row)),
            problem,
        };
        // Text columns: spaces around a value are unambiguous; trimmed, and said.
        let trimmed = |field: &str, col: usize, report: &mut dyn FnMut(&str, usize, String)| -> Result<String, SheetProblem> {
            let raw = text(get(col));
            let value = raw.trim().to_string();
            if value.is_empty() {
                return Err(stop(field, col, "is empty: every agreement needs it (fix the row, or remove an empty one)".into()));
            }
            if value != raw {
                report(field, col, format!("{raw:?} has spaces around it: read as {value:?}"));
            }
            Ok(value)
        };
        let agency_v = trimmed(AGENCY, agency_at, &mut report)?;
        let state = trimmed(STATE, state_at, &mut report)?;
        let kind = trimmed(TYPE, type_at, &mut report)?;
        let model_name = trimmed(MODEL, model_at, &mut report)?;
        let model = Model::from_ice_name(&model_name).ok_or_else(|| {
            let known: Vec<&str> = Model::ALL.iter().map(|m| m.ice_name()).collect();
            stop(MODEL, model_at, format!("{model_name:?} is not a 287(g) model the widget knows ({}): if ICE added a model, the widget must learn it (core/src/agreements.rs)", known.join(", ")))
        })?;
        let signed = match signed(get(signed_at), date) {
            Ok(d) => Some(d),
            Err(why) => {
                report(SIGNED, signed_at, format!("{why}: no date is guessed; counted in every total, shown as having no date in ICE's list"));
                None
            }
        };
        list.push(Agreement {
            row,
            state: Cow::Owned(state_name(&state)),
            agency: Cow::Owned(agency_v),
            kind: Cow::Owned(kind),
            model,
            signed,
            problems: Cow::Owned(problems.into_iter().map(Str::from).collect()),
        });
    }
    if list.is_empty() {
        return Err(whole_file(file, "has a header but no agreement".into()));
    }
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file).to_string();
    Ok((AgreementList { file: Cow::Owned(name), date, rows: Cow::Owned(list) }, notes))
}

/// A SIGNED cell's date, or why it has none.
fn signed(cell: &Data, list_date: Date) -> Result<Date, String> {
    let iso = match cell {
        Data::DateTime(dt) if dt.is_datetime() => dt.as_datetime().map(|d| d.date().to_string()).ok_or_else(|| format!("{dt} is not a date a calendar has"))?,
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::Empty => return Err("is empty".into()),
        Data::String(s) => return Err(format!("holds the text {s:?}, not a date")),
        other => return Err(format!("holds {other}, not a date")),
    };
    // ISO dates of four-digit years compare as text: "5025-07-07" is after the list.
    let list_iso = crate::format::iso_date(list_date);
    if iso.len() == list_iso.len() && iso > list_iso {
        return Err(format!("reads {iso}, after the list's own date ({list_iso})"));
    }
    Date::try_from(iso.clone()).map_err(|_| format!("reads {iso}, which is not a date the list can hold"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_in_ices_file_names() {
        let d = |year, month, day| Some(Date { year, month, day });
        assert_eq!(file_date("participatingAgencies07182025pm.xlsx"), d(2025, 7, 18));
        assert_eq!(file_date("data/participatingAgencies09022025am.xlsx"), d(2025, 9, 2));
        assert_eq!(file_date("participatingAgencies13182025pm.xlsx"), None, "no month 13");
        assert_eq!(file_date("participatingAgencies07182025.xlsx"), None, "no am or pm");
        assert_eq!(file_date("list.xlsx"), None);
    }

    #[test]
    fn column_letters() {
        assert_eq!([0, 5, 25, 26, 27].map(column_letter), ["A", "F", "Z", "AA", "AB"]);
    }
}
