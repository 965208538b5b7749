//! A plan with its amendment history: versions, the plan as at a date, unit histories.

use super::apply::apply_spanned;
use super::diff::{DiffEntry, diff};
use super::model::{Amendment, AmendmentResult, Change};
use crate::date::Date;
use crate::diagnostic::codes;
use crate::document::{Plan, Unit};
use crate::error::{Error, ErrorKind};
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// One version of a plan: the amendment that made it, when it took effect, and what changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Version {
    /// 1-based version number (the original plan is version 0).
    pub number: usize,
    /// The amending document.
    pub amendment: Amendment,
    /// The date this version takes effect.
    pub effective: Date,
    /// What changed from the previous version.
    pub changes: Vec<Change>,
    /// The plan as amended.
    #[serde(skip)]
    pub plan: Plan,
}

/// A repealed unit, kept with the document that repealed it: nothing is ever lost.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RepealedUnit {
    /// The unit as it stood when repealed (with its sub-units).
    pub unit: Unit,
    /// Symbol of the repealing document.
    pub by: String,
    /// Date the repeal took effect.
    pub effective: Date,
    /// The version that repealed it.
    pub version: usize,
}

/// Something that happened to a unit in one version.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UnitEvent {
    /// The version.
    pub version: usize,
    /// Symbol of the amending document.
    pub by: String,
    /// When it took effect.
    pub effective: Date,
    /// The change.
    pub change: Change,
}

/// A plan with its amendment history.
///
/// Ids are stable: a unit no operation touches keeps its eid in every version; a renumbered
/// unit gets the eid of its new number and keeps its first eid as `wId`; a repealed unit
/// leaves the current plan but stays in earlier versions and in [`repealed`](Self::repealed).
///
/// Serialized as `{ "original": Plan, "amendments": [Amendment] }`; reading it back re-applies
/// the amendments (and fails with `invalid-amendment` if one no longer applies).
///
/// ```
/// use kehoach::amend::{Amendment, VersionedPlan};
/// use kehoach::Date;
/// let mut vp = VersionedPlan::new(kehoach::parse(kehoach::SEED_PLAN).plan);
/// let a: Amendment = serde_json::from_str(r#"{ "symbol": "35/KH-UBND", "date": "2021-03-01",
///   "effective": "2021-03-15", "operations": [{ "op": "repeal", "target": "II.3.b" }] }"#).unwrap();
/// assert!(vp.amend(&a).applied);
/// let before = vp.as_at(Date::from_ymd(2021, 3, 14).unwrap());
/// assert_eq!(before.find_number("II.3.b").len(), 1);
/// assert!(vp.as_at(Date::from_ymd(2021, 3, 15).unwrap()).find_number("II.3.b").is_empty());
/// assert_eq!(vp.repealed()[0].by, "35/KH-UBND");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct VersionedPlan {
    original: Plan,
    versions: Vec<Version>,
}

impl VersionedPlan {
    /// A plan with no amendment yet.
    pub fn new(plan: Plan) -> Self {
        VersionedPlan {
            original: plan,
            versions: Vec::new(),
        }
    }

    /// Rebuilds the history by applying amendments in order.
    pub fn from_parts(original: Plan, amendments: &[Amendment]) -> Result<Self, Error> {
        let mut vp = VersionedPlan::new(original);
        for (i, a) in amendments.iter().enumerate() {
            let r = vp.amend(a);
            if !r.applied {
                let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code).collect();
                return Err(Error::new(
                    ErrorKind::InvalidAmendment,
                    format!(
                        "amendment {} no longer applies: {}",
                        i + 1,
                        codes.join(", ")
                    ),
                ));
            }
        }
        Ok(vp)
    }

    /// The plan as issued.
    pub fn original(&self) -> &Plan {
        &self.original
    }

    /// The latest version.
    pub fn current(&self) -> &Plan {
        self.versions.last().map_or(&self.original, |v| &v.plan)
    }

    /// The amended versions, oldest first.
    pub fn versions(&self) -> &[Version] {
        &self.versions
    }

    /// The amendments, in order.
    pub fn amendments(&self) -> Vec<&Amendment> {
        self.versions.iter().map(|v| &v.amendment).collect()
    }

    /// Applies an amendment to the latest version (atomically: on failure nothing changes).
    ///
    /// Besides [`apply`](super::apply)'s checks, the amendment needs a date or an effective
    /// date (`amend/missing-date`) no earlier than the latest version's (`amend/out-of-order`).
    pub fn amend(&mut self, amendment: &Amendment) -> AmendmentResult {
        self.amend_spanned(amendment, &[])
    }

    pub(crate) fn amend_spanned(
        &mut self,
        amendment: &Amendment,
        spans: &[Span],
    ) -> AmendmentResult {
        let mut r = apply_spanned(self.current(), amendment, spans);
        let mut extra = Vec::new();
        let effective = amendment.effective_date();
        match (effective, self.versions.last()) {
            (None, _) => extra.push(codes::amend_missing_date(Span::default())),
            (Some(e), Some(last)) if e < last.effective => {
                extra.push(codes::amend_out_of_order(
                    Span::default(),
                    e,
                    last.effective,
                ));
            }
            _ => {}
        }
        if !extra.is_empty() {
            extra.extend(r.diagnostics.into_iter().filter(|d| d.is_error()));
            return AmendmentResult {
                applied: false,
                plan: self.current().clone(),
                changes: Vec::new(),
                diagnostics: extra,
                amendment: r.amendment,
            };
        }
        if let (true, Some(effective)) = (r.applied, effective) {
            self.versions.push(Version {
                number: self.versions.len() + 1,
                amendment: amendment.clone(),
                effective,
                changes: r.changes.clone(),
                plan: r.plan.clone(),
            });
            r.plan = self.current().clone();
        }
        r
    }

    /// The plan as it stood on `date`: the latest version in effect (the original before the
    /// first amendment takes effect).
    pub fn as_at(&self, date: Date) -> &Plan {
        self.versions
            .iter()
            .rev()
            .find(|v| v.effective <= date)
            .map_or(&self.original, |v| &v.plan)
    }

    /// The version number in effect on `date` (0 for the original).
    pub fn version_at(&self, date: Date) -> usize {
        self.versions
            .iter()
            .rev()
            .find(|v| v.effective <= date)
            .map_or(0, |v| v.number)
    }

    /// The plan of a version number (0: the original).
    pub fn version(&self, number: usize) -> Option<&Plan> {
        match number {
            0 => Some(&self.original),
            n => self.versions.get(n - 1).map(|v| &v.plan),
        }
    }

    /// Every repealed unit, with the document that repealed it.
    pub fn repealed(&self) -> Vec<RepealedUnit> {
        let mut out = Vec::new();
        for v in &self.versions {
            for c in v.changes.iter().filter(|c| c.op == "repeal") {
                if let Some(u) = &c.before {
                    out.push(RepealedUnit {
                        unit: (**u).clone(),
                        by: v.amendment.symbol.clone(),
                        effective: v.effective,
                        version: v.number,
                    });
                }
            }
        }
        out
    }

    /// What happened to a unit (by eid or original id), oldest first.
    pub fn history(&self, eid: &str) -> Vec<UnitEvent> {
        let mut ids = vec![eid.to_string()];
        let mut out = Vec::new();
        for v in &self.versions {
            for c in &v.changes {
                let hit = |u: &Option<Box<Unit>>| {
                    u.as_ref().is_some_and(|u| {
                        ids.iter()
                            .any(|i| u.eid == *i || u.w_id.as_ref().is_some_and(|w| w == i))
                    })
                };
                if hit(&c.before) || hit(&c.after) || ids.contains(&c.eid) {
                    if !ids.contains(&c.eid) {
                        ids.push(c.eid.clone());
                    }
                    out.push(UnitEvent {
                        version: v.number,
                        by: v.amendment.symbol.clone(),
                        effective: v.effective,
                        change: c.clone(),
                    });
                }
            }
        }
        out
    }

    /// The structural diff between the plan as at two dates.
    pub fn diff_between(&self, from: Date, to: Date) -> Vec<DiffEntry> {
        diff(self.as_at(from), self.as_at(to))
    }
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct VersionedWire {
    original: Plan,
    amendments: Vec<Amendment>,
}

impl Serialize for VersionedPlan {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        VersionedWire {
            original: self.original.clone(),
            amendments: self.versions.iter().map(|v| v.amendment.clone()).collect(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for VersionedPlan {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let w = VersionedWire::deserialize(d)?;
        VersionedPlan::from_parts(w.original, &w.amendments).map_err(serde::de::Error::custom)
    }
}
