//! The embed page's (`dist/embed.html`) access to the snippet builders in `core/src/embed/`:
//! a wasm of its own, built without Yew by `cargo xtask build` (xtask/src/publish.rs), so the
//! widget's own code does not grow. Errors are thrown as `code\twhat\tmessage`, for the page
//! to show its translated message (`assets/publish.toml`, `error_<code>`).

use explainer_core::content::Lang;
use explainer_core::embed::{parse_scenario, Embed, EmbedError, Theme};
use wasm_bindgen::prelude::wasm_bindgen;

fn thrown(e: EmbedError) -> String {
    format!("{}\t{}\t{e}", e.code(), e.what())
}

fn options(lang: &str, theme: &str) -> Result<(Lang, Theme), String> {
    let lang = Lang::from_code(lang).ok_or_else(|| format!("lang\t{lang}\tno such language: {lang}"))?;
    let theme = Theme::from_code(theme).ok_or_else(|| format!("theme\t{theme}\tno such theme: {theme}"))?;
    Ok((lang, theme))
}

/// For the options as typed: `[widget URL, widget path (for the preview), iframe, Pym.js,
/// @newswire/frames, AMP (empty if it cannot be made), AMP's error (or empty)]`.
#[wasm_bindgen]
pub fn snippets(base: &str, lang: &str, theme: &str, scenario: &str, title: &str) -> Result<Vec<String>, String> {
    let (lang, theme) = options(lang, theme)?;
    let e = Embed::new(base, lang, theme, scenario, title).map_err(thrown)?;
    let (amp, amp_error) = match e.amp() {
        Ok(s) => (s, String::new()),
        Err(err) => (String::new(), thrown(err)),
    };
    Ok(vec![e.widget_url(), e.widget_path(), e.iframe(), e.pym(), e.frames(), amp, amp_error])
}

/// The preview's address (relative to the embed page's folder) for the options, without
/// needing a valid base address.
#[wasm_bindgen]
pub fn preview_path(lang: &str, theme: &str, scenario: &str) -> Result<String, String> {
    let (lang, theme) = options(lang, theme)?;
    let e = Embed::new("https://preview.invalid/", lang, theme, scenario, "").map_err(thrown)?;
    Ok(e.widget_path())
}

/// What a pasted scenario link says besides the inputs: `[language or "", theme or ""]`.
#[wasm_bindgen]
pub fn link_options(link: &str) -> Result<Vec<String>, String> {
    let s = parse_scenario(link).map_err(thrown)?;
    Ok(vec![s.lang.map(|l| l.code()).unwrap_or("").to_string(), s.theme.map(Theme::code).unwrap_or("").to_string()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_gets_every_snippet_or_a_coded_error() {
        let s = snippets("https://example.org/g", "es", "dark", "?officers=9000", "T").unwrap();
        assert_eq!(s.len(), 7);
        assert_eq!(s[0], "https://example.org/g/index.es.html?theme=dark&officers=9000");
        assert_eq!(s[1], "index.es.html?theme=dark&officers=9000");
        assert!(s[2].starts_with("<iframe") && s[3].contains("pym.Parent") && s[4].contains("data-frame-src") && s[5].contains("<amp-iframe"));
        assert_eq!(s[6], "");
        let http = snippets("http://example.org/g", "en", "auto", "", "T").unwrap();
        assert_eq!((http[5].as_str(), http[6].split('\t').next()), ("", Some("amp_https")));
        let err = snippets("javascript:alert(1)", "en", "auto", "", "T").unwrap_err();
        assert!(err.starts_with("base_scheme\t\t"), "{err}");
        let err = snippets("https://e.org/", "en", "auto", "?salary=x", "T").unwrap_err();
        assert!(err.starts_with("scenario_value\tsalary=x\t"), "{err}");
        assert!(snippets("https://e.org/", "fr", "auto", "", "T").unwrap_err().starts_with("lang\t"));
        assert_eq!(preview_path("en", "auto", "officers=9000").unwrap(), "index.html?officers=9000");
        assert_eq!(link_options("https://e.org/index.es.html?theme=light").unwrap(), ["es", "light"]);
        assert_eq!(link_options("officers=1").unwrap(), ["", ""]);
    }
}
