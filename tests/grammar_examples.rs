//! Every example sentence in `grammar/` runs through the parser: the marked source, cue and
//! content must come out exactly. `{S:…}` marks the source, `{C:…}` the cue, `{X:…}` the content.
//! An example with no marks is a counter-example: the entry must find nothing in it.

use claimgraph::attribution;
use claimgraph::grammar::Grammar;
use claimgraph::text::{Document, Span};

#[derive(Debug, Default)]
struct Expected {
    text: String,
    source: Option<Span>,
    cue: Option<Span>,
    content: Option<Span>,
}

/// Strips the markup, recording the byte span of each marked role in the plain text.
fn unmark(example: &str) -> Expected {
    let mut out = Expected::default();
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut chars = example.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' => {
                let role = chars.next().expect("role letter after {");
                assert_eq!(
                    chars.next(),
                    Some(':'),
                    "expected ':' after role in {example}"
                );
                stack.push((role, out.text.len()));
            }
            '}' => {
                let (role, start) = stack.pop().expect("unbalanced } in example");
                let span = Some(Span::new(start, out.text.len()));
                match role {
                    'S' => out.source = span,
                    'C' => out.cue = span,
                    'X' => out.content = span,
                    other => panic!("unknown role {other} in {example}"),
                }
            }
            c => out.text.push(c),
        }
    }
    assert!(stack.is_empty(), "unclosed markup in {example}");
    out
}

#[test]
fn every_grammar_example_parses_as_marked() {
    let grammar = Grammar::builtin();
    assert!(
        grammar.examples.len() > 100,
        "the grammar should carry its examples"
    );
    let mut failures = Vec::new();
    for (file, lemma, example) in &grammar.examples {
        let expected = unmark(example);
        let doc = Document::new(&expected.text);
        let found = attribution::parse(&doc, &grammar);
        let show = |s: Option<Span>| s.map(|s| s.slice(&expected.text).to_string());
        let matching = found.iter().find(|a| Some(a.cue) == expected.cue);
        let ok = match matching {
            Some(a) => {
                expected.source.is_none_or(|s| a.source == Some(s))
                    && expected.content.is_none_or(|c| a.content == Some(c))
                    && (expected.source.is_some() || a.source.is_none())
            }
            // An example with no marks at all is a counter-example: the entry must not fire.
            None if expected.cue.is_none()
                && expected.source.is_none()
                && expected.content.is_none() =>
            {
                found.iter().all(|a| &a.lemma != lemma)
            }
            // Entries without a cue mark (source nouns, outlets) only need some attribution
            // whose source is the marked one.
            None => {
                expected.cue.is_none()
                    && found
                        .iter()
                        .any(|a| expected.source.is_none_or(|s| a.source == Some(s)))
            }
        };
        if !ok {
            let got: Vec<_> = found
                .iter()
                .map(|a| (show(a.source), show(Some(a.cue)), show(a.content)))
                .collect();
            failures.push(format!(
                "{file} [{lemma}] {example}\n    expected: {:?}\n    got:      {got:?}",
                (
                    show(expected.source),
                    show(expected.cue),
                    show(expected.content)
                )
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} grammar examples failed:\n{}",
        failures.len(),
        grammar.examples.len(),
        failures.join("\n")
    );
}

#[test]
fn markup_is_read_back() {
    let e = unmark("{S:He} {C:said} {X:so}.");
    assert_eq!(e.text, "He said so.");
    assert_eq!(e.source, Some(Span::new(0, 2)));
    assert_eq!(e.cue, Some(Span::new(3, 7)));
    assert_eq!(e.content, Some(Span::new(8, 10)));
}
