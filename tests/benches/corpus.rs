//! The seed and a synthetic national corpus (10 MB of generated plans, `corpus_gen`): parse,
//! validate (check), schedule and amend, against a bare line scan over the same bytes.
//!
//! Run: `cargo bench -p kehoach-tests --bench corpus`.

#![allow(clippy::unwrap_used, missing_docs)] // bench code

use divan::{Bencher, black_box, counter::BytesCount};
use kehoach::schedule::ScheduleOptions;
use kehoach::{CheckOptions, Date, SEED_PLAN};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// 10 MB of generated plans (seed 2026).
fn corpus() -> &'static [String] {
    static C: OnceLock<Vec<String>> = OnceLock::new();
    C.get_or_init(|| kehoach_tests::corpus_gen::corpus_of_size(10_000_000, 2026))
}

fn corpus_bytes() -> usize {
    corpus().iter().map(String::len).sum()
}

fn as_of() -> Date {
    Date::from_ymd(2026, 11, 28).unwrap()
}

/// The floor: split into lines and count the dash lines, over the same bytes.
#[divan::bench]
fn line_scan_baseline_corpus(bencher: Bencher) {
    bencher.counter(BytesCount::new(corpus_bytes())).bench(|| {
        corpus()
            .iter()
            .map(|p| black_box(p).lines().filter(|l| l.starts_with("- ")).count())
            .sum::<usize>()
    });
}

/// Every plan of the corpus parsed.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn parse_corpus(bencher: Bencher) {
    bencher.counter(BytesCount::new(corpus_bytes())).bench(|| {
        corpus()
            .iter()
            .map(|p| kehoach::parse(black_box(p)).plan.body.len())
            .sum::<usize>()
    });
}

/// Every plan of the corpus parsed and checked (validation as of a date).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn check_corpus(bencher: Bencher) {
    let opts = CheckOptions::default().with_as_of(as_of());
    bencher.counter(BytesCount::new(corpus_bytes())).bench(|| {
        corpus()
            .iter()
            .map(|p| kehoach::check_text(black_box(p), &opts).diagnostics.len())
            .sum::<usize>()
    });
}

/// Every plan of the corpus scheduled (parsed once outside the timing).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn schedule_corpus(bencher: Bencher) {
    let plans: Vec<_> = corpus().iter().map(|p| kehoach::parse(p).plan).collect();
    let opts = ScheduleOptions::new(as_of());
    bencher.counter(BytesCount::new(corpus_bytes())).bench(|| {
        plans
            .iter()
            .map(|p| kehoach::schedule(black_box(p), &opts).tasks.len())
            .sum::<usize>()
    });
}

mod seed {
    use super::*;

    #[divan::bench]
    fn line_scan_baseline(bencher: Bencher) {
        bencher.counter(BytesCount::of_str(SEED_PLAN)).bench(|| {
            black_box(SEED_PLAN)
                .lines()
                .filter(|l| l.starts_with("- "))
                .count()
        });
    }

    #[divan::bench]
    fn parse(bencher: Bencher) {
        bencher
            .counter(BytesCount::of_str(SEED_PLAN))
            .bench(|| kehoach::parse(black_box(SEED_PLAN)));
    }

    #[divan::bench]
    fn check(bencher: Bencher) {
        let opts = CheckOptions::default().with_as_of(as_of());
        bencher
            .counter(BytesCount::of_str(SEED_PLAN))
            .bench(|| kehoach::check_text(black_box(SEED_PLAN), &opts));
    }

    #[divan::bench]
    fn schedule(bencher: Bencher) {
        let plan = kehoach::parse(SEED_PLAN).plan;
        let opts = ScheduleOptions::new(as_of());
        bencher.bench(|| kehoach::schedule(black_box(&plan), &opts));
    }

    /// The amendment of the module docs (text form), parsed and applied to the seed.
    #[divan::bench]
    fn amend_text(bencher: Bencher) {
        let plan = kehoach::parse(SEED_PLAN).plan;
        let text = "Bãi bỏ điểm b khoản 3 Mục II.\nSửa đổi thời gian thực hiện tại điểm c khoản 6 Mục II như sau: “Năm 2021 - 2027.”\nBổ sung điểm g vào sau điểm e khoản 8 Mục II như sau:\n“g) Xây dựng nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh.\n- Cơ quan chủ trì: Sở Thông tin và Truyền thông.\n- Thời gian thực hiện: Năm 2022.”";
        assert!(kehoach::amend::amend_text(&plan, text).applied);
        bencher.bench(|| kehoach::amend::amend_text(black_box(&plan), black_box(text)));
    }
}
