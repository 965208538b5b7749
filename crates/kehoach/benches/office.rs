//! Office documents on the seed plan (44 tasks), parsed once outside the timing: the tracking
//! workbook, reading a filled one back, the progress report. Each includes the schedule.

use kehoach::office::{OfficeOptions, progress_report, read_tracking_workbook, tracking_workbook};
use kehoach::testing::{CellValue, fill_workbook};
use kehoach::{Date, Plan};

fn main() {
    divan::main();
}

fn seed() -> Plan {
    kehoach::parse(kehoach::SEED_PLAN).plan
}

fn opts() -> OfficeOptions {
    OfficeOptions::new(Date::from_ymd(2026, 11, 28).unwrap_or_else(|_| unreachable!()))
}

/// The consolidated tracking workbook (XLSX).
#[divan::bench]
fn workbook_seed(b: divan::Bencher) {
    let plan = seed();
    let o = opts();
    b.bench(|| tracking_workbook(divan::black_box(&plan), &o));
}

/// A workbook with 44 filled rows read back as progress reports.
#[divan::bench]
fn read_workbook_seed(b: divan::Bencher) {
    let plan = seed();
    let xlsx = tracking_workbook(&plan, &opts()).unwrap_or_default();
    let cells: Vec<(String, CellValue<'_>)> = (2..=45)
        .flat_map(|r| {
            [
                (format!("I{r}"), CellValue::Text("Đang triển khai")),
                (format!("J{r}"), CellValue::Text("15/11/2026")),
            ]
        })
        .collect();
    let refs: Vec<(&str, CellValue<'_>)> = cells.iter().map(|(c, v)| (c.as_str(), *v)).collect();
    let filled = fill_workbook(&xlsx, &refs).unwrap_or_default();
    let tasks = plan.tasks();
    b.bench(|| read_tracking_workbook(divan::black_box(&filled), &tasks));
}

/// The consolidated progress report (DOCX).
#[divan::bench]
fn report_seed(b: divan::Bencher) {
    let plan = seed();
    let o = opts();
    b.bench(|| progress_report(divan::black_box(&plan), &o));
}
