//! Agencies: unknown names, duplicates in one list, and agencies that no longer exist.
//!
//! - `agency/unknown` (with the nearest known name as a fix) and `agency/duplicate` are emitted
//!   by [`crate::agency::split_agencies`] at parse time and are not repeated here.
//! - `agency/succeeded` (warning, only with an as-of date): an agency whose duties moved before
//!   the as-of date (merged, split, renamed, abolished), naming the successor(s), the effective
//!   date and the legal basis. One warning per agency, at its first mention, with a label at
//!   every further mention, so a plan that names Sở Thông tin và Truyền thông in 19 tasks gets
//!   one readable warning, not 19.

use super::CheckOptions;
use crate::diagnostic::{Diagnostic, Localized};
use crate::document::Plan;
use crate::map_hasher::MapHasher;
use std::collections::{HashMap, HashSet};

/// Checks every lead/partner list against the registry's succession records.
pub(super) fn check(plan: &Plan, opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
    let Some(on) = opts.as_of else { return };
    let registry = crate::agency::Registry::embedded();
    let province = registry.plan_province(&plan.meta).map(|p| p.name.as_ref());
    // Registry id (or name) → index of its diagnostic in `found`.
    let mut seen: HashMap<&str, usize, MapHasher> = HashMap::default();
    let mut found: Vec<Diagnostic> = Vec::new();
    // Keys already looked up and found unmoved: a plan names the same agencies in most tasks,
    // and each lookup walks the succession records.
    let mut unmoved: HashSet<&str, MapHasher> = HashSet::default();
    let mut holders = crate::agency::HoldersCache::default();
    plan.walk(&mut |u| {
        for leads in u.leads.iter().chain(u.partners.iter()) {
            for a in &leads.agencies {
                let key = a.id.as_ref().unwrap_or(&a.name).as_str();
                if unmoved.contains(key) {
                    continue;
                }
                if let Some(&i) = seen.get(key) {
                    if let Some(d) = found.get_mut(i) {
                        d.labels.push(crate::diagnostic::Label {
                            span: a.span,
                            message: Localized::new(
                                format!("cũng được giao tại {}", u.number),
                                format!("also named in {}", u.number),
                            ),
                        });
                    }
                    continue;
                }
                // A collective consolidated under the same name ("Các sở, ban, ngành" after the
                // departments were merged) tells the reader nothing new: not reported.
                let current = holders.holders(registry, a, on, province);
                let moved_elsewhere = current
                    .iter()
                    .any(|c| c.change != crate::agency::Change::Unchanged && c.name != a.name);
                if !moved_elsewhere {
                    unmoved.insert(key);
                    continue;
                }
                match crate::agency::succeeded(a, &current) {
                    Some(d) => {
                        seen.insert(key, found.len());
                        found.push(d);
                    }
                    None => {
                        unmoved.insert(key);
                    }
                }
            }
        }
    });
    out.extend(found);
}

#[cfg(test)]
mod tests {
    use crate::validate::CheckOptions;

    #[test]
    fn merged_agencies_are_reported_once_with_labels() {
        let opts = CheckOptions::default().with_as_of("2026-11-28".parse().unwrap());
        let diags = crate::validate::check_text(crate::SEED_PLAN, &opts).diagnostics;
        let succeeded: Vec<_> = diags
            .iter()
            .filter(|d| d.code == "agency/succeeded")
            .collect();
        let tttt = succeeded
            .iter()
            .find(|d| d.span.slice(crate::SEED_PLAN) == Some("Sở Thông tin và Truyền thông."))
            .or_else(|| {
                succeeded.iter().find(|d| {
                    d.span.slice(crate::SEED_PLAN) == Some("Sở Thông tin và Truyền thông")
                })
            })
            .expect("TTTT reported");
        assert!(
            tttt.message.vi.contains("Sở Khoa học và Công nghệ"),
            "{}",
            tttt.message.vi
        );
        // First named in II.1.b ("- Cơ quan chủ trì: Sở Thông tin và Truyền thông.", line 51).
        assert_eq!((tttt.span.line, tttt.span.column), (51, 20));
        assert_eq!(tttt.labels.len(), 13); // 14 tasks in all
        // Each agency once.
        let mut names: Vec<_> = succeeded.iter().map(|d| d.message.en.clone()).collect();
        names.dedup();
        assert_eq!(names.len(), succeeded.len());
    }

    #[test]
    fn before_the_reorganization_nothing_is_reported() {
        let opts = CheckOptions::default().with_as_of("2024-01-01".parse().unwrap());
        let out = crate::validate::check_text(crate::SEED_PLAN, &opts);
        assert!(out.diagnostics.iter().all(|d| d.code != "agency/succeeded"));
    }
}
