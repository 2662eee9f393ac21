//! The model as a test oracle for the browser tests: reads scenarios on stdin, one per
//! line (`officers salary_dollars benefits_bp overtime_bp awards_key equipment(0|1) lang`),
//! and prints the figures the widget must show, as one tab-separated line each:
//! per officer, total, share sentence, then per-officer and all-officer cells of each row.

use std::io::{BufRead, Write};

use explainer::content::CONTENT;
use explainer_core::content::Lang;
use explainer_core::format;
use explainer_core::model::{compute, per_year, share_tenths_pct, AwardTier, Inputs, Part};

fn figures(line: &str) -> Result<String, String> {
    let f: Vec<&str> = line.split_whitespace().collect();
    let [o, s, b, ot, aw, eq, lang] = f.as_slice() else {
        return Err(format!("expected 7 fields, got {}", f.len()));
    };
    let num = |x: &str| x.parse::<u32>().map_err(|e| format!("{x}: {e}"));
    let inputs = Inputs {
        officers: num(o)?,
        salary_dollars: num(s)?,
        benefits_bp: num(b)?,
        overtime_bp: num(ot)?,
        awards: AwardTier::from_key(aw).ok_or(format!("awards {aw}"))?,
        equipment: *eq == "1",
    };
    let lang = Lang::from_code(lang).ok_or(format!("lang {lang}"))?;
    let loc = CONTENT.locale(lang);
    let b = compute(&inputs);
    let funding = &CONTENT.calculator.ice_funding;
    let yearly = per_year(funding.total_dollars, funding.years);
    let share = format::share(share_tenths_pct(b.total(), yearly).unwrap_or(0), b.total() == 0, loc);
    let mut cells = vec![
        format::dollars(b.per_officer_total(), loc),
        format::money(b.total(), loc),
        format::fill(CONTENT.ui.share.get(lang), &[("share", &share), ("funding", &format::money(yearly, loc))]),
    ];
    for part in Part::ALL {
        cells.push(format::dollars(b.per_officer(part), loc));
        cells.push(format::money(b.total_of(part), loc));
    }
    Ok(cells.join("\t"))
}

fn main() {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("stdin");
        let answer = figures(&line).unwrap_or_else(|e| format!("error\t{e}"));
        writeln!(out, "{answer}").and_then(|_| out.flush()).expect("stdout");
    }
}
