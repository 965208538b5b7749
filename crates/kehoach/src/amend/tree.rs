//! Paths into the unit tree, target resolution and id assignment.

use super::model::Target;
use crate::document::{Plan, Unit, UnitKind};
use compact_str::CompactString;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};

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
    Ambiguous(Vec<CompactString>),
}

/// The units whose `key` (number or eid) is `want`, in document order, visiting only the
/// units whose key is a prefix of `want` followed by `sep` ("II" then "II.2" for "II.2.d";
/// "sec_II" for "sec_II__para_2"): numbers and ids extend their parent's, so resolving one
/// target costs the depth of the tree times the siblings on the way, not the whole plan (an
/// amendment of n operations on a long plan stays linear). A plan whose keys do not follow
/// the rule (hand-made JSON) is searched in full when this finds nothing.
fn find_by_prefix(
    plan: &Plan,
    top: &mut TopIndex,
    want: &str,
    by_eid: bool,
    hits: &mut Vec<(Path, CompactString)>,
) {
    fn go(
        units: &[Unit],
        path: &mut Path,
        want: &str,
        by_eid: bool,
        hits: &mut Vec<(Path, CompactString)>,
    ) {
        for (i, u) in units.iter().enumerate() {
            visit(u, i, path, want, by_eid, hits);
        }
    }
    fn visit(
        u: &Unit,
        i: usize,
        path: &mut Path,
        want: &str,
        by_eid: bool,
        hits: &mut Vec<(Path, CompactString)>,
    ) {
        let k = if by_eid { &u.eid } else { &u.number };
        path.push(i);
        if k == want {
            hits.push((path.clone(), u.eid.clone()));
        } else if want
            .strip_prefix(k.as_str())
            .is_some_and(|rest| rest.starts_with(sep(by_eid)))
        {
            go(&u.children, path, want, by_eid, hits);
        }
        path.pop();
    }
    // The top level through the index: only the sections whose key is a prefix of `want`.
    let mut path = Vec::new();
    for i in top.candidates(plan, want, by_eid) {
        if let Some(u) = plan.body.get(i) {
            visit(u, i, &mut path, want, by_eid, hits);
        }
    }
}

fn sep(by_eid: bool) -> &'static str {
    if by_eid { "__" } else { "." }
}

/// The plan's top-level units by number and by eid, so that resolving a target does not
/// compare it with every section: n targets on a plan of s sections cost n × s before (the
/// only term of an amendment that grew faster than its input). Built on first use and
/// rebuilt after the top level changes ([`TopIndex::invalidate`]).
#[derive(Default)]
pub(crate) struct TopIndex {
    built: bool,
    by_number: HashMap<CompactString, Vec<usize>>,
    by_eid: HashMap<CompactString, Vec<usize>>,
}

impl TopIndex {
    /// The top level changed (a section inserted, removed, renumbered or replaced).
    pub(crate) fn invalidate(&mut self) {
        self.built = false;
    }

    /// Indices of the top-level units whose key is `want` or a prefix of it followed by the
    /// separator, ascending (document order).
    fn candidates(&mut self, plan: &Plan, want: &str, by_eid: bool) -> Vec<usize> {
        if !self.built {
            self.by_number.clear();
            self.by_eid.clear();
            for (i, u) in plan.body.iter().enumerate() {
                self.by_number.entry(u.number.clone()).or_default().push(i);
                self.by_eid.entry(u.eid.clone()).or_default().push(i);
            }
            self.built = true;
        }
        let map = if by_eid {
            &self.by_eid
        } else {
            &self.by_number
        };
        let mut out = Vec::new();
        let mut add = |k: &str| {
            if let Some(v) = map.get(k) {
                out.extend_from_slice(v);
            }
        };
        add(want);
        let sep = sep(by_eid);
        for (i, _) in want.char_indices() {
            if want.get(i..).is_some_and(|r| r.starts_with(sep)) {
                add(want.get(..i).unwrap_or_default());
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Every unit's path by number, by eid and by `wId`, for the targets the pruned search
/// ([`find_by_prefix`]) does not find: a target that is not in the plan, an old eid kept as
/// `wId`, keys of hand-made JSON that do not extend their parent's. Each such target walked the
/// whole plan before, so n failing operations cost n walks (10 000 on a plan of 6 400 units:
/// 0.56 s). Built on the second miss (the first walks, as before: an amendment that changes
/// the tree between misses pays no more than a walk each), kept until a unit's number, eid or
/// `wId` changes ([`FullIndex::invalidate`]).
#[derive(Default)]
pub(crate) struct FullIndex {
    built: bool,
    /// Misses walked since the last change.
    walked: u32,
    by_number: HashMap<CompactString, Vec<(Path, CompactString)>>,
    by_eid: HashMap<CompactString, Vec<(Path, CompactString)>>,
    by_wid: HashMap<CompactString, Vec<(Path, CompactString)>>,
}

impl FullIndex {
    /// A unit was inserted or removed, or its keys (or its descendants') changed.
    pub(crate) fn invalidate(&mut self) {
        self.built = false;
        self.walked = 0;
    }

    /// Whether a miss should use the index (building it if needed) rather than walk: from the
    /// second miss on since the last change.
    fn use_for_miss(&mut self) -> bool {
        if self.built || self.walked > 0 {
            return true;
        }
        self.walked += 1;
        false
    }

    fn ensure(&mut self, plan: &Plan) {
        if self.built {
            return;
        }
        self.by_number.clear();
        self.by_eid.clear();
        self.by_wid.clear();
        let (by_number, by_eid, by_wid) = (&mut self.by_number, &mut self.by_eid, &mut self.by_wid);
        walk_paths(plan, &mut |p, u| {
            let hit = || (p.clone(), u.eid.clone());
            by_number.entry(u.number.clone()).or_default().push(hit());
            by_eid.entry(u.eid.clone()).or_default().push(hit());
            if let Some(w) = &u.w_id {
                by_wid.entry(w.clone()).or_default().push(hit());
            }
        });
        self.built = true;
    }
}

/// Whether two units have the same numbers, eids and `wId`s, and the same shape, down their
/// subtrees (a replacement that keeps them leaves a [`FullIndex`] valid).
pub(crate) fn same_keys(a: &Unit, b: &Unit) -> bool {
    a.number == b.number
        && a.eid == b.eid
        && a.w_id == b.w_id
        && a.children.len() == b.children.len()
        && a.children
            .iter()
            .zip(&b.children)
            .all(|(x, y)| same_keys(x, y))
}

/// The task units among `eids`, found by descending through the units whose id is a prefix
/// of each (as [`find_by_prefix`]; a task as [`Plan::task_units`] decides it), or `None` when
/// an id is not found exactly once that way. Ids not naming a task are left out.
pub(crate) fn task_units_by_eid<'p>(
    plan: &'p Plan,
    eids: &HashSet<&str>,
) -> Option<HashMap<&'p str, &'p Unit>> {
    let mut top = TopIndex::default();
    let mut out = HashMap::new();
    for eid in eids {
        let mut hits = Vec::new();
        find_by_prefix(plan, &mut top, eid, true, &mut hits);
        let [(path, _)] = hits.as_slice() else {
            return None;
        };
        let u = get(plan, path)?;
        let points_are_tasks = parent(plan, path).is_some_and(|p| {
            p.children
                .iter()
                .any(|c| c.kind == UnitKind::Point && c.has_task_fields())
        });
        if u.has_task_fields() || (points_are_tasks && u.kind == UnitKind::Point) {
            out.insert(u.eid.as_str(), u);
        }
    }
    // Tests and debug builds check it against the walk, for the ids the plan has once.
    #[cfg(debug_assertions)]
    {
        let mut count: HashMap<&str, usize> = HashMap::new();
        plan.walk(&mut |u| *count.entry(u.eid.as_str()).or_default() += 1);
        let full: HashMap<&str, &Unit> = plan
            .task_units()
            .into_iter()
            .filter(|u| eids.contains(u.eid.as_str()))
            .map(|u| (u.eid.as_str(), u))
            .collect();
        for e in eids.iter().filter(|e| count.get(*e) == Some(&1)) {
            let (a, b) = (full.get(e), out.get(e));
            debug_assert!(
                a.is_some() == b.is_some() && a.zip(b).is_none_or(|(x, y)| std::ptr::eq(*x, *y)),
                "task lookup by id differs from the walk for {e}"
            );
        }
    }
    Some(out)
}

/// Finds the unit a target names.
pub(crate) fn resolve(
    plan: &Plan,
    target: &Target,
    top: &mut TopIndex,
    index: &mut FullIndex,
) -> Result<Path, Unresolved> {
    let fast = resolve_with(plan, target, Some((top, index)));
    // Tests and debug builds check the pruned search and the index against the full walk.
    #[cfg(debug_assertions)]
    {
        let full = resolve_with(plan, target, None);
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

/// With the indexes, the pruned search first (see [`find_by_prefix`]), then the full index;
/// without, the full walk only (the reference the debug builds compare with).
fn resolve_with(
    plan: &Plan,
    target: &Target,
    indexes: Option<(&mut TopIndex, &mut FullIndex)>,
) -> Result<Path, Unresolved> {
    let mut hits: Vec<(Path, CompactString)> = Vec::new();
    let (top, mut index) = match indexes {
        Some((t, i)) => (Some(t), Some(i)),
        None => (None, None),
    };
    match target {
        Target::Eid(eid) => {
            if let Some(top) = top {
                find_by_prefix(plan, top, eid, true, &mut hits);
            }
            let indexed = hits.is_empty() && index.as_mut().is_some_and(|i| i.use_for_miss());
            if let (true, Some(index)) = (indexed, index) {
                index.ensure(plan);
                hits = index
                    .by_eid
                    .get(eid.as_str())
                    .or_else(|| index.by_wid.get(eid.as_str()))
                    .cloned()
                    .unwrap_or_default();
            } else if hits.is_empty() {
                let mut by_wid = Vec::new();
                walk_paths(plan, &mut |p, u| {
                    if u.eid == *eid {
                        hits.push((p.clone(), u.eid.clone()));
                    } else if u.w_id.as_deref() == Some(eid.as_str()) {
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
            if let Some(top) = top {
                find_by_prefix(plan, top, &want, false, &mut hits);
            }
            let indexed = hits.is_empty() && index.as_mut().is_some_and(|i| i.use_for_miss());
            if let (true, Some(index)) = (indexed, index) {
                index.ensure(plan);
                hits = index
                    .by_number
                    .get(want.as_str())
                    .cloned()
                    .unwrap_or_default();
            } else if hits.is_empty() {
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

/// The eids in use while an amendment is applied: the plan's, minus the ones released, plus
/// the ones given out.
///
/// Built on first need ([`EidSet::ensure`], at the start of an operation that gives out or
/// takes back ids: insert, repeal, renumber, a whole unit substituted), from the working plan
/// as it then is: an amendment that only edits fields or phrases does not read every id of
/// the plan. The ids are kept in one buffer with a table from their hash to their place
/// (exact: a second id with the same hash goes to `collided`), not as a `String` each: the
/// working plan they come from is edited, so they cannot be borrowed.
#[derive(Default)]
pub(crate) struct EidSet {
    built: bool,
    buf: String,
    /// Hash of an id of the plan → its (start, end) in `buf`.
    original: HashMap<u64, (usize, usize), BuildHasherDefault<Prehashed>>,
    collided: HashSet<CompactString>,
    released: HashSet<CompactString>,
    added: HashSet<CompactString>,
}

/// The hasher of a table whose keys are hashes already.
#[derive(Default)]
pub(crate) struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

fn eid_hash(eid: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    eid.hash(&mut h);
    h.finish()
}

impl EidSet {
    /// Reads every eid of `plan` unless done already. Call it before an operation, while the
    /// set and the plan agree.
    pub(crate) fn ensure(&mut self, plan: &Plan) {
        if self.built {
            return;
        }
        self.built = true;
        plan.walk(&mut |x| {
            // One hash per id: a repeated id is skipped, a different id with the same hash
            // goes to `collided` (a set: repeats there are no-ops).
            let h = eid_hash(&x.eid);
            match self.original.get(&h) {
                Some(&(a, b)) if self.buf.get(a..b) == Some(x.eid.as_str()) => {}
                Some(_) => {
                    self.collided.insert(x.eid.clone());
                }
                None => {
                    let start = self.buf.len();
                    self.buf.push_str(&x.eid);
                    self.original.insert(h, (start, self.buf.len()));
                }
            }
        });
    }

    fn in_original(&self, eid: &str) -> bool {
        let at = self.original.get(&eid_hash(eid));
        at.and_then(|&(a, b)| self.buf.get(a..b)) == Some(eid) || self.collided.contains(eid)
    }

    pub(crate) fn contains(&self, eid: &str) -> bool {
        debug_assert!(self.built, "EidSet used before ensure");
        self.added.contains(eid) || (self.in_original(eid) && !self.released.contains(eid))
    }

    pub(crate) fn insert(&mut self, eid: &str) {
        debug_assert!(self.built, "EidSet used before ensure");
        if self.in_original(eid) {
            self.released.remove(eid);
        } else if !self.added.contains(eid) {
            self.added.insert(eid.into());
        }
    }

    pub(crate) fn remove(&mut self, eid: &str) {
        debug_assert!(self.built, "EidSet used before ensure");
        if !self.added.remove(eid) && self.in_original(eid) && !self.released.contains(eid) {
            self.released.insert(eid.into());
        }
    }
}

/// The id a unit with `num` gets under `parent` (Akoma Ntoso style), with `_2`, `_3` … when
/// the base is in `used`.
pub(crate) fn fresh_eid(
    parent_eid: Option<&str>,
    kind: UnitKind,
    num: &str,
    used: &EidSet,
) -> CompactString {
    let token = match kind {
        UnitKind::Section => num.to_string(),
        _ => crate::numbering::eid_token(num),
    };
    let base = match parent_eid {
        Some(p) => CompactString::from(format!("{p}__{}_{token}", kind.eid_prefix())),
        None => CompactString::from(format!("{}_{token}", kind.eid_prefix())),
    };
    if !used.contains(&base) {
        return base;
    }
    let mut n = 2u32;
    loop {
        let candidate = CompactString::from(format!("{base}_{n}"));
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
    used: &mut EidSet,
    keep_wid: bool,
) {
    let number = match parent {
        Some((_, pn)) => CompactString::from(format!("{pn}.{}", u.num)),
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
    used.insert(&u.eid);
    let (pe, pn) = (u.eid.clone(), u.number.clone());
    for c in &mut u.children {
        assign_ids(c, Some((&pe, &pn)), used, keep_wid);
    }
}

fn fresh_base(parent_eid: Option<&str>, kind: UnitKind, num: &str) -> CompactString {
    let none = EidSet {
        built: true,
        ..EidSet::default()
    };
    fresh_eid(parent_eid, kind, num, &none)
}

/// Removes a subtree's ids from `used`.
pub(crate) fn release_ids(u: &Unit, used: &mut EidSet) {
    u.walk(&mut |x| {
        used.remove(&x.eid);
    });
}
