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
    drop_nested_stances(&mut all);
    all
}

/// Only the outermost attribution counts: a belief, plan or piece of evidence inside what
/// someone else is reported to say is part of that content ("The mayor said the council plans
/// to close two libraries", "“We want a recount,” she wrote."), not an attribution of its own.
/// A reported speech act inside one stays (nested "said" is marked about as often as not).
fn drop_nested_stances(attributions: &mut Vec<Attribution>) {
    // The contents by start, with the two furthest ends reached so far: a cue lies inside
    // another attribution's content when one that starts at or before it reaches past it.
    let mut contents: Vec<(Span, usize)> = attributions
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.content.map(|c| (c, i)))
        .collect();
    if contents.len() < 2 {
        return;
    }
    contents.sort_by_key(|(c, _)| c.start);
    let mut furthest: Vec<[(usize, usize); 2]> = Vec::with_capacity(contents.len());
    let mut best = [(0, usize::MAX); 2];
    for &(content, owner) in &contents {
        if content.end > best[0].0 {
            best = [(content.end, owner), best[0]];
        } else if content.end > best[1].0 {
            best[1] = (content.end, owner);
        }
        furthest.push(best);
    }
    let nested: Vec<bool> = attributions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            if a.kind == AttributionKind::Speech {
                return false;
            }
            let before = contents.partition_point(|(c, _)| c.start <= a.cue.start);
            let Some(reach) = before.checked_sub(1).map(|k| furthest[k]) else {
                return false;
            };
            reach
                .iter()
                .any(|&(end, owner)| owner != i && owner != usize::MAX && end >= a.cue.end)
        })
        .collect();
    let mut index = 0;
    attributions.retain(|_| {
        index += 1;
        !nested[index - 1]
    });
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

#[cfg(test)]
mod tests {
    use super::*;

    fn attribution(
        kind: AttributionKind,
        cue: (usize, usize),
        content: (usize, usize),
    ) -> Attribution {
        Attribution {
            sentence: 0,
            source: None,
            cue: Span::new(cue.0, cue.1),
            content: Some(Span::new(content.0, content.1)),
            relation: Relation::Says,
            kind,
            via: None,
            refers_back: false,
            lemma: String::new(),
        }
    }

    #[test]
    fn only_stances_inside_another_content_are_dropped() {
        use AttributionKind::*;
        let mut found = vec![
            // A speech act whose content runs from 10 to 100.
            attribution(Speech, (5, 9), (10, 100)),
            // A belief whose content holds its own cue, as a hedge's does: inside the speech.
            attribution(Belief, (20, 25), (15, 40)),
            // A reported speech act inside the same content stays.
            attribution(Speech, (50, 54), (55, 70)),
            // A plan after every content ends stays; so does a belief whose only cover is its
            // own content.
            attribution(Intention, (120, 125), (126, 140)),
            attribution(Belief, (150, 155), (145, 160)),
            // Evidence inside a later speech act's content (185 to 260), which starts after
            // the others end: dropped.
            attribution(Evidence, (200, 205), (206, 230)),
            attribution(Speech, (180, 184), (185, 260)),
        ];
        drop_nested_stances(&mut found);
        let cues: Vec<usize> = found.iter().map(|a| a.cue.start).collect();
        assert_eq!(cues, [5, 50, 120, 150, 180]);
    }
}
