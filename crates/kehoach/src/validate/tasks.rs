//! Tasks: every task needs a lead agency ("Cơ quan chủ trì") and a timeframe ("Thời gian thực
//! hiện"). A task is what [`Plan::tasks`] returns: a unit with either field, or a lettered
//! point whose sibling points carry them (so a point that forgot both is still caught).
//!
//! A label given twice or with no value is reported by the parser (`task/duplicate-label`,
//! `task/empty-label`); a present but empty label is not also "missing".

use crate::diagnostic::{Diagnostic, codes};
use crate::document::{Plan, Unit, UnitKind};

/// Checks every task of the plan.
pub(super) fn check(plan: &Plan, out: &mut Vec<Diagnostic>) {
    for u in &plan.body {
        visit(u, false, out);
    }
}

/// Mirrors `Plan::tasks` (document/model.rs) but keeps the unit, for its designation span.
fn visit(u: &Unit, sibling_points_are_tasks: bool, out: &mut Vec<Diagnostic>) {
    if u.has_task_fields() || (sibling_points_are_tasks && u.kind == UnitKind::Point) {
        if u.leads.is_none() {
            out.push(codes::missing_lead(u.num_span, &u.number));
        }
        if u.timeframe.is_none() {
            out.push(codes::missing_timeframe(u.num_span, &u.number));
        }
    }
    let points_are_tasks = u
        .children
        .iter()
        .any(|c| c.kind == UnitKind::Point && c.has_task_fields());
    for c in &u.children {
        visit(c, points_are_tasks, out);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)] // tests

    use crate::Severity;
    use crate::validate::tests::{run, summary};

    const OK: &str = "I. NHIỆM VỤ\n1. Chung\na) Một.\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Năm 2021.\nb) Hai.\n- Cơ quan chủ trì: Sở Nội vụ.\n- Thời gian thực hiện: Năm 2022.\n";

    #[test]
    fn complete_tasks_pass() {
        assert_eq!(run(OK), []);
    }

    #[test]
    fn missing_lead_and_timeframe() {
        let t = "I. NHIỆM VỤ\n1. Chung\na) Một.\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Năm 2021.\nb) Hai.\n- Thời gian thực hiện: Năm 2022.\nc) Ba.\n- Cơ quan chủ trì: Sở Y tế.\nd) Bốn, quên cả hai.\n";
        let d = run(t);
        assert_eq!(
            summary(t, &d),
            [
                ("task/missing-lead", Severity::Warning, "b", 6, 1, None),
                ("task/missing-timeframe", Severity::Warning, "c", 8, 1, None),
                ("task/missing-lead", Severity::Warning, "d", 10, 1, None),
                (
                    "task/missing-timeframe",
                    Severity::Warning,
                    "d",
                    10,
                    1,
                    None
                ),
            ]
        );
        assert_eq!(d[0].message.vi, "nhiệm vụ I.1.b thiếu \"Cơ quan chủ trì\"");
    }

    #[test]
    fn a_part_task_and_empty_labels() {
        // A part that carries its own fields is a task too.
        let t = "I. NHIỆM VỤ\n1. Rà soát thể chế.\n- Thời gian thực hiện: Năm 2021.\n";
        assert_eq!(
            summary(t, &run(t)),
            [("task/missing-lead", Severity::Warning, "1", 2, 1, None)]
        );
        // An empty label is the parser's `task/empty-label`, not also "missing".
        let t = "I. NHIỆM VỤ\n1. Chung\na) Một.\n- Cơ quan chủ trì:\n- Thời gian thực hiện: Năm 2021.\n";
        let d = run(t);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, "task/empty-label");
    }
}
