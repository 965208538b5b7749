//! Linear scaling of every entry point: the same content at 1×, 10× and 100×. Divan prints the
//! time and the throughput of each size; BENCHMARKS.md records the ratios (≤ 11× time for 10×
//! input is the bar).
//!
//! Run: `cargo bench -p kehoach-tests --bench scaling`.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, missing_docs)] // bench code

use divan::{Bencher, black_box, counter::BytesCount};
use kehoach::agency::{Registry, split_agencies};
use kehoach::text::Normalized;
use kehoach::timeframe::TimeframeParser;
use kehoach::{LineIndex, Locator, SEED_PLAN};
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

/// One timeframe text made of the seed's 44 timeframe values, repeated n times: the grammar
/// itself, so without the length limits (by default a timeframe over 8 KiB is not read).
#[divan::bench(args = SCALES)]
fn timeframe(bencher: Bencher, n: usize) {
    let one = seed_values("- Thời gian thực hiện:").join(". ");
    let text = vec![one; n].join(". ");
    let idx = LineIndex::new(&text);
    let parser = TimeframeParser::new().limits(usize::MAX, usize::MAX);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| parser.parse(black_box(&text), &Locator::new(&idx)));
}

/// Adversarial shapes at 100 KB and 1 MB (10×).
/// The entry points that work on a whole plan, over the "long plan" (the seed's sections
/// repeated and renumbered; one amendment instruction per copy).
mod plan {
    use super::*;
    use kehoach::schedule::ScheduleOptions;
    use kehoach_tests::long_plan::{long_amendment, long_plan};

    fn as_of() -> kehoach::Date {
        kehoach::Date::from_ymd(2026, 11, 28).unwrap()
    }

    #[divan::bench(args = SCALES)]
    fn check(bencher: Bencher, n: usize) {
        let text = long_plan(n);
        let opts = kehoach::CheckOptions::default().with_as_of(as_of());
        bencher
            .counter(BytesCount::of_str(&text))
            .bench(|| kehoach::validate::check_text(black_box(&text), &opts));
    }

    /// Times `work` on the parsed long plan of scale `n` (parsing not timed).
    fn on_parsed<O>(bencher: Bencher, n: usize, work: impl Fn(&kehoach::Plan) -> O + Sync) {
        let text = long_plan(n);
        let plan = kehoach::parse(&text).plan;
        bencher
            .counter(BytesCount::of_str(&text))
            .bench(|| work(black_box(&plan)));
    }

    #[divan::bench(args = SCALES)]
    fn schedule(bencher: Bencher, n: usize) {
        let opts = ScheduleOptions::new(as_of());
        on_parsed(bencher, n, |plan| kehoach::schedule(plan, &opts));
    }

    #[divan::bench(args = SCALES)]
    fn amend(bencher: Bencher, n: usize) {
        let amendment = long_amendment(n);
        on_parsed(bencher, n, |plan| {
            kehoach::amend::amend_text(plan, &amendment)
        });
    }

    /// The amendment on a plan handed over (`amend_text_owned`): the copy is made before the
    /// clock starts, so this is the amendment's own work; `amend` above includes the copy
    /// that `amend_text(&plan, …)` makes to keep its input.
    #[divan::bench(args = SCALES)]
    fn amend_owned(bencher: Bencher, n: usize) {
        let text = long_plan(n);
        let plan = kehoach::parse(&text).plan;
        let amendment = long_amendment(n);
        bencher
            .counter(BytesCount::of_str(&text))
            .with_inputs(|| plan.clone())
            .bench_values(|p| kehoach::amend::amend_text_owned(p, &amendment));
    }

    #[divan::bench(args = SCALES)]
    fn export_ics(bencher: Bencher, n: usize) {
        let opts = ScheduleOptions::new(as_of());
        on_parsed(bencher, n, |plan| {
            kehoach::export::export(plan, "ics", &opts)
        });
    }
}

mod adversarial {
    use super::*;

    fn run(bencher: Bencher, text: String) {
        bencher
            .counter(BytesCount::of_str(&text))
            .bench(|| kehoach::parse(black_box(&text)));
    }

    /// Parses `text` with the unit limit lifted.
    fn run_unbounded(bencher: Bencher, text: String) {
        let parser = kehoach::document::Parser::new(kehoach::document::ParseOptions {
            max_units: usize::MAX,
            ..Default::default()
        });
        bencher
            .counter(BytesCount::of_str(&text))
            .bench(|| parser.parse(black_box(&text)));
    }

    #[divan::bench(args = [1, 10])]
    fn a_lines(bencher: Bencher, n: usize) {
        run(bencher, adv::a_lines(100_000 * n));
    }

    /// "a)" lines with the unit limit lifted: every line a unit (by default the 10× input,
    /// 333 333 lines, stops at 100 000 units and keeps the rest as one paragraph).
    #[divan::bench(args = [1, 10])]
    fn a_lines_unbounded(bencher: Bencher, n: usize) {
        run_unbounded(bencher, adv::a_lines(100_000 * n));
    }

    #[divan::bench(args = [1, 10])]
    fn nested_numbering(bencher: Bencher, n: usize) {
        run(bencher, adv::nested_numbering(10_000 * n));
    }

    /// The size, 10⁵ lines of nested-looking numbering, then 10⁶ (with the unit limit
    /// lifted: by default the 10⁶ lines stop at 100 000 units).
    #[divan::bench(args = [1, 10], sample_count = 20)]
    fn nested_numbering_unbounded(bencher: Bencher, n: usize) {
        run_unbounded(bencher, adv::nested_numbering(100_000 * n));
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

    /// An amendment of 200 and 2 000 (the most allowed) targets that are not in the long plan
    /// at 10×: each walked the whole plan before; now the second miss builds an index.
    #[divan::bench(args = [1, 10])]
    fn failing_targets(bencher: Bencher, n: usize) {
        let plan = kehoach::parse(&kehoach_tests::long_plan::long_plan(10)).plan;
        let src = format!(
            "Quảng Ngãi, ngày 01 tháng 3 năm 2021\n{}",
            "Bãi bỏ điểm y khoản 1 Mục II.\n".repeat(200 * n)
        );
        bencher
            .counter(BytesCount::of_str(&src))
            .with_inputs(|| plan.clone())
            .bench_values(|p| kehoach::amend::amend_text_owned(p, &src));
    }

    /// 2 MB and 20 MB of the seed repeated.
    #[divan::bench(args = [1, 10], sample_count = 5, sample_size = 1)]
    fn big_input(bencher: Bencher, n: usize) {
        run(bencher, adv::seed_repeated(2_000_000 * n));
    }
}
