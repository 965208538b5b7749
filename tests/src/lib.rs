//! Shared helpers for kehoach's integration tests (corpus, equivalence, properties).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // test code: a panic is a failure report

use kehoach::{ParseOutput, Plan, Span};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// The repository's `seeds/` directory.
pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds")
}

/// A compact, reviewable summary of a parse: metadata, every unit, every task with its
/// fields, and diagnostics (code, severity, line:column). Corpus files keep this beside the
/// input as `<name>.expected.json`.
pub fn summary(out: &ParseOutput) -> Value {
    let p = &out.plan;
    let m = &p.meta;
    let text = |s: &Option<kehoach::document::Spanned>| s.as_ref().map(|x| x.text.clone());
    let mut units = Vec::new();
    p.walk(&mut |u| units.push(json!([u.number, u.eid])));
    let tasks: Vec<Value> = p
        .tasks()
        .iter()
        .map(|t| {
            let agencies: Vec<Value> = t
                .leads
                .as_ref()
                .map(|l| {
                    l.agencies
                        .iter()
                        .map(|a| serde_json::to_value(a).unwrap_or(Value::Null))
                        .map(|mut v| {
                            strip_spans(&mut v);
                            v
                        })
                        .collect()
                })
                .unwrap_or_default();
            let mut tf = serde_json::to_value(&t.timeframe).unwrap_or(Value::Null);
            strip_spans(&mut tf);
            json!({
                "number": t.number,
                "eid": t.eid,
                "leads": t.leads.as_ref().map(|l| l.text.clone()),
                "agencies": agencies,
                "timeframe": tf,
            })
        })
        .collect();
    json!({
        "meta": {
            "issuer": text(&m.issuer),
            "number": text(&m.number),
            "place": text(&m.place),
            "date": m.date.map(|d| d.to_string()),
            "docType": text(&m.doc_type),
            "title": text(&m.title),
            "implements": m.implements.iter().map(|c| c.symbol.clone()).collect::<Vec<_>>(),
            "signer": text(&m.signer),
            "signerPosition": text(&m.signer_position),
            "recipients": m.recipients.len(),
        },
        "wrapper": p.wrapper.as_ref().map(|w| w.fields.iter().map(|f| json!([f.label, f.value])).collect::<Vec<_>>()),
        "units": units,
        "tasks": tasks,
        "diagnostics": out.diagnostics.iter().map(|d| format!("{} {} {}:{}", d.severity.as_str(), d.code, d.span.line, d.span.column)).collect::<Vec<_>>(),
    })
}

/// Removes every `span`/`*Span` key from a JSON value.
pub fn strip_spans(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.retain(|k, _| !(k == "span" || k.ends_with("Span")));
            for (_, x) in map.iter_mut() {
                strip_spans(x);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(strip_spans),
        _ => {}
    }
}

/// Every span in a plan (units, blocks, fields, agencies, timeframes, metadata), collected from
/// its JSON so no field is forgotten.
pub fn all_spans(plan: &Plan) -> Vec<Span> {
    fn walk(v: &Value, out: &mut Vec<Span>) {
        match v {
            Value::Object(map) => {
                for (k, x) in map {
                    if k == "span" || k.ends_with("Span") {
                        if let Ok(s) = serde_json::from_value::<Span>(x.clone()) {
                            out.push(s);
                        }
                    } else {
                        walk(x, out);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let v = serde_json::to_value(plan).unwrap_or(Value::Null);
    let mut out = Vec::new();
    walk(&v, &mut out);
    out
}

pub mod adversarial;
pub mod corpus_gen;
pub mod long_plan;

/// Units of a tree in document order (pre-order: a unit before its children).
pub fn units_in_order(units: &[kehoach::Unit]) -> Vec<&kehoach::Unit> {
    let mut out = Vec::new();
    let mut stack: Vec<&kehoach::Unit> = units.iter().rev().collect();
    while let Some(u) = stack.pop() {
        out.push(u);
        stack.extend(u.children.iter().rev());
    }
    out
}

/// Number of units of a tree, at every depth.
pub fn count_units(units: &[kehoach::Unit]) -> usize {
    units_in_order(units).len()
}
