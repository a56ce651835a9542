//! The JSON report: one object per document, the contract other tools build on.
//!
//! ```text
//! { "version": 1, "id": string,
//!   "sources": [ { "id", "name", "kind", "named", "role", "affiliation", "knowledge", "mentions": [Span] } ],
//!   "claims": [ { "id", "span", "status", "sources": [source id], "hedged", "withheld_by": [source id] } ],
//!   "attributions": [ { "claim", "source", "source_id", "source_ids", "cue", "content",
//!                       "relation", "kind", "via" } ],
//!   "findings": [ { "rule", "severity", "claim", "span", "message" } ],
//!   "summary": { ... } }
//! Span = { "start", "end", "text" }: UTF-8 byte offsets into the analysed text.
//!        For HTML and Markdown input also "source_start", "source_end": the byte offsets of
//!        the same text in the file as read (see docs/inputs.md).
//! ```

use super::{claim_id, source_id};
use crate::Analysis;
use crate::attribution::{AttributionKind, Relation};
use crate::graph::ClaimStatus;
use crate::markup::SourceMap;
use crate::rules::Severity;
use crate::sources::SourceKind;
use crate::text::Span;
use schemars::JsonSchema;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The version of this format; it changes when a field changes meaning.
pub const FORMAT_VERSION: u32 = 1;

/// A source or claim id (`s1`, `c2`): the first [`CACHED_IDS`] of each are made once per
/// process and borrowed, as a report names every claim and source, most of them several times.
pub type Id = Cow<'static, str>;

/// How many source ids and claim ids are kept made.
const CACHED_IDS: usize = 512;

static IDS: LazyLock<[Vec<String>; 2]> = LazyLock::new(|| {
    [
        (0..CACHED_IDS).map(source_id).collect(),
        (0..CACHED_IDS).map(claim_id).collect(),
    ]
});

fn source_json_id(index: usize) -> Id {
    IDS[0].get(index).map_or_else(
        || Cow::Owned(source_id(index)),
        |id| Cow::Borrowed(id.as_str()),
    )
}

fn claim_json_id(index: usize) -> Id {
    IDS[1].get(index).map_or_else(
        || Cow::Owned(claim_id(index)),
        |id| Cow::Borrowed(id.as_str()),
    )
}

/// A stretch of the analysed text.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonSpan<'a> {
    /// UTF-8 byte offset of the first byte.
    pub start: usize,
    /// UTF-8 byte offset just past the last byte.
    pub end: usize,
    /// The text between `start` and `end`.
    pub text: &'a str,
    /// For HTML and Markdown input: the byte offset in the original file where the span starts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_start: Option<usize>,
    /// For HTML and Markdown input: the byte offset in the original file where the span ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_end: Option<usize>,
}

/// The sourcing report of one document.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Report<'a> {
    /// The version of this format; it changes when a field changes meaning.
    pub version: u32,
    /// The path, "-" for standard input, or the id of a JSON Lines record.
    pub id: &'a str,
    /// Every source entity, in order of first mention.
    pub sources: Vec<JsonSource<'a>>,
    /// Every claim, in text order.
    pub claims: Vec<JsonClaim<'a>>,
    /// Every attribution found, in text order.
    pub attributions: Vec<JsonAttribution<'a>>,
    /// Every finding of the rules, in text order, then by rule id.
    pub findings: Vec<JsonFinding<'a>>,
    /// Counts over the whole document.
    pub summary: Summary,
}

/// A source entity: every mention of one person, organisation, outlet, group or document.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonSource<'a> {
    /// Stable within the report: `s1`, `s2`, ….
    pub id: Id,
    /// The canonical name ("Donald Trump", "U.S. officials").
    pub name: &'a str,
    pub kind: SourceKind,
    /// Whether the text identifies the source by name; `false` for anonymous sources.
    pub named: bool,
    /// The role the text gives the source ("President").
    pub role: Option<&'a str>,
    /// The organisation or country the source belongs to ("Kremlin").
    pub affiliation: Option<&'a str>,
    /// How an unnamed source knows what it says ("familiar with the matter").
    pub knowledge: Option<&'a str>,
    /// Every mention, pronouns included, in text order.
    pub mentions: Vec<JsonSpan<'a>>,
}

/// A claim: a sentence, or a clause that carries its own attribution.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonClaim<'a> {
    /// Stable within the report: `c1`, `c2`, ….
    pub id: Id,
    pub span: JsonSpan<'a>,
    /// How many independent sources support the claim.
    pub status: ClaimStatus,
    /// Ids of the independent supporting sources, in order of first mention.
    pub sources: Vec<Id>,
    /// Whether a hedge ("reportedly") stands where a source should.
    pub hedged: bool,
    /// Ids of the sources that deny the claim or decline to confirm it.
    pub withheld_by: Vec<Id>,
}

/// One attribution: a source mention, a cue and what is attributed.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonAttribution<'a> {
    /// The id of the claim it sources; `null` for a document-level credit.
    pub claim: Option<Id>,
    /// The source mention as written, pronouns included; `null` for hedges and passives.
    pub source: Option<JsonSpan<'a>>,
    /// The first of `source_ids`.
    pub source_id: Option<Id>,
    /// The entities the mention stands for (two for "U.S. and European officials").
    pub source_ids: Vec<Id>,
    /// The cue words ("said", "according to").
    pub cue: JsonSpan<'a>,
    /// What is attributed, quotation marks and a leading "that" included.
    pub content: Option<JsonSpan<'a>>,
    /// How the source stands to the claim.
    pub relation: Relation,
    /// What is attributed: words, beliefs, plans or evidence.
    pub kind: AttributionKind,
    /// The id of the channel the source spoke through ("CNN"), if any.
    pub via: Option<Id>,
}

/// A finding of one rule.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonFinding<'a> {
    /// The rule id (`claimgraph explain <rule>`).
    pub rule: &'a str,
    pub severity: Severity,
    /// The id of the claim it is about, if any.
    pub claim: Option<Id>,
    pub span: JsonSpan<'a>,
    pub message: &'a str,
}

/// Counts over the whole document.
#[derive(Debug, Serialize, Default, JsonSchema)]
pub struct Summary {
    /// The number of claims.
    pub claims: usize,
    /// Claims per status: `multi_source`, `single_source`, `unsourced` (all three always present).
    pub claims_by_status: BTreeMap<&'static str, usize>,
    /// Claims with a hedge standing where a source should.
    pub hedged_claims: usize,
    /// Source entities per kind (only kinds that occur).
    pub sources_by_kind: BTreeMap<&'static str, usize>,
    /// Source entities the text does not name.
    pub anonymous_sources: usize,
    /// Names of the sources the whole document is credited to ("Based on ANI report").
    pub credits: Vec<String>,
    /// Findings per severity (only severities that occur).
    pub findings_by_severity: BTreeMap<&'static str, usize>,
}

impl Summary {
    /// The number of claims with this status.
    pub fn claims_with(&self, status: ClaimStatus) -> usize {
        self.claims_by_status
            .get(status.as_str())
            .copied()
            .unwrap_or_default()
    }

    /// The number of claims with at least one supporting source.
    pub fn sourced_claims(&self) -> usize {
        self.claims
            .saturating_sub(self.claims_with(ClaimStatus::Unsourced))
    }

    pub fn of(analysis: &Analysis) -> Summary {
        let mut summary = Summary {
            claims: analysis.claims.claims.len(),
            ..Summary::default()
        };
        for status in [
            ClaimStatus::MultiSource,
            ClaimStatus::SingleSource,
            ClaimStatus::Unsourced,
        ] {
            summary.claims_by_status.insert(
                status.as_str(),
                analysis
                    .graph
                    .support
                    .iter()
                    .filter(|s| s.status == status)
                    .count(),
            );
        }
        summary.hedged_claims = analysis.graph.support.iter().filter(|s| s.hedged).count();
        for source in &analysis.sources.entities {
            *summary
                .sources_by_kind
                .entry(source.kind.as_str())
                .or_default() += 1;
        }
        summary.anonymous_sources = analysis
            .sources
            .entities
            .iter()
            .filter(|s| !s.named)
            .count();
        for (a, attribution) in analysis.attributions.iter().enumerate() {
            if attribution.relation == Relation::Credit {
                for &e in &analysis.sources.of_attribution[a] {
                    let name = analysis.sources.entities[e].name.clone();
                    if !summary.credits.contains(&name) {
                        summary.credits.push(name);
                    }
                }
            }
        }
        for finding in &analysis.findings {
            *summary
                .findings_by_severity
                .entry(finding.severity.as_str())
                .or_default() += 1;
        }
        summary
    }
}

/// How one attribution brought a claim to the article: who, by what relation, through whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chain {
    pub attribution: usize,
    /// The source entity; `None` for a hedge or a passive with no source.
    pub source: Option<usize>,
    pub relation: Relation,
    /// The channel the source spoke through ("CNN").
    pub via: Option<usize>,
}

/// What the readable reports (HTML, Markdown, SARIF) show beyond the JSON fields, read off the
/// claims and the sources once so that every reporter shows the same numbers.
#[derive(Debug, Clone, Default)]
pub struct Sourcing {
    /// For each claim, its chains in text order.
    pub chains: Vec<Vec<Chain>>,
    /// For each source entity, the claims it reached as a source or as a channel.
    pub claims_per_source: Vec<usize>,
    /// Sourced claims whose every supporting source is anonymous.
    pub anonymous_only_claims: usize,
}

impl Sourcing {
    pub fn of(analysis: &Analysis) -> Sourcing {
        let chains: Vec<Vec<Chain>> = analysis
            .claims
            .claims
            .iter()
            .map(|claim| {
                claim
                    .attributions
                    .iter()
                    .flat_map(|&a| {
                        let relation = analysis.attributions[a].relation;
                        let via = analysis.sources.channel_of_attribution[a];
                        let entities = &analysis.sources.of_attribution[a];
                        let sources: Vec<Option<usize>> = if entities.is_empty() {
                            vec![None]
                        } else {
                            entities.iter().copied().map(Some).collect()
                        };
                        sources.into_iter().map(move |source| Chain {
                            attribution: a,
                            source,
                            relation,
                            via,
                        })
                    })
                    .collect()
            })
            .collect();
        // One pass over the chains: each claim counts once for each source or channel in it.
        let mut claims_per_source = vec![0; analysis.sources.entities.len()];
        for claim in &chains {
            let mut reached: Vec<usize> = claim
                .iter()
                .flat_map(|c| c.source.into_iter().chain(c.via))
                .collect();
            reached.sort_unstable();
            reached.dedup();
            for s in reached {
                if let Some(count) = claims_per_source.get_mut(s) {
                    *count += 1;
                }
            }
        }
        let anonymous_only_claims = analysis
            .graph
            .support
            .iter()
            .filter(|support| {
                !support.supporting.is_empty()
                    && support
                        .supporting
                        .iter()
                        .all(|&s| !analysis.sources.entities[s].named)
            })
            .count();
        Sourcing {
            chains,
            claims_per_source,
            anonymous_only_claims,
        }
    }
}

fn json_span<'a>(text: &'a str, map: Option<&SourceMap>, span: Span) -> JsonSpan<'a> {
    let source = map.map(|m| m.to_source(span));
    JsonSpan {
        start: span.start,
        end: span.end,
        text: span.slice(text),
        source_start: source.map(|s| s.start),
        source_end: source.map(|s| s.end),
    }
}

impl<'a> Report<'a> {
    pub fn of(analysis: &'a Analysis) -> Report<'a> {
        Report::of_mapped(analysis, None)
    }

    /// The report of a document read from markup, with its spans' offsets in the source file.
    pub fn of_mapped(analysis: &'a Analysis, map: Option<&SourceMap>) -> Report<'a> {
        let text = analysis.document.text;
        let span = |s: Span| json_span(text, map, s);
        let sources = analysis
            .sources
            .entities
            .iter()
            .enumerate()
            .map(|(i, s)| JsonSource {
                id: source_json_id(i),
                name: &s.name,
                kind: s.kind,
                named: s.named,
                role: s.role.as_deref(),
                affiliation: s.affiliation.as_deref(),
                knowledge: s.knowledge.as_deref(),
                mentions: s.mentions.iter().map(|&m| span(m)).collect(),
            })
            .collect();
        let claims = analysis
            .claims
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let support = &analysis.graph.support[i];
                JsonClaim {
                    id: claim_json_id(i),
                    span: span(c.span),
                    status: support.status,
                    sources: support
                        .supporting
                        .iter()
                        .map(|&s| source_json_id(s))
                        .collect(),
                    hedged: support.hedged,
                    withheld_by: support
                        .withholding
                        .iter()
                        .map(|&s| source_json_id(s))
                        .collect(),
                }
            })
            .collect();
        let attributions = analysis
            .attributions
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let ids: Vec<Id> = analysis.sources.of_attribution[i]
                    .iter()
                    .map(|&s| source_json_id(s))
                    .collect();
                JsonAttribution {
                    claim: analysis.claims.of_attribution[i].map(claim_json_id),
                    source: a.source.map(span),
                    source_id: ids.first().cloned(),
                    source_ids: ids,
                    cue: span(a.cue),
                    content: a.content.map(span),
                    relation: a.relation,
                    kind: a.kind,
                    via: analysis.sources.channel_of_attribution[i].map(source_json_id),
                }
            })
            .collect();
        let findings = analysis
            .findings
            .iter()
            .map(|f| JsonFinding {
                rule: f.rule,
                severity: f.severity,
                claim: f.claim.map(claim_json_id),
                span: span(f.span),
                message: &f.message,
            })
            .collect();
        Report {
            version: FORMAT_VERSION,
            id: &analysis.id,
            sources,
            claims,
            attributions,
            findings,
            summary: Summary::of(analysis),
        }
    }
}

/// The JSON schema of [`Report`], as published in `docs/report.schema.json`.
pub fn schema() -> String {
    let schema = schemars::schema_for!(Report);
    serde_json::to_string_pretty(&schema).expect("schemas serialise") + "\n"
}

/// The report as one line of JSON.
pub fn render_line(analysis: &Analysis) -> String {
    render_line_mapped(analysis, None)
}

/// The report as indented JSON.
pub fn render_pretty(analysis: &Analysis) -> String {
    render_pretty_mapped(analysis, None)
}

/// The report as one line of JSON, with source offsets when the text came from markup.
///
/// Written by [`write_line`] straight from the analysis, byte for byte what
/// `serde_json::to_string` makes of its [`Report`] (the tests hold the two together), with a
/// faster string escape and without building the report's vectors.
pub fn render_line_mapped(analysis: &Analysis, map: Option<&SourceMap>) -> String {
    let text = analysis.document.text;
    // The spans' texts make up most of a report: about six times the document's length.
    let mut out = String::with_capacity(text.len() * 8 + 1024);
    write_line(analysis, map, &mut out, Some(&EscapeIndex::of(text)));
    out
}

/// `{"name":`, an object's opening brace and first key, as one constant string.
macro_rules! first_key {
    ($name:literal) => {
        concat!("{\"", $name, "\":")
    };
}

/// `,"name":`, a later key of an object, as one constant string.
macro_rules! key {
    ($name:literal) => {
        concat!(",\"", $name, "\":")
    };
}

/// Appends the [`Report`] of `analysis` (as [`Report::of_mapped`] makes it) as compact JSON, in
/// the field order of the structs (as serde writes them), with the spans' texts escaped through
/// `escapes` when they are slices of its text.
fn write_line(
    analysis: &Analysis,
    map: Option<&SourceMap>,
    out: &mut String,
    escapes: Option<&EscapeIndex>,
) {
    let text = analysis.document.text;
    let span = |s: Span| json_span(text, map, s);
    let mut w = Writer { out, escapes };
    w.raw(first_key!("version"));
    w.number(FORMAT_VERSION as usize);
    w.raw(key!("id"));
    w.string(&analysis.id);
    w.raw(key!("sources"));
    w.seq(analysis.sources.entities.iter().enumerate(), |w, (i, s)| {
        w.raw(first_key!("id"));
        w.name(&source_json_id(i));
        w.raw(key!("name"));
        w.string(&s.name);
        w.raw(key!("kind"));
        w.name(s.kind.as_str());
        w.raw(key!("named"));
        w.bool(s.named);
        w.raw(key!("role"));
        w.option_string(s.role.as_deref());
        w.raw(key!("affiliation"));
        w.option_string(s.affiliation.as_deref());
        w.raw(key!("knowledge"));
        w.option_string(s.knowledge.as_deref());
        w.raw(key!("mentions"));
        w.seq(&s.mentions, |w, &m| w.span(&span(m)));
        w.close('}');
    });
    w.raw(key!("claims"));
    w.seq(analysis.claims.claims.iter().enumerate(), |w, (i, c)| {
        let support = &analysis.graph.support[i];
        w.raw(first_key!("id"));
        w.name(&claim_json_id(i));
        w.raw(key!("span"));
        w.span(&span(c.span));
        w.raw(key!("status"));
        w.name(support.status.as_str());
        w.raw(key!("sources"));
        w.seq(&support.supporting, |w, &s| w.name(&source_json_id(s)));
        w.raw(key!("hedged"));
        w.bool(support.hedged);
        w.raw(key!("withheld_by"));
        w.seq(&support.withholding, |w, &s| w.name(&source_json_id(s)));
        w.close('}');
    });
    w.raw(key!("attributions"));
    w.seq(analysis.attributions.iter().enumerate(), |w, (i, a)| {
        let ids = &analysis.sources.of_attribution[i];
        w.raw(first_key!("claim"));
        w.option_name(
            analysis.claims.of_attribution[i]
                .map(claim_json_id)
                .as_deref(),
        );
        w.raw(key!("source"));
        w.option_span(a.source.map(span).as_ref());
        w.raw(key!("source_id"));
        w.option_name(ids.first().map(|&s| source_json_id(s)).as_deref());
        w.raw(key!("source_ids"));
        w.seq(ids, |w, &s| w.name(&source_json_id(s)));
        w.raw(key!("cue"));
        w.span(&span(a.cue));
        w.raw(key!("content"));
        w.option_span(a.content.map(span).as_ref());
        w.raw(key!("relation"));
        w.name(a.relation.as_str());
        w.raw(key!("kind"));
        w.name(kind_name(a.kind));
        w.raw(key!("via"));
        w.option_name(
            analysis.sources.channel_of_attribution[i]
                .map(source_json_id)
                .as_deref(),
        );
        w.close('}');
    });
    w.raw(key!("findings"));
    w.seq(&analysis.findings, |w, f| {
        w.raw(first_key!("rule"));
        w.name(f.rule);
        w.raw(key!("severity"));
        w.name(f.severity.as_str());
        w.raw(key!("claim"));
        w.option_name(f.claim.map(claim_json_id).as_deref());
        w.raw(key!("span"));
        w.span(&span(f.span));
        w.raw(key!("message"));
        w.string(&f.message);
        w.close('}');
    });
    let s = &Summary::of(analysis);
    w.raw(key!("summary"));
    w.raw(first_key!("claims"));
    w.number(s.claims);
    w.raw(key!("claims_by_status"));
    w.counts(&s.claims_by_status);
    w.raw(key!("hedged_claims"));
    w.number(s.hedged_claims);
    w.raw(key!("sources_by_kind"));
    w.counts(&s.sources_by_kind);
    w.raw(key!("anonymous_sources"));
    w.number(s.anonymous_sources);
    w.raw(key!("credits"));
    w.seq(&s.credits, |w, name| w.string(name));
    w.raw(key!("findings_by_severity"));
    w.counts(&s.findings_by_severity);
    w.close('}');
    w.close('}');
}

/// The name serde gives an [`AttributionKind`] (`rename_all = "snake_case"`).
fn kind_name(kind: AttributionKind) -> &'static str {
    match kind {
        AttributionKind::Speech => "speech",
        AttributionKind::Belief => "belief",
        AttributionKind::Intention => "intention",
        AttributionKind::Evidence => "evidence",
    }
}

/// Compact JSON as `serde_json` writes it: no spaces, strings escaped the same way.
struct Writer<'o> {
    out: &'o mut String,
    /// Where the document's text needs escapes, for the spans' texts (most of a report).
    escapes: Option<&'o EscapeIndex<'o>>,
}

/// The offsets of the bytes of a text that a JSON string escapes (`"`, `\\`, control
/// characters), found once per document: every span repeats part of the text, most of them
/// with no such byte, and a span's text is then copied whole instead of checked again.
struct EscapeIndex<'t> {
    text: &'t str,
    /// In increasing order.
    offsets: Vec<usize>,
    /// For each [`ESCAPE_BLOCK`] bytes of the text (and its end), the index in `offsets` of the
    /// first offset at or after the block's start: a span's first escape is found from there
    /// in a step or two, where a binary search over all of them took about seven.
    blocks: Vec<usize>,
}

/// The bytes of text per entry of [`EscapeIndex::blocks`].
const ESCAPE_BLOCK: usize = 64;

impl<'t> EscapeIndex<'t> {
    fn of(text: &'t str) -> EscapeIndex<'t> {
        let mut offsets = Vec::new();
        each_escape(text.as_bytes(), |at| offsets.push(at));
        let mut blocks = Vec::with_capacity(text.len() / ESCAPE_BLOCK + 1);
        let mut first = 0;
        for block in 0..=text.len() / ESCAPE_BLOCK {
            let start = block * ESCAPE_BLOCK;
            while offsets.get(first).is_some_and(|&at| at < start) {
                first += 1;
            }
            blocks.push(first);
        }
        EscapeIndex {
            text,
            offsets,
            blocks,
        }
    }

    /// The index in `offsets` of the first offset at or after `at` (at most the text's length).
    fn first_from(&self, at: usize) -> usize {
        let mut first = self.blocks[at / ESCAPE_BLOCK];
        while self.offsets.get(first).is_some_and(|&o| o < at) {
            first += 1;
        }
        first
    }

    /// The span's text if it is the slice `start..end` of the indexed text.
    fn holds(&self, span: &JsonSpan) -> bool {
        self.text
            .get(span.start..span.end)
            .is_some_and(|slice| std::ptr::eq(slice, span.text))
    }
}

/// Whether a byte is escaped in a JSON string (as [`Writer::string`] escapes it).
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Calls `found` with the offset of every byte of `bytes` that [`needs_escape`], in order:
/// sixteen bytes are checked at once (in one vector register: the fold has no early exit),
/// and only a block that holds one is looked at byte by byte.
fn each_escape(bytes: &[u8], mut found: impl FnMut(usize)) {
    let holds_escape = |block: &[u8]| {
        block
            .iter()
            .fold(0u8, |any, &b| any | u8::from(needs_escape(b)))
            != 0
    };
    let mut at = 0;
    while let Some(block) = bytes.get(at..at + 16) {
        if holds_escape(block) {
            (at..at + 16)
                .filter(|&i| needs_escape(bytes[i]))
                .for_each(&mut found);
        }
        at += 16;
    }
    // The rest: when the text has sixteen bytes, its last sixteen are checked first (some of
    // them again).
    let rest = bytes.len().checked_sub(16).map(|last| &bytes[last..]);
    if at < bytes.len() && rest.is_none_or(holds_escape) {
        (at..bytes.len())
            .filter(|&i| needs_escape(bytes[i]))
            .for_each(found);
    }
}

impl Writer<'_> {
    /// Punctuation and keys, written as they are.
    fn raw(&mut self, json: &str) {
        self.out.push_str(json);
    }

    fn close(&mut self, bracket: char) {
        self.out.push(bracket);
    }

    /// `"key":`, after a comma unless it is the object's first. Keys are field and enum names,
    /// which need no escapes.
    fn key(&mut self, key: &str, first: bool) {
        self.out.push_str(if first { "\"" } else { ",\"" });
        self.out.push_str(key);
        self.out.push_str("\":");
    }

    fn number(&mut self, n: usize) {
        self.out.push_str(itoa::Buffer::new().format(n));
    }

    fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }

    fn null(&mut self) {
        self.out.push_str("null");
    }

    fn option_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.null(),
        }
    }

    /// A string that needs no escape: an id (`s1`, `c2`) or the name of a rule or of an enum
    /// value. Most strings of a report are these, and they are written without the scan.
    fn name(&mut self, s: &str) {
        debug_assert!(!s.bytes().any(needs_escape), "{s:?}");
        self.out.push('"');
        self.out.push_str(s);
        self.out.push('"');
    }

    fn option_name(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.name(s),
            None => self.null(),
        }
    }

    fn option_span(&mut self, span: Option<&JsonSpan>) {
        match span {
            Some(span) => self.span(span),
            None => self.null(),
        }
    }

    fn seq<I: IntoIterator>(&mut self, items: I, mut item: impl FnMut(&mut Self, I::Item)) {
        self.out.push('[');
        for (i, t) in items.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            item(self, t);
        }
        self.out.push(']');
    }

    fn counts(&mut self, counts: &BTreeMap<&str, usize>) {
        self.out.push('{');
        for (i, (key, n)) in counts.iter().enumerate() {
            self.key(key, i == 0);
            self.number(*n);
        }
        self.out.push('}');
    }

    fn span(&mut self, span: &JsonSpan) {
        self.raw(first_key!("start"));
        self.number(span.start);
        self.raw(key!("end"));
        self.number(span.end);
        self.raw(key!("text"));
        match self.escapes.filter(|e| e.holds(span)) {
            Some(escapes) => self.indexed_string(escapes, span.start, span.end),
            None => self.string(span.text),
        }
        if let Some(start) = span.source_start {
            self.raw(key!("source_start"));
            self.number(start);
        }
        if let Some(end) = span.source_end {
            self.raw(key!("source_end"));
            self.number(end);
        }
        self.close('}');
    }

    /// A JSON string: `"` and `\\` escaped, and the control characters, as `\n`, `\t`, … or
    /// `\u001f` (serde_json's escapes).
    fn string(&mut self, s: &str) {
        self.out.push('"');
        let mut run = 0;
        each_escape(s.as_bytes(), |at| {
            self.out.push_str(&s[run..at]);
            self.escape(s.as_bytes()[at]);
            run = at + 1;
        });
        self.out.push_str(&s[run..]);
        self.out.push('"');
    }

    /// The JSON string of `escapes.text[start..end]`, copied whole between the bytes that
    /// the index lists.
    fn indexed_string(&mut self, escapes: &EscapeIndex, start: usize, end: usize) {
        let text = escapes.text;
        self.out.push('"');
        let first = escapes.first_from(start);
        let mut run = start;
        for &at in escapes.offsets[first..].iter().take_while(|&&at| at < end) {
            self.out.push_str(&text[run..at]);
            self.escape(text.as_bytes()[at]);
            run = at + 1;
        }
        self.out.push_str(&text[run..end]);
        self.out.push('"');
    }

    /// The escape of one byte for which [`needs_escape`] holds, as serde_json writes it.
    fn escape(&mut self, b: u8) {
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                self.out.push(char::from(HEX[usize::from(b >> 4)]));
                self.out.push(char::from(HEX[usize::from(b & 0xf)]));
                return;
            }
        };
        self.out.push_str(short);
    }
}

/// The report as indented JSON, with source offsets when the text came from markup.
pub fn render_pretty_mapped(analysis: &Analysis, map: Option<&SourceMap>) -> String {
    serde_json::to_string_pretty(&Report::of_mapped(analysis, map)).expect("reports serialise")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, grammar::Grammar, rules::Policy};

    /// The hand-written line is what serde_json makes of the same report.
    fn same_as_serde(text: &str) {
        let grammar = Grammar::builtin();
        let analysis = analyze("a \"doc\"\\\u{1}", text, &grammar, &Policy::default());
        let report = Report::of(&analysis);
        assert_eq!(
            render_line(&analysis),
            serde_json::to_string(&report).unwrap()
        );
        let mut line = String::new();
        write_line(&analysis, None, &mut line, None);
        assert_eq!(line, serde_json::to_string(&report).unwrap());
        let map = SourceMap::default();
        let mapped = Report::of_mapped(&analysis, Some(&map));
        assert_eq!(
            render_line_mapped(&analysis, Some(&map)),
            serde_json::to_string(&mapped).unwrap()
        );
    }

    #[test]
    fn the_line_is_serde_jsons() {
        same_as_serde("");
        same_as_serde(
            "“We will win,” Mr. Smith said. Officials told CNN the plan\tis \"dead\" \\ done.\n\n\
             According to the report, prices rose. It reportedly fell. WASHINGTON (Reuters) — \
             The mayor said the bridge will reopen, and critics say it won’t.",
        );
        // Every ASCII control character, and the escapes at every offset of a 16-byte block.
        let controls: String = (0u8..0x20).map(char::from).collect();
        for pad in 0..17 {
            same_as_serde(&format!(
                "{} The mayor said “{controls}\u{7f}é\"\\ ok”.",
                "x".repeat(pad)
            ));
        }
    }

    #[test]
    fn indexed_spans_escape_as_strings_do() {
        let short = "a\"b\\c\u{1}d\te “é”\n\u{1f}\"\"end";
        // Long enough to cross several of the index's blocks, with escapes near their edges.
        let long = format!(
            "{short}{}{short}{}\"{short}",
            "x".repeat(40),
            "y".repeat(61)
        );
        for text in [short, long.as_str()] {
            spans_escape_as_strings_do(text);
        }
    }

    fn spans_escape_as_strings_do(text: &str) {
        let index = EscapeIndex::of(text);
        for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for end in (start..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let (mut scanned, mut indexed) = (String::new(), String::new());
                Writer {
                    out: &mut scanned,
                    escapes: None,
                }
                .string(&text[start..end]);
                Writer {
                    out: &mut indexed,
                    escapes: None,
                }
                .indexed_string(&index, start, end);
                assert_eq!(indexed, scanned, "{start}..{end}");
            }
        }
    }

    #[test]
    fn kind_names_are_serdes() {
        for kind in [
            AttributionKind::Speech,
            AttributionKind::Belief,
            AttributionKind::Intention,
            AttributionKind::Evidence,
        ] {
            assert_eq!(
                serde_json::to_string(&kind).unwrap(),
                format!("\"{}\"", kind_name(kind))
            );
        }
    }
}
