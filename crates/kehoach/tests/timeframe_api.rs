//! Timeframe API: spans, diagnostics, canonical display, resolution, plan checks and exports.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // tests: a failed unwrap is a failed test

use kehoach::diagnostic::Severity;
use kehoach::timeframe::{
    Basis, Freq, Point, Timeframe, TimeframeKind, TimeframeParser, Window, check_against_plan,
    parse_str, to_json,
};
use kehoach::{Date, LineIndex, Locator, parse_timeframe};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn tf(s: &str) -> Timeframe {
    s.parse().unwrap()
}

fn win(start: Option<&str>, end: Option<&str>) -> (Option<Date>, Option<Date>) {
    (start.map(d), end.map(d))
}

fn windows(t: &Timeframe, plan: &str, h: Option<i32>) -> Vec<(Option<Date>, Option<Date>)> {
    t.resolve(d(plan), h)
        .windows
        .iter()
        .map(|w| (w.start, w.end))
        .collect()
}

const PLAN: &str = "2020-05-18";

#[test]
fn spans_point_into_the_document() {
    let doc = "- Thời gian thực hiện: Năm 2022 - 2024: Xây dựng quy hoạch. Năm 2025 và những năm tiếp theo: Triển khai thực hiện.";
    let base = doc.find("Năm 2022").unwrap();
    let value = &doc[base..];
    let idx = LineIndex::new(doc);
    let (t, diags) = parse_timeframe(value, &Locator::new(&idx).offset(base));
    assert!(diags.is_empty());
    assert_eq!(
        (t.span.start as usize, t.span.end as usize),
        (base, doc.len())
    );
    assert_eq!(t.span.column, 24);
    let TimeframeKind::Phased { phases } = &t.kind else {
        panic!("{:?}", t.kind)
    };
    assert_eq!(phases.len(), 2);
    assert_eq!(phases[0].when.span.slice(doc), Some("Năm 2022 - 2024"));
    assert_eq!(
        phases[1].when.span.slice(doc),
        Some("Năm 2025 và những năm tiếp theo")
    );
    let TimeframeKind::Range { start, end } = &phases[0].when.kind else {
        panic!()
    };
    assert_eq!((start.year, end.year), (2022, 2024));
    assert_eq!(start.span.unwrap().slice(doc), Some("Năm 2022"));
    assert_eq!(end.span.unwrap().slice(doc), Some("2024"));
    assert_eq!(phases[0].activity.as_deref(), Some("Xây dựng quy hoạch"));
    assert_eq!(phases[1].activity.as_deref(), Some("Triển khai thực hiện"));
    assert_eq!(
        phases[1].when.kind,
        TimeframeKind::OpenEnded {
            start: Point::year(2025)
        }
    );
}

#[test]
fn ii_5_c_phases_share_2030_and_carry_their_targets() {
    let t = tf(
        "Năm 2025 - 2030: 80% trường THPT được tổ chức dạy thí điểm; 50% trường THCS được tổ chức dạy thí điểm. Năm 2030 - 2045: triển khai đại trà cho tất cả các trường THCS, THPT.",
    );
    let TimeframeKind::Phased { phases } = &t.kind else {
        panic!()
    };
    assert_eq!(
        phases[0].when.kind,
        TimeframeKind::Range {
            start: Point::year(2025),
            end: Point::year(2030)
        }
    );
    assert_eq!(
        phases[1].when.kind,
        TimeframeKind::Range {
            start: Point::year(2030),
            end: Point::year(2045)
        }
    );
    let t0 = &phases[0].targets;
    assert_eq!(t0.len(), 2);
    assert_eq!(
        (
            t0[0].percent,
            t0[0].subject.as_str(),
            t0[0].outcome.as_str()
        ),
        (Some(80.0), "trường THPT", "được tổ chức dạy thí điểm")
    );
    assert_eq!(
        (
            t0[1].percent,
            t0[1].subject.as_str(),
            t0[1].outcome.as_str()
        ),
        (Some(50.0), "trường THCS", "được tổ chức dạy thí điểm")
    );
    assert_eq!(phases[0].activity, None);
    assert_eq!(
        phases[1].activity.as_deref(),
        Some("triển khai đại trà cho tất cả các trường THCS, THPT")
    );
    assert!(phases[1].targets.is_empty());
    // Sharing the boundary year is not an overlap.
    assert!(check_against_plan(&t, d(PLAN), Some(2045)).is_empty());
    // Windows: one per phase, numbered from 1.
    let r = t.resolve(d(PLAN), Some(2030));
    assert_eq!(
        r.windows,
        vec![
            Window {
                start: Some(d("2025-01-01")),
                end: Some(d("2030-12-31")),
                end_assumed: false,
                phase: Some(1)
            },
            Window {
                start: Some(d("2030-01-01")),
                end: Some(d("2045-12-31")),
                end_assumed: false,
                phase: Some(2)
            },
        ]
    );
    let diags = check_against_plan(&t, d(PLAN), Some(2030));
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].code, "timeframe/beyond-horizon");
    assert!(diags[0].message.en.contains("2045"));
}

#[test]
fn overlapping_phases_are_reported_with_both_locations() {
    let text = "Năm 2021 - 2025: Xây dựng. Năm 2023 - 2030: Triển khai.";
    let (t, _) = parse_str(text);
    let diags = check_against_plan(&t, d(PLAN), Some(2030));
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].code, "timeframe/phase-overlap");
    assert_eq!(diags[0].span.slice(text), Some("Năm 2023 - 2030"));
    assert_eq!(diags[0].labels[0].span.slice(text), Some("Năm 2021 - 2025"));
    assert_eq!(
        diags[0].message.en,
        "phase 2 overlaps phase 1 by more than a boundary year"
    );
}

#[test]
fn ended_before_plan_and_open_ends_are_checked() {
    let diags = check_against_plan(&tf("Năm 2018 - 2019"), d(PLAN), Some(2030));
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].code, "timeframe/ended-before-plan");
    assert_eq!(diags[0].severity, Severity::Warning);
    assert!(diags[0].message.vi.contains("2019-12-31"));
    // An assumed end (from the horizon) is never reported.
    assert!(
        check_against_plan(&tf("Năm 2021 và những năm tiếp theo."), d(PLAN), Some(2030)).is_empty()
    );
    assert!(check_against_plan(&tf("Năm 2021 - 2030."), d(PLAN), Some(2030)).is_empty());
}

#[test]
fn unrecognized_and_reversed_diagnostics() {
    let (t, diags) = parse_str("Theo Nghị quyết 50/NQ-CP");
    assert_eq!(t.kind, TimeframeKind::Unrecognized {});
    assert_eq!(t.text, "Theo Nghị quyết 50/NQ-CP");
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].code, "timeframe/unrecognized");
    assert_eq!(diags[0].severity, Severity::Warning);
    assert_eq!(
        (diags[0].span.start, diags[0].span.end),
        (0, t.text.len() as u32)
    );

    let (t, diags) = parse_str("Năm 2030 - 2021");
    assert_eq!(
        t.kind,
        TimeframeKind::Range {
            start: Point::year(2030),
            end: Point::year(2021)
        }
    );
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].code, "timeframe/reversed-range");
    assert_eq!(diags[0].severity, Severity::Error);
    assert_eq!(
        diags[0].message.en,
        "reversed range: it ends (năm 2021) before it starts (năm 2030)"
    );

    let (t, diags) = parse_str("");
    assert_eq!((t.kind_name(), diags.len()), ("unrecognized", 1));

    let err = "Khoảng năm 2022".parse::<Timeframe>().unwrap_err();
    assert_eq!(err.code(), "invalid-argument");
}

#[test]
fn year_bounds_decide_what_is_a_year() {
    let p = TimeframeParser::new().year_bounds(2000..=2050);
    assert_eq!(p.parse_str("Năm 2051").0.kind_name(), "unrecognized");
    assert_eq!(
        p.parse_str("Năm 2050").0.kind,
        TimeframeKind::Point {
            at: Point::year(2050)
        }
    );
    assert_eq!(parse_str("Năm 1944").0.kind_name(), "unrecognized");
    assert_eq!(parse_str("Năm 2201").0.kind_name(), "unrecognized");
    assert_eq!(
        parse_str("Năm 1945").0.kind,
        TimeframeKind::Point {
            at: Point::year(1945)
        }
    );
}

#[test]
fn canonical_display() {
    for (input, shown) in [
        ("Từ năm 2021 - 2030.", "Năm 2021 - 2030"),
        ("2021- 2030", "Năm 2021 - 2030"),
        (
            "Năm 2021 và các năm tiếp theo",
            "Năm 2021 và những năm tiếp theo",
        ),
        ("từ tháng 3/2022 trở đi", "Từ tháng 3/2022 trở đi"),
        ("Quý 3/2024", "Quý III/2024"),
        ("ngày 15 tháng 9 năm 2016", "Ngày 15/9/2016"),
        ("6 tháng cuối năm 2022", "6 tháng cuối năm 2022"),
        ("Hoàn thành trong năm 2022", "Đến năm 2022"),
        ("cơ bản hoàn thành trước năm 2026", "Trước năm 2026"),
        ("Thường xuyên hàng năm.", "Thường xuyên hằng năm"),
        ("6 tháng một lần", "Định kỳ 6 tháng"),
        ("định kỳ 12 tháng", "Hằng năm"),
        (
            "Hằng năm, giai đoạn 2021 - 2025",
            "Hằng năm (năm 2021 - 2025)",
        ),
        ("khi có yêu cầu", "Khi được yêu cầu"),
        (
            "(Quý II/2022, Quý III/2022 và hằng năm)",
            "Quý II/2022, quý III/2022 và hằng năm",
        ),
        (
            "ĐẾN NĂM 2027, TẦM NHÌN ĐẾN NĂM 2035",
            "Đến năm 2027, tầm nhìn đến năm 2035",
        ),
        (
            "Năm 2022 - 2024: Xây dựng quy hoạch. Năm 2025 và những năm tiếp theo: Triển khai thực hiện.",
            "Năm 2022 - 2024: Xây dựng quy hoạch. Năm 2025 và những năm tiếp theo: Triển khai thực hiện",
        ),
        ("Theo chỉ đạo của UBND tỉnh", "Theo chỉ đạo của UBND tỉnh"),
    ] {
        assert_eq!(tf(input).to_string(), shown, "{input}");
    }
}

#[test]
fn resolution_rules() {
    let h = Some(2030);
    assert_eq!(
        windows(&tf("Năm 2021."), PLAN, h),
        vec![win(Some("2021-01-01"), Some("2021-12-31"))]
    );
    assert_eq!(
        windows(&tf("Quý III/2024"), PLAN, h),
        vec![win(Some("2024-07-01"), Some("2024-09-30"))]
    );
    assert_eq!(
        windows(&tf("6 tháng đầu năm 2022"), PLAN, h),
        vec![win(Some("2022-01-01"), Some("2022-06-30"))]
    );
    assert_eq!(
        windows(&tf("Tháng 2/2024"), PLAN, h),
        vec![win(Some("2024-02-01"), Some("2024-02-29"))]
    );
    assert_eq!(
        windows(&tf("Từ năm 2021 - 2030."), PLAN, h),
        vec![win(Some("2021-01-01"), Some("2030-12-31"))]
    );
    // Open ends: to the horizon (assumed), or open without one.
    let open = tf("Năm 2021 và những năm tiếp theo.");
    let r = open.resolve(d(PLAN), h);
    assert_eq!(
        (r.windows[0].end, r.windows[0].end_assumed),
        (Some(d("2030-12-31")), true)
    );
    assert_eq!(
        windows(&open, PLAN, None),
        vec![win(Some("2021-01-01"), None)]
    );
    assert_eq!(
        windows(&open, PLAN, Some(2020)),
        vec![win(Some("2021-01-01"), None)]
    );
    // Deadlines start on the plan date.
    assert_eq!(
        windows(&tf("Trước ngày 31/3/2022"), PLAN, h),
        vec![win(Some(PLAN), Some("2022-03-30"))]
    );
    assert_eq!(
        windows(&tf("cơ bản hoàn thành trước năm 2026"), PLAN, h),
        vec![win(Some(PLAN), Some("2025-12-31"))]
    );
    assert_eq!(
        windows(&tf("Đến năm 2027"), PLAN, h),
        vec![win(Some(PLAN), Some("2027-12-31"))]
    );
    assert_eq!(
        windows(&tf("Trước năm 2019"), PLAN, h),
        vec![win(Some("2018-12-31"), Some("2018-12-31"))]
    );
    // Recurrences.
    let r = tf("Thường xuyên hàng năm.").resolve(d(PLAN), h);
    assert_eq!(
        r.recurrence.map(|r| (r.freq, r.interval)),
        Some((Freq::Yearly, 1))
    );
    assert!(r.continuous && !r.conditional && r.recognized);
    assert_eq!(r.windows[0].start, Some(d(PLAN)));
    assert_eq!(r.windows[0].end, Some(d("2030-12-31")));
    let r = tf("Định kỳ 6 tháng (năm 2021 - 2025)").resolve(d(PLAN), h);
    assert_eq!(
        r.recurrence.map(|r| (r.freq, r.interval)),
        Some((Freq::HalfYearly, 1))
    );
    assert!(!r.continuous);
    assert_eq!(
        (r.windows[0].start, r.windows[0].end),
        win(Some("2021-01-01"), Some("2025-12-31"))
    );
    // Conditions are not schedulable.
    let r = tf("Theo hướng dẫn của Bộ Thông tin và Truyền thông và theo thực tiễn.")
        .resolve(d(PLAN), h);
    assert!(r.conditional && !r.is_schedulable());
    // Horizons keep their vision.
    let r = tf("giai đoạn 2021-2030, định hướng đến năm 2045").resolve(d(PLAN), h);
    assert_eq!(r.vision, Some(d("2045-12-31")));
    assert_eq!(r.windows.len(), 1);
    // Conjunctions: windows of each part, flags of all.
    let r = tf("Tháng 6/2022 và thường xuyên.").resolve(d(PLAN), h);
    assert_eq!(r.windows.len(), 2);
    assert_eq!(
        (r.windows[0].start, r.windows[0].end),
        win(Some("2022-06-01"), Some("2022-06-30"))
    );
    assert!(r.continuous);
    let hull = r.hull().unwrap();
    assert_eq!((hull.start, hull.end), win(Some(PLAN), Some("2030-12-31")));
    // Unrecognized.
    let (t, _) = parse_str("Khoảng năm 2022");
    let r = t.resolve(d(PLAN), h);
    assert!(!r.recognized && !r.is_schedulable());
}

#[test]
fn edtf_and_rrule_exports_list_what_they_lose() {
    for (input, edtf) in [
        ("Năm 2021.", "2021"),
        ("Từ năm 2021 - 2030.", "2021/2030"),
        ("Năm 2021 và những năm tiếp theo.", "2021/.."),
        ("6 tháng cuối năm 2022", "2022-41"),
        ("Quý I năm 2023", "2023-33"),
        ("Tháng 9/2022", "2022-09"),
        ("ngày 31/3/2022", "2022-03-31"),
        ("Đến năm 2027", "../2027"),
        ("Trước ngày 1/1/2022", "../2021-12-31"),
        ("Trước quý I/2023", "../2022-36"),
        ("từ tháng 3 đến tháng 6/2022", "2022-03/2022-06"),
    ] {
        let e = tf(input).to_edtf();
        assert_eq!(e.value.as_deref(), Some(edtf), "{input}");
        assert!(e.is_lossless(), "{input}: {:?}", e.lost);
    }
    let e = tf("giai đoạn 2021-2030, định hướng đến năm 2045").to_edtf();
    assert_eq!(e.value.as_deref(), Some("2021/2030"));
    assert_eq!(e.lost.len(), 1);
    assert_eq!(e.lost[0].text, "tầm nhìn đến năm 2045");
    let e = tf("Năm 2025 - 2030: 80% trường THPT được tổ chức dạy thí điểm; 50% trường THCS được tổ chức dạy thí điểm. Năm 2030 - 2045: triển khai đại trà.").to_edtf();
    assert_eq!(e.value.as_deref(), Some("2025/2045"));
    let reasons: Vec<&str> = e.lost.iter().map(|l| l.reason.as_str()).collect();
    assert_eq!(
        reasons,
        vec![
            "a phase's target has no EDTF form",
            "a phase's target has no EDTF form",
            "a phase's activity has no EDTF form",
            "phases are merged into one interval",
        ]
    );
    let e = tf("Theo hướng dẫn của Bộ Y tế").to_edtf();
    assert_eq!(e.value, None);
    assert_eq!(e.lost[0].text, "theo hướng dẫn của Bộ Y tế");

    let r = tf("Hằng quý").to_rrule();
    assert_eq!(
        (r.value.as_deref(), r.lost.len()),
        (Some("FREQ=MONTHLY;INTERVAL=3"), 0)
    );
    let r = tf("định kỳ 2 năm").to_rrule();
    assert_eq!(r.value.as_deref(), Some("FREQ=YEARLY;INTERVAL=2"));
    let r = tf("Hằng năm (năm 2021 - 2025)").to_rrule();
    assert_eq!(r.value.as_deref(), Some("FREQ=YEARLY;UNTIL=20251231"));
    assert_eq!(r.lost.len(), 1);
    let r = tf("Định kỳ").to_rrule();
    assert_eq!(r.value, None);
    assert_eq!(
        r.lost[0].reason,
        "the period of the recurrence is not stated"
    );
    let r = tf("(Quý II/2022, Quý III/2022 và hằng năm)").to_rrule();
    assert_eq!(r.value.as_deref(), Some("FREQ=YEARLY"));
    assert_eq!(r.lost.len(), 2);
    assert_eq!(r.lost[0].text, "Quý II/2022");
    let r = tf("Năm 2021").to_rrule();
    assert_eq!(
        (r.value, r.lost[0].reason.as_str()),
        (None, "not a recurrence")
    );
}

#[test]
fn json_shape_and_cli_object() {
    let t = tf("Theo hướng dẫn của Bộ Thông tin và Truyền thông và theo thực tiễn.");
    assert_eq!(
        t.kind,
        TimeframeKind::Conditional {
            basis: vec![
                Basis::Guidance {
                    authority: "Bộ Thông tin và Truyền thông".into()
                },
                Basis::Practice
            ]
        }
    );
    let v = serde_json::to_value(&t).unwrap();
    assert_eq!(v["kind"], "conditional");
    assert_eq!(v["basis"][0]["type"], "guidance");
    assert_eq!(v["basis"][1], serde_json::json!({ "type": "practice" }));
    assert_eq!(v["span"]["end"], t.text.len());
    let v = to_json("2030 - 2021");
    assert_eq!(v["kind"], "range");
    assert_eq!(v["start"]["year"], 2030);
    assert_eq!(v["diagnostics"][0]["code"], "timeframe/reversed-range");
    let v = to_json("Thường xuyên hàng năm.");
    assert_eq!(
        (
            v["kind"].as_str(),
            v["freq"].as_str(),
            v["interval"].as_u64(),
            v["continuous"].as_bool()
        ),
        (Some("recurring"), Some("yearly"), Some(1), Some(true))
    );
}

#[test]
fn a_value_naming_no_time_is_a_warning_not_a_condition() {
    let (t, diags) = parse_str("Khi nào xong thì thôi");
    assert_eq!(t.kind, TimeframeKind::Unrecognized {});
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].code, "timeframe/unrecognized");
    assert_eq!(diags[0].severity, Severity::Warning);
    assert_eq!(
        diags[0].message.en,
        "the timeframe \"Khi nào xong thì thôi\" names no time, deadline or condition"
    );
    // A condition stays a condition; an unread value that names a time keeps the usual message.
    assert_eq!(tf("Khi có yêu cầu").kind_name(), "conditional");
    let (_, diags) = parse_str("Khoảng năm 2022");
    assert!(diags[0].message.en.starts_with("unrecognized timeframe"));
}

#[test]
fn due_days_of_recurrences() {
    use kehoach::timeframe::Due;
    let due = |t: &Timeframe| match &t.kind {
        TimeframeKind::Recurring { freq, due, .. } => (*freq, *due),
        k => panic!("{k:?}"),
    };
    let before = |day, month| {
        Some(Due {
            day,
            month,
            inclusive: false,
        })
    };
    assert_eq!(
        due(&tf("trước ngày 20 tháng cuối quý")),
        (Freq::Quarterly, before(20, Some(3)))
    );
    assert_eq!(
        due(&tf("trước ngày 15/12 hằng năm")),
        (Freq::Yearly, before(15, Some(12)))
    );
    assert_eq!(
        due(&tf("Định kỳ hằng năm (trước ngày 15/12)")),
        (Freq::Yearly, before(15, Some(12)))
    );
    assert_eq!(
        due(&tf("Hằng tháng, chậm nhất ngày 5")),
        (
            Freq::Monthly,
            Some(Due {
                day: 5,
                month: None,
                inclusive: true
            })
        )
    );
    let t = tf("trước ngày 15/12 hằng năm");
    assert_eq!(t.to_string(), "Hằng năm (trước ngày 15/12)");
    let json = serde_json::to_value(&t).unwrap();
    assert_eq!(
        json["due"],
        serde_json::json!({ "day": 15, "month": 12, "inclusive": false })
    );
    assert_eq!(serde_json::from_value::<Timeframe>(json).unwrap(), t);
    let r = t.to_rrule();
    assert_eq!(r.value.as_deref(), Some("FREQ=YEARLY"));
    assert_eq!(r.lost[0].text, "trước ngày 15/12");
    // A due day that does not fit the period, or names no period, is not read.
    for s in [
        "trước ngày 15/12",
        "Hằng quý, trước ngày 15/12",
        "Định kỳ trước ngày 15/12",
        "trước ngày 31 tháng cuối quý",
        "trước ngày 31/4 hằng năm",
    ] {
        assert_eq!(parse_str(s).0.kind_name(), "unrecognized", "{s}");
    }
}

#[test]
fn corpus_forms_of_other_issuers() {
    let t = tf("từ nay đến năm 2020");
    assert_eq!(
        t.kind,
        TimeframeKind::Deadline {
            by: Point::year(2020),
            inclusive: true
        }
    );
    assert_eq!(
        windows(&t, "2016-03-01", None),
        vec![win(Some("2016-03-01"), Some("2020-12-31"))]
    );
    assert_eq!(
        tf("vào năm 2015").kind,
        TimeframeKind::Point {
            at: Point::year(2015)
        }
    );
    assert_eq!(
        tf("Năm 2021 - 2022 và các năm tiếp theo").kind,
        TimeframeKind::OpenEnded {
            start: Point::year(2021)
        }
    );
    let t = tf("Tháng 11, 12/2013 và các năm tiếp theo");
    let TimeframeKind::All { parts } = &t.kind else {
        panic!("{:?}", t.kind)
    };
    assert_eq!(parts[0].text, "Tháng 11");
    assert_eq!(
        parts[0].kind,
        TimeframeKind::Point {
            at: Point::month(2013, 11)
        }
    );
    assert_eq!(
        parts[1].kind,
        TimeframeKind::OpenEnded {
            start: Point::month(2013, 12)
        }
    );
    let t = tf("năm 2013 và kiện toàn thường xuyên hàng năm");
    let TimeframeKind::All { parts } = &t.kind else {
        panic!("{:?}", t.kind)
    };
    assert_eq!(parts[1].text, "kiện toàn thường xuyên hàng năm");
    assert_eq!(
        parts[1].kind,
        TimeframeKind::Recurring {
            freq: Freq::Yearly,
            interval: 1,
            continuous: true,
            within: None,
            due: None,
            season: None
        }
    );
    let t = tf("định kỳ hoặc đột xuất khi có yêu cầu");
    let TimeframeKind::All { parts } = &t.kind else {
        panic!("{:?}", t.kind)
    };
    assert_eq!(parts[0].kind_name(), "recurring");
    assert_eq!(
        parts[1].kind,
        TimeframeKind::Conditional {
            basis: vec![Basis::OnRequest]
        }
    );
    assert_eq!(parts[1].text, "đột xuất khi có yêu cầu");
    assert_eq!(
        tf("Năm 2025./.").kind,
        TimeframeKind::Point {
            at: Point::year(2025)
        }
    );
    // Activity words are a closed list: a negation is never skipped.
    assert_eq!(
        parse_str("năm 2013 và không thường xuyên").0.kind_name(),
        "unrecognized"
    );
    // A part borrows the next part's year only before it.
    assert_eq!(parse_str("Tháng 12, 11/2013").0.kind_name(), "unrecognized");
}

#[test]
fn decimal_percentages_read_as_the_same_numbers_and_write_back() {
    for (text, percent, canonical) in [
        ("Năm 2025: 12,5% xã đạt chuẩn.", 12.5, "12,5% xã đạt chuẩn"),
        (
            "Năm 2025: 12.05% xã đạt chuẩn.",
            12.05,
            "12,05% xã đạt chuẩn",
        ),
        (
            "Năm 2025: 33,333% xã đạt chuẩn.",
            33.333,
            "33,333% xã đạt chuẩn",
        ),
    ] {
        let t = tf(text);
        let TimeframeKind::Phased { phases } = &t.kind else {
            panic!("{text}: {:?}", t.kind);
        };
        assert_eq!(phases[0].targets[0].percent, Some(percent), "{text}");
        let written = t.to_string();
        assert!(written.contains(canonical), "{text}: {written}");
    }
}
