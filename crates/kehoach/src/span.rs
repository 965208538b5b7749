//! Source spans: byte ranges into the original input, with 1-based line and column.
//!
//! A [`Span`] always refers to the text exactly as the caller passed it (before any
//! normalization), so `&input[span.start as usize..span.end as usize]` is the unit's text.
//! `line` is 1-based; `column` is the 1-based count of Unicode scalar values from the start
//! of the line. The wasm bindings convert `start`/`end` to UTF-16 code units at the boundary.

use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicU64, Ordering};

/// A located range of the input.
///
/// ```
/// use kehoach::Span;
/// let text = "Số: 66/KH-UBND\nQuảng Ngãi";
/// let idx = kehoach::LineIndex::new(text);
/// let span = idx.span(text.find("Quảng").unwrap(), text.len());
/// assert_eq!((span.line, span.column), (2, 1));
/// assert_eq!(span.slice(text), Some("Quảng Ngãi"));
/// ```
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// Byte offset of the first byte (in the JavaScript API: UTF-16 code units).
    pub start: u32,
    /// Byte offset one past the last byte (in the JavaScript API: UTF-16 code units).
    pub end: u32,
    /// 1-based line of `start`.
    pub line: u32,
    /// 1-based column (in Unicode scalar values) of `start`.
    pub column: u32,
}

impl Span {
    /// The text this span covers, or `None` when it is out of bounds or not on char boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start as usize..self.end as usize)
    }

    /// Length in bytes.
    pub fn len(&self) -> u32 {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies within `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Maps byte offsets of a text to line and column numbers.
///
/// Lines end at `\n`, at `\r\n` and at a lone `\r`.
#[derive(Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset where each line starts.
    starts: Vec<u32>,
    /// `chars[k]`: number of chars starting before byte `k * CHECKPOINT` (so a column is found
    /// in constant time, even on a single very long line with many spans).
    chars: Vec<u32>,
    /// `lines[k]`: number of lines starting at or before byte `k * CHECKPOINT` (so a line is
    /// found from its checkpoint by stepping over the few lines that start after it, instead of
    /// a binary search).
    lines: Vec<u32>,
    /// The last offset found and its line (`offset << 32 | line`), and the same offset and its
    /// chars from the line's start (`offset << 32 | chars`): spans are made mostly in order, a
    /// few bytes apart on one line, so the next is found from the last. Both are functions of
    /// the offset, so a pair whose offsets agree is right whichever thread wrote it (atomics
    /// only to keep the index `Sync`; natively only).
    last_line: AtomicU64,
    last_chars: AtomicU64,
}

impl Clone for LineIndex<'_> {
    fn clone(&self) -> Self {
        LineIndex {
            text: self.text,
            starts: self.starts.clone(),
            chars: self.chars.clone(),
            lines: self.lines.clone(),
            last_line: AtomicU64::new(self.last_line.load(Ordering::Relaxed)),
            last_chars: AtomicU64::new(self.last_chars.load(Ordering::Relaxed)),
        }
    }
}

/// The cache of a fresh index: offset 0 is on line 1, after no char.
const FIRST_LINE: u64 = 1;

/// Distance in bytes between two char-count checkpoints of a [`LineIndex`].
const CHECKPOINT: usize = 64;
/// Texts longer than this get checkpoints.
const TABLES_FROM: usize = 4 * CHECKPOINT;

/// Number of chars starting in `bytes` (bytes that are not UTF-8 continuation bytes).
fn count_chars(bytes: &[u8]) -> usize {
    // Eight bytes at a time: a continuation byte (10xxxxxx) has bit 7 set and bit 6 clear.
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut continuations = 0u64;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0; 8]));
        let marks = x & !(x << 1) & HIGH;
        // One bit per byte, summed by a multiplication into the top byte (at most 8).
        continuations += ((marks >> 7).wrapping_mul(0x0101_0101_0101_0101)) >> 56;
    }
    let tail = chunks.remainder();
    let tail_continuations = tail.iter().filter(|&&b| (b as i8) < -0x40).count();
    bytes.len() - usize::try_from(continuations).unwrap_or(0) - tail_continuations
}

/// [`count_chars`] of one checkpoint's bytes: where the target has vector instructions
/// ([`crate::text::VECTOR_SCANS`]) as a count of the bytes that start a char over a block of
/// fixed size, which the compiler turns into vector compares and sums; elsewhere (the wasm
/// package) eight bytes in one word.
fn count_checkpoint_chars(chunk: &[u8]) -> usize {
    if crate::text::VECTOR_SCANS {
        // A byte starts a char unless it is 10xxxxxx (below -64 as `i8`): at most 64 per block,
        // which a `u8` sum holds.
        let starts: u8 = chunk
            .iter()
            .map(|&b| u8::from((b as i8) >= -0x40))
            .fold(0u8, u8::wrapping_add);
        usize::from(starts)
    } else {
        count_chars(chunk)
    }
}

impl<'a> LineIndex<'a> {
    /// Index `text` (linear time).
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        // Room for a line every 32 bytes (plans average 40–60), so the list is seldom regrown.
        let mut starts = Vec::with_capacity(bytes.len() / 32 + 1);
        starts.push(0u32);
        if memchr::memchr(b'\r', bytes).is_some() {
            // CRLF, CR or LF end lines: the ends found by one vectorized scan for either byte.
            starts.extend(
                memchr::memchr2_iter(b'\r', b'\n', bytes)
                    .filter(|&i| bytes.get(i) == Some(&b'\n') || bytes.get(i + 1) != Some(&b'\n'))
                    .map(|i| to_u32(i + 1)),
            );
        } else {
            // Only '\n' ends lines: found by one vectorized scan of the text.
            starts.extend(memchr::memchr_iter(b'\n', bytes).map(|n| to_u32(n + 1)));
        }
        // A short text (a label value, a timeframe line) needs none: a column is counted from
        // its line's start, a line found by a binary search.
        let mut chars = Vec::new();
        let mut lines = Vec::new();
        if bytes.len() > TABLES_FROM {
            chars.reserve(bytes.len() / CHECKPOINT + 2);
            lines.reserve(bytes.len() / CHECKPOINT + 2);
            let mut total = 0usize;
            chars.push(0);
            let mut chunks = bytes.chunks_exact(CHECKPOINT);
            for chunk in &mut chunks {
                total += count_checkpoint_chars(chunk);
                chars.push(to_u32(total));
            }
            if !chunks.remainder().is_empty() {
                total += count_chars(chunks.remainder());
                chars.push(to_u32(total));
            }
            // One walk over the line starts: each checkpoint takes the count reached at it.
            let mut line = 0usize;
            for k in 0..chars.len() {
                let at = k * CHECKPOINT;
                while starts.get(line).is_some_and(|&s| s as usize <= at) {
                    line += 1;
                }
                lines.push(to_u32(line));
            }
        }
        LineIndex {
            text,
            starts,
            chars,
            lines,
            last_line: AtomicU64::new(FIRST_LINE),
            last_chars: AtomicU64::new(0),
        }
    }

    /// An index of `text` that only clamps spans: their line and column are 0 (no scan, no
    /// allocation), for spans made relative to a value and moved to a document later.
    pub(crate) fn unindexed(text: &'a str) -> Self {
        LineIndex {
            text,
            starts: Vec::new(),
            chars: Vec::new(),
            lines: Vec::new(),
            last_line: AtomicU64::new(FIRST_LINE),
            last_chars: AtomicU64::new(0),
        }
    }

    /// Number of lines starting at or before byte `offset` (the 1-based line of `offset`): from
    /// its checkpoint, over at most [`CHECKPOINT`] line starts.
    fn line_of(&self, offset: usize) -> usize {
        let mut line = match self.lines.get(offset / CHECKPOINT) {
            Some(&l) => l as usize,
            None => self.starts.partition_point(|&s| s as usize <= offset),
        };
        while self.starts.get(line).is_some_and(|&s| s as usize <= offset) {
            line += 1;
        }
        line
    }

    /// Number of chars starting before byte `offset` (constant time).
    fn chars_before(&self, offset: usize) -> usize {
        let k = offset / CHECKPOINT;
        let base = self.chars.get(k).copied().unwrap_or(0) as usize;
        let from = k * CHECKPOINT;
        base + self
            .text
            .as_bytes()
            .get(from..offset)
            .map_or(0, count_chars)
    }

    /// 1-based (line, column) of a byte offset; offsets inside a char snap back to its start.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        if !cfg!(target_arch = "wasm32") {
            // From the last offset found, when it is on this line at most a checkpoint before.
            let (a, b) = (
                self.last_line.load(Ordering::Relaxed),
                self.last_chars.load(Ordering::Relaxed),
            );
            let last = (a >> 32) as usize;
            let line = (a & 0xFFFF_FFFF) as usize;
            if last == (b >> 32) as usize
                && last <= offset
                && offset - last <= CHECKPOINT
                && self.starts.get(line).is_none_or(|&s| s as usize > offset)
            {
                let chars = (b & 0xFFFF_FFFF) as usize
                    + self
                        .text
                        .as_bytes()
                        .get(last..offset)
                        .map_or(0, count_chars);
                self.remember(offset, line, chars);
                return (to_u32(line), to_u32(chars + 1));
            }
        }
        let line = self.line_of(offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0) as usize;
        let col = if offset.saturating_sub(start) <= CHECKPOINT || self.chars.is_empty() {
            self.text
                .as_bytes()
                .get(start..offset)
                .map_or(0, count_chars)
        } else {
            self.chars_before(offset)
                .saturating_sub(self.chars_before(start))
        };
        if !cfg!(target_arch = "wasm32") {
            self.remember(offset, line, col);
        }
        (to_u32(line), to_u32(col + 1))
    }

    /// Keeps `offset`'s line and chars before it on its line for the next [`Self::line_col`].
    fn remember(&self, offset: usize, line: usize, chars: usize) {
        // (A text past 4 GiB keeps what it had: its offsets do not fit.)
        if let (Ok(at), Ok(line), Ok(chars)) = (
            u32::try_from(offset),
            u32::try_from(line),
            u32::try_from(chars),
        ) {
            let at = u64::from(at) << 32;
            self.last_line
                .store(at | u64::from(line), Ordering::Relaxed);
            self.last_chars
                .store(at | u64::from(chars), Ordering::Relaxed);
        }
    }

    /// A span for the byte range `start..end`, clamped to the text and to char boundaries.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let len = self.text.len();
        let start = floor_char_boundary(self.text, start.min(len));
        let end = ceil_char_boundary(self.text, end.clamp(start, len));
        // An index always has the first line's start, but an unindexed one.
        let (line, column) = if self.starts.is_empty() {
            (0, 0)
        } else {
            self.line_col(start)
        };
        Span {
            start: to_u32(start),
            end: to_u32(end),
            line,
            column,
        }
    }

    /// The indexed text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Byte offsets where the text's lines start (the first is 0; none for an unindexed text).
    pub(crate) fn line_starts(&self) -> &[u32] {
        &self.starts
    }
}

/// Saturating conversion of an offset to `u32` (inputs are limited far below 4 GiB).
pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Largest char boundary `<= i`.
pub(crate) fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Smallest char boundary `>= i`.
pub(crate) fn ceil_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {

    /// The eight-bytes-at-a-time count equals counting the bytes that start a char, for every
    /// length and alignment of text mixing one- to four-byte chars.
    #[test]
    fn count_chars_counts_char_starts() {
        let text = "Kế hoạch số 66/KH-UBND 𝔸 ÿ\u{1EF9}xyz".repeat(5);
        let b = text.as_bytes();
        for s in 0..b.len() {
            for e in s..=b.len().min(s + 40) {
                let slice = &b[s..e];
                let expected = slice.iter().filter(|&&x| (x as i8) >= -0x40).count();
                assert_eq!(count_chars(slice), expected, "{s}..{e}");
            }
        }
    }
    use super::*;

    /// A checkpoint's count (vector or word scan) equals the chars that start in it, for
    /// every alignment of text mixing one- to four-byte chars.
    #[test]
    fn checkpoint_counts_are_char_counts() {
        let text = "Kế hoạch số 66/KH-UBND 𝔸 ÿ\u{1EF9}xyz".repeat(8);
        let b = text.as_bytes();
        for s in 0..b.len() - CHECKPOINT {
            let block = &b[s..s + CHECKPOINT];
            assert_eq!(count_checkpoint_chars(block), count_chars(block), "{s}");
        }
        assert_eq!(count_checkpoint_chars(&[b'a'; CHECKPOINT]), CHECKPOINT);
        assert_eq!(count_checkpoint_chars(&[0x80; CHECKPOINT]), 0);
    }

    #[test]
    fn line_col_handles_crlf_and_multibyte() {
        let t = "a\r\nđb\rc";
        let idx = LineIndex::new(t);
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(3), (2, 1));
        assert_eq!(idx.line_col(5), (2, 2)); // 'b' after 2-byte 'đ'
        assert_eq!(idx.line_col(7), (3, 1));
        let s = idx.span(4, 100);
        assert_eq!((s.start, s.end), (3, t.len() as u32));
    }

    /// Lines found from checkpoints equal a binary search over the line starts, for texts of
    /// long lines, of many short ones and of line breaks alone.
    #[test]
    fn lines_from_checkpoints_equal_a_search() {
        let texts = [
            "Kế hoạch số 66\n".repeat(40),
            "\n".repeat(300),
            format!("{}\r\n{}\rb\n", "ờ".repeat(200), "a".repeat(70)),
            "x".repeat(65),
        ];
        for t in &texts {
            let idx = LineIndex::new(t);
            for off in 0..=t.len() {
                let expected = idx.starts.partition_point(|&s| s as usize <= off);
                assert_eq!(idx.line_of(off), expected, "{off}");
            }
        }
    }

    /// Line and column of every offset, against counting from the text's start, for texts
    /// shorter and longer than the checkpoint tables start at.
    #[test]
    fn line_col_equals_counting() {
        for t in [
            "ờa".repeat(30),
            format!("{}\n{}", "Kế hoạch ".repeat(9), "ờ".repeat(40)),
            format!("a\r\n{}\r{}", "ạb".repeat(100), "x".repeat(200)),
        ] {
            let idx = LineIndex::new(&t);
            let (mut line, mut col) = (1u32, 1u32);
            for (off, c) in t.char_indices() {
                assert_eq!(idx.line_col(off), (line, col), "{off} of {} bytes", t.len());
                let crlf = c == '\r' && t.get(off + 1..).is_some_and(|r| r.starts_with('\n'));
                if c == '\n' || (c == '\r' && !crlf) {
                    (line, col) = (line + 1, 1);
                } else {
                    col += 1;
                }
            }
        }
    }

    proptest::proptest! {
        /// Line starts of any mix of CRLF, CR and LF (the vectorized scan for either byte)
        /// equal reading every byte.
        #[test]
        fn line_starts_of_mixed_breaks_equal_a_byte_walk(t in "[a\\r\\nờ]{0,400}") {
            let bytes = t.as_bytes();
            let mut expected = vec![0u32];
            for (i, &b) in bytes.iter().enumerate() {
                if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    expected.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
                }
            }
            proptest::prop_assert_eq!(&LineIndex::new(&t).starts, &expected);
        }

        /// Offsets asked in any order (forward by a few bytes, back, across line ends, inside a
        /// char, past the end), on short and checkpointed texts: each answer is the count from
        /// the text's start, whatever was asked before it (the last answer is reused).
        #[test]
        fn line_col_in_any_order_equals_counting(
            t in "[a\\r\\nờ ]{0,700}",
            steps in proptest::collection::vec(-90i64..90, 0..60),
            clone_at in 0usize..60,
        ) {
            let counted = |off: usize| {
                let mut off = off.min(t.len());
                while !t.is_char_boundary(off) {
                    off -= 1;
                }
                let (mut line, mut col) = (1u32, 1u32);
                for (i, c) in t.char_indices().take_while(|&(i, _)| i < off) {
                    let crlf = c == '\r' && t.get(i + 1..).is_some_and(|r| r.starts_with('\n'));
                    if c == '\n' || (c == '\r' && !crlf) {
                        (line, col) = (line + 1, 1);
                    } else {
                        col += 1;
                    }
                }
                (line, col)
            };
            let mut idx = LineIndex::new(&t);
            let mut off = 0i64;
            for (k, step) in steps.iter().enumerate() {
                off = (off + step).clamp(0, t.len() as i64 + 5);
                let o = usize::try_from(off).unwrap_or(0);
                proptest::prop_assert_eq!(idx.line_col(o), counted(o), "{} of {}", o, t.len());
                if k == clone_at {
                    idx = idx.clone();
                }
            }
        }
    }

    #[test]
    fn columns_on_a_long_line_cross_checkpoints() {
        let t = format!("x\n{}", "ờa".repeat(1000));
        let idx = LineIndex::new(&t);
        for k in [0usize, 1, 85, 86, 500, 999] {
            let off = 2 + k * "ờa".len();
            assert_eq!(idx.line_col(off), (2, (2 * k + 1) as u32), "{k}");
            assert_eq!(idx.line_col(off + 3), (2, (2 * k + 2) as u32), "{k}");
        }
        assert_eq!(idx.line_col(t.len()), (2, 2001));
    }
}

/// Converts byte ranges of a piece of text (a label value) into document [`Span`]s.
///
/// Sub-parsers (timeframes, agency lists) see only the normalized value string; the locator
/// knows where that string sits in the normalized document and how the normalized document
/// maps back to the caller's input.
#[derive(Debug, Clone, Copy)]
pub struct Locator<'a> {
    index: &'a LineIndex<'a>,
    norm: Option<&'a crate::text::Normalized<'a>>,
    base: usize,
}

impl<'a> Locator<'a> {
    /// A locator for a string that *is* the indexed input (standalone parsing).
    pub fn new(index: &'a LineIndex<'a>) -> Self {
        Locator {
            index,
            norm: None,
            base: 0,
        }
    }

    /// A locator for a value starting at byte `base` of the normalized document `norm`, whose
    /// original text is indexed by `index`.
    pub fn within(
        index: &'a LineIndex<'a>,
        norm: &'a crate::text::Normalized,
        base: usize,
    ) -> Self {
        Locator {
            index,
            norm: Some(norm),
            base,
        }
    }

    /// The same locator shifted by `offset` bytes (for a sub-slice of the value).
    pub fn offset(&self, offset: usize) -> Self {
        Locator {
            base: self.base + offset,
            ..*self
        }
    }

    /// The document span of bytes `start..end` of the value.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (s, e) = (self.base + start, self.base + end.max(start));
        match self.norm {
            Some(n) => {
                let (os, oe) = n.to_original(s, e);
                self.index.span(os, oe)
            }
            None => self.index.span(s, e),
        }
    }
}
