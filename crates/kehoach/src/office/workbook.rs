//! The tracking workbook (XLSX): a summary sheet and the task sheet agencies fill in.

use super::{OfficeOptions, agency_names, plan_reference, selected_schedule, vn_date};
use crate::error::{Error, ErrorKind};
use crate::schedule::{ProgressStatus, Schedule, ScheduledTask};
use crate::{Date, Plan};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatAlign,
    FormatBorder, Workbook, Worksheet, XlsxError,
};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The name of the sheet agencies fill in (one row per task).
pub const TASK_SHEET: &str = "Nhiệm vụ";
/// The name of the summary sheet.
pub const SUMMARY_SHEET: &str = "Tổng hợp";

/// Excel's limit on the characters of one cell.
const MAX_CELL_CHARS: usize = 32_767;
/// A4 in Excel's paper-size numbering.
pub(super) const PAPER_A4: u8 = 9;
/// The background of the columns the agency fills in.
const FILL_COLOR: u32 = 0xFFF2CC;

impl From<XlsxError> for Error {
    fn from(e: XlsxError) -> Self {
        Error::new(ErrorKind::InvalidArgument, format!("xlsx: {e}"))
    }
}

/// The columns of the task sheet, in order. The reader finds its columns by their headers
/// ([`TaskColumn::header`]), so an agency may insert or reorder columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TaskColumn {
    /// "Số hiệu": the number path ("II.2.d").
    Number,
    /// "Nội dung nhiệm vụ".
    Content,
    /// "Cơ quan chủ trì (theo Kế hoạch)": the lead label's value as written.
    LeadsAsWritten,
    /// "Cơ quan chịu trách nhiệm (ngày …)": who is responsible on the as-of date.
    Responsible,
    /// "Thời gian thực hiện" as written.
    Timeframe,
    /// "Bắt đầu": the window's first day (a date cell).
    Start,
    /// "Kết thúc": the window's last day (a date cell).
    End,
    /// "Trạng thái (ngày …)": the status on the as-of date.
    Status,
    /// "Tình trạng thực hiện": filled by the agency (drop-down of the progress statuses).
    ProgressStatus,
    /// "Ngày báo cáo": filled by the agency (a date).
    ReportDate,
    /// "Kết quả, ghi chú": filled by the agency.
    Note,
    /// "Mã nhiệm vụ": the task's eid.
    Eid,
}

impl TaskColumn {
    /// Every column, in sheet order.
    pub const ALL: [TaskColumn; 12] = [
        TaskColumn::Number,
        TaskColumn::Content,
        TaskColumn::LeadsAsWritten,
        TaskColumn::Responsible,
        TaskColumn::Timeframe,
        TaskColumn::Start,
        TaskColumn::End,
        TaskColumn::Status,
        TaskColumn::ProgressStatus,
        TaskColumn::ReportDate,
        TaskColumn::Note,
        TaskColumn::Eid,
    ];

    /// The header's text; for the two dated columns, its beginning (the date follows in
    /// parentheses).
    pub fn header(self) -> &'static str {
        match self {
            TaskColumn::Number => "Số hiệu",
            TaskColumn::Content => "Nội dung nhiệm vụ",
            TaskColumn::LeadsAsWritten => "Cơ quan chủ trì (theo Kế hoạch)",
            TaskColumn::Responsible => "Cơ quan chịu trách nhiệm",
            TaskColumn::Timeframe => "Thời gian thực hiện",
            TaskColumn::Start => "Bắt đầu",
            TaskColumn::End => "Kết thúc",
            TaskColumn::Status => "Trạng thái",
            TaskColumn::ProgressStatus => "Tình trạng thực hiện",
            TaskColumn::ReportDate => "Ngày báo cáo",
            TaskColumn::Note => "Kết quả, ghi chú",
            TaskColumn::Eid => "Mã nhiệm vụ",
        }
    }

    fn header_on(self, as_of: Date) -> String {
        match self {
            TaskColumn::Responsible | TaskColumn::Status => {
                format!("{} (ngày {})", self.header(), vn_date(as_of))
            }
            other => other.header().to_string(),
        }
    }

    /// 0-based column index.
    pub fn index(self) -> u16 {
        TaskColumn::ALL
            .iter()
            .position(|c| *c == self)
            .and_then(|i| u16::try_from(i).ok())
            .unwrap_or(0)
    }

    /// Width in Excel's character units.
    fn width(self) -> f64 {
        match self {
            TaskColumn::Number => 9.0,
            TaskColumn::Content => 48.0,
            TaskColumn::LeadsAsWritten | TaskColumn::Responsible => 24.0,
            TaskColumn::Timeframe => 18.0,
            TaskColumn::Start | TaskColumn::End | TaskColumn::ReportDate => 12.5,
            TaskColumn::Status => 14.0,
            TaskColumn::ProgressStatus => 16.0,
            TaskColumn::Note => 30.0,
            TaskColumn::Eid => 26.0,
        }
    }

    /// Filled in by the agency.
    pub fn is_to_fill(self) -> bool {
        matches!(
            self,
            TaskColumn::ProgressStatus | TaskColumn::ReportDate | TaskColumn::Note
        )
    }
}

/// A1-style column letters for a 0-based index (0 → "A", 26 → "AA").
pub(super) fn column_letters(mut col: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(char::from(b'A' + (col % 26) as u8));
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.iter().rev().collect()
}

/// A1-style reference of a 0-based cell ((6, 8) → "I7").
pub(super) fn cell_name(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), u64::from(row) + 1)
}

/// A cell's text within Excel's limit (cut at a character boundary, marked with "…").
pub(super) fn cell_text(s: &str) -> Cow<'_, str> {
    match s.char_indices().nth(MAX_CELL_CHARS - 1) {
        None => Cow::Borrowed(s),
        Some((i, _)) => Cow::Owned(format!("{}…", s.get(..i).unwrap_or_default())),
    }
}

pub(super) fn excel_date(d: Date) -> Result<ExcelDateTime, Error> {
    let year = u16::try_from(d.year()).map_err(|_| {
        Error::new(
            ErrorKind::InvalidDate,
            format!("year {} out of Excel's range", d.year()),
        )
    })?;
    Ok(ExcelDateTime::from_ymd(year, d.month(), d.day())?)
}

/// The formats of the workbook.
pub(super) struct Formats {
    pub(super) title: Format,
    pub(super) header: Format,
    pub(super) header_fill: Format,
    pub(super) text: Format,
    pub(super) date: Format,
    pub(super) fill_text: Format,
    pub(super) fill_date: Format,
    pub(super) bold: Format,
    pub(super) number: Format,
}

impl Formats {
    fn new() -> Self {
        let base = Format::new()
            .set_font_name("Times New Roman")
            .set_font_size(12)
            .set_align(FormatAlign::Top);
        let cell = base.clone().set_border(FormatBorder::Thin).set_text_wrap();
        let header = cell
            .clone()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(Color::RGB(0xD9E1F2));
        Formats {
            title: base.clone().set_bold().set_font_size(14),
            header_fill: header.clone().set_background_color(Color::RGB(FILL_COLOR)),
            header,
            text: cell.clone(),
            date: cell.clone().set_num_format("dd/mm/yyyy"),
            fill_text: cell.clone().set_background_color(Color::RGB(FILL_COLOR)),
            fill_date: cell
                .clone()
                .set_num_format("dd/mm/yyyy")
                .set_background_color(Color::RGB(FILL_COLOR)),
            bold: base.clone().set_bold(),
            number: cell.set_align(FormatAlign::Right),
        }
    }
}

/// The tracking workbook of `plan` for `opts` (every task, or the agency's), as XLSX bytes;
/// layout in the [module docs](super). Fails only on values Excel cannot hold (a year before
/// 1900).
///
/// ```
/// use kehoach::office::{tracking_workbook, OfficeOptions};
/// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
/// let opts = OfficeOptions::new("2026-11-28".parse().unwrap()).with_agency("Sở Tài chính");
/// let xlsx = tracking_workbook(&plan, &opts).unwrap();
/// assert!(xlsx.len() > 5_000);
/// ```
pub fn tracking_workbook(plan: &Plan, opts: &OfficeOptions) -> Result<Vec<u8>, Error> {
    let sched = selected_schedule(plan, opts);
    let formats = Formats::new();
    let mut wb = Workbook::new();
    let mut props = DocProperties::new()
        .set_title(format!("Theo dõi thực hiện {}", plan_reference(plan)))
        .set_company("kehoach");
    // Reproducible output: the document is dated on the as-of date, not when it was written.
    props = props.set_creation_datetime(&excel_date(opts.as_of)?);
    wb.set_properties(&props);

    // The task sheet first: it is what an agency opens the file for.
    let tasks = wb.add_worksheet();
    tasks.set_name(TASK_SHEET)?;
    write_tasks(tasks, plan, &sched, &formats)?;

    let summary = wb.add_worksheet();
    summary.set_name(SUMMARY_SHEET)?;
    super::workbook_summary::write_summary(summary, plan, &sched, opts, &formats)?;
    Ok(wb.save_to_buffer()?)
}

fn write_tasks(
    ws: &mut Worksheet,
    plan: &Plan,
    sched: &Schedule,
    f: &Formats,
) -> Result<(), Error> {
    let leads_written: BTreeMap<&str, &str> = plan
        .task_units()
        .into_iter()
        .filter_map(|u| Some((u.eid.as_str(), u.leads.as_ref()?.text.as_str())))
        .collect();
    for c in TaskColumn::ALL {
        let fmt = if c.is_to_fill() {
            &f.header_fill
        } else {
            &f.header
        };
        ws.write_string_with_format(0, c.index(), c.header_on(sched.as_of), fmt)?;
        ws.set_column_width(c.index(), c.width())?;
    }
    ws.set_row_height(0, 32)?;
    for (i, t) in sched.tasks.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        write_task_row(ws, row, t, leads_written.get(t.eid.as_str()).copied(), f)?;
    }
    let last_row = u32::try_from(sched.tasks.len()).unwrap_or(u32::MAX).max(1);
    let last_col = TaskColumn::Eid.index();
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, last_row, last_col)?;
    let statuses: Vec<&str> = ProgressStatus::ALL.iter().map(|s| s.vietnamese()).collect();
    let list = DataValidation::new()
        .allow_list_strings(&statuses)?
        .set_input_title("Tình trạng thực hiện")?
        .set_input_message("Chọn trong danh sách.")?
        .set_error_title("Tình trạng không hợp lệ")?
        .set_error_message(format!("Chọn một trong: {}.", statuses.join("; ")))?;
    let col = TaskColumn::ProgressStatus.index();
    ws.add_data_validation(1, col, last_row, col, &list)?;
    let dates = DataValidation::new()
        .allow_date(DataValidationRule::Between(
            ExcelDateTime::from_ymd(2000, 1, 1)?,
            ExcelDateTime::from_ymd(2100, 12, 31)?,
        ))
        .set_error_title("Ngày không hợp lệ")?
        .set_error_message("Nhập ngày dạng ngày/tháng/năm, ví dụ 20/12/2025.")?;
    let col = TaskColumn::ReportDate.index();
    ws.add_data_validation(1, col, last_row, col, &dates)?;
    ws.set_landscape()
        .set_paper_size(PAPER_A4)
        .set_print_fit_to_pages(1, 0)
        .set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3)
        .set_footer("&CTrang &P/&N");
    ws.set_repeat_rows(0, 0)?;
    // The eid is for the reader, not for the printed page.
    ws.set_print_area(0, 0, last_row, TaskColumn::Note.index())?;
    Ok(())
}

fn write_task_row(
    ws: &mut Worksheet,
    row: u32,
    t: &ScheduledTask,
    leads_written: Option<&str>,
    f: &Formats,
) -> Result<(), Error> {
    let date_cell = |ws: &mut Worksheet, c: TaskColumn, d: Option<Date>, fmt: &Format| match d {
        Some(d) => ws
            .write_datetime_with_format(row, c.index(), excel_date(d)?, fmt)
            .map(|_| ())
            .map_err(Error::from),
        None => ws
            .write_blank(row, c.index(), fmt)
            .map(|_| ())
            .map_err(Error::from),
    };
    let text = |ws: &mut Worksheet, c: TaskColumn, s: &str, fmt: &Format| {
        ws.write_string_with_format(row, c.index(), cell_text(s).as_ref(), fmt)
            .map(|_| ())
    };
    text(ws, TaskColumn::Number, &t.number, &f.text)?;
    text(ws, TaskColumn::Content, &t.text, &f.text)?;
    text(
        ws,
        TaskColumn::LeadsAsWritten,
        leads_written.unwrap_or(""),
        &f.text,
    )?;
    text(
        ws,
        TaskColumn::Responsible,
        &agency_names(&t.responsible),
        &f.text,
    )?;
    text(
        ws,
        TaskColumn::Timeframe,
        t.timeframe_text.as_deref().unwrap_or(""),
        &f.text,
    )?;
    date_cell(ws, TaskColumn::Start, t.window.start, &f.date)?;
    date_cell(ws, TaskColumn::End, t.window.end, &f.date)?;
    text(ws, TaskColumn::Status, t.status.vietnamese(), &f.text)?;
    // The latest report received, when progress was given: the agency updates it.
    let report = t.progress.as_ref();
    text(
        ws,
        TaskColumn::ProgressStatus,
        report.map_or("", |r| r.status.vietnamese()),
        &f.fill_text,
    )?;
    date_cell(
        ws,
        TaskColumn::ReportDate,
        report.map(|r| r.date),
        &f.fill_date,
    )?;
    text(
        ws,
        TaskColumn::Note,
        report.and_then(|r| r.note.as_deref()).unwrap_or(""),
        &f.fill_text,
    )?;
    text(ws, TaskColumn::Eid, &t.eid, &f.text)?;
    let responsible = agency_names(&t.responsible);
    let wrapped = [
        (TaskColumn::Content, t.text.as_str()),
        (TaskColumn::LeadsAsWritten, leads_written.unwrap_or("")),
        (TaskColumn::Responsible, responsible.as_str()),
        (
            TaskColumn::Timeframe,
            t.timeframe_text.as_deref().unwrap_or(""),
        ),
        (
            TaskColumn::Note,
            report.and_then(|r| r.note.as_deref()).unwrap_or(""),
        ),
    ];
    let lines = wrapped
        .iter()
        .map(|(c, s)| wrapped_lines(s, c.width()))
        .max()
        .unwrap_or(1);
    ws.set_row_height(row, row_height(lines))?;
    Ok(())
}

/// How many lines `text` takes in a wrapped cell `width` characters wide (12 pt Times New
/// Roman is about 1.45 characters per width unit). Spreadsheet programs do not fit the height
/// of rows they open (LibreOffice does not, Excel not always), so the writer sets it.
pub(super) fn wrapped_lines(text: &str, width: f64) -> usize {
    let per_line = (width * 1.45).max(1.0) as usize;
    text.split('\n')
        .map(|l| l.chars().count().div_ceil(per_line).max(1))
        .sum()
}

/// The height in points of a row of `lines` lines of 12 pt text.
pub(super) fn row_height(lines: usize) -> f64 {
    lines.clamp(1, 400) as f64 * 15.0 + 3.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names() {
        assert_eq!(cell_name(6, 8), "I7");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(TaskColumn::ProgressStatus.index(), 8);
        assert_eq!(TaskColumn::Eid.index(), 11);
    }

    #[test]
    fn long_text_is_cut_within_excels_limit() {
        let s = "ư".repeat(40_000);
        let c = cell_text(&s);
        assert_eq!(c.chars().count(), MAX_CELL_CHARS);
        assert!(c.ends_with("ư…"));
    }
}
