//! The pure half of the explainer: no web types, tested natively with `cargo test`.
//!
//! - [`model`]: the DHS reimbursement rules and exact money (integer cents).
//! - [`format`]: numbers, money and dates the way a news desk writes them.
//! - [`url`]: a scenario in a link, read and written (pure: the browser glue is in the widget).
//! - [`embed`]: the publishing kit's embed snippets and share-card tags (escaped).
//! - [`agreements`]: ICE's list of 287(g) agreements, counted (read from ICE's file with `build`).
//! - [`content`]: the schema of `assets/content.toml`, the one file editors touch.
//!   With the `build` feature it also parses, validates and compiles that file into
//!   Rust (used by the widget's `build.rs`), so the wasm never parses content.

pub mod agreements;
pub mod content;
pub mod embed;
pub mod format;
pub mod model;
pub mod url;
