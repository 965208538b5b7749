//! The testing helpers as a portal team would use them, and their failure messages.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests

use kehoach::testing::{
    assert_amendment_applies, assert_amendment_fails_with, check_invariants, numbering_problems,
};

fn seed() -> kehoach::Plan {
    kehoach::parse(kehoach::SEED_PLAN).plan
}

#[test]
fn a_clean_amendment_passes() {
    let plan = seed();
    let r = assert_amendment_applies(
        &plan,
        "Bổ sung điểm g vào sau điểm e khoản 8 Mục II như sau:\n“g) Xây dựng nền tảng dữ liệu.\n- Cơ quan chủ trì: Sở Thông tin và Truyền thông.\n- Thời gian thực hiện: Năm 2022.”",
    );
    check_invariants(&plan, &r).unwrap();
}

#[test]
fn failure_messages_show_diagnostics_and_diff() {
    let plan = seed();
    let msg = std::panic::catch_unwind(|| {
        assert_amendment_applies(&plan, "Bãi bỏ điểm d khoản 2 Mục II.");
    })
    .unwrap_err();
    let msg = msg.downcast_ref::<String>().unwrap();
    assert!(msg.contains("not applied (the plan is unchanged)"), "{msg}");
    assert!(
        msg.contains("1:1: error [amend/ambiguous-target] operation 1: II.2.d names 2 units"),
        "{msg}"
    );
    assert!(
        msg.contains("sec_II__para_2__point_d, sec_II__para_2__point_d_2"),
        "{msg}"
    );

    let msg = std::panic::catch_unwind(|| {
        assert_amendment_fails_with(
            &plan,
            "Bãi bỏ điểm b khoản 3 Mục II.",
            &["amend/target-not-found"],
        );
    })
    .unwrap_err();
    let msg = msg.downcast_ref::<String>().unwrap();
    assert!(
        msg.contains("expected it to fail with [\"amend/target-not-found\"]"),
        "{msg}"
    );
    assert!(
        msg.contains("- II.3.b  repealed: “Nâng cấp, cập nhật"),
        "{msg}"
    );

    let msg = std::panic::catch_unwind(|| {
        assert_amendment_fails_with(
            &plan,
            "Bãi bỏ điểm y khoản 3 Mục II.",
            &["amend/number-taken"],
        );
    })
    .unwrap_err();
    let msg = msg.downcast_ref::<String>().unwrap();
    assert!(
        msg.contains("failed with [\"amend/target-not-found\"], expected [\"amend/number-taken\"]"),
        "{msg}"
    );
}

#[test]
fn invariants_and_numbering_checks_catch_problems() {
    let plan = seed();
    // the seed's own duplicated "d" is a numbering problem; renumbering it fixes it
    assert_eq!(numbering_problems(&plan), ["II.2: \"d\" after \"d\""]);
    let r = assert_amendment_applies(
        &plan,
        "Đánh số lại điểm d thứ hai khoản 2 Mục II thành điểm đ.",
    );
    assert_eq!(numbering_problems(&r.plan), Vec::<String>::new());
    // a result that lost a unit is reported
    let mut broken = r.clone();
    broken.plan.body[1].children[0].children.remove(0);
    assert_eq!(
        check_invariants(&plan, &broken).unwrap_err(),
        "units lost (neither kept nor repealed): [\"sec_II__para_1__point_a\"]"
    );
}
