//! The normalized text's line starts read off the input's line index instead of searched for.

use super::Normalized;

impl Normalized<'_> {
    /// Where the lines of [`text`](Self::text) start, found from `input_starts`, those of the
    /// input (a [`crate::LineIndex`]'s: after each LF, CRLF and lone CR). Each of the input's
    /// line ends becomes one `\n` of the text and nothing else does, so the input's line start
    /// maps to the byte after that `\n`: one walk over the starts and the offset map, no search
    /// of the text.
    ///
    /// `None` when the input breaks lines otherwise too (U+2028, U+0085, a form feed: the
    /// text has lines the input's index does not), when `input_starts` does not start at 0, or
    /// when a start would not land just after a `\n` of the text, in increasing order (a check
    /// that holds for every index of this input): the caller then splits the text itself.
    pub(crate) fn line_starts_from(&self, input_starts: &[u32]) -> Option<Vec<u32>> {
        if self.other_breaks || input_starts.first() != Some(&0) {
            return None;
        }
        if self.identity {
            return Some(input_starts.to_vec());
        }
        let text = self.text.as_bytes();
        let mut out = Vec::with_capacity(input_starts.len());
        out.push(0u32);
        let mut segments = self.segments.iter().peekable();
        for &start in input_starts.get(1..).unwrap_or_default() {
            // The line end's last byte: the LF, or a lone CR.
            let last = start.checked_sub(1)?;
            while segments.next_if(|g| g.orig_end <= last).is_some() {}
            let g = segments.peek()?;
            if g.orig_start > last {
                return None;
            }
            // A copied stretch maps byte for byte; a replaced line end ("\r\n" → "\n") is
            // followed by the end of its replacement.
            let at = if g.linear {
                g.norm_start.checked_add(start - g.orig_start)?
            } else {
                g.norm_end
            };
            let after_break = at
                .checked_sub(1)
                .and_then(|k| text.get(k as usize))
                .is_some_and(|&b| b == b'\n');
            if !after_break || out.last().is_some_and(|&prev| prev >= at) {
                return None;
            }
            out.push(at);
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::span::LineIndex;
    use crate::text::Normalized;
    use proptest::prelude::*;

    /// The byte after each `\n` of `text`, after 0.
    fn searched(text: &str) -> Vec<u32> {
        std::iter::once(0)
            .chain(
                text.bytes()
                    .enumerate()
                    .filter(|&(_, b)| b == b'\n')
                    .map(|(i, _)| u32::try_from(i + 1).unwrap()),
            )
            .collect()
    }

    fn mapped(input: &str) -> Option<Vec<u32>> {
        let index = LineIndex::new(input);
        Normalized::new(input).line_starts_from(index.line_starts())
    }

    #[test]
    fn line_starts_of_crlf_no_break_spaces_and_nfd_text() {
        // CRLF, a lone CR, spaces dropped at a line's start and end, an NFD letter composed
        // (3 bytes for 5), a no-break space (2 bytes for 1), a BOM dropped.
        let input = "\u{feff}A\u{a0}b\r\n  Ke\u{302}\u{301}  \rc\n\nd";
        let n = Normalized::new(input);
        assert_eq!(n.text(), "A b\nKế\nc\n\nd");
        assert_eq!(mapped(input), Some(vec![0, 4, 9, 11, 12]));
        assert_eq!(mapped(input), Some(searched(n.text())));
        // The text's own index: the identity.
        assert_eq!(mapped("a\nb\n"), Some(vec![0, 2, 4]));
    }

    #[test]
    fn other_line_breaks_and_foreign_starts_are_refused() {
        assert_eq!(mapped("a\u{2028}b\nc\u{a0}"), None);
        assert_eq!(mapped("a\u{c}b\u{a0}"), None);
        let n = Normalized::new("a\u{a0}b\nc");
        assert_eq!(n.line_starts_from(&[]), None);
        assert_eq!(n.line_starts_from(&[1]), None);
        // A start that is not after a line end of this input.
        assert_eq!(n.line_starts_from(&[0, 2]), None);
        assert_eq!(n.line_starts_from(&[0, 5, 5]), None);
        assert_eq!(n.line_starts_from(&[0, 5]), Some(vec![0, 4]));
    }

    proptest! {
        /// On any mix of line ends, spaces, marks, controls, invisible chars and `<br>` tags,
        /// the mapped starts are the text's own.
        #[test]
        fn mapped_line_starts_equal_the_searched_ones(
            input in "[a ờ\\r\\n\\t\u{a0}\u{301}\u{323}\u{feff}\u{1}<br/>e\u{302}]{0,80}"
        ) {
            let n = Normalized::new(&input);
            prop_assert_eq!(mapped(&input), Some(searched(n.text())));
        }

        /// With other line breaks among them, the input is refused, never mapped wrong.
        #[test]
        fn other_line_breaks_are_refused(
            input in "[a \\r\\n\u{a0}\u{301}\u{2028}\u{85}\u{b}]{0,40}"
        ) {
            let n = Normalized::new(&input);
            match mapped(&input) {
                Some(starts) => prop_assert_eq!(starts, searched(n.text())),
                None => {
                    let other_break = input.contains(['\u{2028}', '\u{85}', '\u{b}']);
                    prop_assert!(other_break);
                }
            }
        }
    }
}
