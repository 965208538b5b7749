//! Our side of `scripts/peer-bench`: the same work the peers do, timed in-process.
//!
//! ```sh
//! cargo run --release -p kehoach-examples --example peer_ours -- [N] [TIMEFRAMES_FILE]
//! ```
//!
//! Prints one JSON object: µs per seed parse (N parses of the 31 KB seed plan) and µs per
//! timeframe (the seed's timeframe values, one per line of TIMEFRAMES_FILE, N rounds), each the
//! best of 5 runs.

use kehoach::{LineIndex, Locator, SEED_PLAN, parse_timeframe};
use std::time::Instant;

/// Best of 5 runs of `f` done `n` times: microseconds per call.
fn best_us(n: usize, mut f: impl FnMut()) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        for _ in 0..n {
            f();
        }
        best = best.min(t.elapsed().as_secs_f64() * 1e6 / n as f64);
    }
    best
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(200);
    let timeframes: Vec<String> = match args.next() {
        Some(path) => std::fs::read_to_string(path)
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect(),
        None => Vec::new(),
    };

    let tasks = kehoach::parse(SEED_PLAN).plan.tasks().len();
    let parse_us = best_us(n, || {
        std::hint::black_box(kehoach::parse(std::hint::black_box(SEED_PLAN)));
    });

    let indexes: Vec<LineIndex<'_>> = timeframes.iter().map(|t| LineIndex::new(t)).collect();
    let tf_round_us = best_us(n, || {
        for (t, idx) in timeframes.iter().zip(&indexes) {
            std::hint::black_box(parse_timeframe(std::hint::black_box(t), &Locator::new(idx)));
        }
    });
    let per_tf = tf_round_us / timeframes.len().max(1) as f64;

    println!(
        "{{\"n\": {n}, \"seedBytes\": {}, \"tasks\": {tasks}, \"parseUs\": {parse_us:.2}, \"timeframes\": {}, \"timeframeUs\": {per_tf:.3}}}",
        SEED_PLAN.len(),
        timeframes.len()
    );
}
