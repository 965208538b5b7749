//! The table of field labels ("Cơ quan chủ trì:", "Thời gian thực hiện:", …).
//!
//! Plans label the fields of a task in different words. Recognizing a new variant is one row
//! in a [`LabelTable`], not a parser change. Labels match case-insensitively with exact
//! diacritics at the start of a line (after an optional dash), followed by a colon; the longest
//! matching label wins ("Cơ quan chủ trì, phối hợp" before "Cơ quan chủ trì").

use super::model::FieldKey;
use crate::text::Case as _;
use std::borrow::Cow;

mod lowercase;
#[cfg(not(target_arch = "wasm32"))]
mod prefix_index;

pub(crate) use lowercase::{PREFIX_BYTES, has_prefix, prefix_lower_kept, prefix_lower_n};
#[cfg(test)]
use lowercase::{PREFIX_CHARS, prefix_lower};

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
    /// (lowercase label, key), longest first; borrowed from [`DEFAULT_ENTRIES`] until a label
    /// is added.
    entries: Cow<'static, [(Cow<'static, str>, FieldKey)]>,
    /// The first char of every label (lowercase): a line that starts with none of them starts
    /// with no label, decided without lowercasing it.
    firsts: Cow<'static, [char]>,
    /// The ASCII chars of `firsts` as bits (bit `b` for byte `b`): a line that starts with an
    /// ASCII char is decided by one test.
    ascii_firsts: u128,
    /// The first [`HEAD_CHARS`] chars of every label (lowercase), sorted: a line whose first
    /// chars, lowercased, start none of them starts with no label.
    heads: Cow<'static, [Cow<'static, str>]>,
    /// Chars of the longest label, counted when the table changes.
    longest: usize,
    /// The labels in byte order with their prefix chains (see `prefix_index`): the labels that
    /// start a line found without testing each.
    #[cfg(not(target_arch = "wasm32"))]
    by_text: Cow<'static, prefix_index::ByText>,
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

/// [`DEFAULT_LABELS`] as a table holds them: normalized, lowercase, longest first, a label
/// written twice kept once (a test checks them against the table built from
/// [`DEFAULT_LABELS`]). Written out so that the default table costs nothing to make: a parse
/// with the default options borrows it instead of building or copying 47 strings.
static DEFAULT_ENTRIES: [(Cow<'static, str>, FieldKey); 47] = [
    (
        Cow::Borrowed("trách nhiệm chỉ đạo thực hiện"),
        FieldKey::Lead,
    ),
    (Cow::Borrowed("cơ quan chủ trì và phối hợp"), FieldKey::Lead),
    (Cow::Borrowed("cơ quan chủ trì, thực hiện"), FieldKey::Lead),
    (
        Cow::Borrowed("cơ quan phối hợp thực hiện"),
        FieldKey::Partner,
    ),
    (Cow::Borrowed("cơ quan chủ trì soạn thảo"), FieldKey::Lead),
    (Cow::Borrowed("cơ quan chủ trì thực hiện"), FieldKey::Lead),
    (Cow::Borrowed("cơ quan chủ trì, phối hợp"), FieldKey::Lead),
    (Cow::Borrowed("cơ quan, đơn vị thực hiện"), FieldKey::Lead),
    (
        Cow::Borrowed("đơn vị phối hợp thực hiện"),
        FieldKey::Partner,
    ),
    (Cow::Borrowed("cơ quan chịu trách nhiệm"), FieldKey::Lead),
    (Cow::Borrowed("cơ quan, đơn vị phối hợp"), FieldKey::Partner),
    (Cow::Borrowed("cơ quan/đơn vị thực hiện"), FieldKey::Lead),
    (Cow::Borrowed("đơn vị chủ trì thực hiện"), FieldKey::Lead),
    (Cow::Borrowed("đơn vị chủ trì, phối hợp"), FieldKey::Lead),
    (Cow::Borrowed("cơ quan thực hiện chính"), FieldKey::Lead),
    (Cow::Borrowed("cơ quan, đơn vị chủ trì"), FieldKey::Lead),
    (Cow::Borrowed("cơ quan/đơn vị phối hợp"), FieldKey::Partner),
    (Cow::Borrowed("đơn vị chịu trách nhiệm"), FieldKey::Lead),
    (Cow::Borrowed("cơ quan/đơn vị chủ trì"), FieldKey::Lead),
    (Cow::Borrowed("thời gian hoàn thành"), FieldKey::Timeframe),
    (Cow::Borrowed("thời gian triển khai"), FieldKey::Timeframe),
    (Cow::Borrowed("thời gian thực hiện"), FieldKey::Timeframe),
    (Cow::Borrowed("thời hạn hoàn thành"), FieldKey::Timeframe),
    (Cow::Borrowed("trách nhiệm chủ trì"), FieldKey::Lead),
    (Cow::Borrowed("phối hợp thực hiện"), FieldKey::Partner),
    (Cow::Borrowed("thời gian hoàn tất"), FieldKey::Timeframe),
    (Cow::Borrowed("thời hạn thực hiện"), FieldKey::Timeframe),
    (Cow::Borrowed("tiến độ hoàn thành"), FieldKey::Timeframe),
    (Cow::Borrowed("chủ trì thực hiện"), FieldKey::Lead),
    (Cow::Borrowed("cơ quan thực hiện"), FieldKey::Lead),
    (Cow::Borrowed("thời hạn ban hành"), FieldKey::Timeframe),
    (Cow::Borrowed("thời hạn hoàn tất"), FieldKey::Timeframe),
    (Cow::Borrowed("tiến độ thực hiện"), FieldKey::Timeframe),
    (Cow::Borrowed("cơ quan phối hợp"), FieldKey::Partner),
    (Cow::Borrowed("kết quả sản phẩm"), FieldKey::Output),
    (Cow::Borrowed("đơn vị thực hiện"), FieldKey::Lead),
    (Cow::Borrowed("cơ quan chủ trì"), FieldKey::Lead),
    (Cow::Borrowed("thời gian trình"), FieldKey::Timeframe),
    (Cow::Borrowed("đơn vị phối hợp"), FieldKey::Partner),
    (Cow::Borrowed("thời hạn trình"), FieldKey::Timeframe),
    (Cow::Borrowed("đơn vị chủ trì"), FieldKey::Lead),
    (Cow::Borrowed("thời gian"), FieldKey::Timeframe),
    (Cow::Borrowed("phối hợp"), FieldKey::Partner),
    (Cow::Borrowed("sản phẩm"), FieldKey::Output),
    (Cow::Borrowed("thời hạn"), FieldKey::Timeframe),
    (Cow::Borrowed("chủ trì"), FieldKey::Lead),
    (Cow::Borrowed("tiến độ"), FieldKey::Timeframe),
];

/// The first chars of [`DEFAULT_ENTRIES`], sorted.
static DEFAULT_FIRSTS: [char; 6] = ['c', 'k', 'p', 's', 't', 'đ'];

/// The ASCII chars of `firsts` as bits (see [`LabelTable`]'s `ascii_firsts`).
#[allow(clippy::indexing_slicing)] // evaluated at compile time for the defaults: `i < len`
const fn ascii_bits(firsts: &[char]) -> u128 {
    let mut bits = 0u128;
    let mut i = 0;
    while i < firsts.len() {
        let c = firsts[i] as u32;
        if c < 128 {
            bits |= 1 << c;
        }
        i += 1;
    }
    bits
}

/// The heads of [`DEFAULT_ENTRIES`] (see [`LabelTable`]'s `heads`), sorted.
static DEFAULT_HEADS: [Cow<'static, str>; 9] = [
    Cow::Borrowed("chủ "),
    Cow::Borrowed("cơ q"),
    Cow::Borrowed("kết "),
    Cow::Borrowed("phối"),
    Cow::Borrowed("sản "),
    Cow::Borrowed("thời"),
    Cow::Borrowed("tiến"),
    Cow::Borrowed("trác"),
    Cow::Borrowed("đơn "),
];

/// Chars of the longest of [`DEFAULT_ENTRIES`].
const DEFAULT_LONGEST: usize = 29;

/// The default table, borrowed.
static DEFAULTS: LabelTable = LabelTable {
    entries: Cow::Borrowed(&DEFAULT_ENTRIES),
    firsts: Cow::Borrowed(&DEFAULT_FIRSTS),
    ascii_firsts: ascii_bits(&DEFAULT_FIRSTS),
    heads: Cow::Borrowed(&DEFAULT_HEADS),
    longest: DEFAULT_LONGEST,
    #[cfg(not(target_arch = "wasm32"))]
    by_text: Cow::Borrowed(&prefix_index::DEFAULT_BY_TEXT),
};

impl Default for LabelTable {
    /// The [`DEFAULT_LABELS`] (borrowed: nothing is allocated until a label is added).
    fn default() -> Self {
        LabelTable::defaults().clone()
    }
}

impl LabelTable {
    /// The table of [`DEFAULT_LABELS`], compiled in (readers that do not add labels share it).
    ///
    /// ```
    /// use kehoach::document::{LabelTable, FieldKey};
    /// let m = LabelTable::defaults().match_field("Cơ quan chủ trì: Sở Y tế").unwrap();
    /// assert_eq!(m.key, FieldKey::Lead);
    /// ```
    pub fn defaults() -> &'static LabelTable {
        &DEFAULTS
    }

    /// An empty table.
    pub fn empty() -> Self {
        LabelTable {
            entries: Cow::Borrowed(&[]),
            firsts: Cow::Borrowed(&[]),
            ascii_firsts: 0,
            heads: Cow::Borrowed(&[]),
            longest: 0,
            #[cfg(not(target_arch = "wasm32"))]
            by_text: Cow::Borrowed(&[]),
        }
    }

    /// Adds (or re-maps) a label.
    pub fn add(&mut self, label: &str, key: FieldKey) {
        self.add_all(std::iter::once((label, key)));
    }

    /// [`LabelTable::add`] of each label in turn, sorting once at the end (the same table: the
    /// order is a total order on distinct labels, and a label added again keeps its last key).
    fn add_all<'l>(&mut self, labels: impl Iterator<Item = (&'l str, FieldKey)>) {
        let entries = self.entries.to_mut();
        for (label, key) in labels {
            let l = crate::text::normalize(label).to_lower();
            match entries.iter_mut().find(|(e, _)| *e == l) {
                Some(slot) => slot.1 = key,
                None => entries.push((Cow::Owned(l), key)),
            }
        }
        fn key(l: &str) -> (std::cmp::Reverse<usize>, &str) {
            (std::cmp::Reverse(l.chars().count()), l)
        }
        crate::sort::sort_by(entries, |(a, _), (b, _)| key(a).cmp(&key(b)));
        let mut firsts: Vec<char> = entries
            .iter()
            .filter_map(|(l, _)| l.chars().next())
            .collect();
        crate::sort::sort_by(&mut firsts, char::cmp);
        firsts.dedup();
        self.ascii_firsts = ascii_bits(&firsts);
        self.firsts = Cow::Owned(firsts);
        let mut heads: Vec<Cow<'static, str>> = entries
            .iter()
            .map(|(l, _)| {
                let end = l.char_indices().nth(HEAD_CHARS).map_or(l.len(), |(i, _)| i);
                Cow::Owned(l.get(..end).unwrap_or_default().to_string())
            })
            .collect();
        crate::sort::sort_by(&mut heads, |a, b| a.cmp(b));
        heads.dedup();
        self.heads = Cow::Owned(heads);
        self.longest = self.entries.first().map_or(0, |(l, _)| l.chars().count());
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.by_text = Cow::Owned(prefix_index::by_text(&self.entries));
        }
    }

    /// The entries whose labels may be prefixes of `lower_prefix` (a line's lowercase start),
    /// longest first: natively, exactly those that are (found through the index); in the wasm
    /// package, every entry, and the caller tests each with [`has_prefix`] (the test inside an
    /// iterator cost its first-render module 67 bytes, in the loop 25).
    #[cfg(not(target_arch = "wasm32"))]
    fn candidates<'t>(
        &'t self,
        lower_prefix: &'t [u8],
    ) -> impl Iterator<Item = &'t (Cow<'static, str>, FieldKey)> {
        prefix_index::Prefixes::new(&self.entries, &self.by_text, lower_prefix)
    }

    /// See the native [`LabelTable::candidates`]: here every entry.
    #[cfg(target_arch = "wasm32")]
    fn candidates<'t>(
        &'t self,
        _lower_prefix: &'t [u8],
    ) -> impl Iterator<Item = &'t (Cow<'static, str>, FieldKey)> {
        self.entries.iter()
    }

    /// Whether `line` may start with a label: its first char, lowercased, starts one, and its
    /// first [`HEAD_CHARS`] chars, lowercased, start with a label's head (the common case, a
    /// line that starts with no label, decided before its longer prefix is lowercased).
    fn may_start_label(&self, line: &str) -> bool {
        let Some(&b0) = line.as_bytes().first() else {
            return false;
        };
        // (The wasm package tests the char alone: its first-render module has no bytes to spare.)
        let first_starts_one = if !cfg!(target_arch = "wasm32") && b0.is_ascii() {
            (self.ascii_firsts >> b0.to_ascii_lowercase()) & 1 == 1
        } else {
            line.chars()
                .next()
                .is_some_and(|c| c.to_lower().any(|l| self.firsts.binary_search(&l).is_ok()))
        };
        if !first_starts_one {
            return false;
        }
        let mut buf = [0u8; PREFIX_BYTES];
        let head = prefix_lower_n(line, HEAD_CHARS, &mut buf);
        self.heads.iter().any(|h| has_prefix(head, h))
    }

    /// Chars of the longest label (only that much of a line is lowercased to match).
    fn longest(&self) -> usize {
        self.longest
    }

    /// The labels and keys, longest first.
    pub fn entries(&self) -> impl Iterator<Item = (&str, FieldKey)> {
        self.entries.iter().map(|(l, k)| (l.as_ref(), *k))
    }

    /// Matches `line` (already without a leading dash) against the labels: label, optional
    /// spaces, then `:`.
    pub fn match_field<'a>(&self, line: &'a str) -> Option<FieldMatch<'a>> {
        if !self.may_start_label(line) {
            return None;
        }
        let mut buf = [0u8; PREFIX_BYTES];
        let lower_prefix = prefix_lower_kept(line, self.longest(), &mut buf);
        self.match_field_prefixed(line, lower_prefix, &mut false)
    }

    /// [`match_field`](Self::match_field) with the line's lowercase prefix already computed
    /// ([`prefix_lower_kept`]); sets `saw_label` when a label starts the line (with or without
    /// its colon).
    fn match_field_prefixed<'a>(
        &self,
        line: &'a str,
        (lower_prefix, kept): (&[u8], bool),
        saw_label: &mut bool,
    ) -> Option<FieldMatch<'a>> {
        for (label, key) in self.candidates(lower_prefix) {
            if cfg!(target_arch = "wasm32") && !has_prefix(lower_prefix, label) {
                continue;
            }
            *saw_label = true;
            let mut end = label_end(line, label, kept);
            let mut rest = line.get(end..)?;
            // "Đơn vị chủ trì tham mưu thực hiện:", "Cơ quan chủ trì soạn thảo:": a lead label
            // lengthened by the words of the role.
            if matches!(key, FieldKey::Lead | FieldKey::Partner) {
                let mut r = rest;
                loop {
                    let t = r.trim_start();
                    // The tails start with ASCII letters: a colon (the common case) ends them
                    // without a test of each.
                    if t.as_bytes()
                        .first()
                        .is_none_or(|b| b.is_ascii() && !b.is_ascii_alphabetic())
                    {
                        break;
                    }
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
        let (lower_prefix, kept) = prefix_lower_kept(line, self.longest(), &mut buf);
        let mut saw_label = false;
        if let Some(m) = self.match_field_prefixed(line, (lower_prefix, kept), &mut saw_label) {
            return Some(m);
        }
        // No label starts this line: nothing more to read (decided by the one pass above).
        if !saw_label {
            return None;
        }
        for (label, key) in self.candidates(lower_prefix) {
            if cfg!(target_arch = "wasm32") && !has_prefix(lower_prefix, label) {
                continue;
            }
            let end = label_end(line, label, kept);
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
        // A label is followed by ':': a line without one has none, and none starts at or after
        // its last ':' (one search from the end).
        let last_colon = if cfg!(target_arch = "wasm32") {
            line.rfind(':')?
        } else {
            memchr::memrchr(b':', line.as_bytes())?
        };
        let bytes = line.as_bytes().get(..last_colon).unwrap_or_default();
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
        // A cell equal to a label starts with its head (most cells are not headers).
        if !self.may_start_label(c) {
            return None;
        }
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

/// The end in `line` of `label`, a prefix of its lowercase: the label's length when every
/// char of the line's lowercased start kept its length (`kept`, the common case), else found by
/// counting the label's chars in the line.
pub(crate) fn label_end(line: &str, label: &str, kept: bool) -> usize {
    if kept {
        return label.len();
    }
    let n = label.chars().count();
    line.char_indices().nth(n).map_or(line.len(), |(i, _)| i)
}

/// Chars of a label's head (see [`LabelTable`]'s `heads`).
const HEAD_CHARS: usize = 4;

#[cfg(test)]
mod tests;
