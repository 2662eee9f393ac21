//! A made-up number style (`.` for thousands, `,` for decimals, its own "less than" words)
//! in the Spanish locale: every figure, readout and spoken value must follow it, so code that
//! writes a separator of its own instead of the locale's fails here.

use explainer::figures::{readout, Figures};
use explainer_core::model::Field;
use explainer_core::content::{parse, Content, Lang};
use explainer_core::model::{AwardTier, CapRule, Inputs};

fn made_up() -> Content {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/content.toml")).unwrap();
    let from = "[locale.es]\nthousands = \",\"\ndecimal = \".\"";
    assert_eq!(text.matches(from).count(), 1, "the Spanish locale's separators moved: update this test");
    // The Spanish texts that state the model's amounts follow the made-up style too (the
    // content check insists they match the model).
    let text: String = text
        .lines()
        .map(|l| if l.starts_with("es = ") || l.contains(".es = ") { l.replace("$1,000", "$1.000").replace("$7,500", "$7.500").replace("$18,750", "$18.750").replace("$24.63", "$24,63").replace("$39.31", "$39,31") } else { l.to_string() })
        .collect::<Vec<_>>()
        .join("\n");
    let text = text
        .replace(from, "[locale.es]\nthousands = \".\"\ndecimal = \",\"")
        .replace("less_than_tenth = \"a menos del 0.1%\"", "less_than_tenth = \"a menos del 0,1 por ciento\"");
    parse(&text, "made-up locale").unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn figures_follow_the_locale_word_for_word() {
    let c = made_up();
    let d = c.defaults();
    let f = Figures::with(&c, &d, Lang::Es);
    assert_eq!(f.per_officer, "$139.855");
    assert_eq!(f.total, "$1.190 millones");
    assert_eq!(f.share, "Como referencia: equivale al 6,3% de unos $18.750 millones al año, nuestro reparto anual uniforme de los nuevos fondos de ICE");
    assert_eq!(f.status, "Total: $1.190 millones al año");
    assert_eq!(f.rows[1], ("$46.718".to_string(), "$397,15 millones".to_string()));
    // English keeps AP style from its own table.
    assert_eq!(Figures::with(&c, &d, Lang::En).total, "$1.19 billion");

    let tiny = Inputs { awards: AwardTier::Tier70, rule: CapRule::Reuters, ..d.with(Field::Officers, 1).with(Field::Salary, 40_000).with(Field::Benefits, 0).with(Field::Overtime, 1_250) };
    let f = Figures::with(&c, &tiny, Lang::Es);
    assert!(f.share.contains(" a menos del 0,1 por ciento de unos $18.750 millones"), "{}", f.share);
    assert_eq!(f.assumes, "Supone horas extra equivalentes al 12,5% del salario.");
    assert_eq!(f.per_officer, "$47.000"); // 40.000 + 5.000 + 2.000 de bonos (caben en el tope)
}

#[test]
fn readouts_and_spoken_values_follow_the_locale() {
    let c = made_up();
    assert_eq!(readout(&c, Field::Officers, 8_501, Lang::Es), ("8.501".to_string(), "8.501 agentes".to_string()));
    assert_eq!(readout(&c, Field::Salary, 74_510, Lang::Es), ("$74.510".to_string(), "$74.510 al año".to_string()));
    assert_eq!(readout(&c, Field::Benefits, 6_270, Lang::Es), ("62,7%".to_string(), "62,7% del salario".to_string()));
    assert_eq!(readout(&c, Field::Overtime, 2_500, Lang::Es), ("25%".to_string(), "25% del salario".to_string()));
    assert_eq!(readout(&c, Field::Salary, 74_510, Lang::En), ("$74,510".to_string(), "$74,510 a year".to_string()));
}
