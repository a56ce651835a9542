//! Markup readers: HTML pages and Markdown files become the plain text the pipeline analyses,
//! with a [`SourceMap`] from every analysed byte back to the file it came from.
//!
//! The analysed text is paragraphs separated by blank lines, so [`crate::text::Document`] sees
//! the same shape as in a plain-text article.

mod html;
mod markdown;

pub use html::extract_html;
pub use markdown::extract_markdown;

use crate::text::Span;
use std::path::Path;

/// What a document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    Text,
    Markdown,
    Html,
}

impl InputFormat {
    /// The format a file name suggests: `.html`/`.htm`, `.md`/`.markdown`, anything else is text.
    pub fn from_path(path: &Path) -> InputFormat {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("html" | "htm" | "xhtml") => InputFormat::Html,
            Some("md" | "markdown" | "mdown" | "mkd") => InputFormat::Markdown,
            _ => InputFormat::Text,
        }
    }
}

/// The analysed text of a markup file and where each of its bytes came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub text: String,
    pub map: SourceMap,
}

/// Reads `source` in `format`; plain text is analysed as it is (and has no map).
pub fn extract(source: &str, format: InputFormat) -> Option<Extracted> {
    match format {
        InputFormat::Text => None,
        InputFormat::Html => Some(extract_html(source)),
        InputFormat::Markdown => Some(extract_markdown(source)),
    }
}

/// A run of analysed bytes and the source bytes it was read from: a verbatim copy, mapped byte
/// for byte, or (an entity such as `&amp;`, an escape such as `\*`) a run that maps as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    text: Span,
    source: Span,
    verbatim: bool,
}

/// Maps byte offsets in the analysed text back to byte offsets in the source file.
///
/// Separators the reader adds itself (the blank line between paragraphs, one space for a run of
/// white space) belong to the source byte just before them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    segments: Vec<Segment>,
}

impl SourceMap {
    /// The source bytes a span of analysed text was read from.
    ///
    /// ```
    /// let page = claimgraph::markup::extract_html("<p>Tom &amp; Jerry said hi.</p>");
    /// let start = page.text.find("Jerry").unwrap();
    /// let source = page.map.to_source(claimgraph::text::Span::new(start, start + 5));
    /// assert_eq!(&"<p>Tom &amp; Jerry said hi.</p>"[source.start..source.end], "Jerry");
    /// ```
    pub fn to_source(&self, span: Span) -> Span {
        let start = self.offset(span.start, false);
        let end = if span.is_empty() {
            start
        } else {
            self.offset(span.end, true)
        };
        Span::new(start, end.max(start))
    }

    /// `at` as a source offset; an end offset is mapped through the byte before it.
    fn offset(&self, at: usize, is_end: bool) -> usize {
        let probe = if is_end { at.saturating_sub(1) } else { at };
        let index = self.segments.partition_point(|s| s.text.start <= probe);
        let Some(segment) = index.checked_sub(1).map(|i| self.segments[i]) else {
            return self.segments.first().map_or(0, |s| s.source.start);
        };
        if probe >= segment.text.end {
            // A separator the reader added: it sits right after this segment.
            return segment.source.end;
        }
        if segment.verbatim {
            segment.source.start + (at - segment.text.start)
        } else if is_end {
            segment.source.end
        } else {
            segment.source.start
        }
    }
}

/// Builds the analysed text: collapses white space, separates paragraphs with a blank line and
/// records where every piece came from.
#[derive(Debug, Default)]
struct TextBuilder {
    text: String,
    map: SourceMap,
    space_pending: bool,
    break_pending: bool,
}

impl TextBuilder {
    /// Appends `piece`, read from `source`: byte for byte when `verbatim`, else as a whole.
    fn push(&mut self, piece: &str, source: Span, verbatim: bool) {
        let mut offset = 0;
        for run in piece.split_inclusive(char::is_whitespace) {
            let word = run.trim_end_matches(char::is_whitespace);
            if !word.is_empty() {
                self.separate();
                let word_source = if verbatim {
                    Span::new(source.start + offset, source.start + offset + word.len())
                } else {
                    source
                };
                self.push_word(word, word_source, verbatim);
            }
            if word.len() < run.len() {
                self.space_pending = true;
            }
            offset += run.len();
        }
    }

    fn separate(&mut self) {
        if self.text.is_empty() {
        } else if self.break_pending {
            self.text.push_str("\n\n");
        } else if self.space_pending {
            self.text.push(' ');
        }
        self.break_pending = false;
        self.space_pending = false;
    }

    fn push_word(&mut self, word: &str, source: Span, verbatim: bool) {
        let text = Span::new(self.text.len(), self.text.len() + word.len());
        self.text.push_str(word);
        match self.map.segments.last_mut() {
            // Verbatim runs that continue each other in both texts are one segment.
            Some(last)
                if verbatim
                    && last.verbatim
                    && last.text.end == text.start
                    && last.source.end == source.start =>
            {
                last.text.end = text.end;
                last.source.end = source.end;
            }
            _ => self.map.segments.push(Segment {
                text,
                source,
                verbatim,
            }),
        }
    }

    fn space(&mut self) {
        self.space_pending = true;
    }

    fn paragraph_break(&mut self) {
        self.break_pending = true;
    }

    fn finish(mut self) -> Extracted {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        Extracted {
            text: self.text,
            map: self.map,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_collapses_space_and_maps_words() {
        let source = "a  b\n\nc d";
        let mut builder = TextBuilder::default();
        builder.push(&source[0..4], Span::new(0, 4), true);
        builder.paragraph_break();
        builder.push(&source[6..9], Span::new(6, 9), true);
        let out = builder.finish();
        assert_eq!(out.text, "a b\n\nc d\n");
        let c = out.text.find('c').unwrap();
        assert_eq!(out.map.to_source(Span::new(c, c + 3)), Span::new(6, 9));
        assert_eq!(out.map.to_source(Span::new(2, 3)), Span::new(3, 4));
    }

    #[test]
    fn formats_follow_extensions() {
        assert_eq!(
            InputFormat::from_path(Path::new("a/b.HTML")),
            InputFormat::Html
        );
        assert_eq!(
            InputFormat::from_path(Path::new("post.md")),
            InputFormat::Markdown
        );
        assert_eq!(
            InputFormat::from_path(Path::new("story.txt")),
            InputFormat::Text
        );
        assert_eq!(InputFormat::from_path(Path::new("-")), InputFormat::Text);
    }
}
