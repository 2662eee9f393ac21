//! The figures as a test oracle for the browser tests: reads scenarios on stdin, one per
//! line (`officers salary_dollars benefits_bp overtime_bp awards_key equipment(0|1) lang rule`),
//! and prints what the widget must show, as one tab-separated line each: per officer,
//! total, share sentence, the overtime assumption, the awards-cut note (or `-`), then
//! per-officer and all-officer cells of each row.

use std::io::{BufRead, Write};

use explainer::figures::Figures;
use explainer_core::content::Lang;
use explainer_core::model::{AwardTier, CapRule, Inputs};

fn answer(line: &str) -> Result<String, String> {
    let f: Vec<&str> = line.split_whitespace().collect();
    let [o, s, b, ot, aw, eq, lang, rule] = f.as_slice() else {
        return Err(format!("expected 8 fields, got {}", f.len()));
    };
    let num = |x: &str| x.parse::<u32>().map_err(|e| format!("{x}: {e}"));
    let inputs = Inputs {
        officers: num(o)?,
        salary_dollars: num(s)?,
        benefits_bp: num(b)?,
        overtime_bp: num(ot)?,
        awards: AwardTier::from_key(aw).ok_or(format!("awards {aw}"))?,
        equipment: *eq == "1",
        rule: CapRule::from_key(rule).ok_or(format!("rule {rule}"))?,
    };
    let lang = Lang::from_code(lang).ok_or(format!("lang {lang}"))?;
    let f = Figures::new(&inputs, lang);
    let mut cells = vec![f.per_officer, f.total, f.share, f.assumes, f.awards_cut.unwrap_or_else(|| "-".into())];
    for (per_officer, all) in f.rows {
        cells.push(per_officer);
        cells.push(all);
    }
    Ok(cells.join("\t"))
}

fn main() {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("stdin");
        let reply = answer(&line).unwrap_or_else(|e| format!("error\t{e}"));
        writeln!(out, "{reply}").and_then(|_| out.flush()).expect("stdout");
    }
}
