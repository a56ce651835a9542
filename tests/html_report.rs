//! The HTML report: self-contained and escaped (checked here on the markup), and rendered by a
//! real headless Chromium (`tests/html_report.sh`; skipped with a message when Chromium is not
//! installed, unless `CLAIMGRAPH_REQUIRE_CHROMIUM` is set, as CI does).

use claimgraph::grammar::Grammar;
use claimgraph::report::html;
use claimgraph::rules::Policy;
use std::process::Command;

fn render(text: &str) -> String {
    let grammar = Grammar::builtin();
    let analysis = claimgraph::analyze("<story>.txt", text, &grammar, &Policy::default());
    html::render(&analysis)
}

#[test]
fn article_text_and_names_are_escaped() {
    let page = render(
        "Officials at <script>alert(1)</script> & Co said the \"deal\" is off.\n\nThe <b>market</b> will close.",
    );
    assert!(
        !page.contains("<script>alert(1)"),
        "raw markup from the article"
    );
    assert!(!page.contains("<b>market"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&amp; Co"));
    assert!(
        page.contains("&lt;story&gt;.txt"),
        "the document id is escaped too"
    );
    // The only scripts are the report's own, inline.
    assert_eq!(page.matches("<script").count(), 1);
}

#[test]
fn the_page_fetches_nothing() {
    let text = std::fs::read_to_string("docs/examples/ani-trump-putin-call.txt").expect("seed");
    let page = render(&text);
    for reference in ["src=", "<link", "@import", "href=\"http", "fetch("] {
        assert!(!page.contains(reference), "page refers out: {reference}");
    }
    // The graph's arrowheads refer to markers in the page itself.
    assert_eq!(page.matches("url(").count(), page.matches("url(#").count());
    assert!(page.contains("default-src 'none'"), "a CSP forbids fetches");
    assert!(page.contains("<svg"), "the graph is inline");
}

#[test]
fn every_claim_is_highlighted_with_a_text_badge() {
    let text = std::fs::read_to_string("docs/examples/ani-trump-putin-call.txt").expect("seed");
    let grammar = Grammar::builtin();
    let analysis = claimgraph::analyze("seed", &text, &grammar, &Policy::default());
    let page = html::render(&analysis);
    for (c, support) in analysis.graph.support.iter().enumerate() {
        let id = format!("c{}", c + 1);
        assert!(
            page.contains(&format!("data-claim=\"{id}\"")),
            "{id} is not highlighted"
        );
        assert!(page.contains(&format!("id=\"detail-{id}\"")));
        let badge = match support.status.as_str() {
            "multi_source" => "MULTI",
            "single_source" => "SINGLE",
            _ => "NONE",
        };
        assert!(
            page.contains(&format!("{id} {badge}")),
            "{id} has no {badge} badge"
        );
    }
    // The confirmation chain of the first claim, as an editor reads it.
    assert!(page.contains("U.S. officials</span> <span class=\"tag\">anonymous</span> → via <span class=\"source\">CNN</span>: confirms"));
}

#[test]
fn a_finding_on_no_claim_is_shown_with_its_line() {
    let prepared = claimgraph::text::prepare(
        "Officials said the plan failed.\n\n<!-- claimgraph: allow single-source-claim -->\nThe mayor said it will rain.\n",
    );
    let analysis = claimgraph::analyze_prepared(
        "story.md",
        &prepared,
        &Grammar::builtin(),
        &Policy::default(),
    );
    assert!(analysis.findings.iter().any(|f| f.claim.is_none()));
    let page = html::render(&analysis);
    let shown = page
        .split("Findings on no claim")
        .nth(1)
        .expect("a section for findings on no claim");
    assert!(shown.starts_with("</h3>\n<p>Line 3:</p>"), "{shown}");
    assert!(shown.contains("invalid-suppression"));
}

#[test]
fn an_empty_article_still_makes_a_page() {
    let page = render("");
    assert!(page.contains("Nothing to draw"));
    assert!(page.contains("The article cites no source."));
}

#[test]
fn a_graph_too_large_for_a_page_is_not_drawn() {
    let article: String = (0..120)
        .map(|i| {
            format!(
                "Official number {i} said the deal {i} was off, and sources in city {i} agreed. "
            )
        })
        .collect();
    let page = render(&article);
    assert!(!page.contains("<svg"));
    assert!(
        page.contains("more than a page can show"),
        "the reader is told why"
    );
    assert!(
        page.contains("data-claim=\"c120\""),
        "the article is still highlighted"
    );
}

#[test]
fn chromium_renders_the_seed_report() {
    let status = Command::new("bash")
        .arg("tests/html_report.sh")
        .env("CLAIMGRAPH", env!("CARGO_BIN_EXE_claimgraph"))
        .status()
        .expect("bash runs");
    if status.code() == Some(77) && std::env::var_os("CLAIMGRAPH_REQUIRE_CHROMIUM").is_none() {
        eprintln!(
            "skipped: Chromium is not installed (apt-get install chromium); set CLAIMGRAPH_REQUIRE_CHROMIUM=1 to make this a failure"
        );
        return;
    }
    assert!(status.success(), "tests/html_report.sh failed: {status}");
}
