//! The review calendar derived from the seed's text, and the schedule's views and JSON.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests: a failed unwrap is a failed test

use kehoach::schedule::{
    AgencyBasis, DeadlineKind, ReviewKind, ReviewStatus, ScheduleOptions, schedule,
};
use kehoach::{Date, Schedule};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn seed_on(on: &str) -> Schedule {
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    schedule(&plan, &ScheduleOptions::new(d(on)))
}

fn of(s: &Schedule, kind: ReviewKind) -> Vec<(String, ReviewStatus, Option<u32>)> {
    s.reviews
        .iter()
        .filter(|r| r.kind == kind)
        .map(|r| (r.due.to_string(), r.status, r.years))
        .collect()
}

#[test]
fn preliminary_and_final_reviews() {
    use ReviewStatus::{Past, Upcoming};
    let s = seed_on("2026-11-28");
    assert_eq!(
        of(&s, ReviewKind::Preliminary),
        [
            ("2023-05-18".to_string(), Past, Some(3)),
            ("2026-05-18".to_string(), Past, Some(6)),
            ("2029-05-18".to_string(), Upcoming, Some(9)),
        ]
    );
    assert_eq!(
        of(&s, ReviewKind::Final),
        [
            ("2025-05-18".to_string(), Past, Some(5)),
            ("2030-05-18".to_string(), Upcoming, Some(10)),
        ]
    );
}

#[test]
fn annual_reviews_and_reports() {
    let s = seed_on("2026-11-28");
    let annual = of(&s, ReviewKind::Annual);
    let years: Vec<&str> = annual.iter().map(|a| a.0.as_str()).collect();
    assert_eq!(
        years,
        [
            "2020-12-31",
            "2021-12-31",
            "2022-12-31",
            "2023-12-31",
            "2024-12-31",
            "2025-12-31",
            "2026-12-31",
            "2027-12-31",
            "2028-12-31",
            "2029-12-31",
            "2030-12-31"
        ]
    );
    assert_eq!(annual[5].1, ReviewStatus::Past);
    assert_eq!(annual[6].1, ReviewStatus::Upcoming);

    let reports: Vec<_> = s
        .reviews
        .iter()
        .filter(|r| r.kind == ReviewKind::Report)
        .collect();
    assert_eq!(reports.len(), 11);
    let c = reports[0].coordinator.as_ref().unwrap();
    assert_eq!(c.name, "Sở Khoa học và Công nghệ");
    assert_eq!(c.id.as_deref(), Some("so-khcn"));
    // Resolved on the as-of date: still the same body (only consolidated with Kon Tum's).
    let current = c.current.as_ref().unwrap();
    assert_eq!(current[0].name, "Sở Khoa học và Công nghệ");
    // The source is section IV.1 of the plan.
    let src = &kehoach::SEED_PLAN[reports[0].span.start as usize..reports[0].span.end as usize];
    assert!(src.contains("(qua Sở Khoa học và Công nghệ)"), "{src}");

    let next = s.next_review().unwrap();
    assert_eq!((next.kind, next.due), (ReviewKind::Annual, d("2026-12-31")));
}

#[test]
fn review_json_shape() {
    let s = seed_on("2026-11-28");
    let v = serde_json::to_value(&s).unwrap();
    assert_eq!(v["asOf"], "2026-11-28");
    let r = v["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "preliminary")
        .unwrap();
    assert_eq!(r["due"], "2023-05-18");
    assert_eq!(r["status"], "past");
    let rep = v["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "report")
        .unwrap();
    assert_eq!(rep["coordinator"]["name"], "Sở Khoa học và Công nghệ");
    let t = &v["tasks"][14];
    assert_eq!(t["number"], "II.3.c");
    assert_eq!(t["status"], "active");
    assert_eq!(t["currentPhase"], 2);
    assert_eq!(t["window"]["start"], "2022-01-01");
    assert_eq!(t["window"]["end"], "2030-12-31");
    assert_eq!(t["window"]["endAssumed"], true);
    assert_eq!(t["leads"][0]["name"], "Sở Thông tin và Truyền thông");
    assert_eq!(t["responsible"][0]["name"], "Sở Khoa học và Công nghệ");
    let cond = v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["number"] == "II.3.b")
        .unwrap();
    assert_eq!(cond["status"], "conditional");
    assert_eq!(cond["window"]["start"], serde_json::Value::Null);
    assert_eq!(cond["reason"], "awaitingGuidance");
    // Round trip.
    let back: Schedule = serde_json::from_value(v).unwrap();
    assert_eq!(back, s);
}

#[test]
fn views_per_agency_year_section_deadlines() {
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    let s = schedule(&plan, &ScheduleOptions::new(d("2026-11-28")));

    let named = s.by_agency(AgencyBasis::AsNamed);
    let today = s.by_agency(AgencyBasis::Responsible);
    let find = |v: &[kehoach::schedule::AgencyTasks], n: &str| {
        v.iter()
            .find(|a| a.agency == n)
            .map(|a| (a.tasks.len(), a.running))
    };
    assert_eq!(find(&named, "Sở Thông tin và Truyền thông"), Some((14, 10)));
    assert_eq!(find(&named, "Sở Khoa học và Công nghệ"), Some((10, 10)));
    assert_eq!(find(&today, "Sở Thông tin và Truyền thông"), None);
    assert_eq!(find(&today, "Sở Khoa học và Công nghệ"), Some((24, 20)));
    // Sở Lao động - Thương binh và Xã hội was split: each successor carries its tasks.
    assert_eq!(
        find(&named, "Sở Lao động - Thương binh và Xã hội").map(|x| x.0),
        Some(2)
    );
    assert_eq!(find(&today, "Sở Nội vụ").map(|x| x.0), Some(3));

    let m = s.year_matrix(AgencyBasis::AsNamed, None);
    assert_eq!(m.years.first(), Some(&2020));
    assert_eq!(m.years.last(), Some(&2030));
    let row = m
        .rows
        .iter()
        .find(|r| r.agency == "Sở Giáo dục và Đào tạo")
        .unwrap();
    // II.5.a (from the plan date), II.5.b (2020–2030), II.5.c (from 2025).
    assert_eq!(row.counts, [2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3]);

    let sections = s.by_section(&plan);
    let numbers: Vec<&str> = sections.iter().map(|x| x.number.as_str()).collect();
    assert_eq!(
        numbers,
        [
            "II.1", "II.2", "II.3", "II.4", "II.5", "II.6", "II.7", "II.8"
        ]
    );
    assert_eq!(sections[2].tasks.len(), 8);
    assert!(sections[0].heading.is_some());

    let next = s.next_deadlines(6);
    let got: Vec<(String, &str, DeadlineKind)> = next
        .iter()
        .map(|x| (x.due.to_string(), x.number.as_str(), x.kind))
        .collect();
    assert_eq!(
        got[0],
        ("2026-12-31".to_string(), "II.1.a", DeadlineKind::Occurrence)
    );
    assert_eq!(
        got[3],
        ("2026-12-31".to_string(), "II.8.e", DeadlineKind::Occurrence)
    );
    assert_eq!(
        got[4],
        ("2030-12-31".to_string(), "II.2.d", DeadlineKind::WindowEnd)
    );
    // Ends assumed from the horizon are not deadlines: II.1.b (open end) is absent.
    assert!(s.next_deadlines(100).iter().all(|x| x.number != "II.1.b"));

    let early = seed_on("2021-06-01");
    let starting: Vec<&str> = early
        .starting_in(2022)
        .iter()
        .map(|t| t.number.as_str())
        .collect();
    assert_eq!(starting, ["II.1.c", "II.3.c", "II.6.a", "II.7.b"]);
}

#[test]
fn human_rendering() {
    let s = seed_on("2026-11-28");
    let vi = kehoach::schedule::render_human(&s, kehoach::Lang::Vi);
    assert!(vi.contains("44 nhiệm vụ: Đang thực hiện 29, Định kỳ 4, Thường xuyên 1, Chờ điều kiện 1, Đã hết thời hạn 9"));
    assert!(vi.contains("18/05/2023  Sơ kết 3 năm — đã qua"));
    assert!(vi.contains("18/05/2029  Sơ kết 9 năm — sắp tới"));
    let en = kehoach::schedule::render_due_section(&s, kehoach::Lang::En, 3);
    assert!(en.contains("2026-12-31  II.1.a   occurrence due"), "{en}");
    assert!(en.contains("Periodic report to the provincial People's Committee (through Sở Khoa học và Công nghệ) — upcoming"), "{en}");
}
