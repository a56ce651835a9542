//! Claims: each sentence is a claim, or each clause where a clause carries its own attribution
//! ("Trump briefed Putin …, while Putin reiterated …"). A sentence that only sources an earlier
//! claim ("The news was first reported by Bild …") attaches its attributions to that claim, and
//! a document credit ("Based on ANI report") is no claim at all.

use crate::attribution::{Attribution, Relation};
use crate::grammar::Grammar;
use crate::text::{Document, Span, TokenKind};

/// One claim the article makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub span: Span,
    pub sentence: usize,
    /// Attributions that source this claim, by index.
    pub attributions: Vec<usize>,
}

/// The claims of a document, and the claim each attribution belongs to.
#[derive(Debug, Clone, Default)]
pub struct Claims {
    pub claims: Vec<Claim>,
    pub of_attribution: Vec<Option<usize>>,
}

/// The fewest words each side of a clause split must have.
const MIN_CLAUSE_WORDS: usize = 4;

pub fn segment(doc: &Document, grammar: &Grammar, attributions: &[Attribution]) -> Claims {
    let mut out = Claims {
        // A claim per sentence, bar the few split at a clause boundary.
        claims: Vec::with_capacity(doc.sentences.len()),
        of_attribution: vec![None; attributions.len()],
    };
    let mut by_sentence = vec![Vec::new(); doc.sentences.len()];
    for (a, attribution) in attributions.iter().enumerate() {
        if let Some(here) = by_sentence.get_mut(attribution.sentence) {
            here.push(a);
        }
    }
    for (sentence_index, here) in by_sentence.iter().enumerate() {
        if !here.is_empty()
            && here
                .iter()
                .all(|&a| attributions[a].relation == Relation::Credit)
        {
            continue;
        }
        // "“We won!” Trump said on Twitter.": the content is a claim made before this sentence.
        let sentence_start = doc.sentences[sentence_index].span.start;
        let earlier = |a: usize| {
            let content = attributions[a].content?;
            if content.end > sentence_start {
                return None;
            }
            // Claims are in text order and never overlap: look back only while they reach it.
            let upto = out.claims.partition_point(|c| c.span.start <= content.end);
            (0..upto)
                .rev()
                .take_while(|&c| out.claims[c].span.end >= content.start)
                .find(|&c| {
                    let span = out.claims[c].span;
                    span.contains(content) || span.overlaps(content)
                })
        };
        if !here.is_empty()
            && here.iter().all(|&a| earlier(a).is_some())
            && let Some(target) = here.iter().find_map(|&a| earlier(a))
        {
            for &a in here {
                out.claims[target].attributions.push(a);
                out.of_attribution[a] = Some(target);
            }
            continue;
        }
        // "In a speech, he said:" and the passage below it: the sentence only introduces what
        // the next paragraphs say, and its attributions go to their claims (below).
        let sentence_end = doc.sentences[sentence_index].span.end;
        if !here.is_empty()
            && here.iter().all(|&a| {
                attributions[a]
                    .content
                    .is_some_and(|content| content.start >= sentence_end)
            })
        {
            continue;
        }
        if !here.is_empty()
            && here.iter().all(|&a| attributions[a].refers_back)
            && let Some(target) = referent(&out, attributions)
        {
            for &a in here {
                out.claims[target].attributions.push(a);
                out.of_attribution[a] = Some(target);
            }
            continue;
        }
        let (first, second) = clauses(doc, grammar, sentence_index, here, attributions);
        for span in std::iter::once(first).chain(second) {
            let claim = out.claims.len();
            let mine: Vec<usize> = here
                .iter()
                .copied()
                .filter(|&a| {
                    attributions[a].relation != Relation::Credit
                        && span.contains(attributions[a].cue)
                })
                .collect();
            for &a in &mine {
                out.of_attribution[a] = Some(claim);
            }
            out.claims.push(Claim {
                span,
                sentence: sentence_index,
                attributions: mine,
            });
        }
    }
    // Attributions whose cue fell outside every claim (a split that left it out) go to the
    // claim of their sentence.
    for (a, attribution) in attributions.iter().enumerate() {
        let c = out
            .claims
            .partition_point(|c| c.sentence < attribution.sentence);
        if out.of_attribution[a].is_none()
            && attribution.relation != Relation::Credit
            && !attribution.refers_back
            && out
                .claims
                .get(c)
                .is_some_and(|c| c.sentence == attribution.sentence)
        {
            out.claims[c].attributions.push(a);
            out.of_attribution[a] = Some(c);
        }
    }
    // A quotation that runs on into the next sentences sources those sentences too.
    for (a, attribution) in attributions.iter().enumerate() {
        let Some(content) = attribution.content else {
            continue;
        };
        let first = out.claims.partition_point(|c| c.span.start < content.start);
        for claim in out.claims[first..]
            .iter_mut()
            .take_while(|c| c.span.start < content.end)
        {
            if claim.sentence > attribution.sentence
                && content.contains(claim.span)
                && !claim.attributions.contains(&a)
            {
                claim.attributions.push(a);
            }
        }
    }
    // An introduced passage's attribution belongs to the passage's first claim.
    for (a, attribution) in attributions.iter().enumerate() {
        if out.of_attribution[a].is_none()
            && let Some(content) = attribution.content
            && content.start >= doc.sentences[attribution.sentence].span.end
        {
            let first = out.claims.partition_point(|c| c.span.start < content.start);
            out.of_attribution[a] = out
                .claims
                .get(first)
                .filter(|c| content.contains(c.span))
                .map(|_| first);
        }
    }
    out
}

/// The claim an anaphoric sourcing sentence talks about: the nearest earlier claim that is
/// itself sourced (a hedged or unsourced aside is not "the news"), else the previous claim.
fn referent(claims: &Claims, attributions: &[Attribution]) -> Option<usize> {
    claims
        .claims
        .iter()
        .rposition(|c| {
            c.attributions
                .iter()
                .any(|&a| attributions[a].relation.supports())
        })
        .or_else(|| claims.claims.len().checked_sub(1))
}

/// Splits a sentence at a clause boundary (", while", ", but", ";") when one side carries an
/// attribution and the other carries none: the two sides, or the whole sentence and `None`.
fn clauses(
    doc: &Document,
    grammar: &Grammar,
    sentence: usize,
    here: &[usize],
    attributions: &[Attribution],
) -> (Span, Option<Span>) {
    let whole = doc.sentences[sentence].span;
    let tokens = doc.sentence_tokens(sentence);
    // Words before each token, so that each side of a boundary is counted in constant time:
    // counted at the sentence's first boundary, as most sentences have none.
    let mut words_before: Option<Vec<usize>> = None;
    let count_words = || {
        let mut counts = Vec::with_capacity(tokens.len() + 1);
        counts.push(0);
        for t in tokens {
            counts.push(counts[counts.len() - 1] + usize::from(t.is_word()));
        }
        counts
    };
    let cues = || {
        here.iter()
            .map(|&a| attributions[a].cue)
            .filter(|c| whole.contains(*c))
    };
    let first_cue_end = cues().map(|c| c.end).min();
    // With no cue in the sentence neither side is attributed, so no boundary can split it.
    if first_cue_end.is_none() {
        return (whole, None);
    }
    let last_cue_start = cues().map(|c| c.start).max();
    // Contents by start, swept once along the boundaries to see which ones cross a boundary.
    let mut contents: Vec<Span> = here
        .iter()
        .filter_map(|&a| attributions[a].content)
        .collect();
    contents.sort();
    let mut opened = 0;
    let mut furthest_end = 0;
    for (i, t) in tokens.iter().enumerate() {
        let boundary = match t.kind {
            TokenKind::Semicolon => true,
            TokenKind::Comma => tokens.get(i + 1).is_some_and(|n| {
                matches!(n.lower.as_str(), "while" | "whereas" | "but")
                    && grammar.words.subordinators.contains(&n.lower)
            }),
            _ => false,
        };
        if !boundary
            || doc
                .quotation_around(doc.sentences[sentence].tokens.start + i)
                .is_some()
        {
            continue;
        }
        // A boundary that ends the sentence ("…; ") leaves nothing to split off.
        let Some(next) = tokens.get(i + 1) else {
            continue;
        };
        let left = Span::new(whole.start, t.span.start);
        let right = Span::new(next.span.start, whole.end);
        while contents.get(opened).is_some_and(|c| c.start < t.span.start) {
            furthest_end = furthest_end.max(contents[opened].end);
            opened += 1;
        }
        let content_crosses = furthest_end > t.span.end;
        let attributed_left = first_cue_end.is_some_and(|end| end <= left.end);
        let attributed_right = last_cue_start.is_some_and(|start| start >= right.start);
        if attributed_left != attributed_right && !content_crosses {
            let words_before = words_before.get_or_insert_with(count_words);
            if words_before[i] >= MIN_CLAUSE_WORDS
                && words_before[tokens.len()] - words_before[i + 1] >= MIN_CLAUSE_WORDS
            {
                return (left, Some(right));
            }
        }
    }
    (whole, None)
}
