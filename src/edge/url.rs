//! Shareable scenarios: the calculator's inputs and the language in the query string.
//! Parsing is pure and total: out-of-range numbers are clamped, malformed ones ignored,
//! unknown keys skipped; it never panics (property-tested below). (`?theme=` is the
//! loader's, `assets/loader.js`: it needs no wasm.)
//!
//! `?officers=9000&salary=80000&benefits=62.7&overtime=25&awards=1000&equipment=1&rule=reuters&lang=es`

use explainer_core::content::Lang;
use explainer_core::model::{AwardTier, CapRule, Inputs, Limits};

/// What a query string asks for, already made valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scenario {
    pub inputs: Inputs,
    pub lang: Option<Lang>,
    /// Whether any calculator input was given (otherwise there is nothing to restore).
    pub has_inputs: bool,
}

/// A number in the query: `None` when malformed; huge values saturate and negative ones
/// become 0, so that clamping brings them into range.
fn whole(v: &str) -> Option<u32> {
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
fn percent_bp(v: &str) -> Option<u32> {
    let (int, frac) = v.split_once('.').unwrap_or((v, ""));
    if frac.len() > 2 || !frac.bytes().all(|b| b.is_ascii_digit()) || (int.is_empty() && frac.is_empty()) {
        return None;
    }
    let int = if int.is_empty() { 0 } else { whole(int)? };
    let frac: u32 = format!("{frac:0<2}").parse().ok()?;
    Some(int.saturating_mul(100).saturating_add(frac))
}

/// The keys the query string may hold; others are ignored.
pub const KEYS: [&str; 8] = ["officers", "salary", "benefits", "overtime", "awards", "equipment", "rule", "lang"];

/// Reads decoded query pairs (the last of repeated keys wins) against `defaults`.
/// Keys other than [`KEYS`] are ignored.
pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>, defaults: Inputs, limits: &Limits) -> Scenario {
    let mut s = Scenario { inputs: defaults, lang: None, has_inputs: false };
    for (key, value) in pairs {
        let value = value.trim();
        let i = &mut s.inputs;
        let changed = match key {
            "officers" => whole(value).map(|v| i.officers = v).is_some(),
            "salary" => whole(value).map(|v| i.salary_dollars = v).is_some(),
            "benefits" => percent_bp(value).map(|v| i.benefits_bp = v).is_some(),
            "overtime" => percent_bp(value).map(|v| i.overtime_bp = v).is_some(),
            "awards" => AwardTier::from_key(value).map(|t| i.awards = t).is_some(),
            "equipment" => match value {
                "1" | "true" => Some(true),
                "0" | "false" => Some(false),
                _ => None,
            }
            .map(|on| i.equipment = on)
            .is_some(),
            "rule" => CapRule::from_key(value).map(|r| i.rule = r).is_some(),
            "lang" => {
                s.lang = Lang::from_code(value).or(s.lang);
                false
            }
            _ => false,
        };
        s.has_inputs |= changed;
    }
    s.inputs = s.inputs.clamped(limits);
    s
}

/// Basis points as a plain percentage for the URL: 6270 -> "62.7".
fn percent(bp: u32) -> String {
    match explainer_core::format::split_hundredths(bp as u64) {
        (whole, d) if d.is_empty() => whole.to_string(),
        (whole, d) => format!("{whole}.{d}"),
    }
}

/// The query string for a scenario (without `?`); `parse` reads it back unchanged.
pub fn to_query(inputs: &Inputs, lang: Lang) -> String {
    let mut q = format!(
        "officers={}&salary={}&benefits={}&overtime={}&awards={}&equipment={}&rule={}",
        inputs.officers,
        inputs.salary_dollars,
        percent(inputs.benefits_bp),
        percent(inputs.overtime_bp),
        inputs.awards.key(),
        inputs.equipment as u8,
        inputs.rule.key(),
    );
    if lang != Lang::En {
        q.push_str("&lang=");
        q.push_str(lang.code());
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::CONTENT;
    use proptest::prelude::*;

    fn read(q: &str) -> Scenario {
        let pairs: Vec<(&str, &str)> = q.split('&').filter_map(|p| p.split_once('=')).collect();
        parse(pairs, CONTENT.defaults(), &CONTENT.limits())
    }

    fn valid(s: &Scenario) -> bool {
        s.inputs == s.inputs.clamped(&CONTENT.limits())
    }

    #[test]
    fn round_trip() {
        let i = Inputs { officers: 12_345, salary_dollars: 81_230, benefits_bp: 5_520, overtime_bp: 1_200, awards: AwardTier::Tier80, equipment: true, rule: CapRule::Reuters };
        let s = read(&to_query(&i, Lang::Es));
        assert_eq!(s.inputs, i);
        assert_eq!(s.lang, Some(Lang::Es));
        assert!(s.has_inputs);
    }

    #[test]
    fn clamps_out_of_range_and_ignores_malformed() {
        let d = CONTENT.defaults();
        let s = read("officers=99999999&salary=-5&benefits=250&overtime=40");
        assert_eq!(s.inputs.officers, CONTENT.calculator.officers.max);
        assert_eq!(s.inputs.salary_dollars, CONTENT.calculator.salary.min);
        assert_eq!(s.inputs.benefits_bp, 10_000);
        assert_eq!(s.inputs.overtime_bp, 2_500);
        let s = read("officers=NaN&salary=1e309&benefits=inf&overtime=12.345&awards=2000&equipment=yes&rule=DHS&rule=both&lang=fr&theme=pink");
        assert_eq!(s.inputs, d);
        assert_eq!((s.lang, s.has_inputs), (None, false));
        let long = "9".repeat(400);
        assert_eq!(read(&format!("officers={long}")).inputs.officers, CONTENT.calculator.officers.max);
        assert_eq!(read("officers=-0").inputs.officers, 0);
        assert_eq!(read("officers=1&officers=2").inputs.officers, 2);
        assert_eq!(read("benefits=.5").inputs.benefits_bp, 50);
        assert_eq!(read("theme=dark&lang=es").lang, Some(Lang::Es), "other keys are skipped");
        assert_eq!(read("rule=reuters").inputs.rule, CapRule::Reuters);
        // A value between the slider's steps shows as the slider would: on the nearest step.
        let s = read("salary=83315&overtime=8.76&benefits=62.74");
        assert_eq!((s.inputs.salary_dollars, s.inputs.overtime_bp, s.inputs.benefits_bp), (83_320, 900, 6_270));
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
            officers in 0u32..=20_000, salary in 40_000u32..=150_000, benefits in 0u32..=10_000, overtime in 0u32..=2_500,
            awards in prop::sample::select(AwardTier::ALL.to_vec()), equipment in any::<bool>(),
            rule in prop::sample::select(CapRule::ALL.to_vec()), lang in prop::sample::select(Lang::ALL.to_vec()),
        ) {
            let i = Inputs { officers, salary_dollars: salary, benefits_bp: benefits, overtime_bp: overtime, awards, equipment, rule }
                .clamped(&CONTENT.limits());
            let s = read(&to_query(&i, lang));
            prop_assert_eq!(s.inputs, i);
            prop_assert_eq!(s.lang.unwrap_or(Lang::En), lang);
        }

        #[test]
        fn any_value_for_any_key_gives_a_valid_scenario(
            key in prop::sample::select(vec!["officers", "salary", "benefits", "overtime", "awards", "equipment", "rule", "lang", "theme", ""]),
            value in prop_oneof![
                ".{0,40}",
                "-?[0-9]{0,400}(\\.[0-9]{0,5})?",
                Just("NaN".to_string()), Just("inf".to_string()), Just("1e309".to_string()), Just("-0".to_string()),
                Just("<script>alert(1)</script>".to_string()), Just("%00".to_string()),
            ],
        ) {
            let s = parse([(key, value.as_str())], CONTENT.defaults(), &CONTENT.limits());
            prop_assert!(valid(&s));
        }
    }
}
