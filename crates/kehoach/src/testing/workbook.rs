//! Filling a tracking workbook in tests, as an agency would in Excel (no spreadsheet program
//! needed): the cells' XML is rewritten inside the package.

use crate::Date;
use crate::error::{Error, ErrorKind};
use std::io::{Cursor, Read, Write};

/// A value typed into a cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CellValue<'a> {
    /// Text ("Đã hoàn thành", "tháng 12").
    Text(&'a str),
    /// A date: a number of days in a date-formatted cell, as Excel stores it.
    Date(Date),
    /// A plain number.
    Number(f64),
}

fn err(msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidArgument, msg)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Excel's serial number of a date (days since 1899-12-30).
fn serial(d: Date) -> i64 {
    let epoch =
        time::Date::from_calendar_date(1899, time::Month::December, 30).unwrap_or(time::Date::MIN);
    (d.as_time() - epoch).whole_days()
}

/// Puts `value` in the cell `cell` ("I3") of the `xml` of a worksheet written by
/// [`tracking_workbook`](crate::office::tracking_workbook), keeping the cell's format.
fn set_cell(xml: &str, cell: &str, value: CellValue<'_>) -> Result<String, Error> {
    let open = format!("<c r=\"{cell}\"");
    let start = xml
        .find(&open)
        .ok_or_else(|| err(format!("no cell {cell} in the sheet")))?;
    let rest = xml.get(start..).unwrap_or_default();
    let tag_end = rest.find('>').ok_or_else(|| err("unterminated cell"))?;
    let tag = rest.get(..tag_end).unwrap_or_default();
    let len = if tag.ends_with('/') {
        tag_end + 1
    } else {
        rest.find("</c>").ok_or_else(|| err("unterminated cell"))? + 4
    };
    let style = tag
        .split_whitespace()
        .find_map(|a| a.strip_prefix("s=\""))
        .map(|s| format!(" s=\"{}", s.trim_end_matches('/')))
        .unwrap_or_default();
    let new = match value {
        CellValue::Text(t) => format!(
            "<c r=\"{cell}\"{style} t=\"inlineStr\"><is><t>{}</t></is></c>",
            escape(t)
        ),
        CellValue::Date(d) => format!("<c r=\"{cell}\"{style}><v>{}</v></c>", serial(d)),
        CellValue::Number(n) => format!("<c r=\"{cell}\"{style}><v>{n}</v></c>"),
    };
    let mut out = String::with_capacity(xml.len() + new.len());
    out.push_str(xml.get(..start).unwrap_or_default());
    out.push_str(&new);
    out.push_str(rest.get(len..).unwrap_or_default());
    Ok(out)
}

/// A copy of a tracking workbook with `cells` of its task sheet filled, for round-trip tests
/// of [`read_tracking_workbook`](crate::office::read_tracking_workbook) and
/// `kehoach --progress`. Dates keep the column's date format, so a reader sees date cells.
///
/// ```
/// use kehoach::office::{tracking_workbook, read_tracking_workbook, OfficeOptions};
/// use kehoach::schedule::ProgressStatus;
/// use kehoach::testing::{fill_workbook, CellValue};
/// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
/// let xlsx = tracking_workbook(&plan, &OfficeOptions::new("2026-11-28".parse().unwrap())).unwrap();
/// // Row 4 is the third task, II.1.c.
/// let filled = fill_workbook(&xlsx, &[
///     ("I4", CellValue::Text("Đã hoàn thành")),
///     ("J4", CellValue::Date("2025-12-20".parse().unwrap())),
///     ("K4", CellValue::Text("Đã ban hành kế hoạch")),
/// ]).unwrap();
/// let back = read_tracking_workbook(&filled, &plan.tasks());
/// assert_eq!(back.diagnostics, vec![]);
/// let r = &back.progress.reports[0];
/// assert_eq!((r.task.as_str(), r.status), ("sec_II__para_1__point_c", ProgressStatus::Done));
/// assert_eq!(r.date.to_string(), "2025-12-20");
/// ```
pub fn fill_workbook(xlsx: &[u8], cells: &[(&str, CellValue<'_>)]) -> Result<Vec<u8>, Error> {
    // tracking_workbook writes the task sheet first.
    const TASK_SHEET_XML: &str = "xl/worksheets/sheet1.xml";
    let mut input = zip::ZipArchive::new(Cursor::new(xlsx)).map_err(|e| err(e.to_string()))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..input.len() {
        let mut part = input.by_index(i).map_err(|e| err(e.to_string()))?;
        let name = part.name().map_err(|e| err(e.to_string()))?.into_owned();
        let mut data = Vec::new();
        part.read_to_end(&mut data)
            .map_err(|e| err(e.to_string()))?;
        if name == TASK_SHEET_XML {
            let mut xml = String::from_utf8(data).map_err(|e| err(e.to_string()))?;
            for (cell, value) in cells {
                xml = set_cell(&xml, cell, *value)?;
            }
            data = xml.into_bytes();
        }
        out.start_file(name, options)
            .map_err(|e| err(e.to_string()))?;
        out.write_all(&data).map_err(|e| err(e.to_string()))?;
    }
    let done = out.finish().map_err(|e| err(e.to_string()))?;
    Ok(done.into_inner())
}
