//! The claim–source graph as SVG, laid out in Rust by layout-rs (no external `dot`). The node
//! shape follows the source kind, the line style the relation, as in the DOT output.

use super::claim_id;
use crate::Analysis;
use crate::attribution::Relation;
use crate::graph::{ClaimStatus, Edge, Node};
use crate::sources::SourceKind;
use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::render::get_shape_size;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use petgraph::visit::EdgeRef;

const FONT_SIZE: usize = 16;
const ORIENTATION: Orientation = Orientation::LeftToRight;

fn look(line: u32, fill: u32) -> StyleAttr {
    StyleAttr::new(Color::new(line), 2, Some(Color::new(fill)), 0, FONT_SIZE)
}

/// Status fills, the same hues as the page's highlights (RGBA).
fn status_fill(status: ClaimStatus) -> u32 {
    match status {
        ClaimStatus::MultiSource => 0xcfeecfff,
        ClaimStatus::SingleSource => 0xfff0b3ff,
        ClaimStatus::Unsourced => 0xf8d0d5ff,
    }
}

/// layout-rs takes seconds beyond this many nodes (its crossing minimisation grows fast); a
/// graph that big is no longer readable on a page anyway.
pub const MAX_NODES: usize = 150;

/// Why the graph was not drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotDrawn {
    /// No claim has a source or a hedge.
    Empty,
    /// More nodes than [`MAX_NODES`].
    TooLarge { nodes: usize },
    /// layout-rs failed on this graph (it asserts on some shapes; found by fuzzing).
    LayoutFailed,
}

/// The graph as an `<svg>` element.
pub fn render(analysis: &Analysis) -> Result<String, NotDrawn> {
    let g = &analysis.graph.graph;
    if g.edge_count() == 0 {
        return Err(NotDrawn::Empty);
    }
    let drawn = g
        .node_indices()
        .filter(|&n| g.neighbors_undirected(n).next().is_some())
        .count();
    if drawn > MAX_NODES {
        return Err(NotDrawn::TooLarge { nodes: drawn });
    }
    let mut visual = VisualGraph::new(ORIENTATION);
    // A claim nothing points at is drawn as a lone box that only adds height: the article
    // highlights it already.
    let mut handles = vec![None; g.node_count()];
    for node in g.node_indices() {
        if g.neighbors_undirected(node).next().is_none() {
            continue;
        }
        let (label, shape_of, style, class): (String, fn(&str) -> ShapeKind, StyleAttr, &str) =
            match g[node] {
                Node::Article => (
                    "article".to_string(),
                    ShapeKind::new_box,
                    look(0x333333ff, 0xffffffff),
                    "article",
                ),
                Node::Claim(c) => {
                    let status = analysis.graph.support[c].status;
                    let badge = match status {
                        ClaimStatus::MultiSource => "multi",
                        ClaimStatus::SingleSource => "single",
                        ClaimStatus::Unsourced => "none",
                    };
                    (
                        format!("{} {badge}", claim_id(c)),
                        ShapeKind::new_box,
                        look(0x333333ff, status_fill(status)),
                        "claim",
                    )
                }
                Node::Source(s) | Node::Channel(s) => {
                    let source = &analysis.sources.entities[s];
                    let mut label = source.name.clone();
                    if let Node::Channel(_) = g[node] {
                        label.push_str(" (channel)");
                    } else if !source.named {
                        label.push_str(" (anonymous)");
                    }
                    let shape: fn(&str) -> ShapeKind = match source.kind {
                        SourceKind::Person | SourceKind::Unknown => ShapeKind::new_circle,
                        SourceKind::Group => ShapeKind::new_double_circle,
                        SourceKind::Organization | SourceKind::Outlet | SourceKind::Document => {
                            ShapeKind::new_box
                        }
                    };
                    let class = if source.named {
                        "source"
                    } else {
                        "source anonymous"
                    };
                    (label, shape, look(0x1f3a5fff, 0xeef3faff), class)
                }
                Node::Hedge(a) => {
                    let cue = analysis.attributions[a].cue.slice(analysis.document.text);
                    (
                        format!("hedge: {cue}"),
                        ShapeKind::new_box,
                        look(0x7a4b00ff, 0xfff8e6ff),
                        "hedge",
                    )
                }
            };
        let shape = shape_of(&label);
        let size = get_shape_size(ORIENTATION, &shape, FONT_SIZE, false);
        let element = Element::create_with_properties(
            shape,
            style,
            ORIENTATION,
            size,
            format!("class=\"node {class}\""),
        );
        handles[node.index()] = Some(visual.add_node(element));
    }
    for edge in g.edge_references() {
        let (label, line, color) = match *edge.weight() {
            Edge::Relation { relation, .. } => {
                let (line, color) = match relation {
                    Relation::Denies | Relation::Declines => (LineStyleKind::Dashed, 0xb00020ff),
                    Relation::Hedge => (LineStyleKind::Dotted, 0x7a4b00ff),
                    Relation::Confirms => (LineStyleKind::Normal, 0x2e7d32ff),
                    Relation::Reports => (LineStyleKind::Normal, 0x1f3a5fff),
                    Relation::Says | Relation::Credit => (LineStyleKind::Normal, 0x333333ff),
                };
                // "says" is most edges: leaving it unlabelled keeps the other relations readable.
                let label = if relation == Relation::Says {
                    ""
                } else {
                    relation.as_str()
                };
                (label, line, color)
            }
            Edge::Via { .. } => ("via", LineStyleKind::Dashed, 0x777777ff),
        };
        let style = StyleAttr::new(Color::new(color), 2, None, 0, FONT_SIZE - 2);
        let arrow = Arrow::new(
            LineEndKind::None,
            LineEndKind::Arrow,
            line,
            label,
            &style,
            &None,
            &None,
        );
        if let (Some(from), Some(to)) = (
            handles[edge.source().index()],
            handles[edge.target().index()],
        ) {
            visual.add_edge(arrow, from, to);
        }
    }
    // layout-rs panics on some graphs ("assertion failed: loc.x >= leftmost"): a report
    // without the drawing is better than no report.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let mut svg = SVGWriter::new();
        visual.do_it(false, false, false, &mut svg);
        font_styles_in_order(svg.finalize())
    }))
    .map_err(|_| NotDrawn::LayoutFailed)
}

/// The SVG with its `<style>` rules sorted. layout-rs writes one rule per font size from a
/// `HashMap`, so their order changed from run to run and so did the report's bytes; the rules
/// are independent, so sorting them changes nothing a browser draws.
fn font_styles_in_order(svg: String) -> String {
    let Some(open) = svg.find("<style>\n") else {
        return svg;
    };
    let rules_start = open + "<style>\n".len();
    let Some(rules_len) = svg[rules_start..].find("</style>") else {
        return svg;
    };
    let rules_end = rules_start + rules_len;
    let mut rules: Vec<&str> = svg[rules_start..rules_end].lines().collect();
    rules.sort_unstable();
    let mut sorted = String::with_capacity(svg.len());
    sorted.push_str(&svg[..rules_start]);
    for rule in rules {
        sorted.push_str(rule);
        sorted.push('\n');
    }
    sorted.push_str(&svg[rules_end..]);
    sorted
}

#[cfg(test)]
mod tests {
    use super::font_styles_in_order;

    #[test]
    fn style_rules_come_out_in_one_order_whatever_order_they_went_in() {
        let svg = |rules: &str| format!("<svg>\n<style>\n{rules}</style>\n<g/></svg>");
        let a = font_styles_in_order(svg(
            ".a16 { font-size: 16px; }\n.a14 { font-size: 14px; }\n",
        ));
        let b = font_styles_in_order(svg(
            ".a14 { font-size: 14px; }\n.a16 { font-size: 16px; }\n",
        ));
        assert_eq!(a, b);
        assert_eq!(
            a,
            svg(".a14 { font-size: 14px; }\n.a16 { font-size: 16px; }\n")
        );
        assert_eq!(font_styles_in_order("<svg/>".into()), "<svg/>");
    }
}
