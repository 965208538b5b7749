//! proptest strategies: valid plans and amendments for them (feature `proptest`).
//!
//! ```
//! use proptest::prelude::*;
//! use proptest::test_runner::TestRunner;
//! use kehoach::testing::{check_invariants, strategies};
//!
//! let mut runner = TestRunner::default();
//! let strat = strategies::plan().prop_flat_map(|p| {
//!     let a = strategies::amendment_for(&p);
//!     (Just(p), a)
//! });
//! runner.run(&strat, |(plan, amendment)| {
//!     let r = kehoach::amend::apply(&plan, &amendment);
//!     prop_assert!(check_invariants(&plan, &r).is_ok());
//!     Ok(())
//! }).unwrap();
//! ```

use crate::amend::{Amendment, Operation, Target};
use crate::document::{Plan, UnitKind};
use crate::numbering::PointNum;
use proptest::prelude::*;

const TASKS: &[&str] = &[
    "Xây dựng cơ sở dữ liệu chuyên ngành",
    "Tổ chức tập huấn chuyển đổi số",
    "Rà soát thủ tục hành chính",
    "Phát triển hạ tầng viễn thông",
    "Tuyên truyền nâng cao nhận thức",
    "Hỗ trợ doanh nghiệp khởi nghiệp",
];
const LEADS: &[&str] = &[
    "Sở Thông tin và Truyền thông.",
    "Sở Khoa học và Công nghệ.",
    "Sở Nội vụ.",
    "Sở Công Thương; Sở Tài chính.",
];
const TIMEFRAMES: &[&str] = &[
    "Năm 2021.",
    "Năm 2021 - 2025.",
    "Thường xuyên hàng năm.",
    "Năm 2022 và những năm tiếp theo.",
];

/// One point: task text, lead, timeframe (indices into the tables).
type PointSpec = (usize, usize, usize);

/// The text of a valid plan: a header dated 18/5/2020, 1–3 sections (`I.`…), 1–3 parts each,
/// 0–5 points per part (`a)`…`đ)` in sequence), every point with a lead and a timeframe.
pub fn plan_text() -> impl Strategy<Value = String> {
    let point = (0..TASKS.len(), 0..LEADS.len(), 0..TIMEFRAMES.len());
    let part = prop::collection::vec(point, 0..6);
    let section = prop::collection::vec(part, 1..4);
    prop::collection::vec(section, 1..4).prop_map(|sections: Vec<Vec<Vec<PointSpec>>>| {
        let mut t = String::from(
            "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\n\nSố: 12/KH-UBND\n\nQuảng Ngãi, ngày 18 tháng 5 năm 2020\n\nKẾ HOẠCH\n\nThực hiện chuyển đổi số\n\n",
        );
        for (s, parts) in sections.iter().enumerate() {
            let roman = crate::numbering::to_roman(s as u32 + 1).unwrap_or_default();
            t.push_str(&format!("{roman}. NHIỆM VỤ {roman}\n\n"));
            for (p, points) in parts.iter().enumerate() {
                t.push_str(&format!("{}. Nhóm nhiệm vụ {}\n\n", p + 1, p + 1));
                for (k, (task, lead, tf)) in points.iter().enumerate() {
                    let letter = PointNum::new(k, 0).map(|x| x.to_string()).unwrap_or_default();
                    t.push_str(&format!(
                        "{letter}) {} số {}.\n\n- Cơ quan chủ trì: {}\n\n- Thời gian thực hiện: {}\n\n",
                        TASKS.get(*task).copied().unwrap_or_default(),
                        k + 1,
                        LEADS.get(*lead).copied().unwrap_or_default(),
                        TIMEFRAMES.get(*tf).copied().unwrap_or_default(),
                    ));
                }
            }
        }
        t
    })
}

/// A valid plan (parsed from [`plan_text`]).
pub fn plan() -> impl Strategy<Value = Plan> {
    plan_text().prop_map(|t| crate::parse(&t).plan)
}

/// A point that operations can target.
#[derive(Debug, Clone)]
struct PointRef {
    eid: compact_str::CompactString,
    num: compact_str::CompactString,
    first_word: String,
}

fn points(plan: &Plan) -> Vec<PointRef> {
    let mut out = Vec::new();
    plan.walk(&mut |u| {
        if u.kind == UnitKind::Point {
            out.push(PointRef {
                eid: u.eid.clone(),
                num: u.num.clone(),
                first_word: u.text().split(' ').next().unwrap_or_default().to_string(),
            });
        }
    });
    out
}

/// A valid amendment for `plan`, dated 1/2/2021 (effective 1/3/2021): 1–4 operations on
/// distinct points, each a repeal, a timeframe substitute, an insert after (number by the
/// inserted-unit rule), a renumber to the inserted form (`c` → `c1`), a phrase replacement or a
/// correction of case. A plan without points gets an insert into its first part or section.
pub fn amendment_for(plan: &Plan) -> BoxedStrategy<Amendment> {
    let pts = points(plan);
    let base = Amendment {
        symbol: "99/QĐ-UBND".into(),
        date: crate::Date::from_ymd(2021, 2, 1).ok(),
        effective: crate::Date::from_ymd(2021, 3, 1).ok(),
        title: None,
        operations: Vec::new(),
    };
    if pts.is_empty() {
        let into = plan
            .body
            .first()
            .map(|s| s.children.first().map_or(&s.eid, |p| &p.eid).clone())
            .unwrap_or_default();
        let mut a = base;
        a.operations.push(Operation::Insert {
            after: None,
            before: None,
            into: Some(Target::eid(into)),
            number: Some("a".into()),
            kind: Some(UnitKind::Point),
            text: new_point_text(),
        });
        return Just(a).boxed();
    }
    let n = pts.len().min(4);
    (
        proptest::sample::subsequence(pts, 1..=n),
        prop::collection::vec(0u8..6, n),
    )
        .prop_map(move |(targets, kinds)| {
            let mut a = base.clone();
            for (p, k) in targets.into_iter().zip(kinds) {
                let target = Target::eid(p.eid.clone());
                a.operations.push(match k {
                    0 => Operation::Repeal { target },
                    1 => Operation::Substitute {
                        target,
                        heading: None,
                        text: None,
                        leads: None,
                        partners: None,
                        timeframe: Some("Năm 2030.".into()),
                        unit: None,
                    },
                    2 => Operation::Insert {
                        after: Some(target),
                        before: None,
                        into: None,
                        number: None,
                        kind: None,
                        text: new_point_text(),
                    },
                    3 => Operation::Renumber {
                        target,
                        to: PointNum::parse(&p.num)
                            .map(|x| x.inserted_after().to_string())
                            .unwrap_or_default(),
                    },
                    4 => Operation::ReplacePhrase {
                        target,
                        find: p.first_word.clone(),
                        replace: format!("Tiếp tục {}", p.first_word.to_lowercase()),
                        heading_only: false,
                    },
                    _ => Operation::Correct {
                        target,
                        find: p.first_word.clone(),
                        replace: p.first_word.to_lowercase(),
                        heading_only: false,
                    },
                });
            }
            a
        })
        .boxed()
}

fn new_point_text() -> String {
    "Nhiệm vụ bổ sung.\n- Cơ quan chủ trì: Sở Nội vụ.\n- Thời gian thực hiện: Năm 2025.".into()
}
