//! Reading operations from JSON without serde's content buffering: [`Operation`] is tagged by
//! `op`, and a derived internally tagged enum buffers each object into serde's generic
//! `Content` tree before reading it again (much larger wasm). Instead it reads one flat struct
//! with every field any operation has, then checks that the operation's fields are there. Same
//! JSON in, same values out; only error messages differ.

use super::model::{Operation, Target};
use crate::document::UnitKind;
use serde::Deserialize;

/// Every field of every operation.
#[derive(Deserialize)]
pub(super) struct OperationWire {
    op: String,
    #[serde(default)]
    target: Option<Target>,
    #[serde(default)]
    heading: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    leads: Option<String>,
    #[serde(default)]
    partners: Option<String>,
    #[serde(default)]
    timeframe: Option<String>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    after: Option<Target>,
    #[serde(default)]
    before: Option<Target>,
    #[serde(default)]
    into: Option<Target>,
    #[serde(default)]
    number: Option<String>,
    #[serde(default)]
    kind: Option<UnitKind>,
    #[serde(default)]
    to: Option<String>,
    #[serde(default)]
    find: Option<String>,
    #[serde(default)]
    replace: Option<String>,
    #[serde(default)]
    replaced: Option<String>,
    #[serde(default, rename = "headingOnly")]
    heading_only: Option<bool>,
}

fn need<T>(v: Option<T>, field: &str, op: &str) -> Result<T, String> {
    v.ok_or_else(|| format!("missing field `{field}` for op `{op}`"))
}

impl TryFrom<OperationWire> for Operation {
    type Error = String;

    fn try_from(w: OperationWire) -> Result<Self, String> {
        let o = w.op.as_str();
        Ok(match o {
            "substitute" => Operation::Substitute {
                target: need(w.target, "target", o)?,
                heading: w.heading,
                text: w.text,
                leads: w.leads,
                partners: w.partners,
                timeframe: w.timeframe,
                unit: w.unit,
            },
            "insert" => Operation::Insert {
                after: w.after,
                before: w.before,
                into: w.into,
                number: w.number,
                kind: w.kind,
                text: need(w.text, "text", o)?,
            },
            "repeal" => Operation::Repeal {
                target: need(w.target, "target", o)?,
            },
            "renumber" => Operation::Renumber {
                target: need(w.target, "target", o)?,
                to: need(w.to, "to", o)?,
            },
            "replacePhrase" => Operation::ReplacePhrase {
                target: need(w.target, "target", o)?,
                find: need(w.find, "find", o)?,
                replace: w.replace.unwrap_or_default(),
                heading_only: w.heading_only.unwrap_or(false),
            },
            "correct" => Operation::Correct {
                target: need(w.target, "target", o)?,
                find: need(w.find, "find", o)?,
                replace: need(w.replace, "replace", o)?,
                heading_only: w.heading_only.unwrap_or(false),
            },
            "replacePlan" => Operation::ReplacePlan {
                replaced: need(w.replaced, "replaced", o)?,
            },
            other => {
                return Err(format!(
                    "unknown op `{other}`, expected one of `substitute`, `insert`, `repeal`, \
                     `renumber`, `replacePhrase`, `correct`, `replacePlan`"
                ));
            }
        })
    }
}
