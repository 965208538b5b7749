//! Amendments (sửa đổi, bổ sung, thay thế, bãi bỏ, đính chính) applied as data.
mod apply;
mod check;
mod edit;
mod model;
mod tree;

pub use apply::apply;
pub use model::*;
