//! The figures the calculator shows for a scenario, as text: computed once here and used by
//! the results panel, the breakdown table, the live region and the browser tests' oracle.

use explainer_core::content::{Content, Lang};
use explainer_core::format;
use explainer_core::model::{compute, per_year, share_tenths_pct, swings, Breakdown, Field, Inputs, Part, Swing};

use crate::content::CONTENT;

/// How a slider's value reads on screen ("$74,510") and to a screen reader ("$74,510 a year").
pub fn readout(content: &Content, field: Field, value: u32, lang: Lang) -> (String, String) {
    let shown = format::input_value(field.unit(), value, content.locale(lang));
    let spoken = format::fill(content.calculator.slider(field).valuetext.get(lang), &[("value", &shown)]);
    (shown, spoken)
}

/// The share card's text for a scenario (og:image:alt): its figures, labelled as our estimate,
/// and what they assume (the inputs `ui.card_assumptions` names).
pub fn card_alt(content: &Content, inputs: &Inputs, lang: Lang) -> String {
    let ui = &content.ui;
    let values: Vec<(&str, String)> = Field::ALL.iter().map(|&f| (f.key(), readout(content, f, inputs[f], lang).0)).collect();
    let named: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let assumptions = format::fill(ui.card_assumptions.get(lang), &named);
    let f = Figures::with(content, inputs, lang);
    format::fill(ui.card_alt.get(lang), &[("per_officer", &f.per_officer), ("total", &f.total), ("assumptions", &assumptions)])
}

#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    pub breakdown: Breakdown,
    /// "$139,855"
    pub per_officer: String,
    /// "$1.19 billion"
    pub total: String,
    /// "For scale: equal to 6.3% of about $18.75 billion a year, …"
    pub share: String,
    /// What the total assumes about overtime, shown beside it.
    pub assumes: String,
    /// Why the awards line is lower than asked (Reuters' reading of the 25% cap), if it is.
    pub awards_cut: Option<String>,
    /// "Total: $1.19 billion a year" (and the reading of the cap when it lowers the total).
    pub status: String,
    /// The options in force, in words (print shows it: there are no controls on paper).
    pub summary: String,
    /// Each line of the breakdown: (per officer, all officers), in `Part::ALL` order.
    pub rows: Vec<(String, String)>,
    /// How far each slider moves the total (`Field::ALL` order), with its words: "$0 to
    /// $2.8 billion".
    pub swings: Vec<(Swing, String)>,
}

impl Figures {
    pub fn new(inputs: &Inputs, lang: Lang) -> Self {
        Self::with(&CONTENT, inputs, lang)
    }

    /// The same for any content (tests use a made-up locale).
    pub fn with(content: &Content, inputs: &Inputs, lang: Lang) -> Self {
        let ui = &content.ui;
        let calc = &content.calculator;
        let loc = content.locale(lang);
        let b = compute(inputs);
        let funding = &calc.ice_funding;
        let yearly = per_year(funding.total_dollars, funding.years);
        let share = format::share(share_tenths_pct(b.total(), yearly).unwrap_or(0), b.total() == 0, loc);
        let total = format::money(b.total(), loc);
        let overtime = format::percent_bp(b.overtime_bp, loc);
        let assumes = if b.overtime_at_cap { &ui.assumes_max } else { &ui.assumes };
        let cut = b.awards_cut > 0;
        let status = if cut { &ui.status_capped } else { &ui.status };
        let tier = calc.award_tier(inputs.awards).get(lang);
        let equipment = if inputs.equipment { &ui.counted } else { &ui.not_counted };
        Figures {
            breakdown: b,
            per_officer: format::dollars(b.per_officer_total(), loc),
            share: format::fill(ui.share.get(lang), &[("share", &share), ("funding", &format::money(yearly, loc))]),
            assumes: format::fill(assumes.get(lang), &[("overtime", &overtime)]),
            awards_cut: cut.then(|| format::fill(ui.awards_cut.get(lang), &[("cut", &format::dollars(b.awards_cut, loc))])),
            status: format::fill(status.get(lang), &[("total", &total)]),
            summary: format::fill(
                ui.summary.get(lang),
                &[("awards", tier), ("equipment", equipment.get(lang)), ("rule", calc.cap_rule.option(inputs.rule).get(lang))],
            ),
            total,
            rows: Part::ALL.iter().map(|&p| (format::dollars(b.per_officer(p), loc), format::money(b.total_of(p), loc))).collect(),
            swings: swings(inputs, &content.limits())
                .into_iter()
                .map(|s| (s, format::fill(ui.swing_values.get(lang), &[("low", &format::money(s.low, loc)), ("high", &format::money(s.high, loc))])))
                .collect(),
        }
    }

}

#[cfg(test)]
mod tests {
    use super::*;
    use explainer_core::model::{AwardTier, CapRule};

    #[test]
    fn defaults_give_the_worked_case() {
        let f = Figures::new(&CONTENT.defaults(), Lang::En);
        assert_eq!((f.per_officer.as_str(), f.total.as_str()), ("$139,855", "$1.19 billion"));
        assert_eq!(f.share, "For scale: equal to 6.3% of about $18.75 billion a year, our even yearly split of ICE's new funding");
        assert_eq!(f.status, "Total: $1.19 billion a year");
        assert_eq!(f.assumes, "Assumes overtime at the maximum DHS announced: 25% of salary.");
        assert_eq!(f.awards_cut, None);
        assert_eq!(f.rows[Part::Salary as usize], ("$74,510".to_string(), "$633.41 million".to_string()));
        assert_eq!(f.rows.len(), Part::ALL.len());
    }

    #[test]
    fn swings_say_each_sliders_range_of_totals() {
        let en = Figures::new(&CONTENT.defaults(), Lang::En);
        let words = |f: Field| en.swings.iter().find(|(s, _)| s.field == f).map(|(_, w)| w.as_str());
        let want = ["$0 to $2.8 billion", "$638.26 million to $2.39 billion", "$791.76 million to $1.43 billion", "$1.03 billion to $1.19 billion"];
        assert_eq!([Field::Officers, Field::Salary, Field::Benefits, Field::Overtime].map(words), want.map(Some));
        assert_eq!(en.swings.len(), Field::ALL.len());
        assert!(en.swings.iter().all(|(s, _)| s.low <= en.breakdown.total() && en.breakdown.total() <= s.high));
        let es = Figures::new(&CONTENT.defaults(), Lang::Es);
        let officers = es.swings.iter().find(|(s, _)| s.field == Field::Officers).map(|(_, w)| w.as_str());
        assert_eq!(officers, Some("de $0 a $2,800 millones"));
    }

    /// $100,000, 50% benefits, 25% overtime, $1,000 a quarter: $179,000 (DHS) or $175,000 (Reuters).
    #[test]
    fn reuters_reading_cuts_the_awards_and_says_so() {
        let d = CONTENT.defaults();
        let i = Inputs { awards: AwardTier::Tier90, rule: CapRule::Dhs, ..d.with(Field::Officers, 1_000).with(Field::Salary, 100_000).with(Field::Benefits, 5_000).with(Field::Overtime, 2_500) };
        let dhs = Figures::new(&i, Lang::En);
        assert_eq!((dhs.per_officer.as_str(), dhs.total.as_str()), ("$179,000", "$179 million"));
        let r = Figures::new(&Inputs { rule: CapRule::Reuters, ..i }, Lang::En);
        assert_eq!((r.per_officer.as_str(), r.total.as_str()), ("$175,000", "$175 million"));
        assert_eq!(r.rows[Part::Awards as usize].0, "$0");
        assert_eq!(r.awards_cut.as_deref(), Some("Awards reduced by $4,000 per officer: on one reading of Reuters' wording, overtime and awards share one 25% of salary. We count overtime first; no source says which comes first."));
        assert_eq!(r.status, "Total: $175 million a year, with overtime and awards sharing one 25% of salary, on one reading of Reuters' wording");
        let es = Figures::new(&Inputs { rule: CapRule::Reuters, ..i.with(Field::Overtime, 2_000) }, Lang::Es);
        assert_eq!(es.awards_cut, None, "20% overtime leaves room for $4,000 of awards");
        assert_eq!(es.assumes, "Supone horas extra equivalentes al 20% del salario.");
        assert!(es.summary.contains("una lectura posible del texto de Reuters"), "{}", es.summary);
    }
}
