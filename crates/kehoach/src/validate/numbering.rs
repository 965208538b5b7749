//! Numbering: sections I, II, … consecutive; parts 1, 2, … per section; points a, b, c, d, đ, …
//! per part; inserted units (`a1`, `3a`) only right after their base.
//!
//! Each list of siblings is *aligned* against the expected sequence, so one defect gives one
//! diagnostic: in "a b c d d e g" the second "d" is reported once, as a duplicate whose fix is
//! the letter missing from the sequence ("đ"), and neither "đ skipped" nor "e out of order"
//! follows from it.

use super::Place;
use crate::diagnostic::{Diagnostic, Localized, codes};
use crate::document::{Plan, Unit, UnitKind};
use crate::numbering::{PointNum, letter_at, letter_index, parse_roman, to_roman};

/// A sibling's designation reduced to positions: `pos` is the 0-based place of its base in the
/// sequence (`None` when the designation is not in the sequence, like "f" or "ă"); `insert` is
/// 0 for an original unit and n for the n-th inserted one (`a1`, `3a`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Item {
    pub pos: Option<u32>,
    pub insert: u32,
}

/// One defect of a sibling list (indices into the list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Finding {
    /// `at` repeats `first`; `fix` is the position it should have, when that one is missing.
    Duplicate {
        at: usize,
        first: usize,
        fix: Option<u32>,
    },
    /// Positions missing before `at`.
    Skipped { at: usize, missing: Vec<u32> },
    /// `at` comes after `previous`, which it should precede.
    Order { at: usize, previous: usize },
    /// `at` is not in the sequence; `suggestion` is the position expected there.
    Invalid { at: usize, suggestion: Option<u32> },
    /// An inserted unit not right after `base` (position, insert).
    Misplaced { at: usize, base: (u32, u32) },
}

/// Aligns a sibling list against the sequence 0, 1, 2, … (linear up to a log factor). With
/// `free_start` the sequence starts at the first original item (a fragment's top level).
pub(super) fn align(items: &[Item], free_start: bool) -> Vec<Finding> {
    // (position, index) of each original, by position then index: the indices at which a
    // position occurs are a run of it. (A sorted list rather than maps: wasm size, issue 22.)
    let mut at: Vec<(u32, usize)> = items
        .iter()
        .enumerate()
        .filter_map(|(k, it)| (it.insert == 0).then_some((it.pos?, k)))
        .collect();
    crate::sort::sort_by_key(&mut at, |&(p, _)| p);
    let run = |p: u32| {
        let start = at.partition_point(|&(q, _)| q < p);
        let len = at
            .get(start..)
            .map_or(0, |r| r.partition_point(|&(q, _)| q == p));
        at.get(start..start + len).unwrap_or(&[])
    };
    // Whether position `p` occurs after index `k`, to tell "skipped" from "comes later".
    let later = |p: u32, k: usize| run(p).last().is_some_and(|&(_, j)| j > k);
    // The first index before `k` at which `p` occurs.
    let first_before = |p: u32, k: usize| run(p).first().map(|&(_, j)| j).filter(|&j| j < k);
    let mut out = Vec::new();
    // The last accepted original position and where it was.
    let mut last: Option<(u32, usize)> = None;
    if free_start {
        let first = items.iter().find(|it| it.insert == 0).and_then(|it| it.pos);
        // One before the first original: `expected` then equals it.
        last = first
            .and_then(|p| p.checked_sub(1))
            .map(|p| (p, usize::MAX));
    }
    let mut prev: Option<Item> = None;
    for (k, it) in items.iter().enumerate() {
        let expected = last.map_or(0, |(p, _)| p + 1);
        match (it.pos, it.insert) {
            (Some(p), 0) => {
                if p == expected {
                    last = Some((p, k));
                } else if let Some(first) = first_before(p, k) {
                    let is_last = last.is_some_and(|(lp, _)| lp == p);
                    let fix = (is_last && !later(expected, k)).then_some(expected);
                    out.push(Finding::Duplicate { at: k, first, fix });
                    if let Some(f) = fix {
                        last = Some((f, k));
                    }
                } else if p > expected {
                    let missing: Vec<u32> = (expected..p).filter(|&m| !later(m, k)).collect();
                    if !missing.is_empty() {
                        out.push(Finding::Skipped { at: k, missing });
                    }
                    last = Some((p, k));
                } else if let Some((_, previous)) = last {
                    out.push(Finding::Order { at: k, previous });
                }
            }
            (Some(p), n) => {
                let base = (p, n - 1);
                let ok = prev.is_some_and(|q| q.pos == Some(p) && q.insert == n - 1);
                if !ok {
                    out.push(Finding::Misplaced { at: k, base });
                }
            }
            (None, _) => {
                let suggestion = (!later(expected, k)).then_some(expected);
                out.push(Finding::Invalid { at: k, suggestion });
                if let Some(s) = suggestion {
                    last = Some((s, k));
                }
            }
        }
        prev = Some(*it);
    }
    out
}

fn point_item(num: &str) -> Item {
    match PointNum::parse(num) {
        Some(p) => Item {
            pos: u32::try_from(p.index()).ok(),
            insert: u32::from(p.insert()),
        },
        None => Item {
            pos: None,
            insert: 0,
        },
    }
}

fn part_item(num: &str) -> Item {
    let digits = num.bytes().take_while(u8::is_ascii_digit).count();
    let number: Option<u32> = num.get(..digits).and_then(|d| d.parse().ok());
    let mut rest = num.get(digits..).unwrap_or("").chars();
    let insert = match (rest.next(), rest.next()) {
        (None, _) => Some(0),
        (Some(c), None) => letter_index(c).and_then(|i| u32::try_from(i + 1).ok()),
        _ => None,
    };
    match (number.and_then(|n| n.checked_sub(1)), insert) {
        (Some(pos), Some(insert)) => Item {
            pos: Some(pos),
            insert,
        },
        _ => Item {
            pos: None,
            insert: 0,
        },
    }
}

fn section_item(num: &str) -> Item {
    Item {
        pos: parse_roman(num).and_then(|n| n.checked_sub(1)),
        insert: 0,
    }
}

/// The designation at a sequence position, as it would be written ("đ", "a1", "3a", "IV").
fn designation(kind: UnitKind, pos: u32, insert: u32) -> String {
    let idx = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
    match kind {
        UnitKind::Point => {
            let mut s = letter_at(idx(pos)).map(String::from).unwrap_or_default();
            if insert > 0 {
                s.push_str(&insert.to_string());
            }
            s
        }
        UnitKind::Part => {
            let mut s = (u64::from(pos) + 1).to_string();
            if let Some(c) = insert.checked_sub(1).and_then(|i| letter_at(idx(i))) {
                s.push(c);
            }
            s
        }
        UnitKind::Section => pos
            .checked_add(1)
            .and_then(to_roman)
            .unwrap_or_else(|| (u64::from(pos) + 1).to_string()),
        UnitKind::Division | UnitKind::Item => String::new(),
    }
}

/// "c), d)" for points, "3, 4" for parts, compressed to "3–9" when long.
fn missing_list(kind: UnitKind, missing: &[u32]) -> String {
    let sep = if kind == UnitKind::Point { "), " } else { ", " };
    match missing {
        [first, .., last] if missing.len() > 3 => format!(
            "{}–{}",
            designation(kind, *first, 0),
            designation(kind, *last, 0)
        ),
        _ => missing
            .iter()
            .map(|&m| designation(kind, m, 0))
            .collect::<Vec<_>>()
            .join(sep),
    }
}

/// Checks every sibling list of the plan; with `fragment` the top-level list may start at any
/// number (an amendment's new text "3. …").
pub(super) fn check(plan: &Plan, fragment: bool, out: &mut Vec<Diagnostic>) {
    let mut ancestors: Vec<&Unit> = Vec::new();
    check_children(&plan.body, fragment, &mut ancestors, out);
}

fn check_children<'a>(
    children: &'a [Unit],
    free_start: bool,
    ancestors: &mut Vec<&'a Unit>,
    out: &mut Vec<Diagnostic>,
) {
    for kind in [UnitKind::Section, UnitKind::Part, UnitKind::Point] {
        // Decimal headings ("1.2.") are checked by nothing yet: they are not khoản numbers.
        let units: Vec<&Unit> = children
            .iter()
            .filter(|u| u.kind == kind && !u.num.contains('.'))
            .collect();
        if units.is_empty() {
            continue;
        }
        let items: Vec<Item> = units
            .iter()
            .map(|u| match kind {
                UnitKind::Point => point_item(&u.num),
                UnitKind::Part => part_item(&u.num),
                UnitKind::Section | UnitKind::Division | UnitKind::Item => section_item(&u.num),
            })
            .collect();
        for f in align(&items, free_start) {
            // The place is named only in a diagnostic: built when one is emitted.
            if let Some(d) = emit(kind, &units, &f, &Place::of(ancestors)) {
                out.push(d);
            }
        }
    }
    for c in children {
        ancestors.push(c);
        check_children(&c.children, false, ancestors, out);
        ancestors.pop();
    }
}

fn emit(kind: UnitKind, units: &[&Unit], f: &Finding, place: &Place) -> Option<Diagnostic> {
    let unit = |k: usize| units.get(k).copied();
    let d = match *f {
        Finding::Duplicate { at, first, fix } => {
            let (u, first) = (unit(at)?, unit(first)?);
            let fixed = fix.map(|p| designation(kind, p, 0));
            match kind {
                UnitKind::Point => codes::duplicate_point(
                    u.num_span,
                    &u.num,
                    fixed.as_deref(),
                    Some(first.num_span),
                ),
                _ => {
                    let expected = fixed.clone().unwrap_or_else(|| u.num.as_str().to_owned());
                    let mut d = order_code(kind, u, &expected);
                    if fixed.is_none() {
                        d.fix = None;
                    }
                    d.with_label(
                        first.num_span,
                        Localized::new(
                            format!("{} \"{}\" đầu tiên ở đây", kind.vietnamese(), first.num),
                            format!("first {} \"{}\" here", english(kind), first.num),
                        ),
                    )
                    .with_note(Localized::new(
                        format!("{} \"{}\" bị trùng", kind.vietnamese(), u.num),
                        format!("{} \"{}\" is repeated", english(kind), u.num),
                    ))
                }
            }
        }
        Finding::Skipped { at, ref missing } => {
            let u = unit(at)?;
            let list = missing_list(kind, missing);
            match kind {
                UnitKind::Point => codes::skipped_point(u.num_span, &u.num, &list),
                _ => {
                    let first = missing
                        .first()
                        .map_or(String::new(), |&m| designation(kind, m, 0));
                    let mut d = order_code(kind, u, &first);
                    d.fix = None;
                    d.with_note(Localized::new(
                        format!("thiếu {} {list}", kind.vietnamese()),
                        format!("{} {list} missing", english(kind)),
                    ))
                }
            }
        }
        Finding::Order { at, previous } => {
            let (u, p) = (unit(at)?, unit(previous)?);
            match kind {
                UnitKind::Point => codes::point_order(u.num_span, &u.num, &p.num),
                _ => {
                    let mut d = order_code(kind, u, &p.num);
                    d.fix = None;
                    d.message = Localized::new(
                        format!(
                            "{} \"{}\" đứng sau {} \"{}\", sai thứ tự",
                            kind.vietnamese(),
                            u.num,
                            kind.vietnamese(),
                            p.num
                        ),
                        format!(
                            "{} \"{}\" comes after {} \"{}\": out of order",
                            english(kind),
                            u.num,
                            english(kind),
                            p.num
                        ),
                    );
                    d
                }
            }
        }
        Finding::Invalid { at, suggestion } => {
            let u = unit(at)?;
            let s = suggestion.map(|p| designation(kind, p, 0));
            match kind {
                UnitKind::Point => codes::invalid_point_letter(u.num_span, &u.num, s.as_deref()),
                _ => order_code(kind, u, s.as_deref().unwrap_or(&u.num)),
            }
        }
        Finding::Misplaced { at, base } => {
            let u = unit(at)?;
            let base = designation(kind, base.0, base.1);
            codes::inserted_unit_misplaced(u.num_span, &u.num, &base)
        }
    };
    Some(place.locate(d))
}

fn order_code(kind: UnitKind, u: &Unit, expected: &str) -> Diagnostic {
    match kind {
        UnitKind::Section => codes::section_order(u.num_span, &u.num, expected),
        _ => codes::part_order(u.num_span, &u.num, expected),
    }
}

fn english(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Section => "section",
        UnitKind::Part => "part",
        UnitKind::Point => "point",
        UnitKind::Division => "division",
        UnitKind::Item => "bullet group",
    }
}

#[cfg(test)]
mod tests;
