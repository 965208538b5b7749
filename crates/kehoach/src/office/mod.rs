//! Office documents as agencies use them: the tracking workbook (XLSX) they fill in and send
//! back, and the progress report (DOCX) they sign.
//!
//! Behind the `office` cargo feature (on in the CLI and in the portal's on-demand office module
//! `bindings/wasm-office`, off in the main wasm package, whose size is budgeted). Three entry
//! points:
//!
//! - [`tracking_workbook`]: the workbook. Sheet **“Nhiệm vụ”** (tasks, first): one row per
//!   task — number, content, leads as written, responsible on the as-of date, timeframe, window
//!   start and end (date cells), status — then the columns the agency fills: **Tình trạng thực
//!   hiện** (a drop-down of [`ProgressStatus`](crate::schedule::ProgressStatus) labels: “Chưa
//!   triển khai”, “Đang triển khai”, “Đã hoàn thành”, “Dừng thực hiện”), **Ngày báo cáo** (a date) and **Kết quả, ghi chú**, and last the task's eid
//!   (which makes “II.2.d”, twice in the seed, unambiguous). One sheet with an autofilter rather
//!   than one sheet per agency: a task led by three agencies is one row (not three copies that
//!   can disagree), the coordinator sorts and filters it like any list, and an agency gets its
//!   own rows with [`OfficeOptions::agency`]. Header row frozen and repeated on every printed
//!   page, A4 landscape, one page wide, row heights set to fit the wrapped text. Sheet **“Tổng
//!   hợp”** (summary): the plan, the as-of date, tasks counted by status and by responsible
//!   agency, the agencies' reported statuses (formulas over the task sheet, so they follow what
//!   is filled in), the next deadlines and the reviews.
//! - [`read_tracking_workbook`]: a filled workbook back as [`Progress`], with a located
//!   diagnostic (sheet and cell) for every row it cannot read; see [`WorkbookLimits`] for what
//!   it accepts.
//! - [`progress_report`]: “Báo cáo kết quả thực hiện Kế hoạch số …”, an administrative document
//!   laid out under Nghị định 30/2020/NĐ-CP: national title and motto, issuing body, number and
//!   place/date lines left to fill, Times New Roman 14 pt on A4 (margins 20, 20, 30, 15 mm),
//!   I. results task by task, II. tasks overdue or at risk, III. difficulties and proposals
//!   (left for the agency), IV. coming deadlines and reviews, “Nơi nhận” and the signature
//!   block.
//!
//! ```
//! use kehoach::office::{tracking_workbook, read_tracking_workbook, progress_report, OfficeOptions};
//! let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
//! let opts = OfficeOptions::new("2026-11-28".parse().unwrap());
//! let xlsx = tracking_workbook(&plan, &opts).unwrap();
//! assert!(xlsx.starts_with(b"PK\x03\x04"));
//! let back = read_tracking_workbook(&xlsx, &plan.tasks());
//! assert!(back.progress.reports.is_empty() && back.diagnostics.is_empty()); // nothing filled yet
//! let docx = progress_report(&plan, &opts).unwrap();
//! assert!(docx.starts_with(b"PK\x03\x04"));
//! ```

mod docx_report;
mod package;
mod read_workbook;
mod workbook;
mod workbook_summary;

pub use docx_report::progress_report;
pub use read_workbook::{
    WorkbookLimits, WorkbookProgress, read_tracking_workbook, read_tracking_workbook_with,
};
pub use workbook::{SUMMARY_SHEET, TASK_SHEET, TaskColumn, tracking_workbook};

use crate::schedule::{Progress, Schedule, ScheduleOptions, ScheduledTask, schedule};
use crate::text::Case as _;
use crate::{Date, Plan};

/// The MIME type of the tracking workbook.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// The MIME type of the progress report.
pub const DOCX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// What an office document covers: the date, one agency or all, the reports received.
///
/// ```
/// use kehoach::office::OfficeOptions;
/// let opts = OfficeOptions::new("2026-11-28".parse().unwrap()).with_agency("Sở Khoa học và Công nghệ");
/// assert_eq!(opts.agency.as_deref(), Some("Sở Khoa học và Công nghệ"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeOptions {
    /// The date the schedule is computed for.
    pub as_of: Date,
    /// Only the tasks this agency leads on the as-of date (as named by the plan or as its
    /// successor after a reorganization, see [`Plan::tasks_led_by`]); every task when `None`
    /// (the coordinator's consolidated document).
    pub agency: Option<String>,
    /// Progress reports received (from JSON or a filled workbook).
    pub progress: Option<Progress>,
}

impl OfficeOptions {
    /// Every task on `as_of`, no reports.
    pub fn new(as_of: Date) -> Self {
        OfficeOptions {
            as_of,
            agency: None,
            progress: None,
        }
    }

    /// Only the tasks `agency` leads.
    pub fn with_agency(mut self, agency: impl Into<String>) -> Self {
        self.agency = Some(agency.into());
        self
    }

    /// With the reports received.
    pub fn with_progress(mut self, progress: Progress) -> Self {
        self.progress = Some(progress);
        self
    }

    fn schedule_options(&self) -> ScheduleOptions {
        let mut o = ScheduleOptions::new(self.as_of);
        o.progress = self.progress.clone();
        o
    }
}

/// The schedule an office document shows: every task, or the agency's (in document order).
fn selected_schedule(plan: &Plan, opts: &OfficeOptions) -> Schedule {
    let mut s = schedule(plan, &opts.schedule_options());
    if let Some(agency) = &opts.agency {
        let registry = crate::agency::Registry::embedded();
        let eids: std::collections::BTreeSet<compact_str::CompactString> = plan
            .tasks_led_by(agency, Some(opts.as_of), registry)
            .into_iter()
            .map(|t| t.eid)
            .collect();
        s.tasks.retain(|t| eids.contains(&t.eid));
    }
    s
}

/// "dd/mm/yyyy", as Vietnamese documents write dates.
fn vn_date(d: Date) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

/// Agencies' names joined by "; ", each once.
fn agency_names(list: &[crate::Agency]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for a in list {
        if !names.contains(&a.name.as_str()) {
            names.push(a.name.as_str());
        }
    }
    names.join("; ")
}

/// The plan as a title names it: "Kế hoạch số 66/KH-UBND ngày 18/5/2020 của Ủy ban nhân dân
/// tỉnh Quảng Ngãi" (the parts the plan has).
fn plan_reference(plan: &Plan) -> String {
    let m = &plan.meta;
    let mut s = String::from("Kế hoạch");
    if let Some(n) = &m.number {
        s.push_str(&format!(" số {}", n.text));
    }
    if let Some(d) = m.date {
        s.push_str(&format!(" ngày {}/{}/{}", d.day(), d.month(), d.year()));
    }
    if let Some(i) = &m.issuer {
        s.push_str(&format!(" của {}", sentence_case(&i.text)));
    }
    s
}

/// "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" → "Ủy ban nhân dân tỉnh Quảng Ngãi": an issuer written in
/// capitals, in running text. Only the first word and the place name after "TỈNH"/"THÀNH PHỐ"
/// keep their capitals; a name already in mixed case is kept as written.
fn sentence_case(upper: &str) -> String {
    if upper.chars().any(char::is_lowercase) {
        return upper.to_string();
    }
    let words: Vec<&str> = upper.split_whitespace().collect();
    let place_from = words
        .iter()
        .position(|w| *w == "TỈNH" || *w == "PHỐ")
        .map_or(usize::MAX, |i| i + 1);
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lower();
            if i == 0 || i >= place_from {
                let mut c = lower.chars();
                c.next()
                    .map(|f| f.to_upper().chain(c).collect::<String>())
                    .unwrap_or_default()
            } else {
                lower
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a running task is at risk on the as-of date: its window (or current phase) ends
/// within [`AT_RISK_DAYS`] days and it has not been reported done.
fn at_risk(t: &ScheduledTask, as_of: Date) -> Option<Date> {
    use crate::schedule::Status;
    if !matches!(t.status, Status::Active) || t.window.end_assumed {
        return None;
    }
    let end = t.window.end?;
    let days = (end.as_time() - as_of.as_time()).whole_days();
    (0..=AT_RISK_DAYS).contains(&days).then_some(end)
}

/// A task whose window ends within this many days of the as-of date, not reported done, is “at
/// risk” in the report's section II.
pub const AT_RISK_DAYS: i64 = 90;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuer_in_running_text() {
        assert_eq!(
            sentence_case("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"),
            "Ủy ban nhân dân tỉnh Quảng Ngãi"
        );
        assert_eq!(sentence_case("Sở Tài chính"), "Sở Tài chính");
        let plan = crate::parse(crate::SEED_PLAN).plan;
        assert_eq!(
            plan_reference(&plan),
            "Kế hoạch số 66/KH-UBND ngày 18/5/2020 của Ủy ban nhân dân tỉnh Quảng Ngãi"
        );
    }
}
