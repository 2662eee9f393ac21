//! Fills the page Trunk built with the prerendered widget, in every language, and writes each
//! language's one-file build beside it, and ICE's list of agreements (a page per language and a
//! CSV). Run by Trunk's post_build hook; reads
//! `$TRUNK_STAGING_DIR/index.html`, or the folder given as the first argument.

use explainer::prerender;
use explainer_core::content::Lang;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .unwrap_or_else(|| die("usage: prerender DIST_DIR (or set TRUNK_STAGING_DIR)"));
    let dir = std::path::Path::new(&dir);
    // Trunk builds the default language's page; each language's page is made from it.
    let index = dir.join(explainer::edge::prerender_file(Lang::default()));
    let template = std::fs::read_to_string(&index).unwrap_or_else(|e| die(&format!("cannot read {}: {e}", index.display())));
    for lang in Lang::ALL {
        let page = prerender::page(&template, lang).unwrap_or_else(|e| die(&format!("{}: {e}", index.display())));
        let out = dir.join(explainer::edge::prerender_file(lang));
        std::fs::write(&out, &page).unwrap_or_else(|e| die(&format!("cannot write {}: {e}", out.display())));
        eprintln!("prerender: wrote {}", out.display());
        let read = |name: &str| std::fs::read(dir.join(name.trim_start_matches("./"))).map_err(|e| format!("{name}: {e}"));
        let one = prerender::standalone(&page, read).unwrap_or_else(|e| die(&format!("{}: one-file build: {e}", out.display())));
        let file = dir.join(prerender::standalone_file(lang));
        std::fs::write(&file, one).unwrap_or_else(|e| die(&format!("cannot write {}: {e}", file.display())));
        eprintln!("prerender: wrote {} (opens from disk)", file.display());
        // ICE's list of agreements: every agreement, on a page of its own (no script).
        if explainer::agreements::LIST.is_some() {
            let out = dir.join(explainer_core::files::Files::of(lang).listing);
            let listing = prerender::listing(&template, lang).unwrap_or_else(|e| die(&format!("{}: listing: {e}", index.display())));
            std::fs::write(&out, listing).unwrap_or_else(|e| die(&format!("cannot write {}: {e}", out.display())));
            eprintln!("prerender: wrote {}", out.display());
        }
    }
    if let Some(list) = explainer::agreements::LIST.as_ref() {
        let out = dir.join(explainer_core::files::AGREEMENTS_CSV);
        std::fs::write(&out, prerender::csv(list).unwrap_or_else(|e| die(&format!("CSV: {e}")))).unwrap_or_else(|e| die(&format!("cannot write {}: {e}", out.display())));
        eprintln!("prerender: wrote {}", out.display());
    }
}

fn die(msg: &str) -> ! {
    eprintln!("prerender: {msg}");
    std::process::exit(1);
}
