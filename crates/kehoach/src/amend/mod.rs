//! Amendments (sửa đổi, bổ sung, thay thế, bãi bỏ, đính chính) applied as data.
mod apply;
pub(crate) mod check;
mod diff;
mod edit;
mod instruction;
mod model;
mod tokens;
mod tree;
mod versions;

pub use apply::apply;
pub use diff::{DiffEntry, DiffKind, UnitSummary, diff, render_changes, render_diff};
pub use instruction::{ParsedInstructions, parse_instructions};
pub use model::*;
pub use versions::{RepealedUnit, UnitEvent, Version, VersionedPlan};

use crate::document::Plan;

/// Applies an amendment given as JSON (first non-space character `{`) or as Vietnamese
/// instruction text. Unreadable JSON is an `amend/invalid-json` diagnostic and unreadable
/// instructions are `amend/unrecognized-instruction` diagnostics: in both cases nothing is
/// applied and the plan comes back unchanged.
///
/// ```
/// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
/// let r = kehoach::amend::amend_text(&plan, "Bãi bỏ điểm b khoản 3 Mục II.");
/// assert!(r.applied);
/// assert!(r.plan.find_number("II.3.b").is_empty());
/// let r = kehoach::amend::amend_text(&plan, r#"{ "operations": [{ "op": "repeal", "target": "II.9" }] }"#);
/// assert_eq!(r.codes(), ["amend/target-not-found"]);
/// ```
pub fn amend_text(plan: &Plan, amendment_source: &str) -> AmendmentResult {
    match read_amendment(amendment_source) {
        Ok((amendment, spans)) => apply::apply_spanned(plan, &amendment, &spans),
        Err((amendment, diagnostics)) => AmendmentResult {
            applied: false,
            plan: plan.clone(),
            changes: Vec::new(),
            diagnostics,
            amendment,
        },
    }
}

/// The outcome of reading an amendment source that could not be read.
type ReadFailure = (Option<Amendment>, Vec<crate::Diagnostic>);

/// Reads an amendment from JSON or Vietnamese instruction text, with the span of each
/// operation in the source (`Span::default()` for JSON).
pub fn read_amendment(source: &str) -> Result<(Amendment, Vec<crate::Span>), ReadFailure> {
    if source.trim_start().starts_with('{') {
        return match serde_json::from_str::<Amendment>(source) {
            Ok(a) => {
                let n = a.operations.len();
                Ok((a, vec![crate::Span::default(); n]))
            }
            Err(e) => {
                let idx = crate::LineIndex::new(source);
                let line = e.line();
                let offset = source
                    .split_inclusive('\n')
                    .take(line.saturating_sub(1))
                    .map(str::len)
                    .sum::<usize>()
                    + e.column().saturating_sub(1);
                let span = idx.span(offset, offset);
                Err((
                    None,
                    vec![crate::diagnostic::codes::amend_invalid_json(
                        span,
                        &e.to_string(),
                    )],
                ))
            }
        };
    }
    let p = parse_instructions(source);
    if p.diagnostics.is_empty() {
        Ok((p.amendment, p.spans))
    } else {
        Err((Some(p.amendment), p.diagnostics))
    }
}
