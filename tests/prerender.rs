//! The prerendered page holds the whole widget in its default state, in both languages.

#![cfg(feature = "ssr")]

use explainer::content::CONTENT;
use explainer::prerender;
use explainer_core::content::Lang;
use explainer_core::format;

const INDEX: &str = include_str!("../index.html");
/// What Trunk adds to index.html for the wasm (hashed names, SRI hashes).
const TRUNK_LINKS: &str = r#"<link rel="modulepreload" href="./explainer-1a2b.js" crossorigin="anonymous" integrity="sha384-GLUE"><link rel="preload" href="./explainer-1a2b_bg.wasm" crossorigin="anonymous" integrity="sha384-WASM" as="fetch" type="application/wasm"></head>"#;

fn template() -> String {
    INDEX.replace("</head>", TRUNK_LINKS)
}

fn text_of(html: &str) -> String {
    // Markup in, text out: enough to look for sentences without tags or comments between.
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#x27;", "'").replace("&amp;", "&").replace("&quot;", "\"")
}

#[test]
fn every_event_and_default_figure_is_in_both_pages() {
    for lang in Lang::ALL {
        let page = prerender::page(&template(), lang).unwrap();
        let text = text_of(&page);
        assert!(page.contains(&format!("<html lang=\"{}\" data-pages=\"en=index.html es=index.es.html\" data-glue=", lang.code())));
        // Only the calculator runs in the browser: its markup is the island's, once, and no
        // hydration markers (the island renders afresh).
        assert_eq!(page.matches(&format!("<div id=\"{}\">", explainer::app::ISLAND_ID)).count(), 1);
        let island = page.split(&format!("<div id=\"{}\">", explainer::app::ISLAND_ID)).nth(1).unwrap();
        assert!(island.starts_with("<section data-calculator"), "{}", &island[..80]);
        assert!(!page.contains("<!--<["), "hydration markers");
        assert!(text.contains(CONTENT.ui.title.get(lang)));
        for e in CONTENT.events.iter() {
            assert!(text.contains(e.headline.get(lang)), "{:?}: headline of {}", lang, e.id);
            assert!(text.contains(e.body.get(lang)), "{:?}: body of {}", lang, e.id);
            assert!(page.contains(&format!("datetime=\"{}\"", format::iso_date(e.date))));
            assert!(text.contains(&format::date(e.date, CONTENT.locale(lang))));
        }
        assert_eq!(page.matches("class=\"event milestone\"").count(), 4);
        for s in CONTENT.sources.iter() {
            assert!(text.contains(s.name.get(lang)), "source {}", s.id);
        }
        // The worked reference case of facts.md, formatted.
        let loc = CONTENT.locale(lang);
        assert!(text.contains(&format::dollars(13_985_527, loc)), "{lang:?}: per officer");
        assert!(text.contains(&format::money(118_890_965_027, loc)), "{lang:?}: total");
        assert!(text.contains(&format::percent_bp(6_270, loc)));
        assert!(text.contains("8,501"));
    }
    let en = text_of(&prerender::page(&template(), Lang::En).unwrap());
    for figure in ["$139,855", "$1.19 billion", "6.3%", "$18.75 billion", "$74,510", "December 2012", "Sept. 18, 2012", "12 years later"] {
        assert!(en.contains(figure), "English page lacks {figure}");
    }
    let es = text_of(&prerender::page(&template(), Lang::Es).unwrap());
    // One house style for money in Spanish (U.S. Spanish-language newsrooms): in millions.
    assert!(!es.contains("mil millones"), "the Spanish page writes \"mil millones\"");
    for figure in ["$1,190 millones", "$18,750 millones", "diciembre de 2012", "12 años después"] {
        assert!(es.contains(figure), "Spanish page lacks {figure}");
    }
}

#[test]
fn the_page_needs_exactly_one_root() {
    assert!(prerender::page("<html lang=\"en\"><title></title>", Lang::En).is_err());
    let none = template().replace(r#"<div id="explainer"></div>"#, "");
    let error = prerender::page(&none, Lang::En).unwrap_err();
    assert!(error.contains("no `div#explainer`"), "{error}");
    // Each edit finds its element once, or the build stops naming it.
    let two = template().replace(r#"<div id="explainer"></div>"#, r#"<div id="explainer"></div><div id="explainer"></div>"#);
    let error = prerender::page(&two, Lang::En).unwrap_err();
    assert!(error.contains("2 `div#explainer`"), "{error}");
}

#[test]
fn the_code_is_not_preloaded_but_named_on_the_page() {
    let page = prerender::page(&template(), Lang::En).unwrap();
    // No preload: the loader fetches the calculator's code only when it is needed.
    assert!(!page.contains("rel=\"preload\"") && !page.contains("rel=\"modulepreload\""));
    assert!(page.contains(r#"<html lang="en" data-pages="en=index.html es=index.es.html" data-glue="./explainer-1a2b.js" data-glue-integrity="sha384-GLUE" data-wasm="./explainer-1a2b_bg.wasm" data-wasm-integrity="sha384-WASM" data-keys=""#));
    // What the link parser accepts, key by key, for the loader: `key=pattern`, in link order.
    let keys = page.split(r#" data-keys=""#).nth(1).and_then(|s| s.split('"').next()).unwrap();
    let entries: Vec<(&str, &str)> = keys.split(' ').filter_map(|e| e.split_once('=')).collect();
    assert!(entries.iter().map(|e| e.0).eq(explainer_core::url::keys()), "{keys}");
    assert!(entries.iter().all(|(_, p)| p.starts_with('^') && p.ends_with('$')), "{keys}");
    assert!(entries.contains(&("rule", "^(dhs|reuters)$")) && entries.contains(&("lang", "^([eE][nN]|[eE][sS])$")), "{keys}");
    // The themes `?theme=` may ask for, for the loader: the embed codes' list (one home).
    assert!(page.contains(r#" data-themes="auto light dark" "#), "the themes on <html>");
    assert!(page.contains(r#"<div id="explainer"><article lang="en""#));
    // The loader's notes, in the page's language (it has no text of its own).
    for lang in Lang::ALL {
        let page = prerender::page(&template(), lang).unwrap();
        let ui = &CONTENT.ui;
        for (attr, text) in [("data-note-loading", &ui.loading_scenario), ("data-note-failed", &ui.not_started), ("data-note-failed-link", &ui.not_started_link)] {
            assert!(page.contains(&format!(r#" {attr}="{}""#, text.get(lang))), "{lang:?}: {attr}");
        }
    }
    // A page Trunk did not build (no links) is refused, naming what is missing.
    let err = prerender::page(INDEX, Lang::En).unwrap_err();
    assert!(err.contains("modulepreload"), "{err}");
}

/// The text inside the first element with `id="{id}"` (tags and Yew's comments stripped).
fn inside(page: &str, id: &str) -> String {
    let start = page.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no #{id}"));
    let open = start + page[start..].find('>').unwrap() + 1;
    let close = open + page[open..].find("</").unwrap();
    text_of(&page[open..close].replace("<!--", "<").replace("-->", ">")).trim().to_string()
}

#[test]
fn the_figures_sit_in_their_output_elements_with_the_25_percent_choice() {
    let en = prerender::page(&template(), Lang::En).unwrap();
    assert_eq!(inside(&en, "out-per-officer"), "$139,855");
    assert_eq!(inside(&en, "out-total"), "$1.19 billion");
    assert_eq!(inside(&en, "out-assumes"), "Assumes overtime at the maximum DHS announced: 25% of salary.");
    assert!(inside(&en, "out-share").starts_with("For scale: equal to 6.3% of about $18.75 billion a year"));
    assert_eq!(
        inside(&en, "out-summary"),
        "Options: performance awards, None (or under 70% of targets); equipment allowance, not counted; 25% cap, Overtime up to 25% of salary, awards on top (as DHS lists them)."
    );
    // Both readings are offered, each naming its source; DHS's is chosen.
    assert!(en.contains(r#"id="rule-dhs" value="dhs" checked"#) || en.contains(r#"value="dhs" checked"#), "DHS reading checked");
    assert!(en.contains(r#"id="rule-reuters""#));
    assert!(text_of(&en).contains("Overtime and awards together up to 25% of salary (one reading of Reuters' wording)"));
    let es = prerender::page(&template(), Lang::Es).unwrap();
    assert_eq!(inside(&es, "out-total"), "$1,190 millones");
    assert!(text_of(&es).contains("Horas extra y bonos juntos hasta el 25% del salario (una lectura posible del texto de Reuters)"));
    assert_eq!(inside(&es, "out-assumes"), "Supone horas extra al máximo que anunció el DHS: el 25% del salario.");
}

/// The one-file build: the code as data: URLs without hashes, the script and stylesheet
/// inline, no icon, the language switch hidden; a missing file names itself.
#[test]
fn the_one_file_build_inlines_everything() {
    // The page as Trunk writes it: its own tags for the icon, stylesheet and loader.
    let built = template()
        .replace(r#"<link data-trunk rel="icon" href="assets/favicon.svg">"#, r#"<link rel="icon" href="./favicon-1.svg"/>"#)
        .replace(r#"<link data-trunk rel="css" href="target/web/style.css">"#, r#"<link rel="stylesheet" href="./style-1.css" integrity="sha384-CSS"/>"#)
        .replace(r#"<link data-trunk rel="rust" data-bin="explainer" data-wasm-opt="z">"#, "")
        .replace(r#"<script data-trunk src="target/web/loader.js"></script>"#, r#"<script src="./loader-1.js" integrity="sha384-JS"></script>"#);
    assert!(!built.contains("data-trunk"), "index.html changed: update this test's copy of Trunk's tags");
    let page = prerender::page(&built, Lang::Es).unwrap();
    let files = |name: &str| -> Result<Vec<u8>, String> {
        match name {
            "./explainer-1a2b.js" => Ok(b"export default 1".to_vec()),
            "./explainer-1a2b_bg.wasm" => Ok(vec![0, 97, 115, 109]),
            n if n.ends_with(".js") => Ok(b"/*loader*/".to_vec()),
            n if n.ends_with(".css") => Ok(b"/*style*/".to_vec()),
            n => Err(format!("{n}: not found")),
        }
    };
    let one = prerender::standalone(&page, files).unwrap();
    assert!(one.contains(r#" data-glue="data:text/javascript;base64,ZXhwb3J0IGRlZmF1bHQgMQ==""#), "glue");
    assert!(one.contains(r#" data-wasm="data:application/wasm;base64,AGFzbQ==""#), "wasm");
    assert!(!one.contains("sha384-GLUE") && !one.contains("sha384-WASM"), "no hashes for the code: nothing is fetched");
    assert!(one.contains("<script>\n/*loader*/\n</script>") && one.contains("<style>\n/*style*/\n"));
    assert!(!one.contains("rel=\"icon\"") && !one.contains("rel=\"stylesheet\""));
    // The one language switch is hidden (the attribute's place is the HTML rewriter's).
    let switches: Vec<&str> = one.split("<nav ").skip(1).filter_map(|t| t.split('>').next()).filter(|t| t.contains(r#"class="lang""#)).collect();
    assert_eq!(switches.len(), 1, "{switches:?}");
    assert!(switches[0].contains(r#" hidden="""#), "{switches:?}");
    assert!(one.contains("<html lang=\"es\""));
    let missing = prerender::standalone(&page, |n: &str| if n.ends_with(".wasm") { Err(format!("{n}: not found")) } else { files(n) }).unwrap_err();
    assert!(missing.contains("explainer-1a2b_bg.wasm"), "{missing}");
    // A file that would end its inline tag early stops the build, naming it.
    let closing = prerender::standalone(&page, |n: &str| if n.ends_with("loader-1.js") { Ok(b"x = '</SCRIPT>';".to_vec()) } else { files(n) }).unwrap_err();
    assert!(closing.contains("./loader-1.js") && closing.contains("</script"), "{closing}");
}
