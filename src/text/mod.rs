//! The text model: paragraphs, sentences, tokens and quotations, all as byte spans into the input.
//!
//! Sentence boundaries come from the `sentencex` segmenter; the rest is ours because the
//! attribution grammar needs to know about quotation marks and possessives.

mod directives;
mod span;
mod token;

pub use directives::{Directive, DirectiveKind, Prepared, is_directive_comment, prepare};
pub use span::Span;
pub use token::{Token, TokenKind, tokenize};

use crate::grammar::Grammar;
use std::ops::Range;

/// A sentence: its span and the range of its tokens in [`Document::tokens`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    pub tokens: Range<usize>,
}

/// A quotation: from its opening mark to its closing mark, both included.
///
/// A quotation left open at the end of its paragraph ends there (`closed` is false).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotation {
    pub span: Span,
    pub open_token: usize,
    pub close_token: Option<usize>,
}

/// A text broken down for the attribution parser.
#[derive(Debug, Clone)]
pub struct Document<'t> {
    pub text: &'t str,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub quotations: Vec<Quotation>,
    /// The [`Grammar::id`] the tokens' classes were looked up in, if any.
    classified_with: Option<u64>,
}

impl<'t> Document<'t> {
    /// Segments `text` into paragraphs (split at blank lines), sentences and tokens.
    ///
    /// ```
    /// let doc = claimgraph::text::Document::new("Mr. Smith said so. “Yes. No,” she said.\n\nNext.");
    /// assert_eq!(doc.sentences.len(), 3);
    /// assert_eq!(doc.paragraphs.len(), 2);
    /// ```
    pub fn new(text: &'t str) -> Self {
        let paragraphs = paragraphs(text);
        // News sentences run to about 140 bytes: reserved so, most documents' sentence vector
        // grows once or not at all.
        let mut sentences = Vec::with_capacity(text.len() / 128);
        // About one token per five bytes of news text: reserving that up front spares most of
        // the re-allocations (and copies) of a growing token vector.
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut spans = Vec::new();
        let mut pieces = Vec::new();
        for (index, paragraph) in paragraphs.iter().enumerate() {
            chunks(text, *paragraph, &mut pieces);
            for &chunk in &pieces {
                let body = chunk.slice(text);
                spans.clear();
                if is_one_sentence(body) {
                    spans.push(trim(text, chunk));
                } else {
                    spans.extend(sentence_boundaries(body).into_iter().map(|b| {
                        trim(
                            text,
                            Span::new(chunk.start + b.start_byte, chunk.start + b.end_byte),
                        )
                    }));
                }
                join_after_titles(text, &mut spans);
                for &span in &spans {
                    if span.is_empty() {
                        continue;
                    }
                    let first = tokens.len();
                    tokenize(text, span, &mut tokens);
                    // A run-on "sentence" (a page without punctuation) is cut into pieces the
                    // attribution parser can afford: its work grows faster than a sentence's length.
                    if tokens.len() - first <= MAX_SENTENCE_TOKENS {
                        if tokens.len() > first {
                            sentences.push(Sentence {
                                span,
                                paragraph: index,
                                tokens: first..tokens.len(),
                            });
                        }
                        continue;
                    }
                    for start in (first..tokens.len()).step_by(MAX_SENTENCE_TOKENS) {
                        let end = (start + MAX_SENTENCE_TOKENS).min(tokens.len());
                        sentences.push(Sentence {
                            span: tokens[start].span.cover(tokens[end - 1].span),
                            paragraph: index,
                            tokens: start..end,
                        });
                    }
                }
            }
        }
        let quotations = quotations(&tokens, &sentences, &paragraphs);
        Document {
            text,
            paragraphs,
            sentences,
            tokens,
            quotations,
            classified_with: None,
        }
    }

    /// Looks up every token's word classes in `grammar` ([`Token::classes`]), once per token.
    pub fn classify(&mut self, grammar: &Grammar) {
        let word_classes = grammar.word_classes();
        for token in &mut self.tokens {
            token.classes = word_classes.classes_of(&token.lower);
        }
        self.classified_with = Some(grammar.id());
    }

    /// Whether the tokens' classes are those of `grammar`.
    pub fn is_classified_with(&self, grammar: &Grammar) -> bool {
        self.classified_with == Some(grammar.id())
    }

    pub fn sentence_tokens(&self, sentence: usize) -> &[Token] {
        &self.tokens[self.sentences[sentence].tokens.clone()]
    }

    /// The quotation that contains the token at `index`, if any.
    pub fn quotation_around(&self, index: usize) -> Option<&Quotation> {
        let at = self.tokens[index].span;
        // Quotations are in text order and never overlap: only the last one opening before
        // the token can hold it.
        let before = self.quotations.partition_point(|q| q.span.start < at.start);
        let q = &self.quotations[before.checked_sub(1)?];
        (at.end <= q.span.end && q.close_token != Some(index)).then_some(q)
    }

    /// The quotations that overlap `span`, in text order.
    pub fn quotations_overlapping(&self, span: Span) -> &[Quotation] {
        let first = self
            .quotations
            .partition_point(|q| q.span.end <= span.start);
        let end = self.quotations.partition_point(|q| q.span.start < span.end);
        &self.quotations[first..end.max(first)]
    }

    /// The quotation whose closing mark is the token at `index`, if any.
    pub fn quotation_closed_by(&self, index: usize) -> Option<&Quotation> {
        let at = self.quotations.partition_point(|q| q.open_token < index);
        let q = self.quotations.get(at.checked_sub(1)?)?;
        (q.close_token == Some(index)).then_some(q)
    }

    /// The tokens that lie inside `span`, in text order.
    pub fn tokens_within(&self, span: Span) -> &[Token] {
        let first = self.tokens.partition_point(|t| t.span.start < span.start);
        let end = self.tokens.partition_point(|t| t.span.end <= span.end);
        &self.tokens[first..end.max(first)]
    }

    /// The first sentence that starts at or after byte offset `at`.
    pub fn sentence_after(&self, at: usize) -> Option<usize> {
        let index = self.sentences.partition_point(|s| s.span.start < at);
        (index < self.sentences.len()).then_some(index)
    }

    /// The first paragraph that starts at or after byte offset `at`.
    pub fn paragraph_after(&self, at: usize) -> Option<Span> {
        let index = self.paragraphs.partition_point(|p| p.start < at);
        self.paragraphs.get(index).copied()
    }
}

/// Titles after which the segmenter sometimes ends a sentence ("found Ms. Sherry"): a title
/// always has a name after it.
const TITLES: &[&str] = &[
    "adm.", "capt.", "col.", "dr.", "gen.", "gov.", "lt.", "mr.", "mrs.", "ms.", "prof.", "rep.",
    "rev.", "sen.", "sgt.",
];

/// Joins a sentence that ends with a title to the sentence after it, in place.
fn join_after_titles(text: &str, spans: &mut Vec<Span>) {
    let mut kept = 0usize;
    for i in 0..spans.len() {
        let span = spans[i];
        if let Some(last) = kept.checked_sub(1).map(|k| spans[k])
            && ends_with_title(last.slice(text))
            && !span.is_empty()
        {
            spans[kept - 1] = last.cover(span);
            continue;
        }
        spans[kept] = span;
        kept += 1;
    }
    spans.truncate(kept);
}

/// Whether the last word of `sentence` (after its last whitespace) is one of [`TITLES`].
///
/// Every title is two to four ASCII letters and a period, so only a sentence ending so is
/// looked at further: its last word is then those letters and the period, if whitespace (or
/// nothing) comes before them.
fn ends_with_title(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    let Some((b'.', head)) = bytes.split_last() else {
        return false;
    };
    let letters = head
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    if !(2..=4).contains(&letters) {
        return false;
    }
    // An ASCII letter starts there, so it is a character boundary.
    let start = head.len() - letters;
    let word = &sentence[start..];
    // ASCII case folding suffices: the only non-ASCII letter that lower-cases to ASCII is the
    // Kelvin sign (to "k"), and no title has a "k".
    sentence[..start]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace)
        && TITLES.iter().any(|t| word.eq_ignore_ascii_case(t))
}

/// Whether `sentencex` would return `body` whole, as one sentence, so that it need not be
/// asked for its boundaries. True when nothing can start a list item inside it (no line break,
/// as a list item starts a line; no `)` and no bullet, as an item inside a line is `a)`, `(1)`,
/// `2.)` or a bullet), and the segmenter's own [`find_boundary`] puts no sentence end at any
/// terminator (`.`, `!`, `?`) before the run of them that ends `body`, each standing alone
/// (no other terminator right after it or after spaces or tabs).
///
/// Why that is the segmenter's answer (sentencex 0.1.33, `collect_sentence_breaks`): it breaks
/// only where `find_boundary` finds a sentence end at one of its terminator runs, or at a list
/// item. A terminator standing alone is a run of its own (its spaced-run forms, `. . .` and
/// `! ?`, need another terminator after blanks), and a run for which `find_boundary` finds no
/// end is passed over before the quotation, parenthesis and list ranges are asked (the costly
/// part, which is what this spares). The run that ends `body` is followed by nothing, so its
/// end, if any, is the end of `body`: no range contains it (a range contains only offsets
/// strictly inside it) and no closing quotation mark follows it to extend it. Without a line
/// break, a list marker could only start `body` itself, and a list needs two of them (or a
/// bullet or `(1)`, excluded here), nor does a list item at offset 0 add a break.
///
/// Non-ASCII characters are let through only where no terminator (nor `…`) nor bullet is among
/// them: below U+0589 (Latin, Greek, Cyrillic) and the dashes and quotation marks
/// U+2010–U+2021. Anything else goes to the segmenter, and so does a `body` longer than the
/// 10 KB from which `sentencex` cuts its text in pieces. Tests check the claim against the
/// segmenter itself: `one_sentence_paragraphs_match_sentencex`, a property test on made-up
/// texts, and `one_sentence_fast_path_matches_sentencex_on_the_corpus` on every PolNeAR
/// paragraph.
///
/// [`find_boundary`]: sentencex::languages::Language::find_boundary
fn is_one_sentence(body: &str) -> bool {
    let bytes = body.as_bytes();
    let end = bytes.len()
        - bytes
            .iter()
            .rev()
            .take_while(|b| matches!(b, b'.' | b'!' | b'?'))
            .count();
    let inner = &body[..end];
    // An ASCII byte is always its own character in UTF-8, so the bytes can be searched.
    let inner_bytes = inner.as_bytes();
    if memchr::memchr2(b')', b'\n', inner_bytes).is_some() {
        return false;
    }
    if memchr::memchr3(b'.', b'!', b'?', inner_bytes).is_some() {
        if body.len() > SEGMENTER_WHOLE_UP_TO {
            return false;
        }
        let english = sentencex::languages::English {};
        for at in memchr::memchr3_iter(b'.', b'!', b'?', inner_bytes) {
            let stands_alone = bytes[at + 1..]
                .iter()
                .find(|&&b| !matches!(b, b' ' | b'\t'))
                .is_none_or(|b| !matches!(b, b'.' | b'!' | b'?'));
            if !stands_alone
                || likely_sentence_end(bytes, at)
                || sentencex::languages::Language::find_boundary(&english, body, at, at + 1)
                    .is_some()
            {
                return false;
            }
        }
    }
    only_segmenter_neutral_non_ascii(inner.as_bytes())
}

/// Whether every non-ASCII character of the UTF-8 `bytes` is below U+0589 or one of U+2010 to
/// U+2021 (the characters [`is_one_sentence`] lets through), told from their bytes: a lead
/// byte 0xC2 to 0xD5 (U+0080 to U+057F), or 0xD6 before a byte below 0x89 (U+0580 to U+0588),
/// or the three bytes E2 80 90 to E2 80 A1. The ASCII runs between them are skipped by
/// [`first_non_ascii`], not decoded.
fn only_segmenter_neutral_non_ascii(bytes: &[u8]) -> bool {
    let mut at = 0;
    while let Some(i) = first_non_ascii(&bytes[at..]) {
        let lead = at + i;
        let next = |k: usize| bytes.get(lead + k).copied().unwrap_or(0);
        at = match bytes[lead] {
            0xC2..=0xD5 => lead + 2,
            0xD6 if next(1) < 0x89 => lead + 2,
            0xE2 if next(1) == 0x80 && (0x90..=0xA1).contains(&next(2)) => lead + 3,
            _ => return false,
        };
    }
    true
}

/// The offset of the first byte of `bytes` that is not ASCII, found eight bytes at a time (the
/// runs between a paragraph's curly quotes and dashes are tens of bytes long).
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let high = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) & HIGH_BITS;
        if high != 0 {
            // Little-endian: the lowest set bit is in the first such byte.
            return Some(at + high.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|b| !b.is_ascii())
        .map(|i| at + i)
}

/// Whether the terminator at `at` looks like a sentence's end, where `find_boundary` (over a
/// thousand instructions a call) would most likely find one: a `!` or `?`, a `.` right before a
/// quotation mark (or a dash: any character led by the byte 0xE2), or a `.` before a space
/// after a word of three lower-case letters or more or after a number (no abbreviation's
/// shape). Only a guess, to spare the call in paragraphs of several sentences: a terminator it
/// takes sends the paragraph to the segmenter, which is always right.
fn likely_sentence_end(bytes: &[u8], at: usize) -> bool {
    if bytes[at] != b'.' || matches!(bytes.get(at + 1), Some(b'"' | b'\'' | 0xE2)) {
        return true;
    }
    if bytes.get(at + 1) != Some(&b' ') {
        return false;
    }
    let word = |is_part: fn(&u8) -> bool| {
        let length = bytes[..at].iter().rev().take_while(|b| is_part(b)).count();
        let whole = !bytes[..at - length]
            .last()
            .is_some_and(u8::is_ascii_alphanumeric);
        if whole { length } else { 0 }
    };
    word(u8::is_ascii_lowercase) >= 3 || word(u8::is_ascii_digit) >= 1
}

/// sentencex 0.1.33's `CHUNK_SIZE`: up to this length `get_sentence_boundaries` segments its
/// text whole.
const SEGMENTER_WHOLE_UP_TO: usize = 10 * 1024;

/// `sentencex::get_sentence_boundaries("en", body)`, without building the language anew for
/// each paragraph: up to the 10 KB at which that function starts cutting its text into pieces,
/// it only asks `English` (found by its name in a set made for the purpose) for the boundaries.
fn sentence_boundaries(body: &str) -> Vec<sentencex::SentenceBoundary<'_>> {
    if body.len() > SEGMENTER_WHOLE_UP_TO {
        return sentencex::get_sentence_boundaries("en", body);
    }
    sentencex::languages::Language::get_sentence_boundaries(&sentencex::languages::English {}, body)
}

/// The most tokens one sentence may hold; a longer run is cut into sentences of this size.
const MAX_SENTENCE_TOKENS: usize = 1_000;

/// The most bytes the sentence segmenter sees at once: its work grows with the length of a
/// paragraph times its quotation marks, so a longer paragraph is fed to it in pieces.
const MAX_SEGMENTER_BYTES: usize = 16 * 1024;

/// The most quotation marks (and apostrophes) the sentence segmenter sees at once.
const MAX_SEGMENTER_QUOTES: usize = 128;

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„')
}

/// Cuts a paragraph into the pieces the sentence segmenter is given: first at each line break
/// after a sentence's end, then into pieces of at most [`MAX_SEGMENTER_BYTES`] and
/// [`MAX_SEGMENTER_QUOTES`], each ending, when it can, at a space after a sentence's end, else
/// at a space, else at any character boundary; `out` is cleared and given the pieces.
///
/// A line that ends a sentence ends it whatever the segmenter makes of the quotation marks
/// around it: it skips what lies between two straight marks, so one stray mark in a paragraph
/// of single-line paragraphs (a live blog, a transcript) would otherwise join every sentence
/// up to the next mark.
fn chunks(text: &str, paragraph: Span, out: &mut Vec<Span>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut start = paragraph.start;
    for newline in memchr::memchr_iter(b'\n', &bytes[paragraph.start..paragraph.end]) {
        let at = paragraph.start + newline;
        if ends_a_sentence(&text[start..at]) {
            windows(text, Span::new(start, at), out);
            start = at + 1;
        }
    }
    windows(text, Span::new(start, paragraph.end), out);
}

/// Whether `before` (the text up to a line break) ends with a sentence's end: a full stop,
/// "!", "?" or "…", perhaps inside closing quotation marks.
fn ends_a_sentence(before: &str) -> bool {
    before
        .trim_end()
        .trim_end_matches(is_quote_mark)
        .ends_with(['.', '!', '?', '…'])
}

/// Cuts `span` into pieces of at most [`MAX_SEGMENTER_BYTES`] and [`MAX_SEGMENTER_QUOTES`] (see
/// [`chunks`]) and adds them to `out`.
fn windows(text: &str, paragraph: Span, out: &mut Vec<Span>) {
    let mut start = paragraph.start;
    loop {
        let mut limit = (start + MAX_SEGMENTER_BYTES).min(paragraph.end);
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        // Every quotation mark holds one of these bytes (`"`, `'`, or the first byte of “ ” ‘ ’
        // „ « »): a window with no more of them than the limit needs no closer look.
        let window = &text.as_bytes()[start..limit];
        let candidates = memchr::memchr3_iter(b'"', b'\'', 0xE2, window).count()
            + memchr::memchr_iter(0xC2, window).count();
        if candidates > MAX_SEGMENTER_QUOTES
            && let Some((i, _)) = text[start..limit]
                .char_indices()
                .filter(|&(_, c)| is_quote_mark(c))
                .nth(MAX_SEGMENTER_QUOTES)
        {
            limit = start + i;
        }
        if limit == paragraph.end {
            break;
        }
        let window = &text[start..limit];
        // Only the second half is searched, so that pieces stay large and the work linear.
        let half = window.len() / 2;
        let spaces = || {
            window
                .char_indices()
                .rev()
                .take_while(|&(i, _)| i >= half)
                .filter(|&(_, c)| c.is_whitespace())
        };
        let cut = spaces()
            .find(|&(i, _)| window[..i].ends_with(['.', '!', '?', '…', '"', '”', '’']))
            .or_else(|| spaces().next())
            .map_or(limit, |(i, c)| start + i + c.len_utf8());
        out.push(Span::new(start, cut));
        start = cut;
    }
    out.push(Span::new(start, paragraph.end));
}

fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    let mut blank_run = false;
    // Each line break, found by byte (a `\n` byte is always the character).
    for i in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        let line = &text[line_start..i];
        if line.trim().is_empty() {
            if !blank_run {
                push_trimmed(text, &mut out, Span::new(start, line_start));
            }
            blank_run = true;
            start = i + 1;
        } else {
            blank_run = false;
        }
        line_start = (i + 1).min(text.len());
    }
    if start < text.len() {
        push_trimmed(text, &mut out, Span::new(start, text.len()));
    }
    out
}

/// Adds the paragraph `span` to `out`, trimmed; or, when at least half of its line breaks
/// follow a sentence's end (the paragraphs of a live blog or a transcript, one per line with
/// no blank line between them), each of its lines as a paragraph. The lines of hard-wrapped
/// prose mostly end in mid-sentence and stay one paragraph.
fn push_trimmed(text: &str, out: &mut Vec<Span>, span: Span) {
    let span = trim(text, span);
    if span.is_empty() {
        return;
    }
    let breaks: Vec<usize> = memchr::memchr_iter(b'\n', span.slice(text).as_bytes())
        .map(|i| span.start + i)
        .collect();
    let sentence_ends = breaks
        .iter()
        .filter(|&&at| ends_a_sentence(&text[span.start..at]))
        .count();
    if breaks.is_empty() || 2 * sentence_ends < breaks.len() {
        out.push(span);
        return;
    }
    let mut start = span.start;
    for at in breaks.into_iter().chain([span.end]) {
        let line = trim(text, Span::new(start, at));
        if !line.is_empty() {
            out.push(line);
        }
        start = (at + 1).min(span.end);
    }
}

fn trim(text: &str, span: Span) -> Span {
    let slice = span.slice(text);
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.end - (slice.len() - slice.trim_end().len());
    Span::new(start, end.max(start))
}

/// Pairs quotation marks within each paragraph.
fn quotations(tokens: &[Token], sentences: &[Sentence], paragraphs: &[Span]) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut paragraph = usize::MAX;
    for sentence in sentences {
        if sentence.paragraph != paragraph {
            // A quotation left open runs on only when the next paragraph reopens it (the
            // convention for a quotation over several paragraphs); otherwise its closing mark
            // is missing and where it ends is unknown, so it is not a quotation at all.
            let reopened = tokens
                .get(sentence.tokens.start)
                .is_some_and(|t| t.kind == TokenKind::OpenQuote);
            if let Some(o) = open.take().filter(|_| reopened) {
                out.push(Quotation {
                    span: Span::new(tokens[o].span.start, paragraphs[paragraph].end),
                    open_token: o,
                    close_token: None,
                });
            }
            paragraph = sentence.paragraph;
        }
        let first = sentence.tokens.start;
        // Only quotation marks matter: the other tokens are passed over by kind alone.
        for (index, token) in (first..).zip(&tokens[sentence.tokens.clone()]) {
            if !token.is_quote() {
                continue;
            }
            match token.kind {
                TokenKind::OpenQuote if open.is_none() => open = Some(index),
                TokenKind::CloseQuote => {
                    if let Some(o) = open.take() {
                        // Only the outer double quotation counts; a stray single close mark
                        // inside it (an apostrophe) must not end it.
                        if tokens[index].lower.chars().count() == 1
                            && tokens[o].lower.chars().count() == 1
                            && quote_family(&tokens[o].lower) != quote_family(&tokens[index].lower)
                        {
                            open = Some(o);
                            continue;
                        }
                        out.push(Quotation {
                            span: tokens[o].span.cover(tokens[index].span),
                            open_token: o,
                            close_token: Some(index),
                        });
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fn quote_family(mark: &str) -> u8 {
    match mark {
        "‘" | "’" | "'" => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_non_ascii_is_the_first_byte_from_0x80() {
        let bytes: Vec<u8> = "Ab “c” dé—f ‘g’ 3½ xyz, «q» end".bytes().collect();
        for start in 0..bytes.len() {
            for end in start..=bytes.len() {
                let slice = &bytes[start..end];
                assert_eq!(
                    first_non_ascii(slice),
                    slice.iter().position(|&b| b >= 0x80),
                    "{start}..{end}"
                );
            }
        }
    }

    #[test]
    fn sentences_survive_abbreviations_and_quotes() {
        let text = "U.S. President Donald Trump met Gen. Jones on Monday. J. R. R. Tolkien wrote 3.5 books. “It is great. Really great,” he said.\n\nA new paragraph.";
        let doc = Document::new(text);
        let got: Vec<&str> = doc.sentences.iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(
            got,
            [
                "U.S. President Donald Trump met Gen. Jones on Monday.",
                "J. R. R. Tolkien wrote 3.5 books.",
                "“It is great. Really great,” he said.",
                "A new paragraph."
            ]
        );
        assert_eq!(doc.sentences[3].paragraph, 1);
        assert_eq!(doc.quotations.len(), 1);
        assert_eq!(
            doc.quotations[0].span.slice(text),
            "“It is great. Really great,”"
        );
    }

    #[test]
    fn a_line_that_ends_a_sentence_ends_it_despite_a_stray_straight_quote() {
        // Single-line paragraphs, as live blogs write them; the first mark has lost its pair.
        let text = "other people,\" Trump said. \"I would bring it back.\"\nCruz, who spoke next, said he would use it sparingly. Cruz denied that it is torture.\nBush said a \"stable government\" is needed.";
        let doc = Document::new(text);
        let got: Vec<&str> = doc.sentences.iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(
            got.last(),
            Some(&"Bush said a \"stable government\" is needed.")
        );
        assert!(got.contains(&"Cruz denied that it is torture."), "{got:?}");
    }

    #[test]
    fn lines_that_mostly_end_sentences_are_paragraphs_and_hard_wrapped_lines_are_not() {
        let blog = "9:52PM Lee Says The Plan Will Fail\nAnn Lee said the plan would fail.\nShe left early.";
        let got: Vec<&str> = paragraphs(blog).iter().map(|p| p.slice(blog)).collect();
        assert_eq!(
            got,
            [
                "9:52PM Lee Says The Plan Will Fail",
                "Ann Lee said the plan would fail.",
                "She left early."
            ]
        );
        let wrapped = "Ann Lee said on Monday that the plan\nwould fail. She left early, and the\ncouncil voted without her.";
        assert_eq!(paragraphs(wrapped), [Span::new(0, wrapped.len())]);
    }

    #[test]
    fn unclosed_quotation_ends_with_its_paragraph() {
        let text = "He said: “We will win.\n\n“And we will keep winning.”";
        let doc = Document::new(text);
        assert_eq!(doc.quotations.len(), 2);
        assert_eq!(doc.quotations[0].close_token, None);
        assert_eq!(doc.quotations[0].span.slice(text), "“We will win.");
    }

    #[test]
    fn a_quotation_without_its_closing_mark_or_a_continuation_is_none() {
        let doc = Document::new("“We will win, said Ana Ruiz.\n\nThe vote is Tuesday.");
        assert!(doc.quotations.is_empty());
        assert!(Document::new("“We will win").quotations.is_empty());
    }

    /// Whether `sentencex` returns `body` as one sentence.
    fn sentencex_keeps_whole(body: &str) -> bool {
        let got: Vec<(usize, usize)> = sentencex::get_sentence_boundaries("en", body)
            .iter()
            .map(|b| (b.start_byte, b.end_byte))
            .collect();
        got == [(0, body.len())]
    }

    #[test]
    fn one_sentence_paragraphs_match_sentencex() {
        let whole = [
            "The mayor said the bridge will reopen.",
            "Officials in Kyiv, speaking on condition of anonymity, confirmed it!?",
            "“We will win,” she said of the US",
            "A headline without a full stop",
            "He told the “Times” — a paper — that it was over...",
            "Ана сказала: «да».",
            "(R-Texas said so",
            "2 said no.",
            "i said so.",
            "- the item.",
            "Dr. Smith",
            "Mr. Smith met Sen. Jones and Dr. Lee on Monday.",
            "Sales rose 3.5 percent at Breitbart.com, he said.",
        ];
        for body in whole {
            assert!(is_one_sentence(body), "{body}");
            assert!(sentencex_keeps_whole(body), "{body}");
        }
        // Anything that could break inside goes to the segmenter.
        for body in [
            "One. Two.",
            "He said so. “Yes.”",
            "Wait… what",
            "a) one b) two.",
            "First line\nsecond line.",
            "• one • two",
            "He said so . . . and left.",
            "Stop ! . Go.",
            "He left. She stayed",
            // Whole for the segmenter, by its quotation ranges, which the fast path does not ask.
            "“Why?” he asked.",
        ] {
            assert!(!is_one_sentence(body), "{body}");
        }
    }

    /// Every paragraph piece of PolNeAR (`../shared/corpus/polnear`, beside the repository) that
    /// the fast path keeps whole, the segmenter keeps whole too; and the fast path takes the
    /// pieces with an abbreviation's period inside.
    #[test]
    fn one_sentence_fast_path_matches_sentencex_on_the_corpus() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/polnear");
        let (mut kept, mut with_periods) = (0, 0);
        for name in ["train.jsonl", "dev.jsonl"] {
            let Ok(lines) = std::fs::read_to_string(dir.join(name)) else {
                eprintln!(
                    "skipped: no {name} in ../shared/corpus/polnear (not part of the repository)"
                );
                return;
            };
            let mut pieces = Vec::new();
            for line in lines.lines() {
                let document: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
                let text = document["text"].as_str().expect("a text");
                for paragraph in paragraphs(text) {
                    chunks(text, paragraph, &mut pieces);
                    for body in pieces.iter().map(|piece| piece.slice(text)) {
                        if is_one_sentence(body) {
                            assert!(sentencex_keeps_whole(body) || body.is_empty(), "{body:?}");
                            kept += 1;
                            with_periods += usize::from(body.trim_end_matches('.').contains('.'));
                        }
                    }
                }
            }
        }
        assert!(kept > 0 && with_periods > 0, "{kept} {with_periods}");
    }

    proptest::proptest! {
        /// Every text the fast path keeps whole, the segmenter keeps whole too.
        #[test]
        fn the_one_sentence_fast_path_agrees_with_sentencex(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "word", "Word", " ", "  ", "I", "U.S", "Dr", "said", "a", "ii", "1", "12",
                    ",", ";", ":", "-", "—", "“", "”", "‘", "’", "'", "\"", "(", "[1]", "[",
                    "é", "ß", "Ж", "\t", "*", "+", "e", "etc", "Mr", "@", "x@y.com", ".", "!",
                    "?", "?!", "...", "\u{2010}", "\u{2021}", "\u{a0}",
                ]),
                0..24,
            )
        ) {
            let body = parts.concat();
            if is_one_sentence(&body) {
                proptest::prop_assert!(sentencex_keeps_whole(&body) || body.is_empty(), "{:?}", body);
            }
        }
    }

    proptest::proptest! {
        /// Asking `English` directly gives what `sentencex`'s entry point gives, below and above
        /// the size at which that entry point cuts its text into pieces: a `sentencex` update
        /// that changes either fails here rather than changing reports.
        #[test]
        fn direct_segmentation_agrees_with_sentencex(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "The mayor said so. ", "Dr. Lee agreed! ", "“We won,” she said. ", "U.S. ",
                    "officials ", "e.g. ", "Why? ", "1. ", "\n", "— ", "etc. ", "word ",
                ]),
                0..40,
            ),
            repeat in 1usize..700,
        ) {
            let body = parts.concat().repeat(if repeat > 600 { repeat } else { 1 });
            let spans = |b: Vec<sentencex::SentenceBoundary<'_>>| -> Vec<(usize, usize)> {
                b.iter().map(|b| (b.start_byte, b.end_byte)).collect()
            };
            proptest::prop_assert_eq!(
                spans(super::sentence_boundaries(&body)),
                spans(sentencex::get_sentence_boundaries("en", &body))
            );
        }
    }

    #[test]
    fn non_ascii_characters_are_told_from_their_bytes_as_by_their_chars() {
        let by_chars = |s: &str| {
            s.chars()
                .all(|c| c.is_ascii() || c < '\u{589}' || ('\u{2010}'..='\u{2021}').contains(&c))
        };
        let mut characters: Vec<char> = (0..=0x10ffff).filter_map(char::from_u32).collect();
        characters.retain(|&c| !c.is_ascii());
        for c in characters {
            for text in [
                format!("{c}"),
                format!("a{c}b"),
                format!("x.{c}{c} y"),
                format!("“{c}"),
            ] {
                assert_eq!(
                    only_segmenter_neutral_non_ascii(text.as_bytes()),
                    by_chars(&text),
                    "{c:?}"
                );
            }
        }
        for text in ["", "plain ASCII.", "é—“x”’", "Ана сказала", "a\u{589}"] {
            assert_eq!(
                only_segmenter_neutral_non_ascii(text.as_bytes()),
                by_chars(text)
            );
        }
    }

    #[test]
    fn a_title_is_the_last_word_after_whitespace() {
        let by_words = |s: &str| {
            let last_word = s.rsplit(char::is_whitespace).next().unwrap_or("");
            TITLES.iter().any(|t| last_word.eq_ignore_ascii_case(t))
        };
        let lasts = [
            "Mr.", "mr.", "MRS.", "Prof.", "Capt.", "Dr", "Dr.", "xDr.", "Dr..", "Sen.", "Kr.",
            "Gen.", "Profs.", "A.", "Lt.", "é.", "Mé.", ".", "",
        ];
        let befores = [
            "",
            " ",
            "met ",
            "met\u{a0}",
            "met\n",
            "met\u{2009}",
            "x",
            "é",
            "(",
            "“",
        ];
        for before in befores {
            for last in lasts {
                let sentence = format!("{before}{last}");
                assert_eq!(
                    ends_with_title(&sentence),
                    by_words(&sentence),
                    "{sentence:?}"
                );
            }
        }
    }

    #[test]
    fn empty_and_blank_text_has_no_sentences() {
        assert!(Document::new("").sentences.is_empty());
        assert!(Document::new(" \n\n \t").sentences.is_empty());
    }
}
