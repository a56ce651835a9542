use super::{Context, Finding, Rule, Severity, rule_doc};
use crate::graph::ClaimStatus;

rule_doc! {
    /// ## What it does
    /// Flags a claim that rests on exactly one independent source.
    ///
    /// ## Why is this bad?
    /// One source can be wrong, partial or self-serving. Many newsrooms ask for a second,
    /// independent confirmation before a contested fact is published; a channel the source spoke
    /// through ("told CNN") and the same person mentioned twice do not count as a second source.
    /// Most quotes are single-source by nature, so the rule reports at `info` by default.
    ///
    /// ## Example
    /// ```text
    /// The plant will close in March, the company's chief executive said.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The plant will close in March, the company's chief executive said, a date two union
    /// officials confirmed.
    /// ```
    pub struct SingleSourceClaim;
}

impl Rule for SingleSourceClaim {
    fn id(&self) -> &'static str {
        "single-source-claim"
    }

    fn explanation(&self) -> &'static str {
        Self::DOC
    }

    fn default_severity(&self) -> Severity {
        Severity::Info
    }

    fn summary(&self) -> &'static str {
        "a claim that rests on one independent source"
    }

    fn check(&self, context: &Context, findings: &mut Vec<Finding>) {
        for (c, claim) in context.claims.claims.iter().enumerate() {
            let support = &context.graph.support[c];
            if support.status != ClaimStatus::SingleSource {
                continue;
            }
            let message = format!(
                "claim rests on a single source: {}",
                context.source_names(&support.supporting)
            );
            findings.push(Finding {
                rule: self.id(),
                severity: self.default_severity(),
                claim: Some(c),
                span: claim.span,
                message,
                labels: context.sourcing_labels(c),
            });
        }
    }
}
