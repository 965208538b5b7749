//! Regression tests for inputs found by fuzzing (`scripts/fuzz`) and by the adversarial
//! benches, one test per input (pulldown-cmark style). A fuzz crash input goes here verbatim
//! (escaped), with the target that found it and what was wrong.
//!
//! Fuzzing found one crash, and only once built with overflow checks (session 4; see
//! BENCHMARKS.md for the execution counts), and one wrong answer through an oracle (the
//! heading-assigned lead's province, 2026-12-06, the last entry: a plan written for it, the
//! fuzz input being noise around the same line); the other entries are the super-linear paths
//! the adversarial benches found, checked here for their results (their cost is covered by
//! `tests/benches/scaling.rs`).

#![allow(clippy::unwrap_used, clippy::indexing_slicing)] // test code

/// Adversarial bench: 10 000 citations on one line took 49 s (issuer search scanned the rest of
/// the line for each citation; columns counted chars from the line start for each span).
#[test]
fn many_citations_on_one_line_keep_exact_columns_and_issuers() {
    let c = "Nghị quyết số 50/NQ-CP ngày 17/4/2020 của Chính phủ, ";
    let text = format!("II. NHIỆM VỤ\n1. Chung\na) Thực hiện {}.\n", c.repeat(300));
    let out = kehoach::parse(&text);
    assert_eq!(out.plan.citations.len(), 300);
    let line3 = text.find("a) ").unwrap();
    for (k, cit) in out.plan.citations.iter().enumerate() {
        assert_eq!(cit.issuer.as_deref(), Some("Chính phủ"), "{k}");
        assert_eq!(cit.date.unwrap().to_string(), "2020-04-17");
        assert_eq!(cit.span.line, 3);
        let col = text[line3..cit.span.start as usize].chars().count() + 1;
        assert_eq!(cit.span.column as usize, col, "{k}");
    }
}

/// The issuer after "của" is looked for within 256 bytes (a longer run without a stop is cut
/// there): the bound that keeps a line of many citations linear.
#[test]
fn an_issuer_without_a_stop_is_cut_at_256_bytes() {
    let long = "Ủy ban nhân dân tỉnh ".repeat(20);
    let text = format!("II. NHIỆM VỤ\n1. Chung\na) Theo Nghị quyết số 50/NQ-CP của {long}\n");
    let out = kehoach::parse(&text);
    let issuer = out.plan.citations[0].issuer.clone().unwrap();
    assert!(long.starts_with(&issuer));
    assert!(
        issuer.len() <= 256 && issuer.len() > 230,
        "{}",
        issuer.len()
    );
}

/// Adversarial bench: a line of 10⁵ "1." was quadratic (columns of each span).
#[test]
fn a_deeply_numbered_line_is_one_paragraph() {
    let text = format!("II. NHIỆM VỤ\n{}1. Text\n", "1.".repeat(5000));
    let out = kehoach::parse(&text);
    assert_eq!(out.plan.body.len(), 1);
    assert_eq!(out.plan.body[0].blocks.len(), 1);
    assert_eq!(out.plan.body[0].blocks[0].span.column, 1);
}

/// An input over the size limit is refused before anything is allocated for it.
#[test]
fn an_input_over_the_limit_is_one_error_with_an_exact_span() {
    let parser = kehoach::document::Parser::new(kehoach::document::ParseOptions {
        max_input_bytes: 8,
        ..Default::default()
    });
    let out = parser.parse("Kế hoạch\nsố 1");
    assert_eq!(out.diagnostics.len(), 1);
    assert_eq!(out.diagnostics[0].code, "input/too-large");
    let s = out.plan.span;
    assert_eq!((s.start, s.end, s.line, s.column), (0, 19, 1, 1));
}

/// Fuzzing (`amend_text`, 2026-11-29): "correct" of the one letter "c" in section II by a
/// ~500-byte string made 70 ms of re-parsing natively (258 ms in the fuzz build) from 2 KB of
/// input; a 4 KB replacement of a frequent letter would make megabytes. One phrase replacement
/// may now add at most `MAX_PHRASE_GROWTH` bytes, checked before any work; ordinary ones apply.
#[test]
fn a_phrase_replacement_that_multiplies_the_text_is_refused_before_any_work() {
    use kehoach::amend::{MAX_PHRASE_GROWTH, amend_text};
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    let long = "x".repeat(4000);
    let source = format!("Thay cụm từ “c” bằng cụm từ “{long}” tại Mục II.");
    let r = amend_text(&plan, &source);
    assert!(!r.applied);
    assert_eq!(r.plan, plan);
    let d = &r.diagnostics[0];
    assert_eq!(d.code, "amend/invalid-operation");
    assert!(
        d.message.en.contains("over the 65536-byte limit"),
        "{}",
        d.message.en
    );
    assert!(
        d.message.vi.contains("quá giới hạn 65536 byte"),
        "{}",
        d.message.vi
    );
    assert_eq!(MAX_PHRASE_GROWTH, 65_536);
    // The seed's own kind of replacement still applies.
    let ok = amend_text(
        &plan,
        "Thay cụm từ “Sở Thông tin và Truyền thông” bằng cụm từ “Sở Khoa học và Công nghệ” tại Mục II.",
    );
    assert!(ok.applied, "{:?}", ok.diagnostics);
}

/// Fuzzing (`amend_text`, built with debug assertions, session 4): the header line "Số: …" was
/// matched on a lowercased copy and its offset taken back into the original; "İ" lowercases
/// to 3 bytes from 2, so six of them made the offset negative (an overflow panic with
/// overflow checks; in release the symbol was silently lost). Reduced from
/// `crash-bb26776d4e75e6e20cc7c65dc998236f5f0bf98e`.
#[test]
fn a_number_line_whose_lowercase_is_longer_keeps_its_symbol() {
    let parsed = kehoach::amend::parse_instructions(
        "SỐ: İİİİİİ 12/KH-UBND\nBãi bỏ điểm b khoản 3 Mục II.\n",
    );
    assert_eq!(parsed.amendment.symbol, "İİİİİİ 12/KH-UBND");
    assert_eq!(parsed.amendment.operations.len(), 1);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let plain = kehoach::amend::parse_instructions("Số: 12/KH-UBND\nBãi bỏ điểm b khoản 3 Mục II.");
    assert_eq!(plain.amendment.symbol, "12/KH-UBND");
    // The crash input itself (control bytes and all) reads without a panic.
    let crash = "\r\u{11}{iB\ni\u{1ed5} sune2:au sNc:_ e2II_0h +II\u{1}\0s_paraa_1h)\0c 8I__point_b\u{c}\u{c}\u{c}\u{c}\u{c} +I\u{1ed1}:::: II;\nS\u{1ed1}::::3:::::au sn\u{103}mNc:_e3II__p";
    let _ = kehoach::amend::amend_text(&kehoach::parse(kehoach::SEED_PLAN).plan, crash);
}

/// Found while reviewing the amendment engine (session 5): each target the pruned search
/// misses walked the whole plan, so n failing operations were n walks (10 000 on a plan of
/// 6 400 units: 0.56 s, 10⁵: ≈ 56 s). The second miss builds an index of every key; a target
/// whose number does not extend its parent's (hand-made JSON) is still found through it.
#[test]
fn targets_the_pruned_search_misses_resolve_through_the_index() {
    use kehoach::amend::{Amendment, Operation, Target, apply};
    let mut plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    // A hand-made number: II.3.b renamed "X.1" (not "II.3.…").
    let b = plan.body[1].children[2].children[1].clone();
    assert_eq!(b.number, "II.3.b");
    plan.body[1].children[2].children[1].number = "X.1".into();
    let repeal = |t: &str| Operation::Repeal {
        target: Target::number(t),
    };
    let ops = vec![
        repeal("Z.9"),
        repeal("X.1"),
        repeal("Z.8"),
        repeal("II.3.c"),
    ];
    let r = apply(
        &plan,
        &Amendment {
            operations: ops,
            ..Amendment::default()
        },
    );
    // Z.9 walks (first miss); X.1, the second miss, is found through the index built then;
    // its repeal drops the index, so Z.8 walks again. Z.9 and Z.8 are not found.
    assert_eq!(
        r.codes(),
        ["amend/target-not-found", "amend/target-not-found"]
    );
    let ok = apply(
        &plan,
        &Amendment {
            operations: vec![repeal("X.1"), repeal("II.3.c"), repeal("X.1")],
            ..Amendment::default()
        },
    );
    // After X.1 is repealed (the index is dropped), the same target misses again.
    assert_eq!(ok.codes(), ["amend/target-not-found"]);
    assert!(
        ok.diagnostics[0].message.en.contains("operation 3"),
        "{}",
        ok.diagnostics[0].message.en
    );
}

/// More operations than `amend::MAX_OPERATIONS`: none is applied, one error, plan unchanged;
/// at the limit the operations run.
#[test]
fn more_operations_than_the_limit_apply_none() {
    use kehoach::amend::{Amendment, MAX_OPERATIONS, Operation, Target, apply};
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    let ops = |n: usize| Amendment {
        operations: vec![
            Operation::Repeal {
                target: Target::number("II.9"),
            };
            n
        ],
        ..Amendment::default()
    };
    let over = apply(&plan, &ops(MAX_OPERATIONS + 1));
    assert!(!over.applied);
    assert_eq!(over.codes(), ["amend/too-many-operations"]);
    assert_eq!(
        over.diagnostics[0].message.en,
        "the amendment has more than 2000 operations: none is applied"
    );
    assert_eq!(over.plan, plan);
    let at = apply(&plan, &ops(MAX_OPERATIONS));
    assert_eq!(at.diagnostics.len(), MAX_OPERATIONS);
    assert!(at.codes().iter().all(|c| *c == "amend/target-not-found"));
}

/// A text of a million instructions stops being read after the 2 001st (3.3 s and 390 MB
/// before, for 32 MiB): refused at the first operation past the limit, located there.
#[test]
fn a_text_of_too_many_instructions_stops_being_read() {
    use kehoach::amend::{MAX_OPERATIONS, amend_text};
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    let line = "Bãi bỏ điểm y khoản 1 Mục II.\n";
    let head = "Quảng Ngãi, ngày 01 tháng 3 năm 2021\n";
    let src = format!("{head}{}", line.repeat(100_000));
    let r = amend_text(&plan, &src);
    assert_eq!(r.codes(), ["amend/too-many-operations"]);
    assert_eq!(
        r.amendment.as_ref().unwrap().operations.len(),
        MAX_OPERATIONS + 1
    );
    let d = &r.diagnostics[0];
    assert_eq!(d.span.line as usize, MAX_OPERATIONS + 2);
    assert_eq!(
        d.span.start as usize,
        head.len() + MAX_OPERATIONS * line.len()
    );
    assert_eq!(r.plan, plan);
}

/// Every phrase replacement in a section records the section before and after: 2 000 of them
/// (a 100 KB text) copied, re-read and serialized section II of the seed 2 000 times (100 took
/// 0.6 s, 100 MB and 38 MB of JSON). The changes may hold at most `MAX_CHANGED_UNITS` units:
/// the first operation past it is refused, located, and nothing is applied.
#[test]
fn an_amendment_whose_changes_outgrow_the_budget_is_refused() {
    use kehoach::amend::{MAX_CHANGED_UNITS, amend_text};
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    let mut units = 0;
    plan.find_number("II")[0].walk(&mut |_| units += 1);
    assert_eq!(units, 53);
    // Each operation counts section II twice: 188 fit in 20 000, the 189th does not.
    let fit = MAX_CHANGED_UNITS / (2 * units);
    assert_eq!(fit, 188);
    let head = "Quảng Ngãi, ngày 01 tháng 3 năm 2021\n";
    let line = "Thay cụm từ “Sở” bằng cụm từ “Sở” tại Mục II.\n";
    let at = amend_text(&plan, &format!("{head}{}", line.repeat(fit)));
    assert!(at.applied, "{:?}", at.codes());
    assert_eq!(at.changes.len(), fit);
    let over = amend_text(&plan, &format!("{head}{}", line.repeat(2_000)));
    assert!(!over.applied);
    assert_eq!(over.codes(), ["amend/too-many-changes"]);
    let d = &over.diagnostics[0];
    assert_eq!(d.span.line as usize, fit + 2);
    assert_eq!(d.span.start as usize, head.len() + fit * line.len());
    assert_eq!(
        d.message.en,
        "operation 189: the changes of the amendment would hold more than 20000 units \
         (each operation counts its unit before and after, with sub-units): none is applied; \
         split the amendment"
    );
    assert!(over.changes.is_empty());
    assert_eq!(over.plan, plan);
}

/// Fuzzing (session 8): bullet groups are units, and a group split past the unit limit built
/// two more units than allowed. Past the limit the second label stays a repeated label.
#[test]
fn bullet_groups_respect_the_unit_limit() {
    use kehoach::document::{ParseOptions, Parser};
    let text =
        "I. A\n- Làm x.\n- Cơ quan chủ trì: Sở Y tế.\n- Làm y.\n- Cơ quan chủ trì: Sở Tài chính.\n";
    let count = |max_units: usize| {
        let out = Parser::new(ParseOptions {
            max_units,
            ..ParseOptions::default()
        })
        .parse(text);
        let mut units = 0;
        out.plan.walk(&mut |_| units += 1);
        let codes: Vec<&str> = out.diagnostics.iter().map(|d| d.code).collect();
        (units, out.plan.tasks().len(), codes)
    };
    // Room for the section and both groups: two tasks, I-1 and I-2.
    assert_eq!(count(3), (3, 2, vec![]));
    // Room for the section only: one task with a repeated label.
    assert_eq!(count(1), (1, 1, vec!["task/duplicate-label"]));
    assert_eq!(count(2), (1, 1, vec!["task/duplicate-label"]));
}

/// Fuzzing (`document` target): a pipe table whose first row restarts a section number the plan
/// already has opens the appendix `PL` and the row's unit, two units after one limit check.
#[test]
fn a_restarting_table_respects_the_unit_limit() {
    use kehoach::document::{ParseOptions, Parser};
    let text = "I. MỤC ĐÍCH\n1. Mục đích\na) Làm x.\n\n\
                TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian\n\
                I | Hoàn thiện thể chế | |\n\
                1 | Rà soát văn bản | Sở Tư pháp | Năm 2021\n";
    let parse = |max_units: usize| {
        let out = Parser::new(ParseOptions {
            max_units,
            ..ParseOptions::default()
        })
        .parse(text);
        let mut ids = Vec::new();
        out.plan.walk(&mut |u| ids.push(u.number.clone()));
        let codes: Vec<&str> = out.diagnostics.iter().map(|d| d.code).collect();
        (ids, codes)
    };
    // Room for everything: the table is the appendix PL with its own section I and point 1.
    let (ids, _) = parse(100);
    assert_eq!(ids, ["I", "I.1", "I.1.a", "PL", "PL.I", "PL.I.1"]);
    // Room for one unit more than the plan's three: no appendix, the row's section read in
    // place, and the rest kept verbatim with the limit's error.
    let (ids, codes) = parse(4);
    assert_eq!(ids, ["I", "I.1", "I.1.a", "I"]);
    assert!(codes.contains(&"input/too-many-units"), "{codes:?}");
    // Room for both: the appendix and its section, then the limit.
    let (ids, codes) = parse(5);
    assert_eq!(ids, ["I", "I.1", "I.1.a", "PL", "PL.I"]);
    assert!(codes.contains(&"input/too-many-units"), "{codes:?}");
}

/// `document` target (2026-12-06, with its as-of oracle): a lead assigned in a numbered line
/// ("2. Sở Tài chính chủ trì, phối hợp …") had its current holders resolved without the
/// plan's province, while a labelled lead's and the checker's use it: in a Hồ Chí Minh City
/// plan the city's merger of 01/07/2025 was missing from the first.
#[test]
fn a_lead_assigned_in_its_heading_is_resolved_in_the_plan_s_province() {
    let text = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n\nKẾ HOẠCH\nThực hiện chính sách\n\n\
                I. NHIỆM VỤ\n1. Bố trí kinh phí.\n- Cơ quan chủ trì: Sở Tài chính.\n\
                2. Sở Tài chính chủ trì, phối hợp với các sở, ngành bố trí kinh phí chi \
                thường xuyên theo quy định.\n";
    let on = kehoach::Date::from_ymd(2026, 11, 28).unwrap();
    let opts = kehoach::document::ParseOptions {
        as_of: Some(on),
        ..Default::default()
    };
    let plan = kehoach::document::Parser::new(opts).parse(text).plan;
    let reg = kehoach::agency::Registry::embedded();
    assert_eq!(
        reg.plan_province(&plan.meta).map(|p| p.name.to_string()),
        Some("Hồ Chí Minh".to_string())
    );
    let tasks = plan.tasks();
    let lead = |number: &str| {
        let t = tasks.iter().find(|t| t.number == number).unwrap();
        t.leads.as_ref().unwrap().agencies[0].clone()
    };
    let (labelled, assigned) = (lead("I.1"), lead("I.2"));
    assert_eq!(assigned.name, "Sở Tài chính");
    assert_eq!(assigned.current, labelled.current);
    let current = assigned.current.clone().unwrap();
    assert_eq!(
        current[0].official_name.as_deref(),
        Some(
            "Sở Tài chính thành phố Hồ Chí Minh (thành phố mới, hợp nhất với cơ quan tương ứng \
             của Bình Dương, Bà Rịa - Vũng Tàu)"
        )
    );
    assert_eq!(
        &*current,
        reg.holders_in(&assigned, on, Some("Hồ Chí Minh"))
            .as_slice()
    );
}
