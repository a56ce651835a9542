//! The claim–source graph in Graphviz DOT: `claimgraph check story.txt --format dot | dot -Tsvg`.
//!
//! Claims are boxes filled by status; a source's shape says its kind (person ellipse,
//! organisation house, outlet cylinder, group double octagon, document note); an anonymous
//! source is dashed and labelled "(anonymous)"; an edge's style says its relation (says solid,
//! reports blue, confirms bold green, denies and declines dashed red, hedges dotted, credits bold
//! with an open arrowhead, channels dashed grey "via").

use super::{claim_id, source_id};
use crate::Analysis;
use crate::attribution::Relation;
use crate::graph::{ClaimStatus, Edge, Node};
use crate::sources::SourceKind;
use petgraph::visit::EdgeRef;
use std::fmt::Write;

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace(['\n', '\r'], " ")
}

fn excerpt(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    format!("{}…", cut.trim_end())
}

pub fn render(analysis: &Analysis) -> String {
    let g = &analysis.graph.graph;
    let text = analysis.document.text;
    let mut out = String::new();
    let _ = writeln!(out, "digraph \"{}\" {{", escape(&analysis.id));
    let _ = writeln!(
        out,
        "  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];"
    );
    for node in g.node_indices() {
        let line = match g[node] {
            Node::Article => format!(
                "article [label=\"{}\", shape=folder];",
                escape(&analysis.id)
            ),
            Node::Claim(c) => {
                let claim = &analysis.claims.claims[c];
                let status = analysis.graph.support[c].status;
                let fill = match status {
                    ClaimStatus::MultiSource => "#d9f2d9",
                    ClaimStatus::SingleSource => "#fff2cc",
                    ClaimStatus::Unsourced => "#f8d7da",
                };
                format!(
                    "{} [label=\"{}: {}\\n({})\", shape=box, style=filled, fillcolor=\"{fill}\"];",
                    claim_id(c),
                    claim_id(c),
                    escape(&excerpt(claim.span.slice(text), 60)),
                    status.as_str()
                )
            }
            Node::Source(s) | Node::Channel(s) => {
                let source = &analysis.sources.entities[s];
                let shape = match source.kind {
                    SourceKind::Person => "ellipse",
                    SourceKind::Organization => "house",
                    SourceKind::Outlet => "cylinder",
                    SourceKind::Group => "doubleoctagon",
                    SourceKind::Document => "note",
                    SourceKind::Unknown => "egg",
                };
                let style = if source.named { "solid" } else { "dashed" };
                let anonymous = if source.named { "" } else { "\\n(anonymous)" };
                if let Node::Channel(_) = g[node] {
                    format!(
                        "channel_{} [label=\"{} (channel){anonymous}\", shape={shape}, style={style}];",
                        source_id(s),
                        escape(&source.name)
                    )
                } else {
                    format!(
                        "{} [label=\"{}{anonymous}\", shape={shape}, style={style}];",
                        source_id(s),
                        escape(&source.name)
                    )
                }
            }
            Node::Hedge(a) => {
                let cue = analysis.attributions[a].cue.slice(text);
                format!(
                    "hedge_{} [label=\"hedge: {}\", shape=plaintext, fontcolor=\"#7a4b00\"];",
                    a + 1,
                    escape(cue)
                )
            }
        };
        let _ = writeln!(out, "  {line}");
    }
    let name = |node| match g[node] {
        Node::Article => "article".to_string(),
        Node::Claim(c) => claim_id(c),
        Node::Source(s) => source_id(s),
        Node::Channel(s) => format!("channel_{}", source_id(s)),
        Node::Hedge(a) => format!("hedge_{}", a + 1),
    };
    for edge in g.edge_references() {
        let (label, style) = match *edge.weight() {
            Edge::Relation { relation, .. } => {
                let style = match relation {
                    Relation::Says => "solid",
                    Relation::Reports => "solid, color=\"#1f3a5f\"",
                    Relation::Confirms => "bold, color=\"#2e7d32\"",
                    Relation::Denies | Relation::Declines => "dashed, color=\"#b00020\"",
                    Relation::Hedge => "dotted",
                    Relation::Credit => "bold, arrowhead=empty",
                };
                (relation.as_str(), style)
            }
            Edge::Via { .. } => ("via", "dashed, color=\"#555555\""),
        };
        let _ = writeln!(
            out,
            "  {} -> {} [label=\"{label}\", style={style}];",
            name(edge.source()),
            name(edge.target())
        );
    }
    out.push_str("}\n");
    out
}
