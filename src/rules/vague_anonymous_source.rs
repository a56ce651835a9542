use super::{Context, Finding, Rule, Severity, rule_doc};

rule_doc! {
    /// ## What it does
    /// Flags a claim supported by an anonymous source whose link to the story the text does not
    /// state: "officials said", "a source said", as against "a person who attended the meeting"
    /// or "two people familiar with the talks". The link is the source's `knowledge`, read by the
    /// sources stage from the phrases in `grammar/anonymous.toml` (`[[knowledge-link]]`).
    ///
    /// A source too vague to identify at all ("critics", "some") is left to
    /// `weasel-attribution`.
    ///
    /// ## Why is this bad?
    /// When a source cannot be named, the reader is owed the next best thing: why this person
    /// would know. Newsroom standards on anonymous sources ask reporters to describe an unnamed
    /// source's position and access as fully as possible without identifying them.
    ///
    /// ## Example
    /// ```text
    /// The council will cut the bus subsidy, a source said.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The council will cut the bus subsidy, a person who attended the budget meeting said.
    /// ```
    ///
    /// ## References
    /// - AP news values and principles, "Anonymous sources": describe the source's knowledge.
    /// - SPJ Code of Ethics: "Identify sources clearly."
    pub struct VagueAnonymousSource;
}

impl Rule for VagueAnonymousSource {
    fn id(&self) -> &'static str {
        "vague-anonymous-source"
    }

    fn explanation(&self) -> &'static str {
        Self::DOC
    }

    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn summary(&self) -> &'static str {
        "an anonymous source with no stated link to the story"
    }

    fn check(&self, context: &Context, findings: &mut Vec<Finding>) {
        for c in 0..context.claims.claims.len() {
            let vague: Vec<usize> = context
                .independent(c)
                .into_iter()
                .filter(|&s| {
                    let source = &context.sources.entities[s];
                    source.is_anonymous_person() && source.knowledge.is_none() && !source.vague
                })
                .collect();
            if vague.is_empty() {
                continue;
            }
            let message = format!(
                "anonymous source ({}) with no stated link to the story: say how they know",
                context.source_names(&vague)
            );
            findings.push(context.claim_finding(self, c, message));
        }
    }
}
