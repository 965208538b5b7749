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
        w.qfield(q!("asOf"), &self.as_of);
        w.qopt_field(q!("planDate"), &self.plan_date);
        w.qopt_field(q!("horizon"), &self.horizon);
        w.qfield(q!("tasks"), &self.tasks);
        w.qfield(q!("reviews"), &self.reviews);
        w.qnonempty_field(q!("diagnostics"), &self.diagnostics);
        w.end_object();
    }
}

impl ToJson for Horizon {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qfield(q!("year"), &self.year);
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
        w.qfield(q!("start"), &self.start);
        w.qfield(q!("end"), &self.end);
        if self.end_assumed {
            w.qfield(q!("endAssumed"), &true);
        }
        w.end_object();
    }
}

impl ToJson for Recurrence {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qfield(q!("freq"), &self.freq);
        w.qfield(q!("interval"), &self.interval);
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
        w.qfield(q!("task"), &self.task);
        w.qfield(q!("date"), &self.date);
        w.qfield(q!("status"), &self.status);
        w.qopt_field(q!("note"), &self.note);
        w.qopt_field(q!("by"), &self.by);
        w.end_object();
    }
}

impl ToJson for ScheduledTask {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qfield(q!("eid"), &self.eid);
        w.qfield(q!("number"), &self.number);
        w.qfield(q!("status"), &self.status);
        w.qfield(q!("window"), &self.window);
        w.qopt_field(q!("currentPhase"), &self.current_phase);
        w.qnonempty_field(q!("phases"), &self.phases);
        w.qopt_field(q!("nextOccurrence"), &self.next_occurrence);
        w.qopt_field(q!("reason"), &self.reason);
        w.qopt_field(q!("recurrence"), &self.recurrence);
        w.qopt_field(q!("rrule"), &self.rrule);
        w.qfield(q!("leads"), &self.leads);
        w.qfield(q!("responsible"), &self.responsible);
        w.qopt_field(q!("progress"), &self.progress);
        w.qopt_field(q!("timeframeText"), &self.timeframe_text);
        w.qfield(q!("text"), &self.text);
        w.qfield(q!("section"), &self.section);
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
        w.qfield(q!("due"), &self.due);
        w.field(
            "status",
            match self.status {
                ReviewStatus::Past => "past",
                ReviewStatus::Upcoming => "upcoming",
            },
        );
        w.qopt_field(q!("years"), &self.years);
        w.qopt_field(q!("coordinator"), &self.coordinator);
        w.qfield(q!("span"), &self.span);
        w.end_object();
    }
}
