//! The JSON report: one object per document, the contract other tools build on.
//!
//! ```text
//! { "version": 1, "id": string,
//!   "sources": [ { "id", "name", "kind", "named", "role", "affiliation", "knowledge", "mentions": [Span] } ],
//!   "claims": [ { "id", "span", "status", "sources": [source id], "hedged", "withheld_by": [source id] } ],
//!   "attributions": [ { "claim", "source", "source_id", "source_ids", "cue", "content",
//!                       "relation", "kind", "via" } ],
//!   "findings": [ { "rule", "severity", "claim", "span", "message" } ],
//!   "summary": { ... } }
//! Span = { "start", "end", "text" }: UTF-8 byte offsets into the analysed text.
//!        For HTML and Markdown input also "source_start", "source_end": the byte offsets of
//!        the same text in the file as read (see docs/inputs.md).
//! ```

use super::{claim_id, source_id};
use crate::Analysis;
use crate::attribution::{AttributionKind, Relation};
use crate::graph::ClaimStatus;
use crate::markup::SourceMap;
use crate::rules::Severity;
use crate::sources::SourceKind;
use crate::text::Span;
use serde::Serialize;
use std::collections::BTreeMap;

/// The version of this format; it changes when a field changes meaning.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct JsonSpan<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_end: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub version: u32,
    pub id: &'a str,
    pub sources: Vec<JsonSource<'a>>,
    pub claims: Vec<JsonClaim<'a>>,
    pub attributions: Vec<JsonAttribution<'a>>,
    pub findings: Vec<JsonFinding<'a>>,
    pub summary: Summary,
}

#[derive(Debug, Serialize)]
pub struct JsonSource<'a> {
    pub id: String,
    pub name: &'a str,
    pub kind: SourceKind,
    pub named: bool,
    pub role: Option<&'a str>,
    pub affiliation: Option<&'a str>,
    pub knowledge: Option<&'a str>,
    pub mentions: Vec<JsonSpan<'a>>,
}

#[derive(Debug, Serialize)]
pub struct JsonClaim<'a> {
    pub id: String,
    pub span: JsonSpan<'a>,
    pub status: ClaimStatus,
    pub sources: Vec<String>,
    pub hedged: bool,
    pub withheld_by: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct JsonAttribution<'a> {
    pub claim: Option<String>,
    pub source: Option<JsonSpan<'a>>,
    pub source_id: Option<String>,
    pub source_ids: Vec<String>,
    pub cue: JsonSpan<'a>,
    pub content: Option<JsonSpan<'a>>,
    pub relation: Relation,
    pub kind: AttributionKind,
    pub via: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct JsonFinding<'a> {
    pub rule: &'a str,
    pub severity: Severity,
    pub claim: Option<String>,
    pub span: JsonSpan<'a>,
    pub message: &'a str,
}

#[derive(Debug, Serialize, Default)]
pub struct Summary {
    pub claims: usize,
    pub claims_by_status: BTreeMap<&'static str, usize>,
    pub hedged_claims: usize,
    pub sources_by_kind: BTreeMap<&'static str, usize>,
    pub anonymous_sources: usize,
    pub credits: Vec<String>,
    pub findings_by_severity: BTreeMap<&'static str, usize>,
}

impl Summary {
    pub fn of(analysis: &Analysis) -> Summary {
        let mut summary = Summary {
            claims: analysis.claims.claims.len(),
            ..Summary::default()
        };
        for status in [
            ClaimStatus::MultiSource,
            ClaimStatus::SingleSource,
            ClaimStatus::Unsourced,
        ] {
            summary.claims_by_status.insert(
                status.as_str(),
                analysis
                    .graph
                    .support
                    .iter()
                    .filter(|s| s.status == status)
                    .count(),
            );
        }
        summary.hedged_claims = analysis.graph.support.iter().filter(|s| s.hedged).count();
        for source in &analysis.sources.entities {
            *summary
                .sources_by_kind
                .entry(source.kind.as_str())
                .or_default() += 1;
        }
        summary.anonymous_sources = analysis
            .sources
            .entities
            .iter()
            .filter(|s| !s.named)
            .count();
        for (a, attribution) in analysis.attributions.iter().enumerate() {
            if attribution.relation == Relation::Credit {
                for &e in &analysis.sources.of_attribution[a] {
                    let name = analysis.sources.entities[e].name.clone();
                    if !summary.credits.contains(&name) {
                        summary.credits.push(name);
                    }
                }
            }
        }
        for finding in &analysis.findings {
            *summary
                .findings_by_severity
                .entry(finding.severity.as_str())
                .or_default() += 1;
        }
        summary
    }
}

fn json_span<'a>(text: &'a str, map: Option<&SourceMap>, span: Span) -> JsonSpan<'a> {
    let source = map.map(|m| m.to_source(span));
    JsonSpan {
        start: span.start,
        end: span.end,
        text: span.slice(text),
        source_start: source.map(|s| s.start),
        source_end: source.map(|s| s.end),
    }
}

impl<'a> Report<'a> {
    pub fn of(analysis: &'a Analysis) -> Report<'a> {
        Report::of_mapped(analysis, None)
    }

    /// The report of a document read from markup, with its spans' offsets in the source file.
    pub fn of_mapped(analysis: &'a Analysis, map: Option<&SourceMap>) -> Report<'a> {
        let text = analysis.document.text;
        let span = |s: Span| json_span(text, map, s);
        let sources = analysis
            .sources
            .entities
            .iter()
            .enumerate()
            .map(|(i, s)| JsonSource {
                id: source_id(i),
                name: &s.name,
                kind: s.kind,
                named: s.named,
                role: s.role.as_deref(),
                affiliation: s.affiliation.as_deref(),
                knowledge: s.knowledge.as_deref(),
                mentions: s.mentions.iter().map(|&m| span(m)).collect(),
            })
            .collect();
        let claims = analysis
            .claims
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let support = &analysis.graph.support[i];
                JsonClaim {
                    id: claim_id(i),
                    span: span(c.span),
                    status: support.status,
                    sources: support.supporting.iter().map(|&s| source_id(s)).collect(),
                    hedged: support.hedged,
                    withheld_by: support.withholding.iter().map(|&s| source_id(s)).collect(),
                }
            })
            .collect();
        let attributions = analysis
            .attributions
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let ids: Vec<String> = analysis.sources.of_attribution[i]
                    .iter()
                    .map(|&s| source_id(s))
                    .collect();
                JsonAttribution {
                    claim: analysis.claims.of_attribution[i].map(claim_id),
                    source: a.source.map(span),
                    source_id: ids.first().cloned(),
                    source_ids: ids,
                    cue: span(a.cue),
                    content: a.content.map(span),
                    relation: a.relation,
                    kind: a.kind,
                    via: analysis.sources.channel_of_attribution[i].map(source_id),
                }
            })
            .collect();
        let findings = analysis
            .findings
            .iter()
            .map(|f| JsonFinding {
                rule: f.rule,
                severity: f.severity,
                claim: f.claim.map(claim_id),
                span: span(f.span),
                message: &f.message,
            })
            .collect();
        Report {
            version: FORMAT_VERSION,
            id: &analysis.id,
            sources,
            claims,
            attributions,
            findings,
            summary: Summary::of(analysis),
        }
    }
}

/// The report as one line of JSON.
pub fn render_line(analysis: &Analysis) -> String {
    render_line_mapped(analysis, None)
}

/// The report as indented JSON.
pub fn render_pretty(analysis: &Analysis) -> String {
    render_pretty_mapped(analysis, None)
}

/// The report as one line of JSON, with source offsets when the text came from markup.
pub fn render_line_mapped(analysis: &Analysis, map: Option<&SourceMap>) -> String {
    serde_json::to_string(&Report::of_mapped(analysis, map)).expect("reports serialise")
}

/// The report as indented JSON, with source offsets when the text came from markup.
pub fn render_pretty_mapped(analysis: &Analysis, map: Option<&SourceMap>) -> String {
    serde_json::to_string_pretty(&Report::of_mapped(analysis, map)).expect("reports serialise")
}
