//! Each input is defined once ([`Field`]), and every loop over the inputs reads that
//! definition: the source files (comments and tests aside) that name an input stay few, so
//! adding one is a short, known list of edits (README "Adding an input").

use std::path::{Path, PathBuf};

use explainer_core::model::Field;

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs" || e == "js") {
            out.push(p);
        }
    }
}

/// The code of a file: test modules (they come last), `/* */` and `//` comments out.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let end = ["#[cfg(test)]", "#[cfg(all(test"].iter().filter_map(|m| text.find(m)).min().unwrap_or(text.len());
    let mut rest = &text[..end];
    let mut out = String::new();
    while let Some(open) = rest.find("/*") {
        out.push_str(&rest[..open]);
        rest = rest[open..].find("*/").map_or("", |close| &rest[open + close + 2..]);
    }
    out.push_str(rest);
    out.lines().map(|l| l.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n")
}

/// Whether `code` names `word` as a whole word, in any case, with `_` and `::` as separators
/// (`salary_dollars`, `Part::Salary` and `"salary"` all name it).
fn names(code: &str, word: &str) -> bool {
    code.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| t.eq_ignore_ascii_case(word))
}

#[test]
fn each_input_is_named_in_the_model_alone() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("build.rs")];
    for dir in ["src", "core/src", "xtask/src", "publish/src", "assets"] {
        sources(&root.join(dir), &mut files);
    }
    for f in Field::ALL {
        let naming: Vec<String> = files
            .iter()
            .filter(|p| names(&code(p), f.key()))
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect();
        // The model defines every input (its words are in assets/content.toml, keyed by its
        // name). Overtime also has the one rule that is about it alone, the cap, and the
        // sentence that says what the total assumes of it (its placeholder checked by the
        // content check, filled in by the figures).
        let allowed: &[&str] = match f {
            Field::Overtime => &["core/src/model.rs", "core/src/content/build.rs", "src/figures.rs"],
            _ => &["core/src/model.rs"],
        };
        let extra: Vec<&String> = naming.iter().filter(|n| !allowed.contains(&n.as_str())).collect();
        assert!(extra.is_empty(), "{:?} is named outside its definition, in {extra:?}: loop over Field::ALL instead", f.key());
        assert!(naming.len() <= allowed.len(), "{naming:?}");
    }
}

#[test]
fn the_scan_sees_a_name() {
    assert!(names("let x = i.salary_dollars;", "salary"));
    assert!(names("Part::Salary =>", "salary"));
    assert!(!names("let per_officer = 1;", "officers"));
    let dir = std::env::temp_dir().join(format!("one-definition-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("a.js");
    std::fs::write(&file, "/** officers */ const a = 1; // salary\nconst b = 'benefits'; /* overtime\n */").unwrap();
    let c = code(&file);
    assert!(!names(&c, "officers") && !names(&c, "salary") && !names(&c, "overtime") && names(&c, "benefits"), "{c}");
    std::fs::remove_dir_all(&dir).unwrap();
}
