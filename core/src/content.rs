//! The schema of `assets/content.toml`: every event, source, label, default and
//! range the widget shows. Types are `'static`-friendly (`Cow`) so that `build.rs`
//! can compile the validated file into a Rust `static`: the wasm parses nothing.

use std::borrow::Cow;

use strum::EnumCount;

use crate::model::{AwardTier, Bounds, CapRule, Field, Inputs, Limits, Part};

#[cfg(feature = "build")]
mod build;
#[cfg(feature = "build")]
mod trace;
#[cfg(feature = "build")]
pub use build::{for_island, load, parse, to_rust, trace, ContentError};

pub type Str = Cow<'static, str>;
pub type List<T> = Cow<'static, [T]>;

/// The ids of the four milestones the explainer must show (the mission's required dates).
pub const MILESTONE_IDS: [&str; 4] = ["task-force-ends", "task-force-returns", "ice-funding-law", "reimbursements-start"];

/// Defines a content struct once: the struct (deserializable with `build`) and its Rust code generator.
macro_rules! content_struct {
    ($(#[$m:meta])* pub struct $name:ident { $($(#[$fm:meta])* pub $field:ident : $ty:ty,)* }) => {
        $(#[$m])*
        #[derive(Clone, Debug, PartialEq)]
        #[cfg_attr(feature = "build", derive(serde::Deserialize), serde(deny_unknown_fields))]
        pub struct $name { $($(#[$fm])* pub $field: $ty,)* }

        #[cfg(feature = "build")]
        impl build::ToRust for $name {
            fn to_rust(&self, out: &mut String) {
                out.push_str(concat!("::explainer_core::content::", stringify!($name), " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    build::ToRust::to_rust(&self.$field, out);
                    out.push_str(",");
                )*
                out.push('}');
            }
        }
    };
}

/// A language the widget speaks. Its code is its name in lower case (read in any case).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, strum::VariantArray, strum::EnumCount, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; <Lang as strum::EnumCount>::COUNT] = crate::all();

    /// BCP 47 tag, for `<html lang>` and URLs.
    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        code.parse().ok()
    }
}

content_struct! {
    /// A text in every language the widget speaks.
    pub struct Text {
        #[cfg_attr(feature = "build", serde(deserialize_with = "build::non_empty"))]
        pub en: Str,
        #[cfg_attr(feature = "build", serde(deserialize_with = "build::non_empty"))]
        pub es: Str,
    }
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
        }
    }
}

/// A calendar date; `day == 0` when only the month is known ("December 2012").
/// Written in the content file as "2012-09-18" or "2012-12".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "build", derive(serde::Deserialize), serde(try_from = "String"))]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Whole years from `self` to `later` (a month-only date counts from the month's first day).
    pub fn years_to(self, later: Date) -> u16 {
        let earlier_in_year = (later.month, later.day.max(1)) < (self.month, self.day.max(1));
        later.year.saturating_sub(self.year).saturating_sub(earlier_in_year as u16)
    }
}

/// How sure the fact sheet is of a source (facts.md's marks).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "build", derive(serde::Deserialize), serde(rename_all = "lowercase"))]
pub enum Mark {
    /// Read in the original document.
    Primary,
    /// Read in a report quoting it: the widget says "reported" or "about".
    Secondary,
}

content_struct! {
    /// Number and date conventions and their words, for one language.
    pub struct Locale {
        pub thousands: Str,
        pub decimal: Str,
        /// "${n}"
        pub dollars: Str,
        /// "${n} billion"; or "${m} millones", the same sum written in millions ("$1,190
        /// millones" for $1.19 billion), as U.S. Spanish-language newsrooms write it.
        pub billions: Str,
        pub millions: Str,
        /// "{n}%"
        pub percent: Str,
        /// A share as it reads in "equal to {share}": "{n}%" (Spanish: "al {n}%").
        pub share: Str,
        /// The same for a share that rounds to zero: "less than 0.1%".
        pub less_than_tenth: Str,
        /// Month names used alone or with a year ("December 2012").
        pub months: List<Str>,
        /// Month names used with a day (AP: "Sept. 18").
        pub months_with_day: List<Str>,
        /// "{month} {day}, {year}"
        pub date_day: Str,
        /// "{month} {year}"
        pub date_month: Str,
    }
}

content_struct! {
    pub struct Locales {
        pub en: Locale,
        pub es: Locale,
    }
}

content_struct! {
    /// A document the widget cites.
    pub struct Source {
        pub id: Str,
        /// Publisher and title, as cited on screen.
        pub name: Text,
        /// A link, only where the fact sheet gives one (or its identifier determines it).
        pub url: Option<Str>,
        pub mark: Mark,
    }
}

content_struct! {
    /// One dated event on the timeline.
    pub struct Event {
        pub id: Str,
        pub date: Date,
        /// One of the four required milestones (they stand out); the rest is context.
        pub milestone: bool,
        pub headline: Text,
        pub body: Text,
        /// Ids of `[[sources]]` entries; at least one.
        pub sources: List<Str>,
    }
}

content_struct! {
    /// One slider: what it is called, where its default comes from, and its range.
    pub struct Slider {
        pub label: Text,
        /// Shown under the slider: the default's source, or that it is an assumption.
        pub note: Text,
        /// Spoken value: "{value} a year".
        pub valuetext: Text,
        pub source: Str,
        pub min: u32,
        pub max: u32,
        /// Pointer granularity (the input's `step`).
        pub step: u32,
        /// What an arrow key moves; PageUp/PageDown move `page_step`; Home/End go to the ends.
        pub key_step: u32,
        pub page_step: u32,
        pub default: u32,
    }
}

content_struct! {
    /// A rule from the DHS release the reader can switch on.
    pub struct Extra {
        pub label: Text,
        pub note: Text,
        pub source: Str,
    }
}

content_struct! {
    /// The choice between the two readings of the 25% rule (the sources differ).
    pub struct RuleChoice {
        pub label: Text,
        /// Why there is a choice: what each source says.
        pub note: Text,
        /// The option for [`CapRule::Dhs`] (the default), naming its source.
        pub dhs: Text,
        /// The option for [`CapRule::Reuters`], naming its source.
        pub reuters: Text,
        /// Ids of `[[sources]]` entries, cited under the choice.
        pub sources: List<Str>,
    }
}

impl Calculator {
    /// The content of one slider (the file's `[calculator.sliders.{key}]`).
    pub fn slider(&self, field: Field) -> &Slider {
        &self.sliders[field as usize]
    }

    /// The label of one award tier (the file's `[calculator.award_tiers."{key}"]`).
    pub fn award_tier(&self, tier: AwardTier) -> &Text {
        &self.award_tiers[tier as usize]
    }
}

impl Ui {
    /// The breakdown table's label for one line (`rows.{key}`).
    pub fn row(&self, part: Part) -> &Text {
        &self.rows[part as usize]
    }
}

impl RuleChoice {
    pub fn option(&self, rule: CapRule) -> &Text {
        match rule {
            CapRule::Dhs => &self.dhs,
            CapRule::Reuters => &self.reuters,
        }
    }
}

content_struct! {
    /// A number the texts state that the fact sheet does not, worked out from numbers it does
    /// have. The content check accepts it only with a formula that gives it.
    pub struct Derived {
        /// The number as the texts write it, without separators or units: "18.75".
        pub value: Str,
        /// Two numbers from the fact sheet and one of + - * /: "75 / 4".
        pub formula: Str,
        /// In words, for the next editor.
        pub why: Str,
    }
}

content_struct! {
    pub struct Funding {
        /// "$75 billion over about four years"
        pub total_dollars: u64,
        pub years: u32,
        pub note: Text,
        pub source: Str,
    }
}

content_struct! {
    pub struct Calculator {
        /// One slider per input of the model ([`Field`], in its order), written in the file as
        /// `[calculator.sliders.{key}]`; values in the input's unit (officers, whole dollars a
        /// year, basis points of salary: 6270 = 62.7%).
        #[cfg_attr(feature = "build", serde(deserialize_with = "build::per_field"))]
        pub sliders: [Slider; Field::COUNT],
        pub awards: Extra,
        /// A label per award tier ([`AwardTier`]), keyed by the tier's key (its dollars a quarter).
        #[cfg_attr(feature = "build", serde(deserialize_with = "build::per_tier"))]
        pub award_tiers: [Text; AwardTier::COUNT],
        /// How the 25% cap applies: DHS's reading or Reuters'.
        pub cap_rule: RuleChoice,
        pub equipment: Extra,
        pub ice_funding: Funding,
    }
}

content_struct! {
    /// Every other string on screen.
    pub struct Ui {
        pub title: Text,
        pub dek: Text,
        pub timeline_heading: Text,
        pub milestone: Text,
        /// "{years} years later"
        pub gap: Text,
        pub source: Text,
        pub calculator_heading: Text,
        pub calculator_intro: Text,
        /// Above the two figures (which stay pinned on a phone): they are our estimate.
        pub estimate: Text,
        pub per_officer_heading: Text,
        pub total_heading: Text,
        /// "{share} of ICE's new funding, about {funding} a year"
        pub share: Text,
        pub breakdown_caption: Text,
        /// Above the swings: what they show ("What moves the total").
        pub swing_heading: Text,
        pub swing_intro: Text,
        /// One slider's range of totals: "{low} to {high}".
        pub swing_values: Text,
        /// The slider's range beside its label: "{min} to {max}".
        pub swing_range: Text,
        pub col_part: Text,
        pub col_per_officer: Text,
        pub col_all: Text,
        /// The breakdown's label of each line ([`Part`]), keyed by its key: `rows.salary`.
        #[cfg_attr(feature = "build", serde(deserialize_with = "build::per_part"))]
        pub rows: [Text; Part::COUNT],
        pub row_total: Text,
        /// "Total: {total} a year", spoken once the reader pauses.
        pub status: Text,
        /// The same when Reuters' reading of the 25% cap lowers the total.
        pub status_capped: Text,
        /// Next to the total when overtime is at the 25% maximum ("{overtime}").
        pub assumes_max: Text,
        /// Next to the total otherwise ("{overtime}").
        pub assumes: Text,
        /// Under the breakdown when the cap cuts the awards ("{cut}").
        pub awards_cut: Text,
        /// The options in force, for print: "{awards}", "{equipment}", "{rule}".
        pub summary: Text,
        pub counted: Text,
        pub not_counted: Text,
        /// The disclosure that folds a control's note ("Source and details").
        pub more: Text,
        pub reset: Text,
        pub sources_heading: Text,
        pub primary: Text,
        pub secondary: Text,
        pub language: Text,
        /// Each language's own name for itself ("English", "Español").
        pub lang_name: Text,
        pub copy_link: Text,
        pub copied: Text,
        /// The label of the field that shows the link when it could not be copied.
        pub link_label: Text,
        /// Under that field: it could not be copied automatically.
        pub copy_failed: Text,
        pub credit: Text,
        /// The share card's image text (og:image:alt): "{per_officer}", "{total}", "{assumptions}".
        pub card_alt: Text,
        /// What the card's figures assume, naming inputs by key: "{officers} officers, …".
        pub card_assumptions: Text,
        /// The loader's note while a shared link's scenario is not on screen yet.
        pub loading_scenario: Text,
        /// The loader's note when the calculator could not start (figures are the defaults).
        pub not_started: Text,
        /// The same, when the link asked for a scenario that is therefore not shown.
        pub not_started_link: Text,
    }
}

content_struct! {
    /// The whole content file.
    pub struct Content {
        pub ui: Ui,
        pub locale: Locales,
        pub events: List<Event>,
        pub sources: List<Source>,
        pub calculator: Calculator,
        /// Numbers worked out from the fact sheet's (checked against it at build time).
        #[cfg_attr(feature = "build", serde(default))]
        pub derived: List<Derived>,
        /// ICE's list of agreements, charted: the static page's only, so the wasm's Content has
        /// no such field (not even an empty one: the calculator's code must not grow). It must
        /// stay the last field (`build::to_rust`).
        #[cfg(not(target_arch = "wasm32"))]
        #[cfg_attr(feature = "build", serde(default))]
        pub agreements: Option<Agreements>,
    }
}

impl Content {
    pub fn locale(&self, lang: Lang) -> &Locale {
        match lang {
            Lang::En => &self.locale.en,
            Lang::Es => &self.locale.es,
        }
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn limits(&self) -> Limits {
        Limits(Field::ALL.map(|f| {
            let s = self.calculator.slider(f);
            Bounds { min: s.min, max: s.max, step: s.step }
        }))
    }

    /// The calculator's starting point (awards and equipment off: they are extras).
    pub fn defaults(&self) -> Inputs {
        Inputs { values: Field::ALL.map(|f| self.calculator.slider(f).default), ..Inputs::default() }
    }
}

// After everything the wasm uses, so the calculator's code (panic locations) is as before.
content_struct! {
    /// The section on ICE's list of 287(g) agreements (`[agreements]`): which file, the dates
    /// and DHS's count it is set beside, and its words. Its numbers come from the list.
    pub struct Agreements {
        /// ICE's file as published, under `assets/`: "data/participatingAgencies07182025pm.xlsx".
        pub file: Str,
        /// The list's date, only for a file whose name carries none (ICE's names do).
        pub as_of: Option<Date>,
        /// The `[[sources]]` entry of ICE's list; its name may hold `{date}`, the list's date.
        pub source: Str,
        /// The order the chart marks (Jan. 20, 2025).
        pub order_on: Date,
        /// DHS's own count of agreements, another source and a later date than the list.
        pub dhs_count: u32,
        pub dhs_counted_on: Date,
        pub dhs_source: Str,
        /// How many states the ranked bars show (the table has them all).
        pub top_states: u32,
        pub heading: Text,
        /// "{total}", "{date}", "{agencies}", "{states}"
        pub intro: Text,
        pub growth_heading: Text,
        /// "{before}", "{order}", "{task_force}", "{first_task_force}", "{total}", "{date}"
        pub growth_summary: Text,
        /// "{undated}": how agreements with no readable date are counted.
        pub undated: Text,
        /// On the chart: "{order}".
        pub order_label: Text,
        /// On the chart: "{count}", "{date}".
        pub dhs_label: Text,
        /// Under the chart: DHS's count is not a point of ICE's list ("{count}", "{date}").
        pub dhs_note: Text,
        pub task_force: Text,
        pub jail_enforcement: Text,
        pub warrant_service: Text,
        /// The disclosure of the growth chart's table.
        pub growth_table: Text,
        pub col_month: Text,
        pub col_all: Text,
        pub col_cumulative: Text,
        /// "Signed before {order}"
        pub row_before: Text,
        pub row_undated: Text,
        /// "{month} (to {date})": the list's last, partial month.
        pub partial_month: Text,
        /// "{month} (from {date})": the order's month, from the order on.
        pub partial_from: Text,
        pub states_heading: Text,
        /// "{states}", "{first}", "{first_count}", "{second}", "{second_count}"
        pub states_summary: Text,
        /// "{n}": the states left out of the bars.
        pub other_states: Text,
        pub states_table: Text,
        pub col_state: Text,
        pub col_agreements: Text,
        pub listing_link: Text,
        pub csv_link: Text,
        /// The listing page's title and intro ("{date}", "{total}").
        pub listing_title: Text,
        pub listing_intro: Text,
        pub col_agency: Text,
        pub col_type: Text,
        pub col_model: Text,
        pub col_signed: Text,
        pub no_date: Text,
        pub back: Text,
    }
}

/// The real content file, parsed at test time (the widget itself gets it compiled in).
#[cfg(all(test, feature = "build"))]
#[allow(non_snake_case)]
pub fn CONTENT_FOR_TESTS() -> &'static Content {
    static C: std::sync::OnceLock<Content> = std::sync::OnceLock::new();
    C.get_or_init(|| load(concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/content.toml")).unwrap_or_else(|e| panic!("{e}")))
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn years_between_dates() {
        let d = |year, month, day| Date { year, month, day };
        assert_eq!(d(2012, 12, 0).years_to(d(2025, 1, 20)), 12);
        assert_eq!(d(2012, 9, 18).years_to(d(2012, 12, 0)), 0);
        assert_eq!(d(2025, 1, 20).years_to(d(2026, 1, 20)), 1);
        assert_eq!(d(2025, 1, 21).years_to(d(2026, 1, 20)), 0);
        assert_eq!(d(2026, 1, 1).years_to(d(2025, 1, 1)), 0, "never negative");
    }
}
