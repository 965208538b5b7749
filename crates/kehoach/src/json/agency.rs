//! JSON of agencies and their current holders (succession chains).

use super::{JsonWriter, ToJson};
use crate::agency::{Agency, AgencyKind, Change, Confidence, Current, Level, Step};

impl ToJson for AgencyKind {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.str(self.as_str());
    }
}

impl ToJson for Level {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.str(match self {
            Level::Central => "central",
            Level::Province => "province",
            Level::District => "district",
            Level::Commune => "commune",
        });
    }
}

impl ToJson for Change {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.str(self.as_str());
    }
}

impl ToJson for Confidence {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.str(match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        });
    }
}

impl ToJson for Step {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("from", &self.from);
        w.field("to", &self.to);
        w.field("change", &self.change);
        if self.consolidation {
            w.field("consolidation", &true);
        }
        w.field("date", &self.date);
        w.field("basis", &self.basis);
        w.field("confidence", &self.confidence);
        w.opt_field("source", &self.source);
        w.nonempty_field("functions", &self.functions);
        w.end_object();
    }
}

impl ToJson for Current {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("name", &self.name);
        w.field("since", &self.since);
        w.field("change", &self.change);
        w.field("basis", &self.basis);
        w.opt_field("id", &self.id);
        w.opt_field("officialName", &self.official_name);
        w.opt_field("confidence", &self.confidence);
        w.nonempty_field("functions", &self.functions);
        w.opt_field("source", &self.source);
        w.nonempty_field("uncertain", &self.uncertain);
        w.nonempty_field("chain", &self.chain);
        w.end_object();
    }
}

impl ToJson for Agency {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("text", &self.text);
        w.field("name", &self.name);
        w.field("kind", &self.kind);
        w.field("collective", &self.collective);
        w.field("known", &self.known);
        w.field("span", &self.span);
        w.opt_field("id", &self.id);
        w.opt_field("level", &self.level);
        if let Some(d) = &self.details {
            w.opt_field("position", &d.position);
            w.opt_field("qualifier", &d.qualifier);
            w.opt_field("province", &d.province);
            w.opt_field("note", &d.note);
            w.opt_field("suggestion", &d.suggestion);
        }
        if let Some(current) = &self.current {
            w.field("current", current.as_ref());
        }
        if self.and_previous {
            w.field("andPrevious", &true);
        }
        w.end_object();
    }
}
