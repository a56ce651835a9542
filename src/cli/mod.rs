//! The command line: parsed flags are resolved into settings, then the pipeline runs on every
//! document and a reporter prints each analysis.

mod args;
mod input;

pub use args::{Args, CheckArgs, ColorChoice, Command, EvalArgs, FailOn};
pub use input::{Input, InputError, read_jsonl, read_text};

use crate::grammar::Grammar;
use crate::report::{self, Format, human};
use crate::rules::Policy;
use std::io::{IsTerminal, Write};

/// Exit codes: 0 clean, 1 findings at or above `--fail-on`, 2 an input or usage error.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// Runs the command line; returns the process exit code.
pub fn run(args: Args) -> u8 {
    match args.command {
        Command::Check(check) => run_check(check),
        Command::Eval(eval) => run_eval(eval),
        Command::Rules => {
            for rule in crate::rules::RULES {
                println!(
                    "{:<24} {:<8} {}",
                    rule.id(),
                    rule.default_severity().as_str(),
                    rule.summary()
                );
            }
            0
        }
        Command::Explain { rule } => match crate::rules::find(&rule) {
            Some(r) => {
                println!(
                    "# {} ({})\n\n{}",
                    r.id(),
                    r.default_severity().as_str(),
                    r.explanation().replace("\n ", "\n").trim_start()
                );
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
    let Some(grammar) = load_grammar(args.grammar.as_deref()) else {
        return EXIT_ERROR;
    };
    let policy = Policy::default();
    let mut inputs: Vec<Result<Input, InputError>> =
        args.paths.iter().map(|p| read_text(p)).collect();
    if let Some(jsonl) = &args.jsonl {
        inputs.extend(read_jsonl(jsonl));
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
    for input in inputs {
        let input = match input {
            Ok(i) => i,
            Err(e) => {
                errors += 1;
                let _ = out.flush();
                report_error(e);
                continue;
            }
        };
        let analysis = crate::analyze(&input.id, &input.text, &grammar, &policy);
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
