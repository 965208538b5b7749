//! Seed tests and helpers shared by the per-family tests.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // tests

use super::*;
use crate::{SEED_PLAN, Severity};

/// Checks a fragment (no header checks, free top-level start).
pub(super) fn run(text: &str) -> Vec<Diagnostic> {
    check_text(text, &CheckOptions::default().with_fragment(true)).diagnostics
}

/// Checks a whole document (with header checks).
pub(super) fn run_doc(text: &str) -> Vec<Diagnostic> {
    check_text(text, &CheckOptions::default()).diagnostics
}

/// (code, severity, sliced text, line, column, fix) of a diagnostic.
pub(super) type Summary<'a> = (&'static str, Severity, &'a str, u32, u32, Option<String>);

/// The [`Summary`] of each diagnostic.
pub(super) fn summary<'a>(text: &'a str, diags: &[Diagnostic]) -> Vec<Summary<'a>> {
    diags
        .iter()
        .map(|d| {
            (
                d.code,
                d.severity,
                d.span.slice(text).expect("span slices the input"),
                d.span.line,
                d.span.column,
                d.fix.as_ref().map(|f| f.replacement.clone()),
            )
        })
        .collect()
}

/// A small, clean plan with a full header.
pub(super) const DOC: &str = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n\nSố: 12/KH-UBND\n\nQuảng Ngãi, ngày 18 tháng 5 năm 2020\n\nKẾ HOẠCH\nThực hiện Nghị quyết số 50/NQ-CP ngày 17/4/2020 của Chính phủ\n\nI. MỤC ĐÍCH\n1. Mục đích\n- Triển khai kịp thời.\nII. NHIỆM VỤ\n1. Chung\na) Tổ chức quán triệt.\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Năm 2021.\n";

/// Applies every fix (non-overlapping, from the end).
fn apply_fixes(text: &str, diags: &[Diagnostic]) -> String {
    let mut fixes: Vec<_> = diags.iter().filter_map(|d| d.fix.as_ref()).collect();
    fixes.sort_by_key(|f| std::cmp::Reverse(f.span.start));
    let mut s = text.to_string();
    for f in fixes {
        s.replace_range(f.span.start as usize..f.span.end as usize, &f.replacement);
    }
    s
}

#[test]
fn seed_diagnostics_are_exactly_the_two_known_defects() {
    let diags = check(&crate::parse(SEED_PLAN), &CheckOptions::default());
    assert_eq!(
        summary(SEED_PLAN, &diags),
        [
            (
                "numbering/duplicate-point",
                Severity::Error,
                "d",
                99,
                1,
                Some("đ".to_string())
            ),
            (
                "citation/symbol-style",
                Severity::Error,
                "29/NQ-TW",
                201,
                107,
                Some("29-NQ/TW".to_string())
            ),
        ]
    );
    let dup = &diags[0];
    assert_eq!(dup.message.vi, "điểm \"d)\" bị trùng trong khoản 2 Mục II");
    assert_eq!(
        dup.message.en,
        "point \"d)\" appears twice in part 2 of section II"
    );
    assert_eq!(
        dup.notes[0].vi,
        "theo thứ tự chữ cái tiếng Việt, điểm này phải là \"đ)\""
    );
    // The label points at the first "d)" of II.2.
    assert_eq!(
        (dup.labels[0].span.line, dup.labels[0].span.slice(SEED_PLAN)),
        (93, Some("d"))
    );
    let cite = &diags[1];
    assert_eq!(cite.notes.len(), 2);
    assert!(cite.notes[1].vi.contains("Ban Chấp hành Trung ương Đảng"));
}

#[test]
fn seed_with_fixes_applied_is_clean() {
    let diags = check(&crate::parse(SEED_PLAN), &CheckOptions::default());
    let fixed = apply_fixes(SEED_PLAN, &diags);
    let by_hand = SEED_PLAN
        .replacen(
            "d) Xây dựng các cơ chế, chính sách tạo lập hành lang pháp lý",
            "đ) Xây dựng các cơ chế, chính sách tạo lập hành lang pháp lý",
            1,
        )
        .replacen("29/NQ-TW", "29-NQ/TW", 1);
    assert_eq!(fixed, by_hand);
    let opts = CheckOptions::default().with_as_of(Date::from_ymd(2026, 11, 28).unwrap());
    let after = check_text(&fixed, &opts);
    // Clean at error level; the only warnings left are the 2025 reorganization's.
    assert!(
        after
            .diagnostics
            .iter()
            .all(|d| d.severity != Severity::Error && d.code == "agency/succeeded"),
        "{:#?}",
        after.diagnostics
    );
    assert_eq!(after.plan.tasks().len(), 44);
}

#[test]
fn language_and_order() {
    let out = crate::parse(SEED_PLAN);
    let en = check(&out, &CheckOptions::default().with_lang(Lang::En));
    assert!(en.iter().all(|d| d.lang == Lang::En));
    let json = serde_json::to_value(&en[1]).unwrap();
    assert_eq!(
        json["message"],
        "symbol \"29/NQ-TW\" is written in state style but \"TW\" is a Party body: write \"29-NQ/TW\""
    );
    let vi = check(&out, &CheckOptions::default());
    assert_eq!(
        serde_json::to_value(&vi[1]).unwrap()["message"],
        "số ký hiệu \"29/NQ-TW\" viết theo kiểu văn bản nhà nước, nhưng \"TW\" là cơ quan của Đảng: phải viết \"29-NQ/TW\""
    );
    // Parse diagnostics are kept, and everything comes sorted by position.
    let out = crate::parse(
        "I. A\n1. B\na) C.\n- Cơ quan chủ trì:\n- Thời gian thực hiện: Năm 2021.\nc) D.\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Năm 2021.\n",
    );
    let diags = check(&out, &CheckOptions::default().with_fragment(true));
    let codes: Vec<_> = diags.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["task/empty-label", "numbering/skipped-point"]);
    assert!(diags.windows(2).all(|w| w[0].span.start <= w[1].span.start));
}

#[test]
fn small_document_is_clean() {
    assert_eq!(run_doc(DOC), []);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Any text: no panic, every span (and fix span) in bounds and on char boundaries.
    #[test]
    fn check_never_panics_and_spans_slice(
        lines in proptest::collection::vec(
            "(I|II|IV|V|1|2|2a|3|a|a1|b|d|đ|f|ă)[.)] ?[a-zđ ]{0,8}(ngày 3[01]/[0-9]{1,2}/20[0-9]{2})?( [0-9]{1,3}[-/](NQ|KH|QĐ)[-/](TW|CP|TU|UBND|X))?|- (Cơ quan chủ trì|Thời gian thực hiện):[ a-z0-9]{0,6}|Số: [0-9]{1,3}/KH-UBND|[A-ZĐỦ ]{0,10}",
            0..24,
        )
    ) {
        let text = lines.join("\n");
        for opts in [CheckOptions::default(), CheckOptions::default().with_fragment(true)] {
            let out = check_text(&text, &opts);
            for d in &out.diagnostics {
                proptest::prop_assert!(d.span.slice(&text).is_some(), "{:?}", d);
                if let Some(f) = &d.fix {
                    proptest::prop_assert!(f.span.slice(&text).is_some(), "{:?}", d);
                }
            }
        }
    }
}
