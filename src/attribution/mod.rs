//! The attribution parser: who said, reported, confirmed, denied or declined to confirm what.
//!
//! For each sentence, cue words from the grammar are found first (the anchors); then nom parsers
//! around each anchor recognise the clause pattern it stands in — "X said that …", "…, X said.",
//! "…, said X.", "according to X, …", "was first reported by X", "X's acknowledgment that …",
//! hedges ("reportedly") and document credits ("Based on ANI report").

mod input;
mod patterns;

pub use crate::grammar::{AttributionKind, Relation};

use crate::grammar::Grammar;
use crate::text::{Document, Span, TokenKind};

/// One attribution found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The sentence holding the cue.
    pub sentence: usize,
    /// The source mention as written, pronouns included; `None` for hedges and passives.
    pub source: Option<Span>,
    /// The cue words ("said", "according to", "first reported by").
    pub cue: Span,
    /// What is attributed, quotation marks and a leading "that" included.
    pub content: Option<Span>,
    pub relation: Relation,
    pub kind: AttributionKind,
    /// The channel the source spoke through ("CNN" in "officials speaking to CNN").
    pub via: Option<Span>,
    /// The content is an anaphor ("The news was first reported by …"): the attribution sources
    /// an earlier claim.
    pub refers_back: bool,
    /// The grammar entry the cue came from.
    pub lemma: String,
}

/// Finds every attribution in the document, in text order.
pub fn parse(doc: &Document, grammar: &Grammar) -> Vec<Attribution> {
    // The parser asks the tokens' word classes; a document not yet classified with this grammar
    // is classified in a copy.
    if !doc.is_classified_with(grammar) {
        let mut doc = doc.clone();
        doc.classify(grammar);
        return parse(&doc, grammar);
    }
    let mut all = Vec::new();
    for sentence in 0..doc.sentences.len() {
        all.extend(patterns::parse_sentence(doc, grammar, sentence));
    }
    extend_quotations(doc, &mut all);
    all
}

/// A quotation that goes on in the next sentences of the paragraph belongs to the same content:
/// `“It is over,” she said. “We lost.”`, `Later, “it is over,” she said. “We lost.”`
fn extend_quotations(doc: &Document, attributions: &mut [Attribution]) {
    // Which sentences hold a cue, looked up once rather than by scanning every attribution.
    let mut has_cue = vec![false; doc.sentences.len()];
    for a in attributions.iter() {
        if let Some(cue) = has_cue.get_mut(a.sentence) {
            *cue = true;
        }
    }
    for a in attributions.iter_mut() {
        let Some(content) = a.content else { continue };
        let sentence = &doc.sentences[a.sentence];
        // Only when the attribution closes its sentence: the quote came first, the cue after it.
        let ends_sentence = [a.source, Some(a.cue)]
            .iter()
            .flatten()
            .all(|s| s.start > content.start);
        // The content is a quotation, or ends with one: "Sooner or later, ''we will …,'' he said."
        let text = &doc.text[content.start..content.end];
        let quoted = text.starts_with(['“', '"', '\'']) || text.ends_with(['”', '"', '\'']);
        if !ends_sentence || !quoted {
            continue;
        }
        let mut end = content.end;
        let mut next = a.sentence + 1;
        while next < doc.sentences.len()
            && doc.sentences[next].paragraph == sentence.paragraph
            && !has_cue[next]
        {
            let tokens = doc.sentence_tokens(next);
            if tokens.first().map(|t| t.kind) != Some(TokenKind::OpenQuote) {
                break;
            }
            let last_close = tokens.iter().rposition(|t| t.kind == TokenKind::CloseQuote);
            match last_close {
                Some(i) => end = tokens[i].span.end,
                None => break,
            }
            next += 1;
        }
        // `“…,” she said.` and paragraphs after it that are only a quotation, with no cue of
        // their own: the speaker goes on (the annotators extend the content so 55 times in 69).
        let mut paragraph = sentence.paragraph;
        while next < doc.sentences.len() && doc.sentences[next].paragraph == paragraph + 1 {
            let first = next;
            let mut after = next;
            while after < doc.sentences.len() && doc.sentences[after].paragraph == paragraph + 1 {
                after += 1;
            }
            let tokens =
                &doc.tokens[doc.sentences[first].tokens.start..doc.sentences[after - 1].tokens.end];
            let opens = tokens.first().map(|t| t.kind) == Some(TokenKind::OpenQuote);
            let close = match tokens {
                [.., close, last] if last.kind == TokenKind::Terminal => close,
                [.., close] => close,
                [] => break,
            };
            if !opens
                || close.kind != TokenKind::CloseQuote
                || has_cue[first..after].contains(&true)
            {
                break;
            }
            end = close.span.end;
            next = after;
            paragraph += 1;
        }
        a.content = Some(Span::new(content.start, end));
    }
}
