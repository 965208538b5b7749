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

const SYNTHETIC: &str = "I. MỤC ĐÍCH, YÊU CẦU
1. Yêu cầu
- Định kỳ 6 tháng báo cáo UBND tỉnh (qua Sở Tư pháp).
II. NHIỆM VỤ
1. Chung
a) Quý.
- Cơ quan chủ trì: Sở Y tế.
- Thời gian thực hiện: Quý III/2024.
b) Nửa năm.
- Cơ quan chủ trì: Sở Y tế.
- Thời gian thực hiện: Định kỳ 6 tháng (năm 2021 - 2025).
c) Không rõ.
- Cơ quan chủ trì: Sở Y tế.
- Thời gian thực hiện: Theo Nghị quyết 50/NQ-CP.
d) Thiếu thời gian.
- Cơ quan chủ trì: Sở Y tế.
đ) Hai lần.
- Cơ quan chủ trì: Sở Y tế.
- Thời gian thực hiện: Tháng 6/2022 và năm 2024.
";

#[test]
fn partial_years_half_yearly_occurrences_and_unscheduled() {
    let plan = kehoach::parse(SYNTHETIC).plan;
    let mut opts = ScheduleOptions::new(d("2024-08-15"));
    opts.plan_date = Some(d("2021-01-10"));
    let s = schedule(&plan, &opts);
    // No stated period: the horizon is the latest year a timeframe names.
    let h = s.horizon.unwrap();
    assert_eq!(
        (h.year, h.source),
        (2025, kehoach::schedule::HorizonSource::LatestTimeframe)
    );
    let q = s.task("II.1.a").unwrap();
    assert_eq!(
        (q.status, q.window),
        (Status::Active, win("2024-07-01", "2024-09-30", false))
    );
    assert_eq!(
        seed_like(&plan, &opts, "2024-10-01", "II.1.a"),
        Status::Ended
    );
    assert_eq!(
        seed_like(&plan, &opts, "2024-06-30", "II.1.a"),
        Status::Upcoming
    );

    let half = s.task("II.1.b").unwrap();
    assert_eq!(half.status, Status::Recurring);
    assert_eq!(half.next_occurrence, Some(d("2024-12-31")));
    assert_eq!(
        half.rrule.as_deref(),
        Some("FREQ=MONTHLY;INTERVAL=6;UNTIL=20251231")
    );

    let c = s.task("II.1.c").unwrap();
    assert_eq!(
        (c.status, c.reason),
        (Status::Unscheduled, Some(Reason::Unrecognized))
    );
    let m = s.task("II.1.d").unwrap();
    assert_eq!(
        (m.status, m.reason),
        (Status::Unscheduled, Some(Reason::NoTimeframe))
    );

    // Between the two windows of a conjunction: upcoming (the second one).
    let two = s.task("II.1.đ").unwrap();
    assert_eq!(
        seed_like(&plan, &opts, "2023-01-01", "II.1.đ"),
        Status::Upcoming
    );
    assert_eq!(two.status, Status::Active);

    // Half-yearly reports through Sở Tư pháp, no annual review or sơ kết in this text.
    let kinds: Vec<(&str, String)> = s
        .reviews
        .iter()
        .map(|r| (r.kind.as_str(), r.due.to_string()))
        .take(3)
        .collect();
    assert_eq!(
        kinds,
        [
            ("report", "2021-06-30".to_string()),
            ("report", "2021-12-31".to_string()),
            ("report", "2022-06-30".to_string())
        ]
    );
    assert!(s.reviews.iter().all(|r| r.kind.as_str() == "report"));
    assert_eq!(s.reviews.last().unwrap().due, d("2025-12-31"));
    assert_eq!(
        s.reviews[0].coordinator.as_ref().unwrap().name,
        "Sở Tư pháp"
    );
}

fn seed_like(plan: &kehoach::Plan, opts: &ScheduleOptions, on: &str, n: &str) -> Status {
    let mut o = opts.clone();
    o.as_of = d(on);
    schedule(plan, &o).task(n).unwrap().status
}

/// `responsible_on` reads a lead named without its province by the national records; the
/// schedule reads it in the plan's province, whose own record may differ (Quảng Ngãi merged
/// its Sở Thông tin và Truyền thông into one body; the national pattern splits it in three).
#[test]
fn responsible_on_reads_leads_nationally_and_the_schedule_in_the_plan_s_province() {
    let names = |v: &[kehoach::agency::Agency]| -> Vec<String> {
        v.iter().map(|a| a.name.to_string()).collect()
    };
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    let on = d("2026-11-28");
    let eid = "sec_II__para_1__point_b";
    let unit = plan
        .task_units()
        .into_iter()
        .find(|u| u.eid == eid)
        .unwrap();
    let leads = unit.leads.as_ref().unwrap().agencies.clone();
    assert_eq!(names(&leads), ["Sở Thông tin và Truyền thông"]);
    let scheduled = schedule(&plan, &ScheduleOptions::new(on));
    let task = scheduled.tasks.iter().find(|t| t.eid == eid).unwrap();
    assert_eq!(names(&task.responsible), ["Sở Khoa học và Công nghệ"]);
    let alone =
        kehoach::schedule::responsible_on(&leads, on, kehoach::agency::Registry::embedded());
    assert_eq!(
        names(&alone),
        [
            "Sở Khoa học và Công nghệ",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Công an tỉnh"
        ]
    );
}
