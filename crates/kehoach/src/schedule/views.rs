//! Views of a schedule: per agency, agency × year, per section, next deadlines.

use super::{Schedule, ScheduledTask, Status};
use crate::{Date, Plan};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which agencies a view groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AgencyBasis {
    /// As the plan names them ("Sở Thông tin và Truyền thông").
    #[default]
    AsNamed,
    /// As responsible on the as-of date ("Sở Khoa học và Công nghệ").
    Responsible,
}

/// The tasks one agency carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgencyTasks {
    /// Canonical name of the agency.
    pub agency: String,
    /// Eids of its tasks, in document order.
    pub tasks: Vec<CompactString>,
    /// How many of them are running (active, recurring, continuous) on the as-of date.
    pub running: usize,
    /// How many are overdue.
    pub overdue: usize,
}

/// One row of the agency × year matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct YearRow {
    /// Canonical name of the agency.
    pub agency: String,
    /// Tasks active in each year of [`YearMatrix::years`].
    pub counts: Vec<usize>,
}

/// Tasks active per agency and year: a task counts in a year when one of its windows meets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct YearMatrix {
    /// The columns.
    pub years: Vec<i32>,
    /// One row per agency, by name.
    pub rows: Vec<YearRow>,
}

/// The tasks of one part ("II.3") of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SectionTasks {
    /// The number path of the enclosing unit ("II.3").
    pub number: CompactString,
    /// Its heading, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// Eids of its tasks.
    pub tasks: Vec<CompactString>,
}

/// What a deadline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DeadlineKind {
    /// The end of the task's window (stated, not assumed).
    WindowEnd,
    /// The end of the current phase of a phased task.
    PhaseEnd,
    /// The due date of a recurring task's next occurrence.
    Occurrence,
}

/// A deadline on or after the as-of date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Deadline {
    /// The date.
    pub due: Date,
    /// The task's eid.
    pub eid: CompactString,
    /// The task's number.
    pub number: CompactString,
    /// What ends.
    pub kind: DeadlineKind,
}

fn names(t: &ScheduledTask, basis: AgencyBasis) -> Vec<&str> {
    let list = match basis {
        AgencyBasis::AsNamed => &t.leads,
        AgencyBasis::Responsible => &t.responsible,
    };
    let mut out: Vec<&str> = Vec::new();
    for a in list {
        if !out.contains(&a.name.as_str()) {
            out.push(a.name.as_str());
        }
    }
    out
}

fn running(s: Status) -> bool {
    matches!(s, Status::Active | Status::Recurring | Status::Continuous)
}

impl Schedule {
    /// Tasks per agency, agencies by name.
    ///
    /// ```
    /// use kehoach::schedule::{schedule, ScheduleOptions, AgencyBasis};
    /// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    /// let s = schedule(&plan, &ScheduleOptions::new("2026-11-28".parse().unwrap()));
    /// let named = s.by_agency(AgencyBasis::AsNamed);
    /// let today = s.by_agency(AgencyBasis::Responsible);
    /// let count = |v: &[kehoach::schedule::AgencyTasks], n: &str|
    ///     v.iter().find(|a| a.agency == n).map_or(0, |a| a.tasks.len());
    /// assert_eq!(count(&named, "Sở Thông tin và Truyền thông"), 14);
    /// assert_eq!(count(&today, "Sở Thông tin và Truyền thông"), 0);
    /// assert_eq!(count(&today, "Sở Khoa học và Công nghệ"),
    ///            count(&named, "Sở Khoa học và Công nghệ") + 14);
    /// ```
    pub fn by_agency(&self, basis: AgencyBasis) -> Vec<AgencyTasks> {
        let mut map: BTreeMap<&str, AgencyTasks> = BTreeMap::new();
        for t in &self.tasks {
            for n in names(t, basis) {
                let e = map.entry(n).or_insert_with(|| AgencyTasks {
                    agency: n.to_string(),
                    tasks: Vec::new(),
                    running: 0,
                    overdue: 0,
                });
                e.tasks.push(t.eid.clone());
                e.running += usize::from(running(t.status));
                e.overdue += usize::from(t.status == Status::Overdue);
            }
        }
        map.into_values().collect()
    }

    /// The agency × year matrix over `years` (the plan's year to the horizon when `None`).
    pub fn year_matrix(
        &self,
        basis: AgencyBasis,
        years: Option<std::ops::RangeInclusive<i32>>,
    ) -> YearMatrix {
        let first = self.plan_date.map_or(self.as_of.year(), |d| d.year());
        let last = self
            .horizon
            .map_or(self.as_of.year().max(first), |h| h.year);
        let years: Vec<i32> = years.unwrap_or(first..=last).take(500).collect();
        let mut map: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for t in &self.tasks {
            let windows: Vec<super::TaskWindow> = if t.phases.is_empty() {
                vec![t.window]
            } else {
                t.phases.clone()
            };
            let active: Vec<bool> = years
                .iter()
                .map(|&y| {
                    windows.iter().any(|w| {
                        w.start.is_some_and(|s| s.year() <= y)
                            && w.end.is_none_or(|e| e.year() >= y)
                    })
                })
                .collect();
            for n in names(t, basis) {
                let row = map.entry(n).or_insert_with(|| vec![0; years.len()]);
                for (c, a) in row.iter_mut().zip(&active) {
                    *c += usize::from(*a);
                }
            }
        }
        YearMatrix {
            years,
            rows: map
                .into_iter()
                .map(|(agency, counts)| YearRow {
                    agency: agency.to_string(),
                    counts,
                })
                .collect(),
        }
    }

    /// Tasks grouped by the unit that contains them ("II.3"), in document order.
    pub fn by_section(&self, plan: &Plan) -> Vec<SectionTasks> {
        let mut headings: BTreeMap<&str, Option<&str>> = BTreeMap::new();
        plan.walk(&mut |u| {
            headings.insert(&u.number, u.heading.as_ref().map(|h| h.text.as_str()));
        });
        let mut out: Vec<SectionTasks> = Vec::new();
        for t in &self.tasks {
            let parent = t.number.rsplit_once('.').map_or(t.number.as_str(), |p| p.0);
            match out.last_mut() {
                Some(g) if g.number == parent => g.tasks.push(t.eid.clone()),
                _ => out.push(SectionTasks {
                    number: parent.into(),
                    heading: headings.get(parent).copied().flatten().map(str::to_string),
                    tasks: vec![t.eid.clone()],
                }),
            }
        }
        out
    }

    /// The next `n` deadlines on or after the as-of date, by date then document order: stated
    /// window ends, current phase ends and next occurrences. Tasks done, ended or overdue, and
    /// ends assumed from the horizon, give none.
    pub fn next_deadlines(&self, n: usize) -> Vec<Deadline> {
        let mut out = Vec::new();
        for t in &self.tasks {
            if matches!(t.status, Status::Done | Status::Ended | Status::Overdue) {
                continue;
            }
            let mut add = |due: Option<Date>, kind| {
                if let Some(due) = due.filter(|d| *d >= self.as_of) {
                    out.push(Deadline {
                        due,
                        eid: t.eid.clone(),
                        number: t.number.clone(),
                        kind,
                    });
                }
            };
            if t.next_occurrence.is_some() {
                add(t.next_occurrence, DeadlineKind::Occurrence);
                continue;
            }
            if let Some(p) = t.current_phase {
                let phase = t.phases.get(p.saturating_sub(1) as usize);
                if let Some(w) = phase.filter(|w| !w.end_assumed) {
                    if w.end != t.window.end {
                        add(w.end, DeadlineKind::PhaseEnd);
                    }
                }
            }
            if !t.window.end_assumed {
                add(t.window.end, DeadlineKind::WindowEnd);
            }
        }
        crate::sort::sort_by_key(&mut out, |d| d.due);
        out.truncate(n);
        out
    }

    /// Tasks whose window starts in `year` (e.g. "what starts next year").
    pub fn starting_in(&self, year: i32) -> Vec<&ScheduledTask> {
        self.tasks
            .iter()
            .filter(|t| t.window.start.is_some_and(|s| s.year() == year))
            .collect()
    }
}
