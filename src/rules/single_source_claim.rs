use super::{Context, Finding, Rule, Severity, rule_doc};

rule_doc! {
    /// ## What it does
    /// Flags a claim that rests on fewer independent sources than the policy requires: one, by
    /// default (`sources-required = 2`). With `anonymous-sources-count = false`, anonymous
    /// sources do not count towards the number.
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
    ///
    /// ## References
    /// - Kovach and Rosenstiel, *The Elements of Journalism*: the discipline of verification.
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
        "a claim with fewer independent sources than the policy requires"
    }

    fn check(&self, context: &Context, findings: &mut Vec<Finding>) {
        for c in 0..context.claims.claims.len() {
            let independent = context.independent(c);
            let counted = independent
                .iter()
                .filter(|&&s| {
                    context.policy.anonymous_sources_count
                        || !context.sources.entities[s].is_anonymous_person()
                })
                .count();
            if independent.is_empty() || counted >= context.policy.sources_required {
                continue;
            }
            let message = if counted == 1 && independent.len() == 1 {
                format!(
                    "claim rests on a single source: {}",
                    context.source_names(&independent)
                )
            } else {
                format!(
                    "claim rests on {counted} counted source(s) ({}), policy requires {}",
                    context.source_names(&independent),
                    context.policy.sources_required
                )
            };
            findings.push(context.claim_finding(self, c, message));
        }
    }
}
