//! Real inputs: HTML pages, Markdown files, directories, many documents in parallel, corpus
//! statistics, and the JSONL filter run the way a streaming engine runs it.

use serde_json::Value;
use std::path::{Path, PathBuf};

mod common;

use common::run as claimgraph;
use common::{stderr, stdout};

/// claimgraph as a streaming filter: JSON Lines in, one JSON report per line out.
const STREAM_FILTER: &[&str] = &[
    "check",
    "--jsonl",
    "-",
    "--format",
    "json",
    "--fail-on",
    "never",
];

/// A fresh directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimgraph-inputs-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

const PAGE: &str = r#"<!doctype html><html><head><title>Port</title>
<script>window.said = "Officials said nothing";</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<main><article>
<h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Tuesday, the port authority said in a statement, after a week in
which the storm had kept every ship at anchor and the fish market closed.</p>
<p>&ldquo;We lost four days of trade,&rdquo; said Ana Ruiz, who runs a stall near the quay,
and she added that the insurers had not yet called her back about the damage.</p>
<p>Repairs to the breakwater will take until spring, according to city engineers, and the
cost, which nobody has yet put a figure on, will be shared by the port and the city.</p>
</article></main>
<footer><p>Copyright The Example Gazette. All rights reserved.</p></footer>
</body></html>"#;

const POST: &str = "---\ntitle: Harbour\n---\n\n# Harbour reopens\n\nThe harbour reopened on \
Tuesday, the [port authority](https://example.com/authority) said.\n\n```\nprint(\"officials said\")\n```\n";

#[test]
fn extract_prints_the_article_text_of_a_page() {
    let dir = scratch("extract");
    let page = dir.join("harbour.html");
    write(&page, PAGE);
    let out = claimgraph(&["extract", page.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("\n\n“We lost four days of trade,” said Ana Ruiz, who runs a stall"));
    assert!(text.contains("the port authority said in a statement"));
    for furniture in ["Home", "Copyright", "window.said"] {
        assert!(!text.contains(furniture), "{furniture} in {text}");
    }
}

#[test]
fn markdown_from_stdin_needs_its_format_and_skips_code_and_front_matter() {
    let out = claimgraph(
        &["extract", "-", "--input-format", "markdown"],
        POST.as_bytes(),
    );
    assert_eq!(
        stdout(&out),
        "Harbour reopens\n\nThe harbour reopened on Tuesday, the port authority said.\n"
    );
}

#[test]
fn json_spans_of_markup_carry_their_offsets_in_the_source_file() {
    let dir = scratch("source-offsets");
    let post = dir.join("harbour.md");
    write(&post, POST);
    let out = claimgraph(&["check", post.to_str().unwrap(), "--format", "json"], b"");
    let report: Value = serde_json::from_str(&stdout(&out)).expect("one report");
    let attribution = &report["attributions"][0];
    let source = &attribution["source"];
    let (start, end) = (
        source["source_start"].as_u64().unwrap() as usize,
        source["source_end"].as_u64().unwrap() as usize,
    );
    // A span across a link covers the link's markup in the file.
    assert_eq!(source["text"], "the port authority");
    assert_eq!(&POST[start..end], "the [port authority");
    let cue = &attribution["cue"];
    let (start, end) = (
        cue["source_start"].as_u64().unwrap() as usize,
        cue["source_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&POST[start..end], "said");
    assert_ne!(cue["start"], cue["source_start"]);
    // Plain text has no second set of offsets.
    let out = claimgraph(&["check", "-", "--format", "json"], b"Officials said it.");
    assert!(!stdout(&out).contains("source_start"));
}

#[test]
fn human_findings_in_a_page_name_their_line_in_the_html() {
    let dir = scratch("human-lines");
    let page = dir.join("harbour.html");
    write(&page, PAGE);
    let out = claimgraph(&["check", page.to_str().unwrap(), "--color", "never"], b"");
    let text = stdout(&out);
    let line_of = |needle: &str| PAGE[..PAGE.find(needle).unwrap()].matches('\n').count() + 1;
    // The breakwater sentence has a source; the fish-market one in paragraph one is in line 6.
    assert!(text.contains("harbour.html:"), "{text}");
    let cited: Vec<usize> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix(page.to_str().unwrap()))
        .filter_map(|rest| rest.trim_start_matches(':').split(':').next()?.parse().ok())
        .collect();
    assert!(!cited.is_empty(), "{text}");
    for line in cited {
        assert!(
            line >= line_of("<h1>") && line <= line_of("</article>"),
            "line {line}"
        );
    }
}

#[test]
fn directories_are_searched_with_globs_and_gitignore_in_name_order() {
    let dir = scratch("walk");
    write(&dir.join("b.txt"), "The mayor said the bridge will reopen.");
    write(&dir.join("a/story.md"), "Police said the road is closed.");
    write(&dir.join("a/page.html"), PAGE);
    write(&dir.join("a/notes.csv"), "not,an,article");
    write(&dir.join("drafts/wip.txt"), "Nobody said anything yet.");
    write(&dir.join("skip/old.txt"), "Officials said it was old.");
    write(&dir.join(".gitignore"), "drafts/\n");
    let ids = |extra: &[&str]| {
        let mut args = vec!["check", dir.to_str().unwrap(), "--format", "json"];
        args.extend_from_slice(extra);
        let out = claimgraph(&args, b"");
        // One document is printed as indented JSON, more as one line each.
        serde_json::Deserializer::from_str(&stdout(&out))
            .into_iter::<Value>()
            .map(|r| r.expect("JSON reports"))
            .collect::<Vec<_>>()
            .iter()
            .map(|r| {
                let id = r["id"].as_str().unwrap();
                Path::new(id)
                    .strip_prefix(&dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&[]),
        ["a/page.html", "a/story.md", "b.txt", "skip/old.txt"]
    );
    assert_eq!(
        ids(&["--exclude", "skip/**"]),
        ["a/page.html", "a/story.md", "b.txt"]
    );
    assert_eq!(ids(&["--include", "*.md"]), ["a/story.md"]);
}

/// A JSONL stream of `n` small stories, some with sources and some without.
fn stories(n: usize) -> String {
    (0..n)
        .map(|i| {
            let text = match i % 3 {
                0 => format!("Police said {i} roads were closed. Officials confirmed it."),
                1 => format!("Reuters reported that the council will vote on plan {i}."),
                _ => format!("Prices rose {i} percent.\n\nThey reportedly fell later."),
            };
            serde_json::json!({"id": format!("story-{i}"), "text": text}).to_string() + "\n"
        })
        .collect()
}

#[test]
fn output_is_byte_identical_for_any_number_of_jobs() {
    let input = stories(700);
    let one = claimgraph(
        &["check", "--jsonl", "-", "--format", "json", "--jobs", "1"],
        input.as_bytes(),
    );
    let reports = json_lines(&stdout(&one));
    assert_eq!(reports.len(), 700);
    assert_eq!(reports[699]["id"], "story-699");
    for jobs in ["2", "3", "8"] {
        let many = claimgraph(
            &["check", "--jsonl", "-", "--format", "json", "--jobs", jobs],
            input.as_bytes(),
        );
        assert!(one.stdout == many.stdout, "--jobs {jobs} differs");
    }
}

#[test]
fn a_batch_with_bad_entries_reports_the_rest_names_each_and_counts_them() {
    let dir = scratch("bad-batch");
    let big = "Officials said so. ".repeat(100);
    let lines = format!(
        "{}not json\n{}\n{}",
        stories(2),
        serde_json::json!({"id": "big", "text": big}),
        stories(3).lines().last().unwrap()
    );
    let jsonl = dir.join("batch.jsonl");
    write(&jsonl, &lines);
    let out = claimgraph(
        &[
            "check",
            "--jsonl",
            jsonl.to_str().unwrap(),
            "--format",
            "json",
            "--max-size",
            "1000",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let ids: Vec<String> = json_lines(&stdout(&out))
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["story-0", "story-1", "story-2"]);
    let err = stderr(&out);
    assert!(err.contains("batch.jsonl:3"), "{err}");
    // The over-long line is skipped whole; the line after it is read.
    assert!(err.contains("batch.jsonl:4 is 1002 bytes"), "{err}");
    assert!(err.contains("limit of 1000"), "{err}");
    assert!(err.contains("5 documents: 3 reported, 2 failed"), "{err}");
}

#[test]
fn error_records_keep_one_output_line_per_input_line() {
    let input = format!(
        "{}{{\"id\": 7}}\n{}",
        stories(1),
        stories(2).lines().nth(1).unwrap()
    );
    let out = claimgraph(
        &[
            "check",
            "--jsonl",
            "-",
            "--format",
            "json",
            "--error-records",
            "--fail-on",
            "never",
        ],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = json_lines(&stdout(&out));
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["id"], "-:2");
    assert_eq!(lines[1]["error"]["code"], "claimgraph::input::bad_jsonl");
    assert_eq!(lines[2]["id"], "story-1");
}

/// Splits the stream the way Spark's `RDD.pipe` or GNU parallel's `--pipe` does: contiguous
/// blocks of whole lines, one filter process per block, outputs concatenated in block order.
#[test]
fn the_filter_under_a_streaming_engine_loses_and_duplicates_nothing() {
    let input = stories(1000);
    let lines: Vec<&str> = input.lines().collect();
    let mut merged = Vec::new();
    let workers: Vec<_> = lines
        .chunks(170)
        .map(|block| {
            let block = block.join("\n") + "\n";
            std::thread::spawn(move || claimgraph(STREAM_FILTER, block.as_bytes()))
        })
        .collect();
    for worker in workers {
        let out = worker.join().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        merged.extend(json_lines(&stdout(&out)));
    }
    let ids: Vec<&str> = merged.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let expected: Vec<String> = (0..1000).map(|i| format!("story-{i}")).collect();
    assert_eq!(ids, expected);
    // Each block's reports are what one process over the whole stream says about them.
    let whole = claimgraph(STREAM_FILTER, input.as_bytes());
    assert_eq!(json_lines(&stdout(&whole)), merged);
}

#[test]
fn stats_count_claims_sources_and_citations_over_a_corpus() {
    let input = stories(6);
    let out = claimgraph(
        &["stats", "--jsonl", "-", "--format", "json"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let stats: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(stats["documents"], 6);
    let by_status = stats["claims_by_status"].as_object().unwrap();
    let sum: u64 = by_status.values().map(|v| v.as_u64().unwrap()).sum();
    assert_eq!(stats["claims"].as_u64().unwrap(), sum);
    assert!(by_status["unsourced"].as_u64().unwrap() >= 2, "{stats}");
    assert_eq!(stats["top_outlets"][0]["name"], "Reuters");
    assert_eq!(stats["top_outlets"][0]["attributions"], 2);
    assert!(stats["hedges"].as_u64().unwrap() >= 2, "{stats}");
    let csv = claimgraph(
        &["stats", "--jsonl", "-", "--format", "csv"],
        input.as_bytes(),
    );
    assert!(stdout(&csv).starts_with("section,name,value\ncorpus,documents,6\n"));
    assert!(stdout(&csv).contains("\noutlet,Reuters,2\n"));
    let table = claimgraph(&["stats", "--jsonl", "-"], input.as_bytes());
    assert!(stdout(&table).contains("most-cited outlets\n  Reuters"));
}
