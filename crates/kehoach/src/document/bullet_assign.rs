//! Bullets that each assign: "2. Thành lập mới …" then "- Ban Quản lý … chủ trì …", "- Sở Công
//! Thương chủ trì …" — one task per assigning bullet, numbered by the bullet's place in the unit
//! (`II.2-1`, `II.2-3`), as a labelled bullet group is.
//!
//! The first assigning bullet of a unit assigns the unit itself (a unit with one such bullet is
//! one task); a second one turns both into bullet tasks. In "Tổ chức thực hiện", under an
//! agency's responsibilities, a bullet that names another body with a deadline is a task of its
//! own at once.

use super::heading_assign::{Known, in_organization_section};
use super::model::*;
use super::parse::{DocParser, attach};

/// Bullets of the open numbered unit.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Bullets {
    /// Bullets read so far in the unit (its own and its bullet tasks').
    pub count: usize,
    /// The bullet that assigned the unit itself: (its block's index in the unit, its place).
    first: Option<(usize, usize)>,
    /// The top of the stack is a bullet task made here.
    in_item: bool,
}

/// Longest agency name before a colon at the start of a bullet ("Ủy ban nhân dân cấp xã: …").
const MAX_COLON_NAME: usize = 120;

impl DocParser<'_> {
    /// Reads a bullet (`text` at normalized offset `start`, its block already the top unit's
    /// last) that opens with an assignment; returns whether it did.
    pub(crate) fn bullet_assignment(
        &mut self,
        text: &str,
        start: usize,
        stack: &mut Vec<Unit>,
        plan: &mut Plan,
    ) -> bool {
        if stack.is_empty() {
            return false;
        }
        let org = self.org_article || in_organization_section(stack);
        let Some((agency, time, known)) = opening_assignment(text, org) else {
            return false;
        };
        let place = self.bullets.count;
        let top_is_item = stack.last().is_some_and(|u| u.kind == UnitKind::Item);
        if top_is_item && !self.bullets.in_item {
            return false; // a labelled bullet group's item: its labels assign it
        }
        let Some(top) = stack.last() else {
            return false;
        };
        let own =
            !top_is_item && !org && place == 1 && top.leads.is_none() && top.timeframe.is_none();
        if own {
            // The unit's first assigning bullet: the unit is the task (for now).
            self.assign(
                stack,
                agency_text(text, &agency),
                start + agency.start,
                time_of(text, &time, start),
                known,
            );
            let assigned = stack.last().is_some_and(|u| u.leads.is_some());
            if assigned {
                let idx = stack.last().map_or(0, |u| u.blocks.len().saturating_sub(1));
                self.bullets.first = Some((idx, place));
            }
            return assigned;
        }
        if !top_is_item
            && !org
            && self.bullets.first.is_none()
            && (top.leads.is_some() || top.timeframe.is_some())
        {
            return false; // the unit's own labels or heading assigned it: prose
        }
        if self.units + 2 > self.opts.max_units {
            return false;
        }
        // Probe before moving anything: the bullet must name an agency the reading accepts.
        if known != Known::No
            && !self.names_known(agency_text(text, &agency), start + agency.start, known)
        {
            return false;
        }
        let Some(mut top) = stack.pop() else {
            return false;
        };
        let Some(bullet) = top.blocks.pop() else {
            stack.push(top);
            return false;
        };
        if top_is_item {
            attach(top, stack, plan);
        } else {
            let first = self.bullets.first.take();
            let group = first.map(|(idx, _)| top.blocks.split_off(idx.min(top.blocks.len())));
            let (leads, partners, timeframe, source) = if first.is_some() {
                (
                    top.leads.take(),
                    top.partners.take(),
                    top.timeframe.take(),
                    top.source.take(),
                )
            } else {
                (None, None, None, None)
            };
            stack.push(top);
            if let (Some((_, first_place)), Some(group)) = (first, group) {
                // The unit's first assigning bullet becomes a bullet task of its own.
                let mut item = self.bullet_item(first_place, group, stack);
                item.leads = leads;
                item.partners = partners;
                item.timeframe = timeframe;
                item.source = source;
                if let Some(owner) = stack.last_mut() {
                    owner.children.push(item);
                }
            }
        }
        let item = self.bullet_item(place, vec![bullet], stack);
        stack.push(item);
        self.bullets.in_item = true;
        self.assign(
            stack,
            agency_text(text, &agency),
            start + agency.start,
            time_of(text, &time, start),
            Known::No,
        );
        true
    }

    /// Whether the registry knows the agencies `names` lists, as `known` asks.
    fn names_known(&self, names: &str, at: usize, known: Known) -> bool {
        let (probe, _) = self.split_agencies(names, &self.loc(at), 16);
        match known {
            Known::All => !probe.is_empty() && probe.iter().all(|a| a.known),
            _ => probe.iter().any(|a| a.known),
        }
    }

    /// A bullet task numbered `place` under the top of the stack.
    fn bullet_item(&mut self, place: usize, blocks: Vec<Block>, stack: &[Unit]) -> Unit {
        let owner_span = stack.last().map(|u| u.span).unwrap_or_default();
        let span = match (blocks.first(), blocks.last()) {
            (Some(a), Some(b)) => crate::span::Span {
                end: b.span.end,
                ..a.span
            },
            _ => owner_span,
        };
        let num_span = crate::span::Span {
            end: span.start,
            ..span
        };
        let mut item = self.new_unit(UnitKind::Item, &place.to_string(), num_span, stack);
        item.blocks = blocks;
        item.span = span;
        item
    }
}

fn agency_text<'t>(text: &'t str, r: &std::ops::Range<usize>) -> &'t str {
    text.get(r.clone()).unwrap_or("")
}

fn time_of<'t>(
    text: &'t str,
    r: &Option<std::ops::Range<usize>>,
    start: usize,
) -> Option<(&'t str, usize)> {
    r.as_ref()
        .map(|r| (text.get(r.clone()).unwrap_or(""), start + r.start))
}

/// The assignment a bullet opens with: "X chủ trì …" (with its time, if it has one), or "X: …"
/// where X names known agencies. In "Tổ chức thực hiện" only one with its deadline.
fn opening_assignment(
    text: &str,
    org: bool,
) -> Option<(
    std::ops::Range<usize>,
    Option<std::ops::Range<usize>>,
    Known,
)> {
    if let Some((agency, time)) = super::assign::find_assignment(text) {
        if agency.start <= 1 && (!org || time.is_some()) {
            return Some((agency, time, Known::No));
        }
        return None;
    }
    if org {
        return None;
    }
    let colon = text.find(':').filter(|&c| c <= MAX_COLON_NAME)?;
    let name = text.get(..colon)?.trim_end();
    (super::assign::starts_like_agency(name) && !name.is_empty()).then_some((
        0..name.len(),
        None,
        Known::All,
    ))
}
