//! The real pages of the shared news corpus (`../shared/corpus/news/`, beside the repository)
//! all run without an error or a panic, through every batch reporter: text files as text, HTML
//! pages through the HTML reader (and as raw text too, the worst case for the parser). Skipped,
//! with a message, where the corpus is absent.

use claimgraph::cli::{Input, InputError, Pending, ReadSettings};
use claimgraph::report::{human, json, markdown, sarif};
use claimgraph::rules::{Policy, Severity};
use claimgraph::{analyze_guarded, grammar::Grammar, text::prepare};
use std::path::{Path, PathBuf};

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news");
    dir.is_dir().then_some(dir)
}

fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut pages = Vec::new();
    for sub in ["text", "html"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        pages.extend(
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html")),
        );
    }
    pages.sort();
    pages
}

#[test]
fn every_corpus_page_runs_without_an_error_or_a_panic() {
    let Some(dir) = corpus() else {
        eprintln!("skipped: no corpus at ../shared/corpus/news (it is not part of the repository)");
        return;
    };
    let pages = pages(&dir);
    assert!(!pages.is_empty(), "no pages under {}", dir.display());
    let grammar = Grammar::builtin();
    let policy = Policy::default();
    let mut failures = Vec::new();
    let by_extension = ReadSettings {
        format: None,
        ..ReadSettings::plain()
    };
    let reads = pages.iter().flat_map(|page| {
        let read = |settings: &ReadSettings| -> Result<Input, InputError> {
            Pending::File(page.clone()).read(settings)
        };
        let mut inputs = vec![(page, read(&by_extension))];
        if page.extension().is_some_and(|e| e == "html") {
            inputs.push((page, read(&ReadSettings::plain())));
        }
        inputs
    });
    for (page, input) in reads {
        let input = match input {
            Ok(input) => input,
            Err(e) => {
                failures.push(format!("{}: {e}", page.display()));
                continue;
            }
        };
        let prepared = prepare(&input.text);
        match analyze_guarded(&input.id, &prepared, &grammar, &policy) {
            Ok(analysis) => {
                let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    json::render_line(&analysis);
                    sarif::render_line(&analysis);
                    markdown::render(&analysis);
                    human::render(&analysis, human::Style::PLAIN, Severity::Info);
                }));
                if rendered.is_err() {
                    failures.push(format!("{}: a reporter panicked", page.display()));
                }
            }
            Err(panic) => failures.push(panic.to_string()),
        }
    }
    eprintln!("{} corpus pages checked", pages.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
