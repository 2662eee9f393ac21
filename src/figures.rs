//! The figures the calculator shows for a scenario, as text: computed once here and used by
//! the results panel, the breakdown table, the live region and the browser tests' oracle.

use explainer_core::content::Lang;
use explainer_core::format;
use explainer_core::model::{compute, per_year, share_tenths_pct, Breakdown, Inputs, Part};

use crate::content::CONTENT;

#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    pub breakdown: Breakdown,
    /// "$139,855"
    pub per_officer: String,
    /// "$1.19 billion"
    pub total: String,
    /// "6.3% of ICE's new funding of about $18.75 billion a year"
    pub share: String,
    /// "Total: $1.19 billion a year"
    pub status: String,
    /// Each line of the breakdown: (per officer, all officers), in `Part::ALL` order.
    pub rows: Vec<(String, String)>,
}

impl Figures {
    pub fn new(inputs: &Inputs, lang: Lang) -> Self {
        let ui = &CONTENT.ui;
        let loc = CONTENT.locale(lang);
        let b = compute(inputs);
        let funding = &CONTENT.calculator.ice_funding;
        let yearly = per_year(funding.total_dollars, funding.years);
        let share = format::share(share_tenths_pct(b.total(), yearly).unwrap_or(0), b.total() == 0, loc);
        let total = format::money(b.total(), loc);
        Figures {
            breakdown: b,
            per_officer: format::dollars(b.per_officer_total(), loc),
            share: format::fill(ui.share.get(lang), &[("share", &share), ("funding", &format::money(yearly, loc))]),
            status: format::fill(ui.status.get(lang), &[("total", &total)]),
            total,
            rows: Part::ALL.iter().map(|&p| (format::dollars(b.per_officer(p), loc), format::money(b.total_of(p), loc))).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_give_the_worked_case() {
        let f = Figures::new(&CONTENT.defaults(), Lang::En);
        assert_eq!((f.per_officer.as_str(), f.total.as_str()), ("$139,855", "$1.19 billion"));
        assert_eq!(f.share, "6.3% of ICE's new funding of about $18.75 billion a year");
        assert_eq!(f.status, "Total: $1.19 billion a year");
        assert_eq!(f.rows[0], ("$74,510".to_string(), "$633.41 million".to_string()));
        assert_eq!(f.rows.len(), Part::ALL.len());
    }
}
