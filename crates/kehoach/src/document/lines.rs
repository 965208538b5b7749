//! Line classification over the normalized text.

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
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            if out.len() == max {
                return (out, Some(start));
            }
            out.push(Line {
                start,
                text: text.get(start..i).unwrap_or(""),
            });
            start = i + 1;
        }
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
    if !c.is_lowercase() || !c.is_alphabetic() {
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
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters > 0
}
