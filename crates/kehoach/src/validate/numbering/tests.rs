#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // tests

use super::{Finding, Item, align};
use crate::Severity;
use crate::validate::tests::{run, summary};
use crate::validate::{CheckOptions, check_text};

fn items(pos: &[Option<u32>]) -> Vec<Item> {
    pos.iter().map(|&pos| Item { pos, insert: 0 }).collect()
}

/// A part II.1 with the given point letters, each a one-line point.
fn points(letters: &[&str]) -> String {
    let mut s = String::from("I. NHIỆM VỤ\n1. Chung\n");
    for l in letters {
        s.push_str(&format!("{l}) Việc {l}.\n"));
    }
    s
}

#[test]
fn alignment_reports_one_finding_per_defect() {
    // a b c d d e g (the seed's II.2): one duplicate, fixed to đ.
    let seed = items(&[
        Some(0),
        Some(1),
        Some(2),
        Some(3),
        Some(3),
        Some(5),
        Some(6),
    ]);
    assert_eq!(
        align(&seed, false),
        [Finding::Duplicate {
            at: 4,
            first: 3,
            fix: Some(4)
        }]
    );
    // a b c d d đ e: a plain duplicate, no letter to move it to.
    let plain = items(&[
        Some(0),
        Some(1),
        Some(2),
        Some(3),
        Some(3),
        Some(4),
        Some(5),
    ]);
    assert_eq!(
        align(&plain, false),
        [Finding::Duplicate {
            at: 4,
            first: 3,
            fix: None
        }]
    );
    // a c b d: one order finding, no "b skipped".
    let swapped = items(&[Some(0), Some(2), Some(1), Some(3)]);
    assert_eq!(
        align(&swapped, false),
        [Finding::Order { at: 2, previous: 1 }]
    );
    // a b e: c, d, đ skipped, in one finding.
    let gap = items(&[Some(0), Some(1), Some(5)]);
    assert_eq!(
        align(&gap, false),
        [Finding::Skipped {
            at: 2,
            missing: vec![2, 3, 4]
        }]
    );
    assert_eq!(align(&items(&[Some(0), Some(1), Some(2)]), false), []);
    assert_eq!(align(&[], false), []);
}

#[test]
fn duplicate_point_gets_the_missing_letter() {
    let t = points(&["a", "b", "c", "c", "đ"]);
    // c c đ: the second c is a plain duplicate? No: d is missing and đ follows, so the second
    // c is taken as a mislabelled "d".
    let d = run(&t);
    assert_eq!(
        summary(&t, &d),
        [(
            "numbering/duplicate-point",
            Severity::Error,
            "c",
            6,
            1,
            Some("d".to_string())
        )]
    );
    assert_eq!(d[0].message.vi, "điểm \"c)\" bị trùng trong khoản 1 Mục I");
    assert_eq!(d[0].labels[0].span.line, 5);
}

#[test]
fn plain_duplicate_has_no_fix() {
    let t = points(&["a", "b", "b", "c"]);
    let d = run(&t);
    assert_eq!(
        summary(&t, &d),
        [(
            "numbering/duplicate-point",
            Severity::Error,
            "b",
            5,
            1,
            None
        )]
    );
}

#[test]
fn letters_out_of_order() {
    let t = points(&["a", "c", "b", "d"]);
    let d = run(&t);
    assert_eq!(
        summary(&t, &d),
        [("numbering/point-order", Severity::Error, "b", 5, 1, None)]
    );
    assert_eq!(
        d[0].message.vi,
        "điểm \"b)\" đứng sau điểm \"c)\", sai thứ tự chữ cái tiếng Việt (trong khoản 1 Mục I)"
    );
}

#[test]
fn skipped_letter() {
    let t = points(&["a", "b", "d", "đ"]);
    let d = run(&t);
    assert_eq!(
        summary(&t, &d),
        [(
            "numbering/skipped-point",
            Severity::Warning,
            "d",
            5,
            1,
            None
        )]
    );
    assert_eq!(
        d[0].message.en,
        "point \"c)\" is missing before \"d)\" (in part 1 of section I)"
    );
    // The đ between d and e is a letter like any other.
    let t = points(&["a", "b", "c", "d", "e"]);
    let d = run(&t);
    assert_eq!(
        summary(&t, &d),
        [(
            "numbering/skipped-point",
            Severity::Warning,
            "e",
            7,
            1,
            None
        )]
    );
    assert!(d[0].message.vi.contains("thiếu điểm \"đ)\""));
}

#[test]
fn letters_outside_the_sequence() {
    // "f)" after "e)": the Latin alphabet; in Vietnamese "g)" comes next.
    let t = points(&["a", "b", "c", "d", "đ", "e", "f"]);
    let d = run(&t);
    assert_eq!(
        summary(&t, &d),
        [(
            "numbering/invalid-point-letter",
            Severity::Error,
            "f",
            9,
            1,
            Some("g".to_string())
        )]
    );
    let t = points(&["a", "ă", "c"]);
    let d = run(&t);
    assert_eq!(
        summary(&t, &d),
        [(
            "numbering/invalid-point-letter",
            Severity::Error,
            "ă",
            4,
            1,
            Some("b".to_string())
        )]
    );
}

#[test]
fn inserted_points() {
    let ok = points(&["a", "a1", "a2", "b", "đ", "đ1"]);
    assert_eq!(
        summary(&ok, &run(&ok)),
        [(
            "numbering/skipped-point",
            Severity::Warning,
            "đ",
            7,
            1,
            None
        )]
    );
    let ok = points(&["a", "a1", "a2", "b", "c", "d", "đ", "đ1"]);
    assert_eq!(run(&ok), []);
    let t = points(&["a", "b", "a1", "c"]);
    let d = run(&t);
    assert_eq!(
        summary(&t, &d),
        [(
            "numbering/inserted-unit-misplaced",
            Severity::Warning,
            "a1",
            5,
            1,
            None
        )]
    );
    assert!(
        d[0].message
            .vi
            .starts_with("đơn vị bổ sung \"a1\" phải đứng ngay sau \"a\"")
    );
    let t = points(&["a", "a2", "b"]);
    let d = run(&t);
    assert_eq!(summary(&t, &d)[0].2, "a2");
    assert!(d[0].message.en.contains("right after \"a1\""));
}

#[test]
fn parts() {
    let ok = "I. A\n1. Một\n2. Hai\n2a. Hai bổ sung\n3. Ba\n";
    assert_eq!(run(ok), []);
    // Skipped 3: no fix (either 3 is missing or all later parts are misnumbered).
    let t = "I. A\n1. Một\n2. Hai\n4. Bốn\n5. Năm\n";
    let d = run(t);
    assert_eq!(
        summary(t, &d),
        [("numbering/part-order", Severity::Error, "4", 4, 1, None)]
    );
    assert_eq!(d[0].notes[0].vi, "thiếu khoản 3");
    // Duplicate 2 where 3 is missing: fix it to 3.
    let t = "I. A\n1. Một\n2. Hai\n2. Ba\n4. Bốn\n";
    let d = run(t);
    assert_eq!(
        summary(t, &d),
        [(
            "numbering/part-order",
            Severity::Error,
            "2",
            4,
            1,
            Some("3".to_string())
        )]
    );
    assert_eq!(d[0].labels[0].span.line, 3);
    // Out of order.
    let t = "I. A\n1. Một\n3. Ba\n2. Hai\n";
    let d = run(t);
    assert_eq!(
        summary(t, &d),
        [("numbering/part-order", Severity::Error, "2", 4, 1, None)]
    );
    assert_eq!(
        d[0].message.vi,
        "khoản \"2\" đứng sau khoản \"3\", sai thứ tự (trong Mục I)"
    );
    // An inserted part away from its base.
    let t = "I. A\n1. Một\n2. Hai\n1a. Một bổ sung\n";
    let d = run(t);
    assert_eq!(
        summary(t, &d),
        [(
            "numbering/inserted-unit-misplaced",
            Severity::Warning,
            "1a",
            4,
            1,
            None
        )]
    );
    // Parts restart in each section.
    assert_eq!(run("I. A\n1. Một\n2. Hai\nII. B\n1. Một\n"), []);
}

#[test]
fn sections() {
    assert_eq!(run("I. A\nII. B\nIII. C\nIV. D\n"), []);
    let t = "I. A\nII. B\nIV. D\n";
    let d = run(t);
    assert_eq!(
        summary(t, &d),
        [("numbering/section-order", Severity::Error, "IV", 3, 1, None)]
    );
    assert_eq!(d[0].message.vi, "mục \"IV\" sai thứ tự: cần \"III\"");
    assert_eq!(d[0].notes[0].en, "section III missing");
    let t = "I. A\nII. B\nII. C\nIV. D\n";
    let d = run(t);
    assert_eq!(
        summary(t, &d),
        [(
            "numbering/section-order",
            Severity::Error,
            "II",
            3,
            1,
            Some("III".to_string())
        )]
    );
    let t = "II. B\nIII. C\n";
    let whole = CheckOptions::default();
    assert_eq!(
        summary(t, &check_text(t, &whole).diagnostics)
            .into_iter()
            .filter(|d| d.0.starts_with("numbering/"))
            .collect::<Vec<_>>(),
        [("numbering/section-order", Severity::Error, "II", 1, 1, None)]
    );
    // A fragment (an amendment's new text) may start anywhere, but its inner lists may not.
    let frag = CheckOptions::default().with_fragment(true);
    assert_eq!(check_text(t, &frag).diagnostics, []);
    let t = "3. Ba\nb) Hai\n4. Bốn\n";
    let d = check_text(t, &frag).diagnostics;
    assert_eq!(
        summary(t, &d),
        [(
            "numbering/skipped-point",
            Severity::Warning,
            "b",
            2,
            1,
            None
        )]
    );
}
