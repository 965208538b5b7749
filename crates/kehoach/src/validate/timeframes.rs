//! Timeframes — TODO(lead): wire when `crate::timeframe` lands (it is a placeholder
//! `Timeframe { text, span }` on this branch, and the `timeframe/*` constructors live in the
//! timeframe module's branch).
//!
//! What this family must report, per task `u` with `u.timeframe = Some(tf)` (walk the plan as
//! `tasks.rs` does; the plan's date is `plan.meta.date`, its horizon is the latest year named
//! in `plan.meta.title` or the preamble, e.g. "đến năm 2030"):
//! - `timeframe/unrecognized` (warning): already emitted by `timeframe::parse_timeframe` at
//!   parse time — do not duplicate it here;
//! - `timeframe/reversed-range` (error): a range whose end year is before its start
//!   ("2030 - 2021"), span = the range text; if the grammar already reports it, skip here;
//! - `timeframe/ended-before-plan` (warning): the window's last day < `plan.meta.date`;
//! - `timeframe/phase-overlap` (warning): two phases of one timeframe ("2021-2025 và
//!   2024-2030") overlapping by more than the shared boundary year (2021-2025/2025-2030 is
//!   fine: the boundary year is shared by convention);
//! - `timeframe/beyond-horizon` (warning): the window ends after the plan's stated horizon.
//!
//! Recurring/ongoing timeframes ("Thường xuyên hàng năm") have no end and are never reported.

use super::CheckOptions;
use crate::diagnostic::Diagnostic;
use crate::document::Plan;

/// Checks every task's timeframe (TODO(lead): see the module docs; a no-op until wired).
pub(super) fn check(_plan: &Plan, _opts: &CheckOptions, _out: &mut Vec<Diagnostic>) {}
