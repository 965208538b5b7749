//! Structural diff between two versions of a plan, by element id, and human renderings.

use super::model::Change;
use crate::diagnostic::Lang;
use crate::document::{BlockKind, Plan, Unit};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write;

/// How a unit differs between two versions.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DiffKind {
    /// Only in the newer version.
    Added,
    /// Only in the older version (repealed).
    Removed,
    /// In both, with another content.
    Modified,
    /// In both, with another number (matched through `wId`); `fields` lists content changes.
    Renumbered,
}

/// A unit's content in a diff: number and texts, without spans.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnitSummary {
    /// Number path.
    pub number: String,
    /// Heading (sections and parts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// Body text (paragraphs and dash lines, one per line).
    pub text: String,
    /// Lead agencies as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leads: Option<String>,
    /// Cooperating agencies as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partners: Option<String>,
    /// Timeframe as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeframe: Option<String>,
}

impl UnitSummary {
    /// The summary of a unit (its own content, not its sub-units).
    pub fn of(u: &Unit) -> Self {
        let text = u
            .blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Field)
            .map(|b| match b.kind {
                BlockKind::Dash => format!("- {}", b.text),
                _ => b.text.as_str().to_owned(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        UnitSummary {
            number: u.number.as_str().to_owned(),
            heading: u.heading.as_ref().map(|h| h.text.clone()),
            text,
            leads: u.leads.as_ref().map(|l| l.text.as_str().to_owned()),
            partners: u.partners.as_ref().map(|l| l.text.as_str().to_owned()),
            timeframe: u.timeframe.as_ref().map(|t| t.text.as_str().to_owned()),
        }
    }

    /// Names of the fields that differ (`heading`, `text`, `leads`, `partners`, `timeframe`).
    pub fn changed_fields(&self, other: &UnitSummary) -> Vec<String> {
        let mut out = Vec::new();
        if self.heading != other.heading {
            out.push("heading".to_string());
        }
        if self.text != other.text {
            out.push("text".to_string());
        }
        if self.leads != other.leads {
            out.push("leads".to_string());
        }
        if self.partners != other.partners {
            out.push("partners".to_string());
        }
        if self.timeframe != other.timeframe {
            out.push("timeframe".to_string());
        }
        out
    }

    fn field(&self, name: &str) -> Option<&str> {
        match name {
            "heading" => self.heading.as_deref(),
            "text" => Some(&self.text),
            "leads" => self.leads.as_deref(),
            "partners" => self.partners.as_deref(),
            "timeframe" => self.timeframe.as_deref(),
            _ => None,
        }
    }
}

/// One unit that differs.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DiffEntry {
    /// How.
    pub kind: DiffKind,
    /// Element id in the newer version (in the older one for `removed`).
    pub eid: String,
    /// For `renumbered`: the element id in the older version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_eid: Option<String>,
    /// Number path in the newer version (in the older one for `removed`).
    pub number: String,
    /// Content fields that differ (`heading`, `text`, `leads`, `partners`, `timeframe`).
    pub fields: Vec<String>,
    /// The unit in the older version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<UnitSummary>,
    /// The unit in the newer version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<UnitSummary>,
}

/// The units that differ between two versions: removed ones (older version's order), then
/// added, modified and renumbered ones (newer version's order).
///
/// ```
/// use kehoach::amend::{apply, diff, Amendment, DiffKind};
/// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
/// let a: Amendment = serde_json::from_str(r#"{ "symbol": "35/KH-UBND", "operations": [
///   { "op": "renumber", "target": "sec_II__para_2__point_d_2", "to": "đ" } ] }"#).unwrap();
/// let d = diff(&plan, &apply(&plan, &a).plan);
/// assert_eq!(d.len(), 1);
/// assert_eq!(d[0].kind, DiffKind::Renumbered);
/// assert_eq!(d[0].previous_eid.as_deref(), Some("sec_II__para_2__point_d_2"));
/// assert_eq!(d[0].eid, "sec_II__para_2__point_dd");
/// ```
pub fn diff(older: &Plan, newer: &Plan) -> Vec<DiffEntry> {
    let mut by_eid: BTreeMap<&str, &Unit> = BTreeMap::new();
    let mut by_wid: BTreeMap<&str, &Unit> = BTreeMap::new();
    older.walk(&mut |u| {
        by_eid.insert(&u.eid, u);
        if let Some(w) = &u.w_id {
            by_wid.insert(w, u);
        }
    });
    let mut matched: BTreeMap<String, ()> = BTreeMap::new();
    let mut rest = Vec::new();
    newer.walk(&mut |u| {
        let old = by_eid.get(u.eid.as_str()).copied().or_else(|| {
            u.w_id
                .as_deref()
                .and_then(|w| by_eid.get(w).copied().or_else(|| by_wid.get(w).copied()))
        });
        let after = UnitSummary::of(u);
        match old {
            None => rest.push(DiffEntry {
                kind: DiffKind::Added,
                eid: u.eid.as_str().to_owned(),
                previous_eid: None,
                number: u.number.as_str().to_owned(),
                fields: Vec::new(),
                before: None,
                after: Some(after),
            }),
            Some(o) => {
                matched.insert(o.eid.as_str().to_owned(), ());
                let before = UnitSummary::of(o);
                let fields = before.changed_fields(&after);
                let renumbered = o.eid != u.eid || o.number != u.number;
                if renumbered || !fields.is_empty() {
                    rest.push(DiffEntry {
                        kind: if renumbered {
                            DiffKind::Renumbered
                        } else {
                            DiffKind::Modified
                        },
                        eid: u.eid.as_str().to_owned(),
                        previous_eid: (o.eid != u.eid).then(|| o.eid.as_str().to_owned()),
                        number: u.number.as_str().to_owned(),
                        fields,
                        before: Some(before),
                        after: Some(after),
                    });
                }
            }
        }
    });
    let mut out = Vec::new();
    older.walk(&mut |u| {
        if !matched.contains_key(u.eid.as_str()) {
            out.push(DiffEntry {
                kind: DiffKind::Removed,
                eid: u.eid.as_str().to_owned(),
                previous_eid: None,
                number: u.number.as_str().to_owned(),
                fields: Vec::new(),
                before: Some(UnitSummary::of(u)),
                after: None,
            });
        }
    });
    out.extend(rest);
    out
}

fn short(s: &str) -> String {
    let one = s.replace('\n', " ");
    if one.chars().count() <= 80 {
        one
    } else {
        let mut t: String = one.chars().take(77).collect();
        t.push('…');
        t
    }
}

fn field_name(f: &str, lang: Lang) -> &str {
    match (f, lang) {
        ("heading", Lang::Vi) => "tiêu đề",
        ("text", Lang::Vi) => "nội dung",
        ("leads", Lang::Vi) => "cơ quan chủ trì",
        ("partners", Lang::Vi) => "cơ quan phối hợp",
        ("timeframe", Lang::Vi) => "thời gian thực hiện",
        (f, _) => f,
    }
}

/// Renders a diff for people, one line per unit (and one per changed field):
///
/// ```text
/// - II.3.b  bãi bỏ: “Nâng cấp, cập nhật Kiến trúc …”
/// ~ II.6.c  thời gian thực hiện: “Năm 2021- 2025.” → “Năm 2021 - 2027.”
/// + II.8.g  bổ sung: “Xây dựng nền tảng …”
/// → II.2.d → II.2.đ  đánh số lại (sec_II__para_2__point_d_2 → sec_II__para_2__point_dd)
/// ```
pub fn render_diff(entries: &[DiffEntry], lang: Lang) -> String {
    let mut out = String::new();
    let vi = lang == Lang::Vi;
    for e in entries {
        match e.kind {
            DiffKind::Removed => {
                let text = e
                    .before
                    .as_ref()
                    .map(|b| short(&b.text))
                    .unwrap_or_default();
                let w = if vi { "bãi bỏ" } else { "repealed" };
                let _ = writeln!(out, "- {}  {w}: “{text}”", e.number);
            }
            DiffKind::Added => {
                let text = e.after.as_ref().map(|b| short(&b.text)).unwrap_or_default();
                let w = if vi { "bổ sung" } else { "added" };
                let _ = writeln!(out, "+ {}  {w}: “{text}”", e.number);
            }
            DiffKind::Modified | DiffKind::Renumbered => {
                if e.kind == DiffKind::Renumbered {
                    let from = e.before.as_ref().map_or("", |b| b.number.as_str());
                    let w = if vi {
                        "đánh số lại"
                    } else {
                        "renumbered"
                    };
                    let ids = match &e.previous_eid {
                        Some(p) => format!(" ({p} → {})", e.eid),
                        None => String::new(),
                    };
                    let _ = writeln!(out, "→ {from} → {}  {w}{ids}", e.number);
                }
                for f in &e.fields {
                    let get = |s: &Option<UnitSummary>| {
                        s.as_ref().and_then(|x| x.field(f)).map_or_else(
                            || {
                                if vi {
                                    "(không có)".to_string()
                                } else {
                                    "(none)".to_string()
                                }
                            },
                            |t| format!("“{}”", short(t)),
                        )
                    };
                    let _ = writeln!(
                        out,
                        "~ {}  {}: {} → {}",
                        e.number,
                        field_name(f, lang),
                        get(&e.before),
                        get(&e.after)
                    );
                }
            }
        }
    }
    out
}

/// Renders the changes of an applied amendment for people (same line format as
/// [`render_diff`], in operation order).
pub fn render_changes(changes: &[Change], lang: Lang) -> String {
    let mut out = String::new();
    for c in changes {
        let before = c.before.as_deref();
        let after = c.after.as_deref();
        let (older, newer) = (plan_of(before), plan_of(after));
        let mut entries = diff(&older, &newer);
        // A renumbered unit's sub-units follow it; keep the unit's own entry first.
        entries.sort_by_key(|e| e.eid != c.eid && e.previous_eid.as_deref() != Some(&c.eid));
        out.push_str(&render_diff(&entries, lang));
    }
    out
}

fn plan_of(u: Option<&Unit>) -> Plan {
    Plan {
        body: u.into_iter().cloned().collect(),
        ..Plan::default()
    }
}
