//! Succession over time: dated reorganization records and the query "who holds this agency's
//! duties on this date".

use super::registry::Registry;
use super::{Agency, Change, Confidence, Current, Text};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, codes};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Longest chain followed (guards against cycles in user data).
const MAX_DEPTH: usize = 16;
/// Most holders returned for one agency (guards against exploding splits in user data).
const MAX_HOLDERS: usize = 64;

/// One reorganization: the body `from` passed its duties to `to` on `effective`.
///
/// In the data, `from` and the targets' `id`s are registry ids; `fromName` and the targets'
/// `name`s keep the names as the source states them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Event {
    /// Registry id of the body reorganized.
    pub from: Text,
    /// Its name as the source states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_name: Option<Text>,
    /// The province the record is about ("Quảng Ngãi"), for a province's own decision; `null`
    /// for a national record (a ministry, or the pattern every province follows). A body is
    /// followed by the records of its province where there are any, else by the national ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<Text>,
    /// What happened.
    pub change: Change,
    /// A step that only consolidates the body with its counterpart of another province and keeps
    /// its name (01/07/2025): listed in chains, but it does not move `since` (module docs).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub consolidation: bool,
    /// Effective date; `null` when the sources do not give it (see `notBefore`).
    pub effective: Option<Date>,
    /// When `effective` is unknown: the date from which the change certainly applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before: Option<Date>,
    /// Successors (several for a split or an abolition).
    pub to: Vec<Target>,
    /// Legal basis.
    pub basis: Text,
    /// Main source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
    /// Further sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Text>,
    /// How sure the sources are.
    pub confidence: Confidence,
    /// What the sources mark uncertain or inferred.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uncertain: Vec<Text>,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Reorganization wave ("2025-03").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wave: Option<Text>,
}

/// A successor in an [`Event`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Target {
    /// Registry id.
    pub id: Text,
    /// Name as the source states it ("Sở Khoa học và Công nghệ tỉnh Quảng Ngãi").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// What this successor took over, for a split or an abolition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<Text>,
}

/// One step of a succession chain (in [`Current::chain`]).
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// The body before the step, as the source names it.
    pub from: String,
    /// The body after the step, as the source names it.
    pub to: String,
    /// What happened.
    #[cfg_attr(feature = "ts", tsify(type = "AgencyChange"))]
    pub change: Change,
    /// A same-name consolidation (province merger).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub consolidation: bool,
    /// Effective date (`null` when unknown).
    pub date: Option<Date>,
    /// Legal basis.
    pub basis: String,
    /// How sure the sources are.
    pub confidence: Confidence,
    /// Source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// What this successor took over.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<String>,
}

/// A step of a succession walk, borrowing the registry's records: made an owned [`Step`] only
/// for the holders the walk reaches (the walk made every step it tried owned, then copied the
/// chain into each holder).
#[derive(Clone, Copy)]
struct StepRef<'r> {
    /// The body before the step, as the source names it.
    from: &'r str,
    /// The body after the step, as the source names it.
    to: &'r str,
    /// The record.
    event: &'r Event,
    /// The successor taken.
    target: &'r Target,
}

impl StepRef<'_> {
    /// What this successor took over.
    fn functions(&self) -> Vec<String> {
        self.target
            .functions
            .iter()
            .map(|f| f.to_string())
            .collect()
    }

    /// The owned step.
    fn owned(&self) -> Step {
        let ev = self.event;
        Step {
            from: self.from.to_string(),
            to: self.to.to_string(),
            change: ev.change,
            consolidation: ev.consolidation,
            date: ev.effective,
            basis: ev.basis.to_string(),
            confidence: ev.confidence,
            source: ev.source.as_deref().map(str::to_string),
            functions: self.functions(),
        }
    }
}

/// A holder with no recorded reorganization.
pub(crate) fn unrecorded(name: &str, id: Option<&str>) -> Current {
    Current {
        name: name.to_string(),
        since: None,
        change: Change::Unchanged,
        basis: None,
        id: id.map(str::to_string),
        official_name: None,
        confidence: None,
        functions: Vec::new(),
        source: None,
        uncertain: Vec::new(),
        chain: Vec::new(),
    }
}

impl Registry {
    /// Who holds the duties of the agency named `name` (any name, abbreviation or variant the
    /// registry or the recognizer knows) on `on`: one entry per holder, following merges,
    /// renames, splits and abolitions up to that date. Empty when the agency is not in the
    /// registry or did not exist yet on `on`.
    ///
    /// ```
    /// use kehoach::{agency::{Change, Registry}, Date};
    /// let on = Date::from_ymd(2026, 11, 28).unwrap();
    /// let split = Registry::embedded().successors_on("Sở LĐ-TB&XH", on);
    /// let names: Vec<&str> = split.iter().map(|c| c.name.as_str()).collect();
    /// assert_eq!(names, ["Sở Nội vụ", "Sở Giáo dục và Đào tạo", "Sở Y tế",
    ///                    "Sở Nông nghiệp và Môi trường", "Công an tỉnh"]);
    /// assert!(split.iter().all(|c| c.change == Change::Merged));
    /// assert!(split[1].functions[0].contains("giáo dục nghề nghiệp"));
    /// ```
    pub fn successors_on(&self, name: &str, on: Date) -> Vec<Current> {
        self.successors_in(name, on, None)
    }

    /// [`Registry::successors_on`] in a province's context: a provincial body named without its
    /// province ("Sở Tài chính" in a plan of Đắk Nông) is that province's, followed by the
    /// province's own records where there are any, else by the national pattern, and then into
    /// the province it belongs to since 01/07/2025. A province named in `name` ("Sở TT&TT tỉnh
    /// Đắk Nông") wins over `province`.
    ///
    /// ```
    /// use kehoach::{agency::{Change, Registry}, Date};
    /// let reg = Registry::embedded();
    /// let on = Date::from_ymd(2026, 11, 28).unwrap();
    /// let now = reg.successors_in("Sở Thông tin và Truyền thông", on, Some("Đắk Nông"));
    /// assert_eq!(now[0].name, "Sở Khoa học và Công nghệ");
    /// assert_eq!(now[0].change, Change::Merged);
    /// assert_eq!(now[0].official_name.as_deref(), Some("Sở Khoa học và Công nghệ tỉnh Lâm Đồng"));
    /// assert_eq!(now[0].chain.len(), 2);
    /// assert!(now[0].chain[1].basis.contains("202/2025/QH15"));
    /// ```
    pub fn successors_in(&self, name: &str, on: Date, province: Option<&str>) -> Vec<Current> {
        let a = self.recognize(name);
        if a.id.is_none() && self.district_fallback(&a).is_none() {
            return Vec::new();
        }
        self.holders_in(&a, on, province)
    }

    /// Who holds the duties of the registry entry `id` on `on` (see [`Registry::successors_on`]).
    pub fn holders_of_id(&self, id: &str, on: Date) -> Vec<Current> {
        self.holders_of_id_in(id, on, None)
    }

    /// [`Registry::holders_of_id`] in a province's context (see [`Registry::successors_in`]).
    pub fn holders_of_id_in(&self, id: &str, on: Date, province: Option<&str>) -> Vec<Current> {
        let Some(entry) = self.entry(id) else {
            return Vec::new();
        };
        if entry.established.is_some_and(|d| d > on) {
            return Vec::new();
        }
        let ctx = province.and_then(|p| self.province(p));
        let mut out = Vec::new();
        let mut path = Vec::new();
        let scope = ctx.map(|p| p.name.as_ref());
        self.walk(
            id,
            None,
            false,
            on,
            scope,
            &mut path,
            &mut Vec::new(),
            &mut out,
        );
        if let Some(p) = ctx {
            for c in &mut out {
                self.carry_to_province(c, p, on);
            }
        }
        out
    }

    /// Appends the province-merger step to a provincial body's holder (see
    /// [`Registry::successors_in`]).
    fn carry_to_province(&self, c: &mut Current, p: &super::province::Province, on: Date) {
        let consolidated = c.chain.iter().any(|s| s.consolidation);
        let kept = p.now == p.name;
        if consolidated || (kept && c.chain.is_empty()) {
            return;
        }
        // Decided last: reading the entry's name as a province is the costly test.
        let provincial =
            c.id.as_deref()
                .and_then(|id| self.entry(id))
                .is_some_and(|e| {
                    e.level == Some(super::Level::Province) && self.province(&e.name).is_none()
                });
        if !provincial {
            return;
        }
        let base = c.name.strip_suffix(" tỉnh").unwrap_or(&c.name).to_string();
        let Some(step) = self.province_step(p, &base, on) else {
            return;
        };
        if c.chain.is_empty() {
            c.since = step.date;
            c.basis = Some(step.basis.clone());
            c.source = step.source.clone();
            c.confidence = Some(step.confidence);
        } else {
            c.confidence = c.confidence.map(|x| x.min(step.confidence));
        }
        c.official_name = Some(step.to.clone());
        c.chain.push(step);
    }

    /// The events recorded for `id` that apply in the province `scope`: the province's own
    /// where it has any, else the national ones (a province's own records never apply to
    /// another province, nor without a province).
    fn events_for<'r>(
        &'r self,
        id: &'r str,
        scope: Option<&'r str>,
    ) -> impl Iterator<Item = (usize, &'r Event)> {
        // Without a vector of the records, nor one per province.
        let own = scope.filter(|&p| {
            self.events_from(id)
                .any(|(_, e)| e.province.as_deref() == Some(p))
        });
        self.events_from(id)
            .filter(move |(_, e)| e.province.as_deref() == own)
    }

    #[allow(clippy::too_many_arguments)] // a private recursive walker; its state is its arguments
    fn walk<'r>(
        &'r self,
        id: &'r str,
        after: Option<Date>,
        arrived: bool,
        on: Date,
        scope: Option<&'r str>,
        visited: &mut Vec<usize>,
        chain: &mut Vec<StepRef<'r>>,
        out: &mut Vec<Current>,
    ) {
        if out.len() >= MAX_HOLDERS {
            return;
        }
        let next = self.events_for(id, scope).find(|(n, ev)| {
            let when = ev.effective.or(ev.not_before);
            !visited.contains(n)
                && when.is_some_and(|d| d <= on && after.is_none_or(|a| d >= a))
                && !(arrived && ev.change == Change::Unchanged)
        });
        let (n, ev) = match next {
            Some(found) if chain.len() < MAX_DEPTH => found,
            _ => {
                out.push(self.holder(id, chain));
                return;
            }
        };
        visited.push(n);
        let from_name = ev
            .from_name
            .as_deref()
            .or_else(|| self.entry(&ev.from).map(|e| e.name.as_ref()))
            .unwrap_or_default();
        for t in &ev.to {
            let to_name = t
                .name
                .as_deref()
                .or_else(|| self.entry(&t.id).map(|e| e.name.as_ref()))
                .unwrap_or_default();
            chain.push(StepRef {
                from: from_name,
                to: to_name,
                event: ev,
                target: t,
            });
            let when = ev.effective.or(ev.not_before);
            self.walk(&t.id, when, true, on, scope, visited, chain, out);
            chain.pop();
        }
        visited.pop();
    }

    /// The [`Current`] for the body `id` reached through `chain`.
    fn holder(&self, id: &str, chain: &[StepRef<'_>]) -> Current {
        let name = self
            .entry(id)
            .map_or_else(String::new, |e| e.name.to_string());
        if chain.is_empty() {
            return unrecorded(&name, Some(id));
        }
        let decisive = chain
            .iter()
            .rev()
            .find(|s| !s.event.consolidation && s.event.change != Change::Unchanged);
        let (change, base) = match decisive {
            Some(s) => (s.event.change, Some(s)),
            None => (Change::Unchanged, chain.first()),
        };
        let mut uncertain: Vec<String> = Vec::new();
        for s in chain {
            for x in &s.event.uncertain {
                if !uncertain.iter().any(|u| u == x.as_ref()) {
                    uncertain.push(x.to_string());
                }
            }
        }
        Current {
            name,
            since: base.and_then(|s| s.event.effective),
            change,
            basis: base.map(|s| s.event.basis.to_string()),
            id: Some(id.to_string()),
            official_name: chain.last().map(|s| s.to.to_string()),
            confidence: chain.iter().map(|s| s.event.confidence).min(),
            functions: base.map(|s| s.functions()).unwrap_or_default(),
            source: base.and_then(|s| s.event.source.as_deref().map(str::to_string)),
            uncertain,
            chain: chain.iter().map(StepRef::owned).collect(),
        }
    }
}

/// Fills `agency.current` with who holds its duties on `on`.
///
/// ```
/// use kehoach::{agency::{resolve_current, Change, Registry}, Date};
/// let reg = Registry::embedded();
/// let mut a = reg.recognize("UBND các huyện, thị xã, thành phố");
/// resolve_current(&mut a, Date::from_ymd(2026, 1, 1).unwrap(), reg);
/// let current = a.current.unwrap();
/// assert_eq!(current.len(), 2);
/// assert_eq!(current[0].name, "Ủy ban nhân dân các xã, phường, đặc khu");
/// assert_eq!(current[0].change, Change::Abolished);
/// assert_eq!(current[1].name, "Ủy ban nhân dân tỉnh");
/// ```
pub fn resolve_current(agency: &mut Agency, on: Date, registry: &Registry) {
    agency.current = Some(registry.holders_of(agency, on).into());
}

/// `agency/succeeded` when the agency no longer exists as named on `on` (embedded registry).
pub fn check_current(agency: &Agency, on: Date) -> Option<Diagnostic> {
    check_current_in(agency, on, Registry::embedded())
}

/// `agency/succeeded` when the agency no longer exists as named on `on`, per `registry`.
///
/// ```
/// use kehoach::{agency::{check_current_in, Registry}, Date};
/// let reg = Registry::embedded();
/// let a = reg.recognize("Sở Giao thông vận tải");
/// let d = check_current_in(&a, Date::from_ymd(2026, 11, 28).unwrap(), reg).unwrap();
/// assert_eq!(d.code, "agency/succeeded");
/// assert!(d.message.vi.contains("Sở Xây dựng"));
/// assert!(check_current_in(&a, Date::from_ymd(2024, 1, 1).unwrap(), reg).is_none());
/// ```
pub fn check_current_in(agency: &Agency, on: Date, registry: &Registry) -> Option<Diagnostic> {
    check_current_in_province(agency, on, registry, None)
}

/// [`check_current_in`] in a province's context (the plan's issuer; see
/// [`Registry::successors_in`]).
///
/// ```
/// use kehoach::{agency::{check_current_in_province, Registry}, Date};
/// let reg = Registry::embedded();
/// let a = reg.recognize("Sở Kế hoạch và Đầu tư");
/// let on = Date::from_ymd(2026, 11, 28).unwrap();
/// let d = check_current_in_province(&a, on, reg, Some("Hà Nội")).unwrap();
/// assert!(d.message.vi.contains("Sở Tài chính"));
/// ```
pub fn check_current_in_province(
    agency: &Agency,
    on: Date,
    registry: &Registry,
    province: Option<&str>,
) -> Option<Diagnostic> {
    succeeded(agency, &registry.holders_in(agency, on, province))
}

/// The `agency/succeeded` warning for `agency`, whose holders on the date are `holders`.
pub(crate) fn succeeded(agency: &Agency, holders: &[Current]) -> Option<Diagnostic> {
    let moved: Vec<&Current> = holders
        .iter()
        .filter(|c| c.change != Change::Unchanged)
        .collect();
    let first = moved.first()?;
    let names: Vec<String> = moved.iter().map(|c| c.name.clone()).collect();
    Some(codes::agency_succeeded(
        agency.span,
        &agency.name,
        &names,
        first.change,
        first.since,
        first.basis.as_deref(),
    ))
}

/// [`Registry::holders_in`] remembered per registry id and province for one plan: a plan names
/// the same bodies in most tasks, and each lookup walks the succession records and copies
/// their bases and sources. Agencies the registry does not list are not remembered (their
/// holders depend on their name).
#[derive(Debug, Default)]
pub(crate) struct HoldersCache {
    /// Registry id → the holders per province the agency was named with.
    by_id: std::collections::HashMap<String, Vec<ProvinceHolders>>,
}

/// The holders of one registry id named with one province (or none).
type ProvinceHolders = (Option<String>, Arc<[Current]>);

impl HoldersCache {
    /// The holders of `a` on `on` in `province` (the plan's), as [`Registry::holders_in`].
    /// One cache serves one date and one plan province.
    pub(crate) fn holders(
        &mut self,
        registry: &Registry,
        a: &Agency,
        on: Date,
        province: Option<&str>,
    ) -> Arc<[Current]> {
        let Some(id) = a.id.as_deref() else {
            // One district's people's committee follows the district level's records, which
            // are remembered; its own name starts each chain. (Natively: the wasm package asks
            // afresh, and this branch cost 485 bytes of its first render.)
            let level = if cfg!(target_arch = "wasm32") {
                None
            } else {
                registry.district_fallback(a)
            };
            if let Some(level) = level {
                let ctx = a.province().or(province);
                let of_level = super::holders_memo::holders_of_id(registry, level, on, ctx, || {
                    registry.holders_of_id_in(level, on, ctx)
                });
                return super::registry::fallback_holders(a, of_level.to_vec()).into();
            }
            return registry.holders_in(a, on, province).into();
        };
        let cached = self.by_id.get(id).and_then(|v| {
            v.iter()
                .find(|(p, _)| p.as_deref() == a.province())
                .map(|(_, h)| Arc::clone(h))
        });
        if let Some(h) = cached {
            return h;
        }
        // Known to the registry: the holders depend on the id, the date and the province the
        // body is read in ([`Registry::holders_in`]), and are remembered across plans.
        let ctx = a.province().or(province);
        let h = super::holders_memo::holders_of_id(registry, id, on, ctx, || {
            registry.holders_in(a, on, province)
        });
        self.by_id
            .entry(id.to_string())
            .or_default()
            .push((a.province().map(str::to_string), Arc::clone(&h)));
        h
    }
}
