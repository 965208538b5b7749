//! Constructors for office codes: a filled tracking workbook read back as progress reports.
//!
//! A workbook has no byte spans: every message starts with where it is, as a person finds it
//! in a spreadsheet ("trang tính “Nhiệm vụ”, ô I7" / "sheet “Nhiệm vụ”, cell I7"), and the span
//! is empty. Every one is an error: the row it names is not read, and nothing is guessed.

use super::*;
use crate::diagnostic::{Diagnostic, Localized, Severity};
use crate::span::Span;

/// A diagnostic at `cell` (A1 notation, or a range "A5:C5") of `sheet`, or at the workbook when
/// `sheet` is empty.
fn at(code: &'static str, sheet: &str, cell: &str, vi: String, en: String) -> Diagnostic {
    let (pvi, pen) = match (sheet.is_empty(), cell.is_empty()) {
        (true, _) => ("bảng tính".to_string(), "workbook".to_string()),
        (false, true) => (format!("trang tính “{sheet}”"), format!("sheet “{sheet}”")),
        (false, false) => (
            format!("trang tính “{sheet}”, ô {cell}"),
            format!("sheet “{sheet}”, cell {cell}"),
        ),
    };
    Diagnostic::new(
        code,
        Severity::Error,
        Span::default(),
        Localized::new(format!("{pvi}: {vi}"), format!("{pen}: {en}")),
    )
}

/// `office/not-a-workbook`: the file is not an XLSX workbook (`why` in English, from the reader).
///
/// ```
/// let d = kehoach::diagnostic::codes::office_not_a_workbook("invalid zip header");
/// assert_eq!(d.code, "office/not-a-workbook");
/// assert!(d.message.vi.starts_with("bảng tính: tệp không phải bảng tính Excel (.xlsx)"));
/// ```
pub fn office_not_a_workbook(why: &str) -> Diagnostic {
    at(
        OFFICE_NOT_A_WORKBOOK,
        "",
        "",
        format!("tệp không phải bảng tính Excel (.xlsx) đọc được ({why})"),
        format!("the file is not a readable Excel workbook (.xlsx) ({why})"),
    )
}

/// `office/too-large`: the workbook (`what`: the file, or its unpacked content) is over `limit`
/// bytes; nothing of it is read.
///
/// ```
/// let d = kehoach::diagnostic::codes::office_too_large("file", 52_428_800, 16_777_216);
/// assert_eq!(d.code, "office/too-large");
/// assert!(d.message.en.contains("52428800 bytes"));
/// ```
pub fn office_too_large(what: &str, size: u64, limit: u64) -> Diagnostic {
    let vi_what = if what == "file" {
        "tệp"
    } else {
        "nội dung giải nén"
    };
    at(
        OFFICE_TOO_LARGE,
        "",
        "",
        format!("{vi_what} lớn hơn giới hạn ({size} byte, tối đa {limit} byte); không đọc"),
        format!("the {what} is over the limit ({size} bytes, at most {limit}); not read"),
    )
}

/// `office/missing-sheet`: no sheet named `sheet`; `found` lists the sheets there are.
///
/// ```
/// let d = kehoach::diagnostic::codes::office_missing_sheet("Nhiệm vụ", &["Sheet1"]);
/// assert_eq!(d.code, "office/missing-sheet");
/// assert!(d.message.vi.contains("“Sheet1”"));
/// ```
pub fn office_missing_sheet(sheet: &str, found: &[&str]) -> Diagnostic {
    let list = found
        .iter()
        .map(|s| format!("“{s}”"))
        .collect::<Vec<_>>()
        .join(", ");
    at(
        OFFICE_MISSING_SHEET,
        "",
        "",
        format!("không có trang tính “{sheet}” (các trang tính: {list})"),
        format!("no sheet named “{sheet}” (sheets: {list})"),
    )
}

/// `office/missing-column`: the header row of `sheet` lacks the column headed `header`.
///
/// ```
/// let d = kehoach::diagnostic::codes::office_missing_column("Nhiệm vụ", "Ngày báo cáo");
/// assert_eq!(d.code, "office/missing-column");
/// assert!(d.message.en.starts_with("sheet “Nhiệm vụ”: no column headed “Ngày báo cáo”"));
/// ```
pub fn office_missing_column(sheet: &str, header: &str) -> Diagnostic {
    at(
        OFFICE_MISSING_COLUMN,
        sheet,
        "",
        format!("không có cột “{header}” ở dòng tiêu đề"),
        format!("no column headed “{header}” in the header row"),
    )
}

/// `office/merged-cells`: merged cells `range` among the rows to fill: those rows are not read.
///
/// ```
/// let d = kehoach::diagnostic::codes::office_merged_cells("Nhiệm vụ", "I5:I6");
/// assert_eq!(d.code, "office/merged-cells");
/// assert!(d.message.vi.starts_with("trang tính “Nhiệm vụ”, ô I5:I6: "));
/// ```
pub fn office_merged_cells(sheet: &str, range: &str) -> Diagnostic {
    at(
        OFFICE_MERGED_CELLS,
        sheet,
        range,
        "các ô bị gộp; hãy bỏ gộp ô (các dòng này không được đọc)".to_string(),
        "merged cells; unmerge them (these rows are not read)".to_string(),
    )
}

/// `office/unknown-task`: the row's task (number or eid at `cell`) is not in the plan.
///
/// ```
/// let d = kehoach::diagnostic::codes::office_unknown_task("Nhiệm vụ", "A7", "II.9.a");
/// assert_eq!(d.code, "office/unknown-task");
/// assert!(d.message.en.contains("“II.9.a”"));
/// ```
pub fn office_unknown_task(sheet: &str, cell: &str, task: &str) -> Diagnostic {
    at(
        OFFICE_UNKNOWN_TASK,
        sheet,
        cell,
        format!("nhiệm vụ “{task}” không có trong kế hoạch; dòng này không được đọc"),
        format!("task “{task}” is not in the plan; the row is not read"),
    )
}

/// `office/ambiguous-task`: the row names a number several tasks share and has no eid.
///
/// ```
/// let d = kehoach::diagnostic::codes::office_ambiguous_task("Nhiệm vụ", "A9", "II.2.d",
///     &["sec_II__para_2__point_d", "sec_II__para_2__point_d_2"]);
/// assert_eq!(d.code, "office/ambiguous-task");
/// assert!(d.message.vi.contains("sec_II__para_2__point_d_2"));
/// ```
pub fn office_ambiguous_task(sheet: &str, cell: &str, task: &str, eids: &[&str]) -> Diagnostic {
    let list = eids.join(", ");
    at(
        OFFICE_AMBIGUOUS_TASK,
        sheet,
        cell,
        format!(
            "số hiệu “{task}” thuộc {} nhiệm vụ ({list}); hãy ghi mã nhiệm vụ; dòng này không được đọc",
            eids.len()
        ),
        format!(
            "number “{task}” is shared by {} tasks ({list}); give the task's eid; the row is not read",
            eids.len()
        ),
    )
}

/// `office/bad-status`: the progress status written at `cell` is not one of the listed ones.
///
/// ```
/// let d = kehoach::diagnostic::codes::office_bad_status("Nhiệm vụ", "I7", "Xong");
/// assert_eq!(d.code, "office/bad-status");
/// assert!(d.message.vi.contains("Đã hoàn thành"));
/// ```
pub fn office_bad_status(sheet: &str, cell: &str, written: &str) -> Diagnostic {
    let list = crate::schedule::ProgressStatus::ALL
        .iter()
        .map(|s| format!("“{}”", s.vietnamese()))
        .collect::<Vec<_>>()
        .join(", ");
    at(
        OFFICE_BAD_STATUS,
        sheet,
        cell,
        format!("tình trạng “{written}” không thuộc danh sách ({list}); dòng này không được đọc"),
        format!("status “{written}” is not one of the list ({list}); the row is not read"),
    )
}

/// `office/bad-date`: the report date at `cell` is not a date (`written` as found).
///
/// ```
/// let d = kehoach::diagnostic::codes::office_bad_date("Nhiệm vụ", "J7", "tháng 12");
/// assert_eq!(d.code, "office/bad-date");
/// assert!(d.message.en.starts_with("sheet “Nhiệm vụ”, cell J7: "));
/// ```
pub fn office_bad_date(sheet: &str, cell: &str, written: &str) -> Diagnostic {
    at(
        OFFICE_BAD_DATE,
        sheet,
        cell,
        format!(
            "“{written}” không phải ngày (nhập ngày dạng ngày/tháng/năm, ví dụ 20/12/2025); dòng này không được đọc"
        ),
        format!(
            "“{written}” is not a date (enter a date as day/month/year, e.g. 20/12/2025); the row is not read"
        ),
    )
}

/// `office/missing-date`: a status is given without a report date (`cell`: the empty date cell).
///
/// ```
/// let d = kehoach::diagnostic::codes::office_missing_date("Nhiệm vụ", "J7");
/// assert_eq!(d.code, "office/missing-date");
/// ```
pub fn office_missing_date(sheet: &str, cell: &str) -> Diagnostic {
    at(
        OFFICE_MISSING_DATE,
        sheet,
        cell,
        "có tình trạng nhưng thiếu ngày báo cáo; dòng này không được đọc".to_string(),
        "a status without a report date; the row is not read".to_string(),
    )
}

/// `office/missing-status`: a date or note is given without a progress status (`cell`: the empty
/// status cell).
///
/// ```
/// let d = kehoach::diagnostic::codes::office_missing_status("Nhiệm vụ", "I7");
/// assert_eq!(d.code, "office/missing-status");
/// ```
pub fn office_missing_status(sheet: &str, cell: &str) -> Diagnostic {
    at(
        OFFICE_MISSING_STATUS,
        sheet,
        cell,
        "có ngày hoặc ghi chú nhưng chưa chọn tình trạng thực hiện; dòng này không được đọc"
            .to_string(),
        "a date or note without a progress status; the row is not read".to_string(),
    )
}

/// `office/too-many-rows`: more rows than `limit`; reading stopped at `cell`.
///
/// ```
/// let d = kehoach::diagnostic::codes::office_too_many_rows("Nhiệm vụ", "A100002", 100_000);
/// assert_eq!(d.code, "office/too-many-rows");
/// ```
pub fn office_too_many_rows(sheet: &str, cell: &str, limit: usize) -> Diagnostic {
    at(
        OFFICE_TOO_MANY_ROWS,
        sheet,
        cell,
        format!("quá {limit} dòng; phần còn lại không được đọc"),
        format!("more than {limit} rows; the rest is not read"),
    )
}
