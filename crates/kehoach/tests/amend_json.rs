//! Amendments from JSON on the seed plan: the four done-criteria operations, atomic failure,
//! and every diagnostic code.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests

use kehoach::amend::{Amendment, AmendmentResult, apply};
use kehoach::{Plan, SEED_PLAN};

fn seed() -> Plan {
    kehoach::parse(SEED_PLAN).plan
}

fn amend(plan: &Plan, json: &str) -> AmendmentResult {
    let a: Amendment = serde_json::from_str(json).unwrap();
    apply(plan, &a)
}

fn ops(ops: &str) -> String {
    format!(r#"{{ "symbol": "35/KH-UBND", "date": "2021-03-01", "operations": [{ops}] }}"#)
}

#[test]
fn repeal_ii_3_b() {
    let plan = seed();
    let r = amend(&plan, &ops(r#"{ "op": "repeal", "target": "II.3.b" }"#));
    assert!(r.applied, "{:?}", r.diagnostics);
    assert_eq!(r.changes.len(), 1);
    let c = &r.changes[0];
    assert_eq!(
        (c.op.as_str(), c.eid.as_str(), c.number.as_str()),
        ("repeal", "sec_II__para_3__point_b", "II.3.b")
    );
    assert!(
        c.before
            .as_ref()
            .unwrap()
            .text()
            .starts_with("Nâng cấp, cập nhật Kiến trúc")
    );
    assert!(c.after.is_none());
    assert!(r.plan.find_number("II.3.b").is_empty());
    assert_eq!(r.plan.tasks().len(), plan.tasks().len() - 1);
    // untouched neighbours keep their ids and numbers
    assert_eq!(
        r.plan.find_eid("sec_II__para_3__point_c").unwrap().number,
        "II.3.c"
    );
}

#[test]
fn substitute_timeframe_of_ii_6_c() {
    let plan = seed();
    let r = amend(
        &plan,
        &ops(
            r#"{ "op": "substitute", "target": { "number": "II.6.c" }, "timeframe": "Năm 2021 - 2027." }"#,
        ),
    );
    assert!(r.applied, "{:?}", r.diagnostics);
    let u = r.plan.find_eid("sec_II__para_6__point_c").unwrap();
    assert_eq!(u.timeframe.as_ref().unwrap().text, "Năm 2021 - 2027.");
    let tf_block = u
        .blocks
        .iter()
        .find(|b| b.label.as_deref() == Some("Thời gian thực hiện"))
        .unwrap();
    assert_eq!(tf_block.text, "Năm 2021 - 2027.");
    assert_eq!(u.leads.as_ref().unwrap().text, "Sở Công Thương.");
    let before = r.changes[0].before.as_ref().unwrap();
    assert_eq!(before.timeframe.as_ref().unwrap().text, "Năm 2021- 2025.");
}

#[test]
fn insert_point_g_after_ii_8_e() {
    let plan = seed();
    let r = amend(
        &plan,
        &ops(r#"{ "op": "insert", "after": "II.8.e", "number": "g",
                 "text": "Xây dựng nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh.\n- Cơ quan chủ trì: Sở Thông tin và Truyền thông.\n- Thời gian thực hiện: Năm 2022." }"#),
    );
    assert!(r.applied, "{:?}", r.diagnostics);
    let u = r.plan.find_number("II.8.g");
    assert_eq!(u.len(), 1);
    let u = u[0];
    assert_eq!(u.eid, "sec_II__para_8__point_g");
    assert_eq!(
        u.leads.as_ref().unwrap().text,
        "Sở Thông tin và Truyền thông."
    );
    assert_eq!(u.timeframe.as_ref().unwrap().text, "Năm 2022.");
    assert_eq!(u.span, kehoach::Span::default());
    let part8 = r.plan.find_eid("sec_II__para_8").unwrap();
    let nums: Vec<&str> = part8.children.iter().map(|c| c.num.as_str()).collect();
    assert_eq!(nums, ["a", "b", "c", "d", "đ", "e", "g"]);
    assert_eq!(r.plan.tasks().len(), plan.tasks().len() + 1);
}

#[test]
fn insert_without_number_follows_the_inserted_unit_rule() {
    let plan = seed();
    let r = amend(
        &plan,
        &ops(
            r#"{ "op": "insert", "after": "II.8.đ", "text": "Làm mới.\n- Cơ quan chủ trì: Sở Nội vụ.\n- Thời gian thực hiện: Năm 2022." }"#,
        ),
    );
    assert!(r.applied, "{:?}", r.diagnostics);
    assert_eq!(r.changes[0].number, "II.8.đ1");
    assert_eq!(r.changes[0].eid, "sec_II__para_8__point_dd1");
}

#[test]
fn renumber_second_ii_2_d_to_dd() {
    let plan = seed();
    let r = amend(
        &plan,
        &ops(
            r#"{ "op": "renumber", "target": { "eid": "sec_II__para_2__point_d_2" }, "to": "đ" }"#,
        ),
    );
    assert!(r.applied, "{:?}", r.diagnostics);
    let u = r.plan.find_eid("sec_II__para_2__point_dd").unwrap();
    assert_eq!((u.num.as_str(), u.number.as_str()), ("đ", "II.2.đ"));
    assert_eq!(u.w_id.as_deref(), Some("sec_II__para_2__point_d_2"));
    assert!(r.plan.find_eid("sec_II__para_2__point_d_2").is_none());
    assert_eq!(r.plan.find_number("II.2.d").len(), 1);
    // by occurrence, same result
    let r2 = amend(
        &plan,
        &ops(
            r#"{ "op": "renumber", "target": { "number": "II.2.d", "occurrence": 2 }, "to": "đ" }"#,
        ),
    );
    assert_eq!(r2.plan, r.plan);
}

#[test]
fn one_bad_operation_changes_nothing_and_is_reported() {
    let plan = seed();
    let r = amend(
        &plan,
        &ops(r#"{ "op": "repeal", "target": "II.3.b" },
                { "op": "substitute", "target": "II.6.c", "timeframe": "Năm 2021 - 2027." },
                { "op": "repeal", "target": "II.9.a" },
                { "op": "insert", "after": "II.8.e", "number": "h", "text": "X.\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Năm 2022." }"#),
    );
    assert!(!r.applied);
    assert_eq!(r.plan, plan);
    assert!(r.changes.is_empty());
    assert_eq!(
        r.codes(),
        ["amend/target-not-found", "amend/invalid-number"]
    );
    assert!(
        r.diagnostics[0]
            .message
            .en
            .starts_with("operation 3: II.9.a not found"),
        "{}",
        r.diagnostics[0].message.en
    );
}

#[test]
fn each_problem_has_its_code() {
    let plan = seed();
    let case = |o: &str| amend(&plan, &ops(o)).codes();
    assert_eq!(
        case(r#"{ "op": "repeal", "target": "II.2.d" }"#),
        ["amend/ambiguous-target"]
    );
    assert_eq!(
        case(
            r#"{ "op": "insert", "after": "II.8.d", "number": "e", "text": "X.\n- Cơ quan chủ trì: A.\n- Thời gian: Năm 2022." }"#
        ),
        ["amend/number-taken"]
    );
    assert_eq!(
        case(
            r#"{ "op": "insert", "after": "II.8.e", "number": "f", "text": "X.\n- Cơ quan chủ trì: A.\n- Thời gian: Năm 2022." }"#
        ),
        ["amend/invalid-number"]
    );
    assert_eq!(
        case(
            r#"{ "op": "insert", "after": "II.8.e", "number": "g", "text": "X.\n- Cơ quan chủ trì: A." }"#
        ),
        ["amend/task-incomplete"]
    );
    assert_eq!(
        case(
            r#"{ "op": "replacePhrase", "target": "II.6.c", "find": "Sở Công Thương.", "replace": "" }"#
        ),
        ["amend/task-incomplete"]
    );
    assert_eq!(
        case(
            r#"{ "op": "correct", "target": "II.4.đ", "find": "cạch tranh", "replace": "cạnh tranh" }"#
        ),
        Vec::<&str>::new()
    );
    assert_eq!(
        case(
            r#"{ "op": "correct", "target": "II.6.c", "find": "2021- 2025", "replace": "2021- 2027" }"#
        ),
        ["amend/correction-changes-content"]
    );
    assert_eq!(
        case(
            r#"{ "op": "correct", "target": "II.6.c", "find": "Sở Công Thương", "replace": "Sở Tài chính" }"#
        ),
        ["amend/correction-changes-content"]
    );
    assert_eq!(
        case(
            r#"{ "op": "replacePhrase", "target": "II.6.c", "find": "không có", "replace": "x" }"#
        ),
        ["amend/phrase-not-found"]
    );
    assert_eq!(
        case(r#"{ "op": "substitute", "target": "II.6.c" }"#),
        ["amend/invalid-operation"]
    );
    assert_eq!(
        case(r#"{ "op": "renumber", "target": "II.6.c", "to": "d" }"#),
        ["amend/number-taken"]
    );
    let early = r#"{ "symbol": "1/KH", "date": "2019-01-01", "operations": [{ "op": "repeal", "target": "II.3.b" }] }"#;
    assert_eq!(amend(&plan, early).codes(), ["amend/before-plan"]);
    let empty = r#"{ "symbol": "1/KH", "date": "2021-01-01", "operations": [] }"#;
    assert_eq!(amend(&plan, empty).codes(), ["amend/empty"]);
}

#[test]
fn correct_fixes_a_typo_and_keeps_everything_else() {
    let plan = seed();
    let r = amend(
        &plan,
        &ops(
            r#"{ "op": "correct", "target": "II.4.đ", "find": "cạch tranh", "replace": "cạnh tranh" }"#,
        ),
    );
    assert!(r.applied);
    let u = r.plan.find_eid("sec_II__para_4__point_dd").unwrap();
    assert!(u.text().ends_with("sức cạnh tranh."), "{}", u.text());
    assert_eq!(u.leads.as_ref().unwrap().text, "Sở Khoa học và Công nghệ.");
}

#[test]
fn whole_unit_substitute_keeps_id_and_number() {
    let plan = seed();
    let r = amend(
        &plan,
        &ops(
            r#"{ "op": "substitute", "target": "II.6.c", "unit": "c) Xây dựng Kế hoạch thương mại điện tử giai đoạn 2026-2030.\n- Cơ quan chủ trì: Sở Công Thương.\n- Thời gian thực hiện: Năm 2026 - 2030." }"#,
        ),
    );
    assert!(r.applied, "{:?}", r.diagnostics);
    let u = r.plan.find_eid("sec_II__para_6__point_c").unwrap();
    assert_eq!(u.number, "II.6.c");
    assert_eq!(
        u.text(),
        "Xây dựng Kế hoạch thương mại điện tử giai đoạn 2026-2030."
    );
    assert_eq!(u.timeframe.as_ref().unwrap().text, "Năm 2026 - 2030.");
}

#[test]
fn result_json_shape() {
    let plan = seed();
    let r = amend(&plan, &ops(r#"{ "op": "repeal", "target": "II.3.b" }"#));
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["applied"], true);
    assert_eq!(v["changes"][0]["op"], "repeal");
    assert_eq!(v["changes"][0]["eid"], "sec_II__para_3__point_b");
    assert_eq!(v["changes"][0]["number"], "II.3.b");
    assert!(v["changes"][0].get("after").is_none());
    assert!(v["plan"]["body"].is_array());
    assert!(v["diagnostics"].as_array().unwrap().is_empty());
}
