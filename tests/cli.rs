//! The command line as a user and a CI job meet it: formats, stdin, JSON Lines, exit codes, and
//! bad input that gets a clear error without losing the other documents.

mod common;

use common::{stderr, stdout};
use std::process::Output;

fn claimgraph(args: &[&str], stdin: Option<&[u8]>) -> Output {
    common::run(args, stdin.unwrap_or_default())
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    common::temp_file("cli", name, bytes)
}

#[test]
fn findings_at_warning_exit_one_and_fail_on_sets_the_bar() {
    let text = b"The bridge will close in May.\n";
    assert_eq!(
        claimgraph(&["check", "-"], Some(text)).status.code(),
        Some(1)
    );
    assert_eq!(
        claimgraph(&["check", "-", "--fail-on", "error"], Some(text))
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        claimgraph(&["check", "-", "--fail-on", "never"], Some(text))
            .status
            .code(),
        Some(0)
    );
    // A single-source claim is only `info`: clean at the default bar.
    let sourced = b"The bridge will close in May, the mayor said.\n";
    assert_eq!(
        claimgraph(&["check", "-"], Some(sourced)).status.code(),
        Some(0)
    );
    assert_eq!(
        claimgraph(&["check", "-", "--fail-on", "info"], Some(sourced))
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn stdin_is_named_dash_and_json_is_indented_for_one_document() {
    let out = claimgraph(
        &["check", "-", "--format", "json"],
        Some("The mayor said the bridge will reopen.".as_bytes()),
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("one JSON document");
    assert_eq!(report["id"], "-");
    assert_eq!(report["attributions"][0]["cue"]["text"], "said");
    assert_eq!(report["attributions"][0]["source"]["text"], "The mayor");
    assert_eq!(
        report["attributions"][0]["content"]["text"],
        "the bridge will reopen"
    );
    assert!(
        stdout(&out).contains("\n  \"id\""),
        "a single report is indented"
    );
}

#[test]
fn jsonl_gives_one_report_per_line_and_names_a_bad_line() {
    let lines = concat!(
        "{\"id\": \"a\", \"text\": \"Officials said the port had reopened.\"}\n",
        "this is not json\n",
        "{\"id\": \"b\", \"text\": \"The port reopened.\"}\n",
    );
    let path = temp_file("stories.jsonl", lines.as_bytes());
    let out = claimgraph(
        &[
            "check",
            "--jsonl",
            path.to_str().unwrap(),
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2), "a bad line is an input error");
    let reports: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one report per line"))
        .collect();
    let ids: Vec<&str> = reports.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert!(
        stderr(&out).contains("stories.jsonl:2"),
        "the error names the line: {}",
        stderr(&out)
    );
}

#[test]
fn unreadable_and_non_utf8_files_are_errors_and_the_rest_is_still_reported() {
    let good = temp_file("good.txt", b"The mayor said the bridge will reopen.");
    let latin1 = temp_file("latin1.txt", b"Caf\xe9 owners said prices rose.");
    let missing = std::env::temp_dir().join("claimgraph-no-such-file.txt");
    let out = claimgraph(
        &[
            "check",
            missing.to_str().unwrap(),
            latin1.to_str().unwrap(),
            good.to_str().unwrap(),
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("claimgraph-no-such-file.txt"), "{err}");
    assert!(
        err.contains("not UTF-8") && err.contains("offset 3"),
        "{err}"
    );
    let reports: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("report line"))
        .collect();
    assert_eq!(reports.len(), 1);
    assert!(reports[0]["id"].as_str().unwrap().ends_with("good.txt"));
}

#[test]
fn empty_and_binary_input_do_not_panic() {
    let out = claimgraph(&["check", "-", "--format", "json"], Some(b""));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = claimgraph(
        &["check", "-", "--format", "json"],
        Some(b"\x00\x01\x02 said \x00 \"\" \xe2\x80\x9c"),
    );
    assert!(matches!(out.status.code(), Some(0..=2)), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn dot_draws_claims_sources_and_channels() {
    let text = "The port reopened on Monday, two officials told CNN.";
    let out = claimgraph(&["check", "-", "--format", "dot"], Some(text.as_bytes()));
    let dot = stdout(&out);
    assert!(dot.starts_with("digraph"), "{dot}");
    assert!(dot.contains("s1 -> c1 [label=\"says\""), "{dot}");
    assert!(dot.contains("s1 -> channel_s2 [label=\"via\""), "{dot}");
    assert!(
        dot.contains("shape=cylinder"),
        "CNN is drawn as an outlet: {dot}"
    );
    assert!(dot.trim_end().ends_with('}'));
}

#[test]
fn human_output_shows_rule_ids_and_a_summary() {
    let out = claimgraph(
        &["check", "-", "--color", "never"],
        Some(b"The bridge will close in May."),
    );
    let text = stdout(&out);
    assert!(text.contains("unsourced-claim"), "{text}");
    assert!(
        text.contains("1 claims: 0 multi-source, 0 single-source, 1 unsourced"),
        "{text}"
    );
}

#[test]
fn a_user_grammar_adds_a_cue_without_code() {
    let dir = std::env::temp_dir().join(format!("claimgraph-grammar-{}", std::process::id()));
    // A run with the same process id may have left its `bad.toml` behind.
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("mine.toml"),
        "[[verb]]\nlemma = \"harrumph\"\nexamples = [\"{S:She} {C:harrumphed} {X:that it was late}.\"]\n",
    )
    .unwrap();
    let text = b"The columnist harrumphed that the budget was a mistake.";
    let without = claimgraph(&["check", "-", "--format", "json"], Some(text));
    let with = claimgraph(
        &[
            "check",
            "-",
            "--format",
            "json",
            "--grammar",
            dir.to_str().unwrap(),
        ],
        Some(text),
    );
    let count = |o: &Output| {
        serde_json::from_str::<serde_json::Value>(&stdout(o)).unwrap()["attributions"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(count(&without), 0);
    assert_eq!(count(&with), 1);
    std::fs::write(dir.join("bad.toml"), "[[verb]]\nlemma = 3\n").unwrap();
    let bad = claimgraph(
        &["check", "-", "--grammar", dir.to_str().unwrap()],
        Some(text),
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("bad.toml"), "{}", stderr(&bad));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_sentence_ending_in_a_semicolon_does_not_panic() {
    let out = claimgraph(
        &["check", "-", "--format", "json", "--fail-on", "never"],
        Some(b"Officials said the deal was off; "),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("a report");
    assert_eq!(report["attributions"][0]["source"]["text"], "Officials");
}

#[test]
fn output_writes_the_report_to_a_file() {
    let article = temp_file("output.txt", b"The mayor said the bridge will reopen.");
    let out = article.with_file_name("report.md");
    let o = claimgraph(
        &[
            "check",
            article.to_str().expect("utf-8 path"),
            "--format",
            "markdown",
            "-o",
            out.to_str().expect("utf-8 path"),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "the report went to the file only");
    let written = std::fs::read_to_string(&out).expect("report written");
    assert!(
        written.contains("| mayor | person | named | mayor |"),
        "{written}"
    );

    let o = claimgraph(
        &["check", "-", "--output", "/nonexistent-dir/report.html"],
        Some(b"Text."),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot write /nonexistent-dir/report.html"));
}

#[test]
fn html_takes_one_article_and_sarif_one_log_per_line() {
    let a = temp_file("one.txt", b"The mayor said the bridge will reopen.");
    let b = temp_file("two.txt", b"The bridge will reopen.");
    let paths = [a.to_str().expect("utf-8"), b.to_str().expect("utf-8")];
    let o = claimgraph(&["check", paths[0], paths[1], "--format", "html"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("one article"), "{}", stderr(&o));

    let o = claimgraph(&["check", paths[0], paths[1], "--format", "sarif"], None);
    let printed = stdout(&o);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), 2);
    for line in lines {
        let log: serde_json::Value = serde_json::from_str(line).expect("one SARIF log per line");
        assert_eq!(log["version"], "2.1.0");
    }
}
