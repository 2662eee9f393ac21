//! The figures as a test oracle for the browser tests: reads scenarios on stdin, one per
//! line: one number per slider in `Field::ALL` order (its value as the slider holds it), then
//! `awards_key equipment(0|1) lang rule`. Prints what the widget must show, as one
//! tab-separated line each: per officer, total, share sentence, the overtime assumption, the
//! awards-cut note (or `-`), then per-officer and all-officer cells of each row, then `|` and
//! each slider's swing in words ("$0 to $2.8 billion"), in `Field::ALL` order.

use std::io::{BufRead, Write};

use explainer::figures::Figures;
use explainer_core::content::Lang;
use explainer_core::model::{AwardTier, CapRule, Field, Inputs};

fn answer(line: &str) -> Result<String, String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let n = Field::ALL.len();
    let [aw, eq, lang, rule] = words.get(n..).unwrap_or_default() else {
        return Err(format!("expected {} fields, got {}", n + 4, words.len()));
    };
    let mut inputs = Inputs {
        awards: AwardTier::from_key(aw).ok_or(format!("awards {aw}"))?,
        equipment: *eq == "1",
        rule: CapRule::from_key(rule).ok_or(format!("rule {rule}"))?,
        ..Inputs::default()
    };
    for (f, w) in Field::ALL.into_iter().zip(&words) {
        f.set(&mut inputs, w.parse::<u32>().map_err(|e| format!("{}: {w}: {e}", f.key()))?);
    }
    let lang = Lang::from_code(lang).ok_or(format!("lang {lang}"))?;
    let f = Figures::new(&inputs, lang);
    let mut cells = vec![f.per_officer, f.total, f.share, f.assumes, f.awards_cut.unwrap_or_else(|| "-".into())];
    for (per_officer, all) in f.rows {
        cells.push(per_officer);
        cells.push(all);
    }
    cells.push("|".into());
    cells.extend(f.swings.into_iter().map(|(_, words)| words));
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
