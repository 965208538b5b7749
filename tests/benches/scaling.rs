//! Linear scaling of every entry point: the same content at 1×, 10× and 100×. Divan prints the
//! time and the throughput of each size; BENCHMARKS.md records the ratios (≤ 11× time for 10×
//! input is the bar).
//!
//! Run: `cargo bench -p kehoach-tests --bench scaling`.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, missing_docs)] // bench code

use divan::{Bencher, black_box, counter::BytesCount};
use kehoach::agency::{Registry, split_agencies};
use kehoach::text::Normalized;
use kehoach::{LineIndex, Locator, SEED_PLAN, parse_timeframe};
use kehoach_tests::adversarial as adv;

fn main() {
    divan::main();
}

const SCALES: [usize; 3] = [1, 10, 100];

/// The seed's lead-agency and timeframe values, as one list / one text each.
fn seed_values(label: &str) -> Vec<String> {
    SEED_PLAN
        .lines()
        .filter_map(|l| l.strip_prefix(label))
        .map(|v| v.trim().trim_end_matches('.').to_string())
        .collect()
}

/// The seed repeated n times as one document (31 KB per copy).
#[divan::bench(args = SCALES)]
fn parse(bencher: Bencher, n: usize) {
    let text = SEED_PLAN.repeat(n);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| kehoach::parse(black_box(&text)));
}

/// Normalization of the seed repeated n times.
#[divan::bench(args = SCALES)]
fn normalize(bencher: Bencher, n: usize) {
    let text = SEED_PLAN.repeat(n);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| Normalized::new(black_box(&text)));
}

/// One agency list made of the seed's 44 lead values, repeated n times (one long line).
#[divan::bench(args = SCALES)]
fn agency_split(bencher: Bencher, n: usize) {
    let one = seed_values("- Cơ quan chủ trì:").join("; ");
    let text = vec![one; n].join("; ");
    let idx = LineIndex::new(&text);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| split_agencies(black_box(&text), &Locator::new(&idx), Registry::embedded()));
}

/// One timeframe text made of the seed's 44 timeframe values, repeated n times.
#[divan::bench(args = SCALES)]
fn timeframe(bencher: Bencher, n: usize) {
    let one = seed_values("- Thời gian thực hiện:").join(". ");
    let text = vec![one; n].join(". ");
    let idx = LineIndex::new(&text);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| parse_timeframe(black_box(&text), &Locator::new(&idx)));
}

/// Adversarial shapes at 100 KB and 1 MB (10×).
mod adversarial {
    use super::*;

    fn run(bencher: Bencher, text: String) {
        bencher
            .counter(BytesCount::of_str(&text))
            .bench(|| kehoach::parse(black_box(&text)));
    }

    #[divan::bench(args = [1, 10])]
    fn a_lines(bencher: Bencher, n: usize) {
        run(bencher, adv::a_lines(100_000 * n));
    }

    #[divan::bench(args = [1, 10])]
    fn nested_numbering(bencher: Bencher, n: usize) {
        run(bencher, adv::nested_numbering(10_000 * n));
    }

    #[divan::bench(args = [1, 10])]
    fn long_line(bencher: Bencher, n: usize) {
        run(bencher, adv::long_line(100_000 * n));
    }

    #[divan::bench(args = [1, 10])]
    fn agency_line(bencher: Bencher, n: usize) {
        run(bencher, adv::long_agency_line(1_000 * n));
    }

    #[divan::bench(args = [1, 10])]
    fn citation_line(bencher: Bencher, n: usize) {
        run(bencher, adv::long_citation_line(1_000 * n));
    }

    #[divan::bench(args = [1, 10])]
    fn huge_year(bencher: Bencher, n: usize) {
        run(bencher, adv::huge_year(10_000 * n));
    }

    #[divan::bench(args = [1, 10])]
    fn lone_marks(bencher: Bencher, n: usize) {
        run(bencher, adv::lone_marks(10_000 * n));
    }

    /// 2 MB and 20 MB of the seed repeated.
    #[divan::bench(args = [1, 10], sample_count = 5, sample_size = 1)]
    fn big_input(bencher: Bencher, n: usize) {
        run(bencher, adv::seed_repeated(2_000_000 * n));
    }
}
