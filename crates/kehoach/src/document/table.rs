//! Tasks laid out in tables that arrive flattened.
//!
//! Two layout rules, both driven by the same [`LabelTable`](super::LabelTable):
//! - **pipe tables**: `| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |` then one row
//!   per line (`|---|` separator lines are skipped);
//! - **one cell per line** (a Word table pasted as text): a header of consecutive lines `TT`,
//!   `Nhiệm vụ`, `Cơ quan chủ trì`, …, then the cells of each row on consecutive lines (an
//!   empty line is an empty cell). A row must start with a row number; when one does not, the
//!   table ends and the rest is read as ordinary text (nothing is dropped).
//!
//! A header is a table header when it has a row-number column, a task column and at least one
//! column whose label is in the label table (lead agency or timeframe). Each row becomes a unit:
//! a Roman number opens a section (its task cell is the heading), digits a part, a letter a point;
//! the task cell is the unit's paragraph and the labelled cells are its fields.

use super::lines::Line;
use super::model::{Block, BlockKind, FieldKey, Plan, Spanned, TaskSource, Unit, UnitKind};
use super::parse::{DocParser, attach};
use crate::numbering;
use crate::text::eq_lowercase;

/// Header words of the row-number column.
const NUMBER_HEADERS: &[&str] = &["tt", "stt", "số tt", "số thứ tự", "thứ tự"];
/// Longer lines are never a row-number header (with room for case changes and a colon).
pub(super) const MAX_NUMBER_HEADER_BYTES: usize = 64;
/// Header words of the task column.
const TASK_HEADERS: &[&str] = &[
    "nhiệm vụ",
    "nội dung",
    "nội dung nhiệm vụ",
    "tên nhiệm vụ",
    "nhiệm vụ, giải pháp",
    "nhiệm vụ cụ thể",
    "nội dung công việc",
    "công việc",
    "chỉ tiêu",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    Number,
    Task,
    Field(FieldKey),
    Other,
}

pub(crate) fn classify(p: &DocParser<'_>, cell: &str) -> Column {
    let c = cell.trim().trim_end_matches(':').trim();
    let is = |h: &&str| eq_lowercase(c, h);
    if NUMBER_HEADERS.iter().any(is) {
        return Column::Number;
    }
    if TASK_HEADERS.iter().any(is) {
        return Column::Task;
    }
    if let Some(k) = p.opts.labels.match_header(c) {
        return Column::Field(k);
    }
    // Header wordings vary ("Cơ quan/Đơn vị chủ trì", "Thời gian thực hiện/hoàn thành",
    // "Nội dung nhiệm vụ/giải pháp"): the words that decide a column.
    if c.chars().count() > 80 {
        return Column::Other;
    }
    let l = crate::text::lower(c);
    let has = |w: &str| l.contains(w);
    if has("phối hợp") && !has("chủ trì") {
        Column::Field(FieldKey::Partner)
    } else if has("chủ trì") || l == "cơ quan thực hiện" || l == "đơn vị thực hiện"
    {
        Column::Field(FieldKey::Lead)
    } else if ["thời gian", "thời hạn", "tiến độ", "thời điểm"]
        .iter()
        .any(|w| l.starts_with(w))
    {
        Column::Field(FieldKey::Timeframe)
    } else if l.starts_with("sản phẩm") || l.starts_with("kết quả") {
        Column::Field(FieldKey::Output)
    } else if [
        "nhiệm vụ",
        "nội dung",
        "công việc",
        "hoạt động",
        "đề án",
        "giải pháp",
        "chương trình",
        "dự án",
        "văn bản",
    ]
    .iter()
    .any(|w| l.starts_with(w) || l.strip_prefix("tên ").is_some_and(|r| r.starts_with(w)))
    {
        Column::Task
    } else {
        Column::Other
    }
}

pub(crate) fn is_table_header(cols: &[Column]) -> bool {
    (cols.first() == Some(&Column::Number) || is_time_first(cols))
        && cols.contains(&Column::Task)
        && cols
            .iter()
            .any(|c| matches!(c, Column::Field(FieldKey::Lead | FieldKey::Timeframe)))
}

/// A table ordered by time, without a number column ("Thời gian | Nội dung công việc | … |
/// Đơn vị chủ trì"): its group rows carry their number in the time column.
pub(crate) fn is_time_first(cols: &[Column]) -> bool {
    cols.first() == Some(&Column::Field(FieldKey::Timeframe)) && !cols.contains(&Column::Number)
}

/// A row number: "1", "1.", "a", "a)", "II", "II.", "**I.**", "16.1" → (kind, designation).
pub(super) fn row_number(cell: &str) -> Option<(UnitKind, &str)> {
    let c = cell
        .trim()
        .trim_matches('*')
        .trim()
        .trim_end_matches(['.', ')'])
        .trim_end_matches('*');
    if c.is_empty() {
        return None;
    }
    if numbering::parse_roman(c).is_some() {
        return Some((UnitKind::Section, c));
    }
    // A part letter above the Roman groups ("B | PHÁT TRIỂN …").
    if c.len() == 1 && c.bytes().all(|b| (b'A'..=b'H').contains(&b)) {
        return Some((UnitKind::Division, c));
    }
    let digits = c.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 3 {
        return None;
    }
    if numbering::PartNum::parse(c).is_some() {
        return Some((UnitKind::Part, c));
    }
    // At most three groups of one to three digits ("1.2.3"): eleven bytes at most, a digit
    // first (a long cell is not split to find out).
    if c.len() <= 11
        && digits > 0
        && c.split('.').count() <= 3
        && c.split('.')
            .all(|d| (1..=3).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some((UnitKind::Part, c));
    }
    let mut chars = c.chars();
    let first = chars.next()?;
    if first.is_lowercase() && chars.all(|d| d.is_ascii_digit()) {
        return Some((UnitKind::Point, c));
    }
    None
}

/// One cell of a row: its column, text and start offset in the normalized document.
pub(crate) struct Cell<'t> {
    pub(super) col: Column,
    pub(super) label: &'t str,
    pub(super) text: &'t str,
    pub(super) start: usize,
}

/// Tries to read a table starting at body line `i`; returns how many lines it consumed.
pub(crate) fn try_table(
    p: &mut DocParser<'_>,
    body: &[Line<'_>],
    i: usize,
    stack: &mut Vec<Unit>,
    plan: &mut Plan,
) -> Option<usize> {
    let line = body.get(i)?;
    if line.text.starts_with('<') {
        return super::table_html::html_table(p, body, i, stack, plan);
    }
    if memchr::memchr_iter(b'|', line.text.as_bytes())
        .nth(1)
        .is_some()
    {
        return super::table_pipe::pipe_table(p, body, i, stack, plan);
    }
    super::table_cells::one_cell_per_line(p, body, i, stack, plan)
}

/// Whether a line may be a table row (a pipe row, or the number cell of a one-cell-per-line
/// row): at the unit limit, such a line starts the kept-verbatim rest.
pub(crate) fn starts_row(t: &str) -> bool {
    memchr::memchr_iter(b'|', t.as_bytes()).nth(1).is_some() || row_number(t).is_some()
}

/// Whether a cell is a row-number header ("TT", "STT", "Số thứ tự").
pub(crate) fn is_number_header(cell: &str) -> bool {
    let c = cell.trim().trim_end_matches(':').trim();
    NUMBER_HEADERS.iter().any(|h| eq_lowercase(c, h))
}

/// Whether a line is exactly a header word (a task, number or label column name).
pub(crate) fn is_header_cell(p: &DocParser<'_>, t: &str) -> bool {
    let c = t.trim().trim_end_matches(':').trim();
    let is = |h: &&str| eq_lowercase(c, h);
    NUMBER_HEADERS.iter().any(is)
        || TASK_HEADERS.iter().any(is)
        || p.opts.labels.match_header(c).is_some()
}

/// Pairs a row's (text, start offset) cells with the header's columns and labels; cells beyond the
/// header are `Other` columns (kept as paragraphs, never dropped).
pub(crate) fn cells_of<'t>(
    cols: &[Column],
    labels: &[&'t str],
    items: impl Iterator<Item = (&'t str, usize)>,
) -> Vec<Cell<'t>> {
    items
        .enumerate()
        .map(|(n, (text, start))| Cell {
            col: cols.get(n).copied().unwrap_or(Column::Other),
            label: labels.get(n).copied().unwrap_or(""),
            text,
            start,
        })
        .collect()
}

/// Builds a unit (or a continuation) from one row.
pub(crate) fn row(
    p: &mut DocParser<'_>,
    cells: &[Cell<'_>],
    line: &Line<'_>,
    stack: &mut Vec<Unit>,
    plan: &mut Plan,
) {
    let number = cells
        .iter()
        .find(|c| c.col == Column::Number)
        .and_then(|c| row_number(c.text).map(|(k, d)| (k, d.to_string(), c.start)));
    // A row without a number of its own directly under a group row or the appendix, that
    // assigns a lead or a time: a task of its own, numbered among such rows ("PL4-1").
    // Under a numbered row that assigned nothing (a group row: "1 | Lập nhiệm vụ quy hoạch")
    // too.
    let unnumbered_task = number.is_none()
        && stack.last().is_none_or(|u| {
            matches!(
                u.kind,
                UnitKind::Section | UnitKind::Division | UnitKind::Item
            ) || (u.leads.is_none() && u.timeframe.is_none() && u.children.is_empty())
        })
        && cells.iter().any(|c| {
            matches!(c.col, Column::Field(FieldKey::Lead | FieldKey::Timeframe))
                && !c.text.is_empty()
        });
    let number = number.or_else(|| {
        unnumbered_task.then(|| {
            let parent = stack.iter().rev().find(|u| u.kind != UnitKind::Item);
            // The open item (not yet attached) or the last attached one.
            let n = match stack.last() {
                Some(u) if u.kind == UnitKind::Item => u.num.parse().unwrap_or(0),
                _ => parent.map_or(0, super::groups::last_item_number),
            } + 1;
            let at = cells.first().map_or(line.start, |c| c.start);
            (UnitKind::Item, n.to_string(), at)
        })
    });
    let Some((kind, num, num_start)) = number else {
        // Continuation row: keep every non-empty cell as a paragraph of the current unit.
        for c in cells.iter().filter(|c| !c.text.is_empty()) {
            let block = Block {
                kind: BlockKind::Paragraph,
                text: c.text.into(),
                span: p.span(c.start, c.start + c.text.len()),
                label: None,
                key: None,
            };
            match stack.last_mut() {
                Some(u) => {
                    u.span.end = u.span.end.max(block.span.end);
                    u.blocks.push(block);
                }
                None => plan.preamble.push(block),
            }
        }
        return;
    };
    let num = num.as_str();
    let r = super::body::rank(kind, num);
    while stack
        .last()
        .is_some_and(|u| super::body::rank(u.kind, &u.num) >= r)
    {
        if let Some(u) = stack.pop() {
            attach(u, stack, plan);
        }
    }
    let num_span = p.span(num_start, num_start + num.len());
    let mut unit = p.new_unit(kind, num, num_span, stack);
    unit.span = p.span(num_start, line.end());
    for c in cells {
        let span = p.span(c.start, c.start + c.text.len());
        match c.col {
            Column::Number => {}
            Column::Task if kind == UnitKind::Section => {
                if !c.text.is_empty() {
                    unit.heading = Some(Spanned {
                        text: c.text.to_string(),
                        span,
                    });
                }
            }
            Column::Task | Column::Other => {
                if !c.text.is_empty() {
                    unit.blocks.push(Block {
                        kind: BlockKind::Paragraph,
                        text: c.text.into(),
                        span,
                        label: None,
                        key: None,
                    });
                }
            }
            // A group row assigns nothing: a title repeated in merged cells stays its heading.
            Column::Field(_) if matches!(kind, UnitKind::Section | UnitKind::Division) => {}
            Column::Field(key) => {
                // An empty partner/output cell is normal in tables; empty lead or timeframe
                // cells are reported by `add_field`.
                // Empty cells (merged, or a group row's) assign nothing.
                if c.text.is_empty() || c.text.chars().all(|ch| matches!(ch, '-' | '–' | '—' | ' '))
                {
                    continue;
                }
                let block = Block {
                    kind: BlockKind::Field,
                    text: c.text.into(),
                    span,
                    label: Some(c.label.trim_end_matches(':').trim().into()),
                    key: Some(key),
                };
                let label_span = span;
                p.add_field(&mut unit, block, c.start, label_span);
            }
        }
    }
    if unit.source.is_none() && (unit.leads.is_some() || unit.timeframe.is_some()) {
        unit.source = Some(TaskSource::Table);
    }
    stack.push(unit);
}
