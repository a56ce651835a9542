//! HTML pages: the article body is found by a readability port (`dom_smoothie`), its text is
//! laid out in paragraphs, and every word is located back in the page source.

use super::{Extracted, TextBuilder};
use crate::text::Span;
use dom_query::{Document, NodeRef};

/// Elements whose text is never article prose, even inside the body readability chose.
const SKIPPED: &[&str] = &[
    "aside",
    "button",
    "figcaption",
    "figure",
    "form",
    "iframe",
    "nav",
    "noscript",
    "script",
    "select",
    "style",
    "svg",
    "template",
    "textarea",
];

/// Elements that end a paragraph of the analysed text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// The article text of an HTML page, with a map back into `page`.
///
/// ```
/// let page = "<html><body><nav>Home | World</nav><article><p>The mayor said the bridge will \
///             reopen.</p><p>Officials &ldquo;agreed.&rdquo;</p></article></body></html>";
/// let extracted = claimgraph::markup::extract_html(page);
/// assert!(extracted.text.ends_with("Officials “agreed.”\n"));
/// ```
pub fn extract_html(page: &str) -> Extracted {
    // Readability's usual 500-character bar first; a page that fails it (a brief, a test page)
    // gets a second try with none, because with no bar some long pages fail instead.
    let article = [dom_smoothie::Config::default().char_threshold, 0]
        .into_iter()
        .find_map(|char_threshold| {
            let config = dom_smoothie::Config {
                char_threshold,
                ..dom_smoothie::Config::default()
            };
            dom_smoothie::Readability::new(page, None, Some(config))
                .ok()?
                .parse()
                .ok()
                .filter(|a| !a.text_content.trim().is_empty())
        });
    let document = match &article {
        Some(article) => Document::from(article.content.as_ref()),
        // Readability found nothing: fall back to everything in the body.
        None => Document::from(page),
    };
    let mut reader = Reader {
        locator: Locator::new(page),
        builder: TextBuilder::default(),
    };
    reader.walk(&document.root());
    reader.builder.finish()
}

struct Reader<'p> {
    locator: Locator<'p>,
    builder: TextBuilder,
}

impl Reader<'_> {
    fn walk(&mut self, node: &NodeRef) {
        for child in node.children() {
            if child.is_text() {
                let text = child.text();
                self.push_text(&text);
            } else if child.is_element() {
                let name = child.node_name().unwrap_or_default();
                let name: &str = name.as_ref();
                if SKIPPED.contains(&name) || name == "head" {
                    continue;
                }
                if name == "br" {
                    self.builder.space();
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    self.builder.paragraph_break();
                }
                self.walk(&child);
                if block {
                    self.builder.paragraph_break();
                }
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        if text.starts_with(char::is_whitespace) {
            self.builder.space();
        }
        for word in text.split_whitespace() {
            for piece in self.locator.locate(word) {
                self.builder.push(piece.text, piece.source, piece.verbatim);
            }
            self.builder.space_pending = false;
            self.builder.space();
        }
        if !text.ends_with(char::is_whitespace) {
            self.builder.space_pending = false;
        }
    }
}

/// How far past the previous word the next one is looked for, in bytes of page source.
const SEARCH_WINDOW: usize = 256 * 1024;

/// A piece of a word and where it is in the page: verbatim bytes, or one decoded entity.
struct Piece<'w> {
    text: &'w str,
    source: Span,
    verbatim: bool,
}

/// Finds decoded words in the page source, in order, outside tags, comments, scripts and styles.
struct Locator<'p> {
    page: &'p str,
    cursor: usize,
}

impl<'p> Locator<'p> {
    fn new(page: &'p str) -> Self {
        let cursor = find_ascii_case_insensitive(page, "<body", 0).unwrap_or(0);
        Locator { page, cursor }
    }

    /// `word` split into pieces with their source spans: verbatim runs and decoded entities.
    /// A word that is not found maps, as a whole, to the empty span at the cursor.
    fn locate<'w>(&mut self, word: &'w str) -> Vec<Piece<'w>> {
        let bytes = self.page.as_bytes();
        // A word that is not in the page (readability rewrote it) must not cost a scan of the
        // whole rest of the page each time: that would make large pages quadratic.
        let window = bytes.len().min(self.cursor.saturating_add(SEARCH_WINDOW));
        let mut at = self.cursor;
        while at < window {
            match bytes[at] {
                b'<' => at = self.skip_markup(at),
                _ => {
                    if let Some((pieces, end)) = self.match_at(at, word) {
                        self.cursor = end;
                        return pieces;
                    }
                    at += 1;
                }
            }
        }
        vec![Piece {
            text: word,
            source: Span::new(self.cursor, self.cursor),
            verbatim: false,
        }]
    }

    /// Where text resumes after the tag, comment, script or style opening at `at`.
    fn skip_markup(&self, at: usize) -> usize {
        let page = self.page;
        let rest = &page[at..];
        let after = |needle: &str, from: usize| {
            find_ascii_case_insensitive(page, needle, from).map_or(page.len(), |i| i + needle.len())
        };
        if rest.starts_with("<!--") {
            return after("-->", at + 4);
        }
        for raw in ["script", "style"] {
            let bytes = rest.as_bytes();
            let is_raw = bytes.len() > raw.len() + 1
                && bytes[1..raw.len() + 1].eq_ignore_ascii_case(raw.as_bytes())
                && !bytes[raw.len() + 1].is_ascii_alphanumeric();
            if is_raw {
                return after(&format!("</{raw}"), at + 1);
            }
        }
        // A `<` not followed by a tag name is text.
        if !rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') {
            return at + 1;
        }
        rest.find('>').map_or(page.len(), |i| at + i + 1)
    }

    /// The pieces of `word` if the source at `at` spells it, and where the match ends.
    fn match_at<'w>(&self, at: usize, word: &'w str) -> Option<(Vec<Piece<'w>>, usize)> {
        let page = self.page;
        let mut pieces: Vec<Piece<'w>> = Vec::new();
        let mut source = at;
        let mut chars = word.char_indices().peekable();
        let mut run_start: Option<(usize, usize)> = None;
        while let Some((i, c)) = chars.next() {
            let rest = page.get(source..)?;
            let next = rest.chars().next()?;
            if next == '&'
                && let Some((decoded, len)) = decode_entity(rest)
            {
                let mut decoded_chars = decoded.chars();
                if decoded_chars.next() == Some(c) && decoded_chars.next().is_none() {
                    if let Some((word_start, source_start)) = run_start.take() {
                        pieces.push(Piece {
                            text: &word[word_start..i],
                            source: Span::new(source_start, source),
                            verbatim: true,
                        });
                    }
                    pieces.push(Piece {
                        text: &word[i..i + c.len_utf8()],
                        source: Span::new(source, source + len),
                        verbatim: false,
                    });
                    source += len;
                    continue;
                }
                // The `&` of an entity that means something else is not a literal `&`.
                return None;
            }
            if next != c {
                return None;
            }
            run_start.get_or_insert((i, source));
            source += c.len_utf8();
            if chars.peek().is_none() {
                break;
            }
        }
        if let Some((word_start, source_start)) = run_start {
            pieces.push(Piece {
                text: &word[word_start..],
                source: Span::new(source_start, source),
                verbatim: true,
            });
        }
        Some((pieces, source))
    }
}

/// The character an entity at the start of `text` stands for, and the entity's length.
fn decode_entity(text: &str) -> Option<(String, usize)> {
    let end = text.as_bytes().iter().take(40).position(|&b| b == b';')?;
    let entity = &text[..=end];
    let decoded = html_escape::decode_html_entities(entity);
    (decoded != entity).then(|| (decoded.into_owned(), end + 1))
}

fn find_ascii_case_insensitive(haystack: &str, needle: &str, from: usize) -> Option<usize> {
    let bytes = haystack.as_bytes();
    let needle = needle.as_bytes();
    (from..bytes.len().saturating_sub(needle.len() - 1))
        .find(|&i| bytes[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html>
<html><head><title>Bridge</title><meta name="description" content="The mayor said it."></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="advertisement sponsor">Buy now! Limited offer.</div>
<article>
  <h1>Bridge to reopen</h1>
  <p>The mayor said the bridge will reopen on Monday, according to a statement.</p>
  <figure><img src="b.jpg"><figcaption>The bridge in 2019. Photo: Staff</figcaption></figure>
  <p>&ldquo;We are ready,&rdquo; the city engineer told reporters. Tom&nbsp;&amp; Jerry&#8217;s shop
     reopened too, officials <a href="/said">said</a>.</p>
  <p>Engineers inspected the deck, the cables and the piers over three weeks, and they found
     that the repairs, which cost the city more than it had planned, were finished on time.</p>
  <p>Residents of both banks, who had driven around the river for months, welcomed the news,
     although some of them said the detour had become a habit, and others asked for a bus.</p>
  <script>var said = "the mayor said";</script>
</article>
<aside><h2>Related</h2><ul><li><a href="/x">Mayor said other things</a></li></ul></aside>
</body></html>"#;

    #[test]
    fn article_text_keeps_prose_and_drops_furniture() {
        let extracted = extract_html(PAGE);
        let text = &extracted.text;
        assert!(text.contains(
            "The mayor said the bridge will reopen on Monday, according to a statement.\n\n"
        ));
        assert!(text.contains("“We are ready,” the city engineer told reporters."));
        // A no-break space separates words like any other space.
        assert!(text.contains("Tom & Jerry’s shop reopened too, officials said."));
        for furniture in ["Home", "Buy now", "Photo: Staff", "var said", "Related"] {
            assert!(!text.contains(furniture), "{furniture:?} in {text:?}");
        }
    }

    #[test]
    fn every_word_maps_back_to_its_source_bytes() {
        let extracted = extract_html(PAGE);
        let text = &extracted.text;
        let span_of = |needle: &str| {
            let start = text.find(needle).unwrap();
            extracted
                .map
                .to_source(Span::new(start, start + needle.len()))
        };
        let engineer = span_of("engineer");
        assert_eq!(&PAGE[engineer.start..engineer.end], "engineer");
        let quote = span_of("“We");
        assert_eq!(&PAGE[quote.start..quote.end], "&ldquo;We");
        let shop = span_of("Jerry’s");
        assert_eq!(&PAGE[shop.start..shop.end], "Jerry&#8217;s");
        // The word inside the link maps to the link text, not to its href.
        let said = text.rfind("officials said").unwrap() + "officials ".len();
        let said = extracted.map.to_source(Span::new(said, said + 4));
        assert_eq!(&PAGE[said.start - 1..said.end + 1], ">said<");
    }

    #[test]
    fn a_page_without_an_article_still_yields_its_body_text() {
        let extracted = extract_html("<p>Short.</p>");
        assert_eq!(extracted.text, "Short.\n");
        assert!(extract_html("").text.is_empty());
        assert!(
            extract_html("<html><body><script>x()</script></body></html>")
                .text
                .is_empty()
        );
    }
}
