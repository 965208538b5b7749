//! Constructors for schedule codes (progress reports that do not match the plan).

use super::*;
use crate::diagnostic::{Diagnostic, Localized, Severity};
use crate::span::Span;

/// `schedule/unknown-task`: progress report number `index` (0-based) names a task the plan does
/// not have. The report is ignored.
///
/// ```
/// let d = kehoach::diagnostic::codes::schedule_unknown_task(2, "II.9.a");
/// assert_eq!(d.code, "schedule/unknown-task");
/// assert!(d.message.en.contains("II.9.a"));
/// ```
pub fn schedule_unknown_task(index: usize, task: &str) -> Diagnostic {
    Diagnostic::new(
        SCHEDULE_UNKNOWN_TASK,
        Severity::Warning,
        Span::default(),
        Localized::new(
            format!(
                "báo cáo tiến độ thứ {} nêu nhiệm vụ \"{task}\" không có trong kế hoạch; báo cáo bị bỏ qua",
                index + 1
            ),
            format!(
                "progress report {} names task \"{task}\", which the plan does not have; the report is ignored",
                index + 1
            ),
        ),
    )
}

/// `schedule/ambiguous-task`: progress report number `index` (0-based) names a number path that
/// several tasks share (`eids`, located at `spans`). The report is ignored: use an eid.
///
/// ```
/// use kehoach::{diagnostic::codes, Span};
/// let d = codes::schedule_ambiguous_task(0, "II.2.d",
///     &["sec_II__para_2__point_d", "sec_II__para_2__point_d_2"], &[Span::default(), Span::default()]);
/// assert_eq!(d.code, "schedule/ambiguous-task");
/// assert!(d.message.vi.contains("sec_II__para_2__point_d_2"));
/// assert_eq!(d.labels.len(), 2);
/// ```
pub fn schedule_ambiguous_task(
    index: usize,
    task: &str,
    eids: &[&str],
    spans: &[Span],
) -> Diagnostic {
    let list = eids.join(", ");
    let mut d = Diagnostic::new(
        SCHEDULE_AMBIGUOUS_TASK,
        Severity::Warning,
        spans.first().copied().unwrap_or_default(),
        Localized::new(
            format!(
                "báo cáo tiến độ thứ {} nêu \"{task}\", số hiệu này thuộc {} nhiệm vụ ({list}); hãy dùng mã nhiệm vụ (eid); báo cáo bị bỏ qua",
                index + 1,
                eids.len()
            ),
            format!(
                "progress report {} names \"{task}\", a number shared by {} tasks ({list}); use the task's eid; the report is ignored",
                index + 1,
                eids.len()
            ),
        ),
    );
    for (eid, span) in eids.iter().zip(spans) {
        d = d.with_label(
            *span,
            Localized::new(format!("nhiệm vụ {eid}"), format!("task {eid}")),
        );
    }
    d
}
