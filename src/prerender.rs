//! Build-time rendering: the widget's default state as HTML, put into the page Trunk built,
//! so readers see every event and figure before (or without) any script.
//!
//! The edits to Trunk's page go through an HTML rewriter (lol_html): each names the element it
//! changes by a CSS selector and must find it exactly once (at most once, where it says so),
//! or the build fails naming it. `tests/prerender.rs` checks the result.

use std::cell::{Cell, RefCell};

use explainer_core::content::Lang;
use explainer_core::embed::Theme;
use explainer_core::html::escape as escape_attr;
use lol_html::html_content::{ContentType, Element};

use crate::content::CONTENT;
use crate::{App, AppProps};

/// The widget in `lang`. No hydration markers: the browser renders the calculator afresh
/// (crate::island) and nothing else.
pub fn render(lang: Lang) -> String {
    futures::executor::block_on(yew::ServerRenderer::<App>::with_props(move || AppProps { lang }).hydratable(false).render())
}

/// One edit: the elements it applies to, whether it may find none, and what it does to each.
struct Edit<'a> {
    selector: &'static str,
    optional: bool,
    apply: Box<dyn FnMut(&mut Element) -> Result<(), String> + 'a>,
}

/// An edit to the one element `selector` names.
fn one<'a>(selector: &'static str, apply: impl FnMut(&mut Element) -> Result<(), String> + 'a) -> Edit<'a> {
    Edit { selector, optional: false, apply: Box::new(apply) }
}

/// An edit to the element `selector` names, if the page has it.
fn maybe<'a>(selector: &'static str, apply: impl FnMut(&mut Element) -> Result<(), String> + 'a) -> Edit<'a> {
    Edit { selector, optional: true, apply: Box::new(apply) }
}

/// `html` with `edits` applied; fails naming an edit whose element is missing or not alone.
fn rewrite(html: &str, edits: Vec<Edit<'_>>) -> Result<String, String> {
    let counts: Vec<Cell<usize>> = edits.iter().map(|_| Cell::new(0)).collect();
    let wanted: Vec<(&str, bool)> = edits.iter().map(|e| (e.selector, e.optional)).collect();
    let mut settings = lol_html::RewriteStrSettings::new();
    for (Edit { selector, mut apply, .. }, count) in edits.into_iter().zip(&counts) {
        settings = settings.append_element_content_handler(lol_html::element!(selector, move |el| {
            count.set(count.get() + 1);
            apply(el).map_err(|e| format!("`{selector}`: {e}").into())
        }));
    }
    let out = lol_html::rewrite_str(html, settings).map_err(|e| e.to_string())?;
    for ((selector, optional), count) in wanted.into_iter().zip(&counts) {
        match count.get() {
            1 => {}
            0 if optional => {}
            0 => return Err(format!("the page has no `{selector}` (Trunk's page changed?)")),
            n => return Err(format!("the page has {n} `{selector}` (one expected)")),
        }
    }
    Ok(out)
}

/// Sets an attribute, escaped as every attribute we write (lol_html would escape only `"`).
fn set(el: &mut Element, name: &str, value: &str) -> Result<(), String> {
    el.set_attribute(name, &escape_attr(value)).map_err(|e| e.to_string())
}

/// An attribute's value as the page writes it (lol_html does not decode entities: Trunk's file
/// names and hashes have none).
fn get(el: &Element, name: &str) -> Result<String, String> {
    el.get_attribute(name).ok_or_else(|| format!("no {name}"))
}

/// The element's start tag, written again from its attributes (in their order), each value as
/// the page wrote it (so not escaped again; a single-quoted one may hold `"`).
fn start_tag(el: &Element) -> String {
    let attrs: String = el.attributes().iter().map(|a| format!(r#" {}="{}""#, a.name(), a.value().replace('"', "&quot;"))).collect();
    format!("<{}{attrs}>", el.tag_name())
}

/// A file Trunk built: its address and its SRI hash.
struct Asset {
    href: String,
    integrity: String,
}

/// The page Trunk built, with the widget rendered into its root and the page's language,
/// title, description and share card set to `lang`.
pub fn page(template: &str, lang: Lang) -> Result<String, String> {
    let ui = &CONTENT.ui;
    // The calculator's code loads when it is needed (assets/loader/), not with the page:
    // Trunk's preload links become data on <html>, where the loader (which may run before
    // the body is parsed) finds them. (First, as <html> comes before them.)
    let (glue, wasm) = (RefCell::new(None), RefCell::new(None));
    fn take(slot: &RefCell<Option<Asset>>) -> impl FnMut(&mut Element) -> Result<(), String> + '_ {
        move |el| {
            *slot.borrow_mut() = Some(Asset { href: get(el, "href")?, integrity: get(el, "integrity")? });
            el.remove();
            Ok(())
        }
    }
    let out = rewrite(template, vec![one("link[rel=modulepreload]", take(&glue)), one("link[rel=preload]", take(&wasm))])?;
    let (Some(glue), Some(wasm)) = (glue.into_inner(), wasm.into_inner()) else { unreachable!("rewrite found each link once") };
    // <html>'s attributes: the language, each language's page (a link asking for the other
    // language goes there), where the code is, with its SRI hashes, what a link may ask for
    // (its keys' patterns, the themes), and the loader's notes in this language (the loader has
    // no text of its own).
    let pages: Vec<String> = Lang::ALL.iter().map(|&l| format!("{}={}", l.code(), crate::edge::prerender_file(l))).collect();
    let themes: Vec<&str> = Theme::ALL.iter().map(|t| t.code()).collect();
    let html = [
        ("lang", lang.code().to_string()),
        ("data-pages", pages.join(" ")),
        ("data-glue", glue.href),
        ("data-glue-integrity", glue.integrity),
        ("data-wasm", wasm.href),
        ("data-wasm-integrity", wasm.integrity),
        ("data-keys", explainer_core::url::key_patterns()),
        ("data-themes", themes.join(" ")),
        ("data-note-loading", ui.loading_scenario.get(lang).to_string()),
        ("data-note-failed", ui.not_started.get(lang).to_string()),
        ("data-note-failed-link", ui.not_started_link.get(lang).to_string()),
    ];
    let card = share_card(lang)?;
    let widget = render(lang);
    rewrite(&out, vec![
        one("html", |el| html.iter().try_for_each(|(name, value)| set(el, name, value))),
        one("title", |el| {
            el.set_inner_content(&escape_attr(ui.title.get(lang)), ContentType::Html);
            Ok(())
        }),
        one("meta[name=description]", |el| {
            set(el, "content", ui.dek.get(lang))?;
            el.after(&format!("\n  {card}"), ContentType::Html);
            Ok(())
        }),
        one("div#explainer", |el| {
            el.set_inner_content(&widget, ContentType::Html);
            Ok(())
        }),
    ])
}

/// The share card's tags, for after the description (`core/src/embed/`): the title, the dek,
/// the fallback image (absolute with `PUBLIC_URL`, else next to the page) and its text, made
/// of the default figures the image shows.
fn share_card(lang: Lang) -> Result<String, String> {
    use explainer_core::embed::{share_image_url, share_meta};
    let ui = &CONTENT.ui;
    let public = std::env::var("PUBLIC_URL").ok().filter(|u| !u.trim().is_empty());
    let image = share_image_url(public.as_deref(), lang).map_err(|e| format!("PUBLIC_URL={:?}: {e}", public.unwrap_or_default()))?;
    let alt = crate::figures::card_alt(&CONTENT, &CONTENT.defaults(), lang);
    Ok(share_meta(ui.title.get(lang), ui.dek.get(lang), &image, &alt))
}

/// Each language's one-file build, written beside its prerendered page: everything inlined,
/// so it works from `file://` and as an iframe `srcdoc`.
pub fn standalone_file(lang: Lang) -> &'static str {
    explainer_core::files::Files::of(lang).standalone
}

/// A one-file build from a prerendered page (as [`page`] writes it): the stylesheet and the
/// loader inlined, the glue and the wasm as `data:` URLs on <html>. `read` gives a file of the
/// build by its address in the page. The EN/ES switch is hidden: its links name the other
/// page, which is not next to a lone file (and before the code runs, a click would follow
/// them). Each language has its own file.
pub fn standalone(page: &str, read: impl Fn(&str) -> Result<Vec<u8>, String>) -> Result<String, String> {
    use base64::Engine;
    let text = |name: &str| read(name).and_then(|b| String::from_utf8(b).map_err(|e| format!("{name}: {e}")));
    rewrite(page, vec![
        // The same <html> data, with the code inline (no hashes needed: nothing is fetched), and
        // no other pages (a lone file has none next to it).
        one("html", |el| {
            el.remove_attribute("data-pages");
            for (key, mime) in [("data-glue", "text/javascript"), ("data-wasm", "application/wasm")] {
                let inline = base64::engine::general_purpose::STANDARD.encode(read(&get(el, key)?)?);
                set(el, key, &format!("data:{mime};base64,{inline}"))?;
                el.remove_attribute(&format!("{key}-integrity"));
            }
            Ok(())
        }),
        // A classic script, as in the page: it runs where it stands, before the body is parsed.
        one("script[src]", |el| {
            let src = get(el, "src")?;
            el.replace(&format!("<script>\n{}\n</script>", inline(&src, text(&src)?, "</script")?), ContentType::Html);
            Ok(())
        }),
        // `hidden` alone loses to the stylesheet's `.lang { display: flex }`.
        one("link[rel=stylesheet]", |el| {
            let href = get(el, "href")?;
            el.replace(&format!("<style>\n{}\nnav.lang[hidden] {{ display: none; }}\n</style>", inline(&href, text(&href)?, "</style")?), ContentType::Html);
            Ok(())
        }),
        maybe("link[rel=icon]", |el| {
            el.remove();
            Ok(())
        }),
        // The switch is static markup outside the island: `hidden` stays.
        one("nav.lang", |el| set(el, "hidden", "")),
        // The links to the listing of ICE's agreements and the CSV name files not next to a lone
        // file either (the section is there when the content has a list).
        maybe("p.ag-links", |el| set(el, "hidden", "")),
    ])
}

/// A file's text to put inside its tag, unless it would end the tag early.
fn inline(name: &str, text: String, end: &str) -> Result<String, String> {
    match text.to_ascii_lowercase().contains(end) {
        true => Err(format!("{name} holds `{end}`: it cannot be inlined")),
        false => Ok(text),
    }
}

/// The listing page of ICE's agreements in `lang` (every agreement, by state): the head of
/// the page Trunk built (its stylesheet with its SRI hash, its icon), no script, and the
/// [`crate::components::Listing`] rendered by Yew.
pub fn listing(template: &str, lang: Lang) -> Result<String, String> {
    use std::rc::Rc;
    let Some((list, text)) = crate::agreements() else {
        return Err("the content has no [agreements]".into());
    };
    let (css, icon) = (RefCell::new(String::new()), RefCell::new(String::new()));
    rewrite(template, vec![
        one("link[rel=stylesheet]", |el| {
            get(el, "integrity").map_err(|_| "the stylesheet's link has no SRI hash".to_string())?;
            *css.borrow_mut() = start_tag(el);
            Ok(())
        }),
        one("link[rel=icon]", |el| {
            *icon.borrow_mut() = start_tag(el);
            Ok(())
        }),
    ])?;
    let (css, icon) = (css.into_inner(), icon.into_inner());
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
