//! The project's commands. Each installs what is missing first (and is quick when nothing is):
//!
//!   cargo xtask serve   build the widget and serve it on http://127.0.0.1:8080/
//!   cargo xtask test    every test: native (cargo test) and end-to-end (headless Chromium;
//!                       the reader's core flows also in Firefox ESR and WebKitGTK)
//!   cargo xtask build   the release build in dist/, with sizes
//!   cargo xtask bench   against TimelineJS in throttled Chromium; writes BENCHMARKS.md
//!   cargo xtask soak [N]  N cold loads of shared links (default 500); writes BENCHMARKS.md "Soak"
//!
//! Tools: the wasm32 target, trunk 0.21.14, wasm-bindgen-cli equal to the locked
//! wasm-bindgen, binaryen's wasm-opt and the packages of the build steps and the browser tests
//! from npm (package.json), and Debian's chromium + chromium-driver, firefox-esr,
//! webkit2gtk-driver and xvfb. Trunk always runs offline: it only uses tools on PATH.

mod publish;
mod sizes;
mod tools;

use std::env;
use std::path::{Path, PathBuf};
use std::process::{exit, Command};

use tools::ensure_tools;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the repo").to_path_buf();
    env::set_current_dir(&root).expect("cd to the repository");
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&root, &args[1..]),
        Some("test") => test(&root),
        // The build takes the fallback images with Chromium.
        Some("build") => ensure_tools(&root, true).and_then(|_| build(&root)).map(|_| ()),
        Some("bench") => bench(&root),
        Some("soak") => soak(&root, args.get(1).map(String::as_str)),
        _ => {
            eprintln!("usage: cargo xtask serve [PORT] | test | build | bench | soak [N]");
            exit(2);
        }
    };
    if let Err(e) = result {
        eprintln!("\nxtask: {e}");
        exit(1);
    }
}

pub type Result<T = ()> = std::result::Result<T, String>;

pub fn run(cmd: &mut Command) -> Result {
    eprintln!("+ {cmd:?}");
    let status = cmd.status().map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{:?} failed ({status})", cmd.get_program()))
    }
}

pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The release build in dist/ (prerendered, with the one-file builds, by Trunk's post_build
/// hook), with precompressed `.gz` and `.br` copies for static hosts. Returns the sizes.
fn build(root: &Path) -> Result<sizes::Sizes> {
    run(Command::new("trunk").args(["build", "--release", "--offline"]))?;
    let dist = root.join("dist");
    publish::publish(root, &dist)?;
    sizes::gzip_all(&dist)?;
    run(Command::new("node").arg(root.join("build/precompress.mjs")).arg(&dist))?;
    let s = sizes::measure(&dist)?;
    eprintln!(
        "dist: the page loads {} files, {} bytes gzip ({} brotli); the calculator's code (when reached) {} bytes gzip ({} brotli; wasm {} bytes, {} gzip); a one-file build at most {} bytes gzip; a listing page of ICE's agreements at most {} bytes gzip",
        s.page_files, s.page_gzip, s.page_brotli, s.code_gzip, s.code_brotli, s.wasm_raw, s.wasm_gzip, s.standalone_gzip, s.listing_gzip
    );
    Ok(s)
}

fn serve(root: &Path, args: &[String]) -> Result {
    ensure_tools(root, false)?;
    // Trunk refuses to start watching if a path in Trunk.toml's `[watch] ignore` list is
    // missing, and `target/` is, on a fresh clone with CARGO_TARGET_DIR set elsewhere, until
    // the first pre_build hook writes `target/web/` (which the ignore entry is for).
    std::fs::create_dir_all(root.join("target/web")).map_err(|e| format!("cannot create target/web: {e}"))?;
    let port = args.first().cloned().unwrap_or_else(|| "8080".into());
    let es = explainer_core::files::Files::of(explainer_core::content::Lang::Es).page;
    eprintln!("\nThe widget: http://127.0.0.1:{port}/  (Spanish: http://127.0.0.1:{port}/{es})\n");
    run(Command::new("trunk").args(["serve", "--release", "--offline", "--address", "127.0.0.1", "--port", &port]))
}

/// Side by side with TimelineJS in throttled Chromium; writes BENCHMARKS.md (not part of `test`).
fn bench(root: &Path) -> Result {
    ensure_tools(root, true)?;
    let sizes = build(root)?;
    // The page's size goal is judged on the build's files, as the budget is.
    run(Command::new("node").arg(root.join("e2e/bench.mjs")).env("DIST", root.join("dist")).env("BUILD_PAGE_GZIP", sizes.page_gzip.to_string()))
}

/// N cold loads of shared links in fresh browser contexts, each of which must start within the
/// loader's watchdog time; prints every stall with its recorded start steps (not part of `test`).
fn soak(root: &Path, loads: Option<&str>) -> Result {
    let loads = loads.unwrap_or("500");
    if loads.parse::<u32>().map_or(true, |n| n == 0) {
        return Err(format!("soak: N must be a positive whole number, not {loads:?}"));
    }
    ensure_tools(root, true)?;
    run(Command::new("cargo").args(["build", "--quiet", "--bin", "figures"]))?;
    build(root)?;
    run(Command::new("node").arg(root.join("e2e/soak.mjs")).arg(loads).env("DIST", root.join("dist")))
}

fn test(root: &Path) -> Result {
    ensure_tools(root, true)?;
    run(Command::new("cargo").args(["test", "--workspace", "--all-features"]))?;
    // The model as the browser tests' oracle (target/debug/figures).
    run(Command::new("cargo").args(["build", "--quiet", "--bin", "figures"]))?;
    build(root)?.check()?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("e2e"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    run(Command::new("node").arg("--test").arg("--test-concurrency=1").args(&files).env("DIST", root.join("dist")))
}
