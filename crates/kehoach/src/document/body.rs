//! The body reader: lines → units, labelled fields and blocks.
//!
//! A line is, in this order: a table (see [`super::table`]); a numbered line (division, section,
//! decimal heading, part, point); a dash or plain line. A numbered or dash line whose text starts
//! with a label ("2. Cơ quan chủ trì, phối hợp:", "b) Đơn vị chủ trì: …", "- Thời gian: …") is a
//! field of the enclosing unit, not a unit of its own; a label inside a line ("…; thời gian hoàn
//! thành: Quý IV/2025") starts a field there. A field's value may go on over the next lines:
//! "- " agency bullets under an empty label, or a value broken in the middle of a sentence.

use super::continued::{continues, h_start, starts_with_label};
use super::labels::FieldMatch;
use super::lines::{self, Line, Numbered};
use super::model::*;
use super::parse::{DocParser, attach, extend};
use super::table;
use crate::span::Span;
use compact_str::CompactString;

/// A field whose value may still go on over the next lines.
pub(crate) struct Pending {
    pub(crate) label: compact_str::CompactString,
    pub(crate) key: FieldKey,
    pub(crate) label_span: Span,
    /// Value range in the normalized text (may span lines).
    pub(crate) value_start: usize,
    pub(crate) value_end: usize,
    pub(crate) source: TaskSource,
    /// The value is a list of bullet lines (the label had no value on its own line).
    pub(crate) bulleted: bool,
}

/// The nesting rank of a unit: a unit closes every open unit of equal or deeper rank.
pub(crate) fn rank(kind: UnitKind, num: &str) -> u32 {
    match kind {
        // An appendix holds everything; "Phần"/"Chương" hold part letters (and a table's
        // letter groups sit inside its appendix).
        UnitKind::Division if num.starts_with("PL") => 0,
        UnitKind::Division if num.starts_with('P') && num.len() > 1 => 1,
        UnitKind::Division if num.starts_with('C') && num.len() > 1 => 2,
        UnitKind::Division => 3,
        UnitKind::Section => 10,
        UnitKind::Part => 20 + u32::try_from(num.matches('.').count().min(8)).unwrap_or(8),
        UnitKind::Point => 30,
        UnitKind::Item => 40,
    }
}

/// A numbered line: what it opens, its designation (the path token for divisions) and where its
/// text starts.
pub(crate) struct Marker<'t> {
    pub kind: UnitKind,
    pub num: std::borrow::Cow<'t, str>,
    pub rest_start: usize,
}

/// Recognizes the numbered lines of every layout, also with the designation in bold
/// ("**1.** Triển khai …", "**a)** …").
pub(crate) fn marker(t: &str) -> Option<Marker<'_>> {
    if let Some(m) = plain_marker(t) {
        return Some(m);
    }
    if !t.as_bytes().iter().take(16).any(|&b| b == b'*') {
        return None;
    }
    let k = t.find("**").filter(|&k| k > 0 && k <= 12)?;
    let cleaned = format!("{}{}", t.get(..k)?, t.get(k + 2..)?);
    let m = plain_marker(&cleaned)?;
    Some(Marker {
        kind: m.kind,
        num: std::borrow::Cow::Owned(m.num.into_owned()),
        rest_start: if m.rest_start >= k {
            m.rest_start + 2
        } else {
            m.rest_start
        },
    })
}

fn plain_marker(t: &str) -> Option<Marker<'_>> {
    fn plain(kind: UnitKind, m: Numbered<'_>) -> Marker<'_> {
        Marker {
            kind,
            num: m.num.into(),
            rest_start: m.rest_start,
        }
    }
    if let Some(m) = lines::section_marker(t) {
        return Some(plain(UnitKind::Section, m));
    }
    if let Some(m) = lines::decimal_marker(t) {
        return Some(plain(UnitKind::Part, m));
    }
    if let Some(m) = lines::part_marker(t) {
        return Some(plain(UnitKind::Part, m));
    }
    if let Some(m) = lines::point_marker(t) {
        return Some(plain(UnitKind::Point, m));
    }
    if let Some((token, rest_start)) = lines::division_marker(t) {
        return Some(Marker {
            kind: UnitKind::Division,
            num: token.into(),
            rest_start,
        });
    }
    if let Some(m) = lines::undotted_section_marker(t) {
        return Some(plain(UnitKind::Section, m));
    }
    None
}

impl DocParser<'_> {
    pub(crate) fn parse_body(&mut self, body: &[Line<'_>], plan: &mut Plan) {
        let mut stack: Vec<Unit> = Vec::new();
        let mut pending: Option<Pending> = None;
        let mut i = 0;
        while let Some(line) = body.get(i) {
            let t = line.text;
            if t.is_empty() {
                // Blank lines between the bullets of a list do not end it, nor does a blank
                // line inside a value broken by the page ("các đoàn thể" / "" / "tỉnh; …").
                if pending.as_ref().is_some_and(|p| {
                    p.value_end > p.value_start
                        && !p.bulleted
                        && !self.goes_on_after_blank(p, body.get(i + 1..).unwrap_or(&[]))
                }) {
                    self.finish(pending.take(), &mut stack, plan);
                }
                i += 1;
                continue;
            }
            if let Some(p) = pending.as_mut() {
                if continues(self, p, line) {
                    if p.value_end == p.value_start {
                        // The value starts on this line (after its bullet, if any).
                        p.value_start = line.start + lines::dash_marker(t).unwrap_or(0);
                    }
                    p.value_end = line.end();
                    extend_top(self, &mut stack, line);
                    i += 1;
                    continue;
                }
                // "Cơ quan chủ trì, phối hợp:" / "… chủ trì, thực hiện" over "a) Cơ quan chủ trì".
                let combined = p.key == FieldKey::Lead && {
                    let l = crate::text::lower(&p.label);
                    l.contains("phối hợp") || l.contains(", thực hiện")
                };
                if p.value_end == p.value_start && combined && starts_with_label(self, t) {
                    // "2. Cơ quan chủ trì, phối hợp:" over "a) Cơ quan chủ trì: …": a heading.
                    if let (Some(p), Some(u)) = (pending.take(), stack.last_mut()) {
                        u.blocks.push(Block {
                            kind: BlockKind::Paragraph,
                            text: format!("{}:", p.label).into(),
                            span: p.label_span,
                            label: None,
                            key: None,
                        });
                    }
                }
                self.finish(pending.take(), &mut stack, plan);
            }
            if let Some(consumed) = table::try_table(self, body, i, &mut stack, plan) {
                i += consumed.max(1);
                continue;
            }
            if self.at_unit_limit() && super::limits::opens_unit(t) {
                self.keep_rest(body, i, &mut stack, plan);
                break;
            }
            i += 1;
            if let Some(m) = marker(t) {
                self.phrase_open = false;
                if matches!(m.kind, UnitKind::Section | UnitKind::Division) {
                    self.org_article = false;
                }
                let rest = t.get(m.rest_start..).unwrap_or("");
                let label = match m.kind {
                    UnitKind::Part | UnitKind::Point => self.opts.labels.match_field_loose(rest),
                    _ => None,
                };
                if let Some(fm) = label {
                    if !stack.is_empty() {
                        // A labelled block: a field of the enclosing unit.
                        let r = rank(m.kind, &m.num);
                        while stack.len() > 1
                            && stack.last().is_some_and(|u| rank(u.kind, &u.num) >= r)
                        {
                            if let Some(u) = stack.pop() {
                                attach(u, &mut stack, plan);
                            }
                        }
                        pending = self.label_line(
                            rest,
                            line.start + m.rest_start,
                            fm,
                            TaskSource::Label,
                            &mut stack,
                            plan,
                        );
                        continue;
                    }
                }
                // "a) Xây dựng …; Cơ quan chủ trì: Sở A." — an inline label on the numbered line.
                let inline = self.opts.labels.find_inline(rest);
                let shown = match inline {
                    Some((pos, _)) => Line {
                        start: line.start,
                        text: t
                            .get(
                                ..m.rest_start
                                    + trim_separator(rest.get(..pos).unwrap_or("")).len(),
                            )
                            .unwrap_or(t),
                    },
                    None => *line,
                };
                self.open_marker(&m, &shown, &mut stack, plan);
                if inline.is_none() {
                    i = self.join_heading(body, i, &mut stack);
                }
                if matches!(m.kind, UnitKind::Part | UnitKind::Point) && inline.is_none() {
                    // The heading as joined (it may go on over the next line).
                    let mut rest = std::mem::take(&mut self.heading_buf);
                    rest.clear();
                    let at = match stack.last().and_then(|u| u.heading.as_ref()) {
                        Some(h) if m.kind == UnitKind::Part => {
                            rest.push_str(&h.text);
                            h_start(self, h)
                        }
                        _ => {
                            rest.push_str(shown.text.get(m.rest_start..).unwrap_or(""));
                            line.start + m.rest_start
                        }
                    };
                    self.agency_heading(&rest, at, &mut stack, plan);
                    self.heading_buf = rest;
                }
                if let Some((pos, fm)) = inline {
                    let start = line.start + m.rest_start + pos;
                    let text = rest.get(pos..).unwrap_or("");
                    pending =
                        self.label_line(text, start, fm, TaskSource::Inline, &mut stack, plan);
                }
                continue;
            }
            let (kind, off) = match lines::dash_marker(t) {
                Some(off) => (BlockKind::Dash, off),
                None => (BlockKind::Paragraph, 0),
            };
            // Italics or bold before a label ("*Đơn vị chủ trì: *Các …").
            let off = off
                + (t.get(off..).unwrap_or("").len()
                    - t.get(off..).unwrap_or("").trim_start_matches('*').len());
            let content = t.get(off..).unwrap_or("");
            let cstart = line.start + off;
            if kind == BlockKind::Paragraph && is_article_line(content) {
                self.org_article = crate::text::contains_lowercase(content, "tổ chức thực hiện");
            }
            if let Some(fm) = self.opts.labels.match_field_loose(content) {
                if !stack.is_empty() {
                    pending =
                        self.label_line(content, cstart, fm, TaskSource::Label, &mut stack, plan);
                    continue;
                }
            }
            if let Some(p) = self.broken_label(content, cstart, body.get(i), &stack) {
                pending = Some(p);
                i += 1;
                continue;
            }
            let (text_end, inline) = match self.opts.labels.find_inline(content) {
                Some((pos, fm)) if !stack.is_empty() => (pos, Some((pos, fm))),
                _ => (content.len(), None),
            };
            let text = content.get(..text_end).unwrap_or("").trim_end();
            if !text.is_empty() {
                let block = Block {
                    kind,
                    text: text.into(),
                    span: self.span(cstart, cstart + text.len()),
                    label: None,
                    key: None,
                };
                match stack.last_mut() {
                    Some(u) => {
                        u.span.end = u.span.end.max(block.span.end);
                        u.blocks.push(block);
                        if kind == BlockKind::Dash {
                            self.bullets.count += 1;
                        }
                    }
                    None => plan.preamble.push(block),
                }
            }
            if inline.is_none() && !text.is_empty() {
                if kind == BlockKind::Paragraph && self.phrase_open {
                    self.phrase_time(text, cstart, &mut stack);
                } else if kind == BlockKind::Dash
                    && self.bullet_assignment(text, cstart, &mut stack, plan)
                {
                } else {
                    self.phrase_open = false;
                    self.phrase(text, cstart, &mut stack);
                }
            }
            if let Some((pos, fm)) = inline {
                let rest = content.get(pos..).unwrap_or("");
                pending =
                    self.label_line(rest, cstart + pos, fm, TaskSource::Inline, &mut stack, plan);
            }
        }
        self.finish(pending.take(), &mut stack, plan);
        while let Some(u) = stack.pop() {
            attach(u, &mut stack, plan);
        }
    }

    /// Opens the unit of a numbered line.
    fn open_marker(
        &mut self,
        m: &Marker<'_>,
        line: &Line<'_>,
        stack: &mut Vec<Unit>,
        plan: &mut Plan,
    ) {
        let num_end = if m.kind == UnitKind::Division {
            // The designation as written ("PHỤ LỤC II", "B.") spans up to the text.
            line.text
                .get(..m.rest_start)
                .map_or(0, |s| s.trim_end().len())
        } else {
            m.num.len()
        };
        let numbered = Numbered {
            num: &m.num,
            num_start: 0,
            rest_start: m.rest_start,
        };
        self.open_numbered(m.kind, line, numbered, num_end, stack, plan);
    }

    /// Reads a line that starts with a label (`content` at normalized offset `start`): the field,
    /// and any further labels inside the line. Returns the last field, which may go on over the
    /// next lines.
    fn label_line(
        &mut self,
        content: &str,
        start: usize,
        fm: FieldMatch<'_>,
        source: TaskSource,
        stack: &mut Vec<Unit>,
        plan: &mut Plan,
    ) -> Option<Pending> {
        let mut fm = fm;
        let mut base = 0usize; // offset of the current label in `content`
        let mut source = source;
        loop {
            let here = content.get(base..).unwrap_or("");
            let value = here.get(fm.value_start..).unwrap_or("");
            let vstart = start + base + fm.value_start;
            let label_span = self.span(start + base, start + base + fm.label.len());
            let next = self.opts.labels.find_inline(value);
            let value_len = match next {
                Some((pos, _)) => trim_separator(value.get(..pos).unwrap_or("")).len(),
                None => value.len(),
            };
            let p = Pending {
                label: fm.label.trim_end_matches(':').trim().into(),
                key: fm.key,
                label_span,
                value_start: vstart,
                value_end: vstart + value_len,
                source,
                bulleted: false,
            };
            match next {
                Some((pos, nfm)) => {
                    self.finish(Some(p), stack, plan);
                    base += fm.value_start + pos;
                    fm = nfm;
                    source = TaskSource::Inline;
                }
                None => return Some(p),
            }
        }
    }

    /// Adds a finished field to the unit on top of the stack (opening a bullet group when the
    /// unit already has this field after a bullet of its own).
    pub(crate) fn finish(&mut self, p: Option<Pending>, stack: &mut Vec<Unit>, plan: &mut Plan) {
        let Some(p) = p else { return };
        if stack.is_empty() {
            return;
        }
        let raw = self
            .norm
            .text()
            .get(p.value_start..p.value_end)
            .unwrap_or("");
        // A value broken over lines: one space per break that does not start a bullet (same
        // length, spans stay right); bullets stay one per line.
        let text: CompactString = if raw.contains('\n') {
            let mut t = String::with_capacity(raw.len());
            let mut pieces = raw.split('\n').peekable();
            while let Some(piece) = pieces.next() {
                t.push_str(piece);
                if let Some(next) = pieces.peek() {
                    let bullet = p.key != FieldKey::Timeframe && lines::dash_marker(next).is_some();
                    // A blank line inside the value stays one (as written).
                    let blank = piece.is_empty() || next.is_empty();
                    t.push(if bullet || blank { '\n' } else { ' ' });
                }
            }
            t.into()
        } else {
            // Up to 24 bytes inline, without the `String` made and dropped on the way.
            CompactString::from(raw)
        };
        let block = Block {
            kind: BlockKind::Field,
            text,
            span: self.span(p.value_start, p.value_end),
            label: Some(p.label),
            key: Some(p.key),
        };
        if p.key == FieldKey::Timeframe && is_plan_period(stack) {
            // "3. Thời gian thực hiện: Từ năm 2026 - 2030." under "I. MỤC ĐÍCH, YÊU CẦU": the
            // plan's own period, not a task's.
            if let Some(u) = stack.last_mut() {
                u.blocks.push(Block { key: None, ..block });
            }
            return;
        }
        if matches!(p.key, FieldKey::Lead | FieldKey::Timeframe) {
            super::groups::open_group_if_needed(self, p.key, stack, plan);
        }
        if let Some(u) = stack.last_mut() {
            let end = self.span(p.value_start, p.value_end.max(p.value_start));
            self.add_field(u, block, p.value_start, p.label_span);
            if u.source.is_none() && (u.leads.is_some() || u.timeframe.is_some()) {
                u.source = Some(p.source);
            }
            extend(u, end);
        }
    }
}

/// Whether the top unit is a section of purposes or objectives ("MỤC ĐÍCH, YÊU CẦU", "MỤC
/// TIÊU") with no lead of its own: a timeframe there is the plan's period.
fn is_plan_period(stack: &[Unit]) -> bool {
    let Some(top) = stack.last() else {
        return false;
    };
    if top.leads.is_some() || !matches!(top.kind, UnitKind::Section | UnitKind::Division) {
        return false;
    }
    top.heading.as_ref().is_some_and(|h| {
        let l = crate::text::lower(crate::text::prefix_chars(&h.text, 80));
        [
            "mục đích",
            "mục tiêu",
            "yêu cầu",
            "quan điểm",
            "phạm vi",
            "đối tượng",
        ]
        .iter()
        .any(|w| l.contains(w))
    })
}

/// "Điều 2. …": an article line of a decision.
fn is_article_line(t: &str) -> bool {
    t.strip_prefix("Điều ")
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

fn extend_top(p: &DocParser<'_>, stack: &mut [Unit], line: &Line<'_>) {
    if let Some(u) = stack.last_mut() {
        extend(u, p.span(line.start, line.end()));
    }
}

/// The text before an inline label, without the separator that introduced the label.
pub(crate) fn trim_separator(s: &str) -> &str {
    s.trim_end()
        .trim_end_matches([';', ',', '(', '–', '-', '|'])
        .trim_end()
}
