//! The document parser: normalized lines → plan tree + diagnostics.

use super::citation;
use super::header;
use super::ids::SiblingIds;
use super::labels::LabelTable;
use super::lines::{self, Line};
use super::model::*;
use crate::diagnostic::{Diagnostic, codes};
use crate::span::{LineIndex, Locator, Span};
use crate::text::Normalized;
use compact_str::CompactString;
use std::fmt::Write as _;

/// Default of [`ParseOptions::max_units`].
pub const DEFAULT_MAX_UNITS: usize = 100_000;

/// Default of [`ParseOptions::max_lines`].
pub const DEFAULT_MAX_LINES: usize = 1_000_000;

/// Options for [`Parser`].
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// Field labels ("Cơ quan chủ trì", …).
    pub labels: LabelTable,
    /// Inputs longer than this many bytes are not parsed (an `input/too-large` diagnostic is
    /// returned with an empty plan). Default 32 MiB.
    pub max_input_bytes: usize,
    /// At most this many units (sections, parts, points) are built. The line that would open one
    /// more, and everything after it, is kept verbatim as one paragraph of the last open unit (or
    /// of the preamble), with an `input/too-many-units` error at that line: nothing is lost, and
    /// memory stays bounded (a unit costs ≈ 350 bytes natively; 32 MiB of "a)" lines would be
    /// 11 million units, more than a wasm module's 4 GiB). Real plans have hundreds of units;
    /// 32 MiB of real plan text has ≈ 70 000. Default 100 000.
    pub max_units: usize,
    /// At most this many lines (blank ones included) are read. Past it, the rest of the text is
    /// kept verbatim as one paragraph of the last unit (or of the preamble), with an
    /// `input/too-many-lines` error at the first line not read. Bounds the memory of texts of
    /// tiny lines (32 MiB of "x" lines was 16.7 million paragraphs, 2.2 GB); 32 MiB of real plan
    /// text has ≈ 400 000 lines. Default 1 000 000.
    pub max_lines: usize,
    /// At most this many lead and cooperating agencies are read from the whole plan (counted
    /// as list items, see [`split_agencies_max`](crate::agency::split_agencies_max)); past them
    /// lists are not split (their text stays as written) and one `input/too-many-agencies`
    /// error points at the first item not read. Default
    /// [`DEFAULT_MAX_AGENCIES`](crate::agency::DEFAULT_MAX_AGENCIES) (100 000).
    pub max_agencies: usize,
    /// Resolve each lead and partner agency's current holders on this date (natively, the
    /// embedded registry's answers are remembered per thread across parses and checks, at most
    /// 1 024 of them, so re-parsing a plan does not walk the succession records again).
    pub as_of: Option<crate::Date>,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            labels: LabelTable::default(),
            max_input_bytes: 32 * 1024 * 1024,
            max_units: DEFAULT_MAX_UNITS,
            max_lines: DEFAULT_MAX_LINES,
            max_agencies: crate::agency::DEFAULT_MAX_AGENCIES,
            as_of: None,
        }
    }
}

/// A configured plan parser.
///
/// ```
/// use kehoach::document::{Parser, ParseOptions};
/// let mut opts = ParseOptions::default();
/// opts.labels.add("Đơn vị đầu mối", kehoach::document::FieldKey::Lead);
/// let out = Parser::new(opts).parse("II. NHIỆM VỤ\n1. Chung\na) Làm.\n- Đơn vị đầu mối: Sở Y tế.\n- Thời gian: Năm 2021.\n");
/// let tasks = out.plan.tasks();
/// assert_eq!(tasks[0].leads.as_ref().unwrap().text, "Sở Y tế.");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Parser {
    opts: ParseOptions,
}

impl Parser {
    /// A parser with options.
    pub fn new(opts: ParseOptions) -> Self {
        Parser { opts }
    }

    /// The options.
    pub fn options(&self) -> &ParseOptions {
        &self.opts
    }

    /// Parses a plan. Never fails and never panics: problems are diagnostics.
    pub fn parse(&self, input: &str) -> ParseOutput {
        if input.len() > self.opts.max_input_bytes {
            // Checked before anything is allocated for the input (no line index either).
            let at = |end: usize| Span {
                start: 0,
                end: crate::span::to_u32(end),
                line: 1,
                column: 1,
            };
            return ParseOutput {
                plan: Plan {
                    span: at(input.len()),
                    ..Plan::default()
                },
                diagnostics: vec![codes::input_too_large(
                    at(0),
                    input.len(),
                    self.opts.max_input_bytes,
                )],
            };
        }
        let index = LineIndex::new(input);
        let whole = index.span(0, input.len());
        let norm = Normalized::new(input);
        let mut diagnostics = Vec::new();
        if let Some(d) = super::encoding::check(norm.text(), &Locator::within(&index, &norm, 0)) {
            // Legacy 8-bit encoding or mojibake: parsing would fill the plan with garbage.
            // Return the empty plan and the one error telling the user to convert.
            return ParseOutput {
                plan: Plan {
                    span: whole,
                    ..Plan::default()
                },
                diagnostics: vec![d],
            };
        }
        for &(off, ch) in norm.removed_controls().iter().take(20) {
            let o = off as usize;
            diagnostics.push(codes::control_character(
                index.span(o, o + ch.len_utf8()),
                ch,
            ));
        }
        let mut p = DocParser {
            opts: &self.opts,
            index: &index,
            norm: &norm,
            diagnostics,
            sibling_ids: SiblingIds::default(),
            units: 0,
            agencies: 0,
            org_article: false,
            phrase_open: false,
            phrase_time_next: false,
            bullets: Default::default(),
            province: None,
            holders: Default::default(),
            agency_memo: Default::default(),
            timeframe_memo: Default::default(),
            heading_buf: String::new(),
            id_buf: String::new(),
        };
        let mut plan = p.run();
        plan.span = whole;
        plan.shrink_to_fit();
        let mut diagnostics = p.diagnostics;
        crate::diagnostic::sort(&mut diagnostics);
        diagnostics.shrink_to_fit();
        ParseOutput { plan, diagnostics }
    }
}

/// Parses the text of units without header or closing (amendment text: "g) …\n- Cơ quan
/// chủ trì: …"): the units found and the blocks before the first unit. Spans are relative to
/// `text`; ids are those of a standalone document (callers reassign them).
pub(crate) fn parse_fragment(
    text: &str,
    opts: &ParseOptions,
) -> (Vec<Unit>, Vec<Block>, Vec<Diagnostic>) {
    let index = LineIndex::new(text);
    let norm = Normalized::new(text);
    let mut p = DocParser {
        opts,
        index: &index,
        norm: &norm,
        diagnostics: Vec::new(),
        sibling_ids: SiblingIds::default(),
        units: 0,
        agencies: 0,
        org_article: false,
        phrase_open: false,
        phrase_time_next: false,
        bullets: Default::default(),
        province: None,
        holders: Default::default(),
        agency_memo: Default::default(),
        timeframe_memo: Default::default(),
        heading_buf: String::new(),
        id_buf: String::new(),
    };
    let ls: Vec<Line<'_>> = lines::split_lines(norm.text())
        .into_iter()
        .map(lines::strip_markup)
        .collect();
    let mut plan = Plan::default();
    p.parse_body(&ls, &mut plan);
    (plan.body, plan.preamble, p.diagnostics)
}

pub(crate) struct DocParser<'a> {
    pub opts: &'a ParseOptions,
    pub index: &'a LineIndex<'a>,
    pub norm: &'a Normalized<'a>,
    pub diagnostics: Vec<Diagnostic>,
    /// Units given each id so far, counted among siblings.
    sibling_ids: SiblingIds,
    /// Units built so far (bounded by [`ParseOptions::max_units`]).
    pub units: usize,
    /// Agencies read so far (bounded by [`ParseOptions::max_agencies`]).
    pub(crate) agencies: usize,
    /// Inside an article ("Điều 2. Tổ chức thực hiện") that organizes the implementation.
    pub(crate) org_article: bool,
    /// An assignment phrase gave the top unit its lead but no time: its sentence may go on
    /// over the next lines ("…, hoàn thành trong quý IV năm 2026.").
    pub(crate) phrase_open: bool,
    /// The open phrase's last line ended with "hoàn thành": the next line starts with its time.
    pub(crate) phrase_time_next: bool,
    /// The issuer's province (short name), the context of agencies named without theirs.
    pub(crate) province: Option<String>,
    /// The lead and partner agencies' holders on the as-of date, by registry id.
    pub(crate) holders: crate::agency::HoldersCache,
    /// The agency values read so far, each read once ([`crate::agency::SplitMemo`]).
    agency_memo: std::cell::RefCell<crate::agency::SplitMemo>,
    /// The timeframe values read so far, each read once ([`crate::timeframe::TimeframeMemo`]).
    timeframe_memo: std::cell::RefCell<crate::timeframe::TimeframeMemo>,
    /// Bullets of the open numbered unit so far, and the assigning bullets' state.
    pub(crate) bullets: super::bullet_assign::Bullets,
    /// A numbered line's heading, copied out of the unit stack to be read as an assignment
    /// (one buffer for the whole parse instead of a `String` per heading).
    pub(crate) heading_buf: String,
    /// A unit's number path, then its id, before each is copied into the unit.
    id_buf: String,
}

impl<'a> DocParser<'a> {
    pub fn loc(&self, base: usize) -> Locator<'a> {
        Locator::within(self.index, self.norm, base)
    }

    pub fn span(&self, start: usize, end: usize) -> Span {
        self.loc(0).span(start, end)
    }

    /// [`split_agencies_max`](crate::agency::split_agencies_max) of a value of this document
    /// with the embedded registry, each distinct value read once.
    pub(crate) fn split_agencies(
        &self,
        text: &str,
        loc: &Locator,
        max: usize,
    ) -> (Vec<crate::agency::Agency>, Vec<Diagnostic>) {
        let registry = crate::agency::Registry::embedded();
        match self.agency_memo.try_borrow_mut() {
            Ok(mut memo) => memo.split(text, loc, registry, max),
            Err(_) => crate::agency::split_agencies_max(text, loc, registry, max),
        }
    }

    /// [`parse_timeframe`](crate::timeframe::parse_timeframe) of a value of this document, each
    /// distinct value read once.
    pub(crate) fn parse_timeframe(
        &self,
        text: &str,
        loc: &Locator,
    ) -> (crate::timeframe::Timeframe, Vec<Diagnostic>) {
        match self.timeframe_memo.try_borrow_mut() {
            Ok(mut memo) => memo.parse(text, loc),
            Err(_) => crate::timeframe::parse_timeframe(text, loc),
        }
    }

    fn run(&mut self) -> Plan {
        let text = self.norm.text();
        // The line index has the input's line starts already: normal input is the text itself,
        // and other input's line ends map to the text's (natively: the wasm package's first
        // render has no bytes to spare).
        let max = self.opts.max_lines;
        let (ls, unsplit) = if cfg!(target_arch = "wasm32") {
            lines::split_lines_max(text, max)
        } else if self.norm.is_identity() && self.index.text().len() == text.len() {
            lines::lines_from_starts(text, self.index.line_starts(), max)
        } else if let Some(starts) = self.norm.line_starts_from(self.index.line_starts()) {
            lines::lines_from_starts(text, &starts, max)
        } else {
            lines::split_lines_max(text, max)
        };
        #[cfg(debug_assertions)]
        {
            // Tests and fuzz runs check the line starts against a search of the text.
            let (searched, searched_unsplit) = lines::split_lines_max(text, max);
            let key = |v: &[Line<'_>]| {
                v.iter()
                    .map(|l| (l.start, l.text.len()))
                    .collect::<Vec<_>>()
            };
            debug_assert_eq!((key(&ls), unsplit), (key(&searched), searched_unsplit));
        }
        let ls: Vec<Line<'_>> = ls.into_iter().map(lines::strip_markup).collect();
        let loc = self.loc(0);
        let mut plan = Plan::default();
        let mut wrapper = Wrapper::default();
        let mut has_wrapper = false;

        // Leading site-name line.
        let mut first = ls
            .iter()
            .position(|l| !l.text.is_empty())
            .unwrap_or(ls.len());
        if let Some(l) = ls.get(first) {
            if header::is_site_line(l.text) {
                wrapper.site = Some(Spanned {
                    text: l.text.to_string(),
                    span: loc.span(l.start, l.end()),
                });
                has_wrapper = true;
                first += 1;
            }
        }
        // Trailing wrapper block.
        let mut last = ls.len();
        if let Some(k) = header::find_wrapper_tail(&ls, first) {
            if let Some(l) = ls.get(k) {
                wrapper.heading = Some(Spanned {
                    text: l.text.to_string(),
                    span: loc.span(l.start, l.end()),
                });
            }
            header::parse_wrapper_tail(ls.get(k + 1..).unwrap_or(&[]), &loc, &mut wrapper);
            has_wrapper = true;
            last = k;
        }
        // A header copied as a table ("ỦY BAN NHÂN DÂN | CỘNG HÒA …", "Số: 196/KH-UBND | Lạng
        // Sơn, ngày 30 tháng 9 năm 2023 |"): each cell is a line of its own, up to the body.
        let header_cells = lines::split_header_cells(ls.get(first..last).unwrap_or(&[]));
        let doc: &[Line<'_>] = &header_cells;

        // Front matter.
        let body_start = header::parse_header(doc, &loc, &mut plan.meta);
        // Appendices ("PHỤ LỤC …" after the body): read as divisions of their own, after the
        // closing of the plan (which sits between the body and the first appendix).
        let appendix_start = (body_start + 1..doc.len())
            .find(|&k| {
                doc.get(k).is_some_and(|l| {
                    super::lines::division_marker(l.text).is_some_and(|(t, _)| t.starts_with("PL"))
                })
            })
            .unwrap_or(doc.len());
        let main = doc.get(..appendix_start).unwrap_or(&[]);
        self.province = crate::agency::Registry::embedded()
            .plan_province(&plan.meta)
            .map(|p| p.name.to_string());
        // Closing: from "Nơi nhận" or the signer's position line after the last section.
        let last_section = main
            .iter()
            .rposition(|l| lines::section_marker(l.text).is_some())
            .unwrap_or(body_start);
        let closing_start = (last_section.max(body_start)..main.len())
            .find(|&k| {
                main.get(k).is_some_and(|l| {
                    crate::text::starts_with_lowercase(l.text, "nơi nhận")
                        || header::is_position_line(l.text)
                })
            })
            .unwrap_or(main.len());
        header::parse_closing(
            main.get(closing_start..).unwrap_or(&[]),
            &loc,
            &mut plan.meta,
        );

        // Citations in the title and body (not the document's own number line).
        let cite_from = plan
            .meta
            .doc_type
            .as_ref()
            .and_then(|d| {
                doc.iter()
                    .position(|l| self.span(l.start, l.end()).contains(&d.span))
            })
            .unwrap_or(body_start);
        for l in doc.get(cite_from..closing_start).unwrap_or(&[]) {
            citation::scan_line(l.text, &self.loc(l.start), &mut plan.citations);
        }
        if let Some(t) = &plan.meta.title {
            let mut seen = std::collections::HashSet::new();
            plan.meta.implements = plan
                .citations
                .iter()
                .filter(|c| t.span.contains(&c.span) && seen.insert(c.symbol.clone()))
                .cloned()
                .collect();
        }

        // "Kế hoạch này thay thế Kế hoạch số 076/KH-UBND …": the document it replaces.
        // The whole text searched first: most plans replace nothing (one search, not one a
        // line). The wasm package searches each line (its first-render module has no bytes to
        // spare).
        let replaced_lines = if cfg!(target_arch = "wasm32") || replaces_at(text).is_some() {
            doc
        } else {
            &[]
        };
        for l in replaced_lines {
            if let Some(i) = replaces_at(l.text) {
                let mut found = Vec::new();
                let rest = l.text.get(i..).unwrap_or("");
                citation::scan_line(rest, &self.loc(l.start + i), &mut found);
                plan.meta.replaces.extend(found.into_iter().take(1));
            }
        }

        // Body.
        let body = doc.get(body_start..closing_start).unwrap_or(&[]);
        self.parse_body(body, &mut plan);
        if let Some(appendices) = doc.get(appendix_start..).filter(|a| !a.is_empty()) {
            self.parse_body(appendices, &mut plan);
        }
        single_appendix_path(&mut plan);
        if plan.body.is_empty() && !body.iter().all(|l| l.text.is_empty()) {
            let s = body
                .iter()
                .find(|l| !l.text.is_empty())
                .map_or(Span::default(), |l| self.span(l.start, l.end()));
            self.diagnostics.push(codes::no_sections(s));
        }
        if has_wrapper {
            plan.wrapper = Some(wrapper);
        }
        if let Some(at) = unsplit {
            self.keep_unsplit(at, &mut plan);
        }
        plan
    }

    /// Opens a new unit whose designation as written ends at byte `num_end` of the line.
    pub(crate) fn open_numbered(
        &mut self,
        kind: UnitKind,
        line: &Line<'_>,
        m: lines::Numbered<'_>,
        num_end: usize,
        stack: &mut Vec<Unit>,
        plan: &mut Plan,
    ) {
        let r = super::body::rank(kind, m.num);
        while stack
            .last()
            .is_some_and(|u| super::body::rank(u.kind, &u.num) >= r)
        {
            if let Some(u) = stack.pop() {
                attach(u, stack, plan);
            }
        }
        self.bullets = Default::default();
        let rest = line.text.get(m.rest_start..).unwrap_or("");
        let num_span = self.span(line.start + m.num_start, line.start + m.num_start + num_end);
        let text_span = self.span(line.start + m.rest_start, line.end());
        let mut unit = self.new_unit(kind, m.num, num_span, stack);
        unit.span = Span {
            end: text_span.end.max(num_span.end),
            ..num_span
        };
        if !rest.is_empty() {
            let s = Spanned {
                text: rest.to_string(),
                span: text_span,
            };
            if kind == UnitKind::Point {
                unit.blocks.push(Block {
                    kind: BlockKind::Paragraph,
                    text: s.text.into(),
                    span: s.span,
                    label: None,
                    key: None,
                });
            } else {
                unit.heading = Some(s);
            }
        }
        stack.push(unit);
    }

    pub(crate) fn new_unit(
        &mut self,
        kind: UnitKind,
        num: &str,
        num_span: Span,
        stack: &[Unit],
    ) -> Unit {
        self.units += 1;
        let parent = stack.last();
        // The path: a decimal heading ("1.2.1") goes under the nearest unit that is not a part;
        // a bullet group is "III.4-2"; a division starts the path.
        let path_parent = match kind {
            UnitKind::Division if !num.starts_with("PL") && parent.is_some() => parent,
            UnitKind::Division => None,
            UnitKind::Part if num.contains('.') => {
                stack.iter().rev().find(|u| u.kind != UnitKind::Part)
            }
            _ => parent,
        };
        // Number path and id, each built in one reused buffer, then kept inline when short.
        let mut buf = std::mem::take(&mut self.id_buf);
        buf.clear();
        if let Some(p) = path_parent {
            buf.push_str(&p.number);
            buf.push(if kind == UnitKind::Item { '-' } else { '.' });
        }
        buf.push_str(num);
        let number = CompactString::from(buf.as_str());
        buf.clear();
        let prefix = kind.eid_prefix();
        if let Some(p) = parent {
            buf.push_str(&p.eid);
            buf.push_str("__");
        }
        let own_start = buf.len();
        buf.push_str(prefix);
        buf.push('_');
        match kind {
            UnitKind::Section | UnitKind::Division => buf.push_str(num),
            _ if num.contains('.') => {
                for (k, piece) in num.split('.').enumerate() {
                    if k > 0 {
                        buf.push('-');
                    }
                    crate::numbering::push_eid_token(&mut buf, piece);
                }
            }
            _ => crate::numbering::push_eid_token(&mut buf, num),
        }
        let (parent_eid, own) = match parent {
            Some(p) => (p.eid.as_str(), buf.get(own_start..).unwrap_or("")),
            None => ("", buf.as_str()),
        };
        let n = self.sibling_ids.occurrence(stack.len(), parent_eid, own);
        if n > 1 {
            // Writing to a String cannot fail.
            let _ = write!(buf, "_{n}");
        }
        let eid = CompactString::from(buf.as_str());
        self.id_buf = buf;
        Unit {
            eid,
            w_id: None,
            kind,
            num: num.into(),
            number,
            num_span,
            heading: None,
            blocks: Vec::new(),
            leads: None,
            partners: None,
            timeframe: None,
            source: None,
            children: Vec::new(),
            span: num_span,
        }
    }
}

/// The byte offset after "… này thay thế" in a line that says the document replaces another.
///
/// "này thay thế", "Này thay thế" and "NÀY THAY THẾ" are found by two searches, for what
/// follows their first letter, that letter then checked.
fn replaces_at(line: &str) -> Option<usize> {
    const TAILS: [(&str, &[u8]); 2] = [("ày thay thế", b"nN"), ("ÀY THAY THẾ", b"N")];
    // Searchers built once: every line is searched (`str::find` built one per call and line,
    // a sixth of a parse).
    static FINDERS: std::sync::OnceLock<[memchr::memmem::Finder<'static>; 2]> =
        std::sync::OnceLock::new();
    let finders = FINDERS.get_or_init(|| TAILS.map(|(t, _)| memchr::memmem::Finder::new(t)));
    let bytes = line.as_bytes();
    finders.iter().zip(TAILS).find_map(|(f, (tail, firsts))| {
        let mut from = 1;
        while let Some(i) = bytes.get(from..).and_then(|b| f.find(b)).map(|j| from + j) {
            if bytes.get(i - 1).is_some_and(|b| firsts.contains(b)) {
                return Some(i + tail.len());
            }
            from = i + 1;
        }
        None
    })
}

/// A plan with one appendix numbers its rows `PL.…` whatever the appendix's own number ("Phụ
/// lục II" alone is `PL`); several appendices keep `PL1.`, `PL2.` ….
fn single_appendix_path(plan: &mut Plan) {
    let mut appendices = plan
        .body
        .iter_mut()
        .filter(|u| u.kind == UnitKind::Division && u.num.starts_with("PL"));
    let (Some(only), None) = (appendices.next(), appendices.next()) else {
        return;
    };
    if only.number == "PL" {
        return;
    }
    let old = std::mem::replace(&mut only.number, CompactString::new("PL"));
    fn rename(children: &mut [Unit], old: &str) {
        for c in children {
            if let Some(rest) = c.number.strip_prefix(old) {
                c.number = CompactString::from(format!("PL{rest}"));
            }
            rename(&mut c.children, old);
        }
    }
    rename(&mut only.children, &old);
}

pub(crate) fn extend(u: &mut Unit, s: Span) {
    if s.end > u.span.end {
        u.span.end = s.end;
    }
}

/// Attaches a finished unit to its parent (or the plan body) and widens the parent's span.
pub(crate) fn attach(u: Unit, stack: &mut [Unit], plan: &mut Plan) {
    match stack.last_mut() {
        Some(p) => {
            extend(p, u.span);
            p.children.push(u);
        }
        None => plan.body.push(u),
    }
}

#[cfg(test)]
mod tests {
    use super::replaces_at;

    /// The three wordings, where they end; a tail without its "n" is not one.
    #[test]
    fn replaces_at_finds_the_three_wordings() {
        fn at(s: &str) -> Option<&str> {
            replaces_at(s).map(|i| s.get(i..).unwrap_or(""))
        }
        assert_eq!(
            at("Kế hoạch này thay thế Kế hoạch số 76"),
            Some(" Kế hoạch số 76")
        );
        assert_eq!(at("Này thay thế Kế hoạch số 76"), Some(" Kế hoạch số 76"));
        assert_eq!(
            at("KẾ HOẠCH NÀY THAY THẾ KẾ HOẠCH SỐ 76"),
            Some(" KẾ HOẠCH SỐ 76")
        );
        assert_eq!(at("đày thay thế, này thay thế X"), Some(" X"));
        assert_eq!(at("ày thay thế X"), None);
        assert_eq!(at("Nghị quyết thay thế Kế hoạch"), None);
        assert_eq!(at("NÀy THAY THẾ X"), None);
    }
}
