//! `docs/rules.md` stays current: every numbered rule the code cites ("rule 12", "Rule 3") has
//! its row there, with its source, its function and its tests.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The numbers after "rule " (any case) in a text.
fn cited(text: &str) -> BTreeSet<u32> {
    let lower = text.to_lowercase();
    lower
        .match_indices("rule ")
        .filter_map(|(at, word)| {
            let digits: String = lower[at + word.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        })
        .collect()
}

#[test]
fn every_rule_cited_in_the_code_has_its_row_in_docs_rules_md() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["backend/src", "backend/api-types/src", "frontend/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    let mut in_code = BTreeSet::new();
    for f in &files {
        in_code.extend(cited(&std::fs::read_to_string(f).unwrap()));
    }
    assert!(!in_code.is_empty(), "no rule cited in the code");
    let doc = std::fs::read_to_string(root.join("docs/rules.md")).unwrap();
    let rows: BTreeSet<u32> = doc
        .lines()
        .filter_map(|l| {
            // A row of the summary table: `| N | subject | status | source |`.
            let (n, _) = l.strip_prefix("| ")?.split_once(" |")?;
            n.parse().ok()
        })
        .collect();
    let missing: Vec<u32> = in_code.difference(&rows).copied().collect();
    assert!(
        missing.is_empty(),
        "rules cited in the code without a row in docs/rules.md: {missing:?}"
    );
}

#[test]
fn rule_numbers_are_read_as_written() {
    assert_eq!(
        cited("// Rule 3: x; see rule 12 and rule 9."),
        BTreeSet::from([3, 9, 12])
    );
    assert!(cited("no rules here").is_empty());
}
