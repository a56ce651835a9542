//! The whole pipeline on one text: text model → attributions → sources → claims → graph → rules.

use crate::attribution::{self, Attribution};
use crate::claims::{self, Claims};
use crate::grammar::Grammar;
use crate::graph::{self, SourcingGraph};
use crate::rules::{self, Finding, Policy};
use crate::sources::{self, Sources};
use crate::text::{Directive, Document, Prepared};

/// Everything claimgraph found in one document. Reporters only read it.
#[derive(Debug, Clone)]
pub struct Analysis<'t> {
    /// The path, "-" for standard input, or the id of a JSONL line.
    pub id: String,
    pub document: Document<'t>,
    pub attributions: Vec<Attribution>,
    pub sources: Sources,
    pub claims: Claims,
    pub graph: SourcingGraph,
    /// The directive comments of the text (suppressions, expectations), scoped.
    pub directives: Vec<Directive>,
    pub findings: Vec<Finding>,
}

/// Analyses one text.
///
/// ```
/// use claimgraph::{analyze, grammar::Grammar, rules::Policy};
/// let grammar = Grammar::builtin();
/// let analysis = analyze("story.txt", "The mayor said the bridge will reopen.", &grammar, &Policy::default());
/// assert_eq!(analysis.attributions.len(), 1);
/// assert_eq!(analysis.sources.entities[0].name, "mayor");
/// ```
pub fn analyze<'t>(id: &str, text: &'t str, grammar: &Grammar, policy: &Policy) -> Analysis<'t> {
    run(id, text, Vec::new(), grammar, policy)
}

/// Analyses a text whose directive comments were blanked by [`crate::text::prepare`]; its
/// `allow` directives silence findings and are checked themselves.
///
/// ```
/// use claimgraph::{analyze_prepared, grammar::Grammar, rules::Policy, text::prepare};
/// let prepared = prepare("<!-- claimgraph: allow unsourced-claim -- the reporter saw it -->\nThe bridge fell.\n");
/// let analysis = analyze_prepared("story.md", &prepared, &Grammar::builtin(), &Policy::default());
/// assert!(analysis.findings.is_empty());
/// ```
pub fn analyze_prepared<'t>(
    id: &str,
    prepared: &'t Prepared,
    grammar: &Grammar,
    policy: &Policy,
) -> Analysis<'t> {
    run(
        id,
        &prepared.text,
        prepared.directives.clone(),
        grammar,
        policy,
    )
}

/// A panic inside the pipeline on one document, caught so that it cannot take down a batch.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{id}: claimgraph failed while analysing this document: {message}")]
#[diagnostic(
    code(claimgraph::internal_error),
    help("this is a bug in claimgraph; please report it with the document that caused it")
)]
pub struct AnalysisPanic {
    pub id: String,
    /// The panic's message.
    pub message: String,
}

/// [`analyze_prepared`], with a panic turned into an error for this document alone: the last
/// line of defence for a batch (every panic found is also fixed at its root).
///
/// ```
/// use claimgraph::{analyze_guarded, grammar::Grammar, rules::Policy, text::prepare};
/// let prepared = prepare("The mayor said the bridge will reopen.");
/// let analysis = analyze_guarded("story.txt", &prepared, &Grammar::builtin(), &Policy::default());
/// assert_eq!(analysis.unwrap().attributions.len(), 1);
/// ```
pub fn analyze_guarded<'t>(
    id: &str,
    prepared: &'t Prepared,
    grammar: &Grammar,
    policy: &Policy,
) -> Result<Analysis<'t>, AnalysisPanic> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        analyze_prepared(id, prepared, grammar, policy)
    }))
    .map_err(|payload| AnalysisPanic {
        id: id.to_string(),
        message: payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "an unknown panic".to_string()),
    })
}

fn run<'t>(
    id: &str,
    text: &'t str,
    mut directives: Vec<Directive>,
    grammar: &Grammar,
    policy: &Policy,
) -> Analysis<'t> {
    let mut document = Document::new(text);
    document.classify(grammar);
    document.scope(&mut directives);
    let attributions = attribution::parse(&document, grammar);
    let sources = sources::resolve(&document, grammar, &attributions);
    let claims = claims::segment(&document, grammar, &attributions);
    let graph = graph::build(&attributions, &sources, &claims);
    let findings = rules::check(&rules::Context {
        attributions: &attributions,
        sources: &sources,
        claims: &claims,
        graph: &graph,
        grammar,
        directives: &directives,
        policy,
    });
    Analysis {
        id: id.to_string(),
        document,
        attributions,
        sources,
        claims,
        graph,
        directives,
        findings,
    }
}
