//! Diagnostics for a person: each finding as a miette report with the claim, its sources and
//! cues labelled, then a short summary of the document's sourcing.

use super::LineIndex;
use super::json::Summary;
use crate::Analysis;
use crate::rules::{Finding, Label, Severity};
use crate::text::Span;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt::{self, Write};

/// How to draw diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Style {
    /// The fixed style the tests snapshot: no colour, 80 columns.
    pub const PLAIN: Style = Style {
        color: false,
        width: 80,
    };
}

/// The text as miette reads it: only the lines around each span. miette finds line numbers by
/// scanning its source from the start, which would make a report quadratic in the text's length.
#[derive(Debug)]
struct Window<'t> {
    name: &'t str,
    text: &'t str,
    lines: &'t LineIndex<'t>,
}

impl SourceCode for Window<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let start = span.offset();
        let end = start + span.len();
        // One line more each side than asked, so miette sees where the context lines end.
        let (first, last, top) = self.lines.lines_around(start, end, before + 1, after + 1);
        let window: &'a str = self.text.get(first..last).ok_or(MietteError::OutOfBounds)?;
        let local = SourceSpan::new((start - first).into(), span.len());
        let contents = SourceCode::read_span(window, &local, before, after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            contents.data(),
            SourceSpan::new(
                (contents.span().offset() + first).into(),
                contents.span().len(),
            ),
            contents.line() + top,
            contents.column(),
            contents.line_count(),
        )))
    }
}

/// The most bytes of text a finding's lines may span for miette to draw them; past it (a page
/// on one line) the finding is reported without its text.
const MAX_DRAWN_BYTES: usize = 8 * 1024;

#[derive(Debug)]
struct FindingReport<'a> {
    finding: &'a Finding,
    /// The finding's source and cue labels ([`Finding::labels`]).
    labels: Vec<Label>,
    source: Window<'a>,
    /// The 1-based line of the finding, when its lines are too long to draw.
    undrawn_line: Option<usize>,
}

impl fmt::Display for FindingReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingReport<'_> {}

impl Diagnostic for FindingReport<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.finding.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let place = self.undrawn_line.map_or(String::new(), |line| {
            format!(" (at line {line}, too long to draw)")
        });
        Some(Box::new(format!(
            "run `claimgraph explain {}` for what this rule asks{place}",
            self.finding.rule
        )))
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.undrawn_line
            .is_none()
            .then_some(&self.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.undrawn_line.is_some() {
            return None;
        }
        // miette cannot draw overlapping underlines on one line, so the claim is underlined
        // only where its source and cue labels are not.
        let mut fragments = vec![self.finding.span];
        for label in &self.labels {
            fragments = fragments
                .into_iter()
                .flat_map(|f| {
                    if !f.overlaps(label.span) {
                        return vec![f];
                    }
                    let before = Span::new(f.start, label.span.start.max(f.start));
                    let after = Span::new(label.span.end.min(f.end), f.end);
                    [before, after]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .collect();
        }
        let claim = fragments.into_iter().enumerate().map(|(i, f)| {
            let what = if self.finding.claim.is_some() {
                "claim"
            } else {
                "here"
            };
            let text = (i == 0).then(|| what.to_string());
            if i == 0 {
                LabeledSpan::new_primary_with_span(text, f)
            } else {
                LabeledSpan::new_with_span(text, f)
            }
        });
        let rest = self
            .labels
            .iter()
            .map(|l| LabeledSpan::new_with_span(Some(l.text.clone()), l.span));
        Some(Box::new(claim.chain(rest)))
    }
}

/// Renders every finding at or above `min_severity`, then the summary.
pub fn render(analysis: &Analysis, style: Style, min_severity: Severity) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(style.width);
    let text = analysis.document.text;
    let lines = LineIndex::new(text);
    let mut out = String::new();
    for finding in analysis
        .findings
        .iter()
        .filter(|f| f.severity >= min_severity)
    {
        let labels = finding.labels(analysis);
        let spans = || std::iter::once(finding.span).chain(labels.iter().map(|l| l.span));
        let start = spans().map(|s| s.start).min().unwrap_or_default();
        let end = spans().map(|s| s.end).max().unwrap_or_default();
        let drawn = lines.line_end(end) - lines.line_start(start) <= MAX_DRAWN_BYTES;
        let report = FindingReport {
            finding,
            labels,
            source: Window {
                name: &analysis.id,
                text,
                lines: &lines,
            },
            undrawn_line: (!drawn).then(|| lines.line(start)),
        };
        let _ = handler.render_report(&mut out, &report);
        out.push('\n');
    }
    out.push_str(&summary(analysis));
    out
}

/// A few lines on the document's sourcing as a whole.
pub fn summary(analysis: &Analysis) -> String {
    let s = Summary::of(analysis);
    let count = |key: &str| s.claims_by_status.get(key).copied().unwrap_or(0);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} claims: {} multi-source, {} single-source, {} unsourced ({} hedged)",
        analysis.id,
        s.claims,
        count("multi_source"),
        count("single_source"),
        count("unsourced"),
        s.hedged_claims
    );
    let kinds: Vec<String> = s
        .sources_by_kind
        .iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect();
    let _ = writeln!(
        out,
        "  {} sources{}, {} anonymous",
        analysis.sources.entities.len(),
        if kinds.is_empty() {
            String::new()
        } else {
            format!(" ({})", kinds.join(", "))
        },
        s.anonymous_sources
    );
    for (i, source) in analysis.sources.entities.iter().enumerate() {
        let mut about = vec![
            source.kind.as_str().to_string(),
            if source.named {
                "named".into()
            } else {
                "anonymous".into()
            },
        ];
        about.extend(source.role.iter().map(|r| format!("role: {r}")));
        about.extend(
            source
                .affiliation
                .iter()
                .map(|a| format!("affiliation: {a}")),
        );
        about.extend(source.knowledge.iter().map(|k| format!("knowledge: {k}")));
        let _ = writeln!(
            out,
            "    {} {} — {}, {} mention(s)",
            super::source_id(i),
            source.name,
            about.join(", "),
            source.mentions.len()
        );
    }
    if !s.credits.is_empty() {
        let _ = writeln!(out, "  credited to: {}", s.credits.join(", "));
    }
    let findings: Vec<String> = s
        .findings_by_severity
        .iter()
        .rev()
        .map(|(k, n)| format!("{n} {k}"))
        .collect();
    let _ = writeln!(
        out,
        "  findings: {}",
        if findings.is_empty() {
            "none".to_string()
        } else {
            findings.join(", ")
        }
    );
    out
}
