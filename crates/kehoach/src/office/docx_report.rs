//! The progress report (DOCX): “Báo cáo kết quả thực hiện Kế hoạch số …”, laid out as an
//! administrative document under Nghị định 30/2020/NĐ-CP.

use super::{OfficeOptions, agency_names, at_risk, plan_reference, selected_schedule, vn_date};
use crate::Plan;
use crate::error::{Error, ErrorKind};
use crate::schedule::{DeadlineKind, ReviewStatus, Schedule, ScheduledTask, Status};
use crate::text::Case as _;
use docx_rs::{
    AlignmentType, Docx, Header, LineSpacing, PageMargin, PageNum, Paragraph, Run, RunFonts,
    SpecialIndentType, Table, TableCell, TableRow, WidthType,
};

/// A4 in twentieths of a point (210 × 297 mm).
const A4: (u32, u32) = (11_906, 16_838);
/// Margins in twips, within Nghị định 30's ranges: top 20 mm, bottom 20 mm, left 30 mm, right
/// 15 mm.
const MARGINS: (i32, i32, i32, i32) = (1_134, 1_134, 1_701, 850);
/// The width between the margins.
const TEXT_WIDTH: usize = (A4.0 as usize) - 1_701 - 850;
/// Body text: 14 pt (in half-points).
const BODY: usize = 28;
/// Tables: 12 pt.
const SMALL: usize = 24;
const FONT: &str = "Times New Roman";

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

/// A run in Times New Roman of `size` half-points.
fn run(text: &str, size: usize) -> Run {
    Run::new().add_text(text).fonts(fonts()).size(size)
}

fn centered(r: Run) -> Paragraph {
    Paragraph::new().add_run(r).align(AlignmentType::Center)
}

/// A body paragraph: justified, first line indented 1 cm, 6 pt after.
fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY))
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(567)), None, None)
        .line_spacing(LineSpacing::new().after(120))
}

/// A heading of the body ("I. KẾT QUẢ THỰC HIỆN"): bold, indented like the body.
fn heading(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY).bold())
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(567)), None, None)
        .line_spacing(LineSpacing::new().before(120).after(120))
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new(), TableCell::add_paragraph)
        .width(width, WidthType::Dxa)
}

/// A bordered table: bold header row, then `rows`, each cell one or more lines in 12 pt.
fn grid(header: &[&str], widths: &[usize], rows: Vec<Vec<Vec<String>>>) -> Table {
    let head = TableRow::new(
        header
            .iter()
            .zip(widths)
            .map(|(h, w)| cell(vec![centered(run(h, SMALL).bold())], *w))
            .collect(),
    );
    let body = rows.into_iter().map(|r| {
        TableRow::new(
            r.into_iter()
                .zip(widths)
                .map(|(lines, w)| {
                    let ps = lines
                        .iter()
                        .map(|l| Paragraph::new().add_run(run(l, SMALL)));
                    cell(ps.collect(), *w)
                })
                .collect(),
        )
    });
    Table::new(std::iter::once(head).chain(body).collect()).set_grid(widths.to_vec())
}

/// Who issues the report: the agency for its own report; for the consolidated one, the
/// coordinator the plan names for reports (on the as-of date), else the plan's issuer.
fn issuing_body(plan: &Plan, sched: &Schedule, opts: &OfficeOptions) -> String {
    if let Some(a) = &opts.agency {
        return a.clone();
    }
    let coordinator = sched.reviews.iter().find_map(|r| {
        let a = r.coordinator.as_ref()?;
        let current = a.current.as_deref().and_then(|c| c.first());
        Some(current.map_or(a.name.as_str().to_owned(), |c| c.name.clone()))
    });
    coordinator
        .or_else(|| plan.meta.issuer.as_ref().map(|i| i.text.clone()))
        .unwrap_or_default()
}

/// The status cell of a task: the reported status (with its date) or the scheduled one, then
/// the reported note.
fn status_lines(t: &ScheduledTask) -> Vec<String> {
    match &t.progress {
        Some(r) => {
            let mut v = vec![format!("{} ({})", r.status.vietnamese(), vn_date(r.date))];
            if t.status == Status::Overdue {
                v.push(Status::Overdue.vietnamese().to_string());
            }
            v.extend(r.note.iter().cloned());
            v
        }
        None => vec![t.status.vietnamese().to_string()],
    }
}

/// The progress report of `plan` for `opts` (one agency's, or consolidated), as DOCX bytes;
/// contents in the [module docs](super).
///
/// ```
/// use kehoach::office::{progress_report, OfficeOptions};
/// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
/// let opts = OfficeOptions::new("2026-11-28".parse().unwrap()).with_agency("Sở Tài chính");
/// let docx = progress_report(&plan, &opts).unwrap();
/// assert!(docx.len() > 5_000);
/// ```
pub fn progress_report(plan: &Plan, opts: &OfficeOptions) -> Result<Vec<u8>, Error> {
    let sched = selected_schedule(plan, opts);
    let issuer = issuing_body(plan, &sched, opts);
    let reference = plan_reference(plan);
    let mut doc = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(MARGINS.0)
                .bottom(MARGINS.1)
                .left(MARGINS.2)
                .right(MARGINS.3),
        )
        .default_fonts(fonts())
        .default_size(BODY)
        // Page numbers centred at the top from the second page (Nghị định 30, Phụ lục I).
        .header(Header::new().add_paragraph(
            Paragraph::new()
                .add_page_num(PageNum::new())
                .align(AlignmentType::Center)
                .fonts(fonts())
                .size(BODY),
        ))
        .first_header(Header::new())
        .title_pg()
        .add_table(national_header(plan, &issuer))
        .add_paragraph(Paragraph::new())
        .add_paragraph(centered(run("BÁO CÁO", BODY).bold()))
        .add_paragraph(centered(
            run(&format!("Kết quả thực hiện {reference}"), BODY).bold(),
        ))
        .add_paragraph(centered(
            run(&format!("(tính đến ngày {})", vn_date(sched.as_of)), BODY).italic(),
        ))
        .add_paragraph(centered(run("_______________", BODY)))
        .add_paragraph(body(&format!(
            "Thực hiện {reference}, {issuer} báo cáo kết quả thực hiện {} tính đến ngày {} như sau:",
            match &opts.agency {
                Some(_) => "các nhiệm vụ được giao chủ trì",
                None => "Kế hoạch",
            },
            vn_date(sched.as_of)
        )));
    doc = results(doc, &sched);
    doc = overdue_and_at_risk(doc, &sched, opts);
    doc = doc
        .add_paragraph(heading("III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ"))
        .add_paragraph(heading("1. Khó khăn, vướng mắc"))
        .add_paragraph(body("……………………………………………………………………………………………"))
        .add_paragraph(heading("2. Đề xuất, kiến nghị"))
        .add_paragraph(body("……………………………………………………………………………………………"));
    doc = coming(doc, &sched);
    doc = doc
        .add_paragraph(body(&format!(
            "Trên đây là báo cáo kết quả thực hiện {reference} của {issuer}./."
        )))
        .add_table(signature(plan, &sched, opts));
    let mut buf = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut buf)
        .map_err(|e| Error::new(ErrorKind::InvalidArgument, format!("docx: {e}")))?;
    deflated(&buf.into_inner())
        .map_err(|e| Error::new(ErrorKind::InvalidArgument, format!("docx: {e}")))
}

/// The package with its parts compressed: docx-rs stores them as they are (155 KB for the
/// seed's consolidated report, 20 KB deflated).
fn deflated(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::{Read, Write};
    let mut input = zip::ZipArchive::new(std::io::Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut data = Vec::new();
    for i in 0..input.len() {
        let mut part = input.by_index(i)?;
        if part.is_dir() {
            continue;
        }
        data.clear();
        part.read_to_end(&mut data)?;
        let name = part.name()?.into_owned();
        out.start_file(name, options)?;
        out.write_all(&data)?;
    }
    Ok(out.finish()?.into_inner())
}

/// The header block of Nghị định 30: issuing body and number on the left, national title,
/// motto and place/date on the right.
fn national_header(plan: &Plan, issuer: &str) -> Table {
    let left_w = 3_900;
    let right_w = TEXT_WIDTH - left_w;
    // The body above the issuer, abbreviated as administrative documents write it
    // ("UBND TỈNH QUẢNG NGÃI").
    let superior = plan
        .meta
        .issuer
        .as_ref()
        .map(|i| i.text.to_upper())
        .filter(|s| *s != issuer.to_upper())
        .map(|s| s.replace("ỦY BAN NHÂN DÂN", "UBND"));
    let mut left = Vec::new();
    if let Some(s) = superior {
        left.push(centered(run(&s, 26)));
    }
    left.push(centered(run(&issuer.to_upper(), 26).bold()));
    left.push(centered(run("_______", 26)));
    left.push(centered(run("Số: ……/BC-……", 26)));
    let right = vec![
        centered(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 24).bold()),
        centered(run("Độc lập - Tự do - Hạnh phúc", BODY).bold()),
        centered(run("_______________________", BODY)),
        centered(run("……………, ngày …… tháng …… năm ……", BODY).italic()),
    ];
    Table::without_borders(vec![TableRow::new(vec![
        cell(left, left_w),
        cell(right, right_w),
    ])])
    .set_grid(vec![left_w, right_w])
}

/// I. Results: the counts, then every task with its status and the reported notes.
fn results(doc: Docx, sched: &Schedule) -> Docx {
    let counts: Vec<String> = Status::ALL
        .iter()
        .filter_map(|s| {
            let n = sched.count(*s);
            (n > 0).then(|| format!("{} {}", s.vietnamese().to_lower(), n))
        })
        .collect();
    let reported = sched.tasks.iter().filter(|t| t.progress.is_some()).count();
    let rows = sched
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            vec![
                vec![(i + 1).to_string()],
                vec![t.number.as_str().to_owned()],
                vec![t.text.clone()],
                vec![agency_names(&t.responsible)],
                vec![t.timeframe_text.clone().unwrap_or_default()],
                status_lines(t),
            ]
        })
        .collect();
    doc.add_paragraph(heading("I. KẾT QUẢ THỰC HIỆN"))
        .add_paragraph(body(&format!(
            "Tổng số nhiệm vụ: {}; trong đó {}. Số nhiệm vụ đã có báo cáo tiến độ: {}.",
            sched.tasks.len(),
            if counts.is_empty() {
                "không có".to_string()
            } else {
                counts.join(", ")
            },
            reported
        )))
        .add_paragraph(body("Kết quả thực hiện từng nhiệm vụ:"))
        .add_table(grid(
            &[
                "STT",
                "Số hiệu",
                "Nhiệm vụ",
                "Cơ quan chủ trì",
                "Thời gian thực hiện",
                "Tình trạng, kết quả",
            ],
            &[700, 850, 3_000, 1_700, 1_300, 1_805],
            rows,
        ))
}

/// II. Tasks overdue (window closed, not reported done) or at risk (window ending within
/// [`super::AT_RISK_DAYS`] days), with who is responsible for them.
fn overdue_and_at_risk(doc: Docx, sched: &Schedule, opts: &OfficeOptions) -> Docx {
    let mut rows = Vec::new();
    for t in &sched.tasks {
        let (label, due) = match (t.status, at_risk(t, sched.as_of)) {
            (Status::Overdue, _) => (Status::Overdue.vietnamese().to_string(), t.window.end),
            (_, Some(end)) => ("Có nguy cơ chậm".to_string(), Some(end)),
            _ => continue,
        };
        rows.push(vec![
            vec![(rows.len() + 1).to_string()],
            vec![t.number.as_str().to_owned()],
            vec![t.text.clone()],
            vec![agency_names(&t.responsible)],
            vec![due.map(vn_date).unwrap_or_default()],
            vec![label],
        ]);
    }
    let doc = doc.add_paragraph(heading(
        "II. NHIỆM VỤ CHẬM TIẾN ĐỘ, CÓ NGUY CƠ CHẬM TIẾN ĐỘ",
    ));
    let doc = if opts.progress.is_none() {
        doc.add_paragraph(body(
            "(Chưa có số liệu báo cáo tiến độ: nhiệm vụ hết thời hạn chưa được xác định là quá hạn.)",
        ))
    } else {
        doc
    };
    if rows.is_empty() {
        return doc.add_paragraph(body(
            "Không có nhiệm vụ quá hạn hoặc có nguy cơ chậm tiến độ.",
        ));
    }
    doc.add_table(grid(
        &[
            "STT",
            "Số hiệu",
            "Nhiệm vụ",
            &format!("Cơ quan chịu trách nhiệm (ngày {})", vn_date(sched.as_of)),
            "Hạn",
            "Tình trạng",
        ],
        &[700, 850, 3_350, 2_100, 1_155, 1_200],
        rows,
    ))
}

/// IV. The coming deadlines and reviews.
fn coming(doc: Docx, sched: &Schedule) -> Docx {
    let mut doc = doc.add_paragraph(heading("IV. HẠN THỰC HIỆN VÀ KỲ SƠ KẾT, TỔNG KẾT SẮP TỚI"));
    let deadlines = sched.next_deadlines(10);
    if deadlines.is_empty() {
        doc = doc.add_paragraph(body("Không có hạn thực hiện sắp tới."));
    }
    for d in deadlines {
        let what = match d.kind {
            DeadlineKind::WindowEnd => "hết thời hạn thực hiện",
            DeadlineKind::PhaseEnd => "kết thúc giai đoạn",
            DeadlineKind::Occurrence => "hạn của kỳ thực hiện",
        };
        let text = sched.task(&d.eid).map_or("", |t| t.text.as_str());
        doc = doc.add_paragraph(body(&format!(
            "- {}: nhiệm vụ {} ({what}): {}",
            vn_date(d.due),
            d.number,
            short(text, 200)
        )));
    }
    for r in sched
        .reviews
        .iter()
        .filter(|r| r.status == ReviewStatus::Upcoming)
        .take(5)
    {
        doc = doc.add_paragraph(body(&format!(
            "- {}: {}.",
            vn_date(r.due),
            r.label(crate::Lang::Vi)
        )));
    }
    doc
}

/// "Nơi nhận" on the left, the signature block on the right.
fn signature(plan: &Plan, sched: &Schedule, opts: &OfficeOptions) -> Table {
    let left_w = 4_400;
    let right_w = TEXT_WIDTH - left_w;
    let small = |s: &str| Paragraph::new().add_run(run(s, 22));
    let mut left = vec![Paragraph::new().add_run(run("Nơi nhận:", SMALL).bold().italic())];
    let plan_issuer = plan
        .meta
        .issuer
        .as_ref()
        .map(|i| super::sentence_case(&i.text));
    if opts.agency.is_some() {
        let coordinator = sched.reviews.iter().find_map(|r| {
            let a = r.coordinator.as_ref()?;
            let current = a.current.as_deref().and_then(|c| c.first());
            Some(current.map_or(a.name.as_str().to_owned(), |c| c.name.clone()))
        });
        if let Some(c) = coordinator {
            left.push(small(&format!("- {c} (để tổng hợp);")));
        }
    }
    if let Some(i) = plan_issuer {
        left.push(small(&format!("- {i} (để báo cáo);")));
    }
    left.push(small("- Lưu: VT."));
    let right = vec![
        centered(run("THỦ TRƯỞNG CƠ QUAN", BODY).bold()),
        centered(run("(Ký, ghi rõ họ tên và đóng dấu)", BODY).italic()),
        Paragraph::new(),
        Paragraph::new(),
        Paragraph::new(),
        centered(run("……………………", BODY).bold()),
    ];
    Table::without_borders(vec![TableRow::new(vec![
        cell(left, left_w),
        cell(right, right_w),
    ])])
    .set_grid(vec![left_w, right_w])
}

/// The first `max` characters of `s`, with "…" when cut.
fn short(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((i, _)) => format!("{}…", s.get(..i).unwrap_or_default().trim_end()),
    }
}
