//! `claimgraph eval` scores like the shared scorer, and the parser gets the test-owned gold
//! fixture right.

use std::path::{Path, PathBuf};
use std::process::Command;

fn claimgraph(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .output()
        .expect("claimgraph runs")
}

fn summary_line(stdout: &[u8]) -> String {
    String::from_utf8_lossy(stdout)
        .lines()
        .find(|l| l.starts_with("summary:"))
        .expect("a summary line")
        .to_string()
}

const GOLD: &str = "tests/fixtures/eval/gold.jsonl";

#[test]
fn the_owned_gold_fixture_is_parsed_exactly() {
    let out = claimgraph(&["eval", GOLD]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        summary_line(&out.stdout),
        "summary: exact F1 source 100.0 cue 100.0 content 100.0; overlap F1 source 100.0 cue 100.0 content 100.0; attribution F1 100.0"
    );
}

/// The gold fixture with some spans moved, one attribution dropped and one invented, so that
/// every metric lands somewhere between 0 and 100.
fn perturbed_gold(dir: &Path) -> PathBuf {
    let mut lines = Vec::new();
    for (d, line) in std::fs::read_to_string(GOLD).unwrap().lines().enumerate() {
        let mut doc: serde_json::Value = serde_json::from_str(line).unwrap();
        let attributions = doc["attributions"].as_array_mut().unwrap();
        for (i, a) in attributions.iter_mut().enumerate() {
            if (i + d) % 2 == 0 && a["content"].is_array() {
                let end = a["content"][1].as_u64().unwrap();
                a["content"][1] = serde_json::json!(end - 2);
            }
            if (i + d) % 3 == 0 && a["source"].is_array() {
                let start = a["source"][0].as_u64().unwrap();
                a["source"][0] = serde_json::json!(start + 1);
            }
        }
        if d == 1 {
            attributions.pop();
        }
        if d == 2 {
            attributions
                .push(serde_json::json!({"source": null, "cue": [0, 3], "content": [4, 10]}));
        }
        lines.push(doc.to_string());
    }
    let path = dir.join("perturbed.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

#[test]
fn eval_agrees_with_the_shared_scorer() {
    let scorer = Path::new("../shared/eval/score.py");
    if !scorer.exists() {
        eprintln!(
            "skipped: ../shared/eval/score.py is not here (it comes with the shared corpora)"
        );
        return;
    }
    let dir = std::env::temp_dir().join(format!("claimgraph-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let gold = perturbed_gold(&dir);
    let ours = summary_line(&claimgraph(&["eval", gold.to_str().unwrap()]).stdout);
    assert!(
        !ours.ends_with("attribution F1 100.0") && !ours.ends_with("attribution F1 0.0"),
        "{ours}"
    );

    let reports = claimgraph(&[
        "check",
        "--jsonl",
        gold.to_str().unwrap(),
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    let reports_path = dir.join("reports.jsonl");
    std::fs::write(&reports_path, &reports.stdout).unwrap();
    let python = Command::new("python3")
        .arg(scorer)
        .arg(&gold)
        .arg(&reports_path)
        .output();
    let Ok(python) = python else {
        eprintln!("skipped: python3 is not installed");
        return;
    };
    assert!(
        python.status.success(),
        "{}",
        String::from_utf8_lossy(&python.stderr)
    );
    assert_eq!(ours, summary_line(&python.stdout));
}
