//! The `kehoach` binary: outputs and exit codes (0 ok, 1 input errors, 2 usage/I-O).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // test code

mod common;

use common::{json, kehoach};

#[test]
fn tasks_json_lists_the_44_seed_tasks() {
    let o = kehoach(&["tasks", "--format", "json"], None);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    let tasks = v.as_array().unwrap();
    assert_eq!(tasks.len(), 44);
    assert_eq!(tasks[0]["number"], "II.1.a");
    assert_eq!(tasks[43]["number"], "II.8.e");
    let a = tasks.iter().find(|t| t["number"] == "II.3.a").unwrap();
    assert_eq!(a["leads"]["text"], "Sở Thông tin và Truyền thông.");
    assert_eq!(a["timeframe"]["text"], "2021- 2030");
    assert_eq!(a["timeframe"]["kind"], "range");
    assert_eq!(a["timeframe"]["start"]["year"], 2021);
    assert_eq!(a["timeframe"]["end"]["year"], 2030);
    let d: Vec<_> = tasks
        .iter()
        .filter(|t| t["number"] == "II.2.d")
        .map(|t| t["eid"].as_str().unwrap())
        .collect();
    assert_eq!(d, ["sec_II__para_2__point_d", "sec_II__para_2__point_d_2"]);
}

#[test]
fn check_reports_the_seed_defects_and_exits_1() {
    let o = kehoach(
        &[
            "check",
            "--as-of",
            "2026-11-28",
            "--format",
            "json",
            "--lang",
            "en",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let errors: Vec<_> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0]["code"], "numbering/duplicate-point");
    assert_eq!(errors[0]["fix"]["replacement"], "đ");
    assert_eq!(errors[1]["code"], "citation/symbol-style");
    assert_eq!(errors[1]["fix"]["replacement"], "29-NQ/TW");
    let human = kehoach(&["check", "--as-of", "2026-11-28", "--lang", "en"], None);
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(text.contains("error[numbering/duplicate-point]"), "{text}");
    assert!(
        text.contains("  --> seeds/66-KH-UBND-2020-quang-ngai.txt (embedded):99:1"),
        "{text}"
    );
}

#[test]
fn a_fixed_copy_is_clean_at_error_level() {
    let fixed = kehoach::SEED_PLAN
        .replacen(
            "d) Xây dựng các cơ chế, chính sách tạo lập",
            "đ) Xây dựng các cơ chế, chính sách tạo lập",
            1,
        )
        .replacen("29/NQ-TW", "29-NQ/TW", 1);
    let o = kehoach(
        &["check", "-", "--as-of", "2026-11-28", "--format", "json"],
        Some(&fixed),
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(
        json(&o)
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["severity"] != "error")
    );
}

#[test]
fn agency_names_todays_holder() {
    let o = kehoach(
        &[
            "agency",
            "Sở Thông tin và Truyền thông",
            "--on",
            "2026-11-28",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    let cur = &v["agencies"][0]["current"][0];
    assert_eq!(cur["name"], "Sở Khoa học và Công nghệ");
    assert_eq!(cur["since"], "2025-03-01");
    assert_eq!(cur["change"], "merged");
    // Without a province: the national pattern (NĐ 45/2025/NĐ-CP).
    assert!(cur["basis"].as_str().unwrap().contains("45/2025/NĐ-CP"));
    // In Quảng Ngãi: the province's own resolution of 19/02/2025.
    let o = kehoach(
        &[
            "agency",
            "Sở Thông tin và Truyền thông",
            "--on",
            "2026-11-28",
            "--province",
            "Quảng Ngãi",
        ],
        None,
    );
    let cur = &json(&o)["agencies"][0]["current"][0];
    assert!(cur["basis"].as_str().unwrap().contains("19/02/2025"));
    // In Đắk Nông: on to Lâm Đồng, which Đắk Nông joined on 01/07/2025.
    let o = kehoach(
        &[
            "agency",
            "Sở Thông tin và Truyền thông",
            "--on",
            "2026-11-28",
            "--province",
            "tỉnh Đắk Nông",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    let cur = &json(&o)["agencies"][0]["current"][0];
    assert_eq!(
        cur["officialName"],
        "Sở Khoa học và Công nghệ tỉnh Lâm Đồng"
    );
    assert_eq!(cur["chain"][1]["date"], "2025-07-01");
    let o = kehoach(&["agency", "Sở Y tế", "--province", "Atlantis"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = kehoach(
        &[
            "agency",
            "Sở Thông tin và Truyền thông",
            "--on",
            "2024-01-01",
        ],
        None,
    );
    assert_eq!(
        json(&o)["agencies"][0]["current"][0]["name"],
        "Sở Thông tin và Truyền thông"
    );
}

#[test]
fn timeframe_reads_stdin_lines() {
    let o = kehoach(
        &["timeframe"],
        Some("Quý III/2024\nNăm 2021 và những năm tiếp theo.\n"),
    );
    assert_eq!(o.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        (
            lines[0]["kind"].as_str(),
            lines[0]["at"]["quarter"].as_u64()
        ),
        (Some("point"), Some(3))
    );
    assert_eq!(
        (
            lines[1]["kind"].as_str(),
            lines[1]["start"]["year"].as_u64()
        ),
        (Some("openEnded"), Some(2021))
    );
    let bad = kehoach(&["timeframe", "năm năm"], None);
    assert_eq!(bad.status.code(), Some(1));
}

#[test]
fn amend_applies_or_reports_and_exits_1() {
    let o = kehoach(
        &[
            "amend",
            "--text",
            "Bãi bỏ điểm b khoản 3 Mục II.",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["applied"], true);
    assert_eq!(v["changes"][0]["op"], "repeal");
    assert_eq!(v["changes"][0]["eid"], "sec_II__para_3__point_b");
    let o = kehoach(
        &[
            "amend",
            "--text",
            "Bãi bỏ điểm k khoản 3 Mục II.",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["applied"], false);
    assert_eq!(v["diagnostics"][0]["code"], "amend/target-not-found");
}

#[test]
fn usage_and_io_errors_exit_2() {
    assert_eq!(kehoach(&["--bogus"], None).status.code(), Some(2));
    assert_eq!(
        kehoach(&["tasks", "/nonexistent/plan.txt"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        kehoach(&["check", "--as-of", "2026-02-30"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(kehoach(&["amend"], None).status.code(), Some(2));
}

#[test]
fn report_is_one_screen_of_identity_counts_and_tasks() {
    let o = kehoach(&["--as-of", "2026-11-28"], None);
    assert_eq!(
        o.status.code(),
        Some(0),
        "the report lists the seed's two errors but succeeds"
    );
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.starts_with(
            "KẾ HOẠCH 66/KH-UBND — ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nQuảng Ngãi, ngày 18/05/2020\n"
        ),
        "{text}"
    );
    assert!(text.contains("44 nhiệm vụ"));
    assert!(text.contains("Nay do: Sở Khoa học và Công nghệ (hợp nhất từ 01/03/2025; thay Sở Thông tin và Truyền thông)"));
}

#[test]
fn schedule_with_progress_marks_overdue_and_done() {
    let dir = std::env::temp_dir().join(format!("kehoach-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let progress = dir.join("progress.json");
    std::fs::write(
        &progress,
        r#"{ "reports": [ { "task": "II.1.c", "date": "2025-12-20", "status": "done" },
                          { "task": "II.6.c", "date": "2025-10-01", "status": "inProgress" } ] }"#,
    )
    .unwrap();
    let o = kehoach(
        &[
            "schedule",
            "--as-of",
            "2026-11-28",
            "--progress",
            progress.to_str().unwrap(),
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["asOf"], "2026-11-28");
    let status = |n: &str| {
        v["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["number"] == n)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status("II.1.c"), "done");
    assert_eq!(status("II.6.c"), "overdue");
    assert_eq!(status("II.8.b"), "active");
    assert_eq!(status("II.3.b"), "conditional");
    let bad = kehoach(&["schedule", "--progress", "/nonexistent.json"], None);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn export_ics_and_csv() {
    let ics = kehoach(&["export", "--to", "ics", "--as-of", "2026-11-28"], None);
    assert_eq!(ics.status.code(), Some(0));
    let text = String::from_utf8(ics.stdout).unwrap();
    assert_eq!(text.matches("BEGIN:VTODO").count(), 44);
    assert!(text.contains("UID:sec_II__para_2__point_d_2"));
    assert!(
        text.lines().all(|l| l.len() <= 75 + 1),
        "folded at 75 octets"
    );
    let csv = kehoach(&["export", "--to", "csv", "--as-of", "2026-11-28"], None);
    let bytes = csv.stdout;
    assert!(
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 BOM for Excel"
    );
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("Cơ quan chủ trì (năm 2020)"));
    assert_eq!(
        kehoach(&["export", "--to", "pdf"], None).status.code(),
        Some(2)
    );
}

/// The `input/…` diagnostics of `kehoach json ARGS` on the seed: (code, line, column).
fn input_limits(args: &[&str]) -> (Vec<(String, u64, u64)>, serde_json::Value) {
    let mut all = vec!["json"];
    all.extend_from_slice(args);
    let o = kehoach(&all, None);
    assert_eq!(o.status.code(), Some(1), "{args:?}");
    let v = json(&o);
    let found = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"].as_str().unwrap().starts_with("input/"))
        .map(|d| {
            assert_eq!(d["severity"], "error");
            (
                d["code"].as_str().unwrap().to_string(),
                d["span"]["line"].as_u64().unwrap(),
                d["span"]["column"].as_u64().unwrap(),
            )
        })
        .collect();
    (found, v["plan"].clone())
}

#[test]
fn limits_are_flags_of_every_plan_command() {
    let one = |code: &str, line, column| vec![(code.to_string(), line, column)];
    // 40 lines read: the rest, from part II.1 on line 41, is one paragraph of section II.
    let (d, plan) = input_limits(&["--max-lines", "40"]);
    assert_eq!(d, one("input/too-many-lines", 41, 1));
    assert_eq!(plan["body"][1]["number"], "II");
    assert!(plan["body"][1]["children"].as_array().unwrap().is_empty());
    // 11 units built: the line of the 12th (II.2.a, line 75) and the rest are kept verbatim.
    let (d, _) = input_limits(&["--max-units=11"]);
    assert_eq!(d, one("input/too-many-units", 75, 1));
    // 3 agency list items ("Các sở, ban, ngành"): the 4th, "UBND …" at line 45, column 40.
    let (d, _) = input_limits(&["--max-agencies", "3"]);
    assert_eq!(d, one("input/too-many-agencies", 45, 40));
    // Over the byte limit nothing is parsed.
    let (d, plan) = input_limits(&["--max-bytes", "100"]);
    assert_eq!(d, one("input/too-large", 1, 1));
    assert!(plan["body"].as_array().is_none_or(|b| b.is_empty()));
    // The same limits gate `check` (exit 1 on the error) and leave the defaults alone otherwise.
    let o = kehoach(
        &[
            "check",
            "--max-units",
            "1_000",
            "--format",
            "json",
            "--as-of",
            "2026-11-28",
        ],
        None,
    );
    let codes: Vec<_> = json(&o)
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .filter(|c| c.starts_with("input/"))
        .collect();
    assert!(codes.is_empty(), "{codes:?}");
    let o = kehoach(&["check", "--max-units", "11", "--format", "json"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        json(&o)
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "input/too-many-units" && d["span"]["line"] == 75)
    );
    // Not a number: a usage error.
    let o = kehoach(&["tasks", "--max-lines", "lots"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--max-lines: expected a whole number"));
}

#[test]
fn report_of_a_decision_with_a_schedule_table() {
    // Quyết định 836/QĐ-BXD: the plan's schedule is a table ordered by time after the sections.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../seeds/layouts/l03-qd-bxd-836-2019.txt"
    );
    let o = kehoach(&["report", path, "--as-of", "2026-12-02"], None);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.starts_with("QUYẾT ĐỊNH 836/QĐ-BXD — BỘ XÂY DỰNG\n"),
        "{text}"
    );
    assert!(text.contains("24 nhiệm vụ"), "{text}");
    // The appendix and its group rows are titled; a task is one line, its cells joined.
    assert!(text.contains("\nPL. Phụ lục\n"), "{text}");
    assert!(text.contains("\n    1. Lập nhiệm vụ quy hoạch\n"), "{text}");
    assert!(text.contains(
        "      PL.I.1-1 Xây dựng “Khung định hướng Quy hoạch”. Cơ quan lập quy hoạch\n               Chủ trì: Ban Quản lý quy hoạch\n               Thời gian: 10-11/2019\n"
    ), "{text}");
    let o = kehoach(&["tasks", path, "--format", "json"], None);
    let tasks = json(&o);
    assert_eq!(tasks.as_array().unwrap().len(), 24);
    assert_eq!(tasks[23]["number"], "PL.III-3");
    assert_eq!(tasks[23]["timeframe"]["text"], "11-12/2021");
}

#[test]
fn instructions_are_read_without_a_plan() {
    let o = kehoach(
        &[
            "instructions",
            "Sửa ký hiệu điểm d thứ hai của khoản 2 Mục II thành điểm đ.",
            "Thay thế cụm từ “Sở Thông tin và Truyền thông” bằng cụm từ “Sở Khoa học và Công nghệ” tại điểm b, c khoản 1 Mục II.",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    let ops = v["operations"].as_array().unwrap();
    assert_eq!(ops.len(), 3);
    assert_eq!(ops[0]["op"], "renumber");
    assert_eq!(ops[0]["target"]["number"], "II.2.d");
    assert_eq!(ops[0]["target"]["occurrence"], 2);
    assert_eq!(ops[0]["to"], "đ");
    assert_eq!(ops[0]["address"], "điểm d thứ hai khoản 2 Mục II");
    assert_eq!(ops[2]["op"], "replacePhrase");
    assert_eq!(ops[2]["target"]["number"], "II.1.c");
    assert_eq!(ops[2]["address"], "điểm c khoản 1 Mục II");
    assert_eq!(ops[2]["find"], "Sở Thông tin và Truyền thông");
    assert_eq!(ops[2]["span"]["line"], 2);
    assert!(v["diagnostics"].as_array().unwrap().is_empty());
    // From standard input; a sentence that is not read exits 1 with a located diagnostic.
    let o = kehoach(
        &["instructions", "-"],
        Some("Bãi bỏ điểm b khoản 3 Mục II.\nSửa lại cho hợp lý.\n"),
    );
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["operations"][0]["op"], "repeal");
    assert_eq!(
        v["diagnostics"][0]["code"],
        "amend/unrecognized-instruction"
    );
    assert_eq!(v["diagnostics"][0]["span"]["line"], 2);
}

#[test]
fn amend_draft_writes_the_instructions_of_an_edit() {
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../seeds/66-KH-UBND-2020-quang-ngai.txt"
    );
    let text = std::fs::read_to_string(seed).unwrap();
    // An official's edit: a deadline moved, the last point of II.8 dropped.
    let e = text.find("e) Rà soát, hoàn thiện các quy trình").unwrap();
    let iii = text.find("III. KINH PHÍ THỰC HIỆN").unwrap();
    let edited =
        format!("{}{}", &text[..e], &text[iii..]).replacen("Năm 2022-2025.", "Năm 2022-2027.", 1);
    let dir = std::env::temp_dir().join(format!("kehoach-draft-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let new = dir.join("new.txt");
    std::fs::write(&new, &edited).unwrap();
    let new = new.to_str().unwrap();
    let o = kehoach(&["amend", "--draft", seed, new], None);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let drafted = String::from_utf8(o.stdout).unwrap();
    assert_eq!(
        drafted,
        "Bãi bỏ điểm e khoản 8 Mục II.\nThay thế cụm từ “2022-2025” bằng cụm từ “2022-2027” tại điểm c khoản 1 Mục II.\n"
    );
    let o = kehoach(&["amend", "--draft", seed, new, "--format", "json"], None);
    let v = json(&o);
    let ops = &v["amendment"]["operations"];
    assert_eq!(ops[0]["op"], "repeal");
    assert_eq!(ops[0]["target"]["number"], "II.8.e");
    assert_eq!(ops[1]["op"], "replacePhrase");
    assert_eq!(ops[1]["target"]["number"], "II.1.c");
    assert_eq!(v["unworded"].as_array().unwrap().len(), 0);
    // The drafted text applies to the old plan.
    let o = kehoach(&["amend", seed, "--text", &drafted], None);
    assert_eq!(o.status.code(), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}
