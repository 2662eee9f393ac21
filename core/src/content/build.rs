//! Build-time only: parse and validate `assets/content.toml`, and compile it into Rust.
//! Every error names the file, the entry and the field, so an editor can fix it without
//! reading Rust.

use std::fmt;
use std::path::Path;

use super::*;
pub use super::trace::trace;
use crate::model::{compute, Field};

/// A content file that cannot be used, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    /// e.g. `events[3] (id "ice-funding-law")`, or `file` for the whole file.
    pub entry: String,
    /// e.g. `headline.es`.
    pub field: String,
    pub problem: String,
    /// 1-based line in the file, where the parser knows it.
    pub line: Option<usize>,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.entry)?;
        if !self.field.is_empty() {
            write!(f, ", field `{}`", self.field)?;
        }
        write!(f, ": {}", self.problem)
    }
}

impl std::error::Error for ContentError {}

/// Reads, parses and validates a content file.
pub fn load(path: impl AsRef<Path>) -> Result<Content, ContentError> {
    let path = path.as_ref();
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ContentError {
        file: file.clone(),
        entry: "file".into(),
        field: String::new(),
        problem: format!("cannot read it: {e}"),
        line: None,
    })?;
    parse(&text, &file)
}

/// Parses and validates content text; `file` names it in errors.
pub fn parse(text: &str, file: &str) -> Result<Content, ContentError> {
    let raw: Option<toml::Table> = text.parse().ok();
    let content: Content = serde_path_to_error::deserialize(toml::Deserializer::new(text)).map_err(|e| {
        let path = e.path().to_string();
        let problem = e.inner().message().trim().to_string();
        let (entry, field) = split_path(&path, raw.as_ref());
        let line = e.inner().span().map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
        ContentError { file: file.into(), entry, field, problem, line }
    })?;
    validate(&content).map_err(|(entry, field, problem)| ContentError { file: file.into(), entry, field, problem, line: None })?;
    Ok(content)
}

/// `events[3].headline.es` -> (`events[3] (id "x")`, `headline.es`).
pub(super) fn split_path(path: &str, raw: Option<&toml::Table>) -> (String, String) {
    if path.is_empty() || path == "." {
        return ("file".into(), String::new());
    }
    let mut parts = path.splitn(2, '.');
    let first = parts.next().unwrap_or_default().to_string();
    let rest = parts.next().unwrap_or_default().to_string();
    if let Some((list, index)) = first.strip_suffix(']').and_then(|s| s.split_once('[')) {
        let id = raw
            .and_then(|t| t.get(list))
            .and_then(|v| v.as_array())
            .and_then(|a| a.get(index.parse::<usize>().ok()?))
            .and_then(|v| v.get("id"))
            .and_then(|v| v.as_str());
        let entry = match id {
            Some(id) => format!("{first} (id \"{id}\")"),
            None => first,
        };
        return (entry, rest);
    }
    // Tables: `ui.reset.es` -> (`ui`, `reset.es`); sections of sections keep two keys:
    // `calculator.ice_funding.years` -> (`calculator.ice_funding`, `years`); and the tables
    // keyed by the model's names keep three: `calculator.sliders.salary.default` ->
    // (`calculator.sliders.salary`, `default`).
    let keys: Vec<&str> = path.split('.').collect();
    let depth = match (keys[0], keys.get(1).copied()) {
        ("calculator", Some("sliders" | "award_tiers")) => 3,
        ("calculator" | "locale", _) => 2,
        _ => 1,
    };
    let depth = depth.min(keys.len().saturating_sub(1)).max(1);
    (keys[..depth].join("."), keys[depth..].join("."))
}

type Problem = (String, String, String);

fn problem(entry: impl Into<String>, field: impl Into<String>, text: impl Into<String>) -> Problem {
    (entry.into(), field.into(), text.into())
}

fn event_entry(i: usize, e: &Event) -> String {
    format!("events[{i}] (id \"{}\")", e.id)
}

fn check_text(entry: &str, field: &str, text: &Text, placeholders: &[&str]) -> Result<(), Problem> {
    for lang in Lang::ALL {
        let s = text.get(lang);
        let field = if field.is_empty() { lang.code().to_string() } else { format!("{field}.{}", lang.code()) };
        if s.trim().is_empty() {
            return Err(problem(entry, field, "is empty"));
        }
        for p in placeholders {
            if !s.contains(&format!("{{{p}}}")) {
                return Err(problem(entry, field, format!("must contain the placeholder {{{p}}}")));
            }
        }
    }
    Ok(())
}

fn check_source(c: &Content, entry: &str, field: &str, id: &str) -> Result<(), Problem> {
    if c.source(id).is_none() {
        return Err(problem(entry, field, format!("names source \"{id}\", which is not among the [[sources]]")));
    }
    Ok(())
}

/// The checks serde cannot make: order, references, ranges, required milestones.
fn validate(c: &Content) -> Result<(), Problem> {
    // Sources: unique ids, names present.
    for (i, s) in c.sources.iter().enumerate() {
        let entry = format!("sources[{i}] (id \"{}\")", s.id);
        if s.id.trim().is_empty() {
            return Err(problem(entry, "id", "is empty"));
        }
        if c.sources[..i].iter().any(|o| o.id == s.id) {
            return Err(problem(entry, "id", "is used by an earlier source too"));
        }
        check_text(&entry, "name", &s.name, &[])?;
    }

    // Events: unique ids, in date order, sourced, texts in every language.
    for (i, e) in c.events.iter().enumerate() {
        let entry = event_entry(i, e);
        if e.id.trim().is_empty() {
            return Err(problem(entry, "id", "is empty"));
        }
        if c.events[..i].iter().any(|o| o.id == e.id) {
            return Err(problem(entry, "id", "is used by an earlier event too"));
        }
        if i > 0 && e.date < c.events[i - 1].date {
            return Err(problem(
                entry,
                "date",
                format!("{} comes before the previous event's date ({}): events must be in date order", crate::format::iso_date(e.date), crate::format::iso_date(c.events[i - 1].date)),
            ));
        }
        check_text(&entry, "headline", &e.headline, &[])?;
        check_text(&entry, "body", &e.body, &[])?;
        if e.sources.is_empty() {
            return Err(problem(entry, "sources", "is empty: every event needs at least one source"));
        }
        for id in e.sources.iter() {
            check_source(c, &entry, "sources", id)?;
        }
        let required = MILESTONE_IDS.contains(&&*e.id);
        if e.milestone != required {
            let why = if required { "must be true: this is one of the four required milestones" } else { "must be false: only the four required milestones stand out" };
            return Err(problem(entry, "milestone", why));
        }
    }
    for id in MILESTONE_IDS {
        if !c.events.iter().any(|e| e.id == id) {
            return Err(problem(format!("events (id \"{id}\")"), "id", "is missing: it is one of the four required milestones"));
        }
    }

    // Calculator: ranges hold their defaults and stay inside the model's rules.
    let calc = &c.calculator;
    for f in Field::ALL {
        let (entry, s, limit) = (format!("calculator.sliders.{}", f.key()), calc.slider(f), f.unit().hard_max());
        let entry = entry.as_str();
        check_text(entry, "label", &s.label, &[])?;
        check_text(entry, "note", &s.note, &[])?;
        check_text(entry, "valuetext", &s.valuetext, &["value"])?;
        check_source(c, entry, "source", &s.source)?;
        for (field, step) in [("step", s.step), ("key_step", s.key_step), ("page_step", s.page_step)] {
            if step == 0 {
                return Err(problem(entry, field, "must be at least 1"));
            }
        }
        if s.min > s.max {
            return Err(problem(entry, "min", format!("{} is above max ({})", s.min, s.max)));
        }
        if s.max > limit {
            return Err(problem(entry, "max", format!("{} is above what the rules allow ({limit})", s.max)));
        }
        if s.default < s.min || s.default > s.max {
            return Err(problem(entry, "default", format!("{} is outside the range {}..={}", s.default, s.min, s.max)));
        }
        if (s.default - s.min) % s.step != 0 {
            return Err(problem(entry, "default", format!("{} cannot be reached from min {} in steps of {}", s.default, s.min, s.step)));
        }
        // Against the model's rules, from the defaults: the top of the range must still change
        // the figures, and where a rule stops counting right there (the 25% overtime cap), the
        // note must say so with the same number.
        let cost = |v: u32| compute(&c.defaults().with(f, v)).total();
        let step = s.step.min(s.max - s.min).max(1);
        if s.max > s.min && cost(s.max) == cost(s.max - step) {
            let mut top = s.max - step;
            while top >= s.min + step && cost(top - step) == cost(s.max) {
                top -= step;
            }
            let shown = crate::format::input_value(f.unit(), top, c.locale(Lang::En));
            return Err(problem(entry, "max", format!("{} is above what the model counts: its rules stop at {top} ({shown}), so the slider should stop there", s.max)));
        }
        if s.max < limit && cost(s.max) == cost(s.max.saturating_add(s.step)) {
            for lang in Lang::ALL {
                let shown = crate::format::input_value(f.unit(), s.max, c.locale(lang));
                if !s.note.get(lang).contains(&shown) {
                    return Err(problem(entry, format!("note.{}", lang.code()), format!("must name the limit the model's rules set at the top of the slider, {shown}")));
                }
            }
        }
    }
    for (entry, o) in [("calculator.awards", &calc.awards), ("calculator.equipment", &calc.equipment)] {
        check_text(entry, "label", &o.label, &[])?;
        check_text(entry, "note", &o.note, &[])?;
        check_source(c, entry, "source", &o.source)?;
    }
    for tier in crate::model::AwardTier::ALL {
        check_text(&format!("calculator.award_tiers.{}", tier.key()), "", calc.award_tier(tier), &[])?;
    }
    // Texts that state the model's own amounts must state the model's amounts.
    for lang in Lang::ALL {
        let loc = c.locale(lang);
        let code = lang.code();
        for tier in crate::model::AwardTier::ALL.into_iter().filter(|t| t.per_quarter_cents() > 0) {
            let amount = crate::format::dollars(tier.per_quarter_cents(), loc);
            if !calc.award_tier(tier).get(lang).contains(&amount) {
                return Err(problem(format!("calculator.award_tiers.{}", tier.key()), code, format!("must name this tier's amount, {amount}")));
            }
        }
        let equipment = crate::format::dollars(crate::model::EQUIPMENT_CENTS, loc);
        if !calc.equipment.note.get(lang).contains(&equipment) {
            return Err(problem("calculator.equipment", format!("note.{code}"), format!("must name the amount the model uses, {equipment}")));
        }
        let f = &calc.ice_funding;
        let yearly = crate::format::money(crate::model::per_year(f.total_dollars, f.years.max(1)), loc);
        if !f.note.get(lang).contains(&yearly) {
            return Err(problem("calculator.ice_funding", format!("note.{code}"), format!("must give the yearly figure the calculator uses, {yearly} (total_dollars / years)")));
        }
    }
    let rule = &calc.cap_rule;
    for (field, text) in [("label", &rule.label), ("note", &rule.note), ("dhs", &rule.dhs), ("reuters", &rule.reuters)] {
        check_text("calculator.cap_rule", field, text, &[])?;
    }
    if rule.sources.is_empty() {
        return Err(problem("calculator.cap_rule", "sources", "is empty: name the sources of both readings"));
    }
    for id in rule.sources.iter() {
        check_source(c, "calculator.cap_rule", "sources", id)?;
    }
    let f = &calc.ice_funding;
    check_source(c, "calculator.ice_funding", "source", &f.source)?;
    check_text("calculator.ice_funding", "note", &f.note, &[])?;
    if f.total_dollars == 0 {
        return Err(problem("calculator.ice_funding", "total_dollars", "must be above 0"));
    }
    if f.years == 0 {
        return Err(problem("calculator.ice_funding", "years", "must be at least 1"));
    }

    // Strings with placeholders the code fills in.
    let ui = &c.ui;
    check_text("ui", "gap", &ui.gap, &["years"])?;
    check_text("ui", "share", &ui.share, &["share", "funding"])?;
    check_text("ui", "status", &ui.status, &["total"])?;
    check_text("ui", "status_capped", &ui.status_capped, &["total"])?;
    check_text("ui", "assumes_max", &ui.assumes_max, &["overtime"])?;
    check_text("ui", "assumes", &ui.assumes, &["overtime"])?;
    check_text("ui", "awards_cut", &ui.awards_cut, &["cut"])?;
    check_text("ui", "estimate", &ui.estimate, &[])?;
    check_text("ui", "swing_heading", &ui.swing_heading, &[])?;
    check_text("ui", "swing_intro", &ui.swing_intro, &[])?;
    check_text("ui", "swing_values", &ui.swing_values, &["low", "high"])?;
    check_text("ui", "swing_range", &ui.swing_range, &["min", "max"])?;
    check_text("ui", "card_alt", &ui.card_alt, &["per_officer", "total", "assumptions"])?;
    // The card's assumptions name inputs by their keys ("{officers}"): each must be one.
    for lang in Lang::ALL {
        let s = ui.card_assumptions.get(lang);
        let field = format!("card_assumptions.{}", lang.code());
        let named: Vec<&str> = s.split('{').skip(1).filter_map(|p| p.split_once('}')).map(|(k, _)| k).collect();
        if named.is_empty() {
            return Err(problem("ui", field, format!("names no input: write each assumption the card shows as {{key}}, with an input's key (one of {})", Field::ALL.map(Field::key).join(", "))));
        }
        if let Some(k) = named.iter().find(|k| Field::from_key(k).is_none()) {
            return Err(problem("ui", field, format!("{{{k}}} is not an input's key (one of {})", Field::ALL.map(Field::key).join(", "))));
        }
        // The card's text is our estimate: it says every assumption the figures rest on.
        if let Some(f) = Field::ALL.into_iter().find(|f| !named.contains(&f.key())) {
            return Err(problem("ui", field, format!("does not name {{{}}}: the card states every assumption of its figures, each slider's too", f.key())));
        }
    }
    check_text("ui", "summary", &ui.summary, &["awards", "equipment", "rule"])?;

    for lang in Lang::ALL {
        let entry = format!("locale.{}", lang.code());
        let l = c.locale(lang);
        for (field, list) in [("months", &l.months), ("months_with_day", &l.months_with_day)] {
            if list.len() != 12 {
                return Err(problem(&entry, field, format!("needs 12 month names, found {}", list.len())));
            }
        }
        for (field, s, p) in [
            ("dollars", &l.dollars, "n"),
            ("millions", &l.millions, "n"),
            ("percent", &l.percent, "n"),
            ("share", &l.share, "n"),
            ("date_day", &l.date_day, "day"),
            ("date_month", &l.date_month, "month"),
        ] {
            if !s.contains(&format!("{{{p}}}")) {
                return Err(problem(&entry, field, format!("must contain the placeholder {{{p}}}")));
            }
        }
        if !l.billions.contains("{n}") && !l.billions.contains("{m}") {
            return Err(problem(&entry, "billions", "must contain the placeholder {n} (the sum in billions) or {m} (the same sum in millions)"));
        }
    }
    if let Some(a) = &c.agreements {
        validate_agreements(c, a)?;
    }
    Ok(())
}

/// `[agreements]`: its sources exist and its texts hold the placeholders the code fills in.
fn validate_agreements(c: &Content, a: &Agreements) -> Result<(), Problem> {
    let entry = "agreements";
    if a.file.trim().is_empty() {
        return Err(problem(entry, "file", "is empty: name ICE's file under assets/, as \"data/participatingAgencies07182025pm.xlsx\""));
    }
    check_source(c, entry, "source", &a.source)?;
    check_source(c, entry, "dhs_source", &a.dhs_source)?;
    if a.top_states == 0 {
        return Err(problem(entry, "top_states", "must be at least 1"));
    }
    let texts: &[(&str, &Text, &[&str])] = &[
        ("heading", &a.heading, &[]),
        ("intro", &a.intro, &["total", "date"]),
        ("growth_heading", &a.growth_heading, &[]),
        ("growth_summary", &a.growth_summary, &["before", "order", "total", "date"]),
        ("undated", &a.undated, &["undated"]),
        ("order_label", &a.order_label, &["order"]),
        ("dhs_label", &a.dhs_label, &["count"]),
        ("dhs_note", &a.dhs_note, &["count", "date"]),
        ("task_force", &a.task_force, &[]),
        ("jail_enforcement", &a.jail_enforcement, &[]),
        ("warrant_service", &a.warrant_service, &[]),
        ("growth_table", &a.growth_table, &[]),
        ("col_month", &a.col_month, &[]),
        ("col_all", &a.col_all, &[]),
        ("col_cumulative", &a.col_cumulative, &[]),
        ("row_before", &a.row_before, &["order"]),
        ("row_undated", &a.row_undated, &[]),
        ("partial_month", &a.partial_month, &["month", "date"]),
        ("partial_from", &a.partial_from, &["month", "date"]),
        ("states_heading", &a.states_heading, &[]),
        ("states_summary", &a.states_summary, &["states", "first", "first_count"]),
        ("other_states", &a.other_states, &["n"]),
        ("states_table", &a.states_table, &[]),
        ("col_state", &a.col_state, &[]),
        ("col_agreements", &a.col_agreements, &[]),
        ("listing_link", &a.listing_link, &[]),
        ("csv_link", &a.csv_link, &[]),
        ("listing_title", &a.listing_title, &["date"]),
        ("listing_intro", &a.listing_intro, &["total", "date"]),
        ("col_agency", &a.col_agency, &[]),
        ("col_type", &a.col_type, &[]),
        ("col_model", &a.col_model, &[]),
        ("col_signed", &a.col_signed, &[]),
        ("no_date", &a.no_date, &[]),
        ("back", &a.back, &[]),
    ];
    for &(field, text, placeholders) in texts {
        check_text(entry, field, text, placeholders)?;
    }
    Ok(())
}

impl TryFrom<String> for Date {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        let bad = || format!("\"{s}\" is not a date: write YYYY-MM-DD (\"2025-10-01\") or YYYY-MM (\"2012-12\")");
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) { p.parse::<u16>().ok() } else { None };
        let (year, month, day) = match parts.as_slice() {
            [y, m] => (num(y, 4).ok_or_else(bad)?, num(m, 2).ok_or_else(bad)?, 0),
            [y, m, d] => (num(y, 4).ok_or_else(bad)?, num(m, 2).ok_or_else(bad)?, num(d, 2).ok_or_else(bad)?),
            _ => return Err(bad()),
        };
        if !(1900..=2100).contains(&year) || !(1..=12).contains(&month) {
            return Err(bad());
        }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if parts.len() == 3 && !(1..=days).contains(&day) {
            return Err(format!("\"{s}\" has no such day: month {month} of {year} has {days} days"));
        }
        Ok(Date { year, month: month as u8, day: day as u8 })
    }
}

/// Texts may not be blank: a blank translation is a missing one.
/// A table with one entry per variant of a model enum, keyed by the variant's key, into an
/// array in the variants' order: the model's enum is the one list of inputs, lines and tiers,
/// and the content file only gives each its words. A missing or unknown key is an error that
/// names it and the keys there are.
fn by_key<'de, D, K, T, const N: usize>(d: D) -> Result<[T; N], D::Error>
where
    D: serde::Deserializer<'de>,
    K: strum::VariantArray + Copy + Into<&'static str>,
    T: serde::Deserialize<'de>,
{
    use serde::de::Error;
    let mut map = <std::collections::BTreeMap<String, T> as serde::Deserialize>::deserialize(d)?;
    let keys: Vec<&'static str> = K::VARIANTS.iter().map(|&k| k.into()).collect();
    let list = keys.iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(", ");
    if let Some(unknown) = map.keys().find(|k| !keys.contains(&k.as_str())) {
        return Err(D::Error::custom(format!("\"{unknown}\" is not one the model knows (it knows {list}; a new one is added in core/src/model.rs first)")));
    }
    if let Some(missing) = keys.iter().find(|k| !map.contains_key(**k)) {
        return Err(D::Error::custom(format!("\"{missing}\" is missing: the model needs an entry for each of {list}")));
    }
    let values: Vec<T> = keys.iter().filter_map(|k| map.remove(*k)).collect();
    values.try_into().map_err(|_| D::Error::custom(format!("needs {N} entries, {list}")))
}

pub(super) fn per_field<'de, D: serde::Deserializer<'de>>(d: D) -> Result<[Slider; Field::COUNT], D::Error> {
    by_key::<D, Field, Slider, { Field::COUNT }>(d)
}

pub(super) fn per_part<'de, D: serde::Deserializer<'de>>(d: D) -> Result<[Text; crate::model::Part::COUNT], D::Error> {
    by_key::<D, crate::model::Part, Text, { crate::model::Part::COUNT }>(d)
}

pub(super) fn per_tier<'de, D: serde::Deserializer<'de>>(d: D) -> Result<[Text; crate::model::AwardTier::COUNT], D::Error> {
    by_key::<D, crate::model::AwardTier, Text, { crate::model::AwardTier::COUNT }>(d)
}

pub(super) fn non_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Str, D::Error> {
    let s = <String as serde::Deserialize>::deserialize(d)?;
    if s.trim().is_empty() {
        return Err(serde::de::Error::custom("is empty: write the text, or the translation, here"));
    }
    Ok(Cow::Owned(s))
}

/// Writes a value as a Rust constant expression.
pub trait ToRust {
    fn to_rust(&self, out: &mut String);
}

impl ToRust for Str {
    fn to_rust(&self, out: &mut String) {
        // Debug formatting of a str is a valid Rust string literal.
        out.push_str(&format!("::std::borrow::Cow::Borrowed({:?})", &**self));
    }
}

impl<T: ToRust + Clone> ToRust for List<T> {
    fn to_rust(&self, out: &mut String) {
        out.push_str("::std::borrow::Cow::Borrowed(&[");
        for item in self.iter() {
            item.to_rust(out);
            out.push(',');
        }
        out.push_str("])");
    }
}

impl<T: ToRust, const N: usize> ToRust for [T; N] {
    fn to_rust(&self, out: &mut String) {
        out.push('[');
        for item in self {
            item.to_rust(out);
            out.push(',');
        }
        out.push(']');
    }
}

impl<T: ToRust> ToRust for Option<T> {
    fn to_rust(&self, out: &mut String) {
        match self {
            Some(v) => {
                out.push_str("Some(");
                v.to_rust(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

macro_rules! to_rust_display {
    ($($t:ty),*) => {$(
        impl ToRust for $t {
            fn to_rust(&self, out: &mut String) { out.push_str(&self.to_string()); }
        }
    )*};
}
to_rust_display!(bool, u8, u16, u32, u64);

impl ToRust for Date {
    fn to_rust(&self, out: &mut String) {
        out.push_str(&format!("::explainer_core::content::Date {{ year: {}, month: {}, day: {} }}", self.year, self.month, self.day));
    }
}

impl ToRust for Mark {
    fn to_rust(&self, out: &mut String) {
        out.push_str(&format!("::explainer_core::content::Mark::{self:?}"));
    }
}

/// The whole content as a Rust `static CONTENT`, for `include!`.
pub fn to_rust(c: &Content) -> String {
    let mut out = String::from("// Generated by build.rs from assets/content.toml. Edit that file, not this one.\n");
    out.push_str("pub static CONTENT: ::explainer_core::content::Content = ");
    let mut body = String::new();
    c.to_rust(&mut body);
    // `agreements` (the last field) exists only where the target is not wasm32: its value is
    // marked so, and the wasm's Content is exactly what it was without it.
    let mut tail = String::from("agreements: ");
    c.agreements.to_rust(&mut tail);
    tail.push_str(",}");
    let head = body.strip_suffix(&tail).expect("`agreements` is the last field of Content");
    out.push_str(head);
    out.push_str("#[cfg(not(target_arch = \"wasm32\"))] ");
    out.push_str(&tail);
    out.push_str(";\n");
    out
}

/// The content the browser's wasm carries: what the calculator island shows, nothing of what
/// only the static page does (the title, the timeline, the sources list, the loader's notes),
/// so those texts are not downloaded twice. Sources stay only where the calculator cites them.
/// A calculator text left out here would show as a change at the island's first render, which
/// the browser tests compare with the served markup in both languages.
pub fn for_island(c: &Content) -> Content {
    let none = || Text { en: Cow::Borrowed(""), es: Cow::Borrowed("") };
    let calc = &c.calculator;
    let cited: Vec<&str> = Field::ALL
        .iter()
        .map(|&f| &*calc.slider(f).source)
        .chain([&*calc.awards.source, &*calc.equipment.source, &*calc.ice_funding.source])
        .chain(calc.cap_rule.sources.iter().map(|s| &**s))
        .collect();
    let mut out = c.clone();
    let ui = &mut out.ui;
    for text in [
        &mut ui.title,
        &mut ui.dek,
        &mut ui.timeline_heading,
        &mut ui.milestone,
        &mut ui.gap,
        &mut ui.sources_heading,
        &mut ui.primary,
        &mut ui.language,
        &mut ui.lang_name,
        &mut ui.credit,
        &mut ui.card_alt,
        &mut ui.card_assumptions,
        &mut ui.loading_scenario,
        &mut ui.not_started,
        &mut ui.not_started_link,
    ] {
        *text = none();
    }
    out.events = Cow::Borrowed(&[]);
    out.derived = Cow::Borrowed(&[]);
    out.agreements = None;
    out.sources = Cow::Owned(c.sources.iter().filter(|s| cited.contains(&&*s.id)).cloned().collect());
    out
}
