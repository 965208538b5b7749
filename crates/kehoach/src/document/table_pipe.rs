//! Pipe tables (`| TT | Nhiệm vụ | Cơ quan chủ trì |`, or without the outer border as Word
//! extractions write them: `Thời gian | Nội dung công việc | … | Thực hiện`).
//!
//! Besides one row per line, the layouts of real tables:
//! - a header over two lines, the second naming the columns the first spans ("Thực hiện" over
//!   "Đơn vị chủ trì | Đơn vị phối hợp");
//! - a table ordered by time: the time is the first column, group rows carry their number there,
//!   and a time cell merged over the rows below arrives empty in them (the rows keep the value
//!   above, until the next group row);
//! - a table whose group rows number again from I while the plan's sections already used those
//!   numbers: it is a separate schedule ("Chi tiết tại biểu kèm theo"), read as the appendix `PL`;
//! - repeated headers after a page break, separator lines `|---|`.

use super::lines::Line;
use super::model::{Plan, Unit, UnitKind};
use super::parse::{DocParser, attach};
use super::table::{
    Cell, Column, cells_of, classify, is_table_header, is_time_first, row, row_number,
};

/// Cells of a pipe-table line: (start offset in the line, trimmed text). In a `bordered` table a
/// leading and a trailing `|` are the border; without a border a leading `|` closes an empty
/// first cell.
fn pipe_cells(line: &str, bordered: bool) -> Vec<(usize, &str)> {
    let inner_start = usize::from(bordered && line.starts_with('|'));
    let mut cells = Vec::new();
    let mut start = inner_start;
    let body_end = if line.ends_with('|') && line.len() > inner_start {
        line.len() - 1
    } else {
        line.len()
    };
    let body = line.get(..body_end).unwrap_or("");
    for (i, b) in body.bytes().enumerate().skip(inner_start) {
        if b == b'|' {
            cells.push(trimmed(line, start, i));
            start = i + 1;
        }
    }
    cells.push(trimmed(line, start, body_end));
    cells
}

fn trimmed(line: &str, start: usize, end: usize) -> (usize, &str) {
    let raw = line.get(start..end).unwrap_or("");
    let t = crate::text::trim_start_repeats(raw.trim_start(), "**").trim_start();
    let lead = raw.len() - t.len();
    let t = crate::text::trim_end_repeats(t.trim_end(), "**");
    (start + lead, t.trim_end())
}

fn is_pipe_separator(line: &str) -> bool {
    line.contains('-')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '+' | '='))
}

/// A second header line: its first cell empty (under the first columns' merged cells), every
/// other cell empty or a column name.
fn sub_header<'t>(
    p: &DocParser<'_>,
    cells: &[(usize, &'t str)],
) -> Option<Vec<(usize, &'t str, Column)>> {
    let first_empty = cells.first().is_some_and(|(_, c)| c.is_empty());
    let named: Vec<(usize, &str, Column)> = cells
        .iter()
        .enumerate()
        .filter(|(_, (_, c))| !c.is_empty())
        .map(|(n, (_, c))| (n, *c, classify(p, c)))
        .collect();
    (first_empty
        && !named.is_empty()
        && named
            .iter()
            .all(|(_, _, col)| matches!(col, Column::Field(_) | Column::Task)))
    .then_some(named)
}

pub(super) fn pipe_table(
    p: &mut DocParser<'_>,
    body: &[Line<'_>],
    i: usize,
    stack: &mut Vec<Unit>,
    plan: &mut Plan,
) -> Option<usize> {
    let header = body.get(i)?;
    let bordered = header.text.starts_with('|');
    let head_cells = pipe_cells(header.text, bordered);
    let mut cols: Vec<Column> = head_cells.iter().map(|(_, c)| classify(p, c)).collect();
    let mut labels: Vec<&str> = head_cells.iter().map(|(_, c)| *c).collect();
    let mut k = i + 1;
    // A header whose last columns spilled onto lines of their own ("Thời gian thực hiện"):
    // the rows that follow are one cell per line.
    let mut spilled = false;
    while let Some(l) = body.get(k) {
        if l.text.is_empty() || is_pipe_separator(l.text) {
            k += 1;
            continue;
        }
        if l.text.contains('|') {
            // The header's second line names the columns that the first spans.
            if let Some(named) = sub_header(p, &pipe_cells(l.text, bordered)) {
                for (n, label, col) in named {
                    if let (Some(c), Some(lb)) = (cols.get_mut(n), labels.get_mut(n)) {
                        (*c, *lb) = (col, label);
                    } else if n >= cols.len() {
                        cols.resize(n, Column::Other);
                        labels.resize(n, "");
                        cols.push(col);
                        labels.push(label);
                    }
                }
                k += 1;
            }
            break;
        }
        if l.text.chars().count() > 60 {
            break;
        }
        match classify(p, l.text) {
            c @ Column::Field(_) => {
                cols.push(c);
                labels.push(l.text);
                spilled = true;
                k += 1;
            }
            _ => break,
        }
    }
    if !is_table_header(&cols) {
        return None;
    }
    if spilled {
        let end = super::table_cells::cell_rows(p, body, k, &cols, &labels, stack, plan);
        return Some(end - i);
    }
    let time_first = is_time_first(&cols);
    // The time cell above, for rows whose merged time cell arrives empty.
    let mut time_above: Option<(&str, usize)> = None;
    let mut first_row = true;
    while let Some(l) = body.get(k) {
        if l.text.is_empty() || is_pipe_separator(l.text) {
            k += 1;
            continue;
        }
        if !l.text.contains('|') || p.at_unit_limit() {
            break;
        }
        let raw = pipe_cells(l.text, bordered);
        if is_repeated_header(p, &raw, time_first) {
            k += 1;
            continue;
        }
        let mut cells = cells_of(
            &cols,
            &labels,
            raw.into_iter().map(|(off, text)| (text, l.start + off)),
        );
        if time_first {
            inherit_time(&mut cells, &mut time_above);
        }
        if first_row {
            first_row = false;
            open_appendix_on_restart(p, &cells, l, stack, plan);
        }
        row(p, &cells, l, stack, plan);
        k += 1;
    }
    Some(k - i)
}

/// A header repeated after a page break: "TT" first, or "Thời gian | Nội dung …" in a table
/// ordered by time.
fn is_repeated_header(p: &DocParser<'_>, cells: &[(usize, &str)], time_first: bool) -> bool {
    let col = |n: usize| cells.get(n).map(|(_, c)| classify(p, c));
    col(0) == Some(Column::Number)
        || (time_first
            && col(0) == Some(Column::Field(super::model::FieldKey::Timeframe))
            && col(1) == Some(Column::Task))
}

/// In a table ordered by time: a group row's number is its first cell; a time cell merged over
/// the rows below is empty in them and keeps the value above until the next group row.
fn inherit_time<'t>(cells: &mut [Cell<'t>], above: &mut Option<(&'t str, usize)>) {
    let Some(first) = cells.first_mut() else {
        return;
    };
    if row_number(first.text).is_some() {
        first.col = Column::Number;
        *above = None;
    } else if first.text.is_empty() {
        let has_content = cells.iter().skip(1).any(|c| !c.text.is_empty());
        if let (Some((text, start)), true, Some(first)) = (*above, has_content, cells.first_mut()) {
            first.text = text;
            first.start = start;
        }
    } else {
        *above = Some((first.text, first.start));
    }
}

/// A table whose first row is a group row numbered like a section the plan already has ("I"
/// after sections I–IV): a schedule of its own, read as the appendix `PL`.
fn open_appendix_on_restart(
    p: &mut DocParser<'_>,
    cells: &[Cell<'_>],
    line: &Line<'_>,
    stack: &mut Vec<Unit>,
    plan: &mut Plan,
) {
    let Some(num) = cells
        .iter()
        .find(|c| c.col == Column::Number)
        .and_then(|c| row_number(c.text))
        .filter(|(kind, _)| *kind == UnitKind::Section)
        .map(|(_, n)| n)
    else {
        return;
    };
    // The appendix and the row are two units: without room for both, the row is read in place
    // (the unit limit then keeps the rest verbatim).
    if stack.iter().any(|u| u.kind == UnitKind::Division) || p.units + 2 > p.opts.max_units {
        return;
    }
    let taken = plan
        .body
        .iter()
        .chain(stack.first())
        .any(|u| u.kind == UnitKind::Section && u.num == num);
    if !taken {
        return;
    }
    while let Some(u) = stack.pop() {
        attach(u, stack, plan);
    }
    let span = p.span(line.start, line.start);
    let mut unit = p.new_unit(UnitKind::Division, "PL", span, stack);
    unit.span = span;
    stack.push(unit);
}
