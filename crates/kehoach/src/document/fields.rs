//! Labelled fields: a lead, partner, timeframe or output value added to its unit (agencies split,
//! the timeframe read), with the checks of repeated and empty labels.

use super::lines;
use super::model::*;
use super::parse::DocParser;
use crate::diagnostic::{Diagnostic, codes};
use crate::span::Span;

impl DocParser<'_> {
    /// Adds a field block, filling `leads`/`timeframe` from the first of each.
    pub(crate) fn add_field(
        &mut self,
        u: &mut Unit,
        block: Block,
        vstart: usize,
        label_span: Span,
    ) {
        let key = block.key;
        // Borrowed: only a lead or partner list keeps a copy of the label.
        let label = block.label.as_deref().unwrap_or("");
        if block.text.is_empty() {
            self.diagnostics.push(codes::empty_label(label_span, label));
        }
        // "Cơ quan/Đơn vị thực hiện" names the leads only when no "chủ trì" label does.
        if key == Some(FieldKey::Lead) {
            let names_lead = |l: &str| crate::text::contains_lowercase(l, "chủ trì");
            let strong = names_lead(label);
            let had = u.leads.as_ref().map(|l| names_lead(&l.label));
            match had {
                Some(true) if !strong => {
                    u.blocks.push(block);
                    return;
                }
                Some(false) if strong => {
                    u.leads = None;
                    if let Some(b) = u.blocks.iter_mut().find(|b| b.key == Some(FieldKey::Lead)) {
                        b.key = None;
                    }
                }
                _ => {}
            }
        }
        if let Some(first) = u.blocks.iter().find(|b| b.key == key && b.key.is_some()) {
            self.diagnostics
                .push(codes::duplicate_label(label_span, label, first.span));
            u.blocks.push(block);
            return;
        }
        let loc = self.loc(vstart);
        match key {
            Some(FieldKey::Lead) | Some(FieldKey::Partner) => {
                // Past the plan's agency limit, only the first list cut reports it.
                let left = self.opts.max_agencies.saturating_sub(self.agencies);
                let (mut agencies, diags) = if left == 0 && self.agencies > self.opts.max_agencies {
                    (Vec::new(), Vec::new())
                } else if block.text.contains('\n') {
                    self.split_lines_of(&block.text, vstart, left)
                } else {
                    let names = if key == Some(FieldKey::Lead) {
                        super::assign::lead_part(&block.text)
                    } else {
                        &block.text
                    };
                    self.split_agencies(names, &loc, left)
                };
                // A name broken over lines (a blank line between) reads with one space.
                for a in &mut agencies {
                    if a.text.contains("  ") {
                        a.text = a
                            .text
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                            .into();
                    }
                }
                self.agencies += agencies.len();
                for d in diags {
                    if d.code == codes::TOO_MANY_AGENCIES {
                        // The plan's limit (the list was given what was left of it); marks the
                        // limit as reported.
                        self.agencies = self.opts.max_agencies.saturating_add(1);
                        self.diagnostics
                            .push(codes::too_many_agencies(d.span, self.opts.max_agencies));
                    } else {
                        self.diagnostics.push(d);
                    }
                }
                if let Some(on) = self.opts.as_of {
                    let reg = crate::agency::Registry::embedded();
                    for a in &mut agencies {
                        let province = self.province.as_deref();
                        a.current = Some(self.holders.holders(reg, a, on, province));
                    }
                }
                let leads = Leads {
                    label: label.into(),
                    text: block.text.clone(),
                    span: block.span,
                    agencies,
                };
                if key == Some(FieldKey::Lead) {
                    u.leads = Some(Box::new(leads));
                } else {
                    u.partners = Some(Box::new(leads));
                }
            }
            Some(FieldKey::Timeframe) => {
                let (tf, diags) = self.parse_timeframe(&block.text, &loc);
                self.diagnostics.extend(diags);
                u.timeframe = Some(Box::new(tf));
            }
            _ => {}
        }
        u.blocks.push(block);
    }
}

impl DocParser<'_> {
    /// Splits a value written over several lines: each bullet line ("- Sở B") starts a list of
    /// its own; a line without a bullet goes on with the line before (a name broken by the
    /// page: "Báo và Phát thanh\nTruyền hình Lai Châu"), read with the break as a space.
    fn split_lines_of(
        &self,
        text: &str,
        vstart: usize,
        max: usize,
    ) -> (Vec<crate::agency::Agency>, Vec<Diagnostic>) {
        let mut agencies = Vec::new();
        let mut diags = Vec::new();
        // (start of the item's text, end) in `text`, one per bullet line and what continues it.
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut off = 0;
        for piece in text.split('\n') {
            let here = off;
            off += piece.len() + 1;
            if piece.trim().is_empty() {
                continue; // a blank line inside the value (a page break)
            }
            let marker = lines::dash_marker(piece);
            let end = here + piece.len();
            match items.last_mut() {
                Some(last) if marker.is_none() => last.1 = end,
                _ => items.push((here + marker.unwrap_or(0), end)),
            }
        }
        for (start, end) in items {
            let item = text.get(start..end).unwrap_or("");
            let item = item.trim_end().trim_end_matches([';', ',']).trim_end();
            if item.is_empty() {
                continue;
            }
            // Same length: spans inside the item stay right.
            let item = item.replace('\n', " ");
            let left = max.saturating_sub(agencies.len());
            let (a, d) = self.split_agencies(&item, &self.loc(vstart + start), left);
            agencies.extend(a);
            diags.extend(d);
        }
        (agencies, diags)
    }
}
