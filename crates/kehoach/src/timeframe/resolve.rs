//! Resolution against the plan: concrete date windows for scheduling, and plan checks.
//!
//! The rules are documented on [`Timeframe::resolve`].

use super::model::{Freq, Point, Timeframe, TimeframeKind};
use crate::Date;
use crate::diagnostic::{Diagnostic, codes};
use serde::{Deserialize, Serialize};

/// A concrete date window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Window {
    /// First day (`None`: not known).
    pub start: Option<Date>,
    /// Last day, inclusive (`None`: open end).
    pub end: Option<Date>,
    /// True when `end` comes from the plan's horizon, not from the text.
    #[serde(default)]
    pub end_assumed: bool,
    /// The 1-based phase this window belongs to, for phased timeframes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<u32>,
}

/// How a task repeats.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Recurrence {
    /// How often.
    pub freq: Freq,
    /// Every `interval` periods.
    pub interval: u32,
}

/// A timeframe resolved against a plan.
///
/// ```
/// use kehoach::{Date, timeframe::Timeframe};
/// let plan = Date::from_ymd(2020, 5, 18).unwrap();
/// let t: Timeframe = "Năm 2021 và những năm tiếp theo.".parse().unwrap();
/// let r = t.resolve(plan, Some(2030));
/// assert_eq!(r.windows[0].start.unwrap().to_string(), "2021-01-01");
/// assert_eq!(r.windows[0].end.unwrap().to_string(), "2030-12-31");
/// assert!(r.windows[0].end_assumed);
/// assert!(r.is_schedulable());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Resolved {
    /// The windows (one per phase for phased timeframes).
    pub windows: Vec<Window>,
    /// The recurrence, when the task repeats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrence: Option<Recurrence>,
    /// True for ongoing ("thường xuyên") tasks.
    pub continuous: bool,
    /// True when some part depends on a condition (guidance, request, event).
    pub conditional: bool,
    /// False for an unrecognized timeframe (or part).
    pub recognized: bool,
    /// Last day of the vision year of a horizon ("định hướng đến năm 2045").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vision: Option<Date>,
}

impl Resolved {
    /// True when there is at least one window to schedule.
    pub fn is_schedulable(&self) -> bool {
        !self.windows.is_empty()
    }

    /// The smallest window containing every window (`end` open if any is open).
    pub fn hull(&self) -> Option<Window> {
        let first = self.windows.first()?;
        let mut h = Window {
            phase: None,
            ..*first
        };
        for w in self.windows.iter().skip(1) {
            h.start = match (h.start, w.start) {
                (Some(a), Some(b)) => Some(a.min(b)),
                _ => None,
            };
            h.end = match (h.end, w.end) {
                (Some(a), Some(b)) => Some(a.max(b)),
                _ => None,
            };
            h.end_assumed |= w.end_assumed;
        }
        Some(h)
    }
}

fn year_end(year: Option<i32>) -> Option<Date> {
    year.and_then(|y| Date::from_ymd(y, 12, 31).ok())
}

/// The window of a point, range, open end or deadline.
fn time_window(kind: &TimeframeKind, plan: Date, horizon: Option<i32>) -> Option<Window> {
    let w = |start: Option<Date>, end: Option<Date>| Window {
        start,
        end,
        end_assumed: false,
        phase: None,
    };
    match kind {
        TimeframeKind::Point { at } => Some(w(at.first_day(), at.last_day())),
        TimeframeKind::Range { start, end } => Some(w(start.first_day(), end.last_day())),
        TimeframeKind::OpenEnded { start } => {
            let s = start.first_day();
            let end = year_end(horizon).filter(|e| s.is_some_and(|s| *e >= s));
            Some(Window {
                end_assumed: end.is_some(),
                ..w(s, end)
            })
        }
        TimeframeKind::Deadline { by, inclusive } => {
            let end = if *inclusive {
                by.last_day()
            } else {
                by.first_day().and_then(Date::previous_day)
            };
            Some(w(end.map(|e| plan.min(e)), end))
        }
        _ => None,
    }
}

fn resolve_into(t: &Timeframe, plan: Date, horizon: Option<i32>, r: &mut Resolved) {
    let unlimited = || {
        let end = year_end(horizon).filter(|e| *e >= plan);
        Window {
            start: Some(plan),
            end,
            end_assumed: end.is_some(),
            phase: None,
        }
    };
    match &t.kind {
        TimeframeKind::Point { .. }
        | TimeframeKind::Range { .. }
        | TimeframeKind::OpenEnded { .. }
        | TimeframeKind::Deadline { .. } => r.windows.extend(time_window(&t.kind, plan, horizon)),
        TimeframeKind::Recurring {
            freq,
            interval,
            continuous,
            within,
            ..
        } => {
            if r.recurrence.is_none() {
                r.recurrence = Some(Recurrence {
                    freq: *freq,
                    interval: *interval,
                });
            }
            r.continuous |= *continuous;
            match within {
                Some(w) => resolve_into(w, plan, horizon, r),
                None => r.windows.push(unlimited()),
            }
        }
        TimeframeKind::Continuous { within } => {
            r.continuous = true;
            match within {
                Some(w) => resolve_into(w, plan, horizon, r),
                None => r.windows.push(unlimited()),
            }
        }
        TimeframeKind::Conditional { .. } => r.conditional = true,
        TimeframeKind::Phased { phases } => {
            for (n, p) in phases.iter().enumerate() {
                let mut sub = Resolved {
                    recognized: true,
                    ..Resolved::default()
                };
                resolve_into(&p.when, plan, horizon, &mut sub);
                if let Some(mut h) = sub.hull() {
                    h.phase = u32::try_from(n + 1).ok();
                    r.windows.push(h);
                }
                r.recognized &= sub.recognized;
            }
        }
        TimeframeKind::Horizon { period, vision } => {
            resolve_into(period, plan, horizon, r);
            r.vision = vision.last_day();
        }
        TimeframeKind::All { parts } => {
            for p in parts {
                resolve_into(p, plan, horizon, r);
            }
        }
        TimeframeKind::Unrecognized {} => r.recognized = false,
    }
}

impl Timeframe {
    /// Concrete windows for a plan dated `plan_date` whose horizon ends with
    /// `horizon_end_year` (the last year the plan covers).
    ///
    /// # Rules
    ///
    /// - A point covers its whole period: "Năm 2021" is 2021-01-01 to 2021-12-31, "Quý III/2024"
    ///   2024-07-01 to 2024-09-30, "6 tháng đầu năm 2022" 2022-01-01 to 2022-06-30.
    /// - A range runs from the first day of its start to the last day of its end (inclusive).
    /// - **Open ends** ("và những năm tiếp theo", "trở đi"): the window starts on the first day of
    ///   the start point. When a window is needed, "những năm tiếp theo" means *the rest of the plan's
    ///   horizon*: the end is 31 December of `horizon_end_year` (the last year the plan covers, e.g.
    ///   2030 for a plan "giai đoạn 2021-2030"), flagged `endAssumed`. Without a horizon, or when the
    ///   horizon ends before the start, the end stays open (`None`). The end is never invented.
    /// - A deadline runs from the plan date to the deadline: its last day when inclusive ("đến năm
    ///   2027" ends 2027-12-31), the day before it otherwise ("trước năm 2026" ends 2025-12-31). A
    ///   deadline already past on the plan date gives a window starting and ending on the deadline.
    /// - A recurrence or "thường xuyên" takes the window of what limits it; unlimited, it runs from
    ///   the plan date to the horizon (assumed end) or stays open.
    /// - A condition has no window: it is not schedulable.
    /// - Phases give one window each (numbered from 1), a horizon gives its period's windows (and the
    ///   vision's last day), a conjunction the windows of its parts in order.
    /// - A reversed range keeps its order (start after end): it carries a `timeframe/reversed-range`
    ///   error and is never silently swapped.
    pub fn resolve(&self, plan_date: Date, horizon_end_year: Option<i32>) -> Resolved {
        let mut r = Resolved {
            recognized: true,
            ..Resolved::default()
        };
        resolve_into(self, plan_date, horizon_end_year, &mut r);
        r
    }
}

fn phase_points(t: &Timeframe) -> Vec<(&Timeframe, Option<Point>, Option<Point>)> {
    match &t.kind {
        TimeframeKind::Phased { phases } => phases
            .iter()
            .map(|p| {
                let (s, e) = match &p.when.kind {
                    TimeframeKind::Point { at } => (Some(*at), Some(*at)),
                    TimeframeKind::Range { start, end } => (Some(*start), Some(*end)),
                    TimeframeKind::OpenEnded { start } => (Some(*start), None),
                    TimeframeKind::Deadline { by, .. } => (None, Some(*by)),
                    _ => (None, None),
                };
                (&p.when, s, e)
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Checks a timeframe against its plan: `timeframe/ended-before-plan`,
/// `timeframe/beyond-horizon` and `timeframe/phase-overlap` (the parser itself reports
/// `timeframe/unrecognized` and `timeframe/reversed-range`).
///
/// Phases may share their boundary year ("Năm 2025 - 2030: … Năm 2030 - 2045: …"); a phase that
/// starts before the last year of the previous one overlaps it.
///
/// ```
/// use kehoach::{Date, timeframe::{check_against_plan, Timeframe}};
/// let plan = Date::from_ymd(2020, 5, 18).unwrap();
/// let t: Timeframe = "Năm 2018 - 2019".parse().unwrap();
/// let d = check_against_plan(&t, plan, Some(2030));
/// assert_eq!(d[0].code, "timeframe/ended-before-plan");
/// ```
pub fn check_against_plan(
    t: &Timeframe,
    plan_date: Date,
    horizon_end_year: Option<i32>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let r = t.resolve(plan_date, horizon_end_year);
    let explicit_ends = || r.windows.iter().filter(|w| !w.end_assumed);
    if let Some(end) = explicit_ends().filter_map(|w| w.end).max() {
        if end < plan_date {
            out.push(codes::timeframe_ended_before_plan(t.span, end, plan_date));
        }
    }
    if let Some(h) = horizon_end_year {
        if let Some(end) = explicit_ends().filter_map(|w| w.end).max() {
            if end.year() > h {
                out.push(codes::timeframe_beyond_horizon(t.span, end.year(), h));
            }
        }
    }
    let phases = phase_points(t);
    for (n, pair) in phases.windows(2).enumerate() {
        if let [(prev, _, Some(prev_end)), (next, Some(next_start), _)] = pair {
            let boundary = Date::from_ymd(prev_end.year, 1, 1).ok();
            let starts_before = match (next_start.first_day(), boundary) {
                (Some(s), Some(b)) => s < b,
                _ => false,
            };
            if starts_before {
                out.push(codes::timeframe_phase_overlap(
                    next.span,
                    n + 2,
                    prev.span,
                    n + 1,
                ));
            }
        }
    }
    out
}
