//! The view: one component per file, each with its `Props`.

mod breakdown;
mod calculator;
mod controls;
mod event;
mod lang_switch;
mod options;
mod results;
mod slider;
mod sources;
mod status;
mod swings;
mod timeline;

pub use breakdown::{BreakdownTable, StackedBar};
pub use calculator::Calculator;
pub use controls::Controls;
pub use event::TimelineEvent;
pub use lang_switch::LangSwitch;
pub use options::Options;
pub use results::{Headline, Results};
pub use slider::Slider;
pub use sources::{Citation, Citations, Note, Sources};
pub use status::Status;
pub use swings::Swings;
pub use timeline::Timeline;
