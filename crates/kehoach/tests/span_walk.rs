//! `span_walk` reaches every span of the JSON form, in its order: each span of a parse output is
//! numbered by the walk, then the span objects of its JSON must read 0, 1, 2, … with none
//! missing, on the seed and every layout fixture.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)] // tests

use kehoach::span_walk::SpansMut;
use std::path::Path;

/// The `start` of every span object (key `span` or ending in `Span`) of compact JSON, in order.
fn span_starts(json: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut rest = json;
    while let Some(i) = rest.find("pan\":{\"start\":") {
        let key_ok = rest[..i].ends_with("\"s") || rest[..i].ends_with('S');
        rest = &rest[i + "pan\":{\"start\":".len()..];
        if key_ok {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            out.push(digits.parse().unwrap());
        }
    }
    out
}

fn check(name: &str, text: &str) -> usize {
    let mut out = kehoach::parse(text);
    let mut n = 0u32;
    let mut number = |s: &mut kehoach::Span| {
        *s = kehoach::Span {
            start: n,
            end: n,
            line: 1,
            column: 1,
        };
        n += 1;
    };
    out.plan.spans_mut(&mut number);
    out.diagnostics.spans_mut(&mut number);
    let json = serde_json::to_string(&out).unwrap();
    let starts = span_starts(&json);
    assert_eq!(starts.len(), n as usize, "{name}: spans in JSON vs visited");
    for (i, s) in starts.iter().enumerate() {
        assert_eq!(*s as usize, i, "{name}: span #{i} of the JSON");
    }
    starts.len()
}

#[test]
fn the_walk_numbers_every_span_of_the_json_in_order() {
    // 597 spans: the count changes only when the parse output does.
    assert_eq!(check("seed", kehoach::SEED_PLAN), 597);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/layouts");
    let mut docs = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            check(&path.display().to_string(), &text);
            docs += 1;
        }
    }
    assert!(docs >= 30, "layout fixtures found: {docs}");
}

#[test]
fn an_amended_plan_is_walked_too() {
    // Units made by an amendment carry the instruction's span; the walk reaches them as well.
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    let r = kehoach::amend::amend_text(
        &plan,
        "Bổ sung điểm g vào sau điểm e khoản 8 Mục II như sau:\n“g) Xây dựng nền tảng dữ liệu.\n- Cơ quan chủ trì: Sở Thông tin và Truyền thông.\n- Thời gian thực hiện: Năm 2022.”",
    );
    assert!(r.applied, "{:#?}", r.diagnostics);
    assert!(r.changes.iter().any(|c| c.after.is_some()));
    let mut out = kehoach::ParseOutput {
        plan: r.plan,
        diagnostics: r.diagnostics,
    };
    let mut n = 0u32;
    out.plan.spans_mut(&mut |s| {
        s.start = n;
        n += 1;
    });
    out.diagnostics.spans_mut(&mut |s| {
        s.start = n;
        n += 1;
    });
    let json = serde_json::to_string(&out).unwrap();
    assert_eq!(span_starts(&json), (0..n).collect::<Vec<_>>());
}
