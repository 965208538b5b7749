//! Reading timeframes from JSON without serde's content buffering.
//!
//! `Timeframe` flattens its `kind`-tagged [`TimeframeKind`], and [`Basis`] is tagged by `type`:
//! derived, both deserialize by buffering every object into serde's generic `Content` tree and
//! reading it again, which compiled to about 90 KB of wasm (a third of the bindings' serde code,
//! measured with twiggy). Instead, each reads one flat struct holding every field any variant
//! has, then checks that the tag's fields are there. Same JSON in, same values out; only the
//! error messages differ ("missing field `at` for kind `point`"). Serialization is derived.

use super::model::{Basis, Due, Freq, Phase, Point, Season, Timeframe, TimeframeKind};
use crate::span::Span;
use serde::Deserialize;

/// Every field of every timeframe kind.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct TimeframeWire {
    text: String,
    kind: String,
    #[serde(default)]
    span: Span,
    #[serde(default)]
    at: Option<Point>,
    #[serde(default)]
    start: Option<Point>,
    #[serde(default)]
    end: Option<Point>,
    #[serde(default)]
    by: Option<Point>,
    #[serde(default)]
    inclusive: Option<bool>,
    #[serde(default)]
    freq: Option<Freq>,
    #[serde(default)]
    interval: Option<u32>,
    #[serde(default)]
    continuous: Option<bool>,
    #[serde(default)]
    within: Option<Box<Timeframe>>,
    #[serde(default)]
    due: Option<Due>,
    #[serde(default)]
    season: Option<Season>,
    #[serde(default)]
    basis: Option<Vec<Basis>>,
    #[serde(default)]
    phases: Option<Vec<Phase>>,
    #[serde(default)]
    period: Option<Box<Timeframe>>,
    #[serde(default)]
    vision: Option<Point>,
    #[serde(default)]
    parts: Option<Vec<Timeframe>>,
}

fn need<T>(v: Option<T>, field: &str, tag: &str) -> Result<T, String> {
    v.ok_or_else(|| format!("missing field `{field}` for kind `{tag}`"))
}

impl TryFrom<TimeframeWire> for Timeframe {
    type Error = String;

    fn try_from(w: TimeframeWire) -> Result<Self, String> {
        let k = w.kind.as_str();
        let kind = match k {
            "point" => TimeframeKind::Point {
                at: need(w.at, "at", k)?,
            },
            "range" => TimeframeKind::Range {
                start: need(w.start, "start", k)?,
                end: need(w.end, "end", k)?,
            },
            "openEnded" => TimeframeKind::OpenEnded {
                start: need(w.start, "start", k)?,
            },
            "deadline" => TimeframeKind::Deadline {
                by: need(w.by, "by", k)?,
                inclusive: need(w.inclusive, "inclusive", k)?,
            },
            "recurring" => TimeframeKind::Recurring {
                freq: need(w.freq, "freq", k)?,
                interval: need(w.interval, "interval", k)?,
                continuous: need(w.continuous, "continuous", k)?,
                within: w.within,
                due: w.due,
                season: w.season,
            },
            "continuous" => TimeframeKind::Continuous { within: w.within },
            "conditional" => TimeframeKind::Conditional {
                basis: need(w.basis, "basis", k)?,
            },
            "phased" => TimeframeKind::Phased {
                phases: need(w.phases, "phases", k)?,
            },
            "horizon" => TimeframeKind::Horizon {
                period: need(w.period, "period", k)?,
                vision: need(w.vision, "vision", k)?,
            },
            "all" => TimeframeKind::All {
                parts: need(w.parts, "parts", k)?,
            },
            "unrecognized" => TimeframeKind::Unrecognized {},
            other => {
                return Err(format!(
                    "unknown timeframe kind `{other}`, expected one of `point`, `range`, \
                     `openEnded`, `deadline`, `recurring`, `continuous`, `conditional`, \
                     `phased`, `horizon`, `all`, `unrecognized`"
                ));
            }
        };
        Ok(Timeframe {
            text: w.text.into(),
            kind,
            span: w.span,
        })
    }
}

/// Every field of every basis.
#[derive(Deserialize)]
pub(super) struct BasisWire {
    #[serde(rename = "type")]
    tag: String,
    #[serde(default)]
    authority: Option<String>,
    #[serde(default)]
    event: Option<String>,
    #[serde(default)]
    text: Option<String>,
}

impl TryFrom<BasisWire> for Basis {
    type Error = String;

    fn try_from(w: BasisWire) -> Result<Self, String> {
        let t = w.tag.as_str();
        Ok(match t {
            "guidance" => Basis::Guidance {
                authority: need(w.authority, "authority", t)?,
            },
            "practice" => Basis::Practice,
            "onRequest" => Basis::OnRequest,
            "afterEvent" => Basis::AfterEvent {
                event: need(w.event, "event", t)?,
            },
            "other" => Basis::Other {
                text: need(w.text, "text", t)?,
            },
            other => {
                return Err(format!(
                    "unknown basis type `{other}`, expected one of `guidance`, `practice`, \
                     `onRequest`, `afterEvent`, `other`"
                ));
            }
        })
    }
}
