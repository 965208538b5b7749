//! The timeframe list of the grammar's corpus test (`crates/kehoach/tests/data/corpus-timeframes.txt`)
//! holds every timeframe value of the layout corpus (`seeds/layouts/*.expected.json`): a fixture
//! whose values are not in the list fails here until `scripts/corpus-timeframes` is run and the new
//! readings are checked by hand.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // tests: a failed unwrap is a failed test

use kehoach_tests::seeds_dir;
use std::collections::BTreeSet;

const LIST: &str = include_str!("../../crates/kehoach/tests/data/corpus-timeframes.txt");

#[test]
fn every_layout_timeframe_is_in_the_checked_list() {
    let listed: BTreeSet<&str> = LIST
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split('\t').nth(2))
        .collect();
    let Ok(dir) = std::fs::read_dir(seeds_dir().join("layouts")) else {
        return;
    };
    let mut missing = Vec::new();
    for entry in dir {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(slug) = name.strip_suffix(".expected.json") else {
            continue;
        };
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for task in doc["tasks"].as_array().into_iter().flatten() {
            if let Some(tf) = task["timeframe"].as_str()
                && !listed.contains(tf)
            {
                missing.push(format!("{slug}: {tf:?}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "timeframes not in corpus-timeframes.txt (run scripts/corpus-timeframes, then check the new readings by hand):\n{}",
        missing.join("\n")
    );
}
