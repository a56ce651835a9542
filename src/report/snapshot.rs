//! A stable plain-text rendering of an analysis for `claimgraph test --snapshot`: its claims,
//! sources and findings, one per line, so that a diff shows exactly which verdicts moved.

use super::{claim_id, source_id};
use crate::Analysis;
use std::fmt::Write;

/// Renders the analysis; `name` stands for the article (a file name, not a path, so the
/// snapshot does not depend on where it is checked from).
///
/// ```
/// use claimgraph::{analyze, grammar::Grammar, rules::Policy, report::snapshot};
/// let a = analyze("x", "The bridge will close, the mayor said.", &Grammar::builtin(), &Policy::default());
/// let text = snapshot::render(&a, "story.txt");
/// assert!(text.contains("c1 single_source [s1] The bridge will close, the mayor said."));
/// ```
pub fn render(analysis: &Analysis, name: &str) -> String {
    let text = analysis.document.text;
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    let _ = writeln!(out, "article: {name}");
    let _ = writeln!(out, "claims:");
    for (c, claim) in analysis.claims.claims.iter().enumerate() {
        let support = &analysis.graph.support[c];
        let sources: Vec<String> = support.supporting.iter().map(|&s| source_id(s)).collect();
        let mut extra = String::new();
        if !support.withholding.is_empty() {
            let withheld: Vec<String> = support.withholding.iter().map(|&s| source_id(s)).collect();
            let _ = write!(extra, " withheld-by [{}]", withheld.join(", "));
        }
        if support.hedged {
            extra.push_str(" hedged");
        }
        let _ = writeln!(
            out,
            "  {} {} [{}]{} {}",
            claim_id(c),
            support.status.as_str(),
            sources.join(", "),
            extra,
            one_line(claim.span.slice(text))
        );
    }
    let _ = writeln!(out, "sources:");
    for (s, source) in analysis.sources.entities.iter().enumerate() {
        let mut about = vec![
            source.kind.as_str().to_string(),
            if source.named { "named" } else { "anonymous" }.to_string(),
        ];
        about.extend(source.count.map(|n| format!("count {n}")));
        about.extend(source.knowledge.iter().map(|k| format!("knowledge: {k}")));
        if source.vague {
            about.push("vague".into());
        }
        let _ = writeln!(
            out,
            "  {} {} ({})",
            source_id(s),
            one_line(&source.name),
            about.join(", ")
        );
    }
    let _ = writeln!(out, "findings:");
    for finding in &analysis.findings {
        let at = finding.claim.map_or_else(
            || {
                let line = text[..finding.span.start].matches('\n').count() + 1;
                format!("line {line}")
            },
            claim_id,
        );
        let _ = writeln!(
            out,
            "  {at} {} {}: {}",
            finding.severity.as_str(),
            finding.rule,
            finding.message
        );
    }
    out
}
