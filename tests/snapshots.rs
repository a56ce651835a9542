//! Snapshots of what a person reads: the human and JSON reports of the bundled example article
//! and of the short articles in `tests/fixtures/`. Snapshots live in the top-level `snapshots/`.

use claimgraph::grammar::Grammar;
use claimgraph::report::{human, json};
use claimgraph::rules::{Policy, Severity};
use std::path::Path;

fn articles() -> Vec<(String, String)> {
    let mut out = vec![(
        "seed-ani-trump-putin-call".to_string(),
        "docs/examples/ani-trump-putin-call.txt".to_string(),
    )];
    let mut fixtures: Vec<_> = std::fs::read_dir("tests/fixtures")
        .expect("tests/fixtures exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    fixtures.sort();
    for path in fixtures {
        let stem = path
            .file_stem()
            .expect("file name")
            .to_string_lossy()
            .to_string();
        out.push((stem, path.to_string_lossy().to_string()));
    }
    out
}

fn with_snapshot_dir(test: impl FnOnce()) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(test);
}

#[test]
fn human_reports() {
    let grammar = Grammar::builtin();
    with_snapshot_dir(|| {
        for (name, path) in articles() {
            let text = std::fs::read_to_string(&path).expect("article readable");
            let analysis = claimgraph::analyze(&path, &text, &grammar, &Policy::default());
            insta::assert_snapshot!(
                format!("{name}.human"),
                human::render(&analysis, human::Style::PLAIN, Severity::Info)
            );
        }
    });
}

#[test]
fn json_reports() {
    let grammar = Grammar::builtin();
    with_snapshot_dir(|| {
        for (name, path) in articles() {
            let text = std::fs::read_to_string(&path).expect("article readable");
            let analysis = claimgraph::analyze(&path, &text, &grammar, &Policy::default());
            insta::assert_snapshot!(format!("{name}.json"), json::render_pretty(&analysis));
        }
    });
}

/// The seed article in the formats a person reads outside the terminal.
fn seed_analysis_snapshot(format: &str, render: fn(&claimgraph::Analysis) -> String) {
    let grammar = Grammar::builtin();
    let path = "docs/examples/ani-trump-putin-call.txt";
    let text = std::fs::read_to_string(path).expect("article readable");
    let analysis = claimgraph::analyze(path, &text, &grammar, &Policy::default());
    with_snapshot_dir(|| {
        insta::assert_snapshot!(
            format!("seed-ani-trump-putin-call.{format}"),
            render(&analysis)
        );
    });
}

#[test]
fn markdown_report_of_the_seed() {
    seed_analysis_snapshot("markdown", claimgraph::report::markdown::render);
}

#[test]
fn sarif_log_of_the_seed() {
    seed_analysis_snapshot("sarif", claimgraph::report::sarif::render_pretty);
}

#[test]
fn dot_graph_of_the_seed() {
    seed_analysis_snapshot("dot", claimgraph::report::dot::render);
}
