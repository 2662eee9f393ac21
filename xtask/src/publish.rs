//! The publishing kit (README "Publishing kit"), built after Trunk's release build:
//!
//! - `dist/embed.html` and `dist/embed.es.html`: the embed page (options, preview, a code for
//!   each kind of host page). Its codes come from `core/src/embed/` through a small wasm of
//!   its own (`publish/`, wasm-bindgen without Yew), so the widget's wasm does not grow. Its
//!   texts are in `assets/publish.toml`; its script and style in `assets/publish.{js,css}`. Same
//!   strict CSP as the widget: no inline script or style, SRI on the script, stylesheet and wasm.
//! - `dist/fallback.png` and `dist/fallback.es.png`: the share card and fallback image, a
//!   screenshot of each prerendered page's key content by headless Chromium (`build/fallback.mjs`),
//!   1200 x 630 px, or 2400 x 1260 with `FALLBACK_SCALE=2`.

use std::path::Path;
use std::process::Command;

use explainer_core::content::Lang;
use explainer_core::embed::Theme;
use explainer_core::files::Files;

use crate::{run, Result};

/// The publish wasm's crate and its file names in `target/`.
const CRATE: &str = "explainer-publish";
const WASM: &str = "target/wasm32-unknown-unknown/release/explainer_publish.wasm";
const OUT: &str = "target/publish";

/// Builds the embed pages and the fallback images into `dist`.
pub fn publish(root: &Path, dist: &Path) -> Result {
    let out = root.join(OUT);
    run(Command::new("cargo").args(["build", "--quiet", "--release", "--target", "wasm32-unknown-unknown", "-p", CRATE]))?;
    run(Command::new("wasm-bindgen").args(["--target", "web", "--no-typescript", "--out-dir", OUT, WASM]))?;
    let opt = out.join("publish_opt.wasm");
    run(Command::new("wasm-opt").args(["-Oz", "--strip-debug", "-o"]).arg(&opt).arg(out.join("explainer_publish_bg.wasm")))?;

    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    // One module: the glue, then the page's script (which calls the glue's functions).
    let mut js = read(&out.join("explainer_publish.js"))?;
    js.extend_from_slice(b"\n");
    js.extend(read(&root.join("assets/publish.js"))?);
    let files = [("publish", ".js", js), ("publish", "_bg.wasm", read(&opt)?), ("publish", ".css", read(&root.join("assets/publish.css"))?)];
    let mut written = Vec::new();
    for (stem, ext, bytes) in files {
        let (hex, sri) = sha384(&bytes)?;
        let name = format!("{stem}-{}{ext}", &hex[..16]);
        std::fs::write(dist.join(&name), &bytes).map_err(|e| format!("dist/{name}: {e}"))?;
        eprintln!("dist/{name}: {} bytes", bytes.len());
        written.push((name, sri));
    }
    let texts = Texts::load(&root.join("assets/publish.toml"))?;
    let widget = |page: &str| -> Result<(String, String)> {
        let html = std::fs::read_to_string(dist.join(page)).map_err(|e| format!("dist/{page}: {e}"))?;
        let between = |a: &str, b: &str| html.split_once(a).and_then(|(_, r)| r.split_once(b)).map(|(v, _)| v.to_string());
        let title = between("<title>", "</title>").ok_or_else(|| format!("dist/{page}: no <title>"))?;
        let icon = between("<link rel=\"icon\"", ">").map(|l| format!("<link rel=\"icon\"{l}>")).unwrap_or_default();
        Ok((title, icon))
    };
    let (title_en, icon) = widget(Files::of(Lang::En).page)?;
    let (title_es, _) = widget(Files::of(Lang::Es).page)?;
    for lang in Lang::ALL {
        let file = Files::of(lang).embed;
        let page = embed_page(&texts, lang.code(), &title_en, &title_es, &icon, &written)?;
        std::fs::write(dist.join(file), page).map_err(|e| format!("dist/{file}: {e}"))?;
        eprintln!("dist/{file}: the embed page ({})", lang.code());
    }
    let pages = Lang::ALL.map(|l| format!("{}={}", Files::of(l).page, Files::of(l).fallback));
    run(Command::new("node").arg(root.join("build/fallback.mjs")).arg(dist).arg(dist).args(pages))
}

/// (hex, `sha384-` base64) of `bytes`: the file's name and its SRI hash.
fn sha384(bytes: &[u8]) -> Result<(String, String)> {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha384::digest(bytes);
    let hex = digest.iter().map(|b| format!("{b:02x}")).collect();
    Ok((hex, format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(digest))))
}

/// The embed page's texts, by language, every key in both.
struct Texts(toml::Table);

impl Texts {
    fn load(path: &Path) -> Result<Texts> {
        let name = path.display();
        let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))?;
        let table: toml::Table = text.parse().map_err(|e| format!("{name}: {e}"))?;
        let lang = |l: &str| table.get(l).and_then(|v| v.as_table()).ok_or_else(|| format!("{name}: no [{l}] table"));
        let (en, es) = (lang("en")?, lang("es")?);
        for (a, b, missing) in [(en, es, "es"), (es, en, "en")] {
            if let Some(key) = a.keys().find(|k| !b.contains_key(*k)) {
                return Err(format!("{name}: `{key}` has no [{missing}] text"));
            }
        }
        if let Some((key, _)) = en.iter().chain(es.iter()).find(|(_, v)| v.as_str().is_none_or(|s| s.trim().is_empty())) {
            return Err(format!("{name}: `{key}` must be a text, not empty"));
        }
        Ok(Texts(table))
    }

    /// The text, escaped for HTML (text or attribute).
    fn get(&self, lang: &str, key: &str) -> Result<String> {
        self.0[lang].get(key).and_then(|v| v.as_str()).map(explainer_core::html::escape).ok_or_else(|| format!("assets/publish.toml: no `{key}` in [{lang}]"))
    }
}

/// The embed page in `lang`. `titles` are the widget's (already escaped, from its pages);
/// `files` the script, wasm and stylesheet with their SRI hashes.
fn embed_page(texts: &Texts, lang: &str, title_en: &str, title_es: &str, icon: &str, files: &[(String, String)]) -> Result<String> {
    let t = |key: &str| texts.get(lang, key);
    let [(js, js_sri), (wasm, wasm_sri), (css, css_sri)] = files else { return Err("publish: three files expected".into()) };
    // Texts the script shows (copy results, errors), as data on <html>.
    let mut data = format!(r#" data-title-en="{title_en}" data-title-es="{title_es}" data-wasm="./{wasm}" data-wasm-integrity="{wasm_sri}""#);
    for key in texts.0[lang].as_table().expect("checked").keys().filter(|k| k.starts_with("error_") || ["copied", "copy_failed"].contains(&k.as_str())) {
        data.push_str(&format!(r#" data-{}="{}""#, key.replace('_', "-"), t(key)?));
    }
    let radio = |name: &str, value: &str, label: &str, checked: bool| {
        format!(r#"<label class="choice"><input type="radio" name="{name}" value="{value}"{}> {label}</label>"#, if checked { " checked" } else { "" })
    };
    let fieldset = |legend: String, choices: Vec<String>| format!("<fieldset><legend>{legend}</legend>{}</fieldset>", choices.join(""));
    let langs = fieldset(t("language")?, vec![radio("lang", "en", "<span lang=\"en\">English</span>", lang == "en"), radio("lang", "es", "<span lang=\"es\">Español</span>", lang == "es")]);
    let themes = Theme::ALL.iter().map(|&th| Ok(radio("theme", th.code(), &t(&format!("theme_{}", th.code()))?, th == Theme::default()))).collect::<Result<_>>()?;
    let themes = fieldset(t("theme")?, themes);
    let widths = fieldset(
        t("width_label")?,
        ["320", "375", "768"].iter().map(|w| radio("width", w, &format!("{w} px"), false)).chain([radio("width", "full", &t("width_full")?, true)]).collect(),
    );
    let mut codes = String::new();
    for (kind, rows) in [("iframe", 14), ("pym", 4), ("frames", 5), ("amp", 8)] {
        let note = if kind == "amp" { r#"<p id="note-amp" class="error" hidden></p>"# } else { "" };
        codes.push_str(&format!(
            r#"<section class="code" aria-labelledby="h-{kind}"><h3 id="h-{kind}">{heading}</h3><p>{about}</p>{note}
<label for="code-{kind}" class="visually-hidden">{code_label} {heading}</label><textarea id="code-{kind}" readonly rows="{rows}" spellcheck="false" autocomplete="off"></textarea>
<p class="copy-row"><button type="button" id="copy-{kind}" disabled>{copy}<span class="visually-hidden">: {heading}</span></button> <span id="status-{kind}" role="status"></span></p></section>
"#,
            heading = t(&format!("{kind}_heading"))?,
            about = t(&format!("{kind}_text"))?,
            code_label = t("code_label")?,
            copy = t("copy")?,
        ));
    }
    let (other, name) = if lang == "en" { (Lang::Es, "Español") } else { (Lang::En, "English") };
    let other = format!(r#"<a href="{}" hreflang="{code}" lang="{code}">{name}</a>"#, Files::of(other).embed, code = other.code());
    Ok(format!(
        r#"<!doctype html>
<html lang="{lang}"{data}>
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{page_title}</title>
  <meta name="robots" content="noindex">
  <meta name="color-scheme" content="light dark">
  {icon}
  <link rel="stylesheet" href="./{css}" integrity="{css_sri}">
  <script type="module" src="./{js}" integrity="{js_sri}"></script>
</head>
<body>
<main class="kit">
<nav class="page-lang" aria-label="{page_lang}">{page_lang} {other}</nav>
<h1>{heading}</h1>
<p>{intro}</p>
<noscript><p class="error">{needs_js}</p></noscript>
<form id="options" novalidate>
<section aria-labelledby="h-options"><h2 id="h-options">{options_heading}</h2>
{langs}
{themes}
<div class="field"><label for="scenario">{scenario_label}</label>
<p id="scenario-hint" class="hint">{scenario_hint}</p>
<input id="scenario" name="scenario" type="text" inputmode="url" autocomplete="off" spellcheck="false" aria-describedby="scenario-hint scenario-error">
<p id="scenario-error" class="error" hidden></p>
<p class="buttons"><button type="button" id="take-scenario">{take_scenario}</button> <button type="button" id="clear-scenario">{clear_scenario}</button></p></div>
<div class="field"><label for="base">{base_label}</label>
<p id="base-hint" class="hint">{base_hint}</p>
<input id="base" name="base" type="text" inputmode="url" autocomplete="off" spellcheck="false" placeholder="https://example.org/graphics/287g/" aria-describedby="base-hint base-error">
<p id="base-error" class="error" hidden></p></div>
</section>
<section aria-labelledby="h-preview"><h2 id="h-preview">{preview_heading}</h2>
{widths}
<div id="stage" class="stage"><iframe id="preview" title="{preview_frame}" scrolling="no"></iframe></div>
</section>
</form>
<section aria-labelledby="h-codes"><h2 id="h-codes">{codes_heading}</h2>
<p>{codes_intro}</p>
<p id="no-codes" class="error" hidden>{no_codes}</p>
{codes}</section>
<section aria-labelledby="h-fallback"><h2 id="h-fallback">{fallback_heading}</h2>
<p>{fallback_text}</p>
<ul><li><a href="{png_en}">{fallback_en}</a></li><li><a href="{png_es}">{fallback_es}</a></li></ul>
</section>
</main>
</body>
</html>
"#,
        page_title = t("page_title")?,
        png_en = Files::of(Lang::En).fallback,
        png_es = Files::of(Lang::Es).fallback,
        page_lang = t("page_lang")?,
        heading = t("heading")?,
        intro = t("intro")?,
        needs_js = t("needs_js")?,
        options_heading = t("options_heading")?,
        scenario_label = t("scenario_label")?,
        scenario_hint = t("scenario_hint")?,
        take_scenario = t("take_scenario")?,
        clear_scenario = t("clear_scenario")?,
        base_label = t("base_label")?,
        base_hint = t("base_hint")?,
        preview_heading = t("preview_heading")?,
        preview_frame = t("preview_frame")?,
        codes_heading = t("codes_heading")?,
        codes_intro = t("codes_intro")?,
        no_codes = t("no_codes")?,
        fallback_heading = t("fallback_heading")?,
        fallback_text = t("fallback_text")?,
        fallback_en = t("fallback_en")?,
        fallback_es = t("fallback_es")?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(toml: &str) -> Result<Texts> {
        let dir = std::env::temp_dir().join(format!("publish-texts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join(format!("t{}.toml", toml.len()));
        std::fs::write(&file, toml).unwrap();
        Texts::load(&file)
    }

    #[test]
    fn every_text_needs_both_languages() {
        let err = texts("[en]\na = \"A\"\nb = \"B\"\n[es]\na = \"A\"\n").err().unwrap();
        assert!(err.contains("`b` has no [es] text"), "{err}");
        let err = texts("[en]\na = \" \"\n[es]\na = \"A\"\n").err().unwrap();
        assert!(err.contains("`a` must be a text"), "{err}");
        assert!(texts("[en]\na = \"A\"\n").err().unwrap().contains("no [es] table"));
    }

    #[test]
    fn the_project_texts_make_both_pages() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let t = Texts::load(&root.join("assets/publish.toml")).unwrap();
        let files = [("publish-1.js".to_string(), "sha384-J".to_string()), ("publish-1_bg.wasm".into(), "sha384-W".into()), ("publish-1.css".into(), "sha384-C".into())];
        for lang in ["en", "es"] {
            let page = embed_page(&t, lang, "T &amp; en", "T es", "", &files).unwrap();
            assert!(page.contains(&format!("<html lang=\"{lang}\"")));
            assert!(page.contains(r#"<script type="module" src="./publish-1.js" integrity="sha384-J"></script>"#));
            assert!(page.contains(r#"data-wasm="./publish-1_bg.wasm" data-wasm-integrity="sha384-W""#));
            // No inline script or style: one script element, with src; no style attribute.
            assert_eq!(page.matches("<script").count(), 1);
            assert!(!page.contains("<style") && !page.contains(" style="));
            for kind in ["iframe", "pym", "frames", "amp"] {
                assert!(page.contains(&format!(r#"<textarea id="code-{kind}""#)) && page.contains(&format!(r#"id="copy-{kind}""#)));
            }
            assert!(page.contains("data-error-base-scheme=\""));
        }
    }

    #[test]
    fn sri_hashes_are_sha384_in_base64() {
        // sha384("abc"), FIPS 180-2 (base64 as `openssl dgst -sha384 -binary | base64` gives it).
        let (hex, sri) = sha384(b"abc").unwrap();
        assert_eq!(hex, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
        assert_eq!(sri, "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn");
    }
}
