//! The policy file, `claimgraph.toml`: found by walking up from the checked file (or given with
//! `--config`), read strictly (an unknown key or a bad value is an error at its line and column),
//! then resolved with the command-line flags into the [`Settings`] a run uses.
//!
//! ```toml
//! [rules]
//! single-source-claim = "warning"   # off, info, warning or error
//! vague-anonymous-source = "off"
//!
//! [thresholds]
//! sources-required = 2              # independent sources a claim needs
//! anonymous-sources-count = true    # whether anonymous sources count towards that
//! anonymous-sources-required = 2    # anonymous sources a claim resting only on them needs
//!
//! [outlets]
//! trusted = ["Reuters"]             # their report is enough (secondhand-only)
//! untrusted = ["The Daily Rumour"]  # their report is no support at all
//!
//! [grammar]
//! dir = "newsroom-grammar"          # extra grammar files, relative to this file
//! ```

use crate::grammar::Grammar;
use crate::rules::{self, Policy, Severity};
use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// The file name looked for in the checked file's directory and its parents.
pub const CONFIG_FILE: &str = "claimgraph.toml";

/// A policy file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PolicyFile {
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, RuleLevel>,
    #[serde(default)]
    thresholds: Thresholds,
    #[serde(default)]
    outlets: Outlets,
    #[serde(default)]
    grammar: Option<GrammarSection>,
}

/// A rule's setting: off, or the severity it reports at.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum RuleLevel {
    Off,
    Info,
    Warning,
    Error,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Thresholds {
    sources_required: Option<Spanned<usize>>,
    anonymous_sources_count: Option<bool>,
    anonymous_sources_required: Option<Spanned<usize>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Outlets {
    #[serde(default)]
    trusted: Vec<String>,
    #[serde(default)]
    untrusted: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct GrammarSection {
    dir: PathBuf,
}

/// A policy file that cannot be used.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum ConfigError {
    #[error("cannot read policy file {path}: {source}")]
    #[diagnostic(
        code(claimgraph::config::unreadable),
        help("check the path given to --config")
    )]
    Unreadable {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("invalid policy file {path}: {message}")]
    #[diagnostic(
        code(claimgraph::config::invalid),
        help(
            "the policy file's tables are [rules], [thresholds], [outlets] and [grammar] (README.md); `claimgraph rules` lists the rule ids"
        )
    )]
    Invalid {
        path: String,
        message: String,
        #[source_code]
        src: NamedSource<String>,
        #[label("here")]
        span: Option<SourceSpan>,
    },
}

/// A policy file read and checked: the policy and the grammar directory it names.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub policy: Policy,
    /// Extra grammar files, resolved against the policy file's directory.
    pub grammar_dir: Option<PathBuf>,
}

impl Config {
    /// Reads and checks a policy file.
    pub fn load(path: &Path) -> Result<Config, Box<ConfigError>> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Unreadable {
            path: path.display().to_string(),
            source,
        })?;
        Config::parse(path, &text)
    }

    /// Checks the text of a policy file; `path` names it in errors and anchors `[grammar] dir`.
    pub fn parse(path: &Path, text: &str) -> Result<Config, Box<ConfigError>> {
        let invalid = |message: String, span: Option<std::ops::Range<usize>>| {
            Box::new(ConfigError::Invalid {
                path: path.display().to_string(),
                message,
                src: NamedSource::new(path.display().to_string(), text.to_string()),
                span: span.map(|r| (r.start, r.len()).into()),
            })
        };
        let file: PolicyFile =
            toml::from_str(text).map_err(|e| invalid(e.message().to_string(), e.span()))?;
        let mut policy = Policy::default();
        for (id, level) in file.rules {
            let Some(rule) = rules::find(id.get_ref()) else {
                return Err(invalid(
                    format!("no rule named `{}`", id.get_ref()),
                    Some(id.span()),
                ));
            };
            let severity = match level {
                RuleLevel::Off => None,
                RuleLevel::Info => Some(Severity::Info),
                RuleLevel::Warning => Some(Severity::Warning),
                RuleLevel::Error => Some(Severity::Error),
            };
            policy.severities.insert(rule.id().to_string(), severity);
        }
        let at_least_one = |value: &Spanned<usize>, key: &str| {
            if *value.get_ref() == 0 {
                Err(invalid(
                    format!("`{key}` must be at least 1"),
                    Some(value.span()),
                ))
            } else {
                Ok(*value.get_ref())
            }
        };
        let t = &file.thresholds;
        if let Some(n) = &t.sources_required {
            policy.sources_required = at_least_one(n, "sources-required")?;
        }
        if let Some(n) = &t.anonymous_sources_required {
            policy.anonymous_sources_required = at_least_one(n, "anonymous-sources-required")?;
        }
        if let Some(count) = t.anonymous_sources_count {
            policy.anonymous_sources_count = count;
        }
        policy.trusted_outlets = file.outlets.trusted;
        policy.untrusted_outlets = file.outlets.untrusted;
        let base = path.parent().unwrap_or(Path::new("."));
        Ok(Config {
            policy,
            grammar_dir: file.grammar.map(|g| base.join(g.dir)),
        })
    }
}

/// The policy file that governs `article`: the nearest `claimgraph.toml` in its directory or
/// above (the current directory for standard input).
pub fn find_config(article: &Path) -> Option<PathBuf> {
    find_config_from(&search_start(article)?)
}

/// The directory where the search for `article`'s policy file starts.
fn search_start(article: &Path) -> Option<PathBuf> {
    if article == Path::new("-") {
        std::env::current_dir().ok()
    } else {
        let absolute = std::path::absolute(article).ok()?;
        Some(absolute.parent()?.to_path_buf())
    }
}

/// The nearest `claimgraph.toml` in `start` or above.
fn find_config_from(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_FILE))
        .find(|candidate| candidate.is_file())
}

/// What a run uses for one article: the policy, and the grammar with any extra files.
#[derive(Debug, Clone)]
pub struct Settings {
    pub policy: Policy,
    pub grammar: Grammar,
}

/// Resolves the policy file and grammar flags into settings, one per policy file.
#[derive(Debug, Default)]
pub struct Resolver {
    /// `--config`: one policy file for every article.
    pub config: Option<PathBuf>,
    /// `--grammar`: extra grammar files, in place of any the policy file names.
    pub grammar: Option<PathBuf>,
    cache: BTreeMap<Option<PathBuf>, Arc<Settings>>,
    /// The policy file found for each directory searched: every line of a JSON Lines stream
    /// (and every file of a directory) shares one search instead of a `stat` per ancestor.
    found: BTreeMap<PathBuf, Option<PathBuf>>,
}

impl Resolver {
    pub fn new(config: Option<PathBuf>, grammar: Option<PathBuf>) -> Resolver {
        Resolver {
            config,
            grammar,
            cache: BTreeMap::new(),
            found: BTreeMap::new(),
        }
    }

    /// The settings for one article (`-` for standard input).
    pub fn settings(
        &mut self,
        article: &Path,
    ) -> Result<Arc<Settings>, Box<dyn Diagnostic + Send + Sync>> {
        let path = match &self.config {
            Some(config) => Some(config.clone()),
            None => search_start(article).and_then(|start| {
                self.found
                    .entry(start)
                    .or_insert_with_key(|start| find_config_from(start))
                    .clone()
            }),
        };
        if !self.cache.contains_key(&path) {
            let config = match &path {
                Some(p) => Config::load(p).map_err(|e| e as Box<dyn Diagnostic + Send + Sync>)?,
                None => Config::default(),
            };
            let grammar = match self.grammar.as_ref().or(config.grammar_dir.as_ref()) {
                Some(dir) => Grammar::with_user_dir(dir)
                    .map_err(|e| e as Box<dyn Diagnostic + Send + Sync>)?,
                None => Grammar::builtin(),
            };
            let settings = Settings {
                policy: config.policy,
                grammar,
            };
            self.cache.insert(path.clone(), Arc::new(settings));
        }
        Ok(self.cache[&path].clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> (String, usize) {
        match *Config::parse(Path::new("claimgraph.toml"), text).unwrap_err() {
            ConfigError::Invalid { message, span, .. } => (message, span.expect("a span").offset()),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn a_policy_file_sets_severities_thresholds_and_outlets() {
        let config = Config::parse(
            Path::new("/news/claimgraph.toml"),
            "[rules]\nsingle-source-claim = \"error\"\nweasel-attribution = \"off\"\n\n[thresholds]\nsources-required = 3\nanonymous-sources-count = false\n\n[outlets]\ntrusted = [\"Reuters\"]\n\n[grammar]\ndir = \"words\"\n",
        )
        .expect("valid");
        let p = &config.policy;
        assert_eq!(p.severities["single-source-claim"], Some(Severity::Error));
        assert_eq!(p.severities["weasel-attribution"], None);
        assert_eq!(p.sources_required, 3);
        assert!(!p.anonymous_sources_count);
        assert!(p.is_trusted_outlet("reuters"));
        assert_eq!(config.grammar_dir, Some(PathBuf::from("/news/words")));
    }

    #[test]
    fn unknown_keys_rules_and_bad_values_point_at_their_place() {
        let (message, at) = error("[thresholds]\nsources-needed = 2\n");
        assert!(
            message.contains("unknown field `sources-needed`"),
            "{message}"
        );
        assert_eq!(at, 13);
        let (message, at) = error("[rules]\nsingle-sauce-claim = \"off\"\n");
        assert_eq!(message, "no rule named `single-sauce-claim`");
        assert_eq!(at, 8);
        let (message, at) = error("[rules]\nunsourced-claim = \"loud\"\n");
        assert!(message.contains("unknown variant `loud`"), "{message}");
        assert_eq!(at, 26);
        let (message, at) = error("[thresholds]\nsources-required = 0\n");
        assert_eq!(message, "`sources-required` must be at least 1");
        assert_eq!(at, 32);
    }
}
