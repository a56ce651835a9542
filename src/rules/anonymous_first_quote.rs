use super::{Context, Finding, Rule, Severity, rule_doc};

rule_doc! {
    /// ## What it does
    /// Flags the first sourced claim of an article when every source it rests on is anonymous.
    ///
    /// ## Why is this bad?
    /// The first attribution sets the reader's trust in the whole story. Many newsrooms ask
    /// that a story not lead with an anonymous source: put the on-record sourcing first and
    /// bring in the unnamed source to add what only they could know.
    ///
    /// ## Example
    /// ```text
    /// The factory will close in June, a person briefed on the plans said. The company's
    /// chief executive, Ana Ruiz, declined to comment.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The factory will close in June, the regional labour office said in a filing. A person
    /// briefed on the plans said talks with a buyer had failed.
    /// ```
    ///
    /// ## References
    /// - AP news values and principles, "Anonymous sources".
    pub struct AnonymousFirstQuote;
}

impl Rule for AnonymousFirstQuote {
    fn id(&self) -> &'static str {
        "anonymous-first-quote"
    }

    fn explanation(&self) -> &'static str {
        Self::DOC
    }

    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn summary(&self) -> &'static str {
        "the article's first sourced claim rests on anonymous sources only"
    }

    fn check(&self, context: &Context, findings: &mut Vec<Finding>) {
        // Claims are in text order: the first with any support is the first quote.
        let Some((c, first)) = (0..context.claims.claims.len())
            .map(|c| (c, context.independent(c)))
            .find(|(_, sources)| !sources.is_empty())
        else {
            return;
        };
        if first
            .iter()
            .all(|&s| context.sources.entities[s].is_anonymous_person())
        {
            let message = format!(
                "the article's first sourced claim rests on anonymous sources only ({})",
                context.source_names(&first)
            );
            findings.push(context.claim_finding(self, c, message));
        }
    }
}
