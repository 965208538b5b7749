//! The parser's limits on units and lines: past them the rest of the text is kept verbatim as
//! one paragraph, with a located error (see [`ParseOptions`](super::ParseOptions)).

use super::lines::Line;
use super::model::*;
use super::parse::{DocParser, extend};
use super::table;
use crate::diagnostic::codes;

impl DocParser<'_> {
    /// Whether [`ParseOptions::max_units`](super::ParseOptions::max_units) units have been built.
    pub(crate) fn at_unit_limit(&self) -> bool {
        self.units >= self.opts.max_units
    }

    /// Keeps the lines from `body[i]` on as one verbatim paragraph of the deepest open unit (or
    /// of the preamble), with an `input/too-many-units` error at `body[i]`.
    pub(super) fn keep_rest(
        &mut self,
        body: &[Line<'_>],
        i: usize,
        stack: &mut [Unit],
        plan: &mut Plan,
    ) {
        let last = body.iter().rev().find(|l| !l.text.is_empty());
        let (Some(first), Some(last)) = (body.get(i), last) else {
            return;
        };
        let text = self.norm.text().get(first.start..last.end()).unwrap_or("");
        let span = self.span(first.start, last.end());
        self.diagnostics.push(codes::too_many_units(
            self.span(first.start, first.end()),
            self.opts.max_units,
        ));
        let block = Block {
            kind: BlockKind::Paragraph,
            text: text.into(),
            span,
            label: None,
            key: None,
        };
        match stack.last_mut() {
            Some(u) => {
                extend(u, span);
                u.blocks.push(block);
            }
            None => plan.preamble.push(block),
        }
    }

    /// Keeps the text from byte `at` (past [`ParseOptions::max_lines`](super::ParseOptions::max_lines)) as one verbatim
    /// paragraph of the last unit (or of the preamble), with an `input/too-many-lines` error at
    /// its first non-blank line. Blank lines alone lose nothing and are not reported.
    pub(super) fn keep_unsplit(&mut self, at: usize, plan: &mut Plan) {
        let raw = self.norm.text().get(at..).unwrap_or("");
        let at = at + (raw.len() - raw.trim_start().len());
        let rest = self.norm.text().get(at..).unwrap_or("").trim_end();
        if rest.is_empty() {
            return;
        }
        let first_end = at + rest.find('\n').unwrap_or(rest.len());
        self.diagnostics.push(codes::too_many_lines(
            self.span(at, first_end),
            self.opts.max_lines,
        ));
        let span = self.span(at, at + rest.len());
        let block = Block {
            kind: BlockKind::Paragraph,
            text: rest.into(),
            span,
            label: None,
            key: None,
        };
        if plan.body.is_empty() {
            plan.preamble.push(block);
            return;
        }
        let mut level = &mut plan.body;
        while let Some(u) = level.last_mut() {
            extend(u, span);
            if u.children.is_empty() {
                u.blocks.push(block);
                return;
            }
            level = &mut u.children;
        }
    }
}

/// Whether a line would open a unit: a section, part or point marker, or a table row.
pub(super) fn opens_unit(t: &str) -> bool {
    super::body::marker(t).is_some() || table::starts_row(t)
}
