//! Each prerendered page's share card: Open Graph and Twitter tags and the description, in the
//! page's language, well-formed, with the fallback image relative or (with PUBLIC_URL) absolute.

#![cfg(feature = "ssr")]

use explainer::content::CONTENT;
use explainer::prerender;
use explainer_core::content::Lang;

const INDEX: &str = include_str!("../index.html");
const TRUNK_LINKS: &str = r#"<link rel="modulepreload" href="./explainer-1a2b.js" crossorigin="anonymous" integrity="sha384-GLUE"><link rel="preload" href="./explainer-1a2b_bg.wasm" crossorigin="anonymous" integrity="sha384-WASM" as="fetch" type="application/wasm"></head>"#;

fn page(lang: Lang) -> Result<String, String> {
    prerender::page(&INDEX.replace("</head>", TRUNK_LINKS), lang)
}

/// The `content` of the one `<meta {key}="{name}" content="…">` in the head (fails if there
/// is none or more than one), decoded, after checking the tag is well-formed: one line, quoted
/// values, no `<` or stray quote inside.
fn meta(page: &str, key: &str, name: &str) -> String {
    let head = &page[..page.find("</head>").expect("a head")];
    let open = format!(r#"<meta {key}="{name}" content=""#);
    assert_eq!(head.matches(&open).count(), 1, "one `{open}` in the head");
    let start = head.find(&open).unwrap() + open.len();
    let end = start + head[start..].find('"').expect("content closed");
    assert!(head[end..].starts_with("\">"), "`{name}` ends right after its content");
    let raw = &head[start..end];
    assert!(!raw.contains(['<', '>', '\n']), "{name}: {raw}");
    raw.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

#[test]
fn both_pages_have_a_share_card_in_their_language() {
    // (PUBLIC_URL is read from the environment: one test changes it, in order.)
    std::env::remove_var("PUBLIC_URL");
    for lang in Lang::ALL {
        let p = page(lang).unwrap();
        let ui = &CONTENT.ui;
        assert_eq!(meta(&p, "property", "og:title"), ui.title.get(lang));
        assert_eq!(meta(&p, "property", "og:description"), ui.dek.get(lang));
        assert_eq!(meta(&p, "name", "description"), ui.dek.get(lang));
        assert_eq!(meta(&p, "name", "twitter:card"), "summary_large_image");
        let image = meta(&p, "property", "og:image");
        assert_eq!(image, if lang == Lang::En { "fallback.png" } else { "fallback.es.png" });
        // On a feed the card's figures must not read as the program's cost: the text says they
        // are our estimate and what they assume (officers, salary, overtime).
        let alt = meta(&p, "property", "og:image:alt");
        let expected = match lang {
            Lang::En => "Our estimate, not an official cost: $139,855 a year per officer and $1.19 billion a year for all officers, assuming 8,501 officers, each paid $74,510 a year, benefits of 62.7% of salary and overtime of 25% of salary.",
            Lang::Es => "Nuestra estimación, no un costo oficial: $139,855 al año por agente y $1,190 millones al año para todos los agentes, suponiendo 8,501 agentes, un salario de $74,510 al año para cada uno, beneficios equivalentes al 62.7% del salario y horas extra equivalentes al 25% del salario.",
        };
        assert_eq!(alt, expected);
    }

    std::env::set_var("PUBLIC_URL", "https://news.example/graphics/287g");
    let es = page(Lang::Es).unwrap();
    assert_eq!(meta(&es, "property", "og:image"), "https://news.example/graphics/287g/fallback.es.png");
    let en = page(Lang::En).unwrap();
    assert_eq!(meta(&en, "property", "og:image"), "https://news.example/graphics/287g/fallback.png");

    // A public address that is not one stops the build with the reason.
    std::env::set_var("PUBLIC_URL", "javascript:alert(1)");
    let err = page(Lang::En).unwrap_err();
    assert!(err.contains("PUBLIC_URL") && err.contains("https://"), "{err}");
    std::env::set_var("PUBLIC_URL", "https://news.example/\"><script>");
    assert!(page(Lang::En).unwrap_err().contains("cannot contain"));
    std::env::remove_var("PUBLIC_URL");
}
