//! What an editor types into the embed page, checked: the folder the widget is hosted in, and a
//! pasted scenario link, read as the widget reads a link. Every refusal has a code and a message.

use std::fmt;

use crate::content::Lang;
use crate::files::Files;

use super::Theme;

/// The calculator's inputs a scenario link may set (the link's keys but the language), in the
/// order a snippet writes them.
fn scenario_keys() -> impl Iterator<Item = &'static str> {
    crate::url::keys().filter(|&k| k != "lang")
}

/// What went wrong with an option, with a stable code for the embed page's translated
/// message (`assets/publish.toml`, `error_<code>`) and an English message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmbedError {
    /// The base address is empty.
    BaseEmpty,
    /// Not `http://` or `https://` (a relative path, `javascript:`, `data:`, ...).
    BaseScheme,
    /// A character that has no place in an address: the character.
    BaseChar(char),
    /// No host name after the scheme.
    BaseHost,
    /// A `?` or `#`: the base is a folder, the options make the query.
    BaseQuery,
    /// AMP loads iframes only over https.
    AmpNeedsHttps,
    /// A scenario value the widget would not read: the key and the value as given.
    ScenarioValue(String, String),
    /// A scenario link with a character that has no place in an address.
    ScenarioChar(char),
}

impl EmbedError {
    /// The message's key in the embed page's texts.
    pub fn code(&self) -> &'static str {
        match self {
            EmbedError::BaseEmpty => "base_empty",
            EmbedError::BaseScheme => "base_scheme",
            EmbedError::BaseChar(_) => "base_char",
            EmbedError::BaseHost => "base_host",
            EmbedError::BaseQuery => "base_query",
            EmbedError::AmpNeedsHttps => "amp_https",
            EmbedError::ScenarioValue(..) => "scenario_value",
            EmbedError::ScenarioChar(_) => "scenario_char",
        }
    }

    /// What the message names (a character, or `key=value`), for `{what}` in the page's text.
    pub fn what(&self) -> String {
        match self {
            EmbedError::BaseChar(c) | EmbedError::ScenarioChar(c) => shown_char(*c),
            EmbedError::ScenarioValue(k, v) => format!("{k}={v}"),
            _ => String::new(),
        }
    }
}

/// A character as a message shows it: printable ones quoted, others by code point.
fn shown_char(c: char) -> String {
    if c.is_whitespace() || c.is_control() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("“{c}”")
    }
}

impl fmt::Display for EmbedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmbedError::BaseEmpty => write!(f, "the widget's address is empty: give the address of the folder where dist/ is hosted"),
            EmbedError::BaseScheme => write!(f, "the widget's address must start with https:// (or http://)"),
            EmbedError::BaseChar(c) => write!(f, "the widget's address cannot contain {}: use the address as the browser shows it", shown_char(*c)),
            EmbedError::BaseHost => write!(f, "the widget's address has no host name after https://"),
            EmbedError::BaseQuery => write!(f, "the widget's address must be a folder, without ? or #: the options below make the query"),
            EmbedError::AmpNeedsHttps => write!(f, "AMP pages load iframes only from https:// addresses"),
            EmbedError::ScenarioValue(k, v) => write!(f, "the scenario link's {k}={v} is not a value the calculator reads"),
            EmbedError::ScenarioChar(c) => write!(f, "the scenario link cannot contain {}", shown_char(*c)),
        }
    }
}

impl std::error::Error for EmbedError {}

/// Characters an address may hold (RFC 3986's unreserved and reserved ones, and `%`),
/// except the single quote, which would end a quoted string.
fn url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&()*+,;=%".contains(c)
}

/// The folder where `dist/` is hosted, as an absolute `http(s)` address ending in `/`.
/// A page's address (`…/index.html`) gives its folder.
pub fn parse_base(input: &str) -> Result<String, EmbedError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(EmbedError::BaseEmpty);
    }
    if let Some(c) = s.chars().find(|&c| !url_char(c)) {
        return Err(EmbedError::BaseChar(c));
    }
    let lower = s.to_ascii_lowercase();
    let scheme_len = if lower.starts_with("https://") {
        8
    } else if lower.starts_with("http://") {
        7
    } else {
        return Err(EmbedError::BaseScheme);
    };
    if s.contains(['?', '#']) {
        return Err(EmbedError::BaseQuery);
    }
    let rest = &s[scheme_len..];
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() || host.contains('@') || !host.chars().all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c)) {
        return Err(EmbedError::BaseHost);
    }
    let mut base = format!("{}{}", &lower[..scheme_len], rest);
    // A page's address: its folder.
    if let Some(slash) = base.rfind('/').filter(|&i| i >= scheme_len + host.len()) {
        if base[slash + 1..].to_ascii_lowercase().ends_with(".html") {
            base.truncate(slash + 1);
        }
    }
    if !base.ends_with('/') {
        base.push('/');
    }
    Ok(base)
}

/// A starting scenario, read from a pasted scenario link.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scenario {
    /// The calculator's inputs the link sets, in the order of the widget's links (the last of
    /// a repeated key wins, as in the widget).
    pub pairs: Vec<(&'static str, String)>,
    /// The link's language (`lang=` or the Spanish page), if it says.
    pub lang: Option<Lang>,
    /// The link's `theme=`, if any.
    pub theme: Option<Theme>,
}

/// Reads a pasted scenario link (`https://…/index.html?officers=9000&salary=80000`, or just
/// its query). Keys the widget does not read are skipped (Pym's `childId`, for example); a
/// value the calculator would ignore is an error that names it, so the editor knows.
pub fn parse_scenario(link: &str) -> Result<Scenario, EmbedError> {
    let link = link.trim();
    let mut s = Scenario::default();
    if link.is_empty() {
        return Ok(s);
    }
    if let Some(c) = link.chars().find(|&c| !url_char(c) && c != '\'') {
        return Err(EmbedError::ScenarioChar(c));
    }
    let link = link.split('#').next().unwrap_or("");
    let (path, query) = match link.split_once('?') {
        Some((p, q)) => (p, q),
        None if link.contains('=') => ("", link),
        None => (link, ""),
    };
    // A link to another language's page (or one-file build) asks for that language.
    let path = path.to_ascii_lowercase();
    if let Some(lang) = Lang::ALL.into_iter().filter(|&l| l != Lang::default()).find(|&l| path.ends_with(Files::of(l).page) || path.ends_with(Files::of(l).standalone)) {
        s.lang = Some(lang);
    }
    let mut found: Vec<(&'static str, String)> = Vec::new();
    // Decoded as the widget's browser decodes it (URLSearchParams: `+` is a space, a malformed
    // escape is kept as written), so a value the widget would not read is named here.
    for pair in query.split('&') {
        let Some((k, v)) = form_urlencoded::parse(pair.as_bytes()).next() else { continue };
        let v = crate::url::trim(&v);
        match k.as_ref() {
            "lang" => s.lang = Lang::from_code(v).or(s.lang),
            "theme" => s.theme = Theme::from_code(v).or(s.theme),
            _ => {
                let Some(key) = scenario_keys().find(|&key| key == k) else { continue };
                if !crate::url::reads(key, v) {
                    // As typed where it does not decode to text (`%E2`), else as decoded.
                    let shown = if v.contains('\u{fffd}') { pair.split_once('=').map_or("", |(_, raw)| raw) } else { v };
                    return Err(EmbedError::ScenarioValue(key.to_string(), shown.chars().take(40).collect()));
                }
                found.retain(|(f, _)| *f != key);
                found.push((key, v.to_string()));
            }
        }
    }
    s.pairs = scenario_keys().filter_map(|k| found.iter().find(|(f, _)| *f == k).cloned()).collect();
    Ok(s)
}

