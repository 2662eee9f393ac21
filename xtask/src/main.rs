//! The project's commands. Each installs what is missing first (and is quick when nothing is):
//!
//!   cargo xtask serve   build the widget and serve it on http://127.0.0.1:8080/
//!   cargo xtask test    every test: native (cargo test) and end-to-end (headless Chromium)
//!   cargo xtask build   the release build in dist/, with sizes
//!   cargo xtask bench   against TimelineJS in throttled Chromium; writes BENCHMARKS.md
//!   cargo xtask soak [N]  N cold loads of shared links (default 500); writes BENCHMARKS.md "Soak"
//!
//! Tools: the wasm32 target, trunk 0.21.14, wasm-bindgen-cli equal to the locked
//! wasm-bindgen, binaryen's wasm-opt and the test packages from npm (e2e/), and Debian's
//! chromium + chromium-driver. Trunk always runs offline: it only uses tools on PATH.

use std::env;
use std::path::{Path, PathBuf};
use std::process::{exit, Command};

mod publish;

const TRUNK_VERSION: &str = "0.21.14";

/// Size budgets (gzip -9), checked by `cargo xtask test`: the achieved figures plus 2 to 3%,
/// so size never grows silently.
/// PAGE: everything the default page loads (the [perf] goal is at most 12 KB; the loader and
/// stylesheet are minified at build time, see e2e/minify.mjs). Achieved sizes: BENCHMARKS.md.
const PAGE_BUDGET: u64 = 12_600;
/// CODE: the glue and the wasm, loaded when the reader nears the calculator (a one-button
/// Yew app alone is about 72 KB of glue and wasm, see BENCHMARKS.md).
const CODE_BUDGET: u64 = 124_500;
const CHROMIUM: &str = "/usr/bin/chromium";

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the repo").to_path_buf();
    env::set_current_dir(&root).expect("cd to the repository");
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&root, &args[1..]),
        Some("test") => test(&root),
        Some("build") => ensure_tools(&root, false).and_then(|_| build(&root)).map(|_| ()),
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

type Result<T = ()> = std::result::Result<T, String>;

fn run(cmd: &mut Command) -> Result {
    eprintln!("+ {cmd:?}");
    let status = cmd.status().map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{:?} failed ({status})", cmd.get_program()))
    }
}

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Cargo's and npm's tool folders first, so the tools installed here are the ones found.
fn tool_path(root: &Path) {
    let mut paths = vec![root.join("e2e/node_modules/.bin")];
    if let Some(home) = env::var_os("CARGO_HOME").map(PathBuf::from).or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo"))) {
        paths.push(home.join("bin"));
    }
    paths.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
    env::set_var("PATH", env::join_paths(paths).expect("PATH"));
    // Trunk must never try to download a tool.
    env::set_var("TRUNK_OFFLINE", "true");
}

/// The wasm-bindgen version in Cargo.lock: the CLI must equal it exactly.
fn locked_wasm_bindgen(root: &Path) -> Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")).and_then(|l| l.strip_suffix('"')) {
                return Ok(v.to_string());
            }
        }
    }
    Err("Cargo.lock names no wasm-bindgen".into())
}

fn ensure_tools(root: &Path, browser: bool) -> Result {
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
        return Err("wasm-opt 132 (npm binaryen@132.0.0) is not on PATH after npm ci in e2e/".into());
    }
    if browser {
        ensure_chromium()?;
    }
    Ok(())
}

/// npm packages (wasm-opt, playwright-core, ...) from e2e/package-lock.json, when it changed.
fn npm_install(root: &Path) -> Result {
    let e2e = root.join("e2e");
    let stamp = e2e.join("node_modules/.package-lock.json");
    let fresh = |p: &Path| p.metadata().and_then(|m| m.modified()).ok();
    if fresh(&stamp).is_some_and(|s| fresh(&e2e.join("package-lock.json")).is_some_and(|l| s >= l)) {
        return Ok(());
    }
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&e2e))
}

fn ensure_chromium() -> Result {
    if Path::new(CHROMIUM).exists() && Path::new("/usr/bin/chromedriver").exists() {
        return Ok(());
    }
    let root_user = output("id", &["-u"]).is_some_and(|u| u.trim() == "0");
    if root_user && Path::new("/usr/bin/apt-get").exists() {
        run(Command::new("apt-get").args(["update", "-q"]))?;
        return run(Command::new("apt-get").args(["install", "-y", "-q", "chromium", "chromium-driver"]).env("DEBIAN_FRONTEND", "noninteractive"));
    }
    Err(format!("the browser tests need Chromium at {CHROMIUM}: on Debian, run `sudo apt-get install chromium chromium-driver`"))
}

/// The one-file builds, one per language (each from its prerendered page): everything inlined,
/// so they work from `file://` and as an iframe `srcdoc`.
const STANDALONE: [(&str, &str); 2] = [("index.html", "explainer-standalone.html"), ("index.es.html", "explainer-standalone.es.html")];
/// Size budget (gzip -9, like the others) for each one-file build: achieved 172,755 B for the
/// larger, Spanish one, plus 3% (the wasm is inside as base64, which gzip does not undo).
const STANDALONE_BUDGET: u64 = 178_000;

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16 | (*c.get(1).unwrap_or(&0) as u32) << 8 | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            out.push(if i <= c.len() { A[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
    }
    out
}

/// The value of `name="..."` in the first tag that has it.
fn attr<'a>(page: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = page.find(&key)? + key.len();
    Some(&page[start..start + page[start..].find('"')?])
}

/// Writes a one-file build (`name`) from a prerendered page (`from`): the stylesheet and the
/// loader inlined, the glue and the wasm as `data:` URLs on <html>. Returns (bytes, gzip).
/// The EN/ES switch is hidden: its links name the other page, which is not next to a lone
/// file (and before the code runs, a click would follow them). Each language has its file.
fn standalone(dist: &Path, from: &str, name: &str) -> Result<(u64, u64)> {
    let read = |name: &str| std::fs::read_to_string(dist.join(name.trim_start_matches("./"))).map_err(|e| format!("{name}: {e}"));
    let page = read(from)?;
    let missing = |what: &str| format!("dist/{from}: no {what}");
    let glue = attr(&page, "data-glue").ok_or_else(|| missing("data-glue"))?;
    let wasm = attr(&page, "data-wasm").ok_or_else(|| missing("data-wasm"))?;
    let loader = attr(&page[page.find("<script").ok_or_else(|| missing("loader script"))?..], "src").ok_or_else(|| missing("loader src"))?;
    let css = attr(&page[page.find("rel=\"stylesheet\"").ok_or_else(|| missing("stylesheet"))?..], "href").ok_or_else(|| missing("stylesheet href"))?;
    let wasm_bytes = std::fs::read(dist.join(wasm.trim_start_matches("./"))).map_err(|e| format!("{wasm}: {e}"))?;
    // The same <html> data, with the code inline (no hashes needed: nothing is fetched).
    let mut page = page.clone();
    for (key, file, bytes, mime) in [("data-glue", glue, read(glue)?.into_bytes(), "text/javascript"), ("data-wasm", wasm, wasm_bytes, "application/wasm")] {
        let linked = format!(r#" {key}="{file}""#);
        let hash = format!(r#" {key}-integrity="{}""#, attr(&page, &format!("{key}-integrity")).unwrap_or(""));
        page = page.replacen(&linked, &format!(r#" {key}="data:{mime};base64,{}""#, base64(&bytes)), 1).replacen(&hash, "", 1);
    }
    let mut out = String::new();
    for line in page.lines() {
        if line.contains("<script") && line.contains(loader) {
            out.push_str(&format!("<script type=\"module\">\n{}\n</script>\n", read(loader)?));
        } else if line.contains("rel=\"stylesheet\"") {
            // `hidden` alone loses to the stylesheet's `.lang { display: flex }`.
            out.push_str(&format!("<style>\n{}\nnav.lang[hidden] {{ display: none; }}\n</style>\n", read(css)?));
        } else if line.contains("rel=\"icon\"") {
            continue;
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    // Yew's hydration sets the attributes it renders and keeps others, so `hidden` stays.
    let switches: Vec<usize> = out.match_indices("<nav ").map(|(i, _)| i).filter(|&i| out[i..].split('>').next().is_some_and(|tag| tag.contains(r#"class="lang""#))).collect();
    let [at] = switches[..] else {
        return Err(missing("single language switch (<nav class=\"lang\">)"));
    };
    let out = format!("{}<nav hidden {}", &out[..at], &out[at + "<nav ".len()..]);
    std::fs::write(dist.join(name), &out).map_err(|e| format!("{name}: {e}"))?;
    Ok((out.len() as u64, gzip_len(out.as_bytes())?))
}

/// The release build in dist/ (prerendered by Trunk's post_build hook), with precompressed
/// `.gz` and `.br` copies for static hosts. Returns the sizes.
fn build(root: &Path) -> Result<Sizes> {
    run(Command::new("trunk").args(["build", "--release", "--offline"]))?;
    let dist = root.join("dist");
    let mut standalone_gzip = 0;
    for (from, name) in STANDALONE {
        let (bytes, gzip) = standalone(&dist, from, name)?;
        eprintln!("dist/{name}: {bytes} bytes, {gzip} bytes gzip (opens from disk)");
        standalone_gzip = standalone_gzip.max(gzip);
    }
    let mut sizes = sizes(&dist)?;
    sizes.standalone_gzip = standalone_gzip;
    eprintln!(
        "dist: the page loads {} files, {} bytes gzip; the calculator's code (when reached) {} bytes gzip (wasm {} bytes, {} gzip)",
        sizes.page_files, sizes.page_gzip, sizes.code_gzip, sizes.wasm_raw, sizes.wasm_gzip
    );
    publish::publish(root, &dist)?;
    run(Command::new("node").arg(root.join("e2e/precompress.mjs")).arg(&dist))?;
    Ok(sizes)
}

struct Sizes {
    /// index.html and what its tags load: stylesheet, loader, icon.
    page_files: usize,
    page_gzip: u64,
    /// The glue and the wasm, loaded when the reader nears the calculator.
    code_gzip: u64,
    wasm_raw: u64,
    wasm_gzip: u64,
    /// The larger of the one-file builds.
    standalone_gzip: u64,
}

/// What the default English page loads at once, and what the calculator adds (gzip -9 each).
fn sizes(dist: &Path) -> Result<Sizes> {
    let read = |name: &str| std::fs::read(dist.join(name.trim_start_matches("./"))).map_err(|e| format!("dist/{name}: {e}"));
    let index = read("index.html")?;
    let page = String::from_utf8_lossy(&index).into_owned();
    let mut s = Sizes { page_files: 1, page_gzip: gzip_len(&index)?, code_gzip: 0, wasm_raw: 0, wasm_gzip: 0, standalone_gzip: 0 };
    for tag in page.split('<').filter(|t| t.starts_with("link ") || t.starts_with("script ")) {
        if let Some(file) = attr(tag, "href").or_else(|| attr(tag, "src")) {
            s.page_files += 1;
            s.page_gzip += gzip_len(&read(file)?)?;
        }
    }
    for key in ["data-glue", "data-wasm"] {
        let file = attr(&page, key).ok_or_else(|| format!("dist/index.html: no {key}"))?;
        let bytes = read(file)?;
        let gz = gzip_len(&bytes)?;
        s.code_gzip += gz;
        if key == "data-wasm" {
            (s.wasm_raw, s.wasm_gzip) = (bytes.len() as u64, gz);
        }
    }
    Ok(s)
}

/// The gzip -9 size of `bytes`. A gzip that cannot start, fails or writes nothing fails the
/// command: a budget must never pass on a size of 0.
fn gzip_len(bytes: &[u8]) -> Result<u64> {
    compressed_len("gzip", bytes)
}

fn compressed_len(gzip: &str, bytes: &[u8]) -> Result<u64> {
    use std::io::Write;
    let mut child = Command::new(gzip)
        .args(["-9", "-n", "-c"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot measure sizes: gzip: {e}"))?;
    // Written from another thread: gzip's output could fill its pipe before it has read all input.
    let mut stdin = child.stdin.take().expect("stdin");
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().map_err(|e| format!("gzip: {e}"))?;
    let written = writer.join().map_err(|_| "gzip: the writer thread panicked".to_string())?;
    if !out.status.success() {
        return Err(format!("cannot measure sizes: gzip failed ({})", out.status));
    }
    written.map_err(|e| format!("cannot measure sizes: writing to gzip: {e}"))?;
    // Even empty input gzips to 20 bytes: an empty output is a broken gzip.
    if out.stdout.is_empty() {
        return Err("cannot measure sizes: gzip wrote nothing".into());
    }
    Ok(out.stdout.len() as u64)
}

fn serve(root: &Path, args: &[String]) -> Result {
    ensure_tools(root, false)?;
    let port = args.first().cloned().unwrap_or_else(|| "8080".into());
    eprintln!("\nThe widget: http://127.0.0.1:{port}/  (Spanish: http://127.0.0.1:{port}/index.es.html)\n");
    run(Command::new("trunk").args(["serve", "--release", "--offline", "--address", "127.0.0.1", "--port", &port]))
}

/// Side by side with TimelineJS in throttled Chromium; writes BENCHMARKS.md (not part of `test`).
fn bench(root: &Path) -> Result {
    ensure_tools(root, true)?;
    build(root)?;
    run(Command::new("node").arg(root.join("e2e/bench.mjs")).env("DIST", root.join("dist")))
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
    let sizes = build(root)?;
    if sizes.page_gzip > PAGE_BUDGET {
        return Err(format!("size budget: the default page loads {} bytes gzip, over the budget of {PAGE_BUDGET}", sizes.page_gzip));
    }
    if sizes.code_gzip > CODE_BUDGET {
        return Err(format!("size budget: the calculator's code is {} bytes gzip, over the budget of {CODE_BUDGET}", sizes.code_gzip));
    }
    if sizes.standalone_gzip > STANDALONE_BUDGET {
        return Err(format!("size budget: a one-file build is {} bytes gzip, over the budget of {STANDALONE_BUDGET}", sizes.standalone_gzip));
    }
    eprintln!(
        "size budget: page {} of {PAGE_BUDGET}, calculator code {} of {CODE_BUDGET}, one file {} of {STANDALONE_BUDGET} bytes gzip",
        sizes.page_gzip, sizes.code_gzip, sizes.standalone_gzip
    );
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("e2e"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    run(Command::new("node").arg("--test").arg("--test-concurrency=1").args(&files).env("DIST", root.join("dist")))
}

#[cfg(test)]
mod tests {
    use super::compressed_len;

    #[test]
    fn a_broken_gzip_fails_the_size_check() {
        let page = b"<!doctype html><p>hello</p>".repeat(100);
        assert!(compressed_len("gzip", &page).is_ok_and(|n| n > 20 && n < page.len() as u64));
        // Missing, failing, or writing nothing: an error, never a size of 0.
        let missing = compressed_len("/nonexistent/gzip", &page).unwrap_err();
        assert!(missing.contains("cannot measure sizes"), "{missing}");
        let failed = compressed_len("false", &page).unwrap_err();
        assert!(failed.contains("gzip failed"), "{failed}");
        let silent = compressed_len("true", &page).unwrap_err();
        assert!(silent.contains("cannot measure sizes"), "{silent}");
    }
}
