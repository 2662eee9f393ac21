//! Build-time rendering: the widget's default state as HTML, put into the page Trunk built,
//! so readers see every event and figure before (or without) any script.

use explainer_core::content::Lang;

use crate::content::CONTENT;
use crate::{App, AppProps};

/// The empty root in `index.html` that the prerendered widget fills.
pub const ROOT: &str = r#"<div id="explainer"></div>"#;

/// The widget in `lang`, with Yew's hydration markers.
pub fn render(lang: Lang) -> String {
    futures::executor::block_on(yew::ServerRenderer::<App>::with_props(move || AppProps { lang, restore: None }).render())
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The page Trunk built, with the widget rendered into its root and the page's language,
/// title and description set to `lang`.
pub fn page(template: &str, lang: Lang) -> Result<String, String> {
    if template.matches(ROOT).count() != 1 {
        return Err(format!("the page must contain `{ROOT}` exactly once"));
    }
    let ui = &CONTENT.ui;
    let mut out = template.replacen(ROOT, &format!(r#"<div id="explainer">{}</div>"#, render(lang)), 1);
    out = replace_between(&out, "<html lang=\"", "\"", lang.code())?;
    out = replace_between(&out, "<title>", "</title>", &escape_attr(ui.title.get(lang)))?;
    out = replace_between(&out, "<meta name=\"description\" content=\"", "\"", &escape_attr(ui.dek.get(lang)))?;
    Ok(out)
}

fn replace_between(s: &str, start: &str, end: &str, with: &str) -> Result<String, String> {
    let a = s.find(start).ok_or_else(|| format!("the page has no `{start}`"))? + start.len();
    let b = a + s[a..].find(end).ok_or_else(|| format!("`{start}` is not closed by `{end}`"))?;
    Ok(format!("{}{}{}", &s[..a], with, &s[b..]))
}
