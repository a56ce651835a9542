use super::{Context, Finding, Rule, Severity, rule_doc};

rule_doc! {
    /// ## What it does
    /// Flags a claim credited to several anonymous sources ("two officials", "officials") when
    /// the same story also speaks of that source in the singular ("the official"), as if there
    /// were only one. The counts come from the sources stage: a mention's number word
    /// (`grammar/numbers.toml`), its source noun and whether it is definite.
    ///
    /// ## Why is this bad?
    /// Inflating the number of sources inflates the reader's confidence. Newsroom standards
    /// say the number of sources must never be exaggerated: "officials said" must mean more than
    /// one official, and the story must not later reveal a single "the official".
    ///
    /// ## Example
    /// ```text
    /// The border will reopen on Monday, officials said. The official said the date could slip.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The border will reopen on Monday, an official said. The official said the date could slip.
    /// ```
    ///
    /// ## References
    /// - SPJ Code of Ethics: "Take special care not to misrepresent or oversimplify."
    pub struct SourceCountMismatch;
}

impl Rule for SourceCountMismatch {
    fn id(&self) -> &'static str {
        "source-count-mismatch"
    }

    fn explanation(&self) -> &'static str {
        Self::DOC
    }

    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn summary(&self) -> &'static str {
        "several sources claimed where the story shows one"
    }

    fn check(&self, context: &Context, findings: &mut Vec<Finding>) {
        let entities = &context.sources.entities;
        for c in 0..context.claims.claims.len() {
            for s in context.independent(c) {
                let many = &entities[s];
                let several = many.count.is_some_and(|n| n > 1)
                    || (many.count.is_none() && many.kind == crate::sources::SourceKind::Group);
                if !many.is_anonymous_person() || !several || many.noun.is_none() {
                    continue;
                }
                let Some(one) = entities
                    .iter()
                    .find(|o| o.is_anonymous_person() && o.definite && o.noun == many.noun)
                else {
                    continue;
                };
                let message = format!(
                    "claim is credited to {}, but the story also speaks of “the {}”, as if there were one",
                    many.name,
                    one.noun.as_deref().unwrap_or_default()
                );
                findings.push(context.claim_finding(self, c, message));
                break;
            }
        }
    }
}
