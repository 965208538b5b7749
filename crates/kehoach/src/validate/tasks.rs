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
