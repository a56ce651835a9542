//! `claimgraph test`: a newsroom tests its policy the way programmers test code.
//!
//! - Expectations: `<!-- expect: RULE -->` before a sentence asserts that RULE fires on it,
//!   `<!-- ok: RULE -->` that it does not.
//! - Snapshots: `--snapshot DIR` compares each article's report with the `ARTICLE.snap` stored
//!   beside it and prints a diff when a verdict moved; `--update` writes them.

use crate::Analysis;
use crate::text::{DirectiveKind, Span};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// One expectation that did not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectationFailure {
    /// 1-based line of the expectation comment.
    pub line: usize,
    pub rule: String,
    /// `true` for `expect:`, `false` for `ok:`.
    pub expected: bool,
    /// The sentence the expectation speaks of, on one line.
    pub sentence: String,
    /// What fired on the sentence: `rule: message`.
    pub fired: Vec<String>,
    /// Why, when the expectation itself is broken (an unknown rule, no sentence after it).
    pub problem: Option<String>,
}

/// The outcome of the expectations of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expectations {
    pub checked: usize,
    pub failures: Vec<ExpectationFailure>,
}

/// Checks every `expect:` and `ok:` directive of an analysed article.
pub fn check_expectations(analysis: &Analysis) -> Expectations {
    let text = analysis.document.text;
    let mut out = Expectations::default();
    for directive in &analysis.directives {
        let (rule, expected) = match &directive.kind {
            DirectiveKind::Expect { rule } => (rule, true),
            DirectiveKind::Ok { rule } => (rule, false),
            _ => continue,
        };
        out.checked += 1;
        let line = text[..directive.span.start].matches('\n').count() + 1;
        let sentence = directive
            .sentence
            .unwrap_or(Span::new(text.len(), text.len()));
        let fired: Vec<&crate::rules::Finding> = analysis
            .findings
            .iter()
            .filter(|f| {
                // A finding on a comment between the expectation and its sentence (an
                // invalid suppression) is on that sentence too.
                f.span.overlaps(sentence)
                    || (f.span.start >= directive.span.end && f.span.end <= sentence.start)
            })
            .collect();
        let problem = if crate::rules::find(rule).is_none() {
            Some(format!("no rule named `{rule}`"))
        } else if directive.sentence.is_none() {
            Some("no sentence follows the expectation".to_string())
        } else {
            None
        };
        let fires = fired.iter().any(|f| f.rule == rule);
        if problem.is_none() && fires == expected {
            continue;
        }
        out.failures.push(ExpectationFailure {
            line,
            rule: rule.clone(),
            expected,
            sentence: sentence
                .slice(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            fired: fired
                .iter()
                .map(|f| format!("{}: {}", f.rule, f.message))
                .collect(),
            problem,
        });
    }
    out
}

/// A failure as `claimgraph test` prints it.
pub fn describe_failure(path: &str, failure: &ExpectationFailure) -> String {
    let mut out = String::new();
    let verb = if failure.expected {
        "expected"
    } else {
        "did not expect"
    };
    let _ = writeln!(
        out,
        "FAIL {path}:{}: {verb} `{}` on: {}",
        failure.line, failure.rule, failure.sentence
    );
    if let Some(problem) = &failure.problem {
        let _ = writeln!(out, "     {problem}");
    } else if failure.fired.is_empty() {
        let _ = writeln!(out, "     fired instead: nothing");
    } else {
        let label = if failure.expected {
            "fired instead"
        } else {
            "fired"
        };
        let _ = writeln!(out, "     {label}:");
        for fired in &failure.fired {
            let _ = writeln!(out, "       - {fired}");
        }
    }
    out
}

/// The articles under `path`: the file itself, or every .md, .html, .htm and .txt file in the
/// directory and its subdirectories, sorted.
pub fn articles(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let p = entry?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "md" | "html" | "htm" | "txt"))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Where an article's snapshot lives: `story.md` → `story.md.snap`, beside it.
pub fn snapshot_path(article: &Path) -> PathBuf {
    let mut name = article.file_name().unwrap_or_default().to_os_string();
    name.push(".snap");
    article.with_file_name(name)
}

/// A line diff of two texts, `-` for the old and `+` for the new, with two lines of context.
///
/// ```
/// let d = claimgraph::cli::test::diff("a\nb\nc\n", "a\nB\nc\n");
/// assert_eq!(d, "  a\n- b\n+ B\n  c\n");
/// ```
pub fn diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    // Longest common subsequence table, from the ends.
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut lines: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            lines.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            lines.push(('-', a[i]));
            i += 1;
        } else {
            lines.push(('+', b[j]));
            j += 1;
        }
    }
    let changed: Vec<usize> = (0..lines.len()).filter(|&k| lines[k].0 != ' ').collect();
    let near = |k: usize| changed.iter().any(|&c| c.abs_diff(k) <= 2);
    let mut out = String::new();
    for (k, (mark, line)) in lines.iter().enumerate() {
        if near(k) {
            let _ = writeln!(out, "{mark} {line}");
        }
    }
    out
}
