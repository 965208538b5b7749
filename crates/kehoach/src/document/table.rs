//! Tasks laid out in tables that arrive flattened: pipe tables ("| TT | Nhiệm vụ | Cơ quan chủ
//! trì | Thời gian hoàn thành |") or one cell per line.

use super::lines::Line;
use super::model::{Plan, Unit};
use super::parse::DocParser;

/// Tries to read a table starting at line `i`; returns how many lines it consumed.
pub(crate) fn try_table(
    _p: &mut DocParser<'_>,
    _body: &[Line<'_>],
    _i: usize,
    _stack: &mut Vec<Unit>,
    _plan: &mut Plan,
) -> Option<usize> {
    None
}
