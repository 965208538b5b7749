//! Versions of the seed plan: the four done-criteria amendments in two amending documents,
//! the plan as at any date, the diff between versions, repealed units kept in the history.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests

use kehoach::amend::{DiffKind, VersionedPlan, diff, read_amendment, render_diff};
use kehoach::{Date, Lang};

const FIRST: &str = "Số: 35/KH-UBND\nQuảng Ngãi, ngày 01 tháng 3 năm 2021\n\
1. Bãi bỏ điểm b khoản 3 Mục II.\n\
2. Sửa đổi thời gian thực hiện tại điểm c khoản 6 Mục II như sau: “Năm 2021 - 2027.”\n\
Kế hoạch này có hiệu lực kể từ ngày 15/3/2021.";

const SECOND: &str = r#"{ "symbol": "80/KH-UBND", "date": "2022-06-01", "operations": [
  { "op": "insert", "after": "II.8.e", "number": "g",
    "text": "Xây dựng nền tảng dữ liệu.\n- Cơ quan chủ trì: Sở Thông tin và Truyền thông.\n- Thời gian thực hiện: Năm 2022." },
  { "op": "renumber", "target": "sec_II__para_2__point_d_2", "to": "đ" } ] }"#;

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::from_ymd(y, m, day).unwrap()
}

fn versioned() -> VersionedPlan {
    let mut vp = VersionedPlan::new(kehoach::parse(kehoach::SEED_PLAN).plan);
    for src in [FIRST, SECOND] {
        let (a, _) = read_amendment(src).unwrap();
        let r = vp.amend(&a);
        assert!(r.applied, "{:#?}", r.diagnostics);
    }
    vp
}

#[test]
fn the_plan_as_at_any_date() {
    let vp = versioned();
    assert_eq!(vp.versions().len(), 2);
    assert_eq!(vp.versions()[0].effective, d(2021, 3, 15));
    assert_eq!(vp.versions()[1].effective, d(2022, 6, 1));
    // before the first effective date: the original, unchanged
    assert_eq!(vp.as_at(d(2021, 3, 14)), vp.original());
    assert_eq!(vp.version_at(d(2021, 3, 14)), 0);
    let v1 = vp.as_at(d(2021, 3, 15));
    assert!(v1.find_number("II.3.b").is_empty());
    assert_eq!(
        v1.find_number("II.6.c")[0].timeframe.as_ref().unwrap().text,
        "Năm 2021 - 2027."
    );
    assert!(v1.find_number("II.8.g").is_empty());
    let v2 = vp.as_at(d(2026, 1, 1));
    assert_eq!(v2, vp.current());
    assert_eq!(v2.find_number("II.8.g").len(), 1);
    assert_eq!(v2.find_number("II.2.đ")[0].eid, "sec_II__para_2__point_dd");
}

#[test]
fn ids_are_stable_and_nothing_is_lost() {
    let vp = versioned();
    let original = vp.original();
    let current = vp.current();
    // every untouched unit keeps its eid and number
    let mut untouched = 0;
    original.walk(&mut |u| {
        if u.eid != "sec_II__para_3__point_b" && u.eid != "sec_II__para_2__point_d_2" {
            let now = current.find_eid(&u.eid).unwrap();
            assert_eq!(now.number, u.number);
            untouched += 1;
        }
    });
    let mut total = 0;
    original.walk(&mut |_| total += 1);
    assert_eq!((total, untouched), (64, 62));
    let r = vp.repealed();
    assert_eq!(r.len(), 1);
    assert_eq!(
        (r[0].unit.eid.as_str(), r[0].by.as_str()),
        ("sec_II__para_3__point_b", "35/KH-UBND")
    );
    assert_eq!(r[0].effective, d(2021, 3, 15));
    let h = vp.history("sec_II__para_2__point_d_2");
    assert_eq!(h.len(), 1);
    assert_eq!(
        (h[0].change.op.as_str(), h[0].by.as_str(), h[0].version),
        ("renumber", "80/KH-UBND", 2)
    );
}

#[test]
fn diff_between_versions() {
    let vp = versioned();
    let entries = diff(vp.original(), vp.current());
    let summary: Vec<(DiffKind, &str, Vec<&str>)> = entries
        .iter()
        .map(|e| {
            (
                e.kind,
                e.number.as_str(),
                e.fields.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (DiffKind::Removed, "II.3.b", vec![]),
            (DiffKind::Renumbered, "II.2.đ", vec![]),
            (DiffKind::Modified, "II.6.c", vec!["timeframe"]),
            (DiffKind::Added, "II.8.g", vec![]),
        ]
    );
    let text = render_diff(&entries, Lang::Vi);
    assert!(
        text.contains("- II.3.b  bãi bỏ: “Nâng cấp, cập nhật Kiến trúc"),
        "{text}"
    );
    assert!(
        text.contains(
            "→ II.2.d → II.2.đ  đánh số lại (sec_II__para_2__point_d_2 → sec_II__para_2__point_dd)"
        ),
        "{text}"
    );
    assert!(
        text.contains("~ II.6.c  thời gian thực hiện: “Năm 2021- 2025.” → “Năm 2021 - 2027.”"),
        "{text}"
    );
    assert!(
        text.contains("+ II.8.g  bổ sung: “Xây dựng nền tảng dữ liệu.”"),
        "{text}"
    );
    assert_eq!(vp.diff_between(d(2021, 1, 1), d(2021, 3, 14)), vec![]);
}

#[test]
fn versions_reject_out_of_order_and_undated_amendments() {
    let mut vp = versioned();
    let (mut a, _) = read_amendment("Bãi bỏ điểm a khoản 3 Mục II.").unwrap();
    let r = vp.amend(&a);
    assert_eq!(r.codes(), ["amend/missing-date"]);
    a.date = Some(d(2021, 1, 1));
    let r = vp.amend(&a);
    assert_eq!(r.codes(), ["amend/out-of-order"]);
    assert_eq!(vp.versions().len(), 2);
    assert_eq!(&r.plan, vp.current());
}

#[test]
fn versioned_json_round_trip_replays_the_amendments() {
    let vp = versioned();
    let json = serde_json::to_string(&vp).unwrap();
    let back: VersionedPlan = serde_json::from_str(&json).unwrap();
    assert_eq!(back.current(), vp.current());
    assert_eq!(back.versions().len(), 2);
}
