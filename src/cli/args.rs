//! The command line as parsed by clap. [`super::run`] turns these into settings.

use crate::markup::InputFormat;
use crate::report::Format;
use crate::report::stats::StatsFormat;
use crate::rules::Severity;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "claimgraph",
    version,
    about = "Audits how news articles are sourced: who said what, through whom, and which claims rest on no source or one."
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse articles and report their sourcing.
    Check(CheckArgs),
    /// List the rules with their severities under the policy file (or the defaults).
    Rules(RulesArgs),
    /// Print a rule's documentation.
    Explain {
        /// A rule id, such as `unsourced-claim`.
        rule: String,
    },
    /// Print the text that is analysed for a file: an HTML page's article, a Markdown file's prose.
    Extract(ExtractArgs),
    /// Sourcing statistics over many documents: claims, sources, outlets, people, hedges.
    Stats(StatsArgs),
    /// Score the attribution parser against annotated gold JSON Lines (code-point offsets).
    Eval(EvalArgs),
    /// Check the `<!-- expect: RULE -->` and `<!-- ok: RULE -->` expectations in articles, or
    /// compare their reports with stored snapshots.
    Test(TestArgs),
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// The policy file; by default the nearest claimgraph.toml from the current directory up.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct TestArgs {
    /// Fixture articles, or directories searched for .md, .html, .htm and .txt files.
    pub paths: Vec<PathBuf>,
    /// Compare each article under DIR with the ARTICLE.snap stored beside it.
    #[arg(long, value_name = "DIR")]
    pub snapshot: Option<PathBuf>,
    /// With --snapshot: write the snapshots instead of comparing them.
    #[arg(long, requires = "snapshot")]
    pub update: bool,
    /// The policy file; by default the nearest claimgraph.toml from each article up.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// A directory of grammar .toml files to add to the built-in vocabulary.
    #[arg(long, value_name = "DIR")]
    pub grammar: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Gold file: one {"id", "text", "attributions": [{"source", "cue", "content"}]} per line.
    pub gold: PathBuf,
    /// Print the first N missed and false-positive attributions with their text.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub errors: usize,
    /// A directory of grammar .toml files to add to the built-in vocabulary.
    #[arg(long, value_name = "DIR")]
    pub grammar: Option<PathBuf>,
}

/// When findings make the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Info,
    Warning,
    Error,
    Never,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Info => Some(Severity::Info),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Error => Some(Severity::Error),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Articles or directories to check (text, Markdown, HTML); `-` reads standard input.
    pub paths: Vec<PathBuf>,
    /// A JSON Lines file with one {"id", "text"} object per line (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    pub jsonl: Option<PathBuf>,
    /// Output format. `json` and `sarif` print one report per line (indented when one file is checked).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Exit with code 1 when a finding reaches this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// The least severe findings the human format shows.
    #[arg(long, value_enum, default_value_t = Severity::Info)]
    pub show: Severity,
    /// A directory of grammar .toml files to add to the built-in vocabulary.
    #[arg(long, value_name = "DIR")]
    pub grammar: Option<PathBuf>,
    /// The policy file; by default the nearest claimgraph.toml from each article up.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Colour in the human format.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Write the report to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub reading: ReadingArgs,
}

/// How documents are found and read; shared by `check` and `stats`.
#[derive(Debug, Clone, clap::Args)]
pub struct ReadingArgs {
    /// Read every document as this format instead of guessing from its extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    /// In directories, read only files matching this glob (repeatable; default: .txt, .md, .html).
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// In directories, skip files matching this glob (repeatable; .gitignore is respected too).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Documents analysed in parallel (0: one per core). Output is the same for any value.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub jobs: usize,
    /// Largest document read, in bytes; a larger one is an error and the rest still run.
    #[arg(long, alias = "max-bytes", value_name = "BYTES", default_value_t = DEFAULT_MAX_SIZE)]
    pub max_size: u64,
    /// Read invalid UTF-8 with replacement characters (and a warning) instead of refusing it.
    #[arg(long)]
    pub lossy: bool,
    /// With `--format json`, write a `{"id", "error"}` line in place of each document that
    /// could not be read, and count it as reported (for streaming engines; see docs/scale.md).
    #[arg(long)]
    pub error_records: bool,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// A page or Markdown file; `-` reads standard input (give `--input-format`).
    pub path: PathBuf,
    /// Read the file as this format instead of guessing from its extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
}

#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Articles or directories (text, Markdown, HTML); `-` reads standard input.
    pub paths: Vec<PathBuf>,
    /// A JSON Lines file with one {"id", "text"} object per line (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    pub jsonl: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
    /// How many outlets and people to list.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    /// A directory of grammar .toml files to add to the built-in vocabulary.
    #[arg(long, value_name = "DIR")]
    pub grammar: Option<PathBuf>,
    #[command(flatten)]
    pub reading: ReadingArgs,
}

/// The default `--max-size`: 100 MiB, twice the largest article claimgraph is tested on.
pub const DEFAULT_MAX_SIZE: u64 = 100 * 1024 * 1024;
