//! Markdown files: the prose is analysed; code, front matter, HTML, image text and link
//! targets are not.

use super::{Extracted, TextBuilder};
use crate::text::Span;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The prose of a Markdown file, with a map back into `source`.
///
/// ```
/// let md = "---\ntitle: x\n---\n# Bridge\n\nThe [mayor](https://example.com) said so.\n\n```\ncode said\n```\n";
/// let extracted = claimgraph::markup::extract_markdown(md);
/// assert_eq!(extracted.text, "Bridge\n\nThe mayor said so.\n");
/// ```
pub fn extract_markdown(source: &str) -> Extracted {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH;
    let mut builder = TextBuilder::default();
    // Inside code blocks, front matter and images nothing is prose; they do not nest.
    let mut skipping = false;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::Image { .. }) => {
                skipping = true;
                builder.space();
            }
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::Image) => {
                skipping = false;
                builder.space();
            }
            _ if skipping => {}
            Event::Start(tag) if is_block(&tag) => builder.paragraph_break(),
            Event::End(tag) if is_block_end(&tag) => builder.paragraph_break(),
            Event::Text(text) => {
                let verbatim = source.get(range.clone()) == Some(&*text);
                builder.push(&text, Span::new(range.start, range.end), verbatim)
            }
            // A claimgraph directive (suppression, expectation) is kept on a line of its own, so
            // that the text stage finds it as in a plain-text article.
            Event::Html(html) | Event::InlineHtml(html)
                if crate::text::is_directive_comment(&html) =>
            {
                builder.paragraph_break();
                let comment = html.trim_end();
                builder.push(
                    comment,
                    Span::new(range.start, range.start + comment.len()),
                    source.get(range.start..range.start + comment.len()) == Some(comment),
                );
                builder.paragraph_break();
            }
            Event::Code(_) | Event::SoftBreak | Event::HardBreak | Event::InlineHtml(_) => {
                builder.space()
            }
            _ => {}
        }
    }
    builder.finish()
}

fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::Item
            | Tag::List(_)
            | Tag::Table(_)
            | Tag::TableRow
            | Tag::TableHead
            | Tag::TableCell
            | Tag::FootnoteDefinition(_)
            | Tag::HtmlBlock
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::Item
            | TagEnd::List(_)
            | TagEnd::Table
            | TagEnd::TableRow
            | TagEnd::TableHead
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition
            | TagEnd::HtmlBlock
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const POST: &str = "+++\ndate = 2024\n+++\n\n# Council vote\n\nThe mayor *said* the \
bridge will reopen, [according to](https://example.com/said \"said\") a statement.\n\
Officials agreed &amp; left.\n\n```rust\nlet said = 1;\n```\n\n    indented code said\n\n\
> A resident `said` so.\n\n![the mayor said](photo.jpg)\n\n- One item.\n- Two items.\n";

    #[test]
    fn prose_is_kept_and_code_front_matter_and_targets_are_not() {
        let extracted = extract_markdown(POST);
        assert_eq!(
            extracted.text,
            "Council vote\n\nThe mayor said the bridge will reopen, according to a statement. \
Officials agreed & left.\n\nA resident so.\n\nOne item.\n\nTwo items.\n"
        );
    }

    #[test]
    fn offsets_map_to_the_markdown_source() {
        let extracted = extract_markdown(POST);
        let text = &extracted.text;
        for needle in [
            "bridge will reopen",
            "according to",
            "statement",
            "Two items.",
        ] {
            let start = text.find(needle).unwrap();
            let source = extracted
                .map
                .to_source(Span::new(start, start + needle.len()));
            assert_eq!(&POST[source.start..source.end], needle);
        }
        let amp = text.find('&').unwrap();
        let source = extracted.map.to_source(Span::new(amp, amp + 1));
        assert_eq!(&POST[source.start..source.end], "&amp;");
        // A span across emphasis covers the markup between its words.
        let start = text.find("mayor said").unwrap();
        let source = extracted.map.to_source(Span::new(start, start + 10));
        assert_eq!(&POST[source.start..source.end], "mayor *said");
    }
}
