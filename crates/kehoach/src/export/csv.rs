//! CSV for spreadsheets: UTF-8 with a BOM (so Excel reads the diacritics), CRLF, a Vietnamese
//! header row, one row per task.

use crate::schedule::{Schedule, ScheduledTask};
use crate::{Date, Plan};

/// The byte-order mark Excel needs to read UTF-8.
pub const BOM: char = '\u{feff}';

fn vn(d: Date) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

fn names(list: &[crate::Agency]) -> String {
    list.iter()
        .map(|a| a.name.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The header row: number, task, lead agencies as named (with the plan's year), responsible on
/// the as-of date, timeframe as written, start, end, status on the as-of date, note, eid.
pub fn header(plan_year: Option<i32>, as_of: Date) -> Vec<String> {
    let named = match plan_year {
        Some(y) => format!("Cơ quan chủ trì (năm {y})"),
        None => "Cơ quan chủ trì (theo Kế hoạch)".to_string(),
    };
    vec![
        "Số hiệu".into(),
        "Nhiệm vụ".into(),
        named,
        format!("Cơ quan chịu trách nhiệm (ngày {})", vn(as_of)),
        "Thời gian thực hiện".into(),
        "Bắt đầu".into(),
        "Kết thúc".into(),
        format!("Trạng thái (ngày {})", vn(as_of)),
        "Ghi chú".into(),
        "Mã nhiệm vụ".into(),
    ]
}

fn note(t: &ScheduledTask) -> String {
    let mut parts = Vec::new();
    if let Some(p) = t.current_phase {
        parts.push(format!("Giai đoạn {p}"));
    }
    if let Some(d) = t.next_occurrence {
        parts.push(format!("Kỳ tới hạn {}", vn(d)));
    }
    if t.window.end_assumed {
        parts.push("Ngày kết thúc suy ra từ phạm vi kế hoạch".to_string());
    }
    if let Some(r) = &t.progress {
        let mut s = format!("Báo cáo {}: {}", vn(r.date), r.status.as_str());
        if let Some(n) = &r.note {
            s.push_str(&format!(" — {n}"));
        }
        parts.push(s);
    }
    parts.join("; ")
}

fn row(t: &ScheduledTask) -> [String; 10] {
    let date = |d: Option<Date>| d.map_or_else(String::new, |d| d.to_string());
    [
        t.number.as_str().to_owned(),
        t.text.clone(),
        names(&t.leads),
        names(&t.responsible),
        t.timeframe_text.clone().unwrap_or_default(),
        date(t.window.start),
        date(t.window.end),
        t.status.vietnamese().to_string(),
        note(t),
        t.eid.as_str().to_owned(),
    ]
}

/// The schedule as CSV: a BOM, the [`header`], one row per task (dates `YYYY-MM-DD`, which Excel
/// reads as dates; agencies joined by "; ").
///
/// ```
/// use kehoach::{export, schedule::{schedule, ScheduleOptions}};
/// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
/// let s = schedule(&plan, &ScheduleOptions::new("2026-11-28".parse().unwrap()));
/// let csv = export::to_csv(&plan, &s);
/// assert!(csv.starts_with("\u{feff}Số hiệu,Nhiệm vụ,Cơ quan chủ trì (năm 2020),"));
/// assert_eq!(csv.lines().filter(|l| l.starts_with("II.")).count(), 44);
/// ```
pub fn to_csv(plan: &Plan, schedule: &Schedule) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::with_capacity(64 * 1024));
    let plan_year = plan.meta.date.map(|d| d.year());
    // Writing to a Vec cannot fail; a failed record is skipped rather than panicking.
    let _ = w.write_record(header(plan_year, schedule.as_of));
    for t in &schedule.tasks {
        let _ = w.write_record(row(t));
    }
    let bytes = w.into_inner().unwrap_or_default();
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push(BOM);
    out.push_str(&String::from_utf8_lossy(&bytes));
    out
}
