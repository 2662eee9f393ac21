//! The tools the commands need, installed when missing (and quick when nothing is): the wasm32
//! target, trunk, wasm-bindgen-cli equal to the locked wasm-bindgen, the npm packages (package.json:
//! esbuild, wasm-opt, playwright-core, puppeteer-core, selenium-webdriver, terser, ...), and the browsers
//! from Debian: chromium + chromium-driver, firefox-esr, webkit2gtk-driver (WebKitWebDriver and
//! its MiniBrowser) and xvfb (the display WebKit needs; the WebKit tests start it themselves).
//! Trunk always runs offline: it only uses tools on PATH.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{output, run, Result};

const TRUNK_VERSION: &str = "0.21.14";
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Cargo's and npm's tool folders first, so the tools installed here are the ones found.
pub fn tool_path(root: &Path) {
    let mut paths = vec![root.join("node_modules/.bin")];
    if let Some(home) = env::var_os("CARGO_HOME").map(PathBuf::from).or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo"))) {
        paths.push(home.join("bin"));
    }
    paths.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
    env::set_var("PATH", env::join_paths(paths).expect("PATH"));
    // Trunk must never try to download a tool.
    env::set_var("TRUNK_OFFLINE", "true");
}

/// The wasm-bindgen the workspace resolves to (Cargo.lock, as `cargo metadata` reads it): the
/// CLI must equal it exactly, so there must be one.
fn locked_wasm_bindgen(root: &Path) -> Result<String> {
    let meta = cargo_metadata::MetadataCommand::new().current_dir(root).exec().map_err(|e| format!("cargo metadata: {e}"))?;
    let mut versions: Vec<String> = meta.packages.iter().filter(|p| p.name.as_str() == "wasm-bindgen").map(|p| p.version.to_string()).collect();
    versions.sort();
    versions.dedup();
    match &versions[..] {
        [one] => Ok(one.clone()),
        [] => Err("the workspace depends on no wasm-bindgen".into()),
        more => Err(format!("the workspace resolves wasm-bindgen to {} versions ({}): the wasm-bindgen CLI can match only one", more.len(), more.join(", "))),
    }
}

pub fn ensure_tools(root: &Path, browser: bool) -> Result {
    tool_path(root);
    let targets = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets.lines().any(|t| t.trim() == "wasm32-unknown-unknown") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if !output("trunk", &["--version"]).is_some_and(|v| v.trim() == format!("trunk {TRUNK_VERSION}")) {
        // ~6 minutes on 2 cores, once.
        run(Command::new("cargo").args(["install", "--locked", &format!("trunk@{TRUNK_VERSION}")]))?;
    }
    let wb = locked_wasm_bindgen(root)?;
    if !output("wasm-bindgen", &["--version"]).is_some_and(|v| v.split_whitespace().nth(1) == Some(wb.as_str())) {
        // Not --locked: its lock file names a crate the registry mirror lacks.
        run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &format!("={wb}")]))?;
    }
    npm_install(root)?;
    if !output("wasm-opt", &["--version"]).is_some_and(|v| v.contains("version 132")) {
        return Err("wasm-opt 132 (npm binaryen@132.0.0) is not on PATH after npm ci".into());
    }
    if browser {
        ensure_browsers()?;
    }
    Ok(())
}

/// npm packages (esbuild, wasm-opt, playwright-core, ...) from package-lock.json, when it
/// changed: one package for the build steps (build/) and the browser tests (e2e/).
fn npm_install(root: &Path) -> Result {
    // The packages were in e2e/ until issue 26: an old copy there would shadow these for
    // e2e/*.mjs (node looks beside a script first).
    let old = root.join("e2e/node_modules");
    if old.exists() {
        eprintln!("removing e2e/node_modules: the npm packages are at the top now (package.json)");
        std::fs::remove_dir_all(&old).map_err(|e| format!("{}: {e}", old.display()))?;
    }
    let stamp = root.join("node_modules/.package-lock.json");
    let fresh = |p: &Path| p.metadata().and_then(|m| m.modified()).ok();
    if fresh(&stamp).is_some_and(|s| fresh(&root.join("package-lock.json")).is_some_and(|l| s >= l)) {
        return Ok(());
    }
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(root))
}

/// Each Debian package the browser tests need, with a file it installs (e2e/lib.mjs and
/// e2e/engines.mjs use these paths).
const BROWSER_PACKAGES: [(&str, &str); 5] = [
    ("chromium", CHROMIUM),
    ("chromium-driver", "/usr/bin/chromedriver"),
    ("firefox-esr", "/usr/bin/firefox-esr"),
    ("webkit2gtk-driver", "/usr/bin/WebKitWebDriver"),
    ("xvfb", "/usr/bin/Xvfb"),
];

/// Installs the missing ones, all in one apt-get run.
fn ensure_browsers() -> Result {
    let missing: Vec<&str> = BROWSER_PACKAGES.iter().filter(|(_, file)| !Path::new(file).exists()).map(|(package, _)| *package).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let root_user = output("id", &["-u"]).is_some_and(|u| u.trim() == "0");
    if root_user && Path::new("/usr/bin/apt-get").exists() {
        run(Command::new("apt-get").args(["update", "-q"]))?;
        return run(Command::new("apt-get").args(["install", "-y", "-q"]).args(&missing).env("DEBIAN_FRONTEND", "noninteractive"));
    }
    Err(format!("the browser tests need {}: on Debian, run `sudo apt-get install {}`", missing.join(", "), missing.join(" ")))
}


#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn the_cli_to_install_is_the_pinned_wasm_bindgen() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let manifest: toml::Table = std::fs::read_to_string(root.join("Cargo.toml")).unwrap().parse().unwrap();
        let pin = manifest["dependencies"]["wasm-bindgen"].as_str().unwrap();
        assert_eq!(format!("={}", super::locked_wasm_bindgen(root).unwrap()), pin, "Cargo.toml pins wasm-bindgen exactly (=x.y.z)");
    }
}
