use super::{Context, Finding, Rule, Severity, rule_doc};

rule_doc! {
    /// ## What it does
    /// Flags a claim attributed to a source too vague to identify anyone: "critics say", "many
    /// people think", "experts say". The vocabulary is data, `grammar/weasels.toml`; the sources
    /// stage marks a source mention that is one of its phrases as vague.
    ///
    /// ## Why is this bad?
    /// A weasel attribution looks like sourcing but names no one who could be asked, checked or
    /// held to what they said. Often it is the writer's own view in disguise. Style guides ask for
    /// the critics to be named, or for the claim to be dropped.
    ///
    /// ## Example
    /// ```text
    /// Critics say the new stadium will never pay for itself.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The city's auditor, Maria Lenz, said the new stadium would not pay for itself.
    /// ```
    ///
    /// ## References
    /// - Wikipedia Manual of Style, "Unsupported attributions".
    pub struct WeaselAttribution;
}

impl Rule for WeaselAttribution {
    fn id(&self) -> &'static str {
        "weasel-attribution"
    }

    fn explanation(&self) -> &'static str {
        Self::DOC
    }

    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn summary(&self) -> &'static str {
        "a claim attributed to unidentifiable people (\"critics say\")"
    }

    fn check(&self, context: &Context, findings: &mut Vec<Finding>) {
        for c in 0..context.claims.claims.len() {
            let vague: Vec<usize> = context
                .independent(c)
                .into_iter()
                .filter(|&s| context.sources.entities[s].vague)
                .collect();
            if vague.is_empty() {
                continue;
            }
            let message = format!(
                "claim is attributed to unidentifiable sources ({}): name them",
                context.source_names(&vague)
            );
            findings.push(context.claim_finding(self, c, message));
        }
    }
}
