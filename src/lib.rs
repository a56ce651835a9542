//! claimgraph: audits how a news article is sourced.
//!
//! The pipeline runs one way, each stage in its own module:
//! [`text`] → [`attribution`] (fed by [`grammar`]) → [`sources`] → [`claims`] → [`graph`] →
//! [`rules`] → [`report`]. [`analyze`] runs all of it on one text; [`cli`] is the command line.

pub mod analysis;
pub mod attribution;
pub mod claims;
pub mod cli;
pub mod eval;
pub mod grammar;
pub mod graph;
pub mod markup;
pub mod report;
pub mod rules;
pub mod sources;
pub mod text;

pub use analysis::{Analysis, AnalysisPanic, analyze, analyze_guarded, analyze_prepared};
