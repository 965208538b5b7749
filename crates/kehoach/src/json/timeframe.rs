//! JSON of timeframes: `kind`-tagged and flattened into the timeframe's object, as serde does.

use super::{JsonWriter, ToJson};
use crate::timeframe::{Basis, Due, Freq, Phase, Point, Season, Target, Timeframe, TimeframeKind};

impl ToJson for Point {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qfield(q!("year"), &self.year);
        w.qopt_field(q!("half"), &self.half);
        w.qopt_field(q!("quarter"), &self.quarter);
        w.qopt_field(q!("month"), &self.month);
        w.qopt_field(q!("day"), &self.day);
        w.qopt_field(q!("span"), &self.span);
        w.end_object();
    }
}

impl ToJson for Freq {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.str(match self {
            Freq::Yearly => "yearly",
            Freq::HalfYearly => "halfYearly",
            Freq::Quarterly => "quarterly",
            Freq::Monthly => "monthly",
            Freq::Weekly => "weekly",
            Freq::Daily => "daily",
            Freq::Unspecified => "unspecified",
        });
    }
}

impl ToJson for Due {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qfield(q!("day"), &self.day);
        w.qopt_field(q!("month"), &self.month);
        w.qfield(q!("inclusive"), &self.inclusive);
        w.end_object();
    }
}

impl ToJson for Season {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qfield(q!("from"), &self.from);
        w.qfield(q!("to"), &self.to);
        w.end_object();
    }
}

impl ToJson for Basis {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        match self {
            Basis::Guidance { authority } => {
                w.qfield(q!("type"), "guidance");
                w.qfield(q!("authority"), authority);
            }
            Basis::Practice => w.qfield(q!("type"), "practice"),
            Basis::OnRequest => w.qfield(q!("type"), "onRequest"),
            Basis::AfterEvent { event } => {
                w.qfield(q!("type"), "afterEvent");
                w.qfield(q!("event"), event);
            }
            Basis::Other { text } => {
                w.qfield(q!("type"), "other");
                w.qfield(q!("text"), text);
            }
        }
        w.end_object();
    }
}

impl ToJson for Target {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qopt_field(q!("percent"), &self.percent);
        w.qopt_field(q!("quantifier"), &self.quantifier);
        w.qfield(q!("subject"), &self.subject);
        w.qfield(q!("outcome"), &self.outcome);
        w.end_object();
    }
}

impl ToJson for Phase {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qfield(q!("when"), &self.when);
        w.qopt_field(q!("activity"), &self.activity);
        w.qfield(q!("targets"), &self.targets);
        w.end_object();
    }
}

/// `text`, then the kind's tag and fields (flattened), then `span`.
impl ToJson for Timeframe {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        write_timeframe_fields(w, self);
        w.end_object();
    }
}

/// Writes the fields of `tf` (`text`, `kind` and the kind's fields, `span`) into the object
/// the caller has open: a timeframe flattened into another object, as `#[serde(flatten)]`.
///
/// ```
/// use kehoach::json::{JsonWriter, write_timeframe_fields};
/// let tf = kehoach::parse_timeframe("Năm 2021.", &kehoach::Locator::new(&kehoach::LineIndex::new("Năm 2021."))).0;
/// let mut out = String::new();
/// let mut w = JsonWriter::new(&mut out);
/// w.begin_object();
/// write_timeframe_fields(&mut w, &tf);
/// w.field("extra", &true);
/// w.end_object();
/// assert!(out.starts_with(r#"{"text":"Năm 2021.","kind":"point","#) && out.ends_with(r#","extra":true}"#));
/// ```
pub fn write_timeframe_fields(w: &mut JsonWriter<'_>, tf: &Timeframe) {
    w.qfield(q!("text"), &tf.text);
    write_kind(w, &tf.kind);
    w.qfield(q!("span"), &tf.span);
}

fn write_kind(w: &mut JsonWriter<'_>, kind: &TimeframeKind) {
    match kind {
        TimeframeKind::Point { at } => {
            w.qfield(q!("kind"), "point");
            w.qfield(q!("at"), at);
        }
        TimeframeKind::Range { start, end } => {
            w.qfield(q!("kind"), "range");
            w.qfield(q!("start"), start);
            w.qfield(q!("end"), end);
        }
        TimeframeKind::OpenEnded { start } => {
            w.qfield(q!("kind"), "openEnded");
            w.qfield(q!("start"), start);
        }
        TimeframeKind::Deadline { by, inclusive } => {
            w.qfield(q!("kind"), "deadline");
            w.qfield(q!("by"), by);
            w.qfield(q!("inclusive"), inclusive);
        }
        TimeframeKind::Recurring {
            freq,
            interval,
            continuous,
            within,
            due,
            season,
        } => {
            w.qfield(q!("kind"), "recurring");
            w.qfield(q!("freq"), freq);
            w.qfield(q!("interval"), interval);
            w.qfield(q!("continuous"), continuous);
            w.qopt_field(q!("within"), within);
            w.qopt_field(q!("due"), due);
            w.qopt_field(q!("season"), season);
        }
        TimeframeKind::Continuous { within } => {
            w.qfield(q!("kind"), "continuous");
            w.qopt_field(q!("within"), within);
        }
        TimeframeKind::Conditional { basis } => {
            w.qfield(q!("kind"), "conditional");
            w.qfield(q!("basis"), basis);
        }
        TimeframeKind::Phased { phases } => {
            w.qfield(q!("kind"), "phased");
            w.qfield(q!("phases"), phases);
        }
        TimeframeKind::Horizon { period, vision } => {
            w.qfield(q!("kind"), "horizon");
            w.qfield(q!("period"), period);
            w.qfield(q!("vision"), vision);
        }
        TimeframeKind::All { parts } => {
            w.qfield(q!("kind"), "all");
            w.qfield(q!("parts"), parts);
        }
        TimeframeKind::Unrecognized {} => w.qfield(q!("kind"), "unrecognized"),
    }
}
