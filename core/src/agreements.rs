//! ICE's list of 287(g) agreements (ICE's spreadsheet of participating agencies), as the
//! widget counts it: one row, one agreement. Pure: the counts the charts, tables and listing
//! show are worked out here from the rows, so a new list rebuilds into its own figures.
//! Types are `'static`-friendly (`Cow`) so `build.rs` can compile a list into a `static`;
//! the reader (`read`, with the `build` feature) makes one from ICE's file.

use crate::content::{Date, List, Str};

#[cfg(feature = "build")]
mod read;
#[cfg(feature = "build")]
pub use read::{file_date, read, read_bytes, SheetProblem};

/// A 287(g) model, as ICE's SUPPORT TYPE column names it. Written in the order the chart
/// stacks them (the oldest models at the bottom, Task Force on top): [`Model::ALL`]'s order.
/// Its key, for class names and the CSV, is its name in kebab case: "task-force".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, strum::VariantArray, strum::EnumCount, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Model {
    JailEnforcement,
    WarrantService,
    TaskForce,
}

impl Model {
    pub const ALL: [Model; <Model as strum::EnumCount>::COUNT] = crate::all();

    /// ICE's name for it in the list (spaces trimmed).
    pub fn ice_name(self) -> &'static str {
        match self {
            Model::TaskForce => "Task Force Model",
            Model::JailEnforcement => "Jail Enforcement Model",
            Model::WarrantService => "Warrant Service Officer",
        }
    }

    /// For class names and the CSV: "task-force".
    pub fn key(self) -> &'static str {
        self.into()
    }

    pub fn from_ice_name(name: &str) -> Option<Model> {
        Model::ALL.into_iter().find(|m| m.ice_name().eq_ignore_ascii_case(name))
    }
}

/// One row of ICE's list, normalized (spaces trimmed, the state's name in title case).
#[derive(Clone, Debug, PartialEq)]
pub struct Agreement {
    /// The row in ICE's sheet (1-based, as a spreadsheet shows it).
    pub row: u32,
    pub state: Str,
    pub agency: Str,
    /// ICE's TYPE: County, Municipality, State Agency...
    pub kind: Str,
    pub model: Model,
    /// `None` when ICE's SIGNED cell holds no readable date (see `problems`).
    pub signed: Option<Date>,
    /// What was wrong with the row as published and what was done about it, in English
    /// (the build's log and the CSV's `problems` column).
    pub problems: List<Str>,
}

/// ICE's list as of one date.
#[derive(Clone, Debug, PartialEq)]
pub struct AgreementList {
    /// ICE's file name, as published.
    pub file: Str,
    /// The list's date: ICE's, from its file name (or `as_of` in the content file).
    pub date: Date,
    pub rows: List<Agreement>,
}

/// One month of signings, for the chart's table.
#[derive(Clone, Debug, PartialEq)]
pub struct Month {
    /// Day 0: the whole month.
    pub month: Date,
    /// Agreements signed in it, by model (in [`Model::ALL`]'s order).
    pub signed: [u32; Model::ALL.len()],
    /// All dated agreements signed up to its end (or to the list's date).
    pub cumulative: u32,
}

impl AgreementList {
    pub fn total(&self) -> u32 {
        self.rows.len() as u32
    }

    pub fn count(&self, model: Model) -> u32 {
        self.rows.iter().filter(|a| a.model == model).count() as u32
    }

    /// Agreements with no readable signing date (counted in every total).
    pub fn undated(&self) -> u32 {
        self.rows.iter().filter(|a| a.signed.is_none()).count() as u32
    }

    /// Agreements of `model` (or all) signed before `date`.
    pub fn before(&self, date: Date, model: Option<Model>) -> u32 {
        self.rows.iter().filter(|a| model.is_none_or(|m| a.model == m) && a.signed.is_some_and(|d| d < date)).count() as u32
    }

    /// The earliest readable signing date of `model`.
    pub fn first_signed(&self, model: Model) -> Option<Date> {
        self.rows.iter().filter(|a| a.model == model).filter_map(|a| a.signed).min()
    }

    /// Distinct agencies (by state and name).
    pub fn agencies(&self) -> u32 {
        let mut names: Vec<(&str, &str)> = self.rows.iter().map(|a| (&*a.state, &*a.agency)).collect();
        names.sort_unstable();
        names.dedup();
        names.len() as u32
    }

    /// Agreements by state, most first (ties by name).
    pub fn by_state(&self) -> Vec<(Str, u32)> {
        let mut out: Vec<(Str, u32)> = Vec::new();
        for a in self.rows.iter() {
            match out.iter_mut().find(|(s, _)| *s == a.state) {
                Some((_, n)) => *n += 1,
                None => out.push((a.state.clone(), 1)),
            }
        }
        out.sort_by(|(a, n), (b, m)| m.cmp(n).then_with(|| a.cmp(b)));
        out
    }

    /// The rows in the listing's order: by state, then agency, then date.
    pub fn listing(&self) -> Vec<&Agreement> {
        let mut rows: Vec<&Agreement> = self.rows.iter().collect();
        rows.sort_by(|a, b| (&a.state, &a.agency, a.signed, a.row).cmp(&(&b.state, &b.agency, b.signed, b.row)));
        rows
    }

    /// Cumulative dated agreements by model on each day one was signed, from `from` on; the
    /// first point is on `from` and holds everything signed before it. Each point is
    /// (day, counts in [`Model::ALL`]'s order).
    pub fn cumulative(&self, from: Date) -> Vec<(Date, [u32; Model::ALL.len()])> {
        let index = |m: Model| Model::ALL.iter().position(|&x| x == m).unwrap_or(0);
        let mut dated: Vec<(Date, usize)> = self.rows.iter().filter_map(|a| Some((a.signed?, index(a.model)))).collect();
        dated.sort();
        let mut counts = [0u32; Model::ALL.len()];
        let mut out = vec![(from, counts)];
        for (d, m) in dated {
            counts[m] += 1;
            if d < from {
                out[0].1 = counts;
            } else if out.last().is_some_and(|(last, _)| *last == d) {
                out.last_mut().expect("just checked").1 = counts;
            } else {
                out.push((d, counts));
            }
        }
        out
    }

    /// Signings month by month from `from`'s month to the list's date; agreements signed
    /// before `from` are in [`AgreementList::before`], not here.
    pub fn months(&self, from: Date) -> Vec<Month> {
        let mut out = Vec::new();
        let (mut y, mut m) = (from.year, from.month);
        let mut cumulative = self.before(from, None);
        while (y, m) <= (self.date.year, self.date.month) {
            let mut signed = [0u32; Model::ALL.len()];
            for (i, model) in Model::ALL.iter().enumerate() {
                signed[i] = self.rows.iter().filter(|a| a.model == *model && a.signed.is_some_and(|d| d >= from && d.year == y && d.month == m)).count() as u32;
            }
            cumulative += signed.iter().sum::<u32>();
            out.push(Month { month: Date { year: y, month: m, day: 0 }, signed, cumulative });
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        out
    }

    /// The list's numbers as a line of the fact sheet, so the content check (the fact trace)
    /// accepts a number or date that comes from the list itself (a new list brings its own).
    pub fn fact_text(&self, order: Date) -> String {
        let iso = crate::format::iso_date;
        let mut out = format!(
            "\nICE's list of 287(g) agreements ({}), {}: {} agreements, {} agencies, {} states, {} without a readable date; signed before {}: {}.",
            self.file,
            iso(self.date),
            self.total(),
            self.agencies(),
            self.by_state().len(),
            self.undated(),
            iso(order),
            self.before(order, None),
        );
        for m in Model::ALL {
            out.push_str(&format!(" {}: {}, signed before {}: {}", m.ice_name(), self.count(m), iso(order), self.before(order, Some(m))));
            if let Some(d) = self.first_signed(m) {
                out.push_str(&format!(", first signed {}", iso(d)));
            }
            out.push('.');
        }
        for (state, n) in self.by_state() {
            out.push_str(&format!(" {state}: {n}."));
        }
        out.push('\n');
        out
    }

    /// The list as a Rust constant expression (for `build.rs`).
    pub fn to_rust(&self) -> String {
        let s = |s: &str| format!("::std::borrow::Cow::Borrowed({s:?})");
        let d = |d: Date| format!("::explainer_core::content::Date {{ year: {}, month: {}, day: {} }}", d.year, d.month, d.day);
        let mut out = format!("::explainer_core::agreements::AgreementList {{ file: {}, date: {}, rows: ::std::borrow::Cow::Borrowed(&[", s(&self.file), d(self.date));
        for a in self.rows.iter() {
            let problems: Vec<String> = a.problems.iter().map(|p| s(p)).collect();
            out.push_str(&format!(
                "::explainer_core::agreements::Agreement {{ row: {}, state: {}, agency: {}, kind: {}, model: ::explainer_core::agreements::Model::{:?}, signed: {}, problems: ::std::borrow::Cow::Borrowed(&[{}]) }},\n",
                a.row,
                s(&a.state),
                s(&a.agency),
                s(&a.kind),
                a.model,
                a.signed.map_or("None".to_string(), |x| format!("Some({})", d(x))),
                problems.join(","),
            ));
        }
        out.push_str("]) }");
        out
    }
}

/// Days since 1970-01-01 (a proleptic Gregorian day number), for a chart's time axis.
pub fn day_number(d: Date) -> i64 {
    // Howard Hinnant's days_from_civil.
    let (m, day) = (d.month.max(1) as i64, d.day.max(1) as i64);
    let y = d.year as i64 - (m <= 2) as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// "FLORIDA" -> "Florida", "DISTRICT OF COLUMBIA" -> "District of Columbia"; a name already
/// in mixed case is kept.
pub fn state_name(raw: &str) -> String {
    if raw.chars().any(|c| c.is_lowercase()) {
        return raw.to_string();
    }
    raw.split(' ')
        .filter(|w| !w.is_empty())
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && matches!(lower.as_str(), "of" | "and" | "the") {
                return lower;
            }
            let mut c = lower.chars();
            c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn row(n: u32, state: &'static str, model: Model, signed: Option<(u16, u8, u8)>) -> Agreement {
        Agreement {
            row: n,
            state: Cow::Borrowed(state),
            agency: Cow::Owned(format!("Agency {n}")),
            kind: Cow::Borrowed("County"),
            model,
            signed: signed.map(|(year, month, day)| Date { year, month, day }),
            problems: Cow::Borrowed(&[]),
        }
    }

    fn list() -> AgreementList {
        use Model::*;
        AgreementList {
            file: Cow::Borrowed("participatingAgencies02152025am.xlsx"),
            date: Date { year: 2025, month: 2, day: 15 },
            rows: Cow::Owned(vec![
                row(2, "Texas", JailEnforcement, Some((2019, 5, 1))),
                row(3, "Florida", WarrantService, Some((2024, 12, 31))),
                row(4, "Florida", TaskForce, Some((2025, 1, 30))),
                row(5, "Florida", TaskForce, Some((2025, 1, 30))),
                row(6, "Texas", TaskForce, Some((2025, 2, 3))),
                row(7, "Utah", WarrantService, None),
            ]),
        }
    }

    const ORDER: Date = Date { year: 2025, month: 1, day: 20 };

    #[test]
    fn counts_every_row_by_model_state_and_date() {
        let l = list();
        assert_eq!((l.total(), l.undated(), l.agencies()), (6, 1, 6));
        assert_eq!([Model::TaskForce, Model::JailEnforcement, Model::WarrantService].map(|m| l.count(m)), [3, 1, 2]);
        assert_eq!(l.before(ORDER, None), 2);
        assert_eq!(l.before(ORDER, Some(Model::TaskForce)), 0);
        assert_eq!(l.first_signed(Model::TaskForce), Some(Date { year: 2025, month: 1, day: 30 }));
        let states: Vec<(String, u32)> = l.by_state().into_iter().map(|(s, n)| (s.into_owned(), n)).collect();
        assert_eq!(states, [("Florida".into(), 3), ("Texas".into(), 2), ("Utah".into(), 1)]);
    }

    #[test]
    fn cumulative_starts_with_what_came_before_and_leaves_out_undated_rows() {
        let c = list().cumulative(Date { year: 2025, month: 1, day: 1 });
        let d = |m, day| Date { year: 2025, month: m, day };
        // [jail, warrant, task force]
        assert_eq!(c, vec![(d(1, 1), [1, 1, 0]), (d(1, 30), [1, 1, 2]), (d(2, 3), [1, 1, 3])]);
        let months = list().months(d(1, 1));
        assert_eq!(months.len(), 2);
        assert_eq!((months[0].signed, months[0].cumulative), ([0, 0, 2], 4));
        assert_eq!((months[1].signed, months[1].cumulative), ([0, 0, 1], 5));
    }

    #[test]
    fn the_listing_is_by_state_then_agency() {
        let l = list();
        let order: Vec<u32> = l.listing().iter().map(|a| a.row).collect();
        assert_eq!(order, [3, 4, 5, 2, 6, 7]);
    }

    #[test]
    fn fact_text_states_the_lists_numbers() {
        let t = list().fact_text(ORDER);
        for s in ["2025-02-15", "6 agreements", "Task Force Model: 3, signed before 2025-01-20: 0, first signed 2025-01-30", "Florida: 3."] {
            assert!(t.contains(s), "{s} in {t}");
        }
    }

    #[test]
    fn day_numbers() {
        let d = |year, month, day| day_number(Date { year, month, day });
        assert_eq!(d(1970, 1, 1), 0);
        assert_eq!(d(2025, 1, 20) - d(2025, 1, 1), 19);
        assert_eq!(d(2025, 3, 1) - d(2025, 2, 28), 1);
        assert_eq!(d(2024, 3, 1) - d(2024, 2, 28), 2, "leap year");
        assert_eq!(d(2025, 7, 18), 20287);
    }

    #[test]
    fn state_names_in_title_case() {
        assert_eq!(state_name("FLORIDA"), "Florida");
        assert_eq!(state_name("NEW HAMPSHIRE"), "New Hampshire");
        assert_eq!(state_name("DISTRICT OF COLUMBIA"), "District of Columbia");
        assert_eq!(state_name("Puerto Rico"), "Puerto Rico");
    }
}
