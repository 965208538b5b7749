//! The office documents: the tracking workbook read back after an agency fills it (and what
//! happens with workbooks that are wrong), the report's package.

#![cfg(feature = "office")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

use calamine::Reader;
use kehoach::office::{
    OfficeOptions, TASK_SHEET, TaskColumn, WorkbookLimits, progress_report, read_tracking_workbook,
    read_tracking_workbook_with, tracking_workbook,
};
use kehoach::schedule::{ProgressStatus, Reason, ScheduleOptions, Status, schedule};
use kehoach::testing::{CellValue, fill_workbook};
use kehoach::{Date, Plan};
use std::io::{Cursor, Write};

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn seed() -> Plan {
    kehoach::parse(kehoach::SEED_PLAN).plan
}

fn exported(plan: &Plan) -> Vec<u8> {
    tracking_workbook(plan, &OfficeOptions::new(date("2026-11-28"))).unwrap()
}

/// The 1-based sheet row of the task with `eid` in the consolidated workbook.
fn row_of(plan: &Plan, eid: &str) -> usize {
    plan.tasks().iter().position(|t| t.eid == eid).unwrap() + 2
}

fn codes_and_messages(d: &[kehoach::Diagnostic]) -> Vec<(&str, &str)> {
    d.iter().map(|d| (d.code, d.message.en.as_str())).collect()
}

#[test]
fn filled_statuses_reach_the_schedule() {
    let plan = seed();
    let c = row_of(&plan, "sec_II__para_1__point_c");
    let d2 = row_of(&plan, "sec_II__para_2__point_d_2");
    let e3 = row_of(&plan, "sec_II__para_3__point_c");
    assert_eq!((c, d2, e3), (4, 11, 16));
    let filled = fill_workbook(
        &exported(&plan),
        &[
            ("I4", CellValue::Text("Đã hoàn thành")),
            ("J4", CellValue::Date(date("2025-12-20"))),
            ("K4", CellValue::Text("Đã ban hành Kế hoạch số 12/KH-SKHCN")),
            ("I11", CellValue::Text("Đang triển khai")),
            ("J11", CellValue::Text("15/11/2026")),
            ("I16", CellValue::Text("dừng thực hiện")),
            ("J16", CellValue::Date(date("2026-06-30"))),
        ],
    )
    .unwrap();
    let back = read_tracking_workbook(&filled, &plan.tasks());
    assert_eq!(back.diagnostics, vec![]);
    let reports: Vec<(&str, String, ProgressStatus)> = back
        .progress
        .reports
        .iter()
        .map(|r| (r.task.as_str(), r.date.to_string(), r.status))
        .collect();
    assert_eq!(
        reports,
        vec![
            (
                "sec_II__para_1__point_c",
                "2025-12-20".into(),
                ProgressStatus::Done
            ),
            (
                "sec_II__para_2__point_d_2",
                "2026-11-15".into(),
                ProgressStatus::InProgress
            ),
            (
                "sec_II__para_3__point_c",
                "2026-06-30".into(),
                ProgressStatus::Dropped
            ),
        ]
    );
    assert_eq!(
        back.progress.reports[0].note.as_deref(),
        Some("Đã ban hành Kế hoạch số 12/KH-SKHCN")
    );
    let s = schedule(
        &plan,
        &ScheduleOptions::new(date("2026-11-28")).with_progress(back.progress),
    );
    assert_eq!(
        s.task("sec_II__para_1__point_c").unwrap().status,
        Status::Done
    );
    let dropped = s.task("sec_II__para_3__point_c").unwrap();
    assert_eq!(
        (dropped.status, dropped.reason),
        (Status::Ended, Some(Reason::Dropped))
    );
    assert_eq!(s.diagnostics, vec![]);

    // Exported again with those reports, the workbook carries them in the columns to fill.
    let reports = s.tasks.iter().filter_map(|t| t.progress.clone()).collect();
    let opts = OfficeOptions::new(date("2026-11-28"))
        .with_progress(kehoach::schedule::Progress { reports });
    let again = tracking_workbook(&plan, &opts).unwrap();
    let back = read_tracking_workbook(&again, &plan.tasks());
    assert_eq!(back.diagnostics, vec![]);
    assert_eq!(back.progress.reports.len(), 3);
}

#[test]
fn rows_that_cannot_be_read_are_located_and_left_out() {
    let plan = seed();
    let filled = fill_workbook(
        &exported(&plan),
        &[
            ("I5", CellValue::Text("Xong")),
            ("J5", CellValue::Date(date("2026-01-05"))),
            ("I6", CellValue::Text("Đã hoàn thành")),
            ("J6", CellValue::Text("tháng 12")),
            ("I7", CellValue::Text("Đang triển khai")),
            ("K8", CellValue::Text("Chờ kinh phí")),
            ("I9", CellValue::Text("Đã hoàn thành")),
            ("J9", CellValue::Text("31/13/2026")),
            ("I10", CellValue::Text("Đã hoàn thành")),
            ("J10", CellValue::Date(date("2026-03-31"))),
            ("L10", CellValue::Text("sec_IX__para_1__point_a")),
            ("I11", CellValue::Text("Đã hoàn thành")),
            ("J11", CellValue::Text("31/3/2026")),
        ],
    )
    .unwrap();
    let back = read_tracking_workbook(&filled, &plan.tasks());
    assert_eq!(
        codes_and_messages(&back.diagnostics),
        vec![
            (
                "office/bad-status",
                "sheet “Nhiệm vụ”, cell I5: status “Xong” is not one of the list (“Chưa triển khai”, “Đang triển khai”, “Đã hoàn thành”, “Dừng thực hiện”); the row is not read"
            ),
            (
                "office/bad-date",
                "sheet “Nhiệm vụ”, cell J6: “tháng 12” is not a date (enter a date as day/month/year, e.g. 20/12/2025); the row is not read"
            ),
            (
                "office/missing-date",
                "sheet “Nhiệm vụ”, cell J7: a status without a report date; the row is not read"
            ),
            (
                "office/missing-status",
                "sheet “Nhiệm vụ”, cell I8: a date or note without a progress status; the row is not read"
            ),
            (
                "office/bad-date",
                "sheet “Nhiệm vụ”, cell J9: “31/13/2026” is not a date (enter a date as day/month/year, e.g. 20/12/2025); the row is not read"
            ),
            (
                "office/unknown-task",
                "sheet “Nhiệm vụ”, cell L10: task “sec_IX__para_1__point_a” is not in the plan; the row is not read"
            ),
        ]
    );
    assert!(back.diagnostics.iter().all(|d| d.is_error()));
    assert!(
        back.diagnostics[0]
            .message
            .vi
            .starts_with("trang tính “Nhiệm vụ”, ô I5: tình trạng “Xong”")
    );
    // Row 11 is read: the second "II.2.d", told apart by its eid.
    assert_eq!(back.progress.reports.len(), 1);
    assert_eq!(back.progress.reports[0].task, "sec_II__para_2__point_d_2");
    assert_eq!(back.progress.reports[0].date, date("2026-03-31"));
}

/// A workbook written from scratch with the task sheet's headers and `rows` (number, status,
/// date text); `edit` adds anything else (merges, …).
fn handmade(
    sheet: &str,
    headers: &[&str],
    rows: &[[&str; 3]],
    edit: impl FnOnce(&mut rust_xlsxwriter::Worksheet),
) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).unwrap();
    for (c, h) in (0u16..).zip(headers) {
        ws.write_string(0, c, *h).unwrap();
    }
    for (r, row) in (1u32..).zip(rows) {
        for (c, v) in (0u16..).zip(row) {
            if !v.is_empty() {
                ws.write_string(r, c, *v).unwrap();
            }
        }
    }
    edit(ws);
    wb.save_to_buffer().unwrap()
}

const HEADERS: [&str; 3] = ["Số hiệu", "Tình trạng thực hiện", "Ngày báo cáo"];

#[test]
fn a_workbook_without_the_task_sheet() {
    let plan = seed();
    let xlsx = handmade(
        "Sheet1",
        &HEADERS,
        &[["II.1.c", "Đã hoàn thành", "20/12/2025"]],
        |_| {},
    );
    let back = read_tracking_workbook(&xlsx, &plan.tasks());
    assert_eq!(
        codes_and_messages(&back.diagnostics),
        vec![(
            "office/missing-sheet",
            "workbook: no sheet named “Nhiệm vụ” (sheets: “Sheet1”)"
        )]
    );
    assert!(back.progress.reports.is_empty());
}

#[test]
fn a_task_sheet_without_its_columns() {
    let plan = seed();
    let xlsx = handmade(
        TASK_SHEET,
        &["Số hiệu", "Ghi chú"],
        &[["II.1.c", "x", ""]],
        |_| {},
    );
    let back = read_tracking_workbook(&xlsx, &plan.tasks());
    let codes: Vec<&str> = back.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["office/missing-column", "office/missing-column"]);
    assert_eq!(
        back.diagnostics[0].message.en,
        "sheet “Nhiệm vụ”: no column headed “Tình trạng thực hiện” in the header row"
    );
}

#[test]
fn merged_cells_are_reported_and_their_rows_skipped() {
    let plan = seed();
    let rows = [
        ["II.1.a", "Đang triển khai", "01/11/2026"],
        ["II.1.b", "Đã hoàn thành", "02/11/2026"],
        ["II.1.c", "", "02/11/2026"],
    ];
    let xlsx = handmade(TASK_SHEET, &HEADERS, &rows, |ws| {
        ws.merge_range(2, 1, 3, 1, "Đã hoàn thành", &rust_xlsxwriter::Format::new())
            .unwrap();
    });
    let back = read_tracking_workbook(&xlsx, &plan.tasks());
    assert_eq!(
        codes_and_messages(&back.diagnostics),
        vec![(
            "office/merged-cells",
            "sheet “Nhiệm vụ”, cell B3:B4: merged cells; unmerge them (these rows are not read)"
        )]
    );
    let tasks: Vec<&str> = back
        .progress
        .reports
        .iter()
        .map(|r| r.task.as_str())
        .collect();
    assert_eq!(tasks, ["sec_II__para_1__point_a"]);
}

#[test]
fn a_number_two_tasks_share_needs_the_eid() {
    let plan = seed();
    let xlsx = handmade(
        TASK_SHEET,
        &HEADERS,
        &[
            ["II.2.d", "Đã hoàn thành", "2026-10-01"],
            ["II.9.a", "Đã hoàn thành", "2026-10-01"],
        ],
        |_| {},
    );
    let back = read_tracking_workbook(&xlsx, &plan.tasks());
    let found: Vec<(&str, &str)> = codes_and_messages(&back.diagnostics);
    assert_eq!(found[0].0, "office/ambiguous-task");
    assert!(found[0].1.starts_with("sheet “Nhiệm vụ”, cell A2: number “II.2.d” is shared by 2 tasks (sec_II__para_2__point_d, sec_II__para_2__point_d_2)"));
    assert_eq!(
        found[1],
        (
            "office/unknown-task",
            "sheet “Nhiệm vụ”, cell A3: task “II.9.a” is not in the plan; the row is not read"
        )
    );
}

#[test]
fn files_over_the_limit_are_not_read() {
    let plan = seed();
    let big = vec![0u8; 50 << 20];
    let back = read_tracking_workbook(&big, &plan.tasks());
    assert_eq!(
        codes_and_messages(&back.diagnostics),
        vec![(
            "office/too-large",
            "workbook: the file is over the limit (52428800 bytes, at most 16777216); not read"
        )]
    );
}

/// A zip whose one part unpacks to `unpacked` bytes (8 MiB of spaces compress to ~8 KB).
fn zip_bomb(unpacked: usize) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    z.start_file("[Content_Types].xml", options).unwrap();
    z.write_all(b"<Types/>").unwrap();
    z.start_file("xl/sharedStrings.xml", options).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..unpacked / chunk.len() {
        z.write_all(&chunk).unwrap();
    }
    z.finish().unwrap().into_inner()
}

#[test]
fn a_zip_bomb_stops_at_the_unpacked_limit() {
    let plan = seed();
    let bomb = zip_bomb(8 << 20);
    assert!(bomb.len() < 100_000, "{}", bomb.len());
    let limits = WorkbookLimits {
        max_unpacked_bytes: 1 << 20,
        ..WorkbookLimits::default()
    };
    let back = read_tracking_workbook_with(&bomb, &plan.tasks(), &limits);
    assert_eq!(
        codes_and_messages(&back.diagnostics),
        vec![(
            "office/too-large",
            "workbook: the unpacked content is over the limit (1048577 bytes, at most 1048576); not read"
        )]
    );
    // Under the default limit (64 MiB) the same package is read, and is not a workbook.
    let back = read_tracking_workbook(&bomb, &plan.tasks());
    assert_eq!(back.diagnostics[0].code, "office/not-a-workbook");
}

#[test]
fn bytes_that_are_not_a_workbook() {
    let plan = seed();
    for bytes in [&b"PK\x03\x04 not really"[..], b"{\"reports\": []}", b""] {
        let back = read_tracking_workbook(bytes, &plan.tasks());
        assert_eq!(back.diagnostics.len(), 1);
        assert_eq!(back.diagnostics[0].code, "office/not-a-workbook");
    }
}

#[test]
fn rows_beyond_the_limit_are_not_read() {
    let plan = seed();
    let limits = WorkbookLimits {
        max_rows: 5,
        ..WorkbookLimits::default()
    };
    let back = read_tracking_workbook_with(&exported(&plan), &plan.tasks(), &limits);
    assert_eq!(
        codes_and_messages(&back.diagnostics),
        vec![(
            "office/too-many-rows",
            "sheet “Nhiệm vụ”, cell A7: more than 5 rows; the rest is not read"
        )]
    );
}

#[test]
fn one_agencys_workbook_holds_its_tasks() {
    let plan = seed();
    let opts = OfficeOptions::new(date("2026-11-28")).with_agency("Sở Tài chính");
    let xlsx = tracking_workbook(&plan, &opts).unwrap();
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(&xlsx)).unwrap();
    assert_eq!(wb.sheet_names(), ["Nhiệm vụ", "Tổng hợp"]);
    let range = wb.worksheet_range(TASK_SHEET).unwrap();
    let numbers: Vec<String> = range
        .rows()
        .skip(1)
        .map(|r| r[TaskColumn::Number.index() as usize].to_string())
        .collect();
    let expected: Vec<String> = plan
        .tasks_led_by(
            "Sở Tài chính",
            Some(date("2026-11-28")),
            kehoach::Registry::embedded(),
        )
        .into_iter()
        .map(|t| t.number.into_string())
        .collect();
    assert_eq!(numbers, expected);
    assert_eq!(numbers, ["II.2.a", "II.4.d", "II.6.a", "II.7.b"]);
}

#[test]
fn the_report_is_a_deflated_word_package() {
    let plan = seed();
    let docx = progress_report(&plan, &OfficeOptions::new(date("2026-11-28"))).unwrap();
    let mut z = zip::ZipArchive::new(Cursor::new(&docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut z.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    for needle in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Kết quả thực hiện Kế hoạch số 66/KH-UBND ngày 18/5/2020 của Ủy ban nhân dân tỉnh Quảng Ngãi",
        "Nơi nhận:",
        "<w:pgSz w:w=\"11906\" w:h=\"16838\"",
    ] {
        assert!(xml.contains(needle), "{needle}");
    }
    assert!(docx.len() < 40_000, "{}", docx.len());
}

/// The workbook with its task sheet's XML replaced by `edit(xml)`.
fn with_sheet_xml(xlsx: &[u8], edit: impl Fn(&str) -> String) -> Vec<u8> {
    let mut input = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..input.len() {
        let mut part = input.by_index(i).unwrap();
        let name = part.name().unwrap().into_owned();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut part, &mut data).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            data = edit(&String::from_utf8(data).unwrap()).into_bytes();
        }
        out.start_file(name, options).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Hostile task sheets (cut anywhere, absurd cell references and dimensions, cells out of
/// order, markup where text should be) give diagnostics or reports, never a panic, and never
/// a report that was not in a readable row.
#[test]
fn hostile_sheet_xml_never_panics() {
    let plan = seed();
    let tasks = plan.tasks();
    let filled = fill_workbook(
        &exported(&plan),
        &[
            ("I4", CellValue::Text("Đã hoàn thành")),
            ("J4", CellValue::Date(date("2025-12-20"))),
        ],
    )
    .unwrap();
    let xml = {
        let mut z = zip::ZipArchive::new(Cursor::new(&filled)).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut z.by_name("xl/worksheets/sheet1.xml").unwrap(), &mut s)
            .unwrap();
        s
    };
    let mut variants: Vec<String> = Vec::new();
    // Cut at 120 places, on character boundaries.
    let cuts: Vec<usize> = xml.char_indices().map(|(i, _)| i).collect();
    for k in 0..120 {
        variants.push(xml[..cuts[k * cuts.len() / 120]].to_string());
    }
    for (from, to) in [
        ("r=\"I4\"", "r=\"I4294967297\""),
        ("r=\"I4\"", "r=\"XFE4\""),
        ("r=\"I4\"", "r=\"\""),
        ("r=\"I4\"", "r=\"4I\""),
        ("r=\"A1\"", "r=\"A1048577\""),
        ("<dimension ref=\"", "<dimension ref=\"A1:XFD1048576\" x=\""),
        ("<v>", "<v>-1e308"),
        ("<v>", "<v>NaN"),
        ("<t>Đã hoàn thành</t>", "<t><![CDATA[Đã hoàn thành]]></t>"),
        ("<t>Đã hoàn thành</t>", "<t>&#xD800;</t>"),
        ("<row r=\"2\"", "<row r=\"0\""),
        ("<row r=\"4\"", "<row r=\"1\""),
        ("<c r=\"J4\" s=\"", "<c r=\"J4\" s=\"4294967295"),
        ("<c r=\"J4\" s=\"", "<c r=\"J4\" t=\"d\" s=\""),
        ("<c r=\"J4\" s=\"", "<c r=\"J4\" t=\"e\" s=\""),
        ("<c r=\"J4\" s=\"", "<c r=\"J4\" t=\"s\" s=\""),
        ("<c r=\"I4\" s=\"", "<c r=\"I4\" t=\"s\" s=\""),
    ] {
        assert!(xml.contains(from), "{from}");
        variants.push(xml.replacen(from, to, 1));
    }
    for v in &variants {
        let bytes = with_sheet_xml(&filled, |_| v.clone());
        let back = read_tracking_workbook(&bytes, &tasks);
        for r in &back.progress.reports {
            assert_eq!(
                r.task, "sec_II__para_1__point_c",
                "a report from nowhere: {r:?}"
            );
        }
    }
}
