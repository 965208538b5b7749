//! The table of field labels ("Cơ quan chủ trì:", "Thời gian thực hiện:", …).
//!
//! Plans label the fields of a task in different words. Recognizing a new variant is one row
//! in a [`LabelTable`], not a parser change. Labels match case-insensitively with exact
//! diacritics at the start of a line (after an optional dash), followed by a colon; the longest
//! matching label wins ("Cơ quan chủ trì, phối hợp" before "Cơ quan chủ trì").

use super::model::FieldKey;
use crate::text::Case as _;

/// Label words and what they mean.
///
/// ```
/// use kehoach::document::{LabelTable, FieldKey};
/// let mut labels = LabelTable::default();
/// labels.add("Đơn vị đầu mối", FieldKey::Lead);
/// let m = labels.match_field("Đơn vị đầu mối: Sở Y tế").unwrap();
/// assert_eq!((m.key, m.label, m.value_start), (FieldKey::Lead, "Đơn vị đầu mối", "Đơn vị đầu mối: ".len()));
/// ```
#[derive(Debug, Clone)]
pub struct LabelTable {
    /// (lowercase label, key), longest first.
    entries: Vec<(String, FieldKey)>,
    /// The first char of every label (lowercase): a line that starts with none of them starts
    /// with no label, decided without lowercasing it.
    firsts: Vec<char>,
    /// Chars of the longest label, counted when the table changes.
    longest: usize,
}

/// A field label found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldMatch<'a> {
    /// What the field holds.
    pub key: FieldKey,
    /// The label as written in the line.
    pub label: &'a str,
    /// Byte offset of the value (after the colon and spaces) in the line.
    pub value_start: usize,
}

/// The built-in labels.
pub const DEFAULT_LABELS: &[(&str, FieldKey)] = &[
    ("Cơ quan chủ trì, phối hợp", FieldKey::Lead),
    ("Cơ quan chủ trì, thực hiện", FieldKey::Lead),
    ("Cơ quan chủ trì và phối hợp", FieldKey::Lead),
    ("Đơn vị chủ trì, phối hợp", FieldKey::Lead),
    ("Cơ quan chủ trì thực hiện", FieldKey::Lead),
    ("Cơ quan chủ trì", FieldKey::Lead),
    ("Cơ quan thực hiện", FieldKey::Lead),
    ("Cơ quan thực hiện chính", FieldKey::Lead),
    ("Cơ quan chịu trách nhiệm", FieldKey::Lead),
    ("Đơn vị chủ trì thực hiện", FieldKey::Lead),
    ("Đơn vị chủ trì", FieldKey::Lead),
    ("Đơn vị thực hiện", FieldKey::Lead),
    ("Đơn vị chịu trách nhiệm", FieldKey::Lead),
    ("Chủ trì thực hiện", FieldKey::Lead),
    ("Trách nhiệm chỉ đạo thực hiện", FieldKey::Lead),
    ("Trách nhiệm chủ trì", FieldKey::Lead),
    ("Cơ quan chủ trì soạn thảo", FieldKey::Lead),
    ("Cơ quan/Đơn vị chủ trì", FieldKey::Lead),
    ("Cơ quan/đơn vị chủ trì", FieldKey::Lead),
    ("Cơ quan, đơn vị chủ trì", FieldKey::Lead),
    ("Cơ quan/Đơn vị thực hiện", FieldKey::Lead),
    ("Cơ quan, đơn vị thực hiện", FieldKey::Lead),
    ("Cơ quan, đơn vị phối hợp", FieldKey::Partner),
    ("Cơ quan/Đơn vị phối hợp", FieldKey::Partner),
    ("Thời hạn ban hành", FieldKey::Timeframe),
    ("Thời hạn trình", FieldKey::Timeframe),
    ("Thời gian trình", FieldKey::Timeframe),
    ("Thời hạn hoàn tất", FieldKey::Timeframe),
    ("Chủ trì", FieldKey::Lead),
    ("Cơ quan phối hợp thực hiện", FieldKey::Partner),
    ("Cơ quan phối hợp", FieldKey::Partner),
    ("Đơn vị phối hợp thực hiện", FieldKey::Partner),
    ("Đơn vị phối hợp", FieldKey::Partner),
    ("Phối hợp thực hiện", FieldKey::Partner),
    ("Phối hợp", FieldKey::Partner),
    ("Thời gian thực hiện", FieldKey::Timeframe),
    ("Thời gian hoàn thành", FieldKey::Timeframe),
    ("Thời gian hoàn tất", FieldKey::Timeframe),
    ("Thời gian triển khai", FieldKey::Timeframe),
    ("Thời hạn hoàn thành", FieldKey::Timeframe),
    ("Thời hạn thực hiện", FieldKey::Timeframe),
    ("Thời hạn", FieldKey::Timeframe),
    ("Thời gian", FieldKey::Timeframe),
    ("Tiến độ thực hiện", FieldKey::Timeframe),
    ("Tiến độ hoàn thành", FieldKey::Timeframe),
    ("Tiến độ", FieldKey::Timeframe),
    ("Sản phẩm", FieldKey::Output),
    ("Kết quả sản phẩm", FieldKey::Output),
];

impl Default for LabelTable {
    /// The [`DEFAULT_LABELS`] (a copy of [`LabelTable::defaults`]).
    fn default() -> Self {
        LabelTable::defaults().clone()
    }
}

impl LabelTable {
    /// The table of [`DEFAULT_LABELS`], built once (normalizing and sorting the labels costs
    /// more than a whole amendment instruction; readers that do not add labels share it).
    ///
    /// ```
    /// use kehoach::document::{LabelTable, FieldKey};
    /// let m = LabelTable::defaults().match_field("Cơ quan chủ trì: Sở Y tế").unwrap();
    /// assert_eq!(m.key, FieldKey::Lead);
    /// ```
    pub fn defaults() -> &'static LabelTable {
        static TABLE: std::sync::LazyLock<LabelTable> = std::sync::LazyLock::new(|| {
            let mut t = LabelTable::empty();
            t.add_all(DEFAULT_LABELS.iter().copied());
            t
        });
        &TABLE
    }

    /// An empty table.
    pub fn empty() -> Self {
        LabelTable {
            entries: Vec::new(),
            firsts: Vec::new(),
            longest: 0,
        }
    }

    /// Adds (or re-maps) a label.
    pub fn add(&mut self, label: &str, key: FieldKey) {
        self.add_all(std::iter::once((label, key)));
    }

    /// [`LabelTable::add`] of each label in turn, sorting once at the end (the same table: the
    /// order is a total order on distinct labels, and a label added again keeps its last key).
    fn add_all<'l>(&mut self, labels: impl Iterator<Item = (&'l str, FieldKey)>) {
        for (label, key) in labels {
            let l = crate::text::normalize(label).to_lower();
            match self.entries.iter_mut().find(|(e, _)| *e == l) {
                Some(slot) => slot.1 = key,
                None => self.entries.push((l, key)),
            }
        }
        fn key(l: &str) -> (std::cmp::Reverse<usize>, &str) {
            (std::cmp::Reverse(l.chars().count()), l)
        }
        crate::sort::sort_by(&mut self.entries, |(a, _), (b, _)| key(a).cmp(&key(b)));
        self.firsts = self
            .entries
            .iter()
            .filter_map(|(l, _)| l.chars().next())
            .collect();
        crate::sort::sort_by(&mut self.firsts, char::cmp);
        self.firsts.dedup();
        self.longest = self.entries.first().map_or(0, |(l, _)| l.chars().count());
    }

    /// Whether `line` may start with a label: its first char, lowercased, starts one.
    fn may_start_label(&self, line: &str) -> bool {
        line.chars()
            .next()
            .is_some_and(|c| c.to_lower().any(|l| self.firsts.binary_search(&l).is_ok()))
    }

    /// Chars of the longest label (only that much of a line is lowercased to match).
    fn longest(&self) -> usize {
        self.longest
    }

    /// The labels and keys, longest first.
    pub fn entries(&self) -> impl Iterator<Item = (&str, FieldKey)> {
        self.entries.iter().map(|(l, k)| (l.as_str(), *k))
    }

    /// Matches `line` (already without a leading dash) against the labels: label, optional
    /// spaces, then `:`.
    pub fn match_field<'a>(&self, line: &'a str) -> Option<FieldMatch<'a>> {
        if !self.may_start_label(line) {
            return None;
        }
        let mut buf = [0u8; PREFIX_BYTES];
        let lower_prefix = prefix_lower_n(line, self.longest(), &mut buf);
        self.match_field_prefixed(line, lower_prefix)
    }

    /// [`match_field`](Self::match_field) with the line's lowercase prefix already computed.
    fn match_field_prefixed<'a>(
        &self,
        line: &'a str,
        lower_prefix: &[u8],
    ) -> Option<FieldMatch<'a>> {
        for (label, key) in &self.entries {
            if !has_prefix(lower_prefix, label) {
                continue;
            }
            // Map the label's char count back to a byte offset in `line`.
            let n = label.chars().count();
            let end = line.char_indices().nth(n).map_or(line.len(), |(i, _)| i);
            let mut end = end;
            let mut rest = line.get(end..)?;
            // "Đơn vị chủ trì tham mưu thực hiện:", "Cơ quan chủ trì soạn thảo:": a lead label
            // lengthened by the words of the role.
            if matches!(key, FieldKey::Lead | FieldKey::Partner) {
                let mut r = rest;
                loop {
                    let t = r.trim_start();
                    match LABEL_TAILS
                        .iter()
                        .find(|w| crate::text::starts_with_lowercase(t, w))
                    {
                        Some(w)
                            if t.get(w.len()..).is_some_and(|a| {
                                a.is_empty() || a.starts_with([' ', ':', '*'])
                            }) =>
                        {
                            r = t.get(w.len()..).unwrap_or("");
                        }
                        _ => break,
                    }
                }
                if r.len() < rest.len() && r.trim_start().trim_start_matches('*').starts_with(':') {
                    end = line.len() - r.len();
                    rest = r;
                }
            }
            // "*Thời gian thực hiện*: …", "*Đơn vị chủ trì: *Các …": italics around the label.
            let trimmed = rest.trim_start().trim_start_matches('*');
            if let Some(after) = trimmed.strip_prefix(':') {
                let value_start = line.len() - after.trim_start_matches([' ', '*']).len();
                return Some(FieldMatch {
                    key: *key,
                    label: line.get(..end)?,
                    value_start,
                });
            }
        }
        None
    }

    /// Like [`match_field`](Self::match_field), and also a label written without its colon
    /// when what follows cannot be prose: an agency label of two or more words before an
    /// uppercase word ("Cơ quan chủ trì Sở Nội vụ"), or a timeframe label before a digit or a
    /// time word ("Thời gian thực hiện Quý IV/2025").
    ///
    /// ```
    /// use kehoach::document::{LabelTable, FieldKey};
    /// let t = LabelTable::defaults();
    /// let m = t.match_field_loose("Đơn vị chủ trì Sở Y tế").unwrap();
    /// assert_eq!((m.key, m.label, m.value_start), (FieldKey::Lead, "Đơn vị chủ trì", "Đơn vị chủ trì ".len()));
    /// assert!(t.match_field_loose("Chủ trì xây dựng kế hoạch").is_none());
    /// assert!(t.match_field_loose("Tiến độ thực hiện Đề án chậm").is_none());
    /// ```
    pub fn match_field_loose<'a>(&self, line: &'a str) -> Option<FieldMatch<'a>> {
        if !self.may_start_label(line) {
            return None;
        }
        let mut buf = [0u8; PREFIX_BYTES];
        let lower_prefix = prefix_lower_n(line, self.longest(), &mut buf);
        // No label starts this line: nothing to read (the common case, decided once).
        if !self
            .entries
            .iter()
            .any(|(l, _)| has_prefix(lower_prefix, l))
        {
            return None;
        }
        if let Some(m) = self.match_field_prefixed(line, lower_prefix) {
            return Some(m);
        }
        for (label, key) in &self.entries {
            if !has_prefix(lower_prefix, label) {
                continue;
            }
            let n = label.chars().count();
            let end = line.char_indices().nth(n).map_or(line.len(), |(i, _)| i);
            let rest = line.get(end..)?;
            let value = rest.trim_start();
            if rest.trim_matches([' ', '*', ':']).is_empty() && label.chars().count() >= 12 {
                // A label alone on its line ("a) Cơ quan chủ trì"): the value follows below.
                return Some(FieldMatch {
                    key: *key,
                    label: line.get(..end)?,
                    value_start: line.len(),
                });
            }
            if value.len() == rest.len() || value.is_empty() {
                continue; // the label is a prefix of a longer word, or nothing follows
            }
            let fits = match key {
                FieldKey::Lead | FieldKey::Partner => {
                    label.contains(' ')
                        && !label.starts_with("tiến độ")
                        && value.starts_with(char::is_uppercase)
                }
                FieldKey::Timeframe => {
                    value.starts_with(|c: char| c.is_ascii_digit())
                        || TIME_WORDS
                            .iter()
                            .any(|w| crate::text::starts_with_lowercase(value, w))
                }
                FieldKey::Output => false,
            };
            if fits {
                return Some(FieldMatch {
                    key: *key,
                    label: line.get(..end)?,
                    value_start: line.len() - value.len(),
                });
            }
        }
        None
    }

    /// The first label inside a line, after a separator ("; ", ". ", ", ", "(", " - "), followed
    /// by its colon: its byte offset and match. Labels at the very start are not looked for.
    ///
    /// ```
    /// use kehoach::document::{LabelTable, FieldKey};
    /// let line = "Sở A; thời gian hoàn thành: Quý IV/2025.";
    /// let (pos, m) = LabelTable::defaults().find_inline(line).unwrap();
    /// assert_eq!((pos, m.key), ("Sở A; ".len(), FieldKey::Timeframe));
    /// ```
    pub fn find_inline<'a>(&self, line: &'a str) -> Option<(usize, FieldMatch<'a>)> {
        // A label ends with ':': a line without one has none (one vectorized search).
        memchr::memchr(b':', line.as_bytes())?;
        let bytes = line.as_bytes();
        for (i, &b) in bytes.iter().enumerate().skip(1) {
            let after_sep = match b {
                b' ' => matches!(bytes.get(i - 1), Some(b';' | b'.' | b',' | b'-' | b'|')),
                b'(' => true,
                _ => false,
            };
            if !after_sep {
                continue;
            }
            let start = i + 1;
            let Some(rest) = line.get(start..) else {
                continue;
            };
            if let Some(m) = self.match_field(rest) {
                return Some((start, m));
            }
        }
        None
    }

    /// Matches a whole cell against a label (table headers: no colon needed).
    pub fn match_header(&self, cell: &str) -> Option<FieldKey> {
        let c = cell.trim().trim_end_matches(':').trim();
        self.entries
            .iter()
            .find(|(l, _)| crate::text::eq_lowercase(c, l))
            .map(|(_, k)| *k)
    }
}

/// Words that may lengthen a lead or partner label before its colon.
const LABEL_TAILS: &[&str] = &[
    "tham mưu",
    "thực hiện",
    "soạn thảo",
    "chính",
    "triển khai",
    "tổ chức",
    "xây dựng",
];

/// Words that start a timeframe value (for labels written without their colon).
const TIME_WORDS: &[&str] = &[
    "năm",
    "quý",
    "tháng",
    "trước",
    "từ",
    "hàng",
    "hằng",
    "thường",
    "giai đoạn",
    "định kỳ",
    "đến",
    "trong",
];

/// Chars of a line lowercased for label matching (labels are short; this keeps matching linear).
const PREFIX_CHARS: usize = 48;
/// Room for [`PREFIX_CHARS`] lowercased chars (a char lowercases to at most 3 chars of ≤ 4
/// bytes; "İ" is the only one that grows, to 2).
pub(crate) const PREFIX_BYTES: usize = PREFIX_CHARS * 12;

/// Lowercase of the first [`PREFIX_CHARS`] chars of `s`, written into `buf` (every line of a
/// plan is matched: a `String` per line was a temporary allocation per line).
#[cfg(test)]
fn prefix_lower<'b>(s: &str, buf: &'b mut [u8; PREFIX_BYTES]) -> &'b str {
    std::str::from_utf8(prefix_lower_n(s, PREFIX_CHARS, buf)).unwrap_or_default()
}

/// `s.starts_with(p)` on bytes, deciding most misses on the first two bytes without a call to
/// `memcmp`: every line is tested against every label and agency head.
pub(crate) fn has_prefix(s: &[u8], p: &str) -> bool {
    let p = p.as_bytes();
    match (s.get(..2), p.get(..2)) {
        (Some(a), Some(b)) if a != b => false,
        _ => s.starts_with(p),
    }
}

/// [`prefix_lower`] of the first `n` (at most [`PREFIX_CHARS`]) chars, as UTF-8 bytes (compared
/// by [`has_prefix`]: no validation of what was just encoded).
pub(crate) fn prefix_lower_n<'b>(s: &str, n: usize, buf: &'b mut [u8; PREFIX_BYTES]) -> &'b [u8] {
    let mut len = 0;
    for c in s.chars().take(n.min(PREFIX_CHARS)) {
        // ASCII (spaces, most consonants) without the Unicode tables.
        if c.is_ascii() {
            let Some(slot) = buf.get_mut(len) else { break };
            *slot = c.to_ascii_lowercase() as u8;
            len += 1;
            continue;
        }
        // The Vietnamese letters without the general case mapping.
        if let Some(l) = crate::text::vietnamese_lower(c) {
            let Some(slot) = buf.get_mut(len..len + l.len_utf8()) else {
                break;
            };
            len += l.encode_utf8(slot).len();
            continue;
        }
        for l in c.to_lower() {
            let Some(slot) = buf.get_mut(len..len + l.len_utf8()) else {
                return buf.get(..len).unwrap_or_default();
            };
            len += l.encode_utf8(slot).len();
        }
    }
    buf.get(..len).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn defaults_built_at_once_equal_defaults_added_one_by_one() {
        let mut one_by_one = super::LabelTable::empty();
        for (l, k) in super::DEFAULT_LABELS {
            one_by_one.add(l, *k);
        }
        let at_once = super::LabelTable::defaults();
        assert!(one_by_one.entries().eq(at_once.entries()));
        assert_eq!(one_by_one.firsts, at_once.firsts);
    }

    use super::*;
    use proptest::prelude::*;

    fn reference(s: &str) -> String {
        s.chars()
            .take(PREFIX_CHARS)
            .flat_map(crate::text::lower_char)
            .collect()
    }

    #[test]
    fn the_prefix_buffer_holds_the_longest_lowercase() {
        for s in [
            "İ".repeat(60),
            "ΐ".repeat(60),
            "Cơ quan chủ trì: Sở Y tế".to_string(),
            String::new(),
        ] {
            let mut buf = [0; PREFIX_BYTES];
            assert_eq!(prefix_lower(&s, &mut buf), reference(&s));
        }
    }

    proptest! {
        #[test]
        fn prefix_lower_is_the_lowercase_of_the_first_chars(s in "\\PC{0,80}") {
            let mut buf = [0; PREFIX_BYTES];
            prop_assert_eq!(prefix_lower(&s, &mut buf), reference(&s));
        }

        #[test]
        fn has_prefix_is_starts_with(s in "[cđơ ]{0,4}", p in "[cđơ ]{0,3}") {
            prop_assert_eq!(has_prefix(s.as_bytes(), &p), s.starts_with(&p));
        }
    }
}
