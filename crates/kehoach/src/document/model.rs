//! The plan model: metadata, the unit tree (sections, parts, points), blocks and tasks.

use crate::date::Date;
use crate::span::Span;
use crate::text::Case as _;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// A piece of text with its location in the input.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spanned {
    /// The text (NFC, whitespace-normalized).
    pub text: String,
    /// Where it is in the input.
    pub span: Span,
}

/// A parsed plan: metadata, the unit tree, and the website wrapper if the text had one.
///
/// ```
/// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
/// assert_eq!(plan.meta.number.as_ref().unwrap().text, "66/KH-UBND");
/// assert_eq!(plan.body[1].number, "II");
/// ```
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// Document metadata (issuer, number, date, title, signer, recipients…).
    pub meta: Metadata,
    /// Paragraphs between the title and the first unit ("Thực hiện Nghị quyết số …").
    pub preamble: Vec<Block>,
    /// Top-level units: sections (mục) in a normal plan; parts or points if it has none.
    pub body: Vec<Unit>,
    /// Every document symbol cited in the text, in order of appearance.
    pub citations: Vec<Citation>,
    /// Agency-headed paragraphs of "Tổ chức thực hiện" (what each agency is responsible for).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibilities: Vec<Responsibility>,
    /// The legal-document website's wrapper lines, if the text was copied from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wrapper: Option<Wrapper>,
    /// Span of the whole input.
    pub span: Span,
}

/// Document metadata (NĐ 30/2020 document parts).
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    /// Issuing body, as its lines read ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Spanned>,
    /// Number and symbol ("66/KH-UBND"), from the "Số:" line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<Spanned>,
    /// Place of issue ("Quảng Ngãi").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Spanned>,
    /// Date of issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The place-and-date line as written ("Quảng Ngãi, ngày 18 tháng 5 năm 2020").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_line: Option<Spanned>,
    /// Document type as written ("KẾ HOẠCH").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<Spanned>,
    /// Title (trích yếu), its lines joined by spaces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Spanned>,
    /// Documents the plan implements (cited in its title).
    pub implements: Vec<Citation>,
    /// Documents this plan replaces as a whole ("Kế hoạch này thay thế Kế hoạch số
    /// 076/KH-UBND ngày 30/8/2025 …").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaces: Vec<Citation>,
    /// Signer's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<Spanned>,
    /// Signer's position lines joined ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_position: Option<Spanned>,
    /// Recipients ("Nơi nhận"), one per line, without the leading dash.
    pub recipients: Vec<Spanned>,
    /// Closing lines that are neither recipients, position nor signer, kept verbatim.
    pub closing_lines: Vec<Spanned>,
    /// Header lines not otherwise classified (motto, separators), kept verbatim.
    pub header_lines: Vec<Spanned>,
}

/// Metadata from a legal-document website's wrapper (never plan content).
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Wrapper {
    /// The leading site-name line ("Hệ thống pháp luật").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<Spanned>,
    /// The block heading ("HIỆU LỰC VĂN BẢN").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<Spanned>,
    /// The site's title line for the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Spanned>,
    /// "Label: value" fields ("Số hiệu", "Ngày ban hành", …) in order.
    pub fields: Vec<WrapperField>,
    /// Other wrapper lines ("Tải văn bản").
    pub other: Vec<Spanned>,
}

impl Wrapper {
    /// The value of a field by label (exact, case-insensitive).
    pub fn field(&self, label: &str) -> Option<&str> {
        let l = label.to_lower();
        self.fields
            .iter()
            .find(|f| f.label.to_lower() == l)
            .map(|f| f.value.as_str())
    }
}

/// One "Label: value" line of a wrapper.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WrapperField {
    /// "Số hiệu".
    pub label: String,
    /// "66/KH-UBND".
    pub value: String,
    /// The whole line.
    pub span: Span,
}

/// A cited document ("Nghị quyết số 50/NQ-CP ngày 17/4/2020 của Chính phủ").
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Citation {
    /// Document kind word before the symbol ("Nghị quyết"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_kind: Option<String>,
    /// The symbol as written ("50/NQ-CP").
    pub symbol: String,
    /// Span of the symbol.
    pub span: Span,
    /// The date that follows ("ngày 17/4/2020"), if valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The date as written, with its span (also when the date is impossible).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_text: Option<Spanned>,
    /// The issuer after "của" ("Chính phủ"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
}

/// What level a unit is.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum UnitKind {
    /// A division above the sections: a part letter ("B."), "Phần I", "Chương II", or an
    /// appendix ("Phụ lục"). Its `num` is the path token: `B`, `P1`, `C2`, `PL`, `PL1`.
    Division,
    /// Mục: Roman numeral ("II.").
    Section,
    /// Khoản: Arabic numeral ("2.").
    Part,
    /// Điểm: Vietnamese letter ("d)").
    Point,
    /// A labelled bullet group: one of several "- " bullets of a unit, each followed by its own
    /// labels (`num` "1", "2" …; path `III.4-2`).
    Item,
}

impl UnitKind {
    /// Akoma Ntoso element name used in ids (`sec`, `para`, `point`).
    pub fn eid_prefix(self) -> &'static str {
        match self {
            UnitKind::Division => "part",
            UnitKind::Section => "sec",
            UnitKind::Part => "para",
            UnitKind::Point => "point",
            UnitKind::Item => "indent",
        }
    }

    /// Vietnamese name ("mục", "khoản", "điểm").
    pub fn vietnamese(self) -> &'static str {
        match self {
            UnitKind::Division => "phần",
            UnitKind::Section => "mục",
            UnitKind::Part => "khoản",
            UnitKind::Point => "điểm",
            UnitKind::Item => "gạch đầu dòng",
        }
    }
}

/// Where a task's lead agencies or timeframe came from.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TaskSource {
    /// A label at the start of a line or of a numbered line ("- Cơ quan chủ trì: …").
    Label,
    /// A label inside a line ("…; thời gian hoàn thành: Quý IV/2025").
    Inline,
    /// A table column.
    Table,
    /// An assignment phrase ("Sở X chủ trì, phối hợp với …", "(Giao … chủ trì …)").
    Phrase,
}

/// An agency-headed paragraph of "Tổ chức thực hiện" ("1. Sở Tài chính: …"): what one agency is
/// responsible for. Never a task.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Responsibility {
    /// The agency the paragraph is addressed to.
    pub agency: crate::agency::Agency,
    /// Number path of the unit that holds it ("IV.2").
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub number: CompactString,
    /// Its text (heading rest, paragraphs and dash lines joined by newlines).
    pub text: String,
    /// Span of the unit.
    pub span: Span,
}

/// What a labelled field holds.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FieldKey {
    /// Lead agencies ("Cơ quan chủ trì").
    Lead,
    /// Cooperating agencies ("Cơ quan phối hợp").
    Partner,
    /// Timeframe ("Thời gian thực hiện").
    Timeframe,
    /// Expected output ("Sản phẩm", "Kết quả").
    Output,
}

/// What a block is.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum BlockKind {
    /// A paragraph (for a point, its first paragraph is the text after "a)").
    Paragraph,
    /// A dash line ("- …"), without the dash.
    Dash,
    /// A labelled field ("- Cơ quan chủ trì: …"); `text` is the value.
    Field,
}

/// A paragraph, dash line or labelled field of a unit, in document order.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// The text (for a field, the value after the colon, verbatim).
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub text: CompactString,
    /// Span of `text`.
    pub span: Span,
    /// For a field: the label as written ("Thời gian thực hiện").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub label: Option<CompactString>,
    /// For a field: what it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<FieldKey>,
}

/// The lead agencies of a task: the verbatim label value and its agencies.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Leads {
    /// The label as written ("Cơ quan chủ trì").
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub label: CompactString,
    /// The value verbatim ("Sở Thông tin và Truyền thông.").
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub text: CompactString,
    /// Span of the value.
    pub span: Span,
    /// The agencies named in it.
    pub agencies: Vec<crate::agency::Agency>,
}

impl Leads {
    /// The leads as the document lists them: one entry per list item (items end at ";", at a
    /// bullet line and at a comma between complete names), agencies joined by "và" staying one
    /// item ("Cục Lâm nghiệp và Cục Kiểm lâm"), a footnote mark kept ("(*)"), a note in parentheses
    /// left out. [`agencies`](Self::agencies) names each body;
    /// this is how a report or a person quotes the assignment.
    ///
    /// ```
    /// let text = "Nhiệm vụ\n1. Làm A.\n- Cơ quan chủ trì: Sở Y tế, Cục Lâm nghiệp và Cục Kiểm lâm.\n";
    /// let out = kehoach::parse(text);
    /// let tasks = out.plan.tasks();
    /// let leads = tasks[0].leads.as_ref().unwrap();
    /// assert_eq!(leads.agencies.len(), 3);
    /// assert_eq!(leads.written(), ["Sở Y tế", "Cục Lâm nghiệp và Cục Kiểm lâm"]);
    /// ```
    pub fn written(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(self.agencies.len());
        for a in &self.agencies {
            let mut one = String::new();
            let last = match out.last_mut() {
                Some(last) if a.and_previous => {
                    last.push_str(" và ");
                    last
                }
                _ => &mut one,
            };
            last.push_str(&a.text);
            // A footnote mark ("(*)") is part of the name as listed; an explanation is not.
            if let Some(note) = a.note().filter(|n| !n.chars().any(char::is_alphabetic)) {
                last.push_str(" (");
                last.push_str(note);
                last.push(')');
            }
            if !one.is_empty() {
                out.push(one);
            }
        }
        out
    }
}

/// A unit of the plan: a section (mục), part (khoản) or point (điểm).
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Unit {
    /// Unique element id in Akoma Ntoso style: `sec_II__para_2__point_d`, a repeated number
    /// gets `_2`; `đ` is written `dd`.
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub eid: CompactString,
    /// The id this unit had before it was renumbered by an amendment (Akoma Ntoso `wId`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub w_id: Option<CompactString>,
    /// Section, part or point.
    pub kind: UnitKind,
    /// Designation as written ("II", "2", "d", "đ1").
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub num: CompactString,
    /// Path of designations ("II.2.d").
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub number: CompactString,
    /// Span of the designation.
    pub num_span: Span,
    /// For sections and parts: the text on the numbered line ("NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<Spanned>,
    /// Paragraphs, dash lines and fields in document order.
    pub blocks: Vec<Block>,
    /// Lead agencies, from the first lead field (boxed: most units have none, and a unit stays
    /// small when a hostile input makes hundreds of thousands of them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leads: Option<Box<Leads>>,
    /// Cooperating agencies, from the first partner field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partners: Option<Box<Leads>>,
    /// Timeframe, from the first timeframe field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeframe: Option<Box<crate::timeframe::Timeframe>>,
    /// Where the lead or timeframe came from, when the unit has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<TaskSource>,
    /// Sub-units.
    pub children: Vec<Unit>,
    /// Span from the designation to the end of the unit's last line.
    pub span: Span,
}

impl Unit {
    /// The body text: paragraphs joined by newlines (dash lines and fields excluded).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for b in self
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
        {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&b.text);
        }
        out
    }

    /// True when the unit carries a lead-agency or timeframe field.
    pub fn has_task_fields(&self) -> bool {
        self.blocks
            .iter()
            .any(|b| matches!(b.key, Some(FieldKey::Lead | FieldKey::Timeframe)))
    }

    /// The field blocks with a given key, in order.
    pub fn fields(&self, key: FieldKey) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(move |b| b.key == Some(key))
    }

    /// Visits this unit and all descendants in document order.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Unit)) {
        f(self);
        for c in &self.children {
            c.walk(f);
        }
    }
}

/// A task: a unit that carries a lead agency or a timeframe (every lettered point of a part
/// whose points carry them counts, so a point that forgot its labels is still a task).
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Task {
    /// Element id of the unit.
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub eid: CompactString,
    /// Path as written ("II.2.d").
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub number: CompactString,
    /// The unit's heading (sections and parts), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// Body text (paragraphs joined by newlines).
    pub text: String,
    /// Span of the unit.
    pub span: Span,
    /// Lead agencies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leads: Option<Leads>,
    /// Cooperating agencies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partners: Option<Leads>,
    /// Timeframe.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeframe: Option<crate::timeframe::Timeframe>,
    /// Path of the enclosing section ("II"), for grouping.
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub section: CompactString,
    /// Where the lead or timeframe came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<TaskSource>,
}

impl Task {
    /// The task view of a unit.
    pub fn from_unit(u: &Unit) -> Task {
        Task {
            eid: u.eid.clone(),
            number: u.number.clone(),
            heading: u.heading.as_ref().map(|h| h.text.clone()),
            text: u.text(),
            span: u.span,
            leads: u.leads.as_deref().cloned(),
            partners: u.partners.as_deref().cloned(),
            timeframe: u.timeframe.as_deref().cloned(),
            section: u.number.split('.').next().unwrap_or_default().into(),
            source: u.source,
        }
    }
}

impl Plan {
    /// All tasks in document order.
    pub fn tasks(&self) -> Vec<Task> {
        self.task_units().into_iter().map(Task::from_unit).collect()
    }

    /// The units that are tasks (those [`Plan::tasks`] returns), borrowed, in document order:
    /// for readers that need a few fields of every task without copying them all.
    ///
    /// ```
    /// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    /// let units = plan.task_units();
    /// assert_eq!(units.len(), 44);
    /// assert!(units.iter().zip(plan.tasks()).all(|(u, t)| u.eid == t.eid && u.text() == t.text));
    /// ```
    pub fn task_units(&self) -> Vec<&Unit> {
        let mut out = Vec::new();
        for u in &self.body {
            collect_tasks(u, false, &mut out);
        }
        out
    }

    /// Visits every unit in document order.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Unit)) {
        for u in &self.body {
            u.walk(f);
        }
    }

    /// Finds a unit by element id.
    pub fn find_eid(&self, eid: &str) -> Option<&Unit> {
        let mut found = None;
        self.walk(&mut |u| {
            if found.is_none() && u.eid == eid {
                found = Some(u);
            }
        });
        found
    }

    /// Finds the units with a number path ("II.2.d"; several when a letter is duplicated).
    pub fn find_number(&self, number: &str) -> Vec<&Unit> {
        let mut found = Vec::new();
        self.walk(&mut |u| {
            if u.number == number {
                found.push(u);
            }
        });
        found
    }
}

impl Plan {
    /// The per-agency view: tasks whose lead agencies include `holder` (a name, abbreviation
    /// or variant) — as named in the plan when `on` is `None`, or as responsible on `on` after
    /// the reorganizations recorded in `registry`.
    ///
    /// ```
    /// use kehoach::{agency::Registry, Date};
    /// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    /// let reg = Registry::embedded();
    /// let as_named = plan.tasks_led_by("Sở Khoa học và Công nghệ", None, reg);
    /// let on: Date = "2026-11-28".parse().unwrap();
    /// let today = plan.tasks_led_by("Sở KH&CN", Some(on), reg);
    /// assert_eq!(as_named.len(), 10);
    /// // It inherited the tasks of Sở Thông tin và Truyền thông (merged 01/03/2025).
    /// assert!(today.len() > as_named.len());
    /// assert!(today.iter().any(|t| t.number == "II.3.a"));
    /// ```
    pub fn tasks_led_by(
        &self,
        holder: &str,
        on: Option<crate::Date>,
        registry: &crate::agency::Registry,
    ) -> Vec<Task> {
        let province = registry.plan_province(&self.meta).map(|p| p.name.as_ref());
        self.task_units()
            .into_iter()
            .filter(|t| {
                t.leads.as_ref().is_some_and(|l| {
                    l.agencies
                        .iter()
                        .any(|a| registry.leads_in(holder, a, on, province))
                })
            })
            .map(Task::from_unit)
            .collect()
    }
}

fn collect_tasks<'a>(u: &'a Unit, sibling_points_are_tasks: bool, out: &mut Vec<&'a Unit>) {
    let is_task = u.has_task_fields()
        || u.leads.is_some()
        || u.timeframe.is_some()
        || (sibling_points_are_tasks && u.kind == UnitKind::Point);
    if is_task {
        out.push(u);
    }
    let points_are_tasks = u
        .children
        .iter()
        .any(|c| c.kind == UnitKind::Point && c.has_task_fields());
    for c in &u.children {
        collect_tasks(c, points_are_tasks, out);
    }
}

/// The result of parsing: the plan and what was found wrong or noteworthy.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ParseOutput {
    /// The plan.
    pub plan: Plan,
    /// Located diagnostics, sorted by position.
    pub diagnostics: Vec<crate::diagnostic::Diagnostic>,
}
