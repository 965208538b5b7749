//! Data-driven corpus test: every `seeds/*.txt` is parsed and its summary compared with
//! `seeds/<name>.expected.json`. All failing files are reported together.
//! Regenerate after a reviewed change with `KEHOACH_BLESS=1 cargo test -p kehoach-tests --test corpus`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // test code: a panic is a failure report

use kehoach_tests::{seeds_dir, summary};

#[test]
fn corpus_matches_expected_summaries() {
    let bless = std::env::var_os("KEHOACH_BLESS").is_some();
    let mut inputs: Vec<_> = std::fs::read_dir(seeds_dir())
        .expect("seeds/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no corpus files in seeds/");
    let mut failures = Vec::new();
    for path in &inputs {
        let text = std::fs::read_to_string(path).expect("utf-8 corpus file");
        let got = summary(&kehoach::parse(&text));
        let expected_path = path.with_extension("expected.json");
        let pretty = serde_json::to_string_pretty(&got).unwrap() + "\n";
        if bless {
            std::fs::write(&expected_path, &pretty).unwrap();
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Err(_) => failures.push(format!(
                "{}: no {}",
                path.display(),
                expected_path.display()
            )),
            Ok(exp) => {
                let exp: serde_json::Value = serde_json::from_str(&exp).expect("expected json");
                if exp != got {
                    let diff = first_difference(&exp, &got, String::new())
                        .unwrap_or_else(|| "(values differ)".into());
                    failures.push(format!("{}: {diff}", path.display()));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus files differ:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n")
    );
}

fn first_difference(a: &serde_json::Value, b: &serde_json::Value, path: String) -> Option<String> {
    use serde_json::Value::*;
    match (a, b) {
        (Object(x), Object(y)) => {
            for (k, v) in x {
                match y.get(k) {
                    None => return Some(format!("{path}.{k}: missing in output")),
                    Some(w) => {
                        if let Some(d) = first_difference(v, w, format!("{path}.{k}")) {
                            return Some(d);
                        }
                    }
                }
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| format!("{path}.{k}: unexpected in output"))
        }
        (Array(x), Array(y)) => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                if let Some(d) = first_difference(v, w, format!("{path}[{i}]")) {
                    return Some(d);
                }
            }
            (x.len() != y.len())
                .then(|| format!("{path}: length {} expected, got {}", x.len(), y.len()))
        }
        _ => (a != b).then(|| format!("{path}: expected {a}, got {b}")),
    }
}
