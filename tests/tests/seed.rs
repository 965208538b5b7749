//! The seed plan (Kế hoạch 66/KH-UBND) parsed with exact expectations.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // test code: a panic is a failure report

use kehoach::SEED_PLAN;
use kehoach::document::{BlockKind, UnitKind};

const NUMBERS: &[&str] = &[
    "II.1.a", "II.1.b", "II.1.c", "II.1.d", "II.1.đ", "II.2.a", "II.2.b", "II.2.c", "II.2.d",
    "II.2.d", "II.2.e", "II.2.g", "II.3.a", "II.3.b", "II.3.c", "II.3.d", "II.3.đ", "II.3.e",
    "II.3.g", "II.3.h", "II.4.a", "II.4.b", "II.4.c", "II.4.d", "II.4.đ", "II.5.a", "II.5.b",
    "II.5.c", "II.5.d", "II.5.đ", "II.5.e", "II.6.a", "II.6.b", "II.6.c", "II.6.d", "II.6.đ",
    "II.7.a", "II.7.b", "II.8.a", "II.8.b", "II.8.c", "II.8.d", "II.8.đ", "II.8.e",
];

fn slice(s: kehoach::Span) -> &'static str {
    s.slice(SEED_PLAN).expect("span in bounds")
}

#[test]
fn forty_four_tasks_in_order_with_two_d_points() {
    let plan = kehoach::parse(SEED_PLAN).plan;
    let tasks = plan.tasks();
    let numbers: Vec<&str> = tasks.iter().map(|t| t.number.as_str()).collect();
    assert_eq!(numbers, NUMBERS);
    let d: Vec<&str> = tasks
        .iter()
        .filter(|t| t.number == "II.2.d")
        .map(|t| t.eid.as_str())
        .collect();
    assert_eq!(d, ["sec_II__para_2__point_d", "sec_II__para_2__point_d_2"]);
    assert_eq!(tasks[4].eid, "sec_II__para_1__point_dd");
    let eids: std::collections::BTreeSet<_> = tasks.iter().map(|t| &t.eid).collect();
    assert_eq!(eids.len(), 44, "eids are unique");
}

#[test]
fn fields_are_verbatim_and_spans_slice_the_input() {
    let plan = kehoach::parse(SEED_PLAN).plan;
    let tasks = plan.tasks();
    let a = tasks.iter().find(|t| t.number == "II.3.a").unwrap();
    let leads = a.leads.as_ref().unwrap();
    assert_eq!(leads.label, "Cơ quan chủ trì");
    assert_eq!(leads.text, "Sở Thông tin và Truyền thông.");
    assert_eq!(slice(leads.span), "Sở Thông tin và Truyền thông.");
    let tf = a.timeframe.as_ref().unwrap();
    assert_eq!(tf.text, "2021- 2030");
    assert_eq!(slice(tf.span), "2021- 2030");
    assert_eq!((leads.span.line, leads.span.column), (121, 20));
    for t in &tasks {
        let l = t
            .leads
            .as_ref()
            .unwrap_or_else(|| panic!("{} has leads", t.number));
        assert_eq!(slice(l.span), l.text, "{}", t.number);
        let tf = t
            .timeframe
            .as_ref()
            .unwrap_or_else(|| panic!("{} has a timeframe", t.number));
        assert_eq!(slice(tf.span), tf.text, "{}", t.number);
        let unit = plan.find_eid(&t.eid).unwrap();
        let first = &unit.blocks[0];
        assert_eq!(first.kind, BlockKind::Paragraph);
        assert_eq!(slice(first.span), first.text);
        // The unit span starts at its letter and covers its last field.
        assert!(
            slice(t.span).starts_with(&format!("{})", unit.num)),
            "{}",
            t.number
        );
        assert!(slice(t.span).ends_with(tf.text.as_str()), "{}", t.number);
    }
    let c = tasks.iter().find(|t| t.number == "II.4.b").unwrap();
    assert_eq!(
        c.timeframe.as_ref().unwrap().text,
        "Năm 2020 và những năm tiếp theo."
    );
    assert_eq!(
        plan.find_eid("sec_II__para_4__point_b").unwrap().blocks[2]
            .label
            .as_deref(),
        Some("Thời gian")
    );
}

#[test]
fn multi_paragraph_points_keep_every_paragraph() {
    let plan = kehoach::parse(SEED_PLAN).plan;
    let a = plan.find_eid("sec_II__para_5__point_a").unwrap();
    let paras: Vec<&str> = a
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(paras.len(), 2);
    assert!(
        paras[0].starts_with(
            "Triển khai thực hiện có hiệu quả Chương trình giáo dục phổ thông năm 2018"
        )
    );
    assert!(paras[1].starts_with("Tăng cường công tác truyền thông nâng cao nhận thức"));
    let c = plan.find_eid("sec_II__para_5__point_c").unwrap();
    assert_eq!(c.text().lines().count(), 2);
    assert!(
        c.text().lines().nth(1).unwrap().starts_with(
            "Tiếp tục thực hiện Đề án tăng cường cơ sở vật chất phục vụ giáo dục STEM"
        )
    );
}

#[test]
fn sections_three_and_four_are_modelled() {
    let plan = kehoach::parse(SEED_PLAN).plan;
    let nums: Vec<(&str, &str)> = plan
        .body
        .iter()
        .map(|s| (s.num.as_str(), s.heading.as_ref().unwrap().text.as_str()))
        .collect();
    assert_eq!(
        nums,
        [
            ("I", "MỤC ĐÍCH, YÊU CẦU"),
            ("II", "NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN"),
            ("III", "KINH PHÍ THỰC HIỆN"),
            ("IV", "TỔ CHỨC THỰC HIỆN")
        ]
    );
    let iii = &plan.body[2];
    assert_eq!(iii.blocks.len(), 2);
    assert!(iii.blocks.iter().all(|b| b.kind == BlockKind::Dash));
    assert!(
        iii.blocks[1]
            .text
            .starts_with("Hàng năm trên cơ sở dự toán")
    );
    let iv = &plan.body[3];
    assert_eq!(iv.children.len(), 6);
    assert!(iv.children.iter().all(|c| c.kind == UnitKind::Part));
    assert_eq!(iv.children[1].eid, "sec_IV__para_2");
    assert!(
        iv.children[1]
            .heading
            .as_ref()
            .unwrap()
            .text
            .starts_with("Sở Tài chính: Trên cơ sở dự toán")
    );
    let i = &plan.body[0];
    assert_eq!(i.children[0].heading.as_ref().unwrap().text, "Mục đích");
    assert_eq!(i.children[1].blocks.len(), 3);
}

#[test]
fn metadata_and_wrapper() {
    let plan = kehoach::parse(SEED_PLAN).plan;
    let m = &plan.meta;
    assert_eq!(
        m.issuer.as_ref().unwrap().text,
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"
    );
    assert_eq!(m.number.as_ref().unwrap().text, "66/KH-UBND");
    assert_eq!(slice(m.number.as_ref().unwrap().span), "66/KH-UBND");
    assert_eq!(m.place.as_ref().unwrap().text, "Quảng Ngãi");
    assert_eq!(m.date.unwrap().to_string(), "2020-05-18");
    assert_eq!(m.doc_type.as_ref().unwrap().text, "KẾ HOẠCH");
    assert!(
        m.title
            .as_ref()
            .unwrap()
            .text
            .starts_with("THỰC HIỆN NGHỊ QUYẾT SỐ 50/NQ-CP NGÀY 17/4/2020")
    );
    let implements: Vec<(&str, String)> = m
        .implements
        .iter()
        .map(|c| (c.symbol.as_str(), c.date.unwrap().to_string()))
        .collect();
    assert_eq!(
        implements,
        [
            ("50/NQ-CP", "2020-04-17".to_string()),
            ("271-KH/TU", "2020-03-27".to_string())
        ]
    );
    assert_eq!(m.signer.as_ref().unwrap().text, "Trần Ngọc Căng");
    assert_eq!(m.signer_position.as_ref().unwrap().text, "CHỦ TỊCH");
    assert_eq!(m.recipients.len(), 10);
    assert_eq!(m.recipients[0].text, "Thường trực Tỉnh ủy (báo cáo);");
    assert_eq!(m.recipients[9].text, "Lưu: VT, KG-VXlmc228.");
    let w = plan.wrapper.as_ref().unwrap();
    assert_eq!(w.site.as_ref().unwrap().text, "Hệ thống pháp luật");
    assert_eq!(w.field("Số hiệu"), Some("66/KH-UBND"));
    assert_eq!(w.field("Ngày ban hành"), Some("18/05/2020"));
    assert_eq!(w.field("Người ký"), Some("Trần Ngọc Căng"));
    assert_eq!(w.fields.len(), 9);
    assert_eq!(
        w.other.iter().map(|o| o.text.as_str()).collect::<Vec<_>>(),
        ["Tải văn bản"]
    );
    // The wrapper never leaks into the plan body.
    let last = plan.body.last().unwrap();
    assert!(!kehoach::document::render(&plan).is_empty());
    assert!(last.span.end < w.heading.as_ref().unwrap().span.start);
    let cited: Vec<&str> = plan.citations.iter().map(|c| c.symbol.as_str()).collect();
    assert!(cited.contains(&"29/NQ-TW"));
    assert!(
        !cited.contains(&"66/KH-UBND"),
        "own number is not a citation"
    );
}

#[test]
fn complete_diagnostics_on_the_seed_as_of_2026_11_28() {
    let opts = kehoach::validate::CheckOptions::default().with_as_of("2026-11-28".parse().unwrap());
    let out = kehoach::validate::check_text(SEED_PLAN, &opts);
    let got: Vec<String> = out
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{} {} {}:{} {}{}",
                d.severity.as_str(),
                d.code,
                d.span.line,
                d.span.column,
                slice(d.span),
                d.fix
                    .as_ref()
                    .map(|f| format!(" -> {}", f.replacement))
                    .unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "warning agency/succeeded 45:40 UBND các huyện, thị xã, thành phố",
            "warning agency/succeeded 51:20 Sở Thông tin và Truyền thông",
            "warning agency/succeeded 69:49 các đoàn thể chính trị - xã hội các cấp",
            "warning agency/succeeded 77:20 Sở Kế hoạch và Đầu tư",
            "error numbering/duplicate-point 99:1 d -> đ",
            "warning agency/succeeded 101:20 Sở Lao động - Thương binh và Xã hội",
            "warning agency/succeeded 107:20 Sở Tài nguyên và Môi trường",
            "warning agency/succeeded 157:36 Sở Giao thông vận tải",
            "error citation/symbol-style 201:107 29/NQ-TW -> 29-NQ/TW",
            "warning agency/succeeded 273:20 Sở Nông nghiệp và Phát triển nông thôn",
        ]
    );
    // Successors are named in the messages.
    let tttt = &out.diagnostics[1];
    assert!(tttt.message.vi.contains("Sở Khoa học và Công nghệ"));
    assert!(tttt.notes.iter().any(|n| n.vi.contains("19/02/2025")));
    // Before the reorganization only the two defects of the issued text remain.
    let early = kehoach::validate::check_text(
        SEED_PLAN,
        &kehoach::validate::CheckOptions::default().with_as_of("2024-01-01".parse().unwrap()),
    );
    let codes: Vec<&str> = early.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        ["numbering/duplicate-point", "citation/symbol-style"]
    );
}
