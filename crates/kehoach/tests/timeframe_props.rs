//! Property tests for timeframes: no panic and sane spans on any string, linear cost on huge
//! inputs, `parse(display(t))` means `t`, and JSON round trips.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // tests: a failed unwrap is a failed test

use kehoach::timeframe::{
    Basis, Due, Freq, Phase, Point, Season, Target, Timeframe, TimeframeKind, parse_str,
};
use kehoach::{Date, LineIndex, Locator, parse_timeframe};
use proptest::prelude::*;

fn check_spans(text: &str) {
    let idx = LineIndex::new(text);
    let (t, d) = parse_timeframe(text, &Locator::new(&idx));
    assert_eq!(t.text, text);
    t.walk(&mut |part| {
        assert!(
            part.span.slice(text).is_some(),
            "span {:?} of {text:?}",
            part.span
        );
        assert_eq!(part.span.slice(text), Some(part.text.as_str()));
    });
    assert_eq!(
        t.is_recognized(),
        !d.iter().any(|d| d.code == "timeframe/unrecognized")
    );
    if !t.is_recognized() {
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].span.start, d[0].span.end as usize), (0, text.len()));
    }
    // Resolution and exports never panic either.
    let plan = Date::from_ymd(2020, 5, 18).unwrap();
    let _ = t.resolve(plan, Some(2030));
    let _ = t.to_edtf();
    let _ = t.to_rrule();
    let _ = t.to_string();
}

const WORDS: &[&str] = &[
    "năm",
    "Năm",
    "NĂM",
    "2021",
    "2030",
    "1900",
    "99999",
    "-",
    "–",
    ".",
    ",",
    ":",
    ";",
    "(",
    ")",
    "/",
    "%",
    "80",
    "6",
    "3",
    "31",
    "tháng",
    "quý",
    "III",
    "ngày",
    "đến",
    "từ",
    "trước",
    "và",
    "những",
    "các",
    "tiếp",
    "theo",
    "trở",
    "đi",
    "hằng",
    "hàng",
    "định",
    "kỳ",
    "thường",
    "xuyên",
    "hướng",
    "dẫn",
    "của",
    "Bộ",
    "khi",
    "sau",
    "giai",
    "đoạn",
    "tầm",
    "nhìn",
    "đầu",
    "cuối",
    "lần",
    "một",
    "hoàn",
    "thành",
    "trong",
    "50/NQ-CP",
    "tất",
    "cả",
    "được",
    "hoặc",
    "đột",
    "xuất",
    "kiện",
    "toàn",
    "bổ",
    "sung",
    "dự",
    "kiến",
    "nay",
    "vào",
    "nào",
    "11,",
    "IV/2025",
    "IV-2025",
    "15/12",
    "./.",
];

proptest! {
    #[test]
    fn any_string_never_panics(s in any::<String>()) {
        check_spans(&s);
    }

    #[test]
    fn grammar_words_never_panic(words in prop::collection::vec(prop::sample::select(WORDS), 0..40)) {
        check_spans(&words.join(" "));
        check_spans(&words.concat());
    }
}

#[test]
fn huge_inputs_are_read_in_linear_time() {
    let unlimited = kehoach::timeframe::TimeframeParser::new().limits(usize::MAX, usize::MAX);
    let digits = "9".repeat(100_000);
    for text in [
        format!("Năm {digits}"),
        format!("{digits}/{digits}"),
        format!("Quý {digits}/2022"),
        "Năm 2021 - 2030. ".repeat(20_000),
        "(".repeat(50_000) + &")".repeat(50_000),
        "Năm 2021 và ".repeat(20_000),
        "Năm 2021: a. ".repeat(20_000),
        "theo hướng dẫn và ".repeat(20_000),
        "định hướng ".repeat(20_000),
        "Tháng 11, ".repeat(20_000) + "12/2013",
        "Quý I, II, ".repeat(10_000) + "III/2025",
        "bổ sung, ".repeat(20_000) + "hằng năm",
        "kiện toàn ".repeat(20_000) + "hằng năm",
        "6 tháng, ".repeat(20_000) + "hằng năm",
        "Năm 2021 (sau khi a) ".repeat(20_000),
        "trước ngày 15/12 ".repeat(20_000) + "hằng năm",
        "ngày ".repeat(20_000) + "tháng 11/2025",
        "Năm 2021 hoặc đột xuất ".repeat(20_000),
        "Năm 2021./.".repeat(20_000),
        "+ a b trước năm 2025. ".repeat(20_000),
        "+ trước trong đến ".repeat(20_000) + "năm 2025",
        "Từ tháng 3 đến tháng 11 hằng năm, ".repeat(20_000),
        "10-11/".repeat(20_000) + "2019",
        "Theo Luật a 2025 ".repeat(20_000),
    ] {
        // By default too long to read: verbatim, one warning.
        let (t, d) = parse_str(&text);
        assert_eq!(t.text.len(), kehoach::text::normalize(&text).len());
        assert_eq!(
            (t.kind_name(), d[0].code),
            ("unrecognized", "timeframe/too-long")
        );
        // Without the limits the grammar reads them (linear: the scaling bench).
        let (t, _) = unlimited.parse_str(&text);
        assert_eq!(t.text.len(), kehoach::text::normalize(&text).len());
    }
    let (t, d) = unlimited.parse_str(&format!("Năm {digits}"));
    assert_eq!(t.kind_name(), "unrecognized");
    assert_eq!(d[0].code, "timeframe/unrecognized");
    // 20 000 phases are read as such, each with its activity.
    let (t, _) = unlimited.parse_str(&"Năm 2021: a. ".repeat(20_000));
    match t.kind {
        TimeframeKind::Phased { phases } => assert_eq!(phases.len(), 20_000),
        k => panic!("{k:?}"),
    }
}

fn point() -> BoxedStrategy<Point> {
    let y = 1945i32..=2200;
    prop_oneof![
        y.clone().prop_map(Point::year),
        (y.clone(), 1u8..=2).prop_map(|(y, h)| Point::half(y, h)),
        (y.clone(), 1u8..=4).prop_map(|(y, q)| Point::quarter(y, q)),
        (y.clone(), 1u8..=12).prop_map(|(y, m)| Point::month(y, m)),
        (y, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Point::day(y, m, d)),
    ]
    .boxed()
}

fn time() -> BoxedStrategy<Timeframe> {
    prop_oneof![
        point().prop_map(|at| TimeframeKind::Point { at }),
        (point(), point()).prop_map(|(start, end)| TimeframeKind::Range { start, end }),
        point().prop_map(|start| TimeframeKind::OpenEnded { start }),
        (point(), any::<bool>())
            .prop_map(|(by, inclusive)| TimeframeKind::Deadline { by, inclusive }),
    ]
    .prop_map(Timeframe::new)
    .boxed()
}

/// Recurrences in their canonical (normalized) form.
const FREQS: &[(Freq, u32)] = &[
    (Freq::Yearly, 1),
    (Freq::Yearly, 2),
    (Freq::Yearly, 5),
    (Freq::HalfYearly, 1),
    (Freq::HalfYearly, 3),
    (Freq::Quarterly, 1),
    (Freq::Quarterly, 3),
    (Freq::Monthly, 1),
    (Freq::Monthly, 2),
    (Freq::Monthly, 7),
    (Freq::Weekly, 1),
    (Freq::Weekly, 2),
    (Freq::Daily, 1),
    (Freq::Unspecified, 1),
];

fn recurring() -> BoxedStrategy<Timeframe> {
    prop_oneof![
        (
            prop::sample::select(FREQS),
            any::<bool>(),
            prop::option::of(time())
        )
            .prop_map(
                |((freq, interval), continuous, within)| TimeframeKind::Recurring {
                    freq,
                    interval,
                    continuous,
                    within: within.map(Box::new),
                    due: None,
                    season: None,
                }
            ),
        prop::option::of(time()).prop_map(|w| TimeframeKind::Continuous {
            within: w.map(Box::new)
        }),
        (due(), any::<bool>(), prop::option::of(time())).prop_map(
            |((freq, due, season), continuous, within)| TimeframeKind::Recurring {
                freq,
                interval: 1,
                continuous,
                within: within.map(Box::new),
                due,
                season,
            }
        ),
    ]
    .prop_map(Timeframe::new)
    .boxed()
}

/// A due day that fits its period, or the months of each year.
fn due() -> BoxedStrategy<(Freq, Option<Due>, Option<Season>)> {
    let due = |day, month, inclusive| {
        Some(Due {
            day,
            month,
            inclusive,
        })
    };
    prop_oneof![
        (1u8..=28, 1u8..=12, any::<bool>()).prop_map(move |(d, m, i)| (
            Freq::Yearly,
            due(d, Some(m), i),
            None
        )),
        (1u8..=30, prop::sample::select(&[1u8, 3][..]), any::<bool>())
            .prop_map(move |(d, m, i)| (Freq::Quarterly, due(d, Some(m), i), None)),
        (1u8..=31, any::<bool>()).prop_map(move |(d, i)| (Freq::Monthly, due(d, None, i), None)),
        (1u8..=12, 0u8..=11).prop_map(|(from, len)| {
            let to = from.saturating_add(len).min(12);
            (Freq::Yearly, None, Some(Season { from, to }))
        }),
    ]
    .boxed()
}

fn conditional() -> BoxedStrategy<Timeframe> {
    let basis = prop_oneof![
        prop::sample::select(vec!["Bộ Thông tin và Truyền thông", "Sở Y tế", ""]).prop_map(|a| {
            Basis::Guidance {
                authority: a.into(),
            }
        }),
        Just(Basis::Practice),
        Just(Basis::OnRequest),
        prop::sample::select(vec!["Đề án được phê duyệt", "có kinh phí"])
            .prop_map(|e| Basis::AfterEvent { event: e.into() }),
        prop::sample::select(vec!["theo chỉ đạo của UBND tỉnh", "căn cứ tình hình"])
            .prop_map(|t| Basis::Other { text: t.into() }),
    ];
    prop::collection::vec(basis, 1..4)
        .prop_map(|basis| Timeframe::new(TimeframeKind::Conditional { basis }))
        .boxed()
}

fn target() -> BoxedStrategy<Target> {
    (
        prop_oneof![
            (0u32..=100).prop_map(|p| (Some(f64::from(p)), None)),
            Just((Some(12.5), None)),
            Just((None, Some("tất cả".to_string()))),
        ],
        prop::sample::select(vec!["trường THPT", "xã", "cơ quan nhà nước"]),
        prop::sample::select(vec!["được tổ chức dạy thí điểm", "đạt chuẩn", "có kết nối"]),
    )
        .prop_map(|((percent, quantifier), s, o)| Target {
            percent,
            quantifier,
            subject: s.into(),
            outcome: o.into(),
        })
        .boxed()
}

fn phased() -> BoxedStrategy<Timeframe> {
    let phase = (
        time(),
        prop::option::of(prop::sample::select(vec![
            "Xây dựng quy hoạch",
            "triển khai đại trà cho tất cả các trường THCS, THPT",
        ])),
        prop::collection::vec(target(), 0..3),
    )
        .prop_map(|(when, a, targets)| Phase {
            when,
            activity: a.map(String::from),
            targets,
        });
    prop::collection::vec(phase, 1..4)
        .prop_map(|phases| Timeframe::new(TimeframeKind::Phased { phases }))
        .boxed()
}

fn all() -> BoxedStrategy<Timeframe> {
    (
        prop::collection::vec(prop_oneof![time(), recurring()], 2..5),
        prop::option::of(conditional()),
    )
        .prop_filter("two parts that read as one recurrence", |(parts, c)| {
            let is_rec = |t: &Timeframe| matches!(t.kind, TimeframeKind::Recurring { .. });
            let is_cont = |t: &Timeframe| matches!(t.kind, TimeframeKind::Continuous { .. });
            let bare_rec = |t: &Timeframe| {
                matches!(
                    t.kind,
                    TimeframeKind::Recurring {
                        within: None,
                        continuous: false,
                        ..
                    }
                )
            };
            let bare_cont =
                |t: &Timeframe| matches!(t.kind, TimeframeKind::Continuous { within: None });
            !(c.is_none()
                && parts.len() == 2
                && ((bare_rec(&parts[0]) && is_cont(&parts[1]))
                    || (bare_cont(&parts[0]) && is_rec(&parts[1]))))
        })
        .prop_map(|(mut parts, c)| {
            parts.extend(c);
            Timeframe::new(TimeframeKind::All { parts })
        })
        .boxed()
}

fn timeframe() -> BoxedStrategy<Timeframe> {
    prop_oneof![
        time(),
        recurring(),
        conditional(),
        phased(),
        (time(), point()).prop_map(|(period, vision)| Timeframe::new(TimeframeKind::Horizon {
            period: Box::new(period),
            vision,
        })),
        all(),
    ]
    .boxed()
}

proptest! {
    #[test]
    fn display_reads_back_as_the_same_timeframe(t in timeframe()) {
        let shown = t.to_string();
        let back: Timeframe = shown.parse().map_err(|e| TestCaseError::fail(format!("{shown:?}: {e}")))?;
        prop_assert_eq!(back.semantic(), t.semantic(), "{}", shown);
        // Display is canonical: rendering again gives the same words.
        prop_assert_eq!(back.to_string(), shown);
    }

    #[test]
    fn json_round_trips(t in timeframe()) {
        let (parsed, _) = parse_str(&t.to_string());
        for v in [t, parsed] {
            let json = serde_json::to_string(&v).unwrap();
            let back: Timeframe = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, v);
        }
    }

    #[test]
    fn resolution_never_panics(t in timeframe(), h in prop::option::of(1900i32..2300)) {
        let plan = Date::from_ymd(2020, 5, 18).unwrap();
        let r = t.resolve(plan, h);
        let _ = r.hull();
        let _ = kehoach::timeframe::check_against_plan(&t, plan, h);
    }
}
