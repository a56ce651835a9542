//! Properties of every report, on generated articles and on arbitrary text: spans are slices of
//! the text, a document's report does not depend on the documents analysed with it, and the
//! output is the same run to run.

use claimgraph::report::{human, json, markdown, sarif};
use claimgraph::rules::{Policy, Severity};
use claimgraph::{analyze, analyze_prepared, grammar::Grammar, text::prepare};
use proptest::prelude::*;
use serde_json::Value;
use std::sync::LazyLock;

static GRAMMAR: LazyLock<Grammar> = LazyLock::new(Grammar::builtin);

const NAMES: &[&str] = &[
    "Mayor Jane Smith",
    "Mr. Jones",
    "U.S. officials",
    "the ministry",
    "Reuters",
    "a senior official",
    "two people familiar with the matter",
    "he",
    "Sen. Ana Ruiz, D-Calif.,",
    "محمد العلي",
    "אבי כהן",
    "Владимир Петров",
    "李明",
    "Ngũgĩ wa Thiong’o",
    "the 🚀 team",
];

const CUES: &[&str] = &[
    "said",
    "told reporters",
    "said in a statement",
    "claimed",
    "denied",
    "declined to confirm",
    "confirmed",
    "reportedly said",
    "wrote on X",
];

const CONTENTS: &[&str] = &[
    "the bridge will reopen",
    "nothing is certain",
    "prices rose 3.5% in the U.S. last year",
    "the deal, worth $1,000, was signed",
    "القرار نهائي",
    "זה נגמר",
    "всё кончено",
    "这是真的",
    "we won 🎉",
    "it is over; we lost",
];

/// Opening and closing marks: curly, straight, doubled apostrophes, single curly, guillemets,
/// and unbalanced ones.
const QUOTES: &[(&str, &str)] = &[
    ("“", "”"),
    ("\"", "\""),
    ("''", "''"),
    ("‘", "’"),
    ("«", "»"),
    ("“", ""),
    ("", "”"),
    ("„", "“"),
];

const SEPARATORS: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\n \n",
    "\u{200f} ",
    "\t",
];

#[derive(Debug, Clone, Copy)]
struct Part {
    template: usize,
    name: usize,
    cue: usize,
    content: usize,
    quote: usize,
    separator: usize,
}

fn sentence(p: Part) -> String {
    let name = NAMES[p.name % NAMES.len()];
    let cue = CUES[p.cue % CUES.len()];
    let content = CONTENTS[p.content % CONTENTS.len()];
    let (open, close) = QUOTES[p.quote % QUOTES.len()];
    match p.template % 8 {
        0 => format!("{open}{content},{close} {name} {cue}."),
        1 => format!("{name} {cue} that {content}."),
        2 => format!("According to {name}, {content}."),
        3 => format!("{content}, {name} {cue}."),
        4 => format!("{name} {cue}: {open}{content}.{close}"),
        5 => format!("{content}, reportedly."),
        6 => format!("{open}{content}{close}"),
        _ => format!("{name} {cue} {open}{content}{close}, {cue} {name}"),
    }
}

/// An article built from names, cues, contents and quotation marks of every kind, joined by
/// spaces, newlines, blank lines and CRLF.
fn article() -> impl Strategy<Value = String> {
    let part = (
        0..8usize,
        0..64usize,
        0..64usize,
        0..64usize,
        0..64usize,
        0..64usize,
    )
        .prop_map(|(template, name, cue, content, quote, separator)| Part {
            template,
            name,
            cue,
            content,
            quote,
            separator,
        });
    proptest::collection::vec(part, 0..12).prop_map(|parts| {
        let mut text = String::new();
        for p in parts {
            text.push_str(&sentence(p));
            text.push_str(SEPARATORS[p.separator % SEPARATORS.len()]);
        }
        text
    })
}

/// Arbitrary text, weighted towards the characters the tokenizer treats specially.
fn odd_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[“”\"'‘’«»„`().,;:!?…—–\\- \n\r\t\u{0}\u{feff}\u{200f}a-zA-Z0-9سשж李🎉]{0,200}",
    ]
}

/// Every `{start, end, text}` object in a JSON report.
fn spans(value: &Value, out: &mut Vec<(usize, usize, String)>) {
    match value {
        Value::Object(map) => {
            if let (Some(Value::Number(s)), Some(Value::Number(e)), Some(Value::String(t))) =
                (map.get("start"), map.get("end"), map.get("text"))
            {
                let (s, e) = (s.as_u64().unwrap(), e.as_u64().unwrap());
                out.push((s as usize, e as usize, t.clone()));
            }
            map.values().for_each(|v| spans(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| spans(v, out)),
        _ => {}
    }
}

fn check_spans(text: &str) -> Result<(), TestCaseError> {
    let prepared = prepare(text);
    let analysis = analyze_prepared("doc", &prepared, &GRAMMAR, &Policy::default());
    let analysed = analysis.document.text;
    // The spans the analysis holds, before any reporter slices them.
    let mut raw = Vec::new();
    for a in &analysis.attributions {
        raw.extend(
            [a.source, Some(a.cue), a.content, a.via]
                .into_iter()
                .flatten(),
        );
    }
    raw.extend(analysis.claims.claims.iter().map(|c| c.span));
    raw.extend(analysis.findings.iter().map(|f| f.span));
    for source in &analysis.sources.entities {
        raw.extend(source.mentions.iter().copied());
    }
    for span in raw {
        prop_assert!(
            span.start <= span.end && span.end <= analysed.len(),
            "{span:?} out of the text"
        );
        prop_assert!(analysed.is_char_boundary(span.start) && analysed.is_char_boundary(span.end));
    }
    let report: Value = serde_json::from_str(&json::render_line(&analysis)).unwrap();
    let mut found = Vec::new();
    spans(&report, &mut found);
    for (start, end, slice) in found {
        prop_assert!(analysed.is_char_boundary(start) && analysed.is_char_boundary(end));
        prop_assert_eq!(&analysed[start..end], slice.as_str());
    }
    Ok(())
}

/// Every report format of one document, as one string.
fn all_reports(id: &str, text: &str) -> String {
    let analysis = analyze(id, text, &GRAMMAR, &Policy::default());
    let style = human::Style {
        color: false,
        width: 80,
    };
    [
        json::render_line(&analysis),
        sarif::render_line(&analysis),
        markdown::render(&analysis),
        human::render(&analysis, style, Severity::Info),
    ]
    .join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn spans_of_generated_articles_are_slices_of_the_text(text in article()) {
        check_spans(&text)?;
    }

    #[test]
    fn spans_of_arbitrary_text_are_slices_of_the_text(text in odd_text()) {
        check_spans(&text)?;
    }

    #[test]
    fn a_report_does_not_depend_on_the_other_documents_of_a_batch(
        before in article(),
        text in article(),
        after in odd_text(),
    ) {
        let alone = all_reports("doc", &text);
        let batch: Vec<String> = [("a", before.as_str()), ("doc", text.as_str()), ("b", after.as_str())]
            .iter()
            .map(|(id, t)| all_reports(id, t))
            .collect();
        prop_assert_eq!(alone, batch[1].clone());
    }

    #[test]
    fn output_is_identical_run_to_run(text in article()) {
        prop_assert_eq!(all_reports("doc", &text), all_reports("doc", &text));
    }
}
