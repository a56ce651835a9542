//! Many documents at once: read and analysed in parallel, a bounded chunk at a time, and
//! handed back in input order so the output is the same for any number of threads.

use super::input::{Input, InputError, Pending, ReadSettings};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;

/// Documents in flight at once: enough to keep every thread busy, few enough that memory does
/// not grow with the stream.
const CHUNK: usize = 256;

/// Runs `work` on every document of `pending` on `jobs` threads (0: one per core) and calls
/// `emit` with the results in input order; `emit` returns false to stop early.
///
/// While one chunk is analysed, the previous chunk's results are emitted and the next chunk is
/// read, so neither reading nor writing waits for the other.
pub fn run_in_order<T, W, E>(
    pending: impl Iterator<Item = Pending> + Send,
    total: Option<usize>,
    settings: &ReadSettings,
    jobs: usize,
    work: W,
    mut emit: E,
) -> Result<(), rayon::ThreadPoolBuildError>
where
    T: Send,
    W: Fn(Result<Input, InputError>) -> T + Sync,
    E: FnMut(T) -> bool + Send,
{
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?;
    let progress = progress_bar(total);
    let mut pending = pending;
    pool.install(|| {
        let mut chunk: Vec<Pending> = pending.by_ref().take(CHUNK).collect();
        let mut done: Vec<T> = Vec::new();
        let mut going = true;
        while going && !chunk.is_empty() {
            let (results, (next, still_going)) = rayon::join(
                || {
                    chunk
                        .into_par_iter()
                        // Each document its own piece of work: rayon otherwise runs runs of up
                        // to a quarter of the chunk without a split, and a thread that has
                        // finished its own waits at the chunk's end for the other's run.
                        .with_max_len(1)
                        .map(|p| work(p.read(settings)))
                        .collect::<Vec<T>>()
                },
                || {
                    let count = done.len() as u64;
                    let still_going = done.drain(..).all(&mut emit);
                    progress.inc(count);
                    let next: Vec<Pending> = pending.by_ref().take(CHUNK).collect();
                    (next, still_going)
                },
            );
            done = results;
            chunk = next;
            going = still_going;
        }
        if going {
            let count = done.len() as u64;
            let _ = done.into_iter().all(&mut emit);
            progress.inc(count);
        }
    });
    progress.finish_and_clear();
    Ok(())
}

/// A bar on standard error when it is a terminal; hidden otherwise so logs stay clean.
fn progress_bar(total: Option<usize>) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(n) => ProgressBar::new(n as u64).with_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} documents, {per_sec}, {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {pos} documents, {per_sec}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar
}
