//! Reporters: each renders an [`Analysis`](crate::Analysis) and computes nothing of its own.

pub mod dot;
pub mod human;
pub mod json;
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
}

/// Stable ids for the JSON and DOT outputs: `s1`, `c1`, ….
pub fn source_id(index: usize) -> String {
    format!("s{}", index + 1)
}

pub fn claim_id(index: usize) -> String {
    format!("c{}", index + 1)
}
