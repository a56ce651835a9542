//! Reporters: each renders an [`Analysis`](crate::Analysis) and computes nothing of its own.

pub mod dot;
mod graph_svg;
pub mod html;
pub mod human;
pub mod json;
pub mod markdown;
pub mod sarif;
pub mod snapshot;
pub mod stats;

/// The output formats of `claimgraph check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics for a person at a terminal, then a summary.
    Human,
    /// One JSON report per document (docs/json-format.md).
    Json,
    /// The claim–source graph in Graphviz DOT.
    Dot,
    /// One self-contained HTML page per document: the article highlighted, sources, graph.
    Html,
    /// A summary for a pull-request or CMS comment.
    Markdown,
    /// SARIF 2.1.0 for code-scanning tools: one log per document.
    Sarif,
}

/// Stable ids for the JSON and DOT outputs: `s1`, `c1`, ….
pub fn source_id(index: usize) -> String {
    format!("s{}", index + 1)
}

pub fn claim_id(index: usize) -> String {
    format!("c{}", index + 1)
}

/// The 1-based line of a byte offset, as editors and SARIF count lines.
pub fn line_number(text: &str, byte: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(byte)
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
