use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = claimgraph::cli::Args::parse();
    ExitCode::from(claimgraph::cli::run(args))
}
