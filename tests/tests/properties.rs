//! Property tests: parsing never panics and keeps spans in bounds; render/parse round trip.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // test code: a panic is a failure report

use proptest::prelude::*;
use std::collections::HashMap;

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[IVX]{1,3}\\. [A-ZĐỦẾ ,]{0,20}",
        "[0-9]{1,2}[a]?\\. [a-zđạếờ ]{0,20}",
        "[a-zđăf][0-9]?\\) [a-zđạếờ ,;.]{0,30}",
        "- (Cơ quan chủ trì|Thời gian thực hiện|Thời gian|Tiến độ|Đơn vị chủ trì): [A-Za-zđĐởạ0-9 ,;.-]{0,30}",
        "- [a-zđạếờ ,]{0,20}",
        "[A-Za-zĐđạếờÂ ,.:;()/0-9-]{0,40}",
        Just(String::new()),
        Just("Nơi nhận:".to_string()),
        Just("HIỆU LỰC VĂN BẢN".to_string()),
        Just("Số: 12/KH-UBND".to_string()),
        Just("Quảng Ngãi, ngày 31 tháng 2 năm 2020".to_string()),
        Just("KẾ HOẠCH".to_string()),
    ]
}

fn doc() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 0..40).prop_map(|ls| ls.join("\n"))
}

fn check_bounds(input: &str) {
    let out = kehoach::parse(input);
    for s in kehoach_tests::all_spans(&out.plan)
        .into_iter()
        .chain(out.diagnostics.iter().map(|d| d.span))
    {
        assert!(s.start <= s.end, "{s:?}");
        assert!(
            (s.end as usize) <= input.len(),
            "{s:?} beyond {}",
            input.len()
        );
        assert!(input.is_char_boundary(s.start as usize) && input.is_char_boundary(s.end as usize));
        assert!(s.line >= 1 && s.column >= 1);
    }
}

/// Numbering lines that repeat a lot (a repeated designation gets `_2`, `_3`, …).
fn repeating_doc() -> impl Strategy<Value = String> {
    let line = prop::sample::select(vec![
        "I. A", "II. B", "1. x", "2. y", "1a. z", "a) p", "b) q", "đ) r", "d) s", "a1) t", "văn",
    ]);
    prop::collection::vec(line, 0..80).prop_map(|ls| ls.join("\n"))
}

/// The ids a plan should have: each unit's parent id, `__`, kind prefix and designation, with
/// `_n` on the n-th unit of the whole plan that would get the same id (the definition the
/// parser's per-parent counting must match).
fn expected_ids(
    units: &[kehoach::Unit],
    parent: Option<&str>,
    seen: &mut HashMap<String, u32>,
    out: &mut Vec<String>,
) {
    for u in units {
        let own = match u.kind {
            kehoach::document::UnitKind::Section => u.num.to_string(),
            _ => kehoach::numbering::eid_token(&u.num),
        };
        let mut eid = match parent {
            Some(p) => format!("{p}__{}_{own}", u.kind.eid_prefix()),
            None => format!("{}_{own}", u.kind.eid_prefix()),
        };
        let n = seen.entry(eid.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            eid = format!("{eid}_{n}");
        }
        out.push(eid.clone());
        expected_ids(&u.children, Some(&eid), seen, out);
    }
}

fn actual_ids(units: &[kehoach::Unit], out: &mut Vec<String>) {
    for u in units {
        out.push(u.eid.to_string());
        actual_ids(&u.children, out);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)))]

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        check_bounds(&s);
    }

    #[test]
    fn plan_like_text_keeps_spans_in_bounds(s in doc()) {
        check_bounds(&s);
        let crlf = s.replace('\n', "\r\n");
        check_bounds(&crlf);
    }

    #[test]
    fn render_then_parse_gives_the_same_model(s in doc()) {
        let plan = kehoach::parse(&s).plan;
        let text = kehoach::document::render(&plan);
        let again = kehoach::parse(&text).plan;
        prop_assert_eq!(kehoach::document::content_json(&again), kehoach::document::content_json(&plan));
    }

    #[test]
    fn repeated_designations_get_unique_ids(s in repeating_doc()) {
        let plan = kehoach::parse(&s).plan;
        let (mut want, mut got) = (Vec::new(), Vec::new());
        expected_ids(&plan.body, None, &mut HashMap::new(), &mut want);
        actual_ids(&plan.body, &mut got);
        prop_assert_eq!(&got, &want);
        let mut unique = got.clone();
        unique.sort();
        unique.dedup();
        prop_assert_eq!(unique.len(), got.len());
    }

    #[test]
    fn json_round_trip_is_lossless(s in doc()) {
        let plan = kehoach::parse(&s).plan;
        let json = serde_json::to_string(&plan).unwrap();
        let back: kehoach::Plan = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, plan);
    }
}

#[test]
fn seed_round_trips() {
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    let text = kehoach::document::render(&plan);
    let again = kehoach::parse(&text);
    assert_eq!(
        kehoach::document::content_json(&again.plan),
        kehoach::document::content_json(&plan)
    );
    assert_eq!(again.plan.tasks().len(), 44);
}
