//! Reads each distinct timeframe value of a document once: plans repeat their timeframes (the
//! seed's 41 "Thời gian thực hiện" values have 19 distinct texts; "Năm 2020 - 2030." five
//! times), and a repeat is copied from the first reading, its spans moved.
//!
//! A value's reading depends on its text alone (the default [`TimeframeParser`]); positions
//! come from the [`Locator`] only. So the memo keeps each reading with spans relative to the
//! value and, for a repeat, copies it and asks the caller's locator for the document spans: the
//! result equals [`parse_timeframe`](super::parse_timeframe) of the value where it is (tested
//! against it).

use super::{Timeframe, TimeframeParser};
use crate::diagnostic::Diagnostic;
use crate::map_hasher::MapHasher;
use crate::span::{LineIndex, Locator};
use std::collections::HashMap;

/// The readings of one document's timeframe values, by value text.
#[derive(Debug, Default)]
pub(crate) struct TimeframeMemo {
    readings: HashMap<Box<str>, (Timeframe, Vec<Diagnostic>), MapHasher>,
}

impl TimeframeMemo {
    /// [`parse_timeframe`](super::parse_timeframe)`(text, loc)`, from an earlier reading of the
    /// same text when there is one.
    pub(crate) fn parse(&mut self, text: &str, loc: &Locator) -> (Timeframe, Vec<Diagnostic>) {
        if let Some(reading) = self.readings.get(text) {
            return located(reading, loc);
        }
        // Spans relative to the value, without line and column: `located` makes them.
        let index = LineIndex::unindexed(text);
        let reading = TimeframeParser::default().parse(text, &Locator::new(&index));
        let out = located(&reading, loc);
        // Room for a document's distinct values at once: growing from empty rehashed every
        // key (SipHash) at each doubling.
        if self.readings.is_empty() {
            self.readings.reserve(16);
        }
        self.readings.insert(text.into(), reading);
        out
    }
}

/// A copy of a reading with every span moved to the document by `loc` (every span the JSON
/// has: [`SpansMut`](crate::span_walk::SpansMut), which a test keeps complete).
fn located(reading: &(Timeframe, Vec<Diagnostic>), loc: &Locator) -> (Timeframe, Vec<Diagnostic>) {
    let (timeframe, diagnostics) = reading;
    (
        crate::span_walk::located(timeframe, loc),
        crate::span_walk::located(diagnostics, loc),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Normalized;

    /// Each value read through the memo, twice and at other places of `doc`, equals the direct
    /// reading at that place; returns the number of readings kept.
    fn same_as_direct(doc: &str) -> usize {
        let norm = Normalized::new(doc);
        let index = LineIndex::new(doc);
        let mut memo = TimeframeMemo::default();
        let mut values = Vec::new();
        let mut at = 0;
        for line in norm.text().split_inclusive('\n') {
            if let Some(c) = line.find(':') {
                values.push((at + c + 1, at + line.trim_end().len()));
            }
            at += line.len();
        }
        for _ in 0..2 {
            for &(s, e) in &values {
                let text = norm.text().get(s..e).unwrap_or("").trim();
                let s = e - text.len();
                let loc = Locator::within(&index, &norm, s);
                let direct = super::super::parse_timeframe(text, &loc);
                assert_eq!(memo.parse(text, &loc), direct, "{text:?} at {s}");
            }
        }
        memo.readings.len()
    }

    #[test]
    fn repeated_values_read_as_where_they_are() {
        // CRLF, NBSP and a decomposed "ă" before and inside the values: spans map back to the
        // original; a reversed range and an unreadable value keep their diagnostics.
        let doc = "Thời gian thực hiện: Năm 2021 và những năm tiếp theo.\r\n\
                   - Thời gian:\u{a0}Quý IV/2025.\r\n\
                   Na\u{306}m: Năm 2025 - 2021\n\
                   Thời gian thực hiện: Năm 2021 và những năm tiếp theo.\n\
                   Tiến độ: Quý IV/2025.\n\
                   Thời hạn: sớm nhất có thể\n\
                   Thời gian: Năm 2025 - 2021\n\
                   Thời gian: Nă\u{306}m 2022\n";
        // Five distinct texts once normalized (the two "Năm 2025 - 2021" and "Năm 2022"
        // written decomposed are the same texts).
        assert_eq!(same_as_direct(doc), 5);
    }

    #[test]
    fn the_seeds_values_read_as_where_they_are() {
        // Every value after a colon, timeframe or not: 52 distinct texts.
        assert_eq!(same_as_direct(crate::SEED_PLAN), 52);
    }
}
