//! Rules: findings about a document's sourcing, read from the graph and the claims only
//! (a rule never re-parses text). One file per rule; its doc comment is its documentation.

mod anonymous_only_claim;
mod hedge_without_source;
mod single_source_claim;
mod unsourced_claim;

use crate::attribution::Attribution;
use crate::claims::Claims;
use crate::graph::SourcingGraph;
use crate::sources::Sources;
use crate::text::Span;
use serde::Serialize;

/// How serious a finding is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    clap::ValueEnum,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A labelled span a finding points at, besides its main span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub text: String,
}

/// One breach of the sourcing policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub claim: Option<usize>,
    pub span: Span,
    pub message: String,
    pub labels: Vec<Label>,
}

/// What the rules may read.
pub struct Context<'a> {
    pub attributions: &'a [Attribution],
    pub sources: &'a Sources,
    pub claims: &'a Claims,
    pub graph: &'a SourcingGraph,
    pub policy: &'a Policy,
}

/// The thresholds rules apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// Independent sources a claim resting only on anonymous sources needs.
    pub anonymous_sources_required: usize,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            anonymous_sources_required: 2,
        }
    }
}

/// Declares a rule's struct so that its doc comment is also its `explain` text.
macro_rules! rule_doc {
    ($(#[doc = $doc:literal])* pub struct $name:ident;) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            /// The doc comment above, as `claimgraph explain` prints it.
            pub const DOC: &'static str = concat!($($doc, "\n"),*);
        }
    };
}
pub(crate) use rule_doc;

/// A rule: a stable id, a default severity, and a check.
pub trait Rule: Sync {
    fn id(&self) -> &'static str;
    /// The rule's documentation: its doc comment.
    fn explanation(&self) -> &'static str;
    fn default_severity(&self) -> Severity;
    /// One line saying what the rule flags.
    fn summary(&self) -> &'static str;
    fn check(&self, context: &Context, findings: &mut Vec<Finding>);
}

/// Every rule, sorted by id so output order is stable.
pub static RULES: &[&dyn Rule] = &[
    &anonymous_only_claim::AnonymousOnlyClaim,
    &hedge_without_source::HedgeWithoutSource,
    &single_source_claim::SingleSourceClaim,
    &unsourced_claim::UnsourcedClaim,
];

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|r| r.id() == id)
}

/// Runs every rule; findings come out in text order, then by rule id.
pub fn check(context: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in RULES {
        rule.check(context, &mut findings);
    }
    findings.sort_by(|a, b| (a.span.start, a.rule).cmp(&(b.span.start, b.rule)));
    findings
}

impl Context<'_> {
    /// Labels for the sourcing of a claim: each attribution's source mention and cue.
    pub fn sourcing_labels(&self, claim: usize) -> Vec<Label> {
        let mut labels = Vec::new();
        for &a in &self.claims.claims[claim].attributions {
            let attribution = &self.attributions[a];
            let names: Vec<&str> = self.sources.of_attribution[a]
                .iter()
                .map(|&e| self.sources.entities[e].name.as_str())
                .collect();
            if let Some(source) = attribution.source {
                labels.push(Label {
                    span: source,
                    text: format!("source: {}", names.join(" + ")),
                });
            }
            labels.push(Label {
                span: attribution.cue,
                text: format!("cue ({})", attribution.relation.as_str()),
            });
        }
        labels
    }

    pub fn source_names(&self, entities: &[usize]) -> String {
        entities
            .iter()
            .map(|&e| self.sources.entities[e].name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}
