//! Shareable scenarios: the calculator's inputs and the language in a link's query string.
//! Parsing is pure and total: out-of-range numbers are clamped (by [`Inputs::clamped`], the one
//! clamp), malformed ones ignored, unknown keys skipped; it never panics (property-tested).
//! `?theme=` is the loader's (`assets/loader/links.js`): it needs no wasm.
//!
//! `?officers=9000&salary=80000&benefits=62.7&overtime=25&awards=1000&equipment=1&rule=reuters&lang=es`

use crate::content::Lang;
use crate::format::split_hundredths;
use crate::model::{AwardTier, CapRule, Field, Inputs, Limits, Unit};

/// What a query string asks for, already made valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scenario {
    pub inputs: Inputs,
    pub lang: Option<Lang>,
    /// Whether any calculator input was given (otherwise there is nothing to restore).
    pub has_inputs: bool,
}

/// The keys of the choices that are not sliders, and of the language.
const AWARDS: &str = "awards";
const EQUIPMENT: &str = "equipment";
const RULE: &str = "rule";
const LANG: &str = "lang";

/// Every key a link may hold, in the order [`to_query`] writes them; others are ignored.
pub fn keys() -> impl Iterator<Item = &'static str> {
    Field::ALL.into_iter().map(Field::key).chain([AWARDS, EQUIPMENT, RULE, LANG])
}

/// A number in the query: `None` when malformed; huge values saturate and negative ones
/// become 0, so that clamping brings them into range.
fn parse_whole(v: &str) -> Option<u32> {
    let (neg, digits) = match v.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, v),
    };
    if digits.is_empty() || digits.len() > 400 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if neg {
        return Some(0);
    }
    Some(digits.parse::<u32>().unwrap_or(u32::MAX))
}

/// A percentage with up to two decimals, as basis points: "62.7" -> 6270.
fn parse_percent(v: &str) -> Option<u32> {
    let (int, frac) = v.split_once('.').unwrap_or((v, ""));
    if frac.len() > 2 || !frac.bytes().all(|b| b.is_ascii_digit()) || (int.is_empty() && frac.is_empty()) {
        return None;
    }
    let int = if int.is_empty() { 0 } else { parse_whole(int)? };
    if v.starts_with('-') {
        return Some(0); // below every range, whatever its decimals
    }
    let frac = frac.bytes().chain(std::iter::repeat(b'0')).take(2).fold(0, |n, b| n * 10 + (b - b'0') as u32);
    Some(int.saturating_mul(100).saturating_add(frac))
}

fn parse_value(unit: Unit, v: &str) -> Option<u32> {
    match unit {
        Unit::Count | Unit::Dollars => parse_whole(v),
        Unit::Percent => parse_percent(v),
    }
}

fn parse_flag(v: &str) -> Option<bool> {
    match v {
        "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

/// A value without the white space around it, as JavaScript's `trim()` takes it off (the
/// loader tests a link with it): Unicode's white space and U+FEFF, but not U+0085, which
/// JavaScript keeps (Rust's `trim` does the reverse on those two).
pub fn trim(value: &str) -> &str {
    value.trim_matches(|c: char| (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}')
}

/// Sets what `key=value` asks for in `inputs`; `false` (and nothing set) when `key` is not a
/// calculator input's or its value is malformed. The one reading of a value, for [`parse`] and [`reads`].
fn apply(inputs: &mut Inputs, key: &str, value: &str) -> bool {
    let value = trim(value);
    match (key, Field::from_key(key)) {
        (_, Some(f)) => parse_value(f.unit(), value).map(|v| inputs[f] = v).is_some(),
        (AWARDS, _) => AwardTier::from_key(value).map(|t| inputs.awards = t).is_some(),
        (EQUIPMENT, _) => parse_flag(value).map(|on| inputs.equipment = on).is_some(),
        (RULE, _) => CapRule::from_key(value).map(|r| inputs.rule = r).is_some(),
        _ => false,
    }
}

/// Reads decoded query pairs (the last of repeated keys wins) against `defaults`.
pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>, defaults: Inputs, limits: &Limits) -> Scenario {
    let mut s = Scenario { inputs: defaults, lang: None, has_inputs: false };
    for (key, value) in pairs {
        if key == LANG {
            s.lang = Lang::from_code(trim(value)).or(s.lang);
        } else {
            s.has_inputs |= apply(&mut s.inputs, key, value);
        }
    }
    s.inputs = s.inputs.clamped(limits);
    s
}

/// Whether [`parse`] reads `value` for `key`, a calculator input's key (not `lang`): the embed
/// page's codes (`embed/input.rs`) refuse a scenario value the widget would ignore.
pub fn reads(key: &str, value: &str) -> bool {
    apply(&mut Inputs::default(), key, value)
}

/// A value as a link writes it: basis points as a plain percentage (6270 -> "62.7").
fn write_value(out: &mut String, unit: Unit, v: u32) {
    out.push_str(&match split_hundredths(v as u64) {
        (whole, d) if unit == Unit::Percent && !d.is_empty() => format!("{whole}.{d}"),
        (whole, _) if unit == Unit::Percent => whole.to_string(),
        _ => v.to_string(),
    });
}

/// The query string for a scenario (without `?`); [`parse`] reads it back unchanged.
pub fn to_query(inputs: &Inputs, lang: Lang) -> String {
    fn pair<'a>(q: &'a mut String, key: &str) -> &'a mut String {
        if !q.is_empty() {
            q.push('&');
        }
        q.push_str(key);
        q.push('=');
        q
    }
    let mut q = String::new();
    for f in Field::ALL {
        write_value(pair(&mut q, f.key()), f.unit(), inputs[f]);
    }
    pair(&mut q, AWARDS).push_str(inputs.awards.key());
    pair(&mut q, EQUIPMENT).push(if inputs.equipment { '1' } else { '0' });
    pair(&mut q, RULE).push_str(inputs.rule.key());
    if lang != Lang::En {
        pair(&mut q, LANG).push_str(lang.code());
    }
    q
}

/// What [`parse`] accepts for each key, as JavaScript regular expressions, for the loader
/// (`<html data-keys>`, written by the prerender step): it must know, before the wasm runs,
/// whether a link asks for a scenario. `key=pattern` entries separated by spaces.
pub fn key_patterns() -> String {
    fn one_of<'a>(keys: impl Iterator<Item = &'a str>, fold_case: bool) -> String {
        let alt = keys
            .map(|k| k.chars().map(|c| if fold_case && c.is_ascii_alphabetic() { format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase()) } else { c.to_string() }).collect::<String>())
            .collect::<Vec<_>>();
        format!("^({})$", alt.join("|"))
    }
    const WHOLE: &str = r"^-?\d{1,400}$";
    const PERCENT: &str = r"^(-?\d{1,400}(\.\d{0,2})?|\.\d{1,2})$";
    let mut out: Vec<String> = Field::ALL
        .iter()
        .map(|&f| format!("{}={}", f.key(), if f.unit() == Unit::Percent { PERCENT } else { WHOLE }))
        .collect();
    out.push(format!("{AWARDS}={}", one_of(AwardTier::ALL.iter().map(|t| t.key()), false)));
    out.push(format!("{EQUIPMENT}={}", one_of(["0", "1", "true", "false"].into_iter(), false)));
    out.push(format!("{RULE}={}", one_of(CapRule::ALL.iter().map(|r| r.key()), false)));
    out.push(format!("{LANG}={}", one_of(Lang::ALL.iter().map(|l| l.code()), true)));
    out.join(" ")
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;
    use crate::content::{Content, CONTENT_FOR_TESTS};
    use crate::model::Field::{Benefits, Officers, Overtime, Salary};
    use proptest::prelude::*;
    use strum::EnumCount;

    #[allow(non_snake_case)]
    fn CONTENT() -> &'static Content {
        CONTENT_FOR_TESTS()
    }

    fn read(q: &str) -> Scenario {
        let pairs: Vec<(&str, &str)> = q.split('&').filter_map(|p| p.split_once('=')).collect();
        parse(pairs, CONTENT().defaults(), &CONTENT().limits())
    }

    fn valid(s: &Scenario) -> bool {
        s.inputs == s.inputs.clamped(&CONTENT().limits())
    }

    #[test]
    fn round_trip() {
        let d = CONTENT().defaults();
        // Every slider one step above its lowest (so not its default), and every choice changed.
        let limits = CONTENT().limits();
        let mut i = Inputs { awards: AwardTier::Tier80, equipment: true, rule: CapRule::Reuters, ..d };
        for f in Field::ALL {
            i[f] = limits.get(f).min + limits.get(f).step;
        }
        assert!(Field::ALL.iter().all(|&f| i[f] != d[f]), "every input differs from its default");
        let s = read(&to_query(&i, Lang::Es));
        assert_eq!(s.inputs, i);
        assert_eq!(s.lang, Some(Lang::Es));
        assert!(s.has_inputs);
    }

    #[test]
    fn clamps_out_of_range_and_ignores_malformed() {
        let d = CONTENT().defaults();
        let limits = CONTENT().limits();
        let s = read("officers=99999999&salary=-5&benefits=250&overtime=40");
        assert_eq!([s.inputs[Officers], s.inputs[Salary], s.inputs[Benefits], s.inputs[Overtime]], [limits.get(Officers).max, limits.get(Salary).min, 10_000, 2_500]);
        let s = read("officers=NaN&salary=1e309&benefits=inf&overtime=12.345&awards=2000&equipment=yes&rule=DHS&rule=both&lang=fr&theme=pink");
        assert_eq!(s.inputs, d);
        assert_eq!((s.lang, s.has_inputs), (None, false));
        let long = "9".repeat(400);
        assert_eq!(read(&format!("officers={long}")).inputs[Officers], limits.get(Officers).max);
        assert_eq!(read("officers=-0").inputs[Officers], 0);
        assert_eq!(read("officers=1&officers=2").inputs[Officers], 2);
        assert_eq!(read("benefits=.5").inputs[Benefits], 50);
        assert_eq!(read("theme=dark&lang=es").lang, Some(Lang::Es), "other keys are skipped");
        assert_eq!(read("rule=reuters").inputs.rule, CapRule::Reuters);
        // A value between the slider's steps shows as the slider would: on the nearest step.
        let s = read("salary=83315&overtime=8.76&benefits=62.74");
        assert_eq!([s.inputs[Salary], s.inputs[Overtime], s.inputs[Benefits]], [83_320, 900, 6_270]);
        assert_eq!(read("rule=reuters&rule=nonsense").inputs.rule, CapRule::Reuters, "a malformed value is ignored");
    }

    /// 10,000 hostile inputs per property in every test run; `FUZZ_CASES=1000000` for a long run.
    fn cases() -> u32 {
        std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(cases()))]
        #[test]
        fn any_query_gives_a_valid_scenario(q in ".{0,200}") {
            prop_assert!(valid(&read(&q)));
        }

        /// Every valid scenario survives the trip through the address unchanged.
        #[test]
        fn to_query_then_parse_gives_the_same_scenario(
            values in any::<[u32; Field::COUNT]>(),
            awards in prop::sample::select(AwardTier::ALL.to_vec()), equipment in any::<bool>(),
            rule in prop::sample::select(CapRule::ALL.to_vec()), lang in prop::sample::select(Lang::ALL.to_vec()),
        ) {
            // Each value somewhere in its slider's range (then on its step): every scenario a link can hold.
            let limits = CONTENT().limits();
            let mut i = Inputs { awards, equipment, rule, ..Inputs::default() };
            for f in Field::ALL {
                let b = limits.get(f);
                i[f] = b.min + values[f as usize] % (b.max - b.min + 1);
            }
            let i = i.clamped(&limits);
            let s = read(&to_query(&i, lang));
            prop_assert_eq!(s.inputs, i);
            prop_assert_eq!(s.lang.unwrap_or(Lang::En), lang);
        }

        #[test]
        fn any_value_for_any_key_gives_a_valid_scenario(
            key in prop::sample::select(keys().chain(["theme", ""]).collect::<Vec<_>>()),
            value in prop_oneof![
                ".{0,40}",
                "-?[0-9]{0,400}(\\.[0-9]{0,5})?",
                Just("NaN".to_string()), Just("inf".to_string()), Just("1e309".to_string()), Just("-0".to_string()),
                Just("<script>alert(1)</script>".to_string()), Just("%00".to_string()),
            ],
        ) {
            let s = parse([(key, value.as_str())], CONTENT().defaults(), &CONTENT().limits());
            prop_assert!(valid(&s));
        }
    }

    #[test]
    fn the_language_links_carry_the_scenario_and_the_pages_other_keys_never_lang() {
        let defaults = CONTENT().defaults();
        let search = "?theme=dark&officers=9&lang=es&childId=x";
        assert_eq!(lang_link_query(&defaults, &defaults, search), "theme=dark&childId=x", "plain at the defaults");
        assert_eq!(lang_link_query(&defaults, &defaults, ""), "");
        let changed = defaults.with(Field::ALL[0], defaults[Field::ALL[0]] + 1);
        let link = lang_link_query(&changed, &defaults, search);
        assert_eq!(link, format!("{}&theme=dark&childId=x", to_query(&changed, Lang::En)));
        assert!(!link.contains("lang="), "{link}");
    }
}

/// The address's query once it follows the scenario: `scenario` (a [`to_query`]), then the
/// pairs of `search` (the page's `location.search`) that are not the scenario's, in order:
/// `?theme=` and a host's keys (Pym.js's `childId`) stay. A key written with `%` or `+` may
/// decode to a scenario key, so it is not kept (it would override the scenario on a reload).
pub fn keep_others(scenario: &str, search: &str) -> String {
    let mut query = scenario.to_string();
    for pair in search.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
        let key = pair.split('=').next().unwrap_or_default();
        if key.contains(['%', '+']) || keys().any(|k| k == key) {
            continue;
        }
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str(pair);
    }
    query
}

/// The query the language links carry once the calculator runs: the scenario (none at the
/// defaults: the other page then opens as a plain visit) and the pairs of `search` (the page's
/// query as it was opened) that are not a scenario's or the language's ([`keep_others`]: nor
/// written with `%` or `+`, as in the address). Without `lang`: each language is its own page.
/// The loader sets the links from it.
pub fn lang_link_query(inputs: &Inputs, defaults: &Inputs, search: &str) -> String {
    let scenario = if inputs == defaults { String::new() } else { to_query(inputs, Lang::En) };
    keep_others(&scenario, search)
}

#[cfg(test)]
mod keep_others_tests {
    use super::keep_others;

    #[test]
    fn the_address_keeps_the_theme_and_a_hosts_keys_not_an_old_scenario() {
        let scenario = "officers=100&salary=80000";
        assert_eq!(keep_others(scenario, "?theme=dark&officers=9&lang=en&childId=x"), "officers=100&salary=80000&theme=dark&childId=x");
        assert_eq!(keep_others(scenario, ""), scenario);
        assert_eq!(keep_others(scenario, "?"), scenario);
        assert_eq!(keep_others("", "?theme=light"), "theme=light");
        assert_eq!(keep_others(scenario, "?offic%65rs=1&a+b=2&&flag"), "officers=100&salary=80000&flag");
    }
}

#[cfg(test)]
mod unit_tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn keys_name_every_field_once() {
        let k: Vec<_> = keys().collect();
        for f in Field::ALL {
            assert_eq!(k.iter().filter(|&&x| x == f.key()).count(), 1, "{f:?}");
        }
        assert!(key_patterns().split(' ').map(|e| e.split_once('=').unwrap().0).eq(keys()), "{}", key_patterns());
    }

    #[test]
    fn percents_read_with_up_to_two_decimals() {
        assert_eq!(["62.7", "62.74", ".5", "7", "62.", "-3.5"].map(parse_percent), [Some(6270), Some(6274), Some(50), Some(700), Some(6200), Some(0)]);
        assert_eq!(["", ".", "1.234", "1e3", "+1", "1,5"].map(parse_percent), [None; 6]);
        let written = |unit, v| {
            let mut s = String::new();
            write_value(&mut s, unit, v);
            s
        };
        assert_eq!([6270, 2500, 5].map(|v| written(Unit::Percent, v)), ["62.7", "25", "0.05"]);
        assert_eq!(written(Unit::Dollars, 74_510), "74510");
    }

    /// JavaScript's `String.prototype.trim`, written from its definition (ECMA-262: WhiteSpace,
    /// which is Zs and TAB, VT, FF, U+FEFF; and LineTerminator, LF, CR, U+2028, U+2029), not
    /// from [`trim`], which the test compares with it.
    fn js_trim(s: &str) -> &str {
        const ZS: [char; 17] = ['\u{20}', '\u{a0}', '\u{1680}', '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}', '\u{2009}', '\u{200a}', '\u{202f}', '\u{205f}', '\u{3000}'];
        s.trim_matches(|c: char| ZS.contains(&c) || "\t\u{b}\u{c}\u{feff}\n\r\u{2028}\u{2029}".contains(c))
    }

    /// The loader's patterns, as regular expressions, by key.
    fn patterns() -> Vec<(String, regex::Regex)> {
        key_patterns()
            .split(' ')
            .map(|e| {
                let (key, pattern) = e.split_once('=').unwrap();
                // JavaScript's \d is ASCII only: so is a byte-oriented, non-Unicode regex's.
                (key.to_string(), regex::RegexBuilder::new(pattern).unicode(false).build().unwrap_or_else(|err| panic!("{key}: {err}")))
            })
            .collect()
    }

    fn values() -> impl Strategy<Value = String> {
        let words: Vec<String> = AwardTier::ALL
            .iter()
            .map(|t| t.key())
            .chain(CapRule::ALL.iter().map(|r| r.key()))
            .chain(Lang::ALL.iter().map(|l| l.code()))
            .chain(["0", "1", "true", "false", "TRUE", "Es", "EN", "Reuters", "1000.0", "+1", "1e3", "0x10", "62,7", "\u{661}"])
            .map(String::from)
            .collect();
        let core = prop_oneof![
            "-?[0-9]{0,6}(\\.[0-9]{0,3})?",
            "-?\\.[0-9]{0,3}",
            prop::sample::select(words),
            ".{0,12}",
        ];
        // Padding: both trim the value before they read it, JavaScript's way (U+FEFF off, U+0085 kept).
        let pads = vec!["", " ", "\t", "\u{feff}", "\u{85}", "\u{a0}", "\u{2028}"];
        (prop::sample::select(pads.clone()), core, prop::sample::select(pads)).prop_map(|(a, v, b)| format!("{a}{v}{b}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]
        /// The link's grammar is written twice, in [`parse`] (Rust) and in the patterns the loader
        /// tests a link with (JavaScript, from [`key_patterns`]): for every key and value, a
        /// pattern matches exactly when the parser reads the value.
        #[test]
        fn the_loaders_patterns_agree_with_the_parser(index in 0..keys().count(), value in values()) {
            let (key, pattern) = &patterns()[index];
            let parser = if key == LANG { Lang::from_code(trim(&value)).is_some() } else { reads(key, &value) };
            prop_assert_eq!(pattern.is_match(js_trim(&value)), parser, "{}={:?}", key, value);
        }
    }
}
