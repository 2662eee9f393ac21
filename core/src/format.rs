//! Numbers, money, percentages and dates the way a news desk writes them
//! (AP style in English: "$1.19 billion", "$74,510", "Sept. 18, 2012").
//! Every word and separator comes from the content file's `[locale.*]` tables,
//! so Spanish (or a house style) is an edit there, not here.

use crate::content::{Date, Locale};
use crate::model::{dollars_to_cents, round_half_up, Cents, Unit};

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// 1234567 -> "1,234,567" (with the locale's thousands separator).
pub fn count(n: u64, loc: &Locale) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(&loc.thousands);
        }
        out.push(c);
    }
    out
}

/// Splits `hundredths` / 100 into its whole part and its decimals, trailing zeros dropped:
/// 119 -> (1, "19"), 120 -> (1, "2"), 7500 -> (75, "").
pub fn split_hundredths(hundredths: u64) -> (u64, String) {
    let decimals = match hundredths % 100 {
        0 => String::new(),
        f if f % 10 == 0 => (f / 10).to_string(),
        f => format!("{f:02}"),
    };
    (hundredths / 100, decimals)
}

/// `hundredths` / 100 with up to two decimals: 119 -> "1.19", 7500 -> "75".
fn decimal(hundredths: u64, loc: &Locale) -> String {
    let (whole, decimals) = split_hundredths(hundredths);
    let whole = count(whole, loc);
    if decimals.is_empty() {
        whole
    } else {
        format!("{whole}{}{decimals}", loc.decimal)
    }
}

fn round_div(n: u64, d: u64) -> u64 {
    round_half_up(n as u128, d as u128)
}

/// Whole dollars, rounded half up: 13_985_527 cents -> "$139,855".
pub fn dollars(cents: Cents, loc: &Locale) -> String {
    fill(&loc.dollars, &[("n", &count(round_div(cents, 100), loc))])
}

/// AP style for large sums: "$1.19 billion", "$850.3 million"; below a million, whole dollars.
pub fn money(cents: Cents, loc: &Locale) -> String {
    const MILLION: u64 = 100 * 1_000_000; // in cents
    const BILLION: u64 = MILLION * 1_000;
    // Decide the unit on the rounded figure, so $999.999 million reads "$1 billion".
    let billions = round_div(cents, BILLION / 100);
    if billions >= 100 {
        // The same rounding either way: $1.19 billion is "$1,190 millones".
        return fill(&loc.billions, &[("n", &decimal(billions, loc)), ("m", &count(billions * 10, loc))]);
    }
    let millions = round_div(cents, MILLION / 100);
    if millions >= 100 {
        return fill(&loc.millions, &[("n", &decimal(millions, loc))]);
    }
    dollars(cents, loc)
}

/// An input's value as it reads on screen, by its unit: "8,501", "$74,510", "62.7%".
pub fn input_value(unit: Unit, value: u32, loc: &Locale) -> String {
    match unit {
        Unit::Count => count(value as u64, loc),
        Unit::Dollars => dollars(dollars_to_cents(value as u64), loc),
        Unit::Percent => percent_bp(value, loc),
    }
}

/// Basis points as a percentage: 6270 -> "62.7%", 2500 -> "25%".
pub fn percent_bp(bp: u32, loc: &Locale) -> String {
    fill(&loc.percent, &[("n", &decimal(bp as u64, loc))])
}

/// A share in tenths of a percent, as it reads after "equal to": 63 -> "6.3%" (Spanish "al
/// 6.3%"); a nonzero part that rounds to 0 -> "less than 0.1%".
pub fn share(tenths: u64, part_is_zero: bool, loc: &Locale) -> String {
    if tenths == 0 && !part_is_zero {
        return loc.less_than_tenth.to_string();
    }
    fill(&loc.share, &[("n", &decimal(tenths * 10, loc))])
}

/// "Sept. 18, 2012" / "December 2012" (or the locale's patterns).
pub fn date(d: Date, loc: &Locale) -> String {
    let m = (d.month as usize).saturating_sub(1).min(11);
    let year = d.year.to_string();
    if d.day == 0 {
        fill(&loc.date_month, &[("month", &loc.months[m]), ("year", &year)])
    } else {
        fill(&loc.date_day, &[("month", &loc.months_with_day[m]), ("day", &d.day.to_string()), ("year", &year)])
    }
}

/// The machine-readable form for `<time datetime>`: "2012-09-18" or "2012-12".
pub fn iso_date(d: Date) -> String {
    if d.day == 0 {
        format!("{:04}-{:02}", d.year, d.month)
    } else {
        format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
    }
}

// These read the real content file's locales, so they need the `build` feature.
#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;
    use crate::content::{Lang, CONTENT_FOR_TESTS as C};

    fn en() -> &'static Locale {
        C().locale(Lang::En)
    }
    fn es() -> &'static Locale {
        C().locale(Lang::Es)
    }

    #[test]
    fn ap_style_money() {
        let l = en();
        assert_eq!(money(118_890_965_027, l), "$1.19 billion");
        assert_eq!(money(7_500_000_000_000, l), "$75 billion");
        assert_eq!(money(1_875_000_000_000, l), "$18.75 billion");
        assert_eq!(money(120_000_000_000, l), "$1.2 billion");
        assert_eq!(money(85_030_000_000, l), "$850.3 million");
        assert_eq!(money(99_999_999_900, l), "$1 billion"); // $999,999,999 rounds up a unit
        assert_eq!(money(13_985_527, l), "$139,855");
        assert_eq!(money(0, l), "$0");
        assert_eq!(dollars(7_451_000, l), "$74,510");
        assert_eq!(dollars(50, l), "$1"); // half up
        assert_eq!(dollars(49, l), "$0");
    }

    #[test]
    fn percentages_and_counts() {
        let l = en();
        assert_eq!(percent_bp(6_270, l), "62.7%");
        assert_eq!(percent_bp(2_500, l), "25%");
        assert_eq!(percent_bp(1_234, l), "12.34%");
        assert_eq!(share(63, false, l), "6.3%");
        assert_eq!(share(0, false, l), "less than 0.1%");
        assert_eq!(share(0, true, l), "0%");
        assert_eq!(count(8_501, l), "8,501");
        assert_eq!(count(1_000_000, l), "1,000,000");
        assert_eq!(count(999, l), "999");
    }

    #[test]
    fn dates_ap_and_spanish() {
        let d = Date { year: 2012, month: 9, day: 18 };
        assert_eq!(date(d, en()), "Sept. 18, 2012");
        assert_eq!(date(Date { year: 2012, month: 12, day: 0 }, en()), "December 2012");
        assert_eq!(date(Date { year: 2025, month: 7, day: 4 }, en()), "July 4, 2025");
        assert_eq!(date(d, es()), "18 de septiembre de 2012");
        assert_eq!(date(Date { year: 2012, month: 12, day: 0 }, es()), "diciembre de 2012");
        assert_eq!(iso_date(d), "2012-09-18");
        assert_eq!(iso_date(Date { year: 2025, month: 6, day: 0 }), "2025-06");
    }

    #[test]
    fn spanish_money_is_written_in_millions() {
        // One house style for U.S. Spanish-language newsrooms: never "mil millones".
        assert_eq!(money(118_890_965_027, es()), "$1,190 millones");
        assert_eq!(money(7_500_000_000_000, es()), "$75,000 millones");
        assert_eq!(money(1_875_000_000_000, es()), "$18,750 millones");
        assert_eq!(money(99_999_999_900, es()), "$1,000 millones"); // rounded as in English
        assert_eq!(money(85_030_000_000, es()), "$850.3 millones");
        assert_eq!(money(13_985_527, es()), "$139,855");
        assert_eq!(dollars(7_451_000, es()), "$74,510");
        for cents in [0, 99, 123_456_789, 99_999_999_900, 118_890_965_027, 7_500_000_000_000, u64::MAX / 2] {
            assert!(!money(cents, es()).contains("mil millones"), "{}", money(cents, es()));
        }
    }

    #[test]
    fn spanish_shares_take_the_article() {
        assert_eq!(share(63, false, es()), "al 6.3%");
        assert_eq!(share(0, false, es()), "a menos del 0.1%");
        assert_eq!(share(0, true, es()), "al 0%");
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(fill("{a} and {b}, {a}", &[("a", "x"), ("b", "y")]), "x and y, x");
    }
}
