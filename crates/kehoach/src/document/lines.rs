//! Line classification over the normalized text.

use std::borrow::Cow;

use crate::numbering;

/// A line of the normalized text (no `\n`), with its byte offset.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    pub start: usize,
    pub text: &'a str,
}

impl Line<'_> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// Splits normalized text into lines (linear).
pub(crate) fn split_lines(text: &str) -> Vec<Line<'_>> {
    split_lines_max(text, usize::MAX).0
}

/// Splits normalized text into at most `max` lines; the second value is the byte offset of the
/// first line not split, if the text has more.
pub(crate) fn split_lines_max(text: &str, max: usize) -> (Vec<Line<'_>>, Option<usize>) {
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        if out.len() == max {
            return (out, Some(start));
        }
        out.push(Line {
            start,
            text: text.get(start..i).unwrap_or(""),
        });
        start = i + 1;
    }
    if start < text.len() {
        if out.len() == max {
            return (out, Some(start));
        }
        out.push(Line {
            start,
            text: text.get(start..).unwrap_or(""),
        });
    }
    (out, None)
}

/// [`split_lines_max`] of a text whose line starts are known (a [`crate::LineIndex`]'s, when the
/// input is already normalized and so is the text: only `\n` ends its lines), without searching
/// it for line ends again.
pub(crate) fn lines_from_starts<'a>(
    text: &'a str,
    starts: &[u32],
    max: usize,
) -> (Vec<Line<'a>>, Option<usize>) {
    let mut out = Vec::with_capacity(starts.len().min(max));
    for (k, &s) in starts.iter().enumerate() {
        let start = s as usize;
        // A line ends at the next line's start, before its `\n`; the last one at the text's end,
        // and only when it is not empty.
        let end = match starts.get(k + 1) {
            Some(&next) => (next as usize).saturating_sub(1),
            None if start < text.len() => text.len(),
            None => break,
        };
        if out.len() == max {
            return (out, Some(start));
        }
        out.push(Line {
            start,
            text: text.get(start..end).unwrap_or(""),
        });
    }
    (out, None)
}

/// A numbered line: designation and the text after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Numbered<'a> {
    /// Designation as written ("II", "2", "3a", "d", "đ1", "f").
    pub num: &'a str,
    /// Byte offset of the designation in the line.
    pub num_start: usize,
    /// Byte offset of the text after the marker.
    pub rest_start: usize,
}

/// "II. TEXT" — a Roman numeral, a dot, then a space or the end of the line.
pub(crate) fn section_marker(line: &str) -> Option<Numbered<'_>> {
    let end = line.find(|c: char| !matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))?;
    let num = line.get(..end)?;
    numbering::parse_roman(num)?;
    let after = line.get(end..)?;
    let rest = after.strip_prefix('.')?;
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some(Numbered {
        num,
        num_start: 0,
        rest_start: line.len() - rest.trim_start().len(),
    })
}

/// "2. Text" or "3a. Text" — 1–3 digits, an optional inserted-unit letter, a dot, a space.
pub(crate) fn part_marker(line: &str) -> Option<Numbered<'_>> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let mut end = digits;
    let rest0 = line.get(digits..)?;
    if let Some(c) = rest0.chars().next() {
        if numbering::letter_index(c).is_some() {
            end += c.len_utf8();
        }
    }
    let num = line.get(..end)?;
    numbering::PartNum::parse(num)?;
    let rest = line.get(end..)?.strip_prefix('.')?;
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    // "2021. Năm …" is a year, not a part; parts are small numbers.
    if digits == 3 && num.starts_with(['1', '2']) && rest.is_empty() {
        return None;
    }
    Some(Numbered {
        num,
        num_start: 0,
        rest_start: line.len() - rest.trim_start().len(),
    })
}

/// "d) Text", "đ1) Text", and invalid letters "f)", "ă)" (reported by validation).
pub(crate) fn point_marker(line: &str) -> Option<Numbered<'_>> {
    let mut chars = line.char_indices();
    let (_, c) = chars.next()?;
    if !c.is_lowercase() || !crate::text::is_alphabetic(c) {
        return None;
    }
    let mut end = c.len_utf8();
    let rest = line.get(end..)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 3 {
        return None;
    }
    end += digits;
    let rest = line.get(end..)?.strip_prefix(')')?;
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some(Numbered {
        num: line.get(..end)?,
        num_start: 0,
        rest_start: line.len() - rest.trim_start().len(),
    })
}

/// A dash or bullet line: returns the offset of the text after the bullet.
pub(crate) fn dash_marker(line: &str) -> Option<usize> {
    let c = line.chars().next()?;
    if !matches!(
        c,
        '-' | '–' | '—' | '+' | '•' | '·' | '*' | '−' | '\u{f0b7}'
    ) {
        return None;
    }
    let rest = line.get(c.len_utf8()..)?;
    // "-------" is a separator, "-5%" is not a bullet.
    if rest.is_empty() || rest.starts_with(['-', '–', '—']) {
        return None;
    }
    if c == '-' && !rest.starts_with(' ') && rest.starts_with(|x: char| x.is_ascii_digit()) {
        return None;
    }
    Some(line.len() - rest.trim_start().len())
}

/// A line made only of dashes/underscores/asterisks (header separators).
pub(crate) fn is_separator(line: &str) -> bool {
    !line.is_empty()
        && line
            .chars()
            .all(|c| matches!(c, '-' | '–' | '—' | '_' | '*' | '=' | '.' | ' '))
        && line.chars().filter(|c| *c != ' ').count() >= 3
}

/// True when the line has letters and none of them is lowercase.
pub(crate) fn is_uppercase_line(line: &str) -> bool {
    let mut letters = 0;
    for c in line.chars() {
        if c.is_lowercase() {
            return false;
        }
        if crate::text::is_alphabetic(c) {
            letters += 1;
        }
    }
    letters > 0
}

/// A division heading above the sections: part letters ("B. NHIỆM VỤ"), "Phần I", "PHẦN THỨ
/// HAI", "Chương II", "PHỤ LỤC", "Phụ lục 02". Returns the path token (`B`, `P1`, `P2`, `C2`,
/// `PL`, `PL2`) and the byte offset of the text after the designation.
pub(crate) fn division_marker(line: &str) -> Option<(String, usize)> {
    // Only "A."–"H.", "Phần"/"PHẦN", "Phụ lục"/"PHỤ LỤC", "Chương"/"CHƯƠNG" start one.
    if !line.starts_with(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'P', 'c', 'p']) {
        return None;
    }
    // Part letters: one uppercase Latin letter A–H, a dot, a space, then an uppercase heading.
    let mut chars = line.chars();
    if let (Some(c @ 'A'..='H'), Some('.'), Some(' ')) = (chars.next(), chars.next(), chars.next())
    {
        let rest = line.get(3..)?.trim_start();
        if is_uppercase_line(rest) && !rest.starts_with(|c: char| c.is_ascii_digit()) {
            return Some((c.to_string(), line.len() - rest.len()));
        }
        return None;
    }
    for (word, token) in [("phụ lục", "PL"), ("phần", "P"), ("chương", "C")] {
        if !crate::text::starts_with_lowercase(line, word) {
            continue;
        }
        // The word as written has the same number of chars.
        let end = line
            .char_indices()
            .nth(word.chars().count())
            .map_or(line.len(), |(i, _)| i);
        let head = line.get(..end)?;
        let rest = line.get(end..)?;
        if !rest.is_empty() && !rest.starts_with([' ', ':', '.', '-']) {
            return None;
        }
        let rest_t = rest.trim_start_matches([' ', ':', '.', '-']);
        let (num, after) = division_number(rest_t);
        let text_start = line.len() - after.trim_start_matches([' ', ':', '.', '-', '–']).len();
        let upper = is_uppercase_line(head);
        let heading = line.get(text_start..).unwrap_or("");
        // "Phụ lục 2 kèm theo Chương trình …" is a sentence that starts with the word.
        let sentence = heading.starts_with(char::is_lowercase);
        return match (token, num) {
            _ if sentence => None,
            // "PHỤ LỤC" alone or with its heading; "Phụ lục" alone or numbered.
            ("PL", Some(n)) => Some((format!("PL{n}"), text_start)),
            ("PL", None) if upper || rest_t.is_empty() => Some(("PL".to_string(), text_start)),
            // "Phần"/"Chương" only with a number ("Phần thứ nhất", "Chương II").
            (_, Some(n)) if token != "PL" => Some((format!("{token}{n}"), text_start)),
            _ => None,
        };
    }
    None
}

/// The number after "Phần"/"Chương"/"Phụ lục": Roman, Arabic ("02", "số 2"), or an ordinal
/// word ("thứ nhất"). Returns it in Arabic digits and the rest of the line.
fn division_number(s: &str) -> (Option<u32>, &str) {
    let s0 = s;
    let s = if crate::text::starts_with_lowercase(s, "số ") {
        s.get("số ".len()..).unwrap_or(s)
    } else {
        s
    };
    let word_end = s.find([' ', '.', ':', ',', '-', '(']).unwrap_or(s.len());
    let word = s.get(..word_end).unwrap_or("");
    let rest = s.get(word_end..).unwrap_or("");
    if !word.is_empty() && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()) {
        return (word.parse().ok().filter(|n| *n > 0), rest);
    }
    if let Some(n) = crate::numbering::parse_roman(word) {
        return (Some(n), rest);
    }
    if crate::text::starts_with_lowercase(s, "thứ ") {
        let after = s.get("thứ ".len()..).unwrap_or("");
        for (w, n) in [
            ("nhất", 1),
            ("hai", 2),
            ("ba", 3),
            ("tư", 4),
            ("năm", 5),
            ("sáu", 6),
            ("bảy", 7),
            ("tám", 8),
        ] {
            if crate::text::starts_with_lowercase(after, w) {
                let rest = after.get(w.len()..).unwrap_or("");
                if rest.is_empty() || rest.starts_with([' ', ':', '.', ',', '-']) {
                    return (Some(n), rest);
                }
            }
        }
    }
    (None, s0)
}

/// "1.1. Text", "1.2.1 Text", "3.5. Text": a decimal heading (two to four numbers of at most
/// three digits joined by dots), then a dot or a space and an uppercase letter.
pub(crate) fn decimal_marker(line: &str) -> Option<Numbered<'_>> {
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut groups = 0;
    loop {
        let d = bytes
            .get(i..)?
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if d == 0 || d > 3 {
            return None;
        }
        i += d;
        groups += 1;
        if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
            continue;
        }
        break;
    }
    if !(2..=4).contains(&groups) {
        return None;
    }
    let num = line.get(..i)?;
    let after = line.get(i..)?;
    let rest = after.strip_prefix('.').unwrap_or(after);
    let dotted = rest.len() < after.len();
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let text = rest.trim_start();
    // "1.5 triệu đồng" is a figure: without the final dot the text must start uppercase.
    if !dotted && !text.starts_with(char::is_uppercase) {
        return None;
    }
    Some(Numbered {
        num,
        num_start: 0,
        rest_start: line.len() - text.len(),
    })
}

/// "II NHIỆM VỤ" — a Roman section number without its dot, before an uppercase heading
/// (extraction noise).
pub(crate) fn undotted_section_marker(line: &str) -> Option<Numbered<'_>> {
    let end = line.find(|c: char| !matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))?;
    let num = line.get(..end)?;
    numbering::parse_roman(num)?;
    let rest = line.get(end..)?.strip_prefix(' ')?.trim_start();
    let letters = rest
        .chars()
        .filter(|&c| crate::text::is_alphabetic(c))
        .count();
    if letters < 4 || !is_uppercase_line(rest) {
        return None;
    }
    Some(Numbered {
        num,
        num_start: 0,
        rest_start: line.len() - rest.len(),
    })
}

/// The lines with the header's table cells ("A | B |") as lines of their own, up to the first
/// numbered line of the body (tables in the body are read as tables). Borrowed when no header
/// line has cells (most documents: a large plan's line list is not copied).
pub(crate) fn split_header_cells<'s, 'a>(ls: &'s [Line<'a>]) -> Cow<'s, [Line<'a>]> {
    let mut out = Vec::new();
    // `ls[..copied]` is in `out`: nothing until a line is split.
    let mut copied = 0;
    for (k, l) in ls.iter().enumerate() {
        if section_marker(l.text).is_some()
            || part_marker(l.text).is_some()
            || l.text.starts_with("Điều ")
        {
            break;
        }
        let cells = l.text.matches('|').count();
        if cells == 0 || cells > 4 {
            continue;
        }
        out.extend_from_slice(ls.get(copied..k).unwrap_or_default());
        copied = k + 1;
        let mut start = 0;
        for piece in l.text.split('|') {
            let lead = piece.len() - piece.trim_start().len();
            let t = piece.trim();
            if !t.is_empty() {
                out.push(Line {
                    start: l.start + start + lead,
                    text: t,
                });
            }
            start += piece.len() + 1;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(ls);
    }
    out.extend_from_slice(ls.get(copied..).unwrap_or_default());
    Cow::Owned(out)
}

/// The line without the markup that text copied from Markdown or a website table adds around it:
/// heading marks ("## I. MỤC TIÊU"), bold or italic wrappers ("**Điều 1.**", "*Nơi nhận:*"),
/// and a lone table-cell bar ("|"), which leaves an empty line.
pub(crate) fn strip_markup(line: Line<'_>) -> Line<'_> {
    // Most lines carry no markup: decided on their first and last bytes.
    let b = line.text.as_bytes();
    let marks = |c: Option<&u8>| matches!(c, Some(b'*' | b'#' | b'|' | b'_'));
    if !marks(b.first()) && !marks(b.last()) {
        return line;
    }
    let mut t = line.text;
    let mut start = line.start;
    if t.trim() == "|" || (!t.is_empty() && t.chars().all(|c| c == '*' || c == ' ')) {
        return Line { start, text: "" };
    }
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && t.as_bytes().get(hashes) == Some(&b' ') {
        let rest = t.get(hashes..).unwrap_or("").trim_start();
        start += t.len() - rest.len();
        t = rest;
    }
    loop {
        let wrapped = ["**", "__"].iter().find(|w| {
            t.starts_with(**w) && t.len() > 2 && !t.get(2..).unwrap_or("").starts_with(' ')
        });
        match wrapped {
            Some(w) => {
                start += w.len();
                t = t.get(w.len()..).unwrap_or("");
            }
            None => break,
        }
    }
    // "*3.1. Tham gia góp ý …" (the italics close lines later): the number is not italic.
    if t.starts_with('*')
        && t.get(1..)
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    {
        start += 1;
        t = t.get(1..).unwrap_or("");
    }
    // "*Nơi nhận:*": an italic wrapper, not a "* " bullet.
    if t.starts_with('*') && t.ends_with('*') && t.len() > 2 && !t.starts_with("* ") {
        start += 1;
        t = t.get(1..t.len() - 1).unwrap_or("");
    }
    let t = crate::text::trim_end_repeats(t, "**");
    let t = crate::text::trim_end_repeats(t, "__").trim_end();
    Line { start, text: t }
}

#[cfg(test)]
mod marker_tests {
    use super::*;

    #[test]
    fn divisions() {
        let t =
            |s: &str| division_marker(s).map(|(n, o)| (n, s.get(o..).unwrap_or("").to_string()));
        assert_eq!(
            t("B. NHIỆM VỤ TRỌNG TÂM"),
            Some(("B".into(), "NHIỆM VỤ TRỌNG TÂM".into()))
        );
        assert_eq!(t("A. Mục tiêu"), None);
        assert_eq!(t("PHỤ LỤC"), Some(("PL".into(), "".into())));
        assert_eq!(t("PHỤ LỤC II"), Some(("PL2".into(), "".into())));
        assert_eq!(
            t("Phụ lục 02: DANH MỤC NHIỆM VỤ"),
            Some(("PL2".into(), "DANH MỤC NHIỆM VỤ".into()))
        );
        assert_eq!(t("Phụ lục kèm theo Kế hoạch"), None);
        assert_eq!(
            t("PHẦN THỨ HAI. NHIỆM VỤ"),
            Some(("P2".into(), "NHIỆM VỤ".into()))
        );
        assert_eq!(t("Chương III"), Some(("C3".into(), "".into())));
        assert_eq!(t("Phần lớn các sở"), None);
        assert_eq!(t("Phụ lục 2 kèm theo Chương trình hành động"), None);
        assert_eq!(
            t("Phần I - MỤC TIÊU"),
            Some(("P1".into(), "MỤC TIÊU".into()))
        );
    }

    #[test]
    fn decimals_and_undotted_sections() {
        fn d(s: &str) -> Option<(&str, &str)> {
            decimal_marker(s).map(|m| (m.num, s.get(m.rest_start..).unwrap_or("")))
        }
        assert_eq!(d("1.1. Xây dựng"), Some(("1.1", "Xây dựng")));
        assert_eq!(d("1.2.1 Rà soát"), Some(("1.2.1", "Rà soát")));
        assert_eq!(d("1.5 triệu đồng"), None);
        assert_eq!(d("2. Text"), None);
        assert_eq!(d("18.5.2020"), None);
        fn u(s: &str) -> Option<&str> {
            undotted_section_marker(s).map(|m| m.num)
        }
        assert_eq!(u("II NHIỆM VỤ VÀ GIẢI PHÁP"), Some("II"));
        assert_eq!(u("I have"), None);
        assert_eq!(u("II. X"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::{Line, lines_from_starts, split_lines_max};
    use crate::LineIndex;
    use proptest::prelude::*;

    fn pairs<'a>(ls: &[Line<'a>]) -> Vec<(usize, &'a str)> {
        ls.iter().map(|l| (l.start, l.text)).collect()
    }

    #[test]
    fn lines_from_starts_are_the_lines_with_their_offsets() {
        let text = "I. MỤC ĐÍCH\n1. Mục đích\n\na) Sở Y tế\n";
        let index = LineIndex::new(text);
        let (from_index, rest) = lines_from_starts(text, index.line_starts(), usize::MAX);
        assert_eq!(
            pairs(&from_index),
            [
                (0, "I. MỤC ĐÍCH"),
                (16, "1. Mục đích"),
                (32, ""),
                (33, "a) Sở Y tế")
            ]
        );
        assert_eq!(rest, None);
        // At most two lines: the third starts at byte 32.
        let (two, rest) = lines_from_starts(text, index.line_starts(), 2);
        assert_eq!((two.len(), rest), (2, Some(32)));
    }

    proptest! {
        /// The lines read from a line index's starts are the lines a split finds, with the same
        /// first line not split, for texts whose lines end at `\n` (what normal input is).
        #[test]
        fn lines_from_starts_equal_the_split(
            parts in proptest::collection::vec(prop_oneof![
                Just("a"), Just(" "), Just("\n"), Just("\n\n"), Just("ạ"), Just("Sở"), Just("x\n"),
            ], 0..40),
            max in 0usize..12,
        ) {
            let text = parts.concat();
            let index = LineIndex::new(&text);
            let (got, got_rest) = lines_from_starts(&text, index.line_starts(), max);
            let (want, want_rest) = split_lines_max(&text, max);
            prop_assert_eq!(pairs(&got), pairs(&want));
            prop_assert_eq!(got_rest, want_rest);
        }
    }
}
