use super::{Context, Finding, Rule, Severity, rule_doc};
use crate::sources::SourceKind;

rule_doc! {
    /// ## What it does
    /// Flags a claim whose only support is another outlet's report ("first reported by Bild",
    /// "CNN reported"). An outlet listed under `trusted` in the policy file's `[outlets]` is
    /// enough on its own and is not flagged.
    ///
    /// ## Why is this bad?
    /// Repeating another outlet's story passes its sourcing on unexamined: if its sources were
    /// anonymous or wrong, so is the repeat. Wire and newsroom standards ask for the outlet's
    /// own confirmation, or at least a clear statement that it has not been able to confirm.
    ///
    /// ## Example
    /// ```text
    /// The striker has signed a new contract. The news was first reported by Bild.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The striker has signed a new contract, the club said on Tuesday, confirming a report
    /// by Bild.
    /// ```
    ///
    /// ## References
    /// - Reuters Handbook of Journalism: reporting other media's stories.
    pub struct SecondhandOnly;
}

impl Rule for SecondhandOnly {
    fn id(&self) -> &'static str {
        "secondhand-only"
    }

    fn explanation(&self) -> &'static str {
        Self::DOC
    }

    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn summary(&self) -> &'static str {
        "a claim whose only support is another outlet's report"
    }

    fn check(&self, context: &Context, findings: &mut Vec<Finding>) {
        for c in 0..context.claims.claims.len() {
            let support = context.independent(c);
            let outlets_only = !support.is_empty()
                && support.iter().all(|&s| {
                    let source = &context.sources.entities[s];
                    source.kind == SourceKind::Outlet
                        && !context.policy.is_trusted_outlet(&source.name)
                });
            if !outlets_only {
                continue;
            }
            let message = format!(
                "claim rests only on another outlet's report ({}): confirm it independently",
                context.source_names(&support)
            );
            findings.push(context.claim_finding(self, c, message));
        }
    }
}
