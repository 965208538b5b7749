//! The document parser on arbitrary text: never panics, every span slices the input on char
//! boundaries, the canonical rendering parses again without panicking, and the library's JSON
//! writer writes the bytes `serde_json` writes (compact and pretty). Parsed with an as-of date,
//! every agency's holders (remembered across inputs) are what the registry answers afresh.
#![no_main]

use kehoach::document::{ParseOptions, Parser, render};
use kehoach::{Plan, Span};
use libfuzzer_sys::fuzz_target;

fn check(s: &Span, input: &str) {
    assert!(s.start <= s.end, "{s:?}");
    assert!(s.slice(input).is_some(), "{s:?} out of bounds or off a char boundary");
}

fn check_plan(plan: &Plan, input: &str) {
    check(&plan.span, input);
    for c in &plan.citations {
        check(&c.span, input);
    }
    for b in &plan.preamble {
        check(&b.span, input);
    }
    for r in &plan.responsibilities {
        check(&r.span, input);
        check(&r.agency.span, input);
    }
    for u in &plan.body {
        u.walk(&mut |u| {
            check(&u.span, input);
            check(&u.num_span, input);
            for b in &u.blocks {
                check(&b.span, input);
            }
            if let Some(l) = &u.leads {
                check(&l.span, input);
                for a in &l.agencies {
                    check(&a.span, input);
                }
            }
            if let Some(t) = &u.timeframe {
                check(&t.span, input);
            }
        });
    }
}

fuzz_target!(|input: &str| {
    let parser = Parser::new(ParseOptions {
        max_input_bytes: 1 << 20,
        ..ParseOptions::default()
    });
    let out = parser.parse(input);
    check_plan(&out.plan, input);
    for d in &out.diagnostics {
        check(&d.span, input);
    }
    let tasks = out.plan.tasks();
    assert_eq!(
        kehoach::json::to_string(&out),
        serde_json::to_string(&out).unwrap(),
        "JSON writer differs from serde_json"
    );
    assert_eq!(
        kehoach::json::to_string_pretty(&tasks),
        serde_json::to_string_pretty(&tasks).unwrap(),
        "JSON writer differs from serde_json (tasks, pretty)"
    );
    let text = render(&out.plan);
    let again = parser.parse(&text);
    check_plan(&again.plan, &text);
    // Small unit and line limits: never more units than allowed, the rest kept, spans valid.
    let max_units = input.len() % 7;
    let limited = Parser::new(ParseOptions {
        max_input_bytes: 1 << 20,
        max_units,
        max_lines: input.len() % 13,
        ..ParseOptions::default()
    })
    .parse(input);
    check_plan(&limited.plan, input);
    for d in &limited.diagnostics {
        check(&d.span, input);
    }
    let mut units = 0;
    limited.plan.walk(&mut |_| units += 1);
    assert!(units <= max_units, "{units} units > limit {max_units}");
    let cut = limited
        .diagnostics
        .iter()
        .any(|d| d.code == "input/too-many-units");
    assert!(!cut || units == max_units, "cut at {units} of {max_units}");
    // With an as-of date: the holders the parser resolved (through the memo of the embedded
    // registry's answers, which earlier inputs filled) are the registry's own answers.
    let on = kehoach::Date::from_ymd(2026, 11, 28).expect("date");
    let dated = Parser::new(ParseOptions {
        max_input_bytes: 1 << 20,
        as_of: Some(on),
        ..ParseOptions::default()
    })
    .parse(input);
    check_plan(&dated.plan, input);
    let reg = kehoach::agency::Registry::embedded();
    let province = reg.plan_province(&dated.plan.meta).map(|p| p.name.to_string());
    dated.plan.walk(&mut |u| {
        for a in u.leads.iter().chain(u.partners.iter()).flat_map(|l| l.agencies.iter()) {
            let fresh = reg.holders_in(a, on, province.as_deref());
            assert_eq!(a.current.as_deref(), Some(fresh.as_slice()), "{}", a.name);
        }
    });
});
