//! What the command-line tests share: running the binary, temporary files, output as text.
// Each test crate uses a different part of this module.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// Runs claimgraph with `args`, `stdin` written to its standard input.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("claimgraph runs");
    let mut input = child.stdin.take().expect("stdin");
    // A command that reads files, or refuses its input early (--max-size), may exit before the
    // write ends; that is its business.
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().expect("claimgraph finishes")
}

/// A file with `bytes` in a temporary directory of this test process, named after `suite`.
pub fn temp_file(suite: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimgraph-{suite}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp file");
    path
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}
