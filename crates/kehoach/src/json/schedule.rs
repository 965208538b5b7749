//! JSON of a schedule (`schedule::Schedule`): tasks with their windows and status, reviews.

use super::{JsonWriter, ToJson};
use crate::schedule::{
    Horizon, HorizonSource, ProgressStatus, Reason, Report, Review, ReviewKind, ReviewStatus,
    Schedule, ScheduledTask, Status, TaskWindow,
};
use crate::timeframe::Recurrence;

impl ToJson for Schedule {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("asOf", &self.as_of);
        w.opt_field("planDate", &self.plan_date);
        w.opt_field("horizon", &self.horizon);
        w.field("tasks", &self.tasks);
        w.field("reviews", &self.reviews);
        w.nonempty_field("diagnostics", &self.diagnostics);
        w.end_object();
    }
}

impl ToJson for Horizon {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("year", &self.year);
        w.field(
            "source",
            match self.source {
                HorizonSource::Option => "option",
                HorizonSource::Title => "title",
                HorizonSource::StatedPeriod => "statedPeriod",
                HorizonSource::LatestTimeframe => "latestTimeframe",
            },
        );
        w.end_object();
    }
}

impl ToJson for Status {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.str(match self {
            Status::Upcoming => "upcoming",
            Status::Active => "active",
            Status::Ended => "ended",
            Status::Overdue => "overdue",
            Status::Done => "done",
            Status::Recurring => "recurring",
            Status::Continuous => "continuous",
            Status::Conditional => "conditional",
            Status::Unscheduled => "unscheduled",
        });
    }
}

impl ToJson for Reason {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.str(match self {
            Reason::AwaitingGuidance => "awaitingGuidance",
            Reason::AsPracticeRequires => "asPracticeRequires",
            Reason::OnRequest => "onRequest",
            Reason::AfterEvent => "afterEvent",
            Reason::Condition => "condition",
            Reason::NoTimeframe => "noTimeframe",
            Reason::Unrecognized => "unrecognized",
            Reason::BetweenWindows => "betweenWindows",
            Reason::Dropped => "dropped",
            Reason::NotReported => "notReported",
        });
    }
}

impl ToJson for TaskWindow {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("start", &self.start);
        w.field("end", &self.end);
        if self.end_assumed {
            w.field("endAssumed", &true);
        }
        w.end_object();
    }
}

impl ToJson for Recurrence {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("freq", &self.freq);
        w.field("interval", &self.interval);
        w.end_object();
    }
}

impl ToJson for ProgressStatus {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.str(match self {
            ProgressStatus::NotStarted => "notStarted",
            ProgressStatus::InProgress => "inProgress",
            ProgressStatus::Done => "done",
            ProgressStatus::Dropped => "dropped",
        });
    }
}

impl ToJson for Report {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("task", &self.task);
        w.field("date", &self.date);
        w.field("status", &self.status);
        w.opt_field("note", &self.note);
        w.opt_field("by", &self.by);
        w.end_object();
    }
}

impl ToJson for ScheduledTask {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("eid", &self.eid);
        w.field("number", &self.number);
        w.field("status", &self.status);
        w.field("window", &self.window);
        w.opt_field("currentPhase", &self.current_phase);
        w.nonempty_field("phases", &self.phases);
        w.opt_field("nextOccurrence", &self.next_occurrence);
        w.opt_field("reason", &self.reason);
        w.opt_field("recurrence", &self.recurrence);
        w.opt_field("rrule", &self.rrule);
        w.field("leads", &self.leads);
        w.field("responsible", &self.responsible);
        w.opt_field("progress", &self.progress);
        w.opt_field("timeframeText", &self.timeframe_text);
        w.field("text", &self.text);
        w.field("section", &self.section);
        w.end_object();
    }
}

impl ToJson for Review {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field(
            "kind",
            match self.kind {
                ReviewKind::Annual => "annual",
                ReviewKind::Report => "report",
                ReviewKind::Preliminary => "preliminary",
                ReviewKind::Final => "final",
            },
        );
        w.field("due", &self.due);
        w.field(
            "status",
            match self.status {
                ReviewStatus::Past => "past",
                ReviewStatus::Upcoming => "upcoming",
            },
        );
        w.opt_field("years", &self.years);
        w.opt_field("coordinator", &self.coordinator);
        w.field("span", &self.span);
        w.end_object();
    }
}
