//! Reporters: each renders an [`Analysis`](crate::Analysis) and computes nothing of its own.

pub mod dot;
mod graph_svg;
pub mod html;
pub mod human;
pub mod json;
pub mod markdown;
pub mod sarif;
pub mod snapshot;
pub mod stats;

/// The output formats of `claimgraph check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics for a person at a terminal, then a summary.
    Human,
    /// One JSON report per document (docs/json-format.md).
    Json,
    /// The claim–source graph in Graphviz DOT.
    Dot,
    /// One self-contained HTML page per document: the article highlighted, sources, graph.
    Html,
    /// A summary for a pull-request or CMS comment.
    Markdown,
    /// SARIF 2.1.0 for code-scanning tools: one log per document.
    Sarif,
}

/// Stable ids for the JSON and DOT outputs: `s1`, `c1`, ….
pub fn source_id(index: usize) -> String {
    id('s', index)
}

pub fn claim_id(index: usize) -> String {
    id('c', index)
}

/// `s1`, `c2`, …: written without `format!`, as a report makes one for every claim and source.
fn id(prefix: char, index: usize) -> String {
    let mut id = String::with_capacity(8);
    id.push(prefix);
    id.push_str(itoa::Buffer::new().format(index + 1));
    id
}

/// Lines and character counts of a text, so that a reporter finds the line, column and
/// character offset of any byte in time that does not grow with the text.
///
/// ```
/// use claimgraph::report::LineIndex;
/// let index = LineIndex::new("one\ntwo “three”");
/// assert_eq!(index.line(0), 1);
/// assert_eq!(index.line(8), 2);
/// assert_eq!(index.chars_before(12), 10);
/// assert_eq!(index.column(12), 7);
/// ```
#[derive(Debug, Clone)]
pub struct LineIndex<'t> {
    text: &'t str,
    /// The byte offset of every `\n`.
    newlines: Vec<usize>,
    /// `(byte, characters before it)` at a character boundary every [`CHECKPOINT`] bytes or so.
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes between two character-count checkpoints.
const CHECKPOINT: usize = 1024;

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let newlines = text.match_indices('\n').map(|(i, _)| i).collect();
        let mut checkpoints = vec![(0, 0)];
        for (chars, (i, _)) in text.char_indices().enumerate() {
            if i >= checkpoints[checkpoints.len() - 1].0 + CHECKPOINT {
                checkpoints.push((i, chars));
            }
        }
        LineIndex {
            text,
            newlines,
            checkpoints,
        }
    }

    /// The last character boundary at or before `byte`, within the text.
    fn floor(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        byte
    }

    /// The 1-based line of a byte offset, as editors and SARIF count lines.
    pub fn line(&self, byte: usize) -> usize {
        self.newlines.partition_point(|&n| n < byte) + 1
    }

    /// The byte where the line holding `byte` starts.
    pub fn line_start(&self, byte: usize) -> usize {
        let line = self.newlines.partition_point(|&n| n < byte);
        line.checked_sub(1)
            .map_or(0, |previous| self.newlines[previous] + 1)
    }

    /// The byte where the line holding `byte` ends (its `\n`, or the end of the text).
    pub fn line_end(&self, byte: usize) -> usize {
        let line = self.newlines.partition_point(|&n| n < byte);
        self.newlines.get(line).copied().unwrap_or(self.text.len())
    }

    /// The lines from `before` lines above the one holding `start` to `after` lines below the one
    /// holding `end`: their first byte, their end (the last one's `\n` excluded) and the 0-based
    /// number of the first.
    pub fn lines_around(
        &self,
        start: usize,
        end: usize,
        before: usize,
        after: usize,
    ) -> (usize, usize, usize) {
        let top = self
            .newlines
            .partition_point(|&n| n < start)
            .saturating_sub(before);
        let bottom = self.newlines.partition_point(|&n| n < end) + after;
        let first = top.checked_sub(1).map_or(0, |n| self.newlines[n] + 1);
        let last = self
            .newlines
            .get(bottom)
            .copied()
            .unwrap_or(self.text.len());
        (first, last.max(first), top)
    }

    /// The number of characters before `byte`.
    pub fn chars_before(&self, byte: usize) -> usize {
        let byte = self.floor(byte);
        let at = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (from, chars) = self.checkpoints[at];
        chars + self.text[from..byte].chars().count()
    }

    /// The 1-based column of `byte`, in characters.
    pub fn column(&self, byte: usize) -> usize {
        self.chars_before(byte) - self.chars_before(self.line_start(byte)) + 1
    }
}

/// The 1-based line of a byte offset, as editors and SARIF count lines. For many look-ups in one
/// text, build a [`LineIndex`] once.
pub fn line_number(text: &str, byte: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(byte)
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
