//! Linearity benchmark: times the whole pipeline (with the JSON, SARIF and human reporters) on 1× and 10× the same kind of input and prints
//! the ratio of the medians (a linear pipeline gives about 10). It asserts nothing about time, so
//! it is ignored by default; run it in release mode:
//!
//! ```text
//! cargo test --release --test linearity -- --ignored --nocapture
//! ```
//!
//! The figures recorded in docs/testing.md come from this command.

use claimgraph::report::{human, json, sarif};
use claimgraph::rules::Severity;
use claimgraph::{analyze, grammar::Grammar, rules::Policy};
use std::time::{Duration, Instant};

/// An article-like paragraph: names, cues, quotations, abbreviations.
fn article(paragraphs: usize) -> String {
    let mut text = String::new();
    for i in 0..paragraphs {
        text.push_str(&format!(
            "“The bridge {i} will reopen,” Mayor Jane Smith said on Monday. According to U.S. officials, \
             the repairs cost $3.5 million, while critics reportedly disagreed. Mr. Jones told Reuters \
             that “nothing is certain”, but he added: \"We hope.\"\n\n"
        ));
    }
    text
}

/// One line with no newline: sentences and quotations, never a paragraph break.
fn single_line(sentences: usize) -> String {
    let mut text = String::new();
    for i in 0..sentences {
        text.push_str(&format!(
            "Officials said the plan {i} “works”, according to Ms. Lee. "
        ));
    }
    text
}

fn unbalanced_quotes(marks: usize) -> String {
    "“ said ".repeat(marks)
}

fn nested_quotes(depth: usize) -> String {
    let mut text = String::from("She said ");
    for i in 0..depth {
        text.push_str(if i % 2 == 0 {
            "“he said ‘"
        } else {
            "\"they said '"
        });
    }
    text.push_str("yes");
    for i in (0..depth).rev() {
        text.push_str(if i % 2 == 0 { "’ ”" } else { "' \"" });
    }
    text.push('.');
    text
}

fn one_giant_sentence(words: usize) -> String {
    let mut text = String::from("The mayor said that");
    for i in 0..words {
        text.push_str(if i % 7 == 0 {
            ", officials said"
        } else {
            " word"
        });
    }
    text.push('.');
    text
}

fn median_time(text: &str, grammar: &Grammar, policy: &Policy) -> Duration {
    let mut times: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            let analysis = analyze("bench", text, grammar, policy);
            // The batch reporters are part of the pipeline a CI job runs.
            std::hint::black_box(json::render_line(&analysis));
            std::hint::black_box(sarif::render_line(&analysis));
            std::hint::black_box(human::render(
                &analysis,
                human::Style::PLAIN,
                Severity::Info,
            ));
            start.elapsed()
        })
        .collect();
    times.sort();
    times[1]
}

fn median_segment_time(text: &str) -> Duration {
    let mut times: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(claimgraph::text::Document::new(text));
            start.elapsed()
        })
        .collect();
    times.sort();
    times[1]
}

fn ratio(name: &str, make: fn(usize) -> String, base: usize) {
    // CLAIMGRAPH_BENCH_ONLY="nested quotes" times one input alone (for a profiler).
    if std::env::var("CLAIMGRAPH_BENCH_ONLY").is_ok_and(|only| only != name) {
        return;
    }
    let grammar = Grammar::builtin();
    let policy = Policy::default();
    let small = make(base);
    let large = make(base * 10);
    let s1 = median_segment_time(&small);
    let s10 = median_segment_time(&large);
    let t1 = median_time(&small, &grammar, &policy);
    let t10 = median_time(&large, &grammar, &policy);
    println!(
        "{name:<22} text model only: {:>9.1} ms → {:>9.1} ms, ratio {:.1}",
        s1.as_secs_f64() * 1e3,
        s10.as_secs_f64() * 1e3,
        s10.as_secs_f64() / s1.as_secs_f64()
    );
    println!(
        "{name:<22} 1× {:>9} bytes {:>9.1} ms | 10× {:>10} bytes {:>9.1} ms | ratio {:.1}",
        small.len(),
        t1.as_secs_f64() * 1e3,
        large.len(),
        t10.as_secs_f64() * 1e3,
        t10.as_secs_f64() / t1.as_secs_f64()
    );
}

#[test]
#[ignore = "a benchmark: run with --release -- --ignored --nocapture"]
fn pipeline_time_grows_linearly() {
    let scale: usize = std::env::var("CLAIMGRAPH_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    ratio("article paragraphs", article, 200 * scale);
    ratio("single line", single_line, 500 * scale);
    ratio("unbalanced quotes", unbalanced_quotes, 1_000 * scale);
    ratio("nested quotes", nested_quotes, 100 * scale);
    ratio("one giant sentence", one_giant_sentence, 1_000 * scale);
}
