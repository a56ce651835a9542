//! `docs/rules/RULE.md` is generated from each rule's doc comment (`claimgraph::rules::page`).
//! This test fails when a committed page is stale, missing, or names no rule.
//! Regenerate the pages with `UPDATE_DOCS=1 cargo test --test rule_docs`.

use claimgraph::rules::{RULES, page};
use std::path::Path;

#[test]
fn rule_pages_match_the_rules_doc_comments() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules");
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    if update {
        std::fs::create_dir_all(&dir).expect("docs/rules can be created");
    }
    let mut stale = Vec::new();
    for rule in RULES {
        let path = dir.join(format!("{}.md", rule.id()));
        let expected = page(*rule);
        if update {
            std::fs::write(&path, &expected).expect("page written");
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(expected.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    for entry in std::fs::read_dir(&dir).expect("docs/rules exists") {
        let path = entry.expect("entry").path();
        let id = path.file_stem().unwrap_or_default().to_string_lossy();
        if !RULES.iter().any(|r| r.id() == id) {
            stale.push(format!("{} (no such rule)", path.display()));
        }
    }
    assert!(
        stale.is_empty(),
        "stale rule pages: {stale:?}; run `UPDATE_DOCS=1 cargo test --test rule_docs`"
    );
}

#[test]
fn every_rule_doc_has_the_fixed_sections() {
    for rule in RULES {
        let doc = rule.explanation();
        let mut at = 0;
        for section in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Use instead",
            "## References",
        ] {
            let found = doc[at..]
                .find(section)
                .unwrap_or_else(|| panic!("{}: missing or misplaced `{section}`", rule.id()));
            at += found + section.len();
        }
    }
}

#[test]
fn the_registry_is_sorted_and_ids_are_kebab_case() {
    let ids: Vec<&str> = RULES.iter().map(|r| r.id()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(
        ids, sorted,
        "RULES must be one sorted list without duplicates"
    );
    for id in ids {
        assert!(
            id.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !id.starts_with("no-"),
            "{id} is not a kebab-case name of what the rule flags"
        );
    }
}
