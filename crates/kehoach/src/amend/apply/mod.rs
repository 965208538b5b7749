//! Applying an amendment: all operations or none.
#![allow(clippy::result_large_err)] // a Diagnostic is the error of one operation, built once per failure: boxing buys nothing

use super::check::{check_number, correction_changes_content, inserted_after};
use super::edit::{self, respan};
use super::model::{Amendment, AmendmentResult, Change, Operation, Target};
use super::tree::{self, Path, Unresolved};
use crate::diagnostic::{Diagnostic, Localized, Severity, codes};
use crate::document::{FieldKey, Plan, Unit, UnitKind};
use crate::span::Span;

mod insert;
mod tasks;

use tasks::Touched;

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
        let found = tree::resolve(&self.work, target, &mut self.top, &mut self.index);
        // "Phụ lục II" of a plan whose only appendix is Phụ lục II: the parser numbers its
        // rows `PL.…` (its `num` keeps `PL2`).
        let found = match (found, self.single_appendix_alias(target)) {
            (Err(Unresolved::NotFound), Some(alias)) => {
                tree::resolve(&self.work, &alias, &mut self.top, &mut self.index)
            }
            (found, _) => found,
        };
        found.map_err(|e| match e {
            Unresolved::NotFound => codes::amend_target_not_found(span, op, &target.to_string()),
            Unresolved::Ambiguous(eids) => {
                codes::amend_ambiguous_target(span, op, &target.to_string(), &eids)
            }
        })
    }

    /// `PL2.I.1` as `PL.I.1` when the plan's only appendix is the one numbered `PL2`.
    fn single_appendix_alias(&self, target: &Target) -> Option<Target> {
        let Target::Number { path, occurrence } = target else {
            return None;
        };
        let head = path.split('.').next()?;
        if head == "PL" || !head.starts_with("PL") {
            return None;
        }
        let mut appendices =
            self.work.body.iter().filter(|u| {
                u.kind == crate::document::UnitKind::Division && u.num.starts_with("PL")
            });
        let only = appendices.next()?;
        if appendices.next().is_some() || only.number != "PL" || only.num != head {
            return None;
        }
        Some(Target::Number {
            path: format!("PL{}", path.get(head.len()..).unwrap_or("")),
            occurrence: *occurrence,
        })
    }

    fn unit(&self, path: &[usize]) -> Result<&Unit, Diagnostic> {
        tree::get(&self.work, path)
            .ok_or_else(|| invalid(Span::default(), 0, "lỗi nội bộ", "internal error"))
    }

    fn parent_ids(
        &self,
        path: &[usize],
    ) -> Option<(compact_str::CompactString, compact_str::CompactString)> {
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

    fn apply_op(&mut self, op: &Operation, n: usize, span: Span) -> Result<(), Diagnostic> {
        if let Operation::ReplacePlan { replaced } = op {
            let plan = self
                .work
                .meta
                .number
                .as_ref()
                .map(|s| s.text.as_str())
                .unwrap_or("");
            return Err(codes::amend_plan_replaced(span, n, replaced, plan));
        }
        let gives_ids = match op {
            Operation::Repeal { .. } | Operation::Renumber { .. } | Operation::Insert { .. } => {
                true
            }
            Operation::Substitute { unit, .. } => unit.is_some(),
            Operation::ReplacePhrase { .. }
            | Operation::Correct { .. }
            | Operation::ReplacePlan { .. } => false,
        };
        if gives_ids {
            self.used.ensure(&self.work);
        }
        let whole = match op {
            Operation::Repeal { target }
            | Operation::Renumber { target, .. }
            | Operation::Substitute { target, .. } => target.is_whole_plan(),
            Operation::Insert {
                after,
                before,
                into,
                ..
            } => [after, before, into]
                .into_iter()
                .flatten()
                .any(Target::is_whole_plan),
            Operation::ReplacePhrase { .. }
            | Operation::Correct { .. }
            | Operation::ReplacePlan { .. } => false,
        };
        if whole {
            return Err(invalid(
                span,
                n,
                "chỉ thao tác với cụm từ mới áp dụng cho toàn bộ kế hoạch; hãy nêu điểm/khoản/mục",
                "only phrase operations apply to the whole plan; name the unit",
            ));
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
                    eid: old.eid.as_str().to_owned(),
                    number: old.number.as_str().to_owned(),
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
                new.num = to.into();
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
                heading_only,
            }
            | Operation::Correct {
                target,
                find,
                replace,
                heading_only,
            } => {
                let (find, replace) = (
                    crate::text::normalize(find),
                    crate::text::normalize(replace),
                );
                if target.is_whole_plan() {
                    // "… trong toàn bộ Kế hoạch": every section that has the phrase.
                    let mut total = 0;
                    for i in 0..self.work.body.len() {
                        total += self.replace_phrase_at(
                            op,
                            &[i],
                            (&find, &replace, *heading_only),
                            n,
                            span,
                            true,
                        )?;
                    }
                    if total == 0 {
                        return Err(codes::amend_phrase_not_found(
                            span,
                            n,
                            &find,
                            "toàn bộ kế hoạch",
                        ));
                    }
                    return Ok(());
                }
                let path = self.resolve(target, n, span)?;
                self.replace_phrase_at(op, &path, (&find, &replace, *heading_only), n, span, false)
                    .map(|_| ())
            }
            // Refused above.
            Operation::ReplacePlan { .. } => Ok(()),
        }
    }

    /// Replaces `find` by `replace` in the unit at `path` and its sub-units; returns how many
    /// times. Unless `may_miss`, a unit without the phrase is an error.
    #[allow(clippy::too_many_arguments)] // one operation's context
    fn replace_phrase_at(
        &mut self,
        op: &Operation,
        path: &[usize],
        (find, replace, heading_only): (&str, &str, bool),
        n: usize,
        span: Span,
        may_miss: bool,
    ) -> Result<usize, Diagnostic> {
        self.reserve(units_in(self.unit(path)?).saturating_mul(2), n, span)?;
        let old = self.unit(path)?.clone();
        // A short phrase replaced by a long one everywhere in a section can multiply
        // the text (one "c" → 4 KB: megabytes to re-read): bounded before any work.
        let growth = edit::phrase_growth(&old, find, replace);
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
        if heading_only {
            // "tại tên Điều 3": the name alone.
            if let Some(h) = &mut new.heading {
                if let Some(t) = edit::replace_phrase(&h.text, find, replace) {
                    h.text = t;
                    count = 1;
                    match edit::rebuild(&mut new, span) {
                        Ok(d) => diags.extend(d),
                        Err(why) => fail = Some(why),
                    }
                }
            }
        } else {
            replace_tree(
                &mut new, find, replace, span, &mut count, &mut diags, &mut fail,
            );
        }
        if let Some(why) = fail {
            return Err(codes::amend_invalid_operation(span, n, why));
        }
        if count == 0 {
            if may_miss {
                return Ok(0);
            }
            return Err(codes::amend_phrase_not_found(span, n, find, &old.number));
        }
        if matches!(op, Operation::Correct { .. }) {
            if let Some(why) = correction_changes_content(&old, &new, find, replace) {
                return Err(codes::amend_correction_changes_content(span, n, why));
            }
        }
        self.warn(diags, span);
        self.touch(n, span, &new, Some(&old));
        self.push_change(op, old, &new);
        self.replace_at(path, new);
        Ok(count)
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
            eid: new.eid.as_str().to_owned(),
            number: new.number.as_str().to_owned(),
            before: Some(Box::new(old)),
            after: Some(Box::new(new.clone())),
        });
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
