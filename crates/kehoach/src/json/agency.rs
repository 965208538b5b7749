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
        w.qfield(q!("from"), &self.from);
        w.qfield(q!("to"), &self.to);
        w.qfield(q!("change"), &self.change);
        if self.consolidation {
            w.qfield(q!("consolidation"), &true);
        }
        w.qfield(q!("date"), &self.date);
        w.qfield(q!("basis"), &self.basis);
        w.qfield(q!("confidence"), &self.confidence);
        w.qopt_field(q!("source"), &self.source);
        w.qnonempty_field(q!("functions"), &self.functions);
        w.end_object();
    }
}

impl ToJson for Current {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qfield(q!("name"), &self.name);
        w.qfield(q!("since"), &self.since);
        w.qfield(q!("change"), &self.change);
        w.qfield(q!("basis"), &self.basis);
        w.qopt_field(q!("id"), &self.id);
        w.qopt_field(q!("officialName"), &self.official_name);
        w.qopt_field(q!("confidence"), &self.confidence);
        w.qnonempty_field(q!("functions"), &self.functions);
        w.qopt_field(q!("source"), &self.source);
        w.qnonempty_field(q!("uncertain"), &self.uncertain);
        w.qnonempty_field(q!("chain"), &self.chain);
        w.end_object();
    }
}

impl ToJson for Agency {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qfield(q!("text"), &self.text);
        w.qfield(q!("name"), &self.name);
        w.qfield(q!("kind"), &self.kind);
        w.qfield(q!("collective"), &self.collective);
        w.qfield(q!("known"), &self.known);
        w.qfield(q!("span"), &self.span);
        w.qopt_field(q!("id"), &self.id);
        w.qopt_field(q!("level"), &self.level);
        if let Some(d) = &self.details {
            w.qopt_field(q!("position"), &d.position);
            w.qopt_field(q!("qualifier"), &d.qualifier);
            w.qopt_field(q!("province"), &d.province);
            w.qopt_field(q!("note"), &d.note);
            w.qopt_field(q!("suggestion"), &d.suggestion);
        }
        if let Some(current) = &self.current {
            w.qfield(q!("current"), current.as_ref());
        }
        if self.and_previous {
            w.qfield(q!("andPrevious"), &true);
        }
        w.end_object();
    }
}
