//! SARIF 2.1.0 for code-scanning tools: one run per document, one result per finding, the rule
//! metadata from the catalogue. Columns and character offsets count Unicode code points
//! (`columnKind: unicodeCodePoints`), lines and columns start at 1.

use super::LineIndex;
use crate::Analysis;
use crate::rules::{RULES, Severity};
use crate::text::Span;
use serde_sarif::sarif;

fn level(severity: Severity) -> sarif::ResultLevel {
    match severity {
        Severity::Error => sarif::ResultLevel::Error,
        Severity::Warning => sarif::ResultLevel::Warning,
        Severity::Info => sarif::ResultLevel::Note,
    }
}

/// A place in the text as SARIF counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Position {
    line: i64,
    column: i64,
    char_offset: i64,
}

fn position(lines: &LineIndex, byte: usize) -> Position {
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    Position {
        line: count(lines.line(byte)),
        column: count(lines.column(byte)),
        char_offset: count(lines.chars_before(byte)),
    }
}

fn region(lines: &LineIndex, span: Span) -> sarif::Region {
    let start = position(lines, span.start);
    let end = position(lines, span.end);
    sarif::Region::builder()
        .start_line(start.line)
        .start_column(start.column)
        .end_line(end.line)
        .end_column(end.column)
        .char_offset(start.char_offset)
        .char_length(end.char_offset - start.char_offset)
        .build()
}

/// The document id as a URI reference: a relative path with unsafe bytes percent-encoded.
fn artifact_uri(id: &str) -> String {
    if id == "-" {
        return "stdin".to_string();
    }
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(byte))
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

pub fn log(analysis: &Analysis) -> sarif::Sarif {
    let lines = LineIndex::new(analysis.document.text);
    let rules: Vec<sarif::ReportingDescriptor> = RULES
        .iter()
        .map(|rule| {
            let explanation = rule.explanation().replace("\n ", "\n");
            let explanation = explanation.trim();
            sarif::ReportingDescriptor::builder()
                .id(rule.id())
                .name(rule.id())
                .short_description(
                    sarif::MultiformatMessageString::builder()
                        .text(rule.summary())
                        .build(),
                )
                .full_description(
                    sarif::MultiformatMessageString::builder()
                        .text(explanation)
                        .markdown(explanation)
                        .build(),
                )
                .default_configuration(
                    sarif::ReportingConfiguration::builder()
                        .level(level(rule.default_severity()).to_string())
                        .build(),
                )
                .build()
        })
        .collect();
    let results: Vec<sarif::Result> = analysis
        .findings
        .iter()
        .map(|finding| {
            let mut result = sarif::Result::builder()
                .rule_id(finding.rule)
                .message(finding.message.as_str())
                .level(level(finding.severity))
                .locations(vec![
                    sarif::Location::builder()
                        .physical_location(
                            sarif::PhysicalLocation::builder()
                                .artifact_location(
                                    sarif::ArtifactLocation::builder()
                                        .uri(artifact_uri(&analysis.id))
                                        .build(),
                                )
                                .region(region(&lines, finding.span))
                                .build(),
                        )
                        .build(),
                ])
                .build();
            result.rule_index = RULES
                .iter()
                .position(|r| r.id() == finding.rule)
                .and_then(|i| i64::try_from(i).ok());
            result
        })
        .collect();
    let driver = sarif::ToolComponent::builder()
        .name("claimgraph")
        .version(env!("CARGO_PKG_VERSION"))
        .rules(rules)
        .build();
    let run = sarif::Run::builder()
        .tool(sarif::Tool::builder().driver(driver).build())
        .column_kind("unicodeCodePoints")
        .results(results)
        .build();
    sarif::Sarif::builder()
        .schema(sarif::SCHEMA_URL)
        .version(sarif::Version::V2_1_0.to_string())
        .runs(vec![run])
        .build()
}

/// The log as indented JSON.
pub fn render_pretty(analysis: &Analysis) -> String {
    serde_json::to_string_pretty(&log(analysis)).expect("SARIF logs serialise")
}

/// The log as one line of JSON (one log per document with several documents).
pub fn render_line(analysis: &Analysis) -> String {
    serde_json::to_string(&log(analysis)).expect("SARIF logs serialise")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_code_points_from_one() {
        let text = "ab\n“é” x";
        // "x" is on line 2, after “, é, ” and a space: column 5; 7 code points precede it.
        let x = text.find('x').unwrap_or_default();
        assert_eq!(
            position(&LineIndex::new(text), x),
            Position {
                line: 2,
                column: 5,
                char_offset: 7
            }
        );
        assert_eq!(
            position(&LineIndex::new(text), 0),
            Position {
                line: 1,
                column: 1,
                char_offset: 0
            }
        );
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(artifact_uri("news/a b#1.txt"), "news/a%20b%231.txt");
        assert_eq!(artifact_uri("-"), "stdin");
    }
}
