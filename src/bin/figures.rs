//! The figures as a test oracle for the browser tests: reads scenarios on stdin, one per line,
//! each a link's query string as readers give it (`officers=9000&benefits=62.7&lang=es`), read
//! by the widget's own parser (`url::parse`: an input not given keeps its default, as in a
//! link; a pair it would not read is an error). Prints what the widget must show, as one tab-separated line each: per officer, total,
//! share sentence, the overtime assumption, the awards-cut note (or `-`), then per-officer and
//! all-officer cells of each row, then `|` and each slider's swing in words ("$0 to $2.8
//! billion"), in `Field::ALL` order.
//!
//! `figures --sliders` prints each slider instead, one a line: its key (also its element id),
//! its unit (`count`, `dollars`, `percent`), min, max and step as its range input holds them,
//! and how many of its units make one in a link (100 for a percent held in basis points), so
//! that tests can make scenarios for every input without naming them.

use std::io::{BufRead, Write};

use explainer::content::CONTENT;
use explainer::figures::Figures;
use explainer_core::content::Lang;
use explainer_core::model::{Field, Unit};
use explainer_core::url;

fn answer(line: &str) -> Result<String, String> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(line.trim().trim_start_matches('?').as_bytes()).into_owned().collect();
    // A question the widget would not read in full is the test's mistake: said, not guessed.
    for (k, v) in &pairs {
        let read = if k == "lang" { Lang::from_code(url::trim(v)).is_some() } else { url::reads(k, v) };
        if !read {
            return Err(format!("{k}={v} is not a value the widget reads"));
        }
    }
    let s = url::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), CONTENT.defaults(), &CONTENT.limits());
    let f = Figures::new(&s.inputs, s.lang.unwrap_or_default());
    let mut cells = vec![f.per_officer, f.total, f.share, f.assumes, f.awards_cut.unwrap_or_else(|| "-".into())];
    for (per_officer, all) in f.rows {
        cells.push(per_officer);
        cells.push(all);
    }
    cells.push("|".into());
    cells.extend(f.swings.into_iter().map(|(_, words)| words));
    Ok(cells.join("\t"))
}

fn sliders() -> String {
    let limits = CONTENT.limits();
    Field::ALL
        .iter()
        .map(|&f| {
            let b = limits.get(f);
            let (unit, per_link_unit) = match f.unit() {
                Unit::Count => ("count", 1),
                Unit::Dollars => ("dollars", 1),
                Unit::Percent => ("percent", 100),
            };
            format!("{} {unit} {} {} {} {per_link_unit}\n", f.key(), b.min, b.max, b.step)
        })
        .collect()
}

fn main() {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if std::env::args().nth(1).as_deref() == Some("--sliders") {
        write!(out, "{}", sliders()).expect("stdout");
        return;
    }
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("stdin");
        let reply = answer(&line).unwrap_or_else(|e| format!("error\t{e}"));
        writeln!(out, "{reply}").and_then(|_| out.flush()).expect("stdout");
    }
}
