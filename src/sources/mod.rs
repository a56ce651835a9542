//! Sources: each source mention becomes an entity with a canonical name, a kind, whether it is
//! named, and the role and affiliation the text gives it. Mentions of one entity are merged: a
//! surname after the full name, a pronoun to the most recent fitting source, and a coordinated
//! mention ("U.S. and European officials") is split into one entity per conjunct.

mod mention;

use crate::attribution::Attribution;
use crate::grammar::Grammar;
use crate::text::{Document, Span};
use foldhash::HashMap;
use mention::{Described, Pronoun};
use serde::Serialize;

/// What kind of thing a source is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Person,
    Organization,
    Outlet,
    Group,
    Document,
    Unknown,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organization => "organization",
            SourceKind::Outlet => "outlet",
            SourceKind::Group => "group",
            SourceKind::Document => "document",
            SourceKind::Unknown => "unknown",
        }
    }
}

/// One source entity and every mention of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub name: String,
    pub kind: SourceKind,
    pub named: bool,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    /// How an unnamed source knows what it says ("familiar with the matter"), when the text says.
    pub knowledge: Option<String>,
    /// How many sources the mention states: "two officials" → 2, "an official" → 1; `None` when
    /// it gives no number ("officials") or names someone.
    pub count: Option<usize>,
    /// The source noun heading an unnamed mention, singular: "official" for "two officials".
    pub noun: Option<String>,
    /// The mention is definite and singular: "the official", which implies there is one.
    pub definite: bool,
    /// The mention is too vague to identify anyone: "critics", "some" (grammar/weasels.toml).
    pub vague: bool,
    pub mentions: Vec<Span>,
}

impl Source {
    /// An unnamed person or group of people (not a document, outlet or organisation).
    pub fn is_anonymous_person(&self) -> bool {
        !self.named
            && matches!(
                self.kind,
                SourceKind::Person | SourceKind::Group | SourceKind::Unknown
            )
    }
}

/// The entities of a document and which of them each attribution names.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub entities: Vec<Source>,
    /// For each attribution, the entities its source mention stands for (two for "U.S. and
    /// European officials", none when it has no source).
    pub of_attribution: Vec<Vec<usize>>,
    /// For each attribution, the entity of its channel ("CNN"), if any.
    pub channel_of_attribution: Vec<Option<usize>>,
}

/// Builds the source entities of a document from its attributions.
pub fn resolve(doc: &Document, grammar: &Grammar, attributions: &[Attribution]) -> Sources {
    let introductions = mention::introductions(doc, grammar);
    let (mut first_by_surname, mut first_by_name) = (HashMap::default(), HashMap::default());
    for (i, intro) in introductions.iter().enumerate() {
        first_by_surname.entry(intro.surname.clone()).or_insert(i);
        first_by_name.entry(intro.name.clone()).or_insert(i);
    }
    let mut resolver = Resolver {
        doc,
        grammar,
        introductions,
        first_by_surname,
        first_by_name,
        sources: Sources::default(),
        recent: Vec::new(),
        lower_names: Vec::new(),
    };
    for attribution in attributions {
        let entities = attribution
            .source
            .map(|span| resolver.mention(span))
            .unwrap_or_default();
        let channel = attribution
            .via
            .and_then(|span| resolver.mention(span).first().copied());
        // A named organisation that reports the news, or that a source speaks through, is an outlet.
        let reporting = attribution.relation == crate::attribution::Relation::Reports;
        for &e in entities.iter().filter(|_| reporting).chain(channel.iter()) {
            let source = &mut resolver.sources.entities[e];
            if source.named && source.kind == SourceKind::Organization {
                source.kind = SourceKind::Outlet;
            }
        }
        resolver.sources.of_attribution.push(entities);
        resolver.sources.channel_of_attribution.push(channel);
    }
    resolver.sources
}

struct Resolver<'a, 't> {
    doc: &'a Document<'t>,
    grammar: &'a Grammar,
    introductions: Vec<mention::Introduction>,
    /// The first introduction with each surname, and with each full name.
    first_by_surname: HashMap<String, usize>,
    first_by_name: HashMap<String, usize>,
    sources: Sources,
    /// Entities in the order they were last mentioned, most recent last.
    recent: Vec<usize>,
    /// Each entity's name, lower-cased, for [`Resolver::find_or_add`].
    lower_names: Vec<String>,
}

impl Resolver<'_, '_> {
    fn mention(&mut self, span: Span) -> Vec<usize> {
        // "Republicans who say …": the relative pronoun stands for the noun phrase before it,
        // not for whoever was the last source.
        let described = match mention::relative_antecedent(self.doc, span) {
            Some(antecedent) => mention::describe(self.doc, self.grammar, antecedent),
            None => mention::describe(self.doc, self.grammar, span),
        };
        let mut out = Vec::new();
        for d in described {
            let entity = match d.pronoun {
                Some(p) => self
                    .antecedent(p)
                    .unwrap_or_else(|| self.add(d.clone(), span)),
                None => self.merge(d, span),
            };
            self.touch(entity, span);
            out.push(entity);
        }
        out
    }

    fn touch(&mut self, entity: usize, span: Span) {
        let mentions = &mut self.sources.entities[entity].mentions;
        // Kept sorted; mentions mostly come in text order, so this is usually an append.
        if let Err(at) = mentions.binary_search(&span) {
            mentions.insert(at, span);
        }
        self.recent.retain(|&e| e != entity);
        self.recent.push(entity);
    }

    /// The most recent source a pronoun can refer to.
    fn antecedent(&self, pronoun: Pronoun) -> Option<usize> {
        self.recent.iter().rev().copied().find(|&e| {
            let s = &self.sources.entities[e];
            match pronoun {
                Pronoun::Person => s.kind == SourceKind::Person,
                Pronoun::Plural => matches!(
                    s.kind,
                    SourceKind::Group | SourceKind::Organization | SourceKind::Outlet
                ),
                Pronoun::Thing => matches!(
                    s.kind,
                    SourceKind::Organization | SourceKind::Outlet | SourceKind::Document
                ),
                Pronoun::Any => true,
                Pronoun::Speaker => false,
            }
        })
    }

    /// The entity this description names, new or existing.
    fn merge(&mut self, mut d: Described, span: Span) -> usize {
        if d.kind == SourceKind::Person && d.named {
            // A surname (or full name) introduced earlier with a title: "U.S. President Donald Trump".
            let surname = d.name.rsplit(' ').next().unwrap_or_default().to_string();
            // The first introduction whose surname or name matches.
            let first = [
                self.first_by_surname.get(&surname),
                self.first_by_name.get(&d.name),
            ]
            .into_iter()
            .flatten()
            .min()
            .copied();
            if let Some(intro) = first.map(|i| &self.introductions[i]) {
                d.name = intro.name.clone();
                d.role = d.role.or_else(|| intro.role.clone());
                d.affiliation = d.affiliation.or_else(|| intro.affiliation.clone());
                let intro_span = intro.span;
                let entity = self.find_or_add(d, span);
                self.touch(entity, intro_span);
                return entity;
            }
        }
        self.find_or_add(d, span)
    }

    fn find_or_add(&mut self, d: Described, _span: Span) -> usize {
        let key = d.name.to_lowercase();
        // "Ushakov" and "Yury Ushakov": one name ends with the other after a space.
        let ends_with_word = |long: &str, short: &str| {
            long.len() > short.len()
                && long.ends_with(short)
                && long.as_bytes()[long.len() - short.len() - 1] == b' '
        };
        let existing = self
            .sources
            .entities
            .iter()
            .zip(&self.lower_names)
            .position(|(s, name)| {
                s.kind == d.kind
                    && (*name == key
                        || (d.kind == SourceKind::Person
                            && d.named
                            && s.named
                            && (ends_with_word(name, &key) || ends_with_word(&key, name))))
            });
        match existing {
            Some(e) => {
                let s = &mut self.sources.entities[e];
                if d.name.len() > s.name.len() && d.kind == SourceKind::Person {
                    s.name = d.name;
                    self.lower_names[e] = key;
                }
                if s.role.is_none() {
                    s.role = d.role;
                }
                if s.affiliation.is_none() {
                    s.affiliation = d.affiliation;
                }
                if s.knowledge.is_none() {
                    s.knowledge = d.knowledge;
                }
                if s.count.is_none() {
                    s.count = d.count;
                }
                if s.noun.is_none() {
                    s.noun = d.noun;
                }
                s.definite |= d.definite;
                s.vague |= d.vague;
                e
            }
            None => self.add_lowered(d, key),
        }
    }

    fn add(&mut self, d: Described, _span: Span) -> usize {
        let key = d.name.to_lowercase();
        self.add_lowered(d, key)
    }

    /// [`Self::add`] with the name already lower-cased.
    fn add_lowered(&mut self, d: Described, key: String) -> usize {
        self.lower_names.push(key);
        self.sources.entities.push(Source {
            name: d.name,
            kind: d.kind,
            named: d.named,
            role: d.role,
            affiliation: d.affiliation,
            knowledge: d.knowledge,
            count: d.count,
            noun: d.noun,
            definite: d.definite,
            vague: d.vague,
            mentions: Vec::new(),
        });
        self.sources.entities.len() - 1
    }
}
