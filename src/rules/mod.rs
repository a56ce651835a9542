//! Rules: findings about a document's sourcing, read from the graph and the claims only
//! (a rule never re-parses text). One file per rule; its doc comment is its documentation.

mod anonymous_first_quote;
mod anonymous_only_claim;
mod anonymous_opinion;
mod hedge_without_source;
mod invalid_suppression;
mod non_confirmation_as_support;
mod secondhand_only;
mod single_source_claim;
mod source_count_mismatch;
mod unsourced_claim;
mod vague_anonymous_source;
mod weasel_attribution;

use crate::analysis::Analysis;
use crate::attribution::Attribution;
use crate::claims::Claims;
use crate::grammar::Grammar;
use crate::graph::SourcingGraph;
use crate::sources::{SourceKind, Sources};
use crate::text::{Directive, DirectiveKind, Span};
use serde::Serialize;
use std::collections::BTreeMap;

/// How serious a finding is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    clap::ValueEnum,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A labelled span a finding points at, besides its main span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub text: String,
}

/// One breach of the sourcing policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub claim: Option<usize>,
    pub span: Span,
    pub message: String,
}

impl Finding {
    /// The spans the finding points at besides its own: a claim's source mentions and cues
    /// ([`sourcing_labels`]), none for a finding on no claim.
    ///
    /// Built on demand rather than with the finding: only the human report shows them, and the
    /// formats a batch writes would build and drop them for every finding.
    pub fn labels(&self, analysis: &Analysis) -> Vec<Label> {
        self.claim.map_or_else(Vec::new, |claim| {
            sourcing_labels(
                &analysis.attributions,
                &analysis.sources,
                &analysis.claims,
                claim,
            )
        })
    }
}

/// Labels for the sourcing of a claim: each attribution's source mention and cue.
pub fn sourcing_labels(
    attributions: &[Attribution],
    sources: &Sources,
    claims: &Claims,
    claim: usize,
) -> Vec<Label> {
    let mut labels: Vec<Label> = Vec::new();
    for &a in &claims.claims[claim].attributions {
        let attribution = &attributions[a];
        if let Some(source) = attribution.source {
            // "source: A + B", built in one string.
            let mut text = String::from("source: ");
            for (i, &e) in sources.of_attribution[a].iter().enumerate() {
                if i > 0 {
                    text.push_str(" + ");
                }
                text.push_str(&sources.entities[e].name);
            }
            // Two cues of one speaker ("described …, underscoring …") share the mention.
            if !labels.iter().any(|l| l.span == source && l.text == text) {
                labels.push(Label { span: source, text });
            }
        }
        labels.push(Label {
            span: attribution.cue,
            text: format!("cue ({})", attribution.relation.as_str()),
        });
    }
    labels
}

/// What the rules may read: the products of the earlier stages, never the text itself.
pub struct Context<'a> {
    pub attributions: &'a [Attribution],
    pub sources: &'a Sources,
    pub claims: &'a Claims,
    pub graph: &'a SourcingGraph,
    /// For vocabulary look-ups (a cue's lemma in `grammar/opinion.toml`), not for parsing.
    pub grammar: &'a Grammar,
    /// The document's directive comments, scoped to what follows them.
    pub directives: &'a [Directive],
    pub policy: &'a Policy,
}

/// The sourcing policy the rules apply: thresholds, outlets, and each rule's severity. The
/// defaults are claimgraph's; `claimgraph.toml` changes them (see [`crate::cli`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// Independent sources a claim needs; fewer is a `single-source-claim`.
    pub sources_required: usize,
    /// Whether anonymous sources count towards `sources_required`.
    pub anonymous_sources_count: bool,
    /// Anonymous sources (people, as the text counts them: "two officials" is two) a claim
    /// resting only on anonymous sources needs.
    pub anonymous_sources_required: usize,
    /// Outlets whose report is enough: `secondhand-only` does not flag a claim they support.
    pub trusted_outlets: Vec<String>,
    /// Outlets whose report counts as no support at all.
    pub untrusted_outlets: Vec<String>,
    /// Rules whose severity the policy sets, by id; `None` turns the rule off.
    pub severities: BTreeMap<String, Option<Severity>>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            sources_required: 2,
            anonymous_sources_count: true,
            anonymous_sources_required: 2,
            trusted_outlets: Vec::new(),
            untrusted_outlets: Vec::new(),
            severities: BTreeMap::new(),
        }
    }
}

impl Policy {
    /// The severity a rule reports at under this policy; `None` when it is off.
    pub fn severity(&self, rule: &dyn Rule) -> Option<Severity> {
        self.severities
            .get(rule.id())
            .copied()
            .unwrap_or(Some(rule.default_severity()))
    }

    fn listed(list: &[String], name: &str) -> bool {
        list.iter().any(|o| o.eq_ignore_ascii_case(name))
    }

    pub fn is_trusted_outlet(&self, name: &str) -> bool {
        Self::listed(&self.trusted_outlets, name)
    }

    pub fn is_untrusted_outlet(&self, name: &str) -> bool {
        Self::listed(&self.untrusted_outlets, name)
    }
}

/// Declares a rule's struct so that its doc comment is also its `explain` text.
macro_rules! rule_doc {
    ($(#[doc = $doc:literal])* pub struct $name:ident;) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            /// The doc comment above, as `claimgraph explain` prints it.
            pub const DOC: &'static str = concat!($($doc, "\n"),*);
        }
    };
}
pub(crate) use rule_doc;

/// A rule: a stable id, a default severity, and a check.
pub trait Rule: Sync {
    fn id(&self) -> &'static str;
    /// The rule's documentation: its doc comment.
    fn explanation(&self) -> &'static str;
    fn default_severity(&self) -> Severity;
    /// One line saying what the rule flags.
    fn summary(&self) -> &'static str;
    fn check(&self, context: &Context, findings: &mut Vec<Finding>);
}

/// Every rule, sorted by id so output order is stable.
pub static RULES: &[&dyn Rule] = &[
    &anonymous_first_quote::AnonymousFirstQuote,
    &anonymous_only_claim::AnonymousOnlyClaim,
    &anonymous_opinion::AnonymousOpinion,
    &hedge_without_source::HedgeWithoutSource,
    &invalid_suppression::InvalidSuppression,
    &non_confirmation_as_support::NonConfirmationAsSupport,
    &secondhand_only::SecondhandOnly,
    &single_source_claim::SingleSourceClaim,
    &source_count_mismatch::SourceCountMismatch,
    &unsourced_claim::UnsourcedClaim,
    &vague_anonymous_source::VagueAnonymousSource,
    &weasel_attribution::WeaselAttribution,
];

/// A rule's documentation page: its doc comment under a title, with its default severity and
/// how to silence it. `claimgraph explain` prints it; `docs/rules/RULE.md` is this text
/// (`tests/rule_docs.rs` fails when a page is stale; `UPDATE_DOCS=1` rewrites them).
pub fn page(rule: &dyn Rule) -> String {
    let id = rule.id();
    let doc = rule.explanation().replace("\n ", "\n");
    let mut out = format!(
        "# {id}\n\nDefault severity: `{}`. Flags {}.\n\n{}\n",
        rule.default_severity().as_str(),
        rule.summary(),
        doc.trim()
    );
    out.push_str(&format!(
        "\n## Configuration\n\nSet the rule's severity, or turn it off, in `claimgraph.toml`:\n\n```toml\n[rules]\n{id} = \"off\"   # or \"info\", \"warning\", \"error\"\n```\n"
    ));
    if id != invalid_suppression::ID {
        out.push_str(&format!(
            "\nSilence it for one paragraph of an article, with a reason, on a line of its own before the paragraph:\n\n```markdown\n<!-- claimgraph: allow {id} -- REASON -->\n```\n"
        ));
    }
    out
}

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|r| r.id() == id)
}

/// Runs every rule the policy leaves on, at the severity it sets, and drops the findings an
/// `allow` directive with a reason silences; findings come out in text order, then by rule id.
pub fn check(context: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in RULES {
        let Some(severity) = context.policy.severity(*rule) else {
            continue;
        };
        let start = findings.len();
        rule.check(context, &mut findings);
        for finding in &mut findings[start..] {
            finding.severity = severity;
        }
    }
    findings.retain(|f| !context.suppressed(f));
    // By offset, then by rule id: a stable sort by offset keeps the findings at one offset in
    // the order they were pushed, which is that of RULES, sorted by id (no string compared).
    findings.sort_by_key(|f| f.span.start);
    findings
}

impl Context<'_> {
    /// Whether a well-formed `allow` directive silences this finding.
    fn suppressed(&self, finding: &Finding) -> bool {
        self.directives.iter().any(|d| match &d.kind {
            DirectiveKind::Allow {
                rule,
                reason: Some(_),
            } => {
                rule == finding.rule
                    && finding.rule != invalid_suppression::ID
                    && d.paragraph.is_some_and(|p| p.overlaps(finding.span))
            }
            _ => false,
        })
    }

    /// A claim's independent supporting sources, less any untrusted outlet.
    pub fn independent(&self, claim: usize) -> Vec<usize> {
        let supporting = &self.graph.support[claim].supporting;
        // Most claims have no source: every rule asks, and an empty list is told inline.
        if supporting.is_empty() {
            return Vec::new();
        }
        supporting
            .iter()
            .copied()
            .filter(|&s| {
                let source = &self.sources.entities[s];
                !(source.kind == SourceKind::Outlet
                    && self.policy.is_untrusted_outlet(&source.name))
            })
            .collect()
    }

    /// A finding on a whole claim, at the rule's default severity ([`check`] applies the
    /// policy's); [`Finding::labels`] gives its sourcing.
    pub fn claim_finding(&self, rule: &dyn Rule, claim: usize, message: String) -> Finding {
        Finding {
            rule: rule.id(),
            severity: rule.default_severity(),
            claim: Some(claim),
            span: self.claims.claims[claim].span,
            message,
        }
    }

    pub fn source_names(&self, entities: &[usize]) -> String {
        entities
            .iter()
            .map(|&e| self.sources.entities[e].name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}
