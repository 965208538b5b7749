//! The body reader: lines → units, labelled fields and blocks.
//!
//! A line is, in this order: a table (see [`super::table`]); a numbered line (division, section,
//! decimal heading, part, point); a dash or plain line. A numbered or dash line whose text starts
//! with a label ("2. Cơ quan chủ trì, phối hợp:", "b) Đơn vị chủ trì: …", "- Thời gian: …") is a
//! field of the enclosing unit, not a unit of its own; a label inside a line ("…; thời gian hoàn
//! thành: Quý IV/2025") starts a field there. A field's value may go on over the next lines:
//! "- " agency bullets under an empty label, or a value broken in the middle of a sentence.

use super::assign::starts_like_agency;
use super::labels::FieldMatch;
use super::lines::{self, Line, Numbered};
use super::model::*;
use super::parse::{DocParser, attach, extend};
use super::table;
use crate::span::Span;

/// A field whose value may still go on over the next lines.
pub(crate) struct Pending {
    label: String,
    key: FieldKey,
    label_span: Span,
    /// Value range in the normalized text (may span lines).
    value_start: usize,
    value_end: usize,
    source: TaskSource,
    /// The value is a list of bullet lines (the label had no value on its own line).
    bulleted: bool,
}

/// The nesting rank of a unit: a unit closes every open unit of equal or deeper rank.
pub(crate) fn rank(kind: UnitKind, num: &str) -> u32 {
    match kind {
        // An appendix holds everything; "Phần"/"Chương" hold part letters (and a table's
        // letter groups sit inside its appendix).
        UnitKind::Division if num.starts_with("PL") => 0,
        UnitKind::Division if num.len() > 1 => 1,
        UnitKind::Division => 2,
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
                // Blank lines between the bullets of a list do not end it.
                if pending
                    .as_ref()
                    .is_some_and(|p| p.value_end > p.value_start && !p.bulleted)
                {
                    self.finish(pending.take(), &mut stack, plan);
                }
                i += 1;
                continue;
            }
            if let Some(p) = pending.as_mut() {
                if continues(self, p, line) {
                    p.value_end = line.end();
                    extend_top(self, &mut stack, line);
                    i += 1;
                    continue;
                }
                let combined =
                    p.key == FieldKey::Lead && crate::text::lower(&p.label).contains("phối hợp");
                if p.value_end == p.value_start && combined && starts_with_label(self, t) {
                    // "2. Cơ quan chủ trì, phối hợp:" over "a) Cơ quan chủ trì: …": a heading.
                    if let (Some(p), Some(u)) = (pending.take(), stack.last_mut()) {
                        u.blocks.push(Block {
                            kind: BlockKind::Paragraph,
                            text: format!("{}:", p.label),
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
                    let (rest, at) = match stack.last().and_then(|u| u.heading.as_ref()) {
                        Some(h) if m.kind == UnitKind::Part => (h.text.clone(), h_start(self, h)),
                        _ => (
                            shown.text.get(m.rest_start..).unwrap_or("").to_string(),
                            line.start + m.rest_start,
                        ),
                    };
                    self.agency_heading(&rest, at, &mut stack, plan);
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
                self.org_article = crate::text::lower(content).contains("tổ chức thực hiện");
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
                    text: text.to_string(),
                    span: self.span(cstart, cstart + text.len()),
                    label: None,
                    key: None,
                };
                match stack.last_mut() {
                    Some(u) => {
                        u.span.end = u.span.end.max(block.span.end);
                        u.blocks.push(block);
                    }
                    None => plan.preamble.push(block),
                }
            }
            if inline.is_none() && !text.is_empty() {
                if kind == BlockKind::Paragraph && self.phrase_open {
                    self.phrase_time(text, cstart, &mut stack);
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
                label: fm.label.trim_end_matches(':').trim().to_string(),
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
        let text = if raw.contains('\n') {
            let mut t = String::with_capacity(raw.len());
            let mut pieces = raw.split('\n').peekable();
            while let Some(piece) = pieces.next() {
                t.push_str(piece);
                if let Some(next) = pieces.peek() {
                    let bullet = p.key != FieldKey::Timeframe && lines::dash_marker(next).is_some();
                    t.push(if bullet { '\n' } else { ' ' });
                }
            }
            t
        } else {
            raw.to_string()
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

impl DocParser<'_> {
    /// A numbered unit headed by an agency ("3. Sở Y tế: chủ trì …", "1. Các sở, ngành, Ủy ban
    /// nhân dân xã, phường"): in "Tổ chức thực hiện" a responsibility of that agency, elsewhere a
    /// task led by it. Otherwise an assignment phrase in its text.
    fn agency_heading(&mut self, rest: &str, start: usize, stack: &mut [Unit], plan: &mut Plan) {
        // "6. Giao Sở Tư pháp theo dõi …", "11. Đề nghị Chi cục Hải quan …": the agency follows.
        let (rest, start) = match ["Giao ", "Đề nghị "]
            .iter()
            .find_map(|w| rest.strip_prefix(w))
        {
            Some(r) if starts_like_agency(r) => (r, start + (rest.len() - r.len())),
            _ => (rest, start),
        };
        if !starts_like_agency(rest) {
            self.phrase(rest, start, stack);
            return;
        }
        let (agency, whole) = match rest.find(':') {
            Some(c) if c <= 200 => (rest.get(..c).unwrap_or(""), false),
            Some(_) => return,
            None if rest.chars().count() <= 120 && !rest.trim_end().contains(['.', ';']) => {
                (rest, true)
            }
            None => {
                self.phrase(rest, start, stack);
                return;
            }
        };
        // "… có trách nhiệm:", "… chịu trách nhiệm:", "… chủ trì …": the agencies come before.
        let mut agency = super::assign::lead_part(agency.trim_end()).trim_end();
        // "Các cơ quan được phân công": a description, not a name.
        if agency.contains(" được ") {
            return;
        }
        for tail in [" có trách nhiệm", " chịu trách nhiệm", " thực hiện"] {
            if let Some(head) = agency.strip_suffix(tail) {
                agency = head.trim_end();
            }
        }
        if agency.is_empty() {
            return;
        }
        if self.org_article || in_organization_section(stack) {
            let (agencies, _) = crate::agency::split_agencies_max(
                agency,
                &self.loc(start),
                crate::agency::Registry::embedded(),
                8,
            );
            if let (Some(a), Some(u)) = (agencies.into_iter().next(), stack.last()) {
                plan.responsibilities.push(Responsibility {
                    agency: a,
                    number: u.number.clone(),
                    text: rest.to_string(),
                    span: u.span,
                });
            }
            return;
        }
        let known = if super::assign::starts_with_specific_head(agency) {
            Known::No
        } else if whole {
            Known::All
        } else {
            Known::Any
        };
        self.assign(stack, agency, start, None, known);
    }

    /// An assignment phrase in a paragraph or bullet of the top unit ("(Giao Công an tỉnh chủ
    /// trì …; hoàn thành trước ngày 28/2/2023)"): its lead, and its time when it reads as one.
    fn phrase(&mut self, text: &str, start: usize, stack: &mut [Unit]) {
        if !text.contains("hủ trì") && !text.contains("iao ") {
            return;
        }
        if stack.last().is_none_or(|u| u.leads.is_some()) {
            return;
        }
        let Some((agency, time)) = super::assign::find_assignment(text) else {
            return;
        };
        // In "Tổ chức thực hiện" only an explicit assignment ("Giao X chủ trì …") or one with
        // its deadline is a task; the rest describes duties.
        if self.org_article || in_organization_section(stack) {
            let giao = text
                .get(..agency.start)
                .is_some_and(|b| crate::text::lower(b).trim_end().ends_with("giao"));
            let chu_tri = text
                .get(agency.end..)
                .is_some_and(|a| a.trim_start().starts_with("chủ trì"));
            if !((giao && chu_tri) || time.is_some()) {
                return;
            }
        }
        let a = text.get(agency.clone()).unwrap_or("");
        let t = time.map(|r| (text.get(r.clone()).unwrap_or(""), start + r.start));
        self.assign(stack, a, start + agency.start, t, Known::No);
        self.phrase_open = stack
            .last()
            .is_some_and(|u| u.leads.is_some() && u.timeframe.is_none())
            && !text.trim_end().ends_with('.');
    }

    /// The rest of an assignment phrase's sentence, broken over lines: its time, if it has one.
    fn phrase_time(&mut self, text: &str, start: usize, stack: &mut [Unit]) {
        let lower = crate::text::lower(text);
        let end_of_sentence = text.trim_end().ends_with('.') || lower.contains(". ");
        if lower.len() == text.len() {
            let sentence_end = lower.find(". ").map_or(text.len(), |e| e + 1);
            if let Some(r) = super::assign::time_after(text, &lower, 0, sentence_end) {
                let t = text.get(r.clone()).unwrap_or("");
                let (tf, _) = crate::timeframe::parse_timeframe(t, &self.loc(start + r.start));
                if let Some(u) = stack.last_mut() {
                    if tf.is_recognized() && u.timeframe.is_none() {
                        u.timeframe = Some(Box::new(tf));
                    }
                }
                self.phrase_open = false;
                return;
            }
        }
        if end_of_sentence {
            self.phrase_open = false;
        }
    }

    /// Sets the top unit's lead (and timeframe) from an assignment phrase.
    /// With `known`, only when the registry knows one of the agencies (a heading such as
    /// "7. Các ngành, lĩnh vực khác" starts like an agency but names none).
    fn assign(
        &mut self,
        stack: &mut [Unit],
        agency: &str,
        at: usize,
        time: Option<(&str, usize)>,
        known: Known,
    ) {
        let Some(u) = stack.last_mut() else { return };
        if u.leads.is_some() {
            return;
        }
        if known != Known::No {
            let (probe, _) = crate::agency::split_agencies_max(
                agency,
                &self.loc(at),
                crate::agency::Registry::embedded(),
                16,
            );
            let ok = match known {
                Known::All => !probe.is_empty() && probe.iter().all(|a| a.known),
                _ => probe.iter().any(|a| a.known),
            };
            if !ok {
                return;
            }
        }
        let left = self.opts.max_agencies.saturating_sub(self.agencies);
        let (mut agencies, diags) = crate::agency::split_agencies_max(
            agency,
            &self.loc(at),
            crate::agency::Registry::embedded(),
            left,
        );
        self.agencies += agencies.len();
        self.diagnostics.extend(diags);
        if agencies.is_empty() {
            return;
        }
        if let Some(on) = self.opts.as_of {
            for a in &mut agencies {
                crate::agency::resolve_current(a, on, crate::agency::Registry::embedded());
            }
        }
        u.leads = Some(Box::new(Leads {
            label: String::new(),
            text: agency.to_string(),
            span: self.span(at, at + agency.len()),
            agencies,
        }));
        if let Some((t, t_at)) = time {
            let (tf, _) = crate::timeframe::parse_timeframe(t, &self.loc(t_at));
            if tf.is_recognized() && u.timeframe.is_none() {
                u.timeframe = Some(Box::new(tf));
            }
        }
        if u.source.is_none() {
            u.source = Some(TaskSource::Phrase);
        }
    }
}

/// The normalized offset of a heading's text (spans are in input offsets: found by searching
/// the normalized text near the span, which is the same when the input was already normal).
fn h_start(p: &DocParser<'_>, h: &Spanned) -> usize {
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
    fn join_heading(&mut self, body: &[Line<'_>], mut i: usize, stack: &mut [Unit]) -> usize {
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
    fn broken_label(
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
            label: fm.label.trim_end_matches([':', '*']).trim().to_string(),
            key: fm.key,
            label_span: self.span(cstart, next.start + next.text.find(':').unwrap_or(0)),
            value_start,
            value_end: next.end().max(value_start),
            source: TaskSource::Label,
            bulleted: false,
        })
    }
}

/// How much of an agency heading the registry must know before it leads a task.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Known {
    /// Assignment phrases: the verb says it is an agency.
    No,
    /// "Sở Y tế: chủ trì …": one known agency before the colon.
    Any,
    /// A heading that is only names ("1. Công an tỉnh"): every one known.
    All,
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
        let l = crate::text::lower(&h.text);
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

/// Whether the open units are inside a "Tổ chức thực hiện" section.
fn in_organization_section(stack: &[Unit]) -> bool {
    stack.iter().any(|u| {
        matches!(u.kind, UnitKind::Section | UnitKind::Division)
            && u.heading
                .as_ref()
                .is_some_and(|h| crate::text::lower(&h.text).contains("tổ chức thực hiện"))
    })
}

/// Whether a line starts with a label (after its number or bullet, if any).
fn starts_with_label(p: &DocParser<'_>, t: &str) -> bool {
    let content = match marker(t) {
        Some(m) => t.get(m.rest_start..).unwrap_or(""),
        None => t.get(lines::dash_marker(t).unwrap_or(0)..).unwrap_or(""),
    };
    p.opts.labels.match_field_loose(content).is_some()
}

/// Whether `line` goes on with the pending field's value.
fn continues(p: &DocParser<'_>, f: &mut Pending, line: &Line<'_>) -> bool {
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
    !f.bulleted
        && (t.starts_with(char::is_lowercase)
            || (open_end && t.starts_with(|c: char| c.is_ascii_digit())))
        && t.chars().count() <= 200
}

fn extend_top(p: &DocParser<'_>, stack: &mut [Unit], line: &Line<'_>) {
    if let Some(u) = stack.last_mut() {
        extend(u, p.span(line.start, line.end()));
    }
}

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

fn ends_dangling(value: &str) -> bool {
    let v = value.trim_end();
    if v.ends_with([',', '-', '–', '&']) {
        return true;
    }
    let last = v.rsplit(' ').next().unwrap_or("");
    DANGLING.iter().any(|w| crate::text::eq_lowercase(last, w))
}

/// The text before an inline label, without the separator that introduced the label.
pub(crate) fn trim_separator(s: &str) -> &str {
    s.trim_end()
        .trim_end_matches([';', ',', '(', '–', '-', '|'])
        .trim_end()
}
