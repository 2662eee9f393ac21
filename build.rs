//! Compiles `assets/content.toml` into Rust (`$OUT_DIR/content.rs`) after validating it,
//! so the wasm carries the content as static data and no parser. A bad file stops the
//! build with a message naming the file, line, entry and field, and so does a number or
//! date that does not trace to the fact sheet (`docs/facts.md`).

fn main() {
    let path = "assets/content.toml";
    // The project's copy of shared/facts.md: every number and date in the content traces to it.
    let facts = "docs/facts.md";
    println!("cargo:rerun-if-changed={path}");
    println!("cargo:rerun-if-changed={facts}");
    println!("cargo:rerun-if-changed=build.rs");
    let fail = |what: &str, e: &dyn std::fmt::Display| -> ! {
        eprintln!("\nerror: {what}\n  {e}\n");
        std::process::exit(1);
    };
    // Each file read and parsed once: the checks below and the generated code share them.
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_else(|e| fail(&format!("cannot read {p}."), &e));
    let (text, facts_text) = (read(path), read(facts));
    let content = explainer_core::content::parse(&text, path).unwrap_or_else(|e| fail("the content file cannot be used.", &e));
    if let Err(e) = explainer_core::content::trace(&content, &text, path, &facts_text, facts) {
        fail("the content file states something the fact sheet does not.", &e);
    }
    // The browser's wasm renders only the calculator: it carries only the calculator's texts
    // (`for_island`). Native builds (the prerender, the tests) get the whole content.
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let content = if wasm { explainer_core::content::for_island(&content) } else { content };
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("content.rs");
    std::fs::write(&out, explainer_core::content::to_rust(&content)).expect("write generated content");
}
