//! claimgraph: audits how a news article is sourced.
//!
//! The pipeline runs one way, each stage in its own module:
//! [`text`] → [`attribution`] → [`sources`] → [`claims`] → [`graph`] → [`rules`] → [`report`].
//! [`analyze`] runs all of it on one text.

pub mod attribution;
pub mod grammar;
pub mod text;
