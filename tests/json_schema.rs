//! The published JSON schema (`docs/report.schema.json`): generated from the report types, kept
//! in step with them, and met by real reports.
//!
//! After a change to `src/report/json.rs`, regenerate it with
//! `UPDATE_SCHEMA=1 cargo test --test json_schema`.

use claimgraph::grammar::Grammar;
use claimgraph::report::json;
use claimgraph::rules::Policy;
use std::path::Path;

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/report.schema.json");

fn articles() -> Vec<String> {
    let mut paths = vec!["docs/examples/ani-trump-putin-call.txt".to_string()];
    let mut fixtures: Vec<String> = std::fs::read_dir("tests/fixtures")
        .expect("tests/fixtures exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.to_string_lossy().to_string())
        .collect();
    fixtures.sort();
    paths.extend(fixtures);
    paths
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(SCHEMA_PATH).expect("schema committed"))
            .expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema is a valid JSON schema")
}

#[test]
fn committed_schema_is_up_to_date() {
    let generated = json::schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &generated).expect("schema written");
        return;
    }
    let committed = std::fs::read_to_string(SCHEMA_PATH).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/report.schema.json is stale: the report types changed. Regenerate it with \
         `UPDATE_SCHEMA=1 cargo test --test json_schema` and describe the change in docs/json-format.md"
    );
}

#[test]
fn real_reports_meet_the_schema() {
    let validator = validator();
    let grammar = Grammar::builtin();
    for path in articles() {
        let text = std::fs::read_to_string(Path::new(&path)).expect("article readable");
        let analysis = claimgraph::analyze(&path, &text, &grammar, &Policy::default());
        let report: serde_json::Value =
            serde_json::from_str(&json::render_pretty(&analysis)).expect("report is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&report)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{path}: {errors:#?}");
    }
}

#[test]
fn the_schema_rejects_a_report_that_breaks_the_contract() {
    let validator = validator();
    let grammar = Grammar::builtin();
    let analysis = claimgraph::analyze(
        "story.txt",
        "The mayor said the bridge will reopen.",
        &grammar,
        &Policy::default(),
    );
    let good: serde_json::Value =
        serde_json::from_str(&json::render_line(&analysis)).expect("report is JSON");
    assert!(validator.is_valid(&good));

    let mut without_version = good.clone();
    without_version
        .as_object_mut()
        .expect("object")
        .remove("version");
    assert!(!validator.is_valid(&without_version));

    let mut unknown_status = good;
    unknown_status["claims"][0]["status"] = serde_json::json!("well_sourced");
    assert!(!validator.is_valid(&unknown_status));
}
