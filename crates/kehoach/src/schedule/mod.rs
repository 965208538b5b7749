//! Schedule and monitoring: what is due on a date, who leads it, when the reviews are.
//!
//! [`schedule`] resolves every task's timeframe against the plan ([`Timeframe::resolve`]), gives
//! it a [`Status`] on the as-of date, merges the progress reports received ([`Progress`]), names
//! who leads it as the plan wrote it (`leads`) and who is responsible on the as-of date after the
//! reorganizations the agency registry records (`responsible`), and derives the plan's own review
//! calendar ([`Review`]). The core never reads the clock: the as-of date is an option.
//!
//! ```
//! use kehoach::{Date, schedule::{schedule, ScheduleOptions, Status}};
//! let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
//! let s = schedule(&plan, &ScheduleOptions::new("2026-11-28".parse().unwrap()));
//! let c = s.task("II.3.c").unwrap();
//! assert_eq!(c.status, Status::Active);
//! assert_eq!(c.current_phase, Some(2));
//! assert_eq!(s.task("II.1.c").unwrap().status, Status::Ended);
//! assert_eq!(s.task("II.3.b").unwrap().status, Status::Conditional);
//! // Sở Thông tin và Truyền thông was merged into Sở Khoa học và Công nghệ (01/03/2025).
//! assert_eq!(s.task("II.1.c").unwrap().responsible[0].name, "Sở Khoa học và Công nghệ");
//! ```
//!
//! # Status rules (as of a date D)
//!
//! - A task's windows come from [`Timeframe::resolve`]: a year, half, quarter or month covers
//!   that whole period (**partial years**: "Quý III/2024" is 2024-07-01..2024-09-30, "Năm 2021"
//!   2021-01-01..2021-12-31 even though the plan is dated May 2020; a window is never clipped to
//!   the plan date). Both ends are inclusive days.
//! - **upcoming**: D is before every window (or between two windows of a conjunction, reason
//!   `betweenWindows`). **active**: some window contains D; for a phased task `currentPhase` is
//!   the 1-based phase whose window contains D — on a shared boundary year ("2025 - 2030",
//!   "2030 - 2045") the later phase. **ended**: every window closed before D.
//! - **recurring** ("hàng năm", "định kỳ 6 tháng") and **continuous** ("thường xuyên"): running
//!   while D is inside the hull of their windows, with `nextOccurrence` = the last day of the
//!   occurrence containing D. Month-based occurrences are calendar-aligned (a yearly task's
//!   occurrence is the calendar year, due 31/12; half-yearly: 30/6 and 31/12; quarterly: quarter
//!   ends); weekly and daily ones count from the window's start. A recurrence with no stated
//!   period ("định kỳ") has no next occurrence.
//! - **conditional** (no date: "theo hướng dẫn của …", "khi có yêu cầu"): not schedulable; the
//!   `reason` says what it waits on. A task with no timeframe or an unrecognized one is
//!   **unscheduled** (an addition to the design's list: it is neither waiting on a condition nor
//!   datable; `reason` is `noTimeframe` or `unrecognized`).
//! - **Open ends** ("Năm 2021 và những năm tiếp theo", "thường xuyên" without a limit) run to
//!   31 December of the plan's **horizon** year, flagged `endAssumed`; such an assumed end is never
//!   a deadline (it is left out of [`Schedule::next_deadlines`]). Without a horizon the end stays
//!   open and the task never ends.
//!
//! # Horizon
//!
//! [`ScheduleOptions::horizon`] when given; else [`plan_horizon`]: a period stated in the title,
//! else the latest end of the periods the text states ("giai đoạn 2020-2025", "giai đoạn 2021 -
//! 2030" in the seed's tasks: 2030; a vision "định hướng đến năm 2045" is not a period), else the latest year any timeframe names. The seed's latest named year is 2045
//! (II.5.c's second phase "Năm 2030 - 2045"), a vision beyond the plan's period, which is why the
//! stated period comes first.
//!
//! # Progress
//!
//! The latest report per task counts (reports dated after D are ignored; on equal dates the later
//! one in the file). **done** → status `done`, whatever the window says (never due). **dropped** →
//! `ended`, reason `dropped` (never overdue). When progress data is given, a task whose window
//! has closed and whose latest report is not "done" is **overdue**; one with no report at all is
//! overdue too (reason `notReported`) unless [`ScheduleOptions::unreported`] is
//! [`Unreported::Ended`]. Without progress data nothing is overdue: closed windows are `ended`.
//! Reports naming no task or an ambiguous number ("II.2.d" is two tasks in the seed) are skipped
//! with a `schedule/unknown-task` or `schedule/ambiguous-task` warning in
//! [`Schedule::diagnostics`]; [`Progress::check`] turns them into hard errors.
//!
//! # Review calendar
//!
//! Derived from the plan's own text (sections other than tasks: "I. MỤC ĐÍCH, YÊU CẦU", "IV. TỔ
//! CHỨC THỰC HIỆN"), see [`reviews`]:
//!
//! - "rà soát hàng năm" (or an evaluation "hằng năm") → an **annual** review at 31/12 of each
//!   year from the plan's year to the horizon;
//! - "định kỳ 3 năm, 5 năm … sơ kết, tổng kết" → **preliminary** reviews (sơ kết) every 3 years
//!   and **final** reviews (tổng kết) every 5 years, on the anniversary of the plan date, up to the
//!   horizon: for a plan of 18/5/2020, sơ kết 18/5/2023, 18/5/2026, 18/5/2029 and tổng kết
//!   18/5/2025, 18/5/2030. A single number with only "sơ kết" or only "tổng kết" gives that kind;
//! - "định kỳ báo cáo UBND tỉnh … (qua Sở Khoa học và Công nghệ)" → a periodic **report** to
//!   the provincial People's Committee through the named coordinator, recognized with the agency
//!   registry and resolved on D. The period is the one stated ("6 tháng", "hằng quý"); a bare
//!   "định kỳ" is read as yearly, due at 31/12 with the annual review.
//!
//! A review is `past` when its date is before D, else `upcoming`.
//!
//! [`Timeframe::resolve`]: crate::timeframe::Timeframe::resolve

mod horizon;
mod progress;
mod render;
pub mod reviews;
pub(crate) mod status;
mod views;

pub use horizon::{Horizon, HorizonSource, plan_horizon};
pub use progress::{Progress, ProgressStatus, Report};
pub use render::{render_due_section, render_human};
pub use reviews::{Review, ReviewKind, ReviewStatus};
pub use views::{
    AgencyBasis, AgencyTasks, Deadline, DeadlineKind, SectionTasks, YearMatrix, YearRow,
};

use crate::agency::{Agency, Current, Registry};
use crate::diagnostic::Diagnostic;
use crate::{Date, Plan};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

/// Status of a task on the as-of date (rules in the module docs).
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    /// Its first window has not started.
    Upcoming,
    /// A window contains the date.
    Active,
    /// Every window has closed.
    Ended,
    /// Every window has closed and it was not reported done.
    Overdue,
    /// Reported done.
    Done,
    /// Repeats ("hàng năm"), running now.
    Recurring,
    /// Ongoing ("thường xuyên"), running now.
    Continuous,
    /// Waits on a condition (guidance, request, event): not schedulable.
    Conditional,
    /// No timeframe, or one the grammar could not read: not schedulable.
    Unscheduled,
}

impl Status {
    /// Every status, in display order.
    pub const ALL: [Status; 9] = [
        Status::Overdue,
        Status::Active,
        Status::Recurring,
        Status::Continuous,
        Status::Upcoming,
        Status::Conditional,
        Status::Unscheduled,
        Status::Ended,
        Status::Done,
    ];

    /// The wire name (`upcoming`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Upcoming => "upcoming",
            Status::Active => "active",
            Status::Ended => "ended",
            Status::Overdue => "overdue",
            Status::Done => "done",
            Status::Recurring => "recurring",
            Status::Continuous => "continuous",
            Status::Conditional => "conditional",
            Status::Unscheduled => "unscheduled",
        }
    }

    /// The Vietnamese label ("Đang thực hiện").
    pub fn vietnamese(self) -> &'static str {
        match self {
            Status::Upcoming => "Chưa đến hạn bắt đầu",
            Status::Active => "Đang thực hiện",
            Status::Ended => "Đã hết thời hạn",
            Status::Overdue => "Quá hạn",
            Status::Done => "Đã hoàn thành",
            Status::Recurring => "Định kỳ",
            Status::Continuous => "Thường xuyên",
            Status::Conditional => "Chờ điều kiện",
            Status::Unscheduled => "Chưa xác định thời gian",
        }
    }

    /// The label in `lang`.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Vi => self.vietnamese(),
            crate::Lang::En => self.as_str(),
        }
    }
}

/// Why a task has the status it has, when the status alone does not say.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Reason {
    /// Conditional: awaits guidance ("theo hướng dẫn của …").
    AwaitingGuidance,
    /// Conditional: as practice requires ("theo thực tiễn").
    AsPracticeRequires,
    /// Conditional: on request ("khi có yêu cầu").
    OnRequest,
    /// Conditional: after an event ("sau khi …").
    AfterEvent,
    /// Conditional: another condition.
    Condition,
    /// Unscheduled: the task has no timeframe.
    NoTimeframe,
    /// Unscheduled: the timeframe was not recognized.
    Unrecognized,
    /// Upcoming: between two windows of a conjunction.
    BetweenWindows,
    /// Ended: reported dropped.
    Dropped,
    /// Overdue: no progress report received for it.
    NotReported,
}

/// What to do with a closed window that no progress report mentions, when progress is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Unreported {
    /// Overdue: not reported done (the default).
    #[default]
    Overdue,
    /// Ended: no report means no information.
    Ended,
}

/// Options of [`schedule`].
///
/// ```
/// use kehoach::schedule::{ScheduleOptions, Progress};
/// let opts = ScheduleOptions::new("2026-11-28".parse().unwrap())
///     .with_horizon(2030)
///     .with_progress(Progress::default());
/// assert_eq!(opts.horizon, Some(2030));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleOptions {
    /// The date the schedule is computed for ("today", given by the caller).
    pub as_of: Date,
    /// Progress reports received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
    /// The last year the plan covers (closes open ends); derived by [`plan_horizon`] when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon: Option<i32>,
    /// The plan's date, when its text has none (else ignored); the as-of date when both are
    /// missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_date: Option<Date>,
    /// Closed windows without any report, when progress is given.
    #[serde(default)]
    pub unreported: Unreported,
}

impl ScheduleOptions {
    /// Options for `as_of`, everything else default.
    pub fn new(as_of: Date) -> Self {
        ScheduleOptions {
            as_of,
            progress: None,
            horizon: None,
            plan_date: None,
            unreported: Unreported::default(),
        }
    }

    /// With progress reports.
    pub fn with_progress(mut self, progress: Progress) -> Self {
        self.progress = Some(progress);
        self
    }

    /// With an explicit horizon year.
    pub fn with_horizon(mut self, year: i32) -> Self {
        self.horizon = Some(year);
        self
    }
}

/// A task's window on the wire: `{ "start", "end", "endAssumed" }` (dates or `null`).
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskWindow {
    /// First day.
    pub start: Option<Date>,
    /// Last day (inclusive); `null` when open.
    pub end: Option<Date>,
    /// True when `end` is the horizon's, not the text's.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub end_assumed: bool,
}

/// One task in a schedule.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScheduledTask {
    /// Element id.
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub eid: CompactString,
    /// Number path ("II.3.c").
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub number: CompactString,
    /// Status on the as-of date.
    pub status: Status,
    /// The whole window (hull of all windows); both `null` when not schedulable.
    pub window: TaskWindow,
    /// The current phase (1-based) of a phased task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_phase: Option<u32>,
    /// Each phase's window, for a phased task.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<TaskWindow>,
    /// Due date of the current (or first) occurrence of a recurring task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_occurrence: Option<Date>,
    /// Why, when the status alone does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// How a recurring task repeats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrence: Option<crate::timeframe::Recurrence>,
    /// RFC 5545 recurrence rule of a recurring task (`FREQ=YEARLY;UNTIL=20301231`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rrule: Option<String>,
    /// Lead agencies as the plan names them (with `current` on the as-of date).
    pub leads: Vec<Agency>,
    /// Who is responsible on the as-of date (successors of the leads, deduplicated).
    pub responsible: Vec<Agency>,
    /// The latest progress report counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Report>,
    /// The timeframe as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeframe_text: Option<String>,
    /// The task's text.
    pub text: String,
    /// Enclosing section ("II").
    pub section: String,
}

/// The schedule of a plan on a date (`kehoach schedule --format json`).
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Schedule {
    /// The date it was computed for.
    pub as_of: Date,
    /// The plan's date used for resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_date: Option<Date>,
    /// The horizon used for open ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon: Option<Horizon>,
    /// One entry per task, in document order.
    pub tasks: Vec<ScheduledTask>,
    /// The review calendar, by date.
    pub reviews: Vec<Review>,
    /// Problems with the progress reports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

impl Schedule {
    /// The task with this eid, or the first with this number path.
    pub fn task(&self, reference: &str) -> Option<&ScheduledTask> {
        self.tasks
            .iter()
            .find(|t| t.eid == reference)
            .or_else(|| self.tasks.iter().find(|t| t.number == reference))
    }

    /// How many tasks have `status`.
    pub fn count(&self, status: Status) -> usize {
        self.tasks.iter().filter(|t| t.status == status).count()
    }

    /// The first review on or after the as-of date.
    pub fn next_review(&self) -> Option<&Review> {
        self.reviews
            .iter()
            .find(|r| r.status == ReviewStatus::Upcoming)
    }
}

fn task_window(w: &crate::timeframe::Window) -> TaskWindow {
    TaskWindow {
        start: w.start,
        end: w.end,
        end_assumed: w.end_assumed,
    }
}

/// Who is responsible on `on` for the agencies `leads`: each lead's holders (the lead itself
/// when unchanged or unknown to the registry), deduplicated by registry id or name.
///
/// Without a plan, a lead named without its province ("Sở Thông tin và Truyền thông") follows
/// the national records; [`schedule`] reads it in the plan's province, whose own records may
/// differ (Quảng Ngãi's merged that department into one body, the national pattern into
/// three), so its `responsible` can differ from this function's for the same leads.
pub fn responsible_on(leads: &[Agency], on: Date, registry: &Registry) -> Vec<Agency> {
    Lookups::new(registry, on).responsible(leads)
}

/// The registry lookups of one schedule, memoized: a plan names the same few dozen agencies
/// in hundreds of tasks, and each lookup walks the succession graph (a third of the time of
/// scheduling a plan went there before).
struct Lookups<'r> {
    registry: &'r Registry,
    on: Date,
    /// The plan's province (short name), the context of agencies named without theirs.
    province: Option<String>,
    /// Holders on `on` by registry id (and the agency's own province).
    holders: crate::agency::HoldersCache,
    /// Recognized holders by name.
    recognized: HashMap<String, Agency>,
}

impl<'r> Lookups<'r> {
    fn new(registry: &'r Registry, on: Date) -> Self {
        Lookups {
            registry,
            on,
            province: None,
            holders: crate::agency::HoldersCache::default(),
            recognized: HashMap::new(),
        }
    }

    /// [`Registry::holders_in`] on `self.on`, in the plan's province.
    fn holders_of(&mut self, a: &Agency) -> Arc<[Current]> {
        let province = self.province.as_deref();
        self.holders.holders(self.registry, a, self.on, province)
    }

    /// [`resolve_current`](crate::agency::resolve_current) on `self.on`.
    fn resolve_current(&mut self, a: &mut Agency) {
        a.current = Some(self.holders_of(a));
    }

    /// [`Registry::recognize`] of a holder's name.
    fn recognize(&mut self, name: &str) -> Agency {
        if let Some(a) = self.recognized.get(name) {
            return a.clone();
        }
        let a = self.registry.recognize(name);
        self.recognized.insert(name.to_string(), a.clone());
        a
    }

    /// [`responsible_on`] on `self.on`.
    fn responsible(&mut self, leads: &[Agency]) -> Vec<Agency> {
        let registry = self.registry;
        let mut out: Vec<Agency> = Vec::new();
        let mut add = |mut ag: Agency| {
            ag.current = None;
            if !out.iter().any(|x| registry.same_agency(x, &ag)) {
                out.push(ag);
            }
        };
        for a in leads {
            let holders = self.holders_of(a);
            if holders.is_empty() {
                add(without_current(a));
            }
            for c in holders.iter() {
                if c.id.is_some() && c.id.as_deref() == a.id.as_deref() {
                    add(without_current(a));
                } else {
                    let mut ag = self.recognize(&c.name);
                    ag.id = ag.id.or_else(|| c.id.as_deref().map(CompactString::from));
                    ag.span = a.span;
                    add(ag);
                }
            }
        }
        out
    }
}

/// A copy of `a` without its holders (`current`), which [`responsible_on`] does not report:
/// copying and then dropping them was a tenth of the cost of a task.
fn without_current(a: &Agency) -> Agency {
    let Agency {
        text,
        name,
        kind,
        collective,
        known,
        span,
        id,
        level,
        details,
        current: _,
        and_previous,
    } = a;
    Agency {
        text: text.clone(),
        name: name.clone(),
        kind: *kind,
        collective: *collective,
        known: *known,
        span: *span,
        id: id.clone(),
        level: *level,
        details: details.clone(),
        current: None,
        and_previous: *and_previous,
    }
}

/// The schedule of `plan` with the embedded agency registry (see [`schedule_in`]).
pub fn schedule(plan: &Plan, opts: &ScheduleOptions) -> Schedule {
    schedule_in(plan, opts, Registry::embedded())
}

/// The schedule of `plan` on `opts.as_of`, resolving agencies with `registry` (rules in the
/// module docs). Never fails: problems with the progress reports are diagnostics.
pub fn schedule_in(plan: &Plan, opts: &ScheduleOptions, registry: &Registry) -> Schedule {
    let on = opts.as_of;
    let plan_date = plan.meta.date.or(opts.plan_date);
    let resolve_date = plan_date.unwrap_or(on);
    let horizon = match opts.horizon {
        Some(year) => Some(Horizon {
            year,
            source: HorizonSource::Option,
        }),
        None => plan_horizon(plan),
    };
    let hy = horizon.map(|h| h.year);
    let tasks = opts
        .progress
        .as_ref()
        .map(|_| plan.tasks())
        .unwrap_or_default();
    let (latest, diagnostics) = match &opts.progress {
        Some(p) => p.latest(&tasks, Some(on)),
        None => Default::default(),
    };
    let mut lookups = Lookups::new(registry, on);
    lookups.province = registry
        .plan_province(&plan.meta)
        .map(|p| p.name.to_string());
    let scheduled = plan
        .task_units()
        .into_iter()
        .map(|t| schedule_task(t, resolve_date, hy, latest.get(&t.eid), opts, &mut lookups))
        .collect();
    Schedule {
        as_of: on,
        plan_date,
        horizon,
        tasks: scheduled,
        reviews: reviews::review_calendar(plan, resolve_date, hy, on, registry),
        diagnostics,
    }
}

fn schedule_task(
    t: &crate::document::Unit,
    plan_date: Date,
    horizon: Option<i32>,
    report: Option<&Report>,
    opts: &ScheduleOptions,
    lookups: &mut Lookups<'_>,
) -> ScheduledTask {
    let resolved = t
        .timeframe
        .as_ref()
        .map(|tf| tf.resolve(plan_date, horizon))
        .unwrap_or_default();
    let mut c = status::classify(t.timeframe.as_deref(), &resolved, lookups.on);
    status::apply_progress(&mut c, report, opts.progress.is_some(), opts.unreported);
    let phases = if resolved.windows.iter().any(|w| w.phase.is_some()) {
        resolved.windows.iter().map(task_window).collect()
    } else {
        Vec::new()
    };
    let rrule = rrule_for(t, &resolved);
    let mut leads: Vec<Agency> = t
        .leads
        .as_ref()
        .map(|l| l.agencies.clone())
        .unwrap_or_default();
    for a in &mut leads {
        lookups.resolve_current(a);
    }
    let responsible = lookups.responsible(&leads);
    ScheduledTask {
        eid: t.eid.clone(),
        number: t.number.clone(),
        status: c.status,
        window: c.window.as_ref().map(task_window).unwrap_or_default(),
        current_phase: c.current_phase,
        phases,
        next_occurrence: c.next_occurrence,
        reason: c.reason,
        recurrence: resolved.recurrence,
        rrule,
        leads,
        responsible,
        progress: report.cloned(),
        timeframe_text: t.timeframe.as_ref().map(|tf| tf.text.as_str().to_owned()),
        text: t.text(),
        section: t.number.split('.').next().unwrap_or_default().to_string(),
    }
}

/// The RRULE of a recurring task: [`Timeframe::to_rrule`](crate::timeframe::Timeframe::to_rrule),
/// with `UNTIL` from the resolved window's end when the text gave none (an assumed end).
fn rrule_for(t: &crate::document::Unit, resolved: &crate::timeframe::Resolved) -> Option<String> {
    resolved.recurrence?;
    let mut v = t.timeframe.as_ref()?.to_rrule().value?;
    if !v.contains("UNTIL=") {
        if let Some(end) = resolved.hull().and_then(|h| h.end) {
            v.push_str(&format!(
                ";UNTIL={:04}{:02}{:02}",
                end.year(),
                end.month(),
                end.day()
            ));
        }
    }
    Some(v)
}
