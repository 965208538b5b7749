//! The tracking workbook's summary sheet ("Tổng hợp"): counts by status and agency, the
//! reported statuses as formulas over the task sheet, next deadlines, the review calendar.

use super::workbook::{
    Formats, PAPER_A4, TASK_SHEET, TaskColumn, cell_text, column_letters, excel_date, row_height,
    wrapped_lines,
};
use super::{OfficeOptions, at_risk, plan_reference, vn_date};
use crate::error::Error;
use crate::schedule::{AgencyBasis, ProgressStatus, ReviewStatus, Schedule, Status};
use crate::{Date, Plan};
use rust_xlsxwriter::{Formula, Worksheet};

/// Writes `cells` (header first) as a bordered table at `row`; returns the next free row.
fn table(
    ws: &mut Worksheet,
    row: u32,
    title: &str,
    header: &[&str],
    rows: &[Vec<SummaryCell>],
    f: &Formats,
) -> Result<u32, Error> {
    ws.write_string_with_format(row, 0, title, &f.bold)?;
    for (c, h) in (0u16..).zip(header) {
        ws.write_string_with_format(row + 1, c, *h, &f.header)?;
    }
    let mut r = row + 2;
    for cells in rows {
        let lines = (0u16..)
            .zip(cells)
            .map(|(c, cell)| match cell {
                SummaryCell::Text(s) => wrapped_lines(
                    s,
                    SUMMARY_WIDTHS.get(usize::from(c)).copied().unwrap_or(14.0),
                ),
                _ => 1,
            })
            .max()
            .unwrap_or(1);
        if lines > 1 {
            ws.set_row_height(r, row_height(lines))?;
        }
        for (c, cell) in (0u16..).zip(cells) {
            match cell {
                SummaryCell::Text(s) => {
                    ws.write_string_with_format(r, c, cell_text(s).as_ref(), &f.text)?;
                }
                SummaryCell::Count(n) => {
                    ws.write_number_with_format(r, c, *n as f64, &f.number)?;
                }
                SummaryCell::Date(d) => {
                    ws.write_datetime_with_format(r, c, excel_date(*d)?, &f.date)?;
                }
                SummaryCell::Formula(formula, value) => {
                    let fm = Formula::new(formula).set_result(value.to_string());
                    ws.write_formula_with_format(r, c, fm, &f.number)?;
                }
            }
        }
        r += 1;
    }
    Ok(r + 1)
}

/// The summary sheet's column widths.
const SUMMARY_WIDTHS: [f64; 4] = [56.0, 14.0, 14.0, 30.0];

/// A cell of a summary table.
enum SummaryCell {
    Text(String),
    Count(usize),
    Date(Date),
    /// A formula and its value when written.
    Formula(String, usize),
}

pub(super) fn write_summary(
    ws: &mut Worksheet,
    plan: &Plan,
    sched: &Schedule,
    opts: &OfficeOptions,
    f: &Formats,
) -> Result<(), Error> {
    use SummaryCell::{Count, Date as D, Formula as F, Text as T};
    for (c, w) in (0u16..).zip(SUMMARY_WIDTHS) {
        ws.set_column_width(c, w)?;
    }
    ws.write_string_with_format(0, 0, "THEO DÕI THỰC HIỆN KẾ HOẠCH", &f.title)?;
    ws.write_string_with_format(1, 0, plan_reference(plan), &f.bold)?;
    ws.write_string_with_format(2, 0, "Tính đến ngày", &f.text)?;
    ws.write_datetime_with_format(2, 1, excel_date(sched.as_of)?, &f.date)?;
    ws.write_string_with_format(3, 0, "Cơ quan", &f.text)?;
    let who = opts
        .agency
        .clone()
        .unwrap_or_else(|| "Tất cả các cơ quan (tổng hợp)".to_string());
    ws.write_string_with_format(3, 1, who, &f.bold)?;
    ws.write_string_with_format(4, 0, "Số nhiệm vụ", &f.text)?;
    ws.write_number_with_format(4, 1, sched.tasks.len() as f64, &f.number)?;

    let by_status: Vec<Vec<SummaryCell>> = Status::ALL
        .iter()
        .map(|s| vec![T(s.vietnamese().into()), Count(sched.count(*s))])
        .collect();
    let mut row = table(
        ws,
        6,
        "1. Nhiệm vụ theo trạng thái (theo thời gian thực hiện)",
        &["Trạng thái", "Số nhiệm vụ"],
        &by_status,
        f,
    )?;

    let n = sched.tasks.len().max(1) + 1;
    let col = column_letters(u32::from(TaskColumn::ProgressStatus.index()));
    let range = format!("'{TASK_SHEET}'!{col}2:{col}{n}");
    let mut reported: Vec<Vec<SummaryCell>> = ProgressStatus::ALL
        .iter()
        .map(|s| {
            let count = sched
                .tasks
                .iter()
                .filter(|t| t.progress.as_ref().is_some_and(|r| r.status == *s))
                .count();
            vec![
                T(s.vietnamese().into()),
                F(format!("COUNTIF({range},\"{}\")", s.vietnamese()), count),
            ]
        })
        .collect();
    let unreported = sched.tasks.iter().filter(|t| t.progress.is_none()).count();
    reported.push(vec![
        T("Chưa báo cáo".into()),
        F(format!("COUNTBLANK({range})"), unreported),
    ]);
    row = table(
        ws,
        row,
        "2. Tình trạng do cơ quan báo cáo (cột “Tình trạng thực hiện”)",
        &["Tình trạng thực hiện", "Số nhiệm vụ"],
        &reported,
        f,
    )?;

    let by_agency: Vec<Vec<SummaryCell>> = sched
        .by_agency(AgencyBasis::Responsible)
        .into_iter()
        .map(|a| {
            let at_risk_count = a
                .tasks
                .iter()
                .filter_map(|eid| sched.tasks.iter().find(|t| t.eid == *eid))
                .filter(|t| at_risk(t, sched.as_of).is_some())
                .count();
            vec![
                T(a.agency),
                Count(a.tasks.len()),
                Count(a.running),
                Count(a.overdue + at_risk_count),
            ]
        })
        .collect();
    row = table(
        ws,
        row,
        &format!(
            "3. Nhiệm vụ theo cơ quan chịu trách nhiệm (ngày {})",
            vn_date(sched.as_of)
        ),
        &[
            "Cơ quan",
            "Số nhiệm vụ",
            "Đang thực hiện",
            "Quá hạn, có nguy cơ chậm",
        ],
        &by_agency,
        f,
    )?;

    let deadlines: Vec<Vec<SummaryCell>> = sched
        .next_deadlines(10)
        .into_iter()
        .map(|d| {
            let text = sched.task(&d.eid).map_or("", |t| t.text.as_str());
            vec![T(short(text, 160)), D(d.due), T(d.number.into_string())]
        })
        .collect();
    row = table(
        ws,
        row,
        "4. Hạn sắp tới",
        &["Nội dung nhiệm vụ", "Hạn", "Số hiệu"],
        &deadlines,
        f,
    )?;

    let reviews: Vec<Vec<SummaryCell>> = sched
        .reviews
        .iter()
        .map(|r| {
            let status = match r.status {
                ReviewStatus::Past => "Đã qua",
                ReviewStatus::Upcoming => "Sắp tới",
            };
            let coordinator = r.coordinator.as_ref().map_or(String::new(), |a| {
                let current = a.current.as_deref().and_then(|c| c.first());
                format!(
                    "qua {}",
                    current.map_or(a.name.as_str(), |c| c.name.as_str())
                )
            });
            vec![
                T(r.label(crate::Lang::Vi)),
                D(r.due),
                T(status.into()),
                T(coordinator),
            ]
        })
        .collect();
    row = table(
        ws,
        row,
        "5. Sơ kết, tổng kết và báo cáo định kỳ",
        &["Nội dung", "Ngày", "Tình trạng", "Cơ quan đầu mối"],
        &reviews,
        f,
    )?;

    let guide = [
        "Hướng dẫn: điền ở trang tính “Nhiệm vụ” ba cột tô vàng: Tình trạng thực hiện (chọn trong danh sách),",
        "Ngày báo cáo (ngày/tháng/năm) và Kết quả, ghi chú. Không đổi cột Số hiệu và Mã nhiệm vụ;",
        "không gộp ô. Gửi lại tệp này cho cơ quan đầu mối; tệp được đọc bằng “kehoach … --progress tệp.xlsx”.",
    ];
    for (i, line) in (0u32..).zip(guide) {
        ws.write_string(row + i, 0, line)?;
    }
    ws.set_landscape()
        .set_paper_size(PAPER_A4)
        .set_print_fit_to_pages(1, 0);
    Ok(())
}

/// The first `max` characters of `s`, with "…" when cut.
fn short(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((i, _)) => format!("{}…", s.get(..i).unwrap_or_default().trim_end()),
    }
}
