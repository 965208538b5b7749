//! Visits every span inside a model value (plans, units, timeframes, agencies, diagnostics), to
//! move or convert spans in place.
//!
//! Amendments point the spans of new units at the instruction that made them, and the wasm
//! package converts byte offsets to UTF-16 units. Both used to go through JSON (serialize,
//! rewrite the span objects, deserialize), which cost a round trip of the whole value and kept
//! the deserializers of the whole model in the wasm build. The walk reaches every span the JSON
//! form has: a test compares it with that rewrite on the seed and the layout corpus.
//!
//! ```
//! use kehoach::span_walk::SpansMut;
//! let before = kehoach::parse(kehoach::SEED_PLAN).plan;
//! let mut plan = before.clone();
//! // As if the plan had been cut from a text with 10 more bytes in front of it.
//! plan.spans_mut(&mut |s| {
//!     s.start += 10;
//!     s.end += 10;
//! });
//! let task = &plan.body[1].children[0].children[0];
//! let was = &before.body[1].children[0].children[0];
//! assert_eq!(task.number, "II.1.a");
//! assert_eq!(task.span.start, was.span.start + 10);
//! assert_eq!(task.leads.as_ref().unwrap().span.end, was.leads.as_ref().unwrap().span.end + 10);
//! ```

use crate::agency::Agency;
use crate::diagnostic::Diagnostic;
use crate::document::{
    Block, Citation, Leads, Metadata, Plan, Responsibility, Spanned, Unit, Wrapper,
};
use crate::span::Span;
use crate::timeframe::{Timeframe, TimeframeKind};

/// A value whose spans can be visited mutably: each span once, in the order of the value's JSON
/// form (a `Point` without a span is skipped, as its JSON omits it).
pub trait SpansMut {
    /// Calls `f` on every span inside `self`.
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span));
}

/// A copy of `value`, read with spans relative to a text (no line and column), with every span
/// moved to where `loc` places that text: how the parser's memos reuse an earlier reading.
pub(crate) fn located<T: SpansMut + Clone>(value: &T, loc: &crate::span::Locator) -> T {
    let mut copy = value.clone();
    copy.spans_mut(&mut |s| *s = loc.span(s.start as usize, s.end as usize));
    copy
}

impl<T: SpansMut> SpansMut for Option<T> {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        if let Some(x) = self {
            x.spans_mut(f);
        }
    }
}

impl<T: SpansMut + ?Sized> SpansMut for Box<T> {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        (**self).spans_mut(f);
    }
}

impl<T: SpansMut> SpansMut for Vec<T> {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        for x in self {
            x.spans_mut(f);
        }
    }
}

impl SpansMut for Span {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        f(self);
    }
}

impl SpansMut for Spanned {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        f(&mut self.span);
    }
}

impl SpansMut for Plan {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        self.meta.spans_mut(f);
        self.preamble.spans_mut(f);
        self.body.spans_mut(f);
        self.citations.spans_mut(f);
        self.responsibilities.spans_mut(f);
        self.wrapper.spans_mut(f);
        f(&mut self.span);
    }
}

impl SpansMut for Metadata {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Metadata {
            issuer,
            number,
            place,
            date: _,
            date_line,
            doc_type,
            title,
            implements,
            replaces,
            signer,
            signer_position,
            recipients,
            closing_lines,
            header_lines,
        } = self;
        for s in [issuer, number, place, date_line, doc_type, title] {
            s.spans_mut(f);
        }
        implements.spans_mut(f);
        replaces.spans_mut(f);
        signer.spans_mut(f);
        signer_position.spans_mut(f);
        for v in [recipients, closing_lines, header_lines] {
            v.spans_mut(f);
        }
    }
}

impl SpansMut for Wrapper {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        let Wrapper {
            site,
            heading,
            title,
            fields,
            other,
        } = self;
        for s in [site, heading, title] {
            s.spans_mut(f);
        }
        for field in fields {
            f(&mut field.span);
        }
        other.spans_mut(f);
    }
}

impl SpansMut for Citation {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        f(&mut self.span);
        self.date_text.spans_mut(f);
    }
}

impl SpansMut for Responsibility {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        self.agency.spans_mut(f);
        f(&mut self.span);
    }
}

impl SpansMut for Block {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        f(&mut self.span);
    }
}

impl SpansMut for Agency {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        f(&mut self.span);
    }
}

impl SpansMut for Leads {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        f(&mut self.span);
        self.agencies.spans_mut(f);
    }
}

impl SpansMut for Unit {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        f(&mut self.num_span);
        self.heading.spans_mut(f);
        self.blocks.spans_mut(f);
        self.leads.spans_mut(f);
        self.partners.spans_mut(f);
        self.timeframe.spans_mut(f);
        self.children.spans_mut(f);
        f(&mut self.span);
    }
}

impl SpansMut for crate::timeframe::Point {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        self.span.spans_mut(f);
    }
}

impl SpansMut for Timeframe {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match &mut self.kind {
            TimeframeKind::Point { at } => at.spans_mut(f),
            TimeframeKind::Range { start, end } => {
                start.spans_mut(f);
                end.spans_mut(f);
            }
            TimeframeKind::OpenEnded { start } => start.spans_mut(f),
            TimeframeKind::Deadline { by, .. } => by.spans_mut(f),
            TimeframeKind::Recurring { within, .. } | TimeframeKind::Continuous { within } => {
                within.spans_mut(f);
            }
            TimeframeKind::Conditional { .. } | TimeframeKind::Unrecognized {} => {}
            TimeframeKind::Phased { phases } => {
                for p in phases {
                    p.when.spans_mut(f);
                }
            }
            TimeframeKind::Horizon { period, vision } => {
                period.spans_mut(f);
                vision.spans_mut(f);
            }
            TimeframeKind::All { parts } => parts.spans_mut(f),
        }
        f(&mut self.span);
    }
}

impl SpansMut for Diagnostic {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        f(&mut self.span);
        for l in &mut self.labels {
            f(&mut l.span);
        }
        if let Some(fix) = &mut self.fix {
            f(&mut fix.span);
        }
    }
}
