//! Corpus statistics: sourcing figures over many documents, from each document's analysis.
//!
//! [`DocumentStats::of`] reads one [`Analysis`] (graph support, sources, attributions; never
//! the text), [`CorpusStats`] adds them up in input order, and renders a table, JSON or CSV.

use crate::Analysis;
use crate::graph::{ClaimStatus, Node};
use crate::sources::SourceKind;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The output formats of `claimgraph stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsFormat {
    Table,
    Json,
    Csv,
}

/// What one document adds to the corpus figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentStats {
    pub words: usize,
    pub claims_by_status: BTreeMap<&'static str, usize>,
    /// Claims whose every supporting source is anonymous (and that have at least one).
    pub anonymous_only_claims: usize,
    pub sources_by_kind: BTreeMap<&'static str, usize>,
    pub hedges: usize,
    /// Attributions to each named outlet and person, by name.
    pub outlets: BTreeMap<String, usize>,
    pub people: BTreeMap<String, usize>,
}

impl DocumentStats {
    pub fn of(analysis: &Analysis) -> DocumentStats {
        let mut stats = DocumentStats {
            words: analysis
                .document
                .tokens
                .iter()
                .filter(|t| t.is_word())
                .count(),
            ..DocumentStats::default()
        };
        let entities = &analysis.sources.entities;
        for support in &analysis.graph.support {
            *stats
                .claims_by_status
                .entry(support.status.as_str())
                .or_default() += 1;
            if support.status != ClaimStatus::Unsourced
                && support.supporting.iter().all(|&s| !entities[s].named)
            {
                stats.anonymous_only_claims += 1;
            }
        }
        for source in entities {
            *stats
                .sources_by_kind
                .entry(source.kind.as_str())
                .or_default() += 1;
        }
        stats.hedges = analysis
            .graph
            .graph
            .node_weights()
            .filter(|n| matches!(n, Node::Hedge(_)))
            .count();
        for cited in &analysis.sources.of_attribution {
            for &e in cited {
                let source = &entities[e];
                let tally = match source.kind {
                    SourceKind::Outlet => &mut stats.outlets,
                    SourceKind::Person if source.named => &mut stats.people,
                    _ => continue,
                };
                *tally.entry(source.name.clone()).or_default() += 1;
            }
        }
        stats
    }
}

/// Figures over every document added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusStats {
    pub documents: usize,
    pub totals: DocumentStats,
}

#[derive(Serialize)]
struct Cited<'a> {
    name: &'a str,
    attributions: usize,
}

#[derive(Serialize)]
struct JsonStats<'a> {
    documents: usize,
    words: usize,
    claims: usize,
    claims_by_status: &'a BTreeMap<&'static str, usize>,
    anonymous_only_claims: usize,
    anonymous_only_share: f64,
    sources_by_kind: &'a BTreeMap<&'static str, usize>,
    hedges: usize,
    hedges_per_1000_words: f64,
    top_outlets: Vec<Cited<'a>>,
    top_people: Vec<Cited<'a>>,
}

fn add_all<K: Ord + Clone>(into: &mut BTreeMap<K, usize>, from: BTreeMap<K, usize>) {
    for (k, n) in from {
        *into.entry(k).or_default() += n;
    }
}

/// The `n` most cited, most first, ties by name.
fn top(cited: &BTreeMap<String, usize>, n: usize) -> Vec<Cited<'_>> {
    let mut all: Vec<Cited> = cited
        .iter()
        .map(|(name, &attributions)| Cited { name, attributions })
        .collect();
    all.sort_by(|a, b| b.attributions.cmp(&a.attributions).then(a.name.cmp(b.name)));
    all.truncate(n);
    all
}

impl CorpusStats {
    pub fn add(&mut self, document: DocumentStats) {
        self.documents += 1;
        let t = &mut self.totals;
        t.words += document.words;
        t.anonymous_only_claims += document.anonymous_only_claims;
        t.hedges += document.hedges;
        add_all(&mut t.claims_by_status, document.claims_by_status);
        add_all(&mut t.sources_by_kind, document.sources_by_kind);
        add_all(&mut t.outlets, document.outlets);
        add_all(&mut t.people, document.people);
    }

    fn summary(&self, n: usize) -> JsonStats<'_> {
        let t = &self.totals;
        let claims: usize = t.claims_by_status.values().sum();
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        JsonStats {
            documents: self.documents,
            words: t.words,
            claims,
            claims_by_status: &t.claims_by_status,
            anonymous_only_claims: t.anonymous_only_claims,
            anonymous_only_share: ratio(t.anonymous_only_claims, claims),
            sources_by_kind: &t.sources_by_kind,
            hedges: t.hedges,
            hedges_per_1000_words: 1000.0 * ratio(t.hedges, t.words),
            top_outlets: top(&t.outlets, n),
            top_people: top(&t.people, n),
        }
    }

    /// The figures with the `n` most-cited outlets and people.
    ///
    /// ```
    /// use claimgraph::report::stats::{CorpusStats, DocumentStats, StatsFormat};
    /// let grammar = claimgraph::grammar::Grammar::builtin();
    /// let policy = claimgraph::rules::Policy::default();
    /// let analysis = claimgraph::analyze("a", "Reuters reported the port reopened.", &grammar, &policy);
    /// let mut corpus = CorpusStats::default();
    /// corpus.add(DocumentStats::of(&analysis));
    /// assert!(corpus.render(StatsFormat::Csv, 5).contains("outlet,Reuters,1"));
    /// ```
    pub fn render(&self, format: StatsFormat, n: usize) -> String {
        let s = self.summary(n);
        match format {
            StatsFormat::Json => serde_json::to_string_pretty(&s).unwrap_or_default() + "\n",
            StatsFormat::Csv => {
                let mut out = String::from("section,name,value\n");
                let mut row = |section: &str, name: &str, value: String| {
                    let _ = writeln!(out, "{section},{},{value}", csv_field(name));
                };
                row("corpus", "documents", s.documents.to_string());
                row("corpus", "words", s.words.to_string());
                row("corpus", "claims", s.claims.to_string());
                for (status, n) in s.claims_by_status {
                    row("claims", status, n.to_string());
                }
                row(
                    "claims",
                    "anonymous_only",
                    s.anonymous_only_claims.to_string(),
                );
                row(
                    "claims",
                    "anonymous_only_share",
                    format!("{:.4}", s.anonymous_only_share),
                );
                for (kind, n) in s.sources_by_kind {
                    row("sources", kind, n.to_string());
                }
                row("corpus", "hedges", s.hedges.to_string());
                row(
                    "corpus",
                    "hedges_per_1000_words",
                    format!("{:.3}", s.hedges_per_1000_words),
                );
                for c in &s.top_outlets {
                    row("outlet", c.name, c.attributions.to_string());
                }
                for c in &s.top_people {
                    row("person", c.name, c.attributions.to_string());
                }
                out
            }
            StatsFormat::Table => {
                let mut out = String::new();
                let _ = writeln!(out, "{:<36} {:>10}", "documents", s.documents);
                let _ = writeln!(out, "{:<36} {:>10}", "words", s.words);
                let _ = writeln!(out, "{:<36} {:>10}", "claims", s.claims);
                for (status, n) in s.claims_by_status {
                    let _ = writeln!(out, "  {:<34} {:>10}", status.replace('_', "-"), n);
                }
                let _ = writeln!(
                    out,
                    "{:<36} {:>10} ({:.1}% of claims)",
                    "claims on anonymous sources only",
                    s.anonymous_only_claims,
                    100.0 * s.anonymous_only_share
                );
                let sources: usize = s.sources_by_kind.values().sum();
                let _ = writeln!(out, "{:<36} {:>10}", "sources", sources);
                for (kind, n) in s.sources_by_kind {
                    let _ = writeln!(out, "  {kind:<34} {n:>10}");
                }
                let _ = writeln!(
                    out,
                    "{:<36} {:>10} ({:.2} per 1,000 words)",
                    "hedges", s.hedges, s.hedges_per_1000_words
                );
                for (title, cited) in [
                    ("most-cited outlets", &s.top_outlets),
                    ("most-cited people", &s.top_people),
                ] {
                    let _ = writeln!(out, "{title}");
                    for c in cited {
                        let _ = writeln!(out, "  {:<34} {:>10}", c.name, c.attributions);
                    }
                }
                out
            }
        }
    }
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}
