//! Amendments (sửa đổi, bổ sung, thay thế, bãi bỏ, đính chính) applied as data.
mod apply;
mod check;
mod diff;
mod edit;
mod model;
mod tree;
mod versions;

pub use apply::apply;
pub use diff::{DiffEntry, DiffKind, UnitSummary, diff, render_changes, render_diff};
pub use model::*;
pub use versions::{RepealedUnit, UnitEvent, Version, VersionedPlan};
