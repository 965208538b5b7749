//! Where an inserted or renumbered unit goes: its place among its siblings, and the insert
//! operation itself.

use super::*;

impl Engine {
    /// Checks that `num` is free among the siblings of the unit at `path` (ignoring `skip`)
    /// and fits in sequence at index `at` (between `at - 1` and the next, skipping `skip`).
    #[allow(clippy::too_many_arguments)] // private helper; each argument is a distinct role
    pub(super) fn check_place(
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

    pub(super) fn whole_unit(
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
    pub(super) fn insert(
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
            eid: new.eid.as_str().to_owned(),
            number: new.number.as_str().to_owned(),
            before: None,
            after: Some(Box::new(new)),
        });
        Ok(())
    }
}
