//! Schedule and export speed on the seed plan (44 tasks), parsed once outside the timing.

use kehoach::schedule::{Progress, ProgressStatus, Report, ScheduleOptions, schedule};
use kehoach::{Date, Plan};

fn main() {
    divan::main();
}

fn seed() -> Plan {
    kehoach::parse(kehoach::SEED_PLAN).plan
}

fn as_of() -> Date {
    Date::from_ymd(2026, 11, 28).unwrap_or_else(|_| unreachable!())
}

/// The whole schedule: 44 resolutions, statuses, succession lookups, review calendar.
#[divan::bench]
fn schedule_seed(b: divan::Bencher) {
    let plan = seed();
    let opts = ScheduleOptions::new(as_of());
    b.bench(|| schedule(divan::black_box(&plan), &opts));
}

/// The same with 44 progress reports (one per task) merged in.
#[divan::bench]
fn schedule_seed_with_progress(b: divan::Bencher) {
    let plan = seed();
    let reports = plan
        .tasks()
        .into_iter()
        .map(|t| Report {
            task: t.eid.to_string(),
            date: Date::from_ymd(2026, 1, 15).unwrap_or_else(|_| unreachable!()),
            status: ProgressStatus::InProgress,
            note: None,
            by: None,
        })
        .collect();
    let opts = ScheduleOptions::new(as_of()).with_progress(Progress { reports });
    b.bench(|| schedule(divan::black_box(&plan), &opts));
}

/// ICS export of a computed schedule (44 VTODOs, reviews as VEVENTs).
#[divan::bench]
fn ics_seed(b: divan::Bencher) {
    let plan = seed();
    let s = schedule(&plan, &ScheduleOptions::new(as_of()));
    b.bench(|| kehoach::export::to_ics(divan::black_box(&plan), divan::black_box(&s)));
}

/// CSV export of a computed schedule (44 rows).
#[divan::bench]
fn csv_seed(b: divan::Bencher) {
    let plan = seed();
    let s = schedule(&plan, &ScheduleOptions::new(as_of()));
    b.bench(|| kehoach::export::to_csv(divan::black_box(&plan), divan::black_box(&s)));
}
