//! A nom input over the tokens of one sentence.
//!
//! The parsers work on tokens rather than characters, so that a cue phrase is a sequence of
//! words and every result keeps its token positions (and through them its byte spans).

use crate::text::Token;
use nom::{IResult, Input, Needed, Offset};

/// A window `[start, end)` into a sentence's tokens, keeping absolute positions.
#[derive(Debug, Clone, Copy)]
pub struct Tokens<'a> {
    pub all: &'a [Token],
    pub start: usize,
    pub end: usize,
}

pub type PResult<'a, O> = IResult<Tokens<'a>, O>;

impl<'a> Tokens<'a> {
    pub fn new(all: &'a [Token]) -> Self {
        Tokens {
            all,
            start: 0,
            end: all.len(),
        }
    }

    /// The same tokens, from position `start` on.
    pub fn from(self, start: usize) -> Self {
        Tokens {
            start: start.min(self.end),
            ..self
        }
    }

    pub fn first(&self) -> Option<&'a Token> {
        (self.start < self.end).then(|| &self.all[self.start])
    }

    pub fn peek(&self, offset: usize) -> Option<&'a Token> {
        let at = self.start + offset;
        (at < self.end).then(|| &self.all[at])
    }
}

impl<'a> Input for Tokens<'a> {
    type Item = &'a Token;
    type Iter = std::slice::Iter<'a, Token>;
    type IterIndices = std::iter::Enumerate<std::slice::Iter<'a, Token>>;

    fn input_len(&self) -> usize {
        self.end - self.start
    }

    fn take(&self, index: usize) -> Self {
        Tokens {
            end: self.start + index,
            ..*self
        }
    }

    fn take_from(&self, index: usize) -> Self {
        Tokens {
            start: self.start + index,
            ..*self
        }
    }

    fn take_split(&self, index: usize) -> (Self, Self) {
        (self.take_from(index), self.take(index))
    }

    fn position<P>(&self, predicate: P) -> Option<usize>
    where
        P: Fn(Self::Item) -> bool,
    {
        self.iter_elements().position(predicate)
    }

    fn iter_elements(&self) -> Self::Iter {
        self.all[self.start..self.end].iter()
    }

    fn iter_indices(&self) -> Self::IterIndices {
        self.iter_elements().enumerate()
    }

    fn slice_index(&self, count: usize) -> Result<usize, Needed> {
        if count <= self.input_len() {
            Ok(count)
        } else {
            Err(Needed::new(count - self.input_len()))
        }
    }
}

impl Offset for Tokens<'_> {
    fn offset(&self, second: &Self) -> usize {
        second.start - self.start
    }
}

/// One token satisfying `predicate`; yields its position.
pub fn token_if<'a>(
    predicate: impl Fn(&Token) -> bool,
) -> impl FnMut(Tokens<'a>) -> PResult<'a, usize> {
    move |input: Tokens<'a>| match input.first() {
        Some(t) if predicate(t) => Ok((input.take_from(1), input.start)),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// The words of `phrase` (lower-cased), in order; yields the position after the last one.
pub fn phrase<'a>(words: &'a [String]) -> impl FnMut(Tokens<'a>) -> PResult<'a, usize> {
    move |input: Tokens<'a>| {
        if words.is_empty() || input.input_len() < words.len() {
            return Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Tag,
            )));
        }
        for (offset, word) in words.iter().enumerate() {
            if input.peek(offset).is_none_or(|t| t.lower != *word) {
                return Err(nom::Err::Error(nom::error::Error::new(
                    input,
                    nom::error::ErrorKind::Tag,
                )));
            }
        }
        let rest = input.take_from(words.len());
        Ok((rest, rest.start))
    }
}
