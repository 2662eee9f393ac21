//! Build-time only: every number and date the content states must trace to the fact sheet
//! (`docs/facts.md`), or be declared under `[[derived]]` with a formula that gives it from
//! numbers the fact sheet has. An editor who types a figure from memory gets an error that
//! names the entry and the field.
//!
//! The check is on numbers, not sentences: it cannot tell that a true number is attached to
//! the wrong claim (that is the standards desk's read), but it catches any figure, year or
//! day that has no line in the fact sheet behind it.

use std::collections::BTreeSet;

use super::build::{split_path, ContentError};
use super::{Content, Lang};
use crate::format;
use crate::model::{Field, Unit};

/// What a number in a text is: money ("$75"), a percentage ("25%") or a plain number.
/// Money must match money in the fact sheet and a percentage a percentage, so "$80" is not
/// excused by "80-89%".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Money,
    Percent,
    Plain,
}

/// A number as the check compares it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Number {
    pub kind: Kind,
    /// Normalized: thousands separators dropped, `.` for decimals, no leading zeros in the
    /// whole part, no trailing zeros in the decimals ("$1,000" -> "1000", "62.70" -> "62.7").
    pub value: String,
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind {
            // Whole sums with commas, so an editor reads "$29,900,000" as the sum it is.
            Kind::Money => {
                let (whole, frac) = self.value.split_once('.').unwrap_or((&self.value, ""));
                let grouped: Vec<String> = whole.as_bytes().rchunks(3).rev().map(|c| String::from_utf8_lossy(c).into_owned()).collect();
                write!(f, "${}", grouped.join(","))?;
                if frac.is_empty() { Ok(()) } else { write!(f, ".{frac}") }
            }
            Kind::Percent => write!(f, "{}%", self.value),
            Kind::Plain => write!(f, "{}", self.value),
        }
    }
}

/// How a language writes numbers: its separators and what comes before money and after a
/// percentage (from the locale's `dollars` and `percent` patterns).
pub struct Style<'a> {
    pub thousands: &'a str,
    pub decimal: &'a str,
    pub money: &'a str,
    pub percent: &'a str,
    /// What follows money in billions and in millions (" billion", " mil millones"), so
    /// "$75 million" is not excused by "$75 billion".
    pub billions: &'a [&'a str],
    pub millions: &'a [&'a str],
}

/// The fact sheet's numbers as written, with no scale ("$75 billion" -> 75): for formulas.
const FACTS_RAW: Style<'static> = Style { thousands: ",", decimal: ".", money: "$", percent: "%", billions: &[], millions: &[] };

/// The fact sheet without the sentences it says to leave out ("unconfirmed, leave out"):
/// their numbers source nothing.
fn usable(facts: &str) -> String {
    let mut out = String::with_capacity(facts.len());
    let mut start = 0;
    let bytes = facts.as_bytes();
    for i in 0..=bytes.len() {
        let end = i == bytes.len() || (bytes[i] == b'.' && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()));
        if end {
            let stop = (i + 1).min(bytes.len());
            let sentence = &facts[start..stop];
            let lower = sentence.to_lowercase();
            if lower.contains("unconfirmed") || lower.contains("leave out") {
                out.push_str(&" ".repeat(sentence.len()));
            } else {
                out.push_str(sentence);
            }
            start = stop;
        }
    }
    out
}

/// The fact sheet's style (AP, English; it also writes "$75B").
pub const FACTS_STYLE: Style<'static> = Style { thousands: ",", decimal: ".", money: "$", percent: "%", billions: &[" billion", "B"], millions: &[" million", "M"] };

/// What follows `{n}` in a pattern ("${n} billion" -> " billion").
fn after(t: &str) -> &str {
    t.split("{n}").nth(1).unwrap_or_default()
}

impl<'a> Style<'a> {
    /// A locale's style; `scales` holds its billions and millions words (see [`scales`]).
    pub fn of(loc: &'a super::Locale, scales: &'a [[&'a str; 1]; 2]) -> Self {
        Style {
            thousands: &loc.thousands,
            decimal: &loc.decimal,
            money: loc.dollars.split("{n}").next().unwrap_or_default(),
            percent: after(&loc.percent),
            billions: &scales[0],
            millions: &scales[1],
        }
    }
}

/// A locale's words after a sum in billions and in millions. A locale that writes billions in
/// millions ("${m} millones") has no billions word: "$75,000 millones" reads as millions.
pub fn scales(loc: &super::Locale) -> [[&str; 1]; 2] {
    [[after(&loc.billions)], [after(&loc.millions)]]
}

/// `value` (normalized) times 10^`zeros`, normalized: ("29.9", 9) -> "29900000000".
fn shift(value: &str, zeros: usize) -> String {
    let (whole, frac) = value.split_once('.').unwrap_or((value, ""));
    let frac = format!("{frac:0<zeros$}");
    normalize(&format!("{whole}{}", &frac[..zeros]), &frac[zeros..])
}

/// The numbers in `text`, each with its kind. "2025-09-02" gives 2025, 9 and 2.
pub fn numbers(text: &str, style: &Style) -> Vec<Number> {
    let bytes = text.as_bytes();
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !digit_at(i) {
            i += 1;
            continue;
        }
        let begin = i;
        let (mut whole, mut frac, mut in_frac) = (String::new(), String::new(), false);
        while i < bytes.len() {
            if digit_at(i) {
                if in_frac { &mut frac } else { &mut whole }.push(bytes[i] as char);
                i += 1;
            } else if !in_frac && text[i..].starts_with(style.decimal) && digit_at(i + style.decimal.len()) {
                in_frac = true;
                i += style.decimal.len();
            } else if !in_frac && !style.thousands.is_empty() && text[i..].starts_with(style.thousands) && digit_at(i + style.thousands.len()) {
                i += style.thousands.len();
            } else {
                break;
            }
        }
        let mut value = normalize(&whole, &frac);
        let kind = if !style.money.is_empty() && text[..begin].ends_with(style.money) {
            // Billions before millions: " mil millones" ends with " millones".
            for (words, zeros) in [(style.billions, 9), (style.millions, 6)] {
                if words.iter().any(|w| !w.is_empty() && text[i..].starts_with(w)) {
                    value = shift(&value, zeros);
                    break;
                }
            }
            Kind::Money
        } else if !style.percent.is_empty() && text[i..].starts_with(style.percent) {
            Kind::Percent
        } else {
            Kind::Plain
        };
        out.push(Number { kind, value });
    }
    out
}

/// Whether `n` is among `allowed`: money and percentages by kind, plain numbers by value.
fn known(n: &Number, allowed: &BTreeSet<Number>) -> bool {
    match n.kind {
        Kind::Plain => allowed.iter().any(|a| a.value == n.value),
        _ => allowed.contains(n),
    }
}

/// A date written with one of `patterns` ("{month} {day}, {year}"), at the start of `text`:
/// its length in bytes and its ISO form ("2025-09-03", or "2029-09" without a day).
fn date_at(text: &str, pattern: &str, months: &[&str]) -> Option<(usize, String)> {
    let (mut pos, mut rest) = (0, pattern);
    let (mut year, mut month, mut day) = (None, None, None);
    let digits = |s: &str, max: usize| s.bytes().take_while(u8::is_ascii_digit).take(max).count();
    while !rest.is_empty() {
        let here = &text[pos..];
        if let Some(r) = rest.strip_prefix("{month}") {
            let (m, name) = months.iter().enumerate().filter(|(_, n)| !n.is_empty() && here.starts_with(**n)).max_by_key(|(_, n)| n.len())?;
            (month, pos, rest) = (Some(m + 1), pos + name.len(), r);
        } else if let Some(r) = rest.strip_prefix("{day}") {
            let n = digits(here, 2);
            if here[n..].starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            (day, pos, rest) = (Some(here[..n].parse::<u8>().ok().filter(|d| (1..=31).contains(d))?), pos + n, r);
        } else if let Some(r) = rest.strip_prefix("{year}") {
            if here[4.min(here.len())..].starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            (year, pos, rest) = (Some(here.get(..4).filter(|y| digits(y, 4) == 4)?), pos + 4, r);
        } else {
            let c = rest.chars().next()?;
            if !here.starts_with(c) {
                return None;
            }
            (pos, rest) = (pos + c.len_utf8(), &rest[c.len_utf8()..]);
        }
    }
    // A day without a year ("Oct. 2") is "--10-02": it must be a day the fact sheet has.
    let iso = match (year, day) {
        (Some(y), Some(d)) => format!("{y}-{:02}-{d:02}", month?),
        (Some(y), None) => format!("{y}-{:02}", month?),
        (None, Some(d)) => format!("--{:02}-{d:02}", month?),
        (None, None) => return None,
    };
    Some((pos, iso))
}

/// Every date in `text` written the locale's way, in ISO form; and the text with those
/// dates blanked out, so their day and year are not also checked as bare numbers.
fn dates(text: &str, loc: &super::Locale) -> (Vec<String>, String) {
    let lists: Vec<Vec<&str>> = [&loc.months_with_day, &loc.months].iter().map(|l| l.iter().map(|m| &**m).collect()).collect();
    let mut found = Vec::new();
    let mut rest = String::with_capacity(text.len());
    // The day pattern without its year: "{month} {day}, {year}" -> "{month} {day}".
    let day_pattern = loc.date_day.split("{year}").next().unwrap_or_default().trim_end_matches(|c: char| c != '}');
    let mut i = 0;
    'scan: while i < text.len() {
        if text.is_char_boundary(i) {
            for pattern in [&*loc.date_day, &*loc.date_month, day_pattern] {
                for months in &lists {
                    if let Some((len, iso)) = date_at(&text[i..], pattern, months) {
                        found.push(iso);
                        rest.push(' ');
                        i += len;
                        continue 'scan;
                    }
                }
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            rest.push(c);
            i += c.len_utf8();
        } else {
            i += 1;
        }
    }
    (found, rest)
}

fn normalize(whole: &str, frac: &str) -> String {
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{frac}")
    }
}

/// Every text of the content file in a language, with its path (`events[3].body.en`).
/// The `[locale.*]` tables are number style, not facts; `[[derived]]` is checked on its own.
fn texts(value: &toml::Value, path: &str, out: &mut Vec<(String, Lang, String)>) {
    match value {
        toml::Value::Table(t) => {
            for (key, v) in t {
                if path.is_empty() && matches!(key.as_str(), "locale" | "derived") {
                    continue;
                }
                let sub = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                match (Lang::from_code(key), v) {
                    (Some(lang), toml::Value::String(s)) if key == lang.code() => out.push((sub, lang, s.clone())),
                    _ => texts(v, &sub, out),
                }
            }
        }
        toml::Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                texts(v, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// `a op b` for a `[[derived]]` formula, from numbers the fact sheet has.
fn evaluate(formula: &str, facts: &BTreeSet<Number>) -> Result<f64, String> {
    let parts: Vec<&str> = formula.split_whitespace().collect();
    let [a, op, b] = parts.as_slice() else {
        return Err(format!("\"{formula}\" is not a formula: write two numbers from the fact sheet and one of + - * /, as \"75 / 4\""));
    };
    let num = |x: &str| match numbers(x, &FACTS_RAW).as_slice() {
        [n] if known(&Number { kind: Kind::Plain, ..n.clone() }, facts) => n.value.parse::<f64>().map_err(|e| e.to_string()),
        [n] => Err(format!("the number {n} in \"{formula}\" is not in the fact sheet")),
        _ => Err(format!("\"{x}\" in \"{formula}\" is not one number")),
    };
    let (a, b) = (num(a)?, num(b)?);
    Ok(match *op {
        "+" => a + b,
        "-" => a - b,
        "*" | "x" | "×" => a * b,
        "/" if b != 0.0 => a / b,
        _ => return Err(format!("\"{op}\" in \"{formula}\" is not one of + - * / (or a division by zero)")),
    })
}

/// Whether `value` (normalized) is `exact` rounded to `value`'s decimals.
fn rounds_to(exact: f64, value: &str) -> bool {
    let decimals = value.split_once('.').map_or(0, |(_, f)| f.len()) as i32;
    let scale = 10f64.powi(decimals);
    value.parse::<f64>().is_ok_and(|v| (exact * scale).round() == (v * scale).round())
}

/// The dates the fact sheet states: ISO ones ("2012-09-18", "2012-12") and English ones
/// ("Sept. 2029"), each as ISO.
fn fact_dates(facts: &str, en: &super::Locale) -> Vec<String> {
    let (mut found, _) = dates(facts, en);
    let b = facts.as_bytes();
    let d = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    for i in 0..b.len() {
        if (0..4).all(|k| d(i + k)) && b.get(i + 4) == Some(&b'-') && d(i + 5) && d(i + 6) && !d(i + 7) && (i == 0 || !d(i - 1)) {
            let day = (b.get(i + 7) == Some(&b'-') && d(i + 8) && d(i + 9)).then(|| &facts[i + 7..i + 10]).unwrap_or_default();
            found.push(format!("{}{day}", &facts[i..i + 7]));
        }
    }
    found
}

/// The check itself, on text already read (`file` and `facts_file` name them in errors).
pub fn trace(content: &Content, text: &str, file: &str, facts: &str, facts_file: &str) -> Result<(), ContentError> {
    let raw: toml::Table = text.parse().map_err(|e: toml::de::Error| ContentError { file: file.into(), entry: "file".into(), field: String::new(), problem: e.message().into(), line: None })?;
    let error = |path: &str, line: Option<usize>, problem: String| {
        let (entry, field) = split_path(path, Some(&raw));
        ContentError { file: file.into(), entry, field, problem, line }
    };
    let facts = &usable(facts);
    let fact_numbers: BTreeSet<Number> = numbers(facts, &FACTS_STYLE).into_iter().collect();
    let fact_raw: BTreeSet<Number> = numbers(facts, &FACTS_RAW).into_iter().collect();
    let fact_dates = fact_dates(facts, content.locale(Lang::En));
    // A month with no day ("September 2029") is known when a date in that month is; a day
    // with no year ("Oct. 2", "--10-02") when a date on that day is.
    let date_known = |iso: &str| {
        fact_dates.iter().any(|f| f == iso || (iso.len() == 7 && f.starts_with(iso)) || (iso.starts_with("--") && f.len() == 10 && f.ends_with(&iso[1..])))
    };

    // Worked-out numbers: each must follow from its formula.
    let mut allowed = fact_numbers.clone();
    for (i, d) in content.derived.iter().enumerate() {
        let path = format!("derived[{i}]");
        let (value, percent) = match numbers(&d.value, &FACTS_STYLE).as_slice() {
            [v] => (v.value.clone(), v.kind == Kind::Percent),
            _ => return Err(error(&format!("{path}.value"), None, format!("\"{}\" is not one number", d.value))),
        };
        // A value written as a percentage ("62.7%") is the formula's ratio times 100.
        let exact = evaluate(&d.formula, &fact_raw).map_err(|p| error(&format!("{path}.formula"), None, p))? * if percent { 100.0 } else { 1.0 };
        if !rounds_to(exact, &value) {
            return Err(error(&format!("{path}.value"), None, format!("{} gives {exact}, not {value}", d.formula)));
        }
        if d.why.trim().is_empty() {
            return Err(error(&format!("{path}.why"), None, "is empty: say in words how the number is made".into()));
        }
        // Worked out in any unit: "$18.75 billion" and "18.75" alike.
        for kind in [Kind::Money, Kind::Percent, Kind::Plain] {
            allowed.insert(Number { kind, value: value.clone() });
        }
        for zeros in [6, 9] {
            allowed.insert(Number { kind: Kind::Money, value: shift(&value, zeros) });
        }
    }

    // Every date and number in every text, in both languages (each in its own style).
    let mut all_texts = Vec::new();
    texts(&toml::Value::Table(raw.clone()), "", &mut all_texts);
    let mut used = BTreeSet::new();
    for (path, lang, s) in &all_texts {
        let loc = content.locale(*lang);
        let snippet: String = s.chars().take(40).collect();
        let line = || text.lines().position(|l| l.contains(&snippet)).map(|i| i + 1);
        let (found, rest) = dates(s, loc);
        if let Some(iso) = found.iter().find(|iso| !date_known(iso)) {
            return Err(error(path, line(), format!("the date {iso} is not in the fact sheet ({facts_file})")));
        }
        let scales = scales(loc);
        for n in numbers(&rest, &Style::of(loc, &scales)) {
            if !known(&n, &allowed) {
                return Err(error(
                    path,
                    line(),
                    format!("the number {n} is not in the fact sheet ({facts_file}): take every figure and date from it, or declare a number worked out from its figures under [[derived]] with its formula"),
                ));
            }
            used.insert(n.value);
        }
    }
    for (i, d) in content.derived.iter().enumerate() {
        let stated = |v: &str| [0, 6, 9].iter().any(|&z| used.contains(&shift(v, z)));
        if numbers(&d.value, &FACTS_STYLE).iter().any(|v| !stated(&v.value)) {
            return Err(error(&format!("derived[{i}].value"), None, format!("{} is not stated in any text: remove the declaration", d.value)));
        }
    }

    // Dates on the timeline.
    for (i, e) in content.events.iter().enumerate() {
        let iso = format::iso_date(e.date);
        if !date_known(&iso) {
            return Err(error(&format!("events[{i}].date"), None, format!("{iso} is not a date in the fact sheet ({facts_file})")));
        }
    }

    // The calculator's defaults are facts too (8,501 officers, $74,510, 62.7%, the 25% cap).
    let c = &content.calculator;
    let percent = |bp: u32| {
        let (whole, d) = format::split_hundredths(bp as u64);
        normalize(&whole.to_string(), &d)
    };
    for f in Field::ALL {
        let default = c.slider(f).default;
        let n = match f.unit() {
            Unit::Count => Number { kind: Kind::Plain, value: default.to_string() },
            Unit::Dollars => Number { kind: Kind::Money, value: default.to_string() },
            Unit::Percent => Number { kind: Kind::Percent, value: percent(default) },
        };
        if !known(&n, &allowed) {
            return Err(error(&format!("calculator.sliders.{}.default", f.key()), None, format!("{n} is not in the fact sheet ({facts_file})")));
        }
    }
    let total = Number { kind: Kind::Money, value: c.ice_funding.total_dollars.to_string() };
    if !allowed.contains(&total) {
        return Err(error("calculator.ice_funding.total_dollars", None, format!("{total} is not in the fact sheet ({facts_file})")));
    }
    // The section on ICE's list: the order it marks and DHS's count beside it are facts too.
    if let Some(a) = &content.agreements {
        for (field, d) in [("order_on", a.order_on), ("dhs_counted_on", a.dhs_counted_on)] {
            let iso = format::iso_date(d);
            if !date_known(&iso) {
                return Err(error(&format!("agreements.{field}"), None, format!("{iso} is not a date in the fact sheet ({facts_file})")));
            }
        }
        let count = Number { kind: Kind::Plain, value: a.dhs_count.to_string() };
        if !known(&count, &allowed) {
            return Err(error("agreements.dhs_count", None, format!("{count} is not in the fact sheet ({facts_file})")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, style: &Style) -> Vec<String> {
        numbers(text, style).iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn numbers_are_normalized_with_their_kind_and_the_locale_separators() {
        assert_eq!(values("$1,000 and 62.70% on 2025-09-02.", &FACTS_STYLE), ["$1,000", "62.7%", "2025", "9", "2"]);
        let made_up = Style { thousands: ".", decimal: ",", money: "US$", percent: " %", billions: &[" mil millones"], millions: &[" millones"] };
        assert_eq!(values("US$1.000,5 y 6,3 %", &made_up), ["$1,000.5", "6.3%"]);
        // Scale words are part of the sum: "$29.9 billion" is not "$29.9 million".
        assert_eq!(values("$29.9 billion, $75B, $75 million", &FACTS_STYLE), ["$29,900,000,000", "$75,000,000,000", "$75,000,000"]);
        assert_eq!(values("US$1,19 mil millones y US$850,3 millones", &made_up), ["$1,190,000,000", "$850,300,000"]);
        assert_eq!(values("287(g), 4 to 10, 33-3051", &FACTS_STYLE), ["287", "4", "10", "33", "3051"]);
        assert!(values("no digits {years}", &FACTS_STYLE).is_empty());
    }

    #[test]
    fn dates_are_read_with_the_locale_patterns() {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        let with_day = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
        assert_eq!(date_at("Sept. 18, 2012, when", "{month} {day}, {year}", &with_day), Some((14, "2012-09-18".into())));
        assert_eq!(date_at("September 2029.", "{month} {year}", &months), Some((14, "2029-09".into())));
        assert_eq!(date_at("September 2029.", "{month} {day}, {year}", &months), None);
        let es = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];
        assert_eq!(date_at("3 de septiembre de 2025", "{day} de {month} de {year}", &es), Some((23, "2025-09-03".into())));
        assert_eq!(date_at("32 de enero de 2025", "{day} de {month} de {year}", &es), None);
        assert_eq!(date_at("Oct. 2 and", "{month} {day}", &with_day), Some((6, "--10-02".into())));
        assert_eq!(date_at("May 2023", "{month} {day}", &months), None, "a year is not a day");
    }

    #[test]
    fn sentences_the_fact_sheet_says_to_leave_out_source_nothing() {
        let facts = "Up to $7,500 per officer. Vehicles: printed as \"$100,00\" in that\n  statement: unconfirmed, leave out. And 1.19 stays.";
        let kept = usable(facts);
        assert_eq!(kept.len(), facts.len());
        assert!(kept.contains("$7,500") && kept.contains("1.19 stays") && !kept.contains("100,00"), "{kept}");
    }

    #[test]
    fn formulas_use_fact_sheet_numbers() {
        let facts: BTreeSet<Number> = numbers("$75 billion over 4 years", &FACTS_RAW).into_iter().collect();
        assert_eq!(evaluate("75 / 4", &facts), Ok(18.75));
        assert!(rounds_to(18.75, "18.75") && rounds_to(75.0 / 4.0, "18.8") && !rounds_to(18.75, "18.7"));
        assert!(evaluate("75 / 5", &facts).unwrap_err().contains("the number 5"));
        assert!(evaluate("75 % 4", &facts).is_err());
        assert!(evaluate("75/4", &facts).is_err());
    }
}
