//! Build-time rendering: the widget's default state as HTML, put into the page Trunk built,
//! so readers see every event and figure before (or without) any script.
//!
//! Kept as string edits, not an HTML rewriter (lol_html): the template is our own
//! `index.html` as Trunk writes it, each edit finds one known tag or fails the build naming
//! it, and `tests/prerender.rs` checks the result.

use explainer_core::content::Lang;
use explainer_core::embed::Theme;
use explainer_core::html::escape as escape_attr;

use crate::content::CONTENT;
use crate::{App, AppProps};

/// The empty root in `index.html` that the prerendered widget fills.
pub const ROOT: &str = r#"<div id="explainer"></div>"#;

/// The widget in `lang`. No hydration markers: the browser renders the calculator afresh
/// (crate::island) and nothing else.
pub fn render(lang: Lang) -> String {
    futures::executor::block_on(yew::ServerRenderer::<App>::with_props(move || AppProps { lang }).hydratable(false).render())
}

/// The page Trunk built, with the widget rendered into its root and the page's language,
/// title and description set to `lang`.
pub fn page(template: &str, lang: Lang) -> Result<String, String> {
    if template.matches(ROOT).count() != 1 {
        return Err(format!("the page must contain `{ROOT}` exactly once"));
    }
    let ui = &CONTENT.ui;
    // The calculator's code loads when it is needed (assets/loader/), not with the page:
    // Trunk's preload links become data on <html>, where the loader (which may run before
    // the body is parsed) finds them.
    let (out, glue) = take_link(template, "modulepreload")?;
    let (out, wasm) = take_link(&out, "preload")?;
    let mut out = out.replacen(ROOT, &format!(r#"<div id="explainer">{}</div>"#, render(lang)), 1);
    // <html>'s attributes: the language, each language's page (a link asking for the other
    // language goes there), where the code is, with its SRI hashes, what a link may ask for
    // (its keys' patterns, the themes), and the loader's notes in this language (the loader has
    // no text of its own).
    let pages: Vec<String> = Lang::ALL.iter().map(|&l| format!("{}={}", l.code(), crate::edge::prerender_file(l))).collect();
    let themes: Vec<&str> = Theme::ALL.iter().map(|t| t.code()).collect();
    let html = format!(
        r#" lang="{}" data-pages="{}" data-glue="{}" data-glue-integrity="{}" data-wasm="{}" data-wasm-integrity="{}" data-keys="{}" data-themes="{}" data-note-loading="{}" data-note-failed="{}" data-note-failed-link="{}""#,
        lang.code(),
        escape_attr(&pages.join(" ")),
        escape_attr(&glue.href),
        escape_attr(&glue.integrity),
        escape_attr(&wasm.href),
        escape_attr(&wasm.integrity),
        escape_attr(&explainer_core::url::key_patterns()),
        escape_attr(&themes.join(" ")),
        escape_attr(ui.loading_scenario.get(lang)),
        escape_attr(ui.not_started.get(lang)),
        escape_attr(ui.not_started_link.get(lang)),
    );
    out = replace_between(&out, "<html", ">", &html)?;
    out = replace_between(&out, "<title>", "</title>", &escape_attr(ui.title.get(lang)))?;
    out = replace_between(&out, "<meta name=\"description\" content=\"", "\"", &escape_attr(ui.dek.get(lang)))?;
    share_card(&out, lang)
}

/// The share card's tags after the description (`core/src/embed/`): the title, the dek, the
/// fallback image (absolute with `PUBLIC_URL`, else next to the page) and its text, made of the
/// default figures the image shows.
fn share_card(page: &str, lang: Lang) -> Result<String, String> {
    use explainer_core::embed::{share_image_url, share_meta};
    let ui = &CONTENT.ui;
    let public = std::env::var("PUBLIC_URL").ok().filter(|u| !u.trim().is_empty());
    let image = share_image_url(public.as_deref(), lang).map_err(|e| format!("PUBLIC_URL={:?}: {e}", public.unwrap_or_default()))?;
    let alt = crate::figures::card_alt(&CONTENT, &CONTENT.defaults(), lang);
    let meta = share_meta(ui.title.get(lang), ui.dek.get(lang), &image, &alt);
    let at = page.find("<meta name=\"description\"").ok_or("the page has no `<meta name=\"description\">`")?;
    let end = at + page[at..].find('>').ok_or("`<meta name=\"description\"` is not closed")? + 1;
    Ok(format!("{}\n  {meta}{}", &page[..end], &page[end..]))
}

/// A file Trunk built: its address and its SRI hash.
struct Asset {
    href: String,
    integrity: String,
}

/// Removes `<link rel="{rel}" ...>` from the page and returns what it pointed to.
fn take_link(page: &str, rel: &str) -> Result<(String, Asset), String> {
    let start = page.find(&format!(r#"<link rel="{rel}""#)).ok_or_else(|| format!("the page has no `<link rel=\"{rel}\">` from Trunk"))?;
    let end = start + page[start..].find('>').ok_or_else(|| format!("`<link rel=\"{rel}\"` is not closed"))? + 1;
    let tag = &page[start..end];
    let attr = |name: &str| {
        let key = format!(r#" {name}=""#);
        let a = tag.find(&key).ok_or_else(|| format!("`{tag}` has no {name}"))? + key.len();
        Ok::<_, String>(tag[a..a + tag[a..].find('"').unwrap_or(0)].to_string())
    };
    let asset = Asset { href: attr("href")?, integrity: attr("integrity")? };
    Ok((format!("{}{}", &page[..start], &page[end..]), asset))
}

fn replace_between(s: &str, start: &str, end: &str, with: &str) -> Result<String, String> {
    let a = s.find(start).ok_or_else(|| format!("the page has no `{start}`"))? + start.len();
    let b = a + s[a..].find(end).ok_or_else(|| format!("`{start}` is not closed by `{end}`"))?;
    Ok(format!("{}{}{}", &s[..a], with, &s[b..]))
}

/// Each language's one-file build, written beside its prerendered page: everything inlined,
/// so it works from `file://` and as an iframe `srcdoc`.
pub fn standalone_file(lang: Lang) -> &'static str {
    explainer_core::files::Files::of(lang).standalone
}

/// The value of `name="..."` in the first tag that has it.
fn attr<'a>(page: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = page.find(&key)? + key.len();
    Some(&page[start..start + page[start..].find('"')?])
}

/// A one-file build from a prerendered page (as [`page`] writes it): the stylesheet and the
/// loader inlined, the glue and the wasm as `data:` URLs on <html>. `read` gives a file of the
/// build by its address in the page. The EN/ES switch is hidden: its links name the other
/// page, which is not next to a lone file (and before the code runs, a click would follow
/// them). Each language has its own file.
pub fn standalone(page: &str, read: impl Fn(&str) -> Result<Vec<u8>, String>) -> Result<String, String> {
    use base64::Engine;
    let missing = |what: &str| format!("no {what}");
    let text = |name: &str| read(name).and_then(|b| String::from_utf8(b).map_err(|e| format!("{name}: {e}")));
    let glue = attr(page, "data-glue").ok_or_else(|| missing("data-glue"))?;
    let wasm = attr(page, "data-wasm").ok_or_else(|| missing("data-wasm"))?;
    let loader = attr(&page[page.find("<script").ok_or_else(|| missing("loader script"))?..], "src").ok_or_else(|| missing("loader src"))?;
    let css = attr(&page[page.find("rel=\"stylesheet\"").ok_or_else(|| missing("stylesheet"))?..], "href").ok_or_else(|| missing("stylesheet href"))?;
    // The same <html> data, with the code inline (no hashes needed: nothing is fetched), and
    // no other pages (a lone file has none next to it).
    let pages = attr(page, "data-pages").ok_or_else(|| missing("data-pages"))?;
    let mut out = page.replacen(&format!(r#" data-pages="{pages}""#), "", 1);
    for (key, file, mime) in [("data-glue", glue, "text/javascript"), ("data-wasm", wasm, "application/wasm")] {
        let inline = base64::engine::general_purpose::STANDARD.encode(read(file)?);
        let hash = format!(r#" {key}-integrity="{}""#, attr(page, &format!("{key}-integrity")).unwrap_or(""));
        out = out.replacen(&format!(r#" {key}="{file}""#), &format!(r#" {key}="data:{mime};base64,{inline}""#), 1).replacen(&hash, "", 1);
    }
    let mut lines = String::new();
    for line in out.lines() {
        if line.contains("<script") && line.contains(loader) {
            // A classic script, as in the page: it runs where it stands, before the body is parsed.
            lines.push_str(&format!("<script>\n{}\n</script>\n", text(loader)?));
        } else if line.contains("rel=\"stylesheet\"") {
            // `hidden` alone loses to the stylesheet's `.lang { display: flex }`.
            lines.push_str(&format!("<style>\n{}\nnav.lang[hidden] {{ display: none; }}\n</style>\n", text(css)?));
        } else if !line.contains("rel=\"icon\"") {
            lines.push_str(line);
            lines.push('\n');
        }
    }
    // The switch is static markup outside the island: `hidden` stays.
    let switches: Vec<usize> = lines.match_indices("<nav ").map(|(i, _)| i).filter(|&i| lines[i..].split('>').next().is_some_and(|tag| tag.contains(r#"class="lang""#))).collect();
    let [at] = switches[..] else {
        return Err(missing("single language switch (<nav class=\"lang\">)"));
    };
    // The links to the listing of ICE's agreements and the CSV name files not next to a lone file either.
    let out = format!("{}<nav hidden {}", &lines[..at], &lines[at + "<nav ".len()..]);
    Ok(out.replacen(r#"<p class="ag-links">"#, r#"<p hidden class="ag-links">"#, 1))
}

/// The listing page of ICE's agreements in `lang` (every agreement, by state): the head of
/// the page Trunk built (its stylesheet with its SRI hash, its icon), no script, and the
/// [`crate::components::Listing`] rendered by Yew.
pub fn listing(template: &str, lang: Lang) -> Result<String, String> {
    use std::rc::Rc;
    let Some((list, text)) = crate::agreements() else {
        return Err("the content has no [agreements]".into());
    };
    let tag = |rel: &str| {
        let at = template.find(&format!(r#"<link rel="{rel}""#)).ok_or_else(|| format!("the page has no `<link rel=\"{rel}\">` from Trunk"))?;
        let end = at + template[at..].find('>').ok_or_else(|| format!("`<link rel=\"{rel}\"` is not closed"))? + 1;
        Ok::<_, String>(&template[at..end])
    };
    let (css, icon) = (tag("stylesheet")?, tag("icon")?);
    if !css.contains(" integrity=\"") {
        return Err("the stylesheet's link has no SRI hash".into());
    }
    let loc = CONTENT.locale(lang);
    let as_of = explainer_core::format::date(list.date, loc);
    let title = explainer_core::format::fill(text.listing_title.get(lang), &[("date", &as_of)]);
    let total = explainer_core::format::count(list.total() as u64, loc);
    let intro = explainer_core::format::fill(text.listing_intro.get(lang), &[("total", &total), ("date", &as_of)]);
    let props = move || crate::components::ListingProps { list: Rc::new(list.clone()), text, lang };
    let body = futures::executor::block_on(yew::ServerRenderer::<crate::components::Listing>::with_props(props).hydratable(false).render());
    Ok(format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n  <meta charset=\"utf-8\">\n  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n  <title>{}</title>\n  <meta name=\"description\" content=\"{}\">\n  <meta name=\"color-scheme\" content=\"light dark\">\n  {icon}\n  {css}\n</head>\n<body>\n{body}\n</body>\n</html>\n",
        lang.code(),
        escape_attr(&title),
        escape_attr(&intro),
    ))
}

/// ICE's list, cleaned, as CSV (UTF-8, one agreement a row, in ICE's order): ICE's row, the
/// state, agency, type and model, the date signed (ISO, empty when ICE's sheet has none that
/// can be read) and what was wrong with the row as published.
pub fn csv(list: &explainer_core::agreements::AgreementList) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let e = |e: csv::Error| e.to_string();
    w.write_record(["ice_row", "state", "agency", "type", "model", "signed", "problems"]).map_err(e)?;
    for a in list.rows.iter() {
        let signed = a.signed.map(explainer_core::format::iso_date).unwrap_or_default();
        let problems: Vec<&str> = a.problems.iter().map(|p| &**p).collect();
        w.write_record([&a.row.to_string(), &*a.state, &*a.agency, &*a.kind, a.model.ice_name(), &signed, &problems.join("; ")]).map_err(e)?;
    }
    String::from_utf8(w.into_inner().map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}
