//! Adversarial inputs: what a portal may be fed. Every test asserts outcomes (no panic, the
//! model, diagnostics, limits), never timings; the scaling benches (`tests/benches/scaling.rs`)
//! show that the cost stays linear.
//!
//! Sizes: the full sizes of the issue (1 MB of "a)" lines, 10⁵ numbering lines, a 20 MB input,
//! …) run in release (`cargo test --release -p kehoach-tests --test adversarial`); a debug build
//! (the default `cargo test`) runs each at 1/10 (the 20 MB input at 1 MB) to stay within a few
//! seconds.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // test code: a panic is a failure report

use kehoach::agency::{Registry, split_agencies};
use kehoach::document::{DEFAULT_MAX_LINES, DEFAULT_MAX_UNITS, ParseOptions, Parser};
use kehoach::timeframe::parse_timeframe;
use kehoach::{LineIndex, Locator, ParseOutput, SEED_PLAN, Severity};
use kehoach_tests::adversarial as adv;

/// 1 in release, 10 in debug: the divisor of the sizes.
const DIV: usize = if cfg!(debug_assertions) { 10 } else { 1 };

/// Every span of the plan and of its diagnostics slices the input on char boundaries.
fn assert_spans_valid(out: &ParseOutput, input: &str) {
    for s in kehoach_tests::all_spans(&out.plan) {
        assert!(s.slice(input).is_some(), "{s:?} does not slice the input");
    }
    for d in &out.diagnostics {
        assert!(d.span.slice(input).is_some(), "{}: {:?}", d.code, d.span);
    }
}

fn codes(out: &ParseOutput) -> Vec<&str> {
    out.diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn a_megabyte_of_point_lines() {
    let input = adv::a_lines(1_000_000 / DIV);
    let n = input.lines().count();
    let out = kehoach::parse(&input);
    // Each "a)" opens a top-level point; repeated designations get _2, _3, … ids. 1 MB is
    // 333 333 lines: the first 100 000 (the default unit limit) are units, the rest is kept.
    let built = n.min(DEFAULT_MAX_UNITS);
    assert_eq!(out.plan.body.len(), built);
    assert_eq!(out.plan.body[0].eid, "point_a");
    assert_eq!(out.plan.body[1].eid, "point_a_2");
    let last = &out.plan.body[built - 1];
    assert_eq!(last.eid, format!("point_a_{built}"));
    assert_eq!(last.num_span.line as usize, built);
    assert!(out.plan.tasks().is_empty());
    if n > built {
        assert_eq!(codes(&out), ["input/too-many-units"]);
        let d = &out.diagnostics[0];
        assert_eq!(
            (d.span.start as usize, d.span.end as usize),
            (3 * built, 3 * built + 2)
        );
        assert_eq!(d.span.line as usize, built + 1);
        assert_eq!(last.blocks.len(), 1);
        assert_eq!(last.blocks[0].text.len(), 3 * (n - built) - 1);
        assert_eq!(last.span.end as usize, input.len() - 1);
    } else {
        assert!(out.diagnostics.is_empty());
    }
}

/// Line 73 of the seed: the 11th unit (I, I.1, I.2, II, II.1, a–đ come before it).
const SEED_LINE_OF_UNIT_11: &str = "2. Hoàn thiện thể chế, tạo thuận lợi để chủ động tham gia \
cuộc Cách mạng công nghiệp lần thứ tư và quá trình chuyển đổi số của tỉnh";

/// The unit limit on the seed: ten units are built, the 11th marker line starts the verbatim
/// rest, which becomes a paragraph of the last open unit; the closing is still read.
#[test]
fn past_the_unit_limit_the_rest_is_kept_verbatim() {
    let out = Parser::new(ParseOptions {
        max_units: 10,
        ..ParseOptions::default()
    })
    .parse(SEED_PLAN);
    assert_eq!(kehoach_tests::count_units(&out.plan.body), 10);
    let too_many: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.code == "input/too-many-units")
        .collect();
    assert_eq!(too_many.len(), 1);
    let d = too_many[0];
    assert_eq!(d.severity, Severity::Error);
    let line = d.span.slice(SEED_PLAN).unwrap();
    assert_eq!(line, SEED_LINE_OF_UNIT_11);
    assert!(
        d.message.en.starts_with("more than 10 units"),
        "{}",
        d.message.en
    );
    assert!(
        d.message.vi.starts_with("văn bản có hơn 10 mục"),
        "{}",
        d.message.vi
    );
    // The deepest open unit (the 10th) holds the rest, from that line to the end of the body.
    let tenth = kehoach_tests::units_in_order(&out.plan.body)[9];
    let rest = tenth.blocks.last().unwrap();
    assert!(rest.text.starts_with(SEED_LINE_OF_UNIT_11));
    assert_eq!(rest.span.start, d.span.start);
    // Nothing after it is lost: it ends where the body of the full parse ends, and the
    // closing (signer) is still read.
    let full = kehoach::parse(SEED_PLAN);
    assert_eq!(rest.span.end, full.plan.body.last().unwrap().span.end);
    assert_eq!(out.plan.meta.signer, full.plan.meta.signer);
    assert_eq!(
        out.plan.meta.signer.as_ref().map(|s| s.text.as_str()),
        Some("Trần Ngọc Căng")
    );
    // At the seed's own unit count, nothing is cut.
    let all = kehoach_tests::count_units(&kehoach::parse(SEED_PLAN).plan.body);
    let at = Parser::new(ParseOptions {
        max_units: all,
        ..ParseOptions::default()
    })
    .parse(SEED_PLAN);
    assert!(
        at.diagnostics
            .iter()
            .all(|d| d.code != "input/too-many-units")
    );
    assert_eq!(at.plan, kehoach::parse(SEED_PLAN).plan);
}

/// The line limit on the seed: 40 lines are read (sections I and II open), the rest from the
/// first non-blank line after them (line 41, part II.1) is one paragraph of section II.
#[test]
fn past_the_line_limit_the_rest_is_kept_verbatim() {
    assert_eq!(ParseOptions::default().max_lines, DEFAULT_MAX_LINES);
    assert_eq!(DEFAULT_MAX_LINES, 1_000_000);
    let out = Parser::new(ParseOptions {
        max_lines: 40,
        ..ParseOptions::default()
    })
    .parse(SEED_PLAN);
    assert_eq!(
        codes(&out)
            .iter()
            .filter(|c| c.contains("too-many"))
            .count(),
        1
    );
    let d = out
        .diagnostics
        .iter()
        .find(|d| d.code == "input/too-many-lines")
        .unwrap();
    assert_eq!((d.span.line, d.span.column), (41, 1));
    assert!(
        d.span
            .slice(SEED_PLAN)
            .unwrap()
            .starts_with("1. Đổi mới tư duy")
    );
    assert!(
        d.message.en.starts_with("more than 40 lines"),
        "{}",
        d.message.en
    );
    let numbers: Vec<&str> = out.plan.body.iter().map(|u| u.number.as_str()).collect();
    assert_eq!(numbers, ["I", "II"]);
    let ii = &out.plan.body[1];
    assert!(ii.children.is_empty());
    let rest = ii.blocks.last().unwrap();
    assert_eq!(rest.span.start, d.span.start);
    assert!(rest.text.starts_with("1. Đổi mới tư duy"));
    // To the last non-blank char of the input: nothing is lost.
    assert_eq!(rest.span.end as usize, SEED_PLAN.trim_end().len());
    assert_eq!(ii.span.end, rest.span.end);
}

/// Tiny lines: the first `max_lines` are paragraphs, the rest one more; blank lines past the
/// limit alone are not reported (nothing is lost).
#[test]
fn the_line_limit_on_tiny_lines() {
    let parser = Parser::new(ParseOptions {
        max_lines: 10,
        ..ParseOptions::default()
    });
    let input = "x\n".repeat(30);
    let out = parser.parse(&input);
    assert_eq!(
        codes(&out),
        ["document/no-sections", "input/too-many-lines"]
    );
    let d = &out.diagnostics[1];
    assert_eq!((d.span.start, d.span.end, d.span.line), (20, 21, 11));
    assert_eq!(out.plan.preamble.len(), 11);
    let rest = &out.plan.preamble[10];
    assert_eq!(rest.text, "x\n".repeat(20).trim_end());
    assert_eq!((rest.span.start, rest.span.end), (20, 59));
    let blank_tail = format!("{}{}", "x\n".repeat(10), "\n".repeat(50));
    let out = parser.parse(&blank_tail);
    assert_eq!(codes(&out), ["document/no-sections"]);
    assert_eq!(out.plan.preamble.len(), 10);
}

/// The plan's agency limit: the list that crosses it is cut where it does (one error there),
/// later lists are not split at all and not reported again; every list keeps its text.
#[test]
fn the_agency_limit_cuts_one_list_and_skips_the_rest() {
    let input = "II. NHIỆM VỤ\n1. Chung\n\
a) Làm A.\n- Cơ quan chủ trì: Sở Y tế, Sở Nội vụ.\n- Thời gian thực hiện: Năm 2021.\n\
b) Làm B.\n- Cơ quan chủ trì: Sở Tài chính, Sở Xây dựng.\n- Thời gian thực hiện: Năm 2021.\n\
c) Làm C.\n- Cơ quan chủ trì: Sở Công Thương.\n- Thời gian thực hiện: Năm 2021.\n";
    let out = Parser::new(ParseOptions {
        max_agencies: 3,
        ..ParseOptions::default()
    })
    .parse(input);
    let tasks = out.plan.tasks();
    let names = |i: usize| -> Vec<String> {
        let l = tasks[i].leads.as_ref().unwrap();
        l.agencies.iter().map(|a| a.name.to_string()).collect()
    };
    assert_eq!(names(0), ["Sở Y tế", "Sở Nội vụ"]);
    assert_eq!(names(1), ["Sở Tài chính"]);
    assert!(names(2).is_empty());
    assert_eq!(tasks[2].leads.as_ref().unwrap().text, "Sở Công Thương.");
    assert_eq!(codes(&out), ["input/too-many-agencies"]);
    let d = &out.diagnostics[0];
    assert_eq!(d.span.slice(input), Some("Sở Xây dựng."));
    assert_eq!(d.span.line, 7);
    assert!(
        d.message.en.starts_with("more than 3 agencies"),
        "{}",
        d.message.en
    );
    // Without the limit: five agencies, no error.
    let all = kehoach::parse(input);
    assert!(all.diagnostics.is_empty(), "{:?}", codes(&all));
    assert_eq!(
        ParseOptions::default().max_agencies,
        kehoach::agency::DEFAULT_MAX_AGENCIES
    );
    assert_eq!(kehoach::agency::DEFAULT_MAX_AGENCIES, 100_000);
}

/// One list of 10⁵ + 1 agencies ("a, a, …"): the splitter stops at the default limit (in a
/// debug build, 10⁴ + 1 at a limit of 10⁴).
#[test]
fn a_list_longer_than_the_limit_stops_there() {
    let n = kehoach::agency::DEFAULT_MAX_AGENCIES / DIV;
    let text = "a, ".repeat(n) + "b";
    let idx = LineIndex::new(&text);
    let (loc, reg) = (Locator::new(&idx), Registry::embedded());
    let (agencies, diags) = if DIV == 1 {
        split_agencies(&text, &loc, reg)
    } else {
        kehoach::agency::split_agencies_max(&text, &loc, reg, n)
    };
    assert_eq!(agencies.len(), n);
    let cut: Vec<_> = diags
        .iter()
        .filter(|d| d.code == "input/too-many-agencies")
        .collect();
    assert_eq!(cut.len(), 1);
    assert_eq!(
        (cut[0].span.start as usize, cut[0].span.end as usize),
        (3 * n, 3 * n + 1)
    );
}

/// Table rows are units too: a pipe table stops at the limit and its remaining rows are kept.
#[test]
fn a_table_stops_at_the_unit_limit() {
    let input = "II. NHIỆM VỤ\n\
| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian thực hiện |\n\
| 1 | Làm A | Sở Y tế | Năm 2021 |\n\
| 2 | Làm B | Sở Tài chính | Năm 2022 |\n\
| 3 | Làm C | Sở Xây dựng | Năm 2023 |\n";
    let full = kehoach::parse(input);
    assert_eq!(kehoach_tests::count_units(&full.plan.body), 4);
    let out = Parser::new(ParseOptions {
        max_units: 2,
        ..ParseOptions::default()
    })
    .parse(input);
    assert_eq!(kehoach_tests::count_units(&out.plan.body), 2);
    let part = &out.plan.body[0].children[0];
    assert_eq!(
        (
            part.number.as_str(),
            part.blocks.last().unwrap().text.as_str()
        ),
        (
            "II.1",
            "| 2 | Làm B | Sở Tài chính | Năm 2022 |\n| 3 | Làm C | Sở Xây dựng | Năm 2023 |"
        )
    );
    assert_eq!(codes(&out), ["input/too-many-units"]);
    assert_eq!(out.diagnostics[0].span.line, 4);
}

#[test]
fn a_hundred_thousand_nested_looking_numbering_lines() {
    let n = 100_000 / DIV;
    let input = adv::nested_numbering(n);
    let out = kehoach::parse(&input);
    assert_spans_valid(&out, &input);
    // Every 11th line is "I. NHIỆM VỤ": one section each, with its part and points inside.
    assert_eq!(out.plan.body.len(), n.div_ceil(11));
    let s = &out.plan.body[1];
    assert_eq!((s.eid.as_str(), s.number.as_str()), ("sec_I_2", "I"));
    let part = &s.children[0];
    assert_eq!(part.number, "I.1");
    let points: Vec<&str> = part.children.iter().map(|u| u.number.as_str()).collect();
    assert_eq!(points[..2], ["I.1.a", "I.1.a1"]);
}

#[test]
fn one_line_numbered_a_hundred_thousand_levels_deep() {
    let input = adv::deep_number_line(100_000 / DIV);
    let out = kehoach::parse(&input);
    // "1.1.1.…" is not a part marker: the line is a paragraph of the section.
    let sec = &out.plan.body[0];
    assert_eq!(sec.number, "II");
    assert!(sec.children.is_empty());
    assert_eq!(sec.blocks.len(), 1);
    assert_eq!(
        sec.blocks[0].text.len(),
        input.len() - "II. NHIỆM VỤ\n\n".len()
    );
}

#[test]
fn a_hundred_thousand_digit_year() {
    let digits = 100_000 / DIV;
    let input = adv::huge_year(digits);
    let out = kehoach::parse(&input);
    assert_spans_valid(&out, &input);
    // No date can be made of it: none is invented, and the text is kept verbatim.
    assert_eq!(out.plan.meta.date, None);
    let tasks = out.plan.tasks();
    assert_eq!(tasks.len(), 3);
    let tf = tasks[0].timeframe.as_ref().unwrap();
    assert_eq!(tf.text, format!("Năm {}.", "9".repeat(digits)));
    assert_eq!(tf.span.slice(&input), Some(tf.text.as_str()));
    // Longer than a timeframe may be (8 KiB): not read, one warning on each of the three.
    assert_eq!(tf.kind_name(), "unrecognized");
    let too_long: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.code == "timeframe/too-long")
        .collect();
    assert_eq!(too_long.len(), 3);
    assert_eq!(too_long[0].span, tf.span);
    let c = &out.plan.citations[0];
    assert_eq!((c.symbol.as_str(), c.date), ("50/NQ-CP", None));
    assert!(out.plan.citations.iter().all(|c| c.date.is_none()));
}

#[test]
fn a_megabyte_on_one_line() {
    let input = adv::long_line(1_000_000 / DIV);
    let out = kehoach::parse(&input);
    assert_eq!(codes(&out), ["document/no-sections"]);
    assert_eq!(out.plan.preamble.len(), 1);
    assert_eq!(out.plan.preamble[0].span.column, 1);
}

#[test]
fn ten_thousand_agencies_on_one_line() {
    let n = 10_000 / DIV;
    let input = adv::long_agency_line(n);
    let out = kehoach::parse(&input);
    assert_spans_valid(&out, &input);
    let leads = out.plan.tasks()[0].leads.clone().unwrap();
    // 5 names cycle; "UBND các huyện, thị xã, thành phố" is one collective.
    assert_eq!(leads.agencies.len(), n);
    assert_eq!(leads.agencies[0].name, "Sở Y tế");
    assert_eq!(
        leads.agencies[2].name,
        "Ủy ban nhân dân các huyện, thị xã, thành phố"
    );
    let last = leads.agencies.last().unwrap();
    assert_eq!(last.span.slice(&input), Some("các tổ chức liên quan"));
    // Columns stay exact far along the line (counted in chars, not bytes).
    let line_start = input.find("- Cơ quan").unwrap();
    let expected_col = input[line_start..last.span.start as usize].chars().count() + 1;
    assert_eq!(last.span.column as usize, expected_col);
    // Each repeated name after the first five is a duplicate.
    let dups = codes(&out)
        .iter()
        .filter(|c| **c == "agency/duplicate")
        .count();
    assert_eq!(dups, n - 5);
}

#[test]
fn ten_thousand_citations_on_one_line() {
    let n = 10_000 / DIV;
    let input = adv::long_citation_line(n);
    let out = kehoach::parse(&input);
    assert_eq!(out.plan.citations.len(), n);
    let last = out.plan.citations.last().unwrap();
    assert_eq!(last.symbol, "50/NQ-CP");
    assert_eq!(last.date.unwrap().to_string(), "2020-04-17");
    assert_eq!(last.issuer.as_deref(), Some("Chính phủ"));
    assert_eq!(last.span.slice(&input), Some("50/NQ-CP"));
    let col = input[..last.span.start as usize]
        .rsplit('\n')
        .next()
        .unwrap()
        .chars()
        .count()
        + 1;
    assert_eq!(last.span.column as usize, col);
}

#[test]
fn lone_combining_marks() {
    let input = adv::lone_marks(100_000 / DIV);
    let out = kehoach::parse(&input);
    assert_spans_valid(&out, &input);
    assert_eq!(out.plan.tasks().len(), 1);
    // Marks alone on a line, after spaces, digits and ")" never start a unit.
    assert_eq!(out.plan.body.len(), 1);
    // Directly as an agency list and a timeframe, too.
    let idx = LineIndex::new(&input);
    let (agencies, _) = split_agencies(&input, &Locator::new(&idx), Registry::embedded());
    assert!(agencies.iter().all(|a| a.span.slice(&input).is_some()));
    let (tf, _) = parse_timeframe(&input, &Locator::new(&idx));
    assert_eq!(tf.span.slice(&input), Some(input.as_str()));
}

#[test]
fn every_space_and_zero_width_variant_gives_the_seed_tasks() {
    let base = kehoach::parse(SEED_PLAN).plan;
    let expected = task_content(&base);
    let n = adv::SPACE_VARIANTS.len().max(adv::INVISIBLE_VARIANTS.len());
    for k in 0..n {
        let input = adv::seed_with_space_variant(k);
        let out = kehoach::parse(&input);
        assert_spans_valid(&out, &input);
        assert_eq!(task_content(&out.plan), expected, "variant {k}");
        assert_eq!(
            out.plan.meta.number.as_ref().unwrap().text,
            "66/KH-UBND",
            "{k}"
        );
    }
}

fn task_content(plan: &kehoach::Plan) -> serde_json::Value {
    let mut v = serde_json::to_value(plan.tasks()).unwrap();
    kehoach_tests::strip_spans(&mut v);
    v
}

#[test]
fn a_twenty_megabyte_input_parses() {
    // 20 MB in release; 1 MB in debug (the bench covers the full size).
    let size = if cfg!(debug_assertions) {
        1_000_000
    } else {
        20_000_000
    };
    let input = adv::seed_repeated(size);
    let copies = input.len() / SEED_PLAN.len();
    assert!(input.len() >= size);
    let out = kehoach::parse(&input);
    assert_eq!(out.plan.tasks().len(), 44 * copies);
    assert!(
        !out.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error),
        "{:?}",
        codes(&out)
    );
}

#[test]
fn over_a_configured_limit_is_a_clear_error() {
    let parser = Parser::new(ParseOptions {
        max_input_bytes: 10_000,
        ..ParseOptions::default()
    });
    let out = parser.parse(SEED_PLAN);
    assert_eq!(codes(&out), ["input/too-large"]);
    let d = &out.diagnostics[0];
    assert_eq!(d.severity, Severity::Error);
    assert_eq!((d.span.start, d.span.line, d.span.column), (0, 1, 1));
    assert!(d.message.en.contains("10000"), "{}", d.message.en);
    assert!(out.plan.body.is_empty() && out.plan.tasks().is_empty());
    assert_eq!(out.plan.span.end as usize, SEED_PLAN.len());
    // At the limit exactly, the input is parsed.
    let at = Parser::new(ParseOptions {
        max_input_bytes: SEED_PLAN.len(),
        ..ParseOptions::default()
    })
    .parse(SEED_PLAN);
    assert_eq!(at.plan.tasks().len(), 44);
}

#[test]
fn the_default_limit_is_32_mib() {
    assert_eq!(ParseOptions::default().max_input_bytes, 32 * 1024 * 1024);
    let input = "a".repeat(32 * 1024 * 1024 + 1);
    let out = kehoach::parse(&input);
    assert_eq!(codes(&out), ["input/too-large"]);
}

/// The general layouts' shapes, each a megabyte (1/10 in debug): labels inside one long line,
/// a bullet list of agencies under an empty label, an HTML table, assignment phrases and decimal
/// headings. Outcomes only; the cost is shown by the scaling bench.
#[test]
fn a_megabyte_of_each_layout_shape() {
    let size = 1_000_000 / DIV;
    // One line of separators with a label at its end.
    let line = "x; ".repeat(size / 3);
    let input = format!("I. A\n1. B\n- Việc: {line}thời gian hoàn thành: Năm 2025.\n");
    let out = kehoach::parse(&input);
    assert_spans_valid(&out, &input);
    let tasks = out.plan.tasks();
    assert_eq!(tasks.len(), 1);
    assert_eq!(
        tasks[0].timeframe.as_ref().map(|t| t.text.as_str()),
        Some("Năm 2025.")
    );
    // A bullet list of agencies under an empty label.
    let n = size / 12;
    let input = format!(
        "I. A\n1. B\n- Cơ quan chủ trì:\n{}",
        "- Sở Y tế;\n".repeat(n)
    );
    let out = kehoach::parse(&input);
    assert_spans_valid(&out, &input);
    let tasks = out.plan.tasks();
    assert_eq!(tasks.len(), 1);
    let leads = tasks[0].leads.as_ref().unwrap();
    assert_eq!(
        leads.agencies.len(),
        n.min(kehoach::agency::DEFAULT_MAX_AGENCIES)
    );
    // An HTML table.
    let rows = size / 80;
    let input = format!(
        "I. A\n<table><tr><th>TT</th><th>Nhiệm vụ</th><th>Cơ quan chủ trì</th></tr>\n{}</table>\n",
        "<tr><td>1</td><td>Làm</td><td>Sở Y tế</td></tr>\n".repeat(rows)
    );
    let out = kehoach::parse(&input);
    assert_spans_valid(&out, &input);
    assert_eq!(out.plan.tasks().len(), rows.min(DEFAULT_MAX_UNITS - 1));
    // Assignment phrases, one per bullet of one unit: the unit's lead is the first.
    let input = format!(
        "I. A\n1. B\n{}",
        "- Rà soát (Giao Công an tỉnh chủ trì; hoàn thành trước ngày 28/2/2023).\n"
            .repeat(size / 70)
    );
    let out = kehoach::parse(&input);
    assert_spans_valid(&out, &input);
    let tasks = out.plan.tasks();
    assert_eq!(tasks.len(), 1);
    assert_eq!(
        tasks[0].timeframe.as_ref().map(|t| t.text.as_str()),
        Some("trước ngày 28/2/2023")
    );
    // Decimal headings.
    let input = format!("I. A\n{}", "1.1.1 Việc\n".repeat(size / 11));
    let out = kehoach::parse(&input);
    assert_spans_valid(&out, &input);
    assert!(out.plan.tasks().is_empty());
    // Bullets that each assign: one bullet task each, up to the unit limit.
    let n = size / 32;
    let input = format!("I. A\n1. B\n{}", "- Sở Y tế chủ trì rà soát.\n".repeat(n));
    let out = kehoach::parse(&input);
    assert_spans_valid(&out, &input);
    let tasks = out.plan.tasks();
    assert_eq!(tasks.len(), n.min(DEFAULT_MAX_UNITS - 2));
    assert_eq!(tasks[1].number, "I.1-2");
    // A table ordered by time after the sections: merged time cells, numbering from I again.
    let rows = size / 40;
    let input = format!(
        "I. A\nII. B\nThời gian | Nội dung công việc | Đơn vị chủ trì\nI | GIAI ĐOẠN\n10/2019 | Làm | Sở Y tế\n{}",
        " | Làm tiếp | Sở Nội vụ\n".repeat(rows)
    );
    let out = kehoach::parse(&input);
    assert_spans_valid(&out, &input);
    let tasks = out.plan.tasks();
    assert_eq!(tasks.len(), (rows + 1).min(DEFAULT_MAX_UNITS - 4));
    assert_eq!(tasks[1].number, "PL.I-2");
    assert_eq!(
        tasks[1].timeframe.as_ref().map(|t| t.text.as_str()),
        Some("10/2019")
    );
}
