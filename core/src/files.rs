//! The files a build writes for readers, by language: each name is written here only. The
//! prerender writes the pages and one-file builds (Trunk builds the default language's page,
//! which the prerender fills in place), the publishing kit the embed pages and fallback images;
//! the widget, the embed codes and the size check link to or read them by these names.
//! `build/fallback.mjs` gets them from the build. The browser tests spell them out again on
//! purpose: these are the addresses newsrooms' embed codes already point to, so a rename must
//! fail those tests, not follow silently.

use crate::content::Lang;

/// One language's files, side by side in the build's folder (relative URLs).
#[derive(Debug, PartialEq, Eq)]
pub struct Files {
    /// The prerendered page.
    pub page: &'static str,
    /// The one-file build: everything inlined, for `file://` or an iframe's `srcdoc`.
    pub standalone: &'static str,
    /// The publishing kit's embed page.
    pub embed: &'static str,
    /// The fallback image and share card.
    pub fallback: &'static str,
    /// The listing of every agreement in ICE's list (a static page).
    pub listing: &'static str,
}

/// ICE's list, cleaned, as CSV (one file for both languages), linked from the listing pages.
pub const AGREEMENTS_CSV: &str = "agreements.csv";

impl Files {
    pub const fn of(lang: Lang) -> &'static Files {
        match lang {
            Lang::En => &Files {
                page: "index.html",
                standalone: "explainer-standalone.html",
                embed: "embed.html",
                fallback: "fallback.png",
                listing: "agreements.html",
            },
            Lang::Es => &Files {
                page: "index.es.html",
                standalone: "explainer-standalone.es.html",
                embed: "embed.es.html",
                fallback: "fallback.es.png",
                listing: "agreements.es.html",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_name_is_distinct() {
        let mut names: Vec<&str> = Lang::ALL.iter().flat_map(|&l| {
            let f = Files::of(l);
            [f.page, f.standalone, f.embed, f.fallback, f.listing]
        }).chain([AGREEMENTS_CSV]).collect();
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n, "two files share a name");
        assert_eq!(Files::of(Lang::default()).page, "index.html", "a host serves the default language's page for the folder");
    }
}
