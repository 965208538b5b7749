//! Progress reports: what the agencies reported, per task, as data.

use crate::diagnostic::{Diagnostic, codes};
use crate::error::{Error, ErrorKind};
use crate::text::Case as _;
use crate::{Date, Task};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The status an agency reports for a task.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ProgressStatus {
    /// Not started yet.
    NotStarted,
    /// Under way.
    InProgress,
    /// Completed: the task is no longer due.
    Done,
    /// Dropped (no longer pursued): no longer due, never overdue.
    Dropped,
}

impl ProgressStatus {
    /// Every status, in the order an agency's form lists them.
    pub const ALL: [ProgressStatus; 4] = [
        ProgressStatus::NotStarted,
        ProgressStatus::InProgress,
        ProgressStatus::Done,
        ProgressStatus::Dropped,
    ];

    /// The wire name (`notStarted`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ProgressStatus::NotStarted => "notStarted",
            ProgressStatus::InProgress => "inProgress",
            ProgressStatus::Done => "done",
            ProgressStatus::Dropped => "dropped",
        }
    }

    /// The Vietnamese label agencies choose from (the tracking workbook's drop-down).
    pub fn vietnamese(self) -> &'static str {
        match self {
            ProgressStatus::NotStarted => "Chưa triển khai",
            ProgressStatus::InProgress => "Đang triển khai",
            ProgressStatus::Done => "Đã hoàn thành",
            ProgressStatus::Dropped => "Dừng thực hiện",
        }
    }

    /// The status a person wrote: a Vietnamese label or a wire name, in any case, with any
    /// spacing and in NFC or NFD; `None` for anything else (never guessed).
    ///
    /// ```
    /// use kehoach::schedule::ProgressStatus;
    /// assert_eq!(ProgressStatus::from_label(" đã  hoàn thành "), Some(ProgressStatus::Done));
    /// assert_eq!(ProgressStatus::from_label("inProgress"), Some(ProgressStatus::InProgress));
    /// assert_eq!(ProgressStatus::from_label("Xong"), None);
    /// ```
    pub fn from_label(text: &str) -> Option<ProgressStatus> {
        use unicode_normalization::UnicodeNormalization;
        let folded: String = text
            .nfc()
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lower();
        ProgressStatus::ALL
            .into_iter()
            .find(|s| s.vietnamese().to_lower() == folded || s.as_str().to_lower() == folded)
    }
}

/// One progress report.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The task: its number path as written ("II.1.c") or its eid
    /// ("sec_II__para_2__point_d_2"; required when the number is ambiguous).
    pub task: String,
    /// Date of the report.
    pub date: Date,
    /// Reported status.
    pub status: ProgressStatus,
    /// Free note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The reporting agency, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// A set of progress reports: `{ "reports": [...] }` (the `--progress FILE` format).
///
/// ```
/// use kehoach::schedule::{Progress, ProgressStatus};
/// let p = Progress::from_json(r#"{ "reports": [
///     { "task": "II.1.c", "date": "2025-12-20", "status": "done", "by": "Sở KH&CN" } ] }"#).unwrap();
/// assert_eq!(p.reports[0].status, ProgressStatus::Done);
/// assert_eq!(Progress::from_json("{").unwrap_err().code(), "invalid-json");
/// ```
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// The reports, in any order.
    pub reports: Vec<Report>,
}

/// How a report's `task` reference resolves against a plan's tasks.
enum Resolution<'a> {
    One(&'a Task),
    Ambiguous(Vec<&'a Task>),
    Unknown,
}

/// Task indices by eid and by number path.
struct Index<'a> {
    by_eid: BTreeMap<&'a str, usize>,
    by_number: BTreeMap<&'a str, Vec<usize>>,
}

fn resolve<'a>(tasks: &'a [Task], index: &Index<'_>, reference: &str) -> Resolution<'a> {
    let r = reference.trim();
    if let Some(t) = index.by_eid.get(r).and_then(|&i| tasks.get(i)) {
        return Resolution::One(t);
    }
    let found: Vec<&Task> = index
        .by_number
        .get(r)
        .map(|v| v.iter().filter_map(|&i| tasks.get(i)).collect())
        .unwrap_or_default();
    match found.as_slice() {
        [] => Resolution::Unknown,
        [one] => Resolution::One(one),
        _ => Resolution::Ambiguous(found),
    }
}

impl Progress {
    /// Reads the JSON format; `invalid-json` when it is not JSON of that shape.
    pub fn from_json(json: &str) -> Result<Progress, Error> {
        Ok(serde_json::from_str(json)?)
    }

    /// Checks every report's task against the plan's tasks: `not-found` for a task that does not
    /// exist, `invalid-argument` for a number path shared by several tasks (the message lists
    /// their eids, which must be used instead).
    ///
    /// ```
    /// use kehoach::schedule::Progress;
    /// let tasks = kehoach::parse(kehoach::SEED_PLAN).plan.tasks();
    /// let p = Progress::from_json(r#"{"reports":[{"task":"II.2.d","date":"2024-01-01","status":"done"}]}"#).unwrap();
    /// let err = p.check(&tasks).unwrap_err();
    /// assert_eq!(err.code(), "invalid-argument");
    /// assert!(err.message().contains("sec_II__para_2__point_d_2"));
    /// ```
    pub fn check(&self, tasks: &[Task]) -> Result<(), Error> {
        let (_, diagnostics) = self.latest_by_eid(tasks, None);
        match diagnostics.first() {
            None => Ok(()),
            Some(d) => {
                let kind = if d.code == codes::SCHEDULE_UNKNOWN_TASK {
                    ErrorKind::NotFound
                } else {
                    ErrorKind::InvalidArgument
                };
                Err(Error::new(kind, d.message.en.clone()))
            }
        }
    }

    /// The latest report per task eid (reports dated after `as_of` are ignored when given; on
    /// the same date, the later report in the list wins), with `schedule/unknown-task` and
    /// `schedule/ambiguous-task` warnings for reports that name no task or several.
    pub fn latest_by_eid(
        &self,
        tasks: &[Task],
        as_of: Option<Date>,
    ) -> (BTreeMap<String, Report>, Vec<Diagnostic>) {
        let mut index = Index {
            by_eid: BTreeMap::new(),
            by_number: BTreeMap::new(),
        };
        for (i, t) in tasks.iter().enumerate() {
            index.by_eid.insert(t.eid.as_str(), i);
            index
                .by_number
                .entry(t.number.as_str())
                .or_default()
                .push(i);
        }
        let mut latest: BTreeMap<String, Report> = BTreeMap::new();
        let mut diagnostics = Vec::new();
        for (i, r) in self.reports.iter().enumerate() {
            match resolve(tasks, &index, &r.task) {
                Resolution::One(t) => {
                    if as_of.is_some_and(|d| r.date > d) {
                        continue;
                    }
                    let newer = latest.get(&t.eid).is_none_or(|prev| r.date >= prev.date);
                    if newer {
                        latest.insert(t.eid.clone(), r.clone());
                    }
                }
                Resolution::Unknown => diagnostics.push(codes::schedule_unknown_task(i, &r.task)),
                Resolution::Ambiguous(found) => {
                    let eids: Vec<&str> = found.iter().map(|t| t.eid.as_str()).collect();
                    let spans: Vec<crate::Span> = found.iter().map(|t| t.span).collect();
                    diagnostics.push(codes::schedule_ambiguous_task(i, &r.task, &eids, &spans));
                }
            }
        }
        (latest, diagnostics)
    }
}
