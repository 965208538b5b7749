//! The synthetic national corpus is realistic: every generated plan parses into sections, parts
//! and points with lead agencies and timeframes the library reads, and checks without errors.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)] // test code

use kehoach::{CheckOptions, Severity, TimeframeKind};
use kehoach_tests::corpus_gen;

#[test]
fn generated_plans_parse_and_check_cleanly() {
    let plans = corpus_gen::generate(40, 2026);
    assert_eq!(plans.len(), 40);
    // Deterministic: the same seed gives the same corpus.
    assert_eq!(plans, corpus_gen::generate(40, 2026));
    let mut tasks = 0;
    for (n, p) in plans.iter().enumerate() {
        let out = kehoach::check_text(p, &CheckOptions::default());
        let errors: Vec<_> = out
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.code)
            .collect();
        assert!(errors.is_empty(), "plan {n}: {errors:?}");
        let plan = &out.plan;
        assert!(
            plan.meta
                .number
                .as_ref()
                .unwrap()
                .text
                .ends_with("/KH-UBND")
        );
        assert!(plan.meta.date.is_some(), "plan {n}");
        assert_eq!(plan.body[1].number, "II");
        for t in plan.tasks() {
            assert!(t.number.starts_with("II."), "{}", t.number);
            let leads = t.leads.as_ref().unwrap();
            assert!(!leads.agencies.is_empty() && leads.agencies.iter().all(|a| a.known));
            let tf = t.timeframe.as_ref().unwrap();
            assert!(
                !matches!(tf.kind, TimeframeKind::Unrecognized { .. }),
                "{}",
                tf.text
            );
            tasks += 1;
        }
    }
    assert!(tasks > 40 * 10, "{tasks}");
}

#[test]
fn corpus_of_size_reaches_the_size() {
    let c = corpus_gen::corpus_of_size(200_000, 1);
    let total: usize = c.iter().map(String::len).sum();
    assert!((200_000..230_000).contains(&total), "{total}");
}
