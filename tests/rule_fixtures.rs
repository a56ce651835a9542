//! One fixture article per rule in `tests/fixtures/rules/`, each with firing and non-firing
//! cases marked `<!-- expect: RULE -->` and `<!-- ok: RULE -->`. `claimgraph test` must pass on
//! them, fail with a useful message on a wrong expectation, and each fixture's report is
//! snapshotted (`snapshots/rules-RULE.snap`).

use claimgraph::grammar::Grammar;
use claimgraph::rules::{Policy, RULES};
use claimgraph::text::prepare;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FIXTURES: &str = "tests/fixtures/rules";

fn claimgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("claimgraph runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimgraph-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn fixture(id: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(FIXTURES)
        .join(format!("{id}.md"))
}

#[test]
fn every_rule_has_a_fixture_with_firing_and_silent_cases() {
    for rule in RULES {
        let text = std::fs::read_to_string(fixture(rule.id()))
            .unwrap_or_else(|_| panic!("no fixture for {}", rule.id()));
        assert!(
            text.contains(&format!("<!-- expect: {} -->", rule.id())),
            "{}: no firing case",
            rule.id()
        );
        assert!(
            text.contains(&format!("<!-- ok: {} -->", rule.id())),
            "{}: no silent case",
            rule.id()
        );
    }
}

#[test]
fn claimgraph_test_passes_on_the_rule_fixtures() {
    let out = claimgraph(&["test", FIXTURES]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.ends_with(", 0 failed\n"), "{stdout}");
}

#[test]
fn a_wrong_expectation_fails_with_the_sentence_and_what_fired() {
    let dir = temp_dir("wrong-expectation");
    let article = dir.join("story.md");
    std::fs::write(
        &article,
        "<!-- expect: weasel-attribution -->\nThe mill will close, said Anna Roth, who owns it.\n\n<!-- ok: single-source-claim -->\nThe mill will close, said Anna Roth.\n\n<!-- expect: no-such-rule -->\nThe road is shut.\n",
    )
    .expect("fixture written");
    let out = claimgraph(&["test", article.to_str().expect("utf-8 path")]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("story.md:1: expected `weasel-attribution` on: The mill will close, said Anna Roth, who owns it.\n     fired instead:\n       - single-source-claim: claim rests on a single source: Anna Roth\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("story.md:4: did not expect `single-source-claim` on: The mill will close, said Anna Roth.\n     fired:\n       - single-source-claim"),
        "{stdout}"
    );
    assert!(
        stdout.contains("story.md:7: expected `no-such-rule` on: The road is shut.\n     no rule named `no-such-rule`"),
        "{stdout}"
    );
    assert!(stdout.ends_with("3 expectation(s) and snapshot(s) checked, 3 failed\n"));
}

#[test]
fn report_snapshots_are_written_compared_and_diffed() {
    let dir = temp_dir("report-snapshots");
    let article = dir.join("story.txt");
    std::fs::write(&article, "The mill will close, said Anna Roth.\n").expect("written");
    let dir_arg = dir.to_str().expect("utf-8 path");
    let out = claimgraph(&["test", "--snapshot", dir_arg, "--update"]);
    assert_eq!(out.status.code(), Some(0));
    let snap = std::fs::read_to_string(dir.join("story.txt.snap")).expect("snapshot written");
    assert!(snap.starts_with("article: story.txt\nclaims:\n  c1 single_source [s1]"));
    assert_eq!(
        claimgraph(&["test", "--snapshot", dir_arg]).status.code(),
        Some(0)
    );
    // A policy change moves a verdict: the diff shows it.
    std::fs::write(
        dir.join("claimgraph.toml"),
        "[rules]\nsingle-source-claim = \"error\"\n",
    )
    .expect("written");
    let out = claimgraph(&["test", "--snapshot", dir_arg]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("-   c1 info single-source-claim: claim rests on a single source: Anna Roth\n+   c1 error single-source-claim: claim rests on a single source: Anna Roth\n"),
        "{stdout}"
    );
}

#[test]
fn rule_fixture_reports() {
    let grammar = Grammar::builtin();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for rule in RULES {
            let path = fixture(rule.id());
            let text = std::fs::read_to_string(&path).expect("fixture readable");
            let prepared = prepare(&text);
            let analysis =
                claimgraph::analyze_prepared(rule.id(), &prepared, &grammar, &Policy::default());
            let name = format!("{}.md", rule.id());
            insta::assert_snapshot!(
                format!("rules-{}", rule.id()),
                claimgraph::report::snapshot::render(&analysis, &name)
            );
        }
    });
}

#[test]
fn weasel_examples_give_vague_sources() {
    let grammar = Grammar::builtin();
    assert!(!grammar.weasel_examples.is_empty());
    for (file, phrase, example) in &grammar.weasel_examples {
        let analysis = claimgraph::analyze("example", example, &grammar, &Policy::default());
        assert!(
            analysis.sources.entities.iter().any(|s| s.vague),
            "{file}: the example of `{phrase}` has no vague source: {example}"
        );
    }
}

#[test]
fn opinion_cues_are_sorted_cue_lemmas() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("grammar/opinion.toml"))
            .expect("grammar/opinion.toml");
    let lemmas: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("lemma = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    let mut sorted = lemmas.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(
        lemmas, sorted,
        "grammar/opinion.toml: keep the lemmas sorted and unique"
    );
    let grammar = Grammar::builtin();
    assert_eq!(grammar.opinion_cues.len(), lemmas.len());
    for lemma in lemmas {
        assert!(
            grammar.has_cue_lemma(lemma),
            "opinion cue `{lemma}` is no cue verb's lemma"
        );
    }
}
