//! A Markdown summary for a pull-request or CMS comment: counts, the findings with their
//! sentences, and the sources.

use super::json::{Sourcing, Summary};
use crate::Analysis;
use crate::graph::ClaimStatus;
use std::fmt::Write;

/// Text made safe for a Markdown table cell: one line, inline markup and HTML escaped.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn or_dash(text: Option<&str>) -> String {
    text.map_or_else(|| "–".to_string(), cell)
}

pub fn render(analysis: &Analysis) -> String {
    let summary = Summary::of(analysis);
    let sourcing = Sourcing::of(analysis);
    let sourced = summary.sourced_claims();
    let mut out = String::new();
    let _ = writeln!(out, "## Sourcing of {}\n", cell(&analysis.id));
    let _ = writeln!(
        out,
        "**{} claims**: {} multi-source, {} single-source, {} unsourced; {} hedged.\n",
        summary.claims,
        summary.claims_with(ClaimStatus::MultiSource),
        summary.claims_with(ClaimStatus::SingleSource),
        summary.claims_with(ClaimStatus::Unsourced),
        summary.hedged_claims
    );
    let _ = writeln!(
        out,
        "**Anonymous sourcing**: {} of {sourced} sourced claims rest only on anonymous sources.\n",
        sourcing.anonymous_only_claims
    );
    if !summary.credits.is_empty() {
        let credits: Vec<String> = summary.credits.iter().map(|c| cell(c)).collect();
        let _ = writeln!(
            out,
            "**Credited to**: {} (the whole article reached the writer through them).\n",
            credits.join(", ")
        );
    }

    let _ = writeln!(out, "### Findings\n");
    if analysis.findings.is_empty() {
        let _ = writeln!(out, "No findings.\n");
    } else {
        let _ = writeln!(out, "| Severity | Rule | Sentence | Finding |");
        let _ = writeln!(out, "|---|---|---|---|");
        for finding in &analysis.findings {
            let _ = writeln!(
                out,
                "| {} | `{}` | {} | {} |",
                finding.severity.as_str(),
                finding.rule,
                cell(finding.span.slice(analysis.document.text)),
                cell(&finding.message)
            );
        }
        out.push('\n');
    }

    let _ = writeln!(out, "### Sources\n");
    if analysis.sources.entities.is_empty() {
        let _ = writeln!(out, "No sources.");
    } else {
        let _ = writeln!(
            out,
            "| Source | Kind | Named | Role | Affiliation | Claims |"
        );
        let _ = writeln!(out, "|---|---|---|---|---|---:|");
        for (s, source) in analysis.sources.entities.iter().enumerate() {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                cell(&source.name),
                source.kind.as_str(),
                if source.named { "named" } else { "anonymous" },
                or_dash(source.role.as_deref()),
                or_dash(source.affiliation.as_deref()),
                sourcing
                    .claims_per_source
                    .get(s)
                    .copied()
                    .unwrap_or_default()
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_stay_one_line_and_inert() {
        assert_eq!(
            cell("A|B said <b>*no*</b>\nthen [x](y)"),
            "A\\|B said \\<b\\>\\*no\\*\\</b\\> then \\[x\\](y)"
        );
        assert_eq!(cell("U.S. officials"), "U.S. officials");
    }
}
