//! The policy file parser and the directive (suppression) parser.
#![no_main]

use claimgraph::cli::config::Config;
use claimgraph::text::prepare;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Config::parse(std::path::Path::new("claimgraph.toml"), input);
    let prepared = prepare(input);
    assert_eq!(prepared.text.len(), input.len(), "directives keep every offset");
});
