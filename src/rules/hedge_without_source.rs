use super::{Context, Finding, Rule, Severity, rule_doc};

rule_doc! {
    /// ## What it does
    /// Flags a claim that is hedged ("reportedly", "allegedly", "is said to") but attributed to no
    /// source.
    ///
    /// ## Why is this bad?
    /// A hedge signals that someone said it without saying who. "Reportedly" invites the question
    /// "reported by whom?"; style guides ask writers to name the report or the source instead.
    ///
    /// ## Example
    /// ```text
    /// The call reportedly lasted 40 minutes.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The call lasted 40 minutes, according to a Kremlin readout.
    /// ```
    ///
    /// ## References
    /// - Wikipedia Manual of Style, "Unsupported attributions".
    pub struct HedgeWithoutSource;
}

impl Rule for HedgeWithoutSource {
    fn id(&self) -> &'static str {
        "hedge-without-source"
    }

    fn explanation(&self) -> &'static str {
        Self::DOC
    }

    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn summary(&self) -> &'static str {
        "a hedged claim (\"reportedly\") with no source"
    }

    fn check(&self, context: &Context, findings: &mut Vec<Finding>) {
        for (c, claim) in context.claims.claims.iter().enumerate() {
            let support = &context.graph.support[c];
            if !support.hedged || !support.supporting.is_empty() {
                continue;
            }
            let hedges: Vec<String> = claim
                .attributions
                .iter()
                .map(|&a| &context.attributions[a])
                .filter(|a| a.relation == crate::attribution::Relation::Hedge)
                .map(|a| format!("“{}”", a.lemma))
                .collect();
            let message = format!(
                "claim is hedged ({}) but attributed to no source",
                hedges.join(", ")
            );
            findings.push(context.claim_finding(self, c, message));
        }
    }
}
