//! Progress reports merged into the schedule: overdue, done, latest wins, bad references.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests: a failed unwrap is a failed test

use kehoach::schedule::{Progress, ProgressStatus, Reason, ScheduleOptions, Unreported, schedule};
use kehoach::{Date, Schedule, Status};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn with_progress(on: &str, json: &str) -> Schedule {
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    let p = Progress::from_json(json).unwrap();
    schedule(&plan, &ScheduleOptions::new(d(on)).with_progress(p))
}

const DONE_AND_NOT: &str = r#"{ "reports": [
  { "task": "II.1.c", "date": "2025-12-20", "status": "done", "note": "4 hội nghị", "by": "Sở TT&TT" },
  { "task": "II.6.c", "date": "2025-11-30", "status": "inProgress", "by": "Sở Công Thương" }
] }"#;

#[test]
fn closed_window_without_done_is_overdue() {
    let s = with_progress("2026-11-28", DONE_AND_NOT);
    let c = s.task("II.1.c").unwrap();
    assert_eq!(c.status, Status::Done);
    assert_eq!(
        c.progress.as_ref().unwrap().note.as_deref(),
        Some("4 hội nghị")
    );
    let o = s.task("II.6.c").unwrap();
    assert_eq!(o.status, Status::Overdue);
    assert_eq!(o.reason, None);
    assert_eq!(o.window.end, Some(d("2025-12-31")));
    // Not mentioned, window closed: overdue by default (not reported done).
    let n = s.task("II.6.d").unwrap();
    assert_eq!(
        (n.status, n.reason),
        (Status::Overdue, Some(Reason::NotReported))
    );
    // Running tasks are unaffected.
    assert_eq!(s.task("II.8.b").unwrap().status, Status::Active);
    assert!(s.diagnostics.is_empty());
    assert_eq!(s.count(Status::Overdue), 8);
    assert_eq!(s.count(Status::Done), 1);
}

#[test]
fn unreported_can_stay_ended() {
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    let mut opts = ScheduleOptions::new(d("2026-11-28"))
        .with_progress(Progress::from_json(DONE_AND_NOT).unwrap());
    opts.unreported = Unreported::Ended;
    let s = schedule(&plan, &opts);
    assert_eq!(s.task("II.6.c").unwrap().status, Status::Overdue);
    assert_eq!(s.task("II.6.d").unwrap().status, Status::Ended);
    assert_eq!(s.count(Status::Overdue), 1);
}

#[test]
fn without_progress_nothing_is_overdue() {
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    let s = schedule(&plan, &ScheduleOptions::new(d("2026-11-28")));
    assert_eq!(s.count(Status::Overdue), 0);
    assert_eq!(s.task("II.6.c").unwrap().status, Status::Ended);
}

#[test]
fn latest_report_wins_and_future_reports_are_ignored() {
    let s = with_progress(
        "2026-11-28",
        r#"{ "reports": [
          { "task": "II.6.c", "date": "2026-03-01", "status": "done" },
          { "task": "II.6.c", "date": "2025-06-01", "status": "inProgress" },
          { "task": "sec_II__para_8__point_c", "date": "2026-01-10", "status": "done" },
          { "task": "II.8.c", "date": "2026-02-10", "status": "notStarted" },
          { "task": "II.8.đ", "date": "2027-01-01", "status": "done" }
        ] }"#,
    );
    let c = s.task("II.6.c").unwrap();
    assert_eq!(c.status, Status::Done);
    assert_eq!(c.progress.as_ref().unwrap().date, d("2026-03-01"));
    // By eid then by number: the later one (notStarted) counts.
    let e = s.task("II.8.c").unwrap();
    assert_eq!(e.status, Status::Overdue);
    assert_eq!(
        e.progress.as_ref().unwrap().status,
        ProgressStatus::NotStarted
    );
    // A report dated after the as-of date does not count yet.
    let f = s.task("II.8.đ").unwrap();
    assert_eq!((f.status, f.progress.as_ref()), (Status::Overdue, None));
}

#[test]
fn done_before_the_window_closes_and_dropped() {
    let s = with_progress(
        "2026-11-28",
        r#"{ "reports": [
          { "task": "II.8.b", "date": "2026-10-01", "status": "done" },
          { "task": "II.6.d", "date": "2025-10-01", "status": "dropped", "note": "gộp vào II.8.d" }
        ] }"#,
    );
    assert_eq!(s.task("II.8.b").unwrap().status, Status::Done);
    let dr = s.task("II.6.d").unwrap();
    assert_eq!(
        (dr.status, dr.reason),
        (Status::Ended, Some(Reason::Dropped))
    );
    // Done tasks give no deadline.
    assert!(s.next_deadlines(100).iter().all(|x| x.number != "II.8.b"));
}

#[test]
fn ambiguous_number_and_unknown_task() {
    let s = with_progress(
        "2026-11-28",
        r#"{ "reports": [
          { "task": "II.2.d", "date": "2026-01-01", "status": "done" },
          { "task": "II.9.z", "date": "2026-01-01", "status": "done" },
          { "task": "sec_II__para_2__point_d_2", "date": "2026-01-01", "status": "done" }
        ] }"#,
    );
    let codes: Vec<&str> = s.diagnostics.iter().map(|x| x.code).collect();
    assert_eq!(codes, ["schedule/ambiguous-task", "schedule/unknown-task"]);
    assert!(
        s.diagnostics[0]
            .message
            .en
            .contains("sec_II__para_2__point_d_2")
    );
    assert!(
        s.diagnostics[0]
            .message
            .en
            .contains("sec_II__para_2__point_d,")
    );
    assert_eq!(s.diagnostics[0].labels.len(), 2);
    assert!(s.diagnostics[1].message.vi.contains("II.9.z"));
    // The ambiguous report is skipped; the eid one applies to the second II.2.d only.
    assert_eq!(
        s.task("sec_II__para_2__point_d").unwrap().status,
        Status::Active
    );
    assert_eq!(
        s.task("sec_II__para_2__point_d_2").unwrap().status,
        Status::Done
    );

    let tasks = kehoach::parse(kehoach::SEED_PLAN).plan.tasks();
    let unknown = Progress::from_json(
        r#"{"reports":[{"task":"II.9.z","date":"2026-01-01","status":"done"}]}"#,
    )
    .unwrap();
    assert_eq!(unknown.check(&tasks).unwrap_err().code(), "not-found");
    let ok = Progress::from_json(
        r#"{"reports":[{"task":"II.1.c","date":"2026-01-01","status":"done"}]}"#,
    )
    .unwrap();
    assert!(ok.check(&tasks).is_ok());
}

#[test]
fn bad_progress_json() {
    for bad in [
        "{",
        r#"{"reports":[{"task":"II.1.c","date":"2026-02-30","status":"done"}]}"#,
        r#"{"reports":[{"task":"II.1.c","date":"2026-01-01","status":"finished"}]}"#,
        r#"{"reports":[{"date":"2026-01-01","status":"done"}]}"#,
    ] {
        let err = Progress::from_json(bad).unwrap_err();
        assert_eq!(err.code(), "invalid-json", "{bad}");
    }
}

#[test]
fn progress_round_trips_as_json() {
    let p = Progress::from_json(DONE_AND_NOT).unwrap();
    let back = Progress::from_json(&serde_json::to_string(&p).unwrap()).unwrap();
    assert_eq!(back, p);
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(v["reports"][1]["status"], "inProgress");
}
