//! The same plan as CRLF, NFD, with a BOM, NBSP/tabs, and with or without the website
//! wrapper gives the same tasks; spans always slice the input as given.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // test code: a panic is a failure report

use kehoach::{Plan, SEED_PLAN};
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// Tasks without spans: the content users see.
fn task_content(plan: &Plan) -> Value {
    let mut v = serde_json::to_value(plan.tasks()).unwrap();
    kehoach_tests::strip_spans(&mut v);
    v
}

fn check_spans(plan: &Plan, input: &str) {
    for t in plan.tasks() {
        let l = t.leads.as_ref().unwrap();
        let got: String = l.span.slice(input).expect("in bounds").nfc().collect();
        let got = got.replace(['\u{a0}', '\t'], " ");
        assert_eq!(
            got.split_whitespace().collect::<Vec<_>>(),
            l.text.split_whitespace().collect::<Vec<_>>(),
            "{}",
            t.number
        );
    }
    for s in kehoach_tests::all_spans(plan) {
        assert!(s.start <= s.end && (s.end as usize) <= input.len(), "{s:?}");
        assert!(input.is_char_boundary(s.start as usize) && input.is_char_boundary(s.end as usize));
    }
}

fn without_wrapper(text: &str) -> String {
    let start = text.find("ỦY BAN NHÂN DÂN").unwrap();
    let end = text.find("HIỆU LỰC VĂN BẢN").unwrap();
    text[start..end].to_string()
}

#[test]
fn variants_give_the_same_tasks() {
    let base = kehoach::parse(SEED_PLAN).plan;
    let expected = task_content(&base);
    assert_eq!(base.tasks().len(), 44);
    let variants: Vec<(&str, String)> = vec![
        ("crlf", SEED_PLAN.replace('\n', "\r\n")),
        ("nfd", SEED_PLAN.nfd().collect()),
        ("bom", format!("\u{feff}{SEED_PLAN}")),
        (
            "nbsp-tabs-trailing",
            SEED_PLAN
                .replace(": ", ":\u{a0}\t")
                .replace(".\n", ".   \n"),
        ),
        ("cr-only", SEED_PLAN.replace('\n', "\r")),
        ("extra-blank-lines", SEED_PLAN.replace("\n\n", "\n\n\n\n")),
        ("no-blank-lines", SEED_PLAN.replace("\n\n", "\n")),
        ("no-wrapper", without_wrapper(SEED_PLAN)),
        (
            "no-wrapper-nfd-crlf-bom",
            format!(
                "\u{feff}{}",
                without_wrapper(SEED_PLAN)
                    .nfd()
                    .collect::<String>()
                    .replace('\n', "\r\n")
            ),
        ),
    ];
    let mut failures = Vec::new();
    for (name, text) in &variants {
        let plan = kehoach::parse(text).plan;
        if task_content(&plan) != expected {
            failures.push(*name);
            continue;
        }
        check_spans(&plan, text);
        assert_eq!(
            plan.meta.number.as_ref().unwrap().text,
            "66/KH-UBND",
            "{name}"
        );
        assert_eq!(plan.meta.date.unwrap().to_string(), "2020-05-18", "{name}");
        assert_eq!(
            plan.meta.signer.as_ref().unwrap().text,
            "Trần Ngọc Căng",
            "{name}"
        );
        assert_eq!(
            plan.wrapper.is_some(),
            !name.starts_with("no-wrapper"),
            "{name}"
        );
    }
    assert!(
        failures.is_empty(),
        "variants with different tasks: {failures:?}"
    );
}

#[test]
fn nfd_spans_slice_decomposed_text() {
    let nfd: String = SEED_PLAN.nfd().collect();
    let plan = kehoach::parse(&nfd).plan;
    let t = plan
        .tasks()
        .into_iter()
        .find(|t| t.number == "II.3.a")
        .unwrap();
    let l = t.leads.unwrap();
    let raw = l.span.slice(&nfd).unwrap();
    assert_ne!(
        raw, "Sở Thông tin và Truyền thông.",
        "the input is decomposed"
    );
    assert_eq!(
        raw.nfc().collect::<String>(),
        "Sở Thông tin và Truyền thông."
    );
}

mod generated {
    //! The same equivalences over generated plans (`corpus_gen`): NFC vs NFD, CRLF vs LF, BOM vs
    //! none, NBSP vs space give the same model, and spans map to each input.

    use super::*;
    use kehoach_tests::corpus_gen::{Rng, plan};
    use proptest::prelude::*;

    fn variant(base: &str, k: u8) -> String {
        match k {
            0 => base.nfd().collect(),
            1 => base.replace('\n', "\r\n"),
            2 => format!("\u{feff}{base}"),
            3 => base.replace(' ', "\u{a0}"),
            4 => base.replace(": ", ":\u{a0}\t\u{200b}"),
            _ => format!(
                "\u{feff}{}",
                base.nfd()
                    .collect::<String>()
                    .replace('\n', "\r\n")
                    .replace(' ', "\u{a0}")
            ),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn generated_plans_are_equivalent_across_encodings(seed in any::<u64>(), k in 0u8..6) {
            let base = plan(&mut Rng::new(seed));
            let expected = kehoach::parse(&base);
            prop_assert!(!expected.plan.tasks().is_empty());
            let text = variant(&base, k);
            let out = kehoach::parse(&text);
            prop_assert_eq!(task_content(&out.plan), task_content(&expected.plan));
            prop_assert_eq!(
                out.plan.meta.number.as_ref().map(|n| n.text.clone()),
                expected.plan.meta.number.as_ref().map(|n| n.text.clone())
            );
            prop_assert_eq!(out.plan.meta.date, expected.plan.meta.date);
            let codes = |o: &kehoach::ParseOutput| o.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>();
            prop_assert_eq!(codes(&out), codes(&expected));
            check_spans(&out.plan, &text);
            // Lines and columns agree with the base text (same characters before each span,
            // once normalized), for every task number.
            for (a, b) in out.plan.tasks().iter().zip(expected.plan.tasks()) {
                let (sa, sb) = (a.leads.as_ref().unwrap().span, b.leads.as_ref().unwrap().span);
                prop_assert_eq!(sa.line, sb.line, "{}", a.number);
            }
        }
    }
}
