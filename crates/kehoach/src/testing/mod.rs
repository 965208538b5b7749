//! Helpers for teams that validate amendments in their own tests.
//!
//! A portal team keeps its plan and the amendments it drafts in its repository and checks, in
//! an ordinary `#[test]`, that a draft applies cleanly (or is rejected for the right reason)
//! before it is issued. The assertions panic with a readable report: the diagnostics with their
//! lines and, for an amendment that applied when it should not, the diff it would make.
//!
//! ```
//! use kehoach::testing::{assert_amendment_applies, assert_amendment_fails_with, check_invariants};
//!
//! // #[test]
//! // fn draft_amendment_35_applies() {
//! let plan = kehoach::parse(kehoach::SEED_PLAN).plan; // or std::fs::read_to_string("plan.txt")
//! let result = assert_amendment_applies(&plan, "Bãi bỏ điểm b khoản 3 Mục II.");
//! assert_eq!(result.changes[0].number, "II.3.b");
//! check_invariants(&plan, &result).unwrap(); // ids unique, nothing lost
//!
//! assert_amendment_fails_with(
//!     &plan,
//!     r#"{ "operations": [{ "op": "insert", "after": "II.8.e", "number": "h",
//!          "text": "Nhiệm vụ mới.\n- Cơ quan chủ trì: Sở Nội vụ.\n- Thời gian thực hiện: Năm 2022." }] }"#,
//!     &["amend/invalid-number"], // after "e" comes "g": "h" skips the sequence
//! );
//! // }
//! ```
//!
//! With the `proptest` feature, `strategies` generates valid plans and amendments for them,
//! for property tests of your own tooling. With the `office` feature, `fill_workbook` fills
//! a tracking workbook's cells as an agency would, for round-trip tests.
#![cfg_attr(feature = "office", doc = "(See [`fill_workbook`].)")]

#[cfg(feature = "proptest")]
pub mod strategies;
#[cfg(feature = "office")]
mod workbook;
#[cfg(feature = "office")]
pub use workbook::{CellValue, fill_workbook};

use crate::amend::{AmendmentResult, amend_text, diff, render_changes, render_diff};
use crate::diagnostic::Lang;
use crate::document::Plan;
use std::collections::BTreeSet;
use std::fmt::Write;

/// Renders an amendment result for people: applied or not, the changes, the diagnostics with
/// their line and column.
pub fn render_result(result: &AmendmentResult, lang: Lang) -> String {
    let mut out = String::new();
    let vi = lang == Lang::Vi;
    let status = match (result.applied, vi) {
        (true, true) => "đã áp dụng",
        (true, false) => "applied",
        (false, true) => "không áp dụng (kế hoạch giữ nguyên)",
        (false, false) => "not applied (the plan is unchanged)",
    };
    let _ = writeln!(out, "{status}");
    out.push_str(&render_changes(&result.changes, lang));
    for d in &result.diagnostics {
        let _ = writeln!(
            out,
            "{}:{}: {} [{}] {}",
            d.span.line,
            d.span.column,
            d.severity.as_str(),
            d.code,
            d.message_in(lang)
        );
        for n in &d.notes {
            let _ = writeln!(out, "    {}", n.get(lang));
        }
    }
    out
}

/// Applies an amendment (JSON or Vietnamese instructions) and panics with the diagnostics
/// unless it applies cleanly (no error, no warning). Returns the result.
#[track_caller]
#[allow(clippy::panic)] // a test assertion: panicking is how it reports failure
pub fn assert_amendment_applies(plan: &Plan, amendment: &str) -> AmendmentResult {
    let r = amend_text(plan, amendment);
    if !r.applied || !r.diagnostics.is_empty() {
        panic!(
            "the amendment does not apply cleanly:\n{}",
            render_result(&r, Lang::En)
        );
    }
    r
}

/// Applies an amendment and panics unless it fails with exactly these codes (in order); the
/// message shows what it did instead (the diff when it applied).
#[track_caller]
#[allow(clippy::panic)] // a test assertion: panicking is how it reports failure
pub fn assert_amendment_fails_with(
    plan: &Plan,
    amendment: &str,
    codes: &[&str],
) -> AmendmentResult {
    let r = amend_text(plan, amendment);
    let got = r.codes();
    if r.applied {
        panic!(
            "the amendment applied, expected it to fail with {codes:?}; its diff:\n{}",
            render_diff(&diff(plan, &r.plan), Lang::En)
        );
    }
    if got != codes {
        panic!(
            "the amendment failed with {got:?}, expected {codes:?}:\n{}",
            render_result(&r, Lang::En)
        );
    }
    r
}

/// Checks what must hold after any amendment: element ids unique, the input plan untouched
/// when not applied, and no unit lost (each unit of the input is still there, by eid or as the
/// `wId` of a renumbered unit, or was repealed by a change of this result).
pub fn check_invariants(before: &Plan, result: &AmendmentResult) -> Result<(), String> {
    let mut seen = BTreeSet::new();
    let mut dup = Vec::new();
    result.plan.walk(&mut |u| {
        if !seen.insert(u.eid.clone()) {
            dup.push(u.eid.clone());
        }
    });
    if !dup.is_empty() {
        return Err(format!("duplicate element ids: {dup:?}"));
    }
    if !result.applied {
        return if &result.plan == before {
            Ok(())
        } else {
            Err("not applied, yet the plan changed".into())
        };
    }
    let mut present = seen;
    result.plan.walk(&mut |u| {
        if let Some(w) = &u.w_id {
            present.insert(w.clone());
        }
    });
    let mut repealed = BTreeSet::new();
    for c in result.changes.iter().filter(|c| c.op == "repeal") {
        if let Some(u) = &c.before {
            u.walk(&mut |x| {
                repealed.insert(x.eid.clone());
                if let Some(w) = &x.w_id {
                    repealed.insert(w.clone());
                }
            });
        }
    }
    let mut lost = Vec::new();
    before.walk(&mut |u| {
        let id = u.w_id.as_ref().unwrap_or(&u.eid);
        if !present.contains(&u.eid) && !present.contains(id) && !repealed.contains(&u.eid) {
            lost.push(u.eid.clone());
        }
    });
    if lost.is_empty() {
        Ok(())
    } else {
        Err(format!("units lost (neither kept nor repealed): {lost:?}"))
    }
}

/// Numbering problems in a plan: a designation outside its sequence or siblings of one kind
/// out of strict order (`II.2: "d" after "d"`). Empty when the numbering is valid.
pub fn numbering_problems(plan: &Plan) -> Vec<String> {
    use crate::amend::check::{compare_nums, is_valid_num};
    use crate::document::Unit;
    fn check(parent: &str, units: &[Unit], out: &mut Vec<String>) {
        let mut prev: Option<&Unit> = None;
        for u in units {
            if !is_valid_num(u.kind, &u.num) {
                out.push(format!("{parent}: \"{}\" is outside its sequence", u.num));
            } else if let Some(p) = prev.filter(|p| p.kind == u.kind) {
                if compare_nums(u.kind, &p.num, &u.num) != Some(std::cmp::Ordering::Less) {
                    out.push(format!("{parent}: \"{}\" after \"{}\"", u.num, p.num));
                }
            }
            if is_valid_num(u.kind, &u.num) {
                prev = Some(u);
            }
            check(&u.number, &u.children, out);
        }
    }
    let mut out = Vec::new();
    check("", &plan.body, &mut out);
    out
}
