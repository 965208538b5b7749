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

/// Task indices by eid and by number path: `(key, index)` pairs sorted by key, then index.
/// (Sorted lists rather than `BTreeMap`s: wasm size, issue 22.)
#[derive(Default)]
struct Index<'a> {
    by_eid: Vec<(&'a str, usize)>,
    by_number: Vec<(&'a str, usize)>,
}

impl<'a> Index<'a> {
    fn new(tasks: &'a [Task]) -> Self {
        let pairs = |key: fn(&Task) -> &str| {
            let mut v: Vec<(&str, usize)> =
                tasks.iter().enumerate().map(|(i, t)| (key(t), i)).collect();
            crate::sort::sort_by_key(&mut v, |&(k, _)| k);
            v
        };
        Index {
            by_eid: pairs(|t| &t.eid),
            by_number: pairs(|t| &t.number),
        }
    }

    /// The task whose eid is `eid` (the last one, should several share it).
    fn eid(&self, eid: &str) -> Option<usize> {
        run(&self.by_eid, eid).last().map(|&(_, i)| i)
    }
}

/// The pairs of a sorted list whose key is `key`.
fn run<'l, 'a>(list: &'l [(&'a str, usize)], key: &str) -> &'l [(&'a str, usize)] {
    let start = list.partition_point(|&(k, _)| k < key);
    let len = list
        .get(start..)
        .map_or(0, |r| r.partition_point(|&(k, _)| k == key));
    list.get(start..start + len).unwrap_or(&[])
}

/// The latest report per task eid ([`Progress::latest_by_eid`] without building a map).
#[derive(Default)]
pub(crate) struct Latest<'a> {
    index: Index<'a>,
    /// By task index: the report of the task [`Index::eid`] gives for its eid.
    reports: Vec<Option<Report>>,
}

impl Latest<'_> {
    /// The latest report of the task `eid`.
    pub(crate) fn get(&self, eid: &str) -> Option<&Report> {
        let i = self.index.eid(eid)?;
        self.reports.get(i)?.as_ref()
    }
}

fn resolve<'a>(tasks: &'a [Task], index: &Index<'_>, reference: &str) -> Resolution<'a> {
    let r = reference.trim();
    if let Some(t) = index.eid(r).and_then(|i| tasks.get(i)) {
        return Resolution::One(t);
    }
    let found: Vec<&Task> = run(&index.by_number, r)
        .iter()
        .filter_map(|&(_, i)| tasks.get(i))
        .collect();
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
        let (_, diagnostics) = self.latest(tasks, None);
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
        let (latest, diagnostics) = self.latest(tasks, as_of);
        let map = tasks
            .iter()
            .zip(latest.reports)
            .filter_map(|(t, r)| Some((t.eid.as_str().to_owned(), r?)))
            .collect();
        (map, diagnostics)
    }

    /// [`Progress::latest_by_eid`], as a [`Latest`].
    pub(crate) fn latest<'a>(
        &self,
        tasks: &'a [Task],
        as_of: Option<Date>,
    ) -> (Latest<'a>, Vec<Diagnostic>) {
        let mut latest = Latest {
            index: Index::new(tasks),
            reports: vec![None; tasks.len()],
        };
        let mut diagnostics = Vec::new();
        for (i, r) in self.reports.iter().enumerate() {
            match resolve(tasks, &latest.index, &r.task) {
                Resolution::One(t) => {
                    if as_of.is_some_and(|d| r.date > d) {
                        continue;
                    }
                    let Some(slot) = latest
                        .index
                        .eid(&t.eid)
                        .and_then(|i| latest.reports.get_mut(i))
                    else {
                        continue;
                    };
                    if slot.as_ref().is_none_or(|prev| r.date >= prev.date) {
                        *slot = Some(r.clone());
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
