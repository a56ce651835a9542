//! The shapes of grammar files, as serde reads them.

use serde::{Deserialize, Serialize};

/// What an attribution attributes: words, beliefs, plans or evidence.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    #[default]
    Speech,
    Belief,
    Intention,
    Evidence,
}

/// How a source stands to a claim.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Deserialize,
    Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    #[default]
    Says,
    Reports,
    Confirms,
    Denies,
    Declines,
    Hedge,
    Credit,
}

impl Relation {
    /// Whether this relation lends support to the claim (a denial or a hedge does not).
    pub fn supports(self) -> bool {
        matches!(
            self,
            Relation::Says | Relation::Reports | Relation::Confirms
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Says => "says",
            Relation::Reports => "reports",
            Relation::Confirms => "confirms",
            Relation::Denies => "denies",
            Relation::Declines => "declines",
            Relation::Hedge => "hedge",
            Relation::Credit => "credit",
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct GrammarFile {
    /// What the file holds, for people reading it.
    #[serde(default)]
    #[allow(dead_code)]
    pub about: Option<String>,
    #[serde(default)]
    pub words: Option<WordLists>,
    #[serde(default)]
    pub verb: Vec<VerbEntry>,
    #[serde(default)]
    pub preposition: Vec<PhraseEntry>,
    #[serde(default)]
    pub hedge: Vec<PhraseEntry>,
    #[serde(default)]
    pub adjective: Vec<PhraseEntry>,
    #[serde(default)]
    pub channel: Vec<PhraseEntry>,
    #[serde(default)]
    pub credit: Vec<PhraseEntry>,
    #[serde(default)]
    pub noun: Vec<NounEntry>,
    #[serde(default)]
    pub source_noun: Vec<SourceNounEntry>,
    #[serde(default)]
    pub knowledge_link: Vec<PhraseEntry>,
    #[serde(default)]
    pub outlet: Vec<NameEntry>,
    #[serde(default)]
    pub organization: Vec<NameEntry>,
    #[serde(default)]
    pub title: Vec<NameEntry>,
    #[serde(default)]
    pub weasel: Vec<WeaselEntry>,
    #[serde(default)]
    pub opinion_cue: Vec<OpinionCueEntry>,
    #[serde(default)]
    pub number: Vec<NumberEntry>,
}

/// A source mention too vague to identify anyone ("critics", "some people").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WeaselEntry {
    pub phrase: String,
    /// Plain sentences whose source must come out vague.
    #[serde(default)]
    pub examples: Vec<String>,
}

/// The lemma of a cue verb that characterises or judges ("describe", "complain").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OpinionCueEntry {
    pub lemma: String,
}

/// A number word a source mention may state ("two officials").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NumberEntry {
    pub word: String,
    pub count: usize,
}

/// A cue verb. Its inflections are generated from `lemma` unless given.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct VerbEntry {
    pub lemma: String,
    #[serde(default)]
    pub spellings: Vec<String>,
    pub third: Option<String>,
    pub past: Option<String>,
    pub participle: Option<String>,
    pub gerund: Option<String>,
    #[serde(default)]
    pub kind: AttributionKind,
    #[serde(default)]
    pub relation: Relation,
    #[serde(default)]
    pub addressee: bool,
    /// The verb also names things ("a program called Promise"): after a common noun and before
    /// a name or a quotation, its participle is not a cue.
    #[serde(default)]
    pub naming: bool,
    /// Words after the verb that make it another verb, besides the shared
    /// `other-verb-particles`: "add" before "to" increases ("added to his lead").
    #[serde(default)]
    pub other_verb_before: Vec<String>,
    /// Words right before the verb's form that make it a noun: "a TV show", "a roll call".
    #[serde(default)]
    pub noun_after: Vec<String>,
    /// The verb attributes only a quotation ("“…,” he continued"): with other content it is
    /// another verb ("the search continued", "continued his push").
    #[serde(default)]
    pub quotes_only: bool,
    /// The verb attributes only a clause or a quotation ("added that …", "added he would
    /// run"): before a bare noun phrase it is another verb ("added 151,000 jobs", "Adding a
    /// personal note, …", "maintained his lead").
    #[serde(default)]
    pub clause_only: bool,
    /// The verb's bare object names the stance it expresses: a word of `stance-nouns` right
    /// after it belongs to the cue ("expressed concern that …", "voiced support for …").
    #[serde(default)]
    pub stance_object: bool,
    /// Only these inflections are cues (`base`, `third`, `past`, `participle`, `gerund`): "stated"
    /// is a cue, but "state" and "states" are mostly nouns.
    pub only: Option<Vec<String>>,
    #[serde(default)]
    pub examples: Vec<String>,
}

/// A fixed phrase: a preposition, hedge, stance adjective, channel or credit. A leading "be"
/// stands for every form of "to be" ("be said to" → "is said to", "was said to", …).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PhraseEntry {
    pub phrase: String,
    #[serde(default)]
    pub variants: Vec<String>,
    /// The source must contain one of these words: "in" is a cue only for "in a new poll".
    #[serde(default)]
    pub source_heads: Vec<String>,
    /// The phrase is also a verb's participle ("citing"): when its object names no source, the
    /// subject of the clause before it is the source and the object is the content ("he said,
    /// citing low growth").
    #[serde(default)]
    pub participle: bool,
    /// A hedge that holds only before a word describing a state, after any adverbs: "the race
    /// appears close", "the team appeared paralyzed"; not "she appeared on Fox", "to appear
    /// calm" (an infinitive), "appeared Monday".
    #[serde(default)]
    pub state_complement: bool,
    #[serde(default)]
    pub kind: AttributionKind,
    #[serde(default)]
    pub relation: Relation,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NounEntry {
    pub lemma: String,
    #[serde(default)]
    pub spellings: Vec<String>,
    #[serde(default)]
    pub kind: AttributionKind,
    #[serde(default)]
    pub relation: Relation,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SourceNounEntry {
    pub noun: String,
    pub plural: Option<String>,
    #[serde(default)]
    pub document: bool,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NameEntry {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WordLists {
    #[serde(default)]
    pub determiners: Vec<String>,
    #[serde(default)]
    pub pronouns: Vec<String>,
    #[serde(default)]
    pub relative_pronouns: Vec<String>,
    #[serde(default)]
    pub auxiliaries: Vec<String>,
    #[serde(default)]
    pub be_forms: Vec<String>,
    #[serde(default)]
    pub negations: Vec<String>,
    #[serde(default)]
    pub adverbs: Vec<String>,
    #[serde(default)]
    pub adverb_suffixes: Vec<String>,
    #[serde(default)]
    pub subordinators: Vec<String>,
    #[serde(default)]
    pub coordinators: Vec<String>,
    #[serde(default)]
    pub prepositions: Vec<String>,
    #[serde(default)]
    pub agent_prepositions: Vec<String>,
    #[serde(default)]
    pub time_words: Vec<String>,
    #[serde(default)]
    pub time_nouns: Vec<String>,
    #[serde(default)]
    pub time_modifiers: Vec<String>,
    #[serde(default)]
    pub focus_adverbs: Vec<String>,
    #[serde(default)]
    pub circumstance_prepositions: Vec<String>,
    #[serde(default)]
    pub cue_particles: Vec<String>,
    #[serde(default)]
    pub topic_prepositions: Vec<String>,
    #[serde(default)]
    pub stance_nouns: Vec<String>,
    #[serde(default)]
    pub object_pronouns: Vec<String>,
    #[serde(default)]
    pub other_verb_particles: Vec<String>,
    #[serde(default)]
    pub source_trailers: Vec<String>,
    #[serde(default)]
    pub statement_phrases: Vec<String>,
    #[serde(default)]
    pub cue_prepositions: Vec<String>,
    #[serde(default)]
    pub passive_prepositions: Vec<String>,
    #[serde(default)]
    pub contrast_subordinators: Vec<String>,
    #[serde(default)]
    pub colon_labels: Vec<String>,
    #[serde(default)]
    pub quantifiers: Vec<String>,
    #[serde(default)]
    pub anaphoric_subjects: Vec<String>,
    #[serde(default)]
    pub leading_conjunctions: Vec<String>,
    #[serde(default)]
    pub aspect_verbs: Vec<String>,
    #[serde(default)]
    pub continuation_verbs: Vec<String>,
    #[serde(default)]
    pub irregular_pasts: Vec<String>,
    #[serde(default)]
    pub document_nouns: Vec<String>,
    #[serde(default)]
    pub shares: Vec<String>,
    #[serde(default)]
    pub approximators: Vec<String>,
    #[serde(default)]
    pub parentheticals: Vec<String>,
}
