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
        claims: Vec::new(),
        of_attribution: vec![None; attributions.len()],
    };
    for sentence_index in 0..doc.sentences.len() {
        let here: Vec<usize> = (0..attributions.len())
            .filter(|&a| attributions[a].sentence == sentence_index)
            .collect();
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
            (content.end <= sentence_start).then(|| {
                out.claims
                    .iter()
                    .rposition(|c| c.span.contains(content) || c.span.overlaps(content))
            })?
        };
        if !here.is_empty()
            && here.iter().all(|&a| earlier(a).is_some())
            && let Some(target) = here.iter().find_map(|&a| earlier(a))
        {
            for &a in &here {
                out.claims[target].attributions.push(a);
                out.of_attribution[a] = Some(target);
            }
            continue;
        }
        if !here.is_empty()
            && here.iter().all(|&a| attributions[a].refers_back)
            && let Some(target) = referent(&out, attributions)
        {
            for &a in &here {
                out.claims[target].attributions.push(a);
                out.of_attribution[a] = Some(target);
            }
            continue;
        }
        for span in clauses(doc, grammar, sentence_index, &here, attributions) {
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
        if out.of_attribution[a].is_none()
            && attribution.relation != Relation::Credit
            && !attribution.refers_back
            && let Some(c) = out
                .claims
                .iter()
                .position(|c| c.sentence == attribution.sentence)
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
        for claim in &mut out.claims {
            if claim.sentence > attribution.sentence
                && content.contains(claim.span)
                && !claim.attributions.contains(&a)
            {
                claim.attributions.push(a);
            }
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
/// attribution and the other carries none.
fn clauses(
    doc: &Document,
    grammar: &Grammar,
    sentence: usize,
    here: &[usize],
    attributions: &[Attribution],
) -> Vec<Span> {
    let whole = doc.sentences[sentence].span;
    let tokens = doc.sentence_tokens(sentence);
    let words_in = |span: Span| {
        tokens
            .iter()
            .filter(|t| t.is_word() && span.contains(t.span))
            .count()
    };
    let attributed = |span: Span| here.iter().any(|&a| span.contains(attributions[a].cue));
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
        let content_crosses = here.iter().any(|&a| {
            attributions[a]
                .content
                .is_some_and(|c| c.start < t.span.start && c.end > t.span.end)
        });
        if attributed(left) != attributed(right)
            && !content_crosses
            && words_in(left) >= MIN_CLAUSE_WORDS
            && words_in(right) >= MIN_CLAUSE_WORDS
        {
            return vec![left, right];
        }
    }
    vec![whole]
}
