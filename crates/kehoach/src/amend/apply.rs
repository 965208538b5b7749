//! Applying an amendment: all operations or none.
#![allow(clippy::result_large_err)] // a Diagnostic is the error of one operation, built once per failure: boxing buys nothing

use super::check::{check_number, correction_changes_content, inserted_after};
use super::edit::{self, respan};
use super::model::{Amendment, AmendmentResult, Change, Operation, Target};
use super::tree::{self, Path, Unresolved};
use crate::diagnostic::{Diagnostic, Localized, Severity, codes};
use crate::document::{FieldKey, Plan, Unit, UnitKind};
use crate::span::Span;
use std::collections::HashSet;

/// Applies an amendment to a plan: every operation in order on a working copy; if any fails,
/// the input plan is returned unchanged with every problem as a diagnostic.
///
/// ```
/// use kehoach::amend::{apply, Amendment, Operation, Target};
/// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
/// let a = Amendment {
///     symbol: "20/KH-UBND".into(),
///     date: kehoach::Date::from_ymd(2021, 3, 1).ok(),
///     operations: vec![Operation::Repeal { target: Target::number("II.3.b") }],
///     ..Amendment::default()
/// };
/// let r = apply(&plan, &a);
/// assert!(r.applied);
/// assert!(r.plan.find_number("II.3.b").is_empty());
/// assert_eq!(r.changes[0].eid, "sec_II__para_3__point_b");
/// ```
pub fn apply(plan: &Plan, amendment: &Amendment) -> AmendmentResult {
    apply_spanned(plan, amendment, &[])
}

/// What one operation touched, for the task check at the end.
struct Touched {
    op: usize,
    span: Span,
    eid: String,
    /// Whether the unit had a lead and a timeframe before (`None`: it is new). Two flags, not
    /// a copy of the unit: a copy of every unit under a section, each with its own sub-units,
    /// was most of the memory of a phrase replacement in that section.
    before: Option<TaskFields>,
}

/// Whether a unit has a (non-empty) lead agency and timeframe.
#[derive(Debug, Clone, Copy)]
struct TaskFields {
    lead: bool,
    timeframe: bool,
}

impl TaskFields {
    fn of(u: &Unit) -> Self {
        TaskFields {
            lead: u.leads.as_ref().is_some_and(|l| !l.text.trim().is_empty()),
            timeframe: u
                .fields(FieldKey::Timeframe)
                .next()
                .is_some_and(|b| !b.text.trim().is_empty()),
        }
    }
}

/// How to take one change of the working plan back (paths as they were right after it).
enum Undo {
    /// A unit was removed from here: put it back.
    Reinsert(Path, Unit),
    /// A unit was inserted here: take it out.
    Remove(Path),
    /// The unit here was replaced: put the old one back.
    Restore(Path, Unit),
}

struct Engine {
    work: Plan,
    used: tree::EidSet,
    changes: Vec<Change>,
    touched: Vec<Touched>,
    warnings: Vec<Diagnostic>,
    undo: Vec<Undo>,
    /// The top level by key, for resolving targets; invalidated by any change there.
    top: tree::TopIndex,
    index: tree::FullIndex,
    /// Units the changes hold so far (bounded by [`MAX_CHANGED_UNITS`]).
    recorded: usize,
}

/// [`apply`] with the span of each operation in the amendment source (Vietnamese
/// instructions, as [`read_amendment`](super::read_amendment) returns them); operations without
/// a span use `Span::default()`. Units made or edited by an operation and the operation's
/// diagnostics point at these spans, copied as given (the wasm bindings pass them in UTF-16
/// units).
pub fn apply_spanned(plan: &Plan, amendment: &Amendment, spans: &[Span]) -> AmendmentResult {
    apply_owned(plan.clone(), amendment, spans)
}

/// [`apply_spanned`] on a plan the caller owns and hands over: no copy of the plan is made.
/// The result holds the amended plan, or, when any operation fails, the plan exactly as it
/// was given (every change taken back in reverse order).
///
/// A caller that parsed a plan only to amend it (the CLI, the wasm bindings) saves the copy
/// [`apply`] makes to keep its input intact: at 10⁵ units that copy is most of the time.
///
/// ```
/// use kehoach::amend::{apply_owned, Amendment, Operation, Target};
/// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
/// let ops = vec![
///     Operation::Repeal { target: Target::number("II.3.b") },
///     Operation::Repeal { target: Target::number("II.9") }, // no such part
/// ];
/// let a = Amendment { operations: ops, ..Amendment::default() };
/// let r = apply_owned(plan.clone(), &a, &[]);
/// assert!(!r.applied);
/// assert_eq!(r.codes(), ["amend/target-not-found"]);
/// assert_eq!(r.plan, plan); // II.3.b is back where it was
/// ```
pub fn apply_owned(plan: Plan, amendment: &Amendment, spans: &[Span]) -> AmendmentResult {
    if amendment.operations.len() > MAX_OPERATIONS {
        return AmendmentResult {
            applied: false,
            plan,
            changes: Vec::new(),
            diagnostics: vec![codes::amend_too_many_operations(
                spans.get(MAX_OPERATIONS).copied().unwrap_or_default(),
                MAX_OPERATIONS,
            )],
            amendment: Some(amendment.clone()),
        };
    }
    let mut errors = Vec::new();
    if amendment.operations.is_empty() {
        errors.push(codes::amend_empty(Span::default()));
    }
    if let (Some(d), Some(pd)) = (amendment.date, plan.meta.date) {
        if d < pd {
            errors.push(codes::amend_before_plan(Span::default(), d, pd));
        }
    }
    let mut e = Engine {
        used: tree::EidSet::default(),
        work: plan,
        changes: Vec::new(),
        touched: Vec::new(),
        warnings: Vec::new(),
        undo: Vec::new(),
        top: tree::TopIndex::default(),
        index: tree::FullIndex::default(),
        recorded: 0,
    };
    for (i, op) in amendment.operations.iter().enumerate() {
        let span = spans.get(i).copied().unwrap_or_default();
        if let Err(d) = e.apply_op(op, i + 1, span) {
            // Past the change budget every later operation would fail the same way.
            let stop = d.code == codes::AMEND_TOO_MANY_CHANGES;
            errors.push(d);
            if stop {
                break;
            }
        }
    }
    errors.extend(e.check_tasks());
    if errors.is_empty() {
        AmendmentResult {
            applied: true,
            plan: e.work,
            changes: e.changes,
            diagnostics: e.warnings,
            amendment: Some(amendment.clone()),
        }
    } else {
        let Engine { mut work, undo, .. } = e;
        take_back(&mut work, undo);
        AmendmentResult {
            applied: false,
            plan: work,
            changes: Vec::new(),
            diagnostics: errors,
            amendment: Some(amendment.clone()),
        }
    }
}

/// Takes every recorded change back, last first.
fn take_back(work: &mut Plan, undo: Vec<Undo>) {
    for u in undo.into_iter().rev() {
        match u {
            Undo::Reinsert(path, unit) => {
                if let (Some(list), Some(&at)) = (tree::siblings_mut(work, &path), path.last()) {
                    list.insert(at.min(list.len()), unit);
                }
            }
            Undo::Remove(path) => {
                if let (Some(list), Some(&at)) = (tree::siblings_mut(work, &path), path.last()) {
                    if at < list.len() {
                        list.remove(at);
                    }
                }
            }
            Undo::Restore(path, unit) => {
                if let Some(slot) = tree::get_mut(work, &path) {
                    *slot = unit;
                }
            }
        }
    }
}

/// The most bytes one phrase replacement (`replacePhrase`, `correct`) may add to its target
/// and sub-units: real amendments add a few hundred; a hostile one could add megabytes that
/// every later step re-reads.
pub const MAX_PHRASE_GROWTH: usize = 64 * 1024;

/// Most operations one amendment may have (real ones have tens): more are refused with
/// `amend/too-many-operations` before any is applied. Operations that insert units next to
/// each other shift their sibling lists, and each changes the tree between two targets that
/// miss: without a bound, a hostile text of 10⁵ such pairs would freeze a portal for minutes.
pub const MAX_OPERATIONS: usize = 2_000;

/// Most units the changes of one amendment may hold: each [`Change`] holds the unit before and
/// after with its sub-units, so an operation on a section counts the section's units twice.
/// Real amendments hold tens to a few thousand. Past the budget the operation is refused with
/// `amend/too-many-changes` and nothing is applied. Without it, 2 000 phrase replacements in
/// one section (a 100 KB text) copied, re-read and serialized that section 2 000 times: on the
/// seed plan 100 of them already took 0.6 s, 100 MB and 38 MB of JSON.
pub const MAX_CHANGED_UNITS: usize = 20_000;

/// The unit and its sub-units.
fn units_in(u: &Unit) -> usize {
    let mut k = 0usize;
    u.walk(&mut |_| k = k.saturating_add(1));
    k
}

fn invalid(span: Span, op: usize, vi: impl Into<String>, en: impl Into<String>) -> Diagnostic {
    codes::amend_invalid_operation(span, op, Localized::new(vi, en))
}

fn clean_num(s: &str) -> String {
    crate::text::normalize(s)
        .trim()
        .trim_end_matches([')', '.'])
        .trim()
        .to_string()
}

impl Engine {
    fn resolve(&mut self, target: &Target, op: usize, span: Span) -> Result<Path, Diagnostic> {
        tree::resolve(&self.work, target, &mut self.top, &mut self.index).map_err(|e| match e {
            Unresolved::NotFound => codes::amend_target_not_found(span, op, &target.to_string()),
            Unresolved::Ambiguous(eids) => {
                codes::amend_ambiguous_target(span, op, &target.to_string(), &eids)
            }
        })
    }

    fn unit(&self, path: &[usize]) -> Result<&Unit, Diagnostic> {
        tree::get(&self.work, path)
            .ok_or_else(|| invalid(Span::default(), 0, "lỗi nội bộ", "internal error"))
    }

    fn parent_ids(&self, path: &[usize]) -> Option<(String, String)> {
        tree::parent(&self.work, path).map(|p| (p.eid.clone(), p.number.clone()))
    }

    fn replace_at(&mut self, path: &[usize], u: Unit) {
        if path.len() == 1 {
            self.top.invalidate();
        }
        if let Some(slot) = tree::get_mut(&mut self.work, path) {
            if !tree::same_keys(slot, &u) {
                self.index.invalidate();
            }
            let old = std::mem::replace(slot, u);
            self.undo.push(Undo::Restore(path.to_vec(), old));
        }
    }

    fn warn(&mut self, diags: Vec<Diagnostic>, span: Span) {
        self.warnings.extend(
            diags
                .into_iter()
                .map(|d| Diagnostic { span, ..d }.with_severity(Severity::Warning)),
        );
    }

    /// Records the unit and its sub-units as touched by operation `op` (before: `old`).
    fn touch(&mut self, op: usize, span: Span, new: &Unit, old: Option<&Unit>) {
        let mut olds = std::collections::HashMap::new();
        if let Some(o) = old {
            o.walk(&mut |x| {
                olds.insert(x.eid.as_str(), TaskFields::of(x));
            });
        }
        new.walk(&mut |x| {
            let before = olds.get(x.eid.as_str()).copied();
            self.touched.push(Touched {
                op,
                span,
                eid: x.eid.clone(),
                before,
            });
        });
    }

    fn apply_op(&mut self, op: &Operation, n: usize, span: Span) -> Result<(), Diagnostic> {
        let gives_ids = match op {
            Operation::Repeal { .. } | Operation::Renumber { .. } | Operation::Insert { .. } => {
                true
            }
            Operation::Substitute { unit, .. } => unit.is_some(),
            Operation::ReplacePhrase { .. } | Operation::Correct { .. } => false,
        };
        if gives_ids {
            self.used.ensure(&self.work);
        }
        match op {
            Operation::Repeal { target } => {
                let path = self.resolve(target, n, span)?;
                self.reserve(units_in(self.unit(&path)?), n, span)?;
                let Some((idx, _)) = path.split_last() else {
                    return Err(invalid(span, n, "lỗi nội bộ", "internal error"));
                };
                let sibs = tree::siblings_mut(&mut self.work, &path)
                    .ok_or_else(|| invalid(span, n, "lỗi nội bộ", "internal error"))?;
                if *idx >= sibs.len() {
                    return Err(invalid(span, n, "lỗi nội bộ", "internal error"));
                }
                let old = sibs.remove(*idx);
                if path.len() == 1 {
                    self.top.invalidate();
                }
                self.index.invalidate();
                self.undo.push(Undo::Reinsert(path.clone(), old.clone()));
                tree::release_ids(&old, &mut self.used);
                self.changes.push(Change {
                    op: op.name().into(),
                    eid: old.eid.clone(),
                    number: old.number.clone(),
                    before: Some(Box::new(old)),
                    after: None,
                });
                Ok(())
            }
            Operation::Renumber { target, to } => {
                let path = self.resolve(target, n, span)?;
                self.reserve(units_in(self.unit(&path)?).saturating_mul(2), n, span)?;
                let to = clean_num(to);
                let old = self.unit(&path)?.clone();
                if to == old.num {
                    return Err(invalid(
                        span,
                        n,
                        format!("{} đã có số hiệu \"{to}\"", old.number),
                        format!("{} is already numbered \"{to}\"", old.number),
                    ));
                }
                let idx = path.last().copied().unwrap_or(0);
                self.check_place(&path, idx, Some(idx), old.kind, &to, n, span)?;
                let parent = self.parent_ids(&path);
                let mut new = old.clone();
                new.num = to;
                tree::release_ids(&old, &mut self.used);
                tree::assign_ids(
                    &mut new,
                    parent.as_ref().map(|(e, p)| (e.as_str(), p.as_str())),
                    &mut self.used,
                    true,
                );
                self.push_change(op, old, &new);
                self.replace_at(&path, new);
                Ok(())
            }
            Operation::Insert {
                after,
                before,
                into,
                number,
                kind,
                text,
            } => self.insert(op, n, span, [after, before, into], number, *kind, text),
            Operation::Substitute {
                target,
                heading,
                text,
                leads,
                partners,
                timeframe,
                unit,
            } => {
                let path = self.resolve(target, n, span)?;
                self.reserve(units_in(self.unit(&path)?), n, span)?;
                let old = self.unit(&path)?.clone();
                let fields = [heading, text, leads, partners, timeframe];
                let any_field = fields.iter().any(|f| f.is_some());
                let new = match (unit, any_field) {
                    (Some(_), true) => {
                        return Err(invalid(
                            span,
                            n,
                            "\"unit\" thay cả đơn vị, không dùng cùng các trường khác",
                            "\"unit\" replaces the whole unit and excludes the other fields",
                        ));
                    }
                    (None, false) => {
                        return Err(invalid(
                            span,
                            n,
                            "không có nội dung nào để thay thế",
                            "nothing to substitute",
                        ));
                    }
                    (Some(t), false) => self.whole_unit(&old, t, n, span)?,
                    (None, true) => {
                        let mut new = old.clone();
                        if let Some(h) = heading {
                            if old.kind == UnitKind::Point {
                                return Err(invalid(
                                    span,
                                    n,
                                    "điểm không có tiêu đề: dùng \"text\"",
                                    "points have no heading: use \"text\"",
                                ));
                            }
                            let h = crate::text::normalize(h);
                            match &mut new.heading {
                                Some(x) => x.text = h,
                                None => {
                                    new.heading = Some(crate::document::Spanned { text: h, span })
                                }
                            }
                        }
                        if let Some(t) = text {
                            edit::set_text(&mut new, t);
                        }
                        for (v, key) in [
                            (leads, FieldKey::Lead),
                            (partners, FieldKey::Partner),
                            (timeframe, FieldKey::Timeframe),
                        ] {
                            if let Some(v) = v {
                                edit::set_field(&mut new, key, v);
                            }
                        }
                        let diags = edit::rebuild(&mut new, span)
                            .map_err(|why| codes::amend_invalid_operation(span, n, why))?;
                        self.warn(diags, span);
                        new
                    }
                };
                self.reserve(units_in(&new), n, span)?;
                self.touch(n, span, &new, Some(&old));
                self.push_change(op, old, &new);
                self.replace_at(&path, new);
                Ok(())
            }
            Operation::ReplacePhrase {
                target,
                find,
                replace,
            }
            | Operation::Correct {
                target,
                find,
                replace,
            } => {
                let path = self.resolve(target, n, span)?;
                self.reserve(units_in(self.unit(&path)?).saturating_mul(2), n, span)?;
                let old = self.unit(&path)?.clone();
                let (find, replace) = (
                    crate::text::normalize(find),
                    crate::text::normalize(replace),
                );
                // A short phrase replaced by a long one everywhere in a section can multiply
                // the text (one "c" → 4 KB: megabytes to re-read): bounded before any work.
                let growth = edit::phrase_growth(&old, &find, &replace);
                if growth > MAX_PHRASE_GROWTH {
                    return Err(invalid(
                        span,
                        n,
                        format!(
                            "thay cụm từ sẽ thêm {growth} byte vào {}, quá giới hạn {MAX_PHRASE_GROWTH} byte cho một thao tác",
                            old.number
                        ),
                        format!(
                            "replacing the phrase would add {growth} bytes to {}, over the {MAX_PHRASE_GROWTH}-byte limit of one operation",
                            old.number
                        ),
                    ));
                }
                let mut new = old.clone();
                let mut count = 0;
                let mut diags = Vec::new();
                let mut fail = None;
                replace_tree(
                    &mut new, &find, &replace, span, &mut count, &mut diags, &mut fail,
                );
                if let Some(why) = fail {
                    return Err(codes::amend_invalid_operation(span, n, why));
                }
                if count == 0 {
                    return Err(codes::amend_phrase_not_found(span, n, &find, &old.number));
                }
                if matches!(op, Operation::Correct { .. }) {
                    if let Some(why) = correction_changes_content(&old, &new, &find, &replace) {
                        return Err(codes::amend_correction_changes_content(span, n, why));
                    }
                }
                self.warn(diags, span);
                self.touch(n, span, &new, Some(&old));
                self.push_change(op, old, &new);
                self.replace_at(&path, new);
                Ok(())
            }
        }
    }

    /// Counts `units` more toward [`MAX_CHANGED_UNITS`]; refuses the operation past it.
    fn reserve(&mut self, units: usize, n: usize, span: Span) -> Result<(), Diagnostic> {
        match self.recorded.checked_add(units) {
            Some(total) if total <= MAX_CHANGED_UNITS => {
                self.recorded = total;
                Ok(())
            }
            _ => Err(codes::amend_too_many_changes(span, n, MAX_CHANGED_UNITS)),
        }
    }

    /// Records a change; `old` is the caller's copy of the unit before (the tree's own goes
    /// to the undo log).
    fn push_change(&mut self, op: &Operation, old: Unit, new: &Unit) {
        self.changes.push(Change {
            op: op.name().into(),
            eid: new.eid.clone(),
            number: new.number.clone(),
            before: Some(Box::new(old)),
            after: Some(Box::new(new.clone())),
        });
    }

    /// Checks that `num` is free among the siblings of the unit at `path` (ignoring `skip`)
    /// and fits in sequence at index `at` (between `at - 1` and the next, skipping `skip`).
    #[allow(clippy::too_many_arguments)] // private helper; each argument is a distinct role
    fn check_place(
        &self,
        path: &[usize],
        at: usize,
        skip: Option<usize>,
        kind: UnitKind,
        num: &str,
        n: usize,
        span: Span,
    ) -> Result<(), Diagnostic> {
        let sibs = tree::siblings(&self.work, path).unwrap_or(&[]);
        if let Some(u) = sibs
            .iter()
            .enumerate()
            .find(|(i, u)| Some(*i) != skip && u.kind == kind && u.num == num)
            .map(|(_, u)| u)
        {
            return Err(codes::amend_number_taken(span, n, num, &u.number));
        }
        let same = |i: &usize| Some(*i) != skip && sibs.get(*i).is_some_and(|u| u.kind == kind);
        let prev = (0..at).rev().find(same).and_then(|i| sibs.get(i));
        let next_from = if skip == Some(at) { at + 1 } else { at };
        let next = (next_from..sibs.len()).find(same).and_then(|i| sibs.get(i));
        check_number(
            kind,
            num,
            prev.map(|u| u.num.as_str()),
            next.map(|u| u.num.as_str()),
        )
        .map_err(|why| codes::amend_invalid_number(span, n, num, why))
    }

    fn whole_unit(
        &mut self,
        old: &Unit,
        text: &str,
        n: usize,
        span: Span,
    ) -> Result<Unit, Diagnostic> {
        let (mut new, diags) = edit::unit_from_text(text, old.kind, Some(&old.num))
            .map_err(|why| codes::amend_invalid_operation(span, n, why))?;
        self.warn(diags, span);
        tree::release_ids(old, &mut self.used);
        new.eid = old.eid.clone();
        self.used.insert(&old.eid);
        new.number = old.number.clone();
        new.w_id = old.w_id.clone();
        let (pe, pn) = (new.eid.clone(), new.number.clone());
        for c in &mut new.children {
            tree::assign_ids(c, Some((&pe, &pn)), &mut self.used, false);
        }
        respan(&mut new, span);
        Ok(new)
    }

    #[allow(clippy::too_many_arguments)] // the fields of one operation
    fn insert(
        &mut self,
        op: &Operation,
        n: usize,
        span: Span,
        anchors: [&Option<Target>; 3],
        number: &Option<String>,
        kind: Option<UnitKind>,
        text: &str,
    ) -> Result<(), Diagnostic> {
        let [after, before, into] = anchors;
        let given = [after, before, into].iter().filter(|a| a.is_some()).count();
        if given != 1 {
            return Err(invalid(
                span,
                n,
                "cần đúng một trong \"after\", \"before\", \"into\"",
                "give exactly one of \"after\", \"before\", \"into\"",
            ));
        }
        // Where: the sibling list (by a path into it), the index, the kind.
        let (list_path, at, kind, parent) = if let Some(t) = after.as_ref().or(before.as_ref()) {
            let p = self.resolve(t, n, span)?;
            let anchor = self.unit(&p)?;
            let idx = p.last().copied().unwrap_or(0);
            let at = if after.is_some() { idx + 1 } else { idx };
            (p.clone(), at, anchor.kind, self.parent_ids(&p))
        } else if let Some(t) = into {
            let p = self.resolve(t, n, span)?;
            let parent = self.unit(&p)?;
            let k = match (kind, parent.children.first(), parent.kind) {
                (Some(k), _, _) => k,
                (None, Some(c), _) => c.kind,
                (None, None, UnitKind::Section) => UnitKind::Part,
                (None, None, _) => UnitKind::Point,
            };
            if k <= parent.kind {
                return Err(invalid(
                    span,
                    n,
                    format!(
                        "không thể thêm {} vào {}",
                        k.vietnamese(),
                        parent.kind.vietnamese()
                    ),
                    format!(
                        "a {} cannot go into a {}",
                        edit::kind_en(k),
                        edit::kind_en(parent.kind)
                    ),
                ));
            }
            let at = parent.children.len();
            let mut list_path = p.clone();
            list_path.push(at);
            (
                list_path,
                at,
                k,
                Some((parent.eid.clone(), parent.number.clone())),
            )
        } else {
            return Err(invalid(span, n, "thiếu vị trí", "no position"));
        };
        let number = number.as_deref().map(clean_num);
        let parsed = match edit::unit_from_text(text, kind, number.as_deref()) {
            Ok(x) => x,
            Err(why) => {
                let derived = if number.is_none() && after.is_some() {
                    let sibs = tree::siblings(&self.work, &list_path).unwrap_or(&[]);
                    at.checked_sub(1)
                        .and_then(|i| sibs.get(i))
                        .and_then(|u| inserted_after(kind, &u.num))
                } else {
                    None
                };
                match derived {
                    Some(d) => edit::unit_from_text(text, kind, Some(&d))
                        .map_err(|why| codes::amend_invalid_operation(span, n, why))?,
                    None => {
                        if number.is_none() && !text.trim_start().is_empty() {
                            return Err(codes::amend_invalid_number(span, n, "", why));
                        }
                        return Err(codes::amend_invalid_operation(span, n, why));
                    }
                }
            }
        };
        let (mut new, diags) = parsed;
        self.reserve(units_in(&new), n, span)?;
        self.check_place(&list_path, at, None, kind, &new.num, n, span)?;
        self.warn(diags, span);
        tree::assign_ids(
            &mut new,
            parent.as_ref().map(|(e, p)| (e.as_str(), p.as_str())),
            &mut self.used,
            false,
        );
        respan(&mut new, span);
        let list = tree::siblings_mut(&mut self.work, &list_path)
            .ok_or_else(|| invalid(span, n, "lỗi nội bộ", "internal error"))?;
        let at = at.min(list.len());
        list.insert(at, new.clone());
        if list_path.len() == 1 {
            self.top.invalidate();
        }
        self.index.invalidate();
        let mut path = list_path;
        if let Some(last) = path.last_mut() {
            *last = at;
        }
        self.undo.push(Undo::Remove(path));
        self.touch(n, span, &new, None);
        self.changes.push(Change {
            op: op.name().into(),
            eid: new.eid.clone(),
            number: new.number.clone(),
            before: None,
            after: Some(Box::new(new)),
        });
        Ok(())
    }

    /// Tasks touched by an operation must keep (or, when new, have) a lead and a timeframe.
    fn check_tasks(&self) -> Vec<Diagnostic> {
        if self.touched.is_empty() {
            return Vec::new();
        }
        // Only the touched units are looked up, each down its id's path; the whole plan is
        // walked only when an id is not found that way (a hand-made plan whose ids do not
        // extend their parent's, or one that repeats an id).
        let wanted: HashSet<&str> = self.touched.iter().map(|t| t.eid.as_str()).collect();
        let units = tree::task_units_by_eid(&self.work, &wanted).unwrap_or_else(|| {
            self.work
                .task_units()
                .into_iter()
                .filter(|u| wanted.contains(u.eid.as_str()))
                .map(|u| (u.eid.as_str(), u))
                .collect()
        });
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for t in self.touched.iter().rev() {
            if !seen.insert(t.eid.as_str()) {
                continue;
            }
            let Some(u) = units.get(t.eid.as_str()).copied() else {
                continue;
            };
            let now = TaskFields::of(u);
            let (had_lead, had_tf) = t.before.map_or((true, true), |b| (b.lead, b.timeframe));
            let mut missing = Vec::new();
            if !now.lead && had_lead {
                missing.push(("cơ quan chủ trì", "a lead agency"));
            }
            if !now.timeframe && had_tf {
                missing.push(("thời gian thực hiện", "a timeframe"));
            }
            if !missing.is_empty() {
                let vi: Vec<&str> = missing.iter().map(|m| m.0).collect();
                let en: Vec<&str> = missing.iter().map(|m| m.1).collect();
                out.push(codes::amend_task_incomplete(
                    t.span,
                    t.op,
                    &u.number,
                    Localized::new(vi.join(" và "), en.join(" and ")),
                ));
            }
        }
        out.sort_by_key(|d| d.span.start);
        out
    }
}

/// Replaces a phrase in a unit and its sub-units, re-deriving each changed unit.
fn replace_tree(
    u: &mut Unit,
    find: &str,
    replace: &str,
    span: Span,
    count: &mut usize,
    diags: &mut Vec<Diagnostic>,
    fail: &mut Option<Localized>,
) {
    let k = edit::replace_in_unit(u, find, replace);
    if k > 0 {
        *count += k;
        match edit::rebuild(u, span) {
            Ok(d) => diags.extend(d),
            Err(why) => *fail = Some(why),
        }
    }
    for c in &mut u.children {
        replace_tree(c, find, replace, span, count, diags, fail);
    }
}
