//! The publishing kit's text builders: the embed snippets a newsroom pastes into its CMS
//! (plain iframe, Pym.js, @newswire/frames, AMP) and the share-card `<meta>` tags of each
//! prerendered page. Pure functions, no web types: the embed page (`dist/embed.html`) calls
//! them through a small separate wasm (`publish/`), the prerender step calls them natively.
//!
//! Nothing a user types reaches a snippet unchecked: the base address must be an absolute
//! `http(s)` folder address made of URL characters only (no quotes, `<`, `>`, back quote,
//! backslash, white space or control characters; so no `javascript:` or `data:` either), a
//! scenario's values must be ones the widget reads (numbers, the award tiers, `dhs`/`reuters`),
//! and every value is still escaped for where it goes: `&` `"` `'` `<` `>` in attributes, and
//! `\`, quotes, `<`, `>`, `&` and line breaks as `\uXXXX` inside a script's string.

mod input;

pub use input::{parse_base, parse_scenario, EmbedError, Scenario};

use crate::content::Lang;
use crate::files::Files;
use crate::html::{escape as escape_attr, js_string};

/// The id of the element the snippets create (and the Pym.js child id).
pub const ELEMENT_ID: &str = "explainer-287g";
/// Where the snippets load the parents' scripts from (each project's own public address).
pub const PYM_SRC: &str = "https://pym.nprapps.org/pym.v1.min.js";
pub const FRAMES_SRC: &str = "https://unpkg.com/@newswire/frames@1.0.0/dist/frames.umd.js";
pub const AMP_IFRAME_SRC: &str = "https://cdn.ampproject.org/v0/amp-iframe-0.1.js";
/// The fallback image's size in CSS pixels (the build can write it at 2x: `FALLBACK_SCALE=2`).
pub const FALLBACK_WIDTH: u32 = 1200;
pub const FALLBACK_HEIGHT: u32 = 630;
/// A starting height for an iframe before the widget's first height message (about the
/// widget's height on a phone): the host resizes it at once.
const INITIAL_HEIGHT: u32 = 3300;

/// The widget's colours (`?theme=`). Its code is its name in lower case.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, strum::VariantArray, strum::EnumCount, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "lowercase")]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; <Theme as strum::EnumCount>::COUNT] = crate::all();

    /// Its value in `?theme=` (and in the embed page's form). The loader (`applyTheme`) takes the
    /// list from `<html data-themes>` (the prerender step writes it from [`Theme::ALL`]); the
    /// stylesheet's `[data-theme]` rules name light and dark.
    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn from_code(code: &str) -> Option<Theme> {
        code.parse().ok()
    }
}

/// Everything a snippet depends on, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    /// The folder where `dist/` is hosted, ending in `/` (see [`parse_base`]).
    pub base: String,
    pub lang: Lang,
    pub theme: Theme,
    /// The calculator's inputs (see [`parse_scenario`]).
    pub scenario: Vec<(&'static str, String)>,
    /// The iframe's accessible name: the widget's title in its language.
    pub title: String,
}

impl Embed {
    /// Checks the options as typed on the embed page.
    pub fn new(base: &str, lang: Lang, theme: Theme, scenario_link: &str, title: &str) -> Result<Embed, EmbedError> {
        Ok(Embed { base: parse_base(base)?, lang, theme, scenario: parse_scenario(scenario_link)?.pairs, title: title.trim().to_string() })
    }

    /// The widget's page for these options: the language's prerendered page, the theme and
    /// the scenario in the query.
    pub fn widget_url(&self) -> String {
        format!("{}{}", self.base, self.widget_path())
    }

    /// [`Embed::widget_url`] relative to the base (the embed page's preview uses it).
    pub fn widget_path(&self) -> String {
        let page = Files::of(self.lang).page;
        let mut query: Vec<String> = Vec::new();
        // The default needs no key.
        if self.theme != Theme::default() {
            query.push(format!("theme={}", self.theme.code()));
        }
        // Values are digits, `.`, or the words the widget reads: nothing to encode.
        query.extend(self.scenario.iter().map(|(k, v)| format!("{k}={v}")));
        if query.is_empty() {
            page.to_string()
        } else {
            format!("{page}?{}", query.join("&"))
        }
    }

    /// The fallback image for the widget's language, next to the widget.
    pub fn fallback_url(&self) -> String {
        format!("{}{}", self.base, Files::of(self.lang).fallback)
    }

    /// A plain iframe and the small script that sets its height from the widget's messages
    /// (only from that iframe's window, only a finite, bounded height).
    pub fn iframe(&self) -> String {
        format!(
            r#"<iframe id="{id}" src="{src}"
        title="{title}" loading="lazy" scrolling="no"
        allow="clipboard-write" style="display:block;width:100%;border:0;height:{h}px"></iframe>
<script>
  // Resize only our iframe, only from its own window, only to a finite, bounded height.
  window.addEventListener('message', function (e) {{
    var frame = document.getElementById('{id}');
    var d = e.data;
    if (!frame || e.source !== frame.contentWindow || !d || d.sentinel !== 'amp' || d.type !== 'embed-size') return;
    var h = Number(d.height);
    if (isFinite(h) && h > 0 && h < 100000) frame.style.height = Math.ceil(h) + 'px';
  }});
</script>"#,
            id = ELEMENT_ID,
            src = escape_attr(&self.widget_url()),
            title = escape_attr(&self.title),
            h = INITIAL_HEIGHT,
        )
    }

    /// Pym.js (NPR): the parent makes the iframe; the widget answers with Pym's height message.
    pub fn pym(&self) -> String {
        format!(
            r#"<div id="{id}"></div>
<script src="{pym}"></script>
<script>new pym.Parent({id_js}, {src}, {{ title: {title} }});</script>"#,
            id = ELEMENT_ID,
            pym = PYM_SRC,
            id_js = js_string(ELEMENT_ID),
            src = js_string(&self.widget_url()),
            title = js_string(&self.title),
        )
    }

    /// @newswire/frames: the widget answers `frames-init` with AMP `embed-size` messages.
    pub fn frames(&self) -> String {
        format!(
            r#"<div data-frame-src="{src}" data-frame-attribute-title="{title}"
     data-frame-attribute-allow="clipboard-write"></div>
<script src="{frames}"></script>
<script>newswireFrames.autoInitFrames();</script>"#,
            src = escape_attr(&self.widget_url()),
            title = escape_attr(&self.title),
            frames = FRAMES_SRC,
        )
    }

    /// AMP: `<amp-iframe resizable>` (the widget's `embed-size` messages resize it), with the
    /// `overflow` element AMP requires and the fallback image as its placeholder. AMP loads
    /// iframes only over https.
    pub fn amp(&self) -> Result<String, EmbedError> {
        if !self.base.starts_with("https://") {
            return Err(EmbedError::AmpNeedsHttps);
        }
        let more = match self.lang {
            Lang::En => "Show all",
            Lang::Es => "Ver todo",
        };
        Ok(format!(
            r#"<!-- In the page's <head>, once: <script async custom-element="amp-iframe" src="{amp}"></script> -->
<amp-iframe src="{src}" title="{title}"
    width="{w}" height="{h}" layout="responsive" resizable frameborder="0"
    sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox">
  <button overflow type="button" aria-label="{more}">{more}</button>
  <amp-img placeholder layout="fill" src="{img}" alt="{title}"></amp-img>
</amp-iframe>"#,
            amp = AMP_IFRAME_SRC,
            src = escape_attr(&self.widget_url()),
            title = escape_attr(&self.title),
            w = FALLBACK_WIDTH,
            h = FALLBACK_HEIGHT,
            more = more,
            img = escape_attr(&self.fallback_url()),
        ))
    }
}

/// The address of a page's share image: relative (next to the page) without a public
/// address, absolute with one (`PUBLIC_URL`, checked like a base address).
pub fn share_image_url(public_url: Option<&str>, lang: Lang) -> Result<String, EmbedError> {
    Ok(match public_url {
        Some(base) => format!("{}{}", parse_base(base)?, Files::of(lang).fallback),
        None => Files::of(lang).fallback.to_string(),
    })
}

/// The share card's `<meta>` tags for a page's `<head>` (Open Graph and Twitter's large
/// image card), one per line, every value escaped.
pub fn share_meta(title: &str, description: &str, image: &str, image_alt: &str) -> String {
    let og = |p: &str, v: &str| format!(r#"<meta property="og:{p}" content="{}">"#, escape_attr(v));
    [
        og("title", title),
        og("description", description),
        og("image", image),
        og("image:alt", image_alt),
        r#"<meta name="twitter:card" content="summary_large_image">"#.to_string(),
    ]
    .join("\n  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TITLE: &str = "287(g): timeline and cost calculator";

    fn embed(base: &str, lang: Lang, theme: Theme, link: &str) -> Embed {
        Embed::new(base, lang, theme, link, TITLE).unwrap()
    }

    /// A small HTML tokenizer for the snippets (which quote every attribute with `"`): the
    /// tags' names, their attributes (raw) and the scripts' texts, as a browser would split
    /// them (a script's text ends at the first `</script`; a comment at `-->`).
    struct Parsed {
        tags: Vec<String>,
        attributes: Vec<(String, String)>,
        scripts: Vec<String>,
    }

    fn parse(html: &str) -> Parsed {
        let mut p = Parsed { tags: vec![], attributes: vec![], scripts: vec![] };
        let mut rest = html;
        while let Some(lt) = rest.find('<') {
            rest = &rest[lt + 1..];
            if let Some(after) = rest.strip_prefix("!--") {
                rest = &after[after.find("-->").expect("comment closed") + 3..];
                continue;
            }
            let end = rest.find('>').expect("tag closed");
            let tag = &rest[..end];
            assert!(!tag.contains('<'), "a `<` inside a tag: {tag}");
            let name = tag.split([' ', '\n']).next().unwrap().to_string();
            let mut t = tag;
            while let Some(eq) = t.find("=\"") {
                let attr = t[..eq].rsplit([' ', '\n']).next().unwrap().to_string();
                let v_end = t[eq + 2..].find('"').expect("attribute closed");
                p.attributes.push((attr, t[eq + 2..eq + 2 + v_end].to_string()));
                t = &t[eq + 2 + v_end + 1..];
            }
            rest = &rest[end + 1..];
            if name == "script" {
                let close = rest.find("</script").expect("script closed");
                p.scripts.push(rest[..close].to_string());
                rest = &rest[close..];
            }
            p.tags.push(name);
        }
        p
    }

    fn attributes(html: &str) -> Vec<(String, String)> {
        parse(html).attributes
    }

    fn all(e: &Embed) -> Vec<String> {
        vec![e.iframe(), e.pym(), e.frames(), e.amp().unwrap_or_default()]
    }

    #[test]
    fn base_addresses_are_folders_over_http_or_https() {
        assert_eq!(parse_base("https://example.org/graphics/287g").unwrap(), "https://example.org/graphics/287g/");
        assert_eq!(parse_base("  https://example.org/graphics/287g/ ").unwrap(), "https://example.org/graphics/287g/");
        assert_eq!(parse_base("HTTPS://Example.org/g/index.html").unwrap(), "https://Example.org/g/");
        assert_eq!(parse_base("https://example.org/g/index.es.html").unwrap(), "https://example.org/g/");
        assert_eq!(parse_base("http://127.0.0.1:8080").unwrap(), "http://127.0.0.1:8080/");
        assert_eq!(parse_base("https://cdn.example/a%20b/").unwrap(), "https://cdn.example/a%20b/");
        assert_eq!(parse_base("https://example.org/a&b/").unwrap(), "https://example.org/a&b/");
    }

    #[test]
    fn bad_base_addresses_are_refused_with_a_reason() {
        assert_eq!(parse_base(" "), Err(EmbedError::BaseEmpty));
        assert_eq!(parse_base("javascript:alert(1)"), Err(EmbedError::BaseScheme));
        assert_eq!(parse_base("JavaScript://example.org/%0aalert(1)"), Err(EmbedError::BaseScheme));
        assert_eq!(parse_base("data:text/html,hi"), Err(EmbedError::BaseScheme));
        assert_eq!(parse_base("//example.org/g/"), Err(EmbedError::BaseScheme));
        assert_eq!(parse_base("/graphics/287g/"), Err(EmbedError::BaseScheme));
        assert_eq!(parse_base("https://example.org/\"><script>alert(1)</script>"), Err(EmbedError::BaseChar('"')));
        assert_eq!(parse_base("https://example.org/'onload='x"), Err(EmbedError::BaseChar('\'')));
        assert_eq!(parse_base("https://example.org/<g>"), Err(EmbedError::BaseChar('<')));
        assert_eq!(parse_base("https://example.org/a b"), Err(EmbedError::BaseChar(' ')));
        assert_eq!(parse_base("https://example.org/a\nb"), Err(EmbedError::BaseChar('\n')));
        assert_eq!(parse_base("https://example.org/a\\b"), Err(EmbedError::BaseChar('\\')));
        assert_eq!(parse_base("https://example.org/`x`"), Err(EmbedError::BaseChar('`')));
        assert_eq!(parse_base("https://exämple.org/"), Err(EmbedError::BaseChar('ä')));
        assert_eq!(parse_base("https:///g/"), Err(EmbedError::BaseHost));
        assert_eq!(parse_base("https://user@evil.example/"), Err(EmbedError::BaseHost));
        assert_eq!(parse_base("https://example.org/g/?officers=1"), Err(EmbedError::BaseQuery));
        assert_eq!(parse_base("https://example.org/g/#x"), Err(EmbedError::BaseQuery));
        // Each error has a message and a code for the page's translation.
        for e in [EmbedError::BaseEmpty, EmbedError::BaseScheme, EmbedError::BaseChar('"'), EmbedError::BaseHost, EmbedError::BaseQuery, EmbedError::AmpNeedsHttps] {
            assert!(!e.to_string().is_empty() && !e.code().is_empty());
        }
        assert_eq!(EmbedError::BaseChar('"').what(), "“\"”");
        assert_eq!(EmbedError::BaseChar('\n').what(), "U+000A");
    }

    #[test]
    fn scenario_links_keep_what_the_calculator_reads() {
        let s = parse_scenario("https://example.org/g/index.html?salary=80000&officers=9000&childId=x&officers=9500#top").unwrap();
        assert_eq!(s.pairs, vec![("officers", "9500".to_string()), ("salary", "80000".to_string())]);
        assert_eq!(s.lang, None);
        let s = parse_scenario("?benefits=62.7&overtime=.5&awards=1000&equipment=1&rule=reuters&lang=es&theme=dark").unwrap();
        assert_eq!(s.pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>(), ["benefits=62.7", "overtime=.5", "awards=1000", "equipment=1", "rule=reuters"]);
        assert_eq!((s.lang, s.theme), (Some(Lang::Es), Some(Theme::Dark)));
        assert_eq!(parse_scenario("officers=9000").unwrap().pairs, vec![("officers", "9000".to_string())]);
        assert_eq!(parse_scenario("https://example.org/g/index.es.html?salary=9").unwrap().lang, Some(Lang::Es));
        assert_eq!(parse_scenario("officers=%39000").unwrap().pairs, vec![("officers", "9000".to_string())]);
        // Decoded as browsers decode it: a malformed escape stays as typed, and is then a value
        // the widget would not read, named with what the editor typed.
        assert_eq!(parse_scenario("?officers=%zz").unwrap_err(), EmbedError::ScenarioValue("officers".into(), "%zz".into()));
        assert_eq!(parse_scenario("?salary=%E2").unwrap_err(), EmbedError::ScenarioValue("salary".into(), "%E2".into()));
        assert_eq!(parse_scenario("?officers=+9000+&salary=8%30000").unwrap().pairs, vec![("officers", "9000".to_string()), ("salary", "80000".to_string())]);
        assert_eq!(parse_scenario("").unwrap(), Scenario::default());
        assert_eq!(parse_scenario("https://example.org/g/").unwrap(), Scenario::default());
    }

    #[test]
    fn bad_scenario_values_are_named() {
        let e = parse_scenario("?officers=9000&salary=abc").unwrap_err();
        assert_eq!(e, EmbedError::ScenarioValue("salary".into(), "abc".into()));
        assert!(e.to_string().contains("salary=abc"), "{e}");
        assert_eq!(e.what(), "salary=abc");
        // Decoded values are checked, so an escape cannot smuggle markup in.
        assert_eq!(parse_scenario("?rule=%22%3E%3Cscript%3E").unwrap_err(), EmbedError::ScenarioValue("rule".into(), "\"><script>".into()));
        assert_eq!(parse_scenario("?officers=5x").unwrap_err(), EmbedError::ScenarioValue("officers".into(), "5x".into()));
        // What the widget reads, the codes keep (it clamps out-of-range values).
        assert_eq!(parse_scenario("?officers=-5").unwrap().pairs, vec![("officers", "-5".to_string())]);
        assert_eq!(parse_scenario("?awards=600").unwrap_err().code(), "scenario_value");
        assert_eq!(parse_scenario("?officers=1\"onload=\"x").unwrap_err(), EmbedError::ScenarioChar('"'));
        assert_eq!(parse_scenario("javascript:alert(1)<x>").unwrap_err(), EmbedError::ScenarioChar('<'));
        // A `javascript:` text without query is no scenario at all: nothing of it is used.
        assert_eq!(parse_scenario("javascript:alert(1)").unwrap(), Scenario::default());
    }

    #[test]
    fn widget_urls_follow_the_options() {
        let e = embed("https://example.org/g", Lang::En, Theme::Auto, "");
        assert_eq!(e.widget_url(), "https://example.org/g/index.html");
        assert_eq!(e.fallback_url(), "https://example.org/g/fallback.png");
        let e = embed("https://example.org/g/", Lang::Es, Theme::Dark, "?rule=reuters&officers=9000");
        assert_eq!(e.widget_url(), "https://example.org/g/index.es.html?theme=dark&officers=9000&rule=reuters");
        assert_eq!(e.widget_path(), "index.es.html?theme=dark&officers=9000&rule=reuters");
        assert_eq!(e.fallback_url(), "https://example.org/g/fallback.es.png");
    }

    #[test]
    fn snippets_hold_the_address_and_title_escaped() {
        let e = Embed::new("https://example.org/a&b/", Lang::En, Theme::Light, "officers=9000&salary=80000", "Tom & Jerry's \"cost\" <calc>").unwrap();
        let url = "https://example.org/a&b/index.html?theme=light&officers=9000&salary=80000";
        let iframe = e.iframe();
        assert!(iframe.contains(r#"src="https://example.org/a&amp;b/index.html?theme=light&amp;officers=9000&amp;salary=80000""#), "{iframe}");
        assert!(iframe.contains(r#"title="Tom &amp; Jerry&#39;s &quot;cost&quot; &lt;calc&gt;""#), "{iframe}");
        let pym = e.pym();
        assert!(pym.contains(r"'https://example.org/a\u0026b/index.html?theme=light\u0026officers=9000\u0026salary=80000'"), "{pym}");
        assert!(pym.contains(r"title: 'Tom \u0026 Jerry\u0027s \u0022cost\u0022 \u003ccalc\u003e'"), "{pym}");
        assert!(e.frames().contains(r#"data-frame-src="https://example.org/a&amp;b/index.html?"#));
        let amp = e.amp().unwrap();
        assert!(amp.contains(" resizable ") && amp.contains("<button overflow ") && amp.contains(r#"<amp-img placeholder layout="fill" src="https://example.org/a&amp;b/fallback.png""#), "{amp}");
        // Every attribute value, decoded, is the intended text.
        for snippet in all(&e) {
            for (name, value) in attributes(&snippet) {
                let decoded = value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
                match name.as_str() {
                    "src" | "data-frame-src" if decoded.contains("index") => assert_eq!(decoded, url),
                    "title" | "data-frame-attribute-title" | "alt" => assert_eq!(decoded, "Tom & Jerry's \"cost\" <calc>"),
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn nothing_typed_breaks_out_of_an_attribute_or_a_script() {
        // Hostile titles (the page passes the widget's own, but the builder must not trust it).
        for title in ["\"><script>alert(1)</script>", "'; alert(1); '", "</script><script>alert(1)</script>", "a\u{2028}b\\", "&quot;"] {
            let e = Embed::new("https://example.org/g/", Lang::En, Theme::Auto, "", title).unwrap();
            for s in all(&e) {
                // The only tags are the snippet's own; the scripts are the builder's, with the
                // title only inside one quoted string.
                let parsed = parse(&s);
                for t in &parsed.tags {
                    assert!(["iframe", "/iframe", "script", "/script", "div", "/div", "amp-iframe", "/amp-iframe", "button", "/button", "amp-img", "/amp-img"].contains(&t.as_str()), "tag {t:?} in {s}");
                }
                // In a script, the title is one escaped string with no quote, `<`, `>` or line
                // break of its own.
                let quoted = js_string(title);
                assert!(!quoted[1..quoted.len() - 1].contains(['\'', '"', '<', '>', '\u{2028}', '\n']), "{quoted}");
                for script in parsed.scripts.iter().filter(|s| s.contains("title:")) {
                    assert!(script.contains(&quoted), "{script}");
                }
                assert!(!s.contains("alert(1)<") && !s.contains("'; alert"), "{s}");
                for (_, v) in attributes(&s) {
                    assert!(!v.contains('<') && !v.contains('\''), "{v}");
                }
            }
        }
        // Hostile bases and scenarios never make a snippet: they are refused.
        for base in ["javascript:alert(1)//", "https://e.org/\"onload=\"alert(1)", "https://e.org/'+alert(1)+'", "https://e.org/</script>", "https://e.org/a\u{2028}b"] {
            assert!(Embed::new(base, Lang::En, Theme::Auto, "", TITLE).is_err(), "{base}");
        }
        for link in ["?officers=1%22onload%3D%22x", "?rule=</script>", "?salary=1'+alert(1)+'", "?officers=9000&rule=javascript:alert(1)"] {
            assert!(Embed::new("https://example.org/g/", Lang::En, Theme::Auto, link, TITLE).is_err(), "{link}");
        }
    }

    #[test]
    fn js_strings_are_safe_in_a_script_element() {
        assert_eq!(js_string("a'b\"c\\d</script>&\n"), r"'a\u0027b\u0022c\u005cd\u003c/script\u003e\u0026\u000a'");
        assert_eq!(js_string("Cómo"), "'Cómo'");
    }

    #[test]
    fn amp_needs_https() {
        let e = embed("http://example.org/g/", Lang::En, Theme::Auto, "");
        assert_eq!(e.amp(), Err(EmbedError::AmpNeedsHttps));
        let e = embed("https://example.org/g/", Lang::Es, Theme::Auto, "");
        let amp = e.amp().unwrap();
        assert!(amp.contains(r#"src="https://example.org/g/index.es.html""#) && amp.contains("fallback.es.png") && amp.contains("Ver todo"), "{amp}");
        assert!(amp.contains(&format!(r#"width="{FALLBACK_WIDTH}" height="{FALLBACK_HEIGHT}" layout="responsive""#)), "{amp}");
    }

    #[test]
    fn share_meta_tags_are_escaped_and_complete() {
        let m = share_meta("A \"quote\" & <tag>", "Desc", "fallback.png", "Alt's");
        assert!(m.contains(r#"<meta property="og:title" content="A &quot;quote&quot; &amp; &lt;tag&gt;">"#), "{m}");
        assert!(m.contains(r#"<meta property="og:image:alt" content="Alt&#39;s">"#), "{m}");
        for p in ["og:title", "og:description", "og:image\"", "og:image:alt", "twitter:card"] {
            assert_eq!(m.matches(p).count(), 1, "{p} in {m}");
        }
        assert_eq!(share_image_url(None, Lang::Es).unwrap(), "fallback.es.png");
        assert_eq!(share_image_url(Some("https://news.example/g"), Lang::En).unwrap(), "https://news.example/g/fallback.png");
        assert_eq!(share_image_url(Some("javascript:x"), Lang::En), Err(EmbedError::BaseScheme));
    }
}
