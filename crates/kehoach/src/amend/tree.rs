//! Paths into the unit tree, target resolution and id assignment.

use super::model::Target;
use crate::document::{Plan, Unit, UnitKind};
use std::collections::HashSet;

/// Indices from the plan body down to a unit.
pub(crate) type Path = Vec<usize>;

pub(crate) fn get<'a>(plan: &'a Plan, path: &[usize]) -> Option<&'a Unit> {
    let (first, rest) = path.split_first()?;
    let mut u = plan.body.get(*first)?;
    for i in rest {
        u = u.children.get(*i)?;
    }
    Some(u)
}

pub(crate) fn get_mut<'a>(plan: &'a mut Plan, path: &[usize]) -> Option<&'a mut Unit> {
    let (first, rest) = path.split_first()?;
    let mut u = plan.body.get_mut(*first)?;
    for i in rest {
        u = u.children.get_mut(*i)?;
    }
    Some(u)
}

/// The sibling list a path's last index points into.
pub(crate) fn siblings_mut<'a>(plan: &'a mut Plan, path: &[usize]) -> Option<&'a mut Vec<Unit>> {
    match path.split_last() {
        Some((_, [])) => Some(&mut plan.body),
        Some((_, parent)) => get_mut(plan, parent).map(|p| &mut p.children),
        None => None,
    }
}

pub(crate) fn siblings<'a>(plan: &'a Plan, path: &[usize]) -> Option<&'a [Unit]> {
    match path.split_last() {
        Some((_, [])) => Some(&plan.body),
        Some((_, parent)) => get(plan, parent).map(|p| p.children.as_slice()),
        None => None,
    }
}

pub(crate) fn parent<'a>(plan: &'a Plan, path: &[usize]) -> Option<&'a Unit> {
    let (_, parent) = path.split_last()?;
    if parent.is_empty() {
        None
    } else {
        get(plan, parent)
    }
}

/// Every unit's path, in document order (linear).
pub(crate) fn walk_paths(plan: &Plan, f: &mut dyn FnMut(&Path, &Unit)) {
    fn go(u: &Unit, path: &mut Path, f: &mut dyn FnMut(&Path, &Unit)) {
        f(path, u);
        for (i, c) in u.children.iter().enumerate() {
            path.push(i);
            go(c, path, f);
            path.pop();
        }
    }
    let mut path = Vec::new();
    for (i, u) in plan.body.iter().enumerate() {
        path.push(i);
        go(u, &mut path, f);
        path.pop();
    }
}

/// Why a target did not resolve.
pub(crate) enum Unresolved {
    NotFound,
    Ambiguous(Vec<String>),
}

/// The units whose `key` (number or eid) is `want`, in document order, visiting only the
/// units whose key is a prefix of `want` followed by `sep` ("II" then "II.2" for "II.2.d";
/// "sec_II" for "sec_II__para_2"): numbers and ids extend their parent's, so resolving one
/// target costs the depth of the tree times the siblings on the way, not the whole plan (an
/// amendment of n operations on a long plan stays linear). A plan whose keys do not follow
/// the rule (hand-made JSON) is searched in full when this finds nothing.
fn find_by_prefix(
    plan: &Plan,
    want: &str,
    key: fn(&Unit) -> &str,
    sep: &str,
    hits: &mut Vec<(Path, String)>,
) {
    fn go(
        units: &[Unit],
        path: &mut Path,
        want: &str,
        key: fn(&Unit) -> &str,
        sep: &str,
        hits: &mut Vec<(Path, String)>,
    ) {
        for (i, u) in units.iter().enumerate() {
            let k = key(u);
            path.push(i);
            if k == want {
                hits.push((path.clone(), u.eid.clone()));
            } else if want
                .strip_prefix(k)
                .is_some_and(|rest| rest.starts_with(sep))
            {
                go(&u.children, path, want, key, sep, hits);
            }
            path.pop();
        }
    }
    go(&plan.body, &mut Vec::new(), want, key, sep, hits);
}

/// Finds the unit a target names.
pub(crate) fn resolve(plan: &Plan, target: &Target) -> Result<Path, Unresolved> {
    let fast = resolve_with(plan, target, true);
    // Tests and debug builds check the pruned search against the full walk.
    #[cfg(debug_assertions)]
    {
        let full = resolve_with(plan, target, false);
        debug_assert!(
            match (&fast, &full) {
                (Ok(a), Ok(b)) => a == b,
                (Err(Unresolved::NotFound), Err(Unresolved::NotFound)) => true,
                (Err(Unresolved::Ambiguous(a)), Err(Unresolved::Ambiguous(b))) => a == b,
                _ => false,
            },
            "pruned and full resolution differ for {target:?}"
        );
    }
    fast
}

fn resolve_with(plan: &Plan, target: &Target, pruned: bool) -> Result<Path, Unresolved> {
    let mut hits: Vec<(Path, String)> = Vec::new();
    match target {
        Target::Eid(eid) => {
            if pruned {
                find_by_prefix(plan, eid, |u| u.eid.as_str(), "__", &mut hits);
            }
            if hits.is_empty() {
                let mut by_wid = Vec::new();
                walk_paths(plan, &mut |p, u| {
                    if &u.eid == eid {
                        hits.push((p.clone(), u.eid.clone()));
                    } else if u.w_id.as_ref() == Some(eid) {
                        by_wid.push((p.clone(), u.eid.clone()));
                    }
                });
                if hits.is_empty() {
                    hits = by_wid;
                }
            }
        }
        Target::Number { path, occurrence } => {
            let want = normalize_number(path);
            if pruned {
                find_by_prefix(plan, &want, |u| u.number.as_str(), ".", &mut hits);
            }
            if hits.is_empty() {
                walk_paths(plan, &mut |p, u| {
                    if u.number == want {
                        hits.push((p.clone(), u.eid.clone()));
                    }
                });
            }
            if let Some(n) = occurrence {
                let k = (*n as usize).checked_sub(1).ok_or(Unresolved::NotFound)?;
                return hits
                    .into_iter()
                    .nth(k)
                    .map(|(p, _)| p)
                    .ok_or(Unresolved::NotFound);
            }
        }
    }
    match hits.len() {
        0 => Err(Unresolved::NotFound),
        1 => hits.pop().map(|(p, _)| p).ok_or(Unresolved::NotFound),
        _ => Err(Unresolved::Ambiguous(
            hits.into_iter().map(|(_, e)| e).collect(),
        )),
    }
}

/// "II.3.b)" / " II. 3. b" → "II.3.b" (NFC).
pub(crate) fn normalize_number(s: &str) -> String {
    crate::text::normalize(s)
        .split('.')
        .map(|p| p.trim().trim_end_matches(')'))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(".")
}

/// Every eid in the plan.
pub(crate) fn all_eids(plan: &Plan) -> HashSet<String> {
    let mut out = HashSet::new();
    plan.walk(&mut |u| {
        out.insert(u.eid.clone());
    });
    out
}

/// The id a unit with `num` gets under `parent` (Akoma Ntoso style), with `_2`, `_3` … when
/// the base is in `used`.
pub(crate) fn fresh_eid(
    parent_eid: Option<&str>,
    kind: UnitKind,
    num: &str,
    used: &HashSet<String>,
) -> String {
    let token = match kind {
        UnitKind::Section => num.to_string(),
        _ => crate::numbering::eid_token(num),
    };
    let base = match parent_eid {
        Some(p) => format!("{p}__{}_{token}", kind.eid_prefix()),
        None => format!("{}_{token}", kind.eid_prefix()),
    };
    if !used.contains(&base) {
        return base;
    }
    let mut n = 2u32;
    loop {
        let candidate = format!("{base}_{n}");
        if !used.contains(&candidate) {
            return candidate;
        }
        n = n.saturating_add(1);
    }
}

/// Gives a unit (and its sub-units) numbers and ids under a parent. Units whose id changes
/// keep their first id as `wId` when `keep_wid` (renumbering); new units get none.
pub(crate) fn assign_ids(
    u: &mut Unit,
    parent: Option<(&str, &str)>,
    used: &mut HashSet<String>,
    keep_wid: bool,
) {
    let number = match parent {
        Some((_, pn)) => format!("{pn}.{}", u.num),
        None => u.num.clone(),
    };
    let base_same = fresh_base(parent.map(|(e, _)| e), u.kind, &u.num);
    let eid = if keep_wid && u.eid == base_same && !used.contains(&u.eid) {
        u.eid.clone()
    } else {
        fresh_eid(parent.map(|(e, _)| e), u.kind, &u.num, used)
    };
    if keep_wid && eid != u.eid && u.w_id.is_none() {
        u.w_id = Some(u.eid.clone());
    }
    u.eid = eid;
    u.number = number;
    used.insert(u.eid.clone());
    let (pe, pn) = (u.eid.clone(), u.number.clone());
    for c in &mut u.children {
        assign_ids(c, Some((&pe, &pn)), used, keep_wid);
    }
}

fn fresh_base(parent_eid: Option<&str>, kind: UnitKind, num: &str) -> String {
    fresh_eid(parent_eid, kind, num, &HashSet::new())
}

/// Removes a subtree's ids from `used`.
pub(crate) fn release_ids(u: &Unit, used: &mut HashSet<String>) {
    u.walk(&mut |x| {
        used.remove(&x.eid);
    });
}
