//! The pure half of the explainer: no web types, tested natively with `cargo test`.
//!
//! - [`model`]: the DHS reimbursement rules and exact money (integer cents).
//! - [`format`]: numbers, money and dates the way a news desk writes them.
//! - [`url`]: a scenario in a link, read and written (pure: the browser glue is in the widget).
//! - [`embed`]: the publishing kit's embed snippets and share-card tags (escaped).
//! - [`files`]: the name of each file a build writes for readers, by language.
//! - [`html`]: the one HTML escaper (the build, the publishing kit).
//! - [`agreements`]: ICE's list of 287(g) agreements, counted (read from ICE's file with `build`).
//! - [`content`]: the schema of `assets/content.toml`, the one file editors touch.
//!   With the `build` feature it also parses, validates and compiles that file into
//!   Rust (used by the widget's `build.rs`), so the wasm never parses content.

pub mod agreements;
pub mod content;
pub mod embed;
pub mod files;
pub mod format;
pub mod html;
pub mod model;
pub mod url;

/// An enum's variants as an array, in the order they are written (strum's `VariantArray` gives
/// a slice; callers `map` the array): `pub const ALL: [T; T::COUNT] = crate::all();`, so no
/// list of variants is written by hand.
pub(crate) const fn all<T: strum::VariantArray + Copy, const N: usize>() -> [T; N] {
    assert!(T::VARIANTS.len() == N, "ALL's length is the number of variants");
    let mut out = [T::VARIANTS[0]; N];
    let mut i = 1;
    while i < N {
        out[i] = T::VARIANTS[i];
        i += 1;
    }
    out
}
