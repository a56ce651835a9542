//! The attribution vocabulary, loaded from the TOML files under `grammar/`.
//!
//! The files are compiled in; `--grammar DIR` adds a user's own files on top. Every cue entry
//! carries example sentences in which `{S:…}`, `{C:…}` and `{X:…}` mark the source, cue and
//! content the parser must find; `tests/grammar_examples.rs` runs them all.

mod entries;
mod inflect;
mod word_table;

pub use entries::{AttributionKind, Relation};

use entries::{GrammarFile, WordLists};
use miette::{Diagnostic, NamedSource, SourceSpan};
use word_table::WordTable;
// foldhash, not SipHash: the keys are our own vocabulary and the words of the text, looked up
// several times per token, and HashDoS resistance buys nothing here.
use foldhash::{HashMap, HashSet};
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

/// Word classes as bits, so that a token's classes are looked up once and each question the
/// parser asks of it is a bit test ([`Token::is`](crate::text::Token::is)).
///
/// A class bit is set for a token when its lower-cased text is in the set of that name.
pub mod class {
    pub const DETERMINER: u32 = 1 << 0;
    pub const PRONOUN: u32 = 1 << 1;
    pub const RELATIVE_PRONOUN: u32 = 1 << 2;
    pub const AUXILIARY: u32 = 1 << 3;
    pub const BE_FORM: u32 = 1 << 4;
    pub const NEGATION: u32 = 1 << 5;
    /// [`WordSets::is_adverb`](super::WordSets::is_adverb): a listed adverb or a suffix.
    pub const ADVERB: u32 = 1 << 6;
    pub const SUBORDINATOR: u32 = 1 << 7;
    pub const COORDINATOR: u32 = 1 << 8;
    pub const PREPOSITION: u32 = 1 << 9;
    pub const AGENT_PREPOSITION: u32 = 1 << 10;
    pub const TIME_WORD: u32 = 1 << 11;
    pub const CUE_PREPOSITION: u32 = 1 << 12;
    pub const CONTRAST_SUBORDINATOR: u32 = 1 << 13;
    pub const QUANTIFIER: u32 = 1 << 14;
    pub const LEADING_CONJUNCTION: u32 = 1 << 15;
    pub const IRREGULAR_PAST: u32 = 1 << 16;
    pub const DOCUMENT_NOUN: u32 = 1 << 17;
    pub const SHARE: u32 = 1 << 18;
    /// [`Grammar::titles`](super::Grammar::titles).
    pub const TITLE: u32 = 1 << 19;
    /// [`Grammar::title_starts`](super::Grammar::title_starts).
    pub const TITLE_START: u32 = 1 << 20;
    /// Some cue starts with the word: [`Grammar::cues_starting_with`](super::Grammar::cues_starting_with) is not empty.
    pub const CUE_START: u32 = 1 << 21;
    /// A key of [`Grammar::source_nouns`](super::Grammar::source_nouns).
    pub const SOURCE_NOUN: u32 = 1 << 22;
    /// A key of [`Grammar::source_nouns`](super::Grammar::source_nouns) marked plural.
    pub const PLURAL_SOURCE_NOUN: u32 = 1 << 23;
    /// The first word of a phrase in [`WordSets::source_trailers`](super::WordSets::source_trailers).
    pub const TRAILER_START: u32 = 1 << 24;
    /// The first word of a phrase in [`WordSets::statement_phrases`](super::WordSets::statement_phrases).
    pub const STATEMENT_START: u32 = 1 << 25;
    /// The first word of a phrase in [`WordSets::approximators`](super::WordSets::approximators).
    pub const APPROXIMATOR_START: u32 = 1 << 26;
    /// The first word of a phrase in [`WordSets::parentheticals`](super::WordSets::parentheticals).
    pub const PARENTHETICAL_START: u32 = 1 << 27;
    /// The first word of a phrase in [`WordSets::anaphoric_subjects`](super::WordSets::anaphoric_subjects).
    pub const ANAPHORIC_START: u32 = 1 << 28;
    pub const ASPECT_VERB: u32 = 1 << 29;
    /// The first word of a phrase in [`Grammar::knowledge_links`](super::Grammar::knowledge_links).
    pub const KNOWLEDGE_START: u32 = 1 << 30;
    /// The first word of a key of [`Grammar::outlets`](super::Grammar::outlets).
    pub const OUTLET_START: u32 = 1 << 31;
}

/// The grammar files shipped with claimgraph, in the order they are loaded.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "function-words.toml",
        include_str!("../../grammar/function-words.toml"),
    ),
    (
        "speech-verbs.toml",
        include_str!("../../grammar/speech-verbs.toml"),
    ),
    (
        "report-verbs.toml",
        include_str!("../../grammar/report-verbs.toml"),
    ),
    (
        "belief-verbs.toml",
        include_str!("../../grammar/belief-verbs.toml"),
    ),
    (
        "intention-verbs.toml",
        include_str!("../../grammar/intention-verbs.toml"),
    ),
    (
        "evidence-verbs.toml",
        include_str!("../../grammar/evidence-verbs.toml"),
    ),
    (
        "evaluation-verbs.toml",
        include_str!("../../grammar/evaluation-verbs.toml"),
    ),
    ("polarity.toml", include_str!("../../grammar/polarity.toml")),
    (
        "prepositions.toml",
        include_str!("../../grammar/prepositions.toml"),
    ),
    ("nouns.toml", include_str!("../../grammar/nouns.toml")),
    ("hedges.toml", include_str!("../../grammar/hedges.toml")),
    (
        "adjectives.toml",
        include_str!("../../grammar/adjectives.toml"),
    ),
    ("channels.toml", include_str!("../../grammar/channels.toml")),
    ("credits.toml", include_str!("../../grammar/credits.toml")),
    (
        "anonymous.toml",
        include_str!("../../grammar/anonymous.toml"),
    ),
    ("outlets.toml", include_str!("../../grammar/outlets.toml")),
    (
        "organizations.toml",
        include_str!("../../grammar/organizations.toml"),
    ),
    ("titles.toml", include_str!("../../grammar/titles.toml")),
    ("weasels.toml", include_str!("../../grammar/weasels.toml")),
    ("opinion.toml", include_str!("../../grammar/opinion.toml")),
    ("numbers.toml", include_str!("../../grammar/numbers.toml")),
];

/// How a cue is used in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// A verb form: "said", "has insisted", "emphasised".
    Verb(VerbForm),
    /// A preposition that introduces the source: "according to X".
    Preposition,
    /// A noun that carries the attribution: "Trump's acknowledgment that …".
    Noun,
    /// A hedge that stands in for a source: "reportedly".
    Hedge,
    /// An adjective of stance after a form of "be": "voters are skeptical of", "she was
    /// eager to".
    Adjective,
    /// A channel between a source and the article: "speaking to CNN".
    Channel,
    /// A document-level credit: "Based on ANI report".
    Credit,
}

/// Which inflection of a cue verb matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbForm {
    pub base: bool,
    pub third: bool,
    pub past: bool,
    pub participle: bool,
    pub gerund: bool,
}

/// One way of writing one cue: its words and what they mean.
#[derive(Debug, Clone)]
pub struct Cue {
    /// Lower-cased words, as the tokenizer lower-cases them.
    pub words: Vec<String>,
    pub class: CueClass,
    pub kind: AttributionKind,
    pub relation: Relation,
    /// The verb takes the person spoken to before its content ("told reporters that …").
    pub addressee: bool,
    /// The entry's head word, for messages.
    pub lemma: String,
    /// When not empty, the source must contain one of these words ("in a new poll").
    pub source_heads: Vec<String>,
    /// The verb also names things: "a program called Promise" is no attribution.
    pub naming: bool,
    /// A preposition that is also a participle ("citing"): see `PhraseEntry::participle`.
    pub participle: bool,
    /// Words after a verb that make it another verb: see `VerbEntry::other_verb_before`.
    pub other_verb_before: Vec<String>,
    /// Words before a verb's form that make it a noun: see `VerbEntry::noun_after`.
    pub noun_after: Vec<String>,
    /// The verb attributes only quotations: see `VerbEntry::quotes_only`.
    pub quotes_only: bool,
    /// The verb attributes only clauses and quotations: see `VerbEntry::clause_only`.
    pub clause_only: bool,
    /// A stance noun after the verb joins the cue: see `VerbEntry::stance_object`.
    pub stance_object: bool,
    /// A hedge only before a description of a state: see `PhraseEntry::state_complement`.
    pub state_complement: bool,
}

impl Cue {
    fn new(class: CueClass, kind: AttributionKind, relation: Relation, lemma: &str) -> Cue {
        Cue {
            words: Vec::new(),
            class,
            kind,
            relation,
            addressee: false,
            lemma: lemma.to_string(),
            source_heads: Vec::new(),
            naming: false,
            participle: false,
            other_verb_before: Vec::new(),
            noun_after: Vec::new(),
            quotes_only: false,
            clause_only: false,
            stance_object: false,
            state_complement: false,
        }
    }

    fn naming(self, naming: bool) -> Cue {
        Cue { naming, ..self }
    }

    fn other_verb_before(self, words: &[String]) -> Cue {
        let other_verb_before = words.iter().map(|w| w.to_lowercase()).collect();
        Cue {
            other_verb_before,
            ..self
        }
    }

    fn noun_after(self, words: &[String]) -> Cue {
        let noun_after = words.iter().map(|w| w.to_lowercase()).collect();
        Cue { noun_after, ..self }
    }

    fn quotes_only(self, quotes_only: bool) -> Cue {
        Cue {
            quotes_only,
            ..self
        }
    }

    fn clause_only(self, clause_only: bool) -> Cue {
        Cue {
            clause_only,
            ..self
        }
    }

    fn stance_object(self, stance_object: bool) -> Cue {
        Cue {
            stance_object,
            ..self
        }
    }

    fn addressed(self, addressee: bool) -> Cue {
        Cue { addressee, ..self }
    }
}

/// What the grammar knows about a word that can head a source mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceNoun {
    pub plural: bool,
    /// A document or poll rather than a person ("report", "survey").
    pub document: bool,
}

/// A set of lower-cased words or phrases, asked with any `&str` (a token's inline
/// [`CompactString`](compact_str::CompactString) coerces to one).
#[derive(Debug, Clone, Default)]
pub struct WordSet(HashSet<String>, OnceLock<WordTable>);

impl WordSet {
    pub fn contains(&self, word: &str) -> bool {
        // Asked from a table built on the first question after the last change.
        self.1
            .get_or_init(|| WordTable::new(self.0.iter().map(|w| (w.as_str(), 1))))
            .get(word)
            .is_some()
    }

    pub fn insert(&mut self, word: String) -> bool {
        self.1 = OnceLock::new();
        self.0.insert(word)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

impl Extend<String> for WordSet {
    fn extend<I: IntoIterator<Item = String>>(&mut self, words: I) {
        self.1 = OnceLock::new();
        self.0.extend(words);
    }
}

/// The whole vocabulary, indexed for the parser.
#[derive(Debug, Clone, Default)]
pub struct Grammar {
    /// Each cue's first word, mapped to its list in [`Grammar::cue_lists`].
    cues: HashMap<String, usize>,
    /// The cues that start with one word, longest first.
    cue_lists: Vec<Vec<Cue>>,
    pub words: WordSets,
    /// Lower-cased outlet names and aliases, each mapped to the outlet's canonical name.
    pub outlets: HashMap<String, String>,
    /// Lower-cased organisation names and head words ("kremlin", "ministry").
    pub organizations: WordSet,
    /// Lower-cased titles and roles, one or more words ("president", "foreign policy aide").
    pub titles: WordSet,
    /// The first word of every title: most words start none, and one look-up says so.
    pub title_starts: WordSet,
    /// Nouns that head an unnamed source ("officials", "sources", "spokesman").
    pub source_nouns: HashMap<String, SourceNoun>,
    /// Each source noun as written, singular or plural, mapped to its singular ("people" → "person").
    pub source_noun_singular: HashMap<String, String>,
    /// Phrases that tell how an unnamed source knows ("familiar with", "who attended").
    pub knowledge_links: Vec<Vec<String>>,
    /// Every entry's examples, for the example tests: (file, lemma, example).
    pub examples: Vec<(String, String, String)>,
    /// Lower-cased source mentions too vague to identify anyone ("critics", "some people").
    pub weasels: HashSet<Vec<String>>,
    /// The first word of every phrase in [`Grammar::weasels`]: most mentions start none, and
    /// one look-up says so.
    pub weasel_starts: WordSet,
    /// Plain sentences whose source must come out vague: (file, phrase, example).
    pub weasel_examples: Vec<(String, String, String)>,
    /// Lemmas of cue verbs that characterise or judge rather than report ("describe").
    pub opinion_cues: WordSet,
    /// Number words a source mention may state, with their value ("two" → 2).
    pub numbers: HashMap<String, usize>,
    /// Each word's [`class`] bits, built on the first look-up after the last file was added
    /// (the vocabulary must not change after that but through [`Grammar::add_file`]).
    index: OnceLock<Index>,
}

/// The word-class table of one state of the vocabulary.
#[derive(Debug, Clone)]
struct Index {
    /// Tells this vocabulary apart from any other, for [`Grammar::id`].
    id: u64,
    classes: WordTable,
    /// The classes of each one-byte word (punctuation, "a", "I"), without hashing.
    ascii: [u32; 128],
    /// [`Grammar::cues`] in a table asked without hashing or `memcmp`: a word that starts a
    /// cue is looked up once per sentence it is in, and again by the parser's tests.
    cues: WordTable,
    /// Whether some adverb suffix ends with this byte: most words end with none of them,
    /// which one load says before the suffixes are compared.
    adverb_suffix_ends: [bool; 256],
    /// [`Grammar::titles`] by first word: the value indexes [`Index::title_rests`].
    titles_by_first_word: WordTable,
    /// For each first word of a title, the words after it of each title it starts, longest
    /// first, so that the first that matches is the longest.
    title_rests: Vec<Vec<Vec<String>>>,
}

/// A list of phrases, each as lower-cased words, and the [`class`] bit that the first word of
/// each carries: a token without that bit starts none of them.
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    list: Vec<Vec<String>>,
    /// The class bit of the phrases' first words.
    pub starts: u32,
}

impl Phrases {
    fn extend(&mut self, starts: u32, phrases: impl IntoIterator<Item = Vec<String>>) {
        self.starts = starts;
        self.list.extend(phrases);
    }
}

impl std::ops::Deref for Phrases {
    type Target = [Vec<String>];

    fn deref(&self) -> &[Vec<String>] {
        &self.list
    }
}

/// The closed word classes the parser relies on.
#[derive(Debug, Clone, Default)]
pub struct WordSets {
    pub determiners: WordSet,
    pub pronouns: WordSet,
    pub relative_pronouns: WordSet,
    pub auxiliaries: WordSet,
    pub be_forms: WordSet,
    pub negations: WordSet,
    pub adverbs: WordSet,
    pub adverb_suffixes: Vec<String>,
    pub subordinators: WordSet,
    pub coordinators: WordSet,
    pub prepositions: WordSet,
    pub agent_prepositions: WordSet,
    pub time_words: WordSet,
    pub time_nouns: WordSet,
    pub time_modifiers: WordSet,
    pub focus_adverbs: WordSet,
    pub circumstance_prepositions: WordSet,
    pub cue_particles: WordSet,
    pub topic_prepositions: WordSet,
    pub stance_nouns: WordSet,
    pub object_pronouns: WordSet,
    pub other_verb_particles: WordSet,
    pub source_trailers: Phrases,
    pub statement_phrases: Phrases,
    pub cue_prepositions: WordSet,
    pub passive_prepositions: WordSet,
    pub contrast_subordinators: WordSet,
    pub colon_labels: WordSet,
    pub quantifiers: WordSet,
    pub anaphoric_subjects: Phrases,
    pub leading_conjunctions: WordSet,
    pub aspect_verbs: WordSet,
    pub continuation_verbs: WordSet,
    pub irregular_pasts: WordSet,
    pub document_nouns: WordSet,
    pub shares: WordSet,
    pub approximators: Phrases,
    pub parentheticals: Phrases,
}

impl WordSets {
    /// An adverb that may sit inside a verb group ("also", "later", "publicly").
    pub fn is_adverb(&self, lower: &str) -> bool {
        self.adverbs.contains(lower) || self.has_adverb_suffix(lower)
    }

    /// Whether `lower` ends with an adverb suffix, with at least three letters before it.
    fn has_adverb_suffix(&self, lower: &str) -> bool {
        // Compared byte by byte from the end: the first byte nearly always differs, and a
        // suffix is too short for a call to `memcmp` to pay.
        self.adverb_suffixes.iter().any(|s| {
            lower.len() > s.len() + 2
                && lower
                    .bytes()
                    .rev()
                    .zip(s.bytes().rev())
                    .all(|(a, b)| a == b)
        })
    }
}

/// A grammar file that could not be read.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum GrammarError {
    #[error("cannot read grammar file {path}")]
    #[diagnostic(
        code(claimgraph::grammar::io),
        help("check that --grammar names a readable directory of .toml files")
    )]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("invalid grammar file {name}: {message}")]
    #[diagnostic(
        code(claimgraph::grammar::syntax),
        help("see docs/grammar.md for the format of grammar files")
    )]
    Syntax {
        name: String,
        message: String,
        #[source_code]
        src: NamedSource<String>,
        #[label("here")]
        span: Option<SourceSpan>,
    },
}

impl Grammar {
    /// The built-in vocabulary.
    pub fn builtin() -> Grammar {
        let mut grammar = Grammar::default();
        for (name, text) in BUILTIN_FILES {
            grammar
                .add_file(name, text)
                .unwrap_or_else(|e| panic!("built-in grammar file {name} is invalid: {e}"));
        }
        grammar
    }

    /// The built-in vocabulary plus every `.toml` file in `dir` (sorted by name).
    pub fn with_user_dir(dir: &Path) -> Result<Grammar, Box<GrammarError>> {
        let mut grammar = Grammar::builtin();
        let io = |source| GrammarError::Io {
            path: dir.display().to_string(),
            source,
        };
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).map_err(|source| GrammarError::Io {
                path: path.display().to_string(),
                source,
            })?;
            grammar.add_file(&path.display().to_string(), &text)?;
        }
        Ok(grammar)
    }

    /// Adds the entries of one grammar file.
    pub fn add_file(&mut self, name: &str, text: &str) -> Result<(), Box<GrammarError>> {
        let file: GrammarFile = toml::from_str(text).map_err(|e| GrammarError::Syntax {
            name: name.to_string(),
            message: e.message().to_string(),
            span: e.span().map(|r| (r.start, r.len()).into()),
            src: NamedSource::new(name, text.to_string()),
        })?;
        if let Some(words) = file.words {
            self.add_words(words);
        }
        for verb in file.verb {
            for spelling in std::iter::once(&verb.lemma).chain(&verb.spellings) {
                for (form, written) in inflect::verb_forms(spelling, &verb) {
                    self.add_cue(
                        &written,
                        Cue::new(CueClass::Verb(form), verb.kind, verb.relation, &verb.lemma)
                            .addressed(verb.addressee)
                            .naming(verb.naming)
                            .other_verb_before(&verb.other_verb_before)
                            .noun_after(&verb.noun_after)
                            .quotes_only(verb.quotes_only)
                            .clause_only(verb.clause_only)
                            .stance_object(verb.stance_object),
                    );
                }
            }
            self.add_examples(name, &verb.lemma, verb.examples);
        }
        for (class, entries) in [
            (CueClass::Preposition, file.preposition),
            (CueClass::Hedge, file.hedge),
            (CueClass::Adjective, file.adjective),
            (CueClass::Channel, file.channel),
            (CueClass::Credit, file.credit),
        ] {
            for entry in entries {
                for phrase in std::iter::once(&entry.phrase).chain(&entry.variants) {
                    for written in inflect::expand_be(phrase) {
                        let mut cue = Cue::new(class, entry.kind, entry.relation, &entry.phrase);
                        cue.source_heads = entry
                            .source_heads
                            .iter()
                            .map(|h| h.to_lowercase())
                            .collect();
                        cue.participle = entry.participle;
                        cue.state_complement = entry.state_complement;
                        self.add_cue(&written, cue);
                    }
                }
                self.add_examples(name, &entry.phrase, entry.examples);
            }
        }
        for noun in file.noun {
            for spelling in std::iter::once(&noun.lemma).chain(&noun.spellings) {
                for written in [spelling.clone(), inflect::plural(spelling)] {
                    self.add_cue(
                        &written,
                        Cue::new(CueClass::Noun, noun.kind, noun.relation, &noun.lemma),
                    );
                }
            }
            self.add_examples(name, &noun.lemma, noun.examples);
        }
        for entry in file.source_noun {
            let plural = entry
                .plural
                .clone()
                .unwrap_or_else(|| inflect::plural(&entry.noun));
            self.source_nouns.insert(
                entry.noun.to_lowercase(),
                SourceNoun {
                    plural: false,
                    document: entry.document,
                },
            );
            for written in [&entry.noun, &plural] {
                self.source_noun_singular
                    .insert(written.to_lowercase(), entry.noun.to_lowercase());
            }
            self.source_nouns.insert(
                plural.to_lowercase(),
                SourceNoun {
                    plural: true,
                    document: entry.document,
                },
            );
            self.add_examples(name, &entry.noun, entry.examples);
        }
        for link in file.knowledge_link {
            self.knowledge_links.push(split_words(&link.phrase));
            self.add_examples(name, &link.phrase, link.examples);
        }
        for outlet in file.outlet {
            for alias in std::iter::once(&outlet.name).chain(&outlet.aliases) {
                self.outlets
                    .insert(alias.to_lowercase(), outlet.name.clone());
            }
            self.add_examples(name, &outlet.name, outlet.examples);
        }
        for organization in file.organization {
            for alias in std::iter::once(&organization.name).chain(&organization.aliases) {
                self.organizations.insert(alias.to_lowercase());
            }
            self.add_examples(name, &organization.name, organization.examples);
        }
        for title in file.title {
            for alias in std::iter::once(&title.name).chain(&title.aliases) {
                let alias = alias.to_lowercase();
                let first = alias.split(' ').next().unwrap_or_default().to_string();
                self.title_starts.insert(first);
                self.titles.insert(alias);
            }
            self.add_examples(name, &title.name, title.examples);
        }
        for weasel in file.weasel {
            let words = split_words(&weasel.phrase);
            if let Some(first) = words.first() {
                self.weasel_starts.insert(first.clone());
            }
            self.weasels.insert(words);
            self.weasel_examples.extend(
                weasel
                    .examples
                    .into_iter()
                    .map(|e| (name.to_string(), weasel.phrase.clone(), e)),
            );
        }
        for cue in file.opinion_cue {
            self.opinion_cues.insert(cue.lemma.to_lowercase());
        }
        for number in file.number {
            self.numbers
                .insert(number.word.to_lowercase(), number.count);
        }
        // The word classes are indexed again on the next look-up.
        self.index = OnceLock::new();
        Ok(())
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| self.build_index())
    }

    fn build_index(&self) -> Index {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        let mut classes: HashMap<String, u32> = HashMap::default();
        let mut mark = |word: &str, bit: u32| {
            if let Some(bits) = classes.get_mut(word) {
                *bits |= bit;
            } else {
                classes.insert(word.to_string(), bit);
            }
        };
        let w = &self.words;
        for (set, bit) in [
            (&w.determiners, class::DETERMINER),
            (&w.pronouns, class::PRONOUN),
            (&w.relative_pronouns, class::RELATIVE_PRONOUN),
            (&w.auxiliaries, class::AUXILIARY),
            (&w.be_forms, class::BE_FORM),
            (&w.negations, class::NEGATION),
            (&w.adverbs, class::ADVERB),
            (&w.subordinators, class::SUBORDINATOR),
            (&w.coordinators, class::COORDINATOR),
            (&w.prepositions, class::PREPOSITION),
            (&w.agent_prepositions, class::AGENT_PREPOSITION),
            (&w.time_words, class::TIME_WORD),
            (&w.cue_prepositions, class::CUE_PREPOSITION),
            (&w.contrast_subordinators, class::CONTRAST_SUBORDINATOR),
            (&w.quantifiers, class::QUANTIFIER),
            (&w.leading_conjunctions, class::LEADING_CONJUNCTION),
            (&w.aspect_verbs, class::ASPECT_VERB),
            (&w.irregular_pasts, class::IRREGULAR_PAST),
            (&w.document_nouns, class::DOCUMENT_NOUN),
            (&w.shares, class::SHARE),
            (&self.titles, class::TITLE),
            (&self.title_starts, class::TITLE_START),
        ] {
            for word in set.iter() {
                mark(word, bit);
            }
        }
        for phrases in [
            &w.source_trailers,
            &w.statement_phrases,
            &w.approximators,
            &w.parentheticals,
            &w.anaphoric_subjects,
        ] {
            for phrase in phrases.iter() {
                if let Some(first) = phrase.first() {
                    mark(first, phrases.starts);
                }
            }
        }
        for (word, &list) in &self.cues {
            if !self.cue_lists[list].is_empty() {
                mark(word, class::CUE_START);
            }
        }
        for link in &self.knowledge_links {
            if let Some(first) = link.first() {
                mark(first, class::KNOWLEDGE_START);
            }
        }
        for name in self.outlets.keys() {
            if let Some(first) = name.split(' ').next() {
                mark(first, class::OUTLET_START);
            }
        }
        for (word, noun) in &self.source_nouns {
            mark(word, class::SOURCE_NOUN);
            if noun.plural {
                mark(word, class::PLURAL_SOURCE_NOUN);
            }
        }
        let mut ascii = [0; 128];
        for (byte, bits) in (0u8..128).zip(&mut ascii) {
            *bits = classes
                .get(char::from(byte).encode_utf8(&mut [0; 4]) as &str)
                .copied()
                .unwrap_or(0);
        }
        let mut adverb_suffix_ends = [false; 256];
        for suffix in &w.adverb_suffixes {
            match suffix.as_bytes().last() {
                Some(&last) => adverb_suffix_ends[usize::from(last)] = true,
                // An empty suffix ends every word.
                None => adverb_suffix_ends = [true; 256],
            }
        }
        let cues = self
            .cues
            .iter()
            .map(|(word, &list)| (word.as_str(), list as u32));
        let mut rests_by_first_word: HashMap<&str, Vec<Vec<String>>> = HashMap::default();
        for title in self.titles.iter() {
            let mut words = title.split(' ');
            let first = words.next().unwrap_or_default();
            rests_by_first_word
                .entry(first)
                .or_default()
                .push(words.map(str::to_string).collect());
        }
        let mut title_rests = Vec::with_capacity(rests_by_first_word.len());
        let mut first_words = Vec::with_capacity(rests_by_first_word.len());
        for (first, mut rests) in rests_by_first_word {
            // Longest first; among equals by the words, so the order is not the hash set's.
            rests.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
            first_words.push((first, title_rests.len() as u32));
            title_rests.push(rests);
        }
        let titles_by_first_word = WordTable::new(first_words.iter().copied());
        Index {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            titles_by_first_word,
            title_rests,
            classes: WordTable::new(classes.iter().map(|(word, &bits)| (word.as_str(), bits))),
            ascii,
            cues: WordTable::new(cues),
            adverb_suffix_ends,
        }
    }

    /// The [`class`] bits of a lower-cased word.
    ///
    /// Inlined where it is asked; [`Grammar::word_classes`] serves a loop over many words.
    #[inline(always)]
    pub fn classes_of(&self, lower: &str) -> u32 {
        self.word_classes().classes_of(lower)
    }

    /// How many of `words` (lower-cased, one a token) the longest title they start with has,
    /// or 0: one look-up of the first word, then a walk along the titles it starts, rather
    /// than a probe of [`Grammar::titles`] for every prefix.
    ///
    /// ```
    /// # use claimgraph::grammar::Grammar;
    /// let grammar = Grammar::builtin();
    /// assert_eq!(grammar.longest_title_from(["foreign", "minister", "sergei"]), 2);
    /// assert_eq!(grammar.longest_title_from(["sergei", "lavrov"]), 0);
    /// ```
    pub fn longest_title_from<'w, I>(&self, words: I) -> usize
    where
        I: IntoIterator<Item = &'w str>,
        I::IntoIter: Clone,
    {
        let index = self.index();
        let mut words = words.into_iter();
        let Some(rests) = words
            .next()
            .and_then(|first| index.titles_by_first_word.get(first))
            .map(|at| &index.title_rests[at as usize])
        else {
            return 0;
        };
        rests
            .iter()
            .find(|rest| {
                let mut after = words.clone();
                rest.iter().all(|word| after.next() == Some(word.as_str()))
            })
            .map_or(0, |rest| 1 + rest.len())
    }

    /// The word-class look-up, found once for a loop over many words (the index is behind a
    /// lazily initialised cell, asked again on every [`Grammar::classes_of`]).
    pub fn word_classes(&self) -> WordClasses<'_> {
        WordClasses {
            index: self.index(),
            words: &self.words,
        }
    }

    /// Tells this vocabulary apart from every other one in the process (a clone shares it):
    /// tokens classified with one grammar are classified for no other.
    pub fn id(&self) -> u64 {
        self.index().id
    }

    fn add_words(&mut self, words: WordLists) {
        let w = &mut self.words;
        let extend = |set: &mut WordSet, list: Vec<String>| {
            set.extend(list.into_iter().map(|s| s.to_lowercase()))
        };
        extend(&mut w.determiners, words.determiners);
        extend(&mut w.pronouns, words.pronouns);
        extend(&mut w.relative_pronouns, words.relative_pronouns);
        extend(&mut w.auxiliaries, words.auxiliaries);
        extend(&mut w.be_forms, words.be_forms);
        extend(&mut w.negations, words.negations);
        extend(&mut w.adverbs, words.adverbs);
        extend(&mut w.subordinators, words.subordinators);
        extend(&mut w.coordinators, words.coordinators);
        extend(&mut w.prepositions, words.prepositions);
        extend(&mut w.agent_prepositions, words.agent_prepositions);
        extend(&mut w.time_words, words.time_words);
        extend(&mut w.time_nouns, words.time_nouns);
        extend(&mut w.time_modifiers, words.time_modifiers);
        extend(&mut w.focus_adverbs, words.focus_adverbs);
        extend(
            &mut w.circumstance_prepositions,
            words.circumstance_prepositions,
        );
        extend(&mut w.cue_particles, words.cue_particles);
        extend(&mut w.topic_prepositions, words.topic_prepositions);
        extend(&mut w.stance_nouns, words.stance_nouns);
        extend(&mut w.object_pronouns, words.object_pronouns);
        extend(&mut w.other_verb_particles, words.other_verb_particles);
        extend(&mut w.leading_conjunctions, words.leading_conjunctions);
        extend(&mut w.aspect_verbs, words.aspect_verbs);
        extend(&mut w.continuation_verbs, words.continuation_verbs);
        extend(&mut w.irregular_pasts, words.irregular_pasts);
        extend(&mut w.document_nouns, words.document_nouns);
        extend(&mut w.shares, words.shares);
        w.approximators.extend(
            class::APPROXIMATOR_START,
            words.approximators.iter().map(|p| split_words(p)),
        );
        w.parentheticals.extend(
            class::PARENTHETICAL_START,
            words.parentheticals.iter().map(|p| split_words(p)),
        );
        w.adverb_suffixes.extend(words.adverb_suffixes);
        w.source_trailers.extend(
            class::TRAILER_START,
            words.source_trailers.iter().map(|p| split_words(p)),
        );
        w.statement_phrases.extend(
            class::STATEMENT_START,
            words.statement_phrases.iter().map(|p| split_words(p)),
        );
        extend(&mut w.cue_prepositions, words.cue_prepositions);
        extend(&mut w.passive_prepositions, words.passive_prepositions);
        extend(&mut w.contrast_subordinators, words.contrast_subordinators);
        extend(&mut w.colon_labels, words.colon_labels);
        extend(&mut w.quantifiers, words.quantifiers);
        w.anaphoric_subjects.extend(
            class::ANAPHORIC_START,
            words.anaphoric_subjects.iter().map(|p| split_words(p)),
        );
    }

    fn add_cue(&mut self, written: &str, cue: Cue) {
        let class = cue.class;
        let words = split_words(written);
        let Some(first) = words.first().cloned() else {
            return;
        };
        let lists = &mut self.cue_lists;
        let at = *self.cues.entry(first).or_insert_with(|| {
            lists.push(Vec::new());
            lists.len() - 1
        });
        let list = &mut lists[at];
        if let Some(existing) = list
            .iter_mut()
            .find(|c| c.words == words && same_class(c.class, class))
        {
            // One spelling can be two inflections ("said": past and participle).
            if let (CueClass::Verb(a), CueClass::Verb(b)) = (&mut existing.class, class) {
                a.base |= b.base;
                a.third |= b.third;
                a.past |= b.past;
                a.participle |= b.participle;
                a.gerund |= b.gerund;
            }
            return;
        }
        list.push(Cue { words, ..cue });
        // Longest phrases first, so the first match is the longest.
        list.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
    }

    fn add_examples(&mut self, file: &str, lemma: &str, examples: Vec<String>) {
        self.examples.extend(
            examples
                .into_iter()
                .map(|e| (file.to_string(), lemma.to_string(), e)),
        );
    }

    /// Every cue that starts with the word `lower`, longest first.
    pub fn cues_starting_with(&self, lower: &str) -> &[Cue] {
        self.index()
            .cues
            .get(lower)
            .map_or(&[], |list| &self.cue_lists[list as usize])
    }

    /// Every cue that starts with the token, longest first: [`Grammar::cues_starting_with`] its
    /// word, asked only when the token's classes say that some cue does.
    pub fn cues_of(&self, token: &crate::text::Token) -> &[Cue] {
        if token.is(class::CUE_START) {
            self.cues_starting_with(&token.lower)
        } else {
            &[]
        }
    }

    /// Whether some cue has this lemma, whichever of its forms the grammar lists.
    pub fn has_cue_lemma(&self, lemma: &str) -> bool {
        self.cue_lists.iter().flatten().any(|c| c.lemma == lemma)
    }
}

fn same_class(a: CueClass, b: CueClass) -> bool {
    matches!((a, b), (CueClass::Verb(_), CueClass::Verb(_))) || a == b
}

/// Splits a phrase into lower-cased words the way the tokenizer would ("x's" keeps "'s" apart).
pub fn split_words(phrase: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    crate::text::tokenize(phrase, crate::text::Span::new(0, phrase.len()), &mut tokens);
    tokens.into_iter().map(|t| t.lower.into_string()).collect()
}

/// A grammar's word classes, for looking up many words: [`Grammar::word_classes`].
#[derive(Clone, Copy)]
pub struct WordClasses<'a> {
    index: &'a Index,
    words: &'a WordSets,
}

impl WordClasses<'_> {
    /// The [`class`] bits of a lower-cased word.
    ///
    /// Inlined into [`Document::classify`](crate::text::Document::classify)'s loop over the
    /// tokens, where a call per token cost as much as the suffix test it spares.
    #[inline(always)]
    pub fn classes_of(&self, lower: &str) -> u32 {
        let index = self.index;
        // One byte is too short for any adverb suffix ("ly" needs five).
        if let &[byte] = lower.as_bytes()
            && byte.is_ascii()
        {
            return index.ascii[usize::from(byte)];
        }
        let mut bits = index.classes.get(lower).unwrap_or(0);
        // The listed adverbs are in the table; the suffixes are asked here.
        if bits & class::ADVERB == 0
            && lower
                .as_bytes()
                .last()
                .is_some_and(|&last| index.adverb_suffix_ends[usize::from(last)])
            && self.words.has_adverb_suffix(lower)
        {
            bits |= class::ADVERB;
        }
        bits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `longest_title_from` replaces: the longest prefix of the words, joined by spaces,
    /// that is a title.
    fn longest_title_by_probes(grammar: &Grammar, words: &[&str]) -> usize {
        (1..=words.len())
            .rev()
            .find(|&n| grammar.titles.contains(&words[..n].join(" ")))
            .unwrap_or(0)
    }

    #[test]
    fn longest_title_from_agrees_with_probing_every_prefix() {
        let grammar = Grammar::builtin();
        let titles: Vec<&str> = grammar.titles.iter().collect();
        assert!(titles.iter().any(|t| t.contains(' ')), "multi-word titles");
        for title in &titles {
            let words: Vec<&str> = title.split(' ').collect();
            for end in 1..=words.len() {
                for tail in [
                    &[][..],
                    &["said"],
                    &["minister", "sergei"],
                    &["of", "state"],
                ] {
                    let mut probe: Vec<&str> = words[..end].to_vec();
                    probe.extend_from_slice(tail);
                    assert_eq!(
                        grammar.longest_title_from(probe.iter().copied()),
                        longest_title_by_probes(&grammar, &probe),
                        "{probe:?}"
                    );
                }
            }
        }
        assert_eq!(grammar.longest_title_from(["vice", "president", "j.d."]), 2);
        assert_eq!(grammar.longest_title_from(["vice"]), 0);
        assert_eq!(grammar.longest_title_from([]), 0);
    }
}
