//! Parsing benchmarks: the seed plan, and the seed repeated 1×, 10×, 100× (linear scaling).
//!
//! Run: `cargo bench -p kehoach --bench parse`.

#![allow(clippy::unwrap_used, missing_docs)] // bench code

use divan::{Bencher, black_box, counter::BytesCount};

fn main() {
    divan::main();
}

/// One parse of the seed plan (31 KB).
#[divan::bench]
fn parse_seed(bencher: Bencher) {
    bencher
        .counter(BytesCount::of_str(kehoach::SEED_PLAN))
        .bench(|| kehoach::parse(black_box(kehoach::SEED_PLAN)));
}

/// Normalization alone (NFC, whitespace, offset map).
#[divan::bench]
fn normalize_seed(bencher: Bencher) {
    bencher
        .counter(BytesCount::of_str(kehoach::SEED_PLAN))
        .bench(|| kehoach::text::Normalized::new(black_box(kehoach::SEED_PLAN)));
}

/// Normalization of text already normalized (the seed's normalized form): detected by the quick
/// scan and borrowed, not copied.
#[divan::bench]
fn normalize_clean_seed(bencher: Bencher) {
    let clean = kehoach::text::Normalized::new(kehoach::SEED_PLAN)
        .text()
        .to_string();
    bencher
        .counter(BytesCount::of_str(&clean))
        .bench(|| kehoach::text::Normalized::new(black_box(&clean)).is_identity());
}

/// A bare line scan over the same bytes (baseline: the floor for any line-based parser).
#[divan::bench]
fn line_scan_baseline(bencher: Bencher) {
    bencher
        .counter(BytesCount::of_str(kehoach::SEED_PLAN))
        .bench(|| {
            black_box(kehoach::SEED_PLAN)
                .lines()
                .filter(|l| l.starts_with("- "))
                .count()
        });
}

/// The seed's body repeated n times as one document.
#[divan::bench(args = [1, 10, 100])]
fn parse_scaled(bencher: Bencher, n: usize) {
    let body = kehoach::SEED_PLAN;
    let text = body.repeat(n);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| kehoach::parse(black_box(&text)));
}
