//! The task check at the end of an amendment: every unit an operation touched that is a
//! task keeps (or, when new, has) a lead agency and a timeframe.

use super::Engine;
use crate::amend::tree;
use crate::diagnostic::{Diagnostic, Localized, codes};
use crate::document::{FieldKey, Unit};
use crate::span::Span;
use std::collections::HashSet;

/// What one operation touched, for the task check at the end.
pub(super) struct Touched {
    op: usize,
    span: Span,
    eid: String,
    /// Whether the unit had a lead and a timeframe before (`None`: it is new). Two flags, not
    /// a copy of the unit: a copy of every unit under a section, each with its own sub-units,
    /// was most of the memory of a phrase replacement in that section.
    before: Option<TaskFields>,
}

/// Whether a unit has a (non-empty) lead agency and timeframe.
#[derive(Debug, Clone, Copy)]
struct TaskFields {
    lead: bool,
    timeframe: bool,
}

impl TaskFields {
    fn of(u: &Unit) -> Self {
        TaskFields {
            lead: u.leads.as_ref().is_some_and(|l| !l.text.trim().is_empty()),
            timeframe: u
                .fields(FieldKey::Timeframe)
                .next()
                .is_some_and(|b| !b.text.trim().is_empty()),
        }
    }
}

impl Engine {
    /// Records the unit and its sub-units as touched by operation `op` (before: `old`).
    pub(super) fn touch(&mut self, op: usize, span: Span, new: &Unit, old: Option<&Unit>) {
        let mut olds = std::collections::HashMap::new();
        if let Some(o) = old {
            o.walk(&mut |x| {
                olds.insert(x.eid.as_str(), TaskFields::of(x));
            });
        }
        new.walk(&mut |x| {
            let before = olds.get(x.eid.as_str()).copied();
            self.touched.push(Touched {
                op,
                span,
                eid: x.eid.as_str().to_owned(),
                before,
            });
        });
    }

    /// Tasks touched by an operation must keep (or, when new, have) a lead and a timeframe.
    pub(super) fn check_tasks(&self) -> Vec<Diagnostic> {
        if self.touched.is_empty() {
            return Vec::new();
        }
        // Only the touched units are looked up, each down its id's path; the whole plan is
        // walked only when an id is not found that way (a hand-made plan whose ids do not
        // extend their parent's, or one that repeats an id).
        let wanted: HashSet<&str> = self.touched.iter().map(|t| t.eid.as_str()).collect();
        let units = tree::task_units_by_eid(&self.work, &wanted).unwrap_or_else(|| {
            self.work
                .task_units()
                .into_iter()
                .filter(|u| wanted.contains(u.eid.as_str()))
                .map(|u| (u.eid.as_str(), u))
                .collect()
        });
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for t in self.touched.iter().rev() {
            if !seen.insert(t.eid.as_str()) {
                continue;
            }
            let Some(u) = units.get(t.eid.as_str()).copied() else {
                continue;
            };
            let now = TaskFields::of(u);
            let (had_lead, had_tf) = t.before.map_or((true, true), |b| (b.lead, b.timeframe));
            let mut missing = Vec::new();
            if !now.lead && had_lead {
                missing.push(("cơ quan chủ trì", "a lead agency"));
            }
            if !now.timeframe && had_tf {
                missing.push(("thời gian thực hiện", "a timeframe"));
            }
            if !missing.is_empty() {
                let vi: Vec<&str> = missing.iter().map(|m| m.0).collect();
                let en: Vec<&str> = missing.iter().map(|m| m.1).collect();
                out.push(codes::amend_task_incomplete(
                    t.span,
                    t.op,
                    &u.number,
                    Localized::new(vi.join(" và "), en.join(" and ")),
                ));
            }
        }
        out.sort_by_key(|d| d.span.start);
        out
    }
}
