//! Labelled bullet groups: a unit whose "- " bullets each carry their own labels holds one task
//! per bullet ("III.4-1", "III.4-2"), not one task with duplicate labels.

use super::model::*;
use super::parse::{DocParser, attach};

/// Before a lead or timeframe field is added to the unit on top of the stack: when that unit
/// already has this field and a bullet came after its last field, the bullet starts a new group.
/// The first time, the unit's own group becomes item 1; the new group is pushed as the next item.
pub(crate) fn open_group_if_needed(
    p: &mut DocParser<'_>,
    key: FieldKey,
    stack: &mut Vec<Unit>,
    plan: &mut Plan,
) {
    let Some(top) = stack.last() else { return };
    if !top.blocks.iter().any(|b| b.key == Some(key)) {
        return;
    }
    let Some(last_field) = top.blocks.iter().rposition(|b| b.kind == BlockKind::Field) else {
        return;
    };
    let tail_has_bullet = top
        .blocks
        .get(last_field + 1..)
        .is_some_and(|t| t.iter().any(|b| b.kind == BlockKind::Dash));
    if !tail_has_bullet {
        return; // a repeated label without a new bullet: reported by `add_field`
    }
    // Groups are units: past the unit limit the label stays a repeated one (reported).
    let needed = if top.kind == UnitKind::Item { 1 } else { 2 };
    if p.units + needed > p.opts.max_units {
        return;
    }
    if top.kind == UnitKind::Item {
        let Some(mut item) = stack.pop() else { return };
        let tail = item.blocks.split_off(last_field + 1);
        if let Some(b) = item.blocks.last() {
            item.span.end = b.span.end;
        }
        attach(item, stack, plan);
        push_item(p, tail, stack);
        return;
    }
    // First split: the unit's own group (the bullets just before its first field) is item 1.
    let Some(u) = stack.last_mut() else { return };
    let first_field = u
        .blocks
        .iter()
        .position(|b| b.kind == BlockKind::Field)
        .unwrap_or(0);
    let mut g1 = first_field;
    while g1 > 0
        && u.blocks
            .get(g1 - 1)
            .is_some_and(|b| b.kind == BlockKind::Dash)
    {
        g1 -= 1;
    }
    let tail = u.blocks.split_off(last_field + 1);
    let group1 = u.blocks.split_off(g1);
    let leads = u.leads.take();
    let partners = u.partners.take();
    let timeframe = u.timeframe.take();
    let source = u.source.take();
    let mut item1 = new_item(p, group1, stack);
    item1.leads = leads;
    item1.partners = partners;
    item1.timeframe = timeframe;
    item1.source = source;
    if let Some(u) = stack.last_mut() {
        u.children.push(item1);
    }
    push_item(p, tail, stack);
}

fn push_item(p: &mut DocParser<'_>, blocks: Vec<Block>, stack: &mut Vec<Unit>) {
    let item = new_item(p, blocks, stack);
    stack.push(item);
}

/// A bullet-group unit under the top of the stack, numbered after its item siblings.
fn new_item(p: &mut DocParser<'_>, blocks: Vec<Block>, stack: &[Unit]) -> Unit {
    let n = stack.last().map_or(0, last_item_number) + 1;
    let span = match (blocks.first(), blocks.last()) {
        (Some(a), Some(b)) => crate::span::Span {
            end: b.span.end,
            ..a.span
        },
        _ => stack.last().map(|u| u.span).unwrap_or_default(),
    };
    let num_span = crate::span::Span {
        end: span.start,
        ..span
    };
    let mut item = p.new_unit(UnitKind::Item, &n.to_string(), num_span, stack);
    item.blocks = blocks;
    item.span = span;
    item
}

/// The number of the last bullet group among a unit's children (0 when it has none): the
/// groups are its last children, so this looks at the end only (constant time per group).
pub(crate) fn last_item_number(u: &Unit) -> usize {
    u.children
        .iter()
        .rev()
        .take_while(|c| c.kind == UnitKind::Item)
        .next()
        .and_then(|c| c.num.parse().ok())
        .unwrap_or(0)
}
