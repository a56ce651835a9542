//! SARIF output: valid against the SARIF 2.1.0 schema kept in `tests/schemas/` (a copy of the
//! OASIS schema as shipped in the serde-sarif crate, `src/schema.json`, version 0.8.0), one
//! result per finding, regions that point at the finding's text.

use claimgraph::grammar::Grammar;
use claimgraph::report::sarif;
use claimgraph::rules::{Policy, RULES};

/// The OASIS schema's `language` pattern has a stray `]`: ECMAScript reads it as a literal, a
/// draft-07 meta-schema check (here, as in Ajv) rejects it. Our logs set no `language`, so the
/// keyword is dropped from the in-memory copy only; the file stays as published.
const BROKEN_LANGUAGE_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";

fn without_broken_pattern(mut schema: serde_json::Value) -> serde_json::Value {
    fn strip(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                if map.get("pattern").and_then(|p| p.as_str()) == Some(BROKEN_LANGUAGE_PATTERN) {
                    map.remove("pattern");
                }
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut schema);
    schema
}

const SEED: &str = "docs/examples/ani-trump-putin-call.txt";

fn sarif_of(path: &str, text: &str) -> (serde_json::Value, usize) {
    let grammar = Grammar::builtin();
    let analysis = claimgraph::analyze(path, text, &grammar, &Policy::default());
    let log = serde_json::from_str(&sarif::render_pretty(&analysis)).expect("SARIF is JSON");
    (log, analysis.findings.len())
}

#[test]
fn logs_validate_against_the_sarif_2_1_0_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("tests/schemas/sarif-schema-2.1.0.json").expect("schema kept"),
    )
    .expect("schema is JSON");
    let validator =
        jsonschema::validator_for(&without_broken_pattern(schema)).expect("valid schema");
    let mut paths = vec![SEED.to_string()];
    for entry in std::fs::read_dir("tests/fixtures").expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            paths.push(path.to_string_lossy().to_string());
        }
    }
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("article readable");
        let (log, _) = sarif_of(&path, &text);
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{path}: {errors:#?}");
    }
    // The validator does reject a broken log.
    assert!(!validator.is_valid(&serde_json::json!({ "version": "2.1.0", "runs": [{}] })));
}

#[test]
fn one_result_per_finding_with_the_rule_from_the_catalogue() {
    let text = std::fs::read_to_string(SEED).expect("seed readable");
    let (log, findings) = sarif_of(SEED, &text);
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), RULES.len());
    for (descriptor, rule) in rules.iter().zip(RULES) {
        assert_eq!(descriptor["id"], rule.id());
        assert_eq!(descriptor["shortDescription"]["text"], rule.summary());
        let full = descriptor["fullDescription"]["text"]
            .as_str()
            .expect("text");
        assert!(full.contains("## Why is this bad?"), "{full}");
    }
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), findings);
    assert!(findings > 0);
    for result in results {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
}

#[test]
fn regions_point_at_the_finding_text_in_code_points() {
    // Curly quotes and an accent before the finding: byte and code-point offsets differ.
    let text = "Café owners said “prices rose”.\n\nThe council will close the market.";
    let (log, _) = sarif_of("story.txt", text);
    let results = log["runs"][0]["results"].as_array().expect("results");
    let unsourced = results
        .iter()
        .find(|r| r["ruleId"] == "unsourced-claim")
        .expect("the second sentence is unsourced");
    let region = &unsourced["locations"][0]["physicalLocation"]["region"];
    let offset = region["charOffset"].as_u64().expect("charOffset") as usize;
    let length = region["charLength"].as_u64().expect("charLength") as usize;
    let chars: String = text.chars().skip(offset).take(length).collect();
    assert_eq!(chars, "The council will close the market.");
    assert_eq!(region["startLine"], 3);
    assert_eq!(region["startColumn"], 1);
    assert_eq!(region["endLine"], 3);
    assert_eq!(region["endColumn"], 35);
    assert_eq!(
        unsourced["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "story.txt"
    );
}
