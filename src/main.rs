use clap::Parser;
use std::process::ExitCode;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = claimgraph::cli::Args::parse();
    ExitCode::from(claimgraph::cli::run(args))
}
