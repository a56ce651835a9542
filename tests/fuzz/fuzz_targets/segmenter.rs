//! The text model (paragraphs, sentences, tokens, quotations) and the attribution parser.
#![no_main]

use claimgraph::{attribution, grammar::Grammar, text::Document};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static GRAMMAR: LazyLock<Grammar> = LazyLock::new(Grammar::builtin);

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let doc = Document::new(input);
    for pair in doc.tokens.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "tokens overlap");
    }
    for pair in doc.quotations.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "quotations overlap");
    }
    for sentence in &doc.sentences {
        let _ = sentence.span.slice(input);
    }
    for a in attribution::parse(&doc, &GRAMMAR) {
        for span in [a.source, Some(a.cue), a.content, a.via].into_iter().flatten() {
            let _ = span.slice(input);
        }
    }
});
