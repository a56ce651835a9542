//! The clause patterns around each cue anchor.

use super::Attribution;
use super::input::{PResult, Tokens, phrase, token_if};
use crate::grammar::{AttributionKind, Cue, CueClass, Grammar, Phrases, Relation, VerbForm, class};
use crate::text::{Document, Span, Token, TokenKind};
use nom::Parser;
use nom::branch::alt;
use nom::combinator::{opt, recognize};
use nom::multi::{many0, many1};

/// The most tokens a source before its cue may have, appositions included.
const MAX_SUBJECT: usize = 40;

/// The longest name crediting a quotation after a colon ("Mara Dean and Ed Fox:").
const MAX_CREDITED_NAME: usize = 8;

/// The most tokens any one scan for a clause's edge looks at, so that time stays linear in a
/// pathological sentence (a 10 MB line without a full stop).
const MAX_CLAUSE: usize = 120;
/// The most words between a subject and an infinitive cue it governs ("went on national
/// television last night to say").
const MAX_GOVERNING_PHRASE: usize = 12;
/// The most tokens between a cue and a preposition cue that ends its clause ("said at a press
/// conference on Tuesday, according to …").
const MAX_TRAILER: usize = 8;
/// The most words an opening phrase of time has ("Earlier this year,").
const MAX_TIME_PHRASE: usize = 4;
/// The longest run of capitalised words read as one person's name.
const MAX_NAME_WORDS: usize = 4;
/// The longest role before a name that the parser joins to it ("the city's deputy mayor").
const MAX_ROLE_WORDS: usize = 5;

/// A cue found in the sentence: tokens `[start, end)`.
#[derive(Debug, Clone, Copy)]
struct Anchor<'g> {
    start: usize,
    end: usize,
    cue: &'g Cue,
}

/// A range of token positions `[start, end)` within the sentence.
type Range = (usize, usize);

/// An attribution while it is still in token positions.
#[derive(Debug, Clone)]
struct Found {
    source: Option<Range>,
    cue: Range,
    content: Option<Range>,
    via: Option<Range>,
    relation: Relation,
    kind: AttributionKind,
    refers_back: bool,
    lemma: String,
    /// The content comes before the source and cue ("…, she said.").
    content_first: bool,
    /// Content outside the sentence's tokens: in the sentence before (`“We won!” Trump said on
    /// Twitter.`, where the segmenter ended the sentence at the exclamation mark), or running
    /// to the end of the paragraph (`BOULDUAN: You guys …`).
    content_override: Option<Span>,
}

struct SentenceParser<'a, 'g> {
    grammar: &'g Grammar,
    toks: &'a [Token],
    anchors: Vec<Anchor<'g>>,
    /// For each token, the anchor it belongs to.
    anchor_of: Vec<Option<usize>>,
    /// For each token: it lies inside a quotation (not on its marks). This and the two tables
    /// below are empty until the anchors, the dateline and the speaker line are found, which
    /// do not read them.
    quoted: Vec<bool>,
    /// For each position: the first token at or after it where attributed content stops (a
    /// semicolon, or a comma before a contrast, outside quotations); the sentence length if none.
    content_stop: Vec<usize>,
    /// For each position: the first closing quotation mark at or after it that is not itself
    /// quoted; the sentence length if none.
    next_close: Vec<usize>,
    /// The first token after a wire dateline ("LONDON (Reuters) —"): content starts no earlier.
    floor: usize,
    /// The quotation that ends the previous sentence of the same paragraph, if one does.
    previous_quote: Option<Span>,
    /// Where the sentence's paragraph ends, before its final full stop, when the sentence
    /// opens it.
    opens_paragraph: Option<usize>,
    /// The paragraphs a colon ending this sentence's paragraph introduces ("In a speech, he
    /// said:" and the passage below it), when the sentence ends one with a colon.
    block_after: Option<Span>,
}

pub fn parse_sentence(doc: &Document, grammar: &Grammar, sentence: usize) -> Vec<Attribution> {
    let toks = doc.sentence_tokens(sentence);
    let mut parser = SentenceParser {
        grammar,
        toks,
        anchors: Vec::new(),
        anchor_of: vec![None; toks.len()],
        // Built below once the sentence is known to hold an attribution.
        quoted: Vec::new(),
        content_stop: Vec::new(),
        next_close: Vec::new(),
        floor: 0,
        previous_quote: previous_quote(doc, sentence),
        opens_paragraph: {
            let this = &doc.sentences[sentence];
            let first = sentence == 0 || doc.sentences[sentence - 1].paragraph != this.paragraph;
            first.then(|| paragraph_end_before_stop(doc, sentence))
        },
        block_after: block_after(doc, sentence),
    };
    parser.find_anchors();
    let mut found = Vec::new();
    if sentence == 0
        && let Some(dateline) = parser.dateline()
    {
        parser.floor = dateline.cue.1;
        found.push(dateline);
    }
    if let Some(speaker) = parser.speaker_line() {
        found.push(speaker);
    }
    found.extend(parser.credited_quotations(doc));
    // Most sentences hold no cue, and finding the anchors, the dateline, the speaker line and
    // the credited quotations reads none of the quotation and stop tables: such a sentence is
    // done without them.
    if parser.anchors.is_empty() && found.is_empty() {
        return Vec::new();
    }
    parser.quoted = quoted_tokens(doc, sentence);
    (parser.content_stop, parser.next_close) = stops(toks, &parser.quoted);
    for index in 0..parser.anchors.len() {
        if let Some(f) = parser.attribution_at(index, &found) {
            found.push(f);
        }
    }
    let found = parser.resolve(found);
    found
        .into_iter()
        .map(|f| Attribution {
            sentence,
            source: f
                .source
                .map(|r| parser.span(parser.source_as_annotated(r, f.cue))),
            cue: parser.span(f.cue),
            content: match (f.content_override, f.content) {
                (Some(content), _) => Some(content),
                // The colon closed the paragraph: the passage below is the content.
                (None, Some((start, _))) if start >= toks.len() => parser.block_after,
                (None, content) => content.map(|r| parser.span(r)),
            },
            relation: f.relation,
            kind: f.kind,
            via: f.via.map(|r| parser.span(r)),
            refers_back: f.refers_back,
            lemma: f.lemma,
        })
        .collect()
}

/// How many attributions on each side of one (in cue order) can nest in it or cut it: enough
/// for any real sentence, and it keeps a pathological one (100,000 cues) linear.
const NEIGHBOURHOOD: usize = 32;

/// The items within [`NEIGHBOURHOOD`] of `index`, with their indices.
fn neighbours<T>(items: &[T], index: usize) -> impl Iterator<Item = (usize, &T)> {
    let start = index.saturating_sub(NEIGHBOURHOOD);
    let end = (index + NEIGHBOURHOOD + 1).min(items.len());
    items[start..end]
        .iter()
        .enumerate()
        .map(move |(k, item)| (start + k, item))
}

/// Where the paragraph that `sentence` opens ends; before its last token when that is a full
/// stop, which is not part of a content running to the paragraph's end.
fn paragraph_end_before_stop(doc: &Document, sentence: usize) -> usize {
    let end = doc.paragraphs[doc.sentences[sentence].paragraph].end;
    let last = doc
        .tokens
        .partition_point(|t| t.span.end <= end)
        .checked_sub(1)
        .map(|i| &doc.tokens[i]);
    match last {
        Some(t) if t.kind == TokenKind::Terminal && t.lower == "." && t.span.end == end => end - 1,
        _ => end,
    }
}

/// The quotation closing the sentence before `sentence`, in the same paragraph.
/// What a colon at the end of a paragraph introduces: the next paragraph, or, when that one
/// opens a quotation left open at its end, the paragraphs the quotation runs through (each
/// reopened with a quotation mark, the last one closing it), as long quotations are printed.
fn block_after(doc: &Document, sentence: usize) -> Option<Span> {
    let this = &doc.sentences[sentence];
    let last = this.tokens.end.checked_sub(1)?;
    let ends_paragraph = doc
        .sentences
        .get(sentence + 1)
        .is_none_or(|next| next.paragraph != this.paragraph);
    if !ends_paragraph || doc.tokens[last].kind != TokenKind::Colon {
        return None;
    }
    let first = *doc.paragraphs.get(this.paragraph + 1)?;
    // The quotation opening a paragraph, and whether it closes there.
    let opening_quote = |paragraph: Span| {
        let at = doc
            .quotations
            .partition_point(|q| q.span.start < paragraph.start);
        doc.quotations
            .get(at)
            .filter(|q| q.span.start == paragraph.start)
    };
    let mut end = first.end;
    let mut paragraph = this.paragraph + 1;
    while let Some(quote) = opening_quote(doc.paragraphs[paragraph])
        && quote.close_token.is_none()
        && let Some(&next) = doc.paragraphs.get(paragraph + 1)
        && let Some(reopened) = opening_quote(next)
        // Not a paragraph that goes on after its quotation ("“…,” he said."): that one has an
        // attribution of its own.
        && (reopened.close_token.is_none() || closes_paragraph(doc.text, reopened.span, next))
    {
        end = next.end;
        paragraph += 1;
    }
    // A final full stop outside a quotation is left out, as in a sentence's content.
    if doc.text[..end].ends_with('.') {
        end -= 1;
    }
    Some(Span::new(first.start, end))
}

/// Whether a quotation closes its paragraph, but for the final punctuation.
fn closes_paragraph(text: &str, quote: Span, paragraph: Span) -> bool {
    text[quote.end..paragraph.end]
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '.' | '!' | '?' | '…'))
}

fn previous_quote(doc: &Document, sentence: usize) -> Option<Span> {
    let previous = doc.sentences.get(sentence.checked_sub(1)?)?;
    if previous.paragraph != doc.sentences[sentence].paragraph {
        return None;
    }
    let last = previous.tokens.end.checked_sub(1)?;
    // Quotations are in text order and do not overlap: the one ending at `last` is the last
    // one starting before it.
    let at = doc.tokens[last].span.start;
    let index = doc
        .quotations
        .partition_point(|q| q.span.start < at)
        .checked_sub(1)?;
    let q = &doc.quotations[index];
    (q.close_token == Some(last)).then_some(q.span)
}

/// Which tokens of a sentence lie inside a quotation (strictly: not the marks themselves).
fn quoted_tokens(doc: &Document, sentence: usize) -> Vec<bool> {
    let span = doc.sentences[sentence].span;
    let toks = doc.sentence_tokens(sentence);
    let mut quoted = vec![false; toks.len()];
    let first = doc.quotations.partition_point(|q| q.span.end <= span.start);
    let mut t = 0;
    for q in doc.quotations[first..]
        .iter()
        .take_while(|q| q.span.start < span.end)
    {
        while t < toks.len() && toks[t].span.start <= q.span.start {
            t += 1;
        }
        let mut i = t;
        while i < toks.len() && toks[i].span.end < q.span.end {
            quoted[i] = true;
            i += 1;
        }
        t = i;
    }
    quoted
}

/// The content-stop and closing-mark tables of a sentence, built from the right in one pass.
fn stops(toks: &[Token], quoted: &[bool]) -> (Vec<usize>, Vec<usize>) {
    let n = toks.len();
    let mut content_stop = vec![n; n + 1];
    let mut next_close = vec![n; n + 1];
    for i in (0..n).rev() {
        let stop = !quoted[i]
            && match toks[i].kind {
                TokenKind::Semicolon => true,
                TokenKind::Comma => toks
                    .get(i + 1)
                    .is_some_and(|t| t.is(class::CONTRAST_SUBORDINATOR)),
                // "… called it unserious – “We need details,” she said – …": a quotation set off
                // by a dash is a statement of its own.
                TokenKind::Dash => toks
                    .get(i + 1)
                    .is_some_and(|t| t.kind == TokenKind::OpenQuote),
                _ => false,
            };
        content_stop[i] = if stop { i } else { content_stop[i + 1] };
        next_close[i] = if toks[i].kind == TokenKind::CloseQuote && !quoted[i] {
            i
        } else {
            next_close[i + 1]
        };
    }
    (content_stop, next_close)
}

/// The token after a cue word, as [`SentenceParser::cue_match`] asks of it.
struct AfterCueWord<'t> {
    lower: &'t str,
    /// The cue word is a form of "be" and this token an adverb, a negation, "both" or "all".
    qualifies_be: bool,
    /// An adverb inside a phrasal cue verb ("spoke favorably of").
    phrasal_adverb: bool,
}

impl<'a, 'g> SentenceParser<'a, 'g> {
    fn span(&self, (start, end): Range) -> Span {
        self.toks[start].span.cover(self.toks[end - 1].span)
    }

    fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.lower.as_str())
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Whether token `i` is of a word class (`false` past the end, like an empty word).
    fn is(&self, i: usize, class: u32) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(class))
    }

    fn input(&self) -> Tokens<'a> {
        Tokens::new(self.toks)
    }

    fn find_anchors(&mut self) {
        // A headline in title case ("Pastor Wants Leaders To Resign") capitalises its verbs.
        // Asked only of a capitalised verb cue, so most sentences never count their words.
        let title_case = std::cell::OnceCell::new();
        let is_title_case = || {
            *title_case.get_or_init(|| {
                let (long_words, capitalized) = self
                    .toks
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word && t.lower.chars().nth(3).is_some())
                    .fold((0, 0), |(n, caps), t| {
                        (n + 1, caps + usize::from(t.capitalized))
                    });
                long_words >= 3 && capitalized * 10 >= long_words * 8
            })
        };
        let mut i = 0;
        // Most words start no cue, which their class bit says: on to the next that may.
        while let Some(skip) = self.toks[i..].iter().position(|t| t.is(class::CUE_START)) {
            i += skip;
            let grammar = self.grammar;
            let cues = grammar.cues_of(&self.toks[i]);
            if cues.is_empty() {
                i += 1;
                continue;
            }
            // After a determiner or a possessive, a word is a noun: "the report", "her claim",
            // "a personal note".
            // Articles and possessives, not quantifiers: "some believe", "many say" are clauses.
            // After a pronoun, "'s" is the verb "is" or "has": "He's predicting", "she's said";
            // so it is after a name when a verb group follows ("Obama's said he …").
            let contracted = |at: usize| self.contracted_auxiliary(at);
            let is_determiner = |at: usize| {
                let t = &self.toks[at];
                (t.kind == TokenKind::Possessive && !contracted(at))
                    || (t.lower != "that" && t.is(class::DETERMINER) && !t.is(class::QUANTIFIER))
            };
            let noun_position = i > 0 && is_determiner(i - 1);
            // "a personal note": a bare verb form after a singular article and a word is a noun
            // (a singular subject would have made it "notes").
            // "a new Pew Research report": up to three words may stand between the article and
            // the noun. Not at the end of a prepositional phrase inside a longer subject: "half
            // of voters in each state say". Asked only of a bare verb form the other tests leave
            // standing, and then once.
            let after_adjective_cell = std::cell::OnceCell::new();
            let after_adjective = || {
                *after_adjective_cell.get_or_init(|| {
                    (2..=4).any(|back| {
                        i >= back
                            && matches!(
                                self.toks[i - back].lower.as_str(),
                                "a" | "an" | "another" | "each" | "every"
                            )
                            && !(i > back && self.toks[i - back - 1].is(class::PREPOSITION))
                            && self.toks[i - back + 1..i].iter().all(|t| {
                                t.kind == TokenKind::Word
                                    && !t.is(class::AUXILIARY)
                                    && !t.is(class::PREPOSITION)
                                    && !t.is(class::DETERMINER)
                                    // "a third say", "a majority believe": a share of a plural.
                                    && !t.is(class::SHARE)
                            })
                    })
                })
            };
            // "are worried that": after a form of "be", a participle that is also a stance
            // adjective is the adjective, whose subject is the one who holds the stance.
            let after_be = || {
                let mut k = i;
                while k > 0 && self.toks[k - 1].is(class::ADVERB) {
                    k -= 1;
                }
                k > 0 && self.toks[k - 1].is(class::BE_FORM)
            };
            let mut best: Option<(&Cue, usize)> = None;
            let after_word = self.after_cue_word(i);
            for cue in cues {
                let Some(end) = self.cue_match(cue, i, &after_word) else {
                    continue;
                };
                // "in" is a cue only before one of its heads ("in a new poll"); anywhere else
                // it is no anchor, so it neither ends a source ("a lawyer in Orlando") nor
                // makes a phrase of one.
                let head_ahead = || {
                    (end..(end + 6).min(self.toks.len()))
                        .take_while(|&k| self.toks[k].is_word())
                        .any(|k| cue.source_heads.iter().any(|h| *h == self.toks[k].lower))
                };
                if !cue.source_heads.is_empty() && !head_ahead() {
                    continue;
                }
                // "the attacks on Paris", "plans for the city": a bare present form followed by a
                // preposition the cue does not include is a plural noun.
                // Not after a subject pronoun: "he boasts about them" is a verb.
                let after_pronoun = i > 0
                    && self.toks[i - 1].is(class::PRONOUN)
                    && !grammar
                        .words
                        .object_pronouns
                        .contains(self.toks[i - 1].lower.as_str());
                // Nor after the comma that closes a name's apposition: "Carly Fiorina, a
                // candidate, says despite …".
                let after_name = i >= 2
                    && self.kind(i - 1) == Some(TokenKind::Comma)
                    && self.toks[i - 2].capitalized;
                // Nor right after a name that no article or possessor opens: "Trump says in
                // Iowa", not "the Paris attacks on" or "Obama's calls for".
                let after_bare_name = i > 0
                    && self.toks[i - 1].is_word()
                    && self.toks[i - 1].capitalized
                    && (i < 2
                        || !(self.is(i - 2, class::DETERMINER)
                            || self.kind(i - 2) == Some(TokenKind::Possessive)))
                    && !is_title_case();
                let before_preposition = end == i + 1
                    && !after_pronoun
                    && !after_name
                    && !after_bare_name
                    && self.toks.get(end).is_some_and(|n| {
                        n.is(class::PREPOSITION)
                            && !matches!(n.lower.as_str(), "to" | "that")
                    })
                    // "says on Twitter", "said on Monday": the phrase of a statement.
                    && self.trailer_at(end).is_none()
                    && self
                        .phrase_end(&grammar.words.statement_phrases, end)
                        .is_none();
                // "tax plans would …", "the attacks were …": a verb is never followed straight
                // by an auxiliary, so an "-s" form before one is a plural noun.
                let before_auxiliary =
                    end == i + 1 && self.toks.get(end).is_some_and(|n| n.is(class::AUXILIARY));
                // "the congressional report said", "the Friday attacks wore off": a present form
                // right before a finite verb is the noun that verb has as subject.
                // The next token, lower-case, is a cue verb in a form `form_ok` accepts; adverbs
                // may stand between ("Other refugee advocates also said").
                let next_cue_verb = |form_ok: fn(VerbForm) -> bool| {
                    let mut next = end;
                    while self
                        .toks
                        .get(next)
                        .is_some_and(|n| !n.capitalized && n.is(class::ADVERB))
                    {
                        next += 1;
                    }
                    end == i + 1
                        && self.toks.get(next).is_some_and(|n| {
                            let after_word = self.after_cue_word(next);
                            !n.capitalized
                                && grammar
                                    .cues_of(n)
                                    .iter()
                                    // The whole cue, not its first word: "went" opens "went on
                                    // to say" but is no cue in "insiders said went unnoticed".
                                    .any(|c| {
                                        matches!(c.class, CueClass::Verb(f) if form_ok(f))
                                            && self.cue_match(c, next, &after_word).is_some()
                                    })
                        })
                };
                let after_plural_or_auxiliary = || {
                    i > 0 && {
                        let before = &self.toks[i - 1];
                        before.kind == TokenKind::Word
                            && (before.is(class::AUXILIARY | class::NEGATION)
                                || before.lower.ends_with("n't")
                                || (before.lower.len() > 3
                                    && before.lower.ends_with('s')
                                    && !before.lower.ends_with("ss")
                                    && !self.is_closed_word(before)
                                    && self.anchor_of[i - 1].is_none()))
                    }
                };
                let before_finite_verb = || {
                    next_cue_verb(|f| (f.past || f.third) && !f.base)
                        || (end == i + 1 && self.toks.get(end).is_some_and(past_form))
                };
                // "Those polled said", "the people asked said": a past participle between a noun
                // and a finite verb modifies the noun; the finite verb is the cue.
                let modifies_subject = |form: VerbForm| {
                    form.participle
                        && !form.gerund
                        && i > 0
                        && {
                            let t = &self.toks[i - 1];
                            t.kind == TokenKind::Word
                                && (!t.capitalized || t.is(class::DETERMINER))
                                && !self.is_closed_word(t)
                                && !t.is(class::PRONOUN)
                                && !t.is(class::RELATIVE_PRONOUN)
                                && !t.is(class::ADVERB)
                        }
                        && next_cue_verb(|f| f.past && !f.base)
                };
                // "a radio show", "the roll call vote": a word the entry lists makes a noun of a
                // bare or "-s" form ("the media reported" stays a verb); a capitalised word
                // only as a short abbreviation ("TV"), not in a name.
                let in_compound = i > 0 && {
                    let before = &self.toks[i - 1];
                    (!before.capitalized || before.lower.len() <= 2)
                        && cue.noun_after.iter().any(|w| *w == before.lower)
                };
                // "many promises", "multiple reports": a plural quantifier's verb has no "-s"
                // ("many say"), so an "-s" form after one is a noun; "one", "another" and "each"
                // take "-s" verbs ("each says").
                let after_plural_quantifier = i > 0 && {
                    let before = &self.toks[i - 1];
                    before.is(class::QUANTIFIER)
                        && !matches!(before.lower.as_str(), "one" | "another" | "each" | "other")
                };
                let noun_like = match cue.class {
                    CueClass::Verb(form) => {
                        (in_compound && (form.base || form.third) && !form.past)
                            || (after_plural_quantifier && form.third && !form.base && !form.past)
                            || modifies_subject(form)
                            || ((form.base || form.third) && !form.past && before_finite_verb())
                            // "biofuels advocates say": an "-s" form before a bare verb is the
                            // plural noun that is its subject.
                            || (form.third
                                && !form.base
                                && !form.past
                                && next_cue_verb(|f| f.base && !f.third && !f.past))
                            || (noun_position && (form.base || form.third || form.gerund))
                            || (form.base && after_adjective())
                            || (before_preposition && form.third && !form.past)
                            // A bare form before a preposition is a noun ("a sparing mention of
                            // his rivals") unless a plural subject or an auxiliary precedes it:
                            // "analysts say for the nominee to win …", "you can say for".
                            || (before_preposition
                                && form.base
                                && !form.past
                                && !after_plural_or_auxiliary())
                            || (before_auxiliary && form.third && !form.past)
                    }
                    _ => false,
                };
                // A capitalised verb form inside a sentence is part of a name ("the United
                // States"); one opening the sentence with "-s" has no subject, so it is a noun
                // ("Plans for a merger …").
                let in_name = matches!(cue.class, CueClass::Verb(form)
                    if self.toks[i].capitalized
                        && !is_title_case()
                        && ((i > 0 && self.toks[i - 1].kind != TokenKind::OpenQuote)
                            || (i == 0 && form.third && !form.base)));
                if noun_like || in_name {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((b, b_end)) => {
                        end > b_end
                            || (end == b_end
                                && noun_position
                                && b.class != CueClass::Noun
                                && cue.class == CueClass::Noun)
                            || (end == b_end
                                && cue.class == CueClass::Adjective
                                && b.class != CueClass::Adjective
                                && after_be())
                    }
                };
                if better {
                    best = Some((cue, end));
                }
            }
            // "voters showed up", "added to his lead": a word that makes the verb another verb;
            // not before a name that is no possessor ("Trump added to People", an addressee).
            let to_a_name = |at: usize| {
                self.toks
                    .get(at)
                    .is_some_and(|t| t.is_word() && t.capitalized)
                    && (at..self.toks.len().min(at + MAX_NAME_WORDS))
                        .take_while(|&k| self.toks[k].capitalized)
                        .all(|k| self.kind(k + 1) != Some(TokenKind::Possessive))
            };
            let other_verb = best.is_some_and(|(cue, end)| {
                matches!(cue.class, CueClass::Verb(_))
                    && self.toks.get(end).is_some_and(|t| {
                        grammar
                            .words
                            .other_verb_particles
                            .contains(t.lower.as_str())
                            || (cue.other_verb_before.iter().any(|w| *w == t.lower)
                                && !to_a_name(end + 1))
                    })
            });
            if other_verb {
                best = None;
            }
            match best {
                Some((cue, end)) => {
                    let end = match cue.class {
                        CueClass::Verb(_) => self.verb_tail_end(end),
                        _ => end,
                    };
                    for slot in &mut self.anchor_of[i..end] {
                        *slot = Some(self.anchors.len());
                    }
                    self.anchors.push(Anchor { start: i, end, cue });
                    i = end;
                }
                None => i += 1,
            }
        }
    }

    /// Where a cue verb ending at `end` ends with what stays with it: a particle ("called
    /// out", "wrote back") and manner adverbs ("said sarcastically", "noted repeatedly").
    fn verb_tail_end(&self, mut end: usize) -> usize {
        let words = &self.grammar.words;
        while let Some(t) = self.toks.get(end) {
            let manner_adverb = t.kind == TokenKind::Word
                && !t.capitalized
                && t.lower.len() > 5
                && t.lower.ends_with("ly")
                && t.is(class::ADVERB)
                // Not when it modifies the word after it: "proposed nearly $1 billion",
                // "reported disappointingly flat growth".
                && self.toks.get(end + 1).is_none_or(|n| match n.kind {
                    TokenKind::Word => {
                        n.capitalized
                            || n.lower == "that"
                            || n.is(class::PREPOSITION | class::DETERMINER | class::PRONOUN)
                    }
                    TokenKind::Terminal
                    | TokenKind::Comma
                    | TokenKind::Colon
                    | TokenKind::OpenQuote
                    | TokenKind::CloseQuote => true,
                    _ => false,
                });
            if !(manner_adverb || words.cue_particles.contains(t.lower.as_str())) {
                break;
            }
            end += 1;
        }
        end
    }

    /// Where `cue`, one of [`Grammar::cues_of`] the token at `i`, ends when it starts there. A
    /// hedge opening with a form of "be" may have adverbs or a negation after it: "is widely
    /// seen as", "are both expected to", "is not expected to".
    ///
    /// Most of a word's cues go on with another word than the one after the token (a common verb
    /// opens several): those are told apart here, inline, by that one word, before the phrase
    /// parser is set up in [`Self::cue_match_rest`]. Only a hedge opening with a form of "be"
    /// may still match when an adverb, a negation, "both" or "all" comes between, and a phrasal
    /// cue verb when adverbs do ("spoke favorably of").
    ///
    /// `after` is [`Self::after_cue_word`] of `i`, asked once for all the cues of the word.
    #[inline(always)]
    fn cue_match(&self, cue: &Cue, i: usize, after: &AfterCueWord) -> Option<usize> {
        // `cues_of` found the cue by its first word, the token's own: only the words after it
        // are compared.
        debug_assert_eq!(self.lower(i), cue.words[0]);
        let Some(second) = cue.words.get(1) else {
            return Some(i + 1);
        };
        if after.lower != second
            && !(cue.class == CueClass::Hedge && after.qualifies_be)
            && !(matches!(cue.class, CueClass::Verb(_)) && after.phrasal_adverb)
        {
            return None;
        }
        self.cue_match_rest(cue, i)
    }

    /// What [`Self::cue_match`] asks of the token after the cue word at `i`, the same for every
    /// cue of that word (a common verb opens several).
    #[inline]
    fn after_cue_word(&self, i: usize) -> AfterCueWord<'_> {
        AfterCueWord {
            lower: self.lower(i + 1),
            qualifies_be: self.is(i, class::BE_FORM) && self.qualifies_be(i + 1),
            phrasal_adverb: self.adverb_in_phrasal_verb(i + 1),
        }
    }

    /// [`Self::cue_match`] for a cue of two words or more.
    fn cue_match_rest(&self, cue: &Cue, i: usize) -> Option<usize> {
        let rest = &cue.words[1..];
        if let Ok((_, end)) = phrase(rest).parse(self.input().from(i + 1)) {
            return Some(end);
        }
        let mut next = i + 1;
        if matches!(cue.class, CueClass::Verb(_)) {
            while next < i + 3 && self.adverb_in_phrasal_verb(next) {
                next += 1;
            }
        } else {
            // The token's class bit answers for `words.be_forms`: its word is the cue's first.
            if cue.class != CueClass::Hedge || !self.is(i, class::BE_FORM) {
                return None;
            }
            while next < i + 4 && self.qualifies_be(next) {
                next += 1;
            }
        }
        if next == i + 1 {
            return None;
        }
        phrase(&cue.words[1..])
            .parse(self.input().from(next))
            .ok()
            .map(|(_, end)| end)
    }

    /// Whether the token at `i` is an adverb inside a phrasal cue verb: "spoke favorably of",
    /// "called again for".
    fn adverb_in_phrasal_verb(&self, i: usize) -> bool {
        self.is(i, class::ADVERB) && !self.toks[i].capitalized
    }

    /// Whether the token at `i` may stand between a form of "be" and the rest of a hedge: an
    /// adverb, a negation, "both" or "all".
    fn qualifies_be(&self, i: usize) -> bool {
        self.is(i, class::ADVERB)
            || self.is(i, class::NEGATION)
            || matches!(self.lower(i), "both" | "all")
    }

    fn in_quotation(&self, i: usize) -> bool {
        self.quoted.get(i).copied().unwrap_or(false)
    }

    fn is_verb_anchor(&self, i: usize) -> bool {
        self.anchor_of[i].is_some_and(|a| matches!(self.anchors[a].cue.class, CueClass::Verb(_)))
    }

    fn is_preposition_anchor(&self, i: usize) -> bool {
        self.anchor_of[i].is_some_and(|a| self.anchors[a].cue.class == CueClass::Preposition)
    }

    fn attribution_at(&self, index: usize, earlier: &[Found]) -> Option<Found> {
        let anchor = self.anchors[index];
        match anchor.cue.class {
            CueClass::Verb(_) => self.verb(anchor, earlier),
            CueClass::Preposition => self.preposition(anchor, earlier),
            CueClass::Noun => self.noun(anchor),
            CueClass::Hedge => self.hedge(anchor),
            CueClass::Adjective => self.adjective(anchor),
            CueClass::Credit => self.credit(anchor),
            CueClass::Channel => None,
        }
    }

    fn found(
        &self,
        anchor: Anchor,
        source: Option<Range>,
        cue: Range,
        content: Option<Range>,
    ) -> Found {
        let source = source.map(|s| if s.1 <= cue.0 { self.trim_source(s) } else { s });
        // "According to the poll, most voters …", "Instead, she said, …": the comma that set
        // off what came before is not content.
        let content = content.map(|(start, end)| {
            if end > start + 1 && self.kind(start) == Some(TokenKind::Comma) {
                (start + 1, end)
            } else {
                (start, end)
            }
        });
        Found {
            source,
            cue,
            content,
            via: None,
            relation: anchor.cue.relation,
            kind: anchor.cue.kind,
            refers_back: false,
            lemma: anchor.cue.lemma.clone(),
            content_first: false,
            content_override: None,
        }
    }

    /// A source before its cue without what opens or interrupts it, trimmed once the sentence
    /// is resolved, since the other attributions' boundaries were found with the clause as
    /// written: an adverb of focus or sequence ("Even Obama said", "Now Sembler says"), a
    /// participle or a phrase of circumstance set off by commas ("Carson, speaking with the
    /// paper's editors, said", "Trump, in a speech in Ohio, said") and a channel ("Another
    /// source speaking to Fox News said").
    fn source_as_annotated(&self, (mut start, mut end): Range, cue: Range) -> Range {
        if end > cue.0 {
            return (start, end);
        }
        if end > start + 1 && self.grammar.words.focus_adverbs.contains(self.lower(start)) {
            start += 1;
        }
        let circumstance = |i: usize| {
            let t = &self.toks[i];
            t.kind == TokenKind::Word
                && !t.capitalized
                && ((ing_form(&t.lower) && !t.is(class::PREPOSITION))
                    || self
                        .grammar
                        .words
                        .circumstance_prepositions
                        .contains(t.lower.as_str()))
        };
        if end > start + 2
            && self.kind(end - 1) == Some(TokenKind::Comma)
            && let Some(comma) = (start + 1..end - 1)
                .find(|&i| self.kind(i) == Some(TokenKind::Comma) && circumstance(i + 1))
        {
            end = comma;
        }
        if let Some(channel) = (start + 1..end).find(|&i| {
            self.anchor_of[i].is_some_and(|a| self.anchors[a].cue.class == CueClass::Channel)
        }) {
            end = channel;
        }
        (start, end)
    }

    /// A source before its cue without what only stands beside it: a discourse aside or a
    /// relative clause between commas ("The government, for instance,", "Barkley, who votes
    /// Democratic,") and a closing time phrase ("the senator on Tuesday").
    fn trim_source(&self, (start, end): Range) -> Range {
        let words = &self.grammar.words;
        if end > start + 2 && self.kind(end - 1) == Some(TokenKind::Comma) {
            // A relative clause stays with its source ("Barkley, who votes Democratic,") unless
            // it holds an attribution of its own ("Barkley, who has said he will vote,").
            let aside = (start + 1..end - 1).find(|&i| {
                self.kind(i) == Some(TokenKind::Comma)
                    && ((self.lower(i + 1) == "who"
                        && (i + 1..end - 1).any(|k| self.is_verb_anchor(k)))
                        || self.phrase_end(&words.parentheticals, i + 1) == Some(end - 1))
            });
            if let Some(comma) = aside {
                return (start, comma);
            }
        }
        let time = (start + 1..end).find(|&i| self.trailer_at(i) == Some(end));
        (start, time.unwrap_or(end))
    }

    // ---- verbs ------------------------------------------------------------------------------

    /// The auxiliaries, negations and adverbs in front of a verb: `has`, `also`, `did not`.
    fn verb_group_start(&self, at: usize) -> usize {
        // A capitalised cue inside a sentence is in a title-case headline, where the verb
        // group is capitalised too ("Time Just Announced", "Trump Is Now Calling"); not a
        // capitalised "-ly" word, more often a name ("Megyn Kelly Said").
        let title_case = at > self.floor && self.toks[at].capitalized;
        let mut start = at;
        while start > 0 {
            let t = &self.toks[start - 1];
            // "He's said", "Obama's said he …": the auxiliary "has", not a possessive.
            let contracted =
                t.kind == TokenKind::Possessive && self.contracted_auxiliary(start - 1);
            let inside = (contracted
                || t.kind == TokenKind::Word
                    && (!t.capitalized || (title_case && !t.lower.ends_with("ly")))
                    && (t.is(class::AUXILIARY)
                        || t.is(class::NEGATION)
                        || t.lower.ends_with("n't")
                        || t.is(class::ADVERB)))
                && self.anchor_of[start - 1].is_none();
            if !inside {
                break;
            }
            start -= 1;
        }
        start
    }

    /// Whether the "'s" at `at` is the auxiliary "is" or "has" rather than a possessive: always
    /// after a pronoun ("he's said", "who's argued"); after a name, when a verb group follows,
    /// which is "been" or a participle of a cue verb followed by what a verb takes, not by a
    /// noun ("Obama's said he would …", "Cruz's been pushing for …"; not "Trump's stated
    /// goal"). A gerund after a name's "'s" is a noun as often as not ("Bush's calling him a
    /// jerk").
    fn contracted_auxiliary(&self, at: usize) -> bool {
        if at == 0 || self.kind(at) != Some(TokenKind::Possessive) {
            return false;
        }
        if self.is(at - 1, class::PRONOUN) || self.is(at - 1, class::RELATIVE_PRONOUN) {
            return true;
        }
        if !self.toks[at - 1].capitalized {
            return false;
        }
        let mut verb = at + 1;
        while self
            .toks
            .get(verb)
            .is_some_and(|t| !t.capitalized && t.is(class::ADVERB))
        {
            verb += 1;
        }
        let Some(t) = self.toks.get(verb) else {
            return false;
        };
        if t.lower == "been" {
            return true;
        }
        let participle = self
            .grammar
            .cues_of(t)
            .iter()
            .any(|c| matches!(c.class, CueClass::Verb(form) if form.participle));
        participle
            && self.toks.get(verb + 1).is_some_and(|n| {
                n.is(class::PREPOSITION)
                    || n.is(class::DETERMINER)
                    || n.is(class::PRONOUN)
                    || n.kind == TokenKind::OpenQuote
                    || n.lower == "that"
            })
    }

    fn verb(&self, anchor: Anchor, earlier: &[Found]) -> Option<Found> {
        let CueClass::Verb(form) = anchor.cue.class else {
            return None;
        };
        let mut group = self.verb_group_start(anchor.start);
        // An infinitive ("declined to say") belongs to the verb before it, unless that verb
        // only tells its aspect: then both are the cue ("has continued to insist").
        if group > 0 && self.lower(group - 1) == "to" && group == anchor.start {
            match group.checked_sub(2) {
                Some(aspect) if aspect >= self.floor && self.is(aspect, class::ASPECT_VERB) => {
                    group = self.verb_group_start(aspect);
                }
                // "went on to explain", "carried on to insist".
                Some(on)
                    if on > self.floor
                        && self.lower(on) == "on"
                        && self
                            .grammar
                            .words
                            .continuation_verbs
                            .contains(self.lower(on - 1)) =>
                {
                    group = self.verb_group_start(on - 1);
                }
                _ => return self.governed_infinitive(anchor, earlier),
            }
        }
        // "began arguing", "kept insisting": a verb of aspect before a gerund cue is part of it.
        if group == anchor.start
            && form.gerund
            && group > self.floor
            && self.is(group - 1, class::ASPECT_VERB)
            && !ing_form(self.lower(group - 1))
        {
            group = self.verb_group_start(group - 1);
        }
        // "Prices continued to rise": a verb of aspect before "to" is not speech itself.
        if self.is(anchor.start, class::ASPECT_VERB) && self.lower(anchor.end) == "to" {
            return None;
        }
        // "According to White House pool reports, …", "…, according to press reports.": the
        // verb form is the noun closing the preposition's source.
        let in_cue_phrase = anchor.end == anchor.start + 1
            && !form.past
            && matches!(
                self.kind(anchor.end),
                None | Some(TokenKind::Comma | TokenKind::Terminal)
            )
            && (self.clause_start(group)..group).any(|i| self.is_preposition_anchor(i));
        if in_cue_phrase {
            return None;
        }
        if let Some(found) = self.reduced_passive_as(anchor, group, form) {
            return Some(found);
        }
        let aux = &self.toks[group..anchor.start];
        // "a program called Sandy Hook Promise": naming, not speech.
        let names_something = anchor.cue.naming
            && form.participle
            && group == anchor.start
            && group > 0
            && self.toks[group - 1].kind == TokenKind::Word
            && !self.toks[group - 1].capitalized
            && !self.is(group - 1, class::PRONOUN)
            && self
                .toks
                .get(anchor.end)
                .is_some_and(|t| t.capitalized || t.kind == TokenKind::OpenQuote)
            && !self.name_opens_object(anchor.end);
        // "a group of exiles called Ginbot 7", "another called i360", "a move called the
        // boneless": after an indefinite noun phrase the participle names what it stands for.
        let names_indefinite = anchor.cue.naming
            && form.participle
            && group == anchor.start
            // "A reporter for the agency called it chaos", "a senator called Lee “a fraud”"
            // speak of an object.
            && !self.is(anchor.end, class::PRONOUN)
            && !self.name_opens_object(anchor.end)
            && (group.saturating_sub(MAX_ROLE_WORDS + 2).max(self.floor)..group)
                .rev()
                .take_while(|&i| self.in_noun_phrase(i) || self.toks[i].capitalized)
                .any(|i| matches!(self.lower(i), "a" | "an" | "another" | "one"));
        if names_something || names_indefinite {
            return None;
        }
        // "according to exit polls reported by CNN": a past participle right after the noun of
        // a preposition cue's source, with its agent, modifies that noun; it is not a clause.
        let reduced_relative = form.participle
            && !form.gerund
            && group == anchor.start
            && (self.clause_start(group)..group).any(|i| self.is_preposition_anchor(i))
            && group > self.floor
            && {
                let t = &self.toks[group - 1];
                t.kind == TokenKind::Word
                    && !t.capitalized
                    && !self.is_closed_word(t)
                    && !t.is(class::ADVERB)
            }
            && {
                let mut next = anchor.end;
                while self.is(next, class::ADVERB) || self.is(next, class::TIME_WORD) {
                    next += 1;
                }
                self.lower(next) == "by"
            };
        if reduced_relative {
            return None;
        }
        // A contracted "'s" before a participle is "has" ("He's said he will run") unless a
        // passive's "to", "as" or "by" follows ("He's said to be ill").
        let passive_follows = matches!(self.lower(anchor.end), "to" | "as" | "by");
        let passive_be = aux
            .iter()
            .any(|t| t.is(class::BE_FORM) && (t.kind != TokenKind::Possessive || passive_follows))
            && form.participle
            && !form.gerund;
        if !passive_be
            && form.participle
            && !form.gerund
            && group == anchor.start
            && self.is(anchor.end, class::AGENT_PREPOSITION)
            && let Some(found) = self.reduced_passive(anchor)
        {
            return Some(found);
        }
        let negated = aux
            .iter()
            .any(|t| t.is(class::NEGATION) || t.lower.ends_with("n't"));
        // "…, going on to say", "…, continuing to insist": a verb of aspect in "-ing" opening the
        // group is the participle.
        let participle_form = if group == anchor.start {
            form.gerund
        } else {
            ing_form(self.lower(group)) && self.lower(anchor.start - 1) == "to"
        };
        let mut found = if passive_be || self.follows_passive(group, earlier) {
            self.passive(anchor, group, earlier)?
        } else if form.participle
            && self.subject_before(group).is_none()
            && self.opens_clause(group)
            && !self.opens_inversion(anchor)
            // "The mayor smiled, but said …": after a coordinator the verb shares the subject.
            && !(group > self.floor && self.is(group - 1, class::COORDINATOR))
        {
            self.subjectless_participle(anchor)?
        } else if participle_form
            && group > 0
            && (self.kind(group - 1) == Some(TokenKind::Comma)
                // "… “expanded the party,” claiming …": the comma inside the quotation.
                || (group > 1
                    && self.kind(group - 1) == Some(TokenKind::CloseQuote)
                    && self.kind(group - 2) == Some(TokenKind::Comma)))
        {
            self.participle(anchor, group, earlier)?
        } else if form.gerund
            && group == anchor.start
            && self.opens_clause(group)
            && let Some(found) = self.opening_participle(anchor, group)
        {
            found
        } else if form.gerund
            && !form.base
            && (group..anchor.start).all(|i| self.is(i, class::ADVERB))
        {
            // "with 22 percent saying …": the noun phrase after "with" is the source; "by
            // telling …", "after saying …": the sentence's subject is. Otherwise a bare "-ing"
            // form after a noun is a modifier, not a cue ("compromises acknowledging …").
            self.gerund_phrase(anchor, group, earlier)?
        } else {
            self.active(anchor, group)?
        };
        // "a rule change that he said would make it harder": the relative clause with the
        // verb's gap is the content, from its pronoun on.
        // "which he said", "who officials say" open a relative clause wherever they stand;
        // "that" may be a complementiser ("argued that he said …"), so after it the content must
        // start with the gap's verb.
        if let (Some((source_start, _)), Some((content_start, content_end))) =
            (found.source, found.content)
            && source_start > self.floor
            && content_start == found.cue.1
            && self.is(source_start - 1, class::RELATIVE_PRONOUN)
            // "an election in which voters say they …": after a preposition the clause has no gap.
            && !(source_start >= 2 && self.is(source_start - 2, class::PREPOSITION))
            && (self.lower(source_start - 1) != "that"
                || ((source_start < 2 || !self.is_verb_anchor(source_start - 2))
                    && self.starts_with_verb(content_start)))
        {
            // The clause ends at its comma: "the rules, which officials said were final, were".
            let clause_end = (content_start..content_end)
                .find_map(|i| match self.kind(i) {
                    Some(TokenKind::Comma) if !self.quoted[i] => Some(i),
                    Some(TokenKind::Comma) if self.kind(i + 1) == Some(TokenKind::CloseQuote) => {
                        Some(i + 2)
                    }
                    _ => None,
                })
                .unwrap_or(content_end);
            found.content = Some((source_start - 1, clause_end.min(content_end)));
        }
        // "added another title to his resume": a word that makes the verb another verb may
        // also follow its object.
        if !anchor.cue.other_verb_before.is_empty()
            && let Some((start, end)) = found.content.filter(|c| c.0 >= found.cue.1)
            && (start..end.min(start + MAX_NAME_WORDS + 4))
                .take_while(|&k| self.in_noun_phrase(k))
                .any(|k| {
                    anchor
                        .cue
                        .other_verb_before
                        .iter()
                        .any(|w| *w == self.toks[k].lower)
                })
        {
            return None;
        }
        // "the borrowing continued", "continued his push": with no quotation the verb is not
        // one of speech.
        if anchor.cue.quotes_only
            && found.content_override.is_none()
            && !found
                .content
                .is_some_and(|(start, end)| (start..end).any(|i| self.toks[i].is_quote()))
        {
            return None;
        }
        // "added 151,000 jobs", "maintained his lead": before a bare noun phrase the verb is
        // not one of speech.
        if anchor.cue.clause_only
            && found.content_override.is_none()
            && found
                .content
                .is_some_and(|content| content.0 >= found.cue.1 && !self.reads_as_clause(content))
        {
            return None;
        }
        if negated
            && matches!(
                found.relation,
                Relation::Says | Relation::Confirms | Relation::Reports
            )
            && found.kind == AttributionKind::Speech
        {
            found.relation = Relation::Declines;
        }
        Some(found)
    }

    /// "The governor went on television to say …", "Voters were more likely to say …", "She
    /// tweeted on Friday to say …": an infinitive cue after a verb that is no cue itself is
    /// said by the subject of its clause, and "to" opens the cue. A cue earlier in the
    /// sentence whose content holds the infinitive ("declined to say", "wants to tell") keeps
    /// it, as the annotators mark only the outermost attribution.
    fn governed_infinitive(&self, anchor: Anchor, earlier: &[Found]) -> Option<Found> {
        let to = anchor.start - 1;
        // "devoted to criticizing": after a gerund "to" is a preposition.
        let bare = matches!(anchor.cue.class, CueClass::Verb(form) if form.base);
        if !bare
            || anchor.cue.kind != AttributionKind::Speech
            || earlier
                .iter()
                .any(|f| f.content.is_some_and(|c| c.0 <= to && to < c.1))
            || (self.floor..to).any(|i| {
                self.anchor_of[i].is_some_and(|a| self.anchors[a].cue.class != CueClass::Channel)
            })
        {
            return None;
        }
        let subject = self.leading_subject(to)?;
        // "nothing to say", "the first to tell": the noun phrase itself governs the infinitive;
        // "It is hard to say": no one says it.
        let verb = (subject.1..to).find(|&i| !self.is(i, class::ADVERB))?;
        let verb_like = {
            let t = &self.toks[verb];
            past_form(t) || t.is(class::AUXILIARY | class::BE_FORM) || self.is_finite_present(verb)
        };
        // "so subdued that Mr. Trump was prompted to say", "got them to say": another
        // clause, or another subject of the infinitive.
        let interrupted = (subject.1..to).any(|i| {
            self.kind(i) != Some(TokenKind::Word)
                || self.is(i, class::SUBORDINATOR | class::COORDINATOR)
                || self.lower(i) == "that"
        }) || self
            .grammar
            .words
            .object_pronouns
            .contains(self.lower(to - 1));
        if !verb_like
            || interrupted
            || to - subject.1 > MAX_GOVERNING_PHRASE
            || matches!(self.lower(subject.0), "it" | "there" | "this" | "that")
            // "When Mr. Obama went to Iowa to discuss …": a subordinate clause.
            || self.is(subject.0, class::SUBORDINATOR)
        {
            return None;
        }
        let (cue_end, content) = self.content_after(anchor, anchor.end)?;
        Some(self.found(anchor, Some(subject), (subject.1, cue_end), Some(content)))
    }

    /// A lower-case third-person present verb ("goes", "takes"): an "-s" word that is no
    /// closed-class word.
    fn is_finite_present(&self, at: usize) -> bool {
        let t = &self.toks[at];
        t.kind == TokenKind::Word
            && !t.capitalized
            && t.lower.ends_with('s')
            && !t.lower.ends_with("ss")
            && !self.is_closed_word(t)
    }

    /// Whether a clause begins at `at`: the sentence start, or right after a subordinator.
    fn opens_clause(&self, at: usize) -> bool {
        at == self.trim_leading(self.floor, at) || self.is(at - 1, class::SUBORDINATOR)
    }

    /// "Said Comey, “…”": a cue of speech, a name, a comma and a quotation invert a clause of
    /// speech; the cue is no participle.
    fn opens_inversion(&self, anchor: Anchor) -> bool {
        anchor.cue.kind == AttributionKind::Speech
            && self.toks.get(anchor.end).is_some_and(|t| t.capitalized)
            && self
                .source_after(anchor.end, true)
                .is_some_and(|(source, _)| {
                    self.kind(source.1) == Some(TokenKind::Comma)
                        && self.kind(source.1 + 1) == Some(TokenKind::OpenQuote)
                })
    }

    /// Whether a participle's topic preposition, which belongs to its cue, stands at `at`:
    /// "Asked about the vote, she …", "Responding to the report, Lee …".
    fn topic_preposition_at(&self, at: usize) -> bool {
        self.is(at, class::CUE_PREPOSITION) && self.toks.get(at + 1).is_some_and(|t| t.is_word())
    }

    /// "Asked about the plan, she said …", "when asked by reporters whether …": a participle
    /// with no subject; the source, if any, follows "by".
    fn subjectless_participle(&self, anchor: Anchor) -> Option<Found> {
        let mut source = None;
        let mut start = anchor.end;
        while self.is(start, class::TIME_WORD) {
            start += 1;
        }
        if self.is(start, class::AGENT_PREPOSITION) {
            let (by, _) = self.source_after(start + 1, false)?;
            source = Some(by);
            start = by.1;
        }
        // "Asked about the vote, she …": the preposition of the topic belongs to the cue.
        let mut cue_end = anchor.end;
        if source.is_none() && self.topic_preposition_at(start) {
            start += 1;
            cue_end = start;
        }
        let mut end = start;
        while end < self.toks.len()
            && end - start < MAX_CLAUSE
            && !matches!(
                self.kind(end),
                Some(TokenKind::Comma | TokenKind::Terminal | TokenKind::Semicolon)
            )
        {
            end += 1;
        }
        (start < end)
            .then(|| self.found(anchor, source, (anchor.start, cue_end), Some((start, end))))
    }

    /// A second passive coordinated with an earlier one: "… reported by X and subsequently confirmed by Y".
    fn follows_passive(&self, group: usize, earlier: &[Found]) -> bool {
        group > 0
            && self.is(group - 1, class::COORDINATOR)
            && self
                .grammar
                .words
                .agent_prepositions
                .iter()
                .any(|p| self.lower(self.cue_end_plain(group)) == p)
            && earlier.iter().any(|f| {
                f.source.is_some_and(|s| s.1 <= group)
                    && f.cue.0 < group
                    && f.content.is_none_or(|c| c.0 < f.cue.0)
            })
    }

    fn cue_end_plain(&self, group: usize) -> usize {
        let mut i = group;
        while i < self.toks.len() && self.anchor_of[i].is_none() {
            i += 1;
        }
        while i < self.toks.len() && self.anchor_of[i].is_some() {
            i += 1;
        }
        i
    }

    /// "She was asked whether she would run", "He was told that the plan was dead": the subject
    /// is the one spoken to; what was said follows, and nobody is named as saying it.
    fn agentless_passive(&self, anchor: Anchor, group: usize) -> Option<Found> {
        let complement = self.toks.get(anchor.end).is_some_and(|next| {
            matches!(next.kind, TokenKind::OpenQuote | TokenKind::Colon)
                || matches!(
                    next.lower.as_str(),
                    "if" | "whether"
                        | "that"
                        | "what"
                        | "how"
                        | "why"
                        | "who"
                        | "when"
                        | "where"
                        | "about"
                )
        });
        if !complement {
            return self.judged_passive(anchor, group);
        }
        if anchor.cue.kind != AttributionKind::Speech {
            return None;
        }
        let (cue_end, content) = self.content_after(anchor, anchor.end)?;
        Some(self.found(anchor, None, (group, cue_end), Some(content)))
    }

    /// "Mr. Reagan was criticized for the trade", "Roof is accused of the attack", "She is best
    /// known for her wit": a passive with neither agent nor complement tells what someone
    /// unnamed said or thought of its subject. As for "is expected to", the whole clause, cue
    /// included, is what is attributed, and nobody is named as its source.
    fn judged_passive(&self, anchor: Anchor, group: usize) -> Option<Found> {
        let start = self.clause_start_keeping_relative(group);
        if start >= group {
            return None;
        }
        // "is known for", "was described as": the preposition belongs to the cue.
        let mut cue_end = anchor.end;
        let joins = self.toks.get(cue_end).is_some_and(|t| {
            t.is(class::CUE_PREPOSITION)
                || self
                    .grammar
                    .words
                    .passive_prepositions
                    .contains(t.lower.as_str())
        });
        if joins && self.toks.get(cue_end + 1).is_some_and(|t| t.is_word()) {
            cue_end += 1;
        }
        let end = self.clause_end(cue_end);
        let mut found = self.found(anchor, None, (group, cue_end), Some((start, end)));
        found.content_first = true;
        Some(found)
    }

    /// "The bill, opposed by House Republicans, died", "a call echoed by Japan": a participle
    /// with its agent and no "be" modifies the noun phrase before it, which is what the agent
    /// said or thought something of.
    fn reduced_passive(&self, anchor: Anchor) -> Option<Found> {
        let before = anchor.start.checked_sub(1).filter(|&b| b >= self.floor)?;
        let end = if self.kind(before) == Some(TokenKind::Comma) {
            before
        } else {
            anchor.start
        };
        let t = self.toks.get(end.checked_sub(1)?)?;
        // The noun phrase ends in a common noun: not a verb, a pronoun, a function word or a
        // name ("Mr. Trump said by telephone" is a subject and its verb).
        if t.kind != TokenKind::Word
            || t.capitalized
            || self.is_closed_word(t)
            || t.is(class::PRONOUN | class::DETERMINER)
            || !self.in_noun_phrase(end - 1)
        {
            return None;
        }
        // "by" and an "-ing" form is a means ("responded by explaining"), not an agent.
        let agent = anchor.end + 1;
        if self.toks.get(agent).is_none_or(|n| {
            n.kind != TokenKind::Word
                || (!n.capitalized && ing_form(&n.lower))
                || !(self.starts_noun_phrase(n) || self.in_noun_phrase(agent))
        }) {
            return None;
        }
        let mut start = end;
        while start > self.floor && end - start < MAX_SUBJECT && self.in_noun_phrase(start - 1) {
            start -= 1;
        }
        while start < end && (self.is(start, class::PREPOSITION) || ing_form(self.lower(start))) {
            start += 1;
        }
        let start = self.trim_leading(start, end);
        if start >= end {
            return None;
        }
        let (source, via) = self.source_after(anchor.end + 1, false)?;
        let mut found = self.found(
            anchor,
            Some(source),
            (anchor.start, anchor.end),
            Some((start, end)),
        );
        found.via = via;
        found.content_first = true;
        Some(found)
    }

    /// "X was first reported by Y", "… and subsequently confirmed through Y speaking to Z".
    fn passive(&self, anchor: Anchor, group: usize, earlier: &[Found]) -> Option<Found> {
        let by = anchor.end;
        if !self.is(by, class::AGENT_PREPOSITION) {
            return self.agentless_passive(anchor, group);
        }
        // The cue is the verb group, auxiliaries included ("was first reported"); the agent's
        // preposition belongs to neither cue nor source.
        let cue_start = group;
        let (source, via) = self.source_after(by + 1, false)?;
        let mut found = self.found(anchor, Some(source), (cue_start, anchor.end), None);
        found.via = via;
        if self.is(group.saturating_sub(1), class::COORDINATOR) && group > 0 {
            // Shares the subject of the passive it is coordinated with.
            let first = earlier.iter().rev().find(|f| f.cue.0 < group)?;
            found.content = first.content;
            found.refers_back = first.refers_back;
        } else {
            let start = self.clause_start(group);
            if start < group {
                let subject = (start, group);
                found.refers_back = self.is_anaphor(subject);
                found.content = Some(subject);
            } else {
                return None;
            }
        }
        found.content_first = true;
        Some(found)
    }

    /// "the contests known as Super Tuesday", "Lazar, 44, known as “Guccifer,”", "a move
    /// seen as a snub": a participle with "as" and neither "be" nor an agent says what something
    /// is called or taken for, by nobody the text names. Source-less, as the annotators mark it:
    /// the cue runs through "as", the content from the noun phrase before it through what
    /// follows "as".
    fn reduced_passive_as(&self, anchor: Anchor, group: usize, form: VerbForm) -> Option<Found> {
        if !form.participle || form.gerund || group == 0 || group <= self.floor {
            return None;
        }
        if (group..anchor.start).any(|i| !self.is(i, class::ADVERB)) {
            return None;
        }
        let mut as_at = anchor.end;
        while self.is(as_at, class::ADVERB) {
            as_at += 1;
        }
        if !self
            .grammar
            .words
            .passive_prepositions
            .contains(self.lower(as_at))
        {
            return None;
        }
        // The noun phrase it follows, set off by a comma or not ("Lazar, 44, known as").
        let mut start = group;
        if self.kind(start - 1) == Some(TokenKind::Comma) {
            start -= 1;
        }
        let phrase_end = start;
        // "a way FBI Director James Comey slammed as …": a name right before the verb is its
        // subject; the verb is finite.
        if phrase_end == group && self.toks[group - 1].capitalized {
            return None;
        }
        while start > self.floor
            && ((self.in_noun_phrase(start - 1)
                && (!self.is(start - 1, class::PREPOSITION) || self.lower(start - 1) == "of"))
                || (self.kind(start - 1) == Some(TokenKind::Comma)
                    && self.kind(start) == Some(TokenKind::Number)))
        {
            start -= 1;
        }
        let noun_before = start < phrase_end
            && !self.is(start, class::PRONOUN)
            && !self.is(phrase_end - 1, class::PRONOUN);
        if !noun_before {
            return None;
        }
        // What it is called: a quotation, or the words up to the next punctuation or verb. A
        // clause after "as" makes it a subordinator ("said as she accepted her award"), and
        // "as well", "as much" adverbs ("acknowledged as much").
        let name_start = as_at + 1;
        let limit = self.toks.len().min(name_start + MAX_NAME_WORDS + 4);
        let name_end = if self.kind(name_start) == Some(TokenKind::OpenQuote) {
            self.next_close.get(name_start + 1).map(|&c| c + 1)?
        } else {
            (name_start..limit)
                .find(|&i| {
                    !matches!(
                        self.kind(i),
                        Some(TokenKind::Word | TokenKind::Number | TokenKind::Possessive)
                    ) || self.is(i, class::AUXILIARY)
                })
                .unwrap_or(limit)
        };
        let clause_after = (name_start..name_end.min(self.toks.len())).any(|i| {
            let t = &self.toks[i];
            past_form(t)
                || self.is_verb_anchor(i)
                || matches!(
                    t.lower.as_str(),
                    "he" | "she" | "they" | "we" | "i" | "it" | "well" | "much"
                )
        });
        if name_end <= name_start || name_end > self.toks.len() || clause_after {
            return None;
        }
        let mut found = self.found(anchor, None, (group, as_at + 1), Some((start, name_end)));
        found.content_first = true;
        Some(found)
    }

    /// A subject that points back at something already told: one of the grammar's anaphoric
    /// subjects ("the news"), or a short definite noun phrase ("the closures").
    fn is_anaphor(&self, (start, end): Range) -> bool {
        let words: Vec<&str> = self.toks[start..end]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        let listed = self
            .grammar
            .words
            .anaphoric_subjects
            .iter()
            .any(|a| a.iter().map(String::as_str).eq(words.iter().copied()));
        let short_definite = words.len() <= 3
            && matches!(words.first(), Some(&("the" | "this" | "these" | "those")))
            && self.toks[start + 1..end]
                .iter()
                .all(|t| t.is_word() && !t.capitalized);
        listed || short_definite
    }

    /// ", saying …", ", adding that …": the source is the subject of the main clause; the cue
    /// starts at `cue_start` (", going on to say").
    fn participle(&self, anchor: Anchor, cue_start: usize, earlier: &[Found]) -> Option<Found> {
        let source = main_clause_source(earlier, anchor.start)
            .or_else(|| self.leading_subject(anchor.start))?;
        let (cue_end, content) = self.content_after(anchor, anchor.end)?;
        Some(self.found(anchor, Some(source), (cue_start, cue_end), Some(content)))
    }

    /// "Noting that the bill failed, Tester called …", "Citing the attack, Will urged …": a
    /// participle opening the sentence is said by the subject of the clause after its comma;
    /// what it takes, up to that comma, is the content.
    fn opening_participle(&self, anchor: Anchor, cue_start: usize) -> Option<Found> {
        let mut start = anchor.end;
        let mut cue_end = anchor.end;
        // "Responding to Trump's remarks, Clinton …": the preposition belongs to the cue.
        if self.topic_preposition_at(start) {
            start += 1;
            cue_end = start;
        }
        let comma = (start..self.toks.len().min(start + MAX_CLAUSE))
            .find(|&i| !self.quoted[i] && !self.toks[i].is_phrase_part())
            .filter(|&i| self.kind(i) == Some(TokenKind::Comma))?;
        let (source, _) = self.source_after(comma + 1, true)?;
        // The subject ends where its verb group begins ("Rubio still backs", "she hasn't",
        // "Schlafly put", "the mayor closed") or its relative clause does ("Axelrod, who …").
        // An adverb or a past form right after an article or an adverb modifies the noun
        // ("a widely respected analyst", "the troubled senator").
        let end = (source.0 + 1..source.1)
            .find(|&i| {
                let t = &self.toks[i];
                let prev = &self.toks[i - 1];
                let after_noun = prev.kind == TokenKind::Word
                    && !prev.is(class::DETERMINER | class::ADVERB)
                    && !self.is_closed_word(prev);
                let past = t.kind == TokenKind::Word
                    && !t.capitalized
                    && (t.is(class::IRREGULAR_PAST) || t.lower.ends_with("ed"));
                t.is(class::AUXILIARY | class::NEGATION)
                    || t.lower.ends_with("n't")
                    || (after_noun && (past || self.adverb_in_phrasal_verb(i)))
                    || (t.kind == TokenKind::Comma && self.is(i + 1, class::RELATIVE_PRONOUN))
            })
            .unwrap_or(source.1);
        let source = (source.0, end);
        let opens_noun_phrase = self.toks.get(source.0).is_some_and(|t| {
            t.kind == TokenKind::Word
                && (t.capitalized || t.is(class::DETERMINER | class::PRONOUN))
                && !t.is(class::SUBORDINATOR)
                && t.lower != "that"
                && self.anchor_of[source.0].is_none()
        });
        // The subject's verb follows: "Tester called", "the senator has said".
        let verb_follows = opens_noun_phrase
            && self.toks.get(source.1).is_some_and(|t| {
                t.kind == TokenKind::Word && !t.capitalized && !self.is_closed_word(t)
                    || t.is(class::AUXILIARY)
            });
        (start < comma && verb_follows).then(|| {
            self.found(
                anchor,
                Some(source),
                (cue_start, cue_end),
                Some((start, comma)),
            )
        })
    }

    /// A gerund cue after a preposition, a subordinator or a coordinator, or after "with" and
    /// its noun phrase; `group` is where its verb group (adverbs) starts.
    fn gerund_phrase(&self, anchor: Anchor, group: usize, earlier: &[Found]) -> Option<Found> {
        let before = group.checked_sub(1)?;
        let source = if matches!(
            self.lower(before),
            "by" | "after" | "before" | "while" | "when" | "without" | "and" | "but"
        ) {
            // "by saying", "after telling", "while also suggesting", "saying X but adding Y":
            // the subject of the main clause.
            earlier
                .iter()
                .rev()
                .find(|f| f.cue.0 < anchor.start)
                .and_then(|f| f.source)
                .or_else(|| self.leading_subject(before))?
        } else if let Some(found) = self.document_participle(anchor) {
            return Some(found);
        } else {
            let plain = |i: usize| {
                matches!(self.kind(i), Some(TokenKind::Word | TokenKind::Number))
                    && (self.anchor_of[i].is_none() || self.is_preposition_anchor(i))
            };
            // "with three in 10 saying …", "with 87 percent viewing him favorably".
            let after_with = (anchor.start.saturating_sub(8)..anchor.start)
                .rev()
                .find(|&i| self.lower(i) == "with")
                .map(|with| (with + 1, anchor.start))
                .filter(|&(start, end)| start < end && (start..end).all(plain));
            after_with.or_else(|| self.respondents_before(anchor.start))?
        };
        let (cue_end, content) = self.content_after(anchor, anchor.end)?;
        Some(self.found(anchor, Some(source), (anchor.start, cue_end), Some(content)))
    }

    /// "62 percent of voters saying …", "the share of Republicans saying …": a count or share
    /// of people right before a gerund cue is who the poll heard say it. The phrase runs back
    /// to the verb or preposition before it and must hold a number or a word of share.
    fn respondents_before(&self, at: usize) -> Option<Range> {
        let mut start = at;
        // A count, "of" and a group of a few words: "about two-thirds of Republican primary
        // voters".
        while start > self.floor && at - start < MAX_ROLE_WORDS + 3 {
            let t = &self.toks[start - 1];
            let in_phrase = matches!(t.kind, TokenKind::Word | TokenKind::Number)
                && self.anchor_of[start - 1].is_none()
                && !past_form(t)
                && !t.is(class::AUXILIARY
                    | class::BE_FORM
                    | class::SUBORDINATOR
                    | class::RELATIVE_PRONOUN)
                && (!t.is(class::PREPOSITION) || matches!(t.lower.as_str(), "of" | "in"));
            if !in_phrase {
                break;
            }
            start -= 1;
        }
        start = (start..at)
            .find(|&i| !self.is(i, class::PREPOSITION))
            .unwrap_or(at);
        let counted = (start..at)
            .any(|i| self.kind(i) == Some(TokenKind::Number) || self.is(i, class::SHARE));
        // The head is people counted: a plural ("voters"), a share ("a majority"), or "N in
        // 10" — not a date ("June 1"), a span of time ("his wife of 20 years") nor a modifier
        // ("26 initial public offering").
        let last = at - 1;
        let head_counts = start < at
            && ((self.kind(last) == Some(TokenKind::Word)
                && !self.grammar.words.time_nouns.contains(self.lower(last))
                && (self.lower(last).ends_with('s') || self.is(last, class::SHARE)))
                || (self.kind(last) == Some(TokenKind::Number)
                    && last > start
                    && self.lower(last - 1) == "in"));
        (counted && head_counts && self.valid_subject((start, at))).then_some((start, at))
    }

    /// "polls showing her behind", "issued a statement saying …", "posted a message on Twitter
    /// calling …": an "-ing" cue after a document noun. The document is the source, unless a
    /// verb puts it out: then that verb's subject is, and the cue runs from the verb.
    fn document_participle(&self, anchor: Anchor) -> Option<Found> {
        let noun = (anchor.start.saturating_sub(6).max(self.floor)..anchor.start)
            .rev()
            .take_while(|&i| self.toks[i].is_word())
            .find(|&i| self.is(i, class::DOCUMENT_NOUN))?;
        // Back over adjectives to a determiner: "a lengthy statement". A verb form ends it.
        let mut np_start = noun;
        while np_start > self.floor && noun - np_start < 4 {
            let t = &self.toks[np_start - 1];
            if t.kind == TokenKind::Possessive || t.is(class::DETERMINER) {
                np_start -= 1;
                break;
            }
            let adjective = t.kind == TokenKind::Word
                && !t.capitalized
                && !self.is_closed_word(t)
                && self.anchor_of[np_start - 1].is_none()
                && !t.lower.ends_with("ed")
                && !t.is(class::IRREGULAR_PAST);
            if !adjective {
                break;
            }
            np_start -= 1;
        }
        let words = &self.grammar.words;
        let verb = np_start
            .checked_sub(1)
            // "sent out a text message saying": the verb is before its particle.
            .map(|v| {
                let lower = self.lower(v);
                let particle = words.cue_particles.contains(lower)
                    || words.other_verb_particles.contains(lower);
                if particle && v > self.floor { v - 1 } else { v }
            })
            .filter(|&v| {
                v >= self.floor
                    && self.toks[v].kind == TokenKind::Word
                    && !self.toks[v].capitalized
                    && !self.is_closed_word(&self.toks[v])
            });
        let (source, cue_start) = match verb {
            Some(verb) => {
                let group = self.verb_group_start(verb);
                (
                    self.subject_before(group)
                        .or_else(|| self.leading_subject(group))?,
                    group,
                )
            }
            None => {
                let np = (self.trim_leading(np_start, noun + 1), noun + 1);
                (self.valid_subject(np).then_some(np)?, anchor.start)
            }
        };
        let (cue_end, content) = self.content_after(anchor, anchor.end)?;
        Some(self.found(anchor, Some(source), (cue_start, cue_end), Some(content)))
    }

    /// A short noun phrase opening the sentence: the subject the participle hangs on.
    fn leading_subject(&self, limit: usize) -> Option<Range> {
        // After a dateline or a leading "PLACE —", the clause starts again.
        let mut start = (self.floor.max(limit.saturating_sub(MAX_CLAUSE))..limit)
            .rev()
            .find(|&i| matches!(self.kind(i), Some(TokenKind::Dash | TokenKind::Colon)))
            .map_or(self.floor, |i| i + 1);
        // "In April, Twitter …", "After the vote, he …", "Standing by his message, he …": an
        // opening phrase is not the subject, nor are opening conjunctions and adverbs
        // ("However, he …", "Then he …", "And even Obama …"); several may follow each other.
        loop {
            while start < limit
                && (self.kind(start) == Some(TokenKind::Comma)
                    || self.is(start, class::LEADING_CONJUNCTION)
                    || self.is(start, class::COORDINATOR)
                    || self.opening_adverb(start))
            {
                start += 1;
            }
            // "Asked whether he would serve, she shook her head and said …": a participle opens
            // a phrase too, past ("Asked", "Pressed") as present.
            let participle = self.lower(start).len() > 4 && self.lower(start).ends_with("ed")
                || self.is(start, class::IRREGULAR_PAST);
            let opening = self.is(start, class::PREPOSITION)
                || self.is(start, class::SUBORDINATOR)
                || ing_form(self.lower(start))
                || participle;
            // "Last month, …", "Earlier this year, …": a short phrase ending in a word of time.
            let of_time = |comma: usize| {
                comma - start <= MAX_TIME_PHRASE
                    && (self.is(comma - 1, class::TIME_WORD)
                        || self
                            .grammar
                            .words
                            .time_nouns
                            .contains(self.lower(comma - 1)))
            };
            // An opening phrase is followed by the main clause, not by a coordinated verb:
            // "Ebeling smiled, and said …" opens with a name.
            match (start + 1..limit.min(start + MAX_SUBJECT))
                .find(|&i| self.kind(i) == Some(TokenKind::Comma))
            {
                Some(comma)
                    if (opening || of_time(comma)) && !self.is(comma + 1, class::COORDINATOR) =>
                {
                    start = comma + 1
                }
                _ => break,
            }
        }
        // A personal pronoun is a whole noun phrase: "Then he cut into Bush, calling him …". ("It"
        // is more often the dummy of "it is …" than a speaker.)
        if start < limit && self.is(start, class::PRONOUN) && self.lower(start) != "it" {
            return self
                .valid_subject((start, start + 1))
                .then_some((start, start + 1));
        }
        let mut end = start;
        while end < limit && end - start < MAX_SUBJECT {
            let t = &self.toks[end];
            let verb_like = self.is_verb_anchor(end)
                || past_form(t)
                || (end > start && self.present_verb_before_object(end))
                || (t.kind == TokenKind::Word
                    && !t.capitalized
                    && (t.is(class::AUXILIARY)
                        || t.is(class::NEGATION)
                        || (t.is(class::PREPOSITION)
                            && self
                                .toks
                                .get(end + 1)
                                .is_some_and(|n| n.is(class::TIME_WORD)))
                        || t.is(class::ADVERB)));
            if verb_like
                || matches!(
                    t.kind,
                    TokenKind::Comma
                        | TokenKind::Terminal
                        | TokenKind::OpenQuote
                        | TokenKind::CloseQuote
                        | TokenKind::Colon
                        | TokenKind::Semicolon
                )
            {
                break;
            }
            end += 1;
        }
        while end > start && {
            let t = &self.toks[end - 1];
            t.is(class::DETERMINER) || t.is(class::PREPOSITION) || t.is(class::COORDINATOR)
        } {
            end -= 1;
        }
        (end > start && self.valid_subject((start, end))).then_some((start, end))
    }

    /// "The company keeps its books secret": a lower-case "-s" word before a determiner or a
    /// pronoun is a present verb, not a plural noun (nouns do not take an object).
    fn present_verb_before_object(&self, at: usize) -> bool {
        let t = &self.toks[at];
        self.is_finite_present(at)
            && !t.is(class::DETERMINER | class::PRONOUN | class::ADVERB)
            && self.toks.get(at + 1).is_some_and(|n| {
                n.kind == TokenKind::Word
                    && n.lower != "that"
                    && n.is(class::DETERMINER | class::PRONOUN)
                    && !n.is(class::QUANTIFIER)
            })
    }

    /// An adverb opening a clause ("Then he …", "Recently, …"); a capitalised "-ly" word
    /// followed by a verb is more likely a name ("Kelly said").
    fn opening_adverb(&self, at: usize) -> bool {
        self.is(at, class::ADVERB)
            && !self.is(at, class::QUANTIFIER)
            && (!self.toks[at].capitalized
                || self.kind(at + 1) == Some(TokenKind::Comma)
                || self.is(at + 1, class::PRONOUN)
                || self.is(at + 1, class::DETERMINER))
    }

    /// The source comes before the verb, or after it in an inversion, or the content comes first.
    fn active(&self, anchor: Anchor, group: usize) -> Option<Found> {
        let cue_end = anchor.end;
        let after_cue = self.time_words_end(cue_end);
        let before = group.checked_sub(1).and_then(|i| self.kind(i));
        let closes_clause = matches!(
            self.kind(after_cue),
            None | Some(
                TokenKind::Terminal | TokenKind::Comma | TokenKind::CloseQuote | TokenKind::Dash
            )
        );
        // "…, two members told Reuters on Tuesday." — the addressee and trailers close the clause too.
        let mut trailers_end = after_cue;
        let addressed = anchor.cue.addressee
            && self.kind(after_cue) == Some(TokenKind::Word)
            && self.lower(after_cue) != "that";
        if addressed {
            trailers_end = self.addressee_end(after_cue);
        }
        while let Some(end) = self.trailer_at(trailers_end) {
            trailers_end = end;
        }
        let closes_after_trailers = matches!(
            self.kind(trailers_end),
            None | Some(TokenKind::Terminal | TokenKind::Comma)
        ) || self.circumstance_closes_sentence(trailers_end);
        // "said Tuesday", "said in a statement Saturday": the day belongs to the cue.
        let cue = (
            group,
            self.time_words_end(self.statement_phrase_end(after_cue)),
        );

        let subject = self.subject_before(group);
        let apposition = subject.is_some_and(|s| self.kind(s.1 - 1) == Some(TokenKind::Comma));
        // Right after a closing quotation mark, any open-class word can start the source
        // ("…,” said former Rep. George Miller").
        let after_quote = group > 0
            && (self.kind(group - 1) == Some(TokenKind::CloseQuote)
                || (group > 1
                    && self.kind(group - 1) == Some(TokenKind::Comma)
                    && self.kind(group - 2) == Some(TokenKind::CloseQuote)));
        // A pronoun after the cue is an inverted source only at the clause's end ("…, said
        // he."): "…, then said he would resign" has it open the content.
        let clause_ends_after_it = matches!(
            self.kind(after_cue + 1),
            None | Some(TokenKind::Terminal | TokenKind::Comma)
        );
        // "…, responded that the businessman …": "that" opens the content.
        let invertible = anchor.cue.kind == AttributionKind::Speech
            && self.toks.get(after_cue).is_some_and(|t| {
                (self.starts_noun_phrase(t)
                    && t.lower != "that"
                    && (!t.is(class::PRONOUN) || clause_ends_after_it))
                    || (after_quote && t.kind == TokenKind::Word && !self.is_closed_word(t))
            });
        // "…,” said Maria Lopez, an analyst." — the verb right after the content.
        if matches!(before, Some(TokenKind::Comma | TokenKind::CloseQuote))
            && group >= 2
            && !closes_clause
            && !apposition
            && invertible
            // "…, then criticized the service": an adverb before the verb coordinates it.
            && (group == anchor.start || after_quote)
            && let Some((source, _)) = self
                .source_after(after_cue, true)
                .filter(|&(source, _)| !self.holds_verb(source))
        {
            let boundary = group - 1;
            if let Some(content) = self
                .content_before(boundary, source.1)
                .filter(|&content| self.reads_as_content(content))
            {
                let mut found = self.found(anchor, Some(source), cue, Some(content));
                found.content_first = true;
                return Some(found);
            }
        }

        // "Said Comey, “…”": the cue opens the sentence, its source follows.
        let finite = matches!(anchor.cue.class, CueClass::Verb(form) if form.past || form.third);
        if subject.is_none()
            && self.trim_leading(self.floor, group) == group
            && invertible
            && finite
            && let Some((source, _)) = self
                .source_after(after_cue, true)
                .filter(|(s, _)| self.kind(s.1) == Some(TokenKind::Comma))
                .or_else(|| self.source_after(after_cue, false))
            && self.kind(source.1) == Some(TokenKind::Comma)
        {
            let start = source.1 + 1;
            let end = self.content_end(start);
            return (start < end)
                .then(|| self.found(anchor, Some(source), cue, Some((start, end))));
        }
        let subject = subject.or_else(|| self.subject_before_comma(anchor, group, after_cue));
        // "… overruled and said …", "… joked about X, and told …": a verb coordinated with an
        // earlier one shares its subject.
        // "…, then said …" coordinates as "and" does.
        let coordinated = group > 0
            && (self.is(group - 1, class::COORDINATOR)
                || (self.kind(group - 1) == Some(TokenKind::Comma) && self.lower(group) == "then"));
        let subject = subject.or_else(|| {
            if !coordinated {
                return None;
            }
            // "…, she said, but added …": the subject of the cue verb before the comma.
            let interrupting = group
                .checked_sub(3)
                .filter(|&i| {
                    self.kind(i + 1) == Some(TokenKind::Comma)
                        && self.anchor_of[i].is_some_and(|a| self.anchors[a].end == i + 1)
                })
                .and_then(|i| {
                    let verb = self.anchors[self.anchor_of[i]?];
                    self.subject_before(self.verb_group_start(verb.start))
                });
            interrupting.or_else(|| self.leading_subject(group - 1))
        });
        let source = subject?;
        let boundary = source.0.checked_sub(1);
        let has_content_before = boundary.is_some_and(|b| {
            b > self.floor && matches!(self.kind(b), Some(TokenKind::Comma | TokenKind::CloseQuote))
        });
        let quote_before = boundary.is_some_and(|b| {
            self.kind(b) == Some(TokenKind::CloseQuote)
                || (b > 0
                    && self.kind(b) == Some(TokenKind::Comma)
                    && self.kind(b - 1) == Some(TokenKind::CloseQuote))
        });
        let reopening_quote = (trailers_end..self.toks.len().min(trailers_end + 2))
            .find(|&i| self.kind(i) == Some(TokenKind::OpenQuote));
        let opens_quote_after =
            reopening_quote.is_some_and(|q| q == after_cue + 1 || q == trailers_end + 1);
        // "“We won,” she said. / “We won,” she said on a call with donors, “and we will …”"
        // After the cue, a prepositional phrase or a new clause, not content: "“…,” Clinton said
        // on Thursday during a speech".
        let nothing_attributed_after = closes_clause
            || closes_after_trailers
            || opens_quote_after
            || self
                .toks
                .get(trailers_end)
                .is_some_and(|t| t.is(class::PREPOSITION) || t.is(class::SUBORDINATOR));
        let quote_opens_sentence =
            self.kind(self.trim_leading(self.floor, source.0)) == Some(TokenKind::OpenQuote);
        // "“…,” she said, but added that …": a subject shared from an earlier verb leaves the
        // quotation to that verb.
        let adjacent = source.1 == group;
        if has_content_before
            && quote_before
            && adjacent
            && (nothing_attributed_after || quote_opens_sentence)
        {
            let content = self.content_before(boundary?, usize::MAX)?;
            let content = match reopening_quote.filter(|_| opens_quote_after) {
                Some(open) => (content.0, self.content_end(open)),
                None => content,
            };
            let mut found = self.found(anchor, Some(source), cue, Some(content));
            found.content_first = true;
            found.via = self.addressee_channel(anchor);
            return Some(found);
        }
        // "…, she said." and "…, he added, were …" — a short source after the content; also
        // before a phrase of circumstance ("Victory is vital, he said after meeting aides,").
        let circumstance_after = self.toks.get(trailers_end).is_some_and(|t| {
            t.is(class::PREPOSITION | class::SUBORDINATOR)
                && !t.is(class::CUE_PREPOSITION)
                && !matches!(t.lower.as_str(), "that" | "to" | "whether" | "if")
        }) && source.1 == source.0 + 1
            && self.is(source.0, class::PRONOUN);
        if has_content_before
            && (closes_clause || closes_after_trailers || circumstance_after)
            && !opens_quote_after
            && let Some(content) = self.content_before(boundary?, trailers_end)
        {
            let mut found = self.found(anchor, Some(source), cue, Some(content));
            found.content_first = true;
            found.via = self.addressee_channel(anchor);
            return Some(found);
        }
        let opens_sentence = self.trim_leading(self.floor, source.0) == source.0;
        if let Some(quote) = self.previous_quote.filter(|_| {
            opens_sentence && (closes_clause || closes_after_trailers) && !opens_quote_after
        }) {
            let mut found = self.found(anchor, Some(source), cue, None);
            found.content_override = Some(quote);
            found.content_first = true;
            return Some(found);
        }
        let (cue_end, content) = self.content_after(anchor, after_cue.max(cue.1))?;
        // "Fahrenthold reported from Washington.": a byline's place, not a report's content.
        let from_place = self.lower(content.0) == "from"
            && content.1 > content.0 + 1
            && (content.0 + 1..content.1)
                .all(|i| self.toks[i].capitalized || self.kind(i) == Some(TokenKind::Comma));
        if from_place {
            return None;
        }
        let mut found = self.found(
            anchor,
            Some(source),
            (group, cue_end.max(cue.1)),
            Some(content),
        );
        found.via = self
            .addressee_channel(anchor)
            .filter(|via| via.1 <= content.0)
            .or_else(|| self.channel_at(after_cue).map(|(outlet, _)| outlet));
        Some(found)
    }

    /// "Two objectors, Ann Lee and Bo Park, said the vote was unfair": when no subject is found
    /// before the comma that precedes a cue, and the words after the cue are a clause rather
    /// than an inverted source, the phrase before the comma is the subject (after a leading
    /// phrase set off by its own comma: "In 1952, Ike and his aide, John Dulles, said").
    fn subject_before_comma(
        &self,
        anchor: Anchor,
        group: usize,
        after_cue: usize,
    ) -> Option<Range> {
        // "Mr. Manafort, citing ''the magic of Trump,'' said": the comma may close a quotation.
        let mut comma = group.checked_sub(1)?;
        if self.kind(comma) == Some(TokenKind::CloseQuote) {
            comma = comma.checked_sub(1)?;
        }
        if comma <= self.floor || self.kind(comma) != Some(TokenKind::Comma) {
            return None;
        }
        // Only a finite verb has a subject: not the participle of "…, also known as ISIS" or
        // "…, first reported by the Times".
        let CueClass::Verb(form) = anchor.cue.class else {
            return None;
        };
        let auxiliary = (group..anchor.start).any(|i| self.is(i, class::AUXILIARY));
        let finite = (form.past || form.third) && !self.is(anchor.end, class::AGENT_PREPOSITION);
        if !auxiliary && !finite {
            return None;
        }
        let mut start = self.trim_leading(self.floor, comma);
        if self.is(start, class::PREPOSITION) {
            start = (start..comma).find(|&i| self.kind(i) == Some(TokenKind::Comma))? + 1;
        }
        // After an auxiliary ("…, have questioned") the verb cannot open an inversion, nor
        // after words that cannot be its content ("Another trustee, Mia Cole, explained the
        // reason"); otherwise a clause must follow the verb.
        if !auxiliary {
            let (after, _) = self.source_after(after_cue, true)?;
            if self.reads_as_content((start, comma)) && !self.holds_verb(after) {
                return None;
            }
        }
        let opens = self.toks.get(start).is_some_and(|t| {
            t.is_word() && (t.capitalized || t.is(class::DETERMINER) || t.is(class::PRONOUN))
        });
        if (start..comma).any(|i| {
            matches!(
                self.kind(i),
                Some(TokenKind::Colon | TokenKind::Semicolon | TokenKind::Dash)
            )
        }) {
            return None;
        }
        // "Kelly speculated about her wardrobe, referred to …": verb phrases listed without
        // "and" share the subject of the first.
        if (start..comma).any(|i| self.is_verb_anchor(i)) {
            // "claimed that the museum in Washington, D.C., had expressed interest": after an
            // auxiliary the verb is the content clause's own.
            return (!auxiliary).then(|| self.leading_subject(comma)).flatten();
        }
        // The phrase's head, before any apposition, must be a noun phrase: not an opening
        // participle ("Based on estimates by …,") or adverb ("Perhaps counterintuitively,").
        let head_end = (start..comma)
            .find(|&i| self.kind(i) == Some(TokenKind::Comma))
            .unwrap_or(comma);
        let head = self.toks.get(start).is_some_and(|t| {
            let participle = t.lower.len() > 4 && t.lower.ends_with("ed") || ing_form(&t.lower);
            !participle && self.valid_subject((start, head_end))
        });
        (opens && head && start + 1 < comma).then_some((start, group))
    }

    /// Whether the words in `range`, before a comma and a cue, can be the content of an
    /// inversion ("The vote was unfair, said Ann Lee"): a quotation or a verb in them. A role
    /// and its name ("The head of the club, Ben Hale,") are the cue's subject instead.
    fn reads_as_content(&self, (start, end): Range) -> bool {
        (start..end).any(|i| {
            let t = &self.toks[i];
            t.is_quote()
                || (t.kind == TokenKind::Word
                    && !t.capitalized
                    && (t.is(class::AUXILIARY | class::BE_FORM | class::NEGATION)
                        || t.lower.ends_with("n't")
                        || past_form(t)
                        || self.is_finite_present(i)))
        })
    }

    /// Whether the content at `range` is a clause or a quotation rather than a bare noun
    /// phrase: it holds a quotation mark, opens with "that", a question word or a subject
    /// pronoun, or holds an auxiliary.
    fn reads_as_clause(&self, (start, end): Range) -> bool {
        // A content beyond the sentence (a passage after a colon) is no bare noun phrase.
        let Some(first) = self.toks.get(start).filter(|_| end <= self.toks.len()) else {
            return true;
        };
        (start..end).any(|i| self.toks[i].is_quote())
            || matches!(
                first.lower.as_str(),
                "that" | "what" | "how" | "why" | "whether" | "if" | "when" | "where" | "who"
            )
            || (first.is(class::PRONOUN)
                && !self.grammar.words.object_pronouns.contains(&first.lower))
            || self.holds_verb((start, end))
    }

    /// Whether the words after a cue hold a verb of their own before any apposition or relative
    /// clause: "Two objectors, Ann Lee and Bo Park, said the vote was unfair" is no inversion
    /// with "the vote was unfair" as its source.
    fn holds_verb(&self, (start, end): Range) -> bool {
        (start..end)
            .take_while(|&i| {
                self.kind(i) != Some(TokenKind::Comma) && !self.is(i, class::RELATIVE_PRONOUN)
            })
            .any(|i| {
                let t = &self.toks[i];
                t.kind == TokenKind::Word && !t.capitalized && t.is(class::AUXILIARY)
            })
    }

    /// "called AP's report a “rush to judgment”", "called Trump “a psychopath”": the name after
    /// a naming verb is its object when a possessive, a determiner or a quotation follows it,
    /// which a name given to something ("a program called Sandy Hook Promise") never has.
    fn name_opens_object(&self, at: usize) -> bool {
        let mut end = at;
        while self
            .toks
            .get(end)
            .is_some_and(|t| t.kind == TokenKind::Word && t.capitalized)
        {
            end += 1;
        }
        end > at
            && self.toks.get(end).is_some_and(|t| {
                t.kind == TokenKind::Possessive
                    || t.kind == TokenKind::OpenQuote
                    || t.is(class::DETERMINER)
            })
    }

    /// "said Tuesday night": the words of time right after a cue, which the annotators take into
    /// it more often than not. Not "said Saturday's caucuses …", where the day opens the content.
    fn time_words_end(&self, at: usize) -> usize {
        let mut end = at;
        while self.is(end, class::TIME_WORD) && self.kind(end + 1) != Some(TokenKind::Possessive) {
            end += 1;
        }
        if end > at && self.grammar.words.time_nouns.contains(self.lower(end)) {
            if self.kind(end + 1) == Some(TokenKind::Possessive) {
                return at;
            }
            end += 1;
        }
        end
    }

    /// "said in a statement": a phrase naming the form of the statement belongs to the cue.
    fn statement_phrase_end(&self, cue_end: usize) -> usize {
        if self.channel_at(cue_end).is_some() {
            return cue_end;
        }
        self.phrase_end(&self.grammar.words.statement_phrases, cue_end)
            .unwrap_or(cue_end)
    }

    /// A function word: auxiliary, preposition, negation, coordinator, subordinator.
    fn is_closed_word(&self, t: &Token) -> bool {
        t.is(class::AUXILIARY)
            || t.is(class::PREPOSITION)
            || t.is(class::NEGATION)
            || t.is(class::COORDINATOR)
            || t.is(class::SUBORDINATOR)
            || t.lower == "that"
    }

    /// A word that can open a noun phrase: a name, a determiner, a pronoun, a number.
    fn starts_noun_phrase(&self, t: &Token) -> bool {
        (t.kind == TokenKind::Word && t.capitalized && !t.is(class::PREPOSITION))
            || t.kind == TokenKind::Number
            || t.is(class::DETERMINER)
            || t.is(class::PRONOUN)
            || t.is(class::SOURCE_NOUN)
    }

    /// A phrase that may sit between a cue and its source or content without being either
    /// ("in a statement", "on Tuesday"); returns the position after it.
    fn trailer_at(&self, at: usize) -> Option<usize> {
        self.phrase_end(&self.grammar.words.source_trailers, at)
    }

    /// The end of the first of `phrases` that starts at `at`.
    fn phrase_end(&self, phrases: &Phrases, at: usize) -> Option<usize> {
        if !self.is(at, phrases.starts) {
            return None;
        }
        phrases.iter().find_map(|p| {
            phrase(p)
                .parse(self.input().from(at))
                .ok()
                .map(|(_, end)| end)
        })
    }

    /// A name set off by commas after a role noun ("the league's commissioner, Paul Ferreira,"):
    /// the comma at `comma` follows a lower-case open-class word and opens a run of capitalised
    /// words. Returns the position after the name.
    fn name_after_role(&self, comma: usize) -> Option<usize> {
        let role = self.toks.get(comma.checked_sub(1)?)?;
        if !role.is_word() || role.capitalized || self.is_closed_word(role) {
            return None;
        }
        let is_name_word = |t: &Token| {
            t.is_word()
                && t.capitalized
                && !self.is_closed_word(t)
                && !t.is(class::PRONOUN)
                && !t.is(class::DETERMINER)
        };
        let end = (comma + 1..self.toks.len())
            .take(MAX_NAME_WORDS + 1)
            .find(|&i| !is_name_word(&self.toks[i]))
            .unwrap_or(self.toks.len());
        (end > comma + 1 && end - comma - 1 <= MAX_NAME_WORDS).then_some(end)
    }

    /// Whether the role before the comma at `comma` is itself an apposition or relative clause
    /// ("Ann Lee, the editor of the city's paper, Harbor Daily,"; "Ann Lee, who runs a shop on
    /// the square, Market Row,"): then the name after it is part of that phrase, not the
    /// subject's name.
    fn role_in_apposition(&self, comma: usize) -> bool {
        let role_start = self.clause_start(comma);
        if self.is(role_start, class::RELATIVE_PRONOUN) {
            return true;
        }
        let Some(before) = role_start.checked_sub(1) else {
            return false;
        };
        self.kind(before) == Some(TokenKind::Comma) && {
            let head_start = self.clause_start(before);
            self.valid_subject((head_start, before))
        }
    }

    /// The subject right before a verb group: a clause-initial noun phrase, possibly with an
    /// apposition ("Mike Dunn, a Republican strategist,"), or a relative pronoun.
    fn subject_before(&self, group: usize) -> Option<Range> {
        if group == 0 {
            return None;
        }
        // "Trump last year proposed", "Priebus, the chairman, this past week announced": a
        // phrase of time before the verb is neither source nor cue; the subject precedes it.
        if let Some(time) = self.time_phrase_before(group)
            && time > self.floor
            && let Some(subject) = self.subject_before(time)
        {
            return Some(subject);
        }
        let last = group - 1;
        if matches!(self.lower(last), "who" | "which") {
            return Some((last, group));
        }
        // "a new poll that shows": the relative pronoun is the subject, as "who" is; the
        // sources stage reads the noun phrase before it as what it stands for.
        if self.lower(last) == "that" && last > 0 {
            let start = self.clause_start(last);
            return (start < last && self.valid_subject((start, last))).then_some((last, group));
        }
        if self.kind(last) == Some(TokenKind::Dash) {
            // "Donald Trump — who once said … — said": an aside between dashes.
            let open = (self.floor..last)
                .rev()
                .take(MAX_CLAUSE)
                .find(|&i| self.kind(i) == Some(TokenKind::Dash))?;
            let start = self.subject_start(self.clause_start(open), open)?;
            // Like a comma apposition, the aside belongs to the source unless it is a relative
            // clause.
            let end = if self.lower(open + 1) == "who" {
                open
            } else {
                group
            };
            return (!self.subject_conflicts(start, open)).then_some((start, end));
        }
        if self.kind(last) == Some(TokenKind::Comma) {
            // An apposition closed by this comma, opened by an earlier one; it may hold a comma
            // of its own ("a philanthropist from Monsey, New York,").
            // An apposition opens with a determiner, a relative pronoun, a lower-case word, a
            // title, a possessive name ("Sanders' campaign manager"), or a name after a role
            // ("Clinton's campaign chairman, John Podesta,").
            let opens_at = |open: usize| {
                self.kind(open) == Some(TokenKind::Comma)
                    && self.toks.get(open + 1).is_some_and(|t| {
                        t.is(class::DETERMINER)
                            || matches!(t.lower.as_str(), "who" | "which")
                            || !t.capitalized
                            || t.is(class::TITLE)
                            || self.kind(open + 2) == Some(TokenKind::Possessive)
                            // "Ann Lee, Republican of Ohio,": a capitalised role and its place.
                            || self.lower(open + 2) == "of"
                            || (open > 0 && self.is(open - 1, class::TITLE))
                            // "Sen. Ted Cruz, R-Texas,": a party and state.
                            || (open + 2 == last && party_label(&t.lower))
                    })
                    || (self.name_after_role(open) == Some(last) && !self.role_in_apposition(open))
            };
            let mut open = last;
            let mut commas = 0;
            while open > 0 && last - open < MAX_SUBJECT {
                open -= 1;
                match self.kind(open) {
                    Some(TokenKind::Comma) => {
                        commas += 1;
                        if opens_at(open) || commas == 2 {
                            break;
                        }
                    }
                    Some(
                        TokenKind::Terminal
                        | TokenKind::Semicolon
                        | TokenKind::Colon
                        | TokenKind::OpenQuote
                        | TokenKind::CloseQuote,
                    ) => return None,
                    _ => {}
                }
            }
            let opens_apposition = opens_at(open);
            // "If the office closed, its work would move elsewhere, said Ann Lee": a finite
            // auxiliary outside a relative clause makes the phrase a clause, not an apposition.
            // "'s" is left out: it is as often a possessive ("Twitter's director"). A clause
            // inside the apposition ("who has served", "when asked what is wrong") may hold one.
            let holds_clause = (open + 1..last)
                .take_while(|&i| {
                    !self.is(i, class::RELATIVE_PRONOUN | class::SUBORDINATOR)
                        && !matches!(self.lower(i), "whose" | "what" | "how" | "why")
                })
                .any(|i| {
                    self.is(i, class::AUXILIARY)
                        && !matches!(self.lower(i), "being" | "having" | "'s" | "’s")
                });
            if opens_apposition && holds_clause {
                return None;
            }
            let name_end = if opens_apposition {
                open
            } else if self.kind(last - 1) == Some(TokenKind::CloseParen) {
                // "Sen. Jack Reed (D-R.I.),"
                let mut o = last - 1;
                while o > 0 && self.kind(o) != Some(TokenKind::OpenParen) {
                    o -= 1;
                }
                o
            } else {
                return None;
            };
            // "Marvin Teske, 53, a guard,": an age between the name and the apposition is the
            // name's.
            let mut before_age = name_end;
            while before_age >= 2
                && self.kind(before_age - 1) == Some(TokenKind::Number)
                && self.kind(before_age - 2) == Some(TokenKind::Comma)
            {
                before_age -= 2;
            }
            let subject_from = |name_end: usize| {
                let mut start = self.subject_start(self.clause_start(name_end), name_end)?;
                // "Nevada's governor, Brian Sandoval, a Republican,": a short role opening the
                // sentence may stand before the name, as "Clinton's campaign chairman, John
                // Podesta," does alone.
                if let Some(comma) = start.checked_sub(1)
                    && self.kind(comma) == Some(TokenKind::Comma)
                    && self.name_after_role(comma) == Some(name_end)
                    && let role = self.trim_leading(self.floor, comma)
                    && comma - role <= MAX_ROLE_WORDS
                    && (self.is(role, class::DETERMINER)
                        || self.kind(role + 1) == Some(TokenKind::Possessive))
                    && (role..comma).all(|i| {
                        self.in_noun_phrase(i) && !self.is(i, class::PREPOSITION)
                            || self.kind(i) == Some(TokenKind::Possessive)
                    })
                {
                    start = role;
                }
                (!self.subject_conflicts(start, name_end)).then_some((start, group))
            };
            return subject_from(before_age).or_else(|| subject_from(name_end));
        }
        let start = self.trim_leading(self.clause_start(group), group);
        let start = self.subject_start(start, group)?;
        let start = self.list_start(start, group);
        // "hackers who U.S. officials say …", "the fee, which the probe said …": the relative
        // pronoun opens the clause; its subject is what follows it.
        let start = (start..group)
            .rev()
            .find(|&i| {
                self.is(i, class::RELATIVE_PRONOUN)
                    // What opens a noun phrase, not a verb: "executives who run news
                    // organizations say" keeps its relative clause inside the subject.
                    && self.toks.get(i + 1).is_some_and(|t| {
                        t.kind == TokenKind::Number
                            || (t.kind == TokenKind::Word
                                && !t.is(class::TIME_WORD)
                                && (t.capitalized
                                    || t.is(class::PRONOUN)
                                    || t.is(class::DETERMINER)
                                    || t.is(class::SOURCE_NOUN)))
                    })
                    // "Those who he hired said": a verb after the pronoun means the relative
                    // clause is inside the subject.
                    && !self.starts_with_verb(group - 1)
                    && self.valid_subject((i + 1, group))
            })
            .map_or(start, |i| i + 1);
        // "the skepticism you'd expect", "what it calls", "Do you think": a subject pronoun
        // after another word opens its own clause (a relative one without "that", a
        // question), and it alone is the subject. Not after a preposition, "than", a
        // coordinator or a quantifier ("many of you", "Ann and I", "all we").
        let last = group - 1;
        let bare_relative = last > start
            && self.is(last, class::PRONOUN)
            && !self
                .grammar
                .words
                .object_pronouns
                .contains(self.lower(last))
            && self.toks[last - 1].is_word()
            && !self.is(last - 1, class::PREPOSITION)
            && !self.is(last - 1, class::COORDINATOR)
            && !self.is(last - 1, class::QUANTIFIER)
            && self.lower(last - 1) != "than";
        Some((if bare_relative { last } else { start }, group))
    }

    /// Where a phrase of time that ends right before `end` begins ("last year", "this past
    /// week", "on Friday"), if one does.
    fn time_phrase_before(&self, end: usize) -> Option<usize> {
        let words = &self.grammar.words;
        let is_time =
            |i: usize| self.is(i, class::TIME_WORD) || words.time_nouns.contains(self.lower(i));
        let modifies_time = |i: usize| words.time_modifiers.contains(self.lower(i));
        let mut start = end;
        while start > self.floor
            && end - start < MAX_TIME_PHRASE
            && (is_time(start - 1) || modifies_time(start - 1))
        {
            start -= 1;
        }
        // A phrase that holds a word of time and opens with a word that modifies it ("last
        // year", not "the day", which may be the subject, nor "published Friday", where the day
        // belongs to the participle), or follows an apposition's comma.
        let phrase = start < end
            && (start..end).any(is_time)
            && (start..end).all(|i| !self.toks[i].capitalized || is_time(i))
            && self.lower(start) != "the";
        let opens = start + 1 < end && modifies_time(start)
            || (start > 0 && self.kind(start - 1) == Some(TokenKind::Comma));
        // "a poll released last week found": after a participle the phrase is the participle's.
        let after_participle = start > 0 && past_form(&self.toks[start - 1]);
        (phrase && opens && !after_participle).then_some(start)
    }

    /// Whether the token at `at` can only be a finite verb: an auxiliary or a past form
    /// ("would", "went", "remained"), as after the gap of "a deadline that aides said went …".
    fn starts_with_verb(&self, at: usize) -> bool {
        self.toks.get(at).is_some_and(|t| {
            past_form(t)
                || (t.kind == TokenKind::Word
                    && !t.capitalized
                    // "doesn't", "won't": a negated auxiliary is one word.
                    && (t.is(class::AUXILIARY) || t.lower.ends_with("n't")))
        })
    }

    /// The longest valid subject ending at `end` and starting at or after `start`: a leading
    /// phrase without a comma ("On Tuesday night he said") is not part of it.
    fn subject_start(&self, start: usize, end: usize) -> Option<usize> {
        (start..end).find(|&k| {
            let t = &self.toks[k];
            let opens =
                k == start || t.capitalized || t.is(class::PRONOUN) || t.is(class::DETERMINER);
            opens && self.valid_subject((k, end))
        })
    }

    fn subject_conflicts(&self, start: usize, end: usize) -> bool {
        (start..end).any(|i| self.is_verb_anchor(i))
    }

    fn trim_leading(&self, mut start: usize, end: usize) -> usize {
        while start < end
            && (self.is(start, class::LEADING_CONJUNCTION) || self.is(start, class::COORDINATOR))
        {
            start += 1;
        }
        start
    }

    /// Where the clause that ends before `end` begins: after punctuation, a subordinating word,
    /// a complementiser, another cue, or a coordinator that is not joining names.
    fn clause_start(&self, end: usize) -> usize {
        let mut k = end;
        while k > 0 && end - k < MAX_SUBJECT {
            let i = k - 1;
            let t = &self.toks[i];
            let stop = match t.kind {
                TokenKind::Comma
                | TokenKind::Semicolon
                | TokenKind::Colon
                | TokenKind::Dash
                | TokenKind::Terminal => true,
                TokenKind::OpenQuote | TokenKind::CloseQuote => true,
                TokenKind::Word => {
                    (t.is(class::SUBORDINATOR) && !(t.lower == "as" && i > 0))
                        || (t.lower == "that" && i + 1 < end)
                        || self.is_verb_anchor(i)
                        || (t.is(class::COORDINATOR)
                            && !self.joins_names(i)
                            && !self.joins_roles(i, end)
                            && !self.joins_noun_phrases(i, end))
                }
                _ => false,
            };
            if stop {
                break;
            }
            k -= 1;
        }
        self.trim_leading(k, end)
    }

    /// A word that can stand inside a noun phrase: no verb (an auxiliary, a past form, a cue),
    /// no clause word, no adverb or phrase of time.
    fn in_noun_phrase(&self, i: usize) -> bool {
        let t = &self.toks[i];
        matches!(
            t.kind,
            TokenKind::Word
                | TokenKind::Number
                | TokenKind::Possessive
                | TokenKind::OpenParen
                | TokenKind::CloseParen
        ) && self.anchor_of[i].is_none()
            && !past_form(t)
            && !t.is(class::AUXILIARY
                | class::SUBORDINATOR
                | class::RELATIVE_PRONOUN
                | class::NEGATION
                | class::ADVERB
                | class::TIME_WORD
                | class::LEADING_CONJUNCTION)
            && t.lower != "that"
            && !self.grammar.words.time_nouns.contains(t.lower.as_str())
    }

    /// "Her directors and advisers said", "the White House and congressional leaders said": the
    /// coordinator at `i` joins two noun phrases of one subject, the second running to `end`,
    /// when no verb stands on either side within the clause. ("The mayor visited the site and
    /// aides said" has one: the coordinator joins clauses.)
    fn joins_noun_phrases(&self, i: usize, end: usize) -> bool {
        if i == 0 || end <= i + 1 || end - i > MAX_NAME_WORDS + 4 {
            return false;
        }
        let after = (i + 1..end).all(|k| self.in_noun_phrase(k) && !self.is(k, class::PREPOSITION));
        let mut k = i;
        while k > self.floor && i - k < MAX_SUBJECT {
            match self.kind(k - 1) {
                Some(TokenKind::Comma) | None => break,
                _ if self.is(k - 1, class::COORDINATOR) => break,
                _ if self.in_noun_phrase(k - 1) => k -= 1,
                _ => return false,
            }
        }
        after && k < i && (k == self.floor || self.kind(k - 1) == Some(TokenKind::Comma))
    }

    /// "Friends, lobbyists and former foes said", "Obama, Clinton, and other Democrats said":
    /// the first item of a list of noun phrases whose last items begin at `start`, all of them
    /// the subject ending at `end`.
    fn list_start(&self, start: usize, end: usize) -> usize {
        let joined = (start..end).any(|k| self.is(k, class::COORDINATOR));
        // The last item after ", and": "…, and other Democrats".
        let mut start = start;
        let mut comma = None;
        if start >= 2
            && self.is(start - 1, class::COORDINATOR)
            && self.kind(start - 2) == Some(TokenKind::Comma)
        {
            comma = Some(start - 2);
        } else if joined && start >= 1 && self.kind(start - 1) == Some(TokenKind::Comma) {
            comma = Some(start - 1);
        }
        while let Some(c) = comma {
            let mut item = c;
            // An item is a bare noun phrase: "In 2013, research by A and B found" lists nothing.
            while item > self.floor
                && c - item <= MAX_NAME_WORDS
                && self.in_noun_phrase(item - 1)
                && !self.is(item - 1, class::PREPOSITION)
            {
                item -= 1;
            }
            let bounded = item == self.floor || self.kind(item - 1) == Some(TokenKind::Comma);
            if item == c || c - item > MAX_NAME_WORDS || !bounded {
                break;
            }
            start = item;
            comma = (item > self.floor).then(|| item - 1);
        }
        start
    }

    /// "Trump and Putin", "U.S. and European officials", "She and her husband".
    fn joins_names(&self, i: usize) -> bool {
        let before = self.toks.get(i.wrapping_sub(1));
        let after = self.toks.get(i + 1);
        let name_like = |t: Option<&Token>| {
            t.is_some_and(|t| {
                t.capitalized
                    || t.is(class::PRONOUN)
                    || self
                        .grammar
                        .source_nouns
                        .get(t.lower.as_str())
                        .is_some_and(|n| n.plural)
            })
        };
        name_like(before) && (name_like(after) || after.is_some_and(|t| t.is(class::DETERMINER)))
    }

    /// "the Ohio lawmaker and former mayor said": two roles of one person, the coordinator at
    /// `i` between a role and a phrase that ends in a role at `end`.
    fn joins_roles(&self, i: usize, end: usize) -> bool {
        let is_role =
            |t: &Token| !t.capitalized && (t.is(class::TITLE) || t.is(class::SOURCE_NOUN));
        i > 0
            && end > i + 1
            && is_role(&self.toks[i - 1])
            && is_role(&self.toks[end - 1])
            && self.toks[i + 1..end]
                .iter()
                .all(|t| t.is_word() && !self.is_closed_word(t) && !t.is(class::PRONOUN))
    }

    /// Whether tokens `[start, end)` can be the subject of a cue verb.
    fn valid_subject(&self, (start, end): Range) -> bool {
        let words = &self.grammar.words;
        if start >= end || end - start > MAX_SUBJECT {
            return false;
        }
        let first = &self.toks[start];
        let last = &self.toks[end - 1];
        let closed_words = |t: &Token| {
            t.is(class::AUXILIARY)
                || t.is(class::PREPOSITION)
                || t.is(class::NEGATION)
                || t.is(class::COORDINATOR)
                || t.is(class::SUBORDINATOR)
        };
        // Only quantifiers and demonstratives stand alone as a subject ("some say", "this
        // shows"); after an article or a possessive the "verb" modifies a noun ("the pledged
        // delegates", "a proposed rule").
        let standalone = |t: &Token| {
            t.is(class::QUANTIFIER)
                || matches!(t.lower.as_str(), "this" | "that" | "these" | "those")
        };
        // "About four in 10 voters": an approximating preposition before a number. Looked at
        // only when the first word could not open a subject by itself.
        let approximate = || {
            self.phrase_end(&words.approximators, start)
                .filter(|&after| after < end)
                .is_some_and(|after| {
                    let t = &self.toks[after];
                    t.kind == TokenKind::Number || t.is(class::DETERMINER) || t.is(class::SHARE)
                })
        };
        let first_ok = (match first.kind {
            TokenKind::Word => {
                first.capitalized || !closed_words(first) || first.is(class::DETERMINER)
            }
            TokenKind::Number => true,
            _ => false,
        } && !(first.capitalized && first.is(class::PREPOSITION)))
            || approximate();
        // "one in three", "two out of five": a number after a preposition ends a share.
        let share_of = || {
            end - start > 2 && last.is(class::QUANTIFIER) && self.is(end - 2, class::PREPOSITION)
        };
        // "42% say": a share written with its sign.
        let percentage =
            last.lower == "%" && end - start > 1 && self.kind(end - 2) == Some(TokenKind::Number);
        let last_ok = (matches!(
            last.kind,
            TokenKind::Word | TokenKind::Number | TokenKind::Possessive | TokenKind::CloseParen
        ) || percentage) && !(closed_words(last)
            || (last.is(class::DETERMINER)
                && (end - start > 1 || !standalone(last))
                && !share_of()))
            && (!last.is(class::ADVERB) || last.capitalized)
            // "a month of sharpened attacks": a participle after a function word modifies the
            // noun after it (unlike "voters polled", "those surveyed").
            && !(end - start > 1
                && !last.capitalized
                && last.lower.ends_with("ed")
                && (self.is_closed_word(&self.toks[end - 2])
                    || (self.toks[end - 2].is(class::DETERMINER)
                        && !standalone(&self.toks[end - 2]))))
            // "Nothing the president said": an article inside a noun phrase opens a new one
            // (a relative clause may hold its own: "residents who saw the fire").
            && !(start + 1..end).take_while(|&i| !self.is(i, class::RELATIVE_PRONOUN)).any(|i| {
                matches!(self.lower(i), "a" | "an" | "the")
                    && self.toks[i - 1].is_word()
                    && !self.is_closed_word(&self.toks[i - 1])
                    && !self.toks[i - 1].is(class::DETERMINER)
                    && !words.approximators.iter().any(|p| p.last().is_some_and(|w| *w == self.toks[i - 1].lower))
            });
        // A finite auxiliary means a clause, not a noun phrase ("talks could involve …"), unless
        // it sits in a relative clause ("Republicans who agree that it should close").
        let relative_at = (start..end).find(|&i| self.is(i, class::RELATIVE_PRONOUN));
        let clause_inside = (start..relative_at.unwrap_or(end)).any(|i| {
            let t = &self.toks[i];
            t.kind == TokenKind::Word
                && !t.capitalized
                && ((t.is(class::AUXILIARY) && !t.is(class::BE_FORM))
                    // "Trump made similar comments": a past verb makes it a clause.
                    || (i > start && t.is(class::IRREGULAR_PAST)))
        });
        // A subject pronoun opens its subject: "Tuesday night he" is not one.
        let stray_pronoun = (start + 1..end).any(|i| {
            matches!(self.lower(i), "he" | "she" | "they" | "we" | "i")
                && !self.is(i - 1, class::COORDINATOR)
        });
        let inside_ok = !clause_inside
            && !stray_pronoun
            && self.toks[start..end].iter().all(|t| {
                !matches!(
                    t.kind,
                    TokenKind::Terminal
                        | TokenKind::OpenQuote
                        | TokenKind::CloseQuote
                        | TokenKind::Colon
                )
            });
        first_ok && last_ok && inside_ok && !self.in_quotation(start)
    }

    /// The content after a cue: an optional comma, addressee or prepositional phrase, then up to
    /// the end of the sentence. Returns the cue's end (a colon joins the cue) and the content.
    fn content_after(&self, anchor: Anchor, cue_end: usize) -> Option<(usize, Range)> {
        let mut cue_end = cue_end;
        // "expressed concern that …", "voiced support for …": the stance is part of the cue,
        // unless it is all there is to attribute ("… also expressed concern.").
        if anchor.cue.stance_object
            && self.toks.get(cue_end).is_some_and(|t| {
                t.is_word()
                    && !t.capitalized
                    && self.grammar.words.stance_nouns.contains(t.lower.as_str())
            })
            && self.toks.get(cue_end + 1).is_some_and(|t| t.is_word())
        {
            cue_end += 1;
        }
        let colon = self.kind(cue_end) == Some(TokenKind::Colon);
        if colon {
            cue_end += 1;
        }
        // "said in an interview with CNN that …": the channel is neither cue nor content.
        let channel = self.channel_at(cue_end);
        if let Some((_, channel_end)) = channel {
            cue_end = channel_end;
        }
        // "talked about", "argued for", "spoke of": the preposition belongs to the cue.
        let topic = self.toks.get(cue_end).is_some_and(|t| {
            self.grammar
                .words
                .topic_prepositions
                .contains(t.lower.as_str())
        });
        let that_follows = !topic
            && (cue_end..(cue_end + 9).min(self.toks.len()))
                .take_while(|&i| self.toks[i].is_word())
                .any(|i| self.lower(i) == "that");
        let mut joined_topic = false;
        // After a colon the content has begun: "seem to agree: At one point …".
        if !colon
            && self.is(cue_end, class::CUE_PREPOSITION)
            && !that_follows
            && self
                .toks
                .get(cue_end + 1)
                .is_some_and(|t| t.is_word() && !t.is(class::TIME_WORD))
        {
            cue_end += 1;
            joined_topic = topic;
        }
        let mut start = cue_end;
        if self.kind(start) == Some(TokenKind::Comma) {
            start += 1;
        }
        // "said in a statement that …", "told reporters on Monday that …"
        let that_ahead = (start..(start + 9).min(self.toks.len()))
            .filter(|_| !joined_topic)
            .take_while(|&i| self.toks[i].is_word() || self.kind(i) == Some(TokenKind::Possessive))
            .find(|&i| self.lower(i) == "that");
        if let Some(that) = that_ahead {
            let skippable = anchor.cue.addressee
                || self.is(start, class::PREPOSITION)
                || self.trailer_at(start).is_some();
            if skippable {
                start = that;
            }
        } else if anchor.cue.addressee
            && self.kind(start) == Some(TokenKind::Word)
            && self.lower(start) != "that"
        {
            start = self.addressee_end(start);
            // "told reporters, “…”"
            if self.kind(start) == Some(TokenKind::Comma) {
                start += 1;
            }
        } else if let Some(end) = self.trailer_at(start) {
            start = end;
            if self.kind(start) == Some(TokenKind::Comma) {
                start += 1;
            }
        }
        if let Some(opening) = self.content_after_circumstance(start) {
            start = opening;
        }
        // "In a speech last July, he said:" and the passage in the paragraph below: an empty
        // range past the sentence's end stands for it (see `block_after`).
        if colon && start >= self.toks.len() && self.block_after.is_some() {
            return Some((cue_end, (self.toks.len(), self.toks.len())));
        }
        let end = self.content_end(start);
        let cue_end = if channel.is_some() {
            anchor.end
        } else {
            cue_end
        };
        (start < end).then_some((cue_end, (start, end)))
    }

    /// A word of time or a preposition of circumstance ("Tuesday", "in", "during") at `at`.
    fn opens_circumstance(&self, at: usize) -> bool {
        self.is(at, class::TIME_WORD)
            || self
                .grammar
                .words
                .circumstance_prepositions
                .contains(self.lower(at))
    }

    /// "…, Smith told the paper earlier this week.", "…, she wrote in a memo to the inspector
    /// general.": a phrase of time or circumstance at `at` runs to the sentence's end with no
    /// verb or clause in it, so nothing after the cue is its content.
    fn circumstance_closes_sentence(&self, at: usize) -> bool {
        // A preposition that may join the verb opens a circumstance only before an article
        // ("said at the time", "spoke on a call", not "weighed in on their picks", "fired back
        // at Trump"); nor is "in favor of" one.
        let opens = self.opens_circumstance(at)
            && (self.is(at, class::TIME_WORD)
                || ((!self.is(at, class::CUE_PREPOSITION)
                    || matches!(self.lower(at + 1), "the" | "a" | "an"))
                    && self.lower(at + 1) != "favor"));
        opens
            && (at + 1..self.toks.len().min(at + MAX_CLAUSE))
                .find(|&i| {
                    !self.toks[i].is_phrase_part()
                        || self.anchor_of[i]
                            .is_some_and(|a| self.anchors[a].cue.class != CueClass::Channel)
                        || self.is(i, class::SUBORDINATOR | class::RELATIVE_PRONOUN)
                        || past_form(&self.toks[i])
                })
                .is_none_or(|i| self.kind(i) == Some(TokenKind::Terminal))
    }

    /// "said last week in Tel Aviv, “…”", "tweeted in response: “…”", "contended in its letter,
    /// written by its counsel, that …": a phrase of circumstance or time right after the cue,
    /// set off by a comma or a colon before a quotation or by a comma before "that", is neither
    /// cue nor content. Where the content starts, if such a phrase opens at `start`.
    fn content_after_circumstance(&self, start: usize) -> Option<usize> {
        if !self.opens_circumstance(start) {
            return None;
        }
        for i in start + 1..self.toks.len().min(start + 2 * MAX_TRAILER) {
            match self.kind(i) {
                Some(TokenKind::Word | TokenKind::Number | TokenKind::Possessive) => {
                    if self.lower(i) == "that" {
                        return (self.kind(i - 1) == Some(TokenKind::Comma)).then_some(i);
                    }
                    if self.anchor_of[i]
                        .is_some_and(|a| self.anchors[a].cue.class != CueClass::Channel)
                    {
                        return None;
                    }
                }
                Some(TokenKind::Comma | TokenKind::Colon) => {
                    if self.kind(i + 1) == Some(TokenKind::OpenQuote) {
                        return Some(i + 1);
                    }
                }
                _ => return None,
            }
        }
        None
    }

    /// A channel phrase and the outlet after it ("in an interview with CNN"): the outlet's range
    /// and the position after it.
    fn channel_at(&self, at: usize) -> Option<(Range, usize)> {
        let anchor = self.anchors[self.anchor_of.get(at).copied().flatten()?];
        if anchor.cue.class != CueClass::Channel || anchor.start != at {
            return None;
        }
        let (outlet, _) = self.source_after(anchor.end, false)?;
        Some((outlet, outlet.1))
    }

    /// The person spoken to: "told reporters", "told CNN", "assured the family".
    fn addressee_end(&self, start: usize) -> usize {
        let mut end = start;
        if self.is(end, class::DETERMINER) {
            end += 1;
        }
        let capitalized_run = self.toks.get(end).is_some_and(|t| t.capitalized);
        while end < self.toks.len() && self.toks[end].is_word() {
            let t = &self.toks[end];
            if capitalized_run != t.capitalized || t.is(class::PRONOUN) {
                break;
            }
            end += 1;
            if !capitalized_run {
                break;
            }
        }
        end
    }

    /// A known outlet addressed by a cue verb is the channel: "officials told CNN".
    fn addressee_channel(&self, anchor: Anchor) -> Option<Range> {
        if !anchor.cue.addressee || self.kind(anchor.end) != Some(TokenKind::Word) {
            return None;
        }
        let (start, end) = (anchor.end, self.addressee_end(anchor.end));
        let name: Vec<&str> = self.toks[start..end]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        (start < end && self.grammar.outlets.contains_key(&name.join(" "))).then_some((start, end))
    }

    /// The end of content that runs to the end of the sentence: a final full stop is left out
    /// unless it sits inside the quotation.
    fn content_end(&self, start: usize) -> usize {
        let n = self.toks.len();
        // A semicolon or a contrasting clause (", while …") ends the content, unless quoted.
        let mut end = self.content_stop[(start + 1).min(n)];
        // Content that starts inside a quotation ends with it.
        if self.in_quotation(start) {
            end = end.min(self.next_close[start.min(n)]);
        } else if let Some(coordinator) = self.coordinated_cue_verb(start, end) {
            // "… reported slow growth, and said it was losing money": the second verb starts an
            // attribution of its own with the same subject.
            end = coordinator;
            if self.kind(end - 1) == Some(TokenKind::Comma) {
                end -= 1;
            }
        }
        // "Sanders defended his vote, but on Saturday he announced …": a coordinated clause with
        // a cue verb and a subject of its own is an attribution of its own.
        if !self.in_quotation(start)
            && let Some(comma) = (start + 1..end).find(|&i| {
                self.kind(i) == Some(TokenKind::Comma)
                    && !self.quoted[i]
                    && matches!(self.lower(i + 1), "and" | "but")
                    && (i + 2..end.min(i + 10))
                        .any(|j| self.finite_cue_subject(j).is_some_and(|s| s > i + 1))
            })
        {
            end = comma;
        }
        // "Sanders pointed to the polls, smiling as he noted that …", "refers to him as “Mr.
        // Trump,” while Trump refers to …": a clause of time or contrast with a cue verb and a
        // subject of its own is an attribution of its own (the annotators do not nest it in the
        // content before). A reason or a sequence ("because she wanted", "after he said") is
        // as often part of what was said and stays; so does a clause at the content's start
        // ("said that when he …").
        if !self.in_quotation(start)
            && let Some(subordinator) = (start + 2..end).find(|&i| {
                matches!(
                    self.lower(i),
                    "as" | "when" | "whenever" | "while" | "whereas" | "though" | "although"
                ) && !self.quoted[i]
                    && self.lower(i - 1) != "that"
                    && (i + 2..end.min(i + 8)).any(|j| self.finite_cue_subject(j) == Some(i + 1))
            })
        {
            end = subordinator;
            // "…, even though …", "…, just as …": the adverb belongs to the clause.
            while end > start + 1 && self.is(end - 1, class::ADVERB) {
                end -= 1;
            }
            if self.kind(end - 1) == Some(TokenKind::Comma) {
                end -= 1;
            }
        }
        // "When the mayor said the bridge was safe, residents …", "Despite polls showing her
        // behind, she …": an attribution inside an opening clause or phrase ends with it.
        let opener = self.trim_leading(self.floor, start);
        let in_opening_clause = opener < start
            && self.is(opener, class::SUBORDINATOR | class::PREPOSITION)
            && (opener..start).all(|i| self.kind(i) != Some(TokenKind::Comma));
        if in_opening_clause
            && let Some(comma) =
                (start..end).find(|&i| self.kind(i) == Some(TokenKind::Comma) && !self.quoted[i])
        {
            end = comma;
        }
        // "Clinton, who declared victory on Tuesday, will return the favor": an attribution
        // inside a relative clause set off by commas ends at the comma before the main verb.
        let in_relative_clause = (self.floor..start)
            .rev()
            .take(MAX_SUBJECT)
            .take_while(|&i| self.kind(i) != Some(TokenKind::Comma))
            .any(|i| {
                matches!(self.lower(i), "who" | "which")
                    && i > self.floor
                    && self.kind(i - 1) == Some(TokenKind::Comma)
            });
        if in_relative_clause
            && let Some(comma) = (start..end).find(|&i| {
                let mut verb = i + 1;
                while self.is(verb, class::ADVERB) && !self.toks[verb].capitalized {
                    verb += 1;
                }
                self.kind(i) == Some(TokenKind::Comma)
                    && !self.quoted[i]
                    && (self.starts_with_verb(verb) || self.is_verb_anchor(verb))
            })
        {
            end = comma;
        }
        // "(… if he starts winning.)": the parenthesis the sentence sits in is not the
        // content's.
        if end > start
            && self.kind(end - 1) == Some(TokenKind::CloseParen)
            && !(start..end - 1).any(|i| self.kind(i) == Some(TokenKind::OpenParen))
        {
            end -= 1;
        }
        while end > start && matches!(self.kind(end - 1), Some(TokenKind::Terminal)) {
            end -= 1;
        }
        end
    }

    /// Where the subject of a finite cue verb starting at `j` begins, when one does: how a
    /// clause inside a content shows it is an attribution of its own.
    fn finite_cue_subject(&self, j: usize) -> Option<usize> {
        let anchor = self.anchors[self.anchor_of[j]?];
        let group = self.verb_group_start(j);
        // A bare form is finite after a plural subject ("observers doubt") or a modal, not
        // after "to".
        let finite = matches!(anchor.cue.class, CueClass::Verb(f)
            if f.past || f.third || (f.base && group > 0 && self.lower(group - 1) != "to"));
        if anchor.start != j || !finite {
            return None;
        }
        self.subject_before(group).map(|(s, _)| s)
    }

    /// The coordinator before the first finite cue verb in `(start, end)` that is coordinated
    /// with the verb before it ("and said", "but also told"), outside quotation marks.
    fn coordinated_cue_verb(&self, start: usize, end: usize) -> Option<usize> {
        (start + 1..end).find_map(|i| {
            let anchor = self.anchors[self.anchor_of[i]?];
            let finite =
                matches!(anchor.cue.class, CueClass::Verb(form) if form.past || form.third);
            let mut before = i - 1;
            while before > start && self.is(before, class::ADVERB) {
                before -= 1;
            }
            (finite
                && anchor.start == i
                && before > start
                && self.is(before, class::COORDINATOR)
                && !self.quoted[i])
                .then_some(before)
        })
    }

    /// The content before a source that follows it: from the start of the clause up to the
    /// comma (or through the closing quotation mark). When the sentence goes on after the
    /// source and cue ("Costs, he added, were high"), the content covers it all.
    fn content_before(&self, boundary: usize, resume: usize) -> Option<Range> {
        let mut end = boundary;
        if self.kind(boundary) == Some(TokenKind::CloseQuote) {
            end = boundary + 1;
        } else if boundary > 0 && self.kind(boundary - 1) == Some(TokenKind::CloseQuote) {
            end = boundary;
        }
        let mut start = self.trim_leading(self.floor, end);
        // "… unserious – “We need details,” she said": a quotation set off by a dash or colon
        // is the content on its own.
        if end > start && self.kind(end - 1) == Some(TokenKind::CloseQuote) {
            let open = (start..end - 1)
                .rev()
                .find(|&i| self.kind(i) == Some(TokenKind::OpenQuote));
            if let Some(open) = open.filter(|&o| {
                o > start && matches!(self.kind(o - 1), Some(TokenKind::Dash | TokenKind::Colon))
            }) {
                start = open;
            }
        }
        if start >= end {
            return None;
        }
        // "The plan, said Smith, was flawed" goes on after the source; a quotation goes on only
        // with another quotation ("“We won,” said Sanders, then left the stage").
        let quoted_before = self.kind(end - 1) == Some(TokenKind::CloseQuote);
        // "…, she said, but added that …": a verb coordinated after the source is its own cue.
        let coordinated_verb_after = || {
            self.is(resume + 1, class::COORDINATOR)
                && self.coordinated_cue_verb(resume, self.toks.len()) == Some(resume + 1)
        };
        let goes_on = self.kind(resume) == Some(TokenKind::Comma)
            && self.anchor_of.get(resume + 1).is_some_and(Option::is_none)
            && (!quoted_before || self.kind(resume + 1) == Some(TokenKind::OpenQuote))
            && !coordinated_verb_after()
            && self.content_end(resume + 1) > resume + 1;
        if goes_on {
            return Some((start, self.content_end(resume + 1)));
        }
        Some((start, end))
    }

    /// A source after a cue or preposition: "by German outlet Bild", "said Maria Lopez, an
    /// analyst at the bank". Stops at the clause's end, a coordinated verb, a trailer such as
    /// "in a statement", or a channel ("speaking to CNN"), which it returns as well.
    fn source_after(&self, start: usize, appositions: bool) -> Option<(Range, Option<Range>)> {
        let mut k = start;
        let mut via = None;
        while k < self.toks.len() && k - start < MAX_CLAUSE {
            let t = &self.toks[k];
            match t.kind {
                // "her “clawback” plan": a few quoted words inside the noun phrase.
                TokenKind::OpenQuote if k > start => {
                    let close = (k + 1..self.toks.len().min(k + MAX_NAME_WORDS + 2))
                        .find(|&i| self.kind(i) == Some(TokenKind::CloseQuote));
                    match close {
                        Some(c)
                            if c > k + 1
                                && self.toks.get(c + 1).is_some_and(|n| {
                                    n.kind == TokenKind::Word && !n.capitalized
                                }) =>
                        {
                            k = c + 1;
                            continue;
                        }
                        _ => break,
                    }
                }
                TokenKind::Terminal
                | TokenKind::Semicolon
                | TokenKind::Colon
                | TokenKind::OpenQuote
                | TokenKind::CloseQuote
                | TokenKind::Dash => break,
                TokenKind::Comma => {
                    let next = self.toks.get(k + 1);
                    // A role without an article ("…, executive director of the union") or an
                    // age ("…, 45,") is an apposition too; a participle or another cue is not.
                    let bare_role = |at: usize| {
                        self.toks.get(at).is_some_and(|n| {
                            n.kind == TokenKind::Number
                                || (n.kind == TokenKind::Word
                                    && !n.capitalized
                                    && !self.is_closed_word(n)
                                    && !n.is(class::PRONOUN | class::ADVERB)
                                    && !ing_form(&n.lower)
                                    && self.anchor_of[at].is_none())
                        })
                    };
                    let apposition = appositions
                        && next.is_some_and(|n| {
                            n.is_word()
                                && (n.is(class::DETERMINER)
                                    || matches!(n.lower.as_str(), "who" | "which")
                                    || n.is(class::TITLE)
                                    || bare_role(k + 1)
                                    // "said Chris Coons, Democrat of Delaware": a capitalised
                                    // role and its place; "said Brad Komar, Clinton's state
                                    // director": a possessive name's role.
                                    || (n.capitalized
                                        && (self.lower(k + 2) == "of"
                                            || self.possessive_role_at(k + 1)))
                                    // "said James Cunningham, then ambassador to Israel".
                                    || (self.grammar.words.focus_adverbs.contains(&n.lower)
                                        && (self.is(k + 2, class::DETERMINER | class::TITLE)
                                            || (bare_role(k + 2) && !self.starts_with_verb(k + 2))))
                                    // "said Rachel Woolard, 20, of Jacksonville": where
                                    // someone is from, after the age.
                                    || (n.lower == "of"
                                        && k >= 2
                                        && self.kind(k - 1) == Some(TokenKind::Number)
                                        && self.kind(k - 2) == Some(TokenKind::Comma)))
                        })
                        && self.trailer_at(k + 1).is_none();
                    // "said the league's commissioner, Paul Ferreira." — the name ends the
                    // source.
                    let name_ends_source = appositions
                        && self.name_after_role(k).is_some_and(|end| {
                            matches!(self.kind(end), None | Some(TokenKind::Terminal))
                        });
                    if !apposition && !name_ends_source {
                        break;
                    }
                }
                TokenKind::Word => {
                    if let Some(a) = self.anchor_of[k] {
                        let anchor = self.anchors[a];
                        if anchor.cue.class == CueClass::Channel {
                            let channel_start = anchor.end;
                            let channel = self.source_after(channel_start, false).map(|(r, _)| r);
                            via = channel;
                        }
                        // "according to White House pool reports, …": a verb form that closes
                        // the phrase is its plural noun.
                        let closes_phrase = k > start
                            && anchor.end == k + 1
                            && self.toks[k - 1].is_word()
                            && matches!(
                                self.kind(k + 1),
                                None | Some(
                                    TokenKind::Comma | TokenKind::Colon | TokenKind::Terminal
                                )
                            );
                        if k > start && !closes_phrase {
                            break;
                        }
                    }
                    // "said Ed Rendell, who serves as chairman": after a verb of the relative
                    // clause, "as" is a preposition, not a subordinator ending the source.
                    let as_after_verb = t.lower == "as"
                        && (start..k).any(|i| self.is(i, class::RELATIVE_PRONOUN))
                        && (past_form(&self.toks[k - 1]) || self.toks[k - 1].lower.ends_with('s'));
                    // "according to a poll taken last week": a phrase of time after a
                    // participle inside the source is the participle's.
                    let trailer = self.trailer_at(k).is_some()
                        && !(k > start && past_form(&self.toks[k - 1]));
                    if trailer
                        || (t.is(class::SUBORDINATOR) && k > start && !as_after_verb)
                        || (t.lower == "that" && k > start)
                        || (t.is(class::COORDINATOR)
                            && self.toks.get(k + 1).is_some_and(|n| {
                                (n.is(class::ADVERB) && !n.capitalized)
                                    || n.is(class::PRONOUN)
                                    || self.is_verb_anchor(k + 1)
                            }))
                    {
                        break;
                    }
                }
                _ => {}
            }
            k += 1;
        }
        let mut end = k;
        // "said Amy Deace, who has said …": when the scan stopped inside a relative clause
        // before its verb (most often a cue verb of its own), the clause's auxiliaries go with
        // it.
        if let Some(relative) = (start..end)
            .rev()
            .find(|&i| self.is(i, class::RELATIVE_PRONOUN))
            .filter(|&r| {
                r + 1 < end
                    && (r + 1..end)
                        .all(|i| self.is(i, class::AUXILIARY | class::ADVERB | class::NEGATION))
            })
        {
            end = relative;
        }
        while end > start {
            let t = &self.toks[end - 1];
            // "said the coach, who declined to …": a relative clause whose verb is a cue of its
            // own stays out of the source, its pronoun too.
            let dangling = matches!(t.kind, TokenKind::Comma | TokenKind::OpenParen)
                || t.is(class::PREPOSITION)
                || t.is(class::COORDINATOR)
                || t.is(class::RELATIVE_PRONOUN)
                || (t.is(class::DETERMINER) && t.kind == TokenKind::Word);
            if !dangling {
                break;
            }
            end -= 1;
        }
        (end > start && self.toks[start].is_word()).then_some(((start, end), via))
    }

    /// "Clinton's Colorado state director": a name, its possessive and a phrase with no verb
    /// or quotation up to the next comma or the sentence's end, as a role in apposition is; not
    /// the clause after "according to him," ("Televisa's network censured his report").
    fn possessive_role_at(&self, at: usize) -> bool {
        self.kind(at + 1) == Some(TokenKind::Possessive)
            && (at + 2..self.toks.len())
                .take_while(|&i| {
                    !matches!(self.kind(i), Some(TokenKind::Comma | TokenKind::Terminal))
                })
                .all(|i| self.kind(i) != Some(TokenKind::OpenQuote) && !self.starts_with_verb(i))
    }

    // ---- prepositions, nouns, hedges, credits ------------------------------------------------

    /// "According to X, …" and "…, according to X."
    fn preposition(&self, anchor: Anchor, earlier: &[Found]) -> Option<Found> {
        let found = self.preposition_pattern(anchor);
        // "…, he said, citing low growth": what is cited names no source, so the phrase is the
        // verb's participle; "…, citing two officials" keeps the officials as the source.
        if anchor.cue.participle
            && found
                .as_ref()
                .and_then(|f| f.source)
                .is_none_or(|s| !self.names_source(s))
            && anchor.start > 0
            && self.kind(anchor.start - 1) == Some(TokenKind::Comma)
        {
            return self.participle(anchor, anchor.start, earlier);
        }
        if anchor.cue.participle
            && found
                .as_ref()
                .and_then(|f| f.source)
                .is_none_or(|s| !self.names_source(s))
            && self.opens_clause(anchor.start)
            && let Some(found) = self.opening_participle(anchor, anchor.start)
        {
            return Some(found);
        }
        let mut found = found?;
        // "That's according to exit polls": the demonstrative is the content, and the claim it
        // sources is the one before; the verb joins the cue.
        if let Some(be) = anchor.start.checked_sub(1).filter(|&be| {
            be > self.floor
                && self.is(be, class::BE_FORM)
                && matches!(self.lower(be - 1), "that" | "this")
                && self.trim_leading(self.floor, be - 1) == be - 1
        }) {
            found.content = Some((be - 1, be));
            found.cue.0 = be;
            found.content_first = true;
            found.refers_back = true;
        }
        let heads = &anchor.cue.source_heads;
        let source = found.source?;
        // The head opens the source ("in a Des Moines Register poll last month"); a bare plural
        // with nothing after it is the standings, not a source ("slid in the polls"), and a
        // participle ends the noun phrase ("in six states going to the polls").
        let head_at = |i: usize| {
            heads.iter().any(|h| h == self.lower(i))
                && i - source.0 < 6
                && !(source.0..i).any(|k| {
                    let t = &self.toks[k];
                    !t.capitalized && ing_form(&t.lower)
                })
                && !(i + 1 == source.1
                    && self.lower(i).ends_with('s')
                    && (i == source.0 || (i == source.0 + 1 && self.lower(source.0) == "the")))
        };
        // After its clause, "in the polls", "in national polls" give a standing; only a poll
        // of its own is a source there ("leads by four points in a new poll").
        let standing = found.content_first && !matches!(self.lower(source.0), "a" | "an");
        (heads.is_empty() || ((source.0..source.1).any(head_at) && !standing)).then_some(found)
    }

    /// Whether a noun phrase names who or what a claim comes from: a source noun ("two
    /// officials"), a document ("a new poll"), or a name that is not a possessive ("Reuters",
    /// "the Associated Press", but not "Trump's appeal").
    fn names_source(&self, (start, end): Range) -> bool {
        let head = (start..end).take_while(|&i| self.kind(i) != Some(TokenKind::Comma));
        let nouns = class::SOURCE_NOUN | class::PLURAL_SOURCE_NOUN | class::DOCUMENT_NOUN;
        let name = if self.is(start, class::DETERMINER) {
            start + 1
        } else {
            start
        };
        head.clone().any(|i| self.is(i, nouns))
            || (name < end
                && self.toks[name].capitalized
                && !head
                    .take(MAX_NAME_WORDS + 2)
                    .any(|i| self.kind(i) == Some(TokenKind::Possessive)))
    }

    fn preposition_pattern(&self, anchor: Anchor) -> Option<Found> {
        // "According to …", "But, according to …", "… unnoticed: According to …"
        let clause_floor = (self.floor..anchor.start)
            .rev()
            .find(|&i| matches!(self.kind(i), Some(TokenKind::Colon | TokenKind::Semicolon)))
            .map_or(self.floor, |i| i + 1);
        let opening = (self.trim_leading(clause_floor, anchor.start)..anchor.start)
            .all(|i| self.kind(i) == Some(TokenKind::Comma));
        if opening {
            let (mut source, _) = self.source_after(anchor.end, false)?;
            // The opening phrase runs to its comma, whatever the source ends with: "According
            // to some on Twitter, …", "According to the officer in charge that night, …".
            if !matches!(
                self.kind(source.1),
                Some(TokenKind::Comma | TokenKind::Colon)
            ) {
                let comma = (source.1..self.toks.len().min(anchor.end + MAX_SUBJECT))
                    .take_while(|&i| {
                        !matches!(
                            self.kind(i),
                            Some(TokenKind::Terminal | TokenKind::Semicolon)
                        ) && !self.is_verb_anchor(i)
                    })
                    .find(|&i| self.kind(i) == Some(TokenKind::Comma) && !self.quoted[i])?;
                source.1 = comma;
            }
            let start = source.1 + 1;
            let end = self.content_end(start);
            return (start < end).then(|| {
                self.found(
                    anchor,
                    Some(source),
                    (anchor.start, anchor.end),
                    Some((start, end)),
                )
            });
        }
        let (source, _) = self.source_after(anchor.end, true)?;
        let boundary = anchor.start.checked_sub(1)?;
        let content = if matches!(
            self.kind(boundary),
            Some(TokenKind::Comma | TokenKind::CloseQuote)
        ) {
            self.content_before(boundary, source.1)?
        } else {
            let start = self.clause_start(anchor.start);
            (start < anchor.start).then_some((start, anchor.start))?
        };
        let mut found = self.found(
            anchor,
            Some(source),
            (anchor.start, anchor.end),
            Some(content),
        );
        found.content_first = true;
        Some(found)
    }

    /// "Voters are skeptical of the plan", "She was eager to leave", "Aides were convinced
    /// that …": an adjective of stance after a form of "be" (adverbs may stand between) says
    /// what its subject thinks or wants, as a verb would.
    fn adjective(&self, anchor: Anchor) -> Option<Found> {
        let group = self.verb_group_start(anchor.start);
        if !(group..anchor.start).any(|i| self.is(i, class::BE_FORM)) {
            return None;
        }
        self.active(anchor, group)
    }

    /// "Trump's acknowledgment that …", "her claim that …".
    fn noun(&self, anchor: Anchor) -> Option<Found> {
        let opens = self.lower(anchor.end) == "that"
            || self.lower(anchor.end) == "to"
            || self.kind(anchor.end) == Some(TokenKind::Colon);
        if !opens || anchor.start == 0 {
            return None;
        }
        let before = anchor.start - 1;
        let source = if matches!(
            self.lower(before),
            "his" | "her" | "their" | "its" | "our" | "my"
        ) {
            (before, anchor.start)
        } else if self.kind(before) == Some(TokenKind::Possessive) {
            // The possessor: a run of capitalised words, or a determiner and its noun.
            let mut start = before;
            while start > 0 && before - start < 5 && self.anchor_of[start - 1].is_none() {
                let t = &self.toks[start - 1];
                let takes = t.is_word()
                    && (t.capitalized
                        || t.is(class::DETERMINER)
                        || (start >= 2 && self.is(start - 2, class::DETERMINER)));
                if !takes {
                    break;
                }
                start -= 1;
                if t.is(class::DETERMINER) {
                    break;
                }
            }
            (start < before).then_some((start, anchor.start))?
        } else {
            return None;
        };
        let start = if self.kind(anchor.end) == Some(TokenKind::Colon) {
            anchor.end + 1
        } else {
            anchor.end
        };
        let end = self.content_end(start);
        (start < end).then(|| {
            self.found(
                anchor,
                Some(source),
                (anchor.start, anchor.end),
                Some((start, end)),
            )
        })
    }

    /// "reportedly", "is said to": no source; the content is the clause around the hedge.
    fn hedge(&self, anchor: Anchor) -> Option<Found> {
        if anchor.cue.state_complement && !self.describes_state(anchor) {
            return None;
        }
        let start = self.clause_start_keeping_relative(anchor.start);
        let end = self.clause_end(anchor.end);
        // "is expected to": the infinitive marker belongs to the content.
        let cue_end = if anchor.end - anchor.start > 1 && self.lower(anchor.end - 1) == "to" {
            anchor.end - 1
        } else {
            anchor.end
        };
        // "may seem", "has long been considered", "also appears": the verb group is the cue's,
        // as it is a cue verb's ("has said"); not an adverb's ("will reportedly be").
        let cue_start = if self.is(anchor.start, class::ADVERB) {
            anchor.start
        } else {
            self.verb_group_start(anchor.start).max(start)
        };
        let mut found = self.found(anchor, None, (cue_start, cue_end), Some((start, end)));
        found.content_first = true;
        Some(found)
    }

    /// Where the clause that goes on at `from` ends: at its comma, semicolon, dash or
    /// terminator.
    /// Whether a word describing a state follows the hedge at `anchor`, after any adverbs
    /// ("appears somewhat uneasy"): an open-class, lower-case word, not a preposition, an
    /// article, a pronoun or a time word. An infinitive ("to appear calm") describes no one's
    /// state the text reports.
    fn describes_state(&self, anchor: Anchor) -> bool {
        if anchor.start > 0 && self.lower(anchor.start - 1) == "to" {
            return false;
        }
        let mut next = anchor.end;
        while next < anchor.end + 3 && self.adverb_in_phrasal_verb(next) {
            next += 1;
        }
        self.toks.get(next).is_some_and(|t| {
            t.kind == TokenKind::Word
                && !t.capitalized
                && !self.is_closed_word(t)
                && !t.is(class::DETERMINER | class::PRONOUN | class::TIME_WORD)
                && t.lower != "to"
        })
    }

    fn clause_end(&self, from: usize) -> usize {
        let mut end = from;
        while end < self.toks.len()
            && end - from < MAX_CLAUSE
            && !matches!(
                self.kind(end),
                Some(
                    TokenKind::Comma | TokenKind::Semicolon | TokenKind::Terminal | TokenKind::Dash
                )
            )
        {
            end += 1;
        }
        end
    }

    fn clause_start_keeping_relative(&self, end: usize) -> usize {
        let mut k = end;
        while k > 0 && end - k < MAX_CLAUSE {
            let t = &self.toks[k - 1];
            if matches!(
                t.kind,
                TokenKind::Comma
                    | TokenKind::Semicolon
                    | TokenKind::Colon
                    | TokenKind::Terminal
                    | TokenKind::Dash
            ) || (t.kind == TokenKind::Word && t.is(class::SUBORDINATOR))
            {
                // ", meanwhile," is an aside inside the clause, not its edge.
                let aside = t.kind == TokenKind::Comma
                    && k >= 3
                    && self.kind(k - 3) == Some(TokenKind::Comma)
                    && self.toks.get(k - 2).is_some_and(|w| {
                        w.is(class::LEADING_CONJUNCTION) || (w.is(class::ADVERB) && !w.capitalized)
                    });
                if aside {
                    k -= 3;
                    continue;
                }
                break;
            }
            k -= 1;
        }
        self.trim_leading(k, end)
    }

    /// "Based on ANI report", "With inputs from PTI": a short line that credits an outlet.
    fn credit(&self, anchor: Anchor) -> Option<Found> {
        if self.toks.len() > 12 || self.trim_leading(self.floor, anchor.start) != anchor.start {
            return None;
        }
        let (source, _) = self.source_after(anchor.end, false)?;
        // "ANI report": the report noun is not part of the outlet's name.
        let mut end = source.1;
        while end > source.0 + 1
            && matches!(
                self.lower(end - 1),
                "report" | "reports" | "inputs" | "input" | "bureau" | "desk"
            )
        {
            end -= 1;
        }
        Some(self.found(
            anchor,
            Some((source.0, end)),
            (anchor.start, anchor.end),
            None,
        ))
    }

    /// A speaker's name and a colon opening a paragraph, as in transcripts and headlines:
    /// "BOULDUAN: You guys …", "Obama: I'm Optimistic …". The content runs to the paragraph's end.
    fn speaker_line(&self) -> Option<Found> {
        let paragraph_end = self.opens_paragraph?;
        let colon = self
            .toks
            .iter()
            .take(6)
            .position(|t| t.kind == TokenKind::Colon)?;
        let name = &self.toks[self.floor..colon];
        let is_name = !name.is_empty()
            && name.iter().all(|t| {
                (t.kind == TokenKind::Word && t.capitalized) || t.kind == TokenKind::Possessive
            })
            && !self.grammar.words.colon_labels.contains(&label_key(name))
            && (self.floor..colon).all(|i| self.anchor_of[i].is_none());
        if !is_name || colon + 1 >= self.toks.len() {
            return None;
        }
        // "Clinton: 547." is a tally and "Nevada: Adam Khan, Bo Smith" a roster, not a statement.
        let after = &self.toks[colon + 1..];
        let tally = after.iter().all(|t| t.kind != TokenKind::Word);
        let roster = after.iter().any(|t| t.kind == TokenKind::Comma)
            && after.iter().all(|t| {
                matches!(
                    t.kind,
                    TokenKind::Comma | TokenKind::Terminal | TokenKind::Possessive
                ) || (t.is_word() && t.capitalized)
            });
        if tally || roster {
            return None;
        }
        let start = self.toks[colon + 1].span.start;
        let end = paragraph_end;
        Some(self.colon_credit(
            self.floor,
            colon,
            (start < end).then(|| Span::new(start, end)),
        ))
    }

    /// The source from `source_start` to `colon` saying what follows the colon, or
    /// `content` when that is set.
    fn colon_credit(&self, source_start: usize, colon: usize, content: Option<Span>) -> Found {
        Found {
            source: Some((source_start, colon)),
            cue: (colon, colon + 1),
            content: Some((colon + 1, self.toks.len())),
            via: None,
            relation: Relation::Says,
            kind: AttributionKind::Speech,
            refers_back: false,
            lemma: ":".to_string(),
            content_first: false,
            content_override: content,
        }
    }

    /// A name and a colon introducing a quotation after a dash, as news roundups and live blogs
    /// credit each excerpt: "Polls were early – Mara Dean and Ed Fox: “Turnout was low …”",
    /// "More from Dean: “…”". The content is the quotation, across sentences when it runs on.
    /// (A name opening the paragraph is [`Self::speaker_line`]'s.)
    fn credited_quotations(&self, doc: &Document) -> Vec<Found> {
        let mut found = Vec::new();
        for colon in self.floor + 1..self.toks.len().saturating_sub(1) {
            if self.toks[colon].kind != TokenKind::Colon
                || self.toks[colon + 1].kind != TokenKind::OpenQuote
            {
                continue;
            }
            let credited = self.credited_name_start(colon);
            let speaking = credited
                .is_none()
                .then(|| self.verb_before_colon(colon))
                .flatten();
            if credited.is_none() && speaking.is_none() {
                continue;
            }
            let open = self.toks[colon + 1].span.start;
            let at = doc.quotations.partition_point(|q| q.span.start < open);
            let Some(quotation) = doc.quotations.get(at).filter(|q| q.span.start == open) else {
                continue;
            };
            if let Some(start) = credited {
                found.push(self.colon_credit(start, colon, Some(quotation.span)));
            } else if let Some(source) = speaking {
                let mut credit = self.colon_credit(source.0, colon, Some(quotation.span));
                credit.source = Some(source);
                credit.cue = (source.1, colon + 1);
                credit.lemma = self.lower(source.1).to_string();
                found.push(credit);
            }
        }
        found
    }

    /// "Christie gloated: “…”", "Asked again, he demurred: “…”": a name or a pronoun opening
    /// the clause and a verb in the past that the grammar does not list, right before a colon
    /// and a quotation, say the quotation, whatever the verb. Returns the name's range; the verb
    /// is at its end.
    fn verb_before_colon(&self, colon: usize) -> Option<Range> {
        let verb = colon.checked_sub(1).filter(|&v| v > self.floor)?;
        if !past_form(&self.toks[verb]) || self.anchor_of[verb].is_some() {
            return None;
        }
        let start = self.trim_leading(self.clause_start(verb).max(self.floor), verb);
        let subject = &self.toks[start..verb];
        let pronoun = subject.len() == 1 && subject[0].is(class::PRONOUN);
        let name = !subject.is_empty()
            && subject.len() <= MAX_CREDITED_NAME
            && subject.iter().all(|t| t.is_word() && t.capitalized)
            && !subject[0].is(class::DETERMINER);
        (pronoun || name).then_some((start, verb))
    }

    /// Where the name before `colon` starts, when it is one (capitalised words, possessives and
    /// a joining "and" or "&") that a dash or "from" introduces and no cue word is part of.
    fn credited_name_start(&self, colon: usize) -> Option<usize> {
        let floor = colon.saturating_sub(MAX_CREDITED_NAME).max(self.floor);
        let mut start = colon;
        while start > floor {
            let t = &self.toks[start - 1];
            let name_word = t.is_word() && t.capitalized;
            let joins = matches!(t.lower.as_str(), "and" | "&")
                && start < colon
                && self.toks[start].capitalized;
            if !(name_word || joins || (t.kind == TokenKind::Possessive && start < colon)) {
                break;
            }
            start -= 1;
        }
        let introduced = start > self.floor && {
            let before = &self.toks[start - 1];
            before.kind == TokenKind::Dash || matches!(before.lower.as_str(), "-" | "from")
        };
        let name = &self.toks[start..colon];
        let is_name = introduced
            && name.first().is_some_and(|t| t.is_word() && t.capitalized)
            && !self.grammar.words.colon_labels.contains(&label_key(name))
            && (start..colon).all(|i| self.anchor_of[i].is_none());
        is_name.then_some(start)
    }

    /// A wire dateline: "WASHINGTON (Reuters) — …".
    fn dateline(&self) -> Option<Found> {
        let mut parser = (
            many0(token_if(|t: &Token| {
                t.is_word() || t.kind == TokenKind::Comma
            })),
            token_if(|t: &Token| t.kind == TokenKind::OpenParen),
            recognize(many1(token_if(|t: &Token| t.is_word() && t.capitalized))),
            token_if(|t: &Token| t.kind == TokenKind::CloseParen),
            opt(alt((
                token_if(|t: &Token| t.kind == TokenKind::Dash),
                token_if(|t: &Token| t.lower == "-"),
            ))),
        );
        let result: PResult<_> = parser.parse(self.input());
        let (_, (_, open, name, close, dash)) = result.ok()?;
        let name_text: Vec<&str> = self.toks[name.start..name.end]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        if !self.grammar.outlets.contains_key(&name_text.join(" ")) {
            return None;
        }
        let cue_end = dash.map_or(close + 1, |d| d + 1);
        Some(Found {
            source: Some((name.start, name.end)),
            cue: (open, cue_end),
            content: None,
            via: None,
            relation: Relation::Credit,
            kind: AttributionKind::Speech,
            refers_back: false,
            lemma: "dateline".to_string(),
            content_first: false,
            content_override: None,
        })
    }

    // ---- the sentence as a whole -------------------------------------------------------------

    /// Whether the clause starting at `at` stands beside the one before it ("…, while Putin
    /// said") rather than inside it as a complement ("said that Putin agreed").
    fn starts_sibling_clause(&self, at: usize) -> bool {
        let punctuation = |i: usize| {
            matches!(
                self.kind(i),
                Some(TokenKind::Comma | TokenKind::Semicolon | TokenKind::Dash)
            )
        };
        at > 0
            && (punctuation(at - 1)
                // "…,” according to the report"
                || (at > 1
                    && self.kind(at - 1) == Some(TokenKind::CloseQuote)
                    && punctuation(at - 2))
                // "… praised the defence and the captain said …"
                || (matches!(self.lower(at - 1), "and" | "but") && !self.joins_names(at - 1))
                // "… said so when asked whether …": a reduced adverbial clause.
                || (self.is_verb_anchor(at)
                    && self.is(at - 1, class::SUBORDINATOR)
                    && !matches!(self.lower(at - 1), "that" | "whether" | "if"))
                || (at > 1 && punctuation(at - 2) && {
                    !matches!(self.lower(at - 1), "that" | "whether" | "if")
                        && self.is(at - 1, class::COORDINATOR | class::SUBORDINATOR)
                }))
    }

    /// Drops attributions nested inside another's quoted content, cuts content where a sibling
    /// attribution begins, and folds "X reported, citing Y" into one chain.
    fn resolve(&self, mut found: Vec<Found>) -> Vec<Found> {
        found.sort_by_key(|f| f.cue.0);
        found.dedup_by_key(|f| f.cue);
        // A cue inside a longer one ("posted" in "posted a message calling") is part of it.
        let cues: Vec<Range> = found.iter().map(|f| f.cue).collect();
        found.retain(|f| {
            !cues
                .iter()
                .any(|c| *c != f.cue && c.0 <= f.cue.0 && f.cue.1 <= c.1)
        });
        let starts = |f: &Found| {
            [f.source, Some(f.cue)]
                .into_iter()
                .flatten()
                .map(|r| r.0)
                .min()
                .unwrap_or(f.cue.0)
        };
        // A relative clause whose gap is the content ("policies, which he said had harmed the
        // economy") is its own attribution inside whatever holds it, and it does not end that
        // content.
        let in_relative_clause = |f: &Found| {
            f.relation != Relation::Hedge
                && f.source
                    .zip(f.content)
                    .is_some_and(|(s, c)| c.0 < s.0 && s.1 <= f.cue.0 && f.cue.1 < c.1)
        };
        // "Fifteen percent of voters in the poll said …": a hedge or preposition inside
        // another attribution's source is part of who speaks.
        let in_source =
            |a: &Found, b: &Found| a.source.is_some_and(|s| s.0 <= b.cue.0 && b.cue.1 <= s.1);
        let phrase_cue =
            |b: &Found| b.relation == Relation::Hedge || self.is_preposition_anchor(b.cue.0);
        // B is nested in A when its cue and its start lie inside A's content and it is a
        // complement there ("said that Putin agreed") or a quotation's inner voice, or when it is
        // a phrase inside A's source.
        let nested: Vec<bool> = found
            .iter()
            .enumerate()
            .map(|(i, b)| {
                !in_relative_clause(b)
                    && neighbours(&found, i).any(|(j, a)| {
                        // A cue inside a quotation is dropped below, so nothing nests in it:
                        // "The reporter says: “…, according to a witness, …”".
                        i != j
                            && !self.in_quotation(a.cue.0)
                            && ((in_source(a, b) && phrase_cue(b))
                                || a.content.is_some_and(|c| {
                                    let inside =
                                        c.0 <= b.cue.0 && b.cue.1 <= c.1 && starts(b) >= c.0;
                                    inside
                                        && (self.in_quotation(b.cue.0)
                                        || b.relation == Relation::Hedge
                                        // "…, Sanders said, according to CNN": CNN is who
                                        // the story rests on; Sanders's words are its content.
                                        || (a.content_first
                                            && self.is_preposition_anchor(a.cue.0)
                                            && b.cue.1 <= a.cue.0
                                            && a.cue.0 - b.cue.1 <= MAX_TRAILER)
                                        || ((!a.content_first || starts(b) > a.cue.1)
                                            && !self.starts_sibling_clause(starts(b))))
                                }))
                    })
            })
            .collect();
        let mut kept: Vec<Found> = found
            .into_iter()
            .zip(nested)
            // Only the outermost attribution counts: a cue inside a quotation is the quoted
            // speaker's words, whoever the quotation's own source turns out to be.
            .filter(|(f, n)| !n && !self.in_quotation(f.cue.0))
            .map(|(f, _)| f)
            .collect();
        // Content after a cue stops where a sibling attribution begins: its source ("…, and
        // Putin said"), or its cue when the source came earlier (", saying …", or the main
        // verb after a relative clause: "Huffman, who wants X removed, said …").
        let marks: Vec<Vec<usize>> = kept
            .iter()
            .map(|f| {
                if in_relative_clause(f) {
                    return Vec::new();
                }
                [f.source.map(|s| s.0), Some(f.cue.0)]
                    .into_iter()
                    .flatten()
                    .collect()
            })
            .collect();
        for (i, a) in kept.iter_mut().enumerate() {
            let Some(content) = a.content else { continue };
            if a.content_first {
                continue;
            }
            // A sibling that begins the content is the content ("According to X, Obama said …").
            let cut = neighbours(&marks, i)
                .filter(|(j, m)| *j != i && !m.contains(&content.0))
                .filter_map(|(_, m)| {
                    m.iter()
                        .copied()
                        .filter(|&p| content.0 < p && p < content.1)
                        .min()
                })
                .min();
            if let Some(begin) = cut {
                let mut end = begin;
                while end > content.0
                    && (matches!(
                        self.kind(end - 1),
                        Some(TokenKind::Comma | TokenKind::Dash | TokenKind::Semicolon)
                    ) || self.is(end - 1, class::COORDINATOR | class::SUBORDINATOR))
                {
                    end -= 1;
                }
                a.content = (end > content.0).then_some((content.0, end)).or(a.content);
            }
        }
        // "Bild reported, citing officials, …": the officials are the source, Bild the channel.
        let mut merged: Vec<Found> = Vec::with_capacity(kept.len());
        for f in kept {
            // A participle "citing" has the report's own source: no chain to fold.
            if f.lemma == "citing"
                && let Some(report) = merged.last_mut().filter(|r| {
                    r.relation == Relation::Reports && r.cue.1 <= f.cue.0 && r.source != f.source
                })
            {
                report.via = report.source;
                report.source = f.source;
                report.cue = f.cue;
                report.relation = Relation::Says;
                report.lemma = f.lemma.clone();
                continue;
            }
            merged.push(f);
        }
        merged
    }
}

/// The source of the last attribution with its cue before `at` that is not inside an earlier
/// one's content: the subject a participle hangs on. "Pence blamed the media for Trump's claim
/// that …, saying …": Pence, not Trump.
fn main_clause_source(earlier: &[Found], at: usize) -> Option<Range> {
    let before: Vec<&Found> = earlier.iter().filter(|f| f.cue.0 < at).collect();
    let inside_other = |f: &Found| {
        before
            .iter()
            .any(|o| o.cue != f.cue && o.content.is_some_and(|c| c.0 <= f.cue.0 && f.cue.1 <= c.1))
    };
    before
        .iter()
        .rev()
        .find(|f| !inside_other(f))
        .and_then(|f| f.source)
}

/// A lower-case past form: "-ed" (see [`regular_past`]), or an irregular past ("went").
fn past_form(t: &Token) -> bool {
    t.kind == TokenKind::Word
        && !t.capitalized
        && (regular_past(&t.lower) || t.is(class::IRREGULAR_PAST))
}

/// "-ed" on a word longer than "shed", or on a four-letter word other than a noun or verb in
/// "-eed" ("sued", "used", "died", not "need", "seed").
fn regular_past(lower: &str) -> bool {
    lower.ends_with("ed")
        && (lower.len() > 4 || (lower.len() == 4 && !lower.ends_with("eed") && lower != "shed"))
}

/// A party and state after a lawmaker's name, as US papers write them: "R-Texas", "D-N.Y.",
/// "I-Vt." (lower-cased).
fn party_label(lower: &str) -> bool {
    matches!(lower.as_bytes(), [b'r' | b'd' | b'i', b'-', c, ..] if c.is_ascii_lowercase())
}

/// An "-ing" form long enough not to be "bring" or "king": a gerund or participle.
fn ing_form(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ing")
}

/// A label's words as `colon-labels` lists them: lower case, a possessive joined to its word
/// ("editor's note").
fn label_key(name: &[Token]) -> String {
    let mut key = String::new();
    for token in name {
        if !key.is_empty() && token.kind != TokenKind::Possessive {
            key.push(' ');
        }
        key.push_str(if token.kind == TokenKind::Possessive {
            "'s"
        } else {
            &token.lower
        });
    }
    key
}
