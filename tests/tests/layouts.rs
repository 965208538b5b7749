//! The layout corpus: every `seeds/layouts/*.txt` (a real published plan's layout) is parsed and
//! its tasks compared with the hand-checked `<name>.expected.json`. Prints, per document,
//! expected / found / exact / invented, then checks the corpus-wide rates against the floors
//! below (raise them as the parser improves; never lower them to make a change pass).
//!
//! `KEHOACH_LAYOUT_DETAIL=1` prints every task that is not exact.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // test code: a panic is a failure report

use kehoach_tests::seeds_dir;
use serde_json::Value;
use std::collections::BTreeMap;

/// Corpus-wide floor of exact tasks (path, lead agencies, timeframe text), in per mille.
const MIN_EXACT_PER_MILLE: usize = 950;
/// Corpus-wide ceiling of invented tasks (found, not expected), in per mille of found tasks.
const MAX_INVENTED_PER_MILLE: usize = 10;

#[derive(Debug, PartialEq)]
struct Expected {
    agencies: Vec<String>,
    timeframe: Option<String>,
}

fn expected_tasks(v: &Value) -> Vec<(String, Expected)> {
    v["tasks"]
        .as_array()
        .expect("tasks array")
        .iter()
        .map(|t| {
            (
                t["path"].as_str().expect("path").to_string(),
                Expected {
                    agencies: t["agencies"]
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .map(|x| x.as_str().unwrap_or("").to_string())
                                .collect()
                        })
                        .unwrap_or_default(),
                    timeframe: t["timeframe"].as_str().map(str::to_string),
                },
            )
        })
        .collect()
}

#[test]
fn layout_corpus() {
    let dir = seeds_dir().join("layouts");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds/layouts exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    inputs.sort();
    let detail = std::env::var_os("KEHOACH_LAYOUT_DETAIL").is_some();
    let (mut all_expected, mut all_found, mut all_exact, mut all_invented) = (0, 0, 0, 0);
    let mut issuers = std::collections::BTreeSet::new();
    let mut missing_notes = Vec::new();
    println!(
        "{:<40} {:>8} {:>6} {:>6} {:>9}",
        "document", "expected", "found", "exact", "invented"
    );
    for path in &inputs {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(path).expect("utf-8 fixture");
        let exp: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{stem}.expected.json")))
                .unwrap_or_else(|_| panic!("{stem}: no expected.json")),
        )
        .unwrap_or_else(|e| panic!("{stem}: bad expected.json: {e}"));
        if !dir.join(format!("{stem}.source.md")).exists() {
            missing_notes.push(stem.clone());
        }
        issuers.insert(exp["issuer"].as_str().unwrap_or("").to_string());
        let expected = expected_tasks(&exp);
        let out = kehoach::parse(&text);
        let found: BTreeMap<String, Expected> = out
            .plan
            .tasks()
            .into_iter()
            .map(|t| {
                (
                    t.number.to_string(),
                    Expected {
                        agencies: t
                            .leads
                            .as_ref()
                            .map(kehoach::document::Leads::written)
                            .unwrap_or_default(),
                        timeframe: t.timeframe.as_ref().map(|f| f.text.to_string()),
                    },
                )
            })
            .collect();
        let n_found = out.plan.tasks().len();
        let mut exact = 0;
        for (p, e) in &expected {
            match found.get(p) {
                Some(f) if f == e => exact += 1,
                Some(f) if detail => println!(
                    "  {stem} {p}: expected {e:?}\n  {:>w$}   found    {f:?}",
                    "",
                    w = stem.len() + p.len()
                ),
                None if detail => println!("  {stem} {p}: not found (expected {e:?})"),
                _ => {}
            }
        }
        let expected_paths: std::collections::BTreeSet<&str> =
            expected.iter().map(|(p, _)| p.as_str()).collect();
        let invented: Vec<&String> = found
            .keys()
            .filter(|p| !expected_paths.contains(p.as_str()))
            .collect();
        if detail {
            for p in &invented {
                println!("  {stem} {p}: invented {:?}", found[*p]);
            }
        }
        println!(
            "{:<40} {:>8} {:>6} {:>6} {:>9}",
            stem,
            expected.len(),
            n_found,
            exact,
            invented.len()
        );
        all_expected += expected.len();
        all_found += n_found;
        all_exact += exact;
        all_invented += invented.len();
    }
    let exact_pm = all_exact * 1000 / all_expected.max(1);
    let invented_pm = all_invented * 1000 / all_found.max(1);
    println!(
        "{:<40} {:>8} {:>6} {:>6} {:>9}\n{} documents, {} issuers; exact {}.{} %, invented {}.{} % of found",
        "total",
        all_expected,
        all_found,
        all_exact,
        all_invented,
        inputs.len(),
        issuers.len(),
        exact_pm / 10,
        exact_pm % 10,
        invented_pm / 10,
        invented_pm % 10
    );
    assert!(
        missing_notes.is_empty(),
        "fixtures without a source note: {missing_notes:?}"
    );
    assert!(
        exact_pm >= MIN_EXACT_PER_MILLE,
        "exact {exact_pm}‰ below the floor {MIN_EXACT_PER_MILLE}‰"
    );
    assert!(
        invented_pm <= MAX_INVENTED_PER_MILLE,
        "invented {invented_pm}‰ above the ceiling {MAX_INVENTED_PER_MILLE}‰"
    );
}
