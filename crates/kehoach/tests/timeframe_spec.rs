//! Data-driven timeframe spec: every case of `timeframe_spec.json` is parsed and compared with
//! its expected JSON (spans left out), its diagnostic codes, and four invariants: JSON round trip,
//! `parse(display(t))` means `t`, NFD input means the same as NFC, and every nested part's span
//! slices exactly its text. All failures are reported together.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // tests: a failed unwrap is a failed test

use kehoach::timeframe::{Timeframe, parse_str};
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

fn strip_spans(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.remove("span");
            for x in m.values_mut() {
                strip_spans(x);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(strip_spans),
        _ => {}
    }
}

fn check(case: &Value) -> Vec<String> {
    let mut errs = Vec::new();
    let input = case["input"].as_str().unwrap_or_default();
    let (t, diags) = parse_str(input);
    let mut actual = serde_json::to_value(&t).unwrap();
    strip_spans(&mut actual);
    if actual != case["expected"] {
        errs.push(format!(
            "json differs\n    expected: {}\n    actual:   {}",
            case["expected"], actual
        ));
    }
    let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
    let want: Vec<&str> = case["diagnostics"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if codes != want {
        errs.push(format!("diagnostics {codes:?}, expected {want:?}"));
    }
    // JSON round trip.
    let back: Timeframe = serde_json::from_value(serde_json::to_value(&t).unwrap()).unwrap();
    if back != t {
        errs.push(format!("json round trip lost data: {back:?}"));
    }
    // Display round trip.
    if t.is_recognized() {
        let shown = t.to_string();
        match shown.parse::<Timeframe>() {
            Ok(again) if again.same_meaning(&t) => {}
            Ok(again) => errs.push(format!(
                "display {shown:?} reads back as {}",
                serde_json::to_string(&again.semantic()).unwrap()
            )),
            Err(e) => errs.push(format!("display {shown:?} does not read back: {e}")),
        }
    }
    // NFD input.
    let nfd: String = input.nfd().collect();
    let (t2, d2) = parse_str(&nfd);
    if !t2.same_meaning(&t) || d2.len() != diags.len() {
        errs.push("NFD input reads differently".to_string());
    }
    // Spans slice the texts.
    t.walk(&mut |part| {
        if part.span.slice(input) != Some(part.text.as_str()) {
            errs.push(format!(
                "span {:?} does not slice {:?}",
                part.span, part.text
            ));
        }
    });
    errs
}

#[test]
fn timeframe_spec() {
    let cases: Vec<Value> = serde_json::from_str(include_str!("timeframe_spec.json")).unwrap();
    assert!(cases.len() >= 100, "spec has {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let errs = check(case);
        if !errs.is_empty() {
            failures.push(format!("{:?}:\n  {}", case["input"], errs.join("\n  ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} timeframe cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_seed_has_twenty_distinct_timeframes_all_recognized() {
    let cases: Vec<Value> = serde_json::from_str(include_str!("timeframe_spec.json")).unwrap();
    let seed: std::collections::BTreeSet<&str> = cases
        .iter()
        .filter(|c| c["note"] == "seed")
        .filter_map(|c| c["input"].as_str())
        .collect();
    assert_eq!(seed.len(), 20);
    for s in seed {
        let (t, d) = parse_str(s);
        assert!(t.is_recognized() && d.is_empty(), "{s}");
    }
}
