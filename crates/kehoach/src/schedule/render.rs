//! Human-readable schedule text (Vietnamese or English) for the CLI and the report.

use super::reviews::ReviewStatus;
use super::{AgencyBasis, Schedule, ScheduledTask, Status, TaskWindow};
use crate::text::Case as _;
use crate::{Date, Lang};
use std::fmt::Write;

fn t(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// "18/05/2020" (vi) or "2020-05-18" (en).
fn date(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
        Lang::En => d.to_string(),
    }
}

fn window(w: &TaskWindow, lang: Lang) -> String {
    match (w.start, w.end) {
        (None, None) => String::new(),
        (s, e) => {
            let s = s.map_or_else(|| "…".to_string(), |d| date(d, lang));
            let mut e = e.map_or_else(|| "…".to_string(), |d| date(d, lang));
            if w.end_assumed {
                e.push('*');
            }
            format!("{s} – {e}")
        }
    }
}

fn short(s: &str, max: usize) -> String {
    let first = s.lines().next().unwrap_or_default();
    let mut out: String = first.chars().take(max).collect();
    if first.chars().count() > max || s.lines().nth(1).is_some() {
        out.push('…');
    }
    out
}

fn agencies(t: &ScheduledTask) -> String {
    let names: Vec<&str> = t.responsible.iter().map(|a| a.name.as_str()).collect();
    names.join("; ")
}

fn task_line(s: &mut String, task: &ScheduledTask, lang: Lang) {
    let mut extra = Vec::new();
    if let Some(p) = task.current_phase {
        extra.push(format!("{} {p}", t(lang, "giai đoạn", "phase")));
    }
    if let Some(d) = task.next_occurrence {
        extra.push(format!(
            "{} {}",
            t(lang, "kỳ tới hạn", "next due"),
            date(d, lang)
        ));
    }
    if let Some(r) = &task.progress {
        extra.push(format!(
            "{} {}: {}",
            t(lang, "báo cáo", "report"),
            date(r.date, lang),
            r.status.as_str()
        ));
    }
    let w = window(&task.window, lang);
    let tf = if w.is_empty() {
        task.timeframe_text.clone().unwrap_or_default()
    } else {
        w
    };
    let _ = writeln!(
        s,
        "  {:<8} {}  [{}]{}",
        task.number,
        short(&task.text, 70),
        tf,
        if extra.is_empty() {
            String::new()
        } else {
            format!(" ({})", extra.join(", "))
        }
    );
    let a = agencies(task);
    if !a.is_empty() {
        let _ = writeln!(s, "           → {a}");
    }
}

fn counts_line(s: &Schedule, lang: Lang) -> String {
    Status::ALL
        .iter()
        .map(|&st| (st, s.count(st)))
        .filter(|(_, n)| *n > 0)
        .map(|(st, n)| format!("{} {n}", st.label(lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn reviews(s: &mut String, sch: &Schedule, lang: Lang, past_shown: usize) {
    let past: Vec<_> = sch
        .reviews
        .iter()
        .filter(|r| r.status == ReviewStatus::Past)
        .collect();
    let skip = past.len().saturating_sub(past_shown);
    let shown = past.len().min(past_shown) + 4;
    for r in sch.reviews.iter().skip(skip).take(shown) {
        let coord = r.coordinator.as_ref().map_or(String::new(), |c| {
            let now = c
                .current
                .as_ref()
                .and_then(|v| v.first())
                .map_or(c.name.as_str(), |h| h.name.as_str());
            format!(" ({} {now})", t(lang, "qua", "through"))
        });
        let st = match r.status {
            ReviewStatus::Past => t(lang, "đã qua", "past"),
            ReviewStatus::Upcoming => t(lang, "sắp tới", "upcoming"),
        };
        let _ = writeln!(
            s,
            "  {}  {}{coord} — {st}",
            date(r.due, lang),
            r.label(lang)
        );
    }
}

/// The whole schedule as text: counts per status, tasks grouped by status with their window and
/// who is responsible today, the review calendar and the per-agency load.
///
/// ```
/// use kehoach::{Lang, schedule::{schedule, render_human, ScheduleOptions}};
/// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
/// let s = schedule(&plan, &ScheduleOptions::new("2026-11-28".parse().unwrap()));
/// let text = render_human(&s, Lang::Vi);
/// assert!(text.contains("Tính đến ngày 28/11/2026"));
/// assert!(text.contains("II.3.c"));
/// ```
pub fn render_human(sch: &Schedule, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {}",
        t(lang, "Tính đến ngày", "As of"),
        date(sch.as_of, lang)
    );
    if let Some(h) = sch.horizon {
        let _ = writeln!(
            s,
            "{}: {} (* {})",
            t(lang, "Phạm vi kế hoạch đến năm", "Plan horizon"),
            h.year,
            t(
                lang,
                "ngày kết thúc suy ra từ phạm vi kế hoạch",
                "end assumed from the horizon"
            )
        );
    }
    let _ = writeln!(
        s,
        "{} {}: {}",
        sch.tasks.len(),
        t(lang, "nhiệm vụ", "tasks"),
        counts_line(sch, lang)
    );
    for st in Status::ALL {
        let tasks: Vec<&ScheduledTask> = sch.tasks.iter().filter(|x| x.status == st).collect();
        if tasks.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n{} ({})", st.label(lang).to_upper(), tasks.len());
        for task in tasks {
            task_line(&mut s, task, lang);
        }
    }
    let _ = writeln!(
        s,
        "\n{}",
        t(lang, "LỊCH RÀ SOÁT, SƠ KẾT, TỔNG KẾT", "REVIEW CALENDAR")
    );
    let shown: Vec<_> = sch
        .reviews
        .iter()
        .filter(|r| r.kind != super::ReviewKind::Annual && r.kind != super::ReviewKind::Report)
        .collect();
    for r in shown {
        let st = match r.status {
            ReviewStatus::Past => t(lang, "đã qua", "past"),
            ReviewStatus::Upcoming => t(lang, "sắp tới", "upcoming"),
        };
        let _ = writeln!(s, "  {}  {} — {st}", date(r.due, lang), r.label(lang));
    }
    if let Some(next) = sch.next_review() {
        let _ = writeln!(
            s,
            "  {}: {} {}",
            t(lang, "Kỳ tiếp theo", "Next"),
            next.label(lang),
            date(next.due, lang)
        );
    }
    let _ = writeln!(
        s,
        "\n{}",
        t(
            lang,
            "NHIỆM VỤ THEO CƠ QUAN CHỊU TRÁCH NHIỆM (đang thực hiện / quá hạn / tổng)",
            "TASKS PER RESPONSIBLE AGENCY (running / overdue / total)"
        )
    );
    for a in sch.by_agency(AgencyBasis::Responsible) {
        let _ = writeln!(
            s,
            "  {:>2} / {:>2} / {:>2}  {}",
            a.running,
            a.overdue,
            a.tasks.len(),
            a.agency
        );
    }
    s
}

/// The report's "due" section: overdue tasks, the next `n` deadlines, what starts next year and
/// the next reviews.
///
/// ```
/// use kehoach::{Lang, schedule::{schedule, render_due_section, ScheduleOptions}};
/// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
/// let s = schedule(&plan, &ScheduleOptions::new("2026-11-28".parse().unwrap()));
/// let text = render_due_section(&s, Lang::En, 5);
/// assert!(text.starts_with("DUE AS OF 2026-11-28"));
/// assert!(text.contains("2026-12-31"));
/// ```
pub fn render_due_section(sch: &Schedule, lang: Lang, n: usize) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {}",
        t(lang, "VIỆC ĐẾN HẠN TÍNH ĐẾN NGÀY", "DUE AS OF"),
        date(sch.as_of, lang)
    );
    let _ = writeln!(s, "  {}", counts_line(sch, lang));
    let overdue: Vec<&ScheduledTask> = sch
        .tasks
        .iter()
        .filter(|x| x.status == Status::Overdue)
        .collect();
    if !overdue.is_empty() {
        let _ = writeln!(s, "{} ({})", t(lang, "Quá hạn", "Overdue"), overdue.len());
        for task in overdue {
            task_line(&mut s, task, lang);
        }
    }
    let deadlines = sch.next_deadlines(n);
    if !deadlines.is_empty() {
        let _ = writeln!(s, "{}", t(lang, "Hạn sắp tới", "Next deadlines"));
        for d in deadlines {
            let what = match d.kind {
                super::DeadlineKind::WindowEnd => t(lang, "kết thúc", "ends"),
                super::DeadlineKind::PhaseEnd => t(lang, "hết giai đoạn", "phase ends"),
                super::DeadlineKind::Occurrence => t(lang, "hạn định kỳ", "occurrence due"),
            };
            let _ = writeln!(s, "  {}  {:<8} {what}", date(d.due, lang), d.number);
        }
    }
    let next_year = sch.as_of.year() + 1;
    let starting = sch.starting_in(next_year);
    if !starting.is_empty() {
        let _ = writeln!(
            s,
            "{} {next_year}: {}",
            t(lang, "Bắt đầu năm", "Starting in"),
            starting
                .iter()
                .map(|x| x.number.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if sch.next_review().is_some() {
        let _ = writeln!(s, "{}", t(lang, "Rà soát, báo cáo", "Reviews and reports"));
        reviews(&mut s, sch, lang, 1);
    }
    s
}
