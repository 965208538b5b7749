//! Status of one task on a date, from its resolved timeframe and its latest progress report.

use super::progress::{ProgressStatus, Report};
use super::{Reason, Status, Unreported};
use crate::Date;
use crate::timeframe::{Basis, Freq, Recurrence, Resolved, Timeframe, TimeframeKind, Window};

/// What the timeframe alone says on the as-of date.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Classified {
    pub status: Status,
    pub window: Option<Window>,
    pub current_phase: Option<u32>,
    pub next_occurrence: Option<Date>,
    pub reason: Option<Reason>,
}

fn first_of_month(y: i32, m0: i64) -> Option<Date> {
    // m0: months since January of year `y` (may exceed 11).
    let total = i64::from(y).checked_mul(12)?.checked_add(m0)?;
    let year = i32::try_from(total.div_euclid(12)).ok()?;
    let month = u8::try_from(total.rem_euclid(12) + 1).ok()?;
    Date::from_ymd(year, month, 1).ok()
}

fn months_index(d: Date) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month()) - 1
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.as_time()
        .checked_add(time::Duration::days(n))
        .map(Date::from_time)
}

/// Length of one period in months (calendar-aligned) or in days (weeks, days).
enum Period {
    Months(i64),
    Days(i64),
}

fn period(r: Recurrence) -> Option<Period> {
    let n = i64::from(r.interval.max(1));
    Some(match r.freq {
        Freq::Yearly => Period::Months(12 * n),
        Freq::HalfYearly => Period::Months(6 * n),
        Freq::Quarterly => Period::Months(3 * n),
        Freq::Monthly => Period::Months(n),
        Freq::Weekly => Period::Days(7 * n),
        Freq::Daily => Period::Days(n),
        Freq::Unspecified => return None,
    })
}

/// The occurrence (first day, last day) with index `k` of a recurrence whose window starts on
/// `start`. Month-based periods are calendar-aligned: a yearly task's occurrences are calendar
/// years, a half-yearly one's halves (January–June, July–December), a quarterly one's quarters;
/// weeks and days count from `start`.
pub(crate) fn occurrence(r: Recurrence, start: Date, k: i64) -> Option<(Date, Date)> {
    match period(r)? {
        Period::Months(m) => {
            let base = months_index(start);
            let unit = m.min(12);
            let aligned = base - base.rem_euclid(unit);
            let first = aligned.checked_add(k.checked_mul(m)?)?;
            let from = first_of_month(0, first)?;
            let to = first_of_month(0, first.checked_add(m)?)?.previous_day()?;
            Some((from, to))
        }
        Period::Days(n) => {
            let from = add_days(start, k.checked_mul(n)?)?;
            let to = add_days(from, n - 1)?;
            Some((from, to))
        }
    }
}

/// The occurrence due next on `on` (the one containing `on`, or the first if `on` is before the
/// window): its last day, clamped to the window's end; `None` past the end or without a period.
pub(crate) fn next_occurrence(r: Recurrence, w: &Window, on: Date) -> Option<Date> {
    let start = w.start?;
    let k = if on <= start {
        0
    } else {
        match period(r)? {
            Period::Months(m) => {
                let unit = m.min(12);
                let base = months_index(start);
                let aligned = base - base.rem_euclid(unit);
                (months_index(on) - aligned).div_euclid(m)
            }
            Period::Days(n) => {
                let days = (on.as_time() - start.as_time()).whole_days();
                days.div_euclid(n)
            }
        }
    };
    let (from, to) = occurrence(r, start, k)?;
    match w.end {
        Some(end) if from > end => None,
        Some(end) => Some(to.min(end)),
        None => Some(to),
    }
}

fn conditional_reason(t: &Timeframe) -> Reason {
    let mut reason = Reason::Condition;
    t.walk(&mut |p| {
        if let TimeframeKind::Conditional { basis } = &p.kind {
            if let Some(b) = basis.first() {
                if reason == Reason::Condition {
                    reason = match b {
                        Basis::Guidance { .. } => Reason::AwaitingGuidance,
                        Basis::Practice => Reason::AsPracticeRequires,
                        Basis::OnRequest => Reason::OnRequest,
                        Basis::AfterEvent { .. } => Reason::AfterEvent,
                        Basis::Other { .. } => Reason::Condition,
                    };
                }
            }
        }
    });
    reason
}

/// Classifies by the timeframe alone (rules in the module docs of [`crate::schedule`]).
pub(crate) fn classify(tf: Option<&Timeframe>, r: &Resolved, on: Date) -> Classified {
    let mut c = Classified {
        status: Status::Unscheduled,
        window: r.hull(),
        current_phase: None,
        next_occurrence: None,
        reason: None,
    };
    let Some(hull) = c.window else {
        match tf {
            Some(t) if r.conditional => {
                c.status = Status::Conditional;
                c.reason = Some(conditional_reason(t));
            }
            Some(_) => c.reason = Some(Reason::Unrecognized),
            None => c.reason = Some(Reason::NoTimeframe),
        }
        return c;
    };
    let started = |w: &Window| w.start.is_none_or(|s| s <= on);
    let not_ended = |w: &Window| w.end.is_none_or(|e| on <= e);
    if r.recurrence.is_some() || r.continuous {
        c.status = if !started(&hull) {
            Status::Upcoming
        } else if !not_ended(&hull) {
            Status::Ended
        } else if let Some(rec) = r.recurrence {
            c.next_occurrence = next_occurrence(rec, &hull, on);
            Status::Recurring
        } else {
            Status::Continuous
        };
        if c.status == Status::Upcoming {
            c.next_occurrence = r.recurrence.and_then(|rec| next_occurrence(rec, &hull, on));
        }
        return c;
    }
    // The newest window (latest start) containing the date: on a shared boundary year the
    // later phase is current.
    let current = r
        .windows
        .iter()
        .filter(|w| started(w) && not_ended(w))
        .max_by_key(|w| w.start);
    c.status = if let Some(w) = current {
        c.current_phase = w.phase;
        Status::Active
    } else if r.windows.iter().all(|w| !started(w)) {
        Status::Upcoming
    } else if r.windows.iter().all(|w| !not_ended(w)) {
        Status::Ended
    } else {
        c.reason = Some(Reason::BetweenWindows);
        Status::Upcoming
    };
    c
}

/// Overlays the latest progress report: "done" is never due, "dropped" has ended, and a closed
/// window without "done" is overdue when progress data was given.
pub(crate) fn apply_progress(
    c: &mut Classified,
    report: Option<&Report>,
    have_progress: bool,
    unreported: Unreported,
) {
    match report.map(|r| r.status) {
        Some(ProgressStatus::Done) => {
            c.status = Status::Done;
            c.next_occurrence = None;
        }
        Some(ProgressStatus::Dropped) => {
            c.status = Status::Ended;
            c.reason = Some(Reason::Dropped);
            c.next_occurrence = None;
        }
        Some(_) if c.status == Status::Ended => c.status = Status::Overdue,
        None if c.status == Status::Ended && have_progress && unreported == Unreported::Overdue => {
            c.status = Status::Overdue;
            c.reason = Some(Reason::NotReported);
        }
        _ => {}
    }
}
