//! Text normalization with an offset map back to the original input.
//!
//! Real plan text arrives as NFC or NFD Unicode, with CRLF or CR line ends, a BOM, NBSP and
//! other Unicode spaces, tabs, zero-width characters and trailing spaces. [`Normalized::new`]
//! produces the text the parser reads: NFC, `\n` line ends, each run of horizontal whitespace
//! turned into one ASCII space, no leading or trailing spaces on a line, zero-width characters,
//! BOM and control characters removed, an HTML line break (`<br>`, `<br/>`, `<br />`: Markdown
//! tables converted from Word or HTML carry them inside cells) read as a space. It never rewrites
//! the caller's input: an
//! offset map converts positions in the normalized text back to byte offsets of the original,
//! so spans always slice the input as given. Cost is linear in the input.

mod line_starts;
mod run;

use crate::nfc::{cluster_nfc, is_mark, joins_cluster, lone_is_nfc};
use run::normal_run;
pub(crate) use run::{CHUNK, LANES, VECTOR_SCANS, class_lanes, shifted};
use std::borrow::Cow;

/// One stretch of the normalized text and where it came from.
#[derive(Debug, Clone, Copy)]
struct Segment {
    norm_start: u32,
    norm_end: u32,
    orig_start: u32,
    orig_end: u32,
    /// Byte-for-byte copy (offsets map linearly) or an opaque replacement.
    linear: bool,
}

/// A normalized copy of an input and the map back to it. Input that is already in the normalized
/// form (the common case: NFC, `\n` line ends, single ASCII spaces) is detected by a quick scan
/// and borrowed, not copied; its offset map is the identity and costs nothing.
///
/// ```
/// use kehoach::text::Normalized;
/// let input = "\u{feff}Ke\u{0302}\u{0301} hoa\u{0323}ch\u{a0}\u{a0}66 \r\n";
/// let n = Normalized::new(input);
/// assert_eq!(n.text(), "Kế hoạch 66\n");
/// let (s, e) = n.to_original(0, "Kế hoạch".len());
/// assert_eq!(&input[s..e], "Ke\u{0302}\u{0301} hoa\u{0323}ch");
/// ```
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    segments: Vec<Segment>,
    /// Byte offsets (in the original) of removed control characters, with the character.
    controls: Vec<(u32, char)>,
    /// The input was already normalized: `text` borrows it, offsets map to themselves.
    identity: bool,
    /// The input breaks lines with a char other than CR, LF and CRLF (U+2028, U+0085, a form
    /// feed…), so the text has lines the input's [`crate::LineIndex`] does not know.
    other_breaks: bool,
    /// Where the last offset was found among `segments`.
    hint: SegmentHint,
}

/// The index of the segment the last mapped offset fell in. A parse maps its spans mostly in
/// reading order, so the next offset is nearly always in that segment or the next one: two
/// comparisons instead of a binary search, whose loads depend on each other. Atomic (relaxed,
/// a plain load and store) so that a [`Normalized`] stays `Sync`; any value is only a guess.
#[derive(Debug, Default)]
struct SegmentHint(std::sync::atomic::AtomicU32);

impl Clone for SegmentHint {
    fn clone(&self) -> Self {
        SegmentHint(std::sync::atomic::AtomicU32::new(self.get() as u32))
    }
}

impl SegmentHint {
    fn get(&self) -> usize {
        self.0.load(std::sync::atomic::Ordering::Relaxed) as usize
    }

    fn set(&self, idx: usize) {
        self.0.store(
            crate::span::to_u32(idx),
            std::sync::atomic::Ordering::Relaxed,
        );
    }
}

fn is_hspace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{00ad}' | '\u{180e}'
    )
}

fn is_newline(c: char) -> bool {
    matches!(
        c,
        '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{0b}' | '\u{0c}'
    )
}

struct Builder {
    text: String,
    segments: Vec<Segment>,
}

impl Builder {
    fn push(&mut self, s: &str, orig_start: usize, orig_end: usize, linear: bool) {
        let norm_start = self.text.len();
        self.text.push_str(s);
        let seg = Segment {
            norm_start: crate::span::to_u32(norm_start),
            norm_end: crate::span::to_u32(self.text.len()),
            orig_start: crate::span::to_u32(orig_start),
            orig_end: crate::span::to_u32(orig_end),
            linear,
        };
        if linear {
            if let Some(last) = self.segments.last_mut() {
                if last.linear && last.norm_end == seg.norm_start && last.orig_end == seg.orig_start
                {
                    last.norm_end = seg.norm_end;
                    last.orig_end = seg.orig_end;
                    return;
                }
            }
        }
        self.segments.push(seg);
    }
}

/// The length of the run of bytes at the start of `r` that normalization copies as they are:
/// printable ASCII (but '<' when tags may be there) and single spaces between two such
/// characters or before a precomposed Latin letter (a space never ends the run's text, so no
/// trailing or double space is copied).
fn ascii_run(r: &[u8], has_lt: bool) -> usize {
    let graphic = |b: u8| b.is_ascii_graphic() && !(has_lt && b == b'<');
    let mut n = 0;
    while let Some(&b) = r.get(n) {
        if graphic(b) {
            n += 1;
            continue;
        }
        if b != b' ' {
            break;
        }
        // A single space before a char that surely starts a stable run: ASCII, Latin-1 to
        // Latin Extended-B (lead bytes C3–C9), Latin Extended Additional (E1 B8–BB).
        let keep = match (r.get(n + 1), r.get(n + 2)) {
            (Some(&c), _) if graphic(c) => true,
            (Some(0xC3..=0xC9), _) => true,
            (Some(0xE1), Some(0xB8..=0xBB)) => true,
            _ => false,
        };
        if !keep {
            break;
        }
        n += 1;
    }
    n
}

/// The length of an HTML line-break tag at the start of `b` (`<br>`, `<br/>`, `<br />`, any case).
fn br_tag_len(b: &[u8]) -> Option<usize> {
    let head = b.get(..3)?;
    if !head.eq_ignore_ascii_case(b"<br") {
        return None;
    }
    let spaces = b.get(3..)?.iter().take_while(|&&c| c == b' ').count();
    let at = 3 + spaces;
    match (b.get(at), b.get(at + 1)) {
        (Some(b'>'), _) => Some(at + 1),
        (Some(b'/'), Some(b'>')) => Some(at + 2),
        _ => None,
    }
}

/// Printable ASCII and the precomposed Latin letters of Vietnamese text (Latin-1 Supplement to
/// Latin Extended-B, Latin Extended Additional): each is its own NFC form with combining class 0,
/// so a run of them is copied as is unless a combining mark follows (checked by a test over
/// every char of the ranges).
fn is_stable_starter(c: char) -> bool {
    matches!(c as u32, 0x21..=0x7E | 0xC0..=0x24F | 0x1E00..=0x1EFF)
}

/// True when `s` is already in the form [`Normalized::new`] produces, so that normalizing it
/// would copy it unchanged (see [`normal_run`]). Conservative: a text it refuses (an HTML
/// `<b`, a combining mark) may still be normal; the full pass decides then.
fn is_normalized(s: &str) -> bool {
    normal_run(s, 0, true) == s.len()
}

impl<'a> Normalized<'a> {
    /// Normalizes `input` (linear time). Already-normalized input is borrowed, not copied.
    pub fn new(input: &'a str) -> Self {
        if is_normalized(input) {
            return Normalized {
                text: Cow::Borrowed(input),
                segments: Vec::new(),
                controls: Vec::new(),
                identity: true,
                other_breaks: false,
                hint: SegmentHint::default(),
            };
        }
        Normalized::full(input, true)
    }

    /// The full normalization pass, with its offset map. `runs`: stretches that need no change
    /// are found by [`normal_run`] and copied whole (off only in tests, to check they are the
    /// same as the char-by-char pass).
    fn full(input: &'a str, runs: bool) -> Self {
        let mut b = Builder {
            text: String::with_capacity(input.len()),
            segments: Vec::new(),
        };
        let mut controls = Vec::new();
        let mut other_breaks = false;
        // Pending whitespace run: (orig_start, orig_end, single ASCII space?)
        let mut pending_space: Option<(usize, usize, bool)> = None;
        let mut at_line_start = true;
        let mut cluster = String::new();
        let bytes = input.as_bytes();
        let char_at = |pos: usize| input.get(pos..).and_then(|r| r.chars().next());
        // One scan decides whether line-break tags need looking for: most inputs have no '<'.
        // (`memchr`'s vector scan: the slice's own `contains` reads a word at a time.)
        let has_lt = memchr::memchr(b'<', bytes).is_some();
        let mut pos = 0usize;
        while let Some(c) = char_at(pos) {
            if runs && pending_space.is_none() {
                let mut end = normal_run(input, pos, at_line_start);
                // Not the starter a combining mark joins, nor a space: the pass below reads them.
                if input
                    .get(end..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(is_mark)
                {
                    end = input
                        .get(..end)
                        .and_then(|r| r.char_indices().next_back())
                        .map_or(pos, |(k, _)| k);
                }
                while end > pos && bytes.get(end - 1) == Some(&b' ') {
                    end -= 1;
                }
                if end > pos {
                    b.push(input.get(pos..end).unwrap_or(""), pos, end, true);
                    at_line_start = bytes.get(end - 1) == Some(&b'\n');
                    pos = end;
                    continue;
                }
            }
            let i = pos;
            let clen = c.len_utf8();
            pos += clen;
            if has_lt && c == '<' {
                if let Some(n) = br_tag_len(bytes.get(i..).unwrap_or(&[])) {
                    pos = i + n;
                    if !at_line_start {
                        pending_space = Some(match pending_space {
                            Some((s, _, _)) => (s, pos, false),
                            None => (i, pos, false),
                        });
                    }
                    continue;
                }
            }
            if is_stable_starter(c) {
                // Fast path: a run of printable ASCII and precomposed Latin letters is copied as
                // is, except a last char that a combining mark follows (it starts a cluster
                // below).
                let mut end = pos;
                let mut last_len = clen;
                loop {
                    let ascii = bytes.get(end..).map_or(0, |r| ascii_run(r, has_lt));
                    if ascii > 0 {
                        end += ascii;
                        last_len = 1;
                    }
                    match char_at(end) {
                        Some(n) if !n.is_ascii() && is_stable_starter(n) => {
                            last_len = n.len_utf8();
                            end += last_len;
                        }
                        _ => break,
                    }
                }
                let run_end = if char_at(end).is_some_and(is_mark) {
                    end - last_len
                } else {
                    end
                };
                if run_end > i {
                    if let Some((s, e, single)) = pending_space.take() {
                        b.push(" ", s, e, single);
                    }
                    at_line_start = false;
                    b.push(input.get(i..run_end).unwrap_or(""), i, run_end, true);
                    pos = run_end;
                    continue;
                }
            }
            if c == '\r' {
                // CRLF or lone CR: one newline.
                let end = if char_at(pos) == Some('\n') {
                    pos += 1;
                    pos
                } else {
                    i + clen
                };
                pending_space = None;
                b.push("\n", i, end, false);
                at_line_start = true;
                continue;
            }
            if is_newline(c) {
                // (Natively: the wasm package splits the text itself and never asks.)
                other_breaks |= !cfg!(target_arch = "wasm32") && c != '\n';
                pending_space = None;
                b.push("\n", i, i + clen, c == '\n');
                at_line_start = true;
                continue;
            }
            if is_hspace(c) {
                if !at_line_start {
                    pending_space = Some(match pending_space {
                        Some((s, _, _)) => (s, i + clen, false),
                        None => (i, i + clen, c == ' '),
                    });
                }
                continue;
            }
            if is_invisible(c) {
                continue;
            }
            if c.is_control() {
                controls.push((crate::span::to_u32(i), c));
                continue;
            }
            if let Some((s, e, single)) = pending_space.take() {
                b.push(" ", s, e, single);
            }
            at_line_start = false;
            let next_is_mark = char_at(pos).is_some_and(is_mark);
            if !next_is_mark && lone_is_nfc(c) {
                // A lone starter that is its own NFC.
                let mut buf = [0u8; 4];
                b.push(c.encode_utf8(&mut buf), i, i + clen, true);
                continue;
            }
            // A starter followed by combining marks: compose as one cluster.
            let mut end = i + clen;
            cluster.clear();
            cluster.push(c);
            while let Some(m) = char_at(pos) {
                if !joins_cluster(m) {
                    break;
                }
                cluster.push(m);
                end = pos + m.len_utf8();
                pos = end;
            }
            match cluster_nfc(&cluster) {
                None => b.push(&cluster, i, end, true),
                Some(composed) => b.push(&composed, i, end, false),
            }
        }
        Normalized {
            text: Cow::Owned(b.text),
            segments: b.segments,
            controls,
            identity: false,
            other_breaks,
            hint: SegmentHint::default(),
        }
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Control characters removed from the input: (byte offset in the original, char).
    pub fn removed_controls(&self) -> &[(u32, char)] {
        &self.controls
    }

    /// True when the normalized text equals the input (no mapping needed).
    pub fn is_identity(&self) -> bool {
        self.identity
            || self.segments.len() <= 1
                && self
                    .segments
                    .first()
                    .is_none_or(|s| s.linear && s.norm_start == 0 && s.orig_start == 0)
                && self.controls.is_empty()
    }

    /// `self.segments.partition_point(before)`, tried first at the hint and the segment after
    /// it (`before` holds for a first run of the segments, as for `partition_point`).
    fn segment_partition(&self, before: impl Fn(&Segment) -> bool) -> usize {
        let segs = &self.segments;
        if cfg!(target_arch = "wasm32") {
            // The wasm package searches (its first-render module has no bytes to spare).
            return segs.partition_point(before);
        }
        let is_point = |i: usize| {
            (i == 0 || segs.get(i - 1).is_some_and(&before))
                && segs.get(i).is_none_or(|s| !before(s))
        };
        // `is_point` is false out of range, so a stale hint only falls back to the search.
        let h = self.hint.get();
        if is_point(h) {
            return h;
        }
        let next = h.saturating_add(1);
        let idx = if is_point(next) {
            next
        } else {
            segs.partition_point(&before)
        };
        self.hint.set(idx);
        idx
    }

    /// Maps a normalized start offset to the original input.
    pub fn start_to_original(&self, pos: usize) -> usize {
        if self.identity {
            return pos.min(self.text.len());
        }
        let p = crate::span::to_u32(pos);
        // Segment containing p as a start: norm_start <= p < norm_end.
        let idx = self.segment_partition(|s| s.norm_end <= p);
        match self.segments.get(idx) {
            Some(s) if s.norm_start <= p => {
                if s.linear {
                    (s.orig_start + (p - s.norm_start)) as usize
                } else {
                    s.orig_start as usize
                }
            }
            Some(s) => s.orig_start as usize,
            None => self.segments.last().map_or(0, |s| s.orig_end as usize),
        }
    }

    /// Maps a normalized end offset to the original input.
    pub fn end_to_original(&self, pos: usize) -> usize {
        if self.identity {
            return pos.min(self.text.len());
        }
        let p = crate::span::to_u32(pos);
        // Segment containing p as an end: norm_start < p <= norm_end.
        let idx = self.segment_partition(|s| s.norm_end < p);
        match self.segments.get(idx) {
            Some(s) if s.norm_start < p => {
                if s.linear {
                    (s.orig_start + (p - s.norm_start)) as usize
                } else {
                    s.orig_end as usize
                }
            }
            _ => {
                // p is at the start of a segment (or past the end): end of the previous one.
                idx.checked_sub(1)
                    .and_then(|k| self.segments.get(k))
                    .map_or(0, |s| s.orig_end as usize)
            }
        }
    }

    /// Maps a normalized range to the original input (`start <= end` is kept).
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end {
            let s = self.start_to_original(start);
            return (s, s);
        }
        let s = self.start_to_original(start);
        let e = self.end_to_original(end).max(s);
        (s, e)
    }
}

/// Normalizes a short string (a label value, an agency name) to the parser's form.
pub fn normalize(s: &str) -> String {
    let n = Normalized::new(s);
    n.text.trim_matches('\n').to_string()
}

/// Lowercases and strips Vietnamese diacritics (đ → d); for fuzzy comparison only, never for
/// output.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // ASCII is its own decomposition: lowercased from its byte.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            crate::nfc::fold_char(c, &mut out);
        }
    }
    out
}

/// `s.trim_start_matches(p)` without a substring searcher (built per call for a `&str`
/// pattern: a few hundred instructions on every table cell).
pub(crate) fn trim_start_repeats<'a>(mut s: &'a str, p: &str) -> &'a str {
    while let Some(rest) = s.strip_prefix(p).filter(|_| !p.is_empty()) {
        s = rest;
    }
    s
}

/// `s.trim_end_matches(p)` without a substring searcher.
pub(crate) fn trim_end_repeats<'a>(mut s: &'a str, p: &str) -> &'a str {
    while let Some(rest) = s.strip_suffix(p).filter(|_| !p.is_empty()) {
        s = rest;
    }
    s
}

/// `char::is_alphabetic`, with the same fast ranges as [`is_alphanumeric`] (none of their chars
/// is a digit but ASCII's).
pub(crate) fn is_alphabetic(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0x24F => c != '×' && c != '÷',
        0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric`, with ASCII, Latin-1/Extended (U+00C0–U+024F) and Latin Extended
/// Additional (U+1E00–U+1EFF: the Vietnamese toned vowels) answered without the Unicode table
/// (a binary search of a few hundred instructions per char, a fifth of `check` once).
pub(crate) fn is_alphanumeric(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xC0..=0x24F => c != '×' && c != '÷',
        0x1E00..=0x1EFF => true,
        _ => c.is_alphanumeric(),
    }
}

/// Vietnamese-aware lowercase (keeps diacritics): `str::to_lowercase` with a fast path for
/// ASCII and the precomposed Vietnamese letters, which `char::to_lowercase` finds by a binary
/// search of the whole Unicode case table (a fifth of the time of scheduling a plan went
/// there). Equals `s.to_lowercase()` except for a word-final Greek capital sigma ('σ', not 'ς').
///
/// ```
/// assert_eq!(kehoach::text::lower("ỦY BAN Nhân Dân TỈNH Đắk Lắk"), "ủy ban nhân dân tỉnh đắk lắk");
/// ```
pub fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_lower(&mut out, s);
    out
}

/// Case mapping equal to Rust's (`str::to_lowercase`, `str::to_uppercase`, `char::to_lowercase`,
/// `char::to_uppercase`), computed without a table for ASCII, Latin-1, most of Latin Extended-A
/// and -B, combining marks, Latin Extended Additional (the Vietnamese letters) and general
/// punctuation. Other text goes to Rust's case tables or, in the wasm package (`host-nfc` on
/// wasm32), to the host's (`set_host_case`), so the module carries no case tables (24 KB).
/// A string with a char outside those ranges is mapped whole (`str::to_lowercase` lowercases a
/// word-final 'Σ' to 'ς').
pub(crate) trait Case {
    /// What a mapping gives: a `String` for a `str`, chars for a `char`.
    type Out;
    /// The lowercase, as Rust's `to_lowercase`.
    fn to_lower(&self) -> Self::Out;
    /// The uppercase, as Rust's `to_uppercase`.
    fn to_upper(&self) -> Self::Out;
}

impl Case for str {
    type Out = String;

    fn to_lower(&self) -> String {
        map_str(self, latin_lower, other_case::lower)
    }

    fn to_upper(&self) -> String {
        map_str(self, latin_upper, other_case::upper)
    }
}

impl Case for char {
    type Out = CaseChars;

    fn to_lower(&self) -> CaseChars {
        latin_lower(*self).map_or_else(|| other_case::lower_char(*self), CaseChars::one)
    }

    fn to_upper(&self) -> CaseChars {
        latin_upper(*self).map_or_else(|| other_case::upper_char(*self), CaseChars::one)
    }
}

fn map_str(s: &str, latin: fn(char) -> Option<char>, other: fn(&str) -> String) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match latin(c) {
            Some(m) => out.push(m),
            None => return other(s),
        }
    }
    out
}

/// The lowercase of a char, as [`Case::to_lower`] (for `flat_map` and the like).
pub(crate) fn lower_char(c: char) -> CaseChars {
    c.to_lower()
}

/// The chars a char's case mapping gives (one to three), as `char::ToLowercase`.
#[derive(Clone, Debug)]
pub(crate) struct CaseChars {
    chars: [char; 3],
    len: u8,
    at: u8,
}

impl CaseChars {
    fn one(c: char) -> Self {
        CaseChars {
            chars: [c, '\0', '\0'],
            len: 1,
            at: 0,
        }
    }

    #[allow(dead_code)] // not with the host's tables
    fn of(chars: impl Iterator<Item = char>) -> Self {
        let mut out = CaseChars {
            chars: ['\0'; 3],
            len: 0,
            at: 0,
        };
        for (slot, c) in out.chars.iter_mut().zip(chars) {
            *slot = c;
            out.len += 1;
        }
        out
    }
}

impl Iterator for CaseChars {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if self.at >= self.len {
            return None;
        }
        let c = self.chars.get(usize::from(self.at)).copied();
        self.at += 1;
        c
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = usize::from(self.len - self.at);
        (n, Some(n))
    }
}

/// The lowercase of a char of the ranges [`Case`] maps without a table; `None` for another.
fn latin_lower(c: char) -> Option<char> {
    let u = c as u32;
    let l = match u {
        0..=0x7F => return Some(c.to_ascii_lowercase()),
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0x80..=0xFF => u,
        // Pairs, the uppercase on even code points.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 | 0x1A0..=0x1A5 | 0x1DE..=0x1EF => u | 1,
        0x1F8..=0x21F | 0x222..=0x233 | 0x246..=0x24F | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF => u | 1,
        // Pairs, the uppercase on odd code points.
        0x139..=0x148 | 0x179..=0x17E | 0x1CD..=0x1DC => u + (u & 1),
        0x1AF => 0x1B0,
        0x138 | 0x1B0 | 0x300..=0x36F | 0x2000..=0x206F => u,
        _ => return None,
    };
    char::from_u32(l)
}

/// The uppercase of a char of the ranges [`Case`] maps without a table; `None` for another.
fn latin_upper(c: char) -> Option<char> {
    let u = c as u32;
    let l = match u {
        0..=0x7F => return Some(c.to_ascii_uppercase()),
        0xE0..=0xFE if u != 0xF7 => u - 0x20,
        // µ, ß, ÿ: to Greek, to "SS", to Latin Extended-A.
        0xB5 | 0xDF | 0xFF => return None,
        0x80..=0xFF => u,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 | 0x1A0..=0x1A5 | 0x1DE..=0x1EF => u & !1,
        0x1F8..=0x21F | 0x222..=0x233 | 0x246..=0x24F | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF => u & !1,
        0x139..=0x148 | 0x179..=0x17E | 0x1CD..=0x1DC => u - (!u & 1),
        0x1B0 => 0x1AF,
        0x138 | 0x1AF | 0x2000..=0x206F => u,
        // Not U+0345 (to Greek Ι).
        0x300..=0x36F if u != 0x345 => u,
        _ => return None,
    };
    char::from_u32(l)
}

/// Case mapping outside [`Case`]'s ranges: Rust's tables.
#[cfg(not(all(feature = "host-nfc", target_arch = "wasm32")))]
mod other_case {
    use super::CaseChars;

    pub(super) fn lower(s: &str) -> String {
        s.to_lowercase()
    }

    pub(super) fn upper(s: &str) -> String {
        s.to_uppercase()
    }

    pub(super) fn lower_char(c: char) -> CaseChars {
        CaseChars::of(c.to_lowercase())
    }

    pub(super) fn upper_char(c: char) -> CaseChars {
        CaseChars::of(c.to_uppercase())
    }
}

/// Case mapping outside [`Case`]'s ranges in the wasm package: the host's
/// (`String.prototype.toLowerCase` and `toUpperCase`), registered by `set_host_case`.
#[cfg(all(feature = "host-nfc", target_arch = "wasm32"))]
mod other_case {
    use super::CaseChars;
    use std::sync::OnceLock;

    /// A host's mapping of a string.
    type Map = fn(&str) -> String;

    pub(super) static HOST_CASE: OnceLock<[Map; 2]> = OnceLock::new();

    fn host(s: &str, which: usize) -> String {
        match HOST_CASE.get().and_then(|h| h.get(which)) {
            Some(f) => f(s),
            None => s.to_string(),
        }
    }

    pub(super) fn lower(s: &str) -> String {
        host(s, 0)
    }

    pub(super) fn upper(s: &str) -> String {
        host(s, 1)
    }

    pub(super) fn lower_char(c: char) -> CaseChars {
        CaseChars::of(lower(c.encode_utf8(&mut [0; 4])).chars())
    }

    pub(super) fn upper_char(c: char) -> CaseChars {
        CaseChars::of(upper(c.encode_utf8(&mut [0; 4])).chars())
    }
}

/// Registers the host's lowercase and uppercase (once; later calls are ignored), used for the
/// chars [`Case`] does not map itself; until then those are kept as they are.
#[cfg(all(feature = "host-nfc", target_arch = "wasm32"))]
pub fn set_host_case(lower: fn(&str) -> String, upper: fn(&str) -> String) {
    let _ = other_case::HOST_CASE.set([lower, upper]);
}

/// The first `n` chars of `s` (all of it when shorter), on a char boundary.
///
/// ```
/// assert_eq!(kehoach::text::prefix_chars("Tổ chức thực hiện", 6), "Tổ chứ");
/// ```
pub fn prefix_chars(s: &str, n: usize) -> &str {
    s.char_indices()
        .nth(n)
        .map_or(s, |(i, _)| s.get(..i).unwrap_or(s))
}

/// Appends `s` lowercased (as [`lower`]) to `out`: one buffer for many strings.
pub fn push_lower(out: &mut String, s: &str) {
    let b = s.as_bytes();
    // `s[run..i]` is its own lowercase but for ASCII capitals: copied in one piece, its ASCII
    // then lowercased in place, when a char that changes otherwise is met (names are full of
    // ASCII capitals: "Sở", "UBND", "Công an tỉnh").
    let mut run = 0;
    let mut i = 0;
    let flush = |out: &mut String, from: usize, to: usize| {
        let at = out.len();
        out.push_str(s.get(from..to).unwrap_or(""));
        if let Some(copied) = out.get_mut(at..) {
            copied.make_ascii_lowercase();
        }
    };
    // Chars before `stop` are read one by one; from it, thirty-two bytes whose chars lowercasing
    // leaves unchanged or are ASCII capitals are skipped at once.
    let mut stop = 0;
    while let Some(&c) = b.get(i) {
        if VECTOR_SCANS && i >= stop {
            let window = b.get(i..i + run::CHUNK + 2).and_then(|w| w.try_into().ok());
            if window.is_some_and(run::lowercase_but_ascii_chunk) {
                i += run::CHUNK;
                // The last char may go on past the chunk: its lead byte was read in it.
                while b.get(i).is_some_and(|&c| c & 0xC0 == 0x80) {
                    i += 1;
                }
                continue;
            }
            stop = i + run::CHUNK;
        }
        if c.is_ascii() {
            i += 1;
            continue;
        }
        // Ạ ạ … Ỹ ỹ (U+1EA0–U+1EF9: E1 BA A0 – E1 BB B9), from their bytes: lowercase on odd
        // code points, so a set lowest bit of the last byte is a lowercase letter.
        if let [0xE1, b1 @ (0xBA | 0xBB), b2, ..] = *b.get(i..).unwrap_or_default() {
            if (b1 == 0xBA && b2 >= 0xA0) || (b1 == 0xBB && b2 <= 0xB9) {
                if b2 & 1 == 0 {
                    let cp = 0x1E00 | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
                    flush(out, run, i);
                    out.push(char::from_u32(cp | 1).unwrap_or(char::REPLACEMENT_CHARACTER));
                    run = i + 3;
                }
                i += 3;
                continue;
            }
        }
        let Some(ch) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let next = i + ch.len_utf8();
        let unchanged = match vietnamese_lower(ch) {
            Some(l) => l == ch,
            None => {
                let mut m = ch.to_lower();
                m.next() == Some(ch) && m.next().is_none()
            }
        };
        if !unchanged {
            flush(out, run, i);
            match vietnamese_lower(ch) {
                Some(l) => out.push(l),
                None => out.extend(ch.to_lower()),
            }
            run = next;
        }
        i = next;
    }
    flush(out, run, b.len());
}

/// The lowercase of ASCII and of the letters of the Vietnamese alphabet (precomposed), without
/// a table; `None` for any other char.
pub(crate) fn vietnamese_lower(c: char) -> Option<char> {
    let u = c as u32;
    let l = match u {
        0..=0x7F => return Some(c.to_ascii_lowercase()),
        // À..Þ except ×: +0x20; à..ÿ except ÷ are lowercase.
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0xDF..=0xFF => u,
        // Ă Đ Ĩ Ũ Ơ Ư and their lowercase.
        0x102 | 0x110 | 0x128 | 0x168 | 0x1A0 => u + 1,
        0x1AF => 0x1B0,
        0x103 | 0x111 | 0x129 | 0x169 | 0x1A1 | 0x1B0 => u,
        // Ạ ạ … Ỹ ỹ: uppercase on even code points.
        0x1EA0..=0x1EF9 => u | 1,
        _ => return None,
    };
    char::from_u32(l)
}

/// True when `s` lowercased equals `lower` (which is lowercase), without allocating: the
/// per-line label and heading checks compare every line of a document.
///
/// ```
/// use kehoach::text::eq_lowercase;
/// assert!(eq_lowercase("Nơi Nhận", "nơi nhận"));
/// assert!(!eq_lowercase("Nơi nhận:", "nơi nhận"));
/// ```
pub fn eq_lowercase(s: &str, lower: &str) -> bool {
    // Lowercasing maps a char to between a third ('K' KELVIN SIGN → 'k') and one and a half
    // times ('İ' → "i̇") its UTF-8 length: most lines are told apart by length alone.
    if s.len() > 3 * lower.len() || 2 * lower.len() > 3 * s.len() {
        return false;
    }
    // Most comparisons differ at once: an ASCII first char is its own one-byte lowercase.
    // (Natively: the test cost the wasm package's first-render module 50 bytes.)
    if let (false, Some(&a), Some(&b)) = (
        cfg!(target_arch = "wasm32"),
        s.as_bytes().first(),
        lower.as_bytes().first(),
    ) {
        if a.is_ascii() && a.to_ascii_lowercase() != b {
            return false;
        }
    }
    if s.is_ascii() {
        return s.eq_ignore_ascii_case(lower);
    }
    let mut want = lower.chars();
    lowercase_prefix_matches(s, &mut want) && want.next().is_none()
}

/// Feeds the lowercase chars of `s` against `want` until `s` ends (true) or one differs
/// (false); `want` is left after the compared chars.
fn lowercase_prefix_matches(s: &str, want: &mut std::str::Chars<'_>) -> bool {
    for c in s.chars() {
        if c.is_ascii() {
            if want.next() != Some(c.to_ascii_lowercase()) {
                return false;
            }
        } else {
            for l in c.to_lower() {
                if want.next() != Some(l) {
                    return false;
                }
            }
        }
    }
    true
}

/// True when `s` lowercased starts with `lower_prefix` (which is lowercase), without allocating.
///
/// ```
/// use kehoach::text::starts_with_lowercase;
/// assert!(starts_with_lowercase("NƠI NHẬN: - Như trên", "nơi nhận"));
/// assert!(!starts_with_lowercase("Nơi", "nơi nhận"));
/// ```
pub fn starts_with_lowercase(s: &str, lower_prefix: &str) -> bool {
    // Only the first chars of `s` can matter (see `eq_lowercase` for the length bounds).
    let mut end = (3 * lower_prefix.len()).min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let head = s.get(..end).unwrap_or(s);
    let mut rest = lower_prefix.chars();
    // `head` lowercased must cover `lower_prefix`: compare char by char, stopping at its end.
    for c in head.chars() {
        for l in c.to_lower() {
            match rest.next() {
                None => return true,
                Some(w) if w != l => return false,
                Some(_) => {}
            }
        }
    }
    rest.next().is_none()
}

/// True when `s` lowercased contains `lower_needle` (lowercase, starting with a letter),
/// without allocating: a match can only start at a char whose lowercase starts with the
/// needle's first char (a letter is never the second char of a lowercase mapping).
pub(crate) fn contains_lowercase(s: &str, lower_needle: &str) -> bool {
    let Some(first) = lower_needle.chars().next() else {
        return true;
    };
    // An ASCII letter but i and k ("İ" and the Kelvin sign lowercase to them) starts only the
    // lowercase of itself and its capital (a test checks every char): the places to compare
    // found by one vector scan for either byte (natively; the wasm package walks the chars).
    if !cfg!(target_arch = "wasm32") && first.is_ascii_lowercase() && !matches!(first, 'i' | 'k') {
        let f = first as u8;
        return memchr::memchr2_iter(f, f.to_ascii_uppercase(), s.as_bytes()).any(|i| {
            s.get(i..)
                .is_some_and(|r| starts_with_lowercase(r, lower_needle))
        });
    }
    s.char_indices().any(|(i, c)| {
        let starts = if c.is_ascii() {
            c.to_ascii_lowercase() == first
        } else {
            c.to_lower().next() == Some(first)
        };
        starts
            && s.get(i..)
                .is_some_and(|r| starts_with_lowercase(r, lower_needle))
    })
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// Equal to lowercasing and searching, for mixed-case Vietnamese text and needles.
        #[test]
        fn contains_lowercase_equals_lower_then_contains(
            s in "[cCtTủỦrìÌ İ]{0,12}",
            needle in "[ct][ủrì ]{0,3}",
        ) {
            proptest::prop_assert_eq!(
                super::contains_lowercase(&s, &needle),
                super::lower(&s).contains(needle.as_str())
            );
        }
    }

    /// Only an ASCII letter and its capital lowercase to a string that starts with that letter,
    /// but for i ("İ") and k (the Kelvin sign): what `contains_lowercase`'s scan relies on.
    #[test]
    fn only_a_letter_and_its_capital_lowercase_to_it() {
        let mut others = Vec::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if let Some(l) = super::lower_char(c).next() {
                if l.is_ascii_lowercase() && c.to_ascii_lowercase() != l {
                    others.push((c, l));
                }
            }
        }
        assert_eq!(others, [('\u{130}', 'i'), ('\u{212A}', 'k')]);
    }

    #[test]
    fn contains_lowercase_labels() {
        assert!(super::contains_lowercase("Cơ quan CHỦ TRÌ", "chủ trì"));
        assert!(super::contains_lowercase(
            "Điều 5. Tổ chức thực hiện",
            "tổ chức thực hiện"
        ));
        assert!(!super::contains_lowercase("Cơ quan phối hợp", "chủ trì"));
        assert!(!super::contains_lowercase("chủ tr", "chủ trì"));
    }

    #[test]
    fn case_is_rusts_for_every_char() {
        use super::{Case, latin_lower, latin_upper};
        let mut mapped = 0;
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            if let Some(l) = latin_lower(c) {
                assert_eq!(c.to_lowercase().collect::<String>(), l.to_string(), "{c:?}");
                mapped += 1;
            }
            if let Some(u) = latin_upper(c) {
                assert_eq!(c.to_uppercase().collect::<String>(), u.to_string(), "{c:?}");
            }
            let s = c.to_string();
            assert_eq!(c.to_lower().collect::<String>(), s.to_lowercase(), "{c:?}");
            assert_eq!(c.to_upper().collect::<String>(), s.to_uppercase(), "{c:?}");
            assert_eq!(s.to_lower(), s.to_lowercase(), "{c:?}");
            assert_eq!(s.to_upper(), s.to_uppercase(), "{c:?}");
        }
        assert!(mapped > 900, "{mapped}");
        for c in "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậÈÉẺẼẸỀẾỂỄỆìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ".chars() {
            assert!(latin_lower(c).is_some() && latin_upper(c).is_some(), "{c:?}");
        }
        for s in ["ΌΣΟΣ Σ", "ỦY BAN Ω", "İstanbul ß ŉ", "ﬃ ΐ"] {
            assert_eq!(s.to_lower(), s.to_lowercase());
            assert_eq!(s.to_upper(), s.to_uppercase());
        }
    }

    #[test]
    fn fast_alphanumeric_and_alphabetic_are_the_unicode_ones() {
        for c in (0..=0x3_0000u32).filter_map(char::from_u32) {
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(super::is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    use super::*;
    #[cfg(not(feature = "host-nfc"))]
    use crate::nfc::nfc;
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{IsNormalized, UnicodeNormalization};

    #[test]
    fn html_line_breaks_are_spaces_and_map_back() {
        let input = "| Giai đoạn<br>2026 - 2030 | A<BR />B <br/> C | x < y <b>r</b> <br |\n<br>Sở";
        let n = Normalized::new(input);
        assert_eq!(
            n.text(),
            "| Giai đoạn 2026 - 2030 | A B C | x < y <b>r</b> <br |\nSở"
        );
        let at = n.text().find("2026").unwrap();
        let (s, e) = n.to_original(at, at + 4);
        assert_eq!(&input[s..e], "2026");
        let sp = n.text().find("n 2").unwrap() + 1;
        let (s, e) = n.to_original(sp, sp + 1);
        assert_eq!(&input[s..e], "<br>");
    }

    #[test]
    fn lower_matches_to_lowercase_on_the_fast_path() {
        let ranges = [0..0x100u32, 0x100..0x1C0, 0x1E00..0x1F00];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(lower(&s), s.to_lowercase(), "{c:?} U+{:04X}", c as u32);
        }
        let text = "KẾ HOẠCH Thực hiện Nghị quyết ĐẠI HỘI — ΣΟΦΙΑ İstanbul ǅ";
        assert_eq!(lower(text), text.to_lowercase().replace('ς', "σ"));
    }

    /// ASCII capitals stay inside a run copied in one piece (whole chunks of them, and single
    /// ones between other chars), lowercased where they were copied to, not before.
    #[test]
    fn push_lower_lowercases_ascii_capitals_within_runs() {
        let s =
            "Giao Sở Y tế, UBND tỉnh Quảng Ngãi và CÔNG AN TỈNH (BCĐ) chủ trì, phối hợp Sở TT&TT";
        let mut out = String::from("KEEP ");
        push_lower(&mut out, s);
        assert_eq!(out, format!("KEEP {}", s.to_lowercase()));
        let mut out = String::from("X");
        push_lower(&mut out, &"ABCDEFGHIJKLMNOPQRSTUVWXYZ đ ".repeat(3));
        assert_eq!(
            out,
            format!("X{}", "abcdefghijklmnopqrstuvwxyz đ ".repeat(3))
        );
    }

    /// `push_lower` copies runs that are already lowercase in one piece: every char, alone and
    /// between lowercase and uppercase neighbours, maps as `char::to_lowercase` maps it.
    #[test]
    fn push_lower_maps_every_char_like_char_to_lowercase() {
        const LONG: &str = "đi và ơ ư ĩ ũ ă ß ÿ ạ ỹ thực hiện: abc xyz 0123";
        let each = |s: &str| s.chars().flat_map(char::to_lowercase).collect::<String>();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            // Long enough for the chunks read at once: for the chars whose lead bytes those
            // may accept (ASCII, C3–C6, E1).
            let chunked = (c as u32) < 0x200 || (0x1000..0x2000).contains(&(c as u32));
            let long = if chunked {
                vec![
                    format!("{LONG}{c}{LONG}"),
                    format!("ạ{LONG}{}ẽ", c.to_string().repeat(25)),
                ]
            } else {
                Vec::new()
            };
            let contexts = [c.to_string(), format!("ab{c}cD"), format!("Ệ{c}{c}ạ")];
            for s in contexts.iter().chain(&long) {
                let mut out = String::from("x");
                push_lower(&mut out, s);
                assert_eq!(out, format!("x{}", each(s)), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn lowercase_comparisons_match_to_lowercase() {
        let cases = [
            "",
            "a",
            "A",
            "Nơi nhận",
            "NƠI NHẬN:",
            "nơi",
            "\u{212A}HOA",
            "İ",
            "i\u{307}",
            "ΟΔΟΣ",
            "TT",
            "Số TT",
            "Thời gian thực hiện",
            "KẾ HOẠCH",
        ];
        for s in cases {
            for t in cases {
                let (sl, tl) = (s.to_lowercase(), t.to_lowercase());
                // `str::to_lowercase` applies the final-sigma rule; the char-wise comparison
                // does not (labels have no Greek): skip those pairs.
                if s.contains('Σ') {
                    continue;
                }
                assert_eq!(eq_lowercase(s, &tl), sl == tl, "{s:?} {tl:?}");
                assert_eq!(
                    starts_with_lowercase(s, &tl),
                    sl.starts_with(&tl),
                    "{s:?} {tl:?}"
                );
            }
        }
    }

    #[test]
    fn stable_starters_are_their_own_nfc() {
        for c in ('\0'..='\u{2FFF}').filter(|&c| is_stable_starter(c)) {
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
            let one = c.to_string();
            assert_eq!(one.nfc().collect::<String>(), one, "U+{:04X}", c as u32);
            assert_eq!(
                unicode_normalization::is_nfc_quick(std::iter::once(c)),
                IsNormalized::Yes,
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn runs_of_precomposed_letters_stop_before_a_mark() {
        // U+0301 after the last letter of a run ("m") and U+0300 after "ơ": each composes.
        let input = "Việt Nam\u{0301} trươ\u{0300}ng";
        let n = Normalized::new(input);
        assert_eq!(n.text(), input.nfc().collect::<String>());
        let want = "Việt Na\u{1E3F} trường";
        assert_eq!(n.text(), want);
    }

    #[test]
    fn crlf_nbsp_tabs_trailing_spaces() {
        let input = "  a)\tLàm\u{a0}\u{a0}việc  \r\n\r\n- Xong \n";
        let n = Normalized::new(input);
        assert_eq!(n.text(), "a) Làm việc\n\n- Xong\n");
        let p = n.text().find("việc").unwrap();
        let (s, e) = n.to_original(p, p + "việc".len());
        assert_eq!(&input[s..e], "việc");
        let (s, e) = n.to_original(0, "a) Làm việc".len());
        assert_eq!(&input[s..e], "a)\tLàm\u{a0}\u{a0}việc");
    }

    #[test]
    fn nfd_is_composed_and_mapped() {
        let nfc = "Sở Thông tin";
        let nfd: String = nfc.nfd().collect();
        let n = Normalized::new(&nfd);
        assert_eq!(n.text(), nfc);
        let p = nfc.find("Thông").unwrap();
        let (s, e) = n.to_original(p, p + "Thông".len());
        assert_eq!(nfd[s..e].nfc().collect::<String>(), "Thông");
    }

    #[test]
    fn fold_strips_marks() {
        assert_eq!(
            fold("Sở Thông tin và Truyền thông"),
            "so thong tin va truyen thong"
        );
        assert_eq!(fold("ĐẾN"), "den");
    }

    /// `fold` of every char is its canonical decomposition's starters, each lowercased by Rust
    /// (`đ`, `Đ`: `d`).
    #[cfg(not(feature = "host-nfc"))]
    #[test]
    fn fold_of_every_char_is_its_starters_lowercased() {
        use unicode_normalization::UnicodeNormalization;
        use unicode_normalization::char::canonical_combining_class;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let want: String = std::iter::once(c)
                .nfd()
                .filter(|&d| canonical_combining_class(d) == 0)
                .flat_map(|d| match d {
                    'đ' | 'Đ' => vec!['d'],
                    _ => d.to_lowercase().collect(),
                })
                .collect();
            assert_eq!(
                fold(&format!("a{c}Z")),
                format!("a{want}z"),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[cfg(not(feature = "host-nfc"))]
    #[test]
    fn nfc_matches_unicode_normalization() {
        let cases = [
            "Sở Thông tin",
            "So\u{31b}\u{309} Tho\u{302}ng", // NFD Vietnamese
            "a\u{323}\u{302}",               // marks out of canonical order: ậ
            "a\u{302}\u{323}",               // the other order: same result
            "\u{1100}\u{1161}\u{11a8}",      // Hangul L V T
            "e\u{301}\u{301}\u{316}",        // blocked second acute
            "\u{0b47}\u{0b3e}",              // starter + starter composition
            "\u{2126}\u{212b}\u{f900}",      // singletons: Ω Å 豈
            "\u{301}a",                      // leading mark
            "ﬁ ① ½",                         // compatibility chars stay
        ];
        for c in cases {
            assert_eq!(nfc(c), c.nfc().collect::<String>(), "{c:?}");
            let folded: String = c
                .nfd()
                .filter(|&ch| canonical_combining_class(ch) == 0)
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(fold(c), folded.replace('đ', "d"), "{c:?}");
        }
    }

    #[cfg(not(feature = "host-nfc"))]
    proptest::proptest! {
        #[test]
        fn nfc_matches_unicode_normalization_on_any_text(
            s in "[a-zA-Zđơư\\u{300}-\\u{36f}\\u{1dc0}-\\u{1dff}\\u{1100}-\\u{11ff}\\u{ac00}-\\u{ac20}\\u{f900}-\\u{f910} ]{0,12}|\\PC{0,12}"
        ) {
            proptest::prop_assert_eq!(nfc(&s), s.nfc().collect::<String>());
        }
    }

    #[test]
    fn identity_for_clean_text() {
        assert!(Normalized::new("a\nb").is_identity());
    }

    /// The quick scan accepts only text the full pass copies unchanged (borrowed, identity map).
    fn check_quick_scan(s: &str) {
        let full = Normalized::full(s, false);
        let runs = Normalized::full(s, true);
        assert_eq!(runs.text(), full.text(), "{s:?}");
        assert_eq!(runs.removed_controls(), full.removed_controls(), "{s:?}");
        for p in 0..=s.len() + 1 {
            assert_eq!(
                runs.start_to_original(p),
                full.start_to_original(p),
                "{s:?} {p}"
            );
            assert_eq!(
                runs.end_to_original(p),
                full.end_to_original(p),
                "{s:?} {p}"
            );
        }
        let quick = Normalized::new(s);
        assert_eq!(quick.text(), full.text(), "{s:?}");
        assert_eq!(quick.removed_controls(), full.removed_controls(), "{s:?}");
        for p in 0..=s.len() + 1 {
            assert_eq!(
                quick.start_to_original(p),
                full.start_to_original(p),
                "{s:?} {p}"
            );
            assert_eq!(
                quick.end_to_original(p),
                full.end_to_original(p),
                "{s:?} {p}"
            );
        }
        if is_normalized(s) {
            assert_eq!(full.text(), s, "{s:?}");
            assert!(full.is_identity() && quick.is_identity(), "{s:?}");
            assert!(matches!(quick.text, Cow::Borrowed(_)), "{s:?}");
        }
    }

    #[test]
    fn the_quick_scan_accepts_only_normal_text() {
        let normal = [
            "",
            "\n",
            "a\n\nb\n",
            "Kế hoạch 66/KH-UBND\nI. MỤC ĐÍCH, YÊU CẦU",
            "Ω ① ½ 豈x",
            crate::SEED_PLAN,
        ];
        for s in normal {
            check_quick_scan(s);
        }
        // The seed has NBSP lines and indented bullets; its normalized text is normal.
        assert!(!is_normalized(crate::SEED_PLAN));
        let seed = Normalized::new(crate::SEED_PLAN).text().to_string();
        assert!(is_normalized(&seed));
        check_quick_scan(&seed);
        assert!(matches!(Normalized::new("Sở Y tế").text, Cow::Borrowed(_)));
        let not = [
            " a",
            "a ",
            "a  b",
            "a \nb",
            "a\n b",
            "a\r\nb",
            "a\tb",
            "a\u{a0}b",
            "\u{feff}a",
            "a\u{200b}b",
            "a\u{7}b",
            "a\u{85}b",
            "a\u{2028}b",
            "e\u{301}",
            "ê\u{301}",
            "a<br>b",
            "a<BR/>b",
            "\u{2126}",
            "a\u{7f}",
            "a\u{9f}b",
            "\u{301}a",
            "a\u{ad}b",
        ];
        for s in not {
            assert!(!is_normalized(s), "{s:?}");
            check_quick_scan(s);
        }
        // Refused but normal (conservative): the full pass copies it.
        check_quick_scan("a<b");
    }

    proptest::proptest! {
        #[test]
        fn the_quick_scan_agrees_with_the_full_pass(
            s in "[a-zA-Zđơưếệ \n\r\t<>/Bbr\u{a0}\u{301}\u{300}\u{feff}\u{2126}\u{85}\u{7}]{0,16}|\\PC{0,16}"
        ) {
            check_quick_scan(&s);
        }

        #[test]
        fn trim_repeats_are_trim_matches(s in "[*_a ]{0,12}", p in "[*_a]{0,3}") {
            proptest::prop_assert_eq!(trim_start_repeats(&s, &p), s.trim_start_matches(p.as_str()));
            proptest::prop_assert_eq!(trim_end_repeats(&s, &p), s.trim_end_matches(p.as_str()));
        }
    }
}
