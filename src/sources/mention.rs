//! Reading one source mention: its name, kind, role and affiliation.

use super::SourceKind;
use crate::grammar::{Grammar, class};
use crate::text::{Document, Span, Token, TokenKind};
use std::borrow::Cow;

/// Which antecedents a pronoun may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// he, she, his, her, him
    Person,
    /// they, their, them
    Plural,
    /// it, its
    Thing,
    /// who, which: the nearest source
    Any,
    /// I, we: the writer, who is never an antecedent
    Speaker,
}

/// What a mention says about its entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described {
    pub name: String,
    pub kind: SourceKind,
    pub named: bool,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub knowledge: Option<String>,
    pub count: Option<usize>,
    pub noun: Option<String>,
    pub definite: bool,
    pub vague: bool,
    pub pronoun: Option<Pronoun>,
}

impl Described {
    /// A mention about which nothing is known yet but its text.
    fn unknown(name: String) -> Described {
        Described {
            name,
            kind: SourceKind::Unknown,
            named: false,
            role: None,
            affiliation: None,
            knowledge: None,
            count: None,
            noun: None,
            definite: false,
            vague: false,
            pronoun: None,
        }
    }
}

/// A person introduced with a title somewhere in the text ("Russian President Vladimir Putin"),
/// so that a later bare surname can be given the full name, role and affiliation.
#[derive(Debug, Clone)]
pub struct Introduction {
    pub name: String,
    pub surname: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub span: Span,
}

fn pronoun(lower: &str) -> Option<Pronoun> {
    Some(match lower {
        "he" | "she" | "his" | "her" | "him" | "hers" => Pronoun::Person,
        "they" | "their" | "them" => Pronoun::Plural,
        "it" | "its" => Pronoun::Thing,
        "who" | "which" | "whom" => Pronoun::Any,
        "i" | "we" | "me" | "us" | "my" | "our" => Pronoun::Speaker,
        _ => return None,
    })
}

/// The noun phrase a relative pronoun that is a source stands for: "Republicans" in "ammunition
/// to Republicans who say …", "Ann Lee" in "Ann Lee, who said …", "a new poll" in "a new poll
/// that shows …". `None` when `span` is not such a pronoun or no noun phrase stands before it.
pub fn relative_antecedent(doc: &Document, span: Span) -> Option<Span> {
    let at = doc.tokens.partition_point(|t| t.span.start < span.start);
    let pronoun = doc.tokens.get(at)?;
    if pronoun.span != span || !matches!(pronoun.lower.as_str(), "who" | "whom" | "which" | "that")
    {
        return None;
    }
    let mut end = at;
    if end > 0 && doc.tokens[end - 1].kind == TokenKind::Comma {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && end - start < MAX_ANTECEDENT_TOKENS {
        let t = &doc.tokens[start - 1];
        let before_is_determiner = start >= 2 && {
            let b = &doc.tokens[start - 2];
            b.is(class::DETERMINER) || b.kind == TokenKind::Possessive
        };
        let in_noun_phrase = matches!(
            t.kind,
            TokenKind::Word | TokenKind::Number | TokenKind::Possessive
        ) && (t.capitalized
            || !(t.is(class::AUXILIARY)
                || t.is(class::SUBORDINATOR)
                || t.is(class::IRREGULAR_PAST)
                || (t.is(class::PREPOSITION) && t.lower != "of")
                || matches!(t.lower.as_str(), "that" | "he" | "she" | "they" | "we" | "i")
                || (t.lower.len() > 4 && t.lower.ends_with("ed"))
                // A cue verb ends the phrase ("he says members who"); after an article it
                // is a noun ("a statement that").
                || (t.is(class::CUE_START) && !before_is_determiner)));
        if !in_noun_phrase {
            break;
        }
        start -= 1;
    }
    (start < end).then(|| doc.tokens[start].span.cover(doc.tokens[end - 1].span))
}

/// The longest noun phrase [`relative_antecedent`] takes before its pronoun.
const MAX_ANTECEDENT_TOKENS: usize = 12;

/// The text of the tokens: the original slice when they are contiguous, else their words
/// joined by spaces (a conjunct made up from "U.S. and European officials").
fn join(doc: &Document, tokens: &[Token]) -> String {
    join_all(doc, tokens.iter())
}

/// [`join`] for tokens that need not be next to each other in the document.
fn join_all<'a>(doc: &Document, tokens: impl Iterator<Item = &'a Token> + Clone) -> String {
    let contiguous = tokens
        .clone()
        .zip(tokens.clone().skip(1))
        .all(|(a, b)| doc.text[a.span.end..b.span.start].trim().is_empty());
    match (tokens.clone().next(), tokens.clone().last()) {
        (Some(first), Some(last)) if contiguous => {
            doc.text[first.span.start..last.span.end].to_string()
        }
        _ => tokens
            .map(|t| t.span.slice(doc.text))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// The longest title starting at `at`, as a number of tokens.
fn title_at(grammar: &Grammar, tokens: &[Token], at: usize) -> usize {
    grammar.longest_title_from(tokens[at..].iter().map(|t| t.lower.as_str()))
}

fn is_name_word(grammar: &Grammar, t: &Token) -> bool {
    t.kind == TokenKind::Word
        && t.capitalized
        && !grammar.titles.contains(&t.lower)
        && !grammar.words.determiners.contains(&t.lower)
}

/// Every "[Affiliation] Title Name" in the text.
pub fn introductions(doc: &Document, grammar: &Grammar) -> Vec<Introduction> {
    let mut out = Vec::new();
    // Tokens classified with this grammar say without a look-up that they start no title.
    let classified = doc.is_classified_with(grammar);
    for sentence in 0..doc.sentences.len() {
        let tokens = doc.sentence_tokens(sentence);
        let mut i = 0;
        while i < tokens.len() {
            if classified {
                // On to the next token that may start a title.
                match tokens[i..].iter().position(|t| t.is(class::TITLE_START)) {
                    Some(skip) => i += skip,
                    None => break,
                }
            }
            let title_len = title_at(grammar, tokens, i);
            if title_len == 0
                || !(tokens[i].capitalized
                    || tokens.get(i + title_len).is_some_and(|t| t.capitalized))
            {
                i += 1;
                continue;
            }
            let name_start = i + title_len;
            let mut name_end = name_start;
            while name_end < tokens.len() && is_name_word(grammar, &tokens[name_end]) {
                name_end += 1;
            }
            if name_end > name_start {
                let mut aff_start = i;
                while aff_start > 0
                    && is_name_word(grammar, &tokens[aff_start - 1])
                    && aff_start + 3 > i
                {
                    aff_start -= 1;
                }
                let name = join(doc, &tokens[name_start..name_end]);
                out.push(Introduction {
                    surname: tokens[name_end - 1].span.slice(doc.text).to_string(),
                    name,
                    role: Some(join(doc, &tokens[i..name_start])),
                    affiliation: (aff_start < i).then(|| join(doc, &tokens[aff_start..i])),
                    span: tokens[aff_start].span.cover(tokens[name_end - 1].span),
                });
            }
            i = name_end.max(i + 1);
        }
    }
    out
}

/// Describes the entity or entities a source mention stands for.
pub fn describe(doc: &Document, grammar: &Grammar, span: Span) -> Vec<Described> {
    let tokens = doc.tokens_within(span);
    // Tokens classified with this grammar say whether any knowledge link can start among them,
    // which most mentions' do not.
    let classified = doc.is_classified_with(grammar);
    let may_link = !classified || tokens.iter().any(|t| t.is(class::KNOWLEDGE_START));
    let knowledge = grammar
        .knowledge_links
        .iter()
        .filter(|_| may_link)
        .find(|link| {
            tokens.windows(link.len()).any(|w| {
                // A window whose first token lacks the bit cannot start this link.
                (!classified || w[0].is(class::KNOWLEDGE_START))
                    && w.iter()
                        .map(|t| t.lower.as_str())
                        .eq(link.iter().map(String::as_str))
            })
        })
        .map(|link| {
            let at = tokens.iter().position(|t| t.lower == link[0]).unwrap_or(0);
            join(doc, &tokens[at..])
        });
    // The head: up to an apposition's comma, a relative clause or a possessive ending.
    let head_end = tokens
        .iter()
        .position(|t| {
            matches!(
                t.kind,
                TokenKind::Comma | TokenKind::Possessive | TokenKind::OpenParen
            ) || (t.kind == TokenKind::Word && matches!(t.lower.as_str(), "who" | "which" | "that"))
        })
        .unwrap_or(tokens.len());
    let head_end = if head_end == 0 {
        tokens.len().min(1)
    } else {
        head_end
    };
    // The role an apposition gives ("Jane Doe, an engineer"), read only for a person with no
    // role of their own.
    let apposition = || {
        tokens
            .iter()
            .position(|t| t.kind == TokenKind::Comma)
            .and_then(|c| {
                // The role ends where a relative clause begins: "an engineer who inspected it".
                let rest: Vec<&Token> = tokens[c + 1..]
                    .iter()
                    .take_while(|t| !matches!(t.lower.as_str(), "who" | "which" | "that"))
                    .filter(|t| t.kind != TokenKind::Comma)
                    .collect();
                let rest = &rest[articles(rest.iter().copied())..];
                (!rest.is_empty()).then(|| join_all(doc, rest.iter().copied()))
            })
    };
    let head = &tokens[..head_end];
    if head.len() == 1
        && let Some(p) = pronoun(&head[0].lower)
    {
        return vec![Described {
            pronoun: Some(p),
            ..Described::unknown(head[0].span.slice(doc.text).to_string())
        }];
    }
    // People do not take an article: "the Evening Courier" is an organisation.
    let definite = head.first().is_some_and(|t| t.lower == "the");
    let stated_count = head
        .first()
        .and_then(|t| grammar.numbers.get(t.lower.as_str()).copied());
    let vague = is_weasel(grammar, strip_determiners(grammar, head));
    let head = strip_determiners(grammar, head);
    // The conjuncts, or the head itself (borrowed: most mentions are not coordinated).
    let mut parts: Vec<Cow<[Token]>> = split_coordination(grammar, head)
        .into_iter()
        .map(Cow::Owned)
        .collect();
    let coordinated = !parts.is_empty();
    if !coordinated {
        parts.push(Cow::Borrowed(head));
    }
    // An unnamed source is known by its whole description: "person who attended the meeting".
    // Only an uncoordinated mention (one part) uses it, so it is built at most once.
    let description = || {
        let whole: Vec<&Token> = tokens
            .iter()
            .filter(|t| t.kind != TokenKind::Possessive)
            .collect();
        let mut whole = &whole[articles(whole.iter().copied())..];
        while let Some((last, rest)) = whole.split_last()
            && !last.is_word()
        {
            whole = rest;
        }
        join_all(doc, whole.iter().copied())
    };
    // Every part of "Trump and Putin, the two presidents," may take the apposition.
    let mut apposition_read: Option<Option<String>> = None;
    let mut described = Vec::with_capacity(parts.len());
    for part in &parts {
        let mut d = describe_part(doc, grammar, part);
        if vague && !coordinated {
            // "Some", "Others": capitalised at the start of a sentence, still nobody.
            d.named = false;
            if d.kind == SourceKind::Person {
                d.kind = SourceKind::Group;
            }
        }
        if definite && d.kind == SourceKind::Person && d.role.is_none() && d.named {
            d.kind = SourceKind::Organization;
        }
        d.knowledge = knowledge.clone();
        if !d.named && !coordinated {
            d.noun = part
                .iter()
                .find_map(|t| grammar.source_noun_singular.get(t.lower.as_str()).cloned());
            let singular = d.noun.is_some() && d.kind == SourceKind::Person;
            d.count = stated_count.or(singular.then_some(1).filter(|_| definite));
            d.definite = definite && singular;
            d.vague = vague;
            let description = description();
            if !description.is_empty() {
                d.name = description;
            }
        }
        if d.role.is_none() && d.kind == SourceKind::Person {
            d.role = apposition_read.get_or_insert_with(apposition).clone();
        }
        described.push(d);
    }
    described
}

/// Whether the words of a mention (less its articles) are a phrase of `grammar/weasels.toml`.
fn is_weasel(grammar: &Grammar, tokens: &[Token]) -> bool {
    let words = tokens.iter().filter(|t| t.is_word()).map(|t| &t.lower);
    // Most mentions start with no weasel's first word, which one look-up says without
    // building the owned key the phrase set is keyed by.
    if let Some(first) = words.clone().next()
        && !grammar.weasel_starts.contains(first)
    {
        return false;
    }
    let key: Vec<String> = words.map(|w| w.to_string()).collect();
    grammar.weasels.contains(&key)
}

fn strip_determiners<'a>(grammar: &Grammar, tokens: &'a [Token]) -> &'a [Token] {
    // Articles only: "two officials" keeps its number, which the source count needs.
    let _ = grammar;
    &tokens[articles(tokens.iter())..]
}

/// How many articles lead `tokens`.
fn articles<'a>(tokens: impl Iterator<Item = &'a Token>) -> usize {
    tokens
        .take_while(|t| matches!(t.lower.as_str(), "the" | "a" | "an"))
        .count()
}

/// "U.S. and European officials" → ["U.S. officials", "European officials"];
/// "Trump and Putin" → ["Trump", "Putin"].
fn split_coordination(grammar: &Grammar, tokens: &[Token]) -> Vec<Vec<Token>> {
    let Some(and) = tokens
        .iter()
        .position(|t| t.lower == "and" || t.lower == "&")
    else {
        return Vec::new();
    };
    if and == 0 || and + 1 >= tokens.len() {
        return Vec::new();
    }
    let left = &tokens[..and];
    let right = &tokens[and + 1..];
    let head = right.last().expect("non-empty");
    let head_is_group = grammar
        .source_nouns
        .get(head.lower.as_str())
        .is_some_and(|n| n.plural);
    if head_is_group && left.iter().all(|t| t.capitalized) {
        // Shared head noun: both modifiers take it.
        let mut first = left.to_vec();
        first.push(head.clone());
        return vec![first, right.to_vec()];
    }
    let all_names = |side: &[Token]| {
        side.iter()
            .all(|t| t.capitalized || t.kind != TokenKind::Word)
    };
    if all_names(left)
        && all_names(right)
        && !grammar.outlets.contains_key(
            &tokens
                .iter()
                .map(|t| t.lower.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
    {
        return vec![left.to_vec(), right.to_vec()];
    }
    Vec::new()
}

fn describe_part(doc: &Document, grammar: &Grammar, tokens: &[Token]) -> Described {
    let lower: Vec<&str> = tokens.iter().map(|t| t.lower.as_str()).collect();
    let mut d = Described::unknown(join(doc, tokens));
    if tokens.is_empty() {
        return d;
    }
    // Tokens classified with this grammar answer some questions below without a look-up.
    let classified = doc.is_classified_with(grammar);
    // An outlet named anywhere in the mention: "German outlet Bild". Each tail of the words,
    // joined by spaces, is a tail of the whole joined once.
    let joined = lower.join(" ");
    let mut tail = 0;
    for (start, word) in lower.iter().enumerate() {
        if start > 0 {
            tail += lower[start - 1].len() + 1;
        }
        debug_assert!(joined[tail..].starts_with(word));
        // A classified token says whether an outlet's name can start with it.
        if classified && !tokens[start].is(class::OUTLET_START) {
            continue;
        }
        if let Some(canonical) = grammar.outlets.get(&joined[tail..]) {
            d.name = canonical.clone();
            d.kind = SourceKind::Outlet;
            d.named = true;
            return d;
        }
    }
    // A title followed by a name: a person.
    if let Some((at, title_len)) = (0..tokens.len()).find_map(|i| {
        if classified && !tokens[i].is(class::TITLE_START) {
            return None;
        }
        let title_len = title_at(grammar, tokens, i);
        (title_len > 0).then_some((i, title_len))
    }) {
        let has_name = tokens[at + title_len..]
            .iter()
            .any(|t| is_name_word(grammar, t));
        if has_name && at + title_len < tokens.len() {
            d.name = join(doc, &tokens[at + title_len..]);
            d.kind = SourceKind::Person;
            d.named = true;
            d.role = Some(join(doc, &tokens[at..at + title_len]));
            d.affiliation = (at > 0).then(|| join(doc, &tokens[..at]));
            return d;
        }
    }
    // The head noun: the first word that names a kind of source ("sources familiar with the
    // matter"), else the last word.
    let head = lower
        .iter()
        .copied()
        .find(|w| grammar.source_nouns.contains_key(*w))
        .unwrap_or_else(|| lower.last().expect("non-empty"));
    if grammar.organizations.contains(&joined)
        || (grammar.organizations.contains(head) && tokens.iter().any(|t| t.capitalized))
    {
        d.kind = SourceKind::Organization;
        d.named = tokens.iter().any(|t| t.capitalized);
        return d;
    }
    // An office with no name given ("the mayor") identifies its holder; a generic role ("an
    // aide", which is also a source noun) does not.
    if grammar.titles.contains(head) && !grammar.source_nouns.contains_key(head) {
        d.kind = SourceKind::Person;
        d.named = true;
        d.role = Some(d.name.clone());
        return d;
    }
    if let Some(noun) = grammar.source_nouns.get(head) {
        d.kind = if noun.document {
            SourceKind::Document
        } else if noun.plural {
            SourceKind::Group
        } else {
            SourceKind::Person
        };
        d.named = noun.document && tokens.iter().any(|t| t.capitalized);
        return d;
    }
    if tokens
        .iter()
        .all(|t| t.capitalized || t.kind != TokenKind::Word)
    {
        // "Democrats", "Republicans": capitalised plurals are groups, not people.
        let plural = tokens.len() == 1 && head.ends_with('s') && !head.ends_with("ss");
        d.kind = if plural {
            SourceKind::Group
        } else {
            SourceKind::Person
        };
        d.named = !plural;
        return d;
    }
    if head.ends_with('s') && !head.ends_with("ss") {
        d.kind = SourceKind::Group;
    }
    d
}
