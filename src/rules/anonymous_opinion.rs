use super::{Context, Finding, Rule, Severity, rule_doc};
use crate::attribution::AttributionKind;

rule_doc! {
    /// ## What it does
    /// Flags a claim in which an anonymous source gives an opinion rather than a fact: the cue is
    /// one of belief ("think", "believe": `kind = "belief"` in the grammar) or one of
    /// characterising and judging ("described … as", "complained", "boasted": the lemmas listed
    /// in `grammar/opinion.toml`).
    ///
    /// ## Why is this bad?
    /// Anonymity is granted to get information the public needs, not to let someone take a swipe
    /// without being accountable for it. Newsroom standards on anonymous sources commonly say
    /// that anonymous sources may supply facts, never opinion or personal attacks.
    ///
    /// ## Example
    /// ```text
    /// A senior official described the minister's plan as reckless.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The plan would cost 40 million euros more than budgeted, according to a finance ministry
    /// official who has seen the figures.
    /// ```
    ///
    /// ## References
    /// - AP news values and principles, "Anonymous sources": material must be information, not
    ///   opinion or speculation.
    pub struct AnonymousOpinion;
}

impl Rule for AnonymousOpinion {
    fn id(&self) -> &'static str {
        "anonymous-opinion"
    }

    fn explanation(&self) -> &'static str {
        Self::DOC
    }

    fn default_severity(&self) -> Severity {
        Severity::Warning
    }

    fn summary(&self) -> &'static str {
        "an anonymous source giving an opinion rather than a fact"
    }

    fn check(&self, context: &Context, findings: &mut Vec<Finding>) {
        for (c, claim) in context.claims.claims.iter().enumerate() {
            let opinions: Vec<String> = claim
                .attributions
                .iter()
                .filter(|&&a| {
                    let attribution = &context.attributions[a];
                    // The opinion test, which lower-cases the lemma into a new string, last: most
                    // attributions have no anonymous source.
                    attribution.relation.supports()
                        && context.sources.of_attribution[a]
                            .iter()
                            .any(|&s| context.sources.entities[s].is_anonymous_person())
                        && (attribution.kind == AttributionKind::Belief
                            || context
                                .grammar
                                .opinion_cues
                                .contains(&attribution.lemma.to_lowercase()))
                })
                .map(|&a| format!("“{}”", context.attributions[a].lemma))
                .collect();
            if opinions.is_empty() {
                continue;
            }
            let message = format!(
                "an anonymous source gives an opinion ({}): anonymity is for facts",
                opinions.join(", ")
            );
            findings.push(context.claim_finding(self, c, message));
        }
    }
}
