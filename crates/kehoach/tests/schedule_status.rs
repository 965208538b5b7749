//! Task statuses on the seed as of given dates (issue 6, done-when cases).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests: a failed unwrap is a failed test

use kehoach::schedule::{Reason, ScheduleOptions, Status, TaskWindow, schedule};
use kehoach::{Date, Schedule};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn seed_on(on: &str) -> Schedule {
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    schedule(&plan, &ScheduleOptions::new(d(on)))
}

fn win(start: &str, end: &str, end_assumed: bool) -> TaskWindow {
    TaskWindow {
        start: Some(d(start)),
        end: Some(d(end)),
        end_assumed,
    }
}

#[test]
fn seed_statuses_on_2026_11_28() {
    let s = seed_on("2026-11-28");
    assert_eq!(s.tasks.len(), 44);
    assert_eq!(s.horizon.unwrap().year, 2030);

    let c = s.task("II.1.c").unwrap();
    assert_eq!(c.status, Status::Ended);
    assert_eq!(c.window, win("2022-01-01", "2025-12-31", false));

    let b = s.task("II.8.b").unwrap();
    assert_eq!(b.status, Status::Active);
    assert_eq!(b.window, win("2025-01-01", "2030-12-31", false));
    assert_eq!(b.current_phase, None);

    let p = s.task("II.3.c").unwrap();
    assert_eq!(p.status, Status::Active);
    assert_eq!(p.current_phase, Some(2));
    assert_eq!(
        p.phases,
        [
            win("2022-01-01", "2024-12-31", false),
            win("2025-01-01", "2030-12-31", true)
        ]
    );
    assert_eq!(p.window, win("2022-01-01", "2030-12-31", true));

    let e = s.task("II.5.c").unwrap();
    assert_eq!(e.status, Status::Active);
    assert_eq!(e.current_phase, Some(1));
    assert_eq!(
        e.phases,
        [
            win("2025-01-01", "2030-12-31", false),
            win("2030-01-01", "2045-12-31", false)
        ]
    );

    let cond = s.task("II.3.b").unwrap();
    assert_eq!(cond.status, Status::Conditional);
    assert_eq!(cond.reason, Some(Reason::AwaitingGuidance));
    assert_eq!(cond.window, TaskWindow::default());

    for n in ["II.1.a", "II.1.d", "II.1.đ", "II.8.e"] {
        let t = s.task(n).unwrap();
        assert_eq!(
            t.timeframe_text.as_deref(),
            Some("Thường xuyên hàng năm."),
            "{n}"
        );
        assert_eq!(t.status, Status::Recurring, "{n}");
        assert_eq!(t.next_occurrence, Some(d("2026-12-31")), "{n}");
        assert_eq!(
            t.rrule.as_deref(),
            Some("FREQ=YEARLY;UNTIL=20301231"),
            "{n}"
        );
        assert_eq!(t.window, win("2020-05-18", "2030-12-31", true), "{n}");
    }
    let cont = s.task("II.5.a").unwrap();
    assert_eq!(cont.status, Status::Continuous);
    assert_eq!(cont.next_occurrence, None);

    // Open end to the horizon.
    let open = s.task("II.1.b").unwrap();
    assert_eq!(open.status, Status::Active);
    assert_eq!(open.window, win("2021-01-01", "2030-12-31", true));

    let counts: Vec<(Status, usize)> = Status::ALL
        .iter()
        .map(|&st| (st, s.count(st)))
        .filter(|(_, n)| *n > 0)
        .collect();
    assert_eq!(
        counts,
        [
            (Status::Active, 29),
            (Status::Recurring, 4),
            (Status::Continuous, 1),
            (Status::Conditional, 1),
            (Status::Ended, 9)
        ]
    );
}

#[test]
fn upcoming_before_the_window() {
    let s = seed_on("2021-06-01");
    let b = s.task("II.8.b").unwrap();
    assert_eq!(b.status, Status::Upcoming);
    let c = s.task("II.3.c").unwrap();
    assert_eq!(c.status, Status::Upcoming);
    assert_eq!(s.task("II.3.đ").unwrap().status, Status::Active);
    assert_eq!(
        s.task("II.1.a").unwrap().next_occurrence,
        Some(d("2021-12-31"))
    );
}

#[test]
fn boundary_days_are_inclusive() {
    // Last day of the window: still active; the next day: ended.
    assert_eq!(
        seed_on("2025-12-31").task("II.1.c").unwrap().status,
        Status::Active
    );
    assert_eq!(
        seed_on("2026-01-01").task("II.1.c").unwrap().status,
        Status::Ended
    );
    // First day: active; the day before: upcoming.
    assert_eq!(
        seed_on("2025-01-01").task("II.8.b").unwrap().status,
        Status::Active
    );
    assert_eq!(
        seed_on("2024-12-31").task("II.8.b").unwrap().status,
        Status::Upcoming
    );
}

#[test]
fn shared_boundary_year_is_the_later_phase() {
    let s = seed_on("2030-06-01");
    assert_eq!(s.task("II.5.c").unwrap().current_phase, Some(2));
    let s = seed_on("2024-06-01");
    let c = s.task("II.3.c").unwrap();
    assert_eq!((c.status, c.current_phase), (Status::Active, Some(1)));
}

#[test]
fn after_the_horizon_open_ends_have_ended() {
    let s = seed_on("2031-01-01");
    assert_eq!(s.task("II.1.b").unwrap().status, Status::Ended);
    assert_eq!(s.task("II.1.a").unwrap().status, Status::Ended);
    assert_eq!(s.task("II.5.c").unwrap().status, Status::Active);
}

#[test]
fn explicit_horizon_option() {
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    let s = schedule(
        &plan,
        &ScheduleOptions::new(d("2026-11-28")).with_horizon(2035),
    );
    let open = s.task("II.1.b").unwrap();
    assert_eq!(open.window, win("2021-01-01", "2035-12-31", true));
    assert_eq!(
        s.horizon.unwrap().source,
        kehoach::schedule::HorizonSource::Option
    );
}
