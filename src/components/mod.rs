//! The view: one component per file, each with its `Props`.

mod agreements;
mod breakdown;
mod calculator;
mod controls;
mod event;
mod growth_chart;
mod growth_table;
mod lang_switch;
mod listing;
mod options;
mod results;
mod slider;
mod sources;
mod state_bars;
mod status;
mod swings;
mod timeline;

pub use agreements::{AgreementsSection, AgreementsSectionProps};
pub use breakdown::{BreakdownTable, StackedBar};
pub use calculator::Calculator;
pub use controls::Controls;
pub use event::TimelineEvent;
pub use growth_chart::GrowthChart;
pub use growth_table::GrowthTable;
pub use lang_switch::LangSwitch;
pub use listing::{Listing, ListingProps};
pub use options::Options;
pub use results::{Headline, Results};
pub use slider::Slider;
pub use sources::{Citation, Citations, Note, Sources};
pub use state_bars::StateBars;
pub use status::Status;
pub use swings::Swings;
pub use timeline::Timeline;
