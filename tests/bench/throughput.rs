//! End-to-end throughput: a JSONL stream in, JSON reports out, through the release binary.
//!
//! `cargo bench --bench throughput` repeats PolNeAR train (`../shared/corpus/polnear/train.jsonl`)
//! to at least 40 MB, then times `claimgraph check --jsonl FILE --format json` with one and two
//! threads and prints medians, MB/s and peak RSS. `THROUGHPUT_MB` sets the stream size and
//! `THROUGHPUT_RUNS` the number of runs (default 5). Figures: docs/performance.md.

use std::io::{BufRead, BufWriter, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/polnear/train.jsonl");
    if !corpus.is_file() {
        eprintln!("skipped: {} is absent", corpus.display());
        return;
    }
    let megabytes: u64 = env_or("THROUGHPUT_MB", 40);
    let runs: usize = env_or("THROUGHPUT_RUNS", 5);
    let stream = std::env::temp_dir().join(format!("claimgraph-throughput-{megabytes}mb.jsonl"));
    let bytes = repeat_to(&corpus, &stream, megabytes * 1_000_000);
    println!(
        "stream: {} ({:.1} MB of JSONL), {runs} runs each",
        stream.display(),
        bytes as f64 / 1e6
    );
    let mut single = 0.0;
    for jobs in [1, 2] {
        let mut times = Vec::new();
        let mut cpu_times = Vec::new();
        let mut peak_kb = 0;
        for _ in 0..runs {
            let (seconds, cpu, kb) = run(&stream, jobs);
            times.push(seconds);
            cpu_times.push(cpu);
            peak_kb = peak_kb.max(kb);
        }
        times.sort_by(f64::total_cmp);
        cpu_times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        let cpu = cpu_times[cpu_times.len() / 2];
        if jobs == 1 {
            single = median;
        }
        println!(
            "--jobs {jobs}: median {median:.2} s ({:.1} MB/s), CPU {cpu:.2} s ({:.1} MB per CPU-second), \
             runs {:?}, peak RSS {} MB, speed-up {:.2}x",
            bytes as f64 / 1e6 / median,
            bytes as f64 / 1e6 / cpu,
            times.iter().map(|t| format!("{t:.2}")).collect::<Vec<_>>(),
            peak_kb / 1024,
            single / median
        );
    }
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Writes the corpus's lines again and again, each with a fresh id, until `target` bytes.
fn repeat_to(corpus: &Path, stream: &Path, target: u64) -> u64 {
    if let Ok(meta) = std::fs::metadata(stream)
        && meta.len() >= target
    {
        return meta.len();
    }
    let lines: Vec<serde_json::Value> =
        std::io::BufReader::new(std::fs::File::open(corpus).unwrap())
            .lines()
            .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
            .collect();
    let mut out = BufWriter::new(std::fs::File::create(stream).unwrap());
    let mut written = 0;
    for round in 0.. {
        for line in &lines {
            let document = serde_json::json!({
                "id": format!("{}#{round}", line["id"].as_str().unwrap_or_default()),
                "text": line["text"],
            });
            let text = document.to_string() + "\n";
            out.write_all(text.as_bytes()).unwrap();
            written += text.len() as u64;
        }
        if written >= target {
            break;
        }
    }
    out.flush().unwrap();
    written
}

/// Wall time, CPU time (user + system) and peak RSS in KB of one run; the last two come from
/// GNU time and are 0 without it.
fn run(stream: &Path, jobs: usize) -> (f64, f64, u64) {
    let args = [
        "check",
        "--jsonl",
        stream.to_str().unwrap(),
        "--format",
        "json",
        "--fail-on",
        "never",
        "--jobs",
        &jobs.to_string(),
    ];
    let binary = env!("CARGO_BIN_EXE_claimgraph");
    let gnu_time = Path::new("/usr/bin/time").is_file();
    let mut command = if gnu_time {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%U %S %M", binary]);
        c
    } else {
        Command::new(binary)
    };
    let start = Instant::now();
    let out = command
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("claimgraph runs");
    let seconds = start.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let figures: Vec<f64> = stderr
        .lines()
        .last()
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    match figures[..] {
        [user, system, kb] => (seconds, user + system, kb as u64),
        _ => (seconds, 0.0, 0),
    }
}
