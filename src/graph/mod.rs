//! The sourcing graph: claims, sources, channels and hedges as petgraph nodes, with an edge for
//! every attribution. From it each claim gets its independent supporting sources: a channel is
//! not a witness, a denial or a non-confirmation is not support, one entity counts once.

use crate::attribution::{Attribution, Relation};
use crate::claims::Claims;
use crate::sources::Sources;
use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;

/// A node of the sourcing graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    /// The article itself: document-level credits point at it.
    Article,
    Claim(usize),
    Source(usize),
    /// A source entity in its role as the channel others spoke through.
    Channel(usize),
    /// A hedge ("reportedly"), by attribution index: it stands where a source should.
    Hedge(usize),
}

/// An edge: the relation an attribution sets up, or the channel it went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    Relation {
        relation: Relation,
        attribution: usize,
    },
    Via {
        attribution: usize,
    },
}

/// How well a claim is sourced.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    Unsourced,
    SingleSource,
    MultiSource,
}

impl ClaimStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Unsourced => "unsourced",
            ClaimStatus::SingleSource => "single_source",
            ClaimStatus::MultiSource => "multi_source",
        }
    }
}

/// What the graph says about one claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimSupport {
    pub status: ClaimStatus,
    /// Independent supporting sources (entity indices), in order of first mention.
    pub supporting: Vec<usize>,
    /// Sources that deny the claim or decline to confirm it.
    pub withholding: Vec<usize>,
    pub hedged: bool,
}

#[derive(Debug, Clone)]
pub struct SourcingGraph {
    pub graph: DiGraph<Node, Edge>,
    pub article: NodeIndex,
    pub claim_nodes: Vec<NodeIndex>,
    /// The node of each source entity that supports, denies or credits something (an entity
    /// seen only as a channel has none).
    pub source_nodes: Vec<Option<NodeIndex>>,
    pub support: Vec<ClaimSupport>,
}

pub fn build(attributions: &[Attribution], sources: &Sources, claims: &Claims) -> SourcingGraph {
    let mut graph = DiGraph::new();
    let article = graph.add_node(Node::Article);
    let claim_nodes: Vec<NodeIndex> = (0..claims.claims.len())
        .map(|c| graph.add_node(Node::Claim(c)))
        .collect();
    let mut source_nodes: Vec<Option<NodeIndex>> = vec![None; sources.entities.len()];
    let mut channel_nodes: Vec<Option<NodeIndex>> = vec![None; sources.entities.len()];
    // The claims each attribution sources, in claim order.
    let mut claims_of: Vec<Vec<usize>> = vec![Vec::new(); attributions.len()];
    for (c, claim) in claims.claims.iter().enumerate() {
        for &a in &claim.attributions {
            if let Some(of) = claims_of.get_mut(a)
                && of.last() != Some(&c)
            {
                of.push(c);
            }
        }
    }
    for (a, attribution) in attributions.iter().enumerate() {
        let relation = attribution.relation;
        let targets: Vec<NodeIndex> = if relation == Relation::Credit {
            vec![article]
        } else {
            claims_of[a].iter().map(|&c| claim_nodes[c]).collect()
        };
        if sources.of_attribution[a].is_empty() {
            // A hedge stands where a source should; other source-less cues ("asked about …")
            // add nothing to the graph.
            if relation == Relation::Hedge {
                let hedge = graph.add_node(Node::Hedge(a));
                for &t in &targets {
                    graph.add_edge(
                        hedge,
                        t,
                        Edge::Relation {
                            relation,
                            attribution: a,
                        },
                    );
                }
            }
            continue;
        }
        for &entity in &sources.of_attribution[a] {
            let source_node =
                *source_nodes[entity].get_or_insert_with(|| graph.add_node(Node::Source(entity)));
            for &t in &targets {
                graph.add_edge(
                    source_node,
                    t,
                    Edge::Relation {
                        relation,
                        attribution: a,
                    },
                );
            }
            if let Some(channel) = sources.channel_of_attribution[a] {
                let node = *channel_nodes[channel]
                    .get_or_insert_with(|| graph.add_node(Node::Channel(channel)));
                graph.add_edge(source_node, node, Edge::Via { attribution: a });
                for &t in &targets {
                    graph.add_edge(node, t, Edge::Via { attribution: a });
                }
            }
        }
    }
    let support = claim_nodes
        .iter()
        .map(|&node| support_of(&graph, node))
        .collect();
    SourcingGraph {
        graph,
        article,
        claim_nodes,
        source_nodes,
        support,
    }
}

fn support_of(graph: &DiGraph<Node, Edge>, claim: NodeIndex) -> ClaimSupport {
    let mut supporting = Vec::new();
    let mut withholding = Vec::new();
    let mut hedged = false;
    let mut edges: Vec<_> = graph.edges_directed(claim, Direction::Incoming).collect();
    edges.sort_by_key(|e| match e.weight() {
        Edge::Relation { attribution, .. } | Edge::Via { attribution } => *attribution,
    });
    for edge in edges {
        let Edge::Relation { relation, .. } = *edge.weight() else {
            continue;
        };
        match (graph[edge.source()], relation) {
            (Node::Hedge(_), _) => hedged = true,
            (Node::Source(s), r) if r.supports() && !supporting.contains(&s) => {
                supporting.push(s);
            }
            (Node::Source(s), Relation::Denies | Relation::Declines)
                if !withholding.contains(&s) =>
            {
                withholding.push(s);
            }
            _ => {}
        }
    }
    let status = match supporting.len() {
        0 => ClaimStatus::Unsourced,
        1 => ClaimStatus::SingleSource,
        _ => ClaimStatus::MultiSource,
    };
    ClaimSupport {
        status,
        supporting,
        withholding,
        hedged,
    }
}
