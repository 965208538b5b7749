//! `kehoach export --to xlsx|docx` and `--progress tracking.xlsx`: the round trip an agency
//! makes (export, fill in, send back), through the binary.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

use kehoach::testing::{CellValue, fill_workbook};
use std::path::PathBuf;
use std::process::{Command, Output};

fn kehoach(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .output()
        .expect("run kehoach")
}

/// A fresh directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kehoach-office-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn export_workbook(dir: &std::path::Path) -> Vec<u8> {
    let out = dir.join("theo-doi.xlsx");
    let o = kehoach(&[
        "export",
        "--to",
        "xlsx",
        "--as-of",
        "2026-11-28",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    std::fs::read(out).unwrap()
}

#[test]
fn export_fill_and_read_back_through_the_cli() {
    let dir = scratch("round-trip");
    let xlsx = export_workbook(&dir);
    // II.1.c (row 4) done, the second II.2.d (row 11) under way, II.3.c (row 16) dropped.
    let filled = fill_workbook(
        &xlsx,
        &[
            ("I4", CellValue::Text("Đã hoàn thành")),
            ("J4", CellValue::Date("2025-12-20".parse().unwrap())),
            ("K4", CellValue::Text("Đã ban hành Kế hoạch số 12/KH-SKHCN")),
            ("I11", CellValue::Text("Đang triển khai")),
            ("J11", CellValue::Text("15/11/2026")),
            ("I16", CellValue::Text("Dừng thực hiện")),
            ("J16", CellValue::Date("2026-06-30".parse().unwrap())),
        ],
    )
    .unwrap();
    let filled_path = dir.join("da-dien.xlsx");
    std::fs::write(&filled_path, filled).unwrap();
    let p = filled_path.to_str().unwrap();

    let o = kehoach(&[
        "schedule",
        "--as-of",
        "2026-11-28",
        "--progress",
        p,
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let task = |eid: &str| {
        v["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["eid"] == eid)
            .unwrap()
            .clone()
    };
    let c = task("sec_II__para_1__point_c");
    assert_eq!(c["status"], "done");
    assert_eq!(c["progress"]["note"], "Đã ban hành Kế hoạch số 12/KH-SKHCN");
    assert_eq!(c["progress"]["date"], "2025-12-20");
    let d2 = task("sec_II__para_2__point_d_2");
    assert_eq!(d2["progress"]["status"], "inProgress");
    assert_eq!(d2["progress"]["date"], "2026-11-15");
    let dropped = task("sec_II__para_3__point_c");
    assert_eq!(
        (&dropped["status"], &dropped["reason"]),
        (&"ended".into(), &"dropped".into())
    );
    // With progress given, a closed window nobody reported on is overdue.
    assert_eq!(task("sec_II__para_2__point_g")["status"], "overdue");

    // The report reads the same workbook.
    let docx = dir.join("bao-cao.docx");
    let o = kehoach(&[
        "export",
        "--to",
        "docx",
        "--as-of",
        "2026-11-28",
        "--progress",
        p,
        "--out",
        docx.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK\x03\x04"));

    // Exported again with it, the next workbook carries the reports forward.
    let next = dir.join("ky-sau.xlsx");
    let o = kehoach(&[
        "export",
        "--to",
        "xlsx",
        "--as-of",
        "2026-12-31",
        "--progress",
        p,
        "--out",
        next.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    let back =
        kehoach::office::read_tracking_workbook(&std::fs::read(next).unwrap(), &plan.tasks());
    assert_eq!(back.diagnostics, vec![]);
    assert_eq!(back.progress.reports.len(), 3);
}

#[test]
fn a_bad_cell_is_an_error_with_its_sheet_and_cell() {
    let dir = scratch("bad-cell");
    let filled = fill_workbook(
        &export_workbook(&dir),
        &[
            ("I4", CellValue::Text("Đã hoàn thành")),
            ("J4", CellValue::Text("tháng 12")),
            ("I5", CellValue::Text("Đã hoàn thành")),
            ("J5", CellValue::Text("20/12/2025")),
        ],
    )
    .unwrap();
    let path = dir.join("loi.xlsx");
    std::fs::write(&path, filled).unwrap();
    let o = kehoach(&[
        "schedule",
        "--as-of",
        "2026-11-28",
        "--progress",
        path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    assert!(
        out.contains(
            "error: [office/bad-date] trang tính “Nhiệm vụ”, ô J4: “tháng 12” không phải ngày"
        ),
        "{out}"
    );
    let o = kehoach(&[
        "schedule",
        "--as-of",
        "2026-11-28",
        "--progress",
        path.to_str().unwrap(),
        "--lang",
        "en",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["code"], "office/bad-date");
    assert_eq!(
        v["diagnostics"][0]["message"],
        "sheet “Nhiệm vụ”, cell J4: “tháng 12” is not a date (enter a date as day/month/year, e.g. 20/12/2025); the row is not read"
    );
    // Row 5 was read: II.1.d done.
    let d = v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["number"] == "II.1.d")
        .unwrap();
    assert_eq!(d["status"], "done");
}

#[test]
fn a_50_megabyte_workbook_is_refused_unread() {
    let dir = scratch("big");
    let path = dir.join("lon.xlsx");
    // Sparse: 50 MB long, nothing written.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(50 << 20)
        .unwrap();
    let o = kehoach(&[
        "schedule",
        "--as-of",
        "2026-11-28",
        "--progress",
        path.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stdout).contains("error: [office/too-large] workbook: the file is over the limit (52428800 bytes, at most 16777216); not read"),
        "{}",
        text(&o.stdout)
    );
}

#[test]
fn office_exports_need_an_output_file() {
    let o = kehoach(&["export", "--to", "docx", "--as-of", "2026-11-28"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("export --to docx writes a binary file: give --out FILE"));
}

#[test]
fn an_agency_that_leads_nothing_is_a_usage_error() {
    let o = kehoach(&[
        "export",
        "--to",
        "xlsx",
        "--agency",
        "Sở Du lịch",
        "--as-of",
        "2026-11-28",
        "--out",
        "/nonexistent/never-written.xlsx",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr)
            .contains("--agency: no task of the plan is led by “Sở Du lịch” on 2026-11-28")
    );
}

#[test]
fn one_agencys_report() {
    let dir = scratch("agency");
    let out = dir.join("so-tai-chinh.docx");
    let o = kehoach(&[
        "export",
        "--to",
        "docx",
        "--agency",
        "Sở Tài chính",
        "--as-of",
        "2026-11-28",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let bytes = std::fs::read(out).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut z.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains("SỞ TÀI CHÍNH"));
    assert!(xml.contains("Sở Tài chính báo cáo kết quả thực hiện các nhiệm vụ được giao chủ trì"));
    for n in ["II.2.a", "II.4.d", "II.6.a", "II.7.b"] {
        assert!(xml.contains(&format!(">{n}<")), "{n}");
    }
    assert!(!xml.contains(">II.1.c<"));
}
