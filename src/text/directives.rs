//! Directives: `<!-- … -->` comments on a line of their own that speak to claimgraph rather than
//! to the reader. They are blanked out of the analysed text (replaced by spaces, so every byte
//! offset still matches the original file) and kept as data for the later stages:
//!
//! - `<!-- claimgraph: allow RULE -- REASON -->` silences RULE in the paragraph that follows;
//! - `<!-- expect: RULE -->` and `<!-- ok: RULE -->` assert that RULE fires, or does not fire, on
//!   the sentence that follows (`claimgraph test`).
//!
//! Any other comment on a line of its own is blanked too: it is markup, not article text.

use super::Span;

/// What a directive says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirectiveKind {
    /// `claimgraph: allow RULE -- REASON`. The reason is `None` when the comment gives none.
    Allow {
        rule: String,
        reason: Option<String>,
    },
    /// `claimgraph: …` that is not a well-formed `allow`.
    Malformed { text: String },
    /// `expect: RULE`
    Expect { rule: String },
    /// `ok: RULE`
    Ok { rule: String },
}

/// One directive and where its comment sits in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The whole comment, `<!--` to `-->`.
    pub span: Span,
    /// The rule id as written, for a label.
    pub rule_span: Option<Span>,
    pub kind: DirectiveKind,
    /// The paragraph that follows the comment: what an `allow` silences.
    pub paragraph: Option<Span>,
    /// The sentence that follows the comment: what `expect` and `ok` speak of.
    pub sentence: Option<Span>,
}

impl Directive {
    fn new(span: Span, rule_span: Option<Span>, kind: DirectiveKind) -> Directive {
        Directive {
            span,
            rule_span,
            kind,
            paragraph: None,
            sentence: None,
        }
    }

    /// The rule the directive names, if it names one.
    pub fn rule(&self) -> Option<&str> {
        match &self.kind {
            DirectiveKind::Allow { rule, .. }
            | DirectiveKind::Expect { rule }
            | DirectiveKind::Ok { rule } => Some(rule),
            DirectiveKind::Malformed { .. } => None,
        }
    }
}

impl super::Document<'_> {
    /// Gives each directive the paragraph and the sentence that follow its comment.
    pub fn scope(&self, directives: &mut [Directive]) {
        for d in directives {
            d.paragraph = self.paragraph_after(d.span.end);
            d.sentence = self
                .sentence_after(d.span.end)
                .map(|s| self.sentences[s].span);
        }
    }
}

/// A text with its directive comments blanked out, and the directives.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Prepared {
    /// The text to analyse: the input with every own-line comment replaced by spaces.
    pub text: String,
    pub directives: Vec<Directive>,
}

/// Whether an HTML comment is one of claimgraph's directives (`claimgraph:`, `expect:`, `ok:`),
/// which readers of marked-up input keep for the text stage.
pub fn is_directive_comment(html: &str) -> bool {
    let Some(body) = html
        .trim()
        .strip_prefix("<!--")
        .and_then(|b| b.strip_suffix("-->"))
    else {
        return false;
    };
    let body = body.trim_start();
    ["claimgraph:", "expect:", "ok:"]
        .iter()
        .any(|p| body.starts_with(p))
}

/// Finds the own-line comments of `input`, blanks them and reads the directives among them.
///
/// ```
/// let input = "<!-- expect: unsourced-claim -->\nThe bridge will close.\n";
/// let p = claimgraph::text::prepare(input);
/// assert_eq!(p.text.len(), input.len());
/// assert!(p.text.starts_with("     "));
/// assert_eq!(p.directives.len(), 1);
/// ```
pub fn prepare(input: &str) -> Prepared {
    // Most texts hold no comment: one search of the bytes spares the look at every line and the
    // UTF-8 check of the copy.
    if memchr::memmem::find(input.as_bytes(), b"<!--").is_none() {
        return Prepared {
            text: input.to_string(),
            directives: Vec::new(),
        };
    }
    let mut bytes = input.as_bytes().to_vec();
    let mut directives = Vec::new();
    let mut line_start = 0;
    while line_start < input.len() {
        let rest = &input[line_start..];
        let indent = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let start = line_start + indent;
        let next_line = |from: usize| {
            input[from..]
                .find('\n')
                .map_or(input.len(), |i| from + i + 1)
        };
        if !input[start..].starts_with("<!--") {
            line_start = next_line(start);
            continue;
        }
        // The close is looked for after the open, so that `<!-->` is not a comment of its own.
        let Some(close) = input[start + 4..].find("-->").map(|i| start + 4 + i + 3) else {
            break;
        };
        let after = next_line(close);
        let tail = &input[close..after];
        if !tail.trim().is_empty() {
            // Text after the comment on its line: an inline comment, left alone.
            line_start = after;
            continue;
        }
        let span = Span::new(start, close);
        if let Some(d) = read(input, span) {
            directives.push(d);
        }
        for b in &mut bytes[start..close] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
        line_start = after;
    }
    // Only whole comments, which are whole UTF-8 sequences, were replaced by ASCII spaces.
    let text = String::from_utf8(bytes).unwrap_or_else(|_| input.to_string());
    Prepared { text, directives }
}

/// Reads the directive in one comment, if it is one.
fn read(input: &str, span: Span) -> Option<Directive> {
    let inner_start = span.start + 4;
    let inner_end = span.end - 3;
    let inner = &input[inner_start..inner_end];
    let body = inner.trim_start();
    let body_start = inner_start + (inner.len() - body.len());
    let body = body.trim_end();
    let word_span = |word: &str, within: &str, within_start: usize| {
        let offset = within.find(word).unwrap_or(0);
        Span::new(within_start + offset, within_start + offset + word.len())
    };
    for (prefix, expect) in [("expect:", true), ("ok:", false)] {
        if let Some(rest) = body.strip_prefix(prefix) {
            let rule = rest.trim().to_string();
            let rest_start = body_start + prefix.len();
            let rule_span = Some(word_span(&rule, rest, rest_start));
            let kind = if expect {
                DirectiveKind::Expect { rule }
            } else {
                DirectiveKind::Ok { rule }
            };
            return Some(Directive::new(span, rule_span, kind));
        }
    }
    let rest = body.strip_prefix("claimgraph:")?;
    let rest_start = body_start + "claimgraph:".len();
    let malformed = || {
        let text = body.to_string();
        Directive::new(span, None, DirectiveKind::Malformed { text })
    };
    let Some(allow) = rest.trim_start().strip_prefix("allow") else {
        return Some(malformed());
    };
    let (rule, reason) = match allow.split_once("--") {
        Some((rule, reason)) => (rule.trim(), Some(reason.trim())),
        None => (allow.trim(), None),
    };
    if rule.is_empty() || rule.contains(char::is_whitespace) {
        return Some(malformed());
    }
    let kind = DirectiveKind::Allow {
        rule: rule.to_string(),
        reason: reason.filter(|r| !r.is_empty()).map(str::to_string),
    };
    Some(Directive::new(
        span,
        Some(word_span(rule, rest, rest_start)),
        kind,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_blanked_and_offsets_kept() {
        let input = "Intro.\n\n<!-- claimgraph: allow single-source-claim -- one witness -->\nThe mill shut, a worker said.\n";
        let p = prepare(input);
        assert_eq!(p.text.len(), input.len());
        let end = input.find("-->").expect("comment") + 3;
        assert_eq!(&p.text[..8], "Intro.\n\n");
        assert_eq!(p.text[8..end], " ".repeat(end - 8));
        assert_eq!(&p.text[end..], "\nThe mill shut, a worker said.\n");
        assert_eq!(p.directives[0].span, Span::new(8, end));
        assert_eq!(
            p.directives[0].kind,
            DirectiveKind::Allow {
                rule: "single-source-claim".into(),
                reason: Some("one witness".into())
            }
        );
        let rule = p.directives[0].rule_span.unwrap();
        assert_eq!(rule.slice(input), "single-source-claim");
    }

    #[test]
    fn missing_reason_and_malformed_and_inline() {
        let p = prepare(
            "<!-- claimgraph: allow unsourced-claim -->\n<!-- claimgraph: nonsense here -->\nA <!-- inline --> word.\n<!-- ok: x",
        );
        assert_eq!(
            p.directives[0].kind,
            DirectiveKind::Allow {
                rule: "unsourced-claim".into(),
                reason: None
            }
        );
        assert!(matches!(
            p.directives[1].kind,
            DirectiveKind::Malformed { .. }
        ));
        assert_eq!(p.directives.len(), 2);
        assert!(p.text.contains("<!-- inline -->"));
        assert!(p.text.ends_with("<!-- ok: x"));
    }

    #[test]
    fn odd_comments_do_not_panic() {
        for input in [
            "<!-->",
            "<!---->",
            "<!-- -->",
            "<!-- claimgraph: -->",
            "<!-- claimgraph: allow -->",
            "<!-- claimgraph: allow -- -->",
            "<!-- expect: -->",
            "<!-- ok:-->\n",
            "\t<!-- claimgraph: allow x -- é -->\r\nText.",
            "<!-- a\nb -->\nText.",
        ] {
            let p = prepare(input);
            assert_eq!(p.text.len(), input.len(), "{input:?}");
        }
        let p = prepare("<!-- claimgraph: allow -- why -->\n");
        assert!(matches!(
            p.directives[0].kind,
            DirectiveKind::Malformed { .. }
        ));
    }

    #[test]
    fn multibyte_text_around_comments_survives() {
        let p = prepare("“Quoted,” she said.\n  <!-- expect: single-source-claim -->\nÜber.");
        assert!(p.text.starts_with("“Quoted,” she said.\n"));
        assert!(p.text.ends_with("\nÜber."));
        assert_eq!(
            p.directives[0].kind,
            DirectiveKind::Expect {
                rule: "single-source-claim".into()
            }
        );
    }
}
