//! The command line: parsed flags are resolved into settings, then the pipeline runs on every
//! document and a reporter prints each analysis.

mod args;
pub mod config;
mod input;
pub mod test;

pub use args::{Args, CheckArgs, ColorChoice, Command, EvalArgs, FailOn, RulesArgs, TestArgs};
pub use input::{
    Input, InputError, LossyWarning, ReadOptions, check_size, read_jsonl, read_text, read_text_with,
};

use crate::grammar::Grammar;
use crate::report::{self, Format, human};
use crate::rules::Policy;
use config::{Config, Resolver};
use std::io::{IsTerminal, Write};
use std::path::Path;

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
        let input = match read_text(&path) {
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

fn run_check(args: CheckArgs) -> u8 {
    let mut resolver = Resolver::new(args.config.clone(), args.grammar.clone());
    // Each input with the file its policy is looked up from: its own, or the JSON Lines file.
    let options = ReadOptions {
        lossy: args.lossy,
        max_bytes: Some(args.max_bytes),
    };
    let mut inputs: Vec<(&Path, Result<Input, InputError>)> = args
        .paths
        .iter()
        .map(|p| {
            let input = read_text_with(p, options).map(|(input, warning)| {
                if let Some(warning) = warning {
                    report_error(warning);
                }
                input
            });
            (p.as_path(), input)
        })
        .collect();
    if let Some(jsonl) = &args.jsonl {
        inputs.extend(read_jsonl(jsonl).into_iter().map(|i| {
            let i = i.and_then(|input| {
                let size = input.text.len() as u64;
                check_size(Path::new(&input.id), size, options.max_bytes).map(|()| input)
            });
            (jsonl.as_path(), i)
        }));
    }
    if inputs.is_empty() {
        eprintln!(
            "claimgraph check: no input; give a file, `-` for standard input, or --jsonl FILE"
        );
        return EXIT_ERROR;
    }
    let one_document = args.jsonl.is_none() && inputs.len() == 1;
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
    let mut errors = 0;
    let mut failing = false;
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Box::new(std::io::BufWriter::new(file)),
            Err(e) => {
                eprintln!("claimgraph check: cannot write {}: {e}", path.display());
                return EXIT_ERROR;
            }
        },
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    for (origin, input) in inputs {
        let input = match input {
            Ok(i) => i,
            Err(e) => {
                errors += 1;
                let _ = out.flush();
                report_error(e);
                continue;
            }
        };
        let settings = match resolver.settings(origin) {
            Ok(s) => s,
            Err(e) => {
                let _ = out.flush();
                eprintln!("{:?}", miette::Report::new_boxed(e));
                return EXIT_ERROR;
            }
        };
        let prepared = crate::text::prepare(&input.text);
        let analysis =
            match crate::analyze_guarded(&input.id, &prepared, &settings.grammar, &settings.policy)
            {
                Ok(analysis) => analysis,
                Err(panic) => {
                    errors += 1;
                    let _ = out.flush();
                    report_error(panic);
                    continue;
                }
            };
        failing |= threshold.is_some_and(|t| analysis.findings.iter().any(|f| f.severity >= t));
        let rendered = match args.format {
            Format::Human => human::render(&analysis, style, args.show),
            Format::Json if one_document => report::json::render_pretty(&analysis) + "\n",
            Format::Json => report::json::render_line(&analysis) + "\n",
            Format::Dot => report::dot::render(&analysis),
            Format::Html => report::html::render(&analysis),
            Format::Markdown => report::markdown::render(&analysis),
            Format::Sarif if one_document => report::sarif::render_pretty(&analysis) + "\n",
            Format::Sarif => report::sarif::render_line(&analysis) + "\n",
        };
        if out.write_all(rendered.as_bytes()).is_err() {
            // The reader went away (a closed pipe) or the disk is full: nothing more to say.
            return EXIT_ERROR;
        }
    }
    if out.flush().is_err() {
        return EXIT_ERROR;
    }
    if errors > 0 {
        EXIT_ERROR
    } else if failing {
        EXIT_FINDINGS
    } else {
        0
    }
}
