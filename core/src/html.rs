//! HTML escaping: the one escaper for every text or attribute value the build and the
//! publishing kit write into HTML (the prerendered pages' `<html>` data and title, the embed
//! codes and share tags, the embed page's texts), and [`js_string`] for a string inside a
//! `<script>` (the embed codes' Pym.js and frames snippets).

/// `&`, `"`, `'`, `<`, `>` escaped: safe as element text and as an attribute value in either
/// kind of quotes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// A single-quoted JavaScript string that is also safe inside an HTML `<script>`: quotes,
/// backslashes, `<`, `>`, `&` and line breaks are `\uXXXX` escapes.
pub fn js_string(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\\' | '\'' | '"' | '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_the_five_and_nothing_else() {
        assert_eq!(escape(r#"Tom & Jerry's "cost" <calc>"#), "Tom &amp; Jerry&#39;s &quot;cost&quot; &lt;calc&gt;");
        assert_eq!(escape("&amp;"), "&amp;amp;", "escaped once more: the input is text, not HTML");
        assert_eq!(escape("Año: $1,19 mil millones\u{2028}"), "Año: $1,19 mil millones\u{2028}");
    }
}
