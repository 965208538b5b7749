//! Tables that arrive one cell per line (a Word or PDF table pasted as text): rows of varying
//! length, cells broken over lines, group rows, repeated headers and column-number rows.

use super::lines::Line;
use super::model::{FieldKey, Plan, Unit, UnitKind};
use super::parse::DocParser;
use super::table::{
    Column, MAX_NUMBER_HEADER_BYTES, cells_of, classify, is_header_cell, is_number_header,
    is_table_header, row, row_number,
};

pub(super) fn one_cell_per_line(
    p: &mut DocParser<'_>,
    body: &[Line<'_>],
    i: usize,
    stack: &mut Vec<Unit>,
    plan: &mut Plan,
) -> Option<usize> {
    // Header: consecutive lines (blank lines between them allowed), first a number header.
    let first = body.get(i)?;
    // Row-number headers are short ("số thứ tự"): skip lowercasing every long line.
    if first.text.len() > MAX_NUMBER_HEADER_BYTES || !is_number_header(first.text) {
        return None;
    }
    let mut cols = Vec::new();
    let mut labels = Vec::new();
    let mut k = i;
    let mut end = i;
    while let Some(l) = body.get(k) {
        if l.text.is_empty() {
            k += 1;
            continue;
        }
        if l.text.chars().count() > 60 {
            break;
        }
        let c = classify(p, l.text);
        if c == Column::Number && k > i {
            break;
        }
        if c == Column::Other && cols.len() >= 3 && row_number(l.text).is_none() {
            // Another column ("Ghi chú", "Sản phẩm đầu ra"): kept, read as paragraphs.
            if !l.text.starts_with(char::is_lowercase) && l.text.chars().count() <= 40 {
                cols.push(c);
                labels.push(l.text);
                k += 1;
                end = k;
                continue;
            }
        }
        if c == Column::Other {
            // A header cell broken over two lines ("Thời gian triển" / "khai"): the second
            // line starts in lowercase and goes on with the cell above.
            if l.text.starts_with(char::is_lowercase) && !labels.is_empty() {
                if let (Some(prev), Some(col)) = (labels.last(), cols.last_mut()) {
                    let joined = format!("{prev} {}", l.text);
                    if *col == Column::Other {
                        *col = classify(p, &joined);
                    }
                }
                k += 1;
                end = k;
                continue;
            }
            break;
        }
        cols.push(c);
        labels.push(l.text);
        k += 1;
        end = k;
    }
    if cols.len() < 3 || !is_table_header(&cols) {
        return None;
    }
    let stop = cell_rows(p, body, end, &cols, &labels, stack, plan);
    Some(stop - i)
}

/// Rows of a table given one cell per line from `body[k]`: each row runs from a row-number line
/// to the next one; a line that starts in lowercase goes on with the cell above (a cell broken
/// over lines); a row of fewer cells fills the columns from the left, except that a last cell
/// that reads as a time goes to the timeframe column. Returns the index after the table.
pub(super) fn cell_rows(
    p: &mut DocParser<'_>,
    body: &[Line<'_>],
    mut k: usize,
    cols: &[Column],
    labels: &[&str],
    stack: &mut Vec<Unit>,
    plan: &mut Plan,
) -> usize {
    let text = p.norm.text();
    loop {
        while body
            .get(k)
            .is_some_and(|l| l.text.is_empty() || is_column_index(l.text))
        {
            k += 1;
        }
        let Some(start_line) = body.get(k) else { break };
        if p.at_unit_limit() {
            break;
        }
        // "II. HOÀN THIỆN CƠ CHẾ …": a group row written as a section heading, inside an
        // appendix's table.
        let in_appendix = stack
            .iter()
            .any(|u| u.kind == UnitKind::Division && u.num.starts_with("PL"));
        let group_heading = in_appendix
            && super::lines::section_marker(start_line.text).is_some_and(|m| {
                super::lines::is_uppercase_line(start_line.text.get(m.rest_start..).unwrap_or(""))
            });
        if row_number(start_line.text).is_none() && !group_heading {
            break;
        }
        if group_heading {
            if let Some(m) = super::lines::section_marker(start_line.text) {
                p.open_numbered(UnitKind::Section, start_line, m, m.num.len(), stack, plan);
            }
            k += 1;
            // Its title may go on over the next uppercase lines.
            while let Some(l) = body.get(k) {
                if l.text.is_empty()
                    || !super::lines::is_uppercase_line(l.text)
                    || row_number(l.text).is_some()
                {
                    break;
                }
                if let Some(u) = stack.last_mut() {
                    let span = p.span(l.start, l.end());
                    if let Some(h) = u.heading.as_mut() {
                        h.text.push(' ');
                        h.text.push_str(l.text);
                        h.span.end = span.end;
                    }
                    super::parse::extend(u, span);
                }
                k += 1;
            }
            continue;
        }
        // The row's lines: up to the next row number, a numbered heading or a closing line.
        let mut cells: Vec<(usize, usize)> = vec![(start_line.start, start_line.end())];
        let mut j = k + 1;
        while let Some(l) = body.get(j) {
            let t = l.text;
            if t.is_empty() {
                j += 1;
                continue;
            }
            // A header repeated inside the table (after a page break or a group row), or the
            // row of column numbers "(1)", "(2)" ….
            if t.chars().count() <= 40 && (is_header_cell(p, t) || is_column_index(t)) {
                j += 1;
                continue;
            }
            if row_number(t).is_some()
                || t.contains('|')
                || super::lines::section_marker(t).is_some()
                || crate::text::starts_with_lowercase(t, "nơi nhận")
                || super::lines::division_marker(t).is_some()
            {
                break;
            }
            let n = cells.len();
            let open_end = cells.last().is_some_and(|&(a, b)| {
                let prev = text.get(a..b).unwrap_or("").trim_end();
                prev.ends_with(" và") || prev.ends_with(',') || prev.ends_with(" của")
            });
            match cells.last_mut() {
                Some(last) if n > 1 && (t.starts_with(char::is_lowercase) || open_end) => {
                    last.1 = l.end();
                }
                _ => cells.push((l.start, l.end())),
            }
            j += 1;
        }
        let group_row = row_number(start_line.text)
            .is_some_and(|(kind, _)| matches!(kind, UnitKind::Section | UnitKind::Division));
        if group_row && cells.len() > 2 {
            // A group row's title broken over lines: one heading.
            let a = cells.get(1).map_or(0, |c| c.0);
            let b = cells.last().map_or(0, |c| c.1);
            cells.truncate(1);
            cells.push((a, b));
        } else if cells.len() != cols.len() && cells.len() > 2 {
            if let Some(aligned) = align_by_content(cols, text, &cells) {
                cells = aligned;
            }
        }
        let mut items: Vec<(&str, usize)> = cells
            .iter()
            .map(|&(a, b)| (text.get(a..b).unwrap_or(""), a))
            .collect();
        // Too few cells: keep a last cell that reads as a time in the timeframe column.
        let time_col = cols
            .iter()
            .position(|c| *c == Column::Field(FieldKey::Timeframe));
        if items.len() < cols.len() && items.len() > 2 {
            if let (Some(tc), Some(&(last, at))) = (time_col, items.last()) {
                if looks_like_time(last) && tc >= items.len() {
                    items.pop();
                    while items.len() < tc {
                        items.push(("", at));
                    }
                    items.push((last, at));
                }
            }
        }
        let owned: Vec<(String, usize)> = items
            .iter()
            .map(|(t, a)| (t.replace('\n', " "), *a))
            .collect();
        let row_cells = cells_of(cols, labels, owned.iter().map(|(t, a)| (t.as_str(), *a)));
        row(p, &row_cells, start_line, stack, plan);
        k = j;
    }
    k
}

/// "(1)", "(2)": the row of column numbers under a header.
fn is_column_index(t: &str) -> bool {
    t.strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .is_some_and(|n| !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A row whose cell count differs from the header's (a cell broken over lines, or one left
/// out): the lead cell is the first after the task text that starts like an agency, and the
/// timeframe cell the first after it that reads as a time; the task text is every line before
/// the lead, partners every line between lead and time. Cells are byte ranges of `text`.
fn align_by_content(
    cols: &[Column],
    text: &str,
    cells: &[(usize, usize)],
) -> Option<Vec<(usize, usize)>> {
    let pos = |c: Column| cols.iter().position(|x| *x == c);
    let lead_c = pos(Column::Field(FieldKey::Lead))?;
    if pos(Column::Task) != Some(1) || lead_c != 2 {
        return None;
    }
    let cell = |i: usize| {
        cells
            .get(i)
            .and_then(|&(a, b)| text.get(a..b))
            .unwrap_or("")
    };
    let lead_i = (2..cells.len()).find(|&i| super::assign::starts_like_agency(cell(i)))?;
    let time_i = (lead_i + 1..cells.len()).find(|&i| looks_like_time(cell(i)));
    let span = |from: usize, to: usize| -> (usize, usize) {
        match (
            cells.get(from),
            to.checked_sub(1).and_then(|t| cells.get(t)),
        ) {
            (Some(&(a, _)), Some(&(_, b))) if to > from => (a, b),
            _ => (0, 0),
        }
    };
    let mut out = Vec::with_capacity(cols.len());
    out.push(*cells.first()?);
    out.push(span(1, lead_i));
    out.push(*cells.get(lead_i)?);
    let after = time_i.unwrap_or(cells.len());
    let time_c = pos(Column::Field(FieldKey::Timeframe));
    for (c, col) in cols.iter().enumerate().skip(3) {
        out.push(if *col == Column::Field(FieldKey::Partner) {
            span(lead_i + 1, after)
        } else if Some(c) == time_c {
            time_i.and_then(|i| cells.get(i).copied()).unwrap_or((0, 0))
        } else if Some(c) > time_c && time_i.is_some() && out.len() == time_c.map_or(0, |t| t + 1) {
            // The first column after the time takes whatever follows it (output, notes).
            span(time_i.map_or(cells.len(), |t| t + 1), cells.len())
        } else {
            (0, 0)
        });
    }
    Some(out)
}

/// Whether a cell reads as a time ("Quý IV/2026", "2026 - 2030", "Thường xuyên").
fn looks_like_time(s: &str) -> bool {
    // The first words first: reading the cell as a timeframe costs a normalized copy, a line
    // index and the grammar.
    s.starts_with(|c: char| c.is_ascii_digit())
        || [
            "quý",
            "năm",
            "tháng",
            "thường xuyên",
            "hằng năm",
            "hàng năm",
            "giai đoạn",
            "trước",
        ]
        .iter()
        .any(|w| crate::text::starts_with_lowercase(s, w))
        || (s.len() <= 200 && crate::timeframe::parse_str(s).0.is_recognized())
}
