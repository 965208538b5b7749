//! Reads each distinct agency value of a document once: plans repeat their lead lists (the
//! seed's 44 tasks have 18 distinct "Cơ quan chủ trì" values; "Sở Thông tin và Truyền thông"
//! leads 14 of them; the 37 real documents of `seeds/` have 831 values, 378 distinct), and a
//! repeated value is read from the first reading, its spans moved.
//!
//! A value's reading depends on its text, the registry and the most agencies to read (`max`)
//! only; positions come from the [`Locator`] alone. So the memo keeps each reading with spans
//! relative to the value and, for a repeat, copies it and asks the caller's locator for the
//! document spans: the result equals [`split_agencies_max`](super::split_agencies_max) of the
//! value where it is (tested against it). A reading cut at `max` is not kept.

use super::Agency;
use super::registry::Registry;
use super::split::split_bounded;
use crate::diagnostic::Diagnostic;
use crate::map_hasher::MapHasher;
use crate::span::{LineIndex, Locator};
use crate::span_walk::located;
use std::collections::HashMap;

/// The readings of one document's agency values, by value text (one registry).
#[derive(Debug, Default)]
pub(crate) struct SplitMemo {
    readings: HashMap<Box<str>, Reading, MapHasher>,
}

/// A value's agencies and diagnostics, with spans relative to the value (line and column 0).
#[derive(Debug)]
struct Reading {
    agencies: Vec<Agency>,
    diagnostics: Vec<Diagnostic>,
    /// The least `max` that reads the same.
    same_from: usize,
}

impl SplitMemo {
    /// [`split_agencies_max`](super::split_agencies_max)`(text, loc, registry, max)`, from an
    /// earlier reading of the same text when there is one. `registry` must be the same for every
    /// call on one memo (the parser's is the embedded one).
    pub(crate) fn split(
        &mut self,
        text: &str,
        loc: &Locator,
        registry: &Registry,
        max: usize,
    ) -> (Vec<Agency>, Vec<Diagnostic>) {
        if let Some(r) = self.readings.get(text).filter(|r| max >= r.same_from) {
            return r.located(loc);
        }
        // Spans relative to the value, without line and column: `located` makes them.
        let index = LineIndex::unindexed(text);
        let (agencies, diagnostics, same_from) =
            split_bounded(text, &Locator::new(&index), registry, max);
        let reading = Reading {
            agencies,
            diagnostics,
            same_from: same_from.unwrap_or(usize::MAX),
        };
        let out = reading.located(loc);
        if same_from.is_some() {
            // Room for a document's distinct values at once: growing from empty rehashed every
            // key (SipHash) at each doubling.
            if self.readings.is_empty() {
                self.readings.reserve(16);
            }
            self.readings.insert(text.into(), reading);
        }
        out
    }
}

impl Reading {
    /// A copy with every span moved to the document by `loc` (every span the JSON has:
    /// [`SpansMut`](crate::span_walk::SpansMut), which a test keeps complete).
    fn located(&self, loc: &Locator) -> (Vec<Agency>, Vec<Diagnostic>) {
        (
            located(&self.agencies, loc),
            located(&self.diagnostics, loc),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Normalized;

    /// Every value read through the memo, twice and at other places of a document, equals
    /// the direct reading at that place; the number of readings kept.
    fn same_as_direct(doc: &str, values: &[(usize, usize)], max: usize) -> usize {
        let norm = Normalized::new(doc);
        let index = LineIndex::new(doc);
        let reg = Registry::embedded();
        let mut memo = SplitMemo::default();
        for _ in 0..2 {
            for &(s, e) in values {
                let text = norm.text().get(s..e).unwrap_or("");
                let loc = Locator::within(&index, &norm, s);
                let direct = super::super::split_agencies_max(text, &loc, reg, max);
                assert_eq!(memo.split(text, &loc, reg, max), direct, "{text:?} at {s}");
            }
        }
        memo.readings.len()
    }

    /// The values of `doc` after each ':' to the end of the line, as normalized offsets.
    fn values(norm: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut at = 0;
        for line in norm.split_inclusive('\n') {
            if let Some(c) = line.find(':') {
                out.push((at + c + 1, at + line.trim_end().len()));
            }
            at += line.len();
        }
        out
    }

    #[test]
    fn repeated_values_read_as_where_they_are() {
        // CRLF, NBSP and a decomposed "ộ" before the values: spans map back to the original.
        let doc = "Cơ quan chủ trì: Sở Thông tin và Truyền thông.\r\n\
                   - Cơ quan chủ trì:\u{a0}Sở Kế hoạch và Đầu tư, Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi.\r\n\
                   Nội vu\u{323}: Sở Thông tin và Truyền thông.\n\
                   x: Sở Y tê, Sở Nội vụ (chủ trì), Sở Nội vụ, Bộ Ngoai giao; Các sở, ban, ngành\n\
                   y: Sở Kế hoạch và Đầu tư, Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi.\n\
                   z: Sở Y tê, Sở Nội vụ (chủ trì), Sở Nội vụ, Bộ Ngoai giao; Các sở, ban, ngành\n";
        let norm = Normalized::new(doc);
        let vs = values(norm.text());
        assert_eq!(vs.len(), 6);
        for max in [0, 1, 2, 3, 5] {
            same_as_direct(doc, &vs, max);
        }
        // Three distinct values (the NBSP reads as a space), each read once.
        assert_eq!(same_as_direct(doc, &vs, 100), 3);
    }

    #[test]
    fn a_reading_cut_at_max_is_not_reused_for_a_larger_one() {
        let text = "Sở Y tế, Sở Nội vụ, Sở Tài chính";
        let index = LineIndex::new(text);
        let loc = Locator::new(&index);
        let reg = Registry::embedded();
        let mut memo = SplitMemo::default();
        let (a, d) = memo.split(text, &loc, reg, 2);
        assert_eq!((a.len(), d[0].code), (2, "input/too-many-agencies"));
        let (a, d) = memo.split(text, &loc, reg, 2);
        assert_eq!((a.len(), d[0].code), (2, "input/too-many-agencies"));
        let kept = |memo: &SplitMemo| -> Vec<(String, usize)> {
            let read = memo.readings.iter();
            read.map(|(t, r)| (t.to_string(), r.same_from)).collect()
        };
        assert_eq!(kept(&memo), []);
        let (a, d) = memo.split(text, &loc, reg, 3);
        assert_eq!((a.len(), d.len()), (3, 0));
        assert_eq!(kept(&memo), [(text.to_string(), 3)]);
        let (a, d) = memo.split(text, &loc, reg, 2);
        assert_eq!((a.len(), d.len()), (2, 1));
        assert_eq!(a[1].span.slice(text), Some("Sở Nội vụ"));
        assert_eq!(d[0].span.slice(text), Some("Sở Tài chính"));
    }
}
