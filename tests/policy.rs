//! The policy file changes verdicts as documented, is found by walking up from the article, and
//! a bad one is a diagnostic with its line and column and exit code 2. Inline suppressions
//! silence a paragraph only with a reason.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn claimgraph(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("claimgraph runs")
}

/// A fresh directory holding `files` (path, contents).
fn newsroom(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimgraph-policy-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
        std::fs::write(path, text).expect("written");
    }
    dir
}

/// The rule ids of the findings for `article`, in report order.
fn fired(dir: &Path, article: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["check", "--format", "json", "--fail-on", "never", article];
    args.extend(extra);
    let out = claimgraph(dir, &args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule"].as_str().expect("rule").to_string())
        .collect()
}

const STORY: &str = "The mill will close in May, said Anna Roth, who owns it.\n";

#[test]
fn severities_and_off_come_from_the_nearest_policy_file() {
    let dir = newsroom(
        "severities",
        &[
            (
                "claimgraph.toml",
                "[rules]\nsingle-source-claim = \"error\"\nweasel-attribution = \"off\"\n",
            ),
            ("desk/politics/story.txt", STORY),
            (
                "desk/politics/critics.txt",
                "Critics say the mill will close.\n",
            ),
        ],
    );
    // Found by walking up from the article's directory.
    let out = claimgraph(&dir, &["check", "desk/politics/story.txt"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "single-source-claim is an error now"
    );
    assert!(!fired(&dir, "desk/politics/critics.txt", &[]).contains(&"weasel-attribution".into()));
    // Without the policy file, the defaults.
    let bare = newsroom("severities-bare", &[("story.txt", STORY)]);
    assert_eq!(
        claimgraph(&bare, &["check", "story.txt"]).status.code(),
        Some(0)
    );
    // `rules` lists the catalogue as configured.
    let rules = claimgraph(&dir, &["rules"]);
    let listing = String::from_utf8_lossy(&rules.stdout);
    assert!(
        listing.contains("single-source-claim          error"),
        "{listing}"
    );
    assert!(
        listing.contains("weasel-attribution           off"),
        "{listing}"
    );
    assert!(
        listing.contains("unsourced-claim              warning"),
        "{listing}"
    );
}

#[test]
fn thresholds_change_what_counts_as_enough() {
    let two_named = "The mill will close in May, said Anna Roth, who owns it, and Mayor Tom Hale confirmed the date.\n";
    let anonymous = "The mill will close in May, two people familiar with the plans said.\n";
    let dir = newsroom(
        "thresholds",
        &[("two.txt", two_named), ("anonymous.txt", anonymous)],
    );
    assert!(!fired(&dir, "two.txt", &[]).contains(&"single-source-claim".into()));
    assert!(!fired(&dir, "anonymous.txt", &[]).contains(&"anonymous-only-claim".into()));
    std::fs::write(
        dir.join("claimgraph.toml"),
        "[thresholds]\nsources-required = 3\nanonymous-sources-required = 3\n",
    )
    .expect("written");
    assert!(fired(&dir, "two.txt", &[]).contains(&"single-source-claim".into()));
    assert!(fired(&dir, "anonymous.txt", &[]).contains(&"anonymous-only-claim".into()));
    std::fs::write(
        dir.join("claimgraph.toml"),
        "[thresholds]\nsources-required = 1\nanonymous-sources-count = false\n",
    )
    .expect("written");
    assert!(!fired(&dir, "two.txt", &[]).contains(&"single-source-claim".into()));
    assert!(fired(&dir, "anonymous.txt", &[]).contains(&"single-source-claim".into()));
}

#[test]
fn trusted_and_untrusted_outlets() {
    let dir = newsroom(
        "outlets",
        &[
            (
                "reuters.txt",
                "The club has sold its stadium, Reuters reported.\n",
            ),
            ("policy.toml", "[outlets]\ntrusted = [\"Reuters\"]\n"),
            ("distrust.toml", "[outlets]\nuntrusted = [\"reuters\"]\n"),
        ],
    );
    let default = fired(&dir, "reuters.txt", &[]);
    assert!(default.contains(&"secondhand-only".into()));
    let trusted = fired(&dir, "reuters.txt", &["--config", "policy.toml"]);
    assert!(!trusted.contains(&"secondhand-only".into()));
    let untrusted = fired(&dir, "reuters.txt", &["--config", "distrust.toml"]);
    assert_eq!(untrusted, ["unsourced-claim"]);
}

#[test]
fn extra_grammar_from_the_policy_file() {
    let dir = newsroom(
        "grammar",
        &[
            ("claimgraph.toml", "[grammar]\ndir = \"words\"\n"),
            (
                "words/weasels.toml",
                "[[weasel]]\nphrase = \"pundits\"\nexamples = [\"Pundits say the mill will close.\"]\n",
            ),
            ("story.txt", "Pundits say the mill will close.\n"),
        ],
    );
    assert!(fired(&dir, "story.txt", &[]).contains(&"weasel-attribution".into()));
    std::fs::remove_file(dir.join("claimgraph.toml")).expect("removed");
    assert!(!fired(&dir, "story.txt", &[]).contains(&"weasel-attribution".into()));
}

#[test]
fn a_bad_policy_file_is_a_diagnostic_at_its_line_and_column() {
    for (config, message, place) in [
        (
            "[rules]\nunsourced-claim = \"warning\"\nsingle-sauce-claim = \"off\"\n",
            "no rule named `single-sauce-claim`",
            "claimgraph.toml:3:1",
        ),
        (
            "[thresholds]\nsources-required = 2\n  anonymous-needed = 1\n",
            "unknown field `anonymous-needed`",
            "claimgraph.toml:3:3",
        ),
        (
            "[rules]\nunsourced-claim = \"loud\"\n",
            "unknown variant `loud`",
            "claimgraph.toml:2:19",
        ),
        (
            "[thresholds]\nsources-required = 0\n",
            "`sources-required` must be at least 1",
            "claimgraph.toml:2:20",
        ),
    ] {
        let dir = newsroom("bad", &[("claimgraph.toml", config), ("story.txt", STORY)]);
        for args in [
            &["check", "story.txt"][..],
            &["rules"],
            &["test", "story.txt"],
        ] {
            let out = claimgraph(&dir, args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
            // miette wraps long messages: compare with the wrapping undone.
            let flat = stderr
                .replace('│', " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(flat.contains(message), "{args:?}: {stderr}");
            assert!(stderr.contains(place), "{args:?}: {stderr}");
        }
    }
}

#[test]
fn a_suppression_with_a_reason_silences_its_paragraph_only() {
    let dir = newsroom(
        "suppress",
        &[(
            "story.md",
            "<!-- claimgraph: allow single-source-claim -- the owner's own decision, on the record -->\nThe mill will close in May, said Anna Roth, who owns it.\n\nThe shop will close in June, said Anna Roth.\n",
        )],
    );
    assert_eq!(fired(&dir, "story.md", &[]), ["single-source-claim"]);
    let dir = newsroom(
        "suppress-no-reason",
        &[(
            "story.md",
            "<!-- claimgraph: allow single-source-claim -->\nThe mill will close in May, said Anna Roth, who owns it.\n",
        )],
    );
    assert_eq!(
        fired(&dir, "story.md", &[]),
        ["invalid-suppression", "single-source-claim"]
    );
    let out = claimgraph(&dir, &["check", "story.md"]);
    assert_eq!(out.status.code(), Some(1));
}
