//! The review calendar, derived from the plan's own text (rules in [`crate::schedule`](mod@crate::schedule)).

use crate::agency::{Agency, Registry};
use crate::document::BlockKind;
use crate::{Date, Plan, Span};
use serde::{Deserialize, Serialize};

/// What kind of review.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReviewKind {
    /// Annual review ("rà soát hàng năm").
    Annual,
    /// Periodic report to the provincial People's Committee through the coordinator.
    Report,
    /// Preliminary review (sơ kết), every few years.
    Preliminary,
    /// Final review (tổng kết), every few years.
    Final,
}

impl ReviewKind {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewKind::Annual => "annual",
            ReviewKind::Report => "report",
            ReviewKind::Preliminary => "preliminary",
            ReviewKind::Final => "final",
        }
    }

    /// The Vietnamese name ("Sơ kết").
    pub fn vietnamese(self) -> &'static str {
        match self {
            ReviewKind::Annual => "Rà soát hằng năm",
            ReviewKind::Report => "Báo cáo định kỳ UBND tỉnh",
            ReviewKind::Preliminary => "Sơ kết",
            ReviewKind::Final => "Tổng kết",
        }
    }
}

/// Past or upcoming on the as-of date.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReviewStatus {
    /// Its date is before the as-of date.
    Past,
    /// On or after the as-of date.
    Upcoming,
}

/// One review or report date.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    /// What kind.
    pub kind: ReviewKind,
    /// When.
    pub due: Date,
    /// Past or upcoming.
    pub status: ReviewStatus,
    /// For sơ kết and tổng kết: years of implementation it covers (3 for "sơ kết 3 năm").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<u32>,
    /// The coordinating agency (reports), with `current` on the as-of date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinator: Option<Agency>,
    /// The paragraph of the plan it comes from.
    pub span: Span,
}

impl Review {
    /// A label: "Sơ kết 3 năm", "Rà soát hằng năm 2026", …
    pub fn label(&self, lang: crate::Lang) -> String {
        let vi = matches!(lang, crate::Lang::Vi);
        match (self.kind, self.years) {
            (ReviewKind::Preliminary, Some(n)) if vi => format!("Sơ kết {n} năm"),
            (ReviewKind::Final, Some(n)) if vi => format!("Tổng kết {n} năm"),
            (ReviewKind::Preliminary, Some(n)) => format!("{n}-year preliminary review (sơ kết)"),
            (ReviewKind::Final, Some(n)) => format!("{n}-year final review (tổng kết)"),
            (ReviewKind::Annual, _) if vi => format!("Rà soát năm {}", self.due.year()),
            (ReviewKind::Annual, _) => format!("Annual review {}", self.due.year()),
            (ReviewKind::Report, _) if vi => "Báo cáo định kỳ UBND tỉnh".to_string(),
            (ReviewKind::Report, _) => {
                "Periodic report to the provincial People's Committee".into()
            }
            (k, _) if vi => k.vietnamese().to_string(),
            (k, _) => k.as_str().to_string(),
        }
    }
}

/// What the text says about reviews.
#[derive(Debug, Default)]
struct Found {
    annual: Option<Span>,
    preliminary: Option<(u32, Span)>,
    final_: Option<(u32, Span)>,
    report: Option<(u8, Span)>,
    coordinator: Option<Agency>,
}

fn has_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

const YEARLY: &[&str] = &["hàng năm", "hằng năm"];
const PROVINCE: &[&str] = &["ubnd tỉnh", "ủy ban nhân dân tỉnh", "uỷ ban nhân dân tỉnh"];

/// Numbers N of "N năm" after "định kỳ" in `clause`.
fn cycles(clause: &str) -> Vec<u32> {
    let Some(i) = clause.find("định kỳ") else {
        return Vec::new();
    };
    let rest = clause.get(i..).unwrap_or_default();
    let mut out = Vec::new();
    let mut words = rest.split([' ', ',']).filter(|w| !w.is_empty()).peekable();
    while let Some(w) = words.next() {
        if let Ok(n) = w.parse::<u32>() {
            if words.peek() == Some(&"năm") && (1..=20).contains(&n) {
                out.push(n);
            }
        }
    }
    out
}

/// Months per report, from the words after "định kỳ" (12 when no period is stated).
fn report_months(clause: &str) -> u8 {
    let after = clause
        .find("định kỳ")
        .and_then(|i| clause.get(i..))
        .unwrap_or(clause);
    let head: String = after.chars().take(24).collect();
    if head.contains("6 tháng") || head.contains("sáu tháng") {
        6
    } else if head.contains("quý") {
        3
    } else if head.contains("hàng tháng") || head.contains("hằng tháng") {
        1
    } else {
        12
    }
}

/// "(qua Sở …)" or "qua Sở …" in `text` (original case): the agency name.
fn via(text: &str, lower: &str) -> Option<String> {
    let i = lower.find("qua ")?;
    let start = i + "qua ".len();
    let rest = text.get(start..)?;
    let end = rest.find([')', ',', ';', '.']).unwrap_or(rest.len());
    let name = rest.get(..end)?.trim();
    (!name.is_empty()).then(|| name.to_string())
}

fn scan(text: &str, span: Span, registry: &Registry, f: &mut Found, lower: &mut String) {
    lower.clear();
    crate::text::push_lower(lower, text);
    let lower = lower.as_str();
    // Clauses: cut at ";" and at sentence ends. Byte offsets of `lower` and `text` differ only
    // for letters whose lowercase has another length, which Vietnamese letters do not.
    let mut off = 0;
    for clause in lower.split([';', '.']) {
        let start = off;
        // Every separator is one byte.
        off += clause.len() + 1;
        let review_words = has_any(clause, &["rà soát", "đánh giá", "sơ kết", "tổng kết"]);
        if review_words && has_any(clause, YEARLY) && f.annual.is_none() {
            f.annual = Some(span);
        }
        let (pre, fin) = (clause.contains("sơ kết"), clause.contains("tổng kết"));
        let ns = cycles(clause);
        match (pre, fin, ns.as_slice()) {
            (true, true, [a, b, ..]) => {
                f.preliminary.get_or_insert((*a, span));
                f.final_.get_or_insert((*b, span));
            }
            (true, false, [a, ..]) => {
                f.preliminary.get_or_insert((*a, span));
            }
            (false, true, [a, ..]) => {
                f.final_.get_or_insert((*a, span));
            }
            _ => {}
        }
        let periodic = clause.contains("định kỳ") || has_any(clause, YEARLY);
        if periodic && clause.contains("báo cáo") && has_any(clause, PROVINCE) {
            if f.report.is_none() {
                f.report = Some((report_months(clause), span));
            }
            if f.coordinator.is_none() {
                let orig = text.get(start..start + clause.len()).unwrap_or(clause);
                f.coordinator = via(orig, clause)
                    .map(|n| registry.recognize(&n))
                    .filter(|a| a.known && !a.collective);
            }
        }
    }
    // "Sở … có trách nhiệm theo dõi, đôn đốc …; định kỳ báo cáo …": the subject coordinates.
    if f.coordinator.is_none() && lower.contains("theo dõi") && lower.contains("báo cáo") {
        if let Some(i) = lower.find(" có trách nhiệm") {
            let a = registry.recognize(text.get(..i).unwrap_or_default().trim());
            if a.known && !a.collective {
                f.coordinator = Some(a);
            }
        }
    }
}

fn anniversary(plan: Date, years: i32) -> Option<Date> {
    let y = plan.year().checked_add(years)?;
    Date::from_ymd(y, plan.month(), plan.day())
        .ok()
        .or_else(|| Date::last_of_month(y, plan.month()))
}

/// The review calendar of `plan` (rules in [`crate::schedule`](mod@crate::schedule)): dated `plan_date`, covering to
/// `horizon` (ten years from the plan, or to the year after `on`, when there is none), with
/// statuses on `on`.
pub fn review_calendar(
    plan: &Plan,
    plan_date: Date,
    horizon: Option<i32>,
    on: Date,
    registry: &Registry,
) -> Vec<Review> {
    let task_eids: std::collections::HashSet<&str> = plan
        .task_units()
        .into_iter()
        .map(|u| u.eid.as_str())
        .collect();
    let mut f = Found::default();
    // One lowercase buffer for every text.
    let mut lower = String::new();
    for b in &plan.preamble {
        scan(&b.text, b.span, registry, &mut f, &mut lower);
    }
    plan.walk(&mut |u| {
        if task_eids.contains(u.eid.as_str()) {
            return;
        }
        // A part's text on its numbered line is its heading ("1. Thủ trưởng các sở, …").
        if let Some(h) = &u.heading {
            scan(&h.text, h.span, registry, &mut f, &mut lower);
        }
        for b in u.blocks.iter().filter(|b| b.kind != BlockKind::Field) {
            scan(&b.text, b.span, registry, &mut f, &mut lower);
        }
    });
    let last_year = horizon.unwrap_or_else(|| (plan_date.year() + 10).max(on.year() + 1));
    let last = Date::from_ymd(last_year, 12, 31).ok();
    let in_range = |d: Date| d >= plan_date && last.is_none_or(|l| d <= l);
    let status = |d: Date| {
        if d < on {
            ReviewStatus::Past
        } else {
            ReviewStatus::Upcoming
        }
    };
    let mut out = Vec::new();
    let mut push = |kind, due: Date, years, coordinator: Option<Agency>, span| {
        if in_range(due) {
            out.push(Review {
                kind,
                due,
                status: status(due),
                years,
                coordinator,
                span,
            });
        }
    };
    if let Some(span) = f.annual {
        for y in plan_date.year()..=last_year {
            if let Ok(d) = Date::from_ymd(y, 12, 31) {
                push(ReviewKind::Annual, d, None, None, span);
            }
        }
    }
    for (kind, found) in [
        (ReviewKind::Preliminary, f.preliminary),
        (ReviewKind::Final, f.final_),
    ] {
        let Some((n, span)) = found else { continue };
        let step = i32::try_from(n).unwrap_or(i32::MAX);
        let mut k = step;
        while k <= last_year - plan_date.year() {
            if let Some(d) = anniversary(plan_date, k) {
                push(kind, d, u32::try_from(k).ok(), None, span);
            }
            k = k.saturating_add(step);
        }
    }
    if let Some((months, span)) = f.report {
        let mut coordinator = f.coordinator.clone();
        if let Some(c) = coordinator.as_mut() {
            let province = registry.plan_province(&plan.meta).map(|p| p.name.as_ref());
            c.current = Some(registry.holders_in(c, on, province).into());
        }
        for y in plan_date.year()..=last_year {
            for m in (1..=12u8).filter(|m| m % months == 0) {
                if let Some(d) = Date::last_of_month(y, m) {
                    push(ReviewKind::Report, d, None, coordinator.clone(), span);
                }
            }
        }
    }
    crate::sort::sort_by_key(&mut out, |r| (r.due, r.kind));
    out
}
