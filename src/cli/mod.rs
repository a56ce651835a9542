//! The command line: parsed flags are resolved into settings, then the pipeline runs on every
//! document and a reporter prints each analysis.

mod args;
mod batch;
pub mod config;
mod input;
mod json_line;
pub mod test;

pub use args::{
    Args, CheckArgs, ColorChoice, Command, EvalArgs, ExtractArgs, FailOn, ReadingArgs, RulesArgs,
    StatsArgs, TestArgs,
};
pub use input::{
    Input, InputError, JsonlLines, LossyWarning, Markup, Pending, ReadSettings, expand, read_text,
};

use crate::grammar::Grammar;
use crate::report::{self, Format, human};
use crate::rules::Policy;
use config::{Config, Resolver};
use miette::Diagnostic;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::Mutex;

/// Exit codes: 0 clean, 1 findings at or above `--fail-on`, 2 an input or usage error.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// Runs the command line; returns the process exit code.
pub fn run(args: Args) -> u8 {
    match args.command {
        Command::Check(check) => run_check(check),
        Command::Eval(eval) => run_eval(eval),
        Command::Rules(rules) => run_rules(rules),
        Command::Test(test) => run_test(test),
        Command::Extract(extract) => run_extract(extract),
        Command::Stats(stats) => run_stats(stats),
        Command::Explain { rule } => match crate::rules::find(&rule) {
            Some(r) => {
                print!("{}", crate::rules::page(r));
                0
            }
            None => {
                let known: Vec<&str> = crate::rules::RULES.iter().map(|r| r.id()).collect();
                eprintln!(
                    "claimgraph explain: no rule named `{rule}`; the rules are: {}",
                    known.join(", ")
                );
                EXIT_ERROR
            }
        },
    }
}

fn run_rules(args: RulesArgs) -> u8 {
    let path = args.config.or_else(|| config::find_config(Path::new("-")));
    let policy = match path.as_deref().map(Config::load).transpose() {
        Ok(config) => config.unwrap_or_default().policy,
        Err(e) => {
            report_error(*e);
            return EXIT_ERROR;
        }
    };
    for rule in crate::rules::RULES {
        let severity = policy.severity(*rule).map_or("off", |s| s.as_str());
        println!("{:<28} {:<8} {}", rule.id(), severity, rule.summary());
    }
    0
}

fn run_test(args: TestArgs) -> u8 {
    let mut resolver = Resolver::new(args.config.clone(), args.grammar.clone());
    let mut roots = args.paths.clone();
    roots.extend(args.snapshot.clone());
    if roots.is_empty() {
        eprintln!("claimgraph test: give fixture articles or directories, or --snapshot DIR");
        return EXIT_ERROR;
    }
    let mut errors = 0;
    let mut failures = 0;
    let mut checked = 0;
    let mut articles = Vec::new();
    for root in &roots {
        match test::articles(root) {
            Ok(found) => articles.extend(
                found
                    .into_iter()
                    .map(|a| (a, Some(root) == args.snapshot.as_ref())),
            ),
            Err(source) => {
                errors += 1;
                report_error(InputError::Unreadable {
                    path: root.display().to_string(),
                    source,
                });
            }
        }
    }
    for (path, snapshot) in articles {
        // Fixtures are read as they are written, comments and all: their expectations live there.
        let input = match Pending::File(path.clone()).read(&ReadSettings::plain()) {
            Ok(i) => i,
            Err(e) => {
                errors += 1;
                report_error(e);
                continue;
            }
        };
        let settings = match resolver.settings(&path) {
            Ok(s) => s,
            Err(e) => {
                errors += 1;
                eprintln!("{:?}", miette::Report::new_boxed(e));
                continue;
            }
        };
        let prepared = crate::text::prepare(&input.text);
        let analysis =
            crate::analyze_prepared(&input.id, &prepared, &settings.grammar, &settings.policy);
        if snapshot {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let rendered = report::snapshot::render(&analysis, &name);
            let snap = test::snapshot_path(&path);
            checked += 1;
            if args.update {
                if let Err(source) = std::fs::write(&snap, &rendered) {
                    errors += 1;
                    report_error(InputError::Unreadable {
                        path: snap.display().to_string(),
                        source,
                    });
                }
                continue;
            }
            let Ok(stored) = std::fs::read_to_string(&snap) else {
                failures += 1;
                println!(
                    "FAIL {}: no snapshot {} (run with --update to write it)",
                    input.id,
                    snap.display()
                );
                continue;
            };
            if stored != rendered {
                failures += 1;
                println!(
                    "FAIL {}: report differs from {} (run with --update to accept)",
                    input.id,
                    snap.display()
                );
                print!("{}", test::diff(&stored, &rendered));
            }
        } else {
            let outcome = test::check_expectations(&analysis);
            checked += outcome.checked;
            failures += outcome.failures.len();
            for failure in &outcome.failures {
                print!("{}", test::describe_failure(&input.id, failure));
            }
        }
    }
    let what = if args.update { "written" } else { "checked" };
    println!("{checked} expectation(s) and snapshot(s) {what}, {failures} failed");
    if errors > 0 {
        EXIT_ERROR
    } else if failures > 0 {
        EXIT_FINDINGS
    } else {
        0
    }
}

fn load_grammar(dir: Option<&std::path::Path>) -> Option<Grammar> {
    match dir {
        Some(dir) => match Grammar::with_user_dir(dir) {
            Ok(g) => Some(g),
            Err(e) => {
                report_error(*e);
                None
            }
        },
        None => Some(Grammar::builtin()),
    }
}

fn run_eval(args: EvalArgs) -> u8 {
    let Some(grammar) = load_grammar(args.grammar.as_deref()) else {
        return EXIT_ERROR;
    };
    let policy = Policy::default();
    let text = match std::fs::read_to_string(&args.gold) {
        Ok(t) => t,
        Err(source) => {
            report_error(InputError::Unreadable {
                path: args.gold.display().to_string(),
                source,
            });
            return EXIT_ERROR;
        }
    };
    let mut scores = crate::eval::Scores::default();
    let mut texts = std::collections::HashMap::new();
    for (index, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let gold: crate::eval::GoldDocument = match serde_json::from_str(line) {
            Ok(g) => g,
            Err(e) => {
                report_error(InputError::BadJsonLine {
                    path: args.gold.display().to_string(),
                    line: index + 1,
                    message: e.to_string(),
                });
                return EXIT_ERROR;
            }
        };
        let analysis = crate::analyze(&gold.id, &gold.text, &grammar, &policy);
        let gold_spans: Vec<_> = gold.attributions.iter().map(|a| a.spans()).collect();
        scores.add(&gold.id, &gold_spans, &crate::eval::predicted(&analysis));
        if args.errors > 0 {
            texts.insert(gold.id.clone(), gold.text.clone());
        }
    }
    print!("{}", scores.render());
    for error in scores.errors.iter().take(args.errors) {
        let chars: Vec<char> = texts[&error.document].chars().collect();
        let show = |s: Option<(usize, usize)>| {
            s.map_or("null".to_string(), |(a, b)| {
                format!("{:?}", chars[a..b].iter().collect::<String>())
            })
        };
        let s = &error.spans;
        eprintln!(
            "{}: {}: source {} | cue {} | content {}",
            if error.missed {
                "missed"
            } else {
                "false positive"
            },
            error.document,
            show(s.source),
            show(s.cue),
            show(s.content)
        );
    }
    0
}

fn report_error(error: impl miette::Diagnostic + Send + Sync + 'static) {
    eprintln!("{:?}", miette::Report::new(error));
}

/// The documents named by paths and `--jsonl`, in order, and how many when that is known.
fn documents(
    paths: &[std::path::PathBuf],
    jsonl: Option<&std::path::Path>,
    reading: &ReadingArgs,
) -> (Box<dyn Iterator<Item = Pending> + Send>, Option<usize>) {
    let files = expand(paths, &reading.include, &reading.exclude);
    let count = files.len();
    match jsonl {
        None => (Box::new(files.into_iter()), Some(count)),
        Some(path) => {
            let lines: Box<dyn Iterator<Item = Pending> + Send> =
                match JsonlLines::open(path, reading.max_size) {
                    Ok(lines) => Box::new(lines),
                    Err(e) => Box::new(std::iter::once(Pending::Failed(e))),
                };
            (Box::new(files.into_iter().chain(lines)), None)
        }
    }
}

fn read_settings(reading: &ReadingArgs) -> ReadSettings {
    ReadSettings {
        format: reading.input_format,
        max_size: reading.max_size,
        lossy: reading.lossy,
    }
}

/// Counts what went in and what came out, so nothing is lost silently.
#[derive(Debug, Default)]
struct Tally {
    reported: usize,
    failed: usize,
}

impl Tally {
    /// The closing line on standard error, for batches and whenever something failed.
    fn print(&self) {
        let total = self.reported + self.failed;
        if total > 1 || self.failed > 0 {
            eprintln!(
                "claimgraph: {total} documents: {} reported, {} failed",
                self.reported, self.failed
            );
        }
    }
}

/// An input error as one JSON line, for `--error-records`.
fn error_record(error: &InputError) -> String {
    let code = error
        .code()
        .map(|c| c.to_string())
        .unwrap_or_else(|| "claimgraph::input".into());
    serde_json::json!({
        "version": report::json::FORMAT_VERSION,
        "id": error.subject(),
        "error": { "code": code, "message": error.to_string() },
    })
    .to_string()
}

/// `  page.html:12:5: unsourced-claim` for each finding, so a reader of extracted text can
/// find the place in the file they edit.
fn source_locations(
    input: &Input,
    analysis: &crate::Analysis,
    min: crate::rules::Severity,
) -> String {
    let Some(markup) = &input.markup else {
        return String::new();
    };
    let mut out = String::new();
    for finding in analysis.findings.iter().filter(|f| f.severity >= min) {
        let mut at = markup
            .map
            .to_source(finding.span)
            .start
            .min(markup.source.len());
        while !markup.source.is_char_boundary(at) {
            at -= 1;
        }
        let before = &markup.source[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        out.push_str(&format!(
            "  {}:{line}:{column}: {} in the source\n",
            input.id, finding.rule
        ));
    }
    out
}

fn run_check(args: CheckArgs) -> u8 {
    // Policy files are looked up per document, from the worker threads.
    let resolver = Mutex::new(Resolver::new(args.config.clone(), args.grammar.clone()));
    let (pending, count) = documents(&args.paths, args.jsonl.as_deref(), &args.reading);
    if count == Some(0) {
        eprintln!(
            "claimgraph check: no input; give a file, a directory, `-` for standard input, or --jsonl FILE"
        );
        return EXIT_ERROR;
    }
    let one_document = count == Some(1);
    if args.format == Format::Html && !one_document {
        eprintln!(
            "claimgraph check: --format html makes one page for one article; check each article on its own"
        );
        return EXIT_ERROR;
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let style = human::Style { color, width: 100 };
    let threshold = args.fail_on.threshold();
    let error_records = args.reading.error_records && args.format == Format::Json;
    let mut tally = Tally::default();
    let mut failing = false;
    let mut closed = false;
    // Small renderings (a short human report, an error record) are gathered in the buffer; a
    // rendering at least as long as the buffer (most JSON reports: some tens of KB) goes to the
    // output as it is, not copied into the buffer first.
    const OUT_BUFFER: usize = 8 * 1024;
    let mut out: Box<dyn Write + Send> = match &args.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Box::new(std::io::BufWriter::with_capacity(OUT_BUFFER, file)),
            Err(e) => {
                eprintln!("claimgraph check: cannot write {}: {e}", path.display());
                return EXIT_ERROR;
            }
        },
        None => Box::new(std::io::BufWriter::with_capacity(
            OUT_BUFFER,
            std::io::stdout(),
        )),
    };
    let analyse = |input: Result<Input, InputError>| {
        let input = input?;
        let settings = resolver
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .settings(&input.origin)
            .map_err(|e| InputError::Policy {
                path: input.origin.display().to_string(),
                report: format!("{:?}", miette::Report::new_boxed(e)),
            })?;
        let prepared = crate::text::prepare(&input.text);
        let analysis =
            match crate::analyze_guarded(&input.id, &prepared, &settings.grammar, &settings.policy)
            {
                Ok(analysis) => analysis,
                Err(panic) => {
                    return Err(InputError::Internal {
                        path: input.id.clone(),
                        report: format!("{:?}", miette::Report::new(panic)),
                    });
                }
            };
        if let Some(warning) = &input.lossy {
            eprintln!("{:?}", miette::Report::new(warning.clone()));
        }
        let failing = threshold.is_some_and(|t| analysis.findings.iter().any(|f| f.severity >= t));
        let map = input.markup.as_ref().map(|m| &m.map);
        let rendered = match args.format {
            Format::Human => {
                human::render(&analysis, style, args.show)
                    + &source_locations(&input, &analysis, args.show)
            }
            Format::Json if one_document => {
                report::json::render_pretty_mapped(&analysis, map) + "\n"
            }
            Format::Json => report::json::render_line_mapped(&analysis, map) + "\n",
            Format::Dot => report::dot::render(&analysis),
            Format::Html => report::html::render(&analysis),
            Format::Markdown => report::markdown::render(&analysis),
            Format::Sarif if one_document => report::sarif::render_pretty(&analysis) + "\n",
            Format::Sarif => report::sarif::render_line(&analysis) + "\n",
        };
        Ok((rendered, failing))
    };
    let emit = |result: Result<(String, bool), InputError>| {
        let rendered = match result {
            Ok((rendered, failed_check)) => {
                tally.reported += 1;
                failing |= failed_check;
                rendered
            }
            Err(e) => {
                let record = error_records.then(|| error_record(&e) + "\n");
                if error_records {
                    tally.reported += 1;
                } else {
                    tally.failed += 1;
                }
                let _ = out.flush();
                report_error(e);
                match record {
                    Some(record) => record,
                    None => return true,
                }
            }
        };
        // A closed pipe or a full disk: nothing more to say.
        closed = out.write_all(rendered.as_bytes()).is_err();
        !closed
    };
    let settings = read_settings(&args.reading);
    if let Err(e) = batch::run_in_order(pending, count, &settings, args.reading.jobs, analyse, emit)
    {
        eprintln!("claimgraph check: cannot start worker threads: {e}");
        return EXIT_ERROR;
    }
    if closed || out.flush().is_err() {
        return EXIT_ERROR;
    }
    tally.print();
    if tally.failed > 0 {
        EXIT_ERROR
    } else if failing {
        EXIT_FINDINGS
    } else {
        0
    }
}

fn run_extract(args: ExtractArgs) -> u8 {
    let pending = expand(std::slice::from_ref(&args.path), &[], &[]);
    let settings = ReadSettings {
        format: args.input_format,
        ..ReadSettings::plain()
    };
    let mut status = 0;
    for document in pending {
        match document.read(&settings) {
            Ok(input) => print!("{}", input.text),
            Err(e) => {
                report_error(e);
                status = EXIT_ERROR;
            }
        }
    }
    status
}

fn run_stats(args: StatsArgs) -> u8 {
    let Some(grammar) = load_grammar(args.grammar.as_deref()) else {
        return EXIT_ERROR;
    };
    let policy = Policy::default();
    let (pending, count) = documents(&args.paths, args.jsonl.as_deref(), &args.reading);
    if count == Some(0) {
        eprintln!("claimgraph stats: no input; give files, directories, `-` or --jsonl FILE");
        return EXIT_ERROR;
    }
    let mut corpus = report::stats::CorpusStats::default();
    let mut tally = Tally::default();
    let analyse = |input: Result<Input, InputError>| {
        let input = input?;
        let analysis = crate::analyze(&input.id, &input.text, &grammar, &policy);
        Ok(report::stats::DocumentStats::of(&analysis))
    };
    let emit = |result: Result<report::stats::DocumentStats, InputError>| {
        match result {
            Ok(document) => {
                tally.reported += 1;
                corpus.add(document);
            }
            Err(e) => {
                tally.failed += 1;
                report_error(e);
            }
        }
        true
    };
    let settings = read_settings(&args.reading);
    if let Err(e) = batch::run_in_order(pending, count, &settings, args.reading.jobs, analyse, emit)
    {
        eprintln!("claimgraph stats: cannot start worker threads: {e}");
        return EXIT_ERROR;
    }
    print!("{}", corpus.render(args.format, args.top));
    tally.print();
    if tally.failed > 0 { EXIT_ERROR } else { 0 }
}
