use super::{Context, Finding, Rule, Severity, rule_doc};
use crate::text::DirectiveKind;

/// The id, for the check that a suppression never silences this rule.
pub const ID: &str = "invalid-suppression";

rule_doc! {
    /// ## What it does
    /// Flags an inline suppression that claimgraph cannot accept: one without a reason, one that
    /// names no known rule, or a `claimgraph:` comment that is not an `allow`. A suppression
    /// looks like this, on a line of its own before the paragraph it silences:
    ///
    /// ```text
    /// <!-- claimgraph: allow single-source-claim -- on-record interview, one witness -->
    /// ```
    ///
    /// ## Why is this bad?
    /// A suppression is an editor's decision to publish despite a rule. Without a reason the
    /// next editor cannot tell a judgement from a shortcut; a misspelt rule silences nothing.
    /// This finding cannot itself be suppressed.
    ///
    /// ## Example
    /// ```text
    /// <!-- claimgraph: allow single-source-claim -->
    /// The mine will close, its owner said.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// <!-- claimgraph: allow single-source-claim -- the owner's decision, on the record -->
    /// The mine will close, its owner said.
    /// ```
    ///
    /// ## References
    /// - `claimgraph rules` lists the rule ids.
    pub struct InvalidSuppression;
}

impl Rule for InvalidSuppression {
    fn id(&self) -> &'static str {
        ID
    }

    fn explanation(&self) -> &'static str {
        Self::DOC
    }

    fn default_severity(&self) -> Severity {
        Severity::Error
    }

    fn summary(&self) -> &'static str {
        "an inline suppression without a reason or naming no known rule"
    }

    fn check(&self, context: &Context, findings: &mut Vec<Finding>) {
        for directive in context.directives {
            let message = match &directive.kind {
                DirectiveKind::Allow { rule, .. } if super::find(rule).is_none() => {
                    format!("suppression names no known rule: `{rule}`")
                }
                DirectiveKind::Allow { rule, reason: None } => {
                    format!("suppression of `{rule}` gives no reason: add `-- why` before `-->`")
                }
                DirectiveKind::Malformed { text } => format!(
                    "not a claimgraph directive: `{text}`; write `claimgraph: allow RULE -- REASON`"
                ),
                _ => continue,
            };
            findings.push(Finding {
                rule: self.id(),
                severity: self.default_severity(),
                claim: None,
                span: directive.span,
                message,
            });
        }
    }
}
