//! The HTML and Markdown readers and their offset maps: every word of the extracted text maps
//! back inside the source, on character boundaries.
#![no_main]

use claimgraph::markup::{InputFormat, extract};
use claimgraph::text::{Span, Token, TokenKind, tokenize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    for format in [InputFormat::Html, InputFormat::Markdown] {
        let Some(extracted) = extract(source, format) else {
            continue;
        };
        let mut tokens: Vec<Token> = Vec::new();
        tokenize(&extracted.text, Span::new(0, extracted.text.len()), &mut tokens);
        for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
            let mapped = extracted.map.to_source(token.span);
            assert!(mapped.start <= mapped.end && mapped.end <= source.len(), "inside the source");
            assert!(source.is_char_boundary(mapped.start) && source.is_char_boundary(mapped.end));
        }
    }
});
