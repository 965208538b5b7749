//! The amendment as data: [`Amendment`], its [`Operation`]s and [`Target`]s, and the
//! [`AmendmentResult`] with its [`Change`]s.

use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::document::{Plan, Unit, UnitKind};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An amending document: who amends, when, and the operations in order.
///
/// ```
/// use kehoach::amend::{Amendment, Operation, Target};
/// let a: Amendment = serde_json::from_str(r#"{
///   "symbol": "15/KH-UBND", "date": "2021-03-01",
///   "operations": [{ "op": "repeal", "target": "II.3.b" }]
/// }"#).unwrap();
/// assert_eq!(a.operations[0], Operation::Repeal { target: Target::number("II.3.b") });
/// assert_eq!(a.effective_date().unwrap().to_string(), "2021-03-01");
/// ```
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Amendment {
    /// Number and symbol of the amending document ("15/KH-UBND"); empty when unknown.
    #[serde(default)]
    pub symbol: String,
    /// Date of issue of the amending document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Date the amendment takes effect (defaults to `date`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    /// Title or summary of the amending document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The operations, applied in order (a later one sees the effect of earlier ones).
    pub operations: Vec<Operation>,
}

impl Amendment {
    /// The effective date, falling back to the date of issue.
    pub fn effective_date(&self) -> Option<Date> {
        self.effective.or(self.date)
    }

    /// Reads an amendment from JSON (`invalid-json` error with line and column on failure).
    pub fn from_json(json: &str) -> Result<Self, crate::Error> {
        Ok(serde_json::from_str(json)?)
    }
}

/// One amending operation, tagged by `"op"` in JSON.
///
/// Unit text (`text` of an insert, `unit` of a substitute) is written as in the plan, one line
/// per paragraph, dash line or field (`- Cơ quan chủ trì: …`); the designation ("g)") may be
/// given or left out. It is parsed with the document parser, so leads and timeframe are
/// derived exactly as for the original plan.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "op",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    try_from = "super::wire::OperationWire"
)]
pub enum Operation {
    /// Replace parts of a unit (its heading, body text, lead agencies, partners, timeframe) or,
    /// with `unit`, the whole unit (blocks and sub-units; id and number are kept).
    Substitute {
        /// The unit.
        target: Target,
        /// New heading (sections and parts).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        heading: Option<String>,
        /// New body text (paragraphs and dash lines; fields are kept).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        text: Option<String>,
        /// New value of the lead-agency field ("Sở Y tế.").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        leads: Option<String>,
        /// New value of the cooperating-agency field.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        partners: Option<String>,
        /// New value of the timeframe field ("Năm 2021 - 2027.").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        timeframe: Option<String>,
        /// The whole new unit text (exclusive with the fields above).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// Insert a new unit before or after a unit, or as the last sub-unit of one (`into`).
    Insert {
        /// Insert right after this unit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<Target>,
        /// Insert right before this unit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        before: Option<Target>,
        /// Append as the last sub-unit of this unit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        into: Option<Target>,
        /// The new designation ("g", "3a"); when absent, the marker at the start of `text`, or
        /// the inserted-unit rule for `after` (`đ` → `đ1`, `3` → `3a`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        number: Option<String>,
        /// Kind of the new unit for `into` when the parent has no sub-units yet.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kind: Option<UnitKind>,
        /// The unit's text.
        text: String,
    },
    /// Repeal (bãi bỏ) a unit with its sub-units; it stays in the version history.
    Repeal {
        /// The unit.
        target: Target,
    },
    /// Give a unit a new designation ("d" → "đ"); its id changes with it and the original id
    /// is kept as `wId`.
    Renumber {
        /// The unit.
        target: Target,
        /// The new designation.
        to: String,
    },
    /// Replace (or, with an empty `replace`, remove) every occurrence of a phrase in a unit
    /// and its sub-units.
    ReplacePhrase {
        /// The unit.
        target: Target,
        /// The phrase as written in the plan.
        find: String,
        /// The replacement; empty to remove the phrase.
        #[serde(default)]
        replace: String,
        /// Only in the unit's name ("tại tên Điều 3"), not its text or sub-units.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        heading_only: bool,
    },
    /// The whole plan is replaced by a new one ("Kế hoạch này thay thế Kế hoạch số 076/KH-UBND
    /// …"). No operation can produce the new plan: applying this one fails with
    /// `amend/plan-replaced`, and the new plan is parsed on its own (its
    /// [`crate::document::Metadata::replaces`] names the old one).
    ReplacePlan {
        /// Number and symbol of the replaced plan ("076/KH-UBND").
        replaced: String,
    },
    /// Correct (đính chính) the form of a phrase: a typo or a wrong diacritic. Numbers,
    /// document symbols and the parsed timeframe must stay the same and the edit must be small,
    /// or the operation fails with `amend/correction-changes-content`.
    Correct {
        /// The unit.
        target: Target,
        /// The phrase as written in the plan.
        find: String,
        /// The corrected form.
        replace: String,
        /// Only in the unit's name, not its text or sub-units.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        heading_only: bool,
    },
}

impl Operation {
    /// The operation's name as in JSON (`substitute`, `insert`, …).
    pub fn name(&self) -> &'static str {
        match self {
            Operation::Substitute { .. } => "substitute",
            Operation::Insert { .. } => "insert",
            Operation::Repeal { .. } => "repeal",
            Operation::Renumber { .. } => "renumber",
            Operation::ReplacePhrase { .. } => "replacePhrase",
            Operation::Correct { .. } => "correct",
            Operation::ReplacePlan { .. } => "replacePlan",
        }
    }

    /// A substitute of the given unit with every field empty (fill the ones to replace).
    pub fn substitute(target: Target) -> Self {
        Operation::Substitute {
            target,
            heading: None,
            text: None,
            leads: None,
            partners: None,
            timeframe: None,
            unit: None,
        }
    }
}

/// The unit an operation applies to: a number path ("II.3.b"; with `occurrence` for a
/// duplicated designation) or an element id (eid, or the `wId` of a renumbered unit).
///
/// In JSON: `{ "number": "II.3.b" }`, `{ "number": "II.2.d", "occurrence": 2 }`,
/// `{ "eid": "sec_II__para_2__point_d_2" }`, or a plain string: an eid if it contains `__` or
/// starts with `sec_`, else a number path.
///
/// ```
/// use kehoach::amend::Target;
/// let t: Target = serde_json::from_str(r#""sec_II__para_2__point_d_2""#).unwrap();
/// assert_eq!(t, Target::eid("sec_II__para_2__point_d_2"));
/// let t: Target = serde_json::from_str(r#"{ "number": "II.2.d", "occurrence": 2 }"#).unwrap();
/// assert_eq!(t.to_string(), "II.2.d (thứ 2)");
/// ```
#[cfg_attr(
    feature = "ts",
    derive(tsify::Tsify),
    tsify(type = "string | { number: string; occurrence?: number } | { eid: string }")
)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// A number path as written ("II.3.b").
    Number {
        /// The path.
        path: String,
        /// 1-based occurrence among units with this path (duplicated letters).
        occurrence: Option<u32>,
    },
    /// An element id.
    Eid(String),
}

impl Target {
    /// The whole plan ("trong toàn bộ Kế hoạch"): the empty number path. Only phrase
    /// operations (replace, remove, insert a phrase; correct) take it.
    pub fn whole_plan() -> Self {
        Target::number("")
    }

    /// Whether this is [`Target::whole_plan`].
    pub fn is_whole_plan(&self) -> bool {
        matches!(self, Target::Number { path, .. } if path.is_empty())
    }

    /// A number-path target.
    pub fn number(path: impl Into<String>) -> Self {
        Target::Number {
            path: path.into(),
            occurrence: None,
        }
    }

    /// An eid target.
    pub fn eid(eid: impl Into<String>) -> Self {
        Target::Eid(eid.into())
    }

    /// Classifies a plain string: an eid if it contains `__` or starts with `sec_`.
    pub fn parse(s: &str) -> Self {
        let s = s.trim();
        if s.contains("__") || s.starts_with("sec_") {
            Target::eid(s)
        } else {
            Target::number(s.trim_end_matches([')', '.']))
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Number { path, .. } if path.is_empty() => write!(f, "toàn bộ kế hoạch"),
            Target::Number {
                path,
                occurrence: None,
            } => write!(f, "{path}"),
            Target::Number {
                path,
                occurrence: Some(n),
            } => write!(f, "{path} (thứ {n})"),
            Target::Eid(e) => write!(f, "eid {e}"),
        }
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum TargetWire {
    Object {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        number: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        occurrence: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        eid: Option<String>,
    },
}

impl Serialize for Target {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Target::Number { path, occurrence } => TargetWire::Object {
                number: Some(path.clone()),
                occurrence: *occurrence,
                eid: None,
            },
            Target::Eid(e) => TargetWire::Object {
                number: None,
                occurrence: None,
                eid: Some(e.clone()),
            },
        }
        .serialize(s)
    }
}

/// Reads a target: a string ([`Target::parse`]) or `{ "number", "occurrence"? }` /
/// `{ "eid" }` (other keys ignored). A hand-written visitor rather than an untagged enum,
/// whose derived code buffers the value into serde's `Content` first (larger wasm).
struct TargetVisitor;

impl<'de> serde::de::Visitor<'de> for TargetVisitor {
    type Value = Target;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a target: \"II.3.b\", { \"number\": \"II.3.b\" } or { \"eid\": \"…\" }")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Target, E> {
        Ok(Target::parse(v))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Target, A::Error> {
        let (mut number, mut occurrence, mut eid) = (None, None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "number" => number = map.next_value::<Option<String>>()?,
                "occurrence" => occurrence = map.next_value::<Option<u32>>()?,
                "eid" => eid = map.next_value::<Option<String>>()?,
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        match (number, eid) {
            (None, Some(e)) => Ok(Target::Eid(e)),
            (Some(path), None) => Ok(Target::Number { path, occurrence }),
            _ => Err(serde::de::Error::custom(
                "a target is { \"number\": \"II.3.b\" } or { \"eid\": \"…\" } (exactly one)",
            )),
        }
    }
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TargetVisitor)
    }
}

/// What an applied operation did to one unit.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// The operation (`substitute`, `insert`, `repeal`, `renumber`, `replacePhrase`,
    /// `correct`).
    pub op: String,
    /// The unit's id after the change (for a repeal: the id it had).
    pub eid: String,
    /// The unit's number path after the change (for a repeal: the one it had).
    pub number: String,
    /// The unit before (absent for an insert).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Box<Unit>>,
    /// The unit after (absent for a repeal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Box<Unit>>,
}

/// The outcome of applying an amendment: all operations applied, or none.
///
/// When `applied` is false, `plan` is the input plan unchanged, `changes` is empty and
/// `diagnostics` holds every problem found.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AmendmentResult {
    /// True when every operation applied.
    pub applied: bool,
    /// The amended plan (or the input plan when not applied).
    pub plan: Plan,
    /// What changed, one entry per affected unit, in operation order.
    pub changes: Vec<Change>,
    /// Problems (errors prevent applying).
    pub diagnostics: Vec<Diagnostic>,
    /// The amendment as understood (useful for Vietnamese instruction text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amendment: Option<Amendment>,
}

impl AmendmentResult {
    /// The diagnostic codes, in order (for assertions).
    pub fn codes(&self) -> Vec<&'static str> {
        self.diagnostics.iter().map(|d| d.code).collect()
    }
}
