//! JSON of timeframes: `kind`-tagged and flattened into the timeframe's object, as serde does.

use super::{JsonWriter, ToJson};
use crate::timeframe::{Basis, Due, Freq, Phase, Point, Season, Target, Timeframe, TimeframeKind};

impl ToJson for Point {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("year", &self.year);
        w.opt_field("half", &self.half);
        w.opt_field("quarter", &self.quarter);
        w.opt_field("month", &self.month);
        w.opt_field("day", &self.day);
        w.opt_field("span", &self.span);
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
        w.field("day", &self.day);
        w.opt_field("month", &self.month);
        w.field("inclusive", &self.inclusive);
        w.end_object();
    }
}

impl ToJson for Season {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("from", &self.from);
        w.field("to", &self.to);
        w.end_object();
    }
}

impl ToJson for Basis {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        match self {
            Basis::Guidance { authority } => {
                w.field("type", "guidance");
                w.field("authority", authority);
            }
            Basis::Practice => w.field("type", "practice"),
            Basis::OnRequest => w.field("type", "onRequest"),
            Basis::AfterEvent { event } => {
                w.field("type", "afterEvent");
                w.field("event", event);
            }
            Basis::Other { text } => {
                w.field("type", "other");
                w.field("text", text);
            }
        }
        w.end_object();
    }
}

impl ToJson for Target {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.opt_field("percent", &self.percent);
        w.opt_field("quantifier", &self.quantifier);
        w.field("subject", &self.subject);
        w.field("outcome", &self.outcome);
        w.end_object();
    }
}

impl ToJson for Phase {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("when", &self.when);
        w.opt_field("activity", &self.activity);
        w.field("targets", &self.targets);
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
    w.field("text", &tf.text);
    write_kind(w, &tf.kind);
    w.field("span", &tf.span);
}

fn write_kind(w: &mut JsonWriter<'_>, kind: &TimeframeKind) {
    match kind {
        TimeframeKind::Point { at } => {
            w.field("kind", "point");
            w.field("at", at);
        }
        TimeframeKind::Range { start, end } => {
            w.field("kind", "range");
            w.field("start", start);
            w.field("end", end);
        }
        TimeframeKind::OpenEnded { start } => {
            w.field("kind", "openEnded");
            w.field("start", start);
        }
        TimeframeKind::Deadline { by, inclusive } => {
            w.field("kind", "deadline");
            w.field("by", by);
            w.field("inclusive", inclusive);
        }
        TimeframeKind::Recurring {
            freq,
            interval,
            continuous,
            within,
            due,
            season,
        } => {
            w.field("kind", "recurring");
            w.field("freq", freq);
            w.field("interval", interval);
            w.field("continuous", continuous);
            w.opt_field("within", within);
            w.opt_field("due", due);
            w.opt_field("season", season);
        }
        TimeframeKind::Continuous { within } => {
            w.field("kind", "continuous");
            w.opt_field("within", within);
        }
        TimeframeKind::Conditional { basis } => {
            w.field("kind", "conditional");
            w.field("basis", basis);
        }
        TimeframeKind::Phased { phases } => {
            w.field("kind", "phased");
            w.field("phases", phases);
        }
        TimeframeKind::Horizon { period, vision } => {
            w.field("kind", "horizon");
            w.field("period", period);
            w.field("vision", vision);
        }
        TimeframeKind::All { parts } => {
            w.field("kind", "all");
            w.field("parts", parts);
        }
        TimeframeKind::Unrecognized {} => w.field("kind", "unrecognized"),
    }
}
