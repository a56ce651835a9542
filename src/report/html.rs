//! One self-contained HTML page: the article with its claims highlighted by status, a summary, a
//! legend, the sources table and the claim–source graph as inline SVG. Nothing is fetched: the
//! styles, the script and the graph are in the page.

use super::claim_id;
use super::graph_svg::{self, NotDrawn};
use super::json::{Sourcing, Summary};
use crate::Analysis;
use crate::attribution::Relation;
use crate::graph::ClaimStatus;
use crate::rules::Finding;
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use std::fmt::Write;

const STYLE: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");

/// The status words a reader sees; colour only repeats them.
fn status_label(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::MultiSource => "multi-source",
        ClaimStatus::SingleSource => "single-source",
        ClaimStatus::Unsourced => "unsourced",
    }
}

fn status_badge(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::MultiSource => "MULTI",
        ClaimStatus::SingleSource => "SINGLE",
        ClaimStatus::Unsourced => "NONE",
    }
}

pub fn render(analysis: &Analysis) -> String {
    let summary = Summary::of(analysis);
    let sourcing = Sourcing::of(analysis);
    let mut out = String::new();
    let title = format!("Sourcing of {}", analysis.id);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        text(&title)
    );
    let _ = writeln!(
        out,
        "<header>\n<h1>Sourcing report</h1>\n<p class=\"document\">{}</p>\n</header>",
        text(&analysis.id)
    );
    summary_section(&mut out, &summary, &sourcing);
    legend_section(&mut out);
    let _ = writeln!(out, "<div class=\"reading\">");
    article_section(&mut out, analysis);
    let _ = writeln!(
        out,
        "<aside id=\"panel\" aria-live=\"polite\" aria-label=\"Selected claim\">\n\
         <p class=\"hint\">Point at a claim, click it, or reach it with Tab to see its sources, how each reached the article, and the findings on it.</p>\n\
         </aside>\n</div>"
    );
    claims_section(&mut out, analysis, &sourcing);
    sources_section(&mut out, analysis, &sourcing);
    graph_section(&mut out, analysis);
    let _ = write!(out, "<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

fn summary_section(out: &mut String, summary: &Summary, sourcing: &Sourcing) {
    let sourced = summary.sourced_claims();
    let share = match (sourcing.anonymous_only_claims * 100).checked_div(sourced) {
        Some(percent) => format!(
            "{} of {sourced} sourced claims ({percent}%)",
            sourcing.anonymous_only_claims
        ),
        None => "none of the claims is sourced".to_string(),
    };
    let _ = writeln!(
        out,
        "<section id=\"summary\" aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">Summary</h2>\n<ul class=\"counts\">"
    );
    let _ = writeln!(out, "<li><strong>{}</strong> claims</li>", summary.claims);
    for status in [
        ClaimStatus::MultiSource,
        ClaimStatus::SingleSource,
        ClaimStatus::Unsourced,
    ] {
        let _ = writeln!(
            out,
            "<li class=\"{}\"><span class=\"badge\">{}</span> <strong>{}</strong> {}</li>",
            status.as_str(),
            status_badge(status),
            summary.claims_with(status),
            status_label(status)
        );
    }
    let _ = writeln!(
        out,
        "<li class=\"hedged\"><span class=\"badge\">HEDGED</span> <strong>{}</strong> hedged</li>\n</ul>",
        summary.hedged_claims
    );
    let _ = writeln!(
        out,
        "<p><strong>Resting only on anonymous sources:</strong> {share}.</p>"
    );
    if !summary.credits.is_empty() {
        let credits: Vec<String> = summary
            .credits
            .iter()
            .map(|c| text(c).into_owned())
            .collect();
        let _ = writeln!(
            out,
            "<p><strong>Credited to:</strong> {} — the whole article reached the writer through this credit.</p>",
            credits.join(", ")
        );
    }
    let findings: Vec<String> = summary
        .findings_by_severity
        .iter()
        .rev()
        .map(|(severity, n)| format!("{n} {severity}"))
        .collect();
    let _ = writeln!(
        out,
        "<p><strong>Findings:</strong> {}.</p>\n</section>",
        if findings.is_empty() {
            "none".to_string()
        } else {
            findings.join(", ")
        }
    );
}

fn legend_section(out: &mut String) {
    let _ = writeln!(
        out,
        "<section id=\"legend\" aria-labelledby=\"legend-title\">\n<h2 id=\"legend-title\">Legend</h2>\n<ul>"
    );
    for status in [
        ClaimStatus::MultiSource,
        ClaimStatus::SingleSource,
        ClaimStatus::Unsourced,
    ] {
        let explanation = match status {
            ClaimStatus::MultiSource => "two or more independent sources",
            ClaimStatus::SingleSource => "one source",
            ClaimStatus::Unsourced => "no source",
        };
        let _ = writeln!(
            out,
            "<li><span class=\"claim {}\"><span class=\"badge\">{}</span> {}</span> {explanation}</li>",
            status.as_str(),
            status_badge(status),
            status_label(status)
        );
    }
    let _ = writeln!(
        out,
        "<li><span class=\"claim unsourced hedged\"><span class=\"badge\">HEDGED</span> hedged</span> a hedge (“reportedly”) stands where a source should</li>\n\
         <li><span class=\"source\">source mention</span> who is cited</li>\n\
         <li><span class=\"cue\">cue</span> the words that attribute (“said”, “according to”)</li>\n\
         </ul>\n</section>"
    );
}

/// What marks one stretch of the article: the claim it belongs to, and whether it is part of a
/// source mention or a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marks {
    claim: Option<usize>,
    source: bool,
    cue: bool,
}

fn article_section(out: &mut String, analysis: &Analysis) {
    let source_text = analysis.document.text;
    let claims = &analysis.claims.claims;
    let mentions: Vec<_> = analysis
        .sources
        .entities
        .iter()
        .flat_map(|s| s.mentions.iter().copied())
        .collect();
    let cues: Vec<_> = analysis.attributions.iter().map(|a| a.cue).collect();
    let mut boundaries: Vec<usize> = claims
        .iter()
        .map(|c| c.span)
        .chain(mentions.iter().copied())
        .chain(cues.iter().copied())
        .chain(analysis.document.paragraphs.iter().copied())
        .flat_map(|s| [s.start, s.end])
        .filter(|&b| source_text.is_char_boundary(b))
        .collect();
    boundaries.sort_unstable();
    boundaries.dedup();
    let _ = writeln!(
        out,
        "<main id=\"article\" aria-labelledby=\"article-title\">\n<h2 id=\"article-title\">Article</h2>"
    );
    for paragraph in &analysis.document.paragraphs {
        out.push_str("<p>");
        let mut open: Option<usize> = None;
        let mut cuts: Vec<usize> = boundaries
            .iter()
            .copied()
            .filter(|&b| b > paragraph.start && b < paragraph.end)
            .collect();
        cuts.insert(0, paragraph.start);
        cuts.push(paragraph.end);
        for pair in cuts.windows(2) {
            let (start, end) = (pair[0], pair[1]);
            let Some(piece) = source_text.get(start..end) else {
                continue;
            };
            let inside = |s: &crate::text::Span| s.start <= start && end <= s.end;
            let marks = Marks {
                claim: claims.iter().position(|c| inside(&c.span)),
                source: mentions.iter().any(inside),
                cue: cues.iter().any(inside),
            };
            if marks.claim != open {
                if open.is_some() {
                    out.push_str("</a>");
                }
                if let Some(c) = marks.claim {
                    open_claim(out, analysis, c);
                }
                open = marks.claim;
            }
            let class = match (marks.source, marks.cue) {
                (true, true) => Some("source cue"),
                (true, false) => Some("source"),
                (false, true) => Some("cue"),
                (false, false) => None,
            };
            match class {
                Some(class) => {
                    let _ = write!(out, "<span class=\"{class}\">{}</span>", text(piece));
                }
                None => out.push_str(&text(piece)),
            }
        }
        if open.is_some() {
            out.push_str("</a>");
        }
        out.push_str("</p>\n");
    }
    out.push_str("</main>\n");
}

fn open_claim(out: &mut String, analysis: &Analysis, claim: usize) {
    let support = &analysis.graph.support[claim];
    let id = claim_id(claim);
    let hedged = if support.hedged { " hedged" } else { "" };
    let hedged_badge = if support.hedged { " HEDGED" } else { "" };
    let _ = write!(
        out,
        // The badge is text, so a screen reader says the status before the claim itself.
        "<a class=\"claim {}{hedged}\" href=\"#detail-{id}\" data-claim=\"{id}\"><span class=\"badge\" title=\"{}{}\">{id} {}{hedged_badge}</span> ",
        support.status.as_str(),
        status_label(support.status),
        if support.hedged { ", hedged" } else { "" },
        status_badge(support.status),
    );
}

fn relation_words(relation: Relation) -> &'static str {
    match relation {
        Relation::Says => "says",
        Relation::Reports => "reports",
        Relation::Confirms => "confirms",
        Relation::Denies => "denies",
        Relation::Declines => "declines to confirm",
        Relation::Hedge => "hedge",
        Relation::Credit => "credit",
    }
}

fn claims_section(out: &mut String, analysis: &Analysis, sourcing: &Sourcing) {
    let source_text = analysis.document.text;
    let _ = writeln!(
        out,
        "<section id=\"claims\" aria-labelledby=\"claims-title\">\n<h2 id=\"claims-title\">Claims, their sources and findings</h2>\n<ol class=\"claims\">"
    );
    for (c, claim) in analysis.claims.claims.iter().enumerate() {
        let support = &analysis.graph.support[c];
        let id = claim_id(c);
        let _ = writeln!(
            out,
            "<li id=\"detail-{id}\" class=\"detail\">\n<h3><span class=\"claim {}{}\"><span class=\"badge\">{id} {}{}</span></span> {}{}</h3>\n<blockquote>{}</blockquote>",
            support.status.as_str(),
            if support.hedged { " hedged" } else { "" },
            status_badge(support.status),
            if support.hedged { " HEDGED" } else { "" },
            status_label(support.status),
            if support.hedged { ", hedged" } else { "" },
            text(claim.span.slice(source_text))
        );
        let chains = sourcing
            .chains
            .get(c)
            .map(Vec::as_slice)
            .unwrap_or_default();
        if chains.is_empty() {
            let _ = writeln!(out, "<p>No attribution.</p>");
        } else {
            let _ = writeln!(out, "<h4>How it was sourced</h4>\n<ul class=\"chains\">");
            for chain in chains {
                let attribution = &analysis.attributions[chain.attribution];
                let mut line = String::new();
                match chain.source {
                    Some(s) => {
                        let source = &analysis.sources.entities[s];
                        let _ = write!(
                            line,
                            "<span class=\"source\">{}</span> <span class=\"tag\">{}</span>",
                            text(&source.name),
                            if source.named { "named" } else { "anonymous" }
                        );
                    }
                    None => line.push_str("<em>no source</em>"),
                }
                if let Some(via) = chain.via {
                    let _ = write!(
                        line,
                        " → via <span class=\"source\">{}</span>",
                        text(&analysis.sources.entities[via].name)
                    );
                }
                let _ = writeln!(
                    out,
                    "<li>{line}: {} (<span class=\"cue\">{}</span>)</li>",
                    relation_words(chain.relation),
                    text(attribution.cue.slice(source_text))
                );
            }
            out.push_str("</ul>\n");
        }
        let findings: Vec<_> = analysis
            .findings
            .iter()
            .filter(|f| f.claim == Some(c))
            .collect();
        if findings.is_empty() {
            out.push_str("<p>No findings.</p>\n");
        } else {
            out.push_str("<h4>Findings</h4>\n");
            finding_list(out, &findings);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    // A finding on no claim (a suppression without a reason) still has to be seen.
    let elsewhere: Vec<&Finding> = analysis
        .findings
        .iter()
        .filter(|f| f.claim.is_none())
        .collect();
    if !elsewhere.is_empty() {
        out.push_str("<h3>Findings on no claim</h3>\n");
        for finding in &elsewhere {
            let _ = writeln!(
                out,
                "<p>Line {}:</p>",
                super::line_number(source_text, finding.span.start)
            );
            finding_list(out, std::slice::from_ref(finding));
        }
    }
    out.push_str("</section>\n");
}

fn finding_list(out: &mut String, findings: &[&Finding]) {
    out.push_str("<ul class=\"findings\">\n");
    for finding in findings {
        let _ = writeln!(
            out,
            "<li><span class=\"severity {0}\">{0}</span> <code>{1}</code> {2}</li>",
            finding.severity.as_str(),
            text(finding.rule),
            text(&finding.message)
        );
    }
    out.push_str("</ul>\n");
}

fn sources_section(out: &mut String, analysis: &Analysis, sourcing: &Sourcing) {
    let _ = writeln!(
        out,
        "<section id=\"sources\" aria-labelledby=\"sources-title\">\n<h2 id=\"sources-title\">Sources</h2>"
    );
    if analysis.sources.entities.is_empty() {
        out.push_str("<p>The article cites no source.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<table>\n<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Kind</th><th scope=\"col\">Named</th><th scope=\"col\">Role</th><th scope=\"col\">Affiliation</th><th scope=\"col\">Claims</th></tr></thead>\n<tbody>\n",
    );
    let dash = |value: &Option<String>| {
        value
            .as_deref()
            .map_or_else(|| "–".to_string(), |v| text(v).into_owned())
    };
    for (s, source) in analysis.sources.entities.iter().enumerate() {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"number\">{}</td></tr>",
            text(&source.name),
            source.kind.as_str(),
            if source.named {
                "named"
            } else {
                "<span class=\"tag\">anonymous</span>"
            },
            dash(&source.role),
            dash(&source.affiliation),
            sourcing
                .claims_per_source
                .get(s)
                .copied()
                .unwrap_or_default()
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn graph_section(out: &mut String, analysis: &Analysis) {
    let _ = writeln!(
        out,
        "<section id=\"graph\" aria-labelledby=\"graph-title\">\n<h2 id=\"graph-title\">Claim–source graph</h2>"
    );
    match graph_svg::render(analysis) {
        Ok(svg) => {
            let _ = writeln!(
                out,
                "<figure>\n<div class=\"svg\" role=\"img\" aria-label=\"{}\">\n{svg}\n</div>\n\
                 <figcaption>Sources point at the claims they support (solid; unlabelled edges are “says”), deny or decline to confirm (dashed); a channel (“via”) is dashed grey; hedges are dotted. Anonymous sources have a dashed outline. Claims nothing points at are left out: they are the unsourced claims marked NONE in the article.</figcaption>\n</figure>",
                attr(
                    "Graph of which sources support which claims; the same facts are in the tables above"
                )
            );
        }
        Err(NotDrawn::Empty) => out.push_str("<p>Nothing to draw: no claim has a source.</p>\n"),
        Err(NotDrawn::LayoutFailed) => out.push_str(
            "<p>The graph could not be laid out; <code>--format dot</code> gives it to Graphviz.</p>\n",
        ),
        Err(NotDrawn::TooLarge { nodes }) => {
            let _ = writeln!(
                out,
                "<p>The graph has {nodes} nodes, more than a page can show (at most {}); <code>--format dot</code> gives it to Graphviz.</p>",
                graph_svg::MAX_NODES
            );
        }
    }
    out.push_str("</section>\n");
}
