//! Lines that go on over the next line: a heading broken after a word, a label broken inside
//! its words, a field value broken inside a name or a date.

use super::assign::starts_like_agency;
use super::body::{Pending, marker};
use super::lines::{self, Line};
use super::model::*;
use super::parse::{DocParser, extend};
use super::table;

/// The normalized offset of a heading's text (spans are in input offsets: found by searching
/// the normalized text near the span, which is the same when the input was already normal).
pub(crate) fn h_start(p: &DocParser<'_>, h: &Spanned) -> usize {
    let guess = usize::try_from(h.span.start).unwrap_or(0);
    let text = p.norm.text();
    if text
        .get(guess..)
        .is_some_and(|t| t.starts_with(h.text.get(..h.text.len().min(8)).unwrap_or("")))
    {
        return guess;
    }
    guess.min(text.len())
}

impl DocParser<'_> {
    /// A heading broken over lines: "IV. TỔ CHỨC" / "THỰC HIỆN" (uppercase goes on in
    /// uppercase), or "1." / "Công an thành phố" (a number alone on its line). Returns the index
    /// of the next line to read.
    pub(crate) fn join_heading(
        &mut self,
        body: &[Line<'_>],
        mut i: usize,
        stack: &mut [Unit],
    ) -> usize {
        let Some(u) = stack.last_mut() else { return i };
        let mut j = i;
        while body.get(j).is_some_and(|l| l.text.is_empty()) {
            j += 1;
        }
        let Some(next) = body.get(j) else { return i };
        let t = next.text;
        if marker(t).is_some()
            || lines::dash_marker(t).is_some()
            || t.contains('|')
            || t.chars().count() > 160
            || self.opts.labels.match_field_loose(t).is_some()
            || table::is_header_cell(self, t)
        {
            return i;
        }
        let join = match (&u.heading, u.kind) {
            (Some(h), UnitKind::Section | UnitKind::Division) => {
                lines::is_uppercase_line(&h.text)
                    && lines::is_uppercase_line(t)
                    && !h.text.ends_with(['.', ':'])
                    && j == i
            }
            (Some(h), UnitKind::Part) => {
                // "**1. Phát triển kinh tế số đến" / "năm 2030 (16 mục tiêu)**", "**2. Sở" /
                // "Tài chính**".
                j == i
                    && !h.text.ends_with(['.', ':', ';'])
                    && (t.starts_with(char::is_lowercase) || ends_dangling(&h.text))
            }
            (None, UnitKind::Part | UnitKind::Section) => true,
            _ => false,
        };
        if !join {
            return i;
        }
        let span = self.span(next.start, next.end());
        match u.heading.as_mut() {
            Some(h) => {
                h.text.push(' ');
                h.text.push_str(t);
                h.span.end = span.end;
            }
            None => {
                u.heading = Some(Spanned {
                    text: t.to_string(),
                    span,
                })
            }
        }
        extend(u, span);
        i = j + 1;
        i
    }
}

impl DocParser<'_> {
    /// A label broken over two lines: "*Đơn vị chủ trì tham mưu thực" / "hiện: *Sở Tư pháp.".
    pub(crate) fn broken_label(
        &self,
        content: &str,
        cstart: usize,
        next: Option<&Line<'_>>,
        stack: &[Unit],
    ) -> Option<Pending> {
        let next = next?;
        if stack.is_empty()
            || content.contains(':')
            || content.chars().count() > 48
            || !next.text.starts_with(char::is_lowercase)
            || next.text.find(':').is_none_or(|c| c > 40)
        {
            return None;
        }
        let joined = format!("{content} {}", next.text);
        let fm = self.opts.labels.match_field(&joined)?;
        let in_next = fm.value_start.checked_sub(content.len() + 1)?;
        let value_start = next.start + in_next;
        Some(Pending {
            label: fm.label.trim_end_matches([':', '*']).trim().into(),
            key: fm.key,
            label_span: self.span(cstart, next.start + next.text.find(':').unwrap_or(0)),
            value_start,
            value_end: next.end().max(value_start),
            source: TaskSource::Label,
            bulleted: false,
        })
    }
}

/// Whether a line starts with a label (after its number or bullet, if any).
pub(crate) fn starts_with_label(p: &DocParser<'_>, t: &str) -> bool {
    let content = match marker(t) {
        Some(m) => t.get(m.rest_start..).unwrap_or(""),
        None => t.get(lines::dash_marker(t).unwrap_or(0)..).unwrap_or(""),
    };
    p.opts.labels.match_field_loose(content).is_some()
}

impl DocParser<'_> {
    /// Whether the pending value goes on after a blank line: it ends without a stop and the
    /// next line with text starts in lowercase (a page break inside a name or a sentence).
    pub(crate) fn goes_on_after_blank(&self, f: &Pending, rest: &[Line<'_>]) -> bool {
        let value = self
            .norm
            .text()
            .get(f.value_start..f.value_end)
            .unwrap_or("");
        if value.trim_end().ends_with(['.', ';', ':', ')']) {
            return false;
        }
        rest.iter()
            .take(3)
            .find(|l| !l.text.is_empty())
            .is_some_and(|l| l.text.starts_with(char::is_lowercase))
    }
}

/// Whether `line` goes on with the pending field's value.
pub(crate) fn continues(p: &DocParser<'_>, f: &mut Pending, line: &Line<'_>) -> bool {
    let t = line.text;
    if marker(t).is_some() || t.contains('|') {
        return false;
    }
    let empty = f.value_end == f.value_start;
    if let Some(off) = lines::dash_marker(t) {
        let content = t.get(off..).unwrap_or("");
        if p.opts.labels.match_field_loose(content).is_some()
            || p.opts.labels.find_inline(content).is_some()
        {
            return false;
        }
        let list = matches!(f.key, FieldKey::Lead | FieldKey::Partner);
        if list && (empty || f.bulleted) && starts_like_agency(content) {
            f.bulleted = true;
            return true;
        }
        return empty && f.key == FieldKey::Timeframe && content.chars().count() <= 120;
    }
    if p.opts.labels.find_inline(t).is_some() {
        return false;
    }
    if empty {
        // "Thời gian thực hiện:" with its value on the next line.
        return t.chars().count() <= 120
            && match f.key {
                FieldKey::Timeframe => true,
                FieldKey::Lead | FieldKey::Partner => starts_like_agency(t),
                FieldKey::Output => false,
            };
    }
    // A value broken in the middle of a sentence goes on in lowercase (or with a number, when
    // the value so far does not end a sentence).
    let value = p.norm.text().get(f.value_start..f.value_end).unwrap_or("");
    let open_end = !value.trim_end().ends_with(['.', ';', ':', ')']);
    if open_end && !f.bulleted && t.chars().count() <= 200 && ends_dangling(value) {
        // "Sở Nội" / "vụ, Sở Tư pháp.", "Quý" / "IV/2025": the value stopped inside a name.
        return true;
    }
    // A list of names hard-wrapped at the page width: a full line that ends without a stop
    // goes on ("…; Báo và Phát thanh" / "Truyền hình Lai Châu và các sở, ngành có liên quan.").
    if open_end
        && !f.bulleted
        && matches!(f.key, FieldKey::Lead | FieldKey::Partner)
        && t.chars().count() <= 200
    {
        let last_line = value.rsplit('\n').next().unwrap_or(value);
        let line_start = p
            .norm
            .text()
            .get(..f.value_end)
            .and_then(|b| b.rfind('\n'))
            .map_or(0, |n| n + 1);
        let physical = p
            .norm
            .text()
            .get(line_start..f.value_end)
            .unwrap_or(last_line);
        if physical.chars().count() >= WRAP_WIDTH && last_line.contains([',', ';']) {
            return true;
        }
    }
    !f.bulleted
        && (t.starts_with(char::is_lowercase)
            || (open_end && t.starts_with(|c: char| c.is_ascii_digit())))
        && t.chars().count() <= 200
}

/// A line at least this long (in chars) that ends without a stop was wrapped at the page width.
const WRAP_WIDTH: usize = 70;

/// Words a value cannot end with: the line broke inside a name or a date.
const DANGLING: &[&str] = &[
    "sở",
    "bộ",
    "ban",
    "các",
    "và",
    "của",
    "ủy ban",
    "uỷ ban",
    "quý",
    "tháng",
    "năm",
    "ngày",
    "trước",
    "đến",
    "từ",
    "công",
    "văn",
    "phòng",
    "ubnd",
    "trung",
    "hội",
    "đài",
    "cục",
    "với",
    "theo",
    "thường",
    "sau",
    "khi",
    "trong",
    "hoàn",
];

pub(crate) fn ends_dangling(value: &str) -> bool {
    let v = value.trim_end();
    if v.ends_with([',', '-', '–', '&']) {
        return true;
    }
    let last = v.rsplit(' ').next().unwrap_or("");
    DANGLING.iter().any(|w| crate::text::eq_lowercase(last, w))
}
