#![allow(clippy::unwrap_used, clippy::indexing_slicing)] // tests

use super::{parse_symbol, scan_dates};
use crate::Severity;
use crate::validate::SymbolStyle;
use crate::validate::tests::{DOC, run, run_doc, summary};

/// A one-task fragment whose point text is `body`.
fn with(body: &str) -> String {
    format!(
        "I. NHIỆM VỤ\n1. Chung\na) {body}\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Năm 2021.\n"
    )
}

#[test]
fn symbols_split_in_both_styles() {
    let p = parse_symbol("271-KH/TU").unwrap();
    assert_eq!((p.number, p.doc_type, p.issuer), ("271", "KH", "TU"));
    assert_eq!(
        (p.written, p.issuer_style()),
        (SymbolStyle::Party, Some(SymbolStyle::Party))
    );
    let s = parse_symbol("12/QĐ-BNN-TCLN").unwrap();
    assert_eq!((s.doc_type, s.issuer, s.rest), ("QĐ", "BNN", "-TCLN"));
    let law = parse_symbol("20/2023/QH15").unwrap();
    assert_eq!(
        (law.year, law.doc_type, law.issuer),
        (Some("2023"), "", "QH15")
    );
    assert_eq!(law.issuer_style(), Some(SymbolStyle::State));
    assert_eq!(
        parse_symbol("714/QĐ-TTg").unwrap().issuer_style(),
        Some(SymbolStyle::State)
    );
    assert_eq!(
        parse_symbol("5/KH-SKHCN").unwrap().issuer_style(),
        Some(SymbolStyle::State)
    );
    assert_eq!(
        parse_symbol("3-HD/BTGTU").unwrap().issuer_style(),
        Some(SymbolStyle::Party)
    );
    assert_eq!(
        parse_symbol("52-NQ/CP")
            .unwrap()
            .render(SymbolStyle::State)
            .as_deref(),
        Some("52/NQ-CP")
    );
    for bad in ["NQ-CP", "29/NQ/TW", "50/", "1-2-3", "29/20/NQ-TW"] {
        assert!(parse_symbol(bad).is_none(), "{bad}");
    }
}

#[test]
fn well_written_symbols_pass() {
    let t = with(
        "Thực hiện Nghị quyết số 50/NQ-CP ngày 17/4/2020 của Chính phủ, Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị, Kế hoạch số 271-KH/TU của Ban Thường vụ Tỉnh ủy, Nghị định số 45/2025/NĐ-CP, Luật số 20/2023/QH15, Quyết định số 714/QĐ-TTg của Thủ tướng Chính phủ và Quyết định số 12/QĐ-BNN-TCLN.",
    );
    assert_eq!(run(&t), []);
}

#[test]
fn party_symbol_in_state_style() {
    let t =
        with("Thực hiện Nghị quyết số 29/NQ-TW ngày 04/11/2013 của Ban Chấp hành Trung ương Đảng.");
    let d = run(&t);
    assert_eq!(
        summary(&t, &d),
        [(
            "citation/symbol-style",
            Severity::Error,
            "29/NQ-TW",
            3,
            28,
            Some("29-NQ/TW".to_string())
        )]
    );
    assert_eq!(
        d[0].notes[1].en,
        "the cited document is issued by \"Ban Chấp hành Trung ương Đảng\", a Party body, so it takes Party style"
    );
    // Without an issuer in words the code alone decides, with no corroborating note.
    let t = with("Theo Kết luận 50/KL-TW.");
    let d = run(&t);
    assert_eq!(
        summary(&t, &d),
        [(
            "citation/symbol-style",
            Severity::Error,
            "50/KL-TW",
            3,
            18,
            Some("50-KL/TW".to_string())
        )]
    );
    assert_eq!(d[0].notes.len(), 1);
}

#[test]
fn state_symbol_in_party_style() {
    let t = with("Theo Nghị quyết số 17-NQ/CP ngày 07/3/2019 của Chính phủ.");
    let d = run(&t);
    assert_eq!(
        summary(&t, &d),
        [(
            "citation/symbol-style",
            Severity::Error,
            "17-NQ/CP",
            3,
            23,
            Some("17/NQ-CP".to_string())
        )]
    );
    assert!(
        d[0].message
            .vi
            .contains("viết theo kiểu văn bản của Đảng, nhưng \"CP\" là cơ quan nhà nước")
    );
}

#[test]
fn unknown_issuer_code_is_decided_by_the_issuer_words() {
    let t = with("Theo Thông báo số 12/TB-VPBCĐ của Bộ Chính trị.");
    let d = run(&t);
    assert_eq!(
        summary(&t, &d),
        [(
            "citation/symbol-style",
            Severity::Error,
            "12/TB-VPBCĐ",
            3,
            22,
            Some("12-TB/VPBCĐ".to_string())
        )]
    );
    // Unknown code and no issuer: nothing to say.
    assert_eq!(run(&with("Theo Thông báo số 12/TB-VPBCĐ.")), []);
}

#[test]
fn impossible_dates_in_citations_and_text() {
    let t = with(
        "Theo Nghị quyết số 50/NQ-CP ngày 31/2/2020 của Chính phủ, hoàn thành trước ngày 31 tháng 6 năm 2021.",
    );
    let d = run(&t);
    assert_eq!(
        summary(&t, &d),
        [
            (
                "citation/impossible-date",
                Severity::Error,
                "ngày 31/2/2020",
                3,
                32,
                None
            ),
            (
                "citation/impossible-date",
                Severity::Error,
                "ngày 31 tháng 6 năm 2021",
                3,
                79,
                None
            ),
        ]
    );
    assert_eq!(d[0].notes[0].vi, "tháng 2 năm 2020 chỉ có 29 ngày");
    assert_eq!(d[1].notes[0].en, "month 6 of 2021 has only 30 days");
    // Leap years, and dates in field values.
    assert_eq!(run(&with("Từ ngày 29/2/2020.")), []);
    let t = "I. NHIỆM VỤ\n1. Chung\na) Một.\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Trước ngày 29/02/2021.\n";
    // The timeframe grammar also refuses the date (timeframe/unrecognized); only citations here.
    let citation_only: Vec<_> = run(t)
        .into_iter()
        .filter(|d| d.code.starts_with("citation/"))
        .collect();
    assert_eq!(
        summary(t, &citation_only),
        [(
            "citation/impossible-date",
            Severity::Error,
            "ngày 29/02/2021",
            5,
            30,
            None
        )]
    );
    let t = with("Trước ngày 15/13/2021.");
    let d = run(&t);
    assert_eq!(d[0].notes[0].vi, "không có tháng 13");
}

#[test]
fn date_scanner() {
    let s = "Ngày 7/3/2019, NGÀY 07 THÁNG 03 NĂM 2019, ngày 1.2.2020 và ngày 5 tháng 6; bangày 1/1/2020";
    let found: Vec<_> = scan_dates(s)
        .iter()
        .map(|f| (f.day, f.month, f.year))
        .collect();
    assert_eq!(found, [(7, 3, 2019), (7, 3, 2019), (1, 2, 2020)]);
}

#[test]
fn cited_after_the_plan() {
    let t = DOC.replace(
        "a) Tổ chức quán triệt.",
        "a) Tổ chức quán triệt Quyết định số 99/QĐ-UBND ngày 20/6/2020 của UBND tỉnh.",
    );
    let d = run_doc(&t);
    assert_eq!(
        summary(&t, &d),
        [(
            "citation/after-plan",
            Severity::Warning,
            "ngày 20/6/2020",
            16,
            48,
            None
        )]
    );
    assert_eq!(
        d[0].message.vi,
        "văn bản \"99/QĐ-UBND\" được dẫn với ngày 20/6/2020, sau ngày ban hành kế hoạch (18/5/2020): kiểm tra lại ngày hoặc số ký hiệu"
    );
    assert_eq!(d[0].labels[0].span.line, 6);
    // Dated on or before the plan's date: fine.
    let t = DOC.replace(
        "a) Tổ chức quán triệt.",
        "a) Tổ chức quán triệt Quyết định số 99/QĐ-UBND ngày 18/5/2020 của UBND tỉnh.",
    );
    assert_eq!(run_doc(&t), []);
}
