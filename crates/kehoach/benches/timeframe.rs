//! Timeframe parsing speed over the seed plan's 20 distinct timeframes (ns per expression).

use kehoach::{LineIndex, Locator, parse_timeframe};

fn main() {
    divan::main();
}

/// The seed's distinct "Thời gian thực hiện" values.
const SEED: &[&str] = &[
    "2021- 2030",
    "Năm 2020 - 2030.",
    "Năm 2020 và những năm tiếp theo.",
    "Năm 2021 - 2025.",
    "Năm 2021 - 2030.",
    "Năm 2021 và những năm tiếp theo.",
    "Năm 2021- 2025.",
    "Năm 2021.",
    "Năm 2022 - 2024: Xây dựng quy hoạch. Năm 2025 và những năm tiếp theo: Triển khai thực hiện.",
    "Năm 2022 - 2025.",
    "Năm 2022-2025.",
    "Năm 2025 - 2030.",
    "Năm 2025 - 2030: 80% trường THPT được tổ chức dạy thí điểm; 50% trường THCS được tổ chức dạy thí điểm. Năm 2030 - 2045: triển khai đại trà cho tất cả các trường THCS, THPT.",
    "Theo hướng dẫn của Bộ Thông tin và Truyền thông và theo thực tiễn.",
    "Thường xuyên hàng năm.",
    "Thường xuyên.",
    "Từ năm 2021 - 2025.",
    "Từ năm 2021 - 2030.",
    "năm 2021 -2030.",
    "2020 - 2030",
];

/// All 20 seed strings per iteration: divide the time by 20 for ns per expression.
#[divan::bench(counter = divan::counter::ItemsCount::new(SEED.len()))]
fn seed_timeframes(b: divan::Bencher) {
    let indexes: Vec<LineIndex> = SEED.iter().map(|s| LineIndex::new(s)).collect();
    b.bench(|| {
        for (s, idx) in SEED.iter().zip(&indexes) {
            divan::black_box(parse_timeframe(divan::black_box(s), &Locator::new(idx)));
        }
    });
}

/// The simplest, most common form.
#[divan::bench]
fn one_range(b: divan::Bencher) {
    let s = "Năm 2021 - 2030.";
    let idx = LineIndex::new(s);
    b.bench(|| parse_timeframe(divan::black_box(s), &Locator::new(&idx)));
}

/// The longest seed form (two phases with targets).
#[divan::bench]
fn phased_with_targets(b: divan::Bencher) {
    let s = SEED.get(12).copied().unwrap_or_default();
    let idx = LineIndex::new(s);
    b.bench(|| parse_timeframe(divan::black_box(s), &Locator::new(&idx)));
}
