use super::{Context, Finding, Rule, Severity, rule_doc};

rule_doc! {
    /// ## What it does
    /// Flags a claim that no source supports: no one is quoted, cited or credited for it.
    ///
    /// ## Why is this bad?
    /// A reader cannot tell where an unsourced statement of fact comes from. Newsroom policies ask
    /// that every fact not common knowledge or witnessed by the reporter be attributed. Analysis
    /// written in the outlet's own voice is flagged too: review it and silence the finding where it
    /// is the writer's judgement.
    ///
    /// A hedged claim ("which reportedly lasted 40 minutes") is flagged by `hedge-without-source`
    /// instead. An outlet listed as untrusted in the policy file is no source.
    ///
    /// ## Example
    /// ```text
    /// The minister will resign next week.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The minister will resign next week, two officials in her office said.
    /// ```
    ///
    /// ## References
    /// - SPJ Code of Ethics: "Identify sources clearly."
    pub struct UnsourcedClaim;
}

impl Rule for UnsourcedClaim {
    fn id(&self) -> &'static str {
        "unsourced-claim"
    }

    fn explanation(&self) -> &'static str {
        Self::DOC
    }

    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn summary(&self) -> &'static str {
        "a claim that no source supports"
    }

    fn check(&self, context: &Context, findings: &mut Vec<Finding>) {
        for c in 0..context.claims.claims.len() {
            let support = &context.graph.support[c];
            if !context.independent(c).is_empty() || support.hedged {
                continue;
            }
            let message = if support.withholding.is_empty() {
                "claim is not attributed to any source".to_string()
            } else {
                format!(
                    "claim is not attributed to any source; {} declined to confirm or denied it",
                    context.source_names(&support.withholding)
                )
            };
            findings.push(context.claim_finding(self, c, message));
        }
    }
}
