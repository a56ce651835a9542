use super::{Context, Finding, Rule, Severity, rule_doc};

rule_doc! {
    /// ## What it does
    /// Flags a claim whose only support is anonymous sources, fewer of them than the policy
    /// requires (`anonymous-sources-required`, two by default). Sources are counted as the text
    /// counts them: "two officials" is two, "officials" with no number is one.
    ///
    /// ## Why is this bad?
    /// Readers cannot weigh a source they cannot identify. Standard newsroom practice (for example
    /// the AP's) allows anonymous sourcing only for information, not opinion, and asks that it be
    /// confirmed by at least one other source with direct knowledge.
    ///
    /// ## Example
    /// ```text
    /// The deal is off, according to a person familiar with the talks.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The deal is off, according to two people familiar with the talks, one of whom attended.
    /// ```
    ///
    /// ## References
    /// - AP news values and principles, "Anonymous sources".
    pub struct AnonymousOnlyClaim;
}

impl Rule for AnonymousOnlyClaim {
    fn id(&self) -> &'static str {
        "anonymous-only-claim"
    }

    fn explanation(&self) -> &'static str {
        Self::DOC
    }

    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn summary(&self) -> &'static str {
        "a claim supported only by anonymous sources, fewer than required"
    }

    fn check(&self, context: &Context, findings: &mut Vec<Finding>) {
        let required = context.policy.anonymous_sources_required;
        for c in 0..context.claims.claims.len() {
            let supporting = context.independent(c);
            let anonymous = supporting
                .iter()
                .all(|&s| !context.sources.entities[s].named);
            let people: usize = supporting
                .iter()
                .map(|&s| context.sources.entities[s].count.unwrap_or(1))
                .sum();
            if supporting.is_empty() || !anonymous || people >= required {
                continue;
            }
            let message = format!(
                "claim rests only on anonymous sources ({}): {people} independent, policy requires {required}",
                context.source_names(&supporting),
            );
            findings.push(context.claim_finding(self, c, message));
        }
    }
}
