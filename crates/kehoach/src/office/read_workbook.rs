//! Reading a filled tracking workbook back as progress reports, with located diagnostics.
//!
//! Untrusted input: the file is checked against [`WorkbookLimits`] before anything is parsed
//! (its size, then the size of every part once unpacked, so a zip bomb stops at the limit),
//! cells are streamed (calamine's cell reader, never a dense range sized by the sheet's
//! declared dimensions) and only the five columns read are kept.

use super::workbook::{TASK_SHEET, TaskColumn, cell_name};
use crate::diagnostic::{Diagnostic, codes};
use crate::schedule::{Progress, ProgressStatus, Report};
use crate::text::Case as _;
use crate::{Date, Task};
use calamine::{DataRef, Reader, Xlsx};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;
use unicode_normalization::UnicodeNormalization;

/// What [`read_tracking_workbook_with`] accepts.
///
/// ```
/// let l = kehoach::office::WorkbookLimits::default();
/// assert_eq!((l.max_file_bytes, l.max_unpacked_bytes), (16 << 20, 64 << 20));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkbookLimits {
    /// The file's size (16 MiB: a plan's workbook is tens of kilobytes).
    pub max_file_bytes: u64,
    /// The total size of its parts once unpacked (64 MiB).
    pub max_unpacked_bytes: u64,
    /// Parts in the package (1 000).
    pub max_parts: usize,
    /// Rows of the task sheet (100 000).
    pub max_rows: u32,
}

impl Default for WorkbookLimits {
    fn default() -> Self {
        WorkbookLimits {
            max_file_bytes: 16 << 20,
            max_unpacked_bytes: 64 << 20,
            max_parts: 1_000,
            max_rows: 100_000,
        }
    }
}

/// A workbook read back: the reports of the rows that could be read, and a diagnostic for each
/// row (or problem with the whole file) that could not.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WorkbookProgress {
    /// One report per filled row, naming the task by eid, in sheet order.
    pub progress: Progress,
    /// `office/*` errors, each starting with its sheet and cell.
    pub diagnostics: Vec<Diagnostic>,
}

/// [`read_tracking_workbook_with`] with the default limits.
pub fn read_tracking_workbook(bytes: &[u8], tasks: &[Task]) -> WorkbookProgress {
    read_tracking_workbook_with(bytes, tasks, &WorkbookLimits::default())
}

/// Reads the task sheet ("Nhiệm vụ") of a filled tracking workbook: a row whose “Tình trạng
/// thực hiện”, “Ngày báo cáo” or “Kết quả, ghi chú” is filled becomes a [`Report`] on the task
/// its “Mã nhiệm vụ” (else its “Số hiệu”) names. A status is one of the drop-down's labels (or a
/// wire name); a date is a date cell, or text written `dd/mm/yyyy` or `yyyy-mm-dd`. A row that
/// cannot be read exactly is left out with a located diagnostic: nothing is guessed.
///
/// ```
/// use kehoach::office::read_tracking_workbook;
/// let tasks = kehoach::parse(kehoach::SEED_PLAN).plan.tasks();
/// let r = read_tracking_workbook(b"{\"reports\": []}", &tasks);
/// assert_eq!(r.diagnostics[0].code, "office/not-a-workbook");
/// ```
pub fn read_tracking_workbook_with(
    bytes: &[u8],
    tasks: &[Task],
    limits: &WorkbookLimits,
) -> WorkbookProgress {
    let mut out = WorkbookProgress::default();
    if let Err(d) = super::package::check_package(bytes, limits) {
        out.diagnostics.push(d);
        return out;
    }
    let mut xlsx: Xlsx<Cursor<&[u8]>> = match Xlsx::new(Cursor::new(bytes)) {
        Ok(x) => x,
        Err(e) => {
            out.diagnostics
                .push(codes::office_not_a_workbook(&e.to_string()));
            return out;
        }
    };
    let names = xlsx.sheet_names();
    let Some(sheet) = names.iter().find(|n| fold(n) == fold(TASK_SHEET)).cloned() else {
        let found: Vec<&str> = names.iter().map(String::as_str).collect();
        out.diagnostics
            .push(codes::office_missing_sheet(TASK_SHEET, &found));
        return out;
    };
    let mut skipped_rows = BTreeSet::new();
    match xlsx.merge_cells_by_sheet_name(&sheet) {
        Ok(merges) => {
            for m in merges.iter().filter(|m| m.end.0 >= 1) {
                let range = format!(
                    "{}:{}",
                    cell_name(m.start.0, m.start.1),
                    cell_name(m.end.0, m.end.1)
                );
                out.diagnostics
                    .push(codes::office_merged_cells(&sheet, &range));
                // Bounded: merges come from a part within the unpacked limit, rows by max_rows.
                let last = m.end.0.min(limits.max_rows);
                skipped_rows.extend(m.start.0.max(1)..=last);
            }
        }
        Err(e) => {
            out.diagnostics
                .push(codes::office_not_a_workbook(&e.to_string()));
            return out;
        }
    }
    let rows = match read_rows(&mut xlsx, &sheet, limits, &mut out.diagnostics) {
        Some(r) => r,
        None => return out,
    };
    let index = TaskIndex::new(tasks);
    for (row, cells) in &rows.cells {
        if skipped_rows.contains(row) {
            continue;
        }
        if let Some(r) = read_row(
            &sheet,
            *row,
            cells,
            &rows.columns,
            &index,
            &mut out.diagnostics,
        ) {
            out.progress.reports.push(r);
        }
    }
    out
}

/// NFC, whitespace collapsed, lowercase: how headers and sheet names are compared.
fn fold(s: &str) -> String {
    s.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lower()
}

/// A cell's value, as far as this reader cares.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(String),
    Number(f64),
    Date(Option<Date>),
    Other(String),
}

impl Value {
    fn from_data(d: &DataRef<'_>) -> Option<Value> {
        Some(match d {
            DataRef::Empty => return None,
            DataRef::String(s) => Value::Text(s.clone()),
            DataRef::SharedString(s) => Value::Text((*s).to_string()),
            DataRef::Int(i) => Value::Number(*i as f64),
            DataRef::Float(f) => Value::Number(*f),
            DataRef::Bool(b) => Value::Other(b.to_string()),
            DataRef::DateTime(dt) if dt.is_datetime() => {
                let (y, m, d, ..) = dt.to_ymd_hms_milli();
                Value::Date(Date::from_ymd(i32::from(y), m, d).ok())
            }
            DataRef::DateTime(dt) => Value::Other(dt.as_f64().to_string()),
            DataRef::DateTimeIso(s) => Value::Date(iso_date(s.get(..10).unwrap_or(s))),
            DataRef::DurationIso(s) => Value::Other(s.clone()),
            DataRef::Error(e) => Value::Other(e.to_string()),
        })
        .filter(|v| !matches!(v, Value::Text(t) if t.trim().is_empty()))
    }

    /// The value as a person reads it in the cell.
    fn display(&self) -> String {
        match self {
            Value::Text(s) | Value::Other(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            Value::Date(Some(d)) => super::vn_date(*d),
            Value::Date(None) => "?".to_string(),
        }
    }
}

fn iso_date(s: &str) -> Option<Date> {
    let mut it = s.trim().split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 || m.len() > 2 || d.len() > 2 {
        return None;
    }
    Date::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// "20/12/2025" or "2025-12-20" (never "12/20/2025": day first, as Vietnamese write dates).
fn text_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.contains('-') {
        return iso_date(s);
    }
    let mut it = s.split('/');
    let (d, m, y) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some()
        || y.len() != 4
        || m.is_empty()
        || m.len() > 2
        || d.is_empty()
        || d.len() > 2
    {
        return None;
    }
    Date::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// The columns found in the header row (0-based indices).
#[derive(Debug, Default)]
struct Columns {
    number: u32,
    eid: Option<u32>,
    status: u32,
    date: u32,
    note: Option<u32>,
}

/// The task sheet's data rows: row → column → value, only the columns read.
struct Rows {
    columns: Columns,
    cells: BTreeMap<u32, BTreeMap<u32, Value>>,
}

fn find_header(header: &BTreeMap<u32, String>, c: TaskColumn) -> Option<u32> {
    let want = fold(c.header());
    header
        .iter()
        .find(|(_, h)| {
            let h = fold(h);
            h == want || h.starts_with(&format!("{want} ("))
        })
        .map(|(i, _)| *i)
}

fn read_rows(
    xlsx: &mut Xlsx<Cursor<&[u8]>>,
    sheet: &str,
    limits: &WorkbookLimits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Rows> {
    let mut reader = match xlsx.worksheet_cells_reader(sheet) {
        Ok(r) => r,
        Err(e) => {
            diagnostics.push(codes::office_not_a_workbook(&e.to_string()));
            return None;
        }
    };
    let mut header: BTreeMap<u32, String> = BTreeMap::new();
    let mut columns: Option<Columns> = None;
    let mut cells: BTreeMap<u32, BTreeMap<u32, Value>> = BTreeMap::new();
    loop {
        let cell = match reader.next_cell() {
            Ok(Some(c)) => c,
            Ok(None) => break,
            Err(e) => {
                diagnostics.push(codes::office_not_a_workbook(&e.to_string()));
                return None;
            }
        };
        let (row, col) = cell.get_position();
        if row == 0 {
            if let Some(Value::Text(t)) = Value::from_data(cell.get_value()) {
                header.insert(col, t);
            }
            continue;
        }
        if row > limits.max_rows {
            diagnostics.push(codes::office_too_many_rows(
                sheet,
                &cell_name(row, col),
                limits.max_rows as usize,
            ));
            break;
        }
        if columns.is_none() {
            // Rows come in order: the header row is complete at the first data cell.
            columns = Some(header_columns(sheet, &header, diagnostics)?);
        }
        let Some(c) = &columns else { break };
        if [Some(c.number), c.eid, Some(c.status), Some(c.date), c.note].contains(&Some(col)) {
            if let Some(v) = Value::from_data(cell.get_value()) {
                cells.entry(row).or_default().insert(col, v);
            }
        }
    }
    let columns = match columns {
        Some(c) => c,
        None => header_columns(sheet, &header, diagnostics)?,
    };
    Some(Rows { columns, cells })
}

fn header_columns(
    sheet: &str,
    header: &BTreeMap<u32, String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Columns> {
    let mut missing = false;
    let mut required = |c: TaskColumn| {
        let found = find_header(header, c);
        if found.is_none() {
            diagnostics.push(codes::office_missing_column(sheet, c.header()));
            missing = true;
        }
        found.unwrap_or(0)
    };
    let number = required(TaskColumn::Number);
    let status = required(TaskColumn::ProgressStatus);
    let date = required(TaskColumn::ReportDate);
    if missing {
        return None;
    }
    Some(Columns {
        number,
        eid: find_header(header, TaskColumn::Eid),
        status,
        date,
        note: find_header(header, TaskColumn::Note),
    })
}

/// Tasks by eid and by number.
struct TaskIndex<'a> {
    by_eid: BTreeMap<&'a str, &'a Task>,
    by_number: BTreeMap<&'a str, Vec<&'a Task>>,
}

impl<'a> TaskIndex<'a> {
    fn new(tasks: &'a [Task]) -> Self {
        let mut by_eid = BTreeMap::new();
        let mut by_number: BTreeMap<&str, Vec<&Task>> = BTreeMap::new();
        for t in tasks {
            by_eid.insert(t.eid.as_str(), t);
            by_number.entry(t.number.as_str()).or_default().push(t);
        }
        TaskIndex { by_eid, by_number }
    }
}

/// One data row: a report, or `None` (not filled, or a diagnostic says why not).
fn read_row(
    sheet: &str,
    row: u32,
    cells: &BTreeMap<u32, Value>,
    c: &Columns,
    index: &TaskIndex<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Report> {
    let get = |col: Option<u32>| col.and_then(|i| cells.get(&i));
    let (status, date, note) = (get(Some(c.status)), get(Some(c.date)), get(c.note));
    if status.is_none() && date.is_none() && note.is_none() {
        return None;
    }
    let before = diagnostics.len();
    let status = match status {
        None => {
            diagnostics.push(codes::office_missing_status(
                sheet,
                &cell_name(row, c.status),
            ));
            None
        }
        Some(v) => {
            let s = match v {
                Value::Text(t) => ProgressStatus::from_label(t),
                _ => None,
            };
            if s.is_none() {
                diagnostics.push(codes::office_bad_status(
                    sheet,
                    &cell_name(row, c.status),
                    &v.display(),
                ));
            }
            s
        }
    };
    let date = match date {
        None => {
            if status.is_some() {
                diagnostics.push(codes::office_missing_date(sheet, &cell_name(row, c.date)));
            }
            None
        }
        Some(v) => {
            let d = match v {
                Value::Date(d) => *d,
                Value::Text(t) => text_date(t),
                _ => None,
            };
            if d.is_none() {
                diagnostics.push(codes::office_bad_date(
                    sheet,
                    &cell_name(row, c.date),
                    &v.display(),
                ));
            }
            d
        }
    };
    let task = resolve_task(sheet, row, cells, c, index, diagnostics);
    if diagnostics.len() > before {
        return None;
    }
    Some(Report {
        task: task?.eid.as_str().to_owned(),
        date: date?,
        status: status?,
        note: note.map(Value::display).filter(|n| !n.is_empty()),
        by: None,
    })
}

fn resolve_task<'a>(
    sheet: &str,
    row: u32,
    cells: &BTreeMap<u32, Value>,
    c: &Columns,
    index: &TaskIndex<'a>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<&'a Task> {
    if let Some(col) = c.eid {
        if let Some(v) = cells.get(&col) {
            let eid = v.display();
            let found = index.by_eid.get(eid.as_str()).copied();
            if found.is_none() {
                diagnostics.push(codes::office_unknown_task(
                    sheet,
                    &cell_name(row, col),
                    &eid,
                ));
            }
            return found;
        }
    }
    let cell = cell_name(row, c.number);
    let number = cells.get(&c.number).map(Value::display).unwrap_or_default();
    match index.by_number.get(number.as_str()).map(Vec::as_slice) {
        Some([one]) => Some(*one),
        Some(many) if !many.is_empty() => {
            let eids: Vec<&str> = many.iter().map(|t| t.eid.as_str()).collect();
            diagnostics.push(codes::office_ambiguous_task(sheet, &cell, &number, &eids));
            None
        }
        _ => {
            diagnostics.push(codes::office_unknown_task(sheet, &cell, &number));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_written_as_text() {
        let d = |s| text_date(s).map(|d| d.to_string());
        assert_eq!(d("20/12/2025").as_deref(), Some("2025-12-20"));
        assert_eq!(d("2/3/2026").as_deref(), Some("2026-03-02"));
        assert_eq!(d("2025-12-20").as_deref(), Some("2025-12-20"));
        assert_eq!(d("31/2/2026"), None);
        assert_eq!(d("12/20/2025"), None);
        assert_eq!(d("tháng 12/2025"), None);
        assert_eq!(d("20/12/25"), None);
    }
}
