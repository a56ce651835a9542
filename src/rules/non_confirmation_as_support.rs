use super::{Context, Finding, Rule, Severity, rule_doc};

rule_doc! {
    /// ## What it does
    /// Flags a claim sourced by a denial or a refusal to confirm ("declined to comment",
    /// "denied the report") that has some independent support, but less than the policy
    /// requires (`sources-required`, two by default). A claim with no support at all is
    /// `unsourced-claim`'s, whose message names the denial.
    ///
    /// ## Why is this bad?
    /// "The ministry declined to comment" next to a claim reads like part of its sourcing, but
    /// it adds nothing: a refusal confirms nothing and a denial contradicts. A claim that leans
    /// on one source plus a non-denial is a single-source claim dressed up as a sourced one.
    ///
    /// ## Example
    /// ```text
    /// The bank will cut 300 jobs, a person familiar with the plans said, but the bank declined
    /// to confirm it.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The bank will cut 300 jobs, two people familiar with the plans said, one of whom has seen
    /// the list. The bank declined to comment.
    /// ```
    ///
    /// ## References
    /// - SPJ Code of Ethics: "Take special care not to misrepresent."
    pub struct NonConfirmationAsSupport;
}

impl Rule for NonConfirmationAsSupport {
    fn id(&self) -> &'static str {
        "non-confirmation-as-support"
    }

    fn explanation(&self) -> &'static str {
        Self::DOC
    }

    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn summary(&self) -> &'static str {
        "a denial or refusal to confirm presented as sourcing of a thinly sourced claim"
    }

    fn check(&self, context: &Context, findings: &mut Vec<Finding>) {
        for c in 0..context.claims.claims.len() {
            let withholding = &context.graph.support[c].withholding;
            let support = context.independent(c);
            if withholding.is_empty()
                || support.is_empty()
                || support.len() >= context.policy.sources_required
            {
                continue;
            }
            let message = format!(
                "{} declined to confirm or denied the claim, which has {} independent source(s); a non-confirmation is not support",
                context.source_names(withholding),
                support.len()
            );
            findings.push(context.claim_finding(self, c, message));
        }
    }
}
