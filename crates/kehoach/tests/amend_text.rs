//! Vietnamese amendment instructions on the seed plan: each done-criteria operation from the
//! standard wording gives the same plan as its JSON form; unreadable wording is located.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests

use kehoach::amend::{Operation, Target, amend_text, parse_instructions};
use kehoach::{Plan, SEED_PLAN};

fn seed() -> Plan {
    kehoach::parse(SEED_PLAN).plan
}

fn same_as_json(text: &str, json_ops: &str) -> kehoach::amend::AmendmentResult {
    let plan = seed();
    let t = amend_text(&plan, text);
    assert!(t.applied, "{text}: {:#?}", t.diagnostics);
    let j = amend_text(
        &plan,
        &format!(r#"{{ "symbol": "35/KH-UBND", "operations": [{json_ops}] }}"#),
    );
    assert!(j.applied, "{:#?}", j.diagnostics);
    assert_eq!(
        kehoach::document::content_json(&t.plan),
        kehoach::document::content_json(&j.plan),
        "{text}"
    );
    assert_eq!(t.changes.len(), j.changes.len());
    for (a, b) in t.changes.iter().zip(&j.changes) {
        assert_eq!((&a.op, &a.eid, &a.number), (&b.op, &b.eid, &b.number));
    }
    t
}

#[test]
fn repeal_from_wording() {
    let r = same_as_json(
        "Bãi bỏ điểm b khoản 3 Mục II.",
        r#"{ "op": "repeal", "target": "II.3.b" }"#,
    );
    assert_eq!(r.changes[0].eid, "sec_II__para_3__point_b");
    assert_eq!(r.changes[0].op, "repeal");
    let a = r.amendment.unwrap();
    assert_eq!(
        a.operations,
        [Operation::Repeal {
            target: Target::number("II.3.b")
        }]
    );
}

#[test]
fn substitute_timeframe_from_wording() {
    for text in [
        "Sửa đổi thời gian thực hiện tại điểm c khoản 6 Mục II như sau: “Năm 2021 - 2027.”",
        "Sửa đổi, bổ sung điểm c khoản 6 Mục II như sau:\n“- Thời gian thực hiện: Năm 2021 - 2027.”",
        "Điều chỉnh thời gian thực hiện của điểm c khoản 6 Mục II như sau: Năm 2021 - 2027.",
    ] {
        let r = same_as_json(
            text,
            r#"{ "op": "substitute", "target": "II.6.c", "timeframe": "Năm 2021 - 2027." }"#,
        );
        let u = r.plan.find_eid("sec_II__para_6__point_c").unwrap();
        assert_eq!(u.timeframe.as_ref().unwrap().text, "Năm 2021 - 2027.");
    }
}

#[test]
fn insert_from_wording() {
    let text = "Bổ sung điểm g vào sau điểm e khoản 8 Mục II như sau:\n“g) Xây dựng nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh.\n- Cơ quan chủ trì: Sở Thông tin và Truyền thông.\n- Thời gian thực hiện: Năm 2022.”";
    let r = same_as_json(
        text,
        r#"{ "op": "insert", "after": "II.8.e", "number": "g", "text": "Xây dựng nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh.\n- Cơ quan chủ trì: Sở Thông tin và Truyền thông.\n- Thời gian thực hiện: Năm 2022." }"#,
    );
    let u = r.plan.find_eid("sec_II__para_8__point_g").unwrap();
    assert_eq!(u.number, "II.8.g");
    // new units point at the instruction in the amendment text
    assert_eq!((u.span.start, u.span.end as usize), (0, text.len()));
    assert_eq!(u.span.line, 1);
}

#[test]
fn renumber_from_wording() {
    let r = same_as_json(
        "Đánh số lại điểm d thứ hai khoản 2 Mục II thành điểm đ.",
        r#"{ "op": "renumber", "target": { "eid": "sec_II__para_2__point_d_2" }, "to": "đ" }"#,
    );
    let u = r.plan.find_eid("sec_II__para_2__point_dd").unwrap();
    assert_eq!(u.w_id.as_deref(), Some("sec_II__para_2__point_d_2"));
}

#[test]
fn phrases_from_wording() {
    same_as_json(
        "Bỏ cụm từ “và các tổ chức cá nhân liên quan” tại điểm a khoản 1 Mục II.",
        r#"{ "op": "replacePhrase", "target": "II.1.a", "find": "và các tổ chức cá nhân liên quan", "replace": "" }"#,
    );
    same_as_json(
        "Thay cụm từ “Sở Công Thương” bằng cụm từ “Sở Công Thương, Sở Tài chính” tại điểm c khoản 6 Mục II.",
        r#"{ "op": "replacePhrase", "target": "II.6.c", "find": "Sở Công Thương", "replace": "Sở Công Thương, Sở Tài chính" }"#,
    );
    same_as_json(
        "Đính chính cụm từ “cạch tranh” thành “cạnh tranh” tại điểm đ khoản 4 Mục II.",
        r#"{ "op": "correct", "target": "II.4.đ", "find": "cạch tranh", "replace": "cạnh tranh" }"#,
    );
}

#[test]
fn a_whole_decision_with_header_lead_in_and_several_instructions() {
    let text = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nSố: 35/KH-UBND\nQuảng Ngãi, ngày 01 tháng 3 năm 2021\n\nĐiều 1. Sửa đổi, bổ sung một số nội dung của Kế hoạch số 66/KH-UBND ngày 18/5/2020 như sau:\n1. Bãi bỏ điểm b khoản 3, điểm d khoản 8 Mục II.\n2. Sửa đổi thời gian thực hiện tại điểm c khoản 6 Mục II như sau: “Năm 2021 - 2027.”\n3. Bổ sung điểm g vào sau điểm e khoản 8 Mục II như sau:\n“g) Xây dựng nền tảng dữ liệu.\n- Cơ quan chủ trì: Sở Thông tin và Truyền thông.\n- Thời gian thực hiện: Năm 2022.”\nĐiều 2. Kế hoạch này có hiệu lực kể từ ngày 15/3/2021.\n";
    let p = parse_instructions(text);
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);
    let a = &p.amendment;
    assert_eq!(a.symbol, "35/KH-UBND");
    assert_eq!(a.date.unwrap().to_string(), "2021-03-01");
    assert_eq!(a.effective.unwrap().to_string(), "2021-03-15");
    assert_eq!(a.operations.len(), 4);
    assert_eq!(
        a.operations[1],
        Operation::Repeal {
            target: Target::number("II.8.d")
        }
    );
    let line2 = &text[p.spans[0].start as usize..p.spans[0].end as usize];
    assert_eq!(line2, "Bãi bỏ điểm b khoản 3, điểm d khoản 8 Mục II.");
    let r = amend_text(&seed(), text);
    assert!(r.applied, "{:#?}", r.diagnostics);
    assert_eq!(r.changes.len(), 4);
}

#[test]
fn unreadable_wording_is_located_never_guessed() {
    let plan = seed();
    let text = "Bãi bỏ điểm b khoản 3 Mục II.\nSửa lại điểm c khoản 6 cho phù hợp.\nBãi bỏ toàn bộ phần còn lại.";
    let r = amend_text(&plan, text);
    assert!(!r.applied);
    assert_eq!(r.plan, plan);
    assert_eq!(
        r.codes(),
        [
            "amend/unrecognized-instruction",
            "amend/unrecognized-instruction"
        ]
    );
    let s = r.diagnostics[0].span;
    assert_eq!((s.line, s.column), (2, 1));
    assert_eq!(
        &text[s.start as usize..s.end as usize],
        "Sửa lại điểm c khoản 6 cho phù hợp."
    );
    assert_eq!(r.diagnostics[1].span.line, 3);
    // a line naming a unit before the first instruction is not skipped as header
    let r = amend_text(
        &plan,
        "Quảng Ngãi, ngày 01 tháng 3 năm 2021\nSửa lại điểm b khoản 3 Mục II.\nBãi bỏ điểm c khoản 3 Mục II.",
    );
    assert_eq!(r.codes(), ["amend/unrecognized-instruction"]);
    assert_eq!(r.diagnostics[0].span.line, 2);
    // unclosed quote, missing body, bad JSON
    assert_eq!(
        amend_text(&plan, "Sửa đổi điểm c khoản 6 Mục II như sau: “Năm 2021").codes(),
        ["amend/unrecognized-instruction"]
    );
    assert_eq!(
        amend_text(&plan, "Bổ sung điểm g vào sau điểm e khoản 8 Mục II.").codes(),
        ["amend/unrecognized-instruction"]
    );
    let bad = amend_text(&plan, "{ \"operations\": [ { \"op\": \"explode\" } ] }");
    assert_eq!(bad.codes(), ["amend/invalid-json"]);
    assert_eq!(bad.diagnostics[0].span.line, 1);
}

/// The two sentences of issue 21's "Why", as decisions print them.
#[test]
fn a_quoted_point_on_one_line_and_a_designation_corrected() {
    // The quoted fields are labels inside one line (`source: inline`), else as the JSON form.
    let t = amend_text(
        &seed(),
        "Bổ sung điểm g vào sau điểm e khoản 8 Mục II như sau: “g) Tổ chức đánh giá kết quả chuyển đổi số. - Cơ quan chủ trì: Sở Nội vụ. - Thời gian thực hiện: Năm 2027.”",
    );
    assert!(t.applied, "{:#?}", t.diagnostics);
    assert_eq!(t.changes[0].number, "II.8.g");
    let tasks = t.plan.tasks();
    let g = tasks.iter().find(|u| u.number == "II.8.g").unwrap();
    assert_eq!(g.leads.as_ref().unwrap().agencies[0].name, "Sở Nội vụ");
    assert_eq!(g.timeframe.as_ref().unwrap().text, "Năm 2027.");
    // The seed has two points "d" in II.2: the second one becomes "đ".
    let t = same_as_json(
        "Sửa ký hiệu điểm d thứ hai của khoản 2 Mục II thành điểm đ.",
        r#"{ "op": "renumber", "target": { "number": "II.2.d", "occurrence": 2 }, "to": "đ" }"#,
    );
    // The change names the unit as it is now; its old id stays as `wId`.
    assert_eq!(t.changes[0].eid, "sec_II__para_2__point_dd");
    assert_eq!(t.changes[0].number, "II.2.đ");
    let after = t.changes[0].after.as_ref().unwrap();
    assert_eq!(after.w_id.as_deref(), Some("sec_II__para_2__point_d_2"));
    let p = parse_instructions("Điều chỉnh số thứ tự khoản 5 Mục III thành khoản 4.");
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);
    assert_eq!(
        p.amendment.operations,
        [Operation::Renumber {
            target: Target::number("III.5"),
            to: "4".into()
        }]
    );
}

/// "… trong toàn bộ Kế hoạch", "… tại Kế hoạch số …": a phrase operation over the whole plan.
#[test]
fn phrases_replaced_in_the_whole_plan() {
    let t = same_as_json(
        "Thay thế cụm từ “Sở Thông tin và Truyền thông” bằng cụm từ “Sở Khoa học và Công nghệ” trong toàn bộ Kế hoạch.",
        r#"{ "op": "replacePhrase", "target": "", "find": "Sở Thông tin và Truyền thông", "replace": "Sở Khoa học và Công nghệ" }"#,
    );
    // Each section that had the phrase is one change (the seed names the Sở only in II); the
    // others are untouched.
    assert_eq!(
        t.changes
            .iter()
            .map(|c| c.number.as_str())
            .collect::<Vec<_>>(),
        ["II"]
    );
    let leads: Vec<String> = t
        .plan
        .tasks()
        .iter()
        .filter_map(|u| u.leads.as_ref().map(|l| l.text.to_string()))
        .collect();
    assert!(
        !leads
            .iter()
            .any(|l| l.contains("Thông tin và Truyền thông"))
    );
    let p = parse_instructions(
        "Bãi bỏ cụm từ “thị xã,” tại Kế hoạch số 66/KH-UBND ngày 18/5/2020 của UBND tỉnh.",
    );
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);
    assert_eq!(
        p.amendment.operations,
        [Operation::ReplacePhrase {
            target: Target::whole_plan(),
            find: "thị xã,".into(),
            replace: String::new(),
            heading_only: false,
        }]
    );
    // A phrase the plan does not have, and a unit operation on the whole plan: refused, located.
    let r = amend_text(
        &seed(),
        "Thay thế cụm từ “Sở Du lịch” bằng cụm từ “Sở Văn hóa” trong toàn bộ Kế hoạch.",
    );
    assert!(!r.applied);
    assert_eq!(r.diagnostics[0].code, "amend/phrase-not-found");
    let r = amend_text(
        &seed(),
        r#"{ "operations": [{ "op": "repeal", "target": "" }] }"#,
    );
    assert!(!r.applied);
    assert_eq!(r.diagnostics[0].code, "amend/invalid-operation");
}

/// Forms of real amending documents: each phrase with its own units; a unit inserted into the
/// unit named after its number.
#[test]
fn phrases_with_their_own_units_and_an_insertion_into_a_unit() {
    let p = parse_instructions(
        "Bỏ các cụm từ: “huyện đảo” tại điểm a khoản 1 Mục II; “cấp huyện” tại khoản 2 Mục II, khoản 3 Mục II.",
    );
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);
    let removal = |find: &str, path: &str| Operation::ReplacePhrase {
        target: Target::number(path),
        find: find.into(),
        replace: String::new(),
        heading_only: false,
    };
    assert_eq!(
        p.amendment.operations,
        [
            removal("huyện đảo", "II.1.a"),
            removal("cấp huyện", "II.2"),
            removal("cấp huyện", "II.3"),
        ]
    );
    let p = parse_instructions("Bổ sung khoản 9 Mục II như sau: “9. Chuyển đổi số cấp xã.”");
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);
    assert!(matches!(
        &p.amendment.operations[0],
        Operation::Insert { into: Some(t), number: Some(n), .. } if *t == Target::number("II") && n == "9"
    ));
}

#[test]
fn a_phrase_in_a_units_name_only() {
    // "tại tên Mục II": the heading changes, the same words in the section's text do not.
    let r = same_as_json(
        "Thay thế cụm từ “GIẢI PHÁP” bằng cụm từ “GIẢI PHÁP CHỦ YẾU” tại tên Mục II.",
        r#"{ "op": "replacePhrase", "target": "II", "find": "GIẢI PHÁP", "replace": "GIẢI PHÁP CHỦ YẾU", "headingOnly": true }"#,
    );
    let ii = r.plan.body.iter().find(|u| u.number == "II").unwrap();
    assert_eq!(
        ii.heading.as_ref().unwrap().text,
        "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU THỰC HIỆN"
    );
    assert_eq!(r.changes.len(), 1);
    assert_eq!(r.changes[0].number, "II");
    assert_eq!(
        kehoach::amend::address_of(&r.amendment.unwrap().operations[0]),
        "tên Mục II"
    );
    // A name that lacks the phrase is located; "tên" with a unit operation is not read.
    let miss = amend_text(
        &seed(),
        "Thay thế cụm từ “Sở Y tế” bằng cụm từ “Sở Nội vụ” tại tên Mục II.",
    );
    assert!(!miss.applied);
    assert_eq!(miss.diagnostics[0].code, "amend/phrase-not-found");
    let p = parse_instructions("Bãi bỏ tên Mục II.");
    assert!(p.amendment.operations.is_empty());
    assert_eq!(p.diagnostics[0].code, "amend/unrecognized-instruction");
}

#[test]
fn lead_ins_give_their_items_a_unit_and_a_verb() {
    let p = parse_instructions(
        "Điều 1. Sửa đổi, bổ sung một số nội dung của Mục II như sau:\n\
         1. Sửa đổi thời gian thực hiện tại điểm c khoản 6 như sau: “Năm 2021 - 2027.”\n\
         2. Bãi bỏ một số điểm sau đây:\n\
         a) điểm b khoản 3;\n\
         b) điểm d khoản 8.\n\
         Điều 2. Bãi bỏ điểm a khoản 1 Mục III.",
    );
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);
    let targets: Vec<String> = p
        .amendment
        .operations
        .iter()
        .map(kehoach::amend::address_of)
        .collect();
    assert_eq!(
        targets,
        [
            "điểm c khoản 6 Mục II",
            "điểm b khoản 3 Mục II",
            "điểm d khoản 8 Mục II",
            "điểm a khoản 1 Mục III"
        ]
    );
    assert!(matches!(
        &p.amendment.operations[1],
        Operation::Repeal { target } if *target == Target::number("II.3.b")
    ));
    // The spans point at the items themselves.
    assert_eq!(p.spans[1].line, 4);
    assert_eq!(p.spans[3].line, 6);
}

#[test]
fn a_plan_replaced_as_a_whole() {
    // The new plan names the old one; the sentence read alone is a replacePlan, which no
    // amendment can apply: the new plan is read instead.
    let p = parse_instructions(
        "(Kế hoạch này thay thế Kế hoạch số 076/KH-UBND ngày 30/8/2025 của Ủy ban nhân dân tỉnh Cà Mau)./.",
    );
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);
    assert_eq!(
        p.amendment.operations,
        [Operation::ReplacePlan {
            replaced: "076/KH-UBND".into()
        }]
    );
    let r = amend_text(&seed(), "Kế hoạch này thay thế Kế hoạch số 66/KH-UBND.");
    assert!(!r.applied);
    assert_eq!(r.diagnostics[0].code, "amend/plan-replaced");
    assert!(
        r.diagnostics[0]
            .message
            .vi
            .contains("Kế hoạch số 66/KH-UBND được thay thế toàn bộ")
    );
    // A sentence that only mentions a replacement is not one.
    let q = parse_instructions("Thay thế Kế hoạch số 12/KH-UBND bằng Kế hoạch này.");
    assert!(q.amendment.operations.is_empty());
    // The new plan itself records what it replaces.
    let plan = kehoach::parse(
        "KẾ HOẠCH\nI. NHIỆM VỤ\n1. Rà soát quy hoạch.\n- Cơ quan chủ trì: Sở Nội vụ.\n- Thời gian thực hiện: Năm 2026.\n(Kế hoạch này thay thế Kế hoạch số 076/KH-UBND ngày 30/8/2025 của Ủy ban nhân dân tỉnh Cà Mau)./.",
    )
    .plan;
    let replaced: Vec<&str> = plan
        .meta
        .replaces
        .iter()
        .map(|c| c.symbol.as_str())
        .collect();
    assert_eq!(replaced, ["076/KH-UBND"]);
    assert_eq!(
        plan.meta.replaces[0].date.unwrap().to_string(),
        "2025-08-30"
    );
}

#[test]
fn addresses_inside_the_plans_appendix() {
    let text = "KẾ HOẠCH\nI. NHIỆM VỤ\n1. Rà soát quy hoạch.\n- Cơ quan chủ trì: Sở Nội vụ.\n- Thời gian thực hiện: Năm 2026.\nPHỤ LỤC II\nDANH MỤC NHIỆM VỤ\n1. Xây dựng cơ sở dữ liệu.\n- Cơ quan chủ trì: Sở Tài chính.\n- Thời gian thực hiện: Năm 2027.\n";
    let plan = kehoach::parse(text).plan;
    // The only appendix is numbered PL; "Phụ lục II" is it, "Phụ lục I" is not.
    let r = amend_text(
        &plan,
        "Thay thế cụm từ “Sở Tài chính” bằng cụm từ “Sở Nội vụ” tại khoản 1 Phụ lục II.",
    );
    assert!(r.applied, "{:#?}", r.diagnostics);
    assert_eq!(r.changes[0].number, "PL.1");
    let task = r
        .plan
        .tasks()
        .into_iter()
        .find(|t| t.number == "PL.1")
        .unwrap();
    assert_eq!(task.leads.as_ref().unwrap().text, "Sở Nội vụ.");
    let miss = amend_text(&plan, "Bãi bỏ khoản 1 Phụ lục I.");
    assert!(!miss.applied);
    assert_eq!(miss.diagnostics[0].code, "amend/target-not-found");
}

#[test]
fn an_amending_decision_with_its_title_and_article_lead_ins() {
    let p = parse_instructions(
        "ỦY BAN NHÂN DÂN TỈNH SƠN LA\nSố: 12/QĐ-UBND\nSơn La, ngày 02 tháng 3 năm 2026\nQUYẾT ĐỊNH\n\
         Sửa đổi, bổ sung Kế hoạch ban hành kèm theo Quyết định số 254/QĐ-UBND\n\
         Điều 1. Sửa đổi, bổ sung một số nội dung của Kế hoạch ban hành kèm theo Quyết định số 254/QĐ-UBND ngày 15/02/2023 như sau:\n\
         1. Sửa đổi, bổ sung một số điểm của khoản 1 Mục II như sau:\n\
         a) Thay thế cụm từ “Sở Thông tin và Truyền thông” bằng cụm từ “Sở Khoa học và Công nghệ” tại điểm a.\n\
         b) Bổ sung điểm a1 vào sau điểm a như sau: “a1) Rà soát danh mục bí mật nhà nước. - Cơ quan chủ trì: Công an tỉnh. - Thời gian thực hiện: Năm 2026.”\n\
         2. Bãi bỏ khoản 7 Mục II.\n\
         Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
    );
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);
    assert_eq!(p.amendment.symbol, "12/QĐ-UBND");
    assert_eq!(p.amendment.date.unwrap().to_string(), "2026-03-02");
    assert_eq!(p.amendment.effective, p.amendment.date);
    let addresses: Vec<String> = p
        .amendment
        .operations
        .iter()
        .map(kehoach::amend::address_of)
        .collect();
    assert_eq!(
        addresses,
        [
            "điểm a khoản 1 Mục II",
            "vào sau điểm a khoản 1 Mục II",
            "khoản 7 Mục II"
        ]
    );
}

#[test]
fn a_correction_notice_with_its_closing_article_and_recipients() {
    // A whole "Quyết định đính chính": the passage as printed and as corrected, an effective-date
    // article, the article that says who carries it out, and the recipients: only the
    // correction is an operation, and nothing else is reported.
    let text = "Số: 20/QĐ-UBND\nQuảng Ngãi, ngày 02 tháng 6 năm 2020\nQUYẾT ĐỊNH\n\
        Đính chính Kế hoạch số 66/KH-UBND ngày 18/5/2020\n\
        Điều 1. Đính chính lỗi kỹ thuật tại Kế hoạch số 66/KH-UBND như sau:\n\
        1. Tại điểm c khoản 1 Mục II đã in: “Cuộc cách mạng Công nghiệp lần thứ 4...”\n\
        Nay sửa thành: “Cuộc Cách mạng công nghiệp lần thứ 4...”\n\
        Điều 2. Hiệu lực thi hành\n\
        Quyết định này có hiệu lực kể từ ngày ký.\n\
        Điều 3. Tổ chức thực hiện\n\
        Chánh Văn phòng UBND tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.\n\
        Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.";
    let p = parse_instructions(text);
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);
    assert_eq!(
        p.amendment.operations,
        [Operation::Correct {
            target: Target::number("II.1.c"),
            find: "Cuộc cách mạng Công nghiệp lần thứ 4".into(),
            replace: "Cuộc Cách mạng công nghiệp lần thứ 4".into(),
            heading_only: false,
        }]
    );
    assert_eq!(p.amendment.effective.unwrap().to_string(), "2020-06-02");
    let r = amend_text(&seed(), text);
    assert!(r.applied, "{:#?}", r.diagnostics);
    assert_eq!(r.changes[0].number, "II.1.c");
    // A line in a plain article that names a unit is still reported.
    let q = parse_instructions(
        "Điều 1. Bãi bỏ điểm b khoản 3 Mục II.\nĐiều 2. Tổ chức thực hiện\nCác sở thực hiện điểm c khoản 3 Mục II.",
    );
    assert_eq!(q.amendment.operations.len(), 1);
    assert_eq!(q.diagnostics[0].code, "amend/unrecognized-instruction");
    assert_eq!(q.diagnostics[0].span.line, 3);
}
