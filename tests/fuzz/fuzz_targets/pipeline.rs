//! The whole pipeline and every reporter on any UTF-8 text, directives included.
#![no_main]

use claimgraph::report::{dot, html, human, json, markdown, sarif};
use claimgraph::{analyze_prepared, grammar::Grammar, rules::Policy, rules::Severity, text};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static GRAMMAR: LazyLock<Grammar> = LazyLock::new(Grammar::builtin);

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let prepared = text::prepare(input);
    let analysis = analyze_prepared("fuzz", &prepared, &GRAMMAR, &Policy::default());
    // Every span the JSON report prints is a slice of the text (slicing panics otherwise).
    let report: serde_json::Value = serde_json::from_str(&json::render_line(&analysis)).unwrap();
    let _ = report;
    let style = human::Style {
        color: false,
        width: 80,
    };
    let _ = human::render(&analysis, style, Severity::Info);
    let _ = markdown::render(&analysis);
    let _ = sarif::render_line(&analysis);
    let _ = dot::render(&analysis);
    if input.len() < 4096 {
        let _ = html::render(&analysis);
    }
});
