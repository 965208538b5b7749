//! ICS and CSV exports of the seed's schedule, read back with independent parsers.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests: a failed unwrap is a failed test

use kehoach::export::{self, Format};
use kehoach::schedule::{Progress, ScheduleOptions, schedule};
use kehoach::{Date, Plan, Schedule};
use std::io::BufReader;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn seed() -> (Plan, Schedule) {
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    let s = schedule(&plan, &ScheduleOptions::new(d("2026-11-28")));
    (plan, s)
}

/// RFC 5545 TEXT unescaping (the `ical` crate returns values as written).
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(x) => out.push(x),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Splits a CATEGORIES value at unescaped commas.
fn split_list(s: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut escaped = false;
    for c in s.chars() {
        match c {
            ',' if !escaped => out.push(String::new()),
            _ => {
                if let Some(last) = out.last_mut() {
                    last.push(c);
                }
            }
        }
        escaped = c == '\\' && !escaped;
    }
    out.iter().map(|x| unescape(x)).collect()
}

fn prop<'a>(props: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
    props
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

#[test]
fn ics_parses_back_with_an_independent_parser() {
    let (plan, s) = seed();
    let ics = export::to_ics(&plan, &s);
    let cals: Vec<_> = ical::IcalParser::new(BufReader::new(ics.as_bytes()))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(cals.len(), 1);
    let cal = &cals[0];
    assert_eq!(cal.todos.len(), 44);
    let uids: Vec<&str> = cal
        .todos
        .iter()
        .map(|t| prop(&t.properties, "UID").unwrap())
        .collect();
    let eids: Vec<&str> = s.tasks.iter().map(|t| t.eid.as_str()).collect();
    assert_eq!(uids, eids);
    assert_eq!(cal.events.len(), s.reviews.len());
    assert_eq!(prop(&cal.properties, "VERSION"), Some("2.0"));

    // One RRULE per recurring task, nowhere else.
    let with_rrule: Vec<&str> = cal
        .todos
        .iter()
        .filter(|t| prop(&t.properties, "RRULE").is_some())
        .map(|t| prop(&t.properties, "X-KEHOACH-NUMBER").unwrap())
        .collect();
    assert_eq!(with_rrule, ["II.1.a", "II.1.d", "II.1.đ", "II.8.e"]);
    let rec = &cal.todos[0].properties;
    assert_eq!(prop(rec, "RRULE"), Some("FREQ=YEARLY;UNTIL=20301231"));
    assert_eq!(prop(rec, "DTSTART"), Some("20200101"));
    assert_eq!(prop(rec, "DUE"), Some("20201231"));

    let by_uid = |eid: &str| {
        &cal.todos
            .iter()
            .find(|t| prop(&t.properties, "UID") == Some(eid))
            .unwrap()
            .properties
    };
    let c = by_uid("sec_II__para_1__point_c");
    assert_eq!(prop(c, "DTSTART"), Some("20220101"));
    assert_eq!(prop(c, "DUE"), Some("20251231"));
    assert_eq!(prop(c, "DTSTAMP"), Some("20261128T000000Z"));
    assert_eq!(prop(c, "STATUS"), Some("NEEDS-ACTION"));
    assert_eq!(prop(c, "X-KEHOACH-STATUS"), Some("ended"));
    assert_eq!(
        split_list(prop(c, "CATEGORIES").unwrap()),
        ["Sở Thông tin và Truyền thông"]
    );
    assert_eq!(
        split_list(prop(c, "X-KEHOACH-RESPONSIBLE").unwrap()),
        ["Sở Khoa học và Công nghệ"]
    );
    let desc = unescape(prop(c, "DESCRIPTION").unwrap());
    assert!(
        desc.starts_with("Tổ chức Hội nghị tập huấn công tác truyền thông"),
        "{desc}"
    );
    assert!(
        desc.contains("\nThời gian thực hiện: Năm 2022-2025."),
        "{desc}"
    );

    // Commas inside agency names survive as one category each.
    let many = by_uid("sec_II__para_1__point_a");
    assert_eq!(
        split_list(prop(many, "CATEGORIES").unwrap()),
        [
            "Các sở, ban, ngành",
            "Ủy ban nhân dân các huyện, thị xã, thành phố",
            "Các tổ chức, cá nhân liên quan"
        ]
    );

    // Conditional: no dates. Open end: DUE at the horizon.
    let b = by_uid("sec_II__para_3__point_b");
    assert_eq!((prop(b, "DTSTART"), prop(b, "DUE")), (None, None));
    let open = by_uid("sec_II__para_1__point_b");
    assert_eq!(prop(open, "DUE"), Some("20301231"));

    let ev = &cal
        .events
        .iter()
        .find(|e| prop(&e.properties, "UID") == Some("review-preliminary-20230518"))
        .unwrap()
        .properties;
    assert_eq!(prop(ev, "DTSTART"), Some("20230518"));
    assert_eq!(prop(ev, "DTEND"), Some("20230519"));
    assert_eq!(
        unescape(prop(ev, "SUMMARY").unwrap()),
        "Sơ kết 3 năm — Kế hoạch 66/KH-UBND"
    );
}

#[test]
fn ics_lines_are_folded_crlf_and_at_most_75_octets() {
    let (plan, s) = seed();
    let ics = export::to_ics(&plan, &s);
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'));
    assert!(!ics.replace("\r\n", "").contains('\r'));
    let lines: Vec<&str> = ics.split("\r\n").collect();
    assert!(lines.iter().all(|l| l.len() <= 75));
    // Long descriptions were folded.
    assert!(lines.iter().filter(|l| l.starts_with(' ')).count() > 44);
}

#[test]
fn ics_status_from_progress() {
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    let p = Progress::from_json(
        r#"{"reports":[{"task":"II.1.c","date":"2025-12-20","status":"done"},
                       {"task":"II.6.c","date":"2025-11-30","status":"inProgress"}]}"#,
    )
    .unwrap();
    let s = schedule(
        &plan,
        &ScheduleOptions::new(d("2026-11-28")).with_progress(p),
    );
    let ics = export::to_ics(&plan, &s);
    let cal = ical::IcalParser::new(BufReader::new(ics.as_bytes()))
        .next()
        .unwrap()
        .unwrap();
    let get = |eid: &str| {
        &cal.todos
            .iter()
            .find(|t| prop(&t.properties, "UID") == Some(eid))
            .unwrap()
            .properties
    };
    let done = get("sec_II__para_1__point_c");
    assert_eq!(prop(done, "STATUS"), Some("COMPLETED"));
    assert_eq!(prop(done, "COMPLETED"), Some("20251220T000000Z"));
    let late = get("sec_II__para_6__point_c");
    assert_eq!(prop(late, "X-KEHOACH-STATUS"), Some("overdue"));
}

#[test]
fn csv_for_excel() {
    let (plan, s) = seed();
    let csv = export::to_csv(&plan, &s);
    let body = csv.strip_prefix('\u{feff}').expect("BOM first");
    assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    let mut r = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        header,
        [
            "Số hiệu",
            "Nhiệm vụ",
            "Cơ quan chủ trì (năm 2020)",
            "Cơ quan chịu trách nhiệm (ngày 28/11/2026)",
            "Thời gian thực hiện",
            "Bắt đầu",
            "Kết thúc",
            "Trạng thái (ngày 28/11/2026)",
            "Ghi chú",
            "Mã nhiệm vụ"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().collect::<Result<_, _>>().unwrap();
    assert_eq!(rows.len(), 44);
    let c = rows.iter().find(|x| &x[0] == "II.1.c").unwrap();
    assert_eq!(&c[2], "Sở Thông tin và Truyền thông");
    assert_eq!(&c[3], "Sở Khoa học và Công nghệ");
    assert_eq!(&c[4], "Năm 2022-2025.");
    assert_eq!((&c[5], &c[6]), ("2022-01-01", "2025-12-31"));
    assert_eq!(&c[7], "Đã hết thời hạn");
    assert_eq!(&c[9], "sec_II__para_1__point_c");
    let p = rows.iter().find(|x| &x[0] == "II.3.c").unwrap();
    assert_eq!(&p[7], "Đang thực hiện");
    assert_eq!(
        &p[8],
        "Giai đoạn 2; Ngày kết thúc suy ra từ phạm vi kế hoạch"
    );
    // Both II.2.d rows, told apart by their eid.
    let dd: Vec<&str> = rows
        .iter()
        .filter(|x| &x[0] == "II.2.d")
        .map(|x| x.get(9).unwrap())
        .collect();
    assert_eq!(dd, ["sec_II__para_2__point_d", "sec_II__para_2__point_d_2"]);
    // The text is complete (no truncation) and CRLF ends records.
    let task = plan
        .tasks()
        .into_iter()
        .find(|t| t.number == "II.1.c")
        .unwrap();
    assert_eq!(&c[1], task.text);
    assert!(body.contains("\r\n"));
}

#[test]
fn export_by_name() {
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    let opts = ScheduleOptions::new(d("2026-11-28"));
    assert_eq!(
        export::export(&plan, "text", &opts).unwrap(),
        kehoach::document::render(&plan)
    );
    let json = export::export(&plan, "json", &opts).unwrap();
    let back: Plan = serde_json::from_str(&json).unwrap();
    assert_eq!(back, plan);
    assert_eq!(
        export::export(&plan, "ICS", &opts).unwrap(),
        export::export_to(&plan, Format::Ics, &opts)
    );
    let err = export::export(&plan, "xlsx", &opts).unwrap_err();
    assert_eq!(err.code(), "invalid-option");
    assert!(err.message().contains("xlsx"));
    assert_eq!(Format::Csv.mime(), "text/csv; charset=utf-8");
}
